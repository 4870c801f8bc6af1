#!/usr/bin/env bash
# tools/with-postgres.sh COMMAND...
# Runs COMMAND with a throwaway PostgreSQL cluster: initdb in a fresh temporary directory, a
# server on 127.0.0.1 and a free port (trust authentication, loopback only), and
# SLOTDESK_TEST_DATABASE_URL=postgresql://slotdesk@127.0.0.1:PORT/slotdesk_test in COMMAND's
# environment. The cluster is stopped and deleted when COMMAND ends, however it ends.
# PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` system user
# (which Debian's postgresql package creates).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "with-postgres: no 'postgres' user to run the server as" >&2; exit 1; }
  as_owner=(runuser -u postgres --)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/slotdesk-pg.XXXXXX")
chmod 700 "$dir"
[ ${#as_owner[@]} -eq 0 ] || chown postgres: "$dir"

cleanup() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

"${as_owner[@]}" "$pg_bin/initdb" -D "$dir/data" -U slotdesk --auth=trust --encoding=UTF8 \
  --locale=C >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

started=""
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  port_is_free "$port" || continue
  # Only loopback, the socket in the private directory; durability off: this data is thrown away.
  if "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 \
          -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
          -c autovacuum=off" >/dev/null; then
    started=1
    break
  fi
done
[ -n "$started" ] || { echo "with-postgres: the server did not start" >&2; cat "$dir/server.log" >&2; exit 1; }

"${as_owner[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U slotdesk slotdesk_test
export SLOTDESK_TEST_DATABASE_URL="postgresql://slotdesk@127.0.0.1:$port/slotdesk_test"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
