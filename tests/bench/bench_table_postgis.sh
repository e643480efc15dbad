#!/bin/sh
# bench_table_postgis.sh REPO_ROOT — scripts/bench-table's issue-15 rows, on a synthetic
# Google Benchmark file and PostGIS file (invented figures): with FILE.postgis.json next to
# FILE.json it prints the ratios of `locate --fields inside`, of the library grid and of the
# assessment to PostGIS, and `locate --agreement` against `locate --line`; without it, that the
# baseline was not measured; a file without those benchmarks prints none of those rows.
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench() {  # NAME ITEMS_PER_SECOND
  printf '    {\n      "name": "%s",\n      "real_time": 1.0e+00,\n      "time_unit": "s",\n      "items_per_second": %s\n    },\n' "$1" "$2"
}
{
  printf '{\n  "context": {\n    "date": "2026-12-01T00:00:00+00:00",\n    "num_cpus": 2,\n    "load_avg": [0.1,0.1,0.1],\n'
  printf '    "command": "truceline-bench",\n    "compiler": "gcc",\n    "cpu_model": "Test CPU",\n    "memory": "1 GiB",\n    "os": "Test OS"\n  },\n'
  printf '  "benchmarks": [\n'
  bench "Locate/exact" 2.0e+07
  bench "Locate/line/iterations:3/manual_time" 1.0e+05
  bench "Locate/agreement/iterations:3/manual_time" 8.0e+04
  bench "Locate/inside_grid/iterations:3/manual_time" 2.5e+06
  bench "Assess/verdicts_1M/threads:1/iterations:1/real_time" 1.0e+06
  printf '    {\n      "name": "End"\n    }\n  ]\n}\n'
} > "$tmp/run.json"
cat > "$tmp/run.postgis.json" <<'PG'
{
  "benchmark": "PostGIS/st_dwithin_1M",
  "points": 1000000,
  "points_per_second": 500000.0,
  "fastest": "GiST index",
  "postgresql_version": "15.0",
  "postgis_version": "3.3.2"
}
PG
fail() { echo "bench_table_postgis: $1" >&2; echo "--- output:" >&2; cat "$tmp/out" >&2; exit 1; }
expect() { grep -F -q -- "$1" "$tmp/out" || fail "missing: $1"; }
"$root/scripts/bench-table" "$tmp/run.json" > "$tmp/out"
expect '(`Locate/agreement`) | 80 k points/s | `locate --line` on the same points and a zone of the same size (`Locate/line`): 100 k points/s; `--agreement` takes 1.2× its time |'
expect '(`Locate/inside_grid`) | **2.5 M points/s** | baseline: PostGIS 3.3.2 on PostgreSQL 15.0'
expect ': 500 k points/s, truceline 5× as fast; the grid alone in the library (`Locate/exact`, no I/O) 40× as fast |'
expect '(`Assess/verdicts_1M`, 1 thread, full verdicts) | 1 M reports/s | baseline: PostGIS 3.3.2'
expect ': 500 k points/s, truceline 2× as fast |'
rm "$tmp/run.postgis.json"
"$root/scripts/bench-table" "$tmp/run.json" > "$tmp/out"
expect "PostGIS baseline not measured (no \`$tmp/run.postgis.json\`"
if grep -q 'full verdicts' "$tmp/out"; then fail "an assessment ratio without a PostGIS file"; fi
# A file from before these benchmarks (and a PostGIS file next to it): none of the rows.
{
  printf '{\n  "context": {\n    "date": "2026-12-01T00:00:00+00:00"\n  },\n  "benchmarks": [\n'
  bench "Locate/exact" 2.0e+07
  printf '    {\n      "name": "End"\n    }\n  ]\n}\n'
} > "$tmp/old.json"
printf '{\n  "points_per_second": 500000.0\n}\n' > "$tmp/old.postgis.json"
"$root/scripts/bench-table" "$tmp/old.json" > "$tmp/out"
if grep -q 'inside_grid\|Locate/agreement\|PostGIS' "$tmp/out"; then fail "issue-15 rows from a file without their benchmarks"; fi
echo "bench_table_postgis: ok"
