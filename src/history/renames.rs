//! Renames of source pages through history, found the way `git log --follow` finds them: at each commit, the files
//! deleted and the files added (against the first parent) are matched, identical contents first, then by similarity
//! of content (git's measure: the bytes of the deleted file's lines that survive in the added one, over the larger
//! size; 50 % at least, git's default threshold).
//!
//! One walk over HEAD's history gives every rename of the wanted files; the pairing stage follows a vanished source
//! forward to its name now, and the drift stage follows a source backward to its name at a sync point.
//!
//! The renames found are kept in `.git/tandem/renames.cache`, keyed by the content roots, the rule choosing the
//! files and the shallow boundary: an unchanged HEAD answers from it, a HEAD that moved forward compares only the
//! commits the old HEAD did not reach, anything else (history rewritten, other settings, a damaged file, another
//! format) walks again. Each stored rename must name a commit of HEAD's graph with its generation, or the file is
//! not used.

use std::collections::HashMap;
use std::path::Path;

use gix::ObjectId;
use serde::{Deserialize, Serialize};

use super::GitRepo;
use crate::error::Result;

/// git's default rename threshold (`-M50%`).
pub const MIN_SIMILARITY: u32 = 50;

/// Beyond this many (deleted × added) candidates in one commit, only identical contents are matched (git has a
/// similar limit, `diff.renameLimit`): a commit that moves a whole site is matched by content ids alone.
const SIMILARITY_PAIRS_LIMIT: usize = 40_000;

/// The cache file's format: a file of another format is ignored.
const CACHE_FORMAT: u32 = 1;
const CACHE_FILE: &str = "renames.cache";

/// What `renames.cache` holds.
#[derive(Serialize, Deserialize)]
struct StoredRenames {
    format: u32,
    key: u64,
    /// The HEAD the renames were gathered for (hex).
    head: String,
    /// (commit, generation, from, to, similarity).
    events: Vec<(String, u32, String, String, u32)>,
    /// A fingerprint of the rest (a damaged file is not used).
    check: u64,
}

impl StoredRenames {
    fn checksum(&self) -> u64 {
        let body = serde_json::to_vec(&(self.format, self.key, &self.head, &self.events))
            .expect("plain data serialises");
        crate::util::hash::fingerprint(&[&body])
    }
}

/// A rename in one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameEvent {
    pub commit: ObjectId,
    /// The commit's generation number: renames along a line of history have increasing generations.
    pub generation: u32,
    pub from: String,
    pub to: String,
    /// 100 for identical contents.
    pub similarity: u32,
}

/// Every rename of the wanted files in HEAD's history.
#[derive(Debug, Default, Clone)]
pub struct RenameIndex {
    /// Sorted by generation, oldest first.
    pub events: Vec<RenameEvent>,
}

impl RenameIndex {
    /// The names `path` took after it was last renamed away, oldest first, ending with a name for which `exists`
    /// holds (a file at HEAD). Tries the latest rename of `path` first: a path reused and renamed again is followed
    /// from its last life. Empty when no chain of renames leads to an existing file.
    pub fn followed_to(&self, path: &str, exists: impl Fn(&str) -> bool) -> Vec<String> {
        let mut starts: Vec<&RenameEvent> = self.events.iter().filter(|e| e.from == path).collect();
        starts.sort_by_key(|e| std::cmp::Reverse(e.generation));
        for start in starts {
            let mut chain = vec![start.to.clone()];
            let mut bound = start.generation;
            while chain.len() < 64 {
                let name = chain.last().expect("not empty");
                let next = self
                    .events
                    .iter()
                    .filter(|e| &e.from == name && e.generation > bound)
                    .min_by(|a, b| {
                        a.generation
                            .cmp(&b.generation)
                            .then(b.similarity.cmp(&a.similarity))
                    });
                match next {
                    Some(event) => {
                        bound = event.generation;
                        chain.push(event.to.clone());
                    }
                    None => break,
                }
            }
            if exists(chain.last().expect("not empty")) {
                return chain;
            }
        }
        Vec::new()
    }

