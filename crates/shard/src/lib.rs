//! Shards: the per-article output of `whomet extract`, one JSON line per article (schema
//! `whomet-shard/1`, `docs/FORMATS.md`), read back by `whomet merge`.
//!
//! `read -> ... -> detect meetings -> score ->` **`shard`** `-> build graph -> export`: a shard
//! line is an [`Analysis`] in transit between machines. It comes from outside, so
//! [`parse_line`] trusts none of it: every field is validated, a number out of range is clamped
//! and reported, an event with more than [`MAX_PARTICIPANTS`] participants is cut to that many,
//! an event that points at no person is dropped, and a line that cannot give a sound analysis
//! (no document id, a person with no id-able name, a reversed span) is an error. The notes
//! name the field (`events[3].evidence.confidence`); the caller adds the file and line.
//!
//! ```
//! let line = br#"{"format":"whomet-shard/1","doc":"d","date":null,"people":[],"events":[],"diagnostics":[]}"#;
//! let shard = whomet_shard::parse_line(line).unwrap();
//! assert_eq!(shard.analysis.doc, "d");
//! assert!(shard.notes.is_empty());
//! let mut out = Vec::new();
//! whomet_shard::write_line(&mut out, &shard.analysis).unwrap();
//! assert_eq!(&out[..out.len() - 1], &line[..]);
//! ```
#![warn(missing_docs)]

use serde::{Deserialize, Serialize};
use std::io::Write;
pub use whomet_core::MAX_PARTICIPANTS;
use whomet_core::{Analysis, slug};

/// The shard format this build writes and reads.
pub const FORMAT: &str = "whomet-shard/1";

/// Why a line gives no analysis.
#[derive(Debug, thiserror::Error)]
pub enum ShardError {
    /// The line is a shard of another format version: the shards must be made again.
    #[error(
        "shard format {0:?} is not {FORMAT:?}: re-run `whomet extract` with this version of whomet"
    )]
    Version(String),
    /// The line is not a shard line (not JSON, or a field missing or of the wrong type).
    #[error("not a shard line ({0}): skipped")]
    Malformed(String),
    /// The line is a shard line whose values cannot make a sound analysis.
    #[error("{0}: skipped")]
    Invalid(String),
}

/// A validated shard line: the analysis, and what was changed to make it sound.
#[derive(Debug)]
pub struct Shard {
    /// The article's analysis, every field within its range.
    pub analysis: Analysis,
    /// What was clamped, cut or dropped, one sentence each, naming the field.
    pub notes: Vec<String>,
}

#[derive(Serialize)]
struct LineOut<'a> {
    format: &'static str,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Deserialize)]
struct LineIn {
    format: String,
    #[serde(flatten)]
    analysis: Analysis,
}

/// Writes one article's analysis as a shard line, `\n` included.
pub fn write_line(out: &mut impl Write, analysis: &Analysis) -> std::io::Result<()> {
    serde_json::to_writer(
        &mut *out,
        &LineOut {
            format: FORMAT,
            analysis,
        },
    )?;
    out.write_all(b"\n")
}

/// Parses and validates one shard line (without its line break).
pub fn parse_line(line: &[u8]) -> Result<Shard, ShardError> {
    let mut early = Vec::new();
    let parsed: LineIn = match serde_json::from_slice(line)
        .or_else(|e| without_bad_sides(line, &mut early).ok_or(e))
    {
        Ok(l) => l,
        Err(e) => {
            // Tell a foreign version from a broken line.
            let version = serde_json::from_slice::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_string));
            return Err(match version.filter(|v| v != FORMAT) {
                Some(v) => ShardError::Version(v),
                None => ShardError::Malformed(e.to_string()),
            });
        }
    };
    if parsed.format != FORMAT {
        return Err(ShardError::Version(parsed.format));
    }
    let mut analysis = parsed.analysis;
    let mut notes = validate(&mut analysis).map_err(ShardError::Invalid)?;
    early.append(&mut notes);
    Ok(Shard {
        analysis,
        notes: early,
    })
}

