use super::*;
use whomet_core::{Event, Evidence, LocalPerson, Participant, Span};

fn person(name: &str, roles: &[&str]) -> LocalPerson {
    LocalPerson {
        name: name.into(),
        aliases: vec![],
        roles: roles.iter().map(|r| r.to_string()).collect(),
        mentions: vec![Span::new(0, 1)],
        credit: false,
        described: None,
    }
}

fn met(doc: &str, a: usize, b: usize, confidence: f64) -> Event {
    Event {
        kind: EdgeKind::Met,
        participants: vec![
            Participant {
                person: a,
                side: whomet_core::Side::Subject,
            },
            Participant {
                person: b,
                side: whomet_core::Side::Object,
            },
        ],
        joint: false,
        date: None,
        place: None,
        evidence: Evidence {
            doc: doc.into(),
            sentence: Span::new(0, 10),
            text: "A met B.".into(),
            trigger: "met".into(),
            confidence,
            cues: vec![],
        },
    }
}

fn doc(id: &str, people: Vec<LocalPerson>, events: Vec<Event>) -> Analysis {
    Analysis {
        doc: id.into(),
        people,
        events,
        ..Analysis::default()
    }
}

/// Labels of the graph's nodes and edges, for compact assertions.
fn check(analyses: &[Analysis], expect: expect_test::Expect) {
    let g = build(analyses);
    let mut out = String::new();
    for n in g.nodes() {
        let aliases: Vec<&str> = g.strs(&n.aliases).collect();
        out += &format!("{} [{}] aka {:?}\n", n.id, n.label, aliases);
    }
    for (a, b, e) in g.edges() {
        out += &format!(
            "{} -{}- {} {} {:?}\n",
            a.id,
            e.kind,
            b.id,
            e.confidence,
            g.documents(e)
        );
    }
    expect.assert_eq(&out);
}

