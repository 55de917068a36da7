//! CSV in ACLED's columns, optionally followed by veille's own.

use crate::columns::{acled_cells, evidence_json};
use crate::{ACLED_COLUMNS, EXTENDED_COLUMNS, ExportError, ExportRow};
use std::io::Write;

/// Writes a header and one line per row in [`ACLED_COLUMNS`] order; `extended` appends
/// [`EXTENDED_COLUMNS`] after them. Missing values are empty cells.
pub fn write_csv<W: Write>(
    w: W,
    rows: &[ExportRow<'_>],
    extended: bool,
) -> Result<(), ExportError> {
    let mut out = csv::Writer::from_writer(w);
    let mut header: Vec<&str> = ACLED_COLUMNS.to_vec();
    if extended {
        header.extend(EXTENDED_COLUMNS);
    }
    out.write_record(&header)?;
    for row in rows {
        let mut line: Vec<String> = acled_cells(row)
            .iter()
            .map(|(_, cell)| cell.to_csv())
            .collect();
        if extended {
            line.extend([
                row.id.map(|id| id.to_string()).unwrap_or_default(),
                row.record.article.clone(),
                row.record.fatalities_low.to_string(),
                row.record.fatalities_high.to_string(),
                serde_json::to_string(&evidence_json(row.record))?,
            ]);
        }
        out.write_record(&line)?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::sample_record;
    use veille_core::{EventRecord, FieldEvidence};

    fn read(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
        let mut reader = csv::Reader::from_reader(bytes);
        let header = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let records = reader.records().map(Result::unwrap).collect();
        (header, records)
    }

    #[test]
    fn header_is_acleds_31_columns_in_order() {
        let mut out = Vec::new();
        write_csv(&mut out, &[], false).unwrap();
        let (header, records) = read(&out);
        assert_eq!(header, ACLED_COLUMNS);
        assert!(records.is_empty());
    }

    #[test]
    fn awkward_notes_round_trip() {
        let record = sample_record();
        assert!(record.notes.contains(',') && record.notes.contains('"'));
        assert!(record.notes.contains('\n'));
        let rows = [ExportRow {
            id: Some(9),
            record: &record,
            timestamp: 1_757_900_000,
        }];
        let mut out = Vec::new();
        write_csv(&mut out, &rows, false).unwrap();
        let (header, records) = read(&out);
        assert_eq!(records.len(), 1);
        let get = |name: &str| {
            let i = header.iter().position(|h| h == name).unwrap();
            records[0][i].to_string()
        };
        assert_eq!(get("notes"), record.notes);
        assert_eq!(get("source"), "Le Témoin; news.example");
        assert_eq!(
            get("actor1"),
            "JNIM: Group for Support of Islam and Muslims"
        );
        assert_eq!(get("event_id_cnty"), "MLI9");
        assert_eq!(get("event_date"), "2025-09-14");
        assert_eq!(get("latitude").parse::<f64>().unwrap(), record.latitude);
        assert_eq!(get("longitude"), "-10.0698");
        assert_eq!(get("iso"), "466");
        assert_eq!(get("assoc_actor_1"), "");
        assert_eq!(get("civilian_targeting"), "");
        assert_eq!(get("disorder_type"), "Political violence");
        assert_eq!(get("timestamp"), "1757900000");
    }

    #[test]
    fn extended_columns_come_after_acleds() {
        let record = sample_record();
        let plain = EventRecord {
            evidence: vec![],
            ..sample_record()
        };
        let rows = [
            ExportRow {
                id: Some(9),
                record: &record,
                timestamp: 0,
            },
            ExportRow {
                id: None,
                record: &plain,
                timestamp: 0,
            },
        ];
        let mut out = Vec::new();
        write_csv(&mut out, &rows, true).unwrap();
        let (header, records) = read(&out);
        assert_eq!(header[..31], ACLED_COLUMNS);
        assert_eq!(header[31..], EXTENDED_COLUMNS);
        assert_eq!(&records[0][31], "9");
        assert_eq!(&records[0][32], "demo-fr-07");
        assert_eq!(&records[0][34], "5");
        let evidence: Vec<FieldEvidence> = serde_json::from_str(&records[0][35]).unwrap();
        assert_eq!(evidence, record.evidence);
        assert_eq!(&records[1][31], "");
        assert_eq!(&records[1][35], "[]");
    }
}
