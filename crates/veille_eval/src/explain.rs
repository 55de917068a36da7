//! Why the score is what it is: per article, the gold events missed, the system
//! events that match nothing, and the fields a matched event got wrong.

use crate::GoldArticle;
use crate::py::{get, py_str, truthy};
use crate::score::{FIELDS, as_event, field_right, km, score};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fmt;

/// One event, as a line a reader can check against the article.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSummary {
    /// `event_date`, or "?".
    pub date: String,
    /// `event_type / sub_event_type`.
    pub kind: String,
    /// `actor1 vs actor2` (or actor1 alone).
    pub actors: String,
    /// `location, admin1, country (lat, lon)`, whichever are known.
    pub place: String,
    /// Evidence: the gold event's `evidence`, or the system event's evidence
    /// texts as `field: "text"`.
    pub evidence: Vec<String>,
}

/// A field a matched event got wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDisagreement {
    /// One of [`FIELDS`].
    pub field: &'static str,
    /// What the gold event says.
    pub gold: String,
    /// What the system said.
    pub system: String,
}

/// A matched gold event and the fields the system got wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchedDisagreement {
    /// The gold event.
    pub gold: EventSummary,
    /// The wrong fields, in [`FIELDS`] order.
    pub fields: Vec<FieldDisagreement>,
}

/// What went wrong in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleExplanation {
    /// The article id.
    pub article: String,
    /// Non-optional gold events no system event matched.
    pub missed: Vec<EventSummary>,
    /// System events that matched no gold event.
    pub false_alarms: Vec<EventSummary>,
    /// Matched non-optional events with at least one wrong field.
    pub disagreements: Vec<MatchedDisagreement>,
}

/// The whole explanation: the articles with a miss, a false alarm or a wrong
/// field, in gold-file order, and the totals. [`fmt::Display`] prints it as plain text.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The articles with something to say.
    pub articles: Vec<ArticleExplanation>,
    /// Matched non-optional pairs.
    pub matched: usize,
    /// Missed gold events, all articles.
    pub missed: usize,
    /// False alarms, all articles (system events naming no gold article excluded).
    pub false_alarms: usize,
    /// Wrong fields over matched pairs, in [`FIELDS`] order.
    pub disagreements: Vec<(&'static str, usize)>,
    /// System events whose `article` names no gold article.
    pub events_for_unknown_articles: usize,
}

/// Explains the score of `system` against `gold`. `article_texts` maps an article
/// id to its cleaned text, to quote system evidence that carries a span but no
/// text; it may be empty.
pub fn explain(
    gold: &[GoldArticle],
    system: &[Value],
    article_texts: &HashMap<String, String>,
) -> Explanation {
    let scored = score(gold, system);
    let mut articles = Vec::new();
    let mut totals = [0usize; FIELDS.len()];
    for (article, row) in gold.iter().zip(&scored.by_article) {
        let text = article_texts.get(&article.id).map(String::as_str);
        let matched_gold: Vec<usize> = row.matches.iter().map(|m| m.gold).collect();
        let matched_system: Vec<usize> = row.matches.iter().map(|m| m.system).collect();
        let missed = (article.events.iter().enumerate())
            .filter(|(i, g)| !matched_gold.contains(i) && !truthy(get(g, "optional")))
            .map(|(_, g)| summarize(g, None))
            .collect();
        let false_alarms = (row.system_events.iter())
            .filter(|j| !matched_system.contains(j))
            .map(|&j| summarize(as_event(&system[j]), Some(text)))
            .collect();
        let mut disagreements = Vec::new();
        for m in row.matches.iter().filter(|m| !m.optional) {
            let (g, s) = (&article.events[m.gold], as_event(&system[m.system]));
            let fields: Vec<FieldDisagreement> = (FIELDS.iter().zip(totals.iter_mut()))
                .filter(|(field, _)| !field_right(field, g, s))
                .map(|(&field, total)| {
                    *total += 1;
                    disagreement(field, g, s)
                })
                .collect();
            if !fields.is_empty() {
                disagreements.push(MatchedDisagreement {
                    gold: summarize(g, None),
                    fields,
                });
            }
        }
        let explained = ArticleExplanation {
            article: article.id.clone(),
            missed,
            false_alarms,
            disagreements,
        };
        if !(explained.missed.is_empty()
            && explained.false_alarms.is_empty()
            && explained.disagreements.is_empty())
        {
            articles.push(explained);
        }
    }
    Explanation {
        articles,
        matched: scored.matched,
        missed: scored.gold_events - scored.matched,
        false_alarms: scored.system_events - scored.matched,
        disagreements: FIELDS.iter().copied().zip(totals).collect(),
        events_for_unknown_articles: scored.events_for_unknown_articles,
    }
}

