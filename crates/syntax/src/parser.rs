//! The dependency parser: greedy arc-eager transitions ([`crate::transition`]) scored by an
//! averaged perceptron over the rich non-local features of Zhang and Nivre (2011): words and
//! tags of the stack top, its head and grandparent, its leftmost and rightmost children, the
//! first three buffer words and the leftmost children of the front, the distance between stack
//! top and buffer front, valencies and the label sets of children. Trained with the dynamic
//! oracle and exploration of the model's own errors (Goldberg and Nivre 2012).

use crate::ModelError;
use crate::codec::{Reader, Writer};
use crate::hash::{self, KeyMap, f1, f2, f3};
use crate::lexicon::FormTable;
use crate::perceptron::Trainer;
use crate::rng::Rng;
use crate::tagger::Tag;
use crate::tags::Rel;
use crate::transition::{Move, NONE, State, label_index};
use crate::weights::Weights;
use crate::words::WordKeys;

/// A trained parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    /// The labels, in class order.
    labels: Vec<Rel>,
    weights: Weights,
    /// Normalised forms seen often enough in training to be features of their own, sorted.
    vocabulary: Vec<u64>,
    known: KeyMap<()>,
    /// Semantic fields of forms ([`crate::lexicon::senses`]).
    senses: FormTable,
}

/// How to train a parser.
#[derive(Debug, Clone)]
pub struct ParserOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the shuffling and of the exploration.
    pub seed: u64,
    /// From which pass on the parser follows its own choices...
    pub explore_from: usize,
    /// ... this share of the time.
    pub explore: f64,
    /// Averaged weights below this magnitude are dropped.
    pub prune: f64,
    /// A normalised form is a feature of its own when seen at least this often.
    pub known_count: usize,
    /// Whether the parser sees the semantic fields of nouns and verbs
    /// ([`crate::lexicon::senses`]).
    pub senses: bool,
}

impl Default for ParserOptions {
    fn default() -> ParserOptions {
        ParserOptions {
            epochs: 12,
            seed: 7,
            explore_from: 1,
            explore: 0.9,
            prune: 1.0,
            known_count: 2,
            senses: true,
        }
    }
}

/// A sentence to learn from: its words, their (predicted) tags and the gold tree, projective,
/// as `(head, label)` per word.
#[derive(Debug, Clone)]
pub struct Example {
    /// Word keys.
    pub words: Vec<WordKeys>,
    /// Tags, as the tagger gives them.
    pub tags: Vec<Tag>,
    /// `(head, relation)` of each word, projective.
    pub tree: Vec<(usize, Rel)>,
}

/// The word and tag keys of a sentence, with the root at index 0.
struct Tokens {
    word: Vec<u64>,
    tag: Vec<u64>,
    /// The semantic field of nouns and verbs.
    sense: Vec<u64>,
    /// Punctuation marks before each position (`punct[i]` counts words `1..i`).
    punct: Vec<u32>,
}

const NO_WORD: u64 = 0x6e6f_6e65;
const RARE_WORD: u64 = 0x7261_7265;
const ROOT_WORD: u64 = 0x726f_6f74;

