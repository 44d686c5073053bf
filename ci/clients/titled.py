#!/usr/bin/env python3
"""Writes the bundled corpus as JSON lines with a title, an address and a publisher per article,
each article twice (the second a syndicated copy with a byline and another publisher), for the
client checks of citations and of copies counted once (ci/clients/run.sh).

    titled.py OUT.jsonl
"""

import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for i, path in enumerate(sorted(glob.glob(os.path.join(ROOT, "data", "corpus", "*.txt")))):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            stem = os.path.basename(path)[: -len(".txt")]
            for copy, (source, byline) in enumerate([("Wire", ""), ("Daily Paper", "By Staff. ")]):
                line = {
                    "id": f"{stem}-{copy}",
                    "text": byline + text,
                    "title": f'Story {i}: "{stem}" & more',
                    "url": f"https://example.org/{stem}?copy={copy}",
                    "source": source,
                }
                out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
