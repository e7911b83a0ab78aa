//! The shared core behind every command: pages → pairs → sync points → verdicts, as a [`StatusReport`].
//!
//! Reads pages and front matter from the work tree, history from HEAD (through `history`), and hands plain facts to
//! the pure modules (`pairing`, `drift`). Never prints: problems with one page become warnings in the report.

use crate::drift::blocks::LinkTwins;
use crate::util::chars::nfc;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::AtomicUsize;

use gix::ObjectId;

use crate::drift::front_matter::KeyClass;
use crate::drift::judge::{PairFacts, Refinement, Verdict};
use crate::drift::sections::{Change, Severity};
use crate::drift::structure::SectionRef;
use crate::drift::uncounted::Uncounted;
use crate::drift::{self, Reason, SourceBlob, State, SyncFacts};
use crate::engine::cache::{PassedOver, RefineCache, Refined, fingerprint};
use crate::engine::refine::{
    Ahead, ComparedAhead, Judgement, KEPT_VERSIONS, PRELOAD_MAX_PAGES, Planned, Preload, Refiner,
    SkipWhy, SkippedSource, StructureAhead, ToPreload, Version, Wanted,
};
use crate::engine::site_pairs::{self, PinRead};
use crate::error::{Error, Result};
use crate::forge::Forge;
use crate::history::{Entry, GitRepo, LastTouchAt, PinResolution};
use crate::i18n::Message;
use crate::markdown::frontmatter::{self, Pin};
use crate::pairing::{self, Pair, PairKind};
use crate::report::{ChangedSection, PageStatus, StatusReport, SyncMethod, SyncPoint, Warning};
use crate::site::workspace::Workspace;

/// Where sync points come from (`--mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Mode {
    /// The pin when the translation has one, else the last commit that touched it.
    #[default]
    Auto,
    /// Pins only: a translation without a pin is `unknown` (`no-pin`).
    Pin,
    /// The last commit that touched the translation, ignoring pins (the lsync method).
    History,
}

/// What to judge and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub mode: Mode,
    /// Byte semantics only (`git diff <sync>...HEAD -- <source>`): no cosmetic filter, no commit directives, no
    /// structure refinement, history sync points exactly as `git log -1`.
    pub strict: bool,
    /// The PATH arguments: keep the pairs whose source or translation is at or under one of them. Each must match
    /// some pair (see [`select`]).
    pub paths: Vec<PathFilter>,
}

/// A PATH argument: as typed (for messages) and repo-relative with `/` (for matching).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathFilter {
    pub typed: String,
    pub path: String,
}

/// Turns PATH arguments (relative to the directory tandem runs in: the current one, or `-C DIR`) into filters.
/// Every command that takes PATHs goes through here and then [`select`], so they all match pages the same way.
pub fn path_filters(ws: &Workspace, paths: &[std::path::PathBuf]) -> Result<Vec<PathFilter>> {
    Ok(paths
        .iter()
        .zip(ws.repo_paths(paths)?)
        .map(|(typed, path)| PathFilter {
            typed: typed.display().to_string(),
            path,
        })
        .collect())
}

/// Keeps the pairs under the filters (all of them when there are none). A filter matches a pair when the source or
/// the translation is at or under it — including the path a missing translation would have, and the path an
/// orphan's source had. A filter that matches no pair is a mistake (a typo, a path relative to the wrong folder),
/// not an empty report: it is an error naming that path.
pub fn select(pairs: &mut Vec<Pair>, filters: &[PathFilter]) -> Result<()> {
    if filters.is_empty() {
        return Ok(());
    }
    // A filter that is a bare word may be a language code typed as a PATH (`tandem status fr`): the languages are
    // noted for the error's hint.
    let languages: std::collections::HashSet<String> =
        if filters.iter().any(|f| !f.typed.contains(['/', '.'])) {
            pairs.iter().map(|pair| pair.language.clone()).collect()
        } else {
            Default::default()
        };
    let mut matched = vec![false; filters.len()];
    pairs.retain(|pair| {
        let mut keep = false;
        for (filter, hit) in filters.iter().zip(matched.iter_mut()) {
            if under(&pair.source, &filter.path) || under(&pair.translation, &filter.path) {
                *hit = true;
                keep = true;
            }
        }
        keep
    });
    match filters.iter().zip(&matched).find(|(_, hit)| !**hit) {
        Some((filter, _)) => Err(Error::NoPageUnder {
            path: filter.typed.clone(),
            language: languages.contains(&filter.typed),
        }),
        None => Ok(()),
    }
}

/// How the translation's sync point is to be found, once its file has been read.
enum SyncSource {
    Pin(Pin),
    History,
    Unusable(Reason),
}

/// Judges every pair of the workspace (or those under `options.paths`).
pub fn status(ws: &Workspace, options: &Options) -> Result<StatusReport> {
    let settings = &ws.settings;
    let mut warnings = Vec::new();
    // English taken for the source by default while another language has more pages: said on every run, since a
    // site written in that language first is then read backwards.
    if settings.config_file.is_none()
        && let Some(why) = &settings.evidence.source
        && why.id == "evidence-source-en-fewer"
    {
        let arg = |name: &str| {
            why.args
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(String::new(), |(_, v)| v.clone())
        };
        let most = arg("most");
        warnings.push(Warning {
            file: settings.content_dir(&most).to_owned(),
            line: None,
            message: Message::new("warn-source-assumed-en")
                .arg("lang", arg("lang"))
                .arg("en", arg("en"))
                .arg("most", most.clone())
                .arg("count", arg("count")),
        });
    }
    // A target language whose folder does not exist yet (named in `languages:` before its first page; or a typo):
    // every page is missing, and the report says why.
    if settings.source_repo.is_none() {
        for lang in &settings.targets {
            let dir = settings.content_dir(lang);
            let source_dir = settings.content_dir(&settings.source);
            if !dir.is_empty() && dir != source_dir && !settings.repo_root.join(dir).exists() {
                warnings.push(Warning {
                    file: dir.to_owned(),
                    line: None,
                    // Started in tandem.yaml, or listed by the generator's config (Hugo's languages, Docusaurus's
                    // or Starlight's locales): the warning said "tandem.yaml" on sites that have none.
                    message: Message::new("warn-language-folder-absent")
                        .arg("lang", lang.clone())
                        .arg(
                            "listed",
                            if settings
                                .file
                                .languages
                                .as_ref()
                                .is_some_and(|l| l.contains(lang))
                            {
                                "tandem"
                            } else {
                                "generator"
                            },
                        ),
                });
            }
        }
    }
    let renames = site_pairs::Renames::new(ws);
    // The refine cache is read on another core while the pages are listed.
    let mut cache = Loading::start(ws.repo.git_dir(), refine_key(settings), ws.repo.is_big());
    // A first run parses nearly every page: they are parsed on another core while history is read.
    let mut preload = None;
    let preloads = !options.strict && options.paths.is_empty();
    // Under `--strict` a first run parses the sources (their versions now explain the stale pages), not the
    // translations: they are parsed on the other core while the facts are gathered, which leave it idle.
    let mut sources_to_parse = Vec::new();
    let to_preload = |source: bool, (path, id): (&String, &ObjectId), text| ToPreload {
        source,
        file: match source {
            true => ws.sources().workdir().join(path),
            false => ws.repo.workdir().join(path),
        },
        path: path.clone(),
        id: *id,
        text,
    };
    let mut on_pages = |sources: &HashMap<String, ObjectId>,
                        translations: &HashMap<String, ObjectId>,
                        mut texts: site_pairs::PageTexts| {
        if options.strict
            && options.paths.is_empty()
            && cache.get().is_empty()
            && sources.len() <= PRELOAD_MAX_PAGES
        {
            sources_to_parse = sources
                .iter()
                .map(|page| to_preload(true, page, None))
                .collect();
        }
        if preloads
            && cache.get().is_empty()
            && sources.len() + translations.len() <= PRELOAD_MAX_PAGES
        {
            let pages = (sources.iter().map(|page| (true, page)))
                .chain(translations.iter().map(|page| (false, page)))
                .map(|(source, page)| {
                    let text = texts.remove(&(source, page.0.clone()));
                    to_preload(source, page, text)
                })
                .collect();
            preload = Some(Preload::start(settings.site_context(), pages));
        } else {
            // Nothing is preloaded (a site too big for it, a run the refine cache answers, PATHs given): the second
            // core is free for the history index's helper, as under `--strict`.
            for repo in std::iter::once(&ws.repo).chain(ws.source_repo.as_ref()) {
                repo.help_with_edges(true);
            }
        }
    };
    if !options.strict {
        // The second core parses pages (and reads them ahead for the verdicts): the history index's helper would
        // take it from that work for comparisons the walks make for less (see `GitRepo::help_with_edges`). Told
        // again once the pages are listed, when nothing is preloaded.
        for repo in std::iter::once(&ws.repo).chain(ws.source_repo.as_ref()) {
            repo.help_with_edges(false);
        }
    }
    let mut site = site_pairs::site_pairs(
        ws,
        &renames,
        site_pairs::Reading {
            strict: options.strict,
            pins: options.mode != Mode::History,
            texts: preloads,
        },
        &mut on_pages,
        &mut warnings,
    )?;
    let mut pairs = std::mem::take(&mut site.pairs);
    // What only pairing needed, the work tree's listing and the pages' pairing keys, is let go before the judging.
    drop((
        std::mem::take(&mut site.inventory),
        std::mem::take(&mut site.keys),
        std::mem::take(&mut site.conflicts),
    ));
    if let Err(err) = select(&mut pairs, &options.paths) {
        // A page of a language --lang left out was "no page at or under" it, though it is one.
        if let Error::NoPageUnder { path, .. } = &err
            && let Some(filter) = options.paths.iter().find(|f| &f.typed == path)
            && let Some((lang, dir)) = settings.content_dirs.iter().find(|(lang, dir)| {
                !settings.targets.contains(lang)
                    && **lang != settings.source
                    && dir.as_str() != "."
                    && settings.content_dirs.values().filter(|d| d == dir).count() == 1
                    && under(&filter.path, dir)
            })
        {
            return Err(Error::PageOfAnotherLanguage {
                path: path.clone(),
                dir: dir.clone(),
                lang: lang.clone(),
                asked: settings.targets.join(", "),
            });
        }
        return Err(err);
    }
    // With PATHs, only the languages that have a page under them are reported.
    let languages: Vec<String> = if options.paths.is_empty() {
        settings.targets.clone()
    } else {
        settings
            .targets
            .iter()
            .filter(|lang| pairs.iter().any(|pair| &pair.language == *lang))
            .cloned()
            .collect()
    };
    // The pins read with the pages' keys are handed on, not kept twice.
    let pins = std::mem::take(&mut site.pins);
    let (pages, parsed) = judge_pairs(
        ws,
        &site,
        pairs,
        &renames,
        options,
        (cache.into_inner(), preload, sources_to_parse, pins),
        &mut warnings,
    )?;
    let mut pages = pages;
    name_deleted_sources(ws, &mut pages);
    name_directives(ws, &mut pages);
    let mut report = StatusReport::new(
        ws.repo.head().to_string(),
        settings.source.clone(),
        languages,
        pages,
        warnings,
        options.strict,
    );
    report.versions_parsed = parsed;
    report.head_time = ws.repo.committer_time(ws.repo.head()).ok();
    report.link_twins = std::mem::take(&mut site.link_twins);
    report.forge = ws
        .repo
        .origin_url()
        .and_then(|url| Forge::from_remote_url(&url));
    report.source_forge = match &ws.source_repo {
        None => report.forge.clone().map(|f| (f, report.head.clone())),
        Some(source) => source
            .origin_url()
            .and_then(|url| Forge::from_remote_url(&url))
            .map(|f| (f, source.head().to_string())),
    };
    Ok(report)
}

/// Each commit passed over for a keyword in its message is named with the text it matched ([`CommitDirective::
/// matched_keyword`]): read once per commit, for the reports only (the verdicts and their caches hold the commit, not
/// the keyword). A message that cannot be read leaves the commit as it was.
fn name_directives(ws: &Workspace, pages: &mut [PageStatus]) {
    let repo = ws.sources();
    let mut keywords: HashMap<String, Option<String>> = HashMap::new();
    for page in pages.iter_mut() {
        let Some(sync) = page.sync.as_mut() else {
            continue;
        };
        for skipped in sync.skipped.iter_mut().filter(|c| c.why == "directive") {
            let keyword = keywords.entry(skipped.commit.clone()).or_insert_with(|| {
                let id = ObjectId::from_hex(skipped.commit.as_bytes()).ok()?;
                // A translation's commit is this repository's; a source's, the sources' (`--source-repo`).
                let info = repo
                    .commit_info(id)
                    .or_else(|_| ws.repo.commit_info(id))
                    .ok()?;
                crate::history::directives::CommitDirective::matched_keyword(
                    &info.message,
                    &ws.settings.skip_commits,
                )
            });
            skipped.directive = keyword.clone();
        }
    }
}

