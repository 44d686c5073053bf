//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over the joint
//! (UPOS, XPOS) tag of each word. Frequent unambiguous words take their tag from a dictionary;
//! the others are scored with features of the word, its affixes and shape, its neighbours, the
//! tags already given to the two words before it, and the "ambiguity class" (the tags seen in
//! training) of the word and the words after it, which stands in for the tags not yet given.

use crate::ModelError;
use crate::codec::{Reader, Writer};
use crate::conllu::TreeSentence;
use crate::hash::{self, KeyMap, f1, f2, f3};
use crate::lexicon::FormTable;
use crate::perceptron::Trainer;
use crate::rng::Rng;
use crate::tags::{Upos, Xpos};
use crate::weights::Weights;
use crate::words::WordKeys;

/// A tag the tagger gives: a universal part of speech and a Penn tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag {
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Xpos,
}

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    /// The classes: every tag seen in training.
    tags: Vec<Tag>,
    /// The first pass sees the tags given to the left; the second also the first pass's tags to
    /// the right.
    first: Weights,
    second: Weights,
    /// Exact forms that had one tag in training, often enough to trust it.
    dictionary: Vec<(u64, u16)>,
    dictionary_index: KeyMap<u16>,
    /// Normalised forms and the key of the set of tags they had in training.
    ambiguity: Vec<(u64, u64)>,
    ambiguity_index: KeyMap<u64>,
    /// What the lexicon ([`crate::lexicon`]) says each form can be.
    lexicon: FormTable,
}

/// How to train a tagger.
#[derive(Debug, Clone)]
pub struct TaggerOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the shuffling between passes.
    pub seed: u64,
    /// A form joins the dictionary when seen at least this often...
    pub dictionary_count: usize,
    /// ... with one tag at least this share of the time.
    pub dictionary_share: f64,
    /// A tag joins a form's ambiguity class when it has at least this share of its uses.
    pub ambiguity_share: f64,
    /// Averaged weights below this magnitude are dropped.
    pub prune: f64,
    /// A normalised form is known (has features of its own) when seen at least this often.
    pub known_count: usize,
    /// Folds of the jackknifing that gives the second pass its first-pass tags.
    pub folds: usize,
    /// Whether the tagger sees the classes the lexicon gives a form.
    pub lexicon: bool,
}

impl Default for TaggerOptions {
    fn default() -> TaggerOptions {
        TaggerOptions {
            epochs: 8,
            seed: 1,
            dictionary_count: 20,
            dictionary_share: 0.995,
            ambiguity_share: 0.01,
            prune: 0.01,
            folds: 4,
            known_count: 3,
            lexicon: true,
        }
    }
}

/// The feature templates.
#[derive(Clone, Copy)]
#[repr(u32)]
enum T {
    Bias,
    Word,
    Exact,
    Suffix1,
    Suffix2,
    Suffix3,
    Suffix4,
    Prefix1,
    Prefix2,
    Prefix3,
    Shape,
    Prev1Word,
    Prev2Word,
    Next1Word,
    Next2Word,
    Prev1Tag,
    Prev2Tag,
    Prev12Tags,
    Prev1TagWord,
    Prev1WordWord,
    WordNext1Word,
    Prev1Suffix3,
    Next1Suffix3,
    Prev1Shape,
    Next1Shape,
    Ambiguity,
    Next1Ambiguity,
    Next2Ambiguity,
    Prev1TagNext1Ambiguity,
    FirstShape,
    Prev1TagSuffix3,
    TitleCaseWord,
    Next1Tag,
    Next2Tag,
    Next12Tags,
    Prev1Next1Tags,
    WordNext1Tag,
    Lexicon,
    LexiconCase,
    LexiconPrev1Tag,
    Next1Lexicon,
    Prev1Lexicon,
    LexiconSuffix2,
}

const NONE_TAG: u64 = 0xffff;

/// What the tagger looks up about the words of a sentence before tagging it, once for both
/// passes: each word's dictionary tag, ambiguity class, lexicon classes and whether it is known.
struct Sentence<'w> {
    words: &'w [WordKeys],
    title: bool,
    dictionary: Vec<Option<u16>>,
    ambiguity: Vec<u64>,
    lexicon: Vec<u64>,
    known: Vec<bool>,
}

