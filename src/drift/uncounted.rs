//! What only the source commits a verdict did not count changed (a `[skip-l10n]` title-case fix, a commit that
//! changed a mirrored key on both sides): such a section or front-matter key is not work for the translator, so
//! `status` and `diff` leave it out of a stale page's explanation.

use super::front_matter::{KeyChange, key_changes};
use crate::markdown::document::Document;

/// The source at the sync point and now, and its versions before and after each uncounted commit.
pub struct Uncounted<'a> {
    then: &'a Document,
    now: &'a Document,
    commits: Vec<(&'a Document, &'a Document)>,
    keys: Vec<Vec<KeyChange>>,
}

impl<'a> Uncounted<'a> {
    pub fn new(
        then: &'a Document,
        now: &'a Document,
        commits: Vec<(&'a Document, &'a Document)>,
    ) -> Uncounted<'a> {
        let keys = commits
            .iter()
            .map(|(before, after)| key_changes(before, after))
            .collect();
        Uncounted {
            then,
            now,
            commits,
            keys,
        }
    }

    /// Whether no uncounted commit was read (then nothing is theirs).
    pub fn is_empty(&self) -> bool {
        self.commits.is_empty()
    }

    /// The section `id` is one uncounted commit's alone: it reads at the sync point as before that commit, and now as
    /// after it (and that commit changed it).
    pub fn section(&self, id: &str) -> bool {
        let norm = |doc: &Document| {
            doc.sections
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.normalized())
        };
        let (then, now) = (norm(self.then), norm(self.now));
        self.commits.iter().any(|(before, after)| {
            let (b, a) = (norm(before), norm(after));
            b != a && b == then && a == now
        })
    }

    /// The front-matter key went from `old` to `new` in one uncounted commit.
    pub fn key(&self, key: &str, old: &Option<String>, new: &Option<String>) -> bool {
        self.keys.iter().any(|changes| {
            changes
                .iter()
                .any(|c| c.key == key && &c.old == old && &c.new == new)
        })
    }
}
