//! Writes the who-met-whom graph as files that other tools load: GraphML and GEXF (Gephi, yEd,
//! networkx, igraph), Graphviz DOT and an SVG drawing of it, neo4j-admin import CSV and a Cypher
//! script, Gephi spreadsheet CSV, Cytoscape.js JSON, a spreadsheet of the evidence behind every
//! edge, and a self-contained HTML report.
//!
//! `read -> segment -> find mentions -> resolve people -> detect meetings -> score -> build graph
//! ->` **`export`**.
//!
//! Every writer takes a [`Graph`] and any [`std::io::Write`]; none opens a file.
//! [`write_files`] streams one [`Format`]'s files into writers the caller opens by file name (the
//! CLI, one new file each); [`render`] returns them as named in-memory files. The
//! output is deterministic: nodes and edges come in the order [`Graph::nodes`] and
//! [`Graph::edges`] give, edge `i` is called `e{i}` in every format, and floats are printed in
//! their shortest round-trip form. `docs/FORMATS.md` describes every column and attribute, and
//! the escaping rules; `ci/clients/` loads each file in a real client.
//!
//! ```
//! use whomet_export::{render, Format};
//! let graph = whomet_graph::Graph::default();
//! let files = render(Format::Neo4jCsv, &graph).unwrap();
//! assert_eq!(files[0].0, "nodes.csv");
//! assert!(files[0].1.starts_with(b"personId:ID(Person),name,aliases:string[]"));
//! let graphml = render(Format::GraphMl, &graph).unwrap().remove(0).1;
//! assert!(String::from_utf8(graphml).unwrap().contains(r#"edgedefault="undirected""#));
//! let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
//! assert!(names.contains(&"gexf") && names.contains(&"html"));
//! ```
#![warn(missing_docs)]

mod barnes_hut;
mod community;
mod cypher;
mod dot;
mod drawing;
mod forceatlas2;
mod gephi;
mod gexf;
mod graphml;
mod html;
mod json;
mod layout;
mod svg;
mod table;
mod time;

pub use community::communities;
pub use cypher::write_cypher;
pub use dot::write_dot;
pub use drawing::{
    Diagram, Drawing, Layout, MAX_DRAWN_EDGES, MAX_DRAWN_PEOPLE, community_color, drawable,
    drawable_with,
};
pub use gephi::{write_gephi_edges, write_gephi_nodes};
pub use gexf::write_gexf;
pub use graphml::write_graphml;
pub use html::write_html;
pub use json::write_json;
pub use layout::{Progress, Topology, layout};
pub use svg::write_svg;
pub use table::{
    write_evidence, write_neo4j_article_people, write_neo4j_articles, write_neo4j_evidence,
    write_neo4j_evidence_articles, write_neo4j_evidence_people, write_neo4j_nodes,
    write_neo4j_relationships,
};

use std::io::Write;
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
    /// The JSON writer failed (this includes I/O errors met by the JSON writer).
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// graphviz-pure could not lay out or draw the DOT graph.
    #[error("could not render the graph with graphviz-pure: {0}")]
    Render(String),
}

/// An output format, made of one or more files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `graph.graphml`: GraphML for Gephi, yEd, networkx and igraph.
    GraphMl,
    /// `graph.dot`: Graphviz DOT.
    Dot,
    /// `nodes.csv`, `relationships.csv` (people and their edges), `articles.csv`,
    /// `evidence-nodes.csv` and the link files `evidence-articles.csv`, `evidence-people.csv`,
    /// `article-people.csv`: neo4j-admin import CSV.
    Neo4jCsv,
    /// `evidence.csv`: one row per edge and supporting sentence, for spreadsheets.
    EvidenceCsv,
    /// `graph.svg`: the DOT graph drawn in-process by graphviz-pure.
    Svg,
    /// `graph.gexf`: GEXF 1.3 with edge spells, for Gephi's timeline.
    Gexf,
    /// `gephi-nodes.csv` and `gephi-edges.csv`: Gephi's spreadsheet import.
    GephiCsv,
    /// `import.cypher`: idempotent `MERGE` statements for Neo4j (`cypher-shell -f`).
    Cypher,
    /// `graph.json`: Cytoscape.js elements, with every piece of evidence.
    Json,
    /// `report.html`: one offline page with the drawing, searchable tables and the evidence.
    Html,
}

