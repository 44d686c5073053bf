#!/usr/bin/env python3
"""Holds whomet's extraction quality to ci/quality-floor.json and checks that `whomet eval`
prints the same numbers as the reference scorer (../shared/gold/score.py) on the same graph.

usage: quality.py WHOMET_BINARY [--update]   (--update raises the floor to the current scores;
it never lowers one)
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
OPEN_NEWS = os.path.join(ROOT, "data", "open-news")
# name: (gold file, articles). The open-news parts are in the repository; the seeds' gold and the
# copyrighted dev set are read from ../shared when it is there.
SETS = {
    "seeds": (os.path.join(SHARED, "gold", "seeds.gold.json"), os.path.join(ROOT, "data", "corpus")),
    "dev": (os.path.join(SHARED, "dev", "dev.gold.json"), os.path.join(SHARED, "dev", "articles")),
    "open-news-dev": (os.path.join(OPEN_NEWS, "dev.gold.json"), os.path.join(OPEN_NEWS, "dev")),
    "open-news-test": (os.path.join(OPEN_NEWS, "test.gold.json"), os.path.join(OPEN_NEWS, "test")),
}
SCORER = os.path.join(SHARED, "gold", "score.py")
KEYS = ("people", "MET", "PLANNED", "CONTACT")
FIELDS = ("precision", "recall", "f1")


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr}")
    return r.stdout


def main():
    whomet = sys.argv[1]
    update = "--update" in sys.argv
    floor_path = os.path.join(ROOT, "ci", "quality-floor.json")
    floor = json.load(open(floor_path))
    failures, checks = [], 0
    for name, (gold, corpus) in SETS.items():
        if not (os.path.exists(gold) and os.path.exists(corpus)):
            print(f"-- {name}: skipped ({gold} or {corpus} is missing)")
            continue
        with tempfile.TemporaryDirectory() as out:
            run([whomet, "build", corpus, "--out", out, "--format", "graphml"])
            ours = json.loads(run([whomet, "eval", "--gold", gold, corpus, "--json"]))
            ref = None
            if os.path.exists(SCORER):
                ref = json.loads(run([sys.executable, SCORER, gold,
                                      os.path.join(out, "graph.graphml"), "--json"]))
        print(f"-- {name}")
        print(run([whomet, "eval", "--gold", gold, corpus]), end="")
        for k in KEYS:
            for field, value in (ref[k].items() if ref else []):
                checks += 1
                if ours[k].get(field) != value:
                    failures.append(f"{name} {k}.{field}: whomet eval {ours[k].get(field)!r} != score.py {value!r}")
            for field in FIELDS:
                checks += 1
                low = floor.get(name, {}).get(k, {}).get(field, 0.0)
                if ours[k][field] + 1e-9 < low:
                    failures.append(f"{name} {k}.{field} = {ours[k][field]} is below the floor {low}")
                if update:
                    floor.setdefault(name, {}).setdefault(k, {})[field] = max(low, ours[k][field])
    if update:
        with open(floor_path, "w") as f:
            json.dump(floor, f, indent=2, sort_keys=True)
            f.write("\n")
    for f in failures:
        print("FAIL:", f)
    print(f"quality: {checks - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
