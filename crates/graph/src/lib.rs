//! Builds the who-met-whom graph: the cross-article stages of the pipeline.
//!
//! `read -> segment -> find mentions -> resolve people -> detect meetings -> score ->`
//! **`build graph`** `-> export`.
//!
//! [`build`] takes the per-article [`Analysis`] values, decides which people of different
//! articles are one person ([`people`]), projects every event onto pairs of people, and gathers
//! the evidence of each pair and kind into one scored edge of a [`petgraph`] graph. Nodes are
//! ordered by id and edges by (source, target, kind), so the result does not depend on the order
//! the articles were analysed in.
//!
//! ```
//! use whomet_core::Analysis;
//! let g = whomet_graph::build(&[Analysis::default()]);
//! assert_eq!(g.graph.node_count(), 0);
//! ```
#![warn(missing_docs)]

pub mod people;

use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::BTreeMap;
use whomet_core::{Analysis, EdgeData, EdgeEvidence, EdgeKind, PersonNode};

/// The graph: people are nodes, one edge per pair of people and kind.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Nodes in id order; edges in (source id, target id, kind) order, source id < target id.
    pub graph: UnGraph<PersonNode, EdgeData>,
}

impl Graph {
    /// Nodes in output order.
    pub fn nodes(&self) -> impl Iterator<Item = &PersonNode> {
        self.graph.node_weights()
    }

    /// Edges in output order, with their two endpoints.
    pub fn edges(&self) -> impl Iterator<Item = (&PersonNode, &PersonNode, &EdgeData)> {
        self.graph.edge_indices().map(move |e| {
            let (a, b) = self
                .graph
                .edge_endpoints(e)
                .expect("edge index from this graph");
            (&self.graph[a], &self.graph[b], &self.graph[e])
        })
    }

    /// Keeps only the edges whose confidence is at least `min`; people stay.
    pub fn filter_confidence(&mut self, min: f64) {
        self.graph.retain_edges(|g, e| g[e].confidence >= min);
    }

    /// Finds a person by id, label or alias (folded); failing that, by the end of a name
    /// ("Amirabdollahian" finds "Hossein Amir-Abdollahian").
    pub fn find(&self, name: &str) -> Vec<&PersonNode> {
        let key = whomet_core::fold_name(name);
        let names = |n: &'_ PersonNode| -> Vec<String> {
            std::iter::once(&n.label)
                .chain(&n.aliases)
                .map(|a| whomet_core::fold_name(a))
                .collect()
        };
        let exact: Vec<&PersonNode> = self
            .nodes()
            .filter(|n| n.id == name || names(n).contains(&key))
            .collect();
        if !exact.is_empty() || key.is_empty() {
            return exact;
        }
        self.nodes()
            .filter(|n| names(n).iter().any(|a| a.ends_with(&key)))
            .collect()
    }
}

/// Combines independent confidences: the probability that at least one is right.
pub fn noisy_or(confidences: impl IntoIterator<Item = f64>) -> f64 {
    1.0 - confidences
        .into_iter()
        .fold(1.0, |miss, c| miss * (1.0 - c.clamp(0.0, 1.0)))
}

/// Builds the graph from per-article analyses.
pub fn build(analyses: &[Analysis]) -> Graph {
    let resolved = people::resolve(analyses);

    // Gather evidence per (person, person, kind); BTreeMap keeps the order independent of input.
    let mut edges: BTreeMap<(usize, usize, EdgeKind), Vec<EdgeEvidence>> = BTreeMap::new();
    for (d, analysis) in analyses.iter().enumerate() {
        for event in &analysis.events {
            for (a, b) in event.pairs() {
                let (Some(ga), Some(gb)) = (resolved.global(d, a), resolved.global(d, b)) else {
                    continue;
                };
                if ga == gb || resolved.nodes[ga].credit || resolved.nodes[gb].credit {
                    continue;
                }
                edges
                    .entry((ga.min(gb), ga.max(gb), event.kind))
                    .or_default()
                    .push(EdgeEvidence {
                        evidence: event.evidence.clone(),
                        date: event.date,
                        place: event.place.clone(),
                    });
            }
        }
    }

    let mut graph = UnGraph::with_capacity(resolved.nodes.len(), edges.len());
    let ids: Vec<NodeIndex> = resolved
        .nodes
        .into_iter()
        .map(|n| graph.add_node(n))
        .collect();
    for ((a, b), kind, evidence) in edges.into_iter().map(|((a, b, k), e)| ((a, b), k, e)) {
        graph.add_edge(ids[a], ids[b], edge_data(kind, evidence));
    }
    Graph { graph }
}

/// Scores one edge from its evidence: within a document the best sentence counts (sentences of
/// one article are not independent), across documents confidences combine by noisy-or.
fn edge_data(kind: EdgeKind, mut evidence: Vec<EdgeEvidence>) -> EdgeData {
    evidence.sort_by(|x, y| {
        (&x.evidence.doc, x.evidence.sentence).cmp(&(&y.evidence.doc, y.evidence.sentence))
    });
    evidence.dedup_by(|x, y| {
        x.evidence.doc == y.evidence.doc && x.evidence.sentence == y.evidence.sentence
    });
    let mut per_doc: BTreeMap<&str, f64> = BTreeMap::new();
    for e in &evidence {
        let c = per_doc.entry(&e.evidence.doc).or_default();
        *c = c.max(e.evidence.confidence);
    }
    let confidence = round4(noisy_or(per_doc.values().copied()));
    let documents: Vec<String> = per_doc.keys().map(|d| d.to_string()).collect();
    let weight = round4(evidence.iter().map(|e| e.evidence.confidence).sum());
    let dates = evidence.iter().filter_map(|e| e.date);
    let first_date = dates.clone().min();
    let last_date = dates.max();
    let mut places: Vec<String> = evidence.iter().filter_map(|e| e.place.clone()).collect();
    places.sort();
    places.dedup();
    EdgeData {
        kind,
        confidence,
        weight,
        evidence,
        documents,
        first_date,
        last_date,
        places,
    }
}

/// Rounds to four decimals so that printed values are stable.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests;
