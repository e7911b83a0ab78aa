//! `tandem status`: the verdict of every pair, as text, JSON or Markdown.

use super::{Context, Output};
use crate::analysis::{self, Options};
use crate::cli::{StatusArgs, StatusFormat};
use crate::error::{Exit, Result};
use crate::i18n::UiLang;
use crate::report::{self, text::TextOptions};

pub fn run(
    args: &StatusArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let ws = ctx.open_workspace()?;
    *ui_lang = ctx.ui_lang(ws.settings.ui_language.as_deref());
    let m = ctx.messages(ws.settings.ui_language.as_deref());
    let options = Options {
        mode: args.mode,
        strict: args.strict,
        paths: ws.repo_paths(&args.paths)?,
    };
    let report = analysis::status(&ws, &options)?;
    // The history cache is an optimisation: a read-only repository still gets its status.
    let _ = ws.repo.save_cache();
    output.stdout = match args.format {
        StatusFormat::Text => report::text::status(
            &report,
            &m,
            TextOptions {
                color: ctx.env.color,
                verbose: ctx.global.verbose,
            },
        ),
        StatusFormat::Json => report.to_json(),
        StatusFormat::Markdown => report::markdown::status(&report, &m),
    };
    if !ctx.global.quiet {
        output
            .stderr
            .extend(report.warnings.iter().map(|w| report::text::warning(w, &m)));
    }
    Ok(if args.exit_code && !report.all_current() {
        Exit::Findings
    } else {
        Exit::Clean
    })
}
