//! The meeting rules: a readable table (`data/rules/meetings.rules`, compiled in) of trigger
//! words and the dependency paths that lead from each to the people who met. The file's
//! header documents the language; this module reads it.
//!
//! A rule names its trigger (lemmas and parts of speech, and optionally a dependent the trigger
//! must have: "take" with the object "part"), the event kind, a base confidence, the two sides
//! as alternatives of paths from the trigger, and example sentences with the pairs they must
//! give, which `tests/it/rules.rs` runs.

use std::collections::HashMap;
use std::sync::OnceLock;
use whomet_core::EdgeKind;
use whomet_syntax::{Rel, Upos};

/// The rule file, compiled in.
const SOURCE: &str = include_str!("../../../data/rules/meetings.rules");

/// The rules, read once.
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| match Rules::parse(SOURCE) {
        Ok(r) => r,
        // The file is part of the program; `tests/it/rules.rs` reads it too.
        Err(e) => panic!("data/rules/meetings.rules: {e}"),
    })
}

/// A line of the rule file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One step of a path from the trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// To the dependents with one of these relations (and, when given, a `case` or `mark`
    /// dependent with one of these lemmas). A subject step also finds the subject a verb
    /// shares with the verb it depends on (control, coordination, relative clauses).
    Down {
        /// Relations.
        rels: Vec<Rel>,
        /// Lemmas of the case marker, if required.
        case: Option<Vec<String>>,
    },
    /// To the descendants within the clause (not through clauses) with one of these relations
    /// and, when given, a case marker with one of these lemmas: a phrase the parser attached
    /// lower than it belongs ("joined for the opening of the bridge by X").
    Within {
        /// Relations.
        rels: Vec<Rel>,
        /// Lemmas of the case marker, if required.
        case: Option<Vec<String>>,
    },
    /// To the head, when the word is its dependent by one of these relations (and, when
    /// given, the head's lemma is one of these).
    Up {
        /// Relations.
        rels: Vec<Rel>,
        /// Lemmas of the word's own case marker, if required ("after talks with X, Y said").
        case: Option<Vec<String>>,
        /// Lemmas the head must have, if any.
        lemmas: Option<Vec<String>>,
    },
}

/// A path of steps from the trigger.
pub type Path = Vec<Step>;

/// What an example sentence must give.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The sentence (or sentences).
    pub text: String,
    /// `KIND A -- B` pairs, surnames, sorted; empty for "none".
    pub pairs: Vec<String>,
    /// Line in the rule file.
    pub line: usize,
}

/// What a rule's participants do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// They are one new event.
    Event,
    /// They join the article's latest event ("also took part", "was attended by"); with no
    /// earlier event they are a new one.
    Join,
    /// The `b` side go with the `a` side to what the `a` side does later ("accompanied by").
    Accompany,
    /// The sentence opens a list ("The participants included:"): the people at the head of
    /// each bulleted line after it join the article's latest meeting (or one led by the
    /// article's protagonist).
    List,
    /// Side `a` invited side `b`: no event until the invitation is accepted.
    Invite,
    /// Side `a` accepted an invitation, of side `b` or of an earlier invitation to `a`: a
    /// planned meeting.
    Accept,
}

/// One rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Short name, for the evidence cues.
    pub name: String,
    /// Trigger lemmas.
    pub lemmas: Vec<String>,
    /// Trigger parts of speech.
    pub upos: Vec<Upos>,
    /// Dependents the trigger must have: a relation and lemmas.
    pub has: Vec<(Rel, Vec<String>)>,
    /// Dependents the trigger must not have.
    pub lacks: Vec<(Rel, Vec<String>)>,
    /// The event kind when reported as having happened.
    pub kind: EdgeKind,
    /// Base confidence.
    pub base: f64,
    /// Paths to each side.
    pub sides: [Vec<Path>; 2],
    /// The sides that must be filled.
    pub require: [bool; 2],
    /// The frame must be found.
    pub require_frame: bool,
    /// Paths to the event noun the rule speaks of ("the meeting" of "the meeting was attended
    /// by"): when given and found, it must be an event noun.
    pub frame: Vec<Path>,
    /// What the participants do.
    pub effect: Effect,
    /// Examples.
    pub examples: Vec<Example>,
    /// Line of `rule` in the file.
    pub line: usize,
}

/// The rule table.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Rules in file order: for one trigger word, the first that applies wins.
    pub rules: Vec<Rule>,
    /// Named word sets.
    pub sets: HashMap<String, Vec<String>>,
    /// Rules by trigger lemma.
    by_lemma: HashMap<String, Vec<usize>>,
}

