//! Scores a whomet graph against hand-annotated gold (schema `whomet-gold/1`).
//!
//! `read -> segment -> find mentions -> resolve people -> detect meetings -> score ->
//! build graph -> export`, and then, beside the pipeline, **`eval`**.
//!
//! [`score`] repeats the reference scorer `shared/gold/score.py` step by step on the graph that
//! script would read from whomet's GraphML (node `label`, `aliases` joined with `"; "`, edge
//! `type` and `documents`), so that both give the same numbers and lists: nodes are matched to
//! gold people by label, by a full name after title words, then by alias votes; each edge kind
//! is scored by precision, recall and F1 over unordered pairs of people. [`Report`] prints what
//! `score.py` prints, then two figures of whomet's own: precision by edge confidence and the
//! accuracy of `MET` dates. The crate reads no files: the caller passes the gold text.
//!
//! ```
//! let gold = whomet_eval::Gold::from_json(
//!     r#"{"schema": "whomet-gold/1", "people": [], "edges": []}"#,
//! )
//! .unwrap();
//! let report = whomet_eval::score(&gold, &whomet_graph::Graph::default());
//! assert!(report.to_string().starts_with("people   P=1.000 R=1.000 F1=1.000\n"));
//! ```
#![warn(missing_docs)]

mod gold;
mod names;
mod py;
mod report;

pub use gold::{EvalError, Gold, GoldEdge, GoldPerson, SCHEMA};
pub use report::{DateAccuracy, EdgeScore, Fragment, Merged, PeopleScore, ReliabilityBin, Report};

use names::{doc_id, norm, split_aliases, tokens};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use whomet_core::EdgeKind;
use whomet_graph::{EdgeData, Graph, PersonNode};

/// Scores `graph` against `gold` exactly as `score.py` scores the graph's GraphML export.
pub fn score(gold: &Gold, graph: &Graph) -> Report {
    let index = Index::new(gold);
    let nodes: Vec<Node> = graph
        .nodes()
        .map(|n| index.node(n, &graph.strs(&n.aliases).collect::<Vec<_>>()))
        .collect();
    let scorer = Scorer { gold, nodes };
    let mut reliability =
        [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.0)].map(|(low, high)| ReliabilityBin {
            low,
            high,
            edges: 0,
            correct: 0,
            optional: 0,
            precision: None,
        });
    let (met, met_dates) = scorer.edges(graph, EdgeKind::Met, &mut reliability);
    let (planned, _) = scorer.edges(graph, EdgeKind::Planned, &mut reliability);
    let (contact, _) = scorer.edges(graph, EdgeKind::Contact, &mut reliability);
    for b in &mut reliability {
        b.precision = (b.edges > 0).then(|| py::round4(b.correct as f64 / b.edges as f64));
    }
    Report {
        people: scorer.people(),
        met,
        planned,
        contact,
        reliability: reliability.to_vec(),
        met_dates,
    }
}

/// The gold and the graph's nodes matched to it.
struct Scorer<'g> {
    gold: &'g Gold,
    /// In graph order.
    nodes: Vec<Node<'g>>,
}

impl<'g> Scorer<'g> {
    /// Whether a label is a role, not a name.
    fn ignored(&self, label: &str) -> bool {
        let pattern = self.gold.ignore_node_pattern.as_ref();
        pattern.is_some_and(|p| p.is_match(label))
    }

