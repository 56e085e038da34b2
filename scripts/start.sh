#!/usr/bin/env bash
# `npm start`: install dependencies if needed, then serve the app and open it on the
# default scenario (http://127.0.0.1:5173/).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
echo "Quorumscope: http://127.0.0.1:5173/  (Ctrl-C to stop)"
open_flag=""
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then open_flag="--open"; fi
exec npx vite --host 127.0.0.1 --port 5173 $open_flag
