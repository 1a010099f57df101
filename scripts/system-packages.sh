#!/usr/bin/env bash
# Debian packages the tests use, installed when missing: poppler-utils (pdftoppm renders statement PDFs),
# libxml2-utils and chromium (Outlook add-in manifest and workbench tests).
# Run by `npm test` and .ci/run; as root it installs, otherwise it says what to install and fails.
set -euo pipefail
need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# Outlook add-in: xmllint validates manifest.xml against the XSDs; Chromium runs the workbench end-to-end tests.
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
bash "$(dirname "$0")/outlook-chromium.sh" --quiet >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "system packages missing: ${need[*]} — install them with: apt-get install -y ${need[*]}" >&2
  exit 1
fi
SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
echo "installing Debian packages: ${need[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
