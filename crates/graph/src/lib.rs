//! Builds the who-met-whom graph: the cross-article stages of the pipeline.
//!
//! `read -> segment -> find mentions -> resolve people -> detect meetings -> score ->`
//! **`build graph`** `-> export`.
//!
//! A [`Builder`] takes the per-article [`Analysis`] values one at a time and keeps only what the
//! graph needs, in compact tables: document ids, interned name forms, and each event's evidence
//! once (its sentence text in a [`TextStore`], a `String` unless the caller gives another). [`Builder::finish`] then decides which people
//! of different articles are one person ([`people`]), projects every event onto pairs of people,
//! and gathers the evidence of each pair and kind into one scored edge of a [`petgraph`] graph.
//! Nodes are ordered by id and edges by (source, target, kind), so the result does not depend on
//! the order the articles came in.
//!
//! ```
//! use whomet_core::Analysis;
//! let g = whomet_graph::build(&[Analysis::default()]);
//! assert_eq!(g.graph.node_count(), 0);
//! ```
#![warn(missing_docs)]

mod builder;
pub mod dedup;
pub mod people;
pub mod places;
mod tables;

pub use builder::Builder;
/// The graph library the [`Graph`] is made with.
pub use petgraph;

/// The hasher of every map and set in this crate: fast, with a fixed seed.
pub(crate) type Hash = foldhash::fast::FixedState;
/// An insertion-ordered set, hashed with [`Hash`].
pub(crate) type IndexSet<T> = indexmap::IndexSet<T, Hash>;
/// A map hashed with [`Hash`].
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, Hash>;
use petgraph::graph::UnGraph;
use whomet_core::{Analysis, EdgeKind, NaiveDate, PartialDate, Span};

/// A document: an index into the graph's document table, which is sorted by document id, so
/// that comparing two `DocId`s compares their ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub u32);

/// An interned string (name form, role, trigger, cue, place, merge rule): an index into the
/// graph's string table. Its order is not the order of the strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sym(pub u32);

/// One event's evidence: an index into the graph's evidence table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventId(pub u32);

/// The evidence of one edge: a run of the graph's list of edge evidence (one shared list rather
/// than an allocation per edge).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvidenceList {
    start: u32,
    len: u32,
}

impl EvidenceList {
    /// How many pieces of evidence.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// How one article's person came to be part of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeRecord {
    /// The name form merged in.
    pub name: Sym,
    /// The document it came from.
    pub doc: DocId,
    /// The rule that merged it ("same name key", "surname of the only person with that name").
    pub rule: Sym,
}

/// A node of the graph: one person across the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonNode {
    /// Stable identifier: ASCII slug of the canonical name, made unique.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Every other name form seen, sorted by their text ([`Graph::strs`] reads them).
    pub aliases: Box<[Sym]>,
    /// Roles seen, sorted by their text.
    pub roles: Box<[Sym]>,
    /// Number of mentions over all documents.
    pub mentions: usize,
    /// Documents the person appears in, in id order.
    pub documents: Box<[DocId]>,
    /// Only ever seen as a photo credit or byline.
    pub credit: bool,
    /// How the node was assembled from per-document people, sorted by name, document, rule.
    pub merges: Box<[MergeRecord]>,
}

/// An edge of the graph: one pair of people and one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeData {
    /// MET, CONTACT or PLANNED.
    pub kind: EdgeKind,
    /// Combined confidence of all evidence, in 0..1.
    pub confidence: f64,
    /// Sum of the evidence confidences (for layouts that weigh edges).
    pub weight: f64,
    /// Supporting sentences, in document then offset order ([`Graph::evidence`] reads them).
    pub evidence: EvidenceList,
    /// Earliest known date.
    pub first_date: Option<PartialDate>,
    /// Latest known date.
    pub last_date: Option<PartialDate>,
}

/// An article of the graph: what the input said of it, and the near-duplicate copies of it that
/// were collapsed into it ([`dedup`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleData {
    /// Document date.
    pub date: Option<NaiveDate>,
    /// Headline.
    pub title: Option<Box<str>>,
    /// Address; only an `http:` or `https:` address is ever made a link.
    pub url: Option<Box<str>>,
    /// Publisher.
    pub source: Option<Box<str>>,
    /// Ids of the other copies of the story, sorted.
    pub copy_ids: Box<[Box<str>]>,
    /// The distinct publishers of the story and its copies, sorted.
    pub sources: Box<[Box<str>]>,
}

