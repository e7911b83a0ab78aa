//! The on-disk memory of what the cosmetic filter, masked drift and structure signals concluded:
//! `.git/tandem/refine.cache`. Parsing every page on every run is what those rules cost; their answers depend only on
//! blob contents, commits (immutable) and the settings, so a run with nothing new parses nothing.
//!
//! Every entry is keyed by everything its answer depends on: the contents (blob ids), the commits, and — for the
//! whole file — tandem's version and the settings that shape normalisation (base URL, languages, translatable and
//! bookkeeping keys, skip patterns). A file of another version or key, or one that does not parse, is ignored and
//! replaced. It is one of the binary files of `util::binary` (a checksum covers it); each verdict is kept in it as its
//! JSON text, marked when the run that wrote it used it, and read only when asked for or, for those marked, ahead on
//! another core ([`RefineCache::read_ahead`]). The verdicts a run learns wait for the save as that text too, past
//! [`LEARNT_IN_MEMORY`] bytes in an unnamed temporary file beside the cache (`util::spill`). Writes go through a
//! temporary file and a rename; a cache that cannot be written is simply not kept.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::drift::sections::Severity;
use crate::drift::{Reason, State};
use crate::report::ChangedSection;
use crate::util::binary::{self, Reader};
pub use crate::util::hash::fingerprint;
use crate::util::spill::Spill;

/// Bump when what is stored, or how tandem judges, changes.
const FORMAT: u32 = 50;
const FILE: &str = "refine.cache";

/// The learnt verdicts' text held in memory before the rest goes to a temporary file: on the harness's
/// 100,000-commit corpus a first run learns 35 MB of it, held until the report is written; a site of a few thousand
/// pages learns a few megabytes and writes no temporary file.
pub const LEARNT_IN_MEMORY: usize = 8 << 20;

/// What the refinement of one pair concluded.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Refined {
    pub state: State,
    pub reason: Reason,
    pub severity: Severity,
    pub changed_sections: Vec<ChangedSection>,
    /// The structure signals of a stale page.
    #[serde(default)]
    pub signals: Vec<crate::drift::structure::Signal>,
    /// The source commits since the sync point that were not counted (directives, one commit on both sides).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<crate::engine::refine::SkippedSource>,
}

/// A translation commit the walk back passed over, with the front-matter keys it changed (bookkeeping keys left out;
/// empty when it changed none, or carried a directive), whether its message carries a directive, and its subject: a
/// warm run names it without reading the commit again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassedOver {
    pub commit: gix::ObjectId,
    pub keys: Vec<String>,
    pub directive: bool,
    pub subject: String,
}

/// The file's name in its header.
const NAME: &[u8; 16] = b"tandem-refine\n\0\0";

/// The cache, loaded at the start of a run and saved at its end.
pub struct RefineCache {
    path: PathBuf,
    key: u64,
    /// Keyed by the fingerprint of (translation path, last commit).
    syncs: HashMap<u64, (gix::ObjectId, Vec<PassedOver>)>,
    /// Author dates of commits (seconds since the epoch).
    times: HashMap<gix::ObjectId, i64>,
    /// The file as read: the verdicts stay there as the JSON text they are stored as, read when asked for (a large
    /// site's verdicts take a third of the memory that way, and the report holds the ones in use anyway).
    file: Vec<u8>,
    /// Fingerprint of a pair's inputs → where its verdict's text is in `file`, and whether the run that wrote the
    /// file used it.
    stored: HashMap<u64, (Range<usize>, bool)>,
    /// Stored verdicts this run used.
    used: HashSet<u64>,
    /// Verdicts learnt by this run: where their JSON text is in `learnt_texts`.
    learnt: HashMap<u64, Range<u64>>,
    learnt_texts: Spill,
    /// Stored verdicts read ahead ([`RefineCache::read_ahead`]), each handed out once.
    ready: HashMap<u64, Refined>,
    dirty: bool,
}

impl RefineCache {
    /// Whether a cache file is there to be read (a first run has none).
    pub fn is_saved(git_dir: &Path) -> bool {
        git_dir.join("tandem").join(FILE).is_file()
    }

    /// Loads `<git dir>/tandem/refine.cache` if it was written for the same `key`; else starts empty.
    pub fn load(git_dir: &Path, key: u64) -> RefineCache {
        let dir = git_dir.join("tandem");
        let mut cache = RefineCache {
            path: dir.join(FILE),
            key,
            syncs: HashMap::new(),
            times: HashMap::new(),
            file: Vec::new(),
            stored: HashMap::new(),
            used: HashSet::new(),
            learnt: HashMap::new(),
            learnt_texts: Spill::new(dir, LEARNT_IN_MEMORY),
            ready: HashMap::new(),
            dirty: false,
        };
        if let Ok(file) = std::fs::read(&cache.path)
            && let Some(read) = read_file(&file, key)
        {
            (cache.syncs, cache.times, cache.stored) = read;
            cache.file = file;
        }
        cache
    }

