//! `tandem tasks`: review and translation tasks, one per page, as Markdown (files or issue bodies).

use serde::Serialize;

use super::SyncPoint;
use super::diff::BlockDiff;
use super::markdown::inline;
use super::text::date;
use crate::i18n::Messages;
use crate::util::shell::quote;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    /// A stale translation to bring up to date.
    Update,
    /// A missing translation to write.
    Translate,
}

/// One checklist line: a section to update or translate.
#[derive(Debug, Clone, Serialize)]
pub struct TaskItem {
    pub id: String,
    pub heading: String,
    /// `added`, `modified`… for updates; `translate` for new pages; a structure signal's kind.
    pub change: String,
    /// A note for people (a structure signal's text).
    pub note: Option<String>,
    /// A modified section's changed blocks, when there are two or more (as `diff` aligns them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<BlockDiff>,
    /// A structure signal (its note names the section): a page stale by structure.
    #[serde(skip)]
    pub signal: bool,
    /// A modified section the source also moved (`diff` says where it goes).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub kind: TaskKind,
    pub language: String,
    pub source: String,
    pub translation: String,
    pub title: String,
    pub labels: Vec<String>,
    /// Reviewers as the site names them (aliases, teams).
    pub reviewers: Vec<String>,
    /// GitHub users (aliases expanded).
    pub assignees: Vec<String>,
    pub reviewers_from: Option<String>,
    pub sync: Option<SyncPoint>,
    pub commits_behind: Option<u32>,
    pub items: Vec<TaskItem>,
    /// The stable file name under `--out`.
    pub file_name: String,
    /// Only mirrored front-matter values changed: they are copied (`sync --mirrored`), nothing to translate.
    #[serde(skip)]
    pub mirrored_only: bool,
    /// Stale by structure: the source did not change since the sync point, the translation lacks what it has.
    #[serde(skip)]
    pub structure: bool,
    /// A translation fork's page still the source's text (`source-copy`): translated in place, not scaffolded.
    #[serde(skip)]
    pub in_place: bool,
}

/// How the first line of every task file starts: how `tasks` recognises its own files when it runs again.
pub const MARKER: &str = "<!-- tandem task: ";

/// The first line of a task file: the language, the translation, and a checksum of the rest of the file as written,
/// so that a file someone edited since (boxes ticked, notes added) is told from one tandem may rewrite.
fn marker(task: &Task, rest: &str) -> String {
    format!(
        "{MARKER}{} {} · {:016x} -->",
        task.language,
        task.translation,
        crate::util::hash::fingerprint(&[rest.as_bytes()])
    )
}

/// Whether a task file's text is as tandem wrote it: its first line is the marker and its checksum is the rest's. A
/// file written before the marker carried a checksum counts as tandem's.
pub fn untouched(text: &str) -> bool {
    let Some((first, rest)) = text.split_once('\n') else {
        return false;
    };
    let Some(inner) = first
        .strip_prefix(MARKER)
        .and_then(|line| line.strip_suffix(" -->"))
    else {
        return false;
    };
    match inner.rsplit_once(" · ") {
        Some((_, sum)) => {
            u64::from_str_radix(sum, 16).ok()
                == Some(crate::util::hash::fingerprint(&[rest.as_bytes()]))
        }
        None => true,
    }
}

/// The Markdown body of a task (what goes into an issue; the file adds the marker and the title).
pub fn body(task: &Task, m: &Messages) -> String {
    body_of(task, m, true)
}

