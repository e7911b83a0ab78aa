//! MkDocs with the mkdocs-static-i18n plugin: the pages sit in `docs_dir` (`docs/`), each language either in the
//! file name (`index.fr.md` beside `index.md`, the plugin's default `docs_structure: suffix`) or in a folder of its
//! own (`docs/en/`, `docs/fr/`, `docs_structure: folder`). `mkdocs.yml` says the folder, the languages and which is
//! the default (the language of unsuffixed pages, the source).

use std::path::Path;

use serde_json::Value;

/// The config file that makes a folder an MkDocs site.
pub const CONFIG_FILES: &[&str] = &["mkdocs.yml", "mkdocs.yaml"];

/// What `mkdocs.yml` says about where the pages are and in which languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MkDocs {
    /// The config file's name (`mkdocs.yml`).
    pub file: &'static str,
    /// `docs_dir`, relative to the site root (default `docs`).
    pub docs_dir: String,
    /// The i18n plugin's languages (`locale` of each), the default one first when it says which.
    pub languages: Vec<String>,
    /// The default language (`default: true`, or the older `default_language`).
    pub default: Option<String>,
    /// `site_url`: the site's own address, links on it equal root-relative ones.
    pub site_url: Option<String>,
    /// `exclude_docs`: gitignore-style patterns, relative to `docs_dir`, of files MkDocs leaves out of the site.
    pub exclude_docs: Vec<String>,
}

/// Reads the site's `mkdocs.yml`, if it has one that parses.
pub fn read(site_root: &Path) -> Option<MkDocs> {
    let (file, text) = CONFIG_FILES.iter().find_map(|name| {
        std::fs::read_to_string(site_root.join(name))
            .ok()
            .map(|text| (*name, text))
    })?;
    Some(parse(file, &text))
}

fn parse(file: &'static str, text: &str) -> MkDocs {
    // Python tags (`!!python/name:material.extensions.emoji.twemoji`) and `!ENV` values are for MkDocs to resolve:
    // their lines are left out when the whole file does not read.
    let value: Value = serde_saphyr::from_str(text)
        .ok()
        .or_else(|| {
            let plain: String = text
                .lines()
                .filter(|line| !line.contains("!!python/") && !line.contains("!ENV"))
                .map(|line| format!("{line}\n"))
                .collect();
            serde_saphyr::from_str(&plain).ok()
        })
        .unwrap_or(Value::Null);
    let docs_dir = value
        .get("docs_dir")
        .and_then(Value::as_str)
        .map(|dir| {
            dir.trim_start_matches("./")
                .trim_end_matches('/')
                .to_owned()
        })
        .filter(|dir| !dir.is_empty() && !dir.starts_with('/') && !dir.contains(".."))
        .unwrap_or_else(|| "docs".to_owned());
    let i18n = value
        .get("plugins")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find_map(|plugin| plugin.get("i18n"));
    let (mut languages, mut default) = (Vec::new(), None);
    if let Some(i18n) = i18n {
        default = i18n
            .get("default_language")
            .and_then(Value::as_str)
            .map(str::to_ascii_lowercase);
        match i18n.get("languages") {
            // 1.x: a list of `{locale, default, name…}`.
            Some(Value::Array(list)) => {
                for language in list {
                    let Some(locale) = language.get("locale").and_then(Value::as_str) else {
                        continue;
                    };
                    let locale = locale.to_ascii_lowercase();
                    if language.get("default").and_then(Value::as_bool) == Some(true) {
                        default = Some(locale.clone());
                    }
                    languages.push(locale);
                }
            }
            // 0.x: a map from locale to its settings.
            Some(Value::Object(map)) => {
                languages.extend(map.keys().map(|k| k.to_ascii_lowercase()));
            }
            _ => {}
        }
        if let Some(default) = &default
            && !languages.contains(default)
        {
            languages.insert(0, default.clone());
        }
    }
    let site_url = value
        .get("site_url")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .filter(|url| !url.is_empty());
    let exclude_docs = value
        .get("exclude_docs")
        .and_then(Value::as_str)
        .map(|text| {
            text.lines()
                .map(str::trim)
                // Comments, blank lines and re-inclusions (`!keep.md`): no page is left out by them.
                .filter(|line| !line.is_empty() && !line.starts_with('#') && !line.starts_with('!'))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    MkDocs {
        file,
        docs_dir,
        languages,
        default,
        site_url,
        exclude_docs,
    }
}

impl MkDocs {
    /// `exclude_docs` as globs from the site's folder (`site`: its path from the repository's top, `""` at the top):
    /// a pattern with no `/` but at its end matches at any depth, as in a `.gitignore`; a folder's pattern covers what
    /// it holds.
    pub fn excluded(&self, site: &str) -> Vec<String> {
        let docs = if site.is_empty() {
            self.docs_dir.clone()
        } else {
            format!("{site}/{}", self.docs_dir)
        };
        let mut globs = Vec::new();
        for pattern in &self.exclude_docs {
            let folder = pattern.ends_with('/');
            let bare = pattern.trim_end_matches('/');
            if bare.is_empty() || bare.contains("..") {
                continue;
            }
            let anchored = bare.starts_with('/') || bare.contains('/');
            let bare = bare.trim_start_matches('/');
            let base = if anchored {
                format!("{docs}/{bare}")
            } else {
                format!("{docs}/**/{bare}")
            };
            globs.push(format!("{base}/**"));
            if !folder {
                globs.push(base);
            }
        }
        globs
    }

    /// The site's base URL and where it was read.
    pub fn base_url(&self) -> Option<(String, crate::site::detect::Evidence)> {
        self.site_url.clone().map(|url| {
            (
                url,
                crate::site::detect::Evidence::new("evidence-key-in-file")
                    .arg("key", "site_url")
                    .arg("file", self.file),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_i18n_plugin_says_the_languages_and_the_default() {
        let text = "site_name: Lumen\ndocs_dir: site-docs/\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\nplugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      languages:\n        - locale: fr\n          default: true\n          name: Français\n        - locale: en\n          name: English\n";
        assert_eq!(
            parse("mkdocs.yml", text),
            MkDocs {
                file: "mkdocs.yml",
                docs_dir: "site-docs".into(),
                languages: vec!["fr".into(), "en".into()],
                default: Some("fr".into()),
                site_url: None,
                exclude_docs: Vec::new(),
            }
        );
        // The older form, and no i18n plugin at all.
        let old = "plugins:\n  - i18n:\n      default_language: en\n      languages:\n        fr:\n          name: Français\n";
        let read = parse("mkdocs.yml", old);
        assert_eq!(read.languages, vec!["en".to_owned(), "fr".to_owned()]);
        assert_eq!(read.default.as_deref(), Some("en"));
        let plain = parse("mkdocs.yml", "site_name: X\n");
        assert_eq!(plain.docs_dir, "docs");
        assert!(plain.languages.is_empty());
    }
}
