//! Docusaurus: `docs/x.md` ⇄ `i18n/<lang>/docusaurus-plugin-content-docs/current/x.md`, the blog, pages and versioned
//! docs likewise, and each content plugin added with an `id` (`i18n/<lang>/docusaurus-plugin-content-docs-<id>/current/`).
//! `docusaurus.config.*` is JavaScript and is never run: it is scanned for the literal `i18n.defaultLocale` (or the
//! literal of the constant it names), `url`, `baseUrl`, and the plugins' literal `id` and `path`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::pairing::layout::{ContentRoot, Layout, is_language_tag};
use crate::site::config::{DetectedFrom, LayoutKind, relative_slash};
use crate::site::detect::{Detected, Evidence, Probe, language_folders};
use crate::site::scan::{
    js_entries, js_object, js_object_after, js_pieces, js_string, string_literal, strip_js_comments,
};

/// The Docusaurus layout of the site; `source` is what `tandem.yaml` says, if anything.
pub fn detect(probe: &Probe, source: Option<&str>) -> Detected {
    let config = CONFIG_FILES
        .iter()
        .find(|name| probe.site_root.join(name).is_file());
    let text = config
        .and_then(|name| std::fs::read_to_string(probe.site_root.join(name)).ok())
        .map(|t| strip_js_comments(&t))
        .unwrap_or_default();
    let (source, evidence) = match (source, default_locale(&text)) {
        (Some(source), _) => (
            source.to_ascii_lowercase(),
            Evidence::new("evidence-config"),
        ),
        (None, Some(locale)) => (
            locale,
            Evidence::new("evidence-key-in-file")
                .arg("key", "i18n.defaultLocale")
                .arg("file", config.copied().unwrap_or_default()),
        ),
        (None, None) => (
            "en".to_owned(),
            Evidence::new("evidence-docusaurus-default-en"),
        ),
    };
    let roots = roots(probe.site_root, probe.repo_root, &source, &text);
    let mut content_dirs = BTreeMap::new();
    for root in &roots {
        for (lang, dir) in &root.dirs {
            content_dirs
                .entry(lang.clone())
                .or_insert_with(|| dir.clone());
        }
    }
    let base_url = js_string(&text, "url")
        .filter(|u| u.starts_with("http"))
        .map(|url| {
            let base = js_string(&text, "baseUrl").unwrap_or_default();
            let url = format!("{}{}", url.trim_end_matches('/'), base);
            (
                url,
                Evidence::new("evidence-key-in-file")
                    .arg("key", "url")
                    .arg("file", config.copied().unwrap_or_default()),
            )
        });
    Detected {
        from: DetectedFrom::Docusaurus,
        layout: Layout::Folders(roots),
        layout_kind: LayoutKind::Docusaurus,
        content_dirs,
        source: Some((source, evidence)),
        languages: Evidence::new("evidence-docusaurus-locales"),
        base_url,
        mdx: true,
        translatable_flag: None,
    }
}

/// Docusaurus config files: their presence makes a folder a site root.
pub const CONFIG_FILES: &[&str] = &[
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
    "docusaurus.config.cjs",
];

