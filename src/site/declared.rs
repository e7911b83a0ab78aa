//! The language a site's generator config says its pages are written in, for generators tandem has no detector of
//! its own for (their sites are read as language folders or suffixes): Eleventy's i18n plugin (`defaultLanguage`, in
//! `eleventy.config.*` or `.eleventy.js`, read as a literal: the config is never run), Next.js's i18n routing, which
//! Nextra uses (`i18n.defaultLocale` in `next.config.*`, read as Docusaurus's is), and Jekyll's `_config.yml`
//! (`default_lang`, jekyll-polyglot's, else the first of `languages`, jekyll-multiple-languages-plugin's default, else
//! the site's `lang`).

use std::path::Path;

use crate::site::detect::Evidence;
use crate::site::scan::{get_ci, js_string, read_structured, strip_js_comments};

const ELEVENTY_CONFIGS: [&str; 5] = [
    "eleventy.config.js",
    "eleventy.config.mjs",
    "eleventy.config.cjs",
    "eleventy.config.ts",
    ".eleventy.js",
];

/// Next.js configs: their presence makes a folder a site root (a Nextra site in `docs/` of a monorepo).
pub const NEXT_CONFIGS: [&str; 4] = [
    "next.config.js",
    "next.config.mjs",
    "next.config.cjs",
    "next.config.ts",
];

/// The language the config at `site_root` names as the site's own, lowercased, and where it says so; `None` when no
/// such config names one.
pub fn language(site_root: &Path) -> Option<(String, Evidence)> {
    for name in ELEVENTY_CONFIGS {
        let Ok(text) = std::fs::read_to_string(site_root.join(name)) else {
            continue;
        };
        if let Some(lang) = js_string(&strip_js_comments(&text), "defaultLanguage") {
            return Some((
                lang.to_ascii_lowercase(),
                Evidence::new("evidence-key-in-file")
                    .arg("key", "defaultLanguage")
                    .arg("file", name),
            ));
        }
    }
    for name in NEXT_CONFIGS {
        let Ok(text) = std::fs::read_to_string(site_root.join(name)) else {
            continue;
        };
        if let Some(lang) = crate::site::docusaurus::default_locale(&strip_js_comments(&text)) {
            return Some((
                lang,
                Evidence::new("evidence-key-in-file")
                    .arg("key", "i18n.defaultLocale")
                    .arg("file", name),
            ));
        }
    }
    let name = "_config.yml";
    let path = site_root.join(name);
    if path.is_file() {
        let value = read_structured(&path, name).ok()?;
        // jekyll-multiple-languages-plugin has no key for it: the first of its `languages` is the default.
        let first_language = || {
            get_ci(&value, "languages")
                .and_then(|v| v.as_array())
                .and_then(|list| list.first())
                .and_then(|v| v.as_str())
        };
        for key in ["default_lang", "languages", "lang"] {
            let lang = match key {
                "languages" => first_language(),
                _ => get_ci(&value, key).and_then(|v| v.as_str()),
            };
            if let Some(lang) = lang {
                return Some((
                    lang.to_ascii_lowercase(),
                    Evidence::new("evidence-key-in-file")
                        .arg(
                            "key",
                            if key == "languages" {
                                "languages[0]"
                            } else {
                                key
                            },
                        )
                        .arg("file", name),
                ));
            }
        }
    }
    None
}

/// The entries of a Jekyll `_config.yml`'s `exclude` list (files and folders Jekyll leaves out of the site), relative
/// to the site's folder, without leading `./` or trailing `/`.
pub fn jekyll_excludes(site_root: &Path) -> Vec<String> {
    let name = "_config.yml";
    let path = site_root.join(name);
    if !path.is_file() {
        return Vec::new();
    }
    let Ok(value) = read_structured(&path, name) else {
        return Vec::new();
    };
    get_ci(&value, "exclude")
        .and_then(|v| v.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str())
                .map(|entry| {
                    entry
                        .trim()
                        .trim_start_matches("./")
                        .trim_end_matches('/')
                        .to_owned()
                })
                .filter(|entry| {
                    !entry.is_empty() && !entry.starts_with('/') && !entry.contains("..")
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `lang` as one of `languages`: itself, else its first subtag (`fr-fr` → `fr`).
pub fn among<'a>(lang: &str, languages: impl IntoIterator<Item = &'a String>) -> Option<String> {
    let languages: Vec<&String> = languages.into_iter().collect();
    if languages.iter().any(|l| *l == lang) {
        return Some(lang.to_owned());
    }
    let primary = crate::pairing::layout::primary_subtag(lang);
    languages
        .iter()
        .find(|l| **l == &primary)
        .map(|l| (*l).clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eleventy_and_jekyll_configs_name_the_site_language() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("eleventy.config.js"),
            "// defaultLanguage: 'de'\nexport default function (c) {\n  c.addPlugin(I18nPlugin, { defaultLanguage: \"fr\" });\n}\n",
        )
        .unwrap();
        let (lang, why) = language(dir.path()).unwrap();
        assert_eq!(lang, "fr");
        assert_eq!(why.args[0], ("key", "defaultLanguage".to_owned()));
        std::fs::remove_file(dir.path().join("eleventy.config.js")).unwrap();
        std::fs::write(
            dir.path().join("_config.yml"),
            "title: Carnet\nlang: fr-FR\n",
        )
        .unwrap();
        assert_eq!(language(dir.path()).unwrap().0, "fr-fr");
        let langs = ["en".to_owned(), "fr".to_owned()];
        assert_eq!(among("fr-fr", &langs).as_deref(), Some("fr"));
        assert_eq!(among("de", &langs), None);
        std::fs::write(dir.path().join("_config.yml"), "title: Carnet\n").unwrap();
        assert!(language(dir.path()).is_none());
        // jekyll-multiple-languages-plugin: the first language is the default; polyglot's `default_lang` wins.
        std::fs::write(
            dir.path().join("_config.yml"),
            "lang: en\nlanguages: [\"fr\", \"en\"]\n",
        )
        .unwrap();
        assert_eq!(language(dir.path()).unwrap().0, "fr");
        std::fs::write(
            dir.path().join("_config.yml"),
            "languages: [\"fr\", \"en\"]\ndefault_lang: en\n",
        )
        .unwrap();
        assert_eq!(language(dir.path()).unwrap().0, "en");
        std::fs::remove_file(dir.path().join("_config.yml")).unwrap();
        std::fs::write(
            dir.path().join("next.config.mjs"),
            "export default withNextra({\n  i18n: { locales: ['fr-FR', 'en-US'], defaultLocale: 'fr-FR' }\n})\n",
        )
        .unwrap();
        let (lang, why) = language(dir.path()).unwrap();
        assert_eq!(lang, "fr-fr");
        assert_eq!(why.args[0], ("key", "i18n.defaultLocale".to_owned()));
    }
}