/// Orphans whose source was deleted by a commit: that commit, as `git log -1 -- <source>` finds it. "The source does
/// not exist" alone read as a mistyped name. A source that never existed, one HEAD still has (deleted in the work tree
/// only), or one whose deletion lies beyond a shallow clone's history is left as it was; so is any failure to read
/// history here, this being an explanation, not a verdict.
fn name_deleted_sources(ws: &Workspace, pages: &mut [PageStatus]) {
    let orphans: Vec<usize> = (0..pages.len())
        .filter(|&i| {
            let page = &pages[i];
            page.state == State::Orphaned
                && page.reason == Reason::SourceNotFound
                && page.renamed_to().is_none()
                && page.source != page.translation
        })
        .collect();
    if orphans.is_empty() {
        return;
    }
    let repo = ws.sources();
    let mut paths: Vec<String> = orphans.iter().map(|&i| pages[i].source.clone()).collect();
    paths.sort_unstable();
    paths.dedup();
    let Ok(at_head) = repo.entries_at(repo.head(), &paths) else {
        return;
    };
    let gone: Vec<String> = (paths.into_iter().zip(at_head))
        .filter(|(_, entry)| entry.is_none())
        .map(|(path, _)| path)
        .collect();
    if gone.is_empty() {
        return;
    }
    let Ok(deleted) = repo.deletions(&gone) else {
        return;
    };
    let replaced = replaced_sources(repo, &ws.settings.source_roots(), pages, &deleted);
    for i in orphans {
        let Some(&id) = deleted.get(&pages[i].source) else {
            continue;
        };
        // Replaced by a page the same commit added, which this language lacks: a rename git's measure missed.
        // `git rm` would delete the only translation of that page; check calls it renamed, and so does status.
        let replacement = replaced.get(&pages[i].source).and_then(|now| {
            let missing = pages.iter().find(|p| {
                p.state == State::Missing && p.language == pages[i].language && &p.source == now
            })?;
            Some((now.clone(), missing.translation.clone()))
        });
        if let Some((now, move_to)) = replacement {
            pages[i].set_renamed(now, move_to);
            continue;
        }
        if let Ok(info) = repo.commit_info(id) {
            pages[i].set_source_deleted(crate::report::DeletedIn {
                commit: id.to_string(),
                time: info.author_time,
                subject: info.summary.clone(),
            });
        }
    }
}

/// Deleted sources (with the commit that deleted each) that the same commit replaced: of the pages it added that are
/// missing in some language, the one whose text is most like the deleted page's last text
/// (`sections::rename_likeness`, the measure `check` finds a pull request's renames by); each added page replaces one
/// deleted page at most, the closest pairs first. A commit that reworded a page as it renamed it ("Microservices" →
/// "Microservices architecture", a third of its lines changed) is no rename to git.
fn replaced_sources(
    repo: &crate::history::GitRepo,
    roots: &[String],
    pages: &[PageStatus],
    deleted: &HashMap<String, ObjectId>,
) -> HashMap<String, String> {
    let missing: std::collections::HashSet<&str> = pages
        .iter()
        .filter(|p| p.state == State::Missing)
        .map(|p| p.source.as_str())
        .collect();
    let mut replaced = HashMap::new();
    if missing.is_empty() || deleted.is_empty() {
        return replaced;
    }
    let text = |id: ObjectId| -> Option<String> {
        repo.read_blob(id)
            .ok()
            .flatten()
            .and_then(crate::util::chars::utf8_string)
    };
    let mut commits: Vec<ObjectId> = deleted.values().copied().collect();
    commits.sort_unstable();
    commits.dedup();
    let mut scored: Vec<(f32, String, String)> = Vec::new();
    for commit in commits {
        let Some(parent) = repo.parents(commit).ok().and_then(|p| p.first().copied()) else {
            continue;
        };
        // What the commit changed under the source folders (equal folders are not opened): the sources it deleted,
        // and the missing pages it added.
        let Ok(changed) = repo.changed_files(parent, commit, roots) else {
            continue;
        };
        let mut gone: Vec<(&String, ObjectId)> = Vec::new();
        let mut added: Vec<(&String, ObjectId)> = Vec::new();
        for (path, old, new) in &changed {
            match (old, new) {
                (Some((_, id)), None) if deleted.get(path) == Some(&commit) => {
                    gone.push((path, *id))
                }
                (None, Some((_, id))) if missing.contains(path.as_str()) => added.push((path, *id)),
                _ => {}
            }
        }
        if gone.is_empty() || added.is_empty() {
            continue;
        }
        let added: Vec<(&String, String)> = (added.into_iter())
            .filter_map(|(path, id)| Some((path, text(id)?)))
            .collect();
        for (source, id) in gone {
            let Some(old_text) = text(id) else {
                continue;
            };
            for (path, new_text) in &added {
                if let Some(likeness) = crate::drift::sections::rename_likeness(&old_text, new_text)
                {
                    scored.push((likeness, source.clone(), (*path).clone()));
                }
            }
        }
    }
    replaced.extend(crate::drift::sections::closest_pairs(scored));
    replaced
}

/// The refine cache, read on a thread of its own (its verdicts too, for a site of at most [`READ_AHEAD_VERDICTS`]
/// of them); asked for, it is waited for. Read in turn should the thread fail.
struct Loading {
    thread: Option<std::thread::JoinHandle<RefineCache>>,
    loaded: Option<RefineCache>,
    git_dir: std::path::PathBuf,
    key: u64,
}

/// Verdicts read ahead at most: beyond, they are read when needed (a large site's verdicts take three times the memory
/// read as they are stored).
const READ_AHEAD_VERDICTS: usize = 20_000;

impl Loading {
    fn start(git_dir: &std::path::Path, key: u64, big: bool) -> Loading {
        let dir = git_dir.to_path_buf();
        // A first run has no cache to read: no thread (a thread's first allocation faults in memory of its own). A
        // big repository starts it all the same: without it, its pins mode peaked above 300 MB in some runs.
        let thread = (big || RefineCache::is_saved(git_dir))
            .then(|| {
                std::thread::Builder::new()
                    .name("refine-cache".to_owned())
                    .spawn(move || {
                        let mut cache = RefineCache::load(&dir, key);
                        cache.read_ahead(READ_AHEAD_VERDICTS);
                        cache
                    })
                    .ok()
            })
            .flatten();
        Loading {
            thread,
            loaded: None,
            git_dir: git_dir.to_path_buf(),
            key,
        }
    }

    fn get(&mut self) -> &mut RefineCache {
        let (git_dir, key) = (&self.git_dir, self.key);
        let thread = &mut self.thread;
        self.loaded.get_or_insert_with(|| {
            thread
                .take()
                .and_then(|thread| thread.join().ok())
                .unwrap_or_else(|| RefineCache::load(git_dir, key))
        })
    }

    fn into_inner(mut self) -> RefineCache {
        self.get();
        self.loaded.take().expect("loaded")
    }
}

/// One pair named by its paths (repo-relative; `compare`), judged by the same engine as `status`: the site's own
/// pair when the site pairs these two files (renames followed, pairing evidence kept), else the two files taken as a
/// pair.
pub fn judge_files(
    ws: &Workspace,
    source: &str,
    translation: &str,
) -> Result<(PageStatus, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let renames = site_pairs::Renames::new(ws);
    let site = site_pairs::site_pairs(
        ws,
        &renames,
        site_pairs::Reading::default(),
        &mut |_, _, _| {},
        &mut warnings,
    )?;
    let pair = site
        .pairs
        .iter()
        .find(|p| p.source == source && p.translation == translation)
        .cloned()
        .unwrap_or_else(|| {
            let settings = &ws.settings;
            // The language whose content folder holds the translation, else the first one named in its path.
            let language = settings
                .targets
                .iter()
                .find(|lang| {
                    settings
                        .content_dirs
                        .get(*lang)
                        .is_some_and(|dir| under(translation, dir))
                })
                .or_else(|| {
                    settings.targets.iter().find(|lang| {
                        translation
                            .split(['/', '.'])
                            .any(|part| part == lang.as_str())
                    })
                })
                .or(settings.targets.first())
                .cloned()
                .unwrap_or_default();
            Pair {
                language,
                source: source.to_owned(),
                translation: translation.to_owned(),
                kind: PairKind::Paired,
                paired_by: pairing::PairedBy::Path,
                section_path: translation.to_owned(),
                evidence: None,
                renamed_to: None,
                renamed_from: None,
                move_to: None,
            }
        });
    let page = judge_pairs(
        ws,
        &site,
        vec![pair],
        &renames,
        &Options::default(),
        (
            RefineCache::load(ws.repo.git_dir(), refine_key(&ws.settings)),
            None,
            Vec::new(),
            HashMap::new(),
        ),
        &mut warnings,
    )?
    .0
    .pop()
    .expect("one pair, one page");
    let mut page = page;
    name_directives(ws, std::slice::from_mut(&mut page));
    Ok((page, warnings))
}

/// What is gathered about one pair before it is judged, stage by stage.
struct Gathered {
    /// The pair, owned: its names move into its verdict when it is judged (on a large site, the pairs and the
    /// verdicts' copies of their names were 25 MB at the peak).
    pair: Pair,
    /// Its place among the pairs: verdicts and their warnings are given in that order.
    at: usize,
    /// Where its sync point comes from: the pin, history, or why there is none.
    from: SyncSource,
    sync: std::result::Result<SyncPoint, Reason>,
    /// The source at the sync point and now.
    facts: SyncFacts,
    /// The source's name at the sync point, when it had another (renames followed).
    renamed_from: Option<String>,
    /// The names the source had between that one and its current one (a source renamed more than once since the
    /// sync point), newest first.
    between_names: Vec<String>,
    /// The source's commits since the sync point, newest first; `None` when unknown (no sync point, shallow clone).
    source_commits: Option<Vec<ObjectId>>,
    /// The refinement's inputs ([`Judging::inputs`]) once the read-ahead has computed them (a file may be read).
    inputs: Option<Option<u64>>,
}

impl Gathered {
    /// The sync point of a translation that has one (a paired page).
    fn sync_point(&self) -> Option<&SyncPoint> {
        match (&self.sync, self.pair.kind) {
            (Ok(sync), PairKind::Paired) => Some(sync),
            _ => None,
        }
    }
}

