//! The site being worked on: its repository, its resolved settings, and the pages found in the work tree.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::history::GitRepo;
use crate::pairing::{self, Inventory, Page};
use crate::site::config::{Layout, Requested, Settings, relative_slash};

pub struct Workspace {
    pub repo: GitRepo,
    /// The repository holding the source pages when it is another clone (`--source-repo`, `source_repo:`): pins,
    /// the sources' history and their text come from there.
    pub source_repo: Option<GitRepo>,
    pub settings: Settings,
    /// The directory paths on the command line are relative to (the current directory, or `-C DIR`).
    pub base_dir: PathBuf,
    /// With `--rev REV`: the folder holding that commit's files, removed when the workspace is dropped.
    pub snapshot: Option<tempfile::TempDir>,
    /// The folders listed while the site was detected, for the first inventory.
    listings: Listings,
}

impl Workspace {
    /// Opens the repository around `base_dir` and resolves the site's settings.
    pub fn open(base_dir: &Path, requested: &Requested) -> Result<Workspace> {
        Workspace::open_at(base_dir, requested, None)
    }

    /// Opens the workspace as it is at commit `rev` instead of the work tree (`--rev`): the pages, the config and the
    /// front matter come from that commit's tree, and `rev` replaces HEAD for history, caches and reports. The tree
    /// is written to a temporary folder for the run; paths on the command line keep their place in it.
    pub fn open_at(base_dir: &Path, requested: &Requested, rev: Option<&str>) -> Result<Workspace> {
        // A folder that is not there (`-C` mistyped) is said so, not "not inside a git repository".
        let base_dir = std::fs::canonicalize(base_dir)
            .map_err(|err| Error::io(base_dir.display().to_string(), &err))?;
        let repo = GitRepo::discover(&base_dir)?;
        let (repo, base_dir, snapshot) = match rev {
            None => (repo, base_dir, None),
            Some(rev) => {
                let commit = repo.resolve_revision(rev)?;
                let dir = tempfile::Builder::new()
                    .prefix("tandem-rev-")
                    .tempdir()
                    .map_err(|err| Error::io("tandem-rev", &err))?;
                repo.export_tree(commit, dir.path())?;
                let root = std::fs::canonicalize(dir.path())
                    .map_err(|err| Error::io(dir.path().display().to_string(), &err))?;
                let inside = base_dir
                    .strip_prefix(repo.workdir())
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let moved = root.join(inside);
                std::fs::create_dir_all(&moved)
                    .map_err(|err| Error::io(moved.display().to_string(), &err))?;
                (repo.at_commit(commit, root), moved, Some(dir))
            }
        };
        let listings = Listings::default();
        let settings = Settings::resolve(repo.workdir(), &base_dir, requested, &listings)?;
        let source_repo = match &settings.source_repo {
            Some(dir) => {
                let source = GitRepo::discover(dir)?;
                if source.workdir() != dir.as_path() {
                    return Err(Error::SourceRepoNotRoot {
                        path: dir.clone(),
                        root: source.workdir().to_path_buf(),
                    });
                }
                Some(source)
            }
            None => None,
        };
        // The history walks (and their cache) follow the content folders only.
        let mut scope: Vec<String> = settings.content_dirs.values().cloned().collect();
        scope.extend(settings.source_roots());
        scope.sort();
        scope.dedup();
        repo.set_scope(&scope);
        // The directives that skip a commit are matched while the commits are read for the history.
        for repo in std::iter::once(&repo).chain(source_repo.as_ref()) {
            repo.match_messages(&settings.skip_commits.told);
        }

        Ok(Workspace {
            repo,
            source_repo,
            settings,
            base_dir,
            snapshot,
            listings,
        })
    }

    /// The repository of the source pages: the source repository of a two-repository site, else this one.
    pub fn sources(&self) -> &GitRepo {
        self.source_repo.as_ref().unwrap_or(&self.repo)
    }

    /// The work tree a page of `lang` lives in.
    pub fn workdir_of(&self, lang: &str) -> &Path {
        if lang == self.settings.source {
            self.sources().workdir()
        } else {
            self.repo.workdir()
        }
    }

