//! Walking the inputs lazily: files, directories (depth first, sorted), standard
//! input, and batch files line by line.

use crate::decode::{MAX_INPUT_BYTES, decode_bytes, sniff_html_charset};
use crate::{Body, IngestError, IngestErrorKind, InputFormat, RawDocument, batch, html_metadata};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Reads `inputs` in order and yields one result per document.
///
/// A directory is walked recursively in sorted order, keeping only `.txt`, `.md`,
/// `.html`, `.htm` and `.jsonl` files and skipping hidden entries; `-` is standard
/// input. A `format` other than [`InputFormat::Auto`] overrides extensions. Errors
/// come as items (naming the file, or `file:line` in a batch) and reading goes on.
pub fn read_inputs(inputs: &[PathBuf], format: InputFormat) -> RawDocuments {
    let pending = inputs
        .iter()
        .rev()
        .map(|p| Pending {
            path: p.clone(),
            walked: false,
        })
        .collect();
    RawDocuments {
        format,
        pending,
        batch: None,
    }
}

/// The iterator [`read_inputs`] returns.
pub struct RawDocuments {
    format: InputFormat,
    /// Paths still to read, the next one last.
    pending: Vec<Pending>,
    /// The batch being read line by line, if any.
    batch: Option<BatchReader>,
}

struct Pending {
    path: PathBuf,
    /// Found by walking a directory (rather than named by the caller).
    walked: bool,
}

impl Iterator for RawDocuments {
    type Item = Result<RawDocument, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(batch) = &mut self.batch {
                match batch.next_document() {
                    Some(item) => return Some(item),
                    None => self.batch = None,
                }
            }
            let Pending { path, walked } = self.pending.pop()?;
            if let Some(item) = self.open(path, walked) {
                return Some(item);
            }
        }
    }
}

