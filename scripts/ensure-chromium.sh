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
if path=$(find_chromium); then echo "$path"; exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "No Chromium found: installing Debian's chromium and fonts-noto-cjk with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium fonts-noto-cjk >&2
  if path=$(find_chromium); then echo "$path"; exit 0; fi
fi
cat >&2 <<'MSG'
No Chromium found for the end-to-end tests.
Install one and run again, or point CHROMIUM_PATH at it:
  Debian/Ubuntu:  sudo apt-get install chromium fonts-noto-cjk
  macOS:          brew install --cask chromium
  or:             CHROMIUM_PATH=/path/to/chrome npm test
MSG
exit 1
