//! `graph.gexf`.

use crate::drawing::{Drawing, Layout};
use crate::graphml::Xml;
use crate::time::{day, spells};
use crate::{ExportError, date, edge_id, place_cells};
use std::io::Write;
use whomet_graph::Graph;

/// Node attributes: id (also the title) and GEXF type.
const NODE_ATTRIBUTES: [(&str, &str); 5] = [
    ("aliases", "liststring"),
    ("roles", "liststring"),
    ("mentions", "integer"),
    ("documents", "liststring"),
    ("credit", "boolean"),
];

/// Place attributes (of a node: where the person's meetings most often were; of an edge:
/// where most of its evidence places it), given only when known. Gephi's Geo Layout reads
/// `lat` and `lng`.
const PLACE_ATTRIBUTES: [(&str, &str); 4] = [
    ("place", "string"),
    ("country", "string"),
    ("lat", "double"),
    ("lng", "double"),
];

/// Edge attributes: id (also the title) and GEXF type.
const EDGE_ATTRIBUTES: [(&str, &str); 9] = [
    ("type", "string"),
    ("confidence", "double"),
    ("evidence", "integer"),
    ("documents", "liststring"),
    ("places", "liststring"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("articles", "integer"),
    ("sources", "integer"),
];

/// Writes `graph.gexf`: a dynamic, undirected GEXF 1.3 graph whose edges carry spells, the days
/// their dated evidence covers, so that Gephi's timeline shows who met whom when. Every person
/// has a `viz:position` (the shared ForceAtlas2 layout, so Gephi opens the graph laid out), a
/// `viz:size` (by degree) and a `viz:color` (their community). The `viz` prefix is bound to the
/// GEXF namespace itself, where the GEXF 1.3 schema declares these elements.
pub fn write_gexf(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    write_gexf_with(graph, &Layout::default(), out)
}

/// [`write_gexf`] with a shared [`Layout`].
pub(crate) fn write_gexf_with(
    graph: &Graph,
    layout: &Layout,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    let drawing = layout.drawing(graph);
    header(out)?;
    nodes(graph, drawing, out)?;
    edges(graph, out)?;
    writeln!(out, "  </graph>\n</gexf>")?;
    Ok(())
}

/// The XML declaration, the `gexf` and `graph` elements opened, the meta data and the
/// attribute declarations.
fn header(out: &mut impl Write) -> Result<(), ExportError> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(out, "    <creator>whomet</creator>")?;
    writeln!(
        out,
        "    <description>Who met whom: people, and their meetings (MET), calls (CONTACT) and planned meetings (PLANNED)</description>"
    )?;
    writeln!(out, "  </meta>")?;
    writeln!(
        out,
        r#"  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">"#
    )?;
    for (class, attributes) in [
        ("node", &NODE_ATTRIBUTES[..]),
        ("edge", &EDGE_ATTRIBUTES[..]),
    ] {
        writeln!(out, r#"    <attributes class="{class}" mode="static">"#)?;
        for (id, ty) in attributes.iter().chain(&PLACE_ATTRIBUTES) {
            writeln!(
                out,
                r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#
            )?;
        }
        writeln!(out, "    </attributes>")?;
    }
    Ok(())
}

/// The people, with their attributes and `viz` position, size and colour.
fn nodes(graph: &Graph, drawing: &Drawing, out: &mut impl Write) -> Result<(), ExportError> {
    writeln!(out, r#"    <nodes count="{}">"#, graph.nodes().count())?;
    let places = graph.node_places();
    for (i, (n, place)) in graph.nodes().zip(places).enumerate() {
        writeln!(
            out,
            r#"      <node id="{}" label="{}">"#,
            Xml(&n.id),
            Xml(&n.label)
        )?;
        let values = [
            list(graph.strs(&n.aliases)),
            list(graph.strs(&n.roles)),
            n.mentions.to_string(),
            list(graph.docs(&n.documents)),
            n.credit.to_string(),
        ];
        write_attvalues(out, &NODE_ATTRIBUTES, &values, place)?;
        let [r, g, b] = drawing.color(i);
        let [x, y] = drawing.position[i];
        writeln!(out, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)?;
        writeln!(
            out,
            r#"        <viz:position x="{}" y="{}"/>"#,
            round(x),
            round(-y)
        )?;
        let size = 4.0 + 2.0 * f64::from(drawing.degree[i]).sqrt();
        writeln!(out, r#"        <viz:size value="{}"/>"#, round(size))?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    Ok(())
}

/// The edges, with their attributes and spells.
fn edges(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    writeln!(out, r#"    <edges count="{}">"#, graph.edges().count())?;
    for (i, (a, b, e)) in graph.edges().enumerate() {
        let reach = graph.reach(e);
        writeln!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" label="{kind}" kind="{kind}" weight="{}">"#,
            edge_id(i),
            Xml(&a.id),
            Xml(&b.id),
            e.weight,
            kind = e.kind,
        )?;
        let values = [
            e.kind.to_string(),
            e.confidence.to_string(),
            e.evidence.len().to_string(),
            list(graph.documents(e)),
            list(graph.places(e)),
            date(e.first_date),
            date(e.last_date),
            reach.articles.to_string(),
            reach.sources.to_string(),
        ];
        write_attvalues(out, &EDGE_ATTRIBUTES, &values, graph.edge_place(e))?;
        let spells = spells(graph, e);
        if !spells.is_empty() {
            writeln!(out, "        <spells>")?;
            for (start, end) in spells {
                writeln!(
                    out,
                    r#"          <spell start="{}" end="{}"/>"#,
                    day(start),
                    day(end)
                )?;
            }
            writeln!(out, "        </spells>")?;
        }
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    Ok(())
}

/// `x` to two decimals, without a sign on zero.
fn round(x: f64) -> f64 {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 { 0.0 } else { r }
}

fn write_attvalues<const N: usize>(
    out: &mut impl Write,
    attributes: &[(&str, &str); N],
    values: &[String; N],
    place: Option<whomet_graph::places::Place>,
) -> Result<(), ExportError> {
    writeln!(out, "        <attvalues>")?;
    let place = place.map(|p| place_cells(Some(p)));
    let place = PLACE_ATTRIBUTES.iter().zip(place.iter().flatten());
    for ((id, _), value) in attributes.iter().zip(values).chain(place) {
        writeln!(
            out,
            r#"          <attvalue for="{id}" value="{}"/>"#,
            Xml(value)
        )?;
    }
    writeln!(out, "        </attvalues>")?;
    Ok(())
}

/// A `liststring` value as Gephi parses it: `["a", "b"]`, every item in double quotes with `\`
/// and `"` escaped by a backslash; `[]` when empty.
pub(crate) fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<String> = items
        .into_iter()
        .map(|s| {
            let s = s.as_ref();
            format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
        })
        .collect();
    format!("[{}]", items.join(", "))
}
