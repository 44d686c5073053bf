//! A parsed sentence as the meeting rules see it: the words of the syntax model, their
//! dependents, and which person each word names (from the people stage's mentions).

use whomet_core::{Mention, MentionKind, Span};
use whomet_syntax::{Rel, Upos, Word};

/// A sentence with its parse and its people.
#[derive(Debug, Clone)]
pub struct Parsed<'t> {
    /// The decoded text of the article.
    pub text: &'t str,
    /// Words in order.
    pub words: Vec<Word>,
    /// Dependents of each word, in order.
    pub children: Vec<Vec<usize>>,
    /// The person (index into the article's people) a word names, and how.
    pub person: Vec<Option<(usize, MentionKind)>>,
    /// Lower-case lemma of each word.
    pub lemma: Vec<String>,
}

impl<'t> Parsed<'t> {
    /// Joins `words` (a parse of a sentence of `text`) to the mentions of that sentence.
    pub fn new(text: &'t str, words: Vec<Word>, mentions: &[&Mention]) -> Parsed<'t> {
        let mut children = vec![Vec::new(); words.len()];
        for (i, w) in words.iter().enumerate() {
            if let Some(h) = w.head.filter(|&h| h < words.len()) {
                children[h].push(i);
            }
        }
        let mut person = vec![None; words.len()];
        for m in mentions {
            // Words are in text order: the first that ends after the mention starts.
            let first = words.partition_point(|w| w.span.end <= m.span.start);
            for i in first..words.len() {
                if !overlaps(words[i].span, m.span) {
                    break;
                }
                if person[i].is_none() {
                    person[i] = Some((m.person, m.kind));
                }
            }
        }
        let lemma = words.iter().map(|w| w.lemma.to_lowercase()).collect();
        Parsed {
            text,
            words,
            children,
            person,
            lemma,
        }
    }

    /// The parse in one line: `form/UPOS:rel>head` per word.
    pub fn show(&self) -> String {
        let mut out = String::new();
        for (i, w) in self.words.iter().enumerate() {
            let head = w.head.map_or("ROOT".to_string(), |h| h.to_string());
            out.push_str(&format!("{i}:{}/{}:{}>{head} ", self.form(i), w.upos, w.rel));
        }
        out
    }

    /// The form of word `i`.
    pub fn form(&self, i: usize) -> &'t str {
        self.words[i].span.of(self.text)
    }

    /// The dependents of `i` by relation `rel`.
    pub fn deps(&self, i: usize, rel: Rel) -> impl Iterator<Item = usize> + '_ {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.words[c].rel == rel)
    }

    /// Whether `i` has a dependent by `rel` whose lemma is one of `lemmas` (`*`: any).
    pub fn has(&self, i: usize, rel: Rel, lemmas: &[String]) -> bool {
        self.deps(i, rel)
            .any(|c| lemmas.iter().any(|l| l == "*" || *l == self.lemma[c]))
    }

    /// The lemma of the case marker (or the mark) of `i`, if any.
    pub fn case_of(&self, i: usize) -> Option<&str> {
        self.children[i]
            .iter()
            .find(|&&c| matches!(self.words[c].rel, Rel::Case | Rel::Mark))
            .map(|&c| self.lemma[c].as_str())
    }

    /// Whether word `i` is a verb or an auxiliary used as one.
    pub fn is_verb(&self, i: usize) -> bool {
        matches!(self.words[i].upos, Upos::Verb | Upos::Aux)
    }

    /// The relation of `i` to its head, and the head.
    pub fn up(&self, i: usize) -> Option<(Rel, usize)> {
        self.words[i].head.map(|h| (self.words[i].rel, h))
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