impl Tokens {
    fn new(words: &[WordKeys], tags: &[Tag], known: &KeyMap<()>, senses: &FormTable) -> Tokens {
        // The semantic field of the sense the tag picks (none for other words, and for all
        // when the model has no senses).
        let mut sense = Vec::new();
        if !senses.is_empty() {
            sense.reserve(words.len() + 1);
            sense.push(ROOT_WORD);
        }
        for (w, t) in words.iter().zip(tags).filter(|_| !senses.is_empty()) {
            let fields = senses.get(w);
            let field = match t.upos {
                crate::Upos::Noun | crate::Upos::Propn => 0x100 | u64::from(fields & 0xff),
                crate::Upos::Verb => 0x200 | u64::from(fields >> 8),
                _ => 0,
            };
            sense.push(field);
        }
        let mut word = Vec::with_capacity(words.len() + 1);
        let mut tag = Vec::with_capacity(words.len() + 1);
        let mut punct = Vec::with_capacity(words.len() + 2);
        word.push(ROOT_WORD);
        tag.push(ROOT_WORD);
        punct.push(0);
        punct.push(0);
        let mut marks = 0;
        for (w, t) in words.iter().zip(tags) {
            // A word seen too rarely in training stands for its tag and shape only, as every
            // unknown word does.
            word.push(if known.contains_key(&w.norm) {
                w.norm
            } else {
                hash::fmix(RARE_WORD ^ w.shape)
            });
            tag.push(tag_key(*t));
            marks += u32::from(t.upos == crate::Upos::Punct);
            punct.push(marks);
        }
        Tokens {
            word,
            tag,
            sense,
            punct,
        }
    }
    /// Punctuation marks strictly between positions `a` and `b` (words, or the root last).
    #[inline]
    fn punct_between(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            return 3;
        }
        let n = self.word.len() as u32 - 1;
        let pos = |w: u32| if w == 0 { n + 1 } else { w };
        let (lo, hi) = (pos(a).min(pos(b)), pos(a).max(pos(b)));
        // Marks among words lo+1 .. hi-1.
        let count =
            self.punct[(hi as usize).min(self.punct.len() - 1)] - self.punct[lo as usize + 1];
        u64::from(count.min(2))
    }
    #[inline]
    fn sense(&self, i: u32) -> u64 {
        if i == NONE {
            NO_WORD
        } else {
            self.sense[i as usize]
        }
    }
    #[inline]
    fn w(&self, i: u32) -> u64 {
        if i == NONE {
            NO_WORD
        } else {
            self.word[i as usize]
        }
    }
    /// The universal part of speech alone.
    #[inline]
    fn u(&self, i: u32) -> u64 {
        if i == NONE {
            0xff
        } else {
            self.tag[i as usize] >> 8 & 0xff
        }
    }
    #[inline]
    fn p(&self, i: u32) -> u64 {
        if i == NONE {
            NO_WORD
        } else {
            self.tag[i as usize]
        }
    }
}

/// The key of a tag as the parser's features see it.
fn tag_key(t: Tag) -> u64 {
    ((t.upos as u64) << 8) | t.xpos as u64
}

/// The distance between two words, in buckets.
fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// The feature templates.
#[derive(Clone, Copy)]
#[repr(u32)]
enum T {
    S0wp = 1,
    S0w,
    S0p,
    N0wp,
    N0w,
    N0p,
    N1wp,
    N1w,
    N1p,
    N2wp,
    N2w,
    N2p,
    S0wpN0wp,
    S0wpN0w,
    S0wN0wp,
    S0wpN0p,
    S0pN0wp,
    S0wN0w,
    S0pN0p,
    N0pN1p,
    N0pN1pN2p,
    S0pN0pN1p,
    S0hpS0pN0p,
    S0pS0lpN0p,
    S0pS0rpN0p,
    S0pN0pN0lp,
    S0wd,
    S0pd,
    N0wd,
    N0pd,
    S0wN0wd,
    S0pN0pd,
    S0wvr,
    S0pvr,
    S0wvl,
    S0pvl,
    N0wvl,
    N0pvl,
    S0hw,
    S0hp,
    S0l,
    S0lw,
    S0lp,
    S0ll,
    S0rw,
    S0rp,
    S0rl,
    N0lw,
    N0lp,
    N0ll,
    S0h2w,
    S0h2p,
    S0hl,
    S0l2w,
    S0l2p,
    S0l2l,
    S0r2w,
    S0r2p,
    S0r2l,
    N0l2w,
    N0l2p,
    N0l2l,
    S0pS0lpS0l2p,
    S0pS0rpS0r2p,
    S0pS0hpS0h2p,
    N0pN0lpN0l2p,
    S0wsr,
    S0psr,
    S0wsl,
    S0psl,
    N0wsl,
    N0psl,
    S1w,
    S1p,
    S1pS0pN0p,
    S0HeadedS0pN0p,
    S0pN0pPunct,
    S0wN0pPunct,
    S0uN0uN1uN2u,
    S1uS0uN0uN1u,
    S0lluS0uN0u,
    N0llN0uS0u,
    S0hS0luN0u,
    N3p,
    S0rlS0uN0u,
    S2p,
    S2pS1pS0p,
    S1l,
    S1wS0w,
    S1pS1lS0p,
    S0s,
    N0s,
    N1s,
    S0sN0s,
    S0pN0s,
    S0sN0p,
    S0sN0sD,
}

