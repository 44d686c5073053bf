//! Find-mentions and resolve-people stages: named people of one article, and who is who in it.
//!
//! 1. **Chains**: runs of capitalised words, with name particles (`al-`, `bin`, `de`, `van`),
//!    hyphens and initials, across soft line breaks. Possessive `'s` is dropped.
//! 2. **Titles**: leading title, role, nationality and place words become the person's role
//!    (`Iranian Foreign Minister Hossein Amir-Abdollahian`); royal titles stay in a one-word
//!    name (`King Fahd`).
//! 3. **Evidence of a person**: a title, a known given name, an appositive or reporting verb, or
//!    words that are not common English words. Organisation, place and time words reject a chain.
//! 4. **Who is who**: full names group by folded key or as a token-aligned suffix of a longer
//!    name; a one-word mention joins the only person whose name ends (or, after `Sir`, `Prince`,
//!    starts) with it, else it is left out unless titled; pronouns join the person when only one
//!    is in play; role phrases ("the Crown Prince") join the only person holding that role.

use crate::lexicon::{PARTICLES, lexicon, lowercase_is_any, with_lowercase};
use crate::segment::{Segments, Token};
use std::collections::HashMap;
use whomet_core::{
    Document, LocalPerson, Mention, MentionKind, RoleRef, Span, fold_name, fold_space, name_tokens,
};

/// The people of one article and the mentions that refer to them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    /// People, in order of first mention.
    pub people: Vec<LocalPerson>,
    /// Resolved mentions, in text order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone)]
struct Candidate {
    sentence: usize,
    /// Name part (no title), decoded-text span.
    span: Span,
    /// Name as written, possessive dropped, whitespace folded.
    name: String,
    /// Name with a royal title kept ("King Fahd"), when the title is royal.
    royal_name: Option<String>,
    /// Title and role words before the name.
    role: Option<String>,
    /// A title, honorific or role word stands before the name.
    titled: bool,
    /// Enough evidence of a person on its own (for names of two words or more).
    strong: bool,
    /// `Sir Edward`, `Prince Abdullah`: a one-word name that is a given name.
    given_ref: bool,
    /// Photo credit or byline.
    credit: bool,
    /// A lone known given name inside a sentence ("disagreed with Maureen").
    lone_given: bool,
    /// The whole chain, title included.
    chain: Span,
    /// Weak, but a person if listed beside people.
    listable: bool,
    words: usize,
}

/// Finds the people of `doc` given its sentences.
pub fn find_people(doc: &Document, seg: &Segments) -> People {
    let text = &doc.text;
    let mut cands = Vec::new();
    // Buffers reused from sentence to sentence.
    let (mut toks, mut merged, mut words) = (Vec::new(), Vec::new(), Vec::new());
    for (si, &s) in seg.sentences.iter().enumerate() {
        let headline = !s.of(text).chars().any(char::is_lowercase);
        if headline {
            continue;
        }
        toks.clear();
        toks.extend(seg.tokens(text, si));
        merge_hyphens(text, &toks, &mut merged);
        chains(text, &merged, si, &mut words, &mut cands);
    }
    let mut out = resolve(&cands);
    headline_mentions(doc, seg, &mut out);
    role_mentions(doc, seg, &mut out);
    pronoun_mentions(doc, seg, &mut out);
    out.mentions.sort();
    out.mentions.dedup();
    for m in &out.mentions {
        out.people[m.person]
            .mentions
            .push(doc.map.original_span(m.span));
    }
    for p in &mut out.people {
        p.mentions.sort();
        p.mentions.dedup();
    }
    out
}

