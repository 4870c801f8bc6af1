#!/usr/bin/env bash
# Installs the Debian 12 packages SlotDesk needs that are missing, and nothing else.
#   tools/install-deps.sh build   compilers, Qt 6 (SQLite and PostgreSQL drivers), QtKeychain,
#                                 date/tz, GMime and libcurl (enough to build and run)
#   tools/install-deps.sh test    build + what the test suite drives for real (keyring, format,
#                                 a PostgreSQL server for tools/with-postgres.sh, an SMTP server)
set -euo pipefail

build_packages=(
  cmake ninja-build g++ pkg-config tzdata
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql
  qt6-networkauth-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n  # lupdate/lrelease, qtbase_*.qm
  qtkeychain-qt6-dev libsecret-1-0 libhowardhinnant-date-dev libbenchmark-dev
  libical-dev  # iCalendar busy time from ICS feeds and CalDAV
  libgl-dev libvulkan-dev
  libgmime-3.0-dev libcurl4-openssl-dev  # e-mail: MIME (GMime 3) and SMTP (libcurl)
)
test_packages=(
  clang-format dbus gnome-keyring sqlite3
  dpkg-dev file desktop-file-utils appstream
  chromium nodejs npm wrk  # the booking-page e2e test (Chromium via playwright-core); bench/
  clang libclang-rt-14-dev  # the libFuzzer targets (tests/fuzz)
  postgresql
  python3 python3-aiosmtpd python3-icalendar openssl  # the mail suites' SMTP server and checkers
  python3-dateutil radicale  # the calendar suites: an independent RRULE expansion, a CalDAV server
)

packages=("${build_packages[@]}")
case "${1:-build}" in
  build) ;;
  test) packages+=("${test_packages[@]}") ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  # Node and npm may come from elsewhere (nvm, NodeSource): on the PATH is as good as installed.
  case "$p" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Installing ${missing[*]} needs root or sudo." >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
