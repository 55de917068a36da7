//! The scoring rules of score.py: which system event matches which gold event,
//! and the figures computed over the matches.

use crate::GoldArticle;
use crate::date::parse_date;
use crate::py::{
    dumps, dumps_container, float_repr, get, norm, py_eq, py_float, py_int, py_int_or, py_str,
    truthy,
};
use serde_json::{Map, Value, json};
use std::collections::{HashMap, HashSet};
use std::fmt;

// score.py's constants, under its names.
/// Exact-day gold events (`time_precision` 1) may be off by this many days.
const DATE_SLACK_DAYS: i64 = 1;
/// Slack for gold events coded with `time_precision` 2.
const WEEK_SLACK_DAYS: i64 = 4;
/// Slack for gold events coded with `time_precision` 3.
const MONTH_SLACK_DAYS: i64 = 16;
/// A matched event lies within this distance of the gold one.
const MATCH_KM: f64 = 50.0;
/// "Location right" within this distance.
const CLOSE_KM: f64 = 25.0;
/// Gold `geo_precision` from which an equal `admin1` stands for distance.
const REGION_PRECISION: i64 = 3;

/// The fields whose accuracy is measured over matched events, in score.py's order.
pub const FIELDS: [&str; 8] = [
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "fatalities",
    "location_25km",
    "event_date",
];

/// An empty object, for system events that are not objects.
static NO_FIELDS: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);

pub(crate) fn as_event(v: &Value) -> &Map<String, Value> {
    v.as_object().unwrap_or(&NO_FIELDS)
}

/// Great-circle distance in km (score.py's haversine, Earth radius 6371 km), or
/// `None` when either event lacks a readable latitude or longitude.
pub(crate) fn km(a: &Map<String, Value>, b: &Map<String, Value>) -> Option<f64> {
    let coordinate = |e: &Map<String, Value>, key: &str| e.get(key).and_then(py_float);
    let (lat1, lon1) = (coordinate(a, "latitude")?, coordinate(a, "longitude")?);
    let (lat2, lon2) = (coordinate(b, "latitude")?, coordinate(b, "longitude")?);
    let p = std::f64::consts::PI / 180.0;
    let h = squared(((lat2 - lat1) * p / 2.0).sin())
        + (lat1 * p).cos() * (lat2 * p).cos() * squared(((lon2 - lon1) * p / 2.0).sin());
    // Python's min(1.0, h) keeps 1.0 unless h < 1.0, so a NaN becomes 1.0.
    let h = if h < 1.0 { h } else { 1.0 };
    Some(12742.0 * h.sqrt().asin())
}

/// `x ** 2` as Python computes it: through libm's `pow`. The opaque exponent
/// keeps the compiler from turning it into `x * x`, which can differ in the last
/// bit and move a distance across a threshold.
fn squared(x: f64) -> f64 {
    x.powf(std::hint::black_box(2.0))
}

/// Days between the two dates when within the gold event's slack.
pub(crate) fn date_ok(g: &Map<String, Value>, s: &Map<String, Value>) -> Option<i64> {
    let gold_day = parse_date(get(g, "event_date"))?;
    let system_day = parse_date(get(s, "event_date"))?;
    let slack = match py_int_or(get(g, "time_precision"), 1) {
        Some(2) => WEEK_SLACK_DAYS,
        Some(3) => MONTH_SLACK_DAYS,
        _ => DATE_SLACK_DAYS,
    };
    let days = (gold_day - system_day).abs();
    (days <= slack).then_some(days)
}

/// The place distance used to rank a pair, when the places agree: the distance
/// within 50 km; the same admin1 for a region-level gold event (the distance,
/// or 50 without coordinates); the same location name without coordinates (50).
pub(crate) fn place_ok(g: &Map<String, Value>, s: &Map<String, Value>) -> Option<f64> {
    let distance = km(g, s);
    if let Some(d) = distance
        && d <= MATCH_KM
    {
        return Some(d);
    }
    let region_level = py_int_or(get(g, "geo_precision"), 1).unwrap_or(1) >= REGION_PRECISION;
    if region_level && truthy(get(g, "admin1")) && norm(get(g, "admin1")) == norm(get(s, "admin1"))
    {
        return Some(distance.unwrap_or(MATCH_KM));
    }
    if distance.is_none()
        && truthy(get(g, "location"))
        && norm(get(g, "location")) == norm(get(s, "location"))
    {
        return Some(MATCH_KM);
    }
    None
}

