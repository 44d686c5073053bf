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
//!    does not decide, the name stays its own node.
//! 4. **Described by a role**: someone an article only describes ("Iran's foreign minister")
//!    joins the one person holding that office for that country in articles within two years;
//!    otherwise they get no node.
//!
//! Namesakes stay apart: two people with the same name key, dated more than eight years apart
//! in different offices, are two nodes (`george-bush`, `george-bush-2`). When unsure, one.
//!
//! Every merge is recorded on the node as a [`MergeRecord`].

use std::collections::{BTreeMap, BTreeSet};
use whomet_core::{Analysis, MergeRecord, PersonNode, name_tokens, slug};

/// The people of the corpus, and which local person of which article each one is.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Nodes, sorted by id.
    pub nodes: Vec<PersonNode>,
    map: Vec<Vec<Option<usize>>>,
}

impl Resolved {
    /// The node of local person `person` of analysis number `doc`.
    pub fn global(&self, doc: usize, person: usize) -> Option<usize> {
        self.map.get(doc)?.get(person).copied().flatten()
    }
}

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

fn role_words(roles: &[String]) -> BTreeSet<String> {
    const WEAK: &[&str] = &["of", "the", "and", "for", "s", "former", "top", "senior"];
    roles
        .iter()
        .flat_map(|r| name_tokens(r))
        .filter(|w| !WEAK.contains(&w.as_str()))
        .collect()
}

struct Cluster {
    members: Vec<(usize, usize)>,
    /// Role heads ("vice president", "president") seen for the person.
    heads: BTreeSet<String>,
    roles: BTreeSet<String>,
}

