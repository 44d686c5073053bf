#!/usr/bin/env python3
"""Loads every file whomet exports in a real third-party client and checks what the client reads.

    check.py OUTDIR [--expect-haniyeh] [--gold FILE] [--only NAME,NAME] [--truth FILE]

OUTDIR holds the files of `whomet build --out OUTDIR` (or of the `fixture` example). The values
each client reads are compared with a reference graph: OUTDIR/fixture.json when it is there (the
nasty-names fixture, written straight from the Rust graph by the example), otherwise
OUTDIR/graph.json (itself checked against the GraphML as networkx reads it). Each format may
change values only as docs/FORMATS.md says (the `expect_*` functions below spell those rules out).

Checks (names for --only): graphml, gexf, dot, svg, neo4j, cypher, gephi, json, evidence, html.
Needs: networkx>=3.5, python-igraph, kuzu, openpyxl (ci/clients/setup.sh installs them), and on PATH:
dot, gc, xmllint, chromium, soffice (the LibreOffice check of evidence.csv is skipped without
soffice or openpyxl). Exits 1 when any check fails, 2 on a usage error.
"""

import argparse
import calendar
import csv
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TYPES = ["MET", "CONTACT", "PLANNED"]
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_NS = "{http://gexf.net/1.3}"
SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"


class Failed(Exception):
    """A check found the file wrong."""


def check(cond, message):
    if not cond:
        raise Failed(message)


def equal(actual, expected, what):
    if actual != expected:
        raise Failed(f"{what}: got {actual!r}, expected {expected!r}")


def run(cmd, timeout=180, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=timeout, **kw)


# ---------------------------------------------------------------------------------------------
# The reference graph and the documented replacements of each format


class Ref:
    """nodes: [{id, label, aliases, roles, mentions, documents}], edges: [{id, source, target,
    type, confidence, weight, documents, first_date, last_date, places, evidence: [...]}]."""

    def __init__(self, nodes, edges, exact):
        self.nodes, self.edges, self.exact = nodes, edges, exact
        self.node = {n["id"]: n for n in nodes}
        self.edge = {e["id"]: e for e in edges}


def strict_json(path):
    def no_constants(name):
        raise ValueError(f"non-standard JSON constant {name}")

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate keys in an object: {keys}")
        return dict(pairs)

    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_constant=no_constants, object_pairs_hook=no_duplicates)


def ref_from_truth(path):
    """fixture.json: the Rust graph serialised as it is (people, and edges with their EdgeData)."""
    t = strict_json(path)
    nodes = [
        {k: p[k] for k in ("id", "label", "aliases", "roles", "mentions", "documents", "credit", "place")}
        for p in t["people"]
    ]
    edges = []
    for i, e in enumerate(t["edges"]):
        d = e["data"]
        edges.append(
            {
                "id": f"e{i}",
                "source": e["source"],
                "target": e["target"],
                "type": d["kind"],
                "confidence": d["confidence"],
                "weight": d["weight"],
                "documents": d["documents"],
                "first_date": d["first_date"],
                "last_date": d["last_date"],
                "places": d["places"],
                "articles": d["articles"],
                "sources": d["sources"],
                "place": d["place"],
                "evidence": [
                    {
                        "doc": x["evidence"]["doc"],
                        "start": x["evidence"]["sentence"]["start"],
                        "end": x["evidence"]["sentence"]["end"],
                        "sentence": x["evidence"]["text"],
                        "trigger": x["evidence"]["trigger"],
                        "date": x["date"],
                        "place": x["place"],
                        "confidence": x["evidence"]["confidence"],
                        "cues": x["evidence"]["cues"],
                    }
                    for x in d["evidence"]
                ],
            }
        )
    return Ref(nodes, edges, exact=True)


def ref_from_graph_json(path):
    doc = strict_json(path)
    nodes = [el["data"] for el in doc["elements"]["nodes"]]
    edges = [el["data"] for el in doc["elements"]["edges"]]
    return Ref(nodes, edges, exact=False)


def xml_ok(c):
    o = ord(c)
    return o in (9, 10, 13) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000


def xml_text(s):
    """XML-based formats (GraphML, GEXF, SVG, HTML): characters XML 1.0 forbids become U+FFFD."""
    return "".join(c if xml_ok(c) else "\ufffd" for c in s)


def semi(items, sep):
    """GraphML and Neo4j CSV lists: a `;` inside an item becomes `,`."""
    return sep.join(i.replace(";", ",") for i in items)


def flat(s):
    """Neo4j and evidence CSV: newline, carriage return and tab become a space."""
    return s.replace("\n", " ").replace("\r", " ").replace("\t", " ")


def java_trim(s):
    """What Gephi's CSV reader (commons-csv withTrim) does: String.trim()."""
    i, j = 0, len(s)
    while i < j and ord(s[i]) <= 0x20:
        i += 1
    while j > i and ord(s[j - 1]) <= 0x20:
        j -= 1
    return s[i:j]


def gephi_expected(s):
    """Gephi CSV: flattened, trimmed, and a leading `'` before `=`, `+`, `-`, `@` and `'`."""
    s = java_trim(flat(s))
    return "'" + s if s[:1] in ("=", "+", "-", "@", "'") else s


def unguard(cell):
    """The documented reader rule of the formula guard (evidence.csv, Gephi CSV): drop one
    leading `'`. It gives every value back, since a value starting with `'` is guarded too."""
    return cell[1:] if cell.startswith("'") else cell


def gephi_decode(raw, what):
    """A cell as Gephi's CSV reader returns it: `\\` is its escape character, then trimmed.
    whomet writes `\\` only as `\\\\`; any other escape is an error here."""
    out, i = [], 0
    while i < len(raw):
        c = raw[i]
        if c == "\\":
            check(raw[i + 1 : i + 2] == "\\", f"{what}: lone backslash escape in {raw!r}")
            out.append("\\")
            i += 2
        else:
            out.append(c)
            i += 1
    return java_trim("".join(out))


