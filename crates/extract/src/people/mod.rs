//! Find-mentions and resolve-people stages: named people of one article, and who is who in it.
//!
//! 1. **Chains**: runs of capitalised words, with name particles (`al-`, `bin`, `de`, `van`),
//!    hyphens and initials, across soft line breaks. Possessive `'s` is dropped.
//! 2. **Titles**: leading title, role, nationality and place words become the person's role
//!    (`Iranian Foreign Minister Hossein Amir-Abdollahian`); royal titles stay in a one-word
//!    name (`King Fahd`).
//! 3. **Evidence of a person**: a title, a known given name, an appositive or reporting verb, or
//!    words that are not common English words. Organisation, place and time words reject a chain,
//!    and so do the signs of a thing (`things`): a head word or plural noun at its end, an
//!    article or a thing's noun before it, a firm's suffix or ", Texas" after it.
//! 4. **Who is who**: full names group by folded key or as a token-aligned suffix of a longer
//!    name; a one-word mention joins the only person whose name ends (or, after `Sir`, `Prince`,
//!    starts) with it, else it is left out unless titled; pronouns join the person when only one
//!    is in play; role phrases ("the Crown Prince") join the only person holding that role.

use crate::finder::{Finder, Scored};
use crate::lexicon::{PARTICLES, lexicon, lowercase_is_any, with_lowercase};
use crate::segment::{Segments, Token};
use whomet_core::{Document, LocalPerson, Mention, Span, name_tokens};

mod chains;
mod link;
mod names;
mod refer;
mod things;

/// The people of one article and the mentions that refer to them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    /// People, in order of first mention.
    pub people: Vec<LocalPerson>,
    /// Resolved mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Each name mention written with a title before it: the name's span and the title's
    /// (decoded text), in text order. "Aide to the Russian President Yury Ushakov" gives the
    /// spans of "Yury Ushakov" and "Aide to the Russian President"; the meeting stage can read
    /// the two as one phrase.
    pub titles: Vec<(Span, Span)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) sentence: usize,
    /// Name part (no title), decoded-text span.
    pub(crate) span: Span,
    /// The title before the name, decoded-text span ("Aide to the Russian President").
    pub(crate) title: Option<Span>,
    /// The name without a suffix that a comma sets off ("Solomon Oliver" of "Solomon Oliver,
    /// Jr."), an alias.
    pub(crate) plain: Option<String>,
    /// Name as written, possessive dropped, whitespace folded.
    pub(crate) name: String,
    /// Name with a royal title kept ("King Fahd"), when the title is royal.
    pub(crate) royal_name: Option<String>,
    /// Name with the honorific borne as part of it ("Seyed Ali Khamenei"), an alias.
    pub(crate) honored: Option<String>,
    /// The sex a title before the name says ("Lady", "Mr"): `m` or `f`.
    pub(crate) sex: Option<&'static str>,
    /// Title and role words before the name.
    pub(crate) role: Option<String>,
    /// A title, honorific or role word stands before the name.
    pub(crate) titled: bool,
    /// Enough evidence of a person on its own (for names of two words or more).
    pub(crate) strong: bool,
    /// `Sir Edward`, `Prince Abdullah`: a one-word name that is a given name.
    pub(crate) given_ref: bool,
    /// Photo credit or byline.
    pub(crate) credit: bool,
    /// A lone known given name inside a sentence ("disagreed with Maureen").
    pub(crate) lone_given: bool,
    /// A lone uncommon word inside a sentence, not after "the" ("compliment Vitaly and
    /// yourself"): a given name when a full name of the article begins with it.
    pub(crate) lone_word: bool,
    /// Such a lone word before a reporting verb ("Maduro said"): a person even when no full
    /// name of the article has it.
    pub(crate) speaker: bool,
    /// A surname then a romanised given name ("Wong Yeung-tat"): its first word is a surname.
    pub(crate) romanised: bool,
    /// The whole chain, title included.
    pub(crate) chain: Span,
    /// Weak, but a person if listed beside people.
    pub(crate) listable: bool,
    pub(crate) words: usize,
}

