//! The binary cache files under `.git/tandem/`: a header (a 16-byte name, the format's version, the payload's length
//! and checksum) then the payload, written with [`Writer`] and read back with [`Reader`], which refuses anything out
//! of range instead of trusting it. A file of another name or version, cut short or damaged, reads as nothing.

use gix::ObjectId;

use super::hash::checksum;

const HEADER: usize = 16 + 4 + 8 + 8;

/// Little-endian values appended to a payload.
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn with_capacity(bytes: usize) -> Writer {
        Writer(Vec::with_capacity(bytes))
    }
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    /// A count of what follows.
    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("fewer than 4 billion items"));
    }
    /// Bytes behind their length.
    pub fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    pub fn id(&mut self, id: &ObjectId) {
        self.0.extend_from_slice(id.as_slice());
    }

    /// The whole file: the header, then the payload.
    pub fn into_file(self, name: &[u8; 16], version: u32) -> Vec<u8> {
        let payload = self.0;
        let mut file = Vec::with_capacity(HEADER + payload.len());
        file.extend_from_slice(name);
        file.extend_from_slice(&version.to_le_bytes());
        file.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        file.extend_from_slice(&checksum(&payload).to_le_bytes());
        file.extend_from_slice(&payload);
        file
    }
}

/// The payload of a whole, undamaged file of this name and version.
pub fn payload<'a>(file: &'a [u8], name: &[u8; 16], version: u32) -> Option<&'a [u8]> {
    if file.len() < HEADER || &file[..16] != name {
        return None;
    }
    let stored_version = u32::from_le_bytes(file[16..20].try_into().ok()?);
    let length = u64::from_le_bytes(file[20..28].try_into().ok()?);
    let sum = u64::from_le_bytes(file[28..36].try_into().ok()?);
    let payload = &file[HEADER..];
    (stored_version == version && length == payload.len() as u64 && checksum(payload) == sum)
        .then_some(payload)
}

/// Reads values back in the order they were written; every read is `None` past the end.
pub struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, at: 0 }
    }
    /// Where the next read starts, from the payload's start.
    pub fn position(&self) -> usize {
        self.at
    }
    pub fn is_at_end(&self) -> bool {
        self.at == self.data.len()
    }
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.data.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// A count of items, each at least `min_size` bytes: refuses counts the rest of the file cannot hold.
    pub fn count(&mut self, min_size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(min_size.max(1))? <= self.data.len() - self.at).then_some(n)
    }
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.count(1)?;
        self.take(n)
    }
    pub fn id(&mut self) -> Option<ObjectId> {
        ObjectId::try_from(self.take(20)?).ok()
    }
    /// A list of numbers, each below `max`.
    pub fn ids(&mut self, max: u32) -> Option<Vec<u32>> {
        let n = self.count(4)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let v = self.u32()?;
            if v >= max {
                return None;
            }
            out.push(v);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &[u8; 16] = b"tandem-test\n\0\0\0\0";

    fn sample() -> Vec<u8> {
        let mut w = Writer::default();
        w.u8(7);
        w.u32(70_000);
        w.u64(u64::MAX - 3);
        w.i64(-12);
        w.bytes(b"content/fr/a.md");
        w.id(&ObjectId::from_bytes_or_panic(&[9; 20]));
        w.into_file(NAME, 3)
    }

    #[test]
    fn values_come_back_in_order() {
        let file = sample();
        let mut r = Reader::new(payload(&file, NAME, 3).expect("whole"));
        assert_eq!(r.u8(), Some(7));
        assert_eq!(r.u32(), Some(70_000));
        assert_eq!(r.u64(), Some(u64::MAX - 3));
        assert_eq!(r.i64(), Some(-12));
        assert_eq!(r.bytes(), Some(&b"content/fr/a.md"[..]));
        assert_eq!(r.id(), Some(ObjectId::from_bytes_or_panic(&[9; 20])));
        assert!(r.is_at_end());
        assert_eq!(r.u8(), None);
    }

    #[test]
    fn another_name_version_or_any_damage_reads_as_nothing() {
        let good = sample();
        assert!(payload(&good, NAME, 4).is_none());
        assert!(payload(&good, b"tandem-other\n\0\0\0", 3).is_none());
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x40;
            assert!(payload(&bad, NAME, 3).is_none(), "byte {at} flipped");
        }
        assert!(payload(&good[..good.len() - 1], NAME, 3).is_none());
        assert!(payload(b"", NAME, 3).is_none());
    }

    #[test]
    fn counts_the_file_cannot_hold_are_refused() {
        let mut w = Writer::default();
        w.u32(1_000);
        w.u32(5);
        let mut r = Reader::new(&w.0);
        assert_eq!(r.count(4), None);
    }
}
