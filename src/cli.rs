//! Command-line definitions (clap derive) and nothing else.
//!
//! No text for people lives here: every command, argument and value is described in the catalogs
//! (`locales/*.ftl`) under an id derived from its name, and `crate::help` puts those texts in, in the UI language:
//! `about-<command>` (the top level is `tandem`), `help-<command>-<argument>` (global arguments are the top level's),
//! `value-<argument>-<value>` for a possible value worth a description. A test walks the whole command line and
//! fails on any id the catalogs lack.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::engine::analysis::Mode;
use crate::i18n::UiLang;
use crate::report::check::FindingKind;

#[derive(Debug, Parser)]
#[command(name = "tandem", version)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Listed after each command's own arguments in its help (they are the same for every command).
#[derive(Debug, Args)]
#[command(next_display_order = 100)]
pub struct GlobalArgs {
    #[arg(short = 'C', long = "repo", value_name = "DIR", global = true)]
    pub repo: Option<PathBuf>,
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    #[arg(long, value_name = "LANG", value_delimiter = ',', global = true)]
    pub lang: Vec<String>,
    #[arg(long, value_name = "DIR", global = true)]
    pub source_repo: Option<PathBuf>,
    #[arg(long, value_enum, value_name = "LANG", global = true)]
    pub ui_lang: Option<UiLang>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Status(StatusArgs),
    Diff(DiffArgs),
    Compare(CompareArgs),
    Check(CheckArgs),
    Pair(PairArgs),
    Sync(SyncArgs),
    Scaffold(ScaffoldArgs),
    Tasks(TasksArgs),
    Init(InitArgs),
    Demo(DemoArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
    // The site's target languages, one a line: what shell completions offer for `--lang` (hidden).
    #[command(name = "__languages", hide = true)]
    Languages,
    // One message of the catalogs, in the interface language: what the scripts shipped with tandem (the action's)
    // print, so that they speak the language tandem speaks (hidden).
    #[command(name = "__message", hide = true)]
    Message(MessageArgs),
}

#[derive(Debug, Args)]
pub struct MessageArgs {
    // The message's id; only the scripts' own.
    pub id: String,
    // Its arguments, `NAME=VALUE`.
    pub args: Vec<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub all: bool,
    #[arg(long)]
    pub exit_code: bool,
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct TasksArgs {
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub missing: bool,
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = TasksFormat::Markdown)]
    pub format: TasksFormat,
    #[arg(long, short = 'i')]
    pub interactive: bool,
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TasksFormat {
    Markdown,
    Github,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    #[arg(long, requires = "base")]
    pub pushed: bool,
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub fail_on: Vec<FindingKind>,
    #[arg(long)]
    pub warn_only: bool,
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Github,
    Json,
    Junit,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[arg(value_name = "PAGE")]
    pub page: PathBuf,
    #[arg(long, value_name = "ID")]
    pub section: Option<String>,
    #[arg(long)]
    pub word: bool,
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub context: usize,
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Patch,
    Json,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[arg(value_name = "SOURCE_FILE")]
    pub source: PathBuf,
    #[arg(value_name = "TRANSLATION_FILE")]
    pub translation: PathBuf,
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct PairArgs {
    #[arg(long)]
    pub suggest: bool,
    #[arg(long, requires = "suggest")]
    pub write: bool,
    #[arg(long, value_name = "SCORE", default_value_t = 0.4, value_parser = parse_score)]
    pub min_score: f64,
    #[arg(long, value_enum, default_value_t = PairFormat::Text)]
    pub format: PairFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PairFormat {
    Text,
    Json,
}

/// A score from 0 to 1, its decimals after a point or, as French writes them, a comma (`0,4`).
fn parse_score(text: &str) -> Result<f64, String> {
    match text.replacen(',', ".", 1).parse::<f64>() {
        Ok(score) if (0.0..=1.0).contains(&score) => Ok(score),
        // The message id of the reason, rendered with the value by `crate::help`.
        _ => Err("usage-detail-score".to_owned()),
    }
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[arg(value_name = "PAGE")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "REV")]
    pub to: Option<String>,
    #[arg(long)]
    pub patched: bool,
    #[arg(long)]
    pub drift_key: bool,
    #[arg(long, conflicts_with_all = ["to", "patched", "stale"])]
    pub drift_only: bool,
    #[arg(long)]
    pub stale: bool,
    #[arg(long, conflicts_with_all = ["to", "patched", "stale", "drift_only"])]
    pub mirrored: bool,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ScaffoldArgs {
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    #[arg(long, value_name = "NAME")]
    pub slug: Option<String>,
    #[arg(long, value_enum, default_value_t = BodyMode::Keep)]
    pub body: BodyMode,
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BodyMode {
    Keep,
    Placeholder,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(short, long)]
    pub yes: bool,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_enum, value_name = "WHEN")]
    pub publish: Option<Publish>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Publish {
    Together,
    Later,
}
