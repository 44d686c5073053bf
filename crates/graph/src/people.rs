//! Who is who across articles.
//!
//! Each article's people come already resolved inside the article. Here they are merged across
//! articles, deterministically and without comparing all pairs:
//!
//! 1. **Same name**: full names (two words or more) whose name keys are equal are one person. The
//!    key folds case, accents, hyphens and spaces, and common romanisation variants
//!    (Hossein/Hussein, Mohammad/Muhammad, -ollah/-ullah, Sergei/Sergey), so `Amir-Abdollahian`,
//!    `Amirabdollahian` and `Amir Abdollahian` agree.
//! 2. **Same given name, near-identical surname**: a full name whose given name matches and whose
//!    surname has the same consonant skeleton (Nazir/Nazer, Araghchi/Araqchi) joins, when a role
//!    word is shared; a two-word name with the same surname and a given name of the same
//!    skeleton (Vladimir/Volodymyr) joins without one, and so does a name of three words or
//!    more whose every word has the same skeleton (Shafei/Shafeie). A shorter form of exactly
//!    one longer name (its last words, or the part before a particle), spelt the same or with
//!    the same skeletons, joins it ("Modarres Khiabani" of "Hossein Modares Khiabani").
//! 3. **Surname alone**: a one-word name joins the single full-name person whose last name it
//!    is; when several people share that surname, the one sharing a role wins, and when that
//!    does not decide (or more than 256 people share the surname), the name stays its own node.
//! 4. **Described by a role**: someone an article only describes ("Iran's foreign minister")
//!    joins the one person holding that office for that country in articles within two years;
//!    otherwise they get no node.
//!
//! Namesakes stay apart: two people with the same name key, dated more than eight years apart
//! in different offices, are two nodes (`george-bush`, `george-bush-2`). When unsure, one.
//!
//! Every merge is recorded on the node as a [`MergeRecord`].

use crate::tables::{DocRow, Form, PersonRow};
use crate::{DocId, MergeRecord, PersonNode, Sym};
use crate::{HashMap, IndexSet};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use whomet_core::{NaiveDate, name_tokens, slug, work};

/// Canonical spelling of one folded name word, folding common romanisation variants.
pub fn canonical_token(t: &str) -> String {
    const GIVEN: &[(&[&str], &str)] = &[
        (
            &[
                "hossein", "hussein", "husein", "hosein", "husain", "hussain", "husayn",
            ],
            "husain",
        ),
        (
            &[
                "mohammad", "muhammad", "mohammed", "mohamed", "muhammed", "mohamad",
            ],
            "muhammad",
        ),
        (&["ahmad", "ahmed"], "ahmad"),
        (&["mahmoud", "mahmud", "mahmood"], "mahmud"),
        (&["mustafa", "mostafa", "moustafa"], "mustafa"),
        (&["yousef", "yusuf", "youssef", "yousuf", "yusef"], "yusuf"),
        (&["osama", "usama"], "usama"),
        (&["khaled", "khalid"], "khalid"),
        (&["mousa", "musa", "moussa"], "musa"),
        (&["zaid", "zayed", "zayd"], "zaid"),
    ];
    for (forms, canon) in GIVEN {
        if forms.contains(&t) {
            return canon.to_string();
        }
    }
    for (from, to) in [("ollah", "ullah"), ("ollahi", "ullahi")] {
        if let Some(stem) = t.strip_suffix(from) {
            return format!("{stem}{to}");
        }
    }
    // Russian and Ukrainian romanisations: Sergei/Sergey, Nikolai/Nikolay, Yuriy/Yury,
    // Zelenskyy/Zelensky, Dmitrii/Dmitry.
    if t.chars().count() >= 5 {
        for (from, to) in [
            ("yy", "y"),
            ("iy", "y"),
            ("ii", "y"),
            ("ei", "ey"),
            ("ai", "ay"),
        ] {
            if let Some(stem) = t.strip_suffix(from) {
                return format!("{stem}{to}");
            }
        }
    }
    t.to_string()
}

/// The words of a name that identify the person, canonical: a short given name as its full
/// form ("joe" as "joseph", from `data/lexicon/nicknames.txt`), and no middle initial or suffix
/// ("Joseph R. Lindqvist, Jr." and "Joe Lindqvist" have the same words).
fn key_tokens(name: &str) -> Vec<String> {
    let toks = name_tokens(name);
    let n = toks.len();
    toks.iter()
        .enumerate()
        .filter(|&(i, t)| {
            let middle_initial = n >= 3 && i > 0 && i + 1 < n && t.len() == 1;
            let suffix = n >= 3 && i + 1 == n && matches!(t.as_str(), "jr" | "sr" | "ii" | "iii");
            !middle_initial && !suffix
        })
        .map(|(i, t)| {
            let t = canonical_token(t);
            match nickname(&t) {
                Some(full) if i == 0 && n >= 2 => full.to_string(),
                _ => t,
            }
        })
        .collect()
}

