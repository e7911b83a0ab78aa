//! The binary cache files under `.git/tandem/`: a header (a 16-byte name, the format's version, the payload's length
//! and checksum) then the payload, written with [`Writer`] and read back with [`Reader`], which refuses anything out
//! of range instead of trusting it. A file of another name or version, cut short or damaged, reads as nothing.

use std::io::{Seek, Write};
use std::path::Path;

use gix::ObjectId;

use super::hash::{Checksum, checksum};

const HEADER: usize = 16 + 4 + 8 + 8;

/// Bytes gathered before they go to the file, when writing one as it is produced.
const SPILL_AT: usize = 1 << 16;

/// Little-endian values appended to a payload: kept in memory ([`Writer::into_file`]), or written to a file as they
/// come ([`write_file`]), so that a large cache is never held whole in memory as well.
#[derive(Default)]
pub struct Writer<'f> {
    buf: Vec<u8>,
    sink: Option<Sink<'f>>,
}

/// Where a file written as it is produced goes, and its checksum so far.
struct Sink<'f> {
    file: &'f mut std::fs::File,
    sum: Checksum,
    written: u64,
    error: Option<std::io::Error>,
}

impl Writer<'_> {
    pub fn with_capacity(bytes: usize) -> Self {
        Writer {
            buf: Vec::with_capacity(bytes),
            sink: None,
        }
    }
    pub fn u8(&mut self, v: u8) {
        self.put(&[v]);
    }
    pub fn u32(&mut self, v: u32) {
        self.put(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.put(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.put(&v.to_le_bytes());
    }
    /// A count of what follows.
    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("fewer than 4 billion items"));
    }
    /// Bytes behind their length.
    pub fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.put(b);
    }
    pub fn id(&mut self, id: &ObjectId) {
        self.put(id.as_slice());
    }

    /// Gives up on the file being written: [`write_file`] returns `err` and the file is left as it was.
    pub fn fail(&mut self, err: std::io::Error) {
        if let Some(sink) = self.sink.as_mut() {
            sink.error.get_or_insert(err);
        }
    }

    fn put(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= SPILL_AT {
            self.spill(false);
        }
    }

    /// Sends what is gathered to the file: a multiple of 8 bytes (the checksum's step) unless `all`.
    fn spill(&mut self, all: bool) {
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        let n = if all {
            self.buf.len()
        } else {
            self.buf.len() - self.buf.len() % 8
        };
        if sink.error.is_none() {
            sink.sum.update(&self.buf[..n]);
            sink.written += n as u64;
            if let Err(err) = sink.file.write_all(&self.buf[..n]) {
                sink.error = Some(err);
            }
        }
        self.buf.drain(..n);
    }

    /// The whole file: the header, then the payload.
    pub fn into_file(self, name: &[u8; 16], version: u32) -> Vec<u8> {
        let payload = self.buf;
        let mut file = Vec::with_capacity(HEADER + payload.len());
        file.extend_from_slice(&header(
            name,
            version,
            payload.len() as u64,
            checksum(&payload),
        ));
        file.extend_from_slice(&payload);
        file
    }
}

fn header(name: &[u8; 16], version: u32, length: u64, sum: u64) -> Vec<u8> {
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(name);
    header.extend_from_slice(&version.to_le_bytes());
    header.extend_from_slice(&length.to_le_bytes());
    header.extend_from_slice(&sum.to_le_bytes());
    header
}

/// Writes the file at `path` (through a temporary file and a rename) as `fill` produces its payload, the header
/// last.
pub fn write_file(
    path: &Path,
    name: &[u8; 16],
    version: u32,
    fill: impl FnOnce(&mut Writer),
) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    super::atomic::write_rebuildable_with(path, |file| {
        file.write_all(&[0; HEADER])?;
        let mut w = Writer {
            buf: Vec::with_capacity(SPILL_AT + 4096),
            sink: Some(Sink {
                file,
                sum: Checksum::default(),
                written: 0,
                error: None,
            }),
        };
        fill(&mut w);
        w.spill(true);
        let sink = w.sink.take().expect("a file to write");
        if let Some(err) = sink.error {
            return Err(err);
        }
        sink.file.rewind()?;
        sink.file
            .write_all(&header(name, version, sink.written, sink.sum.finish()))
    })
}

/// Flips a bit of the file's last byte, as damage would (tests of the caches that read these files).
#[cfg(test)]
pub fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).expect("a file to damage");
    let end = bytes.len() - 1;
    bytes[end] ^= 1;
    std::fs::write(path, bytes).expect("written back");
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

    fn fill(w: &mut Writer) {
        w.u8(7);
        w.u32(70_000);
        w.u64(u64::MAX - 3);
        w.i64(-12);
        w.bytes(b"content/fr/a.md");
        w.id(&ObjectId::from_bytes_or_panic(&[9; 20]));
    }

    fn sample() -> Vec<u8> {
        let mut w = Writer::default();
        fill(&mut w);
        w.into_file(NAME, 3)
    }

    #[test]
    fn a_file_written_as_it_is_produced_is_the_file_made_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tandem").join("big.cache");
        // Enough to be sent to the file in several parts, none a multiple of the spill size.
        let many = |w: &mut Writer| {
            for n in 0..40_000u32 {
                w.bytes(&n.to_le_bytes()[..(n % 4) as usize]);
                w.u64(u64::from(n));
            }
            fill(w);
        };
        write_file(&path, NAME, 3, many).unwrap();
        let mut w = Writer::default();
        many(&mut w);
        let in_memory = w.into_file(NAME, 3);
        assert!(in_memory.len() > 4 * SPILL_AT);
        assert_eq!(std::fs::read(&path).unwrap(), in_memory);
        assert!(payload(&in_memory, NAME, 3).is_some());
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
        let mut r = Reader::new(&w.buf);
        assert_eq!(r.count(4), None);
    }
}
