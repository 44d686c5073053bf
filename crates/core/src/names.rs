/// Folds a name for comparison: transliterated to ASCII, lowercased, everything but letters and
/// digits dropped. `Amir-Abdollahian`, `Amirabdollahian` and `Amir Abdollahian` fold alike.
pub fn fold_name(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The folded words of a name: `"Ziyad al-Nakhala"` gives `["ziyad", "al", "nakhala"]`.
pub fn name_tokens(s: &str) -> Vec<String> {
    deunicode::deunicode(s)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// A lowercase ASCII slug: `"Ziyad al-Nakhala"` gives `"ziyad-al-nakhala"`.
pub fn slug(s: &str) -> String {
    name_tokens(s).join("-")
}

/// White space runs folded to one space, ends trimmed: `split_whitespace().join(" ")` in one
/// allocation.
pub fn fold_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spelling_variants_alike() {
        let f = fold_name("Amir-Abdollahian");
        assert_eq!(f, "amirabdollahian");
        assert_eq!(fold_name("Amir Abdollahian"), f);
        assert_eq!(fold_name("Félix Houphouët-Boigny"), "felixhouphouetboigny");
        assert_eq!(slug("Ziyad al-Nakhala"), "ziyad-al-nakhala");
        assert_eq!(name_tokens("  "), Vec::<String>::new());
        assert_eq!(fold_space(" a\t b\n\nc "), "a b c");
    }
}
