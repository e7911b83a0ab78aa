//! `tandem sync`: records that translations are up to date by writing the source commit they match into their front
//! matter (the pin), and keeps the drift key (`drifted_from_default`) in step.
//!
//! With `--mirrored`, the pages stale only for mirrored front-matter keys get those keys' values from their source
//! first (single values, and lists or maps both pages write on one line: a page with one written over several lines is
//! left as it is, with a warning).
//!
//! Every edit is computed and verified in memory first; only when all of them succeed is anything written (each file
//! atomically). One bad page stops the job before any write.

use std::collections::{BTreeSet, HashMap};

use gix::ObjectId;

use super::{Context, Output};
use crate::cli::SyncArgs;
use crate::commands::prompt::Prompter;
use crate::drift::front_matter::KeyClass;
use crate::drift::{Reason, State};
use crate::engine::analysis::{self, Options};
use crate::error::{Error, Exit, Result};
use crate::history::{GitRepo, LastTouchAt, PinResolution};
use crate::i18n::{Message, Messages, UiLang};
use crate::markdown::edit::{self, CommentEdit, EditError, Scalar, Unsupported};
use crate::markdown::frontmatter::{self, FrontMatter};
use crate::markdown::yaml::NodeKind;
use crate::report::{PageStatus, Warning};
use crate::site::workspace::Workspace;

/// The drift key OpenTelemetry's site uses when the config names none.
pub const DEFAULT_DRIFT_KEY: &str = "drifted_from_default";
/// The value of the drift key on a translation whose source is gone (OpenTelemetry's convention).
pub const ORPHAN_DRIFT_VALUE: &str = "file not found";
/// The comment that marks a pin as patched.
const PATCHED: &str = "patched";

/// One file to rewrite, and what to say about it.
struct FileEdit {
    path: String,
    before: String,
    after: String,
    notes: Vec<Message>,
}

