#!/bin/sh
# Runs `truceline extract` on each held-out text of SETDIR with its publication date and
# language (SETDIR/published.txt: "NAME YYYY-MM-DD LANG" per line) into OUTDIR: NAME.cand.jsonl,
# NAME.mentions.json, NAME.err.
# usage: data/eval/extract/heldout/run.sh SETDIR path/to/truceline OUTDIR
set -eu
set_dir=$(cd "$1" && pwd); bin=$2; out=$3; here=$(cd "$(dirname "$0")" && pwd); mkdir -p "$out"
ag="$here/../../../scenarios/idlib-2018/agreement.toml"
while read -r h pub lang; do
  "$bin" extract --agreement "$ag" --published "$pub" --source "Held-out $h" --lang "$lang" "$set_dir/$h.txt" \
    -o "$out/$h.cand.jsonl" --mentions "$out/$h.mentions.json" 2> "$out/$h.err"
done < "$set_dir/published.txt"
