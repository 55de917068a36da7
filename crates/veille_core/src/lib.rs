//! The shared vocabulary of veille. No I/O lives here.
//!
//! Every stage of the pipeline (ingest → clean → annotate → assemble → geocode →
//! merge → store → export) speaks in these types:
//!
//! - [`Span`]: a byte range into an article's *cleaned* text, the evidence behind a field;
//! - [`Article`]: one cleaned article with its metadata;
//! - [`EventRecord`]: one coded event in ACLED's columns, with its [`FieldEvidence`];
//! - [`SubEventType`] / [`EventType`]: the ACLED taxonomy of CODEBOOK.md §2;
//! - [`Country`]: the countries veille codes, with ACLED's names and ISO numbers;
//! - [`fold`]: the accent-, case-, hyphen- and apostrophe-insensitive key used for
//!   every dictionary and gazetteer match.
//!
//! ```
//! use veille_core::{fold, Span};
//! assert_eq!(fold("Ké-Macina"), "ke macina");
//! let text = "attaque à Diéma";
//! assert_eq!(Span::new(11, 17).slice(text), "Diéma");
//! ```
#![deny(missing_docs)]

mod article;
mod country;
mod event;
mod fold;
mod span;
mod taxonomy;

pub use article::{Article, Lang, content_id};
pub use country::Country;
pub use event::{EventRecord, Field, FieldEvidence};
pub use fold::{FoldedText, fold, fold_char};
pub use jiff::civil::Date;
pub use span::Span;
pub use taxonomy::{EventType, SubEventType};
