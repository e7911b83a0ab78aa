//! Astro without Starlight: content collections in `src/content/<collection>/`, one folder per locale in each
//! (`src/content/blog/en/`, `src/content/blog/fr/`); else Markdown pages routed by Astro's i18n, the default locale's
//! at the top of `src/pages/` and each other locale's in `src/pages/<locale>/`. `astro.config.*` is JavaScript and is
//! never run: it is scanned for the literal `i18n` object (`defaultLocale`, `locales`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::pairing::layout::{ContentRoot, Layout};
use crate::site::config::{DetectedFrom, LayoutKind};
use crate::site::detect::{Detected, Evidence, Probe, language_folders};
use crate::site::scan::{
    js_entries, js_object, js_object_after, js_pieces, js_string, string_literal, strip_js_comments,
};
use crate::site::starlight::CONFIG_FILES;

/// Where Astro keeps its content collections, relative to the site root.
pub const COLLECTIONS: &str = "src/content";

/// The folder of an Astro site that holds [`COLLECTIONS`].
pub const SOURCE: &str = "src";

/// Where Astro routes pages from, relative to the site root.
pub const PAGES: &str = "src/pages";

pub fn detect(probe: &Probe) -> Option<Detected> {
    let config = CONFIG_FILES
        .iter()
        .find(|name| probe.site_root.join(name).is_file())?;
    let text = strip_js_comments(&std::fs::read_to_string(probe.site_root.join(config)).ok()?);
    collections(probe, config, &text).or_else(|| pages(probe, config, &text))
}

/// The content collections with a folder per locale, each a content root.
fn collections(probe: &Probe, config: &'static str, text: &str) -> Option<Detected> {
    let collections = probe.site_root.join(COLLECTIONS);
    let mut roots: Vec<PathBuf> = std::fs::read_dir(&collections)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .map(|entry| entry.path())
        .filter(|dir| !language_folders(dir).is_empty())
        .collect();
    roots.sort();
    let mut found = crate::site::folders::detect(probe, &roots, true, None, ("en", false))?;
    if found.content_dirs.len() < 2 {
        return None;
    }
    found.from = DetectedFrom::Astro;
    found.languages = Evidence::new("evidence-astro-collections").arg("file", config);
    found.source = js_object(text, "i18n")
        .and_then(|i18n| js_string(i18n, "defaultLocale"))
        .map(|lang| lang.to_ascii_lowercase())
        .filter(|lang| found.content_dirs.contains_key(lang))
        .map(|lang| {
            (
                lang,
                Evidence::new("evidence-key-in-file")
                    .arg("key", "i18n.defaultLocale")
                    .arg("file", config),
            )
        });
    found.mdx = true;
    Some(found)
}

/// A locale of Astro's i18n: its folder under `src/pages/` and its language.
type Locale = (String, String);

/// The locales of Astro's literal `i18n` object: (folder, language) for each entry of `locales` — a string is both,
/// an object `{ path, codes }` has its `path` for folder and its first code for language — and the default locale's,
/// `defaultLocale` naming one of them by its folder or its language. The first `i18n` object that reads so is
/// Astro's (the sitemap integration's `i18n` option, its `locales` an object, may come before it).
fn i18n_locales(text: &str) -> Option<(Vec<Locale>, Locale)> {
    let mut rest = text;
    while let Some(i18n) = js_object(rest, "i18n") {
        if let Some(found) = locales_in(i18n) {
            return Some(found);
        }
        let end = i18n.as_ptr() as usize - rest.as_ptr() as usize + i18n.len();
        rest = &rest[end..];
    }
    None
}

/// [`i18n_locales`] of one `i18n` object's body.
fn locales_in(i18n: &str) -> Option<(Vec<Locale>, Locale)> {
    let entries = js_entries(i18n);
    let value = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
    let default = string_literal(value("defaultLocale")?)?;
    let list = value("locales")?.strip_prefix('[')?.strip_suffix(']')?;
    let mut locales = Vec::new();
    for piece in js_pieces(list).into_iter().filter(|p| !p.is_empty()) {
        let (folder, lang) = match string_literal(piece) {
            Some(locale) => (locale, locale),
            None => {
                let object = js_object_after(piece, 0)?;
                let fields = js_entries(object);
                let field = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
                let folder = string_literal(field("path")?)?;
                let codes = field("codes")?.strip_prefix('[')?.strip_suffix(']')?;
                let first = js_pieces(codes).into_iter().next()?;
                (folder, string_literal(first)?)
            }
        };
        if folder.is_empty() || folder.contains(['/', '\\']) || lang.is_empty() {
            return None;
        }
        locales.push((folder.to_owned(), lang.to_ascii_lowercase()));
    }
    let default = locales
        .iter()
        .find(|(folder, lang)| folder == default || lang.eq_ignore_ascii_case(default))?
        .clone();
    Some((locales, default))
}

