//! The learned name finder: a greedy averaged-perceptron labeller that tags the words of a
//! sentence `B` (a person's name begins), `I` (it goes on) or `O`, trained on the person names
//! of UD English-GUM (`scripts/train-names.sh`, `docs/PEOPLE.md`).
//!
//! Only words that can be part of a name are labelled (capitalised words, name particles such
//! as `bin` or `von`); every other word is `O` and serves as context. Features generalise
//! beyond the words seen in training: the word and its shape, case and affixes, the words and
//! shapes around it, the gazetteers it is in (given names of the US Census and of 106
//! countries, surnames of 75, titles, organisation, place and time words, nationalities,
//! common English words) and the previous tag. The people stage reads the tags as evidence
//! next to its rules (`people::names`); titles, credits and bylines keep their handling there.
//!
//! The model is hashed features in a fixed table of quantised weights, read once from
//! `data/models/names.bin`, which is compiled in.
//!
//! ```
//! use whomet_core::Span;
//! use whomet_extract::finder::{Finder, Tag};
//! use whomet_extract::segment::{merge_hyphens, tokens};
//! let text = "The talks were led by Olek Varnas of Estonia.";
//! let (mut merged, mut tags) = (Vec::new(), Vec::new());
//! merge_hyphens(text, &tokens(text, Span::new(0, text.len())), &mut merged);
//! merged.retain(|t| !t.is_space());
//! Finder::bundled().tag(&merged, &mut tags);
//! let named: Vec<&str> = merged.iter().zip(&tags).filter(|(_, t)| t.tag != Tag::O)
//!     .map(|(w, _)| w.text).collect();
//! assert_eq!(named, ["Olek", "Varnas"]);
//! ```

use crate::lexicon::{PARTICLES, lexicon, with_lowercase};
use crate::segment::Token;
use std::sync::OnceLock;

/// The tag of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tag {
    /// Not part of a person's name.
    #[default]
    O,
    /// The first word of a name.
    B,
    /// A later word of the same name.
    I,
}

impl Tag {
    fn index(self) -> usize {
        self as usize
    }
}

/// A word's tag and how sure the model is of it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scored {
    /// The tag chosen.
    pub tag: Tag,
    /// The score of the better name tag (`B` or `I`) less that of `O`: above 0 the word is
    /// tagged as part of a name, and the further from 0 the surer.
    pub margin: f32,
}

/// A name-finder model: weights of hashed features for each tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Finder {
    /// `buckets * 3` weights (one per tag), quantised; `buckets` is a power of two.
    weights: Box<[i16]>,
    /// What one unit of a quantised weight is worth.
    scale: f32,
}

/// A model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FinderError {
    /// Not a name-finder model, or a version this build cannot read.
    #[error("not a whomet name-finder model (wrong magic bytes)")]
    Magic,
    /// The file is shorter or longer than its header says.
    #[error("the model holds {got} bytes of weights, its header says {want}")]
    Size {
        /// Bytes of weights present.
        got: usize,
        /// Bytes the header asks for.
        want: usize,
    },
}

const MAGIC: &[u8; 8] = b"WMNAMES1";

/// Hashed feature buckets of a trained model (a power of two).
pub const BUCKETS: usize = 1 << 18;

impl Default for Finder {
    /// A model that tags every word `O`.
    fn default() -> Finder {
        Finder {
            weights: vec![0; 3].into_boxed_slice(),
            scale: 1.0,
        }
    }
}