fn soft_space(t: &Token<'_>) -> bool {
    t.is_space() && t.text.matches('\n').count() <= 1
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

/// Joins words linked by hyphens into one token ("Cheuk-ting", "al-Nakhala", "Jong-un"): a
/// hyphenated name part is judged as a whole. Replaces the contents of `out`.
fn merge_hyphens<'t>(text: &'t str, toks: &[Token<'t>], out: &mut Vec<Token<'t>>) {
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

/// The longest of [`PARTICLES`], in bytes.
const LONGEST_PARTICLE: usize = 5;

/// `al-Nakhala`, `el-Sisi`: a particle hyphenated to a capitalised name.
fn particle_compound(t: &Token<'_>) -> bool {
    // A word with no hyphen near its start has no particle before one.
    let near = &t.text.as_bytes()[..t.text.len().min(LONGEST_PARTICLE + 1)];
    near.contains(&b'-')
        && t.text.split_once('-').is_some_and(|(p, rest)| {
            PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

/// `J`, `K.C`: initials (the final period is a token of its own).
fn is_initials(t: &Token<'_>) -> bool {
    let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && t.text.chars().all(|c| c.is_uppercase() || c == '.')
        && (letters == 1 || t.text.contains('.'))
}

/// Collects candidate names from one sentence's tokens (hyphenated words merged); `words` is a
/// buffer.
fn chains(
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

fn classify(
    text: &str,
    toks: &[Token<'_>],
    words: &[usize],
    possessive: bool,
    si: usize,
    first_word: usize,
    out: &mut Vec<Candidate>,
) {
    let lex = lexicon();
    let word_text = |k: usize| strip_possessive(toks[words[k]].text).0;
    // Title split: the last title word with name words after it.
    let n = words.len();
    let mut name_from = 0;
    let mut royal = None;
    for k in 0..n.saturating_sub(1) {
        let w = word_text(k);
        if is_particle(w) {
            break;
        }
        if lex.is_title(w) || lex.is_non_name(w) || is_acronym(w) {
            name_from = k + 1;
            royal = with_lowercase(w, |lw| lex.royal.contains(lw)).then_some(k);
        }
    }
    // Leading non-name words (nationality, place) before the name part.
    while name_from < n - 1 && lex.is_non_name(word_text(name_from)) {
        name_from += 1;
    }
    // "The Velvet Underground" inside a sentence names a thing, not a person.
    let sentence_initial = words[0] <= first_word;
    if word_text(0) == "The" && !sentence_initial {
        return;
    }
    // A sentence-initial adjective glued to a name: "Nonpartisan Paul Tse".
    if sentence_initial
        && name_from == 0
        && n >= 3
        && with_lowercase(word_text(0), |w| {
            lex.common.contains(w) && !lex.given.contains(w)
        })
    {
        name_from = 1;
    }
    let name_idx = &words[name_from..];
    let role_words: Vec<&str> = (0..name_from)
        .map(word_text)
        .filter(|w| lex.is_title(w))
        .collect();
    let prefix_title = role_words
        .iter()
        .any(|w| lex.is_head_title(w) && !is_honorific_only(w));
    // Lower-case title word just before the chain ("economy minister Juan Sourrouille").
    let before = words[0]
        .checked_sub(2)
        .filter(|&b| toks[b + 1].is_space())
        .map(|b| toks[b].text);
    let lower_title = before.is_some_and(|b| {
        b.chars().next().is_some_and(char::is_lowercase) && lex.is_head_title(b) && !is_particle(b)
    });
    let titled = role_words.iter().any(|w| lex.is_head_title(w)) || lower_title;
    // An organisation noun next to the chain: "daily Fraternite Matin", "Yomiuri Shimbun daily".
    let org_after = toks[words.last().expect("non-empty") + 1..]
        .iter()
        .find(|t| !t.is_space())
        .is_some_and(|t| ORG_NOUNS.contains(&t.text));
    if before.is_some_and(|b| ORG_NOUNS.contains(&b)) || org_after {
        return;
    }

    // Reject names made of organisation, place or time words.
    let name_words: Vec<&str> = name_idx
        .iter()
        .map(|&k| strip_possessive(toks[k].text).0)
        .collect();
    let content: Vec<&str> = name_words
        .iter()
        .copied()
        .filter(|w| !is_particle(w))
        .collect();
    if content.is_empty()
        || content
            .iter()
            .any(|w| w.ends_with("s'") || w.ends_with("s\u{2019}"))
        || name_words.iter().enumerate().any(|(k, w)| {
            let after_particle = k > 0 && is_particle(name_words[k - 1]);
            !is_particle(w)
                && !after_particle
                && (lex.is_non_name(w) || lex.is_title(w) || (is_acronym(w) && w.len() > 1))
        })
        // A capitalised part of a hyphenated word that is a place or organisation word:
        // "Agence France-Presse", "Israel-Hamas".
        || name_words.iter().any(|w| {
            w.contains('-')
                && w.split('-').any(|part| {
                    part.chars().next().is_some_and(char::is_uppercase)
                        && (lex.is_non_name(part) || is_acronym(part))
                })
        })
        || match name_words.as_slice() {
            [w] => lex.is_place(w),
            ws => lex.is_place(&ws.join(" ")),
        }
    {
        return;
    }
    let (first, last, words_n) = (content[0], content[content.len() - 1], content.len());
    let span = Span::new(
        toks[name_idx[0]].span.start,
        toks[*name_idx.last().expect("non-empty")].span.start
            + strip_possessive(toks[*name_idx.last().expect("non-empty")].text)
                .0
                .len(),
    );
    let name = fold_space(span.of(text));

    // Evidence after the chain.
    let after_idx = words.last().expect("non-empty") + 1;
    let mut rest = toks[after_idx..].iter().filter(|t| !t.is_space());
    let next = rest.next();
    let appositive = !possessive
        && next.is_some_and(|t| t.text == ",")
        && rest.next().is_some_and(|t| {
            with_lowercase(t.text, |w| {
                matches!(w, "the" | "a" | "an" | "who" | "whose" | "former")
                    || lex.is_title(w)
                    || lex.demonyms.contains(w)
            })
        });
    let said = next.is_some_and(|t| {
        matches!(
            t.text,
            "said" | "says" | "told" | "added" | "warned" | "stated" | "spoke" | "replied"
        )
    });
    let credit_after =
        next.is_some_and(|t| t.text == "/") && toks.get(after_idx).is_some_and(|t| t.text == "/");
    let credit_before = words[0] >= 2
        && toks[words[0] - 1].text == "/"
        && matches!(toks[words[0] - 2].text, "Photo" | "photo" | "Photos");
    let credit_label = words[0] >= 3
        && toks[words[0] - 2].text == ":"
        && toks[words[0] - 3].text.eq_ignore_ascii_case("credit");
    let credit = (credit_after || credit_before || credit_label) && words_n >= 2;
    let common = |w: &str| with_lowercase(w, |w| lex.common.contains(w));
    let given = with_lowercase(first, |w| lex.given.contains(w));
    let rare = content.iter().all(|w| !common(w));
    // A given name that is also a common word ("Star", "Angel") needs an uncommon surname.
    let given_evidence = given && (!common(first) || !common(last));
    let strong =
        titled || credit || (words_n >= 2 && (given_evidence || appositive || said || rare));
    let royal_name = royal
        .filter(|_| words_n == 1)
        .map(|k| fold_space(Span::new(toks[words[k]].span.start, span.end).of(text)));
    let given_ref = words_n == 1
        && role_words.iter().any(|w| {
            with_lowercase(w, |w| {
                matches!(
                    w,
                    "sir"
                        | "dame"
                        | "lady"
                        | "prince"
                        | "princess"
                        | "sheikh"
                        | "sheikha"
                        | "king"
                        | "queen"
                        | "emir"
                        | "crown"
                )
            })
        });
    let role = prefix_title.then(|| {
        (0..name_from)
            .map(word_text)
            .skip_while(|w| !lex.is_title(w) && !with_lowercase(w, |w| lex.demonyms.contains(w)))
            .collect::<Vec<_>>()
            .join(" ")
    });
    let role = role.or_else(|| {
        lower_title
            .then(|| before.map(str::to_string))
            .flatten()
            .filter(|b| !is_honorific_only(b))
    });
    // "King Fahd of Saudi Arabia": the country belongs to the role.
    let of_place = next.is_some_and(|t| t.text == "of").then(|| {
        let after: Vec<&str> = toks[after_idx..]
            .iter()
            .filter(|t| !t.is_space())
            .take(4)
            .map(|t| t.text)
            .collect();
        (1..after.len().min(4))
            .rev()
            .map(|n| after[1..=n].join(" "))
            .find(|p| lex.is_place(p))
    });
    let of_place = of_place.flatten();
    let role = match (role, of_place) {
        (Some(r), Some(p)) => Some(format!("{r} of {p}")),
        (r, _) => r,
    };
    let after_the = words[0] >= 2 && toks[words[0] - 2].text.eq_ignore_ascii_case("the");
    let lone_given = words_n == 1
        && given
        && !sentence_initial
        && !after_the
        && !with_lowercase(first, |w| lex.common.contains(w));
    out.push(Candidate {
        sentence: si,
        span,
        name,
        royal_name,
        role: role.filter(|r| !r.is_empty()),
        titled,
        strong,
        given_ref,
        credit,
        lone_given,
        chain: Span::new(toks[words[0]].span.start, span.end),
        listable: words_n >= 2,
        words: words_n,
    });
}

/// Lower-case nouns that, next to a capitalised chain, make it an organisation or a thing.
const ORG_NOUNS: &[&str] = &[
    "daily",
    "newspaper",
    "weekly",
    "magazine",
    "agency",
    "party",
    "group",
    "company",
    "firm",
    "channel",
    "station",
    "ship",
    "tanker",
    "operation",
    "plan",
    "accord",
    "treaty",
    "bank",
    "council",
    "committee",
    "union",
    "movement",
    "radio",
    "television",
    "broadcaster",
    "network",
];

fn is_particle(w: &str) -> bool {
    // An ASCII word keeps its length in lower case: a long one is no particle.
    (w.len() <= LONGEST_PARTICLE || !w.is_ascii()) && lowercase_is_any(w, PARTICLES)
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.')
}

fn is_honorific_only(w: &str) -> bool {
    with_lowercase(w, |w| {
        matches!(
            w.trim_end_matches('.'),
            "mr" | "mrs"
                | "ms"
                | "miss"
                | "dr"
                | "sir"
                | "dame"
                | "lord"
                | "lady"
                | "seyyed"
                | "sayyed"
        )
    })
}

/// Folded words of a name, hyphenated parts split.
fn key_words(name: &str) -> Vec<String> {
    name_tokens(name)
}

/// A name's [`key_words`] and its [`fold_name`], which is their concatenation (both keep the
/// same ASCII letters and digits of the transliterated name): one transliteration, not two.
fn keys(name: &str) -> (Vec<String>, String) {
    let kw = key_words(name);
    let fold = kw.concat();
    (kw, fold)
}

/// `words.concat() == s`, without making the concatenation.
fn concat_is(words: &[String], s: &str) -> bool {
    let mut rest = s;
    for w in words {
        match rest.strip_prefix(w.as_str()) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// `short` is the start of `long` and ends before a particle (`Hamad bin Khalifa` of
/// `Hamad bin Khalifa al-Thani`), or is its first word after `Sir`/`Prince`.
fn is_prefix_name(short: &[String], long: &[String]) -> bool {
    short.len() < long.len() && long.starts_with(short)
}

/// One person's name spelt two ways in one article: same surname, given names one letter apart
/// ("Kristen" and "Kristin Wilkins").
fn spelling_variant(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a.len() >= 2
        && a.last() == b.last()
        && a[..a.len() - 1]
            .iter()
            .zip(&b[..b.len() - 1])
            .all(|(x, y)| x == y || (x.len() >= 4 && y.len() >= 4 && edit_distance(x, y) <= 1))
}

/// Levenshtein distance of two short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The people of an article so far, indexed so that each candidate is compared with a few
/// people, never all of them.
#[derive(Default)]
struct Index {
    people: Vec<LocalPerson>,
    keys: Vec<Vec<String>>,
    by_fold: HashMap<String, usize>,
    /// Every word-aligned ending of each folded name ("abdollahian", "amirabdollahian").
    by_suffix: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
}

/// How many people sharing a key are compared one by one; past that a key is too common to
/// decide anything (and comparing would make the work grow with the square of the people).
const BUCKET: usize = 16;

impl Index {
    fn add(&mut self, name: &str) -> usize {
        let (kw, fold) = keys(name);
        self.add_keyed(name, kw, fold)
    }

    /// [`Index::add`] given the name's `key_words` and `fold_name`.
    fn add_keyed(&mut self, name: &str, kw: Vec<String>, fold: String) -> usize {
        let p = self.people.len();
        for k in 0..kw.len() {
            self.by_suffix.entry(kw[k..].concat()).or_default().push(p);
        }
        if let (Some(f), Some(l)) = (kw.first(), kw.last()) {
            self.by_first.entry(f.clone()).or_default().push(p);
            self.by_last.entry(l.clone()).or_default().push(p);
        }
        self.by_fold.entry(fold).or_insert(p);
        self.keys.push(kw);
        self.people.push(LocalPerson {
            name: name.to_string(),
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
            credit: true,
            described: None,
        });
        p
    }

    /// People whose name ends with the folded `fold`, word-aligned and longer than it.
    fn ending_with<'a>(&'a self, fold: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.by_suffix
            .get(fold)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(move |&p| !concat_is(&self.keys[p], fold))
    }

    fn bucket<'a>(map: &'a HashMap<String, Vec<usize>>, word: Option<&String>) -> &'a [usize] {
        let b = word.and_then(|w| map.get(w)).map_or(&[][..], Vec::as_slice);
        if b.len() > BUCKET { &[] } else { b }
    }

    fn with_first(&self, word: Option<&String>) -> &[usize] {
        Self::bucket(&self.by_first, word)
    }

    fn with_last(&self, word: Option<&String>) -> &[usize] {
        Self::bucket(&self.by_last, word)
    }
}

fn resolve(cands: &[Candidate]) -> People {
    let mut ix = Index::default();
    let mut mentions = Vec::new();
    // Full names, longest first, so shorter forms attach to them.
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&c| cands[c].words >= 2 && cands[c].strong)
        .collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(cands[c].words), c));
    let mut assigned: Vec<Option<usize>> = vec![None; cands.len()];
    for c in order {
        let cand = &cands[c];
        let (kw, fold) = keys(&cand.name);
        let bin = kw.iter().any(|w| w == "bin" || w == "bint");
        let mut hit = ix.by_fold.get(&fold).copied();
        if hit.is_none() {
            let ending = ix.ending_with(&fold).take(BUCKET);
            let nearby = ix
                .with_first(kw.first())
                .iter()
                .copied()
                .filter(|&p| bin && is_prefix_name(&kw, &ix.keys[p]))
                .chain(
                    ix.with_last(kw.last())
                        .iter()
                        .copied()
                        .filter(|&p| spelling_variant(&kw, &ix.keys[p])),
                );
            hit = ending
                .chain(nearby)
                .inspect(|_| whomet_core::work::tick(1))
                .min();
        }
        // "Warhol Polaroids" after "Andy Warhol": a known surname used as a modifier.
        let modifier = !cand.titled
            && hit.is_none()
            && ix
                .with_last(kw.first())
                .iter()
                .any(|&p| ix.keys[p].len() >= 2 && !kw.contains(&ix.keys[p][0]));
        if modifier {
            continue;
        }
        assigned[c] = Some(hit.unwrap_or_else(|| ix.add_keyed(&cand.name, kw, fold)));
    }
    // One-word names.
    for (c, cand) in cands.iter().enumerate() {
        if assigned[c].is_some() || cand.words >= 2 {
            continue;
        }
        let (kw, fold) = keys(&cand.name);
        let prefix_ok = |p: usize| {
            (cand.given_ref || cand.lone_given || ix.keys[p].iter().any(|w| w == "bin"))
                && is_prefix_name(&kw, &ix.keys[p])
        };
        let mut matches: Vec<usize> = ix
            .ending_with(&fold)
            .take(BUCKET)
            .chain(
                ix.with_first(kw.first())
                    .iter()
                    .copied()
                    .filter(|&p| prefix_ok(p)),
            )
            .collect();
        whomet_core::work::tick(matches.len() + 1);
        matches.sort_unstable();
        matches.dedup();
        if matches.is_empty() && cand.lone_given {
            // "Ted" for the only Edward of the article.
            for &(short, full) in &lexicon().nicknames {
                if short == fold {
                    matches.extend(
                        ix.with_first(Some(&full.to_string()))
                            .iter()
                            .copied()
                            .filter(|&p| ix.keys[p].len() >= 2),
                    );
                }
            }
            matches.sort_unstable();
            matches.dedup();
        }
        match matches.as_slice() {
            [p] => assigned[c] = Some(*p),
            [] if cand.titled || cand.lone_given => {
                let name = cand.royal_name.clone().unwrap_or_else(|| cand.name.clone());
                let existing = ix.by_fold.get(&fold_name(&name)).copied();
                assigned[c] = Some(existing.unwrap_or_else(|| ix.add(&name)));
            }
            _ => {}
        }
    }
    let mut people = ix.people;
    for (c, cand) in cands.iter().enumerate() {
        let Some(p) = assigned[c] else { continue };
        let person = &mut people[p];
        person.credit &= cand.credit;
        if cand.name != person.name {
            person.aliases.push(cand.name.clone());
        }
        if let Some(r) = &cand.royal_name
            && *r != person.name
        {
            person.aliases.push(r.clone());
        }
        if let Some(role) = &cand.role {
            person.roles.push(role.clone());
        }
        mentions.push(Mention {
            span: cand.span,
            sentence: cand.sentence,
            kind: MentionKind::Name,
            person: p,
        });
    }
    for p in &mut people {
        p.aliases.sort();
        p.aliases.dedup();
        p.roles.sort();
        p.roles.dedup();
    }
    // People in order of first mention.
    let mut first = vec![usize::MAX; people.len()];
    for m in &mentions {
        first[m.person] = first[m.person].min(m.span.start);
    }
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|&p| (first[p], p));
    let mut new_index = vec![0; people.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for m in &mut mentions {
        m.person = new_index[m.person];
    }
    let mut slots: Vec<Option<LocalPerson>> = people.into_iter().map(Some).collect();
    let people = order
        .iter()
        .map(|&p| slots[p].take().expect("each person once"))
        .collect();
    People { people, mentions }
}

/// Upper-case headlines: a word equal to a known person's last name is a mention.
fn headline_mentions(doc: &Document, seg: &Segments, out: &mut People) {
    let text = &doc.text;
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for (p, person) in out.people.iter().enumerate() {
        if let Some(last) = key_words(&person.name).pop() {
            by_last.entry(last).or_default().push(p);
        }
    }
    for (si, &s) in seg.sentences.iter().enumerate() {
        if s.of(text).chars().any(char::is_lowercase) {
            continue;
        }
        for t in seg.non_space(text, si).filter(|t| t.is_word()) {
            whomet_core::work::tick(1);
            let w = strip_possessive(t.text).0;
            if let Some([p]) = by_last.get(&fold_name(w)).map(Vec::as_slice) {
                out.mentions.push(Mention {
                    span: Span::new(t.span.start, t.span.start + w.len()),
                    sentence: si,
                    kind: MentionKind::Name,
                    person: *p,
                });
            }
        }
    }
}

/// The last one or two title words of a role: "Foreign Minister", "Crown Prince", "leader".
fn role_head(role: &str) -> Option<String> {
    let lex = lexicon();
    let words: Vec<String> = role
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .filter(|w| lex.is_title(w) && !is_honorific_only(w))
        .collect();
    let n = words.len();
    match n {
        0 => None,
        1 => Some(words[0].clone()),
        _ => Some(format!("{} {}", words[n - 2], words[n - 1])),
    }
}

/// "leader" names any head of state or government; "monarch" any royal.
fn holds_generic(phrase: &str, head: &str) -> bool {
    let last = head.rsplit(' ').next().unwrap_or(head);
    match phrase {
        "leader" => {
            matches!(
                last,
                "king"
                    | "queen"
                    | "emir"
                    | "sultan"
                    | "president"
                    | "premier"
                    | "chancellor"
                    | "leader"
            ) || head == "prime minister"
        }
        "monarch" => matches!(last, "king" | "queen" | "emir" | "sultan"),
        _ => false,
    }
}

/// A role mentions the country of a nationality word ("King of Saudi Arabia" for "Saudi",
/// "Iranian Foreign Minister" for "Iranian"): a role word sharing its first four letters.
fn same_country(role: &str, nationality: &str) -> bool {
    let stem: String = nationality.chars().take(4).collect();
    stem.len() == 4
        && role
            .split_whitespace()
            .any(|w| w.len() >= 4 && w.to_lowercase().starts_with(&stem))
}

/// "the Crown Prince", "the Saudi leader", "Iran's foreign minister": the only person of the
/// article holding that role.
fn role_mentions(doc: &Document, seg: &Segments, out: &mut People) {
    let lex = lexicon();
    let heads: Vec<(usize, String)> = out
        .people
        .iter()
        .enumerate()
        .flat_map(|(p, person)| {
            person
                .roles
                .iter()
                .filter_map(move |r| role_head(r).map(|h| (p, h)))
        })
        .collect();
    let mut holders_of: HashMap<String, std::collections::BTreeSet<usize>> = HashMap::new();
    for (p, h) in &heads {
        holders_of.entry(h.clone()).or_default().insert(*p);
        for generic in ["leader", "monarch"] {
            if holds_generic(generic, h) {
                holders_of
                    .entry(generic.to_string())
                    .or_default()
                    .insert(*p);
            }
        }
    }
    let text = &doc.text;
    // Buffers reused from sentence to sentence.
    let mut words: Vec<Token<'_>> = Vec::new();
    let mut phrase = String::new();
    for si in 0..seg.sentences.len() {
        words.clear();
        words.extend(seg.non_space(text, si));
        for k in 0..words.len() {
            whomet_core::work::tick(1);
            let det_ok = lowercase_is_any(words[k].text, &["the"])
                || words[k].is_capitalized() && strip_possessive(words[k].text).1;
            if !det_ok {
                continue;
            }
            // Skip adjectives and nationalities, then read one or two title words.
            let mut m = k + 1;
            while m < words.len()
                && with_lowercase(words[m].text, |w| {
                    lex.demonyms.contains(w) || matches!(w, "top" | "senior" | "visiting")
                })
            {
                m += 1;
            }
            let mut nationality: Vec<String> = words[k + 1..m]
                .iter()
                .map(|t| t.text.to_lowercase())
                .filter(|w| lex.demonyms.contains(w))
                .collect();
            // "Iran's foreign minister": the possessor is the country.
            let possessor = strip_possessive(words[k].text);
            if possessor.1 && lex.is_place(possessor.0) {
                nationality.push(possessor.0.to_lowercase());
            }
            for len in [2usize, 1] {
                if m + len > words.len() {
                    continue;
                }
                phrase.clear();
                for (i, t) in words[m..m + len].iter().enumerate() {
                    if i > 0 {
                        phrase.push(' ');
                    }
                    with_lowercase(t.text, |w| phrase.push_str(w));
                }
                // Not a title before a name ("the Foreign Minister Hossein ...").
                if words
                    .get(m + len)
                    .is_some_and(|t| t.is_capitalized() && t.is_word())
                {
                    continue;
                }
                let mut holders: Vec<usize> = holders_of
                    .get(&phrase)
                    .map(|h| h.iter().copied().collect())
                    .unwrap_or_default();
                if holders.is_empty()
                    && let Some(country) = nationality.first()
                    && phrase.split(' ').all(|w| lex.is_title(w))
                    && phrase.split(' ').any(|w| lex.is_head_title(w))
                {
                    // Nobody in the article holds it: a description for the whole corpus.
                    let role = RoleRef {
                        head: phrase.clone(),
                        country: country.clone(),
                    };
                    let p = match out
                        .people
                        .iter()
                        .position(|p| p.described.as_ref() == Some(&role))
                    {
                        Some(p) => p,
                        None => {
                            out.people.push(LocalPerson {
                                name: String::new(),
                                aliases: vec![],
                                roles: vec![format!("{phrase} ({country})")],
                                mentions: vec![],
                                credit: false,
                                described: Some(role),
                            });
                            out.people.len() - 1
                        }
                    };
                    holders.push(p);
                }
                if holders.len() > 1 && !nationality.is_empty() {
                    holders.retain(|&p| {
                        out.people[p]
                            .roles
                            .iter()
                            .any(|r| nationality.iter().any(|n| same_country(r, n)))
                    });
                }
                if let [p] = holders.as_slice() {
                    out.mentions.push(Mention {
                        span: Span::new(words[k].span.start, words[m + len - 1].span.end),
                        sentence: si,
                        kind: MentionKind::Role,
                        person: *p,
                    });
                    break;
                }
            }
        }
    }
}

/// he, she, his, him, her: the nearest person earlier in the sentence; else the only person of
/// the previous sentence; else that sentence's subject (its first mention not inside a
/// prepositional phrase), which news prose keeps as the topic. Otherwise left unresolved.
fn pronoun_mentions(doc: &Document, seg: &Segments, out: &mut People) {
    let text = &doc.text;
    // Mentions by sentence, in text order; pronoun mentions join as they are found.
    let mut by_sentence: Vec<Vec<Mention>> = vec![Vec::new(); seg.sentences.len()];
    for m in &out.mentions {
        if let Some(v) = by_sentence.get_mut(m.sentence) {
            v.push(*m);
        }
    }
    for v in &mut by_sentence {
        v.sort();
    }
    let mut topic: Option<(usize, Option<usize>)> = None;
    for si in 0..seg.sentences.len() {
        let names = std::mem::take(&mut by_sentence[si]);
        let mut merged: Vec<Mention> = Vec::with_capacity(names.len());
        let mut next_name = 0;
        for t in seg.non_space(text, si).filter(|t| t.is_word()) {
            whomet_core::work::tick(1);
            while next_name < names.len() && names[next_name].span.end <= t.span.start {
                merged.push(names[next_name]);
                next_name += 1;
            }
            if !lowercase_is_any(t.text, &["he", "she", "his", "him", "her"]) {
                continue;
            }
            // A pronoun spelling inside a name ("Minister Him Besueawa") is part of the name.
            if names
                .get(next_name)
                .is_some_and(|n| n.span.start <= t.span.start && t.span.end <= n.span.end)
            {
                continue;
            }
            let mut previous = || match topic {
                Some((s, p)) if s + 1 == si => p,
                _ if si == 0 => None,
                _ => {
                    let p = previous_topic(text, seg, si - 1, &by_sentence[si - 1]);
                    topic = Some((si - 1, p));
                    p
                }
            };
            let person = match merged.last() {
                Some(m) => Some(m.person),
                // "After his talks with Y, X left": the subject after the fronted clause.
                None => fronted_clause(text, seg, si)
                    .then(|| main_subject(text, seg, si, &names))
                    .flatten()
                    .or_else(&mut previous),
            };
            if let Some(p) = person.filter(|&p| !out.people[p].credit) {
                let m = Mention {
                    span: t.span,
                    sentence: si,
                    kind: MentionKind::Pronoun,
                    person: p,
                };
                merged.push(m);
                out.mentions.push(m);
            }
        }
        merged.extend_from_slice(&names[next_name..]);
        by_sentence[si] = merged;
    }
}

/// The name that opens the main clause after a fronted one ("..., Prime Minister X left"), when
/// only title words stand between the comma and it.
fn main_subject(text: &str, seg: &Segments, si: usize, names: &[Mention]) -> Option<usize> {
    let toks: Vec<Token<'_>> = seg.non_space(text, si).collect();
    let comma = toks.iter().position(|t| t.text == ",")?;
    let m = names
        .iter()
        .find(|m| m.span.start >= toks[comma].span.end)?;
    let lex = lexicon();
    toks[comma + 1..]
        .iter()
        .take_while(|t| t.span.end <= m.span.start)
        .all(|t| t.is_capitalized() || lex.is_title(t.text) || t.text == "the")
        .then_some(m.person)
}

/// The sentence opens with a subordinate clause ("After his talks with Y, ...").
fn fronted_clause(text: &str, seg: &Segments, si: usize) -> bool {
    seg.non_space(text, si)
        .find(|t| t.is_word())
        .is_some_and(|t| {
            matches!(
                t.text,
                "After"
                    | "Before"
                    | "During"
                    | "Following"
                    | "Upon"
                    | "On"
                    | "While"
                    | "Ahead"
                    | "At"
            )
        })
}

/// The person a following pronoun most plausibly continues: the only person of the sentence,
/// else its subject.
fn previous_topic(text: &str, seg: &Segments, si: usize, ms: &[Mention]) -> Option<usize> {
    let distinct: std::collections::BTreeSet<usize> = ms.iter().map(|m| m.person).collect();
    if distinct.len() == 1 {
        return distinct.into_iter().next();
    }
    let toks: Vec<Token<'_>> = seg
        .non_space(text, si)
        .filter(|t| t.is_word() || t.text == ",")
        .collect();
    ms.iter()
        .take(16)
        .find(|m| {
            // The word before the mention (skipping title words) is no preposition.
            let end = toks.partition_point(|t| t.span.end <= m.span.start);
            let prev = toks[..end]
                .iter()
                .rev()
                .take(12)
                .find(|t| !lexicon().is_title(t.text) && !t.is_capitalized());
            !prev.is_some_and(|t| {
                with_lowercase(t.text, |w| {
                    matches!(
                        w,
                        "with"
                            | "to"
                            | "on"
                            | "by"
                            | "of"
                            | "for"
                            | "from"
                            | "at"
                            | "in"
                            | "about"
                            | "against"
                            | "between"
                            | "meeting"
                            | "met"
                            | "and"
                            | "than"
                    )
                })
            })
        })
        .map(|m| m.person)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_name_is_the_key_words_joined() {
        for name in [
            "",
            "  ",
            "Hossein Amir-Abdollahian",
            "Ziyad al-Nakhala",
            "F\u{e9}lix Houphou\u{eb}t-Boigny",
            "O'Neill",
            "Kim Jong-un 2nd",
            "\u{5f20}\u{4e09} Zhang",
            "\u{130}lham \u{3a3}\u{3b9}\u{3c3}\u{3c5}\u{3c2}",
            "--a--b--",
        ] {
            assert_eq!(keys(name).1, fold_name(name), "{name:?}");
        }
    }

    #[test]
    fn longest_particle_is_the_longest() {
        assert_eq!(
            PARTICLES.iter().map(|p| p.len()).max(),
            Some(LONGEST_PARTICLE)
        );
    }
}
