//! What every detector returns: the layout of one generator's site, with the evidence for each decision, so `init`
//! can write it down and `-v` can say it.

use std::collections::BTreeMap;
use std::path::Path;

use crate::i18n::Message;
use crate::pairing::layout::{Layout, is_language_tag};
use crate::site::config::{DetectedFrom, LayoutKind, relative_slash};

/// Why a setting has its value: a message id and its arguments (`defaultContentLanguage in config.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Evidence {
    pub fn new(id: &'static str) -> Self {
        Evidence {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn message(&self) -> Message {
        self.args
            .iter()
            .fold(Message::new(self.id), |m, (name, value)| {
                m.arg(name, value.clone())
            })
    }
}

/// What a detector found.
#[derive(Debug, Clone)]
pub struct Detected {
    pub from: DetectedFrom,
    pub layout: Layout,
    pub layout_kind: LayoutKind,
    /// Language → its main content folder, repo-relative.
    pub content_dirs: BTreeMap<String, String>,
    /// The source language when the generator says which it is.
    pub source: Option<(String, Evidence)>,
    pub languages: Evidence,
    pub base_url: Option<(String, Evidence)>,
    /// Whether the generator writes MDX (`.mdx` pages count).
    pub mdx: bool,
    /// The front-matter flag marking pages meant to be translated, when a config names it.
    pub translatable_flag: Option<(String, Evidence)>,
}

/// What every detector may look at.
pub struct Probe<'a> {
    pub repo_root: &'a Path,
    pub site_root: &'a Path,
    /// The folders listed (kept for the inventory).
    pub listings: &'a crate::site::workspace::Listings,
}

impl Probe<'_> {
    pub fn rel(&self, path: &Path) -> String {
        relative_slash(self.repo_root, path)
    }

    /// A path relative to the site root, for evidence (`config.toml`, `config/_default/languages.yaml`).
    pub fn site_rel(&self, path: &Path) -> String {
        relative_slash(self.site_root, path)
    }
}

/// Sub-folders of `dir` whose names are language tags, sorted, as written on disk.
pub fn language_folders(dir: &Path) -> Vec<String> {
    sub_folders(dir)
        .into_iter()
        .filter(|name| is_language_tag(name))
        .collect()
}

/// The sub-folders of `dir` by name, as written on disk, sorted; hidden ones (`.git`) left out.
pub fn sub_folders(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    found.sort();
    found
}

/// Whether a file name is a page by its extension (before `include`/`exclude`).
pub fn page_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".md", ".mdx", ".markdown", ".html"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Whether a file is an MDX page by its name.
pub fn has_mdx_extension(path: &str) -> bool {
    path.len() >= 4
        && path.is_char_boundary(path.len() - 4)
        && path[path.len() - 4..].eq_ignore_ascii_case(".mdx")
}