/// Finds the people of `doc` given its sentences.
pub fn find_people(doc: &Document, seg: &Segments) -> People {
    let text = &doc.text;
    let mut cands = Vec::new();
    // Buffers reused from sentence to sentence.
    let (mut toks, mut merged, mut words) = (Vec::new(), Vec::new(), Vec::new());
    let (mut solid, mut scored, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    let finder = Finder::bundled();
    for (si, &s) in seg.sentences.iter().enumerate() {
        let headline = !s.of(text).chars().any(char::is_lowercase);
        if headline {
            continue;
        }
        toks.clear();
        toks.extend(seg.tokens(text, si));
        crate::segment::merge_hyphens(text, &toks, &mut merged);
        // The name finder reads the words; its tags go back beside every token.
        solid.clear();
        solid.extend(merged.iter().copied().filter(|t| !t.is_space()));
        finder.tag(&solid, &mut scored);
        tags.clear();
        let mut next = scored.iter();
        tags.extend(merged.iter().map(|t| {
            if t.is_space() {
                Scored::default()
            } else {
                next.next().copied().unwrap_or_default()
            }
        }));
        chains::chains(text, &merged, &tags, si, &mut words, &mut cands);
    }
    let mut out = link::resolve(&cands);
    link::headline_mentions(doc, seg, &mut out);
    refer::role_mentions(doc, seg, &mut out);
    refer::pronoun_mentions(doc, seg, &mut out);
    out.mentions.sort();
    out.mentions.dedup();
    out.titles.sort();
    out.titles.dedup();
    for m in &out.mentions {
        out.people[m.person]
            .mentions
            .push(doc.map.original_span(m.span));
    }
    for p in &mut out.people {
        p.mentions.sort();
        p.mentions.dedup();
    }
    out
}

pub(crate) fn soft_space(t: &Token<'_>) -> bool {
    t.is_space() && t.text.matches('\n').count() <= 1
}

pub(crate) fn strip_possessive(t: &str) -> (&str, bool) {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stem) = t.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return (stem, true);
        }
    }
    (t, false)
}

/// The longest of [`PARTICLES`], in bytes.
pub(crate) const LONGEST_PARTICLE: usize = 5;

pub(crate) fn is_particle(w: &str) -> bool {
    // An ASCII word keeps its length in lower case: a long one is no particle.
    (w.len() <= LONGEST_PARTICLE || !w.is_ascii()) && lowercase_is_any(w, PARTICLES)
}

pub(crate) fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.')
        && !is_numeral(w)
}

/// A regnal or papal numeral: `II`, `XIV` (at most `XXXIX`), or a name suffix `Jr`, `Sr`.
pub(crate) fn is_numeral(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    if matches!(w, "Jr" | "Sr" | "JR" | "SR") {
        return true;
    }
    // Tens, then units, in Roman notation.
    let rest = w.trim_start_matches('X');
    let tens = w.len() - rest.len();
    tens <= 3
        && !w.is_empty()
        && matches!(
            rest,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

pub(crate) fn is_honorific_only(w: &str) -> bool {
    with_lowercase(w, |w| {
        matches!(
            w.trim_end_matches('.'),
            "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lord" | "lady"
        ) || lexicon().lineage.contains(w.trim_end_matches('.'))
    })
}

/// Folded words of a name, hyphenated parts split.
pub(crate) fn key_words(name: &str) -> Vec<String> {
    name_tokens(name)
}

/// A name's [`key_words`] and its [`fold_name`], which is their concatenation (both keep the
/// same ASCII letters and digits of the transliterated name): one transliteration, not two.
pub(crate) fn keys(name: &str) -> (Vec<String>, String) {
    let kw = key_words(name);
    let fold = kw.concat();
    (kw, fold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use whomet_core::fold_name;

    #[test]
    fn folded_name_is_the_key_words_joined() {
        for name in [
            "",
            "  ",
            "Hossein Amir-Abdollahian",
            "Ziyad al-Nakhala",
            "F\u{e9}lix Houphou\u{eb}t-Boigny",
            "O'Neill",
            "Kim Jong-un 2nd",
            "\u{5f20}\u{4e09} Zhang",
            "\u{130}lham \u{3a3}\u{3b9}\u{3c3}\u{3c5}\u{3c2}",
            "--a--b--",
        ] {
            assert_eq!(keys(name).1, fold_name(name), "{name:?}");
        }
    }

    #[test]
    fn longest_particle_is_the_longest() {
        assert_eq!(
            PARTICLES.iter().map(|p| p.len()).max(),
            Some(LONGEST_PARTICLE)
        );
    }
}
