//! The one TSV reader all lexicon files share, so every file reports bad rows the
//! same way: `file:line: reason`.

use thiserror::Error;

/// A malformed lexicon row.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{file}:{line}: {reason}")]
pub struct LexiconError {
    /// The asset's file name.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// One data row: its 1-based line number and its cells.
#[derive(Debug, Clone)]
pub struct TsvRow<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// Cells, trimmed.
    pub cells: Vec<&'a str>,
}

impl TsvRow<'_> {
    /// Cell `i`, or `""` when the row is shorter.
    pub fn get(&self, i: usize) -> &str {
        self.cells.get(i).copied().unwrap_or("")
    }

    /// An error about this row.
    pub fn error(&self, file: &str, reason: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.to_string(),
            line: self.line,
            reason: reason.into(),
        }
    }
}

/// Parses a TSV asset: skips blank lines and `#` comments, checks the header has
/// `expected_header`'s columns, and that no row has more cells than the header.
pub fn parse_tsv<'a>(
    file: &str,
    text: &'a str,
    expected_header: &[&str],
) -> Result<Vec<TsvRow<'a>>, LexiconError> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        if !header_seen {
            if cells != expected_header {
                return Err(LexiconError {
                    file: file.into(),
                    line: line_no,
                    reason: format!("header must be {:?}, found {:?}", expected_header, cells),
                });
            }
            header_seen = true;
            continue;
        }
        if cells.len() > expected_header.len() {
            return Err(LexiconError {
                file: file.into(),
                line: line_no,
                reason: format!(
                    "{} cells, the header has {}",
                    cells.len(),
                    expected_header.len()
                ),
            });
        }
        rows.push(TsvRow {
            line: line_no,
            cells,
        });
    }
    if !header_seen {
        return Err(LexiconError {
            file: file.into(),
            line: 0,
            reason: "no header row".into(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_file_and_line() {
        let text = "# comment\na\tb\nx\ty\n\nx\ty\tz\n";
        let err = parse_tsv("t.tsv", text, &["a", "b"]).unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:5: 3 cells, the header has 2");
        let rows = parse_tsv("t.tsv", "a\tb\nx\ty\n", &["a", "b"]).unwrap();
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].get(1), "y");
        assert_eq!(rows[0].get(5), "");
    }

    #[test]
    fn wrong_header_is_an_error() {
        let err = parse_tsv("t.tsv", "a\tc\n", &["a", "b"]).unwrap_err();
        assert!(err.reason.contains("header must be"));
    }
}
