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

use crate::drift::sections::Severity;
use crate::drift::{Reason, State};
use crate::report::ChangedSection;

/// Bump when what is stored, or how tandem judges, changes.
const FORMAT: u32 = 1;
const FILE: &str = "refine.cache";

/// A 64-bit FNV-1a fingerprint, stable across runs and builds.
pub fn fingerprint(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// What the refinement of one pair concluded.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Refined {
    pub state: State,
    pub reason: Reason,
    pub severity: Severity,
    pub changed_sections: Vec<ChangedSection>,
}

#[derive(Default, Serialize, Deserialize)]
struct Stored {
    format: u32,
    key: u64,
    /// (translation path, last commit) → (the commit that changed it meaningfully, commits skipped).
    syncs: Vec<(String, String, String, usize)>,
    /// Fingerprint of a pair's inputs → its refined verdict.
    verdicts: Vec<(u64, Refined)>,
}

/// The cache, loaded at the start of a run and saved at its end.
pub struct RefineCache {
    path: Option<PathBuf>,
    key: u64,
    syncs: HashMap<(String, String), (String, usize)>,
    verdicts: HashMap<u64, Refined>,
    dirty: bool,
}

impl RefineCache {
    /// A cache that remembers nothing and writes nothing (`--strict`, tests of the rules themselves).
    pub fn disabled() -> RefineCache {
        RefineCache {
            path: None,
            key: 0,
            syncs: HashMap::new(),
            verdicts: HashMap::new(),
            dirty: false,
        }
    }

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
                .map(|(path, last, commit, skipped)| ((path, last), (commit, skipped)))
                .collect(),
            verdicts: stored.verdicts.into_iter().collect(),
            dirty: false,
        }
    }

    pub fn sync(&self, translation: &str, last: &str) -> Option<(String, usize)> {
        self.syncs
            .get(&(translation.to_owned(), last.to_owned()))
            .cloned()
    }

    pub fn remember_sync(&mut self, translation: &str, last: &str, commit: String, skipped: usize) {
        if self.path.is_some() {
            self.syncs
                .insert((translation.to_owned(), last.to_owned()), (commit, skipped));
            self.dirty = true;
        }
    }

    pub fn verdict(&self, inputs: u64) -> Option<Refined> {
        self.verdicts.get(&inputs).cloned()
    }

    pub fn remember_verdict(&mut self, inputs: u64, refined: Refined) {
        if self.path.is_some() {
            self.verdicts.insert(inputs, refined);
            self.dirty = true;
        }
    }

    /// Writes the cache when something was learnt. Failing to write only means the next run parses again.
    pub fn save(&self) {
        let (Some(path), true) = (&self.path, self.dirty) else {
            return;
        };
        let mut syncs: Vec<(String, String, String, usize)> = self
            .syncs
            .iter()
            .map(|((p, l), (c, s))| (p.clone(), l.clone(), c.clone(), *s))
            .collect();
        syncs.sort();
        let mut verdicts: Vec<(u64, Refined)> =
            self.verdicts.iter().map(|(k, v)| (*k, v.clone())).collect();
        verdicts.sort_by_key(|(k, _)| *k);
        let stored = Stored {
            format: FORMAT,
            key: self.key,
            syncs,
            verdicts,
        };
        let Ok(bytes) = serde_json::to_vec(&stored) else {
            return;
        };
        if let Some(dir) = path.parent()
            && std::fs::create_dir_all(dir).is_ok()
        {
            let _ = crate::atomic::write_atomic(path, &bytes);
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
        let mut cache = RefineCache::load(dir.path(), 1);
        cache.remember_sync("content/fr/a.md", "aaa", "bbb".into(), 2);
        cache.save();
        assert_eq!(
            RefineCache::load(dir.path(), 1).sync("content/fr/a.md", "aaa"),
            Some(("bbb".into(), 2))
        );
        assert_eq!(
            RefineCache::load(dir.path(), 2).sync("content/fr/a.md", "aaa"),
            None
        );
        std::fs::write(dir.path().join("tandem").join(FILE), b"{not json").unwrap();
        assert_eq!(
            RefineCache::load(dir.path(), 1).sync("content/fr/a.md", "aaa"),
            None
        );
    }
}
