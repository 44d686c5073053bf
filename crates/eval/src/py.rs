//! The few Python built-ins whose exact behaviour `score.py`'s output depends on: `str.strip`,
//! `round(x, 4)`, `repr` of strings, lists and dicts, and `str` of decoded JSON values.

use serde_json::Value;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Python's `str.isspace`: Rust's `White_Space` plus the four information separators.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's `str.strip()`.
pub(crate) fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Python's `round(x, 4)`: the exact binary value rounded half-to-even at four decimals (what
/// `{:.4}` does), read back as the nearest double, as CPython's `double_round` does.
pub(crate) fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// Python's `repr`, written into `out`.
pub(crate) trait Repr {
    /// Appends the repr of `self`.
    fn repr_into(&self, out: &mut String);
    /// The repr of `self`.
    fn repr(&self) -> String {
        let mut out = String::new();
        self.repr_into(&mut out);
        out
    }
}

impl Repr for str {
    /// CPython's `unicode_repr`: single quotes unless the text has a `'` and no `"`.
    fn repr_into(&self, out: &mut String) {
        let quote = if self.contains('\'') && !self.contains('"') {
            '"'
        } else {
            '\''
        };
        out.push(quote);
        for c in self.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if c == quote => {
                    out.push('\\');
                    out.push(c);
                }
                c if is_printable(c) => out.push(c),
                c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
                c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push_str(&format!("\\U{:08x}", c as u32)),
            }
        }
        out.push(quote);
    }
}

/// Python's `str.isprintable` for one character: all but the categories Cc, Cf, Cs, Co, Cn,
/// Zl, Zp and Zs (the space excepted).
fn is_printable(c: char) -> bool {
    use GeneralCategory as G;
    c == ' '
        || !matches!(
            c.general_category(),
            G::Control
                | G::Format
                | G::Surrogate
                | G::PrivateUse
                | G::Unassigned
                | G::LineSeparator
                | G::ParagraphSeparator
                | G::SpaceSeparator
        )
}

impl Repr for String {
    fn repr_into(&self, out: &mut String) {
        self.as_str().repr_into(out);
    }
}

impl<T: Repr> Repr for [T] {
    fn repr_into(&self, out: &mut String) {
        out.push('[');
        for (i, x) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            x.repr_into(out);
        }
        out.push(']');
    }
}

impl<T: Repr> Repr for Vec<T> {
    fn repr_into(&self, out: &mut String) {
        self.as_slice().repr_into(out);
    }
}

/// Appends a Python dict repr of `(key, value)` entries in the given order.
pub(crate) fn dict_repr_into<'a, V: Repr + 'a>(
    entries: impl IntoIterator<Item = (&'a str, &'a V)>,
    out: &mut String,
) {
    out.push('{');
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        k.repr_into(out);
        out.push_str(": ");
        v.repr_into(out);
    }
    out.push('}');
}

impl Repr for Value {
    fn repr_into(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("None"),
            Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Value::Number(n) => match n.as_f64() {
                Some(x) if !(n.is_i64() || n.is_u64()) => out.push_str(&float_repr(x)),
                _ => out.push_str(&n.to_string()),
            },
            Value::String(s) => s.repr_into(out),
            Value::Array(xs) => xs.repr_into(out),
            Value::Object(m) => dict_repr_into(m.iter().map(|(k, v)| (k.as_str(), v)), out),
        }
    }
}

/// Python's `str(x)` of a value decoded by `json.loads`.
pub(crate) fn json_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => v.repr(),
    }
}

/// Python's `repr(float)`: the shortest round-trip digits, in exponent form below 1e-4 and from
/// 1e16 on.
fn float_repr(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "nan"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .into();
    }
    let sci = format!("{x:e}"); // shortest round-trip digits: "-1.25e-5"
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if !(-4..16).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}{dot}{rest}e{esign}{:02}", exp.abs())
    } else if exp < 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
    } else {
        let int_len = exp as usize + 1;
        let padded = format!("{digits:0<int_len$}");
        let (int, frac) = padded.split_at(int_len);
        let frac = if frac.is_empty() { "0" } else { frac };
        format!("{sign}{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        for (x, py) in [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (-2.5, "-2.5"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.25e-7, "1.25e-07"),
            (123456.0, "123456.0"),
            (1e16, "1e+16"),
            (1.5e300, "1.5e+300"),
            (9999999999999998.0, "9999999999999998.0"),
            (0.1 + 0.2, "0.30000000000000004"),
        ] {
            assert_eq!(float_repr(x), py, "{x}");
        }
    }

    #[test]
    fn json_values_print_like_python_str() {
        let v: Value = serde_json::from_str(r#"["a", 1, 2.5, true, null, ["b'"], {"k": "v"}]"#)
            .expect("valid JSON");
        let strs: Vec<String> = v.as_array().into_iter().flatten().map(json_str).collect();
        assert_eq!(
            strs,
            ["a", "1", "2.5", "True", "None", "[\"b'\"]", "{'k': 'v'}"]
        );
    }

    #[test]
    fn strip_knows_python_whitespace() {
        assert_eq!(strip("\x1f\u{a0} a b\u{3000}\n"), "a b");
        assert_eq!(strip("\u{200b}a"), "\u{200b}a");
    }
}
