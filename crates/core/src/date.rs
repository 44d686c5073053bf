use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date known to the year, the month or the day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
/// Orders by year, then month, then day, an unknown part sorting first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month 1..=12, when known.
    pub month: Option<u8>,
    /// Day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date.
    pub fn from_naive(d: chrono::NaiveDate) -> PartialDate {
        use chrono::Datelike;
        PartialDate {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year_s = parts.next()?;
        if year_s.len() != 4 || !year_s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_s.parse().ok()?;
        let num = |p: Option<&str>| -> Option<Option<u8>> {
            match p {
                None => Some(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Some(Some(p.parse().ok()?))
                }
                Some(_) => None,
            }
        };
        let month = num(parts.next())?;
        let day = num(parts.next())?;
        if parts.next().is_some() || (day.is_some() && month.is_none()) {
            return None;
        }
        let d = PartialDate { year, month, day };
        d.is_valid().then_some(d)
    }

    fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, _) => true,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => {
                chrono::NaiveDate::from_ymd_opt(self.year, m.into(), d.into()).is_some()
            }
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a YYYY[-MM[-DD]] date: {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip() {
        for s in ["1987", "1987-03", "2024-02-29"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        for s in ["87", "1987-13", "2023-02-29", "1987-3", "1987-03-01-01", ""] {
            assert_eq!(PartialDate::parse(s), None, "{s}");
        }
    }

    #[test]
    fn orders_coarse_before_fine() {
        let a = PartialDate::parse("1987-03").unwrap();
        let b = PartialDate::parse("1987-03-01").unwrap();
        assert!(a < b);
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"1987-03-01\"");
    }
}