    /// Whether nothing was remembered (a first run, or a cache written for other settings).
    pub fn is_empty(&self) -> bool {
        self.syncs.is_empty() && self.stored.is_empty() && self.learnt.is_empty()
    }

    /// The meaningful sync point found before for (translation, its last commit), and the commits passed over.
    pub fn sync(&self, translation: &str, last: &str) -> Option<(String, Vec<PassedOver>)> {
        self.syncs
            .get(&fingerprint(&[translation.as_bytes(), last.as_bytes()]))
            .map(|(commit, skipped)| (commit.to_string(), skipped.clone()))
    }

    pub fn remember_sync(
        &mut self,
        translation: &str,
        last: &str,
        commit: String,
        skipped: Vec<PassedOver>,
    ) {
        if let Ok(commit) = gix::ObjectId::from_hex(commit.as_bytes()) {
            self.syncs.insert(
                fingerprint(&[translation.as_bytes(), last.as_bytes()]),
                (commit, skipped),
            );
            self.dirty = true;
        }
    }

    /// The author date of `commit`, if remembered.
    pub fn author_time(&self, commit: gix::ObjectId) -> Option<i64> {
        self.times.get(&commit).copied()
    }

    pub fn remember_author_time(&mut self, commit: gix::ObjectId, time: i64) {
        self.times.insert(commit, time);
        self.dirty = true;
    }

    /// Whether a verdict is remembered for these inputs (without reading it).
    pub fn knows_verdict(&self, inputs: u64) -> bool {
        self.learnt.contains_key(&inputs) || self.stored.contains_key(&inputs)
    }

    /// Reads now every stored verdict the last run used, when there are at most `most` (a run with nothing new uses
    /// the same ones; this is done on another core while the pages are listed). Verdicts of other modes (`--strict`,
    /// pins) are left to be read when asked for.
    pub fn read_ahead(&mut self, most: usize) {
        if self.stored.len() > most {
            return;
        }
        self.ready = self
            .stored
            .iter()
            .filter(|(_, (_, used))| *used)
            .filter_map(|(key, (at, _))| {
                let text = std::str::from_utf8(&self.file[at.clone()]).ok()?;
                Some((*key, serde_json::from_str(text).ok()?))
            })
            .collect();
    }

    /// The verdict remembered for these inputs; `None` when there is none or its text does not read back.
    pub fn verdict(&mut self, inputs: u64) -> Option<Refined> {
        if !self.learnt.contains_key(&inputs) {
            self.used.insert(inputs);
            if let Some(ready) = self.ready.remove(&inputs) {
                return Some(ready);
            }
        }
        match self.learnt.get(&inputs) {
            Some(at) => serde_json::from_slice(&self.learnt_texts.get(at.clone())?).ok(),
            None => serde_json::from_slice(&self.file[self.stored.get(&inputs)?.0.clone()]).ok(),
        }
    }

    pub fn remember_verdict(&mut self, inputs: u64, refined: Refined) {
        if let Ok(text) = serde_json::to_vec(&refined) {
            self.learnt.insert(inputs, self.learnt_texts.push(&text));
            self.dirty = true;
        }
    }

