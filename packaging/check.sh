#!/usr/bin/env bash
# Packaging checks, run by tools/test.sh: the desktop metadata validates; a Release build makes
# a .deb and a .tar.gz; the .deb installs with apt-get and both programs run from the installed
# paths; the AppDir runs self-contained.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

desktop-file-validate packaging/linux/io.slotdesk.SlotDesk.desktop
appstreamcli validate --no-net --pedantic packaging/linux/io.slotdesk.SlotDesk.metainfo.xml >/dev/null

cmake --preset release -DSLOTDESK_BUILD_TESTS=OFF -DSLOTDESK_BUILD_BENCH=OFF >/dev/null
cmake --build --preset release --target slotdesk slotdesk-cli
(cd build/release && cpack -G "DEB;TGZ" >/dev/null)
deb=$(ls build/release/slotdesk_*_*.deb)
echo "built $deb and $(ls build/release/slotdesk-*.tar.gz)"
dpkg-deb --field "$deb" Depends | grep -q 'libqt6sql6-sqlite' || { echo "Depends lacks the SQLite driver"; exit 1; }
if dpkg-deb --field "$deb" Depends | grep -q -- '-dev'; then echo "Depends names a -dev package"; exit 1; fi

DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --reinstall "./$deb" >/dev/null
/usr/bin/slotdesk-cli --version
QT_QPA_PLATFORM=offscreen /usr/bin/slotdesk --version
test -f /usr/share/applications/io.slotdesk.SlotDesk.desktop
test -f /usr/share/man/man1/slotdesk-cli.1.gz || test -f /usr/share/man/man1/slotdesk-cli.1

appdir=build/release/AppDir
packaging/linux/appimage/build-appdir.sh build/release "$appdir"
packaging/linux/appimage/check-appdir.sh "$appdir"
