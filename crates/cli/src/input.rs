//! Reading inputs: files, directories and JSON lines, streamed in batches of jobs. Problems
//! become diagnostics; the rest of the input is still read.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use whomet_core::Diagnostic;

/// Lines longer than this are reported (the article is still analysed).
const LONG_LINE: usize = 1 << 20;

/// One article as read, before decoding.
pub struct Article {
    pub id: String,
    pub source: String,
    pub bytes: Vec<u8>,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
}

/// A unit of work: a text file to read, or one JSON line already read.
pub enum Job {
    File(PathBuf),
    Line {
        source: String,
        line: usize,
        bytes: Vec<u8>,
    },
}

impl Job {
    /// Reads (a file) or parses (a JSON line) the article; `None` with a diagnostic when it
    /// cannot be had. Empty lines give neither.
    pub fn load(self) -> (Option<Article>, Option<Diagnostic>) {
        match self {
            Job::File(path) => {
                let source = path.display().to_string();
                match std::fs::read(&path) {
                    Ok(bytes) if bytes.is_empty() => (
                        None,
                        Some(Diagnostic {
                            source,
                            line: None,
                            message: "empty file: skipped".into(),
                        }),
                    ),
                    Ok(bytes) if bytes.contains(&0) => (
                        None,
                        Some(Diagnostic {
                            source,
                            line: None,
                            message: "binary file (NUL bytes) given as text: skipped".into(),
                        }),
                    ),
                    Ok(bytes) => {
                        let longest = bytes.split(|&b| b == b'\n').map(<[u8]>::len).max();
                        let note = longest.filter(|&l| l > LONG_LINE).map(|l| Diagnostic {
                            source: source.clone(),
                            line: None,
                            message: format!(
                                "a line of {l} bytes with no line break: analysed, sentence by sentence"
                            ),
                        });
                        let id = path
                            .file_stem()
                            .map(|s| s.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let article = Article {
                            id,
                            source,
                            bytes,
                            date: None,
                            title: None,
                        };
                        (Some(article), note)
                    }
                    Err(e) => (
                        None,
                        Some(Diagnostic {
                            source,
                            line: None,
                            message: format!("unreadable: {e}: skipped"),
                        }),
                    ),
                }
            }
            Job::Line {
                source,
                line,
                bytes,
            } => json_article(&source, line, &bytes),
        }
    }

    /// Bytes this job stands for, for progress.
    pub fn size(&self) -> u64 {
        match self {
            Job::File(p) => p.metadata().map(|m| m.len()).unwrap_or(0),
            Job::Line { bytes, .. } => bytes.len() as u64 + 1,
        }
    }
}

#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    text: serde_json::Value,
    date: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
}

/// The files named by `paths`, directories walked in sorted path order, and `-` for stdin.
pub fn expand(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Diagnostic>)> {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
        } else if p.is_dir() {
            walk(p, &mut files, &mut diags, &mut BTreeSet::new());
        } else if p.exists() {
            files.push(p.clone());
        } else {
            anyhow::bail!("input {} does not exist", p.display());
        }
    }
    Ok((files, diags))
}

/// Streams the jobs of `files` in order, `batch` at a time, to `f`.
pub fn stream(
    files: &[PathBuf],
    batch: usize,
    diags: &mut Vec<Diagnostic>,
    mut f: impl FnMut(Vec<Job>, &mut Vec<Diagnostic>),
) -> Result<()> {
    let mut jobs = Vec::with_capacity(batch);
    let mut flush = |jobs: &mut Vec<Job>, diags: &mut Vec<Diagnostic>, force: bool| {
        if jobs.len() >= batch || (force && !jobs.is_empty()) {
            f(std::mem::take(jobs), diags);
        }
    };
    for path in files {
        let stdin = path.as_os_str() == "-";
        if !stdin && path.extension().is_none_or(|e| e != "jsonl") {
            jobs.push(Job::File(path.clone()));
            flush(&mut jobs, diags, false);
            continue;
        }
        let (source, reader): (String, Box<dyn Read>) = if stdin {
            ("<stdin>".into(), Box::new(std::io::stdin()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => (path.display().to_string(), Box::new(f)),
                Err(e) => {
                    diags.push(Diagnostic {
                        source: path.display().to_string(),
                        line: None,
                        message: format!("unreadable: {e}: skipped"),
                    });
                    continue;
                }
            }
        };
        let mut reader = BufReader::with_capacity(1 << 20, reader);
        let mut line = 0;
        loop {
            let mut bytes = Vec::new();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    diags.push(Diagnostic {
                        source: source.clone(),
                        line: Some(line + 1),
                        message: format!("read error: {e}: rest of the file skipped"),
                    });
                    break;
                }
            }
            line += 1;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
            }
            jobs.push(Job::Line {
                source: source.clone(),
                line,
                bytes,
            });
            flush(&mut jobs, diags, false);
        }
    }
    flush(&mut jobs, diags, true);
    Ok(())
}

fn is_article(p: &Path) -> bool {
    p.extension()
        .is_some_and(|e| e == "txt" || e == "md" || e == "jsonl")
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    diags: &mut Vec<Diagnostic>,
    seen: &mut BTreeSet<PathBuf>,
) {
    let Ok(real) = dir.canonicalize() else { return };
    if !seen.insert(real) {
        diags.push(Diagnostic {
            source: dir.display().to_string(),
            line: None,
            message: "directory loop through a symbolic link: skipped".into(),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic {
                source: dir.display().to_string(),
                line: None,
                message: format!("unreadable: {e}: skipped"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out, diags, seen);
        } else if is_article(&p) {
            out.push(p);
        }
    }
}

fn json_article(source: &str, line: usize, bytes: &[u8]) -> (Option<Article>, Option<Diagnostic>) {
    let bad = |message: String| {
        (
            None,
            Some(Diagnostic {
                source: source.to_string(),
                line: Some(line),
                message,
            }),
        )
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return (None, None);
    }
    let parsed: JsonArticle = match serde_json::from_slice(bytes) {
        Ok(a) => a,
        Err(e) => return bad(format!("not a JSON article ({e}): skipped")),
    };
    let Some(text) = parsed.text.as_str() else {
        return bad("`text` is not a string: skipped".into());
    };
    if text.trim().is_empty() {
        return bad("`text` is empty: skipped".into());
    }
    let id = match &parsed.id {
        serde_json::Value::String(s) if !s.is_empty() => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return bad("`id` is not a non-empty string or a number: skipped".into()),
    };
    let mut note = None;
    let date = match parsed.date {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(d)) => {
            let parsed = NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok();
            if parsed.is_none() {
                note = Some(format!("`date` {d:?} is not YYYY-MM-DD: ignored"));
            }
            parsed
        }
        Some(other) => {
            note = Some(format!("`date` {other} is not a string: ignored"));
            None
        }
    };
    let article = Article {
        id,
        source: format!("{source}:{line}"),
        bytes: text.as_bytes().to_vec(),
        date,
        title: parsed.title.and_then(|t| t.as_str().map(str::to_string)),
    };
    let note = note.map(|message| Diagnostic {
        source: source.to_string(),
        line: Some(line),
        message,
    });
    (Some(article), note)
}