    /// The people part of `score.py`'s `score`.
    fn people(&self) -> PeopleScore {
        let gold = self.gold;
        let full_names: BTreeMap<&str, String> = gold
            .people
            .iter()
            .map(|p| (p.id.as_str(), norm(&p.name)))
            .collect();
        let (mut merged, mut spurious, mut fragmented) =
            (Vec::new(), Vec::new(), Vec::<Fragment>::new());
        for node in &self.nodes {
            let names: HashSet<String> = node
                .aliases
                .iter()
                .chain([&node.label])
                .map(|a| norm(a))
                .collect();
            let hit: Vec<(&str, &str)> = full_names
                .iter()
                .filter(|(_, full)| names.contains(*full))
                .map(|(id, full)| (*id, full.as_str()))
                .collect();
            // A merge carries the full names of different people; namesakes with one name are not.
            let ids: BTreeSet<&str> = hit.iter().map(|h| h.0).collect();
            if hit.iter().map(|h| h.1).collect::<HashSet<_>>().len() > 1 && ids.len() > 1 {
                let people = ids.into_iter().map(String::from).collect();
                merged.push(Merged {
                    node: node.label.clone(),
                    people,
                });
            }
            if node.cands.is_empty() && !self.ignored(&node.label) {
                spurious.push(node.label.clone());
            }
            if let (1, Some(person)) = (node.cands.len(), node.cands.first()) {
                match fragmented.iter_mut().find(|f| f.person == *person) {
                    Some(f) => f.labels.push(node.label.clone()),
                    None => fragmented.push(Fragment {
                        person: person.to_string(),
                        labels: vec![node.label.clone()],
                    }),
                }
            }
        }
        fragmented.retain(|f| f.labels.len() > 1);

        let required: BTreeSet<&str> = gold
            .people
            .iter()
            .filter(|p| !p.optional)
            .map(|p| p.id.as_str())
            .collect();
        let found: BTreeSet<&str> = self
            .nodes
            .iter()
            .flat_map(|n| n.cands.iter().copied())
            .collect();
        let missed: Vec<String> = required.difference(&found).map(|p| p.to_string()).collect();
        let (precision, recall, f1) = prf(
            found.intersection(&required).count(),
            spurious.len(),
            missed.len(),
        );
        spurious.sort();
        let labels_with_titles = self
            .nodes
            .iter()
            .filter(|n| n.with_title)
            .map(|n| n.label.clone())
            .collect();
        PeopleScore {
            precision,
            recall,
            f1,
            missed,
            spurious,
            fragmented,
            merged,
            labels_with_titles,
        }
    }

    /// One pass of `score.py`'s per-kind loop; also counts the kind's edges between gold people
    /// into `bins` and, for `MET`, the date accuracy.
    fn edges(
        &self,
        graph: &Graph,
        kind: EdgeKind,
        bins: &mut [ReliabilityBin; 4],
    ) -> (EdgeScore, DateAccuracy) {
        let truth = Truth::new(self.gold, kind);
        let (mut got, mut fps, mut prov_ok, mut prov_n) = (BTreeSet::new(), Vec::new(), 0, 0);
        let mut dated: BTreeMap<Pair, bool> = BTreeMap::new();
        for e in graph
            .graph
            .raw_edges()
            .iter()
            .filter(|e| e.weight.kind == kind)
        {
            // networkx yields an undirected edge from the endpoint written first.
            let (s, t) = (e.source().index(), e.target().index());
            let (u, v) = (&self.nodes[s.min(t)], &self.nodes[s.max(t)]);
            let data = &e.weight;
            let docs: BTreeSet<String> = split_aliases(&graph.documents(data).join("; "))
                .iter()
                .map(|d| doc_id(d))
                .collect();
            let (a, b) = (u.resolve(&docs, self.gold), v.resolve(&docs, self.gold));
            let (lu, lv) = (&u.label, &v.label);
            let (Some(a), Some(b)) = (a, b) else {
                if !(a.is_none() && self.ignored(lu) || b.is_none() && self.ignored(lv)) {
                    fps.push(format!("{lu} -- {lv} (unknown or ambiguous person)"));
                }
                continue;
            };
            let pair = (a.min(b), a.max(b));
            let bin = &mut bins[[0.5, 0.7, 0.9]
                .iter()
                .filter(|&&x| data.confidence >= x)
                .count()];
            if a == b {
                bin.edges += 1;
                fps.push(format!("{lu} -- {lv} (same person)"));
            } else if truth.required.contains(&pair) {
                bin.edges += 1;
                bin.correct += 1;
                got.insert(pair);
                if !docs.is_empty() {
                    prov_n += 1;
                    let gold_docs = truth.docs.get(&pair);
                    let cited =
                        gold_docs.is_some_and(|g| docs.iter().any(|d| g.contains(d.as_str())));
                    prov_ok += usize::from(cited);
                }
                if let Some(dates) = truth.dates.get(&pair).filter(|d| !d.is_empty()) {
                    *dated.entry(pair).or_default() |= has_date(graph, data, dates);
                }
            } else if truth.optional.contains(&pair) {
                bin.optional += 1;
            } else {
                bin.edges += 1;
                fps.push(format!("{lu} -- {lv}"));
            }
        }
        fps.sort();
        fps.dedup();
        let missed: BTreeSet<String> = truth
            .required
            .difference(&got)
            .map(|&(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a} -- {b}")
                }
            })
            .collect();
        let (precision, recall, f1) = prf(got.len(), fps.len(), missed.len());
        let score = EdgeScore {
            precision,
            recall,
            f1,
            tp: got.len(),
            fp: fps.len(),
            r#fn: missed.len(),
            gold: truth.required.len(),
            provenance_ok: format!("{prov_ok}/{prov_n}"),
            false_positives: fps,
            missed: missed.into_iter().collect(),
        };
        let correct = dated.values().filter(|&&ok| ok).count();
        (
            score,
            DateAccuracy {
                dated: dated.len(),
                correct,
            },
        )
    }
}