impl Finder {
    /// The model compiled in from `data/models/names.bin` (read once). A model that cannot be
    /// read (the test suite checks that it can) tags everything `O`, so analysis never fails.
    pub fn bundled() -> &'static Finder {
        static MODEL: OnceLock<Finder> = OnceLock::new();
        MODEL.get_or_init(|| {
            Finder::from_bytes(include_bytes!("../../../data/models/names.bin")).unwrap_or_default()
        })
    }

    /// Reads a model: magic, bucket count (u32 LE), scale (f32 LE), then three i16 LE weights per
    /// bucket.
    pub fn from_bytes(bytes: &[u8]) -> Result<Finder, FinderError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(FinderError::Magic)?;
        let (head, body) = rest.split_at_checked(8).ok_or(FinderError::Size {
            got: rest.len(),
            want: 8,
        })?;
        let buckets = u32::from_le_bytes(head[..4].try_into().expect("4 bytes")) as usize;
        let scale = f32::from_le_bytes(head[4..].try_into().expect("4 bytes"));
        let want = buckets.saturating_mul(6);
        if body.len() != want || !buckets.is_power_of_two() || !scale.is_finite() {
            return Err(FinderError::Size {
                got: body.len(),
                want,
            });
        }
        let weights = body
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Finder { weights, scale })
    }

    /// The model as [`Finder::from_bytes`] reads it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&((self.weights.len() / 3) as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    fn mask(&self) -> u64 {
        (self.weights.len() / 3 - 1) as u64
    }

    /// Tags the words `toks` of one sentence (white space left out, hyphenated words joined as
    /// [`crate::segment::merge_hyphens`] joins them). Replaces the contents of `out`, one
    /// [`Scored`] per token.
    pub fn tag(&self, toks: &[Token<'_>], out: &mut Vec<Scored>) {
        out.clear();
        let words = Words::new(toks);
        let mut feats = Vec::with_capacity(40);
        let mut prev = Tag::O;
        for i in 0..toks.len() {
            whomet_core::work::tick(1);
            if !words.info[i].candidate {
                out.push(Scored::default());
                prev = Tag::O;
                continue;
            }
            features(&words, i, prev, &mut feats);
            let s = self.scores(&feats);
            let (tag, margin) = decide(s, prev);
            out.push(Scored { tag, margin });
            prev = tag;
        }
    }

    fn scores(&self, feats: &[u64]) -> [f32; 3] {
        let mask = self.mask();
        let mut s = [0i32; 3];
        for &f in feats {
            let b = (f & mask) as usize * 3;
            for (k, v) in s.iter_mut().enumerate() {
                *v += i32::from(self.weights[b + k]);
            }
        }
        s.map(|v| v as f32 * self.scale)
    }
}

/// The best tag given the scores and the previous tag (`I` only after `B` or `I`), and the
/// margin of the name tags over `O`.
fn decide(s: [f32; 3], prev: Tag) -> (Tag, f32) {
    let inside_ok = prev != Tag::O;
    let name = if inside_ok { s[1].max(s[2]) } else { s[1] };
    let margin = name - s[0];
    let tag = if margin <= 0.0 {
        Tag::O
    } else if inside_ok && s[2] >= s[1] {
        Tag::I
    } else {
        Tag::B
    };
    (tag, margin)
}

/// What the features read of each word of a sentence, computed once.
struct Words {
    info: Vec<Info>,
}

#[derive(Clone, Copy, Default)]
struct Info {
    /// Hash of the word in lower case, possessive dropped.
    word: u64,
    shape: u64,
    suffix3: u64,
    suffix2: u64,
    prefix3: u64,
    flags: u16,
    /// Can be part of a name: capitalised, or a name particle.
    candidate: bool,
    /// Position in its run of candidates: 0 first, 1 inside, 2 last, 3 alone.
    run_pos: u8,
}

const F_CAP: u16 = 1;
const F_GIVEN: u16 = 1 << 1;
const F_WORLD_GIVEN: u16 = 1 << 2;
const F_SURNAME: u16 = 1 << 3;
const F_TITLE: u16 = 1 << 4;
const F_STOP: u16 = 1 << 5;
const F_PLACE: u16 = 1 << 6;
const F_DEMONYM: u16 = 1 << 7;
const F_COMMON: u16 = 1 << 8;
const F_PARTICLE: u16 = 1 << 9;
const F_CAPS: u16 = 1 << 10;
const F_POSSESSIVE: u16 = 1 << 11;
const F_OCCUPATION: u16 = 1 << 12;
const F_PUNCT: u16 = 1 << 13;

