#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for tests, benchmarks and the parity run.
#
#   Tests/Postgres/server.sh start DIR PORT   initdb into DIR/data (user "byline", password in
#                                             DIR/password, scram-sha-256 over TCP), listen on
#                                             127.0.0.1:PORT; prints the server's URL
#   Tests/Postgres/server.sh stop DIR         stop it (fast) and remove DIR
#   Tests/Postgres/server.sh kill DIR         stop it at once (immediate shutdown), keep DIR
#   Tests/Postgres/server.sh createdb DIR PORT NAME
#   Tests/Postgres/server.sh sql DIR PORT DB SQL   run SQL in database DB, print the rows
#
# PostgreSQL refuses to run as root: as root the server runs as the "postgres" user (made by
# Debian's package), which owns DIR. fsync is off: these servers hold test data only.
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?usage: server.sh start|stop|kill|createdb DIR [PORT] [NAME]}
dir=${2:?a folder}

as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  port=${3:?a port}
  # The server must not inherit what the caller had open beyond stdio: a parent that learns of
  # a child's exit from a descriptor the child holds (Foundation's Process on Linux) would
  # otherwise wait for the server, not for this script.
  for fd in $(ls /proc/$$/fd); do
    if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
  [ -x "$BIN/initdb" ] || { echo "no PostgreSQL binaries in $BIN" >&2; exit 69; }
  mkdir -p "$dir"
  echo "byline-test-password" > "$dir/password"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; chmod 700 "$dir"; fi
  as_server "$BIN/initdb" -D "$dir/data" -U byline --pwfile="$dir/password" --auth-host=scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_server "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  as_server "$BIN/psql" -h "$dir" -p "$port" -U byline -d postgres -qAtc "CREATE DATABASE byline" >/dev/null
  echo "postgresql://byline:byline-test-password@127.0.0.1:$port/byline"
  ;;
createdb)
  port=${3:?a port}
  name=${4:?a name}
  as_server "$BIN/psql" -h "$dir" -p "$port" -U byline -d postgres -qAtc "CREATE DATABASE \"$name\"" >/dev/null
  ;;
sql)
  port=${3:?a port}
  as_server "$BIN/psql" -h "$dir" -p "$port" -U byline -d "${4:?a database}" -qAtc "${5:?SQL}"
  ;;
stop)
  if [ -d "$dir/data" ]; then as_server "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  ;;
kill)
  as_server "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  ;;
*)
  echo "unknown command $cmd" >&2
  exit 64
  ;;
esac
