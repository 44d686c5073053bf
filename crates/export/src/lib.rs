//! Writes the who-met-whom graph as files that other tools load: GraphML (Gephi, yEd, networkx,
//! igraph), Graphviz DOT, neo4j-admin import CSV, and a spreadsheet of the evidence behind
//! every edge.
//!
//! `read -> segment -> find mentions -> resolve people -> detect meetings -> score -> build graph
//! ->` **`export`**.
//!
//! Every writer takes a [`Graph`] and any [`std::io::Write`]; none opens a file. [`render`] turns
//! one [`Format`] into named in-memory files, so that the CLI can write each one atomically. The
//! output is deterministic: nodes and edges come in the order [`Graph::nodes`] and
//! [`Graph::edges`] give, and floats are printed in their shortest round-trip form.
//! `docs/FORMATS.md` describes every column and attribute, and the escaping rules.
//!
//! ```
//! use whomet_export::{render, Format};
//! let graph = whomet_graph::Graph::default();
//! let files = render(Format::Neo4jCsv, &graph).unwrap();
//! assert_eq!(files[0].0, "nodes.csv");
//! assert!(files[0].1.starts_with(b"personId:ID(Person),name,aliases:string[]"));
//! let graphml = render(Format::GraphMl, &graph).unwrap().remove(0).1;
//! assert!(String::from_utf8(graphml).unwrap().contains(r#"edgedefault="undirected""#));
//! ```
#![warn(missing_docs)]

mod dot;
mod graphml;
mod table;

pub use dot::write_dot;
pub use graphml::write_graphml;
pub use table::{write_evidence, write_neo4j_nodes, write_neo4j_relationships};

use whomet_core::PartialDate;
use whomet_graph::Graph;

/// The error of every writer: the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("could not write the export: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed (this includes I/O errors met by the CSV writer).
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// An output format, made of one or more files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `graph.graphml`: GraphML for Gephi, yEd, networkx and igraph.
    GraphMl,
    /// `graph.dot`: Graphviz DOT.
    Dot,
    /// `nodes.csv` and `relationships.csv`: neo4j-admin import CSV.
    Neo4jCsv,
    /// `evidence.csv`: one row per edge and supporting sentence, for spreadsheets.
    EvidenceCsv,
}

type Writer = fn(&Graph, &mut Vec<u8>) -> Result<(), ExportError>;

impl Format {
    /// All formats.
    pub const ALL: [Format; 4] = [
        Format::GraphMl,
        Format::Dot,
        Format::Neo4jCsv,
        Format::EvidenceCsv,
    ];

    /// Short name, for command lines: `graphml`, `dot`, `neo4j` or `evidence`.
    pub fn name(self) -> &'static str {
        match self {
            Format::GraphMl => "graphml",
            Format::Dot => "dot",
            Format::Neo4jCsv => "neo4j",
            Format::EvidenceCsv => "evidence",
        }
    }

    /// The names of the files this format produces, in the order [`render`] returns them.
    pub fn files(self) -> impl Iterator<Item = &'static str> {
        self.parts().iter().map(|(name, _)| *name)
    }

    fn parts(self) -> &'static [(&'static str, Writer)] {
        match self {
            Format::GraphMl => &[("graph.graphml", write_graphml as Writer)],
            Format::Dot => &[("graph.dot", write_dot as Writer)],
            Format::Neo4jCsv => &[
                ("nodes.csv", write_neo4j_nodes as Writer),
                ("relationships.csv", write_neo4j_relationships as Writer),
            ],
            Format::EvidenceCsv => &[("evidence.csv", write_evidence as Writer)],
        }
    }
}

/// Renders `graph` in `format`: each file name with the file's bytes.
pub fn render(format: Format, graph: &Graph) -> Result<Vec<(&'static str, Vec<u8>)>, ExportError> {
    format
        .parts()
        .iter()
        .map(|(name, write)| {
            let mut bytes = Vec::new();
            write(graph, &mut bytes)?;
            Ok((*name, bytes))
        })
        .collect()
}

/// Joins list items with `sep`; a `;` inside an item becomes `,` so the list splits back.
fn join_list(items: &[String], sep: &str) -> String {
    let items: Vec<String> = items.iter().map(|s| s.replace(';', ",")).collect();
    items.join(sep)
}

/// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or an empty string when unknown.
fn date(d: Option<PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
