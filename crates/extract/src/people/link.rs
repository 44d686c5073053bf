//! In-article linking: full names, surnames and given names of one article grouped into
//! people, through indexes (no comparison of all pairs).

use super::{Candidate, People, key_words, keys, strip_possessive};
use crate::lexicon::lexicon;
use crate::segment::Segments;
use std::collections::HashMap;
use whomet_core::{Document, LocalPerson, Mention, MentionKind, Span, fold_name};

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

/// A surname-first East Asian name ("Xi Jinping", "Yoon Suk Yeol", "Kim Jong Un"): its first
/// word is a common surname and its last is not, so a later "Xi" is this person.
fn surname_first(name: &[String]) -> bool {
    let lex = lexicon();
    (2..=3).contains(&name.len())
        && (lex.world_surnames.contains(name[0].as_str()) || name[0].len() <= 2)
        && !lex.world_surnames.contains(name[name.len() - 1].as_str())
        && !lex.given.contains(name[0].as_str())
}

/// The royal word of a role ("prince" of "Crown Prince", "king" of "King of Saudi Arabia").
fn royal_word(role: &str) -> Option<String> {
    let lex = lexicon();
    role.split_whitespace()
        .map(str::to_lowercase)
        .find(|w| lex.royal.contains(w.as_str()))
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

pub(super) fn resolve(cands: &[Candidate]) -> People {
    let mut ix = Index::default();
    let mut mentions = Vec::new();
    let mut titles = Vec::new();
    // Full names, longest first, so shorter forms attach to them.
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&c| cands[c].words >= 2 && cands[c].strong)
        .collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(cands[c].words), c));
    let mut assigned: Vec<Option<usize>> = vec![None; cands.len()];
    // The roles of each full-name person so far.
    let mut roles_of: Vec<Vec<String>> = Vec::new();
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
        // "Warhol Polaroids" after "Andy Warhol": a known surname used as a modifier; but not
        // a surname-first name ("Wong Kwok-kin" after "Raymond Wong").
        let modifier = !cand.titled
            && hit.is_none()
            && !cand.romanised
            && !surname_first(&kw)
            && ix
                .with_last(kw.first())
                .iter()
                .any(|&p| ix.keys[p].len() >= 2 && !kw.contains(&ix.keys[p][0]));
        if modifier {
            continue;
        }
        let p = hit.unwrap_or_else(|| ix.add_keyed(&cand.name, kw, fold));
        assigned[c] = Some(p);
        if roles_of.len() <= p {
            roles_of.resize(p + 1, Vec::new());
        }
        roles_of[p].extend(cand.role.iter().cloned());
    }
    roles_of.resize(ix.people.len(), Vec::new());
    // One-word names.
    for (c, cand) in cands.iter().enumerate() {
        if assigned[c].is_some() || cand.words >= 2 {
            continue;
        }
        let (kw, fold) = keys(&cand.name);
        let prefix_ok = |p: usize| {
            (cand.given_ref
                || cand.lone_given
                || ix.keys[p].iter().any(|w| w == "bin")
                || surname_first(&ix.keys[p]))
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
        // "compliment Vitaly and yourself": inside a sentence, the given name of the only full
        // name of the article that begins with it, when it is nobody's surname nor a common word.
        // A relation or occupation word before it is no surname title ("my friend Vitaly").
        let lower_title = cand
            .role
            .as_deref()
            .is_some_and(|r| r.starts_with(char::is_lowercase));
        if matches.is_empty() && (!cand.titled || lower_title) && cand.lone_word {
            let firsts: Vec<usize> = ix
                .with_first(kw.first())
                .iter()
                .copied()
                .filter(|&p| ix.keys[p].len() >= 2 && is_prefix_name(&kw, &ix.keys[p]))
                .collect();
            if let [p] = firsts.as_slice() {
                matches.push(*p);
            }
        }
        // "Lady Vellner" is not "Keir Vellner": a title of one sex does not join a given name
        // of the other.
        if let Some(sex) = cand.sex {
            let lex = lexicon();
            matches.retain(|&p| {
                ix.keys[p].len() < 2
                    || lex
                        .given_sex
                        .get(ix.keys[p][0].as_str())
                        .is_none_or(|s| *s == sex)
            });
        }
        // "the King Salman" is not "Crown Prince Mohammed bin Salman": royals of one house share
        // names, and a different royal title is a different person.
        if let Some(title) = cand.role.as_deref().and_then(royal_word) {
            matches.retain(|&p| {
                roles_of
                    .get(p)
                    .into_iter()
                    .flatten()
                    .filter_map(|r| royal_word(r))
                    .all(|t| t == title)
            });
        }
        match matches.as_slice() {
            [p] => assigned[c] = Some(*p),
            [] if cand.titled || cand.lone_given || cand.speaker => {
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
        if let Some(plain) = &cand.plain {
            person.aliases.push(plain.clone());
        }
        if let Some(h) = &cand.honored {
            person.aliases.push(h.clone());
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
        if let Some(t) = cand.title {
            titles.push((cand.span, t));
        }
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
    People {
        people,
        mentions,
        titles,
    }
}

/// Upper-case headlines: a word equal to a known person's last name is a mention.
pub(super) fn headline_mentions(doc: &Document, seg: &Segments, out: &mut People) {
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
