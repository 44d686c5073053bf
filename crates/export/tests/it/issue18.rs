//! Issue 18: exports of hostile or huge graphs.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use std::sync::mpsc;
use std::time::Duration;
use whomet_core::EdgeKind;
use whomet_export::{Format, render};
use whomet_graph::{EdgeData, Graph, PersonNode};

/// `people` people and `edges` MET edges between pseudo-random pairs (distinct pairs, no loops).
pub(crate) fn dense(people: usize, edges: usize) -> Graph {
    let mut g = Graph::default();
    g.add_doc("d");
    let nodes: Vec<_> = (0..people)
        .map(|i| {
            g.graph.add_node(PersonNode {
                id: format!("p{i:05}"),
                label: format!("Person {i}"),
                aliases: Box::new([]),
                roles: Box::new([]),
                mentions: 1,
                documents: Box::new([]),
                credit: false,
                merges: Box::new([]),
            })
        })
        .collect();
    let mut pairs = std::collections::BTreeSet::new();
    let mut k = 0usize;
    while pairs.len() < edges {
        k += 1;
        let (i, j) = ((k * 7919) % people, (k * 104_729 + k / people) % people);
        if i != j {
            pairs.insert((i.min(j), i.max(j)));
        }
    }
    for (i, j) in pairs {
        let list = g.evidence_list(vec![]);
        let e = EdgeData {
            confidence: 0.5,
            weight: 0.5,
            ..g.edge_data(EdgeKind::Met, list)
        };
        g.graph.add_edge(nodes[i], nodes[j], e);
    }
    g
}

/// Renders `format` of `graph` in a thread; fails if it takes longer than `limit`.
pub(crate) fn render_within(graph: Graph, format: Format, limit: Duration) -> String {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let files = render(format, &graph).expect("render");
        let _ = tx.send(String::from_utf8(files.into_iter().next().unwrap().1).unwrap());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("{format:?} still rendering after {limit:?}"))
}

/// Item 12: a name holding entity text (`&#1;`, `&amp;`) gives a DOT file whose labels
/// Graphviz shows as written, and a well-formed SVG (the `&` was passed raw, Graphviz decoded
/// `&#1;` into a character XML forbids, and `dot` warned).
#[test]
fn issue18_entity_text_in_names_survives_dot_and_svg() {
    let mut g = dense(2, 1);
    let label = "Tom &#1; & Jerry &amp; Co";
    for n in g.graph.node_weights_mut() {
        n.label = label.to_string();
    }
    let dot = render_within(g.clone(), Format::Dot, Duration::from_secs(60));
    assert!(
        dot.contains("label=\"Tom &amp;#1; &amp; Jerry &amp;amp; Co\""),
        "{dot}"
    );
    let svg = render_within(g, Format::Svg, Duration::from_secs(60));
    let mut reader = quick_xml::Reader::from_str(&svg);
    let mut texts: Vec<String> = Vec::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                in_text = e.name().as_ref() == "text";
                if in_text {
                    texts.push(String::new());
                }
            }
            Ok(Event::End(_)) => in_text = false,
            Ok(Event::Text(t)) if in_text => texts.last_mut().unwrap().push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if in_text => {
                let text = texts.last_mut().unwrap();
                match r.resolve_char_ref().unwrap() {
                    Some(c) => text.push(c),
                    None => text.push_str(resolve_predefined_entity(&r).unwrap()),
                }
            }
            Ok(_) => {}
            Err(e) => panic!("graph.svg is not well-formed: {e}\n{svg}"),
        }
    }
    assert!(texts.iter().any(|t| t == label), "{texts:?}\n{svg}");
}

/// Item 13: the formula guard round-trips: a value that already starts with `'` is guarded too,
/// so the documented reader rule (drop one leading `'`) gives every value back, in
/// `evidence.csv` and in the Gephi CSV (where `\` is also doubled).
#[test]
fn issue18_formula_guard_round_trips_a_leading_quote() {
    let graph = crate::fixture::fixture();
    let cells = |format: Format, name: &str| -> Vec<Vec<String>> {
        let text = crate::file(format, name);
        csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    let unguard = |s: &str| s.strip_prefix('\'').unwrap_or(s).to_string();
    let evidence = cells(Format::EvidenceCsv, "evidence.csv");
    let triggers: Vec<String> = evidence.iter().map(|r| unguard(&r[9])).collect();
    let expected: Vec<String> = graph
        .edges()
        .flat_map(|(_, _, e)| graph.evidence(e).map(|x| x.trigger.to_string()))
        .collect();
    assert_eq!(triggers, expected);
    assert!(triggers.contains(&"'will meet".to_string()));
    let nodes = cells(Format::GephiCsv, "gephi-nodes.csv");
    let aliases = unguard(&nodes[2][2]).replace("\\\\", "\\");
    assert_eq!(aliases, "'Abu al-Abed; Haniyeh; Ismail Haniyeh 🕊️");
}

/// Item 16: `ci/clients/check.py` accepts what `docs/FORMATS.md` calls correct: the fixture
/// holds a `;` inside a document id (Gephi lists write it `,`), a tab in a name (a space in DOT
/// and in SVG tooltips), entity text and a value starting with `'`. The checks that need only
/// Python's standard library run here (the others, with their clients, in `ci/clients/run.sh`).
#[test]
fn issue18_client_check_agrees_with_formats_md() {
    let dir = std::env::temp_dir().join(format!("whomet-export-i18-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    crate::fixture::write_fixture(&dir).unwrap();
    let check = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ci/clients/check.py");
    let o = std::process::Command::new("python3")
        .arg(&check)
        .arg(&dir)
        .args(["--only", "gephi,svg,evidence"])
        .output()
        .expect("python3 runs (it is on the machine and in CI)");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout.contains("3 passed, 0 failed"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}
