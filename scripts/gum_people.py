#!/usr/bin/env python3
"""Person-finding precision/recall of whomet on the GUM news subset (Wikinews, not tuned on).

Usage:
    python3 scripts/gum_people.py [WHOMET_BINARY] [--gum DIR] [--json] [--keep DIR] [--gold]

WHOMET_BINARY defaults to target-wt/release/whomet (built with
`CARGO_TARGET_DIR=target-wt cargo build --release -p whomet` if missing); --gum defaults to
/work/shared/gum-news. Python 3.11 standard library only.
Data: GUM corpus (Zeldes 2017), Wikinews texts (CC BY 2.5), annotations CC BY 4.0.

Text. Each dep/GUM_news_*.conllu becomes NAME.txt: first line `date YYYY-MM-DD` (meta
dateCreated), then the paragraphs (`# newpar`), each the `# text` of its sentences joined by a
space, paragraphs separated by a blank line (headings and figure captions are paragraphs too).
Every document is run alone: `whomet build NAME.txt --out OUT --format neo4j`, read OUT/nodes.csv.

Gold. The Entity annotation in MISC is `(ID-TYPE-infstat-salience-centering-minspan-link[-wikiid]`
to open a mention and `ID)` to close it; mentions of one ID form a coreference chain. For each
mention of TYPE person the syntactic heads are the mention tokens whose head lies outside the
mention (tried in order, the first giving a name wins).
A mention is a *name mention* when
  * the head is a singular proper noun (XPOS NNP): the name is the head plus its flat NNP,
    preceding compound / nmod:desc NNP and hyphen dependents (the UD name span), unless a flat
    dependent is a common noun ("the State Department Spokesperson"); or
  * otherwise, when the head is a common noun, adjective or title (NN, NNS, JJ, NNP: "actor
    Jason Beghe", "photographers Nat Finkelstein", "Undersecretary ... Mr. Toccafondi"): the name
    is the first block of NNP `flat`/`appos` dependents following the head (or appos tokens
    attached outside the mention: "politician Raymond Wong"; not inside brackets: "(R-Texas)");
then leading title words (President, Ambassador, General, Administrator, ...) and anything
before them, leading lowercase words and hyphens are stripped. A span left empty ("The
President", "Malaysia's Prime Minister") is no name; a one-word name with "the" before it in the
mention ("the Taliban", "the Rohingya") is a group; a head with a `conj` dependent (a
coordination: "Tom Devocht and Mark Rathbun") is a group; any other head (NNPS "Muslims", CD,
pronouns) is no name. A name whose head is a `compound` modifier ("Fan Expo", "Monti
government", "Chiang Kai Shek Memorial") is a *modifier* name.

A gold person is a coreference entity with at least one name mention. Entities GUM left apart
are merged when their full names fold equal, or when a one-word full name is a form of exactly
one other entity ("Devocht" / "Tom Devocht"). The person's name is the longest name form (most
words, then characters); all name forms are kept, except one-word modifier forms of an entity
that also has other forms ("Man" of "Man of the Match Harry Kane"). Left out of both sides (a
system person matching one is neither a true nor a false positive, counted as "ignored"):
entities named only as modifiers, and the entities of the IGNORE table below (fictional
characters and costumes, deities, user-name credits, a group, a name inside an organisation
name), each with its reason.

Matching (per document, one-to-one). Names are folded: NFKD, accents dropped, lowercase, every
non-alphanumeric dropped, per word. A system person (name + aliases) and a gold person (name +
all name forms) match, strongest first:
  3  the folded full names are equal;
  2  any system form equals any gold form (e.g. system "Trump" = gold form "Trump");
  1  both full names have >= 2 words, their last words are equal and their first words are
     compatible (equal, or one a prefix of the other: "Chris"/"Christine", "L."/"Lydia"); or the
     words of one multi-word full name are a subset of the other's ("Marc Hill" /
     "Marc Lamont Hill").
Pairs are taken greedily by strength (ties in document order), each person used once. A system
person that matches an already taken gold person is reported as a false positive marked
"duplicate of ...". Precision = matched / system people (ignored ones excluded), recall = matched /
gold people, F1 their harmonic mean; "overall" sums the counts over documents (micro average).

For every false positive the script shows the first sentence containing its name (or an alias, or
its last word) and the GUM entity types annotated on that text, if any (e.g. "organization"); for
every miss the sentence of the entity's first name mention.
"""
import csv
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