/// The engine: facts gathered for every pair at once (pins, history walks, blobs), then each pair judged by
/// [`drift::judge::judge`] and explained. Returns the verdicts and how many page versions were parsed for them.
fn judge_pairs(
    ws: &Workspace,
    site: &site_pairs::SitePairs,
    pairs: Vec<Pair>,
    renames: &site_pairs::Renames,
    options: &Options,
    (cache, preload, sources_to_parse, pins): (
        RefineCache,
        Option<Preload>,
        Vec<ToPreload>,
        HashMap<String, PinRead>,
    ),
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<PageStatus>, usize)> {
    let gather = || -> Result<Vec<Gathered>> {
        let mut gathered = sync_sources(ws, pins, pairs, options.mode, warnings);
        sync_points(ws, &mut gathered, site, warnings)?;
        source_facts(
            ws,
            &mut gathered,
            renames,
            options.strict,
            &site.source_blobs,
            warnings,
        )?;
        Ok(gathered)
    };
    let (sources_parsed, gathered) = match sources_to_parse.is_empty() {
        true => (None, gather()),
        false => {
            let (parsed, gathered) =
                Preload::beside(ws.settings.site_context(), sources_to_parse, gather);
            (Some(parsed), gathered)
        }
    };
    let mut gathered = gathered?;
    let mut judging = Judging::new(ws, site, options, cache);
    // A preloaded site's translations are parsed already: the walks back over bookkeeping commits are read ahead for
    // every pair at once (each step on both cores, one walk of the history for all the commits before), not group
    // by group.
    let walked_ahead = preload.is_some();
    let count = |gathered: &mut [Gathered], cache: &mut RefineCache| {
        commits_since(ws.sources(), gathered, options.strict)
            .map(|()| sync_times(ws.sources(), gathered, cache))
    };
    let counted = match (sources_parsed, preload) {
        // Sources are parsed beside the facts under `--strict` only, and pages preloaded without it.
        (Some(parsed), _) => {
            parsed.finish(&mut judging.translations, &mut judging.sources);
            // The sources at the sync points that the first groups' stale pages are explained by are read beside
            // the counts, which leave the other core idle too.
            let planned = judging.plan_early_sources(&gathered)?;
            let (slots, next) = (planned.slots(), AtomicUsize::new(0));
            let mut reader = judging.sources.spare_reader();
            let (_, counted) = crate::util::parallel::beside(
                || planned.read_shared(&next, reader.as_mut(), &slots),
                || {
                    let counted = count(&mut gathered, &mut judging.cache);
                    judging.sources.help_read(&planned, &next, &slots);
                    counted
                },
            );
            if let Some(reader) = reader {
                judging.sources.give_back(reader);
            }
            let read = planned.gather(slots);
            judging.sources.store_versions(planned, read);
            counted
        }
        (None, Some(preload)) => {
            preload.finish(&mut judging.translations, &mut judging.sources);
            // The commits behind are counted on this core while the other answers the walks' first step (they
            // were counted before, the other core idle).
            match judging.walks_to_prefetch(&gathered) {
                Some(walks) => {
                    let Judging {
                        translations,
                        cache,
                        ..
                    } = &mut judging;
                    translations.prefetch_walks_beside(walks, || count(&mut gathered, cache))?
                }
                None => count(&mut gathered, &mut judging.cache),
            }
        }
        (None, None) => count(&mut gathered, &mut judging.cache),
    };
    counted?;
    // On a first run, pairs are judged source by source: the versions of a source read for its translation into one
    // language are still kept when its other translations are judged (in the pairs' order, languages apart, they
    // were read again for each language). Verdicts and the warnings given while judging are put back in the pairs'
    // order. A run the refine cache answers reads few versions: the pairs' order is kept.
    let reordered = judging.cache.is_empty();
    if reordered {
        gathered.sort_unstable_by(in_judging_order);
    }
    let mut judged = Judged::new(reordered, gathered.len());
    let judge =
        |judging: &mut Judging, pair: Gathered| -> Result<(usize, PageStatus, Vec<Warning>)> {
            let (at, mut found) = (pair.at, Vec::new());
            let page = judging.judge(pair, &mut found)?;
            Ok((at, page, found))
        };
    // Cut into the groups they are judged in, each in a list of its own, the last group first: a group's room is
    // given back once it is judged. One list given back as it empties gives nothing back until it is copied to a
    // smaller one, while both are held (on a large site it is bigger than the report, which grows meanwhile: 41 MB
    // for 80,000 pairs; a copy at each quarter judged peaked 30 MB above the steady memory).
    let prefetch_pairs = match walked_ahead {
        true => PREFETCH_PAIRS_PRELOADED,
        false => PREFETCH_PAIRS,
    };
    let mut groups = Vec::with_capacity(gathered.len().div_ceil(prefetch_pairs));
    cut_into_groups(gathered, prefetch_pairs, &mut groups);
    // A few pairs at a time: the page versions they need are read and parsed ahead, then the pairs are judged in
    // turn, finding them ready. While a group is judged, the next group's versions are read on another core.
    let popped = std::cell::Cell::new(0usize);
    // Whether the walks back of the next group in `groups` were made already, beside the reads of the group before.
    let walked_next = std::cell::Cell::new(false);
    let groups = std::cell::RefCell::new(groups);
    // The facts of pairs whose sync point moves are gathered again, and that walks the history down from HEAD: on a
    // first run not preloaded, such pairs are set aside and gathered again many at a time, then judged in groups of
    // their own (their verdicts are put back in the pairs' order with the others'). One walk per group went down the
    // same history again for a pair or two.
    let defer = reordered && !walked_ahead;
    let mut deferred: Vec<Gathered> = Vec::new();
    let mut ready: Vec<Vec<Gathered>> = Vec::new();
    let gather_again = |judging: &mut Judging, again: &mut Vec<Gathered>| -> Result<()> {
        source_facts(
            ws,
            again,
            renames,
            options.strict,
            &site.source_blobs,
            &mut Vec::new(),
        )?;
        commits_since(ws.sources(), again, options.strict)?;
        sync_times(ws.sources(), again, &mut judging.cache);
        Ok(())
    };
    let mut next_group = |judging: &mut Judging| -> Result<Option<Vec<Gathered>>> {
        loop {
            if let Some(chunk) = ready.pop() {
                return Ok(Some(chunk));
            }
            if !deferred.is_empty()
                && (deferred.len() >= DEFERRED_PAIRS || groups.borrow().is_empty())
            {
                let mut again = std::mem::take(&mut deferred);
                gather_again(judging, &mut again)?;
                cut_into_groups(again, prefetch_pairs, &mut ready);
                continue;
            }
            if !walked_ahead && popped.get().is_multiple_of(PREVIOUS_AHEAD_GROUPS) {
                let groups = groups.borrow();
                let from = groups.len().saturating_sub(PREVIOUS_AHEAD_GROUPS);
                judging.prefetch_previous_ahead(&groups[from..])?;
            }
            let Some(mut chunk) = groups.borrow_mut().pop() else {
                return Ok(None);
            };
            popped.set(popped.get() + 1);
            if !walked_ahead && !walked_next.replace(false) {
                judging.prefetch_unmask(&chunk)?;
            }
            // Masked drift is found before the pair is judged: the translation's current version, parsed to check
            // its last commit, is still at hand to be compared. The pairs whose sync point moves have their facts
            // gathered again, together (one walk answers all their commit counts; their warnings were given the
            // first time).
            let mut moved = Vec::new();
            for (at, pair) in chunk.iter_mut().enumerate() {
                if judging.unmask(std::slice::from_mut(pair))? {
                    moved.push(at);
                }
            }
            if moved.is_empty() {
                return Ok(Some(chunk));
            }
            let (again, kept): (Vec<_>, Vec<_>) = chunk
                .into_iter()
                .enumerate()
                .partition(|(at, _)| moved.binary_search(at).is_ok());
            let (places, mut again): (Vec<usize>, Vec<Gathered>) = again.into_iter().unzip();
            if defer {
                deferred.extend(again);
                if kept.is_empty() {
                    continue;
                }
                return Ok(Some(kept.into_iter().map(|(_, g)| g).collect()));
            }
            gather_again(judging, &mut again)?;
            let mut chunk: Vec<(usize, Gathered)> =
                places.into_iter().zip(again).chain(kept).collect();
            chunk.sort_by_key(|(at, _)| *at);
            return Ok(Some(chunk.into_iter().map(|(_, g)| g).collect()));
        }
    };
    let mut group = next_group(&mut judging)?;
    if let Some(chunk) = group.as_mut() {
        judging.prefetch_judge(chunk)?;
    }
    // The next group, and what is read ahead for it: popped (its walks back followed) and planned on this thread
    // while the other one reads the group before's versions, once the group before that is judged. Between the two
    // threads' turns they had left the other core idle (on the large corpus, about a second of its judging).
    let mut plan_next = |judging: &mut Judging| -> Result<Option<(Vec<Gathered>, GroupPlan)>> {
        let Some(mut next) = next_group(judging)? else {
            return Ok(None);
        };
        let plan = judging.plan_judge(&mut next)?;
        Ok(Some((next, plan)))
    };
    let mut planned = plan_next(&mut judging)?;
    while let Some(chunk) = group.take() {
        let Some((
            next,
            GroupPlan {
                sources,
                translations,
                same,
                ahead,
            },
        )) = planned.take()
        else {
            for pair in chunk {
                judged.add(judge(&mut judging, pair)?, warnings);
            }
            break;
        };
        // Versions let go by the groups before: freed by the reading thread once it has read.
        let retired = (judging.sources.retired(), judging.translations.retired());
        if sources.is_empty() && translations.is_empty() && same.is_empty() && ahead.is_empty() {
            // Nothing to read ahead (a run the cache answers): no second thread.
            for pair in chunk {
                judged.add(judge(&mut judging, pair)?, warnings);
            }
            group = Some(next);
            planned = plan_next(&mut judging)?;
            continue;
        }
        // The walks back of the next group of `groups`, made on this thread once this group is judged, beside the
        // other thread's reads (between the groups they left a core idle). Not for the first group of a batch whose
        // commits before are still to be found; set-aside pairs gathered again were walked already.
        let upcoming = (!walked_ahead
            && !walked_next.get()
            && !popped.get().is_multiple_of(PREVIOUS_AHEAD_GROUPS))
        .then(|| {
            groups
                .borrow()
                .last()
                .and_then(|chunk| judging.walks_to_prefetch(chunk))
        })
        .flatten();
        let mut reader = judging.sources.spare_reader();
        let (taken_sources, taken_translations, taken_same) = (
            AtomicUsize::new(0),
            AtomicUsize::new(0),
            AtomicUsize::new(0),
        );
        let comparing = ahead.work();
        let (source_slots, translation_slots) = (sources.slots(), translations.slots());
        let (read, (this_group, (helped_same, helped_ahead))) = crate::util::parallel::beside(
            || {
                // The questions first: the sources they parse are not in the plan.
                let answered = reader
                    .as_mut()
                    .map(|reader| same.answer_shared(&taken_same, reader));
                sources.read_shared(&taken_sources, reader.as_mut(), &source_slots);
                // The translations' versions are files of the work tree.
                translations.read_shared(&taken_translations, None, &translation_slots);
                drop(retired);
                // Then the comparisons, while the judging goes on.
                let compared = comparing.compare(&sources, &source_slots, answered.as_ref());
                (answered, compared)
            },
            || {
                let this_group: Result<Vec<_>> = chunk
                    .into_iter()
                    .map(|pair| judge(&mut judging, pair))
                    .collect();
                let upcoming = match upcoming {
                    Some(walks) => judging.translations.prefetch_walks(walks).map(|()| true),
                    None => Ok(false),
                };
                if let Ok(true) = upcoming {
                    walked_next.set(true);
                }
                // The group after the next one, planned (its walks back made just above).
                let following = match (&this_group, &upcoming) {
                    (Ok(_), Ok(_)) => plan_next(&mut judging),
                    _ => Ok(None),
                };
                // Then this thread answers, reads and compares what is left beside the other one.
                let helped_same = judging.sources.help_answer(&same, &taken_same);
                judging
                    .sources
                    .help_read(&sources, &taken_sources, &source_slots);
                translations.read_shared(&taken_translations, None, &translation_slots);
                let helped_ahead = comparing.compare(&sources, &source_slots, Some(&helped_same));
                let helped = (helped_same, helped_ahead);
                (
                    this_group.and_then(|g| upcoming.and_then(|_| following.map(|f| (g, f)))),
                    helped,
                )
            },
        );
        if let Some(reader) = reader {
            judging.sources.give_back(reader);
        }
        let (this_group, following) = this_group?;
        planned = following;
        for verdict in this_group {
            judged.add(verdict, warnings);
        }
        // A thread that panicked answered nothing, and the versions it did not put in their places are read, and
        // those questions asked, in turn when needed.
        let (answered, compared) = read.unwrap_or_default();
        let answered: Vec<_> = answered.into_iter().chain([helped_same]).collect();
        judging.sources.store_same(same, answered);
        for found in [compared, helped_ahead] {
            judging.store_ahead(found);
        }
        let read_sources = sources.gather(source_slots);
        let read_translations = translations.gather(translation_slots);
        judging.sources.store_versions(sources, read_sources);
        judging
            .translations
            .store_versions(translations, read_translations);
        group = Some(next);
    }
    judging.cache.save();
    let pages = judged.finish(warnings);
    let parsed = judging.translations.parsed() + judging.sources.parsed();
    // The parsed versions are left for the process's exit to reclaim: freeing a few thousand parsed pages one
    // allocation at a time took 10 ms of a cold 200 ms run on glossary, and every caller is a command that ends
    // soon after (the refiners hold memory only, no thread or file to close).
    std::mem::forget(judging.translations);
    std::mem::forget(judging.sources);
    Ok((pages, parsed))
}

/// The order a first run judges pairs in: source by source (see `judge_pairs`), then in the pairs' order.
fn in_judging_order(a: &Gathered, b: &Gathered) -> std::cmp::Ordering {
    a.pair.source.cmp(&b.pair.source).then(a.at.cmp(&b.at))
}

/// A pair's verdict and the warnings given while judging it.
/// The verdicts, in the pairs' order. Judged in another order, they are kept as they come with their pair's place,
/// then moved to it in place (a second list of every verdict would double the report's memory at its peak); the
/// warnings given while judging them follow their pair's place.
struct Judged {
    pages: Vec<PageStatus>,
    /// The pair's place of each verdict, when the pairs are judged in another order.
    places: Option<Vec<usize>>,
    /// Warnings given while judging, by pair's place (only for pairs that gave some).
    warned: Vec<(usize, Vec<Warning>)>,
}

impl Judged {
    fn new(reordered: bool, pairs: usize) -> Judged {
        Judged {
            pages: Vec::with_capacity(pairs),
            places: reordered.then(|| Vec::with_capacity(pairs)),
            warned: Vec::new(),
        }
    }

    fn add(
        &mut self,
        (at, mut page, found): (usize, PageStatus, Vec<Warning>),
        warnings: &mut Vec<Warning>,
    ) {
        // Kept until the report is written: a list grown one item at a time has room for four.
        page.changed_sections.shrink_to_fit();
        page.signals.shrink_to_fit();
        self.pages.push(page);
        match &mut self.places {
            Some(places) => {
                places.push(at);
                if !found.is_empty() {
                    self.warned.push((at, found));
                }
            }
            None => warnings.extend(found),
        }
    }

    fn finish(mut self, warnings: &mut Vec<Warning>) -> Vec<PageStatus> {
        let Some(mut places) = self.places else {
            return self.pages;
        };
        // Each pair is judged once: the places are the pairs' places, each once. Every swap puts one verdict where
        // it belongs.
        let n = self.pages.len();
        let mut seen = vec![false; n];
        let permutation = places.len() == n
            && places
                .iter()
                .all(|&at| at < n && !std::mem::replace(&mut seen[at], true));
        assert!(permutation, "each pair judged once");
        for i in 0..n {
            while places[i] != i {
                let j = places[i];
                self.pages.swap(i, j);
                places.swap(i, j);
            }
        }
        self.warned.sort_unstable_by_key(|(at, _)| *at);
        for (_, found) in self.warned {
            warnings.extend(found);
        }
        self.pages
    }
}

/// What [`Judging::plan_judge`] plans for a group of pairs.
struct GroupPlan {
    sources: Planned,
    translations: Planned,
    /// Whether the commits that changed the sources last changed their meaning.
    same: crate::engine::refine::SameWork,
    /// Comparisons made by the threads that read the versions.
    ahead: Ahead,
}

/// Pairs whose page versions are read ahead together: enough to keep the cores busy, few enough that their versions
/// and the next group's all stay parsed until the pairs are judged. 32 were as fast as 64, and 15 MB less at the
/// large corpus's peak, until the next group's walks back were made beside the reads: then 64 were faster (the
/// large corpus, cold, interleaved runs, medians of 4: 11.9 s with 32, 11.5 s with 64, the same peak).
const PREFETCH_PAIRS: usize = 64;