impl ArticleData {
    /// How many times the story was in the input: 1, plus its copies.
    pub fn copies(&self) -> usize {
        1 + self.copy_ids.len()
    }
}

/// How widely an edge was reported: every article that carries its evidence, copies included,
/// and their distinct publishers (GDELT's NumArticles and NumSources).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    /// Articles, copies included.
    pub articles: usize,
    /// Distinct publishers named by those articles (`source`); articles without one count none.
    pub sources: usize,
}

/// One piece of evidence as the exporters read it: the sentence, where it is, its trigger and
/// confidence, and the resolved date and place of its event.
#[derive(Debug, Clone, Copy)]
pub struct EvidenceRef<'g> {
    /// Document id.
    pub doc: &'g str,
    /// The document's title, address, publisher, date and copies.
    pub article: &'g ArticleData,
    /// The sentence, as a span of the original document text.
    pub sentence: Span,
    /// The sentence text (whitespace runs folded to one space).
    pub text: &'g str,
    /// The trigger words ("met with", "held talks").
    pub trigger: &'g str,
    /// Confidence of this one piece of evidence, in 0..1.
    pub confidence: f64,
    /// Resolved date of the event.
    pub date: Option<PartialDate>,
    /// Place of the event.
    pub place: Option<&'g str>,
    cues: &'g [Sym],
    strings: &'g IndexSet<Box<str>>,
}

impl<'g> EvidenceRef<'g> {
    /// What the confidence rests on ("trigger:met", "caption", ...).
    pub fn cues(&self) -> impl Iterator<Item = &'g str> + use<'g> {
        let strings = self.strings;
        self.cues.iter().map(move |s| &*strings[s.0 as usize])
    }
}

/// Where the evidence text goes while a graph is built. By default it is a `String` in memory;
/// a caller can keep it elsewhere (the CLI spills it to a temporary file) so that it takes no
/// memory while people are resolved. [`Builder::finish`] takes it back for the exports once the
/// builder's own tables are freed.
pub trait TextStore: Send {
    /// Appends `text`.
    fn push(&mut self, text: &str);
    /// Everything pushed, in order, cut into pieces of `sizes` bytes (each cut falls between two
    /// pushes). Called once.
    fn take(&mut self, sizes: &[usize]) -> Vec<String>;
}

impl TextStore for String {
    fn push(&mut self, text: &str) {
        self.push_str(text);
    }
    fn take(&mut self, sizes: &[usize]) -> Vec<String> {
        let mut at = 0;
        sizes
            .iter()
            .map(|n| {
                at += n;
                self.get(at - n..at).unwrap_or_default().to_string()
            })
            .collect()
    }
}

/// How evidence text is laid out in blocks of about [`TextLayout::BLOCK`] bytes (a text never
/// straddles two), so that the text is many middle-sized allocations rather than one huge one:
/// when it is read back after people are resolved, it fills the memory resolution freed.
#[derive(Debug, Clone, Default)]
pub(crate) struct TextLayout {
    sizes: Vec<usize>,
}

impl TextLayout {
    const BLOCK: usize = 1 << 16;

    /// Places a text of `len` bytes: its block and offset.
    fn place(&mut self, len: usize) -> (u32, u32) {
        let block = self.sizes.len().saturating_sub(1);
        match self.sizes.last_mut() {
            Some(last) if *last == 0 || *last + len <= Self::BLOCK => {
                *last += len;
                (block as u32, (*last - len) as u32)
            }
            _ => {
                self.sizes.push(len);
                ((self.sizes.len() - 1) as u32, 0)
            }
        }
    }
}

/// The stored evidence of one event, 56 bytes: millions of them are held at once. Sentence
/// offsets are kept in 32 bits (an article of 4 GiB or more would read as ending there).
#[derive(Debug, Clone)]
struct EventRow {
    doc: DocId,
    start: u32,
    end: u32,
    text_len: u32,
    text_block: u32,
    text_off: u32,
    trigger: Sym,
    cues_start: u32,
    cues_len: u32,
    /// [`NO_PLACE`] when unknown.
    place: Sym,
    confidence: f64,
    date: Option<PartialDate>,
}

const NO_PLACE: Sym = Sym(u32::MAX);