impl Parser {
    /// The tree of a sentence: `(head, relation)` of each word, heads 1-based, 0 the root.
    pub fn parse(&self, words: &[WordKeys], tags: &[Tag]) -> Vec<(usize, Rel)> {
        let tokens = Tokens::new(words, tags, &self.known, &self.senses);
        let mut state = State::new(words.len(), label_index(&self.labels, Rel::Root));
        let mut features = Vec::with_capacity(80);
        let mut scores = vec![0i32; self.weights.classes()];
        let labels = self.labels.len();
        while !state.done() {
            features.clear();
            features_of(&state, &tokens, &mut features);
            scores.fill(0);
            self.weights.add_scores(&features, &mut scores);
            let m = best_valid(&state, &scores, labels);
            state.apply_labelled(m, best_right(&scores, labels, state.root_label, i32::MIN));
        }
        self.tree_of(&state)
    }

    fn tree_of(&self, state: &State) -> Vec<(usize, Rel)> {
        let fallback = label_index(&self.labels, Rel::Parataxis);
        state
            .tree(fallback)
            .into_iter()
            .map(|(h, l)| (h as usize, self.labels[usize::from(l)]))
            .collect()
    }

    /// Trains a parser on `examples`.
    pub fn train(examples: &[Example], options: &ParserOptions) -> Parser {
        let labels: Vec<Rel> = Rel::ALL.to_vec();
        let classes = 2 + 2 * labels.len();
        let mut trainer = Trainer::new(classes);
        let mut rng = Rng::new(options.seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut features = Vec::with_capacity(80);
        let mut scores = vec![0f32; classes];
        let golds: Vec<Vec<(u32, u8)>> = examples
            .iter()
            .map(|e| {
                std::iter::once((NONE, 0))
                    .chain(
                        e.tree
                            .iter()
                            .map(|&(h, r)| (h as u32, label_index(&labels, r))),
                    )
                    .collect()
            })
            .collect();
        let mut counts: KeyMap<usize> = KeyMap::default();
        for w in examples.iter().flat_map(|e| &e.words) {
            *counts.entry(w.norm).or_default() += 1;
        }
        let mut vocabulary: Vec<u64> = counts
            .into_iter()
            .filter(|&(_, n)| n >= options.known_count)
            .map(|(w, _)| w)
            .collect();
        vocabulary.sort_unstable();
        let known: KeyMap<()> = vocabulary.iter().map(|&w| (w, ())).collect();
        let senses = if options.senses {
            FormTable::new(&crate::lexicon::senses())
        } else {
            FormTable::default()
        };
        let tokens: Vec<Tokens> = examples
            .iter()
            .map(|e| Tokens::new(&e.words, &e.tags, &known, &senses))
            .collect();
        let mut costs = vec![u32::MAX; classes];
        let root = label_index(&labels, Rel::Root);
        for epoch in 0..options.epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let gold = &golds[si];
                let mut state = State::new(examples[si].words.len(), root);
                let mut on_stack = vec![false; gold.len()];
                while !state.done() {
                    features.clear();
                    features_of(&state, &tokens[si], &mut features);
                    trainer.scores(&features, &mut scores);
                    costs_of(&state, gold, &on_stack, labels.len(), &mut costs);
                    let guess = best_of(&scores, |c| costs[c] != u32::MAX);
                    let least = costs.iter().copied().min().unwrap_or(0);
                    let truth = best_of(&scores, |c| costs[c] == least);
                    trainer.tick();
                    if costs[guess] > least {
                        trainer.update(&features, truth, guess);
                    }
                    let follow = epoch >= options.explore_from && rng.unit() < options.explore;
                    let next = if follow { guess } else { truth };
                    let m = Move::of_class(next, labels.len());
                    match m {
                        Move::Shift | Move::Right(_) => on_stack[state.b0() as usize] = true,
                        Move::Reduce | Move::Left(_) => on_stack[state.s0() as usize] = false,
                    }
                    state.apply_labelled(m, best_right(&scores, labels.len(), root, f32::MIN));
                }
            }
        }
        Parser {
            labels,
            weights: trainer.average(options.prune),
            vocabulary,
            known,
            senses,
        }
    }

    /// The number of features with weights and of stored weights.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.features(), self.weights.entries())
    }

    pub(crate) fn write(&self, out: &mut Writer) {
        out.len(self.labels.len());
        for &l in &self.labels {
            out.u8(l as u8);
        }
        self.weights.write(out);
        out.len(self.vocabulary.len());
        for &w in &self.vocabulary {
            out.u64(w);
        }
        self.senses.write(out);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Parser, ModelError> {
        let n = r.len()?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let at = r.at();
            match Rel::ALL.get(usize::from(r.u8()?)) {
                Some(&l) => labels.push(l),
                None => {
                    return Err(ModelError::Invalid {
                        at,
                        what: "an unknown relation",
                    });
                }
            }
        }
        let weights = Weights::read(r)?;
        if weights.classes() != 2 + 2 * labels.len() || labels.len() > 64 {
            return Err(ModelError::Invalid {
                at: r.at(),
                what: "parser weights for another label set",
            });
        }
        let n = r.len()?;
        let vocabulary: Vec<u64> = (0..n).map(|_| r.u64()).collect::<Result<_, _>>()?;
        let known = vocabulary.iter().map(|&w| (w, ())).collect();
        Ok(Parser {
            labels,
            weights,
            vocabulary,
            known,
            senses: FormTable::read(r)?,
        })
    }
}

