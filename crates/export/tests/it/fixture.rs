//! The nasty-names fixture: a small graph whose names and sentences break naive escaping. The
//! integration tests (`tests/it`) and the example `fixture` (which writes every format of it for
//! `ci/clients/check.py`) both include this file.

use whomet_core::{EdgeKind, PartialDate, Span};
use whomet_graph::{EdgeData, EventId, Graph, PersonNode};

/// Four people (added in id order) and four edges (in (source, target, kind) order): quotes,
/// backslashes, markup, newlines, tabs, CR, control characters, entity text (`&#1;`), an emoji,
/// Arabic and Persian script, `;` inside list items and a document id, and values starting with
/// `=`, `+`, `-`, `@` and `'`.
pub fn fixture() -> Graph {
    let mut g = Graph::default();
    // Documents in id order, as the graph builder keeps them.
    for d in ["-doc3", "a1", "a2", "a3;b"] {
        g.add_doc(d);
    }
    // Article data that breaks naive escaping, and an address that must never be a link.
    let a1 = g.article_mut(whomet_graph::DocId(1));
    a1.title = Some("Talks in \"Doha\" = peace?\nA <b>second</b> line & more".into());
    a1.url = Some("https://example.org/a1?x=1&y=<2>".into());
    a1.source = Some("Reuters; Wire".into());
    a1.sources = Box::new(["Reuters; Wire".into(), "=cmd".into()]);
    a1.copy_ids = Box::new(["a1-copy".into()]);
    a1.date = whomet_core::NaiveDate::from_ymd_opt(2024, 3, 26);
    let a2 = g.article_mut(whomet_graph::DocId(2));
    a2.title = Some("'Quoted".into());
    a2.url = Some("javascript:alert(1)".into());
    a2.source = Some("=cmd".into());
    a2.sources = Box::new(["=cmd".into()]);
    let amir = person(
        &mut g,
        "amir-abdollahian",
        "Hossein Amir-Abdollahian",
        &["Amir-Abdollahian", "حسین امیرعبداللهیان"],
        &["Foreign Minister"],
        &["a1", "a2"],
    );
    let bob = person(
        &mut g,
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
    );
    let haniyeh = person(
        &mut g,
        "ismail-haniyeh",
        "إسماعيل هنية",
        &["'Abu al-Abed", "Haniyeh", "Ismail Haniyeh 🕊️"],
        &["head of Hamas's political bureau"],
        &["-doc3", "a1", "a2"],
    );
    person(
        &mut g,
        "zed",
        "Zed\r\nCtrl\u{1}\u{FFFF}\tEnd &#1;",
        &[],
        &[],
        &["a3;b"],
    );

    let contact = evidence(
        &mut g,
        ("a2", 10, 52),
        "He said \"=1+1\"\non the phone.",
        "=spoke",
        0.6,
        (None, None),
    );
    let e = edge(&mut g, EdgeKind::Contact, 0.6, vec![contact]);
    g.graph.add_edge(amir, bob, e);
    let met = vec![
        evidence(
            &mut g,
            ("a1", 0, 48),
            "Amir-Abdollahian met Haniyeh in Doha.",
            "met",
            0.9,
            (PartialDate::parse("2024-03-26"), Some("Doha")),
        ),
        evidence(
            &mut g,
            ("a2", 100, 171),
            "They held talks in Tehran.",
            "held talks",
            0.7,
            (PartialDate::parse("2024-03"), Some("Tehran")),
        ),
    ];
    let e = edge(&mut g, EdgeKind::Met, 0.97, met);
    g.graph.add_edge(amir, haniyeh, e);
    let planned = evidence(
        &mut g,
        ("a1", 49, 90),
        "They will meet again.",
        "'will meet",
        0.5,
        (PartialDate::parse("2024"), Some("@Home")),
    );
    let e = edge(&mut g, EdgeKind::Planned, 0.5, vec![planned]);
    g.graph.add_edge(amir, haniyeh, e);
    let gaza = evidence(
        &mut g,
        ("-doc3", 7, 30),
        "-Bob\tmet إسماعيل هنية 🕊️.",
        "@met",
        0.25,
        (None, Some("+Gaza; Rafah")),
    );
    let e = edge(&mut g, EdgeKind::Met, 0.25, vec![gaza]);
    g.graph.add_edge(bob, haniyeh, e);
    g
}