/// The full given name of a short form ("joe" gives "joseph"); the first listed when there are
/// several.
fn nickname(short: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        for line in include_str!("../../../data/lexicon/nicknames.txt").lines() {
            if let Some((s, f)) = line.trim().split_once(' ')
                && !line.starts_with('#')
            {
                map.entry(s).or_insert(f);
            }
        }
        map
    })
    .get(short)
    .copied()
}

/// The last of a name's key words ([`key_tokens`]): its last word, canonical. A suffix ("Jr")
/// is only dropped from a name of three words or more, and a one-word name is its own surname.
fn surname(name: &str) -> Option<String> {
    key_tokens(name).pop()
}

/// Consonant skeleton of a word: romanisation variants of one sound folded (gh/q, kh/h, z/s,
/// w/v, ph/f: "Araghchi" and "Araqchi"), vowels dropped, doubled letters collapsed.
fn skeleton(word: &str) -> String {
    let folded = word
        .replace("gh", "q")
        .replace("kh", "h")
        .replace("ph", "f")
        .replace('z', "s")
        .replace('w', "v");
    let mut out = String::new();
    for c in folded.chars().filter(|c| !"aeiouy".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// At most this many people are compared with one name: the holders of a role in a country
/// (rule 4), the people sharing a surname (rule 3; beyond it, a surname alone joins no one), or
/// the longer names a shorter form may stand for (rule 2b keeps about this many per form).
const MAX_CANDIDATES: usize = 256;

/// What resolution reads: the articles (visited in id order) and their people.
pub(crate) struct Corpus<'a> {
    /// The articles, in the order they were added.
    pub docs: &'a [DocRow],
    /// Article indices in id order.
    pub by_id: &'a [u32],
    /// The `DocId` of each article: its place in id order.
    pub doc_id: &'a [u32],
    pub persons: &'a [PersonRow],
    pub forms: &'a IndexSet<Form>,
}

/// The nodes, and the node of each article's person.
pub(crate) struct Resolved {
    /// Nodes, sorted by id.
    pub nodes: Vec<PersonNode>,
    map: Vec<u32>,
}

impl Resolved {
    /// The node of person `p` (an index into the builder's persons).
    pub fn node(&self, p: u32) -> Option<u32> {
        self.map.get(p as usize).copied().filter(|&n| n != u32::MAX)
    }
}

/// What the rules read of a name, computed once per distinct name, interned into [`Words`].
struct NameKeys {
    words: u32,
    /// The name key.
    key: u32,
    /// The same key, as the shorter forms of longer names are interned (`=` and the key).
    short: u32,
    /// The same name as skeletons, as the shorter forms of longer names are interned (`~`).
    short_near: Option<u32>,
    /// The shorter forms this name stands for.
    parts: Box<[u32]>,
    /// Given name and surname skeleton (rule 2), when the skeleton is long enough to compare.
    near: Option<u32>,
    /// Given name skeleton and surname as spelt (rule 2, no shared role needed), for two-word
    /// names with long enough parts.
    given_only: Option<u32>,
}

/// What the rules read of a list of roles, once per distinct list: role words, then role
/// heads, each sorted.
struct RoleKeys {
    roles_heads: Box<[u32]>,
    heads_at: u32,
}

/// The keys of one form: its name's and its roles'.
struct FormKeys<'a> {
    name: &'a NameKeys,
    roles: &'a RoleKeys,
}

impl FormKeys<'_> {
    fn roles(&self) -> &[u32] {
        &self.roles.roles_heads[..self.roles.heads_at as usize]
    }
    fn heads(&self) -> &[u32] {
        &self.roles.roles_heads[self.roles.heads_at as usize..]
    }
}

/// Interned words and keys, so that the sets and maps the rules use hold numbers.
#[derive(Default)]
struct Words(IndexSet<String>);

impl Words {
    fn id(&mut self, w: String) -> u32 {
        self.0.insert_full(w).0 as u32
    }
    fn get(&self, w: &str) -> Option<u32> {
        self.0.get_index_of(w).map(|i| i as u32)
    }
}

/// Computes `f` of every item in parallel, a block at a time (so that the results of all
/// items are never held at once), and hands the results to `then` in item order.
fn in_blocks<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync, mut then: impl FnMut(R)) {
    for block in items.chunks(1 << 14) {
        let parts: Vec<R> = block.par_iter().map(&f).collect();
        parts.into_iter().for_each(&mut then);
    }
}

