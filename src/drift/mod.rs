//! Pure: from the facts gathered about a pair (its kind, its sync point, the source's blob then and now) to a
//! verdict and the reason for it; what changed section by section; what the translation lacks.

pub mod align;
pub mod blocks;
pub mod front_matter;
pub mod judge;
pub mod replaced;
pub mod sections;
pub mod structure;
pub mod uncounted;

use serde::Serialize;

use crate::pairing::PairKind;

/// The verdict on one (source, language) pair. JSON `state`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Current,
    Stale,
    Missing,
    Orphaned,
    Unknown,
}

impl State {
    pub const ALL: [State; 5] = [
        State::Current,
        State::Stale,
        State::Missing,
        State::Orphaned,
        State::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Current => "current",
            State::Stale => "stale",
            State::Missing => "missing",
            State::Orphaned => "orphaned",
            State::Unknown => "unknown",
        }
    }
}

/// Why a pair got its verdict. JSON `reason`; docs/json.md lists them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// current: the source's bytes are the same as at the sync point.
    SourceUnchanged,
    /// current: the source changed since the sync point, but only its formatting (cosmetic filter).
    CosmeticOnly,
    /// current: the source's meaningful changes all came in commits marked `[skip-l10n]` (or the configured pattern).
    SkipDirective,
    /// current: the source's meaningful changes all came in commits that made the same change to the translation
    /// (the same front-matter key set to the same value): one commit, both sides.
    MirroredInTranslation,
    /// current: the source's meaningful changes since the sync point are all link or image targets that the
    /// translation already has (it followed a renamed page before its source did).
    AlreadyInTranslation,
    /// stale: the source's bytes differ from the sync point's.
    SourceChanged,
    /// stale, severity low: the source's only meaningful changes are to mirrored front-matter keys (`weight`, a
    /// version): values to copy, nothing to translate (`sync --mirrored` copies them).
    MirroredOnly,
    /// stale: the source did not exist yet at the sync point.
    SourceCreated,
    /// stale: the sync point says current, but the translation lacks content the source has (structure signals).
    Structure,
    /// stale (`--strict`): the source was renamed since the sync point; git's byte semantics count it as a change.
    SourceRenamed,
    /// missing: no translation file.
    NotTranslated,
    /// missing (`check --base`): the pull request deleted the translation, and its source stays.
    TranslationDeleted,
    /// missing: a translation fork's page (at the source's path, in this clone) still the source's text, byte for
    /// byte: nobody translated it yet.
    SourceCopy,
    /// orphaned: no source file.
    SourceNotFound,
    /// orphaned: the source the layout names exists, but a key or the map pairs it with another translation.
    SourcePairedElsewhere,
    /// unknown or orphaned: keys or the map tie this page to several pages of one language.
    PairingConflict,
    /// unknown (`--mode pin`): the translation has no pin.
    NoPin,
    /// unknown: no pin and no commit has touched the translation (it is not committed).
    NoSyncPoint,
    PinNotFound,
    PinAmbiguous,
    PinNotAncestor,
    /// `check --base`: the pin is in the history of HEAD but not on the base branch (a commit of the pull request
    /// itself, gone after a squash merge).
    PinNotOnBase,
    PinBeyondShallowBoundary,
    BadFrontMatter,
    /// The source's front matter does not parse, now or at the sync point: what changed cannot be shown.
    SourceBadFrontMatter,
    Unreadable,
    /// unknown: the file is a Git LFS pointer, the page itself not pulled.
    LfsPointer,
    MissingBlob,
}

impl Reason {
    pub const ALL: [Reason; 25] = [
        Reason::SourceUnchanged,
        Reason::CosmeticOnly,
        Reason::SkipDirective,
        Reason::MirroredInTranslation,
        Reason::AlreadyInTranslation,
        Reason::SourceChanged,
        Reason::MirroredOnly,
        Reason::SourceCreated,
        Reason::Structure,
        Reason::NotTranslated,
        Reason::TranslationDeleted,
        Reason::SourceCopy,
        Reason::SourceNotFound,
        Reason::NoPin,
        Reason::NoSyncPoint,
        Reason::PinNotFound,
        Reason::PinAmbiguous,
        Reason::PinNotAncestor,
        Reason::PinNotOnBase,
        Reason::PinBeyondShallowBoundary,
        Reason::BadFrontMatter,
        Reason::SourceBadFrontMatter,
        Reason::Unreadable,
        Reason::LfsPointer,
        Reason::MissingBlob,
    ];