type Writer = fn(&Graph, &Layout, &mut dyn Write) -> Result<(), ExportError>;

/// A writer function of any `impl Write`, as a [`Writer`] on a `dyn Write`. The function writes
/// into a buffer of its own, so that its many small writes are not dynamic calls.
macro_rules! writer {
    ($f:path) => {
        (|g: &Graph, _: &Layout, w: &mut dyn Write| {
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, w);
            $f(g, &mut buffered)?;
            buffered.flush()?;
            Ok(())
        }) as Writer
    };
    ($f:path, layout) => {
        (|g: &Graph, layout: &Layout, w: &mut dyn Write| {
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, w);
            $f(g, layout, &mut buffered)?;
            buffered.flush()?;
            Ok(())
        }) as Writer
    };
}

impl Format {
    /// All formats.
    pub const ALL: [Format; 10] = [
        Format::GraphMl,
        Format::Dot,
        Format::Neo4jCsv,
        Format::EvidenceCsv,
        Format::Svg,
        Format::Gexf,
        Format::GephiCsv,
        Format::Cypher,
        Format::Json,
        Format::Html,
    ];

    /// Short name, for command lines: `graphml`, `dot`, `neo4j`, `evidence`, `svg`, `gexf`,
    /// `gephi`, `cypher`, `json` or `html`.
    pub fn name(self) -> &'static str {
        match self {
            Format::GraphMl => "graphml",
            Format::Dot => "dot",
            Format::Neo4jCsv => "neo4j",
            Format::EvidenceCsv => "evidence",
            Format::Svg => "svg",
            Format::Gexf => "gexf",
            Format::GephiCsv => "gephi",
            Format::Cypher => "cypher",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// The format of a short name ([`Format::name`]), if it is one.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether the format draws the graph, and so reads the shared [`Layout`]'s positions or
    /// communities: `graph.dot`, `graph.svg`, `graph.gexf` and `report.html`.
    pub fn draws(self) -> bool {
        matches!(
            self,
            Format::Dot | Format::Svg | Format::Gexf | Format::Html
        )
    }

    /// The names of the files this format produces, in the order [`render`] returns them.
    pub fn files(self) -> impl Iterator<Item = &'static str> {
        self.parts().iter().map(|(name, _)| *name)
    }

    fn parts(self) -> &'static [(&'static str, Writer)] {
        match self {
            Format::GraphMl => &[("graph.graphml", writer!(write_graphml))],
            Format::Dot => &[("graph.dot", writer!(dot::write_dot_with, layout))],
            Format::Neo4jCsv => &[
                ("nodes.csv", writer!(write_neo4j_nodes)),
                ("relationships.csv", writer!(write_neo4j_relationships)),
                ("articles.csv", writer!(write_neo4j_articles)),
                ("evidence-nodes.csv", writer!(write_neo4j_evidence)),
                (
                    "evidence-articles.csv",
                    writer!(write_neo4j_evidence_articles),
                ),
                ("evidence-people.csv", writer!(write_neo4j_evidence_people)),
                ("article-people.csv", writer!(write_neo4j_article_people)),
            ],
            Format::EvidenceCsv => &[("evidence.csv", writer!(write_evidence))],
            Format::Svg => &[("graph.svg", writer!(svg::write_svg_with, layout))],
            Format::Gexf => &[("graph.gexf", writer!(gexf::write_gexf_with, layout))],
            Format::GephiCsv => &[
                ("gephi-nodes.csv", writer!(write_gephi_nodes)),
                ("gephi-edges.csv", writer!(write_gephi_edges)),
            ],
            Format::Cypher => &[("import.cypher", writer!(write_cypher))],
            Format::Json => &[("graph.json", writer!(write_json))],
            Format::Html => &[("report.html", writer!(html::write_html_with, layout))],
        }
    }
}

