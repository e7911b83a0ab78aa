//! Which files under the content roots each edge of the commit graph changes: the facts every history walk reads.
//!
//! An edge is a commit and one of its parents (or a root commit and the empty tree). Its changes are found once, by
//! comparing the two root trees the way `git diff --raw` does, but only under the content roots, and comparing
//! folder ids before looking inside them: an edge that does not touch the content roots costs two tree reads, one
//! that touches one page costs a few more. Edges are computed when a walk first asks for them, and the on-disk
//! cache keeps them, so a later run, or a run after HEAD moved forward, only computes the edges it has not seen.

use std::collections::HashMap;

use gix::ObjectId;
use gix::objs::tree::EntryMode;
use gix::prelude::FindExt;

use super::graph::{CommitGraph, CommitIdx};
use super::trees::Entry;
use crate::error::{Error, Result};

/// Index of a repo-relative path in a [`PathDict`].
pub type PathId = u32;

/// Repo-relative paths (bytes, `/`-separated), numbered in the order they were first seen. The bytes of all paths
/// live in one buffer (a site with 100,000 files would otherwise hold each name twice, in small allocations).
#[derive(Debug, Default, Clone)]
pub struct PathDict {
    bytes: Vec<u8>,
    /// Path `i` is `bytes[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<u32>,
    /// Hash of a path → the last path with that hash; `same_hash` links to the previous one (`u32::MAX`: none).
    by_hash: crate::util::hash::IdMap<u64, PathId>,
    same_hash: Vec<PathId>,
}

fn hash_path(path: &[u8]) -> u64 {
    crate::util::hash::checksum(path)
}

impl PathDict {
    pub fn intern(&mut self, path: &[u8]) -> PathId {
        let hash = hash_path(path);
        if let Some(id) = self.find(hash, path) {
            return id;
        }
        let id = self.ends.len() as PathId;
        self.bytes.extend_from_slice(path);
        self.ends.push(self.bytes.len() as u32);
        let previous = self.by_hash.insert(hash, id).unwrap_or(u32::MAX);
        self.same_hash.push(previous);
        id
    }

    fn find(&self, hash: u64, path: &[u8]) -> Option<PathId> {
        let mut candidate = *self.by_hash.get(&hash)?;
        while candidate != u32::MAX {
            if self.path(candidate) == path {
                return Some(candidate);
            }
            candidate = self.same_hash[candidate as usize];
        }
        None
    }

    /// A dictionary holding `paths` in this order; `None` when one is repeated.
    pub fn from_paths(paths: Vec<Box<[u8]>>) -> Option<PathDict> {
        let mut dict = PathDict::default();
        for path in paths {
            if dict.get(&path).is_some() {
                return None;
            }
            dict.intern(&path);
        }
        Some(dict)
    }

