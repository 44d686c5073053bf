//! Issue 16, provenance and input hygiene: every edge citable, every article counted once,
//! nothing lost silently.

use super::{root, tempdir, whomet};
use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The rows of a CSV file, the header first.
fn csv_rows(p: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(p)
        .unwrap();
    r.records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The column `name` of `rows` (header first).
/// The text of the JSON block `<script type="application/json" id="{id}">` of a report.
fn json_block<'a>(report: &'a str, id: &str) -> &'a str {
    let start = format!(r#"<script type="application/json" id="{id}">"#);
    let rest = report.split(&start).nth(1).expect("a JSON block");
    rest.split("</script>").next().unwrap()
}

/// The citation HTML of every piece of evidence of a report.
fn citations(report: &str) -> Vec<String> {
    let evidence: serde_json::Value =
        serde_json::from_str(json_block(report, "whomet-evidence")).unwrap();
    (evidence.as_array().unwrap().iter())
        .flat_map(|e| e.as_array().unwrap())
        .map(|x| x[8].as_str().unwrap().to_string())
        .collect()
}

fn column<'a>(rows: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
    let i = rows[0].iter().position(|h| h == name).expect(name);
    rows[1..].iter().map(|r| r[i].as_str()).collect()
}

const STORY_A: &str = "President Ronald Reagan met Prime Minister Margaret Thatcher in London on \
Tuesday. Arms control, the situation in the Middle East and the trade dispute between the \
European Community and the United States were on the agenda, officials said, and a statement \
on all three is expected on Wednesday from the government press office in Whitehall.";

const STORY_B: &str = "Chancellor Helmut Kohl met President Francois Mitterrand in Bonn on \
Friday. The talks covered the future of the common agricultural policy, the joint brigade of \
French and German soldiers and the preparations for the summit of the twelve member states \
that is to be held in Brussels next month, a government spokesman told reporters.";

