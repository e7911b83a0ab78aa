//! The last commit that touched each of many paths (`git log -1 -- <path>`), in one walk; from one commit, or from
//! several at once.
//!
//! The walk pops commits by decreasing generation (children before parents) and carries, at each commit, the set of
//! paths still being followed there; sets move down to parents as git's default history simplification says. Which
//! paths an edge changes comes from the [`ChangeIndex`], so a path set crosses a commit that did not touch the
//! content roots without looking at a tree.

use std::collections::{BinaryHeap, HashMap};

use super::graph::{CommitGraph, CommitIdx};
use super::index::{ChangeIndex, PathId};
use super::progress::{Phase, Progress};
use crate::error::Result;

/// The last commit that touched a path, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastTouch {
    Commit(CommitIdx),
    /// The path is not in HEAD's tree (untracked or deleted).
    NotInHead,
    /// The walk reached the boundary of a shallow clone before finding it.
    BeyondShallowBoundary,
}

/// Answers already known at some commit (an older HEAD, from the cache): a path set that reaches it stops there.
pub struct KnownAt<'a> {
    pub commit: CommitIdx,
    pub touches: &'a HashMap<PathId, LastTouch>,
}

/// For each path of `ids` (all present in `start`'s tree), the commit `git log -1 <start> -- <path>` shows.
///
/// At a commit with one parent, a path whose entry differs from the parent's stops there, else it moves to the
/// parent; at a merge it moves to the first parent with the same entry, and stops at the merge if none has it; at a
/// root it stops (it exists there, since its entry is the one it has at `start`).
pub fn last_touches(
    repo: &gix::Repository,
    graph: &CommitGraph,
    index: &mut ChangeIndex,
    start: CommitIdx,
    ids: &[PathId],
    known: Option<KnownAt<'_>>,
    progress: &dyn Progress,
) -> Result<HashMap<PathId, LastTouch>> {
    let mut result: HashMap<PathId, LastTouch> = HashMap::with_capacity(ids.len());
    let mut first: Vec<PathId> = ids.to_vec();
    first.sort_unstable();
    first.dedup();
    if first.is_empty() {
        return Ok(result);
    }
    progress.start(Phase::ComparingCommits, Some(graph.len() as u64));
    walk(
        repo,
        graph,
        index,
        vec![(start, first)],
        known,
        progress,
        |id, touch| {
            result.insert(id, touch);
        },
    )?;
    progress.finish();
    Ok(result)
}

/// For each (start, path) of `queries` (the path present in `start`'s tree), the commit `git log -1 <start> --
/// <path>` shows, in the queries' order: what [`last_touches`] gives for one start, for many starts in one walk. The
/// walks back of many pages from many commits cross the same commits; each commit is looked at once for all.
pub fn last_touches_from(
    repo: &gix::Repository,
    graph: &CommitGraph,
    index: &mut ChangeIndex,
    queries: &[(CommitIdx, PathId)],
) -> Result<Vec<LastTouch>> {
    let mut by_start: HashMap<CommitIdx, Vec<Query>> = HashMap::new();
    for (at, &(start, path)) in queries.iter().enumerate() {
        by_start.entry(start).or_default().push(Query {
            path,
            at: at as u32,
        });
    }
    let starts = by_start
        .into_iter()
        .map(|(start, mut set)| {
            set.sort_unstable();
            (start, set)
        })
        .collect();
    // Every query is answered by the walk: this is only where the answers go.
    let mut result = vec![LastTouch::NotInHead; queries.len()];
    walk(
        repo,
        graph,
        index,
        starts,
        None,
        &super::progress::Silent,
        |query: Query, touch| result[query.at as usize] = touch,
    )?;
    Ok(result)
}

/// What a walk follows: a path, or a path for one of several questions about it.
trait Followed: Copy + Ord {
    fn path(&self) -> PathId;
}

impl Followed for PathId {
    fn path(&self) -> PathId {
        *self
    }
}

