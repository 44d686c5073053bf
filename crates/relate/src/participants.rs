//! Who fills a rule's side: the words a dependency path reaches from the trigger, then the
//! people those words name, through coordination, apposition, flat names and titles ("his
//! Norwegian counterpart Tomas Vellner" is Vellner), delegations ("a delegation led by X"), and
//! references to a group ("the two leaders") that the article resolves.

use crate::rules::{Rules, Step};
use crate::sentence::Parsed;
use whomet_core::MentionKind;
use whomet_syntax::{Rel, Upos};

/// How far subjects are looked for up a chain of clauses, and paths followed: bounds on work.
const DEPTH: usize = 6;

/// A reference to people named elsewhere: "the two", "both leaders", "they".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// How many, when said ("the two": 2).
    pub count: Option<usize>,
    /// The word.
    pub word: usize,
}

/// What one side of a rule holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filled {
    /// The people, with how each was named.
    pub people: Vec<(usize, MentionKind)>,
    /// A group reference, when the side names no one.
    pub group: Option<Group>,
    /// The words the paths reached.
    pub words: Vec<usize>,
}

impl Filled {
    /// Whether the side names anyone or refers to a group.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.group.is_none()
    }
}

/// The words `path` reaches from `from`.
pub fn follow(p: &Parsed<'_>, from: usize, path: &[Step]) -> Vec<usize> {
    let mut at = vec![from];
    for step in path {
        let mut next = Vec::new();
        for &w in &at {
            match step {
                Step::Down { rels, case } => {
                    for &rel in rels {
                        let found: Vec<usize> =
                            if matches!(rel, Rel::Nsubj | Rel::NsubjPass | Rel::NsubjOuter) {
                                subjects(p, w, rel)
                            } else {
                                p.deps(w, rel).collect()
                            };
                        next.extend(found.into_iter().filter(|&c| {
                            case.as_ref().is_none_or(|lemmas| {
                                p.case_of(c).is_some_and(|l| lemmas.iter().any(|x| x == l))
                            })
                        }));
                    }
                }
                Step::Within { rels, case } => {
                    let mut stack: Vec<(usize, usize)> = vec![(w, 0)];
                    while let Some((x, depth)) = stack.pop() {
                        for &c in &p.children[x] {
                            let rel = p.words[c].rel;
                            let case_ok = case.as_ref().is_none_or(|ls| {
                                p.case_of(c).is_some_and(|l| ls.iter().any(|y| y == l))
                            });
                            if rels.contains(&rel) && case_ok {
                                next.push(c);
                            }
                            if depth < DEPTH && !clausal(rel) {
                                stack.push((c, depth + 1));
                            }
                        }
                    }
                }
                Step::Up { rels, case, lemmas } => {
                    let case_ok = case
                        .as_ref()
                        .is_none_or(|ls| p.case_of(w).is_some_and(|l| ls.iter().any(|x| x == l)));
                    if let Some((rel, h)) = p.up(w)
                        && case_ok
                        && rels.contains(&rel)
                        && lemmas
                            .as_ref()
                            .is_none_or(|ls| ls.iter().any(|l| *l == p.lemma[h]))
                    {
                        next.push(h);
                    }
                }
            }
        }
        next.sort_unstable();
        next.dedup();
        at = next;
    }
    at
}

/// Relations that open another clause: a search within a clause stops at them.
fn clausal(rel: Rel) -> bool {
    matches!(
        rel,
        Rel::Ccomp
            | Rel::Xcomp
            | Rel::Advcl
            | Rel::Acl
            | Rel::AclRelcl
            | Rel::Parataxis
            | Rel::Csubj
            | Rel::Conj
            | Rel::Nsubj
            | Rel::NsubjPass
    )
}

/// The subjects (`rel`: `nsubj` or `nsubj:pass`) of `v`: its own, else those of the clause it
/// belongs to (an infinitive or participle shares its governor's subject, a conjoined verb its
/// first conjunct's, a relative clause's verb the noun it modifies). A shared subject keeps the
/// role it has in `v`: the subject of "entered Tehran and was welcomed by X" is the one
/// welcomed, so it is the passive subject of "welcomed", not its agent.
fn subjects(p: &Parsed<'_>, v: usize, rel: Rel) -> Vec<usize> {
    let passive = |x: usize| p.deps(x, Rel::AuxPass).next().is_some();
    let wanted = rel;
    let role_of_v = if passive(v) {
        Rel::NsubjPass
    } else {
        Rel::Nsubj
    };
    let mut x = v;
    for depth in 0..DEPTH {
        let own: Vec<usize> = p.children[x]
            .iter()
            .copied()
            .filter(|&c| {
                let r = p.words[c].rel;
                if depth == 0 {
                    r == wanted || (wanted == Rel::Nsubj && r == Rel::NsubjOuter)
                } else {
                    // A governor's or first conjunct's subject, whatever its own voice.
                    matches!(r, Rel::Nsubj | Rel::NsubjPass | Rel::NsubjOuter)
                }
            })
            .collect();
        if !own.is_empty() {
            return own.into_iter().map(|s| antecedent(p, x, s)).collect();
        }
        // Only the role `v` gives its shared subject is asked for.
        if depth == 0 && wanted != role_of_v && !matches!(wanted, Rel::NsubjOuter) {
            return vec![];
        }
        let Some((how, head)) = p.up(x) else {
            return vec![];
        };
        match how {
            // "agreed to meet", "is scheduled to meet", "travelled to Oslo to meet",
            // "arrived and met".
            Rel::Xcomp | Rel::Advcl => x = head,
            Rel::Conj if p.is_verb(head) => x = head,
            // "I had the honour of meeting X": the clause of a chance belongs to whoever has
            // it.
            Rel::Acl
                if crate::rules::rules().in_set("chance", &p.lemma[head])
                    && matches!(p.up(head), Some((Rel::Obj, g)) if p.is_verb(g)) =>
            {
                x = p.up(head).map_or(head, |(_, g)| g);
            }
            // "the commanders attending the session", "leaders who participated".
            Rel::Acl | Rel::AclRelcl if role_of_v == Rel::Nsubj || how == Rel::Acl => {
                return vec![head];
            }
            _ => return vec![],
        }
    }
    vec![]
}