    /// The names `path` had before, newest first (`git log --follow` read backward from HEAD).
    pub fn former_names(&self, path: &str) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut name = path.to_owned();
        let mut bound = u32::MAX;
        while names.len() < 64 {
            let previous = self
                .events
                .iter()
                .filter(|e| e.to == name && e.generation < bound)
                .max_by(|a, b| {
                    a.generation
                        .cmp(&b.generation)
                        .then(a.similarity.cmp(&b.similarity))
                });
            match previous {
                Some(event) => {
                    bound = event.generation;
                    name = event.from.clone();
                    names.push(name.clone());
                }
                None => break,
            }
        }
        names
    }
}

/// The cached renames and the HEAD they were gathered for, if the file is for `key` and every rename names a commit
/// of `graph` with its generation.
fn load_renames(
    path: &Path,
    key: u64,
    graph: &super::graph::CommitGraph,
) -> Option<(ObjectId, Vec<RenameEvent>)> {
    let bytes = std::fs::read(path).ok()?;
    let stored: StoredRenames = serde_json::from_slice(&bytes).ok()?;
    if stored.format != CACHE_FORMAT || stored.key != key || stored.check != stored.checksum() {
        return None;
    }
    let head = ObjectId::from_hex(stored.head.as_bytes()).ok()?;
    let mut events = Vec::with_capacity(stored.events.len());
    for (commit, generation, from, to, similarity) in stored.events {
        let commit = ObjectId::from_hex(commit.as_bytes()).ok()?;
        let index = graph.find(&commit)?;
        if graph.generation(index) != generation || similarity > 100 || from == to {
            return None;
        }
        events.push(RenameEvent {
            commit,
            generation,
            from,
            to,
            similarity,
        });
    }
    Some((head, events))
}

/// Writes the renames through a temporary file and a rename; a cache that cannot be written is not kept.
fn save_renames(path: &Path, key: u64, head: ObjectId, events: &[RenameEvent]) {
    let mut stored = StoredRenames {
        check: 0,
        format: CACHE_FORMAT,
        key,
        head: head.to_string(),
        events: events
            .iter()
            .map(|e| {
                (
                    e.commit.to_string(),
                    e.generation,
                    e.from.clone(),
                    e.to.clone(),
                    e.similarity,
                )
            })
            .collect(),
    };
    stored.check = stored.checksum();
    let Ok(bytes) = serde_json::to_vec(&stored) else {
        return;
    };
    if let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        let _ = crate::util::atomic::write_rebuildable_with(path, |file| {
            std::io::Write::write_all(file, &bytes)
        });
    }
}

/// A blob added or deleted by a commit.
struct FileChange {
    path: String,
    id: ObjectId,
}

