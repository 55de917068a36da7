//! score.py's `parse_date`: `date.fromisoformat(str(s)[:10])`, or nothing.
//!
//! Python 3.11's `fromisoformat` takes more than `YYYY-MM-DD`: `YYYYMMDD` and ISO
//! week dates (`2025-W37-1`, `2025W371`, `2025-W37`, `2025W37`), and it checks
//! the length of the UTF-8 text (7, 8 or 10 bytes) but not that the parse used
//! every byte. This module follows CPython's C parser step by step so that
//! every event date reads the same in both scorers.

use crate::py::py_str;
use serde_json::Value;

/// Days before each month in a common year (index 1 = January).
const DAYS_BEFORE_MONTH: [i64; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_IN_MONTH: [i64; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/// The proleptic Gregorian ordinal of 9999-12-31, Python's `date.max`.
const MAX_ORDINAL: i64 = 3_652_059;

/// The day number (`date.toordinal()`) of the date `str(v)[:10]` names, or `None`
/// where `date.fromisoformat` raises.
pub(crate) fn parse_date(v: &Value) -> Option<i64> {
    let head: String = py_str(v).chars().take(10).collect();
    from_iso_format(head.as_bytes())
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// CPython's `days_before_year`, with C's division truncating toward zero.
fn days_before_year(year: i64) -> i64 {
    let y = year - 1;
    y * 365 + y / 4 - y / 100 + y / 400
}

fn ymd_to_ordinal(year: i64, month: i64, day: i64) -> i64 {
    let leap_day = i64::from(month > 2 && is_leap(year));
    days_before_year(year) + DAYS_BEFORE_MONTH[month as usize] + leap_day + day
}

/// CPython's `iso_week1_monday` (C remainder semantics kept).
fn iso_week1_monday(year: i64) -> i64 {
    let first_day = ymd_to_ordinal(year, 1, 1);
    let first_weekday = (first_day + 6) % 7;
    let monday = first_day - first_weekday;
    if first_weekday > 3 {
        monday + 7
    } else {
        monday
    }
}

fn from_iso_format(bytes: &[u8]) -> Option<i64> {
    if !matches!(bytes.len(), 7 | 8 | 10) {
        return None;
    }
    // C reads the terminating NUL past the end: a zero byte is never a digit.
    let at = |pos: usize| bytes.get(pos).copied().unwrap_or(0);
    let digits = |pos: &mut usize, count: usize| -> Option<i64> {
        let mut value = 0;
        for _ in 0..count {
            let b = at(*pos);
            if !b.is_ascii_digit() {
                return None;
            }
            value = value * 10 + i64::from(b - b'0');
            *pos += 1;
        }
        Some(value)
    };
    let mut pos = 0;
    let year = digits(&mut pos, 4)?;
    let separated = at(pos) == b'-';
    if separated {
        pos += 1;
    }
    if at(pos) == b'W' {
        pos += 1;
        let week = digits(&mut pos, 2)?;
        let weekday = if pos < bytes.len() {
            if separated {
                if at(pos) != b'-' {
                    return None;
                }
                pos += 1;
            }
            digits(&mut pos, 1)?
        } else {
            1
        };
        return iso_week_to_ordinal(year, week, weekday);
    }
    let month = digits(&mut pos, 2)?;
    if separated {
        if at(pos) != b'-' {
            return None;
        }
        pos += 1;
    }
    let day = digits(&mut pos, 2)?;
    if year < 1 || !(1..=12).contains(&month) {
        return None;
    }
    let month_days = DAYS_IN_MONTH[month as usize] + i64::from(month == 2 && is_leap(year));
    if !(1..=month_days).contains(&day) {
        return None;
    }
    Some(ymd_to_ordinal(year, month, day))
}

/// CPython's `iso_to_ymd`, then `date()`'s range check on the result.
fn iso_week_to_ordinal(year: i64, week: i64, weekday: i64) -> Option<i64> {
    if week <= 0 || week >= 53 {
        let first_weekday = (ymd_to_ordinal(year, 1, 1) + 6) % 7;
        let long_year = first_weekday == 3 || (first_weekday == 2 && is_leap(year));
        if !(week == 53 && long_year) {
            return None;
        }
    }
    if !(1..=7).contains(&weekday) {
        return None;
    }
    let ordinal = iso_week1_monday(year) + (week - 1) * 7 + weekday - 1;
    (1..=MAX_ORDINAL).contains(&ordinal).then_some(ordinal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day(text: &str) -> Option<i64> {
        parse_date(&json!(text))
    }

    #[test]
    fn ordinals_agree_with_python() {
        // date(1, 1, 1).toordinal() == 1; date(2025, 9, 14).toordinal() == 739508.
        assert_eq!(day("0001-01-01"), Some(1));
        assert_eq!(day("2025-09-14"), Some(739_508));
        assert_eq!(day("9999-12-31"), Some(MAX_ORDINAL));
        assert_eq!(
            day("2024-03-01").zip(day("2024-02-28")).map(|(a, b)| a - b),
            Some(2)
        );
    }

    #[test]
    fn accepted_forms() {
        let sept_14 = day("2025-09-14");
        assert_eq!(day("20250914"), sept_14);
        assert_eq!(day("2025-09-14T08:30:00Z"), sept_14);
        assert_eq!(day("20250914xy"), sept_14);
        assert_eq!(day("20250914é"), sept_14);
        let monday_week_37 = day("2025-09-08");
        for week_form in [
            "2025-W37-1",
            "2025W371",
            "2025-W37",
            "2025W37",
            "2025W371xx",
        ] {
            assert_eq!(day(week_form), monday_week_37, "{week_form}");
        }
        assert_eq!(day("2026-W53-1"), day("2026-12-28"));
        assert_eq!(day("2020-W53-7"), day("2021-01-03"));
        assert_eq!(parse_date(&json!(20250914)), sept_14);
    }

    #[test]
    fn rejected_forms() {
        for bad in [
            "2025-9-14",
            "2025-09-1",
            " 2025-09-14",
            "2025-13-01",
            "2025-02-29",
            "0000-01-01",
            "2025-W53-1",
            "2025-W00-1",
            "2025-W01-0",
            "2025-W01-8",
            "2025-0914",
            "202509-14",
            "2025-W371",
            "2025W37-1",
            "2025-W37xx",
            "9999-W52-7",
            "0000-W52-7",
            "2025091",
            "2025-09-",
            "",
            "None",
            "٢٠٢٥-09-14",
        ] {
            assert_eq!(day(bad), None, "{bad}");
        }
        assert_eq!(parse_date(&json!(null)), None);
        assert_eq!(parse_date(&json!(2025.5)), None);
    }
}