/// A value as a reader wants to see it: text bare, nothing as "-".
fn shown(v: &Value) -> String {
    if v.is_null() || v.as_str().is_some_and(str::is_empty) {
        "-".into()
    } else {
        py_str(v)
    }
}

fn coordinates(e: &Map<String, Value>) -> Option<String> {
    let (lat, lon) = (get(e, "latitude"), get(e, "longitude"));
    (!lat.is_null() && !lon.is_null()).then(|| format!("({}, {})", degrees(lat), degrees(lon)))
}

/// A coordinate to 5 decimals (about a metre), without the float noise of
/// arithmetic such as 13.713890000000001.
fn degrees(v: &Value) -> String {
    match v.as_f64() {
        Some(x) if v.is_number() => {
            let fixed = format!("{x:.5}");
            let trimmed = fixed.trim_end_matches('0');
            if trimmed.ends_with('.') {
                format!("{trimmed}0")
            } else {
                trimmed.to_string()
            }
        }
        _ => py_str(v),
    }
}

/// `system_text` is `Some` for a system event: `Some(text)` when the article's
/// cleaned text is known, to quote evidence spans that carry no text.
fn summarize(e: &Map<String, Value>, system_text: Option<Option<&str>>) -> EventSummary {
    let mut actors = shown(get(e, "actor1"));
    if truthy(get(e, "actor2")) {
        actors = format!("{actors} vs {}", shown(get(e, "actor2")));
    }
    let mut place: Vec<String> = ["location", "admin1", "country"]
        .iter()
        .filter(|k| truthy(get(e, k)))
        .map(|k| py_str(get(e, k)))
        .collect();
    if place.is_empty() {
        place.push("-".into());
    }
    let mut place = place.join(", ");
    if let Some(xy) = coordinates(e) {
        place = format!("{place} {xy}");
    }
    let evidence = match system_text {
        None => gold_evidence(get(e, "evidence")),
        Some(text) => system_evidence(get(e, "evidence"), text),
    };
    EventSummary {
        date: shown(get(e, "event_date")),
        kind: format!(
            "{} / {}",
            shown(get(e, "event_type")),
            shown(get(e, "sub_event_type"))
        ),
        actors,
        place,
        evidence,
    }
}

fn gold_evidence(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .filter(|i| truthy(i))
            .map(|i| format!("\"{}\"", py_str(i)))
            .collect(),
        v if truthy(v) => vec![format!("\"{}\"", py_str(v))],
        _ => Vec::new(),
    }
}

/// System evidence: a list of `{field, text}` (or `{field, start, end}`, or
/// `{field, span: {start, end}}`, quoted from the article's text when known).
fn system_evidence(v: &Value, article_text: Option<&str>) -> Vec<String> {
    let Value::Array(items) = v else {
        return gold_evidence(v);
    };
    let offset = |item: &Value, key: &str| {
        item.get(key)
            .or_else(|| item.get("span").and_then(|s| s.get(key)))
            .and_then(Value::as_u64)
    };
    items
        .iter()
        .filter_map(|item| {
            let quoted = match item.get("text").and_then(Value::as_str) {
                Some(text) => text.to_string(),
                None => {
                    let (start, end) = (offset(item, "start")?, offset(item, "end")?);
                    article_text?
                        .get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)?
                        .to_string()
                }
            };
            let field = item.get("field").map(py_str);
            Some(match field {
                Some(field) => format!("{field}: \"{quoted}\""),
                None => format!("\"{quoted}\""),
            })
        })
        .collect()
}

