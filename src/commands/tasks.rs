//! `tandem tasks`: one review task per stale page (and per missing page with `--missing`), as Markdown files under
//! `--out DIR`, JSON lines for `gh issue create`, or Markdown on stdout.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::{Context, Output};
use crate::cli::{TasksArgs, TasksFormat};
use crate::drift::sections::Severity;
use crate::drift::{Reason, State};
use crate::engine::analysis::{self, Options};
use crate::engine::refine::{Refiner, Version};
use crate::error::{Error, Exit, Result};
use crate::i18n::{Messages, UiLang};
use crate::report::tasks::{self as render, Task, TaskItem, TaskKind};
use crate::report::{PageStatus, SectionKind, StatusReport};
use crate::site::owners::{ReviewerFinder, ReviewerSource};
use crate::site::workspace::Workspace;

pub fn run(
    args: &TasksArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let (ws, m) = ctx.open_at(ui_lang, args.rev.as_deref())?;
    let status = analysis::status(
        &ws,
        &Options {
            mode: args.mode,
            strict: false,
            paths: analysis::path_filters(&ws, &args.paths)?,
        },
    )?;
    let mut tasks = build_tasks(&ws, &status.pages, args.missing, &m);
    if args.interactive {
        if !ctx.env.interactive || args.format == TasksFormat::Github {
            return Err(Error::NeedsTerminal {
                flag: "--interactive".into(),
            });
        }
        let pages = pages_by_translation(&status);
        let options: Vec<String> = tasks
            .iter()
            .map(|t| match t.commits_behind {
                Some(n) if t.kind == TaskKind::Update => {
                    // What changed, as the status says it.
                    let page = pages.get(&(t.language.as_str(), t.translation.as_str()));
                    let detail = page.and_then(|p| crate::report::text::stale_detail(p, &m));
                    let behind = match page {
                        Some(page) => crate::report::text::commits_behind(page, &m),
                        None => m.with("commits-behind", &[("count", n.into())]),
                    };
                    crate::commands::prompt::Prompter::page_option(
                        format!("{}   {behind}", t.title),
                        detail,
                        ctx.env.width,
                    )
                }
                _ => t.title.clone(),
            })
            .collect();
        let picked = crate::commands::prompt::Prompter::new(m).multi_select(
            &m.get("tasks-prompt-pick"),
            options,
            &[],
        )?;
        let mut kept = Vec::new();
        for (i, task) in tasks.into_iter().enumerate() {
            if picked.contains(&i) {
                kept.push(task);
            }
        }
        tasks = kept;
    }
    // Only the tasks that go out this time get their blocks: aligning them is the costly part.
    add_blocks(&ws, &mut tasks, &status)?;
    match (&args.out, args.format) {
        (_, TasksFormat::Github) => {
            for task in &tasks {
                output.stdout.push_str(&render::github_line(task, &m));
                output.stdout.push('\n');
            }
        }
        (Some(out), TasksFormat::Markdown) => {
            let dir = ctx.base_dir().join(out);
            // A folder in the site's content: the task files would be read as pages (orphaned translations, or
            // source pages to translate) and published.
            if let Ok(rel) = ws.repo_paths(std::slice::from_ref(out))
                && let Some(rel) = rel.first()
            {
                super::refuse_protected_out(&ws.settings, rel)?;
                // The content folder holding the language folders (`content/`): task files among them.
                let holds_content = ws.settings.content_dirs.values().any(|dir| {
                    dir == rel
                        || !rel.is_empty()
                            && dir.rsplit_once('/').map(|(parent, _)| parent) == Some(rel.as_str())
                });
                if holds_content {
                    return Err(Error::OutInContent { path: rel.clone() });
                }
                let probe = tasks
                    .first()
                    .map_or("task.md", |task| task.file_name.as_str());
                let inside = if rel.is_empty() {
                    probe.to_owned()
                } else {
                    format!("{rel}/{probe}")
                };
                if ws.settings.would_be_page(&inside) {
                    return Err(Error::OutInContent { path: rel.clone() });
                }
            }
            // Tasks of pages left out this time (by PATH or by the picker) are not done: keep their files.
            let prune = args.paths.is_empty() && !args.interactive;
            let summary = write_files(&dir, &tasks, &status.languages, prune, args.missing, &m)?;
            for (path, why) in &summary.kept {
                let shown = path
                    .strip_prefix(ctx.base_dir())
                    .unwrap_or(path)
                    .display()
                    .to_string();
                output.stderr.push(m.with(
                    match why {
                        Kept::Edited => "tasks-kept-edited",
                        Kept::Done => "tasks-kept-done",
                        Kept::NotOurs => "tasks-kept-not-ours",
                    },
                    &[("file", shown.into())],
                ));
            }
            output.stdout = m.with(
                "tasks-wrote",
                &[
                    (
                        "updates",
                        tasks
                            .iter()
                            .filter(|t| {
                                t.kind == TaskKind::Update
                                    && !summary.kept_tasks.contains(&t.file_name)
                            })
                            .count()
                            .into(),
                    ),
                    (
                        "translations",
                        tasks
                            .iter()
                            .filter(|t| {
                                t.kind == TaskKind::Translate
                                    && !summary.kept_tasks.contains(&t.file_name)
                            })
                            .count()
                            .into(),
                    ),
                    ("dir", out.display().to_string().into()),
                    ("unchanged", summary.unchanged.into()),
                    ("removed", summary.removed.into()),
                ],
            );
            output.stdout.push('\n');
        }
        (None, TasksFormat::Markdown) => {
            for (i, task) in tasks.iter().enumerate() {
                if i > 0 {
                    output.stdout.push_str("\n---\n\n");
                }
                output
                    .stdout
                    .push_str(&format!("# {}\n\n{}", task.title, render::body(task, &m)));
            }
            if tasks.is_empty() {
                // "Every translation is current" only when it is: pages that cannot be judged, and missing pages
                // without `--missing`, are said.
                let count = |state: crate::drift::State| {
                    status.pages.iter().filter(|p| p.state == state).count()
                };
                let missing = if args.missing {
                    0
                } else {
                    count(crate::drift::State::Missing)
                };
                output.stdout = m.with(
                    "tasks-none",
                    &[
                        ("unknown", count(crate::drift::State::Unknown).into()),
                        ("missing", missing.into()),
                    ],
                );
                output.stdout.push('\n');
            }
        }
    }
    output.warnings(&status.warnings, &m, ctx.global.quiet);
    Ok(Exit::Clean)
}

