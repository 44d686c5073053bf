//! Relation scoring: the detect-meetings and score stages.
//!
//! `... -> resolve people ->` **`detect meetings -> score`** `-> build graph -> export`.
//!
//! For each sentence, [`detect`] looks for a trigger ("met", "held talks with", "was welcomed
//! by", "will meet", "talked ... over the telephone"), links the people mentioned before it (the
//! subject side, with coordinated names) and after it (the object side, up to a new clause), drops
//! negated, conditional and proposed meetings, resolves the date against the document date and
//! the tense, finds the place, and gives the evidence a confidence. The model is written down in
//! `docs/SCORING.md`.
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

mod dates;
mod triggers;

use std::collections::BTreeSet;
use triggers::{Modality, Trigger};
use whomet_core::{Document, Event, Evidence, Mention, MentionKind, Participant, Span, fold_space};
use whomet_extract::Extraction;
use whomet_extract::segment::Token;

/// Articles longer than this are analysed in windows of at most this many bytes, cut at a line
/// break (else a space) near the end of each, so that the working set of one article stays
/// bounded: the per-article stages hold about 20 times the text they analyse (a 64 MB article
/// took 1.2 GB).
pub const WINDOW: usize = 1 << 20;

/// The whole per-article analysis: prepare, extract, detect. Returns what the article
/// contributes to the graph, and the problems found in its bytes. An article longer than
/// [`WINDOW`] is analysed window by window (see [`windows`]) and the results joined: spans
/// still index the whole article, people of the same name are one person, and only the first
/// window has the lead and the dateline; people and sentences are not linked across windows.
pub fn analyse(
    input: &whomet_extract::Input<'_>,
    bytes: &[u8],
) -> (whomet_core::Analysis, Vec<whomet_core::Diagnostic>) {
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

use whomet_extract::Input;

/// Where `bytes` is cut into windows of at most `max` bytes (`max` at least 4): after the last
/// line break in the second half of a window, else after its last space, else before the last
/// byte that starts a UTF-8 character, so that no character, line break or HTML character
/// reference (which holds neither) is split.
pub fn windows(bytes: &[u8], max: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = (start + max).min(bytes.len());
        if end == bytes.len() {
            out.push(Span::new(start, end));
            break;
        }
        let w = &bytes[start..end];
        whomet_core::work::tick(w.len());
        let half = w.len() / 2;
        let cut = w[half..]
            .iter()
            .rposition(|&b| b == b'\n')
            .map(|i| half + i + 1)
            .or_else(|| {
                w[half..]
                    .iter()
                    .rposition(|&b| b == b' ')
                    .map(|i| half + i + 1)
            })
            .or_else(|| w.iter().rposition(|&b| b & 0xC0 != 0x80).filter(|&i| i > 0))
            .unwrap_or(w.len());
        out.push(Span::new(start, start + cut));
        start += cut;
    }
    out
}

fn analyse_window(
    input: &Input<'_>,
    bytes: &[u8],
    first: bool,
) -> (whomet_core::Analysis, Vec<whomet_core::Diagnostic>) {
    let (doc, diagnostics) = whomet_extract::prepare(input, bytes);
    let ex = whomet_extract::extract(&doc);
    let events = detect_in(&doc, &ex, first);
    let analysis = whomet_core::Analysis {
        doc: doc.id,
        date: doc.date,
        people: ex.people.people,
        events,
        diagnostics: vec![],
    };
    (analysis, diagnostics)
}

/// The analyses of an article's windows, joined into one: people of the same name (and role
/// description) are one person, spans are moved by their window's offset.
#[derive(Default)]
struct Joined {
    people: Vec<whomet_core::LocalPerson>,
    index: std::collections::HashMap<(String, Option<whomet_core::RoleRef>), usize>,
    events: Vec<Event>,
}

impl Joined {
    fn add(&mut self, a: whomet_core::Analysis, offset: usize) {
        let shift = |s: Span| Span::new(s.start + offset, s.end + offset);
        let mut map = Vec::with_capacity(a.people.len());
        for mut p in a.people {
            whomet_core::work::tick(1 + p.mentions.len());
            p.mentions.iter_mut().for_each(|m| *m = shift(*m));
            let key = (p.name.clone(), p.described.clone());
            match self.index.get(&key) {
                Some(&i) => {
                    let q = &mut self.people[i];
                    q.mentions.extend(p.mentions);
                    for a in p.aliases {
                        if let Err(at) = q.aliases.binary_search(&a) {
                            q.aliases.insert(at, a);
                        }
                    }
                    for r in p.roles {
                        if !q.roles.contains(&r) {
                            q.roles.push(r);
                        }
                    }
                    q.credit &= p.credit;
                    map.push(i);
                }
                None => {
                    self.index.insert(key, self.people.len());
                    map.push(self.people.len());
                    self.people.push(p);
                }
            }
        }
        for mut e in a.events {
            e.participants
                .iter_mut()
                .for_each(|p| p.person = map[p.person]);
            e.evidence.sentence = shift(e.evidence.sentence);
            self.events.push(e);
        }
    }

