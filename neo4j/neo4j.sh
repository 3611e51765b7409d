#!/usr/bin/env bash
# The project's own Neo4j Community server (5.26 LTS), run from Maven Central jars with Java 17+,
# no Docker, no Neo4j install. Works from any directory; also `npm run neo4j:start|stop|status`.
#
#   bash neo4j/neo4j.sh start    fetch jars if needed, start, wait until Bolt answers (idempotent)
#   bash neo4j/neo4j.sh stop     SIGTERM, wait for a clean exit, SIGKILL after a timeout (idempotent)
#   bash neo4j/neo4j.sh status   exit 0 when running, 3 when not
#
# Layout (both git-ignored):
#   neo4j/lib/    the jars (mvn dependency:copy-dependencies of neo4j/pom.xml); lib/.complete marks
#                 a finished copy and records which pom.xml it came from
#   neo4j/home/   conf/neo4j.conf (regenerated from neo4j.conf.template on every start), data/,
#                 logs/ (console.log = the server's console output, maven.log), run/, plugins/,
#                 neo4j.pid, bolt.port
#
# Environment:
#   NEO4J_BOLT_PORT     Bolt port on 127.0.0.1 (default 7687)
#   NEO4J_HOME_DIR      home folder (default neo4j/home); a second instance needs its own, with its own port
#   NEO4J_WAIT_TIMEOUT  seconds to wait for Bolt on start (default 120)
#   NEO4J_STOP_TIMEOUT  seconds to wait for a clean shutdown before SIGKILL (default 60)
#   NEO4J_JAVA_OPTS     extra JVM options, appended (e.g. "-Xmx2g")
#   JAVA_HOME           Java to use (default: java on PATH)
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
HOME_DIR="${NEO4J_HOME_DIR:-$DIR/home}"
LIB_DIR="$DIR/lib"
MARKER="$LIB_DIR/.complete"
PID_FILE="$HOME_DIR/neo4j.pid"
PORT_FILE="$HOME_DIR/bolt.port"
CONSOLE_LOG="$HOME_DIR/logs/console.log"
PORT="${NEO4J_BOLT_PORT:-7687}"
URI="bolt://127.0.0.1:$PORT"
WAIT_TIMEOUT="${NEO4J_WAIT_TIMEOUT:-120}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"

say() { echo "neo4j: $*"; }
die() { echo "neo4j: $*" >&2; exit 1; }

# Milliseconds since the epoch (bash 5's EPOCHREALTIME; whole seconds elsewhere).
now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then local t="${EPOCHREALTIME/[.,]/}"; echo "${t:0:13}"; else echo "$(date +%s)000"; fi
}
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# Alive and not a zombie (a reparented server may linger as a zombie where nobody reaps).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  if [ -r "/proc/$1/stat" ]; then
    local state
    state="$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)"
    [ "$state" != "Z" ] || return 1
  fi
}

cmdline_of() {
  if [ -r "/proc/$1/cmdline" ]; then tr '\0' ' ' <"/proc/$1/cmdline"; else ps -o command= -p "$1" 2>/dev/null || true; fi
}

# Sets SERVER_PID to the pid of this project's running server, or returns 1 when none runs
# (then STALE_PID is set when the pid file names a process that is gone or is something else).
SERVER_PID=""
STALE_PID=""
find_server() {
  SERVER_PID=""
  STALE_PID=""
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  if [ -n "$pid" ] && alive "$pid"; then
    case "$(cmdline_of "$pid")" in
      *CommunityEntryPoint*"--home-dir=$HOME_DIR"*) SERVER_PID="$pid"; return 0 ;;
    esac
  fi
  STALE_PID="${pid:-?}"
  return 1
}

