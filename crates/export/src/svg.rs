//! `graph.svg`.

use crate::ExportError;
use crate::dot::dot_text;
use std::io::Write;
use whomet_graph::Graph;

/// Writes `graph.svg`: `graph.dot` laid out with the `dot` engine and drawn by graphviz-pure, a
/// pure-Rust port of Graphviz, in this process (no `dot` binary needed). The bytes depend only on
/// the graph and the pinned graphviz-pure version.
pub fn write_svg(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    out.write_all(svg_text(graph)?.as_bytes())?;
    Ok(())
}

/// The text of `graph.svg`.
pub(crate) fn svg_text(graph: &Graph) -> Result<String, ExportError> {
    let rendered = graphviz_pure::render_dot(&dot_text(graph), "dot", "svg")
        .map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(rendered.into_output())
}
