#!/usr/bin/env bash
# The window's longest event-loop stall on a PostgreSQL server 100 ms away:
#   bench/window-stall.sh              builds the release preset's bench_window_stall and runs it
#   SLOTDESK_BENCH_STALL=path bench/window-stall.sh   runs that binary instead
#   ROUND_TRIP_MS=20 bench/window-stall.sh            another distance
#   BENCH_PREFIX="nice -n -15" bench/window-stall.sh  on a busy machine (as root): other
#       processes then cannot starve the window's thread, which would show as stalls the window
#       spent waiting for a CPU (the report gives each gap's CPU time)
# A throw-away PostgreSQL (tools/with-postgres.sh) is seeded directly with 10,000 bookings; the
# window opens through tools/latency-proxy.py, which adds ROUND_TRIP_MS (default 100) to every
# request/response exchange (half each way). See bench/bench_window_stall.cpp for the steps.
# Google's tokens (its calendar sync is one of them) go to a private gnome-keyring in a D-Bus
# session of the bench's own (dbus-run-session).
# Budget: the longest stall under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SLOTDESK_BENCH_STALL:-}" ]; then
  cmake --preset release -DSLOTDESK_BUILD_TESTS=ON >/dev/null # the bench uses the tests' fake Google
  cmake --build build/release --target bench_window_stall >/dev/null
  SLOTDESK_BENCH_STALL=build/release/bench/bench_window_stall
fi
export SLOTDESK_BENCH_STALL ROUND_TRIP_MS=${ROUND_TRIP_MS:-100} BENCH_PREFIX=${BENCH_PREFIX:-}

exec tools/with-postgres.sh bash -c '
  set -euo pipefail
  direct=$SLOTDESK_TEST_DATABASE_URL
  port=${direct##*:}; port=${port%%/*}
  fifo=$(mktemp -u "${TMPDIR:-/tmp}/latency-proxy.XXXXXX"); mkfifo "$fifo"
  /usr/bin/python3 tools/latency-proxy.py --target "127.0.0.1:$port" \
    --round-trip-ms "$ROUND_TRIP_MS" >"$fifo" &
  proxy=$!
  keyring=$(mktemp -d "${TMPDIR:-/tmp}/bench-keyring.XXXXXX")
  trap "kill $proxy 2>/dev/null || true; rm -rf $fifo $keyring" EXIT
  read -r line <"$fifo"
  proxied=${direct/:$port\//:${line##*:}/}
  echo "PostgreSQL on 127.0.0.1:$port; the window goes through $line (+$ROUND_TRIP_MS ms a round trip)"
  XDG_DATA_HOME=$keyring dbus-run-session -- sh -c '"'"'
    echo -n slotdesk-bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"'"'"' sh $BENCH_PREFIX "$SLOTDESK_BENCH_STALL" --seed-database "$direct" \
      --database "$proxied"
'
