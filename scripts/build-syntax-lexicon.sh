#!/usr/bin/env bash
# Regenerates the word lists the syntax tagger reads as features (see data/README.md): from
# WordNet 3.0 as packaged by Debian (`wordnet-base`; Princeton's WordNet 3.0 licence, kept in
# data/lexicon/WORDNET-LICENSE) data/lexicon/wordnet.txt and data/lexicon/wordnet-exceptions.txt,
# and from the CC0 popular-names-by-country lists (../shared/names, or the folder given as the
# first argument) data/lexicon/names-by-country.txt. Run from the repository root; needs apt-get,
# dpkg-deb and python3.
#
# wordnet.txt: one single-word lemma a line, lower case, a tab, then its classes: n (common
# noun), p (proper noun: written with a capital in every noun sense that has it), v, a
# (adjective, satellites included), r (adverb); then, for nouns and verbs, the lexicographer
# file of the most frequent sense (e.g. 18 noun.person, 32 verb.communication), `-` when none.
# wordnet-exceptions.txt: `pos form lemma` from WordNet's irregular-form lists (*.exc).
# names-by-country.txt: `g name` (given name) and `s name` (surname), lower case, romanised.
set -euo pipefail
names="${1:-../shared/names}"
out=data/lexicon
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download wordnet-base >/dev/null 2>&1)
dpkg-deb -x "$tmp"/wordnet-base_*.deb "$tmp/x"
python3 - "$tmp/x/usr/share/wordnet" "$out" <<'PY'
import re, sys
wn, out = sys.argv[1], sys.argv[2]
word = re.compile(r"^[a-z][a-z'.-]*$")
classes, lexfile = {}, {}
files = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
for pos, name in files.items():
    synset_file = {}
    for line in open(f"{wn}/data.{name}", encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split(" ")
        offset, lex, count = f[0], int(f[1]), int(f[3], 16)
        synset_file[offset] = lex
        for k in range(count):
            w = f[4 + 2 * k]
            w = re.sub(r"\(.*\)$", "", w)  # adjective markers such as (a), (p)
            lower = w.lower()
            if not word.match(lower):
                continue
            c = classes.setdefault(lower, set())
            if pos == "n":
                c.add("p" if w[0].isupper() else "n")
            else:
                c.add(pos)
    if pos in "nv":
        for line in open(f"{wn}/index.{name}", encoding="latin-1"):
            if line.startswith("  "):
                continue
            f = line.split()
            lemma, count = f[0], int(f[2])
            if not word.match(lemma):
                continue
            ptrs = int(f[3])
            offsets = f[4 + ptrs + 2:]
            if offsets:
                lexfile.setdefault(lemma, {})[pos] = synset_file[offsets[0]]
with open(f"{out}/wordnet.txt", "w", encoding="utf-8") as o:
    for w in sorted(classes):
        c = "".join(x for x in "npvar" if x in classes[w])
        lf = lexfile.get(w, {})
        o.write(f"{w}\t{c}\t{lf.get('n', '-')}\t{lf.get('v', '-')}\n")
with open(f"{out}/wordnet-exceptions.txt", "w", encoding="utf-8") as o:
    for pos, name in files.items():
        for line in open(f"{wn}/{name}.exc", encoding="latin-1"):
            f = line.split()
            if len(f) >= 2 and word.match(f[0]) and word.match(f[1]) and f[0] != f[1]:
                o.write(f"{pos} {f[0]} {f[1]}\n")
PY
sed -n '/^License: WordNet3.0/,/^Files: debian/p' "$tmp"/x/usr/share/doc/wordnet-base/copyright |
  sed '$d' | sed 's/^ \.$//; s/^ //' > "$out/WORDNET-LICENSE"
python3 - "$names" "$out" <<'PY'
import csv, sys
names, out = sys.argv[1], sys.argv[2]
lines = set()
for kind, file in (("g", "common-forenames-by-country.csv"), ("s", "common-surnames-by-country.csv")):
    for row in csv.DictReader(open(f"{names}/{file}", encoding="utf-8-sig")):
        name = row["Romanized Name"].strip().lower()
        if name and " " not in name:
            lines.add(f"{kind} {name}")
with open(f"{out}/names-by-country.txt", "w", encoding="utf-8") as o:
    o.write("".join(l + "\n" for l in sorted(lines)))
PY
wc -l "$out/wordnet.txt" "$out/wordnet-exceptions.txt" "$out/names-by-country.txt"
