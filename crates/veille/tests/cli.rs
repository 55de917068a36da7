//! End-to-end tests of the `veille` binary: real files, a real SQLite database,
//! real processes. Fixture articles are the project's own (tests/fixtures and
//! crates/veille/demo), never third-party text.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn veille() -> Command {
    Command::new(env!("CARGO_BIN_EXE_veille"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    veille()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run veille")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

const KAYES_ARTICLE: &str = "top of page\n\nAttaque contre le camp militaire de Diéma\n\nBamako, le 12 mars 2025\n\n\
Des hommes armés ont attaqué dans la nuit de lundi à mardi le camp militaire de Diéma, dans la région de Kayes. \
L'attaque a été revendiquée par le JNIM. Quatre soldats ont été tués, selon l'armée malienne.\n\nLike Like 3\n";

#[test]
fn extract_prints_events_with_evidence() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), KAYES_ARTICLE).unwrap();
    let out = run(&["extract", "a.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{}", stdout(&out));
    let e = &lines[0];
    assert_eq!(e["article"], "a.txt");
    assert_eq!(e["event_type"], "Battles");
    assert_eq!(e["event_date"], "2025-03-10");
    assert_eq!(e["actor1"], "JNIM: Group for Support of Islam and Muslims");
    assert_eq!(e["location"].as_str().unwrap().to_lowercase(), "diéma");
    assert_eq!(e["admin1"], "Kayes");
    assert_eq!(e["fatalities"], 4);
    assert!(e["evidence"].as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn every_evidence_span_slices_to_its_text() {
    // The contract every stage keeps: a field's span, applied to the cleaned
    // text, gives the evidence text.
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
    let today = veille_core::Date::new(2026, 11, 1).unwrap();
    let mut checked = 0;
    for doc in veille_ingest::read_inputs(&[demo], veille_ingest::InputFormat::Auto) {
        let Ok(doc) = doc else { continue };
        let article = veille::pipeline::clean(doc).unwrap();
        for e in veille::pipeline::extract(&article, today) {
            for ev in &e.evidence {
                assert_eq!(
                    ev.span.slice(&article.text),
                    ev.text,
                    "{} {:?}",
                    article.id,
                    ev.field
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} evidence spans checked");
}

#[test]
fn ingesting_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), KAYES_ARTICLE).unwrap();
    let first = run(&["--db", "t.db", "ingest", "a.txt"], dir.path());
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("new 1"), "{}", stderr(&first));
    let second = run(&["--db", "t.db", "ingest", "a.txt"], dir.path());
    assert!(second.status.success());
    assert!(
        stderr(&second).contains("new 0, already present 1"),
        "{}",
        stderr(&second)
    );
    assert!(
        stderr(&second).contains("events stored 0"),
        "{}",
        stderr(&second)
    );
    let store = veille_store::Store::open(&dir.path().join("t.db")).unwrap();
    assert_eq!(store.counts().unwrap().articles, 1);
}

#[test]
fn unreadable_inputs_are_named_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    for f in [
        "binary.bin",
        "empty.txt",
        "latin1.txt",
        "truncated.html",
        "utf16.txt",
        "bom.txt",
    ] {
        let target = if f == "binary.bin" { "binary.txt" } else { f };
        std::fs::copy(fixtures().join("bad_inputs").join(f), inputs.join(target)).unwrap();
    }
    let out = run(&["--db", "t.db", "ingest", "inputs"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("binary.txt") && err.contains("binary"),
        "{err}"
    );
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("new 4"), "{err}");
    let store = veille_store::Store::open(&dir.path().join("t.db")).unwrap();
    assert_eq!(store.counts().unwrap().articles, 4);
    // The Latin-1 article was decoded, not mangled.
    let events = store.events(&veille_store::EventFilter::default()).unwrap();
    assert!(
        events
            .iter()
            .all(|e| !e.record.location.contains('\u{fffd}'))
    );
}

#[test]
fn a_malformed_batch_line_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = veille()
        .args(["--db", "t.db", "ingest"])
        .arg(fixtures().join("batch_with_bad_line.jsonl"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("batch_with_bad_line.jsonl:2"), "{err}");
    assert!(err.contains("new 2"), "{err}");
}

