//! The extraction pipeline for one article, stage by stage.

use crate::notes;
use veille_assemble::{ActorSlot, EventFrame, GenericActor, Mentions, assemble};
use veille_core::{Article, Country, Date, EventRecord, Field, FieldEvidence, Span};
use veille_gazetteer::Gazetteer;
use veille_geocode::ResolvedPlace;
use veille_lexicon::actors::{ActorLexicon, Force};

/// A document read and cleaned, or why not.
pub fn clean(doc: veille_ingest::RawDocument) -> Result<Article, veille_clean::CleanError> {
    veille_clean::clean(doc)
}

/// Every event veille codes from one cleaned article. `today` bounds the year
/// guessed for weekday-dated events in undated articles.
pub fn extract(article: &Article, today: Date) -> Vec<EventRecord> {
    if article.lang == veille_core::Lang::Other {
        return Vec::new();
    }
    let gaz = Gazetteer::embedded();
    let mentions = Mentions::collect(article, today);
    let frames = assemble(article, &mentions);
    let ctx = veille_geocode::context_for(gaz, &article.text, &mentions.places);
    let records: Vec<EventRecord> = frames
        .iter()
        .filter_map(|f| {
            let place = veille_geocode::resolve(gaz, &f.place, &ctx)?;
            Some(record(article, f, &place))
        })
        .collect();
    let (merged, _why) = veille_merge::merge(records);
    merged
}

fn evidence(text: &str, field: Field, span: Option<Span>) -> Option<FieldEvidence> {
    let span = span?;
    let t = span.slice(text);
    (!t.is_empty()).then(|| FieldEvidence {
        field,
        span,
        text: t.to_string(),
    })
}

/// The ACLED name and inter code of one side, for the event's country and day.
fn name_actor(slot: &ActorSlot, country: Country, date: Date) -> (String, u8) {
    let lex = ActorLexicon::embedded();
    match slot {
        ActorSlot::Named {
            actor,
            country_hint,
            ..
        } => {
            let a = lex.actor(*actor);
            let c = a.country.or(*country_hint).unwrap_or(country);
            (lex.canonical_name(*actor, c, date), a.inter)
        }
        ActorSlot::Generic {
            kind, country_hint, ..
        } => {
            let c = country_hint.unwrap_or(country);
            match kind {
                GenericActor::StateMilitary => (lex.state_force(c, Force::Military, date), 1),
                GenericActor::StatePolice => (lex.state_force(c, Force::Police, date), 1),
                GenericActor::Government => (lex.state_force(c, Force::Government, date), 1),
                GenericActor::UnidentifiedArmed => {
                    (format!("Unidentified Armed Group ({})", country.name()), 3)
                }
                GenericActor::Civilians => (format!("Civilians ({})", c.name()), 7),
                GenericActor::Protesters => (format!("Protesters ({})", country.name()), 6),
                GenericActor::Rioters => (format!("Rioters ({})", country.name()), 5),
            }
        }
    }
}

fn record(article: &Article, f: &EventFrame, place: &ResolvedPlace) -> EventRecord {
    let text = article.text.as_str();
    let country = place.country;
    let (actor1, inter1) = name_actor(&f.actor1, country, f.date);
    let (actor2, inter2) = match &f.actor2 {
        Some(a) => {
            let (n, i) = name_actor(a, country, f.date);
            (Some(n), i)
        }
        None => (None, 0),
    };
    let mut ev = Vec::new();
    ev.extend(evidence(text, Field::EventType, Some(f.trigger)));
    ev.extend(evidence(text, Field::EventDate, f.date_span));
    ev.extend(evidence(text, Field::Actor1, f.actor1.span()));
    ev.extend(evidence(
        text,
        Field::Actor2,
        f.actor2.as_ref().and_then(ActorSlot::span),
    ));
    ev.extend(evidence(text, Field::Location, Some(f.place.cue_span)));
    let toll_span = f.toll_spans.iter().copied().reduce(Span::cover);
    ev.extend(evidence(
        text,
        Field::Fatalities,
        toll_span
            .filter(|s| s.len() < 400)
            .or(f.toll_spans.first().copied()),
    ));
    let mut record = EventRecord {
        article: article.id.clone(),
        event_date: f.date,
        time_precision: f.time_precision,
        event_type: f.sub_event_type.event_type(),
        sub_event_type: f.sub_event_type,
        actor1,
        assoc_actor_1: None,
        inter1,
        actor2,
        assoc_actor_2: None,
        inter2,
        country: country.name().to_string(),
        admin1: place.admin1.clone(),
        admin2: place.admin2.clone(),
        admin3: place.admin3.clone(),
        location: place.location.clone(),
        latitude: place.lat,
        longitude: place.lon,
        geo_precision: place.geo_precision,
        source: article.outlet.clone().unwrap_or_default(),
        source_scale: source_scale(article.outlet.as_deref()).to_string(),
        notes: String::new(),
        fatalities: f.fatalities,
        fatalities_low: f.fatalities_low,
        fatalities_high: f.fatalities_high,
        evidence: ev,
    };
    record.notes = notes::write(&record, !f.toll_spans.is_empty());
    record
}

/// ACLED's source scale, from the outlet's host: a national top-level domain of
/// the region is national press; anything else known is international.
fn source_scale(outlet: Option<&str>) -> &'static str {
    match outlet {
        None => "",
        Some(o) => {
            let tld = o.rsplit('.').next().unwrap_or("");
            if matches!(tld, "ml" | "bf" | "ne" | "sn" | "mr" | "gn" | "ci") {
                "national"
            } else if o.contains('.') {
                "international"
            } else {
                "national"
            }
        }
    }
}
