//! Date of an event, resolved against the document date and the event's tense.

use crate::text::LowerWords;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use whomet_core::Event;
use whomet_core::{Document, EdgeKind, PartialDate};
use whomet_extract::Extraction;
use whomet_extract::month_number;
use whomet_extract::segment::Token;

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

fn day(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(|c: char| c.is_alphabetic());
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

/// The first date expression of the sentence, resolved against the document date in the
/// event's direction (past for MET and CONTACT, future for PLANNED). A lead sentence's dateline
/// ("ABIDJAN, June 29 -") is the report's date, not the event's, and is skipped.
pub fn resolve(
    doc: &Document,
    toks: &[Token<'_>],
    lower: &[&str],
    kind: EdgeKind,
    lead: bool,
) -> Option<PartialDate> {
    let future = kind == EdgeKind::Planned;
    let base = doc.date;
    // "ABIDJAN, June 29 - ...": an upper-case place, a comma, then the dateline's date.
    let dateline = toks
        .first()
        .is_some_and(|t| t.text.len() > 1 && !t.text.chars().any(char::is_lowercase))
        && lower.iter().take(4).any(|w| *w == ",");
    let from = if dateline {
        lower
            .iter()
            .take(10)
            .position(|w| matches!(*w, "-" | "\u{2013}" | "\u{2014}"))
            .map_or(0, |p| p + 1)
    } else {
        0
    };
    for i in from..lower.len() {
        let w = lower[i];
        let next = lower.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| lower[p]);
        // Month names must be capitalised ("may" is a verb).
        if toks[i].is_capitalized()
            && let Some(m) = month_number(w)
        {
            if let Some(d) = next.and_then(day) {
                let y = lower.get(i + 2).and_then(|w| year(w)).or_else(|| {
                    lower
                        .get(i + 3)
                        .filter(|_| lower[i + 2] == ",")
                        .and_then(|w| year(w))
                });
                let y = y.or_else(|| base.map(|b| infer_year(b, m, d, future)));
                if let Some(date) = y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)) {
                    return Some(PartialDate::from_naive(date));
                }
            }
            let y = next
                .and_then(year)
                .or_else(|| base.map(|b| infer_year(b, m, 1, future)));
            if let Some(y) = y {
                return Some(PartialDate {
                    year: y,
                    month: Some(m as u8),
                    day: None,
                });
            }
            continue;
        }
        if let Some(b) = base {
            if let Some(wd) = weekday(w) {
                return Some(PartialDate::from_naive(weekday_date(b, wd, future)));
            }
            let shift = match (prev, w) {
                (_, "yesterday") | (Some("last"), "night") => Some(-1),
                (_, "today" | "tonight") | (Some("this"), "morning" | "afternoon" | "evening") => {
                    Some(0)
                }
                (_, "tomorrow") => Some(1),
                (_, "weekend") => Some(
                    weekday_date(b, Weekday::Sat, future)
                        .signed_duration_since(b)
                        .num_days(),
                ),
                _ => None,
            };
            if let Some(s) = shift {
                return Some(PartialDate::from_naive(b + Duration::days(s)));
            }
            // "recently", "this month", "last week": the month of the report.
            if matches!(
                (prev, w),
                (_, "recently") | (Some("this"), "month") | (Some("last" | "this"), "week")
            ) {
                let d = if w == "week" && prev == Some("last") {
                    b - Duration::days(7)
                } else {
                    b
                };
                return Some(PartialDate {
                    year: d.year(),
                    month: Some(d.month() as u8),
                    day: None,
                });
            }
        }
        if matches!(prev, Some("in" | "since" | "of"))
            && let Some(y) = year(w)
        {
            return Some(PartialDate {
                year: y,
                month: None,
                day: None,
            });
        }
    }
    if lead && kind != EdgeKind::Planned {
        return base.map(PartialDate::from_naive);
    }
    None
}

/// The year of month `m` day `d` nearest the document date in the event's direction.
fn infer_year(base: NaiveDate, m: u32, d: u32, future: bool) -> i32 {
    let y = base.year();
    let this = NaiveDate::from_ymd_opt(y, m, d.min(28)).unwrap_or(base);
    if future && this < base - Duration::days(31) {
        y + 1
    } else if !future && this > base + Duration::days(1) {
        y - 1
    } else {
        y
    }
}

/// A past event's weekday is the latest on or before the document date; a future one's the
/// first after it.
fn weekday_date(base: NaiveDate, wd: Weekday, future: bool) -> NaiveDate {
    let from = base.weekday().num_days_from_monday() as i64;
    let to = wd.num_days_from_monday() as i64;
    if future {
        let ahead = (to - from).rem_euclid(7);
        base + Duration::days(if ahead == 0 { 7 } else { ahead })
    } else {
        base - Duration::days((from - to).rem_euclid(7))
    }
}

/// The date of an event whose sentence gives none: that of the last event of the article
/// sharing a participant (narratives keep their time), else a date in the sentence before, else,
/// for a MET in a dated report, the report's date.
pub fn context_date(
    doc: &Document,
    ex: &Extraction,
    si: usize,
    event: &Event,
    events: &[Event],
    prev_cache: &mut [Option<Option<whomet_core::PartialDate>>; 2],
) -> Option<whomet_core::PartialDate> {
    let shares = |e: &Event| {
        e.participants
            .iter()
            .any(|p| event.participants.iter().any(|q| q.person == p.person))
    };
    // The last few events only: narratives refer back a short way.
    if let Some(d) = events
        .iter()
        .rev()
        .take(8)
        .filter(|e| shares(e))
        .find_map(|e| e.date)
    {
        return Some(d);
    }
    let future = usize::from(event.kind == whomet_core::EdgeKind::Planned);
    let before = *prev_cache[future].get_or_insert_with(|| {
        let prev = si.checked_sub(1)?;
        let toks: Vec<Token<'_>> = ex.segments.non_space(&doc.text, prev).collect();
        let mut lower_buf = LowerWords::default();
        let lower = lower_buf.of(&toks);
        let about_a_meeting = lower.iter().any(|w| {
            matches!(
                *w,
                "meeting" | "meetings" | "talks" | "visit" | "met" | "summit"
            )
        });
        about_a_meeting
            .then(|| resolve(doc, &toks, &lower, event.kind, false))
            .flatten()
    });
    before.or_else(|| {
        (event.kind == whomet_core::EdgeKind::Met)
            .then(|| doc.date.map(whomet_core::PartialDate::from_naive))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_follow_the_tense() {
        let fri = NaiveDate::from_ymd_opt(1987, 3, 13).unwrap();
        assert_eq!(
            weekday_date(fri, Weekday::Wed, false).to_string(),
            "1987-03-11"
        );
        assert_eq!(
            weekday_date(fri, Weekday::Fri, false).to_string(),
            "1987-03-13"
        );
        assert_eq!(
            weekday_date(fri, Weekday::Wed, true).to_string(),
            "1987-03-18"
        );
        assert_eq!(infer_year(fri, 12, 20, false), 1986);
        assert_eq!(infer_year(fri, 1, 5, true), 1988);
    }
}