    /// The reason as written in JSON and in the message catalogs (`reason-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Reason::SourceUnchanged => "source-unchanged",
            Reason::CosmeticOnly => "cosmetic-only",
            Reason::SkipDirective => "skip-directive",
            Reason::MirroredInTranslation => "mirrored-in-translation",
            Reason::AlreadyInTranslation => "already-in-translation",
            Reason::SourceChanged => "source-changed",
            Reason::MirroredOnly => "mirrored-only",
            Reason::SourceCreated => "source-created",
            Reason::Structure => "structure",
            Reason::SourceRenamed => "source-renamed",
            Reason::NotTranslated => "not-translated",
            Reason::TranslationDeleted => "translation-deleted",
            Reason::SourceCopy => "source-copy",
            Reason::SourceNotFound => "source-not-found",
            Reason::SourcePairedElsewhere => "source-paired-elsewhere",
            Reason::PairingConflict => "pairing-conflict",
            Reason::NoPin => "no-pin",
            Reason::NoSyncPoint => "no-sync-point",
            Reason::PinNotFound => "pin-not-found",
            Reason::PinAmbiguous => "pin-ambiguous",
            Reason::PinNotAncestor => "pin-not-ancestor",
            Reason::PinNotOnBase => "pin-not-on-base",
            Reason::PinBeyondShallowBoundary => "pin-beyond-shallow-boundary",
            Reason::BadFrontMatter => "bad-front-matter",
            Reason::SourceBadFrontMatter => "source-bad-front-matter",
            Reason::Unreadable => "unreadable",
            Reason::LfsPointer => "lfs-pointer",
            Reason::MissingBlob => "missing-blob",
        }
    }
}

/// A source file's identity at one point: its git blob id and, where known, its mode (`0o100644`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceBlob {
    pub id: [u8; 20],
    pub mode: Option<u32>,
}