/// [`body`], its labels said in the text or not (an issue created from `--format github` carries them as labels).
fn body_of(task: &Task, m: &Messages, labels: bool) -> String {
    let mut out = String::new();
    let mut meta: Vec<String> = labels
        .then(|| m.with("tasks-labels", &[("labels", task.labels.join(", ").into())]))
        .into_iter()
        .collect();
    if !task.reviewers.is_empty() {
        let names: Vec<String> = task.reviewers.iter().map(|r| format!("@{r}")).collect();
        meta.push(match &task.reviewers_from {
            Some(from) => m.with(
                "tasks-reviewers-from",
                &[("reviewers", names.join(" ").into()), ("from", from.into())],
            ),
            None => m.with("tasks-reviewers", &[("reviewers", names.join(" ").into())]),
        });
    }
    if !meta.is_empty() {
        out.push_str(&meta.join(" · "));
        out.push_str("\n\n");
    }
    match task.kind {
        TaskKind::Update => {
            let (id, commit, day) = match &task.sync {
                Some(_) if task.structure => ("tasks-why-structure", String::new(), String::new()),
                Some(sync) => (
                    match (sync.method, &sync.translation_commit) {
                        (super::SyncMethod::Pin, _) => "tasks-why-pin",
                        (super::SyncMethod::History, None) => "tasks-why-history",
                        (super::SyncMethod::History, Some(_)) => "tasks-why-history-sources",
                    },
                    super::abbrev(&sync.commit),
                    sync.time.map(date).unwrap_or_default(),
                ),
                None => ("tasks-why-structure", String::new(), String::new()),
            };
            let passed = task.sync.as_ref().map_or(0, |sync| sync.skipped_commits);
            let translation_commit = (task.sync.as_ref())
                .and_then(|sync| sync.translation_commit.as_deref())
                .map_or(String::new(), super::abbrev);
            out.push_str(&inline(&m.with(
                id,
                &[
                    ("source", (&task.source).into()),
                    ("commit", commit.into()),
                    ("date", day.into()),
                    ("commits", task.commits_behind.unwrap_or(0).into()),
                    ("sections", task.items.len().into()),
                    ("passed", passed.into()),
                    ("translation", translation_commit.into()),
                ],
            )));
            // The commits passed over to find that sync point, and those of the source not counted, each named with
            // why (the task said "the last commit of the translation" of one that had later ones). A task stale by
            // structure names no sync point: its source did not change.
            if let Some(sync) = task.sync.as_ref().filter(|_| !task.structure) {
                for part in super::text::skipped_named(sync, m) {
                    out.push_str("\n\n");
                    out.push_str(&inline(&part));
                }
            }
        }
        TaskKind::Translate => out.push_str(&inline(&m.with(
            if task.in_place {
                "tasks-why-copy"
            } else {
                "tasks-why-missing"
            },
            &[
                ("source", (&task.source).into()),
                ("translation", (&task.translation).into()),
                ("sections", task.items.len().into()),
            ],
        ))),
    }
    out.push_str("\n\n");
    for item in &task.items {
        match &item.note {
            // A structure signal says which section it is about.
            Some(note) if item.signal => out.push_str(&format!("- [ ] {}", inline(note))),
            note => {
                let name = crate::report::text::quoted_section(&item.heading, &item.id, m);
                let change = match item.change.as_str() {
                    "translate" => String::new(),
                    change if item.moved => format!(
                        " — {}, {}",
                        m.get(&format!("change-{change}")),
                        m.get("task-moved-too")
                    ),
                    // "Le front matter" is masculine.
                    _ if item.id == "front-matter" && item.heading.is_empty() => {
                        format!(" — {}", m.get("change-front-matter-modified"))
                    }
                    change => format!(" — {}", m.get(&format!("change-{change}"))),
                };
                out.push_str(&format!("- [ ] {}", inline(&format!("{name}{change}"))));
                if let Some(note) = note {
                    // The interface language's colon (French puts a space before it).
                    let note = m.with("tasks-item-note", &[("note", inline(note).into())]);
                    out.push_str(&note);
                }
            }
        }
        if task.kind == TaskKind::Update && item.change != "removed" {
            if item.id.is_empty() && item.heading.is_empty() {
                out.push_str(&format!(
                    " (`tandem diff {} --section {}`)",
                    quote(&task.translation),
                    crate::commands::diff::PREAMBLE_ID
                ));
            } else if item.id.is_empty() {
                out.push_str(&format!(" (`tandem diff {}`)", quote(&task.translation)));
            } else {
                out.push_str(&format!(
                    " (`tandem diff {} --section {}`)",
                    quote(&task.translation),
                    quote(&item.id)
                ));
            }
        }
        out.push('\n');
        for block in &item.blocks {
            out.push_str(&format!("  - [ ] {}\n", inline(&block_line(block, m))));
        }
    }
    out.push('\n');
    if task.kind == TaskKind::Translate && !task.in_place {
        out.push_str(&m.with(
            "tasks-start",
            &[
                ("source", quote(&task.source).into()),
                ("lang", (&task.language).into()),
            ],
        ));
        out.push('\n');
    }
    out.push_str(&m.with(
        if task.mirrored_only {
            "tasks-when-done-mirrored"
        } else {
            "tasks-when-done"
        },
        &[
            ("translation", quote(&task.translation).into()),
            ("title", (&task.title).into()),
        ],
    ));
    out.push('\n');
    out
}

/// One changed block, for a nested checklist item: `paragraph changed — source line 12 · translation line 10`.
fn block_line(block: &BlockDiff, m: &Messages) -> String {
    let source = match (block.source, block.old_source) {
        (Some(now), _) => m.with("tasks-block-source", &[("line", now.line.into())]),
        (None, Some(then)) => m.with("tasks-block-old-source", &[("line", then.line.into())]),
        (None, None) => String::new(),
    };
    let translation = match block.translation {
        Some(t) if block.in_translation => {
            m.with("tasks-block-in-translation", &[("line", t.line.into())])
        }
        Some(t) => m.with("tasks-block-translation", &[("line", t.line.into())]),
        None => m.get("tasks-block-no-translation"),
    };
    let lines: Vec<String> = [source, translation]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    m.with(
        "tasks-block",
        &[
            ("kind", m.get(&format!("block-kind-{}", block.kind)).into()),
            (
                "change",
                m.get(&format!("block-change-{}", block.change.as_str()))
                    .into(),
            ),
            ("lines", lines.join(" · ").into()),
        ],
    )
}

/// A task as a file: marker, title, body.
pub fn file(task: &Task, m: &Messages) -> String {
    let rest = format!("# {}\n\n{}", inline(&task.title), body(task, m));
    format!("{}\n{rest}", marker(task, &rest))
}

/// One JSON line for `gh issue create`.
pub fn github_line(task: &Task, m: &Messages) -> String {
    serde_json::json!({
        "title": task.title,
        // The labels are the issue's own: not repeated in its text.
        "body": body_of(task, m, false),
        "labels": task.labels,
        "assignees": task.assignees,
    })
    .to_string()
}
