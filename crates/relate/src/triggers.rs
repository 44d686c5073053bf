//! Trigger words of meetings, calls and planned meetings, and their modality.

use std::sync::OnceLock;
use whomet_core::EdgeKind;
use whomet_extract::lexicon::WordSet;

/// How a trigger's event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// Reported as having happened.
    Actual,
    /// Scheduled, expected, agreed.
    Planned,
    /// A present-tense photo caption ("X meets with Y in Tehran").
    Caption,
    /// Negated, denied, conditional, proposed or cancelled: no event.
    Dropped,
}

/// A trigger found in a sentence: token range (of the non-space tokens) and what it means.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Kind after modality.
    pub kind: EdgeKind,
    /// Base confidence of the trigger.
    pub base: f64,
    /// Short name for the evidence cues.
    pub name: &'static str,
    /// Actual, planned, caption or dropped.
    pub modality: Modality,
    /// Coordinated subjects with no object are one meeting ("A and B met").
    pub joint_subject: bool,
    /// The objects are one meeting ("talks between A and B").
    pub joint_objects: bool,
    /// A noun ("talks", "meeting"): participants come through "with", "between", "of", "both".
    pub nominal: bool,
    /// "attended by", "joined by": with no subject, the people join the last meeting reported.
    pub anaphoric: bool,
}

struct Pattern {
    words: &'static [&'static str],
    kind: EdgeKind,
    base: f64,
    name: &'static str,
    joint_subject: bool,
    joint_objects: bool,
    /// A noun ("talks", "meeting"): its tense comes from the whole sentence.
    nominal: bool,
}

const fn p(
    words: &'static [&'static str],
    kind: EdgeKind,
    base: f64,
    name: &'static str,
    joint_subject: bool,
    joint_objects: bool,
    nominal: bool,
) -> Pattern {
    Pattern {
        words,
        kind,
        base,
        name,
        joint_subject,
        joint_objects,
        nominal,
    }
}

use EdgeKind::{Contact, Met};