    /// Turns paths typed by the user (relative to the current directory) into repo-relative `/` paths. With a
    /// source repository, a path inside it is made relative to it.
    ///
    /// A relative path that names nothing from the folder tandem runs in, but a file or folder from the top of the
    /// repository, is read from the top: the paths tandem prints are (its reports, its `Next: tandem diff …`), and
    /// pasting one from a site kept in a sub-folder (`website/`) matched nothing.
    pub fn repo_paths(&self, paths: &[PathBuf]) -> Result<Vec<String>> {
        paths
            .iter()
            .map(|path| {
                let joined = self.base_dir.join(path);
                let mut absolute = normalize(&joined);
                if path.is_relative() && !absolute.exists() {
                    let from_top = normalize(&self.repo.workdir().join(path));
                    if from_top.exists() {
                        absolute = from_top;
                    }
                }
                if let Some(source) = &self.source_repo
                    && absolute.starts_with(source.workdir())
                {
                    return Ok(relative_slash(source.workdir(), &absolute));
                }
                if !absolute.starts_with(self.repo.workdir()) {
                    return Err(Error::PathOutsideRepo {
                        path: path.display().to_string(),
                    });
                }
                Ok(relative_slash(self.repo.workdir(), &absolute))
            })
            .collect()
    }

    /// Every page of every language, as found in the work tree(s) and classified by the layout.
    pub fn inventory(&self) -> Inventory {
        let settings = &self.settings;
        let languages: Vec<String> = settings.content_dirs.keys().cloned().collect();
        let mut folders: Vec<(String, bool)> = Vec::new();
        match &settings.layout {
            Layout::Folders(roots) => {
                for root in roots {
                    for (lang, dir) in &root.dirs {
                        folders.push((dir.clone(), *lang == settings.source));
                    }
                }
            }
            Layout::Suffix { roots, .. } => {
                for root in roots {
                    folders.push((root.clone(), false));
                }
            }
        }
        folders.sort();
        folders.dedup();
        let mut pages: Vec<Page> = Vec::new();
        let mut links: Vec<String> = Vec::new();
        let mut unreadable: Vec<String> = Vec::new();
        let mut odd_case_extensions: Vec<String> = Vec::new();
        for (dir, source_only) in &folders {
            // In a two-repository site the source folder is read in the source repository, the others here.
            let trees: Vec<(&Path, bool)> = match &self.source_repo {
                Some(source) if *source_only => vec![(source.workdir(), true)],
                Some(_) => vec![(self.repo.workdir(), false)],
                None => vec![(self.repo.workdir(), true)],
            };
            for (tree, sources_here) in trees {
                let listing = self.listings.take(tree, dir);
                unreadable.extend(listing.unreadable);
                // A page that is a symbolic link is never read: it could point out of the repository.
                links.extend(
                    listing
                        .links
                        .into_iter()
                        .filter(|path| settings.is_page(path)),
                );
                for path in listing.files {
                    if !settings.is_page(&path) {
                        if odd_case_extension(&path).is_some_and(|lower| settings.is_page(&lower))
                            && pairing::classify(&settings.layout, &languages, &path).is_some()
                        {
                            odd_case_extensions.push(path);
                        }
                        continue;
                    }
                    let Some((mut language, root, rel)) =
                        pairing::classify(&settings.layout, &languages, &path)
                    else {
                        continue;
                    };
                    // A page without a suffix in the language its front matter names (jekyll-polyglot's `lang:`).
                    if let Layout::Suffix {
                        unsuffixed,
                        language_key: Some(_),
                        ..
                    } = &settings.layout
                        && language == *unsuffixed
                        && let Some(said) =
                            crate::site::polyglot::page_language(&tree.join(&path), &languages)
                    {
                        language = said;
                    }
                    // The folder a file was found in must be its language's (a nested language folder owns its
                    // files); with a source repository, sources only there and translations only here — a
                    // translation fork's pages, at the source's paths, are the language whose folder here is the
                    // source's there.
                    let is_source = language == settings.source;
                    if self.source_repo.is_some() && is_source != sources_here {
                        match fork_language(&settings.layout, &settings.source, root) {
                            Some(_) if sources_here => language = settings.source.clone(),
                            Some(target) => language = target,
                            None => continue,
                        }
                        // Still the source's text, byte for byte: a page nobody translated yet (`source-copy`).
                        if let Some(source) = &self.source_repo
                            && !sources_here
                            && same_bytes(&tree.join(&path), &source.workdir().join(&path))
                        {
                            continue;
                        }
                    }
                    pages.push(Page {
                        language,
                        path,
                        root,
                        rel,
                    });
                }
            }
        }
        pages.sort();
        pages.dedup();
        let source_pages: Vec<&Page> = pages
            .iter()
            .filter(|p| p.language == settings.source)
            .collect();
        let source_suffixed = match &settings.layout {
            Layout::Suffix { .. } => {
                let suffixed = source_pages
                    .iter()
                    .filter(|p| !p.path.ends_with(p.rel.as_str()))
                    .count();
                suffixed * 2 > source_pages.len()
            }
            Layout::Folders(_) => false,
        };
        // Each language's suffix as most of its pages write it (`x.pt-BR.md`): the pages it lacks are named so.
        let mut spellings: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        if let Layout::Suffix { .. } = &settings.layout {
            for page in &pages {
                if let Some(tag) = pairing::layout::written_suffix(&page.path)
                    .filter(|tag| tag.eq_ignore_ascii_case(&page.language))
                {
                    *spellings
                        .entry(page.language.as_str())
                        .or_default()
                        .entry(tag)
                        .or_default() += 1;
                }
            }
        }
        let suffixes = spellings
            .into_iter()
            .filter_map(|(lang, counts)| {
                let (_, tag) = counts.into_iter().map(|(tag, n)| (n, tag)).max()?;
                (tag != lang).then(|| (lang.to_owned(), tag.to_owned()))
            })
            .collect();
        links.sort();
        links.dedup();
        unreadable.sort();
        unreadable.dedup();
        odd_case_extensions.sort();
        odd_case_extensions.dedup();
        // Kept while the pages are paired (by `check`, for its whole run): a large site's list would otherwise hold up
        // to twice the room it needs.
        pages.shrink_to_fit();
        Inventory {
            pages,
            source_suffixed,
            suffixes,
            links,
            unreadable,
            odd_case_extensions,
        }
    }
}

