#!/usr/bin/env bash
# tools/fuzz.sh [SECONDS] [TARGET...]
# Builds the libFuzzer targets (cmake --preset fuzz: clang, ASan + UBSan) and runs each for
# SECONDS (default 60) over a scratch copy of its seed corpus tests/fuzz/corpus/TARGET, so the
# checked-in corpus only changes when you mean it to. A crash, leak, sanitizer report or timeout
# fails with the reproducer's path; rerun it with build/fuzz/tests/fuzz/TARGET FILE.
# tools/test.sh runs this before the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for dir in tests/fuzz/corpus/*/; do targets+=("fuzz_$(basename "$dir")"); done
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/slotdesk-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
artifacts=build/fuzz/artifacts
mkdir -p "$artifacts"
status=0
for target in "${targets[@]}"; do
  name=${target#fuzz_}
  mkdir -p "$work/$name"
  log=$work/$name.log
  if build/fuzz/tests/fuzz/"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/$name-" \
      "$work/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "ok    $target: $runs inputs in ${seconds} s, no crash"
  else
    echo "FAIL  $target:"
    grep -E "ERROR|SUMMARY|==[0-9]+==|fuzz_|Test unit written" "$log" | head -n 20
    status=1
  fi
done
exit "$status"
