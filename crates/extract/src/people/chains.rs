//! Chains and titles: runs of capitalised words that may name a person, with hyphenated
//! words joined, and the list evidence that carries along them.

use super::names::classify;
use super::{Candidate, LONGEST_PARTICLE, soft_space, strip_possessive};
use crate::lexicon::{PARTICLES, lexicon};
use crate::segment::Token;

/// Joins words linked by hyphens into one token ("Cheuk-ting", "al-Nakhala", "Jong-un"): a
/// hyphenated name part is judged as a whole. Replaces the contents of `out`.
pub(super) fn merge_hyphens<'t>(text: &'t str, toks: &[Token<'t>], out: &mut Vec<Token<'t>>) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        let mut span = toks[i].span;
        let mut j = i;
        while toks[j].is_word()
            && toks.get(j + 1).is_some_and(|h| h.text == "-")
            && toks.get(j + 2).is_some_and(|w| w.is_word())
        {
            span.end = toks[j + 2].span.end;
            j += 2;
        }
        out.push(if j == i {
            toks[i]
        } else {
            Token {
                span,
                text: span.of(text),
            }
        });
        i = j + 1;
    }
}

/// `al-Nakhala`, `el-Sisi`: a particle hyphenated to a capitalised name.
pub(super) fn particle_compound(t: &Token<'_>) -> bool {
    // A word with no hyphen near its start has no particle before one.
    let near = &t.text.as_bytes()[..t.text.len().min(LONGEST_PARTICLE + 1)];
    near.contains(&b'-')
        && t.text.split_once('-').is_some_and(|(p, rest)| {
            PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

/// `J`, `K.C`: initials (the final period is a token of its own).
pub(super) fn is_initials(t: &Token<'_>) -> bool {
    let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && t.text.chars().all(|c| c.is_uppercase() || c == '.')
        && (letters == 1 || t.text.contains('.'))
}

/// Collects candidate names from one sentence's tokens (hyphenated words merged); `words` is a
/// buffer.
pub(super) fn chains(
    text: &str,
    toks: &[Token<'_>],
    si: usize,
    words: &mut Vec<usize>,
    out: &mut Vec<Candidate>,
) {
    let lex = lexicon();
    let first_of_sentence = out.len();
    // Where the sentence's first word (or comma) stands: chains there are sentence-initial.
    let first_word = toks
        .iter()
        .position(|t| t.is_word() || t.text == ",")
        .unwrap_or(0);
    let mut i = 0;
    while i < toks.len() {
        whomet_core::work::tick(1);
        let t = toks[i];
        if !(t.is_word() && t.is_capitalized() || particle_compound(&t)) {
            i += 1;
            continue;
        }
        // Extend the chain: word indices in `toks`.
        words.clear();
        words.push(i);
        let mut j = i;
        let mut possessive = false;
        loop {
            let cur = toks[j];
            if strip_possessive(cur.text).1 {
                possessive = true;
                break;
            }
            // Initials and abbreviated titles with their period ("K.C.", "Dr.").
            let abbreviated = is_initials(&cur) || (cur.text.len() <= 5 && lex.is_title(cur.text));
            let after = if abbreviated && toks.get(j + 1).is_some_and(|n| n.text == ".") {
                j + 2
            } else {
                j + 1
            };
            let Some(sep) = toks.get(after) else { break };
            if !soft_space(sep) {
                break;
            }
            let next = after + 1;
            let Some(n) = toks.get(next) else { break };
            let joins_particle = PARTICLES.contains(&n.text)
                && toks.get(next + 1).is_some_and(|s| soft_space(s))
                && toks
                    .get(next + 2)
                    .is_some_and(|w| (w.is_capitalized() && w.is_word()) || particle_compound(w));
            if (n.is_word() && n.is_capitalized()) || particle_compound(n) || joins_particle {
                words.push(next);
                j = next;
            } else {
                break;
            }
        }
        let last = *words.last().expect("chain has a word");
        i = last + 1;
        classify(text, toks, words, possessive, si, first_word, out);
    }
    promote_list_members(toks, &mut out[first_of_sentence..]);
}

/// In a list ("Ansel Adams, Walker Evans, and Helmut Newton"), a two-word name next to people
/// is a person too.
fn promote_list_members(toks: &[Token<'_>], cands: &mut [Candidate]) {
    let listed = |a: &Candidate, b: &Candidate| {
        let from = toks.partition_point(|t| t.span.start < a.chain.end);
        let to = toks.partition_point(|t| t.span.end <= b.chain.start);
        let between: Vec<&str> = toks[from..to.max(from)]
            .iter()
            .filter(|t| !t.is_space())
            .map(|t| t.text)
            .collect();
        whomet_core::work::tick(between.len() + 1);
        !between.is_empty() && between.iter().all(|w| matches!(*w, "," | "and" | "or"))
    };
    let person = |c: &Candidate| c.strong && c.words >= 2;
    // A sweep each way carries the evidence along a list.
    for k in 1..cands.len() {
        if !cands[k].strong
            && cands[k].listable
            && person(&cands[k - 1])
            && listed(&cands[k - 1], &cands[k])
        {
            cands[k].strong = true;
        }
    }
    for k in (0..cands.len().saturating_sub(1)).rev() {
        if !cands[k].strong
            && cands[k].listable
            && person(&cands[k + 1])
            && listed(&cands[k], &cands[k + 1])
        {
            cands[k].strong = true;
        }
    }
}