/// Pairs read ahead together on a site small enough to be preloaded: each group ends with both threads waiting for
/// each other, and groups of 32 left a core idle a quarter of the judging. Measured (cold, interleaved runs, medians
/// of 9 to 15): glossary 136.2 ms with 32, 128.0 with 128; the harness's 5,000-commit corpus 246.5 ms with 32, 235.6
/// with 128. 64 pairs were between the two on both, 256 slower on the 5,000-commit corpus (282.7 against 257.1 ms).
const PREFETCH_PAIRS_PRELOADED: usize = 128;

/// Groups of pairs (not preloaded) whose translations' commits before their last ones are found in one walk of the
/// history ([`Judging::prefetch_previous_ahead`]): 4,096 pairs. Each walk goes down most of a long history whatever
/// it asks (the large corpus, cold: 12.5 s with 1,024 pairs a walk, 11.9 to 12.2 s with 4,096 or 8,192); one walk for
/// all of them was slower (14.1 s: the sets of paths it carries down are merged and sorted again where walks meet).
const PREVIOUS_AHEAD_GROUPS: usize = 64;

/// Pairs whose sync point moved, set aside on a first run not preloaded until this many are gathered again at once.
const DEFERRED_PAIRS: usize = 512;

/// Cuts `pairs` into groups of `size` pushed onto `groups` the last first, so that popping gives them in order.
fn cut_into_groups(mut pairs: Vec<Gathered>, size: usize, groups: &mut Vec<Vec<Gathered>>) {
    while !pairs.is_empty() {
        let from = (pairs.len() - 1) / size * size;
        groups.push(pairs.split_off(from));
    }
}

/// Stage 1: where each translation's sync point comes from: its pin (read with the page's keys, else read here;
/// nothing in the translation is needed in history mode), else history.
fn sync_sources(
    ws: &Workspace,
    mut read: HashMap<String, PinRead>,
    pairs: Vec<Pair>,
    mode: Mode,
    warnings: &mut Vec<Warning>,
) -> Vec<Gathered> {
    // The pins are read on the machine's cores (front matters are parsed), their warnings kept in the pairs' order.
    let pinned: Vec<&Pair> = pairs
        .iter()
        .filter(|pair| pair.kind == PairKind::Paired && mode != Mode::History)
        .collect();
    let (workdir, keys) = (ws.repo.workdir(), &ws.settings.pin_keys);
    // Pins not read with the pages' keys are read here.
    let mut known: Vec<Option<PinRead>> = pinned
        .iter()
        .map(|pair| read.remove(&pair.translation))
        .collect();
    let unread: Vec<usize> = (0..pinned.len()).filter(|&i| known[i].is_none()).collect();
    let fresh = crate::util::parallel::map(&unread, |&i| {
        let mut found = Vec::new();
        let pin = read_pin(workdir, &pinned[i].translation, keys, &mut found);
        (pin, found)
    });
    for (i, pin) in unread.into_iter().zip(fresh) {
        known[i] = Some(pin);
    }
    let mut pins = known.into_iter().map(|pin| pin.expect("every pin is read"));
    pairs
        .into_iter()
        .enumerate()
        .map(|(at, pair)| {
            let from = match (pair.kind, mode) {
                (PairKind::Paired, Mode::History) => SyncSource::History,
                (PairKind::Paired, mode) => {
                    let (pin, found) = pins.next().expect("one pin read per pair that has one");
                    warnings.extend(found);
                    match pin {
                        Err(reason) => SyncSource::Unusable(reason),
                        Ok(Some(pin)) => SyncSource::Pin(pin),
                        Ok(None) if mode == Mode::Pin => SyncSource::Unusable(Reason::NoPin),
                        Ok(None) => SyncSource::History,
                    }
                }
                _ => SyncSource::Unusable(Reason::NoSyncPoint),
            };
            Gathered {
                pair,
                at,
                from,
                sync: Err(Reason::NoSyncPoint),
                facts: SyncFacts::Unusable(Reason::NoSyncPoint),
                renamed_from: None,
                between_names: Vec::new(),
                source_commits: None,
                inputs: None,
            }
        })
        .collect()
}

/// Stage 2–4: the sync points: each distinct pin resolved once, the last commits of the translations that need one in
/// one walk; or the reason a page has none.
fn sync_points(
    ws: &Workspace,
    gathered: &mut [Gathered],
    site: &site_pairs::SitePairs,
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    let repo = ws.sources();
    let mut pin_commits: HashMap<String, std::result::Result<ObjectId, Reason>> = HashMap::new();
    for g in gathered.iter() {
        if let SyncSource::Pin(pin) = &g.from
            && !pin_commits.contains_key(&pin.value)
        {
            let resolved = resolve_pin(repo, &pin.value)?;
            pin_commits.insert(pin.value.clone(), resolved);
        }
    }
    let history_paths: Vec<String> = gathered
        .iter()
        .filter(|g| matches!(g.from, SyncSource::History))
        .map(|g| g.pair.translation.clone())
        .collect();
    let mut translation_commits: HashMap<String, String> = HashMap::new();
    let last_touches = if history_paths.is_empty() {
        HashMap::new()
    } else {
        if ws.repo.is_shallow() {
            return Err(Error::ShallowHistory);
        }
        let mut touches = ws.repo.last_touches(&history_paths)?;
        moved_in_work_tree(ws, &mut touches, site)?;
        match &ws.source_repo {
            None => touches,
            Some(sources) => {
                // The translations' own commits, said beside the sources' commit they chose.
                translation_commits.extend(touches.iter().filter_map(
                    |(path, touch)| match touch {
                        LastTouchAt::Commit(commit) => Some((path.clone(), commit.to_string())),
                        _ => None,
                    },
                ));
                translation_commits_to_sources(&ws.repo, sources, touches)?
            }
        }
    };
    let point = |method, commit: ObjectId| SyncPoint {
        method,
        commit: commit.to_string(),
        skipped_commits: 0,
        skipped: Vec::new(),
        translation_commit: None,
        time: None,
    };
    for g in gathered.iter_mut() {
        g.sync = match &g.from {
            SyncSource::Unusable(reason) => Err(*reason),
            SyncSource::Pin(pin) => match pin_commits[&pin.value] {
                Ok(commit) => Ok(point(SyncMethod::Pin, commit)),
                Err(reason) => {
                    warnings.push(pin_warning(&g.pair.translation, pin, reason));
                    Err(reason)
                }
            },
            SyncSource::History => match last_touches.get(&g.pair.translation) {
                Some(LastTouchAt::Commit(commit)) => Ok(SyncPoint {
                    translation_commit: translation_commits.remove(&g.pair.translation),
                    ..point(SyncMethod::History, *commit)
                }),
                Some(LastTouchAt::BeyondShallowBoundary) => return Err(Error::ShallowHistory),
                Some(LastTouchAt::NotInHead) | None => Err(Reason::NoSyncPoint),
            },
        };
    }
    Ok(())
}

/// Translations moved in the work tree and not committed yet (the `git mv` a report printed for a renamed source,
/// before its commit): a translation HEAD lacks that holds the bytes, or most of them, of a path HEAD has and the disk
/// no longer does ([`GitRepo::moved_in_work_tree`]) takes that path's last commit. It had no sync point ("no commit
/// touched the translation yet") until the commit.
fn moved_in_work_tree(
    ws: &Workspace,
    touches: &mut HashMap<String, LastTouchAt>,
    site: &site_pairs::SitePairs,
) -> Result<()> {
    let unborn: Vec<(String, ObjectId)> = (touches.iter())
        .filter(|(_, touch)| matches!(touch, LastTouchAt::NotInHead))
        .filter_map(|(path, _)| Some((path.clone(), *site.translation_blobs.get(path)?)))
        .collect();
    if unborn.is_empty() {
        return Ok(());
    }
    let settings = &ws.settings;
    let dirs: Vec<String> = (settings.targets.iter())
        .map(|lang| settings.content_dir(lang).to_owned())
        .collect();
    let on_disk = |path: &str| {
        site.translation_blobs.contains_key(path) || site.source_blobs.contains_key(path)
    };
    let gone = gone_from_disk(ws, &ws.repo, dirs, on_disk)?;
    let moved = ws.repo.moved_in_work_tree(&gone, &unborn)?;
    if moved.is_empty() {
        return Ok(());
    }
    let olds: Vec<String> = moved.values().cloned().collect();
    let mut then = ws.repo.last_touches(&olds)?;
    for (path, old) in moved {
        if let Some(touch) = then.remove(&old) {
            touches.insert(path, touch);
        }
    }
    Ok(())
}

/// The pages HEAD has under `dirs` (repo-relative; `.` the top) that are gone from the disk (`on_disk` says which
/// pages the site read).
fn gone_from_disk(
    ws: &Workspace,
    repo: &GitRepo,
    dirs: Vec<String>,
    on_disk: impl Fn(&str) -> bool,
) -> Result<Vec<String>> {
    let mut dirs: Vec<String> = (dirs.iter())
        .map(|dir| dir.trim_matches('/'))
        .map(|dir| {
            if dir == "." {
                String::new()
            } else {
                dir.to_owned()
            }
        })
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    Ok((repo.files_at(repo.head(), &dirs)?.into_iter())
        .filter(|path| ws.settings.is_page(path) && !on_disk(path))
        .filter(|path| !repo.workdir().join(path).exists())
        .collect())
}

/// Stage 6: commits behind: the source's commits since each sync point, one walk per distinct sync point.
/// Without `--strict` a source renamed since the sync point counts the commits under its former names too (a change
/// made before a rename is a change; git's `rev-list -- <source>` sees only the new name, and `--strict` keeps that
/// answer).
fn commits_since(repo: &GitRepo, gathered: &mut [Gathered], strict: bool) -> Result<()> {
    // The former names queried for each pair: those between, then the name at the sync point.
    let formers: Vec<Vec<String>> = gathered
        .iter()
        .map(|g| {
            if strict {
                return Vec::new();
            }
            let at_sync = g
                .renamed_from
                .iter()
                .filter(|former| **former != g.pair.source);
            g.between_names.iter().chain(at_sync).cloned().collect()
        })
        .collect();
    let mut queries: Vec<(String, ObjectId)> = Vec::new();
    for (g, former) in gathered.iter().zip(&formers) {
        if let Some(sync) = g.sync_point() {
            let sync = parse_oid(&sync.commit);
            queries.push((g.pair.source.clone(), sync));
            queries.extend(former.iter().map(|name| (name.clone(), sync)));
        }
    }
    if queries.is_empty() {
        return Ok(());
    }
    let mut changes = repo.source_changes(&queries)?.into_iter();
    for (g, former) in gathered.iter_mut().zip(&formers) {
        if g.sync_point().is_some() {
            let mut commits = changes.next().flatten();
            // Newest first: the commits under each former name are older than the rename from it.
            for _ in former {
                let before = changes.next().flatten();
                commits = match (commits, before) {
                    (Some(mut commits), Some(before)) => {
                        let seen: HashSet<ObjectId> = commits.iter().copied().collect();
                        commits.extend(before.into_iter().filter(|c| !seen.contains(c)));
                        Some(commits)
                    }
                    _ => None,
                };
            }
            g.source_commits = commits;
        }
    }
    Ok(())
}

/// Stage 7: the dates of the sync points (author dates, as `git log` shows), for people; remembered by commit in the
/// refine cache (a commit's date never changes), so a second run reads no commit for them.
fn sync_times(repo: &GitRepo, gathered: &mut [Gathered], cache: &mut RefineCache) {
    for g in gathered.iter_mut() {
        if let Ok(sync) = &mut g.sync {
            let commit = parse_oid(&sync.commit);
            sync.time = cache.author_time(commit).or_else(|| {
                let time = repo.author_time(commit).ok();
                if let Some(time) = time {
                    cache.remember_author_time(commit, time);
                }
                time
            });
        }
    }
}

/// The readers and the cache that the judging of every pair shares.
struct Judging<'w> {
    ws: &'w Workspace,
    site: &'w site_pairs::SitePairs,
    options: &'w Options,
    /// Reads the translations' versions (this repository).
    translations: Refiner<'w>,
    /// Reads the sources' versions (the sources' repository).
    sources: Refiner<'w>,
    /// What earlier runs concluded (keyed by contents and commits), so that a run with nothing new parses nothing.
    cache: RefineCache,
    /// Structure comparisons made ahead by the thread that reads a group's versions, by (source, translation).
    structures: HashMap<(String, String), crate::drift::structure::Structure>,
    /// Sources already warned of for a front matter that does not parse (one warning per source, not per language).
    bad_sources: HashSet<String>,
    /// Sources that are Git LFS pointers in the work tree (the page itself not pulled): their translations' reason.
    lfs_sources: HashSet<String>,
}

impl<'w> Judging<'w> {
    fn new(
        ws: &'w Workspace,
        site: &'w site_pairs::SitePairs,
        options: &'w Options,
        cache: RefineCache,
    ) -> Self {
        let settings = &ws.settings;
        Judging {
            ws,
            site,
            options,
            translations: Refiner::new(&ws.repo, settings.site_context(), &settings.skip_commits),
            sources: Refiner::new(
                ws.sources(),
                settings.site_context(),
                &settings.skip_commits,
            ),
            // Under `--strict` too: it remembers the byte-changed sections that explain a stale page.
            cache,
            structures: HashMap::new(),
            bad_sources: HashSet::new(),
            lfs_sources: HashSet::new(),
        }
    }