/// Writes `graph` in `format` file by file, into the writer `open` gives for each file name, so
/// that no file needs to be held in memory whole. Each writer is flushed when its file is done.
pub fn write_files(
    format: Format,
    graph: &Graph,
    open: &mut dyn FnMut(&'static str) -> std::io::Result<Box<dyn Write>>,
) -> Result<(), ExportError> {
    write_files_with(format, graph, &Layout::default(), open)
}

/// [`write_files`] with a [`Layout`] shared between calls: writing `Format::Svg`, `Format::Dot`,
/// `Format::Gexf` and `Format::Html` of one graph with the same `layout`, even from several
/// threads, lays the graph out once.
pub fn write_files_with(
    format: Format,
    graph: &Graph,
    layout: &Layout,
    open: &mut dyn FnMut(&'static str) -> std::io::Result<Box<dyn Write>>,
) -> Result<(), ExportError> {
    for (name, write) in format.parts() {
        let mut out = open(name)?;
        write(graph, layout, &mut out)?;
        out.flush()?;
    }
    Ok(())
}

/// Renders `graph` in `format`: each file name with the file's bytes.
pub fn render(format: Format, graph: &Graph) -> Result<Vec<(&'static str, Vec<u8>)>, ExportError> {
    let layout = Layout::default();
    format
        .parts()
        .iter()
        .map(|(name, write)| {
            let mut bytes = Vec::new();
            write(graph, &layout, &mut bytes)?;
            Ok((*name, bytes))
        })
        .collect()
}

/// Joins list items with `sep`; a `;` inside an item becomes `,` so the list splits back.
fn join_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>, sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        for c in item.as_ref().chars() {
            out.push(if c == ';' { ',' } else { c });
        }
    }
    out
}

/// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or an empty string when unknown.
fn date(d: Option<PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// An edge's dates as text: `2024-03-26`, `2024-03 to 2024-03-26`, or empty when unknown (an
/// edge has both dates or neither).
fn dates(e: &whomet_graph::EdgeData) -> String {
    match (date(e.first_date), date(e.last_date)) {
        (first, last) if first == last => first,
        (first, last) => format!("{first} to {last}"),
    }
}

/// A date Neo4j can type as `date`: only a complete `YYYY-MM-DD`, else empty.
fn full_date(d: Option<PartialDate>) -> String {
    d.filter(|d| d.day.is_some())
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// A resolved place as text cells: canonical name, country code, latitude, longitude (empty
/// when unknown).
fn place_cells(p: Option<whomet_graph::places::Place>) -> [String; 4] {
    match p {
        Some(p) => [
            p.name.to_string(),
            p.country.to_string(),
            p.lat.to_string(),
            p.lng.to_string(),
        ],
        None => Default::default(),
    }
}

/// An address that may be a link: `http:` or `https:` only (never `javascript:` or `data:`).
fn web_url(url: Option<&str>) -> Option<&str> {
    url.filter(|u| {
        let lower = u.trim_start().to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    })
}

/// The id of the evidence node of the `k`-th piece of evidence of edge `i`: `e3.0`.
fn evidence_id(i: usize, k: usize) -> String {
    format!("e{i}.{k}")
}

/// The id of the `i`-th edge in output order, the same in every format: `e0`, `e1`, ...
fn edge_id(i: usize) -> String {
    format!("e{i}")
}

/// How many edges each person has, by node index (the order of [`Graph::nodes`]).
fn degrees(graph: &Graph) -> Vec<usize> {
    let mut degree = vec![0; graph.graph.node_count()];
    for e in graph.graph.raw_edges() {
        degree[e.source().index()] += 1;
        degree[e.target().index()] += 1;
    }
    degree
}

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
