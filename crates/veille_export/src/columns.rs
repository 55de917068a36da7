//! The one place that turns an [`ExportRow`] into ACLED's columns; every writer reads
//! them from here so the formats cannot drift apart.

use crate::ExportRow;
use serde_json::{Map, Value, json};
use veille_core::{Country, EventRecord, content_id};

/// One cell, typed so CSV gets plain text and JSON gets numbers, strings and nulls.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    Int(i64),
    Float(f64),
    Empty,
}

impl Cell {
    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    fn optional(s: Option<&String>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::text(s))
    }

    /// The CSV form: numbers as plain decimals (Rust never writes exponents for `f64`),
    /// empty for a missing value.
    pub(crate) fn to_csv(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(x) if x.is_finite() => x.to_string(),
            Cell::Float(_) | Cell::Empty => String::new(),
        }
    }

    /// The JSON form: a missing value (or a non-finite number) is `null`.
    pub(crate) fn to_json(&self) -> Value {
        match self {
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Int(n) => json!(n),
            Cell::Float(x) => serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number),
            Cell::Empty => Value::Null,
        }
    }
}

/// The prefix used when the country is not one veille knows: ISO 3166 reserves
/// `XXX` for "unknown".
const UNKNOWN_ISO3: &str = "XXX";

/// ACLED's `event_id_cnty`: the country's ISO 3166 alpha-3 code and a number. The number
/// is the database id when there is one; otherwise a stable hash of the article, date,
/// location and sub-event type, so the same event extracted twice gets the same id.
pub fn event_id_cnty(row: &ExportRow<'_>) -> String {
    let iso3 = Country::from_name(&row.record.country).map_or(UNKNOWN_ISO3, Country::iso3);
    match row.id {
        Some(id) => format!("{iso3}{id}"),
        None => format!("{iso3}{}", stateless_number(row.record)),
    }
}

/// Ten decimal digits of an FNV-1a hash (veille_core's content id) of the fields that
/// make an event distinct within an article.
fn stateless_number(r: &EventRecord) -> u64 {
    // U+001F (unit separator) cannot occur in these fields, so keys cannot run together.
    let key = [
        r.article.as_str(),
        &r.event_date.to_string(),
        &r.location,
        r.sub_event_type.label(),
    ]
    .join("\u{1f}");
    // content_id is always 16 hex digits, so it parses.
    u64::from_str_radix(&content_id(&key), 16).unwrap_or(0) % 10_000_000_000
}

/// The 31 ACLED columns of a row, in [`crate::ACLED_COLUMNS`] order, with their names.
pub(crate) fn acled_cells(row: &ExportRow<'_>) -> [(&'static str, Cell); 31] {
    let r = row.record;
    let small = |n: u8| Cell::Int(i64::from(n));
    [
        ("event_id_cnty", Cell::Text(event_id_cnty(row))),
        ("event_date", Cell::Text(r.event_date.to_string())),
        ("year", Cell::Int(i64::from(r.year()))),
        ("time_precision", small(r.time_precision)),
        ("disorder_type", Cell::text(r.disorder_type())),
        ("event_type", Cell::text(r.event_type.label())),
        ("sub_event_type", Cell::text(r.sub_event_type.label())),
        ("actor1", Cell::text(&r.actor1)),
        ("assoc_actor_1", Cell::optional(r.assoc_actor_1.as_ref())),
        ("inter1", small(r.inter1)),
        ("actor2", Cell::optional(r.actor2.as_ref())),
        ("assoc_actor_2", Cell::optional(r.assoc_actor_2.as_ref())),
        ("inter2", small(r.inter2)),
        ("interaction", small(r.interaction())),
        ("civilian_targeting", Cell::text(r.civilian_targeting())),
        (
            "iso",
            r.iso().map_or(Cell::Empty, |n| Cell::Int(i64::from(n))),
        ),
        ("region", Cell::text(r.region())),
        ("country", Cell::text(&r.country)),
        ("admin1", Cell::text(&r.admin1)),
        ("admin2", Cell::text(&r.admin2)),
        ("admin3", Cell::text(&r.admin3)),
        ("location", Cell::text(&r.location)),
        ("latitude", Cell::Float(r.latitude)),
        ("longitude", Cell::Float(r.longitude)),
        ("geo_precision", small(r.geo_precision)),
        ("source", Cell::text(&r.source)),
        ("source_scale", Cell::text(&r.source_scale)),
        ("notes", Cell::text(&r.notes)),
        ("fatalities", Cell::Int(i64::from(r.fatalities))),
        ("tags", Cell::text("")),
        ("timestamp", Cell::Int(row.timestamp)),
    ]
}

/// The evidence as a JSON array of `{"field", "span": {"start", "end"}, "text"}`,
/// the serde form of [`veille_core::FieldEvidence`], so it reads back with serde.
pub(crate) fn evidence_json(record: &EventRecord) -> Value {
    Value::Array(
        record
            .evidence
            .iter()
            .map(|e| {
                json!({
                    "field": e.field.name(),
                    "span": { "start": e.span.start, "end": e.span.end },
                    "text": e.text,
                })
            })
            .collect(),
    )
}

