//! `veille export`: stored events as CSV, GeoJSON or JSON Lines.

use super::event_filter;
use crate::cli::{ExportArgs, ExportFormat};
use anyhow::Context;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use veille_export::ExportRow;
use veille_store::Store;

pub(crate) fn run(db: &Path, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (run `veille ingest` or `veille demo` first)",
            db.display()
        );
    }
    let store =
        Store::open(db).with_context(|| format!("cannot open database {}", db.display()))?;
    let events = store.events(&event_filter(&args.filter)?)?;
    let rows: Vec<ExportRow> = events
        .iter()
        .map(|e| ExportRow {
            id: Some(e.id),
            record: &e.record,
            timestamp: e.timestamp,
        })
        .collect();
    let mut out: Box<dyn Write> = match &args.out {
        // Write to a temporary file beside the target and rename, so a failed
        // export never leaves a half-written file in place of a good one.
        Some(_) => Box::new(Vec::new()),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut buf = Vec::new();
    {
        let w: &mut dyn Write = if args.out.is_some() {
            &mut buf
        } else {
            &mut out
        };
        match args.format {
            ExportFormat::Csv => veille_export::write_csv(w, &rows, args.extended)?,
            ExportFormat::Geojson => veille_export::write_geojson(w, &rows)?,
            ExportFormat::Jsonl => veille_export::write_jsonl(w, &rows)?,
        }
    }
    out.flush()?;
    if let Some(path) = &args.out {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)
            .with_context(|| format!("cannot write {}", path.display()))?;
        tmp.write_all(&buf)?;
        tmp.persist(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        #[allow(clippy::print_stderr)]
        {
            eprintln!("{} events written to {}", rows.len(), path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