    /// Keeps the comparisons made ahead.
    fn store_ahead(&mut self, found: ComparedAhead) {
        self.sources.store_drifts(found.drifts);
        self.structures.extend(found.structures);
    }

    /// Whether translations are walked back over their bookkeeping commits in this run: not under `--strict`, and
    /// not with two repositories (the sync point is then a source commit found by date).
    fn walks_back(&self) -> bool {
        !self.options.strict && self.ws.source_repo.is_none()
    }

    /// Stage 4b: masked drift: a history sync point that only reformatted the translation (or touched bookkeeping keys)
    /// is not a sync; the commit before it is. (With two repositories the sync point is a source commit found by date:
    /// the translation's commits are not walked back.)
    /// Returns whether a sync point moved.
    fn unmask(&mut self, gathered: &mut [Gathered]) -> Result<bool> {
        let mut moved = false;
        if !self.walks_back() {
            return Ok(moved);
        }
        for g in gathered.iter_mut() {
            let (SyncSource::History, Ok(point), PairKind::Paired) =
                (&g.from, g.sync.as_mut(), g.pair.kind)
            else {
                continue;
            };
            let translation = &g.pair.translation;
            let (commit, skipped) = match self.cache.sync(translation, &point.commit) {
                Some(known) => known,
                None => {
                    let (commit, passed) = self
                        .translations
                        .meaningful_sync(translation, parse_oid(&point.commit))?;
                    let mut skipped = Vec::with_capacity(passed.len());
                    for commit in passed {
                        let directive = self.translations.has_directive(commit, translation)?;
                        let keys = match directive {
                            true => Vec::new(),
                            false => self.translations.keys_changed_by(commit, translation)?,
                        };
                        let subject = self
                            .ws
                            .repo
                            .commit_info(commit)
                            .map(|info| crate::engine::refine::subject(&info.message))
                            .unwrap_or_default();
                        skipped.push(PassedOver {
                            commit,
                            keys,
                            directive,
                            subject,
                        });
                    }
                    self.cache.remember_sync(
                        translation,
                        &point.commit,
                        commit.to_string(),
                        skipped.clone(),
                    );
                    (commit.to_string(), skipped)
                }
            };
            moved |= point.commit != commit;
            point.commit = commit;
            point.skipped_commits = skipped.len();
            let mut named = Vec::with_capacity(skipped.len());
            for PassedOver {
                commit: id,
                keys,
                directive,
                subject,
            } in skipped
            {
                let why = if directive {
                    SkipWhy::Directive
                } else {
                    SkipWhy::Bookkeeping
                };
                named.push(crate::report::SkippedCommit {
                    commit: id.to_string(),
                    subject,
                    side: "translation",
                    why: why.as_str(),
                    keys,
                    follows_source: false,
                    directive: None,
                });
            }
            point.skipped = named;
        }
        Ok(moved)
    }

    /// Before masked drift is looked for in `chunk`: the translations' walks back are made ahead, all together, with
    /// whether each commit reached changed its translation's meaning answered on the machine's cores.
    fn prefetch_unmask(&mut self, chunk: &[Gathered]) -> Result<()> {
        match self.walks_to_prefetch(chunk) {
            Some(walks) => self.translations.prefetch_walks(walks),
            None => Ok(()),
        }
    }

    /// The walks back [`prefetch_unmask`](Self::prefetch_unmask) makes for `chunk`: (translation, last commit,
    /// whether it will be compared with its source block by block). `None` where no walk back is made.
    fn walks_to_prefetch(&self, chunk: &[Gathered]) -> Option<Vec<(String, ObjectId, bool)>> {
        if !self.walks_back() {
            return None;
        }
        let mut walks = Vec::new();
        for g in chunk {
            if let Some(last) = self.walk_to_make(g) {
                // A page the bytes call current is compared with its source block by block.
                let compared = bytes_verdict(g).state == State::Current;
                walks.push((g.pair.translation.clone(), last, compared));
            }
        }
        Some(walks)
    }

    /// The translation's last commit, when its walk back over bookkeeping commits is still to be made: a paired page
    /// whose sync point history gives, not remembered by the refine cache.
    fn walk_to_make(&self, g: &Gathered) -> Option<ObjectId> {
        let (SyncSource::History, Ok(point), PairKind::Paired) =
            (&g.from, g.sync.as_ref(), g.pair.kind)
        else {
            return None;
        };
        let remembered = self
            .cache
            .sync(&g.pair.translation, &point.commit)
            .is_some();
        (!remembered).then(|| parse_oid(&point.commit))
    }

    /// Before the next `groups` of pairs are judged (the last one first): the commit before each translation's last
    /// one, found in one walk for all of them (the first step of their walks back asks it of a third of them).
    fn prefetch_previous_ahead(&mut self, groups: &[Vec<Gathered>]) -> Result<()> {
        if !self.walks_back() {
            return Ok(());
        }
        let asked = groups
            .iter()
            .flatten()
            .filter_map(|g| Some((self.walk_to_make(g)?, g.pair.translation.clone())))
            .collect();
        self.translations.prefetch_previous_ahead(asked)
    }

    /// Before the pairs of `chunk` are judged: the versions their verdicts will read (the source at the sync point and
    /// now, the translation now), and whether the source's newest commit changed its meaning, read ahead on the
    /// machine's cores. Pairs whose verdict is remembered need nothing.
    fn prefetch_judge(&mut self, chunk: &mut [Gathered]) -> Result<()> {
        let GroupPlan {
            sources,
            translations,
            same,
            mut ahead,
        } = self.plan_judge(chunk)?;
        self.sources.answer_same(same);
        if ahead.is_empty() {
            for (refiner, planned) in [
                (&mut self.sources, sources),
                (&mut self.translations, translations),
            ] {
                refiner.prefetch_planned(planned);
            }
            return Ok(());
        }
        // The group's comparisons are made by the threads that read its versions, as for the groups after it.
        self.sources.complete(&mut ahead);
        let comparing = ahead.work();
        let (source_slots, translation_slots) = (sources.slots(), translations.slots());
        let (taken_sources, taken_translations) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let mut reader = self.sources.spare_reader();
        let (compared, helped) = crate::util::parallel::beside(
            || {
                sources.read_shared(&taken_sources, reader.as_mut(), &source_slots);
                translations.read_shared(&taken_translations, None, &translation_slots);
                comparing.compare(&sources, &source_slots, None)
            },
            || {
                self.sources
                    .help_read(&sources, &taken_sources, &source_slots);
                translations.read_shared(&taken_translations, None, &translation_slots);
                comparing.compare(&sources, &source_slots, None)
            },
        );
        if let Some(reader) = reader {
            self.sources.give_back(reader);
        }
        for found in compared.into_iter().chain([helped]) {
            self.store_ahead(found);
        }
        let read_sources = sources.gather(source_slots);
        let read_translations = translations.gather(translation_slots);
        self.sources.store_versions(sources, read_sources);
        self.translations
            .store_versions(translations, read_translations);
        Ok(())
    }

    /// Under `--strict`, on a first run: the sources at the sync points that explain the first stale pages in the
    /// judging's order (source by source), as many as the refiner keeps in a generation.
    fn plan_early_sources(&mut self, gathered: &[Gathered]) -> Result<Planned> {
        let mut order: Vec<&Gathered> = gathered.iter().collect();
        order.sort_unstable_by(|a, b| in_judging_order(a, b));
        let mut wanted = Vec::new();
        let mut seen = HashSet::new();
        for g in order {
            let Some(sync) = g.sync_point() else {
                continue;
            };
            if explained_by_byte_sections(&bytes_verdict(g))
                && let Some(old) = self
                    .sources
                    .entry(parse_oid(&sync.commit), &g.pair.source)?
                && seen.insert(old)
            {
                wanted.push(Wanted::Blob(old));
                if wanted.len() == KEPT_VERSIONS / 2 {
                    break;
                }
            }
        }
        Ok(self.sources.plan_versions(wanted))
    }

    /// What judging the pairs of `chunk` will read: the sources' versions, the translations' (planned, to be read
    /// ahead), and whether the commits that changed the sources last changed their meaning (questions answered
    /// beside the reads).
    fn plan_judge(&mut self, chunk: &mut [Gathered]) -> Result<GroupPlan> {
        let (mut sources, mut translations, mut asked) = (Vec::new(), Vec::new(), Vec::new());
        // The sources at the sync points, read next: kept when the question below parses one first.
        let mut at_sync_points = HashSet::new();
        let mut ahead = Ahead::default();
        for g in chunk.iter_mut() {
            let (Some(sync), SyncFacts::Known { at_sync, now }) = (g.sync_point(), &g.facts) else {
                continue;
            };
            let pair = &g.pair;
            let bytes = bytes_verdict(g);
            let sync_commit = parse_oid(&sync.commit);
            let then = g.renamed_from.as_deref().unwrap_or(&pair.source);
            // A page the bytes call current is compared with its source block by block (a stale one, mostly not:
            // its changed sections settle it).
            let compared = bytes.state == State::Current;
            let translation = Wanted::File(
                pair.translation.clone(),
                self.site.translation_blobs.get(&pair.translation).copied(),
                compared,
            );
            let source_now = Wanted::File(
                pair.source.clone(),
                self.site.source_blobs.get(&pair.source).copied(),
                compared,
            );
            if self.options.strict {
                // What `byte_sections` reads.
                if explained_by_byte_sections(&bytes)
                    && !self.cache.knows_verdict(byte_sections_key(at_sync, now))
                    && let Some(old) = self.sources.entry(sync_commit, &pair.source)?
                {
                    sources.push(Wanted::Blob(old));
                    sources.push(source_now);
                    // Compared by the thread that reads them, while the group before is judged.
                    if at_sync_points.insert(old)
                        && let Some(drift) = self.sources.plan_byte_drift(old, &pair.source)
                    {
                        ahead.drifts.push(drift);
                    }
                }
                continue;
            }
            let inputs = self.inputs(g, &bytes);
            g.inputs = Some(inputs);
            let Some(key) = inputs else {
                continue;
            };
            if self.cache.knows_verdict(key) {
                continue;
            }
            match bytes.state {
                State::Stale => {
                    if let Some(old) = self.sources.entry(sync_commit, then)? {
                        sources.push(Wanted::Blob(old));
                        // Translations into several languages share the comparison.
                        if at_sync_points.insert(old)
                            && let Some(drift) = self.sources.plan_drift(old, &pair.source)
                        {
                            ahead.drifts.push(drift);
                        }
                    }
                    if let Some(&newest) = g.source_commits.iter().flatten().next()
                        && let Some(after) = self.sources.entry(newest, &pair.source)?
                        && let Some(&parent) = self.ws.sources().parents(newest)?.first()
                        && let Some(before) = self.sources.entry(parent, &pair.source)?
                    {
                        asked.push((before, after, false));
                    }
                }
                State::Current => {
                    let key = (pair.source.clone(), pair.translation.clone());
                    let translation_id =
                        self.site.translation_blobs.get(&pair.translation).copied();
                    if !self.structures.contains_key(&key)
                        && let Some(source) = self.sources.parsed_now(&pair.source, None)
                        && let Some(translation) = self
                            .translations
                            .parsed_now(&pair.translation, translation_id)
                    {
                        ahead.structures.push(StructureAhead {
                            key,
                            source,
                            translation,
                        });
                    }
                }
                _ => continue,
            }
            sources.push(source_now);
            translations.push(translation);
        }
        self.sources.forget_same();
        let same = self
            .sources
            .plan_same(asked, false, &HashSet::new(), &at_sync_points);
        // The sources the questions parse are theirs to read.
        let parsing = same.parsing();
        sources.retain(|want| !matches!(want, Wanted::Blob(id) if parsing.contains(id)));
        Ok(GroupPlan {
            sources: self.sources.plan_versions(sources),
            translations: self.translations.plan_versions(translations),
            same,
            ahead,
        })
    }

    /// The refinement's inputs for a pair the bytes call current or stale: everything its answer depends on
    /// (contents by blob id, the commits), as one fingerprint for the cache.
    fn inputs(&self, g: &Gathered, bytes: &Verdict) -> Option<u64> {
        let sync = g.sync_point()?;
        let SyncFacts::Known { at_sync, now } = &g.facts else {
            return None;
        };
        if self.options.strict || !matches!(bytes.state, State::Current | State::Stale) {
            return None;
        }
        let pair = &g.pair;
        // Hashed when the pages were read for their keys.
        let translation_id = self
            .site
            .translation_blobs
            .get(&pair.translation)
            .copied()
            .or_else(|| {
                std::fs::read(self.ws.repo.workdir().join(&pair.translation))
                    .ok()
                    .map(|bytes| GitRepo::hash_blob(&bytes))
            })
            .map(|id| id.as_slice().to_vec())
            .unwrap_or_default();
        // Raw bytes, not text: the fingerprint is all they are for.
        let commits: Vec<u8> = g
            .source_commits
            .iter()
            .flatten()
            .flat_map(|c| c.as_slice().iter().copied())
            .collect();
        let blob = |b: &Option<SourceBlob>| -> Vec<u8> {
            b.map(|b| {
                let mode = b.mode.map_or([0xff; 5], |m| {
                    let [a, b, c, d] = m.to_le_bytes();
                    [0, a, b, c, d]
                });
                [&b.id[..], &mode[..]].concat()
            })
            .unwrap_or_default()
        };
        Some(fingerprint(&[
            bytes.state.as_str().as_bytes(),
            bytes.reason.code().as_bytes(),
            sync.commit.as_bytes(),
            pair.source.as_bytes(),
            g.renamed_from.as_deref().unwrap_or("").as_bytes(),
            g.between_names.join("\n").as_bytes(),
            pair.translation.as_bytes(),
            &blob(at_sync),
            &blob(now),
            &translation_id,
            &commits,
            &self.twins(&pair.language).fingerprint().to_le_bytes(),
        ]))
    }

