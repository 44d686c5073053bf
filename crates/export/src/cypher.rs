//! `import.cypher`.

use crate::{ExportError, edge_id, evidence_id};
use std::fmt::Write as _;
use std::io::Write;
use whomet_core::{EdgeKind, PartialDate};
use whomet_graph::Graph;

/// Writes `import.cypher`: Cypher statements that load the graph into Neo4j (`cypher-shell -f
/// import.cypher`) with the properties the neo4j-admin CSV files give: people and their
/// relationships, then the articles, each piece of evidence as an `Evidence` node linked to its
/// article (`IN_ARTICLE`) and its two people (`INVOLVES`), and `(:Article)-[:MENTIONS]->(:Person)`.
/// Complete dates are Neo4j `date`s (`date('2024-03-26')`); a partial one is only in the
/// `*_period` string. Each statement is one line ending in `;`, unless a value holds a line
/// break, which is written as it is. Running it again changes nothing: nodes are merged on their
/// ids, and each relationship is merged between its two ends, a person-to-person one always
/// from the person whose id sorts first.
pub fn write_cypher(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    header(graph, out)?;
    people(graph, out)?;
    relationships(graph, out)?;
    articles(graph, out)?;
    evidence(graph, out)?;
    mentions(graph, out)
}

/// The counts and how to run the script, as comments, and the uniqueness constraints.
fn header(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let count = |k: EdgeKind| graph.edges().filter(|(_, _, e)| e.kind == k).count();
    writeln!(
        out,
        "// whomet: {} people, {} MET, {} CONTACT, {} PLANNED relationships, {} articles, {} pieces of evidence.",
        graph.nodes().count(),
        count(EdgeKind::Met),
        count(EdgeKind::Contact),
        count(EdgeKind::Planned),
        graph.articles().len(),
        graph
            .edges()
            .map(|(_, _, e)| e.evidence.len())
            .sum::<usize>(),
    )?;
    writeln!(
        out,
        "// Idempotent: run it again and nothing is duplicated. Relationships point from the id that sorts"
    )?;
    writeln!(
        out,
        "// first; query them without an arrow, and count with count(DISTINCT r). Run: cypher-shell -f import.cypher"
    )?;
    for (name, label, key) in [
        ("person_id", "Person", "personId"),
        ("article_id", "Article", "articleId"),
        ("evidence_id", "Evidence", "evidenceId"),
    ] {
        writeln!(
            out,
            "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{key} IS UNIQUE;"
        )?;
    }
    Ok(())
}

/// One `MERGE` of each person, with its properties.
fn people(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let places = graph.node_places();
    for (n, place) in graph.nodes().zip(places) {
        writeln!(
            out,
            "MERGE (p:Person {{personId: {}}}) SET p.name = {}, p.aliases = {}, p.roles = {}, p.mentions = {}, p.documents = {}, p.credit = {}, {};",
            string(&n.id),
            string(&n.label),
            list(graph.strs(&n.aliases)),
            list(graph.strs(&n.roles)),
            n.mentions,
            n.documents.len(),
            n.credit,
            place_props("p", place),
        )?;
    }
    Ok(())
}

/// One `MERGE` of each person-to-person relationship, from the id that sorts first.
fn relationships(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    for (i, (a, b, e)) in graph.edges().enumerate() {
        let reach = graph.reach(e);
        writeln!(
            out,
            "MATCH (a:Person {{personId: {}}}), (b:Person {{personId: {}}}) MERGE (a)-[r:{}]->(b) SET r.edgeId = {}, r.confidence = {:?}, r.weight = {:?}, r.evidence = {}, r.articles = {}, r.sources = {}, r.documents = {}, r.first_date = {}, r.last_date = {}, r.first_period = {}, r.last_period = {}, r.places = {}, {};",
            string(&a.id),
            string(&b.id),
            e.kind,
            string(&edge_id(i)),
            e.confidence,
            e.weight,
            e.evidence.len(),
            reach.articles,
            reach.sources,
            list(graph.documents(e)),
            full_date(e.first_date),
            full_date(e.last_date),
            date(e.first_date),
            date(e.last_date),
            list(graph.places(e)),
            place_props("r", graph.edge_place(e)),
        )?;
    }
    Ok(())
}