/// One event as a JSON object: `article`, the 31 ACLED columns, then veille's own
/// `veille_id` (null when never stored), `fatalities_low`, `fatalities_high` and
/// `evidence`. This is a line of the JSON Lines export (FORMAT.md "system output").
pub fn event_json(row: &ExportRow<'_>) -> Value {
    let mut map = Map::new();
    map.insert("article".into(), Value::String(row.record.article.clone()));
    for (name, cell) in acled_cells(row) {
        map.insert(name.into(), cell.to_json());
    }
    map.insert(
        "veille_id".into(),
        row.id.map_or(Value::Null, |id| json!(id)),
    );
    map.insert("fatalities_low".into(), json!(row.record.fatalities_low));
    map.insert("fatalities_high".into(), json!(row.record.fatalities_high));
    map.insert("evidence".into(), evidence_json(row.record));
    Value::Object(map)
}

/// A sample event for the writers' tests, in our own words.
#[cfg(test)]
pub(crate) fn sample_record() -> EventRecord {
    use veille_core::{Date, EventType, Field, FieldEvidence, Span, SubEventType};
    EventRecord {
        article: "demo-fr-07".into(),
        event_date: Date::new(2025, 9, 14).unwrap(),
        time_precision: 1,
        event_type: EventType::Battles,
        sub_event_type: SubEventType::ArmedClash,
        actor1: "JNIM: Group for Support of Islam and Muslims".into(),
        assoc_actor_1: None,
        inter1: 2,
        actor2: Some("Military Forces of Mali (2021-)".into()),
        assoc_actor_2: None,
        inter2: 1,
        country: "Mali".into(),
        admin1: "Kayes".into(),
        admin2: "Diéma".into(),
        admin3: "Lakamané".into(),
        location: "Kaniéra".into(),
        latitude: 14.6372,
        longitude: -10.0698,
        geo_precision: 2,
        source: "Le Témoin; news.example".into(),
        source_scale: "national".into(),
        notes: "On 14 September, militants ambushed an army convoy, \"near the river\",\n\
                killing 3, according to locals."
            .into(),
        fatalities: 3,
        fatalities_low: 3,
        fatalities_high: 5,
        evidence: vec![
            FieldEvidence {
                field: Field::Location,
                span: Span::new(31, 39),
                text: "Kaniéra".into(),
            },
            FieldEvidence {
                field: Field::Fatalities,
                span: Span::new(60, 67),
                text: "3 morts".into(),
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ACLED_COLUMNS;

    #[test]
    fn cells_follow_the_column_list() {
        let record = sample_record();
        let row = ExportRow {
            id: Some(1),
            record: &record,
            timestamp: 0,
        };
        let names: Vec<&str> = acled_cells(&row).iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ACLED_COLUMNS);
    }

    #[test]
    fn ids_from_the_database_or_a_stable_hash() {
        let record = sample_record();
        let stored = ExportRow {
            id: Some(42),
            record: &record,
            timestamp: 0,
        };
        assert_eq!(event_id_cnty(&stored), "MLI42");

        let loose = ExportRow { id: None, ..stored };
        let id = event_id_cnty(&loose);
        assert!(
            id.starts_with("MLI") && id[3..].chars().all(|c| c.is_ascii_digit()),
            "{id}"
        );
        assert_eq!(id, event_id_cnty(&loose), "stable");
        let moved = EventRecord {
            location: "Lakamané".into(),
            ..sample_record()
        };
        assert_ne!(
            id,
            event_id_cnty(&ExportRow {
                id: None,
                record: &moved,
                timestamp: 0
            })
        );

        let elsewhere = EventRecord {
            country: "Atlantis".into(),
            ..sample_record()
        };
        let row = ExportRow {
            id: Some(7),
            record: &elsewhere,
            timestamp: 0,
        };
        assert_eq!(event_id_cnty(&row), "XXX7");
    }

    #[test]
    fn json_types_numbers_and_nulls() {
        let record = EventRecord {
            country: "Burkina Faso".into(),
            ..sample_record()
        };
        let row = ExportRow {
            id: Some(3),
            record: &record,
            timestamp: 1_757_900_000,
        };
        let v = event_json(&row);
        assert_eq!(v["article"], "demo-fr-07");
        assert_eq!(v["event_id_cnty"], "BFA3");
        assert_eq!(v["year"], 2025);
        assert_eq!(v["iso"], 854);
        assert_eq!(v["interaction"], 12);
        assert_eq!(v["latitude"], 14.6372);
        assert_eq!(v["assoc_actor_1"], Value::Null);
        assert_eq!(v["tags"], "");
        assert_eq!(v["timestamp"], 1_757_900_000);
        assert_eq!(v["veille_id"], 3);
        assert_eq!(v["fatalities_high"], 5);
        let evidence: Vec<veille_core::FieldEvidence> =
            serde_json::from_value(v["evidence"].clone()).unwrap();
        assert_eq!(evidence, record.evidence);
    }

    #[test]
    fn csv_cells_are_plain() {
        assert_eq!(Cell::Float(-10.0698).to_csv(), "-10.0698");
        assert_eq!(Cell::Float(1e-7).to_csv(), "0.0000001");
        assert_eq!(Cell::Float(f64::NAN).to_csv(), "");
        assert_eq!(Cell::Empty.to_csv(), "");
        assert_eq!(Cell::Float(f64::INFINITY).to_json(), Value::Null);
    }
}
