//! Month and weekday names (`assets/months.tsv`, `assets/weekdays.tsv`).

use crate::{LexiconError, parse_tsv};
use std::collections::HashMap;
use std::sync::OnceLock;
use veille_core::fold;

/// Month and weekday names, keyed by their folded form.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    months: HashMap<String, u8>,
    weekdays: HashMap<String, u8>,
}

const MONTHS: &str = include_str!("../assets/months.tsv");
const WEEKDAYS: &str = include_str!("../assets/weekdays.tsv");

impl Calendar {
    /// The embedded tables, parsed once.
    pub fn embedded() -> &'static Calendar {
        static CAL: OnceLock<Calendar> = OnceLock::new();
        CAL.get_or_init(|| {
            Calendar::parse(MONTHS, WEEKDAYS)
                .expect("embedded calendar assets are checked by tests")
        })
    }

    /// Parses the two tables.
    pub fn parse(months: &str, weekdays: &str) -> Result<Calendar, LexiconError> {
        let mut cal = Calendar::default();
        for row in parse_tsv("months.tsv", months, &["word", "month"])? {
            let m: u8 = row
                .get(1)
                .parse()
                .map_err(|_| row.error("months.tsv", "month is not a number"))?;
            if !(1..=12).contains(&m) {
                return Err(row.error("months.tsv", "month must be 1-12"));
            }
            cal.months.insert(fold(row.get(0)), m);
        }
        for row in parse_tsv("weekdays.tsv", weekdays, &["word", "weekday"])? {
            let d: u8 = row
                .get(1)
                .parse()
                .map_err(|_| row.error("weekdays.tsv", "weekday is not a number"))?;
            if !(1..=7).contains(&d) {
                return Err(row.error("weekdays.tsv", "weekday must be 1-7"));
            }
            cal.weekdays.insert(fold(row.get(0)), d);
        }
        Ok(cal)
    }

    /// The month (1–12) a word names: "Juillet", "sept.", "Aug" …
    pub fn month(&self, word: &str) -> Option<u8> {
        self.months.get(&fold(word.trim_end_matches('.'))).copied()
    }

    /// The ISO weekday (1 Monday … 7 Sunday) a word names.
    pub fn weekday(&self, word: &str) -> Option<u8> {
        self.weekdays.get(&fold(word)).copied()
    }

    /// Every month word, folded (for building patterns).
    pub fn month_words(&self) -> impl Iterator<Item = &str> {
        self.months.keys().map(String::as_str)
    }

    /// Every weekday word, folded.
    pub fn weekday_words(&self) -> impl Iterator<Item = &str> {
        self.weekdays.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_load() {
        let c = Calendar::embedded();
        assert_eq!(c.month("Août"), Some(8));
        assert_eq!(c.month("DÉCEMBRE"), Some(12));
        assert_eq!(c.month("oct."), Some(10));
        assert_eq!(c.weekday("Dimanche"), Some(7));
        assert_eq!(c.weekday("tuesday"), Some(2));
        assert_eq!(c.month("lundi"), None);
    }

    #[test]
    fn bad_month_is_reported_with_its_line() {
        let err = Calendar::parse("word\tmonth\nfoo\t13\n", "word\tweekday\n").unwrap_err();
        assert_eq!(err.to_string(), "months.tsv:2: month must be 1-12");
    }
}
