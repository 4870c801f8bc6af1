#!/usr/bin/env bash
# Throughput and latency of the busiest route, the 31-day slot listing, on loopback:
#   bench/web-slots.sh                 builds the release preset's slotdesk-cli and measures it
#   SLOTDESK_CLI=path bench/web-slots.sh   measures that binary instead
#   WRK_ARGS="-t2 -c32 -d10s" bench/web-slots.sh
# Seeds a throw-away data directory with realistic data (five availability blocks a day, a few
# hundred bookings), starts `slotdesk-cli serve` on a free port, runs wrk against
#   /api/v1/users/alice/slots?from=D&to=D+30&timezone=Europe/Paris
# and prints requests/s and the 99th percentile latency. Target on a 2-core machine:
# >= 5,000 requests/s with p99 under 10 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { echo "wrk is missing: tools/install-deps.sh test" >&2; exit 1; }
if [ -z "${SLOTDESK_CLI:-}" ]; then
  cmake --preset release >/dev/null
  cmake --build build/release --target slotdesk-cli >/dev/null
  SLOTDESK_CLI=build/release/app/slotdesk-cli
fi
cli=$SLOTDESK_CLI
wrk_args=${WRK_ARGS:--t2 -c32 -d10s}
data=$(mktemp -d "${TMPDIR:-/tmp}/slotdesk-bench.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; fi
  rm -rf "$data"
}
trap cleanup EXIT
sd() { "$cli" --data-dir "$data" "$@" >/dev/null; }

echo "== seeding $data"
sd init --username alice --name "Alice Example" --email alice@example.org \
  --timezone Europe/Berlin
sd settings set durations 15,30,60
sd settings set default-duration 30
for day in sun mon tue wed thu fri sat; do
  for hours in 08:00-09:30 10:00-12:00 13:00-14:30 15:00-17:00 18:30-20:00; do
    sd availability add --day "$day" --from "${hours%-*}" --to "${hours#*-}"
  done
done
# 300 bookings over the next 40 days at times the blocks offer; every third one approved.
starts=(08:00 08:30 09:00 10:00 10:30 11:00 11:30 13:00 13:30 14:00 15:00 15:30 16:00 16:30
  18:30 19:00 19:30)
first=$(date -u -d '+2 days' +%F)
made=0
for ((i = 0; made < 300 && i < 40 * 9; i++)); do
  day=$(date -u -d "$first + $((i % 40)) days" +%F)
  start=$(TZ=Europe/Berlin date -d "$day ${starts[$((i / 40 * 2 % 17))]}" +%Y-%m-%dT%H:%M:%S%:z)
  id=$("$cli" --data-dir "$data" bookings create --start "$start" --duration 30 \
    --name "Attendee $i" --email "attendee$i@example.com" --timezone America/New_York --json \
    2>/dev/null | sed -n 's/^ *"id": *"\([^"]*\)".*/\1/p' || true)
  [ -n "$id" ] || continue
  made=$((made + 1))
  if [ $((made % 3)) -eq 0 ]; then sd bookings approve "$id"; fi
done
echo "   $made bookings"

"$cli" --data-dir "$data" serve --listen 127.0.0.1:0 >"$data/server.out" 2>"$data/server.err" &
server_pid=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's|^SlotDesk booking endpoint listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' \
    "$data/server.out")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start: $(cat "$data/server.err")" >&2; exit 1; }

to=$(date -u -d "$first + 30 days" +%F)
url="http://127.0.0.1:$port/api/v1/users/alice/slots?from=$first&to=$to&timezone=Europe/Paris"
curl -sf "$url" >/dev/null 2>&1 || wget -qO /dev/null "$url" || true
echo "== wrk $wrk_args --latency $url"
# shellcheck disable=SC2086
result=$(wrk $wrk_args --latency "$url")
echo "$result"
rps=$(echo "$result" | awk '/^Requests\/sec:/ {print $2}')
p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
errors=$(echo "$result" | awk '/Non-2xx or 3xx responses:/ {print $5}')
echo
echo "requests/s: $rps   p99: $p99   non-2xx: ${errors:-0}"
