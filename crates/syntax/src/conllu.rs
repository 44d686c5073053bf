//! Reading and writing CoNLL-U, the format of the Universal Dependencies treebanks
//! (<https://universaldependencies.org/format.html>). Multi-word token lines (`3-4`) and empty
//! nodes (`5.1`) are skipped: the tagger and parser work on syntactic words.

use crate::tags::{Rel, Upos, Xpos};

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeWord {
    /// The word as written.
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Xpos,
    /// 1-based index of the head word, 0 for the root.
    pub head: usize,
    /// Relation to the head.
    pub rel: Rel,
    /// The MISC column (`_` when empty).
    pub misc: String,
}

/// A sentence of a treebank.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TreeSentence {
    /// `# sent_id`.
    pub id: String,
    /// `# newdoc id` of the document the sentence belongs to (carried over from earlier
    /// sentences).
    pub doc: String,
    /// Its words.
    pub words: Vec<TreeWord>,
}

/// A line of CoNLL-U that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Reads the sentences of a CoNLL-U text. A sentence with a bad line is left out and the line
/// reported; the others are still read.
pub fn read(text: &str) -> (Vec<TreeSentence>, Vec<ConlluError>) {
    let mut sentences = Vec::new();
    let mut errors = Vec::new();
    let mut current = TreeSentence::default();
    let mut doc = String::new();
    let mut bad = false;
    let finish = |current: &mut TreeSentence, bad: &mut bool, out: &mut Vec<TreeSentence>| {
        let s = std::mem::take(current);
        if !s.words.is_empty() && !*bad {
            out.push(s);
        }
        *bad = false;
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            finish(&mut current, &mut bad, &mut sentences);
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(id) = comment.strip_prefix("newdoc id =") {
                doc = id.trim().to_string();
            } else if let Some(id) = comment.strip_prefix("sent_id =") {
                current.id = id.trim().to_string();
            }
            continue;
        }
        match word(line, current.words.len() + 1) {
            Ok(Some(w)) => {
                current.doc.clone_from(&doc);
                current.words.push(w);
            }
            Ok(None) => {}
            Err(message) => {
                errors.push(ConlluError {
                    line: i + 1,
                    message,
                });
                bad = true;
            }
        }
    }
    finish(&mut current, &mut bad, &mut sentences);
    // Heads must point inside their sentence.
    sentences.retain(|s| s.words.iter().all(|w| w.head <= s.words.len()));
    (sentences, errors)
}

/// Parses one word line; `None` for multi-word tokens and empty nodes.
fn word(line: &str, expected: usize) -> Result<Option<TreeWord>, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(format!("{} columns, expected 10", cols.len()));
    }
    if cols[0].contains('-') || cols[0].contains('.') {
        return Ok(None);
    }
    let id: usize = cols[0]
        .parse()
        .map_err(|_| format!("bad word id {:?}", cols[0]))?;
    if id != expected {
        return Err(format!("word id {id}, expected {expected}"));
    }
    let upos = Upos::parse(cols[3]).ok_or_else(|| format!("unknown UPOS {:?}", cols[3]))?;
    let xpos = Xpos::parse(cols[4]).unwrap_or(Xpos::Xx);
    let head = cols[6]
        .parse()
        .map_err(|_| format!("bad head {:?}", cols[6]))?;
    let rel = Rel::parse(cols[7]).ok_or_else(|| format!("unknown relation {:?}", cols[7]))?;
    Ok(Some(TreeWord {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos,
        xpos,
        head,
        rel,
        misc: cols[9].to_string(),
    }))
}

/// Writes a parsed sentence of `text` as CoNLL-U lines (`# sent_id`, `# text`, one line per
/// word, a blank line). `original` maps a span of `text` to the span that MISC's `Span=` reports
/// (byte offsets into the original file).
pub fn write(
    out: &mut String,
    id: &str,
    text: &str,
    words: &[crate::Word],
    original: impl Fn(whomet_core::Span) -> whomet_core::Span,
) {
    use std::fmt::Write;
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    let sentence = whomet_core::Span::new(first.span.start, last.span.end);
    let _ = writeln!(out, "# sent_id = {id}");
    let _ = writeln!(out, "# text = {}", column_text(sentence.of(text)));
    for (i, w) in words.iter().enumerate() {
        let span = original(w.span);
        let mut misc = format!("Span={}-{}", span.start, span.end);
        if words.get(i + 1).is_some_and(|n| n.span.start == w.span.end) {
            misc.push_str("|SpaceAfter=No");
        }
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
            i + 1,
            column(w.span.of(text)),
            column(&w.lemma),
            w.upos,
            w.xpos,
            w.head.map_or(0, |h| h + 1),
            w.rel,
            misc
        );
    }
    out.push('\n');
}

/// Text for a `# text =` comment: one line.
fn column_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Replaces what CoNLL-U cannot hold in a column (tabs, line breaks; empty text) so that a
/// written line always has ten columns.
pub fn column(text: &str) -> String {
    if text.is_empty() {
        return "_".to_string();
    }
    text.chars()
        .map(|c| if c.is_whitespace() { '\u{a0}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_skips_ranges_and_reports_bad_lines() {
        let text = "# newdoc id = d1\n# sent_id = s1\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
            1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n\n\
            # sent_id = s2\n1\tx\tx\tBAD\tNN\t_\t0\troot\t_\t_\n\n\
            # sent_id = s3\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";
        let (sentences, errors) = read(text);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].words[1].rel, Rel::Advmod);
        assert_eq!(sentences[1].id, "s3");
        assert_eq!(sentences[1].doc, "d1");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 8);
    }
}
