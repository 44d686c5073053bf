//! Lemmas: the treebank's own lemma of a known (form, tag) pair when the rules would get it
//! wrong, else the longest suffix rule learned for the tag ("-ied" to "-y" for `VBD`), written
//! in the case the treebank uses for such words (proper nouns and demonyms keep their capital,
//! a capitalised first word loses it).

use crate::ModelError;
use crate::codec::{Reader, Writer};
use crate::conllu::TreeSentence;
use crate::hash::{self, KeyMap};
use crate::tagger::Tag;
use crate::tags::{Upos, Xpos};

/// The longest suffix a rule looks at, in characters.
const LONGEST: usize = 5;

/// A rewrite of a word's end: drop `strip` characters, then append `append`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Rewrite {
    strip: u8,
    append: String,
}

impl Rewrite {
    /// The rewrite that turns `form` into `lemma` (both lower case).
    fn between(form: &str, lemma: &str) -> Rewrite {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Rewrite {
            strip: (form.chars().count() - common).min(255) as u8,
            append: lemma.chars().skip(common).collect(),
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        let keep = n.checked_sub(usize::from(self.strip))?;
        let mut out: String = form.chars().take(keep).collect();
        out.push_str(&self.append);
        (!out.is_empty()).then_some(out)
    }
}

/// A trained lemmatiser.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lemmatizer {
    /// (tag key, suffix of the lower-case form) -> rewrite, for suffixes of 0 to [`LONGEST`] characters.
    rules: Vec<(u64, Rewrite)>,
    rule_index: KeyMap<usize>,
    /// (tag key, form) -> lemma, where the rules are wrong.
    exceptions: Vec<(u64, String)>,
    exception_index: KeyMap<usize>,
    /// The (tag, case of the form) pairs whose lemma keeps the form's case, as
    /// `xpos * 3 + case`.
    keeps_case: Vec<bool>,
}

/// The case of a form: 0 lower (or no letters), 1 capitalised, 2 all capitals.
fn case_of(form: &str) -> usize {
    let mut letters = form.chars().filter(|c| c.is_alphabetic());
    match letters.next() {
        Some(c) if c.is_uppercase() => {
            if form.chars().filter(|c| c.is_alphabetic()).count() > 1
                && letters.all(char::is_uppercase)
            {
                2
            } else {
                1
            }
        }
        _ => 0,
    }
}

fn tag_key(xpos: Xpos) -> u64 {
    hash::f1(0x1e44, xpos as u64)
}

fn suffix_key(xpos: Xpos, suffix: &str) -> u64 {
    hash::f2(0x5f, tag_key(xpos), hash::text(suffix))
}

fn form_key(xpos: Xpos, lower: &str) -> u64 {
    hash::f2(0xf0, tag_key(xpos), hash::text(lower))
}

/// The suffixes of `lower` from the longest ([`LONGEST`] characters or the whole word) to the
/// empty one.
fn suffixes(lower: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    (0..=LONGEST.min(n))
        .rev()
        .map(move |k| &lower[if k == 0 { lower.len() } else { starts[n - k] }..])
}

impl Lemmatizer {
    /// The lemma of `form` tagged `tag`.
    pub fn lemma(&self, form: &str, tag: Tag) -> String {
        if let Some(&i) = self.exception_index.get(&form_key(tag.xpos, form)) {
            return self.exceptions[i].1.clone();
        }
        self.by_rules(form, tag)
    }

    /// The lemma the rules give.
    fn by_rules(&self, form: &str, tag: Tag) -> String {
        if tag.upos == Upos::Propn && tag.xpos != Xpos::Nnps {
            return form.to_string();
        }
        let lower = form.to_lowercase();
        let lemma = self
            .by_rule(&lower, tag.xpos)
            .unwrap_or_else(|| lower.clone());
        let keep = self
            .keeps_case
            .get(tag.xpos as usize * 3 + case_of(form))
            .copied()
            .unwrap_or(false);
        if !keep {
            return lemma;
        }
        // The lemma in the form's case: the form's own characters where they agree.
        let mut out = String::with_capacity(lemma.len());
        let mut original = form.chars();
        for c in lemma.chars() {
            match original.next() {
                Some(o) if o.to_lowercase().eq(c.to_lowercase()) => out.push(o),
                _ => out.push(c),
            }
        }
        out
    }

    fn by_rule(&self, lower: &str, xpos: Xpos) -> Option<String> {
        suffixes(lower)
            .find_map(|s| self.rule_index.get(&suffix_key(xpos, s)))
            .and_then(|&i| self.rules[i].1.apply(lower))
    }