impl EventRow {
    fn sentence(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// A byte offset in 32 bits, saturating.
fn offset(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// The graph: people are nodes, one edge per pair of people and kind; the tables the nodes and
/// edges point into (documents, strings, evidence).
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Nodes in id order; edges in (source id, target id, kind) order, source id < target id.
    pub graph: UnGraph<PersonNode, EdgeData>,
    docs: Vec<Box<str>>,
    /// One per document, in the same order.
    articles: Vec<ArticleData>,
    strings: IndexSet<Box<str>>,
    events: Vec<EventRow>,
    /// The events behind each edge, edge after edge ([`EvidenceList`]).
    edge_events: Vec<EventId>,
    /// Evidence text, in blocks ([`TextLayout`]).
    text: Vec<String>,
    layout: TextLayout,
    cues: Vec<Sym>,
}

impl Graph {
    /// Nodes in output order.
    pub fn nodes(&self) -> impl Iterator<Item = &PersonNode> {
        self.graph.node_weights()
    }

    /// Edges in output order, with their two endpoints.
    pub fn edges(&self) -> impl Iterator<Item = (&PersonNode, &PersonNode, &EdgeData)> {
        self.graph
            .raw_edges()
            .iter()
            .map(move |e| (&self.graph[e.source()], &self.graph[e.target()], &e.weight))
    }

    /// Keeps only the edges whose confidence is at least `min`; people stay.
    pub fn filter_confidence(&mut self, min: f64) {
        self.graph.retain_edges(|g, e| g[e].confidence >= min);
    }

    /// The id of a document.
    pub fn doc(&self, d: DocId) -> &str {
        &self.docs[d.0 as usize]
    }

    /// A document's article data.
    pub fn article(&self, d: DocId) -> &ArticleData {
        &self.articles[d.0 as usize]
    }

    /// Every document, in id order, with its article data.
    pub fn articles(&self) -> impl ExactSizeIterator<Item = (&str, &ArticleData)> {
        self.docs.iter().map(|d| &**d).zip(&self.articles)
    }

    /// A document's article data, to fill in (for graphs built by hand).
    pub fn article_mut(&mut self, d: DocId) -> &mut ArticleData {
        &mut self.articles[d.0 as usize]
    }

    /// How widely an edge was reported: its articles with their copies, and their publishers.
    pub fn reach(&self, edge: &EdgeData) -> Reach {
        let mut docs: Vec<DocId> = (self.ids(edge.evidence).iter())
            .map(|e| self.events[e.0 as usize].doc)
            .collect();
        docs.dedup();
        let articles = docs.iter().map(|&d| self.article(d).copies()).sum();
        let mut sources: Vec<&str> = (docs.iter())
            .flat_map(|&d| self.article(d).sources.iter().map(|s| &**s))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        Reach {
            articles,
            sources: sources.len(),
        }
    }

    /// An interned string.
    pub fn str(&self, s: Sym) -> &str {
        &self.strings[s.0 as usize]
    }

    /// The strings of `syms`.
    pub fn strs<'g>(&'g self, syms: &'g [Sym]) -> impl ExactSizeIterator<Item = &'g str> + Clone {
        syms.iter().map(|&s| self.str(s))
    }

    /// The document ids of `docs`.
    pub fn docs<'g>(&'g self, docs: &'g [DocId]) -> impl Iterator<Item = &'g str> + 'g {
        docs.iter().map(|&d| self.doc(d))
    }

    /// The evidence of an edge, in document then offset order.
    pub fn evidence<'g>(&'g self, edge: &'g EdgeData) -> impl Iterator<Item = EvidenceRef<'g>> {
        self.ids(edge.evidence).iter().map(|&e| self.event(e))
    }

    /// The events of an evidence list.
    fn ids(&self, list: EvidenceList) -> &[EventId] {
        let start = list.start as usize;
        self.edge_events
            .get(start..start + list.len as usize)
            .unwrap_or_default()
    }

    /// Makes the evidence list of an edge from its events (in document then offset order).
    pub fn evidence_list(&mut self, events: impl IntoIterator<Item = EventId>) -> EvidenceList {
        let start = self.edge_events.len();
        self.edge_events.extend(events);
        let len = self.edge_events.len() - start;
        EvidenceList {
            start: start as u32,
            len: len as u32,
        }
    }

    /// One event's evidence.
    pub fn event(&self, e: EventId) -> EvidenceRef<'_> {
        let row = &self.events[e.0 as usize];
        let cues = row.cues_start as usize..(row.cues_start + row.cues_len) as usize;
        EvidenceRef {
            doc: self.doc(row.doc),
            article: self.article(row.doc),
            sentence: row.sentence(),
            text: (self.text.get(row.text_block as usize))
                .and_then(|b| b.get(row.text_off as usize..(row.text_off + row.text_len) as usize))
                .unwrap_or_default(),
            trigger: self.str(row.trigger),
            confidence: row.confidence,
            date: row.date,
            place: (row.place != NO_PLACE).then(|| self.str(row.place)),
            cues: &self.cues[cues],
            strings: &self.strings,
        }
    }

