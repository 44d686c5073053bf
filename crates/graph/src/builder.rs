//! The graph builder: takes analyses one at a time into compact tables, then resolves people,
//! projects events onto pairs and scores the edges.

use crate::tables::{ArticleRow, DocRow, Form, PairRow, PersonRow};
use crate::{DocId, EdgeData, EventId, Graph, IndexSet, PersonNode, Sym, TextStore, dedup, people};
use petgraph::graph::UnGraph;
use whomet_core::{Analysis, Evidence};

/// Gathers analyses; [`Builder::finish`] makes the graph. Memory holds, per article, its id and
/// date, one small row per person (the person's name forms are interned and shared by every
/// article that uses the same ones), and the evidence of its events; never the article text.
/// The result does not depend on the order of [`Builder::add`] calls, except which copy of a
/// near-duplicate story is kept: the first one added ([`dedup`]).
pub struct Builder {
    graph: Graph,
    text: Box<dyn TextStore>,
    /// The articles, in the order they were added.
    docs: Vec<DocRow>,
    /// Every article's people, article after article.
    persons: Vec<PersonRow>,
    forms: IndexSet<Form>,
    pairs: Vec<PairRow>,
    dedup: dedup::Index,
    copies: usize,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::with_text_store(Box::new(String::new()))
    }
}

impl Builder {
    /// A builder that keeps the evidence text in `text` until [`Builder::finish`].
    pub fn with_text_store(text: Box<dyn TextStore>) -> Self {
        Builder {
            graph: Graph::default(),
            text,
            docs: Vec::new(),
            persons: Vec::new(),
            forms: IndexSet::default(),
            pairs: Vec::new(),
            dedup: dedup::Index::default(),
            copies: 0,
        }
    }

    /// The number of articles taken in, each story once.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// The number of articles that were near-duplicate copies of one taken in before, and were
    /// collapsed into it.
    pub fn copies(&self) -> usize {
        self.copies
    }

    /// Whether no article was taken in.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Takes in one article's analysis. An article whose fingerprint is within reach of one
    /// taken in before ([`dedup`]) is a copy: only its id and publisher are kept, on the first.
    pub fn add(&mut self, analysis: &Analysis) {
        let d = self.docs.len() as u32;
        if let Some(kept) = analysis.fingerprint.and_then(|fp| self.dedup.insert(fp, d)) {
            let row = &mut self.docs[kept as usize].article;
            row.copy_ids.push(analysis.doc.as_str().into());
            if let Some(s) = &analysis.article.source {
                row.copy_sources.push(self.graph.intern(s));
            }
            self.copies += 1;
            return;
        }
        let first = self.persons.len() as u32;
        for p in &analysis.people {
            let form = Form::new(p, &mut self.graph);
            let form = self.forms.insert_full(form).0 as u32;
            self.persons.push(PersonRow {
                doc: d,
                form,
                mentions: p.mentions.len().min(u32::MAX as usize) as u32,
            });
        }
        let meta = &analysis.article;
        let boxed = |s: &Option<String>| s.as_deref().map(Box::from);
        self.docs.push(DocRow {
            id: analysis.doc.as_str().into(),
            date: analysis.date,
            first_person: first,
            article: ArticleRow {
                title: boxed(&meta.title),
                url: boxed(&meta.url),
                source: boxed(&meta.source),
                ..ArticleRow::default()
            },
        });
        self.add_events(analysis, d, first);
    }

    /// Takes in the events of article `d`, whose people start at `first` in
    /// the builder's persons: each event's evidence once, and the pairs it claims.
    fn add_events(&mut self, analysis: &Analysis, d: u32, first: u32) {
        let people = analysis.people.len();
        // The last evidence stored, and where its text is (block, offset, length): events of
        // one sentence usually quote the same text, which is then stored once.
        let mut stored: Option<(&Evidence, (u32, u32, u32))> = None;
        for e in &analysis.events {
            let pairs = e.pairs();
            let pairs = pairs.iter().filter(|&&(a, b)| a < people && b < people);
            if pairs.clone().next().is_none() {
                continue;
            }
            let g = &mut self.graph;
            let ev = &e.evidence;
            let trigger = g.intern(&ev.trigger);
            let cues: Vec<Sym> = ev.cues.iter().map(|c| g.intern(c)).collect();
            let place = e.place.as_deref().map(|p| g.intern(p));
            let text = match stored {
                Some((prev, at)) if (prev.sentence, &prev.text) == (ev.sentence, &ev.text) => at,
                _ => {
                    let len = ev.text.len().min(u32::MAX as usize);
                    let (block, off) = g.layout.place(len);
                    self.text.push(&ev.text);
                    (block, off, len as u32)
                }
            };
            stored = Some((ev, text));
            let event = g.push_event(
                DocId(d),
                ev.sentence,
                text,
                trigger,
                &cues,
                ev.confidence,
                e.date,
                place,
            );
            for &(a, b) in pairs {
                self.pairs.push(PairRow {
                    a: first + a as u32,
                    b: first + b as u32,
                    kind: e.kind,
                    event: event.0,
                });
            }
        }
    }