impl Words {
    fn new(toks: &[Token<'_>]) -> Words {
        let lex = lexicon();
        let mut info: Vec<Info> = toks
            .iter()
            .map(|t| {
                let (stem, possessive) = strip_possessive(t.text);
                let mut flags = 0;
                let cap = stem.chars().next().is_some_and(char::is_uppercase);
                if cap {
                    flags |= F_CAP;
                }
                if possessive {
                    flags |= F_POSSESSIVE;
                }
                if !stem.chars().next().is_some_and(char::is_alphanumeric) {
                    flags |= F_PUNCT;
                }
                let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
                if letters >= 2 && stem.chars().all(|c| !c.is_lowercase()) {
                    flags |= F_CAPS;
                }
                let (word, suffix3, suffix2, prefix3) = with_lowercase(stem, |w| {
                    let bare = w.trim_end_matches('.');
                    for (set, f) in [
                        (lex.given.contains(bare), F_GIVEN),
                        (lex.world_given.contains(bare), F_WORLD_GIVEN),
                        (lex.world_surnames.contains(bare), F_SURNAME),
                        (lex.titles.contains(bare), F_TITLE),
                        (lex.stop.contains(w), F_STOP),
                        (lex.places.contains(w), F_PLACE),
                        (lex.demonyms.contains(w), F_DEMONYM),
                        (lex.common.contains(w), F_COMMON),
                        (PARTICLES.contains(&w), F_PARTICLE),
                        (lex.occupations.contains(w), F_OCCUPATION),
                    ] {
                        if set {
                            flags |= f;
                        }
                    }
                    (
                        hash(b"w", w.as_bytes()),
                        hash(b"s3", last_chars(w, 3).as_bytes()),
                        hash(b"s2", last_chars(w, 2).as_bytes()),
                        hash(b"p3", first_chars(w, 3).as_bytes()),
                    )
                });
                let particle_compound = t.text.split_once('-').is_some_and(|(p, rest)| {
                    PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
                });
                Info {
                    word,
                    shape: shape_hash(stem),
                    suffix3,
                    suffix2,
                    prefix3,
                    flags,
                    candidate: cap || particle_compound || flags & F_PARTICLE != 0,
                    run_pos: 3,
                }
            })
            .collect();
        // The period of an initial inside a name ("Mario J. Lucero") goes with it.
        for k in 1..toks.len().saturating_sub(1) {
            let initial = toks[k - 1].text.chars().count() <= 2
                && toks[k - 1].text.chars().all(char::is_uppercase);
            if toks[k].text == "." && initial && info[k + 1].flags & F_CAP != 0 {
                info[k].candidate = true;
            }
        }
        let mut i = 0;
        while i < info.len() {
            if !info[i].candidate {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < info.len() && info[j + 1].candidate {
                j += 1;
            }
            for (k, inf) in info[i..=j].iter_mut().enumerate() {
                inf.run_pos = match (k, i + k == j) {
                    (0, true) => 3,
                    (0, false) => 0,
                    (_, true) => 2,
                    _ => 1,
                };
            }
            i = j + 1;
        }
        Words { info }
    }
}

/// Pushes the hashed features of word `i`, given the previous tag, to `out` (cleared first).
fn features(words: &Words, i: usize, prev: Tag, out: &mut Vec<u64>) {
    out.clear();
    let info = &words.info;
    let cur = info[i];
    let at = |k: isize| {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < info.len()).then(|| info[j as usize])
    };
    const NONE: u64 = 0x9e37_79b9_7f4a_7c15;
    let word_or = |k: isize| at(k).map_or(NONE ^ k as u64, |w| w.word);
    let shape_or = |k: isize| at(k).map_or(NONE ^ k as u64, |w| w.shape);
    let flags_or = |k: isize| at(k).map_or(0xffff, |w| u64::from(w.flags));
    let p = prev.index() as u64;
    out.push(mix(1, p));
    out.push(mix(2, cur.word));
    out.push(mix(3, cur.suffix3));
    out.push(mix(4, cur.suffix2));
    out.push(mix(5, cur.prefix3));
    out.push(mix(6, cur.shape));
    out.push(mix(7, word_or(-1)));
    out.push(mix(8, word_or(1)));
    out.push(mix(9, word_or(-2)));
    out.push(mix(10, word_or(2)));
    out.push(mix(11, shape_or(-1)));
    out.push(mix(12, shape_or(1)));
    for bit in 0..14 {
        if cur.flags & (1 << bit) != 0 {
            out.push(mix(13, bit));
        }
    }
    out.push(mix(14, u64::from(cur.flags)));
    out.push(mix(15, flags_or(-1)));
    out.push(mix(16, flags_or(1)));
    out.push(mix(17, flags_or(-2) << 16 | flags_or(-1)));
    out.push(mix(18, flags_or(1) << 16 | flags_or(2)));
    out.push(mix(19, p << 8 ^ cur.shape));
    out.push(mix(20, p << 20 | u64::from(cur.flags)));
    out.push(mix(21, p << 8 | u64::from(cur.run_pos)));
    out.push(mix(22, u64::from(cur.run_pos) << 16 | u64::from(cur.flags)));
    out.push(mix(23, u64::from(i == 0)));
    out.push(mix(24, word_or(-1) ^ cur.word.rotate_left(17)));
    out.push(mix(25, cur.word ^ word_or(1).rotate_left(17)));
    out.push(mix(26, word_or(-1) ^ u64::from(cur.flags).rotate_left(40)));
    out.push(mix(27, word_or(1) ^ u64::from(cur.flags).rotate_left(40)));
}

fn strip_possessive(t: &str) -> (&str, bool) {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stem) = t.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return (stem, true);
        }
    }
    (t, false)
}

