//! Reading what veille is given: files, directories, standard input and JSON Lines
//! batches, decoded to Unicode and checked, one [`RawDocument`] at a time.
//!
//! This is the first stage of the pipeline. Nothing feeds it but the caller's paths;
//! it feeds `veille_clean`, which removes page noise and turns each [`RawDocument`]
//! into a `veille_core::Article`.
//!
//! - [`read_inputs`] walks the inputs lazily (a directory of a million files is
//!   never listed into memory at once, a batch file is read line by line) and yields
//!   one `Result<RawDocument, IngestError>` per document, so that one bad input
//!   never stops the others;
//! - [`decode_bytes`] turns bytes into text: BOM, declared charset, UTF-8, else a
//!   guess by chardetng (Windows-1252 and friends); binary, empty and oversized
//!   inputs are refused;
//! - [`html_to_text`] finds an HTML page's main article text with trafilatura, and
//!   [`html_metadata`] reads its canonical URL and publication date.
//!
//! Inputs by extension: `.txt`, `.md` are text, `.html`, `.htm` are HTML, `.jsonl`
//! is a batch (FORMAT.md: `id`, `url`, `published`, `lang`, `title`, and `text` or
//! `html`). `-` is standard input, whose format is sniffed unless given.
//!
//! ```
//! use veille_ingest::{Body, InputFormat, read_inputs};
//! let dir = tempfile::tempdir().unwrap();
//! let batch = dir.path().join("batch.jsonl");
//! std::fs::write(&batch, "{\"id\": \"a1\", \"lang\": \"fr\", \"text\": \"Attaque à Diéma.\"}\n").unwrap();
//! let docs: Vec<_> = read_inputs(&[batch], InputFormat::Auto).collect();
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.id, "a1");
//! assert_eq!(doc.body, Body::Text("Attaque à Diéma.".into()));
//! ```
#![deny(missing_docs)]

mod batch;
mod decode;
mod error;
mod html;
mod inputs;

pub use decode::{MAX_INPUT_BYTES, decode_bytes, sniff_html_charset};
pub use error::{IngestError, IngestErrorKind};
pub use html::{HtmlMetadata, html_metadata, html_to_text};
pub use inputs::{RawDocuments, read_inputs};

use veille_core::{Date, Lang};

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By file extension; standard input and unknown extensions are sniffed
    /// (`{` starts a batch, `<` starts HTML, anything else is text).
    #[default]
    Auto,
    /// Plain text, one article per input.
    Text,
    /// An HTML page, one article per input.
    Html,
    /// A JSON Lines batch, one article a line.
    Jsonl,
}

/// The article body as it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Plain text (noise and all).
    Text(String),
    /// An HTML page, still in markup; [`html_to_text`] finds its article text.
    Html(String),
}

/// One document as read, decoded but not yet cleaned.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument {
    /// The caller's name for it: the batch `id`, the file path as given, or `-` for
    /// standard input.
    pub id: String,
    /// Where it came from: the file path, or `file.jsonl:LINE` for a batch line.
    pub origin: String,
    /// The article's URL: the batch's `url`, or the page's canonical URL.
    pub url: Option<String>,
    /// The publication day: the batch's `published`, or the page's
    /// `article:published_time` / `<time datetime>`.
    pub published: Option<Date>,
    /// The language the batch declares (a code other than fr/en gives `Lang::Other`).
    pub lang: Option<Lang>,
    /// The title the batch gives.
    pub title: Option<String>,
    /// The body.
    pub body: Body,
}
