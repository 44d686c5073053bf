#!/usr/bin/env python3
"""Keeps a small regression corpus: the N inputs that cover the most edges, chosen greedily.

usage: select_corpus.py CONTROL_FILE N OUT_DIR

CONTROL_FILE is what `analyse -merge=1 -use_counters=0 -merge_control_file=CONTROL_FILE ...`
leaves behind: the input files, then one `COV <index> <edge>...` line per input. Each step takes
the input that adds the most edges not yet covered (ties: the smaller file, then the smaller
name), until N are taken or nothing adds an edge. The result depends only on the control file.

In OUT_DIR the files named by libFuzzer (40 hex digits) are replaced by the chosen ones; named
files (seed-*, crash-*) stay.
"""

import os
import re
import shutil
import sys


def main() -> None:
    control, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    lines = open(control, encoding="utf-8").read().split("\n")
    count = int(lines[0])
    files = lines[2 : 2 + count]
    cov = {}
    for line in lines[2 + count :]:
        if line.startswith("COV "):
            parts = line.split()
            cov[int(parts[1])] = set(map(int, parts[2:]))
    size = {i: os.path.getsize(files[i]) for i in cov}
    every = set().union(*cov.values()) if cov else set()
    covered, chosen, left = set(), [], set(cov)
    while left and len(chosen) < n:
        best = min(
            left,
            key=lambda i: (-len(cov[i] - covered), size[i], os.path.basename(files[i])),
        )
        if not cov[best] - covered:
            break
        covered |= cov[best]
        chosen.append(best)
        left.discard(best)
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        if re.fullmatch(r"[0-9a-f]{40}", name):
            os.remove(os.path.join(out, name))
    for i in chosen:
        shutil.copy(files[i], out)
    total = sum(size[i] for i in chosen)
    print(
        f"kept {len(chosen)} inputs ({total} bytes) covering {len(covered)} of "
        f"{len(every)} edges ({100 * len(covered) / max(len(every), 1):.1f}%)"
    )


if __name__ == "__main__":
    main()
