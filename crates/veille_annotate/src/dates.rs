//! Date mentions, resolved against the publication date (CODEBOOK.md §5).
//!
//! Forms handled, French and English: full dates ("14 septembre 2025",
//! "September 14, 2025", "2025-09-14", "14/09/2025"), day and month with or
//! without a weekday ("dimanche 14 septembre", "Sunday, Sept. 14"), day lists
//! ("les 9, 10 et 11 septembre") and ranges ("du 23 au 31 mars", "between 27
//! and 31 March"), month and year ("en mars 2022"), weekdays ("dimanche",
//! "mardi dernier", "on Tuesday", "dans la nuit de samedi à dimanche": the first
//! night), and the relative words of `relative_dates.tsv` ("hier", "le
//! lendemain", "last week").

use jiff::ToSpan;
use regex::Regex;
use std::sync::OnceLock;
use veille_core::{Date, FoldedText, Span};
use veille_lexicon::calendar::Calendar;
use veille_lexicon::relative::{self, Anchor};

/// How the date was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateKind {
    /// A calendar date with its year.
    Full,
    /// Day and month; the year came from the publication date or the weekday.
    DayMonth,
    /// Several days of one month, each an event day.
    List(Vec<Date>),
    /// A range of days; `date` is its middle.
    Range,
    /// A month; `date` is its 15th.
    Month,
    /// A weekday resolved against the publication date.
    Weekday,
    /// A relative word ("hier", "le lendemain").
    Relative,
}

/// One date mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The words in the text.
    pub span: Span,
    /// The resolved day (the middle of a range, the 15th of a month).
    pub date: Date,
    /// CODEBOOK time_precision: 1 day, 2 range or week, 3 month.
    pub precision: u8,
    /// How it was written.
    pub kind: DateKind,
}

struct Patterns {
    full_numeric: Regex,
    day_month: Regex,
    month_day: Regex,
    month_year: Regex,
    weekday: Regex,
    relative: Regex,
}

fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut w: Vec<&str> = words.collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let cal = Calendar::embedded();
        let months = alternation(cal.month_words());
        let weekdays = alternation(cal.weekday_words());
        let rel = alternation(relative::embedded().iter().map(|r| r.phrase.as_str()));
        let ord = r"(?:er|st|nd|rd|th)?";
        Patterns {
            full_numeric: Regex::new(r"\b(?:(\d{4}) (\d{2}) (\d{2})|(\d{1,2})/(\d{1,2})/(\d{4}))\b").unwrap(),
            day_month: Regex::new(&format!(
                r"\b(?:(?P<wd>{weekdays}),? )?(?:(?P<pre>le|les|du|from|between|entre|on|the) )?(?P<days>\d{{1,2}}{ord}(?:(?: ?,| et| and| au| a| to| &|) \d{{1,2}}{ord})*) (?:of )?(?P<month>{months})\b(?: (?:de l an |of )?(?P<year>(?:19|20)\d\d)\b)?"
            ))
            .unwrap(),
            month_day: Regex::new(&format!(
                r"\b(?:(?P<wd>{weekdays}),? )?(?P<month>{months}) (?P<day>\d{{1,2}}){ord}\b(?:,? (?P<year>(?:19|20)\d\d)\b)?"
            ))
            .unwrap(),
            month_year: Regex::new(&format!(r"\b(?P<month>{months}) (?:de l annee |of )?(?P<year>(?:19|20)\d\d)\b")).unwrap(),
            weekday: Regex::new(&format!(
                r"\b(?:(?P<night>dans la nuit (?:de|du) |in the night of |on the night of )?(?P<last>last |ce |this )?(?P<wd>{weekdays})(?P<after> dernier| derniere| passe| last)?)\b"
            ))
            .unwrap(),
            relative: Regex::new(&format!(r"\b(?:{rel})\b")).unwrap(),
        }
    })
}

