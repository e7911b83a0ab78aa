//! Hugo: the site config read as Hugo reads it (docs/sites.md). `hugo.*` or `config.*` at the site root, and the split
//! form under `config/_default/` (`hugo.*`, `languages.*`, `module.*`); keys are case-insensitive; a language without
//! `contentDir` uses the top-level one (default `content`); the source is `defaultContentLanguage` (default `en`);
//! module mounts carrying a `lang` say where each language's content is. Zola's `config.toml` has the same shape (a
//! `content/` folder, `x.md` beside `x.fr.md`) under its own key names, `default_language` and `base_url`: read here
//! too.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Result;
use crate::pairing::layout::{ContentRoot, Layout};
use crate::site::config::{DetectedFrom, LayoutKind};
use crate::site::detect::{Detected, Evidence, Probe};
use crate::site::scan::{get_ci, read_structured};

/// What a Hugo config says about languages.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HugoConfig {
    /// The main config file, relative to the site root.
    pub file: String,
    /// The file the languages were read from.
    pub languages_file: String,
    pub default_language: Option<String>,
    /// The top-level `contentDir`.
    pub content_dir: Option<String>,
    /// Language → its own `contentDir`, when set.
    pub languages: BTreeMap<String, Option<String>>,
    /// Language → the folder a content mount with that `lang` reads (`module.mounts`), and the file saying so.
    pub mounts: BTreeMap<String, String>,
    pub mounts_file: String,
    pub base_url: Option<String>,
    /// A Zola config (`default_language` or `base_url` set, keys Hugo does not have).
    pub zola: bool,
}

const EXTENSIONS: [&str; 4] = ["toml", "yaml", "yml", "json"];

/// The config files of a Hugo site: their presence makes a folder a site root.
pub fn config_files() -> impl Iterator<Item = String> {
    [
        "hugo",
        "config",
        "config/_default/hugo",
        "config/_default/config",
    ]
    .into_iter()
    .chain(["config/_default/languages"])
    .flat_map(|stem| EXTENSIONS.map(|ext| format!("{stem}.{ext}")))
}

fn first_file(site_root: &Path, stems: &[&str]) -> Option<String> {
    stems.iter().find_map(|stem| {
        EXTENSIONS
            .iter()
            .map(|ext| format!("{stem}.{ext}"))
            .find(|name| site_root.join(name).is_file())
    })
}