impl Rules {
    /// The rules whose trigger lemma is `lemma`.
    pub fn for_lemma(&self, lemma: &str) -> &[usize] {
        self.by_lemma.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// The words of the set `name` (empty when there is none).
    pub fn set(&self, name: &str) -> &[String] {
        self.sets.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether `lemma` is in set `name`.
    pub fn in_set(&self, name: &str, lemma: &str) -> bool {
        self.set(name).iter().any(|w| w == lemma)
    }

    /// Every form a trigger word may take in text, lower case: the lemmas, their regular
    /// inflections, and the irregular forms of the set `forms`. A sentence with none of them
    /// holds no trigger and is not parsed.
    pub fn forms(&self) -> std::collections::HashSet<String> {
        let mut out: std::collections::HashSet<String> =
            self.set("forms").iter().cloned().collect();
        for lemma in self.by_lemma.keys() {
            out.extend(inflections(lemma));
        }
        out
    }

    /// The forms of the triggers of rules whose effect is not a new event ("also took part",
    /// "accompanied by"): such a sentence may name one person only.
    pub fn joining_forms(&self) -> std::collections::HashSet<String> {
        let mut out = std::collections::HashSet::new();
        for r in self.rules.iter().filter(|r| r.effect != Effect::Event) {
            for lemma in &r.lemmas {
                out.extend(inflections(lemma));
            }
        }
        // Irregular forms of any trigger may belong to such a rule ("took part").
        out.extend(self.set("forms").iter().cloned());
        out
    }

    /// Reads a rule file.
    pub fn parse(source: &str) -> Result<Rules, RuleError> {
        let mut out = Rules::default();
        let mut current: Option<Rule> = None;
        for (i, raw) in source.lines().enumerate() {
            let line = i + 1;
            let text = raw.split_once('#').map_or(raw, |(a, _)| a).trim();
            // An example's sentence may hold a '#': examples are read from the raw line.
            let text = if raw.trim_start().starts_with("example ") {
                raw.trim()
            } else {
                text
            };
            if text.is_empty() {
                continue;
            }
            let err = |message: String| RuleError { line, message };
            let (key, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
            let rest = rest.trim();
            match key {
                "set" => {
                    let mut words = rest
                        .split(|c: char| c.is_whitespace() || c == ',')
                        .filter(|w| !w.is_empty());
                    let name = words.next().ok_or_else(|| err("set needs a name".into()))?;
                    let words = words.map(str::to_string);
                    out.sets.entry(name.to_string()).or_default().extend(words);
                }
                "rule" => {
                    if let Some(r) = current.take() {
                        out.push(r)?;
                    }
                    current = Some(Rule {
                        name: rest.to_string(),
                        lemmas: vec![],
                        upos: vec![],
                        has: vec![],
                        lacks: vec![],
                        kind: EdgeKind::Met,
                        base: 0.8,
                        sides: [vec![], vec![]],
                        require: [false, false],
                        require_frame: false,
                        frame: vec![],
                        effect: Effect::Event,
                        examples: vec![],
                        line,
                    });
                }
                _ => {
                    let rule = current
                        .as_mut()
                        .ok_or_else(|| err(format!("{key:?} before any rule")))?;
                    out_field(&out.sets, rule, key, rest).map_err(err)?;
                    if key == "example"
                        && let Some(e) = rule.examples.last_mut()
                    {
                        e.line = line;
                    }
                }
            }
        }
        if let Some(r) = current.take() {
            out.push(r)?;
        }
        Ok(out)
    }

    fn push(&mut self, rule: Rule) -> Result<(), RuleError> {
        let err = |message: &str| RuleError {
            line: rule.line,
            message: format!("rule {}: {message}", rule.name),
        };
        if rule.lemmas.is_empty() || rule.upos.is_empty() {
            return Err(err("needs a trigger with lemmas and a part of speech"));
        }
        if rule.sides.iter().all(Vec::is_empty) {
            return Err(err("needs a side (a or b)"));
        }
        if rule.examples.is_empty() {
            return Err(err("needs at least one example"));
        }
        let index = self.rules.len();
        for l in &rule.lemmas {
            self.by_lemma.entry(l.clone()).or_default().push(index);
        }
        self.rules.push(rule);
        Ok(())
    }
}

/// Reads one field of a rule.
fn out_field(
    sets: &HashMap<String, Vec<String>>,
    rule: &mut Rule,
    key: &str,
    rest: &str,
) -> Result<(), String> {
    match key {
        "trigger" => {
            let (lemmas, pos) = rest
                .rsplit_once(char::is_whitespace)
                .ok_or("trigger needs lemmas and a part of speech")?;
            rule.lemmas = words(sets, lemmas)?;
            rule.upos = pos
                .split(',')
                .map(|p| Upos::parse(p).ok_or(format!("unknown part of speech {p:?}")))
                .collect::<Result<_, _>>()?;
        }
        "has" | "lacks" => {
            let (rel, lemmas) = rest
                .split_once(char::is_whitespace)
                .ok_or(format!("{key} needs a relation and lemmas"))?;
            let rel = Rel::parse(rel).ok_or(format!("unknown relation {rel:?}"))?;
            let entry = (rel, words(sets, lemmas.trim())?);
            if key == "has" {
                rule.has.push(entry)
            } else {
                rule.lacks.push(entry)
            }
        }
        "kind" => {
            rule.kind = match rest {
                "MET" => EdgeKind::Met,
                "CONTACT" => EdgeKind::Contact,
                "PLANNED" => EdgeKind::Planned,
                _ => return Err(format!("unknown kind {rest:?}")),
            }
        }
        "base" => {
            rule.base = rest
                .parse()
                .ok()
                .filter(|b: &f64| (0.0..=1.0).contains(b))
                .ok_or(format!("base {rest:?} is not a number in 0..1"))?;
        }
        "a" | "b" => {
            let side = usize::from(key == "b");
            rule.sides[side] = paths(sets, rest)?;
        }
        "frame" => rule.frame = paths(sets, rest)?,
        "require" => {
            for s in rest.split_whitespace() {
                match s {
                    "a" => rule.require[0] = true,
                    "b" => rule.require[1] = true,
                    "frame" => rule.require_frame = true,
                    _ => return Err(format!("require takes a, b and frame, not {s:?}")),
                }
            }
        }
        "effect" => {
            rule.effect = match rest {
                "event" => Effect::Event,
                "join" => Effect::Join,
                "accompany" => Effect::Accompany,
                "list" => Effect::List,
                "invite" => Effect::Invite,
                "accept" => Effect::Accept,
                _ => {
                    return Err(format!(
                        "unknown effect {rest:?} (event, join, accompany, list, invite, accept)"
                    ));
                }
            }
        }
        "example" => {
            let (text, pairs) = rest
                .split_once("=>")
                .ok_or("an example needs `=> PAIRS` or `=> none`")?;
            let pairs = pairs.trim();
            let mut list: Vec<String> = if pairs == "none" {
                vec![]
            } else {
                pairs
                    .split(';')
                    .map(|p| normal_pair(p.trim()))
                    .collect::<Result<_, _>>()?
            };
            list.sort();
            rule.examples.push(Example {
                text: text.trim().replace("\\n", "\n"),
                pairs: list,
                line: 0,
            });
        }
        _ => return Err(format!("unknown field {key:?}")),
    }
    Ok(())
}

/// The regular inflections of an English lemma: plural or third person, past, participle
/// ("meet": meets, meeted, meeting; "visit": visits, visited, visiting; "host": hosts ...).
fn inflections(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let stem_e = lemma.strip_suffix('e');
    let consonant_y =
        lemma.ends_with('y') && !lemma[..lemma.len() - 1].ends_with(|c: char| "aeiou".contains(c));
    if consonant_y {
        let stem = &lemma[..lemma.len() - 1];
        out.extend([format!("{stem}ies"), format!("{stem}ied")]);
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        out.push(format!("{lemma}es"));
    } else {
        out.push(format!("{lemma}s"));
    }
    match stem_e {
        Some(stem) => out.extend([format!("{lemma}d"), format!("{stem}ing")]),
        None if !consonant_y => out.extend([format!("{lemma}ed"), format!("{lemma}ing")]),
        None => out.push(format!("{lemma}ing")),
    }
    // A final consonant after one vowel may double ("chat": chatted).
    let b = lemma.as_bytes();
    if b.len() >= 3 {
        let (x, y, z) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
        let vowel = |c: u8| b"aeiou".contains(&c);
        if !vowel(x) && vowel(y) && !vowel(z) && !b"wxy".contains(&z) {
            let d = z as char;
            out.extend([format!("{lemma}{d}ed"), format!("{lemma}{d}ing")]);
        }
    }
    out
}

/// `KIND A -- B` with the two names in order.
fn normal_pair(p: &str) -> Result<String, String> {
    let (kind, rest) = p
        .split_once(' ')
        .ok_or(format!("pair {p:?}: KIND A -- B"))?;
    if !matches!(kind, "MET" | "CONTACT" | "PLANNED") {
        return Err(format!("pair {p:?}: unknown kind {kind:?}"));
    }
    let (a, b) = rest
        .split_once("--")
        .ok_or(format!("pair {p:?}: KIND A -- B"))?;
    let (a, b) = (a.trim(), b.trim());
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    Ok(format!("{kind} {a} -- {b}"))
}

/// Comma-separated words, `@set` naming a set.
fn words(sets: &HashMap<String, Vec<String>>, s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for w in s.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        match w.strip_prefix('@') {
            Some(name) => out.extend(
                sets.get(name)
                    .ok_or(format!("unknown set @{name} (sets are defined before use)"))?
                    .iter()
                    .cloned(),
            ),
            None => out.push(w.to_string()),
        }
    }
    if out.is_empty() {
        return Err(format!("no words in {s:?}"));
    }
    Ok(out)
}

/// Alternatives of paths separated by `|`, steps by spaces; `.` is the trigger itself.
fn paths(sets: &HashMap<String, Vec<String>>, s: &str) -> Result<Vec<Path>, String> {
    s.split('|')
        .map(|p| {
            p.split_whitespace()
                .filter(|step| *step != ".")
                .map(|step| parse_step(sets, step))
                .collect()
        })
        .collect()
}

/// `rel`, `rel,rel`, `rel[case]`, `*rel[case]`, `^rel`, `^rel[case]`, `^rel(lemmas)`.
fn parse_step(sets: &HashMap<String, Vec<String>>, s: &str) -> Result<Step, String> {
    let rels = |r: &str| -> Result<Vec<Rel>, String> {
        r.split(',')
            .map(|r| Rel::parse(r).ok_or(format!("unknown relation {r:?} in step {s:?}")))
            .collect()
    };
    if let Some(up) = s.strip_prefix('^') {
        let (up, lemmas) = match up.split_once('(') {
            Some((rel, l)) => (
                rel,
                Some(words(
                    sets,
                    l.strip_suffix(')').ok_or(format!("unclosed ( in {s:?}"))?,
                )?),
            ),
            None => (up, None),
        };
        let (rel, case) = match up.split_once('[') {
            Some((rel, c)) => (
                rel,
                Some(words(
                    sets,
                    c.strip_suffix(']').ok_or(format!("unclosed [ in {s:?}"))?,
                )?),
            ),
            None => (up, None),
        };
        return Ok(Step::Up {
            rels: rels(rel)?,
            case,
            lemmas,
        });
    }
    let (within, s) = match s.strip_prefix('*') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (rel, case) = match s.split_once('[') {
        Some((rel, c)) => (
            rel,
            Some(words(
                sets,
                c.strip_suffix(']').ok_or(format!("unclosed [ in {s:?}"))?,
            )?),
        ),
        None => (s, None),
    };
    if within {
        return Ok(Step::Within {
            rels: rels(rel)?,
            case,
        });
    }
    Ok(Step::Down {
        rels: rels(rel)?,
        case,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rules_and_reports_lines() {
        let r = Rules::parse(
            "set support hold,have\nrule held talks\n trigger talk NOUN\n a ^obj(@support) nsubj\n b nmod[with]\n example A held talks with B. => MET B -- A\n",
        )
        .unwrap();
        assert_eq!(r.rules.len(), 1);
        let rule = &r.rules[0];
        assert_eq!(
            rule.sides[0][0],
            vec![
                Step::Up {
                    rels: vec![Rel::Obj],
                    case: None,
                    lemmas: Some(vec!["hold".into(), "have".into()])
                },
                Step::Down {
                    rels: vec![Rel::Nsubj],
                    case: None
                },
            ]
        );
        assert_eq!(rule.examples[0].pairs, ["MET A -- B"]);
        assert_eq!(r.for_lemma("talk"), [0]);
        let e = Rules::parse("rule x\n trigger meet VERB\n a nsubjj\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(Rules::parse("trigger meet VERB\n").is_err());
        assert!(
            Rules::parse("rule x\n trigger meet VERB\n a nsubj\n").is_err(),
            "no example"
        );
        assert!(inflections("visit").contains(&"visited".to_string()));
        assert!(inflections("host").contains(&"hosting".to_string()));
        assert!(inflections("receive").contains(&"received".to_string()));
        assert!(inflections("chat").contains(&"chatted".to_string()));
        assert!(inflections("accompany").contains(&"accompanied".to_string()));
    }
}
