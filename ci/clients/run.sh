#!/usr/bin/env bash
# Client checks of every export format (issue 5): loads the files in real third-party clients.
#
#   bash ci/clients/run.sh
#
# 1. ci/clients/setup.sh installs the clients (graphviz, xmllint, chromium; networkx, igraph,
#    kuzu in the venv $WHOMET_VENV, default .venv).
# 2. Builds the graph of the bundled corpus (`whomet build --out`) and the nasty-names fixture
#    (`--example fixture`), and runs ci/clients/check.py on both (the corpus with
#    --expect-haniyeh).
# 3. For each format, breaks a copy of one file on purpose and asserts that the same check
#    rejects it.
# Prints one line per step and per check, and last "N passed, M failed"; exits 1 on any failure.
# WHOMET_CLIENTS_OUT=DIR keeps the outputs and the report screenshots in DIR (default: a temporary
# directory, removed at the end).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export WHOMET_VENV="${WHOMET_VENV:-$root/.venv}"
py="$WHOMET_VENV/bin/python"
check="$root/ci/clients/check.py"
keep="${WHOMET_CLIENTS_OUT:-}"
work="${keep:-$(mktemp -d -t whomet-clients.XXXXXX)}"
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

passed=0 failed=0
start_all=$SECONDS
ok() { passed=$((passed + 1)); printf 'ok   %s\n' "$*"; }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }

# A step: its name, then the command. Its output is shown only when it fails.
step() {
    local name="$1" t=$SECONDS log
    shift
    log="$work/$(echo "$name" | tr -c 'A-Za-z0-9' _).log"
    if "$@" >"$log" 2>&1; then
        ok "$name ($((SECONDS - t))s)"
    else
        bad "$name ($((SECONDS - t))s)"
        sed 's/^/    /' "$log" | tail -n 40
        return 1
    fi
}

# check.py on a directory: each of its checks counts as one result.
client_checks() {
    local dir="$1" t=$SECONDS out
    shift
    out="$("$py" "$check" "$dir" --screenshots "$work" "$@" 2>&1)"
    grep -v '^check.py ' <<<"$out" | sed 's/^/  /'
    local p f
    p=$(sed -n 's/^check.py .*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' <<<"$out")
    f=$(sed -n 's/^check.py .*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' <<<"$out")
    if [ -z "$p" ]; then
        bad "check.py $dir did not finish ($((SECONDS - t))s)"
        return
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    echo "  check.py $(basename "$dir"): $p passed, $f failed ($((SECONDS - t))s)"
}

echo "== setup"
if ! step "setup: clients installed" bash "$root/ci/clients/setup.sh"; then
    echo "$passed passed, $((failed)) failed"
    exit 1
fi

echo "== build"
corpus="$work/corpus" fixture="$work/fixture"
rm -rf "$corpus" "$fixture"
step "build: whomet build --out (bundled corpus)" \
    cargo run --quiet --release -p whomet -- build --out "$corpus"
step "build: fixture example (nasty names)" \
    cargo run --quiet --release -p whomet-export --example fixture -- "$fixture"

# The bundled corpus as JSON lines with titles, addresses and publishers, each article twice
# (a syndicated copy with a byline): the citations and the copies counted once, in every client.
titled="$work/titled"
rm -rf "$titled"
step "build: bundled corpus as JSON lines with titles, urls, publishers and a copy of each" \
    bash -c '"$1" ci/clients/titled.py "$2" && cargo run --quiet --release -p whomet -- build "$2" --out "$3" --quiet' \
    _ "$py" "$work/titled.jsonl" "$titled"

echo "== client checks: bundled corpus"
[ -d "$corpus" ] && client_checks "$corpus" --expect-haniyeh
echo "== client checks: bundled corpus as JSON lines with titles and copies"
[ -d "$titled" ] && client_checks "$titled"
echo "== client checks: nasty-names fixture"
[ -d "$fixture" ] && client_checks "$fixture"

# Issue 15: a generated corpus of about 20,000 people and 100,000 edges. The layout must take
# under 10 s (WHOMET_TIMINGS phases), report.html must become interactive in headless Chromium
# within 5 s and pass its own self-test (search, a type filter, an edge click), and graph.svg and
# graph.dot must show the 150 most connected people and say so.
echo "== client checks: generated corpus of 20,000 people (issue 15)"
large="$work/large"
rm -rf "$large"
step "build: scripts/gen_corpus.py 55 MB, pool of 21,000 people" \
    python3 scripts/gen_corpus.py 55 "$work/large.jsonl" --people 21000
layout_within() {
    local timings
    timings="$(WHOMET_TIMINGS=1 cargo run --quiet --release -p whomet -- build "$work/large.jsonl" --out "$large" 2>&1 >/dev/null)" || return 1
    printf '%s\n' "$timings"
    python3 -c '
import re, sys
t = {m.group(1): float(m.group(2)) for m in re.finditer(r"whomet: (.*?) at ([0-9.]+)s", sys.stdin.read())}
took = t["laid out"] - t["graph built"]
print(f"layout {took:.2f} s")
sys.exit(0 if took < float(sys.argv[1]) else 1)
' "$1" <<<"$timings"
}
step "build: whomet build of it, layout under 10 s" layout_within 10
# The bar is 5 s on an idle machine (docs/PERFORMANCE.md has the measured figure); CI, which may
# share its cores, fails at twice that, which still catches a report that stalls.
[ -d "$large" ] && client_checks "$large" --only html,svg,dot --ready-within 10000
rm -f "$work/large.jsonl"

