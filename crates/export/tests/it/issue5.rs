//! Issue 5's formats parsed back: GEXF, Gephi CSV, Cypher, JSON, SVG and the HTML report. Values
//! come back exactly, except for the documented replacements (docs/FORMATS.md). The real clients
//! (Gephi's parsers' rules, networkx, igraph, Kuzu, Chromium) are exercised by `ci/clients/`.

use crate::{file, files, fixture, names, xml_value};
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use serde_json::Value;
use std::collections::BTreeMap;
use whomet_export::{Format, render};
use whomet_graph::Graph;

/// Every element's attributes, in document order, as an XML 1.0 parser reads them.
fn xml_elements(text: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        let v = a.normalized_value(XmlVersion::Implicit1_0).unwrap();
                        (a.key.as_ref().to_string(), v.into_owned())
                    })
                    .collect();
                out.push((e.name().as_ref().to_string(), attrs));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// A GEXF `liststring` as Gephi's ArraysParser reads quoted items: `["a", "b \" c"]`.
fn gephi_list(s: &str) -> Vec<String> {
    let inner = s.strip_prefix('[').unwrap().strip_suffix(']').unwrap();
    let mut items = Vec::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | ',' => {}
            '"' => {
                let mut item = String::new();
                loop {
                    match chars.next().expect("unterminated item") {
                        '\\' => item.push(chars.next().unwrap()),
                        '"' => break,
                        c => item.push(c),
                    }
                }
                items.push(item);
            }
            c => panic!("unquoted list item at {c:?} in {s:?}"),
        }
    }
    items
}

fn xml_items(items: &[String]) -> Vec<String> {
    items.iter().map(|s| xml_value(s)).collect()
}

#[test]
fn gexf_round_trips_lists_exactly_and_spells_by_date_precision() {
    let graph = fixture();
    let elements = xml_elements(&file(Format::Gexf, "graph.gexf"));
    let graph_el = elements.iter().find(|(n, _)| n == "graph").unwrap();
    assert_eq!(graph_el.1["mode"], "dynamic");
    assert_eq!(graph_el.1["defaultedgetype"], "undirected");
    assert_eq!(graph_el.1["timeformat"], "date");

    let nodes: Vec<_> = elements.iter().filter(|(n, _)| n == "node").collect();
    assert_eq!(nodes.len(), graph.nodes().count());
    // attvalues follow their node or edge.
    let mut owner_values: Vec<BTreeMap<String, String>> = Vec::new();
    for (name, attrs) in &elements {
        match name.as_str() {
            "node" | "edge" => owner_values.push(BTreeMap::new()),
            "attvalue" => {
                let last = owner_values.last_mut().unwrap();
                last.insert(attrs["for"].clone(), attrs["value"].clone());
            }
            _ => {}
        }
    }
    for ((_, attrs), (values, n)) in nodes.iter().zip(owner_values.iter().zip(graph.nodes())) {
        assert_eq!(attrs["id"], n.id);
        assert_eq!(attrs["label"], xml_value(&n.label));
        assert_eq!(
            gephi_list(&values["aliases"]),
            xml_items(&names(&graph, &n.aliases))
        );
        assert_eq!(
            gephi_list(&values["roles"]),
            xml_items(&names(&graph, &n.roles))
        );
        let docs: Vec<&str> = graph.docs(&n.documents).collect();
        assert_eq!(gephi_list(&values["documents"]), docs);
        assert_eq!(values["mentions"], n.mentions.to_string());
    }

    let edges: Vec<_> = elements.iter().filter(|(n, _)| n == "edge").collect();
    let edge_values = &owner_values[nodes.len()..];
    for (i, (((_, attrs), values), (a, b, e))) in
        edges.iter().zip(edge_values).zip(graph.edges()).enumerate()
    {
        assert_eq!(attrs["id"], format!("e{i}"));
        assert_eq!([&attrs["source"], &attrs["target"]], [&a.id, &b.id]);
        assert_eq!(attrs["kind"], e.kind.as_str());
        assert_eq!(values["type"], e.kind.as_str());
        assert_eq!(attrs["weight"].parse::<f64>().unwrap(), e.weight);
        assert_eq!(gephi_list(&values["places"]), graph.places(e));
    }
    // Spells: 2024-03 (the month) and 2024-03-26 (inside it) merge; 2024 spans its year; an
    // undated edge has none.
    let spells: Vec<_> = elements
        .iter()
        .filter(|(n, _)| n == "spell")
        .map(|(_, a)| (a["start"].as_str(), a["end"].as_str()))
        .collect();
    assert_eq!(
        spells,
        [("2024-03-01", "2024-03-31"), ("2024-01-01", "2024-12-31")]
    );
}

