#!/usr/bin/env bash
# Quick start: install what is missing, build a release, and launch SlotDesk on its embedded
# SQLite database (in ~/.local/share/SlotDesk unless --data-dir DIR or $SLOTDESK_DATA_DIR).
# Extra arguments go to slotdesk, e.g. tools/run.sh --data-dir /tmp/demo
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh build
cmake --preset release -DSLOTDESK_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release --target slotdesk slotdesk-cli
exec build/release/app/slotdesk "$@"
