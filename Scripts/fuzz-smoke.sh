#!/usr/bin/env bash
# A short fuzzing pass: builds Fuzz/ with libFuzzer and AddressSanitizer, then runs each
# fuzz target for FUZZ_SECONDS (30) seconds on a copy of its seed corpus, Fuzz/Corpus/<target>
# (which holds the reproducers of every bug fuzzing found, so they are replayed too).
# Prints one line per target; exits non-zero if any target crashed, hung, leaked or ran out of memory,
# leaving the reproducer and the log in the temporary directory it names.
# FUZZ_BUILD_JOBS sets `swift build -j` (default: all cores); FUZZ_SCRATCH_PATH its --scratch-path
# (default: Fuzz/.build).
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"

seconds=${FUZZ_SECONDS:-30}
targets=(fuzz-binary fuzz-text fuzz-json fuzz-filter)
build=(swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
if [ -n "${FUZZ_BUILD_JOBS:-}" ]; then build+=(-j "$FUZZ_BUILD_JOBS"); fi
if [ -n "${FUZZ_SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$FUZZ_SCRATCH_PATH"); fi

# One product at a time: building the whole package would also build the root package's own
# executables, whose top-level code -parse-as-library rejects.
for target in "${targets[@]}"; do
  if ! "${build[@]}" --product "$target" >/tmp/fuzz-smoke-build.log 2>&1; then
    tail -40 /tmp/fuzz-smoke-build.log >&2
    echo "fuzz-smoke: building $target failed (log: /tmp/fuzz-smoke-build.log)" >&2
    exit 1
  fi
done
bin=$("${build[@]}" --show-bin-path)

work=$(mktemp -d /tmp/fuzz-smoke.XXXXXX)
failed=0
for target in "${targets[@]}"; do
  mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
  cp -R "Corpus/$target/." "$work/$target/corpus/"
  status=0
  SWIFT_BACKTRACE=enable=no "$bin/$target" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/$target/artifacts/" "$work/$target/corpus" >"$work/$target/log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target/log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/$target/log")
  last=$(grep -E '^#[0-9]+' "$work/$target/log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  artifacts=$(ls "$work/$target/artifacts")
  if [ "$status" -eq 0 ] && [ -z "$artifacts" ]; then
    verdict=ok
  else
    verdict="FAILED (exit $status; artifacts in $work/$target/artifacts, log $work/$target/log)"
    failed=1
    grep -E 'ERROR: |Fatal error|SUMMARY' "$work/$target/log" | head -5 >&2 || true
  fi
  echo "$target: ${runs:-?} runs in ${seconds}s (${speed:-?}/s), cov ${cov:-?}, ft ${ft:-?}, corpus ${corpus:-?}: $verdict"
done

if [ "$failed" -eq 0 ]; then rm -rf "$work"; fi
exit "$failed"
