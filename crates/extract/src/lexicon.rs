//! Word lists from `data/lexicon/`, compiled into the binary (nothing is read at run time).
//! `data/README.md` names each list's source and licence.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The lexicons the people finder uses.
pub struct Lexicon {
    /// Given names (lowercase), US Census 1990.
    pub given: HashSet<&'static str>,
    /// Common English words (lowercase), SCOWL.
    pub common: HashSet<&'static str>,
    /// Title and role words (lowercase).
    pub titles: HashSet<&'static str>,
    /// Titles kept in the name before a single name word ("King Fahd").
    pub royal: HashSet<&'static str>,
    /// Role modifiers ("foreign", "prime"): part of a title, not a title alone.
    pub modifiers: HashSet<&'static str>,
    /// Words never part of a person's name (lowercase).
    pub stop: HashSet<&'static str>,
    /// Places as written ("Saudi Arabia"), and their lowercase forms.
    pub places: HashSet<String>,
    /// Demonyms (lowercase).
    pub demonyms: HashSet<String>,
    /// Occupation nouns that, in lower case just before a name, mark a person ("designer").
    pub occupations: HashSet<&'static str>,
    /// Short forms of given names: (short, full), lowercase ("ted", "edward").
    pub nicknames: Vec<(&'static str, &'static str)>,
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
        Lexicon {
            given: lines(include_str!("../../../data/lexicon/given-names.txt")).collect(),
            common: lines(include_str!("../../../data/lexicon/common-words.txt")).collect(),
            titles: lines(titles_raw)
                .map(|l| l.trim_start_matches(['!', '+']))
                .collect(),
            modifiers: lines(titles_raw)
                .filter_map(|l| l.strip_prefix('+'))
                .collect(),
            royal: lines(titles_raw)
                .filter_map(|l| l.strip_prefix('!'))
                .collect(),
            stop: lines(include_str!("../../../data/lexicon/stop-names.txt")).collect(),
            places: lines(include_str!("../../../data/lexicon/places.txt"))
                .map(str::to_lowercase)
                .collect(),
            demonyms: lines(include_str!("../../../data/lexicon/demonyms.txt"))
                .map(str::to_lowercase)
                .collect(),
            occupations: lines(include_str!("../../../data/lexicon/occupations.txt")).collect(),
            nicknames: lines(include_str!("../../../data/lexicon/nicknames.txt"))
                .filter_map(|l| l.split_once(' '))
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
        self.titles
            .contains(word.to_lowercase().trim_end_matches('.'))
    }
    /// A title word that makes a title on its own ("minister", "Mr"), not a modifier.
    pub fn is_head_title(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        let w = w.trim_end_matches('.');
        self.titles.contains(w) && !self.modifiers.contains(w)
    }
    /// A word that cannot be part of a name: stop word, place or demonym.
    pub fn is_non_name(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.stop.contains(w.as_str()) || self.places.contains(&w) || self.demonyms.contains(&w)
    }
    /// A place name ("Doha", "Saudi Arabia"), any case.
    pub fn is_place(&self, s: &str) -> bool {
        self.places.contains(&s.to_lowercase())
    }
}