/// One question of [`last_touches_from`]: its path and its place. Ordered by path first, as the walk's sets are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Query {
    path: PathId,
    at: u32,
}

impl Followed for Query {
    fn path(&self) -> PathId {
        self.path
    }
}

/// The walk of [`last_touches`] from several starts (each with its sorted, deduplicated set): `answer` is told where
/// each followed item stops.
fn walk<T: Followed>(
    repo: &gix::Repository,
    graph: &CommitGraph,
    index: &mut ChangeIndex,
    starts: Vec<(CommitIdx, Vec<T>)>,
    known: Option<KnownAt<'_>>,
    progress: &dyn Progress,
    mut answer: impl FnMut(T, LastTouch),
) -> Result<()> {
    // Sets waiting at each commit; `true` when the set may hold duplicates or be out of order.
    let mut pending: crate::util::hash::IdMap<CommitIdx, (Vec<T>, bool)> = Default::default();
    let mut heap: BinaryHeap<(u32, CommitIdx)> = BinaryHeap::new();
    for (start, set) in starts {
        if set.is_empty() {
            continue;
        }
        heap.push((graph.generation(start), start));
        pending.insert(start, (set, false));
    }
    let mut visited = 0u64;
    // A set that moves whole to a commit nothing else waits at, and that the heap would give next anyway (no waiting
    // commit is newer), is carried on without going through the heap (most of a history is a line of commits).
    let mut carried: Option<(CommitIdx, Vec<T>)> = None;
    loop {
        let (commit, mut set, unsorted) = match carried.take() {
            Some((commit, set)) => (commit, set, false),
            None => {
                let Some((_, commit)) = heap.pop() else {
                    break;
                };
                let Some((set, unsorted)) = pending.remove(&commit) else {
                    continue;
                };
                (commit, set, unsorted)
            }
        };
        visited += 1;
        if visited.is_multiple_of(256) {
            progress.advance(visited);
        }
        if unsorted {
            // Sets that met here, each sorted: the stable sort finds those runs and merges them.
            set.sort();
            set.dedup();
        }
        if let Some(known) = &known
            && known.commit == commit
        {
            set.retain(|item| match known.touches.get(&item.path()) {
                Some(&touch) => {
                    answer(*item, touch);
                    false
                }
                None => true,
            });
            if set.is_empty() {
                continue;
            }
        }
        let parents = graph.parents(commit);
        if parents.is_empty() {
            let outcome = if graph.is_boundary(commit) {
                LastTouch::BeyondShallowBoundary
            } else {
                LastTouch::Commit(commit)
            };
            for item in set {
                answer(item, outcome);
            }
            continue;
        }
        let mut remaining = set;
        for (slot, &parent) in parents.iter().enumerate() {
            let changed = index.changes(repo, graph, commit, Some(slot))?;
            let (differs, same) = split(remaining, changed);
            if differs.is_empty()
                && parents.len() == 1
                && !pending.contains_key(&parent)
                && heap
                    .peek()
                    .is_none_or(|&(generation, _)| generation <= graph.generation(parent))
            {
                carried = Some((parent, same));
                remaining = differs;
                break;
            }
            if !same.is_empty() {
                let slot = pending.entry(parent).or_insert_with(|| (Vec::new(), false));
                if slot.0.is_empty() {
                    heap.push((graph.generation(parent), parent));
                    slot.0 = same;
                } else {
                    slot.0.extend(same);
                    slot.1 = true;
                }
            }
            remaining = differs;
            if remaining.is_empty() {
                break;
            }
        }
        let outcome = if graph.is_boundary(commit) && !remaining.is_empty() {
            // Some parents are missing: the path may have come from one of them.
            LastTouch::BeyondShallowBoundary
        } else {
            LastTouch::Commit(commit)
        };
        for item in remaining {
            answer(item, outcome);
        }
    }
    Ok(())
}

