//! Read stage: raw bytes of an article to a [`Document`] (decoded text, source map, date).

use chrono::NaiveDate;
use whomet_core::{Diagnostic, Document, SourceMap};

/// Where an article came from and what its container already says about it.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    /// Document id.
    pub id: &'a str,
    /// File path or `<stdin>:LINE`, for diagnostics.
    pub source: &'a str,
    /// Date given by the container (a JSON line's `date`), if any.
    pub date: Option<NaiveDate>,
    /// Title given by the container, if any.
    pub title: Option<&'a str>,
}

/// Decodes an article: invalid UTF-8 is replaced (and reported), HTML character references are
/// decoded, a leading `date YYYY-MM-DD` header is read and skipped, and when no date is known a
/// dateline ("MOSCOW, March 31 -", "WANA (Mar 26) -") plus a year in the text supplies one.
pub fn prepare(input: &Input<'_>, bytes: &[u8]) -> (Document, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut text = String::with_capacity(bytes.len());
    let mut map = SourceMap::default();
    let mut invalid = 0usize;
    let mut offset = 0usize;
    for chunk in bytes.utf8_chunks() {
        decode_entities(chunk.valid(), offset, &mut text, &mut map);
        offset += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            let start = text.len();
            text.push('\u{FFFD}');
            map.replace(start, text.len(), offset, offset + bad.len());
            offset += bad.len();
            invalid += bad.len();
        }
    }
    if invalid > 0 {
        diagnostics.push(Diagnostic {
            source: input.source.to_string(),
            line: None,
            message: format!("{invalid} invalid UTF-8 byte(s) replaced by U+FFFD"),
        });
    }

    // A byte-order mark is not text: the body (and a `date` header) starts after it.
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let (header_date, body_start) = date_header(&text[bom..]);
    let body_start = bom + body_start;
    let date = input
        .date
        .or(header_date)
        .or_else(|| dateline_date(&text[body_start..]));
    let doc = Document {
        id: input.id.to_string(),
        source: input.source.to_string(),
        text,
        body_start,
        map,
        date,
        title: input.title.map(str::to_string),
    };
    (doc, diagnostics)
}

/// Appends `s` (which starts at original offset `offset`) to `out`, decoding HTML character
/// references and recording each replacement in `map`.
fn decode_entities(s: &str, offset: usize, out: &mut String, map: &mut SourceMap) {
    let mut rest = s;
    let mut pos = offset;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        pos += amp;
        rest = &rest[amp..];
        // `&name;`, the `;` within the longest entity name's reach.
        let reach = rest.len().min(htmlize::ENTITY_MAX_LENGTH);
        let start = out.len();
        let decoded = rest.as_bytes()[1..reach]
            .iter()
            .position(|&b| b == b';')
            .map(|semi| semi + 2)
            .filter(|&len| push_entity(&rest[..len], out));
        match decoded {
            Some(len) => {
                map.replace(start, out.len(), pos, pos + len);
                pos += len;
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                pos += 1;
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Pushes the text of a character reference `&...;` to `out`, if it is one: numeric
/// (`&#322;`, `&#x142;`) or any of the HTML named references (`&lstrok;`), from htmlize's copy
/// of the WHATWG table.
fn push_entity(reference: &str, out: &mut String) -> bool {
    let Some(name) = reference
        .strip_prefix('&')
        .and_then(|r| r.strip_suffix(';'))
    else {
        return false;
    };
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse().ok(),
        };
        return match code.and_then(char::from_u32).filter(|c| *c != '\0') {
            Some(c) => {
                out.push(c);
                true
            }
            None => false,
        };
    }
    match htmlize::ENTITIES
        .get(reference.as_bytes())
        .and_then(|t| std::str::from_utf8(t).ok())
    {
        Some(text) => {
            out.push_str(text);
            true
        }
        None => false,
    }
}

/// A leading `date YYYY-MM-DD` (whitespace before it allowed): the date and where the body
/// starts.
fn date_header(text: &str) -> (Option<NaiveDate>, usize) {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let Some(after) = rest.strip_prefix("date ") else {
        return (None, 0);
    };
    let Some(d) = after
        .get(..10)
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    else {
        return (None, 0);
    };
    let end = lead + 5 + 10;
    let body = end + (text[end..].len() - text[end..].trim_start().len());
    (Some(d), body)
}

/// Month number of an English month name or its abbreviation ("Oct", "Oct.", "October").
pub fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    // `w` in ASCII lower case is the name or, three or four letters long, its start.
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (w.len() >= 3
                    && w.len() <= 4
                    && m.get(..w.len()).is_some_and(|s| s.eq_ignore_ascii_case(w)))
        })
        .map(|i| i as u32 + 1)
}

