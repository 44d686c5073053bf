//! Mends of phrase structure the greedy parser gets wrong on news, each one a pattern UD never
//! annotates (a `compound` with its own case marker, an adjective as a case marker, a
//! participle after a determiner, a preposition as a head, a hyphenated verb before its object, a
//! case-marked subject, a person hung as an unmarked modifier of an organisation, a relative
//! clause with no antecedent, a gerund with arguments read as a bare noun). Each mend moves
//! arcs, and those that find a word's part of speech wrong retag it; words keep their spans.

use whomet_syntax::{Rel, Upos, Word};

/// Applies every mend, in order. `is_person[i]`: word `i` names a person.
pub fn mend(words: &mut [Word], forms: &[&str], is_person: &[bool]) {
    compound_with_case(words);
    adjective_as_case(words);
    participle_after_determiner(words);
    preposition_as_head(words);
    infinitive_of_predicate_adjective(words);
    hyphenated_modifier(words);
    case_marked_subject(words);
    person_under_organisation(words, is_person);
    relative_clause_as_main(words);
    gerund_read_as_noun(words, forms);
}

/// Dependents of `h`, in order.
fn dependents(words: &[Word], h: usize) -> impl Iterator<Item = usize> + '_ {
    (0..words.len()).filter(move |&k| words[k].head == Some(h))
}

/// Whether `h` has a dependent by one of `rels`.
pub fn has_dependent(words: &[Word], h: usize, rels: &[Rel]) -> bool {
    dependents(words, h).any(|k| rels.contains(&words[k].rel))
}

/// Puts `c` in the place of its head `h` (h's head and relation); h becomes `c`'s dependent by
/// `rel`, and h's dependents after `c` move to `c`.
fn promote(words: &mut [Word], c: usize, h: usize, rel: Rel) {
    let moved: Vec<usize> = dependents(words, h).filter(|&k| k > c).collect();
    for k in moved {
        words[k].head = Some(c);
    }
    words[c].head = words[h].head;
    words[c].rel = words[h].rel;
    words[h].head = Some(c);
    words[h].rel = rel;
}

/// "The talks will be in Lima next Wednesday between X and Y": a `compound` with a case marker
/// of its own ("in Lima") is no compound; it heads the phrase, and the word it was hung on
/// ("Wednesday") becomes its unmarked modifier, the phrases after it ("between X and Y")
/// going with it.
fn compound_with_case(words: &mut [Word]) {
    for c in 0..words.len() {
        let Some(h) = words[c].head else { continue };
        if words[c].rel == Rel::Compound
            && h > c
            && has_dependent(words, c, &[Rel::Case])
            && !has_dependent(words, h, &[Rel::Case])
        {
            promote(words, c, h, Rel::OblUnmarked);
        }
    }
}

/// "X is due in Moscow on Friday for talks with Y", parsed with "due" as the case marker of
/// "Moscow": an adjective is no case marker; it is the predicate, the noun it was hung on its
/// oblique, and that noun's clause dependents (subject, copula, other phrases) move to it.
fn adjective_as_case(words: &mut [Word]) {
    for a in 0..words.len() {
        let Some(h) = words[a].head else { continue };
        if words[a].upos != Upos::Adj || words[a].rel != Rel::Case || h <= a {
            continue;
        }
        let moved: Vec<usize> = dependents(words, h)
            .filter(|&k| {
                k != a
                    && !(k > a
                        && k < h
                        && matches!(
                            words[k].rel,
                            Rel::Case | Rel::Det | Rel::Amod | Rel::Compound
                        ))
                    && !matches!(words[k].rel, Rel::Flat | Rel::Appos)
            })
            .collect();
        for k in moved {
            words[k].head = Some(a);
            if words[k].rel == Rel::Nmod {
                words[k].rel = Rel::Obl;
            }
        }
        words[a].head = words[h].head;
        words[a].rel = words[h].rel;
        words[h].head = Some(a);
        words[h].rel = Rel::Obl;
    }
}