/// A line whose only fault is events with a participant side other than 0 or 1 (which the
/// typed reading refuses): those events are dropped, with a note each.
fn without_bad_sides(line: &[u8], notes: &mut Vec<String>) -> Option<LineIn> {
    let mut v: serde_json::Value = serde_json::from_slice(line).ok()?;
    let events = v.get_mut("events")?.as_array_mut()?;
    let mut j = 0;
    events.retain(|e| {
        let bad = e
            .get("participants")
            .and_then(|p| p.as_array())
            .and_then(|ps| {
                ps.iter()
                    .map(|p| p.get("side"))
                    .find(|s| !matches!(s.and_then(|s| s.as_u64()), Some(0 | 1)))
            });
        if let Some(side) = bad {
            notes.push(format!(
                "events[{j}]: a participant on side {} (sides are 0 or 1): event dropped",
                side.map_or("none".to_string(), |s| s.to_string())
            ));
        }
        j += 1;
        bad.is_none()
    });
    serde_json::from_value(v).ok()
}

/// Brings `a` within range (the notes say what changed), or says why it cannot be.
fn validate(a: &mut Analysis) -> Result<Vec<String>, String> {
    let mut notes = Vec::new();
    if a.doc.trim().is_empty() {
        return Err("`doc` is empty".into());
    }
    for (i, p) in a.people.iter_mut().enumerate() {
        let named = !slug(&p.name).is_empty();
        let described = p
            .described
            .as_ref()
            .is_some_and(|r| !r.head.trim().is_empty() && !r.country.trim().is_empty());
        if !named && !described {
            return Err(format!(
                "people[{i}].name {:?} has no letters or digits to make a person id of, and no role describes the person",
                p.name
            ));
        }
        if let Some(m) = p.mentions.iter().position(|m| m.start > m.end) {
            return Err(format!("people[{i}].mentions[{m}] ends before it starts"));
        }
        for (field, list) in [("aliases", &mut p.aliases), ("roles", &mut p.roles)] {
            let before = list.len();
            list.retain(|s| !s.trim().is_empty());
            if list.len() < before {
                notes.push(format!(
                    "people[{i}].{field}: {} empty item(s) dropped",
                    before - list.len()
                ));
            }
        }
    }
    let people = a.people.len();
    let doc = a.doc.clone();
    let mut kept = Vec::with_capacity(a.events.len());
    for (j, mut e) in std::mem::take(&mut a.events).into_iter().enumerate() {
        let at = format!("events[{j}]");
        if let Some(p) = e.participants.iter().find(|p| p.person >= people) {
            notes.push(format!(
                "{at}: participant {{person {}}} is not a person of the line (0..{people}): event dropped",
                p.person
            ));
            continue;
        }
        if e.participants.len() > MAX_PARTICIPANTS {
            notes.push(format!(
                "{at}: {} participants, more than {MAX_PARTICIPANTS}: the first {MAX_PARTICIPANTS} kept",
                e.participants.len()
            ));
            e.participants.truncate(MAX_PARTICIPANTS);
        }
        let ev = &mut e.evidence;
        if ev.sentence.start > ev.sentence.end {
            notes.push(format!(
                "{at}.evidence.sentence ends before it starts: event dropped"
            ));
            continue;
        }
        if !(0.0..=1.0).contains(&ev.confidence) {
            let clamped = ev.confidence.clamp(0.0, 1.0);
            notes.push(format!(
                "{at}.evidence.confidence {:?} is outside 0..1: {clamped} used",
                ev.confidence
            ));
            ev.confidence = clamped;
        }
        if ev.doc != doc {
            notes.push(format!(
                "{at}.evidence.doc {:?} is not the line's `doc`: {doc:?} used",
                ev.doc
            ));
            ev.doc.clone_from(&doc);
        }
        if e.place.as_deref().is_some_and(|p| p.trim().is_empty()) {
            notes.push(format!("{at}.place is empty: no place used"));
            e.place = None;
        }
        kept.push(e);
    }
    a.events = kept;
    Ok(notes)
}