/// Markdown pages routed by Astro's i18n (`i18n: { defaultLocale: 'en', locales: ['en', 'es'] }`): the default
/// locale's pages at the top of `src/pages/` (or in `src/pages/<default>/` when that folder exists, the default locale
/// prefixed), each other locale's in its folder there. Only `.md` and `.mdx` pages count as Astro's: a site whose
/// source has none (its pages `.astro` components) is not recognised here.
fn pages(probe: &Probe, config: &'static str, text: &str) -> Option<Detected> {
    let pages = probe.site_root.join(PAGES);
    if !pages.is_dir() {
        return None;
    }
    let (locales, (default_folder, source)) = i18n_locales(text)?;
    let source_dir = match pages.join(&default_folder) {
        dir if dir.is_dir() => dir,
        _ => pages.clone(),
    };
    let mut dirs: BTreeMap<String, String> = BTreeMap::new();
    dirs.insert(source.clone(), probe.rel(&source_dir));
    for (folder, lang) in &locales {
        let dir = pages.join(folder);
        if *lang != source && dir.is_dir() {
            dirs.entry(lang.clone()).or_insert_with(|| probe.rel(&dir));
        }
    }
    if dirs.len() < 2 {
        return None;
    }
    // The source's own Markdown pages, outside the other locales' folders.
    let others: Vec<String> = dirs
        .iter()
        .filter(|(lang, _)| **lang != source)
        .map(|(_, dir)| format!("{dir}/"))
        .collect();
    let markdown = |path: &str| {
        let lower = path.to_ascii_lowercase();
        (lower.ends_with(".md") || lower.ends_with(".mdx"))
            && !others.iter().any(|dir| path.starts_with(dir.as_str()))
    };
    if probe
        .listings
        .count_files(probe.repo_root, &dirs[&source], markdown)
        == 0
    {
        return None;
    }
    let evidence = |key: &str| {
        Evidence::new("evidence-key-in-file")
            .arg("key", key.to_owned())
            .arg("file", config)
    };
    Some(Detected {
        from: DetectedFrom::AstroPages,
        layout: Layout::Folders(vec![ContentRoot {
            name: String::new(),
            dirs: dirs.clone(),
        }]),
        layout_kind: LayoutKind::Dirs,
        content_dirs: dirs,
        source: Some((source, evidence("i18n.defaultLocale"))),
        languages: evidence("i18n.locales"),
        base_url: crate::site::starlight::base_url(text, config),
        mdx: true,
        translatable_flag: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i18n_locales_as_strings_or_paths_with_codes() {
        let read = |text: &str| i18n_locales(&strip_js_comments(text));
        let (locales, default) = read(
            "export default defineConfig({ i18n: {\n  defaultLocale: 'portugues',\n  locales: ['en', \"es\", { path: 'portugues', codes: ['pt-BR', 'pt'] },],\n} });",
        )
        .unwrap();
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect()
        };
        assert_eq!(
            locales,
            pairs(&[("en", "en"), ("es", "es"), ("portugues", "pt-br")])
        );
        assert_eq!(default, ("portugues".to_owned(), "pt-br".to_owned()));
        // The default locale named by a code, not the path.
        assert_eq!(
            read("i18n: { defaultLocale: 'pt-BR', locales: ['en', { path: 'pt', codes: ['pt-BR'] }] }")
                .map(|(_, default)| default),
            Some(("pt".to_owned(), "pt-br".to_owned()))
        );
        // The sitemap integration's i18n first: Astro's is the one after it.
        assert_eq!(
            read("integrations: [sitemap({ i18n: { defaultLocale: 'en', locales: { en: 'en-US', es: 'es-ES' } } })],\ni18n: { defaultLocale: 'en', locales: ['en', 'es'] },")
                .map(|(locales, _)| locales.len()),
            Some(2)
        );
        // Locales built at run time, or a default locale that is not among them: not read.
        assert_eq!(
            read("i18n: { defaultLocale: 'en', locales: LOCALES }"),
            None
        );
        assert_eq!(
            read("i18n: { defaultLocale: 'en', locales: ['en', ...more] }"),
            None
        );
        assert_eq!(
            read("i18n: { defaultLocale: 'de', locales: ['en', 'es'] }"),
            None
        );
    }
}