TITLES = set("""
president vice prime minister secretary ambassador general major sheriff senator governor mayor
mr mrs ms miss dr judge justice king queen prince princess pope chairman chairwoman director
spokesperson spokesman spokeswoman chief officer captain lieutenant colonel sergeant commander
admiral rev reverend father sister brother saint st sir dame lord lady sheikh imam rabbi professor
prof coach chancellor premier representative rep sen gov gen lt col sgt capt president-elect
chair ceo mp congressman congresswoman detective inspector superintendent commissioner deputy
attorney auditor treasurer speaker leader emperor empress crown cardinal bishop archbishop
ayatollah mullah administrator undersecretary emeritus republican democrat councillor councilor
""".split())

# Named person entities that are not individual humans, or annotation slips: (doc, entity id).
IGNORE = {
    ("expo", "44"): "fictional character (Batman / Bruce Wayne, costume)",
    ("expo", "47"): "fictional character (the Joker)",
    ("expo", "65"): "fictional character (Nightwing)",
    ("expo", "111"): "fictional character (Doctor Who)",
    ("expo", "115"): "fictional character (Symbiote)",
    ("expo", "129"): "fictional character (Epic Mickey)",
    ("expo", "130"): "costume name (the Katherinator)",
    ("expo", "155"): "fictional character (Belle)",
    ("expo", "158"): "fictional character (Black Widow)",
    ("expo", "169"): "fictional character (Peekaboo)",
    ("expo", "170"): "fictional character (Fawn)",
    ("worship", "16"): "deity",
    ("worship", "17"): "deity",
    ("worship", "18"): "deity",
    ("worship", "19"): "deity",
    ("worship", "20"): "deity",
    ("hackers", "12"): "group (Anonymous)",
    ("warhol", "23"): "user-name credit (Miharris)",
    ("warhol", "24"): "user-name credit (Acphillips)",
    ("warhol", "66"): "user-name credit (Snbehnke)",
    ("warhol", "92"): "part of an organisation name (Mary & Leigh Block Museum of Art)",
    ("expo", "113"): "costume (Brampton Spider-Gwen)",
    ("expo", "159"): "fictional character (Captain America)",
    ("expo", "167"): "fictional character (Lady Cassandra, Doctor Who)",
}


# ---------------------------------------------------------------- CoNLL-U reading

def read_conllu(path):
    doc = {"meta": {}, "pars": [], "sents": []}
    cur = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# meta::"):
                key, _, val = line[8:].partition(" = ")
                doc["meta"][key] = val
            elif line == "# newpar" or line.startswith("# newpar "):
                doc["pars"].append([])
            elif line.startswith("# text = "):
                cur = {"text": line[9:], "toks": []}
                if not doc["pars"]:
                    doc["pars"].append([])
                doc["pars"][-1].append(cur)
                doc["sents"].append(cur)
            elif line and line[0].isdigit():
                f = line.split("\t")
                if "-" in f[0] or "." in f[0]:
                    continue  # multiword token range / empty node
                cur["toks"].append(f)
    return doc


def mentions(doc):
    """All entity mentions: dicts with id, type, ident, sent, start, end (token indices)."""
    out, opened = [], {}
    for si, s in enumerate(doc["sents"]):
        for ti, f in enumerate(s["toks"]):
            m = re.search(r"(?:^|\|)Entity=([^|]*)", f[9])
            if not m:
                continue
            v, i = m.group(1), 0
            while i < len(v):
                if v[i] == "(":
                    j = i + 1
                    while j < len(v) and v[j] not in "()":
                        j += 1
                    spec = v[i + 1:j].split("-", 7)
                    rec = {"id": spec[0], "type": spec[1] if len(spec) > 1 else "",
                           "ident": spec[7] if len(spec) > 7 else "", "sent": si, "start": ti}
                    if j < len(v) and v[j] == ")":
                        rec["end"] = ti
                        out.append(rec)
                        j += 1
                    else:
                        opened.setdefault(spec[0], []).append(rec)
                    i = j
                else:
                    m2 = re.match(r"(\d+)\)", v[i:])
                    if not m2:
                        i += 1
                        continue
                    stack = opened.get(m2.group(1))
                    if stack:
                        rec = stack.pop()
                        rec["end"] = ti
                        out.append(rec)
                    i += m2.end()
    return out