    /// Warns, once per source, of a source that cannot be read section by section: its front matter's error now,
    /// else the commit of the version at the sync point that does not parse.
    fn warn_bad_source(&mut self, pair: &Pair, sync: &SyncPoint, warnings: &mut Vec<Warning>) {
        if !self.bad_sources.insert(pair.source.clone()) {
            return;
        }
        let now = std::fs::read(
            self.ws
                .workdir_of(&self.ws.settings.source)
                .join(&pair.source),
        );
        // Not text as tandem reads it (Latin-1, UTF-16): said so, with the conversion, not blamed on the front
        // matter.
        if let Ok(bytes) = &now
            && (std::str::from_utf8(bytes).is_err() || crate::util::lfs::is_pointer(bytes))
        {
            if crate::util::lfs::is_pointer(bytes) {
                self.lfs_sources.insert(pair.source.clone());
            }
            let _ = page_text(&pair.source, bytes.clone(), warnings);
            return;
        }
        let now = now.map(|bytes| String::from_utf8(bytes).unwrap_or_default());
        warnings.push(match now.map(|text| frontmatter::parse(&text).err()) {
            Ok(Some(err)) => Warning {
                file: pair.source.clone(),
                line: Some(err.line),
                message: err.warning(),
            },
            _ => Warning {
                file: pair.source.clone(),
                line: None,
                message: Message::new("warn-bad-front-matter-at")
                    .arg("commit", crate::report::abbrev(&sync.commit)),
            },
        });
    }

    /// Under `--strict`: the sections of the source whose bytes changed since the sync point, cosmetic ones included
    /// (the translation is not read: that mode is the fast one). Remembered by the two blobs, so a second run parses
    /// nothing. `None` when a version does not parse.
    fn byte_sections(
        &mut self,
        pair: &Pair,
        sync: &SyncPoint,
        at_sync: &Option<SourceBlob>,
        now: &Option<SourceBlob>,
    ) -> Result<Option<Vec<ChangedSection>>> {
        let key = byte_sections_key(at_sync, now);
        if let Some(known) = self.cache.verdict(key) {
            return Ok(Some(known.changed_sections));
        }
        let old = self.sources.at(parse_oid(&sync.commit), &pair.source)?;
        let (old, new) = (old, self.sources.file(&pair.source));
        if matches!(old, Version::Unparsable) || matches!(new, Version::Unparsable) {
            return Ok(None);
        }
        let (Version::Parsed { text: a, doc: old }, Version::Parsed { text: b, doc: new }) =
            (old, new)
        else {
            return Ok(Some(Vec::new()));
        };
        // Compared ahead when the group's versions were read.
        let drift = match self.sources.entry(parse_oid(&sync.commit), &pair.source)? {
            Some(id) => self
                .sources
                .section_drift(id, &pair.source, (&a, &old), (&b, &new)),
            None => crate::drift::sections::section_drift(&old, &new, &a, &b),
        };
        let sections = explain(
            &self.ws.settings,
            &drift,
            &old,
            &new,
            &Version::Absent,
            true,
            LinkTwins::none(),
        )
        .0;
        self.cache.remember_verdict(
            key,
            Refined {
                state: State::Stale,
                reason: Reason::SourceChanged,
                severity: Severity::None,
                changed_sections: sections.clone(),
                signals: Vec::new(),
                skipped: Vec::new(),
            },
        );
        Ok(Some(sections))
    }

    /// See [`drop_uncounted`]: the page's source at the sync point (under `then`) and now.
    fn drop_uncounted(
        &mut self,
        pair: &Pair,
        (then, sync): (&str, &SyncPoint),
        skipped: &[SkippedSource],
        sections: &mut Vec<ChangedSection>,
    ) -> Result<bool> {
        drop_uncounted(
            &mut self.sources,
            &pair.source,
            then,
            parse_oid(&sync.commit),
            skipped,
            sections,
        )
    }

    /// Marks the front-matter keys of a stale page's changed sections that the translation already followed: a key
    /// the walk back over translation commits does not count (in no translated list: `tags` where the defaults call
    /// it mirrored), translated on this page, that one of the translation commits the walk passed over set to its
    /// present value when the source already had its own present value of it (seen on a glossary site: English terms
    /// gained tags, and months later one commit translated the tags of every Spanish term; the walk passed that commit
    /// over, so the tags stayed "to update"). The front-matter section is in the translation when all its keys are,
    /// else its severity is that of the keys left. Returns whether anything was marked. Only for pages whose source
    /// and translation share a repository (the source's commits are read in the translation's history).
    fn keys_followed(
        &mut self,
        g: &Gathered,
        translation: &Version,
        sections: &mut [ChangedSection],
    ) -> Result<bool> {
        let (Version::Parsed { doc, .. }, None) = (translation, &self.ws.source_repo) else {
            return Ok(false);
        };
        let Some(section) = sections
            .iter_mut()
            .find(|c| c.kind == crate::report::SectionKind::FrontMatter)
        else {
            return Ok(false);
        };
        let now = doc.front_matter_values();
        // The translation's commits since the sync point, newest first.
        let passed: Vec<ObjectId> = g
            .sync_point()
            .map(|sync| {
                sync.skipped
                    .iter()
                    .filter(|c| c.side == "translation")
                    .filter_map(|c| ObjectId::from_hex(c.commit.as_bytes()).ok())
                    .collect()
            })
            .unwrap_or_default();
        if passed.is_empty() {
            return Ok(false);
        }
        let classes = &self.ws.settings.front_matter;
        // The front matter each passed-over commit left and the one it found (read once for every key).
        type Values = Option<std::collections::BTreeMap<String, String>>;
        let mut edits: Vec<(ObjectId, Values, Values)> = Vec::with_capacity(passed.len());
        let mut marked = false;
        for key in section.keys.iter_mut() {
            // Keys the translated list covers already count in the walk back.
            if key.class != KeyClass::Translated
                || classes.lists_translated(&key.key)
                || classes.names(&key.key)
            {
                continue;
            }
            let Some(there) = now.get(&key.key) else {
                continue;
            };
            if edits.is_empty() {
                for &commit in &passed {
                    let after = self
                        .translations
                        .front_matter_values_at(commit, &g.pair.translation)?;
                    let mut before = None;
                    for parent in self.ws.repo.parents(commit)? {
                        before = self
                            .translations
                            .front_matter_values_at(parent, &g.pair.translation)?;
                        if before.is_some() {
                            break;
                        }
                    }
                    edits.push((commit, after, before));
                }
            }
            // The translation's newest commit since the sync point that changed the key: among those the walk back
            // passed over (a meaningful one would be the sync point).
            fn value<'v>(values: &'v Values, key: &str) -> Option<&'v String> {
                values.as_ref().and_then(|v| v.get(key))
            }
            let edited_in = edits
                .iter()
                .find(|(_, after, before)| {
                    value(after, &key.key) != value(before, &key.key)
                        && value(after, &key.key) == Some(there)
                })
                .map(|(commit, ..)| *commit);
            // Followed: made when the source already had the value it has now.
            let Some(edited_in) = edited_in else {
                continue;
            };
            let source_then = self
                .sources
                .front_matter_values_at(edited_in, &g.pair.source)?;
            if source_then.as_ref().and_then(|v| v.get(&key.key)) == key.new.as_ref() {
                key.in_translation = true;
                key.translated_in = Some(edited_in.to_string());
                marked = true;
            }
        }
        if !marked {
            return Ok(false);
        }
        if section.keys.iter().all(|k| k.in_translation) {
            section.in_translation = true;
        } else {
            section.severity = if section
                .keys
                .iter()
                .any(|k| !k.in_translation && k.class == KeyClass::Translated)
            {
                Severity::High
            } else {
                Severity::Low
            };
        }
        Ok(true)
    }

    /// The names of `language`'s pages where they differ from their sources'.
    fn twins(&self, language: &str) -> &'w LinkTwins {
        self.site
            .link_twins
            .get(language)
            .unwrap_or_else(|| LinkTwins::none())
    }

    /// The translation as it is now, parsed once: by its blob id (hashed when the pages were read for their keys), so
    /// the version parsed when its last commit was checked is the one compared.
    fn translation(&mut self, pair: &Pair) -> Version {
        match self.site.translation_blobs.get(&pair.translation) {
            Some(&id) => self.translations.file_as(&pair.translation, id),
            None => self.translations.file(&pair.translation),
        }
    }

    /// One pair's verdict and its explanation.
    fn judge(&mut self, g: Gathered, warnings: &mut Vec<Warning>) -> Result<PageStatus> {
        let pair = &g.pair;
        // A translation left unpaired because its front matter cannot be read: its keys are unknown, not absent.
        let unreadable_translation = pair.kind == PairKind::Orphaned
            && self
                .site
                .bad_translations
                .get(&pair.translation)
                .is_some_and(|warning| {
                    warnings.push(warning.clone());
                    true
                });
        let mut facts = PairFacts {
            kind: pair.kind,
            sync: g.facts.clone(),
            source_renamed: g.renamed_from.is_some(),
            unreadable_translation,
            refinement: None,
            structure: None,
        };
        // The verdict of the bytes alone (`--strict`'s): what the refinement starts from.
        let bytes = drift::judge::judge(&facts);
        let inputs = g.inputs.unwrap_or_else(|| self.inputs(&g, &bytes));
        let mut changed_sections = Vec::new();
        let mut signals = Vec::new();
        // Source commits since the sync point the verdict did not count (directives, one commit on both sides).
        let mut source_skipped = Vec::new();
        let verdict = if let Some(known) = inputs.and_then(|key| self.cache.verdict(key)) {
            changed_sections = known.changed_sections;
            signals = known.signals;
            source_skipped = known.skipped;
            Verdict {
                state: known.state,
                reason: known.reason,
                severity: known.severity,
                signals_explain: !signals.is_empty(),
            }
        } else if let (Some(sync), Some(key)) = (g.sync_point(), inputs) {
            let then = g.renamed_from.as_deref().unwrap_or(&pair.source);
            if bytes.state == State::Stale {
                // One commit, both sides: only when both pages live in this repository.
                let translation_here = self
                    .ws
                    .source_repo
                    .is_none()
                    .then_some(pair.translation.as_str());
                let (judgement, skipped) = self.sources.judge_stale(
                    &pair.source,
                    then,
                    &g.between_names,
                    parse_oid(&sync.commit),
                    g.source_commits.as_deref(),
                    translation_here,
                )?;
                source_skipped = skipped;
                let translation = self.translation(pair);
                let twins = self.twins(&pair.language);
                let (mut refinement, mut sections) =
                    refinement(&self.ws.settings, judgement, &translation, twins);
                if matches!(refinement, Refinement::Changed { .. })
                    && self.keys_followed(&g, &translation, &mut sections)?
                {
                    refinement = refined_again(&sections);
                }
                if matches!(refinement, Refinement::Changed { .. })
                    && self.drop_uncounted(pair, (then, sync), &source_skipped, &mut sections)?
                {
                    refinement = refined_again(&sections);
                }
                if refinement == Refinement::MissingBlob {
                    warnings.push(Warning {
                        file: pair.source.clone(),
                        line: None,
                        message: Message::new("warn-missing-blob")
                            .arg("commit", crate::report::abbrev(&sync.commit)),
                    });
                }
                // A source whose front matter does not parse, now or at the sync point: what changed cannot be
                // shown, and the warning says where to look.
                if refinement == Refinement::Unparsed {
                    self.warn_bad_source(pair, sync, warnings);
                }
                changed_sections = sections;
                facts.refinement = Some(refinement);
            }
            // The structure can change nothing for a page already stale with a high, explained change (and
            // comparing it is most of the work on such pages): it is not compared.
            let settled = matches!(
                facts.refinement,
                Some(Refinement::Changed {
                    severity: Severity::High,
                    explained: true,
                    mirrored_only: false,
                })
            );
            let ahead = self
                .structures
                .remove(&(pair.source.clone(), pair.translation.clone()));
            let structure = if settled || facts.refinement == Some(Refinement::MissingBlob) {
                None
            } else if ahead.is_some() {
                ahead
            } else {
                let translation = self.translation(pair);
                self.sources
                    .structure_with(&pair.source, translation)
                    .map(|(structure, _, _)| structure)
            };
            facts.structure = structure.as_ref().map(|s| s.severity());
            let verdict = drift::judge::judge(&facts);
            if verdict.signals_explain
                && let Some(structure) = structure
            {
                signals = structure.signals;
            }
            if verdict.state != State::Unknown {
                self.cache.remember_verdict(
                    key,
                    Refined {
                        state: verdict.state,
                        reason: verdict.reason,
                        severity: verdict.severity,
                        changed_sections: changed_sections.clone(),
                        signals: signals.clone(),
                        skipped: source_skipped.clone(),
                    },
                );
            }
            verdict
        } else {
            // Bytes only (`--strict`, or no sync point): a stale page is explained by the sections whose bytes
            // changed, cosmetic ones included.
            let mut bytes = bytes;
            if let (Some(sync), SyncFacts::Known { at_sync, now }) = (g.sync_point(), &g.facts)
                && explained_by_byte_sections(&bytes)
            {
                match self.byte_sections(pair, sync, at_sync, now)? {
                    Some(sections) => changed_sections = sections,
                    // A source that cannot be read section by section is a bad page, as without `--strict`: stale
                    // with nothing to show would be a verdict nobody can act on.
                    None => {
                        bytes = Verdict {
                            state: State::Unknown,
                            reason: Reason::SourceBadFrontMatter,
                            severity: Severity::None,
                            signals_explain: false,
                        };
                        self.warn_bad_source(pair, sync, warnings);
                    }
                }
            }
            bytes
        };
        let commits_behind = g
            .source_commits
            .as_ref()
            .map(|commits| commits.len() as u32);
        let section = pairing::site_section(&pair.section_path);
        // What was gathered moves into the verdict (a large site's names would otherwise be held twice).
        let Gathered {
            pair,
            from,
            sync,
            renamed_from: renamed_at_sync,
            ..
        } = g;
        let sync = match (sync, pair.kind) {
            (Ok(sync), PairKind::Paired) => Some(sync),
            _ => None,
        }
        .map(|mut sync| {
            name_keys_followed(&mut sync.skipped, &changed_sections);
            sync.skipped
                .extend(source_skipped.iter().map(|c| c.to_report()));
            sync
        });
        let (detail, detail_line) = match from {
            SyncSource::Pin(pin) => (Some(pin.value), Some(pin.line)),
            _ => (None, None),
        };
        let renamed_to = match (pair.renamed_to, &renamed_at_sync) {
            (Some(to), _) => Some(to),
            (None, Some(_)) => Some(pair.source.clone()),
            (None, None) => None,
        };
        // A translation fork's page still the source's text was left out of the pages: it is missing, said so.
        let reason = match (verdict.reason, &self.ws.source_repo) {
            // The source cannot be compared because it is an LFS pointer: said so, not blamed on its front matter.
            (Reason::SourceBadFrontMatter, _) if self.lfs_sources.contains(&pair.source) => {
                Reason::LfsPointer
            }
            (Reason::NotTranslated, Some(_))
                if self.ws.repo.workdir().join(&pair.translation).is_file() =>
            {
                Reason::SourceCopy
            }
            (reason, _) => reason,
        };
        Ok(PageStatus {
            language: pair.language,
            source: pair.source,
            translation: pair.translation,
            state: verdict.state,
            reason,
            sync,
            commits_behind,
            paired_by: pair.paired_by,
            severity: verdict.severity,
            changed_sections,
            signals,
            section,
            extras: crate::report::PageExtras {
                renamed_to,
                renamed_from: renamed_at_sync.or(pair.renamed_from),
                move_to: pair.move_to,
                detail,
                detail_line,
                source_deleted: None,
            }
            .boxed(),
        })
    }
}