pub fn run(
    args: &SyncArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let (ws, m) = ctx.open(ui_lang)?;
    // The paths given, from the repository's top.
    let given = ws.repo_paths(&args.paths).unwrap_or_default();
    // A page given by name that is a symbolic link: said so (it was "no page at or under" it).
    for rel in &given {
        if crate::site::workspace::through_link(ws.repo.workdir(), rel) {
            return Err(Error::SymlinkPage { path: rel.clone() });
        }
    }
    let filters = analysis::path_filters(&ws, &args.paths)?;
    let report = analysis::status(
        &ws,
        &Options {
            paths: filters,
            ..Options::default()
        },
    )?;
    let mut warnings: Vec<Warning> = report.warnings.clone();
    let drift_key = ws
        .settings
        .file
        .pin
        .as_ref()
        .and_then(|pin| pin.drift_key.clone())
        .unwrap_or_else(|| DEFAULT_DRIFT_KEY.to_owned());

    let mut edits: Vec<FileEdit> = Vec::new();
    let mut pinned_commits: BTreeSet<ObjectId> = BTreeSet::new();
    if args.drift_only {
        for page in &report.pages {
            if let Some(edit) = drift_edit(&ws, page, &drift_key, page.state, &mut warnings)? {
                edits.push(edit);
            }
        }
        if edits.is_empty() && report.pages.is_empty() {
            return Err(nothing_to_sync(&args.paths));
        }
    } else if args.mirrored {
        // Stale pages whose source changed only in mirrored keys: copy the values, then pin.
        let pages: Vec<&PageStatus> = report
            .pages
            .iter()
            .filter(|p| p.state == State::Stale && p.reason == Reason::MirroredOnly)
            .collect();
        let mut copied: Vec<(&PageStatus, String, Vec<Message>)> = Vec::new();
        for page in pages {
            match mirror_values(&ws, page)? {
                Ok((text, notes)) => copied.push((page, text, notes)),
                Err(warning) => warnings.push(warning),
            }
        }
        if copied.is_empty() {
            output.stdout = format!("{}\n", m.get("sync-nothing-mirrored"));
            output.warnings(&warnings, &m, ctx.global.quiet);
            return Ok(Exit::Clean);
        }
        let pages: Vec<&PageStatus> = copied.iter().map(|(page, ..)| *page).collect();
        let targets = target_commits(&ws, None, &pages)?;
        for ((page, text, notes), commit) in copied.into_iter().zip(&targets) {
            pinned_commits.insert(*commit);
            edits.push(pin_edit(
                &ws,
                page,
                *commit,
                args,
                &drift_key,
                Some((text, notes)),
            )?);
        }
    } else {
        let pages = choose_pages(args, ctx, &report.pages, &m, output)?;
        let Some(pages) = pages else {
            return Ok(Exit::Clean);
        };
        let orphans: Vec<&PageStatus> = if args.drift_key && !args.paths.is_empty() {
            report
                .pages
                .iter()
                .filter(|p| p.state == State::Orphaned)
                .collect()
        } else {
            Vec::new()
        };
        if pages.is_empty() && orphans.is_empty() {
            // A page given by name that is an orphan (its source is gone): "no translation under" it was wrong.
            for rel in given {
                if report
                    .pages
                    .iter()
                    .any(|p| p.state == State::Orphaned && p.translation == rel)
                {
                    return Err(Error::SyncOrphan { path: rel });
                }
                // A translation not written yet: there is nothing to pin, and scaffold writes it.
                if let Some(missing) = (report.pages.iter())
                    .find(|p| p.state == State::Missing && p.translation == rel)
                {
                    return Err(Error::SyncMissing {
                        path: rel,
                        source_page: missing.source.clone(),
                        language: missing.language.clone(),
                    });
                }
            }
            return Err(nothing_to_sync(&args.paths));
        }
        // Warnings about the pins being replaced are moot.
        warnings.retain(|w| !pages.iter().any(|p| p.translation == w.file));
        let targets = target_commits(&ws, args.to.as_deref(), &pages)?;
        // The translations named one by one (not a folder, not a source page standing for all its translations).
        let named: BTreeSet<&String> = given.iter().collect();
        for (page, commit) in pages.iter().zip(&targets) {
            pinned_commits.insert(*commit);
            let mut edit = pin_edit(&ws, page, *commit, args, &drift_key, None)?;
            if page.state == State::Stale && edit.after != edit.before {
                // What the pin clears is said for a page reached through a folder or its source page: each line
                // looked like any other, and a translator marking one page done cleared others' to-do lists.
                if let Some(behind) = page
                    .commits_behind
                    .filter(|&n| n > 0 && !args.stale && !named.contains(&page.translation))
                {
                    edit.notes
                        .push(Message::new("sync-was-behind").arg("count", behind));
                }
                // Stale by what the translation holds now (scaffold's marks, conflict markers, a missing
                // section): the pin changes none of it, and `status` still says stale.
                if page.reason == Reason::Structure && !page.signals.is_empty() {
                    warnings.push(Warning {
                        file: page.translation.clone(),
                        line: None,
                        message: Message::new("sync-warn-still-stale")
                            .arg("why", crate::report::text::signals_line(&page.signals, &m)),
                    });
                }
            }
            edits.push(edit);
        }
        warnings.extend(uncommitted_sources(&ws, &pages)?);
        for orphan in orphans {
            if let Some(edit) = drift_edit(&ws, orphan, &drift_key, State::Orphaned, &mut warnings)?
            {
                edits.push(edit);
            }
        }
    }

    // The first pin of a language changes what `check --base` asks of its new translations: said once, when a pin is
    // written (not on a dry run, nor for a pin left as it was), and only while no page of the language has one, in
    // the work tree (a sync not yet committed) or at HEAD.
    if !args.drift_only && !args.dry_run {
        let head = ws.repo.head();
        // Each edited file's page, looked up by path once (`--stale` edits thousands).
        let by_path: std::collections::HashMap<&str, &PageStatus> = report
            .pages
            .iter()
            .map(|p| (p.translation.as_str(), p))
            .collect();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        // A pin in the work tree (a sync not committed yet), read only when HEAD has none.
        let pinned_here = |lang: &str| {
            let inventory = ws.inventory();
            inventory.of(lang).any(|page| {
                std::fs::read_to_string(ws.repo.workdir().join(&page.path)).is_ok_and(|text| {
                    frontmatter::parse(&text)
                        .is_ok_and(|fm| fm.pin(&text, &ws.settings.pin_keys).is_some())
                })
            })
        };
        for edit in edits.iter().filter(|e| e.after != e.before) {
            let Some(page) = by_path.get(edit.path.as_str()) else {
                continue;
            };
            if seen.insert(page.language.as_str())
                && !crate::engine::check::pins_at(&ws, head, &page.language)?
                && !pinned_here(&page.language)
            {
                warnings.push(crate::commands::scaffold::first_pin_warning(
                    &page.translation,
                    &page.language,
                ));
            }
        }
    }

    // Pins on commits that the default branch does not have will name a commit that disappears with a squash merge.
    // Pins name commits of the sources' repository (`--source-repo`), which is this one unless one is given.
    if let Some(branch) = ws.sources().default_branch() {
        for commit in &pinned_commits {
            if !ws.sources().is_ancestor(*commit, branch.tip)? {
                warnings.push(Warning {
                    file: crate::report::abbrev(&commit.to_string()),
                    line: None,
                    message: Message::new("sync-warn-not-on-default-branch")
                        .arg("branch", &branch.name),
                });
            }
        }
    }

    let mut lines: Vec<String> = Vec::new();
    for edit in &edits {
        for note in &edit.notes {
            lines.push(m.render(note));
        }
    }
    if !args.dry_run {
        let changed: Vec<&FileEdit> = edits.iter().filter(|e| e.after != e.before).collect();
        let files: Vec<(String, std::path::PathBuf, &[u8])> = changed
            .iter()
            .map(|e| {
                (
                    e.path.clone(),
                    ws.repo.workdir().join(&e.path),
                    e.after.as_bytes(),
                )
            })
            .collect();
        // Every file is checked before the first write: one that cannot be written stops the job with nothing
        // written.
        super::check_writable(&files)?;
        if let Err((written, error)) = super::write_files(&files, false) {
            // What was written before the error is said, as if the job had ended there.
            output.stdout = changed[..written]
                .iter()
                .flat_map(|e| &e.notes)
                .map(|note| format!("{}\n", m.render(note)))
                .collect();
            output.warnings(&warnings, &m, ctx.global.quiet);
            return Err(error);
        }
    } else {
        lines.push(m.get("sync-dry-run"));
    }
    if edits.is_empty() {
        lines.push(m.get("sync-nothing-to-change"));
    }
    output.stdout = lines.iter().map(|l| format!("{l}\n")).collect();
    output.warnings(&warnings, &m, ctx.global.quiet);
    Ok(Exit::Clean)
}