/// Words that may precede a full name in a label that still names that person.
const TITLE_WORDS: &str = "ayatollah seyyed sayyed sheikh sheikha president vice prime minister \
    foreign supreme leader general gen mr mrs ms dr king queen emir prince crown secretary state \
    chairman chief head deputy speaker senator sen rep ambassador envoy pope cardinal imam mullah \
    sir lord lady premier chancellor commander colonel col lt";

fn is_title_word(token: &str) -> bool {
    TITLE_WORDS.split_whitespace().any(|w| w == token)
}

/// An unordered pair of gold ids, smaller first (`(a, a)` for a self-pair).
type Pair<'g> = (&'g str, &'g str);

/// `score.py`'s `precision, recall, f1`, each rounded to 4 decimals; all 1.0 when there was
/// nothing to find and nothing was claimed.
fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    if tp + fp + fn_ == 0 {
        return (1.0, 1.0, 1.0);
    }
    let ratio = |n: usize, d: usize| if d > 0 { n as f64 / d as f64 } else { 0.0 };
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (py::round4(p), py::round4(r), py::round4(f))
}

/// Whether the edge's first, last or any evidence date is one of `dates`.
fn has_date(graph: &Graph, data: &EdgeData, dates: &BTreeSet<&str>) -> bool {
    let evidence = graph.evidence(data).map(|e| e.date);
    [data.first_date, data.last_date]
        .into_iter()
        .chain(evidence)
        .flatten()
        .any(|d| dates.contains(d.to_string().as_str()))
}

/// `score.py`'s `build_index`: gold ids by folded name form, and by the tokens of name forms of
/// two or more words.
struct Index<'g> {
    exact: HashMap<String, BTreeSet<&'g str>>,
    full: HashMap<Vec<String>, BTreeSet<&'g str>>,
}

/// A graph node as `score.py` sees it, with the gold ids it may be.
struct Node<'g> {
    label: String,
    aliases: Vec<String>,
    cands: BTreeSet<&'g str>,
    with_title: bool,
}

