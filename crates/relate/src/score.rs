//! Confidence of one piece of evidence (`docs/SCORING.md`): the rule's base, times a factor for
//! each reason to trust it less (a participant named by pronoun or role, found through the
//! article rather than the sentence, a hedge, a trigger inside a quotation, a crowd) or more
//! (the lead sentence).

use crate::article::{Claim, Draft};
use whomet_core::{Event, Span};

/// Words that hedge a whole sentence.
const HEDGES: &[&str] = &[
    "reportedly",
    "reported",
    "according",
    "sources",
    "believed",
    "apparently",
];

/// Whether `trigger` stands inside a quotation of `sentence`: an odd number of quotation marks
/// before it.
pub fn inside_quote(text: &str, sentence: Span, trigger: Span) -> bool {
    let before = Span::new(sentence.start, trigger.start.max(sentence.start)).of(text);
    let straight = before.matches('"').count();
    let open = before.matches('\u{201c}').count();
    let close = before.matches('\u{201d}').count();
    straight % 2 == 1 || open > close
}

/// Sets `event`'s confidence and cues.
pub fn score(
    event: &mut Event,
    claim: &Claim,
    draft: &Draft,
    lower: &[&str],
    quoted: bool,
    lead: bool,
) {
    let mut c = claim.base * draft.factor;
    let mut cues = claim.cues.clone();
    cues.extend(draft.cues.iter().cloned());
    if draft.indirect {
        c *= 0.9;
        cues.push("indirect".into());
    }
    if lower.iter().any(|w| HEDGES.contains(w)) {
        c *= 0.9;
        cues.push("hedged".into());
    }
    if quoted {
        c *= 0.9;
        cues.push("quote".into());
    }
    if lead {
        cues.push("lead".into());
        c = (c * 1.05).min(0.99);
    }
    if event.participants.len() > 4 {
        c *= 0.85;
        cues.push("many-participants".into());
    }
    event.evidence.confidence = (c.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    event.evidence.cues = cues;
}