/// Greedy one-to-one matching within an article: same type first, then nearest
/// in time, then in space, then gold order, then system order. Returns
/// (gold index, system index) pairs in the order they were taken.
pub(crate) fn match_events(
    gold: &[Map<String, Value>],
    system: &[&Map<String, Value>],
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, s) in system.iter().enumerate() {
            let Some(days) = date_ok(g, s) else { continue };
            let Some(place) = place_ok(g, s) else {
                continue;
            };
            let type_differs = !py_eq(get(g, "event_type"), get(s, "event_type"));
            pairs.push((type_differs, days, place, i, j));
        }
    }
    pairs.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.partial_cmp(&b.2).unwrap_or(std::cmp::Ordering::Equal))
            .then((a.3, a.4).cmp(&(b.3, b.4)))
    });
    let (mut used_gold, mut used_system, mut out) = (HashSet::new(), HashSet::new(), Vec::new());
    for (_, _, _, i, j) in pairs {
        if used_gold.contains(&i) || used_system.contains(&j) {
            continue;
        }
        used_gold.insert(i);
        used_system.insert(j);
        out.push((i, j));
    }
    out
}

/// Whether a matched system event got `field` right (one of [`FIELDS`]).
pub(crate) fn field_right(field: &str, g: &Map<String, Value>, s: &Map<String, Value>) -> bool {
    match field {
        "location_25km" => match km(g, s) {
            Some(d) => d <= CLOSE_KM,
            None => norm(get(g, "location")) == norm(get(s, "location")),
        },
        "fatalities" => {
            let count = |v: &Value| {
                if truthy(v) {
                    py_int(v)
                } else {
                    py_int(&Value::from(0))
                }
            };
            match (count(get(g, "fatalities")), count(get(s, "fatalities"))) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            }
        }
        "actor1" | "actor2" => {
            let said = norm(get(s, field));
            said == norm(get(g, field))
                || alternatives(get(g, &format!("{field}_alt"))).any(|alt| said == norm(&alt))
        }
        _ => norm(get(g, field)) == norm(get(s, field)),
    }
}

/// `for a in (alts or [])`: a list's items, a dict's keys, a string's characters.
fn alternatives(alts: &Value) -> Box<dyn Iterator<Item = Value> + '_> {
    if !truthy(alts) {
        return Box::new(std::iter::empty());
    }
    match alts {
        Value::Array(items) => Box::new(items.iter().cloned()),
        Value::Object(map) => Box::new(map.keys().map(|k| Value::String(k.clone()))),
        Value::String(s) => Box::new(s.chars().map(|c| Value::String(c.into()))),
        _ => Box::new(std::iter::empty()),
    }
}

/// A matched pair of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventMatch {
    /// Index of the gold event in its article's `events`.
    pub gold: usize,
    /// Index of the system event in the `system` slice given to [`score`].
    pub system: usize,
    /// Whether the gold event is optional (matched, but not counted).
    pub optional: bool,
}

/// One article's counts, as score.py's `--by-article` rows, with the matching.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleScore {
    /// The article id (`str(id)`).
    pub article: String,
    /// The id as the gold file wrote it: score.py's JSON echoes it unchanged.
    pub article_id: Value,
    /// Matched non-optional gold events (`tp`).
    pub true_positives: usize,
    /// System events left unmatched (`fp`).
    pub false_positives: usize,
    /// Non-optional gold events left unmatched (`fn`).
    pub false_negatives: usize,
    /// The matched pairs, in the order the greedy matching took them.
    pub matches: Vec<EventMatch>,
    /// Indices into the `system` slice of this article's system events, in order.
    pub system_events: Vec<usize>,
}

