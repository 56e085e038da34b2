#!/usr/bin/env bash
# Prints the path of a Chromium for the end-to-end tests. On a Debian machine where we
# are root and none is found, installs Debian's `chromium` (and `fonts-noto-cjk`, so
# Chinese renders in screenshots) with apt-get; elsewhere says how to get one.
set -euo pipefail
find_chromium() {
  for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/lib/chromium/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}
# shellcheck source=lib/ensure.sh
. "$(dirname "$0")/lib/ensure.sh"
ensure_or_install find_chromium "Chromium" "No Chromium found for the end-to-end tests.
Install one and run again, or point CHROMIUM_PATH at it:
  Debian/Ubuntu:  sudo apt-get install chromium fonts-noto-cjk
  macOS:          brew install --cask chromium
  or:             CHROMIUM_PATH=/path/to/chrome npm test" chromium fonts-noto-cjk
