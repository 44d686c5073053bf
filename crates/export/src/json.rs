//! `graph.json`.

use crate::{ExportError, degrees, edge_id};
use serde::Serialize;
use std::io::Write;
use whomet_core::{EdgeKind, PartialDate};
use whomet_graph::Graph;

/// Writes `graph.json`: the graph as Cytoscape.js elements (`cy.add(json.elements)`), with every
/// value exact and every piece of evidence behind each edge, then the articles the evidence
/// cites (`articles`: title, address, publisher, date, copies). Compact, one element per line,
/// so that a large graph stays small on disk and can be read line by line.
pub fn write_json(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let degree = degrees(graph);
    let places = graph.node_places();
    out.write_all(br#"{"elements":{"nodes":["#)?;
    for (i, n) in graph.nodes().enumerate() {
        let data = NodeData {
            credit: n.credit,
            place: places[i].map(PlaceJson::from),
            id: &n.id,
            label: &n.label,
            aliases: graph.strs(&n.aliases).collect(),
            roles: graph.strs(&n.roles).collect(),
            mentions: n.mentions,
            documents: graph.docs(&n.documents).collect(),
            degree: degree[i],
        };
        element(out, i, &data)?;
    }
    out.write_all(b"\n],\"edges\":[")?;
    for (i, (a, b, e)) in graph.edges().enumerate() {
        let reach = graph.reach(e);
        let data = EdgeJson {
            articles: reach.articles,
            sources: reach.sources,
            place: graph.edge_place(e).map(PlaceJson::from),
            id: edge_id(i),
            source: &a.id,
            target: &b.id,
            kind: e.kind,
            confidence: e.confidence,
            weight: e.weight,
            documents: graph.documents(e),
            first_date: e.first_date,
            last_date: e.last_date,
            places: graph.places(e),
            evidence: graph
                .evidence(e)
                .map(|x| EvidenceJson {
                    doc: x.doc,
                    start: x.sentence.start,
                    end: x.sentence.end,
                    sentence: x.text,
                    trigger: x.trigger,
                    date: x.date,
                    place: x.place,
                    confidence: x.confidence,
                    cues: x.cues().collect(),
                })
                .collect(),
        };
        element(out, i, &data)?;
    }
    out.write_all(b"\n]},\"articles\":[")?;
    for (i, (id, a)) in graph.articles().enumerate() {
        let data = ArticleJson {
            id,
            title: a.title.as_deref(),
            url: a.url.as_deref(),
            source: a.source.as_deref(),
            date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
            copies: a.copies(),
            copy_ids: a.copy_ids.iter().map(|c| &**c).collect(),
            sources: a.sources.iter().map(|c| &**c).collect(),
        };
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &data)?;
    }
    out.write_all(b"\n]}\n")?;
    Ok(())
}

/// A resolved place: canonical name, country code, coordinates.
#[derive(Serialize)]
struct PlaceJson {
    name: &'static str,
    country: &'static str,
    lat: f64,
    lng: f64,
}

impl From<whomet_graph::places::Place> for PlaceJson {
    fn from(p: whomet_graph::places::Place) -> PlaceJson {
        PlaceJson {
            name: p.name,
            country: p.country,
            lat: p.lat,
            lng: p.lng,
        }
    }
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    id: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
    source: Option<&'a str>,
    date: Option<String>,
    copies: usize,
    copy_ids: Vec<&'a str>,
    sources: Vec<&'a str>,
}

/// Writes the `i`-th element of a list, on a line of its own: `{"data":...}`.
fn element(out: &mut impl Write, i: usize, data: &impl Serialize) -> Result<(), ExportError> {
    out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
    serde_json::to_writer(&mut *out, &Element { data })?;
    Ok(())
}

#[derive(Serialize)]
struct Element<T> {
    data: T,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    label: &'a str,
    aliases: Vec<&'a str>,
    roles: Vec<&'a str>,
    mentions: usize,
    documents: Vec<&'a str>,
    degree: usize,
    credit: bool,
    place: Option<PlaceJson>,
}

#[derive(Serialize)]
struct EdgeJson<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    #[serde(rename = "type")]
    kind: EdgeKind,
    confidence: f64,
    weight: f64,
    documents: Vec<&'a str>,
    first_date: Option<PartialDate>,
    last_date: Option<PartialDate>,
    places: Vec<&'a str>,
    articles: usize,
    sources: usize,
    place: Option<PlaceJson>,
    evidence: Vec<EvidenceJson<'a>>,
}

#[derive(Serialize)]
struct EvidenceJson<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    sentence: &'a str,
    trigger: &'a str,
    date: Option<PartialDate>,
    place: Option<&'a str>,
    confidence: f64,
    cues: Vec<&'a str>,
}
