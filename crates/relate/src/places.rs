//! The place of a meeting: "in Doha", "at Downing Street" near the trigger, else the dateline
//! city for the lead sentence.

use whomet_core::Document;
use whomet_extract::segment::Token;

/// The place of the meeting: "in Doha", "at Downing Street", else the dateline city for the
/// lead sentence.
pub fn places(toks: &[Token<'_>]) -> Vec<(usize, String)> {
    let lex = whomet_extract::lexicon::lexicon();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let visit_to = t.text == "to"
            && i > 0
            && matches!(
                toks[i - 1].text,
                "visit" | "trip" | "visits" | "travelled" | "traveled"
            );
        if !matches!(t.text, "in" | "at") && !visit_to {
            continue;
        }
        // A place name is capitalised.
        if toks.get(i + 1).is_none_or(|n| !n.is_capitalized()) {
            continue;
        }
        for len in [3usize, 2, 1] {
            if i + 1 + len > toks.len() {
                continue;
            }
            let words: Vec<&str> = toks[i + 1..i + 1 + len]
                .iter()
                .map(|t| t.text.trim_end_matches("'s").trim_end_matches("\u{2019}s"))
                .collect();
            let cand = words.join(" ");
            if lex.is_place(&cand) {
                out.push((i, cand));
                break;
            }
        }
    }
    out
}

/// The place of the meeting: the "in Doha", "at Downing Street" nearest the trigger (within a
/// dozen words). `found` is in token order, so only the places within that reach are looked
/// at (a sentence of thousands of meetings and places compared every place with every meeting).
pub fn place(found: &[(usize, String)], trig: (usize, usize)) -> Option<String> {
    let from = found.partition_point(|(i, _)| *i + 12 < trig.0);
    let to = found.partition_point(|(i, _)| *i <= trig.1 + 12);
    let near = found.get(from..to.max(from))?;
    whomet_core::work::tick(1 + near.len());
    near.iter()
        .min_by_key(|(i, _)| if *i >= trig.1 { i - trig.1 } else { trig.0 - i })
        .map(|(_, p)| p.clone())
}

/// The dateline city of the lead sentence ("DOHA, March 4 -"), looked for once per article
/// (`cache`) in the first line that has " - " or ", ".
pub fn dateline_city(doc: &Document, cache: &mut Option<Option<String>>) -> Option<String> {
    cache
        .get_or_insert_with(|| {
            let lex = whomet_extract::lexicon::lexicon();
            let body = &doc.text[doc.body_start..];
            let line = body
                .lines()
                .find(|l| l.contains(" - ") || l.contains(", "))?;
            let city = line.trim().split(',').next()?.trim();
            whomet_core::work::tick(line.len());
            let titled = city
                .split_whitespace()
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ");
            (lex.is_place(&titled) && city.chars().all(|c| !c.is_lowercase())).then_some(titled)
        })
        .clone()
}
