//! `veille place NAME [--context TEXT]`: why a place name resolves as it does.

use crate::cli::PlaceArgs;
use std::io::Write;
use std::process::ExitCode;
use veille_gazetteer::Gazetteer;

pub(crate) fn run(args: &PlaceArgs) -> anyhow::Result<ExitCode> {
    if args.name.trim().is_empty() {
        anyhow::bail!("place name is empty");
    }
    let explanation =
        veille_geocode::explain(Gazetteer::embedded(), &args.name, args.context.as_deref());
    write!(std::io::stdout().lock(), "{explanation}")?;
    Ok(ExitCode::SUCCESS)
}
