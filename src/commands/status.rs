//! `tandem status`: the verdict of every pair, as text, JSON, Markdown or an HTML page; on stdout or into a file.

use super::{Context, Output};
use crate::cli::{StatusArgs, StatusFormat};
use crate::engine::analysis::{self, Options};
use crate::error::{Error, Exit, Result};
use crate::history::CacheUse;
use crate::i18n::Message;
use crate::i18n::UiLang;
use crate::report::{self, text::TextOptions};
use crate::util::atomic::write_atomic;

pub fn run(
    args: &StatusArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let (ws, m) = ctx.open_at(ui_lang, args.rev.as_deref())?;
    let options = Options {
        mode: args.mode,
        strict: args.strict,
        paths: analysis::path_filters(&ws, &args.paths)?,
    };
    if ctx.env.progress && args.format != StatusFormat::Json {
        ws.repo
            .set_progress(Box::new(super::progress::TerminalProgress::new(m)));
    }
    let report = analysis::status(&ws, &options)?;
    // The history cache is an optimisation: a read-only repository still gets its status.
    let _ = ws.repo.save_cache();
    if ctx.global.verbose
        && let Some(cache) = ws.repo.cache_use()
    {
        let message = match cache {
            CacheUse::Reused => Message::new("cache-reused"),
            CacheUse::Extended { new_commits } => {
                Message::new("cache-extended").arg("count", new_commits)
            }
            CacheUse::Rebuilt => Message::new("cache-rebuilt"),
        };
        output.stderr.push(m.render(&message));
    }
    if ctx.global.verbose {
        output.stderr.push(
            m.render(&Message::new("verbose-versions-parsed").arg("count", report.versions_parsed)),
        );
    }
    let to_file = args.out.is_some();
    // A site read without `tandem.yaml`: what was detected, in one line above the report on a terminal (and with
    // `-v`), so a first run says how it read the site.
    let site_line = (args.format == StatusFormat::Text
        && ws.settings.config_file.is_none()
        && (ctx.global.verbose || (ctx.env.width.is_some() && !to_file)))
        .then(|| site_line(&ws.settings, &m));
    let text = match args.format {
        StatusFormat::Json if !to_file => {
            // Written as it is produced, not gathered first: a large site's report is tens of megabytes, held a
            // few thousand pages at a time (`StatusReport::write_json`). A closed pipe is not an error (as for the other formats, written by `main`).
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let _ = report
                .write_json(&mut out)
                .and_then(|()| std::io::Write::flush(&mut out));
            String::new()
        }
        StatusFormat::Text => report::text::status(
            &report,
            &m,
            TextOptions {
                color: ctx.env.color && !to_file,
                all: args.all,
                width: if to_file { None } else { ctx.env.width },
                next: true,
            },
        ),
        StatusFormat::Json => report.to_json(),
        StatusFormat::Markdown => report::markdown::status(&report, &m, args.all),
        StatusFormat::Html => report::html::status(&report, &m),
    };
    let text = match site_line {
        Some(line) => {
            let width = if to_file { None } else { ctx.env.width };
            format!("{}\n\n{text}", report::text::wrap(&line, width))
        }
        None => text,
    };
    match &args.out {
        Some(out) => {
            let path = ctx.base_dir().join(out);
            // A page of the site would be replaced by the report (a translation's path typed after --out), or the
            // report would become one (a missing translation's path, a new `.md` or `.html` in a content folder).
            if let Ok(rel) = ws.repo_paths(std::slice::from_ref(out))
                && let Some(rel) = rel.first()
            {
                super::refuse_protected_out(&ws.settings, rel)?;
            }
            if let Ok(rel) = ws.repo_paths(std::slice::from_ref(out))
                && let Some(rel) = rel.first()
                && (ws.settings.would_be_page(rel)
                    || ws.settings.would_be_page_of_any_kind(rel)
                    || report
                        .pages
                        .iter()
                        .any(|p| &p.source == rel || &p.translation == rel))
            {
                return Err(Error::OutIsAPage { path: rel.clone() });
            }
            write_atomic(&path, text.as_bytes())
                .map_err(|err| Error::io(path.display().to_string(), &err))?;
        }
        None => output.stdout = text,
    }
    output.warnings(&report.warnings, &m, ctx.global.quiet);
    let exit = if args.exit_code && !report.all_current() {
        Exit::Findings
    } else {
        Exit::Clean
    };
    // Left for the process's exit to reclaim: freeing a large site's report and the repository's caches one
    // allocation at a time is a few milliseconds of a warm run, and the command ends here. The `--rev` snapshot's
    // folder is removed first: forgetting it would leave it in the temporary directory.
    let mut ws = ws;
    drop(ws.snapshot.take());
    std::mem::forget(report);
    std::mem::forget(ws);
    Ok(exit)
}

