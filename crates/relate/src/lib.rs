//! Relation scoring: the detect-meetings and score stages.
//!
//! `... -> resolve people ->` **`detect meetings -> score`** `-> build graph -> export`.
//!
//! [`detect`] parses each sentence that holds a trigger word and a person ([`whomet_syntax`]),
//! and applies the meeting rules of `data/rules/meetings.rules` ([`rules`]): a rule names a
//! trigger and the dependency paths that lead from it to the people on each side
//! ([`participants`]). The trigger's own clause decides whether the meeting happened, is
//! planned or is no event, and whether it was a call ([`modality`]). The article's claims are
//! then read in order ([`article`]), so that "the two", "X also took part" and "accompanied by"
//! find their people. Dates resolve against the document date and the tense ([`dates`]);
//! [`score`] gives each piece of evidence a confidence (`docs/SCORING.md`). A sentence too long
//! to parse falls back to the token-window rules ([`window`]).
//!
//! ```
//! use whomet_extract::{extract, prepare, Input};
//! let (doc, _) = prepare(&Input { id: "d", ..Input::default() },
//!     b"date 1987-10-19 Crown Prince Abdullah bin Abdul Aziz met Vice President \
//!       George Bush on Monday in Washington.");
//! let ex = extract(&doc);
//! let events = whomet_relate::detect(&doc, &ex);
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].date.unwrap().to_string(), "1987-10-19");
//! assert_eq!(events[0].place.as_deref(), Some("Washington"));
//! ```
#![warn(missing_docs)]

pub mod article;
mod cache;
pub mod dates;
pub mod long;
mod mend;
pub mod modality;
pub mod participants;
mod places;
pub mod rules;
pub mod score;
pub mod sentence;
mod speakers;
mod text;
mod triggers;
pub mod window;

use article::{Book, Claim};
use modality::Modality;
use rules::{Effect, Rules};
use sentence::Parsed;
use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;
use text::{LowerWords, excerpt};
use whomet_core::{
    Document, EdgeKind, Event, Evidence, Mention, MentionKind, Participant, Span, fold_space,
};
use whomet_extract::Extraction;
use whomet_extract::segment::Token;
use whomet_syntax::Rel;

/// Participants one side of a trigger can have at most: a cap that keeps pathological lists of
/// names linear.
pub const MAX_SIDE: usize = 64;

/// Sentences longer than this (in words) are not parsed; the window rules read them.
pub const MAX_PARSE: usize = 150;

/// The whole per-article analysis: prepare, extract, detect. Returns what the article
/// contributes to the graph, and the problems found in its bytes. An article longer than
/// [`long::WINDOW`] is analysed window by window (see [`long::windows`]) and the results
/// joined: spans still index the whole article, people of the same name are one person, and
/// only the first window has the lead and the dateline; people and sentences are not linked
/// across windows.
pub fn analyse(
    input: &whomet_extract::Input<'_>,
    bytes: &[u8],
) -> (whomet_core::Analysis, Vec<whomet_core::Diagnostic>) {
    use long::{Joined, WINDOW, windows};
    use whomet_extract::Input;
    if bytes.len() <= WINDOW {
        return analyse_window(input, bytes, true);
    }
    let mut joined = Joined::default();
    let mut diagnostics = Vec::new();
    let mut date = input.date;
    let cuts = windows(bytes, WINDOW);
    for (k, w) in cuts.iter().enumerate() {
        let part = Input {
            date,
            ..input.clone()
        };
        let (mut a, d) = analyse_window(&part, &bytes[w.start..w.end], k == 0);
        diagnostics.extend(d);
        date = date.or(a.date);
        a.date = date;
        joined.add(a, w.start);
    }
    diagnostics.push(whomet_core::Diagnostic {
        source: input.source.to_string(),
        line: None,
        message: format!(
            "an article of {} bytes: analysed in {} windows of at most {} MiB (people and sentences are not linked across windows)",
            bytes.len(),
            cuts.len(),
            WINDOW >> 20
        ),
    });
    (joined.finish(input.id, date), diagnostics)
}

