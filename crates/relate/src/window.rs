//! The token-window rules: the detection used before the parser, kept as the fallback for
//! sentences too long to parse (`MAX_PARSE` words), with a lower confidence. The people just
//! before a trigger word are one side, the people just after it the other.

use crate::text::{LowerWords, excerpt};
use crate::triggers::{self, Modality, Trigger};
use crate::{MAX_SIDE, dates, places};
use std::collections::BTreeSet;
use whomet_core::{
    Document, Event, Evidence, Mention, MentionKind, Participant, Side, Span, fold_space,
};
use whomet_extract::Extraction;
use whomet_extract::segment::Token;

/// Detects the events of the sentences of one article that `only` selects.
pub fn detect(
    doc: &Document,
    ex: &Extraction,
    first: bool,
    only: &dyn Fn(usize) -> bool,
) -> Vec<Event> {
    let mut events = Vec::new();
    let text = &doc.text;
    let lead = crate::text::lead(text, ex.sentences(), first);
    let mut dateline: Option<Option<String>> = None;
    // Mentions are in text order, so each sentence's are one run.
    let all = &ex.people.mentions;
    // Buffers reused from sentence to sentence.
    let mut toks: Vec<Token<'_>> = Vec::new();
    let mut lower_buf = LowerWords::default();
    for (si, &sentence) in ex.sentences().iter().enumerate() {
        if !only(si) {
            continue;
        }
        let run =
            all.partition_point(|m| m.sentence < si)..all.partition_point(|m| m.sentence <= si);
        let mentions: Vec<&Mention> = all[run]
            .iter()
            .filter(|m| !ex.people.people[m.person].credit)
            .collect();
        let previous = si.checked_sub(1).map_or(0..0, |p| {
            all.partition_point(|m| m.sentence < p)..all.partition_point(|m| m.sentence <= p)
        });
        if mentions.is_empty() && previous.is_empty() {
            continue;
        }
        toks.clear();
        toks.extend(ex.segments.non_space(text, si));
        let lower = lower_buf.of(&toks);
        let group = two_of_them(&lower, ex, &all[previous], &mentions);
        if mentions.is_empty() && group.is_none() {
            continue;
        }
        let mut used = BTreeSet::new();
        let linked = link(&toks, &mentions);
        let headline = !sentence.of(text).chars().any(char::is_lowercase);
        let mut prev_subject: Vec<usize> = Vec::new();
        let cues = SentenceCues::new(&lower, &mentions);
        let mut date_cache: [Option<Option<whomet_core::PartialDate>>; 2] = [None, None];
        let mut prev_cache: [Option<Option<whomet_core::PartialDate>>; 2] = [None, None];
        let mut place_cache: Option<Vec<(usize, String)>> = None;
        for trig in triggers::find(&lower, headline) {
            if trig.modality == Modality::Dropped {
                continue;
            }
            let at = toks[trig.start].span.start;
            let end = toks[trig.end - 1].span.end;
            let mut subject = subject_side(&lower, &linked, trig.start);
            let coordinated_verb = lower[trig.start.saturating_sub(2)..trig.start].contains(&"and");
            if coordinated_verb && !prev_subject.is_empty() {
                subject = prev_subject.clone();
            }
            if !subject.is_empty() {
                prev_subject = subject.clone();
            }
            let (objects, between) = object_side(&lower, &linked, trig.end, trig.nominal);
            let side = |ps: &[usize], side: Side| {
                ps.iter()
                    .map(move |&p| Participant { person: p, side })
                    .collect::<Vec<_>>()
            };
            // "By meeting with X, Y seeks ...": a gerund whose subject opens the main clause.
            let gerund = trig.start > 0
                && lower[trig.start].starts_with("meeting")
                && matches!(
                    lower[trig.start - 1],
                    "by" | "before"
                        | "after"
                        | "while"
                        | "since"
                        | "upon"
                        | "on"
                        | "in"
                        | "following"
                );
            if gerund && subject.is_empty() {
                subject = main_clause_subject(&toks, &lower, &linked, trig.end)
                    .into_iter()
                    .collect();
                if subject.is_empty() {
                    continue;
                }
            }
            let (participants, joint) = match &group {
                Some(g) if trig.joint_subject && objects.is_empty() => {
                    (side(g, Side::Subject), true)
                }
                _ if subject.is_empty() && (between || trig.joint_objects || trig.nominal) => {
                    (side(&objects, Side::Subject), true)
                }
                _ if subject.len() >= 2 && objects.is_empty() && trig.joint_subject => {
                    (side(&subject, Side::Subject), true)
                }
                _ if subject.is_empty() && trig.anaphoric => {
                    // "The meeting, also attended by X": X joins the last meeting reported.
                    match events
                        .iter()
                        .rev()
                        .find(|e: &&Event| e.kind == trig.kind && e.evidence.doc == doc.id)
                    {
                        Some(prev) => {
                            let mut ps: Vec<Participant> = prev
                                .participants
                                .iter()
                                .map(|p| Participant {
                                    person: p.person,
                                    side: Side::Subject,
                                })
                                .collect();
                            ps.extend(side(&objects, Side::Object));
                            (ps, true)
                        }
                        None => (vec![], false),
                    }
                }
                _ => {
                    let mut ps = side(&subject, Side::Subject);
                    ps.extend(side(&objects, Side::Object));
                    (ps, false)
                }
            };
            let mut event = Event {
                kind: trig.kind,
                participants,
                joint,
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
            let key: Vec<(usize, usize)> = event.pairs();
            if key.is_empty() || !used.insert((trig.kind, key)) {
                continue;
            }
            let excerpt = excerpt(text, sentence, Span::new(at, end));
            event.evidence.sentence = doc.map.original_span(excerpt);
            event.evidence.text = fold_space(excerpt.of(text));
            event.evidence.trigger = fold_space(Span::new(at, end).of(text));
            score(&mut event, &trig, &cues, si == lead);
            let future = usize::from(trig.kind == whomet_core::EdgeKind::Planned);
            let own_date = *date_cache[future]
                .get_or_insert_with(|| dates::resolve(doc, &toks, &lower, trig.kind, si == lead));
            event.date = own_date
                .or_else(|| dates::context_date(doc, ex, si, &event, &events, &mut prev_cache));
            let found = place_cache.get_or_insert_with(|| places::places(&toks));
            event.place = places::place(found, (trig.start, trig.end)).or_else(|| {
                (si == lead)
                    .then(|| places::dateline_city(doc, &mut dateline))
                    .flatten()
            });
            event.participants.truncate(whomet_core::MAX_PARTICIPANTS);
            events.push(event);
        }
    }
    events
}

/// "The two officials", "the two leaders": the two people of this or the previous sentence.
fn two_of_them(
    lower: &[&str],
    ex: &Extraction,
    previous: &[Mention],
    current: &[&Mention],
) -> Option<Vec<usize>> {
    let named = lower.windows(2).any(|w| {
        (w[0] == "two" || w[0] == "both")
            && matches!(
                w[1],
                "men" | "leaders" | "officials" | "dignitaries" | "ministers" | "sides" | "women"
            )
    });
    if !named {
        return None;
    }
    let mut seen: Vec<usize> = Vec::new();
    for m in previous.iter().chain(current.iter().copied()) {
        if !seen.contains(&m.person) && !ex.people.people[m.person].credit {
            seen.push(m.person);
        }
    }
    (seen.len() == 2).then_some(seen)
}

/// A mention with the range of non-space tokens it covers.
struct Linked<'m> {
    mention: &'m Mention,
    first: usize,
    last: usize,
}