impl<'g> Index<'g> {
    fn new(gold: &'g Gold) -> Index<'g> {
        let (mut exact, mut full) = (HashMap::new(), HashMap::new());
        for p in &gold.people {
            for a in std::iter::once(&p.name).chain(&p.aliases) {
                exact
                    .entry(norm(a))
                    .or_insert_with(BTreeSet::new)
                    .insert(p.id.as_str());
                let t = tokens(a);
                if t.len() >= 2 {
                    full.entry(t)
                        .or_insert_with(BTreeSet::new)
                        .insert(p.id.as_str());
                }
            }
        }
        Index { exact, full }
    }

    /// `map_node`: by label, then by a full name after title words, then by alias votes. An
    /// empty label falls back to the id, as `score.py` falls back to the GraphML node id.
    fn node(&self, n: &PersonNode, aliases: &[&str]) -> Node<'g> {
        let label = if n.label.is_empty() {
            n.id.clone()
        } else {
            n.label.clone()
        };
        let aliases = split_aliases(&aliases.join("; "));
        let mut node = Node {
            label,
            aliases,
            cands: BTreeSet::new(),
            with_title: false,
        };
        if let Some(c) = self.exact.get(&norm(&node.label)).filter(|c| !c.is_empty()) {
            node.cands = c.clone();
            return node;
        }
        let toks = tokens(&node.label);
        for (full, ids) in &self.full {
            let Some(titles) = toks.len().checked_sub(full.len()).filter(|&n| n > 0) else {
                continue;
            };
            if toks[titles..] == full[..] && toks[..titles].iter().all(|t| is_title_word(t)) {
                node.cands.extend(ids);
            }
        }
        if !node.cands.is_empty() {
            node.with_title = true;
            return node;
        }
        let mut votes: BTreeMap<&'g str, usize> = BTreeMap::new();
        for a in &node.aliases {
            for id in self.exact.get(&norm(a)).into_iter().flatten() {
                *votes.entry(id).or_default() += 1;
            }
        }
        let best = votes.values().copied().max();
        node.cands = votes
            .into_iter()
            .filter(|v| Some(v.1) == best)
            .map(|v| v.0)
            .collect();
        node
    }
}

impl<'g> Node<'g> {
    /// `resolve`: the one gold id this node is, using the documents of an edge to choose among
    /// namesakes.
    fn resolve(&self, docs: &BTreeSet<String>, gold: &Gold) -> Option<&'g str> {
        let mut c: Vec<&'g str> = self.cands.iter().copied().collect();
        if c.len() > 1 && !docs.is_empty() && !gold.doc_people.is_empty() {
            let seen = |p: &str| {
                docs.iter()
                    .any(|d| gold.doc_people.get(d).is_some_and(|s| s.contains(p)))
            };
            c.retain(|p| seen(p));
        }
        (c.len() == 1).then(|| c[0])
    }
}

/// The gold pairs of one kind.
struct Truth<'g> {
    required: BTreeSet<Pair<'g>>,
    /// Pairs of edges whose status is not `required`.
    optional: BTreeSet<Pair<'g>>,
    /// Documents of the last gold edge of each pair.
    docs: HashMap<Pair<'g>, BTreeSet<&'g str>>,
    /// Dates of all gold edges of each pair.
    dates: HashMap<Pair<'g>, BTreeSet<&'g str>>,
}

impl<'g> Truth<'g> {
    fn new(gold: &'g Gold, kind: EdgeKind) -> Truth<'g> {
        let mut t = Truth {
            required: BTreeSet::new(),
            optional: BTreeSet::new(),
            docs: HashMap::new(),
            dates: HashMap::new(),
        };
        for e in gold.edges.iter().filter(|e| e.kind == kind.as_str()) {
            let (a, b) = (e.a.as_str(), e.b.as_str());
            let pair = (a.min(b), a.max(b));
            t.docs
                .insert(pair, e.docs.iter().map(String::as_str).collect());
            t.dates
                .entry(pair)
                .or_default()
                .extend(e.dates.iter().map(String::as_str));
            if e.is_required() {
                &mut t.required
            } else {
                &mut t.optional
            }
            .insert(pair);
        }
        t
    }
}

#[cfg(test)]
mod tests;
