//! Very long articles, analysed in windows: the per-article stages hold about 20 times the text
//! they analyse (a 64 MB article took 1.2 GB), so an article longer than [`WINDOW`] is cut at
//! line breaks into windows that are analysed one by one and joined.

use whomet_core::{Event, Span};

/// Articles longer than this are analysed in windows of at most this many bytes, cut at a line
/// break (else a space) near the end of each.
pub const WINDOW: usize = 1 << 20;

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

/// The analyses of an article's windows, joined into one: people of the same name (and role
/// description) are one person, spans are moved by their window's offset.
#[derive(Default)]
pub struct Joined {
    people: Vec<whomet_core::LocalPerson>,
    index: std::collections::HashMap<(String, Option<whomet_core::RoleRef>), usize>,
    events: Vec<Event>,
}

impl Joined {
    /// Adds the analysis of a window that starts at byte `offset`.
    pub fn add(&mut self, a: whomet_core::Analysis, offset: usize) {
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

    /// The joined analysis.
    pub fn finish(self, id: &str, date: Option<whomet_core::NaiveDate>) -> whomet_core::Analysis {
        whomet_core::Analysis {
            doc: id.to_string(),
            date,
            people: self.people,
            events: self.events,
            diagnostics: vec![],
            ..Default::default()
        }
    }
}