/// A Gephi CSV cell as Gephi's reader returns it: `\\` is `\`, then trimmed.
fn gephi_cell(raw: &str) -> String {
    raw.replace("\\\\", "\\").trim().to_string()
}

/// What a Gephi cell should hold: flattened, trimmed, formula-guarded.
fn gephi_expected(s: &str) -> String {
    let flat = s.replace(['\n', '\r', '\t'], " ");
    let t = flat.trim_matches(|c: char| c <= ' ');
    if t.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{t}")
    } else {
        t.to_string()
    }
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn gephi_csv_is_undirected_guarded_and_escaped_for_gephi() {
    let graph = fixture();
    let (header, rows) = read_csv(&file(Format::GephiCsv, "gephi-nodes.csv"));
    assert_eq!(
        header,
        ["Id", "Label", "Aliases", "Roles", "Mentions", "Documents"]
    );
    for (row, n) in rows.iter().zip(graph.nodes()) {
        let list = |xs: &[String]| {
            xs.iter()
                .map(|x| x.replace(';', ","))
                .collect::<Vec<_>>()
                .join("; ")
        };
        assert_eq!(gephi_cell(&row[0]), n.id);
        assert_eq!(gephi_cell(&row[1]), gephi_expected(&n.label));
        assert_eq!(
            gephi_cell(&row[2]),
            gephi_expected(&list(&names(&graph, &n.aliases)))
        );
        assert_eq!(
            gephi_cell(&row[3]),
            gephi_expected(&list(&names(&graph, &n.roles)))
        );
        assert_eq!(
            gephi_cell(&row[5]),
            gephi_expected(&list(
                &graph
                    .docs(&n.documents)
                    .map(String::from)
                    .collect::<Vec<_>>()
            ))
        );
    }
    // The backslash is doubled (Gephi's escape character), the label starting with `+` guarded.
    assert_eq!(rows[1][3], r"C:\\new\\table; owner, builder");
    assert!(rows[1][2].starts_with("'+Bobby; -Bob;"));

    let (header, rows) = read_csv(&file(Format::GephiCsv, "gephi-edges.csv"));
    assert_eq!(
        header.join(","),
        "Source,Target,Type,Weight,Kind,Confidence,Evidence,Documents,Places,Timeset,Id"
    );
    assert!(rows.iter().all(|r| r[2] == "Undirected"));
    let timesets: Vec<&str> = rows.iter().map(|r| r[9].as_str()).collect();
    assert_eq!(
        timesets,
        [
            "",
            "<[2024-03-01, 2024-03-31]>",
            "<[2024-01-01, 2024-12-31]>",
            ""
        ]
    );
    let kinds: Vec<&str> = rows.iter().map(|r| r[4].as_str()).collect();
    assert_eq!(kinds, ["CONTACT", "MET", "PLANNED", "MET"]);
    assert_eq!(rows[3][8], "'+Gaza, Rafah");
}

