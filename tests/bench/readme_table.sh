#!/bin/sh
# readme_table.sh REPO_ROOT [TABLE] — README.md's generated table TABLE (bench-table: the speed
# table, the default; accuracy-table: the accuracy table) must be exactly what scripts/TABLE
# prints from the committed file its first marker names (so the README cannot drift from the
# measured file). On a mismatch: the diff, and how to regenerate. The speed table also reads the
# PostGIS baseline FILE.postgis.json next to FILE (bench/postgis.sh) when it is there: it must
# then be committed too, or the table cannot be regenerated from the tree.
set -eu
root=$1
table=${2:-bench-table}
readme=$root/README.md
begin=$(grep -n "^<!-- $table: " "$readme" | head -n 1 | cut -d: -f1)
end=$(grep -n "^<!-- /$table -->\$" "$readme" | head -n 1 | cut -d: -f1)
if [ -z "$begin" ] || [ -z "$end" ] || [ "$end" -le "$begin" ]; then
  echo "readme_table: $readme has no '<!-- $table: FILE ... -->' ... '<!-- /$table -->' block" >&2
  exit 1
fi
file=$(sed -n "${begin}p" "$readme" | sed "s/^<!-- $table: \\([^ ]*\\) .*/\\1/")
if [ ! -r "$root/$file" ]; then
  echo "readme_table: README.md names $file, which is not in the tree" >&2
  exit 1
fi
if [ "$table" = bench-table ] && sed -n "${begin},${end}p" "$readme" | grep -q 'PostGIS' &&
  [ ! -r "$root/${file%.json}.postgis.json" ]; then
  echo "readme_table: README.md's table cites PostGIS but ${file%.json}.postgis.json is not in the tree" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n "${begin},${end}p" "$readme" > "$tmp/readme"
(cd "$root" && "./scripts/$table" "$file") > "$tmp/generated"
if ! diff -u "$tmp/generated" "$tmp/readme"; then
  echo "readme_table: README.md's table differs from 'scripts/$table $file' (regenerate it, do not edit it by hand)" >&2
  exit 1
fi
echo "readme_table: README.md matches scripts/$table $file"
