//! Astro Starlight: pages in `src/content/docs/`, one folder per locale, the default locale either at the root
//! (`root` in `locales`) or in its own folder. `astro.config.*` is JavaScript and is never run: it is scanned for the
//! literal `locales`, `defaultLocale`, `site` and `base`; without literal locales, a Lunaria config or the folders say.

use std::collections::BTreeMap;
use std::path::Path;

use crate::pairing::layout::{ContentRoot, Layout, is_language_tag};
use crate::site::config::{DetectedFrom, LayoutKind};
use crate::site::detect::{Detected, Evidence, Probe, language_folders, page_extension};
use crate::site::scan::{js_entries, js_object, js_string, strip_js_comments};

/// Astro config files: their presence makes a folder a site root.
pub const CONFIG_FILES: &[&str] = &[
    "astro.config.mjs",
    "astro.config.js",
    "astro.config.ts",
    "astro.config.mts",
    "astro.config.cjs",
    "astro.config.cts",
];

/// Where Starlight keeps its pages, relative to the site root.
pub const DOCS: &str = "src/content/docs";

const LUNARIA: &str = "lunaria.config.json";

/// The locales of a Starlight site: (folder or `root`, language).
struct Locales {
    entries: Vec<(String, String)>,
    default: Option<String>,
    evidence: Evidence,
}

pub fn detect(probe: &Probe) -> Option<Detected> {
    let config = CONFIG_FILES
        .iter()
        .find(|name| probe.site_root.join(name).is_file())?;
    let docs = probe.site_root.join(DOCS);
    if !docs.is_dir() {
        return None;
    }
    let text = strip_js_comments(&std::fs::read_to_string(probe.site_root.join(config)).ok()?);
    let locales = from_config(&text, config)
        .or_else(|| from_imported(probe.site_root, &text))
        .or_else(|| from_lunaria(probe.site_root, &docs))
        .or_else(|| from_folders(&docs, config))?;

    let mut dirs: BTreeMap<String, String> = BTreeMap::new();
    let mut source: Option<String> = None;
    for (key, lang) in &locales.entries {
        if key == "root" {
            let lang = lang.to_ascii_lowercase();
            dirs.insert(lang.clone(), probe.rel(&docs));
            source = Some(lang);
        } else {
            dirs.insert(key.to_ascii_lowercase(), probe.rel(&docs.join(key)));
        }
    }
    let source = source.or_else(|| {
        locales
            .default
            .as_ref()
            .map(|d| d.to_ascii_lowercase())
            .filter(|d| dirs.contains_key(d))
    })?;
    if dirs.len() < 2 {
        return None;
    }
    Some(Detected {
        from: DetectedFrom::Starlight,
        layout: Layout::Folders(vec![ContentRoot {
            name: String::new(),
            dirs: dirs.clone(),
        }]),
        layout_kind: LayoutKind::Dirs,
        content_dirs: dirs,
        source: Some((source, locales.evidence.clone())),
        languages: locales.evidence,
        base_url: base_url(&text, config),
        mdx: true,
        translatable_flag: translatable_flag(probe.site_root),
    })
}

/// `locales` and `defaultLocale` written as literals in the Astro config.
fn from_config(text: &str, file: &str) -> Option<Locales> {
    let body = js_object(text, "locales")?;
    let entries: Vec<(String, String)> = js_entries(body)
        .into_iter()
        .filter(|(key, _)| key == "root" || is_language_tag(key))
        .map(|(key, value)| {
            let lang = js_string(value, "lang").unwrap_or_else(|| {
                if key == "root" {
                    "en".to_owned()
                } else {
                    key.clone()
                }
            });
            (key, lang)
        })
        .collect();
    if entries.len() < 2 {
        return None;
    }
    Some(Locales {
        entries,
        default: js_string(text, "defaultLocale"),
        evidence: Evidence::new("evidence-key-in-file")
            .arg("key", "locales")
            .arg("file", file),
    })
}

/// `locales` imported by the Astro config from a module of the site (`import { locales } from
/// './config/locales.mjs'`), written there as a literal (`export const locales = { … }`).
fn from_imported(site_root: &Path, config: &str) -> Option<Locales> {
    let path = crate::site::scan::js_import_path(config, "locales")?;
    // As written, else with the extension an import may leave out.
    let found = ["", ".mjs", ".js", ".ts", ".mts"]
        .iter()
        .map(|ext| site_root.join(format!("{path}{ext}")))
        .find(|candidate| candidate.is_file())?;
    let text = strip_js_comments(&std::fs::read_to_string(&found).ok()?);
    let shown = crate::site::config::relative_slash(site_root, &found);
    from_config(&text, &shown)
}

