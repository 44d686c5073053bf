//! Benchmarks of tagging and parsing over the committed treebank sample
//! (`crates/syntax/tests/data/slice.conllu`: 150 EWT sentences, 150 GUM news sentences), with
//! the bundled model, on one thread. Each asserts the number of words it processed and a floor
//! on how many it gets right, so that a benchmark cannot become fast by doing less.
//!
//! `cargo bench -p whomet-syntax` measures; `cargo bench -p whomet-syntax -- --test` runs each
//! once.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use whomet_syntax::words::WordKeys;
use whomet_syntax::{Model, Tag, conllu};

/// Words of the sample.
const WORDS: usize = 6_605;

fn benches(c: &mut Criterion) {
    let (sentences, errors) = conllu::read(include_str!("../tests/data/slice.conllu"));
    assert!(errors.is_empty());
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    assert_eq!(forms.iter().map(Vec::len).sum::<usize>(), WORDS);
    let model = Model::bundled();
    let keys: Vec<Vec<WordKeys>> = forms
        .iter()
        .map(|f| f.iter().map(|w| WordKeys::new(w)).collect())
        .collect();
    let tags: Vec<Vec<Tag>> = keys.iter().map(|k| model.tagger.tag(k)).collect();
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(WORDS as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mut right = 0;
            for (s, f) in sentences.iter().zip(&forms) {
                let t = model.tag(black_box(f));
                right += s
                    .words
                    .iter()
                    .zip(&t)
                    .filter(|(w, t)| w.upos == t.upos)
                    .count();
            }
            assert!(right * 100 > WORDS * 95, "UPOS {right} of {WORDS}");
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            let mut right = 0;
            for ((s, k), t) in sentences.iter().zip(&keys).zip(&tags) {
                let tree = model.parser.parse(black_box(k), black_box(t));
                right += s
                    .words
                    .iter()
                    .zip(&tree)
                    .filter(|(w, a)| w.head == a.0)
                    .count();
            }
            assert!(right * 100 > WORDS * 85, "UAS {right} of {WORDS}");
        })
    });
    group.bench_function("load", |b| {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/models/syntax.bin"
        ))
        .expect("the model file");
        b.iter(|| Model::from_bytes(black_box(&bytes)).expect("model"))
    });
    group.finish();
}

criterion_group!(syntax, benches);
criterion_main!(syntax);
