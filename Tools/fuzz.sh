#!/usr/bin/env bash
# Fuzzes the readers of the files people send — the YAML layer, CSV imports (UTF-8 and GBK) and
# .xlsx imports — with libFuzzer, which ships with the Swift toolchain.
#
#   Tools/fuzz.sh [SECONDS] [TARGET…]     each target for SECONDS (default 60); targets yaml csv xlsx
#
# ZHIBIAO_FUZZ_BUILD=debug builds the harness unoptimised, which is quicker to build and slower
# to run. ZHIBIAO_FUZZ_RUNS=N runs N inputs per target with a fixed seed instead of for SECONDS,
# so that a run is repeatable. CI's smoke run uses both.
#
# The harness is built optimised, with the fuzzer and address sanitizers, into .build-fuzz/. Each target
# starts from a seed corpus taken from Config/ and the test fixtures; its working corpus is kept
# in .build-fuzz/corpus/TARGET between runs. An input that crashes, hangs (10 s) or takes more
# than 2 GB is written to .build-fuzz/crashes/TARGET/ and the script exits 1: copy it into
# Tests/ZhibiaoFuzzingTests/Regressions/TARGET/, fix the cause, and the regression test keeps it
# fixed. Prints the executions and findings of each target.
#
# Leaks are not looked for (-detect_leaks=0, and at exit ASAN_OPTIONS=detect_leaks=0): FoundationXML's
# parse errors leak a few hundred bytes on some malformed workbooks, in code that is not ours; those
# inputs are kept as regression inputs all the same.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(yaml csv xlsx); fi

build=.build-fuzz
mode=${ZHIBIAO_FUZZ_BUILD:-release}
swift build -c "$mode" --build-path "$build" --product zhibiao-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2
binary="$build/$mode/zhibiao-fuzz"

seeds() {
  case "$1" in
    yaml) find Config Tests -name '*.yaml' -size -256k ;;
    csv) find Config Tests -name '*.csv' -size -256k ;;
    xlsx) find Tests -name '*.xlsx' -size -1024k ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  crashes="$build/crashes/$target"
  seedDir=$(mktemp -d)
  mkdir -p "$corpus" "$crashes"
  seeds "$target" | while read -r file; do cp "$file" "$seedDir/$(echo "$file" | tr '/' '_')"; done
  maxLength=65536
  [ "$target" = xlsx ] && maxLength=1048576
  log="$build/$target.log"
  limit=(-max_total_time="$seconds")
  if [ -n "${ZHIBIAO_FUZZ_RUNS:-}" ]; then limit=(-runs="$ZHIBIAO_FUZZ_RUNS" -seed=1); fi
  set +e
  ASAN_OPTIONS=detect_leaks=0 ZHIBIAO_FUZZ_TARGET="$target" ZHIBIAO_CONFIG=Config "$binary" "$corpus" "$seedDir" \
    "${limit[@]}" -max_len="$maxLength" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="$crashes/" -print_final_stats=1 > "$log" 2>&1
  result=$?
  set -e
  rm -rf "$seedDir"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1 || echo 0)
  found=$(find "$crashes" -type f | wc -l)
  echo "$target: $runs executions, corpus $(find "$corpus" -type f | wc -l) inputs, $found finding(s)"
  if [ "$result" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
    tail -n 30 "$log" >&2
  fi
done
exit $status
