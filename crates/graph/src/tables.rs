//! The rows of the [`Builder`](crate::Builder)'s tables: what it keeps of each article, each
//! article's person and each pair an event claims, until [`Builder::finish`](crate::Builder::finish)
//! makes the graph of them.

use crate::{ArticleData, Graph, Sym};
use whomet_core::{EdgeKind, LocalPerson, NaiveDate};

/// One article: its id, date and where its people are in the builder's persons.
#[derive(Debug)]
pub(crate) struct DocRow {
    pub id: Box<str>,
    pub date: Option<NaiveDate>,
    /// The index of its first person in the builder's persons; its people run up to the next
    /// article's first person.
    pub first_person: u32,
    /// Title, address, publisher; the copies' ids and publishers.
    pub article: ArticleRow,
}

/// What [`ArticleData`] is made of, while articles come in.
#[derive(Debug, Default)]
pub(crate) struct ArticleRow {
    pub title: Option<Box<str>>,
    pub url: Option<Box<str>>,
    pub source: Option<Box<str>>,
    pub copy_ids: Vec<Box<str>>,
    /// Publishers of the copies (interned: thousands of copies name a few publishers).
    pub copy_sources: Vec<Sym>,
}

impl ArticleRow {
    /// The article's data: copies' ids sorted, the publishers of the story and its copies
    /// sorted, each once.
    pub fn into_data(self, date: Option<NaiveDate>, graph: &Graph) -> ArticleData {
        let mut copy_ids = self.copy_ids;
        copy_ids.sort_unstable();
        let mut copy_sources = self.copy_sources;
        copy_sources.sort_unstable();
        copy_sources.dedup();
        let mut sources: Vec<Box<str>> = (self.source.iter().cloned())
            .chain(copy_sources.iter().map(|&s| graph.str(s).into()))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        ArticleData {
            date,
            title: self.title,
            url: self.url,
            source: self.source,
            copy_ids: copy_ids.into(),
            sources: sources.into(),
        }
    }
}

/// One article's person: its form (name, aliases, roles) and number of mentions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PersonRow {
    /// The article, an index into the builder's documents (in the order they were added).
    pub doc: u32,
    /// An index into the builder's forms.
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
    /// The form of one article's person, its strings interned into `graph`.
    pub fn new(p: &LocalPerson, graph: &mut Graph) -> Form {
        let name = graph.intern(&p.name);
        let names = p.aliases.iter().chain(&p.roles).map(|a| graph.intern(a));
        Form {
            name,
            names: names.collect(),
            roles_at: p.aliases.len() as u32,
            described: p
                .described
                .as_ref()
                .map(|r| (graph.intern(&r.head), graph.intern(&r.country))),
            credit: p.credit,
        }
    }

    pub fn aliases(&self) -> &[Sym] {
        &self.names[..self.roles_at as usize]
    }

    pub fn roles(&self) -> &[Sym] {
        &self.names[self.roles_at as usize..]
    }
}

/// One pair of people an event claims.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PairRow {
    /// Indices into the builder's persons; once people are resolved, the two nodes, smaller
    /// first.
    pub a: u32,
    pub b: u32,
    pub kind: EdgeKind,
    /// The event: its `EventId` while articles come in; while [`Builder::finish`] sorts and
    /// merges the pairs, its position in (document, sentence) order instead, then its
    /// `EventId` again.
    ///
    /// [`Builder::finish`]: crate::Builder::finish
    pub event: u32,
}
