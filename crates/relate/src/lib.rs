//! Relation scoring: the detect-meetings and score stages.
//!
//! `... -> resolve people ->` **`detect meetings -> score`** `-> build graph -> export`.
//!
//! For each sentence, [`detect`] looks for a trigger ("met", "held talks with", "was welcomed
//! by", "will meet", "talked ... over the telephone"), links the people mentioned before it (the
//! subject side, with coordinated names) and after it (the object side, up to a new clause), drops
//! negated, conditional and proposed meetings, resolves the date against the document date and
//! the tense, finds the place, and gives the evidence a confidence. The model is written down in
//! `docs/SCORING.md`.
//!
//! ```
//! use whomet_extract::{extract, prepare, Input};
//! let (doc, _) = prepare(&Input { id: "d", ..Input::default() },
//!     b"date 1987-10-19 Crown Prince Abdullah bin Abdul Aziz met Vice President \
//!       George Bush on Monday in Washington.");
//! let ex = extract(&doc);
//! let events = whomet_relate::detect(&doc, &ex);
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].date.unwrap().to_string(), "1987-10-19");
//! assert_eq!(events[0].place.as_deref(), Some("Washington"));
//! ```
#![warn(missing_docs)]

mod dates;
mod triggers;

use std::collections::BTreeSet;
use triggers::{Modality, Trigger};
use whomet_core::{Document, Event, Evidence, Mention, MentionKind, Participant, Span};
use whomet_extract::Extraction;
use whomet_extract::segment::{Token, tokens};

