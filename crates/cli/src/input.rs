//! Reading inputs: files, directories and JSON lines. Problems become diagnostics; the rest of
//! the input is still read.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use whomet_core::Diagnostic;

/// One article as read, before decoding.
pub struct Article {
    pub id: String,
    pub source: String,
    pub bytes: Vec<u8>,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
}

#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    text: serde_json::Value,
    date: Option<String>,
    title: Option<String>,
}

/// Reads every input, in order; duplicate ids are reported and skipped.
pub fn read(paths: &[PathBuf]) -> Result<(Vec<Article>, Vec<Diagnostic>)> {
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
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    for f in files {
        let mut push = |a: Article, diags: &mut Vec<Diagnostic>| {
            if ids.insert(a.id.clone()) {
                out.push(a);
            } else {
                diags.push(Diagnostic {
                    source: a.source.clone(),
                    line: None,
                    message: format!("duplicate document id {:?}: skipped", a.id),
                });
            }
        };
        if f.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            for a in json_lines("<stdin>", &buf, &mut diags) {
                push(a, &mut diags);
            }
            continue;
        }
        let source = f.display().to_string();
        let bytes = match std::fs::read(&f) {
            Ok(b) => b,
            Err(e) => {
                diags.push(Diagnostic {
                    source,
                    line: None,
                    message: format!("unreadable: {e}"),
                });
                continue;
            }
        };
        if f.extension().is_some_and(|e| e == "jsonl") {
            for a in json_lines(&source, &bytes, &mut diags) {
                push(a, &mut diags);
            }
        } else {
            let id = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            push(
                Article {
                    id,
                    source,
                    bytes,
                    date: None,
                    title: None,
                },
                &mut diags,
            );
        }
    }
    Ok((out, diags))
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
                message: format!("unreadable: {e}"),
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

fn json_lines(source: &str, bytes: &[u8], diags: &mut Vec<Diagnostic>) -> Vec<Article> {
    let mut out = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let bad = |message: String| Diagnostic {
            source: source.to_string(),
            line: Some(line_no),
            message,
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed: JsonArticle = match serde_json::from_slice(line) {
            Ok(a) => a,
            Err(e) => {
                diags.push(bad(format!("not a JSON article ({e}): skipped")));
                continue;
            }
        };
        let Some(text) = parsed.text.as_str() else {
            diags.push(bad("`text` is not a string: skipped".into()));
            continue;
        };
        let id = match &parsed.id {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                diags.push(bad("`id` is not a string or number: skipped".into()));
                continue;
            }
        };
        let date = parsed.date.as_deref().and_then(|d| {
            let parsed = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
            if parsed.is_none() {
                diags.push(bad(format!("`date` {d:?} is not YYYY-MM-DD: ignored")));
            }
            parsed
        });
        out.push(Article {
            id,
            source: format!("{source}:{line_no}"),
            bytes: text.as_bytes().to_vec(),
            date,
            title: parsed.title,
        });
    }
    out
}
