//! Tagging and parsing speed over the benchmark sample, by wall-clock time and by the time the
//! thread spent on a processor (`/proc/thread-self/schedstat`, so that other work sharing the
//! machine counts less), best of several rounds:
//!
//!     cargo run --release -p whomet-syntax --example speed [-- MODEL_FILE|- [ROUNDS [tag|parse]]]

use std::time::Instant;
use whomet_syntax::words::WordKeys;
use whomet_syntax::{Model, Tag, conllu};

/// Nanoseconds this thread has run on a processor (0 where the kernel does not say).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let owned;
    let model = match args.first() {
        Some(f) if f != "-" => {
            owned = Model::from_bytes(&std::fs::read(f).expect("model file")).expect("model");
            &owned
        }
        _ => Model::bundled(),
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(15);
    let (sentences, _) = conllu::read(include_str!("../tests/data/slice.conllu"));
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let words: usize = forms.iter().map(Vec::len).sum();
    let keys: Vec<Vec<WordKeys>> = forms
        .iter()
        .map(|f| f.iter().map(|w| WordKeys::new(w)).collect())
        .collect();
    let tags: Vec<Vec<Tag>> = keys.iter().map(|k| model.tagger.tag(k)).collect();
    let only = args.get(2).map_or("", String::as_str);
    let measure = |name: &str, f: &dyn Fn() -> usize| {
        if !only.is_empty() && only != name {
            return;
        }
        let (mut wall, mut cpu) = (f64::MAX, f64::MAX);
        let mut check = 0;
        for _ in 0..rounds {
            let (t, c) = (Instant::now(), cpu_ns());
            check = f();
            wall = wall.min(t.elapsed().as_secs_f64());
            cpu = cpu.min((cpu_ns() - c) as f64 * 1e-9);
        }
        println!(
            "{name:6} {:>9.0} words/s wall  {:>9.0} words/s cpu  (right {check} of {words})",
            words as f64 / wall,
            words as f64 / cpu
        );
    };
    measure("tag", &|| {
        let mut right = 0;
        for (s, f) in sentences.iter().zip(&forms) {
            let t = model.tag(std::hint::black_box(f));
            right += s
                .words
                .iter()
                .zip(&t)
                .filter(|(w, t)| w.upos == t.upos)
                .count();
        }
        right
    });
    measure("parse", &|| {
        let mut right = 0;
        for ((s, k), t) in sentences.iter().zip(&keys).zip(&tags) {
            let tree = model.parser.parse(std::hint::black_box(k), t);
            right += s
                .words
                .iter()
                .zip(&tree)
                .filter(|(w, a)| w.head == a.0)
                .count();
        }
        right
    });
}
