//! Finds the mentions an event is built from, in one cleaned article.
//!
//! Fed by `veille_clean` (an [`veille_core::Article`] whose text is cleaned) and
//! by `veille_lexicon` (word lists); feeds `veille_assemble`, which turns
//! mentions into event frames. Every mention carries its [`veille_core::Span`].
//!
//! - [`sentences`]: sentence and paragraph boundaries;
//! - [`dates`]: date mentions resolved against the publication date;
//! - [`tolls`]: casualty counts (killed, wounded, missing, abducted) and whom they hit.
//!
//! Actor mentions come from `veille_lexicon::actors`, place mentions from
//! `veille_geocode` (both dictionary-driven); trigger words from
//! `veille_lexicon::triggers`.
//!
//! ```
//! use veille_annotate::sentences;
//! let s = sentences::split("Une attaque a visé Diéma. Bilan : 3 morts.");
//! assert_eq!(s.len(), 2);
//! ```
#![deny(missing_docs)]

pub mod dates;
pub mod sentences;
pub mod tolls;
