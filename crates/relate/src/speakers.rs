//! Who "I" is. In a speaker's turn of a transcript ("Michel Platini: Thank you for meeting with
//! me"), a first-person pronoun is the speaker; outside any turn, in an article whose headline
//! names one author ("Statement by President Joe Biden on ..."), it is the author. Words in
//! quotation marks are someone else's and are left alone, as are turns whose speaker is no
//! one the article names ("Question: ...").

use whomet_core::{Mention, MentionKind, Span};
use whomet_extract::Extraction;

/// Headline phrases that name the article's author right after them.
const AUTHOR_CUES: &[&str] = &[
    "statement by",
    "statement from",
    "statement of",
    "remarks by",
    "remarks of",
    "letter from",
    "letter by",
    "message from",
    "message by",
    "op-ed by",
    "address by",
    "speech by",
];

/// First-person pronouns.
const FIRST_PERSON: &[&str] = &["I", "me", "Me", "my", "My", "myself", "Myself", "mine"];

/// The longest speaker label before a turn's colon, in bytes ("President of Russia Vladimir
/// Putin (translated from Russian)").
const MAX_LABEL: usize = 120;

/// A turn of a transcript: where it starts and who speaks (`None`: someone the article does
/// not name).
struct Turn {
    start: usize,
    speaker: Option<usize>,
}

/// Pronoun mentions for the first-person pronouns of `text` whose speaker is known, in text
/// order, leaving out any word the people finder already resolved.
pub(crate) fn first_person(text: &str, ex: &Extraction) -> Vec<Mention> {
    let people = &ex.people;
    let names: Vec<&Mention> = people
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name && !people.people[m.person].credit)
        .collect();
    let turns = turns(text, &names);
    let author = author(text, ex, &names);
    if turns.is_empty() && author.is_none() {
        return Vec::new();
    }
    let quoted = quoted(text);
    let mut out = Vec::new();
    for si in 0..ex.sentences().len() {
        for t in ex.segments.non_space(text, si) {
            if !FIRST_PERSON.contains(&t.text) || in_spans(&quoted, t.span.start) {
                continue;
            }
            let turn = turns.partition_point(|turn| turn.start <= t.span.start);
            let speaker = match turn.checked_sub(1) {
                Some(k) => turns[k].speaker,
                None => author,
            };
            let Some(person) = speaker else { continue };
            let known = people
                .mentions
                .iter()
                .any(|m| m.span.start < t.span.end && t.span.start < m.span.end);
            if !known {
                out.push(Mention {
                    span: t.span,
                    sentence: si,
                    kind: MentionKind::Pronoun,
                    person,
                });
            }
        }
    }
    out
}

/// The person a headline names as the article's one author.
fn author(text: &str, ex: &Extraction, names: &[&Mention]) -> Option<usize> {
    let headline = *ex.sentences().first()?;
    let line = headline.of(text);
    let lower = line.to_lowercase();
    let cue_end = AUTHOR_CUES.iter().find_map(|cue| {
        let at = lower.find(cue)?;
        // At the start, or after a word or two ("Joint Statement by", "Full Remarks by").
        (line[..at].split_whitespace().count() <= 2).then_some(headline.start + at + cue.len())
    })?;
    let after: Vec<&&Mention> = names
        .iter()
        .filter(|m| m.sentence == 0 && m.span.start >= cue_end)
        .collect();
    let first = after.first()?;
    // Title words may stand between the cue and the name, but no verb or clause.
    if text[cue_end..first.span.start].split_whitespace().count() > 6 {
        return None;
    }
    // "Statement by X and Y": no one author.
    let second = after.iter().find(|m| m.person != first.person);
    if second.is_some_and(|m| {
        text[first.span.end..m.span.start]
            .split_whitespace()
            .any(|w| w == "and" || w == "&")
    }) {
        return None;
    }
    Some(first.person)
}

/// The turns of a transcript: lines that begin with a speaker's label and a colon ("Vladimir
/// Putin: ...", "President of Russia Vladimir Putin: ...", "Question: ..."), in text order.
fn turns(text: &str, names: &[&Mention]) -> Vec<Turn> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let here = start;
        start += line.len();
        let Some(colon) = line.find(':') else {
            continue;
        };
        let label = &line[..colon];
        let trimmed = label.trim();
        if trimmed.is_empty() || label.len() > MAX_LABEL || !line[colon + 1..].starts_with(' ') {
            continue;
        }
        // A label is a name with its title, perhaps with a bracketed remark: capitalised
        // words, "of", "the", and what is in brackets, and no sentence punctuation.
        let bare = match trimmed.find('(') {
            Some(b) => &trimmed[..b],
            None => trimmed,
        };
        let label_like = bare.split_whitespace().count() <= 10
            && bare.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "of" | "the")
            })
            && !bare.contains(['.', ',', ';', '!', '?', '"']);
        if !label_like || bare.split_whitespace().next().is_none() {
            continue;
        }
        let end = here + bare.trim_end().len() + (label.len() - label.trim_start().len());
        let speaker = names
            .iter()
            .rev()
            .find(|m| m.span.start >= here && m.span.end <= end && m.span.end + 1 >= end)
            .map(|m| m.person);
        out.push(Turn {
            start: here,
            speaker,
        });
    }
    out
}

/// The spans of `text` inside quotation marks, paragraph by paragraph (a quote left open at a
/// paragraph's end closes there).
fn quoted(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201c}' => open = open.or(Some(i)),
            '\u{201d}' => {
                if let Some(s) = open.take() {
                    out.push(Span::new(s, i));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(Span::new(s, i)),
                None => open = Some(i),
            },
            '\n' => {
                if let Some(s) = open.take() {
                    out.push(Span::new(s, i));
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(Span::new(s, text.len()));
    }
    out
}

fn in_spans(spans: &[Span], at: usize) -> bool {
    let k = spans.partition_point(|s| s.end <= at);
    spans.get(k).is_some_and(|s| s.start <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(text: &str) -> Vec<(String, String)> {
        let (doc, _) = whomet_extract::prepare(
            &whomet_extract::Input {
                id: "t",
                source: "t",
                ..Default::default()
            },
            text.as_bytes(),
        );
        let ex = whomet_extract::extract(&doc);
        first_person(&doc.text, &ex)
            .iter()
            .map(|m| {
                (
                    m.span.of(&doc.text).to_string(),
                    ex.people.people[m.person].name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_statement_speaks_for_its_author() {
        let got = speakers(
            "Statement by Governor Harold Lindqvist on the Flood\n\nLast year I met Mayor Ann Bell. \"I was there,\" she said.\n",
        );
        assert_eq!(got, vec![("I".to_string(), "Harold Lindqvist".to_string())]);
    }

    #[test]
    fn a_joint_statement_has_no_one_author() {
        let got = speakers(
            "Joint Statement by Governor Harold Lindqvist and Mayor Ann Bell\n\nI met them.\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_turn_speaks_for_its_speaker() {
        let got = speakers(
            "Meeting with Ann Bell\n\nGovernor Harold Lindqvist met Mayor Ann Bell.\n\nAnn Bell (translated): Thank you for meeting with me.\n\nQuestion: Did I hear you?\n\nHarold Lindqvist: My pleasure.\n",
        );
        assert_eq!(
            got,
            vec![
                ("me".to_string(), "Ann Bell".to_string()),
                ("My".to_string(), "Harold Lindqvist".to_string())
            ]
        );
    }
}