fn last_chars(w: &str, n: usize) -> &str {
    let start = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[start..]
}

fn first_chars(w: &str, n: usize) -> &str {
    let end = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
    &w[..end]
}

/// FNV-1a of `tag` then `bytes`: stable across platforms and builds.
fn hash(tag: &[u8], bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in tag.iter().chain([&0xff]).chain(bytes) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A feature of template `t` with value `v`, as a well-mixed 64-bit number (splitmix64).
fn mix(t: u64, v: u64) -> u64 {
    let mut z = v ^ t.wrapping_mul(0xd6e8_feb8_6659_fd93);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The shape of a word, runs of one class written once: `Xx`, `X.`, `XX`, `Xx-Xx`, `d`.
fn shape_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = 0u8;
    let mut n = 0;
    for c in w.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if class != last {
            h ^= u64::from(class);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
            last = class;
            n += 1;
            if n > 8 {
                break;
            }
        }
    }
    h
}

/// Training: an averaged perceptron over sentences with gold tags.
pub mod train {
    use super::*;
    use crate::segment::{merge_hyphens, tokens};
    use whomet_core::Span;

    /// One training or test sentence: its text and the byte spans of its person names.
    #[derive(Debug, Clone, Default)]
    pub struct Sentence {
        /// The sentence.
        pub text: String,
        /// Person names, byte spans into `text`, sorted, not overlapping.
        pub names: Vec<Span>,
    }

    impl Sentence {
        /// Reads a line of `scripts/gum_names.py`: the text, a tab, `start:end` spans.
        pub fn parse(line: &str) -> Option<Sentence> {
            let (text, spans) = line.split_once('\t')?;
            let names = spans
                .split_whitespace()
                .map(|s| {
                    let (a, b) = s.split_once(':')?;
                    Some(Span::new(a.parse().ok()?, b.parse().ok()?))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Sentence {
                text: text.to_string(),
                names,
            })
        }

        /// The words of the sentence, as the people stage reads them.
        pub fn words(&self) -> Vec<Token<'_>> {
            let mut merged = Vec::new();
            merge_hyphens(
                &self.text,
                &tokens(&self.text, Span::new(0, self.text.len())),
                &mut merged,
            );
            merged.retain(|t| !t.is_space());
            merged
        }

        /// The gold tag of each word: a word that starts inside a name is part of it.
        pub fn gold(&self, words: &[Token<'_>]) -> Vec<Tag> {
            let mut out = Vec::with_capacity(words.len());
            let mut open: Option<Span> = None;
            for w in words {
                let name = self
                    .names
                    .iter()
                    .find(|n| n.start <= w.span.start && w.span.start < n.end);
                out.push(match name {
                    Some(n) if open == Some(*n) => Tag::I,
                    Some(n) => {
                        open = Some(*n);
                        Tag::B
                    }
                    None => {
                        open = None;
                        Tag::O
                    }
                });
            }
            out
        }
    }

    /// Precision, recall and F1 of name spans (exact match).
    #[derive(Debug, Clone, Copy, Default, PartialEq)]
    pub struct Prf {
        /// Names found that are gold names.
        pub correct: usize,
        /// Names found.
        pub found: usize,
        /// Gold names.
        pub gold: usize,
    }

