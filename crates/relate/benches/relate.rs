//! Benchmark of the detect-meetings and score stage ([`whomet_relate::detect`]) over the
//! committed corpus (`data/corpus`), its articles already prepared and extracted.
//!
//! The benchmark asserts the number of events and of the pairs they claim, computed from the
//! committed articles, so that a detector that becomes fast by finding less fails. When
//! `data/corpus` or the detector changes on purpose, update the constants below.
//!
//! `cargo bench -p whomet-relate` measures; `cargo bench -p whomet-relate -- --test` runs it once.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use whomet_core::Document;
use whomet_extract::{Extraction, Input, extract, prepare};

/// Articles in `data/corpus`.
const DOCS: usize = 5;
/// Events (meetings, calls, planned meetings) of the five articles.
const EVENTS: usize = 15;
/// Pairs of people those events claim.
const PAIRS: usize = 17;

#[path = "../../../benches/corpus.rs"]
mod corpus;
use corpus::corpus;

fn detect(c: &mut Criterion) {
    let corpus = corpus();
    assert_eq!(corpus.len(), DOCS, "articles in data/corpus");
    let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
    let analysed: Vec<(Document, Extraction)> = corpus
        .iter()
        .map(|(id, bytes)| {
            let input = Input {
                id,
                source: id,
                ..Input::default()
            };
            let doc = prepare(&input, bytes).0;
            let ex = extract(&doc);
            (doc, ex)
        })
        .collect();

    let mut group = c.benchmark_group("relate");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("detect", |b| {
        b.iter(|| {
            let (mut events, mut pairs) = (0, 0);
            for (doc, ex) in black_box(&analysed) {
                for event in whomet_relate::detect(doc, ex) {
                    events += 1;
                    pairs += event.pairs().len();
                }
            }
            assert_eq!((events, pairs), (EVENTS, PAIRS), "events, pairs");
        })
    });
    group.finish();
}

criterion_group!(benches, detect);
criterion_main!(benches);
