//! Pelican sites (`pelicanconf.py`). Pelican reads a page's language and its translation's identity from the
//! metadata header at the top of the file (`Lang: fr`, `Slug: le-col`, lines with no `---` around them), and pairs
//! translations by their `Slug` wherever the files are. tandem reads front matter in YAML or TOML only, so it cannot
//! pair such pages by their header; it reads a Pelican site whose translations are named after their page with their
//! language (`le-col.en.md` beside `le-col.md`: Pelican takes `Lang` and `Slug` from the header whatever the file's
//! name) or kept in a folder per language, the source language being `DEFAULT_LANG`. The config is never run: its
//! literal assignments are read as text.

use std::path::Path;

use crate::site::detect::Evidence;

/// The settings file that makes a folder a Pelican site.
pub const CONFIG_FILE: &str = "pelicanconf.py";

/// The string literal assigned to `name` at the top level of Python source (`DEFAULT_LANG = 'fr'`), when there is
/// one; comments and indented lines (inside a function or a block) are skipped.
fn python_string(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let rest = line.strip_prefix(name)?.trim_start();
        let value = rest.strip_prefix('=')?.trim_start();
        let quote = value.chars().next().filter(|c| *c == '\'' || *c == '"')?;
        let body = &value[1..];
        let end = body.find(quote)?;
        Some(body[..end].to_owned())
    })
}

/// Whether `dir` holds a Pelican settings file.
pub fn is_site(dir: &Path) -> bool {
    dir.join(CONFIG_FILE).is_file()
}

/// The site's language, `DEFAULT_LANG` of its settings, lowercased, with what said it.
pub fn default_lang(site_root: &Path) -> Option<(String, Evidence)> {
    let text = std::fs::read_to_string(site_root.join(CONFIG_FILE)).ok()?;
    let lang = python_string(&text, "DEFAULT_LANG")?
        .trim()
        .to_ascii_lowercase();
    (!lang.is_empty()).then(|| {
        (
            lang,
            Evidence::new("evidence-key-in-file")
                .arg("key", "DEFAULT_LANG")
                .arg("file", CONFIG_FILE),
        )
    })
}

/// The folder Pelican reads pages from (`PATH`, by default `content`), relative to the site's folder.
pub fn content_path(site_root: &Path) -> String {
    std::fs::read_to_string(site_root.join(CONFIG_FILE))
        .ok()
        .and_then(|text| python_string(&text, "PATH"))
        .map(|path| {
            path.trim()
                .trim_start_matches("./")
                .trim_end_matches('/')
                .to_owned()
        })
        .filter(|path| !path.is_empty() && !path.starts_with('/') && !path.contains(".."))
        .unwrap_or_else(|| "content".to_owned())
}

/// The value of `key` (any case) in the metadata header `text` opens with, trimmed; `None` without a header, the key
/// or a value.
fn header_value(text: &str, key: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = &text[..crate::markdown::edit::metadata_header_len(text)?];
    header.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        let value = value.trim();
        (name.eq_ignore_ascii_case(key) && !value.is_empty()).then(|| value.to_owned())
    })
}

/// The language the metadata header of a page names (`Lang: en`), lowercased; `None` without a header or the key.
pub fn header_language(text: &str) -> Option<String> {
    header_value(text, "lang").map(|lang| lang.to_ascii_lowercase())
}

/// A translation read as a source page: its path, the language its header names, and the name that pairs it (its
/// source's, with the language before the extension), when a source page shares its `Slug`.
#[derive(Debug, PartialEq, Eq)]
pub struct Unnamed {
    pub path: String,
    pub lang: String,
    pub rename_to: Option<String>,
}

/// The pages read in the source language whose header names one of the `targets` (`the-pass.md` with `Lang: en`):
/// Pelican pairs them by `Slug`, tandem by name, so each is a translation read as a source page.
pub fn translations_read_as_sources<'a>(
    workdir: &Path,
    pages: impl Iterator<Item = &'a str>,
    targets: &[String],
) -> Vec<Unnamed> {
    let mut slugs: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    let mut unnamed: Vec<(Unnamed, Option<String>)> = Vec::new();
    for path in pages {
        let Ok(text) = std::fs::read_to_string(workdir.join(path)) else {
            continue;
        };
        let slug = header_value(&text, "slug");
        match header_language(&text).and_then(|said| crate::site::declared::among(&said, targets)) {
            Some(lang) => unnamed.push((
                Unnamed {
                    path: path.to_owned(),
                    lang,
                    rename_to: None,
                },
                slug,
            )),
            None => {
                if let Some(slug) = slug {
                    slugs.entry(slug).or_insert(path);
                }
            }
        }
    }
    unnamed
        .into_iter()
        .map(|(mut found, slug)| {
            found.rename_to = slug
                .and_then(|slug| slugs.get(&slug).copied())
                .and_then(|source| source.rsplit_once('.'))
                .map(|(stem, ext)| format!("{stem}.{}.{ext}", found.lang));
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pelican_settings_are_read_as_text() {
        let dir = tempfile::tempdir().unwrap();
        assert!(default_lang(dir.path()).is_none());
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "# DEFAULT_LANG = 'de'\nAUTHOR = 'Camille'\nPATH = \"notes\"\nDEFAULT_LANG = 'FR'\nif True:\n    DEFAULT_LANG = 'en'\n",
        )
        .unwrap();
        let (lang, why) = default_lang(dir.path()).unwrap();
        assert_eq!(lang, "fr");
        assert_eq!(why.args[0], ("key", "DEFAULT_LANG".to_owned()));
        assert_eq!(content_path(dir.path()), "notes");
        std::fs::write(dir.path().join(CONFIG_FILE), "SITENAME = 'Carnet'\n").unwrap();
        assert!(default_lang(dir.path()).is_none());
        assert_eq!(content_path(dir.path()), "content");
    }

    #[test]
    fn the_language_a_header_names() {
        assert_eq!(
            header_language("Title: The pass\nLANG: EN\nSlug: le-col\n\nLang: de\n").as_deref(),
            Some("en")
        );
        assert_eq!(
            header_language("Title: Le col\nSlug: le-col\n\nText.\n"),
            None
        );
        assert_eq!(header_language("---\nlang: en\n---\n"), None);
    }

    #[test]
    fn a_translation_under_its_own_name_is_found_with_its_pair_when_a_slug_names_one() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write("le-col.md", "Title: Le col\nSlug: le-col\n\nTexte.\n");
        write(
            "the-pass.md",
            "Title: The pass\nLang: en\nSlug: le-col\n\nText.\n",
        );
        write(
            "lonely.md",
            "Title: Lonely\nLang: en\nSlug: nowhere\n\nText.\n",
        );
        write("notes.md", "Title: Notizen\nLang: de\n\nText.\n");
        let pages = ["le-col.md", "lonely.md", "notes.md", "the-pass.md"];
        let found = translations_read_as_sources(dir.path(), pages.into_iter(), &["en".to_owned()]);
        assert_eq!(
            found,
            [
                Unnamed {
                    path: "lonely.md".into(),
                    lang: "en".into(),
                    rename_to: None,
                },
                Unnamed {
                    path: "the-pass.md".into(),
                    lang: "en".into(),
                    rename_to: Some("le-col.en.md".into()),
                },
            ]
        );
    }
}