impl GitRepo {
    /// Every rename, in HEAD's history, of the files below `roots` (repo-relative folders) that `wanted` accepts.
    /// Each commit is compared with its first parent, so a rename made on a merged branch is seen on that branch and
    /// again at the merge.
    ///
    /// `rule` fingerprints what `wanted` decides (the settings behind it): the cache is keyed by it.
    pub fn renames(
        &self,
        roots: &[String],
        rule: u64,
        wanted: &dyn Fn(&str) -> bool,
    ) -> Result<RenameIndex> {
        let graph = self.graph()?;
        let roots: Vec<String> = roots
            .iter()
            .map(|r| r.trim_matches('/').to_owned())
            .collect();
        let key = crate::util::hash::fingerprint(&[
            roots.join("\n").as_bytes(),
            &rule.to_le_bytes(),
            &self.shallow_fingerprint().to_le_bytes(),
        ]);
        let cache_path = self.git_dir().join(super::CACHE_DIR).join(CACHE_FILE);
        // Commits already compared (those the cached HEAD reaches), with their renames.
        let (mut events, mut done) = (Vec::new(), vec![false; graph.len()]);
        if let Some((head, cached)) = load_renames(&cache_path, key, graph) {
            if head == self.head() {
                return Ok(RenameIndex { events: cached });
            }
            if let Some(old) = graph.find(&head) {
                let mut stack = vec![old];
                while let Some(commit) = stack.pop() {
                    if !std::mem::replace(&mut done[commit as usize], true) {
                        stack.extend(graph.parents(commit).iter().copied());
                    }
                }
                events = cached;
            }
        }
        // Only commits that change two wanted files or more can rename one; the history index says which, and
        // which of those files the parent or the commit lacks says what was deleted and added.
        let candidates = self.rename_candidates(&roots, &done, wanted)?;
        // Merges bring the same files back commit after commit: their profiles are kept for the whole walk.
        let mut profiles = Profiles::default();
        for (commit, paths) in candidates {
            let super::index::AddedDeleted { added, deleted } =
                self.added_and_deleted(&roots, commit, &paths)?;
            if deleted.is_empty() || added.is_empty() {
                continue;
            }
            let files = |list: Vec<(String, ObjectId)>| -> Vec<FileChange> {
                list.into_iter()
                    .map(|(path, id)| FileChange { path, id })
                    .collect()
            };
            let (added, deleted) = (files(added), files(deleted));
            for (from, to, similarity) in self.match_renames(deleted, added, &mut profiles)? {
                events.push(RenameEvent {
                    commit: graph.id(commit),
                    generation: graph.generation(commit),
                    from,
                    to,
                    similarity,
                });
            }
        }
        events.sort_by(|a, b| (a.generation, &a.from, &a.to).cmp(&(b.generation, &b.from, &b.to)));
        events.dedup_by(|a, b| a.from == b.from && a.to == b.to && a.generation == b.generation);
        save_renames(&cache_path, key, self.head(), &events);
        Ok(RenameIndex { events })
    }

    /// Pairs deleted and added files: identical contents first (same name preferred), then the most similar pairs
    /// at or above [`MIN_SIMILARITY`], each file used once.
    fn match_renames(
        &self,
        mut deleted: Vec<FileChange>,
        mut added: Vec<FileChange>,
        profiles: &mut Profiles,
    ) -> Result<Vec<(String, String, u32)>> {
        let mut found = Vec::new();
        let file_name = |p: &str| p.rsplit('/').next().unwrap_or(p).to_owned();
        // Identical contents.
        let mut i = 0;
        while i < deleted.len() {
            let candidates: Vec<usize> = added
                .iter()
                .enumerate()
                .filter(|(_, a)| a.id == deleted[i].id)
                .map(|(j, _)| j)
                .collect();
            if candidates.is_empty() {
                i += 1;
                continue;
            }
            let name = file_name(&deleted[i].path);
            let j = candidates
                .iter()
                .copied()
                .find(|&j| file_name(&added[j].path) == name)
                .unwrap_or(candidates[0]);
            let to = added.remove(j);
            let from = deleted.remove(i);
            found.push((from.path, to.path, 100));
        }
        if deleted.is_empty()
            || added.is_empty()
            || deleted.len() * added.len() > SIMILARITY_PAIRS_LIMIT
        {
            return Ok(found);
        }
        // Similar contents. Each blob is read and profiled once; the pairs below find the profiles by place.
        profiles.make_room(deleted.len() + added.len());
        let old_places = deleted
            .iter()
            .map(|change| profiles.place(self, change.id))
            .collect::<Result<Vec<usize>>>()?;
        let new_places = added
            .iter()
            .map(|change| profiles.place(self, change.id))
            .collect::<Result<Vec<usize>>>()?;
        let mut scored: Vec<(u32, usize, usize)> = Vec::new();
        for (d, &old) in old_places.iter().enumerate() {
            for (a, &new) in new_places.iter().enumerate() {
                if let Some(score) = profiles.similarity(old, new)
                    && score >= MIN_SIMILARITY
                {
                    scored.push((score, d, a));
                }
            }
        }
        scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut used_deleted = vec![false; deleted.len()];
        let mut used_added = vec![false; added.len()];
        for (score, d, a) in scored {
            if used_deleted[d] || used_added[a] {
                continue;
            }
            used_deleted[d] = true;
            used_added[a] = true;
            found.push((deleted[d].path.clone(), added[a].path.clone(), score));
        }
        Ok(found)
    }
}