/// "during a meeting with the visiting Minister X", parsed with "with" as the head of its
/// phrase: a preposition with a noun after it hung on it is that noun's case marker, the noun
/// taking its place (an oblique of a verb, else a nominal modifier).
fn preposition_as_head(words: &mut [Word]) {
    for a in 0..words.len() {
        let Some(h) = words[a].head else { continue };
        if words[a].upos != Upos::Adp
            || matches!(
                words[a].rel,
                Rel::Case | Rel::Mark | Rel::Fixed | Rel::CompoundPrt | Rel::Cc | Rel::Punct
            )
        {
            continue;
        }
        let Some(n) = dependents(words, a)
            .find(|&k| k > a && matches!(words[k].upos, Upos::Noun | Upos::Propn | Upos::Pron))
        else {
            continue;
        };
        let rest: Vec<usize> = dependents(words, a).filter(|&k| k != n).collect();
        for k in rest {
            words[k].head = Some(n);
        }
        words[n].head = Some(h);
        words[n].rel = if matches!(words[h].upos, Upos::Verb | Upos::Aux) {
            Rel::Obl
        } else {
            Rel::Nmod
        };
        words[a].head = Some(n);
        words[a].rel = Rel::Case;
    }
}

/// "received the visiting Foreign Minister X": a determiner read as the head of its phrase,
/// with a participle after it ("visiting", "outgoing") whose object is the noun: the noun
/// heads the phrase, the participle is its adjective, the determiner its determiner.
fn participle_after_determiner(words: &mut [Word]) {
    for d in 0..words.len().saturating_sub(2) {
        let g = d + 1;
        if words[d].upos != Upos::Det
            || matches!(words[d].rel, Rel::Det | Rel::DetPredet)
            || words[g].upos != Upos::Verb
            || words[g].head != Some(d)
        {
            continue;
        }
        let Some(o) = dependents(words, g).find(|&k| {
            k > g
                && words[k].rel == Rel::Obj
                && matches!(words[k].upos, Upos::Noun | Upos::Propn)
                && (g + 1..k).all(|m| words[m].head == Some(k))
        }) else {
            continue;
        };
        let rest: Vec<usize> = dependents(words, g).filter(|&k| k != o).collect();
        for k in rest {
            words[k].head = Some(o);
        }
        words[o].head = words[d].head;
        words[o].rel = words[d].rel;
        words[d].head = Some(o);
        words[d].rel = Rel::Det;
        words[g].head = Some(o);
        words[g].rel = Rel::Amod;
        words[g].upos = Upos::Adj;
    }
}

/// "he is set to meet X", "is due to visit": an infinitive right after a predicate adjective
/// is its complement (`xcomp`), not an adverbial clause of purpose.
fn infinitive_of_predicate_adjective(words: &mut [Word]) {
    for v in 2..words.len() {
        let Some(a) = words[v].head else { continue };
        if words[v].rel == Rel::Advcl
            && a + 2 == v
            && words[a].upos == Upos::Adj
            && has_dependent(words, a, &[Rel::Cop])
            && words[a + 1].head == Some(v)
            && words[a + 1].rel == Rel::Mark
            && words[a + 1].lemma.eq_ignore_ascii_case("to")
        {
            words[v].rel = Rel::Xcomp;
        }
    }
}

/// "meeting with high-ranking officials": a verb written with a hyphenated modifier
/// ("high-ranking", "long-standing") whose object follows it is an adjective of that noun; the
/// noun takes the verb's place, a `mark` the verb had becomes the noun's case marker.
fn hyphenated_modifier(words: &mut [Word]) {
    for g in 2..words.len() {
        let Some(h) = words[g].head else { continue };
        if words[g].upos != Upos::Verb
            || words[g - 1].lemma != "-"
            || words[g - 2].head != Some(g)
            || g + 1 >= words.len()
        {
            continue;
        }
        // Its object, with nothing but its own modifiers between.
        let Some(o) = dependents(words, g).find(|&k| k > g && words[k].rel == Rel::Obj) else {
            continue;
        };
        if !(g + 1..o).all(|k| words[k].head == Some(o)) {
            continue;
        }
        let marks: Vec<usize> = dependents(words, g)
            .filter(|&k| k < g && words[k].rel == Rel::Mark)
            .collect();
        let nominal_head = matches!(words[h].upos, Upos::Noun | Upos::Propn | Upos::Pron);
        for &k in &marks {
            words[k].head = Some(o);
            words[k].rel = Rel::Case;
        }
        words[o].head = Some(h);
        words[o].rel = match (marks.is_empty(), nominal_head) {
            (_, true) => Rel::Nmod,
            (false, false) => Rel::Obl,
            (true, false) => Rel::Obj,
        };
        words[g].head = Some(o);
        words[g].rel = Rel::Amod;
        words[g].upos = Upos::Adj;
    }
}

