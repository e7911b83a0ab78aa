//! One file per command. Each builds its report from the shared core and hands text back; nothing here prints.

pub mod check;
pub mod compare;
pub mod demo;
pub mod diff;
pub mod init;
pub mod pair;
pub mod progress;
pub mod prompt;
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
    /// `GITHUB_BASE_REF`: the branch a GitHub Actions run's pull request goes into (set only on pull-request events).
    pub pull_request_base: Option<String>,
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
        self.open_workspace_at(None)
    }

    /// The workspace as it is at commit `rev` (`--rev`), or in the work tree.
    pub fn open_workspace_at(&self, rev: Option<&str>) -> Result<Workspace> {
        Workspace::open_at(
            &self.base_dir(),
            &Requested {
                config: self.global.config.clone(),
                languages: self.global.lang.clone(),
                source_repo: self.global.source_repo.clone(),
            },
            rev,
        )
    }

    /// Opens the workspace and settles the interface language (the config may name one).
    pub fn open(&self, ui_lang: &mut UiLang) -> Result<(Workspace, Messages)> {
        self.open_at(ui_lang, None)
    }

    /// [`Context::open`], at commit `rev` when given (`--rev`).
    pub fn open_at(
        &self,
        ui_lang: &mut UiLang,
        rev: Option<&str>,
    ) -> Result<(Workspace, Messages)> {
        let ws = self.open_workspace_at(rev)?;
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
    // Until the workspace is open: the config's `ui_language` if a config is found and reads (as for `--help`).
    let base = ctx.base_dir();
    let config = ctx.global.config.as_ref().map(|c| base.join(c));
    let mut ui_lang = ctx.ui_lang(crate::help::config_ui_language(&base, config).as_deref());
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
            output.stdout = crate::help::completions(args.shell, &Messages::new(ui_lang));
            Ok(Exit::Clean)
        }
        Command::Man(args) => man(args, &ctx, &mut output, ui_lang),
        Command::Languages => {
            // Called by completion scripts: a site that cannot be opened offers no languages, silently.
            if let Ok(ws) = ctx.open_workspace() {
                for lang in &ws.settings.targets {
                    output.stdout.push_str(lang);
                    output.stdout.push('\n');
                }
            }
            Ok(Exit::Clean)
        }
        Command::Message(args) => {
            message(args, &mut output, ui_lang);
            Ok(output.exit.unwrap_or(Exit::Clean))
        }
    };
    match result {
        Ok(exit) => output.exit = Some(exit),
        Err(err) => {
            let text = err.render(&Messages::new(ui_lang));
            // In GitHub's format, a check that could not run says why where the pull request's checks show it:
            // on stderr alone the page showed only "exit code 2".
            if let Command::Check(args) = &cli.command
                && args.format == crate::cli::CheckFormat::Github
            {
                output.stdout.push_str(&format!(
                    "::error title=tandem::{}\n",
                    crate::report::check::escape_data(&text)
                ));
            }
            output.stderr.push(text);
            output.exit = Some(err.exit());
        }
    }
    output
}

/// The messages of the scripts shipped with tandem (`scripts/`), which `tandem __message` prints.
const SCRIPT_MESSAGES: &[&str] = &["action-push-before-missing", "action-head-not-pull-request"];

/// `tandem __message ID [NAME=VALUE]...`: a message of the scripts shipped with tandem, one line. Another id prints
/// nothing and fails: the scripts and the catalogs come from the same source.
fn message(args: &crate::cli::MessageArgs, output: &mut Output, ui_lang: UiLang) {
    let m = Messages::new(ui_lang);
    if !SCRIPT_MESSAGES.contains(&args.id.as_str()) {
        output.exit = Some(Exit::Failure);
        return;
    }
    let values: Vec<(&str, crate::i18n::Arg)> = args
        .args
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) => (name, value.into()),
            None => (pair.as_str(), "".into()),
        })
        .collect();
    output.stdout = m.with(&args.id, &values);
    output.stdout.push('\n');
}

/// `tandem man [COMMAND]` prints one page; `--out DIR` writes them all.
fn man(
    args: &crate::cli::ManArgs,
    ctx: &Context<'_>,
    output: &mut Output,
    ui_lang: UiLang,
) -> Result<Exit> {
    let m = Messages::new(ui_lang);
    let Some(dir) = &args.out else {
        output.stdout = crate::help::man_page(args.command.as_deref(), &m)?;
        return Ok(Exit::Clean);
    };
    let dir = ctx.env.current_dir.join(dir);
    let shown = dir.display().to_string();
    std::fs::create_dir_all(&dir).map_err(|err| crate::error::Error::io(&shown, &err))?;
    let pages = crate::help::man_pages(&m)?;
    for (name, page) in &pages {
        let path = dir.join(name);
        std::fs::write(&path, page)
            .map_err(|err| crate::error::Error::io(path.display().to_string(), &err))?;
    }
    output.stderr.push(m.with(
        "man-written",
        &[("count", pages.len().into()), ("dir", shown.into())],
    ));
    Ok(Exit::Clean)
}

