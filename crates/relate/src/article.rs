//! Events that span the article. Each sentence's claims (what a rule found at a trigger) are
//! read in order against what the article has said so far: "the two" are the two people of the
//! last meeting or of the sentence before, "X also took part" and "the meeting was attended by
//! X" add X to the latest meeting, "accompanied by B" makes B go wherever X goes afterwards, and
//! "while Z took part by telephone" is a call between Z and the people of the meeting. Nothing
//! is guessed across an ambiguity: a reference that fits no one, or several, gives no edge.

use crate::participants::{Filled, Group};
use crate::rules::Effect;
use std::collections::BTreeMap;
use whomet_core::{EdgeKind, MentionKind, Side};

/// How many sentences back a meeting can still be joined ("X also took part").
const RECENT: usize = 6;

/// What one rule found at one trigger.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The rule.
    pub rule: usize,
    /// The rule's name.
    pub name: &'static str,
    /// The rule's effect.
    pub effect: Effect,
    /// Sentence index.
    pub sentence: usize,
    /// The event's kind after modality and channel.
    pub kind: EdgeKind,
    /// The two sides.
    pub sides: [Filled; 2],
    /// The event noun the rule speaks of, when found: whether it is definite ("the meeting")
    /// and the people it names itself ("the meeting with X").
    pub frame: Option<(bool, Vec<usize>)>,
    /// Held by telephone or video.
    pub remote: bool,
    /// The subject side met each object separately ("met A and B separately").
    pub separate: bool,
    /// The objects were in one meeting among themselves too ("talks between A and B", "hosted
    /// A and B for a three-way summit"); otherwise the subject side met each of them, and
    /// whether they met each other is not said.
    pub joint_objects: bool,
    /// A join that speaks of someone's meeting ("X was joined by Y"): it joins the latest
    /// meeting only if that someone was in it.
    pub overlap: bool,
    /// The object side is a person who is not named ("have met the top judge").
    pub unnamed_person: bool,
    /// Base confidence.
    pub base: f64,
    /// Cues from the sentence (modality, channel).
    pub cues: Vec<String>,
}

/// An event decided at article level, before its evidence is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Which claim it came from (index in the claims given).
    pub claim: usize,
    /// Kind.
    pub kind: EdgeKind,
    /// Who, on which side.
    pub participants: Vec<(usize, Side)>,
    /// All pairs are edges (one meeting), not only pairs across sides.
    pub joint: bool,
    /// Confidence factor from the article context (references, joins).
    pub factor: f64,
    /// How the participants were found, for the evidence cues.
    pub cues: Vec<String>,
    /// People named by pronoun or role phrase (lower confidence).
    pub indirect: bool,
}

/// The article so far.
#[derive(Debug, Default)]
pub struct Book {
    /// The meetings decided so far: sentence, kind, people.
    meetings: Vec<(usize, EdgeKind, Vec<usize>)>,
    /// Who goes with whom ("accompanied by").
    companions: BTreeMap<usize, Vec<usize>>,
    /// Invitations not yet accepted: who invited whom.
    invitations: Vec<(Vec<usize>, Vec<usize>)>,
    /// The drafts.
    pub drafts: Vec<Draft>,
}

/// The people of a side, resolved: named ones, or the people a group reference stands for.
fn resolve(
    side: &Filled,
    book: &Book,
    sentence: usize,
    previous_people: &[usize],
) -> (Vec<usize>, bool, Option<&'static str>) {
    let indirect = side
        .people
        .iter()
        .any(|(_, k)| matches!(k, MentionKind::Pronoun | MentionKind::Role));
    if !side.people.is_empty() {
        return (
            side.people.iter().map(|(p, _)| *p).collect(),
            indirect,
            None,
        );
    }
    let Some(Group { count, .. }) = side.group else {
        return (vec![], false, None);
    };
    let fits = |n: usize| count.map_or(n >= 2, |c| c == n);
    // The people of the latest meeting, if it is recent.
    if let Some((s, kind, people)) = book.meetings.last()
        && sentence.saturating_sub(*s) <= 2
        && fits(people.len())
    {
        let cue = if *kind == EdgeKind::Contact {
            "group:call"
        } else {
            "group:meeting"
        };
        return (people.clone(), true, Some(cue));
    }
    // Else the people of the sentence before, when they fit exactly ("the two": two).
    if fits(previous_people.len()) && previous_people.len() <= count.unwrap_or(2) {
        return (previous_people.to_vec(), true, Some("group:previous"));
    }
    (vec![], false, None)
}

