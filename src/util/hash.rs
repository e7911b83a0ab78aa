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