    /// Writes the cache when something was learnt, or when this run used other verdicts than the last (which the
    /// next run reads ahead), and lets go of it. Failing to write only means the next run parses again.
    pub fn save(self) {
        let other_use = || {
            self.stored
                .iter()
                .any(|(key, (_, used))| *used != self.used.contains(key))
        };
        let path = &self.path;
        if !self.dirty && !other_use() {
            return;
        }
        let mut syncs: Vec<(&u64, &(gix::ObjectId, Vec<PassedOver>))> = self.syncs.iter().collect();
        syncs.sort_unstable_by_key(|(key, _)| **key);
        // A learnt verdict's text is read back as it is written (from the temporary file, past the memory's share).
        let mut verdicts: Vec<(u64, bool, Verdict)> = self
            .stored
            .iter()
            .filter(|(key, _)| !self.learnt.contains_key(key))
            .map(|(key, (at, _))| (*key, self.used.contains(key), Verdict::Stored(at.clone())))
            .chain(
                self.learnt
                    .iter()
                    .map(|(key, at)| (*key, true, Verdict::Learnt(at.clone()))),
            )
            .collect();
        verdicts.sort_unstable_by_key(|(key, _, _)| *key);
        // Written as it is produced: a large site's cache is tens of megabytes.
        let _ = binary::write_file(path, NAME, FORMAT, |w| {
            w.u64(self.key);
            w.len(syncs.len());
            for (key, (commit, skipped)) in syncs {
                w.u64(*key);
                w.id(commit);
                w.len(skipped.len());
                for passed in skipped {
                    w.id(&passed.commit);
                    w.len(passed.keys.len());
                    for key in &passed.keys {
                        w.bytes(key.as_bytes());
                    }
                    w.u8(u8::from(passed.directive));
                    w.bytes(passed.subject.as_bytes());
                }
            }
            let mut times: Vec<(&gix::ObjectId, &i64)> = self.times.iter().collect();
            times.sort_unstable();
            w.len(times.len());
            for (commit, time) in times {
                w.id(commit);
                w.i64(*time);
            }
            w.len(verdicts.len());
            for (key, used, at) in verdicts {
                let text = match at {
                    Verdict::Stored(at) => Cow::Borrowed(&self.file[at]),
                    Verdict::Learnt(at) => match self.learnt_texts.get(at) {
                        Some(text) => text,
                        None => {
                            // Not read back: the file is left as it was (the next run judges again).
                            w.fail(std::io::Error::other(
                                "a learnt verdict could not be read back",
                            ));
                            return;
                        }
                    },
                };
                w.u64(key);
                w.u8(u8::from(used));
                w.bytes(&text);
            }
        });
    }
}

/// Where a verdict to save is: in the file as read, or learnt by this run.
enum Verdict {
    Stored(Range<usize>),
    Learnt(Range<u64>),
}

