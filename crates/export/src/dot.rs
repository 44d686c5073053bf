//! `graph.dot`.

use crate::drawing::{Drawing, Layout, hex};
use crate::{ExportError, dates, degrees, is_xml_char};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::io::Write;
use whomet_core::EdgeKind;
use whomet_graph::Graph;
use whomet_graph::{EdgeData, PersonNode};

/// Writes `graph.dot`: an undirected Graphviz graph `whomet`, made as graphviz-rust's DOT model
/// and printed whole by its printer (a diagram holds at most [`crate::MAX_DRAWN_PEOPLE`] people
/// and [`crate::MAX_DRAWN_EDGES`] edges, so the model and its text stay small). Each person has
/// the `pos` of the shared layout (in points, for `neato -n2`) and the colour of their
/// community; people without edges are grey. A graph of more than [`crate::MAX_DRAWN_PEOPLE`] people shows only the most connected of them, and its
/// `label` (the title drawn above it) says so. People seen only as photo credits or bylines are
/// left out ([`crate::Diagram`] says who may be drawn).
pub fn write_dot(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    write_dot_with(graph, &Layout::default(), out)
}

/// [`write_dot`] with a shared [`Layout`].
pub(crate) fn write_dot_with(
    graph: &Graph,
    layout: &Layout,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    let drawing = layout.drawing(graph);
    let dot = DotGraph::Graph {
        id: Id::Plain("whomet".to_string()),
        strict: false,
        stmts: statements(graph, drawing).collect(),
    };
    writeln!(out, "{}", dot.print(&mut PrinterContext::default()))?;
    Ok(())
}

/// The text of `graph.dot`.
pub(crate) fn dot_text(graph: &Graph, layout: &Layout) -> String {
    let mut text = Vec::new();
    write_dot_with(graph, layout, &mut text).expect("writing to memory");
    String::from_utf8(text).expect("DOT text is UTF-8")
}

fn statements<'g>(graph: &'g Graph, drawing: &'g Drawing) -> impl Iterator<Item = Stmt> + 'g {
    let degree = degrees(graph);
    let settings = Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("label", quoted(&drawing.title())),
        attr("labelloc", Id::Plain("t".to_string())),
        attr("fontsize", number(20.0)),
        attr("outputorder", Id::Plain("edgesfirst".to_string())),
    ]));
    let points = points(drawing);
    let people: Vec<&PersonNode> = graph.nodes().collect();
    let nodes = drawing.drawn.iter().zip(points).map(move |(&v, [x, y])| {
        let i = v as usize;
        let n = people[i];
        let degree = degree[i];
        // Bigger with more edges, up to 16 (hubs of large graphs would cover the drawing).
        let size = (degree as f64).sqrt().min(4.0);
        let mut attributes = vec![
            attr("label", quoted(&n.label)),
            attr("tooltip", quoted(&node_tooltip(graph, n))),
            attr("width", number(0.75 + 0.25 * size)),
            attr("fontsize", number(14.0 + 2.0 * size)),
            attr("pos", quoted(&format!("{x:.1},{y:.1}"))),
            attr("style", Id::Plain("filled".to_string())),
            attr("fillcolor", quoted(&hex(tint(drawing.color(i))))),
            attr("color", quoted(&hex(drawing.color(i)))),
        ];
        if degree == 0 {
            attributes.truncate(attributes.len() - 3);
            attributes.push(attr("color", Id::Plain("gray60".to_string())));
            attributes.push(attr("fontcolor", Id::Plain("gray40".to_string())));
        }
        Stmt::Node(Node::new(node_id(n), attributes))
    });
    let raw = graph.graph.raw_edges();
    let edges = drawing.drawn_edges.iter().map(move |&e| &raw[e as usize]);
    let edges = edges.map(|e| {
        let (a, b, e) = (
            &graph.graph[e.source()],
            &graph.graph[e.target()],
            &e.weight,
        );
        let (style, color) = match e.kind {
            EdgeKind::Met => ("solid", "black"),
            EdgeKind::Contact => ("dashed", "royalblue"),
            EdgeKind::Planned => ("dotted", "darkorange"),
        };
        let attributes = vec![
            attr("style", Id::Plain(style.to_string())),
            attr("color", Id::Plain(color.to_string())),
            attr("penwidth", number(0.5 + 5.5 * e.confidence * e.confidence)),
            attr("tooltip", quoted(&edge_tooltip(graph, a, b, e))),
        ];
        let ty = EdgeTy::Pair(Vertex::N(node_id(a)), Vertex::N(node_id(b)));
        Stmt::Edge(Edge { ty, attributes })
    });
    std::iter::once(settings).chain(nodes).chain(edges)
}

/// The drawn people's positions in points ([`Drawing::diagram`]) scaled so that the people
/// have room for their names (about 160 points a person across), y upwards as Graphviz wants.
fn points(drawing: &Drawing) -> Vec<[f64; 2]> {
    let pos = &drawing.diagram;
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in pos {
        (x0, y0) = (x0.min(p[0]), y0.min(p[1]));
        (x1, y1) = (x1.max(p[0]), y1.max(p[1]));
    }
    let side = 160.0 * (pos.len() as f64).sqrt();
    let span = (x1 - x0).max(y1 - y0);
    let scale = if span > 0.0 { side / span } else { 1.0 };
    pos.iter()
        .map(|p| [60.0 + (p[0] - x0) * scale, 60.0 + (y1 - p[1]) * scale])
        .collect()
}

/// A light, opaque tint of `c` (a quarter of it over white), so that edges do not show through
/// the people.
fn tint(c: [u8; 3]) -> [u8; 3] {
    c.map(|x| (255 - (255 - u16::from(x)) / 4) as u8)
}

fn node_tooltip(graph: &Graph, n: &PersonNode) -> String {
    let joined = |syms| graph.strs(syms).collect::<Vec<_>>().join("; ");
    format!(
        "{}\naliases: {}\nroles: {}\nmentions: {}, documents: {}",
        n.label,
        or(joined(&n.aliases), "none"),
        or(joined(&n.roles), "none"),
        n.mentions,
        n.documents.len()
    )
}

fn edge_tooltip(graph: &Graph, a: &PersonNode, b: &PersonNode, e: &EdgeData) -> String {
    let dates = dates(e);
    format!(
        "{} {} {}\ndate: {}\nplaces: {}\nevidence: {}, documents: {}",
        a.label,
        e.kind,
        b.label,
        or(dates, "unknown"),
        or(graph.places(e).join("; "), "unknown"),
        e.evidence.len(),
        graph.documents(e).len()
    )
}

/// `s`, or `default` when `s` is empty.
fn or(s: String, default: &str) -> String {
    if s.is_empty() { default.to_string() } else { s }
}

fn attr(name: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(name.to_string()), value)
}

fn node_id(n: &PersonNode) -> NodeId {
    NodeId(quoted(&n.id), None)
}

fn number(x: f64) -> Id {
    Id::Plain(format!("{x:.2}"))
}

/// A double-quoted DOT string. graphviz-rust prints ids as given, so `\` and `"` are escaped
/// here; a line break (LF, CRLF or CR) becomes `\n`; characters XML 1.0 forbids (they would
/// break SVG output) become U+FFFD; `&` becomes `&amp;`, since Graphviz reads entities in
/// strings (`&#1;` would reach the SVG as a forbidden character) and shows `&amp;` as `&`; a
/// tab becomes a space (Graphviz has no width for it, and an SVG tooltip, an XML attribute,
/// reads it back as a space anyway).
fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push(char::REPLACEMENT_CHARACTER),
        }
    }
    out.push('"');
    Id::Escaped(out)
}