impl<'w> Sentence<'w> {
    fn new(tagger: &Tagger, words: &'w [WordKeys]) -> Sentence<'w> {
        let mut s = Sentence {
            words,
            title: title_case(words),
            dictionary: Vec::with_capacity(words.len()),
            ambiguity: Vec::with_capacity(words.len()),
            lexicon: Vec::with_capacity(words.len()),
            known: Vec::with_capacity(words.len()),
        };
        for w in words {
            s.dictionary
                .push(tagger.dictionary_index.get(&w.exact).copied());
            let ambiguity = tagger.ambiguity_index.get(&w.norm).copied();
            s.known.push(ambiguity.is_some());
            s.ambiguity.push(ambiguity.unwrap_or(w.shape));
            s.lexicon.push(u64::from(tagger.lexicon.get(w)));
        }
        s
    }

    fn ambiguity(&self, i: usize) -> u64 {
        self.ambiguity.get(i).copied().unwrap_or(0x5eed)
    }

    fn lexicon(&self, i: usize) -> u64 {
        self.lexicon.get(i).copied().unwrap_or(0xffff)
    }
}

impl Tagger {
    /// The tags of `words`, one per word.
    pub fn tag(&self, words: &[WordKeys]) -> Vec<Tag> {
        let sentence = Sentence::new(self, words);
        let first = self.pass(&self.first, &sentence, None);
        let second = self.pass(&self.second, &sentence, Some(&first));
        second.iter().map(|&c| self.tags[usize::from(c)]).collect()
    }

    /// One greedy pass over `words` with `weights`, seeing `right` (the classes of an earlier
    /// pass) when given.
    fn pass(&self, weights: &Weights, sentence: &Sentence<'_>, right: Option<&[u16]>) -> Vec<u16> {
        let n = sentence.words.len();
        let mut classes = Vec::with_capacity(n);
        let mut features = Vec::with_capacity(48);
        let mut scores = vec![0i32; self.tags.len()];
        for i in 0..n {
            let class = match sentence.dictionary[i] {
                Some(c) => c,
                None => {
                    features.clear();
                    self.features(sentence, &classes, right, i, &mut features);
                    scores.fill(0);
                    weights.add_scores(&features, &mut scores);
                    argmax(&scores) as u16
                }
            };
            classes.push(class);
        }
        classes
    }

