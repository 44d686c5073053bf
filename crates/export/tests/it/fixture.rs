//! The nasty-names fixture: a small graph whose names and sentences break naive escaping. The
//! integration tests (`tests/it`) and the example `fixture` (which writes every format of it for
//! `ci/clients/check.py`) both include this file.

use whomet_core::{EdgeData, EdgeEvidence, EdgeKind, Evidence, PartialDate, PersonNode, Span};
use whomet_graph::Graph;

/// Four people (added in id order) and four edges (in (source, target, kind) order): quotes,
/// backslashes, markup, newlines, tabs, CR, control characters, an emoji, Arabic and Persian
/// script, `;` inside list items, and values starting with `=`, `+`, `-` and `@`.
pub fn fixture() -> Graph {
    let mut g = Graph::default();
    let amir = g.graph.add_node(person(
        "amir-abdollahian",
        "Hossein Amir-Abdollahian",
        &["Amir-Abdollahian", "حسین امیرعبداللهیان"],
        &["Foreign Minister"],
        &["a1", "a2"],
    ));
    let bob = g.graph.add_node(person(
        "bob",
        r#"Bob "The Builder" O'Neil <Ltd> & Co\Sons"#,
        &[
            "+Bobby",
            "-Bob",
            "=HYPERLINK(\"http://x\")",
            "@bob",
            "Bob\nNewline",
            "Bob\tTab",
            "Bob; Jr.",
        ],
        &[r"C:\new\table", "owner; builder"],
        &["-doc3", "a2"],
    ));
    let haniyeh = g.graph.add_node(person(
        "ismail-haniyeh",
        "إسماعيل هنية",
        &["Haniyeh", "Ismail Haniyeh 🕊️"],
        &["head of Hamas's political bureau"],
        &["-doc3", "a1", "a2"],
    ));
    g.graph
        .add_node(person("zed", "Zed\r\nCtrl\u{1}\u{FFFF}End", &[], &[], &[]));

    let contact = evidence(
        ("a2", 10, 52),
        "He said \"=1+1\"\non the phone.",
        "=spoke",
        0.6,
    );
    g.graph
        .add_edge(amir, bob, edge(EdgeKind::Contact, 0.6, vec![contact]));
    let met = vec![
        EdgeEvidence {
            date: PartialDate::parse("2024-03-26"),
            place: Some("Doha".into()),
            ..evidence(
                ("a1", 0, 48),
                "Amir-Abdollahian met Haniyeh in Doha.",
                "met",
                0.9,
            )
        },
        EdgeEvidence {
            date: PartialDate::parse("2024-03"),
            place: Some("Tehran".into()),
            ..evidence(
                ("a2", 100, 171),
                "They held talks in Tehran.",
                "held talks",
                0.7,
            )
        },
    ];
    g.graph
        .add_edge(amir, haniyeh, edge(EdgeKind::Met, 0.97, met));
    let planned = EdgeEvidence {
        date: PartialDate::parse("2024"),
        place: Some("@Home".into()),
        ..evidence(("a1", 49, 90), "They will meet again.", "will meet", 0.5)
    };
    g.graph
        .add_edge(amir, haniyeh, edge(EdgeKind::Planned, 0.5, vec![planned]));
    let gaza = EdgeEvidence {
        place: Some("+Gaza; Rafah".into()),
        ..evidence(("-doc3", 7, 30), "-Bob\tmet إسماعيل هنية 🕊️.", "@met", 0.25)
    };
    g.graph
        .add_edge(bob, haniyeh, edge(EdgeKind::Met, 0.25, vec![gaza]));
    g
}

fn person(id: &str, label: &str, aliases: &[&str], roles: &[&str], docs: &[&str]) -> PersonNode {
    let strings = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect();
    PersonNode {
        id: id.into(),
        label: label.into(),
        aliases: strings(aliases),
        roles: strings(roles),
        mentions: 2 * docs.len() + 1,
        documents: strings(docs),
        credit: false,
        merges: Vec::new(),
    }
}

fn evidence(
    (doc, start, end): (&str, usize, usize),
    text: &str,
    trigger: &str,
    confidence: f64,
) -> EdgeEvidence {
    EdgeEvidence {
        evidence: Evidence {
            doc: doc.into(),
            sentence: Span::new(start, end),
            text: text.into(),
            trigger: trigger.into(),
            confidence,
            cues: Vec::new(),
        },
        date: None,
        place: None,
    }
}

/// An edge whose documents, dates and places are gathered from its evidence.
fn edge(kind: EdgeKind, confidence: f64, evidence: Vec<EdgeEvidence>) -> EdgeData {
    let mut documents: Vec<String> = evidence.iter().map(|e| e.evidence.doc.clone()).collect();
    documents.sort();
    documents.dedup();
    let mut places: Vec<String> = evidence.iter().filter_map(|e| e.place.clone()).collect();
    places.sort();
    places.dedup();
    EdgeData {
        kind,
        confidence,
        weight: evidence.iter().map(|e| e.evidence.confidence).sum(),
        first_date: evidence.iter().filter_map(|e| e.date).min(),
        last_date: evidence.iter().filter_map(|e| e.date).max(),
        evidence,
        documents,
        places,
    }
}
