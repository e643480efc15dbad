#!/bin/sh
# Golden CLI tests: runs the real truceline binary and compares stdout, stderr and the exit
# status byte for byte with the files of each case.
#
#   run_golden.sh <truceline-binary> <golden-dir> [case ...]
#   UPDATE_GOLDEN=1 run_golden.sh ...      (re)writes the expected_* files from the actual run
#
# A case is a directory <golden-dir>/<case>/ holding
#   cmd               one shell line, e.g.  $TRUCELINE zone --line "$DATA/line_2v.geojson" --depth 20km
#                     $TRUCELINE is the binary, $DATA the test data directory (tests/data); the line
#                     is run by sh with both variables set, in a fresh empty temporary directory
#   stdin             optional: fed to the command's standard input (otherwise /dev/null)
#   expected_stdout   expected standard output
#   expected_stderr   expected standard error
#   expected_status   expected exit status (a number on one line)
#   expected_output   optional: expected content of the file the cmd writes with -o/--output
#                     (compared only when present; UPDATE_GOLDEN rewrites it only when present)
# In the actual output the absolute data directory is replaced by the literal $DATA (and the
# binary path by $TRUCELINE) so that the goldens do not depend on the machine.
# When the cmd writes a file with -o/--output and the expected status is non-zero, neither that
# file nor any *.tmp-* file may be left behind (the CLI never leaves a half-written file).
set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 <truceline-binary> <golden-dir> [case ...]" >&2
  exit 2
fi

abspath() { (cd "$1" && pwd); }

bin_dir=$(abspath "$(dirname "$1")") || { echo "run_golden: no such binary: $1" >&2; exit 2; }
TRUCELINE="$bin_dir/$(basename "$1")"
[ -x "$TRUCELINE" ] || { echo "run_golden: not an executable: $TRUCELINE" >&2; exit 2; }
GOLDEN=$(abspath "$2") || { echo "run_golden: no such directory: $2" >&2; exit 2; }
DATA=${TRUCELINE_TEST_DATA:-$(abspath "$GOLDEN/../../data")} || { echo "run_golden: no data directory" >&2; exit 2; }
shift 2
export TRUCELINE DATA
UPDATE=${UPDATE_GOLDEN:-0}
[ "$UPDATE" = 0 ] && UPDATE=

# Deterministic environment for the command under test.
LC_ALL=C
LANG=C
export LC_ALL LANG
unset COLUMNS LINES 2>/dev/null || true

WORK=$(mktemp -d "${TMPDIR:-/tmp}/truceline-golden.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

if command -v timeout >/dev/null 2>&1; then TIMEOUT="timeout 120"; else TIMEOUT=; fi

# Escapes a string for use as a literal in a sed BRE with '|' as the delimiter.
sed_escape() { printf '%s\n' "$1" | sed -e 's/[]|\\.*^$[]/\\&/g'; }
DATA_RE=$(sed_escape "$DATA")
BIN_RE=$(sed_escape "$TRUCELINE")

# Replaces the machine-specific paths in a file (in place, keeping a missing final newline).
normalize() {
  sed -e "s|$BIN_RE|\$TRUCELINE|g" -e "s|$DATA_RE|\$DATA|g" "$1" >"$1.norm" && mv "$1.norm" "$1"
}

# The path given to -o/--output in a cmd line, if any (first word after the option, quotes removed).
output_path() {
  printf '%s\n' "$1" | awk '{
    for (i = 1; i <= NF; i++) {
      w = $i
      if ((w == "-o" || w == "--output") && i < NF) { p = $(i + 1); break }
      if (w ~ /^--output=/) { p = substr(w, 10); break }
      if (w ~ /^-o./) { p = substr(w, 3); break }
    }
    gsub(/["'"'"']/, "", p)
    print p
  }'
}

