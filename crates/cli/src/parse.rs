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
    let segments = whomet_extract::segment::Segments::new(&doc.text, doc.body_start);
    let model = whomet_syntax::Model::bundled();
    let mut out = String::new();
    for (i, &sentence) in segments.sentences.iter().enumerate() {
        let words = model.parse(&doc.text, sentence);
        whomet_syntax::conllu::write(&mut out, &(i + 1).to_string(), &doc.text, &words, |s| {
            doc.map.original_span(s)
        });
    }
    Ok(out)
}