/// The tasks for stale pages (and missing ones when asked), most behind first.
pub fn build_tasks(ws: &Workspace, pages: &[PageStatus], missing: bool, m: &Messages) -> Vec<Task> {
    let settings = &ws.settings;
    let finder = ReviewerFinder::new(
        &settings.repo_root,
        ReviewerSource::from_config(
            settings
                .file
                .tasks
                .as_ref()
                .and_then(|t| t.reviewers.as_deref()),
        ),
    );
    let label_templates: Vec<String> = settings
        .file
        .tasks
        .as_ref()
        .and_then(|t| t.labels.clone())
        .unwrap_or_else(|| vec!["language/{lang}".to_owned()]);
    let mut refiner = Refiner::new(&ws.repo, settings.site_context(), &settings.skip_commits);
    let mut chosen: Vec<&PageStatus> = pages
        .iter()
        .filter(|p| p.state == State::Stale || (missing && p.state == State::Missing))
        .collect();
    chosen.sort_by(|a, b| {
        (a.state, std::cmp::Reverse(a.commits_behind), &a.translation).cmp(&(
            b.state,
            std::cmp::Reverse(b.commits_behind),
            &b.translation,
        ))
    });
    let mut names = BTreeSet::new();
    chosen
        .into_iter()
        .map(|page| {
            let kind = if page.state == State::Stale {
                TaskKind::Update
            } else {
                TaskKind::Translate
            };
            let items = match kind {
                TaskKind::Update if page.reason == Reason::Structure => {
                    // The signals status gave the page (compared again where it gave none).
                    let signals = if page.signals.is_empty() {
                        refiner
                            .structure(&page.source, &page.translation)
                            .map(|(structure, _, _)| structure.signals)
                            .unwrap_or_default()
                    } else {
                        page.signals.clone()
                    };
                    // The high ones are the work; low ones (a link, a heading's words) only when there is nothing
                    // else, so that no task is empty.
                    let high = signals.iter().any(|s| s.severity == Severity::High);
                    signals
                        .iter()
                        .filter(|s| !high || s.severity == Severity::High)
                        .map(|s| {
                            let section =
                                s.source_section.as_ref().or(s.translation_section.as_ref());
                            TaskItem {
                                id: section.map(|r| r.id.clone()).unwrap_or_default(),
                                heading: section.map(|r| r.heading.clone()).unwrap_or_default(),
                                change: s.kind.as_str().into(),
                                note: Some(crate::report::text::signal_text(s, m)),
                                blocks: Vec::new(),
                                signal: true,
                                moved: false,
                            }
                        })
                        .collect()
                }
                TaskKind::Update => page
                    .changed_sections
                    .iter()
                    .map(|c| TaskItem {
                        id: c.source.id.clone(),
                        heading: c.source.heading.clone(),
                        change: c.change.as_str().into(),
                        note: if c.in_translation
                            && c.kind == crate::report::SectionKind::FrontMatter
                        {
                            let keys: Vec<&str> = c.keys.iter().map(|k| k.key.as_str()).collect();
                            Some(m.with(
                                "tasks-keys-in-translation",
                                &[("keys", keys.join(", ").into())],
                            ))
                        } else if c.in_translation {
                            Some(m.get("tasks-in-translation"))
                        } else {
                            (!c.keys.is_empty()).then(|| {
                                c.keys
                                    .iter()
                                    .map(|k| crate::report::text::key_change(k, m))
                                    .collect::<Vec<_>>()
                                    .join(" · ")
                            })
                        },
                        blocks: Vec::new(),
                        signal: false,
                        moved: false,
                    })
                    .collect(),
                TaskKind::Translate => match refiner.file(&page.source) {
                    Version::Parsed { doc, .. } => doc
                        .sections
                        .iter()
                        .map(|s| TaskItem {
                            id: s.id.clone(),
                            heading: s.title.clone(),
                            change: "translate".into(),
                            note: None,
                            blocks: Vec::new(),
                            signal: false,
                            moved: false,
                        })
                        .collect(),
                    _ => Vec::new(),
                },
            };
            let title = match kind {
                TaskKind::Update => m.with(
                    "tasks-title-update",
                    &[
                        ("lang", (&page.language).into()),
                        ("translation", (&page.translation).into()),
                    ],
                ),
                TaskKind::Translate => m.with(
                    "tasks-title-translate",
                    &[
                        ("lang", (&page.language).into()),
                        ("source", (&page.source).into()),
                    ],
                ),
            };
            let reviewers = finder.reviewers(&page.translation);
            let rel = page
                .translation
                .strip_prefix(settings.content_dir(&page.language))
                .unwrap_or(&page.translation)
                .trim_start_matches('/');
            let file_name = unique_name(
                &mut names,
                &format!(
                    "{}-{}-{}",
                    page.language,
                    if kind == TaskKind::Update {
                        "update"
                    } else {
                        "translate"
                    },
                    slug(rel)
                ),
            );
            Task {
                kind,
                language: page.language.clone(),
                source: page.source.clone(),
                translation: page.translation.clone(),
                title,
                labels: label_templates
                    .iter()
                    .map(|l| l.replace("{lang}", &page.language))
                    .collect(),
                reviewers: reviewers.names,
                assignees: reviewers.users,
                reviewers_from: reviewers.from,
                sync: page.sync.clone(),
                commits_behind: page.commits_behind,
                items,
                file_name,
                mirrored_only: page.reason == crate::drift::Reason::MirroredOnly,
                structure: page.reason == Reason::Structure,
                in_place: page.reason == Reason::SourceCopy,
            }
        })
        .collect()
}

