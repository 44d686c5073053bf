#!/usr/bin/env python3
"""Person-name spans of UD English-GUM, for training and scoring whomet's name finder.

Usage:
    python3 scripts/gum_names.py TREEBANK.conllu [--skip-news DIR] > NAMES.tsv

Writes one line per sentence: the sentence text (`# text`), a tab, and the person names in it as
`start:end` byte offsets into that text (UTF-8), separated by spaces (nothing when it has none).
A name is the personal name of a GUM `Entity=` mention of type person, found as
`scripts/gum_people.py` finds it (the UD name span at the mention's head, titles stripped; not a
group, not a pronoun), so the finder learns the names that the GUM people measure counts.
`--skip-news DIR` leaves out the documents whose `GUM_news_*.conllu` files are in DIR (the
articles `scripts/gum_people.py` measures on), so that measure stays on text the finder was not
trained on. Python 3.11 standard library only.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gum_people import mention_name_tokens, mentions  # noqa: E402


def documents(path):
    """(doc id, doc) for each document of a treebank, docs as gum_people.read_conllu makes them."""
    doc, name = None, None
    cur = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                if doc is not None:
                    yield name, doc
                name = line[len("# newdoc id = "):].strip()
                doc = {"meta": {}, "pars": [[]], "sents": []}
            elif line.startswith("# text = "):
                cur = {"text": line[9:], "toks": []}
                doc["sents"].append(cur)
            elif line and line[0].isdigit():
                f = line.split("\t")
                if "-" in f[0] or "." in f[0]:
                    continue
                cur["toks"].append(f)
    if doc is not None:
        yield name, doc


def offsets(sent):
    """Byte offsets (start, end) of each token in the sentence text, or None if they do not fit."""
    text = sent["text"].encode("utf-8")
    out, at = [], 0
    for f in sent["toks"]:
        form = f[1].encode("utf-8")
        i = text.find(form, at)
        if i < 0 or text[at:i].strip():
            return None
        out.append((i, i + len(form)))
        at = i + len(form)
    return out


def main():
    args = sys.argv[1:]
    skip = set()
    if "--skip-news" in args:
        k = args.index("--skip-news")
        d = args[k + 1]
        del args[k:k + 2]
        skip = {f[:-len(".conllu")] for f in os.listdir(d) if f.endswith(".conllu")}
    (path,) = args
    out = sys.stdout
    for name, doc in documents(path):
        if name in skip:
            continue
        spans = {}
        for m in mentions(doc):
            if m["type"] != "person":
                continue
            toks = doc["sents"][m["sent"]]["toks"][m["start"]:m["end"] + 1]
            res = mention_name_tokens(toks)
            if not res:
                continue
            name_toks, _modifier = res
            first = int(name_toks[0][0]) - 1
            last = int(name_toks[-1][0]) - 1
            spans.setdefault(m["sent"], set()).add((first, last))
        for si, s in enumerate(doc["sents"]):
            offs = offsets(s)
            if offs is None:
                continue
            names = sorted((offs[a][0], offs[b][1]) for a, b in spans.get(si, ()))
            # Nested or overlapping names: keep the outermost.
            kept = []
            for a, b in names:
                if kept and a < kept[-1][1]:
                    kept[-1] = (kept[-1][0], max(b, kept[-1][1]))
                else:
                    kept.append((a, b))
            out.write(s["text"].replace("\t", " ") + "\t" + " ".join(f"{a}:{b}" for a, b in kept) + "\n")


if __name__ == "__main__":
    main()
