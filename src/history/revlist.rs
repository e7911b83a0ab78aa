//! `git rev-list <since>..<head> -- <path>`, answered the way git answers it, for many (path, since) pairs at once.
//!
//! git limits such a walk in commit-date order, marking the ancestors of `<since>` as it goes, and simplifies each
//! merge against the parents it does not yet know to be reachable from `<since>` (revision.c: `limit_list`,
//! `process_parents`, `try_to_simplify_commit`). When dates are skewed, or equal, how far the marking has got decides
//! how a merge is simplified, and so what gets counted. To give git's number, this module replays the same steps on
//! the in-memory graph: the same date order (ties in insertion order), the same marking (which only recurses through
//! commits already parsed), the same parent pruning, the same early stop ([`RevList::commits`]).
//!
//! Replaying one walk per page and sync point costs the length of the history each time. [`RevList::answer_all`]
//! shares the work. Until git's walk pops `<since>`, nothing is uninteresting but `<since>` and its parents, so as
//! long as no commit popped before it is a child of one of `<since>`'s parents, the walk pops exactly what a walk
//! from HEAD without any `<since>` pops while its next commit is newer than `<since>`. That walk does not depend on
//! the sync point, and depends on the page only at merges, where each page follows its own parent: one walk from HEAD
//! serves every page, splitting into a side walk (run to its end, then undone) for the pages that follow another
//! parent of a merge. When it reaches a sync point's date, git's own walk is resumed from that state for each page
//! synced there, exactly as git would run it, and its changes are undone afterwards. A sync point for which the
//! condition does not hold is replayed from scratch.

use std::collections::BinaryHeap;

use crate::util::hash::{IdMap, IdSet};

use super::graph::{CommitGraph, CommitIdx};
use super::index::PathId;

const SEEN: u8 = 1;
const UNINTERESTING: u8 = 2;
const TREESAME: u8 = 4;
const ADDED: u8 = 8;
const PARSED: u8 = 16;
const BOTTOM: u8 = 32;
const PRUNED: u8 = 64;
const QUEUED: u8 = 128;

/// git's `SLOP`: how many extra uninteresting commits the walk looks at before stopping.
const SLOP: u32 = 5;

/// Which paths differ between a commit and one of its parents.
pub trait EntryChanges {
    /// The sorted paths that differ between `commit` and its parent number `slot` (`None`: the empty tree).
    fn changes(
        &mut self,
        commit: CommitIdx,
        slot: Option<usize>,
    ) -> crate::error::Result<&[PathId]>;

    /// Whether `path` differs between `commit` and its parent number `slot`.
    fn changed(
        &mut self,
        commit: CommitIdx,
        slot: Option<usize>,
        path: PathId,
    ) -> crate::error::Result<bool> {
        Ok(self.changes(commit, slot)?.binary_search(&path).is_ok())
    }
}

/// The walk reached a commit whose parents are not in this (shallow) clone: git's answer needs history it lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryCut;

/// One answer: the commits git lists, newest first, or the history is cut.
pub type Answer = std::result::Result<Vec<CommitIdx>, HistoryCut>;

type Queue = BinaryHeap<(i64, std::cmp::Reverse<u64>, CommitIdx)>;

/// The state of git's walk: per-commit flags (reset by a run stamp, not cleared), the date-ordered queue, and an
/// undo log so that a side walk can be taken back.
pub struct RevList {
    stamp: Vec<u32>,
    flags: Vec<u8>,
    /// The single parent a merge was pruned to (valid with `PRUNED`).
    pruned_to: Vec<CommitIdx>,
    run: u32,
    queue: Queue,
    sequence: u64,
    /// Commits in the queue that are not marked uninteresting.
    interesting_queued: usize,
    /// (commit, stamp, flags) before each change, while `logging`.
    undo: Vec<(CommitIdx, u32, u8)>,
    logging: bool,
    pending: Vec<CommitIdx>,
}

/// A commit's parents as the walk sees them (`commit->parents`): none until parsed, one once pruned.
#[derive(Clone, Copy)]
enum Parents<'g> {
    Unparsed,
    Pruned(CommitIdx),
    All(&'g [CommitIdx]),
}

impl Parents<'_> {
    fn len(self) -> usize {
        match self {
            Parents::Unparsed => 0,
            Parents::Pruned(_) => 1,
            Parents::All(list) => list.len(),
        }
    }

    fn get(self, i: usize) -> CommitIdx {
        match self {
            Parents::Pruned(one) => one,
            Parents::All(list) => list[i],
            Parents::Unparsed => unreachable!("an unparsed commit has no parents to index"),
        }
    }
}

/// What can be restored after a side walk: the queue and counters, and a position in the undo log.
struct Saved {
    queue: Queue,
    sequence: u64,
    interesting_queued: usize,
    undo: usize,
}

impl RevList {
    pub fn new(graph: &CommitGraph) -> RevList {
        RevList {
            stamp: vec![0; graph.len()],
            flags: vec![0; graph.len()],
            pruned_to: vec![0; graph.len()],
            run: 0,
            queue: BinaryHeap::new(),
            sequence: 0,
            interesting_queued: 0,
            undo: Vec::new(),
            logging: false,
            pending: Vec::new(),
        }
    }

    fn new_run(&mut self) {
        self.run = self.run.wrapping_add(1);
        if self.run == 0 {
            // The stamps wrapped around: start again from clean arrays.
            self.stamp.fill(0);
            self.run = 1;
        }
        self.queue.clear();
        self.sequence = 0;
        self.interesting_queued = 0;
        self.undo.clear();
        self.logging = false;
    }