    /// Pushes the features of word `i` to `out`, given the classes of the words before it.
    fn features(
        &self,
        sentence: &Sentence<'_>,
        before: &[u16],
        right: Option<&[u16]>,
        i: usize,
        out: &mut Vec<u64>,
    ) {
        let (words, title) = (sentence.words, sentence.title);
        let pad = WordKeys::padding();
        let at = |j: isize| -> WordKeys {
            if j < 0 {
                pad
            } else {
                words.get(j as usize).copied().unwrap_or(pad)
            }
        };
        let i_ = i as isize;
        let (w, p1, p2, n1, n2) = (at(i_), at(i_ - 1), at(i_ - 2), at(i_ + 1), at(i_ + 2));
        let tag = |j: usize| before.get(j).map_or(NONE_TAG, |&c| u64::from(c));
        let t1 = if i >= 1 { tag(i - 1) } else { NONE_TAG };
        let t2 = if i >= 2 { tag(i - 2) } else { NONE_TAG };
        let amb0 = sentence.ambiguity(i);
        let amb1 = sentence.ambiguity(i + 1);
        let amb2 = sentence.ambiguity(i + 2);
        out.extend([
            f1(T::Bias as u32, 0),
            f1(T::Suffix1 as u32, w.suffix[0]),
            f1(T::Suffix2 as u32, w.suffix[1]),
            f1(T::Suffix3 as u32, w.suffix[2]),
            f1(T::Suffix4 as u32, w.suffix[3]),
            f1(T::Prefix1 as u32, w.prefix[0]),
            f1(T::Prefix2 as u32, w.prefix[1]),
            f1(T::Prefix3 as u32, w.prefix[2]),
            f1(T::Shape as u32, w.shape),
            f1(T::Prev1Word as u32, p1.norm),
            f1(T::Prev2Word as u32, p2.norm),
            f1(T::Next1Word as u32, n1.norm),
            f1(T::Next2Word as u32, n2.norm),
            f1(T::Prev1Tag as u32, t1),
            f1(T::Prev2Tag as u32, t2),
            f2(T::Prev12Tags as u32, t1, t2),
            f1(T::Prev1Suffix3 as u32, p1.suffix[2]),
            f1(T::Next1Suffix3 as u32, n1.suffix[2]),
            f1(T::Prev1Shape as u32, p1.shape),
            f1(T::Next1Shape as u32, n1.shape),
            f1(T::Ambiguity as u32, amb0),
            f1(T::Next1Ambiguity as u32, amb1),
            f2(T::Next2Ambiguity as u32, amb1, amb2),
            f2(T::Prev1TagNext1Ambiguity as u32, t1, amb1),
            f2(T::FirstShape as u32, u64::from(i == 0), w.shape),
            f3(T::Prev1TagSuffix3 as u32, t1, w.suffix[2], amb0),
        ]);
        // Only words seen more than once in training have features of their own: the model
        // learns to tag rare words from their affixes, shape and context, as it must tag words
        // it has never seen.
        let known = sentence.known[i];
        if known {
            out.extend([
                f1(T::Word as u32, w.norm),
                f1(T::Exact as u32, w.exact),
                f2(T::Prev1TagWord as u32, t1, w.norm),
                f2(T::Prev1WordWord as u32, p1.norm, w.norm),
                f2(T::WordNext1Word as u32, w.norm, n1.norm),
                f3(
                    T::TitleCaseWord as u32,
                    u64::from(title),
                    u64::from(w.capitalised),
                    w.norm,
                ),
            ]);
        } else {
            out.push(f2(
                T::TitleCaseWord as u32,
                u64::from(title),
                u64::from(w.capitalised),
            ));
        }
        if !self.lexicon.is_empty() {
            let lx = sentence.lexicon(i);
            let case = u64::from(w.capitalised) | u64::from(i == 0) << 1 | u64::from(title) << 2;
            let prev = if i == 0 {
                0xfffe
            } else {
                sentence.lexicon(i - 1)
            };
            out.extend([
                f1(T::Lexicon as u32, lx),
                f2(T::LexiconCase as u32, lx, case),
                f2(T::LexiconPrev1Tag as u32, lx, t1),
                f1(T::Next1Lexicon as u32, sentence.lexicon(i + 1)),
                f1(T::Prev1Lexicon as u32, prev),
                f2(T::LexiconSuffix2 as u32, lx, w.suffix[1]),
            ]);
        }
        if let Some(right) = right {
            let tag = |j: usize| right.get(j).map_or(NONE_TAG, |&c| u64::from(c));
            let (r1, r2) = (tag(i + 1), tag(i + 2));
            out.extend([
                f1(T::Next1Tag as u32, r1),
                f1(T::Next2Tag as u32, r2),
                f2(T::Next12Tags as u32, r1, r2),
                f2(T::Prev1Next1Tags as u32, t1, r1),
            ]);
            if known {
                out.push(f2(T::WordNext1Tag as u32, w.norm, r1));
            }
        }
    }

