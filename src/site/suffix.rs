//! Every language in the same folders, the language in the file name: `x.md` or `x.en.md` beside `x.fr.md` (Hugo
//! single-folder sites, mkdocs-static-i18n).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::pairing::layout::{Layout, is_language_tag, primary_subtag, suffix_language};
use crate::site::config::{DetectedFrom, LayoutKind};
use crate::site::detect::{Detected, Evidence, Probe};

/// `unsuffixed` is the language of pages without a suffix; `known` the languages a generator config lists.
/// With `forced` (`layout: suffix`), the layout stands even without suffixed pages.
pub fn detect(
    probe: &Probe,
    content_roots: &[PathBuf],
    unsuffixed: &str,
    known: &[String],
    is_page: &dyn Fn(&str) -> bool,
    forced: bool,
) -> Option<Detected> {
    let roots: Vec<String> = content_roots
        .iter()
        .filter(|root| root.is_dir())
        .map(|root| probe.rel(root))
        .collect();
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    for root in &roots {
        for path in probe.listings.files(probe.repo_root, root) {
            if !is_page(&path) {
                continue;
            }
            // A generator config that lists its languages (Hugo, mkdocs-static-i18n) reads only those from file
            // names: `socket.io.md` is an English page about Socket.IO, not a translation into Ido.
            let lang = suffix_language(&path, |tag| {
                known.iter().any(|k| k == tag) || known.is_empty() && is_language_tag(tag)
            })
            .map(|(lang, _)| lang)
            .unwrap_or_else(|| unsuffixed.to_owned());
            *languages.entry(lang).or_default() += 1;
        }
    }
    // Pages without a suffix beside pages suffixed with the full tag of the same language (Nextra's `en-US`, when
    // the default locale read gives `en`): they are that language's, not a language of their own.
    let mut unsuffixed = unsuffixed.to_owned();
    if !known.contains(&unsuffixed)
        && let Some(full) = languages
            .keys()
            .find(|lang| **lang != unsuffixed && primary_subtag(lang) == unsuffixed)
            .cloned()
    {
        if let Some(count) = languages.remove(&unsuffixed) {
            *languages.entry(full.clone()).or_default() += count;
        }
        unsuffixed = full;
    }
    let unsuffixed = unsuffixed.as_str();
    let suffixed = languages.keys().filter(|l| *l != unsuffixed).count();
    if !(suffixed >= 1 && languages.len() >= 2 || forced) {
        return None;
    }
    let mut dirs = BTreeMap::new();
    for lang in known.iter().chain(languages.keys()) {
        dirs.entry(lang.clone())
            .or_insert_with(|| roots.first().cloned().unwrap_or_default());
    }
    Some(Detected {
        from: DetectedFrom::FileNames,
        layout: Layout::Suffix {
            roots,
            unsuffixed: unsuffixed.to_owned(),
            language_key: None,
        },
        layout_kind: LayoutKind::Suffix,
        content_dirs: dirs,
        source: None,
        languages: Evidence::new("evidence-suffixes"),
        base_url: None,
        mdx: false,
        translatable_flag: None,
    })
}
