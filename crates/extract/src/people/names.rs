//! Name finding: the title, role and name parts of a chain, and the evidence that it names a
//! person.

use super::chains::{Sentence, TitleTail, is_given};
use super::things;
use super::{Candidate, is_acronym, is_honorific_only, is_numeral, is_particle, strip_possessive};
use crate::finder::Tag;
use crate::lexicon::{lexicon, with_lowercase};
use whomet_core::{Span, fold_space};

pub(super) fn classify(
    sentence: &Sentence<'_, '_>,
    words: &[usize],
    possessive: bool,
    tail: Option<TitleTail>,
    out: &mut Vec<Candidate>,
) {
    let Sentence {
        text,
        toks,
        tags,
        si,
        first_word,
        ..
    } = *sentence;
    let lex = lexicon();
    let word_text = |k: usize| strip_possessive(toks[words[k]].text).0;
    // Title split: the last title word with name words after it.
    let n = words.len();
    let mut name_from = 0;
    let mut royal = None;
    for k in 0..n.saturating_sub(1) {
        let w = word_text(k);
        if is_particle(w) {
            break;
        }
        // Initials as a given name after a title: "Councilwoman YT Bell".
        let initials = k > 0
            && k + 2 == n
            && w.len() <= 3
            && is_acronym(w)
            && lex.is_head_title(word_text(k - 1));
        // "Trade Minister German Gref": a nationality that is a given name, before a surname.
        let given_after_title = k > 0
            && k + 2 == n
            && lex.is_head_title(word_text(k - 1))
            && !lex.is_title(w)
            && is_given(w);
        // A middle initial ("Brent A. Robinson") is no function word.
        let middle_initial = k > 0 && w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        // An honorific borne in the name is a title only before the name: "Hossein Ali Haji
        // Deligani" keeps its "Haji".
        let inner_lineage = name_from < k && with_lowercase(w, |lw| lex.lineage.contains(lw));
        if !initials
            && !middle_initial
            && !inner_lineage
            && !given_after_title
            && (lex.is_title(w) || lex.is_non_name(w) || is_acronym(w) || is_age(w))
        {
            name_from = k + 1;
            royal = with_lowercase(w, |lw| lex.royal.contains(lw)).then_some(k);
        }
    }
    // Leading non-name words (nationality, place) before the name part; but a nationality word
    // that is also a given name, between a title and a surname, is the given name ("Trade
    // Minister German Gref").
    while name_from < n - 1 && lex.is_non_name(word_text(name_from)) {
        let given_after_title = name_from + 2 == n
            && name_from > 0
            && lex.is_head_title(word_text(name_from - 1))
            && is_given(word_text(name_from));
        if given_after_title {
            break;
        }
        name_from += 1;
    }
    // A prepositional title before the name ("Vice Chancellor of Austria Heinz-Christian
    // Strache"): the name starts where the title grammar says.
    let tail_from = tail.and_then(|t| words.iter().position(|&k| k == t.name));
    if let Some(k) = tail_from {
        name_from = k;
        royal = None;
    }
    // "The Velvet Underground" inside a sentence names a thing, not a person; "The Turkish
    // Interior Minister Suleiman Soylu" names a person.
    let sentence_initial = words[0] <= first_word;
    // A sentence-initial adjective glued to a name: "Nonpartisan Paul Tse".
    if sentence_initial
        && tail_from.is_none()
        && name_from == 0
        && n >= 3
        && with_lowercase(word_text(0), |w| {
            lex.common.contains(w) && !lex.given.contains(w)
        })
    {
        name_from = 1;
    }
    // An organisation or event noun inside the chain names what follows ("Under Operation Warp
    // Speed", "Convention Centre"): no person when only common words follow ("Food and Drug
    // Administration Mahnaz Khanavi" is one).
    let org_before = name_from >= 2 && {
        let w = word_text(name_from - 1);
        with_lowercase(w, |lw| {
            lex.stop.contains(lw)
                && !lex.places.contains(lw)
                && !lex.demonyms.contains(lw)
                && !lw.ends_with("day")
        }) && !lex.is_title(w)
            && crate::month_number(w).is_none()
    };
    if org_before
        && !is_given(word_text(name_from))
        && (name_from..n).all(|k| with_lowercase(word_text(k), |w| lex.common.contains(w)))
    {
        return;
    }
    if quoted_work(toks, words)
        || beside_ampersand(toks, words)
        || things::firm_partner(toks, words)
        || things::town_of_place(toks, words)
    {
        return;
    }
    let name_idx = &words[name_from..];
    let role_words: Vec<&str> = (0..name_from)
        .map(word_text)
        .filter(|w| lex.is_title(w))
        .collect();
    let prefix_title = role_words
        .iter()
        .any(|w| lex.is_head_title(w) && !is_honorific_only(w));
    // Lower-case title word just before the chain ("economy minister Juan Sourrouille").
    let before = words[0]
        .checked_sub(2)
        .filter(|&b| toks[b + 1].is_space())
        .map(|b| toks[b].text);
    // Or a lower-case occupation: "fashion designer Halston".
    let lower_title = before.is_some_and(|b| {
        b.chars().next().is_some_and(char::is_lowercase)
            && (lex.is_head_title(b) || lex.occupations.contains(b))
            && !is_particle(b)
    });
    let titled =
        role_words.iter().any(|w| lex.is_head_title(w)) || lower_title || tail_from.is_some();
    // A thing's noun next to the chain: "daily Fraternite Matin", "Yomiuri Shimbun daily".
    if things::thing_noun_beside(toks, words, lex.is_head_title(word_text(0))) {
        return;
    }

    let titled_before = name_from > 0 && lex.is_head_title(word_text(name_from - 1));
    // Reject names made of organisation, place or time words.
    let name_words: Vec<&str> = name_idx
        .iter()
        .map(|&k| strip_possessive(toks[k].text).0)
        .collect();
    let content: Vec<&str> = name_words
        .iter()
        .copied()
        .filter(|w| !is_particle(w))
        .collect();
    if content.is_empty()
        || content
            .iter()
            .any(|w| w.ends_with("s'") || w.ends_with("s\u{2019}"))
        || name_words.iter().enumerate().any(|(k, w)| {
            let after_particle = k > 0 && is_particle(name_words[k - 1]);
            // "Theresa May", "Karol Virginia Mason", "Trade Minister German Gref": a word that
            // is also a given name, after (or as) a given name.
            let given_too = is_given(name_words[0])
                && is_given(w)
                && !lex.is_title(w)
                && (lex.is_place(w)
                    || with_lowercase(w, |w| lex.demonyms.contains(w))
                    || crate::month_number(w).is_some_and(|_| w.len() >= 3))
                && (k > 0 || name_words.len() == 2);
            let initials = k == 0 && name_words.len() == 2 && w.len() <= 3 && titled_before;
            let middle_initial =
                k > 0 && w.chars().count() == 1 && w.chars().all(char::is_uppercase);
            // "Mayor Carla Paris", "Senator Lucy Major", "Councillor Ben French": after a
            // title and a given name, a surname that is also a place, title or nationality (not
            // a title's modifier: "Imam Reza Health and Treatment Base").
            let surname_after_title = titled_before
                && k > 0
                && k + 1 == name_words.len()
                && is_given(name_words[0])
                && with_lowercase(w, |w| !lex.stop.contains(w) && !lex.modifiers.contains(w));
            let inner_lineage = k > 0 && with_lowercase(w, |lw| lex.lineage.contains(lw));
            let excused = is_particle(w)
                || after_particle
                || inner_lineage
                || given_too
                || surname_after_title
                || initials && is_acronym(w)
                || middle_initial;
            !excused && (lex.is_non_name(w) || lex.is_title(w) || (is_acronym(w) && w.len() > 1))
        })
        // Persian ezafe compounds name places: "Dasht-e Lut", "Shah-e Cheragh".
        || name_words.iter().any(|w| w.ends_with("-e") || w.contains("-e-"))
        // A capitalised part of a hyphenated word that is a place or organisation word:
        // "Agence France-Presse", "Israel-Hamas".
        || name_words.iter().any(|w| {
            w.contains('-')
                && w.split('-').any(|part| {
                    part.chars().next().is_some_and(char::is_uppercase)
                        && (lex.is_non_name(part) || is_acronym(part))
                        // "Heinz-Christian": a given name that is no place.
                        && (lex.is_place(part) || !is_given(part))
                })
        })
        || match name_words.as_slice() {
            [w] => lex.is_place(w),
            ws => lex.is_place(&ws.join(" ")),
        }
    {
        return;
    }
    // The name finder's word: every name word tagged a name (the first one `B`), or none.
    let model_yes = tags.get(name_idx[0]).is_some_and(|t| t.tag == Tag::B)
        && name_idx[1..]
            .iter()
            .all(|&k| tags.get(k).is_some_and(|t| t.tag == Tag::I));
    // A name that opens with an unknown word ("Rustyn Stoops") may end in a plural noun.
    let unknown_first = !lex.is_non_name(name_words[0])
        && !with_lowercase(name_words[0], |w| lex.common.contains(w));
    if things::thing_head(&name_words, titled_before, model_yes || unknown_first)
        || things::numbered_thing(&name_words, titled)
    {
        return;
    }
    let personal = model_yes
        || is_given(name_words[0])
        || name_words
            .iter()
            .all(|w| with_lowercase(w, |w| !lex.common.contains(w)));
    if things::after_article(toks, words)
        && !things::modifier_name(toks, words, personal)
        && tail_from.is_none()
        && !(0..name_from).any(|k| lex.is_head_title(word_text(k)))
    {
        return;
    }
    let (first, last, words_n) = (content[0], content[content.len() - 1], content.len());
    // Words of the name without a numeral or suffix ("Pius XII", "Solomon Oliver Jr").
    let bare_n = content.iter().filter(|w| !is_numeral(w)).count();
    let mut span = Span::new(
        toks[name_idx[0]].span.start,
        toks[*name_idx.last().expect("non-empty")].span.start
            + strip_possessive(toks[*name_idx.last().expect("non-empty")].text)
                .0
                .len(),
    );
    let mut after_idx = words.last().expect("non-empty") + 1;
    let name_end = span.end;
    // A suffix after a comma belongs to the name: "Solomon Oliver, Jr.".
    if !possessive && bare_n >= 2 {
        let mut solid = toks[after_idx..]
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_space());
        if let (Some((_, c)), Some((j, sfx))) = (solid.next(), solid.next())
            && c.text == ","
            && matches!(sfx.text, "Jr" | "Sr" | "Jr." | "Sr.")
        {
            let mut k = after_idx + j;
            span.end = toks[k].span.end;
            if toks.get(k + 1).is_some_and(|t| t.text == ".") {
                k += 1;
                span.end = toks[k].span.end;
            }
            after_idx = k + 1;
        }
    }
    let name = fold_space(span.of(text));
    // The name without its suffix, an alias.
    let plain = (span.end > name_end).then(|| fold_space(Span::new(span.start, name_end).of(text)));

    // Evidence after the chain.
    // Markdown emphasis ("**Addison**, age 14") is no word.
    let mut rest = toks[after_idx..]
        .iter()
        .filter(|t| !t.is_space() && !matches!(t.text, "*" | "_"));
    let next = rest.next();
    let appositive = !possessive
        && next.is_some_and(|t| t.text == ",")
        && rest.next().is_some_and(|t| {
            with_lowercase(t.text, |w| {
                matches!(w, "the" | "a" | "an" | "who" | "whose" | "former")
                    || lex.is_title(w)
                    || lex.demonyms.contains(w)
            })
        });
    let said = next.is_some_and(|t| {
        matches!(
            t.text,
            "said" | "says" | "told" | "added" | "warned" | "stated" | "spoke" | "replied"
        )
    });
    let credit_after =
        next.is_some_and(|t| t.text == "/") && toks.get(after_idx).is_some_and(|t| t.text == "/");
    let credit_before = words[0] >= 2
        && toks[words[0] - 1].text == "/"
        && matches!(toks[words[0] - 2].text, "Photo" | "photo" | "Photos");
    let credit_label = words[0] >= 3
        && toks[words[0] - 2].text == ":"
        && toks[words[0] - 3].text.eq_ignore_ascii_case("credit");
    let credit = (credit_after || credit_before || credit_label) && words_n >= 2;
    let common = |w: &str| with_lowercase(w, |w| lex.common.contains(w));
    let given = with_lowercase(first, |w| lex.given.contains(w));
    // A romanised East Asian given name ("Lee Cheuk-yan", "Kim Jong-un") after a surname.
    let romanised = words_n == 2 && is_romanised_given(last);
    // After a common surname of the world lists ("Wong", "Lee"), such a given name is evidence
    // the name finder does not overrule: it saw few of them.
    let east_asian = romanised && with_lowercase(first, |w| lex.world_surnames.contains(w));
    // A two-letter word is no evidence of common English ("Xi Jinping", "Wu Qian").
    let rare = content.iter().all(|w| !common(w) || w.len() <= 2) || romanised;
    // A given name that is also a common word ("Star", "Angel") needs an uncommon surname.
    let given_evidence = given && (!common(first) || !common(last));
    let model_no = name_idx
        .iter()
        .all(|&k| tags.get(k).is_none_or(|t| t.margin < -MODEL_NO));
    // After "in", "at" or "near" a chain is most often a place: the finder must say it is a name.
    let located = !titled && !possessive && things::after_place_preposition(toks, words);
    let strong = titled
        || credit
        || east_asian && !located
        || (words_n >= 2
            && (model_yes
                || (given_evidence || appositive || said || rare) && !model_no && !located));
    let royal_name = royal
        .filter(|_| bare_n == 1)
        .map(|k| fold_space(Span::new(toks[words[k]].span.start, span.end).of(text)));
    let sex = role_words
        .iter()
        .rev()
        .find_map(|w| with_lowercase(w.trim_end_matches('.'), |w| lex.title_sex.get(w).copied()));
    let honored = name_from
        .checked_sub(1)
        .filter(|&k| with_lowercase(word_text(k), |w| lex.lineage.contains(w)))
        .map(|k| fold_space(Span::new(toks[words[k]].span.start, span.end).of(text)));
    let given_ref = words_n == 1
        && role_words.iter().any(|w| {
            with_lowercase(w, |w| {
                matches!(
                    w,
                    "sir"
                        | "dame"
                        | "lady"
                        | "prince"
                        | "princess"
                        | "sheikh"
                        | "sheikha"
                        | "king"
                        | "queen"
                        | "emir"
                        | "crown"
                ) || lex.lineage.contains(w)
            })
        });
    // The title's words: from the first title or nationality word to the name.
    let role_from = (0..name_from)
        .find(|&k| {
            let w = word_text(k);
            lex.is_title(w) || with_lowercase(w, |w| lex.demonyms.contains(w))
        })
        .unwrap_or(name_from);
    let mut title = (role_from < name_from).then(|| {
        Span::new(
            toks[words[role_from]].span.start,
            toks[words[name_from - 1]].span.end,
        )
    });
    let role = prefix_title.then(|| {
        (role_from..name_from)
            .map(word_text)
            .collect::<Vec<_>>()
            .join(" ")
    });
    let role = role.or_else(|| {
        lower_title
            .then(|| before.map(str::to_string))
            .flatten()
            .filter(|b| !is_honorific_only(b))
    });
    if lower_title && title.is_none() {
        title = Some(toks[words[0] - 2].span);
    }
    // A prepositional title is the role as written.
    let (role, title) = match tail.filter(|_| tail_from.is_some()) {
        Some(t) => (
            Some(fold_space(t.title.of(text).trim_end_matches([',', ' ']))),
            Some(t.title),
        ),
        None => (role, title),
    };
    // "King Fahd of Saudi Arabia": the country belongs to the role.
    let of_place = next.is_some_and(|t| t.text == "of").then(|| {
        let after: Vec<&str> = toks[after_idx..]
            .iter()
            .filter(|t| !t.is_space())
            .take(4)
            .map(|t| t.text)
            .collect();
        (1..after.len().min(4))
            .rev()
            .map(|n| after[1..=n].join(" "))
            .find(|p| lex.is_place(p))
    });
    let of_place = of_place.flatten();
    let role = match (role, of_place) {
        (Some(r), Some(p)) => Some(format!("{r} of {p}")),
        (r, _) => r,
    };
    let after_the = words[0] >= 2 && toks[words[0] - 2].text.eq_ignore_ascii_case("the");
    // "Shana reported": an outlet.
    let reports = next.is_some_and(|t| matches!(t.text, "reported" | "reports" | "quoted"));
    let lone_word = words_n == 1
        && !sentence_initial
        && !after_the
        && !located
        && !reports
        && !model_no
        && !with_lowercase(first, |w| lex.common.contains(w));
    let lone_given = lone_word && given;
    let speaker = lone_word && said && model_yes && !lex.is_place(first);
    // The person that opens a list entry ("-   **Addison**, age 14, ...", "Bo Dunmore,
    // Director, Vell Fund"): a name, a comma, then what they are.
    let entry_head = sentence.entry
        && words[0] <= first_word + 4
        && toks[..words[0]]
            .iter()
            .all(|t| !t.is_word() || lex.is_title(t.text))
        && next.is_some_and(|t| t.text == ",")
        && !possessive;
    let aged = next.is_some_and(|t| t.text == ",")
        && toks[after_idx..]
            .iter()
            .filter(|t| !t.is_space() && !matches!(t.text, "*" | "_"))
            .nth(1)
            .is_some_and(|t| {
                matches!(t.text, "age" | "aged") || t.text.bytes().all(|b| b.is_ascii_digit())
            });
    let lone_given = lone_given || (words_n == 1 && (given || aged) && entry_head && !model_no);
    let strong = strong || (words_n >= 2 && (entry_head || aged) && !model_no);
    out.push(Candidate {
        sentence: si,
        span,
        title,
        plain,
        name,
        royal_name,
        honored,
        sex,
        role: role.filter(|r| !r.is_empty()),
        titled,
        strong,
        given_ref,
        credit,
        lone_given,
        lone_word,
        speaker,
        romanised,
        chain: Span::new(toks[words[0]].span.start, span.end),
        listable: words_n >= 2,
        words: words_n,
    });
}

