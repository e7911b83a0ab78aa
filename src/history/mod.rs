//! The only module that talks to git (through gix; never a `git` process): the repository, HEAD, pins, blobs at
//! commits, and the history walks.

pub mod branch;
pub mod cache;
pub mod directives;
mod entries;
pub mod graph;
pub mod index;
pub mod progress;
pub mod renames;
pub mod revlist;
pub mod trees;
pub mod walk;
pub mod writer;

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gix::ObjectId;

use crate::error::{Error, Result};
pub use graph::{CommitGraph, CommitIdx};
use index::{ChangeIndex, Scope};
pub use progress::{Phase, Progress};
pub use renames::RenameIndex;
pub use trees::{Entry, PathId, PathTable};
pub use walk::LastTouch;

/// The cache file, in the repository's git folder.
const CACHE_DIR: &str = "tandem";
const CACHE_FILE: &str = "history.cache";

/// What an abbreviated or full hash written in a pin resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinResolution {
    Commit(ObjectId),
    NotFound,
    Ambiguous,
}

/// A commit's identity and date, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    pub id: ObjectId,
    /// Committer time, seconds since the epoch: what history walks order by.
    pub time: i64,
    /// Author time, seconds since the epoch: the date `git log` shows, the one shown to people.
    pub author_time: i64,
    pub summary: String,
    /// The whole message.
    pub message: String,
    pub parents: Vec<ObjectId>,
}

/// An opened repository with a work tree and a HEAD commit.
pub struct GitRepo {
    repo: gix::Repository,
    workdir: PathBuf,
    head: ObjectId,
    shallow: bool,
    graph: OnceCell<CommitGraph>,
    /// The folders the history walks follow (the content roots); the whole repository until told.
    scope: RefCell<Scope>,
    history: RefCell<Option<History>>,
    cache_use: OnceCell<CacheUse>,
    progress: RefCell<Box<dyn Progress>>,
    /// Commits read by [`commit_info`](GitRepo::commit_info), up to [`KEPT_COMMIT_INFOS`].
    infos: RefCell<HashMap<ObjectId, Rc<CommitInfo>>>,
    /// The messages' patterns the graph's load matches ([`GitRepo::match_messages`]).
    patterns: RefCell<Vec<regex::Regex>>,
    /// What the graph's load read in each commit (by [`CommitIdx`]), when it read the commits (not from a cache).
    read_facts: OnceCell<Vec<graph::ReadFacts>>,
    /// Handles of this repository for the helper threads that read trees ([`GitRepo::prefetch_entries`]).
    tree_readers: RefCell<Vec<gix::Repository>>,
    /// The history being read on a thread of its own ([`GitRepo::load_ahead`]), taken by the first history question.
    ahead: RefCell<Option<std::thread::JoinHandle<Option<Ahead>>>>,
    /// The edges of the commits the thread reading ahead has read, for this thread to compare while it waits.
    streamed: RefCell<Option<index::StreamedEdges>>,
    /// Whether the history index's helper thread runs when commits are read ([`GitRepo::help_with_edges`]).
    edges_helper: std::cell::Cell<bool>,
    /// The repository tracks [`crate::util::alloc::BIG_REPOSITORY_FILES`] files or more (told by the index as it is
    /// opened): its run holds hundreds of megabytes, and what moved its peak stays off there (files at commits told by
    /// the first-parent edges, see [`FIRST_PARENT_MIN_QUESTIONS`]; what only saves a thread's start).
    big: bool,
}

/// The history cache at `path`, decoded, when it is for `scope` and the shallow boundary `shallow`.
fn read_cache(path: &Path, scope: &Scope, shallow: u64) -> Option<cache::CacheData> {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| cache::decode(&bytes))
        .filter(|data| data.scope == scope.roots() && data.shallow == shallow)
}

/// The commits of `head` read from the repository (matching `patterns` in their messages), with the history index
/// started on them for `scope` and what was read in each commit.
fn read_history(
    repo: &gix::Repository,
    head: ObjectId,
    scope: Scope,
    progress: &dyn Progress,
    patterns: &[regex::Regex],
    mut stream: Option<&mut index::EdgeStream>,
) -> Result<(CommitGraph, History, Vec<graph::ReadFacts>)> {
    let (graph, trees, facts) =
        CommitGraph::load_with_trees(repo, head, progress, patterns, |id, tree, parents| {
            if let Some(stream) = stream.as_mut() {
                stream.read(id, tree, parents);
            }
        })?;
    let mut history = History::new(scope, &graph);
    history.index.seed_trees(trees);
    Ok((graph, history, facts))
}

/// What the thread of [`GitRepo::load_ahead`] read.
enum Ahead {
    /// The cache file, decoded, for this scope and shallow boundary (checked against the repository in turn).
    Cached(Box<cache::CacheData>),
    /// No usable cache: the commits read from the repository, with what was read in each, and the history index on
    /// them, with whether its helper thread was started (as [`GitRepo::help_with_edges`] said then) and whether the
    /// edges streamed as the commits were read are numbered as the graph numbers them.
    Read(
        Box<(CommitGraph, History, Vec<graph::ReadFacts>)>,
        bool,
        bool,
    ),
}

/// Commit facts kept at once: a few megabytes at most.
const KEPT_COMMIT_INFOS: usize = 8192;

/// What the walks know: which files each edge changes, and the answers for HEAD. Loaded with the graph, from the
/// cache when it is valid, and written back by [`GitRepo::save_cache`].
struct History {
    index: ChangeIndex,
    touches: HashMap<index::PathId, LastTouch>,
    changes: HashMap<(index::PathId, CommitIdx), Option<Vec<CommitIdx>>>,
    /// Entries of paths at commits (facts that never change), and whether this process used them.
    entries: entries::Entries,
    /// Last commits known at an older HEAD (the cache's, when HEAD moved forward since).
    prior: Option<(CommitIdx, HashMap<index::PathId, LastTouch>)>,
    /// Something was computed that the cache file does not hold yet.
    dirty: bool,
    /// For paths outside the scope (never written to the cache).
    outside: Option<Box<History>>,
    /// The commit counting's state, kept from one batch of questions to the next.
    counting: Option<revlist::Counting>,
}

/// How the cache was used, for tests and `-v` (never for decisions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// No cache file, or one that could not be used: everything was computed.
    Rebuilt,
    /// The cache was for this HEAD.
    Reused,
    /// The cache was for an older HEAD: only the new commits were read.
    Extended { new_commits: usize },
}

/// A file that differs between two commits: its path, and its entry in each (`None`: absent).
pub type ChangedFile = (String, Option<Entry>, Option<Entry>);

/// Commits that may rename a file, with the wanted files each changes (sorted).
pub(crate) type RenameCandidates = Vec<(CommitIdx, Vec<String>)>;

/// The delta base cache given to repositories whose packs weigh at most [`BIG_DELTA_CACHE_MAX_PACKS`].
const BIG_DELTA_CACHE: usize = 16 << 20;
const BIG_DELTA_CACHE_MAX_PACKS: u64 = 64 << 20;

/// How many files the index at `path` tracks, from its header (every index version starts with its signature, its
/// version and its entry count); 0 when it cannot be read.
fn tracked_files(path: &Path) -> usize {
    use std::io::Read;
    let mut header = [0u8; 12];
    let read = std::fs::File::open(path).and_then(|mut file| file.read_exact(&mut header));
    if read.is_err() || &header[..4] != b"DIRC" {
        return 0;
    }
    u32::from_be_bytes([header[8], header[9], header[10], header[11]]) as usize
}

/// The bytes of the pack files in an object folder.
fn pack_bytes(objects: &Path) -> u64 {
    std::fs::read_dir(objects.join("pack"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".pack"))
        .filter_map(|entry| entry.metadata().ok())
        .map(|meta| meta.len())
        .sum()
}

