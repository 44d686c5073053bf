use crate::Span;
use serde::{Deserialize, Serialize};

/// Maps byte offsets of a document's decoded text back to its original text.
///
/// Decoding (HTML character references, invalid UTF-8 replaced by U+FFFD) changes lengths; the
/// map records an anchor wherever the two texts fall out of step. Between anchors offsets move
/// together. An offset inside a replaced stretch maps to the start of its original.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMap {
    /// `(decoded offset, original offset)` pairs, strictly increasing in both.
    anchors: Vec<(usize, usize)>,
    /// Original stretches replaced wholesale: `(decoded start, decoded end, original end)`.
    replaced: Vec<(usize, usize, usize)>,
}

impl SourceMap {
    /// Records that decoded `decoded_start..decoded_end` came from the original
    /// `original_start..original_end`. Calls must come in text order.
    pub fn replace(
        &mut self,
        decoded_start: usize,
        decoded_end: usize,
        original_start: usize,
        original_end: usize,
    ) {
        self.anchors.push((decoded_start, original_start));
        self.anchors.push((decoded_end, original_end));
        self.replaced
            .push((decoded_start, decoded_end, original_end));
    }

    /// Original offset of decoded offset `pos`.
    pub fn original(&self, pos: usize) -> usize {
        let i = self.anchors.partition_point(|&(d, _)| d <= pos);
        if i == 0 {
            return pos;
        }
        let (d, o) = self.anchors[i - 1];
        // Inside a replaced stretch: map to its start.
        let j = self.replaced.partition_point(|&(s, _, _)| s <= pos);
        if j > 0 {
            let (s, e, _) = self.replaced[j - 1];
            if pos > s && pos < e {
                return self.original(s);
            }
        }
        o + (pos - d)
    }

    /// Original span of a decoded span. An end inside a replaced stretch extends to its end.
    pub fn original_span(&self, span: Span) -> Span {
        let j = self.replaced.partition_point(|&(s, _, _)| s < span.end);
        let end = match j.checked_sub(1).map(|k| self.replaced[k]) {
            Some((s, e, oe)) if span.end > s && span.end < e => oe,
            _ => self.original(span.end),
        };
        Span::new(self.original(span.start), end)
    }
}

/// An article ready for analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Document id: the file's path relative to the input directory without the extension
    /// (its stem, for a file named itself), or the `id` of a JSON line.
    pub id: String,
    /// Where it came from (file path, or `<stdin>:LINE`), for diagnostics.
    pub source: String,
    /// Decoded text. Analysis spans index this; [`Document::map`] leads back to the original.
    pub text: String,
    /// Decoded offset where the text to analyse starts (after a `date YYYY-MM-DD` header).
    pub body_start: usize,
    /// From decoded offsets to original offsets.
    pub map: SourceMap,
    /// Document date.
    pub date: Option<chrono::NaiveDate>,
    /// Title, when the input gave one.
    pub title: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_around_replacements() {
        // original: "a&amp;b"  decoded: "a&b"
        let mut m = SourceMap::default();
        m.replace(1, 2, 1, 6);
        assert_eq!(m.original(0), 0);
        assert_eq!(m.original(1), 1);
        assert_eq!(m.original(2), 6);
        assert_eq!(m.original(3), 7);
        assert_eq!(m.original_span(Span::new(0, 3)), Span::new(0, 7));
        assert_eq!(m.original_span(Span::new(1, 2)), Span::new(1, 6));
    }
}
