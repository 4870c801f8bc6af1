#!/usr/bin/env bash
# Install what is missing, check formatting, build under AddressSanitizer + UBSan with warnings
# as errors, and run every test. Exits non-zero on any failure. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh test

echo "== clang-format"
git ls-files -- '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

echo "== packaging (release build, .deb installed, AppDir)"
packaging/check.sh

echo "== fuzz (libFuzzer + ASan/UBSan, ${SLOTDESK_FUZZ_SECONDS:=60} s a target)"
tools/fuzz.sh "$SLOTDESK_FUZZ_SECONDS"

echo "== build (asan preset)"
cmake --preset asan >/dev/null
cmake --build --preset asan

echo "== tests"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The keychain tests talk to a real Secret Service: a private D-Bus session with an unlocked
# gnome-keyring, gone when the tests end. The storage and booking suites run twice, the second
# time (*_postgres) against a throwaway PostgreSQL cluster that with-postgres.sh starts and stops.
# Both are promised here, so a suite that can't reach them fails instead of skipping.
export SLOTDESK_TEST_REQUIRE_POSTGRES=1
export SLOTDESK_TEST_REQUIRE_KEYCHAIN=1
# The keyring (and anything else that follows XDG_DATA_HOME) lives in a throwaway directory, so a
# keyring left with another password by an earlier run on this machine cannot lock the tests out.
XDG_DATA_HOME=$(mktemp -d "${TMPDIR:-/tmp}/slotdesk-test-data.XXXXXX")
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
tools/with-postgres.sh dbus-run-session -- sh -c '
  echo -n slotdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  ctest --preset asan --output-on-failure "$@"' sh "$@"