/// Marks each translation commit passed over that set front-matter keys to follow the source
/// ([`Judging::keys_followed`]): it translated them, which "changed only tags" says less well.
fn name_keys_followed(skipped: &mut [crate::report::SkippedCommit], sections: &[ChangedSection]) {
    for commit in skipped.iter_mut().filter(|c| c.side == "translation") {
        let followed: Vec<&String> = sections
            .iter()
            .flat_map(|s| &s.keys)
            .filter(|k| k.translated_in.as_deref() == Some(commit.commit.as_str()))
            .map(|k| &k.key)
            .collect();
        commit.follows_source = !followed.is_empty();
        for key in followed {
            if !commit.keys.contains(key) {
                commit.keys.push(key.clone());
            }
        }
    }
}

/// Takes out of a stale page's changed sections those only a source commit the verdict did not count changed
/// (a `[skip-l10n]` title-case fix): they were listed as work though the verdict passed that commit over, and
/// `diff` left them out (the rule is `drift::uncounted`'s, shared by both; `check` applies it too). A front-matter
/// key is taken out alone. Nothing is taken out when it would leave nothing (the verdict counted some change).
/// `source` is read now, and at `sync` under `then`. Returns whether anything was taken out.
pub(crate) fn drop_uncounted(
    sources: &mut Refiner,
    source: &str,
    then: &str,
    sync: ObjectId,
    skipped: &[SkippedSource],
    sections: &mut Vec<ChangedSection>,
) -> Result<bool> {
    if skipped.is_empty() {
        return Ok(false);
    }
    let (Version::Parsed { doc: old, .. }, Version::Parsed { doc: new, .. }) =
        (sources.at(sync, then)?, sources.file(source))
    else {
        return Ok(false);
    };
    let mut versions = Vec::with_capacity(skipped.len());
    for commit in skipped {
        if let Ok(id) = ObjectId::from_hex(commit.commit.as_bytes())
            && let Some(around) = sources.around(id, source)?
        {
            versions.push(around);
        }
    }
    let uncounted = Uncounted::new(
        &old,
        &new,
        versions.iter().map(|(b, a)| (&**b, &**a)).collect(),
    );
    if uncounted.is_empty() {
        return Ok(false);
    }
    let mut kept = Vec::with_capacity(sections.len());
    let mut dropped = false;
    for section in sections.iter() {
        let mut section = section.clone();
        if section.kind == crate::report::SectionKind::FrontMatter {
            let before = section.keys.len();
            section
                .keys
                .retain(|k| !uncounted.key(&k.key, &k.old, &k.new));
            dropped |= section.keys.len() < before;
            if section.keys.is_empty() {
                continue;
            }
            if section.keys.len() < before {
                section.severity = keys_severity(&section.keys);
            }
        } else if uncounted.section(&section.source.id) {
            dropped = true;
            continue;
        }
        kept.push(section);
    }
    if !dropped || kept.is_empty() {
        return Ok(false);
    }
    *sections = kept;
    Ok(true)
}

/// A stale page's refinement once some of its changed sections turned out to be in the translation already
/// ([`Judging::keys_followed`]): in it altogether, or changed at the severity of what is left.
pub(crate) fn refined_again(sections: &[ChangedSection]) -> Refinement {
    let left: Vec<&ChangedSection> = sections.iter().filter(|c| !c.in_translation).collect();
    if left.is_empty() {
        return Refinement::InTranslation;
    }
    Refinement::Changed {
        severity: left
            .iter()
            .map(|c| c.severity)
            .max()
            .unwrap_or(Severity::None),
        explained: true,
        mirrored_only: left.iter().all(|c| {
            c.kind == crate::report::SectionKind::FrontMatter
                && c.keys
                    .iter()
                    .all(|k| k.in_translation || k.class == KeyClass::Mirrored)
        }),
    }
}

/// The verdict of the bytes alone for a pair with a sync point (what the read-ahead plans by).
fn bytes_verdict(g: &Gathered) -> Verdict {
    drift::judge::judge(&PairFacts {
        kind: g.pair.kind,
        sync: g.facts.clone(),
        source_renamed: g.renamed_from.is_some(),
        unreadable_translation: false,
        refinement: None,
        structure: None,
    })
}

/// Whether a verdict of the bytes alone is explained by the sections whose bytes changed (`byte_sections`): a stale
/// page whose source was neither created nor renamed since the sync point (those are their own explanation). The
/// judging and the plans that read ahead for it ask the same.
fn explained_by_byte_sections(bytes: &Verdict) -> bool {
    bytes.state == State::Stale
        && !matches!(bytes.reason, Reason::SourceCreated | Reason::SourceRenamed)
}

/// The refine cache's key for the byte-changed sections between two versions of a source.
fn byte_sections_key(at_sync: &Option<SourceBlob>, now: &Option<SourceBlob>) -> u64 {
    fn blob(b: &Option<SourceBlob>) -> &[u8] {
        b.as_ref().map_or(&[], |b| &b.id[..])
    }
    fingerprint(&[b"byte-sections", blob(at_sync), blob(now)])
}

/// What the cosmetic filter's judgement of a changed source means for the verdict ([`drift::judge::judge`]), and
/// the changed sections that explain it (each with the translation's matching section when `translation` parses).
/// `twins`: the names of the translation's language's pages where they differ from their sources'.
pub(crate) fn refinement(
    settings: &crate::site::config::Settings,
    judgement: Judgement,
    translation: &Version,
    twins: &LinkTwins,
) -> (Refinement, Vec<ChangedSection>) {
    match judgement {
        Judgement::CosmeticOnly => (Refinement::CosmeticOnly, Vec::new()),
        Judgement::SkipDirective => (Refinement::SkipDirective, Vec::new()),
        Judgement::Mirrored => (Refinement::Mirrored, Vec::new()),
        Judgement::MissingBlob => (Refinement::MissingBlob, Vec::new()),
        Judgement::StaleUnparsed => (Refinement::Unparsed, Vec::new()),
        Judgement::Stale {
            drift, old, new, ..
        } => {
            let (sections, severity) =
                explain(settings, &drift, &old, &new, translation, false, twins);
            // Every change is link targets the translation already has: nothing to do, not even in history mode
            // (where only a meaningful edit of the translation would make a new sync point).
            if !sections.is_empty() && sections.iter().all(|c| c.in_translation) {
                return (Refinement::InTranslation, sections);
            }
            let refinement = Refinement::Changed {
                severity,
                explained: !sections.is_empty(),
                // Nothing to translate, only mirrored values to copy (beside what the translation already holds).
                mirrored_only: !sections.is_empty()
                    && sections.iter().filter(|c| !c.in_translation).all(|c| {
                        c.kind == crate::report::SectionKind::FrontMatter
                            && c.keys
                                .iter()
                                .all(|k| k.in_translation || k.class == KeyClass::Mirrored)
                    }),
            };
            (refinement, sections)
        }
    }
}

/// A front-matter section's severity: high when a translated key changed, else low (only keys to copy).
fn keys_severity(keys: &[crate::drift::front_matter::KeyChange]) -> Severity {
    if keys.iter().any(|k| k.class == KeyClass::Translated) {
        Severity::High
    } else {
        Severity::Low
    }
}

/// The changed sections of a source between two versions, each with the translation's matching section (the
/// translation was made from the old source: sections are mapped through that alignment), the front matter first;
/// and the highest severity among them. `cosmetic`: list sections whose only change is formatting too (`--strict`,
/// where bytes decide).
fn explain(
    settings: &crate::site::config::Settings,
    drift: &[crate::drift::sections::SectionDrift],
    old: &crate::markdown::document::Document,
    new: &crate::markdown::document::Document,
    translation: &Version,
    cosmetic: bool,
    twins: &LinkTwins,
) -> (Vec<ChangedSection>, Severity) {
    let mut severity = crate::engine::refine::max_severity(drift);
    let mut sections = Vec::new();
    let alignment = match translation {
        Version::Parsed { doc, .. } => {
            let pairs = crate::drift::align::align(old, doc);
            let by_source = crate::drift::align::by_source(&pairs, old.sections.len());
            Some((by_source, doc.clone()))
        }
        _ => None,
    };
    // The front matter is a section of its own: which keys changed, old → new. Translated keys are work for a
    // translator; mirrored ones are only to copy.
    let mut keys = crate::drift::front_matter::key_changes(old, new);
    match translation {
        Version::Parsed { doc, .. } => {
            let values = doc.front_matter_values();
            settings.front_matter.classify_for(&mut keys, values);
            crate::drift::front_matter::mark_held(&mut keys, values);
        }
        _ => settings.front_matter.classify(&mut keys),
    }
    if !keys.is_empty() {
        // Keys the translation already holds as the source now has them ask for nothing: the severity is the rest's.
        let open: Vec<crate::drift::front_matter::KeyChange> =
            keys.iter().filter(|k| !k.in_translation).cloned().collect();
        let key_severity = keys_severity(if open.is_empty() { &keys } else { &open });
        if !open.is_empty() {
            severity = severity.max(key_severity);
        }
        let mut section = ChangedSection::front_matter(keys, key_severity);
        section.in_translation = open.is_empty();
        sections.push(section);
    }
    let listed = |change: Change| change.needs_work() || (cosmetic && change == Change::Cosmetic);
    for change in drift.iter().filter(|d| listed(d.change)) {
        let source = match change.new {
            Some(n) if change.change != Change::Removed => SectionRef::of(&new.sections[n]),
            _ => SectionRef::of(&old.sections[change.old.expect("removed sections are old")]),
        };
        let matching = change.old.and_then(|o| {
            let (by_source, doc) = alignment.as_ref()?;
            let t = (*by_source.get(o)?)?;
            Some(&doc.sections[t])
        });
        // Only link targets changed, and the translation already follows them.
        let in_translation = match (change.change, change.old, change.new, matching) {
            (Change::Modified, Some(o), Some(n), Some(t)) => {
                crate::drift::blocks::section_change_in_translation(
                    &old.sections[o],
                    &new.sections[n],
                    t,
                    twins,
                )
            }
            _ => false,
        };
        sections.push(ChangedSection {
            kind: crate::report::SectionKind::Body,
            change: change.change,
            severity: change.severity,
            source,
            translation: matching.map(SectionRef::of),
            keys: Vec::new(),
            in_translation,
        });
    }
    (sections, severity)
}

