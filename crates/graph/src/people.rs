//! Who is who across articles.
//!
//! Each article's people come already resolved inside the article. Here they are merged across
//! articles, deterministically and without comparing all pairs:
//!
//! 1. **Same name**: full names (two words or more) whose name keys are equal are one person. The
//!    key folds case, accents, hyphens and spaces, and common romanisation variants
//!    (Hossein/Hussein, Mohammad/Muhammad, -ollah/-ullah), so `Amir-Abdollahian`,
//!    `Amirabdollahian` and `Amir Abdollahian` agree.
//! 2. **Same given name, near-identical surname**: a full name whose given name matches and whose
//!    surname has the same consonant skeleton (Nazir/Nazer) joins, when a role word is shared.
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

use crate::builder::{DocRow, Form, PersonRow};
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
    t.to_string()
}

/// Name key of a full name: canonical words, joined without separators.
fn name_key(name: &str) -> String {
    name_tokens(name)
        .iter()
        .map(|t| canonical_token(t))
        .collect()
}

/// The last word of a name, canonical, skipping particles such as `al`.
fn surname(name: &str) -> Option<String> {
    let toks = name_tokens(name);
    toks.last().map(|t| canonical_token(t))
}

/// Consonant skeleton of a word: vowels dropped, doubled letters collapsed.
fn skeleton(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().filter(|c| !"aeiouy".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// At most this many people are compared with one name: the holders of a role in a country
/// (rule 4), or the people sharing a surname (rule 3; beyond it, a surname alone joins no one).
const MAX_CANDIDATES: usize = 256;

/// What resolution reads: the articles (visited in id order) and their people.
pub(crate) struct Corpus<'a> {
    pub docs: &'a [DocRow],
    /// Article indices in id order.
    pub order: &'a [u32],
    /// The `DocId` of each article.
    pub rank: &'a [u32],
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
    /// Given name and surname skeleton (rule 2), when the skeleton is long enough to compare.
    near: Option<u32>,
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

/// A name's keys as strings (the costly part: transliteration and tokens).
fn name_strings(name: &str) -> (u32, String, Option<String>) {
    let toks = name_tokens(name);
    let skeleton = skeleton(&surname(name).unwrap_or_default());
    // A space cannot occur in either part.
    let near = (skeleton.len() >= 3).then(|| {
        let given = toks.first().map(|t| canonical_token(t)).unwrap_or_default();
        format!("{given} {skeleton}")
    });
    (toks.len() as u32, name_key(name), near)
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
fn meet(a: &[u32], b: &[u32]) -> bool {
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
            && !meet(&self.heads, heads)
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

/// Merges the people of all articles into corpus-wide nodes. Rule texts are interned into
/// `strings`.
pub(crate) fn resolve(c: &Corpus, strings: &mut IndexSet<Box<str>>) -> Resolved {
    let mut intern = |s: &str| Sym(strings.insert_full(s.into()).0 as u32);
    const SAME_KEY: &str = "same name key";
    let same_key = intern(SAME_KEY);
    let kept_apart = intern("same name as another person, kept apart: roles and dates disagree");
    let variant = intern("same given name, surname spelling variant, shared role");
    let only_surname = intern("surname of the only person with that name");
    let surname_role = intern("surname and shared role");
    let first_seen = intern("first seen");
    let described_rules: HashMap<(Sym, Sym), Sym> = c
        .forms
        .iter()
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
    let strings: &IndexSet<Box<str>> = strings;

    // Keys of each distinct name and each distinct list of roles, computed in parallel and
    // interned in first-seen order.
    let mut names: IndexSet<Sym> = IndexSet::default();
    let mut role_lists: IndexSet<&[Sym]> = IndexSet::default();
    let form_keys: Vec<(u32, u32)> = (c.forms.iter())
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
        |(n, key, near)| {
            let near = near.map(|x| words.id(x));
            name_keys.push(NameKeys {
                words: n,
                key: words.id(key),
                near,
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
    drop((names, role_lists));
    let form = |p: u32| &c.forms[c.persons[p as usize].form as usize];
    let keys_of = |p: u32| {
        let (name, roles) = form_keys[c.persons[p as usize].form as usize];
        FormKeys {
            name: &name_keys[name as usize],
            roles: &role_keys[roles as usize],
        }
    };
    let date_of = |p: u32| c.docs[c.persons[p as usize].doc as usize].date;

    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<u32, usize> = HashMap::default();
    // The rule that merged each person; `first_seen` for those that started a node.
    let mut records: Vec<Sym> = vec![first_seen; c.persons.len()];
    let mut singles: Vec<u32> = Vec::new();
    let mut described: Vec<u32> = Vec::new();
    let mut namesakes: HashMap<u32, Vec<usize>> = HashMap::default();
    let mut by_skeleton: HashMap<u32, Vec<usize>> = HashMap::default();

    // Rules 1 and 2: full names, in document id order.
    let persons_of = |d: u32| {
        let first = c.docs[d as usize].first_person;
        let end = c
            .docs
            .get(d as usize + 1)
            .map_or(c.persons.len() as u32, |n| n.first_person);
        first..end
    };
    for &d in c.order {
        for p in persons_of(d) {
            if form(p).described.is_some() {
                described.push(p);
                continue;
            }
            let k = keys_of(p);
            if k.name.words < 2 {
                singles.push(p);
                continue;
            }
            let same_name: Vec<usize> = by_key
                .get(&k.name.key)
                .into_iter()
                .chain(namesakes.get(&k.name.key).into_iter().flatten())
                .copied()
                .collect();
            work::tick(same_name.len());
            let date = date_of(p);
            let compatible = same_name
                .iter()
                .copied()
                .find(|&i| !clusters[i].namesake_apart(date, k.heads()));
            if let Some(i) = compatible {
                clusters[i].join(c, p, k.roles());
                extend(&mut clusters[i].heads, k.heads());
                records[p as usize] = same_key;
                continue;
            }
            if !same_name.is_empty() {
                // Same name, but years apart in other roles: another person.
                namesakes
                    .entry(k.name.key)
                    .or_default()
                    .push(clusters.len());
                records[p as usize] = kept_apart;
                clusters.push(Cluster::new(c, p, k.roles(), k.heads()));
                continue;
            }
            // Indexed by (given name, surname skeleton): no comparison of all pairs.
            let near = k
                .name
                .near
                .and_then(|n| by_skeleton.get(&n))
                .into_iter()
                .flatten()
                .copied()
                .find(|&i| meet(&clusters[i].roles, k.roles()));
            if let Some(i) = near {
                clusters[i].join(c, p, k.roles());
                records[p as usize] = variant;
                continue;
            }
            by_key.insert(k.name.key, clusters.len());
            if let Some(n) = k.name.near {
                by_skeleton.entry(n).or_default().push(clusters.len());
            }
            clusters.push(Cluster::new(c, p, k.roles(), k.heads()));
        }
    }

    // Rule 3: one-word names.
    let mut by_surname: HashMap<u32, Vec<usize>> = HashMap::default();
    for (i, cluster) in clusters.iter().enumerate() {
        let name = &strings[form(cluster.members[0]).name.0 as usize];
        if let Some(s) = surname(name) {
            by_surname.entry(words.id(s)).or_default().push(i);
        }
    }
    for p in singles {
        let k = keys_of(p);
        let cands = by_surname.get(&k.name.key).map_or(&[][..], Vec::as_slice);
        let pick = match cands {
            [one] => Some((*one, only_surname)),
            [] => None,
            // So many people share the surname that it says too little: no comparison of all.
            many if many.len() > MAX_CANDIDATES => None,
            many => {
                work::tick(many.len());
                let by_role: Vec<usize> = many
                    .iter()
                    .copied()
                    .filter(|&i| meet(&clusters[i].roles, k.roles()))
                    .collect();
                (by_role.len() == 1).then(|| (by_role[0], surname_role))
            }
        };
        match pick {
            Some((i, rule)) => {
                clusters[i].join(c, p, k.roles());
                records[p as usize] = rule;
            }
            None => {
                if let Some(&i) = by_key.get(&k.name.key) {
                    clusters[i].join(c, p, k.roles());
                    records[p as usize] = same_key;
                    continue;
                }
                by_key.insert(k.name.key, clusters.len());
                clusters.push(Cluster::new(c, p, k.roles(), &[]));
            }
        }
    }

    // Rule 4: people described only by a role join the one holder of that role.
    let mut by_country: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, cluster) in clusters.iter().enumerate() {
        for &w in &cluster.roles {
            if let Some(stem) = words.0[w as usize].get(..4) {
                let list = by_country.entry(stem).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    // Which people hold each role (their roles do not change in this rule), once per role.
    let mut holders_of: HashMap<(Sym, Sym), Vec<usize>> = HashMap::default();
    for p in described {
        let Some((head, country)) = form(p).described else {
            continue;
        };
        let Some(stem) = strings[country.0 as usize].get(..4) else {
            continue;
        };
        let candidates = holders_of.entry((head, country)).or_insert_with(|| {
            let head_words: Option<Vec<u32>> = strings[head.0 as usize]
                .split(' ')
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
        let date = date_of(p);
        let holders: Vec<usize> = (candidates.iter().copied())
            .filter(|&i| clusters[i].near_in_time(date))
            .collect();
        if let [i] = holders.as_slice() {
            clusters[*i].add(c, p);
            records[p as usize] = described_rules[&(head, country)];
        }
    }
    drop((by_key, namesakes, by_skeleton, by_surname, by_country));
    drop((form_keys, name_keys, role_keys));

    let mut nodes: Vec<(PersonNode, Vec<u32>)> = clusters
        .into_par_iter()
        .map(|cluster| {
            let node = node_of(c, strings, &cluster.members, &records);
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
        let doc = DocId(c.rank[row.doc as usize]);
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
