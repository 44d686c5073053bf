#!/usr/bin/env bash
# Checks that the Spark job (examples/spark/run-local.sh, Spark local mode) writes the same bytes
# as `whomet build` on the same articles, every output file compared with cmp (of manifest.json,
# which records the run, the counts, diagnostics and files it lists):
#   (a) the bundled corpus, data/corpus, over 4 partitions;
#   (b) a generated corpus of 2,000 JSON-lines articles (plus a few .txt/.md files with accents,
#       CRLF, a BOM, HTML entities and a repeated id; gen_corpus.py), over 4 partitions, each
#       of which must hold shard lines;
#   (c) the same generated corpus given as a file:// URI (read by Spark's binaryFiles) and
#       piped with RDD.pipe, over 3 partitions.
# The corpus is written to a temporary directory, removed at the end. Prints `N passed, M failed`
# last and exits non-zero when anything failed. Environment as for run-local.sh (WHOMET_BIN,
# WHOMET_SPARK_VENV, ...); WHOMET_SPARK_TEST_ARTICLES changes the generated corpus size.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

bin=${WHOMET_BIN:-${CARGO_TARGET_DIR:-target}/release/whomet}
case $bin in /*) ;; *) bin=$root/$bin ;; esac
if [ ! -x "$bin" ]; then
    echo "test.sh: building $bin" >&2
    (cd "$root" && cargo build --release -p whomet)
fi
export WHOMET_BIN=$bin

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whomet-spark-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $*"; }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }

# same_graph_in_manifests A B: the two manifests give the same counts, diagnostics and files
# (names and sizes); prints the differing field otherwise.
same_graph_in_manifests() {
    python3 - "$1" "$2" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
bad = [k for k in ("counts", "diagnostics", "files") if k not in a or a.get(k) != b.get(k)]
for k in bad:
    print(f"     manifest {k}: {a.get(k)!r} != {b.get(k)!r}"[:400])
sys.exit(1 if bad else 0)
PY
}

# compare CASE EXPECTED_DIR ACTUAL_DIR: one check per output file of either directory.
compare() {
    local name=$1 want=$2 got=$3 f
    if [ -z "$(ls -A "$want" 2>/dev/null)" ]; then
        bad "$name: whomet build wrote nothing to $want"
        return
    fi
    for f in $( (ls "$want"; ls "$got" 2>/dev/null) | sort -u); do
        if [ ! -f "$want/$f" ]; then
            bad "$name: $f written by the Spark job only"
        elif [ ! -f "$got/$f" ]; then
            bad "$name: $f missing from the Spark job's output"
        elif [ "$f" = manifest.json ]; then
            # The manifest records the run (command, inputs as given, options, start time): the
            # build reads articles and the Spark job merges shards. What it says of the graph is
            # the same.
            if same_graph_in_manifests "$want/$f" "$got/$f"; then
                ok "$name: $f counts, diagnostics and files identical"
            else
                bad "$name: $f counts, diagnostics or files differ"
            fi
        elif cmp -s "$want/$f" "$got/$f"; then
            ok "$name: $f identical"
        else
            bad "$name: $f differs: $(cmp "$want/$f" "$got/$f" 2>&1 | head -1)"
        fi
    done
}

# spark CASE LOG INPUT OUTDIR [job.py options...]: runs run-local.sh, its output to LOG.
spark() {
    local name=$1 log=$2
    shift 2
    local start=$SECONDS
    if "$here/run-local.sh" "$@" >"$log" 2>&1; then
        echo "     $name: Spark job done in $((SECONDS - start)) s"
        return 0
    fi
    bad "$name: run-local.sh failed (last lines of its output follow)"
    tail -n 25 "$log" | sed 's/^/     | /'
    return 1
}

build() {
    "$bin" build "$1" --out "$2" --quiet >/dev/null 2>"$2.log"
}

started=$SECONDS

# (a) The bundled corpus.
build "$root/data/corpus" "$tmp/a-build"
if WHOMET_SPARK_PARTITIONS=4 spark corpus "$tmp/a.log" "$root/data/corpus" "$tmp/a-spark"; then
    compare corpus "$tmp/a-build" "$tmp/a-spark"
fi

# (b) A generated corpus, over 4 partitions, the shards kept to check the split.
python3 "$here/gen_corpus.py" "$tmp/gen" --articles "${WHOMET_SPARK_TEST_ARTICLES:-2000}"
build "$tmp/gen" "$tmp/b-build"
people=$(($(wc -l <"$tmp/b-build/nodes.csv") - 1))
if [ "$people" -ge 100 ]; then
    ok "generated: whomet build finds $people people"
else
    bad "generated: whomet build finds only $people people"
fi
if WHOMET_SPARK_PARTITIONS=4 spark generated "$tmp/b.log" "$tmp/gen" "$tmp/b-spark" \
    --shards "$tmp/b-shards"; then
    compare generated "$tmp/b-build" "$tmp/b-spark"
    lines=$(for s in "$tmp"/b-shards/shard-*.jsonl; do wc -l <"$s"; done | tr '\n' ' ')
    nonempty=$(for s in "$tmp"/b-shards/shard-*.jsonl; do [ -s "$s" ] && echo "$s"; done | wc -l)
    if [ "$nonempty" -eq 4 ]; then
        ok "generated: 4 non-empty shard files (lines: $lines)"
    else
        bad "generated: $nonempty non-empty shard files, want 4 (lines: $lines)"
    fi
fi

# (c) The same corpus as a file:// URI, through RDD.pipe, over 3 partitions.
if WHOMET_SPARK_PARTITIONS=3 spark generated-uri "$tmp/c.log" "file://$tmp/gen" "$tmp/c-spark" \
    --pipe rdd; then
    compare generated-uri "$tmp/b-build" "$tmp/c-spark"
fi

echo "     total time $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
