//! Where did it happen: finds the place names in an article's cleaned text and
//! resolves each to a gazetteer entry with ACLED's location fields and geo_precision.
//!
//! This crate owns place mentions, their cue words and homonym choice. It is fed by
//! `veille_clean` (cleaned text), `veille_gazetteer` (the embedded index) and
//! `veille_lexicon` (number and calendar words); it feeds `veille_assemble`, which puts
//! the resolved place of each event into its record.
//!
//! - [`find_place_mentions`]: every place name in the text with its cue ("à 20 km de
//!   Diéma", "dans la région de Kayes", "le camp de Boulkessi"), as a [`PlaceMention`];
//! - [`context_for`]: the countries, regions and cercles the article names, as a [`GeoContext`];
//! - [`resolve`]: the best candidate, as a [`ResolvedPlace`] with `geo_precision`
//!   1 (at), 2 (near, between, a forest or zone) or 3 (a region or cercle: its seat);
//! - [`explain`]: all candidates with their scores and reasons, for `veille place`.
//!
//! The word lists are data: `assets/place_cues.tsv` (cues and what they mean),
//! `assets/not_places.tsv` (names that are usually not places), `assets/countries.tsv`.
//!
//! ```
//! use veille_gazetteer::Gazetteer;
//! use veille_geocode::{context_for, find_place_mentions, resolve};
//!
//! let gaz = Gazetteer::embedded();
//! let text = "Des hommes armés ont attaqué un poste à 20 km de Diéma.";
//! let mentions = find_place_mentions(gaz, text);
//! assert_eq!(mentions[0].cue_span.slice(text), "à 20 km de Diéma");
//! let ctx = context_for(gaz, text, &mentions);
//! let place = resolve(gaz, &mentions[0], &ctx).unwrap();
//! assert_eq!((place.location.as_str(), place.admin1.as_str(), place.geo_precision), ("Diéma", "Kayes", 2));
//! ```
#![deny(missing_docs)]

mod lexicon;
mod mentions;
mod resolve;

pub use lexicon::Relation;
pub use mentions::{MentionKind, PlaceMention, find_place_mentions};
pub use resolve::{
    Candidate, Explanation, GeoContext, ResolvedPlace, context_for, explain, resolve,
    score_candidates,
};
