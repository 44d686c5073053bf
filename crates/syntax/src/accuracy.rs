//! Accuracy of a model against a treebank, on gold tokenisation: tags, lemmas, and attachment
//! scores as the CoNLL 2018 shared task counts them (every word, punctuation included; LAS on
//! the universal relation without subtype), plus LAS with subtypes.

use crate::conllu::TreeSentence;
use crate::model::Model;
use crate::words::WordKeys;

/// Counts of correct words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Words scored.
    pub words: usize,
    /// Right universal part of speech.
    pub upos: usize,
    /// Right Penn tag.
    pub xpos: usize,
    /// Right lemma.
    pub lemma: usize,
    /// Right head.
    pub uas: usize,
    /// Right head and universal relation (no subtype).
    pub las: usize,
    /// Right head and full relation.
    pub las_full: usize,
}

impl Accuracy {
    /// Scores `model` on `sentences`.
    pub fn of(model: &Model, sentences: &[TreeSentence]) -> Accuracy {
        let mut a = Accuracy::default();
        for s in sentences {
            a.add(&Accuracy::of_sentence(model, s));
        }
        a
    }

    /// Scores `model` on one sentence.
    pub fn of_sentence(model: &Model, s: &TreeSentence) -> Accuracy {
        let keys: Vec<WordKeys> = s.words.iter().map(|w| WordKeys::new(&w.form)).collect();
        let tags = model.tagger.tag(&keys);
        let tree = model.parser.parse(&keys, &tags);
        let mut a = Accuracy::default();
        for ((w, t), &(head, rel)) in s.words.iter().zip(&tags).zip(&tree) {
            a.words += 1;
            a.upos += usize::from(w.upos == t.upos);
            a.xpos += usize::from(w.xpos == t.xpos);
            a.lemma += usize::from(model.lemmatizer.lemma(&w.form, *t) == w.lemma);
            a.uas += usize::from(w.head == head);
            a.las += usize::from(w.head == head && w.rel.base() == rel.base());
            a.las_full += usize::from(w.head == head && w.rel == rel);
        }
        a
    }

    /// Adds the counts of `other`.
    pub fn add(&mut self, other: &Accuracy) {
        self.words += other.words;
        self.upos += other.upos;
        self.xpos += other.xpos;
        self.lemma += other.lemma;
        self.uas += other.uas;
        self.las += other.las;
        self.las_full += other.las_full;
    }

    /// A count as a percentage of the words.
    pub fn percent(&self, count: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * count as f64 / self.words as f64
        }
    }
}

impl std::fmt::Display for Accuracy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "UPOS {:.2}  XPOS {:.2}  lemma {:.2}  UAS {:.2}  LAS {:.2}  LAS with subtypes {:.2}  ({} words)",
            self.percent(self.upos),
            self.percent(self.xpos),
            self.percent(self.lemma),
            self.percent(self.uas),
            self.percent(self.las),
            self.percent(self.las_full),
            self.words
        )
    }
}
