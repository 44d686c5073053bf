//! `score.py`'s string functions: `norm`, `tokens`, `split_aliases` and `doc_id`.

use crate::py;
use unicode_normalization::{UnicodeNormalization, char::canonical_combining_class};

/// NFKD without combining characters (`unicodedata.combining(c) != 0`), lowercased.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.nfkd()
        .filter(|&c| canonical_combining_class(c) == 0)
        .flat_map(char::to_lowercase)
}

/// `norm`: the folded text with everything but `[0-9a-z]` dropped.
pub(crate) fn norm(s: &str) -> String {
    folded(s).filter(char::is_ascii_alphanumeric).collect()
}

/// `tokens`: the runs of `[0-9a-z]` of the folded text.
pub(crate) fn tokens(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in folded(s) {
        if c.is_ascii_alphanumeric() {
            out.last_mut().expect("never empty").push(c);
        } else if !out.last().expect("never empty").is_empty() {
            out.push(String::new());
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

/// `split_aliases` of a string attribute: a JSON list when it parses as one, else the parts
/// between `;` and `|`, stripped, empty parts dropped.
pub(crate) fn split_aliases(v: &str) -> Vec<String> {
    let v = py::strip(v);
    if v.starts_with('[')
        && let Ok(list) = serde_json::from_str::<Vec<serde_json::Value>>(v)
    {
        return list.iter().map(py::json_str).collect();
    }
    v.split([';', '|'])
        .map(py::strip)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

/// `doc_id`: the file name of a path without its last extension.
pub(crate) fn doc_id(s: &str) -> String {
    let s = py::strip(s).replace('\\', "/");
    let name = s.rsplit('/').next().unwrap_or_default();
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_accents_case_and_punctuation() {
        assert_eq!(norm("Félix Houphouët-Boigny"), "felixhouphouetboigny");
        assert_eq!(norm("ＡＢＣ ½"), "abc12"); // NFKD: full width letters, 1⁄2
        assert_eq!(norm("İstanbul ß Æ"), "istanbul"); // ß and Æ have no ASCII decomposition
        assert_eq!(norm("---"), "");
    }

    #[test]
    fn tokens_split_on_everything_else() {
        assert_eq!(tokens("  Ziyad al-Nakhala! "), ["ziyad", "al", "nakhala"]);
        assert_eq!(tokens("Ã©lan"), ["a", "lan"]);
        assert!(tokens("—").is_empty());
    }

    #[test]
    fn aliases_split_like_score_py() {
        assert_eq!(split_aliases(" a ; b|| c ;"), ["a", "b", "c"]);
        assert_eq!(split_aliases(r#"["x; y", 2]"#), ["x; y", "2"]);
        assert_eq!(split_aliases("[not json; z"), ["[not json", "z"]);
        assert!(split_aliases("").is_empty());
    }

    #[test]
    fn doc_ids_drop_folders_and_extension() {
        assert_eq!(doc_id(" dir\\sub/003.txt "), "003");
        assert_eq!(doc_id("a.b.c"), "a.b");
        assert_eq!(doc_id("003"), "003");
        assert_eq!(doc_id("dir/"), "");
    }
}
