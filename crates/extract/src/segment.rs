//! Segment stage: words (Unicode word boundaries) and abbreviation-aware sentences.

use crate::lexicon::with_lowercase;
use unicode_segmentation::UnicodeSegmentation;
use whomet_core::Span;

/// A word-boundary token of the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Decoded-text span.
    pub span: Span,
    /// Its text.
    pub text: &'a str,
}

impl Token<'_> {
    /// Starts with a letter or digit.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
    /// All white space.
    #[inline]
    pub fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
    /// Starts with an upper-case letter.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Word-boundary tokens of `text[span]`, with spans into `text`.
pub fn tokens(text: &str, span: Span) -> Vec<Token<'_>> {
    let mut spans = Vec::new();
    word_bounds(text, span, &mut spans);
    spans
        .into_iter()
        .map(|span| Token {
            span,
            text: span.of(text),
        })
        .collect()
}

/// Pushes the word-boundary tokens of `text[span]` (UAX #29, as `split_word_bound_indices`
/// gives them) to `out`, as spans into `text`.
fn word_bounds(text: &str, span: Span, out: &mut Vec<Span>) {
    // A line feed is always followed by a boundary (UAX #29 rule WB3a), so each line can be
    // segmented on its own, and an ASCII line (most lines of most articles) by the few rules
    // that ASCII needs.
    let mut start = span.start;
    for line in span.of(text).split_inclusive('\n') {
        if line.is_ascii() {
            ascii_word_bounds(line.as_bytes(), start, out);
        } else {
            out.extend(
                line.split_word_bound_indices()
                    .map(|(i, t)| Span::new(start + i, start + i + t.len())),
            );
        }
        start += line.len();
    }
}

/// The word bounds of ASCII text that starts at `start`: runs of letters, digits and `_` (with a
/// `.`, `'` or `:` between letters, or a `.`, `,`, `;` or `'` between digits), runs of spaces,
/// `\r\n`, and any other byte alone. This is unicode-segmentation's own ASCII fast path (which
/// it checks against the general rules), which `split_word_bound_indices` does not take.
fn ascii_word_bounds(line: &[u8], start: usize, out: &mut Vec<Span>) {
    let core = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let infix = |prev: u8, b: u8, next: u8| match b {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
        _ => false,
    };
    let mut i = 0;
    while i < line.len() {
        let mut j = i + 1;
        if line[i] == b' ' {
            while j < line.len() && line[j] == b' ' {
                j += 1;
            }
        } else if core(line[i]) {
            while j < line.len()
                && (core(line[j]) || j + 1 < line.len() && infix(line[j - 1], line[j], line[j + 1]))
            {
                j += 1;
            }
        } else if line[i] == b'\r' && line.get(j) == Some(&b'\n') {
            j += 1;
        }
        out.push(Span::new(start + i, start + j));
        i = j;
    }
}

/// Joins words linked by hyphens into one token ("Cheuk-ting", "al-Nakhala", "Jong-un"): a
/// hyphenated name part is judged as a whole. Replaces the contents of `out`.
pub fn merge_hyphens<'t>(text: &'t str, toks: &[Token<'t>], out: &mut Vec<Token<'t>>) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        let mut span = toks[i].span;
        let mut j = i;
        while toks[j].is_word()
            && toks.get(j + 1).is_some_and(|h| h.text == "-")
            && toks.get(j + 2).is_some_and(|w| w.is_word())
        {
            span.end = toks[j + 2].span.end;
            j += 2;
        }
        out.push(if j == i {
            toks[i]
        } else {
            Token {
                span,
                text: span.of(text),
            }
        });
        i = j + 1;
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "maj", "capt", "adm", "sgt",
    "gov", "sen", "rep", "rev", "prof", "inc", "corp", "ltd", "co", "no", "vs", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "brig",
    "cmdr", "pct", "approx", "dept", "est",
];

/// Sentences and word tokens of a document, segmented once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segments {
    /// Sentences, as trimmed decoded-text spans.
    pub sentences: Vec<Span>,
    /// Every word-boundary token of the body, in order.
    tokens: Vec<Span>,
    /// The tokens that are not white space, which most passes read alone.
    non_space: Vec<Span>,
}

impl Segments {
    /// Segments `text[from..]`.
    pub fn new(text: &str, from: usize) -> Segments {
        let mut tokens = Vec::new();
        word_bounds(text, Span::new(from, text.len()), &mut tokens);
        let sentences = split(text, from, &tokens);
        let non_space = tokens
            .iter()
            .copied()
            .filter(|t| !t.of(text).chars().all(char::is_whitespace))
            .collect();
        Segments {
            sentences,
            tokens,
            non_space,
        }
    }

