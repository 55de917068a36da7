//! Merges duplicate event records: the same incident told several times in one
//! article (headline, lead, body) becomes one event (CODEBOOK.md §1).
//!
//! Fed by the pipeline after geocoding (records carry coordinates); feeds the
//! store and the exports. Merging is the only stateful step, so it records why
//! it merged: [`Merge`] lists, for each kept event, the records folded into it.
//!
//! Two records are one incident when they have the same event type, their days
//! agree (the same day, or within a range's or a week's slack when either is
//! imprecise), and their places agree (within [`SAME_PLACE_KM`], or one is only
//! a region and the other lies in it).
//!
//! ```
//! use veille_merge::same_place;
//! assert!(same_place((14.44, -11.44, 1, "Kayes"), (14.445, -11.445, 1, "Kayes")));
//! ```
#![deny(missing_docs)]

use veille_core::{EventRecord, FieldEvidence};

/// Places closer than this are the same place.
/// (Niono and Molodo are 4 km apart and were attacked separately.)
pub const SAME_PLACE_KM: f64 = 1.5;

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let p = std::f64::consts::PI / 180.0;
    let h = ((lat2 - lat1) * p / 2.0).sin().powi(2)
        + (lat1 * p).cos() * (lat2 * p).cos() * ((lon2 - lon1) * p / 2.0).sin().powi(2);
    12742.0 * h.min(1.0).sqrt().asin()
}

/// Whether two places `(lat, lon, geo_precision, admin1)` are the same for
/// merging: close together, or one is only a region that contains the other.
pub fn same_place(a: (f64, f64, u8, &str), b: (f64, f64, u8, &str)) -> bool {
    if haversine_km(a.0, a.1, b.0, b.1) <= SAME_PLACE_KM {
        return true;
    }
    (a.2 >= 3 || b.2 >= 3) && !a.3.is_empty() && veille_core::fold(a.3) == veille_core::fold(b.3)
}

fn days_agree(a: &EventRecord, b: &EventRecord) -> bool {
    let gap = (a.event_date - b.event_date).get_days().abs();
    let slack = match a.time_precision.max(b.time_precision) {
        1 => 0,
        2 => 4,
        _ => 16,
    };
    gap <= slack
}

/// Whether two records tell the same incident.
pub fn same_incident(a: &EventRecord, b: &EventRecord) -> bool {
    a.article == b.article
        && a.event_type == b.event_type
        && days_agree(a, b)
        && same_place(
            (a.latitude, a.longitude, a.geo_precision, &a.admin1),
            (b.latitude, b.longitude, b.geo_precision, &b.admin1),
        )
}

/// What merging did: for each kept event, the indices of the input records it absorbed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merge {
    /// `absorbed[i]`: input indices merged into output event `i` (itself first).
    pub absorbed: Vec<Vec<usize>>,
}

/// Merges records of the same incident, keeping the first told and completing it
/// from the others: the more precise place and day, a named side over a generic
/// one, the larger death toll (a fuller count told later), all evidence.
pub fn merge(records: Vec<EventRecord>) -> (Vec<EventRecord>, Merge) {
    let mut out: Vec<EventRecord> = Vec::new();
    let mut why = Merge::default();
    for (i, r) in records.into_iter().enumerate() {
        if let Some(k) = out.iter().position(|o| same_incident(o, &r)) {
            absorb(&mut out[k], r);
            why.absorbed[k].push(i);
        } else {
            out.push(r);
            why.absorbed.push(vec![i]);
        }
    }
    (out, why)
}

fn is_generic(actor: &str) -> bool {
    actor.starts_with("Unidentified Armed Group")
}