remove_stale_pid_file() {
  if [ -n "$STALE_PID" ]; then
    say "removing stale pid file (pid $STALE_PID no longer runs this project's Neo4j)"
    rm -f "$PID_FILE" "$PORT_FILE"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Serialise start/stop (two concurrent starts must not launch two servers).
take_lock() {
  mkdir -p "$HOME_DIR"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$HOME_DIR/.lock"
    flock -w 900 9 || die "another neo4j.sh start/stop holds $HOME_DIR/.lock"
  fi
}

JAVA=""
check_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then JAVA="$(command -v java)"
  else die "Java not found: Neo4j 5.26 needs Java 17 or 21 (e.g. apt-get install openjdk-17-jre-headless)"
  fi
  local major
  major="$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\).*/\1/p' | head -n 1)"
  [ -n "$major" ] || die "cannot read the version of $JAVA"
  [ "$major" -ge 17 ] || die "Java $major found at $JAVA: Neo4j 5.26 needs Java 17 or 21"
  case "$major" in 17|21) ;; *) say "warning: Java $major is not one Neo4j 5.26 supports (17, 21); trying anyway" ;; esac
}

check_node() {
  command -v node >/dev/null 2>&1 || die "node not found: needed to wait for Bolt (neo4j/wait-for-bolt.js)"
  (cd "$DIR" && node -e "require.resolve('neo4j-driver')" >/dev/null 2>&1) \
    || die "neo4j-driver is not installed: run \"npm ci\" in $(dirname "$DIR") first"
}

pom_stamp() { cksum <"$DIR/pom.xml" | cut -d' ' -f1,2; }

# Jars into neo4j/lib, once: fetched into a scratch folder and moved into place only when complete.
ensure_jars() {
  if [ -f "$MARKER" ] && [ "$(head -n 1 "$MARKER")" = "pom $(pom_stamp)" ]; then return 0; fi
  command -v mvn >/dev/null 2>&1 \
    || die "Maven (mvn) not found: needed once to fetch the Neo4j jars into $LIB_DIR (apt-get install maven)"
  local scratch="$HOME_DIR/lib.partial" log="$HOME_DIR/logs/maven.log" t0
  mkdir -p "$HOME_DIR/logs"
  rm -rf "$scratch"
  say "fetching the Neo4j jars with Maven into $LIB_DIR (first time ~35 s, then seconds; log: $log)"
  t0="$(now_ms)"
  if ! mvn -q -B -f "$DIR/pom.xml" dependency:copy-dependencies -DoutputDirectory="$scratch" >"$log" 2>&1; then
    tail -n 30 "$log" >&2 || true
    die "Maven could not fetch the Neo4j jars (full log: $log)"
  fi
  local count
  count="$(find "$scratch" -maxdepth 1 -name '*.jar' | wc -l | tr -d ' ')"
  [ "$count" -gt 0 ] || die "Maven finished but fetched no jars (log: $log)"
  printf 'pom %s\njars %s\nfetched %s\n' "$(pom_stamp)" "$count" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$scratch/.complete"
  rm -rf "$LIB_DIR"
  mv "$scratch" "$LIB_DIR"
  say "fetched $count jars in $(seconds_since "$t0") s"
}

write_conf() {
  mkdir -p "$HOME_DIR/conf" "$HOME_DIR/data" "$HOME_DIR/logs" "$HOME_DIR/run" "$HOME_DIR/plugins"
  local home_escaped
  home_escaped="$(printf '%s' "$HOME_DIR" | sed 's/[\\|&]/\\&/g')"
  sed -e "s|@NEO4J_HOME@|$home_escaped|g" -e "s|@BOLT_PORT@|$PORT|g" \
    "$DIR/neo4j.conf.template" >"$HOME_DIR/conf/neo4j.conf"
}

# SIGTERM, wait for the exit, SIGKILL after STOP_TIMEOUT s.
terminate() {
  local pid="$1" t0 waited=0
  STOP_HOW="stopped"
  t0="$(now_ms)"
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid"; do
    if [ "$waited" -ge $((STOP_TIMEOUT * 5)) ]; then
      say "warning: pid $pid still running after ${STOP_TIMEOUT} s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      STOP_HOW="killed (SIGKILL)"
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE" "$PORT_FILE"
  STOP_SECONDS="$(seconds_since "$t0")"
}