def spells(edge):
    """The closed day ranges of the edge's dated evidence, overlapping ranges merged."""
    periods = []
    for x in edge["evidence"]:
        d = x["date"]
        if not d:
            continue
        parts = d.split("-")
        y = int(parts[0])
        if len(parts) == 3:
            periods.append((d, d))
        elif len(parts) == 2:
            m = int(parts[1])
            last = calendar.monthrange(y, m)[1]
            periods.append((f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"))
        else:
            periods.append((f"{y:04d}-01-01", f"{y:04d}-12-31"))
    merged = []
    for start, end in sorted(periods):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def parse_gephi_list(s):
    """A GEXF liststring as Gephi's ArraysParser reads it: `["a", "b \\" c"]`."""
    if s == "<empty>":
        return []
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c in "[]() \t\r\n,":
            i += 1
        elif c in "\"'":
            quote, buf, escaped, i = c, [], False, i + 1
            while True:
                check(i < len(s), f"unterminated list literal in {s!r}")
                c = s[i]
                i += 1
                if c == quote and not escaped:
                    break
                if c == "\\" and not escaped:
                    escaped = True
                    continue
                escaped = False
                buf.append(c)
            out.append("".join(buf))
        else:
            j = i
            while j < len(s) and s[j] not in ",)]":
                j += 1
            out.append(s[i:j].strip())
            i = j
    return out


def strict_csv(path, expected_header):
    """Rows of a CSV read strictly: exact header, every row as long, no field spanning lines."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        raise Failed(f"{os.path.basename(path)}: not valid CSV: {e}")
    check(rows, f"{os.path.basename(path)}: empty")
    equal(rows[0], expected_header, f"{os.path.basename(path)} header")
    for n, row in enumerate(rows[1:], start=2):
        equal(len(row), len(expected_header), f"{os.path.basename(path)} record {n} length")
    check(text.endswith("\n") and "\r" not in text, f"{os.path.basename(path)}: line ends")
    equal(text.count("\n"), len(rows), f"{os.path.basename(path)}: physical lines (a field spans lines)")
    return rows[1:]


PLACE_HEADER = ["place", "country", "lat:float", "lng:float"]
NODES_HEADER = [
    "personId:ID(Person)", "name", "aliases:string[]", "roles:string[]",
    "mentions:int", "documents:int", "credit:boolean", *PLACE_HEADER, ":LABEL",
]
RELS_HEADER = [
    ":START_ID(Person)", ":END_ID(Person)", ":TYPE", "edgeId", "confidence:float", "weight:float",
    "evidence:int", "articles:int", "sources:int", "documents:string[]", "first_date:date", "last_date:date",
    "first_period", "last_period", "places:string[]", *PLACE_HEADER,
]
ARTICLES_HEADER = ["articleId:ID(Article)", "title", "url", "source", "date:date", "copies:int", "copy_ids:string[]",
                   "sources:string[]", ":LABEL"]
EVIDENCE_HEADER = ["evidenceId:ID(Evidence)", "edgeId", "type", "sentence", "start:int", "end:int", "trigger", "date:date",
                   "period", "place", "country", "lat:float", "lng:float", "confidence:float", "cues:string[]", ":LABEL"]
# The neo4j-admin files: name, header, node label or (relationship, from group, to group).
NEO4J_FILES = [
    ("nodes.csv", NODES_HEADER, "Person"),
    ("relationships.csv", RELS_HEADER, None),
    ("articles.csv", ARTICLES_HEADER, "Article"),
    ("evidence-nodes.csv", EVIDENCE_HEADER, "Evidence"),
    ("evidence-articles.csv", [":START_ID(Evidence)", ":END_ID(Article)", ":TYPE"], ("IN_ARTICLE", "Evidence", "Article")),
    ("evidence-people.csv", [":START_ID(Evidence)", ":END_ID(Person)", ":TYPE"], ("INVOLVES", "Evidence", "Person")),
    ("article-people.csv", [":START_ID(Article)", ":END_ID(Person)", ":TYPE"], ("MENTIONS", "Article", "Person")),
]


def neo4j_counts(out):
    nodes = strict_csv(os.path.join(out, "nodes.csv"), NODES_HEADER)
    rels = strict_csv(os.path.join(out, "relationships.csv"), RELS_HEADER)
    return len(nodes), len(rels)


def neo4j_headers(out):
    """Every neo4j-admin file: its header as documented, each field in the importer's grammar
    (name:type, ID/START_ID/END_ID with an ID space, TYPE, LABEL), every START_ID and END_ID
    space an ID space of a node file, every row as long as the header. Returns the rows by file."""
    spaces, files = set(), {}
    for name, header, _ in NEO4J_FILES:
        files[name] = strict_csv(os.path.join(out, name), header)
        for field in header:
            m = re.fullmatch(r":?[A-Za-z_][A-Za-z0-9_]*:ID\(([A-Za-z]+)\)", field)
            if m:
                spaces.add(m.group(1))
    for name, header, _ in NEO4J_FILES:
        header_schema(header)
        for field in header:
            m = re.fullmatch(r":(START_ID|END_ID)\(([A-Za-z]+)\)", field)
            if m:
                check(m.group(2) in spaces, f"{name}: {field} names no ID space of a node file")
    return files


def nx_edges(g, id_key):
    """Edges of a networkx graph read from GraphML or GEXF, by edge id: the multigraph key, or
    the id attribute networkx keeps on a simple graph (removed from the data)."""
    out = {}
    if g.is_multigraph():
        for u, v, k, d in g.edges(keys=True, data=True):
            d = dict(d)
            if d.get("id") is not None:
                equal(d.pop("id"), k, "edge id attribute")
            out[k] = (u, v, d)
    else:
        for u, v, d in g.edges(data=True):
            d = dict(d)
            out[d.pop("id", None) or d[id_key]] = (u, v, d)
    return out


# ---------------------------------------------------------------------------------------------
# GraphML: networkx and igraph


GRAPHML_KEYS = {
    ("node", "label", "string"), ("node", "aliases", "string"), ("node", "roles", "string"),
    ("node", "type", "string"), ("node", "mentions", "int"), ("node", "documents", "int"),
    ("edge", "type", "string"), ("edge", "confidence", "double"), ("edge", "weight", "double"),
    ("edge", "evidence", "int"), ("edge", "documents", "string"),
    ("edge", "first_date", "string"), ("edge", "last_date", "string"),
    ("edge", "places", "string"), ("edge", "edge_id", "string"),
    ("node", "credit", "boolean"), ("edge", "articles", "int"), ("edge", "sources", "int"),
    ("node", "place", "string"), ("node", "country", "string"), ("node", "lat", "double"), ("node", "lng", "double"),
    ("edge", "place", "string"), ("edge", "country", "string"), ("edge", "lat", "double"), ("edge", "lng", "double"),
}


def place_attrs(place):
    """The attributes a resolved place gives a GraphML or GEXF node or edge: none when unknown."""
    if place is None:
        return {}
    return {"place": place["name"], "country": place["country"], "lat": place["lat"], "lng": place["lng"]}


def structure(path, ns, node_tag, edge_tag):
    """Node ids and edges straight from the XML: unique ids, no dangling edges."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise Failed(f"{os.path.basename(path)}: not well-formed XML: {e}")
    ids = [n.get("id") for n in root.iter(ns + node_tag)]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    check(not dupes, f"duplicate node ids {dupes}")
    known = set(ids)
    edges = [(e.get("id"), e.get("source"), e.get("target")) for e in root.iter(ns + edge_tag)]
    for eid, s, t in edges:
        check(s in known and t in known, f"edge {eid} {s!r}--{t!r} has an endpoint that is not a node")
    edge_ids = [e[0] for e in edges]
    check(len(edge_ids) == len(set(edge_ids)), "duplicate edge ids")
    return root, ids, edges


def check_graphml(out, ref, args):
    import igraph
    import networkx as nx

    path = os.path.join(out, "graph.graphml")
    root, ids, edges = structure(path, GRAPHML_NS, "node", "edge")
    graph = root.find(GRAPHML_NS + "graph")
    equal(graph.get("edgedefault"), "undirected", "edgedefault")
    keys = {(k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root.iter(GRAPHML_NS + "key")}
    equal(keys, GRAPHML_KEYS, "declared keys")
    n_nodes, n_rels = neo4j_counts(out)
    equal(len(ids), n_nodes, "GraphML nodes vs nodes.csv rows")
    equal(len(edges), n_rels, "GraphML edges vs relationships.csv rows")
    equal(ids, [n["id"] for n in ref.nodes], "node ids")

    g = nx.read_graphml(path)
    check(not g.is_directed(), "networkx reads a directed graph")
    equal(g.number_of_nodes(), len(ref.nodes), "networkx node count")
    equal(g.number_of_edges(), len(ref.edges), "networkx edge count")
    for n in ref.nodes:
        d = g.nodes[n["id"]]
        expect = {
            "label": xml_text(n["label"]),
            "aliases": xml_text(semi(n["aliases"], "; ")),
            "roles": xml_text(semi(n["roles"], "; ")),
            "type": "PERSON",
            "mentions": n["mentions"],
            "documents": len(n["documents"]),
            "credit": n["credit"],
            **place_attrs(n["place"]),
        }
        equal(d, expect, f"networkx node {n['id']}")
        check(type(d["credit"]) is bool, "boolean attribute credit")
        if n["place"] is not None:
            check(type(d["lat"]) is float and type(d["lng"]) is float, f"networkx reads the coordinates of {n['id']} as numbers")
        check(type(d["mentions"]) is int and type(d["documents"]) is int, "int attributes")
    by_id = nx_edges(g, "edge_id")
    for e in ref.edges:
        check(e["id"] in by_id, f"networkx lost edge {e['id']}")
        u, v, d = by_id[e["id"]]
        equal({u, v}, {e["source"], e["target"]}, f"networkx edge {e['id']} endpoints")
        expect = {
            "type": e["type"],
            "confidence": e["confidence"],
            "weight": e["weight"],
            "evidence": len(e["evidence"]),
            "documents": xml_text(semi(e["documents"], "; ")),
            "first_date": e["first_date"] or "",
            "last_date": e["last_date"] or "",
            "places": xml_text(semi(e["places"], "; ")),
            "edge_id": e["id"],
            "articles": e["articles"],
            "sources": e["sources"],
            **place_attrs(e["place"]),
        }
        equal(d, expect, f"networkx edge {e['id']}")
        check(type(d["confidence"]) is float and type(d["weight"]) is float, "double attributes")
        check(type(d["evidence"]) is int, "int attribute evidence")

    ig = igraph.Graph.Read_GraphML(path)
    check(not ig.is_directed(), "igraph reads a directed graph")
    equal((ig.vcount(), ig.ecount()), (len(ref.nodes), len(ref.edges)), "igraph counts")
    equal(ig.vs["id"], [n["id"] for n in ref.nodes], "igraph vertex ids")
    for v, n in zip(ig.vs, ref.nodes):
        a = v.attributes()
        for name in ("mentions", "documents"):
            check(isinstance(a[name], float), f"igraph {name} is numeric")
        equal(
            (a["label"], a["aliases"], a["roles"], a["type"], a["mentions"], a["documents"]),
            (xml_text(n["label"]), xml_text(semi(n["aliases"], "; ")), xml_text(semi(n["roles"], "; ")),
             "PERSON", float(n["mentions"]), float(len(n["documents"]))),
            f"igraph vertex {n['id']}",
        )
    equal(ig.es["edge_id"], [e["id"] for e in ref.edges], "igraph edge_id order")
    for ie, e in zip(ig.es, ref.edges):
        a = ie.attributes()
        equal({ig.vs[ie.source]["id"], ig.vs[ie.target]["id"]}, {e["source"], e["target"]}, f"igraph {e['id']} endpoints")
        equal(
            (a["type"], a["confidence"], a["weight"], a["evidence"], a["documents"], a["first_date"], a["last_date"], a["places"]),
            (e["type"], e["confidence"], e["weight"], float(len(e["evidence"])), xml_text(semi(e["documents"], "; ")),
             e["first_date"] or "", e["last_date"] or "", xml_text(semi(e["places"], "; "))),
            f"igraph edge {e['id']}",
        )
    located = sum(n["place"] is not None for n in ref.nodes)
    return (f"{len(ids)} nodes ({located} with lat/lng), {len(edges)} edges; networkx {nx.__version__} and igraph {igraph.__version__} "
            "read every attribute")


# ---------------------------------------------------------------------------------------------
# GEXF: xmllint against the 1.3 schema, networkx


GEXF_PLACE = [("place", "string"), ("country", "string"), ("lat", "double"), ("lng", "double")]
GEXF_ATTRIBUTES = {
    "node": [("aliases", "liststring"), ("roles", "liststring"), ("mentions", "integer"), ("documents", "liststring"),
             ("credit", "boolean"), *GEXF_PLACE],
    "edge": [("type", "string"), ("confidence", "double"), ("evidence", "integer"), ("documents", "liststring"),
             ("places", "liststring"), ("first_date", "string"), ("last_date", "string"), ("articles", "integer"),
             ("sources", "integer"), *GEXF_PLACE],
}


def gexf_schema():
    for candidate in (
        os.path.join(REPO, "..", "shared", "specs", "gexf-1.3", "gexf.xsd"),
        "/work/shared/specs/gexf-1.3/gexf.xsd",
    ):
        if os.path.exists(candidate):
            return os.path.abspath(candidate)
    raise Failed("GEXF 1.3 schema not found (shared/specs/gexf-1.3/gexf.xsd)")


def check_gexf(out, ref, args):
    import networkx as nx

    path = os.path.join(out, "graph.gexf")
    r = run(["xmllint", "--noout", "--schema", gexf_schema(), path])
    check(r.returncode == 0, "xmllint rejects it: " + r.stderr.decode(errors="replace")[-2000:])
    root, ids, edges = structure(path, GEXF_NS, "node", "edge")
    equal((root.tag, root.get("version")), (GEXF_NS + "gexf", "1.3"), "root element and version")
    g = root.find(GEXF_NS + "graph")
    equal((g.get("mode"), g.get("defaultedgetype"), g.get("timeformat")), ("dynamic", "undirected", "date"), "graph mode")
    for attributes in g.findall(GEXF_NS + "attributes"):
        declared = [(a.get("id"), a.get("type")) for a in attributes.findall(GEXF_NS + "attribute")]
        equal(declared, GEXF_ATTRIBUTES[attributes.get("class")], f"{attributes.get('class')} attributes")
        for a in attributes.findall(GEXF_NS + "attribute"):
            equal(a.get("title"), a.get("id"), "attribute title")
    equal(len(g.findall(GEXF_NS + "attributes")), 2, "attribute classes")
    for el in g.iter(GEXF_NS + "edge"):
        kind = [v.get("value") for v in el.iter(GEXF_NS + "attvalue") if v.get("for") == "type"]
        equal([el.get("kind")], kind, f"edge {el.get('id')} kind")

    G = nx.read_gexf(path, version="1.3")
    check(not G.is_directed(), "networkx reads a directed graph")
    equal(G.graph.get("mode"), "dynamic", "networkx graph mode")
    equal((G.number_of_nodes(), G.number_of_edges()), (len(ref.nodes), len(ref.edges)), "networkx counts")
    for n in ref.nodes:
        d = G.nodes[n["id"]]
        equal(d["label"], xml_text(n["label"]), f"label of {n['id']}")
        equal(parse_gephi_list(d["aliases"]), [xml_text(a) for a in n["aliases"]], f"aliases of {n['id']}")
        equal(parse_gephi_list(d["roles"]), [xml_text(a) for a in n["roles"]], f"roles of {n['id']}")
        equal(parse_gephi_list(d["documents"]), [xml_text(a) for a in n["documents"]], f"documents of {n['id']}")
        check(type(d["mentions"]) is int, "mentions is an integer")
        equal(d["mentions"], n["mentions"], f"mentions of {n['id']}")
        equal(d["credit"], n["credit"], f"credit of {n['id']}")
        equal({k: d[k] for k in ("place", "country", "lat", "lng") if k in d}, place_attrs(n["place"]), f"place of {n['id']}")
    by_id = nx_edges(G, "id")
    dated = 0
    for e in ref.edges:
        check(e["id"] in by_id, f"networkx lost edge {e['id']}")
        u, v, d = by_id[e["id"]]
        equal({u, v}, {e["source"], e["target"]}, f"edge {e['id']} endpoints")
        equal(d["type"], e["type"], f"type of {e['id']}")
        equal(d["confidence"], e["confidence"], f"confidence of {e['id']}")
        equal(d["weight"], e["weight"], f"weight of {e['id']}")
        check(type(d["evidence"]) is int, "evidence is an integer")
        equal(d["evidence"], len(e["evidence"]), f"evidence of {e['id']}")
        equal(parse_gephi_list(d["documents"]), [xml_text(x) for x in e["documents"]], f"documents of {e['id']}")
        equal(parse_gephi_list(d["places"]), [xml_text(x) for x in e["places"]], f"places of {e['id']}")
        equal((d["first_date"], d["last_date"]), (e["first_date"] or "", e["last_date"] or ""), f"dates of {e['id']}")
        equal((d["articles"], d["sources"]), (e["articles"], e["sources"]), f"reach of {e['id']}")
        equal({k: d[k] for k in ("place", "country", "lat", "lng") if k in d}, place_attrs(e["place"]), f"place of {e['id']}")
        expect = spells(e)
        equal(d.get("spells", []), expect, f"spells of {e['id']}")
        check("spells" in d or not expect, f"edge {e['id']} lacks spells")
        dated += bool(expect)
    return f"valid against the GEXF 1.3 schema; networkx {nx.__version__} reads {len(ref.nodes)} nodes, {len(ref.edges)} edges ({dated} with spells)"


# ---------------------------------------------------------------------------------------------
# DOT with Graphviz, and the SVG drawn by graphviz-pure


def drawn_people(ref):
    """The people the drawings (graph.dot, graph.svg, the report) show by default: all but those
    seen only as photo credits or bylines (`credit`, in graph.json) who have no edge."""
    return [n for n in ref.nodes if not n.get("credit") or n.get("degree", 0) > 0]


def drawn_part(ref, title):
    """The part of the graph a diagram shows, from its title: all the people it may draw
    (`drawn_people`: `whomet: N people`), or
    the N people of largest weighted degree (sum of edge confidences; ties: node order; `whomet:
    the N most connected of M people ...`), and the edges between them, or the K most certain of
    them (largest confidence; ties: edge order; `... and the K most certain of the L edges
    between them`)."""
    m = re.match(r"whomet: (?:the (\d+) most connected of )?(\d+) people(?: \(by weighted degree\))?"
                 r"(?: and the (\d+) most certain of the (\d+) edges between them)?(;|$)", title or "")
    check(m, f"diagram title {title!r}")
    shown, total, kept, between = (int(x) if x else None for x in m.groups()[:4])
    people = drawn_people(ref)
    equal(total, len(people), "people counted in the diagram title")
    keep = {n["id"] for n in people}
    if shown is not None:
        check(total > shown, "a partial diagram of a graph it could show whole")
        strength = {n["id"]: 0.0 for n in ref.nodes}
        for e in ref.edges:
            if e["source"] != e["target"]:
                strength[e["source"]] += e["confidence"]
                strength[e["target"]] += e["confidence"]
        order = sorted(range(len(people)), key=lambda i: (-strength[people[i]["id"]], i))
        keep = {people[i]["id"] for i in order[:shown]}
    edges = [(i, e) for i, e in enumerate(ref.edges) if e["source"] in keep and e["target"] in keep]
    if kept is not None:
        equal(between, len(edges), "edges between the drawn people, in the diagram title")
        best = sorted(edges, key=lambda ie: (-ie[1]["confidence"], ie[0]))[:kept]
        edges = sorted(best, key=lambda ie: ie[0])
    return Ref([n for n in ref.nodes if n["id"] in keep], [e for _, e in edges], ref.exact)


def svg_structure(svg_text, ref, what):
    try:
        root = ET.fromstring(svg_text)
    except ET.ParseError as e:
        raise Failed(f"{what}: not well-formed XML: {e}")
    equal(root.tag, SVG_NS + "svg", f"{what} root element")
    graph = next((g for g in root.iter(SVG_NS + "g") if g.get("class") == "graph"), None)
    check(graph is not None, f"{what}: no graph group")
    texts = [t.text for t in graph.findall(SVG_NS + "text")]
    ref = drawn_part(ref, texts[0] if texts else None)
    nodes = [g for g in root.iter(SVG_NS + "g") if g.get("class") == "node"]
    edges = [g for g in root.iter(SVG_NS + "g") if g.get("class") == "edge"]
    equal((len(nodes), len(edges)), (len(ref.nodes), len(ref.edges)), f"{what}: drawn people and edges")
    titles = [g.find(SVG_NS + "title").text for g in nodes]
    equal(sorted(titles), sorted(n["id"] for n in ref.nodes), f"{what}: node titles")
    for g in nodes:
        n = ref.node[g.find(SVG_NS + "title").text]
        # From graph.dot: a line break is a line, a tab a space (Graphviz has no width for a
        # tab, and a tooltip, an XML attribute, reads it back as a space anyway).
        label = xml_text(n["label"].replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
        texts = [t.text or "" for t in g.iter(SVG_NS + "text")]
        equal(texts, label.split("\n"), f"{what}: label lines of {n['id']}")
        tips = [a.get(XLINK_TITLE) for a in g.iter(SVG_NS + "a") if a.get(XLINK_TITLE)]
        check(tips and tips[0].startswith(label.split("\n")[0]), f"{what}: tooltip of {n['id']}")
    pairs = sorted(tuple(g.find(SVG_NS + "title").text.split("--")) for g in edges)
    equal(pairs, sorted((e["source"], e["target"]) for e in ref.edges), f"{what}: edge titles")
    styles = {}
    for g, e in zip(edges, ref.edges):
        path = next(g.iter(SVG_NS + "path"))
        styles.setdefault(e["type"], set()).add(path.get("stroke-dasharray"))
    for kind, dash in {"MET": None, "CONTACT": "5,2", "PLANNED": "1,5"}.items():
        if kind in styles:
            equal(styles[kind], {dash}, f"{what}: stroke of {kind} edges")
    return root


def check_dot(out, ref, args):
    path = os.path.join(out, "graph.dot")
    r = run(["dot", "-Tsvg", path])
    stderr = r.stderr.decode(errors="replace")
    check(r.returncode == 0, f"dot failed ({r.returncode}): {stderr[-2000:]}")
    check(stderr == "", f"dot wrote to stderr: {stderr[-2000:]}")
    r = run(["gc", "-n", "-e", path])
    check(r.returncode == 0 and not r.stderr, f"gc failed: {r.stderr.decode(errors='replace')}")
    counts = [int(x) for x in r.stdout.split()[:2]]
    with open(path, encoding="utf-8") as f:
        title = re.search(r'graph\[label="([^"]*)"', f.read())
    part = drawn_part(ref, title and title.group(1))
    equal(counts, [len(part.nodes), len(part.edges)], "gc -n -e (nodes, edges)")
    svg_structure(r_svg := run(["dot", "-Tsvg", path]).stdout.decode("utf-8"), ref, "dot -Tsvg")
    # With the positions of the file, as graph.svg is drawn.
    r = run(["neato", "-n2", "-Tsvg", path])
    stderr = r.stderr.decode(errors="replace")
    check(r.returncode == 0 and stderr == "", f"neato -n2 failed ({r.returncode}): {stderr[-2000:]}")
    svg_structure(r.stdout.decode("utf-8"), ref, "neato -n2 -Tsvg")
    version = run(["dot", "-V"]).stderr.decode().strip()
    return f"{version}: no stderr, gc counts {counts[0]} nodes {counts[1]} edges, {len(r_svg)} bytes of SVG with every label"


def check_svg(out, ref, args):
    with open(os.path.join(out, "graph.svg"), encoding="utf-8") as f:
        text = f.read()
    root = svg_structure(text, ref, "graph.svg")
    check(root.find(".//" + SVG_NS + "script") is None, "graph.svg has a script")
    width, height = (float(x) for x in root.get("viewBox").split()[2:])
    nodes = sum(1 for g in root.iter(SVG_NS + "g") if g.get("class") == "node")
    # A handful of people may sit in a row; a graph of many never does (issue 15).
    if nodes >= 20:
        check(width < 3 * height and height < 3 * width, f"graph.svg is a strip: {width} x {height}")
    return f"well-formed SVG, {nodes} of {len(ref.nodes)} people drawn, labels and tooltips exact, {width:.0f} x {height:.0f} pt"


# ---------------------------------------------------------------------------------------------
# Kuzu: nodes.csv + relationships.csv, and import.cypher


KUZU_TYPES = {"": "STRING", "string": "STRING", "int": "INT64", "long": "INT64", "float": "DOUBLE", "double": "DOUBLE",
              "boolean": "BOOLEAN", "date": "DATE"}


def header_schema(header):
    """Columns from a neo4j-admin header: (field, name, kind, kuzu type), kind one of
    id, start, end, type, label, list, value."""
    cols = []
    for i, h in enumerate(header):
        m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)?(?::([A-Za-z_]+)(\[\])?(?:\(([A-Za-z]+)\))?)?", h)
        check(m, f"header field {h!r} is not neo4j-admin syntax")
        name, ty, array, _group = m.groups()
        ty = (ty or "").lower() if ty not in ("ID", "START_ID", "END_ID", "TYPE", "LABEL") else ty
        kind = {"ID": "id", "START_ID": "start", "END_ID": "end", "TYPE": "type", "LABEL": "label"}.get(ty)
        if kind is None:
            check(ty in KUZU_TYPES, f"unknown type in {h!r}")
            kind = "list" if array else "value"
        cols.append((f"c{i}", name, kind, "STRING" if kind in ("id", "start", "end", "type", "label", "list") else KUZU_TYPES[ty]))
    return cols


def kuzu_db():
    import kuzu

    d = tempfile.mkdtemp(prefix="whomet-kuzu-")
    db = kuzu.Database(os.path.join(d, "db"))
    return d, kuzu.Connection(db)


def rows(conn, query):
    r = conn.execute(query)
    out = []
    while r.has_next():
        out.append(r.get_next())
    return out


def props(cols):
    return ", ".join(f"`{n}` {t}[]" if k == "list" else f"`{n}` {t}" for _, n, k, t in cols if k in ("list", "value"))


def create_schema(conn, node_cols, rel_cols, out=None):
    """The Kuzu tables of the neo4j-admin headers: Person and the MET, CONTACT, PLANNED tables;
    with `out`, also Article, Evidence and the IN_ARTICLE, INVOLVES and MENTIONS tables."""
    key = next(n for _, n, k, _ in node_cols if k == "id")
    conn.execute(f"CREATE NODE TABLE Person({key} STRING PRIMARY KEY, {props(node_cols)})")
    for t in TYPES:
        conn.execute(f"CREATE REL TABLE {t}(FROM Person TO Person, {props(rel_cols)})")
    if out is None:
        return
    for name, header, what in NEO4J_FILES:
        if isinstance(what, str) and what != "Person":
            cols = header_schema(header)
            key = next(n for _, n, k, _ in cols if k == "id")
            conn.execute(f"CREATE NODE TABLE {what}({key} STRING PRIMARY KEY, {props(cols)})")
    for name, header, what in NEO4J_FILES:
        if isinstance(what, tuple):
            conn.execute(f"CREATE REL TABLE {what[0]}(FROM {what[1]} TO {what[2]})")


def load_csv_into_kuzu(conn, out):
    """Creates the Kuzu schema from the CSV headers and COPYs both files in (PARALLEL=FALSE)."""
    nodes_csv, rels_csv = os.path.join(out, "nodes.csv"), os.path.join(out, "relationships.csv")
    with open(nodes_csv, encoding="utf-8", newline="") as f:
        node_cols = header_schema(next(csv.reader(f)))
    with open(rels_csv, encoding="utf-8", newline="") as f:
        rel_cols = header_schema(next(csv.reader(f)))
    create_schema(conn, node_cols, rel_cols, out)

    def load(path, cols):
        typed = ", ".join(f"{c} {t}" for c, _, _, t in cols)
        return f"LOAD WITH HEADERS ({typed}) FROM '{path}' (HEADER=true, PARALLEL=false)"

    def value(c, kind):
        if kind == "list":
            return f"CASE WHEN {c} IS NULL OR {c} = '' THEN CAST([] AS STRING[]) ELSE string_split({c}, ';') END"
        return c

    label = next(c for c, _, k, _ in node_cols if k == "label")
    ret = ", ".join(value(c, k) for c, _, k, _ in node_cols if k in ("id", "list", "value"))
    conn.execute(f"COPY Person FROM ({load(nodes_csv, node_cols)} WHERE {label} = 'Person' RETURN {ret})")
    start = next(c for c, _, k, _ in rel_cols if k == "start")
    end = next(c for c, _, k, _ in rel_cols if k == "end")
    typ = next(c for c, _, k, _ in rel_cols if k == "type")
    ret = ", ".join([start, end] + [value(c, k) for c, _, k, _ in rel_cols if k in ("list", "value")])
    for t in TYPES:
        conn.execute(f"COPY {t} FROM ({load(rels_csv, rel_cols)} WHERE {typ} = '{t}' RETURN {ret})")
    for name, header, what in NEO4J_FILES[2:]:
        path, cols = os.path.join(out, name), header_schema(header)
        if isinstance(what, str):
            label = next(c for c, _, k, _ in cols if k == "label")
            ret = ", ".join(value(c, k) for c, _, k, _ in cols if k in ("id", "list", "value"))
            conn.execute(f"COPY {what} FROM ({load(path, cols)} WHERE {label} = '{what}' RETURN {ret})")
        else:
            start, end, typ = (next(c for c, _, k, _ in cols if k == x) for x in ("start", "end", "type"))
            conn.execute(f"COPY {what[0]} FROM ({load(path, cols)} WHERE {typ} = '{what[0]}' RETURN {start}, {end})")
    return node_cols, rel_cols


def kuzu_counts(conn):
    people = rows(conn, "MATCH (p:Person) RETURN count(p)")[0][0]
    rels = {t: rows(conn, f"MATCH ()-[r:{t}]-() RETURN count(DISTINCT r)")[0][0] for t in TYPES}
    return people, rels


def ref_counts(ref):
    return len(ref.nodes), {t: sum(e["type"] == t for e in ref.edges) for t in TYPES}


def kuzu_values(conn, ref, text, lists):
    """Compares every property Kuzu holds with the reference; `text` maps a reference string to
    what the format keeps of it, `lists` a reference list."""
    people = rows(conn, "MATCH (p:Person) RETURN p.personId, p.name, p.aliases, p.roles, p.mentions, p.documents ORDER BY p.personId")
    equal([p[0] for p in people], sorted(n["id"] for n in ref.nodes), "Kuzu person ids")
    for pid, name, aliases, roles, mentions, documents in people:
        n = ref.node[pid]
        equal((name, aliases, roles, mentions, documents),
              (text(n["label"]), lists(n["aliases"]), lists(n["roles"]), n["mentions"], len(n["documents"])),
              f"Kuzu person {pid}")
    def as_date(d):
        return d if d and len(d) == 10 else None

    for t in TYPES:
        got = rows(conn, f"MATCH (a:Person)-[r:{t}]->(b:Person) RETURN a.personId, b.personId, r.confidence, r.weight, r.evidence, r.documents, r.first_date, r.last_date, r.first_period, r.last_period, r.places, r.articles, r.sources, r.lat")
        expect = [e for e in ref.edges if e["type"] == t]
        equal(len(got), len(expect), f"Kuzu {t} relationships")
        by_pair = {(e["source"], e["target"]): e for e in expect}
        for a, b, conf, weight, evidence, docs, first, last, first_p, last_p, places, articles, sources, lat in got:
            check((a, b) in by_pair, f"Kuzu {t} relationship {a}->{b} not in the graph (direction must be source->target)")
            e = by_pair[(a, b)]
            for d in (first, last):
                check(d is None or type(d).__name__ == "date", f"Kuzu {t} {a}->{b}: {d!r} is not a DATE")
            first, last = (d.isoformat() if d else None for d in (first, last))
            equal((conf, weight, evidence, docs, first, last, first_p or None, last_p or None, places, articles, sources,
                   lat),
                  (e["confidence"], e["weight"], len(e["evidence"]), lists(e["documents"]),
                   as_date(e["first_date"]), as_date(e["last_date"]), e["first_date"], e["last_date"], lists(e["places"]),
                   e["articles"], e["sources"], e["place"]["lat"] if e["place"] else None), f"Kuzu {t} {a}->{b}")


def kuzu_evidence(conn, ref, out, text):
    """Each piece of evidence reachable from its relationship: the Cypher of docs/NEO4J.md
    (`MATCH (a:Person)-[m:MET]->(b:Person)`, the Evidence nodes that involve both and carry the
    relationship's edgeId, and their Article) returns exactly the graph's sentences and the
    titles of their articles, for every relationship. Returns the number of pieces found."""
    articles = {a["id"]: a for a in strict_json(os.path.join(out, "graph.json"))["articles"]}
    equal(rows(conn, "MATCH (d:Article) RETURN count(d)")[0][0], len(articles), "Kuzu Article nodes")
    found = 0
    for t in TYPES:
        got = rows(conn, f"""MATCH (a:Person)-[m:{t}]->(b:Person), (x:Evidence)-[:INVOLVES]->(a), (x)-[:INVOLVES]->(b),
                              (x)-[:IN_ARTICLE]->(d:Article)
                             WHERE x.edgeId = m.edgeId
                             RETURN m.edgeId, x.`start`, x.`end`, x.sentence, x.trigger, d.articleId, d.title, x.date
                             ORDER BY m.edgeId, x.evidenceId""")
        by_edge = {}
        for r in got:
            by_edge.setdefault(r[0], []).append(tuple(r[1:7]) + (r[7].isoformat() if r[7] else None,))
        for e in ref.edges:
            if e["type"] != t:
                continue
            want = [(x["start"], x["end"], text(x["sentence"]), text(x["trigger"]), x["doc"],
                     text(articles[x["doc"]]["title"]) if articles[x["doc"]]["title"] is not None else None,
                     x["date"] if x["date"] and len(x["date"]) == 10 else None) for x in e["evidence"]]
            equal(sorted(by_edge.get(e["id"], []), key=repr), sorted(want, key=repr), f"Kuzu evidence of {e['id']} ({t})")
            found += len(want)
    mentions = rows(conn, "MATCH (d:Article)-[:MENTIONS]->(p:Person) RETURN count(*)")[0][0]
    equal(mentions, sum(len(n["documents"]) for n in ref.nodes), "Kuzu Article-[:MENTIONS]->Person")
    return found


PAIR = """MATCH (a:Person {personId: 'ali-khamenei'})-[m:MET]->(b:Person {personId: 'ismail-haniyeh'}),
      (x:Evidence)-[:INVOLVES]->(a), (x)-[:INVOLVES]->(b), (x)-[:IN_ARTICLE]->(d:Article)
WHERE x.edgeId = m.edgeId
RETURN x.sentence, d.articleId, d.title ORDER BY d.articleId, x.`start`"""


def gold_path(args):
    for p in (args.gold, os.path.join(REPO, "..", "shared", "gold", "seeds.gold.json"), "/work/shared/gold/seeds.gold.json"):
        if p and os.path.exists(p):
            return p
    raise Failed("gold file seeds.gold.json not found (use --gold)")


HANIYEH = "MATCH (h:Person {personId: 'ismail-haniyeh'})-[:MET]-(p:Person) RETURN DISTINCT p.personId, p.name ORDER BY p.personId"


def check_haniyeh(conn, ref, args, where):
    """`who met Ismail Haniyeh`: the Cypher answer equals the MET neighbours in graph.graphml, and
    holds every required gold MET partner of Haniyeh that is a person in our graph."""
    import networkx as nx

    got = rows(conn, HANIYEH)
    ids = {r[0] for r in got}
    g = nx.read_graphml(os.path.join(args.out, "graph.graphml"))
    check("ismail-haniyeh" in g, "ismail-haniyeh is not in graph.graphml")
    graphml = set()
    for _, v, d in g.edges("ismail-haniyeh", data=True):
        if d["type"] == "MET":
            graphml.add(v)
    equal(ids, graphml, f"{where}: who met Ismail Haniyeh, Kuzu vs graph.graphml MET neighbours")
    gold = strict_json(gold_path(args))
    required = set()
    for e in gold["edges"]:
        if e["status"] == "required" and e["type"] == "MET" and "ismail-haniyeh" in (e["a"], e["b"]):
            required.add(e["b"] if e["a"] == "ismail-haniyeh" else e["a"])
    present = {p for p in required if p in ref.node}
    missing = sorted(present - ids)
    check(not missing, f"{where}: required gold MET partners of Ismail Haniyeh missing from the answer: {missing}")
    absent = sorted(required - present)
    names = ", ".join(sorted(r[1] for r in got))
    return f"who met Ismail Haniyeh: {names} (gold required: {len(required)}, in the graph: {len(present)}, all returned" + (
        f"; not people of this graph: {absent})" if absent else ")")


def check_neo4j(out, ref, args):
    import kuzu

    n_nodes, n_rels = neo4j_counts(out)
    equal((n_nodes, n_rels), (len(ref.nodes), len(ref.edges)), "CSV rows vs the graph")
    files = neo4j_headers(out)
    d, conn = kuzu_db()
    try:
        try:
            load_csv_into_kuzu(conn, out)
        except RuntimeError as e:
            raise Failed(f"Kuzu COPY failed: {e}")
        people, rels = kuzu_counts(conn)
        equal((people, rels), ref_counts(ref), "Kuzu counts (people, count(DISTINCT r) per type)")
        equal(sum(rels.values()), n_rels, "Kuzu relationships vs relationships.csv rows")
        kuzu_values(conn, ref, flat, lambda xs: [flat(x).replace(";", ",") for x in xs])
        found = kuzu_evidence(conn, ref, out, flat)
        equal(found, len(files["evidence-nodes.csv"]), "evidence reachable from relationships vs evidence-nodes.csv rows")
        extra = check_haniyeh(conn, ref, args, "CSV in Kuzu") if args.expect_haniyeh else ""
        if args.expect_haniyeh:
            pair = rows(conn, PAIR)
            check(pair, "no evidence for Ali Khamenei MET Ismail Haniyeh in Kuzu")
            extra += f"; {len(pair)} evidence sentences for Khamenei MET Haniyeh, from {sorted({r[1] for r in pair})}"
    finally:
        shutil.rmtree(d, ignore_errors=True)
    return (f"Kuzu {kuzu.__version__} imports {people} people and {sum(rels.values())} relationships {rels}, "
            f"{len(files['articles.csv'])} articles and {found} pieces of evidence, each reachable from its relationship "
            f"with its article; headers in the neo4j-admin grammar (7 files); values as documented") + (f"; {extra}" if extra else "")


# The statement forms import.cypher may hold, strings replaced by S, lists by L, floats by F.
_S, _N, _F = r"(?:S|null)", r"\d+", r"(?:-?F|null)"
_D = r"(?:date\(S\)|null)"
_PLACE = lambda v: rf"{v}\.place = {_S}, {v}\.country = {_S}, {v}\.lat = {_F}, {v}\.lng = {_F}"
STATEMENT_FORMS = [
    ("constraint", r"CREATE CONSTRAINT (?:person_id|article_id|evidence_id) IF NOT EXISTS FOR \(n:(?:Person|Article|Evidence)\) "
                   r"REQUIRE n\.(?:personId|articleId|evidenceId) IS UNIQUE"),
    ("person", r"MERGE \(p:Person \{personId: S\}\) SET p\.name = S, p\.aliases = L, p\.roles = L, "
               rf"p\.mentions = {_N}, p\.documents = {_N}, p\.credit = (?:true|false), {_PLACE('p')}"),
    ("rel", r"MATCH \(a:Person \{personId: S\}\), \(b:Person \{personId: S\}\) MERGE \(a\)-\[r:(MET|CONTACT|PLANNED)\]->\(b\) "
            rf"SET r\.edgeId = S, r\.confidence = F, r\.weight = F, r\.evidence = {_N}, r\.articles = {_N}, r\.sources = {_N}, "
            rf"r\.documents = L, r\.first_date = {_D}, r\.last_date = {_D}, r\.first_period = {_S}, r\.last_period = {_S}, "
            rf"r\.places = L, {_PLACE('r')}"),
    ("article", rf"MERGE \(d:Article \{{articleId: S\}}\) SET d\.title = {_S}, d\.url = {_S}, d\.source = {_S}, d\.date = {_D}, "
                rf"d\.copies = {_N}, d\.copy_ids = L, d\.sources = L"),
    ("evidence", rf"MERGE \(x:Evidence \{{evidenceId: S\}}\) SET x\.edgeId = S, x\.type = S, x\.sentence = S, "
                 rf"x\.`start` = {_N}, x\.`end` = {_N}, x\.trigger = S, x\.date = {_D}, x\.period = {_S}, x\.place = {_S}, "
                 rf"x\.country = {_S}, x\.lat = {_F}, x\.lng = {_F}, x\.confidence = F, x\.cues = L"),
    ("in_article", r"MATCH \(x:Evidence \{evidenceId: S\}\), \(d:Article \{articleId: S\}\) MERGE \(x\)-\[:IN_ARTICLE\]->\(d\)"),
    ("involves", r"MATCH \(x:Evidence \{evidenceId: S\}\), \(p:Person \{personId: S\}\) MERGE \(x\)-\[:INVOLVES\]->\(p\)"),
    ("mentions", r"MATCH \(d:Article \{articleId: S\}\), \(p:Person \{personId: S\}\) MERGE \(d\)-\[:MENTIONS\]->\(p\)"),
]


def parse_cypher(text):
    """Splits import.cypher into statements, strictly: `//` comments outside strings, string
    literals in single quotes whose only escapes are `\\\\` and `\\'`, each statement ended by
    `;`. Returns [(statement text, [decoded strings], shape)] where shape has S for strings."""
    statements, i, n = [], 0, len(text)
    cur, shape, strings = [], [], []
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("//", i):
            check(not "".join(shape).strip(), f"comment inside a statement at offset {i}")
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c == "'":
            j, buf = i + 1, []
            while True:
                check(j < n, f"unterminated string literal starting at offset {i}")
                d = text[j]
                if d == "\\":
                    e = text[j + 1 : j + 2]
                    check(e in ("\\", "'"), f"escape \\{e} at offset {j}: only \\\\ and \\' are written")
                    buf.append(e)
                    j += 2
                elif d == "'":
                    j += 1
                    break
                else:
                    buf.append(d)
                    j += 1
            cur.append(text[i:j])
            strings.append("".join(buf))
            shape.append("S")
            i = j
            continue
        if c == "`":
            # Only the evidence offsets are backquoted (END is a keyword in Kuzu).
            m = re.compile(r"`(start|end)`").match(text, i)
            check(m, f"unexpected backquote at offset {i}")
            cur.append(m.group(0))
            shape.append(m.group(0))
            i = m.end()
            continue
        check(c != '"', f"unexpected {c!r} at offset {i}")
        if c == ";":
            statements.append(("".join(cur).strip(), strings, "".join(shape).strip()))
            cur, shape, strings = [], [], []
        else:
            cur.append(c)
            shape.append(c)
        i += 1
    check(not "".join(shape).strip(), "text after the last `;`")
    out = []
    for stmt, strs, sh in statements:
        sh = re.sub(r"\[(?:S(?:, S)*)?\]", "L", sh)
        sh = re.sub(r"\b\d+\.\d+(?:e-?\d+)?\b", "F", sh)
        form = next((name for name, rx in STATEMENT_FORMS if re.fullmatch(rx, sh)), None)
        check(form, f"statement of no known form: {stmt[:200]!r}")
        out.append((stmt, strs, form))
    return out


def check_cypher(out, ref, args):
    with open(os.path.join(out, "import.cypher"), encoding="utf-8", newline="") as f:
        text = f.read()
    statements = parse_cypher(text)
    forms = [f for _, _, f in statements]
    articles = strict_json(os.path.join(out, "graph.json"))["articles"]
    evidence = sum(len(e["evidence"]) for e in ref.edges)
    counts = {"constraint": 3, "person": len(ref.nodes), "rel": len(ref.edges), "article": len(articles),
              "evidence": evidence, "in_article": evidence, "involves": 2 * evidence,
              "mentions": sum(len(n["documents"]) for n in ref.nodes)}
    for form, n in counts.items():
        equal(forms.count(form), n, f"{form} statements")
    # The strings of each statement are the graph's, exactly.
    people = [s for s in statements if s[2] == "person"]
    for (_, strs, _), n in zip(people, ref.nodes):
        place = [n["place"]["name"], n["place"]["country"]] if n["place"] else []
        equal(strs, [n["id"], n["label"], *n["aliases"], *n["roles"], *place], f"strings of person {n['id']}")
    rels = [s for s in statements if s[2] == "rel"]
    for (stmt, strs, _), e in zip(rels, ref.edges):
        full = [d for d in (e["first_date"], e["last_date"]) if d and len(d) == 10]
        periods = [d for d in (e["first_date"], e["last_date"]) if d]
        place = [e["place"]["name"], e["place"]["country"]] if e["place"] else []
        equal(strs, [e["source"], e["target"], e["id"], *e["documents"], *full, *periods, *e["places"], *place],
              f"strings of edge {e['id']}")
        check(f"[r:{e['type']}]" in stmt, f"type of edge {e['id']}")

    d, conn = kuzu_db()
    try:
        import kuzu

        with open(os.path.join(out, "nodes.csv"), encoding="utf-8", newline="") as f:
            node_cols = header_schema(next(csv.reader(f)))
        with open(os.path.join(out, "relationships.csv"), encoding="utf-8", newline="") as f:
            rel_cols = header_schema(next(csv.reader(f)))
        create_schema(conn, node_cols, rel_cols, out)
        counts = []
        for _ in range(2):  # idempotent: a second run changes nothing
            for stmt, _, form in statements:
                if form == "constraint":
                    continue  # Neo4j DDL; Kuzu declares the key in CREATE NODE TABLE
                try:
                    conn.execute(stmt)
                except RuntimeError as e:
                    raise Failed(f"Kuzu rejects {stmt[:160]!r}: {e}")
            counts.append(kuzu_counts(conn))
        equal(counts[0], ref_counts(ref), "Kuzu counts after import.cypher")
        equal(counts[1], counts[0], "Kuzu counts after running import.cypher twice")
        kuzu_values(conn, ref, lambda s: s, lambda xs: list(xs))
        found = kuzu_evidence(conn, ref, out, lambda s: s)
        extra = check_haniyeh(conn, ref, args, "import.cypher in Kuzu") if args.expect_haniyeh else ""
    finally:
        shutil.rmtree(d, ignore_errors=True)
    return (f"{len(statements)} statements of {len(STATEMENT_FORMS)} known forms; Kuzu {kuzu.__version__} runs all but CREATE CONSTRAINT, twice: "
            f"{counts[1][0]} people, {sum(counts[1][1].values())} relationships, {found} pieces of evidence reachable with their articles, values exact") + (f"; {extra}" if extra else "")


# ---------------------------------------------------------------------------------------------
# Gephi spreadsheet CSV

GEPHI_NODES = ["Id", "Label", "Aliases", "Roles", "Mentions", "Documents"]
GEPHI_EDGES = ["Source", "Target", "Type", "Weight", "Kind", "Confidence", "Evidence", "Documents", "Places", "Timeset", "Id"]
TIMESET = re.compile(r"<\[(\d{4}-\d{2}-\d{2}), (\d{4}-\d{2}-\d{2})\](?:; \[(\d{4}-\d{2}-\d{2}), (\d{4}-\d{2}-\d{2})\])*>")


def parse_timeset(s, what):
    if s == "":
        return []
    check(TIMESET.fullmatch(s), f"{what}: Timeset {s!r} is not <[start, end]; ...>")
    spans = re.findall(r"\[(\d{4}-\d{2}-\d{2}), (\d{4}-\d{2}-\d{2})\]", s)
    for a, b in spans:
        check(a <= b, f"{what}: interval [{a}, {b}] ends before it starts")
    for (_, b), (c, _) in zip(spans, spans[1:]):
        check(b < c, f"{what}: intervals overlap or are unsorted in {s!r}")
    return [tuple(x) for x in spans]


def check_gephi(out, ref, args):
    nodes = strict_csv(os.path.join(out, "gephi-nodes.csv"), GEPHI_NODES)
    edges = strict_csv(os.path.join(out, "gephi-edges.csv"), GEPHI_EDGES)
    equal((len(nodes), len(edges)), (len(ref.nodes), len(ref.edges)), "Gephi CSV rows")
    guarded = 0
    texts = []
    ids = set()
    for row, n in zip(nodes, ref.nodes):
        v = [gephi_decode(x, f"node {n['id']}") for x in row]
        for t in (v[0], v[1], v[2], v[3], v[5]):
            check(t[:1] not in ("=", "+", "-", "@"), f"unguarded formula {t!r} in the row of {n['id']}")
        ids.add(v[0])
        expect = [gephi_expected(n["id"]), gephi_expected(n["label"]), gephi_expected(semi(n["aliases"], "; ")),
                  gephi_expected(semi(n["roles"], "; ")), str(n["mentions"]), gephi_expected(semi(n["documents"], "; "))]
        equal(v, expect, f"gephi-nodes.csv row of {n['id']}")
        texts += [v[i] for i in (0, 1, 2, 3, 5)]
    equal(len(ids), len(nodes), "unique node Ids")
    dated = 0
    for row, e in zip(edges, ref.edges):
        v = [gephi_decode(x, f"edge {e['id']}") for x in row]
        equal(v[2], "Undirected", f"Type of {e['id']}")
        check(v[0] in ids and v[1] in ids, f"edge {e['id']} has an endpoint missing from gephi-nodes.csv")
        equal((v[0], v[1]), (gephi_expected(e["source"]), gephi_expected(e["target"])), f"endpoints of {e['id']}")
        equal((float(v[3]), v[4], float(v[5]), int(v[6])), (e["weight"], e["type"], e["confidence"], len(e["evidence"])), f"numbers of {e['id']}")
        equal((v[7], v[8]), (gephi_expected(semi(e["documents"], "; ")), gephi_expected(semi(e["places"], "; "))), f"lists of {e['id']}")
        equal(parse_timeset(v[9], e["id"]), spells(e), f"Timeset of {e['id']}")
        equal(v[10], e["id"], "edge Id")
        texts += [v[0], v[1], v[7], v[8]]
        dated += bool(v[9])
    for t in texts:
        check(t[:1] not in ("=", "+", "-", "@"), f"unguarded formula {t!r}")
        guarded += t.startswith("'")
    return f"{len(nodes)} nodes, {len(edges)} undirected edges ({dated} with a Timeset), {guarded} cells formula-guarded"


# ---------------------------------------------------------------------------------------------
# JSON (Cytoscape.js elements) against the GraphML

NODE_KEYS = {"id": str, "label": str, "aliases": list, "roles": list, "mentions": int, "documents": list, "degree": int,
             "credit": bool, "place": (dict, type(None))}
EDGE_KEYS = {"id": str, "source": str, "target": str, "type": str, "confidence": float, "weight": float, "documents": list,
             "first_date": (str, type(None)), "last_date": (str, type(None)), "places": list, "articles": int,
             "sources": int, "place": (dict, type(None)), "evidence": list}
PLACE_KEYS = {"name": str, "country": str, "lat": float, "lng": float}
ARTICLE_KEYS = {"id": str, "title": (str, type(None)), "url": (str, type(None)), "source": (str, type(None)),
                "date": (str, type(None)), "copies": int, "copy_ids": list, "sources": list}
EVIDENCE_KEYS = {"doc": str, "start": int, "end": int, "sentence": str, "trigger": str, "date": (str, type(None)),
                 "place": (str, type(None)), "confidence": float, "cues": list}


def typed(d, keys, what):
    equal(set(d), set(keys), f"{what} keys")
    for k, t in keys.items():
        v = d[k]
        if t is bool:
            check(isinstance(v, bool), f"{what}.{k} is a boolean")
        elif t is float:
            check(isinstance(v, (int, float)) and not isinstance(v, bool), f"{what}.{k} is a number")
        else:
            check(isinstance(v, t) and not isinstance(v, bool), f"{what}.{k} is {t}")
        if t is list and k != "evidence":
            check(all(isinstance(x, str) for x in v), f"{what}.{k} holds strings")


def check_json(out, ref, args):
    import networkx as nx

    try:
        doc = strict_json(os.path.join(out, "graph.json"))
    except ValueError as e:
        raise Failed(f"graph.json is not valid JSON: {e}")
    equal(set(doc), {"elements", "articles"}, "top-level keys")
    articles = {}
    for a in doc["articles"]:
        typed(a, ARTICLE_KEYS, f"article {a.get('id')}")
        equal(a["copies"], 1 + len(a["copy_ids"]), f"copies of article {a['id']}")
        check(a["id"] not in articles, f"duplicate article {a['id']}")
        articles[a["id"]] = a
    equal(list(articles), sorted(articles), "articles in id order")
    equal(set(doc["elements"]), {"nodes", "edges"}, "elements keys")
    nodes = [el["data"] for el in doc["elements"]["nodes"]]
    edges = [el["data"] for el in doc["elements"]["edges"]]
    for el in doc["elements"]["nodes"] + doc["elements"]["edges"]:
        equal(set(el), {"data"}, "element keys")
    for n in nodes:
        typed(n, NODE_KEYS, f"node {n.get('id')}")
        if n["place"] is not None:
            typed(n["place"], PLACE_KEYS, f"place of node {n['id']}")
        for d in n["documents"]:
            check(d in articles, f"document {d!r} of node {n['id']} is not an article")
    ids = [n["id"] for n in nodes]
    check(len(ids) == len(set(ids)), "duplicate node ids")
    degree = {i: 0 for i in ids}
    for e in edges:
        typed(e, EDGE_KEYS, f"edge {e.get('id')}")
        check(e["source"] in degree and e["target"] in degree, f"edge {e['id']} is dangling")
        degree[e["source"]] += 1
        degree[e["target"]] += 1
        for x in e["evidence"]:
            typed(x, EVIDENCE_KEYS, f"evidence of {e['id']}")
            check(x["doc"] in articles, f"evidence of {e['id']} cites {x['doc']!r}, not an article")
        if e["place"] is not None:
            typed(e["place"], PLACE_KEYS, f"place of edge {e['id']}")
        stories = {x["doc"] for x in e["evidence"]}
        equal(e["articles"], sum(articles[d]["copies"] for d in stories), f"articles of {e['id']} (stories and their copies)")
    equal({n["id"]: n["degree"] for n in nodes}, degree, "degrees")

    g = nx.read_graphml(os.path.join(out, "graph.graphml"))
    equal(ids, list(g.nodes), "node ids vs graph.graphml")
    for n in nodes:
        d = g.nodes[n["id"]]
        equal((xml_text(n["label"]), xml_text(semi(n["aliases"], "; ")), xml_text(semi(n["roles"], "; ")), n["mentions"], len(n["documents"])),
              (d["label"], d["aliases"], d["roles"], d["mentions"], d["documents"]), f"node {n['id']} vs graph.graphml")
    by_id = nx_edges(g, "edge_id")
    equal([e["id"] for e in edges], list(by_id), "edge ids vs graph.graphml")
    for e in edges:
        u, v, d = by_id[e["id"]]
        equal({u, v}, {e["source"], e["target"]}, f"endpoints of {e['id']}")
        equal((e["type"], e["confidence"], e["weight"], len(e["evidence"]), xml_text(semi(e["documents"], "; ")),
               e["first_date"] or "", e["last_date"] or "", xml_text(semi(e["places"], "; "))),
              (d["type"], d["confidence"], d["weight"], d["evidence"], d["documents"], d["first_date"], d["last_date"], d["places"]),
              f"edge {e['id']} vs graph.graphml")
    if ref.exact:
        for n in nodes:
            want = ref.node[n["id"]]
            equal({k: n[k] for k in want}, want, f"node {n['id']} vs fixture.json")
        for e in edges:
            want = ref.edge[e["id"]]
            equal({k: e[k] for k in want}, want, f"edge {e['id']} vs fixture.json")
    return f"{len(nodes)} nodes, {len(edges)} edges, {sum(len(e['evidence']) for e in edges)} evidence items; agrees with graph.graphml" + (
        "; equals fixture.json exactly" if ref.exact else "")


def spreadsheet_cells(path):
    """The cells of a CSV file as LibreOffice Calc imports it (soffice --headless, comma,
    double quote, UTF-8), read back from the .xlsx it saves with openpyxl: [(data_type, value)]
    per row, the header included."""
    import openpyxl

    d = tempfile.mkdtemp(prefix="whomet-calc-")
    try:
        src = os.path.join(d, os.path.basename(path))
        shutil.copy(path, src)
        r = run(["soffice", "--headless", f"-env:UserInstallation=file://{d}/profile", "--convert-to", "xlsx",
                 "--infilter=CSV:44,34,76,1", "--outdir", d, src], timeout=180)
        xlsx = os.path.splitext(src)[0] + ".xlsx"
        check(r.returncode == 0 and os.path.exists(xlsx),
              f"soffice could not open {os.path.basename(path)}: {r.stderr.decode(errors='replace')[-500:]}")
        ws = openpyxl.load_workbook(xlsx).active
        return [[(c.data_type, c.value) for c in row] for row in ws.iter_rows()]
    finally:
        shutil.rmtree(d, ignore_errors=True)


def check_in_spreadsheet(path, rows, text_columns):
    """The CSV opened in LibreOffice Calc runs no formula, and every text cell is the CSV's cell
    as text, so that the reader rule (drop one leading `'`) gives the value back there too."""
    cells = spreadsheet_cells(path)
    equal(len(cells), len(rows) + 1, f"{os.path.basename(path)}: rows in LibreOffice")
    guarded = 0
    for n, (row, got) in enumerate(zip(rows, cells[1:]), start=2):
        for col in text_columns:
            kind, value = got[col] if col < len(got) else ("n", None)
            check(kind != "f", f"{os.path.basename(path)} row {n}: LibreOffice runs {row[col]!r} as a formula")
            if row[col].startswith("'"):
                guarded += 1
                equal((kind, value), ("s", row[col]), f"{os.path.basename(path)} row {n}: guarded cell in LibreOffice")
    return guarded


def check_evidence(out, ref, args):
    header = ["source", "target", "source_name", "target_name", "type", "document", "start", "end",
              "sentence", "trigger", "date", "place", "confidence", "article_title", "article_url",
              "article_source", "article_date", "article_copies"]
    got = strict_csv(os.path.join(out, "evidence.csv"), header)
    articles = {a["id"]: a for a in strict_json(os.path.join(out, "graph.json"))["articles"]}
    expect = sum(len(e["evidence"]) for e in ref.edges)
    equal(len(got), expect, "evidence rows")
    rows = iter(got)
    guarded = 0
    for e in ref.edges:
        a, b = ref.node[e["source"]], ref.node[e["target"]]
        for x in e["evidence"]:
            row = next(rows)
            check(row[4] in TYPES, f"type {row[4]!r}")
            art = articles[x["doc"]]
            texts = [(0, a["id"]), (1, b["id"]), (2, a["label"]), (3, b["label"]), (4, e["type"]), (5, x["doc"]),
                     (8, x["sentence"]), (9, x["trigger"]), (10, x["date"] or ""), (11, x["place"] or ""),
                     (13, art["title"] or ""), (14, art["url"] or ""), (15, art["source"] or ""), (16, art["date"] or "")]
            equal(int(row[17]), art["copies"], f"article_copies of the evidence of {e['id']}")
            for col, value in texts:
                cell = row[col]
                check(cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), f"unguarded formula {cell!r}")
                guarded += cell.startswith("'")
                # Read back by the documented rule, every value is exact (flattened).
                equal(unguard(cell), flat(value), f"evidence.csv column {header[col]} of {e['id']}")
            equal((int(row[6]), int(row[7]), float(row[12])), (x["start"], x["end"], x["confidence"]),
                  f"numbers of the evidence of {e['id']}")
    calc = "; LibreOffice check skipped (needs soffice and openpyxl: ci/clients/setup.sh)"
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        openpyxl = None
    if shutil.which("soffice") and openpyxl:
        n = check_in_spreadsheet(os.path.join(out, "evidence.csv"), got, [0, 1, 2, 3, 4, 5, 8, 9, 11])
        calc = f"; LibreOffice Calc runs no formula and keeps {n} guarded cells as text"
    return f"{len(got)} rows, one per piece of evidence, every cell read back exactly ({guarded} formula-guarded){calc}"


# ---------------------------------------------------------------------------------------------
# HTML report in headless Chromium


class Dom(HTMLParser):
    """A small DOM: elements with tag, attrs, children and text, from HTML text."""

    VOID = {"meta", "link", "input", "br", "img", "hr", "source", "col", "area", "base", "wbr", "embed", "track",
            "path", "ellipse", "polygon", "polyline", "circle", "rect", "line", "stop", "use", "image"}

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "#root", "attrs": {}, "children": [], "parent": None}
        self.cur = self.root
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "children": [], "parent": self.cur}
        self.cur["children"].append(el)
        if tag not in self.VOID:
            self.cur = el

    def handle_startendtag(self, tag, attrs):
        self.cur["children"].append({"tag": tag, "attrs": dict(attrs), "children": [], "parent": self.cur})

    def handle_endtag(self, tag):
        el = self.cur
        while el is not None and el["tag"] != tag:
            el = el["parent"]
        if el is not None and el["parent"] is not None:
            self.cur = el["parent"]

    def handle_data(self, data):
        self.cur["children"].append(data)