fn link<'m>(toks: &[Token<'_>], mentions: &[&'m Mention]) -> Vec<Linked<'m>> {
    whomet_core::work::tick(mentions.len());
    let mut out: Vec<Linked<'m>> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let first = toks.partition_point(|t| t.span.end <= m.span.start);
        let Some(last) = toks
            .partition_point(|t| t.span.start < m.span.end)
            .checked_sub(1)
        else {
            continue;
        };
        // Mentions that overlap an earlier one (a pronoun inside a name) are left out, so the
        // linked mentions are in order and disjoint.
        if first >= toks.len() || out.last().is_some_and(|p| first <= p.last) {
            continue;
        }
        out.push(Linked {
            mention: m,
            first,
            last: last.max(first),
        });
    }
    out
}

/// Words that end the phrase a name can be reached through ("to" unless a place follows:
/// "ambassador to Moscow").
fn breaks_at(lower: &[&str], i: usize) -> bool {
    if lower[i] == "to" {
        let lex = whomet_extract::lexicon::lexicon();
        return !lower.get(i + 1).is_some_and(|n| lex.is_place(n));
    }
    breaks_phrase(lower[i])
}

/// Words that end the phrase a name can be reached through.
fn breaks_phrase(lower: &str) -> bool {
    matches!(
        lower,
        ";" | ":"
            | "said"
            | "says"
            | "told"
            | "but"
            | "while"
            | "after"
            | "before"
            | "which"
            | "who"
            | "whom"
            | "that"
            | "when"
            | "where"
            | "because"
            | "although"
            | "to"
            | "\""
            | "\u{201c}"
            | "\u{201d}"
    )
}

