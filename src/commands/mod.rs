//! One file per command. Each builds its report from the shared core and hands text back; nothing here prints.

pub mod check;
pub mod compare;
pub mod demo;
pub mod diff;
pub mod init;
pub mod pair;
pub mod progress;
pub mod scaffold;
pub mod status;
pub mod sync;
pub mod tasks;

use std::path::PathBuf;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::error::{Exit, Result};
use crate::i18n::{Messages, UiLang, choose_ui_lang};
use crate::site::config::Requested;
use crate::site::workspace::Workspace;

/// What the process knows about its surroundings, read once by `main`.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    pub current_dir: PathBuf,
    /// `TANDEM_UI_LANG`.
    pub ui_lang_env: Option<String>,
    /// The system locale (`fr-CA`, `C`…).
    pub system_locale: Option<String>,
    /// Whether stdout should get colours.
    pub color: bool,
    /// `GITHUB_STEP_SUMMARY`: the file `check` appends its Markdown report to.
    pub step_summary: Option<PathBuf>,
    /// Whether questions may be asked: stdin and stderr are terminals and `CI` is not set.
    pub interactive: bool,
    /// Whether progress bars may be drawn: stderr is a terminal and `CI` is not set.
    pub progress: bool,
    /// The terminal's width in columns when stdout is a terminal; `None` when it is piped (nothing is shortened).
    pub width: Option<usize>,
}

/// What a command produced: text for stdout and stderr, and the exit code.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: Vec<String>,
    pub exit: Option<Exit>,
}

impl Output {
    /// Adds the warnings about single pages, unless `-q`.
    pub fn warnings(&mut self, warnings: &[crate::report::Warning], m: &Messages, quiet: bool) {
        if !quiet {
            self.stderr
                .extend(warnings.iter().map(|w| crate::report::text::warning(w, m)));
        }
    }
}

/// Everything a command needs from the command line and the environment.
pub struct Context<'a> {
    pub global: &'a GlobalArgs,
    pub env: &'a Environment,
}

impl Context<'_> {
    /// The directory tandem runs in: the current directory, or `-C DIR` relative to it.
    pub fn base_dir(&self) -> PathBuf {
        match &self.global.repo {
            Some(dir) => self.env.current_dir.join(dir),
            None => self.env.current_dir.clone(),
        }
    }

    pub fn open_workspace(&self) -> Result<Workspace> {
        Workspace::open(
            &self.base_dir(),
            &Requested {
                config: self.global.config.clone(),
                languages: self.global.lang.clone(),
                source_repo: self.global.source_repo.clone(),
            },
        )
    }

    /// Opens the workspace and settles the interface language (the config may name one).
    pub fn open(&self, ui_lang: &mut UiLang) -> Result<(Workspace, Messages)> {
        let ws = self.open_workspace()?;
        *ui_lang = self.ui_lang(ws.settings.ui_language.as_deref());
        let m = Messages::new(*ui_lang);
        Ok((ws, m))
    }

    /// The interface language, once the config (if any) is known.
    pub fn messages(&self, config_ui_language: Option<&str>) -> Messages {
        Messages::new(self.ui_lang(config_ui_language))
    }

    pub fn ui_lang(&self, config_ui_language: Option<&str>) -> UiLang {
        choose_ui_lang(
            self.global.ui_lang,
            self.env.ui_lang_env.as_deref(),
            config_ui_language,
            self.env.system_locale.as_deref(),
        )
    }
}

/// Runs a parsed command line. Errors that stop the job come back rendered, with exit code 2.
pub fn run(cli: &Cli, env: &Environment) -> Output {
    let ctx = Context {
        global: &cli.global,
        env,
    };
    let mut output = Output::default();
    let mut ui_lang = ctx.ui_lang(None);
    let result = match &cli.command {
        Command::Status(args) => status::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Tasks(args) => tasks::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Check(args) => check::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Diff(args) => diff::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Compare(args) => compare::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Sync(args) => sync::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Scaffold(args) => scaffold::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Init(args) => init::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Demo(args) => demo::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Pair(args) => pair::run(args, &ctx, &mut output, &mut ui_lang),
        Command::Completions(args) => {
            output.stdout = completions(args.shell);
            Ok(Exit::Clean)
        }
        Command::Man => man_page().map(|page| {
            output.stdout = page;
            Exit::Clean
        }),
    };
    match result {
        Ok(exit) => output.exit = Some(exit),
        Err(err) => {
            output.stderr.push(err.render(&Messages::new(ui_lang)));
            output.exit = Some(err.exit());
        }
    }
    output
}

fn completions(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "tandem", &mut buffer);
    String::from_utf8_lossy(&buffer).into_owned()
}

fn man_page() -> Result<String> {
    use clap::CommandFactory;
    let mut buffer = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buffer)
        .map_err(|err| crate::error::Error::io("man", &err))?;
    Ok(String::from_utf8_lossy(&buffer).into_owned())
}