def walk(el):
    yield el
    for c in el["children"]:
        if isinstance(c, dict):
            yield from walk(c)


def text_of(el):
    return "".join(c if isinstance(c, str) else text_of(c) for c in el["children"])


def find_all(el, pred):
    return [e for e in walk(el) if pred(e)]


def by_class(el, tag, cls):
    return [e for e in walk(el) if e["tag"] == tag and cls in e["attrs"].get("class", "").split()]


URL_ATTRS = {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background", "cite",
             "manifest", "ping", "longdesc", "codebase", "archive", "usemap", "icon", "profile"}


def offline_only(dom):
    """No attribute or style that would load anything: only `#fragment` links and `data:` URIs."""
    for el in walk(dom.root):
        for k, v in el["attrs"].items():
            if k in URL_ATTRS and v:
                # A link to a cited article loads nothing until followed; it must be http(s) and
                # send no referrer.
                cited = (el["tag"] == "a" and k == "href" and re.match(r"https?://", v)
                         and "noreferrer" in el["attrs"].get("rel", "").split())
                check(cited or v.startswith("#") or v.startswith("data:"), f"<{el['tag']} {k}={v!r}> points outside the file")
        check(el["tag"] not in ("iframe", "object", "embed", "base", "frame"), f"<{el['tag']}> in the report")
        style = el["attrs"].get("style", "") + (text_of(el) if el["tag"] == "style" else "")
        check("@import" not in style and not re.search(r"url\(\s*['\"]?(?!data:|#)", style), f"CSS that loads a URL in <{el['tag']}>")
    csp = [e["attrs"].get("content", "") for e in walk(dom.root)
           if e["tag"] == "meta" and e["attrs"].get("http-equiv", "").lower() == "content-security-policy"]
    check(csp and "default-src 'none'" in csp[0], "no Content-Security-Policy with default-src 'none'")


