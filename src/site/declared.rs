//! The language a site's generator config says its pages are written in, for generators tandem has no detector of
//! its own for (their sites are read as language folders or suffixes): Eleventy's i18n plugin (`defaultLanguage`, in
//! `eleventy.config.*` or `.eleventy.js`, read as a literal: the config is never run), Next.js's i18n routing, which
//! Nextra uses (`i18n.defaultLocale` in `next.config.*`, read as Docusaurus's is), and Jekyll's `_config.yml`
//! (`default_lang`, jekyll-polyglot's, else the first of `languages`, jekyll-multiple-languages-plugin's default, else
//! the site's `lang`, else Hexo's `language`, one language or a list whose first is the default), and Pelican's
//! `DEFAULT_LANG` in `pelicanconf.py`.

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
    if let Some(found) = crate::site::pelican::default_lang(site_root) {
        return Some(found);
    }
    let name = "_config.yml";
    let path = site_root.join(name);
    if path.is_file() {
        let value = read_structured(&path, name).ok()?;
        // jekyll-multiple-languages-plugin has no key for it: the first of its `languages` is the default; Hexo's
        // `language` is one language or a list whose first is the default.
        let first_of = |key: &str| {
            get_ci(&value, key)
                .and_then(|v| v.as_array())
                .and_then(|list| list.first())
                .and_then(|v| v.as_str())
        };
        for key in ["default_lang", "languages", "lang", "language"] {
            let lang = match key {
                "languages" => first_of(key),
                "language" => get_ci(&value, key)
                    .and_then(|v| v.as_str())
                    .or_else(|| first_of(key)),
                _ => get_ci(&value, key).and_then(|v| v.as_str()),
            };
            if let Some(lang) = lang {
                return Some((
                    lang.to_ascii_lowercase(),
                    Evidence::new("evidence-key-in-file")
                        .arg(
                            "key",
                            match key {
                                "languages" => "languages[0]",
                                "language" if first_of(key).is_some() => "language[0]",
                                _ => key,
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

/// Keys of a Hexo `_config.yml` that Jekyll's has not: any of them makes the config Hexo's.
const HEXO_KEYS: [&str; 3] = ["source_dir", "i18n_dir", "new_post_name"];

/// The folder of a Hexo site's pages (`source_dir`, by default `source/`), when the `_config.yml` at `site_root` is
/// Hexo's: one of its own keys is there, or `package.json` names Hexo. Hexo serves its default language's pages from
/// the top of that folder and each other language's from a sub-folder (`i18n_dir: :lang`, `source/fr/about/`).
pub fn hexo_source_dir(site_root: &Path) -> Option<std::path::PathBuf> {
    let name = "_config.yml";
    let path = site_root.join(name);
    if !path.is_file() {
        return None;
    }
    let value = read_structured(&path, name).ok()?;
    let has_key = HEXO_KEYS.iter().any(|key| get_ci(&value, key).is_some());
    let names_hexo = || {
        std::fs::read_to_string(site_root.join("package.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .is_some_and(|package| {
                package.get("hexo").is_some()
                    || ["dependencies", "devDependencies"]
                        .iter()
                        .any(|deps| package[deps].get("hexo").is_some())
            })
    };
    if !has_key && !names_hexo() {
        return None;
    }
    let folder = get_ci(&value, "source_dir")
        .and_then(|v| v.as_str())
        .map(|dir| dir.trim().trim_start_matches("./").trim_end_matches('/'))
        .filter(|dir| !dir.is_empty() && !dir.starts_with('/') && !dir.contains(".."))
        .unwrap_or("source");
    Some(site_root.join(folder))
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
        // Hexo: `language` is one language or a list whose first is the default; its `source_dir` holds the pages.
        std::fs::write(
            dir.path().join("_config.yml"),
            "language:\n  - zh-CN\n  - en\ni18n_dir: :lang\n",
        )
        .unwrap();
        let (lang, why) = language(dir.path()).unwrap();
        assert_eq!(lang, "zh-cn");
        assert_eq!(why.args[0], ("key", "language[0]".to_owned()));
        assert_eq!(hexo_source_dir(dir.path()), Some(dir.path().join("source")));
        std::fs::write(
            dir.path().join("_config.yml"),
            "language: fr\nsource_dir: pages/\n",
        )
        .unwrap();
        assert_eq!(
            language(dir.path()).unwrap().1.args[0],
            ("key", "language".to_owned())
        );
        assert_eq!(hexo_source_dir(dir.path()), Some(dir.path().join("pages")));
        // A Jekyll config is not Hexo's.
        std::fs::write(dir.path().join("_config.yml"), "lang: fr\nsource: .\n").unwrap();
        assert_eq!(hexo_source_dir(dir.path()), None);
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
