//! Paths looked up in trees, many at once.
//!
//! Paths are numbered in component order, so the paths under one folder are a contiguous run of ids: comparing two
//! commits for a set of paths descends only into folders whose tree ids differ, and a whole unchanged folder is
//! settled by comparing one id.

use gix::ObjectId;
use gix::bstr::BStr;
use gix::objs::tree::EntryMode;
use gix::prelude::FindExt;

use crate::error::{Error, Result};

/// Index of a path in a [`PathTable`].
pub type PathId = u32;

/// What a tree holds at a path: mode and object id.
pub type Entry = (EntryMode, ObjectId);

/// A fixed set of repo-relative paths, numbered in component order. Component boundaries live in one flat array
/// (tens of thousands of paths would otherwise cost an allocation per component).
#[derive(Debug, Default)]
pub struct PathTable {
    paths: Vec<String>,
    /// The components of path `i` are `bounds[first[i]..first[i + 1]]`, byte ranges in `paths[i]`.
    first: Vec<u32>,
    bounds: Vec<(u32, u32)>,
}

/// Two paths in the order of their components (`a.split('/').cmp(b.split('/'))`): the bytes' order with `/` read
/// as the least byte (no component holds a NUL), decided at the first byte that differs.
fn component_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let key = |b: u8| if b == b'/' { 0 } else { b };
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(at) => key(a[at]).cmp(&key(b[at])),
        None => a.len().cmp(&b.len()),
    }
}

/// Byte ranges of the `/`-separated components of `path`.
fn component_bounds(path: &str) -> impl Iterator<Item = (u32, u32)> + '_ {
    let mut start = 0u32;
    path.split('/').map(move |c| {
        let range = (start, start + c.len() as u32);
        start = range.1 + 1;
        range
    })
}

impl PathTable {
    /// Builds the table; duplicates are merged. Ids follow the sorted order.
    pub fn new(paths: impl IntoIterator<Item = String>) -> PathTable {
        let mut list: Vec<String> = paths.into_iter().collect();
        // Component order: `a/b` sorts before `a.md` ('/' is not compared, components are). That is the bytes' order
        // with '/' read as the least byte (no component holds a NUL).
        list.sort_by(|x, y| component_order(x, y));
        list.dedup();
        let mut first = Vec::with_capacity(list.len() + 1);
        let mut bounds = Vec::new();
        for path in &list {
            first.push(bounds.len() as u32);
            bounds.extend(component_bounds(path));
        }
        first.push(bounds.len() as u32);
        PathTable {
            paths: list,
            first,
            bounds,
        }
    }

    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    pub fn path(&self, id: PathId) -> &str {
        &self.paths[id as usize]
    }

    /// How many components path `id` has.
    fn depth(&self, id: PathId) -> usize {
        (self.first[id as usize + 1] - self.first[id as usize]) as usize
    }

    /// Component number `depth` of path `id`.
    fn component(&self, id: PathId, depth: usize) -> &[u8] {
        let (start, end) = self.bounds[self.first[id as usize] as usize + depth];
        &self.paths[id as usize].as_bytes()[start as usize..end as usize]
    }

    /// The id of a path in the table.
    pub fn id(&self, path: &str) -> Option<PathId> {
        self.paths
            .binary_search_by(|probe| component_order(probe, path))
            .ok()
            .map(|i| i as PathId)
    }

    pub fn all_ids(&self) -> Vec<PathId> {
        (0..self.paths.len() as PathId).collect()
    }
}

/// Reads trees from the object database, with one scratch buffer per folder depth.
pub struct TreeReader<'r> {
    repo: &'r gix::Repository,
    buffers: Vec<(Vec<u8>, Vec<u8>)>,
}

impl<'r> TreeReader<'r> {
    pub fn new(repo: &'r gix::Repository) -> Self {
        TreeReader {
            repo,
            buffers: Vec::new(),
        }
    }

    /// The root tree of a commit.
    pub fn commit_tree(&mut self, commit: ObjectId) -> Result<ObjectId> {
        let mut buf = Vec::new();
        let mut iter = self
            .repo
            .objects
            .find_commit_iter(&commit, &mut buf)
            .map_err(Error::git)?;
        iter.tree_id().map_err(Error::git)
    }

    /// Pushes to `changed` the ids (from the sorted slice `ids`) whose entries differ between trees `a` and `b`
    /// (`None` is an empty tree). Present vs absent is a change; so is a mode change.
    pub fn changed(
        &mut self,
        table: &PathTable,
        a: Option<ObjectId>,
        b: Option<ObjectId>,
        ids: &[PathId],
        changed: &mut Vec<PathId>,
    ) -> Result<()> {
        self.changed_at(table, a, b, ids, 0, changed)
    }

