//! The site being worked on: its repository, its resolved settings, and the pages found in the work tree.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::config::{Requested, Settings, relative_slash};
use crate::error::{Error, Result};
use crate::history::GitRepo;

pub struct Workspace {
    pub repo: GitRepo,
    pub settings: Settings,
    /// The directory paths on the command line are relative to (the current directory, or `-C DIR`).
    pub base_dir: PathBuf,
}

impl Workspace {
    /// Opens the repository around `base_dir` and resolves the site's settings.
    pub fn open(base_dir: &Path, requested: &Requested) -> Result<Workspace> {
        let base_dir = std::fs::canonicalize(base_dir).map_err(|_| Error::NotARepo {
            path: base_dir.to_path_buf(),
        })?;
        let repo = GitRepo::discover(&base_dir)?;
        let settings = Settings::resolve(repo.workdir(), &base_dir, requested)?;
        // The history walks (and their cache) follow the content folders only.
        repo.set_scope(&settings.content_dirs.values().cloned().collect::<Vec<_>>());
        Ok(Workspace {
            repo,
            settings,
            base_dir,
        })
    }

    /// Turns paths typed by the user (relative to the current directory) into repo-relative `/` paths.
    pub fn repo_paths(&self, paths: &[PathBuf]) -> Result<Vec<String>> {
        paths
            .iter()
            .map(|path| {
                let joined = self.base_dir.join(path);
                let absolute = normalize(&joined);
                if !absolute.starts_with(self.repo.workdir()) {
                    return Err(Error::PathOutsideRepo {
                        path: path.display().to_string(),
                    });
                }
                Ok(relative_slash(self.repo.workdir(), &absolute))
            })
            .collect()
    }

    /// Every page of every language, as found in the work tree.
    pub fn inventory(&self) -> Inventory {
        let settings = &self.settings;
        let mut pages = BTreeMap::new();
        for (lang, dir) in &settings.content_dirs {
            let found: BTreeSet<String> = list_files(&settings.repo_root, dir)
                .into_iter()
                .filter(|path| settings.is_page(path))
                .filter_map(|path| {
                    path.strip_prefix(dir.as_str())
                        .map(|rest| rest.trim_start_matches('/').to_owned())
                })
                .collect();
            pages.insert(lang.clone(), found);
        }
        // A language folder nested in another's (`content/` holding `content/fr/`) must not count the other's pages.
        let dirs: Vec<(String, String)> = settings
            .content_dirs
            .iter()
            .map(|(l, d)| (l.clone(), d.clone()))
            .collect();
        for (lang, dir) in &dirs {
            for (other_lang, other_dir) in &dirs {
                if other_lang == lang || dir.is_empty() && other_dir.is_empty() {
                    continue;
                }
                let prefix = if dir.is_empty() {
                    format!("{other_dir}/")
                } else if let Some(rest) = other_dir.strip_prefix(&format!("{dir}/")) {
                    format!("{rest}/")
                } else {
                    continue;
                };
                if let Some(set) = pages.get_mut(lang) {
                    set.retain(|p: &String| !p.starts_with(&prefix));
                }
            }
        }
        Inventory { pages }
    }
}

/// Pages per language: paths relative to that language's content folder.
#[derive(Debug, Default, Clone)]
pub struct Inventory {
    pub pages: BTreeMap<String, BTreeSet<String>>,
}

/// Lexical normalisation (`a/./b/../c` → `a/c`), without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Files under `dir` (repo-relative), repo-relative with `/`, sorted; hidden files and folders are skipped.
pub fn list_files(repo_root: &Path, dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![repo_root.join(dir)];
    while let Some(current) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if file_type.is_dir() {
                stack.push(path);
            } else if file_type.is_file() {
                out.push(relative_slash(repo_root, &path));
            }
        }
    }
    out.sort();
    out
}