    /// The tokens of sentence `si`, white space included.
    pub fn tokens<'t>(
        &self,
        text: &'t str,
        si: usize,
    ) -> impl Iterator<Item = Token<'t>> + use<'_, 't> {
        self.of_sentence(&self.tokens, text, si)
    }

    /// The tokens of sentence `si` but those of white space: `tokens(text, si)` without
    /// [`Token::is_space`] ones.
    pub fn non_space<'t>(
        &self,
        text: &'t str,
        si: usize,
    ) -> impl Iterator<Item = Token<'t>> + use<'_, 't> {
        self.of_sentence(&self.non_space, text, si)
    }

    /// The tokens among `spans` that start in sentence `si`.
    fn of_sentence<'s, 't>(
        &self,
        spans: &'s [Span],
        text: &'t str,
        si: usize,
    ) -> impl Iterator<Item = Token<'t>> + use<'s, 't> {
        let s = self.sentences.get(si).copied().unwrap_or_default();
        let from = spans.partition_point(|t| t.start < s.start);
        let to = spans.partition_point(|t| t.start < s.end);
        spans[from..to.max(from)].iter().map(move |&span| Token {
            span,
            // `span.of(text)`, inlined: this runs for every token of every pass.
            text: text.get(span.start..span.end).unwrap_or(""),
        })
    }
}

/// Sentences of `text[from..]`, as trimmed spans. Splits after `.`, `!` or `?` followed by a
/// capitalised word, a digit or a quote, except after abbreviations ("Gen.", "Oct.", "U.S.")
/// and initials; always splits at blank lines, indented line starts and after headline lines.
pub fn sentences(text: &str, from: usize) -> Vec<Span> {
    Segments::new(text, from).sentences
}