    /// The commits `git rev-list <since>..<head> -- <path>` lists, in its order (newest first, by date), replayed
    /// from scratch; `Err(HistoryCut)` when the walk needs commits beyond a shallow boundary.
    pub fn commits(
        &mut self,
        graph: &CommitGraph,
        head: CommitIdx,
        since: CommitIdx,
        path: PathId,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<Answer> {
        if head == since {
            return Ok(Ok(Vec::new()));
        }
        self.new_run();
        // handle_commit: both tips parsed; the bottom's parents marked at once.
        self.set(since, UNINTERESTING | BOTTOM | PARSED | SEEN);
        self.mark_parents_uninteresting(graph, since);
        self.set(head, PARSED | SEEN);
        // The pending list sorted by date, stable: `since` was given first.
        self.insert(graph, since);
        self.insert(graph, head);
        let mut shown = Vec::new();
        if self
            .drain(graph, path, changes, i64::MAX, &mut shown)?
            .is_err()
        {
            return Ok(Err(HistoryCut));
        }
        // Collected from a borrowed iterator: a `collect` from `shown.into_iter()` would keep `shown`'s whole capacity
        // (every commit popped) for a list of a few.
        Ok(Ok(shown
            .iter()
            .copied()
            .filter(|&c| !self.has(c, UNINTERESTING | TREESAME))
            .collect()))
    }

    fn flags(&self, commit: CommitIdx) -> u8 {
        let i = commit as usize;
        if self.stamp[i] == self.run {
            self.flags[i]
        } else {
            0
        }
    }

    fn write(&mut self, commit: CommitIdx, flags: u8) {
        let i = commit as usize;
        if self.logging {
            self.undo.push((commit, self.stamp[i], self.flags[i]));
        }
        self.stamp[i] = self.run;
        self.flags[i] = flags;
    }

    fn set(&mut self, commit: CommitIdx, bits: u8) {
        let old = self.flags(commit);
        if old & bits != bits {
            self.write(commit, old | bits);
        }
    }

    fn clear(&mut self, commit: CommitIdx, bits: u8) {
        let old = self.flags(commit);
        if old & bits != 0 {
            self.write(commit, old & !bits);
        }
    }

    fn has(&self, commit: CommitIdx, bits: u8) -> bool {
        self.flags(commit) & bits != 0
    }

    /// `commit->parents`: empty until parsed, a single parent once pruned.
    fn parents<'g>(&self, graph: &'g CommitGraph, commit: CommitIdx) -> Parents<'g> {
        let flags = self.flags(commit);
        if flags & PARSED == 0 {
            Parents::Unparsed
        } else if flags & PRUNED != 0 {
            Parents::Pruned(self.pruned_to[commit as usize])
        } else {
            Parents::All(graph.parents(commit))
        }
    }

    fn relevant(&self, commit: CommitIdx) -> bool {
        let flags = self.flags(commit);
        flags & UNINTERESTING == 0 || flags & BOTTOM != 0
    }

    fn mark_uninteresting(&mut self, commit: CommitIdx) {
        if !self.has(commit, UNINTERESTING) {
            if self.has(commit, QUEUED) {
                self.interesting_queued -= 1;
            }
            self.set(commit, UNINTERESTING);
        }
    }

    /// Pushes the parents of `commit` on the pending stack so that they pop in order.
    fn push_parents(&mut self, graph: &CommitGraph, commit: CommitIdx) {
        let parents = self.parents(graph, commit);
        for i in (0..parents.len()).rev() {
            self.pending.push(parents.get(i));
        }
    }

    /// revision.c `mark_parents_uninteresting`.
    fn mark_parents_uninteresting(&mut self, graph: &CommitGraph, commit: CommitIdx) {
        self.pending.clear();
        self.push_parents(graph, commit);
        while let Some(next) = self.pending.pop() {
            if self.has(next, UNINTERESTING) {
                continue;
            }
            self.mark_uninteresting(next);
            self.push_parents(graph, next);
        }
    }

    fn insert(&mut self, graph: &CommitGraph, commit: CommitIdx) {
        self.sequence += 1;
        self.queue
            .push((graph.time(commit), std::cmp::Reverse(self.sequence), commit));
        self.set(commit, QUEUED);
        if !self.has(commit, UNINTERESTING) {
            self.interesting_queued += 1;
        }
    }

    fn pop(&mut self) -> Option<CommitIdx> {
        let (_, _, commit) = self.queue.pop()?;
        self.clear(commit, QUEUED);
        if !self.has(commit, UNINTERESTING) {
            self.interesting_queued -= 1;
        }
        Some(commit)
    }

    /// revision.c `limit_list` from the current state: pops until only uninteresting commits are left (and `SLOP`
    /// more), pushing the commits popped while interesting to `shown`. `date` is the date of the last commit shown.
    fn drain(
        &mut self,
        graph: &CommitGraph,
        path: PathId,
        changes: &mut dyn EntryChanges,
        mut date: i64,
        shown: &mut Vec<CommitIdx>,
    ) -> crate::error::Result<std::result::Result<(), HistoryCut>> {
        let mut slop = SLOP;
        while let Some(commit) = self.pop() {
            if graph.is_boundary(commit) {
                return Ok(Err(HistoryCut));
            }
            self.process_parents(graph, commit, path, changes)?;
            if self.has(commit, UNINTERESTING) {
                self.mark_parents_uninteresting(graph, commit);
                slop = self.still_interesting(date, slop);
                if slop > 0 {
                    continue;
                }
                break;
            }
            date = graph.time(commit);
            shown.push(commit);
        }
        Ok(Ok(()))
    }

    fn still_interesting(&self, date: i64, slop: u32) -> u32 {
        let Some(&(head_date, _, _)) = self.queue.peek() else {
            return 0;
        };
        if date <= head_date || self.interesting_queued > 0 {
            return SLOP;
        }
        slop - 1
    }

    fn process_parents(
        &mut self,
        graph: &CommitGraph,
        commit: CommitIdx,
        path: PathId,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<()> {
        if self.has(commit, ADDED) {
            return Ok(());
        }
        self.set(commit, ADDED);
        if self.has(commit, UNINTERESTING) {
            let parents = self.parents(graph, commit);
            for i in 0..parents.len() {
                let parent = parents.get(i);
                self.mark_uninteresting(parent);
                self.set(parent, PARSED);
                if self.parents(graph, parent).len() > 0 {
                    self.mark_parents_uninteresting(graph, parent);
                }
                if self.has(parent, SEEN) {
                    continue;
                }
                self.set(parent, SEEN);
                self.insert(graph, parent);
            }
            return Ok(());
        }
        self.try_to_simplify(graph, commit, path, changes)?;
        self.insert_parents(graph, commit);
        Ok(())
    }

    /// The end of `process_parents` for an interesting commit: its (possibly pruned) parents are queued.
    fn insert_parents(&mut self, graph: &CommitGraph, commit: CommitIdx) {
        let parents = self.parents(graph, commit);
        for i in 0..parents.len() {
            let parent = parents.get(i);
            self.set(parent, PARSED);
            if !self.has(parent, SEEN) {
                self.set(parent, SEEN);
                self.insert(graph, parent);
            }
        }
    }

    /// revision.c `try_to_simplify_commit`, default options (`--dense`, history simplification on).
    fn try_to_simplify(
        &mut self,
        graph: &CommitGraph,
        commit: CommitIdx,
        path: PathId,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<()> {
        let parents = self.parents(graph, commit);
        if parents.len() == 0 {
            if !changes.changed(commit, None, path)? {
                self.set(commit, TREESAME);
            }
            return Ok(());
        }
        let mut relevant_parents = 0;
        let mut relevant_change = false;
        let mut irrelevant_change = false;
        for slot in 0..parents.len() {
            let parent = parents.get(slot);
            let relevant = self.relevant(parent);
            if relevant {
                relevant_parents += 1;
            }
            self.set(parent, PARSED);
            if !changes.changed(commit, Some(slot), path)? {
                if !relevant {
                    continue;
                }
                self.prune(commit, parent);
                return Ok(());
            }
            if relevant {
                relevant_change = true;
            } else {
                irrelevant_change = true;
            }
        }
        let treesame = if relevant_parents > 0 {
            !relevant_change
        } else {
            !irrelevant_change
        };
        if treesame {
            self.set(commit, TREESAME);
        }
        Ok(())
    }

    fn prune(&mut self, commit: CommitIdx, parent: CommitIdx) {
        self.pruned_to[commit as usize] = parent;
        self.set(commit, PRUNED | TREESAME);
    }

    fn save(&mut self) -> Saved {
        self.logging = true;
        Saved {
            queue: self.queue.clone(),
            sequence: self.sequence,
            interesting_queued: self.interesting_queued,
            undo: self.undo.len(),
        }
    }

    fn restore(&mut self, saved: Saved, logging: bool) {
        while self.undo.len() > saved.undo {
            let (commit, stamp, flags) = self.undo.pop().expect("longer than the mark");
            self.stamp[commit as usize] = stamp;
            self.flags[commit as usize] = flags;
        }
        self.queue = saved.queue;
        self.sequence = saved.sequence;
        self.interesting_queued = saved.interesting_queued;
        self.logging = logging;
    }
}

/// Counts commits for many (path, since) queries, in one batch or in several: the walks' arrays (reset between runs
/// by a stamp, not cleared), every commit's children and HEAD's first-parent line are built once for the graph and
/// kept from batch to batch. A run that counts in many small batches (the pairs of each group whose sync point moved)
/// built them, each the size of the whole history, for every batch.
pub struct Counting {
    /// The shared walk's state.
    shared: RevList,
    /// The state of the queries replayed from scratch.
    fallback: RevList,
    head: CommitIdx,
    children: Children,
    /// Whether each commit is on HEAD's first-parent line, where side walks wait to rejoin the main walk.
    on_line: Vec<bool>,
}

impl Counting {
    pub fn new(graph: &CommitGraph, head: CommitIdx) -> Counting {
        Counting {
            shared: RevList::new(graph),
            fallback: RevList::new(graph),
            head,
            children: Children::of(graph),
            on_line: first_parent_line(graph, head),
        }
    }

    /// The HEAD this counts from.
    pub fn head(&self) -> CommitIdx {
        self.head
    }

    /// The answers of `git rev-list <since>..HEAD -- <path>` for every query of `queries`, in their order, sharing
    /// one walk from HEAD between them (see the module's documentation). `graph` is the one this was made for.
    pub fn answer_all(
        &mut self,
        graph: &CommitGraph,
        queries: &[(PathId, CommitIdx)],
        changes: &mut dyn EntryChanges,
        progress: &mut dyn FnMut(usize),
    ) -> crate::error::Result<Vec<Answer>> {
        let head = self.head;
        let mut batch = Batch {
            graph,
            head,
            queries,
            answers: vec![None; queries.len()],
            children: &self.children,
            on_line: &self.on_line,
            parked: Vec::new(),
            history: IdMap::default(),
            group_of: IdMap::default(),
            group_size: vec![0],
            open: IdMap::default(),
            by_path: IdMap::default(),
            fallback: &mut self.fallback,
            done: 0,
            progress,
        };
        let mut first: Vec<usize> = Vec::new();
        for (q, &(_, since)) in queries.iter().enumerate() {
            if since == head {
                batch.answers[q] = Some(Ok(Vec::new()));
                batch.done += 1;
            } else {
                first.push(q);
            }
        }
        if !first.is_empty() {
            let state = &mut self.shared;
            state.new_run();
            state.set(head, PARSED | SEEN);
            state.insert(graph, head);
            for &q in &first {
                batch.by_path.entry(queries[q].0).or_default().push(q);
                *batch.open.entry(queries[q].0).or_default() += 1;
                batch.group_of.insert(queries[q].0, 0);
            }
            batch.group_size[0] = batch.open.len();
            batch.walk(state, 0, first, i64::MAX, None, changes)?;
        }
        Ok(batch
            .answers
            .into_iter()
            .map(|a| a.expect("every query is answered"))
            .collect())
    }
}

/// Whether each commit is on the first-parent line from `head`.
fn first_parent_line(graph: &CommitGraph, head: CommitIdx) -> Vec<bool> {
    let mut on_line = vec![false; graph.len()];
    for c in graph.first_parent_line(head) {
        on_line[c as usize] = true;
    }
    on_line
}

/// The children of every commit, for the check that no commit popped before a sync point is a sibling of it.
struct Children {
    start: Vec<u32>,
    list: Vec<CommitIdx>,
}

impl Children {
    fn of(graph: &CommitGraph) -> Children {
        let n = graph.len();
        let mut start = vec![0u32; n + 1];
        for c in 0..n as CommitIdx {
            for &p in graph.parents(c) {
                start[p as usize + 1] += 1;
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut list = vec![0; start[n] as usize];
        for c in 0..n as CommitIdx {
            for &p in graph.parents(c) {
                list[fill[p as usize] as usize] = c;
                fill[p as usize] += 1;
            }
        }
        Children { start, list }
    }

    fn of_commit(&self, commit: CommitIdx) -> &[CommitIdx] {
        &self.list[self.start[commit as usize] as usize..self.start[commit as usize + 1] as usize]
    }
}

/// The shared walk over many queries.
struct Batch<'a> {
    graph: &'a CommitGraph,
    head: CommitIdx,
    queries: &'a [(PathId, CommitIdx)],
    answers: Vec<Option<Answer>>,
    children: &'a Children,
    /// Whether each commit is on HEAD's first-parent line, where side walks wait to rejoin the main walk.
    on_line: &'a [bool],
    /// For each path: the commits popped so far that change it (not TREESAME), in pop order.
    history: IdMap<PathId, Vec<CommitIdx>>,
    /// The walk each path is followed in (`DONE` once all its queries are answered).
    group_of: IdMap<PathId, usize>,
    /// How many paths each walk follows.
    group_size: Vec<usize>,
    /// Unanswered queries per path.
    open: IdMap<PathId, usize>,
    /// Every query of each path.
    by_path: IdMap<PathId, Vec<usize>>,
    /// Side walks of the main walk that stopped on the first-parent line, waiting for the main walk to get there.
    parked: Vec<Parked>,
    fallback: &'a mut RevList,
    done: usize,
    progress: &'a mut dyn FnMut(usize),
}

const DONE: usize = usize::MAX;

/// What a merge does for a path: pruned to its parent number `slot`, or kept with all its parents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Outcome {
    Pruned(usize),
    Kept,
}

/// Where a side walk stopped: after popping `at`, with this queue; it rejoins the main walk if the main walk gets to
/// the same state there (what differs between the two walks is newer than anything either will touch again).
struct Parked {
    group: usize,
    /// The pages the side walk followed (some may be done).
    paths: Vec<PathId>,
    at: CommitIdx,
    /// The queue, in pop order.
    queue: Vec<CommitIdx>,
    /// The side walk's flags (and pruned parent) on every commit it changed since the fork.
    flags: IdMap<CommitIdx, (u8, CommitIdx)>,
    /// The main walk's position in the undo log at the fork: what it changed since is after it.
    main_mark: usize,
    /// The side walk's unanswered queries.
    pending: Vec<usize>,
}

impl Batch<'_> {
    fn in_group(&self, path: PathId, group: usize) -> bool {
        self.group_of.get(&path) == Some(&group)
    }

    fn sort_pending(&self, pending: &mut [usize]) {
        let graph = self.graph;
        // Newest sync point first; queries of one sync point together.
        pending.sort_by_key(|&q| {
            let since = self.queries[q].1;
            (std::cmp::Reverse(graph.time(since)), since, q)
        });
    }

    /// The queue's commits in the order they would pop.
    fn queue_order(state: &RevList) -> Vec<CommitIdx> {
        let mut entries: Vec<_> = state.queue.iter().copied().collect();
        entries.sort_by(|a, b| b.cmp(a));
        entries.into_iter().map(|(_, _, c)| c).collect()
    }

    /// Walks from the current state for the queries `pending` (all of walk `group`), until each is answered. A side
    /// walk of the main walk (`park`) stops once it is back on the first-parent line with nothing else queued, and
    /// returns where, so that the main walk can take its pages over there.
    fn walk(
        &mut self,
        state: &mut RevList,
        group: usize,
        mut pending: Vec<usize>,
        mut date: i64,
        park: Option<usize>,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<Option<Parked>> {
        let graph = self.graph;
        self.sort_pending(&mut pending);
        let mut next = 0;
        let mut popped: Option<CommitIdx> = None;
        loop {
            if let Some(last) = popped {
                if let Some(main_mark) = park
                    && self.on_line[last as usize]
                {
                    let queue = Self::queue_order(state);
                    if queue.iter().all(|&c| self.on_line[c as usize]) {
                        let flags = state.undo[main_mark..]
                            .iter()
                            .map(|&(c, _, _)| (c, (state.flags(c), state.pruned_to[c as usize])))
                            .collect();
                        let pending = pending[next..]
                            .iter()
                            .copied()
                            .filter(|&q| self.answers[q].is_none())
                            .collect();
                        return Ok(Some(Parked {
                            group,
                            paths: Vec::new(),
                            at: last,
                            queue,
                            flags,
                            main_mark: 0,
                            pending,
                        }));
                    }
                }
                if group == 0 && !self.parked.is_empty() {
                    self.rejoin(state, last, &pending, next, changes)?;
                }
            }
            // Sync points whose turn has come: git's walk would pop them now.
            while next < pending.len() {
                let q = pending[next];
                if self.answers[q].is_some() {
                    next += 1;
                    continue;
                }
                let since = self.queries[q].1;
                let newest_queued = state.queue.peek().map(|&(d, _, _)| d);
                if newest_queued.is_some_and(|d| d > graph.time(since)) {
                    break;
                }
                let end = pending[next..]
                    .iter()
                    .position(|&o| self.queries[o].1 != since)
                    .map_or(pending.len(), |p| next + p);
                // Queries of pages followed in a side walk waiting to rejoin are not this walk's.
                let same_since: Vec<usize> = pending[next..end]
                    .iter()
                    .copied()
                    .filter(|&o| {
                        self.answers[o].is_none() && self.in_group(self.queries[o].0, group)
                    })
                    .collect();
                self.answer_at_checkpoint(state, &same_since, since, date, changes)?;
                next = end;
            }
            let waiting = group == 0 && !self.parked.is_empty();
            if (next >= pending.len() || self.group_size[group] == 0) && !waiting {
                return Ok(None);
            }
            let Some(commit) = state.pop() else {
                // Only side walks that never met the main walk again are left: replay their pages from scratch.
                self.give_up_parked(changes)?;
                return Ok(None);
            };
            popped = Some(commit);
            if graph.is_boundary(commit) {
                // Every sync point still waiting is older: git's walk would need the missing parents.
                for &q in &pending[next..] {
                    if self.answers[q].is_none() {
                        self.answer(q, Err(HistoryCut));
                    }
                }
                if group == 0 {
                    for parked in std::mem::take(&mut self.parked) {
                        for q in parked.pending {
                            if self.answers[q].is_none() {
                                self.answer(q, Err(HistoryCut));
                            }
                        }
                    }
                }
                return Ok(None);
            }
            date = graph.time(commit);
            state.set(commit, ADDED);
            let parents = graph.parents(commit);
            if parents.len() < 2 {
                // One parent (or none): the walk goes on the same way for every path; record those it changes.
                let slot = if parents.is_empty() { None } else { Some(0) };
                let changed = changes.changes(commit, slot)?;
                for &p in changed {
                    if self.in_group(p, group) {
                        self.history.entry(p).or_default().push(commit);
                    }
                }
                if let Some(&parent) = parents.first() {
                    // try_to_simplify: the parent is parsed (the commit pruned to it or not, the same parent).
                    state.set(parent, PARSED);
                }
                state.insert_parents(graph, commit);
                continue;
            }
            // A merge: each path follows the first parent where it is unchanged, or all of them. Paths unchanged
            // against the first parent are the rule; the others are found from the first parent's changes.
            let first: Vec<PathId> = changes.changes(commit, Some(0))?.to_vec();
            let mut classes: IdMap<Outcome, Vec<PathId>> = IdMap::default();
            let mut exceptions = 0;
            for p in first {
                if !self.in_group(p, group) {
                    continue;
                }
                let mut outcome = Outcome::Kept;
                for slot in 1..parents.len() {
                    if !changes.changed(commit, Some(slot), p)? {
                        outcome = Outcome::Pruned(slot);
                        break;
                    }
                }
                classes.entry(outcome).or_default().push(p);
                exceptions += 1;
            }
            let rule = self.group_size[group] - exceptions;
            let largest = classes
                .iter()
                .map(|(o, list)| (list.len(), std::cmp::Reverse(*o)))
                .max();
            let main = match largest {
                Some((size, std::cmp::Reverse(outcome))) if size > rule => outcome,
                _ => Outcome::Pruned(0),
            };
            if main != Outcome::Pruned(0) && rule > 0 {
                // Rare: most paths changed against the first parent. The rule's paths become a side walk.
                let listed: IdSet<PathId> = classes.values().flatten().copied().collect();
                let mut others: Vec<PathId> = self
                    .group_of
                    .iter()
                    .filter(|&(p, g)| *g == group && !listed.contains(p))
                    .map(|(p, _)| *p)
                    .collect();
                others.sort_unstable();
                classes.insert(Outcome::Pruned(0), others);
            }
            let mut sides: Vec<(Outcome, Vec<PathId>)> =
                classes.into_iter().filter(|(o, _)| *o != main).collect();
            sides.sort();
            for (outcome, list) in sides {
                let side = self.group_size.len();
                self.group_size.push(list.len());
                self.group_size[group] -= list.len();
                for &p in &list {
                    self.group_of.insert(p, side);
                }
                let side_pending: Vec<usize> = list
                    .iter()
                    .flat_map(|p| self.by_path[p].iter().copied())
                    .filter(|&q| self.answers[q].is_none())
                    .collect();
                let logging = state.logging;
                let saved = state.save();
                let main_mark = saved.undo;
                self.apply(state, commit, outcome, &list);
                // Side walks of the main walk may stop on the first-parent line and rejoin it there.
                let park = (group == 0).then_some(main_mark);
                let stopped = self.walk(state, side, side_pending, date, park, changes)?;
                state.restore(saved, logging);
                if let Some(mut parked) = stopped {
                    parked.main_mark = main_mark;
                    parked.paths = list;
                    // From now on the main walk keeps a log of what it changes, to compare at the meeting point.
                    state.logging = true;
                    self.parked.push(parked);
                }
            }
            let kept: Vec<PathId> = if main == Outcome::Kept {
                let mut list: Vec<PathId> = self
                    .group_of
                    .iter()
                    .filter(|&(_, g)| *g == group)
                    .map(|(p, _)| *p)
                    .collect();
                list.sort_unstable();
                list
            } else {
                Vec::new()
            };
            self.apply(state, commit, main, &kept);
        }
    }

    /// The main walk just popped (and processed) `at`: side walks that stopped there rejoin it when both walks are in
    /// the same state for everything still to come; the others wait, or are replayed if the main walk is past them.
    fn rejoin(
        &mut self,
        state: &mut RevList,
        at: CommitIdx,
        pending: &[usize],
        next: usize,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<()> {
        let graph = self.graph;
        let here: Vec<usize> = (0..self.parked.len())
            .filter(|&i| self.parked[i].at == at)
            .collect();
        if here.is_empty() {
            return Ok(());
        }
        let queue = Self::queue_order(state);
        for i in here.into_iter().rev() {
            let parked = self.parked.swap_remove(i);
            let mut same = parked.queue == queue;
            if same {
                // Commits either walk changed since the fork, with their flags in each walk.
                let mut before: IdMap<CommitIdx, (u8, CommitIdx)> = IdMap::default();
                for &(c, stamp, flags) in &state.undo[parked.main_mark..] {
                    let flags = if stamp == state.run { flags } else { 0 };
                    before
                        .entry(c)
                        .or_insert((flags, state.pruned_to[c as usize]));
                }
                let mut newest_future = queue
                    .iter()
                    .chain(std::iter::once(&at))
                    .map(|&c| graph.generation(c))
                    .max()
                    .unwrap_or(0);
                for &q in &parked.pending {
                    newest_future = newest_future.max(graph.generation(self.queries[q].1));
                }
                let differs = |c: CommitIdx, side: (u8, CommitIdx), main: (u8, CommitIdx)| {
                    let (sf, sp) = side;
                    let (mf, mp) = main;
                    (sf != mf || (sf & PRUNED != 0 && sp != mp))
                        && graph.generation(c) <= newest_future
                };
                let main_now = |c: CommitIdx| (state.flags(c), state.pruned_to[c as usize]);
                for (&c, &side) in &parked.flags {
                    if differs(c, side, main_now(c)) {
                        same = false;
                    }
                }
                for (&c, &main_before) in &before {
                    let side = parked.flags.get(&c).copied().unwrap_or(main_before);
                    if differs(c, side, main_now(c)) {
                        same = false;
                    }
                }
            }
            #[cfg(test)]
            if same {
                JOINED.with(|c| c.set(c.get() + 1));
            } else {
                NOT_JOINED.with(|c| c.set(c.get() + 1));
            }
            if same {
                for &p in &parked.paths {
                    if self.in_group(p, parked.group) {
                        self.group_of.insert(p, 0);
                        self.group_size[0] += 1;
                    }
                }
                self.group_size[parked.group] = 0;
                // The main walk's list holds every query; those its cursor already passed were due before the
                // meeting point, in a state the side walk did not share: replay them.
                let key = |q: usize| {
                    let since = self.queries[q].1;
                    (std::cmp::Reverse(graph.time(since)), since, q)
                };
                let cursor = pending.get(next).map(|&q| key(q));
                let passed: Vec<usize> = parked
                    .pending
                    .into_iter()
                    .filter(|&q| cursor.is_none_or(|c| key(q) < c))
                    .collect();
                self.replay(passed, changes)?;
            } else {
                self.replay(parked.pending, changes)?;
            }
        }
        if self.parked.is_empty() {
            // Nothing left to meet: the log is no longer needed.
            state.undo.clear();
            state.logging = false;
        }
        Ok(())
    }

    /// Answers queries by replaying git's walk from scratch for each.
    fn replay(
        &mut self,
        queries: Vec<usize>,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<()> {
        for q in queries {
            if self.answers[q].is_none() {
                let (path, since) = self.queries[q];
                let answer = self
                    .fallback
                    .commits(self.graph, self.head, since, path, changes)?;
                self.answer(q, answer);
            }
        }
        Ok(())
    }

    /// Side walks that will not rejoin: their pages are replayed from scratch.
    fn give_up_parked(&mut self, changes: &mut dyn EntryChanges) -> crate::error::Result<()> {
        for parked in std::mem::take(&mut self.parked) {
            self.replay(parked.pending, changes)?;
        }
        Ok(())
    }

    /// What `try_to_simplify` and `process_parents` do at a merge for the paths with `outcome`.
    fn apply(
        &mut self,
        state: &mut RevList,
        commit: CommitIdx,
        outcome: Outcome,
        paths: &[PathId],
    ) {
        let graph = self.graph;
        let parents = graph.parents(commit);
        match outcome {
            Outcome::Pruned(slot) => {
                for &parent in &parents[..=slot] {
                    state.set(parent, PARSED);
                }
                state.prune(commit, parents[slot]);
            }
            Outcome::Kept => {
                for &parent in parents {
                    state.set(parent, PARSED);
                }
                for &p in paths {
                    self.history.entry(p).or_default().push(commit);
                }
            }
        }
        state.insert_parents(graph, commit);
    }

    fn answer(&mut self, q: usize, answer: Answer) {
        self.answers[q] = Some(answer);
        self.done += 1;
        (self.progress)(self.done);
        let path = self.queries[q].0;
        let open = self.open.get_mut(&path).expect("counted");
        *open -= 1;
        if *open == 0
            && let Some(group) = self.group_of.insert(path, DONE)
            && group != DONE
        {
            self.group_size[group] -= 1;
        }
    }

    /// git's walk for each query of `since`, resumed from the shared walk's state (then undone), or from scratch when
    /// the shared walk has popped a sibling of `since`.
    fn answer_at_checkpoint(
        &mut self,
        state: &mut RevList,
        queries: &[usize],
        since: CommitIdx,
        date: i64,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<()> {
        let graph = self.graph;
        let sibling_popped = graph.parents(since).iter().any(|&parent| {
            self.children
                .of_commit(parent)
                .iter()
                .any(|&child| child != since && state.has(child, ADDED))
        });
        for &q in queries {
            let path = self.queries[q].0;
            if sibling_popped {
                #[cfg(test)]
                FALLBACKS.with(|c| c.set(c.get() + 1));
                let answer = self
                    .fallback
                    .commits(graph, self.head, since, path, changes)?;
                self.answer(q, answer);
                continue;
            }
            #[cfg(test)]
            RESUMED.with(|c| c.set(c.get() + 1));
            let logging = state.logging;
            let saved = state.save();
            // git's start: `since` uninteresting and first in the queue among commits of its date; its parents
            // marked uninteresting.
            let queue: Vec<_> = state
                .queue
                .drain()
                .filter(|&(_, _, c)| c != since)
                .collect();
            state.queue = queue.into_iter().collect();
            state
                .queue
                .push((graph.time(since), std::cmp::Reverse(0), since));
            state.interesting_queued = state.queue.len() - 1;
            state.set(since, UNINTERESTING | BOTTOM | PARSED | SEEN | QUEUED);
            state.mark_parents_uninteresting(graph, since);
            let mut shown = Vec::new();
            let result = state.drain(graph, path, changes, date, &mut shown)?;
            let answer = match result {
                Err(cut) => Err(cut),
                Ok(()) => {
                    let before = self.history.get(&path).map(Vec::as_slice).unwrap_or(&[]);
                    let mut list: Vec<CommitIdx> = before
                        .iter()
                        .copied()
                        .filter(|&c| !state.has(c, UNINTERESTING))
                        .collect();
                    list.extend(
                        shown
                            .into_iter()
                            .filter(|&c| !state.has(c, UNINTERESTING | TREESAME)),
                    );
                    Ok(list)
                }
            };
            state.restore(saved, logging);
            self.answer(q, answer);
        }
        Ok(())
    }
}

#[cfg(test)]
thread_local! {
    static FALLBACKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static RESUMED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static JOINED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static NOT_JOINED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use gix::ObjectId;
    use std::collections::HashMap;

    /// Paths' contents per commit, as version numbers: a path changes on an edge when the numbers differ.
    struct Contents {
        graph_parents: Vec<Vec<CommitIdx>>,
        /// contents[commit][path]: 0 = absent.
        contents: Vec<Vec<u32>>,
        memo: HashMap<(CommitIdx, Option<usize>), Vec<PathId>>,
    }

    impl EntryChanges for Contents {
        fn changes(
            &mut self,
            commit: CommitIdx,
            slot: Option<usize>,
        ) -> crate::error::Result<&[PathId]> {
            if !self.memo.contains_key(&(commit, slot)) {
                let now = &self.contents[commit as usize];
                let list = match slot {
                    Some(slot) => {
                        let parent = self.graph_parents[commit as usize][slot];
                        let then = &self.contents[parent as usize];
                        (0..now.len() as PathId)
                            .filter(|&p| now[p as usize] != then[p as usize])
                            .collect()
                    }
                    None => (0..now.len() as PathId)
                        .filter(|&p| now[p as usize] != 0)
                        .collect(),
                };
                self.memo.insert((commit, slot), list);
            }
            Ok(&self.memo[&(commit, slot)])
        }
    }

    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// A random history: branches, merges (taking either side or a new version), equal and skewed dates.
    fn random_history(seed: u64, commits: usize, paths: usize) -> (CommitGraph, Contents) {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut parents: Vec<Vec<CommitIdx>> = Vec::new();
        let mut contents: Vec<Vec<u32>> = Vec::new();
        let mut times: Vec<i64> = Vec::new();
        let mut tips: Vec<CommitIdx> = Vec::new();
        let mut version = 1u32;
        for c in 0..commits as CommitIdx {
            let mut list = Vec::new();
            if c > 0 {
                let on = if tips.is_empty() || rng.below(4) == 0 {
                    c - 1
                } else {
                    tips[rng.below(tips.len())]
                };
                list.push(on);
                if rng.below(4) == 0 {
                    let other = rng.below(c as usize) as CommitIdx;
                    if other != on {
                        list.push(other);
                    }
                }
            }
            let mut now: Vec<u32> = match list.as_slice() {
                [] => vec![0; paths],
                [one] => contents[*one as usize].clone(),
                [first, second, ..] => (0..paths)
                    .map(|p| match rng.below(6) {
                        0 => contents[*second as usize][p],
                        1 => {
                            version += 1;
                            version
                        }
                        _ => contents[*first as usize][p],
                    })
                    .collect(),
            };
            for slot in now.iter_mut() {
                if rng.below(5) == 0 {
                    version += 1;
                    *slot = if rng.below(8) == 0 { 0 } else { version };
                }
            }
            let base = list
                .iter()
                .map(|&p| times[p as usize])
                .max()
                .unwrap_or(1000);
            let time = match rng.below(6) {
                0 => base,
                1 => base - 50,
                _ => base + 10 + rng.below(30) as i64,
            };
            if rng.below(3) == 0 {
                tips.push(c);
            }
            parents.push(list);
            contents.push(now);
            times.push(time);
        }
        // Ids in reverse so that HEAD (the last commit) is index 0, as a walk from HEAD would number them.
        let n = commits;
        let oid = |c: usize| {
            let mut bytes = [0u8; 20];
            bytes[..8].copy_from_slice(&(c as u64 + 1).to_be_bytes());
            ObjectId::from_bytes_or_panic(&bytes)
        };
        let ids: Vec<ObjectId> = (0..n).map(oid).collect();
        let raw: Vec<Vec<ObjectId>> = parents
            .iter()
            .map(|l| l.iter().map(|&p| oid(p as usize)).collect())
            .collect();
        let graph = CommitGraph::from_parts(ids, raw, times);
        let graph_parents = (0..n as CommitIdx)
            .map(|c| graph.parents(c).to_vec())
            .collect();
        (
            graph,
            Contents {
                graph_parents,
                contents,
                memo: HashMap::new(),
            },
        )
    }

    /// The commits reachable from `head`.
    fn reachable(graph: &CommitGraph, head: CommitIdx) -> Vec<CommitIdx> {
        let mut seen = vec![false; graph.len()];
        let mut stack = vec![head];
        let mut out = Vec::new();
        while let Some(c) = stack.pop() {
            if !std::mem::replace(&mut seen[c as usize], true) {
                out.push(c);
                stack.extend_from_slice(graph.parents(c));
            }
        }
        out
    }

    #[test]
    fn the_shared_walk_gives_the_answers_of_separate_replays() {
        for seed in 0..600u64 {
            let commits = 5 + (seed as usize % 75);
            let paths = 1 + (seed as usize % 6);
            let (graph, mut contents) = random_history(seed, commits, paths);
            let head = (commits - 1) as CommitIdx;
            let mut queries = Vec::new();
            for since in reachable(&graph, head) {
                for p in 0..paths as PathId {
                    queries.push((p, since));
                }
            }
            let mut exact = RevList::new(&graph);
            let expected: Vec<Answer> = queries
                .iter()
                .map(|&(p, s)| exact.commits(&graph, head, s, p, &mut contents).unwrap())
                .collect();
            // Half the queries, then the other half with the same state: what a batch leaves behind does not change
            // the next batch's answers.
            let mut counting = Counting::new(&graph, head);
            let half = queries.len() / 2;
            let mut got = counting
                .answer_all(&graph, &queries[half..], &mut contents, &mut |_| {})
                .unwrap();
            got.splice(
                0..0,
                counting
                    .answer_all(&graph, &queries[..half], &mut contents, &mut |_| {})
                    .unwrap(),
            );
            for (i, (want, have)) in expected.iter().zip(&got).enumerate() {
                assert_eq!(
                    want, have,
                    "seed {seed}: query {:?} (path, since) differs",
                    queries[i]
                );
            }
        }
        let (fallbacks, resumed) = (
            super::FALLBACKS.with(|c| c.get()),
            super::RESUMED.with(|c| c.get()),
        );
        let (joined, not_joined) = (
            super::JOINED.with(|c| c.get()),
            super::NOT_JOINED.with(|c| c.get()),
        );

        assert!(
            joined > 0 && not_joined > 0,
            "side walks rejoined the main walk ({joined}), or were replayed ({not_joined})"
        );
        // Both ways of answering were exercised, and sharing the walk is the rule.
        assert!(
            fallbacks > 0 && resumed > 4 * fallbacks,
            "{fallbacks} replayed, {resumed} resumed"
        );
    }
}