/// Bullet 2 and the bar: 2,000 syndicated copies of a story (other ids, publishers, bylines and
/// footers) give one story: `evidence 1`, `copies 2000`, with the copies' ids and publishers
/// kept, and the edge's reach (articles, publishers) counted separately.
#[test]
fn issue16_two_thousand_copies_give_evidence_1() {
    let dir = tempdir("i16-copies");
    std::fs::create_dir_all(&dir).unwrap();
    let mut lines = String::new();
    let publishers = ["Reuters", "AP", "AFP"];
    for (story, text) in [("a", STORY_A), ("b", STORY_B)] {
        for i in 0..2000 {
            let source = publishers[i % 3];
            // Copies as feeds reformat them: case, spacing, line breaks, punctuation.
            let text = match i % 4 {
                0 => text.to_string(),
                1 => text.to_uppercase(),
                2 => text.replace(". ", ".\n\n").replace(' ', "  "),
                _ => text.replace(", ", " -- ").replace('.', "!"),
            };
            let line = serde_json::json!({
                "id": format!("{story}{i:04}"), "date": "1987-10-20", "text": text,
                "title": format!("Leaders meet ({source})"), "source": source,
                "url": format!("https://example.org/{story}/{i}"),
            });
            lines.push_str(&line.to_string());
            lines.push('\n');
        }
    }
    let input = dir.join("wire.jsonl");
    std::fs::write(&input, lines).unwrap();
    let out = dir.join("out");
    let o = whomet(&["build", s(&input), "--out", s(&out), "--quiet"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        stdout.starts_with("2 documents (3998 near-duplicate copies counted once)"),
        "{stdout}"
    );
    let rels = csv_rows(&out.join("relationships.csv"));
    assert_eq!(rels.len(), 3, "{rels:?}");
    // As many pieces of evidence as one copy of each story gives: Reagan and Thatcher's one
    // sentence is `evidence 1`, not 2,000.
    let single = dir.join("single.jsonl");
    let one: String = (std::fs::read_to_string(&input).unwrap().lines())
        .filter(|l| l.contains("\"a0000\"") || l.contains("\"b0000\""))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&single, one).unwrap();
    let out1 = dir.join("out1");
    assert!(
        whomet(&["build", s(&single), "--out", s(&out1), "-q"])
            .status
            .success()
    );
    let rels1 = csv_rows(&out1.join("relationships.csv"));
    assert_eq!(
        column(&rels, "evidence:int"),
        column(&rels1, "evidence:int")
    );
    let reagan = rels
        .iter()
        .find(|r| r[1] == "ronald-reagan")
        .expect("Reagan met Thatcher");
    assert_eq!(
        (reagan[0].as_str(), reagan[6].as_str()),
        ("margaret-thatcher", "1")
    );
    assert_eq!(column(&rels, "articles:int"), ["2000", "2000"]);
    assert_eq!(column(&rels, "sources:int"), ["3", "3"]);
    assert_eq!(column(&rels, "documents:string[]"), ["b0000", "a0000"]);
    let articles = csv_rows(&out.join("articles.csv"));
    assert_eq!(
        column(&articles, "articleId:ID(Article)"),
        ["a0000", "b0000"]
    );
    assert_eq!(column(&articles, "copies:int"), ["2000", "2000"]);
    assert_eq!(column(&articles, "sources:string[]")[0], "AFP;AP;Reuters");
    let copy_ids = column(&articles, "copy_ids:string[]")[0];
    assert_eq!(copy_ids.split(';').count(), 1999);
    assert!(copy_ids.starts_with("a0001;a0002;"), "{copy_ids}");
    let evidence = csv_rows(&out.join("evidence.csv"));
    assert_eq!(evidence.len(), 3);
    assert_eq!(column(&evidence, "article_copies"), ["2000", "2000"]);
    assert_eq!(
        column(&evidence, "article_title")[0],
        "Leaders meet (Reuters)"
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&out.join("manifest.json"))).unwrap();
    assert_eq!(manifest["counts"]["documents"], 2);
    assert_eq!(manifest["counts"]["copies"], 3998);
    // The report's data stays small: the story is shown once, with its copies counted.
    let report = read(&out.join("report.html"));
    let data =
        json_block(&report, "whomet-data").len() + json_block(&report, "whomet-evidence").len();
    assert!(data < 20_000, "{data} bytes");
    assert!(
        citations(&report)
            .iter()
            .any(|c| c.contains(r#"<span class="copies">2000 copies</span>"#))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A wire story of full length (a bundled article, 417 words) re-published with a byline and a
/// footer is a copy too; half of it is not.
#[test]
fn issue16_a_full_length_copy_with_byline_and_footer_counts_once() {
    let dir = tempdir("i16-byline");
    std::fs::create_dir_all(&dir).unwrap();
    let story = read(&root().join("data/corpus/000_e1c4971a1ace9730.txt"));
    let half = &story[..story.len() / 2];
    let texts = [
        story.clone(),
        format!("By Jane Roe, Reuters staff. {story}"),
        format!("{story} Reporting by John Doe; editing by Max Mustermann."),
        half.to_string(),
    ];
    let lines: String = (texts.iter().enumerate())
        .map(|(i, t)| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("s{i}"), "text": t})
            )
        })
        .collect();
    let input = dir.join("s.jsonl");
    std::fs::write(&input, lines).unwrap();
    let out = dir.join("out");
    let o = whomet(&[
        "build",
        s(&input),
        "--out",
        s(&out),
        "--format",
        "neo4j",
        "-q",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let articles = csv_rows(&out.join("articles.csv"));
    assert_eq!(column(&articles, "articleId:ID(Article)"), ["s0", "s3"]);
    assert_eq!(column(&articles, "copies:int"), ["3", "1"]);
    assert_eq!(column(&articles, "copy_ids:string[]"), ["s1;s2", ""]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Bullet 3: ids come from the path below the input root, so `bbc/001.txt` and
/// `reuters/001.txt` are two documents; extensions match in any case; files of other kinds are
/// summed up in one line.
#[test]
fn issue16_same_name_in_two_folders_and_any_case_extension() {
    let dir = tempdir("i16-ids");
    let inp = dir.join("dup");
    for d in ["bbc", "reuters", "misc"] {
        std::fs::create_dir_all(inp.join(d)).unwrap();
    }
    std::fs::write(inp.join("bbc/001.txt"), STORY_A).unwrap();
    std::fs::write(inp.join("reuters/001.txt"), STORY_B).unwrap();
    std::fs::write(
        inp.join("misc/LOUD.TXT"),
        "King Fahd met Queen Elizabeth in London on Monday for talks on the Gulf war.",
    )
    .unwrap();
    std::fs::write(
        inp.join("misc/page.HTML"),
        "<html><head><title>Talks in\n Rome</title><style>p {}</style></head><body><p>Pope John Paul met President Lech Walesa in Rome.</p></body></html>",
    )
    .unwrap();
    std::fs::write(inp.join("misc/notes.pdf"), "%PDF-1.4").unwrap();
    std::fs::write(inp.join("misc/photo.JPG"), "\u{ff}\u{d8}").unwrap();
    std::fs::write(inp.join("misc/photo2.jpg"), "\u{ff}\u{d8}").unwrap();
    let out = dir.join("out");
    let o = whomet(&["build", s(&inp), "--out", s(&out), "--format", "neo4j"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{stderr}");
    assert!(stdout.starts_with("4 documents, "), "{stdout}");
    assert!(!stderr.contains("duplicate document id"), "{stderr}");
    assert!(
        stderr
            .contains("3 file(s) of other kinds in the input directories ignored (.jpg 2, .pdf 1)"),
        "{stderr}"
    );
    let articles = csv_rows(&out.join("articles.csv"));
    assert_eq!(
        column(&articles, "articleId:ID(Article)"),
        ["bbc/001", "misc/LOUD", "misc/page", "reuters/001"]
    );
    assert_eq!(
        column(&articles, "title"),
        ["", "", "Talks in Rome", ""],
        "an HTML file's <title>"
    );
    let nodes = read(&out.join("nodes.csv"));
    for name in [
        "Margaret Thatcher",
        "Helmut Kohl",
        "King Fahd",
        "Lech Walesa",
    ] {
        assert!(nodes.contains(name), "{name}: {nodes}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Bullet 6 and the bar: a second build with fewer formats leaves exactly one graph and its
/// manifest, which names what produced it.
#[test]
fn issue16_second_build_leaves_one_graph_and_a_manifest() {
    let dir = tempdir("i16-second");
    let out = dir.join("out");
    assert!(whomet(&["build", "--out", s(&out), "-q"]).status.success());
    let first: Vec<String> = names(&out);
    assert!(first.len() > 10 && first.contains(&"manifest.json".to_string()));
    let o = whomet(&["build", "--out", s(&out), "--format", "graphml", "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(names(&out), ["graph.graphml", "manifest.json"]);
    let m: serde_json::Value = serde_json::from_str(&read(&out.join("manifest.json"))).unwrap();
    assert_eq!(m["schema"], "whomet-manifest/1");
    assert_eq!(m["command"], "build");
    assert_eq!(m["whomet"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["options"]["formats"], serde_json::json!(["graphml"]));
    let files: Vec<&str> = (m["files"].as_array().unwrap().iter())
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["graph.graphml"]);
    // Every input with its size and SHA-256, as the files are.
    let inputs = m["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 5);
    for i in inputs {
        let bytes = std::fs::read(root().join(i["path"].as_str().unwrap())).unwrap();
        assert_eq!(i["bytes"], bytes.len());
        use sha2::Digest;
        let hash: String = (sha2::Sha256::digest(&bytes).iter())
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(i["sha256"], hash);
    }
    assert_eq!(m["counts"]["documents"], 5);
    assert!(m["started"].as_str().unwrap().ends_with('Z'));
    let _ = std::fs::remove_dir_all(&dir);
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = (dir.read_dir().unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Bullet 5 and the bar: bad option values exit 2 with an error naming the option and what it
/// takes, before any input is read; and no input at all says so.
#[test]
fn issue16_bad_values_exit_2_naming_the_option() {
    let dir = tempdir("i16-values");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let out = dir.join("out");
    for (args, expect) in [
        (
            vec!["build", "--min-confidence", "1.5", "--out", s(&out)],
            ["--min-confidence", "0..=1"],
        ),
        (
            vec!["build", "--min-confidence=-0.1", "--out", s(&out)],
            ["--min-confidence", "0..=1"],
        ),
        (
            vec!["merge", "--min-confidence", "nan", "--out", s(&out)],
            ["--min-confidence", "0..=1"],
        ),
        (
            vec!["build", "--threads", "0", "--out", s(&out)],
            ["--threads", "from 1 to"],
        ),
        (
            vec!["extract", "--threads", "two"],
            ["--threads", "from 1 to"],
        ),
        (
            vec!["build", "--out", s(&file)],
            ["--out", "is a file, not a directory"],
        ),
    ] {
        let o = whomet(&args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        for e in expect {
            assert!(stderr.contains(e), "{args:?}: {e:?} not in {stderr}");
        }
    }
    assert!(!out.exists());
    // Run where there is no bundled corpus: no input is an error that says so.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_whomet"))
        .current_dir(&dir)
        .args(["build", "--out", s(&out)])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no input given"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Bullet 4: `explain --graph` reads what `build` wrote, suggests the closest names when none
/// matches, and rebuilds from positional inputs given after `--`.
#[test]
fn issue16_explain_reads_the_built_graph() {
    let dir = tempdir("i16-explain");
    let out = dir.join("out");
    assert!(
        whomet(&["build", "--out", s(&out), "--format", "json", "-q"])
            .status
            .success()
    );
    let o = whomet(&[
        "explain",
        "--graph",
        s(&out),
        "Ismail Haniyeh",
        "Ali Khamenei",
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.contains("MET confidence"), "{stdout}");
    assert!(stdout.contains("Khamenei"), "{stdout}");
    // It reads the graph, not the corpus: a graph of other articles gives other people.
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("a.txt"), STORY_A).unwrap();
    let out2 = dir.join("out2");
    assert!(
        whomet(&[
            "build",
            s(&other),
            "--out",
            s(&out2),
            "--format",
            "json",
            "-q"
        ])
        .status
        .success()
    );
    let o = whomet(&["explain", "--graph", s(&out2), "Thatcher"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Margaret Thatcher (margaret-thatcher)"));
    let o = whomet(&["explain", "--graph", s(&out2), "Ismail Haniyeh"]);
    assert_eq!(o.status.code(), Some(2));
    // A misspelt name gets the closest ones.
    let o = whomet(&["explain", "--graph", s(&out), "Ismail Hanieh"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("did you mean \"Ismail Haniyeh\" (ismail-haniyeh)"),
        "{stderr}"
    );
    // Positional inputs, as `build` takes them, rebuild and show the merges.
    let o = whomet(&["explain", "Thatcher", "--", s(&other)]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        stdout.contains("Margaret Thatcher (margaret-thatcher)"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Bullet 1: a JSON line's title, url and source reach the evidence, the database files and
/// the report, where an http(s) address is a link and any other is not.
#[test]
fn issue16_title_url_and_source_are_cited() {
    let dir = tempdir("i16-cite");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("a.jsonl");
    let lines = [
        serde_json::json!({"id": "w1", "date": "1987-10-20", "text": STORY_A,
            "title": "Reagan and Thatcher meet", "url": "https://example.org/w1", "source": "Wire"}),
        serde_json::json!({"id": "w2", "date": "1987-10-23", "text": STORY_B,
            "title": "Kohl, Mitterrand \"meet\"", "url": "javascript:alert(1)", "source": "=Paper"}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&input, text).unwrap();
    let out = dir.join("out");
    let o = whomet(&["build", s(&input), "--out", s(&out), "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ev = csv_rows(&out.join("evidence.csv"));
    let titles = column(&ev, "article_title");
    assert!(titles.contains(&"Reagan and Thatcher meet"), "{titles:?}");
    assert!(
        column(&ev, "article_source").contains(&"'=Paper"),
        "formula-guarded"
    );
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("graph.json"))).unwrap();
    assert_eq!(json["articles"][0]["url"], "https://example.org/w1");
    assert_eq!(json["articles"][1]["source"], "=Paper");
    let cypher = read(&out.join("import.cypher"));
    assert!(cypher.contains("MERGE (d:Article {articleId: 'w1'}) SET d.title = 'Reagan and Thatcher meet', d.url = 'https://example.org/w1', d.source = 'Wire', d.date = date('1987-10-20')"));
    let report = read(&out.join("report.html"));
    let cited = citations(&report);
    assert!(cited.iter().any(|c| c.contains(r#"<a class="article" href="https://example.org/w1" rel="noopener noreferrer" dir="auto">Reagan and Thatcher meet</a>"#)), "{cited:?}");
    assert!(!cited.iter().any(|c| c.contains("href=\"javascript:")));
    assert!(
        cited
            .iter()
            .any(|c| c.contains("Kohl, Mitterrand &quot;meet&quot;"))
    );
    // explain cites the article too, from the built graph and when building again.
    let from = "    from: Reagan and Thatcher meet <https://example.org/w1>\n";
    let o = whomet(&["explain", "--graph", s(&out), "Reagan", "Thatcher"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains(from), "{o:?}");
    let o = whomet(&["explain", "Reagan", "Thatcher", "--", s(&input)]);
    assert!(String::from_utf8_lossy(&o.stdout).contains(from), "{o:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Bullet 7: `eval` says how many gold documents were in the input, and fails clearly when
/// none were.
#[test]
fn issue16_eval_says_what_it_scored() {
    let gold = root().join("data/open-news/dev.gold.json");
    let o = whomet(&["eval", "--gold", s(&gold), "data/open-news/dev", "-q"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let first = stdout.lines().next().unwrap();
    let n: Vec<usize> = (first.split(' '))
        .filter_map(|w| w.trim_matches(['(', ')']).parse().ok())
        .collect();
    assert!(
        first.starts_with("gold documents in the input: "),
        "{first}"
    );
    assert!(n[0] > 0 && n[0] == n[1], "{first}");
    // The bundled corpus holds none of open-news dev's documents.
    let o = whomet(&["eval", "--gold", s(&gold), "-q"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("of the gold file"), "{stderr}");
    assert!(stderr.contains("is in the input"), "{stderr}");
}