/// Whether `site_root` is a translated Docusaurus site: `i18n/<lang>/docusaurus-plugin-content-…` folders, or a
/// Docusaurus config beside an `i18n/` folder of languages.
pub fn is_site(site_root: &Path) -> bool {
    let text = CONFIG_FILES
        .iter()
        .find_map(|name| std::fs::read_to_string(site_root.join(name)).ok())
        .map(|t| strip_js_comments(&t))
        .unwrap_or_default();
    let i18n = i18n_dir(site_root, &text);
    let languages = language_folders(&i18n);
    if languages.is_empty() {
        return false;
    }
    CONFIG_FILES
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

/// The folder of the locales' folders: `i18n.path` of the config (a literal, relative to the site), else `i18n/`. A site
/// setting `path: 'translations'` was "no language folders found" beside its own config.
fn i18n_dir(site_root: &Path, config: &str) -> PathBuf {
    js_object(config, "i18n")
        .and_then(|i18n| {
            js_pieces(i18n).into_iter().find_map(|piece| {
                let rest = piece
                    .strip_prefix("path")
                    .or_else(|| piece.strip_prefix("'path'"))
                    .or_else(|| piece.strip_prefix("\"path\""))?;
                let value = rest.trim_start().strip_prefix(':')?.trim();
                string_literal(value).map(str::to_owned)
            })
        })
        .map(|path| {
            path.trim_start_matches("./")
                .trim_end_matches('/')
                .to_owned()
        })
        .filter(|path| !path.is_empty() && !path.starts_with('/') && !path.contains(".."))
        .map_or_else(|| site_root.join("i18n"), |path| site_root.join(path))
}

/// `i18n.defaultLocale` of a Docusaurus or Next.js config's text (comments blanked; the config is JavaScript): its literal, or,
/// when it names a constant (`defaultLocale,` for `defaultLocale: defaultLocale`, or `defaultLocale: DEFAULT_LOCALE`),
/// the literal that constant is declared with in the file (`const defaultLocale = 'fr'`). Without an `i18n` object
/// written there, the first `defaultLocale:` with a literal.
pub(crate) fn default_locale(text: &str) -> Option<String> {
    let value = match js_object(text, "i18n") {
        Some(i18n) => {
            let value = js_pieces(i18n).into_iter().find_map(|piece| {
                // The key bare or quoted (`'defaultLocale': 'fr'`).
                let quote = piece.chars().next().filter(|c| matches!(c, '\'' | '"'));
                let rest =
                    piece[quote.map_or(0, char::len_utf8)..].strip_prefix("defaultLocale")?;
                let rest = match quote {
                    Some(quote) => rest.strip_prefix(quote)?,
                    None => rest,
                };
                let rest = rest.trim_start();
                if rest.is_empty() {
                    // Shorthand: the constant of that name.
                    return Some("defaultLocale");
                }
                Some(rest.strip_prefix(':')?.trim())
            })?;
            match string_literal(value) {
                Some(literal) => literal.to_owned(),
                None if is_identifier(value) => const_literal(text, value)?.to_owned(),
                None => return None,
            }
        }
        None => js_string(text, "defaultLocale")?,
    };
    is_language_tag(&value).then(|| value.to_ascii_lowercase())
}

fn is_identifier(value: &str) -> bool {
    value
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// The string literal a constant is declared with in `text`: `const NAME = 'fr'` (or `let`, `var`; a TypeScript type
/// after the name is skipped).
fn const_literal<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    text.match_indices(name).find_map(|(at, _)| {
        let before = text[..at].trim_end();
        let keyword = ["const", "let", "var"]
            .iter()
            .find(|k| before.ends_with(*k))?;
        let ahead = before[..before.len() - keyword.len()].chars().next_back();
        if ahead.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
            || before.len() == text[..at].len()
        {
            return None;
        }
        let rest = text[at + name.len()..].trim_start();
        // `const defaultLocale: string = 'fr'`: the type is skipped.
        let rest = match rest.strip_prefix(':') {
            Some(typed) => &typed[typed.find('=')?..],
            None => rest,
        };
        let rest = rest.strip_prefix('=').filter(|r| !r.starts_with('='))?;
        let value = rest.split([';', '\n']).next()?.trim();
        string_literal(value)
    })
}

/// A folder the config names (`'../docs'`), relative to the site's folder; `None` when it is absolute or leaves the
/// repository.
fn folder_in_repo(path: &str, site_root: &Path, repo_root: &Path) -> Option<PathBuf> {
    if path.is_empty() || path.starts_with('/') {
        return None;
    }
    let dir = crate::site::workspace::normalize(&site_root.join(path));
    dir.starts_with(repo_root).then_some(dir)
}

/// The folder a content plugin reads, from the literal `path` of its options in the config (`docs: { path: '../docs' }`,
/// a site kept in `website/` with its docs beside it), relative to the site's folder; `None` when not written or when
/// it leaves the repository.
fn plugin_path(config: &str, plugin: &str, site_root: &Path, repo_root: &Path) -> Option<PathBuf> {
    let options = js_object(config, plugin)?;
    folder_in_repo(&js_string(options, "path")?, site_root, repo_root)
}

/// Docusaurus's content plugins: the key of their options in the classic preset, and the folder they read by default.
const CONTENT_PLUGINS: [(&str, &str); 3] =
    [("docs", "docs"), ("blog", "blog"), ("pages", "src/pages")];

/// A content plugin added in the config's `plugins` (`['@docusaurus/plugin-content-docs', { id: 'community', path:
/// 'community' }]`).
struct Instance {
    /// `docs`, `blog` or `pages`.
    kind: &'static str,
    /// Its literal `id`; `None` for the default instance (no `id`, or `'default'`).
    id: Option<String>,
    /// Its literal `path`, else the plugin's default folder.
    path: String,
}

/// The content plugins the config's text adds, in the order written; the plugin's name may be given through
/// `require.resolve(…)`. An instance whose `id` or `path` is written but is not a literal (`path.resolve(__dirname,
/// 'docs')`) is left out: its folder is not known without running the config.
fn instances(config: &str) -> Vec<Instance> {
    let mut found: Vec<(usize, Instance)> = Vec::new();
    for (kind, default_path) in CONTENT_PLUGINS {
        let name = format!("@docusaurus/plugin-content-{kind}");
        for (at, _) in config.match_indices(&name) {
            let Some(quote) = config[..at]
                .chars()
                .next_back()
                .filter(|c| matches!(c, '\'' | '"' | '`'))
            else {
                continue;
            };
            let Some(rest) = config[at + name.len()..].strip_prefix(quote) else {
                continue;
            };
            let rest = rest.trim_start();
            let rest = rest.strip_prefix(')').unwrap_or(rest).trim_start();
            let Some(rest) = rest.strip_prefix(',') else {
                continue;
            };
            let Some(options) = js_object_after(config, config.len() - rest.len()) else {
                continue;
            };
            let entries = js_entries(options);
            let literal = |key: &str| {
                entries
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, value)| string_literal(value))
            };
            let id = match literal("id") {
                None => None,
                Some(Some(id)) if id != "default" => Some(id.to_owned()),
                Some(Some(_)) => None,
                Some(None) => continue,
            };
            let path = match literal("path") {
                None => default_path.to_owned(),
                Some(Some(path)) => path.to_owned(),
                Some(None) => continue,
            };
            found.push((at, Instance { kind, id, path }));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, instance)| instance).collect()
}