impl RawDocuments {
    /// Reads one path: returns its document or error, or `None` when it only queued
    /// more work (a directory, a batch).
    fn open(&mut self, path: PathBuf, walked: bool) -> Option<Result<RawDocument, IngestError>> {
        let name = path.display().to_string();
        if !walked && path.as_os_str() == "-" {
            return self.open_stdin();
        }
        let metadata = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Err(IngestError::new(name, IngestErrorKind::Io(e)))),
        };
        if metadata.is_dir() {
            return self
                .queue_directory(&path)
                .err()
                .map(|e| Err(IngestError::new(name, IngestErrorKind::Io(e))));
        }
        if metadata.len() > MAX_INPUT_BYTES as u64
            && self.format_of(&path) != Some(InputFormat::Jsonl)
        {
            return Some(Err(IngestError::new(
                name,
                IngestErrorKind::TooLarge {
                    bytes: metadata.len(),
                },
            )));
        }
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => return Some(Err(IngestError::new(name, IngestErrorKind::Io(e)))),
        };
        let mut reader: Box<dyn BufRead> = Box::new(BufReader::new(file));
        let format = match self.format_of(&path) {
            Some(f) => f,
            None => match sniff(&mut reader) {
                Ok(f) => f,
                Err(e) => return Some(Err(IngestError::new(name, IngestErrorKind::Io(e)))),
            },
        };
        self.read_document(reader, format, name)
    }

    fn open_stdin(&mut self) -> Option<Result<RawDocument, IngestError>> {
        let mut reader: Box<dyn BufRead> = Box::new(BufReader::new(std::io::stdin()));
        let format = match self.format {
            InputFormat::Auto => match sniff(&mut reader) {
                Ok(f) => f,
                Err(e) => return Some(Err(IngestError::new("-", IngestErrorKind::Io(e)))),
            },
            given => given,
        };
        self.read_document(reader, format, "-".to_owned())
    }

    /// The format a file's extension (or the caller's override) gives, if any.
    fn format_of(&self, path: &Path) -> Option<InputFormat> {
        match self.format {
            InputFormat::Auto => format_for_extension(path),
            given => Some(given),
        }
    }

    /// Reads a whole text or HTML document, or starts a batch.
    fn read_document(
        &mut self,
        mut reader: Box<dyn BufRead>,
        format: InputFormat,
        name: String,
    ) -> Option<Result<RawDocument, IngestError>> {
        if format == InputFormat::Jsonl {
            self.batch = Some(BatchReader {
                name,
                reader,
                line: 0,
                failed: false,
            });
            return None;
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader
            .by_ref()
            .take(MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
        {
            return Some(Err(IngestError::new(name, IngestErrorKind::Io(e))));
        }
        if bytes.len() > MAX_INPUT_BYTES {
            let rest = std::io::copy(&mut reader, &mut std::io::sink()).unwrap_or(0);
            let bytes = bytes.len() as u64 + rest;
            return Some(Err(IngestError::new(
                name,
                IngestErrorKind::TooLarge { bytes },
            )));
        }
        let is_html = format == InputFormat::Html;
        let declared = if is_html {
            sniff_html_charset(&bytes)
        } else {
            None
        };
        let text = match decode_bytes(&bytes, declared.as_deref()) {
            Ok(t) => t,
            Err(kind) => return Some(Err(IngestError::new(name, kind))),
        };
        let (url, published, body) = if is_html {
            let meta = html_metadata(&text);
            (meta.url, meta.published, Body::Html(text))
        } else {
            (None, None, Body::Text(text))
        };
        Some(Ok(RawDocument {
            id: name.clone(),
            origin: name,
            url,
            published,
            lang: None,
            title: None,
            body,
        }))
    }

    /// Queues a directory's readable entries, sorted, hidden ones skipped.
    fn queue_directory(&mut self, dir: &Path) -> std::io::Result<()> {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let file_name = entry.file_name();
            if file_name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // `file_type` does not follow symbolic links, so a link cycle cannot loop;
            // a linked file is still read.
            let file_type = entry.file_type()?;
            let keep = if file_type.is_dir() {
                true
            } else {
                (file_type.is_file() || path.is_file()) && format_for_extension(&path).is_some()
            };
            if keep {
                entries.push(path);
            }
        }
        entries.sort();
        self.pending.extend(
            entries
                .into_iter()
                .rev()
                .map(|path| Pending { path, walked: true }),
        );
        Ok(())
    }
}

/// The format a known extension stands for.
fn format_for_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" => Some(InputFormat::Text),
        "html" | "htm" => Some(InputFormat::Html),
        "jsonl" => Some(InputFormat::Jsonl),
        _ => None,
    }
}

/// Guesses a format from the first non-blank character, without consuming it:
/// `{` is a batch, `<` is HTML, anything else is text.
fn sniff(reader: &mut Box<dyn BufRead>) -> std::io::Result<InputFormat> {
    let head = reader.fill_buf()?;
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(head);
    Ok(match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputFormat::Jsonl,
        Some(b'<') => InputFormat::Html,
        _ => InputFormat::Text,
    })
}

/// A batch being read one line at a time.
struct BatchReader {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
    /// Set after a read error, which ends the batch.
    failed: bool,
}

impl BatchReader {
    fn next_document(&mut self) -> Option<Result<RawDocument, IngestError>> {
        let mut bytes = Vec::new();
        while !self.failed {
            bytes.clear();
            self.line += 1;
            let origin = format!("{}:{}", self.name, self.line);
            let read = match read_line_limited(&mut self.reader, &mut bytes) {
                Ok(None) => return None,
                Ok(Some(read)) => read,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(IngestError::new(origin, IngestErrorKind::Io(e))));
                }
            };
            if let LineRead::TooLong(size) = read {
                return Some(Err(IngestError::new(
                    origin,
                    IngestErrorKind::TooLarge { bytes: size },
                )));
            }
            let mut line: &[u8] = &bytes;
            if self.line == 1 {
                line = line.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let result =
                decode_bytes(line, None).and_then(|text| batch::parse_line(&text, &origin));
            return Some(result.map_err(|kind| IngestError::new(origin, kind)));
        }
        None
    }
}