impl Book {
    /// Reads one claim (index `index` in the claims of the article); `previous_people` are the
    /// people named in the sentence before, `protagonist` the person the article is about.
    pub fn add(
        &mut self,
        index: usize,
        claim: &Claim,
        previous_people: &[usize],
        protagonist: Option<usize>,
    ) {
        let mut cues = Vec::new();
        let mut indirect = false;
        let mut factor = 1.0;
        let mut sides: [Vec<usize>; 2] = [vec![], vec![]];
        for (k, side) in claim.sides.iter().enumerate() {
            let (people, ind, cue) = resolve(side, self, claim.sentence, previous_people);
            indirect |= ind;
            if let Some(c) = cue {
                cues.push(c.to_string());
                factor *= 0.9;
            }
            sides[k] = people;
        }
        // "The two presidents discussed ..." after their call: the same call.
        let mut claim_local;
        let mut claim = claim;
        if cues.iter().any(|c| c == "group:call") && claim.kind == EdgeKind::Met {
            claim_local = claim.clone();
            claim_local.kind = EdgeKind::Contact;
            claim = &claim_local;
        }
        match claim.effect {
            Effect::Event => {
                // Companions go with the people they accompany.
                for side in &mut sides {
                    let extra: Vec<usize> = side
                        .iter()
                        .flat_map(|p| self.companions.get(p).into_iter().flatten().copied())
                        .collect();
                    if !extra.is_empty() {
                        cues.push("companions".into());
                    }
                    for e in extra {
                        if !side.contains(&e) {
                            side.push(e);
                        }
                    }
                }
                self.push_event(index, claim, sides, factor, cues, indirect);
            }
            Effect::Join | Effect::List => {
                let mut joiners: Vec<usize> = sides.concat();
                dedup(&mut joiners);
                let (definite, own) = claim.frame.clone().unwrap_or((true, vec![]));
                for p in own {
                    if !joiners.contains(&p) {
                        joiners.push(p);
                    }
                }
                // The latest meeting (a call is joined by no one in person), if it is recent
                // (a list of participants may come at the end of a long report).
                let reach = if claim.effect == Effect::List {
                    usize::MAX
                } else {
                    RECENT
                };
                let target = if definite {
                    self.meetings
                        .iter()
                        .rev()
                        .find(|(_, kind, _)| *kind == EdgeKind::Met)
                        .filter(|(s, _, _)| claim.sentence.saturating_sub(*s) <= reach)
                        .map(|(_, _, people)| people.clone())
                        // "X was joined by Y" speaks of X's meeting: X must be in it.
                        .filter(|people| {
                            !claim.overlap || joiners.iter().any(|j| people.contains(j))
                        })
                } else {
                    None
                };
                match target {
                    Some(people) if claim.remote => {
                        // "while Z took part by telephone": a call with the people there.
                        let others: Vec<usize> = people
                            .into_iter()
                            .filter(|p| !joiners.contains(p))
                            .collect();
                        cues.push("joined:remote".into());
                        let participants = joiners
                            .iter()
                            .map(|&p| (p, Side::Subject))
                            .chain(others.iter().map(|&p| (p, Side::Object)))
                            .collect();
                        self.drafts.push(Draft {
                            claim: index,
                            kind: if claim.kind == EdgeKind::Planned {
                                EdgeKind::Planned
                            } else {
                                EdgeKind::Contact
                            },
                            participants,
                            joint: false,
                            factor: factor * 0.9,
                            cues,
                            indirect,
                        });
                    }
                    Some(people) => {
                        cues.push("joined".into());
                        let mut all = people;
                        for p in joiners {
                            if !all.contains(&p) {
                                all.push(p);
                            }
                        }
                        self.push_event(index, claim, [all, vec![]], factor * 0.95, cues, indirect);
                    }
                    None => {
                        // No meeting yet: the frame is the article's own event, which its
                        // protagonist leads ("The ceremony was attended by ...").
                        if definite
                            && (claim.frame.is_some() || claim.effect == Effect::List)
                            && let Some(p) = protagonist
                            && !joiners.contains(&p)
                        {
                            joiners.push(p);
                            cues.push("protagonist".into());
                            factor *= 0.9;
                        }
                        if joiners.len() == 1 && claim.frame.is_some() {
                            // "The session was chaired by X": no pair yet, but a meeting that
                            // later sentences can join.
                            self.meetings.push((claim.sentence, EdgeKind::Met, joiners));
                            return;
                        }
                        self.push_event(index, claim, [joiners, vec![]], factor, cues, indirect);
                    }
                }
            }
            Effect::Invite => {
                let [hosts, guests] = sides;
                if !hosts.is_empty() && !guests.is_empty() {
                    self.invitations.push((hosts, guests));
                }
            }
            Effect::Accept => {
                let [guests, hosts] = sides;
                // "accepted an invitation from X", else the latest invitation to them.
                let hosts = if hosts.is_empty() {
                    self.invitations
                        .iter()
                        .rev()
                        .find(|(_, g)| guests.iter().any(|x| g.contains(x)))
                        .map(|(h, _)| h.clone())
                        .unwrap_or_default()
                } else {
                    hosts
                };
                if !hosts.is_empty() {
                    let mut c = claim.clone();
                    c.kind = EdgeKind::Planned;
                    cues.push("accepted".into());
                    self.push_event(index, &c, [guests, hosts], factor, cues, indirect);
                }
            }
            Effect::Accompany => {
                let [leaders, companions] = sides;
                for &l in &leaders {
                    let list = self.companions.entry(l).or_default();
                    for &c in &companions {
                        if c != l && !list.contains(&c) {
                            list.push(c);
                        }
                    }
                }
                // They were with the leader at a meeting already reported in this sentence or
                // the one before.
                if let Some((s, kind, people)) = self.meetings.last().cloned()
                    && claim.sentence.saturating_sub(s) <= 1
                    && leaders.iter().any(|l| people.contains(l))
                {
                    let mut all = people;
                    for c in companions {
                        if !all.contains(&c) {
                            all.push(c);
                        }
                    }
                    cues.push("companions".into());
                    let mut c = claim.clone();
                    c.kind = kind;
                    self.push_event(index, &c, [all, vec![]], factor * 0.9, cues, indirect);
                }
            }
        }
    }

