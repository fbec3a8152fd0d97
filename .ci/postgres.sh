#!/usr/bin/env bash
# A PostgreSQL cluster for the tests, on 127.0.0.1 only. Idempotent: installs Debian's postgresql if missing,
# creates the cluster once, starts it if stopped, creates the role and database if absent. The last line on
# stdout is `export BEIAN_TEST_DATABASE_URL=…`, so `eval "$(.ci/postgres.sh)"` sets it (and DATABASE_URL-free:
# the tests make their own database per file from it).
set -euo pipefail

port="${BEIAN_PG_PORT:-54329}"
root="${BEIAN_PG_DIR:-/var/tmp/beian-pg}"
user=beian
password=beian
database=beian

as_root=""
if [ "$(id -u)" -ne 0 ]; then as_root="sudo -E"; fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgres.sh: installing Debian's postgresql for the storage tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  $as_root apt-get update -qq >&2
  $as_root apt-get install -y -qq postgresql >/dev/null
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# initdb and the server refuse to run as root; run them as the postgres account the package creates.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -f "$root/data/PG_VERSION" ]; then
  $as_root mkdir -p "$root"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$root"; fi
  pwfile="$(as_pg mktemp)"
  as_pg sh -c "echo '$password' > '$pwfile'"
  as_pg "$bin/initdb" -D "$root/data" -U "$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >&2
  as_pg rm -f "$pwfile"
  cat <<EOF | as_pg tee -a "$root/data/postgresql.conf" >/dev/null
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$root'
max_connections = 300
EOF
fi

if ! as_pg "$bin/pg_ctl" -D "$root/data" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 start >&2
fi

export PGPASSWORD="$password"
if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc "select 1 from pg_database where datname = '$database'" | grep -q 1; then
  "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -qc "create database $database" >&2
fi

echo "export BEIAN_TEST_DATABASE_URL=postgres://$user:$password@127.0.0.1:$port/$database"
