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

use crate::lexicon::{PARTICLES, lexicon};
use crate::segment::{Segments, Token};
use whomet_core::{Document, LocalPerson, Mention, MentionKind, Span, fold_name, name_tokens};

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
    for (si, &s) in seg.sentences.iter().enumerate() {
        let toks: Vec<Token<'_>> = seg.tokens(text, si).collect();
        let headline = !s.of(text).chars().any(char::is_lowercase);
        if headline {
            continue;
        }
        chains(text, &toks, si, &mut cands);
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
/// hyphenated name part is judged as a whole.
fn merge_hyphens<'t>(text: &'t str, toks: &[Token<'t>]) -> Vec<Token<'t>> {
    let mut out: Vec<Token<'t>> = Vec::with_capacity(toks.len());
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
        out.push(Token {
            span,
            text: span.of(text),
        });
        i = j + 1;
    }
    out
}

/// `al-Nakhala`, `el-Sisi`: a particle hyphenated to a capitalised name.
fn particle_compound(t: &Token<'_>) -> bool {
    t.text.split_once('-').is_some_and(|(p, rest)| {
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

/// Collects candidate names from one sentence's tokens.
fn chains(text: &str, toks: &[Token<'_>], si: usize, out: &mut Vec<Candidate>) {
    let lex = lexicon();
    let toks = &merge_hyphens(text, toks);
    let first_of_sentence = out.len();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if !(particle_compound(&t) || t.is_word() && t.is_capitalized()) {
            i += 1;
            continue;
        }
        // Extend the chain: word indices in `toks`.
        let mut words = vec![i];
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
        classify(text, toks, &words, possessive, si, lex, out);
    }
    promote_list_members(toks, &mut out[first_of_sentence..]);
}

/// In a list ("Ansel Adams, Walker Evans, and Helmut Newton"), a two-word name next to people
/// is a person too.
fn promote_list_members(toks: &[Token<'_>], cands: &mut [Candidate]) {
    let listed = |a: &Candidate, b: &Candidate| {
        let between = toks
            .iter()
            .filter(|t| t.span.start >= a.chain.end && t.span.end <= b.chain.start && !t.is_space())
            .map(|t| t.text)
            .collect::<Vec<_>>();
        !between.is_empty() && between.iter().all(|w| matches!(*w, "," | "and" | "or"))
    };
    loop {
        let mut changed = false;
        for k in 0..cands.len() {
            if cands[k].strong || cands[k].words < 2 || !cands[k].listable {
                continue;
            }
            let left = k > 0
                && cands[k - 1].strong
                && cands[k - 1].words >= 2
                && listed(&cands[k - 1], &cands[k]);
            let right = k + 1 < cands.len()
                && cands[k + 1].strong
                && cands[k + 1].words >= 2
                && listed(&cands[k], &cands[k + 1]);
            if left || right {
                cands[k].strong = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

fn classify(
    text: &str,
    toks: &[Token<'_>],
    words: &[usize],
    possessive: bool,
    si: usize,
    lex: &crate::lexicon::Lexicon,
    out: &mut Vec<Candidate>,
) {
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
            let lw = w.to_lowercase();
            royal = lex.royal.contains(lw.as_str()).then_some(k);
        }
    }
    // Leading non-name words (nationality, place) before the name part.
    while name_from < n - 1 && lex.is_non_name(word_text(name_from)) {
        name_from += 1;
    }
    // "The Velvet Underground" inside a sentence names a thing, not a person.
    let sentence_initial = !toks[..words[0]]
        .iter()
        .any(|t| t.is_word() || t.text == ",");
    if word_text(0) == "The" && !sentence_initial {
        return;
    }
    // A sentence-initial adjective glued to a name: "Nonpartisan Paul Tse".
    if sentence_initial && name_from == 0 && n >= 3 {
        let w = word_text(0).to_lowercase();
        if lex.common.contains(w.as_str()) && !lex.given.contains(w.as_str()) {
            name_from = 1;
        }
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
        || lex.is_place(&name_words.join(" "))
    {
        return;
    }
    let span = Span::new(
        toks[name_idx[0]].span.start,
        toks[*name_idx.last().expect("non-empty")].span.start
            + strip_possessive(toks[*name_idx.last().expect("non-empty")].text)
                .0
                .len(),
    );
    let name = span
        .of(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let words_n = content.len();

    // Evidence after the chain.
    let after_idx = words.last().expect("non-empty") + 1;
    let rest: Vec<&Token<'_>> = toks[after_idx..]
        .iter()
        .filter(|t| !t.is_space())
        .take(3)
        .collect();
    let appositive = !possessive
        && rest.first().is_some_and(|t| t.text == ",")
        && rest.get(1).is_some_and(|t| {
            let w = t.text.to_lowercase();
            matches!(w.as_str(), "the" | "a" | "an" | "who" | "whose" | "former")
                || lex.is_title(&w)
                || lex.demonyms.contains(&w)
        });
    let said = rest.first().is_some_and(|t| {
        matches!(
            t.text,
            "said" | "says" | "told" | "added" | "warned" | "stated" | "spoke" | "replied"
        )
    });
    let credit_after = rest.first().is_some_and(|t| t.text == "/")
        && toks.get(after_idx).is_some_and(|t| t.text == "/");
    let credit_before = words[0] >= 2
        && toks[words[0] - 1].text == "/"
        && matches!(toks[words[0] - 2].text, "Photo" | "photo" | "Photos");
    let credit_label = words[0] >= 3
        && toks[words[0] - 2].text == ":"
        && toks[words[0] - 3].text.eq_ignore_ascii_case("credit");
    let credit = (credit_after || credit_before || credit_label) && words_n >= 2;
    let common = |w: &str| lex.common.contains(w.to_lowercase().as_str());
    let given = lex.given.contains(content[0].to_lowercase().as_str());
    let rare = content.iter().all(|w| !common(w));
    // A given name that is also a common word ("Star", "Angel") needs an uncommon surname.
    let given_evidence = given && (!common(content[0]) || !common(content[words_n - 1]));
    let strong =
        titled || credit || (words_n >= 2 && (given_evidence || appositive || said || rare));
    let royal_name = royal.filter(|_| words_n == 1).map(|k| {
        Span::new(toks[words[k]].span.start, span.end)
            .of(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let given_ref = words_n == 1
        && role_words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
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
        });
    let role = prefix_title.then(|| {
        (0..name_from)
            .map(word_text)
            .skip_while(|w| !lex.is_title(w) && !lex.demonyms.contains(&w.to_lowercase()))
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
    let after: Vec<&str> = toks[words.last().expect("non-empty") + 1..]
        .iter()
        .filter(|t| !t.is_space())
        .take(4)
        .map(|t| t.text)
        .collect();
    let of_place = (after.first() == Some(&"of"))
        .then(|| {
            (1..after.len().min(4))
                .rev()
                .map(|n| after[1..=n].join(" "))
                .find(|p| lex.is_place(p))
        })
        .flatten();
    let role = match (role, of_place) {
        (Some(r), Some(p)) => Some(format!("{r} of {p}")),
        (r, _) => r,
    };
    let after_the = words[0] >= 2 && toks[words[0] - 2].text.eq_ignore_ascii_case("the");
    let lone_given = words_n == 1
        && given
        && !sentence_initial
        && !after_the
        && !lex.common.contains(content[0].to_lowercase().as_str());
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
    PARTICLES.contains(&w.to_lowercase().as_str())
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.')
}

fn is_honorific_only(w: &str) -> bool {
    matches!(
        w.to_lowercase().trim_end_matches('.'),
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
}

/// Folded words of a name, hyphenated parts split.
fn key_words(name: &str) -> Vec<String> {
    name_tokens(name)
}

/// `short` names `long` by a token-aligned suffix of its folded form ("Amirabdollahian" in
/// "Hossein Amir-Abdollahian", "Abu Marzouk" in "Mousa Abu Marzouk").
fn is_suffix_name(short: &str, long: &str) -> bool {
    let (s, l) = (fold_name(short), fold_name(long));
    if s.is_empty() || s.len() >= l.len() || !l.ends_with(&s) {
        return false;
    }
    let cut = l.len() - s.len();
    let mut acc = 0;
    for w in key_words(long) {
        if acc == cut {
            return true;
        }
        acc += w.len();
    }
    false
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

fn resolve(cands: &[Candidate]) -> People {
    let mut people: Vec<LocalPerson> = Vec::new();
    let mut keys: Vec<Vec<String>> = Vec::new();
    let mut mentions = Vec::new();
    // Full names, longest first, so shorter forms attach to them.
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&c| cands[c].words >= 2 && cands[c].strong)
        .collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(cands[c].words), c));
    let mut assigned: Vec<Option<usize>> = vec![None; cands.len()];
    for c in order {
        let cand = &cands[c];
        let kw = key_words(&cand.name);
        let hit = (0..people.len()).find(|&p| {
            fold_name(&people[p].name) == fold_name(&cand.name)
                || is_suffix_name(&cand.name, &people[p].name)
                || (kw.iter().any(|w| w == "bin" || w == "bint") && is_prefix_name(&kw, &keys[p]))
                || spelling_variant(&kw, &keys[p])
        });
        // "Warhol Polaroids" after "Andy Warhol": a known surname used as a modifier.
        let modifier = !cand.titled
            && hit.is_none()
            && keys
                .iter()
                .any(|k| k.len() >= 2 && k.last() == kw.first() && !kw.contains(&k[0]));
        if modifier {
            continue;
        }
        let p = match hit {
            Some(p) => p,
            None => {
                people.push(LocalPerson {
                    name: cand.name.clone(),
                    aliases: vec![],
                    roles: vec![],
                    mentions: vec![],
                    credit: true,
                });
                keys.push(kw);
                people.len() - 1
            }
        };
        assigned[c] = Some(p);
    }
    // One-word names.
    for (c, cand) in cands.iter().enumerate() {
        if assigned[c].is_some() || cand.words >= 2 {
            continue;
        }
        let kw = key_words(&cand.name);
        let mut matches: Vec<usize> = (0..people.len())
            .filter(|&p| {
                is_suffix_name(&cand.name, &people[p].name)
                    || (cand.given_ref || cand.lone_given || keys[p].iter().any(|w| w == "bin"))
                        && is_prefix_name(&kw, &keys[p])
            })
            .collect();
        if matches.is_empty() && cand.lone_given {
            // "Ted" for the only Edward of the article.
            let short = fold_name(&cand.name);
            matches = (0..people.len())
                .filter(|&p| {
                    keys[p].len() >= 2
                        && lexicon()
                            .nicknames
                            .iter()
                            .any(|&(s, full)| s == short && keys[p][0] == full)
                })
                .collect();
        }
        match matches.as_slice() {
            [p] => assigned[c] = Some(*p),
            [] if cand.titled || cand.lone_given => {
                let name = cand.royal_name.clone().unwrap_or_else(|| cand.name.clone());
                let existing = people
                    .iter()
                    .position(|p| fold_name(&p.name) == fold_name(&name));
                assigned[c] = Some(existing.unwrap_or_else(|| {
                    people.push(LocalPerson {
                        name: name.clone(),
                        aliases: vec![],
                        roles: vec![],
                        mentions: vec![],
                        credit: true,
                    });
                    keys.push(key_words(&name));
                    people.len() - 1
                }));
            }
            _ => {}
        }
    }
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
    for (si, &s) in seg.sentences.iter().enumerate() {
        if s.of(text).chars().any(char::is_lowercase) {
            continue;
        }
        for t in seg.tokens(text, si).filter(|t| t.is_word()) {
            let w = strip_possessive(t.text).0;
            let hits: Vec<usize> = (0..out.people.len())
                .filter(|&p| {
                    key_words(&out.people[p].name).last().map(String::as_str)
                        == Some(fold_name(w).as_str())
                })
                .collect();
            if let [p] = hits.as_slice() {
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
    if heads.is_empty() {
        return;
    }
    let text = &doc.text;
    for si in 0..seg.sentences.len() {
        let words: Vec<Token<'_>> = seg.tokens(text, si).filter(|t| !t.is_space()).collect();
        for k in 0..words.len() {
            let det = words[k].text.to_lowercase();
            let det_ok =
                det == "the" || strip_possessive(words[k].text).1 && words[k].is_capitalized();
            if !det_ok {
                continue;
            }
            // Skip adjectives and nationalities, then read one or two title words.
            let mut m = k + 1;
            while m < words.len()
                && (lex.demonyms.contains(&words[m].text.to_lowercase())
                    || matches!(
                        words[m].text.to_lowercase().as_str(),
                        "top" | "senior" | "visiting"
                    ))
            {
                m += 1;
            }
            for len in [2usize, 1] {
                if m + len > words.len() {
                    continue;
                }
                let phrase: Vec<String> = words[m..m + len]
                    .iter()
                    .map(|t| t.text.to_lowercase())
                    .collect();
                let phrase = phrase.join(" ");
                // Not a title before a name ("the Foreign Minister Hossein ...").
                if words
                    .get(m + len)
                    .is_some_and(|t| t.is_capitalized() && t.is_word())
                {
                    continue;
                }
                let nationality: Vec<String> = words[k + 1..m]
                    .iter()
                    .map(|t| t.text.to_lowercase())
                    .filter(|w| lex.demonyms.contains(w))
                    .collect();
                let mut holders: Vec<usize> = heads
                    .iter()
                    .filter(|(_, h)| *h == phrase || holds_generic(&phrase, h))
                    .map(|(p, _)| *p)
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
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
    for si in 0..seg.sentences.len() {
        let toks: Vec<Token<'_>> = seg.tokens(text, si).filter(|t| !t.is_space()).collect();
        for t in &toks {
            if !matches!(
                t.text.to_lowercase().as_str(),
                "he" | "she" | "his" | "him" | "her"
            ) {
                continue;
            }
            let before = out
                .mentions
                .iter()
                .filter(|m| m.sentence == si && m.span.end <= t.span.start)
                .max_by_key(|m| m.span.start);
            let person = match before {
                Some(m) => Some(m.person),
                None if si > 0 => previous_topic(text, seg, si - 1, &out.mentions),
                None => None,
            };
            if let Some(p) = person.filter(|&p| !out.people[p].credit) {
                out.mentions.push(Mention {
                    span: t.span,
                    sentence: si,
                    kind: MentionKind::Pronoun,
                    person: p,
                });
            }
        }
    }
}

/// The person a following pronoun most plausibly continues: the only person of the sentence,
/// else its subject.
fn previous_topic(text: &str, seg: &Segments, si: usize, mentions: &[Mention]) -> Option<usize> {
    let mut ms: Vec<&Mention> = mentions.iter().filter(|m| m.sentence == si).collect();
    ms.sort_by_key(|m| m.span.start);
    let distinct: std::collections::BTreeSet<usize> = ms.iter().map(|m| m.person).collect();
    if distinct.len() == 1 {
        return distinct.into_iter().next();
    }
    let toks: Vec<Token<'_>> = seg
        .tokens(text, si)
        .filter(|t| t.is_word() || t.text == ",")
        .collect();
    ms.into_iter()
        .find(|m| {
            // The word before the mention (skipping title words) is no preposition.
            let prev = toks
                .iter()
                .rev()
                .filter(|t| t.span.end <= m.span.start)
                .find(|t| !lexicon().is_title(t.text) && !t.is_capitalized());
            !prev.is_some_and(|t| {
                matches!(
                    t.text.to_lowercase().as_str(),
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
        .map(|m| m.person)
}
