#!/bin/sh
# postgis_skip.sh REPO_ROOT — bench/postgis.sh on a machine without PostgreSQL (simulated with
# POSTGIS_BENCH_BINDIR pointing at an empty directory): a clear message, exit 0, no output file.
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/empty"
status=0
POSTGIS_BENCH_BINDIR=$tmp/empty sh "$root/bench/postgis.sh" "$tmp/out.json" /nonexistent 2>"$tmp/err" || status=$?
[ "$status" -eq 0 ] || { echo "postgis_skip: exit $status, expected 0" >&2; cat "$tmp/err" >&2; exit 1; }
grep -q '^bench/postgis.sh: PostGIS baseline skipped: no PostgreSQL server found' "$tmp/err" ||
  { echo "postgis_skip: no skip message:" >&2; cat "$tmp/err" >&2; exit 1; }
[ ! -e "$tmp/out.json" ] || { echo "postgis_skip: an output file was written" >&2; exit 1; }
echo "postgis_skip: ok"
