//! Shards: the per-article output of `whomet extract`, one JSON line per article, read back by
//! `whomet merge`. The format is versioned in every line (`docs/FORMATS.md`).

use crate::input::InputFile;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use whomet_core::{Analysis, Diagnostic};

/// The shard format this build writes and reads.
pub const FORMAT: &str = "whomet-shard/1";

#[derive(Serialize)]
struct LineOut<'a> {
    format: &'static str,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Deserialize)]
struct LineIn {
    format: String,
    #[serde(flatten)]
    analysis: Analysis,
}

/// Writes one article's analysis as a shard line.
pub fn write(out: &mut impl Write, analysis: Analysis) -> Result<()> {
    serde_json::to_writer(
        &mut *out,
        &LineOut {
            format: FORMAT,
            analysis: &analysis,
        },
    )?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Reads every shard, handing each analysis to `sink`; a line of another format version is an
/// error, a malformed line a diagnostic. A repeated document id keeps the first seen.
pub fn read(paths: &[PathBuf], mut sink: impl FnMut(Analysis)) -> Result<Vec<Diagnostic>> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    };
    let (files, mut diags) = crate::input::expand(&paths)?;
    let mut ids = std::collections::HashSet::new();
    for f in files {
        let (source, reader): (String, Box<dyn BufRead>) = if let InputFile::Stdin = f {
            ("<stdin>".into(), Box::new(std::io::stdin().lock()))
        } else {
            let f = f.path();
            let file = crate::input::open_regular(f)
                .with_context(|| format!("opening shard {}", f.display()))?;
            (
                f.display().to_string(),
                Box::new(std::io::BufReader::new(file)),
            )
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = line.with_context(|| format!("reading shard {source}"))?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed: LineIn = match serde_json::from_slice(&line) {
                Ok(l) => l,
                Err(e) => {
                    // Tell a foreign version from a broken line.
                    let version = serde_json::from_slice::<serde_json::Value>(&line)
                        .ok()
                        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_string));
                    if let Some(v) = version.filter(|v| v != FORMAT) {
                        anyhow::bail!(
                            "{source}:{}: shard format {v:?} is not {FORMAT:?}: re-run `whomet extract` with this version of whomet",
                            n + 1
                        );
                    }
                    diags.push(Diagnostic {
                        source: source.clone(),
                        line: Some(n + 1),
                        message: format!("not a shard line ({e}): skipped"),
                    });
                    continue;
                }
            };
            if parsed.format != FORMAT {
                anyhow::bail!(
                    "{source}:{}: shard format {:?} is not {FORMAT:?}: re-run `whomet extract` with this version of whomet",
                    n + 1,
                    parsed.format
                );
            }
            let mut a = parsed.analysis;
            diags.append(&mut a.diagnostics);
            if ids.insert(a.doc.clone()) {
                sink(a);
            } else {
                diags.push(Diagnostic {
                    source: source.clone(),
                    line: Some(n + 1),
                    message: format!("duplicate document id {:?}: skipped", a.doc),
                });
            }
        }
    }
    Ok(diags)
}