    /// Trains a tagger on `sentences`.
    pub fn train(sentences: &[TreeSentence], options: &TaggerOptions) -> Tagger {
        // Classes: every tag seen, in a fixed order.
        let mut tags: Vec<Tag> = sentences
            .iter()
            .flat_map(|s| s.words.iter())
            .map(|w| Tag {
                upos: w.upos,
                xpos: w.xpos,
            })
            .collect();
        tags.sort_unstable();
        tags.dedup();
        let class_of = |t: Tag| tags.binary_search(&t).expect("seen tag") as u16;
        // Counts of each form's tags.
        let mut exact: KeyMap<KeyMap<usize>> = KeyMap::default();
        let mut norm: KeyMap<KeyMap<usize>> = KeyMap::default();
        let keyed: Vec<(Vec<WordKeys>, Vec<u16>)> = sentences
            .iter()
            .map(|s| {
                let keys: Vec<WordKeys> = s.words.iter().map(|w| WordKeys::new(&w.form)).collect();
                let gold: Vec<u16> = s
                    .words
                    .iter()
                    .map(|w| {
                        class_of(Tag {
                            upos: w.upos,
                            xpos: w.xpos,
                        })
                    })
                    .collect();
                (keys, gold)
            })
            .collect();
        for (keys, gold) in &keyed {
            for (k, &g) in keys.iter().zip(gold) {
                *exact
                    .entry(k.exact)
                    .or_default()
                    .entry(g as u64)
                    .or_default() += 1;
                *norm.entry(k.norm).or_default().entry(g as u64).or_default() += 1;
            }
        }
        let mut dictionary: Vec<(u64, u16)> = exact
            .iter()
            .filter_map(|(&form, counts)| {
                let total: usize = counts.values().sum();
                let (&best, &n) = counts
                    .iter()
                    .max_by_key(|&(&c, &n)| (n, std::cmp::Reverse(c)))?;
                (total >= options.dictionary_count
                    && n as f64 >= options.dictionary_share * total as f64)
                    .then_some((form, best as u16))
            })
            .collect();
        dictionary.sort_unstable();
        let mut ambiguity: Vec<(u64, u64)> = norm
            .iter()
            .filter(|(_, counts)| counts.values().sum::<usize>() >= options.known_count)
            .map(|(&form, counts)| {
                let total: usize = counts.values().sum();
                let mut set: Vec<u64> = counts
                    .iter()
                    .filter(|&(_, &n)| n as f64 >= options.ambiguity_share * total as f64)
                    .map(|(&c, _)| c)
                    .collect();
                set.sort_unstable();
                let key = set
                    .iter()
                    .fold(hash::text("amb"), |h, &c| hash::fmix(h ^ c));
                (form, key)
            })
            .collect();
        ambiguity.sort_unstable();
        let lexicon = if options.lexicon {
            FormTable::new(&crate::lexicon::bundled())
        } else {
            FormTable::default()
        };
        let mut tagger = Tagger {
            lexicon,
            dictionary_index: dictionary.iter().copied().collect(),
            ambiguity_index: ambiguity.iter().copied().collect(),
            dictionary,
            ambiguity,
            first: Weights::quantise(tags.len(), &[]),
            second: Weights::quantise(tags.len(), &[]),
            tags,
        };
        // The second pass learns from first-pass tags of sentences the first pass was not
        // trained on (jackknifing), so that it sees first-pass errors as they will be.
        let folds = options.folds.max(2);
        let mut fold_of: Vec<usize> = (0..keyed.len()).map(|i| i % folds).collect();
        Rng::new(options.seed ^ 0xf01d).shuffle(&mut fold_of);
        let outside: Vec<Vec<u16>> = {
            let runs: Vec<(Weights, Vec<usize>)> = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..folds)
                    .map(|k| {
                        let (tagger, keyed, fold_of) = (&tagger, &keyed, &fold_of);
                        scope.spawn(move || {
                            let train: Vec<usize> =
                                (0..keyed.len()).filter(|&i| fold_of[i] != k).collect();
                            let held: Vec<usize> =
                                (0..keyed.len()).filter(|&i| fold_of[i] == k).collect();
                            (tagger.train_pass(keyed, &train, None, options), held)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("training thread"))
                    .collect()
            });
            let mut out = vec![Vec::new(); keyed.len()];
            for (weights, held) in runs {
                for i in held {
                    let sentence = Sentence::new(&tagger, &keyed[i].0);
                    out[i] = tagger.pass(&weights, &sentence, None);
                }
            }
            out
        };
        let all: Vec<usize> = (0..keyed.len()).collect();
        let (first, second) = std::thread::scope(|scope| {
            let first = scope.spawn(|| tagger.train_pass(&keyed, &all, None, options));
            let second = tagger.train_pass(&keyed, &all, Some(&outside), options);
            (first.join().expect("training thread"), second)
        });
        tagger.first = first;
        tagger.second = second;
        tagger
    }