/// Splits sorted `set` into (items whose path is in sorted `changed`, the others), moving the vector when nothing
/// changed. A commit changes a few paths while a set can follow tens of thousands: the items that changed are found
/// by binary search and the others closed up over them, not tested one by one.
fn split<T: Followed>(set: Vec<T>, changed: &[PathId]) -> (Vec<T>, Vec<T>) {
    if changed.is_empty() || set.is_empty() {
        return (Vec::new(), set);
    }
    // The runs of `set` whose path changed (one run per path: a path may be followed for several questions), in
    // order.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    if changed.len() * 8 < set.len() {
        let mut from = 0;
        for &id in changed {
            let start = from + set[from..].partition_point(|item| item.path() < id);
            let end = start + set[start..].partition_point(|item| item.path() == id);
            if start < end {
                runs.push((start, end));
            }
            from = end;
        }
    } else {
        // A set not much larger than what changed: each of its paths is looked for in the changed paths left.
        let (mut rest, mut at) = (changed, 0);
        while at < set.len() && !rest.is_empty() {
            let path = set[at].path();
            let end = at + set[at..].partition_point(|item| item.path() == path);
            match rest.binary_search(&path) {
                Ok(found) => {
                    runs.push((at, end));
                    rest = &rest[found + 1..];
                }
                Err(after) => rest = &rest[after..],
            }
            at = end;
        }
    }
    if runs.is_empty() {
        return (Vec::new(), set);
    }
    let mut differs = Vec::with_capacity(runs.iter().map(|(start, end)| end - start).sum());
    let mut same = set;
    let mut kept = runs[0].0;
    for (i, &(start, end)) in runs.iter().enumerate() {
        differs.extend_from_slice(&same[start..end]);
        let next = runs.get(i + 1).map_or(same.len(), |&(start, _)| start);
        same.copy_within(end..next, kept);
        kept += next - end;
    }
    same.truncate(kept);
    (differs, same)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_order_and_moves_untouched_sets() {
        let (differs, same) = split(vec![1, 3, 5, 7], &[2, 3, 7, 9]);
        assert_eq!(differs, vec![3, 7]);
        assert_eq!(same, vec![1, 5]);
        let (differs, same) = split(vec![1, 2], &[]);
        assert!(differs.is_empty());
        assert_eq!(same, vec![1, 2]);
        let big: Vec<PathId> = (0..100).collect();
        let (differs, same) = split(big, &[50]);
        assert_eq!(differs, vec![50]);
        assert_eq!(same.len(), 99);
    }

    #[test]
    fn split_gives_what_testing_each_item_gives() {
        // Questions about the same path sit side by side; a few changed paths or many, at the ends or not.
        let set: Vec<Query> = [1, 1, 2, 4, 4, 4, 6, 9, 9, 12]
            .iter()
            .enumerate()
            .map(|(at, &path)| Query {
                path,
                at: at as u32,
            })
            .collect();
        let changes: [&[PathId]; 7] = [
            &[4],
            &[1, 12],
            &[0, 3, 5, 13],
            &[1, 2, 4, 6, 9, 12],
            &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
            &[9],
            &[2, 6],
        ];
        for changed in changes {
            let (differs, same) = split(set.clone(), changed);
            let (expected_differs, expected_same): (Vec<Query>, Vec<Query>) =
                set.iter().partition(|query| changed.contains(&query.path));
            assert_eq!(differs, expected_differs, "{changed:?}");
            assert_eq!(same, expected_same, "{changed:?}");
        }
        // A long set and one changed path (the binary search side).
        let long: Vec<Query> = (0..1000u32).map(|at| Query { path: at / 3, at }).collect();
        let (differs, same) = split(long.clone(), &[7, 300]);
        assert_eq!(
            differs.iter().map(|q| q.at).collect::<Vec<_>>(),
            vec![21, 22, 23, 900, 901, 902]
        );
        assert_eq!(same.len(), 994);
        assert!(same.iter().all(|q| q.path != 7 && q.path != 300));
        assert!(same.windows(2).all(|w| w[0] < w[1]));
    }
}
