//! `report.html`.

use crate::drawing::{Drawing, Layout, community_color, hex};
use crate::graphml::Xml;
use crate::{ExportError, date, web_url};
use serde::Serialize;
use std::io::Write;
use whomet_core::EdgeKind;
use whomet_graph::Graph;
use whomet_graph::PersonNode;

/// sigma.js (MIT), the WebGL graph view, as published on the npm registry
/// (`vendor/sigma/`, with its licence).
const SIGMA: &str = include_str!("../vendor/sigma/sigma.min.js");
/// graphology (MIT), the graph model sigma.js draws (`vendor/graphology/`, with its licence).
const GRAPHOLOGY: &str = include_str!("../vendor/graphology/graphology.umd.min.js");
/// The page's own script and style.
const SCRIPT: &str = include_str!("../report/report.js");
const STYLE: &str = include_str!("../report/report.css");

/// Writes `report.html`: one self-contained page that needs no network (a Content Security
/// Policy forbids every external load, and sigma.js and graphology are inlined): the whole graph
/// in a WebGL view (zoom, pan, click) laid out by the shared ForceAtlas2 layout, coloured by
/// community and sized by degree, with edges as wide as they are certain; search by name or
/// alias; filters by edge type, date range and minimum confidence; a clicked person's edges and a
/// clicked edge's evidence sentences with both names marked, each with the article it comes
/// from (title, linked only when its address is `http:` or `https:`, publisher, date, copies);
/// sortable tables of people and edges. The view and the people table leave out the people
/// [`crate::Diagram`] says not to draw (by default those seen only as photo credits or
/// bylines). The data is one JSON block read at load; the evidence is another, read only when an
/// edge is first opened. All text is escaped (JSON in the page cannot close its `<script>`).
/// With `#selftest` in the address the page checks its own search, filters and evidence and
/// writes the results into `<html data-selftest>`.
pub fn write_html(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    write_html_with(graph, &Layout::default(), out)
}

