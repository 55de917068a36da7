use crate::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The article's language, as given by the batch or detected from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
    /// Anything else: veille extracts nothing from it.
    #[default]
    Other,
}

impl Lang {
    /// The ISO 639-1 code, or `"other"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }

    /// Parses "fr"/"en" (any case, also "fra"/"eng", "french"/"english").
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One cleaned article: what the extraction stages read and what the store keeps.
///
/// `text` is the cleaned text; every [`Span`] in veille points into it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The caller's name for the article: the batch `id`, or the file path.
    /// Outputs carry it as `article`.
    pub id: String,
    /// Where it came from (a file path, `-` for stdin, or the batch file and line).
    pub origin: String,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The title, when known (from the batch, the HTML, or the first line).
    pub title: Option<String>,
    /// The publication day: the batch's `published`, else a dateline in the text.
    pub published: Option<Date>,
    /// Where in the text the publication date was read, when it came from a dateline.
    pub published_span: Option<Span>,
    /// The outlet: the URL's host, or a byline.
    pub outlet: Option<String>,
    /// The language.
    pub lang: Lang,
    /// The cleaned text.
    pub text: String,
}

impl Article {
    /// The storage identity: a hash of the cleaned text, so that ingesting the same
    /// article twice is a no-op whatever it is called. 16 hex digits of FNV-1a 64
    /// over the UTF-8 bytes; stable across versions and platforms.
    pub fn content_id(&self) -> String {
        content_id(&self.text)
    }
}

/// See [`Article::content_id`].
pub fn content_id(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable() {
        assert_eq!(content_id(""), "cbf29ce484222325");
        assert_ne!(content_id("a"), content_id("b"));
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("english"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