fn disagreement(
    field: &'static str,
    g: &Map<String, Value>,
    s: &Map<String, Value>,
) -> FieldDisagreement {
    let (gold, system) = match field {
        "location_25km" => {
            let at = |e: &Map<String, Value>| {
                let name = shown(get(e, "location"));
                coordinates(e).map_or(name.clone(), |xy| format!("{name} {xy}"))
            };
            let system = match km(g, s) {
                Some(d) => format!("{}, {d:.1} km away", at(s)),
                None => at(s),
            };
            (at(g), system)
        }
        "actor1" | "actor2" => {
            let mut gold = shown(get(g, field));
            let alts: Vec<String> = match get(g, &format!("{field}_alt")) {
                Value::Array(items) => items.iter().map(py_str).collect(),
                _ => Vec::new(),
            };
            if !alts.is_empty() {
                gold = format!("{gold} (or {})", alts.join(", or "));
            }
            (gold, shown(get(s, field)))
        }
        "fatalities" => {
            let count = |e: &Map<String, Value>| {
                if truthy(get(e, field)) {
                    py_str(get(e, field))
                } else {
                    "0".into()
                }
            };
            (count(g), count(s))
        }
        _ => (shown(get(g, field)), shown(get(s, field))),
    };
    // A field can be wrong yet read the same once shown (a fatality count neither
    // side wrote as a number): show the JSON then, so the difference is visible.
    let (gold, system) = if gold == system {
        (get(g, field).to_string(), get(s, field).to_string())
    } else {
        (gold, system)
    };
    FieldDisagreement {
        field,
        gold,
        system,
    }
}

