//! Issue 15: one layout for every drawing, diagrams that stay readable at any size, GEXF laid
//! out for Gephi, and a report that carries its data as JSON.

use crate::issue18::{dense, render_within};
use std::time::Duration;
use whomet_export::{Format, Layout, MAX_DRAWN_EDGES, MAX_DRAWN_PEOPLE, render, write_files_with};
use whomet_graph::Graph;

/// Every file of `formats`, written with one shared layout on a rayon pool of `threads`.
fn with_threads(graph: &Graph, formats: &[Format], threads: usize) -> Vec<Vec<u8>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        let layout = Layout::default();
        let mut out = Vec::new();
        for &f in formats {
            let mut files: Vec<std::rc::Rc<std::cell::RefCell<Vec<u8>>>> = Vec::new();
            write_files_with(f, graph, &layout, &mut |_| {
                let buf = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
                files.push(buf.clone());
                Ok(Box::new(Shared(buf)) as Box<dyn std::io::Write>)
            })
            .unwrap();
            out.extend(files.into_iter().map(|b| b.take()));
        }
        out
    })
}

struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A graph larger than a diagram shows (3,000 people, 6,000 edges: the forces are computed on
/// several threads from 2,000 people on) gives the same bytes with 1 and 3 threads, layout
/// included.
#[test]
fn issue15_layout_and_drawings_are_the_same_for_any_number_of_threads() {
    let g = dense(3000, 6000);
    let formats = [Format::Gexf, Format::Dot, Format::Html];
    let one = with_threads(&g, &formats, 1);
    let three = with_threads(&g, &formats, 3);
    assert!(one == three, "the outputs differ between 1 and 3 threads");
    let layout = Layout::default();
    let d = layout.drawing(&g);
    assert_eq!(d.position.len(), 3000);
    assert!(
        d.position
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())
    );
}

/// Above [`MAX_DRAWN_PEOPLE`] people the SVG and the DOT show the most connected ones, with the
/// [`MAX_DRAWN_EDGES`] most certain edges between them, and their title says so; a graph of 300 people and 4,000 edges (489 s
/// of Graphviz layout before issue 18) is drawn at once, and never as a strip.
#[test]
fn issue15_diagrams_of_large_graphs_show_the_most_connected_people_and_say_so() {
    let g = dense(300, 4000);
    assert!(!whomet_export::drawable(&g));
    let svg = render_within(g.clone(), Format::Svg, Duration::from_secs(60));
    let title = format!("the {MAX_DRAWN_PEOPLE} most connected of 300 people");
    assert!(svg.contains(&title), "{}", &svg[..2000.min(svg.len())]);
    assert_eq!(svg.matches("class=\"node\"").count(), MAX_DRAWN_PEOPLE);
    let drawing = Layout::default().drawing(&g).clone();
    let shown: std::collections::HashSet<u32> = drawing.drawn.iter().copied().collect();
    let between = g
        .graph
        .raw_edges()
        .iter()
        .filter(|e| {
            shown.contains(&(e.source().index() as u32))
                && shown.contains(&(e.target().index() as u32))
        })
        .count();
    assert!(between > MAX_DRAWN_EDGES && between < 4000);
    assert_eq!(drawing.edges_between, between);
    assert!(svg.contains(&format!(
        "and the {MAX_DRAWN_EDGES} most certain of the {between} edges between them"
    )));
    assert_eq!(svg.matches("class=\"edge\"").count(), MAX_DRAWN_EDGES);
    // The shown people are those of largest weighted degree.
    let least_shown = drawing
        .drawn
        .iter()
        .map(|&v| drawing.strength[v as usize])
        .fold(f64::MAX, f64::min);
    assert!(
        (0..300u32)
            .filter(|v| !shown.contains(v))
            .all(|v| drawing.strength[v as usize] <= least_shown)
    );
    // Not a strip: the picture is at most three times as wide as high, or high as wide.
    let view = svg.split("viewBox=\"").nth(1).unwrap();
    let dims: Vec<f64> = view
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|x| x.parse().unwrap())
        .collect();
    let (w, h) = (dims[2], dims[3]);
    assert!(w / h < 3.0 && h / w < 3.0, "{w} x {h}");
    let dot = render_within(g, Format::Dot, Duration::from_secs(60));
    assert!(dot.contains(&title));
    assert_eq!(dot.matches(" -- ").count(), MAX_DRAWN_EDGES);
    // A small graph is drawn whole.
    let small = render_within(dense(30, 40), Format::Svg, Duration::from_secs(60));
    assert_eq!(small.matches("class=\"node\"").count(), 30);
    assert_eq!(small.matches("class=\"edge\"").count(), 40);
    assert!(small.contains("whomet: 30 people"));
}

