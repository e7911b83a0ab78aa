//! Command-line definitions (clap derive) and nothing else.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::analysis::Mode;
use crate::gate::FindingKind;
use crate::i18n::UiLang;

/// Keeps the translations of a documentation or blog site in step with their source pages.
#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = "Keeps the translations of a documentation or blog site in step with their source pages.",
    after_help = "Exit codes: 0 nothing to report, 1 findings (check, compare, status --exit-code), 2 tandem could not do its job."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Run as if tandem was started in DIR
    #[arg(short = 'C', long = "repo", value_name = "DIR", global = true)]
    pub repo: Option<PathBuf>,
    /// Read this config file instead of the nearest tandem.yaml
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Target languages, comma-separated (default: all)
    #[arg(long, value_name = "LANG", value_delimiter = ',', global = true)]
    pub lang: Vec<String>,
    /// The clone holding the source pages, when translations live in another repository
    #[arg(long, value_name = "DIR", global = true)]
    pub source_repo: Option<PathBuf>,
    /// Language of tandem's messages (else TANDEM_UI_LANG, config, system locale)
    #[arg(long, value_enum, value_name = "LANG", global = true)]
    pub ui_lang: Option<UiLang>,
    /// When to use colours
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Print no warnings
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more (list every missing page)
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
    /// Verdict of every page pair: current, stale, missing, orphaned or unknown
    Status(StatusArgs),
    /// What changed in the source since the translation's sync point, section by section
    Diff(DiffArgs),
    /// One pair given by explicit paths: structure signals, and the history verdict inside a repository
    Compare(CompareArgs),
    /// CI gate: fail on untranslated changes, invalid pins, orphans (whole repository, or a pull request with --base)
    Check(CheckArgs),
    /// Show how pages pair and why; suggest pairings for unpaired pages
    Pair(PairArgs),
    /// Record that translations are up to date: write the source commit they match into their front matter
    Sync(SyncArgs),
    /// Create a translation from its source page: front matter with the pin set, body kept or as placeholders
    Scaffold(ScaffoldArgs),
    /// Review and translation tasks: one per stale page (and missing page), as Markdown files or GitHub issues
    Tasks(TasksArgs),
    /// Write tandem.yaml from what was detected (asks on a terminal, --yes otherwise)
    Init(InitArgs),
    /// Build a small bilingual site with real history and show its status
    Demo(DemoArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Only pages under these files or folders (relative to the current directory)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where sync points come from: pins, the translation's last commit, or pins first
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,
    /// Byte semantics only: exactly `git diff --quiet <sync>...HEAD -- <source>`
    #[arg(long)]
    pub strict: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
    /// Exit with 1 when any page is not current
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct TasksArgs {
    /// Only pages under these files or folders (relative to the current directory)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also a translation task per missing page
    #[arg(long)]
    pub missing: bool,
    /// Write one Markdown file per task into DIR (stable names: running again updates them)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Output format (github: JSON lines with title, body, labels, assignees for `gh issue create`)
    #[arg(long, value_enum, default_value_t = TasksFormat::Markdown)]
    pub format: TasksFormat,
    /// Tick the pages to hand out, on a terminal (without one, name them as PATHs)
    #[arg(long, short = 'i')]
    pub interactive: bool,
    /// Where sync points come from
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TasksFormat {
    Markdown,
    Github,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Check only what the commits since the merge base with REV introduced (a pull request: origin/main)
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// Findings that fail, comma-separated (default: check.fail_on, else all); the others are warnings
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub fail_on: Vec<FindingKind>,
    /// Report every finding as a warning and exit 0
    #[arg(long)]
    pub warn_only: bool,
    /// Where sync points come from
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,
    /// Output format (github: workflow commands for pull-request annotations)
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
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
    /// A translation, or a source page (with --lang when it has several translations)
    #[arg(value_name = "PAGE")]
    pub page: PathBuf,
    /// Only the section with this id (its anchor, as in the source or the translation)
    #[arg(long, value_name = "ID")]
    pub section: Option<String>,
    /// Highlight the words that changed
    #[arg(long)]
    pub word: bool,
    /// Unchanged blocks shown around each changed block
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub context: usize,
    /// Where the sync point comes from
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Patch,
    Json,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The source page
    #[arg(value_name = "SOURCE_FILE")]
    pub source: PathBuf,
    /// The translation
    #[arg(value_name = "TRANSLATION_FILE")]
    pub translation: PathBuf,
    /// Output format
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
    /// Score candidate pairings for the pages that have no partner
    #[arg(long)]
    pub suggest: bool,
    /// Record accepted suggestions as a translation key (translationKey) in both files
    #[arg(long, requires = "suggest")]
    pub write: bool,
    /// Lowest score to suggest, or to write without asking (0 to 1)
    #[arg(long, value_name = "SCORE", default_value_t = 0.5, value_parser = parse_score)]
    pub min_score: f64,
    /// Output format
    #[arg(long, value_enum, default_value_t = PairFormat::Text)]
    pub format: PairFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PairFormat {
    Text,
    Json,
}

fn parse_score(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(score) if (0.0..=1.0).contains(&score) => Ok(score),
        _ => Err(format!("{text} is not a score between 0 and 1")),
    }
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to build the demo site (default: a new temporary folder)
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Translations, or folders of them, to mark as up to date (relative to the current directory). Without any, a
    /// terminal offers the stale pages to pick from
    #[arg(value_name = "PAGE")]
    pub paths: Vec<PathBuf>,
    /// The source commit to record (default: the last commit that changed each page's source, as `git log -1`)
    #[arg(long, value_name = "REV")]
    pub to: Option<String>,
    /// Mark the pin `# patched`: the translation was fixed without being fully brought up to date
    #[arg(long)]
    pub patched: bool,
    /// Also set the drift key (`drifted_from_default`, or pin.drift_key): `true` on stale pages, `file not found` on
    /// orphans, removed from current ones
    #[arg(long)]
    pub drift_key: bool,
    /// Only update the drift key of every page (under PAGE, or the whole site); write no pin
    #[arg(long, conflicts_with_all = ["to", "patched", "stale"])]
    pub drift_only: bool,
    /// Sync every stale page (under PAGE, or the whole site): what the terminal picker offers, without asking
    #[arg(long)]
    pub stale: bool,
    /// Show what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ScaffoldArgs {
    /// The source page to translate (relative to the current directory)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// The translation's file name (without folder), for sites whose translations have translated names
    #[arg(long, value_name = "NAME")]
    pub slug: Option<String>,
    /// What to do with the body: keep the source text, or keep only its structure with a marker where prose goes
    #[arg(long, value_enum, default_value_t = BodyMode::Keep)]
    pub body: BodyMode,
    /// Overwrite the translation if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BodyMode {
    /// The source's body, to translate in place
    Keep,
    /// Headings (with their {#id}), code blocks, shortcodes and images kept; a marker where prose goes
    Placeholder,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Accept the detected settings without asking
    #[arg(short, long)]
    pub yes: bool,
    /// Overwrite an existing tandem.yaml
    #[arg(long)]
    pub force: bool,
    /// How the site publishes translations (decides what `tandem check` fails on)
    #[arg(long, value_enum, value_name = "WHEN")]
    pub publish: Option<Publish>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Publish {
    /// Both languages go out together: every `check` finding fails the build
    Together,
    /// Translations catch up later: untranslated changes are warnings, only invalid pins fail
    Later,
}
