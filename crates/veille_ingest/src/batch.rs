//! One line of a JSON Lines batch (FORMAT.md) to a [`RawDocument`].

use crate::{Body, IngestErrorKind, RawDocument, html_metadata};
use serde_json::{Map, Value};
use veille_core::{Date, Lang};

/// The day of an ISO date or date-time: "2025-09-04", "2025-09-04T10:00:00Z",
/// "2025-09-04 10:00". Anything else is `None`.
pub(crate) fn parse_day(value: &str) -> Option<Date> {
    let value = value.trim();
    let day = value.get(..10)?;
    match value.as_bytes().get(10) {
        None | Some(b'T' | b't' | b' ') => day.parse().ok(),
        Some(_) => None,
    }
}

/// Parses one batch line; `origin` is `file:LINE`.
pub(crate) fn parse_line(line: &str, origin: &str) -> Result<RawDocument, IngestErrorKind> {
    let object: Map<String, Value> = serde_json::from_str(line).map_err(IngestErrorKind::Json)?;
    let id = match object.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(IngestErrorKind::MissingId),
    };
    let published = match optional_string(&object, "published")? {
        None => None,
        Some(s) => Some(parse_day(&s).ok_or_else(|| IngestErrorKind::BadField {
            field: "published",
            problem: format!("is not a date: {s:?}"),
        })?),
    };
    // A declared language veille does not read ("de", "ar") is still a declaration.
    let lang =
        optional_string(&object, "lang")?.map(|code| Lang::from_code(&code).unwrap_or(Lang::Other));
    let mut url = optional_string(&object, "url")?;
    let title = optional_string(&object, "title")?;
    let body = match (
        optional_string(&object, "text")?,
        optional_string(&object, "html")?,
    ) {
        (Some(text), _) => Body::Text(text),
        (None, Some(html)) => Body::Html(html),
        (None, None) => return Err(IngestErrorKind::MissingBody),
    };
    let text = match &body {
        Body::Text(t) | Body::Html(t) => t,
    };
    crate::decode::check_text(text)?;
    let mut published = published;
    if let Body::Html(html) = &body {
        let meta = html_metadata(html);
        url = url.or(meta.url);
        published = published.or(meta.published);
    }
    Ok(RawDocument {
        id,
        origin: origin.to_owned(),
        url,
        published,
        lang,
        title,
        body,
    })
}

/// A string field; absent, null and blank are `None`; another JSON type is an error.
fn optional_string(
    object: &Map<String, Value>,
    field: &'static str,
) -> Result<Option<String>, IngestErrorKind> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(IngestErrorKind::BadField {
            field,
            problem: format!("should be a string, not {}", json_type(other)),
        }),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_line() {
        let line = r#"{"id": "fr-7", "url": "https://ex.example/a", "published": "2025-09-04T10:00:00Z", "lang": "fr", "title": "Titre", "text": "Corps.", "events": [{"x": 1}]}"#;
        let doc = parse_line(line, "b.jsonl:1").unwrap();
        assert_eq!(doc.id, "fr-7");
        assert_eq!(doc.origin, "b.jsonl:1");
        assert_eq!(doc.url.as_deref(), Some("https://ex.example/a"));
        assert_eq!(doc.published, Some(Date::new(2025, 9, 4).unwrap()));
        assert_eq!(doc.lang, Some(Lang::Fr));
        assert_eq!(doc.title.as_deref(), Some("Titre"));
        assert_eq!(doc.body, Body::Text("Corps.".into()));
    }

    #[test]
    fn nulls_other_languages_and_html() {
        let line = r#"{"id": 12, "published": null, "lang": "de", "title": null, "html": "<link rel=canonical href='https://ex.example/b'><p>Hallo</p>"}"#;
        let doc = parse_line(line, "b.jsonl:2").unwrap();
        assert_eq!(doc.id, "12");
        assert_eq!(doc.lang, Some(Lang::Other));
        assert_eq!(doc.title, None);
        assert_eq!(doc.url.as_deref(), Some("https://ex.example/b"));
        assert!(matches!(doc.body, Body::Html(_)));
    }

    #[test]
    fn bad_lines() {
        let err = |line: &str| parse_line(line, "x").unwrap_err().to_string();
        assert_eq!(err(r#"{"text": "a"}"#), "missing \"id\"");
        assert_eq!(err(r#"{"id": "a"}"#), "neither \"text\" nor \"html\" given");
        assert_eq!(
            err(r#"{"id": "a", "text": "b", "published": "hier"}"#),
            "\"published\" is not a date: \"hier\""
        );
        assert_eq!(
            err(r#"{"id": "a", "text": 3}"#),
            "\"text\" should be a string, not a number"
        );
        assert!(err(r#"{"id": "a", "text": "#).starts_with("malformed JSON ("));
        assert!(err("[1, 2]").starts_with("malformed JSON ("));
        assert_eq!(
            err(r#"{"id": "a", "text": "\u0000\u0001"}"#),
            "not text (binary content)"
        );
    }

    #[test]
    fn days() {
        assert_eq!(
            parse_day("2025-09-04"),
            Some(Date::new(2025, 9, 4).unwrap())
        );
        assert_eq!(
            parse_day(" 2025-09-04 10:00 "),
            Some(Date::new(2025, 9, 4).unwrap())
        );
        assert_eq!(parse_day("2025-09-04x"), None);
        assert_eq!(parse_day("2025-13-04"), None);
        assert_eq!(parse_day("04/09/2025"), None);
        assert_eq!(parse_day("é"), None);
    }
}
