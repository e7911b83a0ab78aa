//! Writing history without the git program, for `tandem demo`: files go to the work tree, blobs, trees and commits
//! to a new repository, and the index is written at the end so that `git status` is clean.

use std::path::{Path, PathBuf};

use gix::ObjectId;

use crate::error::{Error, Result};

/// Commits changes one after another on the current branch of a new repository.
pub struct RepoWriter {
    repo: gix::Repository,
    workdir: PathBuf,
    tree: ObjectId,
    head: Option<ObjectId>,
}

/// The identity demo commits are made with.
const NAME: &str = "tandem demo";
const EMAIL: &str = "demo@tandem.invalid";

impl RepoWriter {
    /// Creates a repository in `dir` (which must exist).
    pub fn init(dir: &Path) -> Result<RepoWriter> {
        let repo = gix::init(dir).map_err(Error::git)?;
        Ok(RepoWriter {
            repo,
            workdir: dir.to_path_buf(),
            tree: ObjectId::empty_tree(gix::hash::Kind::Sha1),
            head: None,
        })
    }

    /// Writes (`Some`) or deletes (`None`) files and commits the result at `time` (seconds since the epoch).
    pub fn commit(
        &mut self,
        changes: &[(&str, Option<&str>)],
        message: &str,
        time: i64,
    ) -> Result<ObjectId> {
        let mut editor = self.repo.edit_tree(self.tree).map_err(Error::git)?;
        for (path, content) in changes {
            let on_disk = self.workdir.join(path);
            match content {
                Some(text) => {
                    if let Some(parent) = on_disk.parent() {
                        std::fs::create_dir_all(parent)
                            .map_err(|err| Error::io(parent.display().to_string(), &err))?;
                    }
                    std::fs::write(&on_disk, text)
                        .map_err(|err| Error::io(on_disk.display().to_string(), &err))?;
                    let blob = self.repo.write_blob(text.as_bytes()).map_err(Error::git)?;
                    editor
                        .upsert(*path, gix::object::tree::EntryKind::Blob, blob.detach())
                        .map_err(Error::git)?;
                }
                None => {
                    if on_disk.exists() {
                        std::fs::remove_file(&on_disk)
                            .map_err(|err| Error::io(on_disk.display().to_string(), &err))?;
                    }
                    editor.remove(*path).map_err(Error::git)?;
                }
            }
        }
        self.tree = editor.write().map_err(Error::git)?.detach();
        let signature = gix::actor::Signature {
            name: NAME.into(),
            email: EMAIL.into(),
            time: gix::date::Time::new(time, 0),
        };
        let mut committer_time = gix::date::parse::TimeBuf::default();
        let mut author_time = gix::date::parse::TimeBuf::default();
        let id = self
            .repo
            .commit_as(
                signature.to_ref(&mut committer_time),
                signature.to_ref(&mut author_time),
                "HEAD",
                message,
                self.tree,
                self.head,
            )
            .map_err(Error::git)?
            .detach();
        self.head = Some(id);
        Ok(id)
    }

    /// Writes the index of the last commit's tree.
    pub fn finish(self) -> Result<()> {
        let mut index = self.repo.index_from_tree(&self.tree).map_err(Error::git)?;
        index.write(Default::default()).map_err(Error::git)?;
        Ok(())
    }
}