/// A relative pronoun stands for the noun its clause modifies ("X, who met", "the delegation,
/// all of whom met").
fn antecedent(p: &Parsed<'_>, clause: usize, subject: usize) -> usize {
    let relative = |w: usize| matches!(p.lemma[w].as_str(), "who" | "whom" | "that" | "which");
    let is_relative = relative(subject)
        || p.children[subject]
            .iter()
            .any(|&c| p.words[c].rel == Rel::Nmod && relative(c));
    match p.up(clause) {
        Some((Rel::AclRelcl | Rel::Acl, noun)) if is_relative => noun,
        _ => subject,
    }
}

/// The people a side's words name.
pub fn fill(p: &Parsed<'_>, rules: &Rules, words: Vec<usize>) -> Filled {
    let mut out = Filled {
        words,
        ..Filled::default()
    };
    for &w in &out.words.clone() {
        people_of(p, rules, w, &mut out.people, 0);
    }
    out.people.dedup_by_key(|(person, _)| *person);
    if out.people.is_empty() {
        out.group = out.words.iter().find_map(|&w| group(p, rules, w));
    }
    out
}

/// Adds the people word `w` names, through the relations that name the same people.
fn people_of(
    p: &Parsed<'_>,
    rules: &Rules,
    w: usize,
    out: &mut Vec<(usize, MentionKind)>,
    depth: usize,
) {
    if depth > DEPTH || out.len() >= crate::MAX_SIDE {
        return;
    }
    if let Some(person) = p.person[w]
        && !out.iter().any(|(q, _)| *q == person.0)
    {
        out.push(person);
    }
    let team = rules.in_set("team", &p.lemma[w]);
    // "A and B were among the commanders": a predicate noun names its subjects.
    let predicate = p.deps(w, Rel::Cop).next().is_some();
    for &c in &p.children[w] {
        let rel = p.words[c].rel;
        let same = matches!(
            rel,
            Rel::Appos | Rel::Flat | Rel::Compound | Rel::NmodDesc | Rel::Conj | Rel::Fixed
        );
        // "a delegation led by X including Y", "X's delegation".
        let led = team && matches!(rel, Rel::Acl | Rel::NmodPoss);
        // "Iranian officials, including X and Y".
        let including = matches!(rel, Rel::Nmod | Rel::Obl | Rel::Acl)
            && matches!(p.case_of(c), Some("including" | "include" | "like"));
        if same || including || (predicate && matches!(rel, Rel::Nsubj | Rel::NsubjOuter)) {
            people_of(p, rules, c, out, depth + 1);
        } else if led {
            if rel == Rel::NmodPoss {
                people_of(p, rules, c, out, depth + 1);
            }
            for &d in &p.children[c] {
                if matches!(p.words[d].rel, Rel::OblAgent | Rel::Obj | Rel::Obl) {
                    people_of(p, rules, d, out, depth + 1);
                }
            }
        }
    }
}

/// A reference to a group: "the two", "both", "the two leaders", "they".
fn group(p: &Parsed<'_>, rules: &Rules, w: usize) -> Option<Group> {
    let lemma = p.lemma[w].as_str();
    let number = |s: &str| match s {
        "two" | "both" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        _ => None,
    };
    if lemma == "they"
        || lemma == "both"
        || (p.words[w].upos == Upos::Num && number(lemma).is_some())
    {
        return Some(Group {
            count: number(lemma),
            word: w,
        });
    }
    if rules.in_set("group", lemma) {
        // "the leaders", "the two presidents", "both sides".
        let count = p.children[w].iter().find_map(|&c| number(&p.lemma[c]));
        let definite = p.children[w]
            .iter()
            .any(|&c| matches!(p.lemma[c].as_str(), "the" | "both"));
        let plural = p.words[w].xpos == whomet_syntax::Xpos::Nns || count.is_some();
        if definite && plural {
            return Some(Group { count, word: w });
        }
    }
    None
}