/// The status's pages by (language, translation): each task's page found once, not by a walk of every page.
fn pages_by_translation(status: &StatusReport) -> HashMap<(&str, &str), &PageStatus> {
    let mut pages = HashMap::with_capacity(status.pages.len());
    for page in &status.pages {
        // The first page of a translation, as a walk would find it.
        pages
            .entry((page.language.as_str(), page.translation.as_str()))
            .or_insert(page);
    }
    pages
}

/// The changed blocks of each update task's modified sections, as `diff` finds them, kept for the sections where
/// two or more blocks changed (one changed block is the section itself: the section's line says enough).
fn add_blocks(ws: &Workspace, tasks: &mut [Task], status: &StatusReport) -> Result<()> {
    let pages = pages_by_translation(status);
    for task in tasks.iter_mut() {
        if task.kind != TaskKind::Update || !task.items.iter().any(|i| i.change == "modified") {
            continue;
        }
        let Some(page) = pages
            .get(&(task.language.as_str(), task.translation.as_str()))
            .filter(|p| p.reason != Reason::Structure)
        else {
            continue;
        };
        let twins = status.link_twins(&page.language);
        let report = crate::commands::diff::page_report(ws, page, String::new(), 0, twins)?;
        // The first body section of each change and id, looked up: searched for each item, a page whose 20,000
        // sections all changed compared 200 million.
        let mut by_change_and_id = std::collections::HashMap::new();
        for section in report
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Body)
        {
            if let Some(source) = section.source.as_ref().or(section.old_source.as_ref()) {
                by_change_and_id
                    .entry((section.change.as_str(), source.id.as_str()))
                    .or_insert(section);
            }
        }
        for item in task.items.iter_mut().filter(|i| i.change == "modified") {
            let section = by_change_and_id.get(&(item.change.as_str(), item.id.as_str()));
            if let Some(section) = section {
                item.moved = section.moved;
                // Half of a paragraph split or joined is one change with the other half.
                let blocks: Vec<_> = section
                    .blocks
                    .iter()
                    .filter(|b| b.part_of.is_none())
                    .cloned()
                    .collect();
                if blocks.len() >= 2 {
                    item.blocks = blocks;
                }
            }
        }
    }
    Ok(())
}

