//! The on-disk cache of history facts: `.git/tandem/history.cache`.
//!
//! It holds HEAD's commit graph, the changes of every edge computed so far (which files under the content roots a
//! commit changed against each parent), and the answers for HEAD (last commits of translations, commits behind). It
//! is keyed by HEAD, the content roots and the shallow boundary: an unchanged HEAD answers from it; a HEAD that moved
//! forward keeps the graph and the edges and walks only the new commits; anything else — history rewritten, other
//! content roots, a clone deepened, a damaged or foreign file, another format version — is ignored and rebuilt.
//!
//! Nothing in it is trusted blindly: a checksum covers the whole file, every index is range-checked, the graph must be
//! acyclic, and the commits it records for HEAD are checked against the object database before use. It is written to
//! a temporary file in the same folder and renamed over the old one.

use gix::ObjectId;

use super::graph::{CommitGraph, CommitIdx};
use super::index::{PathDict, PathId, StoredEdge};
use super::trees::Entry;
use super::walk::LastTouch;

/// The format's version: a file of another version is ignored.
pub const VERSION: u32 = 2;
const MAGIC: &[u8; 16] = b"tandem-history\n\0";

/// Answers of `git rev-list <since>..HEAD -- <path>` by (path, since); `None` where the history is cut.
pub type ChangeAnswers = Vec<((PathId, CommitIdx), Option<Vec<CommitIdx>>)>;

/// Entries (mode and blob) of paths at commits: `None` where the path does not exist.
pub type EntryFacts = Vec<((CommitIdx, PathId), Option<Entry>)>;

/// What the cache file holds.
pub struct CacheData {
    /// The content roots the edges were computed under.
    pub scope: Vec<String>,
    /// A fingerprint of `.git/shallow` (0 when the clone is complete).
    pub shallow: u64,
    pub head: ObjectId,
    pub graph: CommitGraph,
    pub dict: PathDict,
    pub edges: Vec<StoredEdge>,
    pub touches: Vec<(PathId, LastTouch)>,
    pub changes: ChangeAnswers,
    pub entries: EntryFacts,
}

/// The same, borrowed, for writing.
pub struct CacheView<'a> {
    pub scope: &'a [String],
    pub shallow: u64,
    pub head: ObjectId,
    pub graph: &'a CommitGraph,
    pub dict: &'a PathDict,
    /// Borrowed: the lists are not copied to be written.
    pub edges: Vec<EdgeRef<'a>>,
    pub touches: Vec<(PathId, LastTouch)>,
    pub changes: Vec<ChangeRef<'a>>,
    pub entries: EntryFacts,
}

/// An answer of `rev-list` by (path, since), borrowed for writing.
pub type ChangeRef<'a> = ((PathId, CommitIdx), Option<&'a [CommitIdx]>);

