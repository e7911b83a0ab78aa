//! `tandem compare SOURCE_FILE TRANSLATION_FILE`: one pair given by explicit paths, in a git repository or not.
//! Structure signals always; inside a repository where tandem reads a site, the verdict of the engine `status` uses.

use std::path::{Path, PathBuf};

use super::{Context, Output};
use crate::cli::{CompareArgs, CompareFormat};
use crate::drift::sections::Severity;
use crate::drift::structure::{self, SectionRef};
use crate::drift::{Reason, State};
use crate::engine::analysis;
use crate::error::{Error, Exit, Result};
use crate::history::GitRepo;
use crate::i18n::{Messages, UiLang};
use crate::markdown::document::{self, DEFAULT_TRANSLATABLE, SiteContext};
use crate::report::Warning;
use crate::report::compare::{AlignedSection, CompareReport, render};
use crate::site::config::{DEFAULT_PIN_KEYS, Requested, relative_slash};
use crate::site::workspace::Workspace;

pub fn run(
    args: &CompareArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let base = ctx.base_dir();
    let source = base.join(&args.source);
    let translation = base.join(&args.translation);
    let (report, warnings) = compare(
        (&source, &args.source),
        (&translation, &args.translation),
        ctx,
        ui_lang,
    )?;
    let m = Messages::new(*ui_lang);
    output.warnings(&warnings, &m, ctx.global.quiet);
    output.stdout = match args.format {
        CompareFormat::Json => {
            let mut text = serde_json::to_string_pretty(&report).expect("report serialises");
            text.push('\n');
            text
        }
        CompareFormat::Text => render(&report, &m),
    };
    Ok(if report.state == State::Current {
        Exit::Clean
    } else {
        Exit::Findings
    })
}

/// The bytes of a compared file (`None`: nothing is there). A path that is no regular file, or cannot be read, stops
/// the job naming it: a folder, an unreadable file or a submodule was said to be a missing page ("orphaned: the source
/// page does not exist"), and a named pipe was waited on forever. `shown`: the path as given.
fn read_compared(path: &Path, shown: &Path) -> Result<Option<Vec<u8>>> {
    let shown = shown.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) if crate::util::files::is_absent(&err) => return Ok(None),
        Err(err) => return Err(Error::io(shown, &err)),
    };
    if let Some(kind) = crate::util::files::not_regular(path, &metadata) {
        return Err(Error::ComparedNotAFile { path: shown, kind });
    }
    std::fs::read(path)
        .map(Some)
        .map_err(|err| Error::io(shown, &err))
}

