//! `tandem.yaml`: the typed schema, parsed with our own messages for unknown keys and bad values. What the user
//! wrote is resolved with what was detected into `Settings` by `resolve.rs`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::i18n::Message;
use crate::markdown::yaml::{self, Node, NodeKind};
pub use crate::pairing::layout::{ContentRoot, Layout, is_language_tag, suffix_language};
pub use crate::site::resolve::{PairingSettings, Requested, Settings};

/// The name of the config file tandem looks for.
pub const CONFIG_FILE: &str = "tandem.yaml";

/// Front-matter keys read as pins when the config names none (OpenTelemetry's and MDN's conventions).
pub const DEFAULT_PIN_KEYS: [&str; 2] = ["default_lang_commit", "l10n.sourceCommit"];

/// Commit messages matching one of these are ignored by the cosmetic filter unless the config says otherwise: the
/// directives localization teams already write (`[skip-l10n]`, `[skip-i18n]`, Lunaria's `lunaria-ignore` and
/// `i18nIgnore`, `[skip-revcheck]`). `lunaria-ignore` right after an `@` is Lunaria's tracker directive
/// (`@lunaria-ignore:<paths>`), which passes a commit over for the listed pages only: not a keyword. The bracketed
/// ones are read in any case (`[SKIP-L10N]`, `[Skip-i18n]`), as CI systems read `[skip ci]`; the tools' own names are
/// read as those tools write them.
pub const DEFAULT_SKIP_PATTERNS: [&str; 5] = [
    r"(?i)\[skip-l10n\]",
    r"(?i)\[skip-i18n\]",
    r"i18nIgnore",
    r"(?:^|[^@])lunaria-ignore",
    r"(?i)\[skip-revcheck\]",
];

/// `tandem.yaml` as written. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub source: Option<String>,
    pub ui_language: Option<String>,
    pub languages: Option<Vec<String>>,
    pub layout: Option<LayoutKind>,
    pub content: Option<Content>,
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub pin: Option<PinConfig>,
    pub pairing: Option<PairingConfig>,
    pub site: Option<SiteConfig>,
    pub history: Option<HistoryConfig>,
    pub check: Option<CheckConfig>,
    pub tasks: Option<TasksConfig>,
    pub scaffold: Option<ScaffoldConfig>,
    pub front_matter: Option<FrontMatterConfig>,
    pub pages: Option<PagesConfig>,
    pub source_repo: Option<String>,
}

