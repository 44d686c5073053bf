//! Tokenisation as Universal Dependencies English tokenises: Unicode word boundaries (UAX #29),
//! then clitics split off ("Iran's" is "Iran" + "'s", "don't" is "do" + "n't"), and periods
//! of abbreviations and initials, dotted acronyms ("U.S."), ellipses and hyphenated names
//! ("Amir-Abdollahian") kept whole. Every token is a byte span of the original text.

use unicode_segmentation::UnicodeSegmentation;
use whomet_core::Span;

/// Abbreviations that take a period and do not end a sentence ("Mr.", "Gen.", "Jan."),
/// lower case. Sentence splitting reads the same list.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "maj", "capt", "adm", "sgt",
    "gov", "sen", "rep", "rev", "prof", "inc", "corp", "ltd", "co", "no", "vs", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "brig",
    "cmdr", "pct", "approx", "dept", "est",
];

/// Clitics split off the end of a word, as UD writes them (straight or curly apostrophe).
const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// The tokens of `text[span]`, as spans into `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Span> {
    let Some(piece) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let bounds: Vec<Span> = piece
        .split_word_bound_indices()
        .filter(|(_, t)| !t.chars().all(char::is_whitespace))
        .map(|(i, t)| Span::new(span.start + i, span.start + i + t.len()))
        .collect();
    let mut out: Vec<Span> = Vec::with_capacity(bounds.len() + 4);
    let mut i = 0;
    while i < bounds.len() {
        let t = bounds[i];
        let next = bounds.get(i + 1).copied();
        let adjacent = |a: Span, b: Option<Span>| b.is_some_and(|b| b.start == a.end);
        // A period that belongs to the word before it.
        // At the end of the sentence only a capitalised word keeps it ("Inc." but not "no.").
        let last = i + 2 == bounds.len();
        let keeps = takes_period(t.of(text))
            && (!last || t.of(text).chars().next().is_some_and(char::is_uppercase));
        if adjacent(t, next) && next.is_some_and(|n| n.of(text) == ".") && keeps {
            out.push(Span::new(t.start, t.end + 1));
            i += 2;
            continue;
        }
        // An ellipsis of periods.
        if t.of(text) == "." {
            let mut end = t.end;
            let mut j = i + 1;
            while j < bounds.len() && bounds[j].start == end && bounds[j].of(text) == "." {
                end = bounds[j].end;
                j += 1;
            }
            out.push(Span::new(t.start, end));
            i = j;
            continue;
        }
        // A hyphenated name: capitalised word, hyphen, word, with no spaces.
        if let Some((end, j)) = hyphenated_name(text, &bounds, i) {
            push_split(text, Span::new(t.start, end), &mut out);
            i = j;
            continue;
        }
        push_split(text, t, &mut out);
        i += 1;
    }
    out
}

/// Where a hyphenated name that starts at token `i` ends ("Amir-Abdollahian", "Abdul-Aziz
/// al-Saud" up to the space): its end byte and the index of the token after it.
fn hyphenated_name(text: &str, bounds: &[Span], i: usize) -> Option<(usize, usize)> {
    let hyphen = |s: Span| matches!(s.of(text), "-" | "\u{2010}" | "\u{2011}");
    if !is_name_part(bounds[i].of(text)) {
        return None;
    }
    let mut end = bounds[i].end;
    let mut j = i + 1;
    while j + 1 < bounds.len()
        && bounds[j].start == end
        && hyphen(bounds[j])
        && bounds[j + 1].start == bounds[j].end
        && is_name_part(bounds[j + 1].of(text))
    {
        end = bounds[j + 1].end;
        j += 2;
    }
    (j > i + 1).then_some((end, j))
}

/// A part of a hyphenated name: a word of letters that starts with a capital, or a lower-case
/// particle such as "al" or "bin" before or after one.
fn is_name_part(w: &str) -> bool {
    let mut chars = w.chars();
    let first = chars.next();
    first.is_some_and(|c| c.is_alphabetic())
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
        && (first.is_some_and(char::is_uppercase)
            || matches!(
                w,
                "al" | "el" | "ul" | "bin" | "ibn" | "abu" | "ud" | "ad" | "ol" | "ollah"
            ))
}

/// Whether `w` keeps a following period: a known abbreviation, a single letter (an initial),
/// or a dotted acronym ("U.S", "a.m").
fn takes_period(w: &str) -> bool {
    let lower = w.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut letters = 0;
    let mut dotted = true;
    for (i, c) in w.chars().enumerate() {
        if i % 2 == 0 {
            letters += 1;
            dotted &= c.is_alphabetic();
        } else {
            dotted &= c == '.';
        }
    }
    dotted && (letters == 1 && w.chars().all(char::is_uppercase) || letters >= 2 && w.contains('.'))
}

/// Pushes `t`, split before a clitic ending.
fn push_split(text: &str, t: Span, out: &mut Vec<Span>) {
    let word = t.of(text);
    for clitic in CLITICS {
        let n = clitic.len();
        // The clitic with a curly apostrophe is two bytes longer.
        for (ending, len) in [
            (clitic.to_string(), n),
            (clitic.replace('\'', "\u{2019}"), n + 2),
        ] {
            if word.len() > len
                && word.is_char_boundary(word.len() - len)
                && word[word.len() - len..].eq_ignore_ascii_case(&ending)
            {
                let stem = &word[..word.len() - len];
                if stem.chars().last().is_some_and(char::is_alphabetic) {
                    out.push(Span::new(t.start, t.end - len));
                    out.push(Span::new(t.end - len, t.end));
                    return;
                }
            }
        }
    }
    out.push(t);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn tokenises_as_ud_does() {
        assert_eq!(
            words("Iran's Mr. Amir-Abdollahian didn't meet J. Smith in the U.S. today..."),
            [
                "Iran",
                "'s",
                "Mr.",
                "Amir-Abdollahian",
                "did",
                "n't",
                "meet",
                "J.",
                "Smith",
                "in",
                "the",
                "U.S.",
                "today",
                "..."
            ]
        );
        assert_eq!(
            words("the well-known talks’ end"),
            ["the", "well", "-", "known", "talks", "’", "end"]
        );
        assert_eq!(
            words("Haniyeh’s visit, 1,000 people"),
            ["Haniyeh", "’s", "visit", ",", "1,000", "people"]
        );
        assert_eq!(words("can't won't"), ["ca", "n't", "wo", "n't"]);
        assert_eq!(words("He said no."), ["He", "said", "no", "."]);
        assert_eq!(
            words("He joined Acme Inc."),
            ["He", "joined", "Acme", "Inc."]
        );
    }
}
