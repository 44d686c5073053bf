//! Modality and channel, read from the trigger's own clause and the clauses that govern it,
//! never from elsewhere in the sentence: "will" in a quote does not make the meeting it
//! reports planned, and "while Z followed by phone" does not make X and Y's meeting a call.
//! The cue words are sets of the rule file (`@future`, `@plan`, `@unreal` ...).

use crate::rules::Rules;
use crate::sentence::Parsed;
use whomet_syntax::{Rel, Upos, Xpos};

/// How an event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// Reported as having happened (or under way).
    Actual,
    /// Scheduled, agreed, expected.
    Planned,
    /// Negated, hypothetical, proposed, cancelled: no event.
    Dropped,
}

/// The modality of the event of trigger `t`, and the cue that decided it.
pub fn modality(
    p: &Parsed<'_>,
    rules: &Rules,
    t: usize,
    headline: bool,
) -> (Modality, &'static str) {
    let lemma_in = |i: usize, set: &str| rules.in_set(set, &p.lemma[i]);
    // A noun's own modifiers: "a potential meeting", "the planned talks", "no meeting".
    if p.words[t].upos == Upos::Noun {
        for &c in &p.children[t] {
            if matches!(
                p.words[c].rel,
                Rel::Amod | Rel::Det | Rel::Compound | Rel::Nmod
            ) {
                if lemma_in(c, "unreal") || p.lemma[c] == "no" {
                    return (Modality::Dropped, "unreal");
                }
                if lemma_in(c, "plan") || lemma_in(c, "ahead") {
                    return (Modality::Planned, "planned");
                }
            }
        }
    }
    // "talks between A and B, scheduled for Friday".
    if p.words[t].upos == Upos::Noun {
        // Also on the noun it counts: "two rounds of talks, scheduled for Friday".
        let mut nouns = vec![t];
        if let Some((Rel::Nmod, h)) = p.up(t)
            && p.case_of(t) == Some("of")
        {
            nouns.push(h);
        }
        for &n in &nouns {
            for &c in &p.children[n] {
                if p.words[c].rel == Rel::Acl && lemma_in(c, "schedule-noun") {
                    return (Modality::Planned, "scheduled");
                }
            }
        }
    }
    // The clause: a verb trigger's own; a noun's governing verb, past the nouns that count
    // it ("the last of the talks will be ...").
    let mut x = t;
    let mut noun = t;
    while !p.is_verb(noun)
        && let Some((Rel::Nmod | Rel::Obl, h)) = p.up(noun)
        && p.case_of(noun) == Some("of")
        && matches!(
            p.words[h].upos,
            Upos::Noun | Upos::Adj | Upos::Num | Upos::Pron
        )
    {
        noun = h;
    }
    if noun != t
        && let Some((Rel::Nsubj | Rel::NsubjPass, h)) = p.up(noun)
    {
        x = h;
    } else if !p.is_verb(t)
        && let Some((rel, head)) = p.up(t)
        && matches!(
            rel,
            Rel::Obj | Rel::Nsubj | Rel::NsubjPass | Rel::Obl | Rel::Xcomp
        )
        && (p.is_verb(head) || p.words[head].upos == Upos::Adj)
    {
        x = head;
        // "a meeting is scheduled", "the talks were cancelled".
        if matches!(rel, Rel::Nsubj | Rel::NsubjPass) {
            if lemma_in(x, "cancel") || lemma_in(x, "unreal") {
                return (Modality::Dropped, "cancelled");
            }
            if lemma_in(x, "plan") {
                return (Modality::Planned, "planned");
            }
        }
    }
    // "would open the way for talks between A and B": a noun's phrase under the object of
    // a verb belongs to that verb's clause.
    if x == t
        && !p.is_verb(t)
        && let Some((Rel::Nmod, h)) = p.up(t)
        && let Some((Rel::Obj | Rel::Obl, v)) = p.up(h)
        && p.is_verb(v)
    {
        x = v;
    }
    let mut planned: Option<&'static str> = None;
    // "is due in Berlin for talks with X": a noun under a predicate adjective of plans.
    if x != t && p.words[x].upos == Upos::Adj && lemma_in(x, "plan") {
        planned = Some("due");
    }
    for _ in 0..6 {
        // The clause's own auxiliaries, negation and subordinators.
        for &c in &p.children[x] {
            let rel = p.words[c].rel;
            let l = p.lemma[c].as_str();
            match rel {
                Rel::Aux if lemma_in(c, "future") => planned = planned.or(Some("will")),
                Rel::Aux if l == "would" => {
                    // "The palace said X would meet Y": reported future.
                    let reported = p
                        .up(x)
                        .is_some_and(|(r, h)| r == Rel::Ccomp && lemma_in(h, "report"));
                    if !reported {
                        return (Modality::Dropped, "would");
                    }
                    planned = planned.or(Some("would"));
                }
                Rel::Aux if lemma_in(c, "unreal") => return (Modality::Dropped, "modal"),
                Rel::Advmod if lemma_in(c, "negation") => return (Modality::Dropped, "negated"),
                Rel::Mark if lemma_in(c, "unreal") => return (Modality::Dropped, "conditional"),
                // "if the meeting took place, it would open the way for talks": a condition
                // before the clause.
                Rel::Advcl if c < x && p.deps(c, Rel::Mark).any(|m| lemma_in(m, "unreal")) => {
                    return (Modality::Dropped, "conditional");
                }
                _ => {}
            }
        }
        let Some((rel, head)) = p.up(x) else {
            break;
        };
        match rel {
            // "agreed to meet", "is due to meet", "refused to meet", "proceeded to meet".
            Rel::Xcomp | Rel::Ccomp | Rel::Csubj => {
                if lemma_in(head, "cancel") || lemma_in(head, "unreal") {
                    return (Modality::Dropped, "governed");
                }
                if rel == Rel::Xcomp && (lemma_in(head, "plan") || p.lemma[head] == "be") {
                    planned = planned.or(Some("to"));
                }
                if rel == Rel::Ccomp {
                    // A reported clause keeps its own tense: "said he met" is a report.
                    break;
                }
                x = head;
            }
            // "travelled to Oslo to meet": the purpose takes the main clause's standing.
            Rel::Advcl if p.case_of(x) == Some("to") => x = head,
            // "denied meeting X": a gerund under its governor (whose own tense is not the
            // gerund's: "will focus on ..., building on past talks").
            Rel::Advcl if p.case_of(x).is_none() && p.words[x].xpos == Xpos::Vbg => {
                if lemma_in(head, "cancel") || lemma_in(head, "unreal") {
                    return (Modality::Dropped, "governed");
                }
                break;
            }
            Rel::Conj if p.is_verb(head) => x = head,
            _ => break,
        }
    }
    if let Some(cue) = planned {
        return (Modality::Planned, cue);
    }
    // "X is to meet Y": a copula and "to" on the verb itself.
    if p.case_of(t) == Some("to") && p.deps(t, Rel::Cop).any(|c| p.lemma[c] == "be") {
        return (Modality::Planned, "is to");
    }
    // A bare infinitive with nothing that plans it ("an invitation to meet") reports nothing,
    // except in a headline ("KARIMI TO MEET ODUYA").
    if p.words[t].xpos == Xpos::Vb && p.case_of(t) == Some("to") {
        let governed = p.up(t).is_some_and(|(r, h)| {
            matches!(r, Rel::Xcomp | Rel::Advcl) && !lemma_in(h, "unreal") && p.is_verb(h)
        });
        if headline && !governed {
            return (Modality::Planned, "headline");
        }
        if !governed {
            return (Modality::Dropped, "infinitive");
        }
    }
    (Modality::Actual, "")
}

/// Whether the event of trigger `t` was held by telephone or video: a channel word among the
/// dependents of the trigger or of its clause ("spoke by telephone", "a video call", "via video
/// link").
pub fn remote(p: &Parsed<'_>, rules: &Rules, t: usize) -> bool {
    let channel = |i: usize| {
        rules.in_set("remote", &p.lemma[i])
            || p.children[i].iter().any(|&c| {
                matches!(p.words[c].rel, Rel::Compound | Rel::Amod)
                    && rules.in_set("remote", &p.lemma[c])
            })
    };
    let mut clause = vec![t];
    if let Some((rel, head)) = p.up(t)
        && matches!(rel, Rel::Obj | Rel::Nsubj | Rel::NsubjPass)
    {
        clause.push(head);
    }
    clause.iter().any(|&x| {
        p.children[x].iter().any(|&c| {
            let rel = p.words[c].rel;
            (matches!(
                rel,
                Rel::Obl | Rel::Nmod | Rel::OblUnmarked | Rel::Compound | Rel::Amod
            ) || rel == Rel::Advmod)
                && channel(c)
        })
    })
}
