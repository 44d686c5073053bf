//! `graph.svg`.

use crate::ExportError;
use crate::dot::dot_text;
use crate::drawing::Layout;
use std::io::Write;
use whomet_graph::Graph;

/// Writes `graph.svg`: `graph.dot` drawn by graphviz-pure, a pure-Rust port of Graphviz, in this
/// process (no `dot` binary needed), with the people where the shared layout put them (`neato
/// -n2`: Graphviz only routes the edges and draws). A graph of more than
/// [`crate::MAX_DRAWN_PEOPLE`] people shows the most connected of them, and its title says so.
/// People seen only as photo credits or bylines are left out ([`crate::Diagram`] says who may
/// be drawn). The bytes depend only on the graph and the pinned graphviz-pure version.
pub fn write_svg(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    write_svg_with(graph, &Layout::default(), out)
}

/// [`write_svg`] with a shared [`Layout`].
pub(crate) fn write_svg_with(
    graph: &Graph,
    layout: &Layout,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    out.write_all(svg_text(graph, layout)?.as_bytes())?;
    Ok(())
}

fn svg_text(graph: &Graph, layout: &Layout) -> Result<String, ExportError> {
    let options = graphviz_pure::LayoutOptions::builder().nop(2).build();
    let rendered = graphviz_pure::render_dot_all_with_options(
        &dot_text(graph, layout),
        "neato",
        "svg",
        &graphviz_pure::GlobalAttrs::default(),
        options,
    )
    .map_err(|e| ExportError::Render(e.to_string()))?;
    rendered
        .into_output()
        .pop()
        .ok_or_else(|| ExportError::Render("graphviz-pure drew no graph".into()))
}
