//! Integration tests of the store: schema, idempotent inserts, filters, round trips,
//! refusal of foreign and newer databases, and opening a database from an older build.

mod util;

use std::path::{Path, PathBuf};
use util::{article, attack_on_civilians, battle, day};
use veille_core::content_id;
use veille_store::{Counts, EventFilter, Inserted, Store, StoreError};

/// The database committed under tests/data, written by schema version 1.
fn v1_db() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1.db")
}

/// A store with three articles: two battles in Mali, one attack in Burkina Faso.
fn sample_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let a = article(1);
    store
        .insert_article(&a, &[battle(&a.id, day(2025, 9, 14))])
        .unwrap();
    let b = article(2);
    store
        .insert_article(
            &b,
            &[
                battle(&b.id, day(2025, 9, 20)),
                attack_on_civilians(&b.id, day(2025, 9, 18)),
            ],
        )
        .unwrap();
    let c = article(3);
    store
        .insert_article(&c, &[attack_on_civilians(&c.id, day(2025, 8, 2))])
        .unwrap();
    store
}

fn dates(store: &Store, filter: &EventFilter) -> Vec<String> {
    store
        .events(filter)
        .unwrap()
        .into_iter()
        .map(|e| e.record.event_date.to_string())
        .collect()
}

#[test]
fn migrates_an_empty_file_and_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("veille.db");
    {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), 1);
        assert_eq!(
            store.counts().unwrap(),
            Counts {
                articles: 0,
                events: 0
            }
        );
        store.check_integrity().unwrap();
    }
    // An empty (zero-byte) file is an empty database, not a foreign one.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(Store::open(&empty).unwrap().schema_version().unwrap(), 1);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 1);
    let a = article(7);
    store
        .insert_article(&a, &[battle(&a.id, day(2025, 9, 14))])
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.counts().unwrap(),
        Counts {
            articles: 1,
            events: 1
        }
    );
}

#[test]
fn the_same_text_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article(1);
    let events = [battle(&a.id, day(2025, 9, 14))];
    assert_eq!(
        store.insert_article(&a, &events).unwrap(),
        Inserted::New { events: 1 }
    );
    let before = store.counts().unwrap();
    assert_eq!(
        store.insert_article(&a, &events).unwrap(),
        Inserted::AlreadyPresent
    );
    // Another name for the same cleaned text is still the same article.
    let renamed = veille_core::Article {
        id: "other-name".into(),
        ..a.clone()
    };
    assert_eq!(
        store.insert_article(&renamed, &events).unwrap(),
        Inserted::AlreadyPresent
    );
    assert_eq!(store.counts().unwrap(), before);
    assert_eq!(
        before,
        Counts {
            articles: 1,
            events: 1
        }
    );
}

#[test]
fn a_failed_insert_leaves_nothing_behind() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article(1);
    let good = battle(&a.id, day(2025, 9, 14));
    // SQLite stores NaN as NULL, which the NOT NULL latitude refuses: the second event
    // fails after the article and the first event were written.
    let bad = veille_core::EventRecord {
        latitude: f64::NAN,
        ..good.clone()
    };
    let err = store.insert_article(&a, &[good.clone(), bad]).unwrap_err();
    assert!(err.to_string().starts_with(":memory:: "), "{err}");
    assert_eq!(
        store.counts().unwrap(),
        Counts {
            articles: 0,
            events: 0
        }
    );
    assert_eq!(
        store.insert_article(&a, &[good]).unwrap(),
        Inserted::New { events: 1 }
    );
}

#[test]
fn events_and_evidence_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article(1);
    let events = [
        battle(&a.id, day(2025, 9, 14)),
        attack_on_civilians(&a.id, day(2025, 9, 13)),
    ];
    store.insert_article(&a, &events).unwrap();
    let stored = store.events(&EventFilter::default()).unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].record, events[0]);
    assert_eq!(stored[1].record, events[1]);
    assert_eq!(stored[0].record.evidence.len(), 3);
    assert_eq!(stored[0].article_id, content_id(&a.text));
    assert!(stored[0].timestamp > 1_700_000_000);
    assert!(stored[0].id != stored[1].id);
}