# Compares expected file $1 with actual file $2 under the label $3; prints a diff on mismatch.
compare() {
  if [ ! -f "$1" ]; then
    echo "  missing $(basename "$1") (generate with UPDATE_GOLDEN=1)"
    return 1
  fi
  if cmp -s "$1" "$2"; then return 0; fi
  echo "  $3 differs:"
  diff -u "$1" "$2" | sed -e '1s|^--- .*|--- expected '"$3"'|' -e '2s|^+++ .*|+++ actual '"$3"'|' -e 's/^/    /'
  # diff does not show a difference in the final newline clearly: say it.
  if [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" != "$(tail -c 1 "$2" | od -An -c | tr -d ' ')" ]; then
    echo "    (the final newline differs)"
  fi
  return 1
}

passed=0
failed=0

if [ $# -gt 0 ]; then
  cases=$*
else
  cases=$(cd "$GOLDEN" && for d in */; do [ -f "$d/cmd" ] && printf '%s\n' "${d%/}"; done)
fi

for c in $cases; do
  dir="$GOLDEN/$c"
  if [ ! -f "$dir/cmd" ]; then
    echo "FAIL $c"
    echo "  no file $dir/cmd"
    failed=$((failed + 1))
    continue
  fi
  cmd=$(cat "$dir/cmd")
  run="$WORK/run"
  cwd="$WORK/cwd"
  rm -rf "$run" "$cwd"
  mkdir "$run" "$cwd"
  if [ -f "$dir/stdin" ]; then input="$dir/stdin"; else input=/dev/null; fi

  (cd "$cwd" && exec $TIMEOUT sh -c "$cmd" <"$input" >"$run/stdout" 2>"$run/stderr")
  status=$?
  printf '%s\n' "$status" >"$run/status"
  normalize "$run/stdout"
  normalize "$run/stderr"

  out=$(output_path "$cmd")
  if [ -n "$out" ] && [ "$out" != "-" ]; then
    case $out in /*) out_file=$out ;; *) out_file="$cwd/$out" ;; esac
  else
    out_file=
  fi

  if [ -n "$UPDATE" ]; then
    cp "$run/stdout" "$dir/expected_stdout"
    cp "$run/stderr" "$dir/expected_stderr"
    cp "$run/status" "$dir/expected_status"
    if [ -f "$dir/expected_output" ] && [ -n "$out_file" ] && [ -f "$out_file" ]; then
      cp "$out_file" "$run/output" && normalize "$run/output" && cp "$run/output" "$dir/expected_output"
    fi
  fi

  ok=1
  report="$WORK/report"
  : >"$report"
  compare "$dir/expected_status" "$run/status" status >>"$report" || ok=
  compare "$dir/expected_stdout" "$run/stdout" stdout >>"$report" || ok=
  compare "$dir/expected_stderr" "$run/stderr" stderr >>"$report" || ok=

  if [ -n "$out_file" ]; then
    expected_status=$(cat "$dir/expected_status" 2>/dev/null || echo 0)
    if [ "$expected_status" != 0 ]; then
      if [ -e "$out_file" ] && [ ! -d "$out_file" ]; then
        echo "  output file $out was left behind after a failure" >>"$report"
        ok=
      fi
    elif [ ! -f "$out_file" ]; then
      echo "  output file $out was not written" >>"$report"
      ok=
    elif [ -f "$dir/expected_output" ]; then
      cp "$out_file" "$run/output" && normalize "$run/output"
      compare "$dir/expected_output" "$run/output" output >>"$report" || ok=
    fi
    leftovers=$(cd "$cwd" && find . -name '*.tmp-*' | sort)
    if [ -n "$leftovers" ]; then
      echo "  temporary files left behind:" $leftovers >>"$report"
      ok=
    fi
  fi

  if [ -n "$ok" ]; then
    echo "ok $c"
    passed=$((passed + 1))
  else
    echo "FAIL $c"
    echo "  cmd: $cmd"
    cat "$report"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
