//! Helpers over a sentence's text: lower-case tokens in one buffer, and the excerpt an event's
//! evidence shows.

use whomet_core::Span;
use whomet_extract::segment::Token;

/// Tokens in lower case, all in one buffer: one allocation per sentence, not one per token.
#[derive(Default)]
pub struct LowerWords {
    text: String,
    ends: Vec<usize>,
}

impl LowerWords {
    /// The lower-case forms of `toks`, as `str::to_lowercase` makes them.
    pub fn of(&mut self, toks: &[Token<'_>]) -> Vec<&str> {
        self.text.clear();
        self.ends.clear();
        for t in toks {
            let start = self.text.len();
            if t.text.is_ascii() {
                self.text.push_str(t.text);
                self.text[start..].make_ascii_lowercase();
            } else {
                self.text.push_str(&t.text.to_lowercase());
            }
            self.ends.push(self.text.len());
        }
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let w = &self.text[start..end];
                start = end;
                w
            })
            .collect()
    }
}

/// Evidence longer than this is cut to a window around its trigger.
pub const MAX_EVIDENCE: usize = 1200;

/// The sentence, or for an overlong one a window of it around the trigger, at word bounds.
pub fn excerpt(text: &str, sentence: Span, trigger: Span) -> Span {
    if sentence.end - sentence.start <= MAX_EVIDENCE {
        return sentence;
    }
    let half = MAX_EVIDENCE / 2;
    let mut start = trigger.start.saturating_sub(half).max(sentence.start);
    let mut end = (trigger.end + half).min(sentence.end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Start and end on white space where there is some near.
    if let Some(p) = text[start..trigger.start].find(char::is_whitespace) {
        start += p;
    }
    if let Some(p) = text[trigger.end..end].rfind(char::is_whitespace) {
        end = trigger.end + p;
    }
    let s = Span::new(start, end);
    let trimmed = s.of(text).trim();
    let lead = s.of(text).len() - s.of(text).trim_start().len();
    Span::new(start + lead, start + lead + trimmed.len())
}

/// The lead sentence of the article's first window: the first that is not an upper-case
/// headline (`usize::MAX` in later windows, which have none).
pub fn lead(text: &str, sentences: &[Span], first: bool) -> usize {
    if !first {
        return usize::MAX;
    }
    sentences
        .iter()
        .position(|s| s.of(text).chars().any(char::is_lowercase))
        .unwrap_or(0)
}
