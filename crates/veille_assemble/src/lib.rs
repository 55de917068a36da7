//! Assembles event frames from an article's mentions.
//!
//! Fed by `veille_annotate` (sentences, dates, tolls), `veille_lexicon`
//! (triggers, modality cues, actors) and `veille_geocode` (place mentions);
//! feeds the pipeline, which geocodes each frame's place and names its actors
//! for the event's country and day, then `veille_merge`.
//!
//! The rules, following CODEBOOK.md:
//! - a sentence whose trigger words are not under a threat, intention,
//!   conditional, denial or general-statement cue may hold an event;
//! - it starts a **new** event only when it names its own place or its own day,
//!   or when no event has been seen yet; otherwise it elaborates the event before
//!   it (adds its toll, fills a missing side);
//! - simultaneous attacks on an enumerated list of places give one event per place;
//! - the type comes from the trigger classes and the sides (who is hit), with the
//!   codebook's precedence;
//! - pronoun-like actors ("les assaillants", "l'armée") resolve to the group or
//!   state force the article names.
//!
//! ```
//! use veille_assemble::{Mentions, assemble};
//! use veille_core::{Article, Date, Lang};
//! let text = "Le 3 mars 2024, des jihadistes ont attaqué le camp militaire de Diéma. Bilan : 4 soldats tués.";
//! let article = Article { id: "a".into(), origin: "a".into(), url: None, title: None,
//!     published: Date::new(2024, 3, 4).ok(), published_span: None, outlet: None,
//!     lang: Lang::Fr, text: text.into() };
//! let mentions = Mentions::collect(&article, Date::new(2026, 1, 1).unwrap());
//! let frames = assemble(&article, &mentions);
//! assert_eq!(frames.len(), 1);
//! assert_eq!(frames[0].fatalities, 4);
//! ```
#![deny(missing_docs)]

mod frame;
mod mentions;
mod roles;

pub use frame::{ActorSlot, EventFrame, GenericActor, assemble};
pub use mentions::Mentions;
