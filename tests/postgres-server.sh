#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on a free loopback port and prints its connection string (without a
# database); `stop DIR` removes it. Used by test.sh to run the API, sign-in and engine tests on PostgreSQL too.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_server() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$1" in
  start)
    dir=$(mktemp -d /tmp/notify-pg-tests.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_server "$bin/initdb" -D "$dir/data" -U notify -A trust --no-sync --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    as_server "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" start >/dev/null
    echo "$dir Host=127.0.0.1;Port=$port;Username=notify;Pooling=true"
    ;;
  stop)
    as_server "$bin/pg_ctl" -D "$2/data" -m immediate stop >/dev/null || true
    rm -rf "$2"
    ;;
esac