fn analyse_window(
    input: &whomet_extract::Input<'_>,
    bytes: &[u8],
    first: bool,
) -> (whomet_core::Analysis, Vec<whomet_core::Diagnostic>) {
    let (doc, diagnostics) = whomet_extract::prepare(input, bytes);
    let ex = whomet_extract::extract(&doc);
    let events = detect_traced(&doc, &ex, first, None);
    let analysis = whomet_core::Analysis {
        doc: doc.id,
        date: doc.date,
        people: ex.people.people,
        events,
        diagnostics: vec![],
        ..Default::default()
    };
    (analysis, diagnostics)
}

/// The forms of every trigger word, and of those that may join one person to a meeting, read
/// once.
fn trigger_forms() -> &'static (HashSet<String>, HashSet<String>) {
    static FORMS: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    FORMS.get_or_init(|| (rules::rules().forms(), rules::rules().joining_forms()))
}

/// The people at the head of the bulleted lines that follow `sentence` ("-   Marc Morial,
/// President, National Urban League"): the first person named on each line that starts with a
/// bullet. Sub-headings ending in a colon, blank lines and indented continuation lines are
/// passed over; the list ends at the first other line.
fn bulleted(
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    people: &[whomet_core::LocalPerson],
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = sentence.end;
    // The rest of the sentence's own line.
    if let Some(nl) = text[at..].find('\n') {
        at += nl + 1;
    } else {
        return out;
    }
    let mut listing = false;
    for line in text[at..].split_inclusive('\n').take(200) {
        let start = at;
        at += line.len();
        let body = line.trim();
        if body.is_empty() {
            continue;
        }
        let bullet = body.starts_with(['-', '*', '\u{2022}', '\u{00b7}', '\u{2013}'])
            || body.split_once(['.', ')']).is_some_and(|(n, _)| {
                !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
            });
        if bullet {
            listing = true;
            let first = mentions.partition_point(|m| m.span.start < start);
            if let Some(m) = mentions[first..]
                .iter()
                .take_while(|m| m.span.start < at)
                .find(|m| m.kind == MentionKind::Name && !people[m.person].credit)
                && !out.contains(&m.person)
            {
                out.push(m.person);
            }
        } else if body.ends_with(':') || (listing && line.starts_with([' ', '\t'])) {
            continue;
        } else {
            break;
        }
        if out.len() >= MAX_SIDE {
            break;
        }
    }
    out
}

/// A pronoun on one side of a meeting that the people stage bound to someone on the other side
/// ("Lindqvist met him") cannot mean that person: it means the one other person named in the
/// sentence before, if there is exactly one; else it is left out.
fn rebind_pronouns<'m>(
    claim: &mut Claim,
    sentence_mentions: &dyn Fn(usize) -> Vec<&'m Mention>,
    si: usize,
) {
    for k in [1, 0] {
        let taken: Vec<usize> = claim.sides[1 - k].people.iter().map(|(p, _)| *p).collect();
        let this = &mut claim.sides[k];
        let clash =
            |&(p, k): &(usize, MentionKind)| k == MentionKind::Pronoun && taken.contains(&p);
        if !this.people.iter().any(clash) {
            continue;
        }
        let mut candidates: Vec<usize> = Vec::new();
        if let Some(prev) = si.checked_sub(1) {
            for m in sentence_mentions(prev) {
                if !taken.contains(&m.person) && !candidates.contains(&m.person) {
                    candidates.push(m.person);
                }
            }
        }
        let replacement = (candidates.len() == 1).then(|| candidates[0]);
        this.people = this
            .people
            .iter()
            .filter_map(|&(p, k)| {
                if clash(&(p, k)) {
                    replacement.map(|r| (r, MentionKind::Pronoun))
                } else {
                    Some((p, k))
                }
            })
            .collect();
    }
}

/// The number of different people `mentions` name (at most three are counted).
fn distinct_people(mentions: &[&Mention]) -> usize {
    let mut seen: Vec<usize> = Vec::with_capacity(3);
    for m in mentions {
        if !seen.contains(&m.person) {
            seen.push(m.person);
            if seen.len() == 3 {
                break;
            }
        }
    }
    seen.len()
}

/// A claim with where it stands in its sentence.
struct Found {
    claim: Claim,
    /// The trigger word's span (decoded text).
    trigger: Span,
}

