//! Chains and titles: runs of capitalised words that may name a person, with hyphenated
//! words joined, and the list evidence that carries along them.

use super::names::classify;
use super::{Candidate, LONGEST_PARTICLE, is_acronym, soft_space, strip_possessive};
use crate::finder::{Scored, Tag};
use crate::lexicon::{PARTICLES, lexicon, with_lowercase};
use crate::segment::Token;
use whomet_core::Span;

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
    tags: &[Scored],
    si: usize,
    words: &mut Vec<usize>,
    out: &mut Vec<Candidate>,
) {
    let first_of_sentence = out.len();
    // Where the sentence's first word (or comma) stands: chains there are sentence-initial.
    let first_word = toks
        .iter()
        .position(|t| t.is_word() || t.text == ",")
        .unwrap_or(0);
    // A title-case line ("Melania Trump Visits Children at the Inn") capitalises its verbs and
    // nouns too.
    let (mut long, mut capital) = (0, 0);
    for t in toks.iter().filter(|t| t.text.len() >= 4 && t.is_word()) {
        long += 1;
        capital += usize::from(t.is_capitalized());
    }
    let title_case = long >= 4 && capital * 10 >= long * 7;
    // A list entry ("-   Bo Dunmore, Director, Vell Fund"): a bulleted line, or a line with no
    // closing punctuation.
    let line = toks.first().map_or("", |f| {
        text.get(f.span.start..toks.last().map_or(f.span.end, |l| l.span.end))
            .unwrap_or("")
    });
    let entry = crate::segment::bullet_len(line) > 0
        || !line
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201d}', ':', ';']);
    let sentence = Sentence {
        text,
        toks,
        tags,
        si,
        first_word,
        entry,
    };
    let mut tails = Vec::new();
    title_tails(toks, tags, &mut tails, words);
    let mut tails = tails.into_iter().peekable();
    let mut i = 0;
    while i < toks.len() {
        whomet_core::work::tick(1);
        if !starts_chain(&toks[i]) {
            i += 1;
            continue;
        }
        let mut possessive = extend(toks, i, words);
        if title_case {
            // A function word ends a chain of a title-case line ("Kamala Harris On Extending").
            if let Some(cut) = words[1..].iter().position(|&k| {
                matches!(
                    toks[k].text,
                    "On" | "Of"
                        | "For"
                        | "To"
                        | "In"
                        | "At"
                        | "And"
                        | "With"
                        | "From"
                        | "By"
                        | "The"
                        | "An"
                )
            }) {
                words.truncate(cut + 1);
                possessive = false;
            }
        }
        if title_case && cut_at_verb(toks, words) {
            possessive = false;
        }
        let last = *words.last().expect("chain has a word");
        // Not "Kendra Davenport Cotton, Chief Operating Officer": a name that a comma ends.
        let comma_after = toks[last + 1..]
            .iter()
            .find(|t| !t.is_space())
            .is_some_and(|t| t.text == ",");
        if title_case && !comma_after {
            trim_title_case(toks, tags, words);
        }
        while tails
            .next_if(|t| t.chain < i && t.title.end <= toks[i].span.start)
            .is_some()
        {}
        let tail = tails.peek().copied();
        i = last + 1;
        // A chain inside a title, not the one that holds its name: part of the office.
        let inside = tail.is_some_and(|t| {
            t.title.start <= toks[words[0]].span.start && toks[words[0]].span.start < t.title.end
        });
        let tail = tail.filter(|t| t.chain == words[0] && t.name != usize::MAX);
        if inside && tail.is_none() {
            continue;
        }
        classify(&sentence, words, possessive, tail, out);
    }
    if crate::segment::bullet_len(line) > 0 {
        super::things::drop_entry_descriptions(toks, out, first_of_sentence);
    }
    promote_list_members(toks, &mut out[first_of_sentence..]);
}

/// What the name finding reads of one sentence.
pub(super) struct Sentence<'s, 't> {
    pub text: &'t str,
    /// Its tokens, hyphenated words joined.
    pub toks: &'s [Token<'t>],
    /// The name finder's tag of each token.
    pub tags: &'s [Scored],
    pub si: usize,
    /// Where the first word (or comma) stands: chains there are sentence-initial.
    pub first_word: usize,
    /// A list entry: a bulleted line, or one without closing punctuation.
    pub entry: bool,
}

