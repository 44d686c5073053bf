//! Projectivisation of training trees: the arc-eager parser builds only projective trees (no
//! crossing arcs), so each non-projective arc of a treebank tree is lifted to its head's head
//! until no arc crosses another (Kahane, Nasr and Rambow 1998; Nivre and Nilsson 2005 without
//! the label encoding). A few percent of sentences are affected; evaluation is always against
//! the original tree.

/// Lifts non-projective arcs of `heads` (1-based word indices, 0 for the root; `heads[i]` is
/// the head of word `i + 1`) until the tree is projective. Returns how many arcs were lifted.
pub fn projectivise(heads: &mut [usize]) -> usize {
    let mut lifted = 0;
    // Each lift moves a word closer to the root, so this ends; the bound is a guard against a
    // malformed (cyclic) tree.
    for _ in 0..heads.len() * heads.len() + 1 {
        let Some(d) = shortest_non_projective(heads) else {
            return lifted;
        };
        let h = heads[d - 1];
        heads[d - 1] = if h == 0 { 0 } else { heads[h - 1] };
        lifted += 1;
    }
    lifted
}

/// Does `h` dominate `w` (is it `w` or an ancestor of `w`)?
fn dominates(heads: &[usize], h: usize, mut w: usize) -> bool {
    for _ in 0..=heads.len() {
        if w == h {
            return true;
        }
        if w == 0 {
            return false;
        }
        w = heads[w - 1];
    }
    false
}

/// The dependent of the shortest non-projective arc, if any: an arc is non-projective when a
/// word between its ends is not dominated by its head.
fn shortest_non_projective(heads: &[usize]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for d in 1..=heads.len() {
        let h = heads[d - 1];
        let (lo, hi) = (h.min(d), h.max(d));
        let crossing = (lo + 1..hi).any(|w| !dominates(heads, h, w));
        if crossing && best.is_none_or(|(len, _)| hi - lo < len) {
            best = Some((hi - lo, d));
        }
    }
    best.map(|(_, d)| d)
}

/// Whether the tree `heads` has no crossing arcs.
pub fn is_projective(heads: &[usize]) -> bool {
    shortest_non_projective(heads).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifts_a_crossing_arc() {
        // "A hearing is scheduled on the issue today": 2 "hearing" <- 7 "issue" crosses 4.
        //  words: 1 A, 2 hearing, 3 is, 4 scheduled, 5 on, 6 the, 7 issue, 8 today
        let mut heads = vec![2, 4, 4, 0, 7, 7, 2, 4];
        assert!(!is_projective(&heads));
        assert_eq!(projectivise(&mut heads), 1);
        assert_eq!(heads, vec![2, 4, 4, 0, 7, 7, 4, 4]);
        assert!(is_projective(&heads));
    }
}