    /// Every path, in order.
    pub fn paths(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.ends.len() as PathId).map(|id| self.path(id))
    }

    pub fn get(&self, path: &[u8]) -> Option<PathId> {
        self.find(hash_path(path), path)
    }

    pub fn path(&self, id: PathId) -> &[u8] {
        let end = self.ends[id as usize] as usize;
        let start = match id {
            0 => 0,
            _ => self.ends[id as usize - 1] as usize,
        };
        &self.bytes[start..end]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// The folders whose files the walks follow (repo-relative; `""` is the whole repository), as a small trie of
/// path components.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    roots: Vec<String>,
    trie: ScopeNode,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ScopeNode {
    /// Everything below this folder is in scope.
    whole: bool,
    children: Vec<(Vec<u8>, ScopeNode)>,
}

impl Scope {
    /// The scope made of `roots`; nested roots are merged into the outer one.
    pub fn new(roots: &[String]) -> Scope {
        let mut list: Vec<String> = roots
            .iter()
            .map(|r| r.trim_matches('/').to_owned())
            .collect();
        list.sort();
        list.dedup();
        let mut kept: Vec<String> = Vec::new();
        for root in list {
            let covered = kept
                .iter()
                .any(|k| k.is_empty() || root == *k || root.starts_with(&format!("{k}/")));
            if !covered {
                kept.push(root);
            }
        }
        let mut trie = ScopeNode::default();
        for root in &kept {
            let mut node = &mut trie;
            if !root.is_empty() {
                for component in root.split('/') {
                    let name = component.as_bytes().to_vec();
                    let at = match node.children.iter().position(|(n, _)| *n == name) {
                        Some(at) => at,
                        None => {
                            node.children.push((name, ScopeNode::default()));
                            node.children.len() - 1
                        }
                    };
                    node = &mut node.children[at].1;
                }
            }
            node.whole = true;
        }
        Scope { roots: kept, trie }
    }

    /// The roots, normalised (sorted, none inside another).
    pub fn roots(&self) -> &[String] {
        &self.roots
    }

    /// Whether repo-relative `path` lies under one of the roots.
    pub fn contains(&self, path: &str) -> bool {
        self.roots.iter().any(|r| {
            r.is_empty()
                || path
                    .strip_prefix(r.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }
}

/// The changes of every edge computed so far, and the reader that computes the others.
pub struct ChangeIndex {
    pub scope: Scope,
    pub dict: PathDict,
    /// By edge number ([`CommitGraph::edge`]): the sorted paths that differ; `None` until computed.
    edges: Vec<Option<Box<[PathId]>>>,
    /// By edge number, for the edges this process computed: each changed path's entry in the commit and in the
    /// parent (`None`: no file there), in the order of `edges`. Looking a file up at a commit that changed it then
    /// reads no tree ([`ChangeIndex::entry_from_edges`]); the cache keeps only the paths.
    leaves: Vec<Option<Box<[BothSides]>>>,
    /// Entries in a parent learnt from an edge when its commit's entry was asked for: the parent's is asked next.
    learnt: crate::util::hash::IdMap<(CommitIdx, PathId), Option<Entry>>,
    /// Root commits: the paths they hold (their edge with the empty tree).
    roots: HashMap<CommitIdx, Box<[PathId]>>,
    /// Root tree of each commit, read once.
    trees: Vec<Option<ObjectId>>,
    /// Edges computed by this process (the cache is rewritten only when there are some).
    pub computed: usize,
    buffers: Vec<(Vec<u8>, Vec<u8>)>,
    /// Edges being computed by a helper thread: with first parents, half a stretch at a time below the walks, then
    /// merges' others, newest first.
    prefetch: Option<Prefetch>,
}

/// A changed file's entry in a commit and in its parent.
pub type BothSides = (Option<Entry>, Option<Entry>);

/// What the first-parent edges tell of a file at a commit ([`ChangeIndex::first_parent_entries`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstParentEntry {
    /// Its entry (`None`: no file there).
    Found(Option<Entry>),
    /// The same as in this commit, which has no parent in the graph: its tree tells.
    AsIn(CommitIdx),
    /// The edges do not tell: the commit's tree does.
    Unknown,
}

/// Not on HEAD's first-parent line ([`FirstParentLine::depth`]).
const OFF_LINE: u32 = u32::MAX;

/// HEAD's first-parent line and, for every path, the depths on it at which the line's edges changed it.
struct FirstParentLine {
    /// Depth of each commit on the line (0: HEAD), [`OFF_LINE`] for the others.
    depth: Vec<u32>,
    line: Vec<CommitIdx>,
    /// The line's edges are known down to this depth (excluded).
    known: usize,
    /// The line ends at a commit without parents, and all its edges are known.
    complete: bool,
    /// The depths of path `p`, from HEAD down: `depths[starts[p]..starts[p + 1]]` (a path numbered after the line was
    /// read has none).
    starts: Vec<u32>,
    depths: Vec<u32>,
}

impl FirstParentLine {
    fn read(
        graph: &CommitGraph,
        head: CommitIdx,
        edges: &[Option<Box<[PathId]>>],
        leaves: &[Option<Box<[BothSides]>>],
        paths: usize,
    ) -> FirstParentLine {
        let line = graph.first_parent_line(head);
        let mut depth = vec![OFF_LINE; graph.len()];
        for (d, &commit) in line.iter().enumerate() {
            depth[commit as usize] = d as u32;
        }
        // The line's edges known from HEAD down (both their paths and their entries).
        let mut known_edges: Vec<&[PathId]> = Vec::new();
        let mut complete = false;
        for &commit in &line {
            if graph.parents(commit).is_empty() {
                complete = true;
                break;
            }
            let edge = graph.edge(commit, 0);
            let (Some(changed), Some(_)) = (edges[edge].as_deref(), leaves[edge].as_deref()) else {
                break;
            };
            known_edges.push(changed);
        }
        let mut starts = vec![0u32; paths + 1];
        for &path in known_edges.iter().flat_map(|changed| changed.iter()) {
            if let Some(count) = starts.get_mut(path as usize + 1) {
                *count += 1;
            }
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        let mut depths = vec![0u32; starts[paths] as usize];
        let mut next: Vec<u32> = starts[..paths].to_vec();
        for (d, changed) in known_edges.iter().enumerate() {
            for &path in changed.iter() {
                if let Some(slot) = next.get_mut(path as usize) {
                    depths[*slot as usize] = d as u32;
                    *slot += 1;
                }
            }
        }
        FirstParentLine {
            depth,
            line,
            known: known_edges.len(),
            complete,
            starts,
            depths,
        }
    }

    /// The depth of the nearest commit at or below depth `d` whose edge changed `path`.
    fn changed_at_or_below(&self, path: PathId, d: u32) -> Option<u32> {
        let p = path as usize;
        if p + 1 >= self.starts.len() {
            return None;
        }
        let depths = &self.depths[self.starts[p] as usize..self.starts[p + 1] as usize];
        depths.get(depths.partition_point(|&x| x < d)).copied()
    }
}

/// How many first parents a commit off HEAD's first-parent line is followed through before its tree is read instead
/// (a branch is rarely longer; a walk this long costs about what reading the tree does).
const OFF_LINE_STEPS: usize = 1024;

/// An edge computed outside the index (by its helper thread, or while the commits were read): its number, and each
/// changed file's path with its entries.
pub type ComputedEdge = (usize, Vec<(Box<[u8]>, BothSides)>);

/// The edges of a history all known ([`ChangeIndex::all_known`]), read on any thread.
#[derive(Clone, Copy)]
pub struct KnownEdges<'a> {
    graph: &'a CommitGraph,
    edges: &'a [Option<Box<[PathId]>>],
    roots: &'a HashMap<CommitIdx, Box<[PathId]>>,
}

impl super::revlist::EntryChanges for KnownEdges<'_> {
    fn changes(&mut self, commit: CommitIdx, slot: Option<usize>) -> Result<&[PathId]> {
        Ok(match slot {
            Some(slot) => self.edges[self.graph.edge(commit, slot)]
                .as_deref()
                .expect("every edge is known"),
            None => &self.roots[&commit],
        })
    }
}

/// A helper thread comparing commits with their parents while the walks come down from HEAD: on two cores, the edges
/// a cold run needs (the renames walk asks for every one) are computed by both, each taking its own stretch.
struct Prefetch {
    results: std::sync::mpsc::Receiver<ComputedEdge>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// By edge number: taken by one side (either thread); the other does not compute it too.
    claimed: std::sync::Arc<Vec<std::sync::atomic::AtomicBool>>,
    /// Set when a walk waited for an edge the helper had taken: it has caught up with the helper.
    caught_up: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Below this many edges to compute, a helper thread is not worth starting.
pub(super) const PREFETCH_MIN_EDGES: usize = 256;

/// One edge to compare: its number, the commit and its parent, and their root trees when known.
struct EdgeJob {
    at: usize,
    commit: ObjectId,
    parent: ObjectId,
    commit_tree: Option<ObjectId>,
    parent_tree: Option<ObjectId>,
}

/// Starts the helper thread on `line`, for an index of `edges` edges (`None`: it could not be started). The edges
/// numbered below `streamed` were compared by the main thread as the commits were read (not yet marked taken: see
/// [`ChangeIndex::store_streamed`]).
fn start_helper(
    repo: &gix::Repository,
    scope: &Scope,
    edges: usize,
    line: HelperLine,
    streamed: usize,
) -> Option<Prefetch> {
    let (sender, results) = std::sync::mpsc::channel();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let claimed: std::sync::Arc<Vec<std::sync::atomic::AtomicBool>> = std::sync::Arc::new(
        (0..edges)
            .map(|_| std::sync::atomic::AtomicBool::new(false))
            .collect(),
    );
    let caught_up = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (stopped, taken, caught) = (stop.clone(), claimed.clone(), caught_up.clone());
    let mut repo = repo.clone();
    // The helper reads each tree once or twice, in order: a small cache of its own is enough.
    repo.object_cache_size(2 << 20);
    let scope = scope.clone();
    let spawned = std::thread::Builder::new()
        .name("tandem-edges".to_owned())
        .spawn(move || {
            let mut buffers = Vec::new();
            let mut compare = |job: &EdgeJob| -> bool {
                if stopped.load(std::sync::atomic::Ordering::Relaxed) {
                    return false;
                }
                if taken[job.at].swap(true, std::sync::atomic::Ordering::AcqRel) {
                    // The walks got here first.
                    return true;
                }
                let Some(edge) = compare_edge(&repo, &scope, &mut buffers, job) else {
                    return false;
                };
                sender.send(edge).is_ok()
            };
            // The first parents' line is taken half a stretch at a time: the lower half of the longest stretch
            // nobody has taken, from its middle down, as the renames walk comes down from HEAD towards the other
            // half. A walk that had to wait for one of the helper's edges has caught up with it: the helper leaves
            // the rest of that stretch to it and takes half of what is left (else the two would take turns, each
            // waiting for the other's edge).
            let free = |job: &EdgeJob| {
                job.at >= streamed && !taken[job.at].load(std::sync::atomic::Ordering::Relaxed)
            };
            'stretches: while let Some((from, to)) = longest_stretch(&line.first_parents, free) {
                if to - from < SPLIT_MIN_EDGES {
                    break;
                }
                for job in &line.first_parents[from + (to - from) / 2..to] {
                    if !compare(job) {
                        return;
                    }
                    if caught.swap(false, std::sync::atomic::Ordering::Relaxed) {
                        continue 'stretches;
                    }
                }
            }
            // The walks that follow pages through merges ask for these in no set order once the renames walk is
            // done.
            for job in &line.other_parents {
                if !compare(job) {
                    return;
                }
            }
        });
    spawned.ok().map(|_| Prefetch {
        results,
        stop,
        claimed,
        caught_up,
    })
}

/// The longest stretch of `jobs` whose jobs are all `free` (its bounds), if any.
fn longest_stretch(jobs: &[EdgeJob], free: impl Fn(&EdgeJob) -> bool) -> Option<(usize, usize)> {
    let (mut best, mut from) = (None::<(usize, usize)>, None);
    // One job taken past the end closes the last stretch.
    for (at, is_free) in jobs.iter().map(free).chain([false]).enumerate() {
        match (is_free, from) {
            (true, None) => from = Some(at),
            (false, Some(start)) => {
                if best.is_none_or(|(a, b)| b - a < at - start) {
                    best = Some((start, at));
                }
                from = None;
            }
            _ => {}
        }
    }
    best
}

/// A stretch of first-parent edges shorter than this is left to the walks: the helper's first tree in a stretch
/// costs it the tree's whole delta chain.
const SPLIT_MIN_EDGES: usize = 64;

/// The edges a helper thread may compare ([`ChangeIndex::helper_line`]).
struct HelperLine {
    /// Between each commit and its first parent, from HEAD down.
    first_parents: Vec<EdgeJob>,
    /// Between each merge and its other parents, from HEAD down.
    other_parents: Vec<EdgeJob>,
}

/// The changed files below the scope between a commit and its parent, paths as bytes (the numbering of a
/// [`PathDict`] is only for one edge); `None` when a tree cannot be read.
fn compare_edge(
    repo: &gix::Repository,
    scope: &Scope,
    buffers: &mut Vec<(Vec<u8>, Vec<u8>)>,
    job: &EdgeJob,
) -> Option<ComputedEdge> {
    let tree = |known: Option<ObjectId>, id: ObjectId| match known {
        Some(tree) => Ok(tree),
        None => root_tree(repo, id),
    };
    let (Ok(a), Ok(b)) = (
        tree(job.commit_tree, job.commit),
        tree(job.parent_tree, job.parent),
    ) else {
        return None;
    };
    let mut dict = PathDict::default();
    let mut differ = Differ {
        trie: &scope.trie,
        dict: &mut dict,
        buffers,
        sides: None,
        leaves: Some(Vec::new()),
    };
    differ.diff(repo, Some(a), Some(b)).ok()?;
    let leaves = differ.leaves.take().unwrap_or_default();
    let paths = leaves
        .into_iter()
        .map(|(id, sides)| (dict.path(id).into(), sides))
        .collect();
    Some((job.at, paths))
}

/// Edges handed to the main thread as the commits are read, from HEAD down ([`CommitGraph::load_with_trees`] reports
/// each commit): while it waits for the read to end, it compares them, as soon as both commits' trees are known, in
/// the order its walks will ask for them. Edges are numbered as the graph numbers them, commit by commit in the order
/// read, slot by slot; at most [`STREAMED_MAX_WAITING`] wait to be compared (the others are left for later).
pub struct EdgeStream {
    jobs: std::sync::mpsc::SyncSender<EdgeJob>,
    /// The root tree of each commit read.
    trees: HashMap<ObjectId, ObjectId>,
    /// Edges waiting for their parent's tree, by parent: (number, commit, its tree).
    waiting: HashMap<ObjectId, Vec<(usize, ObjectId, ObjectId)>>,
    commits: usize,
    next_at: usize,
    /// Shared with [`StreamedEdges::reached`].
    reached: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

/// At most this many streamed edges wait for the main thread.
const STREAMED_MAX_WAITING: usize = 4096;

/// The main thread's end of an [`EdgeStream`].
pub struct StreamedEdges {
    jobs: std::sync::mpsc::Receiver<EdgeJob>,
    /// Set when the read is over: the edges still waiting are left.
    pub done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// One past the highest edge number compared so far.
    reached: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl StreamedEdges {
    /// Compares the edges streamed until the read is over (`done`), or until the stream ends.
    pub fn compare(self, repo: &gix::Repository, scope: &Scope) -> Vec<ComputedEdge> {
        let mut computed = Vec::new();
        let mut buffers = Vec::new();
        for job in self.jobs.iter() {
            if self.done.load(std::sync::atomic::Ordering::Acquire) {
                break;
            }
            match compare_edge(repo, scope, &mut buffers, &job) {
                Some(edge) => {
                    self.reached
                        .fetch_max(job.at + 1, std::sync::atomic::Ordering::Relaxed);
                    computed.push(edge)
                }
                None => break,
            }
        }
        computed
    }
}

impl EdgeStream {
    /// A stream and its main thread's end.
    pub fn new() -> (EdgeStream, StreamedEdges) {
        let (jobs, receiver) = std::sync::mpsc::sync_channel(STREAMED_MAX_WAITING);
        let reached = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let stream = EdgeStream {
            jobs,
            trees: HashMap::new(),
            waiting: HashMap::new(),
            commits: 0,
            next_at: 0,
            reached: reached.clone(),
        };
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        (
            stream,
            StreamedEdges {
                jobs: receiver,
                done,
                reached,
            },
        )
    }

    /// Commit `id`, with root tree `tree` and `parents`, was read (the next in the graph's order).
    pub fn read(&mut self, id: ObjectId, tree: ObjectId, parents: &[ObjectId]) {
        let send = |at, commit, parent, commit_tree, parent_tree| {
            // A full stream leaves the edge for later.
            let _ = self.jobs.try_send(EdgeJob {
                at,
                commit,
                parent,
                commit_tree: Some(commit_tree),
                parent_tree: Some(parent_tree),
            });
        };
        for (slot, parent) in parents.iter().enumerate() {
            let at = self.next_at + slot;
            match self.trees.get(parent) {
                Some(&parent_tree) => send(at, id, *parent, tree, parent_tree),
                None => self
                    .waiting
                    .entry(*parent)
                    .or_default()
                    .push((at, id, tree)),
            }
        }
        for (at, child, child_tree) in self.waiting.remove(&id).unwrap_or_default() {
            send(at, child, id, child_tree, tree);
        }
        self.trees.insert(id, tree);
        self.next_at += parents.len();
        self.commits += 1;
    }

    /// One past the highest edge number the main thread has compared from this stream so far.
    pub fn reached(&self) -> usize {
        self.reached.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether the edges were numbered as `graph` numbers them (not so past a shallow clone's boundary).
    pub fn numbered_as(&self, graph: &CommitGraph) -> bool {
        self.commits == graph.len() && self.next_at == graph.edge_count()
    }
}

/// An edge's changes as stored: by edge number, or a root commit.
pub enum StoredEdge {
    Parent(usize, Box<[PathId]>),
    Root(CommitIdx, Box<[PathId]>),
}

impl ChangeIndex {
    pub fn new(scope: Scope, graph: &CommitGraph) -> ChangeIndex {
        ChangeIndex {
            scope,
            dict: PathDict::default(),
            edges: vec![None; graph.edge_count()],
            leaves: vec![None; graph.edge_count()],
            learnt: Default::default(),
            roots: HashMap::new(),
            trees: vec![None; graph.len()],
            computed: 0,
            buffers: Vec::new(),
            prefetch: None,
        }
    }

    /// The edges the helper thread compares once the graph is known: those between each commit and its first parent
    /// that are not known yet, from HEAD down, of which it takes the lower half of the longest stretch left while the
    /// walks come down from HEAD (both read the trees newest first, as packs store them: each tree a delta of the
    /// one read just before; taken from the oldest up, each of the helper's tree reads resolved a delta chain);
    /// then those between each merge and its other parents, from HEAD down, as the walks that follow pages through
    /// merges ask for them once the renames walk is done (on the harness's 100,000-commit corpus, 5,835 merges: the
    /// main thread compared them alone, for most of a second, while the helper had nothing left to do).
    fn helper_line(&self, graph: &CommitGraph) -> HelperLine {
        let edge = |commit: CommitIdx, slot: usize| {
            let at = graph.edge(commit, slot);
            let parent = graph.parents(commit)[slot];
            self.edges[at].is_none().then(|| EdgeJob {
                at,
                commit: graph.id(commit),
                parent: graph.id(parent),
                commit_tree: self.trees[commit as usize],
                parent_tree: self.trees[parent as usize],
            })
        };
        let first_parents = (0..graph.len() as CommitIdx)
            .filter(|&commit| !graph.parents(commit).is_empty())
            .filter_map(|commit| edge(commit, 0))
            .collect();
        let other_parents = (0..graph.len() as CommitIdx)
            .flat_map(|commit| {
                (1..graph.parents(commit).len()).filter_map(move |slot| edge(commit, slot))
            })
            .collect();
        HelperLine {
            first_parents,
            other_parents,
        }
    }

    /// Starts the helper thread on [`helper_line`](Self::helper_line)'s edges; those numbered below `streamed` were
    /// compared by the main thread as the commits were read.
    pub fn prefetch_edges(&mut self, repo: &gix::Repository, graph: &CommitGraph, streamed: usize) {
        let line = self.helper_line(graph);
        if line.first_parents.len() + line.other_parents.len() < PREFETCH_MIN_EDGES {
            return;
        }
        self.prefetch = start_helper(repo, &self.scope, self.edges.len(), line, streamed);
    }

    /// Keeps the edges the main thread compared while the commits were read ([`EdgeStream`]), taking them from the
    /// helper thread's line first (a helper started with the read does not know them).
    pub fn store_streamed(&mut self, computed: Vec<ComputedEdge>) {
        if let Some(prefetch) = &self.prefetch {
            for (at, _) in &computed {
                prefetch.claimed[*at].store(true, std::sync::atomic::Ordering::Release);
            }
        }
        self.store_computed(computed);
    }

    /// Every edge of `graph` and every root commit's paths, when every edge is known (the helper's taken in, none
    /// waited for; the roots' paths are read if need be): what walks on other threads read without computing
    /// anything. `None` when some edge is still to be computed.
    pub fn all_known<'a>(
        &'a mut self,
        repo: &gix::Repository,
        graph: &'a CommitGraph,
    ) -> Result<Option<KnownEdges<'a>>> {
        self.take_in_ready();
        if !self.edges.iter().all(Option::is_some) {
            return Ok(None);
        }
        for root in 0..graph.len() as CommitIdx {
            if graph.parents(root).is_empty() {
                self.changes(repo, graph, root, None)?;
            }
        }
        Ok(Some(KnownEdges {
            graph,
            edges: &self.edges,
            roots: &self.roots,
        }))
    }

    /// The edges between commits and their parents known so far (those the helper computed once taken in).
    #[cfg(test)]
    pub fn known_edges(&self) -> usize {
        self.edges.iter().filter(|e| e.is_some()).count()
    }

    /// Whether a helper thread computes edges beside the walks.
    #[cfg(test)]
    pub fn has_helper(&self) -> bool {
        self.prefetch.is_some()
    }

    /// Takes in the edges the helper thread has computed so far, and tells whether edge `at` is known.
    #[cfg(test)]
    pub fn knows_after_helper(&mut self, at: usize) -> bool {
        self.take_in_ready();
        self.edges[at].is_some()
    }

    /// Takes in the edges the helper thread has computed so far, without waiting for any.
    fn take_in_ready(&mut self) {
        let ready = match &self.prefetch {
            Some(prefetch) => prefetch.results.try_iter().collect(),
            None => Vec::new(),
        };
        self.store_computed(ready);
    }

    /// Takes in the edges the helper thread has computed so far; if it has taken edge `at`, waits for it (it is
    /// working its way to it).
    fn absorb(&mut self, at: usize) {
        let Some(prefetch) = &self.prefetch else {
            return;
        };
        let mut ready: Vec<ComputedEdge> = prefetch.results.try_iter().collect();
        if !ready.iter().any(|(e, _)| *e == at)
            && prefetch.claimed[at].swap(true, std::sync::atomic::Ordering::AcqRel)
        {
            // The helper has it: wait for it (or for the helper to stop).
            prefetch
                .caught_up
                .store(true, std::sync::atomic::Ordering::Relaxed);
            while let Ok(result) = prefetch.results.recv() {
                let found = result.0 == at;
                ready.push(result);
                if found {
                    break;
                }
            }
        }
        self.store_computed(ready);
    }

    /// Keeps the edges the helper thread computed, numbering their paths in this index.
    fn store_computed(&mut self, ready: Vec<ComputedEdge>) {
        for (at, paths) in ready {
            if self.edges[at].is_none() {
                let leaves = paths
                    .into_iter()
                    .map(|(path, sides)| (self.dict.intern(&path), sides))
                    .collect();
                self.store(at, leaves);
            }
        }
    }

    /// Remembers the root tree of each commit (when the graph loader read them anyway).
    pub fn seed_trees(&mut self, trees: Vec<ObjectId>) {
        if trees.len() == self.trees.len() {
            self.trees = trees.into_iter().map(Some).collect();
        }
    }

    /// Rebuilds an index from stored parts (the cache), for `graph`.
    pub fn from_parts(
        scope: Scope,
        dict: PathDict,
        graph: &CommitGraph,
        stored: Vec<StoredEdge>,
    ) -> ChangeIndex {
        let mut index = ChangeIndex::new(scope, graph);
        index.dict = dict;
        for edge in stored {
            match edge {
                StoredEdge::Parent(at, paths) if at < index.edges.len() => {
                    index.edges[at] = Some(paths)
                }
                StoredEdge::Root(commit, paths) if (commit as usize) < graph.len() => {
                    index.roots.insert(commit, paths);
                }
                _ => {}
            }
        }
        index
    }

    /// Every edge computed so far, for the cache.
    pub fn stored(&self) -> impl Iterator<Item = super::cache::EdgeRef<'_>> + '_ {
        let parents = self
            .edges
            .iter()
            .enumerate()
            .filter_map(|(at, e)| e.as_deref().map(|p| super::cache::EdgeRef::Parent(at, p)));
        let roots = self
            .roots
            .iter()
            .map(|(c, p)| super::cache::EdgeRef::Root(*c, p));
        parents.chain(roots)
    }

    /// The number of edges known (computed now or read from the cache).
    pub fn known(&self) -> usize {
        self.edges.iter().filter(|e| e.is_some()).count() + self.roots.len()
    }

    /// The sorted paths that differ between `commit` and its parent number `slot` (`None`: a root commit against the
    /// empty tree).
    pub fn changes(
        &mut self,
        repo: &gix::Repository,
        graph: &CommitGraph,
        commit: CommitIdx,
        slot: Option<usize>,
    ) -> Result<&[PathId]> {
        match slot {
            Some(slot) => {
                let at = graph.edge(commit, slot);
                if self.edges[at].is_none() {
                    self.absorb(at);
                }
                if self.edges[at].is_none() {
                    let parent = graph.parents(commit)[slot];
                    let a = self.tree(repo, graph, commit)?;
                    let b = self.tree(repo, graph, parent)?;
                    let leaves = self.diff_leaves(repo, a, b)?;
                    self.store(at, leaves);
                }
                Ok(self.edges[at].as_deref().expect("computed above"))
            }
            None => {
                if !self.roots.contains_key(&commit) {
                    let a = self.tree(repo, graph, commit)?;
                    let paths = self.diff(repo, Some(a), None)?;
                    self.roots.insert(commit, paths);
                    self.computed += 1;
                }
                Ok(&self.roots[&commit])
            }
        }
    }

    /// Keeps edge `at`'s changes, with each file's entries on both sides.
    fn store(&mut self, at: usize, mut leaves: Vec<(PathId, BothSides)>) {
        leaves.sort_unstable_by_key(|(id, _)| *id);
        leaves.dedup_by_key(|(id, _)| *id);
        self.edges[at] = Some(leaves.iter().map(|(id, _)| *id).collect());
        self.leaves[at] = Some(leaves.into_iter().map(|(_, sides)| sides).collect());
        self.computed += 1;
    }

    /// For each (commit, path) of `asked`, the file there as the first-parent edges this process computed tell it,
    /// without reading a tree. A commit holds what its first parent holds, except for the files their edge changed:
    /// the file at a commit is the one put there by the nearest commit, down its first-parent line (itself
    /// included), whose first-parent edge changed it, and the one of the line's last commit (a root, or the shallow
    /// boundary) when none did. `head`'s first-parent line is read once for all the questions, every path's changes
    /// on it found in one pass; a commit off it follows its own first parents until it joins it. (Kept for the
    /// questions asked a few at a time later, the line made them cheaper too, but the large harness corpus's peak
    /// memory went up with it: it is read for many questions at once only.)
    pub fn first_parent_entries(
        &mut self,
        graph: &CommitGraph,
        head: CommitIdx,
        asked: &[(CommitIdx, PathId)],
    ) -> Vec<FirstParentEntry> {
        self.take_in_ready();
        let line = FirstParentLine::read(graph, head, &self.edges, &self.leaves, self.dict.len());
        // The path's entry in `commit` when their first-parent edge changed it (`Some(None)`: it did not; `None`: the
        // edge is not known).
        let entry_in = |commit: CommitIdx, path: PathId| -> Option<Option<Option<Entry>>> {
            let sides = self.sides_in(graph.edge(commit, 0), path)?;
            Some(sides.map(|(in_commit, _)| in_commit))
        };
        asked
            .iter()
            .map(|&(commit, path)| {
                let mut at = commit;
                let mut steps = 0;
                while line.depth[at as usize] == OFF_LINE {
                    let Some(&parent) = graph.parents(at).first() else {
                        return FirstParentEntry::AsIn(at);
                    };
                    match entry_in(at, path) {
                        None => return FirstParentEntry::Unknown,
                        Some(Some(entry)) => return FirstParentEntry::Found(entry),
                        Some(None) => {}
                    }
                    steps += 1;
                    if steps > OFF_LINE_STEPS {
                        return FirstParentEntry::Unknown;
                    }
                    at = parent;
                }
                let d = line.depth[at as usize];
                if d as usize >= line.known && !line.complete {
                    return FirstParentEntry::Unknown;
                }
                match line.changed_at_or_below(path, d) {
                    Some(by) => match entry_in(line.line[by as usize], path) {
                        Some(Some(entry)) => FirstParentEntry::Found(entry),
                        _ => FirstParentEntry::Unknown,
                    },
                    None if line.complete => FirstParentEntry::AsIn(line.line[line.line.len() - 1]),
                    None => FirstParentEntry::Unknown,
                }
            })
            .collect()
    }

    /// The entry of `path` in `commit` when the edges this process computed tell it without reading a tree: an
    /// edge of `commit` that changed the file, or one of a child of `commit` asked about before. `None`: the trees
    /// must be read.
    pub fn known_entry(
        &mut self,
        graph: &CommitGraph,
        commit: CommitIdx,
        path: PathId,
    ) -> Option<Option<Entry>> {
        if let Some((in_commit, parent, in_parent)) = self.entry_from_edges(graph, commit, path) {
            self.learnt.insert((parent, path), in_parent);
            return Some(in_commit);
        }
        self.learnt.remove(&(commit, path))
    }

    /// The entry of `path` in `commit` and in the parent of an edge of `commit` that changed it, when this process
    /// computed such an edge: `(entry in commit, parent, entry in parent)`.
    fn entry_from_edges(
        &self,
        graph: &CommitGraph,
        commit: CommitIdx,
        path: PathId,
    ) -> Option<(Option<Entry>, CommitIdx, Option<Entry>)> {
        graph
            .parents(commit)
            .iter()
            .enumerate()
            .find_map(|(slot, &parent)| {
                let (in_commit, in_parent) = self.sides_in(graph.edge(commit, slot), path)??;
                Some((in_commit, parent, in_parent))
            })
    }

    /// `path`'s entries on both sides of edge `at` when the edge changed it (`Some(None)`: it did not; `None`: the
    /// edge is not known with its entries).
    fn sides_in(&self, at: usize, path: PathId) -> Option<Option<BothSides>> {
        let paths = self.edges[at].as_deref()?;
        let leaves = self.leaves[at].as_deref()?;
        Some(paths.binary_search(&path).ok().map(|i| leaves[i]))
    }

    /// Whether `path` is in the first parent of `commit`, when the first-parent edge this process computed changed it
    /// (its entry on the parent's side tells); `None` when that edge is not known with its entries or left the file
    /// as it was.
    pub fn in_first_parent(
        &self,
        graph: &CommitGraph,
        commit: CommitIdx,
        path: &[u8],
    ) -> Option<bool> {
        graph.parents(commit).first()?;
        let path = self.dict.get(path)?;
        let (_, in_parent) = self.sides_in(graph.edge(commit, 0), path)??;
        Some(in_parent.is_some())
    }

    /// How many edges keep their files' entries (those this process computed).
    #[cfg(test)]
    pub fn leaves_known(&self) -> usize {
        self.leaves.iter().filter(|l| l.is_some()).count()
    }

    /// The sorted paths that differ between `commit` and its parent number `slot`, if that edge is known already.
    pub fn known_changes(
        &self,
        graph: &CommitGraph,
        commit: CommitIdx,
        slot: usize,
    ) -> Option<&[PathId]> {
        self.edges[graph.edge(commit, slot)].as_deref()
    }

    /// Whether `path` differs between `commit` and its parent number `slot` (`None`: the empty tree).
    pub fn changed(
        &mut self,
        repo: &gix::Repository,
        graph: &CommitGraph,
        commit: CommitIdx,
        slot: Option<usize>,
        path: PathId,
    ) -> Result<bool> {
        Ok(self
            .changes(repo, graph, commit, slot)?
            .binary_search(&path)
            .is_ok())
    }

    /// The root tree of a commit (read once).
    pub fn tree(
        &mut self,
        repo: &gix::Repository,
        graph: &CommitGraph,
        commit: CommitIdx,
    ) -> Result<ObjectId> {
        if let Some(tree) = self.trees[commit as usize] {
            return Ok(tree);
        }
        let mut buf = Vec::new();
        let id = graph.id(commit);
        let tree = repo
            .objects
            .find_commit_iter(&id, &mut buf)
            .map_err(Error::git)?
            .tree_id()
            .map_err(Error::git)?;
        self.trees[commit as usize] = Some(tree);
        Ok(tree)
    }

    /// Paths under the scope whose entries (mode and id) differ between trees `a` and `b` (`None`: empty), sorted.
    fn diff(
        &mut self,
        repo: &gix::Repository,
        a: Option<ObjectId>,
        b: Option<ObjectId>,
    ) -> Result<Box<[PathId]>> {
        Differ {
            trie: &self.scope.trie,
            dict: &mut self.dict,
            buffers: &mut self.buffers,
            sides: None,
            leaves: None,
        }
        .diff(repo, a, b)
    }

    /// Files under the scope whose entries differ between trees `a` and `b`, each with its entry in both.
    fn diff_leaves(
        &mut self,
        repo: &gix::Repository,
        a: ObjectId,
        b: ObjectId,
    ) -> Result<Vec<(PathId, BothSides)>> {
        let mut differ = Differ {
            trie: &self.scope.trie,
            dict: &mut self.dict,
            buffers: &mut self.buffers,
            sides: None,
            leaves: Some(Vec::new()),
        };
        differ.diff(repo, Some(a), Some(b))?;
        Ok(differ.leaves.take().unwrap_or_default())
    }

    /// The files (not folders) under the scope that `commit` adds and deletes compared with its first parent, with
    /// their blob ids. Compares folder ids before looking inside, as the index does: much cheaper
    /// than looking every changed path up in both trees.
    pub fn added_and_deleted(
        &mut self,
        repo: &gix::Repository,
        graph: &CommitGraph,
        commit: CommitIdx,
    ) -> Result<AddedDeleted<PathId>> {
        let Some(&parent) = graph.parents(commit).first() else {
            return Ok(AddedDeleted::default());
        };
        // The edge with the first parent, computed by this process, keeps each changed file's entries: a file on
        // one side only was added or deleted.
        let at = graph.edge(commit, 0);
        if let (Some(paths), Some(sides)) = (self.edges[at].as_deref(), self.leaves[at].as_deref())
        {
            let mut found = AddedDeleted::default();
            for (&path, sides) in paths.iter().zip(sides) {
                match *sides {
                    (Some((_, id)), None) => found.added.push((path, id)),
                    (None, Some((_, id))) => found.deleted.push((path, id)),
                    _ => {}
                }
            }
            return Ok(found);
        }
        let a = self.tree(repo, graph, commit)?;
        let b = self.tree(repo, graph, parent)?;
        let mut differ = Differ {
            trie: &self.scope.trie,
            dict: &mut self.dict,
            buffers: &mut self.buffers,
            sides: Some(Sides::default()),
            leaves: None,
        };
        differ.diff(repo, Some(a), Some(b))?;
        let sides = differ.sides.take().unwrap_or_default();
        Ok(AddedDeleted {
            added: sides.first,
            deleted: sides.second,
        })
    }
}

/// Compares two trees under the scope, numbering the paths it finds in `dict`.
struct Differ<'a> {
    trie: &'a ScopeNode,
    dict: &'a mut PathDict,
    buffers: &'a mut Vec<(Vec<u8>, Vec<u8>)>,
    /// When asked: the files only the first tree has, and those only the second has, with their blob ids.
    sides: Option<Sides>,
    /// When asked: every changed file with its entries in the first tree and in the second.
    leaves: Option<Vec<(PathId, BothSides)>>,
}

/// The files a commit adds and deletes (paths of type `P`), with their blob ids.
#[derive(Debug)]
pub struct AddedDeleted<P> {
    pub added: Vec<(P, ObjectId)>,
    pub deleted: Vec<(P, ObjectId)>,
}

impl<P> Default for AddedDeleted<P> {
    fn default() -> Self {
        AddedDeleted {
            added: Vec::new(),
            deleted: Vec::new(),
        }
    }
}

/// Files found on one side of a comparison only.
#[derive(Default)]
struct Sides {
    first: Vec<(PathId, ObjectId)>,
    second: Vec<(PathId, ObjectId)>,
}

impl Differ<'_> {
    fn diff(
        &mut self,
        repo: &gix::Repository,
        a: Option<ObjectId>,
        b: Option<ObjectId>,
    ) -> Result<Box<[PathId]>> {
        let mut out = Vec::new();
        let mut path = Vec::new();
        let trie = self.trie;
        self.diff_scope(repo, trie, a, b, &mut path, 0, &mut out)?;
        out.sort_unstable();
        out.dedup();
        Ok(out.into_boxed_slice())
    }

    /// Descends the scope trie while the folders differ; a root of the scope is compared in full.
    #[allow(clippy::too_many_arguments)]
    fn diff_scope(
        &mut self,
        repo: &gix::Repository,
        node: &ScopeNode,
        a: Option<ObjectId>,
        b: Option<ObjectId>,
        path: &mut Vec<u8>,
        depth: usize,
        out: &mut Vec<PathId>,
    ) -> Result<()> {
        if a == b {
            return Ok(());
        }
        if node.whole {
            return self.diff_full(repo, a, b, path, depth, out);
        }
        let mut below = Vec::with_capacity(node.children.len());
        {
            let (mut buf_a, mut buf_b) = self.take_buffers(depth);
            let in_a = subtrees(entries(repo, a, &mut buf_a)?, &node.children)?;
            let in_b = subtrees(entries(repo, b, &mut buf_b)?, &node.children)?;
            below.extend(in_a.into_iter().zip(in_b));
            self.buffers[depth] = (buf_a, buf_b);
        }
        for ((name, child), (sa, sb)) in node.children.iter().zip(below) {
            let len = path.len();
            path.extend_from_slice(name);
            path.push(b'/');
            self.diff_scope(repo, child, sa, sb, path, depth + 1, out)?;
            path.truncate(len);
        }
        Ok(())
    }

    /// Every path below `path` whose entry differs between trees `a` and `b`: a merge of the two sorted listings,
    /// read lazily (no listing is built).
    fn diff_full(
        &mut self,
        repo: &gix::Repository,
        a: Option<ObjectId>,
        b: Option<ObjectId>,
        path: &mut Vec<u8>,
        depth: usize,
        out: &mut Vec<PathId>,
    ) -> Result<()> {
        if a == b {
            return Ok(());
        }
        // Folders to compare after the listings are released: (name, id in a, id in b).
        let mut folders: Vec<(Vec<u8>, Option<ObjectId>, Option<ObjectId>)> = Vec::new();
        {
            let (mut buf_a, mut buf_b) = self.take_buffers(depth);
            let mut ea = entries(repo, a, &mut buf_a)?.peekable();
            let mut eb = entries(repo, b, &mut buf_b)?.peekable();
            let len = path.len();
            let dict = &mut *self.dict;
            let sides = &mut self.sides;
            let leaves = &mut self.leaves;
            let mut leaf = |name: &[u8], entries: BothSides| {
                path.truncate(len);
                path.extend_from_slice(name);
                let id = dict.intern(path);
                out.push(id);
                if let Some(leaves) = leaves.as_mut() {
                    leaves.push((id, entries));
                }
                id
            };
            loop {
                let (x, y) = match (ea.peek(), eb.peek()) {
                    (None, None) => break,
                    (Some(Err(_)), _) | (_, Some(Err(_))) => {
                        return Err(Error::git("a tree object could not be decoded"));
                    }
                    (Some(Ok(x)), Some(Ok(y))) => (Some(*x), Some(*y)),
                    (Some(Ok(x)), None) => (Some(*x), None),
                    (None, Some(Ok(y))) => (None, Some(*y)),
                };
                let order = match (x, y) {
                    (Some(x), Some(y)) => gix::objs::tree::name_order(
                        x.filename,
                        x.mode.is_tree(),
                        y.filename,
                        y.mode.is_tree(),
                    ),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    _ => std::cmp::Ordering::Greater,
                };
                match order {
                    std::cmp::Ordering::Equal => {
                        let (x, y) = (x.expect("both"), y.expect("both"));
                        if x.mode.is_tree() {
                            if x.oid != y.oid {
                                folders.push((
                                    x.filename.to_vec(),
                                    Some(x.oid.to_owned()),
                                    Some(y.oid.to_owned()),
                                ));
                            }
                        } else if x.oid != y.oid || !same_mode(x.mode, y.mode) {
                            leaf(
                                x.filename,
                                (
                                    Some((x.mode, x.oid.to_owned())),
                                    Some((y.mode, y.oid.to_owned())),
                                ),
                            );
                        }
                        ea.next();
                        eb.next();
                    }
                    std::cmp::Ordering::Less => {
                        let x = x.expect("a side");
                        if x.mode.is_tree() {
                            folders.push((x.filename.to_vec(), Some(x.oid.to_owned()), None));
                        } else {
                            let id = leaf(x.filename, (Some((x.mode, x.oid.to_owned())), None));
                            if let Some(sides) = sides.as_mut() {
                                sides.first.push((id, x.oid.to_owned()));
                            }
                        }
                        ea.next();
                    }
                    std::cmp::Ordering::Greater => {
                        let y = y.expect("b side");
                        if y.mode.is_tree() {
                            folders.push((y.filename.to_vec(), None, Some(y.oid.to_owned())));
                        } else {
                            let id = leaf(y.filename, (None, Some((y.mode, y.oid.to_owned()))));
                            if let Some(sides) = sides.as_mut() {
                                sides.second.push((id, y.oid.to_owned()));
                            }
                        }
                        eb.next();
                    }
                }
            }
            path.truncate(len);
            drop(ea);
            drop(eb);
            self.buffers[depth] = (buf_a, buf_b);
        }
        for (name, sa, sb) in folders {
            let len = path.len();
            path.extend_from_slice(&name);
            path.push(b'/');
            self.diff_full(repo, sa, sb, path, depth + 1, out)?;
            path.truncate(len);
        }
        Ok(())
    }

    fn take_buffers(&mut self, depth: usize) -> (Vec<u8>, Vec<u8>) {
        if self.buffers.len() <= depth {
            self.buffers.resize_with(depth + 1, Default::default);
        }
        std::mem::take(&mut self.buffers[depth])
    }
}

/// Modes as git compares them (`canon_mode`): a regular file is 100644 or 100755, whatever else the tree says.
fn same_mode(a: EntryMode, b: EntryMode) -> bool {
    canonical(a) == canonical(b)
}

fn canonical(mode: EntryMode) -> u16 {
    let value = mode.value();
    match value & 0o170000 {
        0o040000 | 0o120000 | 0o160000 => value & 0o170000,
        _ if value & 0o111 != 0 => 0o100755,
        _ => 0o100644,
    }
}

/// The root tree of a commit.
fn root_tree(repo: &gix::Repository, commit: ObjectId) -> Result<ObjectId> {
    let mut buf = Vec::new();
    repo.objects
        .find_commit_iter(&commit, &mut buf)
        .map_err(Error::git)?
        .tree_id()
        .map_err(Error::git)
}

/// A tree's entries, read lazily (`None`: the empty tree).
fn entries<'b>(
    repo: &gix::Repository,
    id: Option<ObjectId>,
    buf: &'b mut Vec<u8>,
) -> Result<gix::objs::TreeRefIter<'b>> {
    match id {
        None => Ok(gix::objs::TreeRefIter::from_bytes(
            &[],
            gix::hash::Kind::Sha1,
        )),
        Some(id) => repo.objects.find_tree_iter(&id, buf).map_err(Error::git),
    }
}

