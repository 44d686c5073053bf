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

# Given names and surnames of 106 and 75 countries (CC0), romanised, lowercase, accents kept and
# also folded; hyphenated and two-word names also by part. From ../shared/names/.
names=${NAMES_DIR:-../shared/names}
python3 - "$names" "$out" <<'PY'
import csv, sys, unicodedata
src, out = sys.argv[1], sys.argv[2]
def forms(n):
    for part in [n] + n.replace("-", " ").split():
        p = part.strip().lower()
        if len(p) >= 2 and p.replace("-", "").isalpha():
            yield p
            f = "".join(c for c in unicodedata.normalize("NFKD", p) if not unicodedata.combining(c))
            if f != p and f.replace("-", "").isascii():
                yield f
for csv_name, txt in [("common-forenames-by-country.csv", "world-given-names.txt"),
                      ("common-surnames-by-country.csv", "world-surnames.txt")]:
    names = set()
    with open(f"{src}/{csv_name}", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            names.update(forms(row["Romanized Name"]))
    with open(f"{out}/{txt}", "w", encoding="utf-8") as fh:
        fh.write("".join(n + "\n" for n in sorted(names)))
PY
wc -l "$out/world-given-names.txt" "$out/world-surnames.txt"