/// score.py's result: counts, rounded rates and per-field accuracy.
///
/// Rates are rounded to 4 decimals the way Python's `round()` does; [`fmt::Display`]
/// prints score.py's text report and [`Score::to_json_text`] its `--json` output.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Gold articles scored.
    pub articles: usize,
    /// Non-optional gold events (`tp + fn`).
    pub gold_events: usize,
    /// System events naming a gold article (`tp + fp`).
    pub system_events: usize,
    /// Matched non-optional gold events (`tp`).
    pub matched: usize,
    /// matched / system events.
    pub precision: f64,
    /// matched / gold events.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// F1 counting only matches whose `event_type` agrees.
    pub typed_f1: f64,
    /// Matches whose `event_type` agrees.
    pub typed_matched: usize,
    /// Share of matched non-optional pairs with each field right, in [`FIELDS`] order.
    pub field_accuracy: Vec<(&'static str, f64)>,
    /// How many matched non-optional pairs got each field right, in [`FIELDS`] order.
    pub field_right: Vec<(&'static str, usize)>,
    /// System events whose `article` names no gold article.
    pub events_for_unknown_articles: usize,
    /// One row per gold article, in file order.
    pub by_article: Vec<ArticleScore>,
}

/// Python's `round(x, 4)`: the exact binary value rounded to 4 decimals, ties to
/// even (Rust's formatting rounds the exact value the same way), read back.
pub(crate) fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores system events (FORMAT.md's system-output form, each with `article`)
/// against the gold articles, exactly as score.py does.
pub fn score(gold: &[GoldArticle], system: &[Value]) -> Score {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, event) in system.iter().enumerate() {
        by_key
            .entry(py_str(get(as_event(event), "article")))
            .or_default()
            .push(j);
    }
    let known: HashSet<&str> = gold.iter().map(|a| a.id.as_str()).collect();
    let stray = by_key
        .iter()
        .filter(|(k, _)| !known.contains(k.as_str()))
        .map(|(_, v)| v.len())
        .sum();
    let (mut tp, mut fp, mut fn_, mut typed_tp) = (0, 0, 0, 0);
    let mut right = [0usize; FIELDS.len()];
    let mut rows = Vec::with_capacity(gold.len());
    for article in gold {
        let indices = by_key.get(&article.id).cloned().unwrap_or_default();
        let events: Vec<&Map<String, Value>> =
            indices.iter().map(|&j| as_event(&system[j])).collect();
        let pairs = match_events(&article.events, &events);
        let optional = |i: usize| truthy(get(&article.events[i], "optional"));
        let matched_gold: HashSet<usize> = pairs.iter().map(|&(i, _)| i).collect();
        let a_tp = pairs.iter().filter(|&&(i, _)| !optional(i)).count();
        let a_fn = (0..article.events.len())
            .filter(|&i| !matched_gold.contains(&i) && !optional(i))
            .count();
        let a_fp = events.len() - pairs.len();
        tp += a_tp;
        fn_ += a_fn;
        fp += a_fp;
        for &(i, j) in &pairs {
            if optional(i) {
                continue;
            }
            let (g, s) = (&article.events[i], events[j]);
            for (count, field) in right.iter_mut().zip(FIELDS) {
                *count += usize::from(field_right(field, g, s));
            }
            typed_tp += usize::from(py_eq(get(g, "event_type"), get(s, "event_type")));
        }
        rows.push(ArticleScore {
            article: article.id.clone(),
            article_id: article.id_value(),
            true_positives: a_tp,
            false_positives: a_fp,
            false_negatives: a_fn,
            matches: pairs
                .iter()
                .map(|&(i, j)| EventMatch {
                    gold: i,
                    system: indices[j],
                    optional: optional(i),
                })
                .collect(),
            system_events: indices,
        });
    }
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let (typed_p, typed_r) = (ratio(typed_tp, tp + fp), ratio(typed_tp, tp + fn_));
    Score {
        articles: gold.len(),
        gold_events: tp + fn_,
        system_events: tp + fp,
        matched: tp,
        precision: round4(p),
        recall: round4(r),
        f1: round4(harmonic(p, r)),
        typed_f1: round4(harmonic(typed_p, typed_r)),
        typed_matched: typed_tp,
        field_accuracy: FIELDS
            .iter()
            .zip(right)
            .map(|(&f, n)| (f, if tp == 0 { 0.0 } else { round4(ratio(n, tp)) }))
            .collect(),
        field_right: FIELDS.iter().copied().zip(right).collect(),
        events_for_unknown_articles: stray,
        by_article: rows,
    }
}

impl Score {
    /// score.py's text report; with `by_article`, as with its `--by-article` flag
    /// (one line per article with a miss or a false alarm).
    pub fn report(&self, by_article: bool) -> Report<'_> {
        Report {
            score: self,
            by_article,
        }
    }

    /// score.py's `--json` output, byte for byte (`json.dumps(result, indent=2)`,
    /// no final newline); with `by_article`, as with `--json --by-article`.
    pub fn to_json_text(&self, by_article: bool) -> String {
        let int = |n: usize| Value::from(n);
        let float = |x: f64, o: &mut String| o.push_str(&float_repr(x));
        let mut out = String::from("{\n");
        let mut entry = |key: &str, value: &dyn Fn(&mut String)| {
            if out.len() > 2 {
                out.push_str(",\n");
            }
            out.push_str("  ");
            crate::py::dumps_str(key, &mut out);
            out.push_str(": ");
            value(&mut out);
        };
        entry("articles", &|o| dumps(&int(self.articles), 1, o));
        entry("gold_events", &|o| dumps(&int(self.gold_events), 1, o));
        entry("system_events", &|o| dumps(&int(self.system_events), 1, o));
        entry("matched", &|o| dumps(&int(self.matched), 1, o));
        entry("precision", &|o| float(self.precision, o));
        entry("recall", &|o| float(self.recall, o));
        entry("f1", &|o| float(self.f1, o));
        entry("typed_f1", &|o| float(self.typed_f1, o));
        entry("field_accuracy", &|o| {
            o.push('{');
            for (k, (field, v)) in self.field_accuracy.iter().enumerate() {
                o.push_str(if k == 0 { "\n    " } else { ",\n    " });
                crate::py::dumps_str(field, o);
                o.push_str(": ");
                float(*v, o);
            }
            o.push_str(if self.field_accuracy.is_empty() {
                "}"
            } else {
                "\n  }"
            });
        });
        entry("events_for_unknown_articles", &|o| {
            dumps(&int(self.events_for_unknown_articles), 1, o)
        });
        if by_article {
            entry("by_article", &|o| {
                let rows: Vec<Value> = self.by_article.iter().map(row_value).collect();
                // Each row in score.py's key order: article, tp, fp, fn.
                o.push('[');
                for (k, row) in rows.iter().enumerate() {
                    o.push_str(if k == 0 { "\n    " } else { ",\n    " });
                    let keys = ["article", "tp", "fp", "fn"];
                    let items: Vec<(Option<&str>, &Value)> =
                        keys.iter().map(|&key| (Some(key), &row[key])).collect();
                    dumps_container(items.into_iter(), '{', '}', 2, o);
                }
                o.push_str(if rows.is_empty() { "]" } else { "\n  ]" });
            });
        }
        out.push_str("\n}");
        out
    }
}

