//! The crate's one error type.

/// An input that could not be read, with the input named: `path` or `path:line`.
#[derive(Debug, thiserror::Error)]
#[error("{input}: {kind}")]
pub struct IngestError {
    /// The failing input: a file path, `-`, or `batch.jsonl:LINE`.
    pub input: String,
    /// What went wrong.
    pub kind: IngestErrorKind,
}

impl IngestError {
    pub(crate) fn new(input: impl Into<String>, kind: IngestErrorKind) -> IngestError {
        IngestError {
            input: input.into(),
            kind,
        }
    }
}

/// What went wrong with an input.
#[derive(Debug, thiserror::Error)]
pub enum IngestErrorKind {
    /// The file or directory could not be read.
    #[error("cannot read ({0})")]
    Io(std::io::Error),
    /// NUL bytes or many control characters: not a text document.
    #[error("not text (binary content)")]
    Binary,
    /// Nothing but white space.
    #[error("empty")]
    Empty,
    /// Bigger than [`crate::MAX_INPUT_BYTES`].
    #[error("too large ({bytes} bytes, limit 20 MB)")]
    TooLarge {
        /// The input's size.
        bytes: u64,
    },
    /// A batch line that is not a JSON object.
    #[error("malformed JSON ({0})")]
    Json(serde_json::Error),
    /// A batch line without its required `id`.
    #[error("missing \"id\"")]
    MissingId,
    /// A batch line with neither `text` nor `html`.
    #[error("neither \"text\" nor \"html\" given")]
    MissingBody,
    /// A batch field of the wrong form.
    #[error("\"{field}\" {problem}")]
    BadField {
        /// The field's name.
        field: &'static str,
        /// What is wrong with it, e.g. `is not a date: "hier"`.
        problem: String,
    },
    /// An HTML page in which neither trafilatura nor the `<body>` paragraphs hold text.
    #[error("no article text found in HTML")]
    NoArticleText,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_input() {
        let e = IngestError::new("bad.bin", IngestErrorKind::Binary);
        assert_eq!(e.to_string(), "bad.bin: not text (binary content)");
        let e = IngestError::new("big.txt", IngestErrorKind::TooLarge { bytes: 25_000_000 });
        assert_eq!(
            e.to_string(),
            "big.txt: too large (25000000 bytes, limit 20 MB)"
        );
        let e = IngestError::new(
            "b.jsonl:3",
            IngestErrorKind::BadField {
                field: "published",
                problem: "is not a date: \"hier\"".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "b.jsonl:3: \"published\" is not a date: \"hier\""
        );
        assert_eq!(
            IngestError::new("-", IngestErrorKind::Empty).to_string(),
            "-: empty"
        );
    }
}
