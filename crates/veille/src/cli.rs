//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// veille turns news reports of armed conflict into ACLED-style events.
#[derive(Debug, Parser)]
#[command(name = "veille", version, about, long_about = None)]
pub struct Cli {
    /// The database (SQLite).
    #[arg(long, global = true, default_value = "veille.db", env = "VEILLE_DB")]
    pub db: PathBuf,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract events from articles and print them (no database).
    Extract(ExtractArgs),
    /// Extract events from articles and store them in the database.
    Ingest(IngestArgs),
    /// Show stored events as a table.
    Events(EventsArgs),
    /// Export stored events as CSV (ACLED's 31 columns), GeoJSON or JSON Lines.
    Export(ExportArgs),
    /// Score extraction against a gold file (FORMAT.md), as score.py does.
    Eval(EvalArgs),
    /// Ingest the bundled demo articles into a fresh database and show the events.
    Demo(DemoArgs),
    /// Show how a place name is resolved: candidates, scores and the choice.
    Place(PlaceArgs),
    /// Show what the annotators found in each article, sentence by sentence.
    Mentions(MentionsArgs),
}

/// `veille mentions`.
#[derive(Debug, Args)]
pub struct MentionsArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Only the article with this id (batch id or file path).
    #[arg(long)]
    pub id: Option<String>,
}

/// How to read inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By extension; standard input is sniffed.
    Auto,
    /// Plain text.
    Text,
    /// HTML.
    Html,
    /// JSON Lines article batch.
    Jsonl,
}

/// Inputs shared by `extract` and `ingest`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (recursive: .txt .md .html .htm .jsonl), or - for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Force the input format.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
}

/// `veille extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExtractFormat,
}

/// Output of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// FORMAT.md's system output: one event per line.
    Jsonl,
    /// ACLED's 31 columns, then veille's own.
    Csv,
}

/// `veille ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Never show a progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// Filters on stored events.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Country (ACLED name, e.g. "Burkina Faso").
    #[arg(long)]
    pub country: Option<String>,
    /// First administrative unit (e.g. Kayes, Tillabéri).
    #[arg(long)]
    pub admin1: Option<String>,
    /// A piece of an actor's name (actor1 or actor2).
    #[arg(long)]
    pub actor: Option<String>,
    /// An event type or sub-event type (e.g. Battles, "Air/drone strike").
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
}

/// `veille events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// ACLED's 31 columns in ACLED's order.
    Csv,
    /// A FeatureCollection of points.
    Geojson,
    /// One event per line, with evidence.
    Jsonl,
}

/// `veille export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// CSV only: add veille's own columns (id, article, fatality range, evidence) after ACLED's.
    #[arg(long)]
    pub extended: bool,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `veille eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A gold file: an article batch whose lines carry `events`.
    pub gold: PathBuf,
    /// List, per article, the missed events, the false alarms and the field disagreements.
    #[arg(long)]
    pub explain: bool,
    /// Print score.py's --json form.
    #[arg(long)]
    pub json: bool,
    /// Also write the system output (JSON Lines) here, for score.py.
    #[arg(long)]
    pub system_out: Option<PathBuf>,
    /// Exit with status 1 when event F1 is below this floor.
    #[arg(long, value_name = "F1")]
    pub min_f1: Option<f64>,
    /// Exit with status 1 when event precision is below this floor.
    #[arg(long, value_name = "P")]
    pub min_precision: Option<f64>,
    /// Exit with status 1 when event recall is below this floor.
    #[arg(long, value_name = "R")]
    pub min_recall: Option<f64>,
}

/// `veille demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Database to create (replaced if it exists). Default: veille-demo.db.
    #[arg(long, default_value = "veille-demo.db")]
    pub demo_db: PathBuf,
}

/// `veille place`.
#[derive(Debug, Args)]
pub struct PlaceArgs {
    /// The place name as an article writes it.
    pub name: String,
    /// Text around it (other places, regions), used to choose among homonyms.
    #[arg(long)]
    pub context: Option<String>,
}
