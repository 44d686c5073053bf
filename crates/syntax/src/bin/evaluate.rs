//! Prints the accuracy of the syntax model on the UD test and dev sets, on gold tokenisation:
//!
//!     cargo run --release -p whomet-syntax --bin evaluate [-- --ud ../shared/ud --model FILE]
//!
//! Without `--model` it scores the model compiled into the binary. The figures are those of
//! `docs/SYNTAX.md`: UPOS, XPOS, lemma, UAS and LAS (CoNLL 2018: every word, relations without
//! subtypes), and LAS with subtypes, for EWT and GUM test and dev, and GUM's news documents.

use std::path::PathBuf;
use std::time::Instant;
use whomet_syntax::{Accuracy, Model};

mod treebank;
use treebank::load;

fn main() {
    if let Err(e) = run() {
        eprintln!("evaluate: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut ud = PathBuf::from("../shared/ud");
    let mut model_file: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--ud" => ud = args.next().ok_or("--ud needs a folder")?.into(),
            "--model" => model_file = Some(args.next().ok_or("--model needs a file")?.into()),
            _ => {
                return Err(format!(
                    "unknown argument {a:?} (expected --ud DIR or --model FILE)"
                ));
            }
        }
    }
    let start = Instant::now();
    let owned;
    let model = match &model_file {
        Some(f) => {
            let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
            owned = Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", f.display()))?;
            &owned
        }
        None => Model::bundled(),
    };
    eprintln!(
        "model loaded in {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    for set in [
        "ewt-test",
        "gum-test",
        "gum-test news",
        "ewt-dev",
        "gum-dev",
    ] {
        let (file, news) = match set.split_once(' ') {
            Some((f, _)) => (f, true),
            None => (set, false),
        };
        let mut sentences = load(&ud.join(format!("{file}.conllu")))?;
        if news {
            sentences.retain(|s| s.doc.contains("_news_"));
        }
        let t = Instant::now();
        let a = Accuracy::of(model, &sentences);
        println!(
            "{set:14} {a}  {:.0} words/s",
            a.words as f64 / t.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