/// What the refinement cache is valid for: tandem's version and the settings that shape its judgement.
fn refine_key(settings: &crate::site::config::Settings) -> u64 {
    let site = settings.site_context();
    let skip: Vec<&str> = settings
        .skip_commits
        .keywords
        .iter()
        .map(|re| re.as_str())
        .collect();
    fingerprint(&[
        env!("CARGO_PKG_VERSION").as_bytes(),
        site.base_url.as_deref().unwrap_or("").as_bytes(),
        site.languages.join(",").as_bytes(),
        site.translatable.join(",").as_bytes(),
        site.bookkeeping.join(",").as_bytes(),
        settings.front_matter.mirrored.join(",").as_bytes(),
        settings.front_matter.own.join(",").as_bytes(),
        skip.join("\n").as_bytes(),
    ])
}

/// Whether repo-relative `path` is `filter` or lies under it (`""` is the whole repository).
/// Whether `path` is `filter` or below it, both read in NFC: a name typed on a keyboard (NFC) finds the page a Mac
/// saved in NFD, as pages pair (docs/pairing.md).
fn under(path: &str, filter: &str) -> bool {
    let (path, filter) = (nfc(path), nfc(filter));
    let (path, filter) = (path.as_ref(), filter.as_ref());
    filter.is_empty()
        || path == filter
        || path
            .strip_prefix(filter)
            .is_some_and(|rest| rest.starts_with('/'))
}

fn parse_oid(hex: &str) -> ObjectId {
    ObjectId::from_hex(hex.as_bytes()).expect("sync points hold full hashes")
}

/// Reads a page as text: `Err` (with a warning) when it is binary or not UTF-8.
pub fn read_page(
    workdir: &std::path::Path,
    path: &str,
    warnings: &mut Vec<Warning>,
) -> std::result::Result<String, Reason> {
    match std::fs::read(workdir.join(path)) {
        Ok(bytes) => page_text(path, bytes, warnings),
        Err(err) => {
            warnings.push(Warning {
                file: path.to_owned(),
                line: None,
                message: Message::new("warn-unreadable-io").arg("detail", err.to_string()),
            });
            Err(Reason::Unreadable)
        }
    }
}

/// A page's bytes as text: `Err` (with a warning) when they are binary, not UTF-8, or a Git LFS pointer.
pub fn page_text(
    path: &str,
    bytes: Vec<u8>,
    warnings: &mut Vec<Warning>,
) -> std::result::Result<String, Reason> {
    if crate::util::lfs::is_pointer(&bytes) {
        warnings.push(Warning {
            file: path.to_owned(),
            line: None,
            message: Message::new("warn-lfs-pointer"),
        });
        return Err(Reason::LfsPointer);
    }
    if bytes[..bytes.len().min(8000)].contains(&0) {
        warnings.push(Warning {
            file: path.to_owned(),
            line: None,
            message: Message::new(if crate::util::chars::is_utf16(&bytes) {
                "warn-unreadable-utf16"
            } else {
                "warn-unreadable-binary"
            }),
        });
        return Err(Reason::Unreadable);
    }
    // Checked with SIMD instructions, then copied (see `util::chars::utf8_string`); the place of an error is found
    // by the standard library's check, for a page that has one.
    if let Some(text) = crate::util::chars::utf8_str(&bytes) {
        return Ok(text.to_owned());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let line = err.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            warnings.push(Warning {
                file: path.to_owned(),
                line: Some(line),
                message: Message::new("warn-unreadable-utf8"),
            });
            Err(Reason::Unreadable)
        }
    }
}

fn read_pin(
    workdir: &std::path::Path,
    path: &str,
    keys: &[String],
    warnings: &mut Vec<Warning>,
) -> std::result::Result<Option<Pin>, Reason> {
    let text = read_page(workdir, path, warnings)?;
    pin_in(path, &text, keys, warnings)
}

/// The pin in a translation's text (the first of `keys` present); `Err` (with a warning) when its front matter
/// cannot be read.
pub fn pin_in(
    path: &str,
    text: &str,
    keys: &[String],
    warnings: &mut Vec<Warning>,
) -> std::result::Result<Option<Pin>, Reason> {
    match frontmatter::parse(text) {
        Ok(fm) => Ok(fm.pin(text, keys)),
        Err(err) => {
            warnings.push(Warning {
                file: path.to_owned(),
                line: Some(err.line),
                message: err.warning(),
            });
            Err(Reason::BadFrontMatter)
        }
    }
}

/// A pin's commit, or why it cannot be used.
pub fn resolve_pin(repo: &GitRepo, value: &str) -> Result<std::result::Result<ObjectId, Reason>> {
    Ok(match repo.resolve_pin(value) {
        PinResolution::Commit(id) => {
            if repo.reachable_from_head(id)? {
                Ok(id)
            } else if repo.is_shallow() {
                Err(Reason::PinBeyondShallowBoundary)
            } else {
                Err(Reason::PinNotAncestor)
            }
        }
        PinResolution::Ambiguous => Err(Reason::PinAmbiguous),
        // In a shallow clone a pin older than the boundary is simply absent.
        PinResolution::NotFound if repo.is_shallow() => Err(Reason::PinBeyondShallowBoundary),
        PinResolution::NotFound => Err(Reason::PinNotFound),
    })
}

fn pin_warning(path: &str, pin: &Pin, reason: Reason) -> Warning {
    let id = match reason {
        Reason::PinAmbiguous => "warn-pin-ambiguous",
        Reason::PinNotAncestor => "warn-pin-not-ancestor",
        Reason::PinBeyondShallowBoundary => "warn-pin-beyond-shallow-boundary",
        _ => "warn-pin-not-found",
    };
    Warning {
        file: path.to_owned(),
        line: Some(pin.line),
        message: Message::new(id).arg("key", &pin.key).arg("pin", &pin.value),
    }
}

/// A tree entry as the judge sees a source: its blob id and mode.
pub(crate) fn to_blob(entry: Option<Entry>) -> Option<SourceBlob> {
    entry.map(|(mode, id)| SourceBlob {
        id: id.as_slice().try_into().expect("sha1 ids are 20 bytes"),
        mode: Some(u32::from(mode.value())),
    })
}

/// Stage 5: for each pair with a sync point: the source's blob at the sync point and in the work tree, and the source's
/// name at the sync point when it had another one (renames followed). Without `strict`, a renamed source is compared
/// under its old name; with it, the path as it is now (git's byte semantics: it did not exist then).
fn source_facts(
    ws: &Workspace,
    gathered: &mut [Gathered],
    renames: &site_pairs::Renames,
    strict: bool,
    source_blobs: &HashMap<String, ObjectId>,
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    let repo = ws.sources();
    // Source paths wanted at each sync commit.
    let mut wanted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut sources_now: HashSet<String> = HashSet::new();
    for g in gathered.iter() {
        if let Some(sync) = g.sync_point() {
            wanted
                .entry(sync.commit.clone())
                .or_default()
                .push(g.pair.source.clone());
            sources_now.insert(g.pair.source.clone());
        }
    }
    let asked: Vec<(ObjectId, &[String])> = wanted
        .iter()
        .map(|(commit, paths)| (parse_oid(commit), paths.as_slice()))
        .collect();
    let found = repo.entries_at_commits(&asked)?;
    let mut at_commit: HashMap<(String, String), Option<Entry>> = HashMap::new();
    for ((commit, paths), entries) in wanted.iter().zip(found) {
        for (path, entry) in paths.iter().zip(entries) {
            at_commit.insert((commit.clone(), path.clone()), entry);
        }
    }
    let now_paths: Vec<String> = {
        let mut list: Vec<String> = sources_now.into_iter().collect();
        list.sort();
        list
    };
    let at_head = repo.entries_at(repo.head(), &now_paths)?;
    // Sources HEAD lacks that were moved in the work tree and not committed yet: their name at HEAD.
    let unborn: Vec<&String> = (now_paths.iter().zip(&at_head))
        .filter(|(_, entry)| entry.is_none())
        .map(|(path, _)| path)
        .collect();
    let moved = sources_moved_in_work_tree(ws, &unborn, source_blobs)?;
    // Sources absent at their sync point: their former names, and which of them existed there.
    // The names between (newest first) are those of a source renamed more than once since.
    type Former = (String, Option<Entry>, Vec<String>);
    let mut former: HashMap<(String, String), Former> = HashMap::new();
    for ((commit, path), entry) in &at_commit {
        if entry.is_some() {
            continue;
        }
        let mut names = renames.index()?.former_names(path);
        if names.is_empty()
            && let Some(old) = moved.get(path)
        {
            names.push(old.clone());
            names.extend(renames.index()?.former_names(old));
        }
        if names.is_empty() {
            continue;
        }
        let entries = repo.entries_at(parse_oid(commit), &names)?;
        if let Some(at) = entries.iter().position(Option::is_some) {
            names.truncate(at + 1);
            let name = names.pop().expect("the name found");
            former.insert((commit.clone(), path.clone()), (name, entries[at], names));
        }
    }
    let mut now: HashMap<String, std::result::Result<Option<SourceBlob>, Reason>> = HashMap::new();
    for (path, head_entry) in now_paths.iter().zip(at_head) {
        // Hashed when the pages were read for their keys (read here when that failed: the error is reported).
        let hashed = match source_blobs.get(path) {
            Some(id) => Ok(*id),
            None => {
                std::fs::read(repo.workdir().join(path)).map(|bytes| GitRepo::hash_blob(&bytes))
            }
        };
        let blob = match hashed {
            Ok(id) => match head_entry {
                Some((_, head_id)) if head_id == id => Ok(to_blob(head_entry)),
                // A CRLF checkout of HEAD's blob (`.gitattributes` `eol=crlf`) is no uncommitted change: `--strict`
                // called such a source "changed, not committed" on a clean work tree.
                Some((_, head_id))
                    if std::fs::read(repo.workdir().join(path))
                        .is_ok_and(|bytes| GitRepo::is_checkout_of(&bytes, head_id)) =>
                {
                    Ok(to_blob(head_entry))
                }
                _ => Ok(Some(SourceBlob {
                    id: id.as_slice().try_into().expect("sha1 ids are 20 bytes"),
                    mode: None,
                })),
            },
            Err(err) => {
                warnings.push(Warning {
                    file: path.clone(),
                    line: None,
                    message: Message::new("warn-unreadable-io").arg("detail", err.to_string()),
                });
                Err(Reason::Unreadable)
            }
        };
        now.insert(path.clone(), blob);
    }
    for g in gathered.iter_mut() {
        g.facts = match (&g.sync, g.pair.kind) {
            (Ok(sync), PairKind::Paired) => {
                let key = (sync.commit.clone(), g.pair.source.clone());
                let mut at_sync = at_commit.get(&key).copied().flatten();
                let old = former.get(&key);
                g.renamed_from = old.map(|(name, _, _)| name.clone());
                g.between_names = old
                    .map(|(_, _, between)| between.clone())
                    .unwrap_or_default();
                if let (Some((_, entry, _)), false) = (old, strict) {
                    at_sync = *entry;
                }
                match &now[&g.pair.source] {
                    Ok(now) => SyncFacts::Known {
                        at_sync: to_blob(at_sync),
                        now: *now,
                    },
                    Err(reason) => SyncFacts::Unusable(*reason),
                }
            }
            (Err(reason), _) => SyncFacts::Unusable(*reason),
            _ => SyncFacts::Unusable(Reason::NoSyncPoint),
        };
    }
    Ok(())
}

/// Sources moved in the work tree and not committed yet (a source and its translation moved together before the
/// commit): each source HEAD lacks that holds the bytes, or most of them, of a source path gone from the disk
/// ([`GitRepo::moved_in_work_tree`]), by its name at HEAD. History knows the page by that name: its sync point's
/// version and its commits since are read under it, as for a rename committed. The pair had been `unknown`, "no commit
/// touched the translation yet".
fn sources_moved_in_work_tree(
    ws: &Workspace,
    unborn: &[&String],
    source_blobs: &HashMap<String, ObjectId>,
) -> Result<HashMap<String, String>> {
    let unborn: Vec<(String, ObjectId)> = (unborn.iter())
        .filter_map(|path| Some(((*path).clone(), *source_blobs.get(*path)?)))
        .collect();
    if unborn.is_empty() {
        return Ok(HashMap::new());
    }
    let repo = ws.sources();
    let on_disk = |path: &str| source_blobs.contains_key(path);
    let gone = gone_from_disk(ws, repo, ws.settings.source_roots(), on_disk)?;
    repo.moved_in_work_tree(&gone, &unborn)
}

/// Two-repository sites, history mode: the translation's last commit belongs to the translations' repository, so the
/// sync point is the sources' commit of that moment — the newest commit on the first-parent line of the sources'
/// HEAD whose committer date is not later than the translation commit's.
fn translation_commits_to_sources(
    translations: &GitRepo,
    sources: &GitRepo,
    touches: HashMap<String, LastTouchAt>,
) -> Result<HashMap<String, LastTouchAt>> {
    let mut mapped = HashMap::new();
    let mut memo: HashMap<ObjectId, LastTouchAt> = HashMap::new();
    for (path, touch) in touches {
        let at = match touch {
            LastTouchAt::Commit(commit) => match memo.get(&commit) {
                Some(at) => *at,
                None => {
                    let time = translations.committer_time(commit)?;
                    let at = match sources.first_parent_at(time)? {
                        Some(source_commit) => LastTouchAt::Commit(source_commit),
                        None => LastTouchAt::NotInHead,
                    };
                    memo.insert(commit, at);
                    at
                }
            },
            other => other,
        };
        mapped.insert(path, at);
    }
    Ok(mapped)
}