fn absorb(kept: &mut EventRecord, other: EventRecord) {
    if other.geo_precision < kept.geo_precision {
        kept.location = other.location;
        kept.latitude = other.latitude;
        kept.longitude = other.longitude;
        kept.geo_precision = other.geo_precision;
        kept.admin1 = other.admin1;
        kept.admin2 = other.admin2;
        kept.admin3 = other.admin3;
        kept.country = other.country;
        replace_evidence(
            &mut kept.evidence,
            &other.evidence,
            veille_core::Field::Location,
        );
    }
    if other.time_precision < kept.time_precision {
        kept.event_date = other.event_date;
        kept.time_precision = other.time_precision;
        replace_evidence(
            &mut kept.evidence,
            &other.evidence,
            veille_core::Field::EventDate,
        );
    }
    if is_generic(&kept.actor1) && !is_generic(&other.actor1) {
        kept.actor1 = other.actor1;
        kept.inter1 = other.inter1;
        replace_evidence(
            &mut kept.evidence,
            &other.evidence,
            veille_core::Field::Actor1,
        );
    }
    if kept.actor2.is_none() && other.actor2.is_some() {
        kept.actor2 = other.actor2;
        kept.inter2 = other.inter2;
        replace_evidence(
            &mut kept.evidence,
            &other.evidence,
            veille_core::Field::Actor2,
        );
    }
    if other.fatalities > kept.fatalities {
        kept.fatalities = other.fatalities;
        replace_evidence(
            &mut kept.evidence,
            &other.evidence,
            veille_core::Field::Fatalities,
        );
    }
    kept.fatalities_low = kept
        .fatalities_low
        .min(other.fatalities_low)
        .min(kept.fatalities);
    kept.fatalities_high = kept
        .fatalities_high
        .max(other.fatalities_high)
        .max(kept.fatalities);
}

fn replace_evidence(
    kept: &mut Vec<FieldEvidence>,
    other: &[FieldEvidence],
    field: veille_core::Field,
) {
    if let Some(e) = other.iter().find(|e| e.field == field) {
        kept.retain(|k| k.field != field);
        kept.push(e.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use veille_core::{Date, EventType, SubEventType};

    fn record(day: i8, lat: f64, precision: u8, fatalities: u32, actor1: &str) -> EventRecord {
        EventRecord {
            article: "a".into(),
            event_date: Date::new(2025, 3, day).unwrap(),
            time_precision: 1,
            event_type: EventType::Battles,
            sub_event_type: SubEventType::ArmedClash,
            actor1: actor1.into(),
            assoc_actor_1: None,
            inter1: 2,
            actor2: None,
            assoc_actor_2: None,
            inter2: 0,
            country: "Mali".into(),
            admin1: "Mopti".into(),
            admin2: String::new(),
            admin3: String::new(),
            location: "X".into(),
            latitude: lat,
            longitude: -4.0,
            geo_precision: precision,
            source: String::new(),
            source_scale: String::new(),
            notes: String::new(),
            fatalities,
            fatalities_low: fatalities,
            fatalities_high: fatalities,
            evidence: vec![],
        }
    }

    #[test]
    fn the_same_incident_told_twice_is_one_event() {
        let (out, why) = merge(vec![
            record(3, 14.0, 3, 0, "Unidentified Armed Group (Mali)"),
            record(
                3,
                14.5,
                1,
                7,
                "JNIM: Group for Support of Islam and Muslims",
            ),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].geo_precision, 1);
        assert_eq!(out[0].fatalities, 7);
        assert!(out[0].actor1.starts_with("JNIM"));
        assert_eq!(why.absorbed, vec![vec![0, 1]]);
    }

    #[test]
    fn different_days_or_places_stay_apart() {
        let (out, _) = merge(vec![
            record(3, 14.0, 1, 0, "A"),
            record(5, 14.0, 1, 0, "A"),
            record(3, 15.0, 1, 0, "A"),
        ]);
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn haversine_is_right() {
        // Bamako to Gao is about 947 km.
        let d = haversine_km(12.65, -8.0, 16.27, -0.04);
        assert!((d - 947.0).abs() < 10.0, "{d}");
    }
}
