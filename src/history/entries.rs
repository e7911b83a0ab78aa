//! The entries of paths at commits that a run has looked up, kept for the run and written to the history cache.

use std::collections::hash_map;

use super::graph::CommitIdx;
use super::index::PathId;
use super::trees::Entry;
use crate::util::hash::IdMap;

/// A (commit, path) looked up.
pub type Key = (CommitIdx, PathId);
/// Its entry (`None`: no such file at that commit), and whether this process used it.
pub type Slot = (Option<Entry>, bool);

/// Values per block of [`Entries`]: about 400 KB.
const BLOCK: usize = 1 << 14;

/// Each (commit, path) looked up and its [`Slot`]. The map holds each value's place in blocks that are filled in
/// turn and never copied: its buckets stay small, and a map doubles its buckets, the empty half included. On the
/// large harness corpus (460,000 entries at the end of a first run) the buckets holding the values took 36 MB once
/// doubled, the places 12 MB.
#[derive(Default)]
pub struct Entries {
    places: IdMap<Key, u32>,
    blocks: Vec<Vec<Slot>>,
}

impl Entries {
    pub fn get_mut(&mut self, key: &Key) -> Option<&mut Slot> {
        let at = *self.places.get(key)? as usize;
        Some(&mut self.blocks[at / BLOCK][at % BLOCK])
    }

    /// Sets `key`'s slot, replacing the one it had.
    pub fn insert(&mut self, key: Key, slot: Slot) {
        match self.places.entry(key) {
            hash_map::Entry::Occupied(known) => {
                let at = *known.get() as usize;
                self.blocks[at / BLOCK][at % BLOCK] = slot;
            }
            hash_map::Entry::Vacant(place) => {
                if self.blocks.last().is_none_or(|block| block.len() == BLOCK) {
                    self.blocks.push(Vec::with_capacity(BLOCK));
                }
                let full = (self.blocks.len() - 1) * BLOCK;
                let block = self.blocks.last_mut().expect("a block with room");
                let at = full + block.len();
                block.push(slot);
                place.insert(u32::try_from(at).expect("fewer than 2^32 entries"));
            }
        }
    }

    /// Every key and its slot, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&Key, &Slot)> {
        self.places
            .iter()
            .map(|(key, &at)| (key, &self.blocks[at as usize / BLOCK][at as usize % BLOCK]))
    }
}

impl FromIterator<(Key, Slot)> for Entries {
    fn from_iter<I: IntoIterator<Item = (Key, Slot)>>(iter: I) -> Entries {
        let iter = iter.into_iter();
        let mut entries = Entries {
            places: IdMap::with_capacity_and_hasher(iter.size_hint().0, Default::default()),
            blocks: Vec::new(),
        };
        for (key, slot) in iter {
            entries.insert(key, slot);
        }
        entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u8) -> Option<Entry> {
        Some((
            gix::objs::tree::EntryKind::Blob.into(),
            gix::ObjectId::from_bytes_or_panic(&[n; 20]),
        ))
    }

    #[test]
    fn slots_past_a_block_are_found_replaced_and_listed() {
        let n = BLOCK as u32 * 2 + 5;
        let mut entries: Entries = (0..n)
            .map(|i| ((i, i % 7), (entry(i as u8), false)))
            .collect();
        assert_eq!(entries.iter().count(), n as usize);
        assert_eq!(entries.blocks.len(), 3);
        let last = (n - 1, (n - 1) % 7);
        assert_eq!(entries.get_mut(&last).unwrap().0, entry((n - 1) as u8));
        entries.insert(last, (None, true));
        entries.get_mut(&(3, 3)).unwrap().1 = true;
        assert_eq!(
            entries.iter().count(),
            n as usize,
            "a key set again is not added"
        );
        assert_eq!(*entries.get_mut(&last).unwrap(), (None, true));
        assert!(entries.get_mut(&(n, 0)).is_none());
        let used: Vec<&Key> = entries
            .iter()
            .filter(|(_, (_, used))| *used)
            .map(|(k, _)| k)
            .collect();
        assert_eq!(used.len(), 2);
        assert!(used.contains(&&(3, 3)) && used.contains(&&last));
        assert_eq!(
            entries
                .iter()
                .filter(|(key, slot)| key.0 != last.0 && slot.0 == entry(key.0 as u8))
                .count(),
            n as usize - 1
        );
    }
}