impl fmt::Display for EventSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}  {}  {}  at {}",
            self.date, self.kind, self.actors, self.place
        )?;
        for evidence in &self.evidence {
            write!(f, "\n      evidence: {evidence}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Explanation {
    /// Plain text, one block per article, then the summary. No final newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for article in &self.articles {
            writeln!(f, "{}", article.article)?;
            for event in &article.missed {
                writeln!(f, "  missed       {event}")?;
            }
            for event in &article.false_alarms {
                writeln!(f, "  false alarm  {event}")?;
            }
            for matched in &article.disagreements {
                let g = &matched.gold;
                writeln!(
                    f,
                    "  matched      {}  {}  {}  at {}",
                    g.date, g.kind, g.actors, g.place
                )?;
                for d in &matched.fields {
                    writeln!(f, "      {}: {} \u{2192} {}", d.field, d.gold, d.system)?;
                }
            }
            writeln!(f)?;
        }
        let wrong: usize = self.disagreements.iter().map(|(_, n)| n).sum();
        write!(
            f,
            "summary: {} missed, {} false alarms, {} field disagreements over {} matched events",
            self.missed, self.false_alarms, wrong, self.matched
        )?;
        let by_field: Vec<String> = self
            .disagreements
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(field, n)| format!("{field} {n}"))
            .collect();
        if !by_field.is_empty() {
            write!(f, "\n  by field: {}", by_field.join(", "))?;
        }
        if self.events_for_unknown_articles > 0 {
            write!(
                f,
                "\nwarning: {} events name no known article",
                self.events_for_unknown_articles
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gold() -> Vec<GoldArticle> {
        let event = |date: &str, place: &str, lat: f64, extra: Value| {
            let mut e = json!({
                "event_date": date, "event_type": "Battles", "sub_event_type": "Armed clash",
                "actor1": "Front des Collines", "actor2": "Military Forces of Oasia (2020-)",
                "country": "Oasia", "admin1": "Haute-Vallée", "location": place,
                "latitude": lat, "longitude": -3.0, "fatalities": 2,
                "evidence": format!("fighters of the Front clashed with soldiers near {place}"),
            });
            e.as_object_mut()
                .unwrap()
                .extend(extra.as_object().cloned().unwrap_or_default());
            e
        };
        vec![
            GoldArticle::new(
                "a1",
                vec![
                    event(
                        "2025-04-10",
                        "Bélinga",
                        12.0,
                        json!({"actor2_alt": ["Oasian army"]}),
                    ),
                    event("2025-04-18", "Kassa", 13.0, json!({})),
                    event("2025-04-28", "Morou", 14.0, json!({"optional": true})),
                ],
            ),
            GoldArticle::new("a2", vec![event("2025-04-12", "Tessa", 15.0, json!({}))]),
        ]
    }

    fn system() -> Vec<Value> {
        vec![
            json!({
                "article": "a1", "event_date": "2025-04-10", "event_type": "Battles",
                "sub_event_type": "Attack", "actor1": "Front des Collines", "actor2": "Civilians (Oasia)",
                "admin1": "Haute-Vallée", "location": "Bélinga", "latitude": 12.3, "longitude": -3.0,
                "fatalities": 5,
            }),
            json!({
                "article": "a1", "event_date": "2025-04-02", "event_type": "Riots",
                "sub_event_type": "Mob violence", "actor1": "Rioters (Oasia)", "location": "Dorri",
                "evidence": [
                    {"field": "event_type", "start": 4, "end": 10},
                    {"field": "actor1", "text": "a crowd"},
                ],
            }),
            json!({
                "article": "a2", "event_date": "2025-04-12", "event_type": "Battles",
                "sub_event_type": "Armed clash", "actor1": "Front des Collines",
                "actor2": "Military Forces of Oasia (2020-)", "admin1": "Haute Vallée Region",
                "location": "Tessa", "latitude": 15.0, "longitude": -3.0, "fatalities": "2",
            }),
            json!({"article": "a9", "event_date": "2025-04-12"}),
        ]
    }

    #[test]
    fn lists_misses_false_alarms_and_wrong_fields() {
        let texts = HashMap::from([("a1".to_string(), "the riots broke out".to_string())]);
        let explanation = explain(&gold(), &system(), &texts);
        assert_eq!(
            (
                explanation.matched,
                explanation.missed,
                explanation.false_alarms
            ),
            (2, 1, 1)
        );
        assert_eq!(explanation.events_for_unknown_articles, 1);
        // a2 is matched with every field right: nothing to say about it.
        assert_eq!(explanation.articles.len(), 1);
        let a1 = &explanation.articles[0];
        assert_eq!(a1.missed.len(), 1, "the optional event is not a miss");
        assert_eq!(
            a1.missed[0].place,
            "Kassa, Haute-Vallée, Oasia (13.0, -3.0)"
        );
        assert_eq!(
            a1.false_alarms[0].evidence,
            ["event_type: \"riots \"", "actor1: \"a crowd\""]
        );
        let wrong: Vec<&str> = a1.disagreements[0].fields.iter().map(|d| d.field).collect();
        assert_eq!(
            wrong,
            ["sub_event_type", "actor2", "fatalities", "location_25km"]
        );
        let actor2 = &a1.disagreements[0].fields[1];
        assert_eq!(
            (actor2.gold.as_str(), actor2.system.as_str()),
            (
                "Military Forces of Oasia (2020-) (or Oasian army)",
                "Civilians (Oasia)"
            )
        );
        let by_field: Vec<usize> = explanation.disagreements.iter().map(|(_, n)| *n).collect();
        assert_eq!(by_field, [0, 1, 0, 1, 0, 1, 1, 0]);
    }

    #[test]
    fn text_shows_each_article_and_a_summary() {
        let text = explain(&gold(), &system(), &HashMap::new()).to_string();
        assert!(
            text.starts_with("a1\n  missed       2025-04-18  Battles / Armed clash  "),
            "{text}"
        );
        assert!(
            text.contains(
                "      evidence: \"fighters of the Front clashed with soldiers near Kassa\"\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "  false alarm  2025-04-02  Riots / Mob violence  Rioters (Oasia)  at Dorri\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("      evidence: actor1: \"a crowd\"\n"),
            "{text}"
        );
        assert!(text.contains("      fatalities: 2 \u{2192} 5\n"), "{text}");
        assert!(text.contains("      location_25km: Bélinga (12.0, -3.0) \u{2192} Bélinga (12.3, -3.0), 33.4 km away\n"), "{text}");
        assert!(!text.contains("a2\n"), "{text}");
        assert!(
            text.ends_with(
                "summary: 1 missed, 1 false alarms, 4 field disagreements over 2 matched events\n  \
             by field: sub_event_type 1, actor2 1, fatalities 1, location_25km 1\n\
             warning: 1 events name no known article"
            ),
            "{text}"
        );
    }
}