fn compare(
    (source, source_shown): (&Path, &Path),
    (translation, translation_shown): (&Path, &Path),
    ctx: &Context,
    ui_lang: &mut UiLang,
) -> Result<(CompareReport, Vec<Warning>)> {
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if same(source, translation) {
        return Err(Error::ComparedWithItself {
            path: source.display().to_string(),
        });
    }
    let source_bytes = read_compared(source, source_shown)?;
    let translation_bytes = read_compared(translation, translation_shown)?;
    if source_bytes.is_none() && translation_bytes.is_none() {
        return Err(Error::ComparedFilesMissing {
            source_path: source.display().to_string(),
            translation: translation.display().to_string(),
        });
    }
    // The repository and the site's settings, found from the source's own folder.
    let folder = source
        .parent()
        .filter(|p| p.is_dir())
        .or_else(|| translation.parent())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    // The site, read once: its repository and settings (a repository where no site is found has no settings).
    let workspace = Workspace::open(
        &folder,
        &Requested {
            config: ctx.global.config.clone(),
            languages: Vec::new(),
            source_repo: None,
        },
    )
    .ok();
    let bare_repo = match &workspace {
        Some(_) => None,
        None => GitRepo::discover(&folder).ok(),
    };
    let repo = workspace.as_ref().map(|ws| &ws.repo).or(bare_repo.as_ref());
    let settings = workspace.as_ref().map(|ws| &ws.settings);
    if let Some(settings) = &settings {
        *ui_lang = ctx.ui_lang(settings.ui_language.as_deref());
    }
    let site = match &settings {
        Some(settings) => settings.site_context(),
        None => SiteContext {
            base_url: None,
            languages: [source, translation]
                .iter()
                .flat_map(|p| p.components())
                .filter_map(|c| c.as_os_str().to_str())
                .filter(|name| crate::site::config::is_language_tag(name))
                .map(str::to_owned)
                .collect(),
            translatable: DEFAULT_TRANSLATABLE
                .iter()
                .map(|k| (*k).to_owned())
                .collect(),
            bookkeeping: DEFAULT_PIN_KEYS
                .iter()
                .map(|k| (*k).to_owned())
                .chain(std::iter::once("drifted_from_default".to_owned()))
                .collect(),
        },
    };
    let display = |path: &Path| match repo {
        Some(repo) => {
            let absolute = std::fs::canonicalize(path).unwrap_or(path.to_path_buf());
            relative_slash(repo.workdir(), &absolute)
        }
        None => path.display().to_string(),
    };
    let mut report = CompareReport {
        state: State::Current,
        severity: Severity::None,
        signals: Vec::new(),
        sections: Vec::new(),
        reason: Reason::SourceUnchanged,
        sync: None,
        pin: None,
        without_history: false,
        source: display(source),
        translation: display(translation),
    };
    let translation_found = translation_bytes.is_some();
    let (Some(source_bytes), Some(translation_bytes)) = (source_bytes, translation_bytes) else {
        (report.state, report.reason) = if translation_found {
            (State::Orphaned, Reason::SourceNotFound)
        } else {
            (State::Missing, Reason::NotTranslated)
        };
        return Ok((report, Vec::new()));
    };
    // Inside a repository where tandem reads a site: the verdict of the engine `status` uses, for this pair.
    let in_repo =
        repo.is_some_and(|r| canonical_in(Some(r), source) && canonical_in(Some(r), translation));
    let judging = workspace
        .as_ref()
        .filter(|ws| in_repo && ws.source_repo.is_none());
    // The warnings about these two files (a page that is not text says what it is and how to convert it); the site's
    // other pages are not this command's business.
    let mut warnings = Vec::new();
    let judged = match judging {
        Some(ws) => {
            let (page, site_warnings) =
                analysis::judge_files(ws, &report.source, &report.translation)?;
            warnings.extend(
                site_warnings
                    .into_iter()
                    .filter(|w| w.file == report.source || w.file == report.translation),
            );
            Some(page)
        }
        None => None,
    };
    // A Git LFS pointer (the page not pulled) has no structure to compare, whichever side it is.
    let lfs_pointer = crate::util::lfs::is_pointer(&source_bytes)
        || crate::util::lfs::is_pointer(&translation_bytes);
    // Outside a site nothing else says why a file is not read: the warning `status` gives it.
    let mut text_of = |bytes: Vec<u8>, shown: &str| match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) => {
            if judged.is_none() {
                let _ = analysis::page_text(shown, err.into_bytes(), &mut warnings);
            }
            None
        }
    };
    let texts = (
        text_of(source_bytes, &report.source),
        text_of(translation_bytes, &report.translation),
    );
    let docs = match &texts {
        _ if lfs_pointer => None,
        (Some(s), Some(t)) => match (document::parse(s, &site), document::parse(t, &site)) {
            (Ok(s), Ok(t)) => Some((s, t)),
            (s, t) => {
                if judged.is_none() {
                    for (path, err) in [(&report.source, s.err()), (&report.translation, t.err())] {
                        if let Some(err) = err {
                            warnings.push(Warning {
                                file: path.clone(),
                                line: Some(err.line),
                                message: err.warning(),
                            });
                        }
                    }
                }
                None
            }
        },
        _ => None,
    };
    // Outside a site: the structure alone decides.
    let Some((source_doc, translation_doc)) = docs else {
        (report.state, report.reason) = match (&judged, &texts) {
            _ if lfs_pointer => (State::Unknown, Reason::LfsPointer),
            (Some(page), _) => (page.state, page.reason),
            (None, (Some(_), Some(_))) => (State::Unknown, Reason::BadFrontMatter),
            (None, _) => (State::Unknown, Reason::Unreadable),
        };
        if let Some(page) = judged {
            report.severity = page.severity;
            report.pin = page.detail().cloned();
            report.sync = page.sync;
        }
        return Ok((report, warnings));
    };
    let structure = structure::compare(&source_doc, &translation_doc);
    match judged {
        Some(page) => {
            (report.state, report.reason, report.severity) =
                (page.state, page.reason, page.severity);
            report.pin = page.detail().cloned();
            report.sync = page.sync;
        }
        None => {
            report.without_history = true;
            report.severity = structure.severity();
            if structure.severity() == Severity::High {
                (report.state, report.reason) = (State::Stale, Reason::Structure);
            }
        }
    }

    let severity_of = |s: Option<usize>, t: Option<usize>| {
        structure
            .signals
            .iter()
            .filter(|sig| {
                sig.source_section.as_ref().map(|r| r.id.as_str())
                    == s.map(|i| source_doc.sections[i].id.as_str())
                    && sig.translation_section.as_ref().map(|r| r.id.as_str())
                        == t.map(|i| translation_doc.sections[i].id.as_str())
            })
            .map(|sig| sig.severity)
            .max()
            .unwrap_or(Severity::None)
    };
    let mut t_used = vec![false; translation_doc.sections.len()];
    for (i, section) in source_doc.sections.iter().enumerate() {
        let t = structure.counterpart(i);
        if let Some(t) = t {
            t_used[t] = true;
        }
        report.sections.push(AlignedSection {
            source: Some(SectionRef::of(section)),
            translation: t.map(|t| SectionRef::of(&translation_doc.sections[t])),
            severity: severity_of(Some(i), t),
        });
    }
    for (t, used) in t_used.iter().enumerate() {
        if !used {
            // Extra translation sections go after the source section aligned just before them.
            let at = report
                .sections
                .iter()
                .rposition(|s| {
                    s.translation
                        .as_ref()
                        .is_some_and(|r| r.line < translation_doc.sections[t].line)
                })
                .map_or(0, |p| p + 1);
            report.sections.insert(
                at,
                AlignedSection {
                    source: None,
                    translation: Some(SectionRef::of(&translation_doc.sections[t])),
                    severity: severity_of(None, Some(t)),
                },
            );
        }
    }
    report.signals = structure.signals;
    Ok((report, warnings))
}

fn canonical_in(repo: Option<&GitRepo>, path: &Path) -> bool {
    match (repo, std::fs::canonicalize(path)) {
        (Some(repo), Ok(path)) => path.starts_with(repo.workdir()),
        _ => false,
    }
}