/// A dateline's month and day in the first lines, completed by a year from the text.
fn dateline_date(body: &str) -> Option<NaiveDate> {
    let head: String = body.chars().take(400).collect();
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (month, day) = words.windows(2).find_map(|w| {
        let m = month_number(w[0])?;
        let d: u32 = w[1]
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .ok()?;
        (1..=31).contains(&d).then_some((m, d))
    })?;
    let year = year_for(body, month, day)?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The year of a "Month Day, YYYY" naming the dateline's day, else the most frequent plausible
/// year mentioned.
fn year_for(body: &str, month: u32, day: u32) -> Option<i32> {
    let words: Vec<&str> = body
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &str| -> Option<i32> {
        let w = w.trim_end_matches(|c: char| !c.is_ascii_digit());
        (w.len() == 4)
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    };
    for w in words.windows(3) {
        if month_number(w[0]) == Some(month)
            && w[1].trim_end_matches(|c: char| !c.is_ascii_digit()).parse() == Ok(day)
            && let Some(y) = year(w[2])
        {
            return Some(y);
        }
    }
    let mut counts = std::collections::BTreeMap::new();
    for w in &words {
        if let Some(y) = year(w) {
            *counts.entry(y).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use whomet_core::Span;

    fn check(bytes: &[u8], expect: expect_test::Expect) {
        let input = Input {
            id: "d",
            source: "d.txt",
            ..Input::default()
        };
        let (doc, diags) = prepare(&input, bytes);
        let body = &doc.text[doc.body_start..];
        let mut out = format!("date={:?} body={:?}\n", doc.date, body);
        for d in diags {
            out += &format!("{d}\n");
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn date_header_on_the_same_line_as_the_text() {
        check(
            b" date 2024-03-28 Amidst the backdrop",
            expect_test::expect![[r#"
                date=Some(2024-03-28) body="Amidst the backdrop"
            "#]],
        );
    }

    #[test]
    fn dateline_completed_by_a_year_in_a_caption() {
        check(
            "WANA (Mar 26) \u{2013} X entered Tehran. Caption, Iran, March 26, 2024. Y".as_bytes(),
            expect_test::expect![[r#"
                date=Some(2024-03-26) body="WANA (Mar 26) – X entered Tehran. Caption, Iran, March 26, 2024. Y"
            "#]],
        );
    }

    #[test]
    fn every_named_reference_decodes() {
        let bytes = "Lech Wa&lstrok;&eogon;sa, Fran&ccedil;ois &amp; Ren&eacute;e &NotEqualTilde; &bogus; &amp &#x142;&#0;".as_bytes();
        let (doc, _) = prepare(&Input::default(), bytes);
        assert_eq!(
            doc.text,
            "Lech Wa\u{142}\u{119}sa, Fran\u{e7}ois & Ren\u{e9}e \u{2242}\u{338} &bogus; &amp \u{142}&#0;"
        );
        let at = doc.text.find("\u{119}").unwrap();
        let span = doc.map.original_span(whomet_core::Span::new(at, at + 2));
        assert_eq!(&bytes[span.start..span.end], b"&eogon;");
    }

    #[test]
    fn entities_and_invalid_bytes_decode_with_spans_into_the_file() {
        let bytes = b"Caf&#233; &amp; \xff Bar";
        check(
            bytes,
            expect_test::expect![[r#"
                date=None body="Café & � Bar"
                d.txt: 1 invalid UTF-8 byte(s) replaced by U+FFFD
            "#]],
        );
        let (doc, _) = prepare(&Input::default(), bytes);
        let bar = doc.text.find("Bar").unwrap();
        let span = doc.map.original_span(Span::new(bar, bar + 3));
        assert_eq!(&bytes[span.start..span.end], b"Bar");
        let e = doc.text.find('é').unwrap();
        let span = doc.map.original_span(Span::new(e, e + 'é'.len_utf8()));
        assert_eq!(&bytes[span.start..span.end], b"&#233;");
    }

    #[test]
    fn month_names_and_abbreviations_in_any_case() {
        let months = [
            "Oct",
            "oct.",
            "OCTOBER",
            "Octo",
            "Octob",
            "May",
            "mayo",
            "Sept",
            "Sep.",
            "Ju",
            "Jun",
            "JUNE",
            "D\u{e9}c",
            "Dece",
            "december.",
            "Marc",
            "Ma",
            "",
            "...",
        ];
        let found: Vec<Option<u32>> = months.iter().map(|w| month_number(w)).collect();
        assert_eq!(
            found,
            [
                Some(10),
                Some(10),
                Some(10),
                Some(10),
                None,
                Some(5),
                None,
                Some(9),
                Some(9),
                None,
                Some(6),
                Some(6),
                None,
                Some(12),
                Some(12),
                Some(3),
                None,
                None,
                None
            ]
        );
    }

    #[test]
    fn no_date_anywhere() {
        check(
            b"Blair congratulates Bush on win",
            expect_test::expect![[r#"
                date=None body="Blair congratulates Bush on win"
            "#]],
        );
    }
}
