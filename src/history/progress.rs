//! Progress of the long history walks, reported to whoever wants to draw it: the library never prints; the command
//! layer passes a [`Progress`] that draws a bar on a terminal (or nothing).

/// The steps of a history job that can take more than a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading the commits of HEAD's history.
    LoadingCommits,
    /// Comparing commits with their parents (sync points from history).
    ComparingCommits,
    /// Counting the commits behind each sync point.
    CountingChanges,
}

/// Receives progress; every method has a default that does nothing.
pub trait Progress {
    /// A phase begins; `total` is the number of steps when known.
    fn start(&self, _phase: Phase, _total: Option<u64>) {}
    /// Steps done so far in the current phase.
    fn advance(&self, _done: u64) {}
    /// The current phase is over.
    fn finish(&self) {}
}

/// Progress that is not shown.
pub struct Silent;

impl Progress for Silent {}
