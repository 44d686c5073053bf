//! A parsed sentence as the meeting rules see it: the words of the syntax model, their
//! dependents, and which person each word names (from the people stage's mentions).

use crate::mend::has_dependent;
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
    pub fn new(text: &'t str, mut words: Vec<Word>, mentions: &[&Mention]) -> Parsed<'t> {
        let person = people_of(&words, mentions);
        let forms: Vec<&str> = words.iter().map(|w| w.span.of(text)).collect();
        let is_person: Vec<bool> = person.iter().map(Option::is_some).collect();
        crate::mend::mend(&mut words, &forms, &is_person);
        repair(&mut words);
        let mut children = vec![Vec::new(); words.len()];
        for (i, w) in words.iter().enumerate() {
            if let Some(h) = w.head.filter(|&h| h < words.len()) {
                children[h].push(i);
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
            out.push_str(&format!(
                "{i}:{}/{}:{}>{head} ",
                self.form(i),
                w.upos,
                w.rel
            ));
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

/// The person (and how) each word names, from the mentions of its sentence.
fn people_of(words: &[Word], mentions: &[&Mention]) -> Vec<Option<(usize, MentionKind)>> {
    let mut person = vec![None; words.len()];
    for m in mentions {
        // Words are in text order: the first that ends after the mention starts.
        let first = words.partition_point(|w| w.span.end <= m.span.start);
        for i in first..words.len() {
            if !overlaps(words[i].span, m.span) {
                break;
            }
            // A name wins over a role or pronoun the word also holds ("Iran's ambassador to
            // Warsaw Ramin Mehmanparast" is one word).
            let named = matches!(person[i], Some((_, MentionKind::Name)));
            if person[i].is_none() || m.kind == MentionKind::Name && !named {
                person[i] = Some((m.person, m.kind));
            }
        }
    }
    person
}

/// Mends two errors the greedy parser makes on news.
///
/// 1. After a fronted clause ("After talks with X, Y said"; "Amid the tensions, Y, the leader
///    of Z, made"), the subject of a verb that has none is read as one more conjunct,
///    apposition or parataxis of the clause. A noun so attached, with no conjunction of its
///    own, after a comma, whose phrase runs up to the verb, becomes that verb's subject.
/// 2. "the head of the agency, Abbas Kamel": a name after a comma with no preposition, hung on
///    the same head as the phrase the comma closes, is that phrase's apposition.
///
/// First of all, a fronted clause read as the main verb's subject is made an adverbial clause
/// ([`fronted_clause_subject`]).
fn repair(words: &mut [Word]) {
    let n = words.len();
    fronted_clause_subject(words);
    for _ in 0..2 {
        let right = right_edges(words);
        for v in 1..n {
            if !matches!(words[v].upos, Upos::Verb | Upos::Aux) || words[v].rel == Rel::Conj {
                continue;
            }
            let has_subject = has_dependent(
                words,
                v,
                &[Rel::Nsubj, Rel::NsubjPass, Rel::Expl, Rel::Csubj],
            );
            if has_subject {
                continue;
            }
            // The nearest candidate whose phrase reaches v past punctuation and phrases of v
            // itself ("X, in a call with Y, stressed").
            let under = |k: usize, top: usize| {
                let mut h = Some(k);
                for _ in 0..n {
                    match h {
                        Some(x) if x == top => return true,
                        Some(x) => h = words[x].head,
                        None => return false,
                    }
                }
                false
            };
            let found = (0..v).rev().find(|&c| {
                let w = &words[c];
                matches!(w.upos, Upos::Propn | Upos::Noun | Upos::Pron)
                    && matches!(
                        w.rel,
                        Rel::Conj
                            | Rel::Appos
                            | Rel::Parataxis
                            | Rel::List
                            | Rel::Dep
                            | Rel::Vocative
                    )
                    && (c == 0 || words[c - 1].rel == Rel::Punct)
                    && (c > 0 || w.rel == Rel::Vocative || w.rel == Rel::Dep)
                    && !has_dependent(words, c, &[Rel::Cc])
                    && if c == 0 {
                        // A sentence's first phrase, then a phrase of the verb set off by
                        // commas.
                        (right[c] + 1..v)
                            .all(|k| words[k].rel == Rel::Punct || under(k, v) && !under(k, c))
                            && words.get(c + 1).is_some_and(|w| w.rel == Rel::Punct)
                            && words[v - 1].rel == Rel::Punct
                    } else {
                        (right[c] + 1..v).all(|k| words[k].rel == Rel::Punct)
                    }
            });
            if let Some(c) = found {
                words[c].head = Some(v);
                words[c].rel = Rel::Nsubj;
            }
        }
    }
    let mut right = right_edges(words);
    let left = left_edges(words);
    for c in 2..n {
        let w = &words[c];
        // Where the name's phrase begins: "her deputy X" after the comma.
        let l = left[c];
        let no_case = !has_dependent(words, c, &[Rel::Case]);
        if w.upos != Upos::Propn
            || !matches!(
                w.rel,
                Rel::Obl | Rel::OblUnmarked | Rel::Nmod | Rel::Obj | Rel::Dep | Rel::Parataxis
            )
            || l < 2
            || words[l - 1].rel != Rel::Punct
            || !no_case
        {
            continue;
        }
        let head = w.head;
        // A sibling whose phrase ends at the comma.
        if let Some(s) = (0..l - 1).find(|&s| {
            words[s].head == head
                && (right[s] == l - 2
                    || right[s] == l - 1 && CLOSING.contains(&words[l - 1].lemma.as_str()))
                && matches!(words[s].upos, Upos::Noun | Upos::Propn)
        }) {
            words[c].head = Some(s);
            words[c].rel = Rel::Appos;
            // The next apposition may follow this one ("the head, X, her deputy Y").
            right = right_edges(words);
        }
    }
}

/// Closing brackets: a phrase may end with one just before the comma or name that follows it
/// ("UEFA [Union of European Football Associations] President X").
const CLOSING: &[&str] = &[")", "]"];

/// Words that open a fronted adverbial clause ("Before the meeting ended, ...").
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "as", "once", "since", "until", "though", "although",
];

/// "Before the meeting ended, X and Y were joined by Z": a clause that opens the sentence with
/// a subordinating word and ends at a comma, read as the subject of the main verb, is an
/// adverbial clause of it; the noun phrase after the comma, running up to the verb's
/// auxiliaries, is the subject.
fn fronted_clause_subject(words: &mut [Word]) {
    let n = words.len();
    let opens = words
        .first()
        .is_some_and(|w| SUBORDINATORS.contains(&w.lemma.to_lowercase().as_str()));
    if !opens {
        return;
    }
    let Some(comma) = words.iter().position(|w| w.lemma == ",") else {
        return;
    };
    let right = right_edges(words);
    let Some(c) = (1..comma).find(|&c| {
        matches!(words[c].upos, Upos::Verb | Upos::Aux)
            && matches!(words[c].rel, Rel::Nsubj | Rel::NsubjPass)
    }) else {
        return;
    };
    let Some(v) = words[c].head else {
        return;
    };
    let d = comma + 1;
    let nominal = words
        .get(d)
        .is_some_and(|w| matches!(w.upos, Upos::Propn | Upos::Noun | Upos::Pron | Upos::Det));
    // The phrase at d (or the noun it determines) reaches the verb past its auxiliaries.
    let head = if words.get(d).is_some_and(|w| w.upos == Upos::Det) {
        words[d].head.filter(|&h| h > d && h < v)
    } else {
        Some(d)
    };
    let Some(d) = head.filter(|_| nominal && v > comma) else {
        return;
    };
    let reaches = (right[d] + 1..v).all(|k| {
        words[k].head == Some(v) && matches!(words[k].rel, Rel::Aux | Rel::AuxPass | Rel::Advmod)
    });
    if !reaches || right[d] >= v {
        return;
    }
    let passive = (0..n).any(|k| words[k].head == Some(v) && words[k].rel == Rel::AuxPass);
    words[c].rel = Rel::Advcl;
    words[d].head = Some(v);
    words[d].rel = if passive { Rel::NsubjPass } else { Rel::Nsubj };
}

/// The last word of each word's phrase (its subtree).
fn right_edges(words: &[Word]) -> Vec<usize> {
    let mut right: Vec<usize> = (0..words.len()).collect();
    for i in 0..words.len() {
        // Walk up from i, raising the edge of every ancestor (bounded against cycles).
        let mut h = words[i].head;
        let mut steps = 0;
        while let Some(x) = h.filter(|&x| x < words.len()) {
            if right[x] < i {
                right[x] = i;
            }
            h = words[x].head;
            steps += 1;
            if steps > words.len() {
                break;
            }
        }
    }
    right
}

/// The first word of each word's phrase (its subtree), leaving out the punctuation the parser
/// hangs on it (the comma before an apposition).
fn left_edges(words: &[Word]) -> Vec<usize> {
    let mut left: Vec<usize> = (0..words.len()).collect();
    for i in (0..words.len()).rev() {
        if words[i].rel == Rel::Punct {
            continue;
        }
        let mut h = words[i].head;
        let mut steps = 0;
        while let Some(x) = h.filter(|&x| x < words.len()) {
            if left[x] > i {
                left[x] = i;
            }
            h = words[x].head;
            steps += 1;
            if steps > words.len() {
                break;
            }
        }
    }
    left
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
