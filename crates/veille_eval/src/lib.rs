//! Scoring veille's output against gold events, by the rules of the reference
//! scorer `shared/eval/score.py` (FORMAT.md, "Scoring"), and explaining the score.
//!
//! This crate owns the evaluation: reading a gold file ([`read_gold`]), matching
//! system events to gold events and computing the figures ([`score`] → [`Score`]),
//! printing them exactly as score.py does ([`Score::report`], [`Score::to_json_text`])
//! and saying where they come from ([`explain`] → [`Explanation`]).
//!
//! It is fed by the `veille` binary, which runs the extraction on the gold file's
//! articles and hands over the events in system-output form (`serde_json::Value`
//! objects with `article` and the ACLED columns, as `veille_export` writes them);
//! it feeds only the binary's `veille eval` report. It depends on no other veille
//! crate, so it scores any producer's output.
//!
//! The figures must be the same as score.py's on the same files, so values are
//! read the way Python reads them (a missing key is a null, `"3"` is a count, dates
//! go through `date.fromisoformat`, distances through libm), and rates are rounded
//! with Python's `round()`. The test `tests/agreement.rs` runs score.py on random
//! files and checks the outputs are byte for byte the same.
//!
//! ```
//! use serde_json::json;
//! use veille_eval::{GoldArticle, score};
//!
//! let gold = vec![GoldArticle::new("a1", vec![json!({
//!     "event_date": "2025-03-02", "event_type": "Battles", "sub_event_type": "Armed clash",
//!     "actor1": "Rebels of the Dunes", "latitude": 15.0, "longitude": -2.0, "fatalities": 4,
//! })])];
//! let system = vec![json!({
//!     "article": "a1", "event_date": "2025-03-03", "event_type": "Battles",
//!     "sub_event_type": "Armed clash", "actor1": "Rebels of the Dunes",
//!     "latitude": 15.1, "longitude": -2.0, "fatalities": 3,
//! })];
//! let result = score(&gold, &system);
//! assert_eq!((result.matched, result.f1), (1, 1.0));
//! assert_eq!(result.field_accuracy[5], ("fatalities", 0.0));
//! assert!(result.to_string().starts_with("articles 1  gold events 1  system events 1  matched 1\n"));
//! ```
#![deny(missing_docs)]

mod date;
mod explain;
mod gold;
mod py;
mod score;

pub use explain::{
    ArticleExplanation, EventSummary, Explanation, FieldDisagreement, MatchedDisagreement, explain,
};
pub use gold::{GoldArticle, parse_gold, parse_system, read_gold, read_system};
pub use score::{
    ArticleScore, EventMatch, FIELDS, Report, Score, score, score_json, score_json_by_article,
};

use std::path::PathBuf;

/// What can go wrong reading evaluation files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read (missing, unreadable, not UTF-8).
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not valid JSON.
    #[error("{origin}:{line}: not valid JSON: {source}")]
    Json {
        /// The file.
        origin: String,
        /// The 1-based line.
        line: usize,
        /// The parser's complaint.
        source: serde_json::Error,
    },
    /// A gold line is JSON but not a gold article score.py can read.
    #[error("{origin}:{line}: {reason}")]
    Gold {
        /// The file.
        origin: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A system-output line is not an event object.
    #[error("{origin}:{line}: {reason}")]
    System {
        /// The file.
        origin: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}
