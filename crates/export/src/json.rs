//! `graph.json`.

use crate::{ExportError, degrees, edge_id};
use serde::Serialize;
use std::io::Write;
use whomet_core::{EdgeKind, PartialDate};
use whomet_graph::Graph;

/// Writes `graph.json`: the graph as Cytoscape.js elements (`cy.add(json.elements)`), with every
/// value exact and every piece of evidence behind each edge. Compact, one element per line, so
/// that a large graph stays small on disk and can be read line by line.
pub fn write_json(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let degree = degrees(graph);
    out.write_all(br#"{"elements":{"nodes":["#)?;
    for (i, n) in graph.nodes().enumerate() {
        let data = NodeData {
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
        let data = EdgeJson {
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
    out.write_all(b"\n]}}\n")?;
    Ok(())
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
