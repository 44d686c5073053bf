//! Word lists from `data/lexicon/`, compiled into the binary (nothing is read at run time).
//! `data/README.md` names each list's source and licence.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A set of words hashed with foldhash (fixed seed): much cheaper than the default SipHash for
/// short words. It does not resist chosen keys, so it is for the compiled-in word lists only:
/// their tables are fixed, and a word looked up in them cannot make them degrade.
pub type WordSet<T> = HashSet<T, foldhash::fast::FixedState>;
/// A map over the compiled-in word lists, hashed like [`WordSet`].
pub type WordMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// The lexicons the people finder uses.
pub struct Lexicon {
    /// Given names (lowercase), US Census 1990.
    pub given: WordSet<&'static str>,
    /// Common English words (lowercase), SCOWL.
    pub common: WordSet<&'static str>,
    /// Title and role words (lowercase).
    pub titles: WordSet<&'static str>,
    /// Titles kept in the name before a single name word ("King Fahd").
    pub royal: WordSet<&'static str>,
    /// The sex a given name almost always denotes (`m` or `f`), `given-name-sexes.txt`.
    pub given_sex: WordMap<&'static str, &'static str>,
    /// The sex a title says ("mrs" `f`), `title-sexes.txt`.
    pub title_sex: WordMap<&'static str, &'static str>,
    /// Honorifics also borne as part of the name ("Seyed", "Hajj"), `=` in `titles.txt`.
    pub lineage: WordSet<&'static str>,
    /// Role modifiers ("foreign", "prime"): part of a title, not a title alone.
    pub modifiers: WordSet<&'static str>,
    /// Words never part of a person's name (lowercase).
    pub stop: WordSet<&'static str>,
    /// The last words of names of things (places, firms, events, documents), `thing-heads.txt`.
    pub thing_heads: WordSet<&'static str>,
    /// Those heads that are never surnames (`!` in `thing-heads.txt`: "st", "gmbh").
    pub firm_heads: WordSet<&'static str>,
    /// Lower-case nouns that, just before a chain, make it a thing, `thing-nouns.txt`.
    pub thing_before: WordSet<&'static str>,
    /// Lower-case nouns (one or two words) that, just after a chain, make it a thing.
    pub thing_after: WordSet<&'static str>,
    /// Vessel nouns ("frigate"): before a chain, a thing even when a title opens the chain.
    pub vessels: WordSet<&'static str>,
    /// Places as written ("Saudi Arabia"), and their lowercase forms.
    pub places: WordSet<String>,
    /// Demonyms (lowercase).
    pub demonyms: WordSet<String>,
    /// Stop words (and `non-name-words.txt`), places and demonyms together: words that cannot
    /// be part of a name.
    pub non_name: WordSet<String>,
    /// Occupation nouns that, in lower case just before a name, mark a person ("designer").
    pub occupations: WordSet<&'static str>,
    /// Short forms of given names: (short, full), lowercase ("ted", "edward").
    pub nicknames: Vec<(&'static str, &'static str)>,
    /// Common given names of 106 countries (lowercase, romanised).
    pub world_given: WordSet<&'static str>,
    /// Common surnames of 75 countries (lowercase, romanised).
    pub world_surnames: WordSet<&'static str>,
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lexicon, built once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let titles_raw = include_str!("../../../data/lexicon/titles.txt");
        let stop: WordSet<&str> =
            lines(include_str!("../../../data/lexicon/stop-names.txt")).collect();
        let places: WordSet<String> = lines(include_str!("../../../data/lexicon/places.txt"))
            .map(str::to_lowercase)
            .collect();
        let demonyms: WordSet<String> = lines(include_str!("../../../data/lexicon/demonyms.txt"))
            .map(str::to_lowercase)
            .collect();
        let thing_nouns = include_str!("../../../data/lexicon/thing-nouns.txt");
        let thing_heads = include_str!("../../../data/lexicon/thing-heads.txt");
        let non_name = stop
            .iter()
            .chain(
                &lines(include_str!("../../../data/lexicon/non-name-words.txt"))
                    .collect::<Vec<_>>(),
            )
            .map(|w| w.to_string())
            .chain(places.iter().cloned())
            .chain(demonyms.iter().cloned())
            .collect();
        Lexicon {
            given: lines(include_str!("../../../data/lexicon/given-names.txt")).collect(),
            common: lines(include_str!("../../../data/lexicon/common-words.txt")).collect(),
            titles: lines(titles_raw)
                .map(|l| l.trim_start_matches(['!', '+', '=']))
                .collect(),
            modifiers: lines(titles_raw)
                .filter_map(|l| l.strip_prefix('+'))
                .collect(),
            royal: lines(titles_raw)
                .filter_map(|l| l.strip_prefix('!'))
                .collect(),
            given_sex: lines(include_str!("../../../data/lexicon/given-name-sexes.txt"))
                .filter_map(|l| l.split_once(' '))
                .collect(),
            title_sex: lines(include_str!("../../../data/lexicon/title-sexes.txt"))
                .filter_map(|l| l.split_once(' '))
                .collect(),
            lineage: lines(titles_raw)
                .filter_map(|l| l.strip_prefix('='))
                .collect(),
            stop,
            thing_heads: lines(thing_heads)
                .map(|l| l.trim_start_matches('!'))
                .collect(),
            firm_heads: lines(thing_heads)
                .filter_map(|l| l.strip_prefix('!'))
                .collect(),
            thing_before: lines(thing_nouns)
                .map(|l| l.trim_start_matches(['<', '!']))
                .collect(),
            thing_after: lines(thing_nouns)
                .filter(|l| !l.starts_with('<'))
                .map(|l| l.trim_start_matches('!'))
                .collect(),
            vessels: lines(thing_nouns)
                .filter_map(|l| l.strip_prefix('!'))
                .collect(),
            places,
            demonyms,
            non_name,
            occupations: lines(include_str!("../../../data/lexicon/occupations.txt")).collect(),
            nicknames: lines(include_str!("../../../data/lexicon/nicknames.txt"))
                .filter_map(|l| l.split_once(' '))
                .collect(),
            world_given: lines(include_str!("../../../data/lexicon/world-given-names.txt"))
                .collect(),
            world_surnames: lines(include_str!("../../../data/lexicon/world-surnames.txt"))
                .collect(),
        }
    })
}

