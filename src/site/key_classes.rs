//! `front_matter:` resolved: each generator's default key classes (docs/drift.md gives the lists and their reasons),
//! with the lists `tandem.yaml` gives in their place.

use crate::drift::front_matter::KeyClasses;
use crate::error::{Error, Result};
use crate::i18n::Message;
use crate::markdown::yaml::same_path;
use crate::site::config::FileConfig;

/// Which generator's front-matter conventions apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Hugo,
    Starlight,
    Docusaurus,
    /// Eleventy, and any site read from its folders or file names.
    Other,
}

/// (translated, mirrored, own) by default for `generator`.
fn defaults(generator: Generator) -> [&'static [&'static str]; 3] {
    match generator {
        Generator::Hugo => [
            &["title", "linkTitle", "description", "summary", "keywords"],
            &[
                "weight",
                "date",
                "publishDate",
                "expiryDate",
                "draft",
                "type",
                "layout",
                "image",
                "images",
            ],
            &["slug", "url", "aliases", "translationKey", "lastmod"],
        ],
        Generator::Starlight => [
            &[
                "title",
                "description",
                "sidebar.label",
                "hero.title",
                "hero.tagline",
                "banner.content",
            ],
            &[
                "sidebar.order",
                "sidebar.hidden",
                "template",
                "draft",
                "pagefind",
                "tableOfContents",
                "hero.image",
            ],
            &["slug", "editUrl", "lastUpdated", "i18nReady"],
        ],
        Generator::Docusaurus => [
            &[
                "title",
                "description",
                "sidebar_label",
                "pagination_label",
                "keywords",
            ],
            &[
                "id",
                "sidebar_position",
                "sidebar_class_name",
                "sidebar_custom_props",
                "displayed_sidebar",
                "pagination_next",
                "pagination_prev",
                "hide_title",
                "hide_table_of_contents",
                "toc_min_heading_level",
                "toc_max_heading_level",
                "draft",
                "unlisted",
                "image",
                "tags",
                "date",
                "authors",
            ],
            &["slug", "custom_edit_url", "last_update"],
        ],
        Generator::Other => [
            &["title", "linkTitle", "description", "summary", "keywords"],
            &[
                "weight",
                "order",
                "date",
                "draft",
                "layout",
                "tags",
                "image",
                "eleventyNavigation.order",
                "eleventyExcludeFromCollections",
            ],
            &[
                "slug",
                "url",
                "aliases",
                "permalink",
                "translationKey",
                "lastmod",
            ],
        ],
    }
}

const CLASSES: [&str; 3] = ["translated", "mirrored", "own"];

/// The key classes: `front_matter:`'s lists (`scaffold.translatable` standing for `front_matter.translated`) in place
/// of the generator's; a key a list of `tandem.yaml` names leaves the default lists of the other classes. A key named
/// in two lists of `tandem.yaml` is an error.
pub fn resolve(file: &FileConfig, generator: Generator, config_label: &str) -> Result<KeyClasses> {
    let configured = file.front_matter.as_ref();
    let given: [Option<Vec<String>>; 3] = [
        configured
            .and_then(|f| f.translated.clone())
            .or_else(|| file.scaffold.as_ref().and_then(|s| s.translatable.clone())),
        configured.and_then(|f| f.mirrored.clone()),
        configured.and_then(|f| f.own.clone()),
    ];
    for (i, list) in given.iter().enumerate() {
        for (j, other) in given.iter().enumerate().skip(i + 1) {
            if let (Some(list), Some(other)) = (list, other)
                && let Some(key) = list.iter().find(|k| other.iter().any(|o| same_path(k, o)))
            {
                return Err(Error::ConfigValue {
                    path: config_label.to_owned(),
                    key: "front_matter".into(),
                    detail: Message::new("detail-front-matter-two-classes")
                        .arg("key", key)
                        .arg("first", CLASSES[i])
                        .arg("second", CLASSES[j]),
                });
            }
        }
    }
    let named: Vec<String> = given.iter().flatten().flatten().cloned().collect();
    let mut lists = defaults(generator).map(|list| {
        list.iter()
            .filter(|k| !named.iter().any(|n| same_path(k, n)))
            .map(|k| (*k).to_owned())
            .collect::<Vec<String>>()
    });
    for (list, given) in lists.iter_mut().zip(given) {
        if let Some(given) = given {
            *list = given;
        }
    }
    let [translated, mirrored, own] = lists;
    Ok(KeyClasses {
        translated,
        mirrored,
        own,
        named,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::front_matter::KeyClass;

    fn config(text: &str) -> FileConfig {
        FileConfig::parse(text, "tandem.yaml").unwrap()
    }

    #[test]
    fn a_list_given_replaces_the_default_and_takes_its_keys_from_the_others() {
        let classes = resolve(
            &config("front_matter:\n  translated: [title, weight]\n"),
            Generator::Hugo,
            "tandem.yaml",
        )
        .unwrap();
        assert_eq!(classes.translated, ["title", "weight"]);
        assert_eq!(classes.class_of("weight"), KeyClass::Translated);
        assert_eq!(classes.class_of("date"), KeyClass::Mirrored);
        assert_eq!(classes.class_of("aliases"), KeyClass::Own);
    }

    #[test]
    fn scaffold_translatable_stands_for_translated() {
        let classes = resolve(
            &config("scaffold:\n  translatable: [title, params.tagline]\n"),
            Generator::Other,
            "tandem.yaml",
        )
        .unwrap();
        assert_eq!(classes.translated, ["title", "params.tagline"]);
    }

    #[test]
    fn a_key_in_two_lists_is_an_error() {
        let err = resolve(
            &config("front_matter:\n  mirrored: [weight]\n  own: [Weight]\n"),
            Generator::Hugo,
            "tandem.yaml",
        )
        .unwrap_err();
        assert!(matches!(err, Error::ConfigValue { .. }), "{err:?}");
    }
}