/// A name's keys as strings, before interning into [`NameKeys`].
struct NameStrings {
    words: u32,
    key: String,
    near: Option<String>,
    given_only: Option<String>,
    /// A two-word name's words as skeletons, to find the longer name it is a form of.
    short_near: Option<String>,
    parts: Vec<String>,
}

/// A name's keys as strings (the costly part: transliteration and tokens).
fn name_strings(name: &str) -> NameStrings {
    let toks = key_tokens(name);
    let skeleton = skeleton(toks.last().map_or("", String::as_str));
    // Given name and surname as consonant skeletons ("Volodymyr Zelenskyy" and "Vladimir
    // Zelensky" agree). A space cannot occur in either part.
    let near = (skeleton.len() >= 3).then(|| {
        let given = toks.first().map(|t| self::skeleton(t)).unwrap_or_default();
        format!("{given} {skeleton}")
    });
    // Given name as a skeleton of four letters or more, surname as spelt ("Vladimir" and
    // "Volodymyr Zelensky"): strong enough without a shared role.
    // Or, for a name of three words or more, every word as a skeleton ("Gholam-Hossein Shafei"
    // and "Shafeie").
    let skeletons: Vec<String> = toks.iter().map(|t| self::skeleton(t)).collect();
    let long_skeleton = |from: usize| {
        let s = &skeletons[from..];
        (s.iter().all(|k| !k.is_empty()) && s.iter().map(String::len).sum::<usize>() >= 6)
            .then(|| format!("~{}", s.join(" ")))
    };
    let given_only = match toks.as_slice() {
        [given, surname] if skeletons[0].len() >= 4 && surname.len() >= 5 => {
            Some(format!("{}={surname}", skeletons[0]))
        }
        [_, _, _, ..] => long_skeleton(0).filter(|_| skeletons.concat().len() >= 8),
        _ => None,
    };
    // The shorter forms a longer name stands for: its endings of two words or more ("Amir
    // Abdollahian" of "Hossein Amir Abdollahian"), and the part before a particle ("Abdullah bin
    // Zayed" of "Abdullah bin Zayed Al Nahyan").
    let n = toks.len();
    let mut parts = Vec::new();
    if n >= 3 {
        for k in 1..n - 1 {
            parts.push(format!("={}", toks[k..].concat()));
            // Spelt a little differently ("Modarres Khiabani" of "Hossein Modares Khiabani").
            parts.extend(long_skeleton(k));
        }
        for k in 2..n - 1 {
            if matches!(
                toks[k].as_str(),
                "al" | "el" | "bin" | "ibn" | "bint" | "ben" | "abu"
            ) && toks[..k]
                .iter()
                .any(|t| matches!(t.as_str(), "bin" | "ibn" | "bint"))
            {
                parts.push(format!("={}", toks[..k].concat()));
            }
        }
    }
    NameStrings {
        words: name_tokens(name).len() as u32,
        short_near: (n == 2).then(|| long_skeleton(0)).flatten(),
        key: toks.concat(),
        near,
        given_only,
        parts,
    }
}

/// A list of roles' words and heads as strings.
fn role_strings(roles: &[&str]) -> (Vec<String>, BTreeSet<String>) {
    const WEAK: &[&str] = &["of", "the", "and", "for", "s", "former", "top", "senior"];
    let words = roles
        .iter()
        .flat_map(|r| name_tokens(r))
        .filter(|w| !WEAK.contains(&w.as_str()))
        .collect();
    (words, role_heads(roles))
}

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Adds the items of sorted `add` to sorted `to`.
fn extend(to: &mut Vec<u32>, add: &[u32]) {
    work::tick(add.len());
    if add.iter().all(|w| to.binary_search(w).is_ok()) {
        return;
    }
    to.extend_from_slice(add);
    to.sort_unstable();
    to.dedup();
}