impl SourceBlob {
    /// Equal bytes, and equal modes where both are known (git counts a mode change as a change).
    fn same_as(&self, other: &SourceBlob) -> bool {
        self.id == other.id
            && match (self.mode, other.mode) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// What is known about a pair before judging it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncFacts {
    /// A valid sync point, with the source as it was there (`None`: it did not exist) and as it is now.
    Known {
        at_sync: Option<SourceBlob>,
        now: Option<SourceBlob>,
    },
    /// No usable sync point, or the page could not be read.
    Unusable(Reason),
}

/// The byte-level verdict: stale iff the source at the sync point differs from the source now
/// (`git diff --quiet <sync>...HEAD -- <source>`).
pub fn byte_verdict(kind: PairKind, facts: &SyncFacts) -> (State, Reason) {
    match kind {
        PairKind::Missing => (State::Missing, Reason::NotTranslated),
        PairKind::Orphaned => (State::Orphaned, Reason::SourceNotFound),
        PairKind::Displaced => (State::Orphaned, Reason::SourcePairedElsewhere),
        PairKind::Conflict => (State::Unknown, Reason::PairingConflict),
        PairKind::ConflictOrphan => (State::Orphaned, Reason::PairingConflict),
        PairKind::Paired => match facts {
            SyncFacts::Unusable(reason) => (State::Unknown, *reason),
            SyncFacts::Known { at_sync, now } => match (at_sync, now) {
                (Some(then), Some(now)) if then.same_as(now) => {
                    (State::Current, Reason::SourceUnchanged)
                }
                (None, None) => (State::Current, Reason::SourceUnchanged),
                (None, Some(_)) => (State::Stale, Reason::SourceCreated),
                _ => (State::Stale, Reason::SourceChanged),
            },
        },
    }
}

/// Positions (into `seq`, in order) of one longest strictly increasing subsequence of `seq`; among equals the earliest
/// ends win: each position follows the earliest position before it that ends a subsequence one shorter with a smaller
/// value, and the subsequence read back ends at the earliest position that ends a longest one.
///
/// Positions are kept by the length of the longest subsequence they end (`ends[k]`: those ending one of `k + 1`, in
/// order). Along one length the values never rise (a later, greater one would end a longer subsequence), so the
/// positions with a smaller value are the end of that list and its last value is its least: both are found by binary
/// search. A page of 20,000 sections compared each position with every one before it (200 million comparisons).
pub(crate) fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let mut ends: Vec<Vec<usize>> = Vec::new();
    let mut previous = vec![usize::MAX; seq.len()];
    for (i, &value) in seq.iter().enumerate() {
        // The lengths whose least value is below this one: the first ones (least values rise with the length).
        let length = ends.partition_point(|at| seq[*at.last().expect("never empty")] < value);
        if length > 0 {
            let shorter = &ends[length - 1];
            previous[i] = shorter[shorter.partition_point(|&j| seq[j] >= value)];
        }
        match ends.get_mut(length) {
            Some(list) => list.push(i),
            None => ends.push(vec![i]),
        }
    }
    let Some(mut at) = ends.last().map(|list| list[0]) else {
        return Vec::new();
    };
    let mut out = vec![at];
    while previous[at] != usize::MAX {
        at = previous[at];
        out.push(at);
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blob(n: u8, mode: Option<u32>) -> Option<SourceBlob> {
        Some(SourceBlob { id: [n; 20], mode })
    }

    #[test]
    fn longest_increasing_positions() {
        assert_eq!(longest_increasing(&[0, 2, 1, 3]), vec![0, 1, 3]);
        assert!(longest_increasing(&[]).is_empty());
    }

    /// The quadratic search `longest_increasing` replaced: each position against every one before it.
    fn longest_increasing_by_every_pair(seq: &[usize]) -> Vec<usize> {
        let n = seq.len();
        let mut length = vec![1usize; n];
        let mut previous = vec![usize::MAX; n];
        for i in 0..n {
            for j in 0..i {
                if seq[j] < seq[i] && length[j] + 1 > length[i] {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
        }
        let Some(mut at) = (0..n).max_by_key(|&i| (length[i], std::cmp::Reverse(i))) else {
            return Vec::new();
        };
        let mut out = vec![at];
        while previous[at] != usize::MAX {
            at = previous[at];
            out.push(at);
        }
        out.reverse();
        out
    }

    #[test]
    fn longest_increasing_picks_what_comparing_every_pair_picked() {
        // Ties everywhere: repeated values, runs, reversals, several subsequences of the longest length.
        let mut random = crate::util::random::Xorshift::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5_000 {
            let draw = random.draw();
            let len = (draw % 24) as usize;
            let range = 1 + (draw >> 8) % 12;
            let seq: Vec<usize> = (0..len).map(|_| (random.draw() % range) as usize).collect();
            assert_eq!(
                longest_increasing(&seq),
                longest_increasing_by_every_pair(&seq),
                "{seq:?}"
            );
        }
        for seq in [vec![3, 2, 1, 0], vec![1, 1, 1], vec![0, 5, 1, 2, 6, 3, 4]] {
            assert_eq!(
                longest_increasing(&seq),
                longest_increasing_by_every_pair(&seq)
            );
        }
    }

    #[test]
    fn verdicts() {
        let known = |at_sync, now| SyncFacts::Known { at_sync, now };
        assert_eq!(
            byte_verdict(
                PairKind::Paired,
                &known(blob(1, Some(0o100644)), blob(1, None))
            ),
            (State::Current, Reason::SourceUnchanged)
        );
        assert_eq!(
            byte_verdict(PairKind::Paired, &known(blob(1, None), blob(2, None))),
            (State::Stale, Reason::SourceChanged)
        );
        assert_eq!(
            byte_verdict(
                PairKind::Paired,
                &known(blob(1, Some(0o100644)), blob(1, Some(0o100755)))
            ),
            (State::Stale, Reason::SourceChanged)
        );
        assert_eq!(
            byte_verdict(PairKind::Paired, &known(None, blob(2, None))),
            (State::Stale, Reason::SourceCreated)
        );
        assert_eq!(
            byte_verdict(PairKind::Paired, &SyncFacts::Unusable(Reason::PinNotFound)),
            (State::Unknown, Reason::PinNotFound)
        );
        assert_eq!(
            byte_verdict(PairKind::Missing, &SyncFacts::Unusable(Reason::NoSyncPoint)),
            (State::Missing, Reason::NotTranslated)
        );
        assert_eq!(
            byte_verdict(
                PairKind::Orphaned,
                &SyncFacts::Unusable(Reason::NoSyncPoint)
            ),
            (State::Orphaned, Reason::SourceNotFound)
        );
    }
}
