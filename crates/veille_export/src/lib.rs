//! veille's export formats: events in ACLED's 31 columns as CSV, as GeoJSON points
//! and as JSON Lines.
//!
//! It is fed by `veille_store` (stored events, with their database id and last-change
//! time) and by the stateless `veille extract` path (events straight from the
//! pipeline, with no id); both hand it [`ExportRow`]s. It feeds files, standard output
//! and the HTTP API, which reuses [`event_json`].
//!
//! - [`ACLED_COLUMNS`]: the column order of CODEBOOK.md §8; veille's own columns
//!   ([`EXTENDED_COLUMNS`]) only ever come after them;
//! - [`write_csv`], [`write_geojson`], [`write_jsonl`]: the three writers;
//! - [`event_id_cnty`]: ACLED-style ids, `MLI42` from a database id, or a stable hash
//!   of the event when there is none.
//!
//! Escaping is left to the `csv` and `serde_json` crates; nothing here quotes by hand.
//!
//! ```
//! let mut out = Vec::new();
//! veille_export::write_csv(&mut out, &[], false)?;
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.starts_with("event_id_cnty,event_date,year,time_precision,"));
//! assert!(text.trim_end().ends_with(",fatalities,tags,timestamp"));
//! # Ok::<(), veille_export::ExportError>(())
//! ```
#![deny(missing_docs)]

mod columns;
mod csv_out;
mod geojson;
mod jsonl;

pub use columns::{event_id_cnty, event_json};
pub use csv_out::write_csv;
pub use geojson::write_geojson;
pub use jsonl::write_jsonl;

use veille_core::EventRecord;

/// ACLED's export columns, in ACLED's order (CODEBOOK.md §8).
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// veille's own columns, appended after [`ACLED_COLUMNS`] in the extended CSV:
/// the database id, the article's caller id, the fatality range, and the evidence as a
/// JSON array of [`veille_core::FieldEvidence`].
pub const EXTENDED_COLUMNS: [&str; 5] = [
    "veille_id",
    "article",
    "fatalities_low",
    "fatalities_high",
    "evidence",
];

/// One event to export.
#[derive(Debug, Clone, Copy)]
pub struct ExportRow<'a> {
    /// The database id, or `None` for events that were never stored.
    pub id: Option<i64>,
    /// The event.
    pub record: &'a EventRecord,
    /// Unix seconds of the record's last change: ACLED's `timestamp`.
    pub timestamp: i64,
}

/// A write that failed. The writers only fail when the output does.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("cannot write csv: {0}")]
    Csv(#[from] csv::Error),
    /// Serialising JSON failed.
    #[error("cannot write json: {0}")]
    Json(#[from] serde_json::Error),
    /// The output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
}

impl ExportError {
    /// Whether the reader went away (`veille export | head`): the binary exits quietly then.
    pub fn is_broken_pipe(&self) -> bool {
        let kind = match self {
            ExportError::Csv(e) => match e.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            },
            ExportError::Json(e) => e.io_error_kind(),
            ExportError::Io(e) => Some(e.kind()),
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    }
}