/// One `MERGE` of each article.
fn articles(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    for (id, a) in graph.articles() {
        let published = a
            .date
            .map(|d| format!("date({})", string(&d.format("%Y-%m-%d").to_string())));
        writeln!(
            out,
            "MERGE (d:Article {{articleId: {}}}) SET d.title = {}, d.url = {}, d.source = {}, d.date = {}, d.copies = {}, d.copy_ids = {}, d.sources = {};",
            string(id),
            opt(a.title.as_deref()),
            opt(a.url.as_deref()),
            opt(a.source.as_deref()),
            published.as_deref().unwrap_or("null"),
            a.copies(),
            list(a.copy_ids.iter()),
            list(a.sources.iter()),
        )?;
    }
    Ok(())
}

/// Each piece of evidence, edge after edge: its node, its article (`IN_ARTICLE`) and its two
/// people (`INVOLVES`).
fn evidence(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    for (i, (a, b, e)) in graph.edges().enumerate() {
        for (k, x) in graph.evidence(e).enumerate() {
            let id = string(&evidence_id(i, k));
            let resolved = x.place.and_then(whomet_graph::places::resolve);
            writeln!(
                out,
                "MERGE (x:Evidence {{evidenceId: {id}}}) SET x.edgeId = {}, x.type = {}, x.sentence = {}, x.`start` = {}, x.`end` = {}, x.trigger = {}, x.date = {}, x.period = {}, x.place = {}, x.country = {}, x.lat = {}, x.lng = {}, x.confidence = {:?}, x.cues = {};",
                string(&edge_id(i)),
                string(e.kind.as_str()),
                string(x.text),
                x.sentence.start,
                x.sentence.end,
                string(x.trigger),
                full_date(x.date),
                date(x.date),
                opt(x.place),
                opt(resolved.map(|p| p.country)),
                num(resolved.map(|p| p.lat)),
                num(resolved.map(|p| p.lng)),
                x.confidence,
                list(x.cues()),
            )?;
            writeln!(
                out,
                "MATCH (x:Evidence {{evidenceId: {id}}}), (d:Article {{articleId: {}}}) MERGE (x)-[:IN_ARTICLE]->(d);",
                string(x.doc)
            )?;
            for p in [a, b] {
                writeln!(
                    out,
                    "MATCH (x:Evidence {{evidenceId: {id}}}), (p:Person {{personId: {}}}) MERGE (x)-[:INVOLVES]->(p);",
                    string(&p.id)
                )?;
            }
        }
    }
    Ok(())
}

/// `(:Article)-[:MENTIONS]->(:Person)` for every article a person is in.
fn mentions(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    for n in graph.nodes() {
        for d in graph.docs(&n.documents) {
            writeln!(
                out,
                "MATCH (d:Article {{articleId: {}}}), (p:Person {{personId: {}}}) MERGE (d)-[:MENTIONS]->(p);",
                string(d),
                string(&n.id)
            )?;
        }
    }
    Ok(())
}

/// `v.place = .., v.country = .., v.lat = .., v.lng = ..` of a resolved place, `null` each when
/// there is none.
fn place_props(v: &str, p: Option<whomet_graph::places::Place>) -> String {
    format!(
        "{v}.place = {}, {v}.country = {}, {v}.lat = {}, {v}.lng = {}",
        opt(p.map(|p| p.name)),
        opt(p.map(|p| p.country)),
        num(p.map(|p| p.lat)),
        num(p.map(|p| p.lng)),
    )
}

/// A string literal, or `null`.
fn opt(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), string)
}

/// A float literal (always with a decimal point or exponent), or `null`.
fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "null".to_string(), |x| format!("{x:?}"))
}

/// A complete date as `date('YYYY-MM-DD')`, else `null`.
fn full_date(d: Option<PartialDate>) -> String {
    match d.filter(|d| d.day.is_some()) {
        Some(d) => format!("date({})", string(&d.to_string())),
        None => "null".to_string(),
    }
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

/// A date, complete or partial, as a string literal, or `null` when unknown (setting `null`
/// removes the property).
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
