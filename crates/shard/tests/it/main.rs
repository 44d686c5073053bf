//! Tests of whomet-shard: hostile shard values (issue 18, item 11).

use whomet_shard::{MAX_PARTICIPANTS, ShardError, parse_line};

/// A shard line of two people and one MET event, with `edit` applied to its JSON.
fn line(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v = serde_json::json!({
        "format": "whomet-shard/1", "doc": "d1", "date": "2024-03-01",
        "people": [
            {"name": "Ali Khamenei", "aliases": ["Khamenei"], "roles": ["leader"],
             "mentions": [{"start": 0, "end": 12}], "credit": false},
            {"name": "Ismail Haniyeh", "aliases": [], "roles": [],
             "mentions": [{"start": 17, "end": 31}], "credit": false}
        ],
        "events": [{"kind": "MET", "participants": [{"person": 0, "side": 0}, {"person": 1, "side": 1}],
            "joint": false, "date": "2024-03-01", "place": "Tehran",
            "evidence": {"doc": "d1", "sentence": {"start": 0, "end": 40},
                "text": "Ali Khamenei met Ismail Haniyeh in Tehran.", "trigger": "met",
                "confidence": 0.9, "cues": ["trigger:met"]}}],
        "diagnostics": []
    });
    edit(&mut v);
    serde_json::to_vec(&v).unwrap()
}

fn graph_of(line: &[u8]) -> whomet_graph::Graph {
    let shard = parse_line(line).expect("a valid line");
    whomet_graph::build(&[shard.analysis])
}

/// Item 11: a confidence of 1e308 or below 0 is clamped into 0..1 and reported, so the weight
/// stays finite (it was `inf`: invalid Cypher, a GEXF the schema rejects).
#[test]
fn issue18_hostile_confidence_is_clamped() {
    for (value, clamped) in [(1e308, 1.0), (-5.0, 0.0), (1.5, 1.0)] {
        let l = line(|v| v["events"][0]["evidence"]["confidence"] = value.into());
        let shard = parse_line(&l).unwrap();
        assert_eq!(shard.analysis.events[0].evidence.confidence, clamped);
        assert!(
            shard.notes[0].contains("events[0].evidence.confidence"),
            "{:?}",
            shard.notes
        );
        let g = graph_of(&l);
        for (_, _, e) in g.edges() {
            assert!(e.weight.is_finite() && (0.0..=1.0).contains(&e.confidence));
        }
    }
    // Out of f64's range is not a number JSON can give: a malformed line.
    let l = String::from_utf8(line(|_| {}))
        .unwrap()
        .replace("0.9", "1e400");
    assert!(matches!(
        parse_line(l.as_bytes()),
        Err(ShardError::Malformed(_))
    ));
}

/// Item 11: an empty name (person id "") or an empty document id makes no sound analysis.
#[test]
fn issue18_hostile_names_and_ids_are_rejected() {
    for edit in [
        (|v: &mut serde_json::Value| v["people"][1]["name"] = "".into()) as fn(&mut _),
        |v| v["people"][1]["name"] = " !!! ".into(),
        |v| v["doc"] = "".into(),
        |v| v["people"][0]["mentions"][0] = serde_json::json!({"start": 9, "end": 2}),
    ] {
        let l = line(edit);
        match parse_line(&l) {
            Err(ShardError::Invalid(why)) => assert!(!why.is_empty()),
            other => panic!("{other:?} for {}", String::from_utf8_lossy(&l)),
        }
    }
    // A person described only by a role needs no name.
    let l = line(|v| {
        v["people"][1]["name"] = "".into();
        v["people"][1]["described"] =
            serde_json::json!({"head": "foreign minister", "country": "iran"});
    });
    assert!(parse_line(&l).is_ok());
}

/// Item 11: one meeting with 4,000 participants (8 million pairs) is cut to the analysis's
/// bound; participants that are no person of the line, or on a side other than 0 and 1, drop
/// the event; evidence of another document is moved to the line's.
#[test]
fn issue18_hostile_participants_are_bounded() {
    let l = line(|v| {
        let people: Vec<_> = (0..4000)
            .map(|i| {
                serde_json::json!({"name": format!("Person Number{i}"), "aliases": [],
                "roles": [], "mentions": [], "credit": false})
            })
            .collect();
        let participants: Vec<_> = (0..4000)
            .map(|i| serde_json::json!({"person": i, "side": 0}))
            .collect();
        v["people"] = people.into();
        v["events"][0]["participants"] = participants.into();
        v["events"][0]["joint"] = true.into();
    });
    let shard = parse_line(&l).unwrap();
    assert_eq!(
        shard.analysis.events[0].participants.len(),
        MAX_PARTICIPANTS
    );
    let g = whomet_graph::build(&[shard.analysis]);
    assert_eq!(
        g.edges().count(),
        MAX_PARTICIPANTS * (MAX_PARTICIPANTS - 1) / 2
    );
    for edit in [
        (|v: &mut serde_json::Value| v["events"][0]["participants"][1]["person"] = 7.into())
            as fn(&mut _),
        |v| v["events"][0]["participants"][1]["side"] = 9.into(),
        |v| v["events"][0]["evidence"]["sentence"] = serde_json::json!({"start": 50, "end": 1}),
    ] {
        let shard = parse_line(&line(edit)).unwrap();
        assert!(shard.analysis.events.is_empty());
        assert!(
            shard.notes[0].contains("event dropped"),
            "{:?}",
            shard.notes
        );
    }
    let shard = parse_line(&line(|v| {
        v["events"][0]["evidence"]["doc"] = "other".into()
    }))
    .unwrap();
    assert_eq!(shard.analysis.events[0].evidence.doc, "d1");
    assert_eq!(shard.notes.len(), 1);
}

mod fuzz_regressions {
    //! Every input of `fuzz/corpus/shard/` (the seeds and what the `shard` fuzz target found)
    //! through the fuzz target's own check, on the stable toolchain.
    include!("../../../../fuzz/src/shard_check.rs");

    #[test]
    fn issue18_shard_fuzz_corpus_is_read_soundly() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/shard");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let mut failed = Vec::new();
        for path in &files {
            let data = std::fs::read(path).unwrap();
            if std::panic::catch_unwind(|| shard_and_check(&data)).is_err() {
                failed.push(path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
        assert!(
            failed.is_empty(),
            "{failed:?} of {} broke an invariant",
            files.len()
        );
        assert!(
            files.len() >= 10,
            "only {} files in {}",
            files.len(),
            dir.display()
        );
    }
}
