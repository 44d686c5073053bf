//! Time sets for Gephi: the days an edge's evidence covers.

use whomet_core::PartialDate;
use whomet_graph::{EdgeData, Graph};

/// A closed range of days, `start..=end`, each `(year, month, day)`.
pub(crate) type Span = ((i32, u8, u8), (i32, u8, u8));

/// The days of a partial date: one day, a whole month, or a whole year.
pub(crate) fn period(d: PartialDate) -> Span {
    match (d.month, d.day) {
        (Some(m), Some(day)) => ((d.year, m, day), (d.year, m, day)),
        (Some(m), None) => ((d.year, m, 1), (d.year, m, days_in_month(d.year, m))),
        _ => ((d.year, 1, 1), (d.year, 12, 31)),
    }
}

/// The periods of the edge's dated evidence, sorted, with overlapping periods merged (Gephi
/// rejects overlapping intervals in one time set). Empty when no evidence has a date.
pub(crate) fn spells(graph: &Graph, e: &EdgeData) -> Vec<Span> {
    let mut periods: Vec<Span> = graph.dates(e).flatten().map(period).collect();
    periods.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(periods.len());
    for (start, end) in periods {
        match out.last_mut() {
            Some((_, last_end)) if start <= *last_end => *last_end = (*last_end).max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// `YYYY-MM-DD`.
pub(crate) fn day((y, m, d): (i32, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (String, String) {
        let (a, b) = period(PartialDate::parse(s).unwrap());
        (day(a), day(b))
    }

    #[test]
    fn periods_span_the_precision_of_the_date() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(p("2024-03-26"), s("2024-03-26", "2024-03-26"));
        assert_eq!(p("2024-02"), s("2024-02-01", "2024-02-29"));
        assert_eq!(p("2023-02"), s("2023-02-01", "2023-02-28"));
        assert_eq!(p("1900-02"), s("1900-02-01", "1900-02-28"));
        assert_eq!(p("2000-02"), s("2000-02-01", "2000-02-29"));
        assert_eq!(p("2024-04"), s("2024-04-01", "2024-04-30"));
        assert_eq!(p("2024"), s("2024-01-01", "2024-12-31"));
    }
}