/// The cost of every class in `state` (`u32::MAX` for invalid ones).
fn costs_of(state: &State, gold: &[(u32, u8)], on_stack: &[bool], labels: usize, out: &mut [u32]) {
    out.fill(u32::MAX);
    for m in [Move::Shift, Move::Reduce] {
        if state.valid(m) {
            out[m.class(labels)] = state.cost(m, gold, on_stack);
        }
    }
    let s = state.s0();
    let b = state.b0();
    if s == NONE {
        return;
    }
    // The cost without the label, then one more for a wrong label of a right head.
    let (gh, gl) = gold[s as usize];
    let base = state.cost(Move::Left(gl), gold, on_stack);
    for l in 0..labels as u8 {
        if state.valid(Move::Left(l)) {
            out[Move::Left(l).class(labels)] = base + u32::from(gh == b && l != gl);
        }
    }
    if b != 0 {
        let (gh, gl) = gold[b as usize];
        let base = state.cost(Move::Right(gl), gold, on_stack);
        for l in 0..labels as u8 {
            if state.valid(Move::Right(l)) {
                out[Move::Right(l).class(labels)] = base + u32::from(gh == s && l != gl);
            }
        }
    }
}

/// The best-scoring class among those `allowed`.
fn best_of(scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best = usize::MAX;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && (best == usize::MAX || s > scores[best]) {
            best = c;
        }
    }
    best
}

/// The best-scoring right-arc label (the first of equal scores; label 0 if none beats
/// `floor`), over quantised or training scores.
fn best_right<T: PartialOrd + Copy>(scores: &[T], labels: usize, root: u8, floor: T) -> u8 {
    let mut best = (floor, 0u8);
    for l in 0..labels as u8 {
        let s = scores[2 + labels + usize::from(l)];
        if l != root && s > best.0 {
            best = (s, l);
        }
    }
    best.1
}

/// The best-scoring valid move.
fn best_valid(state: &State, scores: &[i32], labels: usize) -> Move {
    let mut best: Option<(i32, usize)> = None;
    let mut consider = |c: usize| {
        if best.is_none_or(|(s, _)| scores[c] > s) {
            best = Some((scores[c], c));
        }
    };
    if state.valid(Move::Shift) {
        consider(0);
    }
    if state.valid(Move::Reduce) {
        consider(1);
    }
    let root = usize::from(state.root_label);
    if state.s0() != NONE {
        if state.b0() == 0 {
            consider(2 + root);
        } else {
            (2..2 + labels)
                .filter(|&c| c != 2 + root)
                .for_each(&mut consider);
        }
    }
    if state.valid(Move::Right(0)) || state.valid(Move::Right(1)) {
        (2 + labels..2 + 2 * labels)
            .filter(|&c| c != 2 + labels + root)
            .for_each(&mut consider);
    }
    // Unless the parse is done, reduce or a left-arc is always possible once the buffer holds
    // only the root, and shift before.
    best.map_or(Move::Shift, |(_, c)| Move::of_class(c, labels))
}

