//! Parses remembered by the words parsed: the same words always parse the same way, and news
//! repeats itself (wire copy, syndicated stories, set phrases with names reduced to one word),
//! so each thread keeps the last few thousand parses. The output is the same with or without a
//! hit; only the time differs.

use std::cell::RefCell;
use std::collections::HashMap;
use whomet_core::Span;
use whomet_syntax::{Rel, Upos, Word, Xpos};

/// Parses a thread keeps before it starts afresh.
const CAPACITY: usize = 4096;

/// A parse without the positions of its words.
type Shape = Vec<(Upos, Xpos, String, Option<usize>, Rel)>;

thread_local! {
    static PARSES: RefCell<HashMap<String, Shape>> = RefCell::new(HashMap::new());
}

/// The parse of `forms` at `spans`, from the cache or the model.
pub fn analyse(forms: &[&str], spans: &[Span]) -> Vec<Word> {
    let key = forms.join("\u{1f}");
    let hit = PARSES.with(|c| c.borrow().get(&key).cloned());
    let shape = match hit {
        Some(shape) => shape,
        None => {
            let words = whomet_syntax::Model::bundled().analyse(forms, spans);
            let shape: Shape = words
                .into_iter()
                .map(|w| (w.upos, w.xpos, w.lemma, w.head, w.rel))
                .collect();
            PARSES.with(|c| {
                let mut c = c.borrow_mut();
                if c.len() >= CAPACITY {
                    c.clear();
                }
                c.insert(key, shape.clone());
            });
            shape
        }
    };
    shape
        .into_iter()
        .zip(spans)
        .map(|((upos, xpos, lemma, head, rel), &span)| Word {
            span,
            upos,
            xpos,
            lemma,
            head,
            rel,
        })
        .collect()
}