/// Finds and resolves every date mention in `text`, in order. `published` is the
/// publication date (relative forms need it); `today` bounds the year guessed from
/// a weekday when there is no publication date.
pub fn find_dates(
    text: &str,
    folded: &FoldedText,
    published: Option<Date>,
    today: Date,
) -> Vec<DateMention> {
    let p = patterns();
    let f = &folded.folded;
    let mut found: Vec<(usize, usize, Raw)> = Vec::new();
    let taken = |s: usize, e: usize, found: &Vec<(usize, usize, Raw)>| {
        found.iter().any(|(a, b, _)| s < *b && *a < e)
    };

    for c in p.full_numeric.captures_iter(f) {
        let m = c.get(0).unwrap();
        let (y, mo, d) = if let Some(y) = c.get(1) {
            (
                y.as_str(),
                c.get(2).unwrap().as_str(),
                c.get(3).unwrap().as_str(),
            )
        } else {
            (
                c.get(6).unwrap().as_str(),
                c.get(5).unwrap().as_str(),
                c.get(4).unwrap().as_str(),
            )
        };
        if let (Ok(y), Ok(mo), Ok(d)) = (y.parse::<i16>(), mo.parse::<i8>(), d.parse::<i8>())
            && let Ok(date) = Date::new(y, mo, d)
        {
            found.push((m.start(), m.end(), Raw::Full(date)));
        }
    }
    let cal = Calendar::embedded();
    for c in p.day_month.captures_iter(f) {
        let m = c.get(0).unwrap();
        if taken(m.start(), m.end(), &found) {
            continue;
        }
        let month = cal.month(c.name("month").unwrap().as_str()).unwrap_or(1) as i8;
        let days_text = c.name("days").unwrap().as_str();
        let days: Vec<i8> = days_text
            .split(|ch: char| !ch.is_ascii_digit())
            .filter_map(|d| d.parse().ok())
            .filter(|d| (1..=31).contains(d))
            .collect();
        if days.is_empty() {
            continue;
        }
        let pre = c.name("pre").map(|x| x.as_str());
        let is_range = days.len() == 2
            && (matches!(pre, Some("du" | "from" | "between" | "entre"))
                || days_text.contains(" au ")
                || days_text.contains(" to ")
                || days_text.contains(" a "));
        let year = c.name("year").and_then(|y| y.as_str().parse::<i16>().ok());
        let weekday = c.name("wd").and_then(|w| cal.weekday(w.as_str()));
        found.push((
            m.start(),
            m.end(),
            Raw::DayMonth {
                days,
                month,
                year,
                weekday,
                range: is_range,
            },
        ));
    }
    for c in p.month_day.captures_iter(f) {
        let m = c.get(0).unwrap();
        if taken(m.start(), m.end(), &found) {
            continue;
        }
        let month = cal.month(c.name("month").unwrap().as_str()).unwrap_or(1) as i8;
        let Ok(day) = c.name("day").unwrap().as_str().parse::<i8>() else {
            continue;
        };
        if !(1..=31).contains(&day) {
            continue;
        }
        // "mai 2025" is a month and year, not the 20th of May.
        if c.name("year").is_none() && f[m.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let year = c.name("year").and_then(|y| y.as_str().parse::<i16>().ok());
        let weekday = c.name("wd").and_then(|w| cal.weekday(w.as_str()));
        found.push((
            m.start(),
            m.end(),
            Raw::DayMonth {
                days: vec![day],
                month,
                year,
                weekday,
                range: false,
            },
        ));
    }
    for c in p.month_year.captures_iter(f) {
        let m = c.get(0).unwrap();
        if taken(m.start(), m.end(), &found) {
            continue;
        }
        let month = cal.month(c.name("month").unwrap().as_str()).unwrap_or(1) as i8;
        if let Ok(year) = c.name("year").unwrap().as_str().parse::<i16>() {
            found.push((m.start(), m.end(), Raw::Month { month, year }));
        }
    }
    for c in p.weekday.captures_iter(f) {
        let m = c.get(0).unwrap();
        if taken(m.start(), m.end(), &found) {
            continue;
        }
        let weekday = cal.weekday(c.name("wd").unwrap().as_str()).unwrap_or(1);
        let strictly_before =
            c.name("after").is_some() || c.name("last").is_some_and(|l| l.as_str() == "last ");
        found.push((
            m.start(),
            m.end(),
            Raw::Weekday {
                weekday,
                strictly_before,
            },
        ));
    }
    for m in p.relative.find_iter(f) {
        if taken(m.start(), m.end(), &found) {
            continue;
        }
        if let Some(r) = relative::embedded().iter().find(|r| r.phrase == m.as_str()) {
            found.push((
                m.start(),
                m.end(),
                Raw::Relative {
                    anchor: r.anchor,
                    offset: r.offset_days,
                    precision: r.precision,
                },
            ));
        }
    }
    found.sort_by_key(|(s, _, _)| *s);
    // A deadline ("jusqu'au 30 juillet", "until 5 May") is not when anything happened.
    found.retain(|(s, _, _)| {
        let before = f[..*s].trim_end();
        ![
            "jusqu au", "jusqu a", "until", "till", "d ici", "avant le", "by",
        ]
        .iter()
        .any(|w| before.ends_with(w))
    });
    // With no publication date, the latest date the text fixes by itself (with a
    // year, or a weekday that fixes the year) stands for it: an article is not
    // older than the events it reports.
    let published = published.or_else(|| {
        found
            .iter()
            .filter_map(|(s, e, raw)| match raw {
                Raw::Full(d) => Some(*d),
                Raw::DayMonth { year: Some(_), .. }
                | Raw::DayMonth {
                    weekday: Some(_), ..
                } => resolve(raw.clone(), Span::new(*s, *e), None, None, today).map(|m| m.date),
                _ => None,
            })
            .max()
    });

    let mut out = Vec::new();
    let mut last: Option<Date> = None;
    for (s, e, raw) in found {
        let span = folded.original_span(s, e, text);
        if let Some(mention) = resolve(raw, span, published, last, today) {
            last = Some(match &mention.kind {
                DateKind::List(days) => *days.last().unwrap_or(&mention.date),
                _ => mention.date,
            });
            out.push(mention);
        }
    }
    out
}

#[derive(Debug, Clone)]
enum Raw {
    Full(Date),
    DayMonth {
        days: Vec<i8>,
        month: i8,
        year: Option<i16>,
        weekday: Option<u8>,
        range: bool,
    },
    Month {
        month: i8,
        year: i16,
    },
    Weekday {
        weekday: u8,
        strictly_before: bool,
    },
    Relative {
        anchor: Anchor,
        offset: i32,
        precision: u8,
    },
}

fn iso_weekday(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

/// The year for a day and month written without one: the publication year, or
/// the year before when that would put the event after publication; with no
/// publication date, the most recent year (not after `today`) in which the day
/// falls on the weekday given, else `today`'s year.
fn infer_year(
    month: i8,
    day: i8,
    weekday: Option<u8>,
    published: Option<Date>,
    today: Date,
) -> Option<i16> {
    if let Some(p) = published {
        let y = p.year();
        let candidate = Date::new(y, month, day).ok()?;
        // A few days of slack: datelines are sometimes a day behind the event.
        if candidate > p.checked_add(3.days()).ok()? {
            return Some(y - 1);
        }
        return Some(y);
    }
    if let Some(wd) = weekday {
        for y in (today.year() - 30..=today.year()).rev() {
            if let Ok(d) = Date::new(y, month, day)
                && d <= today
                && iso_weekday(d) == wd
            {
                return Some(y);
            }
        }
    }
    Some(today.year())
}

fn resolve(
    raw: Raw,
    span: Span,
    published: Option<Date>,
    last: Option<Date>,
    today: Date,
) -> Option<DateMention> {
    let mention = |date, precision, kind| {
        Some(DateMention {
            span,
            date,
            precision,
            kind,
        })
    };
    match raw {
        Raw::Full(d) => mention(d, 1, DateKind::Full),
        Raw::DayMonth {
            days,
            month,
            year,
            weekday,
            range,
        } => {
            let first = days[0];
            let y = match year {
                Some(y) => y,
                None => infer_year(month, first, weekday, published, today)?,
            };
            let dates: Vec<Date> = days
                .iter()
                .filter_map(|d| Date::new(y, month, *d).ok())
                .collect();
            if dates.is_empty() {
                return None;
            }
            if range {
                let (a, b) = (dates[0], *dates.last().unwrap());
                let half = (b - a).get_days() / 2;
                let mid = a.checked_add(half.days()).ok()?;
                mention(mid, 2, DateKind::Range)
            } else if dates.len() > 1 {
                mention(dates[0], 1, DateKind::List(dates))
            } else if year.is_some() {
                mention(dates[0], 1, DateKind::Full)
            } else {
                mention(dates[0], 1, DateKind::DayMonth)
            }
        }
        Raw::Month { month, year } => mention(Date::new(year, month, 15).ok()?, 3, DateKind::Month),
        Raw::Weekday {
            weekday,
            strictly_before,
        } => {
            let p = published?;
            let mut d = if strictly_before {
                p.checked_sub(1.day()).ok()?
            } else {
                p
            };
            for _ in 0..7 {
                if iso_weekday(d) == weekday {
                    return mention(d, 1, DateKind::Weekday);
                }
                d = d.checked_sub(1.day()).ok()?;
            }
            None
        }
        Raw::Relative {
            anchor,
            offset,
            precision,
        } => {
            let base = match anchor {
                Anchor::Published => published?,
                Anchor::LastMentioned => last?,
            };
            mention(
                base.checked_add(i64::from(offset).days()).ok()?,
                precision,
                DateKind::Relative,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn dates(text: &str, published: Option<Date>) -> Vec<(String, Date, u8)> {
        let ft = FoldedText::new(text);
        find_dates(text, &ft, published, d(2026, 11, 22))
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.date, m.precision))
            .collect()
    }

    #[test]
    fn weekday_with_day_and_month_fixes_the_year_without_publication() {
        let found = dates(
            "Le convoi a été visé dimanche 14 septembre près de Diéma.",
            None,
        );
        assert_eq!(
            found,
            vec![("dimanche 14 septembre".into(), d(2025, 9, 14), 1)]
        );
    }

    #[test]
    fn day_month_takes_the_publication_year_or_the_one_before() {
        let found = dates(
            "Le 28 décembre, une embuscade a eu lieu.",
            Some(d(2026, 1, 3)),
        );
        assert_eq!(found[0].1, d(2025, 12, 28));
        let found = dates("Le 1er juillet, une attaque.", Some(d(2025, 7, 2)));
        assert_eq!(found[0].1, d(2025, 7, 1));
    }

    #[test]
    fn relative_words_and_the_next_day() {
        let found = dates(
            "Hier, des tirs ont visé le camp. Le lendemain, un convoi a sauté.",
            Some(d(2024, 3, 10)),
        );
        assert_eq!(found[0].1, d(2024, 3, 9));
        assert_eq!(found[1].1, d(2024, 3, 10));
        let found = dates(
            "Le 3 mars, le groupe a annoncé un blocus. Le lendemain, des chauffeurs ont été retenus.",
            Some(d(2024, 3, 20)),
        );
        assert_eq!(found[1].1, d(2024, 3, 4));
    }

    #[test]
    fn weekdays_resolve_to_the_most_recent_one() {
        // 2024-05-08 is a Wednesday.
        let found = dates(
            "Mardi dernier, puis samedi, et on Sunday.",
            Some(d(2024, 5, 8)),
        );
        assert_eq!(found[0].1, d(2024, 5, 7));
        assert_eq!(found[1].1, d(2024, 5, 4));
        assert_eq!(found[2].1, d(2024, 5, 5));
    }

    #[test]
    fn overnight_takes_the_first_night() {
        // 2024-05-13 is a Monday.
        let found = dates(
            "Dans la nuit de samedi à dimanche, le poste a été attaqué.",
            Some(d(2024, 5, 13)),
        );
        assert_eq!(found[0].1, d(2024, 5, 11));
    }

    #[test]
    fn lists_ranges_and_months() {
        let found = dates(
            "Les opérations des 4, 5 et 6 août. Entre 20 et 24 octobre 2023. En mars 2022.",
            Some(d(2024, 8, 20)),
        );
        assert_eq!(found[0].1, d(2024, 8, 4));
        assert_eq!(
            found[1],
            ("Entre 20 et 24 octobre 2023".into(), d(2023, 10, 22), 2)
        );
        assert_eq!(found[2].1, d(2022, 3, 15));
        assert_eq!(found[2].2, 3);
    }

    #[test]
    fn undated_articles_take_their_year_from_a_weekday_date() {
        let found = dates(
            "Dimanche 14 septembre, un convoi a été visé. Le 3 septembre, un blocus fut annoncé.",
            None,
        );
        assert_eq!(found[1].1, d(2025, 9, 3));
    }

    #[test]
    fn deadlines_are_not_event_dates() {
        let found = dates(
            "Un couvre-feu est décrété jusqu'au 30 juillet.",
            Some(d(2025, 7, 2)),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn english_forms() {
        let found = dates(
            "On September 3, 2023 and on 5 October 2023, then Oct. 7.",
            Some(d(2023, 10, 9)),
        );
        assert_eq!(found[0].1, d(2023, 9, 3));
        assert_eq!(found[1].1, d(2023, 10, 5));
        assert_eq!(found[2].1, d(2023, 10, 7));
    }

    #[test]
    fn numeric_dates() {
        let found = dates("Publié le 03/09/2025 et mis à jour le 2025-09-04.", None);
        assert_eq!(found[0].1, d(2025, 9, 3));
        assert_eq!(found[1].1, d(2025, 9, 4));
    }
}