/// Files moved at most: beyond, files moved in the work tree are matched by their bytes alone.
const MOVED_BY_SIMILARITY_MAX: usize = 64;

impl GitRepo {
    /// Files moved in the work tree and not committed yet (`git mv` before the commit, a file moved in an editor): each
    /// of `gone` (paths HEAD has, gone from the disk) with one of `unborn` (paths on disk HEAD lacks, and the blob ids
    /// of their bytes), one to one. The same bytes first, when only one of each holds them (two
    /// copies are two pages); then, for up to [`MOVED_BY_SIMILARITY_MAX`] of each, the most similar as git finds
    /// renames (the bytes of lines that survive over the larger size, at least 50 %), a tie matching nothing. By new
    /// path, the path at HEAD.
    pub fn moved_in_work_tree(
        &self,
        gone: &[String],
        unborn: &[(String, ObjectId)],
    ) -> Result<HashMap<String, String>> {
        let mut moved = HashMap::new();
        if gone.is_empty() || unborn.is_empty() {
            return Ok(moved);
        }
        let unborn: Vec<&(String, ObjectId)> = unborn.iter().collect();
        let gone: Vec<(&String, ObjectId)> = (gone.iter().zip(self.entries_at(self.head(), gone)?))
            .filter_map(|(path, entry)| Some((path, entry?.1)))
            .collect();
        let holding = |id: ObjectId| gone.iter().filter(|(_, g)| *g == id).count();
        for (path, id) in &unborn {
            let copies = unborn.iter().filter(|(_, u)| u == id).count();
            if let (1, 1) = (holding(*id), copies)
                && let Some((old, _)) = gone.iter().find(|(_, g)| g == id)
            {
                moved.insert(path.clone(), (*old).clone());
            }
        }
        let taken: std::collections::HashSet<&String> = moved.values().collect();
        let gone: Vec<(&String, ObjectId)> = (gone.iter().copied())
            .filter(|(old, _)| !taken.contains(old))
            .collect();
        let unborn: Vec<&(String, ObjectId)> = (unborn.into_iter())
            .filter(|(path, _)| !moved.contains_key(path))
            .collect();
        if gone.is_empty()
            || unborn.is_empty()
            || gone.len() > MOVED_BY_SIMILARITY_MAX
            || unborn.len() > MOVED_BY_SIMILARITY_MAX
        {
            return Ok(moved);
        }
        let mut old_profiles = Vec::with_capacity(gone.len());
        for (_, id) in &gone {
            old_profiles.push(self.read_blob(*id)?.map(|bytes| LineProfile::of(&bytes)));
        }
        // Every pair at the threshold, most similar first; each file taken once, a tie for the best matching nothing.
        let mut scored: Vec<(u32, usize, usize)> = Vec::new();
        for (u, (path, _)) in unborn.iter().enumerate() {
            let Ok(bytes) = std::fs::read(self.workdir().join(path)) else {
                continue;
            };
            let new = LineProfile::of(&bytes);
            for (g, old) in old_profiles.iter().enumerate() {
                if let Some(old) = old
                    && old.may_reach(&new, MIN_SIMILARITY)
                {
                    let score = old.similarity(&new);
                    if score >= MIN_SIMILARITY {
                        scored.push((score, u, g));
                    }
                }
            }
        }
        scored.sort_by_key(|&(score, _, _)| std::cmp::Reverse(score));
        let (mut unborn_done, mut gone_done) = (vec![false; unborn.len()], vec![false; gone.len()]);
        for (at, &(score, u, g)) in scored.iter().enumerate() {
            if unborn_done[u] || gone_done[g] {
                continue;
            }
            let tie = scored.iter().enumerate().any(|(other, &(s, ou, og))| {
                other != at
                    && s == score
                    && (ou == u) != (og == g)
                    && !unborn_done[ou]
                    && !gone_done[og]
            });
            (unborn_done[u], gone_done[g]) = (true, true);
            if !tie {
                moved.insert(unborn[u].0.clone(), gone[g].0.clone());
            }
        }
        Ok(moved)
    }
}

