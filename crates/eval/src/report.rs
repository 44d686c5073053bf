//! The scores, and their text form, which repeats `score.py`'s output line for line.

use crate::py::{self, Repr};
use serde::{Serialize, Serializer, ser::SerializeMap};
use std::fmt;
use whomet_core::EdgeKind;

/// The result of [`score`](crate::score). Serializes to the JSON of `score.py --json` (keys
/// `people`, `MET`, `PLANNED`, `CONTACT`), followed by the keys `reliability` and `met_dates`
/// that `score.py` does not have. Its `Display` prints what `score.py` prints, then those two.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// How well nodes match gold people.
    pub people: PeopleScore,
    /// `MET` edges.
    #[serde(rename = "MET")]
    pub met: EdgeScore,
    /// `PLANNED` edges.
    #[serde(rename = "PLANNED")]
    pub planned: EdgeScore,
    /// `CONTACT` edges.
    #[serde(rename = "CONTACT")]
    pub contact: EdgeScore,
    /// Precision of the edges between gold people, by confidence, lowest bin first.
    pub reliability: Vec<ReliabilityBin>,
    /// How often a found `MET` edge carries one of its gold dates.
    pub met_dates: DateAccuracy,
}

impl Report {
    /// The scores of one edge kind.
    pub fn kind(&self, kind: EdgeKind) -> &EdgeScore {
        match kind {
            EdgeKind::Met => &self.met,
            EdgeKind::Planned => &self.planned,
            EdgeKind::Contact => &self.contact,
        }
    }
}

/// Node-to-person matching scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeopleScore {
    /// Matched required people over all nodes that are not roles (rounded to 4 decimals).
    pub precision: f64,
    /// Matched over required people.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Required gold ids no node matches, sorted.
    pub missed: Vec<String>,
    /// Labels of nodes that match nobody and are not roles, sorted.
    pub spurious: Vec<String>,
    /// People matched by more than one node, in node order.
    #[serde(serialize_with = "fragments_as_map")]
    pub fragmented: Vec<Fragment>,
    /// Nodes whose names include the full names of several people.
    pub merged: Vec<Merged>,
    /// Labels matched only as a full name preceded by title words, in node order.
    pub labels_with_titles: Vec<String>,
}

/// A person matched by several nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// Gold id.
    pub person: String,
    /// Labels of the nodes, in node order.
    pub labels: Vec<String>,
}

/// A node that joins several people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merged {
    /// Label of the node.
    pub node: String,
    /// Gold ids whose full names the node carries, sorted.
    pub people: Vec<String>,
}

/// Scores of one edge kind over unordered pairs of gold people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeScore {
    /// `tp / (tp + fp)`, rounded to 4 decimals.
    pub precision: f64,
    /// `tp / (tp + fn)`, rounded to 4 decimals.
    pub recall: f64,
    /// Harmonic mean of the unrounded two, rounded to 4 decimals.
    pub f1: f64,
    /// Required gold pairs found.
    pub tp: usize,
    /// Distinct false-positive descriptions.
    pub fp: usize,
    /// Required gold pairs not found.
    pub r#fn: usize,
    /// Required gold pairs.
    pub gold: usize,
    /// `k/n`: of the `n` edges that hit a required pair and name documents, `k` name one of
    /// the gold edge's documents.
    pub provenance_ok: String,
    /// `A -- B`, with ` (same person)` or ` (unknown or ambiguous person)` where that is the
    /// fault; sorted, distinct.
    pub false_positives: Vec<String>,
    /// Required pairs not found, as `a -- b` of gold ids, sorted.
    pub missed: Vec<String>,
}

/// The edges between gold people whose confidence falls in `[low, high)` (`[low, high]` for
/// the last bin). Edges on optional gold pairs are left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReliabilityBin {
    /// Lowest confidence of the bin.
    pub low: f64,
    /// Confidence the bin stops at.
    pub high: f64,
    /// Edges on a required pair or on no gold pair of their kind.
    pub edges: usize,
    /// Edges on a required pair of their kind.
    pub correct: usize,
    /// Edges on an optional pair, left out of `edges`.
    pub optional: usize,
    /// `correct / edges` rounded to 4 decimals; `None` without edges.
    pub precision: Option<f64>,
}

/// Date accuracy of the found required `MET` pairs that have gold dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DateAccuracy {
    /// Found required pairs with gold dates.
    pub dated: usize,
    /// Of those, pairs with an edge whose first, last or evidence date is a gold date.
    pub correct: usize,
}

fn fragments_as_map<S: Serializer>(fragments: &[Fragment], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(fragments.len()))?;
    for f in fragments {
        map.serialize_entry(&f.person, &f.labels)?;
    }
    map.end()
}

impl Repr for Merged {
    fn repr_into(&self, out: &mut String) {
        out.push_str("{'node': ");
        self.node.repr_into(out);
        out.push_str(", 'people': ");
        self.people.repr_into(out);
        out.push('}');
    }
}

/// `score.py`'s `{k:8s} P={:.3f} R={:.3f} F1={:.3f}` line.
fn score_line(f: &mut fmt::Formatter<'_>, name: &str, p: f64, r: f64, f1: f64) -> fmt::Result {
    write!(f, "{name:<8} P={p:.3} R={r:.3} F1={f1:.3}")
}

/// `score.py`'s indented `key: repr` line, printed only for a non-empty list or dict.
fn list_line(f: &mut fmt::Formatter<'_>, key: &str, empty: bool, repr: String) -> fmt::Result {
    if empty {
        return Ok(());
    }
    writeln!(f, "    {key}: {repr}")
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.people;
        score_line(f, "people", p.precision, p.recall, p.f1)?;
        writeln!(f)?;
        list_line(f, "missed", p.missed.is_empty(), p.missed.repr())?;
        list_line(f, "spurious", p.spurious.is_empty(), p.spurious.repr())?;
        let mut fragmented = String::new();
        let entries = p.fragmented.iter().map(|x| (x.person.as_str(), &x.labels));
        py::dict_repr_into(entries, &mut fragmented);
        list_line(f, "fragmented", p.fragmented.is_empty(), fragmented)?;
        list_line(f, "merged", p.merged.is_empty(), p.merged.repr())?;
        for (name, e) in [
            ("MET", &self.met),
            ("PLANNED", &self.planned),
            ("CONTACT", &self.contact),
        ] {
            score_line(f, name, e.precision, e.recall, e.f1)?;
            let (tp, fp, fn_, gold) = (e.tp, e.fp, e.r#fn, e.gold);
            writeln!(f, " tp={tp} fp={fp} fn={fn_} gold={gold}")?;
            list_line(f, "missed", e.missed.is_empty(), e.missed.repr())?;
            let fps = &e.false_positives;
            list_line(f, "false_positives", fps.is_empty(), fps.repr())?;
        }
        if !p.labels_with_titles.is_empty() {
            writeln!(f, "labels_with_titles: {}", p.labels_with_titles.repr())?;
        }
        writeln!(
            f,
            "reliability (edges between gold people, optional gold left out):"
        )?;
        for b in &self.reliability {
            let close = if b.high >= 1.0 { ']' } else { ')' };
            let precision = b.precision.map_or("-".into(), |x| format!("{x:.3}"));
            writeln!(
                f,
                "    confidence [{:.1}, {:.1}{close} edges={} correct={} P={precision} optional={}",
                b.low, b.high, b.edges, b.correct, b.optional
            )?;
        }
        let d = self.met_dates;
        writeln!(
            f,
            "MET dates {}/{} (found dated MET pairs with a gold date)",
            d.correct, d.dated
        )
    }
}