/// The folder the source's pages are in, for the site line: the one folder, or what the folders of several content
/// roots share (`src/content` for Astro's collections), else the first; `.` for the repository's top.
fn source_folder(settings: &crate::site::config::Settings) -> String {
    let mut dirs: Vec<&str> = match &settings.layout {
        crate::site::config::Layout::Folders(roots) => roots
            .iter()
            .filter_map(|root| root.dirs.get(&settings.source))
            .map(String::as_str)
            .collect(),
        _ => Vec::new(),
    };
    if dirs.len() < 2 {
        dirs = vec![settings.content_dir(&settings.source)];
    }
    let mut shared: Vec<&str> = dirs[0].split('/').collect();
    for dir in &dirs[1..] {
        let parts: Vec<&str> = dir.split('/').collect();
        let same = shared
            .iter()
            .zip(&parts)
            .take_while(|(a, b)| a == b)
            .count();
        shared.truncate(same);
    }
    // Roots sharing nothing (Docusaurus's `docs/` and `blog/`): the first, the docs.
    match (shared.join("/"), settings.content_dir(&settings.source)) {
        (joined, "") if joined.is_empty() => ".".to_owned(),
        (joined, first) if joined.is_empty() => first.to_owned(),
        (joined, _) => joined,
    }
}

/// "Site: Starlight — src/content/docs, source en (locales in astro.config.mjs), 16 languages; only pages with
/// i18nReady": how the site was read when no `tandem.yaml` says.
fn site_line(settings: &crate::site::config::Settings, m: &crate::i18n::Messages) -> String {
    use crate::site::config::DetectedFrom;
    let generator = match settings.detected_from {
        DetectedFrom::Starlight => "site-generator-starlight",
        DetectedFrom::VitePress => "site-generator-vitepress",
        DetectedFrom::VuePress => "site-generator-vuepress",
        DetectedFrom::Docusaurus => "site-generator-docusaurus",
        DetectedFrom::HugoConfig => "site-generator-hugo",
        DetectedFrom::FileNames => "site-generator-suffixes",
        DetectedFrom::FrontMatterLanguage => "site-generator-front-matter-lang",
        DetectedFrom::Folders | DetectedFrom::Config => "site-generator-folders",
        DetectedFrom::RootLocale => "site-generator-root-locale",
        DetectedFrom::Astro => "site-generator-astro",
        DetectedFrom::AstroPages => "site-generator-astro-pages",
    };
    let message = match &settings.evidence.source {
        Some(why) => Message::new("status-site-line").arg("why", m.render(&why.message())),
        None => Message::new("status-site-line-plain"),
    };
    let mut line = m.render(
        &message
            .arg("generator", m.get(generator))
            .arg("dir", source_folder(settings))
            .arg("source", settings.source.clone())
            .arg("count", settings.content_dirs.len()),
    );
    if let Some(flag) = &settings.translatable_flag {
        line.push_str(&m.render(&Message::new("status-site-flag").arg("flag", flag.clone())));
    }
    line
}
