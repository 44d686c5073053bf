//! Reading and writing shard files: the line format and its validation are `whomet-shard`; here
//! are the files, standard input and the diagnostics naming file and line.

use crate::input::InputFile;
use anyhow::{Context, Result};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use whomet_core::{Analysis, Diagnostic};
use whomet_shard::ShardError;

/// Writes one article's analysis as a shard line.
pub fn write(out: &mut impl Write, analysis: Analysis) -> Result<()> {
    whomet_shard::write_line(out, &analysis)?;
    Ok(())
}

/// Reads every shard, handing each analysis to `sink`; a line of another format version is an
/// error, a malformed or unsound line a diagnostic, and every value clamped or dropped is
/// reported. A repeated document id keeps the first seen.
/// Also returns each shard file's record (size, SHA-256) for the manifest.
pub fn read(
    paths: &[PathBuf],
    mut sink: impl FnMut(Analysis),
) -> Result<(Vec<Diagnostic>, Vec<crate::input::InputRecord>)> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    };
    let (files, mut diags) = crate::input::expand(&paths)?;
    let mut ids = std::collections::HashSet::new();
    let mut records = Vec::new();
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
        let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
        let mut size = 0u64;
        for (n, line) in reader.split(b'\n').enumerate() {
            let mut line = line.with_context(|| format!("reading shard {source}"))?;
            sha2::Digest::update(&mut hasher, &line);
            sha2::Digest::update(&mut hasher, b"\n");
            size += line.len() as u64 + 1;
            if n == 0 && line.starts_with(crate::input::BOM) {
                line.drain(..crate::input::BOM.len());
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let diag = |message: String| Diagnostic {
                source: source.clone(),
                line: Some(n + 1),
                message,
            };
            let shard = match whomet_shard::parse_line(&line) {
                Ok(shard) => shard,
                Err(e @ ShardError::Version(_)) => anyhow::bail!("{source}:{}: {e}", n + 1),
                Err(e) => {
                    diags.push(diag(e.to_string()));
                    continue;
                }
            };
            diags.extend(shard.notes.into_iter().map(diag));
            let mut a = shard.analysis;
            diags.append(&mut a.diagnostics);
            if ids.insert(a.doc.clone()) {
                sink(a);
            } else {
                diags.push(diag(format!("duplicate document id {:?}: skipped", a.doc)));
            }
        }
        // Lines are hashed as read, each with a line break (a last line without one is
        // hashed as if it had one).
        records.push(crate::input::InputRecord {
            path: source,
            bytes: size,
            sha256: Some(
                sha2::Digest::finalize(hasher)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect(),
            ),
        });
    }
    Ok((diags, records))
}