/// Detects the events of one article.
pub fn detect(doc: &Document, ex: &Extraction) -> Vec<Event> {
    detect_traced(doc, ex, true, None)
}

/// What [`detect`] does, step by step, for a reader: each parsed sentence, the claims the
/// rules make, and the events. For debugging rules (`examples/trace.rs`).
pub fn trace(doc: &Document, ex: &Extraction) -> String {
    let mut out = String::new();
    let events = detect_traced(
        doc,
        ex,
        true,
        Some(&mut |line: String| {
            out.push_str(&line);
            out.push('\n');
        }),
    );
    for e in &events {
        let names: Vec<String> = e
            .participants
            .iter()
            .map(|p| {
                format!(
                    "{}{}",
                    ex.people.people[p.person].name,
                    if p.side == whomet_core::Side::Object {
                        "(b)"
                    } else {
                        ""
                    }
                )
            })
            .collect();
        out.push_str(&format!(
            "EVENT {} [{}] {:.3} {:?} :: {}\n",
            e.kind,
            names.join(", "),
            e.evidence.confidence,
            e.evidence.cues,
            e.evidence.text
        ));
    }
    out
}

/// `first`: the article's first window (the only one with a lead sentence and a dateline).
fn detect_traced(
    doc: &Document,
    ex: &Extraction,
    first: bool,
    mut trace: Option<&mut dyn FnMut(String)>,
) -> Vec<Event> {
    let text = &doc.text;
    let rules = rules::rules();
    let (forms, joining) = trigger_forms();
    // The people finder's mentions, and the first-person pronouns of speakers and authors.
    let spoken = speakers::first_person(text, ex);
    let merged: Vec<Mention>;
    let all: &[Mention] = if spoken.is_empty() {
        &ex.people.mentions
    } else {
        let mut m: Vec<Mention> = ex.people.mentions.iter().copied().chain(spoken).collect();
        m.sort_by_key(|m| (m.sentence, m.span.start));
        merged = m;
        &merged
    };
    let sentence_mentions = |si: usize| -> Vec<&Mention> {
        let run =
            all.partition_point(|m| m.sentence < si)..all.partition_point(|m| m.sentence <= si);
        all[run]
            .iter()
            .filter(|m| !ex.people.people[m.person].credit)
            .collect()
    };
    let mut found: Vec<Found> = Vec::new();
    let mut long = BTreeSet::new();
    let mut lower_buf = LowerWords::default();
    let mut toks: Vec<Token<'_>> = Vec::new();
    for (si, &sentence) in ex.sentences().iter().enumerate() {
        let mentions = sentence_mentions(si);
        toks.clear();
        toks.extend(ex.segments.non_space(text, si));
        whomet_core::work::tick(toks.len());
        let lower = lower_buf.of(&toks);
        // Parse only what can hold an event: a trigger word, and two people (or a reference
        // to a group), or one person and a word that joins people to a meeting.
        if !lower.iter().any(|w| forms.contains(*w)) {
            continue;
        }
        let group_word = lower.iter().any(|w| {
            matches!(*w, "two" | "both" | "they" | "three" | "four" | "five")
                || rules.in_set("group", w)
                || rules.in_set("attendee", w)
        });
        let people = distinct_people(&mentions);
        let enough = people >= 2
            || group_word
            || (people == 1 && lower.iter().any(|w| joining.contains(*w)));
        if !enough {
            continue;
        }
        if toks.len() > MAX_PARSE {
            long.insert(si);
            continue;
        }
        let headline = !sentence.of(text).chars().any(char::is_lowercase);
        let (forms, spans) = collapse(text, sentence, &mentions);
        let words = cache::analyse(&forms, &spans);
        let parsed = Parsed::new(text, words, &mentions);
        let before = found.len();
        found.extend(claims(&parsed, rules, si, headline));
        for f in &mut found[before..] {
            rebind_pronouns(&mut f.claim, &sentence_mentions, si);
            if f.claim.effect == Effect::List {
                let members = bulleted(text, sentence, all, &ex.people.people);
                f.claim.sides[0]
                    .people
                    .extend(members.into_iter().map(|p| (p, MentionKind::Name)));
            }
        }
        // A list that lists no one is no claim.
        let mut k = before;
        found.retain(|f| {
            k += 1;
            k <= before || f.claim.effect != Effect::List || !f.claim.sides[0].is_empty()
        });
        if let Some(trace) = trace.as_mut() {
            trace(format!("S{si}: {}", fold_space(sentence.of(text))));
            trace(format!("   {}", parsed.show()));
            for f in &found[before..] {
                let side = |k: usize| {
                    let s = &f.claim.sides[k];
                    let mut names: Vec<String> = s
                        .people
                        .iter()
                        .map(|(p, _)| ex.people.people[*p].name.clone())
                        .collect();
                    if let Some(g) = s.group {
                        names.push(format!("group:{}", parsed.form(g.word)));
                    }
                    names.join("+")
                };
                trace(format!(
                    "   CLAIM {} {:?} {} a=[{}] b=[{}] frame={:?} {:?}",
                    f.claim.name,
                    f.claim.effect,
                    f.claim.kind,
                    side(0),
                    side(1),
                    f.claim.frame,
                    f.claim.cues
                ));
            }
        }
    }
    // The article's claims in order.
    let protagonist = all
        .iter()
        .find(|m| m.kind == MentionKind::Name && !ex.people.people[m.person].credit)
        .map(|m| m.person);
    let mut book = Book::default();
    for (i, f) in found.iter().enumerate() {
        let previous: Vec<usize> = f
            .claim
            .sentence
            .checked_sub(1)
            .map(|p| {
                let mut seen = Vec::new();
                for m in sentence_mentions(p) {
                    if !seen.contains(&m.person) {
                        seen.push(m.person);
                    }
                }
                seen
            })
            .unwrap_or_default();
        book.add(i, &f.claim, &previous, protagonist);
    }
    let mut events = evidence(doc, ex, &found, &book, first);
    if !long.is_empty() {
        events.extend(window::detect(doc, ex, first, &|si| long.contains(&si)));
        events.sort_by_key(|e| e.evidence.sentence.start);
    }
    events
}

