//! Rebuilds `data/models/syntax.bin` from the UD English treebanks:
//!
//!     cargo run --release -p whomet-syntax --bin train [-- --ud ../shared/ud --out data/models/syntax.bin]
//!
//! Reads `ewt-train.conllu` and `gum-train.conllu` from the treebank folder, trains the tagger,
//! lemmatiser and parser with fixed seeds, and writes the model atomically. The same treebanks
//! give the same bytes. `cargo run --release -p whomet-syntax --bin evaluate` scores it.

use std::path::PathBuf;
use std::time::Instant;
use whomet_syntax::train::{Options, train};

mod treebank;
use treebank::load;

fn main() {
    if let Err(e) = run() {
        eprintln!("train: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut ud = PathBuf::from("../shared/ud");
    let mut out = PathBuf::from("data/models/syntax.bin");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--ud" => ud = args.next().ok_or("--ud needs a folder")?.into(),
            "--out" => out = args.next().ok_or("--out needs a file")?.into(),
            _ => {
                return Err(format!(
                    "unknown argument {a:?} (expected --ud DIR or --out FILE)"
                ));
            }
        }
    }
    let start = Instant::now();
    let mut sentences = load(&ud.join("ewt-train.conllu"))?;
    sentences.extend(load(&ud.join("gum-train.conllu"))?);
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "{} sentences, {words} words from {}",
        sentences.len(),
        ud.display()
    );
    let model = train(&sentences, &Options::default(), &mut |step| {
        eprintln!("[{:6.1}s] {step}", start.elapsed().as_secs_f64());
    });
    let bytes = model.to_bytes();
    let tmp = out.with_extension("bin.tmp");
    std::fs::write(&tmp, &bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &out).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "[{:6.1}s] wrote {} ({:.1} MB; tagger {:?}, lemmas {:?}, parser {:?} features and weights)",
        start.elapsed().as_secs_f64(),
        out.display(),
        bytes.len() as f64 / 1e6,
        model.tagger.size(),
        model.lemmatizer.size(),
        model.parser.size()
    );
    Ok(())
}
