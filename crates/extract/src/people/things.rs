//! Not people: what the words of a chain, and the words beside it, say it names: a place, a
//! building, a firm, an outlet, an event, a document, a work or a group of people.
//!
//! - **Head words**: a name that ends in a word of `thing-heads.txt` ("San Carlo Bay", "Verlan
//!   Kapital", "Dolmer Protocol") or in a plural common noun ("Flight Attendants", "Varnese
//!   Studies") is a thing or a group, unless it is a given name and a surname ("Tyra Banks",
//!   "Senator Lucy Bay").
//! - **The article**: a chain after a lower-case "the", "a" or "an", or opening with "The",
//!   without a title
//!   ("the Osmar Herald", "the Lincoln Protocols"), is a thing; a person's name takes no article
//!   ("the Prime Minister Anna Berg" has a title).
//! - **A firm**: a chain that capitalised words, commas and "and" join to a firm's suffix ("Vellner
//!   Lund and Berg LLP").
//! - **A noun beside it**: a lower-case noun of `thing-nouns.txt` just before ("the tanker Marita
//!   Dawn") or just after ("the Verlan news agency") the chain.
//! - **A list entry's description**: in a bulleted line that opens with a name, a comma and a
//!   title ("-   Marta Lind, President, Voto Osmar"), the chains after the title describe the
//!   person: organisations, not people, unless titled themselves.
//! - **A town**: after a preposition, a chain then a comma and a place ("from Irving, Texas").
//! - **A place preposition**: a chain after "in", "at" or "near" is most often a place ("worked in
//!   Ann Arbour"): it needs the name finder's own word, not the weaker evidence of a given name.

use super::chains::is_given;
use super::{Candidate, strip_possessive};
use crate::lexicon::{lexicon, with_lowercase};
use crate::segment::Token;

/// The name's last word ends the name of a thing or is a plural common noun (`name` holds the
/// name words, title left out); not when a given name opens it and it has two words or a title
/// (`titled`) stands before it: then the last word is a surname.
/// A plural noun yields to other evidence of a name (`vouched`): "Rustyn Stoops".
pub(super) fn thing_head(name: &[&str], titled: bool, vouched: bool) -> bool {
    // One word after a title ("Admiral Blvd", "Metropolitan Area"): a head word, not a plural
    // ("Senator Banks").
    if let [word] = name {
        return titled && with_lowercase(word, |w| lexicon().thing_heads.contains(w));
    }
    let [first, .., last] = name else {
        return false;
    };
    let last = strip_possessive(last).0;
    if with_lowercase(last, |w| lexicon().firm_heads.contains(w)) {
        return true;
    }
    if is_given(first) && (titled || name.len() == 2) {
        return false;
    }
    with_lowercase(last, |w| {
        lexicon().thing_heads.contains(w) || !vouched && plural_noun(w)
    })
}

/// "Sputnik V", "Falcon IX": a word and a numeral name a product or a craft, unless the word is a
/// given name or a title stands before it ("Pope Leo XIV", "Mohammed VI").
pub(super) fn numbered_thing(name: &[&str], titled: bool) -> bool {
    match name {
        [word, numeral] => {
            !titled
                && super::is_numeral(numeral)
                && !numeral.starts_with(['J', 'S'])
                && !is_given(word)
        }
        _ => false,
    }
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

/// The chain opens with "The" or follows a lower-case article ("the", "a", "an": "a Truman
/// Scholar").
pub(super) fn after_article(toks: &[Token<'_>], words: &[usize]) -> bool {
    let Some(&first) = words.first() else {
        return false;
    };
    toks[first].text == "The" || matches!(word_before(toks, first), Some("the" | "a" | "an"))
}

/// Suffixes of a firm's name ("LLP", "GmbH").
const FIRM_SUFFIXES: &[&str] = &[
    "LLP", "LLC", "PLLC", "PC", "Inc", "Ltd", "PLC", "plc", "GmbH", "AG", "SA", "NV", "BV",
];

/// The chain is a partner of a firm's name: capitalised words, commas, "and" or "&" lead from
/// it to a firm's suffix ("Wilmer Vellner Lund and Berg LLP", "Lind, Osmar & Berg LLP").
pub(super) fn firm_partner(toks: &[Token<'_>], words: &[usize]) -> bool {
    let Some(&last) = words.last() else {
        return false;
    };
    for t in toks[last + 1..].iter().filter(|t| !t.is_space()).take(12) {
        let w = t.text.trim_end_matches('.');
        if FIRM_SUFFIXES.contains(&w) {
            return true;
        }
        if !(t.is_capitalized() || matches!(t.text, "," | "and" | "&" | ".")) {
            return false;
        }
    }
    false
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
/// title: "party Chairman Tomas Vellner" is a person; but "the frigate Admiral Vellner" is a
/// ship) or just after it (one or two words).
pub(super) fn thing_noun_beside(toks: &[Token<'_>], words: &[usize], opens_titled: bool) -> bool {
    let lex = lexicon();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    let lower = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    let before = word_before(toks, first).filter(|w| lower(w));
    if before
        .is_some_and(|b| lex.vessels.contains(b) || !opens_titled && lex.thing_before.contains(b))
    {
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

/// Drops the untitled candidates of a bulleted entry (`cands`, in text order) after its head
/// name, a comma and a title word: "-   Marta Lind, Co-Founder and President, Voto Osmar" gives
/// no person "Voto Osmar"; "-   Marta Lind, Anna Berg and Carl Lund" is a list of people.
pub(super) fn drop_entry_descriptions(toks: &[Token<'_>], cands: &mut Vec<Candidate>, from: usize) {
    let lex = lexicon();
    let Some(head) = cands.get(from) else {
        return;
    };
    let opens = toks
        .iter()
        .find(|t| t.is_word())
        .is_some_and(|t| t.span.start == head.chain.start);
    let mut after = toks
        .iter()
        .skip_while(|t| t.span.start < head.span.end)
        .filter(|t| !t.is_space());
    let described = after.next().is_some_and(|t| t.text == ",")
        && after
            .next()
            .is_some_and(|t| t.is_capitalized() && lex.is_title(t.text));
    if !opens || !described {
        return;
    }
    let mut k = 0;
    cands.retain(|c| {
        k += 1;
        k <= from + 1 || c.titled
    });
}

/// "from Irving, Texas": after a preposition, a chain followed by a comma and a place is a town.
pub(super) fn town_of_place(toks: &[Token<'_>], words: &[usize]) -> bool {
    let lex = lexicon();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    let after_preposition = word_before(toks, first)
        .is_some_and(|w| matches!(w, "in" | "at" | "near" | "from" | "outside" | "around"));
    if !after_preposition {
        return false;
    }
    let mut after = toks[last + 1..].iter().filter(|t| !t.is_space());
    if after.next().is_none_or(|t| t.text != ",") {
        return false;
    }
    // The place: up to three capitalised words ("Texas", "New South Wales"), not a possessive
    // ("from Anna Berg, Norway's envoy").
    let place: Vec<&str> = after
        .take(3)
        .take_while(|t| t.is_capitalized() && !strip_possessive(t.text).1)
        .map(|t| t.text)
        .collect();
    (1..=place.len()).any(|n| lex.is_place(&place[..n].join(" ")))
}