/// Names `a` (earlier) and `b` are coordinated: "and" or a comma between, and nothing that
/// starts a new phrase.
fn coordinated(lower: &[&str], a: &Linked<'_>, b: &Linked<'_>) -> bool {
    if b.first <= a.last || b.first - a.last > 8 {
        return false;
    }
    let gap = a.last + 1..b.first;
    lower[gap.clone()].iter().any(|w| *w == "and" || *w == ",")
        && !gap
            .into_iter()
            .any(|i| breaks_at(lower, i) || lower[i] == "in" || lower[i] == "with")
}

/// The subject side: the nearest name before the trigger, and names coordinated with it ("A, B
/// and C met"; the link next to the nearest name needs "and").
fn subject_side(lower: &[&str], linked: &[Linked<'_>], trig: usize) -> Vec<usize> {
    let end = linked.partition_point(|l| l.last < trig);
    let Some(last) = end.checked_sub(1).map(|i| &linked[i]) else {
        return vec![];
    };
    let mut group = vec![last.mention.person];
    let mut cur = last;
    for (k, l) in linked[..end - 1].iter().rev().enumerate().take(MAX_SIDE) {
        whomet_core::work::tick(1);
        // `coordinated` checks the two are in order before the gap between them is read.
        if !coordinated(lower, l, cur) || (k == 0 && !lower[l.last + 1..cur.first].contains(&"and"))
        {
            break;
        }
        if !group.contains(&l.mention.person) {
            group.push(l.mention.person);
        }
        cur = l;
    }
    group
}

/// The name right after the comma that closes a fronted clause, with only title words between.
fn main_clause_subject(
    toks: &[Token<'_>],
    lower: &[&str],
    linked: &[Linked<'_>],
    from: usize,
) -> Option<usize> {
    let lex = whomet_extract::lexicon::lexicon();
    linked[linked.partition_point(|l| l.first < from)..]
        .iter()
        .find(|l| {
            let mut k = l.first;
            while k > from
                && (toks[k - 1].is_capitalized()
                    || lex.is_title(lower[k - 1])
                    || lower[k - 1] == "the")
            {
                k -= 1;
            }
            k > from && lower[k - 1] == ","
        })
        .map(|l| l.mention.person)
}

/// The object side: the first name after the trigger (past "for an hour with", or "between"),
/// and the names coordinated with it. Returns the people and whether "between" joined them.
fn object_side(
    lower: &[&str],
    linked: &[Linked<'_>],
    trig_end: usize,
    nominal: bool,
) -> (Vec<usize>, bool) {
    let n = lower.len();
    let mut k = trig_end;
    let mut between = false;
    // The trigger may end in its preposition ("talks between", "met with").
    if let Some(last) = trig_end.checked_sub(1).map(|i| lower[i])
        && matches!(last, "with" | "between" | "of" | "on" | "by")
    {
        return chain_from(
            lower,
            linked,
            first_after(lower, linked, k),
            last == "between",
        );
    }
    // Jump over "for more than an hour" to "with", but never over a name.
    let next_name = linked
        .get(linked.partition_point(|l| l.first < k))
        .map_or(n, |l| l.first);
    let reach = if nominal { 16 } else { 8 };
    let prep = (k..(k + reach).min(next_name))
        .take_while(|&j| !matches!(lower[j], "," | ";" | "and" | "said" | "that"))
        .find(|&j| matches!(lower[j], "with" | "between" | "on" | "by" | "of"));
    let both = nominal
        .then(|| (k..(k + 8).min(next_name)).find(|&j| lower[j] == "both"))
        .flatten();
    if let Some(j) = prep.or(both) {
        between = matches!(lower[j], "between" | "both");
        k = j + 1;
    } else if nominal
        && lower
            .get(trig_end.wrapping_sub(1))
            .is_some_and(|w| *w != "meeting")
    {
        // "talks" needs "with" or "between"; "meeting" may be a participle ("meeting X").
        return (vec![], false);
    }
    chain_from(lower, linked, first_after(lower, linked, k), between)
}

/// The first name at or after token `k`, if nothing between starts a new phrase.
fn first_after<'a, 'm>(
    lower: &[&str],
    linked: &'a [Linked<'m>],
    k: usize,
) -> Option<&'a Linked<'m>> {
    linked
        .get(linked.partition_point(|l| l.first < k))
        .filter(|l| {
            l.first - k <= 10 && (k..l.first).all(|i| !breaks_at(lower, i) && lower[i] != "and")
        })
}

/// `first` and the names coordinated after it, leaving out pronouns and names that start a
/// reported clause ("X, Y said").
fn chain_from(
    lower: &[&str],
    linked: &[Linked<'_>],
    first: Option<&Linked<'_>>,
    between: bool,
) -> (Vec<usize>, bool) {
    let Some(first) = first else {
        return (vec![], between);
    };
    let reporting = |l: &Linked<'_>| {
        lower
            .get(l.last + 1)
            .is_some_and(|w| matches!(*w, "said" | "says" | "told"))
    };
    // The coordinated names after `first`, and whether each link holds an "and".
    let mut chain = vec![(first, true)];
    let mut cur = first;
    let rest = &linked[linked.partition_point(|l| l.first <= first.last)..];
    for l in rest.iter().take(MAX_SIDE) {
        whomet_core::work::tick(1);
        if !coordinated(lower, cur, l) {
            break;
        }
        let and = lower[cur.last + 1..l.first].contains(&"and");
        chain.push((l, and));
        cur = l;
    }
    // A name joined by a comma alone and followed by a verb starts a new clause ("talks with A,
    // B left"); the list stops before it.
    let starts_clause = |l: &Linked<'_>| {
        lower.get(l.last + 1).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_alphabetic)
                && !matches!(*w, "and" | "or" | "of" | "in" | "at" | "on" | "to" | "from")
        })
    };
    let keep = chain
        .iter()
        .position(|&(l, and)| !and && starts_clause(l))
        .unwrap_or(chain.len());
    let mut out = vec![];
    for &(l, _) in &chain[..keep] {
        if !reporting(l)
            && l.mention.kind != MentionKind::Pronoun
            && !out.contains(&l.mention.person)
        {
            out.push(l.mention.person);
        }
    }
    (out, between)
}