cmd_start() {
  take_lock
  local pid version
  if find_server; then
    pid="$SERVER_PID"
    local running_port
    running_port="$(cat "$PORT_FILE" 2>/dev/null || echo 7687)"
    [ "$running_port" = "$PORT" ] \
      || die "already running on port $running_port (pid $pid), not $PORT: run \"bash neo4j/neo4j.sh stop\" first"
    check_node
    version="$(node "$DIR/wait-for-bolt.js" --uri "$URI" --timeout "$WAIT_TIMEOUT" --pid "$pid" --version-only)" \
      || die "pid $pid runs but $URI does not answer; see $CONSOLE_LOG or run \"bash neo4j/neo4j.sh stop\""
    say "Neo4j $version is already running at $URI (pid $pid)"
    return 0
  fi
  remove_stale_pid_file
  check_java
  check_node
  if port_in_use "$PORT"; then
    die "port $PORT on 127.0.0.1 is held by another process (not this project's Neo4j); free it or set NEO4J_BOLT_PORT"
  fi
  ensure_jars
  write_conf
  [ ! -f "$CONSOLE_LOG" ] || mv -f "$CONSOLE_LOG" "$CONSOLE_LOG.1"

  local setsid="" t0
  # Own session: Ctrl-C in the terminal that started it (e.g. `npm run start:neo4j`) leaves it alone.
  if command -v setsid >/dev/null 2>&1; then setsid="setsid"; fi
  t0="$(now_ms)"
  # shellcheck disable=SC2086  # NEO4J_JAVA_OPTS is a list of options
  (cd "$HOME_DIR" && exec $setsid "$JAVA" -Xms512m -Xmx1g \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true \
    -Dfile.encoding=UTF-8 \
    ${NEO4J_JAVA_OPTS:-} \
    -cp "$LIB_DIR/*:$HOME_DIR/plugins/*" \
    org.neo4j.server.CommunityEntryPoint \
    --home-dir="$HOME_DIR" --config-dir="$HOME_DIR/conf" --console-mode \
    </dev/null >"$CONSOLE_LOG" 2>&1 9>&-) &
  pid=$!
  echo "$pid" >"$PID_FILE"
  echo "$PORT" >"$PORT_FILE"

  if ! version="$(node "$DIR/wait-for-bolt.js" --uri "$URI" --timeout "$WAIT_TIMEOUT" --pid "$pid" --version-only)"; then
    echo "----- last 30 lines of $CONSOLE_LOG -----" >&2
    tail -n 30 "$CONSOLE_LOG" >&2 || true
    echo "-----" >&2
    if alive "$pid"; then terminate "$pid"; else rm -f "$PID_FILE" "$PORT_FILE"; fi
    die "Neo4j did not start (Bolt at $URI not answering after $(seconds_since "$t0") s); console output: $CONSOLE_LOG"
  fi
  say "Neo4j $version ready at $URI in $(seconds_since "$t0") s (pid $pid)"
}

cmd_stop() {
  take_lock
  local pid
  if ! find_server; then
    remove_stale_pid_file
    say "Neo4j is not running"
    return 0
  fi
  pid="$SERVER_PID"
  say "stopping Neo4j (pid $pid)"
  terminate "$pid"
  say "Neo4j $STOP_HOW in $STOP_SECONDS s"
}

cmd_status() {
  local pid port
  if find_server; then
    pid="$SERVER_PID"
    port="$(cat "$PORT_FILE" 2>/dev/null || echo "$PORT")"
    if port_in_use "$port"; then
      say "Neo4j is running (pid $pid) at bolt://127.0.0.1:$port"
    else
      say "Neo4j is running (pid $pid), Bolt at bolt://127.0.0.1:$port not answering yet"
    fi
    return 0
  fi
  if [ -n "$STALE_PID" ]; then say "Neo4j is not running (stale pid file names pid $STALE_PID)"
  else say "Neo4j is not running"; fi
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: bash neo4j/neo4j.sh start|stop|status" >&2; exit 2 ;;
esac