#[test]
fn spelling_variants_merge_and_confidence_combines_across_documents() {
    check(
        &[
            doc(
                "d1",
                vec![
                    person("Hossein Amir-Abdollahian", &[]),
                    person("Ismail Haniyeh", &[]),
                ],
                vec![met("d1", 0, 1, 0.8)],
            ),
            doc(
                "d2",
                vec![
                    person("Ismail Haniyeh", &[]),
                    person("Hussein Amirabdollahian", &[]),
                ],
                vec![met("d2", 0, 1, 0.5)],
            ),
        ],
        expect_test::expect![[r#"
            hossein-amir-abdollahian [Hossein Amir-Abdollahian] aka ["Hussein Amirabdollahian"]
            ismail-haniyeh [Ismail Haniyeh] aka []
            hossein-amir-abdollahian -MET- ismail-haniyeh 0.9 ["d1", "d2"]
        "#]],
    );
}

#[test]
fn namesakes_sharing_a_surname_stay_apart() {
    check(
        &[
            doc(
                "d1",
                vec![person("James Baker", &["Treasury Secretary"])],
                vec![],
            ),
            doc(
                "d2",
                vec![person("Howard Baker", &["Chief of Staff"])],
                vec![],
            ),
            doc("d3", vec![person("Baker", &[])], vec![]),
            doc(
                "d4",
                vec![person("Abbas Kamel", &[]), person("Abbas", &[])],
                vec![],
            ),
        ],
        expect_test::expect![[r#"
            abbas [Abbas] aka []
            abbas-kamel [Abbas Kamel] aka []
            baker [Baker] aka []
            howard-baker [Howard Baker] aka []
            james-baker [James Baker] aka []
        "#]],
    );
}

#[test]
fn surname_alone_joins_by_shared_role() {
    check(
        &[
            doc(
                "d1",
                vec![person("James Baker", &["Treasury Secretary"])],
                vec![],
            ),
            doc(
                "d2",
                vec![person("Howard Baker", &["Chief of Staff"])],
                vec![],
            ),
            doc("d3", vec![person("Baker", &["Treasury Secretary"])], vec![]),
        ],
        expect_test::expect![[r#"
            howard-baker [Howard Baker] aka []
            james-baker [James Baker] aka ["Baker"]
        "#]],
    );
}

#[test]
fn credits_and_self_pairs_make_no_edges() {
    let mut credit = person("Majid Asgaripour", &[]);
    credit.credit = true;
    check(
        &[doc(
            "d1",
            vec![person("Ismail Haniyeh", &[]), credit],
            vec![met("d1", 0, 1, 0.9), met("d1", 0, 0, 0.9)],
        )],
        expect_test::expect![[r#"
            ismail-haniyeh [Ismail Haniyeh] aka []
            majid-asgaripour [Majid Asgaripour] aka []
        "#]],
    );
}

#[test]
fn a_role_description_joins_the_one_holder_elsewhere_in_the_corpus() {
    let described = |head: &str, country: &str| LocalPerson {
        name: String::new(),
        aliases: vec![],
        roles: vec![format!("{head} ({country})")],
        mentions: vec![Span::new(0, 1)],
        credit: false,
        described: Some(whomet_core::RoleRef {
            head: head.into(),
            country: country.into(),
        }),
    };
    check(
        &[
            doc(
                "d1",
                vec![
                    person("Hossein Amir-Abdollahian", &["Iranian Foreign Minister"]),
                    person("Sergei Lavrov", &["Russian Foreign Minister"]),
                ],
                vec![],
            ),
            doc(
                "d2",
                vec![
                    person("Ismail Haniyeh", &[]),
                    described("foreign minister", "iran"),
                    // No holder: no node, no edge.
                    described("foreign minister", "norway"),
                ],
                vec![met("d2", 0, 1, 0.8), met("d2", 0, 2, 0.8)],
            ),
        ],
        expect_test::expect![[r#"
            hossein-amir-abdollahian [Hossein Amir-Abdollahian] aka []
            ismail-haniyeh [Ismail Haniyeh] aka []
            sergei-lavrov [Sergei Lavrov] aka []
            hossein-amir-abdollahian -MET- ismail-haniyeh 0.8 ["d2"]
        "#]],
    );
}

#[test]
fn namesakes_years_apart_in_other_offices_stay_apart() {
    let dated = |id: &str, year: i32, role: &str| Analysis {
        date: whomet_core::NaiveDate::from_ymd_opt(year, 10, 19),
        ..doc(id, vec![person("George Bush", &[role])], vec![])
    };
    check(
        &[
            dated("a1987", 1987, "Vice President"),
            dated("b1987", 1987, "Vice President"),
            dated("c2004", 2004, "President"),
            // Years apart but the same office: one person.
            dated("d1995", 1995, "Vice President"),
        ],
        expect_test::expect![[r#"
            george-bush [George Bush] aka []
            george-bush-2 [George Bush] aka []
        "#]],
    );
}

/// A text store that keeps each push apart, as a file-backed store would see them.
struct Pushes(Vec<String>);

impl TextStore for Pushes {
    fn push(&mut self, text: &str) {
        self.0.push(text.to_string());
    }
    fn take(&mut self, sizes: &[usize]) -> Vec<String> {
        TextStore::take(&mut self.0.concat(), sizes)
    }
}

#[test]
fn evidence_text_comes_back_whole_from_many_blocks_and_any_store() {
    // 1,500 documents, one meeting each, about 190 KB of distinct sentences: several blocks.
    let sentence = |i: usize| format!("Ann Lee met Bob Kay ({i}) {}.", "é".repeat(40 + i % 90));
    let analyses: Vec<Analysis> = (0..1500)
        .map(|i| {
            let mut event = met(&format!("d{i:04}"), 0, 1, 0.5);
            event.evidence.text = sentence(i);
            let people = vec![person("Ann Lee", &[]), person("Bob Kay", &[])];
            doc(&format!("d{i:04}"), people, vec![event])
        })
        .collect();
    let total: usize = (0..1500).map(|i| sentence(i).len()).sum();
    assert!(
        total > 3 * (1 << 16),
        "{total} bytes should fill several blocks"
    );
    let in_memory = build(&analyses);
    let mut b = Builder::with_text_store(Box::new(Pushes(Vec::new())));
    for a in &analyses {
        b.add(a);
    }
    let stored = b.finish();
    for g in [&in_memory, &stored] {
        let (_, _, edge) = g.edges().next().expect("one edge");
        let texts: Vec<&str> = g.evidence(edge).map(|e| e.text).collect();
        let expected: Vec<String> = (0..1500).map(sentence).collect();
        assert_eq!(texts, expected);
    }
}

/// Steps taken to build the graph of `analyses` (`whomet_core::work`).
fn steps(analyses: &[Analysis]) -> u64 {
    whomet_core::work::take();
    build(analyses);
    whomet_core::work::take()
}

#[test]
fn people_resolution_stays_linear_when_many_share_a_surname_or_a_role() {
    // Article i names "Given<i> Kim", the Foreign Minister, then "Kim" alone, and describes
    // "Iran's foreign minister": every one-word Kim and every description has all the Kims so
    // far as candidates.
    let corpus = |n: usize| -> Vec<Analysis> {
        (0..n)
            .map(|i| {
                let mut described = person("", &["foreign minister"]);
                described.described = Some(whomet_core::RoleRef {
                    head: "foreign minister".into(),
                    country: "iran".into(),
                });
                let people = vec![
                    person(&format!("Given{i} Kim"), &["Iranian Foreign Minister"]),
                    person("Kim", &["Minister"]),
                    described,
                ];
                doc(&format!("d{i:05}"), people, vec![met("", 0, 2, 0.5)])
            })
            .collect()
    };
    let (small, large) = (steps(&corpus(1000)), steps(&corpus(2000)));
    assert!(small > 0);
    assert!(
        large as f64 <= 2.5 * small as f64,
        "doubling the articles took {small} -> {large} steps"
    );
}

#[test]
fn middle_initials_suffixes_nicknames_and_shorter_forms_join_the_full_name() {
    check(
        &[
            doc(
                "d1",
                vec![
                    person("Joseph R. Lindqvist, Jr.", &["President"]),
                    person("Tomas Amir Vellner", &[]),
                    person("Khalid bin Tariq Al Sabri", &[]),
                ],
                vec![],
            ),
            doc(
                "d2",
                vec![
                    person("Joe Lindqvist", &[]),
                    person("Amir Vellner", &[]),
                    person("Khalid bin Tariq", &[]),
                ],
                vec![],
            ),
            doc("d3", vec![person("Lindqvist", &["President"])], vec![]),
        ],
        expect_test::expect![[r#"
            joseph-r-lindqvist-jr [Joseph R. Lindqvist, Jr.] aka ["Joe Lindqvist", "Lindqvist"]
            khalid-bin-tariq-al-sabri [Khalid bin Tariq Al Sabri] aka ["Khalid bin Tariq"]
            tomas-amir-vellner [Tomas Amir Vellner] aka ["Amir Vellner"]
        "#]],
    );
}

#[test]
fn a_shorter_form_of_two_longer_names_stays_apart() {
    check(
        &[
            doc("d1", vec![person("Tomas Amir Vellner", &[])], vec![]),
            doc("d2", vec![person("Hana Amir Vellner", &[])], vec![]),
            doc("d3", vec![person("Amir Vellner", &[])], vec![]),
        ],
        expect_test::expect![[r#"
            amir-vellner [Amir Vellner] aka []
            hana-amir-vellner [Hana Amir Vellner] aka []
            tomas-amir-vellner [Tomas Amir Vellner] aka []
        "#]],
    );
}

#[test]
fn transliteration_variants_join() {
    check(
        &[
            doc(
                "d1",
                vec![
                    person("Sergei Vellnikov", &[]),
                    person("Volodymyr Hrenkyy", &[]),
                    person("Abbas Araghvani", &["Foreign Minister"]),
                ],
                vec![],
            ),
            doc(
                "d2",
                vec![
                    person("Sergey Vellnikov", &[]),
                    person("Vladimir Hrenky", &["Clown-in-Chief"]),
                    person("Abbas Araqvani", &["Minister"]),
                ],
                vec![],
            ),
            doc(
                "d3",
                vec![person("Anna Hrenky", &[]), person("Abbas Araqvani", &[])],
                vec![],
            ),
        ],
        expect_test::expect![[r#"
            abbas-araqvani [Abbas Araqvani] aka ["Abbas Araghvani"]
            anna-hrenky [Anna Hrenky] aka []
            sergei-vellnikov [Sergei Vellnikov] aka ["Sergey Vellnikov"]
            vladimir-hrenky [Vladimir Hrenky] aka ["Volodymyr Hrenkyy"]
        "#]],
    );
}

#[test]
fn long_names_and_shorter_forms_spelt_a_little_differently_join() {
    check(
        &[
            doc(
                "d1",
                vec![
                    person("Gholam-Hossein Vellani", &[]),
                    person("Hossein Modares Tavrizi", &[]),
                ],
                vec![],
            ),
            doc(
                "d2",
                vec![
                    person("Gholam-Hossein Vellanie", &[]),
                    person("Modarres Tavrizi", &[]),
                ],
                vec![],
            ),
            doc("d3", vec![person("Anna Vellanie", &[])], vec![]),
        ],
        expect_test::expect![[r#"
            anna-vellanie [Anna Vellanie] aka []
            gholam-hossein-vellani [Gholam-Hossein Vellani] aka ["Gholam-Hossein Vellanie"]
            hossein-modares-tavrizi [Hossein Modares Tavrizi] aka ["Modarres Tavrizi"]
        "#]],
    );
}
