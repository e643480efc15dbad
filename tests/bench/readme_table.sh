#!/bin/sh
# readme_table.sh REPO_ROOT — README.md's speed table must be exactly what scripts/bench-table
# prints from the committed JSON file its first marker names (so the README cannot drift from
# the measured file). On a mismatch: the diff, and how to regenerate.
set -eu
root=$1
readme=$root/README.md
begin=$(grep -n '^<!-- bench-table: ' "$readme" | head -n 1 | cut -d: -f1)
end=$(grep -n '^<!-- /bench-table -->$' "$readme" | head -n 1 | cut -d: -f1)
if [ -z "$begin" ] || [ -z "$end" ] || [ "$end" -le "$begin" ]; then
  echo "readme_table: $readme has no '<!-- bench-table: FILE ... -->' ... '<!-- /bench-table -->' block" >&2
  exit 1
fi
file=$(sed -n "${begin}p" "$readme" | sed 's/^<!-- bench-table: \([^ ]*\) .*/\1/')
if [ ! -r "$root/$file" ]; then
  echo "readme_table: README.md names $file, which is not in the tree" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n "${begin},${end}p" "$readme" > "$tmp/readme"
(cd "$root" && ./scripts/bench-table "$file") > "$tmp/generated"
if ! diff -u "$tmp/generated" "$tmp/readme"; then
  echo "readme_table: README.md's table differs from 'scripts/bench-table $file' (regenerate it, do not edit it by hand)" >&2
  exit 1
fi
echo "readme_table: README.md matches scripts/bench-table $file"
