//! The site's default branch, and ancestry checks against it (for `sync`'s warning about pins on unmerged branches).

use gix::ObjectId;

use super::GitRepo;
use crate::error::{Error, Result};

/// A branch and the commit at its tip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    /// The short name: `origin/main`, `main`.
    pub name: String,
    pub tip: ObjectId,
}

impl GitRepo {
    /// The branch translations are published from: what `origin/HEAD` points to (set by `git clone`), else a local
    /// `main`, else `master`; `None` when there is none of them.
    pub fn default_branch(&self) -> Option<Branch> {
        let candidates = [
            "refs/remotes/origin/HEAD",
            "refs/heads/main",
            "refs/heads/master",
        ];
        candidates.iter().find_map(|full| {
            let mut reference = self.repo.try_find_reference(*full).ok()??;
            let name = match reference.target() {
                gix::refs::TargetRef::Symbolic(target) => target.shorten().to_string(),
                gix::refs::TargetRef::Object(_) => reference.name().shorten().to_string(),
            };
            let tip = reference.peel_to_id().ok()?.detach();
            Some(Branch { name, tip })
        })
    }

    /// Whether `ancestor` is `descendant` or in its history.
    pub fn is_ancestor(&self, ancestor: ObjectId, descendant: ObjectId) -> Result<bool> {
        if ancestor == descendant {
            return Ok(true);
        }
        let base = self
            .repo
            .merge_base(ancestor, descendant)
            .map_err(Error::git)?;
        Ok(base.is_some_and(|base| base.detach() == ancestor))
    }
}