/// Refuses an `--out` path (repo-relative) that would replace something the site or git is read from: a file in
/// `.git/` (`status --out .git/HEAD` left a repository git no longer opened), tandem's config, or a generator's config
/// (`hugo.yaml` replaced by a report). The report's own checks (a page of the site) come on top.
pub fn refuse_protected_out(settings: &crate::site::config::Settings, rel: &str) -> Result<()> {
    const CONFIG_STEMS: [&str; 14] = [
        "tandem",
        "hugo",
        "config",
        "mkdocs",
        "_config",
        "docusaurus.config",
        "astro.config",
        "next.config",
        "eleventy.config",
        ".eleventy",
        "_quarto",
        "package",
        "sidebars",
        "theme.config",
    ];
    const CONFIG_EXTENSIONS: [&str; 11] = [
        "yaml", "yml", "toml", "json", "js", "mjs", "cjs", "ts", "mts", "cts", "jsx",
    ];
    let what = if rel.split('/').any(|part| part == ".git") || rel == ".git" {
        Some("git")
    } else {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let generator = name.rsplit_once('.').is_some_and(|(stem, ext)| {
            CONFIG_STEMS.contains(&stem) && CONFIG_EXTENSIONS.contains(&ext)
        });
        let special = matches!(name, ".gitignore" | ".gitattributes" | ".gitmodules");
        (generator || special || settings.config_file.as_deref() == Some(rel)).then_some("config")
    };
    match what {
        Some(what) => Err(crate::error::Error::OutProtected {
            path: rel.to_owned(),
            what,
        }),
        None => Ok(()),
    }
}

/// Checks that every file of a multi-file write can be written (its folder takes a new file, the file is not
/// read-only) before the first is: the files as [`write_files`] takes them.
pub fn check_writable(files: &[(String, std::path::PathBuf, &[u8])]) -> Result<()> {
    use crate::util::atomic::{Unwritable, check_writable};
    for (path, full, _) in files {
        match check_writable(full) {
            Ok(()) => {}
            Err(Unwritable::ReadOnly) => {
                return Err(crate::error::Error::ReadOnlyFile { path: path.clone() });
            }
            Err(Unwritable::Folder { folder, error }) => {
                // The folder as the user names it: the file's folder, or the one that many levels above it.
                let above = full
                    .parent()
                    .map_or(0, |parent| parent.components().count())
                    .saturating_sub(folder.components().count());
                let mut parts: Vec<&str> = path.split('/').collect();
                parts.pop();
                parts.truncate(parts.len().saturating_sub(above));
                let folder = if parts.is_empty() {
                    ".".to_owned()
                } else {
                    parts.join("/")
                };
                return Err(crate::error::Error::FolderNotWritable {
                    path: path.clone(),
                    folder,
                    detail: error.to_string(),
                    kind: error.kind(),
                });
            }
        }
    }
    Ok(())
}

/// Writes files in order, atomically each (creating their folders when `create_folders`). When one fails, the error
/// names the files written before it, which keep their changes; `Err` also gives how many were written.
pub fn write_files(
    files: &[(String, std::path::PathBuf, &[u8])],
    create_folders: bool,
) -> std::result::Result<(), (usize, crate::error::Error)> {
    for (index, (path, full, bytes)) in files.iter().enumerate() {
        let result = (|| {
            #[cfg(debug_assertions)]
            if std::env::var("TANDEM_TEST_FAIL_WRITE").is_ok_and(|fail| fail == *path) {
                return Err(std::io::Error::other(
                    "simulated failure (TANDEM_TEST_FAIL_WRITE)",
                ));
            }
            if create_folders && let Some(folder) = full.parent() {
                std::fs::create_dir_all(folder)?;
            }
            crate::util::atomic::write_atomic(full, bytes)
        })();
        if let Err(err) = result {
            let error = crate::error::Error::io(path.as_str(), &err);
            let error = if index == 0 {
                error
            } else {
                crate::error::Error::WrittenBefore {
                    error: Box::new(error),
                    written: files[..index].iter().map(|(p, ..)| p.clone()).collect(),
                }
            };
            return Err((index, error));
        }
    }
    Ok(())
}

/// Refuses to edit a page whose front matter opens after blank lines on a site whose generator is not Hugo: Hugo skips
/// them and reads the block, the others read it as text. A front matter tandem cannot read is left to the edit, which
/// refuses it.
pub fn check_fence_at_top(
    settings: &crate::site::config::Settings,
    path: &str,
    text: &str,
) -> Result<()> {
    let Ok(fm) = crate::markdown::frontmatter::parse(text) else {
        return Ok(());
    };
    let hugo = settings.generator == crate::site::key_classes::Generator::Hugo;
    crate::markdown::edit::check_fence_at_top(text, &fm, hugo).map_err(|error| {
        crate::error::Error::FrontMatterEdit {
            path: path.to_owned(),
            error,
        }
    })
}

/// A page to edit or copy, read as text: a Git LFS pointer (the page not pulled) is refused like a file that is no
/// text, since a pin written into it would replace the page stored in LFS.
pub fn read_page_text(file: &std::path::Path, path: &str) -> Result<String> {
    let bytes = std::fs::read(file).map_err(|err| crate::error::Error::io(path, &err))?;
    if crate::util::lfs::is_pointer(&bytes) {
        return Err(crate::error::Error::LfsPointer {
            path: path.to_owned(),
        });
    }
    // A NUL byte in the first 8,000 makes the file binary whatever its encoding, as `status` reads it: a page with a
    // NUL in valid UTF-8 was "binary, not a page" there and edited here.
    if bytes[..bytes.len().min(8000)].contains(&0) {
        return Err(crate::error::Error::NotUtf8 {
            path: path.to_owned(),
            line: 1,
            encoding: if crate::util::chars::is_utf16(&bytes) {
                crate::error::NotText::Utf16
            } else {
                crate::error::NotText::Binary
            },
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let encoding = if crate::util::chars::is_utf16(bytes) {
            crate::error::NotText::Utf16
        } else if bytes[..bytes.len().min(8000)].contains(&0) {
            crate::error::NotText::Binary
        } else {
            crate::error::NotText::OtherEncoding
        };
        crate::error::Error::NotUtf8 {
            path: path.to_owned(),
            line: crate::util::chars::first_non_utf8_line(bytes).unwrap_or(1),
            encoding,
        }
    })
}