impl GitRepo {
    /// Finds the repository containing `start`.
    pub fn discover(start: &Path) -> Result<GitRepo> {
        let mut repo = gix::discover(start).map_err(|_| Error::NotARepo {
            path: start.to_path_buf(),
        })?;
        // Trees read for one commit are read again for its parent: a small cache catches that. A bigger one does not
        // pay on long histories (measured: BENCHMARKS.md) and costs memory.
        repo.object_cache_size_if_unset(8 << 20);
        // Trees and blobs are stored as deltas in chains; the default cache of chain bases holds 64 objects, and
        // a cold run decodes the same bases again and again. A bigger one saves 15 % of a cold run on repositories
        // of a few thousand commits (5,000-commit harness corpus: 1.08 → 0.92 s; `--strict` 0.40 → 0.34 s, for
        // 15 MB more). On one of 100,000 commits it saved nothing for the same memory: it is only given to
        // repositories whose packs are small.
        if pack_bytes(repo.objects.store_ref().path()) <= BIG_DELTA_CACHE_MAX_PACKS {
            repo.objects.set_pack_cache(|| {
                Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(
                    BIG_DELTA_CACHE,
                ))
            });
        }
        let workdir = repo
            .workdir()
            .ok_or_else(|| Error::BareRepo {
                path: start.to_path_buf(),
            })?
            .to_path_buf();
        let workdir = std::fs::canonicalize(&workdir).unwrap_or(workdir);
        let big = tracked_files(&repo.index_path()) >= crate::util::alloc::BIG_REPOSITORY_FILES;
        if big {
            // A big repository's run holds hundreds of megabytes at its peak: what each phase frees goes back to
            // the system.
            crate::util::alloc::return_freed_memory();
        }
        let head = match repo.head_id() {
            Ok(id) => id.detach(),
            Err(_) => {
                return Err(Error::NoCommits {
                    path: workdir.clone(),
                });
            }
        };
        let shallow = repo.is_shallow().unwrap_or(false);
        Ok(GitRepo {
            repo,
            workdir,
            head,
            shallow,
            graph: OnceCell::new(),
            scope: RefCell::new(Scope::new(&[String::new()])),
            history: RefCell::new(None),
            cache_use: OnceCell::new(),
            progress: RefCell::new(Box::new(progress::Silent)),
            infos: RefCell::new(HashMap::new()),
            patterns: RefCell::new(Vec::new()),
            read_facts: OnceCell::new(),
            tree_readers: RefCell::new(Vec::new()),
            ahead: RefCell::new(None),
            streamed: RefCell::new(None),
            edges_helper: std::cell::Cell::new(true),
            big,
        })
    }

    /// The same repository seen at another commit: `head` replaces HEAD for every question (history, caches), and
    /// `workdir` is where that commit's files are (see [`GitRepo::export_tree`]).
    pub fn at_commit(&self, head: ObjectId, workdir: PathBuf) -> GitRepo {
        GitRepo {
            repo: self.repo.clone(),
            workdir,
            head,
            shallow: self.shallow,
            graph: OnceCell::new(),
            scope: RefCell::new(Scope::new(&[String::new()])),
            history: RefCell::new(None),
            cache_use: OnceCell::new(),
            progress: RefCell::new(Box::new(progress::Silent)),
            infos: RefCell::new(HashMap::new()),
            patterns: RefCell::new(self.patterns.borrow().clone()),
            read_facts: OnceCell::new(),
            tree_readers: RefCell::new(Vec::new()),
            ahead: RefCell::new(None),
            streamed: RefCell::new(None),
            edges_helper: std::cell::Cell::new(self.edges_helper.get()),
            big: self.big,
        }
    }

    /// Writes the files of `commit`'s tree under `dir` (as a checkout would; symbolic links and submodules are
    /// left out). Blobs missing from a partial clone are left out too.
    pub fn export_tree(&self, commit: ObjectId, dir: &Path) -> Result<()> {
        let commit = self.repo.find_commit(commit).map_err(Error::git)?;
        let tree = commit.tree().map_err(Error::git)?;
        let mut stack = vec![(tree.id, dir.to_path_buf())];
        while let Some((id, folder)) = stack.pop() {
            std::fs::create_dir_all(&folder)
                .map_err(|err| Error::io(folder.display().to_string(), &err))?;
            let tree = self.repo.find_tree(id).map_err(Error::git)?;
            for entry in tree.decode().map_err(Error::git)?.entries.iter() {
                let path = folder.join(entry.filename.to_string());
                if entry.mode.is_tree() {
                    stack.push((entry.oid.to_owned(), path));
                } else if entry.mode.is_blob() {
                    let Some(bytes) = self.read_blob(entry.oid.to_owned())? else {
                        continue;
                    };
                    std::fs::write(&path, bytes)
                        .map_err(|err| Error::io(path.display().to_string(), &err))?;
                }
            }
        }
        Ok(())
    }

    /// The repository's git folder (`.git`), where tandem keeps its caches (`tandem/`).
    pub fn git_dir(&self) -> &Path {
        self.repo.path()
    }

    /// The folders whose files the history walks follow (repo-relative content roots; `""` is the whole
    /// repository). Call before the first history question; the cache is keyed by them.
    pub fn set_scope(&self, roots: &[String]) {
        if self.history.borrow().is_none() {
            *self.scope.borrow_mut() = Scope::new(roots);
            // A history read ahead was for the scope before.
            self.ahead.borrow_mut().take();
            self.streamed.borrow_mut().take();
        }
    }

    /// Where progress of the long walks goes (nowhere by default).
    pub fn set_progress(&self, progress: Box<dyn Progress>) {
        *self.progress.borrow_mut() = progress;
    }

    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// The fetch URL of the `origin` remote, as configured (it may hold credentials: never show it as is).
    pub fn origin_url(&self) -> Option<String> {
        let config = self.repo.config_snapshot();
        config
            .string("remote.origin.url")
            .map(|url| url.to_string())
            .filter(|url| !url.is_empty())
    }

    pub fn head(&self) -> ObjectId {
        self.head
    }

    pub fn is_shallow(&self) -> bool {
        self.shallow
    }

    /// The commit graph of HEAD, loaded on first use (from the cache when it is valid).
    pub fn graph(&self) -> Result<&CommitGraph> {
        if let Some(graph) = self.graph.get() {
            return Ok(graph);
        }
        self.load_history()?;
        Ok(self.graph.get().expect("loaded with the history"))
    }

    /// How the cache was used by this process; `None` before any history question.
    pub fn cache_use(&self) -> Option<CacheUse> {
        self.cache_use.get().copied()
    }

    fn cache_path(&self) -> PathBuf {
        self.repo.git_dir().join(CACHE_DIR).join(CACHE_FILE)
    }

    /// A fingerprint of the shallow boundary (`.git/shallow`): deepening a clone changes the graph under the same HEAD.
    fn shallow_fingerprint(&self) -> u64 {
        if !self.shallow {
            return 0;
        }
        self.repo
            .shallow_file()
            .ok()
            .and_then(|path| std::fs::read(path).ok())
            .map(|bytes| crate::util::hash::checksum(&bytes) | 1)
            .unwrap_or(1)
    }

    /// Starts reading the history on a thread of its own (the cache file; without a usable one, the commits, and the
    /// history index's helper on them) while the caller lists and reads the pages; the first history question takes
    /// what it read. Call after [`set_scope`](Self::set_scope) and [`match_messages`](Self::match_messages): the
    /// read is for the scope and patterns set then.
    pub fn load_ahead(&self) {
        if self.history.borrow().is_some() || self.ahead.borrow().is_some() {
            return;
        }
        let repo = self.repo.clone();
        let big = self.big;
        let head = self.head;
        let scope = self.scope.borrow().clone();
        let patterns = self.patterns.borrow().clone();
        let shallow = self.shallow_fingerprint();
        let cache_path = self.cache_path();
        let helper = self.edges_helper.get();
        let (mut stream, streamed) = index::EdgeStream::new();
        let done = streamed.done.clone();
        let thread = std::thread::Builder::new()
            .name("tandem-history".to_owned())
            .spawn(move || {
                if let Some(data) = read_cache(&cache_path, &scope, shallow) {
                    return Some(Ahead::Cached(Box::new(data)));
                }
                // Each commit is read once: caches would only copy them (into memory this new thread faults in). A
                // big repository keeps them: without, its pins mode peaked above 300 MB in some runs, for no time.
                let mut walk = repo.clone();
                match big {
                    true => walk.object_cache_size(2 << 20),
                    false => {
                        walk.object_cache_size(None);
                        walk.objects.unset_pack_cache();
                    }
                }
                let read = read_history(
                    &walk,
                    head,
                    scope,
                    &progress::Silent,
                    &patterns,
                    Some(&mut stream),
                );
                // The thread waiting for the read stops comparing edges.
                done.store(true, std::sync::atomic::Ordering::Release);
                let numbered = read
                    .as_ref()
                    .is_ok_and(|(graph, _, _)| stream.numbered_as(graph));
                let streamed = if numbered { stream.reached() } else { 0 };
                drop(stream);
                drop(walk);
                let (graph, mut history, facts) = read.ok()?;
                if helper {
                    history.index.prefetch_edges(&repo, &graph, streamed);
                }
                Some(Ahead::Read(
                    Box::new((graph, history, facts)),
                    helper,
                    numbered,
                ))
            });
        *self.streamed.borrow_mut() = thread.is_ok().then_some(streamed);
        *self.ahead.borrow_mut() = thread.ok();
    }

    /// What [`load_ahead`](Self::load_ahead)'s thread read, waited for; `None` when nothing was started or it failed
    /// (the history is then read in turn, and a failure reported from there).
    fn take_ahead(&self) -> Option<(Ahead, Vec<index::ComputedEdge>)> {
        let thread = self.ahead.borrow_mut().take()?;
        let streamed = self.streamed.borrow_mut().take();
        let progress = self.progress.borrow();
        progress.start(Phase::LoadingCommits, None);
        // The edges of the commits read so far are compared while the read goes on (the walks ask for them next).
        let computed = streamed
            .map(|streamed| streamed.compare(&self.repo, &self.scope.borrow()))
            .unwrap_or_default();
        let ahead = thread.join().ok().flatten();
        progress.finish();
        ahead.map(|ahead| (ahead, computed))
    }

    /// Loads the graph and what is known about it: from the cache when it is for this HEAD, extended when it is for an
    /// ancestor of HEAD, else from the repository.
    fn load_history(&self) -> Result<()> {
        if self.history.borrow().is_some() {
            return Ok(());
        }
        let scope = self.scope.borrow().clone();
        // The helper thread of the history index is started once (the thread reading ahead may have started it).
        let mut helped = false;
        let mut streamed = Vec::new();
        let (cached, read) = match self.take_ahead() {
            Some((Ahead::Cached(data), _)) => (Some(*data), None),
            Some((Ahead::Read(read, started, numbered), computed)) => {
                helped = started;
                if numbered {
                    streamed = computed;
                }
                (None, Some(*read))
            }
            None => (
                read_cache(&self.cache_path(), &scope, self.shallow_fingerprint()),
                None,
            ),
        };
        let (graph, mut history, used) = match read {
            Some((graph, history, facts)) => {
                let _ = self.read_facts.set(facts);
                (graph, history, CacheUse::Rebuilt)
            }
            None => match cached.and_then(|data| self.adopt(data, &scope)) {
                Some(found) => found,
                None => {
                    let (graph, history, facts) = read_history(
                        &self.repo,
                        self.head,
                        scope,
                        &**self.progress.borrow(),
                        &self.patterns.borrow(),
                        None,
                    )?;
                    let _ = self.read_facts.set(facts);
                    (graph, history, CacheUse::Rebuilt)
                }
            },
        };
        // Known before the helper's line is drawn: it leaves them out.
        history.index.store_streamed(streamed);
        if !helped && self.edges_helper.get() {
            history.index.prefetch_edges(&self.repo, &graph, 0);
        }
        let _ = self.graph.set(graph);
        let _ = self.cache_use.set(used);
        *self.history.borrow_mut() = Some(history);
        Ok(())
    }

    /// Turns a decoded cache into the graph and history for HEAD, when it can be trusted for it.
    fn adopt(
        &self,
        data: cache::CacheData,
        scope: &Scope,
    ) -> Option<(CommitGraph, History, CacheUse)> {
        let cache::CacheData {
            head,
            graph,
            dict,
            edges,
            touches,
            changes,
            entries,
            ..
        } = data;
        let entries: entries::Entries = entries
            .into_iter()
            .map(|(key, entry)| (key, (entry, false)))
            .collect();
        if head == self.head {
            // The same HEAD: check what the cache says about it against the object database.
            if !self.agrees_with_repository(&graph, head) {
                return None;
            }
            let index = ChangeIndex::from_parts(scope.clone(), dict, &graph, edges);
            let history = History {
                index,
                touches: touches.into_iter().collect(),
                changes: changes.into_iter().collect(),
                entries,
                prior: None,
                dirty: false,
                outside: None,
                counting: None,
            };
            return Some((graph, history, CacheUse::Reused));
        }
        // HEAD moved: read the commits that are new, and keep the rest only if the old HEAD is in HEAD's history.
        let old_head = graph.find(&head)?;
        if !self.agrees_with_repository(&graph, head) {
            return None;
        }
        let new = self.new_commits(&graph)?;
        let new_commits = new.len();
        let extended = graph.extended(new);
        let head_idx = extended.find(&self.head)?;
        if !extended.reaches_all(head_idx) {
            return None;
        }
        let index = ChangeIndex::from_parts(scope.clone(), dict, &extended, edges);
        let prior: HashMap<index::PathId, LastTouch> = touches
            .into_iter()
            .filter(|(_, t)| !matches!(t, LastTouch::NotInHead))
            .collect();
        let history = History {
            index,
            touches: HashMap::new(),
            changes: HashMap::new(),
            entries,
            prior: Some((old_head, prior)),
            dirty: true,
            outside: None,
            counting: None,
        };
        Some((extended, history, CacheUse::Extended { new_commits }))
    }

    /// Whether the commit the cache records as `commit` has, in the repository, the parents the cache says.
    fn agrees_with_repository(&self, graph: &CommitGraph, commit: ObjectId) -> bool {
        let Some(idx) = graph.find(&commit) else {
            return false;
        };
        let Ok(found) = self.repo.find_commit(commit) else {
            return false;
        };
        let parents: Vec<ObjectId> = found.parent_ids().map(|p| p.detach()).collect();
        let cached: Vec<ObjectId> = graph.parents(idx).iter().map(|&p| graph.id(p)).collect();
        if graph.is_boundary(idx) {
            cached.iter().all(|p| parents.contains(p))
        } else {
            parents == cached
        }
    }

    /// The commits reachable from HEAD that `graph` does not hold, with their parents and committer times; `None`
    /// when one cannot be read.
    fn new_commits(&self, graph: &CommitGraph) -> Option<Vec<(ObjectId, Vec<ObjectId>, i64)>> {
        let mut out = Vec::new();
        let mut seen: HashSet<ObjectId> = HashSet::new();
        let mut stack = vec![self.head];
        while let Some(id) = stack.pop() {
            if graph.find(&id).is_some() || !seen.insert(id) {
                continue;
            }
            let commit = self.repo.find_commit(id).ok()?;
            let time = commit.time().ok()?.seconds;
            let parents: Vec<ObjectId> = commit.parent_ids().map(|p| p.detach()).collect();
            stack.extend(parents.iter().copied());
            out.push((id, parents, time));
        }
        Some(out)
    }

    /// Writes what this process learnt about the history to the cache (`.git/tandem/history.cache`), atomically
    /// (nothing when nothing new was computed), and lets go of it in memory: call it once the history questions are
    /// answered (a later question loads the history again, from the cache). The cache is an optimisation: callers may
    /// ignore the error.
    pub fn save_cache(&self) -> Result<()> {
        let result = self.write_cache();
        *self.history.borrow_mut() = None;
        result
    }

    fn write_cache(&self) -> Result<()> {
        let history = self.history.borrow();
        let (Some(history), Some(graph)) = (history.as_ref(), self.graph.get()) else {
            return Ok(());
        };
        if !history.dirty && history.index.computed == 0 {
            return Ok(());
        }
        let scope = self.scope.borrow();
        let path = self.cache_path();
        cache::save(
            &path,
            &cache::CacheView {
                scope: scope.roots(),
                shallow: self.shallow_fingerprint(),
                head: self.head,
                graph,
                dict: &history.index.dict,
                edges: history.index.stored().collect(),
                touches: history.touches.iter().map(|(&p, &t)| (p, t)).collect(),
                changes: history
                    .changes
                    .iter()
                    .map(|(&k, v)| (k, v.as_deref()))
                    .collect(),
                // Entries asked for by this process; with an unchanged HEAD, the others too (a run on some pages only
                // keeps what a full run found).
                entries: history
                    .entries
                    .iter()
                    .filter(|(_, (_, used))| *used || self.cache_use() == Some(CacheUse::Reused))
                    .map(|(&k, &(entry, _))| (k, entry))
                    .collect(),
            },
        )
        .map_err(|err| Error::io(path.display().to_string(), &err))
    }

    /// Resolves what a pin says: a full hash, or a prefix of at least 4 hex digits that names exactly one commit.
    pub fn resolve_pin(&self, text: &str) -> PinResolution {
        let text = text.trim();
        if text.len() < 4 || text.len() > 40 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return PinResolution::NotFound;
        }
        let lower = text.to_ascii_lowercase();
        let is_commit = |id: &ObjectId| {
            self.repo
                .find_header(*id)
                .is_ok_and(|h| h.kind() == gix::object::Kind::Commit)
        };
        if lower.len() == 40 {
            return match ObjectId::from_hex(lower.as_bytes()) {
                Ok(id) if is_commit(&id) => PinResolution::Commit(id),
                _ => PinResolution::NotFound,
            };
        }
        let Ok(prefix) = gix::hash::Prefix::from_hex(&lower) else {
            return PinResolution::NotFound;
        };
        let mut candidates = std::collections::HashSet::new();
        if self
            .repo
            .objects
            .lookup_prefix(prefix, Some(&mut candidates))
            .is_err()
        {
            return PinResolution::NotFound;
        }
        // Like git's `<prefix>^{commit}`: only commits count when disambiguating.
        let commits: Vec<ObjectId> = candidates.into_iter().filter(is_commit).collect();
        match commits.as_slice() {
            [] => PinResolution::NotFound,
            [one] => PinResolution::Commit(*one),
            _ => PinResolution::Ambiguous,
        }
    }

    /// Resolves a revision the user typed (`HEAD~2`, `origin/main`, a hash) to a commit. In a shallow clone, a
    /// revision it cannot find may be history the clone lacks: the error says so, with the fix.
    pub fn resolve_revision(&self, rev: &str) -> Result<ObjectId> {
        let unknown = || Error::UnknownRevision {
            rev: rev.to_owned(),
            shallow: self.shallow,
        };
        let id = self.repo.rev_parse_single(rev).map_err(|_| unknown())?;
        let object = id.object().map_err(|_| unknown())?;
        let commit = object.peel_to_commit().map_err(|_| unknown())?;
        Ok(commit.id)
    }

    /// Date and summary of a commit. The last few thousand asked are remembered: judging pages asks about the same
    /// commits many times (each source commit for each language, each translation commit at each step).
    pub fn commit_info(&self, id: ObjectId) -> Result<Rc<CommitInfo>> {
        if let Some(known) = self.infos.borrow().get(&id) {
            return Ok(known.clone());
        }
        let info = Rc::new(self.read_commit_info(id)?);
        let mut infos = self.infos.borrow_mut();
        if infos.len() >= KEPT_COMMIT_INFOS {
            infos.clear();
        }
        infos.insert(id, info.clone());
        Ok(info)
    }

    /// Whether the history index compares commits with their parents on a helper thread of its own while the walks
    /// come down from HEAD (the default): told before the first history question (a history read ahead starts it
    /// with the commits when it was on then). The helper takes the lower half of what the walks have not reached,
    /// newest first as they do (packs store older versions of a tree as deltas of newer ones: both find each
    /// delta's base among the trees they just read). A run that has other work for the second core does better
    /// without it.
    pub fn help_with_edges(&self, on: bool) {
        self.edges_helper.set(on);
    }

    /// Commit messages to match while the commits are read for the graph (the directives that skip a commit): told
    /// before the history is loaded, [`matches_none`](Self::matches_none) then answers without reading the commit
    /// again.
    pub fn match_messages(&self, patterns: &[regex::Regex]) {
        *self.patterns.borrow_mut() = patterns.to_vec();
        // A history read ahead matched the patterns before.
        self.ahead.borrow_mut().take();
        self.streamed.borrow_mut().take();
    }

    /// What the graph's load read in `id`, when it read it.
    fn read_facts(&self, id: ObjectId) -> Option<graph::ReadFacts> {
        let at = self.graph.get()?.find(&id)?;
        self.read_facts.get()?.get(at as usize).copied()
    }

    /// Whether `id`'s message is known to match none of `patterns` (the ones given to
    /// [`match_messages`](Self::match_messages)); `false` when it is not known.
    pub fn matches_none(&self, id: ObjectId, patterns: &[regex::Regex]) -> bool {
        let told = self.patterns.borrow();
        told.len() == patterns.len()
            && told
                .iter()
                .zip(patterns)
                .all(|(a, b)| a.as_str() == b.as_str())
            && self.read_facts(id).and_then(|facts| facts.matches) == Some(false)
    }

    /// The author time of `id` (seconds since the epoch), as [`commit_info`](Self::commit_info) gives it.
    pub fn author_time(&self, id: ObjectId) -> Result<i64> {
        match self.read_facts(id).and_then(|facts| facts.author_time) {
            Some(time) => Ok(time),
            None => Ok(self.commit_info(id)?.author_time),
        }
    }

    /// The parents of `id`, from the graph when it has them all (a commit at a shallow clone's boundary lacks some).
    pub fn parents(&self, id: ObjectId) -> Result<Vec<ObjectId>> {
        if let Some(graph) = self.graph.get()
            && let Some(at) = graph.find(&id)
            && !graph.is_boundary(at)
        {
            return Ok(graph.parents(at).iter().map(|&p| graph.id(p)).collect());
        }
        Ok(self.commit_info(id)?.parents.clone())
    }

    /// The committer time of `id` (seconds since the epoch).
    pub fn committer_time(&self, id: ObjectId) -> Result<i64> {
        if let Some(graph) = self.graph.get()
            && let Some(at) = graph.find(&id)
        {
            return Ok(graph.time(at));
        }
        Ok(self.commit_info(id)?.time)
    }

    fn read_commit_info(&self, id: ObjectId) -> Result<CommitInfo> {
        let commit = self.repo.find_commit(id).map_err(Error::git)?;
        let time = commit.time().map_err(Error::git)?.seconds;
        let author_time = commit
            .author()
            .ok()
            .and_then(|author| author.time().ok())
            .map_or(time, |t| t.seconds);
        let summary = commit
            .message()
            .map(|m| m.summary().to_string())
            .unwrap_or_default();
        let message = String::from_utf8_lossy(commit.message_raw_sloppy()).into_owned();
        let parents = commit.parent_ids().map(|p| p.detach()).collect();
        Ok(CommitInfo {
            id,
            time,
            author_time,
            summary,
            message,
            parents,
        })
    }

    /// Entries (mode and blob id) of `paths` in the tree of `commit`, in the order given. Once the history is
    /// loaded, entries at its commits are remembered (and cached on disk).
    pub fn entries_at(&self, commit: ObjectId, paths: &[String]) -> Result<Vec<Option<Entry>>> {
        Ok(self
            .entries_at_commits(&[(commit, paths)])?
            .pop()
            .unwrap_or_default())
    }

    /// Whether `commit` leaves the file at `path` as its first parent has it, when the change index knows already
    /// (`None`: it does not, `commit` has no parent, or `path` is outside the folders the index follows).
    pub fn keeps_from_first_parent(&self, commit: ObjectId, path: &str) -> Option<bool> {
        let graph = self.graph.get()?;
        let idx = graph.find(&commit)?;
        graph.parents(idx).first()?;
        let guard = self.history.borrow();
        let index = &guard.as_ref()?.index;
        if !index.scope.contains(path) {
            return None;
        }
        let changed = index.known_changes(graph, idx, 0)?;
        // A path the dictionary never saw is in no edge's changes.
        Some(
            index
                .dict
                .get(path.as_bytes())
                .is_none_or(|id| changed.binary_search(&id).is_err()),
        )
    }

    /// [`entries_at`](Self::entries_at) at many commits: for each (commit, paths) of `asked`, in its order. The
    /// trees of the commits whose entries are not known yet are read on the machine's cores (asked at many commits,
    /// reading trees is most of the cost).
    pub fn entries_at_commits(
        &self,
        asked: &[(ObjectId, &[String])],
    ) -> Result<Vec<Vec<Option<Entry>>>> {
        let Some(graph) = self.graph.get() else {
            return asked
                .iter()
                .map(|(commit, paths)| entries_in(&self.repo, *commit, paths))
                .collect();
        };
        let mut out: Vec<Vec<Option<Entry>>> = Vec::with_capacity(asked.len());
        // Files whose entries are not known yet.
        let mut missing: Vec<Missing> = Vec::new();
        // Commits whose trees are read: (commit, root tree, the files read there).
        type Reads<'p> = Vec<Missing<'p>>;
        let mut work: Vec<(CommitIdx, ObjectId, Reads)> = Vec::new();
        {
            let mut guard = self.history.borrow_mut();
            let Some(history) = guard.as_mut() else {
                return asked
                    .iter()
                    .map(|(commit, paths)| entries_in(&self.repo, *commit, paths))
                    .collect();
            };
            for (at, (commit, paths)) in asked.iter().enumerate() {
                let Some(idx) = graph.find(commit) else {
                    out.push(entries_in(&self.repo, *commit, paths)?);
                    continue;
                };
                let mut answers = Vec::with_capacity(paths.len());
                for (place, path) in paths.iter().enumerate() {
                    let id = history.index.dict.intern(path.as_bytes());
                    if let Some(slot) = history.entries.get_mut(&(idx, id)) {
                        slot.1 = true;
                        answers.push(slot.0);
                        continue;
                    }
                    // A file looked up at a commit that changed it: the change index has its entry.
                    match history.index.known_entry(graph, idx, id) {
                        Some(entry) => {
                            history.entries.insert((idx, id), (entry, true));
                            history.dirty = true;
                            answers.push(entry);
                        }
                        None => {
                            answers.push(None);
                            missing.push(Missing {
                                at,
                                place,
                                commit: idx,
                                path: path.as_str(),
                                id,
                            });
                        }
                    }
                }
                out.push(answers);
            }
            // Many files at many commits: the first-parent edges tell most of them without reading a tree (the edges
            // only know the files under the scope).
            let mut told = vec![index::FirstParentEntry::Unknown; missing.len()];
            let under: Vec<usize> = match !self.big && missing.len() >= FIRST_PARENT_MIN_QUESTIONS {
                true => (0..missing.len())
                    .filter(|&i| history.index.scope.contains(missing[i].path))
                    .collect(),
                false => Vec::new(),
            };
            if under.len() >= FIRST_PARENT_MIN_QUESTIONS {
                let head = graph.find(&self.head).expect("HEAD is in its own graph");
                let questions: Vec<(CommitIdx, index::PathId)> = under
                    .iter()
                    .map(|&i| (missing[i].commit, missing[i].id))
                    .collect();
                let answers = history.index.first_parent_entries(graph, head, &questions);
                for (i, answer) in under.into_iter().zip(answers) {
                    told[i] = answer;
                }
            }
            let mut reads: HashMap<CommitIdx, Reads> = HashMap::new();
            for (file, told) in missing.into_iter().zip(told) {
                let read_at = match told {
                    index::FirstParentEntry::Found(entry) => {
                        #[cfg(test)]
                        TOLD_BY_FIRST_PARENTS.with(|c| c.set(c.get() + 1));
                        history
                            .entries
                            .insert((file.commit, file.id), (entry, true));
                        history.dirty = true;
                        out[file.at][file.place] = entry;
                        continue;
                    }
                    index::FirstParentEntry::AsIn(commit) => commit,
                    index::FirstParentEntry::Unknown => file.commit,
                };
                reads.entry(read_at).or_default().push(file);
            }
            let mut reads: Vec<(CommitIdx, Reads)> = reads.into_iter().collect();
            reads.sort_by_key(|(commit, files)| (files[0].at, *commit));
            for (commit, paths) in reads {
                work.push((
                    commit,
                    history.index.tree(&self.repo, graph, commit)?,
                    paths,
                ));
            }
        }
        let read_one = |repo: &gix::Repository, root: ObjectId, paths: &Reads| {
            match paths.as_slice() {
                // As `entries_at` reads them: one path down the trees, several with one pass over each tree.
                [file] => entry_under(repo, root, file.path).map(|entry| vec![entry]),
                _ => {
                    // Each name once (the files asked at many commits that the line's last commit tells).
                    let mut names: Vec<&str> = paths.iter().map(|file| file.path).collect();
                    names.sort_unstable();
                    names.dedup();
                    let owned: Vec<String> = names.iter().map(|p| p.to_string()).collect();
                    let found = entries_under(repo, root, &owned)?;
                    Ok(paths
                        .iter()
                        .map(|file| names.binary_search(&file.path).ok().and_then(|i| found[i]))
                        .collect())
                }
            }
        };
        let read: Vec<Result<Vec<Option<Entry>>>> =
            if work.len() < 2 || crate::util::parallel::threads() < 2 {
                work.iter()
                    .map(|(_, root, paths)| read_one(&self.repo, *root, paths))
                    .collect()
            } else {
                let mut readers = self.tree_readers.borrow_mut();
                if readers.is_empty() {
                    let shared = self.repo.clone().into_sync();
                    *readers = (0..crate::util::parallel::threads())
                        .map(|_| shared.to_thread_local())
                        .collect();
                }
                crate::util::parallel::map_with(&work, 2, &mut readers, |repo, (_, root, paths)| {
                    read_one(repo, *root, paths)
                })
            };
        let mut guard = self.history.borrow_mut();
        let history = guard.as_mut().expect("known above");
        for ((_, _, paths), found) in work.into_iter().zip(read) {
            for (file, entry) in paths.into_iter().zip(found?) {
                history
                    .entries
                    .insert((file.commit, file.id), (entry, true));
                out[file.at][file.place] = entry;
            }
            history.dirty = true;
        }
        Ok(out)
    }

    /// The bytes of a blob; `None` when the object is not in the repository (a partial clone).
    pub fn read_blob(&self, id: ObjectId) -> Result<Option<Vec<u8>>> {
        read_blob_in(&self.repo, id)
    }

    /// Whether the repository tracks [`crate::util::alloc::BIG_REPOSITORY_FILES`] files or more.
    pub fn is_big(&self) -> bool {
        self.big
    }

    /// A handle other threads can read blobs through ([`BlobReader::read`]), one per thread.
    pub fn blob_readers(&self) -> BlobReaders {
        BlobReaders(self.repo.clone().into_sync())
    }

    /// The blob id git would give these bytes.
    pub fn hash_blob(bytes: &[u8]) -> ObjectId {
        gix::objs::compute_hash(gix::hash::Kind::Sha1, gix::object::Kind::Blob, bytes)
            .expect("sha1 is compiled in")
    }

    /// Whether a work-tree file's `bytes` are the checkout of blob `id`: the same bytes, or the same once the CRLF
    /// line ends a checkout writes (`core.autocrlf`, `.gitattributes` `eol=crlf`) are read back as LF, as git's
    /// `git status` reads them.
    pub fn is_checkout_of(bytes: &[u8], id: ObjectId) -> bool {
        GitRepo::hash_blob(bytes) == id
            || bytes.contains(&b'\r')
                && GitRepo::hash_blob(
                    &String::from_utf8_lossy(bytes)
                        .replace("\r\n", "\n")
                        .into_bytes(),
                ) == id
    }

    /// For each path, the last commit that touched it in HEAD's history (`git log -1 -- <path>`), in one walk.
    pub fn last_touches(&self, paths: &[String]) -> Result<HashMap<String, LastTouchAt>> {
        let graph = self.graph()?;
        let head = graph.find(&self.head).expect("HEAD is in its own graph");
        let mut guard = self.history.borrow_mut();
        let history = guard.as_mut().expect("loaded with the graph");
        let progress = self.progress.borrow();
        let mut out = HashMap::with_capacity(paths.len());
        for (part, inside) in history.split_by_scope(paths) {
            let part_history = history.for_scope(inside, graph);
            let touches = part_history.touches(&self.repo, graph, head, &part, &**progress)?;
            for (path, touch) in part.into_iter().zip(touches) {
                let at = match touch {
                    LastTouch::Commit(c) => LastTouchAt::Commit(graph.id(c)),
                    LastTouch::BeyondShallowBoundary => LastTouchAt::BeyondShallowBoundary,
                    LastTouch::NotInHead => LastTouchAt::NotInHead,
                };
                out.insert(path, at);
            }
        }
        Ok(out)
    }

    /// For each path HEAD's tree lacks, the commit that deleted it (what `git log -1 -- <path>` shows for a deleted
    /// file), when one did: a path that never existed on the line history simplification follows has none. Paths
    /// without a deletion, or whose deletion lies beyond a shallow clone's boundary, are left out.
    pub fn deletions(&self, paths: &[String]) -> Result<HashMap<String, ObjectId>> {
        let graph = self.graph()?;
        let head = graph.find(&self.head).expect("HEAD is in its own graph");
        let mut guard = self.history.borrow_mut();
        let history = guard.as_mut().expect("loaded with the graph");
        let mut out = HashMap::new();
        for (part, inside) in history.split_by_scope(paths) {
            let part_history = history.for_scope(inside, graph);
            let ids: Vec<index::PathId> = part
                .iter()
                .map(|p| part_history.index.dict.intern(p.as_bytes()))
                .collect();
            // The walk stops where a path's entry differs from a parent's: for a path HEAD lacks, where it was
            // there before. It also stops at a root, where the path may never have been.
            let found = walk::last_touches(
                &self.repo,
                graph,
                &mut part_history.index,
                head,
                &ids,
                None,
                &progress::Silent,
            )?;
            for (path, id) in part.iter().zip(&ids) {
                let Some(&LastTouch::Commit(commit)) = found.get(id) else {
                    continue;
                };
                if !graph.parents(commit).is_empty() {
                    out.insert(path.clone(), graph.id(commit));
                }
            }
        }
        Ok(out)
    }

    /// The last commit before `commit` (on its first-parent side) that touched `path`, as `git log -1 <commit>^ --
    /// <path>` gives it; `None` when there is none.
    pub fn previous_touch(&self, commit: ObjectId, path: &str) -> Result<Option<ObjectId>> {
        Ok(self
            .previous_touches(&[(commit, path.to_owned())])?
            .pop()
            .flatten())
    }

    /// [`previous_touch`](Self::previous_touch) for each (commit, path) of `queries`, in their order, in one walk of
    /// the history: pages walked back from many commits cross the same commits, each looked at once for all.
    pub fn previous_touches(
        &self,
        queries: &[(ObjectId, String)],
    ) -> Result<Vec<Option<ObjectId>>> {
        let graph = self.graph()?;
        let mut out = vec![None; queries.len()];
        // Each walk starts at its commit's first parent, for a path that parent has.
        let mut by_parent: HashMap<CommitIdx, Vec<usize>> = HashMap::new();
        for (at, (commit, _)) in queries.iter().enumerate() {
            let Some(idx) = graph.find(commit) else {
                continue;
            };
            if let Some(&parent) = graph.parents(idx).first() {
                by_parent.entry(parent).or_default().push(at);
            }
        }
        let mut by_parent: Vec<(CommitIdx, Vec<usize>)> = by_parent.into_iter().collect();
        by_parent.sort_unstable();
        let mut starts: Vec<(CommitIdx, usize)> = Vec::new();
        let mut guard = self.history.borrow_mut();
        let history = guard.as_mut().expect("loaded with the graph");
        for (parent, mut asked) in by_parent {
            // The edge between a commit and its first parent, when this run computed it, tells whether the file was
            // in the parent (a commit mostly changed the file it is asked about): no tree is read for those.
            asked.retain(|&at| {
                let (commit, path) = &queries[at];
                let told = graph
                    .find(commit)
                    .filter(|_| history.index.scope.contains(path))
                    .and_then(|idx| history.index.in_first_parent(graph, idx, path.as_bytes()));
                if told == Some(true) {
                    starts.push((parent, at));
                }
                told.is_none()
            });
            if asked.is_empty() {
                continue;
            }
            let paths: Vec<String> = asked.iter().map(|&at| queries[at].1.clone()).collect();
            let entries = entries_in(&self.repo, graph.id(parent), &paths)?;
            for (at, entry) in asked.into_iter().zip(entries) {
                if entry.is_some() {
                    starts.push((parent, at));
                }
            }
        }
        starts.sort_unstable();
        let (inside, outside): (Vec<_>, Vec<_>) = starts
            .into_iter()
            .partition(|&(_, at)| history.index.scope.contains(&queries[at].1));
        for (starts, inside) in [(inside, true), (outside, false)] {
            if starts.is_empty() {
                continue;
            }
            let scoped = history.for_scope(inside, graph);
            let asked: Vec<(CommitIdx, index::PathId)> = starts
                .iter()
                .map(|&(parent, at)| (parent, scoped.index.dict.intern(queries[at].1.as_bytes())))
                .collect();
            let found = walk::last_touches_from(&self.repo, graph, &mut scoped.index, &asked)?;
            for (&(_, at), touch) in starts.iter().zip(found) {
                if let LastTouch::Commit(commit) = touch {
                    out[at] = Some(graph.id(commit));
                }
            }
        }
        Ok(out)
    }

    /// The best common ancestor of two commits; `None` when their histories are unrelated.
    pub fn merge_base(&self, one: ObjectId, two: ObjectId) -> Result<Option<ObjectId>> {
        match self.repo.merge_base(one, two) {
            Ok(base) => Ok(base.map(|id| id.detach())),
            Err(_) if self.shallow => Err(Error::ShallowHistory),
            Err(err) => Err(Error::git(err)),
        }
    }

    /// Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor).
    pub fn is_ancestor(&self, ancestor: ObjectId, descendant: ObjectId) -> Result<bool> {
        Ok(ancestor == descendant || self.merge_base(ancestor, descendant)? == Some(ancestor))
    }

    /// Files under the folders `dirs` (repo-relative) in the tree of `commit`, repo-relative, sorted.
    pub fn files_at(&self, commit: ObjectId, dirs: &[String]) -> Result<Vec<String>> {
        let commit = self.repo.find_commit(commit).map_err(Error::git)?;
        let tree = commit.tree().map_err(Error::git)?;
        let mut out = Vec::new();
        for dir in dirs {
            let start = if dir.is_empty() {
                Some(tree.id)
            } else {
                tree.lookup_entry_by_path(dir)
                    .map_err(Error::git)?
                    .filter(|e| e.mode().is_tree())
                    .map(|e| e.object_id())
            };
            let Some(start) = start else { continue };
            let mut stack = vec![(start, dir.clone())];
            while let Some((id, prefix)) = stack.pop() {
                let tree = self.repo.find_tree(id).map_err(Error::git)?;
                for entry in tree.decode().map_err(Error::git)?.entries.iter() {
                    let path = if prefix.is_empty() {
                        entry.filename.to_string()
                    } else {
                        format!("{prefix}/{}", entry.filename)
                    };
                    if entry.mode.is_tree() {
                        stack.push((entry.oid.to_owned(), path));
                    } else if entry.mode.is_blob() {
                        out.push(path);
                    }
                }
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The files under the folders `dirs` whose entries differ between the trees of commits `old` and `new` (`git
    /// diff --name-only old new -- dirs`, without rename detection), with their entries on each side, sorted by path.
    /// Folders whose tree ids are equal on both sides are not opened.
    pub fn changed_files(
        &self,
        old: ObjectId,
        new: ObjectId,
        dirs: &[String],
    ) -> Result<Vec<ChangedFile>> {
        let tree = |commit: ObjectId| -> Result<gix::Tree<'_>> {
            let commit = self.repo.find_commit(commit).map_err(Error::git)?;
            commit.tree().map_err(Error::git)
        };
        let (old_tree, new_tree) = (tree(old)?, tree(new)?);
        let mut dirs: Vec<String> = dirs.to_vec();
        dirs.sort();
        dirs.dedup();
        // A folder inside another one listed is covered by it.
        let all = dirs.clone();
        dirs.retain(|d| {
            !all.iter()
                .any(|o| o != d && (o.is_empty() || d.starts_with(&format!("{o}/"))))
        });
        let mut out = Vec::new();
        for dir in &dirs {
            let at = |tree: &gix::Tree<'_>| -> Result<Option<Entry>> {
                if dir.is_empty() {
                    return Ok(Some((gix::objs::tree::EntryKind::Tree.into(), tree.id)));
                }
                Ok(tree
                    .lookup_entry_by_path(dir)
                    .map_err(Error::git)?
                    .map(|e| (e.mode(), e.object_id())))
            };
            self.diff_entries(dir, at(&old_tree)?, at(&new_tree)?, &mut out)?;
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    fn diff_entries(
        &self,
        path: &str,
        old: Option<Entry>,
        new: Option<Entry>,
        out: &mut Vec<ChangedFile>,
    ) -> Result<()> {
        if old == new {
            return Ok(());
        }
        let tree_of = |e: Option<Entry>| e.filter(|(mode, _)| mode.is_tree()).map(|(_, id)| id);
        let blob_of = |e: Option<Entry>| e.filter(|(mode, _)| !mode.is_tree());
        let (old_tree, new_tree) = (tree_of(old), tree_of(new));
        let (old_blob, new_blob) = (blob_of(old), blob_of(new));
        if old_blob != new_blob {
            out.push((path.to_owned(), old_blob, new_blob));
        }
        if old_tree.is_none() && new_tree.is_none() {
            return Ok(());
        }
        let children = |tree: Option<ObjectId>| -> Result<Vec<(String, Entry)>> {
            let Some(id) = tree else {
                return Ok(Vec::new());
            };
            let tree = self.repo.find_tree(id).map_err(Error::git)?;
            Ok(tree
                .decode()
                .map_err(Error::git)?
                .entries
                .iter()
                .map(|e| (e.filename.to_string(), (e.mode, e.oid.to_owned())))
                .collect())
        };
        let mut names: std::collections::BTreeMap<String, (Option<Entry>, Option<Entry>)> =
            std::collections::BTreeMap::new();
        for (name, entry) in children(old_tree)? {
            names.entry(name).or_default().0 = Some(entry);
        }
        for (name, entry) in children(new_tree)? {
            names.entry(name).or_default().1 = Some(entry);
        }
        for (name, (a, b)) in names {
            let child = if path.is_empty() {
                name
            } else {
                format!("{path}/{name}")
            };
            self.diff_entries(&child, a, b, out)?;
        }
        Ok(())
    }

    /// The newest commit on HEAD's first-parent line whose committer time is not later than `time` (what a
    /// checkout of the default branch showed at that moment); `None` when HEAD's whole line is later.
    pub fn first_parent_at(&self, time: i64) -> Result<Option<ObjectId>> {
        let graph = self.graph()?;
        let mut commit = graph.find(&self.head).expect("HEAD is in its own graph");
        loop {
            if graph.time(commit) <= time {
                return Ok(Some(graph.id(commit)));
            }
            match graph.parents(commit).first() {
                Some(&parent) => commit = parent,
                None => return Ok(None),
            }
        }
    }

    /// Whether `commit` is reachable from HEAD.
    pub fn reachable_from_head(&self, commit: ObjectId) -> Result<bool> {
        Ok(self.graph()?.find(&commit).is_some())
    }

    /// The commits (not yet `done`) whose first-parent edge changes at least two paths that `wanted` accepts — the
    /// only ones where a rename of a wanted file can be (one deleted, one added) —, with those paths. The edges come
    /// from the history index (and its cache), which compares folder ids before looking inside; roots outside the
    /// content folders use the whole-repository history, as other questions about such paths do.
    pub(crate) fn rename_candidates(
        &self,
        roots: &[String],
        done: &[bool],
        wanted: &dyn Fn(&str) -> bool,
    ) -> Result<RenameCandidates> {
        let graph = self.graph()?;
        self.load_history()?;
        let mut guard = self.history.borrow_mut();
        let history = guard.as_mut().expect("loaded above");
        let inside = roots.iter().all(|root| history.index.scope.contains(root));
        let history = history.for_scope(inside, graph);
        let mut verdicts: HashMap<index::PathId, bool> = HashMap::new();
        let mut out = Vec::new();
        for commit in 0..graph.len() as CommitIdx {
            if done[commit as usize] || graph.parents(commit).is_empty() {
                continue;
            }
            let changed = history
                .index
                .changes(&self.repo, graph, commit, Some(0))?
                .to_vec();
            let picked: Vec<index::PathId> = changed
                .into_iter()
                .filter(|&path| {
                    *verdicts.entry(path).or_insert_with(|| {
                        let name = String::from_utf8_lossy(history.index.dict.path(path));
                        roots
                            .iter()
                            .any(|r| r.is_empty() || name.starts_with(&format!("{r}/")))
                            && wanted(&name)
                    })
                })
                .collect();
            if picked.len() >= 2 {
                let mut names: Vec<String> = picked
                    .iter()
                    .map(|&p| String::from_utf8_lossy(history.index.dict.path(p)).into_owned())
                    .collect();
                names.sort_unstable();
                out.push((commit, names));
            }
        }
        Ok(out)
    }

    /// The files among `paths` (changed by `commit`, from [`rename_candidates`](Self::rename_candidates)) that
    /// `commit` adds and deletes compared with its first parent, with their blob ids.
    pub(crate) fn added_and_deleted(
        &self,
        roots: &[String],
        commit: CommitIdx,
        paths: &[String],
    ) -> Result<index::AddedDeleted<String>> {
        let graph = self.graph()?;
        let mut guard = self.history.borrow_mut();
        let history = guard.as_mut().expect("loaded with the graph");
        let inside = roots.iter().all(|root| history.index.scope.contains(root));
        let history = history.for_scope(inside, graph);
        let files = history.index.added_and_deleted(&self.repo, graph, commit)?;
        let dict = &history.index.dict;
        // In the order of `paths` (sorted), as the renames are matched.
        let named = |files: Vec<(index::PathId, ObjectId)>| -> Vec<(String, ObjectId)> {
            let mut named: Vec<(String, ObjectId)> = files
                .into_iter()
                .map(|(path, id)| (String::from_utf8_lossy(dict.path(path)).into_owned(), id))
                .filter(|(path, _)| paths.binary_search(path).is_ok())
                .collect();
            named.sort_unstable();
            named
        };
        Ok(index::AddedDeleted {
            added: named(files.added),
            deleted: named(files.deleted),
        })
    }

    /// The name the file at `path` had before `commit` moved it there: the file of the same bytes `commit` deleted
    /// (a `git mv`, a folder reorganised), compared with its first parent. `None` when `commit` added the file anew,
    /// or left it under its name, or more than one file went or came with those bytes.
    pub fn moved_from(&self, commit: ObjectId, path: &str) -> Result<Option<String>> {
        let graph = self.graph()?;
        let Some(idx) = graph.find(&commit) else {
            return Ok(None);
        };
        if graph.parents(idx).is_empty() {
            return Ok(None);
        }
        self.load_history()?;
        let mut guard = self.history.borrow_mut();
        let history = guard.as_mut().expect("loaded above");
        let inside = history.index.scope.contains(path);
        let history = history.for_scope(inside, graph);
        let files = history.index.added_and_deleted(&self.repo, graph, idx)?;
        let dict = &history.index.dict;
        let Some(&(_, id)) =
            (files.added.iter()).find(|(added, _)| dict.path(*added) == path.as_bytes())
        else {
            return Ok(None);
        };
        // One file of those bytes went, and one came: a page renamed while a copy of it was added (a translation
        // started as a copy of its source, the source renamed in the same commit) is no move of the copy.
        let mut went = (files.deleted.iter()).filter(|(_, deleted)| *deleted == id);
        let came = (files.added.iter())
            .filter(|(_, added)| *added == id)
            .count();
        Ok(match (went.next(), went.next(), came) {
            (Some((old, _)), None, 1) => {
                Some(String::from_utf8_lossy(dict.path(*old)).into_owned())
            }
            _ => None,
        })
    }

    /// `git rev-list <since>..HEAD -- <path>` for many (path, since) pairs: the commits that changed each path since
    /// its sync point, newest first. `None` where the answer needs history this clone does not have (a shallow
    /// boundary), or when `since` is not in HEAD's history.
    pub fn source_changes(
        &self,
        queries: &[(String, ObjectId)],
    ) -> Result<Vec<Option<Vec<ObjectId>>>> {
        let graph = self.graph()?;
        let head = graph.find(&self.head).expect("HEAD is in its own graph");
        let mut guard = self.history.borrow_mut();
        let history = guard.as_mut().expect("loaded with the graph");
        let progress = self.progress.borrow();
        let mut out: Vec<Option<Vec<ObjectId>>> = vec![None; queries.len()];
        for inside in [true, false] {
            let picked: Vec<(usize, String, CommitIdx)> = queries
                .iter()
                .enumerate()
                .filter(|(_, (path, _))| history.index.scope.contains(path) == inside)
                .filter_map(|(i, (path, since))| graph.find(since).map(|s| (i, path.clone(), s)))
                .collect();
            if picked.is_empty() {
                continue;
            }
            let part_history = history.for_scope(inside, graph);
            let asked: Vec<(String, CommitIdx)> =
                picked.iter().map(|(_, p, s)| (p.clone(), *s)).collect();
            let answers = part_history.changes(&self.repo, graph, head, &asked, &**progress)?;
            for ((i, _, _), answer) in picked.iter().zip(answers) {
                out[*i] = answer.map(|commits| commits.into_iter().map(|c| graph.id(c)).collect());
            }
        }
        Ok(out)
    }
}

impl History {
    fn new(scope: Scope, graph: &CommitGraph) -> History {
        History {
            index: ChangeIndex::new(scope, graph),
            touches: HashMap::new(),
            changes: HashMap::new(),
            entries: Default::default(),
            prior: None,
            dirty: true,
            outside: None,
            counting: None,
        }
    }

    /// `paths` in two groups: inside the scope (`true`) and outside it, each in the order given.
    fn split_by_scope(&self, paths: &[String]) -> Vec<(Vec<String>, bool)> {
        let (inside, outside): (Vec<String>, Vec<String>) = paths
            .iter()
            .cloned()
            .partition(|p| self.index.scope.contains(p));
        [(inside, true), (outside, false)]
            .into_iter()
            .filter(|(list, _)| !list.is_empty())
            .collect()
    }

    /// This history for paths inside the scope; for the others, one over the whole repository (not cached on disk:
    /// only commands given paths outside the content folders need it).
    fn for_scope(&mut self, inside: bool, graph: &CommitGraph) -> &mut History {
        if inside {
            return self;
        }
        self.outside
            .get_or_insert_with(|| Box::new(History::new(Scope::new(&[String::new()]), graph)))
    }

    /// The last commit that touched each path, computing those not known yet in one walk.
    fn touches(
        &mut self,
        repo: &gix::Repository,
        graph: &CommitGraph,
        head: CommitIdx,
        paths: &[String],
        progress: &dyn Progress,
    ) -> Result<Vec<LastTouch>> {
        let ids: Vec<index::PathId> = paths
            .iter()
            .map(|p| self.index.dict.intern(p.as_bytes()))
            .collect();
        let missing: Vec<(String, index::PathId)> = paths
            .iter()
            .zip(&ids)
            .filter(|(_, id)| !self.touches.contains_key(id))
            .map(|(p, &id)| (p.clone(), id))
            .collect();
        if !missing.is_empty() {
            // Only paths in HEAD's tree have a last commit (an untracked file has none).
            let names: Vec<String> = missing.iter().map(|(p, _)| p.clone()).collect();
            let at_head = entries_in(repo, graph.id(head), &names)?;
            let mut present = Vec::new();
            for ((_, id), entry) in missing.iter().zip(at_head) {
                match entry {
                    Some(_) => present.push(*id),
                    None => {
                        self.touches.insert(*id, LastTouch::NotInHead);
                    }
                }
            }
            let known = self.prior.as_ref().map(|(commit, known)| walk::KnownAt {
                commit: *commit,
                touches: known,
            });
            let found = walk::last_touches(
                repo,
                graph,
                &mut self.index,
                head,
                &present,
                known,
                progress,
            )?;
            self.touches.extend(found);
            self.dirty = true;
        }
        Ok(ids
            .iter()
            .map(|id| {
                self.touches
                    .get(id)
                    .copied()
                    .unwrap_or(LastTouch::NotInHead)
            })
            .collect())
    }

    /// `git rev-list <since>..HEAD -- <path>` for each query, replaying those not known yet.
    fn changes(
        &mut self,
        repo: &gix::Repository,
        graph: &CommitGraph,
        head: CommitIdx,
        queries: &[(String, CommitIdx)],
        progress: &dyn Progress,
    ) -> Result<Vec<Option<Vec<CommitIdx>>>> {
        let keys: Vec<(index::PathId, CommitIdx)> = queries
            .iter()
            .map(|(path, since)| (self.index.dict.intern(path.as_bytes()), *since))
            .collect();
        let mut todo: Vec<(index::PathId, CommitIdx)> = keys
            .iter()
            .filter(|key| !self.changes.contains_key(key))
            .copied()
            .collect();
        todo.sort_unstable_by_key(|&(path, since)| (since, path));
        todo.dedup();
        if !todo.is_empty() {
            progress.start(Phase::CountingChanges, Some(todo.len() as u64));
            let counting = match &mut self.counting {
                Some(counting) if counting.head() == head => counting,
                slot => slot.insert(revlist::Counting::new(graph, head)),
            };
            let mut advance = |done: usize| {
                if done.is_multiple_of(64) {
                    progress.advance(done as u64);
                }
            };
            let known = match todo.len() >= SHARED_COUNTING_MIN_QUERIES {
                true => self.index.all_known(repo, graph)?,
                false => None,
            };
            let answers = match known {
                Some(known) => {
                    count_on_two_threads(counting, graph, head, &todo, known, &mut advance)?
                }
                None => {
                    let mut changes = IndexChanges {
                        repo,
                        graph,
                        index: &mut self.index,
                    };
                    counting.answer_all(graph, &todo, &mut changes, &mut advance)?
                }
            };
            for (key, answer) in todo.into_iter().zip(answers) {
                self.changes.insert(key, answer.ok());
            }
            progress.finish();
            self.dirty = true;
        }
        Ok(keys
            .iter()
            .map(|key| self.changes.get(key).cloned().flatten())
            .collect())
    }
}

/// A file asked at a commit ([`GitRepo::entries_at_commits`]) whose entry is not known yet.
struct Missing<'p> {
    /// Its places: in the questions asked, and among the paths asked at its commit.
    at: usize,
    place: usize,
    commit: CommitIdx,
    path: &'p str,
    id: index::PathId,
}

/// From this many files asked at commits (and not known yet), HEAD's first-parent line is read to tell them from the
/// edges ([`index::ChangeIndex::first_parent_entries`]); fewer are read from the trees. A big repository (see
/// `util::alloc::BIG_REPOSITORY_FILES`) reads them all from the trees: on the large harness corpus the edges took a
/// second off a cold default run (11.9 → 10.9 s) but moved its peak RSS from 285–295 MB to 284–311 MB from run to run,
/// over the 300 MB the contract allows: not a bigger heap, memory the allocator keeps through the judging in most runs
/// (docs/drift.md).
const FIRST_PARENT_MIN_QUESTIONS: usize = 64;

/// Below this many `rev-list` questions, one thread answers them all.
const SHARED_COUNTING_MIN_QUERIES: usize = 1024;

#[cfg(test)]
thread_local! {
    /// How many times the questions were shared between two threads (by the calling thread).
    static COUNTED_ON_TWO_THREADS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// How many files at commits the first-parent edges told (to the calling thread).
    static TOLD_BY_FIRST_PARENTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The answers of [`revlist::Counting::answer_all`] for `todo` (sorted by sync point), on two threads when the history's
/// edges are all known: each answers the questions of every other sync point, in a walk of its own (a walk's answers
/// do not depend on the other questions it shares the walk with). What both walk down from HEAD is done twice; what
/// each sync point's replay costs, the larger part, is shared. On the harness's 100,000-commit corpus, counting took
/// most of two seconds on one core while the other waited.
fn count_on_two_threads(
    counting: &mut revlist::Counting,
    graph: &CommitGraph,
    head: CommitIdx,
    todo: &[(index::PathId, CommitIdx)],
    known: index::KnownEdges<'_>,
    advance: &mut dyn FnMut(usize),
) -> Result<Vec<revlist::Answer>> {
    #[cfg(test)]
    COUNTED_ON_TWO_THREADS.with(|c| c.set(c.get() + 1));
    // Sync points taken in turn, each with all its questions.
    let mut halves: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    let mut turn = 0;
    for (at, query) in todo.iter().enumerate() {
        if at > 0 && todo[at - 1].1 != query.1 {
            turn = 1 - turn;
        }
        halves[turn].push(at);
    }
    let asked = |half: &[usize]| -> Vec<(index::PathId, CommitIdx)> {
        half.iter().map(|&at| todo[at]).collect()
    };
    let (there, here) = (asked(&halves[1]), asked(&halves[0]));
    let (theirs, ours) = crate::util::parallel::beside(
        || {
            let mut changes = known;
            revlist::Counting::new(graph, head).answer_all(graph, &there, &mut changes, &mut |_| {})
        },
        || {
            let mut changes = known;
            // The progress shown is this thread's, for both.
            let share = todo.len() / here.len().max(1);
            counting.answer_all(graph, &here, &mut changes, &mut |done| {
                advance(done * share)
            })
        },
    );
    let theirs = match theirs {
        Some(answers) => answers?,
        // The other thread panicked: its questions are answered here.
        None => {
            let mut changes = known;
            counting.answer_all(graph, &there, &mut changes, &mut |_| {})?
        }
    };
    let mut answers: Vec<Option<revlist::Answer>> = vec![None; todo.len()];
    for (half, found) in [(&halves[0], ours?), (&halves[1], theirs)] {
        for (&at, answer) in half.iter().zip(found) {
            answers[at] = Some(answer);
        }
    }
    Ok(answers
        .into_iter()
        .map(|answer| answer.expect("every question is in one half"))
        .collect())
}

/// Makes [`BlobReader`]s for other threads.
pub struct BlobReaders(gix::ThreadSafeRepository);

impl BlobReaders {
    /// A reader for the calling thread.
    pub fn reader(&self) -> BlobReader {
        BlobReader(self.0.to_thread_local())
    }
}

/// Reads blobs on one thread (see [`GitRepo::blob_readers`]).
pub struct BlobReader(gix::Repository);

impl BlobReader {
    /// As [`GitRepo::read_blob`].
    pub fn read(&self, id: ObjectId) -> Result<Option<Vec<u8>>> {
        read_blob_in(&self.0, id)
    }
}

fn read_blob_in(repo: &gix::Repository, id: ObjectId) -> Result<Option<Vec<u8>>> {
    match repo.try_find_object(id) {
        Ok(Some(object)) => Ok(Some(object.detach().data)),
        Ok(None) => Ok(None),
        Err(err) => Err(Error::git(err)),
    }
}

/// The entry (mode and blob id) of the file at `path` in the tree `root`: each tree on the way is read until the
/// name is found (a big folder is not decoded whole for one file).
fn entry_under(repo: &gix::Repository, root: ObjectId, path: &str) -> Result<Option<Entry>> {
    use gix::prelude::FindExt;
    let mut tree = root;
    let mut buf = Vec::new();
    let mut names = path.split('/').peekable();
    while let Some(name) = names.next() {
        let last = names.peek().is_none();
        let mut found = None;
        for entry in repo
            .objects
            .find_tree_iter(&tree, &mut buf)
            .map_err(Error::git)?
        {
            let entry = entry.map_err(Error::git)?;
            if entry.filename == name.as_bytes() && entry.mode.is_tree() != last {
                found = Some((entry.mode, entry.oid.to_owned()));
                break;
            }
        }
        match found {
            Some(entry) if last => return Ok(Some(entry)),
            Some((_, id)) => tree = id,
            None => return Ok(None),
        }
    }
    Ok(None)
}

/// Entries (mode and blob id) of `paths` in the tree of `commit`, in the order given.
fn entries_in(
    repo: &gix::Repository,
    commit: ObjectId,
    paths: &[String],
) -> Result<Vec<Option<Entry>>> {
    let root = trees::TreeReader::new(repo).commit_tree(commit)?;
    entries_under(repo, root, paths)
}

/// Entries (mode and blob id) of `paths` in the tree `root`, in the order given.
fn entries_under(
    repo: &gix::Repository,
    root: ObjectId,
    paths: &[String],
) -> Result<Vec<Option<Entry>>> {
    let table = PathTable::new(paths.iter().cloned());
    let ids: Vec<PathId> = table.all_ids();
    let mut reader = trees::TreeReader::new(repo);
    let found = reader.entries(&table, root, &ids)?;
    Ok(paths
        .iter()
        .map(|p| table.id(p).and_then(|id| found[id as usize]))
        .collect())
}

/// The change index as the replays of `git rev-list` see it.
struct IndexChanges<'a> {
    repo: &'a gix::Repository,
    graph: &'a CommitGraph,
    index: &'a mut ChangeIndex,
}

impl revlist::EntryChanges for IndexChanges<'_> {
    fn changes(&mut self, commit: CommitIdx, slot: Option<usize>) -> Result<&[index::PathId]> {
        self.index.changes(self.repo, self.graph, commit, slot)
    }
}