def join_tokens(toks):
    s = ""
    for i, t in enumerate(toks):
        s += t[1]
        if i < len(toks) - 1 and "SpaceAfter=No" not in t[9]:
            s += " "
    return s


def name_span(toks, root_i):
    """Indices (into toks) of the UD name span rooted at toks[root_i]."""
    ids = {int(t[0]): i for i, t in enumerate(toks)}
    keep = {root_i}
    changed = True
    while changed:
        changed = False
        for i, t in enumerate(toks):
            if i in keep:
                continue
            parent = ids.get(int(t[6]))
            if parent not in keep:
                continue
            rel = t[7].split(":")[0]
            if (rel == "flat" and t[4] in ("NNP", "NNPS")) or \
               (t[7] in ("compound", "nmod:desc") and t[4] == "NNP" and i < root_i) or \
               (rel == "punct" and t[4] == "HYPH"):
                keep.add(i)
                changed = True
    # contiguous block around the root
    lo = hi = root_i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    return list(range(lo, hi + 1))


def strip_titles(toks):
    cut = 0
    for i, t in enumerate(toks):
        w = t[1].lower().rstrip(".")
        if w in TITLES or t[1].lower() in TITLES:
            cut = i + 1
    toks = toks[cut:]
    while toks and (toks[0][4] == "HYPH" or not toks[0][1][:1].isupper()):
        toks = toks[1:]
    while toks and toks[-1][4] == "HYPH":
        toks = toks[:-1]
    return toks


def mention_name(toks):
    """The personal name in a person mention: (name, is_modifier) or None."""
    ids = {int(t[0]) for t in toks}
    heads = [i for i, t in enumerate(toks) if int(t[6]) not in ids]
    for h in heads:
        res = name_at_head(toks, ids, h)
        if res:
            return res[1]
    return None


def name_at_head(toks, ids, h):
    ht = toks[h]
    children = [i for i, t in enumerate(toks) if int(t[6]) == int(ht[0])]
    if any(toks[i][7].split(":")[0] == "conj" for i in children):
        return None  # coordination: a group mention
    name_toks = []
    if ht[4] == "NNP":
        if any(toks[i][7].split(":")[0] == "flat" and toks[i][4] not in ("NNP", "NNPS", "HYPH")
               for i in children):
            return None  # "the State Department Spokesperson"
        name_toks = strip_titles([toks[i] for i in name_span(toks, h)])
    if not name_toks and ht[4] in ("NN", "NNS", "JJ", "NNP"):
        # "actor Jason Beghe", "Undersecretary for Education Mr. Toccafondi"
        span = []
        for i, t in enumerate(toks):
            if i > h and t[4] == "NNP" and t[7].split(":")[0] in ("flat", "appos") and \
                    (i in children or int(t[6]) not in ids):
                span += name_span(toks, i)
        span = [i for i in span if not (i > 0 and toks[i - 1][1] in ("(", "["))]  # (R-Texas)
        if span:
            span = sorted(set(span))
            block = [span[0]]  # the first contiguous block
            for i in span[1:]:
                if i == block[-1] + 1:
                    block.append(i)
                else:
                    break
            name_toks = strip_titles([toks[i] for i in block])
    if not name_toks:
        return None
    named = modifier_of(toks, ht, name_toks)
    return (name_toks, named) if named else None


def modifier_of(toks, ht, name_toks):
    """(name, is_modifier) of a mention's name tokens."""
    first = toks.index(name_toks[0])
    one_word = " " not in join_tokens(name_toks)
    if one_word and any(t[1].lower() == "the" for t in toks[:first]):
        return None
    # "Fan Expo", "Monti government", "Chiang Kai Shek Memorial": a name modifying a noun
    modifier = ht[7].split(":")[0] == "compound"
    return join_tokens(name_toks), modifier


