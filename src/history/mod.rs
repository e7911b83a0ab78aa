//! The only module that talks to git (through gix; never a `git` process): the repository, HEAD, pins, blobs at
//! commits, and the history walks.

pub mod branch;
pub mod graph;
pub mod renames;
pub mod revlist;
pub mod trees;
pub mod walk;
pub mod writer;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gix::ObjectId;

use crate::error::{Error, Result};
pub use graph::{CommitGraph, CommitIdx};
pub use renames::RenameIndex;
pub use trees::{Entry, PathId, PathTable};
pub use walk::LastTouch;

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
    /// Committer time, seconds since the epoch.
    pub time: i64,
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
}

impl GitRepo {
    /// Finds the repository containing `start`.
    pub fn discover(start: &Path) -> Result<GitRepo> {
        let mut repo = gix::discover(start).map_err(|_| Error::NotARepo {
            path: start.to_path_buf(),
        })?;
        repo.object_cache_size_if_unset(64 << 20);
        let workdir = repo
            .workdir()
            .ok_or_else(|| Error::BareRepo {
                path: start.to_path_buf(),
            })?
            .to_path_buf();
        let workdir = std::fs::canonicalize(&workdir).unwrap_or(workdir);
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
        })
    }

    /// The repository's git folder (`.git`), where tandem keeps its caches (`tandem/`).
    pub fn git_dir(&self) -> &Path {
        self.repo.path()
    }

    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    pub fn head(&self) -> ObjectId {
        self.head
    }

    pub fn is_shallow(&self) -> bool {
        self.shallow
    }

    /// The commit graph of HEAD, loaded on first use.
    pub fn graph(&self) -> Result<&CommitGraph> {
        if let Some(graph) = self.graph.get() {
            return Ok(graph);
        }
        let graph = CommitGraph::load(&self.repo, self.head)?;
        Ok(self.graph.get_or_init(|| graph))
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

    /// Resolves a revision the user typed (`HEAD~2`, `origin/main`, a hash) to a commit.
    pub fn resolve_revision(&self, rev: &str) -> Result<ObjectId> {
        let unknown = || Error::UnknownRevision {
            rev: rev.to_owned(),
        };
        let id = self.repo.rev_parse_single(rev).map_err(|_| unknown())?;
        let object = id.object().map_err(|_| unknown())?;
        let commit = object.peel_to_commit().map_err(|_| unknown())?;
        Ok(commit.id)
    }

    /// Date and summary of a commit.
    pub fn commit_info(&self, id: ObjectId) -> Result<CommitInfo> {
        let commit = self.repo.find_commit(id).map_err(Error::git)?;
        let time = commit.time().map_err(Error::git)?.seconds;
        let summary = commit
            .message()
            .map(|m| m.summary().to_string())
            .unwrap_or_default();
        let message = String::from_utf8_lossy(commit.message_raw_sloppy()).into_owned();
        let parents = commit.parent_ids().map(|p| p.detach()).collect();
        Ok(CommitInfo {
            id,
            time,
            summary,
            message,
            parents,
        })
    }

    /// Entries (mode and blob id) of `paths` in the tree of `commit`, in the order given.
    pub fn entries_at(&self, commit: ObjectId, paths: &[String]) -> Result<Vec<Option<Entry>>> {
        let table = PathTable::new(paths.iter().cloned());
        let ids: Vec<PathId> = table.all_ids();
        let mut reader = trees::TreeReader::new(&self.repo);
        let root = reader.commit_tree(commit)?;
        let found = reader.entries(&table, root, &ids)?;
        Ok(paths
            .iter()
            .map(|p| table.id(p).and_then(|id| found[id as usize]))
            .collect())
    }

    /// The bytes of a blob; `None` when the object is not in the repository (a partial clone).
    pub fn read_blob(&self, id: ObjectId) -> Result<Option<Vec<u8>>> {
        match self.repo.try_find_object(id) {
            Ok(Some(object)) => Ok(Some(object.detach().data)),
            Ok(None) => Ok(None),
            Err(err) => Err(Error::git(err)),
        }
    }

    /// The blob id git would give these bytes.
    pub fn hash_blob(bytes: &[u8]) -> ObjectId {
        gix::objs::compute_hash(gix::hash::Kind::Sha1, gix::object::Kind::Blob, bytes)
            .expect("sha1 is compiled in")
    }

    /// For each path, the last commit that touched it in HEAD's history (`git log -1 -- <path>`), in one walk.
    pub fn last_touches(&self, paths: &[String]) -> Result<HashMap<String, LastTouchAt>> {
        let graph = self.graph()?;
        let table = PathTable::new(paths.iter().cloned());
        let ids = table.all_ids();
        let head = graph.find(&self.head).expect("HEAD is in its own graph");
        let mut walker = walk::Walker::new(&self.repo, graph, &table);
        let touches = walker.last_touches(head, &ids)?;
        Ok(ids
            .iter()
            .zip(touches)
            .map(|(&id, touch)| {
                let at = match touch {
                    LastTouch::Commit(c) => LastTouchAt::Commit(graph.id(c)),
                    LastTouch::NotInHead => LastTouchAt::NotInHead,
                    LastTouch::BeyondShallowBoundary => LastTouchAt::BeyondShallowBoundary,
                };
                (table.path(id).to_owned(), at)
            })
            .collect())
    }

    /// The last commit before `commit` (on its first-parent side) that touched `path`, as `git log -1 <commit>^ --
    /// <path>` gives it; `None` when there is none.
    pub fn previous_touch(&self, commit: ObjectId, path: &str) -> Result<Option<ObjectId>> {
        let graph = self.graph()?;
        let Some(idx) = graph.find(&commit) else {
            return Ok(None);
        };
        let Some(&parent) = graph.parents(idx).first() else {
            return Ok(None);
        };
        let table = PathTable::new([path.to_owned()]);
        let mut walker = walk::Walker::new(&self.repo, graph, &table);
        Ok(match walker.last_touches(parent, &[0])?.first() {
            Some(LastTouch::Commit(c)) => Some(graph.id(*c)),
            _ => None,
        })
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

    /// `git rev-list <since>..HEAD -- <path>` for many (path, since) pairs: the commits that changed each path since
    /// its sync point, newest first. `None` where a shallow boundary cuts the history needed.
    pub fn source_changes(
        &self,
        queries: &[(String, ObjectId)],
    ) -> Result<Vec<Option<Vec<ObjectId>>>> {
        let graph = self.graph()?;
        let head = graph.find(&self.head).expect("HEAD is in its own graph");
        let table = PathTable::new(queries.iter().map(|(p, _)| p.clone()));
        let mut by_since: HashMap<ObjectId, Vec<PathId>> = HashMap::new();
        for (path, since) in queries {
            let id = table.id(path).expect("path is in the table");
            by_since.entry(*since).or_default().push(id);
        }
        let mut walker = walk::Walker::new(&self.repo, graph, &table);
        let mut revlist = revlist::RevList::new(graph);
        let mut answers: HashMap<(ObjectId, PathId), Option<Vec<ObjectId>>> = HashMap::new();
        let mut groups: Vec<_> = by_since.into_iter().collect();
        groups.sort();
        for (since, mut ids) in groups {
            ids.sort_unstable();
            ids.dedup();
            let since_idx = graph.find(&since);
            for id in ids {
                let commits = match since_idx {
                    Some(since_idx) if !graph.has_boundary() => Some(
                        revlist
                            .commits(graph, head, since_idx, id, &mut walker)?
                            .into_iter()
                            .map(|c| graph.id(c))
                            .collect(),
                    ),
                    _ => None,
                };
                answers.insert((since, id), commits);
            }
        }
        Ok(queries
            .iter()
            .map(|(path, since)| {
                let id = table.id(path).expect("path is in the table");
                answers.get(&(*since, id)).cloned().flatten()
            })
            .collect())
    }
}

/// Where the last commit touching a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastTouchAt {
    Commit(ObjectId),
    NotInHead,
    BeyondShallowBoundary,
}
