# Sourced by scripts/ensure-*.sh: find a tool the tests need, install it with apt-get when
# this is a Debian machine and we are root, else say how to get it.
#
#   ensure_or_install FIND_FUNCTION "WHAT (for the message)" "HOW TO GET IT" PACKAGE...
#
# FIND_FUNCTION prints what the caller needs (a path, a classpath) and returns 0 when found.
# On success its output is printed and the script exits 0; otherwise HOW TO GET IT goes to
# stderr and the script exits 1. apt-get's own output goes to stderr, so stdout stays the answer.
ensure_or_install() {
  local find=$1 what=$2 how=$3
  shift 3
  local out
  if out=$("$find"); then echo "$out"; exit 0; fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "No $what found: installing Debian's $* with apt-get..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || true
    apt-get install -y -qq "$@" >&2 || true
    if out=$("$find"); then echo "$out"; exit 0; fi
  fi
  echo "$how" >&2
  exit 1
}