    /// Trains the weights of one pass on the sentences `which` of `keyed`, seeing the classes
    /// `right` to the right when given.
    fn train_pass(
        &self,
        keyed: &[(Vec<WordKeys>, Vec<u16>)],
        which: &[usize],
        right: Option<&[Vec<u16>]>,
        options: &TaggerOptions,
    ) -> Weights {
        let mut trainer = Trainer::new(self.tags.len());
        let mut order = which.to_vec();
        let mut rng = Rng::new(options.seed);
        let mut features = Vec::with_capacity(48);
        let mut scores = vec![0f32; self.tags.len()];
        let sentences: Vec<Sentence<'_>> = keyed
            .iter()
            .map(|(keys, _)| Sentence::new(self, keys))
            .collect();
        for _ in 0..options.epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let (keys, gold) = &keyed[si];
                let sentence = &sentences[si];
                let r = right.map(|r| r[si].as_slice());
                let mut guessed: Vec<u16> = Vec::with_capacity(keys.len());
                for (i, &truth) in gold.iter().enumerate().take(keys.len()) {
                    if let Some(c) = sentence.dictionary[i] {
                        guessed.push(c);
                        continue;
                    }
                    features.clear();
                    self.features(sentence, &guessed, r, i, &mut features);
                    trainer.scores(&features, &mut scores);
                    let guess = argmax(&scores);
                    trainer.tick();
                    trainer.update(&features, usize::from(truth), guess);
                    guessed.push(guess as u16);
                }
            }
        }
        trainer.average(options.prune)
    }

    /// The number of features with weights and of stored weights.
    pub fn size(&self) -> (usize, usize) {
        (
            self.first.features() + self.second.features(),
            self.first.entries() + self.second.entries(),
        )
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        out.len(self.tags.len());
        for t in &self.tags {
            out.u8(t.upos as u8);
            out.u8(t.xpos as u8);
        }
        self.first.write(out);
        self.second.write(out);
        out.len(self.dictionary.len());
        for &(k, c) in &self.dictionary {
            out.u64(k);
            out.u16(c);
        }
        out.len(self.ambiguity.len());
        for &(k, a) in &self.ambiguity {
            out.u64(k);
            out.u64(a);
        }
        self.lexicon.write(out);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Tagger, ModelError> {
        let n = r.len()?;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            let at = r.at();
            let upos = Upos::ALL.get(usize::from(r.u8()?));
            let xpos = Xpos::ALL.get(usize::from(r.u8()?));
            match (upos, xpos) {
                (Some(&upos), Some(&xpos)) => tags.push(Tag { upos, xpos }),
                _ => {
                    return Err(ModelError::Invalid {
                        at,
                        what: "an unknown tag",
                    });
                }
            }
        }
        let first = Weights::read(r)?;
        let second = Weights::read(r)?;
        let n = r.len()?;
        let mut dictionary = Vec::with_capacity(n);
        for _ in 0..n {
            let at = r.at();
            let (k, c) = (r.u64()?, r.u16()?);
            if usize::from(c) >= tags.len() {
                return Err(ModelError::Invalid {
                    at,
                    what: "a dictionary tag the model does not have",
                });
            }
            dictionary.push((k, c));
        }
        let n = r.len()?;
        let mut ambiguity = Vec::with_capacity(n);
        for _ in 0..n {
            ambiguity.push((r.u64()?, r.u64()?));
        }
        let lexicon = FormTable::read(r)?;
        if first.classes() != tags.len() || second.classes() != tags.len() {
            return Err(ModelError::Invalid {
                at: r.at(),
                what: "tagger weights for another tag set",
            });
        }
        Ok(Tagger {
            lexicon,
            dictionary_index: dictionary.iter().copied().collect(),
            ambiguity_index: ambiguity.iter().copied().collect(),
            tags,
            first,
            second,
            dictionary,
            ambiguity,
        })
    }
}

/// Whether most words after the first are capitalised, as in a title-case headline, where
/// capitals say little about proper nouns.
fn title_case(words: &[WordKeys]) -> bool {
    let rest = words.get(1..).unwrap_or_default();
    let capitals = rest.iter().filter(|w| w.capitalised).count();
    rest.len() >= 3 && capitals * 5 >= rest.len() * 3
}

/// The index of the highest score (the first of equals).
pub(crate) fn argmax<S: PartialOrd + Copy>(scores: &[S]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}
