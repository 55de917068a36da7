//! `veille demo`: the bundled demo articles (fictional incidents written for the
//! project, in the style of scraped Sahel press) ingested into a fresh database.

use super::events::write_table;
use super::ingest::ingest_into;
use crate::cli::{DemoArgs, IngestArgs, InputArgs, InputFormatArg};
use anyhow::Context;
use std::process::ExitCode;
use veille_store::{EventFilter, Store};

/// The demo articles, embedded so the demo runs from any directory.
const DEMO_FILES: &[(&str, &str)] = &[
    (
        "fr-diema-camp.txt",
        include_str!("../../demo/fr-diema-camp.txt"),
    ),
    (
        "fr-segou-attaques-simultanees.txt",
        include_str!("../../demo/fr-segou-attaques-simultanees.txt"),
    ),
    (
        "en-ansongo-convoy.txt",
        include_str!("../../demo/en-ansongo-convoy.txt"),
    ),
    (
        "fr-dourou-villageois.txt",
        include_str!("../../demo/fr-dourou-villageois.txt"),
    ),
    (
        "fr-dori-engin-explosif.txt",
        include_str!("../../demo/fr-dori-engin-explosif.txt"),
    ),
    (
        "fr-bamako-marche-transporteurs.html",
        include_str!("../../demo/fr-bamako-marche-transporteurs.html"),
    ),
    (
        "en-tillaberi-drone.html",
        include_str!("../../demo/en-tillaberi-drone.html"),
    ),
    (
        "demo_batch.jsonl",
        include_str!("../../demo/demo_batch.jsonl"),
    ),
];

pub(crate) fn run(args: &DemoArgs) -> anyhow::Result<ExitCode> {
    let dir =
        tempfile::tempdir().context("cannot create a temporary folder for the demo articles")?;
    let demo = dir.path().join("demo");
    std::fs::create_dir(&demo)?;
    for (name, text) in DEMO_FILES {
        std::fs::write(demo.join(name), text)?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", args.demo_db.display()));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot replace {}", p.display()))?;
        }
    }
    let mut store = Store::open(&args.demo_db)
        .with_context(|| format!("cannot create {}", args.demo_db.display()))?;
    let ingest = IngestArgs {
        input: InputArgs {
            inputs: vec![demo],
            input_format: InputFormatArg::Auto,
        },
        quiet: true,
    };
    let summary = ingest_into(&mut store, &ingest, false)?;
    let events = store.events(&EventFilter::default())?;
    let mut out = std::io::stdout().lock();
    write_table(&mut out, &events)?;
    use std::io::Write;
    writeln!(
        out,
        "\n{summary}\ndatabase: {} (try: veille --db {} export --format geojson)",
        args.demo_db.display(),
        args.demo_db.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
