#!/usr/bin/env bash
# Proves an AppDir is self-contained: with LD_LIBRARY_PATH pointing only into it and no Qt
# environment, both binaries run, and every Qt library and plugin they load comes from inside.
#   packaging/linux/appimage/check-appdir.sh APPDIR
set -euo pipefail
appdir=$(realpath "$1")
data=$(mktemp -d); trap 'rm -rf "$data"' EXIT
run() { env -i PATH=/usr/bin:/bin HOME="$data" LD_LIBRARY_PATH="$appdir/usr/lib" \
          QT_QPA_PLATFORM=offscreen LD_DEBUG=libs LD_DEBUG_OUTPUT="$data/ld" "$@"; }

run "$appdir/AppRun" --version | grep -q '^SlotDesk ' || { echo "slotdesk --version failed"; exit 1; }
run "$appdir/AppRun" cli --version | grep -q '^slotdesk-cli ' || { echo "slotdesk-cli --version failed"; exit 1; }
# The SQLite driver is a plugin: a real command proves it loads from the AppDir.
run "$appdir/AppRun" cli --data-dir "$data/d" init --username appdir --name AppDir \
    --email appdir@example.org --timezone Europe/Berlin >/dev/null

loaded=$(cat "$data"/ld.* | grep -o 'calling init: [^ ]*' | sed 's/^calling init: //' | sort -u)
outside=$(echo "$loaded" | grep -E 'libQt6|libqt6keychain|libdate-tz|/plugins/' | grep -v "^$appdir" || true)
if [ -n "$outside" ]; then
  echo "loaded from outside the AppDir:"; echo "$outside"; exit 1
fi
count=$(echo "$loaded" | grep -c "^$appdir" || true)
echo "AppDir self-contained: $count libraries and plugins loaded from $appdir, none from the host Qt"