/// A name word then a capitalised verb in a title-case line ("President Biden Announces Second
/// Slate", "Tomas Vellner Meets Prime Minister Anna Berg"): the chain ends with the name, and
/// the rest is chained again.
fn cut_at_verb(toks: &[Token<'_>], words: &mut Vec<usize>) -> bool {
    let lex = lexicon();
    let text = |k: usize| strip_possessive(toks[k].text).0;
    let verb = |w: &str| {
        is_common(w)
            && w.strip_suffix('s')
                .is_some_and(|stem| is_common(stem) && stem.len() >= 3)
            && !lex.is_title(w)
            && !is_given(w)
            && !with_lowercase(w, |w| lex.world_surnames.contains(w))
    };
    if let Some(p) = (1..words.len()).find(|&p| {
        let prev = text(words[p - 1]);
        // Not after a given name alone: that is the surname ("Scott Boos").
        let given_before = (p == 1 || lex.is_title(text(words[p - 2]))) && is_given(prev);
        verb(text(words[p]))
            && !is_common(prev)
            && !lex.is_title(prev)
            && !lex.is_non_name(prev)
            && !given_before
    }) {
        words.truncate(p);
        return true;
    }
    false
}

/// Drops the capitalised common words that end a chain of a title-case line ("Melania Trump
/// Visits Children", "Jake Sullivan Leading"), down to a name of two words that the finder or
/// a given name vouches for, or of one word.
fn trim_title_case(toks: &[Token<'_>], tags: &[Scored], words: &mut Vec<usize>) {
    let lex = lexicon();
    let text = |k: usize| strip_possessive(toks[k].text).0;
    let name_from = words
        .iter()
        .rposition(|&k| lex.is_title(text(k)) || lex.is_non_name(text(k)))
        .map_or(0, |p| p + 1);
    while words.len() > name_from + 1 {
        let last = text(*words.last().expect("non-empty"));
        let after_initial = words.len() >= 2 && is_initials(&toks[words[words.len() - 2]]);
        let plain = is_common(last)
            && !after_initial
            && !is_given(last)
            && !with_lowercase(last, |w| lex.world_surnames.contains(w));
        if !plain {
            break;
        }
        if words.len() == name_from + 2 {
            let first = words[name_from];
            let vouched = is_given(text(first))
                || tags.get(first).is_some_and(|t| t.tag == Tag::B)
                    && tags
                        .get(words[name_from + 1])
                        .is_some_and(|t| t.tag == Tag::I);
            if vouched {
                break;
            }
        }
        words.pop();
    }
}

fn starts_chain(t: &Token<'_>) -> bool {
    t.is_word() && t.is_capitalized() || particle_compound(t)
}

/// Reads the chain that starts at token `i` into `words` (token indices): capitalised words,
/// initials and abbreviated titles with their period, and name particles, across soft spaces.
/// Whether it ends in a possessive.
fn extend(toks: &[Token<'_>], i: usize, words: &mut Vec<usize>) -> bool {
    let lex = lexicon();
    words.clear();
    words.push(i);
    let mut j = i;
    loop {
        let cur = toks[j];
        if strip_possessive(cur.text).1 {
            return true;
        }
        // Initials and abbreviated titles with their period ("K.C.", "Dr.").
        let abbreviated = is_initials(&cur) || (cur.text.len() <= 5 && lex.is_title(cur.text));
        let after = if abbreviated && toks.get(j + 1).is_some_and(|n| n.text == ".") {
            j + 2
        } else {
            j + 1
        };
        let Some(sep) = toks.get(after) else {
            return false;
        };
        if !soft_space(sep) {
            return false;
        }
        let next = after + 1;
        let Some(n) = toks.get(next) else {
            return false;
        };
        let joins_particle = PARTICLES.contains(&n.text)
            && toks.get(next + 1).is_some_and(|s| soft_space(s))
            && toks
                .get(next + 2)
                .is_some_and(|w| (w.is_capitalized() && w.is_word()) || particle_compound(w));
        if (n.is_word() && n.is_capitalized()) || particle_compound(n) || joins_particle {
            words.push(next);
            j = next;
        } else {
            return false;
        }
    }
}

/// A prepositional title before a name ("Aide to the Russian President Yury Ushakov",
/// "Chairman of Iran Chamber of Commerce, Industries, Mines and Agriculture, Gholam-Hossein
/// Shafei"): the chain holding the name starts at token `chain`, the name at token `name`, and
/// the title covers `title`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct TitleTail {
    pub chain: usize,
    /// The name's first token; `usize::MAX` for a title that no name follows.
    pub name: usize,
    pub title: Span,
}

/// Words that join the parts of a title: "Minister *of* Agriculture, Livestock *and* Food".
const CONNECTORS: &[&str] = &["of", "for", "to", "on", "in", "at", "the", "and", "&", ","];

/// A connector of a title's parts.
pub(super) fn is_connector(w: &str) -> bool {
    CONNECTORS.iter().any(|c| w.eq_ignore_ascii_case(c)) || w.ends_with(',')
}

/// How many tokens one title may span.
const LONGEST_TITLE: usize = 80;

/// Finds the prepositional titles of a sentence (`docs/PEOPLE.md`, "Titles"): a chain of title
/// words ("Deputy Chief"), then connectors and capitalised chains (organisations, places,
/// offices) that hold no name, up to the chain where a name begins. Each token is read at most
/// twice.
pub(super) fn title_tails(
    toks: &[Token<'_>],
    tags: &[Scored],
    out: &mut Vec<TitleTail>,
    run: &mut Vec<usize>,
) {
    let lex = lexicon();
    let text_of = |run: &[usize], k: usize| strip_possessive(toks[run[k]].text).0;
    let mut i = 0;
    while i < toks.len() {
        whomet_core::work::tick(1);
        if !starts_chain(&toks[i]) {
            i += 1;
            continue;
        }
        let possessive = extend(toks, i, run);
        let first_end = run.last().expect("a chain has a word") + 1;
        let words: Vec<&str> = (0..run.len()).map(|k| text_of(run, k)).collect();
        let title_only = !possessive
            && words.iter().any(|w| lex.is_head_title(w))
            && name_start(&words, |_| false).is_none()
            && words
                .iter()
                .skip_while(|w| !lex.is_title(w))
                .all(|w| lex.is_title(w) || lex.is_non_name(w) || is_common(w));
        if !title_only {
            i = first_end;
            continue;
        }
        let found = out.len();
        let start = toks[i].span.start;
        let mut title_end = toks[first_end - 1].span.end;
        let mut j = first_end;
        let mut preposition = false;
        while j - i < LONGEST_TITLE {
            whomet_core::work::tick(1);
            // Connectors, then the next chain.
            let mut k = j;
            let mut joined = false;
            while let Some(t) = toks.get(k) {
                if t.is_space() && soft_space(t) {
                } else if CONNECTORS.iter().any(|c| t.text.eq_ignore_ascii_case(c))
                    && !t.is_capitalized()
                {
                    joined = true;
                    preposition |= matches!(t.text, "of" | "for" | "to" | "on" | "in" | "at");
                } else {
                    break;
                }
                k += 1;
            }
            if !joined || !toks.get(k).is_some_and(starts_chain) {
                break;
            }
            let possessive = extend(toks, k, run);
            let words: Vec<&str> = (0..run.len()).map(|m| text_of(run, m)).collect();
            let end = run.last().expect("a chain has a word") + 1;
            let begins = |m: usize| tags.get(run[m]).is_some_and(|t| t.tag == Tag::B);
            if let Some(ns) = name_start(&words, begins).filter(|_| preposition) {
                if ns > 0 {
                    title_end = toks[run[ns - 1]].span.end;
                }
                out.push(TitleTail {
                    chain: k,
                    name: run[ns],
                    title: Span::new(start, title_end),
                });
                j = k;
                break;
            }
            let office = words
                .iter()
                .all(|w| lex.is_title(w) || lex.is_non_name(w) || is_common(w) || is_acronym(w));
            if possessive || !office {
                // The object of the title's preposition, when it holds no given name, is part
                // of the title ("Special Envoy to Monitor and Combat Antisemitism"); a chain
                // with a title word is a titled name ("... and Supreme Leader Ayatollah X").
                if !possessive
                    && preposition
                    && !words.iter().any(|w| is_given(w) || lex.is_title(w))
                {
                    title_end = toks[end - 1].span.end;
                    j = end;
                } else {
                    j = k;
                }
                break;
            }
            title_end = toks[end - 1].span.end;
            j = end;
        }
        // A title of several chains that no name follows ("Chief of the General Staff") is
        // no place for a name either.
        if out.len() == found && title_end > toks[first_end - 1].span.end {
            out.push(TitleTail {
                chain: i,
                name: usize::MAX,
                title: Span::new(start, title_end),
            });
        }
        i = j.max(first_end);
    }
}

fn is_common(w: &str) -> bool {
    with_lowercase(w, |w| lexicon().common.contains(w))
}

/// A given name of the US Census or world lists, or a hyphenated one with such a part
/// ("Heinz-Christian", "Gholam-Hossein").
pub(super) fn is_given(w: &str) -> bool {
    let lex = lexicon();
    w.split('-').any(|part| {
        with_lowercase(part, |w| {
            lex.given.contains(w) || lex.world_given.contains(w)
        })
    })
}

/// Where the name begins in the last chain of a title ("Sciences Yury Osipov", "Budget Shalanda
/// Young", "Austria Heinz-Christian Strache", "Affairs Major General Ali Abdollahi"): after the
/// last title, organisation or place word, at the first given name or word that is not a common
/// English word which the name finder `begins` a name with, else at the first given name, else
/// at the first word that is not a common English word; two name words at least.
pub(super) fn name_start(words: &[&str], begins: impl Fn(usize) -> bool) -> Option<usize> {
    let lex = lexicon();
    let n = words.len();
    let from = words
        .iter()
        .rposition(|w| lex.is_title(w) || lex.is_non_name(w) || is_acronym(w))
        .map_or(0, |k| k + 1);
    if n < from + 2 {
        return None;
    }
    let start = (from..n - 1)
        .find(|&k| (is_given(words[k]) || !is_common(words[k])) && begins(k))
        .or_else(|| (from..n - 1).find(|&k| is_given(words[k])))
        .or_else(|| (from..n - 1).find(|&k| !is_common(words[k])))?;
    // An unknown word just before a given name is a first given name ("Food Supply Eumar
    // Roberto Novacki").
    // English derived nouns ("Antisemitism", "Prevention") are no names.
    let derived = |w: &str| {
        [
            "ism", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "logy",
        ]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
    };
    let unknown = |k: usize| !is_common(words[k]) && !is_given(words[k]) && !derived(words[k]);
    Some(
        if start > from && is_given(words[start]) && unknown(start - 1) {
            start - 1
        } else {
            start
        },
    )
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