/// Pushes the features of `state` to `out`.
fn features_of(state: &State, t: &Tokens, out: &mut Vec<u64>) {
    let nodes = &state.nodes;
    let node = |i: u32| {
        if i == NONE {
            None
        } else {
            Some(&nodes[i as usize])
        }
    };
    let head = |i: u32| node(i).map_or(NONE, |n| n.head);
    let lab = |i: u32| {
        node(i).map_or(0xff, |n| {
            if n.head == NONE {
                0xfe
            } else {
                u64::from(n.label)
            }
        })
    };
    let s0 = state.s0();
    let s1 = if state.stack.len() >= 2 {
        state.stack[state.stack.len() - 2]
    } else {
        NONE
    };
    let (n0, n1, n2) = (state.buffer(0), state.buffer(1), state.buffer(2));
    let _ = n0;
    let s0n = node(s0).copied().unwrap_or_default();
    let n0n = node(n0).copied().unwrap_or_default();
    let s0h = head(s0);
    let s0h2 = head(s0h);
    let (s0l, s0l2) = (s0n.left[0], s0n.left[1]);
    let (s0r, s0r2) = (s0n.right[0], s0n.right[1]);
    let (n0l, n0l2) = (n0n.left[0], n0n.left[1]);
    let (s0w, s0p, n0w, n0p) = (t.w(s0), t.p(s0), t.w(n0), t.p(n0));
    let (n1w, n1p, n2w, n2p) = (t.w(n1), t.p(n1), t.w(n2), t.p(n2));
    let d = distance(s0, n0);
    let (vl, vr, nvl) = (
        u64::from(s0n.valency[0]),
        u64::from(s0n.valency[1]),
        u64::from(n0n.valency[0]),
    );
    let (sl, sr, nsl) = (s0n.labels[0], s0n.labels[1], n0n.labels[0]);
    let s0wp = hash::fmix(s0w ^ s0p.rotate_left(29));
    let n0wp = hash::fmix(n0w ^ n0p.rotate_left(29));
    let n1wp = hash::fmix(n1w ^ n1p.rotate_left(29));
    let n2wp = hash::fmix(n2w ^ n2p.rotate_left(29));
    out.extend([
        f1(T::S0wp as u32, s0wp),
        f1(T::S0w as u32, s0w),
        f1(T::S0p as u32, s0p),
        f1(T::N0wp as u32, n0wp),
        f1(T::N0w as u32, n0w),
        f1(T::N0p as u32, n0p),
        f1(T::N1wp as u32, n1wp),
        f1(T::N1w as u32, n1w),
        f1(T::N1p as u32, n1p),
        f1(T::N2wp as u32, n2wp),
        f1(T::N2w as u32, n2w),
        f1(T::N2p as u32, n2p),
        f2(T::S0wpN0wp as u32, s0wp, n0wp),
        f2(T::S0wpN0w as u32, s0wp, n0w),
        f2(T::S0wN0wp as u32, s0w, n0wp),
        f2(T::S0wpN0p as u32, s0wp, n0p),
        f2(T::S0pN0wp as u32, s0p, n0wp),
        f2(T::S0wN0w as u32, s0w, n0w),
        f2(T::S0pN0p as u32, s0p, n0p),
        f2(T::N0pN1p as u32, n0p, n1p),
        f3(T::N0pN1pN2p as u32, n0p, n1p, n2p),
        f3(T::S0pN0pN1p as u32, s0p, n0p, n1p),
        f3(T::S0hpS0pN0p as u32, t.p(s0h), s0p, n0p),
        f3(T::S0pS0lpN0p as u32, s0p, t.p(s0l), n0p),
        f3(T::S0pS0rpN0p as u32, s0p, t.p(s0r), n0p),
        f3(T::S0pN0pN0lp as u32, s0p, n0p, t.p(n0l)),
        f2(T::S0wd as u32, s0w, d),
        f2(T::S0pd as u32, s0p, d),
        f2(T::N0wd as u32, n0w, d),
        f2(T::N0pd as u32, n0p, d),
        f3(T::S0wN0wd as u32, s0w, n0w, d),
        f3(T::S0pN0pd as u32, s0p, n0p, d),
        f2(T::S0wvr as u32, s0w, vr),
        f2(T::S0pvr as u32, s0p, vr),
        f2(T::S0wvl as u32, s0w, vl),
        f2(T::S0pvl as u32, s0p, vl),
        f2(T::N0wvl as u32, n0w, nvl),
        f2(T::N0pvl as u32, n0p, nvl),
        f1(T::S0hw as u32, t.w(s0h)),
        f1(T::S0hp as u32, t.p(s0h)),
        f1(T::S0l as u32, lab(s0)),
        f1(T::S0lw as u32, t.w(s0l)),
        f1(T::S0lp as u32, t.p(s0l)),
        f1(T::S0ll as u32, lab(s0l)),
        f1(T::S0rw as u32, t.w(s0r)),
        f1(T::S0rp as u32, t.p(s0r)),
        f1(T::S0rl as u32, lab(s0r)),
        f1(T::N0lw as u32, t.w(n0l)),
        f1(T::N0lp as u32, t.p(n0l)),
        f1(T::N0ll as u32, lab(n0l)),
        f1(T::S0h2w as u32, t.w(s0h2)),
        f1(T::S0h2p as u32, t.p(s0h2)),
        f1(T::S0hl as u32, lab(s0h)),
        f1(T::S0l2w as u32, t.w(s0l2)),
        f1(T::S0l2p as u32, t.p(s0l2)),
        f1(T::S0l2l as u32, lab(s0l2)),
        f1(T::S0r2w as u32, t.w(s0r2)),
        f1(T::S0r2p as u32, t.p(s0r2)),
        f1(T::S0r2l as u32, lab(s0r2)),
        f1(T::N0l2w as u32, t.w(n0l2)),
        f1(T::N0l2p as u32, t.p(n0l2)),
        f1(T::N0l2l as u32, lab(n0l2)),
        f3(T::S0pS0lpS0l2p as u32, s0p, t.p(s0l), t.p(s0l2)),
        f3(T::S0pS0rpS0r2p as u32, s0p, t.p(s0r), t.p(s0r2)),
        f3(T::S0pS0hpS0h2p as u32, s0p, t.p(s0h), t.p(s0h2)),
        f3(T::N0pN0lpN0l2p as u32, n0p, t.p(n0l), t.p(n0l2)),
        f2(T::S0wsr as u32, s0w, sr),
        f2(T::S0psr as u32, s0p, sr),
        f2(T::S0wsl as u32, s0w, sl),
        f2(T::S0psl as u32, s0p, sl),
        f2(T::N0wsl as u32, n0w, nsl),
        f2(T::N0psl as u32, n0p, nsl),
        f1(T::S1w as u32, t.w(s1)),
        f1(T::S1p as u32, t.p(s1)),
        f3(T::S1pS0pN0p as u32, t.p(s1), s0p, n0p),
        f3(T::S0HeadedS0pN0p as u32, u64::from(s0h != NONE), s0p, n0p),
        f3(T::S0pN0pPunct as u32, s0p, n0p, t.punct_between(s0, n0)),
        f3(T::S0wN0pPunct as u32, s0w, n0p, t.punct_between(s0, n0)),
        f3(
            T::S0uN0uN1uN2u as u32,
            t.u(s0),
            t.u(n0),
            (t.u(n1) << 8) | t.u(n2),
        ),
        f3(
            T::S1uS0uN0uN1u as u32,
            t.u(s1),
            t.u(s0),
            (t.u(n0) << 8) | t.u(n1),
        ),
        f3(T::S0lluS0uN0u as u32, lab(s0l), t.u(s0), t.u(n0)),
        f3(T::N0llN0uS0u as u32, lab(n0l), t.u(n0), t.u(s0)),
        f3(T::S0hS0luN0u as u32, t.u(s0h), lab(s0), t.u(n0)),
        f1(T::N3p as u32, t.p(state.buffer(3))),
        f3(T::S0rlS0uN0u as u32, lab(s0r), t.u(s0), t.u(n0)),
    ]);
    let s2 = if state.stack.len() >= 3 {
        state.stack[state.stack.len() - 3]
    } else {
        NONE
    };
    out.extend([
        f1(T::S2p as u32, t.p(s2)),
        f3(T::S2pS1pS0p as u32, t.p(s2), t.p(s1), s0p),
        f1(T::S1l as u32, lab(s1)),
        f2(T::S1wS0w as u32, t.w(s1), s0w),
        f3(T::S1pS1lS0p as u32, t.p(s1), lab(s1), s0p),
    ]);
    if !t.sense.is_empty() {
        let (a, b, c) = (t.sense(s0), t.sense(n0), t.sense(n1));
        out.extend([
            f1(T::S0s as u32, a),
            f1(T::N0s as u32, b),
            f1(T::N1s as u32, c),
            f2(T::S0sN0s as u32, a, b),
            f2(T::S0pN0s as u32, s0p, b),
            f2(T::S0sN0p as u32, a, n0p),
            f3(T::S0sN0sD as u32, a, b, d),
        ]);
    }
}
