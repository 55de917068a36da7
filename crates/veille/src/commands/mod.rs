//! One module per subcommand.

pub(crate) mod demo;
pub(crate) mod eval;
pub(crate) mod events;
pub(crate) mod export;
pub(crate) mod extract;
pub(crate) mod ingest;
pub(crate) mod mentions;
pub(crate) mod place;

use crate::cli::{FilterArgs, InputFormatArg};
use anyhow::Context;
use veille_ingest::InputFormat;

pub(crate) fn input_format(f: InputFormatArg) -> InputFormat {
    match f {
        InputFormatArg::Auto => InputFormat::Auto,
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Html => InputFormat::Html,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
    }
}

/// Every input read, decoded and cleaned: an article, or why the input failed.
pub(crate) fn read_articles(
    inputs: &[std::path::PathBuf],
    format: InputFormat,
) -> impl Iterator<Item = anyhow::Result<veille_core::Article>> {
    veille_ingest::read_inputs(inputs, format).map(|doc| Ok(crate::pipeline::clean(doc?)?))
}

/// Opens a database that must already exist (`events`, `export` read; they never create one).
pub(crate) fn open_existing(db: &std::path::Path) -> anyhow::Result<veille_store::Store> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (run `veille ingest` or `veille demo` first)",
            db.display()
        );
    }
    veille_store::Store::open(db).with_context(|| format!("cannot open database {}", db.display()))
}

pub(crate) fn today() -> veille_core::Date {
    jiff::Zoned::now().date()
}

pub(crate) fn now_unix() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn parse_day(flag: &str, value: &Option<String>) -> anyhow::Result<Option<veille_core::Date>> {
    value
        .as_deref()
        .map(|v| {
            v.parse::<veille_core::Date>()
                .with_context(|| format!("--{flag} {v:?}: expected a day as YYYY-MM-DD"))
        })
        .transpose()
}

pub(crate) fn event_filter(f: &FilterArgs) -> anyhow::Result<veille_store::EventFilter> {
    if f.limit == Some(0) {
        anyhow::bail!("--limit 0: expected a positive number of events");
    }
    Ok(veille_store::EventFilter {
        since: parse_day("since", &f.since)?,
        until: parse_day("until", &f.until)?,
        country: f.country.clone(),
        admin1: f.admin1.clone(),
        actor: f.actor.clone(),
        event_type: f.event_type.clone(),
        limit: f.limit,
    })
}

/// Prints a failed input the same way everywhere: `veille: INPUT: REASON`.
#[allow(clippy::print_stderr)]
pub(crate) fn report_failure(what: &dyn std::fmt::Display) {
    eprintln!("veille: {what}");
}
