//! Byte strings appended one after another and read back by their place: held in memory up to a size, then written
//! on to an unnamed temporary file, so that what a long run accumulates for its end (the verdicts the refine cache
//! saves) does not stay in the process's memory. A file that cannot be made or written keeps the rest in memory:
//! nothing appended is ever lost.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::PathBuf;

/// Once spilling, what is appended is written out in pieces of this size (or of the limit, if smaller).
const PIECE: usize = 1 << 20;

pub struct Spill {
    /// Where the temporary file goes (created if missing).
    dir: PathBuf,
    /// Bytes held in memory before the first write to the file.
    limit: usize,
    /// What has not been written to the file: the bytes from `written` on.
    memory: Vec<u8>,
    file: Option<File>,
    written: u64,
    /// The file could not be made or written: everything stays in memory.
    failed: bool,
}

impl Spill {
    pub fn new(dir: PathBuf, limit: usize) -> Spill {
        Spill {
            dir,
            limit,
            memory: Vec::new(),
            file: None,
            written: 0,
            failed: false,
        }
    }

    /// Appends `bytes`; their place, for [`Spill::get`].
    pub fn push(&mut self, bytes: &[u8]) -> Range<u64> {
        let start = self.written + self.memory.len() as u64;
        let most = if self.file.is_some() {
            PIECE.min(self.limit)
        } else {
            self.limit
        };
        // Written out before the memory would pass its share (and, growing, take twice that room).
        if !self.failed && !self.memory.is_empty() && self.memory.len() + bytes.len() > most {
            self.write_out();
        }
        self.memory.extend_from_slice(bytes);
        start..start + bytes.len() as u64
    }

    fn write_out(&mut self) {
        if self.file.is_none() {
            self.file = std::fs::create_dir_all(&self.dir)
                .and_then(|()| tempfile::tempfile_in(&self.dir))
                .ok();
        }
        // A write that fails half-way leaves the file's end unused: those bytes are still in memory.
        // Reading back moves the file's position: writing starts where the last write ended.
        let wrote = match &mut self.file {
            Some(file) => file
                .seek(SeekFrom::Start(self.written))
                .and_then(|_| file.write_all(&self.memory))
                .is_ok(),
            None => false,
        };
        if wrote {
            self.written += self.memory.len() as u64;
            self.memory.clear();
            self.memory.shrink_to(PIECE);
        } else {
            self.failed = true;
        }
    }

    /// The bytes appended at `at`; `None` for a place this spill never gave, or a file that cannot be read back.
    pub fn get(&self, at: Range<u64>) -> Option<Cow<'_, [u8]>> {
        if at.start >= self.written {
            let from = usize::try_from(at.start - self.written).ok()?;
            let to = usize::try_from(at.end - self.written).ok()?;
            return self.memory.get(from..to).map(Cow::Borrowed);
        }
        if at.end > self.written {
            return None;
        }
        let mut file = self.file.as_ref()?;
        let mut bytes = vec![0; usize::try_from(at.end - at.start).ok()?];
        file.seek(SeekFrom::Start(at.start)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        Some(Cow::Owned(bytes))
    }

    /// Bytes held in memory now.
    pub fn in_memory(&self) -> usize {
        self.memory.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: usize) -> Vec<u8> {
        format!("verdict {n} ").repeat(n % 7 + 1).into_bytes()
    }

    #[test]
    fn what_is_appended_reads_back_from_memory_and_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().join("tandem"), 100);
        let mut places = Vec::new();
        for n in 0..50 {
            places.push(spill.push(&text(n)));
            // Read back as they come: reading does not move where the next bytes are written.
            let first = spill.get(places[0].clone()).unwrap();
            assert_eq!(first.as_ref(), text(0).as_slice());
        }
        assert!(
            spill.in_memory() < 100,
            "past the limit, the bytes went to the file"
        );
        for (n, at) in places.iter().enumerate() {
            assert_eq!(spill.get(at.clone()).unwrap().as_ref(), text(n).as_slice());
        }
        assert!(spill.get(0..u64::MAX).is_none());
        // The file is unnamed: nothing is left in the folder.
        assert_eq!(
            std::fs::read_dir(dir.path().join("tandem"))
                .unwrap()
                .count(),
            0
        );
    }

    #[test]
    fn a_folder_that_cannot_be_made_keeps_everything_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, b"not a folder").unwrap();
        let mut spill = Spill::new(blocker.join("tandem"), 10);
        let places: Vec<_> = (0..20).map(|n| spill.push(&text(n))).collect();
        assert!(spill.in_memory() > 10);
        for (n, at) in places.iter().enumerate() {
            assert_eq!(spill.get(at.clone()).unwrap().as_ref(), text(n).as_slice());
        }
    }
}
