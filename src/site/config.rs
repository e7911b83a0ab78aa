//! `tandem.yaml` (DESIGN §4), the Hugo site config, and the detection of languages and content folders.
//!
//! What the user wrote (CLI flags, config file) is resolved here into [`Settings`]: absolute roots, known languages,
//! content folders per language. Commands only ever see `Settings`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::markdown::yaml::{self, Node, NodeKind};
pub use crate::pairing::layout::{ContentRoot, Layout, is_language_tag, suffix_language};

/// The name of the config file tandem looks for.
pub const CONFIG_FILE: &str = "tandem.yaml";

/// Front-matter keys read as pins when the config names none (OpenTelemetry's and MDN's conventions).
pub const DEFAULT_PIN_KEYS: [&str; 2] = ["default_lang_commit", "l10n.sourceCommit"];

/// Commit messages carrying this are ignored by the cosmetic filter unless the config says otherwise.
pub const DEFAULT_SKIP_PATTERN: &str = r"\[skip-l10n\]";

/// `tandem.yaml` as written. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub source: Option<String>,
    pub ui_language: Option<String>,
    pub languages: Option<Vec<String>>,
    pub layout: Option<String>,
    pub content: Option<Vec<String>>,
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub pin: Option<PinConfig>,
    pub pairing: Option<PairingConfig>,
    pub site: Option<SiteConfig>,
    pub history: Option<HistoryConfig>,
    pub check: Option<CheckConfig>,
    pub tasks: Option<TasksConfig>,
    pub scaffold: Option<ScaffoldConfig>,
    pub source_repo: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaffoldConfig {
    /// Front-matter fields `scaffold` marks for translation (default: title, description, linkTitle).
    pub translatable: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinConfig {
    pub key: Option<String>,
    pub drift_key: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairingConfig {
    pub key: Option<String>,
    pub map: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub base_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryConfig {
    pub skip_commits_matching: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    pub fail_on: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TasksConfig {
    pub labels: Option<Vec<String>>,
    pub reviewers: Option<String>,
}

/// Every valid key, as dotted paths: used to reject unknown keys with the nearest valid one.
pub const KNOWN_KEYS: &[&str] = &[
    "source",
    "ui_language",
    "languages",
    "layout",
    "content",
    "include",
    "exclude",
    "pin",
    "pin.key",
    "pin.drift_key",
    "pairing",
    "pairing.key",
    "pairing.map",
    "site",
    "site.base_url",
    "history",
    "history.skip_commits_matching",
    "check",
    "check.fail_on",
    "tasks",
    "tasks.labels",
    "tasks.reviewers",
    "scaffold",
    "scaffold.translatable",
    "source_repo",
];

impl FileConfig {
    /// Parses `tandem.yaml` text; `path` names the file in errors.
    pub fn parse(text: &str, path: &str) -> Result<FileConfig> {
        let tree = yaml::parse(text).map_err(|err| Error::ConfigParse {
            path: path.to_owned(),
            detail: err.to_string(),
        })?;
        if let Some(tree) = &tree {
            check_keys(tree, "", path)?;
        } else {
            return Ok(FileConfig::default());
        }
        let config: FileConfig =
            serde_saphyr::from_str(text).map_err(|err| Error::ConfigParse {
                path: path.to_owned(),
                detail: first_line(&err.to_string()),
            })?;
        if let Some(layout) = &config.layout
            && LayoutKind::parse(layout).is_none()
        {
            let supported: Vec<&str> = LayoutKind::ALL.iter().map(|k| k.as_str()).collect();
            return Err(Error::ConfigValue {
                path: path.to_owned(),
                key: "layout".into(),
                detail: format!("{layout} (supported: {})", supported.join(", ")),
            });
        }
        Ok(config)
    }
}

fn check_keys(node: &Node, prefix: &str, path: &str) -> Result<()> {
    let NodeKind::Map(entries) = &node.kind else {
        if prefix.is_empty() {
            return Err(Error::ConfigParse {
                path: path.to_owned(),
                detail: "expected a map of settings".into(),
            });
        }
        return Ok(());
    };
    for (key, value) in entries {
        let dotted = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        if !KNOWN_KEYS.contains(&dotted.as_str()) {
            return Err(Error::ConfigUnknownKey {
                path: path.to_owned(),
                key: dotted.clone(),
                suggestion: nearest_key(&dotted),
            });
        }
        if KNOWN_KEYS
            .iter()
            .any(|k| k.starts_with(&format!("{dotted}.")))
        {
            check_keys(value, &dotted, path)?;
        }
    }
    Ok(())
}

/// The valid key closest to `key` by edit distance, when it is close enough to be a typo.
fn nearest_key(key: &str) -> Option<String> {
    let (parent, leaf) = key.rsplit_once('.').unwrap_or(("", key));
    KNOWN_KEYS
        .iter()
        .filter(|candidate| {
            let candidate_parent = candidate.rsplit_once('.').map_or("", |(p, _)| p);
            candidate_parent == parent
        })
        .map(|candidate| {
            let candidate_leaf = candidate.rsplit_once('.').map_or(*candidate, |(_, l)| l);
            (edit_distance(leaf, candidate_leaf), *candidate)
        })
        .filter(|(distance, candidate)| *distance <= 3.max(candidate.len() / 3))
        .min()
        .map(|(_, candidate)| candidate.to_owned())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

fn first_line(text: &str) -> String {
    text.lines()
        .map(|line| line.trim_start_matches("error: ").trim())
        .find(|line| !line.is_empty())
        .unwrap_or("")
        .to_owned()
}

/// What a Hugo config says about languages.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HugoConfig {
    pub file: String,
    pub default_language: Option<String>,
    pub content_dir: Option<String>,
    /// Language → its `contentDir`, when set.
    pub languages: BTreeMap<String, Option<String>>,
    pub base_url: Option<String>,
}

/// Hugo config files, in the order Hugo reads them.
const HUGO_FILES: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
    "config/_default/hugo.toml",
    "config/_default/hugo.yaml",
    "config/_default/hugo.yml",
    "config/_default/hugo.json",
    "config/_default/config.toml",
    "config/_default/config.yaml",
    "config/_default/config.yml",
    "config/_default/config.json",
];

const HUGO_LANGUAGE_FILES: &[&str] = &[
    "config/_default/languages.toml",
    "config/_default/languages.yaml",
    "config/_default/languages.yml",
    "config/_default/languages.json",
];

/// Reads the Hugo config of the site at `site_root`, if there is one.
pub fn read_hugo_config(site_root: &Path) -> Result<Option<HugoConfig>> {
    let mut found: Option<HugoConfig> = None;
    for name in HUGO_FILES {
        let path = site_root.join(name);
        if !path.is_file() {
            continue;
        }
        let value = read_structured(&path, name)?;
        let mut config = HugoConfig {
            file: (*name).to_owned(),
            ..HugoConfig::default()
        };
        config.default_language = get_ci(&value, "defaultContentLanguage")
            .and_then(|v| v.as_str())
            .map(|s| s.to_ascii_lowercase());
        config.content_dir = get_ci(&value, "contentDir")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        config.base_url = get_ci(&value, "baseURL")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        if let Some(languages) = get_ci(&value, "languages") {
            add_languages(&mut config, languages);
        }
        found = Some(config);
        break;
    }
    for name in HUGO_LANGUAGE_FILES {
        let path = site_root.join(name);
        if path.is_file() {
            let value = read_structured(&path, name)?;
            let config = found.get_or_insert_with(|| HugoConfig {
                file: (*name).to_owned(),
                ..HugoConfig::default()
            });
            add_languages(config, &value);
            break;
        }
    }
    Ok(found)
}

fn add_languages(config: &mut HugoConfig, languages: &serde_json::Value) {
    if let Some(map) = languages.as_object() {
        for (lang, settings) in map {
            let content_dir = get_ci(settings, "contentDir")
                .and_then(|v| v.as_str())
                .map(|dir| dir.trim_end_matches('/').to_owned());
            config
                .languages
                .insert(lang.to_ascii_lowercase(), content_dir);
        }
    }
}

/// Hugo config keys are case-insensitive.
fn get_ci<'a>(value: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

fn read_structured(path: &Path, name: &str) -> Result<serde_json::Value> {
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(name, &err))?;
    let parse_error = |detail: String| Error::ConfigParse {
        path: name.to_owned(),
        detail,
    };
    if name.ends_with(".toml") {
        let doc = text
            .parse::<toml_edit::DocumentMut>()
            .map_err(|err| parse_error(first_line(&err.to_string())))?;
        Ok(toml_table_to_json(doc.as_table()))
    } else if name.ends_with(".json") {
        serde_json::from_str(&text).map_err(|err| parse_error(err.to_string()))
    } else {
        let value: Option<serde_json::Value> = serde_saphyr::from_str(&text)
            .map_err(|err| parse_error(first_line(&err.to_string())))?;
        Ok(value.unwrap_or(serde_json::Value::Null))
    }
}

fn toml_table_to_json(table: &toml_edit::Table) -> serde_json::Value {
    let map = table
        .iter()
        .filter_map(|(key, item)| toml_item_to_json(item).map(|v| (key.to_owned(), v)))
        .collect();
    serde_json::Value::Object(map)
}

fn toml_item_to_json(item: &toml_edit::Item) -> Option<serde_json::Value> {
    match item {
        toml_edit::Item::None => None,
        toml_edit::Item::Value(value) => Some(toml_value_to_json(value)),
        toml_edit::Item::Table(table) => Some(toml_table_to_json(table)),
        toml_edit::Item::ArrayOfTables(array) => Some(serde_json::Value::Array(
            array.iter().map(toml_table_to_json).collect(),
        )),
    }
}

fn toml_value_to_json(value: &toml_edit::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml_edit::Value::String(s) => J::String(s.value().clone()),
        toml_edit::Value::Integer(i) => J::from(*i.value()),
        toml_edit::Value::Float(f) => J::from(*f.value()),
        toml_edit::Value::Boolean(b) => J::Bool(*b.value()),
        toml_edit::Value::Datetime(d) => J::String(d.value().to_string()),
        toml_edit::Value::Array(array) => J::Array(array.iter().map(toml_value_to_json).collect()),
        toml_edit::Value::InlineTable(table) => J::Object(
            table
                .iter()
                .map(|(k, v)| (k.to_owned(), toml_value_to_json(v)))
                .collect(),
        ),
    }
}

/// Settings resolved from flags, `tandem.yaml`, the Hugo config and the folders on disk.
#[derive(Debug)]
pub struct Settings {
    /// The repository's work tree, absolute.
    pub repo_root: PathBuf,
    /// The site's folder, absolute: where `tandem.yaml` is (or goes), else the nearest folder with a Hugo or
    /// Docusaurus config or a `content/` folder, else the repository root. Config paths (`content`) are relative to it.
    pub site_root: PathBuf,
    /// The config file that was read, if any (repo-relative).
    pub config_file: Option<String>,
    pub source: String,
    /// Target languages, in order.
    pub targets: Vec<String>,
    /// Language → its main content folder, repo-relative with `/` (`content/fr`). With the suffix layout every
    /// language has the same folder; with Docusaurus, the docs folder. With a source repository, the source
    /// language's folder is relative to that repository.
    pub content_dirs: BTreeMap<String, String>,
    /// How pages are laid out, so which pages pair by path.
    pub layout: Layout,
    /// The layout as named in `tandem.yaml` or detected (`layout:` values).
    pub layout_kind: LayoutKind,
    pub pairing: PairingSettings,
    /// The work tree of the repository holding the source pages, when it is not this one (`--source-repo`,
    /// `source_repo:`), absolute.
    pub source_repo: Option<PathBuf>,
    pub include: GlobSet,
    pub exclude: GlobSet,
    /// The patterns `include` and `exclude` were built from (caches are keyed by them).
    pub page_patterns: (Vec<String>, Vec<String>),
    /// Front-matter keys read as pins, dotted for nested keys.
    pub pin_keys: Vec<String>,
    pub ui_language: Option<String>,
    /// The site's own base URL (`site.base_url`, else Hugo's `baseURL`): links on it equal root-relative ones.
    pub base_url: Option<String>,
    /// Commit messages matching one of these are ignored by the cosmetic filter (`history.skip_commits_matching`).
    pub skip_commits: Vec<regex::Regex>,
    /// Where each language came from, for `init` and `-v`.
    pub detected_from: DetectedFrom,
    pub file: FileConfig,
}

/// The `layout:` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    Dirs,
    Suffix,
    Docusaurus,
    Key,
    Map,
}

