#!/usr/bin/env bash
# The attendee pages in a real browser, as CTest runs them (e2e_booking_page):
#   tests/web/run-e2e.sh PATH/TO/slotdesk-cli [SCREENSHOT_DIR]
# Seeds a throw-away data directory (admin alice, bookable around the clock), starts
# `slotdesk-cli serve` on a free loopback port, runs booking.e2e.mjs against it, stops the server
# with SIGTERM (it must exit 0) and exits with the browser test's status.
set -euo pipefail

cli=${1:?usage: $0 PATH/TO/slotdesk-cli [SCREENSHOT_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
shots=${2:-$here/../../build/test-artifacts/e2e}
data=$(mktemp -d "${TMPDIR:-/tmp}/slotdesk-e2e.XXXXXX")
server_pid=

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

if [ ! -d "$here/node_modules/playwright-core" ]; then
  npm ci --prefix "$here" --no-audit --no-fund
fi

"$cli" --data-dir "$data" init --username alice --name "Alice Example" \
  --email alice@example.org --timezone Europe/Berlin >/dev/null
for day in sun mon tue wed thu fri sat; do
  "$cli" --data-dir "$data" availability add --day "$day" --from 00:00 --to 24:00 >/dev/null
done

"$cli" --data-dir "$data" serve --listen 127.0.0.1:0 >"$data/server.out" 2>"$data/server.err" &
server_pid=$!
port=
for _ in $(seq 1 600); do # up to a minute (a sanitizer build starts slowly)
  port=$(sed -n 's|^SlotDesk booking endpoint listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' \
    "$data/server.out")
  [ -n "$port" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "FAIL  slotdesk-cli serve exited: $(cat "$data/server.err")"
    exit 1
  fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "FAIL  slotdesk-cli serve did not say where it listens"
  exit 1
fi

mkdir -p "$shots"
status=0
node "$here/booking.e2e.mjs" --base "http://127.0.0.1:$port" --user alice --screenshots "$shots" ||
  status=$?

kill -TERM "$server_pid"
server_status=0
wait "$server_pid" || server_status=$?
server_pid=
if [ "$server_status" -ne 0 ]; then
  echo "FAIL  the server did not shut down cleanly (exit $server_status):"
  tail -n 20 "$data/server.err"
  [ "$status" -ne 0 ] || status=1
else
  echo "ok    the server shut down cleanly"
fi
exit "$status"