/// Detects the events of one article.
pub fn detect(doc: &Document, ex: &Extraction) -> Vec<Event> {
    let mut events = Vec::new();
    let text = &doc.text;
    for (si, &sentence) in ex.sentences.iter().enumerate() {
        let mentions: Vec<&Mention> = ex
            .people
            .mentions
            .iter()
            .filter(|m| m.sentence == si && !ex.people.people[m.person].credit)
            .collect();
        let toks: Vec<Token<'_>> = tokens(text, sentence)
            .into_iter()
            .filter(|t| !t.is_space())
            .collect();
        let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
        let persons: BTreeSet<usize> = mentions.iter().map(|m| m.person).collect();
        let group = two_of_them(&lower, ex, si);
        if persons.len() < 2 && group.is_none() {
            continue;
        }
        let mut used = BTreeSet::new();
        for trig in triggers::find(&lower) {
            if trig.modality == Modality::Dropped {
                continue;
            }
            let at = toks[trig.start].span.start;
            let end = toks[trig.end - 1].span.end;
            let mut participants = Vec::new();
            let joint;
            if let Some(g) = group.as_ref().filter(|_| trig.joint_subject) {
                participants.extend(g.iter().map(|&p| Participant { person: p, side: 0 }));
                joint = true;
            } else {
                let subject = subject_group(&toks, &mentions, at);
                let objects = object_group(&toks, &lower, &mentions, end);
                if trig.joint_objects && subject.is_empty() {
                    participants
                        .extend(objects.iter().map(|&p| Participant { person: p, side: 0 }));
                    joint = true;
                } else if subject.len() >= 2 && objects.is_empty() && trig.joint_subject {
                    participants
                        .extend(subject.iter().map(|&p| Participant { person: p, side: 0 }));
                    joint = true;
                } else {
                    participants
                        .extend(subject.iter().map(|&p| Participant { person: p, side: 0 }));
                    participants
                        .extend(objects.iter().map(|&p| Participant { person: p, side: 1 }));
                    joint = false;
                }
            }
            let event = Event {
                kind: trig.kind,
                participants,
                joint,
                date: None,
                place: None,
                evidence: Evidence {
                    doc: doc.id.clone(),
                    sentence: doc.map.original_span(sentence),
                    text: sentence
                        .of(text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    trigger: Span::new(at, end)
                        .of(text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    confidence: 0.0,
                    cues: vec![],
                },
            };
            if event.pairs().is_empty() {
                continue;
            }
            let key: Vec<(usize, usize)> = event.pairs();
            if !used.insert((trig.kind, key)) {
                continue;
            }
            let mut event = event;
            score(&mut event, &trig, &mentions, &lower, si == 0);
            event.date = dates::resolve(doc, &toks, &lower, trig.kind, si == 0);
            event.place = place(doc, &toks, si == 0);
            events.push(event);
        }
    }
    events
}

/// "The two officials", "the two leaders": the two people of this or the previous sentence.
fn two_of_them(lower: &[String], ex: &Extraction, si: usize) -> Option<Vec<usize>> {
    let named = lower.windows(2).any(|w| {
        (w[0] == "two" || w[0] == "both")
            && matches!(
                w[1].as_str(),
                "men" | "leaders" | "officials" | "dignitaries" | "ministers" | "sides" | "women"
            )
    });
    if !named {
        return None;
    }
    let mut seen: Vec<usize> = Vec::new();
    for s in [si.checked_sub(1), Some(si)].into_iter().flatten() {
        for m in ex.people.mentions.iter().filter(|m| m.sentence == s) {
            if !seen.contains(&m.person) && !ex.people.people[m.person].credit {
                seen.push(m.person);
            }
        }
    }
    (seen.len() == 2).then_some(seen)
}

/// Tokens that may stand between coordinated names ("A, B and C", "A and Egyptian ambassador B").
fn coordinating(toks: &[Token<'_>], from: usize, to: usize) -> bool {
    let lex = whomet_extract::lexicon::lexicon();
    let between: Vec<&Token<'_>> = toks
        .iter()
        .filter(|t| t.span.start >= from && t.span.end <= to)
        .collect();
    between.iter().any(|t| t.text == "and" || t.text == ",")
        && between.iter().all(|t| {
            t.text == "and"
                || t.text == ","
                || t.is_capitalized()
                || lex.is_title(t.text)
                || t.text == "to"
                || t.text == "of"
        })
}

/// The subject side: the nearest mention before the trigger and names coordinated with it.
fn subject_group(toks: &[Token<'_>], mentions: &[&Mention], at: usize) -> Vec<usize> {
    let before: Vec<&&Mention> = mentions.iter().filter(|m| m.span.end <= at).collect();
    let Some(last) = before.last() else {
        return vec![];
    };
    let mut group = vec![last.person];
    let mut cur = **last;
    for m in before.iter().rev().skip(1) {
        if coordinating(toks, m.span.end, cur.span.start) {
            group.push(m.person);
            cur = m;
        } else {
            break;
        }
    }
    group.dedup();
    group
}

/// The object side: mentions after the trigger, up to a new clause.
fn object_group(
    toks: &[Token<'_>],
    lower: &[String],
    mentions: &[&Mention],
    end: usize,
) -> Vec<usize> {
    let stop = toks
        .iter()
        .zip(lower)
        .find(|(t, l)| {
            t.span.start >= end
                && matches!(
                    l.as_str(),
                    ";" | "said"
                        | "says"
                        | "told"
                        | "but"
                        | "while"
                        | "after"
                        | "before"
                        | "which"
                        | "who"
                        | "when"
                        | "where"
                        | "because"
                )
        })
        .map_or(usize::MAX, |(t, _)| t.span.start);
    let mut out = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| m.span.start >= end && m.span.end <= stop)
    {
        // A name followed by a reporting verb starts a new clause.
        let next = toks.iter().position(|t| t.span.start >= m.span.end);
        let reporting = next.is_some_and(|i| {
            matches!(lower[i].as_str(), "said" | "says" | "told")
                || (lower[i] == "," && lower.get(i + 1).is_some_and(|w| w == "who"))
        });
        if m.kind != MentionKind::Pronoun && !out.contains(&m.person) && !reporting {
            out.push(m.person);
        }
    }
    out
}

/// Confidence of one piece of evidence (see `docs/SCORING.md`).
fn score(event: &mut Event, trig: &Trigger, mentions: &[&Mention], lower: &[String], first: bool) {
    let mut c = trig.base;
    let mut cues = vec![format!("trigger:{}", trig.name)];
    let involved: Vec<&&Mention> = mentions
        .iter()
        .filter(|m| event.participants.iter().any(|p| p.person == m.person))
        .collect();
    if involved.iter().any(|m| m.kind == MentionKind::Pronoun) {
        c *= 0.9;
        cues.push("pronoun".into());
    }
    if involved.iter().any(|m| m.kind == MentionKind::Role) {
        c *= 0.9;
        cues.push("role".into());
    }
    let hedges = [
        "reportedly",
        "reported",
        "according",
        "sources",
        "believed",
        "apparently",
    ];
    if lower.iter().any(|w| hedges.contains(&w.as_str())) {
        c *= 0.9;
        cues.push("hedged".into());
    }
    if lower
        .iter()
        .any(|w| matches!(w.as_str(), "\"" | "\u{201c}" | "\u{201d}"))
    {
        c *= 0.9;
        cues.push("quote".into());
    }
    if trig.modality == Modality::Caption {
        cues.push("caption".into());
    }
    if first {
        cues.push("lead".into());
        c = (c * 1.05).min(0.99);
    }
    if event.participants.len() > 4 {
        c *= 0.85;
        cues.push("many-participants".into());
    }
    event.evidence.confidence = (c * 1000.0).round() / 1000.0;
    event.evidence.cues = cues;
}

/// The place of the meeting: "in Doha", "at Downing Street", else the dateline city for the
/// lead sentence.
fn place(doc: &Document, toks: &[Token<'_>], first: bool) -> Option<String> {
    let lex = whomet_extract::lexicon::lexicon();
    for (i, t) in toks.iter().enumerate() {
        if !matches!(t.text, "in" | "at" | "to") {
            continue;
        }
        for len in [3usize, 2, 1] {
            if i + 1 + len > toks.len() {
                continue;
            }
            let words: Vec<&str> = toks[i + 1..i + 1 + len]
                .iter()
                .map(|t| t.text.trim_end_matches("'s").trim_end_matches("\u{2019}s"))
                .collect();
            let cand = words.join(" ");
            if lex.is_place(&cand) && toks[i + 1].is_capitalized() {
                return Some(cand);
            }
        }
    }
    if first {
        let body = &doc.text[doc.body_start..];
        let line: String = body
            .lines()
            .find(|l| l.contains(" - ") || l.contains(", "))?
            .to_string();
        let city = line.trim().split(',').next()?.trim();
        let titled = city
            .split_whitespace()
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        if lex.is_place(&titled) && city.chars().all(|c| !c.is_lowercase()) {
            return Some(titled);
        }
    }
    None
}
