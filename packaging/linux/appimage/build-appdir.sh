#!/usr/bin/env bash
# Builds a self-contained AppDir from a configured (Release) build tree:
#   packaging/linux/appimage/build-appdir.sh BUILD_DIR APPDIR
# Installs SlotDesk with prefix /usr, bundles the Qt libraries and the plugins SlotDesk loads at
# run time (platforms, sqldrivers, imageformats, tls) with their dependencies, and writes AppRun.
# Turning the AppDir into a .AppImage needs appimagetool or linuxdeploy (see .github/workflows/
# release.yml); they are not Debian packages, so that last step runs on a hosted runner.
set -euo pipefail
build=$(realpath "$1"); appdir=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
qt_plugins=$(qtpaths6 --plugin-dir 2>/dev/null || echo /usr/lib/x86_64-linux-gnu/qt6/plugins)

rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build" --prefix /usr >/dev/null
lib="$appdir/usr/lib"; plugins="$appdir/usr/plugins"
mkdir -p "$lib" "$plugins"

# Plugins loaded with dlopen(), so ldd of the binaries can't name them.
for p in platforms/libqxcb.so platforms/libqoffscreen.so platforms/libqwayland-generic.so \
         sqldrivers/libqsqlite.so sqldrivers/libqsqlpsql.so imageformats/libqsvg.so \
         tls/libqopensslbackend.so xcbglintegrations/libqxcb-glx-integration.so; do
  [ -f "$qt_plugins/$p" ] || continue
  mkdir -p "$plugins/$(dirname "$p")"
  cp -L "$qt_plugins/$p" "$plugins/$p"
done

# Libraries every Linux desktop has, and that must come from the host (glibc, the GPU stack,
# X11 and fontconfig): the AppImage project's excludelist, in short.
excluded='^(ld-linux|libc|libm|libdl|libpthread|librt|libresolv|libutil|libgcc_s|libstdc\+\+|libGL|libEGL|libGLX|libGLdispatch|libOpenGL|libdrm|libgbm|libX11|libxcb|libXau|libXdmcp|libXext|libXrender|libfontconfig|libfreetype|libexpat|libz|libdbus-1|libsystemd|libglib-2|libgobject-2|libgio-2|libuuid|libselinux|libmount|libblkid|libpcre2-8|libffi|libcap|libgcrypt|libgpg-error|liblzma|libzstd|liblz4)[.-]'
bundle() { # copies the non-excluded shared libraries $1 needs
  ldd "$1" | awk '/=> \//{print $3}' | while read -r dep; do
    name=$(basename "$dep")
    [[ $name =~ $excluded ]] && continue
    [ -f "$lib/$name" ] && continue
    cp -L "$dep" "$lib/$name"
    bundle "$lib/$name"
  done
}
for f in "$appdir"/usr/bin/* $(find "$plugins" -name '*.so'); do bundle "$f"; done

# Qt's own translations (standard buttons and dialogs) for the languages SlotDesk speaks; its
# own are embedded in the binary.
qt_translations=$(qtpaths6 --query QT_INSTALL_TRANSLATIONS 2>/dev/null || echo /usr/share/qt6/translations)
mkdir -p "$appdir/usr/translations"
for lang in de fr; do
  if [ -f "$qt_translations/qtbase_$lang.qm" ]; then cp "$qt_translations/qtbase_$lang.qm" "$appdir/usr/translations/"; fi
done

# Qt finds its plugins and translations next to the binaries through qt.conf.
printf '[Paths]\nPrefix = ..\nPlugins = plugins\nTranslations = translations\n' > "$appdir/usr/bin/qt.conf"

install -m 755 "$here/AppRun" "$appdir/AppRun"
cp "$appdir/usr/share/applications/io.slotdesk.SlotDesk.desktop" "$appdir/"
cp "$appdir/usr/share/icons/hicolor/256x256/apps/io.slotdesk.SlotDesk.png" "$appdir/io.slotdesk.SlotDesk.png"
ln -sf io.slotdesk.SlotDesk.png "$appdir/.DirIcon"
echo "AppDir ready: $appdir ($(du -sh "$appdir" | cut -f1))"
