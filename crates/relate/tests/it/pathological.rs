//! Issue 8: the per-article analysis does work linear in the input on pathological text. Work is
//! counted in steps (`whomet_core::work`), not wall time: doubling the input may at most about
//! double the steps.

use whomet_extract::{Input, extract, prepare};

/// Steps taken to analyse `text`, and the number of events found.
fn steps(text: &str) -> (u64, usize) {
    whomet_core::work::take();
    let (doc, _) = prepare(
        &Input {
            id: "p",
            ..Input::default()
        },
        text.as_bytes(),
    );
    let ex = extract(&doc);
    let events = whomet_relate::detect(&doc, &ex);
    (whomet_core::work::take(), events.len())
}

/// Analyses `make(n)` and `make(2n)` and checks that the work grows linearly.
fn check_linear(name: &str, n: usize, make: impl Fn(usize) -> String) {
    let (small, _) = steps(&make(n));
    let (large, _) = steps(&make(2 * n));
    assert!(small > 0, "{name}: no work counted");
    let ratio = large as f64 / small as f64;
    assert!(
        ratio < 2.5,
        "{name}: work grew {ratio:.2}x when the input doubled ({small} -> {large})"
    );
}

/// Distinct invented names: no lexicon holds them.
fn name(i: usize) -> String {
    const SYL: [&str; 12] = [
        "ka", "lo", "mi", "ren", "tu", "zar", "vel", "dor", "ni", "sha", "bo", "rak",
    ];
    let mut s = String::new();
    let mut k = i + 12;
    while k > 0 {
        s.push_str(SYL[k % 12]);
        k /= 12;
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[test]
fn capitalised_words_in_one_sentence() {
    check_linear("capitalised words", 20_000, |n| {
        let mut s = String::from("date 2001-01-01 ");
        for i in 0..n {
            s.push_str(if i % 3 == 0 { "Alpha " } else { "Omega " });
        }
        s + "met."
    });
}

#[test]
fn one_sentence_of_a_megabyte() {
    check_linear("long sentence", 250_000, |bytes| {
        let mut s = String::from(
            "date 2001-01-01 President Ronald Reagan met Prime Minister Margaret Thatcher in London and ",
        );
        while s.len() < bytes {
            s.push_str("the talks with him went on, and the meeting was held, ");
        }
        s + "end."
    });
}

#[test]
fn thousands_of_people_in_one_article() {
    check_linear("many people", 1_000, |n| {
        let mut s = String::from("date 2001-01-01 ");
        for i in 0..n {
            let (a, b) = (name(2 * i), name(2 * i + 1));
            s.push_str(&format!("President {a} Tanaro met Minister {b} Velumi in Doha. {a} Tanaro said he was pleased, and Mr Velumi agreed. "));
        }
        s
    });
    let (_, events) = steps(&format!(
        "date 2001-01-01 {}",
        (0..200)
            .map(|i| format!(
                "President {} Tanaro met Minister {} Velumi. ",
                name(2 * i),
                name(2 * i + 1)
            ))
            .collect::<String>()
    ));
    assert_eq!(events, 200);
}

#[test]
fn names_in_one_long_list() {
    check_linear("long list", 2_000, |n| {
        let list: Vec<String> = (0..n)
            .map(|i| format!("Minister {} Dorsa", name(i)))
            .collect();
        format!(
            "date 2001-01-01 President Ronald Reagan met {} in Washington.",
            list.join(", ")
        )
    });
}

#[test]
fn deeply_nested_quotes() {
    check_linear("nested quotes", 20_000, |n| {
        format!(
            "date 2001-01-01 {}President Ronald Reagan met Mr Blair on Monday.{}",
            "\"'(".repeat(n),
            ")'\"".repeat(n)
        )
    });
}

#[test]
fn many_pronouns_and_roles() {
    check_linear("pronouns", 5_000, |n| {
        let mut s = String::from(
            "date 2001-01-01 Foreign Minister Kalo Renzar met President Tuvel Dorni. ",
        );
        for _ in 0..n {
            s.push_str("He said the minister and the president had met him, his aides and her. ");
        }
        s
    });
}

/// Issue 18 item 4: a lead of thousands of meetings and places with no full stop. `place()`
/// copied the whole first line for every meeting and compared every place of the sentence with
/// every meeting (3.2 MB took 9.4 s, 25 MB over 600 s).
#[test]
fn issue18_long_lead_sentence_of_meetings_and_places() {
    const CITIES: [&str; 4] = ["London", "Paris", "Doha", "Cairo"];
    let make = |n: usize| {
        let mut s = String::from("date 2001-01-01 DOHA, Jan 1 - ");
        for i in 0..n {
            let (a, b) = (name(2 * i), name(2 * i + 1));
            s.push_str(&format!(
                "President {a} Tanaro met Minister {b} Velumi in {}, and ",
                CITIES[i % 4]
            ));
        }
        s + "end"
    };
    check_linear("long lead of meetings", 1_500, make);
    // Every meeting has its place, and the first the dateline's city when none is near.
    let text = make(40);
    let (doc, _) = prepare(
        &Input {
            id: "p",
            ..Input::default()
        },
        text.as_bytes(),
    );
    let events = whomet_relate::detect(&doc, &extract(&doc));
    assert!(events.len() >= 30, "{}", events.len());
    for e in &events {
        assert!(e.place.is_some(), "{e:?}");
    }
}

/// Issue 18 item 15: an article longer than a window is analysed in windows, cut at line
/// breaks or spaces, and the work stays linear.
#[test]
fn issue18_windows_cut_at_line_breaks_and_spaces() {
    let text = "ab cd\nef gh ij\nkl";
    let cuts = whomet_relate::long::windows(text.as_bytes(), 8);
    let parts: Vec<&str> = cuts.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(parts, ["ab cd\n", "ef gh ", "ij\nkl"]);
    let no_breaks = "é".repeat(20);
    for s in whomet_relate::long::windows(no_breaks.as_bytes(), 7) {
        assert!(s.end - s.start <= 7 && s.end > s.start);
        assert!(no_breaks.is_char_boundary(s.start) && no_breaks.is_char_boundary(s.end));
    }
}
