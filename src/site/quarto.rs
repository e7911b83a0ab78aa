//! Quarto projects (`_quarto.yml`) made multilingual with babelquarto: every language in the same folders, the main
//! language's pages unsuffixed (`intro.qmd`), each other language's named with its code (`intro.es.qmd`), the
//! languages listed under `babelquarto` (`mainlanguage: 'en'`, `languages: ['es', 'fr']`). Read as the suffix layout
//! at the project's top, its `.qmd` pages counted.

use std::path::Path;

use crate::site::detect::Evidence;
use crate::site::scan::{get_ci, read_structured};

/// The project file that makes a folder a Quarto project.
pub const CONFIG_FILE: &str = "_quarto.yml";

/// The page pattern of Quarto's own Markdown, counted on a Quarto project.
pub const PAGE_PATTERN: &str = "**/*.qmd";

/// What a project's `_quarto.yml` says about its languages.
#[derive(Debug, Clone, Default)]
pub struct QuartoConfig {
    /// The main language (`babelquarto.mainlanguage`, else the project's `lang`), lowercased, with what said it.
    pub main: Option<(String, Evidence)>,
    /// The further languages (`babelquarto.languages`), lowercased.
    pub languages: Vec<String>,
}

/// The `_quarto.yml` at `site_root`, when there is one; one that cannot be read says nothing about languages.
pub fn read(site_root: &Path) -> Option<QuartoConfig> {
    let path = site_root.join(CONFIG_FILE);
    if !path.is_file() {
        return None;
    }
    let Ok(value) = read_structured(&path, CONFIG_FILE) else {
        return Some(QuartoConfig::default());
    };
    let babel = get_ci(&value, "babelquarto");
    let said = |key: &str, lang: &str| {
        (
            lang.trim().to_ascii_lowercase(),
            Evidence::new("evidence-key-in-file")
                .arg("key", key)
                .arg("file", CONFIG_FILE),
        )
    };
    let main = babel
        .and_then(|b| get_ci(b, "mainlanguage"))
        .and_then(|v| v.as_str())
        .map(|lang| said("babelquarto.mainlanguage", lang))
        .or_else(|| {
            get_ci(&value, "lang")
                .and_then(|v| v.as_str())
                .map(|lang| said("lang", lang))
        })
        .filter(|(lang, _)| !lang.is_empty());
    let languages = babel
        .and_then(|b| get_ci(b, "languages"))
        .and_then(|v| v.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str())
                .map(|lang| lang.trim().to_ascii_lowercase())
                .filter(|lang| !lang.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Some(QuartoConfig { main, languages })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn babelquarto_names_the_main_and_further_languages() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(dir.path()).is_none());
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "project:\n  type: book\nbabelquarto:\n  mainlanguage: 'fr'\n  languages: ['en', 'ES']\nlang: fr\n",
        )
        .unwrap();
        let config = read(dir.path()).unwrap();
        let (main, why) = config.main.unwrap();
        assert_eq!(main, "fr");
        assert_eq!(why.args[0], ("key", "babelquarto.mainlanguage".to_owned()));
        assert_eq!(config.languages, ["en", "es"]);
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "project:\n  type: website\nlang: de\n",
        )
        .unwrap();
        let config = read(dir.path()).unwrap();
        assert_eq!(config.main.unwrap().0, "de");
        assert!(config.languages.is_empty());
    }
}