/// The remembered sync points, and where each verdict's text is in `file`; `None` for a file of another format or
/// key, or a damaged one.
#[allow(clippy::type_complexity)]
fn read_file(
    file: &[u8],
    key: u64,
) -> Option<(
    HashMap<u64, (gix::ObjectId, Vec<PassedOver>)>,
    HashMap<gix::ObjectId, i64>,
    HashMap<u64, (Range<usize>, bool)>,
)> {
    let payload = binary::payload(file, NAME, FORMAT)?;
    let start = file.len() - payload.len();
    let mut r = Reader::new(payload);
    if r.u64()? != key {
        return None;
    }
    let n = r.count(8 + 20 + 4)?;
    let mut syncs = HashMap::with_capacity(n);
    for _ in 0..n {
        let key = r.u64()?;
        let commit = r.id()?;
        let mut skipped = Vec::new();
        for _ in 0..r.count(20 + 4 + 1 + 4)? {
            let commit = r.id()?;
            let keys = (0..r.count(4)?)
                .map(|_| String::from_utf8(r.bytes()?.to_vec()).ok())
                .collect::<Option<Vec<_>>>()?;
            let directive = match r.u8()? {
                0 => false,
                1 => true,
                _ => return None,
            };
            let subject = String::from_utf8(r.bytes()?.to_vec()).ok()?;
            skipped.push(PassedOver {
                commit,
                keys,
                directive,
                subject,
            });
        }
        syncs.insert(key, (commit, skipped));
    }
    let n = r.count(20 + 8)?;
    let mut times = HashMap::with_capacity(n);
    for _ in 0..n {
        times.insert(r.id()?, r.i64()?);
    }
    let n = r.count(8 + 1 + 4)?;
    let mut stored = HashMap::with_capacity(n);
    for _ in 0..n {
        let key = r.u64()?;
        let used = match r.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let len = r.count(1)?;
        let at = start + r.position();
        r.take(len)?;
        stored.insert(key, (at..at + len, used));
    }
    r.is_at_end().then_some((syncs, times, stored))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_separate_their_parts() {
        assert_ne!(fingerprint(&[b"ab", b"c"]), fingerprint(&[b"a", b"bc"]));
        assert_eq!(fingerprint(&[b"x"]), fingerprint(&[b"x"]));
    }

    #[test]
    fn a_cache_for_another_key_is_ignored_and_a_damaged_one_too() {
        let dir = tempfile::tempdir().unwrap();
        let (last, meaningful) = ("a".repeat(40), "b".repeat(40));
        let mut cache = RefineCache::load(dir.path(), 1);
        let passed = gix::ObjectId::from_hex("c".repeat(40).as_bytes()).unwrap();
        let passed = vec![
            PassedOver {
                commit: passed,
                keys: vec!["status".into(), "tags".into()],
                directive: false,
                subject: "Statut : terminé".into(),
            },
            PassedOver {
                commit: passed,
                keys: Vec::new(),
                directive: true,
                subject: "[i18nIgnore] format".into(),
            },
        ];
        cache.remember_sync("content/fr/a.md", &last, meaningful.clone(), passed.clone());
        cache.save();
        assert_eq!(
            RefineCache::load(dir.path(), 1).sync("content/fr/a.md", &last),
            Some((meaningful, passed))
        );
        assert_eq!(
            RefineCache::load(dir.path(), 1).sync("content/fr/b.md", &last),
            None
        );
        assert_eq!(
            RefineCache::load(dir.path(), 2).sync("content/fr/a.md", &last),
            None
        );
        let file = dir.path().join("tandem").join(FILE);
        binary::damage(&file);
        assert!(RefineCache::load(dir.path(), 1).is_empty());
        std::fs::write(&file, b"not a cache").unwrap();
        assert_eq!(
            RefineCache::load(dir.path(), 1).sync("content/fr/a.md", &last),
            None
        );
    }

    /// A stale verdict whose source commits (numbered, with their subjects) were passed over for a directive.
    fn skipping(commits: impl IntoIterator<Item = (u64, String)>) -> Refined {
        Refined {
            state: State::Stale,
            reason: Reason::SourceChanged,
            severity: Severity::Low,
            changed_sections: Vec::new(),
            signals: Vec::new(),
            skipped: commits
                .into_iter()
                .map(|(n, subject)| crate::engine::refine::SkippedSource {
                    commit: format!("{n:040}"),
                    subject,
                    why: crate::engine::refine::SkipWhy::Directive,
                })
                .collect(),
        }
    }

    #[test]
    fn verdicts_learnt_past_what_memory_holds_are_saved_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let refined = |n: u64| skipping([(n, format!("commit {n} ").repeat(40))]);
        let subject = |verdict: Option<Refined>| verdict.unwrap().skipped[0].subject.clone();
        let mut cache = RefineCache::load(dir.path(), 3);
        let each = serde_json::to_vec(&refined(0)).unwrap().len();
        let n = (LEARNT_IN_MEMORY / each + 100) as u64;
        for key in 0..=n {
            cache.remember_verdict(key, refined(key));
        }
        assert!(
            cache.learnt_texts.in_memory() < LEARNT_IN_MEMORY / 2,
            "most went to the temporary file"
        );
        // Asked again in the same run, from the file and from memory.
        assert_eq!(subject(cache.verdict(0)), refined(0).skipped[0].subject);
        assert_eq!(subject(cache.verdict(n)), refined(n).skipped[0].subject);
        cache.save();
        let mut cache = RefineCache::load(dir.path(), 3);
        for key in 0..=n {
            assert_eq!(subject(cache.verdict(key)), refined(key).skipped[0].subject);
        }
    }

    #[test]
    fn verdicts_read_back_and_a_new_one_replaces_the_old() {
        let dir = tempfile::tempdir().unwrap();
        let refined = |commits: u64| skipping((0..commits).map(|n| (n, "typo".to_owned())));
        let mut cache = RefineCache::load(dir.path(), 7);
        cache.remember_verdict(1, refined(1));
        cache.remember_verdict(2, refined(2));
        cache.save();
        let mut cache = RefineCache::load(dir.path(), 7);
        assert!(cache.knows_verdict(1) && cache.knows_verdict(2) && !cache.knows_verdict(3));
        assert_eq!(cache.verdict(2).unwrap().skipped.len(), 2);
        cache.remember_verdict(2, refined(3));
        assert_eq!(cache.verdict(2).unwrap().skipped.len(), 3);
        let commit = gix::ObjectId::from_hex("d".repeat(40).as_bytes()).unwrap();
        cache.remember_author_time(commit, -3_600);
        cache.save();
        let mut cache = RefineCache::load(dir.path(), 7);
        assert_eq!(cache.verdict(1).unwrap().skipped.len(), 1);
        assert_eq!(cache.verdict(2).unwrap().skipped.len(), 3);
        // Read ahead, a verdict is the same, as often as it is asked for.
        let mut ahead = RefineCache::load(dir.path(), 7);
        ahead.read_ahead(10);
        for _ in 0..2 {
            assert_eq!(ahead.verdict(1).unwrap().skipped.len(), 1);
            assert_eq!(ahead.verdict(2).unwrap().skipped.len(), 3);
        }
        // A run that uses only the first: the file is written again for that, and the next run reads only it ahead,
        // the other when asked for.
        let mut one = RefineCache::load(dir.path(), 7);
        one.verdict(1);
        one.save();
        let mut ahead = RefineCache::load(dir.path(), 7);
        ahead.read_ahead(10);
        assert_eq!(ahead.ready.keys().collect::<Vec<_>>(), [&1]);
        assert_eq!(ahead.verdict(2).unwrap().skipped.len(), 3);
        assert_eq!(cache.author_time(commit), Some(-3_600));
    }
}
