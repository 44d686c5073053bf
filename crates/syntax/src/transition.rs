//! The arc-eager transition system (Nivre 2003) with the root at the end of the buffer
//! (Ballesteros and Nivre 2013), made non-monotonic (Honnibal, Goldberg and Johnson 2013): a
//! left-arc may replace the head a right-arc gave the top of the stack, and reducing a word
//! that has no head attaches it to the word below it, with the label the parser liked best for
//! it when it was shifted. So an early wrong decision can be undone, and a sentence never ends
//! with several headless words that can only all go to the root. With it, its dynamic oracle
//! (after Goldberg and Nivre 2012): for any configuration, how many gold arcs each transition
//! makes unreachable. With the root last, a word is attached to the root only when the whole
//! sentence has been read, which suits the greedy parser better than deciding it when the word
//! is first seen.

use crate::tags::Rel;

/// A transition: `Shift`, `Reduce`, `Left(label)` or `Right(label)`, as one class number:
/// 0 shift, 1 reduce, `2 + l` left-arc with label `l`, `2 + L + l` right-arc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the front of the buffer.
    Shift,
    /// Pop the top of the stack; without a head, it gets the word below.
    Reduce,
    /// The front of the buffer becomes the head of the top of the stack (replacing any head
    /// it had), which is popped.
    Left(u8),
    /// The top of the stack becomes the head of the front of the buffer, which is pushed.
    Right(u8),
}

impl Move {
    /// The class number of this move, with `labels` labels.
    pub fn class(self, labels: usize) -> usize {
        match self {
            Move::Shift => 0,
            Move::Reduce => 1,
            Move::Left(l) => 2 + usize::from(l),
            Move::Right(l) => 2 + labels + usize::from(l),
        }
    }

    /// The move of class number `c`.
    pub fn of_class(c: usize, labels: usize) -> Move {
        match c {
            0 => Move::Shift,
            1 => Move::Reduce,
            c if c < 2 + labels => Move::Left((c - 2) as u8),
            c => Move::Right((c - 2 - labels) as u8),
        }
    }
}

/// No word: an empty stack or buffer position, or a word without a head yet.
pub const NONE: u32 = u32::MAX;

/// What a node of the partial tree has gathered.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    /// Head, or [`NONE`].
    pub head: u32,
    /// Label index of the arc to the head.
    pub label: u8,
    /// Leftmost and second leftmost children.
    pub left: [u32; 2],
    /// Rightmost and second rightmost children.
    pub right: [u32; 2],
    /// Numbers of left and right children.
    pub valency: [u8; 2],
    /// The labels of the left and of the right children, as bit sets.
    pub labels: [u64; 2],
}

impl Default for Node {
    fn default() -> Node {
        Node {
            head: NONE,
            label: 0,
            left: [NONE; 2],
            right: [NONE; 2],
            valency: [0; 2],
            labels: [0; 2],
        }
    }
}

/// A parser configuration over words `1..=n`; node `0` is the root, which stands after word
/// `n` in the buffer.
#[derive(Debug, Clone)]
pub struct State {
    /// Stack, bottom first.
    pub stack: Vec<u32>,
    /// The position of the front of the buffer: the buffer is words `front..=n`, then the
    /// root (position `n + 1`).
    pub front: u32,
    /// Number of words.
    pub n: u32,
    /// Nodes `0..=n`.
    pub nodes: Vec<Node>,
    /// The label number of `root`.
    pub root_label: u8,
}

impl State {
    /// The start configuration for `n` words.
    pub fn new(n: usize, root_label: u8) -> State {
        State {
            stack: Vec::with_capacity(n),
            front: 1,
            n: n as u32,
            nodes: vec![Node::default(); n + 1],
            root_label,
        }
    }

