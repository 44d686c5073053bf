//! `import.cypher`.

use crate::ExportError;
use std::fmt::Write as _;
use std::io::Write;
use whomet_core::{EdgeKind, PartialDate};
use whomet_graph::Graph;

/// Writes `import.cypher`: Cypher statements that load the graph into Neo4j (`cypher-shell -f
/// import.cypher`) with the properties the neo4j-admin CSV files give. Each statement is one line
/// ending in `;`, unless a value holds a line break, which is written as it is. Running it again changes nothing: people are merged on `personId`, and each
/// relationship is merged between its two people, always from the person whose id sorts first.
pub fn write_cypher(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let count = |k: EdgeKind| graph.edges().filter(|(_, _, e)| e.kind == k).count();
    writeln!(
        out,
        "// whomet: {} people, {} MET, {} CONTACT, {} PLANNED relationships. Idempotent: run it again",
        graph.nodes().count(),
        count(EdgeKind::Met),
        count(EdgeKind::Contact),
        count(EdgeKind::Planned)
    )?;
    writeln!(
        out,
        "// and nothing is duplicated. Relationships point from the id that sorts first; query them"
    )?;
    writeln!(
        out,
        "// without an arrow, and count with count(DISTINCT r). Run: cypher-shell -f import.cypher"
    )?;
    writeln!(
        out,
        "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.personId IS UNIQUE;"
    )?;
    for n in graph.nodes() {
        writeln!(
            out,
            "MERGE (p:Person {{personId: {}}}) SET p.name = {}, p.aliases = {}, p.roles = {}, p.mentions = {}, p.documents = {};",
            string(&n.id),
            string(&n.label),
            list(graph.strs(&n.aliases)),
            list(graph.strs(&n.roles)),
            n.mentions,
            n.documents.len()
        )?;
    }
    for (a, b, e) in graph.edges() {
        writeln!(
            out,
            "MATCH (a:Person {{personId: {}}}), (b:Person {{personId: {}}}) MERGE (a)-[r:{}]->(b) SET r.confidence = {:?}, r.weight = {:?}, r.evidence = {}, r.documents = {}, r.first_date = {}, r.last_date = {}, r.places = {};",
            string(&a.id),
            string(&b.id),
            e.kind,
            e.confidence,
            e.weight,
            e.evidence.len(),
            list(graph.documents(e)),
            date(e.first_date),
            date(e.last_date),
            list(graph.places(e)),
        )?;
    }
    Ok(())
}

/// A Cypher string literal: single-quoted, `\` and `'` escaped with a backslash, every other
/// character (newlines, tabs, any script, emoji) written as it is.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if matches!(c, '\\' | '\'') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// A list of string literals: `['a', 'b']`, or `[]`.
fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let mut out = String::from("[");
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}", string(s.as_ref()));
    }
    out.push(']');
    out
}

/// A date string literal, or `null` when unknown (setting `null` removes the property).
fn date(d: Option<PartialDate>) -> String {
    d.map_or_else(|| "null".to_string(), |d| string(&d.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_escape_only_backslash_and_quote() {
        assert_eq!(
            super::string("O'Neil \\ \"x\"\n"),
            "'O\\'Neil \\\\ \"x\"\n'"
        );
        assert_eq!(super::list::<&str>([]), "[]");
    }
}
