//! Training is reproducible and model files are checked when read.

use whomet_syntax::conllu;
use whomet_syntax::train::{Options, train};
use whomet_syntax::{Accuracy, Model, ModelError, ParserOptions, TaggerOptions};

fn slice() -> Vec<conllu::TreeSentence> {
    let text = include_str!("../data/slice.conllu");
    let (sentences, errors) = conllu::read(text);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(sentences.len(), 300);
    sentences
}

fn small() -> Options {
    Options {
        tagger: TaggerOptions {
            epochs: 2,
            folds: 2,
            ..TaggerOptions::default()
        },
        parser: ParserOptions {
            epochs: 2,
            ..ParserOptions::default()
        },
        folds: 2,
        lemma_support: 3,
    }
}

#[test]
fn two_trainings_give_the_same_bytes() {
    let sentences = slice();
    let a = train(&sentences, &small(), &mut |_| {}).to_bytes();
    let b = train(&sentences, &small(), &mut |_| {}).to_bytes();
    assert!(a == b, "two trainings on the same sentences differ");
    let model = Model::from_bytes(&a).unwrap();
    // Learnt something: far better than chance on its own training sentences.
    let acc = Accuracy::of(&model, &sentences);
    assert!(acc.percent(acc.upos) > 80.0, "{acc}");
    assert!(acc.percent(acc.uas) > 50.0, "{acc}");
}

#[test]
fn damaged_model_files_are_errors() {
    let bytes = train(&slice()[..40], &small(), &mut |_| {}).to_bytes();
    assert!(Model::from_bytes(&bytes).is_ok());
    for cut in [0, 5, 12, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            matches!(
                Model::from_bytes(&bytes[..cut]),
                Err(ModelError::Truncated { .. } | ModelError::Invalid { .. })
            ),
            "cut at {cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Model::from_bytes(&longer).is_err());
    assert!(Model::from_bytes(b"not a model at all").is_err());
}

#[test]
fn the_bundled_model_reads_and_tags() {
    let tags = Model::bundled().tag(&["Karimi", "met", "Oduya", "."]);
    let upos: Vec<String> = tags.iter().map(|t| t.upos.to_string()).collect();
    assert_eq!(upos, ["PROPN", "VERB", "PROPN", "PUNCT"]);
}

#[test]
fn the_bundled_model_keeps_its_accuracy_on_a_dev_sample() {
    // Every 13th sentence of EWT dev and every 6th of GUM dev (scripts/syntax-test-slice.sh):
    // floors a little below what the bundled model scores (UPOS 96.83, UAS 86.72, LAS 84.09), so that a model or
    // parser change that loses accuracy fails here.
    let (sentences, errors) = conllu::read(include_str!("../data/dev-sample.conllu"));
    assert!(errors.is_empty(), "{errors:?}");
    let acc = Accuracy::of(Model::bundled(), &sentences);
    assert!(acc.percent(acc.upos) > 96.3, "{acc}");
    assert!(acc.percent(acc.uas) > 86.0, "{acc}");
    assert!(acc.percent(acc.las) > 83.3, "{acc}");
}
