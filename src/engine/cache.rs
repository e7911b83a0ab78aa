//! The on-disk memory of what the cosmetic filter, masked drift and structure signals concluded:
//! `.git/tandem/refine.cache`. Parsing every page on every run is what those rules cost; their answers depend only on
//! blob contents, commits (immutable) and the settings, so a run with nothing new parses nothing.
//!
//! Every entry is keyed by everything its answer depends on: the contents (blob ids), the commits, and — for the
//! whole file — tandem's version and the settings that shape normalisation (base URL, languages, translatable and
//! bookkeeping keys, skip patterns). A file of another version or key, or one that does not parse, is ignored and
//! replaced. Writes go through a temporary file and a rename; a cache that cannot be written is simply not kept.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::drift::sections::Severity;
use crate::drift::{Reason, State};
use crate::report::ChangedSection;
pub use crate::util::hash::fingerprint;

/// Bump when what is stored, or how tandem judges, changes.
const FORMAT: u32 = 10;
const FILE: &str = "refine.cache";

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

#[derive(Default, Serialize, Deserialize)]
struct Stored {
    format: u32,
    key: u64,
    /// Fingerprint of (translation path, last commit) → (the commit that changed it meaningfully, commits skipped).
    syncs: Vec<(u64, String, Vec<String>)>,
    /// Fingerprint of a pair's inputs → its refined verdict.
    verdicts: Vec<(u64, Box<RawValue>)>,
}

/// The same, borrowed, for writing (nothing is copied to be written).
#[derive(Serialize)]
struct StoredRef<'a> {
    format: u32,
    key: u64,
    syncs: Vec<(u64, String, Vec<String>)>,
    verdicts: Vec<(u64, &'a RawValue)>,
}

/// The cache, loaded at the start of a run and saved at its end.
pub struct RefineCache {
    path: Option<PathBuf>,
    key: u64,
    /// Keyed by the fingerprint of (translation path, last commit).
    syncs: HashMap<u64, (gix::ObjectId, Vec<gix::ObjectId>)>,
    /// Kept as the JSON text they are stored as, read when asked for: a large site's verdicts take a third of the
    /// memory that way, and the report holds the ones in use anyway.
    verdicts: HashMap<u64, Box<RawValue>>,
    dirty: bool,
}

impl RefineCache {
    /// Loads `<git dir>/tandem/refine.cache` if it was written for the same `key`; else starts empty.
    pub fn load(git_dir: &Path, key: u64) -> RefineCache {
        let path = git_dir.join("tandem").join(FILE);
        let stored: Option<Stored> = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .filter(|s: &Stored| s.format == FORMAT && s.key == key);
        let stored = stored.unwrap_or_default();
        RefineCache {
            path: Some(path),
            key,
            syncs: stored
                .syncs
                .into_iter()
                .filter_map(|(key, commit, skipped)| {
                    let skipped = skipped
                        .iter()
                        .map(|c| gix::ObjectId::from_hex(c.as_bytes()).ok())
                        .collect::<Option<Vec<_>>>()?;
                    Some((
                        key,
                        (gix::ObjectId::from_hex(commit.as_bytes()).ok()?, skipped),
                    ))
                })
                .collect(),
            verdicts: stored.verdicts.into_iter().collect(),
            dirty: false,
        }
    }

    /// Whether nothing was remembered (a first run, or a cache written for other settings).
    pub fn is_empty(&self) -> bool {
        self.syncs.is_empty() && self.verdicts.is_empty()
    }

    /// The meaningful sync point found before for (translation, its last commit), and the commits passed over.
    pub fn sync(&self, translation: &str, last: &str) -> Option<(String, Vec<gix::ObjectId>)> {
        self.syncs
            .get(&fingerprint(&[translation.as_bytes(), last.as_bytes()]))
            .map(|(commit, skipped)| (commit.to_string(), skipped.clone()))
    }

    pub fn remember_sync(
        &mut self,
        translation: &str,
        last: &str,
        commit: String,
        skipped: Vec<gix::ObjectId>,
    ) {
        if self.path.is_some()
            && let Ok(commit) = gix::ObjectId::from_hex(commit.as_bytes())
        {
            self.syncs.insert(
                fingerprint(&[translation.as_bytes(), last.as_bytes()]),
                (commit, skipped),
            );
            self.dirty = true;
        }
    }

    /// Whether a verdict is remembered for these inputs (without reading it).
    pub fn knows_verdict(&self, inputs: u64) -> bool {
        self.verdicts.contains_key(&inputs)
    }

    pub fn verdict(&self, inputs: u64) -> Option<Refined> {
        self.verdicts
            .get(&inputs)
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
    }

    pub fn remember_verdict(&mut self, inputs: u64, refined: Refined) {
        if self.path.is_some()
            && let Ok(raw) = serde_json::value::to_raw_value(&refined)
        {
            self.verdicts.insert(inputs, raw);
            self.dirty = true;
        }
    }

    /// Writes the cache when something was learnt, and lets go of it. Failing to write only means the next run
    /// parses again. The file is written as it is serialised (a large site's cache is tens of megabytes).
    pub fn save(self) {
        let (Some(path), true) = (&self.path, self.dirty) else {
            return;
        };
        let mut syncs: Vec<(u64, String, Vec<String>)> = self
            .syncs
            .iter()
            .map(|(key, (commit, skipped))| {
                let skipped = skipped.iter().map(|c| c.to_string()).collect();
                (*key, commit.to_string(), skipped)
            })
            .collect();
        syncs.sort_unstable();
        let mut verdicts: Vec<(u64, &RawValue)> =
            self.verdicts.iter().map(|(k, v)| (*k, &**v)).collect();
        verdicts.sort_unstable_by_key(|(k, _)| *k);
        let stored = StoredRef {
            format: FORMAT,
            key: self.key,
            syncs,
            verdicts,
        };
        if let Some(dir) = path.parent()
            && std::fs::create_dir_all(dir).is_ok()
        {
            let _ = crate::util::atomic::write_atomic_with(path, |file| {
                let mut writer = std::io::BufWriter::new(file);
                serde_json::to_writer(&mut writer, &stored)?;
                std::io::Write::flush(&mut writer)
            });
        }
    }
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
        cache.remember_sync("content/fr/a.md", &last, meaningful.clone(), vec![passed]);
        cache.save();
        assert_eq!(
            RefineCache::load(dir.path(), 1).sync("content/fr/a.md", &last),
            Some((meaningful, vec![passed]))
        );
        assert_eq!(
            RefineCache::load(dir.path(), 1).sync("content/fr/b.md", &last),
            None
        );
        assert_eq!(
            RefineCache::load(dir.path(), 2).sync("content/fr/a.md", &last),
            None
        );
        std::fs::write(dir.path().join("tandem").join(FILE), b"{not json").unwrap();
        assert_eq!(
            RefineCache::load(dir.path(), 1).sync("content/fr/a.md", &last),
            None
        );
    }
}
