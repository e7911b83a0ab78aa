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

    /// A revision to compare with (`check --base`): `rev` itself, else — when it names nothing here and the remote
    /// `origin` has a branch of that name — `origin/<rev>`, as `git checkout main` finds `origin/main` in a clone that
    /// has no local `main` (a CI runner's). The commit, and the name it was found under.
    pub fn resolve_base(&self, rev: &str) -> Result<(ObjectId, String)> {
        match self.resolve_revision(rev) {
            Err(err @ Error::UnknownRevision { .. }) => {
                let remote = format!("refs/remotes/origin/{rev}");
                match self.repo.try_find_reference(remote.as_str()) {
                    Ok(Some(_)) => {
                        let name = format!("origin/{rev}");
                        Ok((self.resolve_revision(&name)?, name))
                    }
                    _ => Err(err),
                }
            }
            found => Ok((found?, rev.to_owned())),
        }
    }
}
