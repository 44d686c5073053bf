//! Shared types of the whomet pipeline.
//!
//! The pipeline is `read -> segment -> find mentions -> resolve people -> detect meetings ->
//! score -> build graph -> export`. This crate holds the values passed between those stages:
//! [`Document`] (an article and its [`SourceMap`]), [`Span`] (a byte range of an article's
//! text), [`Analysis`] (everything one article contributes: [`LocalPerson`]s and [`Event`]s with
//! their [`Evidence`]), and the projection of an event onto pairs ([`Event::pairs`]). The graph
//! and its node and edge types live in `whomet-graph`.
//!
//! ```
//! use whomet_core::{fold_name, PartialDate};
//! assert_eq!(fold_name("Amir-Abdollahian"), fold_name("Amir Abdollahian"));
//! assert_eq!(PartialDate::parse("2024-03").unwrap().to_string(), "2024-03");
//! ```
#![warn(missing_docs)]

mod date;
mod names;
mod source;

pub use chrono::{Datelike, NaiveDate};
pub use date::PartialDate;
pub use names::{fold_name, fold_space, name_tokens, slug};
pub use source::{Document, SourceMap};

use serde::{Deserialize, Serialize};
use std::fmt;

/// A byte range `start..end` of a document's text. The type does not say which text: analysis
/// works on the decoded text ([`Mention::span`] indexes it), and what is stored in an output
/// ([`Evidence::sentence`], [`LocalPerson::mentions`]) is mapped back through the
/// [`SourceMap`] to the original text (the file's bytes, or the `text` field of a JSON line).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// The text this span covers in `text` (empty when out of range).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A problem found in the input: which source (file path or `<stdin>`), which line when known,
/// and what was wrong. Analysis never fails; it reports these instead.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Diagnostic {
    /// File path, or `<stdin>`.
    pub source: String,
    /// 1-based line number, when the problem is tied to a line.
    pub line: Option<usize>,
    /// What was wrong and what was done about it.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.source, l, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

/// The kind of an edge between two people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EdgeKind {
    /// The two were physically together in a meeting, reported as having happened.
    Met,
    /// A live remote exchange: telephone or video call.
    Contact,
    /// A meeting scheduled, agreed or announced.
    Planned,
}

impl EdgeKind {
    /// All kinds, in output order.
    pub const ALL: [EdgeKind; 3] = [EdgeKind::Met, EdgeKind::Contact, EdgeKind::Planned];
    /// `MET`, `CONTACT` or `PLANNED`.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Met => "MET",
            EdgeKind::Contact => "CONTACT",
            EdgeKind::Planned => "PLANNED",
        }
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person as one article knows them, after in-article resolution of surnames, titles and
/// pronouns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalPerson {
    /// The fullest name the article uses, without titles.
    pub name: String,
    /// Every other name form the article uses (sorted, without `name`).
    pub aliases: Vec<String>,
    /// Roles from titles and appositives ("Foreign Minister", "head of Hamas").
    pub roles: Vec<String>,
    /// Every mention resolved to this person (names, titles, pronouns), in text order.
    pub mentions: Vec<Span>,
    /// Named only as a photo credit or byline: never takes part in a meeting.
    pub credit: bool,
    /// Not named in the article, only described by a role ("Iran's foreign minister"): the
    /// graph identifies the person with the holder of that role elsewhere in the corpus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub described: Option<RoleRef>,
}

/// A role held in a country, naming a person the article does not name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RoleRef {
    /// The title words, lower case ("foreign minister").
    pub head: String,
    /// The country or nationality word, lower case ("iran", "iranian").
    pub country: String,
}

/// Which side of an event a participant is on: who met (the subject side) and whom (the object
/// side). Only pairs across sides are edges unless the event is [`Event::joint`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The subject side ("X met ...", "X's talks with ...").
    Subject,
    /// The object side ("... met Y", "talks with Y").
    Object,
}

// Shards store a side as 0 or 1.
impl Serialize for Side {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(match self {
            Side::Subject => 0,
            Side::Object => 1,
        })
    }
}

impl<'de> Deserialize<'de> for Side {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Side, D::Error> {
        match u8::deserialize(d)? {
            0 => Ok(Side::Subject),
            1 => Ok(Side::Object),
            n => Err(serde::de::Error::custom(format!(
                "side {n}: expected 0 or 1"
            ))),
        }
    }
}

/// One participant of an event: an index into [`Analysis::people`] and the side they are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Participant {
    /// Index into [`Analysis::people`].
    pub person: usize,
    /// The side they are on.
    pub side: Side,
}

