//! What reading each page for pairing found (its blob id, its pairing keys and, for a translation, its pin),
//! remembered by the file's identity on disk: `.git/tandem/pages.cache`. A run on an unchanged work tree then looks
//! at each page's metadata instead of reading it, as git's index does.
//!
//! A page is answered from the cache only when its size, modification and change times (to the nanosecond) and inode
//! are those it had when it was read. Anything that rewrites a file moves its change time, which no tool can set back.
//! A file is remembered only when its times are at least [`SETTLED`] older than the moment the run began reading:
//! a file written again within the clock's resolution of its reading could keep the same times with new bytes (git
//! calls this "racily clean"). The file is keyed by tandem's version and the pairing and pin keys configured; another
//! key, a damaged file or another format is ignored and replaced. A page whose front matter cannot be read, or that
//! cannot be read at all, is never remembered: its warning is given on every run.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use gix::ObjectId;

use crate::markdown::frontmatter::Pin;
use crate::util::binary::{self, Reader};
use crate::util::hash::fingerprint;

const FILE: &str = "pages.cache";
const NAME: &[u8; 16] = b"tandem-pages\n\0\0\0";
/// Bump when what is stored changes.
const FORMAT: u32 = 6;
/// How much older than the reading a file's times must be for it to be remembered: more than the coarsest
/// timestamp resolution of common file systems (FAT keeps two seconds).
pub const SETTLED: Duration = Duration::from_secs(3);

/// A folder opened to look at its files by name ([`Stamp::in_folder`]).
#[cfg(unix)]
pub struct Folder(rustix::fd::OwnedFd);

#[cfg(unix)]
impl Folder {
    pub fn open(path: &Path) -> Option<Folder> {
        use rustix::fs::{Mode, OFlags};
        rustix::fs::open(
            path,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .ok()
        .map(Folder)
    }
}

/// A file's identity on disk: when any of it differs, the file is read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    size: u64,
    inode: u64,
    modified: (i64, u32),
    changed: (i64, u32),
}

impl Stamp {
    /// The stamp of the file at `path` (not followed if it is a link); `None` where the platform does not give
    /// change times, or the file cannot be looked at.
    pub fn of(path: &Path) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let meta = std::fs::symlink_metadata(path).ok()?;
            Some(Stamp {
                size: meta.size(),
                inode: meta.ino(),
                modified: (meta.mtime(), u32::try_from(meta.mtime_nsec()).ok()?),
                changed: (meta.ctime(), u32::try_from(meta.ctime_nsec()).ok()?),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }

    /// The stamp of the file named `name` in the opened `folder` (not followed if it is a link): the same as
    /// [`Stamp::of`] its path, without walking the path's folders again.
    #[cfg(unix)]
    // The fields' types differ from one platform to another: a conversion is the same type on some.
    #[allow(clippy::useless_conversion)]
    pub fn in_folder(folder: &Folder, name: &std::ffi::OsStr) -> Option<Stamp> {
        let stat =
            rustix::fs::statat(&folder.0, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW).ok()?;
        Some(Stamp {
            size: u64::try_from(stat.st_size).ok()?,
            inode: u64::try_from(stat.st_ino).ok()?,
            modified: (
                i64::try_from(stat.st_mtime).ok()?,
                u32::try_from(stat.st_mtime_nsec).ok()?,
            ),
            changed: (
                i64::try_from(stat.st_ctime).ok()?,
                u32::try_from(stat.st_ctime_nsec).ok()?,
            ),
        })
    }

    /// Whether both times are at least [`SETTLED`] before `reading` began.
    fn settled_before(&self, reading: SystemTime) -> bool {
        let Ok(since_epoch) = reading.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let limit = since_epoch.saturating_sub(SETTLED).as_secs() as i64;
        self.modified.0 < limit && self.changed.0 < limit
    }
}

/// What reading a page for pairing found: its blob id, its pairing keys (none when it has none) and, when it was
/// looked for, its pin (`Some(None)`: the translation has none).
#[derive(Debug, Clone, PartialEq)]
pub struct PageFacts {
    pub blob: ObjectId,
    pub keys: Option<Keys>,
    pub pin: Option<Option<Pin>>,
}

/// A page's pairing keys: shared keys, then link keys, each (key as configured, value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pub shared: Vec<(String, String)>,
    pub links: Vec<(String, String)>,
}

/// The cache, loaded before the pages are read and saved after. The file is kept as read, with an index of its
/// entries by path: a page's facts are decoded only when it is asked for.
pub struct PageCache {
    path: PathBuf,
    key: u64,
    file: Vec<u8>,
    /// The entries, in the file's order (by path).
    index: Vec<Entry>,
    /// When this run began reading pages.
    reading: SystemTime,
}

/// Where one page's entry is in the file.
struct Entry {
    path: Range<usize>,
    stamp: Stamp,
    /// Where its facts start.
    facts: usize,
}