/// Words that join the parts of a name ("bin", "al", "de", "van").
pub const PARTICLES: &[&str] = &[
    "al", "el", "bin", "bint", "ibn", "abu", "abd", "de", "da", "del", "della", "di", "do", "dos",
    "das", "du", "la", "le", "van", "von", "der", "den", "ter", "y",
];

impl Lexicon {
    /// A title or role word.
    pub fn is_title(&self, word: &str) -> bool {
        // "Commander-in-Chief", "Editor-in-Chief".
        with_lowercase(word, |w| {
            self.titles.contains(w.trim_end_matches('.')) || w.contains("-in-")
        })
    }
    /// A title word that makes a title on its own ("minister", "Mr"), not a modifier.
    pub fn is_head_title(&self, word: &str) -> bool {
        with_lowercase(word, |w| {
            let w = w.trim_end_matches('.');
            self.titles.contains(w) && !self.modifiers.contains(w) || w.contains("-in-")
        })
    }
    /// A word that cannot be part of a name: stop word, place or demonym.
    pub fn is_non_name(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.non_name.contains(w))
    }
    /// A place name ("Doha", "Saudi Arabia"), any case.
    pub fn is_place(&self, s: &str) -> bool {
        with_lowercase(s, |w| self.places.contains(w))
    }
}

/// Calls `f` with `word` in lower case, as [`str::to_lowercase`] makes it, without allocating
/// when `word` is short ASCII (most words of most articles).
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 32;
    if word.len() <= SHORT && word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(word);
        }
        let mut buf = [0u8; SHORT];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(buf) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// `word` in lower case is one of `lower` (lower-case ASCII words), as [`with_lowercase`] would
/// say, without copying an ASCII `word`.
#[inline]
pub fn lowercase_is_any(word: &str, lower: &[&str]) -> bool {
    if word.is_ascii() {
        lower.iter().any(|l| word.eq_ignore_ascii_case(l))
    } else {
        with_lowercase(word, |w| lower.contains(&w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_lowercase_is_to_lowercase() {
        for w in [
            "",
            "minister",
            "Minister",
            "MR.",
            "Ahmad",
            "\u{c9}lys\u{e9}e",
            "\u{130}stanbul",
            "\u{3a3}\u{391}\u{3a3}",
            "AVeryLongWordThatIsLongerThanThirtyTwoBytes",
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w}");
        }
        for (w, is) in [
            ("The", true),
            ("THE", true),
            ("the", true),
            ("then", false),
            ("th", false),
        ] {
            assert_eq!(lowercase_is_any(w, &["he", "the"]), is, "{w}");
        }
    }
}
