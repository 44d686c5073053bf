//! The CSV files: `nodes.csv` and `relationships.csv` for neo4j-admin, `evidence.csv` for
//! spreadsheets.

use crate::{ExportError, date, edge_id, evidence_id, full_date, join_list, place_cells};
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
        "credit:boolean",
        "place",
        "country",
        "lat:float",
        "lng:float",
        ":LABEL",
    ])?;
    let places = graph.node_places();
    for (n, place) in graph.nodes().zip(places) {
        let [place, country, lat, lng] = place_cells(place);
        w.write_record(
            [
                flat(&n.id),
                flat(&n.label),
                flat(&join_list(graph.strs(&n.aliases), ";")),
                flat(&join_list(graph.strs(&n.roles), ";")),
                n.mentions.to_string().into(),
                n.documents.len().to_string().into(),
                n.credit.to_string().into(),
                place.into(),
                country.into(),
                lat.into(),
                lng.into(),
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
        "edgeId",
        "confidence:float",
        "weight:float",
        "evidence:int",
        "articles:int",
        "sources:int",
        "documents:string[]",
        "first_date:date",
        "last_date:date",
        "first_period",
        "last_period",
        "places:string[]",
        "place",
        "country",
        "lat:float",
        "lng:float",
    ])?;
    for (i, (a, b, e)) in graph.edges().enumerate() {
        let reach = graph.reach(e);
        let [place, country, lat, lng] = place_cells(graph.edge_place(e));
        w.write_record(
            [
                flat(&a.id),
                flat(&b.id),
                e.kind.to_string().into(),
                edge_id(i).into(),
                e.confidence.to_string().into(),
                e.weight.to_string().into(),
                e.evidence.len().to_string().into(),
                reach.articles.to_string().into(),
                reach.sources.to_string().into(),
                flat(&join_list(graph.documents(e), ";")),
                full_date(e.first_date).into(),
                full_date(e.last_date).into(),
                date(e.first_date).into(),
                date(e.last_date).into(),
                flat(&join_list(graph.places(e), ";")),
                place.into(),
                country.into(),
                lat.into(),
                lng.into(),
            ]
            .iter()
            .map(|c| c.as_bytes()),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Writes `articles.csv`: one `Article` node per document, with its title, address, publisher,
/// date and the copies collapsed into it.
pub fn write_neo4j_articles(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([
        "articleId:ID(Article)",
        "title",
        "url",
        "source",
        "date:date",
        "copies:int",
        "copy_ids:string[]",
        "sources:string[]",
        ":LABEL",
    ])?;
    for (id, a) in graph.articles() {
        let opt = |s: &Option<Box<str>>| flat(s.as_deref().unwrap_or("")).into_owned();
        let date = a.date.map(|d| d.format("%Y-%m-%d").to_string());
        w.write_record(
            [
                flat(id).into_owned(),
                opt(&a.title),
                opt(&a.url),
                opt(&a.source),
                date.unwrap_or_default(),
                a.copies().to_string(),
                flat(&join_list(a.copy_ids.iter(), ";")).into_owned(),
                flat(&join_list(a.sources.iter(), ";")).into_owned(),
                "Article".into(),
            ]
            .iter()
            .map(|c| c.as_bytes()),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Writes `evidence-nodes.csv`: one `Evidence` node per edge and supporting sentence, id
/// `e3.0` (edge `e3`, its first sentence), with the sentence, where it is, and its event's date
/// and place.
pub fn write_neo4j_evidence(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([
        "evidenceId:ID(Evidence)",
        "edgeId",
        "type",
        "sentence",
        "start:int",
        "end:int",
        "trigger",
        "date:date",
        "period",
        "place",
        "country",
        "lat:float",
        "lng:float",
        "confidence:float",
        "cues:string[]",
        ":LABEL",
    ])?;
    for (i, (_, _, e)) in graph.edges().enumerate() {
        for (k, x) in graph.evidence(e).enumerate() {
            let resolved = x.place.and_then(whomet_graph::places::resolve);
            let [_, country, lat, lng] = place_cells(resolved);
            w.write_record(
                [
                    evidence_id(i, k).into(),
                    edge_id(i).into(),
                    e.kind.as_str().into(),
                    flat(x.text),
                    x.sentence.start.to_string().into(),
                    x.sentence.end.to_string().into(),
                    flat(x.trigger),
                    full_date(x.date).into(),
                    date(x.date).into(),
                    flat(x.place.unwrap_or("")),
                    country.into(),
                    lat.into(),
                    lng.into(),
                    x.confidence.to_string().into(),
                    flat(&join_list(x.cues(), ";")),
                    Cow::Borrowed("Evidence"),
                ]
                .iter()
                .map(|c| c.as_bytes()),
            )?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes `evidence-articles.csv`: `(:Evidence)-[:IN_ARTICLE]->(:Article)`, one per evidence.
pub fn write_neo4j_evidence_articles(
    graph: &Graph,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([":START_ID(Evidence)", ":END_ID(Article)", ":TYPE"])?;
    for (i, (_, _, e)) in graph.edges().enumerate() {
        for (k, x) in graph.evidence(e).enumerate() {
            w.write_record([evidence_id(i, k).as_str(), &flat(x.doc), "IN_ARTICLE"])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes `evidence-people.csv`: `(:Evidence)-[:INVOLVES]->(:Person)`, two per evidence (the
/// edge's people, the one whose id sorts first first).
pub fn write_neo4j_evidence_people(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([":START_ID(Evidence)", ":END_ID(Person)", ":TYPE"])?;
    for (i, (a, b, e)) in graph.edges().enumerate() {
        for k in 0..e.evidence.len() {
            let id = evidence_id(i, k);
            w.write_record([id.as_str(), &flat(&a.id), "INVOLVES"])?;
            w.write_record([id.as_str(), &flat(&b.id), "INVOLVES"])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes `article-people.csv`: `(:Article)-[:MENTIONS]->(:Person)`, one per person and
/// document the person appears in (the `(:Document)-[:MENTIONS]->(:Entity)` shape of Neo4j's
/// LLM Graph Builder).
pub fn write_neo4j_article_people(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let mut w = writer(out);
    w.write_record([":START_ID(Article)", ":END_ID(Person)", ":TYPE"])?;
    for n in graph.nodes() {
        for d in graph.docs(&n.documents) {
            w.write_record([&*flat(d), &flat(&n.id), "MENTIONS"])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes `evidence.csv`: one row per edge and piece of evidence, with the sentence, where it
/// is in its document, and the document's title, address, publisher, date and copies. A text
/// cell starting with `=`, `+`, `-`, `@`, tab, CR or `'` gets a leading `'` so that spreadsheets
/// do not run it as a formula (and a reader can always drop one leading `'` to get the value
/// back); numeric cells are written as they are.
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
        "article_title",
        "article_url",
        "article_source",
        "article_date",
        "article_copies",
    ])?;
    for (a, b, e) in graph.edges() {
        for x in graph.evidence(e) {
            let art = x.article;
            let opt = |s: &Option<Box<str>>| text(s.as_deref().unwrap_or("")).into_owned();
            let published = art.date.map(|d| d.format("%Y-%m-%d").to_string());
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
                    opt(&art.title).into(),
                    opt(&art.url).into(),
                    opt(&art.source).into(),
                    published.unwrap_or_default().into(),
                    art.copies().to_string().into(),
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