    fn finish(self, id: &str, date: Option<whomet_core::NaiveDate>) -> whomet_core::Analysis {
        whomet_core::Analysis {
            doc: id.to_string(),
            date,
            people: self.people,
            events: self.events,
            diagnostics: vec![],
        }
    }
}

/// Detects the events of one article.
pub fn detect(doc: &Document, ex: &Extraction) -> Vec<Event> {
    detect_in(doc, ex, true)
}

/// Detects the events of an article, or of a later window of one (`first` false: no lead
/// sentence, no dateline).
fn detect_in(doc: &Document, ex: &Extraction, first: bool) -> Vec<Event> {
    let mut events = Vec::new();
    let text = &doc.text;
    // The lead: the first sentence that is not an upper-case headline.
    let lead = if first {
        ex.sentences()
            .iter()
            .position(|s| s.of(text).chars().any(char::is_lowercase))
            .unwrap_or(0)
    } else {
        usize::MAX
    };
    // The dateline city, found once (it was copied from the first line for every meeting).
    let mut dateline: Option<Option<String>> = None;
    // Mentions are in text order, so each sentence's are one run.
    let all = &ex.people.mentions;
    // Buffers reused from sentence to sentence.
    let mut toks: Vec<Token<'_>> = Vec::new();
    let mut lower_buf = LowerWords::default();
    for (si, &sentence) in ex.sentences().iter().enumerate() {
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
            let side = |ps: &[usize], side: u8| {
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
                Some(g) if trig.joint_subject && objects.is_empty() => (side(g, 0), true),
                _ if subject.is_empty() && (between || trig.joint_objects || trig.nominal) => {
                    (side(&objects, 0), true)
                }
                _ if subject.len() >= 2 && objects.is_empty() && trig.joint_subject => {
                    (side(&subject, 0), true)
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
                                    side: 0,
                                })
                                .collect();
                            ps.extend(side(&objects, 1));
                            (ps, true)
                        }
                        None => (vec![], false),
                    }
                }
                _ => {
                    let mut ps = side(&subject, 0);
                    ps.extend(side(&objects, 1));
                    (ps, false)
                }
            };
            let mut participants = participants;
            // An anaphoric event adds to the last one's participants: keep the bound.
            participants.truncate(whomet_core::MAX_PARTICIPANTS);
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
            event.date =
                own_date.or_else(|| context_date(doc, ex, si, &event, &events, &mut prev_cache));
            let found = place_cache.get_or_insert_with(|| places(&toks));
            event.place = place(found, (trig.start, trig.end)).or_else(|| {
                (si == lead)
                    .then(|| dateline_city(doc, &mut dateline))
                    .flatten()
            });
            events.push(event);
        }
    }
    events
}

/// The date of an event whose sentence gives none: that of the last event of the article
/// sharing a participant (narratives keep their time), else a date in the sentence before, else,
/// for a MET in a dated report, the report's date.
fn context_date(
    doc: &Document,
    ex: &Extraction,
    si: usize,
    event: &Event,
    events: &[Event],
    prev_cache: &mut [Option<Option<whomet_core::PartialDate>>; 2],
) -> Option<whomet_core::PartialDate> {
    let shares = |e: &Event| {
        e.participants
            .iter()
            .any(|p| event.participants.iter().any(|q| q.person == p.person))
    };
    // The last few events only: narratives refer back a short way.
    if let Some(d) = events
        .iter()
        .rev()
        .take(8)
        .filter(|e| shares(e))
        .find_map(|e| e.date)
    {
        return Some(d);
    }
    let future = usize::from(event.kind == whomet_core::EdgeKind::Planned);
    let before = *prev_cache[future].get_or_insert_with(|| {
        let prev = si.checked_sub(1)?;
        let toks: Vec<Token<'_>> = ex.segments.non_space(&doc.text, prev).collect();
        let mut lower_buf = LowerWords::default();
        let lower = lower_buf.of(&toks);
        let about_a_meeting = lower.iter().any(|w| {
            matches!(
                *w,
                "meeting" | "meetings" | "talks" | "visit" | "met" | "summit"
            )
        });
        about_a_meeting
            .then(|| dates::resolve(doc, &toks, &lower, event.kind, false))
            .flatten()
    });
    before.or_else(|| {
        (event.kind == whomet_core::EdgeKind::Met)
            .then(|| doc.date.map(whomet_core::PartialDate::from_naive))
            .flatten()
    })
}

