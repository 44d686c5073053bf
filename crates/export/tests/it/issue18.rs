//! Issue 18: exports of hostile or huge graphs.

use std::sync::mpsc;
use std::time::Duration;
use whomet_core::EdgeKind;
use whomet_export::{Format, render};
use whomet_graph::{EdgeData, Graph, PersonNode};

/// `people` people and `edges` MET edges between pseudo-random pairs (distinct pairs, no loops).
fn dense(people: usize, edges: usize) -> Graph {
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
fn render_within(graph: Graph, format: Format, limit: Duration) -> String {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let files = render(format, &graph).expect("render");
        let _ = tx.send(String::from_utf8(files.into_iter().next().unwrap().1).unwrap());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("{format:?} still rendering after {limit:?}"))
}

/// Item 3: the layout is bounded by edges as well as people: 300 people with 4,000 edges (489 s
/// of layout before) give, at once, an SVG and a report that say the graph is not drawn; the
/// report still lists every edge.
#[test]
fn issue18_layout_is_bounded_by_edges() {
    let edges = whomet_export::MAX_DRAWN_EDGES * 4;
    assert!(!whomet_export::drawable(&dense(300, edges)));
    let svg = render_within(dense(300, edges), Format::Svg, Duration::from_secs(30));
    assert!(
        svg.contains(&format!("Not drawn: 300 people and {edges} edges")),
        "{svg}"
    );
    let mut reader = quick_xml::Reader::from_str(&svg);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("graph.svg is not well-formed: {e}"),
        }
    }
    let html = render_within(dense(300, edges), Format::Html, Duration::from_secs(30));
    assert!(html.contains("<p class=\"not-drawn\">Not drawn: 300 people"));
    assert!(!html.contains("<svg"));
    assert_eq!(html.matches("<tr data-edge=").count(), edges);
    // People alone still bound it.
    let many = dense(whomet_export::MAX_DRAWN_PEOPLE + 1, 10);
    assert!(!whomet_export::drawable(&many));
    let svg = render_within(many, Format::Svg, Duration::from_secs(30));
    assert!(svg.contains("Not drawn: 1501 people and 10 edges"), "{svg}");
    // A small graph is drawn.
    assert!(whomet_export::drawable(&dense(30, 40)));
    let svg = render_within(dense(30, 40), Format::Svg, Duration::from_secs(120));
    assert_eq!(svg.matches("<g id=\"edge").count(), 40);
}
