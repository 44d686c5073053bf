//! `gephi-nodes.csv` and `gephi-edges.csv`: Gephi's spreadsheet import (File > Import
//! spreadsheet).

use crate::table::writer;
use crate::time::{day, spells};
use crate::{ExportError, edge_id, join_list};
use std::io::Write;
use whomet_graph::Graph;

/// Writes `gephi-nodes.csv`: the node table, one row per person.
pub fn write_gephi_nodes(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record(["Id", "Label", "Aliases", "Roles", "Mentions", "Documents"])?;
    for n in graph.nodes() {
        w.write_record(
            [
                cell(&n.id),
                cell(&n.label),
                cell(&join_list(graph.strs(&n.aliases), "; ")),
                cell(&join_list(graph.strs(&n.roles), "; ")),
                n.mentions.to_string().into(),
                cell(&join_list(graph.docs(&n.documents), "; ")),
            ]
            .iter()
            .map(|c| c.as_bytes()),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Writes `gephi-edges.csv`: the edge table, one undirected row per edge, its kind in `Kind` so
/// that Gephi keeps the parallel edges of one pair apart, and its days in `Timeset`.
pub fn write_gephi_edges(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([
        "Source",
        "Target",
        "Type",
        "Weight",
        "Kind",
        "Confidence",
        "Evidence",
        "Documents",
        "Places",
        "Timeset",
        "Id",
    ])?;
    for (i, (a, b, e)) in graph.edges().enumerate() {
        w.write_record(
            [
                cell(&a.id),
                cell(&b.id),
                "Undirected".into(),
                e.weight.to_string().into(),
                e.kind.to_string().into(),
                e.confidence.to_string().into(),
                e.evidence.len().to_string().into(),
                cell(&join_list(graph.documents(e), "; ")),
                cell(&join_list(graph.places(e), "; ")),
                timeset(&spells(graph, e)).into(),
                edge_id(i).into(),
            ]
            .iter()
            .map(|c| c.as_bytes()),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// `<[2024-03-26, 2024-03-26]; [2024-04-01, 2024-04-30]>`, or empty when no evidence is dated.
fn timeset(spells: &[crate::time::Span]) -> String {
    if spells.is_empty() {
        return String::new();
    }
    let items: Vec<String> = spells
        .iter()
        .map(|&(start, end)| format!("[{}, {}]", day(start), day(end)))
        .collect();
    format!("<{}>", items.join("; "))
}

/// A text cell as Gephi reads it back unchanged: newline, carriage return and tab become a
/// space; leading and trailing spaces and control characters are removed (Gephi trims them
/// anyway); a value starting with `=`, `+`, `-`, `@` or `'` gets a leading `'` (formula guard,
/// which a reader drops to get the value back); and `\`, Gephi's escape character, is doubled.
fn cell(s: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| c > ' ' && c != '\\';
    if s.starts_with(plain)
        && s.ends_with(plain)
        && !s.starts_with(['=', '+', '-', '@', '\''])
        && !s.contains(['\n', '\r', '\t', '\\'])
    {
        return s.into();
    }
    let flat = s.replace(['\n', '\r', '\t'], " ");
    let trimmed = flat.trim_matches(|c: char| c <= ' ');
    let guarded = if trimmed.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{trimmed}")
    } else {
        trimmed.to_string()
    };
    guarded.replace('\\', "\\\\").into()
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_trimmed_guarded_and_escaped() {
        assert_eq!(cell("  =1+1\t"), "'=1+1");
        assert_eq!(cell("\t-Bob"), "'-Bob");
        assert_eq!(cell(r"C:\new\table"), r"C:\\new\\table");
        assert_eq!(cell("a\nb"), "a b");
        assert_eq!(cell("x\u{1}"), "x");
        assert_eq!(cell("Zed\u{1}End"), "Zed\u{1}End");
        assert_eq!(cell("a-b"), "a-b");
        assert_eq!(cell("'quoted"), "''quoted");
    }
}