/// `docs/tasks/Scale Up.md` → `docs-tasks-scale-up`.
fn slug(path: &str) -> String {
    let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_alphanumeric() || c == '_' {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// The longest task file name's stem kept as it is, in bytes: file systems take names of 255 bytes at most, and a page
/// path of Chinese folder names flattened into one name passed that (the run stopped halfway, its first files
/// written). A longer stem is cut on a character boundary and ends with a hash of the whole, the same from run to run.
const STEM_MAX: usize = 200;

fn short_enough(base: &str) -> std::borrow::Cow<'_, str> {
    if base.len() <= STEM_MAX {
        return base.into();
    }
    let mut cut = STEM_MAX - 17;
    while !base.is_char_boundary(cut) {
        cut -= 1;
    }
    let hash = crate::util::hash::fingerprint(&[base.as_bytes()]);
    format!("{}-{hash:016x}", base[..cut].trim_end_matches('-')).into()
}

fn unique_name(taken: &mut BTreeSet<String>, base: &str) -> String {
    let base = &*short_enough(base);
    let mut name = format!("{base}.md");
    let mut n = 1;
    while !taken.insert(name.clone()) {
        n += 1;
        name = format!("{base}-{n}.md");
    }
    name
}

struct WriteSummary {
    unchanged: usize,
    removed: usize,
    /// Files left as they are: someone edited them since tandem wrote them (their page's task is still due, or not),
    /// or tandem never wrote them (a file of the user's own on a task's name).
    kept: Vec<(PathBuf, Kept)>,
    /// The tasks whose file was kept: not written this run.
    kept_tasks: BTreeSet<String>,
}

/// Why a file in the tasks folder was left as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// Edited since tandem wrote it; its page's task is still due.
    Edited,
    /// Edited since tandem wrote it; its page needs no task any more.
    Done,
    /// Not written by tandem (no marker line): a file of the user's own on a task's name.
    NotOurs,
}

/// Writes one file per task (atomically), leaves unchanged files alone, and removes the files of earlier runs whose
/// pages need no task any more (only files that carry tandem's marker, for the languages of this run). A file someone
/// edited since tandem wrote it (boxes ticked, notes added: its checksum says so), or that tandem did not write, is
/// neither rewritten nor removed: rewriting lost the ticks and notes without a word. Translation tasks (`--missing`)
/// are pruned only by a run that writes them: a run without `--missing` leaves them out as `--lang` leaves other
/// languages, and a nightly run and a maintainer's run sharing one folder removed each other's files.
fn write_files(
    dir: &Path,
    tasks: &[Task],
    languages: &[String],
    prune: bool,
    missing: bool,
    m: &Messages,
) -> Result<WriteSummary> {
    // A file there (`--out notes.txt`) was "File exists (os error 17)", the system's words.
    if let Ok(metadata) = std::fs::metadata(dir)
        && !metadata.is_dir()
    {
        return Err(Error::OutNotAFolder {
            path: dir.display().to_string(),
            kind: crate::util::files::kind(dir, &metadata),
        });
    }
    std::fs::create_dir_all(dir).map_err(|err| Error::io(dir.display().to_string(), &err))?;
    let mut summary = WriteSummary {
        unchanged: 0,
        removed: 0,
        kept: Vec::new(),
        kept_tasks: BTreeSet::new(),
    };
    let mut written = BTreeSet::new();
    for task in tasks {
        let path = dir.join(&task.file_name);
        let content = render::file(task, m);
        written.insert(task.file_name.clone());
        match std::fs::read_to_string(&path) {
            Ok(old) if old == content => {
                summary.unchanged += 1;
                continue;
            }
            Ok(old) if !render::untouched(&old) => {
                let why = if old.starts_with(render::MARKER) {
                    Kept::Edited
                } else {
                    Kept::NotOurs
                };
                summary.kept.push((path, why));
                summary.kept_tasks.insert(task.file_name.clone());
                continue;
            }
            _ => {}
        }
        crate::util::atomic::write_atomic(&path, content.as_bytes())
            .map_err(|err| Error::io(path.display().to_string(), &err))?;
    }
    let entries =
        std::fs::read_dir(dir).map_err(|err| Error::io(dir.display().to_string(), &err))?;
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !prune || written.contains(&name) || !name.ends_with(".md") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let ours = languages.iter().any(|lang| {
            name.starts_with(&format!("{lang}-update-"))
                || (missing && name.starts_with(&format!("{lang}-translate-")))
        }) && text.starts_with(render::MARKER);
        if ours && !render::untouched(&text) {
            summary.kept.push((entry.path(), Kept::Done));
        } else if ours {
            std::fs::remove_file(entry.path())
                .map_err(|err| Error::io(entry.path().display().to_string(), &err))?;
            summary.removed += 1;
        }
    }
    Ok(summary)
}
