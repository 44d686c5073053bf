// The whole per-article analysis of one input, and the invariants it must keep. Shared by the
// fuzz target (fuzz/fuzz_targets/analyse.rs, through fuzz/src/lib.rs) and the regression test
// crates/cli/tests/it/fuzz_regressions.rs (through `include!`), so both check the same thing.
// Plain items only: no inner attributes or `//!` comments, which `include!` does not allow.

/// Runs `prepare -> extract -> detect -> build -> render` (every format but svg and html) on
/// `data` as the article `f`, and panics if an invariant breaks:
/// - decoded mention spans are ordered, inside the decoded text and on char boundaries;
/// - original spans (people's mentions, evidence sentences, in the analysis and in the graph)
///   are ordered and inside the input's length;
/// - event participants index the article's people;
/// - the graph has no self-loop edge (by node index and by person id);
/// - every rendered format succeeds, and its files are UTF-8.
pub fn analyse_and_check(data: &[u8]) {
    let input = whomet_extract::Input {
        id: "f",
        ..Default::default()
    };
    let (doc, _diagnostics) = whomet_extract::prepare(&input, data);
    let text = &doc.text;
    assert!(
        doc.body_start <= text.len(),
        "body_start {} > {}",
        doc.body_start,
        text.len()
    );

    let ex = whomet_extract::extract(&doc);
    for s in ex.sentences() {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "sentence {s:?} outside {}",
            text.len()
        );
    }
    for m in &ex.people.mentions {
        let s = m.span;
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "mention {s:?} outside {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "mention {s:?} not on char boundaries"
        );
        assert!(
            m.person < ex.people.people.len(),
            "mention of person {}",
            m.person
        );
    }
    for p in &ex.people.people {
        for s in &p.mentions {
            assert!(
                s.start <= s.end && s.end <= data.len(),
                "{s:?} outside {}",
                data.len()
            );
        }
    }

    let events = whomet_relate::detect(&doc, &ex);
    for e in &events {
        let s = e.evidence.sentence;
        assert!(
            s.start <= s.end && s.end <= data.len(),
            "evidence {s:?} outside {}",
            data.len()
        );
        assert!(
            (0.0..=1.0).contains(&e.evidence.confidence),
            "confidence {}",
            e.evidence.confidence
        );
        for p in &e.participants {
            assert!(
                p.person < ex.people.people.len(),
                "participant {}",
                p.person
            );
        }
    }

    let analysis = whomet_core::Analysis {
        doc: doc.id.clone(),
        date: doc.date,
        people: ex.people.people,
        events,
        diagnostics: vec![],
        ..whomet_core::Analysis::default()
    };
    let graph = whomet_graph::build(&[analysis]);
    for e in graph.graph.edge_indices() {
        let (a, b) = graph.graph.edge_endpoints(e).expect("edge of this graph");
        assert_ne!(a, b, "self-loop edge {e:?}");
    }
    for (a, b, edge) in graph.edges() {
        assert_ne!(a.id, b.id, "self-loop edge on {}", a.id);
        for ev in graph.evidence(edge) {
            let s = ev.sentence;
            assert!(
                s.start <= s.end && s.end <= data.len(),
                "edge evidence {s:?} outside {}",
                data.len()
            );
        }
    }

    for format in whomet_export::Format::ALL {
        if matches!(format.name(), "svg" | "html") {
            continue; // graphviz-pure layout is too slow for a fuzz loop
        }
        let files = whomet_export::render(format, &graph)
            .unwrap_or_else(|e| panic!("{} failed: {e}", format.name()));
        for (name, bytes) in files {
            assert!(std::str::from_utf8(&bytes).is_ok(), "{name} is not UTF-8");
        }
    }
}