/// Blobs' line profiles by blob id, kept from commit to commit of one walk (`None`: the blob is not in this clone).
#[derive(Default)]
struct Profiles {
    profiles: Vec<Option<LineProfile>>,
    by_id: HashMap<ObjectId, usize>,
    /// Similarities worked out, by the two profiles' places (merges compare the same pairs again).
    scores: crate::util::hash::IdMap<(u32, u32), u32>,
}

/// Profiles kept at most: beyond, they are dropped before a commit's are read (a site whose history renames tens of
/// thousands of pages would otherwise keep every version's).
const PROFILES_KEPT: usize = 8192;

/// Similarities kept at most (16 bytes each): one commit compares at most [`SIMILARITY_PAIRS_LIMIT`] pairs.
const SCORES_KEPT: usize = 1 << 18;

impl Profiles {
    /// Drops the profiles kept if `n` more would go beyond [`PROFILES_KEPT`], the similarities beyond
    /// [`SCORES_KEPT`].
    fn make_room(&mut self, n: usize) {
        if self.profiles.len() + n > PROFILES_KEPT {
            self.profiles.clear();
            self.by_id.clear();
            self.scores.clear();
        }
        if self.scores.len() > SCORES_KEPT {
            self.scores.clear();
        }
    }

    /// The place of blob `id`'s profile, read and profiled the first time.
    fn place(&mut self, repo: &GitRepo, id: ObjectId) -> Result<usize> {
        if let Some(&at) = self.by_id.get(&id) {
            return Ok(at);
        }
        self.profiles
            .push(repo.read_blob(id)?.map(|bytes| LineProfile::of(&bytes)));
        self.by_id.insert(id, self.profiles.len() - 1);
        Ok(self.profiles.len() - 1)
    }

    /// The similarity of the deleted file at place `old` to the added file at place `new` (`None`: one is not in
    /// this clone); 0 for files of sizes too far apart to reach [`MIN_SIMILARITY`].
    fn similarity(&mut self, old: usize, new: usize) -> Option<u32> {
        let (Some(p), Some(q)) = (&self.profiles[old], &self.profiles[new]) else {
            return None;
        };
        if !p.may_reach(q, MIN_SIMILARITY) {
            return Some(0);
        }
        Some(
            *self
                .scores
                .entry((old as u32, new as u32))
                .or_insert_with(|| p.similarity(q)),
        )
    }
}

/// A file's lines and how many bytes each line (with its newline) weighs in total.
struct LineProfile {
    size: usize,
    /// (hash of a line, the bytes of all its copies), sorted by hash: two profiles are compared in one merge.
    lines: Vec<(u64, usize)>,
}

impl LineProfile {
    fn of(bytes: &[u8]) -> LineProfile {
        let mut lines: Vec<(u64, usize)> = bytes
            .split_inclusive(|&b| b == b'\n')
            .map(|line| (crate::util::hash::checksum(line), line.len()))
            .collect();
        lines.sort_unstable();
        // Copies of a line count together.
        lines.dedup_by(|line, kept| {
            let same = line.0 == kept.0;
            if same {
                kept.1 += line.1;
            }
            same
        });
        LineProfile {
            size: bytes.len(),
            lines,
        }
    }

    /// Whether [`similarity`](Self::similarity) can reach `min` at all: the bytes that survive are at most the
    /// smaller file's, so two files of very different sizes cannot.
    fn may_reach(&self, other: &LineProfile, min: u32) -> bool {
        let (smaller, larger) = (self.size.min(other.size), self.size.max(other.size));
        larger == 0 || smaller * 100 >= larger * min as usize
    }

