//! `graph.json`.

use crate::{ExportError, degrees, edge_id};
use serde::Serialize;
use std::io::Write;
use whomet_core::{EdgeKind, PartialDate};
use whomet_graph::Graph;

/// Writes `graph.json`: the graph as Cytoscape.js elements (`cy.add(json.elements)`), with every
/// value exact and every piece of evidence behind each edge.
pub fn write_json(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let degree = degrees(graph);
    let nodes = graph
        .nodes()
        .map(|n| Element {
            data: NodeData {
                id: &n.id,
                label: &n.label,
                aliases: &n.aliases,
                roles: &n.roles,
                mentions: n.mentions,
                documents: &n.documents,
                degree: degree.get(n.id.as_str()).copied().unwrap_or(0),
            },
        })
        .collect();
    let edges = graph
        .edges()
        .enumerate()
        .map(|(i, (a, b, e))| Element {
            data: EdgeJson {
                id: edge_id(i),
                source: &a.id,
                target: &b.id,
                kind: e.kind,
                confidence: e.confidence,
                weight: e.weight,
                documents: &e.documents,
                first_date: e.first_date,
                last_date: e.last_date,
                places: &e.places,
                evidence: e
                    .evidence
                    .iter()
                    .map(|x| EvidenceJson {
                        doc: &x.evidence.doc,
                        start: x.evidence.sentence.start,
                        end: x.evidence.sentence.end,
                        sentence: &x.evidence.text,
                        trigger: &x.evidence.trigger,
                        date: x.date,
                        place: x.place.as_deref(),
                        confidence: x.evidence.confidence,
                        cues: &x.evidence.cues,
                    })
                    .collect(),
            },
        })
        .collect();
    let document = Document {
        elements: Elements { nodes, edges },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[derive(Serialize)]
struct Document<'a> {
    elements: Elements<'a>,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<NodeData<'a>>>,
    edges: Vec<Element<EdgeJson<'a>>>,
}

#[derive(Serialize)]
struct Element<T> {
    data: T,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    label: &'a str,
    aliases: &'a [String],
    roles: &'a [String],
    mentions: usize,
    documents: &'a [String],
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
    documents: &'a [String],
    first_date: Option<PartialDate>,
    last_date: Option<PartialDate>,
    places: &'a [String],
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
    cues: &'a [String],
}
