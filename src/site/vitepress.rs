//! VitePress: the site's pages sit in its source folder (the folder holding `.vitepress/`, or its `srcDir`), the root
//! locale's pages at the top of it and every other locale in a folder named after its key in `locales`
//! (`docs/index.md`, `docs/fr/index.md`). `.vitepress/config.*` (or `.vitepress/config/index.*`) is JavaScript and is
//! never run: it is scanned for the literal `locales` and `srcDir`; without literal locales, the language folders say.
//! VuePress has the same shape (`.vuepress/config.*`, `locales` keyed by path: `'/'` is the root locale, `'/fr/'` the
//! `fr` folder) and is read here too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::pairing::layout::{ContentRoot, Layout, is_language_tag};
use crate::site::config::{DetectedFrom, LayoutKind};
use crate::site::detect::{Detected, Evidence, Probe, language_folders, page_extension};
use crate::site::scan::{js_entries, js_object, js_string, js_string_list, strip_js_comments};

/// The folder VitePress reads its config from, below the project's root.
pub const CONFIG_DIR: &str = ".vitepress";

const CONFIG_FILES: &[&str] = &[
    "config.mts",
    "config.ts",
    "config.mjs",
    "config.js",
    "config.cts",
    "config.cjs",
];

/// The folder VuePress reads its config from.
pub const VUEPRESS_CONFIG_DIR: &str = ".vuepress";

/// The config file of a VitePress (or VuePress) project rooted at `dir`, if it is one. VitePress also reads its config
/// from a folder, `.vitepress/config/index.*` (the locales each in a file beside it), before `config.*` of the same
/// extension.
pub fn config_file(dir: &Path) -> Option<PathBuf> {
    let vitepress = dir.join(CONFIG_DIR);
    let vuepress = dir.join(VUEPRESS_CONFIG_DIR);
    CONFIG_FILES
        .iter()
        .flat_map(|name| {
            let index = name.replacen("config", "config/index", 1);
            [vitepress.join(index), vitepress.join(name)]
        })
        .chain(CONFIG_FILES.iter().map(|name| vuepress.join(name)))
        .find(|path| path.is_file())
}

/// What the VitePress config at `site_root` leaves out of the site (`srcExclude: ['**/README.md']`), as globs from
/// the repository's top: its patterns are relative to the source folder (`srcDir`). Empty without a literal list.
pub fn excluded(site_root: &Path, repo_root: &Path) -> Vec<String> {
    let Some(config) = config_file(site_root) else {
        return Vec::new();
    };
    let Ok(text) = std::fs::read_to_string(&config) else {
        return Vec::new();
    };
    let text = strip_js_comments(&text);
    let src = match js_string(&text, "srcDir") {
        Some(dir) if !dir.is_empty() && !dir.starts_with('/') && !dir.contains("..") => {
            site_root.join(dir.trim_start_matches("./"))
        }
        _ => site_root.to_path_buf(),
    };
    let prefix = match crate::site::config::relative_slash(repo_root, &src) {
        top if top.is_empty() || top == "." => String::new(),
        sub => format!("{}/", sub.trim_end_matches('/')),
    };
    js_string_list(&text, "srcExclude")
        .unwrap_or_default()
        .into_iter()
        .map(|pattern| pattern.trim_start_matches("./").to_owned())
        .filter(|pattern| {
            !pattern.is_empty() && !pattern.starts_with('/') && !pattern.contains("..")
        })
        .map(|pattern| format!("{prefix}{pattern}"))
        .collect()
}

pub fn detect(probe: &Probe) -> Option<Detected> {
    let config = config_file(probe.site_root)?;
    let vuepress = config
        .parent()
        .is_some_and(|dir| dir.ends_with(VUEPRESS_CONFIG_DIR));
    let file = probe.site_rel(&config);
    let text = strip_js_comments(&std::fs::read_to_string(&config).ok()?);
    let src = match js_string(&text, "srcDir") {
        Some(dir) if !dir.is_empty() && !dir.starts_with('/') && !dir.contains("..") => {
            probe.site_root.join(dir.trim_start_matches("./"))
        }
        _ => probe.site_root.to_path_buf(),
    };
    if !src.is_dir() {
        return None;
    }
    let config_dir = config.parent().unwrap_or(probe.site_root);
    let (entries, evidence) = match from_config(&text, config_dir) {
        Some(entries) => (
            entries,
            Evidence::new("evidence-key-in-file")
                .arg("key", "locales")
                .arg("file", file.clone()),
        ),
        None => (
            from_folders(&src)?,
            Evidence::new("evidence-vitepress-folders")
                .arg("dir", probe.site_rel(&src))
                .arg("file", file.clone()),
        ),
    };
    let mut dirs: BTreeMap<String, String> = BTreeMap::new();
    let mut source = None;
    for (key, lang) in entries {
        if key == "root" {
            source = Some(lang.clone());
            dirs.insert(lang, probe.rel(&src));
        } else if src.join(&key).is_dir() {
            dirs.insert(key.to_ascii_lowercase(), probe.rel(&src.join(&key)));
        }
    }
    let source = source?;
    if dirs.len() < 2 {
        return None;
    }
    Some(Detected {
        from: if vuepress {
            DetectedFrom::VuePress
        } else {
            DetectedFrom::VitePress
        },
        layout: Layout::Folders(vec![ContentRoot {
            name: String::new(),
            dirs: dirs.clone(),
        }]),
        layout_kind: LayoutKind::Dirs,
        content_dirs: dirs,
        source: Some((
            source,
            Evidence::new("evidence-vitepress-root").arg("file", file),
        )),
        languages: evidence,
        base_url: None,
        mdx: false,
        translatable_flag: None,
    })
}

