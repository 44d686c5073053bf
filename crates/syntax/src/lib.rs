//! Syntax for whomet: part-of-speech tags, lemmas and labelled dependency trees of English
//! sentences, from a model trained on Universal Dependencies English (EWT and GUM).
//!
//! `... -> segment ->` **`tokenise -> tag -> lemmatise -> parse`** `-> find mentions -> ...`
//!
//! [`tokenize`] splits a sentence as UD does ("Iran's" is two words); [`Model::parse`] gives
//! each word its tags, lemma, head and relation. The model ([`Model::bundled`]) is compiled
//! into the binary from `data/models/syntax.bin`, which `cargo run --release -p whomet-syntax
//! --bin train` rebuilds from the treebanks (`docs/SYNTAX.md`).
//!
//! ```
//! use whomet_core::Span;
//! use whomet_syntax::{Model, Rel};
//! let text = "Karimi met Oduya in Lima.";
//! let words = Model::bundled().parse(text, Span::new(0, text.len()));
//! let met = words.iter().position(|w| w.lemma == "meet").unwrap();
//! let subject = words.iter().find(|w| w.head == Some(met) && w.rel == Rel::Nsubj).unwrap();
//! assert_eq!(subject.span.of(text), "Karimi");
//! ```
#![warn(missing_docs)]

pub mod accuracy;
mod codec;
pub mod conllu;
mod hash;
pub mod lemma;
pub mod lexicon;
mod model;
pub mod parser;
mod perceptron;
pub mod projective;
pub mod rng;
pub mod tagger;
pub mod tags;
mod tokens;
pub mod train;
pub mod transition;
mod weights;
pub mod words;

pub use accuracy::Accuracy;
pub use model::{Model, Word};
pub use parser::{Example, Parser, ParserOptions};
pub use tagger::{Tag, Tagger, TaggerOptions};
pub use tags::{Rel, Upos, Xpos};
pub use tokens::{ABBREVIATIONS, tokenize};

/// A model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The file ends early.
    #[error("the model ends early (at byte {at})")]
    Truncated {
        /// Where.
        at: usize,
    },
    /// A value is out of range.
    #[error("the model holds {what} (at byte {at})")]
    Invalid {
        /// Where.
        at: usize,
        /// What.
        what: &'static str,
    },
}