def mention_name_tokens(toks):
    """The tokens of the personal name in a person mention, and whether the name only modifies a
    noun: (tokens, is_modifier), or None."""
    ids = {int(t[0]) for t in toks}
    for h in [i for i, t in enumerate(toks) if int(t[6]) not in ids]:
        res = name_at_head(toks, ids, h)
        if res:
            name_toks, (_, modifier) = res
            return name_toks, modifier
    return None


def gold_people(doc, short):
    ments = mentions(doc)
    ents = {}
    for m in ments:
        if m["type"] != "person":
            continue
        toks = doc["sents"][m["sent"]]["toks"][m["start"]:m["end"] + 1]
        res = mention_name(toks)
        if not res:
            continue
        name, modifier = res
        e = ents.setdefault(m["id"], {"id": m["id"], "forms": [], "sent": m["sent"],
                                      "wiki": m["ident"], "modifier_only": True})
        e["modifier_only"] &= modifier
        if name not in e["forms"]:
            e["forms"].append(name)
        if not modifier or " " in name:
            e.setdefault("plain_forms", set()).add(name)
    for e in ents.values():
        if not e["modifier_only"]:  # "Man" of "Man of the Match Harry Kane" is no name form
            e["forms"] = [f for f in e["forms"] if f in e.get("plain_forms", ())] or e["forms"]
        e["name"] = max(e["forms"], key=lambda s: (len(s.split()), len(s)))
    # Merge entities GUM left apart: the same full name, or a one-word name that is a form of
    # exactly one other entity ("Devocht" / "Tom Devocht").
    merged = []
    for e in sorted(ents.values(), key=lambda e: (-len(e["name"].split()), e["sent"])):
        target = [x for x in merged if fold(x["name"]) == fold(e["name"])]
        if not target and len(e["name"].split()) == 1:
            target = [x for x in merged if fold(e["name"]) in {fold(f) for f in x["forms"]}]
            if len(target) != 1:
                target = []
        if target:
            t = target[0]
            t["forms"] += [f for f in e["forms"] if f not in t["forms"]]
            t["sent"] = min(t["sent"], e["sent"])
            t["modifier_only"] &= e["modifier_only"]
            t["id"] += "+" + e["id"]
        else:
            merged.append(e)
    merged.sort(key=lambda e: e["sent"])
    people, ignored = [], []
    for e in merged:
        e["sentence"] = doc["sents"][e["sent"]]["text"]
        reason = next((IGNORE[(short, i)] for i in e["id"].split("+") if (short, i) in IGNORE),
                      None)
        if reason is None and e["modifier_only"]:
            reason = "name only used as a modifier of a noun (e.g. 'Fan Expo', 'Monti government', 'Chiang Kai Shek Memorial')"
        if reason:
            e["reason"] = reason
            ignored.append(e)
        else:
            people.append(e)
    return people, ignored, ments


# ---------------------------------------------------------------- matching

def fold_word(w):
    w = unicodedata.normalize("NFKD", w)
    w = "".join(c for c in w if not unicodedata.combining(c))
    return "".join(c for c in w.lower() if c.isalnum())


def fold_words(name):
    return [x for x in (fold_word(w) for w in name.split()) if x]


def fold(name):
    return "".join(fold_words(name))


def match_strength(sys_p, gold_p):
    sname, gname = fold(sys_p["name"]), fold(gold_p["name"])
    if sname and sname == gname:
        return 3
    sforms = {fold(x) for x in [sys_p["name"]] + sys_p["aliases"]} - {""}
    gforms = {fold(x) for x in [gold_p["name"]] + gold_p["forms"]} - {""}
    if sforms & gforms:
        return 2
    sw, gw = fold_words(sys_p["name"]), fold_words(gold_p["name"])
    if len(sw) >= 2 and len(gw) >= 2:
        if sw[-1] == gw[-1] and (sw[0].startswith(gw[0]) or gw[0].startswith(sw[0])):
            return 1
        if set(sw) <= set(gw) or set(gw) <= set(sw):
            return 1
    return 0


