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
/// dozen words), else the dateline city for the lead sentence.
pub fn place(
    doc: &Document,
    found: &[(usize, String)],
    trig: (usize, usize),
    first: bool,
) -> Option<String> {
    let near = found
        .iter()
        .filter(|(i, _)| *i + 12 >= trig.0 && *i <= trig.1 + 12)
        .min_by_key(|(i, _)| if *i >= trig.1 { i - trig.1 } else { trig.0 - i });
    if let Some((_, p)) = near {
        return Some(p.clone());
    }
    let lex = whomet_extract::lexicon::lexicon();
    if first {
        let body = &doc.text[doc.body_start..];
        let line: String = body
            .lines()
            .find(|l| l.contains(" - ") || l.contains(", "))?
            .to_string();
        let city = line.trim().split(',').next()?.trim();
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
        if lex.is_place(&titled) && city.chars().all(|c| !c.is_lowercase()) {
            return Some(titled);
        }
    }
    None
}