    /// The word below the top of the stack, or [`NONE`].
    pub fn s1(&self) -> u32 {
        if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        }
    }

    /// The position of node `w` in the sentence (the root last).
    #[inline]
    fn position(&self, w: u32) -> u32 {
        if w == 0 { self.n + 1 } else { w }
    }

    /// The top of the stack, or [`NONE`].
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// The node at the front of the buffer (0 when only the root is left).
    pub fn b0(&self) -> u32 {
        if self.front <= self.n { self.front } else { 0 }
    }

    /// The `k`th node of the buffer (0 the front), or [`NONE`].
    pub fn buffer(&self, k: u32) -> u32 {
        let p = self.front + k;
        if p <= self.n {
            p
        } else if p == self.n + 1 {
            0
        } else {
            NONE
        }
    }

    /// Whether no transition is left to make.
    pub fn done(&self) -> bool {
        self.front > self.n && self.stack.is_empty()
    }

    /// Whether `m` can be made here.
    pub fn valid(&self, m: Move) -> bool {
        let s = self.s0();
        let word_front = self.front <= self.n;
        match m {
            Move::Shift => word_front,
            // A word without a head is reduced onto the word below it.
            Move::Reduce => {
                s != NONE && (self.nodes[s as usize].head != NONE || self.stack.len() >= 2)
            }
            // A left-arc may replace the head a right-arc gave. Only the root takes the root
            // label, and only it.
            Move::Left(l) => s != NONE && word_front != (l == self.root_label),
            Move::Right(l) => s != NONE && word_front && l != self.root_label,
        }
    }

    fn attach(&mut self, head: u32, dep: u32, label: u8) {
        self.nodes[dep as usize].head = head;
        self.nodes[dep as usize].label = label;
        let side = usize::from(self.position(dep) > self.position(head));
        let h = &mut self.nodes[head as usize];
        // Children on either side arrive from the nearest outward.
        if side == 0 {
            h.left = [dep, h.left[0]];
        } else {
            h.right = [dep, h.right[0]];
        }
        h.valency[side] = h.valency[side].saturating_add(1);
        h.labels[side] |= 1 << (label & 63);
    }

    /// Removes the arc to `dep`'s head, recounting the head's children.
    fn detach(&mut self, dep: u32) {
        let h = self.nodes[dep as usize].head;
        self.nodes[dep as usize].head = NONE;
        let hn = &mut self.nodes[h as usize];
        hn.left = [NONE; 2];
        hn.right = [NONE; 2];
        hn.valency = [0; 2];
        hn.labels = [0; 2];
        let children: Vec<(u32, u8)> = (1..=self.n)
            .filter(|&w| self.nodes[w as usize].head == h)
            .map(|w| (w, self.nodes[w as usize].label))
            .collect();
        // Left children arrive from the nearest outward, right children too: re-attach in
        // that order.
        let hp = self.position(h);
        for &(w, l) in children.iter().rev().filter(|&&(w, _)| w < hp) {
            self.nodes[w as usize].head = NONE;
            self.attach(h, w, l);
        }
        for &(w, l) in children.iter().filter(|&&(w, _)| w > hp) {
            self.nodes[w as usize].head = NONE;
            self.attach(h, w, l);
        }
    }

    /// Makes move `m`, which must be valid; a shifted word keeps `shift_label` for a later
    /// repairing reduce.
    pub fn apply_labelled(&mut self, m: Move, shift_label: u8) {
        if m == Move::Shift {
            self.nodes[self.front as usize].label = shift_label;
        }
        self.apply(m);
    }

    /// Makes move `m`, which must be valid.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.front);
                self.front += 1;
            }
            Move::Reduce => {
                let s = self.stack.pop().expect("valid reduce has a stack");
                if self.nodes[s as usize].head == NONE {
                    let l = self.nodes[s as usize].label;
                    self.attach(self.s0(), s, l);
                }
            }
            Move::Left(l) => {
                let s = self.stack.pop().expect("valid left-arc has a stack");
                if self.nodes[s as usize].head != NONE {
                    self.detach(s);
                }
                self.attach(self.b0(), s, l);
            }
            Move::Right(l) => {
                let s = self.s0();
                self.attach(s, self.front, l);
                self.stack.push(self.front);
                self.front += 1;
            }
        }
    }

    /// The dynamic oracle: the number of gold arcs (`gold[w]` = (head, label) of word `w`,
    /// index 0 unused) that move `m` makes unreachable, labels included. `on_stack[w]` says
    /// whether word `w` is on the stack. A word on the stack can still get its gold head from
    /// the buffer by a left-arc, or from the word below it by a reduce; like Honnibal,
    /// Goldberg and Johnson, a move that leaves an arc only a repair could make counts that
    /// arc as lost, so that repairs are learnt for the parser's own errors only.
    pub fn cost(&self, m: Move, gold: &[(u32, u8)], on_stack: &[bool]) -> u32 {
        let s = self.s0();
        let b = self.b0();
        let s1 = self.s1();
        let in_buffer = |w: u32| w != NONE && self.position(w) >= self.front;
        let stacked = |w: u32| w != 0 && w != NONE && on_stack[w as usize];
        let children_in_buffer = |h: u32| {
            (self.front..=self.n)
                .filter(|&k| gold[k as usize].0 == h)
                .count() as u32
        };
        // Stack words whose gold head is `h`, with or without a head now.
        let stacked_children = |h: u32| {
            self.stack
                .iter()
                .filter(|&&k| gold[k as usize].0 == h)
                .count() as u32
        };
        match m {
            Move::Shift => u32::from(stacked(gold[b as usize].0)) + stacked_children(b),
            Move::Reduce => {
                let (gh, gl) = gold[s as usize];
                let node = &self.nodes[s as usize];
                let wrong = if node.head == NONE {
                    // Attached to s1 with the label it was shifted with.
                    u32::from(gh == s1 && node.label != gl) + u32::from(in_buffer(gh))
                } else {
                    u32::from(in_buffer(gh) && node.head != gh)
                };
                wrong + children_in_buffer(s)
            }
            Move::Left(l) => {
                let (gh, gl) = gold[s as usize];
                let head = if gh == b {
                    u32::from(gl != l)
                } else {
                    u32::from(in_buffer(gh) || gh == s1)
                };
                head + children_in_buffer(s)
            }
            Move::Right(l) => {
                let (gh, gl) = gold[b as usize];
                let head = if gh == s {
                    u32::from(gl != l)
                } else {
                    u32::from(stacked(gh) || in_buffer(gh) && gh != b)
                };
                head + stacked_children(b)
            }
        }
    }

    /// The finished tree: `(head, label)` of words `1..=n`. Of several words attached to the
    /// root the first stays the root and the others attach to it with `fallback_label`, as do
    /// words left without a head.
    pub fn tree(&self, fallback_label: u8) -> Vec<(u32, u8)> {
        let mut out: Vec<(u32, u8)> = self.nodes[1..].iter().map(|n| (n.head, n.label)).collect();
        let root = out
            .iter()
            .position(|&(h, _)| h == 0)
            .or_else(|| out.iter().position(|&(h, _)| h == NONE));
        if let Some(r) = root {
            out[r] = (0, self.root_label);
            for (i, o) in out.iter_mut().enumerate() {
                if i != r && (o.0 == NONE || o.0 == 0) {
                    *o = ((r + 1) as u32, fallback_label);
                }
            }
        }
        out
    }
}

