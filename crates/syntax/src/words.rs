//! What the tagger, parser and name finder know about a word form before any context: its
//! normalised form, affixes and shape, computed once per token.

use crate::hash;

/// Precomputed keys of one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordKeys {
    /// The form as written.
    pub exact: u64,
    /// The normalised form ([`normalise`]).
    pub norm: u64,
    /// Last 1, 2, 3 and 4 characters, lower case.
    pub suffix: [u64; 4],
    /// First 1, 2 and 3 characters, lower case.
    pub prefix: [u64; 3],
    /// The shape ([`shape`]).
    pub shape: u64,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
}

impl WordKeys {
    /// The keys of `form`.
    pub fn new(form: &str) -> WordKeys {
        if form.is_ascii() && form.len() <= ASCII_MAX {
            return WordKeys::ascii(form.as_bytes());
        }
        let lower = form.to_lowercase();
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let n = chars.len();
        let suffix_at = |k: usize| {
            if k >= n { 0 } else { chars[n - k].0 }
        };
        let prefix_to = |k: usize| if k >= n { lower.len() } else { chars[k].0 };
        WordKeys {
            exact: hash::text(form),
            norm: hash::text(&normalise(form, &lower)),
            suffix: [1, 2, 3, 4].map(|k| hash::text(&lower[suffix_at(k)..])),
            prefix: [1, 2, 3].map(|k| hash::text(&lower[..prefix_to(k)])),
            shape: hash::text(&shape(form)),
            capitalised: form.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// The keys of a short ASCII form, as [`WordKeys::new`] gives them, without allocating.
    fn ascii(form: &[u8]) -> WordKeys {
        let mut lower = [0u8; ASCII_MAX];
        let lower = &mut lower[..form.len()];
        lower.copy_from_slice(form);
        lower.make_ascii_lowercase();
        let mut shape = [0u8; ASCII_MAX];
        let mut len = 0;
        let (mut last, mut run) = (0u8, 0);
        for &c in form {
            let k = match c {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                c => c,
            };
            if k == last {
                run += 1;
            } else {
                (last, run) = (k, 1);
            }
            if run <= 4 {
                shape[len] = k;
                len += 1;
            }
        }
        let shape = &shape[..len];
        let digits = form.iter().filter(|c| c.is_ascii_digit()).count();
        let norm = if digits == 0 {
            hash::Text::default().bytes(lower)
        } else if digits == form.len() && digits == 4 {
            hash::Text::default().bytes(b"<year>")
        } else if digits == form.len() {
            hash::Text::default().bytes(b"<number>")
        } else if form
            .iter()
            .all(|&c| c.is_ascii_digit() || b",.:/-".contains(&c))
        {
            hash::Text::default().bytes(b"<numeric>")
        } else {
            hash::Text::default()
                .bytes(b"<mixed:")
                .bytes(shape)
                .bytes(b">")
        };
        let n = lower.len();
        let key = |b: &[u8]| hash::Text::default().bytes(b).key();
        WordKeys {
            exact: key(form),
            norm: norm.key(),
            suffix: [1, 2, 3, 4].map(|k| key(&lower[n.saturating_sub(k)..])),
            prefix: [1, 2, 3].map(|k| key(&lower[..k.min(n)])),
            shape: key(shape),
            capitalised: form.first().is_some_and(u8::is_ascii_uppercase),
        }
    }

    /// The keys of the padding before the first and after the last word.
    pub fn padding() -> WordKeys {
        let k = hash::text("\u{0}pad");
        WordKeys {
            exact: k,
            norm: k,
            suffix: [k; 4],
            prefix: [k; 3],
            shape: k,
            capitalised: false,
        }
    }
}

/// The longest ASCII form [`WordKeys::new`] reads without allocating.
const ASCII_MAX: usize = 48;

/// The form the models see: lower case, with numbers reduced to their kind, so that "1987"
/// and "2024" are one word and "12,000" and "3.5" another.
pub fn normalise(form: &str, lower: &str) -> String {
    let digits = form.chars().filter(char::is_ascii_digit).count();
    if digits == 0 {
        return lower.to_string();
    }
    let all_digits = digits == form.chars().count();
    if all_digits && digits == 4 {
        "<year>".to_string()
    } else if all_digits {
        "<number>".to_string()
    } else if form
        .chars()
        .all(|c| c.is_ascii_digit() || ",.:/-".contains(c))
    {
        "<numeric>".to_string()
    } else {
        format!("<mixed:{}>", shape(form))
    }
}

/// The shape of a form: `X` for upper-case letters, `x` for lower-case, `d` for digits, other
/// characters as they are, with a run of one kind cut at four ("Xxxx" for "Haniyeh").
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            last = k;
            run = 1;
        }
        if run <= 4 {
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_normal_forms() {
        assert_eq!(shape("Haniyeh"), "Xxxxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1987"), "dddd");
        assert_eq!(normalise("1987", "1987"), "<year>");
        assert_eq!(normalise("12,000", "12,000"), "<numeric>");
        assert_eq!(normalise("Met", "met"), "met");
        assert_eq!(normalise("G7", "g7"), "<mixed:Xd>");
        for form in [
            "Haniyeh", "U.S.", "1987", "12,000", "G7", "a", "", "Xx-9.", "é",
        ] {
            let lower = form.to_lowercase();
            let slow = WordKeys {
                exact: hash::text(form),
                norm: hash::text(&normalise(form, &lower)),
                suffix: [1, 2, 3, 4].map(|k| {
                    let n = lower.chars().count();
                    hash::text(&lower.chars().skip(n.saturating_sub(k)).collect::<String>())
                }),
                prefix: [1, 2, 3].map(|k| hash::text(&lower.chars().take(k).collect::<String>())),
                shape: hash::text(&shape(form)),
                capitalised: form.chars().next().is_some_and(char::is_uppercase),
            };
            assert_eq!(WordKeys::new(form), slow, "{form}");
        }
        let k = WordKeys::new("Ab");
        assert_eq!(k.suffix[3], hash::text("ab"));
        assert_eq!(k.prefix[0], hash::text("a"));
    }
}
