#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every libFuzzer target of the asan preset for a bounded time.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   each target (default: all) for SECONDS (default 60)
# Configures and builds build/asan when needed. Each target fuzzes a working copy of its seed
# corpus in build/asan/fuzz-corpus/<target> (kept between runs, so coverage accumulates; the
# repository is never written), with its saved regression inputs as extra seeds. Prints, per
# target, the executions, the coverage reached (cov: edges, ft: features) and the result, and exits
# non-zero when any target crashed, leaked, timed out (-timeout=10 per input) or ran out of memory;
# the input that did it is saved under build/asan/fuzz-artifacts/<target>/. Logs:
# build/asan/fuzz-logs/<target>.log.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
case "$seconds" in
'' | *[!0-9]*)
  echo "usage: $0 [SECONDS] [TARGET...]" >&2
  exit 2
  ;;
esac

build=build/asan
manifest="$build/tests/fuzz/fuzzers.tsv"
if [ ! -f "$build/build.ninja" ] || [ ! -f "$manifest" ]; then
  cmake --preset asan >/dev/null || exit 1
fi
if [ ! -s "$manifest" ]; then
  echo "fuzz: $manifest lists no fuzzers (is TG_BUILD_FUZZERS on in $build?)" >&2
  exit 1
fi

# The targets to run: name, executable, seed corpus, dictionary, max_len (see tests/fuzz).
selected=()
while IFS=$'\t' read -r name exe corpus dict max_len; do
  if [ $# -gt 0 ]; then
    want=0
    for t in "$@"; do [ "$t" = "$name" ] && want=1; done
    [ $want = 1 ] || continue
  fi
  selected+=("$name"$'\t'"$exe"$'\t'"$corpus"$'\t'"$dict"$'\t'"$max_len")
done <"$manifest"
if [ ${#selected[@]} -eq 0 ]; then
  echo "fuzz: no such target: $*" >&2
  exit 2
fi

targets=()
for line in "${selected[@]}"; do targets+=("fuzz_${line%%$'\t'*}"); done
cmake --build "$build" --target "${targets[@]}" -j "$(nproc)" >/dev/null || {
  echo "fuzz: building ${targets[*]} failed" >&2
  exit 1
}

# Undefined behaviour is a crash too; stack traces symbolized.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:symbolize=1}"
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && [ -x /usr/bin/llvm-symbolizer-14 ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
fi

mkdir -p "$build/fuzz-logs"
failed=0
summary=()
for line in "${selected[@]}"; do
  IFS=$'\t' read -r name exe corpus dict max_len <<<"$line"
  work="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts/$name"
  regressions="tests/data/fuzz-regressions/$name"
  log="$build/fuzz-logs/$name.log"
  mkdir -p "$work" "$artifacts"
  if [ -d "$corpus" ]; then cp -n "$corpus"/* "$work"/ 2>/dev/null; fi
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len"
    -print_final_stats=1 -artifact_prefix="$artifacts/")
  [ -n "$dict" ] && [ -f "$dict" ] && args+=(-dict="$dict")
  dirs=("$work")
  [ -d "$regressions" ] && dirs+=("$regressions")

  echo "fuzz: $name for ${seconds}s ..."
  before=$(ls "$artifacts")
  "$exe" "${args[@]}" "${dirs[@]}" >"$log" 2>&1
  rc=$?

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -n 1 | sed -E 's/.* (cov: [0-9]+ ft: [0-9]+).*/\1/')
  if [ $rc -eq 0 ]; then
    result="ok"
  else
    failed=1
    found=$(comm -13 <(echo "$before") <(ls "$artifacts") | head -n 1)
    kind=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-z-]+|runtime error|fuzz check failed' "$log")
    result="FAILED (${kind:-exit code $rc})"
    echo "fuzz: $name failed; the last lines of $log:" >&2
    tail -n 30 "$log" | sed -e 's/^/    | /' >&2
    if [ -n "$found" ]; then
      cat >&2 <<MSG
fuzz: the input is saved as $artifacts/$found
      reproduce:  $exe $artifacts/$found
      keep it as a regression input (run by the test fuzz_${name}_regression in every build):
        mkdir -p $regressions && cp $artifacts/$found $regressions/
MSG
    fi
  fi
  summary+=("$(printf '%-14s %12s execs   %-22s %s' "$name" "${execs:-?}" "${cov:-cov: ?}" "$result")")
done

echo "fuzz: results (${seconds}s per target)"
printf '  %s\n' "${summary[@]}"
exit $failed
