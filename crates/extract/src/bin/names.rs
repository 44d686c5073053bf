//! Trains and scores the name finder (`docs/PEOPLE.md`); `scripts/train-names.sh` runs it on
//! the GUM treebanks.
//!
//! ```text
//! names train TRAIN.tsv TEST.tsv OUT.bin   train, write OUT.bin, print the test figures
//! names evaluate TEST.tsv [MODEL.bin]       print the figures of a model (default: bundled)
//! ```
//!
//! The TSV files are those of `scripts/gum_names.py`: a sentence, a tab, its person names as
//! `start:end` byte spans.

use std::process::ExitCode;
use whomet_extract::finder::Finder;
use whomet_extract::finder::train::{Options, Prf, Sentence, evaluate, train};

fn read(path: &str) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            Sentence::parse(l).ok_or_else(|| format!("{path}:{}: not `TEXT\\tSPANS`", i + 1))
        })
        .collect()
}

fn report(what: &str, prf: Prf) {
    println!(
        "{what}: gold {} found {} correct {}  P={:.3} R={:.3} F1={:.3}",
        prf.gold,
        prf.found,
        prf.correct,
        prf.precision(),
        prf.recall(),
        prf.f1()
    );
}

fn run(args: &[String]) -> Result<(), String> {
    match args {
        [cmd, train_tsv, test_tsv, out] if cmd == "train" => {
            let sentences = read(train_tsv)?;
            let test = read(test_tsv)?;
            let opts = Options::default();
            let model = train(&sentences, opts, |epoch, errors| {
                eprintln!("epoch {epoch}: {errors} training errors");
            });
            std::fs::write(out, model.to_bytes())
                .map_err(|e| format!("cannot write {out}: {e}"))?;
            println!(
                "trained on {} sentences ({train_tsv}), {} epochs, seed {}; wrote {out}",
                sentences.len(),
                opts.epochs,
                opts.seed
            );
            report("train", evaluate(&model, &sentences));
            report(&format!("test ({test_tsv})"), evaluate(&model, &test));
            Ok(())
        }
        [cmd, test_tsv, rest @ ..] if cmd == "evaluate" && rest.len() <= 1 => {
            let test = read(test_tsv)?;
            let model = match rest.first() {
                Some(path) => {
                    let bytes =
                        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
                    Finder::from_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?
                }
                None => Finder::bundled().clone(),
            };
            report(&format!("test ({test_tsv})"), evaluate(&model, &test));
            Ok(())
        }
        [cmd, test_tsv, model] if cmd == "errors" => {
            let test = read(test_tsv)?;
            let bytes = std::fs::read(model).map_err(|e| format!("cannot read {model}: {e}"))?;
            let model = Finder::from_bytes(&bytes).map_err(|e| format!("{model}: {e}"))?;
            let mut scored = Vec::new();
            for s in &test {
                let words = s.words();
                model.tag(&words, &mut scored);
                let tags: Vec<_> = scored.iter().map(|x| x.tag).collect();
                let found = whomet_extract::finder::train::spans(&words, &tags);
                let gold = whomet_extract::finder::train::spans(&words, &s.gold(&words));
                let show = |v: &[whomet_core::Span]| {
                    v.iter()
                        .map(|x| x.of(&s.text))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                if found != gold {
                    println!(
                        "gold [{}] found [{}]\n    {}",
                        show(&gold),
                        show(&found),
                        s.text
                    );
                }
            }
            Ok(())
        }
        _ => Err(
            "usage: names train TRAIN.tsv TEST.tsv OUT.bin | names evaluate TEST.tsv [MODEL.bin]"
                .into(),
        ),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("names: {e}");
            ExitCode::from(2)
        }
    }
}
