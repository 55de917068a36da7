//! GeoJSON (RFC 7946): a FeatureCollection of points, one per event.

use crate::columns::{acled_cells, event_id_cnty, evidence_json};
use crate::{ExportError, ExportRow};
use serde_json::{Map, Value, json};
use std::io::{BufWriter, Write};

/// Writes a FeatureCollection with one Point feature per row, coordinates in GeoJSON's
/// `[longitude, latitude]` order. Properties are the 31 ACLED columns, `article` and
/// `evidence`. An event whose coordinates are not valid WGS84 gets a null geometry
/// rather than a wrong point.
///
/// Features are written one by one, so a large export is never held in memory whole.
pub fn write_geojson<W: Write>(w: W, rows: &[ExportRow<'_>]) -> Result<(), ExportError> {
    let mut out = BufWriter::new(w);
    // Only the constant frame is written by hand; every value goes through serde_json.
    out.write_all(br#"{"type":"FeatureCollection","features":["#)?;
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\n")?;
        serde_json::to_writer(&mut out, &feature(row))?;
    }
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(())
}

fn feature(row: &ExportRow<'_>) -> Value {
    let r = row.record;
    let valid = r.latitude.is_finite()
        && r.longitude.is_finite()
        && (-90.0..=90.0).contains(&r.latitude)
        && (-180.0..=180.0).contains(&r.longitude);
    let geometry = if valid {
        json!({ "type": "Point", "coordinates": [r.longitude, r.latitude] })
    } else {
        Value::Null
    };
    let mut properties = Map::new();
    for (name, cell) in acled_cells(row) {
        properties.insert(name.into(), cell.to_json());
    }
    properties.insert("article".into(), Value::String(r.article.clone()));
    properties.insert("evidence".into(), evidence_json(r));
    json!({
        "type": "Feature",
        "id": event_id_cnty(row),
        "geometry": geometry,
        "properties": properties,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ACLED_COLUMNS;
    use crate::columns::sample_record;
    use veille_core::EventRecord;

    fn write(rows: &[ExportRow<'_>]) -> Value {
        let mut out = Vec::new();
        write_geojson(&mut out, rows).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn points_are_lon_lat() {
        let record = sample_record();
        let second = EventRecord {
            latitude: 12.65,
            longitude: -8.0,
            ..sample_record()
        };
        let v = write(&[
            ExportRow {
                id: Some(1),
                record: &record,
                timestamp: 5,
            },
            ExportRow {
                id: Some(2),
                record: &second,
                timestamp: 5,
            },
        ]);
        assert_eq!(v["type"], "FeatureCollection");
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), 2);
        let f = &features[0];
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["id"], "MLI1");
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(f["geometry"]["coordinates"], json!([-10.0698, 14.6372]));
        assert_eq!(features[1]["geometry"]["coordinates"], json!([-8.0, 12.65]));
        let props = f["properties"].as_object().unwrap();
        for column in ACLED_COLUMNS {
            assert!(props.contains_key(column), "missing property {column}");
        }
        assert_eq!(props["notes"], record.notes.as_str());
        assert_eq!(props["evidence"][0]["text"], "Kaniéra");
        assert_eq!(props.len(), 33);
    }

    #[test]
    fn empty_and_unlocated() {
        let v = write(&[]);
        assert_eq!(v["features"], json!([]));
        let nowhere = EventRecord {
            latitude: f64::NAN,
            ..sample_record()
        };
        let off_earth = EventRecord {
            latitude: 95.0,
            ..sample_record()
        };
        let v = write(&[
            ExportRow {
                id: None,
                record: &nowhere,
                timestamp: 0,
            },
            ExportRow {
                id: None,
                record: &off_earth,
                timestamp: 0,
            },
        ]);
        assert_eq!(v["features"][0]["geometry"], Value::Null);
        assert_eq!(v["features"][0]["properties"]["latitude"], Value::Null);
        assert_eq!(v["features"][1]["geometry"], Value::Null);
    }
}