impl PageCache {
    /// Loads `<git dir>/tandem/pages.cache` if it was written for `key`; else starts empty.
    pub fn load(git_dir: &Path, key: u64) -> PageCache {
        let path = git_dir.join("tandem").join(FILE);
        let (file, index) = std::fs::read(&path)
            .ok()
            .and_then(|file| Some((index_of(&file, key)?, file)))
            .map(|(index, file)| (file, index))
            .unwrap_or_default();
        PageCache {
            path,
            key,
            file,
            index,
            reading: SystemTime::now(),
        }
    }

    /// The facts remembered for the file at `file` if it still has this stamp; its pin only `with_pin`.
    pub fn get(&self, file: &Path, stamp: &Stamp, with_pin: bool) -> Option<PageFacts> {
        let wanted = file.to_str()?.as_bytes();
        let at = self
            .index
            .binary_search_by(|entry| self.file[entry.path.clone()].cmp(wanted))
            .ok()?;
        let entry = &self.index[at];
        (entry.stamp == *stamp)
            .then(|| facts_at(&self.file, entry.facts, with_pin))
            .flatten()
    }

    /// Whether a file of this stamp would be remembered (its times are settled).
    pub fn keeps(&self, stamp: &Stamp) -> bool {
        stamp.settled_before(self.reading)
    }

    /// How many pages are remembered.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether no page is remembered.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Keeps what this run found (`(file, stamp, facts)` for every page read or answered) as the cache. Failing to
    /// write only means the next run reads the pages again.
    pub fn save(self, found: Vec<(&Path, Stamp, PageFacts)>) {
        let path = &self.path;
        let mut kept: Vec<(&str, Stamp, PageFacts)> = found
            .into_iter()
            .filter(|(_, stamp, _)| stamp.settled_before(self.reading))
            .filter_map(|(file, stamp, facts)| Some((file.to_str()?, stamp, facts)))
            .collect();
        kept.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let _ = binary::write_file(path, NAME, FORMAT, |w| {
            w.u64(self.key);
            w.len(kept.len());
            for (file, stamp, facts) in kept {
                w.bytes(file.as_bytes());
                w.u64(stamp.size);
                w.u64(stamp.inode);
                w.i64(stamp.modified.0);
                w.u32(stamp.modified.1);
                w.i64(stamp.changed.0);
                w.u32(stamp.changed.1);
                w.id(&facts.blob);
                match &facts.pin {
                    None => w.u8(0),
                    Some(None) => w.u8(1),
                    Some(Some(pin)) => {
                        w.u8(2);
                        w.bytes(pin.key.as_bytes());
                        w.bytes(pin.value.as_bytes());
                        w.u8(u8::from(pin.patched));
                        w.u64(pin.line as u64);
                        w.u64(pin.span.start as u64);
                        w.u64(pin.span.end as u64);
                    }
                }
                match &facts.keys {
                    None => w.u8(0),
                    Some(keys) => {
                        w.u8(1);
                        for list in [&keys.shared, &keys.links] {
                            w.len(list.len());
                            for (key, value) in list {
                                w.bytes(key.as_bytes());
                                w.bytes(value.as_bytes());
                            }
                        }
                    }
                }
            }
        });
    }
}

/// The cache's key: tandem's version and the pairing and pin keys it reads.
pub fn key(settings: &crate::site::config::Settings) -> u64 {
    fingerprint(&[
        env!("CARGO_PKG_VERSION").as_bytes(),
        settings.pairing.shared_keys.join("\n").as_bytes(),
        settings.pairing.link_keys.join("\n").as_bytes(),
        settings.pin_keys.join("\n").as_bytes(),
    ])
}

/// Where each entry of a whole, undamaged file written for `key` is, checked to be in order of path; `None` for
/// anything else.
fn index_of(file: &[u8], key: u64) -> Option<Vec<Entry>> {
    let payload = binary::payload(file, NAME, FORMAT)?;
    let start = file.len() - payload.len();
    let mut r = Reader::new(payload);
    if r.u64()? != key {
        return None;
    }
    let n = r.count(4 + 8 * 4 + 4 * 2 + 20 + 2)?;
    let mut index: Vec<Entry> = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.count(1)?;
        let path = start + r.position()..start + r.position() + len;
        std::str::from_utf8(r.take(len)?).ok()?;
        if index
            .last()
            .is_some_and(|before| file[before.path.clone()] >= file[path.clone()])
        {
            return None;
        }
        let stamp = Stamp {
            size: r.u64()?,
            inode: r.u64()?,
            modified: (r.i64()?, r.u32()?),
            changed: (r.i64()?, r.u32()?),
        };
        let facts = start + r.position();
        read_facts(&mut r, false)?;
        index.push(Entry { path, stamp, facts });
    }
    r.is_at_end().then_some(index)
}

/// The facts of the entry whose facts start at `at` in `file` (already checked by [`index_of`]).
fn facts_at(file: &[u8], at: usize, with_pin: bool) -> Option<PageFacts> {
    read_facts(&mut Reader::new(file.get(at..)?), with_pin)
}

