//! JSON values as score.py sees them.
//!
//! score.py is the reference scorer; to print the same figures, this crate reads
//! loosely typed JSON the way Python does: truthiness (`x or default`), `str()`,
//! `int()`, `float()`, `==`, its `norm()` key, `repr()` of floats and
//! `json.dumps(indent=2)`. Each helper names the Python expression it mirrors.

use serde_json::{Map, Value};
use std::fmt::Write as _;
use unicode_normalization::UnicodeNormalization;

static NULL: Value = Value::Null;

/// `d.get(key)`: a missing key reads as `None`.
pub(crate) fn get<'a>(map: &'a Map<String, Value>, key: &str) -> &'a Value {
    map.get(key).unwrap_or(&NULL)
}

/// `bool(v)`: None, False, 0, 0.0, "", [] and {} are false.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `str.isspace()` for the characters that matter here (`str.split()`,
/// `str.strip()`, `int()` and `float()` use it). Python also counts the ASCII
/// separators U+001C–U+001F, which Rust does not.
pub(crate) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `str(v)` of a value `json.loads` produced.
pub(crate) fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => {
            let mut out = String::new();
            py_repr(other, &mut out);
            out
        }
    }
}

/// `repr(v)`: what `str()` shows of a value inside a list or a dict.
fn py_repr(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&number_str(n)),
        Value::String(s) => string_repr(s, out),
        Value::Array(items) => {
            out.push('[');
            for (k, item) in items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                py_repr(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (k, (key, item)) in map.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                string_repr(key, out);
                out.push_str(": ");
                py_repr(item, out);
            }
            out.push('}');
        }
    }
}

fn number_str(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        float_repr(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// Python's string `repr()`: single quotes unless the text holds a single quote
/// and no double quote; control characters escaped.
fn string_repr(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || ('\u{7f}'..='\u{a0}').contains(&c) || c == '\u{ad}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            '\u{2028}' | '\u{2029}' | '\u{200b}'..='\u{200f}' | '\u{feff}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// `repr(x)` of a float: the shortest digits that read back as `x`, in fixed
/// notation from 1e-4 up to 1e16 and in exponent notation outside.
pub(crate) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the same shortest round-trip digits as Python's repr.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let point = exponent + 1;
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    if point <= -4 || point > 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let sign = if exponent < 0 { '-' } else { '+' };
        let _ = write!(out, "e{sign}{:02}", exponent.abs());
    } else if point <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat(point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else {
        let point = point as usize;
        if point >= digits.len() {
            out.push_str(&digits);
            out.push_str(&"0".repeat(point - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        }
    }
    out
}

/// `a == b` between two values `json.loads` produced: numbers compare by value
/// (`1 == 1.0`, `True == 1`), lists and dicts element by element.
pub(crate) fn py_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, p)| y.get(k).is_some_and(|q| py_eq(p, q)))
        }
        (Value::Bool(_) | Value::Number(_), Value::Bool(_) | Value::Number(_)) => numeric_eq(a, b),
        _ => false,
    }
}

/// A number as Python holds it: an exact integer or a float.
enum PyNumber {
    Int(i128),
    Float(f64),
}

fn py_number(v: &Value) -> Option<PyNumber> {
    match v {
        Value::Bool(b) => Some(PyNumber::Int(i128::from(*b))),
        Value::Number(n) => Some(if let Some(i) = n.as_i64() {
            PyNumber::Int(i128::from(i))
        } else if let Some(u) = n.as_u64() {
            PyNumber::Int(i128::from(u))
        } else {
            PyNumber::Float(n.as_f64().unwrap_or(f64::NAN))
        }),
        _ => None,
    }
}

fn numeric_eq(a: &Value, b: &Value) -> bool {
    match (py_number(a), py_number(b)) {
        (Some(PyNumber::Int(x)), Some(PyNumber::Int(y))) => x == y,
        (Some(PyNumber::Float(x)), Some(PyNumber::Float(y))) => x == y,
        (Some(PyNumber::Int(i)), Some(PyNumber::Float(f)))
        | (Some(PyNumber::Float(f)), Some(PyNumber::Int(i))) => {
            // Python compares an int and a float exactly, without rounding the int.
            f.is_finite() && f.fract() == 0.0 && f.abs() < 1.0e38 && f as i128 == i
        }
        _ => false,
    }
}

/// An integer as Python's `int()` returns it, kept exact whatever its size:
/// a sign and its decimal digits without leading zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PyInt {
    negative: bool,
    digits: String,
}

impl PyInt {
    fn from_digits(negative: bool, digits: &str) -> PyInt {
        let digits = digits.trim_start_matches('0');
        if digits.is_empty() {
            PyInt {
                negative: false,
                digits: "0".into(),
            }
        } else {
            PyInt {
                negative,
                digits: digits.into(),
            }
        }
    }

    /// The value, saturated to the range of `i64` (enough to compare it with 1, 2 or 3).
    pub(crate) fn saturating_i64(&self) -> i64 {
        let magnitude = if self.digits.len() > 18 {
            i64::MAX
        } else {
            self.digits.parse().unwrap_or(i64::MAX)
        };
        if self.negative { -magnitude } else { magnitude }
    }
}