/// [`write_html`] with a shared [`Layout`].
pub(crate) fn write_html_with(
    graph: &Graph,
    layout: &Layout,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    let drawing = layout.drawing(graph);
    let count = |k: EdgeKind| graph.edges().filter(|(_, _, e)| e.kind == k).count();
    let (people, edges) = (graph.nodes().count(), graph.edges().count());
    let mut documents: Vec<&str> = graph
        .nodes()
        .flat_map(|n| graph.docs(&n.documents))
        .collect();
    documents.sort_unstable();
    documents.dedup();
    let first = graph.edges().filter_map(|(_, _, e)| e.first_date).min();
    let last = graph.edges().filter_map(|(_, _, e)| e.last_date).max();

    write!(
        out,
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>whomet: who met whom</title>
{ERRORS}
<style>
{STYLE}</style>
</head>
"#
    )?;
    writeln!(
        out,
        r##"<body data-people="{people}" data-edges="{edges}">
<header>
<h1>Who met whom</h1>
<p class="summary">{people} people and {edges} edges: {} met in person (MET), {} spoke by phone or video (CONTACT), {} planned to meet (PLANNED); {} documents; dates from {} to {}.</p>
<nav><a href="#people">People</a> <a href="#edges">Edges</a></nav>
</header>
<div id="app">
<div id="graph"></div>
<aside id="panel">
<fieldset><legend>Search a name or alias</legend><input type="search" id="search" placeholder="name or alias" autocomplete="off"><ul id="search-results"></ul></fieldset>
<fieldset><legend>Edges</legend>
<label><input type="checkbox" id="kind-MET" checked> <span class="type MET">MET</span></label><label><input type="checkbox" id="kind-CONTACT" checked> <span class="type CONTACT">CONTACT</span></label><label><input type="checkbox" id="kind-PLANNED" checked> <span class="type PLANNED">PLANNED</span></label><br>
<label>from <input type="text" class="date" id="date-from" placeholder="YYYY-MM-DD"></label><label>to <input type="text" class="date" id="date-to" placeholder="YYYY-MM-DD"></label><br>
<label>confidence at least <input type="range" id="min-confidence" min="0" max="1" step="0.05" value="0"> <span id="min-confidence-value">0.00</span></label>
<p class="count" id="edges-shown"></p>
<p class="legend">Colours are communities (Louvain); bigger people have more edges; wider lines are more certain.</p>
</fieldset>
<div id="selection"></div>
<pre id="selftest" hidden></pre>
</aside>
</div>"##,
        count(EdgeKind::Met),
        count(EdgeKind::Contact),
        count(EdgeKind::Planned),
        documents.len(),
        or(date(first), "unknown"),
        or(date(last), "unknown"),
    )?;
    writeln!(
        out,
        r#"<section class="table" id="people">
<h2>People</h2>
<p class="filter"><label for="people-filter">Filter</label> <input type="search" id="people-filter" placeholder="name, alias, role" autocomplete="off"> <span class="count" id="people-filter-count"></span></p>
<table>
<thead><tr><th>Name</th><th>Aliases</th><th>Roles</th><th>Mentions</th><th>Documents</th><th>Edges</th><th>Weighted degree</th><th>Community</th></tr></thead>
<tbody></tbody>
</table>
<button type="button" id="people-more" hidden>Show more</button>
</section>
<section class="table" id="edges">
<h2>Edges</h2>
<p class="filter"><label for="edges-filter">Filter</label> <input type="search" id="edges-filter" placeholder="name, type, place, date" autocomplete="off"> <span class="count" id="edges-filter-count"></span></p>
<table>
<thead><tr><th>Person</th><th>Type</th><th>Person</th><th>Confidence</th><th>Dates</th><th>Places</th><th>Evidence</th></tr></thead>
<tbody></tbody>
</table>
<button type="button" id="edges-more" hidden>Show more</button>
</section>"#
    )?;

    write!(out, r#"<script type="application/json" id="whomet-data">"#)?;
    serde_json::to_writer(ScriptSafe(&mut *out), &data(graph, drawing, &documents))?;
    writeln!(out, "</script>")?;
    write!(
        out,
        r#"<script type="application/json" id="whomet-evidence">"#
    )?;
    write_evidence(graph, &documents, &mut ScriptSafe(&mut *out))?;
    writeln!(out, "</script>")?;
    writeln!(out, "<script>\n{GRAPHOLOGY}\n</script>")?;
    writeln!(out, "<script>\n{SIGMA}\n</script>")?;
    writeln!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>")?;
    Ok(())
}

/// Records any error of the page in `<html data-errors>`, so that a headless check sees it.
const ERRORS: &str = r#"<script>
(function () {
  var root = document.documentElement;
  function record(message) {
    root.setAttribute('data-errors', (root.getAttribute('data-errors') || '') + message + '\n');
  }
  window.addEventListener('error', function (e) { record('error: ' + e.message); });
  window.addEventListener('unhandledrejection', function (e) { record('rejection: ' + e.reason); });
  var consoleError = console.error;
  console.error = function () {
    record('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return consoleError.apply(console, arguments);
  };
})();
</script>"#;

/// The people and edges as the page's script reads them: one array per column.
#[derive(Serialize)]
struct Data<'g> {
    people: People<'g>,
    edges: Edges<'g>,
    /// Document ids, sorted; people's documents and evidence point into it.
    docs: &'g [&'g str],
    /// `#rrggbb` of each community, by rank.
    colors: Vec<String>,
}

#[derive(Serialize, Default)]
struct People<'g> {
    id: Vec<&'g str>,
    label: Vec<&'g str>,
    aliases: Vec<Vec<&'g str>>,
    roles: Vec<Vec<&'g str>>,
    mentions: Vec<usize>,
    documents: Vec<Vec<u32>>,
    x: Vec<f64>,
    y: Vec<f64>,
    community: Vec<u32>,
    degree: Vec<u32>,
    strength: Vec<f64>,
}

#[derive(Serialize, Default)]
struct Edges<'g> {
    source: Vec<u32>,
    target: Vec<u32>,
    kind: Vec<String>,
    confidence: Vec<f64>,
    first: Vec<String>,
    last: Vec<String>,
    places: Vec<Vec<&'g str>>,
    evidence: Vec<usize>,
}

