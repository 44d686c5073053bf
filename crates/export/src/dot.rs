//! `graph.dot`.

use crate::svg::{Diagram, Layout};
use crate::{ExportError, dates, degrees, is_xml_char};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::io::Write;
use whomet_core::EdgeKind;
use whomet_graph::Graph;
use whomet_graph::{EdgeData, PersonNode};

/// Writes `graph.dot`: an undirected Graphviz graph `whomet`, made of graphviz-rust's DOT model
/// statements printed by its printer one at a time, as they are written (so that a large graph
/// is never held in memory twice). Connected groups of people are packed together
/// (`packmode="graph"`), so that people without edges do not stretch the drawing into one long
/// row; they are drawn in grey. People seen only as photo credits or bylines are left out
/// ([`crate::Diagram`] says who is drawn).
pub fn write_dot(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    write_dot_with(graph, &Layout::default(), out)
}

/// [`write_dot`] drawing the people `layout.diagram` says.
pub(crate) fn write_dot_with(
    graph: &Graph,
    layout: &Layout,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    write_dot_diagram(graph, layout.diagram, out)
}

fn write_dot_diagram(
    graph: &Graph,
    diagram: Diagram,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    // What graphviz-rust's `Graph` printer writes around the statements, which it indents by
    // two spaces and separates by line breaks.
    let mut ctx = PrinterContext::default();
    let mut id = DotGraph::Graph {
        id: Id::Plain("whomet".to_string()),
        strict: false,
        stmts: vec![],
    }
    .print(&mut ctx);
    let close = id.split_off(id.find('{').map_or(id.len(), |i| i + 1));
    let close = close.trim_start();
    write!(out, "{id}")?;
    let mut ctx = PrinterContext::default();
    for stmt in statements(graph, diagram) {
        write!(out, "\n  {}", stmt.print(&mut ctx))?;
    }
    writeln!(out, "\n{close}")?;
    Ok(())
}

/// The text of `graph.dot`.
pub(crate) fn dot_text(graph: &Graph, diagram: Diagram) -> String {
    let mut text = Vec::new();
    write_dot_diagram(graph, diagram, &mut text).expect("writing to memory");
    String::from_utf8(text).expect("DOT text is UTF-8")
}

fn statements(graph: &Graph, diagram: Diagram) -> impl Iterator<Item = Stmt> + '_ {
    let degree = degrees(graph);
    let shown: Vec<bool> = (graph.nodes().zip(&degree))
        .map(|(n, &d)| diagram.shows(n, d))
        .collect();
    let settings = Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("pack", Id::Plain("16".to_string())),
        attr("packmode", quoted("graph")),
    ]));
    let nodes = (graph.nodes().enumerate())
        .filter(move |&(i, _)| shown[i])
        .map(move |(i, n)| {
            let degree = degree[i];
            let size = (degree as f64).sqrt();
            let mut attributes = vec![
                attr("label", quoted(&n.label)),
                attr("tooltip", quoted(&node_tooltip(graph, n))),
                attr("width", number(0.75 + 0.25 * size)),
                attr("fontsize", number(14.0 + 2.0 * size)),
            ];
            if degree == 0 {
                attributes.push(attr("color", Id::Plain("gray60".to_string())));
                attributes.push(attr("fontcolor", Id::Plain("gray40".to_string())));
            }
            Stmt::Node(Node::new(node_id(n), attributes))
        });
    let edges = graph.edges().map(|(a, b, e)| {
        let (style, color) = match e.kind {
            EdgeKind::Met => ("solid", "black"),
            EdgeKind::Contact => ("dashed", "royalblue"),
            EdgeKind::Planned => ("dotted", "darkorange"),
        };
        let attributes = vec![
            attr("style", Id::Plain(style.to_string())),
            attr("color", Id::Plain(color.to_string())),
            attr("penwidth", number(1.0 + 3.0 * e.confidence)),
            attr("tooltip", quoted(&edge_tooltip(graph, a, b, e))),
        ];
        let ty = EdgeTy::Pair(Vertex::N(node_id(a)), Vertex::N(node_id(b)));
        Stmt::Edge(Edge { ty, attributes })
    });
    std::iter::once(settings).chain(nodes).chain(edges)
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
