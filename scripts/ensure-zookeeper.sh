#!/usr/bin/env bash
# Prints the Java classpath of a ZooKeeper 3.8 (server and Java client) for the conformance
# tests, as one line. On a Debian machine where we are root and none is found, installs
# Debian's `zookeeper` (3.8, with OpenJDK 17) with apt-get; elsewhere says how to get one.
# ZOOKEEPER_JAR may point at a zookeeper-3.8.x.jar whose manifest or directory brings the
# rest of its jars (netty, jute, slf4j, ...).
set -euo pipefail
java_ok() {
  command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 || return 1
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ -n "$v" ] && [ "${v%%.*}" -ge 11 ]
}
find_zookeeper() {
  java_ok || return 1
  for j in "${ZOOKEEPER_JAR:-}" /usr/share/java/zookeeper.jar; do
    if [ -n "$j" ] && [ -f "$j" ]; then
      local dir cp
      dir=$(dirname "$j")
      # Debian's jar names its dependencies in its manifest; add a logger binding so
      # slf4j stays quiet, and the jute and netty jars beside it for other layouts.
      cp="$j"
      for extra in zookeeper-jute.jar slf4j-api.jar slf4j-simple.jar; do
        [ -f "$dir/$extra" ] && cp="$cp:$dir/$extra"
      done
      echo "$cp"
      return 0
    fi
  done
  return 1
}
# shellcheck source=lib/ensure.sh
. "$(dirname "$0")/lib/ensure.sh"
ensure_or_install find_zookeeper "ZooKeeper 3.8 (with a JDK for javac)" "No ZooKeeper 3.8 with a JDK 11+ (java, javac) for the conformance tests: on Debian/Ubuntu run 'sudo apt-get install zookeeper default-jdk-headless'; elsewhere install ZooKeeper 3.8 (zookeeper.apache.org) and a JDK 11+, and set ZOOKEEPER_JAR=/path/to/lib/zookeeper-3.8.x.jar" zookeeper default-jdk-headless
