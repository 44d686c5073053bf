//! `graph.json`.

use crate::{ExportError, degrees, edge_id};
use serde::Serialize;
use std::io::Write;
use whomet_core::{EdgeKind, PartialDate};
use whomet_graph::Graph;

/// Writes `graph.json`: the graph as Cytoscape.js elements (`cy.add(json.elements)`), with every
/// value exact and every piece of evidence behind each edge.
pub fn write_json(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    let document = Document {
        elements: Elements {
            nodes: Nodes(graph),
            edges: Edges(graph),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The nodes, serialised one by one as they are written.
struct Nodes<'a>(&'a Graph);

impl Serialize for Nodes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let graph = self.0;
        let degree = degrees(graph);
        s.collect_seq(graph.nodes().map(|n| Element {
            data: NodeData {
                id: &n.id,
                label: &n.label,
                aliases: graph.strs(&n.aliases).collect(),
                roles: graph.strs(&n.roles).collect(),
                mentions: n.mentions,
                documents: graph.docs(&n.documents).collect(),
                degree: degree.get(n.id.as_str()).copied().unwrap_or(0),
            },
        }))
    }
}

/// The edges, serialised one by one as they are written.
struct Edges<'a>(&'a Graph);

impl Serialize for Edges<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let graph = self.0;
        s.collect_seq(graph.edges().enumerate().map(|(i, (a, b, e))| {
            Element {
                data: EdgeJson {
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
                },
            }
        }))
    }
}

#[derive(Serialize)]
struct Document<'a> {
    elements: Elements<'a>,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Nodes<'a>,
    edges: Edges<'a>,
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