fn split(text: &str, from: usize, spans: &[Span]) -> Vec<Span> {
    let toks: Vec<Token<'_>> = spans
        .iter()
        .map(|&span| Token {
            span,
            text: text.get(span.start..span.end).unwrap_or(""),
        })
        .collect();
    let mut out = Vec::new();
    let mut start = from;
    let mut i = 0;
    while i < toks.len() {
        whomet_core::work::tick(1);
        let t = toks[i];
        let mut cut: Option<usize> = None;
        if t.is_space() && t.text.contains('\n') {
            // Word bounds split white space at each line break: read the whole run.
            let mut last = i;
            while toks.get(last + 1).is_some_and(|n| n.is_space()) {
                last += 1;
            }
            let run = &text[t.span.start..toks[last].span.end];
            let line_start = text[..t.span.start].rfind('\n').map_or(from, |p| p + 1);
            let line = &text[line_start.max(start)..t.span.start];
            let blank = run.matches('\n').count() >= 2;
            let indent = run.ends_with("  ") || run.ends_with('\t');
            i = last;
            let headline =
                line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
            // A bulleted line is a sentence of its own ("- ", "* ", "\u{2022} ", "1. ").
            let next_line = &text[toks[last].span.end..];
            let bullet = bullet_len(line.trim_start()) > 0 || bullet_len(next_line) > 0;
            if blank || indent || headline || bullet {
                cut = Some(t.span.start);
            }
        } else if matches!(t.text, "." | "!" | "?" | "\u{2026}") {
            let mut j = i + 1;
            while j < toks.len() && is_closer(toks[j].text) {
                j += 1;
            }
            let end = toks.get(j - 1).map_or(t.span.end, |c| c.span.end);
            let next = toks[j..].iter().find(|n| !n.is_space());
            let spaced = toks.get(j).is_some_and(|n| n.is_space());
            let starts_sentence = next.is_some_and(|n| {
                n.is_capitalized()
                    || n.text.starts_with(|c: char| c.is_ascii_digit())
                    || is_opener(n.text)
            });
            let after_abbreviation = t.text == "." && i > 0 && is_abbreviation(toks[i - 1].text);
            // The number of a numbered line ("1. ") opens its sentence.
            let list_number = t.text == "."
                && i > 0
                && toks[i - 1].text.bytes().all(|b| b.is_ascii_digit())
                && text[..toks[i - 1].span.start]
                    .rsplit('\n')
                    .next()
                    .is_some_and(|before| before.trim().is_empty());
            if (spaced || next.is_none()) && starts_sentence && !after_abbreviation && !list_number
            {
                cut = Some(end);
                i = j - 1;
            }
        }
        if let Some(c) = cut {
            push_trimmed(text, start, c, &mut out);
            start = c;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The length of the bullet that opens `line` ("- ", "* ", "\u{2022} ", "12. ", "3) "), or 0.
pub(crate) fn bullet_len(line: &str) -> usize {
    let marker = match line.chars().next() {
        Some('-' | '*' | '\u{2022}' | '\u{2023}' | '\u{25aa}' | '\u{2013}') => {
            line.chars().next().map_or(0, char::len_utf8)
        }
        Some('0'..='9') => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            match line.as_bytes().get(digits) {
                Some(b'.' | b')') if digits <= 3 => digits + 1,
                _ => 0,
            }
        }
        _ => 0,
    };
    match line[marker..].chars().next() {
        Some(' ' | '\t') if marker > 0 => marker + 1,
        _ => 0,
    }
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | ")" | "]" | "\u{201d}" | "\u{2019}")
}

fn is_opener(t: &str) -> bool {
    matches!(t, "\"" | "(" | "[" | "\u{201c}" | "\u{2018}")
}

fn is_abbreviation(word: &str) -> bool {
    // Initials ("J."), dotted abbreviations ("U.S"), and the list above.
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.') && word.len() <= 6)
        || with_lowercase(word, |w| ABBREVIATIONS.contains(&w))
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: expect_test::Expect) {
        let out: Vec<&str> = sentences(text, 0).iter().map(|s| s.of(text)).collect();
        expect.assert_debug_eq(&out);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        check(
            "He met Gen. Musharraf in the U.S. on Oct. 15. Then George W. Bush left! \"Yes.\" No",
            expect_test::expect![[r#"
                [
                    "He met Gen. Musharraf in the U.S. on Oct. 15.",
                    "Then George W. Bush left!",
                    "\"Yes.\"",
                    "No",
                ]
            "#]],
        );
    }

    /// Line by line, with the ASCII rules where they apply, the tokens are those of
    /// `split_word_bound_indices` over the whole text.
    #[test]
    fn word_bounds_are_those_of_unicode_segmentation() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "7",
            "0",
            "_",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            ".",
            ",",
            ";",
            ":",
            "'",
            "\"",
            "-",
            "/",
            "$",
            "\u{e9}",
            "\u{301}",
            "\u{200d}",
            "\u{2019}",
            "\u{201c}",
            "\u{a0}",
            "\u{85}",
            "\u{2028}",
            "\u{5d0}",
            "\u{30a2}",
            "\u{1f1eb}",
            "\u{1f600}",
            "\u{fffd}",
            "\u{3000}",
            "\u{ff11}",
            "Iran",
            "2024",
            "U.S.",
            "1,000.5",
            "can't",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            let len = (seed >> 60) as usize + 1;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let from = text.char_indices().map(|(i, _)| i).nth(1).unwrap_or(0);
            let expected: Vec<Span> = text[from..]
                .split_word_bound_indices()
                .map(|(i, t)| Span::new(from + i, from + i + t.len()))
                .collect();
            let mut got = Vec::new();
            word_bounds(&text, Span::new(from, text.len()), &mut got);
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn each_bulleted_line_is_a_sentence() {
        check(
            "The leaders who took part include:\n\n-   Senator Ana Vell (D-GA)\n-   Bo Dunmore, Director, Vell Fund\n* Cai Rho\n\u{2022} Dee Mott\n1. Eli Sorn, Chair\n2) Fay Lu\nwrapped on. Then 2. is no bullet",
            expect_test::expect![[r#"
                [
                    "The leaders who took part include:",
                    "-   Senator Ana Vell (D-GA)",
                    "-   Bo Dunmore, Director, Vell Fund",
                    "* Cai Rho",
                    "• Dee Mott",
                    "1. Eli Sorn, Chair",
                    "2) Fay Lu",
                    "wrapped on.",
                    "Then 2. is no bullet",
                ]
            "#]],
        );
    }

    #[test]
    fn headlines_paragraphs_and_wrapped_lines() {
        check(
            "NAKASONE TO MEET REAGAN\n    TOKYO, April 27 - Prime Minister Yasuhiro\nNakasone sets out\nWednesday.\n\nNext one",
            expect_test::expect![[r#"
                [
                    "NAKASONE TO MEET REAGAN",
                    "TOKYO, April 27 - Prime Minister Yasuhiro\nNakasone sets out\nWednesday.",
                    "Next one",
                ]
            "#]],
        );
    }
}