/// The parse of sentence `si` as the rules see it (names collapsed, see [`collapse`]), for
/// `whomet parse`.
pub fn parse_sentence(doc: &Document, ex: &Extraction, si: usize) -> Vec<whomet_syntax::Word> {
    let all = &ex.people.mentions;
    let run = all.partition_point(|m| m.sentence < si)..all.partition_point(|m| m.sentence <= si);
    let mentions: Vec<&Mention> = all[run].iter().collect();
    let (forms, spans) = collapse(&doc.text, ex.sentences()[si], &mentions);
    let mut words = whomet_syntax::Model::bundled().analyse(&forms, &spans);
    // A collapsed name's lemma is its last word, as written.
    for (w, form) in words.iter_mut().zip(&forms) {
        if std::ptr::eq(*form, NAME) {
            let name = w.span.of(&doc.text);
            w.lemma = name
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or(name)
                .to_string();
        }
    }
    words
}

/// The word a named person is to the parser: a given name the treebanks always tag as a proper
/// noun.
const NAME: &str = "John";

/// The words the parser reads: UD tokens, but each named person, with the title words before
/// the name, as one proper noun ([`NAME`]) whose span covers the whole. A name is one word to
/// the parser, as it is to the rules: titles no longer compete for the head of the phrase, and
/// a name the tagger has never seen is still a proper noun.
fn collapse<'t>(text: &'t str, sentence: Span, mentions: &[&Mention]) -> (Vec<&'t str>, Vec<Span>) {
    let lex = whomet_extract::lexicon::lexicon();
    let mut tokens = whomet_syntax::tokenize(text, sentence);
    // A dateline ("PHILADELPHIA, June 19 -", "WANA (Mar 26) -") is no part of the sentence's
    // grammar.
    if let Some(dash) = dateline(text, &tokens) {
        tokens.drain(..=dash);
    }
    let mut forms: Vec<&'t str> = Vec::with_capacity(tokens.len());
    let mut spans: Vec<Span> = Vec::with_capacity(tokens.len());
    let mut m = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .peekable();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        while m.peek().is_some_and(|m| m.span.end <= t.start) {
            m.next();
        }
        let Some(name) = m.peek().filter(|m| m.span.start < t.end) else {
            forms.push(t.of(text));
            spans.push(t);
            i += 1;
            continue;
        };
        // The name's tokens, and the capitalised title words just before it.
        let mut j = i;
        while j < tokens.len() && tokens[j].start < name.span.end {
            j += 1;
        }
        let start = title_start(&forms, lex);
        let first = spans.get(start).map_or(t.start, |s| s.start).min(t.start);
        forms.truncate(start);
        spans.truncate(start);
        forms.push(NAME);
        spans.push(Span::new(first, tokens[j - 1].end));
        i = j;
    }
    (forms, spans)
}

