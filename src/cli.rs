//! Command-line definitions (clap derive) and nothing else.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::analysis::Mode;
use crate::i18n::UiLang;

/// Keeps the translations of a documentation or blog site in step with their source pages.
#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = "Keeps the translations of a documentation or blog site in step with their source pages.",
    after_help = "Exit codes: 0 nothing to report, 1 findings (status --exit-code), 2 tandem could not do its job."
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
    /// Show how pages pair and why; suggest pairings for unpaired pages
    Pair(PairArgs),
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