impl LayoutKind {
    pub const ALL: [LayoutKind; 5] = [
        LayoutKind::Dirs,
        LayoutKind::Suffix,
        LayoutKind::Docusaurus,
        LayoutKind::Key,
        LayoutKind::Map,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LayoutKind::Dirs => "dirs",
            LayoutKind::Suffix => "suffix",
            LayoutKind::Docusaurus => "docusaurus",
            LayoutKind::Key => "key",
            LayoutKind::Map => "map",
        }
    }

    fn parse(text: &str) -> Option<LayoutKind> {
        LayoutKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The front-matter keys read as translation keys when `pairing.key` is not set.
pub const DEFAULT_SHARED_KEY: &str = "translationKey";
/// The front-matter keys whose value names the other page (Canadian government Jekyll sites).
pub const DEFAULT_LINK_KEYS: [&str; 1] = ["altLangPage"];

/// How pages pair beyond their paths.
#[derive(Debug, Clone)]
pub struct PairingSettings {
    /// Whether pages pair by path (the layout's rule) when no map or key pairs them: off with `layout: key` and
    /// `layout: map`.
    pub by_path: bool,
    /// Front-matter keys whose value a page shares with its translations (`translationKey`, or `pairing.key`).
    pub shared_keys: Vec<String>,
    /// Front-matter keys whose value names the other page: a file name, a relative path or a URL (`altLangPage`).
    pub link_keys: Vec<String>,
    /// The mapping file (`pairing.map`): absolute path and its name for messages.
    pub map: Option<(PathBuf, String)>,
}

/// How the languages were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetectedFrom {
    HugoConfig,
    Folders,
    /// Language suffixes in file names (`x.fr.md`).
    FileNames,
    /// Docusaurus's `i18n/<lang>/` folders.
    Docusaurus,
}