/// Whether two sorted lists share an item.
fn intersects(a: &[u32], b: &[u32]) -> bool {
    work::tick(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

struct Cluster {
    /// Indices into the builder's persons.
    members: Vec<u32>,
    /// Role heads ("vice president", "president") seen for the person.
    heads: Vec<u32>,
    roles: Vec<u32>,
    /// Distinct dates of the members' articles, sorted; whether one is undated.
    dates: Vec<NaiveDate>,
    undated: bool,
}

impl Cluster {
    fn new(c: &Corpus, p: u32, roles: &[u32], heads: &[u32]) -> Cluster {
        let mut cluster = Cluster {
            members: Vec::new(),
            heads: heads.to_vec(),
            roles: Vec::new(),
            dates: Vec::new(),
            undated: false,
        };
        cluster.join(c, p, roles);
        cluster
    }

    fn join(&mut self, c: &Corpus, p: u32, roles: &[u32]) {
        extend(&mut self.roles, roles);
        self.add(c, p);
    }

    /// Adds a member without its roles.
    fn add(&mut self, c: &Corpus, p: u32) {
        self.members.push(p);
        match c.docs[c.persons[p as usize].doc as usize].date {
            Some(date) => {
                if let Err(i) = self.dates.binary_search(&date) {
                    self.dates.insert(i, date);
                }
            }
            None => self.undated = true,
        }
    }

    /// Two people who share a name are apart when both are dated more than eight years from
    /// each other and hold different offices ("Vice President George Bush" in 1987, "President
    /// George Bush" in 2004). When unsure, they are one.
    fn namesake_apart(&self, date: Option<NaiveDate>, heads: &[u32]) -> bool {
        use whomet_core::Datelike;
        let Some(year) = date.map(|x| x.year()) else {
            return false;
        };
        let near = |y: i32| self.dates.partition_point(|d| d.year() < y);
        !self.dates.is_empty()
            && near(year - 8) == near(year + 9)
            && !heads.is_empty()
            && !self.heads.is_empty()
            && !intersects(&self.heads, heads)
    }

    /// Seen in articles within two years of `date`, or of unknown date.
    fn near_in_time(&self, date: Option<NaiveDate>) -> bool {
        let Some(date) = date else { return true };
        let span = chrono::Days::new(730);
        let (Some(from), Some(to)) = (date.checked_sub_days(span), date.checked_add_days(span))
        else {
            return true;
        };
        self.undated
            || self.dates.partition_point(|&d| d < from) < self.dates.partition_point(|&d| d <= to)
    }
}

/// Merges the people of all articles into corpus-wide nodes: the steps of the module's
/// documentation, in order, over one [`Merge`] table. Rule texts are interned into `strings`.
pub(crate) fn resolve(c: &Corpus, strings: &mut IndexSet<Box<str>>) -> Resolved {
    let rules = RuleNames::intern(c, strings);
    let strings: &IndexSet<Box<str>> = strings;
    let (keys, words) = Keys::of(c, strings);
    let mut merge = Merge {
        c,
        strings,
        keys: &keys,
        rules: &rules,
        words,
        clusters: Vec::new(),
        by_key: HashMap::default(),
        records: vec![rules.first_seen; c.persons.len()],
        alive: Vec::new(),
    };
    let (singles, described) = merge.full_names();
    merge.shorter_forms();
    merge.surnames_alone(singles);
    merge.described_by_role(described);
    let (clusters, records) = merge.into_clusters();
    drop(keys);
    nodes(c, strings, clusters, &records)
}

/// The interned text of each merge rule, as [`MergeRecord::rule`] gives it.
struct RuleNames {
    same_key: Sym,
    kept_apart: Sym,
    variant: Sym,
    given_variant: Sym,
    only_surname: Sym,
    shorter_form: Sym,
    surname_role: Sym,
    first_seen: Sym,
    /// One per role (head, country) someone is described by.
    described: HashMap<(Sym, Sym), Sym>,
}

impl RuleNames {
    fn intern(c: &Corpus, strings: &mut IndexSet<Box<str>>) -> RuleNames {
        let mut intern = |s: &str| Sym(strings.insert_full(s.into()).0 as u32);
        let same_key = intern("same name key");
        let kept_apart =
            intern("same name as another person, kept apart: roles and dates disagree");
        let variant = intern("same given name, surname spelling variant, shared role");
        let given_variant = intern("given name spelling variant, same surname");
        let only_surname = intern("surname of the only person with that name");
        let shorter_form = intern("shorter form of the only person with that longer name");
        let surname_role = intern("surname and shared role");
        let first_seen = intern("first seen");
        let described = (c.forms.iter())
            .filter_map(|f| f.described)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|(head, country)| {
                let text = format!(
                    "described as {} ({}), the role this person holds elsewhere in the corpus",
                    strings[head.0 as usize], strings[country.0 as usize]
                );
                (
                    (head, country),
                    Sym(strings.insert_full(text.into()).0 as u32),
                )
            })
            .collect();
        RuleNames {
            same_key,
            kept_apart,
            variant,
            given_variant,
            only_surname,
            shorter_form,
            surname_role,
            first_seen,
            described,
        }
    }
}

/// The keys of every distinct name and every distinct list of roles, and which of them each
/// form has.
struct Keys {
    names: Vec<NameKeys>,
    roles: Vec<RoleKeys>,
    /// Per form: its name's index in `names`, its roles' in `roles`.
    forms: Vec<(u32, u32)>,
}

impl Keys {
    /// The keys of every form of `c`, computed in parallel and interned into the returned
    /// [`Words`] in first-seen order.
    fn of(c: &Corpus, strings: &IndexSet<Box<str>>) -> (Keys, Words) {
        let mut names: IndexSet<Sym> = IndexSet::default();
        let mut role_lists: IndexSet<&[Sym]> = IndexSet::default();
        let forms: Vec<(u32, u32)> = (c.forms.iter())
            .map(|f| {
                let name = names.insert_full(f.name).0 as u32;
                (name, role_lists.insert_full(f.roles()).0 as u32)
            })
            .collect();
        let mut words = Words::default();
        let mut name_keys = Vec::with_capacity(names.len());
        let names: Vec<Sym> = names.into_iter().collect();
        let text = |s: Sym| &*strings[s.0 as usize];
        in_blocks(
            &names,
            |&n| name_strings(text(n)),
            |ns| {
                let near = ns.near.map(|x| words.id(x));
                let given_only = ns.given_only.map(|x| words.id(x));
                let short_near = ns.short_near.map(|x| words.id(x));
                let short = words.id(format!("={}", ns.key));
                let parts = ns.parts.into_iter().map(|x| words.id(x)).collect();
                name_keys.push(NameKeys {
                    words: ns.words,
                    key: words.id(ns.key),
                    short,
                    short_near,
                    parts,
                    near,
                    given_only,
                })
            },
        );
        let mut role_keys = Vec::with_capacity(role_lists.len());
        let role_lists: Vec<&[Sym]> = role_lists.into_iter().collect();
        in_blocks(
            &role_lists,
            |list| role_strings(&list.iter().map(|&r| text(r)).collect::<Vec<_>>()),
            |(roles, heads)| {
                let mut roles_heads = sorted(roles.into_iter().map(|w| words.id(w)).collect());
                let heads_at = roles_heads.len() as u32;
                roles_heads.extend(sorted(heads.into_iter().map(|w| words.id(w)).collect()));
                role_keys.push(RoleKeys {
                    roles_heads: roles_heads.into(),
                    heads_at,
                })
            },
        );
        let keys = Keys {
            names: name_keys,
            roles: role_keys,
            forms,
        };
        (keys, words)
    }
}

/// The clusters table the merge rules share: each cluster is one person of the corpus (a node,
/// once the rules are done), each rule adds article's people to clusters or starts new ones and
/// records why.
struct Merge<'a> {
    c: &'a Corpus<'a>,
    strings: &'a IndexSet<Box<str>>,
    keys: &'a Keys,
    rules: &'a RuleNames,
    words: Words,
    clusters: Vec<Cluster>,
    /// The cluster of each name key (the first one, for namesakes kept apart).
    by_key: HashMap<u32, usize>,
    /// The rule that merged each person; `first seen` for those that started a cluster.
    records: Vec<Sym>,
    /// Whether each cluster of a full name still stands (rule 2b empties those it merges into
    /// another).
    alive: Vec<bool>,
}

