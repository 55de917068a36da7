//! veille's rules as data. Every word list the extraction uses lives in
//! `assets/*.tsv` (a header row, one record a line, `#` comments), is embedded with
//! `include_str!`, parsed once, and reviewed like code. This crate owns the files
//! and their parsers; the annotators in `veille_annotate` take the parsed values,
//! so their tests can build tiny lexicons inline.
//!
//! - [`calendar`]: month and weekday names (French and English);
//! - [`casualties`]: casualty words (killed, wounded …) and victim words;
//! - [`numbers`]: number words and vague quantity words with the codebook's values;
//! - [`relative`]: relative date expressions ("hier", "le lendemain", "last week");
//! - [`actors`]: the actor dictionary (canonical ACLED names, inter codes, aliases);
//! - [`triggers`]: event words and the sub-event type they signal.
//!
//! ```
//! let months = veille_lexicon::calendar::Calendar::embedded();
//! assert_eq!(months.month("juillet"), Some(7));
//! assert_eq!(months.month("Sept."), Some(9));
//! ```
#![deny(missing_docs)]

pub mod actors;
pub mod calendar;
pub mod casualties;
pub mod numbers;
pub mod relative;
pub mod triggers;
mod tsv;

pub use tsv::{LexiconError, TsvRow, parse_tsv};