/// What a whole sentence says about the trust in its events, read once.
struct SentenceCues {
    hedged: bool,
    quoted: bool,
    /// People referred to by a pronoun, and by a role phrase, in the sentence.
    by_pronoun: BTreeSet<usize>,
    by_role: BTreeSet<usize>,
}

impl SentenceCues {
    fn new(lower: &[&str], mentions: &[&Mention]) -> SentenceCues {
        const HEDGES: &[&str] = &[
            "reportedly",
            "reported",
            "according",
            "sources",
            "believed",
            "apparently",
        ];
        SentenceCues {
            hedged: lower.iter().any(|w| HEDGES.contains(w)),
            quoted: lower
                .iter()
                .any(|w| matches!(*w, "\"" | "\u{201c}" | "\u{201d}")),
            by_pronoun: mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Pronoun)
                .map(|m| m.person)
                .collect(),
            by_role: mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Role)
                .map(|m| m.person)
                .collect(),
        }
    }
}

/// Confidence of one piece of evidence (see `docs/SCORING.md`).
/// How much less a window-rule event is trusted than one read from the parse.
const WINDOW_FACTOR: f64 = 0.85;

fn score(event: &mut Event, trig: &Trigger, sentence: &SentenceCues, first: bool) {
    // The window rules stand in for a parse: trusted less.
    let mut c = trig.base * WINDOW_FACTOR;
    let mut cues = vec![format!("trigger:{}", trig.name), "window".to_string()];
    let involved =
        |set: &BTreeSet<usize>| event.participants.iter().any(|p| set.contains(&p.person));
    if involved(&sentence.by_pronoun) {
        c *= 0.9;
        cues.push("pronoun".into());
    }
    if involved(&sentence.by_role) {
        c *= 0.9;
        cues.push("role".into());
    }
    if sentence.hedged {
        c *= 0.9;
        cues.push("hedged".into());
    }
    if sentence.quoted {
        c *= 0.9;
        cues.push("quote".into());
    }
    if trig.modality == Modality::Caption {
        cues.push("caption".into());
    }
    if first {
        cues.push("lead".into());
        c = (c * 1.05).min(0.99);
    }
    if event.participants.len() > 4 {
        c *= 0.85;
        cues.push("many-participants".into());
    }
    event.evidence.confidence = (c * 1000.0).round() / 1000.0;
    event.evidence.cues = cues;
}
