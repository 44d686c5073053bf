//! What a dictionary says a word can be, for words the treebanks have too rarely to teach the
//! tagger: the word classes of WordNet 3.0 (noun, proper noun, verb, adjective, adverb) with
//! the inflected forms its morphology rules ("morphy") and irregular-form lists accept, and
//! given names and surnames; and the semantic field of each noun's and verb's most frequent
//! sense (`noun.person`, `noun.time`, `verb.communication`, ...). Built at training time from
//! `data/lexicon/` and stored in the model as a value per form.

use crate::ModelError;
use crate::codec::{Reader, Writer};
use crate::hash::{self, KeyMap};
use crate::words::WordKeys;

/// A value per form, keyed by the low 32 bits of the key of the form's normal form (two forms
/// whose keys share them, about one pair in ten thousand, share the union of their values), as
/// a model stores it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct FormTable {
    /// Sorted by key.
    entries: Vec<(u32, u16)>,
    index: KeyMap<u16>,
}

impl FormTable {
    /// The table of `forms` (lower case, as [`bundled`] and [`senses`] give them).
    pub(crate) fn new(forms: &[(String, u16)]) -> FormTable {
        let mut entries: Vec<(u32, u16)> = forms
            .iter()
            .filter(|(f, _)| !f.chars().any(|c| c.is_ascii_digit()))
            .map(|(f, c)| (hash::text(f) as u32, *c))
            .collect();
        entries.sort_unstable();
        entries.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 |= later.1;
            }
            same
        });
        FormTable::from_entries(entries)
    }

    fn from_entries(entries: Vec<(u32, u16)>) -> FormTable {
        FormTable {
            index: entries.iter().map(|&(k, c)| (u64::from(k), c)).collect(),
            entries,
        }
    }

    /// Whether the table has no forms.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value of a word's form (0 when it has none).
    #[inline]
    pub(crate) fn get(&self, w: &WordKeys) -> u16 {
        self.index
            .get(&u64::from(w.norm as u32))
            .copied()
            .unwrap_or(0)
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        out.len(self.entries.len());
        let mut prev = 0u32;
        for &(k, c) in &self.entries {
            out.varint(u64::from(k - prev));
            out.varint(u64::from(c));
            prev = k;
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<FormTable, ModelError> {
        let n = r.len()?;
        let mut entries: Vec<(u32, u16)> = Vec::with_capacity(n);
        let mut prev = 0u32;
        for _ in 0..n {
            let at = r.at();
            let k = u32::try_from(r.varint()?)
                .ok()
                .and_then(|d| prev.checked_add(d))
                .filter(|&k| entries.is_empty() || k > prev);
            let c = u16::try_from(r.varint()?).ok();
            let (Some(k), Some(c)) = (k, c) else {
                return Err(ModelError::Invalid {
                    at,
                    what: "a form table out of order",
                });
            };
            entries.push((k, c));
            prev = k;
        }
        Ok(FormTable::from_entries(entries))
    }
}

/// Classes of a form, as bits.
pub mod class {
    /// A common noun.
    pub const NOUN: u16 = 1 << 0;
    /// The plural of a common noun.
    pub const PLURAL: u16 = 1 << 1;
    /// A proper noun (capitalised in WordNet).
    pub const PROPER: u16 = 1 << 2;
    /// A verb's base form.
    pub const VERB: u16 = 1 << 3;
    /// A verb's third-person singular present.
    pub const VERB_S: u16 = 1 << 4;
    /// A verb's past tense or participle.
    pub const VERB_ED: u16 = 1 << 5;
    /// A verb's present participle.
    pub const VERB_ING: u16 = 1 << 6;
    /// An adjective.
    pub const ADJ: u16 = 1 << 7;
    /// A comparative adjective.
    pub const ADJ_ER: u16 = 1 << 8;
    /// A superlative adjective.
    pub const ADJ_EST: u16 = 1 << 9;
    /// An adverb.
    pub const ADV: u16 = 1 << 10;
    /// A given name.
    pub const GIVEN: u16 = 1 << 11;
    /// A surname.
    pub const SURNAME: u16 = 1 << 12;
}

/// The bundled word lists: WordNet lemmas with their classes, WordNet's irregular forms, and
/// name lists.
const WORDNET: &str = include_str!("../../../data/lexicon/wordnet.txt");
const EXCEPTIONS: &str = include_str!("../../../data/lexicon/wordnet-exceptions.txt");
const GIVEN_NAMES: &str = include_str!("../../../data/lexicon/given-names.txt");
const NAMES_BY_COUNTRY: &str = include_str!("../../../data/lexicon/names-by-country.txt");

/// Forms (lower case) and their classes, sorted by form.
pub fn bundled() -> Vec<(String, u16)> {
    build(WORDNET, EXCEPTIONS, GIVEN_NAMES, NAMES_BY_COUNTRY)
}

/// Builds the form classes from the texts of the word lists (formats in
/// `scripts/build-syntax-lexicon.sh`).
pub fn build(wordnet: &str, exceptions: &str, given: &str, names: &str) -> Vec<(String, u16)> {
    let mut map: std::collections::BTreeMap<String, u16> = Default::default();
    let mut add = |form: String, c: u16| *map.entry(form).or_default() |= c;
    for line in wordnet.lines() {
        let mut f = line.split('\t');
        let (Some(lemma), Some(classes)) = (f.next(), f.next()) else {
            continue;
        };
        for c in classes.chars() {
            match c {
                'n' => {
                    add(lemma.to_string(), class::NOUN);
                    for p in plurals(lemma) {
                        add(p, class::PLURAL);
                    }
                }
                'p' => add(lemma.to_string(), class::PROPER),
                'v' => {
                    add(lemma.to_string(), class::VERB);
                    for p in plurals(lemma) {
                        add(p, class::VERB_S);
                    }
                    add(past(lemma), class::VERB_ED);
                    add(gerund(lemma), class::VERB_ING);
                }
                'a' => {
                    add(lemma.to_string(), class::ADJ);
                    let (er, est) = comparatives(lemma);
                    add(er, class::ADJ_ER);
                    add(est, class::ADJ_EST);
                }
                'r' => add(lemma.to_string(), class::ADV),
                _ => {}
            }
        }
    }
    for line in exceptions.lines() {
        let mut f = line.split(' ');
        let (Some(pos), Some(form)) = (f.next(), f.next()) else {
            continue;
        };
        let c = match pos {
            "n" => class::PLURAL,
            "v" if form.ends_with("ing") => class::VERB_ING,
            "v" if form.ends_with('s') => class::VERB_S | class::VERB_ED,
            "v" => class::VERB_ED,
            "a" if form.ends_with("st") => class::ADJ_EST,
            "a" => class::ADJ_ER,
            "r" => class::ADV,
            _ => continue,
        };
        add(form.to_string(), c);
    }
    for name in given.lines() {
        add(name.trim().to_string(), class::GIVEN);
    }
    for line in names.lines() {
        match line.split_once(' ') {
            Some(("g", name)) => add(name.to_string(), class::GIVEN),
            Some(("s", name)) => add(name.to_string(), class::SURNAME),
            _ => {}
        }
    }
    map.into_iter().filter(|(f, _)| !f.is_empty()).collect()
}

/// The semantic field (WordNet lexicographer file) of each form's most frequent noun sense
/// and verb sense, as `noun + 1` in the low byte and `verb + 1` in the high byte (0: none);
/// inflected forms have their lemma's.
pub fn senses() -> Vec<(String, u16)> {
    build_senses(WORDNET, EXCEPTIONS)
}

/// [`senses`] from the texts of the word lists.
pub fn build_senses(wordnet: &str, exceptions: &str) -> Vec<(String, u16)> {
    let mut lemma_fields: std::collections::HashMap<&str, (u16, u16)> = Default::default();
    let mut map: std::collections::BTreeMap<String, u16> = Default::default();
    let mut add = |form: String, noun: u16, verb: u16| {
        let e = map.entry(form).or_default();
        if *e & 0xff == 0 {
            *e |= noun;
        }
        if *e >> 8 == 0 {
            *e |= verb << 8;
        }
    };
    for line in wordnet.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let field = |x: &str| x.parse::<u16>().map_or(0, |v| v + 1);
        let (noun, verb) = (field(f[2]), field(f[3]));
        if noun == 0 && verb == 0 {
            continue;
        }
        let lemma = f[0];
        lemma_fields.insert(lemma, (noun, verb));
        add(lemma.to_string(), noun, verb);
        if noun != 0 {
            for p in plurals(lemma) {
                add(p, noun, 0);
            }
        }
        if verb != 0 {
            for p in plurals(lemma) {
                add(p, 0, verb);
            }
            add(past(lemma), 0, verb);
            add(gerund(lemma), 0, verb);
        }
    }
    for line in exceptions.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        if let [pos, form, lemma] = f[..]
            && let Some(&(noun, verb)) = lemma_fields.get(lemma)
        {
            match pos {
                "n" => add(form.to_string(), noun, 0),
                "v" => add(form.to_string(), 0, verb),
                _ => {}
            }
        }
    }
    map.into_iter().collect()
}