/// `int(v)`, or `None` where Python raises (`ValueError`, `TypeError`,
/// `OverflowError`). Strings follow `int()`'s decimal grammar: surrounding
/// spaces, a sign, ASCII digits with single underscores between them.
pub(crate) fn py_int(v: &Value) -> Option<PyInt> {
    match v {
        Value::Null | Value::Array(_) | Value::Object(_) => None,
        Value::Bool(b) => Some(PyInt::from_digits(false, if *b { "1" } else { "0" })),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(PyInt::from_digits(i < 0, &i.unsigned_abs().to_string()))
            } else if let Some(u) = n.as_u64() {
                Some(PyInt::from_digits(false, &u.to_string()))
            } else {
                let x = n.as_f64()?;
                if !x.is_finite() {
                    return None;
                }
                // `{:.0}` prints a whole float's exact decimal expansion.
                let whole = format!("{:.0}", x.trunc().abs());
                Some(PyInt::from_digits(x < 0.0, &whole))
            }
        }
        Value::String(s) => {
            let s = s.trim_matches(is_py_space);
            let (negative, body) = match s.as_bytes().first() {
                Some(b'-') => (true, &s[1..]),
                Some(b'+') => (false, &s[1..]),
                _ => (false, s),
            };
            if !underscores_between_digits(body)
                || !body.bytes().all(|b| b.is_ascii_digit() || b == b'_')
            {
                return None;
            }
            Some(PyInt::from_digits(negative, &body.replace('_', "")))
        }
    }
}

/// `int(v or default)` for the small codes score.py reads (`time_precision`,
/// `geo_precision`); `None` where Python would raise.
pub(crate) fn py_int_or(v: &Value, default: i64) -> Option<i64> {
    if truthy(v) {
        py_int(v).map(|i| i.saturating_i64())
    } else {
        Some(default)
    }
}

/// PEP 515: an underscore may only stand between two digits.
fn underscores_between_digits(s: &str) -> bool {
    let bytes = s.as_bytes();
    !s.is_empty()
        && bytes.iter().enumerate().all(|(k, &b)| {
            b != b'_'
                || (k > 0
                    && bytes[k - 1].is_ascii_digit()
                    && bytes.get(k + 1).is_some_and(u8::is_ascii_digit))
        })
}

/// `float(v)`, or `None` where Python raises. Strings: surrounding spaces,
/// underscores between digits, `inf`, `infinity` and `nan` in any case.
pub(crate) fn py_float(v: &Value) -> Option<f64> {
    match v {
        Value::Null | Value::Array(_) | Value::Object(_) => None,
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let s = s.trim_matches(is_py_space);
            if s.contains('_') {
                if !underscores_between_digits(s) {
                    return None;
                }
                s.replace('_', "").parse().ok()
            } else {
                s.parse().ok()
            }
        }
    }
}

/// score.py's `norm()`: `str(v or "")`, NFKD, non-ASCII dropped, lower case,
/// `-` and `'` as spaces, runs of spaces collapsed, then a trailing " region"
/// and a trailing " province" removed (in that order, each once).
pub(crate) fn norm(v: &Value) -> String {
    let text = if truthy(v) { py_str(v) } else { String::new() };
    let ascii: String = text
        .nfkd()
        .filter(char::is_ascii)
        .map(|c| match c.to_ascii_lowercase() {
            '-' | '\'' => ' ',
            c => c,
        })
        .collect();
    let mut key = ascii
        .split(is_py_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    for suffix in [" region", " province"] {
        if key.ends_with(suffix) {
            key.truncate(key.len() - suffix.len());
        }
    }
    key
}

/// `json.dumps(v, indent=2)` of a value nested `depth` levels deep (ASCII-only
/// output, `", "`-free item separators, floats as `repr()`).
pub(crate) fn dumps(v: &Value, depth: usize, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_json(n)),
        Value::String(s) => dumps_str(s, out),
        Value::Array(items) => {
            dumps_container(items.iter().map(|item| (None, item)), '[', ']', depth, out);
        }
        Value::Object(map) => {
            dumps_container(
                map.iter().map(|(k, item)| (Some(k.as_str()), item)),
                '{',
                '}',
                depth,
                out,
            );
        }
    }
}

fn number_json(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(x) if !n.is_i64() && !n.is_u64() => match x {
            x if x.is_nan() => "NaN".into(),
            x if x == f64::INFINITY => "Infinity".into(),
            x if x == f64::NEG_INFINITY => "-Infinity".into(),
            x => float_repr(x),
        },
        _ => number_str(n),
    }
}

/// Writes a list or dict the way `json.dumps(indent=2)` does.
pub(crate) fn dumps_container<'a>(
    items: impl ExactSizeIterator<Item = (Option<&'a str>, &'a Value)>,
    open: char,
    close: char,
    depth: usize,
    out: &mut String,
) {
    out.push(open);
    if items.len() == 0 {
        out.push(close);
        return;
    }
    for (k, (key, item)) in items.enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push('\n');
        out.push_str(&"  ".repeat(depth + 1));
        if let Some(key) = key {
            dumps_str(key, out);
            out.push_str(": ");
        }
        dumps(item, depth + 1, out);
    }
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
    out.push(close);
}

