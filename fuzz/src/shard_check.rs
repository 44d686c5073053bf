// The check behind the `shard` fuzz target (issue 18): any bytes as shard lines, each through
// `whomet_shard::parse_line` as `whomet merge` reads them, then the graph and every export but
// svg and html. Shared with the regression test of `crates/shard/tests/it/`, which runs it on
// every file of `fuzz/corpus/shard/`.

/// Parses every line of `data` as a shard line and checks what validation promises: every
/// accepted analysis is sound (participants index its people on side 0 or 1, at most
/// `MAX_PARTICIPANTS` of them, confidences in 0..=1, spans ordered), the graph made of them has
/// finite weights, confidences in 0..=1 and no empty person id, and every export is written.
pub fn shard_and_check(data: &[u8]) {
    let mut analyses = Vec::new();
    let mut docs = std::collections::HashSet::new();
    for line in data.split(|&b| b == b'\n') {
        let Ok(shard) = whomet_shard::parse_line(line) else {
            continue;
        };
        let a = shard.analysis;
        assert!(!a.doc.trim().is_empty());
        for p in &a.people {
            assert!(!whomet_core::slug(&p.name).is_empty() || p.described.is_some());
            for m in &p.mentions {
                assert!(m.start <= m.end);
            }
        }
        for e in &a.events {
            assert!(e.participants.len() <= whomet_shard::MAX_PARTICIPANTS);
            for p in &e.participants {
                assert!(p.person < a.people.len());
            }
            let c = e.evidence.confidence;
            assert!((0.0..=1.0).contains(&c), "confidence {c}");
            assert!(e.evidence.sentence.start <= e.evidence.sentence.end);
            assert_eq!(e.evidence.doc, a.doc);
        }
        if docs.insert(a.doc.clone()) {
            analyses.push(a);
        }
    }
    let graph = whomet_graph::build(&analyses);
    for n in graph.nodes() {
        assert!(!n.id.is_empty(), "empty person id for {:?}", n.label);
    }
    for (a, b, e) in graph.edges() {
        assert_ne!(a.id, b.id);
        assert!(e.weight.is_finite() && e.weight >= 0.0, "weight {}", e.weight);
        assert!((0.0..=1.0).contains(&e.confidence), "confidence {}", e.confidence);
    }
    for format in whomet_export::Format::ALL {
        if matches!(format, whomet_export::Format::Svg | whomet_export::Format::Html) {
            continue;
        }
        for (name, bytes) in whomet_export::render(format, &graph).expect("export") {
            assert!(std::str::from_utf8(&bytes).is_ok(), "{name} is not UTF-8");
        }
    }
}