#[test]
fn articles_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article(1);
    store.insert_article(&a, &[]).unwrap();
    let stored = store.article(&content_id(&a.text)).unwrap().unwrap();
    assert_eq!(stored.article, a);
    assert_eq!(stored.content_id, a.content_id());
    let bare = veille_core::Article {
        url: None,
        title: None,
        published: None,
        published_span: None,
        outlet: None,
        lang: veille_core::Lang::Other,
        text: "Something else entirely.".into(),
        ..a
    };
    store.insert_article(&bare, &[]).unwrap();
    assert_eq!(
        store.article(&bare.content_id()).unwrap().unwrap().article,
        bare
    );
    assert!(store.article("0000000000000000").unwrap().is_none());
}

#[test]
fn events_come_newest_first() {
    let store = sample_store();
    assert_eq!(
        dates(&store, &EventFilter::default()),
        ["2025-09-20", "2025-09-18", "2025-09-14", "2025-08-02"]
    );
}

#[test]
fn filter_by_dates() {
    let store = sample_store();
    let since = EventFilter {
        since: Some(day(2025, 9, 14)),
        ..Default::default()
    };
    assert_eq!(
        dates(&store, &since),
        ["2025-09-20", "2025-09-18", "2025-09-14"]
    );
    let until = EventFilter {
        until: Some(day(2025, 9, 14)),
        ..Default::default()
    };
    assert_eq!(dates(&store, &until), ["2025-09-14", "2025-08-02"]);
    let both = EventFilter {
        since: Some(day(2025, 9, 15)),
        until: Some(day(2025, 9, 19)),
        ..Default::default()
    };
    assert_eq!(dates(&store, &both), ["2025-09-18"]);
}

#[test]
fn filter_by_place_ignores_case_and_accents() {
    let store = sample_store();
    let mali = EventFilter {
        country: Some("MALI".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &mali), ["2025-09-20", "2025-09-14"]);
    let burkina = EventFilter {
        country: Some("burkina faso".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &burkina), ["2025-09-18", "2025-08-02"]);
    let centre_nord = EventFilter {
        admin1: Some("centre nord".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &centre_nord), ["2025-09-18", "2025-08-02"]);
    let kayes_in_niger = EventFilter {
        country: Some("Niger".into()),
        admin1: Some("Kayes".into()),
        ..Default::default()
    };
    assert!(dates(&store, &kayes_in_niger).is_empty());
    // A partial name is not a match for places.
    let partial = EventFilter {
        country: Some("Mal".into()),
        ..Default::default()
    };
    assert!(dates(&store, &partial).is_empty());
}

#[test]
fn filter_by_actor_looks_at_both_sides() {
    let store = sample_store();
    let jnim = EventFilter {
        actor: Some("jnim".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &jnim), ["2025-09-20", "2025-09-14"]);
    let civilians = EventFilter {
        actor: Some("CIVILIANS".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &civilians), ["2025-09-18", "2025-08-02"]);
    let soldiers = EventFilter {
        actor: Some("forces of mali".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &soldiers), ["2025-09-20", "2025-09-14"]);
    let nobody = EventFilter {
        actor: Some("Wagner".into()),
        ..Default::default()
    };
    assert!(
        dates(&store, &nobody).is_empty(),
        "associated actors are not searched"
    );
}

#[test]
fn filter_by_event_type_or_sub_event_type() {
    let store = sample_store();
    let battles = EventFilter {
        event_type: Some("battles".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &battles), ["2025-09-20", "2025-09-14"]);
    let attack = EventFilter {
        event_type: Some("Attack".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &attack), ["2025-09-18", "2025-08-02"]);
    let vac = EventFilter {
        event_type: Some("violence against civilians".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &vac), ["2025-09-18", "2025-08-02"]);
    let riots = EventFilter {
        event_type: Some("Riots".into()),
        ..Default::default()
    };
    assert!(dates(&store, &riots).is_empty());
}

