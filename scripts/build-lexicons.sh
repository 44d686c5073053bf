#!/usr/bin/env bash
# Regenerates the generated lexicons in data/lexicon/ from their open sources (see data/README.md).
# Needs: pip (for the `names` package, which ships the US Census 1990 name lists) and Debian's
# `wamerican` package (SCOWL word list at /usr/share/dict/words). Run from the repository root.
set -euo pipefail
out=data/lexicon
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Given names: US Census 1990 first names (public domain), via PyPI package names==0.3.0.
pip download --quiet --no-deps -d "$tmp" names==0.3.0
tar -xzf "$tmp"/names-0.3.0.tar.gz -C "$tmp"
cat "$tmp"/names-0.3.0/names/dist.male.first "$tmp"/names-0.3.0/names/dist.female.first |
  awk '{print tolower($1)}' | LC_ALL=C sort -u > "$out/given-names.txt"

# Common English words: lowercase entries of SCOWL's American word list (Debian wamerican).
[[ -f /usr/share/dict/words ]] || apt-get install -y wamerican
grep -E '^[a-z]{2,}$' /usr/share/dict/words | LC_ALL=C sort -u > "$out/common-words.txt"

wc -l "$out/given-names.txt" "$out/common-words.txt"