# Negative checks: break a copy of one file, and the named check must reject it.
# reject NAME CHECK PYTHON-EDIT: PYTHON-EDIT is Python run with `d` bound to the copy's path.
reject() {
    local name="$1" only="$2" edit="$3" t=$SECONDS
    local dir="$work/broken-$name"
    rm -rf "$dir"
    cp -r "$corpus" "$dir"
    if ! "$py" -c "import os, re, sys; d = sys.argv[1]
def edit(name, fn):
    p = os.path.join(d, name)
    with open(p, encoding='utf-8', newline='') as f:
        old = f.read()
    new = fn(old)
    assert new != old, 'the edit changed nothing in ' + name
    with open(p, 'w', encoding='utf-8', newline='') as f:
        f.write(new)
$edit" "$dir"; then
        bad "negative $name: could not break the file"
        return
    fi
    local out
    out="$("$py" "$check" "$dir" --only "$only" --screenshots "$dir" 2>&1)"
    local status=$?
    local why
    why="$(grep -m1 "^FAIL $only:" <<<"$out" | cut -c1-160)"
    if [ "$status" -eq 1 ] && [ -n "$why" ]; then
        ok "negative $name: rejected by '$only' ($((SECONDS - t))s): $why"
    else
        bad "negative $name: '$only' accepted a broken file (exit $status)"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
    [ -n "$keep" ] || rm -rf "$dir"
}

if [ -d "$corpus" ]; then
    echo "== negative checks: each broken file must be rejected"
    reject graphml-dangling-edge graphml \
        "edit('graph.graphml', lambda s: re.sub(r'(<edge id=\"e0\" source=\"[^\"]*\" target=\")[^\"]*', r'\1nobody', s, count=1))"
    reject graphml-duplicate-node graphml \
        "edit('graph.graphml', lambda s: re.sub(r'(    <node .*?</node>\n)', r'\1\1', s, count=1, flags=re.S))"
    reject gexf-schema-invalid gexf \
        "edit('graph.gexf', lambda s: s.replace('<attvalues>', '<attvalues><color r=\"1\"/>', 1))"
    reject gexf-wrong-spell gexf \
        "edit('graph.gexf', lambda s: re.sub(r'<spell start=\"(\d{4})', lambda m: '<spell start=\"' + str(int(m.group(1)) - 1), s, count=1))"
    reject dot-unescaped-quote dot \
        "edit('graph.dot', lambda s: re.sub(r'\[label=\"([^\"\\\\]*?) ', r'[label=\"\1\" ', s, count=1))"
    reject svg-not-well-formed svg \
        "edit('graph.svg', lambda s: s.replace('</svg>', ''))"
    reject neo4j-unterminated-quote neo4j \
        "edit('nodes.csv', lambda s: s + 'zz-top,\"Unterminated,,,1,0,Person\n')"
    reject neo4j-dangling-relationship neo4j \
        "edit('relationships.csv', lambda s: re.sub(r'\n([^,\n]*),([^,\n]*),', r'\n\1,nobody,', s, count=1))"
    reject neo4j-bad-header neo4j \
        "edit('evidence-nodes.csv', lambda s: s.replace('start:int', 'start:integer', 1))"
    reject neo4j-evidence-unlinked neo4j \
        "edit('evidence-articles.csv', lambda s: re.sub(r'\n[^\n]*', '', s, count=1))"
    reject neo4j-wrong-id-space neo4j \
        "edit('evidence-people.csv', lambda s: s.replace(':END_ID(Person)', ':END_ID(People)', 1))"
    reject graphml-coordinates-as-text graphml \
        "edit('graph.graphml', lambda s: s.replace('attr.name=\"lat\" attr.type=\"double\"', 'attr.name=\"lat\" attr.type=\"string\"', 1))"
    reject cypher-string-date cypher \
        "edit('import.cypher', lambda s: re.sub(r\"r\\.first_date = date\\(('[^']*')\\)\", r'r.first_date = \\1', s, count=1))"
    reject cypher-unescaped-quote cypher \
        "edit('import.cypher', lambda s: s.replace(\"SET p.name = '\", \"SET p.name = 'O'\", 1))"
    reject cypher-create-duplicates cypher \
        "edit('import.cypher', lambda s: s.replace('MERGE (a)-[r:', 'CREATE (a)-[r:'))"
    reject gephi-directed-edge gephi \
        "edit('gephi-edges.csv', lambda s: s.replace(',Undirected,', ',Directed,', 1))"
    reject gephi-bad-timeset gephi \
        "edit('gephi-edges.csv', lambda s: s.replace('<[', '<(', 1))"
    reject gephi-formula gephi \
        "edit('gephi-nodes.csv', lambda s: re.sub(r'\n([^,\n]*),([^,\n]*),', r'\n\1,=cmd|calc,', s, count=1))"
    reject evidence-wrong-sentence evidence \
        "edit('evidence.csv', lambda s: s.replace(' met ', ' mat ', 1))"
    reject json-invalid json \
        "edit('graph.json', lambda s: s.rstrip()[:-1])"
    reject json-disagrees-with-graphml json \
        "edit('graph.json', lambda s: s.replace('\"type\":\"MET\"', '\"type\":\"CONTACT\"', 1))"
    reject html-script-throws html \
        "edit('report.html', lambda s: s.replace('</body>', '<script>null.boom();</script></body>', 1))"
    reject html-external-url html \
        "edit('report.html', lambda s: s.replace('</aside>', '<img src=\"https://example.invalid/x.png\" alt=\"\"></aside>', 1))"
    reject html-unescaped-name html \
        "edit('report.html', lambda s: s.replace('\"label\":[\"', '\"label\":[\"<b>x</b>', 1))"
    reject html-selftest-fails html \
        "edit('report.html', lambda s: s.replace('ok = ok && !!cond;', 'ok = false;', 1))"
fi

echo "== total $((SECONDS - start_all))s; outputs in $work${keep:+ (kept)}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
