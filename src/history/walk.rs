//! History walks over many paths at once.
//!
//! Both walks pop commits by decreasing generation (children before parents) and carry, at each commit, the set of
//! paths still being followed there; sets move down to parents as git's default history simplification says.

use std::collections::{BinaryHeap, HashMap};

use gix::ObjectId;

use super::graph::{CommitGraph, CommitIdx};
use super::trees::{PathId, PathTable, TreeReader};
use crate::error::Result;

/// Root trees of commits, read once each.
pub struct Walker<'r> {
    pub graph: &'r CommitGraph,
    pub table: &'r PathTable,
    pub reader: TreeReader<'r>,
    trees: HashMap<CommitIdx, ObjectId>,
    /// (commit, parent or `u32::MAX` for none) → every path of the table whose entry differs, sorted.
    edges: HashMap<(CommitIdx, CommitIdx), Vec<PathId>>,
    all_ids: Vec<PathId>,
}

/// The last commit that touched a path, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastTouch {
    Commit(CommitIdx),
    /// The path is not in HEAD's tree (untracked or deleted).
    NotInHead,
    /// The walk reached the boundary of a shallow clone before finding it.
    BeyondShallowBoundary,
}

impl<'r> Walker<'r> {
    pub fn new(repo: &'r gix::Repository, graph: &'r CommitGraph, table: &'r PathTable) -> Self {
        Walker {
            graph,
            table,
            reader: TreeReader::new(repo),
            trees: HashMap::new(),
            edges: HashMap::new(),
            all_ids: table.all_ids(),
        }
    }

    pub fn tree(&mut self, commit: CommitIdx) -> Result<ObjectId> {
        if let Some(tree) = self.trees.get(&commit) {
            return Ok(*tree);
        }
        let tree = self.reader.commit_tree(self.graph.id(commit))?;
        self.trees.insert(commit, tree);
        Ok(tree)
    }

    /// Sorted ids (from sorted `ids`) whose entries differ between the trees of two commits (`None`: empty tree).
    fn changed(
        &mut self,
        a: CommitIdx,
        b: Option<CommitIdx>,
        ids: &[PathId],
    ) -> Result<Vec<PathId>> {
        let tree_a = Some(self.tree(a)?);
        let tree_b = match b {
            Some(b) => Some(self.tree(b)?),
            None => None,
        };
        let mut changed = Vec::new();
        self.reader
            .changed(self.table, tree_a, tree_b, ids, &mut changed)?;
        changed.sort_unstable();
        Ok(changed)
    }

    /// For each path of `ids`, the commit `git log -1 -- <path>` shows, found for all paths in one walk from `head`.
    ///
    /// At a commit with one parent, a path whose entry differs from the parent's stops there, else it moves to the
    /// parent; at a merge it moves to the first parent with the same entry, and stops at the merge if none has it; at a
    /// root it stops if it exists there.
    pub fn last_touches(&mut self, head: CommitIdx, ids: &[PathId]) -> Result<Vec<LastTouch>> {
        let mut result: HashMap<PathId, LastTouch> = HashMap::new();
        let mut sorted: Vec<PathId> = ids.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        // Only paths present at HEAD have a last commit (an untracked file has none).
        let present = self.changed(head, None, &sorted)?;
        for id in &sorted {
            if present.binary_search(id).is_err() {
                result.insert(*id, LastTouch::NotInHead);
            }
        }
        let mut pending: HashMap<CommitIdx, Vec<PathId>> = HashMap::new();
        let mut heap: BinaryHeap<(u32, CommitIdx)> = BinaryHeap::new();
        if !present.is_empty() {
            pending.insert(head, present);
            heap.push((self.graph.generation(head), head));
        }
        while let Some((_, commit)) = heap.pop() {
            let Some(mut set) = pending.remove(&commit) else {
                continue;
            };
            set.sort_unstable();
            set.dedup();
            let parents = self.graph.parents(commit).to_vec();
            if parents.is_empty() {
                let outcome = if self.graph.is_boundary(commit) {
                    LastTouch::BeyondShallowBoundary
                } else {
                    LastTouch::Commit(commit)
                };
                for id in set {
                    result.insert(id, outcome);
                }
                continue;
            }
            let mut remaining = set;
            for &parent in &parents {
                let differs = self.changed(commit, Some(parent), &remaining)?;
                let same: Vec<PathId> = remaining
                    .iter()
                    .copied()
                    .filter(|id| differs.binary_search(id).is_err())
                    .collect();
                if !same.is_empty() {
                    let slot = pending.entry(parent).or_default();
                    if slot.is_empty() {
                        heap.push((self.graph.generation(parent), parent));
                    }
                    slot.extend(same);
                }
                remaining = differs;
                if remaining.is_empty() {
                    break;
                }
            }
            let outcome = if self.graph.is_boundary(commit) && !remaining.is_empty() {
                // Some parents are missing: the path may have come from one of them.
                LastTouch::BeyondShallowBoundary
            } else {
                LastTouch::Commit(commit)
            };
            for id in remaining {
                result.insert(id, outcome);
            }
        }
        Ok(ids
            .iter()
            .map(|id| result.get(id).copied().unwrap_or(LastTouch::NotInHead))
            .collect())
    }
}

impl super::revlist::EntryChanges for Walker<'_> {
    /// Whether `path` differs between `commit` and `parent`; each edge is diffed once, for every path of the table.
    fn changed(
        &mut self,
        commit: CommitIdx,
        parent: Option<CommitIdx>,
        path: PathId,
    ) -> Result<bool> {
        let key = (commit, parent.unwrap_or(CommitIdx::MAX));
        if !self.edges.contains_key(&key) {
            let all = std::mem::take(&mut self.all_ids);
            let changed = Walker::changed(self, commit, parent, &all);
            self.all_ids = all;
            self.edges.insert(key, changed?);
        }
        Ok(self.edges[&key].binary_search(&path).is_ok())
    }
}
