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

/// A graph's arrays, as [`CommitGraph::parts`] lends them.
pub struct GraphParts<'a> {
    pub ids: &'a [ObjectId],
    /// Parents of commit `i` are `parents[parent_start[i]..parent_start[i + 1]]`.
    pub parent_start: &'a [u32],
    pub parents: &'a [CommitIdx],
    pub time: &'a [i64],
    pub boundary: &'a [bool],
}

/// What loading the graph read in a commit object beyond its parents: facts asked later of many commits, which would
/// otherwise be read again one by one. Unknown for a commit found in git's commit-graph file (its object is not read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadFacts {
    /// Author time, seconds since the epoch (`None`: not read, or a date that does not parse).
    pub author_time: Option<i64>,
    /// Whether the message matches one of the patterns given to the load (`None`: not read).
    pub matches: Option<bool>,
}

impl ReadFacts {
    pub const UNKNOWN: ReadFacts = ReadFacts {
        author_time: None,
        matches: None,
    };

    /// Read as [`GitRepo::commit_info`](super::GitRepo::commit_info) reads them: the author's time (the committer's
    /// when there is no author), and the message matched as lossy UTF-8.
    fn of(read: &ReadCommit<'_>, patterns: &Patterns<'_>) -> ReadFacts {
        let committer = read.committer.and_then(|c| c.time().ok());
        let author_time = committer.map(|committer| {
            read.author
                .and_then(|author| author.time().ok())
                .map_or(committer.seconds, |t| t.seconds)
        });
        let matches = read.message.map(|message| {
            let message = String::from_utf8_lossy(message);
            patterns.any_match(&message)
        });
        ReadFacts {
            author_time,
            matches,
        }
    }
}

/// The patterns a commit message is matched against, as one set where they compile as one (each message is then
/// searched once, not once a pattern). They are built by `Regex::new`: each one's text says all it matches.
struct Patterns<'a> {
    each: &'a [regex::Regex],
    set: Option<regex::RegexSet>,
}

impl<'a> Patterns<'a> {
    fn new(each: &'a [regex::Regex]) -> Patterns<'a> {
        let set = (each.len() > 1)
            .then(|| regex::RegexSet::new(each.iter().map(regex::Regex::as_str)).ok())
            .flatten();
        Patterns { each, set }
    }

    /// Whether one of the patterns matches `text`.
    fn any_match(&self, text: &str) -> bool {
        match &self.set {
            Some(set) => set.is_match(text),
            None => self.each.iter().any(|re| re.is_match(text)),
        }
    }
}

/// The parts of a commit object the graph's load reads, from one pass over its headers (reading each part with its
/// own call went over them again from the start: five passes a commit).
#[derive(Default)]
struct ReadCommit<'a> {
    tree: Option<ObjectId>,
    parents: Vec<ObjectId>,
    author: Option<gix::actor::SignatureRef<'a>>,
    committer: Option<gix::actor::SignatureRef<'a>>,
    message: Option<&'a [u8]>,
}

