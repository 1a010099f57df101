#!/usr/bin/env bash
# Prints the Chromium the Outlook workbench tests use: $CHROME_PATH, then the usual install paths. Exit 1 if none.
set -euo pipefail
for candidate in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/lib/chromium/chromium \
  /usr/bin/google-chrome /usr/bin/google-chrome-stable /opt/google/chrome/chrome; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done
[ "${1:-}" = "--quiet" ] || echo "no Chromium found (set CHROME_PATH, or install it: apt-get install -y chromium)" >&2
exit 1