fn nothing_to_sync(paths: &[std::path::PathBuf]) -> Error {
    Error::NothingToSync {
        paths: paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The translations to pin: those under the paths given, every stale one with `--stale`, or the ones picked on a
/// terminal. `None` when there is nothing to do (nothing stale, or nothing picked).
fn choose_pages<'r>(
    args: &SyncArgs,
    ctx: &Context,
    pages: &'r [PageStatus],
    m: &Messages,
    output: &mut Output,
) -> Result<Option<Vec<&'r PageStatus>>> {
    let has_file = |p: &&PageStatus| !matches!(p.state, State::Missing | State::Orphaned);
    if args.stale {
        let stale: Vec<&PageStatus> = pages.iter().filter(|p| p.state == State::Stale).collect();
        if stale.is_empty() {
            output.stdout = format!("{}\n", m.get("sync-nothing-stale"));
            return Ok(None);
        }
        return Ok(Some(stale));
    }
    if !args.paths.is_empty() {
        return Ok(Some(pages.iter().filter(has_file).collect()));
    }
    if !ctx.env.interactive {
        // A page of this site to name in the advice (a stale one first): a made-up `content/fr/docs/page.md` failed
        // when pasted on a site of another layout.
        let example = (pages.iter().find(|p| p.state == State::Stale))
            .or_else(|| pages.iter().find(has_file))
            .map_or_else(
                || "content/fr/docs/page.md".to_owned(),
                |p| crate::util::shell::quote(&p.translation).into_owned(),
            );
        return Err(Error::SyncNeedsPages { example });
    }
    let mut stale: Vec<&PageStatus> = pages.iter().filter(|p| p.state == State::Stale).collect();
    if stale.is_empty() {
        output.stdout = format!("{}\n", m.get("sync-nothing-stale"));
        return Ok(None);
    }
    stale.sort_by(|a, b| {
        b.commits_behind
            .cmp(&a.commits_behind)
            .then(a.translation.cmp(&b.translation))
    });
    let options: Vec<String> = stale
        .iter()
        .map(|page| {
            let behind = crate::report::text::commits_behind(page, m);
            Prompter::page_option(
                format!("{}   {behind}", page.translation),
                crate::report::text::stale_detail(page, m),
                ctx.env.width,
            )
        })
        .collect();
    let picked = Prompter::new(*m).multi_select(&m.get("sync-prompt-pick"), options, &[])?;
    if picked.is_empty() {
        output.stdout = format!("{}\n", m.get("sync-nothing-picked"));
        return Ok(None);
    }
    Ok(Some(picked.into_iter().map(|i| stale[i]).collect()))
}

