//! The gold annotation (schema `whomet-gold/1`), as far as scoring reads it.

use regex::Regex;
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, BTreeSet};

/// The schema this crate reads.
pub const SCHEMA: &str = "whomet-gold/1";

/// Why a gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The text is not JSON.
    #[error("gold file is not valid JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// The `schema` field is missing or names another schema.
    #[error("gold file has schema {found}, but only \"whomet-gold/1\" can be scored")]
    Schema {
        /// The schema found, quoted, or `(none)`.
        found: String,
    },
    /// A field is missing or has the wrong type.
    #[error("gold file does not follow schema whomet-gold/1: {0}")]
    Format(#[source] serde_json::Error),
    /// `ignore_node_pattern` is not a regular expression the `regex` crate accepts.
    #[error("gold ignore_node_pattern {pattern:?} is not a supported regex: {source}")]
    Pattern {
        /// The pattern.
        pattern: String,
        /// What is wrong with it.
        source: regex::Error,
    },
}

/// A gold file: the people of a corpus and the edges between them.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// Every person of the corpus.
    pub people: Vec<GoldPerson>,
    /// Every annotated edge.
    pub edges: Vec<GoldEdge>,
    /// Node labels that are roles rather than names ("foreign minister"): such nodes are neither
    /// spurious people nor ends of false-positive edges. `None` matches nothing.
    #[serde(default, deserialize_with = "regex")]
    pub ignore_node_pattern: Option<Regex>,
    /// The gold people of each document id, to resolve namesakes.
    #[serde(default)]
    pub doc_people: BTreeMap<String, BTreeSet<String>>,
}

/// A person of the gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPerson {
    /// Slug of the full name.
    pub id: String,
    /// Fullest name, without titles.
    pub name: String,
    /// Other name forms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Referred to only indirectly: not counted as missed.
    #[serde(default, deserialize_with = "null_as_false")]
    pub optional: bool,
}

/// An edge of the gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEdge {
    /// One person id.
    pub a: String,
    /// The other person id.
    pub b: String,
    /// `MET`, `CONTACT` or `PLANNED` (others are never scored).
    #[serde(rename = "type")]
    pub kind: String,
    /// `required`; anything else is optional.
    pub status: String,
    /// Supporting document ids.
    #[serde(default)]
    pub docs: Vec<String>,
    /// Meeting dates, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default)]
    pub dates: Vec<String>,
}

impl GoldEdge {
    /// Whether a system must find this edge.
    pub fn is_required(&self) -> bool {
        self.status == "required"
    }
}

impl Gold {
    /// Reads a gold file's text, checking its schema and compiling its `ignore_node_pattern`.
    pub fn from_json(text: &str) -> Result<Gold, EvalError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(EvalError::Json)?;
        match value.get("schema") {
            Some(serde_json::Value::String(s)) if s == SCHEMA => {}
            found => {
                let found = found.map_or("(none)".into(), |v| v.to_string());
                return Err(EvalError::Schema { found });
            }
        }
        // Checked first for an error that names the pattern.
        if let Some(pattern) = value.get("ignore_node_pattern").and_then(|p| p.as_str()) {
            Regex::new(pattern).map_err(|source| EvalError::Pattern {
                pattern: pattern.into(),
                source,
            })?;
        }
        Gold::deserialize(&value).map_err(EvalError::Format)
    }

    /// The ids of the documents the gold file annotates (`doc_people`, and the documents of
    /// its edges), as the scorer compares them (file name without extension), sorted.
    pub fn documents(&self) -> BTreeSet<String> {
        let edges = self.edges.iter().flat_map(|e| e.docs.iter());
        (self.doc_people.keys().chain(edges))
            .map(|d| crate::names::doc_id(d))
            .collect()
    }

    /// How many of the gold file's documents are among `ids` (document ids of the input,
    /// compared as the scorer compares them).
    pub fn documents_in<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        let ids: BTreeSet<String> = ids.into_iter().map(crate::names::doc_id).collect();
        self.documents().iter().filter(|d| ids.contains(*d)).count()
    }
}

fn regex<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Regex>, D::Error> {
    let pattern = Option::<String>::deserialize(d)?;
    let compile = |p: String| Regex::new(&p).map_err(serde::de::Error::custom);
    pattern.map(compile).transpose()
}

/// `optional: null` reads as `false`, as Python's truth test does.
fn null_as_false<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(false))
}