impl<'a> ReadCommit<'a> {
    /// Reads the commit up to its message, or up to the first part that does not decode.
    fn of(iter: gix::objs::CommitRefIter<'a>) -> ReadCommit<'a> {
        use gix::objs::commit::ref_iter::Token;
        let mut read = ReadCommit::default();
        for token in iter {
            match token {
                Ok(Token::Tree { id }) => read.tree = Some(id),
                Ok(Token::Parent { id }) => read.parents.push(id),
                Ok(Token::Author { signature }) => read.author = Some(signature),
                Ok(Token::Committer { signature }) => read.committer = Some(signature),
                Ok(Token::Message(message)) => read.message = Some(message),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        read
    }
}

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
        Self::load_with_progress(repo, head, &super::progress::Silent)
    }

    /// [`load`](Self::load), reporting the number of commits read.
    pub fn load_with_progress(
        repo: &gix::Repository,
        head: ObjectId,
        progress: &dyn super::progress::Progress,
    ) -> Result<CommitGraph> {
        Ok(Self::load_with_trees(repo, head, progress, &[], |_, _, _| {})?.0)
    }

    /// Walks every commit reachable from `head`, each read once (from the commit-graph file when there is one), and
    /// returns the graph with the root tree of each commit; `on_read` is told each commit as it is read, in the graph's
    /// order (its id, root tree and parents).
    pub fn load_with_trees(
        repo: &gix::Repository,
        head: ObjectId,
        progress: &dyn super::progress::Progress,
        patterns: &[regex::Regex],
        mut on_read: impl FnMut(ObjectId, ObjectId, &[ObjectId]),
    ) -> Result<(CommitGraph, Vec<ObjectId>, Vec<ReadFacts>)> {
        use gix::prelude::FindExt;
        progress.start(super::progress::Phase::LoadingCommits, None);
        let cache = repo.commit_graph_if_enabled().ok().flatten();
        // Beyond these, parents are missing on purpose (a shallow clone).
        let shallow: std::collections::HashSet<ObjectId> = repo
            .shallow_commits()
            .ok()
            .flatten()
            .map(|list| list.iter().copied().collect())
            .unwrap_or_default();
        let mut ids = Vec::new();
        let mut raw_parents: Vec<Vec<ObjectId>> = Vec::new();
        let mut times = Vec::new();
        let mut trees = Vec::new();
        let mut facts = Vec::new();
        let mut seen: std::collections::HashSet<ObjectId> = std::collections::HashSet::new();
        let mut queue = std::collections::VecDeque::from([head]);
        seen.insert(head);
        let mut buf = Vec::new();
        let patterns = Patterns::new(patterns);
        while let Some(id) = queue.pop_front() {
            let (parents, time, tree, read) = match cache.as_ref().and_then(|g| g.commit_by_id(id))
            {
                Some(commit) => {
                    let graph = cache.as_ref().expect("found in it");
                    let mut parents = Vec::new();
                    for position in commit.iter_parents() {
                        parents.push(graph.id_at(position.map_err(Error::git)?).to_owned());
                    }
                    (
                        parents,
                        commit.committer_timestamp() as i64,
                        commit.root_tree_id().to_owned(),
                        ReadFacts::UNKNOWN,
                    )
                }
                None => {
                    let iter = repo
                        .objects
                        .find_commit_iter(&id, &mut buf)
                        .map_err(Error::git)?;
                    let read = ReadCommit::of(iter);
                    let tree = read
                        .tree
                        .ok_or_else(|| Error::git("a commit object has no tree"))?;
                    let time = read.committer.map(|c| c.seconds()).unwrap_or(0);
                    let facts = ReadFacts::of(&read, &patterns);
                    (read.parents, time, tree, facts)
                }
            };
            if !shallow.contains(&id) {
                for &parent in &parents {
                    if seen.insert(parent) {
                        queue.push_back(parent);
                    }
                }
            }
            on_read(id, tree, &parents);
            ids.push(id);
            raw_parents.push(parents);
            times.push(time);
            trees.push(tree);
            facts.push(read);
            if ids.len().is_multiple_of(1024) {
                progress.advance(ids.len() as u64);
            }
        }
        progress.finish();
        Ok((Self::from_parts(ids, raw_parents, times), trees, facts))
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

    /// The graph with `more` commits appended (commits not in this graph, as `(id, parents, committer time)`): the
    /// commits already here keep their indices and edge numbers, so what was computed about them stays valid.
    pub fn extended(&self, more: Vec<(ObjectId, Vec<ObjectId>, i64)>) -> CommitGraph {
        let mut ids = self.ids.clone();
        let mut raw_parents: Vec<Vec<ObjectId>> = (0..self.len() as CommitIdx)
            .map(|c| self.parents(c).iter().map(|&p| self.id(p)).collect())
            .collect();
        let mut time = self.time.clone();
        let old_boundary = self.boundary.clone();
        for (id, parents, t) in more {
            ids.push(id);
            raw_parents.push(parents);
            time.push(t);
        }
        let mut graph = Self::from_parts(ids, raw_parents, time);
        for (i, was) in old_boundary.into_iter().enumerate() {
            graph.boundary[i] |= was;
        }
        graph
    }

    /// The parts the cache stores: ids, parent indices, committer times and boundary flags.
    pub fn parts(&self) -> GraphParts<'_> {
        GraphParts {
            ids: &self.ids,
            parent_start: &self.parent_start,
            parents: &self.parents,
            time: &self.time,
            boundary: &self.boundary,
        }
    }

    /// Rebuilds a graph from what [`parts`](Self::parts) gave; `None` when the parts do not fit together.
    pub fn from_stored(
        ids: Vec<ObjectId>,
        parent_start: Vec<u32>,
        parents: Vec<CommitIdx>,
        time: Vec<i64>,
        boundary: Vec<bool>,
    ) -> Option<CommitGraph> {
        let n = ids.len();
        let consistent = parent_start.len() == n + 1
            && time.len() == n
            && boundary.len() == n
            && parent_start.first() == Some(&0)
            && parent_start.last().map(|&l| l as usize) == Some(parents.len())
            && parent_start.windows(2).all(|w| w[0] <= w[1])
            && parents.iter().all(|&p| (p as usize) < n);
        if !consistent {
            return None;
        }
        let index: HashMap<ObjectId, CommitIdx> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i as CommitIdx))
            .collect();
        if index.len() != n {
            return None;
        }
        let mut graph = CommitGraph {
            ids,
            index,
            parent_start,
            parents,
            generation: Vec::new(),
            time,
            boundary,
        };
        // A cycle cannot come from git, but a damaged or foreign file could hold one.
        graph.generation = graph.generations_if_acyclic()?;
        Some(graph)
    }

    /// Generation numbers by Kahn's algorithm (parents first); `None` when the parent links make a cycle.
    fn generations_if_acyclic(&self) -> Option<Vec<u32>> {
        let n = self.ids.len();
        let mut children_start = vec![0u32; n + 1];
        for &p in &self.parents {
            children_start[p as usize + 1] += 1;
        }
        for i in 0..n {
            children_start[i + 1] += children_start[i];
        }
        let mut fill = children_start.clone();
        let mut children = vec![0 as CommitIdx; self.parents.len()];
        let mut waiting = vec![0u32; n];
        for c in 0..n as CommitIdx {
            for &p in self.parents(c) {
                children[fill[p as usize] as usize] = c;
                fill[p as usize] += 1;
            }
            waiting[c as usize] = self.parents(c).len() as u32;
        }
        let mut generation = vec![0u32; n];
        let mut ready: Vec<CommitIdx> = (0..n as CommitIdx)
            .filter(|&c| waiting[c as usize] == 0)
            .collect();
        let mut done = 0;
        while let Some(c) = ready.pop() {
            done += 1;
            let highest = self
                .parents(c)
                .iter()
                .map(|&p| generation[p as usize])
                .max()
                .unwrap_or(0);
            generation[c as usize] = highest + 1;
            let range =
                children_start[c as usize] as usize..children_start[c as usize + 1] as usize;
            for &child in &children[range] {
                waiting[child as usize] -= 1;
                if waiting[child as usize] == 0 {
                    ready.push(child);
                }
            }
        }
        (done == n).then_some(generation)
    }

    /// Whether every commit of the graph is reachable from `start` (a graph kept from an older HEAD is still HEAD's
    /// history only if the old HEAD is an ancestor of the new one).
    pub fn reaches_all(&self, start: CommitIdx) -> bool {
        let mut seen = vec![false; self.len()];
        let mut stack = vec![start];
        let mut count = 0;
        while let Some(commit) = stack.pop() {
            if std::mem::replace(&mut seen[commit as usize], true) {
                continue;
            }
            count += 1;
            stack.extend_from_slice(self.parents(commit));
        }
        count == self.len()
    }

    /// The number of (commit, parent) edges; edges are numbered `0..edge_count()`.
    pub fn edge_count(&self) -> usize {
        self.parents.len()
    }

    /// The number of the edge from `commit` to its parent number `slot`.
    pub fn edge(&self, commit: CommitIdx, slot: usize) -> usize {
        self.parent_start[commit as usize] as usize + slot
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

    /// The first-parent line from `head`, `head` first, down to a commit without parents (a root, or the shallow
    /// boundary).
    pub fn first_parent_line(&self, head: CommitIdx) -> Vec<CommitIdx> {
        let mut on_line = vec![false; self.len()];
        let mut line = Vec::new();
        let mut commit = Some(head);
        while let Some(c) = commit {
            if std::mem::replace(&mut on_line[c as usize], true) {
                break;
            }
            line.push(c);
            commit = self.parents(c).first().copied();
        }
        line
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