/// The most participants one event has: the analysis cuts longer lists (one trigger side holds at
/// most 64 people) and shard reading cuts a shard's, so that one event makes at most 8,128
/// pairs.
pub const MAX_PARTICIPANTS: usize = 128;

/// A meeting, call or planned meeting: one event, several participants, one piece of evidence.
/// Pairwise edges are a projection made when the graph is built.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// MET, CONTACT or PLANNED.
    pub kind: EdgeKind,
    /// Who took part.
    pub participants: Vec<Participant>,
    /// One meeting of everyone (all pairs are edges), rather than a subject meeting each object.
    pub joint: bool,
    /// When it happened (or is to happen), resolved against the document date.
    pub date: Option<PartialDate>,
    /// City or country, when stated.
    pub place: Option<String>,
    /// The sentence it rests on.
    pub evidence: Evidence,
}

impl Event {
    /// The unordered pairs of participants (indices into [`Analysis::people`]) this event
    /// claims, each once, smaller index first, sorted.
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, a) in self.participants.iter().enumerate() {
            for b in &self.participants[i + 1..] {
                if a.person != b.person && (self.joint || a.side != b.side) {
                    out.push((a.person.min(b.person), a.person.max(b.person)));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The sentence an event rests on, and how much it is trusted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// The sentence, as a span of the original document text.
    pub sentence: Span,
    /// The sentence text (whitespace runs folded to one space).
    pub text: String,
    /// The trigger words ("met with", "held talks").
    pub trigger: String,
    /// Confidence of this one piece of evidence, in 0..1.
    pub confidence: f64,
    /// What the confidence rests on, for `whomet explain` ("trigger:met", "caption", ...).
    pub cues: Vec<String>,
}

/// What the input says of an article besides its text (a JSON line's `title`, `url` and
/// `source`), carried to the outputs so that every piece of evidence can be cited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Address of the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publisher or feed ("Reuters", "bbc.co.uk").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl ArticleMeta {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.url.is_none() && self.source.is_none()
    }
}

/// A 64-bit SimHash of an article's word shingles (`whomet_graph::dedup` makes and compares
/// them): near-duplicate articles have fingerprints a few bits apart. Written as 16 hex digits
/// (a JSON number would lose bits in JavaScript and Spark).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(pub u64);

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{:016x}", self.0))
    }
}

impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Fingerprint, D::Error> {
        let s = String::deserialize(d)?;
        let ok = s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then(|| u64::from_str_radix(&s, 16).ok())
            .flatten()
            .map(Fingerprint)
            .ok_or_else(|| {
                serde::de::Error::custom(format!("fingerprint {s:?} is not 16 hex digits"))
            })
    }
}

/// Everything one article contributes. Made by the per-article stages; it carries no state from
/// other articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Document id.
    pub doc: String,
    /// Document date, when known.
    pub date: Option<chrono::NaiveDate>,
    /// Title, address and publisher, as the input gave them.
    #[serde(default, skip_serializing_if = "ArticleMeta::is_empty")]
    pub article: ArticleMeta,
    /// The article's text fingerprint, for near-duplicate detection across the corpus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
    /// People of the article.
    pub people: Vec<LocalPerson>,
    /// Events of the article.
    pub events: Vec<Event>,
    /// Problems found on the way, when the analysis carries them (a shard line may).
    /// `whomet_relate::analyse` leaves this empty and returns its diagnostics beside the
    /// analysis.
    pub diagnostics: Vec<Diagnostic>,
}

/// How a mention refers to its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// By name ("Ismail Haniyeh", "Mr Blair", "Haniyeh's").
    Name,
    /// By pronoun ("he", "his").
    Pronoun,
    /// By a role description ("the Crown Prince", "Iran's foreign minister").
    Role,
}

/// A resolved reference to a person in an article's decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    /// Decoded-text span of the name (without title), pronoun or role phrase.
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// Name, pronoun or role.
    pub kind: MentionKind,
    /// Index into the article's people.
    pub person: usize,
}

/// A count of the steps the analysis stages take, per thread, so that tests can bound the work
/// on pathological text by counts rather than wall time. Loops over tokens, mentions and
/// candidates add to it; it costs one thread-local addition.
pub mod work {
    use std::cell::Cell;

    thread_local! {
        static STEPS: Cell<u64> = const { Cell::new(0) };
    }

    /// Adds `n` steps.
    #[inline]
    pub fn tick(n: usize) {
        STEPS.with(|s| s.set(s.get().wrapping_add(n as u64)));
    }

    /// The steps counted on this thread since the last call, and a reset.
    pub fn take() -> u64 {
        STEPS.with(|s| s.replace(0))
    }
}
