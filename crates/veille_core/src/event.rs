use crate::{Country, Date, EventType, Span, SubEventType};
use serde::{Deserialize, Serialize};

/// A coded field that can carry evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // One variant per ACLED column of the same name.
pub enum Field {
    EventDate,
    EventType,
    Actor1,
    Actor2,
    Location,
    Fatalities,
}

impl Field {
    /// The column name.
    pub fn name(self) -> &'static str {
        match self {
            Field::EventDate => "event_date",
            Field::EventType => "event_type",
            Field::Actor1 => "actor1",
            Field::Actor2 => "actor2",
            Field::Location => "location",
            Field::Fatalities => "fatalities",
        }
    }
}

/// The piece of cleaned text that supports one coded field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldEvidence {
    /// Which field it supports.
    pub field: Field,
    /// Where, in the article's cleaned text.
    pub span: Span,
    /// The spanned text, copied so exports are readable on their own.
    pub text: String,
}

/// One event in ACLED's columns (CODEBOOK.md §8), plus veille's own: the article
/// it came from, a fatality range, and the evidence behind each field.
///
/// Columns that follow from others (`year`, `disorder_type`, `interaction`,
/// `civilian_targeting`, `iso`, `region`) are methods, not stored twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// The article's caller-given id (batch `id` or file path).
    pub article: String,
    /// The day the event happened.
    pub event_date: Date,
    /// 1 day known, 2 week or range (middle coded), 3 month (15th coded).
    pub time_precision: u8,
    /// ACLED `event_type`.
    pub event_type: EventType,
    /// ACLED `sub_event_type`.
    pub sub_event_type: SubEventType,
    /// The side that acts.
    pub actor1: String,
    /// Actors acting with actor1.
    pub assoc_actor_1: Option<String>,
    /// actor1's ACLED inter code (1–8).
    pub inter1: u8,
    /// The other side, if any.
    pub actor2: Option<String>,
    /// Actors with actor2.
    pub assoc_actor_2: Option<String>,
    /// actor2's inter code, 0 when there is no actor2.
    pub inter2: u8,
    /// Country (ACLED's name).
    pub country: String,
    /// First administrative level.
    pub admin1: String,
    /// Second administrative level.
    pub admin2: String,
    /// Third administrative level.
    pub admin3: String,
    /// The most specific place named.
    pub location: String,
    /// WGS84 latitude.
    pub latitude: f64,
    /// WGS84 longitude.
    pub longitude: f64,
    /// 1 at the place, 2 near it, 3 only the larger area known.
    pub geo_precision: u8,
    /// Outlet(s).
    pub source: String,
    /// local / national / regional / international, or a combination.
    pub source_scale: String,
    /// One or two English sentences on what happened.
    pub notes: String,
    /// Deaths, all sides, most conservative reading.
    pub fatalities: u32,
    /// Lowest toll the article supports.
    pub fatalities_low: u32,
    /// Highest toll the article supports.
    pub fatalities_high: u32,
    /// Evidence spans behind the coded fields.
    pub evidence: Vec<FieldEvidence>,
}

impl EventRecord {
    /// ACLED `year`.
    pub fn year(&self) -> i16 {
        self.event_date.year()
    }

    /// ACLED `disorder_type`.
    pub fn disorder_type(&self) -> &'static str {
        self.event_type.disorder_type()
    }

    /// ACLED `interaction`: the two inter codes, lower first, or one code and 0.
    pub fn interaction(&self) -> u8 {
        let (a, b) = (self.inter1, self.inter2);
        if b == 0 {
            a * 10
        } else {
            a.min(b) * 10 + a.max(b)
        }
    }

    /// ACLED `civilian_targeting`: "Civilian targeting" when civilians are the target.
    pub fn civilian_targeting(&self) -> &'static str {
        if self.inter2 == 7 || self.event_type == EventType::ViolenceAgainstCivilians {
            "Civilian targeting"
        } else {
            ""
        }
    }

    /// ACLED `iso` (ISO 3166 numeric), when the country is known.
    pub fn iso(&self) -> Option<u16> {
        Country::from_name(&self.country).map(Country::iso_numeric)
    }

    /// ACLED `region`: veille covers Western Africa only.
    pub fn region(&self) -> &'static str {
        "Western Africa"
    }

    /// The evidence for one field, if any.
    pub fn evidence_for(&self, field: Field) -> Option<&FieldEvidence> {
        self.evidence.iter().find(|e| e.field == field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> EventRecord {
        EventRecord {
            article: "a".into(),
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
            source: "Example".into(),
            source_scale: "national".into(),
            notes: String::new(),
            fatalities: 0,
            fatalities_low: 0,
            fatalities_high: 0,
            evidence: vec![],
        }
    }

    #[test]
    fn derived_columns() {
        let e = sample();
        assert_eq!(e.interaction(), 12);
        assert_eq!(e.iso(), Some(466));
        assert_eq!(e.civilian_targeting(), "");
        assert_eq!(e.year(), 2025);
        let one_sided = EventRecord {
            inter1: 3,
            inter2: 0,
            actor2: None,
            ..sample()
        };
        assert_eq!(one_sided.interaction(), 30);
    }

    #[test]
    fn serializes_acled_labels() {
        let v = serde_json::to_value(sample()).unwrap();
        assert_eq!(v["event_type"], "Battles");
        assert_eq!(v["sub_event_type"], "Armed clash");
        assert_eq!(v["event_date"], "2025-09-14");
    }
}
