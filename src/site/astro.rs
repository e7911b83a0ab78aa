//! Astro without Starlight: content collections in `src/content/<collection>/`, one folder per locale in each
//! (`src/content/blog/en/`, `src/content/blog/fr/`). `astro.config.*` is JavaScript and is never run: it is scanned
//! for the literal `i18n.defaultLocale`.

use std::path::PathBuf;

use crate::site::config::DetectedFrom;
use crate::site::detect::{Detected, Evidence, Probe, language_folders};
use crate::site::scan::{js_object, js_string, strip_js_comments};
use crate::site::starlight::CONFIG_FILES;

/// Where Astro keeps its content collections, relative to the site root.
pub const COLLECTIONS: &str = "src/content";

/// The folder of an Astro site that holds [`COLLECTIONS`].
pub const SOURCE: &str = "src";

pub fn detect(probe: &Probe) -> Option<Detected> {
    let config = CONFIG_FILES
        .iter()
        .find(|name| probe.site_root.join(name).is_file())?;
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
    let text = strip_js_comments(&std::fs::read_to_string(probe.site_root.join(config)).ok()?);
    found.from = DetectedFrom::Astro;
    found.languages = Evidence::new("evidence-astro-collections").arg("file", *config);
    found.source = js_object(&text, "i18n")
        .and_then(|i18n| js_string(i18n, "defaultLocale"))
        .map(|lang| lang.to_ascii_lowercase())
        .filter(|lang| found.content_dirs.contains_key(lang))
        .map(|lang| {
            (
                lang,
                Evidence::new("evidence-key-in-file")
                    .arg("key", "i18n.defaultLocale")
                    .arg("file", *config),
            )
        });
    found.mdx = true;
    Some(found)
}