def match(system, gold, ignored):
    pairs = []
    for si, s in enumerate(system):
        for gi, g in enumerate(gold):
            st = match_strength(s, g)
            if st:
                pairs.append((-st, si, gi))
    pairs.sort()
    used_s, used_g, matched = set(), set(), []
    for st, si, gi in pairs:
        if si in used_s or gi in used_g:
            continue
        used_s.add(si)
        used_g.add(gi)
        matched.append((si, gi, -st))
    fps, ign = [], []
    for si, s in enumerate(system):
        if si in used_s:
            continue
        ig = [g for g in ignored if match_strength(s, g)]
        if ig:
            ign.append((s, ig[0]))
            continue
        dup = [gold[gi] for _, si2, gi in pairs if si2 == si]
        fps.append((s, dup[0] if dup else None))
    misses = [g for gi, g in enumerate(gold) if gi not in used_g]
    return matched, fps, misses, ign


# ---------------------------------------------------------------- context

def find_sentence(doc, names):
    for name in names:
        if not name.strip():
            continue
        pat = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
        for si, s in enumerate(doc["sents"]):
            if pat.search(s["text"]):
                return si, name
    return None, None


def gum_types_at(doc, ments, si, name):
    """GUM entity types of mentions in sentence si whose text contains `name`."""
    if si is None:
        return []
    toks = doc["sents"][si]["toks"]
    out = []
    for m in ments:
        if m["sent"] != si:
            continue
        text = join_tokens(toks[m["start"]:m["end"] + 1])
        if name in text and len(text) <= len(name) + 40:
            out.append((len(text), m["type"], text))
    out.sort()
    seen, res = set(), []
    for _, t, text in out:
        if t not in seen:
            seen.add(t)
            res.append(f"{t}: {text}")
    return res


# ---------------------------------------------------------------- running whomet

def ensure_binary(path):
    if os.path.exists(path):
        return path
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(repo, "target-wt"))
    for attempt in range(3):
        r = subprocess.run(["cargo", "build", "--release", "-p", "whomet"], cwd=repo, env=env)
        if r.returncode == 0 and os.path.exists(path):
            return path
        time.sleep(60)
    sys.exit(f"cannot build {path}")


def read_nodes(path):
    people = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            aliases = [a.strip() for a in (row.get("aliases:string[]") or "").split(";")]
            people.append({"id": row["personId:ID(Person)"], "name": row["name"],
                           "aliases": [a for a in aliases if a]})
    return people