/// What the user asked for on the command line, before resolution.
#[derive(Debug, Default)]
pub struct Requested {
    pub config: Option<PathBuf>,
    pub languages: Vec<String>,
    /// `--source-repo DIR`, relative to the directory tandem runs in.
    pub source_repo: Option<PathBuf>,
}

impl Settings {
    /// Resolves the settings of the site whose repository work tree is `repo_root`, starting from `start`
    /// (the directory tandem runs in, or `-C DIR`).
    pub fn resolve(repo_root: &Path, start: &Path, requested: &Requested) -> Result<Settings> {
        let (config_path, file) = load_config_file(repo_root, start, requested.config.as_deref())?;
        // The site root is where the config lives, else the nearest folder up to the repo root that has a Hugo
        // config (or a `content/` folder).
        let site_root = match &config_path {
            Some(path) => path.parent().unwrap_or(repo_root).to_path_buf(),
            None => find_site_root(repo_root, start),
        };
        let hugo = read_hugo_config(&site_root)?;
        let rel = |path: &Path| relative_slash(repo_root, path);
        let config_name = config_path.as_deref().map(rel);
        let config_label = config_name
            .clone()
            .unwrap_or_else(|| CONFIG_FILE.to_owned());
        let wanted_layout = file.layout.as_deref().and_then(LayoutKind::parse);

        // The other repository holding the sources: its work tree must be the root of a clone.
        let source_repo = match (&requested.source_repo, &file.source_repo) {
            (Some(dir), _) => Some(start.join(dir)),
            (None, Some(dir)) => Some(site_root.join(dir)),
            (None, None) => None,
        };
        let source_repo = match source_repo {
            Some(dir) => {
                let dir = std::fs::canonicalize(&dir)
                    .map_err(|_| Error::NotARepo { path: dir.clone() })?;
                // Paths of source pages are relative to the top of the source clone: a sub-folder would shift them.
                if !dir.join(".git").exists() {
                    return Err(match dir.ancestors().find(|a| a.join(".git").exists()) {
                        Some(root) => Error::SourceRepoNotRoot {
                            path: dir.clone(),
                            root: root.to_path_buf(),
                        },
                        None => Error::NotARepo { path: dir.clone() },
                    });
                }
                Some(dir)
            }
            None => None,
        };
        // In the source repository, the site sits where it sits in this one.
        let source_site_root = source_repo
            .as_ref()
            .map(|root| root.join(site_root.strip_prefix(repo_root).unwrap_or(Path::new(""))));

        let content_roots: Vec<PathBuf> = match (&file.content, &hugo) {
            (Some(roots), _) => roots.iter().map(|r| site_root.join(r)).collect(),
            (
                None,
                Some(HugoConfig {
                    content_dir: Some(dir),
                    ..
                }),
            ) => vec![site_root.join(dir)],
            _ => vec![site_root.join("content")],
        };

        let include_patterns: Vec<String> = file.include.clone().unwrap_or_else(|| {
            default_include(
                wanted_layout == Some(LayoutKind::Docusaurus)
                    || (wanted_layout.is_none() && is_docusaurus_site(&site_root)),
            )
        });
        let exclude_patterns: Vec<String> = file.exclude.clone().unwrap_or_default();
        let include = build_globs(&include_patterns, &config_label, "include")?;
        let exclude = build_globs(&exclude_patterns, &config_label, "exclude")?;
        let is_page = |path: &str| include.is_match(path) && !exclude.is_match(path);

        let mut content_dirs: BTreeMap<String, String> = BTreeMap::new();
        let mut detected_from = DetectedFrom::Folders;
        let mut layout: Option<Layout> = None;
        let mut layout_kind = wanted_layout.unwrap_or(LayoutKind::Dirs);

        let docusaurus = match wanted_layout {
            Some(LayoutKind::Docusaurus) => true,
            None => is_docusaurus_site(&site_root),
            _ => false,
        };
        if docusaurus {
            let source = file
                .source
                .as_ref()
                .map(|s| s.to_ascii_lowercase())
                .or_else(|| docusaurus_default_locale(&site_root))
                .unwrap_or_else(|| "en".to_owned());
            let roots = docusaurus_roots(&site_root, repo_root, &source);
            for root in &roots {
                for (lang, dir) in &root.dirs {
                    content_dirs
                        .entry(lang.clone())
                        .or_insert_with(|| dir.clone());
                }
            }
            detected_from = DetectedFrom::Docusaurus;
            layout_kind = wanted_layout.unwrap_or(LayoutKind::Docusaurus);
            layout = Some(Layout::Folders(roots));
        }

        let suffix_wanted = wanted_layout == Some(LayoutKind::Suffix);
        if layout.is_none() && !suffix_wanted {
            if let Some(hugo) = &hugo {
                let with_dirs: Vec<_> = hugo
                    .languages
                    .iter()
                    .filter_map(|(lang, dir)| dir.as_ref().map(|d| (lang, d)))
                    .collect();
                if with_dirs.len() >= 2 && file.content.is_none() {
                    for (lang, dir) in with_dirs {
                        content_dirs.insert(lang.clone(), rel(&site_root.join(dir)));
                    }
                    detected_from = DetectedFrom::HugoConfig;
                }
            }
            if content_dirs.is_empty() {
                for root in &content_roots {
                    for lang in language_folders(root) {
                        content_dirs
                            .entry(lang.to_ascii_lowercase())
                            .or_insert_with(|| rel(&root.join(&lang)));
                    }
                }
                // The source repository's language folders, relative to that repository.
                if let (Some(source_root), Some(source_site)) = (&source_repo, &source_site_root) {
                    for root in &content_roots {
                        let twin = source_site.join(root.strip_prefix(&site_root).unwrap_or(root));
                        for lang in language_folders(&twin) {
                            content_dirs
                                .entry(lang.to_ascii_lowercase())
                                .or_insert_with(|| relative_slash(source_root, &twin.join(&lang)));
                        }
                    }
                }
            }
            if content_dirs.is_empty() && file.content.is_none() {
                // Sites that keep languages at the top (`en/`, `fr/`), like many Jekyll sites.
                for lang in language_folders(&site_root) {
                    content_dirs
                        .entry(lang.to_ascii_lowercase())
                        .or_insert_with(|| rel(&site_root.join(&lang)));
                }
                if content_dirs.len() < 2 {
                    content_dirs.clear();
                }
            }
            if !content_dirs.is_empty() {
                layout = Some(Layout::Folders(vec![ContentRoot {
                    name: String::new(),
                    dirs: content_dirs.clone(),
                }]));
            }
        }

        if layout.is_none() && source_repo.is_none() {
            // Hugo single-folder sites and mkdocs-static-i18n: `x.md` (or `x.en.md`) beside `x.fr.md`.
            let unsuffixed = file
                .source
                .as_ref()
                .map(|s| s.to_ascii_lowercase())
                .or_else(|| hugo.as_ref().and_then(|h| h.default_language.clone()))
                .unwrap_or_else(|| "en".to_owned());
            let known: Vec<String> = hugo
                .as_ref()
                .map(|h| h.languages.keys().cloned().collect())
                .unwrap_or_default();
            let roots: Vec<String> = content_roots
                .iter()
                .filter(|root| root.is_dir())
                .map(|root| rel(root))
                .collect();
            let mut languages: BTreeMap<String, usize> = BTreeMap::new();
            for root in &roots {
                for path in crate::site::workspace::list_files(repo_root, root) {
                    if !is_page(&path) {
                        continue;
                    }
                    let lang = suffix_language(&path, |tag| {
                        known.iter().any(|k| k == tag) || is_language_tag(tag)
                    })
                    .map(|(lang, _)| lang)
                    .unwrap_or_else(|| unsuffixed.clone());
                    *languages.entry(lang).or_default() += 1;
                }
            }
            let suffixed = languages.keys().filter(|l| **l != unsuffixed).count();
            if suffixed >= 1 && languages.len() >= 2 || suffix_wanted {
                for lang in known.iter().chain(languages.keys()) {
                    content_dirs
                        .entry(lang.clone())
                        .or_insert_with(|| roots.first().cloned().unwrap_or_default());
                }
                detected_from = DetectedFrom::FileNames;
                layout_kind = wanted_layout.unwrap_or(LayoutKind::Suffix);
                layout = Some(Layout::Suffix { roots, unsuffixed });
            }
        }

        let Some(layout) = layout.filter(|_| !content_dirs.is_empty()) else {
            return Err(Error::NoLanguages {
                root: content_roots
                    .iter()
                    .map(|root| rel(root))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        };
        if source_repo.is_some()
            && !matches!(
                layout_kind,
                LayoutKind::Dirs | LayoutKind::Key | LayoutKind::Map
            )
        {
            return Err(Error::ConfigValue {
                path: config_label.clone(),
                key: "source_repo".into(),
                detail: format!(
                    "the {} layout keeps every language in one repository",
                    layout_kind.as_str()
                ),
            });
        }

        let source = match (
            &file.source,
            hugo.as_ref().and_then(|h| h.default_language.clone()),
        ) {
            (Some(source), _) => source.to_ascii_lowercase(),
            (None, _) if docusaurus => {
                docusaurus_default_locale(&site_root).unwrap_or_else(|| "en".to_owned())
            }
            (None, Some(default)) if content_dirs.contains_key(&default) => default,
            _ if content_dirs.contains_key("en") => "en".to_owned(),
            _ => most_pages(repo_root, &content_dirs, &include, &exclude),
        };
        if !content_dirs.contains_key(&source) {
            return Err(Error::UnknownLanguage {
                lang: source,
                known: content_dirs.keys().cloned().collect::<Vec<_>>().join(", "),
            });
        }
        if content_dirs.len() < 2 {
            return Err(Error::OneLanguage { lang: source });
        }

        let known = || content_dirs.keys().cloned().collect::<Vec<_>>().join(", ");
        let mut targets: Vec<String> = match &file.languages {
            Some(list) => list.iter().map(|l| l.to_ascii_lowercase()).collect(),
            None => content_dirs
                .keys()
                .filter(|l| **l != source)
                .cloned()
                .collect(),
        };
        for lang in &targets {
            if !content_dirs.contains_key(lang) || *lang == source {
                return Err(Error::ConfigValue {
                    path: config_label.clone(),
                    key: "languages".into(),
                    detail: format!("{lang} (found: {})", known()),
                });
            }
        }
        if !requested.languages.is_empty() {
            let mut chosen = Vec::new();
            for lang in &requested.languages {
                let lang = lang.trim().to_ascii_lowercase();
                if lang.is_empty() {
                    continue;
                }
                if !targets.contains(&lang) {
                    return Err(Error::UnknownLanguage {
                        lang,
                        known: targets.join(", "),
                    });
                }
                if !chosen.contains(&lang) {
                    chosen.push(lang);
                }
            }
            targets = chosen;
        }

        let mut pin_keys: Vec<String> = Vec::new();
        if let Some(key) = file.pin.as_ref().and_then(|p| p.key.clone()) {
            pin_keys.push(key);
        }
        for key in DEFAULT_PIN_KEYS {
            if !pin_keys.iter().any(|k| k == key) {
                pin_keys.push(key.to_owned());
            }
        }

        let skip_patterns: Vec<String> = file
            .history
            .as_ref()
            .and_then(|h| h.skip_commits_matching.clone())
            .unwrap_or_else(|| vec![DEFAULT_SKIP_PATTERN.to_owned()]);
        let mut skip_commits = Vec::new();
        for pattern in &skip_patterns {
            skip_commits.push(
                regex::Regex::new(pattern).map_err(|err| Error::ConfigValue {
                    path: config_label.clone(),
                    key: "history.skip_commits_matching".into(),
                    detail: first_line(&err.to_string()),
                })?,
            );
        }
        let base_url = file
            .site
            .as_ref()
            .and_then(|s| s.base_url.clone())
            .or_else(|| hugo.as_ref().and_then(|h| h.base_url.clone()))
            .filter(|url| url.starts_with("http://") || url.starts_with("https://"));
        let pairing_config = file.pairing.as_ref();
        let map = match pairing_config.and_then(|p| p.map.as_ref()) {
            Some(map) => {
                let path = site_root.join(map);
                if !path.is_file() {
                    return Err(Error::ConfigValue {
                        path: config_label.clone(),
                        key: "pairing.map".into(),
                        detail: format!("{} does not exist", rel(&path)),
                    });
                }
                let label = rel(&path);
                Some((path, label))
            }
            None if layout_kind == LayoutKind::Map => {
                return Err(Error::ConfigValue {
                    path: config_label.clone(),
                    key: "layout".into(),
                    detail: "map needs pairing.map, the mapping file".into(),
                });
            }
            None => None,
        };
        let pairing = PairingSettings {
            by_path: !matches!(layout_kind, LayoutKind::Key | LayoutKind::Map),
            shared_keys: vec![
                pairing_config
                    .and_then(|p| p.key.clone())
                    .unwrap_or_else(|| DEFAULT_SHARED_KEY.to_owned()),
            ],
            link_keys: DEFAULT_LINK_KEYS.iter().map(|k| (*k).to_owned()).collect(),
            map,
        };

        Ok(Settings {
            repo_root: repo_root.to_path_buf(),
            site_root: site_root.clone(),
            config_file: config_name,
            source,
            targets,
            content_dirs,
            layout,
            layout_kind,
            pairing,
            source_repo,
            include,
            exclude,
            page_patterns: (include_patterns, exclude_patterns),
            pin_keys,
            ui_language: file.ui_language.clone(),
            base_url,
            skip_commits,
            detected_from,
            file,
        })
    }

    /// The content folder of `lang`, repo-relative.
    /// The folders holding source pages: each root's source-language folder (dirs), or the roots (suffix).
    pub fn source_roots(&self) -> Vec<String> {
        match &self.layout {
            Layout::Folders(roots) => roots
                .iter()
                .filter_map(|r| r.dirs.get(&self.source).cloned())
                .collect(),
            Layout::Suffix { roots, .. } => roots.clone(),
        }
    }

    pub fn content_dir(&self, lang: &str) -> &str {
        self.content_dirs.get(lang).map_or("", String::as_str)
    }

    /// What normalising pages needs to know about the site.
    pub fn site_context(&self) -> crate::markdown::document::SiteContext {
        crate::markdown::document::SiteContext {
            base_url: self.base_url.clone(),
            languages: self.content_dirs.keys().cloned().collect(),
            translatable: crate::markdown::document::DEFAULT_TRANSLATABLE
                .iter()
                .map(|k| (*k).to_owned())
                .collect(),
            bookkeeping: self
                .pin_keys
                .iter()
                .cloned()
                .chain(std::iter::once(self.drift_key()))
                .collect(),
        }
    }

    /// The front-matter key marking drifted translations (`pin.drift_key`, default `drifted_from_default`).
    pub fn drift_key(&self) -> String {
        self.file
            .pin
            .as_ref()
            .and_then(|p| p.drift_key.clone())
            .unwrap_or_else(|| "drifted_from_default".to_owned())
    }

    /// Whether a repo-relative path is a page (include and exclude patterns).
    pub fn is_page(&self, path: &str) -> bool {
        self.include.is_match(path) && !self.exclude.is_match(path)
    }
}

/// Finds `tandem.yaml`: the `--config` file, else the nearest one from `start` up to the repo root.
fn load_config_file(
    repo_root: &Path,
    start: &Path,
    explicit: Option<&Path>,
) -> Result<(Option<PathBuf>, FileConfig)> {
    let path = match explicit {
        Some(path) => {
            let path = if path.is_absolute() {
                path.to_path_buf()
            } else {
                start.join(path)
            };
            if !path.is_file() {
                return Err(Error::Io {
                    path: path.display().to_string(),
                    detail: std::io::Error::from(std::io::ErrorKind::NotFound).to_string(),
                });
            }
            Some(path)
        }
        None => ancestors_within(start, repo_root)
            .map(|dir| dir.join(CONFIG_FILE))
            .find(|candidate| candidate.is_file()),
    };
    let Some(path) = path else {
        return Ok((None, FileConfig::default()));
    };
    let label = relative_slash(repo_root, &path);
    let text = std::fs::read_to_string(&path).map_err(|err| Error::io(&label, &err))?;
    let config = FileConfig::parse(&text, &label)?;
    Ok((Some(path), config))
}

fn find_site_root(repo_root: &Path, start: &Path) -> PathBuf {
    let is_site = |dir: &Path| {
        HUGO_FILES
            .iter()
            .chain(HUGO_LANGUAGE_FILES)
            .chain(DOCUSAURUS_FILES)
            .any(|name| dir.join(name).is_file())
    };
    if let Some(dir) = ancestors_within(start, repo_root).find(|dir| is_site(dir)) {
        return dir.to_path_buf();
    }
    if let Some(dir) = ancestors_within(start, repo_root).find(|dir| dir.join("content").is_dir()) {
        return dir.to_path_buf();
    }
    // A repository whose site sits one folder down (Hugo themes keep theirs in `exampleSite/`), when the top has
    // no language folders of its own.
    if language_folders(repo_root).len() < 2 {
        let candidates: Vec<PathBuf> = std::fs::read_dir(repo_root)
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| entry.path())
            .filter(|dir| is_site(dir) || dir.join("content").is_dir())
            .collect();
        if let [only] = candidates.as_slice() {
            return only.clone();
        }
    }
    repo_root.to_path_buf()
}

/// Docusaurus config files: their presence makes a folder a site root.
const DOCUSAURUS_FILES: &[&str] = &[
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
    "docusaurus.config.cjs",
];

/// Page patterns when `include` is not set; Docusaurus sites write MDX too.
fn default_include(docusaurus: bool) -> Vec<String> {
    let mut patterns: Vec<String> = ["**/*.md", "**/*.markdown", "**/*.html"]
        .map(String::from)
        .to_vec();
    if docusaurus {
        patterns.push("**/*.mdx".to_owned());
    }
    patterns
}

/// Whether `site_root` is a translated Docusaurus site: `i18n/<lang>/docusaurus-plugin-content-…` folders, or a
/// Docusaurus config beside an `i18n/` folder of languages.
fn is_docusaurus_site(site_root: &Path) -> bool {
    let i18n = site_root.join("i18n");
    let languages = language_folders(&i18n);
    if languages.is_empty() {
        return false;
    }
    DOCUSAURUS_FILES
        .iter()
        .any(|name| site_root.join(name).is_file())
        || languages.iter().any(|lang| {
            std::fs::read_dir(i18n.join(lang))
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok())
                .any(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with("docusaurus-plugin-content-")
                })
        })
}

