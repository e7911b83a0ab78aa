//! The stable hashes: the same value on every run, build and machine, so they can key files on disk. Not
//! cryptographic: they tell contents apart and catch damage, not malice.

/// A 64-bit FNV-1a fingerprint, stable across runs and builds.
pub fn fingerprint(parts: &[&[u8]]) -> u64 {
    let mut hash = Fingerprint::default();
    for part in parts {
        hash.write(part);
        hash.end_part();
    }
    hash.finish()
}

/// [`fingerprint`] of parts given as they come, each in as many pieces as wanted: no part needs to be built.
#[derive(Debug, Clone, Copy)]
pub struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }
}

impl Fingerprint {
    /// More bytes of the current part.
    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Ends the current part: a separator, so that ("ab", "c") and ("a", "bc") differ.
    pub fn end_part(&mut self) {
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x0000_0100_0000_01b3);
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// Like [`Fingerprint`], eight bytes a step, for long texts compared in memory (the meanings of the versions a run
/// parses): FNV-1a takes a multiplication per byte, each waiting for the one before. Not written to disk: its
/// values may change from one version of tandem to the next. Pieces may be cut anywhere within a part.
#[derive(Debug, Clone, Copy)]
pub struct WideFingerprint {
    hash: u64,
    /// The bytes of the current part not mixed in yet (the first in the lowest byte), and how many there are.
    pending: u64,
    held: u32,
}

impl Default for WideFingerprint {
    fn default() -> Self {
        WideFingerprint {
            hash: 0xcbf2_9ce4_8422_2325,
            pending: 0,
            held: 0,
        }
    }
}

impl WideFingerprint {
    fn mix(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(23) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    /// More bytes of the current part.
    pub fn write(&mut self, mut bytes: &[u8]) {
        // Fill the pending word first.
        while self.held > 0 && !bytes.is_empty() {
            self.pending |= u64::from(bytes[0]) << (8 * self.held);
            self.held += 1;
            bytes = &bytes[1..];
            if self.held == 8 {
                let word = self.pending;
                self.mix(word);
                (self.pending, self.held) = (0, 0);
            }
        }
        let mut words = bytes.chunks_exact(8);
        for chunk in &mut words {
            self.mix(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        for &byte in words.remainder() {
            self.pending |= u64::from(byte) << (8 * self.held);
            self.held += 1;
        }
    }

    /// Ends the current part: its last bytes and their count mixed in, so that ("ab", "c") and ("a", "bc") differ.
    pub fn end_part(&mut self) {
        let (pending, held) = (self.pending, self.held);
        self.mix(pending);
        self.mix(0xff00_0000_0000_0000 | u64::from(held));
        (self.pending, self.held) = (0, 0);
    }

    /// The fingerprint, its bits mixed through (the finaliser of MurmurHash3).
    pub fn finish(self) -> u64 {
        let mut hash = self.hash;
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    }
}

/// [`WideFingerprint`] of whole parts: what the tests compare a fingerprint written piece by piece with (the run
/// itself always writes pieces).
#[cfg(test)]
pub fn wide_fingerprint(parts: &[&[u8]]) -> u64 {
    let mut hash = WideFingerprint::default();
    for part in parts {
        hash.write(part);
        hash.end_part();
    }
    hash.finish()
}

/// A fast 64-bit checksum of a cache file's bytes (not cryptographic: it catches damage, not malice, which the checks after it do).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut sum = Checksum::default();
    sum.update(bytes);
    sum.finish()
}

/// [`checksum`] of bytes given in parts, for a file written as it is produced: every part but the last must be a
/// multiple of 8 bytes long.
#[derive(Debug, Clone, Copy)]
pub struct Checksum {
    hash: u64,
    len: u64,
}

impl Default for Checksum {
    fn default() -> Self {
        Checksum {
            hash: 0xcbf2_9ce4_8422_2325,
            len: 0,
        }
    }
}

impl Checksum {
    pub fn update(&mut self, bytes: &[u8]) {
        debug_assert!(
            self.len.is_multiple_of(8),
            "only the last part may be cut short"
        );
        self.len += bytes.len() as u64;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            self.hash = (self.hash ^ word)
                .wrapping_mul(0x0000_0100_0000_01b3)
                .rotate_left(29);
        }
        for &byte in chunks.remainder() {
            self.hash = (self.hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(self) -> u64 {
        let hash = (self.hash ^ self.len).wrapping_mul(0x0000_0100_0000_01b3);
        hash ^ (hash >> 32)
    }
}

/// The hasher of maps kept in memory whose keys are small numbers (paths and commits by number) or hashes already:
/// one rotation and one multiplication per key, where the standard library's SipHash, which resists crafted keys,
/// spends dozens of instructions. Not for keys an outsider chooses freely, and not stable across builds.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.add(u64::from(byte));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by numbers or hashes, hashed with [`IdHasher`].
pub type IdMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;
/// A set of numbers or hashes, hashed with [`IdHasher`].
pub type IdSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<IdHasher>>;

/// The hasher of maps kept in memory whose keys are texts (words, front matters, pages): [`WideFingerprint`], eight
/// bytes a step, where SipHash spends several instructions a byte. Not for keys an outsider chooses to collide, and
/// not stable across builds.
#[derive(Debug, Default, Clone, Copy)]
pub struct TextHasher(WideFingerprint);

impl std::hash::Hasher for TextHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    fn finish(&self) -> u64 {
        let mut hash = self.0;
        hash.end_part();
        hash.finish()
    }
}

/// A map keyed by texts, hashed with [`TextHasher`].
pub type TextMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<TextHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hashes_spread_over_words_and_tell_apart_where_texts_are_cut() {
        use std::hash::BuildHasher;
        let build = std::hash::BuildHasherDefault::<TextHasher>::default();
        let hashes: std::collections::HashSet<u64> = (0..10_000)
            .map(|n| build.hash_one(format!("mot{n}")))
            .collect();
        assert!(hashes.len() > 9_990, "{}", hashes.len());
        assert_ne!(build.hash_one(("ab", "c")), build.hash_one(("a", "bc")));
        let mut counts: TextMap<&str, usize> = TextMap::default();
        for word in "le chat et le chien et le loup".split(' ') {
            *counts.entry(word).or_default() += 1;
        }
        assert_eq!((counts["le"], counts["et"], counts["loup"]), (3, 2, 1));
    }

    #[test]
    fn a_wide_fingerprint_is_the_same_however_its_parts_are_cut_and_tells_parts_apart() {
        let text = b"Le chat dort. The quick brown fox jumps over the lazy dog, 0123456789";
        let whole = wide_fingerprint(&[&text[..30], &text[30..]]);
        for a in 0..30 {
            for b in a..30 {
                let mut hash = WideFingerprint::default();
                for piece in [&text[..a], &text[a..b], &text[b..30]] {
                    hash.write(piece);
                }
                hash.end_part();
                hash.write(&text[30..]);
                hash.end_part();
                assert_eq!(hash.finish(), whole, "{a} {b}");
            }
        }
        // Parts cut elsewhere, or a byte moved between them, or a trailing zero: other fingerprints.
        let mut seen = std::collections::HashSet::new();
        for cut in 0..=text.len() {
            assert!(
                seen.insert(wide_fingerprint(&[&text[..cut], &text[cut..]])),
                "{cut}"
            );
        }
        assert_ne!(wide_fingerprint(&[b"a"]), wide_fingerprint(&[b"a\0"]));
        assert_ne!(wide_fingerprint(&[b""]), wide_fingerprint(&[]));
        assert_ne!(
            wide_fingerprint(&[b"abcdefgh"]),
            wide_fingerprint(&[b"abcdefgh", b""])
        );
    }
}
