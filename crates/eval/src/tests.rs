use super::*;
use crate::py::Repr;
use expect_test::{Expect, expect};
use whomet_core::{PartialDate, Span};

/// Seven people: two Bakers (one surname), two George Bushes (one full name, told apart by
/// `doc_people`), and an optional Abbas.
const GOLD: &str = r#"{
  "schema": "whomet-gold/1",
  "ignore_node_pattern": "(?i)\\b(minister|leader)\\b",
  "people": [
    {"id": "ali-khamenei", "name": "Ali Khamenei", "aliases": ["Khamenei", "Ayatollah Khamenei"]},
    {"id": "ismail-haniyeh", "name": "Ismail Haniyeh", "aliases": ["Haniyeh"]},
    {"id": "james-baker", "name": "James Baker", "aliases": ["Baker"]},
    {"id": "howard-baker", "name": "Howard Baker", "aliases": ["Baker"]},
    {"id": "george-bush-sr", "name": "George Bush", "aliases": ["George H. W. Bush"]},
    {"id": "george-bush-jr", "name": "George Bush", "aliases": ["George W. Bush"]},
    {"id": "mahmoud-abbas", "name": "Mahmoud Abbas", "optional": true}
  ],
  "edges": [
    {"a": "ali-khamenei", "b": "ismail-haniyeh", "type": "MET", "status": "required",
     "docs": ["d1"], "dates": ["2024-03-26", "2024-03"]},
    {"a": "james-baker", "b": "george-bush-sr", "type": "MET", "status": "required", "docs": ["d1"]},
    {"a": "george-bush-jr", "b": "howard-baker", "type": "MET", "status": "required", "docs": ["d2"]},
    {"a": "ismail-haniyeh", "b": "james-baker", "type": "MET", "status": "optional", "docs": ["d1"]},
    {"a": "ali-khamenei", "b": "ismail-haniyeh", "type": "PLANNED", "status": "required", "docs": ["d2"]}
  ],
  "doc_people": {
    "d1": ["ali-khamenei", "ismail-haniyeh", "george-bush-sr", "james-baker"],
    "d2": ["ali-khamenei", "ismail-haniyeh", "george-bush-jr", "howard-baker"]
  }
}"#;

/// A person to add to a test graph: label and aliases.
struct Person(&'static str, &'static [&'static str]);

fn node(label: &'static str, aliases: &'static [&'static str]) -> Person {
    Person(label, aliases)
}

/// An edge to add to a test graph: one piece of evidence per document, each with `date`.
struct Edge {
    kind: EdgeKind,
    docs: &'static [&'static str],
    confidence: f64,
    date: Option<PartialDate>,
}

fn edge(kind: EdgeKind, docs: &'static [&'static str], confidence: f64) -> Edge {
    Edge {
        kind,
        docs,
        confidence,
        date: None,
    }
}

fn met(docs: &'static [&'static str]) -> Edge {
    edge(EdgeKind::Met, docs, 0.8)
}

/// A graph of `nodes` and edges between node positions.
fn graph(nodes: Vec<Person>, edges: Vec<(usize, usize, Edge)>) -> Graph {
    let mut g = Graph::default();
    let mut ids = Vec::new();
    for Person(label, aliases) in nodes {
        let node = PersonNode {
            id: whomet_core::slug(label),
            label: label.into(),
            aliases: aliases.iter().map(|a| g.intern(a)).collect(),
            roles: Box::new([]),
            mentions: 1,
            documents: Box::new([]),
            credit: false,
            merges: Box::new([]),
        };
        ids.push(g.graph.add_node(node));
    }
    for (a, b, e) in edges {
        let evidence: Vec<_> = e
            .docs
            .iter()
            .map(|d| {
                let doc = g.add_doc(d);
                let span = Span::new(0, 1);
                g.add_event(doc, span, "", "met", e.confidence, &[], e.date, None)
            })
            .collect();
        let data = EdgeData {
            kind: e.kind,
            confidence: e.confidence,
            weight: e.confidence,
            evidence: g.evidence_list(evidence),
            first_date: None,
            last_date: None,
        };
        g.graph.add_edge(ids[a], ids[b], data);
    }
    g
}

