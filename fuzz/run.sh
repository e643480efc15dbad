#!/usr/bin/env bash
# The short fuzz run of CI (ctest's `fuzz_smoke`, label fuzz) and of `make fuzz`:
#   fuzz/run.sh [SECONDS] [TARGET...]     (default: 20 s each; targets: csv jsonl agreement geojson points extract)
# Builds the libFuzzer targets with clang++ into build/fuzz (fuzz/CMakeLists.txt; incremental),
# then runs each for SECONDS on a scratch copy of its committed corpus (fuzz/corpus/TARGET) and
# regressions (fuzz/regressions/TARGET). A crash, leak, sanitizer report or timeout fails the run;
# the input is kept as build/fuzz/findings/TARGET/crash-… — copy it to fuzz/regressions/TARGET/
# (a descriptive name), fix the bug, and the replay test (fuzz_replay_TARGET) keeps it fixed.
# Prints executions per second for each target. Exit 77 (skipped) without clang++ / libFuzzer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-${FUZZ_SECONDS:-20}}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv jsonl agreement geojson points extract)

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (scripts/setup-deps installs it): skipped" >&2
  exit 77
fi
if ! ls "$(clang++ -print-resource-dir)"/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz: libFuzzer's runtime is missing (libclang-rt-14-dev): skipped" >&2
  exit 77
fi

build="$root/build/fuzz"
jobs="${FUZZ_JOBS:-2}"
cmake -S "$root/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" -j "$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

# AddressSanitizer's bookkeeping, sized for short executions (ASAN_OPTIONS in the environment
# wins): allocation stacks of 8 frames (the default 30 costs an unwind and a stack-depot entry
# per allocation; 8 still show where a leaked or freed block came from; replay a finding with
# the defaults for whole stacks), and a 16 MiB quarantine of freed memory (one execution frees
# far less, so a use after free within it is still caught; the default 256 MiB makes every
# allocation land on memory long out of cache).
asan_options="detect_leaks=1:malloc_context_size=8:quarantine_size_mb=16"
declare -A max_len=([csv]=4096 [jsonl]=4096 [agreement]=8192 [geojson]=8192 [points]=4096 [extract]=4096)
status=0
summary=""
for t in "${targets[@]}"; do
  # The scratch corpus takes every new input libFuzzer finds (hundreds in a short run): in memory
  # (/dev/shm) where there is one, a new file costs no disk inode (ext4 showed up in profiles).
  scratch="${TMPDIR:-/tmp}"
  [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && scratch=/dev/shm
  work="$(mktemp -d "$scratch/truceline-fuzz-$t-XXXXXX")"
  findings="$build/findings/$t"
  mkdir -p "$findings"
  log="$build/fuzz_$t.log"
  set +e
  ASAN_OPTIONS="${ASAN_OPTIONS:-$asan_options}" "$build/fuzz_$t" -max_total_time="$seconds" -max_len="${max_len[$t]:-4096}" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" \
    "$work" "$root/fuzz/corpus/$t" $( [ -d "$root/fuzz/regressions/$t" ] && echo "$root/fuzz/regressions/$t" ) >"$log" 2>&1
  rc=$?
  set -e
  rm -rf "$work"
  execs=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  if [ $rc -ne 0 ]; then
    status=1
    echo "fuzz_$t: FAILED (exit $rc), log $log" >&2
    grep -E "ERROR|SUMMARY|Test unit written|artifact_prefix" "$log" | head -20 >&2 || true
  fi
  summary+=$(printf '%-10s %8s runs %7s execs/s%s' "$t" "${runs:-?}" "${execs:-?}" "$([ $rc -ne 0 ] && echo '  FAILED')")$'\n'
done
printf 'fuzz (%s s per target):\n%s' "$seconds" "$summary"
exit $status