/// The `version-*` folders of a versioned docs folder (`versioned_docs/`), sorted.
fn versions(dir: &Path) -> Vec<String> {
    let mut versions: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.starts_with("version-"))
        .collect();
    versions.sort();
    versions
}

/// The content roots of a Docusaurus site: docs, blog, pages and versioned docs, each with its folder per language;
/// then each content plugin added with an `id` (`community/` ⇄ `i18n/<lang>/docusaurus-plugin-content-docs-community/
/// current/`, its versions in `community_versioned_docs/`). `config`: the config's text, for the plugins' options.
fn roots(site_root: &Path, repo_root: &Path, source: &str, config: &str) -> Vec<ContentRoot> {
    let rel = |path: &Path| relative_slash(repo_root, path);
    let i18n = i18n_dir(site_root, config);
    let languages: Vec<String> = language_folders(&i18n)
        .into_iter()
        .filter(|lang| !lang.eq_ignore_ascii_case(source))
        .collect();
    let instances = instances(config);
    // The default instance's folder: the classic preset's options, else the plugin added without an `id`.
    let default_folder = |kind: &str, default_path: &str| {
        plugin_path(config, kind, site_root, repo_root)
            .or_else(|| {
                let instance = instances
                    .iter()
                    .find(|i| i.kind == kind && i.id.is_none())?;
                folder_in_repo(&instance.path, site_root, repo_root)
            })
            .unwrap_or_else(|| site_root.join(default_path))
    };
    let mut plugins: Vec<(String, PathBuf, String)> = CONTENT_PLUGINS
        .iter()
        .map(|(kind, default_path)| {
            let translated = match *kind {
                "docs" => "docusaurus-plugin-content-docs/current".to_owned(),
                _ => format!("docusaurus-plugin-content-{kind}"),
            };
            (
                (*kind).to_owned(),
                default_folder(kind, default_path),
                translated,
            )
        })
        .collect();
    for version in versions(&site_root.join("versioned_docs")) {
        plugins.push((
            format!("versioned_docs/{version}"),
            site_root.join("versioned_docs").join(&version),
            format!("docusaurus-plugin-content-docs/{version}"),
        ));
    }
    for instance in &instances {
        let Some(id) = &instance.id else {
            continue;
        };
        let Some(source_dir) = folder_in_repo(&instance.path, site_root, repo_root) else {
            continue;
        };
        let folder = format!("docusaurus-plugin-content-{}-{id}", instance.kind);
        // The instance written in the config owns its folder, rather than a default instance assumed there.
        plugins.retain(|(_, dir, _)| *dir != source_dir);
        if instance.kind == "docs" {
            plugins.push((id.clone(), source_dir, format!("{folder}/current")));
            let versioned = format!("{id}_versioned_docs");
            for version in versions(&site_root.join(&versioned)) {
                plugins.push((
                    format!("{versioned}/{version}"),
                    site_root.join(&versioned).join(&version),
                    format!("{folder}/{version}"),
                ));
            }
        } else {
            plugins.push((id.clone(), source_dir, folder));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_locale_literal_or_through_a_constant() {
        let read = |text: &str| default_locale(&strip_js_comments(text));
        assert_eq!(
            read("const defaultLocale = 'fr';\nexport default { i18n: { defaultLocale, locales: ['fr', 'en'] } };").as_deref(),
            Some("fr")
        );
        assert_eq!(
            read(
                "const defaultLocale = 'de';\nmodule.exports = { i18n: { defaultLocale: 'fr' } };"
            )
            .as_deref(),
            Some("fr")
        );
        assert_eq!(
            read("const DEFAULT_LOCALE: string = \"pt-BR\";\nconst config = { i18n: { defaultLocale: DEFAULT_LOCALE } };").as_deref(),
            Some("pt-br")
        );
        // A commented-out constant is not the one in use.
        assert_eq!(
            read("// const defaultLocale = 'fr';\nconst defaultLocale = 'ja';\nexport default { i18n: { defaultLocale } };").as_deref(),
            Some("ja")
        );
        assert_eq!(
            read("export default { i18n: { defaultLocale: process.env.LOCALE } };"),
            None
        );
        // Without an i18n object written in the file, the first literal `defaultLocale`.
        assert_eq!(
            read("const i = { defaultLocale: 'es' };").as_deref(),
            Some("es")
        );
        assert_eq!(read("const i = 1;"), None);
    }

    #[test]
    fn plugin_instances_with_their_id_and_folder() {
        let config = strip_js_comments(
            "import docs from '@docusaurus/plugin-content-docs/client';\n\
             module.exports = { plugins: [\n\
               ['@docusaurus/plugin-content-docs', { id: 'community', path: 'community', sidebarPath: './s.js' }],\n\
               [require.resolve(\"@docusaurus/plugin-content-blog\"), { id: 'news' }],\n\
               ['@docusaurus/plugin-content-docs', { id: 'api', path: path.resolve(__dirname, 'api') }],\n\
               // ['@docusaurus/plugin-content-docs', { id: 'old', path: 'old' }],\n\
               ['@docusaurus/plugin-content-pages', { path: 'landing' }],\n\
             ] };",
        );
        let instances = instances(&config);
        let found: Vec<(&str, Option<&str>, &str)> = instances
            .iter()
            .map(|i| (i.kind, i.id.as_deref(), i.path.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("docs", Some("community"), "community"),
                ("blog", Some("news"), "blog"),
                ("pages", None, "landing"),
            ]
        );
    }
}
