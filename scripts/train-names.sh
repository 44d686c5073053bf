#!/usr/bin/env bash
# Trains the name finder on the person names of UD English-GUM train (the CC BY genres in
# ../shared/ud/, less the news articles that scripts/gum_people.py measures on), writes
# data/models/names.bin and prints precision, recall and F1 on gum-test (docs/PEOPLE.md).
# Deterministic: the same treebanks give the same model byte for byte.
#   scripts/train-names.sh             train and score
#   scripts/train-names.sh --evaluate  score the committed model only
# Run from the repository root. Needs python3 and cargo.
set -euo pipefail
ud=${UD_DIR:-../shared/ud}
news=${GUM_NEWS_DIR:-../shared/gum-news/dep}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/gum_names.py "$ud/gum-test.conllu" > "$tmp/gum-test.tsv"
if [[ ${1:-} == --evaluate ]]; then
  cargo run --release -q -p whomet-extract --bin names -- evaluate "$tmp/gum-test.tsv"
  exit
fi
python3 scripts/gum_names.py "$ud/gum-train.conllu" --skip-news "$news" > "$tmp/gum-train.tsv"
cargo run --release -q -p whomet-extract --bin names -- \
  train "$tmp/gum-train.tsv" "$tmp/gum-test.tsv" data/models/names.bin
