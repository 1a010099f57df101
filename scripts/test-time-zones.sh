#!/usr/bin/env bash
# The core's and the CLI's suites again under four machine time zones: no result may depend on the host's zone.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for zone in UTC Asia/Kolkata America/St_Johns Pacific/Chatham; do
  if TZ="$zone" NODE_OPTIONS=--experimental-vm-modules npx jest shared cli --silent >"$log" 2>&1; then
    echo "TZ=$zone: $(grep -E '^Tests:' "$log")"
  else
    cat "$log"
    echo "TZ=$zone: failures (above)" >&2
    exit 1
  fi
done