/// The ids of the folders named by `children` in a tree (`None` where there is no such folder), in one reading of
/// the tree.
fn subtrees(
    entries: gix::objs::TreeRefIter<'_>,
    children: &[(Vec<u8>, ScopeNode)],
) -> Result<Vec<Option<ObjectId>>> {
    let mut found = vec![None; children.len()];
    let mut left = children.len();
    for entry in entries {
        if left == 0 {
            break;
        }
        let entry = entry.map_err(Error::git)?;
        if !entry.mode.is_tree() {
            continue;
        }
        if let Some(at) = children.iter().position(|(name, _)| name == entry.filename)
            && found[at].is_none()
        {
            found[at] = Some(entry.oid.to_owned());
            left -= 1;
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_helper_takes_the_longest_free_stretch() {
        use super::{EdgeJob, ObjectId};
        let jobs: Vec<EdgeJob> = (0..10)
            .map(|at| EdgeJob {
                at,
                commit: ObjectId::null(gix::hash::Kind::Sha1),
                parent: ObjectId::null(gix::hash::Kind::Sha1),
                commit_tree: None,
                parent_tree: None,
            })
            .collect();
        let free_in = |taken: &'static [usize]| move |job: &EdgeJob| !taken.contains(&job.at);
        assert_eq!(super::longest_stretch(&jobs, free_in(&[])), Some((0, 10)));
        assert_eq!(
            super::longest_stretch(&jobs, free_in(&[0, 1, 2])),
            Some((3, 10))
        );
        assert_eq!(super::longest_stretch(&jobs, free_in(&[5])), Some((0, 5)));
        assert_eq!(
            super::longest_stretch(&jobs, free_in(&[2, 9])),
            Some((3, 9))
        );
        assert_eq!(
            super::longest_stretch(&jobs, free_in(&[0, 8, 9])),
            Some((1, 8))
        );
        let all: &'static [usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        assert_eq!(super::longest_stretch(&jobs, free_in(all)), None);
        assert_eq!(super::longest_stretch(&[], free_in(&[])), None);
    }
    use super::*;

    #[test]
    fn nested_roots_merge_into_the_outer_one() {
        let scope = Scope::new(&[
            "content/fr".to_owned(),
            "content".to_owned(),
            "docs/".to_owned(),
            "content/en".to_owned(),
        ]);
        assert_eq!(scope.roots(), ["content", "docs"]);
        assert!(scope.contains("content/fr/a.md"));
        assert!(scope.contains("docs/x.md"));
        assert!(!scope.contains("contents/a.md"));
        let whole = Scope::new(&["".to_owned(), "content".to_owned()]);
        assert_eq!(whole.roots(), [""]);
        assert!(whole.contains("layouts/a.html"));
    }

    #[test]
    fn paths_are_numbered_once() {
        let mut dict = PathDict::default();
        let a = dict.intern(b"content/en/a.md");
        let b = dict.intern(b"content/fr/a.md");
        assert_eq!(dict.intern(b"content/en/a.md"), a);
        assert_ne!(a, b);
        assert_eq!(dict.path(b), b"content/fr/a.md");
        assert_eq!(dict.get(b"missing"), None);
        for i in 0..5000 {
            assert_eq!(dict.intern(format!("content/fr/p{i}.md").as_bytes()), i + 2);
        }
        assert_eq!(dict.get(b"content/fr/p4321.md"), Some(4323));
        assert_eq!(dict.path(4323), b"content/fr/p4321.md");
        assert_eq!(dict.paths().count(), 5002);
        assert_eq!(
            PathDict::from_paths(vec![b"a".as_slice().into(), b"a".as_slice().into()])
                .map(|d| d.len()),
            None
        );
    }
}