/// Lunaria's config: `defaultLocale.lang` and `locales[].lang`; the default locale is at the root unless it has a
/// folder of its own.
fn from_lunaria(site_root: &Path, docs: &Path) -> Option<Locales> {
    let text = std::fs::read_to_string(site_root.join(LUNARIA)).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let default = value
        .get("defaultLocale")?
        .get("lang")?
        .as_str()?
        .to_owned();
    let mut entries = Vec::new();
    if docs.join(&default).is_dir() {
        entries.push((default.clone(), default.clone()));
    } else {
        entries.push(("root".to_owned(), default.clone()));
    }
    for locale in value.get("locales")?.as_array()? {
        if let Some(lang) = locale.get("lang").and_then(|l| l.as_str()) {
            entries.push((lang.to_owned(), lang.to_owned()));
        }
    }
    Some(Locales {
        entries,
        default: Some(default),
        evidence: Evidence::new("evidence-key-in-file")
            .arg("key", "locales")
            .arg("file", LUNARIA),
    })
}

/// Lunaria's `ignoreKeywords` (`lunaria.config.json` in `site_root`, else in `repo_root`): words that make Lunaria pass
/// a commit over, read as it reads them, case-insensitive patterns found anywhere in the message. Its own
/// `lunaria-ignore` is left out (tandem's default keywords read it, but not as the start of `@lunaria-ignore:`,
/// which names pages).
pub fn lunaria_ignore_keywords(site_root: &Path, repo_root: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(site_root.join(LUNARIA))
        .or_else(|_| std::fs::read_to_string(repo_root.join(LUNARIA)));
    let Ok(text) = text else {
        return Vec::new();
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Vec::new();
    };
    let Some(list) = value.get("ignoreKeywords").and_then(|k| k.as_array()) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|k| k.as_str())
        .map(str::trim)
        .filter(|k| !k.is_empty() && !k.eq_ignore_ascii_case("lunaria-ignore"))
        .map(|k| match regex::Regex::new(k) {
            Ok(_) => format!("(?i){k}"),
            // Not a pattern: the words as written.
            Err(_) => format!("(?i){}", regex::escape(k)),
        })
        .collect()
}

/// No literal locales: the language folders of `src/content/docs`; pages beside them are the root locale, `en`.
fn from_folders(docs: &Path, config: &str) -> Option<Locales> {
    let folders = language_folders(docs);
    let root_pages = std::fs::read_dir(docs)
        .ok()?
        .filter_map(|e| e.ok())
        .any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            page_extension(&name) || (e.path().is_dir() && !folders.contains(&name))
        });
    let mut entries: Vec<(String, String)> =
        folders.iter().map(|f| (f.clone(), f.clone())).collect();
    if root_pages && !folders.iter().any(|f| f.eq_ignore_ascii_case("en")) {
        entries.insert(0, ("root".to_owned(), "en".to_owned()));
    }
    let default = "en".to_owned();
    Some(Locales {
        entries,
        default: Some(default),
        evidence: Evidence::new("evidence-starlight-folders").arg("file", config),
    })
}

/// `site` and `base` of the Astro config, as one URL.
pub(crate) fn base_url(text: &str, file: &str) -> Option<(String, Evidence)> {
    let site = js_string(text, "site").filter(|s| s.starts_with("http"))?;
    let base = js_string(text, "base").filter(|b| b.starts_with('/'));
    let url = match base {
        Some(base) => format!("{}{}", site.trim_end_matches('/'), base),
        None => site,
    };
    Some((
        url,
        Evidence::new("evidence-key-in-file")
            .arg("key", "site")
            .arg("file", file),
    ))
}

/// Lunaria's "localizable property" (the front-matter flag of the pages meant to be translated), when its config
/// names one.
fn translatable_flag(site_root: &Path) -> Option<(String, Evidence)> {
    let text = std::fs::read_to_string(site_root.join(LUNARIA)).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let named = |v: &serde_json::Value| {
        v.get("localizableProperty")
            .and_then(|p| p.as_str())
            .map(str::to_owned)
    };
    let property =
        named(&value).or_else(|| value.get("files")?.as_array()?.iter().find_map(named))?;
    Some((
        property,
        Evidence::new("evidence-key-in-file")
            .arg("key", "localizableProperty")
            .arg("file", LUNARIA),
    ))
}
