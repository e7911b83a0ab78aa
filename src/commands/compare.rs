//! `tandem compare SOURCE_FILE TRANSLATION_FILE`: one pair given by explicit paths, in a git repository or not.
//! Structure signals always; inside a repository (found from the files' own folder), the history verdict too.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Context, Output};
use crate::cli::{CompareArgs, CompareFormat};
use crate::drift::sections::Severity;
use crate::drift::structure::{self, SectionRef, Signal};
use crate::drift::{Reason, State};
use crate::engine::analysis;
use crate::engine::refine::{Judgement, Refiner};
use crate::error::{Error, Exit, Result};
use crate::history::{GitRepo, LastTouchAt};
use crate::i18n::{Messages, UiLang};
use crate::markdown::document::{self, DEFAULT_TRANSLATABLE, SiteContext};
use crate::markdown::frontmatter;
use crate::report::text::date;
use crate::report::{SyncMethod, SyncPoint};
use crate::site::config::{DEFAULT_PIN_KEYS, Requested, Settings, relative_slash};

/// What `compare` reports. JSON: exactly `state`, `severity`, `signals`, `sections` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct CompareReport {
    pub state: State,
    pub severity: Severity,
    pub signals: Vec<Signal>,
    pub sections: Vec<AlignedSection>,
    #[serde(skip)]
    pub reason: Reason,
    #[serde(skip)]
    pub sync: Option<SyncPoint>,
    #[serde(skip)]
    pub source: String,
    #[serde(skip)]
    pub translation: String,
}

/// A source section and the translation section aligned with it (either may be absent).
#[derive(Debug, Serialize)]
pub struct AlignedSection {
    pub source: Option<SectionRef>,
    pub translation: Option<SectionRef>,
    /// The highest severity of the signals about this pair.
    pub severity: Severity,
}