#[test]
fn kill_during_ingest_keeps_every_committed_article() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("many");
    std::fs::create_dir(&inputs).unwrap();
    for i in 0..400 {
        let text = format!(
            "Bamako, le {} mars 2025\n\nDes hommes armés ont attaqué le village de Diéma, tuant {} civils, selon un élu local (dépêche {i}).\n",
            1 + i % 27,
            2 + i % 9
        );
        std::fs::write(inputs.join(format!("a{i:03}.txt")), text).unwrap();
    }
    let db = dir.path().join("k.db");
    let mut child = veille()
        .args(["--db", "k.db", "ingest", "--quiet", "many"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some articles are committed, note them, then SIGKILL.
    let mut seen = Vec::new();
    for _ in 0..600 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if let Ok(store) = veille_store::Store::open(&db)
            && let Ok(c) = store.counts()
            && c.articles >= 20
        {
            seen = store
                .events(&veille_store::EventFilter::default())
                .unwrap()
                .into_iter()
                .map(|e| e.article_id)
                .collect();
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(!seen.is_empty(), "ingest never committed 20 articles");
    let store = veille_store::Store::open(&db).expect("the database opens after a kill");
    store.check_integrity().expect("integrity_check is ok");
    for id in &seen {
        assert!(
            store.article(id).unwrap().is_some(),
            "article {id} committed before the kill is gone"
        );
    }
    let after = store.counts().unwrap().articles;
    assert!((20..=400).contains(&after), "{after}");
}

#[test]
fn events_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), KAYES_ARTICLE).unwrap();
    assert!(
        run(&["--db", "t.db", "ingest", "a.txt"], dir.path())
            .status
            .success()
    );

    let table = run(
        &[
            "--db",
            "t.db",
            "events",
            "--country",
            "mali",
            "--type",
            "battles",
        ],
        dir.path(),
    );
    assert!(table.status.success(), "{}", stderr(&table));
    assert!(
        stdout(&table).contains("Armed clash") && stdout(&table).contains("1 events"),
        "{}",
        stdout(&table)
    );
    let none = run(&["--db", "t.db", "events", "--admin1", "Gao"], dir.path());
    assert!(stdout(&none).contains("0 events"));

    let csv = run(&["--db", "t.db", "export", "--format", "csv"], dir.path());
    let text = stdout(&csv);
    let header = text.lines().next().unwrap();
    assert_eq!(header.split(',').count(), 31);
    assert!(header.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type"));
    assert!(header.ends_with("notes,fatalities,tags,timestamp"));

    let out = run(
        &[
            "--db",
            "t.db",
            "export",
            "--format",
            "geojson",
            "--out",
            "e.geojson",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("e.geojson")).unwrap())
            .unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    let lon = g["features"][0]["geometry"]["coordinates"][0]
        .as_f64()
        .unwrap();
    assert!(lon < -9.0, "longitude first: {lon}");
}

#[test]
fn bad_parameters_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), KAYES_ARTICLE).unwrap();
    assert!(
        run(&["--db", "t.db", "ingest", "a.txt"], dir.path())
            .status
            .success()
    );
    let out = run(
        &["--db", "t.db", "events", "--since", "yesterday"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--since \"yesterday\""),
        "{}",
        stderr(&out)
    );
    let out = run(&["--db", "missing.db", "events"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.db"), "{}", stderr(&out));
    // A file that is not a database is refused and left untouched.
    std::fs::write(dir.path().join("notes.db"), "just some notes").unwrap();
    let out = run(&["--db", "notes.db", "ingest", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.db")).unwrap(),
        "just some notes"
    );
}

#[test]
fn demo_runs_and_shows_events() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["demo"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("failed 0"), "{text}");
    let n: usize = text
        .lines()
        .find_map(|l| l.strip_suffix(" events")?.trim().parse().ok())
        .unwrap();
    assert!(n >= 10, "{text}");
}

#[test]
fn place_explains_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &[
            "place",
            "Kéniéba",
            "--context",
            "cercle de Kéniéba, région de Kayes",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).to_lowercase().contains("kayes"),
        "{}",
        stdout(&out)
    );
}
