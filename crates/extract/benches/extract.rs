//! Benchmarks of the per-article extraction stages over the committed corpus (`data/corpus`):
//! prepare (decode), segment (sentences and tokens) and people (find mentions, resolve people).
//!
//! Each benchmark asserts a count computed from the committed articles, so that a stage that
//! becomes fast by doing less fails instead of looking good. When `data/corpus` or the stage's
//! behaviour changes on purpose, update the constants below.
//!
//! `cargo bench -p whomet-extract` measures; `cargo bench -p whomet-extract -- --test` runs each
//! benchmark once.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use whomet_core::Document;
use whomet_extract::segment::Segments;
use whomet_extract::{Input, extract, people::find_people, prepare};

/// Articles in `data/corpus`.
const DOCS: usize = 5;
/// Bytes of decoded text of the five articles.
const TEXT_BYTES: usize = 16_473;
/// Sentences of the five articles.
const SENTENCES: usize = 127;
/// People of the five articles (each counted in every article that names them).
const PEOPLE: usize = 38;
/// Resolved mentions (names, titles, pronouns) of the five articles.
const MENTIONS: usize = 89;

#[path = "../../../benches/corpus.rs"]
mod corpus;
use corpus::corpus;

fn prepare_all(corpus: &[(String, Vec<u8>)]) -> Vec<Document> {
    corpus
        .iter()
        .map(|(id, bytes)| {
            prepare(
                &Input {
                    id,
                    source: id,
                    ..Input::default()
                },
                bytes,
            )
            .0
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let corpus = corpus();
    assert_eq!(corpus.len(), DOCS, "articles in data/corpus");
    let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
    let docs = prepare_all(&corpus);
    let segments: Vec<Segments> = docs
        .iter()
        .map(|d| Segments::new(&d.text, d.body_start))
        .collect();

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("prepare", |b| {
        b.iter(|| {
            let docs = prepare_all(black_box(&corpus));
            let text: usize = docs.iter().map(|d| d.text.len()).sum();
            assert_eq!(text, TEXT_BYTES, "decoded bytes");
        })
    });
    group.bench_function("segment", |b| {
        b.iter(|| {
            let sentences: usize = black_box(&docs)
                .iter()
                .map(|d| Segments::new(&d.text, d.body_start).sentences.len())
                .sum();
            assert_eq!(sentences, SENTENCES, "sentences");
        })
    });
    group.bench_function("people", |b| {
        b.iter(|| {
            let (mut people, mut mentions) = (0, 0);
            for (doc, seg) in black_box(&docs).iter().zip(&segments) {
                let found = find_people(doc, seg);
                people += found.people.len();
                mentions += found.mentions.len();
            }
            assert_eq!((people, mentions), (PEOPLE, MENTIONS), "people, mentions");
        })
    });
    group.bench_function("segment+people", |b| {
        b.iter(|| {
            let people: usize = black_box(&docs)
                .iter()
                .map(|d| extract(d).people.people.len())
                .sum();
            assert_eq!(people, PEOPLE, "people");
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
