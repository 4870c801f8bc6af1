#!/usr/bin/env bash
# tools/fresh-check.sh [--keep] [--skip-run] [--skip-test] [COMMIT]
#
# Runs the README's two quick-start commands exactly as written on a brand-new Debian 12:
# bootstraps a minimal bookworm (debootstrap --variant=minbase, plus git and ca-certificates),
# clones COMMIT (default HEAD) of this repository into it and, as root inside the chroot,
#   1. tools/run.sh   headless (QT_QPA_PLATFORM=offscreen), stopped once its booking link
#                     answers GET /api/v1/health;
#   2. tools/test.sh  to its end.
# Prints each command's wall time and result, and exits non-zero if either failed.
# Run as root on a Debian 12 host; it takes tens of minutes (most of it compiling), so it is not
# part of every CI run: run it before resolving anything that touches installation, packages or
# the test command (docs/TESTING.md). The chroot uses the host's apt sources, the npm registry
# the host's npm is configured for and the host's extra CA certificates, and shares the host's
# network and loopback.
#   --keep       leave the chroot in place (it is deleted otherwise)
#   --skip-run / --skip-test   run only one of the two commands
# FRESH_DIR=DIR chooses where the chroot goes (default: a new directory under /var/tmp).
set -euo pipefail

keep=0 run_first=1 run_tests=1 commit=HEAD
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --skip-run) run_first=0 ;;
    --skip-test) run_tests=0 ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fresh-check: unknown option $1" >&2; exit 2 ;;
    *) commit=$1 ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || { echo "fresh-check: run as root (debootstrap and chroot need it)" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
sha=$(git -C "$repo" rev-parse --verify "$commit^{commit}")
command -v debootstrap >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

# The Debian mirror the host's apt uses for bookworm (deb822 or one-line sources).
mirror=$(awk '/^URIs:/ {u=$2} /^Suites:/ && / bookworm( |$)/ {print u; exit}' \
  /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' \
  /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
[ -n "$mirror" ] || { echo "fresh-check: no bookworm mirror in the host's apt sources" >&2; exit 1; }

root=${FRESH_DIR:-$(mktemp -d /var/tmp/slotdesk-fresh.XXXXXX)}
mkdir -p "$root"
mounts=()
cleanup() {
  local status=$?
  # Whatever the chroot left running (the app, a keyring, a PostgreSQL server) goes first.
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$root" ] && kill -KILL "$pid" 2>/dev/null || true
  done
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null || true; done
  if [ "$keep" -eq 0 ]; then rm -rf --one-file-system "$root"; else echo "chroot kept in $root"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stamp() { date -u +%H:%M:%S; }
echo "== $(stamp) debootstrap bookworm (minbase + git) into $root"
t0=$SECONDS
debootstrap --variant=minbase --include=git,ca-certificates bookworm "$root" "$mirror" \
  >"$root.debootstrap.log" 2>&1 || { tail -n 30 "$root.debootstrap.log" >&2; exit 1; }
rm -f "$root.debootstrap.log"
echo "   done in $((SECONDS - t0)) s"

# The host's apt sources (security updates included) and settings, name resolution, npm registry.
rm -f "$root/etc/apt/sources.list"
cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/" 2>/dev/null || true
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$root/etc/apt/"
apt-config dump | grep -E '^Acquire::(Check-Valid-Until|Check-Date|http::Proxy|https::Proxy) ' \
  >"$root/etc/apt/apt.conf.d/90host" || true
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
registry=$(npm config get registry 2>/dev/null || true)
[ -n "$registry" ] && echo "registry=$registry" >"$root/root/.npmrc"
# Certificate authorities this host trusts beyond Debian's (a TLS-inspecting proxy's, say) are
# trusted inside too, and npm is pointed at the system store as the host's is; a machine on the
# open internet needs neither, and then there is nothing to copy.
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1 || true
fi
cafile=$(npm config get cafile 2>/dev/null || true)
case "$cafile" in /etc/ssl/certs/*) echo "cafile=$cafile" >>"$root/root/.npmrc" ;; esac

for m in proc sys dev dev/pts; do
  mkdir -p "$root/$m"
  case "$m" in
    proc) mount -t proc proc "$root/proc" ;;
    sys) mount -t sysfs sys "$root/sys" ;;
    dev) mount --bind /dev "$root/dev" ;;
    dev/pts) mount -t devpts devpts "$root/dev/pts" ;;
  esac
  mounts+=("$root/$m")
done
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm" && mounts+=("$root/dev/shm")
mount -t tmpfs -o mode=755 tmpfs "$root/run" && mounts+=("$root/run")

git clone -q --no-local "$repo" "$root/root/slotdesk"
git -C "$root/root/slotdesk" checkout -q --detach "$sha"
echo "== commit $sha"

in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 "$@"
}

results=()
failed=0

if [ "$run_first" -eq 1 ]; then
  echo "== $(stamp) tools/run.sh (headless; stopped once the booking link answers)"
  t0=$SECONDS
  log=$root/root/run.log
  in_chroot QT_QPA_PLATFORM=offscreen sh -c 'cd /root/slotdesk && exec tools/run.sh' >"$log" 2>&1 &
  run_pid=$!
  status=fail
  while kill -0 "$run_pid" 2>/dev/null; do
    # "Booking link: http://127.0.0.1:8765/alice", or without the path before onboarding.
    url=$(sed -n 's|^Booking link: \(http://[^/ ]*\).*$|\1|p' "$log" | head -n 1)
    if [ -n "$url" ]; then
      host=${url#http://}
      reply=$(in_chroot bash -c "exec 3<>/dev/tcp/${host%:*}/${host##*:} &&
          printf 'GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' '$host' >&3 &&
          head -n 1 <&3" 2>/dev/null || true)
      case "$reply" in "HTTP/1.1 200"*) status=ok; break ;; esac
    fi
    sleep 2
  done
  elapsed=$((SECONDS - t0))
  if [ "$status" = ok ]; then
    echo "   the booking link $url answered: $reply"
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
      [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$root" ] && kill -TERM "$pid" 2>/dev/null || true
    done
    wait "$run_pid" 2>/dev/null || true
  else
    echo "   tools/run.sh ended before its booking link answered:"
    tail -n 30 "$log"
    failed=1
  fi
  results+=("tools/run.sh   $status   $((elapsed / 60)) min $((elapsed % 60)) s (to a live booking link)")
fi

if [ "$run_tests" -eq 1 ]; then
  echo "== $(stamp) tools/test.sh"
  t0=$SECONDS
  log=$root/root/test.log
  status=ok
  in_chroot sh -c 'cd /root/slotdesk && exec tools/test.sh' >"$log" 2>&1 || status=fail
  elapsed=$((SECONDS - t0))
  grep -E '^(== |[0-9]+% tests passed|Total Test time)|tests failed|\*\*\*Failed|Not Run' "$log" | sed 's/^/   /'
  [ "$status" = ok ] || { echo "   last lines:"; tail -n 40 "$log" | sed 's/^/   /'; failed=1; }
  results+=("tools/test.sh  $status   $((elapsed / 60)) min $((elapsed % 60)) s")
fi

echo "== $(stamp) fresh Debian 12, commit ${sha:0:12}, $(nproc) cores"
for r in "${results[@]}"; do echo "   $r"; done
[ "$keep" -eq 1 ] && echo "   logs: $root/root/run.log, $root/root/test.log"
exit "$failed"