fn is_vowel(c: char) -> bool {
    "aeiou".contains(c)
}

/// Whether `w` ends with a consonant and then `y`.
fn consonant_y(w: &str) -> bool {
    let mut c = w.chars().rev();
    c.next() == Some('y') && c.next().is_some_and(|c| !is_vowel(c))
}

/// The plural (or third person) forms morphy reads back to `w`.
fn plurals(w: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(2);
    if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        out.push(format!("{w}es"));
    } else if consonant_y(w) {
        out.push(format!("{}ies", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}s"));
    }
    if let Some(stem) = w.strip_suffix("man") {
        out.push(format!("{stem}men"));
    }
    out
}

fn past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else {
        format!("{w}ed")
    }
}

fn gerund(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !["ee", "ye", "oe"].iter().any(|e| w.ends_with(e)) && w.len() > 2
    {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

fn comparatives(w: &str) -> (String, String) {
    if w.ends_with('e') {
        (format!("{w}r"), format!("{w}st"))
    } else if consonant_y(w) {
        let stem = &w[..w.len() - 1];
        (format!("{stem}ier"), format!("{stem}iest"))
    } else {
        (format!("{w}er"), format!("{w}est"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_and_exceptions() {
        let forms = build(
            "box\tnv\t6\t35\nhappy\ta\t-\t-\nparis\tp\t15\t-\nstudy\tnv\t9\t31\n",
            "v ran run\nn mice mouse\na better good\n",
            "maria\n",
            "s ivanov\n",
        );
        let get = |f: &str| forms.iter().find(|(w, _)| w == f).map_or(0, |x| x.1);
        assert_eq!(get("box"), class::NOUN | class::VERB);
        assert_eq!(get("boxes"), class::PLURAL | class::VERB_S);
        assert_eq!(get("boxed"), class::VERB_ED);
        assert_eq!(get("studies"), class::PLURAL | class::VERB_S);
        assert_eq!(get("studying"), class::VERB_ING);
        assert_eq!(get("happier"), class::ADJ_ER);
        assert_eq!(get("happiest"), class::ADJ_EST);
        assert_eq!(get("paris"), class::PROPER);
        assert_eq!(get("ran"), class::VERB_ED);
        assert_eq!(get("mice"), class::PLURAL);
        assert_eq!(get("better"), class::ADJ_ER);
        assert_eq!(get("maria"), class::GIVEN);
        assert_eq!(get("ivanov"), class::SURNAME);
    }
}