/// Trigger patterns, longest first where they share a start. `~` skips up to six words.
/// Columns: words, kind, base confidence, name, joint subject, joint objects, nominal.
#[rustfmt::skip]
const PATTERNS: &[Pattern] = &[
    p(&["talks", "between"], Met, 0.85, "talks between", false, true, true),
    p(&["meeting", "between"], Met, 0.85, "meeting between", false, true, true),
    p(&["meeting", "of"], Met, 0.75, "meeting of", false, true, true),
    p(&["talks", "with"], Met, 0.85, "talks with", false, false, true),
    p(&["meeting", "with"], Met, 0.85, "meeting with", false, false, true),
    p(&["meetings", "with"], Met, 0.8, "meetings with", false, false, true),
    p(&["met", "with"], Met, 0.92, "met with", true, false, false),
    p(&["meets", "with"], Met, 0.9, "meets with", true, false, false),
    p(&["meet", "with"], Met, 0.9, "meet with", true, false, false),
    p(&["met"], Met, 0.92, "met", true, false, false),
    p(&["meets"], Met, 0.9, "meets", true, false, false),
    p(&["meet"], Met, 0.9, "meet", true, false, false),
    p(&["meeting"], Met, 0.85, "meeting", false, false, true),
    p(&["talks"], Met, 0.8, "talks", false, false, true),
    p(&["held", "~", "talks"], Met, 0.88, "held talks", true, false, false),
    p(&["hold", "~", "talks"], Met, 0.88, "hold talks", true, false, false),
    p(&["held", "~", "meeting"], Met, 0.88, "held a meeting", true, false, false),
    p(&["opened", "talks"], Met, 0.88, "opened talks", true, false, false),
    p(&["received", "by"], Met, 0.85, "received by", false, false, false),
    p(&["received"], Met, 0.8, "received", false, false, false),
    p(&["welcomed", "by"], Met, 0.85, "welcomed by", false, false, false),
    p(&["welcomed"], Met, 0.75, "welcomed", false, false, false),
    p(&["hosted", "by"], Met, 0.85, "hosted by", false, false, false),
    p(&["hosted"], Met, 0.8, "hosted", false, false, false),
    p(&["visited"], Met, 0.7, "visited", false, false, false),
    p(&["call", "on"], Met, 0.85, "paid a call on", false, false, false),
    p(&["sat", "down", "with"], Met, 0.9, "sat down with", false, false, false),
    p(&["shook", "hands", "with"], Met, 0.92, "shook hands with", false, false, false),
    p(&["attended", "by"], Met, 0.8, "attended by", false, false, false),
    p(&["attended"], Met, 0.75, "attended", true, false, false),
    p(&["joined", "by"], Met, 0.8, "joined by", false, false, false),
    p(&["joined"], Met, 0.7, "joined", false, false, false),
    p(&["signed"], Met, 0.7, "signed", true, false, false),
    p(&["joint", "news", "conference"], Met, 0.85, "joint news conference", true, false, false),
    p(&["joint", "press", "conference"], Met, 0.85, "joint press conference", true, false, false),
    p(&["press", "conference"], Met, 0.75, "press conference", true, false, false),
    p(&["news", "conference"], Met, 0.75, "news conference", true, false, false),
    p(&["discussed", "~", "with"], Met, 0.75, "discussed with", false, false, false),
    p(&["telephoned"], Contact, 0.9, "telephoned", false, false, false),
    p(&["phone", "call", "with"], Contact, 0.9, "phone call with", false, false, true),
    p(&["telephone", "call", "with"], Contact, 0.9, "telephone call with", false, false, true),
    p(&["video", "call", "with"], Contact, 0.9, "video call with", false, false, true),
    p(&["telephone", "conversation", "with"], Contact, 0.9, "telephone conversation with", false, false, true),
    p(&["phone", "conversation", "with"], Contact, 0.9, "phone conversation with", false, false, true),
    p(&["spoke", "by", "~", "with"], Contact, 0.85, "spoke by phone with", false, false, false),
    p(&["talked", "by", "~", "with"], Contact, 0.85, "talked by phone with", false, false, false),
    p(&["spoke", "over", "~", "with"], Contact, 0.85, "spoke over the phone with", false, false, false),
    p(&["phoned"], Contact, 0.9, "phoned", false, false, false),
    p(&["talked", "with"], Contact, 0.7, "talked with", false, false, false),
    p(&["talked", "to"], Contact, 0.7, "talked to", false, false, false),
    p(&["spoke", "with"], Contact, 0.7, "spoke with", false, false, false),
    p(&["spoke", "to"], Contact, 0.7, "spoke to", false, false, false),
    p(&["spoken", "to"], Contact, 0.7, "spoken to", false, false, false),
    p(&["spoken", "with"], Contact, 0.7, "spoken with", false, false, false),
];

const FUTURE: &[&str] = &["will", "shall", "'ll"];
const TO_FRAMES: &[&str] = &[
    "scheduled",
    "due",
    "expected",
    "agreed",
    "plans",
    "planned",
    "planning",
    "set",
    "going",
    "is",
    "are",
    "was",
    "were",
    "arranged",
    "intends",
];
const NEGATION: &[&str] = &[
    "not",
    "n't",
    "never",
    "no",
    "denied",
    "denies",
    "deny",
    "cancelled",
    "canceled",
    "cancels",
    "refused",
    "declined",
    "failed",
    "without",
];
const HYPOTHETICAL: &[&str] = &[
    "if", "could", "might", "may", "would", "unless", "should", "hope", "hopes", "hoped",
    "proposed", "proposes", "propose", "offered", "offers", "urged", "urging", "wants", "want",
    "wanted", "invited", "asked", "whether", "possible", "possibly", "unlikely",
];

/// The words patterns start with: most tokens are none of them, and one look-up says so.
fn first_words() -> &'static WordSet<&'static str> {
    static FIRST: OnceLock<WordSet<&'static str>> = OnceLock::new();
    FIRST.get_or_init(|| PATTERNS.iter().map(|p| p.words[0]).collect())
}

