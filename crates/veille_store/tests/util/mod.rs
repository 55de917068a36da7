//! Fixtures shared by the store's integration tests: invented articles and events,
//! written for these tests.
#![allow(dead_code)] // Each test binary uses its own subset.

use veille_core::{
    Article, Date, EventRecord, EventType, Field, FieldEvidence, Lang, Span, SubEventType,
};

/// An article whose text (and so content id) depends on `n`.
pub(crate) fn article(n: usize) -> Article {
    Article {
        id: format!("test-{n:04}"),
        origin: "tests/batch.jsonl:1".into(),
        url: Some(format!("https://news.example/{n}")),
        title: Some(format!("Report number {n}")),
        published: Some(Date::new(2025, 9, 15).unwrap()),
        published_span: Some(Span::new(0, 10)),
        outlet: Some("news.example".into()),
        lang: Lang::Fr,
        text: format!(
            "2025-09-15 Selon des sources locales, des hommes armés ont attaqué le village \
             de Kouna, près de Diéma, dans la nuit. Bilan provisoire : {n} morts."
        ),
    }
}

/// A battle at Diéma, Kayes, on the given day, with evidence for three fields.
pub(crate) fn battle(article: &str, day: Date) -> EventRecord {
    EventRecord {
        article: article.into(),
        event_date: day,
        time_precision: 1,
        event_type: EventType::Battles,
        sub_event_type: SubEventType::ArmedClash,
        actor1: "JNIM: Group for Support of Islam and Muslims".into(),
        assoc_actor_1: None,
        inter1: 2,
        actor2: Some("Military Forces of Mali (2021-)".into()),
        assoc_actor_2: Some("Wagner Group".into()),
        inter2: 1,
        country: "Mali".into(),
        admin1: "Kayes".into(),
        admin2: "Diéma".into(),
        admin3: "Diéma".into(),
        location: "Diéma".into(),
        latitude: 14.5394,
        longitude: -9.1853,
        geo_precision: 1,
        source: "news.example".into(),
        source_scale: "national".into(),
        notes: "On 14 September 2025, militants clashed with soldiers near Diema, \"heavy\" toll."
            .into(),
        fatalities: 4,
        fatalities_low: 4,
        fatalities_high: 7,
        evidence: vec![
            FieldEvidence {
                field: Field::Location,
                span: Span::new(87, 93),
                text: "Diéma".into(),
            },
            FieldEvidence {
                field: Field::Actor1,
                span: Span::new(40, 53),
                text: "hommes armés".into(),
            },
            FieldEvidence {
                field: Field::Fatalities,
                span: Span::new(130, 137),
                text: "4 morts".into(),
            },
        ],
    }
}

/// An attack on civilians in Burkina Faso's Centre-Nord with no actor2 evidence.
pub(crate) fn attack_on_civilians(article: &str, day: Date) -> EventRecord {
    EventRecord {
        event_type: EventType::ViolenceAgainstCivilians,
        sub_event_type: SubEventType::Attack,
        actor1: "Unidentified Armed Group (Burkina Faso)".into(),
        inter1: 3,
        actor2: Some("Civilians (Burkina Faso)".into()),
        assoc_actor_2: None,
        inter2: 7,
        country: "Burkina Faso".into(),
        admin1: "Centre-Nord".into(),
        admin2: "Sanmatenga".into(),
        admin3: "Barsalogho".into(),
        location: "Barsalogho".into(),
        latitude: 13.4167,
        longitude: -1.0667,
        evidence: vec![],
        ..battle(article, day)
    }
}

pub(crate) fn day(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}