def prf(m, s, g):
    p = m / s if s else 1.0
    r = m / g if g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def main():
    args = sys.argv[1:]
    as_json = "--json" in args
    show_gold = "--gold" in args
    gum = "/work/shared/gum-news"
    keep = None
    pos = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--gum":
            gum = args[i + 1]
            i += 2
            continue
        if a == "--keep":
            keep = args[i + 1]
            i += 2
            continue
        if not a.startswith("--"):
            pos.append(a)
        i += 1
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = ensure_binary(pos[0] if pos else os.path.join(repo, "target-wt/release/whomet"))

    tmp_ctx = tempfile.TemporaryDirectory(prefix="gum_people_")
    tmp = keep or tmp_ctx.name
    os.makedirs(tmp, exist_ok=True)
    docs_out = []
    tot = {"gold": 0, "system": 0, "matched": 0, "ignored_system": 0}
    for path in sorted(glob.glob(os.path.join(gum, "dep", "GUM_news_*.conllu"))):
        name = os.path.basename(path)[:-len(".conllu")]
        short = name[len("GUM_news_"):]
        doc = read_conllu(path)
        date = doc["meta"].get("dateCreated", "")
        body = "\n\n".join(" ".join(s["text"] for s in p) for p in doc["pars"] if p)
        txt = os.path.join(tmp, name + ".txt")
        with open(txt, "w", encoding="utf-8") as fh:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                fh.write(f"date {date}\n")
            fh.write(body + "\n")
        out = os.path.join(tmp, "out_" + short)
        r = subprocess.run([binary, "build", txt, "--out", out, "--format", "neo4j"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"whomet failed on {txt}: {r.stderr}")
        system = read_nodes(os.path.join(out, "nodes.csv"))
        gold, ignored, ments = gold_people(doc, short)
        matched, fps, misses, ign = match(system, gold, ignored)
        ns, ng, nm = len(system) - len(ign), len(gold), len(matched)
        p, rc, f = prf(nm, ns, ng)
        tot["gold"] += ng
        tot["system"] += ns
        tot["matched"] += nm
        tot["ignored_system"] += len(ign)
        d = {"doc": short, "gold": ng, "system": ns, "matched": nm,
             "precision": p, "recall": rc, "f1": f,
             "matches": [{"system": system[si]["name"], "gold": gold[gi]["name"],
                          "strength": st} for si, gi, st in matched],
             "false_positives": [], "misses": [],
             "ignored_system": [{"system": s["name"], "gold": g["name"], "reason": g["reason"]}
                                for s, g in ign]}
        for s, dup in fps:
            names = [s["name"]] + s["aliases"]
            si, found = find_sentence(doc, names)
            if si is None:
                si, found = find_sentence(doc, [s["name"].split()[-1]] if s["name"].split() else [])
            d["false_positives"].append({
                "name": s["name"], "aliases": s["aliases"],
                "duplicate_of": dup["name"] if dup else None,
                "gum_types": gum_types_at(doc, ments, si, found) if found else [],
                "sentence": doc["sents"][si]["text"] if si is not None else None})
        for g in misses:
            d["misses"].append({"name": g["name"], "forms": g["forms"], "wiki": g["wiki"],
                                "sentence": g["sentence"]})
        if show_gold:
            d["gold_people"] = [{"id": g["id"], "name": g["name"], "forms": g["forms"]}
                                for g in gold]
            d["ignored_gold"] = [{"id": g["id"], "name": g["name"], "reason": g["reason"]}
                                 for g in ignored]
        docs_out.append(d)
    p, rc, f = prf(tot["matched"], tot["system"], tot["gold"])
    overall = dict(tot, precision=p, recall=rc, f1=f,
                   false_positives=sum(len(d["false_positives"]) for d in docs_out),
                   misses=sum(len(d["misses"]) for d in docs_out))
    result = {"binary": binary, "documents": docs_out, "overall": overall}
    if as_json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    print(f"{'document':<14} {'gold':>5} {'sys':>5} {'match':>5} {'P':>7} {'R':>7} {'F1':>7}")
    for d in docs_out:
        print(f"{d['doc']:<14} {d['gold']:>5} {d['system']:>5} {d['matched']:>5} "
              f"{d['precision']:>7.3f} {d['recall']:>7.3f} {d['f1']:>7.3f}")
    o = overall
    print(f"{'OVERALL':<14} {o['gold']:>5} {o['system']:>5} {o['matched']:>5} "
          f"{o['precision']:>7.3f} {o['recall']:>7.3f} {o['f1']:>7.3f}"
          f"   (system people matching ignored gold entities: {o['ignored_system']})")
    print(f"\nFALSE POSITIVES ({o['false_positives']})")
    for d in docs_out:
        for fp in d["false_positives"]:
            extra = f" aliases={';'.join(fp['aliases'])}" if fp["aliases"] else ""
            if fp["duplicate_of"]:
                extra += f" [duplicate of gold '{fp['duplicate_of']}']"
            if fp["gum_types"]:
                extra += f" [GUM: {' | '.join(fp['gum_types'])}]"
            print(f"- {d['doc']}: {fp['name']}{extra}\n    {fp['sentence']}")
    print(f"\nMISSES ({o['misses']})")
    for d in docs_out:
        for m in d["misses"]:
            forms = "; ".join(m["forms"])
            print(f"- {d['doc']}: {m['name']} (forms: {forms})\n    {m['sentence']}")
    if show_gold:
        print("\nGOLD PEOPLE")
        for d in docs_out:
            print(f"  {d['doc']}: " + " | ".join(
                f"{g['name']} [{'; '.join(g['forms'])}]" for g in d["gold_people"]))
            for g in d["ignored_gold"]:
                print(f"    ignored {g['name']}: {g['reason']}")


if __name__ == "__main__":
    main()
