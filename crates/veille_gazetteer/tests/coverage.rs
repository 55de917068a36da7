//! Every test name of the shared coverage table resolves to a gazetteer entry within
//! 25 km of the table's hand-checked point. The table lives outside the repository
//! (`../shared/data/gazetteer/coverage_test_names.tsv`); without it the test says so and
//! passes, and `restated_coverage_cases` checks the same names from values kept here.
#![allow(clippy::print_stdout)] // a skipped check and the timings are reported to the tester

use std::path::Path;

use veille_core::fold;
use veille_gazetteer::{Gazetteer, haversine_km};

/// Whether one of the query's spellings (split on " / ") has a candidate within 25 km.
fn resolves_near(gaz: &Gazetteer, query: &str, lat: f64, lon: f64) -> Result<(), String> {
    let mut nearest = f64::INFINITY;
    for spelling in query.split(" / ") {
        for id in gaz.lookup(&fold(spelling)) {
            let p = gaz.place(id);
            nearest = nearest.min(haversine_km(lat, lon, p.lat, p.lon));
        }
    }
    if nearest <= 25.0 {
        Ok(())
    } else {
        Err(format!("{query}: nearest candidate {nearest:.0} km away"))
    }
}

#[test]
fn shared_coverage_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/gazetteer/coverage_test_names.tsv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: {} not found", path.display());
        return;
    };
    let gaz = Gazetteer::embedded();
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let (query, lat, lon) = (
            cells[0],
            cells.get(4).copied().unwrap_or(""),
            cells.get(5).copied().unwrap_or(""),
        );
        let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
            // Boulkessi has no point in any source; it is hand-added and tested apart.
            assert!(!gaz.lookup(&fold(query)).is_empty(), "{query} missing");
            continue;
        };
        checked += 1;
        if let Err(e) = resolves_near(gaz, query, lat, lon) {
            failures.push(e);
        }
    }
    assert!(checked >= 25, "only {checked} rows checked");
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn restated_coverage_cases() {
    let gaz = Gazetteer::embedded();
    let cases: &[(&str, f64, f64)] = &[
        ("Kayes", 14.44693, -11.44448),
        ("Nioro du Sahel", 15.22932, -9.59277),
        ("Niono", 14.25054, -5.98679),
        ("Molodo", 14.23719, -6.02269),
        ("Gogui", 15.68592, -9.32967),
        ("Sandaré", 14.7038, -10.3057),
        ("Diboli", 14.45511, -12.19945),
        ("Kaniéra", 14.6372, -10.0698),
        ("Lakamané", 14.5095, -9.9099),
        ("Diéma", 14.54, -9.1921),
        ("Kita", 13.0349, -9.4895),
        ("Bema", 15.04102, -9.35338),
        ("Diongo Mani", 14.8199, -9.3178),
        ("Yélimané", 15.11868, -10.57729),
        ("Bafoulabé", 13.8065, -10.8321),
        ("Kéniéba", 12.83745, -11.23567),
        ("Kati", 12.74409, -8.07257),
        ("Sénou", 12.5207, -7.9293),
        ("Djibo", 14.0994, -1.62554),
        ("Ménaka", 15.9182, 2.4022),
        ("Tessit", 15.2238, 0.2925),
        ("Léré", 15.7118, -4.9118),
        ("Tombouctou", 16.77348, -3.00742),
        ("Ségou", 13.44032, -6.25947),
        ("Macina", 13.9641, -5.35791),
        ("Diafarabé", 14.13814, -5.01781),
        ("Forêt du Baoulé / Baoulé", 12.88333, -8.58351),
        ("Boulkessi", 15.07, -1.32),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(q, lat, lon)| resolves_near(gaz, q, *lat, *lon).err())
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