/// The index of the dash that ends a dateline at the start of a sentence: an upper-case first
/// word, then a dash right after it ("TEHRAN -") or after a comma or bracket within the first
/// dozen tokens ("MOSCOW, March 4 -").
fn dateline(text: &str, tokens: &[Span]) -> Option<usize> {
    let first = tokens.first()?.of(text);
    let upper = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first.chars().any(char::is_lowercase);
    if !upper {
        return None;
    }
    let dash = tokens
        .iter()
        .take(12)
        .position(|t| matches!(t.of(text), "-" | "\u{2013}" | "\u{2014}" | "--"))?;
    let marked = tokens[..dash]
        .iter()
        .any(|t| matches!(t.of(text), "," | "("));
    ((marked || dash <= 2) && dash + 1 < tokens.len()).then_some(dash)
}

/// Where the title before a name begins among the words read so far: the run of capitalised
/// words just before the name, with "of", "the", "for", "and", "to" between them, when it
/// holds a title word; title words may be lower case ("West German Finance Minister", "Federal
/// Chancellor of the Republic of Austria", "Egyptian ambassador to Moscow").
fn title_start(forms: &[&str], lex: &whomet_extract::lexicon::Lexicon) -> usize {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let connector = |w: &str| matches!(w, "of" | "the" | "for" | "and" | "to");
    let mut start = forms.len();
    let mut titled = false;
    let mut k = forms.len();
    // Sixteen words at most: a title, not a sentence.
    while k > 0 && forms.len() - k < 16 {
        let w = forms[k - 1];
        let title = lex.is_title(w);
        if (capital(w) || title) && !std::ptr::eq(w, NAME) {
            k -= 1;
            start = k;
            titled |= title;
        } else if connector(w)
            && k < forms.len()
            && forms[..k - 1]
                .iter()
                .rev()
                .find(|w| !connector(w))
                .is_some_and(|left| {
                    // Between capitalised words ("Chancellor of Austria"); after a lower-case
                    // title only before a place ("ambassador to Moscow"), not before another
                    // person's title ("a spokesman for Mr X").
                    capital(left)
                        || (lex.is_title(left)
                            && forms[k..].iter().any(|w| lex.is_place(w))
                            && !forms[k..].iter().any(|w| lex.is_title(w)))
                })
        {
            // Between capitalised words only: "Chancellor of Austria", but not "a spokesman
            // for Mr X".
            k -= 1;
        } else {
            break;
        }
    }
    if titled { start } else { forms.len() }
}