#[test]
fn filter_with_a_limit_and_combined() {
    let store = sample_store();
    let two = EventFilter {
        limit: Some(2),
        ..Default::default()
    };
    assert_eq!(dates(&store, &two), ["2025-09-20", "2025-09-18"]);
    let zero = EventFilter {
        limit: Some(0),
        ..Default::default()
    };
    assert!(dates(&store, &zero).is_empty());
    let combined = EventFilter {
        since: Some(day(2025, 9, 1)),
        country: Some("Burkina Faso".into()),
        event_type: Some("attack".into()),
        actor: Some("unidentified".into()),
        ..Default::default()
    };
    assert_eq!(dates(&store, &combined), ["2025-09-18"]);
}

#[test]
fn filter_values_are_not_sql() {
    let store = sample_store();
    let injection = EventFilter {
        country: Some("x' OR '1'='1".into()),
        ..Default::default()
    };
    assert!(dates(&store, &injection).is_empty());
    assert_eq!(store.counts().unwrap().events, 4);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("veille.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NewerSchema {
                found: 99,
                known: 1,
                ..
            }
        ),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{}: ", path.display())),
        "{message}"
    );
    assert!(message.contains("schema version 99 is newer"), "{message}");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("veille.db");
    let bytes = b"event_id_cnty,event_date\nMLI1,2025-09-14\n".repeat(200);
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotVeille { .. }), "{err:?}");
    assert!(
        err.to_string()
            .ends_with("veille.db: not a veille database (file is not a database)"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file must not be touched"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no WAL or journal left beside it: {names:?}"
    );
}

#[test]
fn another_programs_sqlite_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotVeille { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("notes.sqlite: not a veille database"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_missing_directory_is_an_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/dir/veille.db");
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("no/such/dir/veille.db: "), "{err}");
}

#[test]
fn opens_a_database_written_by_schema_version_1() {
    // Work on a copy: opening may migrate it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    std::fs::copy(v1_db(), &path).unwrap();
    let store = Store::open(&path).unwrap();
    store.check_integrity().unwrap();
    assert!(store.schema_version().unwrap() >= 1);
    assert_eq!(
        store.counts().unwrap(),
        Counts {
            articles: 2,
            events: 3
        }
    );
    let a = article(1);
    let stored = store
        .article(&a.content_id())
        .unwrap()
        .expect("article 1 in v1.db");
    assert_eq!(stored.article, a);
    let events = store.events(&EventFilter::default()).unwrap();
    let expected = v1_events();
    assert_eq!(events.len(), expected.len());
    for (got, want) in events.iter().zip(&expected) {
        assert_eq!(&got.record, want);
    }
}

/// The events stored in v1.db, in the order `events` returns them.
fn v1_events() -> Vec<veille_core::EventRecord> {
    let (a, b) = (article(1), article(2));
    vec![
        battle(&b.id, day(2025, 9, 20)),
        attack_on_civilians(&b.id, day(2025, 9, 18)),
        battle(&a.id, day(2025, 9, 14)),
    ]
}

/// Writes tests/data/v1.db. Run once, when schema version 1 was current:
/// `cargo test -p veille_store --test store -- --ignored write_v1_db`. Never rerun it
/// after a migration is added: the file must stay what version 1 wrote.
#[test]
#[ignore = "writes the committed compat database; run by hand only"]
fn write_v1_db() {
    let path = v1_db();
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 1);
    let (a, b) = (article(1), article(2));
    let events = v1_events();
    store.insert_article(&a, &events[2..]).unwrap();
    store.insert_article(&b, &events[..2]).unwrap();
    drop(store);
    // One self-contained file: no WAL beside it.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch("VACUUM").unwrap();
}
