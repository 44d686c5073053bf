//! Property tests (issue 8): the per-article stages never panic on any text, their spans stay in
//! the text, and the graph has no self-loops, one node per person, and the same result every time.

use proptest::prelude::*;
use whomet_core::Analysis;

fn analyse(id: &str, text: &str) -> Analysis {
    let (doc, _) = whomet_extract::prepare(
        &whomet_extract::Input {
            id,
            ..Default::default()
        },
        text.as_bytes(),
    );
    let ex = whomet_extract::extract(&doc);
    for m in &ex.people.mentions {
        assert!(m.span.start <= m.span.end && m.span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
    }
    let events = whomet_relate::detect(&doc, &ex);
    for e in &events {
        let s = e.evidence.sentence;
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{s:?} outside {}",
            text.len()
        );
        for p in &e.participants {
            assert!(p.person < ex.people.people.len());
        }
    }
    Analysis {
        doc: doc.id.clone(),
        date: doc.date,
        people: ex.people.people,
        events,
        diagnostics: vec![],
        ..Analysis::default()
    }
}

/// Text that looks like news often enough to exercise every stage: names, titles, triggers,
/// dates, quotes and odd characters.
fn newsish() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("President".to_string()),
        Just("Mr".to_string()),
        Just("Sheikh".to_string()),
        Just("al-Nakhala".to_string()),
        Just("met".to_string()),
        Just("will meet".to_string()),
        Just("talks between".to_string()),
        Just("and".to_string()),
        Just("he".to_string()),
        Just("the".to_string()),
        Just("on Monday".to_string()),
        Just("Oct.".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("\n\n".to_string()),
        "[A-Z][a-z]{1,8}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_unicode_text_is_analysed_without_panic(text in "\\PC*") {
        analyse("p", &text);
    }

    #[test]
    fn newsish_text_gives_a_sound_deterministic_graph(a in newsish(), b in newsish()) {
        let docs = [analyse("a", &a), analyse("b", &b)];
        let g1 = whomet_graph::build(&docs);
        let g2 = whomet_graph::build(&[docs[1].clone(), docs[0].clone()]);
        let ids: Vec<&str> = g1.nodes().map(|n| n.id.as_str()).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(ids.len(), unique.len());
        for (x, y, _) in g1.edges() {
            prop_assert_ne!(&x.id, &y.id);
        }
        // Everything the exports show (nodes, edges, evidence), and every merge record.
        let dump = |g: &whomet_graph::Graph| {
            let json = whomet_export::render(whomet_export::Format::Json, g).expect("json");
            let merges: Vec<_> = g
                .nodes()
                .flat_map(|n| &n.merges)
                .map(|m| (g.str(m.name), g.doc(m.doc), g.str(m.rule)))
                .collect();
            format!("{}\n{merges:?}", String::from_utf8_lossy(&json[0].1))
        };
        prop_assert_eq!(dump(&g1), dump(&g2));
    }
}
