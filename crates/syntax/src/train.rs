//! Training the whole model from treebank sentences: the tagger, the lemmatiser, and the parser
//! on tags the tagger gives to sentences it was not trained on (jackknifing), so that the
//! parser learns from tags as wrong as they will be on new text. Every step is seeded and runs
//! in a fixed order, so the same sentences give the same model bytes.

use crate::conllu::TreeSentence;
use crate::lemma::Lemmatizer;
use crate::model::Model;
use crate::parser::{Example, Parser, ParserOptions};
use crate::projective::projectivise;
use crate::tagger::{Tag, Tagger, TaggerOptions};
use crate::words::WordKeys;

/// How to train the model.
#[derive(Debug, Clone)]
pub struct Options {
    /// The tagger's options.
    pub tagger: TaggerOptions,
    /// The parser's options.
    pub parser: ParserOptions,
    /// Folds of the jackknifing that tags the parser's training sentences (1: no jackknifing,
    /// the final tagger tags them).
    pub folds: usize,
    /// Examples a lemma rule needs.
    pub lemma_support: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            tagger: TaggerOptions::default(),
            parser: ParserOptions::default(),
            folds: 4,
            lemma_support: 3,
        }
    }
}

/// Trains a model on `sentences`, reporting progress through `log`.
pub fn train(sentences: &[TreeSentence], options: &Options, log: &mut dyn FnMut(&str)) -> Model {
    log("training the tagger");
    let tagger = Tagger::train(sentences, &options.tagger);
    log("training the lemmatiser");
    let lemmatizer = Lemmatizer::train(sentences, options.lemma_support);
    let keys: Vec<Vec<WordKeys>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| WordKeys::new(&w.form)).collect())
        .collect();
    let mut tags: Vec<Vec<Tag>> = vec![Vec::new(); sentences.len()];
    if options.folds <= 1 {
        for (t, k) in tags.iter_mut().zip(&keys) {
            *t = tagger.tag(k);
        }
    } else {
        for fold in 0..options.folds {
            log(&format!(
                "tagging fold {} of {} for the parser",
                fold + 1,
                options.folds
            ));
            let rest: Vec<TreeSentence> = sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| i % options.folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let held_out = Tagger::train(&rest, &options.tagger);
            for i in (fold..sentences.len()).step_by(options.folds) {
                tags[i] = held_out.tag(&keys[i]);
            }
        }
    }
    let examples: Vec<Example> = sentences
        .iter()
        .zip(keys)
        .zip(tags)
        .map(|((s, words), tags)| {
            let mut heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
            projectivise(&mut heads);
            let tree = heads
                .iter()
                .zip(&s.words)
                .map(|(&h, w)| (h, w.rel))
                .collect();
            Example { words, tags, tree }
        })
        .collect();
    log("training the parser");
    let parser = Parser::train(&examples, &options.parser);
    Model {
        tagger,
        lemmatizer,
        parser,
    }
}
