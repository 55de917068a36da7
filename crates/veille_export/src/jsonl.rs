//! JSON Lines: one event object a line, the "system output" of FORMAT.md.

use crate::columns::event_json;
use crate::{ExportError, ExportRow};
use std::io::{BufWriter, Write};

/// Writes one [`event_json`] object per line.
pub fn write_jsonl<W: Write>(w: W, rows: &[ExportRow<'_>]) -> Result<(), ExportError> {
    let mut out = BufWriter::new(w);
    for row in rows {
        serde_json::to_writer(&mut out, &event_json(row))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ACLED_COLUMNS;
    use crate::columns::sample_record;
    use serde_json::Value;
    use veille_core::EventRecord;

    #[test]
    fn one_parsable_event_per_line() {
        let record = sample_record();
        let other = EventRecord {
            article: "demo-en-02".into(),
            evidence: vec![],
            ..sample_record()
        };
        let rows = [
            ExportRow {
                id: None,
                record: &record,
                timestamp: 0,
            },
            ExportRow {
                id: None,
                record: &other,
                timestamp: 0,
            },
        ];
        let mut out = Vec::new();
        write_jsonl(&mut out, &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.len(),
            2,
            "the newline in notes must stay escaped: {text}"
        );
        let events: Vec<Value> = lines
            .iter()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(events[0]["article"], "demo-fr-07");
        assert_eq!(events[1]["article"], "demo-en-02");
        for e in &events {
            assert_eq!(e["event_type"], "Battles");
            assert_eq!(e["latitude"], 14.6372);
            assert!(e["evidence"].is_array());
            for column in ACLED_COLUMNS {
                assert!(e.get(column).is_some(), "missing {column}");
            }
        }
        assert_eq!(events[0]["evidence"][1]["field"], "fatalities");
        assert_eq!(events[0]["notes"], record.notes.as_str());
    }

    #[test]
    fn reports_a_broken_pipe() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
        }
        let record = sample_record();
        let rows = [ExportRow {
            id: Some(1),
            record: &record,
            timestamp: 0,
        }];
        let err = write_jsonl(Closed, &rows).unwrap_err();
        assert!(err.is_broken_pipe(), "{err:?}");
        let err = crate::write_csv(Closed, &rows, false).unwrap_err();
        assert!(err.is_broken_pipe(), "{err:?}");
    }
}