/// A JSON string as `json.dumps` writes it with `ensure_ascii=True`.
pub(crate) fn dumps_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn truthiness_follows_python() {
        for falsy in [
            json!(null),
            json!(false),
            json!(0),
            json!(0.0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert!(!truthy(&falsy), "{falsy}");
        }
        for true_ in [
            json!(true),
            json!(-1),
            json!(0.5),
            json!(" "),
            json!([0]),
            json!({"a": null}),
        ] {
            assert!(truthy(&true_), "{true_}");
        }
    }

    #[test]
    fn str_of_values_follows_python() {
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!(20250914)), "20250914");
        assert_eq!(py_str(&json!(1.0)), "1.0");
        assert_eq!(
            py_str(&json!(["a", 1, null, false, 2.5])),
            "['a', 1, None, False, 2.5]"
        );
        assert_eq!(py_str(&json!(["it's"])), "[\"it's\"]");
        assert_eq!(py_str(&json!({"k": "v"})), "{'k': 'v'}");
    }

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (0.0001, "0.0001"),
            (1e-5, "1e-05"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456.0, "123456.0"),
            (0.6667, "0.6667"),
            (-2.5, "-2.5"),
            (1.2345678901234568e17, "1.2345678901234568e+17"),
            (1.5e300, "1.5e+300"),
            (-0.0, "-0.0"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn int_follows_python_grammar() {
        let int = |v: Value| py_int(&v).map(|i| i.saturating_i64());
        assert_eq!(int(json!(" 7 ")), Some(7));
        assert_eq!(int(json!("+7")), Some(7));
        assert_eq!(int(json!("-0")), Some(0));
        assert_eq!(int(json!("1_000")), Some(1000));
        assert_eq!(int(json!("007")), Some(7));
        assert_eq!(int(json!(3.9)), Some(3));
        assert_eq!(int(json!(-3.9)), Some(-3));
        assert_eq!(int(json!(true)), Some(1));
        for bad in [
            json!("3.0"),
            json!("1__0"),
            json!("_1"),
            json!("1_"),
            json!("+-1"),
            json!("1 0"),
            json!(""),
            json!([1]),
        ] {
            assert_eq!(int(bad.clone()), None, "{bad}");
        }
        assert_eq!(py_int(&json!(12.0)), py_int(&json!("0012")));
        assert_eq!(
            py_int(&json!(1e20)),
            py_int(&json!("100000000000000000000"))
        );
    }

    #[test]
    fn float_follows_python_grammar() {
        assert_eq!(py_float(&json!(" 1_0.5 ")), Some(10.5));
        assert_eq!(py_float(&json!("1e1_0")), Some(1e10));
        assert_eq!(py_float(&json!("-InFinity")), Some(f64::NEG_INFINITY));
        assert!(py_float(&json!("nan")).is_some_and(f64::is_nan));
        assert_eq!(py_float(&json!(".5")), Some(0.5));
        assert_eq!(py_float(&json!(true)), Some(1.0));
        for bad in [
            json!("1__0"),
            json!("_1"),
            json!("1_.5"),
            json!("0x10"),
            json!(""),
            json!(null),
            json!([1.0]),
        ] {
            assert_eq!(py_float(&bad), None, "{bad}");
        }
    }

    #[test]
    fn equality_follows_python() {
        assert!(py_eq(&json!(1), &json!(1.0)));
        assert!(py_eq(&json!(true), &json!(1)));
        assert!(py_eq(&json!(null), &json!(null)));
        assert!(!py_eq(&json!("1"), &json!(1)));
        assert!(!py_eq(&json!(null), &json!("")));
        assert!(py_eq(&json!({"a": [1, 2.0]}), &json!({"a": [1.0, 2]})));
    }

    #[test]
    fn norm_folds_case_accents_spacing_and_suffixes() {
        assert_eq!(norm(&json!("  Ségou-Région ")), "segou");
        assert_eq!(norm(&json!("Tillabéri Region")), "tillaberi");
        assert_eq!(
            norm(&json!("Boucle du Mouhoun Province Region")),
            "boucle du mouhoun"
        );
        assert_eq!(norm(&json!("Region")), "region");
        assert_eq!(norm(&json!("N'Djamena\u{1f}x")), "n djamena x");
        assert_eq!(norm(&json!("ﬁfth")), "fifth");
        assert_eq!(norm(&json!(null)), "");
        assert_eq!(norm(&json!(0)), "");
        assert_eq!(norm(&json!(false)), "");
        assert_eq!(norm(&json!(12)), "12");
    }

    #[test]
    fn dumps_matches_python_layout() {
        let mut out = String::new();
        dumps(
            &json!({"a": [1, 2.0, "é\n"], "b": {}, "c": []}),
            0,
            &mut out,
        );
        assert_eq!(
            out,
            "{\n  \"a\": [\n    1,\n    2.0,\n    \"\\u00e9\\n\"\n  ],\n  \"b\": {},\n  \"c\": []\n}"
        );
    }
}
