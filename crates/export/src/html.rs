//! `report.html`.

use crate::graphml::Xml;
use crate::svg::{Layout, drawable_with, not_drawn};
use crate::{ExportError, date, dates, degrees, edge_id, web_url};
use std::io::Write;
use whomet_core::EdgeKind;
use whomet_graph::Graph;
use whomet_graph::PersonNode;

/// Writes `report.html`: one self-contained page that needs no network (a Content Security
/// Policy forbids every external load): the graph drawn by graphviz-pure, a searchable table of
/// people, a searchable table of edges, and every edge's evidence sentences with the two
/// people's names marked. All text is HTML-escaped. A graph too large to lay out quickly (see
/// [`crate::drawable`]) has a note instead of the drawing.
pub fn write_html(graph: &Graph, out: &mut impl Write) -> Result<(), ExportError> {
    write_html_with(graph, &Layout::default(), out)
}

/// [`write_html`] with a shared [`Layout`], so that the drawing `graph.svg` also needs is made
/// once.
pub(crate) fn write_html_with(
    graph: &Graph,
    layout: &Layout,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    let degree = degrees(graph);
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

    write!(out, "{HEAD}")?;
    writeln!(
        out,
        r##"<body data-people="{people}" data-edges="{edges}">
<header>
<h1>Who met whom</h1>
<p class="summary">{people} people and {edges} edges: {} met in person (MET), {} spoke by phone or video (CONTACT), {} planned to meet (PLANNED); {} documents; dates from {} to {}.</p>
<nav><a href="#drawing">Graph</a> · <a href="#people">People</a> · <a href="#edges">Edges</a> · <a href="#evidence">Evidence</a></nav>
</header>
<main>
<section id="drawing">
<h2>Graph</h2>
<p class="legend">Solid line: MET · dashed: CONTACT · dotted: PLANNED. Thicker lines are more certain; bigger people have more edges. Hover over a person or a line for details.</p>
<div class="svg">"##,
        count(EdgeKind::Met),
        count(EdgeKind::Contact),
        count(EdgeKind::Planned),
        documents.len(),
        or(date(first), "unknown"),
        or(date(last), "unknown"),
    )?;
    if drawable_with(graph, layout.diagram) {
        out.write_all(inline_svg(layout.svg(graph)?).as_bytes())?;
    } else {
        write!(out, "<p class=\"not-drawn\">{}</p>", Xml(&not_drawn(graph)))?;
    }
    writeln!(out, "</div>\n</section>")?;

    writeln!(
        out,
        r#"<section id="people">
<h2>People</h2>
<p class="filter"><label for="people-filter">Filter</label> <input type="search" id="people-filter" placeholder="name, alias, role, document" autocomplete="off"> <span class="count" id="people-filter-count"></span></p>
<table>
<thead><tr><th>Name</th><th>Id</th><th>Aliases</th><th>Roles</th><th>Mentions</th><th>Documents</th><th>Edges</th></tr></thead>
<tbody>"#
    )?;
    // People seen only as credits or bylines, and with `drop_isolated` people without edges,
    // are left out of the table as they are out of the drawing ([`crate::Diagram`]).
    for (i, n) in graph.nodes().enumerate() {
        if !layout.diagram.shows(n, degree[i]) {
            continue;
        }
        writeln!(
            out,
            r#"<tr data-id="{id}"><td class="label" dir="auto">{}</td><td class="id"><code>{id}</code></td><td class="aliases">{}</td><td class="roles">{}</td><td class="mentions num">{}</td><td class="documents">{}</td><td class="degree num">{}</td></tr>"#,
            Xml(&n.label),
            items(graph.strs(&n.aliases)),
            items(graph.strs(&n.roles)),
            n.mentions,
            items(graph.docs(&n.documents)),
            degree[i],
            id = Xml(&n.id),
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")?;

    writeln!(
        out,
        r#"<section id="edges">
<h2>Edges</h2>
<p class="filter"><label for="edges-filter">Filter</label> <input type="search" id="edges-filter" placeholder="name, type, place, date, document" autocomplete="off"> <span class="count" id="edges-filter-count"></span></p>
<table>
<thead><tr><th>Id</th><th>Person</th><th>Type</th><th>Person</th><th>Confidence</th><th>Dates</th><th>Places</th><th>Evidence</th><th>Documents</th></tr></thead>
<tbody>"#
    )?;
    for (i, (a, b, e)) in graph.edges().enumerate() {
        let id = edge_id(i);
        let dates = dates(e);
        writeln!(
            out,
            r##"<tr data-edge="{id}"><td class="id"><code>{id}</code></td><td class="source" dir="auto">{}</td><td class="type {kind}">{kind}</td><td class="target" dir="auto">{}</td><td class="confidence num">{}</td><td class="dates">{}</td><td class="places">{}</td><td class="evidence num"><a href="#ev-{id}">{}</a></td><td class="documents">{}</td></tr>"##,
            Xml(&a.label),
            Xml(&b.label),
            e.confidence,
            Xml(&dates),
            items(graph.places(e)),
            e.evidence.len(),
            items(graph.documents(e)),
            kind = e.kind,
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")?;

    writeln!(
        out,
        "<section id=\"evidence\">\n<h2>Evidence</h2>\n<p class=\"legend\">The sentences behind each edge, the two people's names marked. The edge filter above also filters this list.</p>"
    )?;
    for (i, (a, b, e)) in graph.edges().enumerate() {
        let id = edge_id(i);
        writeln!(
            out,
            r#"<article id="ev-{id}" data-edge="{id}">
<h3><bdi class="source">{}</bdi> <span class="type {kind}">{kind}</span> <bdi class="target">{}</bdi></h3>
<ol>"#,
            Xml(&a.label),
            Xml(&b.label),
            kind = e.kind,
        )?;
        for x in graph.evidence(e) {
            writeln!(
                out,
                r#"<li><blockquote class="sentence" dir="auto">{}</blockquote><p class="meta">document <code class="doc">{}</code> bytes <span class="span">{}–{}</span> · date <span class="date">{}</span> · place <span class="place">{}</span> · trigger <q class="trigger">{}</q> · confidence <span class="confidence">{}</span></p>{}</li>"#,
                highlight(x.text, graph, a, b),
                Xml(x.doc),
                x.sentence.start,
                x.sentence.end,
                Xml(&date(x.date)),
                Xml(x.place.unwrap_or("")),
                Xml(x.trigger),
                x.confidence,
                citation(x.article),
            )?;
        }
        writeln!(out, "</ol>\n</article>")?;
    }
    writeln!(out, "</section>\n</main>")?;
    write!(out, "{TAIL}")?;
    Ok(())
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

/// A list as `<ul>` items, nothing when empty.
fn items<S: AsRef<str>>(list: impl IntoIterator<Item = S>) -> String {
    let mut out = String::from("<ul>");
    for item in list {
        out.push_str(&format!("<li dir=\"auto\">{}</li>", Xml(item.as_ref())));
    }
    if out.len() == 4 {
        return String::new();
    }
    out.push_str("</ul>");
    out
}

/// The SVG element of graphviz-pure's output, ready to sit inside HTML: without the XML
/// declaration, the doctype (which names an external DTD) and the namespace declarations (the
/// HTML parser puts `<svg>` and `xlink:` attributes in their namespaces by itself).
fn inline_svg(svg: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let svg = &svg[start..];
    let open_end = svg.find('>').map_or(svg.len(), |i| i + 1);
    let open = svg[..open_end]
        .replace(r#" xmlns="http://www.w3.org/2000/svg""#, "")
        .replace(r#" xmlns:xlink="http://www.w3.org/1999/xlink""#, "");
    format!("{open}{}", &svg[open_end..])
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

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>whomet: who met whom</title>
<script>
// Any error on this page is written to <html data-errors>, so a headless check can see it.
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
</script>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 0 1.5em 3em; color: #222; }
h1 { margin-bottom: 0.2em; }
nav a { color: #2458a6; }
.svg { overflow: auto; border: 1px solid #ddd; background: #fff; max-height: 80vh; }
.svg svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin-top: 0.5em; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td ul { margin: 0; padding-left: 1.1em; }
tr[hidden], article[hidden] { display: none; }
.type { font-weight: 600; font-size: 0.85em; letter-spacing: 0.04em; }
.MET { color: #222; } .CONTACT { color: #2f5fc4; } .PLANNED { color: #c0650b; }
input[type=search] { font: inherit; padding: 0.2em 0.4em; width: 22em; }
.count, .meta, .legend { color: #666; font-size: 0.9em; }
article { border-top: 1px solid #e3e3e3; padding-top: 0.3em; }
article h3 { font-size: 1em; margin: 0.5em 0; }
blockquote { margin: 0.2em 0; white-space: pre-wrap; }
mark { background: #ffe58a; padding: 0 0.1em; }
</style>
</head>
"#;

const TAIL: &str = r#"<script>
// Table filters: a row stays when its text contains what is typed (ignoring case). The edge
// filter also hides the evidence of the edges it hides.
(function () {
  'use strict';
  function bind(name, onChange) {
    var input = document.getElementById(name + '-filter');
    var count = document.getElementById(name + '-filter-count');
    var rows = Array.prototype.slice.call(document.querySelectorAll('#' + name + ' tbody tr'));
    function apply() {
      var query = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var keep = query === '' || row.textContent.toLowerCase().indexOf(query) !== -1;
        row.hidden = !keep;
        if (keep) { shown += 1; }
        if (onChange) { onChange(row, keep); }
      });
      count.textContent = shown + ' of ' + rows.length + ' shown';
    }
    input.addEventListener('input', apply);
    apply();
  }
  bind('people');
  bind('edges', function (row, keep) {
    document.getElementById('ev-' + row.getAttribute('data-edge')).hidden = !keep;
  });
  document.documentElement.setAttribute('data-ready', 'yes');
})();
</script>
</body>
</html>
"#;

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