/// The commit to pin for each page: `--to`, else the last commit that changed its source (`git log -1 -- <source>`),
/// both in the sources' repository.
fn target_commits(
    ws: &Workspace,
    to: Option<&str>,
    pages: &[&PageStatus],
) -> Result<Vec<ObjectId>> {
    let repo = ws.sources();
    if let Some(rev) = to {
        let commit = repo.resolve_revision(rev)?;
        if !repo.reachable_from_head(commit)? {
            return Err(Error::NotAnAncestor {
                rev: rev.to_owned(),
            });
        }
        return Ok(vec![commit; pages.len()]);
    }
    let sources: Vec<String> = {
        let set: BTreeSet<String> = pages.iter().map(|p| p.source.clone()).collect();
        set.into_iter().collect()
    };
    let touches: HashMap<String, LastTouchAt> = if sources.is_empty() {
        HashMap::new()
    } else {
        repo.last_touches(&sources)?
    };
    pages
        .iter()
        .map(|page| match touches.get(&page.source) {
            Some(LastTouchAt::Commit(commit)) => Ok(*commit),
            Some(LastTouchAt::BeyondShallowBoundary) => Err(Error::ShallowHistory),
            Some(LastTouchAt::NotInHead) | None => Err(Error::SourceNotCommitted {
                path: page.source.clone(),
            }),
        })
        .collect()
}

fn read_text(ws: &Workspace, path: &str) -> Result<String> {
    super::read_page_text(&ws.repo.workdir().join(path), path)
}

fn edit_error(path: &str) -> impl Fn(EditError) -> Error + '_ {
    move |error| Error::FrontMatterEdit {
        path: path.to_owned(),
        error,
    }
}

fn parse_front_matter(path: &str, text: &str) -> Result<FrontMatter> {
    frontmatter::parse(text).map_err(|err| Error::FrontMatterEdit {
        path: path.to_owned(),
        error: EditError::from(err),
    })
}

/// The pin key a page uses: the first configured or conventional key present in it (even empty), else the first one
/// (`pin.key`, else `default_lang_commit`).
pub fn pin_key_for(fm: &FrontMatter, keys: &[String]) -> String {
    keys.iter()
        .find(|key| fm.tree.as_ref().and_then(|t| t.get_path(key)).is_some())
        .or_else(|| keys.first())
        .cloned()
        .unwrap_or_else(|| crate::site::config::DEFAULT_PIN_KEYS[0].to_owned())
}

/// The pin edit of one page; `edited`: the page's text with other edits made first (mirrored values copied), and what
/// they say.
fn pin_edit(
    ws: &Workspace,
    page: &PageStatus,
    commit: ObjectId,
    args: &SyncArgs,
    drift_key: &str,
    edited: Option<(String, Vec<Message>)>,
) -> Result<FileEdit> {
    let path = &page.translation;
    let before = read_text(ws, path)?;
    super::check_fence_at_top(&ws.settings, path, &before)?;
    let (start, mut notes) = edited.unwrap_or_else(|| (before.clone(), Vec::new()));
    let fm = parse_front_matter(path, &start)?;
    let key = pin_key_for(&fm, &ws.settings.pin_keys);
    let old = fm.pin(&start, std::slice::from_ref(&key));
    let comment = if args.patched {
        CommentEdit::Set(PATCHED)
    } else if old.as_ref().is_some_and(|pin| pin.patched) {
        // A full sync ends the "patched" state.
        CommentEdit::Remove
    } else {
        CommentEdit::Keep
    };
    let full = commit.to_string();
    // A pin that already names the commit (abbreviated, `cfa1450`) is left as written: rewriting it to 40 hex digits
    // changed every pinned page of a folder for nothing, noise in review and conflicts with translators' branches.
    let already = old.as_ref().filter(|pin| {
        matches!(ws.sources().resolve_pin(&pin.value), PinResolution::Commit(id) if id == commit)
    });
    // Its bytes as written are kept (quotes included, or none: `30b7258` reads as a string, though tandem quotes it).
    let value = match already {
        Some(pin) => Scalar::Written {
            text: start.get(pin.span.clone()).unwrap_or(&pin.value),
            value: &pin.value,
        },
        None => Scalar::Str(&full),
    };
    let mut after = match edit::set_scalar(&start, &key, value, comment) {
        Err(_) if already.is_some() => edit::set_scalar(&start, &key, Scalar::Str(&full), comment),
        edited => edited,
    }
    .map_err(edit_error(path))?;
    let (removed, added) = edit::changed_lines(&start, &after);
    let new = crate::report::abbrev(&full);
    let note = match (&old, removed, added) {
        (_, 0, 0) => Message::new("sync-pin-unchanged")
            .arg("path", path)
            .arg("key", &key)
            .arg("new", new),
        (Some(old), _, _) => Message::new("sync-pin-changed")
            .arg("path", path)
            .arg("key", &key)
            .arg("old", crate::report::abbrev(&old.value))
            .arg("new", new)
            .arg("lines", removed.max(added)),
        // An empty value filled in changes its line; a page without front matter whose first line holds a BOM
        // changes that line too: counted as changed, not added.
        (None, _, _) => Message::new("sync-pin-added")
            .arg("path", path)
            .arg("key", &key)
            .arg("new", new)
            .arg("lines", added.saturating_sub(removed))
            .arg("changed", removed.min(added)),
    };
    notes.push(note);
    if args.drift_key {
        let state = if source_matches(ws.sources(), commit, &page.source)? {
            State::Current
        } else {
            State::Stale
        };
        let (text, note) = apply_drift(path, &after, drift_key, state)?;
        after = text;
        notes.extend(note);
    }
    Ok(FileEdit {
        path: path.clone(),
        before,
        after,
        notes,
    })
}

