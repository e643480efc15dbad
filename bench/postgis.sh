#!/bin/sh
# bench/postgis.sh OUT.json [TRUCELINE-BENCH] — the PostGIS baseline of issue 15, measured on
# this machine: ST_DWithin(geography, line geography, 20 km) over the benchmark's 1 M points.
#
# `make bench` runs it after truceline-bench, with OUT = the Google Benchmark file's name with
# `.postgis.json` for `.json`; scripts/bench-table reads it from there and prints the ratios.
#
# What it does: when PostgreSQL's server programs (initdb, pg_ctl, postgres) and the PostGIS
# extension are installed, it starts a throwaway cluster in a temporary directory (Unix socket
# in that directory only: listen_addresses = '', no TCP), loads the points and the line that
# `TRUCELINE-BENCH --export-scenario DIR` writes (the same seeded points and line as the
# Locate benchmarks), and times
#     SELECT count(*) FROM points WHERE ST_DWithin(g, line, 20000)
# (g and line of type geography: distances on the WGS84 spheroid) with one backend and no
# parallel workers (max_parallel_workers_per_gather = 0), the table loaded, analysed and read
# once before timing (so it is in shared buffers): first without an index (a sequential scan:
# every point is tested, as truceline's grid answers every point), then with a GiST index on
# the points; each the best of 3 runs timed by psql's \timing. The faster of the two is the
# baseline (`points_per_second`); both are recorded, with their plans. The two must find the
# same points. Then it stops the cluster and removes the directory.
# Run as root, the cluster belongs to the user `postgres` (or `nobody`), run through runuser:
# the server refuses to run as root.
#
# When PostgreSQL or PostGIS is missing it says so and exits 0 without writing OUT (bench-table
# then says the baseline was not measured). Any other failure: a message, exit 1, no OUT.
# Output: a small JSON object, one key per line (bench-table reads it with awk).
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: bench/postgis.sh OUT.json [path/to/truceline-bench]" >&2
  exit 2
fi
out=$1
bench=${2:-build/release/truceline-bench}
n=${POSTGIS_BENCH_POINTS:-1000000}

skip() {
  echo "bench/postgis.sh: PostGIS baseline skipped: $1" >&2
  exit 0
}

