//! Every example of every rule in `data/rules/meetings.rules` gives exactly the pairs it
//! states.

use whomet_extract::{Input, extract, prepare};

/// `KIND A -- B` (surnames, in order) for each edge the events of `text` claim.
pub fn pairs(text: &str) -> Vec<String> {
    let body = format!("date 2024-05-06\n\n{text}");
    let (doc, _) = prepare(
        &Input {
            id: "example",
            ..Input::default()
        },
        body.as_bytes(),
    );
    let ex = extract(&doc);
    let events = whomet_relate::detect(&doc, &ex);
    let surname = |p: usize| {
        ex.people.people[p]
            .name
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let mut out: Vec<String> = Vec::new();
    for e in &events {
        for (a, b) in e.pairs() {
            let (a, b) = (surname(a), surname(b));
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            out.push(format!("{} {a} -- {b}", e.kind));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_rule_example_gives_its_pairs() {
    let rules = whomet_relate::rules::rules();
    let mut failures = Vec::new();
    let mut n = 0;
    for rule in &rules.rules {
        for ex in &rule.examples {
            n += 1;
            let got = pairs(&ex.text);
            if got != ex.pairs {
                failures.push(format!(
                    "meetings.rules:{} ({}): {}\n   want {:?}\n    got {:?}",
                    ex.line, rule.name, ex.text, ex.pairs, got
                ));
            }
        }
    }
    assert!(n >= 40, "only {n} examples");
    assert!(
        failures.is_empty(),
        "{} of {n} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