/// Finds triggers among the lower-cased, space-free tokens of a sentence.
pub fn find(lower: &[&str], headline: bool) -> Vec<Trigger> {
    let mut out = Vec::new();
    // Sentence-wide cues, read once.
    let phone = lower
        .iter()
        .any(|w| matches!(*w, "telephone" | "phone" | "video"));
    let future_word = lower.iter().any(|w| {
        matches!(
            *w,
            "will" | "scheduled" | "due" | "planned" | "upcoming" | "expected"
        )
    });
    let mut i = 0;
    while i < lower.len() {
        whomet_core::work::tick(1);
        if !first_words().contains(lower[i]) {
            i += 1;
            continue;
        }
        let hit = PATTERNS
            .iter()
            .find_map(|pat| matches(pat, lower, i).map(|end| (pat, end)));
        let Some((pat, end)) = hit else {
            i += 1;
            continue;
        };
        let mut kind = pat.kind;
        let modality = modality(lower, i, pat.nominal && future_word, pat.nominal, headline);
        if phone && kind == Met && !pat.nominal {
            kind = Contact;
        }
        let modality = match modality {
            Modality::Planned if kind == Met => {
                kind = EdgeKind::Planned;
                Modality::Planned
            }
            Modality::Planned => Modality::Dropped,
            m => m,
        };
        let base = if modality == Modality::Planned {
            pat.base.min(0.85)
        } else {
            pat.base
        };
        out.push(Trigger {
            start: i,
            end,
            kind,
            base,
            name: pat.name,
            modality,
            joint_subject: pat.joint_subject,
            joint_objects: pat.joint_objects,
            nominal: pat.nominal,
            anaphoric: matches!(pat.name, "attended by" | "joined by"),
        });
        i = end;
    }
    out
}

fn matches(pat: &Pattern, lower: &[&str], at: usize) -> Option<usize> {
    let mut i = at;
    let mut k = 0;
    while k < pat.words.len() {
        if pat.words[k] == "~" {
            let next = pat.words.get(k + 1)?;
            let found = (i..(i + 7).min(lower.len())).find(|&j| lower[j] == *next)?;
            i = found + 1;
            k += 2;
            continue;
        }
        if *lower.get(i)? != pat.words[k] {
            return None;
        }
        i += 1;
        k += 1;
    }
    Some(i)
}

fn modality(
    lower: &[&str],
    at: usize,
    nominal_future: bool,
    nominal: bool,
    headline: bool,
) -> Modality {
    let window = &lower[at.saturating_sub(4)..at];
    if window.iter().any(|w| NEGATION.contains(w)) {
        return Modality::Dropped;
    }
    // Hypotheticals reach further: "if the proposed meeting took place it would open the way for
    // summit talks".
    let wide = &lower[at.saturating_sub(if nominal { 12 } else { 6 })..at];
    if wide.iter().any(|w| HYPOTHETICAL.contains(w)) {
        return Modality::Dropped;
    }
    // Headlines: "NAKASONE TO MEET REAGAN".
    if headline && window.last().is_some_and(|w| *w == "to") {
        return Modality::Planned;
    }
    let future = window.iter().any(|w| FUTURE.contains(w))
        || window
            .windows(2)
            .any(|w| w[1] == "to" && TO_FRAMES.contains(&w[0]));
    if future {
        return Modality::Planned;
    }
    if nominal_future {
        return Modality::Planned;
    }
    match lower[at] {
        "meets" => return Modality::Caption,
        // A bare "meet" with no future marker is no report of a meeting ("that they meet").
        // "proceeded to meet", "went to meet": a past verb carries it.
        "meet"
            if at >= 2
                && lower[at - 1] == "to"
                && lower[at - 2].ends_with("ed")
                && !TO_FRAMES.contains(&lower[at - 2]) => {}
        "meet" if !headline => return Modality::Dropped,
        _ => {}
    }
    Modality::Actual
}