/// Reads one entry's facts; its pin only `with_pin` (else passed over).
fn read_facts(r: &mut Reader, with_pin: bool) -> Option<PageFacts> {
    let text = |r: &mut Reader| String::from_utf8(r.bytes()?.to_vec()).ok();
    let blob = r.id()?;
    let pin = match r.u8()? {
        0 => None,
        1 => Some(None),
        2 => {
            let key = std::str::from_utf8(r.bytes()?).ok()?;
            let value = std::str::from_utf8(r.bytes()?).ok()?;
            let patched = match r.u8()? {
                0 => false,
                1 => true,
                _ => return None,
            };
            let line = usize::try_from(r.u64()?).ok()?;
            let span = usize::try_from(r.u64()?).ok()?..usize::try_from(r.u64()?).ok()?;
            // Built only when asked for: checking an entry allocates nothing.
            with_pin.then(|| {
                Some(Pin {
                    key: key.to_owned(),
                    value: value.to_owned(),
                    patched,
                    line,
                    span,
                })
            })
        }
        _ => return None,
    };
    let keys = match r.u8()? {
        0 => None,
        1 => {
            let mut lists = [Vec::new(), Vec::new()];
            for list in &mut lists {
                for _ in 0..r.count(8)? {
                    list.push((text(r)?, text(r)?));
                }
            }
            let [shared, links] = lists;
            Some(Keys { shared, links })
        }
        _ => return None,
    };
    Some(PageFacts { blob, keys, pin })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_stamp_looked_up_in_its_folder_is_the_one_of_its_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("page.md"), "# Page\n").unwrap();
        std::os::unix::fs::symlink("page.md", dir.path().join("link.md")).unwrap();
        let folder = Folder::open(dir.path()).unwrap();
        for name in ["page.md", "link.md", "missing.md"] {
            assert_eq!(
                Stamp::in_folder(&folder, std::ffi::OsStr::new(name)),
                Stamp::of(&dir.path().join(name)),
                "{name}"
            );
        }
        // The link is looked at, not followed.
        assert_ne!(
            Stamp::in_folder(&folder, std::ffi::OsStr::new("link.md")),
            Stamp::of(&dir.path().join("page.md"))
        );
        assert!(Stamp::in_folder(&folder, std::ffi::OsStr::new("missing.md")).is_none());
    }

    fn facts(n: u8, keys: bool) -> PageFacts {
        PageFacts {
            blob: ObjectId::from_bytes_or_panic(&[n; 20]),
            keys: keys.then(|| Keys {
                shared: vec![("translationKey".to_owned(), "intro".to_owned())],
                links: Vec::new(),
            }),
            pin: match n % 3 {
                0 => None,
                1 => Some(None),
                _ => Some(Some(Pin {
                    key: "default_lang_commit".to_owned(),
                    value: "0123abc".to_owned(),
                    patched: true,
                    line: 3,
                    span: 40..49,
                })),
            },
        }
    }

    fn stamp(seconds: i64) -> Stamp {
        Stamp {
            size: 10,
            inode: 3,
            modified: (seconds, 5),
            changed: (seconds, 6),
        }
    }

    #[test]
    fn settled_files_are_remembered_with_their_stamps() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (Path::new("/site/a.md"), Path::new("/site/b.md"));
        let c = Path::new("/site/c.md");
        PageCache::load(dir.path(), 1).save(vec![
            (a, stamp(1_000), facts(1, true)),
            (b, stamp(2_000), facts(2, false)),
            (c, stamp(3_000), facts(3, true)),
        ]);
        let cache = PageCache::load(dir.path(), 1);
        assert_eq!(cache.get(a, &stamp(1_000), true), Some(facts(1, true)));
        assert_eq!(cache.get(b, &stamp(2_000), true), Some(facts(2, false)));
        assert_eq!(cache.get(c, &stamp(3_000), true), Some(facts(3, true)));
        // Without its pin, a page's facts are the same but for it.
        let unpinned = PageFacts {
            pin: None,
            ..facts(3, true)
        };
        assert_eq!(cache.get(c, &stamp(3_000), false), Some(unpinned));
        assert_eq!(
            cache.get(Path::new("/site/d.md"), &stamp(3_000), true),
            None
        );
        let touched = Stamp {
            changed: (2_000, 7),
            ..stamp(2_000)
        };
        assert_eq!(cache.get(b, &touched, true), None, "a new change time");
        assert_eq!(
            PageCache::load(dir.path(), 2).get(a, &stamp(1_000), true),
            None
        );
        // A damaged file is not read.
        binary::damage(&dir.path().join("tandem").join(FILE));
        assert!(PageCache::load(dir.path(), 1).is_empty());
    }

    #[test]
    fn a_file_changed_as_it_was_read_is_not_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let a = Path::new("/site/a.md");
        PageCache::load(dir.path(), 1).save(vec![(a, stamp(now), facts(1, false))]);
        assert_eq!(
            PageCache::load(dir.path(), 1).get(a, &stamp(now), true),
            None
        );
    }
}