/// "By meeting with officials, including X and Y, Z seeks support": of two subjects of one
/// verb, one with a case marker ("including X") is no subject; it modifies the noun just before
/// its comma.
fn case_marked_subject(words: &mut [Word]) {
    for c in 2..words.len() {
        let Some(v) = words[c].head else { continue };
        let subjects = |words: &[Word]| {
            dependents(words, v)
                .filter(|&k| matches!(words[k].rel, Rel::Nsubj | Rel::NsubjPass))
                .count()
        };
        let Some(first) = dependents(words, c).find(|&k| words[k].rel != Rel::Punct) else {
            continue;
        };
        if !matches!(words[c].rel, Rel::Nsubj | Rel::NsubjPass)
            || words[first].rel != Rel::Case
            || subjects(words) < 2
            || first < 2
            || words[first - 1].lemma != ","
        {
            continue;
        }
        let noun = first - 2;
        if matches!(words[noun].upos, Upos::Noun | Upos::Propn) {
            words[c].head = Some(noun);
            words[c].rel = Rel::Nmod;
        }
    }
}

/// "... was Palestinian Islamic Jihad (PIJ) secretary-general X, all of whom met Y": a person
/// hung on an organisation's name as an unmarked modifier (no case marker, no comma between)
/// is the head of the phrase ("the Jihad secretary-general X"), the organisation a compound
/// of it; what follows the person goes with the person.
fn person_under_organisation(words: &mut [Word], is_person: &[bool]) {
    for c in 0..words.len() {
        let Some(h) = words[c].head else { continue };
        if is_person[c]
            && !is_person[h]
            && h < c
            && matches!(words[c].rel, Rel::Nmod | Rel::NmodUnmarked)
            && words[h].upos == Upos::Propn
            && !has_dependent(words, c, &[Rel::Case])
            && !(h + 1..c).any(|k| words[k].head != Some(c) && words[k].lemma == ",")
            && words[c - 1].rel != Rel::Punct
        {
            promote(words, c, h, Rel::Compound);
        }
    }
}

/// Relative pronouns that can be a clause's subject ("who met"), or follow its quantifier
/// ("all of whom met").
const RELATIVE: &[&str] = &["who", "which", "that", "whom"];

/// "James, who attended the ceremony, said ...": a clause whose subject is a relative pronoun
/// after a comma and a noun phrase, read as the main clause, is a relative clause of that
/// phrase; the clause joined to it with no subject of its own ("said") is the main clause,
/// the phrase its subject. With no such clause ("Included was X, all of whom met Y"), the
/// phrase is the root.
fn relative_clause_as_main(words: &mut [Word]) {
    let n = words.len();
    let relative = |words: &[Word], k: usize| {
        let is = |k: usize| RELATIVE.contains(&words[k].lemma.to_lowercase().as_str());
        is(k) || dependents(words, k).any(|m| words[m].rel == Rel::Nmod && m > k && is(m))
    };
    for v in 0..n {
        if words[v].head.is_some() || !matches!(words[v].upos, Upos::Verb | Upos::Aux) {
            continue;
        }
        let Some(r) = dependents(words, v)
            .find(|&k| matches!(words[k].rel, Rel::Nsubj | Rel::NsubjPass) && relative(words, k))
        else {
            continue;
        };
        if r < 2 || words[r - 1].lemma != "," {
            continue;
        }
        // The noun phrase before the comma: a word of the first phrase, hung on v.
        let Some(c) = (0..r - 1).rev().find(|&k| {
            matches!(words[k].upos, Upos::Propn | Upos::Noun | Upos::Pron)
                && words[k].head == Some(v)
        }) else {
            continue;
        };
        // The main verb: a conjunct of v after v with no subject of its own.
        let main = dependents(words, v).find(|&k| {
            k > v
                && words[k].rel == Rel::Conj
                && matches!(words[k].upos, Upos::Verb | Upos::Aux)
                && !has_dependent(words, k, &[Rel::Nsubj, Rel::NsubjPass])
                && !has_dependent(words, k, &[Rel::Cc])
        });
        if let Some(main) = main {
            let later: Vec<usize> = dependents(words, v).filter(|&k| k > main).collect();
            for k in later {
                words[k].head = Some(main);
            }
            words[main].head = None;
            words[main].rel = Rel::Root;
            words[c].head = Some(main);
            words[c].rel = Rel::Nsubj;
        } else {
            // The phrase takes the clause's dependents before it and the final punctuation.
            let taken: Vec<usize> = dependents(words, v)
                .filter(|&k| k < c || k > v && words[k].rel == Rel::Punct && k + 1 == n)
                .collect();
            for k in taken {
                words[k].head = Some(c);
            }
            words[c].head = None;
            words[c].rel = Rel::Root;
        }
        words[v].head = Some(c);
        words[v].rel = Rel::AclRelcl;
        return;
    }
}