impl<'a> Merge<'a> {
    /// The clusters and the rule that merged each person; the indexes and the interned words
    /// are freed.
    fn into_clusters(self) -> (Vec<Cluster>, Vec<Sym>) {
        (self.clusters, self.records)
    }

    /// The keys of person `p`'s form.
    fn keys(&self, p: u32) -> FormKeys<'a> {
        let keys = self.keys;
        let (name, roles) = keys.forms[self.c.persons[p as usize].form as usize];
        FormKeys {
            name: &keys.names[name as usize],
            roles: &keys.roles[roles as usize],
        }
    }

    fn form(&self, p: u32) -> &'a Form {
        &self.c.forms[self.c.persons[p as usize].form as usize]
    }

    fn date(&self, p: u32) -> Option<NaiveDate> {
        self.c.docs[self.c.persons[p as usize].doc as usize].date
    }

    /// Adds person `p` to cluster `i` with its roles, by `rule`.
    fn join(&mut self, i: usize, p: u32, rule: Sym) {
        let k = self.keys(p);
        self.clusters[i].join(self.c, p, k.roles());
        self.records[p as usize] = rule;
    }

    /// Starts a cluster of person `p` with its roles and role heads (`heads`: none for a
    /// one-word name), recorded as first seen.
    fn start(&mut self, p: u32, heads: &[u32]) -> usize {
        let k = self.keys(p);
        self.clusters
            .push(Cluster::new(self.c, p, k.roles(), heads));
        self.clusters.len() - 1
    }

    /// Rules 1 and 2, over the full names in document id order: each joins the first rule that
    /// takes it, or starts a cluster of its own. Returns the people left for the later rules:
    /// those named by one word (rule 3) and those only described by a role (rule 4).
    fn full_names(&mut self) -> (Vec<u32>, Vec<u32>) {
        let mut singles: Vec<u32> = Vec::new();
        let mut described: Vec<u32> = Vec::new();
        let mut index = FullNameIndex::default();
        let c = self.c;
        for &d in c.by_id {
            let first = c.docs[d as usize].first_person;
            let end =
                (c.docs.get(d as usize + 1)).map_or(c.persons.len() as u32, |n| n.first_person);
            for p in first..end {
                if self.form(p).described.is_some() {
                    described.push(p);
                } else if self.keys(p).name.words < 2 {
                    singles.push(p);
                } else if !self.same_name(&mut index, p)
                    && !self.spelling_variant(&index, p)
                    && !self.given_name_variant(&index, p)
                {
                    let k = self.keys(p);
                    let i = self.start(p, k.heads());
                    self.by_key.insert(k.name.key, i);
                    if let Some(n) = k.name.near {
                        index.by_skeleton.entry(n).or_default().push(i);
                    }
                    if let Some(n) = k.name.given_only {
                        index.by_given_only.entry(n).or_default().push(i);
                    }
                }
            }
        }
        (singles, described)
    }

    /// Rule 1, same name: `p` joins the first cluster of its name key that is not a namesake
    /// years apart in another office; when all of them are, `p` starts another cluster of that
    /// key. Whether `p` found its cluster.
    fn same_name(&mut self, index: &mut FullNameIndex, p: u32) -> bool {
        let k = self.keys(p);
        let same_name: Vec<usize> = (self.by_key.get(&k.name.key).into_iter())
            .chain(index.namesakes.get(&k.name.key).into_iter().flatten())
            .copied()
            .collect();
        work::tick(same_name.len());
        let date = self.date(p);
        let compatible = (same_name.iter().copied())
            .find(|&i| !self.clusters[i].namesake_apart(date, k.heads()));
        if let Some(i) = compatible {
            self.join(i, p, self.rules.same_key);
            extend(&mut self.clusters[i].heads, k.heads());
            return true;
        }
        if same_name.is_empty() {
            return false;
        }
        // Same name, but years apart in other roles: another person.
        let i = self.start(p, k.heads());
        index.namesakes.entry(k.name.key).or_default().push(i);
        self.records[p as usize] = self.rules.kept_apart;
        true
    }

    /// Rule 2, spelling variant with a shared role: `p` joins the first cluster of its given
    /// name and surname skeleton that shares a role word with it (an index: no comparison of
    /// all pairs). Whether it did.
    fn spelling_variant(&mut self, index: &FullNameIndex, p: u32) -> bool {
        let k = self.keys(p);
        let near = (k.name.near)
            .and_then(|n| index.by_skeleton.get(&n))
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| intersects(&self.clusters[i].roles, k.roles()));
        let Some(i) = near else {
            return false;
        };
        self.join(i, p, self.rules.variant);
        // Later forms spelt this way join this cluster by rule 1.
        self.by_key.entry(k.name.key).or_insert(i);
        true
    }

    /// Rule 2, given name variant: `p` joins the first cluster of its given name skeleton and
    /// surname as spelt that is not a namesake years apart in another office. Whether it did.
    fn given_name_variant(&mut self, index: &FullNameIndex, p: u32) -> bool {
        let k = self.keys(p);
        let date = self.date(p);
        let given_near = (k.name.given_only)
            .and_then(|n| index.by_given_only.get(&n))
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| !self.clusters[i].namesake_apart(date, k.heads()));
        let Some(i) = given_near else {
            return false;
        };
        self.join(i, p, self.rules.given_variant);
        extend(&mut self.clusters[i].heads, k.heads());
        self.by_key.entry(k.name.key).or_insert(i);
        true
    }

    /// Rule 2b: a cluster whose name is a shorter form of exactly one longer name joins that
    /// one's cluster ("Amir Abdollahian" and "Hossein Amir Abdollahian", "Abdullah bin Zayed"
    /// and "Abdullah bin Zayed Al Nahyan"), unless they are namesakes years apart.
    fn shorter_forms(&mut self) {
        let mut by_part: HashMap<u32, Vec<usize>> = HashMap::default();
        for (i, cluster) in self.clusters.iter().enumerate() {
            for &part in self.keys(cluster.members[0]).name.parts.iter() {
                let list = by_part.entry(part).or_default();
                if list.last() != Some(&i) && list.len() <= MAX_CANDIDATES {
                    list.push(i);
                }
            }
        }
        self.alive = vec![true; self.clusters.len()];
        for j in 0..self.clusters.len() {
            let first = self.clusters[j].members[0];
            let k = self.keys(first);
            if k.name.words < 2 {
                continue;
            }
            let exact = by_part.get(&k.name.short).map(Vec::as_slice);
            let near = || {
                (k.name.short_near)
                    .and_then(|s| by_part.get(&s))
                    .map(Vec::as_slice)
            };
            let Some(&[i]) = exact.or_else(near) else {
                continue;
            };
            work::tick(self.clusters[j].members.len());
            let date = self.date(first);
            if i == j
                || !self.alive[i]
                || self.clusters[i].namesake_apart(date, &self.clusters[j].heads)
            {
                continue;
            }
            let from = &mut self.clusters[j];
            let moved = std::mem::take(&mut from.members);
            let (heads, roles) = (
                std::mem::take(&mut from.heads),
                std::mem::take(&mut from.roles),
            );
            for p in moved {
                self.clusters[i].add(self.c, p);
                self.records[p as usize] = self.rules.shorter_form;
            }
            extend(&mut self.clusters[i].heads, &heads);
            extend(&mut self.clusters[i].roles, &roles);
            self.alive[j] = false;
            if let Some(slot) = self.by_key.get_mut(&k.name.key) {
                *slot = i;
            }
        }
    }

    /// Rule 3, surname to the only full name: each one-word name joins the one cluster whose
    /// surname it is; among several, the one sharing a role with it; else the cluster of the
    /// same one-word name, or a new one.
    fn surnames_alone(&mut self, singles: Vec<u32>) {
        let mut by_surname: HashMap<u32, Vec<usize>> = HashMap::default();
        for (i, cluster) in self.clusters.iter().enumerate() {
            if !self.alive[i] {
                continue;
            }
            let name = &self.strings[self.form(cluster.members[0]).name.0 as usize];
            if let Some(s) = surname(name) {
                by_surname.entry(self.words.id(s)).or_default().push(i);
            }
        }
        for p in singles {
            let k = self.keys(p);
            let cands = by_surname.get(&k.name.key).map_or(&[][..], Vec::as_slice);
            let pick = match cands {
                [one] => Some((*one, self.rules.only_surname)),
                [] => None,
                // So many people share the surname that it says too little: no comparison of all.
                many if many.len() > MAX_CANDIDATES => None,
                many => {
                    work::tick(many.len());
                    let by_role: Vec<usize> = (many.iter().copied())
                        .filter(|&i| intersects(&self.clusters[i].roles, k.roles()))
                        .collect();
                    (by_role.len() == 1).then(|| (by_role[0], self.rules.surname_role))
                }
            };
            if let Some((i, rule)) = pick {
                self.join(i, p, rule);
            } else if let Some(&i) = self.by_key.get(&k.name.key) {
                self.join(i, p, self.rules.same_key);
            } else {
                let i = self.start(p, &[]);
                self.by_key.insert(k.name.key, i);
            }
        }
    }

    /// Rule 4, described by a role: someone an article only describes joins the one cluster
    /// holding that office for that country, seen within two years of the article.
    fn described_by_role(&mut self, described: Vec<u32>) {
        let words = &self.words;
        let mut by_country: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, cluster) in self.clusters.iter().enumerate() {
            for &w in &cluster.roles {
                if let Some(stem) = words.0[w as usize].get(..4) {
                    let list = by_country.entry(stem).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        // Which clusters hold each role (their roles do not change in this rule), once per role.
        let mut holders_of: HashMap<(Sym, Sym), Vec<usize>> = HashMap::default();
        for p in described {
            let Some((head, country)) = self.form(p).described else {
                continue;
            };
            let Some(stem) = self.strings[country.0 as usize].get(..4) else {
                continue;
            };
            let clusters = &self.clusters;
            let candidates = holders_of.entry((head, country)).or_insert_with(|| {
                let head_words: Option<Vec<u32>> = (self.strings[head.0 as usize].split(' '))
                    .map(|w| words.get(w))
                    .collect();
                let Some(head_words) = head_words else {
                    return Vec::new();
                };
                (by_country.get(stem).map_or(&[][..], Vec::as_slice))
                    .iter()
                    .take(MAX_CANDIDATES)
                    .copied()
                    .filter(|&i| {
                        work::tick(1);
                        (head_words.iter()).all(|w| clusters[i].roles.binary_search(w).is_ok())
                    })
                    .collect()
            });
            work::tick(candidates.len());
            let date = self.date(p);
            let holders: Vec<usize> = (candidates.iter().copied())
                .filter(|&i| clusters[i].near_in_time(date))
                .collect();
            if let [i] = holders.as_slice() {
                self.clusters[*i].add(self.c, p);
                self.records[p as usize] = self.rules.described[&(head, country)];
            }
        }
    }
}

/// The indexes of full names that only rules 1 and 2 read.
#[derive(Default)]
struct FullNameIndex {
    /// The clusters of namesakes kept apart, by name key, beyond the first ([`Merge::by_key`]).
    namesakes: HashMap<u32, Vec<usize>>,
    /// Clusters by given name and surname skeleton.
    by_skeleton: HashMap<u32, Vec<usize>>,
    /// Clusters by given name skeleton and surname as spelt.
    by_given_only: HashMap<u32, Vec<usize>>,
}

/// The nodes of the clusters that kept members, sorted by id and given unique ids, and the node
/// of each article's person.
fn nodes(
    c: &Corpus,
    strings: &IndexSet<Box<str>>,
    clusters: Vec<Cluster>,
    records: &[Sym],
) -> Resolved {
    let mut nodes: Vec<(PersonNode, Vec<u32>)> = clusters
        .into_par_iter()
        .filter(|cluster| !cluster.members.is_empty())
        .map(|cluster| {
            let node = node_of(c, strings, &cluster.members, records);
            (node, cluster.members)
        })
        .collect();
    nodes.par_sort_by(|a, b| a.0.id.cmp(&b.0.id).then_with(|| a.0.label.cmp(&b.0.label)));
    // Unique ids: a repeated slug gets -2, -3, ... in order.
    let mut seen: HashMap<String, usize> = HashMap::default();
    for (n, _) in nodes.iter_mut() {
        let k = seen.entry(n.id.clone()).or_default();
        *k += 1;
        if *k > 1 {
            n.id = format!("{}-{}", n.id, k);
        }
    }
    let mut map = vec![u32::MAX; c.persons.len()];
    for (g, (_, members)) in nodes.iter().enumerate() {
        for &p in members {
            map[p as usize] = g as u32;
        }
    }
    Resolved {
        nodes: nodes.into_iter().map(|(n, _)| n).collect(),
        map,
    }
}

/// The head of each role: its last word, with a qualifier that changes the office ("vice
/// president", "deputy minister", "crown prince").
fn role_heads(roles: &[&str]) -> BTreeSet<String> {
    roles
        .iter()
        .filter_map(|r| {
            // A prepositional title is headed before its preposition: "Aide to the Russian
            // President" is an aide, "Vice Chancellor of Austria" a vice chancellor.
            let words: Vec<String> = name_tokens(r)
                .into_iter()
                .take_while(|w| {
                    !matches!(w.as_str(), "of" | "to" | "for" | "on" | "in" | "at" | "and")
                })
                .collect();
            let last = words.last()?.clone();
            let before = words.len().checked_sub(2).map(|i| words[i].as_str());
            Some(match before {
                Some(q @ ("vice" | "deputy" | "crown" | "prime" | "former" | "acting")) => {
                    format!("{q} {last}")
                }
                _ => last,
            })
        })
        .collect()
}

fn node_of(
    c: &Corpus,
    strings: &IndexSet<Box<str>>,
    members: &[u32],
    records: &[Sym],
) -> PersonNode {
    let s = |sym: Sym| &*strings[sym.0 as usize];
    let form = |p: u32| &c.forms[c.persons[p as usize].form as usize];
    // Label: the name with most words, then most mentions, then alphabetical.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &p in members {
        *counts.entry(s(form(p).name)).or_default() +=
            c.persons[p as usize].mentions.max(1) as usize;
    }
    let label = counts
        .iter()
        .max_by(|a, b| {
            let wa = name_tokens(a.0).len();
            let wb = name_tokens(b.0).len();
            wa.cmp(&wb).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
        })
        .map(|(l, _)| l.to_string())
        .unwrap_or_default();
    let mut aliases: BTreeMap<&str, Sym> = BTreeMap::new();
    let mut roles: BTreeMap<&str, Sym> = BTreeMap::new();
    let mut documents = BTreeSet::new();
    let mut merges = Vec::with_capacity(members.len());
    let mut mentions = 0;
    let mut credit = true;
    for &p in members {
        let row = c.persons[p as usize];
        let f = form(p);
        aliases.insert(s(f.name), f.name);
        aliases.extend(f.aliases().iter().map(|&a| (s(a), a)));
        roles.extend(f.roles().iter().map(|&r| (s(r), r)));
        let doc = DocId(c.doc_id[row.doc as usize]);
        documents.insert(doc);
        mentions += row.mentions as usize;
        credit &= f.credit;
        let name = match (s(f.name).is_empty(), f.roles().first()) {
            (true, Some(&role)) => role,
            _ => f.name,
        };
        merges.push(MergeRecord {
            name,
            doc,
            rule: records[p as usize],
        });
    }
    aliases.remove(label.as_str());
    merges.sort_by(|a, b| (s(a.name), a.doc, s(a.rule)).cmp(&(s(b.name), b.doc, s(b.rule))));
    PersonNode {
        id: slug(&label),
        aliases: aliases
            .into_iter()
            .filter(|(a, _)| !a.trim().is_empty())
            .map(|(_, sym)| sym)
            .collect(),
        label,
        roles: roles.into_values().collect(),
        mentions,
        documents: documents.into_iter().collect(),
        credit,
        merges: merges.into(),
    }
}
