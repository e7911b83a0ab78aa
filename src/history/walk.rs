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

    /// For each path of `ids`, `git rev-list --count <since>..<head> -- <path>`: the commits reachable from `head`
    /// and not from `since` that changed the path, in git's default simplified history of that path.
    ///
    /// `None` when the history needed is cut by a shallow boundary.
    ///
    /// The simplification is judged as `git log -- <path>` does from `head`; git itself can decide a merge differently
    /// when one of its parents is also reachable from `since` and has already been painted by the time the merge is
    /// simplified (that depends on commit dates). docs/history.md gives the details.
    pub fn commits_since(
        &mut self,
        head: CommitIdx,
        since: CommitIdx,
        ids: &[PathId],
    ) -> Result<Vec<Option<u32>>> {
        #[derive(Default)]
        struct State {
            uninteresting: bool,
            queued: bool,
            live: bool,
            paths: Vec<PathId>,
        }
        let mut sorted: Vec<PathId> = ids.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut counts: HashMap<PathId, u32> = HashMap::new();
        let mut cut_by_boundary = false;
        let mut states: HashMap<CommitIdx, State> = HashMap::new();
        let mut heap: BinaryHeap<(u32, CommitIdx)> = BinaryHeap::new();
        let mut live = 0usize;

        let since_state = states.entry(since).or_default();
        since_state.uninteresting = true;
        since_state.queued = true;
        heap.push((self.graph.generation(since), since));
        let head_state = states.entry(head).or_default();
        if !head_state.uninteresting {
            head_state.paths = sorted.clone();
            head_state.live = true;
            live += 1;
        }
        if !head_state.queued {
            head_state.queued = true;
            heap.push((self.graph.generation(head), head));
        }

        while live > 0 {
            let Some((_, commit)) = heap.pop() else {
                break;
            };
            let state = states.entry(commit).or_default();
            state.queued = false;
            if state.live {
                state.live = false;
                live -= 1;
            }
            let parents = self.graph.parents(commit).to_vec();
            if state.uninteresting {
                state.paths.clear();
                for parent in parents {
                    let ps = states.entry(parent).or_default();
                    if !ps.uninteresting {
                        ps.uninteresting = true;
                        if ps.live {
                            ps.live = false;
                            live -= 1;
                        }
                        ps.paths.clear();
                    }
                    if !ps.queued {
                        ps.queued = true;
                        heap.push((self.graph.generation(parent), parent));
                    }
                }
                continue;
            }
            let mut set = std::mem::take(&mut state.paths);
            if set.is_empty() {
                continue;
            }
            set.sort_unstable();
            set.dedup();
            if self.graph.is_boundary(commit) {
                cut_by_boundary = true;
                continue;
            }
            // (parent, paths forwarded to it)
            let mut forwards: Vec<(CommitIdx, Vec<PathId>)> = Vec::new();
            let touched: Vec<PathId> = if parents.is_empty() {
                self.changed(commit, None, &set)?
            } else if parents.len() == 1 {
                let differs = self.changed(commit, Some(parents[0]), &set)?;
                forwards.push((parents[0], set));
                differs
            } else {
                let mut remaining = set;
                for &parent in &parents {
                    let differs = self.changed(commit, Some(parent), &remaining)?;
                    let same: Vec<PathId> = remaining
                        .iter()
                        .copied()
                        .filter(|id| differs.binary_search(id).is_err())
                        .collect();
                    if !same.is_empty() {
                        forwards.push((parent, same));
                    }
                    remaining = differs;
                    if remaining.is_empty() {
                        break;
                    }
                }
                // Different from every parent: the merge counts, and every parent's side is followed.
                for &parent in &parents {
                    if !remaining.is_empty() {
                        forwards.push((parent, remaining.clone()));
                    }
                }
                remaining
            };
            for id in touched {
                *counts.entry(id).or_default() += 1;
            }
            for (parent, paths) in forwards {
                let ps = states.entry(parent).or_default();
                if ps.uninteresting {
                    continue;
                }
                ps.paths.extend(paths);
                if !ps.live {
                    ps.live = true;
                    live += 1;
                }
                if !ps.queued {
                    ps.queued = true;
                    heap.push((self.graph.generation(parent), parent));
                }
            }
        }
        Ok(ids
            .iter()
            .map(|id| {
                if cut_by_boundary {
                    None
                } else {
                    Some(counts.get(id).copied().unwrap_or(0))
                }
            })
            .collect())
    }
}