/// Words after which an -ing word is a gerund ("the honour of meeting", "after meeting").
const GERUND_CASES: &[&str] = &[
    "of", "after", "before", "by", "without", "since", "on", "for",
];

/// "had the honour of meeting with X"; "made a visit, meeting key figures, including X": an
/// -ing word read as a bare noun (no determiner, possessive or adjective) with arguments of a
/// verb (a `with` phrase, or an unmarked noun after it) is a gerund: a verb, whose arguments
/// are oblique phrases or its object.
fn gerund_read_as_noun(words: &mut [Word], forms: &[&str]) {
    let n = words.len();
    for g in 0..n {
        let form = forms[g].to_lowercase();
        if words[g].upos != Upos::Noun
            || !form.ends_with("ing")
            || form.contains(' ')
            || has_dependent(words, g, &[Rel::Det, Rel::NmodPoss, Rel::Amod, Rel::Nummod])
        {
            continue;
        }
        let Some(h) = words[g].head else { continue };
        let case = dependents(words, g).find(|&k| words[k].rel == Rel::Case);
        let after_case = case.is_some_and(|k| {
            k + 1 == g && GERUND_CASES.contains(&words[k].lemma.to_lowercase().as_str())
        });
        let after_comma = case.is_none()
            && g > 0
            && words[g - 1].lemma == ","
            && words[g].rel == Rel::Conj
            && words[h].upos == Upos::Noun;
        let with_phrase = dependents(words, g).find(|&k| {
            words[k].rel == Rel::Nmod
                && dependents(words, k).any(|m| {
                    words[m].rel == Rel::Case && words[m].lemma.eq_ignore_ascii_case("with")
                })
        });
        let object = dependents(words, g).find(|&k| {
            k > g
                && matches!(words[k].rel, Rel::Nmod | Rel::NmodUnmarked)
                && !has_dependent(words, k, &[Rel::Case])
        });
        let verb_head = |words: &[Word]| {
            // The verb the conjoined noun's phrase belongs to.
            let mut x = h;
            for _ in 0..n {
                match words[x].head {
                    Some(y) if !matches!(words[x].upos, Upos::Verb | Upos::Aux) => x = y,
                    _ => break,
                }
            }
            matches!(words[x].upos, Upos::Verb | Upos::Aux).then_some(x)
        };
        if let (true, Some(k), Some(w)) = (after_case, case, with_phrase) {
            words[k].rel = Rel::Mark;
            words[g].rel = if matches!(words[h].upos, Upos::Verb | Upos::Aux) {
                Rel::Advcl
            } else {
                Rel::Acl
            };
            words[w].rel = Rel::Obl;
        } else if after_comma && let (Some(o), Some(v)) = (object, verb_head(words)) {
            words[g].head = Some(v);
            words[g].rel = Rel::Advcl;
            words[o].rel = Rel::Obj;
        } else {
            continue;
        }
        words[g].upos = Upos::Verb;
        words[g].xpos = whomet_syntax::Xpos::Vbg;
        words[g].lemma = verb_lemma(&form);
    }
}