    /// Resolves people across articles and makes the graph.
    pub fn finish(self) -> Graph {
        let Builder {
            mut graph,
            mut text,
            mut docs,
            persons,
            forms,
            mut pairs,
            ..
        } = self;
        let (by_id, doc_id) = documents_by_id(&docs);
        for row in &mut graph.events {
            row.doc = DocId(doc_id[row.doc.0 as usize]);
        }
        let (sorted_events, sentence_no) = sort_events(&graph, &mut pairs);
        let resolved = people::resolve(
            &people::Corpus {
                docs: &docs,
                by_id: &by_id,
                doc_id: &doc_id,
                persons: &persons,
                forms: &forms,
            },
            &mut graph.strings,
        );
        graph.docs = (by_id.iter())
            .map(|&d| std::mem::take(&mut docs[d as usize].id))
            .collect();
        graph.articles = (by_id.iter())
            .map(|&d| {
                let row = &mut docs[d as usize];
                std::mem::take(&mut row.article).into_data(row.date, &graph)
            })
            .collect();
        drop((docs, persons, forms, by_id, doc_id));
        graph.text = text.take(&graph.layout.sizes);

        // Pairs of nodes, and the evidence of each pair and kind in document then sentence
        // order; a sentence counts once per pair and kind.
        pairs.retain_mut(|p| {
            let (Some(a), Some(b)) = (resolved.node(p.a), resolved.node(p.b)) else {
                return false;
            };
            if a == b || resolved.nodes[a as usize].credit || resolved.nodes[b as usize].credit {
                return false;
            }
            (p.a, p.b) = (a.min(b), a.max(b));
            true
        });
        pairs.sort_unstable_by_key(|p| (p.a, p.b, p.kind, p.event));
        let at = |p: &PairRow| (p.a, p.b, p.kind, sentence_no[p.event as usize]);
        pairs.dedup_by(|x, y| at(x) == at(y));
        for p in &mut pairs {
            p.event = sorted_events[p.event as usize];
        }
        drop((sentence_no, sorted_events));
        let g = edges(&mut graph, resolved.nodes, &pairs);
        drop(pairs);
        graph.graph = g;
        graph
    }
}

/// The articles in id order (`by_id`, indices in the order they were added), and the `DocId` of
/// each (`doc_id[d]`, for the `d`-th article added): its place in that order.
fn documents_by_id(docs: &[DocRow]) -> (Vec<u32>, Vec<u32>) {
    let mut by_id: Vec<u32> = (0..docs.len() as u32).collect();
    by_id.sort_by(|&a, &b| {
        docs[a as usize]
            .id
            .cmp(&docs[b as usize].id)
            .then(a.cmp(&b))
    });
    let mut doc_id = vec![0u32; docs.len()];
    for (r, &d) in by_id.iter().enumerate() {
        doc_id[d as usize] = r as u32;
    }
    (by_id, doc_id)
}

/// Puts the events in (document, sentence, id) order, once, so that sorting the pairs compares
/// numbers held in the pairs: each pair's `event` becomes its event's position in that order.
/// Returns the event at each position (`sorted_events[i]`, an `EventId`'s number) and the number
/// of its (document, sentence) among the distinct ones (`sentence_no[i]`).
fn sort_events(graph: &Graph, pairs: &mut [PairRow]) -> (Vec<u32>, Vec<u32>) {
    let mut keyed: Vec<_> = (graph.events.iter().enumerate())
        .map(|(i, r)| (r.doc, r.start, r.end, i as u32))
        .collect();
    keyed.sort_unstable();
    let mut sentence_no: Vec<u32> = Vec::with_capacity(keyed.len());
    for (i, k) in keyed.iter().enumerate() {
        let new = i > 0 && (keyed[i - 1].0, keyed[i - 1].1, keyed[i - 1].2) != (k.0, k.1, k.2);
        let n = sentence_no.last().copied().unwrap_or(0);
        sentence_no.push(n + u32::from(new));
    }
    let sorted_events: Vec<u32> = keyed.iter().map(|k| k.3).collect();
    drop(keyed);
    let mut position_of = vec![0u32; sorted_events.len()];
    for (i, &e) in sorted_events.iter().enumerate() {
        position_of[e as usize] = i as u32;
    }
    for p in pairs {
        p.event = position_of[p.event as usize];
    }
    (sorted_events, sentence_no)
}

/// The petgraph graph of `nodes`, with one edge per run of `pairs` of the same two nodes and
/// kind (sorted so, their events in document then sentence order), scored from its evidence.
fn edges(
    graph: &mut Graph,
    nodes: Vec<PersonNode>,
    pairs: &[PairRow],
) -> UnGraph<PersonNode, EdgeData> {
    let same_edge = |x: &PairRow, y: &PairRow| (x.a, x.b, x.kind) == (y.a, y.b, y.kind);
    let count = pairs.chunk_by(same_edge).count();
    graph.edge_events.reserve_exact(pairs.len());
    let mut g = UnGraph::with_capacity(nodes.len(), count);
    for n in nodes {
        g.add_node(n);
    }
    for run in pairs.chunk_by(same_edge) {
        let evidence = graph.evidence_list(run.iter().map(|p| EventId(p.event)));
        let e = graph.edge_data(run[0].kind, evidence);
        g.add_edge(run[0].a.into(), run[0].b.into(), e);
    }
    g
}
