//! Relative date expressions (`assets/relative_dates.tsv`).

use crate::{LexiconError, parse_tsv};
use std::sync::OnceLock;

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The publication date ("hier").
    Published,
    /// The last date mentioned before it ("le lendemain").
    LastMentioned,
}

/// One relative expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeDate {
    /// Folded phrase.
    pub phrase: String,
    /// What it counts from.
    pub anchor: Anchor,
    /// Days added to the anchor.
    pub offset_days: i32,
    /// CODEBOOK time_precision.
    pub precision: u8,
}

const RELATIVE: &str = include_str!("../assets/relative_dates.tsv");

/// Parses the relative-date table.
pub fn parse(text: &str) -> Result<Vec<RelativeDate>, LexiconError> {
    const FILE: &str = "relative_dates.tsv";
    let mut out = Vec::new();
    for row in parse_tsv(
        FILE,
        text,
        &["phrase", "anchor", "offset_days", "precision"],
    )? {
        let anchor = match row.get(1) {
            "pub" => Anchor::Published,
            "last" => Anchor::LastMentioned,
            other => return Err(row.error(FILE, format!("unknown anchor {other:?}"))),
        };
        let offset_days = row
            .get(2)
            .parse()
            .map_err(|_| row.error(FILE, "offset_days is not a number"))?;
        let precision = row
            .get(3)
            .parse()
            .map_err(|_| row.error(FILE, "precision is not a number"))?;
        out.push(RelativeDate {
            phrase: veille_core::fold(row.get(0)),
            anchor,
            offset_days,
            precision,
        });
    }
    Ok(out)
}

/// The embedded table.
pub fn embedded() -> &'static [RelativeDate] {
    static R: OnceLock<Vec<RelativeDate>> = OnceLock::new();
    R.get_or_init(|| parse(RELATIVE).expect("embedded relative_dates.tsv is checked by tests"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_table_loads() {
        let t = super::embedded();
        let hier = t.iter().find(|r| r.phrase == "hier").unwrap();
        assert_eq!(hier.offset_days, -1);
        assert!(
            t.iter()
                .any(|r| r.phrase == "le lendemain" && r.anchor == super::Anchor::LastMentioned)
        );
    }
}
