//! `veille eval GOLD.jsonl`: extraction on the gold file's articles, scored by
//! score.py's rules (`veille_eval`).

use super::{now_unix, read_articles, report_failure, today};
use crate::cli::EvalArgs;
use crate::pipeline;
use anyhow::Context;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;
use veille_export::ExportRow;
use veille_ingest::InputFormat;

/// Runs the extraction over a gold file's articles; returns the system events
/// (FORMAT.md's output form) and each article's cleaned text.
pub(crate) fn system_output(
    gold: &std::path::Path,
) -> anyhow::Result<(Vec<serde_json::Value>, HashMap<String, String>)> {
    let today = today();
    let now = now_unix();
    let mut system = Vec::new();
    let mut texts = HashMap::new();
    for article in read_articles(&[gold.to_path_buf()], InputFormat::Jsonl) {
        let article = match article {
            Ok(a) => a,
            Err(e) => {
                report_failure(&e);
                continue;
            }
        };
        for e in pipeline::extract(&article, today) {
            system.push(veille_export::event_json(&ExportRow {
                id: None,
                record: &e,
                timestamp: now,
            }));
        }
        texts.insert(article.id.clone(), article.text);
    }
    Ok((system, texts))
}

pub(crate) fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let gold = veille_eval::read_gold(&args.gold)?;
    let (system, texts) = system_output(&args.gold)?;
    if let Some(path) = &args.system_out {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        );
        for e in &system {
            serde_json::to_writer(&mut f, e)?;
            f.write_all(b"\n")?;
        }
        f.flush()?;
    }
    let score = veille_eval::score(&gold, &system);
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", score.to_json_text(false))?;
    } else {
        writeln!(out, "{}", score.report(false))?;
    }
    if args.explain {
        writeln!(out)?;
        writeln!(out, "{}", veille_eval::explain(&gold, &system, &texts))?;
    }
    let floors = [
        ("F1", args.min_f1, score.f1),
        ("precision", args.min_precision, score.precision),
        ("recall", args.min_recall, score.recall),
    ];
    let mut below = false;
    for (name, floor, value) in floors {
        if let Some(floor) = floor
            && value < floor
        {
            below = true;
            report_failure(&format_args!(
                "{}: event {name} {value:.3} is below the floor {floor:.3}",
                args.gold.display()
            ));
        }
    }
    Ok(if below {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