/// The claims of one parsed sentence: for each trigger word, the first rule that applies.
fn claims(p: &Parsed<'_>, rules: &'static Rules, si: usize, headline: bool) -> Vec<Found> {
    let mut out = Vec::new();
    for t in 0..p.words.len() {
        for &r in rules.for_lemma(&p.lemma[t]) {
            let rule = &rules.rules[r];
            if !rule.upos.contains(&p.words[t].upos)
                || !rule.has.iter().all(|(rel, ls)| p.has(t, *rel, ls))
                || rule.lacks.iter().any(|(rel, ls)| p.has(t, *rel, ls))
            {
                continue;
            }
            // Of a side's alternative paths, the first that reaches someone.
            // (With no one, the side keeps the words its paths reached: an unnamed object.)
            let sides = [0, 1].map(|k| {
                let fills: Vec<participants::Filled> = rule.sides[k]
                    .iter()
                    .map(|path| participants::fill(p, rules, participants::follow(p, t, path)))
                    .collect();
                let named = fills.iter().position(|f| !f.is_empty());
                match named {
                    Some(i) => fills[i].clone(),
                    None => participants::Filled {
                        words: fills.into_iter().flat_map(|f| f.words).collect(),
                        ..Default::default()
                    },
                }
            });
            if (0..2).any(|k| rule.require[k] && sides[k].is_empty())
                || (sides.iter().all(participants::Filled::is_empty) && rule.effect != Effect::List)
            {
                continue;
            }
            // The event noun the rule speaks of must be one.
            let frame_word = rule
                .frame
                .iter()
                .flat_map(|path| participants::follow(p, t, path))
                .next();
            let frames = match rule.effect {
                Effect::List => "attendee",
                Effect::Accept => "invitation",
                _ => "event",
            };
            let frame = match frame_word {
                Some(f) if !rules.in_set(frames, &p.lemma[f]) => continue,
                None if rule.require_frame => continue,
                Some(f) => {
                    let definite = p.children[f].iter().any(|&c| {
                        matches!(p.words[c].rel, Rel::Det | Rel::NmodPoss)
                            && !matches!(p.lemma[c].as_str(), "a" | "an" | "another")
                    });
                    let own: Vec<usize> = p.children[f]
                        .iter()
                        .filter(|&&c| {
                            p.words[c].rel == Rel::NmodPoss
                                || (p.words[c].rel == Rel::Nmod
                                    && matches!(p.case_of(c), Some("with" | "between")))
                        })
                        .flat_map(|&c| {
                            participants::fill(p, rules, vec![c])
                                .people
                                .into_iter()
                                .map(|(q, _)| q)
                        })
                        .collect();
                    Some((definite, own))
                }
                None => None,
            };
            let (modality, cue) = modality::modality(p, rules, t, headline);
            let remote = modality::remote(p, rules, t);
            let mut kind = rule.kind;
            let mut cues = vec![format!("rule:{}", rule.name)];
            if remote && kind == EdgeKind::Met {
                kind = EdgeKind::Contact;
                cues.push("remote".into());
            }
            match modality {
                Modality::Dropped => break,
                Modality::Planned => {
                    kind = EdgeKind::Planned;
                    cues.push(format!("planned:{cue}"));
                }
                Modality::Actual => {}
            }
            let separate = p.children[t].iter().any(|&c| {
                matches!(
                    p.lemma[c].as_str(),
                    "separately" | "respectively" | "individually"
                )
            });
            // "between A and B", "a meeting of A, B and C", "for a three-way summit".
            let joint_objects = sides[1].words.iter().any(|&w| {
                matches!(p.case_of(w), Some("between" | "among" | "amongst"))
                    || (p.words[t].upos == whomet_syntax::Upos::Noun && p.case_of(w) == Some("of"))
            }) || together(p, rules, t);
            let unnamed_person = sides[1].words.iter().any(|&w| person_like(p, rules, w));
            let side_words: Vec<usize> =
                sides.iter().flat_map(|s| s.words.iter().copied()).collect();
            let phrase = phrase(p, rule, t, &side_words);
            out.push(Found {
                claim: Claim {
                    rule: r,
                    name: rule.name.as_str(),
                    effect: rule.effect,
                    sentence: si,
                    kind,
                    sides,
                    frame,
                    remote,
                    separate,
                    joint_objects,
                    overlap: rule.frame.is_empty(),
                    unnamed_person,
                    base: rule.base,
                    cues,
                },
                trigger: phrase,
            });
            break;
        }
    }
    out
}

/// Whether word `w` speaks of a person without naming one: a title or role word ("the top
/// judge"), a pronoun, a noun for people ("officials").
fn person_like(p: &Parsed<'_>, rules: &Rules, w: usize) -> bool {
    let lemma = p.lemma[w].as_str();
    let lex = whomet_extract::lexicon::lexicon();
    p.words[w].upos == whomet_syntax::Upos::Pron
        || lex.is_title(lemma)
        || rules.in_set("group", lemma)
        || rules.in_set("attendee", lemma)
}