/// Tokens in lower case, all in one buffer: one allocation per sentence, not one per token.
#[derive(Default)]
struct LowerWords {
    text: String,
    ends: Vec<usize>,
}

impl LowerWords {
    /// The lower-case forms of `toks`, as `str::to_lowercase` makes them.
    fn of(&mut self, toks: &[Token<'_>]) -> Vec<&str> {
        self.text.clear();
        self.ends.clear();
        for t in toks {
            let start = self.text.len();
            if t.text.is_ascii() {
                self.text.push_str(t.text);
                self.text[start..].make_ascii_lowercase();
            } else {
                self.text.push_str(&t.text.to_lowercase());
            }
            self.ends.push(self.text.len());
        }
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let w = &self.text[start..end];
                start = end;
                w
            })
            .collect()
    }
}

/// Evidence longer than this is cut to a window around its trigger.
const MAX_EVIDENCE: usize = 1200;

/// The sentence, or for an overlong one a window of it around the trigger, at word bounds.
fn excerpt(text: &str, sentence: Span, trigger: Span) -> Span {
    if sentence.end - sentence.start <= MAX_EVIDENCE {
        return sentence;
    }
    let half = MAX_EVIDENCE / 2;
    let mut start = trigger.start.saturating_sub(half).max(sentence.start);
    let mut end = (trigger.end + half).min(sentence.end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Start and end on white space where there is some near.
    if let Some(p) = text[start..trigger.start].find(char::is_whitespace) {
        start += p;
    }
    if let Some(p) = text[trigger.end..end].rfind(char::is_whitespace) {
        end = trigger.end + p;
    }
    let s = Span::new(start, end);
    let trimmed = s.of(text).trim();
    let lead = s.of(text).len() - s.of(text).trim_start().len();
    Span::new(start + lead, start + lead + trimmed.len())
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

/// Participants one side of a trigger can have at most: a cap that keeps pathological lists of
/// names linear.
const MAX_SIDE: usize = 64;

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

/// Confidence of one piece of evidence (see `docs/SCORING.md`).
fn score(event: &mut Event, trig: &Trigger, sentence: &SentenceCues, first: bool) {
    let mut c = trig.base;
    let mut cues = vec![format!("trigger:{}", trig.name)];
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

/// The place of the meeting: "in Doha", "at Downing Street", else the dateline city for the
/// lead sentence.
fn places(toks: &[Token<'_>]) -> Vec<(usize, String)> {
    let lex = whomet_extract::lexicon::lexicon();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let visit_to = t.text == "to"
            && i > 0
            && matches!(
                toks[i - 1].text,
                "visit" | "trip" | "visits" | "travelled" | "traveled"
            );
        if !matches!(t.text, "in" | "at") && !visit_to {
            continue;
        }
        // A place name is capitalised.
        if toks.get(i + 1).is_none_or(|n| !n.is_capitalized()) {
            continue;
        }
        for len in [3usize, 2, 1] {
            if i + 1 + len > toks.len() {
                continue;
            }
            let words: Vec<&str> = toks[i + 1..i + 1 + len]
                .iter()
                .map(|t| t.text.trim_end_matches("'s").trim_end_matches("\u{2019}s"))
                .collect();
            let cand = words.join(" ");
            if lex.is_place(&cand) {
                out.push((i, cand));
                break;
            }
        }
    }
    out
}

/// The place of the meeting: the "in Doha", "at Downing Street" nearest the trigger (within a
/// dozen words). `found` is in token order, so only the places within that reach are looked
/// at (a sentence of thousands of meetings and places compared every place with every meeting).
fn place(found: &[(usize, String)], trig: (usize, usize)) -> Option<String> {
    let from = found.partition_point(|(i, _)| *i + 12 < trig.0);
    let to = found.partition_point(|(i, _)| *i <= trig.1 + 12);
    let near = found.get(from..to.max(from))?;
    whomet_core::work::tick(1 + near.len());
    near.iter()
        .min_by_key(|(i, _)| if *i >= trig.1 { i - trig.1 } else { trig.0 - i })
        .map(|(_, p)| p.clone())
}

/// The dateline city of the lead sentence ("DOHA, March 4 -"), looked for once per article
/// (`cache`) in the first line that has " - " or ", ".
fn dateline_city(doc: &Document, cache: &mut Option<Option<String>>) -> Option<String> {
    cache
        .get_or_insert_with(|| {
            let lex = whomet_extract::lexicon::lexicon();
            let body = &doc.text[doc.body_start..];
            let line = body
                .lines()
                .find(|l| l.contains(" - ") || l.contains(", "))?;
            let city = line.trim().split(',').next()?.trim();
            whomet_core::work::tick(line.len());
            let titled = city
                .split_whitespace()
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ");
            (lex.is_place(&titled) && city.chars().all(|c| !c.is_lowercase())).then_some(titled)
        })
        .clone()
}