def chromium(args_, url, timeout=120):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    check(exe, "chromium is not installed (ci/clients/setup.sh)")
    profile = tempfile.mkdtemp(prefix="whomet-chromium-")
    try:
        # WebGL (the report's graph view) in software: SwiftShader, asked for by name (Chromium
        # warns on the console when it falls back to it by itself).
        cmd = [exe, "--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-extensions", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
               "--host-resolver-rules=MAP * ~NOTFOUND", *args_, url]
        r = run(cmd, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    stderr = r.stderr.decode(errors="replace")
    console = [l for l in stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    check(r.returncode == 0, f"chromium exited {r.returncode}: {stderr[-1500:]}")
    check(not console, "console messages: " + " | ".join(console)[:1500])
    return r.stdout.decode("utf-8")


def html_root(dom):
    return next(e for e in walk(dom.root) if e["tag"] == "html")


def png_info(path):
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "screenshot is not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    idat, i = b"", 8
    while i < len(data):
        length, kind = struct.unpack(">I4s", data[i : i + 8])
        if kind == b"IDAT":
            idat += data[i + 8 : i + 8 + length]
        i += 12 + length
    raw = zlib.decompress(idat)
    return len(data), width, height, len(set(raw[:: max(1, len(raw) // 20000)]))


def json_block(source, block):
    """The JSON of `<script type="application/json" id=BLOCK>` in the page's source."""
    m = re.search(r'<script type="application/json" id="' + block + r'">(.*?)</script>', source, re.S)
    check(m, f"no {block} JSON block")
    check("<" not in m.group(1), f"a raw '<' in the {block} JSON block (it could close the script)")
    return json.loads(m.group(1))


class Marked(HTMLParser):
    """Text and <mark>ed parts of an evidence sentence's HTML; any other tag is an error."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.text, self.marks, self.tags, self._in = "", [], [], False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "mark" and not attrs:
            self._in = True
            self.marks.append("")
        else:
            self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in = False
        else:
            self.tags.append("/" + tag)

    def handle_data(self, data):
        self.text += data
        if self._in:
            self.marks[-1] += data


def check_html(out, ref, args):
    path = os.path.abspath(os.path.join(out, "report.html"))
    with open(path, encoding="utf-8", newline="") as f:
        source = f.read()
    offline_only(Dom(source))

    # The data the page's script reads, against the reference graph.
    data = json_block(source, "whomet-data")
    people, edges, docs = data["people"], data["edges"], data["docs"]
    shown = drawn_people(ref)
    equal(people["id"], [n["id"] for n in shown], "people ids (but credits without edges)")
    index = {n["id"]: i for i, n in enumerate(shown)}
    for i, n in enumerate(shown):
        equal(people["label"][i], n["label"], f"name of {n['id']}")
        equal(people["aliases"][i], n["aliases"], f"aliases of {n['id']}")
        equal(people["roles"][i], n["roles"], f"roles of {n['id']}")
        equal(people["mentions"][i], n["mentions"], f"mentions of {n['id']}")
        equal([docs[d] for d in people["documents"][i]], n["documents"], f"documents of {n['id']}")
        check(all(isinstance(people[k][i], (int, float)) for k in ("x", "y")), f"position of {n['id']}")
    equal(len(edges["source"]), len(ref.edges), "edges")
    for i, e in enumerate(ref.edges):
        got = (edges["source"][i], edges["kind"][i], edges["target"][i])
        equal(got, (index[e["source"]], e["type"], index[e["target"]]), f"edge {e['id']}")
        equal(edges["places"][i], e["places"], f"places of {e['id']}")
        equal(edges["evidence"][i], len(e["evidence"]), f"evidence count of {e['id']}")
        if ref.exact:
            equal(edges["confidence"][i], e["confidence"], f"confidence of {e['id']}")
    evidence = json_block(source, "whomet-evidence")
    equal(len(evidence), len(ref.edges), "evidence lists")
    articles = {a["id"]: a for a in strict_json(os.path.join(out, "graph.json"))["articles"]}
    marks = 0
    for e, items in zip(ref.edges, evidence):
        a, b = ref.node[e["source"]], ref.node[e["target"]]
        names = {xml_text(s).lower() for p in (a, b) for s in [p["label"], *p["aliases"]]}
        equal(len(items), len(e["evidence"]), f"evidence items of {e['id']}")
        for item, x in zip(items, e["evidence"]):
            doc, date, place, trigger, _conf, html, start, end, cite = item
            m = Marked(html)
            equal(m.tags, [], f"tags other than <mark> in the evidence of {e['id']}")
            sentence = xml_text(x["sentence"])
            equal(m.text, sentence, f"sentence of {e['id']}")
            for mark in m.marks:
                check(mark.lower() in names, f"<mark>{mark}</mark> is not a name of the edge's people")
            marks += len(m.marks)
            for p in (a, b):
                label = xml_text(p["label"])
                if re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", sentence):
                    # Marked, or inside a longer name form marked (the alias "Seyyed Ali
                    # Khamenei" holds the name "Ali Khamenei").
                    word = r"(?<!\w)" + re.escape(label) + r"(?!\w)"
                    check(any(re.search(word, mark) for mark in m.marks), f"{label!r} not marked in {sentence!r}")
            equal([docs[doc], date, place, trigger, start, end],
                  [x["doc"], x["date"] or "", x["place"] or "", x["trigger"], x["start"], x["end"]],
                  f"evidence details of {e['id']}")
            # The article cited: its title, linked when its address is http(s), else not.
            a_ = articles[x["doc"]]
            if a_["title"] is None and a_["url"] is None and a_["source"] is None and a_["copies"] == 1:
                equal(cite, "", f"citation of {x['doc']}")
            else:
                cdom = Dom(cite)
                cites = by_class(cdom.root, "p", "cite")
                equal(len(cites), 1, f"citation of {x['doc']}")
                links = find_all(cites[0], lambda y: y["tag"] == "a")
                web = (a_["url"] or "").strip().lower().startswith(("http://", "https://"))
                equal([l["attrs"].get("href") for l in links], [a_["url"].strip()] if web else [], f"link of {x['doc']}")
                if a_["title"] is not None:
                    check(xml_text(a_["title"]) in text_of(cites[0]), f"title of {x['doc']} in its citation")

    # The page in headless Chromium: no error, and its self-test (search, a type filter, a click
    # on an edge) passes.
    t = time.monotonic()
    dom = Dom(chromium(["--dump-dom"], "file://" + path + "#selftest"))
    took = time.monotonic() - t
    html = html_root(dom)
    check("data-errors" not in html["attrs"], "the page reported errors: " + html["attrs"].get("data-errors", ""))
    equal(html["attrs"].get("data-ready"), "yes", "the page's script finished (data-ready)")
    offline_only(dom)
    pre = [e for e in walk(dom.root) if e["attrs"].get("id") == "selftest"]
    report = text_of(pre[0]) if pre else ""
    equal(html["attrs"].get("data-selftest"), "pass", "the page's self-test (#selftest):\n" + report)
    lines = [l for l in report.splitlines() if l.strip()]
    check(len(lines) >= 4 and all(l.startswith("PASS ") for l in lines), "self-test lines: " + report)
    ready = int(html["attrs"].get("data-ready-ms", "-1"))
    check(ready >= 0, "the page did not say when it became interactive (data-ready-ms)")
    if args.ready_within:
        # The machine is shared: the best of up to three loads is what the page can do.
        tries = [ready]
        while min(tries) > args.ready_within and len(tries) < 3:
            again = html_root(Dom(chromium(["--dump-dom"], "file://" + path)))
            tries.append(int(again["attrs"].get("data-ready-ms", "-1")))
        ready = min(tries)
        check(ready <= args.ready_within, f"interactive after {tries} ms, more than {args.ready_within} ms")

    tmp = tempfile.mkdtemp(prefix="whomet-html-")
    try:
        shot = os.path.join(args.screenshots or tmp, f"report-{os.path.basename(os.path.normpath(out))}.png")
        chromium([f"--screenshot={shot}", "--window-size=1400,900", "--hide-scrollbars", "--virtual-time-budget=3000"], "file://" + path)
        size, width, height, distinct = png_info(shot)
        equal((width, height), (1400, 900), "screenshot size")
        check(size > 20000 and distinct > 16, f"screenshot looks blank ({size} bytes, {distinct} distinct byte values)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return (f"offline (CSP, no external URL); data and evidence JSON match ({len(shown)} of {len(ref.nodes)} people, {len(ref.edges)} edges, "
            f"{marks} marked names); Chromium: no console errors, interactive in {ready} ms (page loaded and self-tested in {took:.1f} s), "
            f"self-test: {'; '.join(l[5:] for l in lines)}; screenshot {width}x{height}, {size} bytes")


# ---------------------------------------------------------------------------------------------

CHECKS = [
    ("graphml", check_graphml), ("gexf", check_gexf), ("dot", check_dot), ("svg", check_svg),
    ("neo4j", check_neo4j), ("cypher", check_cypher), ("gephi", check_gephi), ("json", check_json),
    ("evidence", check_evidence), ("html", check_html),
]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", help="directory with the exported files")
    p.add_argument("--expect-haniyeh", action="store_true", help="check 'who met Ismail Haniyeh' against the gold file")
    p.add_argument("--gold", help="seeds.gold.json (default: shared/gold/seeds.gold.json beside the repository)")
    p.add_argument("--only", help="comma-separated checks: " + ",".join(n for n, _ in CHECKS))
    p.add_argument("--truth", help="reference graph (default: OUT/fixture.json when present, else OUT/graph.json)")
    p.add_argument("--screenshots", help="directory to keep the report screenshot in")
    p.add_argument("--ready-within", type=int, default=0, metavar="MS",
                   help="fail the html check when report.html becomes interactive later than MS ms after navigation")
    p.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    args = p.parse_args()
    if not os.path.isdir(args.out):
        p.error(f"{args.out} is not a directory")
    names = [n for n, _ in CHECKS]
    only = args.only.split(",") if args.only else names
    unknown = [n for n in only if n not in names]
    if unknown:
        p.error(f"unknown checks {unknown}; known: {names}")

    truth = args.truth or os.path.join(args.out, "fixture.json")
    passed = failed = 0
    try:
        ref = ref_from_truth(truth) if os.path.exists(truth) else ref_from_graph_json(os.path.join(args.out, "graph.json"))
    except Exception as e:  # noqa: BLE001 - any failure to read the reference is a failure
        # Without fixture.json the reference is graph.json: a broken graph.json fails every
        # selected check, the json check first.
        ref = None
        for name in [n for n in names if n in only]:
            failed += 1
            print(f"FAIL {name}: cannot read the reference graph ({os.path.basename(truth) if os.path.exists(truth) else 'graph.json'}): {e}")
    for name, fn in CHECKS:
        if name not in only or ref is None:
            continue
        try:
            detail = fn(args.out, ref, args)
            passed += 1
            if not args.quiet:
                print(f"ok   {name}: {detail}")
        except Failed as e:
            failed += 1
            print(f"FAIL {name}: {e}")
        except Exception as e:  # noqa: BLE001 - a client crashing on the file is a failure too
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}")
            if os.environ.get("WHOMET_CHECK_TRACEBACK"):
                traceback.print_exc()
    print(f"check.py {args.out}: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
