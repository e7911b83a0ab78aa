//! Pure: which source page goes with which translation, for each target language.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::workspace::Inventory;

/// The rule that paired two pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairedBy {
    /// The same path under each language's content folder.
    Path,
}

/// One (source page, language) slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    /// Both files exist.
    Paired,
    /// The source exists; the translation does not (its path is where it would go).
    Missing,
    /// The translation exists; its source does not (the source path is where it would be).
    Orphaned,
}

/// A source page and its translation in one language. Paths are repo-relative with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub language: String,
    pub source: String,
    pub translation: String,
    pub kind: PairKind,
    pub paired_by: PairedBy,
}

/// Pairs pages that share a path below their language's content folder (`content/en/x.md` ⇄ `content/fr/x.md`).
pub fn pair_by_path(
    inventory: &Inventory,
    source_lang: &str,
    targets: &[String],
    content_dirs: &BTreeMap<String, String>,
) -> Vec<Pair> {
    let join = |dir: &str, rel: &str| {
        if dir.is_empty() {
            rel.to_owned()
        } else {
            format!("{dir}/{rel}")
        }
    };
    let empty = Default::default();
    let sources = inventory.pages.get(source_lang).unwrap_or(&empty);
    let source_dir = content_dirs.get(source_lang).map_or("", String::as_str);
    let mut pairs = Vec::new();
    for lang in targets {
        let translations = inventory.pages.get(lang).unwrap_or(&empty);
        let dir = content_dirs.get(lang).map_or("", String::as_str);
        for rel in sources {
            let kind = if translations.contains(rel) {
                PairKind::Paired
            } else {
                PairKind::Missing
            };
            pairs.push(Pair {
                language: lang.clone(),
                source: join(source_dir, rel),
                translation: join(dir, rel),
                kind,
                paired_by: PairedBy::Path,
            });
        }
        for rel in translations.difference(sources) {
            pairs.push(Pair {
                language: lang.clone(),
                source: join(source_dir, rel),
                translation: join(dir, rel),
                kind: PairKind::Orphaned,
                paired_by: PairedBy::Path,
            });
        }
    }
    pairs
}

/// The site section of a page: the first two folder levels below its language root (`docs/concepts`, `blog`);
/// pages at the root belong to the section `/`.
pub fn site_section(rel_to_language_root: &str) -> String {
    let folders: Vec<&str> = rel_to_language_root.split('/').collect();
    let folders = &folders[..folders.len().saturating_sub(1)];
    if folders.is_empty() {
        "/".to_owned()
    } else {
        folders[..folders.len().min(2)].join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_missing_and_orphans() {
        let mut inventory = Inventory::default();
        inventory
            .pages
            .insert("en".into(), ["a.md", "docs/b.md"].map(String::from).into());
        inventory
            .pages
            .insert("fr".into(), ["a.md", "old.md"].map(String::from).into());
        let dirs: BTreeMap<String, String> = [("en", "content/en"), ("fr", "content/fr")]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .into();
        let pairs = pair_by_path(&inventory, "en", &["fr".into()], &dirs);
        let kinds: Vec<(&str, PairKind)> = pairs
            .iter()
            .map(|p| (p.translation.as_str(), p.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("content/fr/a.md", PairKind::Paired),
                ("content/fr/docs/b.md", PairKind::Missing),
                ("content/fr/old.md", PairKind::Orphaned),
            ]
        );
        assert_eq!(pairs[2].source, "content/en/old.md");
    }

    #[test]
    fn sections_are_two_folder_levels() {
        assert_eq!(site_section("docs/concepts/overview/a.md"), "docs/concepts");
        assert_eq!(site_section("blog/post.md"), "blog");
        assert_eq!(site_section("_index.md"), "/");
    }
}
