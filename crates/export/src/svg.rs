//! `graph.svg`.

use crate::ExportError;
use crate::dot::dot_text;
use std::io::Write;
use whomet_graph::Graph;

/// Graphs with more people than this are not laid out: graphviz-pure's `dot` layout takes time
/// that grows much faster than the graph.
pub const MAX_DRAWN_PEOPLE: usize = 1500;

/// Graphs with more edges than this are not laid out: on 300 people, 1,000 edges take 0.2 s,
/// 2,000 edges 4 s and 4,000 edges 91 s; the densest 1,000-edge graphs tried (60 people) 8 s.
pub const MAX_DRAWN_EDGES: usize = 1000;

/// Whether `graph` is small enough to be drawn: at most [`MAX_DRAWN_PEOPLE`] people and
/// [`MAX_DRAWN_EDGES`] edges. A larger graph's `graph.svg` is a short note saying so, and
/// `report.html` has that note instead of the drawing.
pub fn drawable(graph: &Graph) -> bool {
    drawable_with(graph, Diagram::default())
}

/// [`drawable`], counting only the people `diagram` draws.
pub fn drawable_with(graph: &Graph, diagram: Diagram) -> bool {
    let degree = crate::degrees(graph);
    let people = graph
        .nodes()
        .zip(&degree)
        .filter(|(n, d)| diagram.shows(n, **d))
        .count();
    people <= MAX_DRAWN_PEOPLE && graph.graph.edge_count() <= MAX_DRAWN_EDGES
}

/// Who is drawn in the diagram outputs (`graph.dot`, `graph.svg`, the report's drawing and
/// people table). The data files always hold everyone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Diagram {
    /// Leave out people without edges.
    pub drop_isolated: bool,
    /// Draw people seen only as photo credits or bylines (left out by default).
    pub show_credits: bool,
}

impl Diagram {
    /// Whether `node`, with `degree` edges, is drawn. A credit with an edge is drawn (it is in
    /// a meeting), so every edge drawn has both its people.
    pub fn shows(&self, node: &whomet_graph::PersonNode, degree: usize) -> bool {
        (self.show_credits || !node.credit || degree > 0) && (!self.drop_isolated || degree > 0)
    }
}

/// The drawing of one graph, made at most once: `graph.svg` and `report.html` written with the
/// same `Layout` (from any threads) share one layout. It also holds who is drawn ([`Diagram`]).
#[derive(Debug, Default)]
pub struct Layout {
    drawn: std::sync::OnceLock<Result<String, String>>,
    /// Who is drawn.
    pub diagram: Diagram,
}

impl Layout {
    /// A layout drawing the people `diagram` says.
    pub fn new(diagram: Diagram) -> Layout {
        Layout {
            drawn: std::sync::OnceLock::new(),
            diagram,
        }
    }

    /// The SVG text of `graph` (the graph must be the same at every call).
    pub(crate) fn svg(&self, graph: &Graph) -> Result<&str, ExportError> {
        self.drawn
            .get_or_init(|| svg_text(graph, self.diagram))
            .as_deref()
            .map_err(|e| ExportError::Render(e.clone()))
    }
}

/// Writes `graph.svg`: `graph.dot` laid out with the `dot` engine and drawn by graphviz-pure, a
/// pure-Rust port of Graphviz, in this process (no `dot` binary needed). The bytes depend only on
/// the graph and the pinned graphviz-pure version. A graph too large to lay out quickly (see
/// [`drawable`]) gives a small SVG that says so.
pub fn write_svg(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    write_svg_with(graph, &Layout::default(), out)
}

/// [`write_svg`] with a shared [`Layout`].
pub(crate) fn write_svg_with(
    graph: &Graph,
    layout: &Layout,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    out.write_all(layout.svg(graph)?.as_bytes())?;
    Ok(())
}

/// Why `graph` is not drawn, for the note that replaces the drawing.
pub(crate) fn not_drawn(graph: &Graph) -> String {
    format!(
        "Not drawn: {} people and {} edges (whomet draws at most {MAX_DRAWN_PEOPLE} people and {MAX_DRAWN_EDGES} edges; laying out more is slow). Open graph.gexf or graph.graphml in Gephi instead.",
        graph.graph.node_count(),
        graph.graph.edge_count()
    )
}

fn svg_text(graph: &Graph, diagram: Diagram) -> Result<String, String> {
    if !drawable_with(graph, diagram) {
        return Ok(format!(
            concat!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n",
                "<svg width=\"720pt\" height=\"40pt\" viewBox=\"0 0 720 40\" xmlns=\"http://www.w3.org/2000/svg\">\n",
                "<g id=\"graph0\" class=\"graph\"><title>whomet</title>\n",
                "<text x=\"8\" y=\"24\" font-family=\"Times,serif\" font-size=\"12.00\">{}</text>\n",
                "</g>\n</svg>\n"
            ),
            not_drawn(graph)
        ));
    }
    let rendered = graphviz_pure::render_dot(&dot_text(graph, diagram), "dot", "svg")
        .map_err(|e| e.to_string())?;
    Ok(rendered.into_output())
}
