//! Pronouns and roles: "he", "the Crown Prince", "Iran's foreign minister" joined to the people
//! of the article.

use super::{People, is_honorific_only, strip_possessive};
use crate::lexicon::{lexicon, lowercase_is_any, with_lowercase};
use crate::segment::{Segments, Token};
use std::collections::HashMap;
use whomet_core::{Document, LocalPerson, Mention, MentionKind, RoleRef, Span};

/// The last one or two title words of a role: "Foreign Minister", "Crown Prince", "leader".
fn role_head(role: &str) -> Option<String> {
    let lex = lexicon();
    // A prepositional title is headed before its preposition: "Aide to the Russian President"
    // is an aide, "Vice Chancellor of Austria" a vice chancellor.
    let words: Vec<String> = role
        .split_whitespace()
        .take_while(|w| !super::chains::is_connector(w))
        .map(|w| w.to_lowercase())
        .filter(|w| lex.is_title(w) && !is_honorific_only(w))
        .collect();
    let n = words.len();
    match n {
        0 => None,
        1 => Some(words[0].clone()),
        _ => Some(format!("{} {}", words[n - 2], words[n - 1])),
    }
}

/// "leader" names any head of state or government; "monarch" any royal.
fn holds_generic(phrase: &str, head: &str) -> bool {
    let last = head.rsplit(' ').next().unwrap_or(head);
    match phrase {
        "leader" => {
            matches!(
                last,
                "king"
                    | "queen"
                    | "emir"
                    | "sultan"
                    | "president"
                    | "premier"
                    | "chancellor"
                    | "leader"
            ) || head == "prime minister"
        }
        "monarch" => matches!(last, "king" | "queen" | "emir" | "sultan"),
        _ => false,
    }
}

/// A role mentions the country of a nationality word ("King of Saudi Arabia" for "Saudi",
/// "Iranian Foreign Minister" for "Iranian"): a role word sharing its first four letters.
fn same_country(role: &str, nationality: &str) -> bool {
    let stem: String = nationality.chars().take(4).collect();
    stem.len() == 4
        && role
            .split_whitespace()
            .any(|w| w.len() >= 4 && w.to_lowercase().starts_with(&stem))
}

