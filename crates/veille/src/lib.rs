//! The `veille` command line, as a library: the binary only parses arguments
//! and reports errors; each subcommand lives in `commands/<name>.rs` and calls
//! the pipeline crates.
//!
//! [`pipeline`] is the one place where the stages are called in order:
//! ingest → clean → annotate → assemble → geocode → name actors → merge.
//!
//! ```no_run
//! use veille::pipeline::extract;
//! # fn demo(article: &veille_core::Article) {
//! let today = jiff::Zoned::now().date();
//! let events = extract(article, today);
//! # }
//! ```
#![deny(missing_docs)]

pub mod cli;
mod commands;
pub mod notes;
pub mod pipeline;

use std::process::ExitCode;

/// Runs a parsed command line.
pub fn run(cli: cli::Cli) -> anyhow::Result<ExitCode> {
    use cli::Command::*;
    match cli.command {
        Extract(args) => commands::extract::run(&args),
        Ingest(args) => commands::ingest::run(&cli.db, &args),
        Events(args) => commands::events::run(&cli.db, &args),
        Export(args) => commands::export::run(&cli.db, &args),
        Eval(args) => commands::eval::run(&args),
        Demo(args) => commands::demo::run(&args),
        Place(args) => commands::place::run(&args),
        Mentions(args) => commands::mentions::run(&args),
    }
}