enum LineRead {
    Line,
    /// The line was longer than the limit (and skipped); its size in bytes.
    TooLong(u64),
}

/// Reads one line into `buf` (at most [`MAX_INPUT_BYTES`] kept); `None` at the end.
fn read_line_limited(
    reader: &mut Box<dyn BufRead>,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<LineRead>> {
    let read = reader
        .by_ref()
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_until(b'\n', buf)?;
    if read == 0 {
        return Ok(None);
    }
    if buf.len() <= MAX_INPUT_BYTES || buf.ends_with(b"\n") {
        return Ok(Some(LineRead::Line));
    }
    // Skip the rest of the over-long line without keeping it.
    let mut size = buf.len() as u64;
    buf.clear();
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        match available.iter().position(|b| *b == b'\n') {
            Some(at) => {
                size += at as u64;
                reader.consume(at + 1);
                break;
            }
            None => {
                let n = available.len();
                size += n as u64;
                reader.consume(n);
            }
        }
    }
    Ok(Some(LineRead::TooLong(size)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use veille_core::{Date, Lang};

    fn ids(results: &[Result<RawDocument, IngestError>]) -> Vec<String> {
        results
            .iter()
            .map(|r| match r {
                Ok(d) => d.id.clone(),
                Err(e) => format!("error {e}"),
            })
            .collect()
    }

    #[test]
    fn directory_walk_is_sorted_recursive_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b_sub")).unwrap();
        fs::create_dir_all(root.join(".hidden_dir")).unwrap();
        fs::write(root.join("c.txt"), "Texte c.").unwrap();
        fs::write(root.join("a.md"), "Texte a.").unwrap();
        fs::write(
            root.join("b_sub/z.htm"),
            "<html><body><p>Texte z.</p></body></html>",
        )
        .unwrap();
        fs::write(root.join("b_sub/y.HTML"), "<p>Texte y.</p>").unwrap();
        fs::write(root.join("image.png"), [0x89, b'P', b'N', b'G', 0]).unwrap();
        fs::write(root.join("notes.csv"), "a,b").unwrap();
        fs::write(root.join(".secret.txt"), "caché").unwrap();
        fs::write(root.join(".hidden_dir/x.txt"), "caché").unwrap();
        let results: Vec<_> = read_inputs(&[root.to_path_buf()], InputFormat::Auto).collect();
        let expected: Vec<String> = ["a.md", "b_sub/y.HTML", "b_sub/z.htm", "c.txt"]
            .iter()
            .map(|f| root.join(f).display().to_string())
            .collect();
        assert_eq!(ids(&results), expected);
        let z = results[2].as_ref().unwrap();
        assert!(matches!(&z.body, Body::Html(h) if h.contains("Texte z.")));
        assert_eq!(z.origin, z.id);
        assert!(matches!(&results[3].as_ref().unwrap().body, Body::Text(t) if t == "Texte c."));
    }

    #[test]
    fn malformed_line_is_reported_and_the_next_still_comes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("batch.jsonl");
        let lines = [
            r#"{"id": "one", "published": "2025-06-02", "lang": "en", "text": "First article."}"#,
            r#"{"id": "two", "text": "cut"#,
            "",
            r#"{"text": "no id"}"#,
            r#"{"id": "three", "text": "Third article.", "events": []}"#,
        ];
        fs::write(&path, lines.join("\n")).unwrap();
        let results: Vec<_> = read_inputs(std::slice::from_ref(&path), InputFormat::Auto).collect();
        let name = path.display().to_string();
        assert_eq!(results.len(), 4);
        let first = results[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.lang), ("one", Some(Lang::En)));
        assert_eq!(first.published, Some(Date::new(2025, 6, 2).unwrap()));
        assert_eq!(first.origin, format!("{name}:1"));
        let bad = results[1].as_ref().unwrap_err();
        assert_eq!(bad.input, format!("{name}:2"));
        assert!(
            bad.to_string()
                .starts_with(&format!("{name}:2: malformed JSON")),
            "{bad}"
        );
        assert_eq!(
            results[2].as_ref().unwrap_err().to_string(),
            format!("{name}:4: missing \"id\"")
        );
        let third = results[3].as_ref().unwrap();
        assert_eq!(
            (third.id.as_str(), third.origin.clone()),
            ("three", format!("{name}:5"))
        );
    }

    #[test]
    fn bad_files_are_errors_naming_them_and_reading_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bad.txt");
        let empty = dir.path().join("empty.txt");
        let good = dir.path().join("good.txt");
        let missing = dir.path().join("missing.txt");
        fs::write(&bin, [b'a', 0, 1, 2, 3, 0xff]).unwrap();
        fs::write(&empty, "  \n\n ").unwrap();
        fs::write(&good, "Un texte.").unwrap();
        let results: Vec<_> = read_inputs(
            &[bin.clone(), empty.clone(), missing.clone(), good],
            InputFormat::Auto,
        )
        .collect();
        assert_eq!(
            results[0].as_ref().unwrap_err().to_string(),
            format!("{}: not text (binary content)", bin.display())
        );
        assert_eq!(
            results[1].as_ref().unwrap_err().to_string(),
            format!("{}: empty", empty.display())
        );
        assert!(
            results[2]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with(&format!("{}: cannot read (", missing.display()))
        );
        assert!(results[3].is_ok());
    }

    #[test]
    fn explicit_format_overrides_extension_and_unknown_extensions_are_sniffed() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("page.txt");
        fs::write(&page, "<html><body><p>Bonjour.</p></body></html>").unwrap();
        let doc = read_inputs(std::slice::from_ref(&page), InputFormat::Html)
            .next()
            .unwrap()
            .unwrap();
        assert!(matches!(doc.body, Body::Html(_)));
        let doc = read_inputs(&[page], InputFormat::Auto)
            .next()
            .unwrap()
            .unwrap();
        assert!(matches!(doc.body, Body::Text(_)));
        let odd = dir.path().join("feed.data");
        fs::write(&odd, "\u{feff}  {\"id\": \"q\", \"text\": \"x\"}\n").unwrap();
        let doc = read_inputs(&[odd], InputFormat::Auto)
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(doc.id, "q");
    }

    #[test]
    fn html_file_charset_and_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("p.html");
        let mut bytes = b"<html><head><meta charset=\"windows-1252\"><meta property=\"og:url\" content=\"https://ex.example/p\"></head><body><p>L\x92arm\xe9e".to_vec();
        bytes.extend_from_slice(b" est arriv\xe9e.</p></body></html>");
        fs::write(&page, bytes).unwrap();
        let doc = read_inputs(&[page], InputFormat::Auto)
            .next()
            .unwrap()
            .unwrap();
        assert!(matches!(&doc.body, Body::Html(h) if h.contains("L’armée est arrivée.")));
        assert_eq!(doc.url.as_deref(), Some("https://ex.example/p"));
    }

    #[test]
    fn over_long_batch_line_is_skipped() {
        let mut reader: Box<dyn BufRead> = Box::new(std::io::Cursor::new(format!(
            "{}\nnext\n",
            "x".repeat(MAX_INPUT_BYTES + 10)
        )));
        let mut buf = Vec::new();
        assert!(
            matches!(read_line_limited(&mut reader, &mut buf).unwrap(), Some(LineRead::TooLong(n)) if n == MAX_INPUT_BYTES as u64 + 10)
        );
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut reader, &mut buf).unwrap(),
            Some(LineRead::Line)
        ));
        assert_eq!(buf, b"next\n");
        buf.clear();
        assert!(read_line_limited(&mut reader, &mut buf).unwrap().is_none());
    }
}
