//! Integration tests of the `whomet` binary: the bundled corpus end to end.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn whomet(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_whomet"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("whomet runs")
}

fn build(out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", "--out", out.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    let o = whomet(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("whomet-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// Every exported file of the bundled corpus, pinned: a change in any output shows in review
/// (refresh with `UPDATE_EXPECT=1 cargo test`).
#[test]
fn bundled_corpus_exports_match_snapshots() {
    let out = tempdir("snap");
    build(&out, &["--format", "graphml,dot,neo4j,evidence"]);
    let snaps = [
        (
            "graph.graphml",
            expect_test::expect_file!["../snapshots/graph.graphml"],
        ),
        (
            "graph.dot",
            expect_test::expect_file!["../snapshots/graph.dot"],
        ),
        (
            "nodes.csv",
            expect_test::expect_file!["../snapshots/nodes.csv"],
        ),
        (
            "relationships.csv",
            expect_test::expect_file!["../snapshots/relationships.csv"],
        ),
        (
            "evidence.csv",
            expect_test::expect_file!["../snapshots/evidence.csv"],
        ),
    ];
    for (name, expect) in snaps {
        let text = std::fs::read_to_string(out.join(name)).expect(name);
        expect.assert_eq(&text);
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    let (a, b) = (tempdir("det-a"), tempdir("det-b"));
    build(&a, &["--threads", "1"]);
    build(&b, &["--threads", "4"]);
    let mut names: Vec<_> = std::fs::read_dir(&a)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    // manifest.json records when the build ran; every other file is the same.
    names.retain(|n| n != "manifest.json");
    for n in names {
        assert_eq!(
            std::fs::read(a.join(&n)).unwrap(),
            std::fs::read(b.join(&n)).unwrap(),
            "{n:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
}

#[test]
fn summary_counts_documents_people_and_edges() {
    let out = tempdir("summary");
    let o = build(&out, &["--format", "graphml"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.starts_with("5 documents, "), "{stdout}");
    assert!(stdout.contains(" MET, "), "{stdout}");
    // Nothing but the export is left: no temporary files, no evidence-text spill.
    let mut names: Vec<String> = (out.read_dir().unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["graph.graphml", "manifest.json"]);
    let _ = std::fs::remove_dir_all(&out);
}

/// An output path that cannot be a directory fails the build with the reason (and the path),
/// and nothing is written.
#[test]
fn an_unwritable_output_directory_fails_the_build_with_the_reason() {
    let dir = tempdir("blocked");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out");
    std::fs::write(&out, "a file, not a directory").unwrap();
    let o = whomet(&["build", "--out", out.to_str().unwrap(), "--force"]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("--out") && stderr.contains("is a file, not a directory"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "a file, not a directory"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn eval_scores_open_news_dev_against_its_gold() {
    // In the repository, so the test needs nothing beside the clone.
    let gold = root().join("data/open-news/dev.gold.json");
    let corpus = root().join("data/open-news/dev");
    let o = whomet(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        corpus.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    for k in ["people", "MET", "PLANNED", "CONTACT"] {
        let f1 = v[k]["f1"].as_f64().expect("f1");
        assert!((0.0..=1.0).contains(&f1), "{k}: {f1}");
    }
    assert!(v["people"]["f1"].as_f64().unwrap() > 0.8);
    assert!(v["MET"]["f1"].as_f64().unwrap() > 0.5);
}

#[test]
fn json_lines_stdin_and_diagnostics_name_file_and_line() {
    let dir = tempdir("jsonl");
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("a.jsonl");
    std::fs::write(
        &jsonl,
        concat!(
            r#"{"id": "x1", "date": "1987-10-19", "text": "Crown Prince Abdullah bin Abdul Aziz met Vice President George Bush on Monday."}"#,
            "\n",
            "not json\n",
            r#"{"id": "x2", "text": 5}"#,
            "\n",
            r#"{"id": "x1", "text": "duplicate"}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = dir.join("out");
    let o = whomet(&[
        "build",
        jsonl.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "evidence",
    ]);
    assert!(o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("a.jsonl:2: not a JSON article"), "{stderr}");
    assert!(
        stderr.contains("a.jsonl:3: `text` is not a string"),
        "{stderr}"
    );
    assert!(stderr.contains("duplicate document id \"x1\""), "{stderr}");
    let evidence = std::fs::read_to_string(out.join("evidence.csv")).unwrap();
    assert!(evidence.contains("1987-10-19"), "{evidence}");
    let strict = whomet(&[
        "build",
        jsonl.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(strict.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_shows_merges_and_pair_evidence() {
    // Articles after `--` are built again (an `out/` of an earlier build is not read then).
    let o = whomet(&["explain", "Amirabdollahian", "--", "data/corpus"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("Abdollahian (hossein-amir-abdollahian)"), "{s}");
    assert!(s.contains("by rule:"), "{s}");
    let o = whomet(&[
        "explain",
        "Ismail Haniyeh",
        "Ali Khamenei",
        "--",
        "data/corpus",
    ]);
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("MET confidence"), "{s}");
    assert!(s.contains("trigger"), "{s}");
    let o = whomet(&["explain", "Nobody Known", "--", "data/corpus"]);
    assert_eq!(o.status.code(), Some(2));
}

/// `extract` then `merge` gives the files `build` gives, whatever the sharding and shard order.
#[test]
fn extract_and_merge_equal_build_for_any_sharding() {
    let dir = tempdir("shards");
    std::fs::create_dir_all(&dir).unwrap();
    let built = dir.join("built");
    build(&built, &[]);
    let corpus = root().join("data/corpus");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    docs.sort();
    // One shard per article, in reverse order; and one shard of everything.
    let mut singles = Vec::new();
    for (i, d) in docs.iter().enumerate().rev() {
        let o = whomet(&["extract", d.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let shard = dir.join(format!("s{i}.jsonl"));
        std::fs::write(&shard, &o.stdout).unwrap();
        singles.push(shard.to_str().unwrap().to_string());
    }
    let all = whomet(&["extract", "--threads", "3"]);
    std::fs::write(dir.join("all.jsonl"), &all.stdout).unwrap();
    let all_path = dir.join("all.jsonl").to_str().unwrap().to_string();
    for (name, shards) in [("singles", singles.clone()), ("all", vec![all_path])] {
        let out = dir.join(name);
        let mut args = vec!["merge".to_string()];
        args.extend(shards);
        args.extend(["--out".to_string(), out.to_str().unwrap().to_string()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = whomet(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for f in std::fs::read_dir(&built).unwrap() {
            let f = f.unwrap().file_name();
            if f == "manifest.json" {
                continue; // names the command, its inputs and when it ran
            }
            assert_eq!(
                std::fs::read(built.join(&f)).unwrap(),
                std::fs::read(out.join(&f)).unwrap(),
                "{name}: {f:?}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn merge_rejects_an_unknown_shard_version() {
    let dir = tempdir("badshard");
    std::fs::create_dir_all(&dir).unwrap();
    let shard = dir.join("s.jsonl");
    std::fs::write(&shard, "{\"format\":\"whomet-shard/99\",\"doc\":\"x\"}\n").unwrap();
    let o = whomet(&[
        "merge",
        shard.to_str().unwrap(),
        "--out",
        dir.join("o").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("s.jsonl:1: shard format \"whomet-shard/99\""),
        "{stderr}"
    );
    assert!(!dir.join("o").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 8: every kind of bad input gets a diagnostic naming the file (and line), and the good
/// documents are still processed.
#[test]
fn bad_inputs_are_reported_and_the_rest_processed() {
    let dir = tempdir("bad-inputs");
    let inp = dir.join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    std::fs::write(
        inp.join("good.txt"),
        "date 1987-10-19 President Ronald Reagan met Chancellor Helmut Kohl in Bonn.",
    )
    .unwrap();
    std::fs::write(
        inp.join("latin1.txt"),
        b"date 1987-10-19 President Fran\xe7ois Mitterrand met Chancellor Helmut Kohl.",
    )
    .unwrap();
    std::fs::write(inp.join("binary.txt"), b"\x7fELF\x00\x01\x02").unwrap();
    std::fs::write(inp.join("empty.txt"), b"").unwrap();
    let mut long = String::from(
        "date 1987-10-19 President Ronald Reagan met Prime Minister Margaret Thatcher in London. ",
    );
    while long.len() < 10 << 20 {
        long.push_str("and the talks went on for hours, ");
    }
    std::fs::write(inp.join("long.txt"), &long).unwrap();
    std::os::unix::fs::symlink(dir.join("missing"), inp.join("unreadable.txt")).unwrap();
    std::os::unix::fs::symlink(&inp, inp.join("sub/loop")).unwrap();
    std::fs::write(
        inp.join("lines.jsonl"),
        concat!(
            "{\"id\": \"j1\", \"text\": \"King Fahd met Queen Elizabeth in London.\"}\n",
            "{broken\n",
            "{\"id\": \"j2\"}\n",
            "{\"id\": \"j3\", \"text\": [1]}\n",
            "{\"id\": \"good\", \"text\": \"Prime Minister Margaret Thatcher met King Fahd.\"}\n",
        ),
    )
    .unwrap();
    let out = dir.join("out");
    let o = whomet(&[
        "build",
        inp.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "graphml",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{stderr}");
    for expected in [
        "latin1.txt: 1 invalid UTF-8 byte(s) replaced",
        "binary.txt: binary file (NUL bytes) given as text: skipped",
        "empty.txt: empty file: skipped",
        "long.txt: a line of",
        "unreadable.txt: unreadable",
        "directory loop through a symbolic link",
        "lines.jsonl:2: not a JSON article",
        "lines.jsonl:3: not a JSON article (missing field `text`",
        "lines.jsonl:4: `text` is not a string",
        "lines.jsonl:5",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("duplicate document id \"good\""),
        "{stderr}"
    );
    // good.txt, latin1.txt, long.txt, j1 are analysed.
    assert!(stdout.starts_with("4 documents"), "{stdout}");
    let graphml = std::fs::read_to_string(out.join("graph.graphml")).unwrap();
    for name in ["Helmut Kohl", "Margaret Thatcher", "King Fahd"] {
        assert!(graphml.contains(name), "{name}");
    }
    let strict = whomet(&[
        "build",
        inp.join("empty.txt").to_str().unwrap(),
        inp.join("good.txt").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--strict",
        "--format",
        "graphml",
    ]);
    assert_eq!(strict.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 8: a directory holding other files is refused unless --force; whomet's own output is
/// replaced in place.
#[test]
fn foreign_output_directory_is_refused_without_force() {
    let dir = tempdir("foreign");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("thesis.docx"), "mine").unwrap();
    let o = whomet(&["build", "--out", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("thesis.docx"));
    assert!(!dir.join("graph.graphml").exists());
    let o = whomet(&[
        "build",
        "--out",
        dir.to_str().unwrap(),
        "--force",
        "--format",
        "graphml",
    ]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("thesis.docx")).unwrap(),
        "mine"
    );
    // A second run over its own output needs no --force.
    let o = whomet(&["build", "--out", dir.join("again").to_str().unwrap()]);
    assert!(o.status.success());
    let o = whomet(&["build", "--out", dir.join("again").to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

mod issue16;
mod issue18;
mod props;

mod fuzz_regressions;

/// `whomet parse` prints CoNLL-U: ten columns a word, the offsets of the input in MISC, one
/// root per sentence, from text given as an argument, a file or standard input.
#[test]
fn parse_prints_conllu() {
    let text = "Haniyeh's aide met Mr. Khamenei in Tehran. They spoke again on Monday.";
    let o = whomet(&["parse", text]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let words: Vec<Vec<&str>> = out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(words.iter().all(|w| w.len() == 10), "{out}");
    let forms: Vec<&str> = words.iter().map(|w| w[1]).collect();
    // A named person, with the title before the name, is one word (spaces as U+00A0).
    assert_eq!(
        &forms[..5],
        ["Haniyeh", "'s", "aide", "met", "Mr.\u{a0}Khamenei"]
    );
    assert_eq!(out.matches("# text =").count(), 2, "{out}");
    assert_eq!(
        words.iter().filter(|w| w[6] == "0").count(),
        2,
        "one root per sentence"
    );
    // Spans index the input.
    let met = words.iter().find(|w| w[1] == "met").unwrap();
    let span = met[9]
        .trim_start_matches("Span=")
        .split('|')
        .next()
        .unwrap();
    let (a, b) = span.split_once('-').unwrap();
    assert_eq!(
        &text[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()],
        "met"
    );
    // The same from a file and from standard input.
    let dir = tempdir("parse");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.txt");
    std::fs::write(&file, text).unwrap();
    let from_file = whomet(&["parse", file.to_str().unwrap()]);
    assert_eq!(String::from_utf8_lossy(&from_file.stdout), out);
    let mut child = Command::new(env!("CARGO_BIN_EXE_whomet"))
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let from_stdin = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&from_stdin.stdout), out);
}