fn data<'g>(graph: &'g Graph, drawing: &Drawing, docs: &'g [&'g str]) -> Data<'g> {
    let doc_index = |d: &str| docs.binary_search(&d).map_or(u32::MAX, |i| i as u32);
    let mut people = People::default();
    // The people the diagram may draw ([`crate::Diagram`]: not those seen only as credits or
    // bylines, nor with `drop_isolated` those without edges), numbered in node order; both
    // people of every edge are among them.
    let mut index = vec![u32::MAX; drawing.shown.len()];
    for (i, n) in graph.nodes().enumerate() {
        if !drawing.shown[i] {
            continue;
        }
        index[i] = people.id.len() as u32;
        people.id.push(&n.id);
        people.label.push(&n.label);
        people.aliases.push(graph.strs(&n.aliases).collect());
        people.roles.push(graph.strs(&n.roles).collect());
        people.mentions.push(n.mentions);
        people
            .documents
            .push(graph.docs(&n.documents).map(doc_index).collect());
        people.x.push(round(drawing.position[i][0], 100.0));
        people.y.push(round(-drawing.position[i][1], 100.0));
        people.community.push(drawing.community[i]);
        people.degree.push(drawing.degree[i]);
        people.strength.push(round(drawing.strength[i], 1000.0));
    }
    let mut edges = Edges::default();
    for e in graph.graph.raw_edges() {
        let d = &e.weight;
        edges.source.push(index[e.source().index()]);
        edges.target.push(index[e.target().index()]);
        edges.kind.push(d.kind.to_string());
        edges.confidence.push(d.confidence);
        edges.first.push(date(d.first_date));
        edges.last.push(date(d.last_date));
        edges.places.push(graph.places(d));
        edges.evidence.push(d.evidence.len());
    }
    let communities = drawing.community.iter().map(|&c| c + 1).max().unwrap_or(0);
    Data {
        people,
        edges,
        docs,
        colors: (0..communities).map(|c| hex(community_color(c))).collect(),
    }
}

/// The evidence of every edge, in edge order: for each, a list of `[document index, date,
/// place, trigger, confidence, sentence HTML with the names marked, start byte, end byte,
/// citation HTML of the article (empty when the input said nothing of it)]`.
fn write_evidence(graph: &Graph, docs: &[&str], out: &mut impl Write) -> Result<(), ExportError> {
    out.write_all(b"[")?;
    for (i, (a, b, e)) in graph.edges().enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        let items: Vec<_> = graph
            .evidence(e)
            .map(|x| {
                (
                    docs.binary_search(&x.doc).map_or(u32::MAX, |i| i as u32),
                    date(x.date),
                    x.place.unwrap_or(""),
                    x.trigger,
                    x.confidence,
                    highlight(x.text, graph, a, b),
                    x.sentence.start,
                    x.sentence.end,
                    citation(x.article),
                )
            })
            .collect();
        serde_json::to_writer(&mut *out, &items)?;
    }
    out.write_all(b"]")?;
    Ok(())
}

/// A writer that keeps JSON inside `<script>`: every `<` becomes `\u003c` (JSON has `<` only in
/// strings, where the escape reads back the same), so no `</script>` or `<!--` can appear.
struct ScriptSafe<W>(W);

