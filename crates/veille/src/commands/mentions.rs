//! `veille mentions`: what the annotators found, sentence by sentence, and the
//! frames assembled from it — for checking why an event was or was not coded.

use super::{input_format, read_articles, report_failure, today};
use crate::cli::MentionsArgs;
use crate::pipeline;
use std::io::Write;
use std::process::ExitCode;
use veille_assemble::{Mentions, assemble};
use veille_lexicon::actors::ActorLexicon;

pub(crate) fn run(args: &MentionsArgs) -> anyhow::Result<ExitCode> {
    let today = today();
    let lex = ActorLexicon::embedded();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for article in read_articles(&args.input.inputs, input_format(args.input.input_format)) {
        let article = match article {
            Ok(a) => a,
            Err(e) => {
                report_failure(&e);
                continue;
            }
        };
        if args.id.as_ref().is_some_and(|id| *id != article.id) {
            continue;
        }
        let text = article.text.as_str();
        let m = Mentions::collect(&article, today);
        writeln!(
            out,
            "# {}  published {:?}  lang {}",
            article.id,
            article.published.map(|d| d.to_string()),
            article.lang.code()
        )?;
        for s in &m.sentences {
            let inside = |sp: veille_core::Span| s.span.contains(sp);
            writeln!(out, "\n[{}] {}", s.paragraph, s.span.slice(text))?;
            for t in m.triggers.iter().filter(|t| inside(t.span)) {
                writeln!(out, "    trigger  {:?} {:?}", t.value, t.span.slice(text))?;
            }
            for c in m.modality.iter().filter(|c| inside(c.span)) {
                writeln!(out, "    modality {:?} {:?}", c.value, c.span.slice(text))?;
            }
            for a in m.actors.iter().filter(|a| inside(a.span)) {
                let actor = lex.actor(a.actor);
                writeln!(
                    out,
                    "    actor    {:?} → {} ({:?}, hint {:?})",
                    a.span.slice(text),
                    actor.id,
                    actor.kind,
                    a.country_hint
                )?;
            }
            for p in m.places.iter().filter(|p| inside(p.span)) {
                writeln!(
                    out,
                    "    place    {:?} {:?} ({} candidates)",
                    p.cue_span.slice(text),
                    p.kind,
                    p.candidates.len()
                )?;
            }
            for d in m.dates.iter().filter(|d| inside(d.span)) {
                writeln!(
                    out,
                    "    date     {:?} → {} (precision {})",
                    d.span.slice(text),
                    d.date,
                    d.precision
                )?;
            }
            for t in m.tolls.iter().filter(|t| inside(t.span)) {
                writeln!(
                    out,
                    "    toll     {:?} → {:?} {:?} {:?}",
                    t.span.slice(text),
                    t.count,
                    t.outcome,
                    t.victims
                )?;
            }
        }
        writeln!(out, "\nframes:")?;
        for f in assemble(&article, &m) {
            writeln!(
                out,
                "  {} p{} {:?} | {:?} | {:?} | {:?} {:?} | dead {} | title {} | {:?}",
                f.date,
                f.time_precision,
                f.sub_event_type,
                f.actor1,
                f.actor2,
                f.place.cue_span.slice(text),
                f.place.kind,
                f.fatalities,
                f.from_title,
                f.trigger.slice(text)
            )?;
        }
        writeln!(out, "\nevents:")?;
        for e in pipeline::extract(&article, today) {
            writeln!(
                out,
                "  {} {} | {} | {:?} | {} ({}) p{} | dead {}",
                e.event_date,
                e.sub_event_type.label(),
                e.actor1,
                e.actor2,
                e.location,
                e.admin1,
                e.geo_precision,
                e.fatalities
            )?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