    impl Prf {
        /// correct / found.
        pub fn precision(&self) -> f64 {
            ratio(self.correct, self.found)
        }
        /// correct / gold.
        pub fn recall(&self) -> f64 {
            ratio(self.correct, self.gold)
        }
        /// Harmonic mean of precision and recall.
        pub fn f1(&self) -> f64 {
            let (p, r) = (self.precision(), self.recall());
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        }
    }

    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 1.0 } else { a as f64 / b as f64 }
    }

    /// The name spans a tagging gives: runs of `B I*`, possessive dropped.
    pub fn spans(words: &[Token<'_>], tags: &[Tag]) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        for (w, t) in words.iter().zip(tags) {
            let end = w.span.start + strip_possessive(w.text).0.len();
            match t {
                Tag::B => out.push(Span::new(w.span.start, end)),
                Tag::I => {
                    if let Some(last) = out.last_mut() {
                        last.end = end;
                    }
                }
                Tag::O => {}
            }
        }
        out
    }

    /// Scores `model` on `sentences`: exact name spans against the gold ones.
    pub fn evaluate(model: &Finder, sentences: &[Sentence]) -> Prf {
        let mut prf = Prf::default();
        let mut scored = Vec::new();
        for s in sentences {
            let words = s.words();
            model.tag(&words, &mut scored);
            let tags: Vec<Tag> = scored.iter().map(|x| x.tag).collect();
            let found = spans(&words, &tags);
            // Gold spans as the words give them (a gold name ends where its last word ends).
            let gold = spans(&words, &s.gold(&words));
            prf.found += found.len();
            prf.gold += gold.len();
            prf.correct += found.iter().filter(|f| gold.contains(f)).count();
        }
        prf
    }

    /// Training settings.
    #[derive(Debug, Clone, Copy)]
    pub struct Options {
        /// Passes over the training sentences.
        pub epochs: usize,
        /// Seed of the sentence order.
        pub seed: u64,
    }

    impl Default for Options {
        fn default() -> Options {
            Options {
                epochs: 12,
                seed: 14,
            }
        }
    }

    /// Trains a model on `sentences`; `progress` is told each epoch's training errors.
    pub fn train(
        sentences: &[Sentence],
        opts: Options,
        mut progress: impl FnMut(usize, usize),
    ) -> Finder {
        let n = BUCKETS * 3;
        let mut w = vec![0f32; n];
        // Sum of each update times the step it was made at, for averaging.
        let mut u = vec![0f32; n];
        let mut step = 1f32;
        let data: Vec<(Vec<Token<'_>>, Vec<Tag>)> = sentences
            .iter()
            .map(|s| {
                let words = s.words();
                let gold = s.gold(&words);
                (words, gold)
            })
            .collect();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = opts.seed.max(1);
        let mask = (BUCKETS - 1) as u64;
        let mut feats = Vec::new();
        for epoch in 0..opts.epochs {
            // Fisher-Yates with xorshift64.
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            let mut errors = 0;
            for &k in &order {
                let (words, gold) = &data[k];
                let info = Words::new(words);
                let mut prev = Tag::O;
                for (i, &truth) in gold.iter().enumerate() {
                    if !info.info[i].candidate {
                        prev = Tag::O;
                        continue;
                    }
                    features(&info, i, prev, &mut feats);
                    let mut s = [0f32; 3];
                    for &f in &feats {
                        let b = (f & mask) as usize * 3;
                        for (t, v) in s.iter_mut().enumerate() {
                            *v += w[b + t];
                        }
                    }
                    let (guess, _) = decide(s, prev);
                    if guess != truth {
                        errors += 1;
                        for &f in &feats {
                            let b = (f & mask) as usize * 3;
                            w[b + truth.index()] += 1.0;
                            u[b + truth.index()] += step;
                            w[b + guess.index()] -= 1.0;
                            u[b + guess.index()] -= step;
                        }
                    }
                    step += 1.0;
                    // The next word's features read the tag the model gave, as at run time.
                    prev = guess;
                }
            }
            progress(epoch, errors);
        }
        let avg: Vec<f32> = w.iter().zip(&u).map(|(w, u)| w - u / step).collect();
        let max = avg.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-6);
        let scale = max / f32::from(i16::MAX);
        let weights = avg.iter().map(|v| (v / scale).round() as i16).collect();
        Finder { weights, scale }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_model_reads_and_round_trips() {
        let bytes = include_bytes!("../../../data/models/names.bin");
        let model = Finder::from_bytes(bytes).expect("data/models/names.bin reads");
        assert_eq!(model.weights.len(), BUCKETS * 3);
        assert_eq!(model.to_bytes(), bytes);
        assert!(Finder::from_bytes(&bytes[..100]).is_err());
        assert!(Finder::from_bytes(b"nonsense").is_err());
    }
}
