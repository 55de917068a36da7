//! `veille export`: stored events as CSV, GeoJSON or JSON Lines.

use super::{event_filter, open_existing};
use crate::cli::{ExportArgs, ExportFormat};
use anyhow::Context;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use veille_export::ExportRow;

pub(crate) fn run(db: &Path, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let events = store.events(&event_filter(&args.filter)?)?;
    let rows: Vec<ExportRow> = events
        .iter()
        .map(|e| ExportRow {
            id: Some(e.id),
            record: &e.record,
            timestamp: e.timestamp,
        })
        .collect();
    // With --out, the whole export is built first and then written to a
    // temporary file beside the target and renamed, so a failed export never
    // leaves a half-written file in place of a good one.
    let mut buf = Vec::new();
    let stdout = std::io::stdout();
    let mut w: Box<dyn Write> = match &args.out {
        Some(_) => Box::new(&mut buf),
        None => Box::new(std::io::BufWriter::new(stdout.lock())),
    };
    match args.format {
        ExportFormat::Csv => veille_export::write_csv(&mut w, &rows, args.extended)?,
        ExportFormat::Geojson => veille_export::write_geojson(&mut w, &rows)?,
        ExportFormat::Jsonl => veille_export::write_jsonl(&mut w, &rows)?,
    }
    w.flush()?;
    drop(w);
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
