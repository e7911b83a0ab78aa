//! `git rev-list --count <since>..<head> -- <path>`, answered the way git answers it.
//!
//! git limits such a walk in commit-date order, marking the ancestors of `<since>` as it goes, and simplifies each
//! merge against the parents it does not yet know to be reachable from `<since>` (revision.c: `limit_list`,
//! `process_parents`, `try_to_simplify_commit`). When dates are skewed, or equal, how far the marking has got decides
//! how a merge is simplified, and so what gets counted. To give git's number, this module replays the same steps on
//! the in-memory graph: the same date order (ties in insertion order), the same marking (which only recurses through
//! commits already parsed), the same parent pruning, the same early stop. Tree comparisons come from the walker's
//! memo, so replaying costs only bookkeeping.

use std::collections::BinaryHeap;

use super::graph::{CommitGraph, CommitIdx};
use super::trees::PathId;

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

/// Whether a path's entry differs between a commit and one of its parents (`None`: the empty tree).
pub trait EntryChanges {
    fn changed(
        &mut self,
        commit: CommitIdx,
        parent: Option<CommitIdx>,
        path: PathId,
    ) -> crate::error::Result<bool>;
}

/// Reusable state for many replays over one graph: flag arrays reset by a run stamp, not cleared.
pub struct RevList {
    stamp: Vec<u32>,
    flags: Vec<u8>,
    /// The single parent a merge was pruned to (valid with `PRUNED`).
    pruned_to: Vec<CommitIdx>,
    run: u32,
}

struct Run<'a> {
    state: &'a mut RevList,
    graph: &'a CommitGraph,
    queue: BinaryHeap<(i64, std::cmp::Reverse<u64>, CommitIdx)>,
    sequence: u64,
    /// Commits in the queue that are not marked uninteresting.
    interesting_queued: usize,
}

impl RevList {
    pub fn new(graph: &CommitGraph) -> RevList {
        RevList {
            stamp: vec![0; graph.len()],
            flags: vec![0; graph.len()],
            pruned_to: vec![0; graph.len()],
            run: 0,
        }
    }

    /// The commits `git rev-list <since>..<head> -- <path>` lists, in its order (newest first, by date).
    pub fn commits(
        &mut self,
        graph: &CommitGraph,
        head: CommitIdx,
        since: CommitIdx,
        path: PathId,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<Vec<CommitIdx>> {
        if head == since {
            return Ok(Vec::new());
        }
        self.run += 1;
        let mut run = Run {
            state: self,
            graph,
            queue: BinaryHeap::new(),
            sequence: 0,
            interesting_queued: 0,
        };
        run.limit(head, since, path, changes)
    }
}

impl Run<'_> {
    fn flags(&self, commit: CommitIdx) -> u8 {
        let i = commit as usize;
        if self.state.stamp[i] == self.state.run {
            self.state.flags[i]
        } else {
            0
        }
    }

    fn set(&mut self, commit: CommitIdx, bits: u8) {
        let i = commit as usize;
        if self.state.stamp[i] != self.state.run {
            self.state.stamp[i] = self.state.run;
            self.state.flags[i] = 0;
        }
        self.state.flags[i] |= bits;
    }

    fn clear(&mut self, commit: CommitIdx, bits: u8) {
        if self.state.stamp[commit as usize] == self.state.run {
            self.state.flags[commit as usize] &= !bits;
        }
    }

    fn has(&self, commit: CommitIdx, bits: u8) -> bool {
        self.flags(commit) & bits != 0
    }

    /// `commit->parents`: empty until parsed, a single parent once pruned.
    fn parents(&self, commit: CommitIdx) -> Vec<CommitIdx> {
        if !self.has(commit, PARSED) {
            Vec::new()
        } else if self.has(commit, PRUNED) {
            vec![self.state.pruned_to[commit as usize]]
        } else {
            self.graph.parents(commit).to_vec()
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

    /// revision.c `mark_parents_uninteresting`.
    fn mark_parents_uninteresting(&mut self, commit: CommitIdx) {
        let mut pending: Vec<CommitIdx> = self.parents(commit);
        pending.reverse();
        while let Some(next) = pending.pop() {
            if self.has(next, UNINTERESTING) {
                continue;
            }
            self.mark_uninteresting(next);
            let mut more = self.parents(next);
            more.reverse();
            pending.extend(more);
        }
    }

    fn insert(&mut self, commit: CommitIdx) {
        self.sequence += 1;
        let date = self.graph.time(commit);
        self.queue
            .push((date, std::cmp::Reverse(self.sequence), commit));
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

    fn limit(
        &mut self,
        head: CommitIdx,
        since: CommitIdx,
        path: PathId,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<Vec<CommitIdx>> {
        // handle_commit: both tips parsed; the bottom's parents marked at once.
        self.set(since, UNINTERESTING | BOTTOM | PARSED | SEEN);
        self.mark_parents_uninteresting(since);
        self.set(head, PARSED | SEEN);
        // The pending list sorted by date, stable: `since` was given first.
        self.insert(since);
        self.insert(head);

        let mut date = i64::MAX;
        let mut slop = SLOP;
        let mut shown: Vec<CommitIdx> = Vec::new();
        while let Some(commit) = self.pop() {
            self.process_parents(commit, path, changes)?;
            if self.has(commit, UNINTERESTING) {
                self.mark_parents_uninteresting(commit);
                slop = self.still_interesting(date, slop);
                if slop > 0 {
                    continue;
                }
                break;
            }
            date = self.graph.time(commit);
            shown.push(commit);
        }
        Ok(shown
            .into_iter()
            .filter(|&c| !self.has(c, UNINTERESTING | TREESAME))
            .collect())
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
        commit: CommitIdx,
        path: PathId,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<()> {
        if self.has(commit, ADDED) {
            return Ok(());
        }
        self.set(commit, ADDED);
        if self.has(commit, UNINTERESTING) {
            for parent in self.parents(commit) {
                self.mark_uninteresting(parent);
                self.set(parent, PARSED);
                if !self.parents(parent).is_empty() {
                    self.mark_parents_uninteresting(parent);
                }
                if self.has(parent, SEEN) {
                    continue;
                }
                self.set(parent, SEEN);
                self.insert(parent);
            }
            return Ok(());
        }
        self.try_to_simplify(commit, path, changes)?;
        for parent in self.parents(commit) {
            self.set(parent, PARSED);
            if !self.has(parent, SEEN) {
                self.set(parent, SEEN);
                self.insert(parent);
            }
        }
        Ok(())
    }

    /// revision.c `try_to_simplify_commit`, default options (`--dense`, history simplification on).
    fn try_to_simplify(
        &mut self,
        commit: CommitIdx,
        path: PathId,
        changes: &mut dyn EntryChanges,
    ) -> crate::error::Result<()> {
        let parents = self.parents(commit);
        if parents.is_empty() {
            if !changes.changed(commit, None, path)? {
                self.set(commit, TREESAME);
            }
            return Ok(());
        }
        let mut relevant_parents = 0;
        let mut relevant_change = false;
        let mut irrelevant_change = false;
        for parent in parents {
            let relevant = self.relevant(parent);
            if relevant {
                relevant_parents += 1;
            }
            self.set(parent, PARSED);
            if !changes.changed(commit, Some(parent), path)? {
                if !relevant {
                    continue;
                }
                self.state.pruned_to[commit as usize] = parent;
                self.set(commit, PRUNED | TREESAME);
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
}