/// How far below 0 the name finder's margin must be on every word of an untitled chain to
/// overrule the rules' weaker evidence (a given name, rare words).
const MODEL_NO: f32 = 12.0;

/// An age or a description before a name: "Fifteen-year-old Magomed", "Pan-democrat Gary
/// Fan" (a hyphenated word ending in a common lower-case word).
fn is_age(w: &str) -> bool {
    let lex = lexicon();
    with_lowercase(w, |l| l.ends_with("-year-old") || l.ends_with("-years-old"))
        || w.rsplit_once('-').is_some_and(|(_, part)| {
            part.len() >= 4 && part.chars().all(char::is_lowercase) && lex.common.contains(part)
        })
}

/// `Cheuk-yan`, `Jong-un`, `Joo-Ho`, `Kwok-kin`: two short syllables joined by a hyphen, the
/// first capitalised, not both common words.
fn is_romanised_given(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let syllable =
        |s: &str| (1..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic());
    syllable(a)
        && syllable(b)
        && a.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && a.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && b.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && !(with_lowercase(a, |a| lexicon().common.contains(a))
            && with_lowercase(b, |b| lexicon().common.contains(b)))
}

/// The whole of a quotation, in title case: the title of a work (the painting "Madonna Litta",
/// "Venus of Urbino"), no person.
fn quoted_work(toks: &[crate::segment::Token<'_>], words: &[usize]) -> bool {
    let opens = |t: &str| matches!(t, "\u{201c}" | "\"" | "\u{ab}");
    let closes = |t: &str| matches!(t, "\u{201d}" | "\"" | "\u{bb}");
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    let before = toks[..first].iter().rev().find(|t| !t.is_space());
    if !before.is_some_and(|t| opens(t.text)) {
        return false;
    }
    // Up to the closing mark: title-case words and the small words of titles.
    for t in toks[last + 1..].iter().filter(|t| !t.is_space()).take(6) {
        if closes(t.text) {
            return true;
        }
        let small = matches!(
            t.text,
            "of" | "the" | "and" | "de" | "di" | "da" | "in" | "at"
        );
        if !(small || t.is_capitalized()) {
            return false;
        }
    }
    false
}

/// A firm's partners ("Lawrence & Bundy", "Marks & Spencer"): a chain beside an ampersand.
fn beside_ampersand(toks: &[crate::segment::Token<'_>], words: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    let before = toks[..first].iter().rev().find(|t| !t.is_space());
    let after = toks[last + 1..].iter().find(|t| !t.is_space());
    before.is_some_and(|t| t.text == "&") || after.is_some_and(|t| t.text == "&")
}
