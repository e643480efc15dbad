#!/bin/sh
# Runs `truceline extract` on each held-out text with its publication date and language
# (published.txt) into OUTDIR: NAME.cand.jsonl, NAME.mentions.json, NAME.err.
# usage: data/eval/extract/heldout/2026-12-02/run.sh path/to/truceline OUTDIR
set -eu
bin=$1; out=$2; here=$(cd "$(dirname "$0")" && pwd); mkdir -p "$out"
ag="$here/../../../../scenarios/idlib-2018/agreement.toml"
while read -r h pub lang; do
  "$bin" extract --agreement "$ag" --published "$pub" --source "Held-out $h" --lang "$lang" "$here/$h.txt" \
    -o "$out/$h.cand.jsonl" --mentions "$out/$h.mentions.json" 2> "$out/$h.err"
done < "$here/published.txt"