/// In a translation fork (the translations in this clone at the source's paths in the source clone), the target
/// language whose folder in content root `root` is the source's.
fn fork_language(layout: &Layout, source: &str, root: usize) -> Option<String> {
    let Layout::Folders(roots) = layout else {
        return None;
    };
    let dirs = &roots.get(root)?.dirs;
    let source_dir = dirs.get(source)?;
    dirs.iter()
        .find(|(lang, dir)| *lang != source && *dir == source_dir)
        .map(|(lang, _)| lang.clone())
}

/// Whether the two files exist and hold the same bytes (their sizes compared first).
fn same_bytes(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(ma), Ok(mb)) if ma.len() == mb.len() => {
            matches!((std::fs::read(a), std::fs::read(b)), (Ok(x), Ok(y)) if x == y)
        }
        _ => false,
    }
}

/// `path` with its extension in lower case, when that changes it (`intro.MD` → `intro.md`): a name the page patterns
/// (lower-case, as the generators' own globs) do not take, though a person reads it as a page.
pub fn odd_case_extension(path: &str) -> Option<String> {
    let (stem, ext) = path.rsplit_once('.')?;
    (!ext.contains('/') && ext.chars().any(|c| c.is_ascii_uppercase()))
        .then(|| format!("{stem}.{}", ext.to_ascii_lowercase()))
}

/// Lexical normalisation (`a/./b/../c` → `a/c`), without touching the disk.
pub(crate) fn normalize(path: &Path) -> PathBuf {
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

/// What a walk of a folder found: regular files, and symbolic links (never followed, never read).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Listing {
    pub files: Vec<String>,
    pub links: Vec<String>,
    /// Folders that could not be read (no permission): their pages are not in the listing.
    pub unreadable: Vec<String>,
}

/// The folders listed while a workspace is opened, by (tree, folder): the site's detection counts the pages of the
/// folders the inventory then lists, and each is walked once (on a warm run of a 5,000-page site the walks were a
/// quarter of the time, each folder walked three times). The inventory takes its listings: a later one walks again,
/// as files may have been written since.
#[derive(Default)]
pub struct Listings(std::cell::RefCell<std::collections::HashMap<(PathBuf, String), Listing>>);

impl Listings {
    /// The files under `dir` of the work tree at `root` (see [`list_entries`]), listed once.
    pub fn files(&self, root: &Path, dir: &str) -> Vec<String> {
        self.with(root, dir, |listing| listing.files.clone())
    }

    /// How many files under `dir` of the work tree at `root` answer `wanted` (none copied).
    pub fn count_files(&self, root: &Path, dir: &str, wanted: impl Fn(&str) -> bool) -> usize {
        self.with(root, dir, |listing| {
            listing.files.iter().filter(|f| wanted(f)).count()
        })
    }