/// An edge's changes, borrowed for writing.
pub enum EdgeRef<'a> {
    Parent(usize, &'a [PathId]),
    Root(CommitIdx, &'a [PathId]),
}

use crate::util::binary::{Reader, Writer};

/// The file's bytes.
#[cfg(test)]
pub fn encode(view: &CacheView<'_>) -> Vec<u8> {
    let mut w = Writer::with_capacity(1 << 20);
    write(view, &mut w);
    w.into_file(MAGIC, VERSION)
}

/// Writes the file at `path` as its payload is produced (through a temporary file and a rename): a large history's
/// file is tens of megabytes, written at the end of a run while the report is held.
pub fn save(path: &std::path::Path, view: &CacheView<'_>) -> std::io::Result<()> {
    crate::util::binary::write_file(path, MAGIC, VERSION, |w| write(view, w))
}

fn write(view: &CacheView<'_>, w: &mut Writer) {
    w.len(view.scope.len());
    for root in view.scope {
        w.bytes(root.as_bytes());
    }
    w.u64(view.shallow);
    w.id(&view.head);

    let parts = view.graph.parts();
    w.len(parts.ids.len());
    for id in parts.ids {
        w.id(id);
    }
    for &start in parts.parent_start {
        w.u32(start);
    }
    w.len(parts.parents.len());
    for &p in parts.parents {
        w.u32(p);
    }
    for &t in parts.time {
        w.u64(t as u64);
    }
    for &b in parts.boundary {
        w.u8(u8::from(b));
    }

    w.len(view.dict.len());
    for path in view.dict.paths() {
        w.bytes(path);
    }

    w.len(view.edges.len());
    for edge in &view.edges {
        let (kind, at, paths) = match edge {
            EdgeRef::Parent(at, paths) => (0, *at as u32, *paths),
            EdgeRef::Root(commit, paths) => (1, *commit, *paths),
        };
        w.u8(kind);
        w.u32(at);
        w.len(paths.len());
        for &p in paths.iter() {
            w.u32(p);
        }
    }

    w.len(view.touches.len());
    for &(path, touch) in &view.touches {
        w.u32(path);
        let (kind, commit) = match touch {
            LastTouch::Commit(c) => (0, c),
            LastTouch::NotInHead => (1, 0),
            LastTouch::BeyondShallowBoundary => (2, 0),
        };
        w.u8(kind);
        w.u32(commit);
    }

    w.len(view.changes.len());
    for ((path, since), commits) in &view.changes {
        w.u32(*path);
        w.u32(*since);
        match commits {
            None => w.u8(0),
            Some(list) => {
                w.u8(1);
                w.len(list.len());
                for &c in list.iter() {
                    w.u32(c);
                }
            }
        }
    }

    w.len(view.entries.len());
    for ((commit, path), entry) in &view.entries {
        w.u32(*commit);
        w.u32(*path);
        match entry {
            None => w.u8(0),
            Some((mode, id)) => {
                w.u8(1);
                w.u32(u32::from(mode.value()));
                w.id(id);
            }
        }
    }
}

/// Reads a cache file's bytes; `None` for anything that is not a whole, consistent file of this version.
pub fn decode(file: &[u8]) -> Option<CacheData> {
    let mut r = Reader::new(crate::util::binary::payload(file, MAGIC, VERSION)?);
    let roots = r.count(4)?;
    let mut scope = Vec::with_capacity(roots);
    for _ in 0..roots {
        scope.push(String::from_utf8(r.bytes()?.to_vec()).ok()?);
    }
    let shallow = r.u64()?;
    let head = r.id()?;

    let n = r.count(20)?;
    let mut ids = Vec::with_capacity(n);
    for _ in 0..n {
        ids.push(r.id()?);
    }
    let mut parent_start = Vec::with_capacity(n + 1);
    for _ in 0..=n {
        parent_start.push(r.u32()?);
    }
    let parents = r.ids(n as u32)?;
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        times.push(r.u64()? as i64);
    }
    let mut boundary = Vec::with_capacity(n);
    for _ in 0..n {
        boundary.push(match r.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        });
    }
    let graph = CommitGraph::from_stored(ids, parent_start, parents, times, boundary)?;
    graph.find(&head)?;

    let paths = r.count(4)?;
    let mut list = Vec::with_capacity(paths);
    for _ in 0..paths {
        list.push(r.bytes()?.into());
    }
    let dict = PathDict::from_paths(list)?;
    let dict_len = dict.len() as u32;
    let commits = graph.len() as u32;

    let count = r.count(9)?;
    let mut edges = Vec::with_capacity(count);
    for _ in 0..count {
        let kind = r.u8()?;
        let at = r.u32()?;
        let paths = r.ids(dict_len)?;
        if !paths.windows(2).all(|w| w[0] < w[1]) {
            return None;
        }
        let paths = paths.into_boxed_slice();
        edges.push(match kind {
            0 if (at as usize) < graph.edge_count() => StoredEdge::Parent(at as usize, paths),
            1 if at < commits && graph.parents(at).is_empty() => StoredEdge::Root(at, paths),
            _ => return None,
        });
    }

    let count = r.count(9)?;
    let mut touches = Vec::with_capacity(count);
    for _ in 0..count {
        let path = r.u32()?;
        let kind = r.u8()?;
        let commit = r.u32()?;
        if path >= dict_len {
            return None;
        }
        let touch = match kind {
            0 if commit < commits => LastTouch::Commit(commit),
            1 => LastTouch::NotInHead,
            2 => LastTouch::BeyondShallowBoundary,
            _ => return None,
        };
        touches.push((path, touch));
    }

    let count = r.count(9)?;
    let mut changes = Vec::with_capacity(count);
    for _ in 0..count {
        let path = r.u32()?;
        let since = r.u32()?;
        if path >= dict_len || since >= commits {
            return None;
        }
        let list = match r.u8()? {
            0 => None,
            1 => Some(r.ids(commits)?),
            _ => return None,
        };
        changes.push(((path, since), list));
    }
    let count = r.count(9)?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let commit = r.u32()?;
        let path = r.u32()?;
        if path >= dict_len || commit >= commits {
            return None;
        }
        let entry = match r.u8()? {
            0 => None,
            1 => {
                let mode = gix::objs::tree::EntryMode::try_from(r.u32()?).ok()?;
                Some((mode, r.id()?))
            }
            _ => return None,
        };
        entries.push(((commit, path), entry));
    }
    if !r.is_at_end() {
        return None;
    }
    Some(CacheData {
        scope,
        shallow,
        head,
        graph,
        dict,
        edges,
        touches,
        changes,
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> ObjectId {
        ObjectId::from_bytes_or_panic(&[n; 20])
    }

    fn sample() -> Vec<u8> {
        let graph = CommitGraph::from_parts(
            vec![oid(3), oid(2), oid(1)],
            vec![vec![oid(2)], vec![oid(1)], vec![]],
            vec![30, 20, 10],
        );
        let mut dict = PathDict::default();
        let a = dict.intern(b"content/en/a.md");
        let b = dict.intern(b"content/fr/a.md");
        encode(&CacheView {
            scope: &["content".to_owned()],
            shallow: 0,
            head: oid(3),
            graph: &graph,
            dict: &dict,
            edges: vec![EdgeRef::Parent(0, &[a]), EdgeRef::Root(2, &[a, b])],
            touches: vec![(b, LastTouch::Commit(1)), (a, LastTouch::NotInHead)],
            changes: vec![((a, 1), Some(&[0])), ((a, 2), None)],
            entries: vec![
                (
                    (1, a),
                    Some((gix::objs::tree::EntryKind::Blob.into(), oid(9))),
                ),
                ((2, b), None),
            ],
        })
    }

    #[test]
    fn round_trip() {
        let data = decode(&sample()).expect("decodes");
        assert_eq!(data.head, oid(3));
        assert_eq!(data.scope, ["content"]);
        assert_eq!(data.graph.len(), 3);
        assert_eq!(data.graph.parents(0), &[1]);
        assert_eq!(data.dict.len(), 2);
        assert_eq!(data.edges.len(), 2);
        assert_eq!(data.touches[0], (1, LastTouch::Commit(1)));
        assert_eq!(data.changes[0], ((0, 1), Some(vec![0])));
        assert_eq!(data.changes[1], ((0, 2), None));
        assert_eq!(data.entries.len(), 2);
        assert_eq!(data.entries[0].1.map(|(_, id)| id), Some(oid(9)));
        assert_eq!(data.entries[1], ((2, 1), None));
    }

    #[test]
    fn any_damage_is_refused() {
        let good = sample();
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x40;
            assert!(
                decode(&bad).is_none(),
                "a flipped byte at {at} went unnoticed"
            );
        }
        assert!(decode(&good[..good.len() - 1]).is_none());
        assert!(decode(b"").is_none());
        assert!(decode(b"not a cache file at all, just some text").is_none());
    }
}