/// `content:`: folders holding one folder per language (`[content]`), or each language's folder
/// (`{en: src/content/docs, fr: src/content/docs/fr}`), relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Content {
    Roots(Vec<String>),
    Languages(BTreeMap<String, String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PagesConfig {
    /// The front-matter flag of the source pages meant to be translated (`i18nReady`): pages without it are never
    /// `missing`.
    pub translatable_flag: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaffoldConfig {
    /// Read as `front_matter.translated` when that is not set (the fields `scaffold` marks for translation).
    pub translatable: Option<Vec<String>>,
}

/// `front_matter:`: what each front-matter key is to a translation. A list given replaces the generator's default
/// list of that class (docs/drift.md); a key it names leaves the default lists of the other classes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatterConfig {
    pub translated: Option<Vec<String>>,
    pub mirrored: Option<Vec<String>>,
    pub own: Option<Vec<String>>,
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

/// The keys whose value is a list.
const LIST_KEYS: &[&str] = &[
    "languages",
    "include",
    "exclude",
    "history.skip_commits_matching",
    "check.fail_on",
    "tasks.labels",
    "scaffold.translatable",
    "front_matter.translated",
    "front_matter.mirrored",
    "front_matter.own",
];

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
    "front_matter",
    "front_matter.translated",
    "front_matter.mirrored",
    "front_matter.own",
    "pages",
    "pages.translatable_flag",
    "source_repo",
];

impl FileConfig {
    /// Parses `tandem.yaml` text; `path` names the file in errors.
    pub fn parse(text: &str, path: &str) -> Result<FileConfig> {
        let tree = yaml::parse(text).map_err(|err| Error::ConfigParse {
            path: path.to_owned(),
            detail: yaml_detail(&err.detail, err.line),
        })?;
        let Some(tree) = &tree else {
            return Ok(FileConfig::default());
        };
        check_keys(tree, "", path)?;
        // Typed values get our message (the valid values, the nearest one), never the deserializer's English.
        if let Some(node) = tree.get("layout") {
            let text = match &node.kind {
                NodeKind::Scalar(text) => text.clone(),
                _ => String::new(),
            };
            if LayoutKind::parse(&text).is_none() {
                let supported: Vec<&str> = LayoutKind::ALL.iter().map(|k| k.as_str()).collect();
                let nearest = supported
                    .iter()
                    .map(|k| (edit_distance(&text, k), *k))
                    .filter(|(d, _)| *d <= 2)
                    .min();
                let detail = match nearest {
                    Some((_, nearest)) => {
                        Message::new("detail-layout-nearest").arg("nearest", nearest)
                    }
                    None => Message::new("detail-layout-unsupported"),
                };
                return Err(Error::ConfigValue {
                    path: path.to_owned(),
                    key: "layout".into(),
                    detail: detail
                        .arg("value", text)
                        .arg("supported", supported.join(", ")),
                });
            }
        }
        // `languages: fr`: one value where a list is expected, the commonest slip (the parser would say "expected
        // sequence start").
        for key in LIST_KEYS {
            if let Some(node) = tree.get_path(key)
                && let NodeKind::Scalar(value) = &node.kind
            {
                return Err(Error::ConfigValue {
                    path: path.to_owned(),
                    key: (*key).into(),
                    detail: Message::new("detail-list-expected")
                        .arg("key", key.rsplit('.').next().unwrap_or(key))
                        .arg("value", value.as_str()),
                });
            }
        }
        if let Some(node) = tree.get("content")
            && !matches!(node.kind, NodeKind::Seq(_) | NodeKind::Map(_))
        {
            return Err(Error::ConfigValue {
                path: path.to_owned(),
                key: "content".into(),
                detail: Message::new("detail-content-shape"),
            });
        }
        let config: FileConfig =
            serde_saphyr::from_str(text).map_err(|err| Error::ConfigParse {
                path: path.to_owned(),
                detail: yaml_detail(
                    &yaml::Detail::of(&err),
                    err.location().map(|l| l.line() as usize),
                ),
            })?;
        Ok(config)
    }
}

/// A YAML error in a config file, with its line in the file (the parser's words quoted, tandem's in the interface's
/// language).
pub fn yaml_detail(detail: &yaml::Detail, line: Option<usize>) -> Message {
    match (detail, line) {
        (_, Some(line)) => Message::new("detail-yaml-at-line")
            .arg("line", line)
            .arg("detail", detail.arg()),
        (_, None) => Message::new("detail-yaml").arg("detail", detail.arg()),
    }
}

fn check_keys(node: &Node, prefix: &str, path: &str) -> Result<()> {
    let NodeKind::Map(entries) = &node.kind else {
        if prefix.is_empty() {
            return Err(Error::ConfigParse {
                path: path.to_owned(),
                detail: Message::new("detail-config-not-a-map"),
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

pub fn edit_distance(a: &str, b: &str) -> usize {
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

/// The `layout:` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
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

    pub fn parse(text: &str) -> Option<LayoutKind> {
        LayoutKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The front-matter keys read as translation keys when `pairing.key` is not set.
pub const DEFAULT_SHARED_KEY: &str = "translationKey";
/// The front-matter keys whose value names the other page (Canadian government Jekyll sites).
pub const DEFAULT_LINK_KEYS: [&str; 1] = ["altLangPage"];

/// How the languages were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetectedFrom {
    /// `content:` in `tandem.yaml` names each language's folder.
    Config,
    HugoConfig,
    /// Starlight's locales (`astro.config.*`, a Lunaria config, or the folders of `src/content/docs`).
    Starlight,
    Folders,
    /// Language suffixes in file names (`x.fr.md`).
    FileNames,
    /// Each page's `lang:` in its front matter, every language in the same folders (jekyll-polyglot).
    FrontMatterLanguage,
    /// Docusaurus's `i18n/<lang>/` folders.
    Docusaurus,
    /// VitePress's locales (`.vitepress/config.*` or `config/index.*`, or the language folders of its source folder).
    VitePress,
    /// VuePress's locales (`.vuepress/config.*`), read as VitePress's.
    VuePress,
    /// The source's pages at the top of a folder, a sub-folder per translation (Mintlify, plain `docs/`).
    RootLocale,
    /// Astro's content collections, a folder per locale in each (`src/content/blog/fr/`).
    Astro,
    /// Markdown pages routed by Astro's i18n (`src/pages/`, `src/pages/fr/`).
    AstroPages,
}

/// `path` relative to `root`, with `/` separators; a path outside `root` whole (`/tmp/x/tandem.yaml`).
pub fn relative_slash(root: &Path, path: &Path) -> String {
    if let Some(rel) = plain_below(root, path) {
        return rel.to_owned();
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return path.to_string_lossy().replace('\\', "/");
    };
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// The usual case of [`relative_slash`], without taking paths apart: `path` is `root`, a `/`, then UTF-8 text with no
/// empty, `.` or `..` part (what a walk of `root` gives). `None` for anything else.
fn plain_below<'p>(root: &Path, path: &'p Path) -> Option<&'p str> {
    let rest = path
        .to_str()?
        .strip_prefix(root.to_str()?)?
        .strip_prefix(std::path::MAIN_SEPARATOR)?;
    let plain = !rest.is_empty()
        && rest
            .split(std::path::MAIN_SEPARATOR)
            .all(|part| !matches!(part, "" | "." | ".."))
        && (std::path::MAIN_SEPARATOR == '/' || !rest.contains('/'));
    plain.then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_the_same_the_short_way() {
        let root = Path::new("/site/repo");
        for path in [
            "/site/repo/content/en/a.md",
            "/site/repo/content//en/a.md",
            "/site/repo/./content/en/a.md",
            "/site/repo/content/en/../fr/a.md",
            "/site/repo/",
            "/site/repo",
            "/site/repository/a.md",
            "/elsewhere/a.md",
            "/site/repo/content/en/é.md",
        ] {
            let path = Path::new(path);
            let slow = match path.strip_prefix(root) {
                Ok(rel) => rel
                    .components()
                    .filter_map(|c| match c {
                        std::path::Component::Normal(part) => {
                            Some(part.to_string_lossy().into_owned())
                        }
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join("/"),
                Err(_) => path.to_string_lossy().replace('\\', "/"),
            };
            assert_eq!(relative_slash(root, path), slow, "{}", path.display());
        }
        assert_eq!(
            plain_below(root, Path::new("/site/repo/content/en/a.md")),
            Some("content/en/a.md")
        );
    }

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