/// Reads the Hugo config of the site at `site_root`, if there is one.
pub fn read(site_root: &Path) -> Result<Option<HugoConfig>> {
    // The root file wins over the config folder's, as in Hugo, where both are merged.
    let mains: Vec<String> = [
        first_file(site_root, &["hugo", "config"]),
        first_file(
            site_root,
            &["config/_default/hugo", "config/_default/config"],
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let languages_file = first_file(site_root, &["config/_default/languages"]);
    let module_file = first_file(site_root, &["config/_default/module"]);
    if mains.is_empty() && languages_file.is_none() {
        return Ok(None);
    }
    let mut config = HugoConfig::default();
    for name in mains.iter().rev() {
        let value = read_structured(&site_root.join(name), name)?;
        config.file = name.clone();
        if let Some(lang) = get_ci(&value, "defaultContentLanguage").and_then(|v| v.as_str()) {
            config.default_language = Some(lang.to_ascii_lowercase());
        }
        if let Some(dir) = get_ci(&value, "contentDir").and_then(|v| v.as_str()) {
            config.content_dir = Some(dir.trim_end_matches('/').to_owned());
        }
        if let Some(url) = get_ci(&value, "baseURL").and_then(|v| v.as_str()) {
            config.base_url = Some(url.to_owned());
        }
        // Zola: `default_language` (its default `en`) and `base_url`.
        if get_ci(&value, "defaultContentLanguage").is_none()
            && let Some(lang) = value.get("default_language").and_then(|v| v.as_str())
        {
            config.default_language = Some(lang.to_ascii_lowercase());
            config.zola = true;
        }
        if get_ci(&value, "baseURL").is_none()
            && let Some(url) = value.get("base_url").and_then(|v| v.as_str())
        {
            config.base_url = Some(url.to_owned());
            config.zola = true;
        }
        if let Some(languages) = get_ci(&value, "languages") {
            config.languages_file = name.clone();
            add_languages(&mut config, languages);
        }
        if let Some(mounts) = get_ci(&value, "module").and_then(|m| get_ci(m, "mounts")) {
            config.mounts_file = name.clone();
            add_mounts(&mut config, mounts);
        }
    }
    if let Some(name) = languages_file {
        let value = read_structured(&site_root.join(&name), &name)?;
        if config.file.is_empty() {
            config.file = name.clone();
        }
        config.languages_file = name;
        add_languages(&mut config, &value);
    }
    if let Some(name) = module_file {
        let value = read_structured(&site_root.join(&name), &name)?;
        if let Some(mounts) = get_ci(&value, "mounts") {
            config.mounts_file = name;
            add_mounts(&mut config, mounts);
        }
    }
    Ok(Some(config))
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

fn add_mounts(config: &mut HugoConfig, mounts: &serde_json::Value) {
    for mount in mounts.as_array().into_iter().flatten() {
        let target = get_ci(mount, "target").and_then(|v| v.as_str());
        let source = get_ci(mount, "source").and_then(|v| v.as_str());
        let lang = get_ci(mount, "lang").and_then(|v| v.as_str());
        if let (Some(target), Some(source), Some(lang)) = (target, source, lang)
            && (target == "content" || target.starts_with("content/"))
        {
            config
                .mounts
                .entry(lang.to_ascii_lowercase())
                .or_insert_with(|| source.trim_end_matches('/').to_owned());
        }
    }
}

impl HugoConfig {
    /// The source language: `defaultContentLanguage`, else Hugo's default, `en`.
    pub fn source(&self) -> (String, Evidence) {
        match &self.default_language {
            Some(lang) if self.zola => (
                lang.clone(),
                Evidence::new("evidence-zola-default-language").arg("file", &self.file),
            ),
            Some(lang) => (
                lang.clone(),
                Evidence::new("evidence-hugo-default-language").arg("file", &self.file),
            ),
            None if self.zola => (
                "en".to_owned(),
                Evidence::new("evidence-zola-default-en").arg("file", &self.file),
            ),
            None => (
                "en".to_owned(),
                Evidence::new("evidence-hugo-default-en").arg("file", &self.file),
            ),
        }
    }

    pub fn base_url(&self) -> Option<(String, Evidence)> {
        self.base_url.clone().map(|url| {
            (
                url,
                Evidence::new("evidence-key-in-file")
                    .arg("key", if self.zola { "base_url" } else { "baseURL" })
                    .arg("file", &self.file),
            )
        })
    }
}

/// A site whose Hugo config gives its languages their own folders: the dirs layout from the config.
pub fn detect(probe: &Probe, hugo: &HugoConfig) -> Option<Detected> {
    let top = hugo.content_dir.as_deref().unwrap_or("content");
    let (source, source_evidence) = hugo.source();
    let mut dirs: BTreeMap<String, String> = BTreeMap::new();
    let languages = if hugo.mounts.len() >= 2 {
        for (lang, dir) in &hugo.mounts {
            dirs.insert(lang.clone(), probe.rel(&probe.site_root.join(dir)));
        }
        Evidence::new("evidence-hugo-mounts").arg("file", &hugo.mounts_file)
    } else {
        for (lang, dir) in &hugo.languages {
            let dir = dir.as_deref().unwrap_or(top);
            dirs.insert(lang.clone(), probe.rel(&probe.site_root.join(dir)));
        }
        // The default language is a language even when the config lists only the others.
        if !dirs.is_empty() {
            dirs.entry(source.clone())
                .or_insert_with(|| probe.rel(&probe.site_root.join(top)));
        }
        Evidence::new("evidence-hugo-languages").arg("file", &hugo.languages_file)
    };
    let mut distinct: Vec<&String> = dirs.values().collect();
    distinct.sort();
    distinct.dedup();
    if dirs.len() < 2 || distinct.len() != dirs.len() {
        return None;
    }
    Some(Detected {
        from: DetectedFrom::HugoConfig,
        layout: Layout::Folders(vec![ContentRoot {
            name: String::new(),
            dirs: dirs.clone(),
        }]),
        layout_kind: LayoutKind::Dirs,
        content_dirs: dirs,
        source: Some((source, source_evidence)),
        languages,
        base_url: hugo.base_url(),
        mdx: false,
        translatable_flag: None,
    })
}