pub fn run(
    args: &CompareArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let base = ctx.base_dir();
    let source = base.join(&args.source);
    let translation = base.join(&args.translation);
    let report = compare(&source, &translation, ctx, ui_lang)?;
    let m = Messages::new(*ui_lang);
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

fn compare(
    source: &Path,
    translation: &Path,
    ctx: &Context,
    ui_lang: &mut UiLang,
) -> Result<CompareReport> {
    let read = |path: &Path| std::fs::read(path).ok();
    let (source_bytes, translation_bytes) = (read(source), read(translation));
    if source_bytes.is_none() && translation_bytes.is_none() {
        return Err(Error::Io {
            path: source.display().to_string(),
            detail: std::io::Error::from(std::io::ErrorKind::NotFound).to_string(),
        });
    }
    // The repository and the site's settings, found from the source's own folder.
    let folder = source
        .parent()
        .filter(|p| p.is_dir())
        .or_else(|| translation.parent())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let repo = GitRepo::discover(&folder).ok();
    let settings = repo.as_ref().and_then(|repo| {
        Settings::resolve(
            repo.workdir(),
            &std::fs::canonicalize(&folder).unwrap_or(folder.clone()),
            &Requested {
                config: ctx.global.config.clone(),
                languages: Vec::new(),
                source_repo: None,
            },
        )
        .ok()
    });
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
    let display = |path: &Path| match &repo {
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
        source: display(source),
        translation: display(translation),
    };
    let (Some(source_bytes), Some(translation_bytes)) = (source_bytes, translation_bytes) else {
        (report.state, report.reason) = if translation.exists() {
            (State::Orphaned, Reason::SourceNotFound)
        } else {
            (State::Missing, Reason::NotTranslated)
        };
        return Ok(report);
    };
    let (Ok(source_text), Ok(translation_text)) = (
        String::from_utf8(source_bytes),
        String::from_utf8(translation_bytes),
    ) else {
        (report.state, report.reason) = (State::Unknown, Reason::Unreadable);
        return Ok(report);
    };
    let (Ok(source_doc), Ok(translation_doc)) = (
        document::parse(&source_text, &site),
        document::parse(&translation_text, &site),
    ) else {
        (report.state, report.reason) = (State::Unknown, Reason::BadFrontMatter);
        return Ok(report);
    };
    let structure = structure::compare(&source_doc, &translation_doc);
    report.severity = structure.severity();

    // Inside a repository: the history verdict.
    let in_repo = repo
        .as_ref()
        .filter(|r| canonical_in(Some(r), source) && canonical_in(Some(r), translation));
    if let Some(repo) = in_repo {
        let source_rel = display(source);
        let translation_rel = display(translation);
        let keys: Vec<String> = match &settings {
            Some(settings) => settings.pin_keys.clone(),
            None => DEFAULT_PIN_KEYS.iter().map(|k| (*k).to_owned()).collect(),
        };
        let skip = settings
            .as_ref()
            .map(|s| s.skip_commits.clone())
            .unwrap_or_default();
        let mut refiner = Refiner::new(repo, site.clone(), &skip);
        let pin = frontmatter::parse(&translation_text)
            .ok()
            .and_then(|fm| fm.pin(&translation_text, &keys));
        let sync: std::result::Result<(SyncMethod, gix::ObjectId, Vec<gix::ObjectId>), Reason> =
            match pin {
                Some(pin) => analysis::resolve_pin(repo, &pin.value)?
                    .map(|id| (SyncMethod::Pin, id, Vec::new())),
                None => match repo
                    .last_touches(std::slice::from_ref(&translation_rel))?
                    .get(&translation_rel)
                {
                    Some(LastTouchAt::Commit(commit)) => {
                        let (commit, skipped) =
                            refiner.meaningful_sync(&translation_rel, *commit)?;
                        Ok((SyncMethod::History, commit, skipped))
                    }
                    Some(LastTouchAt::BeyondShallowBoundary) => return Err(Error::ShallowHistory),
                    _ => Err(Reason::NoSyncPoint),
                },
            };
        match sync {
            Err(reason) => (report.state, report.reason) = (State::Unknown, reason),
            Ok((method, commit, skipped)) => {
                let at_sync = repo.entries_at(commit, std::slice::from_ref(&source_rel))?[0];
                let now = GitRepo::hash_blob(source_text.as_bytes());
                report.sync = Some(SyncPoint {
                    method,
                    commit: commit.to_string(),
                    skipped_commits: skipped.len(),
                    skipped: skipped
                        .iter()
                        .map(|&id| crate::report::SkippedCommit {
                            commit: id.to_string(),
                            subject: repo
                                .commit_info(id)
                                .map(|info| info.message.lines().next().unwrap_or("").to_owned())
                                .unwrap_or_default(),
                            side: "translation",
                            why: "bookkeeping",
                        })
                        .collect(),
                    time: repo.commit_info(commit).ok().map(|c| c.author_time),
                });
                if at_sync.map(|(_, id)| id) != Some(now) {
                    let changes = if repo.is_shallow() {
                        None
                    } else {
                        repo.source_changes(&[(source_rel.clone(), commit)])?
                            .pop()
                            .flatten()
                    };
                    (report.state, report.reason) = match refiner.judge_stale(
                        &source_rel,
                        &source_rel,
                        commit,
                        changes.as_deref(),
                        Some(translation_rel.as_str()),
                    )? {
                        Judgement::CosmeticOnly => (State::Current, Reason::CosmeticOnly),
                        Judgement::SkipDirective => (State::Current, Reason::SkipDirective),
                        Judgement::Mirrored => (State::Current, Reason::MirroredInTranslation),
                        Judgement::MissingBlob => (State::Unknown, Reason::MissingBlob),
                        Judgement::StaleUnparsed => (State::Stale, Reason::SourceChanged),
                        Judgement::Stale { severity, .. } => {
                            report.severity = report.severity.max(severity);
                            if at_sync.is_none() {
                                (State::Stale, Reason::SourceCreated)
                            } else {
                                (State::Stale, Reason::SourceChanged)
                            }
                        }
                    };
                }
            }
        }
    }
    if report.state == State::Current && structure.severity() == Severity::High {
        (report.state, report.reason) = (State::Stale, Reason::Structure);
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
    Ok(report)
}

fn canonical_in(repo: Option<&GitRepo>, path: &Path) -> bool {
    match (repo, std::fs::canonicalize(path)) {
        (Some(repo), Ok(path)) => path.starts_with(repo.workdir()),
        _ => false,
    }
}

fn section_label(section: &SectionRef, m: &Messages) -> String {
    if section.heading.is_empty() {
        m.get("section-preamble")
    } else {
        section.heading.clone()
    }
}

/// The text rendering.
pub fn render(report: &CompareReport, m: &Messages) -> String {
    let mut out = String::new();
    out.push_str(
        &m.with(
            "compare-header",
            &[
                ("source", (&report.source).into()),
                ("translation", (&report.translation).into()),
                (
                    "state",
                    m.get(&format!("state-{}", report.state.as_str())).into(),
                ),
                (
                    "severity",
                    m.get(&format!("severity-{}", report.severity.as_str()))
                        .into(),
                ),
            ],
        ),
    );
    out.push('\n');
    out.push_str("  ");
    out.push_str(&m.with(
        &format!("reason-{}", report.reason.code()),
        &[("pin", "".into())],
    ));
    if let Some(sync) = &report.sync {
        let id = match sync.method {
            SyncMethod::Pin => "sync-pin",
            // compare knows no language: the translation's last commit.
            SyncMethod::History => "sync-history-translation",
        };
        out.push_str(" · ");
        out.push_str(&m.with(
            id,
            &[
                ("commit", sync.commit[..7].into()),
                ("date", sync.time.map(date).unwrap_or_default().into()),
                ("lang", "".into()),
            ],
        ));
    }
    out.push_str("\n\n");
    out.push_str(&m.get("compare-sections"));
    out.push('\n');
    let width = report
        .sections
        .iter()
        .map(|s| {
            s.source
                .as_ref()
                .map_or(0, |r| section_label(r, m).chars().count())
        })
        .max()
        .unwrap_or(0);
    for section in &report.sections {
        let left = section
            .source
            .as_ref()
            .map(|r| section_label(r, m))
            .unwrap_or_else(|| m.get("compare-none"));
        let right = section
            .translation
            .as_ref()
            .map(|r| {
                format!(
                    "{} ({})",
                    section_label(r, m),
                    m.with("line", &[("line", r.line.into())])
                )
            })
            .unwrap_or_else(|| m.get("compare-no-counterpart"));
        let pad = width.saturating_sub(left.chars().count());
        out.push_str(&format!("  {left}{}  ⇄  {right}\n", " ".repeat(pad)));
    }
    if !report.signals.is_empty() {
        out.push('\n');
        out.push_str(&m.get("compare-signals"));
        out.push('\n');
        for signal in &report.signals {
            out.push_str(&format!(
                "  {:<4}  {}\n",
                m.get(&format!("severity-{}", signal.severity.as_str())),
                crate::report::text::signal_text(signal, m)
            ));
        }
    }
    out
}
