//! Dates as the sources write them ("March 2017", "13 July 2018", "10 to 11 December 2018",
//! "from 2022, every four years") and as users type them (`2018`, `2018-12`, `2018-12-10`,
//! `July 2018`), read as the span of days they name: for ordering and filtering, never shown.

use std::fmt;

/// One day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// The days a date names: one day, a month, a year, or a run of days ("10 to 11 December").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: Day,
    pub last: Day,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_of(word: &str) -> Option<u8> {
    let word = word.to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let i = MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(&word)))?;
    u8::try_from(i + 1).ok()
}

impl Span {
    /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date in words with a four-digit year; `None`
    /// for anything else, and for days that do not exist.
    pub fn parse(text: &str) -> Option<Span> {
        let text = text.trim();
        if text.chars().all(|c| c.is_ascii_digit() || c == '-') {
            Span::parse_iso(text)
        } else {
            Span::parse_words(text)
        }
    }

    fn parse_iso(text: &str) -> Option<Span> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| {
            (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse::<u16>().ok())
                .flatten()
        };
        let year = number(parts.first()?, 4)?;
        let month = match parts.get(1) {
            Some(m) => Some(u8::try_from(number(m, 2)?).ok()?),
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) => Some(u8::try_from(number(d, 2)?).ok()?),
            None => None,
        };
        if parts.len() > 3 {
            return None;
        }
        Span::of(year, month, day.map(|d| (d, d)))
    }

    fn parse_words(text: &str) -> Option<Span> {
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let year = words
            .iter()
            .find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))?
            .parse::<u16>()
            .ok()?;
        let month_at = words.iter().position(|w| month_of(w).is_some());
        let month = month_at.and_then(|i| month_of(words[i]));
        // Days stand before their month: "10 to 11 December".
        let days: Vec<u8> = month_at
            .map(|i| &words[..i])
            .unwrap_or_default()
            .iter()
            .filter(|w| w.len() <= 2)
            .filter_map(|w| w.parse::<u8>().ok())
            .collect();
        let days = match (days.first(), days.last()) {
            (Some(&first), Some(&last)) if month.is_some() => Some((first, last)),
            _ => None,
        };
        Span::of(year, month, days)
    }

    fn of(year: u16, month: Option<u8>, days: Option<(u8, u8)>) -> Option<Span> {
        let (first_month, last_month) = match month {
            Some(m) if (1..=12).contains(&m) => (m, m),
            Some(_) => return None,
            None => (1, 12),
        };
        let (first_day, last_day) = match days {
            Some((first, last)) => {
                if first == 0 || first > last || last > days_in(year, first_month) {
                    return None;
                }
                (first, last)
            }
            None => (1, days_in(year, last_month)),
        };
        Some(Span {
            first: Day {
                year,
                month: first_month,
                day: first_day,
            },
            last: Day {
                year,
                month: last_month,
                day: last_day,
            },
        })
    }

    /// The days from the start of `from` to the end of `to`, either open.
    pub fn between(from: Option<Span>, to: Option<Span>) -> Span {
        let open = |year, month, day| Day { year, month, day };
        Span {
            first: from.map_or(open(0, 1, 1), |from| from.first),
            last: to.map_or(open(u16::MAX, 12, 31), |to| to.last),
        }
    }

    /// Whether the two spans share a day.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> (String, String) {
        let s = Span::parse(text).unwrap_or_else(|| panic!("{text} is a date"));
        (s.first.to_string(), s.last.to_string())
    }

    #[test]
    fn dates_as_the_sources_write_them() {
        assert_eq!(
            span("March 2017"),
            ("2017-03-01".into(), "2017-03-31".into())
        );
        assert_eq!(
            span("13 July 2018"),
            ("2018-07-13".into(), "2018-07-13".into())
        );
        assert_eq!(
            span("10 to 11 December 2018"),
            ("2018-12-10".into(), "2018-12-11".into())
        );
        assert_eq!(
            span("21 July 2021 (online launch)"),
            ("2021-07-21".into(), "2021-07-21".into())
        );
        assert_eq!(
            span("from 2022, every four years"),
            ("2022-01-01".into(), "2022-12-31".into())
        );
    }

    #[test]
    fn dates_as_users_type_them() {
        assert_eq!(span("2018"), ("2018-01-01".into(), "2018-12-31".into()));
        assert_eq!(span("2020-02"), ("2020-02-01".into(), "2020-02-29".into()));
        assert_eq!(
            span("2018-12-10"),
            ("2018-12-10".into(), "2018-12-10".into())
        );
        assert_eq!(span("Dec 2018"), ("2018-12-01".into(), "2018-12-31".into()));
        for bad in [
            "",
            "18",
            "2018-13",
            "2018-02-30",
            "last year",
            "2018-1",
            "31 February 2019",
        ] {
            assert_eq!(Span::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn spans_overlap_when_they_share_a_day() {
        let year = Span::parse("2018").expect("a year");
        let december = Span::parse("December 2018").expect("a month");
        let next = Span::parse("2019-01-01").expect("a day");
        assert!(year.overlaps(&december) && december.overlaps(&year));
        assert!(!december.overlaps(&next));
    }
}
