#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests and prints its URL on the last line:
#   eval "$(Tools/Postgres/start-cluster.sh DIR PORT)"   exports ZHIBIAO_POSTGRES_URL
# The cluster lives in DIR (created; must not exist), listens on 127.0.0.1:PORT only, trusts
# local connections (it holds test data only) and is stopped by Tools/Postgres/stop-cluster.sh DIR.
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
set -euo pipefail
dir=${1:?usage: start-cluster.sh DIR PORT}
port=${2:?usage: start-cluster.sh DIR PORT}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
as_owner "'$bin/initdb' -D '$dir/data' --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
as_owner "'$bin/createdb' -h 127.0.0.1 -p $port -U postgres zhibiao_test"
echo "export ZHIBIAO_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/zhibiao_test"
