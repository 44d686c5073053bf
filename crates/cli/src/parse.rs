//! `whomet parse`: an article's sentences as CoNLL-U.

use anyhow::{Context, Result};
use std::io::Read;
use std::path::Path;

/// The CoNLL-U of `input`: text, a file's path, or `-` for standard input.
pub fn conllu(input: &str) -> Result<String> {
    let (bytes, source) = if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        (bytes, "<stdin>".to_string())
    } else if Path::new(input).is_file() {
        let bytes = std::fs::read(input).with_context(|| format!("reading {input}"))?;
        (bytes, input.to_string())
    } else {
        (input.as_bytes().to_vec(), "<argument>".to_string())
    };
    let (doc, diagnostics) = whomet_extract::prepare(
        &whomet_extract::Input {
            id: "parse",
            source: &source,
            ..Default::default()
        },
        &bytes,
    );
    for d in &diagnostics {
        eprintln!("{d}");
    }
    let ex = whomet_extract::extract(&doc);
    let mut out = String::new();
    for i in 0..ex.sentences().len() {
        let words = whomet_relate::parse_sentence(&doc, &ex, i);
        whomet_syntax::conllu::write(&mut out, &(i + 1).to_string(), &doc.text, &words, |s| {
            doc.map.original_span(s)
        });
    }
    Ok(out)
}