/// The translation's text with each mirrored key that changed in its source set to the source's value now (removed
/// where the source removed it), as the source writes it when both front matters have one format; and a note per
/// key. `Err`: a warning, and the page is left as it is (a list over several lines whose translation lines hold a
/// comment of their own, a key at another indentation, a value that cannot be rewritten).
fn mirror_values(
    ws: &Workspace,
    page: &PageStatus,
) -> Result<std::result::Result<(String, Vec<Message>), Warning>> {
    let path = &page.translation;
    let before = read_text(ws, path)?;
    let source_text =
        super::read_page_text(&ws.sources().workdir().join(&page.source), &page.source)?;
    let source = parse_front_matter(&page.source, &source_text)?;
    let format = parse_front_matter(path, &before)?.split.format;
    let refused = |message: Message| Warning {
        file: path.clone(),
        line: None,
        message,
    };
    let mut text = before.clone();
    let mut notes = Vec::new();
    let keys = page
        .changed_sections
        .iter()
        .flat_map(|c| &c.keys)
        .filter(|k| k.class == KeyClass::Mirrored);
    for change in keys {
        let key = change.key.as_str();
        let node = source.tree.as_ref().and_then(|tree| tree.get_path(key));
        let edited = match node.map(|n| &n.kind) {
            None => edit::remove_key(&text, key),
            Some(NodeKind::Scalar(value)) => match edit::written_value(&source_text, key) {
                Ok(Some((written_format, written))) if Some(written_format) == format => {
                    edit::set_scalar(
                        &text,
                        key,
                        Scalar::Written {
                            text: &written,
                            value,
                        },
                        CommentEdit::Keep,
                    )
                }
                _ => edit::set_scalar(&text, key, Scalar::Str(value), CommentEdit::Keep),
            }
            // The translation writes it over several lines (a list where the source now has one value): the
            // source's line replaces them.
            .or_else(|err| match err {
                EditError::Unsupported {
                    what:
                        Unsupported::MultiLine | Unsupported::BlockScalar | Unsupported::Collection,
                    ..
                } => edit::copy_entry(&text, &source_text, key).map_err(|_| err),
                err => Err(err),
            }),
            // A list or a map: on one line on both sides (`tags: [a, b]`), the value is replaced in place, keeping
            // the line's comment; else the source's lines replace the translation's (YAML), unless that would lose
            // a comment of the translation's.
            Some(_) => {
                let in_place = match (node, edit::written_flow(&source_text, key)) {
                    (Some(node), Ok(Some((written_format, written))))
                        if Some(written_format) == format =>
                    {
                        edit::set_scalar(
                            &text,
                            key,
                            Scalar::Flow {
                                text: &written,
                                node,
                            },
                            CommentEdit::Keep,
                        )
                        .ok()
                    }
                    _ => None,
                };
                match in_place {
                    Some(after) => Ok(after),
                    None => edit::copy_entry(&text, &source_text, key),
                }
            }
        };
        match edited {
            Ok(after) => text = after,
            Err(err) => {
                return Ok(Err(refused(
                    Message::new("sync-warn-mirrored-not-copied")
                        .arg("key", key)
                        .arg("detail", err.message(path)),
                )));
            }
        }
        notes.push(match &change.new {
            // On one line: a value holding a line break (a list item written as a block scalar) broke the note.
            Some(new) => Message::new("sync-mirrored-copied")
                .arg("path", path)
                .arg("key", key)
                .arg(
                    "new",
                    new.replace('\r', "\\r")
                        .replace('\n', "\\n")
                        .replace('\t', "\\t"),
                ),
            None => Message::new("sync-mirrored-removed")
                .arg("path", path)
                .arg("key", key),
        });
    }
    Ok(Ok((text, notes)))
}