/// Every person of the GEXF has a position, a size and a colour, and the positions are the
/// layout's (y up, as Gephi draws it).
#[test]
fn issue15_gexf_carries_the_layout() {
    let g = dense(200, 400);
    let gexf = String::from_utf8(render(Format::Gexf, &g).unwrap().remove(0).1).unwrap();
    assert_eq!(gexf.matches("<viz:position ").count(), 200);
    assert_eq!(gexf.matches("<viz:size ").count(), 200);
    assert_eq!(gexf.matches("<viz:color ").count(), 200);
    assert!(gexf.contains(r#"xmlns:viz="http://gexf.net/1.3""#));
    let d = Layout::default().drawing(&g).clone();
    let [x, y] = d.position[0];
    let first = gexf.split("<viz:position ").nth(1).unwrap();
    let round = |v: f64| (v * 100.0).round() / 100.0;
    assert!(
        first.starts_with(&format!("x=\"{}\" y=\"{}\"", round(x), round(-y))),
        "{}",
        &first[..60]
    );
}

/// The report's data block lists every person and edge, and the evidence block every edge,
/// with no `<` that could end the script early.
#[test]
fn issue15_report_carries_its_data_as_json_that_cannot_close_its_script() {
    let mut g = dense(40, 60);
    g.graph[petgraph_index(0)].label = "</script><b>x</b>".into();
    let html = render_within(g, Format::Html, Duration::from_secs(60));
    let block = |id: &str| {
        let start = format!(r#"<script type="application/json" id="{id}">"#);
        let rest = html.split(&start).nth(1).expect("a JSON block");
        rest.split("</script>").next().unwrap().to_string()
    };
    let data: serde_json::Value = serde_json::from_str(&block("whomet-data")).unwrap();
    assert_eq!(data["people"]["id"].as_array().unwrap().len(), 40);
    assert_eq!(data["edges"]["source"].as_array().unwrap().len(), 60);
    assert_eq!(data["people"]["label"][0], "</script><b>x</b>");
    assert!(!block("whomet-data").contains('<'));
    let evidence: serde_json::Value = serde_json::from_str(&block("whomet-evidence")).unwrap();
    assert_eq!(evidence.as_array().unwrap().len(), 60);
    assert!(html.contains("<script>\n// whomet report.html"));
}

fn petgraph_index(i: usize) -> whomet_graph::petgraph::graph::NodeIndex {
    whomet_graph::petgraph::graph::NodeIndex::new(i)
}

/// Every file of `format` written with `layout`, one after the other.
fn written(graph: &Graph, format: Format, layout: &Layout) -> String {
    let mut files: Vec<std::rc::Rc<std::cell::RefCell<Vec<u8>>>> = Vec::new();
    write_files_with(format, graph, layout, &mut |_| {
        let buf = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        files.push(buf.clone());
        Ok(Box::new(Shared(buf)) as Box<dyn std::io::Write>)
    })
    .unwrap();
    let bytes: Vec<u8> = files.into_iter().flat_map(|b| b.take()).collect();
    String::from_utf8(bytes).unwrap()
}

/// Issue 16 on the drawings of issue 15: a person seen only as a photo credit, without edges,
/// is left out of `graph.dot`, `graph.svg` and the report's data by default and drawn with
/// `show_credits`; `drop_isolated` leaves out everyone without edges; `graph.gexf` (a data
/// file) always holds everyone at their layout position.
#[test]
fn issue15_16_credits_and_isolated_people_are_left_out_of_the_layout_drawings() {
    use whomet_export::Diagram;
    let mut g = crate::fixture::fixture();
    let zed = g.graph.node_indices().find(|&i| g.graph[i].id == "zed");
    g.graph[zed.unwrap()].credit = true;
    let report_people = |html: &str| -> Vec<String> {
        let start = r#"<script type="application/json" id="whomet-data">"#;
        let block = html.split(start).nth(1).unwrap().split("</script>").next();
        let data: serde_json::Value = serde_json::from_str(block.unwrap()).unwrap();
        let edges = &data["edges"];
        let n = data["people"]["id"].as_array().unwrap().len() as u64;
        for end in ["source", "target"] {
            assert!(
                edges[end]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|v| v.as_u64().unwrap() < n)
            );
        }
        let ids = data["people"]["id"].as_array().unwrap().iter();
        ids.map(|v| v.as_str().unwrap().to_string()).collect()
    };
    let all = ["amir-abdollahian", "bob", "ismail-haniyeh", "zed"];
    for (diagram, drawn, title) in [
        (Diagram::default(), &all[..3], "whomet: 3 people"),
        (
            Diagram {
                show_credits: true,
                drop_isolated: false,
            },
            &all[..],
            "whomet: 4 people",
        ),
        (
            Diagram {
                show_credits: true,
                drop_isolated: true,
            },
            &all[..3],
            "whomet: 3 people",
        ),
    ] {
        let layout = Layout::new(diagram);
        let dot = written(&g, Format::Dot, &layout);
        let svg = written(&g, Format::Svg, &layout);
        let html = written(&g, Format::Html, &layout);
        let gexf = written(&g, Format::Gexf, &layout);
        assert!(
            dot.contains(&format!(r#"label="{title}""#)),
            "{diagram:?}: {dot}"
        );
        assert!(svg.contains(title), "{diagram:?}");
        assert_eq!(
            dot.contains(r#""zed""#),
            drawn.len() == 4,
            "{diagram:?}: {dot}"
        );
        assert_eq!(svg.matches(r#"class="node""#).count(), drawn.len());
        assert_eq!(svg.matches(r#"class="edge""#).count(), g.graph.edge_count());
        assert_eq!(report_people(&html), drawn, "{diagram:?}");
        assert_eq!(gexf.matches("<viz:position ").count(), 4);
        assert!(gexf.contains(r#"<node id="zed""#));
    }
    // Who is drawn does not move anyone: the layout is of the whole graph.
    let a = Layout::default().drawing(&g).position.clone();
    let b = Layout::new(Diagram {
        show_credits: true,
        drop_isolated: true,
    })
    .drawing(&g)
    .position
    .clone();
    assert_eq!(a, b);
}
