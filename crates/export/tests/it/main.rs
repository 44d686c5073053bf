//! Tests of whomet-export: snapshots of every format on a small graph with nasty names
//! (`snapshots`), and parsing each file back with a real parser (`round_trip`, and `issue5` for
//! the formats issue 5 added).

mod fixture;
mod issue15;
mod issue18;
mod issue5;
mod round_trip;
mod snapshots;

use fixture::fixture;
use whomet_export::{Format, render};
use whomet_graph::Graph;

/// Renders `format` and returns each file as UTF-8 text, by name.
fn files(format: Format, graph: &Graph) -> Vec<(&'static str, String)> {
    render(format, graph)
        .unwrap()
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8(bytes).expect("exports are UTF-8")))
        .collect()
}

/// The file named `name` of `format`, rendered from the fixture.
fn file(format: Format, name: &str) -> String {
    let files = files(format, &fixture());
    files.into_iter().find(|(n, _)| *n == name).unwrap().1
}

/// The strings of a node's aliases or roles.
fn names(graph: &whomet_graph::Graph, syms: &[whomet_graph::Sym]) -> Vec<String> {
    graph.strs(syms).map(str::to_string).collect()
}

/// A value as the XML-based formats keep it: characters XML 1.0 forbids become U+FFFD.
fn xml_value(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\0'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}