/// The index of `rel` in `labels` (0 when missing).
pub fn label_index(labels: &[Rel], rel: Rel) -> u8 {
    labels.iter().position(|&l| l == rel).unwrap_or(0) as u8
}
#[cfg(test)]
mod oracle_tests {
    use super::*;

    /// Follows the cheapest move from the start; on a projective tree this must rebuild it.
    fn rebuild(gold_heads: &[(u32, u8)], root: u8) -> Vec<(u32, u8)> {
        let n = gold_heads.len() - 1;
        let mut state = State::new(n, root);
        let mut on_stack = vec![false; n + 1];
        let moves = |labels: u8| {
            let mut v = vec![Move::Shift, Move::Reduce];
            for l in 0..labels {
                v.push(Move::Left(l));
                v.push(Move::Right(l));
            }
            v
        };
        while !state.done() {
            let best = moves(8)
                .into_iter()
                .filter(|&m| state.valid(m))
                .min_by_key(|&m| state.cost(m, gold_heads, &on_stack))
                .unwrap();
            assert_eq!(state.cost(best, gold_heads, &on_stack), 0, "{state:?}");
            match best {
                Move::Shift | Move::Right(_) => on_stack[state.b0() as usize] = true,
                Move::Reduce | Move::Left(_) => on_stack[state.s0() as usize] = false,
            }
            state.apply(best);
        }
        let mut tree = vec![(NONE, 0)];
        tree.extend(state.tree(7));
        tree
    }

    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // (head, label) per word, index 0 unused; label 0 is the root label here.
        let trees: Vec<Vec<(u32, u8)>> = vec![
            vec![(NONE, 0), (2, 1), (0, 0), (2, 2)],
            vec![(NONE, 0), (0, 0), (1, 3), (1, 3), (3, 4), (1, 5)],
            vec![
                (NONE, 0),
                (3, 1),
                (3, 2),
                (0, 0),
                (5, 3),
                (3, 4),
                (7, 1),
                (5, 6),
                (3, 5),
            ],
            vec![(NONE, 0), (4, 1), (1, 2), (1, 2), (0, 0), (6, 3), (4, 4)],
        ];
        for gold in trees {
            assert_eq!(rebuild(&gold, 0), gold);
        }
    }
}
