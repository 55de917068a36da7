//! `veille events`: stored events as a readable table.

use super::{event_filter, open_existing};
use crate::cli::EventsArgs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use veille_store::StoredEvent;

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        format!("{s:<width$}")
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

fn short_actor(a: &str) -> &str {
    a.split(':').next().unwrap_or(a)
}

/// Writes events as an aligned table.
pub(crate) fn write_table(mut w: impl Write, events: &[StoredEvent]) -> std::io::Result<()> {
    writeln!(
        w,
        "{:>5}  {:<10}  {:<34}  {:<30}  {:<30}  {:<28}  {:>4}",
        "id", "date", "type", "actor1", "actor2", "location (admin1)", "dead"
    )?;
    for e in events {
        let r = &e.record;
        let place = format!("{} ({})", r.location, r.admin1);
        writeln!(
            w,
            "{:>5}  {:<10}  {}  {}  {}  {}  {:>4}",
            e.id,
            r.event_date.to_string(),
            cut(r.sub_event_type.label(), 34),
            cut(short_actor(&r.actor1), 30),
            cut(r.actor2.as_deref().map(short_actor).unwrap_or("-"), 30),
            cut(&place, 28),
            r.fatalities
        )?;
    }
    writeln!(w, "{} events", events.len())
}

pub(crate) fn run(db: &Path, args: &EventsArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let events = store.events(&event_filter(&args.filter)?)?;
    write_table(std::io::stdout().lock(), &events)?;
    Ok(ExitCode::SUCCESS)
}