/// Where the last commit touching a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastTouchAt {
    Commit(ObjectId),
    NotInHead,
    BeyondShallowBoundary,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Imports a `git fast-import` stream into the repository at `root` and checks out its branch `main`.
    fn fast_import(root: &Path, stream: &str) {
        let mut import = std::process::Command::new("git")
            .args(["fast-import", "--quiet"])
            .current_dir(root)
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(import.stdin.as_mut().unwrap(), stream.as_bytes()).unwrap();
        drop(import.stdin.take());
        assert!(import.wait().unwrap().success());
        git(root, &["reset", "-q", "--hard", "main"]);
    }

    fn git(dir: &Path, args: &[&str]) -> String {
        git_with(dir, args, &[])
    }

    /// `git` with more environment variables (dates).
    fn git_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
        let output = std::process::Command::new("git")
            .args(args)
            .envs(env.iter().copied())
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}");
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    #[test]
    fn tracked_files_are_counted_from_the_index_header() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        let index = root.join(".git/index");
        assert_eq!(tracked_files(&index), 0, "no index yet");
        std::fs::create_dir_all(root.join("content/en")).unwrap();
        for name in ["a", "b", "c"] {
            std::fs::write(root.join(format!("content/en/{name}.md")), name).unwrap();
        }
        git(root, &["add", "-A"]);
        assert_eq!(tracked_files(&index), 3);
        // Index version 4 (path compression) keeps the same header.
        git(root, &["update-index", "--index-version", "4"]);
        assert_eq!(tracked_files(&index), 3);
        std::fs::write(&index, b"not an index at all").unwrap();
        assert_eq!(tracked_files(&index), 0);
    }

    #[test]
    fn paths_outside_the_scope_are_answered_too() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        std::fs::create_dir_all(root.join("content/en")).unwrap();
        std::fs::create_dir_all(root.join("other")).unwrap();
        let mut commits = Vec::new();
        for i in 0..4 {
            std::fs::write(root.join("content/en/a.md"), format!("a {}", i / 2)).unwrap();
            std::fs::write(root.join("other/x.md"), format!("x {}", i % 3)).unwrap();
            git(root, &["add", "-A"]);
            git(
                root,
                &["commit", "-q", "--allow-empty", "-m", &format!("c{i}")],
            );
            commits.push(git(root, &["rev-parse", "HEAD"]));
        }
        let repo = GitRepo::discover(root).unwrap();
        repo.set_scope(&["content".to_owned()]);
        let paths = ["content/en/a.md".to_owned(), "other/x.md".to_owned()];
        let touches = repo.last_touches(&paths).unwrap();
        for path in &paths {
            let expected = git(root, &["log", "-1", "--format=%H", "--", path]);
            assert_eq!(
                touches[path],
                LastTouchAt::Commit(ObjectId::from_hex(expected.as_bytes()).unwrap()),
                "{path}"
            );
        }
        let first = ObjectId::from_hex(commits[0].as_bytes()).unwrap();
        let changes = repo
            .source_changes(&[(paths[0].clone(), first), (paths[1].clone(), first)])
            .unwrap();
        for (path, found) in paths.iter().zip(changes) {
            let count = git(
                root,
                &[
                    "rev-list",
                    "--count",
                    &format!("{}..HEAD", commits[0]),
                    "--",
                    path,
                ],
            );
            assert_eq!(found.map(|c| c.len().to_string()), Some(count), "{path}");
        }
    }

    #[test]
    fn walks_back_from_many_commits_at_once_agree_with_git_one_by_one() {
        // A history with a side branch merged back, files inside and outside the scope changed here and there: the
        // commit before each commit of each file, asked all at once, is the one asked alone and the one git gives.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        std::fs::create_dir_all(root.join("content/fr")).unwrap();
        std::fs::create_dir_all(root.join("other")).unwrap();
        let paths = ["content/fr/a.md", "content/fr/b.md", "other/x.md"];
        let mut commits = Vec::new();
        let commit = |root: &Path, i: usize, commits: &mut Vec<String>| {
            for (k, path) in paths.iter().enumerate() {
                // Each file changes on its own rhythm.
                if (i + k).is_multiple_of(k + 2) || i == 0 {
                    std::fs::write(root.join(path), format!("{path} {i}")).unwrap();
                }
            }
            git(root, &["add", "-A"]);
            git(
                root,
                &["commit", "-q", "--allow-empty", "-m", &format!("c{i}")],
            );
            commits.push(git(root, &["rev-parse", "HEAD"]));
        };
        for i in 0..6 {
            commit(root, i, &mut commits);
        }
        git(root, &["checkout", "-q", "-b", "side", "HEAD~2"]);
        for i in 6..10 {
            commit(root, i, &mut commits);
        }
        git(root, &["checkout", "-q", "main"]);
        for i in 10..12 {
            commit(root, i, &mut commits);
        }
        git(root, &["merge", "-q", "--no-edit", "-s", "ours", "side"]);
        commits.push(git(root, &["rev-parse", "HEAD"]));
        commit(root, 12, &mut commits);
        // A file deleted, then written again: the commit that writes it again has no commit before it for the file.
        git(root, &["rm", "-q", "content/fr/b.md"]);
        git(root, &["commit", "-q", "-m", "gone"]);
        commits.push(git(root, &["rev-parse", "HEAD"]));
        std::fs::write(root.join("content/fr/b.md"), "back").unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "back"]);
        commits.push(git(root, &["rev-parse", "HEAD"]));
        let repo = GitRepo::discover(root).unwrap();
        repo.set_scope(&["content".to_owned()]);
        let mut queries = Vec::new();
        for commit in &commits {
            for path in paths {
                queries.push((
                    ObjectId::from_hex(commit.as_bytes()).unwrap(),
                    path.to_owned(),
                ));
            }
        }
        let together = repo.previous_touches(&queries).unwrap();
        assert!(together.iter().filter(|found| found.is_some()).count() > 10);
        for ((commit, path), found) in queries.iter().zip(together.clone()) {
            assert_eq!(
                found,
                repo.previous_touch(*commit, path).unwrap(),
                "{commit} {path}"
            );
            let parent_has = std::process::Command::new("git")
                .args(["cat-file", "-e", &format!("{commit}^:{path}")])
                .current_dir(root)
                .status()
                .unwrap()
                .success();
            let expected = parent_has
                .then(|| {
                    git(
                        root,
                        &[
                            "log",
                            "-1",
                            "--format=%H",
                            &format!("{commit}^"),
                            "--",
                            path,
                        ],
                    )
                })
                .filter(|hex| !hex.is_empty())
                .map(|hex| ObjectId::from_hex(hex.as_bytes()).unwrap());
            assert_eq!(found, expected, "{commit} {path}");
        }
        // Again once every edge with a first parent is computed, with its files' entries: the edges tell whether a
        // file was in the parent (the file written again was not), and the answers stay those above.
        {
            let graph = repo.graph().unwrap();
            let mut guard = repo.history.borrow_mut();
            let index = &mut guard.as_mut().unwrap().index;
            for at in 0..graph.len() as CommitIdx {
                if !graph.parents(at).is_empty() {
                    index.changes(&repo.repo, graph, at, Some(0)).unwrap();
                }
            }
            assert!(index.leaves_known() > 10);
        }
        assert_eq!(repo.previous_touches(&queries).unwrap(), together);
    }

    #[test]
    fn entries_read_at_many_commits_on_other_threads_are_those_read_in_turn() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        std::fs::create_dir_all(root.join("content/en/deep")).unwrap();
        let paths = ["content/en/a.md", "content/en/deep/b.md", "content/en/c.md"];
        let mut commits = Vec::new();
        for i in 0..8 {
            for (k, path) in paths.iter().enumerate() {
                if i % (k + 1) == 0 {
                    std::fs::write(root.join(path), format!("{path} {i}")).unwrap();
                }
            }
            if i == 5 {
                // Gone for a while: absent at some commits.
                std::fs::remove_file(root.join(paths[2])).unwrap();
            }
            git(root, &["add", "-A"]);
            git(
                root,
                &["commit", "-q", "--allow-empty", "-m", &format!("c{i}")],
            );
            commits.push(ObjectId::from_hex(git(root, &["rev-parse", "HEAD"]).as_bytes()).unwrap());
        }
        let mut asked: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        // A folder and a name that never existed are not files.
        asked.push("content/en/deep".to_owned());
        asked.push("content/en/none.md".to_owned());
        let ahead = GitRepo::discover(root).unwrap();
        ahead.set_scope(&["content".to_owned()]);
        ahead.load_history().unwrap();
        let wanted: Vec<(ObjectId, Vec<String>)> = commits
            .iter()
            .enumerate()
            // One path alone at some commits, all of them at the others.
            .map(|(i, &c)| {
                (
                    c,
                    if i % 2 == 0 {
                        asked[i % asked.len()..][..1].to_vec()
                    } else {
                        asked.clone()
                    },
                )
            })
            .collect();
        let asked_at: Vec<(ObjectId, &[String])> = wanted
            .iter()
            .map(|(c, paths)| (*c, paths.as_slice()))
            .collect();
        let together = ahead.entries_at_commits(&asked_at).unwrap();
        let in_turn = GitRepo::discover(root).unwrap();
        in_turn.set_scope(&["content".to_owned()]);
        in_turn.load_history().unwrap();
        for ((commit, paths), found) in wanted.iter().zip(together) {
            assert_eq!(
                found,
                in_turn.entries_at(*commit, paths).unwrap(),
                "{commit}"
            );
        }
        // What was read ahead is what is answered next.
        for commit in &commits {
            let read = ahead.entries_at(*commit, &asked).unwrap();
            assert_eq!(
                read,
                in_turn.entries_at(*commit, &asked).unwrap(),
                "{commit}"
            );
            for (path, entry) in asked.iter().zip(read) {
                let expected = std::process::Command::new("git")
                    .args(["rev-parse", "--verify", "-q", &format!("{commit}:{path}")])
                    .current_dir(root)
                    .output()
                    .unwrap();
                let is_file = expected.status.success()
                    && git(root, &["cat-file", "-t", &format!("{commit}:{path}")]) == "blob";
                assert_eq!(
                    entry.map(|(_, id)| id.to_string()),
                    is_file
                        .then(|| { String::from_utf8_lossy(&expected.stdout).trim().to_owned() }),
                    "{commit} {path}"
                );
            }
        }
    }

    #[test]
    fn one_path_looked_up_agrees_with_git_and_with_many_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        std::fs::create_dir_all(root.join("content/en/deep")).unwrap();
        for i in 0..40 {
            std::fs::write(root.join(format!("content/en/p{i:02}.md")), format!("{i}")).unwrap();
        }
        std::fs::write(root.join("content/en/deep/z.md"), "z").unwrap();
        std::fs::write(root.join("content/en.md"), "file beside the folder").unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "one"]);
        let repo = GitRepo::discover(root).unwrap();
        repo.graph().unwrap();
        repo.load_history().unwrap();
        let head = repo.head();
        let asked = [
            "content/en/p07.md",
            "content/en/p39.md",
            "content/en/deep/z.md",
            "content/en.md",
            // A folder is not a file; a file is not a folder; absent names.
            "content/en/deep",
            "content/en.md/x",
            "content/en/none.md",
            "missing/a.md",
        ];
        let all: Vec<String> = asked.iter().map(|p| p.to_string()).collect();
        let together = entries_in(&repo.repo, head, &all).unwrap();
        for (path, many) in asked.iter().zip(together) {
            let one = repo.entries_at(head, &[path.to_string()]).unwrap()[0];
            let expected = std::process::Command::new("git")
                .args(["rev-parse", "--verify", "-q", &format!("HEAD:{path}")])
                .current_dir(root)
                .output()
                .unwrap();
            let is_file = expected.status.success()
                && git(root, &["cat-file", "-t", &format!("HEAD:{path}")]) == "blob";
            assert_eq!(one.is_some(), is_file, "{path}");
            if let Some((_, id)) = one {
                assert_eq!(
                    id.to_string(),
                    String::from_utf8_lossy(&expected.stdout).trim(),
                    "{path}"
                );
            }
            if is_file {
                assert_eq!(one, many, "{path}: one at a time and many at once agree");
            }
        }
    }

    #[test]
    fn facts_read_with_the_graph_are_those_commit_info_reads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let commit = |message: &str, author_date: &str| {
            std::fs::write(root.join("page.md"), message).unwrap();
            git(root, &["add", "-A"]);
            git_with(
                root,
                &["commit", "-q", "-m", message],
                &[
                    ("GIT_AUTHOR_DATE", author_date),
                    ("GIT_COMMITTER_DATE", "2024-06-01T12:00:00Z"),
                ],
            );
        };
        git(root, &["init", "-q", "-b", "main"]);
        commit("first", "2020-01-01T00:00:00Z");
        commit("fr: fix a typo [skip-l10n]", "2021-02-03T04:05:06Z");
        commit(
            "Update\n\nBody line with i18nIgnore",
            "2022-03-04T05:06:07Z",
        );
        commit("plain change", "2023-04-05T06:07:08Z");
        git(root, &["checkout", "-q", "-b", "side", "HEAD~1"]);
        commit("side [skip-l10n]", "2023-05-06T07:08:09Z");
        git(root, &["checkout", "-q", "main"]);
        git(
            root,
            &[
                "merge", "-q", "--no-ff", "-X", "theirs", "-m", "merge", "side",
            ],
        );
        let patterns: Vec<regex::Regex> = [r"\[skip-l10n\]", r"i18nIgnore"]
            .iter()
            .map(|p| regex::Regex::new(p).unwrap())
            .collect();
        let repo = GitRepo::discover(root).unwrap();
        repo.match_messages(&patterns);
        let graph = repo.graph().unwrap();
        assert_eq!(graph.len(), 6);
        let mut skipped = 0;
        for at in 0..graph.len() as CommitIdx {
            let id = graph.id(at);
            let info = repo.read_commit_info(id).unwrap();
            let matched = patterns.iter().any(|re| re.is_match(&info.message));
            skipped += usize::from(matched);
            assert_eq!(
                repo.matches_none(id, &patterns),
                !matched,
                "{}",
                info.message
            );
            // Told other patterns, nothing is known.
            assert!(!repo.matches_none(id, &patterns[..1]));
            assert_eq!(
                repo.read_facts(id).unwrap().author_time,
                Some(info.author_time)
            );
            assert_eq!(repo.author_time(id).unwrap(), info.author_time);
            if info.parents.len() < 2 {
                assert_ne!(
                    info.author_time, info.time,
                    "author and committer dates differ"
                );
            }
            assert_eq!(repo.committer_time(id).unwrap(), info.time);
            assert_eq!(repo.parents(id).unwrap(), info.parents);
        }
        assert_eq!(skipped, 3);
    }

    /// A repository started at `root` on branch `main`, with a function that writes a file (folders made) and one
    /// that commits every change with a message.
    fn scratch_repository(root: &Path) -> (impl Fn(&str, &str) + '_, impl Fn(&str) + '_) {
        git(root, &["init", "-q", "-b", "main"]);
        let write = move |path: &str, text: &str| {
            let file = root.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        };
        let commit = move |message: &str| {
            git(root, &["add", "-A"]);
            git(root, &["commit", "-q", "-m", message]);
        };
        (write, commit)
    }

    #[test]
    fn entries_told_by_the_change_index_are_those_in_the_trees() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (write, commit) = scratch_repository(root);
        write("content/en/a.md", "a");
        write("content/en/b.md", "b");
        write("content/fr/a.md", "A");
        commit("one");
        write("content/en/a.md", "a, again");
        commit("edit");
        std::fs::remove_file(root.join("content/en/b.md")).unwrap();
        write("content/en/c.md", "c");
        commit("delete and add");
        git(root, &["update-index", "--chmod=+x", "content/en/c.md"]);
        git(root, &["commit", "-q", "-m", "mode"]);
        // A file replaced by a folder of the same name.
        std::fs::remove_file(root.join("content/fr/a.md")).unwrap();
        write("content/fr/a.md/index.md", "A, in a folder");
        commit("file to folder");
        git(root, &["checkout", "-q", "-b", "side", "HEAD~2"]);
        write("content/en/a.md", "a, on the side");
        write("content/fr/b.md", "B");
        commit("side");
        git(root, &["checkout", "-q", "main"]);
        git(
            root,
            &[
                "merge", "-q", "--no-ff", "-X", "theirs", "-m", "merge", "side",
            ],
        );
        let repo = GitRepo::discover(root).unwrap();
        repo.load_history().unwrap();
        let graph = repo.graph().unwrap();
        {
            let mut guard = repo.history.borrow_mut();
            let history = guard.as_mut().unwrap();
            for at in 0..graph.len() as CommitIdx {
                for slot in 0..graph.parents(at).len() {
                    history
                        .index
                        .changes(&repo.repo, graph, at, Some(slot))
                        .unwrap();
                }
            }
        }
        let paths = [
            "content/en/a.md",
            "content/en/b.md",
            "content/en/c.md",
            "content/fr/a.md",
            "content/fr/a.md/index.md",
            "content/fr/b.md",
        ];
        // Newest first, each commit then its parents: the order in which the walks ask.
        let mut asked = 0;
        for at in (0..graph.len() as CommitIdx).rev() {
            let mut commits = vec![graph.id(at)];
            commits.extend(graph.parents(at).iter().map(|&p| graph.id(p)));
            for path in paths {
                for &id in &commits {
                    let told = repo.entries_at(id, &[path.to_owned()]).unwrap();
                    let read = entries_in(&repo.repo, id, &[path.to_owned()]).unwrap();
                    assert_eq!(told, read, "{path} at {id}");
                    asked += 1;
                }
                if commits.len() > 1 {
                    let same = entries_in(&repo.repo, commits[0], &[path.to_owned()]).unwrap()
                        == entries_in(&repo.repo, commits[1], &[path.to_owned()]).unwrap();
                    assert_eq!(
                        repo.keeps_from_first_parent(commits[0], path),
                        Some(same),
                        "{path} at {}",
                        commits[0]
                    );
                }
            }
        }
        assert!(asked > 40);
        let told_by_edges = repo.history.borrow().as_ref().unwrap().index.leaves_known();
        assert!(
            told_by_edges > 0,
            "the change index kept the entries it saw"
        );
    }

    #[test]
    fn files_added_and_deleted_told_by_the_edges_are_those_the_trees_give() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (write, commit) = scratch_repository(root);
        write("content/en/a.md", "a\nsome lines\nof text\n");
        write("content/en/b.md", "b");
        write("content/fr/a.md", "A");
        write("README.md", "outside the content");
        commit("one");
        // A rename with an edit, a deletion, an addition and a mode change in one commit.
        std::fs::remove_file(root.join("content/en/a.md")).unwrap();
        write("content/en/moved/a.md", "a\nsome lines\nof text, edited\n");
        std::fs::remove_file(root.join("content/en/b.md")).unwrap();
        write("content/en/c.md", "c");
        git(root, &["add", "-A"]);
        git(root, &["update-index", "--chmod=+x", "content/fr/a.md"]);
        git(root, &["commit", "-q", "-m", "move"]);
        // A file replaced by a folder of the same name.
        std::fs::remove_file(root.join("content/fr/a.md")).unwrap();
        write("content/fr/a.md/index.md", "A, in a folder");
        commit("file to folder");
        git(root, &["checkout", "-q", "-b", "side", "HEAD~2"]);
        write("content/fr/b.md", "B");
        std::fs::remove_file(root.join("content/en/b.md")).unwrap();
        commit("side");
        git(root, &["checkout", "-q", "main"]);
        git(root, &["merge", "-q", "--no-ff", "-m", "merge", "side"]);
        let repo = GitRepo::discover(root).unwrap();
        repo.load_history().unwrap();
        let graph = repo.graph().unwrap();
        let mut guard = repo.history.borrow_mut();
        let index = &mut guard.as_mut().unwrap().index;
        let sorted = |mut files: index::AddedDeleted<index::PathId>| {
            files.added.sort_unstable();
            files.deleted.sort_unstable();
            (files.added, files.deleted)
        };
        // From the trees first (no edge computed yet), then from the edges once computed.
        assert_eq!(index.leaves_known(), 0);
        let from_trees: Vec<_> = (0..graph.len() as CommitIdx)
            .map(|at| sorted(index.added_and_deleted(&repo.repo, graph, at).unwrap()))
            .collect();
        for at in 0..graph.len() as CommitIdx {
            if !graph.parents(at).is_empty() {
                index.changes(&repo.repo, graph, at, Some(0)).unwrap();
            }
        }
        assert!(index.leaves_known() > 0);
        for (at, trees) in from_trees.iter().enumerate() {
            let edges = sorted(
                index
                    .added_and_deleted(&repo.repo, graph, at as CommitIdx)
                    .unwrap(),
            );
            assert_eq!(&edges, trees, "commit {}", graph.id(at as CommitIdx));
        }
        let (added, deleted): (usize, usize) =
            from_trees.iter().fold((0, 0), |(a, d), (added, deleted)| {
                (a + added.len(), d + deleted.len())
            });
        assert!(
            added >= 4 && deleted >= 3,
            "{added} added, {deleted} deleted"
        );
    }

    #[test]
    fn commits_since_counted_on_two_threads_are_those_counted_on_one() {
        // 300 commits over 40 pages, a side branch merged every 10 commits: with every edge known (the helper's),
        // 1,200 questions are shared between two threads; without the helper, one thread answers them.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        let mut stream = String::new();
        let mut time = 1_700_000_000;
        for mark in 1..=300usize {
            time += 60;
            let merge = mark % 10 == 0 && mark > 10;
            let branch = if mark % 10 == 9 { "side" } else { "main" };
            stream.push_str(&format!(
                "commit refs/heads/{branch}\nmark :{mark}\ncommitter T <t@example.org> {time} +0000\ndata 2\nc\n"
            ));
            if mark % 10 == 9 {
                // The side branch forks from the commit before the last merge.
                stream.push_str(&format!("from :{}\n", mark.saturating_sub(10).max(1)));
            } else if mark > 1 {
                let first = if mark % 10 == 0 { mark - 2 } else { mark - 1 };
                stream.push_str(&format!("from :{first}\n"));
            }
            if merge {
                stream.push_str(&format!("merge :{}\n", mark - 1));
            }
            for page in [mark % 40, (mark * 7) % 40] {
                let text = format!("page {page} at {mark}");
                stream.push_str(&format!(
                    "M 100644 inline content/en/p{page}.md\ndata {}\n{text}\n",
                    text.len()
                ));
            }
            stream.push('\n');
        }
        fast_import(root, &stream);
        let commits: Vec<ObjectId> = git(root, &["rev-list", "HEAD"])
            .lines()
            .map(|line| ObjectId::from_hex(line.as_bytes()).unwrap())
            .collect();
        assert!(commits.len() > 250, "{} commits", commits.len());
        let queries: Vec<(String, ObjectId)> = (0..40)
            .flat_map(|page| {
                commits
                    .iter()
                    .step_by(9)
                    .map(move |&since| (format!("content/en/p{page}.md"), since))
            })
            .collect();
        assert!(queries.len() >= SHARED_COUNTING_MIN_QUERIES);
        let answers = |helped: bool| {
            let repo = GitRepo::discover(root).unwrap();
            repo.set_scope(&["content".to_owned()]);
            repo.help_with_edges(helped);
            repo.load_history().unwrap();
            if helped {
                // Let the helper compute what it takes, and the renames walk the rest (it asks for every edge
                // with a first parent, from HEAD down).
                std::thread::sleep(std::time::Duration::from_millis(300));
                let done = vec![false; repo.graph().unwrap().len()];
                repo.rename_candidates(&["content".to_owned()], &done, &|_| true)
                    .unwrap();
            }
            let before = COUNTED_ON_TWO_THREADS.with(std::cell::Cell::get);
            let answers = repo.source_changes(&queries).unwrap();
            let shared = COUNTED_ON_TWO_THREADS.with(std::cell::Cell::get) > before;
            (answers, shared)
        };
        let ((two, shared), (one, alone)) = (answers(true), answers(false));
        assert!(shared, "every edge known: the questions are shared");
        assert!(!alone, "edges left to compute: one thread answers");
        assert_eq!(two, one);
        // And git agrees, on a sample.
        for ((path, since), answer) in queries.iter().zip(&two).step_by(37) {
            let listed: Vec<ObjectId> =
                git(root, &["rev-list", &format!("{since}..HEAD"), "--", path])
                    .lines()
                    .map(|line| ObjectId::from_hex(line.as_bytes()).unwrap())
                    .collect();
            assert_eq!(answer.as_ref(), Some(&listed), "{path} since {since}");
        }
    }

    /// A history of 301 commits: 30 side branches of 5 commits (one moving a page to another folder), each merged
    /// after 4 commits on main (each changing a page and `README`, outside `content`), the merge adding the side's
    /// pages; `content/en/a.md` never changes after the root commit.
    fn branchy_history(root: &Path) {
        git(root, &["init", "-q", "-b", "main"]);
        let mut stream = String::new();
        let mut mark = 0;
        let mut time = 1_700_000_000;
        let mut commit = |stream: &mut String,
                          branch: &str,
                          parents: &[usize],
                          files: &[(String, String)]| {
            mark += 1;
            time += 60;
            stream.push_str(&format!(
                "commit refs/heads/{branch}\nmark :{mark}\ncommitter T <t@example.org> {time} +0000\ndata 2\nc\n"
            ));
            if let Some(first) = parents.first() {
                stream.push_str(&format!("from :{first}\n"));
            }
            for parent in &parents[1.min(parents.len())..] {
                stream.push_str(&format!("merge :{parent}\n"));
            }
            for (path, text) in files {
                if text.is_empty() {
                    stream.push_str(&format!("D {path}\n"));
                } else {
                    stream.push_str(&format!(
                        "M 100644 inline {path}\ndata {}\n{text}\n",
                        text.len()
                    ));
                }
            }
            stream.push('\n');
            mark
        };
        let file = |path: String, text: String| (path, text);
        let mut main = commit(
            &mut stream,
            "main",
            &[],
            &[
                file("content/en/a.md".into(), "a".into()),
                file("README".into(), "r".into()),
            ],
        );
        for b in 0..30 {
            let mut side = main;
            let mut added = Vec::new();
            for j in 0..5 {
                let path = format!("content/en/side-{b}/page-{j}.md");
                let mut files = vec![file(path.clone(), format!("side {b} {j}"))];
                if j == 3 {
                    // A page moved on the branch.
                    let moved = format!("content/fr/side-{b}/page-0.md");
                    files.push(file(
                        format!("content/en/side-{b}/page-0.md"),
                        String::new(),
                    ));
                    files.push(file(moved.clone(), format!("side {b} 0")));
                    added.retain(|(p, _): &(String, String)| !p.ends_with("page-0.md"));
                    added.push((moved, format!("side {b} 0")));
                }
                added.push((path, format!("side {b} {j}")));
                side = commit(&mut stream, &format!("side-{b}"), &[side], &files);
            }
            for k in 0..4 {
                let files = [
                    file(
                        format!("content/en/page-{}.md", (b + k) % 7),
                        format!("main {b} {k}"),
                    ),
                    file("README".into(), format!("readme {b} {k}")),
                ];
                main = commit(&mut stream, "main", &[main], &files);
            }
            main = commit(&mut stream, "main", &[main, side], &added);
        }
        fast_import(root, &stream);
    }

    #[test]
    fn files_told_by_first_parent_edges_are_those_in_the_trees() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        branchy_history(root);
        // On the first-parent line too: a page deleted, then written again; `README` (outside the scope) changed.
        git(root, &["rm", "-q", "content/en/page-3.md"]);
        git(root, &["commit", "-q", "-m", "rm"]);
        std::fs::write(root.join("content/en/page-3.md"), "back").unwrap();
        std::fs::write(root.join("README"), "last").unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "back"]);
        let mut paths: Vec<String> = git(root, &["log", "--format=", "--name-only"])
            .lines()
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        paths.sort();
        paths.dedup();
        // A folder and a name that never existed are not files.
        paths.extend(["content/en".to_owned(), "content/en/none.md".to_owned()]);
        let commits: Vec<ObjectId> = git(root, &["rev-list", "HEAD"])
            .lines()
            .map(|line| ObjectId::from_hex(line.as_bytes()).unwrap())
            .collect();
        let repo = GitRepo::discover(root).unwrap();
        repo.set_scope(&["content".to_owned()]);
        repo.help_with_edges(false);
        repo.load_history().unwrap();
        let graph = repo.graph().unwrap();
        {
            // Every edge computed, as after the renames walk.
            let mut guard = repo.history.borrow_mut();
            let index = &mut guard.as_mut().unwrap().index;
            for at in 0..graph.len() as CommitIdx {
                for slot in 0..graph.parents(at).len() {
                    index.changes(&repo.repo, graph, at, Some(slot)).unwrap();
                }
            }
        }
        let asked: Vec<(ObjectId, &[String])> = commits
            .iter()
            .map(|&commit| (commit, paths.as_slice()))
            .collect();
        let before = TOLD_BY_FIRST_PARENTS.with(std::cell::Cell::get);
        let found = repo.entries_at_commits(&asked).unwrap();
        let told = TOLD_BY_FIRST_PARENTS.with(std::cell::Cell::get) - before;
        assert!(told > 10_000, "{told} files told by the edges");
        for ((commit, paths), found) in asked.iter().zip(found) {
            assert_eq!(
                found,
                entries_in(&repo.repo, *commit, paths).unwrap(),
                "{commit}"
            );
        }
    }

    /// Asserts that two indexes tell the same changes for every edge of `graph`, asked from HEAD down as the renames
    /// walk asks; the number of edges that changed files in scope.
    fn same_changes(
        helped: &mut index::ChangeIndex,
        alone: &mut index::ChangeIndex,
        repo: &gix::Repository,
        graph: &CommitGraph,
    ) -> usize {
        let mut compared = 0;
        // From HEAD down, as the renames walk asks.
        for at in 0..graph.len() as CommitIdx {
            for slot in 0..graph.parents(at).len() {
                let told = helped
                    .changes(repo, graph, at, Some(slot))
                    .unwrap()
                    .to_vec();
                let read = alone.changes(repo, graph, at, Some(slot)).unwrap().to_vec();
                // Each index numbers paths in the order it meets them: compared by name.
                let named = |index: &index::ChangeIndex, paths: &[index::PathId]| {
                    let mut named: Vec<(String, index::PathId)> = paths
                        .iter()
                        .map(|&p| (String::from_utf8_lossy(index.dict.path(p)).into_owned(), p))
                        .collect();
                    named.sort();
                    named
                };
                let (told_named, read_named) = (named(helped, &told), named(alone, &read));
                let names = |named: &[(String, index::PathId)]| -> Vec<String> {
                    named.iter().map(|(name, _)| name.clone()).collect()
                };
                assert_eq!(
                    names(&told_named),
                    names(&read_named),
                    "edge {slot} of {}",
                    graph.id(at)
                );
                for ((name, t), (_, r)) in told_named.iter().zip(&read_named) {
                    assert_eq!(
                        helped.known_entry(graph, at, *t),
                        alone.known_entry(graph, at, *r),
                        "{name} at {}",
                        graph.id(at)
                    );
                }
                compared += usize::from(!told.is_empty());
            }
        }
        compared
    }

    /// The graph of `repo`'s HEAD, loaded with a stream of its edges told each commit read.
    fn streamed_graph(repo: &GitRepo) -> (CommitGraph, index::EdgeStream, index::StreamedEdges) {
        let (mut stream, streamed) = index::EdgeStream::new();
        let (graph, _, _) = CommitGraph::load_with_trees(
            &repo.repo,
            repo.head,
            &progress::Silent,
            &[],
            |id, tree, parents| stream.read(id, tree, parents),
        )
        .unwrap();
        (graph, stream, streamed)
    }

    #[test]
    fn edges_streamed_as_the_commits_are_read_are_numbered_and_compared_as_in_turn() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir(&root).unwrap();
        branchy_history(&root);
        let repo = GitRepo::discover(&root).unwrap();
        repo.set_scope(&["content".to_owned()]);
        let scope = repo.scope.borrow().clone();
        let (graph, stream, streamed) = streamed_graph(&repo);
        assert!(stream.numbered_as(&graph));
        drop(stream);
        // The read is not marked over: every edge streamed is compared.
        let computed = streamed.compare(&repo.repo, &scope);
        assert_eq!(computed.len(), graph.edge_count(), "every edge streamed");
        let mut told = index::ChangeIndex::new(scope.clone(), &graph);
        told.store_streamed(computed);
        let mut alone = index::ChangeIndex::new(scope, &graph);
        let compared = same_changes(&mut told, &mut alone, &repo.repo, &graph);
        assert!(compared > 250, "{compared} edges changed content");

        // Past a shallow clone's boundary the parents are not in the graph: the stream's numbering is not the
        // graph's, and what it compared is left.
        let url = format!("file://{}", root.display());
        let shallow = dir.path().join("shallow");
        git(
            dir.path(),
            &[
                "clone",
                "-q",
                "--depth",
                "20",
                &url,
                shallow.to_str().unwrap(),
            ],
        );
        let repo = GitRepo::discover(&shallow).unwrap();
        let (graph, stream, _) = streamed_graph(&repo);
        assert!(repo.is_shallow());
        assert!(!stream.numbered_as(&graph));
    }

    #[test]
    fn edges_computed_by_the_helper_thread_are_those_computed_in_turn() {
        // 30 side branches of 5 commits, each merged after 4 commits on main: 330 edges, most of them off the
        // first-parent line, enough for the history index to start its helper thread.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        branchy_history(root);

        let repo = GitRepo::discover(root).unwrap();
        repo.set_scope(&["content".to_owned()]);
        repo.load_history().unwrap();
        let graph = repo.graph().unwrap();
        assert_eq!(graph.len(), 301);
        let mut guard = repo.history.borrow_mut();
        let helped = &mut guard.as_mut().unwrap().index;
        assert!(
            helped.has_helper(),
            "a history this long is shared with a helper"
        );
        // Let the helper go as far as it can, so that most edges come from it.
        std::thread::sleep(std::time::Duration::from_millis(300));
        // Merges' edges with their other parents too, which the walks through merges ask for after the renames walk.
        let merges: Vec<CommitIdx> = (0..graph.len() as CommitIdx)
            .filter(|&at| graph.parents(at).len() > 1)
            .collect();
        assert_eq!(merges.len(), 30);
        for &merge in &merges {
            assert!(
                helped.knows_after_helper(graph.edge(merge, 1)),
                "the helper compared merge {} with its side parent",
                graph.id(merge)
            );
        }
        // It takes the first-parent line from its middle down, half a stretch at a time, and leaves the stretch
        // nearest HEAD to the walks coming down from there: both read trees newest first, as packs store them.
        let first_parent = |commit: CommitIdx| graph.edge(commit, 0);
        let oldest = (0..graph.len() as CommitIdx)
            .rev()
            .find(|&at| !graph.parents(at).is_empty())
            .unwrap();
        assert!(helped.knows_after_helper(first_parent(oldest)));
        assert!(
            !helped.knows_after_helper(first_parent(0)),
            "HEAD's edge is left to the walks"
        );
        let mut alone = index::ChangeIndex::new(helped.scope.clone(), graph);
        let compared = same_changes(helped, &mut alone, &repo.repo, graph);
        assert!(compared > 250, "{compared} edges changed content");
        drop(guard);

        // Told not to (a run with other work for the second core), the index has no helper, read ahead or in turn.
        for ahead in [true, false] {
            let repo = GitRepo::discover(root).unwrap();
            repo.set_scope(&["content".to_owned()]);
            repo.help_with_edges(false);
            if ahead {
                repo.load_ahead();
            }
            repo.load_history().unwrap();
            let guard = repo.history.borrow();
            assert!(
                !guard.as_ref().unwrap().index.has_helper(),
                "ahead: {ahead}"
            );
        }

        // Told not to when the history is read ahead, then told to before the first question (a site too big to
        // preload leaves the second core free): the helper starts when the history is taken, for the edges the main
        // thread did not compare while the commits were read (too few left, and none is started).
        let repo = GitRepo::discover(root).unwrap();
        repo.set_scope(&["content".to_owned()]);
        repo.help_with_edges(false);
        repo.load_ahead();
        repo.help_with_edges(true);
        repo.load_history().unwrap();
        let edges = repo.graph().unwrap().edge_count();
        let guard = repo.history.borrow();
        let index = &guard.as_ref().unwrap().index;
        let left = edges - index.known_edges();
        assert_eq!(
            index.has_helper(),
            left >= index::PREFETCH_MIN_EDGES,
            "{left} of {edges} edges left"
        );
    }
}
