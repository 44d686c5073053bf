//! Entity extraction: the per-article stages up to "who is who".
//!
//! `read` ([`prepare`]) `-> segment` ([`segment::sentences`]) `-> find mentions -> resolve
//! people` ([`people::find_people`]) `->` detect meetings (whomet-relate) `-> ...`
//!
//! Analysis never fails: bad bytes are replaced and reported, odd text yields fewer people.
//!
//! ```
//! use whomet_extract::{extract, prepare, Input};
//! let (doc, _) = prepare(&Input { id: "d", ..Input::default() },
//!     b"date 2024-03-26 Hamas leader Ismail Haniyeh met Iranian Foreign Minister \
//!       Hossein Amir-Abdollahian. Haniyeh thanked him.");
//! let ex = extract(&doc);
//! let names: Vec<&str> = ex.people.people.iter().map(|p| p.name.as_str()).collect();
//! assert_eq!(names, ["Ismail Haniyeh", "Hossein Amir-Abdollahian"]);
//! ```
#![warn(missing_docs)]

pub mod finder;
pub mod lexicon;
pub mod people;
mod prepare;
pub mod segment;

pub use people::People;
pub use prepare::{Input, month_number, prepare};

use whomet_core::{Document, Span};

/// What extraction learns about one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Sentences and their tokens.
    pub segments: segment::Segments,
    /// People and their mentions.
    pub people: People,
}

impl Extraction {
    /// Sentences, as decoded-text spans.
    pub fn sentences(&self) -> &[Span] {
        &self.segments.sentences
    }
}

/// Segments `doc` and finds its people.
pub fn extract(doc: &Document) -> Extraction {
    let segments = segment::Segments::new(&doc.text, doc.body_start);
    let people = people::find_people(doc, &segments);
    Extraction { segments, people }
}