    fn push_event(
        &mut self,
        index: usize,
        claim: &Claim,
        sides: [Vec<usize>; 2],
        factor: f64,
        cues: Vec<String>,
        indirect: bool,
    ) {
        let [mut a, mut b] = sides;
        dedup(&mut a);
        b.retain(|p| !a.contains(p));
        dedup(&mut b);
        a.truncate(crate::MAX_SIDE);
        b.truncate(crate::MAX_SIDE);
        if a.len() + b.len() < 2 || (claim.separate && (a.is_empty() || b.is_empty())) {
            return;
        }
        // "A, B and C have met the top judge": the object is someone unnamed, and the subjects
        // are not said to have met each other.
        let unnamed_object = b.is_empty()
            && claim.effect == Effect::Event
            && claim.sides[1].people.is_empty()
            && claim.sides[1].group.is_none()
            && claim.unnamed_person;
        if unnamed_object {
            return;
        }
        let people: Vec<usize> = a.iter().chain(&b).copied().collect();
        if claim.kind != EdgeKind::Planned {
            self.meetings
                .push((claim.sentence, claim.kind, people.clone()));
        }
        let draft = |participants: Vec<(usize, Side)>, joint: bool| Draft {
            claim: index,
            kind: claim.kind,
            participants,
            joint,
            factor,
            cues: cues.clone(),
            indirect,
        };
        let star = !a.is_empty() && !b.is_empty() && (claim.separate || !claim.joint_objects);
        if star {
            // Each on the subject side met each object; whether the subjects were together is
            // not said ("So far A, B and C have met the judge").
            let participants = a
                .iter()
                .map(|&p| (p, Side::Subject))
                .chain(b.iter().map(|&p| (p, Side::Object)))
                .collect();
            self.drafts.push(draft(participants, false));
        } else {
            self.drafts.push(draft(
                people.iter().map(|&p| (p, Side::Subject)).collect(),
                true,
            ));
        }
    }
}

fn dedup(v: &mut Vec<usize>) {
    let mut seen = Vec::with_capacity(v.len());
    v.retain(|p| {
        if seen.contains(p) {
            false
        } else {
            seen.push(*p);
            true
        }
    });
}
