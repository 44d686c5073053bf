//! Benchmark of the build-graph stage ([`whomet_graph::build`]): cross-article people
//! resolution, projection of events onto pairs and edge scoring, over the analyses of the
//! committed corpus (`data/corpus`) repeated with distinct document ids.
//!
//! The corpus is built once and 50 times (`graph/build/1`, `graph/build/50`). Each copy of an
//! article has its own id, so the same people are merged across 5 x copies documents and every
//! edge gathers copies times the evidence: the graph keeps the shape of the corpus graph while
//! the work grows. The benchmark asserts the node, edge and evidence counts,
//! so that a build that becomes fast by merging or keeping less fails. When `data/corpus` or the
//! pipeline changes on purpose, update the constants below.
//!
//! `cargo bench -p whomet-graph` measures; `cargo bench -p whomet-graph -- --test` runs each
//! benchmark once.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use whomet_core::Analysis;
use whomet_extract::Input;

/// Articles in `data/corpus`.
const DOCS: usize = 5;
/// People (nodes) of the corpus graph; copies of an article add none.
const NODES: usize = 22;
/// Edges (pair of people and kind) of the corpus graph; copies add none.
const EDGES: usize = 6;
/// Pieces of evidence on the edges of the graph of one copy of the corpus.
const EVIDENCE: usize = 16;

#[path = "../../../benches/corpus.rs"]
mod corpus;
use corpus::corpus;

/// The per-article analyses of the corpus, as the CLI makes them.
fn analyses() -> Vec<Analysis> {
    corpus()
        .iter()
        .map(|(id, bytes)| {
            let input = Input {
                id,
                source: id,
                ..Input::default()
            };
            whomet_relate::analyse(&input, bytes).0
        })
        .collect()
}

/// `copies` copies of `analyses`, copy `k` of document `d` with id `d~k`.
fn repeat(analyses: &[Analysis], copies: usize) -> Vec<Analysis> {
    (0..copies)
        .flat_map(|k| {
            analyses.iter().map(move |a| {
                let doc = format!("{}~{k:03}", a.doc);
                let mut a = a.clone();
                for e in &mut a.events {
                    e.evidence.doc = doc.clone();
                }
                a.doc = doc;
                a
            })
        })
        .collect()
}

fn build(c: &mut Criterion) {
    let corpus = analyses();
    assert_eq!(corpus.len(), DOCS, "articles in data/corpus");
    let mut group = c.benchmark_group("graph");
    for copies in [1, 50] {
        let analyses = repeat(&corpus, copies);
        group.throughput(Throughput::Elements(analyses.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("build", copies),
            &analyses,
            |b, analyses| {
                b.iter(|| {
                    let graph = whomet_graph::build(black_box(analyses));
                    let evidence: usize = graph.edges().map(|(_, _, e)| e.evidence.len()).sum();
                    assert_eq!(
                        (graph.graph.node_count(), graph.graph.edge_count(), evidence),
                        (NODES, EDGES, EVIDENCE * copies),
                        "nodes, edges, evidence of {copies} copies"
                    );
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, build);
criterion_main!(benches);