    /// The documents that support an edge, in id order, each once.
    pub fn documents(&self, edge: &EdgeData) -> Vec<&str> {
        let mut docs: Vec<DocId> = (self.ids(edge.evidence).iter())
            .map(|e| self.events[e.0 as usize].doc)
            .collect();
        docs.dedup();
        docs.into_iter().map(|d| self.doc(d)).collect()
    }

    /// The dates of an edge's evidence, in evidence order.
    pub fn dates<'g>(
        &'g self,
        edge: &'g EdgeData,
    ) -> impl Iterator<Item = Option<PartialDate>> + 'g {
        self.ids(edge.evidence)
            .iter()
            .map(|e| self.events[e.0 as usize].date)
    }

    /// The places of an edge's evidence, sorted, each once.
    pub fn places<'g>(&'g self, edge: &'g EdgeData) -> Vec<&'g str> {
        let rows = (self.ids(edge.evidence).iter()).map(|e| &self.events[e.0 as usize]);
        let mut places: Vec<&str> = (rows.filter(|r| r.place != NO_PLACE))
            .map(|r| self.str(r.place))
            .collect();
        places.sort_unstable();
        places.dedup();
        places
    }

    /// Where an edge happened, on the map: the resolved place ([`places`]) its evidence gives
    /// most often, the canonical name that sorts first on a tie; `None` when no place resolves.
    pub fn edge_place(&self, edge: &EdgeData) -> Option<places::Place> {
        let rows = (self.ids(edge.evidence).iter()).map(|e| &self.events[e.0 as usize]);
        let resolved = rows
            .filter(|r| r.place != NO_PLACE)
            .filter_map(|r| places::resolve(self.str(r.place)));
        most_common(resolved)
    }

    /// Where each person's meetings most often took place (over the evidence of all their
    /// edges), by node index in output order; `None` for a person with no resolved place.
    pub fn node_places(&self) -> Vec<Option<places::Place>> {
        let mut seen: Vec<(usize, &'static str, places::Place)> = Vec::new();
        for e in self.graph.raw_edges() {
            let rows = (self.ids(e.weight.evidence).iter()).map(|x| &self.events[x.0 as usize]);
            for r in rows.filter(|r| r.place != NO_PLACE) {
                if let Some(p) = places::resolve(self.str(r.place)) {
                    seen.push((e.source().index(), p.name, p));
                    seen.push((e.target().index(), p.name, p));
                }
            }
        }
        seen.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut out = vec![None; self.graph.node_count()];
        for run in seen.chunk_by(|a, b| a.0 == b.0) {
            out[run[0].0] = most_common(run.iter().map(|x| x.2));
        }
        out
    }

    /// Adds a document id to the document table (for graphs built by hand, such as test
    /// fixtures; [`Builder`] keeps the table sorted by id).
    pub fn add_doc(&mut self, id: &str) -> DocId {
        self.docs.push(id.into());
        self.articles.push(ArticleData::default());
        DocId(self.docs.len() as u32 - 1)
    }

    /// Interns a string.
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(i) = self.strings.get_index_of(s) {
            return Sym(i as u32);
        }
        Sym(self.strings.insert_full(s.into()).0 as u32)
    }

    /// Adds one piece of evidence to the evidence table (for graphs built by hand).
    #[allow(clippy::too_many_arguments)]
    pub fn add_event(
        &mut self,
        doc: DocId,
        sentence: Span,
        text: &str,
        trigger: &str,
        confidence: f64,
        cues: &[&str],
        date: Option<PartialDate>,
        place: Option<&str>,
    ) -> EventId {
        let trigger = self.intern(trigger);
        let cues: Vec<Sym> = cues.iter().map(|c| self.intern(c)).collect();
        let place = place.map(|p| self.intern(p));
        let (block, off) = self.layout.place(text.len());
        if block as usize == self.text.len() {
            self.text.push(String::new());
        }
        self.text[block as usize].push_str(text);
        let text = (block, off, text.len() as u32);
        self.push_event(doc, sentence, text, trigger, &cues, confidence, date, place)
    }

    #[allow(clippy::too_many_arguments)]
    fn push_event(
        &mut self,
        doc: DocId,
        sentence: Span,
        (text_block, text_off, text_len): (u32, u32, u32),
        trigger: Sym,
        cues: &[Sym],
        confidence: f64,
        date: Option<PartialDate>,
        place: Option<Sym>,
    ) -> EventId {
        let cues_start = self.cues.len() as u32;
        self.cues.extend_from_slice(cues);
        self.events.push(EventRow {
            doc,
            start: offset(sentence.start),
            end: offset(sentence.end),
            text_block,
            text_off,
            text_len,
            trigger,
            cues_start,
            cues_len: cues.len() as u32,
            confidence,
            date,
            place: place.unwrap_or(NO_PLACE),
        });
        EventId(self.events.len() as u32 - 1)
    }

    /// Finds a person by id, label or alias (folded); failing that, by the end of a name
    /// ("Amirabdollahian" finds "Hossein Amir-Abdollahian").
    pub fn find(&self, name: &str) -> Vec<&PersonNode> {
        let key = whomet_core::fold_name(name);
        let names = |n: &'_ PersonNode| -> Vec<String> {
            std::iter::once(n.label.as_str())
                .chain(self.strs(&n.aliases))
                .map(whomet_core::fold_name)
                .collect()
        };
        let exact: Vec<&PersonNode> = self
            .nodes()
            .filter(|n| n.id == name || names(n).contains(&key))
            .collect();
        if !exact.is_empty() || key.is_empty() {
            return exact;
        }
        self.nodes()
            .filter(|n| names(n).iter().any(|a| a.ends_with(&key)))
            .collect()
    }

    /// Scores one edge from its evidence (sorted by document then sentence): within a document
    /// the best sentence counts (sentences of one article are not independent), across
    /// documents confidences combine by noisy-or.
    pub fn edge_data(&self, kind: EdgeKind, evidence: EvidenceList) -> EdgeData {
        let rows = || {
            self.ids(evidence)
                .iter()
                .map(|e| &self.events[e.0 as usize])
        };
        let mut per_doc: Vec<(DocId, f64)> = Vec::new();
        for r in rows() {
            match per_doc.last_mut() {
                Some((d, c)) if *d == r.doc => *c = c.max(r.confidence),
                _ => per_doc.push((r.doc, r.confidence)),
            }
        }
        let confidence = round4(noisy_or(per_doc.iter().map(|(_, c)| *c)));
        let weight = round4(rows().map(|r| r.confidence).sum());
        let dates = rows().filter_map(|r| r.date);
        EdgeData {
            kind,
            confidence,
            weight,
            first_date: dates.clone().min(),
            last_date: dates.max(),
            evidence,
        }
    }
}

/// The place given most often (the canonical name that sorts first on a tie).
fn most_common(places: impl Iterator<Item = places::Place>) -> Option<places::Place> {
    let mut all: Vec<places::Place> = places.collect();
    all.sort_unstable_by(|a, b| a.name.cmp(b.name).then(a.country.cmp(b.country)));
    all.chunk_by(|a, b| (a.name, a.country) == (b.name, b.country))
        .max_by(|a, b| a.len().cmp(&b.len()).then(b[0].name.cmp(a[0].name)))
        .map(|run| run[0])
}

/// Combines independent confidences: the probability that at least one is right.
pub fn noisy_or(confidences: impl IntoIterator<Item = f64>) -> f64 {
    1.0 - confidences
        .into_iter()
        .fold(1.0, |miss, c| miss * (1.0 - c.clamp(0.0, 1.0)))
}

/// Builds the graph from per-article analyses.
pub fn build(analyses: &[Analysis]) -> Graph {
    let mut b = Builder::default();
    for a in analyses {
        b.add(a);
    }
    b.finish()
}

/// Rounds to four decimals so that printed values are stable.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests;
