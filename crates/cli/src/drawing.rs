//! The layout of the graph, computed once before the formats are written (in parallel), with a
//! progress bar on a terminal, and the spinner shown while the formats are written.

use whomet_export::{Diagram, Format, Layout, Progress};
use whomet_graph::Graph;

/// The shared [`Layout`] of `graph`, already computed when one of `formats` draws the graph
/// (`graph.svg`, `graph.dot`, `graph.gexf`, `report.html`), so that the writers only read it;
/// the diagrams draw the people `diagram` says. A bar shows how far the layout has come when
/// stderr is a terminal.
pub fn lay_out(graph: &Graph, formats: &[Format], diagram: Diagram) -> Layout {
    use std::io::IsTerminal;
    if !formats.iter().any(|f| f.draws()) {
        return Layout::new(diagram);
    }
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} layout {percent}% ETA {eta}")
                .expect("valid template"),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let shown = bar.clone();
    let layout = Layout::with_progress(diagram, move |p: Progress| {
        shown.set_length(p.total);
        shown.set_position(p.done);
    });
    layout.drawing(graph);
    bar.finish_and_clear();
    layout
}

/// A spinner with the elapsed time while `formats` formats are written, when stderr is a
/// terminal; call `finish_and_clear` when they are.
pub fn writing(formats: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} writing {msg} formats {elapsed}")
            .expect("valid template"),
    );
    bar.set_message(formats.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
