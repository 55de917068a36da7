//! Reading the gold file (one article a line, with its `events`) and system
//! output (one event a line, with its `article`), both JSON Lines as FORMAT.md
//! describes them.
//!
//! Values are kept as JSON, not typed: score.py reads them loosely (a missing key
//! and a null are the same, `"3"` is a fatality count), and scoring the same way
//! needs the raw values. What score.py would stumble on is refused here, with the
//! file and line.

use crate::EvalError;
use crate::py::{is_py_space, py_int_or, py_str, truthy};
use serde_json::{Map, Value};
use std::path::Path;

/// One gold article: its id, its gold events, and the rest of its line.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    /// `str(id)`: the key system events name in their `article` field.
    pub id: String,
    /// The events an analyst coded from the article, each as written in the file
    /// (ACLED columns, `optional`, `actor1_alt`, `actor2_alt`, `evidence`).
    pub events: Vec<Map<String, Value>>,
    /// Every other field of the line (`id`, `url`, `published`, `lang`, `title`,
    /// `text` or `html`), from which the caller builds the article to extract from.
    pub article: Map<String, Value>,
    /// The 1-based line of the file it came from (0 when built in code).
    pub line: usize,
}

impl GoldArticle {
    /// An article built in code, with events given as JSON objects; values that
    /// are not objects count as events with no fields.
    pub fn new(id: &str, events: Vec<Value>) -> GoldArticle {
        let mut article = Map::new();
        article.insert("id".into(), Value::String(id.into()));
        GoldArticle {
            id: id.into(),
            events: events.into_iter().map(into_object).collect(),
            article,
            line: 0,
        }
    }

    /// The id as the gold file wrote it (a string, or whatever JSON value it was).
    pub fn id_value(&self) -> Value {
        self.article
            .get("id")
            .cloned()
            .unwrap_or_else(|| Value::String(self.id.clone()))
    }
}

fn into_object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Reads a gold file: one JSON object a line, blank lines skipped.
///
/// Each line needs an `id`; `events`, when present and not empty, must be a list
/// of objects; a gold event's `time_precision` and `geo_precision` must read as
/// whole numbers, and its `actor1_alt` / `actor2_alt` as lists.
pub fn read_gold(path: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let text = read(path)?;
    parse_gold(&text, &path.display().to_string())
}

/// [`read_gold`] on text already in memory; `origin` names it in errors.
pub fn parse_gold(text: &str, origin: &str) -> Result<Vec<GoldArticle>, EvalError> {
    let mut articles = Vec::new();
    for (line, record) in json_lines(text, origin) {
        let bad = |reason: String| EvalError::Gold {
            origin: origin.into(),
            line,
            reason,
        };
        let mut article = match record? {
            Value::Object(map) => map,
            other => {
                return Err(bad(format!(
                    "expected a JSON object, found {}",
                    kind(&other)
                )));
            }
        };
        let id = match article.get("id") {
            Some(id) => py_str(id),
            None => return Err(bad("the article has no \"id\"".into())),
        };
        let events = match article.remove("events") {
            Some(Value::Array(events)) => events,
            Some(v) if truthy(&v) => {
                return Err(bad(format!(
                    "\"events\" must be a list, found {}",
                    kind(&v)
                )));
            }
            _ => Vec::new(),
        };
        let mut objects = Vec::with_capacity(events.len());
        for (k, event) in events.into_iter().enumerate() {
            let Value::Object(event) = event else {
                return Err(bad(format!(
                    "event {} of {id:?} must be a JSON object, found {}",
                    k + 1,
                    kind(&event)
                )));
            };
            check_gold_event(&event)
                .map_err(|reason| bad(format!("event {} of {id:?}: {reason}", k + 1)))?;
            objects.push(event);
        }
        articles.push(GoldArticle {
            id,
            events: objects,
            article,
            line,
        });
    }
    Ok(articles)
}

/// The fields score.py converts with `int()` or iterates: where Python would
/// raise, say so.
fn check_gold_event(event: &Map<String, Value>) -> Result<(), String> {
    for field in ["time_precision", "geo_precision"] {
        if let Some(v) = event.get(field)
            && py_int_or(v, 1).is_none()
        {
            return Err(format!("{field} {v} is not a whole number"));
        }
    }
    for field in ["actor1_alt", "actor2_alt"] {
        if let Some(v) = event.get(field)
            && truthy(v)
            && !matches!(v, Value::Array(_) | Value::String(_) | Value::Object(_))
        {
            return Err(format!("{field} {v} is not a list of names"));
        }
    }
    Ok(())
}