fn row_value(row: &ArticleScore) -> Value {
    json!({
        "article": row.article_id,
        "tp": row.true_positives,
        "fp": row.false_positives,
        "fn": row.false_negatives,
    })
}

/// score.py's `--json` result as a JSON value (without `by_article`, as without
/// `--by-article`). Key order follows serde_json's map; for score.py's exact
/// layout use [`Score::to_json_text`].
pub fn score_json(score: &Score) -> Value {
    let accuracy: Map<String, Value> = score
        .field_accuracy
        .iter()
        .map(|(f, v)| ((*f).to_string(), json!(v)))
        .collect();
    json!({
        "articles": score.articles,
        "gold_events": score.gold_events,
        "system_events": score.system_events,
        "matched": score.matched,
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
        "typed_f1": score.typed_f1,
        "field_accuracy": accuracy,
        "events_for_unknown_articles": score.events_for_unknown_articles,
    })
}

/// [`score_json`] with the `by_article` rows, as `--json --by-article`.
pub fn score_json_by_article(score: &Score) -> Value {
    let mut value = score_json(score);
    value["by_article"] = Value::Array(score.by_article.iter().map(row_value).collect());
    value
}

/// score.py's text report (see [`Score::report`]). No final newline: print it
/// with `println!`.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    score: &'a Score,
    by_article: bool,
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.score;
        write!(
            f,
            "articles {}  gold events {}  system events {}  matched {}\n\
             precision {:.3}  recall {:.3}  F1 {:.3}  typed F1 {:.3}",
            s.articles,
            s.gold_events,
            s.system_events,
            s.matched,
            s.precision,
            s.recall,
            s.f1,
            s.typed_f1
        )?;
        for (field, v) in &s.field_accuracy {
            write!(f, "\n  {field:<15} {v:.3}")?;
        }
        if s.events_for_unknown_articles > 0 {
            write!(
                f,
                "\nwarning: {} events name no known article",
                s.events_for_unknown_articles
            )?;
        }
        if self.by_article {
            for row in s
                .by_article
                .iter()
                .filter(|r| r.false_positives > 0 || r.false_negatives > 0)
            {
                write!(
                    f,
                    "\n  {}: tp {} fp {} fn {}",
                    row.article, row.true_positives, row.false_positives, row.false_negatives
                )?;
            }
        }
        Ok(())
    }
}

