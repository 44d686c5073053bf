//! `whomet explain` on a graph already built: reads the `graph.json` that `build` wrote, finds
//! people as [`whomet_graph::Graph::find`] does, and prints what `explain` prints on a graph it
//! builds itself (without the merge records, which only a rebuild has). A name that matches no
//! one gets the closest names as suggestions.

use anyhow::{Result, bail};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write;

/// `graph.json`, as far as `explain` reads it.
#[derive(Deserialize)]
pub struct Saved {
    elements: Elements,
    #[serde(default)]
    articles: Vec<Article>,
}

#[derive(Deserialize)]
struct Elements {
    nodes: Vec<Element<Node>>,
    edges: Vec<Element<Edge>>,
}

#[derive(Deserialize)]
struct Element<T> {
    data: T,
}

#[derive(Deserialize)]
struct Node {
    id: String,
    label: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    mentions: usize,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    credit: bool,
}

#[derive(Deserialize)]
struct Edge {
    source: String,
    target: String,
    #[serde(rename = "type")]
    kind: String,
    confidence: f64,
    #[serde(default)]
    evidence: Vec<Evidence>,
}

#[derive(Deserialize)]
struct Evidence {
    doc: String,
    start: usize,
    end: usize,
    sentence: String,
    trigger: String,
    date: Option<String>,
    place: Option<String>,
    confidence: f64,
    #[serde(default)]
    cues: Vec<String>,
}

#[derive(Deserialize)]
struct Article {
    id: String,
    title: Option<String>,
    url: Option<String>,
    #[serde(default)]
    copies: usize,
}

impl Node {
    fn names(&self) -> (&str, &str, Vec<&str>) {
        (
            &self.id,
            &self.label,
            self.aliases.iter().map(String::as_str).collect(),
        )
    }
}

/// Where a piece of evidence comes from, as `explain` prints it: the article's title, address
/// and number of copies; `None` when nothing is known of it.
pub fn cited(title: Option<&str>, url: Option<&str>, copies: usize) -> Option<String> {
    if title.is_none() && url.is_none() && copies <= 1 {
        return None;
    }
    let title = title.unwrap_or("(no title)");
    let url = url.map(|u| format!(" <{u}>")).unwrap_or_default();
    let copies = match copies {
        0 | 1 => String::new(),
        n => format!(", {n} copies"),
    };
    Some(format!("{title}{url}{copies}"))
}

/// The error for a name that matches no one: the closest names (Jaro-Winkler on folded
/// names, at least 0.75, at most three people), or none.
pub fn not_found<'a>(
    name: &str,
    people: impl Iterator<Item = (&'a str, &'a str, Vec<&'a str>)>,
) -> anyhow::Error {
    let key = whomet_core::fold_name(name);
    let mut scored: Vec<(f64, &str, &str)> = people
        .map(|(id, label, aliases)| {
            let best = std::iter::once(label)
                .chain(aliases)
                .chain(std::iter::once(id))
                .map(|n| strsim::jaro_winkler(&key, &whomet_core::fold_name(n)))
                .fold(0.0, f64::max);
            (best, id, label)
        })
        .filter(|(score, _, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.truncate(3);
    if scored.is_empty() {
        return anyhow::anyhow!("no person named {name:?} in the graph");
    }
    let shown: Vec<String> = scored
        .iter()
        .map(|(_, id, label)| format!("{label:?} ({id})"))
        .collect();
    anyhow::anyhow!(
        "no person named {name:?} in the graph; did you mean {}?",
        shown.join(" or ")
    )
}

impl Saved {
    /// Reads `graph.json`.
    pub fn parse(json: &str) -> Result<Saved> {
        Ok(serde_json::from_str(json)?)
    }

    fn find(&self, name: &str) -> Result<&Node> {
        let key = whomet_core::fold_name(name);
        let nodes = || self.elements.nodes.iter().map(|n| &n.data);
        let folded = |n: &Node| -> Vec<String> {
            std::iter::once(&n.label)
                .chain(&n.aliases)
                .map(|s| whomet_core::fold_name(s))
                .collect()
        };
        let mut found: Vec<&Node> = nodes()
            .filter(|n| n.id == name || folded(n).contains(&key))
            .collect();
        if found.is_empty() && !key.is_empty() {
            found = nodes()
                .filter(|n| folded(n).iter().any(|a| a.ends_with(&key)))
                .collect();
        }
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(not_found(name, nodes().map(|n| n.names()))),
            many => bail!(
                "{name:?} is ambiguous: {}",
                many.iter()
                    .map(|n| n.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// What `explain` prints for `a`, or for the pair `a`, `b`.
    pub fn explain(&self, a: &str, b: Option<&str>) -> Result<String> {
        let pa = self.find(a)?;
        let mut out = String::new();
        let Some(b) = b else {
            writeln!(out, "{} ({})", pa.label, pa.id)?;
            writeln!(out, "  aliases: {}", pa.aliases.join("; "))?;
            writeln!(out, "  roles: {}", pa.roles.join("; "))?;
            writeln!(out, "  documents: {}", pa.documents.join("; "))?;
            let credit = if pa.credit { " (credit only)" } else { "" };
            writeln!(out, "  mentions: {}{credit}", pa.mentions)?;
            writeln!(
                out,
                "  merged from: not in graph.json; build again to see it: whomet explain {:?} -- INPUT...",
                pa.label
            )?;
            return Ok(out);
        };
        let pb = self.find(b)?;
        let articles: HashMap<&str, &Article> =
            self.articles.iter().map(|a| (a.id.as_str(), a)).collect();
        let mut any = false;
        for e in self.elements.edges.iter().map(|e| &e.data) {
            let ends = (e.source.as_str(), e.target.as_str());
            if ends != (&pa.id, &pb.id) && ends != (&pb.id, &pa.id) {
                continue;
            }
            any = true;
            writeln!(
                out,
                "{} -- {}: {} confidence {}",
                pa.label, pb.label, e.kind, e.confidence
            )?;
            for ev in &e.evidence {
                writeln!(
                    out,
                    "  [{}] {}..{} trigger {:?} date {} place {} confidence {} ({})",
                    ev.doc,
                    ev.start,
                    ev.end,
                    ev.trigger,
                    ev.date.as_deref().unwrap_or("-"),
                    ev.place.as_deref().unwrap_or("-"),
                    ev.confidence,
                    ev.cues.join(", "),
                )?;
                if let Some(from) = articles
                    .get(ev.doc.as_str())
                    .and_then(|a| cited(a.title.as_deref(), a.url.as_deref(), a.copies))
                {
                    writeln!(out, "    from: {from}")?;
                }
                writeln!(out, "    {}", ev.sentence)?;
            }
        }
        if !any {
            writeln!(out, "no edge between {} and {}", pa.label, pb.label)?;
        }
        Ok(out)
    }
}
