#!/usr/bin/env bash
# Writes the treebank samples the syntax crate's tests and benchmarks read (so that they need
# nothing beside the clone): crates/syntax/tests/data/slice.conllu, the first 150 sentences of UD
# English-EWT train (CC BY-SA 4.0) and the first 150 sentences of GUM train's news documents
# (Wikinews, CC BY 2.5; annotations CC BY 4.0), and crates/syntax/tests/data/dev-sample.conllu,
# every 13th sentence of EWT dev and every 6th of GUM dev, on which a test asserts accuracy
# floors (dev, not test: the test sets are only for reporting).
set -euo pipefail
ud="${1:-../shared/ud}"
out=crates/syntax/tests/data/slice.conllu
dev=crates/syntax/tests/data/dev-sample.conllu
python3 - "$ud" "$out" "$dev" <<'PY'
import sys
ud, out, dev = sys.argv[1], sys.argv[2], sys.argv[3]
def sentences(path, keep):
    block, doc = [], ""
    for line in open(path, encoding="utf-8"):
        if line.startswith("# newdoc id ="):
            doc = line.split("=", 1)[1].strip()
        if line.strip() == "":
            if block and keep(doc):
                yield "".join(block)
            block = []
        elif line.startswith("#"):
            if line.startswith(("# newdoc id", "# sent_id", "# text =")):
                block.append(line)
        else:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10:
                misc = [m for m in cols[9].split("|") if m.startswith(("SpaceAfter", "Entity"))]
                cols[5] = "_"
                cols[8] = "_"
                cols[9] = "|".join(misc) or "_"
                line = "\t".join(cols) + "\n"
            block.append(line)
def take(gen, n):
    for i, s in enumerate(gen):
        if i == n:
            break
        yield s
with open(out, "w", encoding="utf-8") as f:
    for s in take(sentences(f"{ud}/ewt-train.conllu", lambda d: True), 150):
        f.write(s + "\n")
    for s in take(sentences(f"{ud}/gum-train.conllu", lambda d: "_news_" in d), 150):
        f.write(s + "\n")
with open(dev, "w", encoding="utf-8") as f:
    for name, step in (("ewt-dev", 13), ("gum-dev", 6)):
        for i, s in enumerate(sentences(f"{ud}/{name}.conllu", lambda d: True)):
            if i % step == 0:
                f.write(s + "\n")
PY
echo "wrote $out and $dev"