/// "the Crown Prince", "the Saudi leader", "Iran's foreign minister": the only person of the
/// article holding that role.
pub(super) fn role_mentions(doc: &Document, seg: &Segments, out: &mut People) {
    let lex = lexicon();
    let heads: Vec<(usize, String)> = out
        .people
        .iter()
        .enumerate()
        .flat_map(|(p, person)| {
            person
                .roles
                .iter()
                .filter_map(move |r| role_head(r).map(|h| (p, h)))
        })
        .collect();
    let mut holders_of: HashMap<String, std::collections::BTreeSet<usize>> = HashMap::new();
    for (p, h) in &heads {
        holders_of.entry(h.clone()).or_default().insert(*p);
        for generic in ["leader", "monarch"] {
            if holds_generic(generic, h) {
                holders_of
                    .entry(generic.to_string())
                    .or_default()
                    .insert(*p);
            }
        }
    }
    let text = &doc.text;
    // Buffers reused from sentence to sentence.
    let mut words: Vec<Token<'_>> = Vec::new();
    let mut phrase = String::new();
    for si in 0..seg.sentences.len() {
        words.clear();
        words.extend(seg.non_space(text, si));
        for k in 0..words.len() {
            whomet_core::work::tick(1);
            let det_ok = lowercase_is_any(words[k].text, &["the"])
                || words[k].is_capitalized() && strip_possessive(words[k].text).1;
            if !det_ok {
                continue;
            }
            // Skip adjectives and nationalities, then read one or two title words.
            let mut m = k + 1;
            while m < words.len()
                && with_lowercase(words[m].text, |w| {
                    lex.demonyms.contains(w) || matches!(w, "top" | "senior" | "visiting")
                })
            {
                m += 1;
            }
            let mut nationality: Vec<String> = words[k + 1..m]
                .iter()
                .map(|t| t.text.to_lowercase())
                .filter(|w| lex.demonyms.contains(w))
                .collect();
            // "Iran's foreign minister": the possessor is the country.
            let possessor = strip_possessive(words[k].text);
            if possessor.1 && lex.is_place(possessor.0) {
                nationality.push(possessor.0.to_lowercase());
            }
            for len in [2usize, 1] {
                if m + len > words.len() {
                    continue;
                }
                phrase.clear();
                for (i, t) in words[m..m + len].iter().enumerate() {
                    if i > 0 {
                        phrase.push(' ');
                    }
                    with_lowercase(t.text, |w| phrase.push_str(w));
                }
                // Not a title before a name ("the Foreign Minister Hossein ...").
                if words
                    .get(m + len)
                    .is_some_and(|t| t.is_capitalized() && t.is_word())
                {
                    continue;
                }
                let mut holders: Vec<usize> = holders_of
                    .get(&phrase)
                    .map(|h| h.iter().copied().collect())
                    .unwrap_or_default();
                if holders.is_empty()
                    && let Some(country) = nationality.first()
                    && phrase.split(' ').all(|w| lex.is_title(w))
                    && phrase.split(' ').any(|w| lex.is_head_title(w))
                {
                    // Nobody in the article holds it: a description for the whole corpus.
                    let role = RoleRef {
                        head: phrase.clone(),
                        country: country.clone(),
                    };
                    let p = match out
                        .people
                        .iter()
                        .position(|p| p.described.as_ref() == Some(&role))
                    {
                        Some(p) => p,
                        None => {
                            out.people.push(LocalPerson {
                                name: String::new(),
                                aliases: vec![],
                                roles: vec![format!("{phrase} ({country})")],
                                mentions: vec![],
                                credit: false,
                                described: Some(role),
                            });
                            out.people.len() - 1
                        }
                    };
                    holders.push(p);
                }
                if holders.len() > 1 && !nationality.is_empty() {
                    holders.retain(|&p| {
                        out.people[p]
                            .roles
                            .iter()
                            .any(|r| nationality.iter().any(|n| same_country(r, n)))
                    });
                }
                if let [p] = holders.as_slice() {
                    out.mentions.push(Mention {
                        span: Span::new(words[k].span.start, words[m + len - 1].span.end),
                        sentence: si,
                        kind: MentionKind::Role,
                        person: *p,
                    });
                    break;
                }
            }
        }
    }
}