    fn with<R>(&self, root: &Path, dir: &str, read: impl FnOnce(&Listing) -> R) -> R {
        let mut kept = self.0.borrow_mut();
        let listing = kept
            .entry((root.to_path_buf(), dir.to_owned()))
            .or_insert_with(|| list_entries(root, dir));
        read(listing)
    }

    /// The listing of `dir`, taken from those kept (or made now).
    fn take(&self, root: &Path, dir: &str) -> Listing {
        self.0
            .borrow_mut()
            .remove(&(root.to_path_buf(), dir.to_owned()))
            .unwrap_or_else(|| list_entries(root, dir))
    }
}

/// The regular files and the symbolic links under `dir` (repo-relative), repo-relative with `/`, sorted. Hidden files
/// and folders (`.name`) are skipped, and so is whatever git ignores (`.gitignore` files, `.git/info/exclude`): build
/// output such as `public/` is not content. No symbolic link is followed, to a file or a folder.
pub fn list_entries(repo_root: &Path, dir: &str) -> Listing {
    let mut out = Listing::default();
    let walk = ignore::WalkBuilder::new(repo_root.join(dir))
        .standard_filters(false)
        .hidden(true)
        .parents(true)
        .git_ignore(true)
        .git_exclude(true)
        .follow_links(false)
        .build();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            // A folder that cannot be read (`chmod 000`): its pages vanished without a word, translations read as
            // missing and sources' translations as orphans. Said, so that a warning names it.
            // Only a folder there that cannot be read: a content root not created yet (a language's blog folder
            // before its first post) is nothing to say.
            Err(err) => {
                let denied = err
                    .io_error()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::PermissionDenied);
                if denied && let Some(path) = error_path(&err) {
                    out.unreadable.push(relative_slash(repo_root, path));
                }
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_symlink() {
            out.links.push(relative_slash(repo_root, entry.path()));
        } else if file_type.is_file() {
            out.files.push(relative_slash(repo_root, entry.path()));
        }
    }
    out.files.sort();
    out.links.sort();
    out.unreadable.sort();
    out.unreadable.dedup();
    out
}

/// The path an error of a folder walk is about.
fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}

/// Whether repo-relative `path`, or a folder on the way to it, is a symbolic link: such a page is never read.
pub fn through_link(repo_root: &Path, path: &str) -> bool {
    first_link(repo_root, path).is_some()
}

/// The first part of repo-relative `path` (itself, or a folder on the way to it) that is a symbolic link, as a
/// repo-relative path.
pub fn first_link(repo_root: &Path, path: &str) -> Option<String> {
    let mut current = repo_root.to_path_buf();
    let mut rel = String::new();
    for part in path.split('/').filter(|part| !part.is_empty()) {
        current.push(part);
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str(part);
        if std::fs::symlink_metadata(&current).is_ok_and(|meta| meta.file_type().is_symlink()) {
            return Some(rel);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_detection_listed_is_listed_once_then_walked_again_after_the_inventory() {
        use crate::site::detect::has_mdx_extension;
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/en")).unwrap();
        std::fs::write(dir.path().join("content/en/a.md"), "a").unwrap();
        let listings = Listings::default();
        assert_eq!(
            listings.files(dir.path(), "content/en"),
            ["content/en/a.md"]
        );
        std::fs::write(dir.path().join("content/en/b.mdx"), "b").unwrap();
        // Detection and the inventory that follows it read one listing.
        assert_eq!(
            listings.count_files(dir.path(), "content/en", has_mdx_extension),
            0
        );
        assert_eq!(
            listings.take(dir.path(), "content/en").files,
            ["content/en/a.md"]
        );
        // Taken: a later inventory sees the files written since.
        assert_eq!(
            listings.take(dir.path(), "content/en").files,
            ["content/en/a.md", "content/en/b.mdx"]
        );
        assert_eq!(
            listings.count_files(dir.path(), "content/en", has_mdx_extension),
            1
        );
    }

    #[test]
    fn mdx_pages_are_known_by_their_extension_in_any_case() {
        use crate::site::detect::has_mdx_extension;
        for (name, mdx) in [
            ("docs/a.mdx", true),
            ("docs/A.MDX", true),
            ("docs/a.md", false),
            ("mdx", false),
            ("docs/é.mdx", true),
            ("docs/aé", false),
        ] {
            assert_eq!(has_mdx_extension(name), mdx, "{name}");
        }
    }
}
