//! `graph.graphml`.

use crate::{ExportError, date, is_xml_char, join_list, place_cells};
use std::fmt;
use std::io::Write;
use whomet_graph::Graph;

/// Node keys: key id, `attr.name`, `attr.type`.
const NODE_KEYS: [(&str, &str, &str); 7] = [
    ("label", "label", "string"),
    ("aliases", "aliases", "string"),
    ("roles", "roles", "string"),
    ("n_type", "type", "string"),
    ("mentions", "mentions", "int"),
    ("n_documents", "documents", "int"),
    ("credit", "credit", "boolean"),
];

/// Node keys of the place where a person's meetings most often were, written only when it is
/// known (Gephi's Geo Layout and networkx read `lat` and `lng`).
const NODE_PLACE_KEYS: [(&str, &str, &str); 4] = [
    ("n_place", "place", "string"),
    ("n_country", "country", "string"),
    ("lat", "lat", "double"),
    ("lng", "lng", "double"),
];

/// Edge keys of the place of most of an edge's evidence, written only when it is known.
const EDGE_PLACE_KEYS: [(&str, &str, &str); 4] = [
    ("e_place", "place", "string"),
    ("e_country", "country", "string"),
    ("e_lat", "lat", "double"),
    ("e_lng", "lng", "double"),
];

/// Edge keys: key id, `attr.name`, `attr.type`.
const EDGE_KEYS: [(&str, &str, &str); 11] = [
    ("e_type", "type", "string"),
    ("confidence", "confidence", "double"),
    ("weight", "weight", "double"),
    ("evidence", "evidence", "int"),
    ("e_documents", "documents", "string"),
    ("first_date", "first_date", "string"),
    ("last_date", "last_date", "string"),
    ("places", "places", "string"),
    ("edge_id", "edge_id", "string"),
    ("articles", "articles", "int"),
    ("sources", "sources", "int"),
];

/// Writes `graph.graphml`: undirected GraphML, one `<data>` per key on every node and edge.
pub fn write_graphml(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (domain, keys) in [
        ("node", &NODE_KEYS[..]),
        ("node", &NODE_PLACE_KEYS[..]),
        ("edge", &EDGE_KEYS[..]),
        ("edge", &EDGE_PLACE_KEYS[..]),
    ] {
        for (id, name, ty) in keys {
            writeln!(
                out,
                r#"  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{ty}"/>"#
            )?;
        }
    }
    writeln!(out, r#"  <graph id="whomet" edgedefault="undirected">"#)?;
    let places = graph.node_places();
    for (n, place) in graph.nodes().zip(places) {
        writeln!(out, r#"    <node id="{}">"#, Xml(&n.id))?;
        let values = [
            n.label.clone(),
            join_list(graph.strs(&n.aliases), "; "),
            join_list(graph.strs(&n.roles), "; "),
            "PERSON".to_string(),
            n.mentions.to_string(),
            n.documents.len().to_string(),
            n.credit.to_string(),
        ];
        write_data(out, &NODE_KEYS, &values)?;
        if place.is_some() {
            write_data(out, &NODE_PLACE_KEYS, &place_cells(place))?;
        }
        writeln!(out, "    </node>")?;
    }
    for (i, (a, b, e)) in graph.edges().enumerate() {
        let id = format!("e{i}");
        let reach = graph.reach(e);
        writeln!(
            out,
            r#"    <edge id="{id}" source="{}" target="{}">"#,
            Xml(&a.id),
            Xml(&b.id)
        )?;
        let values = [
            e.kind.as_str().to_string(),
            e.confidence.to_string(),
            e.weight.to_string(),
            e.evidence.len().to_string(),
            join_list(graph.documents(e), "; "),
            date(e.first_date),
            date(e.last_date),
            join_list(graph.places(e), "; "),
            id,
            reach.articles.to_string(),
            reach.sources.to_string(),
        ];
        write_data(out, &EDGE_KEYS, &values)?;
        let place = graph.edge_place(e);
        if place.is_some() {
            write_data(out, &EDGE_PLACE_KEYS, &place_cells(place))?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    Ok(())
}

fn write_data<const N: usize>(
    out: &mut impl Write,
    keys: &[(&str, &str, &str); N],
    values: &[String; N],
) -> Result<(), ExportError> {
    for ((key, _, _), value) in keys.iter().zip(values) {
        writeln!(out, r#"      <data key="{key}">{}</data>"#, Xml(value))?;
    }
    Ok(())
}

/// Text escaped for XML 1.0 content and attribute values. Tab, newline and carriage return are
/// written as character references so that parsers do not normalise them; characters XML 1.0
/// forbids become U+FFFD.
pub(crate) struct Xml<'a>(pub(crate) &'a str);

impl fmt::Display for Xml<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Runs of characters that need no escaping are written at once.
        let s = self.0;
        let mut plain = 0;
        for (i, c) in s.char_indices() {
            let escaped = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '\t' => "&#9;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                c if is_xml_char(c) => continue,
                _ => "\u{FFFD}",
            };
            f.write_str(&s[plain..i])?;
            f.write_str(escaped)?;
            plain = i + c.len_utf8();
        }
        f.write_str(&s[plain..])
    }
}