/// `locales` written as a literal: (key, language). The root locale's language is its `lang` (its primary subtag:
/// `en-US` is `en`) — written in the root object, or in the object a module of the config folder exports and the root
/// spreads (`root: { label: 'Français', ...fr }` with `import { fr } from './fr'`, as VitePress's own docs split
/// their config) —, else `en`; another locale's is its key, the name of its folder.
fn from_config(text: &str, config_dir: &Path) -> Option<Vec<(String, String)>> {
    let body = js_object(text, "locales")?;
    let entries: Vec<(String, String)> = js_entries(body)
        .into_iter()
        // VuePress keys locales by path: `'/'` is the root, `'/fr/'` the `fr` folder.
        .map(|(key, value)| match key.trim_matches('/') {
            "" if key == "/" => ("root".to_owned(), value),
            folder if key.starts_with('/') => (folder.to_owned(), value),
            _ => (key, value),
        })
        .filter(|(key, _)| key == "root" || is_language_tag(key))
        .map(|(key, value)| {
            let lang = if key == "root" {
                js_string(value, "lang")
                    .or_else(|| spread_lang(text, value, config_dir))
                    .map(|lang| crate::pairing::layout::primary_subtag(&lang))
                    .filter(|lang| is_language_tag(lang))
                    .unwrap_or_else(|| "en".to_owned())
            } else {
                key.to_ascii_lowercase()
            };
            (key, lang)
        })
        .collect();
    (entries.len() >= 2 && entries.iter().any(|(key, _)| key == "root")).then_some(entries)
}

/// The `lang` of an object the root locale spreads (`...fr`), imported from a module beside the config: the literal
/// `lang` that module writes.
fn spread_lang(config: &str, root: &str, config_dir: &Path) -> Option<String> {
    let body = root.trim().strip_prefix('{')?.strip_suffix('}')?;
    crate::site::scan::js_pieces(body)
        .into_iter()
        .find_map(|piece| {
            let name = piece.strip_prefix("...")?.trim();
            let path = crate::site::scan::js_import_path(config, name)?;
            let found = ["", ".ts", ".mts", ".js", ".mjs", ".cts", ".cjs"]
                .iter()
                .map(|ext| config_dir.join(format!("{path}{ext}")))
                .find(|candidate| candidate.is_file())?;
            let module = strip_js_comments(&std::fs::read_to_string(found).ok()?);
            js_string(&module, "lang")
        })
}

/// No literal locales: the language folders of the source folder, beside pages of the root locale (`en`).
fn from_folders(src: &Path) -> Option<Vec<(String, String)>> {
    let folders = language_folders(src);
    if folders.is_empty() || folders.iter().any(|f| f.eq_ignore_ascii_case("en")) {
        return None;
    }
    let root_pages = std::fs::read_dir(src)
        .ok()?
        .filter_map(|e| e.ok())
        .any(|e| page_extension(&e.file_name().to_string_lossy()));
    if !root_pages {
        return None;
    }
    let mut entries = vec![("root".to_owned(), "en".to_owned())];
    entries.extend(
        folders
            .into_iter()
            .map(|f| (f.clone(), f.to_ascii_lowercase())),
    );
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_are_read_from_the_config_literal() {
        let text = "export default defineConfig({\n  srcDir: './src',\n  locales: {\n    root: { label: 'English', lang: 'en-US' },\n    fr: { label: 'Français', lang: 'fr', link: '/fr/' },\n    'zh': { label: '简体中文', lang: 'zh-CN' },\n  },\n  themeConfig: { nav: [] },\n})\n";
        assert_eq!(
            from_config(text, Path::new(".")),
            Some(vec![
                ("root".to_owned(), "en".to_owned()),
                ("fr".to_owned(), "fr".to_owned()),
                ("zh".to_owned(), "zh".to_owned()),
            ])
        );
        assert_eq!(js_string(text, "srcDir").as_deref(), Some("./src"));
        // VuePress: locales keyed by path.
        let vuepress = "export default defineUserConfig({\n  locales: {\n    '/': { lang: 'fr-FR', title: 'Carnet' },\n    '/en/': { lang: 'en-US', title: 'Notebook' },\n  },\n})\n";
        assert_eq!(
            from_config(vuepress, Path::new(".")),
            Some(vec![
                ("root".to_owned(), "fr".to_owned()),
                ("en".to_owned(), "en".to_owned()),
            ])
        );
        // Without a root locale there is no source at the top: not read as a VitePress layout.
        assert_eq!(
            from_config(
                "locales: { en: { lang: 'en' }, fr: { lang: 'fr' } }",
                Path::new(".")
            ),
            None
        );
    }
}