# The newest installed server, by its version directory (Debian: /usr/lib/postgresql/NN/bin).
# POSTGIS_BENCH_BINDIR=DIR looks there only (the test of the skip uses a directory without it).
bindir=""
for d in ${POSTGIS_BENCH_BINDIR:-/usr/lib/postgresql/*/bin /usr/local/pgsql/bin}; do
  [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && bindir=$d
done
if [ -z "$bindir" ] && [ -z "${POSTGIS_BENCH_BINDIR:-}" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v initdb)")
fi
[ -n "$bindir" ] || skip "no PostgreSQL server found (initdb, pg_ctl; Debian: apt-get install postgresql postgresql-15-postgis-3)"
psql=$bindir/psql
[ -x "$psql" ] || psql=$(command -v psql || true)
[ -n "$psql" ] || skip "no psql found"
sharedir=$("$bindir/pg_config" --sharedir 2>/dev/null || true)
if [ -z "$sharedir" ]; then
  ver=$(basename "$(dirname "$bindir")")
  sharedir=/usr/share/postgresql/$ver
fi
[ -r "$sharedir/extension/postgis.control" ] ||
  skip "PostGIS is not installed for the server in $bindir (no $sharedir/extension/postgis.control; Debian: apt-get install postgresql-NN-postgis-3)"
[ -x "$bench" ] || { echo "bench/postgis.sh: $bench is not built (make build)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/truceline-postgis.XXXXXX")
runas=""
if [ "$(id -u)" = 0 ]; then
  user=postgres
  id "$user" >/dev/null 2>&1 || user=nobody
  command -v runuser >/dev/null 2>&1 || { rm -rf "$tmp"; skip "running as root without runuser (the server refuses root)"; }
  runas="runuser -u $user --"
fi
as_user() { if [ -n "$runas" ]; then $runas "$@"; else "$@"; fi; }
started=""
cleanup() {
  if [ -n "$started" ]; then as_user "$bindir/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

"$bench" --export-scenario "$tmp/scenario" "$n"
chmod -R a+rX "$tmp"
[ -n "$runas" ] && chown -R "$user" "$tmp"

port=5432
as_user "$bindir/initdb" -D "$tmp/data" -U bench -A trust -E UTF8 --locale=C --no-sync >"$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log" >&2; echo "bench/postgis.sh: initdb failed" >&2; exit 1; }
as_user "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-c listen_addresses='' -k $tmp -p $port -c max_parallel_workers_per_gather=0 -c fsync=off -c shared_buffers=512MB -c work_mem=64MB -c jit=off" \
  start >/dev/null || { cat "$tmp/server.log" >&2; echo "bench/postgis.sh: the server did not start" >&2; exit 1; }
started=1

q() { as_user "$psql" -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$port" -U bench -d postgres "$@"; }
query="SELECT count(*) FROM points WHERE ST_DWithin(g, (SELECT g FROM line), 20000)"
q -v line="$(cat "$tmp/scenario/line.geojson")" -v csv="$tmp/scenario/points.csv" <<EOF >"$tmp/load.log"
CREATE EXTENSION postgis;
CREATE TABLE raw (id text, lon float8, lat float8);
\\set copy '\\\\copy raw FROM ' :'csv' ' WITH (FORMAT csv, HEADER true)'
:copy
CREATE TABLE points AS SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g FROM raw;
DROP TABLE raw;
CREATE TABLE line AS SELECT ST_SetSRID(ST_GeomFromGeoJSON(:'line'), 4326)::geography AS g;
VACUUM ANALYZE points;
VACUUM ANALYZE line;
SELECT count(*) FROM points;
EOF
loaded=$(q -At -c "SELECT count(*) FROM points")
[ "$loaded" = "$n" ] || { echo "bench/postgis.sh: loaded $loaded points, expected $n" >&2; exit 1; }

# Times the query: one warm-up, then 3 runs; psql prints "Time: 1234.567 ms" after each.
# Sets best (ms), runs (seconds, comma-separated) and plan.
time_query() {
  q -At -c "$query" >/dev/null
  times=$(q -At -c '\timing on' -c "$query" -c "$query" -c "$query" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
  best=$(printf '%s\n' $times | sort -g | head -n 1)
  [ -n "$best" ] || { echo "bench/postgis.sh: no timing from psql" >&2; exit 1; }
  runs=$(printf '%s\n' $times | awk 'BEGIN { ORS = "" } { printf "%s%s", (NR > 1 ? ", " : ""), $1 / 1000 }')
  plan=$(q -At -c "EXPLAIN $query" | tr '\n' ' ' | sed 's/  */ /g; s/ $//; s/"/\\"/g')
}
within=$(q -At -c "$query")
# Without an index (every point tested), then with a GiST index on the points (the planner
# may use it to skip points outside the line's box widened by 20 km): the faster is the
# baseline, both are recorded.
time_query
seq_best=$best seq_runs=$runs seq_plan=$plan
q -c "CREATE INDEX points_g ON points USING gist (g)" -c "VACUUM ANALYZE points" >/dev/null
time_query
gist_best=$best gist_runs=$runs gist_plan=$plan
within_gist=$(q -At -c "$query")
[ "$within_gist" = "$within" ] || { echo "bench/postgis.sh: $within points within without the index, $within_gist with it" >&2; exit 1; }
pg_version=$(q -At -c "SHOW server_version")
postgis_version=$(q -At -c "SELECT postgis_lib_version()")
geos_version=$(q -At -c "SELECT postgis_geos_version()")
proj_version=$(q -At -c "SELECT postgis_proj_version()" 2>/dev/null || echo unknown)

rate_of() { awk -v n="$n" -v ms="$1" 'BEGIN { printf "%.1f", n / (ms / 1000) }'; }
seq_rate=$(rate_of "$seq_best") gist_rate=$(rate_of "$gist_best")
if awk -v a="$seq_best" -v b="$gist_best" 'BEGIN { exit !(a <= b) }'; then
  best=$seq_best rate=$seq_rate fastest="sequential scan"
else
  best=$gist_best rate=$gist_rate fastest="GiST index"
fi
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
{
  echo "{"
  echo "  \"benchmark\": \"PostGIS/st_dwithin_1M\","
  echo "  \"query\": \"$query\","
  echo "  \"settings\": \"one backend, max_parallel_workers_per_gather=0, jit=off, table in shared buffers, best of 3 runs after a warm-up; without an index, then with a GiST index on the points\","
  echo "  \"points\": $n,"
  echo "  \"within_20km\": $within,"
  echo "  \"points_per_second\": $rate,"
  echo "  \"best_seconds\": $(awk -v ms="$best" 'BEGIN { print ms / 1000 }'),"
  echo "  \"fastest\": \"$fastest\","
  echo "  \"seqscan_points_per_second\": $seq_rate,"
  echo "  \"seqscan_runs_seconds\": [$seq_runs],"
  echo "  \"seqscan_plan\": \"$seq_plan\","
  echo "  \"gist_points_per_second\": $gist_rate,"
  echo "  \"gist_runs_seconds\": [$gist_runs],"
  echo "  \"gist_plan\": \"$gist_plan\","
  echo "  \"postgresql_version\": \"$pg_version\","
  echo "  \"postgis_version\": \"$postgis_version\","
  echo "  \"geos_version\": \"$geos_version\","
  echo "  \"proj_version\": \"$proj_version\","
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"load_avg\": \"$load\""
  echo "}"
} >"$out.part"
mv "$out.part" "$out"
echo "bench/postgis.sh: $rate points/s ($fastest; sequential scan $seq_rate, GiST $gist_rate) for ST_DWithin 20 km, $within of $n within; PostgreSQL $pg_version, PostGIS $postgis_version: $out"