/// score.py's default text report (no per-article lines). No final newline.
impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.report(false).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    /// A gold event at the invented village of Bélinga (12.00 N, 3.00 W), 2025-04-10.
    fn gold_at_belinga(extra: Value) -> Map<String, Value> {
        let mut g = ev(json!({
            "event_date": "2025-04-10", "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Front des Collines", "actor2": "Military Forces of Oasia (2020-)",
            "admin1": "Haute-Vallée", "location": "Bélinga", "latitude": 12.0, "longitude": -3.0,
            "fatalities": 2,
        }));
        g.extend(ev(extra));
        g
    }

    #[test]
    fn haversine_follows_score_py() {
        let a = ev(json!({"latitude": 12.0, "longitude": -3.0}));
        let b = ev(json!({"latitude": 13.0, "longitude": -3.0}));
        // One degree of latitude on a sphere of radius 6371 km.
        let d = km(&a, &b).unwrap();
        assert!(
            (d - 6371.0 * std::f64::consts::PI / 180.0).abs() < 1e-9,
            "{d}"
        );
        assert_eq!(km(&a, &a), Some(0.0));
        assert_eq!(
            km(&a, &ev(json!({"latitude": "13", "longitude": " -3 "}))),
            Some(d)
        );
        for missing in [
            json!({"latitude": 13.0}),
            json!({"latitude": null, "longitude": 1.0}),
            json!({"latitude": "n/a", "longitude": 1.0}),
        ] {
            assert_eq!(km(&a, &ev(missing)), None);
        }
    }

    #[test]
    fn date_slack_depends_on_gold_time_precision() {
        let system = |date: &str| ev(json!({ "event_date": date }));
        let cases = [
            (json!(1), "2025-04-11", Some(1)),
            (json!(1), "2025-04-12", None),
            (json!(null), "2025-04-09", Some(1)),
            (json!(2), "2025-04-14", Some(4)),
            (json!(2), "2025-04-15", None),
            (json!("2"), "2025-04-06", Some(4)),
            (json!(3), "2025-04-26", Some(16)),
            (json!(3), "2025-04-27", None),
            (json!(4), "2025-04-12", None),
            (json!(1), "2025-04-10T23:00", Some(0)),
            (json!(1), "10/04/2025", None),
        ];
        for (precision, date, want) in cases {
            let g = gold_at_belinga(json!({ "time_precision": precision }));
            assert_eq!(
                date_ok(&g, &system(date)),
                want,
                "precision {precision}, {date}"
            );
        }
    }

    #[test]
    fn place_agrees_by_distance_region_or_name() {
        let g = gold_at_belinga(json!({}));
        // 0.4 degrees north: about 44 km, within 50.
        let near = ev(json!({"latitude": 12.4, "longitude": -3.0, "admin1": "Elsewhere"}));
        assert!(place_ok(&g, &near).is_some_and(|d| (d - 44.5).abs() < 0.1));
        let far = ev(json!({"latitude": 12.6, "longitude": -3.0, "admin1": "haute vallee region"}));
        assert_eq!(place_ok(&g, &far), None);
        // A region-level gold event accepts the same admin1 at any distance.
        let regional = gold_at_belinga(json!({"geo_precision": 3}));
        let d = place_ok(&regional, &far).unwrap();
        assert!(d > 50.0, "{d}");
        let unplaced = ev(json!({"admin1": "HAUTE VALLEE"}));
        assert_eq!(place_ok(&regional, &unplaced), Some(MATCH_KM));
        // Without coordinates, the location name decides.
        let named = ev(json!({"location": "belinga"}));
        assert_eq!(place_ok(&g, &named), Some(MATCH_KM));
        assert_eq!(place_ok(&g, &ev(json!({"location": "Kassa"}))), None);
        // With coordinates too far, an equal name does not rescue the pair.
        let far_named = ev(json!({"latitude": 14.0, "longitude": -3.0, "location": "Bélinga"}));
        assert_eq!(place_ok(&g, &far_named), None);
    }

    #[test]
    fn matching_prefers_same_type_then_date_then_place() {
        let gold = vec![gold_at_belinga(json!({}))];
        let other_type = ev(
            json!({"event_date": "2025-04-10", "event_type": "Riots", "latitude": 12.0, "longitude": -3.0}),
        );
        let a_day_off = ev(
            json!({"event_date": "2025-04-11", "event_type": "Battles", "latitude": 12.3, "longitude": -3.0}),
        );
        let same_day = ev(
            json!({"event_date": "2025-04-10", "event_type": "Battles", "latitude": 12.3, "longitude": -3.0}),
        );
        let closer = ev(
            json!({"event_date": "2025-04-10", "event_type": "Battles", "latitude": 12.1, "longitude": -3.0}),
        );
        assert_eq!(
            match_events(&gold, &[&other_type, &a_day_off]),
            vec![(0, 1)]
        );
        assert_eq!(match_events(&gold, &[&a_day_off, &same_day]), vec![(0, 1)]);
        assert_eq!(match_events(&gold, &[&same_day, &closer]), vec![(0, 1)]);
        // Full ties go to the first system event.
        assert_eq!(
            match_events(&gold, &[&same_day, &same_day.clone()]),
            vec![(0, 0)]
        );
        // One system event serves one gold event only.
        let two = vec![
            gold_at_belinga(json!({})),
            gold_at_belinga(json!({"event_date": "2025-04-11"})),
        ];
        assert_eq!(match_events(&two, &[&a_day_off]), vec![(1, 0)]);
    }

    #[test]
    fn fields_right_or_wrong() {
        let g = gold_at_belinga(json!({"actor2_alt": ["Oasian army"]}));
        let s = gold_at_belinga(
            json!({"latitude": 12.2, "longitude": -3.0, "actor2": "oasian  ARMY", "admin1": "Haute Vallée Province"}),
        );
        for field in FIELDS {
            assert!(field_right(field, &g, &s), "{field}");
        }
        let wrong = gold_at_belinga(json!({
            "latitude": 12.3, "actor1": "Front des Plaines", "fatalities": "2.0",
            "event_date": "2025-04-11", "sub_event_type": "Attack",
        }));
        let verdicts: Vec<bool> = FIELDS.iter().map(|f| field_right(f, &g, &wrong)).collect();
        assert_eq!(
            verdicts,
            [true, false, false, true, true, false, false, false]
        );
        // Fatalities: null is 0, numeric text counts, text that is no integer is wrong.
        let count = |gold: Value, system: Value| {
            field_right(
                "fatalities",
                &ev(json!({"fatalities": gold})),
                &ev(json!({"fatalities": system})),
            )
        };
        assert!(count(json!(null), json!(0)));
        assert!(count(json!(3), json!(" 3 ")));
        assert!(count(json!(3), json!(3.7)));
        assert!(!count(json!(3), json!("three")));
        assert!(!count(json!("many"), json!("many")));
        // Location without coordinates: names decide, and two missing names agree.
        let no_xy = |loc: Value| ev(json!({ "location": loc }));
        assert!(field_right(
            "location_25km",
            &no_xy(json!("Bélinga")),
            &no_xy(json!("BELINGA"))
        ));
        assert!(field_right(
            "location_25km",
            &no_xy(json!(null)),
            &no_xy(json!(""))
        ));
        assert!(!field_right(
            "location_25km",
            &no_xy(json!("Bélinga")),
            &no_xy(json!("Kassa"))
        ));
    }

    #[test]
    fn optional_events_neither_reward_nor_punish() {
        let gold = vec![GoldArticle::new(
            "a",
            vec![
                Value::Object(gold_at_belinga(json!({}))),
                Value::Object(gold_at_belinga(
                    json!({"optional": true, "event_date": "2025-04-20"}),
                )),
                Value::Object(gold_at_belinga(
                    json!({"optional": true, "event_date": "2025-04-25"}),
                )),
            ],
        )];
        let found = gold_at_belinga(json!({"article": "a"}));
        let borderline =
            gold_at_belinga(json!({"article": "a", "event_date": "2025-04-20", "fatalities": 40}));
        let result = score(&gold, &[Value::Object(found), Value::Object(borderline)]);
        assert_eq!(
            (result.gold_events, result.system_events, result.matched),
            (1, 1, 1)
        );
        assert_eq!(
            (result.precision, result.recall, result.f1),
            (1.0, 1.0, 1.0)
        );
        assert_eq!(result.field_accuracy[5], ("fatalities", 1.0));
        assert_eq!(result.by_article[0].matches.len(), 2);
    }

    #[test]
    fn counts_rates_and_report() {
        let gold = vec![
            GoldArticle::new("a", vec![Value::Object(gold_at_belinga(json!({})))]),
            GoldArticle::new("b", vec![Value::Object(gold_at_belinga(json!({})))]),
            GoldArticle::new("quiet", vec![]),
        ];
        let at = |article: &str, extra: Value| {
            let mut e = gold_at_belinga(extra);
            e.insert("article".into(), json!(article));
            Value::Object(e)
        };
        let system = [
            at("a", json!({"event_type": "Riots"})),
            at("quiet", json!({})),
            at("nowhere", json!({})),
        ];
        let result = score(&gold, &system);
        assert_eq!(
            (
                result.articles,
                result.gold_events,
                result.system_events,
                result.matched
            ),
            (3, 2, 2, 1)
        );
        assert_eq!(
            (result.precision, result.recall, result.f1, result.typed_f1),
            (0.5, 0.5, 0.5, 0.0)
        );
        assert_eq!(result.events_for_unknown_articles, 1);
        assert_eq!(
            result.report(true).to_string(),
            "articles 3  gold events 2  system events 2  matched 1\n\
             precision 0.500  recall 0.500  F1 0.500  typed F1 0.000\n  \
             event_type      0.000\n  sub_event_type  1.000\n  actor1          1.000\n  \
             actor2          1.000\n  admin1          1.000\n  fatalities      1.000\n  \
             location_25km   1.000\n  event_date      1.000\n\
             warning: 1 events name no known article\n  \
             b: tp 0 fp 0 fn 1\n  quiet: tp 0 fp 1 fn 0"
        );
        let value = score_json_by_article(&result);
        assert_eq!(
            value["by_article"][2],
            json!({"article": "quiet", "tp": 0, "fp": 1, "fn": 0})
        );
        assert!(score_json(&result).get("by_article").is_none());
    }

    #[test]
    fn rounding_is_pythons() {
        assert_eq!(round4(2.0 / 3.0), 0.6667);
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(0.09375), 0.0938);
        assert_eq!(round4(0.00005), 0.0001);
        assert_eq!(round4(0.00015), 0.0001);
        assert_eq!(format!("{:.3}", round4(0.0625)), "0.062");
    }
}