    /// Percentage of the bytes that survive from one file to the other, over the larger size (git's estimate).
    fn similarity(&self, other: &LineProfile) -> u32 {
        let larger = self.size.max(other.size);
        if larger == 0 {
            return 100;
        }
        let (mut kept, mut theirs) = (0, other.lines.iter().peekable());
        for &(hash, bytes) in &self.lines {
            while theirs.next_if(|(h, _)| *h < hash).is_some() {}
            if let Some(&&(h, their_bytes)) = theirs.peek()
                && h == hash
            {
                kept += bytes.min(their_bytes);
            }
        }
        (kept * 100 / larger) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_too_far_apart_never_reach_the_threshold() {
        // Files of many sizes and shared lines: whenever the size bound says a pair cannot reach a threshold, its
        // similarity is below it, and at least one pair is skipped and one kept for each threshold.
        let line = |k: usize| format!("line number {k} of the page\n");
        let files: Vec<String> = (0..24)
            .map(|n| (0..n * 3).map(|k| line(k % (n + 2))).collect::<String>() + &"x".repeat(n * 7))
            .collect();
        let profiles: Vec<LineProfile> = files
            .iter()
            .map(|f| LineProfile::of(f.as_bytes()))
            .collect();
        for min in [1, 30, MIN_SIMILARITY, 80, 100] {
            let (mut skipped, mut kept) = (0, 0);
            for p in &profiles {
                for q in &profiles {
                    if p.may_reach(q, min) {
                        kept += 1;
                    } else {
                        skipped += 1;
                        assert!(
                            p.similarity(q) < min,
                            "{} and {} bytes at {min} %",
                            p.size,
                            q.size
                        );
                    }
                }
            }
            assert!(
                kept > 0 && (min == 1 || skipped > 0),
                "{min}: {kept} kept, {skipped} skipped"
            );
        }
    }

    fn event(generation: u32, from: &str, to: &str) -> RenameEvent {
        RenameEvent {
            commit: ObjectId::null(gix::hash::Kind::Sha1),
            generation,
            from: from.into(),
            to: to.into(),
            similarity: 100,
        }
    }

    #[test]
    fn chains_forward_and_backward() {
        let index = RenameIndex {
            events: vec![
                event(3, "a.md", "b.md"),
                event(7, "b.md", "c.md"),
                event(9, "x.md", "y.md"),
            ],
        };
        assert_eq!(
            index.followed_to("a.md", |p| p == "c.md"),
            vec!["b.md", "c.md"]
        );
        assert_eq!(index.followed_to("b.md", |p| p == "c.md"), vec!["c.md"]);
        assert!(index.followed_to("a.md", |p| p == "z.md").is_empty());
        assert_eq!(index.former_names("c.md"), vec!["b.md", "a.md"]);
        assert!(index.former_names("a.md").is_empty());
    }

    #[test]
    fn a_path_reused_is_followed_from_its_last_life() {
        // a → b (then b deleted); a created again and renamed to c.
        let index = RenameIndex {
            events: vec![event(2, "a.md", "b.md"), event(8, "a.md", "c.md")],
        };
        assert_eq!(index.followed_to("a.md", |p| p == "c.md"), vec!["c.md"]);
        assert_eq!(index.followed_to("a.md", |p| p == "b.md"), vec!["b.md"]);
    }

    #[test]
    fn similarity_is_surviving_bytes_over_the_larger_file() {
        let a = LineProfile::of(b"one\ntwo\nthree\nfour\n");
        let b = LineProfile::of(b"one\ntwo\nthree\nfive\n");
        assert_eq!(a.similarity(&b), 73);
        let c = LineProfile::of(b"totally\ndifferent\n");
        assert!(a.similarity(&c) < MIN_SIMILARITY);
        assert_eq!(a.similarity(&a), 100);
    }
}
