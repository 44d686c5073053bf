//! The graph builder: takes analyses one at a time into compact tables, then resolves people,
//! projects events onto pairs and scores the edges.

use crate::{ArticleData, DocId, EventId, Graph, IndexSet, Sym, TextStore, dedup, people};
use whomet_core::{Analysis, EdgeKind, NaiveDate};

/// Gathers analyses; [`Builder::finish`] makes the graph. Memory holds, per article, its id and
/// date, one small row per person (the person's name forms are interned and shared by every
/// article that uses the same ones), and the evidence of its events; never the article text.
/// The result does not depend on the order of [`Builder::add`] calls, except which copy of a
/// near-duplicate story is kept: the first one added ([`dedup`]).
pub struct Builder {
    graph: Graph,
    text: Box<dyn TextStore>,
    pub(crate) docs: Vec<DocRow>,
    pub(crate) persons: Vec<PersonRow>,
    pub(crate) forms: IndexSet<Form>,
    pairs: Vec<PairRow>,
    dedup: dedup::Index,
    copies: usize,
}

/// One article: its id, date and where its people are in [`Builder::persons`].
#[derive(Debug)]
pub(crate) struct DocRow {
    pub id: Box<str>,
    pub date: Option<NaiveDate>,
    pub first_person: u32,
    /// Title, address, publisher; the copies' ids and publishers.
    pub article: ArticleRow,
}

/// What [`ArticleData`] is made of, while articles come in.
#[derive(Debug, Default)]
pub(crate) struct ArticleRow {
    title: Option<Box<str>>,
    url: Option<Box<str>>,
    source: Option<Box<str>>,
    copy_ids: Vec<Box<str>>,
    /// Publishers of the copies (interned: thousands of copies name a few publishers).
    copy_sources: Vec<Sym>,
}

/// One article's person: its form (name, aliases, roles) and number of mentions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PersonRow {
    pub doc: u32,
    pub form: u32,
    pub mentions: u32,
}

/// What cross-article resolution reads of a person, interned: articles that name someone the
/// same way share one form.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct Form {
    pub name: Sym,
    /// Aliases, then roles.
    names: Box<[Sym]>,
    roles_at: u32,
    /// Role head and country of a person only described by a role.
    pub described: Option<(Sym, Sym)>,
    pub credit: bool,
}

impl Form {
    pub fn aliases(&self) -> &[Sym] {
        &self.names[..self.roles_at as usize]
    }
    pub fn roles(&self) -> &[Sym] {
        &self.names[self.roles_at as usize..]
    }
}

/// One pair of people an event claims (indices into [`Builder::persons`]).
#[derive(Debug, Clone, Copy)]
struct PairRow {
    a: u32,
    b: u32,
    kind: EdgeKind,
    event: EventId,
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
            let g = &mut self.graph;
            let name = g.intern(&p.name);
            let names = p.aliases.iter().chain(&p.roles).map(|a| g.intern(a));
            let form = Form {
                name,
                names: names.collect(),
                roles_at: p.aliases.len() as u32,
                described: p
                    .described
                    .as_ref()
                    .map(|r| (g.intern(&r.head), g.intern(&r.country))),
                credit: p.credit,
            };
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
        let people = analysis.people.len();
        // The last evidence stored, and where: events of one sentence usually quote the same
        // text, which is then stored once.
        let mut stored: Option<(&whomet_core::Evidence, (u32, u32, u32))> = None;
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
                    event,
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
        // Documents in id order: `rank[d]` is the `DocId` of the `d`-th article added.
        let mut order: Vec<u32> = (0..docs.len() as u32).collect();
        order.sort_by(|&a, &b| {
            docs[a as usize]
                .id
                .cmp(&docs[b as usize].id)
                .then(a.cmp(&b))
        });
        let mut rank = vec![0u32; docs.len()];
        for (r, &d) in order.iter().enumerate() {
            rank[d as usize] = r as u32;
        }
        for row in &mut graph.events {
            row.doc = DocId(rank[row.doc.0 as usize]);
        }
        // Events in (document, sentence, id) order, once, so that sorting the pairs below
        // compares numbers held in the pairs: `by_rank[i]` is the event of rank `i`, and
        // `sentence[i]` numbers its (document, sentence).
        let mut keyed: Vec<_> = (graph.events.iter().enumerate())
            .map(|(i, r)| (r.doc, r.start, r.end, i as u32))
            .collect();
        keyed.sort_unstable();
        let mut sentence: Vec<u32> = Vec::with_capacity(keyed.len());
        for (i, k) in keyed.iter().enumerate() {
            let new = i > 0 && (keyed[i - 1].0, keyed[i - 1].1, keyed[i - 1].2) != (k.0, k.1, k.2);
            let n = sentence.last().copied().unwrap_or(0);
            sentence.push(n + u32::from(new));
        }
        let by_rank: Vec<u32> = keyed.iter().map(|k| k.3).collect();
        drop(keyed);
        let mut rank_of = vec![0u32; by_rank.len()];
        for (i, &e) in by_rank.iter().enumerate() {
            rank_of[e as usize] = i as u32;
        }
        for p in &mut pairs {
            p.event = EventId(rank_of[p.event.0 as usize]);
        }
        drop(rank_of);
        let resolved = people::resolve(
            &people::Corpus {
                docs: &docs,
                order: &order,
                rank: &rank,
                persons: &persons,
                forms: &forms,
            },
            &mut graph.strings,
        );
        graph.docs = order
            .iter()
            .map(|&d| std::mem::take(&mut docs[d as usize].id))
            .collect();
        graph.articles = order
            .iter()
            .map(|&d| {
                let row = &mut docs[d as usize];
                let a = std::mem::take(&mut row.article);
                let mut copy_ids = a.copy_ids;
                copy_ids.sort_unstable();
                let mut copy_sources = a.copy_sources;
                copy_sources.sort_unstable();
                copy_sources.dedup();
                let mut sources: Vec<Box<str>> = (a.source.iter().cloned())
                    .chain(copy_sources.iter().map(|&s| graph.str(s).into()))
                    .collect();
                sources.sort_unstable();
                sources.dedup();
                ArticleData {
                    date: row.date,
                    title: a.title,
                    url: a.url,
                    source: a.source,
                    copy_ids: copy_ids.into(),
                    sources: sources.into(),
                }
            })
            .collect();
        drop((docs, persons, forms, order, rank));
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
        pairs.sort_unstable_by_key(|p| (p.a, p.b, p.kind, p.event.0));
        let at = |p: &PairRow| (p.a, p.b, p.kind, sentence[p.event.0 as usize]);
        pairs.dedup_by(|x, y| at(x) == at(y));
        for p in &mut pairs {
            p.event = EventId(by_rank[p.event.0 as usize]);
        }
        drop((sentence, by_rank));

        let same_edge = |x: &PairRow, y: &PairRow| (x.a, x.b, x.kind) == (y.a, y.b, y.kind);
        let edges = pairs.chunk_by(same_edge).count();
        graph.edge_events.reserve_exact(pairs.len());
        let mut g = petgraph::graph::UnGraph::with_capacity(resolved.nodes.len(), edges);
        for n in resolved.nodes {
            g.add_node(n);
        }
        for run in pairs.chunk_by(same_edge) {
            let evidence = graph.evidence_list(run.iter().map(|p| p.event));
            let e = graph.edge_data(run[0].kind, evidence);
            g.add_edge(run[0].a.into(), run[0].b.into(), e);
        }
        drop(pairs);
        graph.graph = g;
        graph
    }
}
