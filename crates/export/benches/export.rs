//! Benchmarks of the export stage ([`whomet_export::render`]), one per [`Format`], over the
//! graph of the committed corpus (`data/corpus`) repeated COPIES times with distinct document
//! ids (the same people and edges, COPIES times the evidence).
//!
//! Each benchmark asserts the number of lines the format's files add up to, computed from the
//! committed articles, so that a writer that becomes fast by writing less fails. When
//! `data/corpus`, the pipeline or a format changes on purpose, update [`LINES`]. The drawn
//! formats (SVG, and the HTML report) lay the graph out (ForceAtlas2) and the SVG is drawn by
//! graphviz-pure, which is slower: they run in their own group with fewer samples.
//!
//! `cargo bench -p whomet-export` measures; `cargo bench -p whomet-export -- --test` runs each
//! benchmark once.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use whomet_export::{Format, render};
use whomet_extract::Input;
use whomet_graph::Graph;

/// Articles in `data/corpus`.
const DOCS: usize = 5;
/// Copies of the corpus the graph is built from.
const COPIES: usize = 50;
/// Lines (newline bytes) of all the files of each format, for the graph of COPIES copies.
const LINES: [(Format, usize); 10] = [
    (Format::GraphMl, 335),
    (Format::Dot, 27),        // photo credits without edges are not drawn
    (Format::Neo4jCsv, 5135), // people, edges, articles, evidence and their links
    (Format::EvidenceCsv, 801),
    (Format::Svg, 224), // photo credits without edges are not drawn
    (Format::Gexf, 431),
    (Format::GephiCsv, 30),
    (Format::Cypher, 5134), // people, edges, articles, each evidence with its 3 links, mentions
    (Format::Json, 282),    // one line per node, per edge and per article, and four of framing
    (Format::Html, 1898),
];

#[path = "../../../benches/corpus.rs"]
mod corpus;
use corpus::corpus;

/// The graph of `copies` copies of the corpus, copy `k` of document `d` with id `d~k`.
fn graph(copies: usize) -> Graph {
    let corpus = corpus();
    assert_eq!(corpus.len(), DOCS, "articles in data/corpus");
    let mut analyses = Vec::new();
    for k in 0..copies {
        for (id, bytes) in &corpus {
            let id = format!("{id}~{k:03}");
            let input = Input {
                id: &id,
                source: &id,
                ..Input::default()
            };
            analyses.push(whomet_relate::analyse(&input, bytes).0);
        }
    }
    whomet_graph::build(&analyses)
}

/// Renders `format` and checks its line count; returns the bytes written.
fn render_checked(format: Format, graph: &Graph, lines: usize) -> usize {
    let files = render(format, graph).expect("rendering to memory cannot fail");
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let newlines: usize = files
        .iter()
        .map(|(_, b)| b.iter().filter(|&&c| c == b'\n').count())
        .sum();
    assert!(
        files.iter().all(|(_, b)| !b.is_empty()),
        "{}: every file has bytes",
        format.name()
    );
    assert_eq!(newlines, lines, "{}: lines", format.name());
    bytes
}

fn exporters(c: &mut Criterion) {
    let graph = graph(COPIES);
    let lines = |f: Format| {
        LINES
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, n)| *n)
            .expect("every format has a line count")
    };
    let drawn = |f: Format| matches!(f, Format::Svg | Format::Html);

    let mut group = c.benchmark_group("export");
    for format in Format::ALL.into_iter().filter(|&f| !drawn(f)) {
        let bytes = render_checked(format, &graph, lines(format));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format.name(), |b| {
            b.iter(|| render_checked(format, black_box(&graph), lines(format)))
        });
    }
    group.finish();

    // Layout cost grows much faster than the graph: few samples, so a larger committed corpus
    // does not make the run take minutes.
    let mut group = c.benchmark_group("export-drawn");
    group.sample_size(10);
    for format in Format::ALL.into_iter().filter(|&f| drawn(f)) {
        group.bench_function(format.name(), |b| {
            b.iter(|| render_checked(format, black_box(&graph), lines(format)))
        });
    }
    group.finish();
}

criterion_group!(benches, exporters);
criterion_main!(benches);
