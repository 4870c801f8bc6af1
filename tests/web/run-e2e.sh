#!/usr/bin/env bash
# The attendee pages in a real browser, as CTest runs them (e2e_booking_page):
#   tests/web/run-e2e.sh PATH/TO/slotdesk-cli [SCREENSHOT_DIR]
# Seeds a throw-away data directory (admin alice, bookable around the clock), starts
# `slotdesk-cli serve` on a free loopback port, runs booking.e2e.mjs against it, stops the server
# with SIGTERM (it must exit 0) and exits with the browser test's status.
# With SLOTDESK_E2E_DESKTOP=PATH/TO/slotdesk the pages are served by the desktop app instead
# (offscreen, settings in the throw-away directory), as an admin runs it.
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

# Refuse early, in one line, when this Node.js is older than what the tests or playwright-core
# declare in "engines" (npm would only warn, and the browser test would fail later).
node "$here/check-node.mjs" "$here/package.json" "$here/package-lock.json"

if [ ! -d "$here/node_modules/playwright-core" ]; then
  npm ci --prefix "$here" --no-audit --no-fund
fi

"$cli" --data-dir "$data" init --username alice --name "Alice Example" \
  --email alice@example.org --timezone Europe/Berlin >/dev/null
for day in sun mon tue wed thu fri sat; do
  "$cli" --data-dir "$data" availability add --day "$day" --from 00:00 --to 24:00 >/dev/null
done

desktop=${SLOTDESK_E2E_DESKTOP:-}
if [ -n "$desktop" ]; then
  HOME="$data" XDG_CONFIG_HOME="$data/config" XDG_DATA_HOME="$data/share" QT_QPA_PLATFORM=offscreen \
    "$desktop" --data-dir "$data" --listen 127.0.0.1:0 >"$data/server.out" 2>"$data/server.err" &
  ready='s|^Booking link: http://127\.0\.0\.1:\([0-9]*\)/alice$|\1|p'
  what="slotdesk (the desktop app)"
else
  "$cli" --data-dir "$data" serve --listen 127.0.0.1:0 >"$data/server.out" 2>"$data/server.err" &
  ready='s|^SlotDesk booking endpoint listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p'
  what="slotdesk-cli serve"
fi
server_pid=$!
port=
for _ in $(seq 1 600); do # up to a minute (a sanitizer build starts slowly)
  port=$(sed -n "$ready" "$data/server.out")
  [ -n "$port" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "FAIL  $what exited: $(cat "$data/server.err")"
    exit 1
  fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "FAIL  $what did not say where it listens"
  exit 1
fi

mkdir -p "$shots"
status=0
node "$here/booking.e2e.mjs" --base "http://127.0.0.1:$port" --user alice --screenshots "$shots" \
  --cli "$cli" --data-dir "$data" || status=$?

if [ -n "$desktop" ]; then
  # The window is closed by its user, not by a signal; it has served the whole run.
  kill -KILL "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  exit "$status"
fi
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
