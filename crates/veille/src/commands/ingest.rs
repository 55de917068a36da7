//! `veille ingest`: articles in, events stored; one transaction per article, so
//! an interrupted run keeps everything committed before it stopped.

use super::{input_format, read_articles, report_failure, today};
use crate::cli::IngestArgs;
use crate::pipeline;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use veille_store::{Inserted, Store};

/// What an ingest run did.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Summary {
    pub(crate) read: usize,
    pub(crate) new: usize,
    pub(crate) present: usize,
    pub(crate) failed: usize,
    pub(crate) events: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "articles read {}, new {}, already present {}, failed {}; events stored {}",
            self.read, self.new, self.present, self.failed, self.events
        )
    }
}

pub(crate) fn ingest_into(
    store: &mut Store,
    args: &IngestArgs,
    show_progress: bool,
) -> anyhow::Result<Summary> {
    let today = today();
    let bar = if show_progress {
        let b = ProgressBar::new_spinner();
        b.set_draw_target(ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles  {msg}")
                .expect("static template"),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let mut s = Summary::default();
    for article in read_articles(&args.input.inputs, input_format(args.input.input_format)) {
        s.read += 1;
        bar.inc(1);
        let article = match article {
            Ok(a) => a,
            Err(e) => {
                s.failed += 1;
                bar.suspend(|| report_failure(&e));
                continue;
            }
        };
        bar.set_message(article.id.clone());
        let events = pipeline::extract(&article, today);
        match store.insert_article(&article, &events) {
            Ok(Inserted::New { events }) => {
                s.new += 1;
                s.events += events;
            }
            Ok(Inserted::AlreadyPresent) => s.present += 1,
            Err(e) => {
                s.failed += 1;
                bar.suspend(|| report_failure(&format_args!("{}: {e}", article.origin)));
            }
        }
    }
    bar.finish_and_clear();
    Ok(s)
}

pub(crate) fn run(db: &Path, args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let mut store =
        Store::open(db).with_context(|| format!("cannot open database {}", db.display()))?;
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let s = ingest_into(&mut store, args, progress)?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{s}");
    }
    Ok(if s.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