/// Merges the people of all analyses into corpus-wide nodes.
pub fn resolve(analyses: &[Analysis]) -> Resolved {
    // Visit articles in id order so the result does not depend on input order.
    let mut order: Vec<usize> = (0..analyses.len()).collect();
    order.sort_by(|&a, &b| analyses[a].doc.cmp(&analyses[b].doc));

    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut records: BTreeMap<(usize, usize), String> = BTreeMap::new();
    let mut singles: Vec<(usize, usize)> = Vec::new();
    let mut described: Vec<(usize, usize)> = Vec::new();
    let mut namesakes: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_skeleton: BTreeMap<(Option<String>, String), Vec<usize>> = BTreeMap::new();

    // Rules 1 and 2: full names.
    for &d in &order {
        for (p, person) in analyses[d].people.iter().enumerate() {
            if person.described.is_some() {
                described.push((d, p));
                continue;
            }
            let toks = name_tokens(&person.name);
            if toks.len() < 2 {
                singles.push((d, p));
                continue;
            }
            let key = name_key(&person.name);
            let roles = role_words(&person.roles);
            let heads = role_heads(&person.roles);
            let same_name = by_key
                .get(&key)
                .into_iter()
                .chain(namesakes.get(&key).into_iter().flatten())
                .copied()
                .collect::<Vec<_>>();
            let compatible = same_name
                .iter()
                .copied()
                .find(|&c| !namesakes_apart(analyses, &clusters[c], d, &heads));
            if let Some(c) = compatible {
                join(&mut clusters[c], d, p, &roles);
                clusters[c].heads.extend(heads);
                records.insert((d, p), "same name key".into());
                continue;
            }
            if !same_name.is_empty() {
                // Same name, but years apart in other roles: another person.
                namesakes.entry(key).or_default().push(clusters.len());
                records.insert(
                    (d, p),
                    "same name as another person, kept apart: roles and dates disagree".into(),
                );
                clusters.push(Cluster {
                    members: vec![(d, p)],
                    roles,
                    heads,
                });
                continue;
            }
            let given = Some(canonical_token(&toks[0]));
            let skel = skeleton(&surname(&person.name).unwrap_or_default());
            // Indexed by (given name, surname skeleton): no comparison of all pairs.
            let near = by_skeleton
                .get(&(given.clone(), skel.clone()))
                .into_iter()
                .flatten()
                .copied()
                .find(|&c| skel.len() >= 3 && !clusters[c].roles.is_disjoint(&roles));
            if let Some(c) = near {
                join(&mut clusters[c], d, p, &roles);
                records.insert(
                    (d, p),
                    "same given name, surname spelling variant, shared role".into(),
                );
                continue;
            }
            by_key.insert(key, clusters.len());
            by_skeleton
                .entry((given.clone(), skel.clone()))
                .or_default()
                .push(clusters.len());
            clusters.push(Cluster {
                members: vec![(d, p)],
                roles,
                heads,
            });
        }
    }

    // Rule 3: one-word names.
    let mut by_surname: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        let (d, p) = c.members[0];
        if let Some(s) = surname(&analyses[d].people[p].name) {
            by_surname.entry(s).or_default().push(i);
        }
    }
    for (d, p) in singles {
        let person = &analyses[d].people[p];
        let key = name_key(&person.name);
        let cands = by_surname.get(&key).cloned().unwrap_or_default();
        let roles = role_words(&person.roles);
        let pick = match cands.as_slice() {
            [one] => Some((*one, "surname of the only person with that name")),
            [] => None,
            many => {
                let by_role: Vec<usize> = many
                    .iter()
                    .copied()
                    .filter(|&c| !clusters[c].roles.is_disjoint(&roles))
                    .collect();
                (by_role.len() == 1).then(|| (by_role[0], "surname and shared role"))
            }
        };
        match pick {
            Some((c, rule)) => {
                join(&mut clusters[c], d, p, &roles);
                records.insert((d, p), rule.into());
            }
            None => {
                if let Some(&c) = by_key.get(&key) {
                    join(&mut clusters[c], d, p, &roles);
                    records.insert((d, p), "same name key".into());
                    continue;
                }
                by_key.insert(key, clusters.len());
                clusters.push(Cluster {
                    members: vec![(d, p)],
                    roles,
                    heads: BTreeSet::new(),
                });
            }
        }
    }

    // Rule 4: people described only by a role join the one holder of that role.
    let mut by_country: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        for w in &c.roles {
            if let Some(stem) = w.get(..4) {
                let list = by_country.entry(stem.to_string()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    for (d, p) in described {
        let Some(role) = &analyses[d].people[p].described else {
            continue;
        };
        let Some(stem) = role.country.get(..4) else {
            continue;
        };
        let head: Vec<&str> = role.head.split(' ').collect();
        let date = analyses[d].date;
        let holders: Vec<usize> = by_country
            .get(stem)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .take(256)
            .copied()
            .filter(|&c| {
                head.iter().all(|w| clusters[c].roles.contains(*w))
                    && near_in_time(analyses, &clusters[c].members, date)
            })
            .collect();
        if let [c] = holders.as_slice() {
            clusters[*c].members.push((d, p));
            records.insert(
                (d, p),
                format!(
                    "described as {} ({}), the role this person holds elsewhere in the corpus",
                    role.head, role.country
                ),
            );
        }
    }

    let mut nodes: Vec<(PersonNode, Vec<(usize, usize)>)> = clusters
        .into_iter()
        .map(|c| (node_of(analyses, &c, &records), c.members))
        .collect();
    nodes.sort_by(|a, b| a.0.id.cmp(&b.0.id).then_with(|| a.0.label.cmp(&b.0.label)));
    // Unique ids: a repeated slug gets -2, -3, ... in order.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (n, _) in nodes.iter_mut() {
        let k = seen.entry(n.id.clone()).or_default();
        *k += 1;
        if *k > 1 {
            n.id = format!("{}-{}", n.id, k);
        }
    }
    let mut map: Vec<Vec<Option<usize>>> = analyses
        .iter()
        .map(|a| vec![None; a.people.len()])
        .collect();
    for (g, (_, members)) in nodes.iter().enumerate() {
        for &(d, p) in members {
            map[d][p] = Some(g);
        }
    }
    Resolved {
        nodes: nodes.into_iter().map(|(n, _)| n).collect(),
        map,
    }
}

/// The head of each role: its last word, with a qualifier that changes the office ("vice
/// president", "deputy minister", "crown prince").
fn role_heads(roles: &[String]) -> BTreeSet<String> {
    roles
        .iter()
        .filter_map(|r| {
            let words: Vec<String> = name_tokens(r);
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

/// Two people who share a name are apart when both are dated more than eight years from each
/// other and hold different offices ("Vice President George Bush" in 1987, "President George
/// Bush" in 2004). When unsure, they are one.
fn namesakes_apart(analyses: &[Analysis], c: &Cluster, d: usize, heads: &BTreeSet<String>) -> bool {
    use whomet_core::Datelike;
    let Some(year) = analyses[d].date.map(|x| x.year()) else {
        return false;
    };
    let years: Vec<i32> = c
        .members
        .iter()
        .filter_map(|&(m, _)| analyses[m].date.map(|x| x.year()))
        .collect();
    !years.is_empty()
        && years.iter().all(|y| (y - year).abs() > 8)
        && !heads.is_empty()
        && !c.heads.is_empty()
        && c.heads.is_disjoint(heads)
}

/// A person seen in articles within two years of `date` (or of unknown date).
fn near_in_time(
    analyses: &[Analysis],
    members: &[(usize, usize)],
    date: Option<whomet_core::NaiveDate>,
) -> bool {
    let Some(date) = date else { return true };
    members.iter().any(|&(d, _)| {
        analyses[d]
            .date
            .is_none_or(|x| (x - date).num_days().abs() <= 730)
    })
}

fn join(c: &mut Cluster, d: usize, p: usize, roles: &BTreeSet<String>) {
    c.members.push((d, p));
    c.roles.extend(roles.iter().cloned());
}

fn node_of(
    analyses: &[Analysis],
    c: &Cluster,
    records: &BTreeMap<(usize, usize), String>,
) -> PersonNode {
    // Label: the name with most words, then most mentions, then alphabetical.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &(d, p) in &c.members {
        let person = &analyses[d].people[p];
        *counts.entry(&person.name).or_default() += person.mentions.len().max(1);
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
    let mut aliases = BTreeSet::new();
    let mut roles = BTreeSet::new();
    let mut documents = BTreeSet::new();
    let mut merges = Vec::new();
    let mut mentions = 0;
    let mut credit = true;
    for &(d, p) in &c.members {
        let a = &analyses[d];
        let person = &a.people[p];
        aliases.insert(person.name.clone());
        aliases.extend(person.aliases.iter().cloned());
        roles.extend(person.roles.iter().cloned());
        documents.insert(a.doc.clone());
        mentions += person.mentions.len();
        credit &= person.credit;
        merges.push(MergeRecord {
            name: if person.name.is_empty() {
                person.roles.first().cloned().unwrap_or_default()
            } else {
                person.name.clone()
            },
            doc: a.doc.clone(),
            rule: records
                .get(&(d, p))
                .cloned()
                .unwrap_or_else(|| "first seen".into()),
        });
    }
    aliases.remove(&label);
    merges.sort();
    PersonNode {
        id: slug(&label),
        label,
        aliases: aliases
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .collect(),
        roles: roles.into_iter().collect(),
        mentions,
        documents: documents.into_iter().collect(),
        credit,
        merges,
    }
}
