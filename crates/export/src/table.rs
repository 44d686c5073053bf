//! The CSV files: `nodes.csv` and `relationships.csv` for neo4j-admin, `evidence.csv` for
//! spreadsheets.

use crate::{ExportError, date, join_list};
use std::borrow::Cow;
use std::io::Write;
use whomet_graph::Graph;

/// Writes `nodes.csv`, the neo4j-admin node file: one row per person, label `Person`.
pub fn write_neo4j_nodes(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([
        "personId:ID(Person)",
        "name",
        "aliases:string[]",
        "roles:string[]",
        "mentions:int",
        "documents:int",
        ":LABEL",
    ])?;
    for n in graph.nodes() {
        w.write_record(
            [
                flat(&n.id),
                flat(&n.label),
                flat(&join_list(graph.strs(&n.aliases), ";")),
                flat(&join_list(graph.strs(&n.roles), ";")),
                n.mentions.to_string().into(),
                n.documents.len().to_string().into(),
                "Person".into(),
            ]
            .iter()
            .map(|c| c.as_bytes()),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Writes `relationships.csv`, the neo4j-admin relationship file: one row per edge, its kind as
/// the relationship type.
pub fn write_neo4j_relationships(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([
        ":START_ID(Person)",
        ":END_ID(Person)",
        ":TYPE",
        "confidence:float",
        "weight:float",
        "evidence:int",
        "documents:string[]",
        "first_date",
        "last_date",
        "places:string[]",
    ])?;
    for (a, b, e) in graph.edges() {
        w.write_record(
            [
                flat(&a.id),
                flat(&b.id),
                e.kind.to_string().into(),
                e.confidence.to_string().into(),
                e.weight.to_string().into(),
                e.evidence.len().to_string().into(),
                flat(&join_list(graph.documents(e), ";")),
                date(e.first_date).into(),
                date(e.last_date).into(),
                flat(&join_list(graph.places(e), ";")),
            ]
            .iter()
            .map(|c| c.as_bytes()),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Writes `evidence.csv`: one row per edge and piece of evidence, with the sentence and where it
/// is in its document. A text cell starting with `=`, `+`, `-`, `@`, tab, CR or `'` gets a
/// leading `'` so that spreadsheets do not run it as a formula (and a reader can always drop one
/// leading `'` to get the value back); numeric cells are written as they are.
pub fn write_evidence(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([
        "source",
        "target",
        "source_name",
        "target_name",
        "type",
        "document",
        "start",
        "end",
        "sentence",
        "trigger",
        "date",
        "place",
        "confidence",
    ])?;
    for (a, b, e) in graph.edges() {
        for x in graph.evidence(e) {
            w.write_record(
                [
                    text(&a.id),
                    text(&b.id),
                    text(&a.label),
                    text(&b.label),
                    text(e.kind.as_str()),
                    text(x.doc),
                    x.sentence.start.to_string().into(),
                    x.sentence.end.to_string().into(),
                    text(x.text),
                    text(x.trigger),
                    text(&date(x.date)),
                    text(x.place.unwrap_or("")),
                    x.confidence.to_string().into(),
                ]
                .iter()
                .map(|c| c.as_bytes()),
            )?;
        }
    }
    w.flush()?;
    Ok(())
}

/// What a guarded cell starts with: a formula's first character, a tab or CR (which some
/// spreadsheets strip before looking), or the guard `'` itself.
const GUARDED: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// A CSV writer that quotes only when needed and escapes `"` by doubling it.
pub(crate) fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Necessary)
        .double_quote(true)
        .from_writer(out)
}

/// Keeps a field on one line: newline, carriage return and tab become a space.
fn flat(s: &str) -> Cow<'_, str> {
    if s.contains(['\n', '\r', '\t']) {
        s.replace(['\n', '\r', '\t'], " ").into()
    } else {
        s.into()
    }
}

/// A text cell of `evidence.csv`: guarded, then on one line.
fn text(s: &str) -> Cow<'_, str> {
    match guard(s) {
        Cow::Borrowed(s) => flat(s),
        Cow::Owned(g) => Cow::Owned(flat(&g).into_owned()),
    }
}

/// Prefixes `'` to a value a spreadsheet would read as a formula, and to a value that starts
/// with `'` itself, so that the reader's rule "drop one leading `'`" gives every value back.
fn guard(s: &str) -> Cow<'_, str> {
    if s.starts_with(GUARDED) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}