/// `i18n.defaultLocale` of the Docusaurus config, read as text (the config is JavaScript).
fn docusaurus_default_locale(site_root: &Path) -> Option<String> {
    let text = DOCUSAURUS_FILES
        .iter()
        .find_map(|name| std::fs::read_to_string(site_root.join(name)).ok())?;
    let after = &text[text.find("defaultLocale")? + "defaultLocale".len()..];
    let after = after.trim_start().strip_prefix(':')?.trim_start();
    let quote = after
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let value = &after[1..];
    let value = &value[..value.find(quote)?];
    is_language_tag(value).then(|| value.to_ascii_lowercase())
}

/// The content roots of a Docusaurus site: docs, blog, pages and versioned docs, each with its folder per language.
fn docusaurus_roots(site_root: &Path, repo_root: &Path, source: &str) -> Vec<ContentRoot> {
    let rel = |path: &Path| relative_slash(repo_root, path);
    let i18n = site_root.join("i18n");
    let languages: Vec<String> = language_folders(&i18n)
        .into_iter()
        .filter(|lang| !lang.eq_ignore_ascii_case(source))
        .collect();
    let mut plugins: Vec<(String, PathBuf, String)> = vec![
        (
            "docs".into(),
            site_root.join("docs"),
            "docusaurus-plugin-content-docs/current".into(),
        ),
        (
            "blog".into(),
            site_root.join("blog"),
            "docusaurus-plugin-content-blog".into(),
        ),
        (
            "pages".into(),
            site_root.join("src/pages"),
            "docusaurus-plugin-content-pages".into(),
        ),
    ];
    let mut versions: Vec<String> = std::fs::read_dir(site_root.join("versioned_docs"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.starts_with("version-"))
        .collect();
    versions.sort();
    for version in versions {
        plugins.push((
            format!("versioned_docs/{version}"),
            site_root.join("versioned_docs").join(&version),
            format!("docusaurus-plugin-content-docs/{version}"),
        ));
    }
    plugins
        .into_iter()
        .filter(|(_, source_dir, _)| source_dir.is_dir())
        .map(|(name, source_dir, translated)| {
            let mut dirs = BTreeMap::new();
            dirs.insert(source.to_owned(), rel(&source_dir));
            for lang in &languages {
                dirs.insert(
                    lang.to_ascii_lowercase(),
                    rel(&i18n.join(lang).join(&translated)),
                );
            }
            ContentRoot { name, dirs }
        })
        .collect()
}

/// `start` and its parents, up to and including `root` (only `root` when `start` is outside it).
fn ancestors_within<'a>(start: &'a Path, root: &'a Path) -> impl Iterator<Item = &'a Path> {
    let inside = start.starts_with(root);
    let first = if inside { start } else { root };
    first
        .ancestors()
        .take_while(move |dir| dir.starts_with(root))
}

/// Sub-folders of `dir` whose names are language tags, sorted.
fn language_folders(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| is_language_tag(name))
        .collect();
    found.sort();
    found
}

