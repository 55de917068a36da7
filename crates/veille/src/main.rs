//! The `veille` binary: parses the command line, runs it, reports errors.
//! Everything else lives in the library (`src/lib.rs`) and the pipeline crates.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = veille::cli::Cli::parse();
    match veille::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`veille events | head`) is not an error.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            #[allow(clippy::print_stderr)]
            {
                eprint!("veille: {err}");
                for cause in err.chain().skip(1) {
                    eprint!(": {cause}");
                }
                eprintln!();
            }
            ExitCode::from(2)
        }
    }
}