    /// Learns rules and exceptions from the lemmas of `sentences`. A rule needs `support`
    /// examples.
    pub fn train(sentences: &[TreeSentence], support: usize) -> Lemmatizer {
        // Counts of each rewrite per (tag, suffix), and of each lemma per (tag, form).
        let mut rewrites: std::collections::BTreeMap<(u64, Rewrite), usize> = Default::default();
        let mut lemmas: std::collections::BTreeMap<(u64, String, String), usize> =
            Default::default();
        let mut pairs: Vec<(Tag, String)> = Vec::new();
        let mut case_votes = vec![(0usize, 0usize); Xpos::ALL.len() * 3];
        for w in sentences.iter().flat_map(|s| &s.words) {
            let lemma = if w.lemma == "_" {
                w.form.clone()
            } else {
                w.lemma.clone()
            };
            let tag = Tag {
                upos: w.upos,
                xpos: w.xpos,
            };
            let key = form_key(w.xpos, &w.form);
            let seen = lemmas
                .entry((key, w.form.clone(), lemma.clone()))
                .or_default();
            *seen += 1;
            if *seen == 1 {
                pairs.push((tag, w.form.clone()));
            }
            if w.upos == Upos::Propn && w.xpos != Xpos::Nnps {
                continue;
            }
            let case = case_of(&w.form);
            let kept = lemma.chars().next().is_some_and(char::is_uppercase);
            let votes = &mut case_votes[w.xpos as usize * 3 + case];
            if kept {
                votes.0 += 1
            } else {
                votes.1 += 1
            }
            let lower = w.form.to_lowercase();
            let rewrite = Rewrite::between(&lower, &lemma.to_lowercase());
            for s in suffixes(&lower) {
                *rewrites
                    .entry((suffix_key(w.xpos, s), rewrite.clone()))
                    .or_default() += 1;
            }
        }
        // The most frequent rewrite of each suffix, where it has support.
        let mut best: KeyMap<(usize, Rewrite)> = KeyMap::default();
        for ((key, rewrite), n) in rewrites {
            let e = best.entry(key).or_insert((0, rewrite.clone()));
            if n > e.0 {
                *e = (n, rewrite);
            }
        }
        let mut rules: Vec<(u64, Rewrite)> = best
            .into_iter()
            .filter(|(_, (n, _))| *n >= support)
            .map(|(k, (_, r))| (k, r))
            .collect();
        rules.sort_unstable();
        let mut out = Lemmatizer {
            rule_index: rules
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (*k, i))
                .collect(),
            rules,
            keeps_case: case_votes
                .iter()
                .map(|&(kept, lowered)| kept > lowered)
                .collect(),
            ..Lemmatizer::default()
        };
        // The most frequent lemma of each (tag, form), kept where the rules give another.
        let mut top: std::collections::BTreeMap<u64, (usize, String)> = Default::default();
        for ((key, _, lemma), n) in &lemmas {
            let e = top.entry(*key).or_insert((0, lemma.clone()));
            if *n > e.0 {
                *e = (*n, lemma.clone());
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut exceptions: Vec<(u64, String)> = pairs
            .iter()
            .filter_map(|(tag, form)| {
                let key = form_key(tag.xpos, form);
                let lemma = &top[&key].1;
                (out.by_rules(form, *tag) != *lemma).then(|| (key, lemma.clone()))
            })
            .collect();
        exceptions.sort_unstable();
        exceptions.dedup_by_key(|(k, _)| *k);
        out.exception_index = exceptions
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (*k, i))
            .collect();
        out.exceptions = exceptions;
        out
    }

    /// The numbers of rules and of exceptions.
    pub fn size(&self) -> (usize, usize) {
        (self.rules.len(), self.exceptions.len())
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        out.len(self.keeps_case.len());
        for &k in &self.keeps_case {
            out.u8(u8::from(k));
        }
        out.len(self.rules.len());
        for (k, r) in &self.rules {
            out.u64(*k);
            out.u8(r.strip);
            out.str(&r.append);
        }
        out.len(self.exceptions.len());
        for (k, l) in &self.exceptions {
            out.u64(*k);
            out.str(l);
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Lemmatizer, ModelError> {
        let n = r.len()?;
        let keeps_case: Vec<bool> = (0..n)
            .map(|_| r.u8().map(|b| b != 0))
            .collect::<Result<_, _>>()?;
        let n = r.len()?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            let strip = r.u8()?;
            let append = r.str()?.to_string();
            rules.push((key, Rewrite { strip, append }));
        }
        let n = r.len()?;
        let mut exceptions = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            exceptions.push((key, r.str()?.to_string()));
        }
        Ok(Lemmatizer {
            rule_index: rules
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (*k, i))
                .collect(),
            rules,
            exception_index: exceptions
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (*k, i))
                .collect(),
            exceptions,
            keeps_case,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites() {
        let r = Rewrite::between("studies", "study");
        assert_eq!(
            r,
            Rewrite {
                strip: 3,
                append: "y".into()
            }
        );
        assert_eq!(r.apply("carries").as_deref(), Some("carry"));
        assert_eq!(
            Rewrite::between("met", "meet").apply("met").as_deref(),
            Some("meet")
        );
        let s: Vec<&str> = suffixes("talks").collect();
        assert_eq!(s, ["talks", "alks", "lks", "ks", "s", ""]);
    }
}
