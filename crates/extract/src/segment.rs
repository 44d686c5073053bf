//! Segment stage: words (Unicode word boundaries) and abbreviation-aware sentences.

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
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
    /// All white space.
    pub fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Word-boundary tokens of `text[span]`, with spans into `text`.
pub fn tokens(text: &str, span: Span) -> Vec<Token<'_>> {
    span.of(text)
        .split_word_bound_indices()
        .map(|(i, t)| Token {
            span: Span::new(span.start + i, span.start + i + t.len()),
            text: t,
        })
        .collect()
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
}

impl Segments {
    /// Segments `text[from..]`.
    pub fn new(text: &str, from: usize) -> Segments {
        let tokens: Vec<Span> = tokens(text, Span::new(from, text.len()))
            .into_iter()
            .map(|t| t.span)
            .collect();
        let sentences = split(text, from, &tokens);
        Segments { sentences, tokens }
    }

    /// The tokens of sentence `si`, white space included.
    pub fn tokens<'t>(
        &self,
        text: &'t str,
        si: usize,
    ) -> impl Iterator<Item = Token<'t>> + use<'_, 't> {
        let s = self.sentences.get(si).copied().unwrap_or_default();
        let from = self.tokens.partition_point(|t| t.start < s.start);
        let to = self.tokens.partition_point(|t| t.start < s.end);
        self.tokens[from..to.max(from)]
            .iter()
            .map(move |&span| Token {
                span,
                text: span.of(text),
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
            text: span.of(text),
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
            if blank || indent || headline {
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
            if (spaced || next.is_none()) && starts_sentence && !after_abbreviation {
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

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | ")" | "]" | "\u{201d}" | "\u{2019}")
}

fn is_opener(t: &str) -> bool {
    matches!(t, "\"" | "(" | "[" | "\u{201c}" | "\u{2018}")
}

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    // Initials ("J."), dotted abbreviations ("U.S"), and the list above.
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.') && word.len() <= 6)
        || ABBREVIATIONS.contains(&lower.as_str())
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