/// The string literals of a Cypher statement, decoded (`\\` and `\'` are the only escapes).
fn cypher_strings(statement: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = statement.chars();
    while let Some(c) = chars.next() {
        if c == '\'' {
            let mut s = String::new();
            loop {
                match chars.next().expect("unterminated string") {
                    '\\' => {
                        let e = chars.next().unwrap();
                        assert!(e == '\\' || e == '\'', "escape \\{e}");
                        s.push(e);
                    }
                    '\'' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
        }
    }
    out
}

#[test]
fn cypher_literals_hold_the_exact_strings() {
    let graph = fixture();
    let text = file(Format::Cypher, "import.cypher");
    let body: Vec<&str> = text
        .split_inclusive(";\n")
        .filter(|s| s.starts_with("MERGE") || s.starts_with("MATCH"))
        .collect();
    let evidence: usize = graph.edges().map(|(_, _, e)| e.evidence.len()).sum();
    let mentions: usize = graph.nodes().map(|n| n.documents.len()).sum();
    // People, relationships, articles; each piece of evidence with its article and two people;
    // each person's articles.
    assert_eq!(
        body.len(),
        graph.nodes().count()
            + graph.edges().count()
            + graph.articles().len()
            + 4 * evidence
            + mentions
    );
    assert!(text.contains(
        "\nCREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.personId IS UNIQUE;\n"
    ));
    for (statement, n) in body.iter().zip(graph.nodes()) {
        let mut expected = vec![n.id.clone(), n.label.clone()];
        expected.extend(names(&graph, &n.aliases));
        expected.extend(names(&graph, &n.roles));
        assert_eq!(cypher_strings(statement)[..expected.len()], expected);
    }
    // Complete dates are Neo4j dates; a month is only a period.
    assert!(text.contains("r.first_date = null, r.last_date = date('2024-03-26'), r.first_period = '2024-03', r.last_period = '2024-03-26'"));
    assert!(text.contains("(d:Article {articleId: 'a1'}) SET d.title = 'Talks in \"Doha\" = peace?\nA <b>second</b> line & more', d.url = 'https://example.org/a1?x=1&y=<2>', d.source = 'Reuters; Wire', d.date = date('2024-03-26'), d.copies = 2"));
    assert!(text.contains("MATCH (x:Evidence {evidenceId: 'e1.1'}), (d:Article {articleId: 'a2'}) MERGE (x)-[:IN_ARTICLE]->(d);"));
    for (statement, (a, b, e)) in body[graph.nodes().count()..].iter().zip(graph.edges()) {
        assert!(statement.contains(&format!("MERGE (a)-[r:{}]->(b)", e.kind)));
        assert_eq!(cypher_strings(statement)[..2], [a.id.clone(), b.id.clone()]);
        assert!(statement.contains(&format!("r.confidence = {:?},", e.confidence)));
    }
}

#[test]
fn json_holds_every_value_exactly() {
    let graph = fixture();
    let json: Value = serde_json::from_str(&file(Format::Json, "graph.json")).unwrap();
    let nodes = json["elements"]["nodes"].as_array().unwrap();
    let edges = json["elements"]["edges"].as_array().unwrap();
    assert_eq!(nodes.len(), graph.nodes().count());
    for (el, n) in nodes.iter().zip(graph.nodes()) {
        let d = &el["data"];
        assert_eq!(d["id"], n.id.as_str());
        assert_eq!(
            d["label"],
            n.label.as_str(),
            "exact, control characters included"
        );
        assert_eq!(d["aliases"], serde_json::json!(names(&graph, &n.aliases)));
        assert_eq!(d["roles"], serde_json::json!(names(&graph, &n.roles)));
        assert_eq!(d["mentions"], n.mentions);
        let docs: Vec<&str> = graph.docs(&n.documents).collect();
        assert_eq!(d["documents"], serde_json::json!(docs));
    }
    assert_eq!(nodes[3]["data"]["degree"], 0);
    for (i, (el, (a, b, e))) in edges.iter().zip(graph.edges()).enumerate() {
        let d = &el["data"];
        assert_eq!(d["id"], format!("e{i}"));
        assert_eq!([&d["source"], &d["target"]], [a.id.as_str(), b.id.as_str()]);
        assert_eq!(d["type"], e.kind.as_str());
        assert_eq!(d["confidence"], e.confidence);
        assert_eq!(d["weight"], e.weight);
        assert_eq!(d["places"], serde_json::json!(graph.places(e)));
        let first = e.first_date.map(|d| d.to_string());
        assert_eq!(d["first_date"], serde_json::json!(first));
        let evidence = d["evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), e.evidence.len());
        for (x, ev) in evidence.iter().zip(graph.evidence(e)) {
            assert_eq!(x["doc"], ev.doc);
            assert_eq!(x["start"], ev.sentence.start);
            assert_eq!(x["end"], ev.sentence.end);
            assert_eq!(x["sentence"], ev.text);
            assert_eq!(x["trigger"], ev.trigger);
            assert_eq!(x["place"], serde_json::json!(ev.place));
            assert_eq!(x["confidence"], ev.confidence);
            assert_eq!(x["cues"], serde_json::json!(ev.cues().collect::<Vec<_>>()));
        }
    }
}

#[test]
fn svg_is_drawn_in_process_without_warnings() {
    let graph = fixture();
    let dot = file(Format::Dot, "graph.dot");
    // The people stay where the shared layout put them (`neato -n2`).
    let rendered = graphviz_pure::render_dot_all_with_options(
        &dot,
        "neato",
        "svg",
        &graphviz_pure::GlobalAttrs::default(),
        graphviz_pure::LayoutOptions::builder().nop(2).build(),
    )
    .unwrap();
    // graphviz-pure measures text with Graphviz's built-in metric tables; it warns when a
    // character has none (the Arabic name) and uses the width of a space. Nothing else.
    for d in rendered.diagnostics() {
        assert!(
            d.message()
                .contains("no value for width of non-ASCII character"),
            "{d:?}"
        );
    }
    let svg = file(Format::Svg, "graph.svg");
    assert_eq!(&[svg.clone()][..], rendered.output());
    let elements = xml_elements(&svg);
    let class = |c: &str| {
        elements
            .iter()
            .filter(|(_, a)| a.get("class").map(String::as_str) == Some(c))
            .count()
    };
    assert_eq!(class("node"), graph.nodes().count());
    assert_eq!(class("edge"), graph.edges().count());
    let dashes: Vec<Option<&str>> = elements
        .iter()
        .filter(|(n, _)| n == "path")
        .map(|(_, a)| a.get("stroke-dasharray").map(String::as_str))
        .collect();
    assert_eq!(
        dashes,
        [Some("5,2"), None, Some("1,5"), None],
        "CONTACT, MET, PLANNED, MET"
    );
    assert!(svg.contains("إسماعيل هنية"));
    // The empty graph renders too.
    render(Format::Svg, &Graph::default()).unwrap();
}

#[test]
fn html_report_is_escaped_self_contained_and_complete() {
    let graph = fixture();
    let html = file(Format::Html, "report.html");
    let block = |id: &str| {
        let start = format!(r#"<script type="application/json" id="{id}">"#);
        let rest = html.split(&start).nth(1).expect("a JSON block");
        rest.split("</script>").next().unwrap().to_string()
    };
    // Every value is in JSON that no `<` can end early: the markup in Bob's name is text.
    let (data, evidence) = (block("whomet-data"), block("whomet-evidence"));
    assert!(!data.contains('<') && !evidence.contains('<'));
    assert!(data.contains(r#""Bob \"The Builder\" O'Neil \u003cLtd> & Co\\Sons""#));
    assert!(!html.contains("<Ltd>"));
    let data: serde_json::Value = serde_json::from_str(&data).unwrap();
    let people: Vec<&str> = data["people"]["label"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let labels: Vec<&str> = graph.nodes().map(|n| n.label.as_str()).collect();
    assert_eq!(people, labels);
    // Self-contained: no URL but the fixture's own text, a CSP forbidding any load, the
    // libraries inlined.
    assert!(html.contains("default-src 'none'"));
    assert!(!html.contains("<script src") && !html.contains("<link rel=\"stylesheet"));
    assert!(html.contains("Sigma") && html.contains("graphology"));
    // One entry per person and per edge, one evidence list per edge.
    assert_eq!(
        data["people"]["id"].as_array().unwrap().len(),
        graph.nodes().count()
    );
    assert_eq!(
        data["edges"]["kind"].as_array().unwrap().len(),
        graph.edges().count()
    );
    let evidence: serde_json::Value = serde_json::from_str(&evidence).unwrap();
    assert_eq!(evidence.as_array().unwrap().len(), graph.edges().count());
    // The two people's names are marked in the sentence, which is HTML-escaped.
    let sentences: Vec<&str> = evidence
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e.as_array().unwrap())
        .map(|x| x[5].as_str().unwrap())
        .collect();
    assert!(sentences.contains(&"<mark>Amir-Abdollahian</mark> met <mark>Haniyeh</mark> in Doha."));
    assert!(sentences.contains(&"<mark>-Bob</mark>&#9;met <mark>إسماعيل هنية</mark> 🕊️."));
    // Each piece of evidence cites its article; only an http(s) address is a link, which loads
    // nothing until followed.
    let citations: Vec<&str> = evidence
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e.as_array().unwrap())
        .map(|x| x[8].as_str().unwrap())
        .collect();
    let cited = r#"<a class="article" href="https://example.org/a1?x=1&amp;y=&lt;2&gt;" rel="noopener noreferrer" dir="auto">Talks in &quot;Doha&quot; = peace?"#;
    assert!(
        citations.iter().any(|c| c.contains(cited)),
        "the evidence of a1 cites it, linked"
    );
    for c in &citations {
        for link in c.split(r#"href=""#).skip(1) {
            assert!(
                link.starts_with("https://") || link.starts_with("http://"),
                "{c}"
            );
        }
    }
    assert!(
        citations
            .iter()
            .any(|c| c.contains(r#"<cite class="article" dir="auto">&apos;Quoted</cite>"#))
    );
    assert!(
        citations
            .iter()
            .any(|c| c.contains(r#"<span class="copies">2 copies</span>"#))
    );
    // Deterministic.
    assert_eq!(files(Format::Html, &graph), files(Format::Html, &graph));
}