/// The verb of a gerund, by the syntax model's lemmatiser: "meeting" -> "meet".
fn verb_lemma(form: &str) -> String {
    let tag = whomet_syntax::Tag {
        upos: Upos::Verb,
        xpos: whomet_syntax::Xpos::Vbg,
    };
    whomet_syntax::Model::bundled().lemmatizer.lemma(form, tag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use whomet_core::Span;
    use whomet_syntax::Xpos;

    /// A tree as the parser gave it: `form UPOS head rel` per word (head 0: the root, else
    /// 1-based as in CoNLL-U); person words end with `*`.
    fn tree(rows: &[&str]) -> (Vec<Word>, Vec<String>, Vec<bool>) {
        let mut words = Vec::new();
        let mut forms = Vec::new();
        let mut persons = Vec::new();
        for row in rows {
            let cols: Vec<&str> = row.split('|').collect();
            let form = cols[0].trim_end_matches('*');
            let head: usize = cols[2].parse().expect("head");
            words.push(Word {
                span: Span { start: 0, end: 0 },
                upos: Upos::parse(cols[1]).expect("upos"),
                xpos: Xpos::Nn,
                lemma: cols.get(4).unwrap_or(&form).to_string(),
                head: head.checked_sub(1),
                rel: Rel::parse(cols[3]).expect("rel"),
            });
            forms.push(form.to_string());
            persons.push(cols[0].ends_with('*'));
        }
        (words, forms, persons)
    }

    /// Each word's head (1-based, 0: root) and relation after the mends.
    fn mended(rows: &[&str]) -> Vec<String> {
        let (mut words, forms, persons) = tree(rows);
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        mend(&mut words, &forms, &persons);
        words
            .iter()
            .map(|w| format!("{}:{}", w.head.map_or(0, |h| h + 1), w.rel))
            .collect()
    }

    #[test]
    fn a_compound_with_a_case_marker_heads_its_phrase() {
        // "The talks will be in Lima next Wednesday between Vellner and Sorensen."
        let out = mended(&[
            "The|DET|2|det",
            "talks|NOUN|8|nsubj",
            "will|AUX|8|aux",
            "be|AUX|8|cop",
            "in|ADP|6|case",
            "Lima|PROPN|8|compound",
            "next|ADJ|8|amod",
            "Wednesday|PROPN|0|root",
            "between|ADP|10|case",
            "Vellner*|PROPN|8|nmod",
            "and|CCONJ|12|cc",
            "Sorensen*|PROPN|10|conj",
        ]);
        assert_eq!(out[5], "0:root");
        assert_eq!(out[7], "6:obl:unmarked");
        assert_eq!(out[9], "6:nmod", "the phrase after Lima goes with it");
    }

    #[test]
    fn a_person_under_an_organisation_heads_the_phrase() {
        // "... was Islamic Jihad secretary-general Nakhala, all of whom met Lopes"
        let out = mended(&[
            "was|AUX|3|cop",
            "Islamic|ADJ|3|amod",
            "Jihad|PROPN|0|root",
            "secretary-general|NOUN|5|compound",
            "Nakhala*|PROPN|3|nmod",
            ",|PUNCT|9|punct|,",
            "all|DET|9|nsubj",
            "whom|PRON|7|nmod",
            "met|VERB|3|acl:relcl",
            "Lopes*|PROPN|9|obj",
        ]);
        assert_eq!(out[4], "0:root");
        assert_eq!(out[2], "5:compound");
        assert_eq!(
            out[8], "5:acl:relcl",
            "the relative clause goes with the person"
        );
        // A comma between: an apposition, not a modifier.
        let kept = mended(&[
            "Jihad|PROPN|0|root",
            ",|PUNCT|3|punct|,",
            "Nakhala*|PROPN|1|nmod",
        ]);
        assert_eq!(kept[2], "1:nmod");
    }

    #[test]
    fn a_relative_clause_read_as_the_main_clause_is_mended() {
        // "James, who attended the ceremony, said it was moving."
        let out = mended(&[
            "James*|PROPN|4|vocative",
            ",|PUNCT|1|punct|,",
            "who|PRON|4|nsubj",
            "attended|VERB|0|root|attend",
            "the|DET|6|det",
            "ceremony|NOUN|4|obj",
            ",|PUNCT|8|punct|,",
            "said|VERB|4|conj|say",
            "it|PRON|10|nsubj",
            "moving|VERB|8|ccomp",
        ]);
        assert_eq!(out[7], "0:root");
        assert_eq!(out[0], "8:nsubj");
        assert_eq!(out[3], "1:acl:relcl");
        // A conjunct with "and" is a second relative verb, not the main clause: the clause
        // (a fragment) hangs on the phrase, its conjunct with it.
        let kept = mended(&[
            "James*|PROPN|4|vocative",
            ",|PUNCT|1|punct|,",
            "who|PRON|4|nsubj",
            "attended|VERB|0|root|attend",
            "and|CCONJ|6|cc",
            "spoke|VERB|4|conj|speak",
        ]);
        assert_eq!(
            (kept[0].as_str(), kept[3].as_str()),
            ("0:root", "1:acl:relcl")
        );
        assert_eq!(kept[5], "4:conj");
    }

    #[test]
    fn a_relative_clause_with_no_main_clause_hangs_on_its_phrase() {
        // "Included was Nakhala, all of whom met Khamenei."
        let out = mended(&[
            "Included|VERB|3|acl|include",
            "was|AUX|3|cop|be",
            "Nakhala*|PROPN|8|vocative",
            ",|PUNCT|3|punct|,",
            "all|DET|8|nsubj",
            "of|ADP|7|case",
            "whom|PRON|5|nmod",
            "met|VERB|0|root|meet",
            "Khamenei*|PROPN|8|obj",
            ".|PUNCT|8|punct|.",
        ]);
        assert_eq!(out[2], "0:root");
        assert_eq!(out[7], "3:acl:relcl");
        assert_eq!(out[9], "3:punct");
    }

    #[test]
    fn a_subject_with_a_case_marker_modifies_the_noun_before_it() {
        // "By meeting with officials, including X and Y, Z seeks support."
        let out = mended(&[
            "By|SCONJ|2|mark",
            "meeting|VERB|10|advcl|meet",
            "with|ADP|4|case",
            "officials|NOUN|2|obl",
            ",|PUNCT|7|punct|,",
            "including|VERB|7|case",
            "X*|PROPN|10|nsubj",
            ",|PUNCT|8|punct|,",
            "Z*|PROPN|10|nsubj",
            "seeks|VERB|0|root",
        ]);
        assert_eq!(out[6], "4:nmod");
        assert_eq!(out[8], "10:nsubj");
    }

    #[test]
    fn an_adjective_read_as_a_case_marker_is_the_predicate() {
        // "Kellerman is due in Moscow on Friday for talks"
        let out = mended(&[
            "Kellerman*|PROPN|5|nsubj",
            "is|AUX|5|cop|be",
            "due|ADJ|5|case",
            "in|ADP|5|case",
            "Moscow|PROPN|0|root",
            "on|ADP|7|case",
            "Friday|PROPN|5|nmod",
            "for|ADP|9|case",
            "talks|NOUN|5|obl|talk",
        ]);
        assert_eq!(out[2], "0:root");
        assert_eq!((out[0].as_str(), out[1].as_str()), ("3:nsubj", "3:cop"));
        assert_eq!((out[3].as_str(), out[4].as_str()), ("5:case", "3:obl"));
        assert_eq!((out[6].as_str(), out[8].as_str()), ("3:obl", "3:obl"));
    }

    #[test]
    fn a_preposition_heading_a_noun_is_its_case_marker() {
        // "during a meeting with the Minister Salim", "with" read as a head
        let out = mended(&[
            "during|ADP|3|case",
            "a|DET|3|det",
            "meeting|NOUN|0|root",
            "with|ADP|3|nmod",
            "the|DET|6|det",
            "Salim*|PROPN|4|goeswith",
        ]);
        assert_eq!((out[3].as_str(), out[5].as_str()), ("6:case", "3:nmod"));
        let out = mended(&[
            "Karimi*|PROPN|2|nsubj",
            "made|VERB|0|root",
            "the|DET|4|det",
            "remarks|NOUN|2|obj",
            "during|ADP|7|case",
            "a|DET|7|det",
            "meeting|NOUN|2|obl",
            "with|ADP|7|nmod",
            "the|DET|8|goeswith",
            "visiting|VERB|9|acl",
            "Salim*|PROPN|10|obj",
            ".|PUNCT|2|punct|.",
        ]);
        // With the participle mend before it: "the visiting Salim" is one phrase first.
        assert_eq!((out[7].as_str(), out[10].as_str()), ("11:case", "7:nmod"));
        assert_eq!((out[8].as_str(), out[9].as_str()), ("11:det", "11:amod"));
    }

    #[test]
    fn a_participle_after_a_determiner_is_an_adjective_of_the_noun() {
        // "received the visiting Minister Salim in Tehran"
        let out = mended(&[
            "Karimi*|PROPN|2|nsubj",
            "received|VERB|0|root|receive",
            "the|DET|2|obj",
            "visiting|VERB|3|acl|visit",
            "Salim*|PROPN|4|obj",
            "in|ADP|7|case",
            "Tehran|PROPN|4|obl",
        ]);
        assert_eq!(out[4], "2:obj");
        assert_eq!((out[2].as_str(), out[3].as_str()), ("5:det", "5:amod"));
        assert_eq!(out[6], "5:obl");
    }

    #[test]
    fn an_infinitive_after_a_predicate_adjective_is_its_complement() {
        // "he is set to meet Salim"
        let out = mended(&[
            "he|PRON|3|nsubj",
            "is|AUX|3|cop|be",
            "set|ADJ|0|root",
            "to|PART|5|mark",
            "meet|VERB|3|advcl",
            "Salim*|PROPN|5|obj",
        ]);
        assert_eq!(out[4], "3:xcomp");
    }

    #[test]
    fn a_hyphenated_verb_before_its_object_is_its_adjective() {
        // "meeting with high-ranking officials"
        let out = mended(&[
            "meeting|VERB|0|root|meet",
            "with|ADP|5|mark",
            "high|ADJ|5|amod",
            "-|PUNCT|3|punct|-",
            "ranking|VERB|1|advcl|rank",
            "officials|NOUN|5|obj",
        ]);
        assert_eq!(out[5], "1:obl");
        assert_eq!((out[1].as_str(), out[4].as_str()), ("6:case", "6:amod"));
    }

    #[test]
    fn a_gerund_read_as_a_noun_is_a_verb() {
        // "had the honour of meeting with Bell"
        let (mut words, forms, persons) = tree(&[
            "Lindqvist*|PROPN|2|nsubj",
            "had|VERB|0|root|have",
            "the|DET|4|det",
            "honour|NOUN|2|obj",
            "of|ADP|6|case",
            "meeting|NOUN|4|nmod",
            "with|ADP|8|case",
            "Bell*|PROPN|6|nmod",
        ]);
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        mend(&mut words, &forms, &persons);
        assert_eq!(
            (words[5].upos, words[5].rel, words[5].lemma.as_str()),
            (Upos::Verb, Rel::Acl, "meet")
        );
        assert_eq!((words[4].rel, words[7].rel), (Rel::Mark, Rel::Obl));
        // "made a visit, meeting key figures": an advcl of the verb, the noun its object.
        let out = mended(&[
            "Haniyeh*|PROPN|2|nsubj",
            "made|VERB|0|root|make",
            "a|DET|4|det",
            "visit|NOUN|2|obj",
            ",|PUNCT|6|punct|,",
            "meeting|NOUN|4|conj",
            "key|ADJ|8|amod",
            "figures|NOUN|6|nmod",
        ]);
        assert_eq!((out[5].as_str(), out[7].as_str()), ("2:advcl", "6:obj"));
        // "a meeting with Bell" keeps its noun.
        let kept = mended(&[
            "held|VERB|0|root|hold",
            "a|DET|3|det",
            "meeting|NOUN|1|obj",
            "with|ADP|5|case",
            "Bell*|PROPN|3|nmod",
        ]);
        assert_eq!(kept[2], "1:obj");
    }

    #[test]
    fn gerunds_give_their_verbs() {
        assert_eq!(verb_lemma("meeting"), "meet");
        assert_eq!(verb_lemma("hosting"), "host");
        assert_eq!(verb_lemma("receiving"), "receive");
    }
}
