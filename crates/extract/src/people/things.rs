//! Not people: what the words of a chain, and the words beside it, say it names: a place, a
//! building, a firm, an outlet, an event, a document, a work or a group of people.
//!
//! - **Head words**: a name that ends in a word of `thing-heads.txt` ("San Carlo Bay", "Verlan
//!   Kapital", "Dolmer Protocol") or in a plural common noun ("Flight Attendants", "Varnese
//!   Studies") is a thing or a group, unless it is a given name and a surname ("Tyra Banks",
//!   "Senator Lucy Bay").
//! - **The article**: a chain after a lower-case "the", or opening with "The", without a title
//!   ("the Osmar Herald", "the Lincoln Protocols"), is a thing; a person's name takes no article
//!   ("the Prime Minister Anna Berg" has a title).
//! - **A noun beside it**: a lower-case noun of `thing-nouns.txt` just before ("the tanker Marita
//!   Dawn") or just after ("the Verlan news agency") the chain.
//! - **A place preposition**: a chain after "in", "at" or "near" is most often a place ("worked in
//!   Ann Arbour"): it needs the name finder's own word, not the weaker evidence of a given name.

use super::chains::is_given;
use super::strip_possessive;
use crate::lexicon::{lexicon, with_lowercase};
use crate::segment::Token;

/// The name's last word ends the name of a thing or is a plural common noun (`name` holds the
/// name words, title left out); not when a given name opens it and it has two words or a title
/// (`titled`) stands before it: then the last word is a surname.
/// A plural noun yields to other evidence of a name (`vouched`): "Rustyn Stoops".
pub(super) fn thing_head(name: &[&str], titled: bool, vouched: bool) -> bool {
    let [first, .., last] = name else {
        return false;
    };
    if is_given(first) && (titled || name.len() == 2) {
        return false;
    }
    let last = strip_possessive(last).0;
    with_lowercase(last, |w| {
        lexicon().thing_heads.contains(w) || !vouched && plural_noun(w)
    })
}

/// A plural common noun ("attendants", "studies"), lower case, that is no given name or surname.
fn plural_noun(w: &str) -> bool {
    let lex = lexicon();
    let singular = |s: &str| lex.common.contains(s);
    w.len() >= 4
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && lex.common.contains(w)
        && !lex.given.contains(w)
        && !lex.world_given.contains(w)
        && !lex.world_surnames.contains(w)
        && (w
            .strip_suffix("ies")
            .is_some_and(|s| singular(&format!("{s}y")))
            || w.strip_suffix("es").is_some_and(singular)
            || w.strip_suffix('s').is_some_and(singular))
}

/// The word before the chain that starts at token `first` (white space skipped), if any.
fn word_before<'t>(toks: &[Token<'t>], first: usize) -> Option<&'t str> {
    toks[..first]
        .iter()
        .rev()
        .find(|t| !t.is_space())
        .map(|t| t.text)
}

/// The chain opens with "The" or follows a lower-case "the".
pub(super) fn after_article(toks: &[Token<'_>], words: &[usize]) -> bool {
    let Some(&first) = words.first() else {
        return false;
    };
    toks[first].text == "The" || word_before(toks, first) == Some("the")
}

/// "the Yahya Sinwar views": after an article, a name of two words at least that looks like a
/// person's (`personal`: a given name opens it, the name finder says so, or no word of it is a
/// common English word), used as a modifier
/// of the lower-case noun after it, is still a person's name.
pub(super) fn modifier_name(toks: &[Token<'_>], words: &[usize], personal: bool) -> bool {
    let Some(&last) = words.last() else {
        return false;
    };
    words.len() >= 2
        && personal
        && toks[last + 1..]
            .iter()
            .find(|t| !t.is_space())
            .is_some_and(|t| noun_like(t.text))
}

/// A lower-case word that can be the noun a name modifies: not a verb of the clause ("the
/// Vellan Marutko was seized").
fn noun_like(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && !w.ends_with("ed")
        && !matches!(
            w,
            "is" | "was"
                | "are"
                | "were"
                | "be"
                | "been"
                | "has"
                | "had"
                | "have"
                | "says"
                | "said"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "does"
                | "did"
                | "and"
                | "or"
                | "of"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "from"
                | "with"
                | "by"
                | "as"
                | "that"
                | "which"
                | "who"
        )
}

/// A lower-case noun of `thing-nouns.txt` stands just before the chain (when it opens with no
/// title: "party Chairman Tomas Vellner" is a person) or just after it (one or two words).
pub(super) fn thing_noun_beside(toks: &[Token<'_>], words: &[usize], opens_titled: bool) -> bool {
    let lex = lexicon();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    let lower = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    let before = word_before(toks, first).filter(|w| lower(w));
    if !opens_titled && before.is_some_and(|b| lex.thing_before.contains(b)) {
        return true;
    }
    let mut after = toks[last + 1..].iter().filter(|t| !t.is_space());
    let Some(a) = after.next().map(|t| t.text).filter(|w| lower(w)) else {
        return false;
    };
    if lex.thing_after.contains(a) {
        return true;
    }
    after
        .next()
        .map(|t| t.text)
        .filter(|w| lower(w))
        .is_some_and(|b| lex.thing_after.contains(format!("{a} {b}").as_str()))
}

/// The chain follows a preposition of place ("in", "at", "near").
pub(super) fn after_place_preposition(toks: &[Token<'_>], words: &[usize]) -> bool {
    words.first().is_some_and(|&first| {
        word_before(toks, first).is_some_and(|w| {
            matches!(
                w,
                "in" | "at" | "near" | "inside" | "outside" | "across" | "around" | "throughout"
            )
        })
    })
}
