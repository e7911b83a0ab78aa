//! Docusaurus: `docs/x.md` ⇄ `i18n/<lang>/docusaurus-plugin-content-docs/current/x.md`, the blog, pages and versioned
//! docs likewise. `docusaurus.config.*` is JavaScript and is never run: it is scanned for the literal
//! `i18n.defaultLocale` (or the literal of the constant it names), `url` and `baseUrl`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::pairing::layout::{ContentRoot, Layout, is_language_tag};
use crate::site::config::{DetectedFrom, LayoutKind, relative_slash};
use crate::site::detect::{Detected, Evidence, Probe, language_folders};
use crate::site::scan::{js_object, js_pieces, js_string, strip_js_comments};

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
    let i18n = site_root.join("i18n");
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

/// `i18n.defaultLocale` of the Docusaurus config's text (comments blanked; the config is JavaScript): its literal, or,
/// when it names a constant (`defaultLocale,` for `defaultLocale: defaultLocale`, or `defaultLocale: DEFAULT_LOCALE`),
/// the literal that constant is declared with in the file (`const defaultLocale = 'fr'`). Without an `i18n` object
/// written there, the first `defaultLocale:` with a literal.
fn default_locale(text: &str) -> Option<String> {
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

/// The text of a value that is one string literal and nothing else (`'fr'`), without its quotes.
fn string_literal(value: &str) -> Option<&str> {
    let quote = value
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let body = value[1..].strip_suffix(quote)?;
    (!body.contains(quote)).then_some(body)
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

/// The folder a content plugin reads, from the literal `path` of its options in the config (`docs: { path: '../docs' }`,
/// a site kept in `website/` with its docs beside it), relative to the site's folder; `None` when not written or when
/// it leaves the repository.
fn plugin_path(config: &str, plugin: &str, site_root: &Path, repo_root: &Path) -> Option<PathBuf> {
    let options = js_object(config, plugin)?;
    let path = js_string(options, "path")?;
    if path.is_empty() || path.starts_with('/') {
        return None;
    }
    let dir = crate::site::workspace::normalize(&site_root.join(path));
    dir.starts_with(repo_root).then_some(dir)
}

/// The content roots of a Docusaurus site: docs, blog, pages and versioned docs, each with its folder per language.
/// `config`: the config's text, for the plugins' `path`.
fn roots(site_root: &Path, repo_root: &Path, source: &str, config: &str) -> Vec<ContentRoot> {
    let rel = |path: &Path| relative_slash(repo_root, path);
    let i18n = site_root.join("i18n");
    let languages: Vec<String> = language_folders(&i18n)
        .into_iter()
        .filter(|lang| !lang.eq_ignore_ascii_case(source))
        .collect();
    let mut plugins: Vec<(String, PathBuf, String)> = vec![
        (
            "docs".into(),
            plugin_path(config, "docs", site_root, repo_root)
                .unwrap_or_else(|| site_root.join("docs")),
            "docusaurus-plugin-content-docs/current".into(),
        ),
        (
            "blog".into(),
            plugin_path(config, "blog", site_root, repo_root)
                .unwrap_or_else(|| site_root.join("blog")),
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
}