impl<W: Write> Write for ScriptSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for part in buf.split_inclusive(|&b| b == b'<') {
            match part.split_last() {
                Some((b'<', head)) => {
                    self.0.write_all(head)?;
                    self.0.write_all(br"\u003c")?;
                }
                _ => self.0.write_all(part)?,
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// `x` rounded to `1 / scale`.
fn round(x: f64, scale: f64) -> f64 {
    let r = (x * scale).round() / scale;
    if r == 0.0 { 0.0 } else { r }
}

/// Where a piece of evidence comes from: the article's title (a link when its address is an
/// `http:` or `https:` one), publisher, date and how many copies of it the input held; nothing
/// when the input said nothing of it.
fn citation(a: &whomet_graph::ArticleData) -> String {
    if a.title.is_none() && a.url.is_none() && a.source.is_none() && a.copies() == 1 {
        return String::new();
    }
    let title = a
        .title
        .as_deref()
        .or(a.url.as_deref())
        .unwrap_or("untitled");
    let title = match web_url(a.url.as_deref()) {
        Some(url) => format!(
            r#"<a class="article" href="{}" rel="noopener noreferrer" dir="auto">{}</a>"#,
            Xml(url.trim()),
            Xml(title)
        ),
        None => format!(r#"<cite class="article" dir="auto">{}</cite>"#, Xml(title)),
    };
    let mut out = format!(r#"<p class="cite">from {title}"#);
    if let Some(s) = &a.source {
        out.push_str(&format!(
            r#" · <span class="publisher" dir="auto">{}</span>"#,
            Xml(s)
        ));
    }
    if let Some(d) = a.date {
        out.push_str(&format!(
            r#" · <span class="published">{}</span>"#,
            d.format("%Y-%m-%d")
        ));
    }
    if a.copies() > 1 {
        out.push_str(&format!(
            r#" · <span class="copies">{} copies</span> from <span class="sources">{}</span> publisher(s)"#,
            a.copies(),
            a.sources.len()
        ));
    }
    out.push_str("</p>");
    out
}

/// `s`, or `default` when `s` is empty.
fn or(s: String, default: &str) -> String {
    if s.is_empty() { default.to_string() } else { s }
}

/// The sentence HTML-escaped, each occurrence of a name form (canonical name or alias) of `a` or
/// `b` wrapped in `<mark>`. Names match ignoring ASCII case, longest first, and only as whole
/// words (not inside a longer word).
fn highlight(text: &str, graph: &Graph, a: &PersonNode, b: &PersonNode) -> String {
    let mut names: Vec<&str> = [a, b]
        .iter()
        .flat_map(|p| std::iter::once(p.label.as_str()).chain(graph.strs(&p.aliases)))
        .filter(|s| s.chars().count() >= 2)
        .collect();
    names.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let lower = text.to_ascii_lowercase();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = String::with_capacity(text.len() + 32);
    let (mut i, mut plain) = (0, 0);
    while i < text.len() {
        let found = names.iter().find(|name| {
            let end = i + name.len();
            lower[i..].starts_with(&name.to_ascii_lowercase())
                && text.is_char_boundary(end)
                && !word(text[..i].chars().next_back())
                && !word(text[end..].chars().next())
        });
        match found {
            Some(name) => {
                let end = i + name.len();
                out.push_str(&Xml(&text[plain..i]).to_string());
                out.push_str(&format!("<mark>{}</mark>", Xml(&text[i..end])));
                (i, plain) = (end, end);
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push_str(&Xml(&text[plain..]).to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(g: &mut Graph, label: &str, aliases: &[&str]) -> PersonNode {
        PersonNode {
            id: "x".into(),
            label: label.into(),
            aliases: aliases.iter().map(|s| g.intern(s)).collect(),
            roles: Box::new([]),
            mentions: 1,
            documents: Box::new([]),
            credit: false,
            merges: Box::new([]),
        }
    }

    #[test]
    fn names_are_marked_as_whole_words_and_escaped() {
        let g = &mut Graph::default();
        let a = person(g, "Hossein Amir-Abdollahian", &["Amir-Abdollahian"]);
        let b = person(g, "Ismail Haniyeh", &["Haniyeh"]);
        assert_eq!(
            highlight("Amir-Abdollahian met <haniyeh> & Haniyehs.", g, &a, &b),
            "<mark>Amir-Abdollahian</mark> met &lt;<mark>haniyeh</mark>&gt; &amp; Haniyehs."
        );
        let c = person(g, "إسماعيل هنية", &[]);
        assert_eq!(
            highlight("met إسماعيل هنية 🕊️", g, &a, &c),
            "met <mark>إسماعيل هنية</mark> 🕊️"
        );
    }
}
