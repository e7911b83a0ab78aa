//! `tandem check`: the CI gate. Whole repository, or `--base REV` for what a pull request introduced.

use std::io::Write;

use super::{Context, Output};
use crate::cli::{CheckArgs, CheckFormat};
use crate::engine::check::{self as engine_check, Policy};
use crate::error::{Error, Exit, Result};
use crate::i18n::UiLang;
use crate::report::check::{self as render, FindingKind};

pub fn run(
    args: &CheckArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let (ws, m) = ctx.open_at(ui_lang, args.rev.as_deref())?;
    let config_path = ws
        .settings
        .config_file
        .clone()
        .unwrap_or_else(|| crate::site::config::CONFIG_FILE.to_owned());
    let policy = Policy::new(
        &args.fail_on,
        ws.settings
            .file
            .check
            .as_ref()
            .and_then(|c| c.fail_on.as_deref()),
        args.warn_only,
        &config_path,
    )?;
    // A policy written for one mode names nothing the other reports (`fail_on: [stale-in-pr]` on a nightly check of
    // the whole repository): every finding would be a warning, and the gate green, without a word.
    let reported = match args.base {
        Some(_) => &FindingKind::PULL_REQUEST,
        None => &FindingKind::REPOSITORY,
    };
    if !policy.fail_on.is_empty() && !reported.iter().any(|k| policy.fail_on.contains(k)) {
        output.stderr.push(
            m.with(
                match args.base {
                    Some(_) => "check-warn-policy-no-pull-request-kind",
                    None => "check-warn-policy-no-repository-kind",
                },
                &[(
                    "kinds",
                    reported
                        .iter()
                        .map(|k| k.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                )],
            ),
        );
    }
    // In a pull request's workflow without --base, the whole repository's debt would be laid on the pull request.
    if args.base.is_none()
        && let Some(branch) = &ctx.env.pull_request_base
        && !ctx.global.quiet
    {
        output.stderr.push(m.with(
            "check-note-pull-request-without-base",
            &[("branch", branch.into())],
        ));
    }
    let report = match &args.base {
        Some(base) => engine_check::check_pull_request(&ws, base, args.pushed, args.mode, &policy)?,
        None => engine_check::check_repository(&ws, args.mode, &policy)?,
    };
    // In GitHub Actions, the Markdown report goes to the job's summary page. One that cannot be written is a warning:
    // the verdict stands (a check with findings ended with exit code 2, as if it had not run).
    let summary_written = match &ctx.env.step_summary {
        Some(path) => {
            let written = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .and_then(|mut file| file.write_all(render::step_summary(&report, &m).as_bytes()))
                .map_err(|err| Error::io(path.display().to_string(), &err));
            match written {
                Ok(()) => true,
                Err(err) => {
                    output.stderr.push(m.with(
                        "check-summary-unwritten",
                        &[("detail", m.render(&err.message().0).into())],
                    ));
                    false
                }
            }
        }
        None => false,
    };
    output.stdout = match args.format {
        CheckFormat::Text => render::text(&report, &m),
        CheckFormat::Github => render::github(&report, &m, summary_written),
        CheckFormat::Json => {
            let mut text = serde_json::to_string_pretty(&report).expect("report serialises");
            text.push('\n');
            text
        }
        CheckFormat::Junit => render::junit(&report, &m),
    };
    // Machine formats keep stdout clean; people still get one line on stderr (the github format prints it itself).
    if !ctx.global.quiet && matches!(args.format, CheckFormat::Json | CheckFormat::Junit) {
        output
            .stderr
            .push(render::summary_line(&report, &m, summary_written));
    }
    Ok(if report.failing > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    })
}