/// Scores `graph` against `gold` and compares the text report with `expect`.
fn check(gold: &str, graph: Graph, expect: Expect) -> Report {
    let gold = Gold::from_json(gold).expect("test gold is valid");
    let report = score(&gold, &graph);
    expect.assert_eq(&report.to_string());
    report
}

#[test]
fn label_match() {
    let g = graph(
        vec![node("ali KHAMENEI", &[]), node("Ismail  Haniyeh.", &[])],
        vec![
            (1, 0, met(&["corpus/d1.txt"])),
            (0, 1, edge(EdgeKind::Planned, &["d1"], 0.8)),
        ],
    );
    check(
        GOLD,
        g,
        expect![[r#"
            people   P=1.000 R=0.333 F1=0.500
                missed: ['george-bush-jr', 'george-bush-sr', 'howard-baker', 'james-baker']
            MET      P=1.000 R=0.333 F1=0.500 tp=1 fp=0 fn=2 gold=3
                missed: ['george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
            PLANNED  P=1.000 R=1.000 F1=1.000 tp=1 fp=0 fn=0 gold=1
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=2 correct=2 P=1.000 optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/1 (found dated MET pairs with a gold date)
        "#]],
    );
}

#[test]
fn title_prefixed_label() {
    let g = graph(
        vec![
            node("Supreme Leader Ali Khamenei", &[]),
            node("Mr Leader Haniyeh", &[]),
        ],
        vec![(0, 1, met(&[]))],
    );
    let report = check(
        GOLD,
        g,
        expect![[r#"
            people   P=1.000 R=0.167 F1=0.286
                missed: ['george-bush-jr', 'george-bush-sr', 'howard-baker', 'ismail-haniyeh', 'james-baker']
            MET      P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=3 gold=3
                missed: ['ali-khamenei -- ismail-haniyeh', 'george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            labels_with_titles: ['Supreme Leader Ali Khamenei']
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=0 correct=0 P=- optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
    assert_eq!(
        report.people.labels_with_titles,
        ["Supreme Leader Ali Khamenei"]
    );
}

#[test]
fn alias_votes() {
    let g = graph(
        vec![
            node("Abu al-Abed", &["Haniyeh", "Ismail Haniyeh", "Baker"]),
            node("Jim", &["Baker", "James Baker"]),
            node("Mr B", &["Baker"]),
        ],
        vec![(0, 1, met(&["d1"])), (0, 2, met(&["d1"]))],
    );
    check(
        GOLD,
        g,
        expect![[r#"
            people   P=1.000 R=0.500 F1=0.667
                missed: ['ali-khamenei', 'george-bush-jr', 'george-bush-sr']
            MET      P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=3 gold=3
                missed: ['ali-khamenei -- ismail-haniyeh', 'george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=0 correct=0 P=- optional=2
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
}

#[test]
fn fragmented_person() {
    let g = graph(
        vec![
            node("Khamenei", &[]),
            node("Haniyeh", &[]),
            node("Ayatollah Khamenei", &[]),
            node("Ismail Haniyeh", &[]),
        ],
        vec![(0, 1, met(&["d1"])), (2, 3, met(&["d2"]))],
    );
    let report = check(
        GOLD,
        g,
        expect![[r#"
            people   P=1.000 R=0.333 F1=0.500
                missed: ['george-bush-jr', 'george-bush-sr', 'howard-baker', 'james-baker']
                fragmented: {'ali-khamenei': ['Khamenei', 'Ayatollah Khamenei'], 'ismail-haniyeh': ['Haniyeh', 'Ismail Haniyeh']}
            MET      P=1.000 R=0.333 F1=0.500 tp=1 fp=0 fn=2 gold=3
                missed: ['george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=2 correct=2 P=1.000 optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/1 (found dated MET pairs with a gold date)
        "#]],
    );
    // Both edges hit one pair; only the first cites a document of the gold edge.
    assert_eq!(report.met.provenance_ok, "1/2");
}

#[test]
fn merged_people() {
    let g = graph(
        vec![
            node("James Baker", &["Baker", "Howard Baker"]),
            node("George Bush", &["George W. Bush"]),
        ],
        vec![],
    );
    let report = check(
        GOLD,
        g,
        expect![[r#"
            people   P=1.000 R=0.500 F1=0.667
                missed: ['ali-khamenei', 'howard-baker', 'ismail-haniyeh']
                merged: [{'node': 'James Baker', 'people': ['howard-baker', 'james-baker']}]
            MET      P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=3 gold=3
                missed: ['ali-khamenei -- ismail-haniyeh', 'george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=0 correct=0 P=- optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
    // Namesakes share one full name: "George Bush" is ambiguous, not a merge.
    assert_eq!(report.people.merged.len(), 1);
}

#[test]
fn spurious_person() {
    let g = graph(
        vec![
            node("Ali Khamenei", &[]),
            node("John Smith", &["Smith"]),
            node("Mahmoud Abbas", &[]),
        ],
        vec![(0, 1, met(&["d1"])), (1, 2, met(&["d1"]))],
    );
    check(
        GOLD,
        g,
        expect![[r#"
            people   P=0.500 R=0.167 F1=0.250
                missed: ['george-bush-jr', 'george-bush-sr', 'howard-baker', 'ismail-haniyeh', 'james-baker']
                spurious: ['John Smith']
            MET      P=0.000 R=0.000 F1=0.000 tp=0 fp=2 fn=3 gold=3
                missed: ['ali-khamenei -- ismail-haniyeh', 'george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
                false_positives: ['Ali Khamenei -- John Smith (unknown or ambiguous person)', 'John Smith -- Mahmoud Abbas (unknown or ambiguous person)']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=0 correct=0 P=- optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
}

#[test]
fn role_node_ignored() {
    let g = graph(
        vec![
            node("Ali Khamenei", &[]),
            node("Iran's foreign minister", &[]),
            node("Leaderless", &[]),
        ],
        vec![(0, 1, met(&["d1"])), (0, 2, met(&["d1"]))],
    );
    check(
        GOLD,
        g,
        expect![[r#"
            people   P=0.500 R=0.167 F1=0.250
                missed: ['george-bush-jr', 'george-bush-sr', 'howard-baker', 'ismail-haniyeh', 'james-baker']
                spurious: ['Leaderless']
            MET      P=0.000 R=0.000 F1=0.000 tp=0 fp=1 fn=3 gold=3
                missed: ['ali-khamenei -- ismail-haniyeh', 'george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
                false_positives: ['Ali Khamenei -- Leaderless (unknown or ambiguous person)']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=0 correct=0 P=- optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
}

#[test]
fn namesakes_resolved_by_documents() {
    let g = graph(
        vec![
            node("George Bush", &[]),
            node("James Baker", &[]),
            node("Howard Baker", &[]),
        ],
        vec![
            (0, 1, met(&["news/d1.txt"])), // d1 names the elder Bush: required
            (0, 2, met(&["d2"])),          // d2 names the younger: required
            (0, 2, edge(EdgeKind::Contact, &["d1", "d2"], 0.8)), // both: ambiguous
            (1, 0, edge(EdgeKind::Planned, &[], 0.8)), // no documents: ambiguous
        ],
    );
    let report = check(
        GOLD,
        g,
        expect![[r#"
            people   P=1.000 R=0.667 F1=0.800
                missed: ['ali-khamenei', 'ismail-haniyeh']
            MET      P=1.000 R=0.667 F1=0.800 tp=2 fp=0 fn=1 gold=3
                missed: ['ali-khamenei -- ismail-haniyeh']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=1 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
                false_positives: ['George Bush -- James Baker (unknown or ambiguous person)']
            CONTACT  P=0.000 R=0.000 F1=0.000 tp=0 fp=1 fn=0 gold=0
                false_positives: ['George Bush -- Howard Baker (unknown or ambiguous person)']
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=2 correct=2 P=1.000 optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
    assert_eq!(report.met.provenance_ok, "2/2");
}

#[test]
fn optional_edges_neither_rewarded_nor_penalized() {
    let g = graph(
        vec![
            node("Ismail Haniyeh", &[]),
            node("James Baker", &[]),
            node("Mahmoud Abbas", &[]),
        ],
        vec![(0, 1, met(&["d1"])), (0, 2, met(&["d1"]))],
    );
    check(
        GOLD,
        g,
        expect![[r#"
            people   P=1.000 R=0.333 F1=0.500
                missed: ['ali-khamenei', 'george-bush-jr', 'george-bush-sr', 'howard-baker']
            MET      P=0.000 R=0.000 F1=0.000 tp=0 fp=1 fn=3 gold=3
                missed: ['ali-khamenei -- ismail-haniyeh', 'george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
                false_positives: ['Ismail Haniyeh -- Mahmoud Abbas']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=1 correct=0 P=0.000 optional=1
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
}

#[test]
fn same_person_edge() {
    let g = graph(
        vec![node("Khamenei", &[]), node("Ayatollah Khamenei", &[])],
        vec![(0, 1, met(&["d1"]))],
    );
    check(
        GOLD,
        g,
        expect![[r#"
            people   P=1.000 R=0.167 F1=0.286
                missed: ['george-bush-jr', 'george-bush-sr', 'howard-baker', 'ismail-haniyeh', 'james-baker']
                fragmented: {'ali-khamenei': ['Khamenei', 'Ayatollah Khamenei']}
            MET      P=0.000 R=0.000 F1=0.000 tp=0 fp=1 fn=3 gold=3
                missed: ['ali-khamenei -- ismail-haniyeh', 'george-bush-jr -- howard-baker', 'george-bush-sr -- james-baker']
                false_positives: ['Khamenei -- Ayatollah Khamenei (same person)']
            PLANNED  P=0.000 R=0.000 F1=0.000 tp=0 fp=0 fn=1 gold=1
                missed: ['ali-khamenei -- ismail-haniyeh']
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=1 correct=0 P=0.000 optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
}

#[test]
fn empty_gold_and_graph_score_one() {
    check(
        r#"{"schema": "whomet-gold/1", "people": [], "edges": []}"#,
        Graph::default(),
        expect![[r#"
            people   P=1.000 R=1.000 F1=1.000
            MET      P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            PLANNED  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            CONTACT  P=1.000 R=1.000 F1=1.000 tp=0 fp=0 fn=0 gold=0
            reliability (edges between gold people, optional gold left out):
                confidence [0.0, 0.5) edges=0 correct=0 P=- optional=0
                confidence [0.5, 0.7) edges=0 correct=0 P=- optional=0
                confidence [0.7, 0.9) edges=0 correct=0 P=- optional=0
                confidence [0.9, 1.0] edges=0 correct=0 P=- optional=0
            MET dates 0/0 (found dated MET pairs with a gold date)
        "#]],
    );
}

#[test]
fn reliability_bins_and_met_dates() {
    let dated = |conf: f64, day: &str| Edge {
        date: PartialDate::parse(day),
        ..edge(EdgeKind::Met, &["d1"], conf)
    };
    let g = graph(
        vec![
            node("Ali Khamenei", &[]),
            node("Ismail Haniyeh", &[]),
            node("James Baker", &[]),
            node("George H. W. Bush", &[]),
            node("Howard Baker", &[]),
        ],
        vec![
            (0, 1, dated(0.95, "2024-03")),            // right, date right
            (2, 3, dated(1.0, "1990")),                // right, no gold dates
            (0, 2, dated(0.5, "1990")),                // wrong
            (1, 2, dated(0.2, "1990")),                // optional
            (2, 4, edge(EdgeKind::Contact, &[], 0.0)), // wrong
        ],
    );
    let report = score(&Gold::from_json(GOLD).expect("valid"), &g);
    let bins: Vec<_> = report
        .reliability
        .iter()
        .map(|b| (b.edges, b.correct, b.optional))
        .collect();
    assert_eq!(bins, [(1, 0, 1), (1, 0, 0), (0, 0, 0), (2, 2, 0)]);
    assert_eq!(
        report.met_dates,
        DateAccuracy {
            dated: 1,
            correct: 1
        }
    );
}

#[test]
fn report_serializes_like_score_py_json() {
    let g = graph(
        vec![
            node("Khamenei", &[]),
            node("Ali Khamenei", &[]),
            node("Haniyeh", &[]),
        ],
        vec![(1, 2, met(&["d1"]))],
    );
    let report = score(&Gold::from_json(GOLD).expect("valid"), &g);
    let json = serde_json::to_value(&report).expect("serializable");
    expect![[r#"
        {"f1":0.5,"fragmented":{"ali-khamenei":["Khamenei","Ali Khamenei"]},"labels_with_titles":[],"merged":[],"missed":["george-bush-jr","george-bush-sr","howard-baker","james-baker"],"precision":1.0,"recall":0.3333,"spurious":[]}
        {"f1":0.5,"false_positives":[],"fn":2,"fp":0,"gold":3,"missed":["george-bush-jr -- howard-baker","george-bush-sr -- james-baker"],"precision":1.0,"provenance_ok":"1/1","recall":0.3333,"tp":1}
        {"correct":0,"dated":1}
    "#]]
    .assert_eq(&format!("{}\n{}\n{}\n", json["people"], json["MET"], json["met_dates"]));
    let keys: Vec<_> = json.as_object().expect("object").keys().cloned().collect();
    assert_eq!(keys.len(), 6);
}

#[test]
fn gold_errors_say_what_is_wrong() {
    let err = |text: &str| Gold::from_json(text).expect_err("invalid gold").to_string();
    expect![[r#"gold file has schema "whomet-gold/0", but only "whomet-gold/1" can be scored"#]]
        .assert_eq(&err(
            r#"{"schema": "whomet-gold/0", "people": [], "edges": []}"#,
        ));
    expect![[r#"gold file has schema (none), but only "whomet-gold/1" can be scored"#]]
        .assert_eq(&err(r#"{"people": [], "edges": []}"#));
    expect![[r#"gold file does not follow schema whomet-gold/1: missing field `status`"#]].assert_eq(
        &err(r#"{"schema": "whomet-gold/1", "people": [], "edges": [{"a": "x", "b": "y", "type": "MET"}]}"#),
    );
    assert!(err(r#"{"schema": "whomet-gold/1", "people": [], "edges": [], "ignore_node_pattern": "(?!x)x"}"#)
        .starts_with(r#"gold ignore_node_pattern "(?!x)x" is not a supported regex"#));
    assert!(err("{").starts_with("gold file is not valid JSON"));
}

#[test]
fn python_repr_of_strings_and_lists() {
    let strs = [
        "plain",
        "O'Neill",
        "say \"hi\"",
        "both ' and \"",
        "back\\slash",
        "tab\there\n",
        "\u{a0}nbsp é \u{200b}",
        "\u{7f}\u{1}",
    ];
    expect![[r#"['plain', "O'Neill", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\there\n', '\xa0nbsp é \u200b', '\x7f\x01']"#]]
        .assert_eq(&strs.map(String::from).to_vec().repr());
    let merged = Merged {
        node: "A".into(),
        people: vec!["a".into(), "b".into()],
    };
    assert_eq!(vec![merged].repr(), "[{'node': 'A', 'people': ['a', 'b']}]");
    assert_eq!(Vec::<String>::new().repr(), "[]");
}

#[test]
fn rounding_matches_python() {
    assert_eq!(prf(2, 1, 0), (0.6667, 1.0, 0.8));
    assert_eq!(prf(0, 0, 3), (0.0, 0.0, 0.0));
    assert_eq!(prf(0, 0, 0), (1.0, 1.0, 1.0));
    // round() is half-to-even on the exact binary value: 1/32 = 0.03125 exactly rounds down.
    assert_eq!(prf(1, 31, 0).0, 0.0312);
    assert_eq!(prf(3, 29, 0).0, 0.0938);
    // 0.0005 and 1/3 are below their halfway points in binary.
    assert_eq!(py::round4(0.00015), 0.0001);
    assert_eq!(py::round4(1.0 / 3.0), 0.3333);
    // {:.3f} likewise: 0.125 and 0.0625 are exact ties, 0.1235 is a little below one.
    let f3 = |x: f64| format!("{x:.3}");
    assert_eq!(
        [f3(0.125), f3(0.0625), f3(0.1875), f3(0.1235), f3(0.6667)],
        ["0.125", "0.062", "0.188", "0.123", "0.667"]
    );
}
