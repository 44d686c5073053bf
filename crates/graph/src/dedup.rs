//! Near-duplicate articles: the same story syndicated, re-posted or crawled twice counts once.
//!
//! Each article gets a [`Fingerprint`], Charikar's SimHash (the `simhash` crate) of its word
//! 3-shingles: lower-cased runs of letters and digits, so that spacing, punctuation and case do
//! not matter, and a changed byline or footer moves only a few of the 64 bits. Two articles are
//! copies when their fingerprints differ in at most [`MAX_DISTANCE`] bits. [`Index`] finds such
//! a fingerprint among the articles kept so far without comparing all pairs: the 64 bits are cut
//! into four 16-bit bands, and two fingerprints at most 3 bits apart agree on at least one band
//! (pigeonhole), so only articles sharing a band are compared, at most [`BUCKET`] per band. Work
//! is linear in the corpus, and the first article of a story read is the one kept, so the result
//! depends on the input order only (never on the number of threads).
//!
//! ```
//! use whomet_graph::dedup::{fingerprint, Index};
//! let a = fingerprint("Karimi met Oduya in Lima on Tuesday to discuss the trade agreement between their two countries.");
//! let b = fingerprint("KARIMI met Oduya in Lima on Tuesday, to discuss the trade agreement between their two countries!");
//! let c = fingerprint("A storm closed the port of Valparaiso for three days, and shipping resumed on Friday morning.");
//! let mut index = Index::default();
//! assert_eq!(index.insert(a, 0), None);
//! assert_eq!(index.insert(b, 1), Some(0));
//! assert_eq!(index.insert(c, 2), None);
//! ```

use crate::HashMap;
pub use whomet_core::Fingerprint;

/// Fingerprints at most this many bits apart are the same story.
pub const MAX_DISTANCE: u32 = 3;

/// At most this many kept articles are compared per band value, so that a flood of articles
/// sharing one band (an adversarial or degenerate corpus) costs no more than this each.
pub const BUCKET: usize = 64;

/// The fingerprint of an article's text: SimHash of its word 3-shingles (of its words, when it
/// has fewer than three). Text without a letter or digit has fingerprint 0.
pub fn fingerprint(text: &str) -> Fingerprint {
    let mut words = String::with_capacity(text.len());
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !words.is_empty() {
            words.push(' ');
        }
        words.extend(w.chars().flat_map(char::to_lowercase));
    }
    // Word starts, to cut the shingles out of `words` without copying them.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(words.match_indices(' ').map(|(i, _)| i + 1))
        .filter(|_| !words.is_empty())
        .collect();
    const N: usize = 3;
    let shingles = (0..starts
        .len()
        .saturating_sub(N - 1)
        .max(usize::from(!starts.is_empty())))
        .map(|i| {
            let end = starts.get(i + N).map_or(words.len(), |&s| s - 1);
            &words[starts[i]..end]
        });
    Fingerprint(simhash::simhash_stream(shingles))
}

/// The kept articles' fingerprints, by band, for finding copies.
#[derive(Debug, Default)]
pub struct Index {
    bands: [HashMap<u16, Vec<(u64, u32)>>; 4],
}

impl Index {
    /// The article `doc` with fingerprint `fp`: `Some(kept)` when it is a copy of the kept
    /// article `kept` (the first inserted of those within [`MAX_DISTANCE`] bits), else `None`,
    /// and it is kept.
    pub fn insert(&mut self, fp: Fingerprint, doc: u32) -> Option<u32> {
        let fp = fp.0;
        let band = |i: usize| (fp >> (16 * i)) as u16;
        let found = (0..4)
            .filter_map(|i| self.bands[i].get(&band(i)))
            .flat_map(|bucket| bucket.iter())
            .filter(|(other, _)| (other ^ fp).count_ones() <= MAX_DISTANCE)
            .map(|&(_, d)| d)
            .min();
        if found.is_some() {
            return found;
        }
        for i in 0..4 {
            let bucket = self.bands[i].entry(band(i)).or_default();
            if bucket.len() < BUCKET {
                bucket.push((fp, doc));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_differ_in_few_bits_and_stories_in_many() {
        // A bundled article of 417 words, as a wire copy with a byline and a footer.
        let story = include_str!("../../../data/corpus/000_e1c4971a1ace9730.txt");
        let copy = format!(
            "By Jane Roe, Reuters staff. {story} Reporting by John Doe; editing by Max Mustermann."
        );
        let other = include_str!("../../../data/corpus/001_44e19860e1c427d2.txt");
        let half = &story[..story.len() / 2];
        let d = |a: &str, b: &str| (fingerprint(a).0 ^ fingerprint(b).0).count_ones();
        assert_eq!(d(story, &story.to_uppercase().replace(' ', "  ")), 0);
        assert!(d(story, &copy) <= MAX_DISTANCE, "{}", d(story, &copy));
        assert!(d(story, half) > 2 * MAX_DISTANCE, "{}", d(story, half));
        assert!(d(story, other) > 4 * MAX_DISTANCE, "{}", d(story, other));
        assert_eq!(fingerprint("").0, 0);
        assert_eq!(fingerprint("--- ...").0, 0);
        assert_ne!(fingerprint("one").0, 0);
    }

    #[test]
    fn the_first_kept_article_within_reach_is_the_original() {
        let mut index = Index::default();
        assert_eq!(index.insert(Fingerprint(0b1011), 7), None);
        assert_eq!(index.insert(Fingerprint(0b1011), 8), Some(7));
        assert_eq!(index.insert(Fingerprint(0b0011), 9), Some(7));
        assert_eq!(index.insert(Fingerprint(0b0100), 11), None);
        assert_eq!(index.insert(Fingerprint(!0), 10), None);
    }
}
