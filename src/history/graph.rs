//! The commit graph of HEAD, loaded once into plain arrays: ids, parents (as indices) and generation numbers.
//!
//! A generation number is 1 for a root and 1 + the largest of the parents' otherwise, so a commit always has a higher
//! generation than each of its parents: popping commits by decreasing generation visits children before parents,
//! whatever the commit dates say (dates are often skewed on merged branches).

use std::collections::HashMap;

use gix::ObjectId;

use crate::error::{Error, Result};

/// Index of a commit in a [`CommitGraph`].
pub type CommitIdx = u32;

#[derive(Debug, Default)]
pub struct CommitGraph {
    ids: Vec<ObjectId>,
    index: HashMap<ObjectId, CommitIdx>,
    /// Parents of commit `i` are `parents[parent_start[i]..parent_start[i + 1]]`.
    parent_start: Vec<u32>,
    parents: Vec<CommitIdx>,
    generation: Vec<u32>,
    /// Committer times, seconds since the epoch (git's walks order commits by them).
    time: Vec<i64>,
    /// Commits whose parents are missing from the repository (the boundary of a shallow clone).
    boundary: Vec<bool>,
}

impl CommitGraph {
    /// Walks every commit reachable from `head` (never other refs).
    pub fn load(repo: &gix::Repository, head: ObjectId) -> Result<CommitGraph> {
        let walk = repo
            .rev_walk([head])
            .use_commit_graph(true)
            .sorting(gix::revision::walk::Sorting::ByCommitTime(
                gix::traverse::commit::simple::CommitTimeOrder::NewestFirst,
            ))
            .all()
            .map_err(Error::git)?;
        let mut ids = Vec::new();
        let mut raw_parents: Vec<Vec<ObjectId>> = Vec::new();
        let mut times = Vec::new();
        for info in walk {
            let info = info.map_err(Error::git)?;
            ids.push(info.id);
            raw_parents.push(info.parent_ids.iter().copied().collect());
            times.push(info.commit_time.unwrap_or(0));
        }
        Ok(Self::from_parts(ids, raw_parents, times))
    }

    /// Builds the graph from commits, their parent ids and committer times; parents that are not among `ids` are
    /// missing.
    pub fn from_parts(
        ids: Vec<ObjectId>,
        raw_parents: Vec<Vec<ObjectId>>,
        time: Vec<i64>,
    ) -> CommitGraph {
        let index: HashMap<ObjectId, CommitIdx> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i as CommitIdx))
            .collect();
        let mut parent_start = Vec::with_capacity(ids.len() + 1);
        let mut parents = Vec::with_capacity(ids.len() + ids.len() / 8);
        let mut boundary = vec![false; ids.len()];
        for (i, list) in raw_parents.iter().enumerate() {
            parent_start.push(parents.len() as u32);
            for parent in list {
                match index.get(parent) {
                    Some(&p) => parents.push(p),
                    None => boundary[i] = true,
                }
            }
        }
        parent_start.push(parents.len() as u32);
        let mut graph = CommitGraph {
            ids,
            index,
            parent_start,
            parents,
            generation: Vec::new(),
            time,
            boundary,
        };
        graph.generation = graph.compute_generations();
        graph
    }

    fn compute_generations(&self) -> Vec<u32> {
        let n = self.ids.len();
        let mut generation = vec![0u32; n];
        let mut stack: Vec<(CommitIdx, bool)> = Vec::new();
        for start in 0..n as CommitIdx {
            if generation[start as usize] != 0 {
                continue;
            }
            stack.push((start, false));
            while let Some((commit, expanded)) = stack.pop() {
                if generation[commit as usize] != 0 {
                    continue;
                }
                if expanded {
                    let highest = self
                        .parents(commit)
                        .iter()
                        .map(|&p| generation[p as usize])
                        .max()
                        .unwrap_or(0);
                    generation[commit as usize] = highest + 1;
                } else {
                    stack.push((commit, true));
                    for &parent in self.parents(commit) {
                        if generation[parent as usize] == 0 {
                            stack.push((parent, false));
                        }
                    }
                }
            }
        }
        generation
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn id(&self, commit: CommitIdx) -> ObjectId {
        self.ids[commit as usize]
    }

    /// The index of a commit reachable from HEAD; `None` for any other object.
    pub fn find(&self, id: &ObjectId) -> Option<CommitIdx> {
        self.index.get(id).copied()
    }

    pub fn parents(&self, commit: CommitIdx) -> &[CommitIdx] {
        let start = self.parent_start[commit as usize] as usize;
        let end = self.parent_start[commit as usize + 1] as usize;
        &self.parents[start..end]
    }

    pub fn generation(&self, commit: CommitIdx) -> u32 {
        self.generation[commit as usize]
    }

    pub fn time(&self, commit: CommitIdx) -> i64 {
        self.time[commit as usize]
    }

    /// Whether the commit's parents are missing (shallow boundary).
    pub fn is_boundary(&self, commit: CommitIdx) -> bool {
        self.boundary[commit as usize]
    }

    pub fn has_boundary(&self) -> bool {
        self.boundary.iter().any(|&b| b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> ObjectId {
        ObjectId::from_bytes_or_panic(&[n; 20])
    }

    #[test]
    fn generations_put_children_above_parents() {
        // 4 is a merge of 2 and 3, which both descend from 1.
        let ids = vec![oid(4), oid(3), oid(2), oid(1)];
        let parents = vec![vec![oid(2), oid(3)], vec![oid(1)], vec![oid(1)], vec![]];
        let graph = CommitGraph::from_parts(ids, parents, vec![4, 3, 2, 1]);
        assert_eq!(graph.generation(3), 1);
        assert_eq!(graph.generation(2), 2);
        assert_eq!(graph.generation(1), 2);
        assert_eq!(graph.generation(0), 3);
        assert_eq!(graph.parents(0), &[2, 1]);
        assert!(!graph.has_boundary());
    }

    #[test]
    fn missing_parents_mark_the_boundary() {
        let graph = CommitGraph::from_parts(
            vec![oid(2), oid(1)],
            vec![vec![oid(1)], vec![oid(0)]],
            vec![2, 1],
        );
        assert!(graph.is_boundary(1));
        assert!(!graph.is_boundary(0));
        assert!(graph.parents(1).is_empty());
    }
}
