//! `veille extract`: articles in, events out, no database.

use super::{input_format, now_unix, read_articles, report_failure, today};
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::pipeline;
use std::io::Write;
use std::process::ExitCode;
use veille_export::ExportRow;

pub(crate) fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let today = today();
    let now = now_unix();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut all = Vec::new();
    for article in read_articles(&args.input.inputs, input_format(args.input.input_format)) {
        let article = match article {
            Ok(a) => a,
            Err(e) => {
                failed += 1;
                report_failure(&e);
                continue;
            }
        };
        let events = pipeline::extract(&article, today);
        match args.format {
            ExtractFormat::Jsonl => {
                for e in &events {
                    let row = ExportRow {
                        id: None,
                        record: e,
                        timestamp: now,
                    };
                    serde_json::to_writer(&mut out, &veille_export::event_json(&row))?;
                    out.write_all(b"\n")?;
                }
            }
            ExtractFormat::Csv => all.extend(events),
        }
    }
    if args.format == ExtractFormat::Csv {
        let rows: Vec<ExportRow> = all
            .iter()
            .map(|e| ExportRow {
                id: None,
                record: e,
                timestamp: now,
            })
            .collect();
        veille_export::write_csv(&mut out, &rows, true)?;
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