/// Reads system output: one event a line, each with `article` naming its article.
pub fn read_system(path: &Path) -> Result<Vec<Value>, EvalError> {
    let text = read(path)?;
    parse_system(&text, &path.display().to_string())
}

/// [`read_system`] on text already in memory; `origin` names it in errors.
pub fn parse_system(text: &str, origin: &str) -> Result<Vec<Value>, EvalError> {
    let mut events = Vec::new();
    for (line, record) in json_lines(text, origin) {
        match record? {
            event @ Value::Object(_) => events.push(event),
            other => {
                return Err(EvalError::System {
                    origin: origin.into(),
                    line,
                    reason: format!("expected a JSON object, found {}", kind(&other)),
                });
            }
        }
    }
    Ok(events)
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The non-blank lines of a JSON Lines text, numbered from 1, each parsed.
fn json_lines<'a>(
    text: &'a str,
    origin: &'a str,
) -> impl Iterator<Item = (usize, Result<Value, EvalError>)> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_matches(is_py_space).is_empty())
        .map(move |(k, l)| {
            let parsed = serde_json::from_str(l).map_err(|source| EvalError::Json {
                origin: origin.into(),
                line: k + 1,
                source,
            });
            (k + 1, parsed)
        })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_articles_events_and_the_rest_of_the_line() {
        let text = "{\"id\": \"a1\", \"text\": \"Rien.\", \"events\": []}\n\n   \n\
                    {\"id\": 7, \"events\": [{\"event_date\": \"2025-01-02\", \"time_precision\": \"2\"}]}\n\
                    {\"id\": \"a3\"}\n";
        let gold = parse_gold(text, "g.jsonl").unwrap();
        assert_eq!(gold.len(), 3);
        assert_eq!(gold[0].id, "a1");
        assert_eq!(
            gold[0].article.get("text"),
            Some(&Value::String("Rien.".into()))
        );
        assert!(!gold[0].article.contains_key("events"));
        assert_eq!(
            (gold[1].id.as_str(), gold[1].line, gold[1].events.len()),
            ("7", 4, 1)
        );
        assert_eq!(gold[1].id_value(), Value::from(7));
        assert!(gold[2].events.is_empty());
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cases = [
            ("{\"id\": \"a\"}\n{oops}\n", "g.jsonl:2: not valid JSON"),
            (
                "[1, 2]\n",
                "g.jsonl:1: expected a JSON object, found a list",
            ),
            ("{\"events\": []}\n", "g.jsonl:1: the article has no \"id\""),
            (
                "{\"id\": \"a\", \"events\": \"none\"}\n",
                "g.jsonl:1: \"events\" must be a list, found a string",
            ),
            (
                "{\"id\": \"a\", \"events\": [3]}\n",
                "g.jsonl:1: event 1 of \"a\" must be a JSON object, found a number",
            ),
            (
                "{\"id\": \"a\", \"events\": [{\"time_precision\": \"week\"}]}\n",
                "g.jsonl:1: event 1 of \"a\": time_precision \"week\" is not a whole number",
            ),
            (
                "{\"id\": \"a\", \"events\": [{\"actor1_alt\": 4}]}\n",
                "g.jsonl:1: event 1 of \"a\": actor1_alt 4 is not a list of names",
            ),
        ];
        for (text, want) in cases {
            let message = parse_gold(text, "g.jsonl").unwrap_err().to_string();
            assert!(message.starts_with(want), "{message}");
        }
    }

    #[test]
    fn system_lines_must_be_objects() {
        let events =
            parse_system("{\"article\": \"a\"}\n\n{\"article\": \"b\"}\n", "s.jsonl").unwrap();
        assert_eq!(events.len(), 2);
        let message = parse_system("{\"article\": \"a\"}\n\"x\"\n", "s.jsonl")
            .unwrap_err()
            .to_string();
        assert_eq!(message, "s.jsonl:2: expected a JSON object, found a string");
    }

    #[test]
    fn missing_file_is_named() {
        let message = read_gold(Path::new("/nonexistent/gold.jsonl"))
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("cannot read /nonexistent/gold.jsonl: "),
            "{message}"
        );
    }
}