/// Whether the source in the work tree has the same bytes as at `commit` (the page is current once pinned there).
fn source_matches(repo: &GitRepo, commit: ObjectId, source: &str) -> Result<bool> {
    let at_commit = repo.entries_at(commit, &[source.to_owned()])?;
    let now = std::fs::read(repo.workdir().join(source)).ok();
    Ok(match (at_commit.first().copied().flatten(), now) {
        (Some((_, id)), Some(bytes)) => GitRepo::hash_blob(&bytes) == id,
        (None, None) => true,
        _ => false,
    })
}

/// The drift key edit for one page of the status report; `None` when the page has no file or nothing changes.
fn drift_edit(
    ws: &Workspace,
    page: &PageStatus,
    drift_key: &str,
    state: State,
    warnings: &mut Vec<Warning>,
) -> Result<Option<FileEdit>> {
    match state {
        State::Missing => return Ok(None),
        State::Unknown => {
            warnings.push(Warning {
                file: page.translation.clone(),
                line: None,
                message: Message::new("sync-warn-drift-unknown").arg("key", drift_key),
            });
            return Ok(None);
        }
        _ => {}
    }
    let path = &page.translation;
    let before = read_text(ws, path)?;
    parse_front_matter(path, &before)?;
    super::check_fence_at_top(&ws.settings, path, &before)?;
    let (after, notes) = apply_drift(path, &before, drift_key, state)?;
    if after == before {
        return Ok(None);
    }
    Ok(Some(FileEdit {
        path: path.clone(),
        before,
        after,
        notes: notes.into_iter().collect(),
    }))
}

/// A warning for each page whose source has changes not committed: the pin names a commit without them, and the page
/// stays stale however well its translation matches the work tree (sync said it was done, `status` said otherwise).
fn uncommitted_sources(ws: &Workspace, pages: &[&PageStatus]) -> Result<Vec<Warning>> {
    let repo = ws.sources();
    let mut sources: Vec<String> = pages.iter().map(|p| p.source.clone()).collect();
    sources.sort();
    sources.dedup();
    let committed = repo.entries_at(repo.head(), &sources)?;
    let mut warned = BTreeSet::new();
    for (source, entry) in sources.iter().zip(committed) {
        let Ok(bytes) = std::fs::read(repo.workdir().join(source)) else {
            continue;
        };
        // A checkout that turns line ends into CRLF (`core.autocrlf`) changed nothing.
        let differs = |id: ObjectId| !GitRepo::is_checkout_of(&bytes, id);
        if entry.is_some_and(|(_, id)| differs(id)) {
            warned.insert(source.as_str());
        }
    }
    Ok(pages
        .iter()
        .filter(|p| warned.contains(p.source.as_str()))
        .map(|p| Warning {
            file: p.translation.clone(),
            line: None,
            message: Message::new("warn-sync-source-uncommitted").arg("source", &p.source),
        })
        .collect())
}

/// Sets the drift key for a verdict: `true` when stale, `file not found` when orphaned, removed when current.
fn apply_drift(
    path: &str,
    text: &str,
    key: &str,
    state: State,
) -> Result<(String, Option<Message>)> {
    let after = match state {
        State::Stale => edit::set_scalar(text, key, Scalar::Bool(true), CommentEdit::Keep),
        State::Orphaned => edit::set_value(text, key, ORPHAN_DRIFT_VALUE, None),
        _ => edit::remove_key(text, key),
    }
    .map_err(edit_error(path))?;
    if after == text {
        return Ok((after, None));
    }
    let note = match state {
        State::Stale => Message::new("sync-drift-set").arg("value", "true"),
        State::Orphaned => Message::new("sync-drift-set").arg("value", ORPHAN_DRIFT_VALUE),
        _ => Message::new("sync-drift-removed"),
    };
    Ok((after, Some(note.arg("path", path).arg("key", key))))
}