    fn changed_at(
        &mut self,
        table: &PathTable,
        a: Option<ObjectId>,
        b: Option<ObjectId>,
        ids: &[PathId],
        depth: usize,
        changed: &mut Vec<PathId>,
    ) -> Result<()> {
        if a == b || ids.is_empty() {
            return Ok(());
        }
        if self.buffers.len() <= depth {
            self.buffers.resize_with(depth + 1, Default::default);
        }
        let (mut buf_a, mut buf_b) = std::mem::take(&mut self.buffers[depth]);
        // Collect what each group of ids needs before recursing, so the decoded trees can be dropped.
        let mut subtrees: Vec<(Option<ObjectId>, Option<ObjectId>, std::ops::Range<usize>)> =
            Vec::new();
        {
            let tree_a = self.decode(a, &mut buf_a)?;
            let tree_b = self.decode(b, &mut buf_b)?;
            let mut start = 0;
            while start < ids.len() {
                let name = table.component(ids[start], depth);
                let mut end = start + 1;
                while end < ids.len() && table.component(ids[end], depth) == name {
                    end += 1;
                }
                for (offset, &id) in ids[start..end].iter().enumerate() {
                    if table.depth(id) == depth + 1 {
                        let ea = leaf(&tree_a, name);
                        let eb = leaf(&tree_b, name);
                        if ea != eb {
                            changed.push(id);
                        }
                    } else {
                        // The rest of the group goes deeper: one recursion for all of it.
                        let sa = subtree(&tree_a, name);
                        let sb = subtree(&tree_b, name);
                        subtrees.push((sa, sb, start + offset..end));
                        break;
                    }
                }
                start = end;
            }
        }
        self.buffers[depth] = (buf_a, buf_b);
        for (sa, sb, range) in subtrees {
            self.changed_at(table, sa, sb, &ids[range], depth + 1, changed)?;
        }
        Ok(())
    }

    /// The entries of `ids` in tree `root`, in the order of `ids` (which must be sorted).
    pub fn entries(
        &mut self,
        table: &PathTable,
        root: ObjectId,
        ids: &[PathId],
    ) -> Result<Vec<Option<Entry>>> {
        let mut out = vec![None; ids.len()];
        self.entries_at(table, Some(root), ids, 0, 0, &mut out)?;
        Ok(out)
    }

    fn entries_at(
        &mut self,
        table: &PathTable,
        tree: Option<ObjectId>,
        ids: &[PathId],
        base: usize,
        depth: usize,
        out: &mut [Option<Entry>],
    ) -> Result<()> {
        if tree.is_none() || ids.is_empty() {
            return Ok(());
        }
        if self.buffers.len() <= depth {
            self.buffers.resize_with(depth + 1, Default::default);
        }
        let (mut buf, other) = std::mem::take(&mut self.buffers[depth]);
        let mut subtrees = Vec::new();
        {
            let decoded = self.decode(tree, &mut buf)?;
            let mut start = 0;
            while start < ids.len() {
                let name = table.component(ids[start], depth);
                let mut end = start + 1;
                while end < ids.len() && table.component(ids[end], depth) == name {
                    end += 1;
                }
                for offset in start..end {
                    if table.depth(ids[offset]) == depth + 1 {
                        out[base + offset] = leaf(&decoded, name);
                    } else {
                        subtrees.push((subtree(&decoded, name), offset..end));
                        break;
                    }
                }
                start = end;
            }
        }
        self.buffers[depth] = (buf, other);
        for (sub, range) in subtrees {
            let sub_base = base + range.start;
            self.entries_at(table, sub, &ids[range.clone()], sub_base, depth + 1, out)?;
        }
        Ok(())
    }

    fn decode<'b>(
        &self,
        id: Option<ObjectId>,
        buf: &'b mut Vec<u8>,
    ) -> Result<gix::objs::TreeRef<'b>> {
        match id {
            None => Ok(gix::objs::TreeRef::empty()),
            Some(id) => self.repo.objects.find_tree(&id, buf).map_err(Error::git),
        }
    }
}

fn leaf(tree: &gix::objs::TreeRef<'_>, name: &[u8]) -> Option<Entry> {
    tree.bisect_entry(BStr::new(name), false)
        .map(|entry| (entry.mode, entry.oid.to_owned()))
}

fn subtree(tree: &gix::objs::TreeRef<'_>, name: &[u8]) -> Option<ObjectId> {
    tree.bisect_entry(BStr::new(name), true)
        .filter(|entry| entry.mode.is_tree())
        .map(|entry| entry.oid.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sort_by_their_components() {
        let parts = ["a", "a.md", "b", "a-b", "é", "", "a b", "-", "."];
        let mut random = crate::util::random::Xorshift::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| (random.draw() % n as u64) as usize;
        let paths: Vec<String> = (0..400)
            .map(|_| {
                (0..1 + next(3))
                    .map(|_| parts[next(parts.len())])
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        for x in &paths {
            for y in &paths {
                assert_eq!(
                    component_order(x, y),
                    x.split('/').cmp(y.split('/')),
                    "{x:?} {y:?}"
                );
            }
        }
    }

    #[test]
    fn paths_under_one_folder_are_contiguous() {
        let table = PathTable::new(
            [
                "content/fr/b.md",
                "content/en/a.md",
                "content/en.md",
                "content/en/z/a.md",
                "content/en/a.md",
            ]
            .map(String::from),
        );
        assert_eq!(table.len(), 4);
        assert_eq!(table.path(0), "content/en/a.md");
        assert_eq!(table.path(1), "content/en/z/a.md");
        assert_eq!(table.path(2), "content/en.md");
        assert_eq!(table.id("content/fr/b.md"), Some(3));
        assert_eq!(table.id("content/fr/x.md"), None);
    }
}
