#!/usr/bin/env bash
# `npm start`: install dependencies if needed, then serve the app and open it on the
# default scenario. Port: $PORT, else the first free one from 5173 up. It is chosen here
# and given to Vite with --strictPort, so the address printed is the one Vite serves (Vite
# alone moves to another port when 5173 is taken, while this banner used to name 5173).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
host=127.0.0.1

port_in_use() {
  # Something answers on it: bash's /dev/tcp connect succeeds (no extra tool needed).
  (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null
}

if [ -n "${PORT:-}" ]; then
  port=$PORT
  if port_in_use "$port"; then
    echo "Quorumscope: port $port (from PORT) is already in use" >&2
    exit 1
  fi
else
  port=5173
  while port_in_use "$port"; do
    port=$((port + 1))
    if [ "$port" -gt 5273 ]; then
      echo "Quorumscope: no free port from 5173 to 5273; set PORT" >&2
      exit 1
    fi
  done
fi

echo "Quorumscope: http://$host:$port/  (Ctrl-C to stop)"
open_flag=""
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then open_flag="--open"; fi
exec npx vite --host "$host" --port "$port" --strictPort $open_flag
