//! Text for the terminal: diagnostics and errors quote file names and shard values, which may
//! hold escape sequences or bidirectional overrides that would rewrite what the user sees.

use std::borrow::Cow;

/// `s` with every control character (C0, DEL, C1: ESC, CR, line breaks, ...) and every
/// bidirectional formatting character (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069)
/// written as a `\u{..}` escape, so that it shows as text and cannot move the cursor, recolour
/// the terminal or reorder what follows.
pub fn safe(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.contains(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
