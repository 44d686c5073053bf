//! Issue 18, reliability and security: no file overwritten through a link, no hang, no silent
//! loss, one graph per output folder.

use super::{root, tempdir, whomet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn whomet_cmd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_whomet"));
    c.current_dir(root());
    c
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Every file of `dir` with its bytes, sorted by name; of `manifest.json`, which records when
/// and where it was written, only the inputs and counts (what tells one graph from another).
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            if name == "manifest.json" {
                let v: serde_json::Value = serde_json::from_slice(&bytes).expect("manifest");
                let kept = serde_json::json!({"inputs": v["inputs"], "counts": v["counts"]});
                return (name, kept.to_string().into_bytes());
            }
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}

/// Waits for `child` at most `limit`; kills it and fails when it takes longer.
fn wait_at_most(child: &mut std::process::Child, limit: Duration, what: &str) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().unwrap_or(-1);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

const ARTICLE: &str = r#"{"id": "a1", "text": "President Ronald Reagan met Prime Minister Margaret Thatcher in London."}"#;

/// Item 1: links planted at the temporary names of a build (the old names were predictable:
/// `.NAME.PID.whomet-tmp`) while it runs make it write through none of them; every file of the
/// output is a regular file written by the build.
#[test]
fn issue18_symlink_at_temporary_name() {
    let dir = tempdir("i18-link-tmp");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let victim = dir.join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let mut child = whomet_cmd()
        .args(["build", "-", "--out", s(&out)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The build waits for its input: plant a link at every name it used to write.
    std::thread::sleep(Duration::from_millis(300));
    let pid = child.id();
    let names = whomet_export::Format::ALL
        .iter()
        .flat_map(|f| f.files())
        .chain(["evidence-text"]);
    for name in names {
        let link = out.join(format!(".{name}.{pid}.whomet-tmp"));
        std::os::unix::fs::symlink(&victim, link).unwrap();
    }
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{ARTICLE}").unwrap();
    drop(stdin);
    let code = wait_at_most(&mut child, Duration::from_secs(120), "build");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    for e in std::fs::read_dir(&out).unwrap() {
        let e = e.unwrap();
        let kind = e.file_type().unwrap();
        assert!(kind.is_file(), "{:?} is not a regular file", e.file_name());
    }
    assert!(out.join("graph.dot").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 1: a link in the output directory, at an export's name or any other, is refused
/// before anything is read, with or without `--force`, and nothing is written through it.
#[test]
fn issue18_link_in_output_directory_is_refused() {
    let dir = tempdir("i18-link-out");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let victim = dir.join("victim");
    std::fs::write(&victim, "precious").unwrap();
    for name in ["graph.dot", "notes.txt"] {
        let link = out.join(name);
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        for force in [false, true] {
            let mut args = vec!["build", "--out", s(&out), "--format", "dot"];
            if force {
                args.push("--force");
            }
            let o = whomet(&args);
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{name} {force}: {stderr}");
            assert!(
                stderr.contains("symbolic link") && stderr.contains(name),
                "{stderr}"
            );
            assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
            assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        }
        std::fs::remove_file(&link).unwrap();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two inputs whose outputs differ in every file.
fn two_corpora(dir: &Path) -> (PathBuf, PathBuf) {
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    std::fs::write(&a, format!("{ARTICLE}\n")).unwrap();
    std::fs::write(
        &b,
        r#"{"id": "b1", "text": "King Fahd met Queen Elizabeth in Riyadh on Monday."}"#.to_string()
            + "\n",
    )
    .unwrap();
    (a, b)
}

/// Item 9: an error while the output is being put in place (here, an export's name taken by
/// a directory) leaves the previous output whole: never a mix of old and new files.
#[test]
fn issue18_failed_build_leaves_the_previous_output_whole() {
    let dir = tempdir("i18-mix");
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = two_corpora(&dir);
    let out = dir.join("out");
    let o = whomet(&["build", s(&a), "--out", s(&out)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::remove_file(out.join("graph.svg")).unwrap();
    std::fs::create_dir(out.join("graph.svg")).unwrap();
    let before = contents(&out);
    let o = whomet(&["build", s(&b), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("graph.svg"));
    assert_eq!(contents(&out), before, "the previous output changed");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 9: a build killed at any moment leaves either the previous output or the new one,
/// whole, and the next build clears what the killed one left beside it.
#[test]
fn issue18_killed_build_leaves_old_or_new_never_a_mix() {
    let dir = tempdir("i18-kill");
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = two_corpora(&dir);
    let (ref_a, ref_b, out) = (dir.join("ref-a"), dir.join("ref-b"), dir.join("out"));
    for (input, o) in [(&a, &ref_a), (&b, &ref_b)] {
        assert!(whomet(&["build", s(input), "--out", s(o)]).status.success());
    }
    let (ref_a, ref_b) = (contents(&ref_a), contents(&ref_b));
    let mut seen = [0, 0];
    for i in 0..12u64 {
        let (input, expect_before) = if i % 2 == 0 {
            (&b, &ref_a)
        } else {
            (&a, &ref_b)
        };
        // Start from a whole previous output.
        let _ = std::fs::remove_dir_all(&out);
        let prev = if i % 2 == 0 { &a } else { &b };
        assert!(
            whomet(&["build", s(prev), "--out", s(&out)])
                .status
                .success()
        );
        assert_eq!(&contents(&out), expect_before);
        let mut child = whomet_cmd()
            .args(["build", s(input), "--out", s(&out)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(5 + 9 * i));
        let _ = child.kill();
        let _ = child.wait();
        let now = contents(&out);
        if &now == expect_before {
            seen[0] += 1;
        } else {
            let expect_after = if i % 2 == 0 { &ref_b } else { &ref_a };
            assert_eq!(&now, expect_after, "kill {i}: a mix of two outputs");
            seen[1] += 1;
        }
    }
    // A later build clears the leftovers of the killed ones.
    assert!(whomet(&["build", s(&a), "--out", s(&out)]).status.success());
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out.whomet-") && !n.ends_with("-lock"))
        .collect();
    assert!(left.is_empty(), "{left:?} (kills: {seen:?})");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 9: a build into an output directory another build holds refuses at once with a clear
/// message; and concurrent builds into one directory never break each other's output.
#[test]
fn issue18_concurrent_builds_into_one_directory() {
    let dir = tempdir("i18-concurrent");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out");
    let reference = dir.join("ref");
    assert!(whomet(&["build", "--out", s(&reference)]).status.success());
    let reference = contents(&reference);
    // Hold the lock the way a running build does.
    let lock = std::fs::File::create(dir.join(".out.whomet-lock")).unwrap();
    lock.lock().unwrap();
    let o = whomet(&["build", "--out", s(&out)]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("another whomet is writing into") && stderr.contains("out"),
        "{stderr}"
    );
    assert!(!out.exists());
    drop(lock);
    for round in 0..3 {
        let children: Vec<_> = (0..2)
            .map(|_| {
                whomet_cmd()
                    .args(["build", "--out", s(&out)])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut ok = 0;
        for c in children {
            let o = c.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&o.stderr);
            match o.status.code() {
                Some(0) => ok += 1,
                Some(2) => assert!(stderr.contains("another whomet is writing"), "{stderr}"),
                other => panic!("round {round}: exit {other:?}: {stderr}"),
            }
        }
        assert!(ok >= 1, "round {round}: no build succeeded");
        assert_eq!(contents(&out), reference, "round {round}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 10: files of an earlier run that this run does not write (here every format but one)
/// do not stay behind.
#[test]
fn issue18_no_stale_files_of_an_earlier_run() {
    let dir = tempdir("i18-stale");
    let out = dir.join("out");
    assert!(whomet(&["build", "--out", s(&out)]).status.success());
    assert!(out.join("graph.svg").exists() && out.join("report.html").exists());
    let o = whomet(&["build", "--out", s(&out), "--format", "graphml"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let names: Vec<String> = contents(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["graph.graphml", "manifest.json"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 14: an unusable `--out` is reported, naming it, before any input is read (here the
/// input never ends).
#[test]
fn issue18_unusable_output_is_reported_first() {
    let dir = tempdir("i18-out-first");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out");
    std::fs::write(&out, "a file").unwrap();
    let mut child = whomet_cmd()
        .args(["build", "-", "--out", s(&out)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take();
    let code = wait_at_most(
        &mut child,
        Duration::from_secs(30),
        "build with a file as --out",
    );
    drop(stdin);
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(code, 2);
    assert!(
        stderr.contains(s(&out)) && stderr.contains("not a directory"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "a file");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 14: a full standard output is not a failed build: every file is written and the exit
/// status is 0.
#[test]
fn issue18_full_stdout_is_not_a_failed_build() {
    let dir = tempdir("i18-full");
    let out = dir.join("out");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = whomet_cmd()
        .args(["build", "--out", s(&out), "--format", "graphml"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.join("graph.graphml").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 2: control characters and bidirectional overrides in file names (and so in
/// diagnostics and shard errors) reach the terminal escaped.
#[test]
fn issue18_control_characters_are_escaped_in_diagnostics() {
    let dir = tempdir("i18-escape");
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let evil = "evil\u{1b}[2J\u{1b}]0;owned\u{7}\u{202e}txt.gpj";
    std::fs::write(inp.join(format!("{evil}.txt")), "").unwrap();
    std::fs::write(
        inp.join(format!("{evil}.jsonl")),
        format!("{ARTICLE}\nnot json\n"),
    )
    .unwrap();
    let out = dir.join("out");
    let o = whomet(&["build", s(&inp), "--out", s(&out), "--format", "graphml"]);
    let shard = dir.join(format!("{evil}.shard"));
    std::fs::write(&shard, "{\"format\":\"whomet-shard/9\"}\n").unwrap();
    let m = whomet(&["merge", s(&shard), "--out", s(&dir.join("merged"))]);
    assert_eq!(m.status.code(), Some(2));
    for (what, stderr) in [("build", &o.stderr), ("merge", &m.stderr)] {
        let text = String::from_utf8_lossy(stderr);
        assert!(text.contains("evil\\u{1b}[2J"), "{what}: {text}");
        assert!(text.contains("\\u{202e}"), "{what}: {text}");
        for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!text.contains(bad), "{what}: raw {bad:?} in {text:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 6: `--threads` above a few per CPU is refused at once with a clear message (100,000
/// spent minutes creating threads).
#[test]
fn issue18_threads_are_capped() {
    let start = Instant::now();
    let o = whomet(&["build", "--threads", "100000", "--out", "/nonexistent/x"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("'100000' for '--threads") && stderr.contains("from 1 to"),
        "{stderr}"
    );
    assert!(start.elapsed() < Duration::from_secs(20));
    let ok = whomet(&["extract", "--threads", "2", "data/corpus/"]);
    assert!(ok.status.success());
}

/// The bundled corpus's articles, one after another, until `bytes` long: one long article.
fn long_article(bytes: usize) -> String {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("data/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    docs.sort();
    let texts: Vec<String> = docs
        .iter()
        .map(|d| std::fs::read_to_string(d).unwrap())
        .collect();
    let mut s = String::new();
    for t in texts.iter().cycle() {
        if s.len() >= bytes {
            break;
        }
        s.push_str(t);
        s.push_str("\n\n");
    }
    s
}

/// Peak memory (VmHWM, kB) of `whomet build` on one article of `bytes` bytes.
fn peak_kb(dir: &Path, bytes: usize) -> u64 {
    let article = dir.join(format!("long-{bytes}.txt"));
    std::fs::write(&article, long_article(bytes)).unwrap();
    let o = whomet_cmd()
        .args(["build", s(&article), "--out", s(&dir.join("out"))])
        .args(["--format", "graphml", "--threads", "1"])
        .env("WHOMET_TIMINGS", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains("written at"))
        .unwrap_or_else(|| panic!("{stderr}"));
    let kb = line.rsplit("peak memory ").next().unwrap();
    kb.trim_end_matches(" kB").trim().parse().unwrap()
}

/// Item 15: memory was 22-27 times the largest article (the per-article stages hold about 20
/// times the text they analyse); a long article is now analysed in windows of 1 MiB, so a
/// second 6 MB of article adds at most about 4 times its size to the peak (it added ~21 times).
#[test]
fn issue18_memory_of_a_long_article_is_bounded() {
    let dir = tempdir("i18-memory");
    std::fs::create_dir_all(&dir).unwrap();
    const MB: usize = 1 << 20;
    let (small, large) = (peak_kb(&dir, 6 * MB), peak_kb(&dir, 12 * MB));
    let added = large.saturating_sub(small) * 1024;
    assert!(
        added < 4 * 6 * MB as u64,
        "6 MB more of one article added {} MB to the peak ({small} kB -> {large} kB)",
        added >> 20
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 5: a named pipe among the input files (in a directory, or named itself) is reported
/// and skipped instead of blocking the build forever.
#[test]
fn issue18_fifo_in_the_input() {
    let dir = tempdir("i18-fifo");
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    std::fs::write(
        inp.join("good.txt"),
        "President Ronald Reagan met Chancellor Helmut Kohl in Bonn.",
    )
    .unwrap();
    for name in ["pipe.txt", "pipe.jsonl"] {
        let st = Command::new("mkfifo").arg(inp.join(name)).status().unwrap();
        assert!(st.success());
    }
    let out = dir.join("out");
    let pipe = inp.join("pipe.txt");
    let mut child = whomet_cmd()
        .args([
            "build",
            s(&inp),
            s(&pipe),
            "--out",
            s(&out),
            "--format",
            "graphml",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let code = wait_at_most(
        &mut child,
        Duration::from_secs(60),
        "build with a FIFO input",
    );
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr.matches("not a regular file").count(), 3, "{stderr}");
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("1 documents"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 7: the same file name in different folders, and names differing only in bytes that
/// are not UTF-8, give different document ids (the path relative to the input directory), so
/// no article is dropped as a duplicate.
#[test]
fn issue18_same_file_name_in_different_folders() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempdir("i18-ids");
    let inp = dir.join("in");
    for sub in ["sub1", "sub2"] {
        std::fs::create_dir_all(inp.join(sub)).unwrap();
    }
    let files: [(&[u8], &str); 5] = [
        (b"sub1/same.txt", "Ronald Reagan met Helmut Kohl in Bonn."),
        (
            b"sub2/same.txt",
            "Margaret Thatcher met King Fahd in London.",
        ),
        (
            b"same.md",
            "Francois Mitterrand met Felipe Gonzalez in Paris.",
        ),
        (b"a\xff.txt", "Brian Mulroney met Bob Hawke in Ottawa."),
        (b"a\xfe.txt", "Yasuhiro Nakasone met Roh Tae-woo in Tokyo."),
    ];
    for (name, text) in files {
        let path = inp.join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, format!("President {text}")).unwrap();
    }
    let out = dir.join("out");
    let o = whomet(&["build", s(&inp), "--out", s(&out), "--format", "json"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(!stderr.contains("duplicate"), "{stderr}");
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("5 documents"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let json = std::fs::read_to_string(out.join("graph.json")).unwrap();
    for id in [
        "\"sub1/same\"",
        "\"sub2/same\"",
        "\"same\"",
        "\"a%FF\"",
        "\"a%FE\"",
    ] {
        assert!(json.contains(id), "{id} missing in {json}");
    }
    // A file named on the command line keeps its stem as id.
    let one = inp.join("sub1/same.txt");
    let o = whomet(&["extract", s(&one)]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"doc\":\"same\""));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 8: a UTF-8 byte-order mark no longer loses the first JSON line nor hides a text file's
/// `date` header, and an invalid byte inside a JSON string is replaced and reported, the
/// article kept.
#[test]
fn issue18_bom_and_invalid_bytes_in_json() {
    let dir = tempdir("i18-encoding");
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let mut lines = b"\xEF\xBB\xBF".to_vec();
    lines.extend_from_slice(br#"{"id": "j1", "text": "King Fahd met Queen Elizabeth in London."}"#);
    lines.extend_from_slice(
        b"\n{\"id\": \"j2\", \"text\": \"Prime Minister Margaret Thatcher met Chancellor Helmut Kohl in Bonn. Caf\xe9.\"}\n",
    );
    std::fs::write(inp.join("lines.jsonl"), lines).unwrap();
    std::fs::write(
        inp.join("bom.txt"),
        "\u{FEFF}date 1987-10-19\nPresident Ronald Reagan met President Francois Mitterrand.",
    )
    .unwrap();
    let out = dir.join("out");
    let o = whomet(&["build", s(&inp), "--out", s(&out), "--format", "evidence"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("lines.jsonl:2: 1 invalid UTF-8 byte(s) replaced by U+FFFD"),
        "{stderr}"
    );
    assert!(!stderr.contains("not a JSON article"), "{stderr}");
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("3 documents"));
    let evidence = std::fs::read_to_string(out.join("evidence.csv")).unwrap();
    for (doc, what) in [
        ("j1", "King Fahd"),
        ("j2", "Helmut Kohl"),
        ("bom", "1987-10-19"),
    ] {
        let row = evidence.lines().find(|l| l.contains(&format!(",{doc},")));
        assert!(row.is_some_and(|r| r.contains(what)), "{doc}: {evidence}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 11: `merge` validates every shard value, naming file and line: a hostile confidence is
/// clamped (the weight stays finite), an empty name skips its line, and the rest is merged.
#[test]
fn issue18_hostile_shard_values() {
    let dir = tempdir("i18-shard");
    std::fs::create_dir_all(&dir).unwrap();
    let good = whomet(&["extract", "data/corpus/"]);
    assert!(good.status.success());
    let first = String::from_utf8_lossy(&good.stdout)
        .lines()
        .next()
        .unwrap()
        .to_string();
    let mut v: serde_json::Value = serde_json::from_str(&first).unwrap();
    v["events"][0]["evidence"]["confidence"] = 1e308.into();
    let mut w = v.clone();
    w["doc"] = "other".into();
    w["people"][0]["name"] = "".into();
    w["people"][0]["described"] = serde_json::Value::Null;
    let shard = dir.join("s.jsonl");
    std::fs::write(&shard, format!("{v}\n{w}\n")).unwrap();
    let out = dir.join("out");
    let o = whomet(&[
        "merge",
        s(&shard),
        "--out",
        s(&out),
        "--format",
        "cypher,gexf",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("s.jsonl:1: events[0].evidence.confidence 1e308 is outside 0..1: 1 used"),
        "{stderr}"
    );
    assert!(stderr.contains("s.jsonl:2: people[0].name"), "{stderr}");
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("1 documents"));
    let cypher = std::fs::read_to_string(out.join("import.cypher")).unwrap();
    assert!(
        !cypher.contains("inf") && !cypher.contains("NaN"),
        "{cypher}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