fn doc(g: &Graph, id: &str) -> whomet_graph::DocId {
    (0..4)
        .map(whomet_graph::DocId)
        .find(|&d| g.doc(d) == id)
        .expect("fixture document")
}

fn person(
    g: &mut Graph,
    id: &str,
    label: &str,
    aliases: &[&str],
    roles: &[&str],
    docs: &[&str],
) -> whomet_graph::petgraph::graph::NodeIndex {
    let documents = docs.iter().map(|d| doc(g, d)).collect();
    let aliases = aliases.iter().map(|a| g.intern(a)).collect();
    let roles = roles.iter().map(|r| g.intern(r)).collect();
    g.graph.add_node(PersonNode {
        id: id.into(),
        label: label.into(),
        aliases,
        roles,
        mentions: 2 * docs.len() + 1,
        documents,
        credit: false,
        merges: Box::new([]),
    })
}

fn evidence(
    g: &mut Graph,
    (id, start, end): (&str, usize, usize),
    text: &str,
    trigger: &str,
    confidence: f64,
    (date, place): (Option<PartialDate>, Option<&str>),
) -> EventId {
    let d = doc(g, id);
    g.add_event(
        d,
        Span::new(start, end),
        text,
        trigger,
        confidence,
        &[],
        date,
        place,
    )
}

/// An edge with the given confidence; weight and dates are gathered from its evidence.
fn edge(g: &mut Graph, kind: EdgeKind, confidence: f64, evidence: Vec<EventId>) -> EdgeData {
    let weight = evidence.iter().map(|&e| g.event(e).confidence).sum();
    let list = g.evidence_list(evidence);
    EdgeData {
        confidence,
        weight,
        ..g.edge_data(kind, list)
    }
}

/// Writes every format of the fixture into `dir`, and `fixture.json`, the graph itself (people
/// and edges with every field), for `ci/clients/check.py`. Returns the number of files.
pub fn write_fixture(dir: &std::path::Path) -> Result<usize, Box<dyn std::error::Error>> {
    use whomet_export::{Format, render};
    std::fs::create_dir_all(dir)?;
    let graph = fixture();
    let mut n = 0;
    for format in Format::ALL {
        for (name, bytes) in render(format, &graph)? {
            std::fs::write(dir.join(name), bytes)?;
            n += 1;
        }
    }
    let place = |p: Option<whomet_graph::places::Place>| {
        p.map(|p| serde_json::json!({"name": p.name, "country": p.country, "lat": p.lat, "lng": p.lng}))
    };
    let places = graph.node_places();
    let people: Vec<_> = graph
        .nodes()
        .zip(places)
        .map(|(n, at)| {
            let documents: Vec<&str> = graph.docs(&n.documents).collect();
            let aliases: Vec<&str> = graph.strs(&n.aliases).collect();
            let roles: Vec<&str> = graph.strs(&n.roles).collect();
            serde_json::json!({"id": n.id, "label": n.label, "aliases": aliases,
                "roles": roles, "mentions": n.mentions, "documents": documents,
                "credit": n.credit, "place": place(at)})
        })
        .collect();
    let edges: Vec<_> = graph
        .edges()
        .map(|(a, b, e)| {
            let evidence: Vec<_> = graph
                .evidence(e)
                .map(|x| {
                    let cues: Vec<&str> = x.cues().collect();
                    serde_json::json!({"date": x.date, "place": x.place, "evidence": {
                        "doc": x.doc, "sentence": x.sentence, "text": x.text,
                        "trigger": x.trigger, "confidence": x.confidence, "cues": cues}})
                })
                .collect();
            let data = serde_json::json!({"kind": e.kind, "confidence": e.confidence,
                "weight": e.weight, "documents": graph.documents(e),
                "first_date": e.first_date, "last_date": e.last_date,
                "places": graph.places(e), "evidence": evidence,
                "articles": graph.reach(e).articles, "sources": graph.reach(e).sources,
                "place": place(graph.edge_place(e))});
            serde_json::json!({"source": a.id, "target": b.id, "data": data})
        })
        .collect();
    let truth = serde_json::json!({"people": people, "edges": edges});
    std::fs::write(
        dir.join("fixture.json"),
        serde_json::to_string_pretty(&truth)? + "\n",
    )?;
    Ok(n + 1)
}
