//! Errors that stop the whole job, and the exit codes (all of them live here).
//!
//! An error names what is wrong (the file, the commit, the key) and, where there is one, the fix. Its text comes
//! from the message catalogs: [`Error::message`] gives the message id and arguments, rendered in the chosen language.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::{Message, Messages};

/// Process exit codes, documented in the README.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Nothing to report.
    Clean = 0,
    /// Findings: `check`, `compare`, `status --exit-code`.
    Findings = 1,
    /// The tool could not do its job: bad config, not a repository, shallow clone where history is needed, bad flag.
    Failure = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// What stops a whole command. Problems with one page are not errors: they make that page `unknown`.
/// What a page that is not UTF-8 text is instead, for the fix to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// UTF-16 with its byte-order mark (a Windows tool's "Unicode").
    Utf16,
    /// NUL bytes: not text at all.
    Binary,
    /// Text in another 8-bit encoding (Latin-1, Windows-1252), or damaged UTF-8.
    OtherEncoding,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not a git repository: {path}")]
    NotARepo { path: PathBuf },
    #[error("the repository has no commits yet: {path}")]
    NoCommits { path: PathBuf },
    #[error("the repository has no work tree: {path}")]
    BareRepo { path: PathBuf },
    #[error("no languages found under {root}")]
    NoLanguages {
        root: String,
        /// A `tandem.yaml` that would work, built from the folders seen.
        example: String,
        /// The site is Pelican's (`pelicanconf.py`), whose translations pair by a header tandem does not read.
        pelican: bool,
    },
    #[error("only one language found: {lang}")]
    OneLanguage {
        lang: String,
        /// The site is Docusaurus's: its translations live in `i18n/<lang>/`, which the hint names.
        docusaurus: bool,
    },
    /// No site at the repository's top and several below it (`docs/`, `website/`), no `tandem.yaml` saying which.
    #[error("several sites in this repository: {sites:?}")]
    SeveralSites { sites: Vec<String> },
    /// The site's folder, below the repository's top, is a git submodule (or a clone of its own): its pages have their
    /// own history, which the parent's is not. `dir`: repo-relative, no trailing `/`.
    #[error("{dir}/ is a git submodule")]
    SiteIsSubmodule { dir: String },
    #[error("unknown language {lang}")]
    UnknownLanguage { lang: String, known: String },
    /// `--lang` names the source language.
    #[error("{lang} is the source language")]
    SourceLanguageGiven { lang: String, targets: String },
    #[error("cannot read {path}: {detail:?}")]
    ConfigParse { path: String, detail: Message },
    #[error("unknown key {key} in {path}")]
    ConfigUnknownKey {
        path: String,
        key: String,
        suggestion: Option<String>,
    },
    #[error("bad value for {key} in {path}: {detail:?}")]
    ConfigValue {
        path: String,
        key: String,
        /// Why, as a message of its own (its arguments, or another crate's text quoted).
        detail: Message,
    },
    #[error("the clone is shallow")]
    ShallowHistory,
    /// A revision that does not resolve; in a shallow clone (`shallow`) it may lie beyond the clone's history.
    #[error("unknown revision {rev}")]
    UnknownRevision { rev: String, shallow: bool },
    #[error("{path} is outside the repository")]
    PathOutsideRepo { path: String },
    #[error("{path}: {detail}")]
    Io {
        path: String,
        detail: String,
        /// What went wrong, said in the interface's language where it is a common case (no such file).
        kind: Option<std::io::ErrorKind>,
    },
    #[error("git: {detail}")]
    Git { detail: String },
    #[error("{path} is not empty")]
    DirNotEmpty { path: String },
    #[error("{rev} shares no history with HEAD")]
    UnrelatedBase { rev: String },
    #[error("{path} is not a page of the site")]
    NotAPage { path: String },
    /// `diff --section ID` names no section of the page.
    #[error("{page} has no section {id}")]
    UnknownSection {
        id: String,
        page: String,
        known: String,
    },
    /// A PATH argument under which there is no source page, no translation and no expected translation.
    /// `language`: the PATH is also one of the site's language codes (`tandem status fr`).
    #[error("no page at or under {path}")]
    NoPageUnder { path: String, language: bool },
    #[error("{path} is under {dir}, the {lang} pages, not {asked}")]
    PageOfAnotherLanguage {
        path: String,
        dir: String,
        lang: String,
        asked: String,
    },
    /// `compare` given two paths where no file is.
    #[error("neither {source_path} nor {translation} exists")]
    ComparedFilesMissing {
        source_path: String,
        translation: String,
    },
    /// `compare` given one file twice.
    #[error("{path} compared with itself")]
    ComparedWithItself { path: String },
    #[error("{path} has translations in several languages")]
    AmbiguousPage { path: String, languages: String },
    #[error("the source repository {path} is not the root of its clone ({root})")]
    SourceRepoNotRoot { path: PathBuf, root: PathBuf },
    /// The source language's folder is not there (in the source clone when there is one): every translation would be
    /// an orphan.
    #[error("the source folder {path} does not exist")]
    SourceFolderMissing { path: String, other_clone: bool },
    #[error("cannot read the mapping file {path}: {detail:?}")]
    MapFile { path: String, detail: Message },
    #[error("{path}: {error}")]
    FrontMatterEdit {
        path: String,
        error: crate::markdown::edit::EditError,
    },
    #[error("cancelled")]
    Cancelled,
    #[error("sync needs pages")]
    /// `example`: a translation of this site to name (a stale one first), quoted for the shell.
    SyncNeedsPages { example: String },
    #[error("{flag} needs a terminal")]
    NeedsTerminal { flag: String },
    #[error("no translation under {paths}")]
    NothingToSync { paths: String },
    /// `sync` given an orphaned translation: its source is gone, so there is no source commit to pin.
    #[error("{path} is orphaned")]
    SyncOrphan { path: String },
    #[error("{path} is not translated yet")]
    SyncMissing {
        path: String,
        source_page: String,
        language: String,
    },
    #[error("{rev} is not in the history of HEAD")]
    NotAnAncestor { rev: String },
    #[error("{path} is not committed")]
    SourceNotCommitted { path: String },
    #[error("{path} already exists")]
    TranslationExists { path: String },
    #[error("{path} is not a source page")]
    NotASourcePage {
        path: String,
        language: String,
        /// The page does not exist at all (a misspelt name), said as such.
        missing: bool,
        /// For a translation given instead of its source: that source.
        source_page: Option<String>,
    },
    #[error("{path} is a symbolic link")]
    SymlinkPage { path: String },
    /// A file to write is read-only: it is not replaced.
    #[error("{path} is read-only")]
    ReadOnlyFile { path: String },
    /// The folder a file goes in does not take a new file (checked before any write).
    #[error("cannot write {path} in {folder}")]
    FolderNotWritable {
        path: String,
        folder: String,
        detail: String,
        kind: std::io::ErrorKind,
    },
    /// A write failed after others succeeded: `written` keep their changes.
    #[error("{error} (after writing {written:?})")]
    WrittenBefore {
        error: Box<Error>,
        written: Vec<String>,
    },
    /// `scaffold` would write the translation through a symbolic link (`link`: the translation or a folder on its
    /// way), which may lead outside the repository.
    #[error("{link} is a symbolic link")]
    WriteThroughLink { path: String, link: String },
    /// `compare` given a path that is no regular file (a folder, a submodule, a named pipe). `kind`: the message id
    /// saying what it is.
    #[error("{path} is not a page file")]
    ComparedNotAFile { path: String, kind: &'static str },
    /// `--config` names something that is no regular file.
    #[error("{path} is not a config file")]
    ConfigNotAFile { path: String, kind: &'static str },
    /// A config file the site is read from (`hugo.yaml`, `tandem.yaml`) is a broken link, a link loop or a folder:
    /// skipped, it turned a French-source site into an English one.
    #[error("{path} is not a config file")]
    SiteConfigNotAFile { path: String, kind: &'static str },
    /// `tasks --out` names something that is no folder.
    #[error("{path} is not a folder")]
    OutNotAFolder { path: String, kind: &'static str },
    /// `status --out` names a page of the site: the report would replace it.
    #[error("{path} is a page of the site")]
    OutIsAPage { path: String },
    /// `--out` names a file git or the site is read from (`.git/HEAD`, `hugo.yaml`, `tandem.yaml`).
    #[error("--out {path} is a file the site or git is read from")]
    OutProtected { path: String, what: &'static str },
    /// `tasks --out DIR` names a folder in the site's content: the task files would be pages.
    #[error("--out {path} is in the site's content")]
    OutInContent { path: String },
    /// A page to edit or copy is a Git LFS pointer: the page itself was not pulled.
    #[error("{path} is a Git LFS pointer")]
    LfsPointer { path: String },
    /// A page to edit or copy that is not UTF-8 text (Latin-1, UTF-16, binary): tandem writes UTF-8 only.
    #[error("{path}:{line}: not UTF-8 text")]
    NotUtf8 {
        path: String,
        line: usize,
        encoding: NotText,
    },
    /// `scaffold --slug` given something else than a file name (a folder, `..`, nothing).
    #[error("--slug {slug} is not a file name")]
    BadSlug { slug: String },
    /// `scaffold` would write onto a page of the source language.
    #[error("{path} is a page of the source language")]
    ScaffoldOntoSource { path: String, language: String },
    #[error("choose a language")]
    LanguageNeeded { known: String },
    #[error("{path} already exists")]
    ConfigExists { path: String },
    #[error("init needs --yes")]
    InitNeedsYes,
    #[error("no command {name}")]
    NoSuchCommand { name: String, known: String },
}

impl Error {
    pub fn exit(&self) -> Exit {
        Exit::Failure
    }

    pub fn io(path: impl Into<String>, err: &std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            detail: err.to_string(),
            kind: Some(err.kind()),
        }
    }

    pub fn git(err: impl std::fmt::Display) -> Self {
        Error::Git {
            detail: err.to_string(),
        }
    }

    /// The message and, where the fix is known, the hint.
    pub fn message(&self) -> (Message, Option<Message>) {
        match self {
            Error::NotARepo { path } => (
                Message::new("error-not-a-repo").arg("path", path.display().to_string()),
                Some(Message::new("hint-not-a-repo")),
            ),
            Error::NoCommits { path } => (
                Message::new("error-no-commits").arg("path", path.display().to_string()),
                Some(Message::new("hint-no-commits")),
            ),
            Error::BareRepo { path } => (
                Message::new("error-bare-repo").arg("path", path.display().to_string()),
                Some(Message::new("hint-bare-repo")),
            ),
            Error::NoLanguages { root, pelican, .. } => (
                Message::new("error-no-languages").arg("root", root),
                Some(Message::new(if *pelican {
                    "hint-no-languages-pelican"
                } else {
                    "hint-no-languages-example"
                })),
            ),
            Error::SiteIsSubmodule { dir } => {
                (Message::new("error-site-submodule").arg("dir", dir), None)
            }
            Error::SeveralSites { sites } => (
                Message::new("error-several-sites").arg("sites", sites.join(", ")),
                Some(
                    Message::new("hint-several-sites")
                        .arg("first", sites[0].trim_end_matches('/').to_owned()),
                ),
            ),
            Error::OneLanguage { lang, docusaurus } => (
                Message::new("error-one-language").arg("lang", lang),
                Some(if *docusaurus {
                    Message::new("hint-one-language-docusaurus").arg("lang", lang)
                } else {
                    Message::new("hint-one-language").arg("lang", lang)
                }),
            ),
            Error::SourceLanguageGiven { lang, targets } => (
                Message::new("error-source-language-given").arg("lang", lang),
                Some(Message::new("hint-target-languages").arg("targets", targets)),
            ),
            Error::UnknownLanguage { lang, known } => (
                Message::new("error-unknown-language").arg("lang", lang),
                Some(Message::new("hint-known-languages").arg("known", known)),
            ),
            Error::ConfigParse { path, detail } => (
                Message::new("error-config-parse")
                    .arg("path", path)
                    .arg("detail", detail),
                Some(Message::new("hint-config")),
            ),
            Error::ConfigUnknownKey {
                path,
                key,
                suggestion,
            } => (
                Message::new("error-config-unknown-key")
                    .arg("path", path)
                    .arg("key", key),
                Some(match suggestion {
                    Some(valid) => Message::new("hint-did-you-mean").arg("key", valid),
                    None => Message::new("hint-config"),
                }),
            ),
            Error::ConfigValue { path, key, detail } => (
                Message::new("error-config-value")
                    .arg("path", path)
                    .arg("key", key)
                    .arg("detail", detail),
                Some(Message::new("hint-config")),
            ),
            Error::ShallowHistory => (
                Message::new("error-shallow"),
                Some(Message::new("hint-shallow")),
            ),
            Error::UnknownRevision {
                rev,
                shallow: false,
            } => (
                Message::new("error-unknown-revision").arg("rev", rev),
                Some(Message::new("hint-unknown-revision")),
            ),
            Error::UnknownRevision { rev, shallow: true } => (
                Message::new("error-unknown-revision-shallow").arg("rev", rev),
                Some(Message::new("hint-shallow")),
            ),
            Error::PathOutsideRepo { path } => (
                Message::new("error-path-outside-repo").arg("path", path),
                None,
            ),
            Error::Io { path, detail, kind } => {
                let said = match kind {
                    Some(std::io::ErrorKind::NotFound) => Some("io-not-found"),
                    Some(std::io::ErrorKind::PermissionDenied) => Some("io-permission-denied"),
                    Some(std::io::ErrorKind::IsADirectory) => Some("io-is-a-directory"),
                    Some(std::io::ErrorKind::NotADirectory) => Some("io-not-a-directory"),
                    _ => None,
                };
                let message = Message::new("error-io").arg("path", path);
                (
                    match said {
                        Some(id) => message.arg("detail", Message::new(id)),
                        None => message.arg("detail", detail),
                    },
                    (*kind == Some(std::io::ErrorKind::PermissionDenied))
                        .then(|| Message::new("hint-permission-denied")),
                )
            }
            Error::Git { detail } => (Message::new("error-git").arg("detail", detail), None),
            Error::UnrelatedBase { rev } => (
                Message::new("error-unrelated-base").arg("rev", rev),
                Some(Message::new("hint-unknown-revision")),
            ),
            Error::UnknownSection { id, page, known } => (
                Message::new("error-unknown-section")
                    .arg("id", id)
                    .arg("page", page),
                Some(Message::new("hint-known-sections").arg("known", known)),
            ),
            Error::NotAPage { path } => (
                Message::new("error-not-a-page").arg("path", path),
                Some(Message::new("hint-not-a-page")),
            ),
            Error::NoPageUnder { path, language } => (
                Message::new("error-no-page-under").arg("path", path.clone()),
                Some(if *language {
                    Message::new("hint-no-page-under-language").arg("lang", path)
                } else {
                    Message::new("hint-no-page-under")
                }),
            ),
            Error::PageOfAnotherLanguage {
                path,
                dir,
                lang,
                asked,
            } => (
                Message::new("error-page-of-another-language")
                    .arg("path", path.clone())
                    .arg("dir", dir.clone())
                    .arg("lang", lang.clone())
                    .arg("asked", asked.clone()),
                Some(Message::new("hint-page-of-another-language").arg("lang", lang.clone())),
            ),
            Error::ComparedWithItself { path } => (
                Message::new("error-compared-with-itself").arg("path", path),
                Some(Message::new("hint-compared-with-itself")),
            ),
            Error::ComparedFilesMissing {
                source_path,
                translation,
            } => (
                Message::new("error-compared-files-missing")
                    .arg("source", source_path)
                    .arg("translation", translation),
                Some(Message::new("hint-no-page-under")),
            ),
            Error::AmbiguousPage { path, languages } => (
                Message::new("error-ambiguous-page").arg("path", path),
                Some(Message::new("hint-ambiguous-page").arg("languages", languages)),
            ),
            Error::SourceRepoNotRoot { path, root } => (
                Message::new("error-source-repo-not-root")
                    .arg("path", path.display().to_string())
                    .arg("root", root.display().to_string()),
                Some(Message::new("hint-source-repo-not-root")),
            ),
            Error::SourceFolderMissing { path, other_clone } => (
                Message::new(if *other_clone {
                    "error-source-folder-missing-in-clone"
                } else {
                    "error-source-folder-missing"
                })
                .arg("path", path),
                Some(Message::new(if *other_clone {
                    "hint-source-folder-missing-in-clone"
                } else {
                    "hint-source-folder-missing"
                })),
            ),
            Error::MapFile { path, detail } => (
                Message::new("error-map-file")
                    .arg("path", path)
                    .arg("detail", detail),
                Some(Message::new("hint-map-file")),
            ),
            Error::DirNotEmpty { path } => (
                Message::new("error-dir-not-empty").arg("path", path),
                Some(Message::new("hint-dir-not-empty")),
            ),
            Error::FrontMatterEdit { path, error } => (error.message(path), Some(error.hint())),
            Error::Cancelled => (Message::new("error-cancelled"), None),
            Error::NeedsTerminal { flag } => (
                Message::new("error-needs-terminal").arg("flag", flag),
                Some(Message::new("hint-needs-terminal")),
            ),
            Error::SyncNeedsPages { example } => (
                Message::new("error-sync-needs-pages"),
                Some(Message::new("hint-sync-needs-pages").arg("page", example)),
            ),
            Error::SyncMissing {
                path,
                source_page,
                language,
            } => (
                Message::new("error-sync-missing").arg("path", path),
                Some(
                    Message::new("hint-sync-missing")
                        .arg("command", crate::util::shell::quote(source_page))
                        .arg("lang", language),
                ),
            ),
            Error::SyncOrphan { path } => (
                Message::new("error-sync-orphan").arg("path", path),
                Some(Message::new("hint-sync-orphan")),
            ),
            Error::NothingToSync { paths } => (
                Message::new("error-nothing-to-sync").arg("paths", paths),
                Some(Message::new("hint-nothing-to-sync")),
            ),
            Error::NotAnAncestor { rev } => (
                Message::new("error-not-an-ancestor").arg("rev", rev),
                Some(Message::new("hint-not-an-ancestor")),
            ),
            Error::SourceNotCommitted { path } => (
                Message::new("error-source-not-committed").arg("path", path),
                Some(Message::new("hint-source-not-committed")),
            ),
            Error::TranslationExists { path } => (
                Message::new("error-translation-exists").arg("path", path),
                Some(Message::new("hint-translation-exists")),
            ),
            Error::NotASourcePage {
                path,
                language,
                missing: true,
                ..
            } => (
                Message::new("error-no-such-page").arg("path", path),
                Some(Message::new("hint-no-such-page").arg("source", language)),
            ),
            Error::NotASourcePage {
                path,
                language,
                source_page,
                ..
            } => (
                Message::new("error-not-a-source-page")
                    .arg("path", path)
                    .arg("source", language),
                source_page
                    .as_ref()
                    .map(|source| Message::new("hint-not-a-source-page").arg("page", source)),
            ),
            Error::SymlinkPage { path } => (
                Message::new("error-symlink-page").arg("path", path),
                Some(Message::new("hint-symlink-page")),
            ),
            Error::ReadOnlyFile { path } => (
                Message::new("error-read-only-file").arg("path", path),
                Some(Message::new("hint-read-only-file").arg("path", path)),
            ),
            Error::FolderNotWritable {
                path,
                folder,
                detail,
                kind,
            } => (
                Message::new("error-folder-not-writable")
                    .arg("path", path)
                    .arg("folder", folder)
                    .arg(
                        "detail",
                        match kind {
                            std::io::ErrorKind::NotFound => Message::new("io-not-found").into(),
                            std::io::ErrorKind::PermissionDenied => {
                                Message::new("io-permission-denied").into()
                            }
                            std::io::ErrorKind::NotADirectory => {
                                Message::new("io-not-a-directory").into()
                            }
                            _ => crate::i18n::Arg::from(detail.as_str()),
                        },
                    ),
                Some(Message::new("hint-folder-not-writable").arg("folder", folder)),
            ),
            Error::WrittenBefore { error, .. } => error.message(),
            Error::WriteThroughLink { path, link } => {
                // The page itself, or a folder on its way: the fix differs.
                let kind = if path == link { "page" } else { "folder" };
                (
                    Message::new("error-write-through-link")
                        .arg("path", path)
                        .arg("link", link)
                        .arg("kind", kind),
                    Some(
                        Message::new("hint-write-through-link")
                            .arg("link", link)
                            .arg("kind", kind),
                    ),
                )
            }
            Error::ComparedNotAFile { path, kind } => (
                Message::new("error-compared-not-a-file")
                    .arg("path", path)
                    .arg("kind", Message::new(kind)),
                Some(Message::new("hint-compared-not-a-file")),
            ),
            Error::ConfigNotAFile { path, kind } => (
                Message::new("error-config-not-a-file")
                    .arg("path", path)
                    .arg("kind", Message::new(kind)),
                Some(Message::new("hint-config-not-a-file")),
            ),
            Error::SiteConfigNotAFile { path, kind } => (
                Message::new("error-site-config-not-a-file")
                    .arg("path", path)
                    .arg("kind", Message::new(kind)),
                Some(Message::new("hint-site-config-not-a-file")),
            ),
            Error::OutInContent { path } => (
                Message::new("error-out-in-content").arg("path", path),
                Some(Message::new("hint-out-in-content")),
            ),
            Error::OutProtected { path, what } => (
                Message::new("error-out-protected")
                    .arg("path", path)
                    .arg("what", *what),
                Some(Message::new("hint-out-protected")),
            ),
            Error::OutIsAPage { path } => (
                Message::new("error-out-is-a-page").arg("path", path),
                Some(Message::new("hint-out-is-a-page")),
            ),
            Error::OutNotAFolder { path, kind } => (
                Message::new("error-out-not-a-folder")
                    .arg("path", path)
                    .arg("kind", Message::new(kind)),
                Some(Message::new("hint-out-not-a-folder")),
            ),
            Error::LfsPointer { path } => (
                Message::new("error-lfs-pointer").arg("path", path),
                Some(Message::new("hint-lfs-pointer")),
            ),
            Error::NotUtf8 {
                path,
                line,
                encoding,
            } => {
                let encoding = match encoding {
                    NotText::Utf16 => "utf-16",
                    NotText::Binary => "binary",
                    NotText::OtherEncoding => "other",
                };
                (
                    Message::new("error-not-utf8")
                        .arg("path", path)
                        .arg("line", *line)
                        .arg("encoding", encoding),
                    Some(Message::new("hint-not-utf8").arg("encoding", encoding)),
                )
            }
            Error::BadSlug { slug } => (
                Message::new("error-bad-slug").arg("slug", slug),
                Some(Message::new("hint-bad-slug")),
            ),
            Error::ScaffoldOntoSource { path, language } => (
                Message::new("error-scaffold-onto-source")
                    .arg("path", path)
                    .arg("source", language),
                Some(Message::new("hint-scaffold-onto-source")),
            ),
            Error::LanguageNeeded { known } => (
                Message::new("error-language-needed"),
                Some(Message::new("hint-language-needed").arg("known", known)),
            ),
            Error::ConfigExists { path } => (
                Message::new("error-config-exists").arg("path", path),
                Some(Message::new("hint-config-exists")),
            ),
            Error::NoSuchCommand { name, known } => (
                Message::new("error-no-such-command").arg("name", name),
                Some(Message::new("hint-commands").arg("known", known)),
            ),
            Error::InitNeedsYes => (
                Message::new("error-init-needs-yes"),
                Some(Message::new("hint-init-needs-yes")),
            ),
        }
    }

    /// One line for people: `error: … — hint`.
    pub fn render(&self, messages: &Messages) -> String {
        let (message, hint) = self.message();
        let mut line = messages.with(
            "error-line",
            &[("message", messages.render(&message).into())],
        );
        if let Some(hint) = hint {
            line.push_str(" — ");
            line.push_str(&messages.render(&hint));
        }
        // A write that failed after others: which files keep their changes.
        if let Error::WrittenBefore { written, .. } = self {
            line.push_str("\n    ");
            line.push_str(&messages.with(
                "error-written-before",
                &[
                    ("count", written.len().into()),
                    ("files", written.join(", ").into()),
                ],
            ));
        }
        // The one place an error shows more than a line: the `tandem.yaml` that would work, ready to copy.
        if let Error::NoLanguages { example, .. } = self {
            for example_line in example.lines() {
                line.push_str("\n    ");
                line.push_str(example_line);
            }
        }
        line
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