/// he, she, his, him, her: the nearest person earlier in the sentence; else the only person of
/// the previous sentence; else that sentence's subject (its first mention not inside a
/// prepositional phrase), which news prose keeps as the topic. Otherwise left unresolved.
pub(super) fn pronoun_mentions(doc: &Document, seg: &Segments, out: &mut People) {
    let text = &doc.text;
    // Mentions by sentence, in text order; pronoun mentions join as they are found.
    let mut by_sentence: Vec<Vec<Mention>> = vec![Vec::new(); seg.sentences.len()];
    for m in &out.mentions {
        if let Some(v) = by_sentence.get_mut(m.sentence) {
            v.push(*m);
        }
    }
    for v in &mut by_sentence {
        v.sort();
    }
    let mut topic: Option<(usize, Option<usize>)> = None;
    for si in 0..seg.sentences.len() {
        let names = std::mem::take(&mut by_sentence[si]);
        let mut merged: Vec<Mention> = Vec::with_capacity(names.len());
        let mut next_name = 0;
        for t in seg.non_space(text, si).filter(|t| t.is_word()) {
            whomet_core::work::tick(1);
            while next_name < names.len() && names[next_name].span.end <= t.span.start {
                merged.push(names[next_name]);
                next_name += 1;
            }
            if !lowercase_is_any(t.text, &["he", "she", "his", "him", "her"]) {
                continue;
            }
            // A pronoun spelling inside a name ("Minister Him Besueawa") is part of the name.
            if names
                .get(next_name)
                .is_some_and(|n| n.span.start <= t.span.start && t.span.end <= n.span.end)
            {
                continue;
            }
            let mut previous = || match topic {
                Some((s, p)) if s + 1 == si => p,
                _ if si == 0 => None,
                _ => {
                    let p = previous_topic(text, seg, si - 1, &by_sentence[si - 1]);
                    topic = Some((si - 1, p));
                    p
                }
            };
            let person = match merged.last() {
                Some(m) => Some(m.person),
                // "After his talks with Y, X left": the subject after the fronted clause.
                None => fronted_clause(text, seg, si)
                    .then(|| main_subject(text, seg, si, &names))
                    .flatten()
                    .or_else(&mut previous),
            };
            if let Some(p) = person.filter(|&p| !out.people[p].credit) {
                let m = Mention {
                    span: t.span,
                    sentence: si,
                    kind: MentionKind::Pronoun,
                    person: p,
                };
                merged.push(m);
                out.mentions.push(m);
            }
        }
        merged.extend_from_slice(&names[next_name..]);
        by_sentence[si] = merged;
    }
}

/// The name that opens the main clause after a fronted one ("..., Prime Minister X left"), when
/// only title words stand between the comma and it.
fn main_subject(text: &str, seg: &Segments, si: usize, names: &[Mention]) -> Option<usize> {
    let toks: Vec<Token<'_>> = seg.non_space(text, si).collect();
    let comma = toks.iter().position(|t| t.text == ",")?;
    let m = names
        .iter()
        .find(|m| m.span.start >= toks[comma].span.end)?;
    let lex = lexicon();
    toks[comma + 1..]
        .iter()
        .take_while(|t| t.span.end <= m.span.start)
        .all(|t| t.is_capitalized() || lex.is_title(t.text) || t.text == "the")
        .then_some(m.person)
}

/// The sentence opens with a subordinate clause ("After his talks with Y, ...").
fn fronted_clause(text: &str, seg: &Segments, si: usize) -> bool {
    seg.non_space(text, si)
        .find(|t| t.is_word())
        .is_some_and(|t| {
            matches!(
                t.text,
                "After"
                    | "Before"
                    | "During"
                    | "Following"
                    | "Upon"
                    | "On"
                    | "While"
                    | "Ahead"
                    | "At"
            )
        })
}

/// The person a following pronoun most plausibly continues: the only person of the sentence,
/// else its subject.
fn previous_topic(text: &str, seg: &Segments, si: usize, ms: &[Mention]) -> Option<usize> {
    let distinct: std::collections::BTreeSet<usize> = ms.iter().map(|m| m.person).collect();
    if distinct.len() == 1 {
        return distinct.into_iter().next();
    }
    let toks: Vec<Token<'_>> = seg
        .non_space(text, si)
        .filter(|t| t.is_word() || t.text == ",")
        .collect();
    ms.iter()
        .take(16)
        .find(|m| {
            // The word before the mention (skipping title words) is no preposition.
            let end = toks.partition_point(|t| t.span.end <= m.span.start);
            let prev = toks[..end]
                .iter()
                .rev()
                .take(12)
                .find(|t| !lexicon().is_title(t.text) && !t.is_capitalized());
            !prev.is_some_and(|t| {
                with_lowercase(t.text, |w| {
                    matches!(
                        w,
                        "with"
                            | "to"
                            | "on"
                            | "by"
                            | "of"
                            | "for"
                            | "from"
                            | "at"
                            | "in"
                            | "about"
                            | "against"
                            | "between"
                            | "meeting"
                            | "met"
                            | "and"
                            | "than"
                    )
                })
            })
        })
        .map(|m| m.person)
}