fn most_pages(
    repo_root: &Path,
    content_dirs: &BTreeMap<String, String>,
    include: &GlobSet,
    exclude: &GlobSet,
) -> String {
    content_dirs
        .iter()
        .map(|(lang, dir)| {
            let count = crate::site::workspace::list_files(repo_root, dir)
                .iter()
                .filter(|p| include.is_match(p.as_str()) && !exclude.is_match(p.as_str()))
                .count();
            (count, std::cmp::Reverse(lang.clone()))
        })
        .max()
        .map(|(_, std::cmp::Reverse(lang))| lang)
        .unwrap_or_default()
}

fn build_globs(patterns: &[String], path: &str, key: &str) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|err| Error::ConfigValue {
            path: path.to_owned(),
            key: key.to_owned(),
            detail: err.to_string(),
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|err| Error::ConfigValue {
        path: path.to_owned(),
        key: key.to_owned(),
        detail: err.to_string(),
    })
}

/// `path` relative to `root`, with `/` separators.
pub fn relative_slash(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_name_the_nearest_valid_key() {
        let err = FileConfig::parse("sourse: en\n", "tandem.yaml").unwrap_err();
        match err {
            Error::ConfigUnknownKey {
                key, suggestion, ..
            } => {
                assert_eq!(key, "sourse");
                assert_eq!(suggestion.as_deref(), Some("source"));
            }
            other => panic!("unexpected {other:?}"),
        }
        let err = FileConfig::parse("pin:\n  kee: x\n", "tandem.yaml").unwrap_err();
        match err {
            Error::ConfigUnknownKey {
                key, suggestion, ..
            } => {
                assert_eq!(key, "pin.kee");
                assert_eq!(suggestion.as_deref(), Some("pin.key"));
            }
            other => panic!("unexpected {other:?}"),
        }
        let err = FileConfig::parse("zzzzzzzz: 1\n", "tandem.yaml").unwrap_err();
        assert!(matches!(
            err,
            Error::ConfigUnknownKey {
                suggestion: None,
                ..
            }
        ));
    }

    #[test]
    fn language_tags() {
        for tag in ["fr", "pt-br", "zh-cn", "zh-hans", "es-419", "PT-BR"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for name in ["docs", "blog", "api", "images", "x", "fr-", "static"] {
            assert!(!is_language_tag(name), "{name}");
        }
    }

    #[test]
    fn empty_config_is_default() {
        let config = FileConfig::parse("", "tandem.yaml").unwrap();
        assert!(config.source.is_none());
        let config = FileConfig::parse("# only a comment\n", "tandem.yaml").unwrap();
        assert!(config.languages.is_none());
    }
}
