//! Proves that a writer killed with SIGKILL mid-ingest leaves a database that opens,
//! passes `PRAGMA integrity_check` and holds every article it had committed.
//!
//! The test re-executes its own binary as the writer (the child sees
//! `VEILLE_KILL_TEST_DB`), so no extra binary is needed. The child prints
//! `committed <content id>` after each commit; the parent reads some of those lines,
//! kills the child while it is still writing, then checks the database.

// The writer's stdout is the protocol between the two processes.
#![allow(clippy::print_stdout)]

mod util;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use util::{article, attack_on_civilians, battle, day};
use veille_store::{EventFilter, Inserted, Store};

const WRITER_ENV: &str = "VEILLE_KILL_TEST_DB";
/// How many commits the parent waits for before killing.
const COMMITS_BEFORE_KILL: usize = 40;
/// Stop the writer even if the parent never kills it.
const MAX_ARTICLES: usize = 1_000_000;

fn main() {
    match std::env::var_os(WRITER_ENV) {
        Some(db) => writer(Path::new(&db)),
        None => {
            print!("test kill_mid_ingest_keeps_committed_articles ... ");
            kill_mid_ingest_keeps_committed_articles();
            println!("ok");
        }
    }
}

/// The child: inserts articles, each with many events so a transaction is open a good
/// part of the time, and reports each commit.
fn writer(db: &Path) {
    let mut store = Store::open(db).unwrap();
    let mut out = std::io::stdout().lock();
    for n in 0..MAX_ARTICLES {
        let a = article(n);
        let events: Vec<_> = (0..50)
            .map(|i| {
                let date = day(2025, 9, 1 + (i % 28) as i8);
                if i % 2 == 0 {
                    battle(&a.id, date)
                } else {
                    attack_on_civilians(&a.id, date)
                }
            })
            .collect();
        assert_eq!(
            store.insert_article(&a, &events).unwrap(),
            Inserted::New { events: 50 }
        );
        writeln!(out, "committed {}", a.content_id()).unwrap();
        out.flush().unwrap();
    }
}

fn kill_mid_ingest_keeps_committed_articles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("veille.db");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .env(WRITER_ENV, &db)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut committed = Vec::new();
    while committed.len() < COMMITS_BEFORE_KILL {
        let line = lines
            .next()
            .expect("the writer stopped before committing enough articles")
            .unwrap();
        committed.push(
            line.strip_prefix("committed ")
                .expect("a commit line")
                .to_string(),
        );
    }
    // SIGKILL on Unix: no destructor, no checkpoint, no chance to finish a transaction.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the writer must have been killed, not have finished"
    );
    // Lines written between our last read and the kill were committed too.
    committed.extend(
        lines
            .map_while(Result::ok)
            .filter_map(|l| l.strip_prefix("committed ").map(str::to_string)),
    );

    assert!(
        dir.path().join("veille.db-wal").exists(),
        "the kill should leave a WAL to recover, or the test proves nothing"
    );
    let store = Store::open(&db).unwrap();
    store.check_integrity().unwrap();
    for id in &committed {
        assert!(
            store.article(id).unwrap().is_some(),
            "committed article {id} is missing"
        );
    }
    let counts = store.counts().unwrap();
    assert!(counts.articles as usize >= committed.len());
    // Articles and their events are all or nothing.
    assert_eq!(counts.events, counts.articles * 50);
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len() as u64, counts.events);
}