/// Whether the trigger's clause says the people met all together: a word of `@together`
/// ("summit", "three-way", "jointly", "together") among the trigger's or its clause's
/// dependents, or their own dependents.
fn together(p: &Parsed<'_>, rules: &Rules, t: usize) -> bool {
    let mut near: Vec<usize> = p.children[t].clone();
    if let Some((_, h)) = p
        .up(t)
        .filter(|&(r, _)| matches!(r, Rel::Obj | Rel::Nsubj | Rel::NsubjPass))
    {
        near.extend(&p.children[h]);
    }
    let deeper: Vec<usize> = near
        .iter()
        .flat_map(|&c| p.children[c].iter().copied())
        .collect();
    near.iter()
        .chain(&deeper)
        .any(|&w| rules.in_set("together", &p.lemma[w]))
}

/// The words of the trigger as a reader would quote them: the trigger, the dependents the rule
/// requires ("shook hands", "took part"), the verb that holds a trigger noun ("held talks"),
/// and the preposition of the first participant after it ("met with", "welcomed by"), as one
/// span when they
/// are near each other.
fn phrase(p: &Parsed<'_>, rule: &rules::Rule, t: usize, objects: &[usize]) -> Span {
    let mut words = vec![t];
    for (rel, lemmas) in &rule.has {
        words.extend(
            p.deps(t, *rel)
                .filter(|&c| lemmas.iter().any(|l| *l == p.lemma[c])),
        );
    }
    if let Some((Rel::Obj, h)) = p.up(t)
        && p.is_verb(h)
        && h < t
    {
        words.push(h);
    }
    if let Some(&o) = objects.iter().filter(|&&o| o > t).min()
        && let Some(&c) = p.children[o].iter().find(|&&c| p.words[c].rel == Rel::Case)
    {
        words.push(c);
    }
    let (lo, hi) = (
        *words.iter().min().unwrap_or(&t),
        *words.iter().max().unwrap_or(&t),
    );
    if hi - lo > 6 {
        return p.words[t].span;
    }
    Span::new(p.words[lo].span.start, p.words[hi].span.end)
}

/// The events of the article's drafts, with their evidence, dates and places.
fn evidence(
    doc: &Document,
    ex: &Extraction,
    found: &[Found],
    book: &Book,
    first: bool,
) -> Vec<Event> {
    let text = &doc.text;
    let lead = text::lead(text, ex.sentences(), first);
    // The dateline city, found once.
    let mut dateline: Option<Option<String>> = None;
    let mut events: Vec<Event> = Vec::new();
    // An event of the same kind and pairs in the same sentence is told once.
    type Told = (EdgeKind, usize, Vec<(usize, usize)>);
    let mut used: BTreeSet<Told> = BTreeSet::new();
    let mut lower_buf = LowerWords::default();
    for d in &book.drafts {
        let f = &found[d.claim];
        let si = f.claim.sentence;
        let sentence = ex.sentences()[si];
        let mut event = Event {
            kind: d.kind,
            participants: d
                .participants
                .iter()
                .map(|&(person, side)| Participant { person, side })
                .collect(),
            joint: d.joint,
            date: None,
            place: None,
            evidence: Evidence {
                doc: doc.id.clone(),
                sentence: Span::default(),
                text: String::new(),
                trigger: String::new(),
                confidence: 0.0,
                cues: vec![],
            },
        };
        let pairs = event.pairs();
        if pairs.is_empty() || !used.insert((d.kind, si, pairs)) {
            continue;
        }
        let toks: Vec<Token<'_>> = ex.segments.non_space(text, si).collect();
        let lower = lower_buf.of(&toks);
        let cut = excerpt(text, sentence, f.trigger);
        event.evidence.sentence = doc.map.original_span(cut);
        event.evidence.text = fold_space(cut.of(text));
        event.evidence.trigger = fold_space(f.trigger.of(text));
        let quoted = score::inside_quote(text, sentence, f.trigger);
        score::score(&mut event, &f.claim, d, &lower, quoted, si == lead);
        event.date = dates::resolve(doc, &toks, &lower, d.kind, si == lead);
        if event.date.is_none() {
            let mut cache = [None, None];
            event.date = dates::context_date(doc, ex, si, &event, &events, &mut cache);
        }
        let at = toks.partition_point(|t| t.span.end <= f.trigger.start);
        let places = places::places(&toks);
        event.place = places::place(&places, (at, at + 1)).or_else(|| {
            (si == lead)
                .then(|| places::dateline_city(doc, &mut dateline))
                .flatten()
        });
        events.push(event);
    }
    events
}
