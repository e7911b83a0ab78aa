//! The source language's pages at the top of a folder, each translation in a sub-folder named after its language
//! (`docs/index.mdx`, `docs/fr/index.mdx`): Mintlify's layout, Jekyll and Eleventy sites with a default language
//! served at the root, and plain `docs/` folders. Tried when no generator config says how the site is laid out and
//! no language folder nor suffix was found.
//!
//! A folder named like a language is not always one (`ml/` for machine learning, `ts/` for TypeScript examples): a
//! language folder counts only when at least half of its pages have a twin, a page at the same path outside the
//! language folders, or one with the same `translationKey` (translated names: `fr/demarrer.md` beside
//! `getting-started.md`). Nothing says which language the top pages are written in: the source language is the one
//! `tandem.yaml`'s `source:` names, else the generator's default, else English, and the evidence says it was
//! assumed.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::pairing::layout::{ContentRoot, Layout};
use crate::site::config::{DetectedFrom, LayoutKind};
use crate::site::detect::{Detected, Evidence, Probe, language_folders, sub_folders};

/// Folders that hold no pages of the site's own, when git does not ignore them: dependencies and build output.
pub(crate) const NOT_CONTENT: &[&str] = &[
    "node_modules",
    "public",
    "resources",
    "target",
    "_site",
    "vendor",
];

/// `candidates`: the folders that may hold the top pages, in order (the content roots, `docs/`, `src/`, the site's
/// folder); the first that qualifies wins. `source`: the language the top pages are taken to be written in, and what
/// said it (`tandem.yaml`: `evidence-root-locale-said`, given its folder here; a generator's config), `None` when it is
/// assumed.
pub fn detect(
    probe: &Probe,
    candidates: &[PathBuf],
    source: (&str, Option<Evidence>),
    is_page: &dyn Fn(&str) -> bool,
) -> Option<Detected> {
    let (said_source, said) = source;
    for dir in candidates {
        // A Mintlify site's `docs.json` lists its languages: the one without a folder is at the top.
        let mintlify = said.is_none().then(|| mintlify_default(dir)).flatten();
        // Else the top pages may say it themselves (`lang: fr` in their front matter).
        let all = language_folders(dir);
        if all.is_empty() {
            continue;
        }
        let read = (said.is_none() && mintlify.is_none()).then(|| {
            let skip: HashSet<&str> = all.iter().map(String::as_str).collect();
            pages(probe, dir, &skip, is_page)
        });
        let by_pages = read.as_ref().and_then(|top| pages_language(dir, top));
        // Else their words: French pages beside an `en/` folder are not English.
        let by_words = read
            .as_ref()
            .filter(|_| by_pages.is_none())
            .and_then(|top| {
                let not: Vec<&str> = all.iter().map(String::as_str).collect();
                crate::site::words::folder_language(dir, top.iter().map(String::as_str), &not)
            });
        let source = mintlify
            .as_deref()
            .or(by_pages.as_ref().map(|(lang, ..)| lang.as_str()))
            .or(by_words.as_ref().map(|(lang, ..)| lang.as_str()))
            .unwrap_or(said_source);
        let folders: Vec<String> = all
            .iter()
            .filter(|name| !name.eq_ignore_ascii_case(source))
            .cloned()
            .collect();
        if folders.is_empty() || dir.join(source).is_dir() {
            continue;
        }
        // The pages read for their language are these when every language folder was left out of them.
        let top = match read {
            Some(top) if folders.len() == all.len() => top,
            _ => {
                let skip: HashSet<&str> = folders.iter().map(String::as_str).collect();
                pages(probe, dir, &skip, is_page)
            }
        };
        if top.is_empty() {
            continue;
        }
        let mut dirs: BTreeMap<String, String> = BTreeMap::new();
        // The top pages' `translationKey`s, read when a folder's pages have translated names.
        let mut top_keys: Option<HashSet<String>> = None;
        for name in &folders {
            let inside = pages(probe, &dir.join(name), &HashSet::new(), is_page);
            let mut twins = inside.iter().filter(|page| top.contains(*page)).count();
            if twins * 2 < inside.len() {
                let keys = top_keys.get_or_insert_with(|| {
                    top.iter()
                        .filter_map(|p| shared_key(&dir.join(p)))
                        .collect()
                });
                twins = inside
                    .iter()
                    .filter_map(|p| shared_key(&dir.join(name).join(p)))
                    .filter(|key| keys.contains(key))
                    .count();
            }
            if twins * 2 < inside.len() {
                // Pages naming each other (`altLangPage: concevoir-avec-utilisateurs`, `/fr/iterer.html`,
                // `../security.md`), as Canadian government sites do with translated names: the page named, by its
                // last name without extension, on either side.
                let linked =
                    |root: &Path, pages: &[String]| -> (HashSet<String>, HashSet<String>) {
                        let names = pages.iter().map(|p| stem(p)).collect();
                        let links = pages
                            .iter()
                            .filter_map(|p| link_value(&root.join(p)))
                            .map(|v| stem(&v))
                            .collect();
                        (names, links)
                    };
                let (top_names, top_links) = linked(dir, &top.iter().cloned().collect::<Vec<_>>());
                let folder = dir.join(name);
                let by_link = inside
                    .iter()
                    .filter(|p| {
                        top_links.contains(&stem(p))
                            || link_value(&folder.join(p))
                                .is_some_and(|v| top_names.contains(&stem(&v)))
                    })
                    .count();
                twins = twins.max(by_link);
            }
            if !inside.is_empty() && twins * 2 >= inside.len() {
                dirs.insert(name.to_ascii_lowercase(), probe.rel(&dir.join(name)));
            }
        }
        if dirs.is_empty() {
            continue;
        }
        dirs.insert(source.to_owned(), probe.rel(dir));
        let shown = match probe.site_rel(dir) {
            rel if rel.is_empty() => ".".to_owned(),
            rel => format!("{rel}/"),
        };
        let evidence = if let Some(said) = &said {
            if said.id == "evidence-root-locale-said" {
                said.clone().arg("dir", shown.clone())
            } else {
                said.clone()
            }
        } else if let Some((_, count, read)) = &by_pages {
            Evidence::new("evidence-pages-lang")
                .arg("count", count.to_string())
                .arg("read", read.to_string())
                .arg("dir", shown.clone())
        } else if let Some((_, count, read)) = &by_words {
            Evidence::new("evidence-pages-words")
                .arg("count", count.to_string())
                .arg("read", read.to_string())
                .arg("dir", shown.clone())
        } else if mintlify.is_some() {
            Evidence::new("evidence-mintlify-default")
                .arg("file", probe.site_rel(&dir.join("docs.json")))
        } else {
            Evidence::new("evidence-root-locale-assumed").arg("dir", shown.clone())
        };
        // Folders of the source's own pages holding the same translations' folders (a Jekyll site's `_posts/` beside
        // `_posts/fr/`): content roots of their own, their pages paired within them (the French posts were read as
        // English pages, each "missing" its French twin).
        let mut roots = vec![ContentRoot {
            name: String::new(),
            dirs: dirs.clone(),
        }];
        let accepted: Vec<String> = dirs
            .iter()
            .filter(|(lang, _)| lang.as_str() != source)
            .filter_map(|(_, path)| path.rsplit('/').next().map(str::to_owned))
            .collect();
        roots.extend(nested_roots(probe, dir, source, &accepted, is_page));
        return Some(Detected {
            from: DetectedFrom::RootLocale,
            layout: Layout::Folders(roots),
            layout_kind: LayoutKind::Dirs,
            content_dirs: dirs,
            source: Some((source.to_owned(), evidence)),
            languages: Evidence::new("evidence-root-locale-folders").arg("dir", shown),
            base_url: None,
            mdx: false,
            translatable_flag: None,
        });
    }
    None
}

/// The sub-folders of `dir` (one level down, not the language folders themselves) that hold a folder named like one of
/// the translations' languages, at least half of whose pages have a twin at the same path in that sub-folder.
fn nested_roots(
    probe: &Probe,
    dir: &Path,
    source: &str,
    languages: &[String],
    is_page: &dyn Fn(&str) -> bool,
) -> Vec<ContentRoot> {
    let names: Vec<String> = sub_folders(dir)
        .into_iter()
        .filter(|name| {
            !languages.iter().any(|l| l.eq_ignore_ascii_case(name))
                && !name.eq_ignore_ascii_case(source)
        })
        .collect();
    let mut roots = Vec::new();
    for name in names {
        let folder = dir.join(&name);
        let inner: Vec<String> = languages
            .iter()
            .filter(|lang| folder.join(lang.as_str()).is_dir())
            .cloned()
            .collect();
        if inner.is_empty() {
            continue;
        }
        let skip: HashSet<&str> = inner.iter().map(String::as_str).collect();
        let top = pages(probe, &folder, &skip, is_page);
        let mut found: BTreeMap<String, String> = BTreeMap::new();
        for lang in &inner {
            let inside = pages(probe, &folder.join(lang), &HashSet::new(), is_page);
            let twins = inside.iter().filter(|page| top.contains(*page)).count();
            if !inside.is_empty() && twins * 2 >= inside.len() {
                found.insert(lang.to_ascii_lowercase(), probe.rel(&folder.join(lang)));
            }
        }
        if !found.is_empty() {
            found.insert(source.to_owned(), probe.rel(&folder));
            roots.push(ContentRoot { name, dirs: found });
        }
    }
    roots
}

/// The language of the top pages of a Mintlify site, from the `navigation.languages` of the `docs.json` in `dir`: the
/// entry marked `default: true`, else the one language listed that has no folder in `dir`. `None` without such a file
/// or when it does not say.
fn mintlify_default(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("docs.json")).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let languages = value.get("navigation")?.get("languages")?.as_array()?;
    let code = |entry: &serde_json::Value| {
        entry
            .get("language")
            .and_then(|l| l.as_str())
            .map(str::to_ascii_lowercase)
    };
    if let Some(default) = languages
        .iter()
        .find(|entry| entry.get("default").and_then(|d| d.as_bool()) == Some(true))
    {
        return code(default);
    }
    let mut top = languages
        .iter()
        .filter_map(code)
        .filter(|lang| !dir.join(lang).is_dir());
    match (top.next(), top.next()) {
        (Some(lang), None) => Some(lang),
        _ => None,
    }
}

/// Pages read at most for their `lang`.
const LANG_SAMPLE: usize = 20;

/// The language the pages at the top of `dir` say they are in: the `lang` (or `language`, `locale`) of their front
/// matter, its first subtag, when at least two of the pages read (the first [`LANG_SAMPLE`] in path order, outside
/// folders such as Jekyll's `_layouts/`) say it and at least half of those that name a language. Returns it with how
/// many said it and how many named one.
fn pages_language(dir: &Path, top: &HashSet<String>) -> Option<(String, usize, usize)> {
    let mut sample: Vec<&String> = top
        .iter()
        .filter(|page| {
            let folders = page.rsplit_once('/').map_or("", |(folders, _)| folders);
            !folders.split('/').any(|part| part.starts_with('_'))
        })
        .collect();
    sample.sort();
    sample.truncate(LANG_SAMPLE);
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for page in &sample {
        let Some(lang) = ["lang", "language", "locale"]
            .iter()
            .find_map(|key| front_value(&dir.join(page), key))
        else {
            continue;
        };
        let primary = crate::pairing::layout::primary_subtag(&lang);
        if crate::pairing::layout::is_language_tag(&primary) {
            *counts.entry(primary).or_default() += 1;
        }
    }
    let named: usize = counts.values().sum();
    let (lang, count) = counts.into_iter().max_by_key(|(_, n)| *n)?;
    (count >= 2 && count * 2 >= named).then_some((lang, count, named))
}

/// The value of a page's `translationKey` (any case), read from the first lines of its YAML front matter: the key that
/// pairs pages with translated names. Enough to recognise the layout; pairing reads it properly.
fn shared_key(path: &Path) -> Option<String> {
    front_value(path, crate::site::config::DEFAULT_SHARED_KEY)
}

/// The value of the first link key (`altLangPage`: a value naming the other page) of a page's front matter.
fn link_value(path: &Path) -> Option<String> {
    crate::site::config::DEFAULT_LINK_KEYS
        .iter()
        .find_map(|key| front_value(path, key))
        .filter(|v| !v.is_empty())
}

/// A page named by a path, file name or URL, reduced to its last name without extension (`/fr/iterer.html` and
/// `fr/iterer.md` are `iterer`; a folder's own page, `/` or `fr/index.md`, is `index`).
fn stem(named: &str) -> String {
    let named = named
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_matches(|c| c == '"' || c == '\'');
    // A folder (`/`, `/fr/`) names its own page.
    if named.is_empty() || named.ends_with('/') {
        return "index".to_owned();
    }
    let last = named.rsplit('/').next().unwrap_or("");
    let base = match last.rsplit_once('.') {
        Some((base, ext)) if !base.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric()) => {
            base
        }
        _ => last,
    };
    base.to_lowercase()
}

/// The value of `key` (any case) at the top level of a page's YAML front matter, read from its first lines.
fn front_value(path: &Path, key_name: &str) -> Option<String> {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(path)
        .ok()?
        .take(4096)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.lines();
    if lines.next()?.trim_start_matches('\u{feff}').trim() != "---" {
        return None;
    }
    lines
        .take_while(|line| line.trim() != "---")
        .find_map(|line| {
            let (key, value) = line.split_once(':')?;
            // Top-level keys only: an indented line belongs to a map above it.
            (!line.starts_with([' ', '\t']) && key.trim().eq_ignore_ascii_case(key_name))
                .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
                .filter(|value| !value.is_empty())
        })
}

/// The pages below `dir` (paths relative to it, with `/`), outside its sub-folders named in `skip` and
/// [`NOT_CONTENT`]: the site's listing ([`Listings`](crate::site::workspace::Listings): hidden files and what git ignores left out), `is_page` asked
/// of repository-relative paths as everywhere else.
fn pages(
    probe: &Probe,
    dir: &Path,
    skip: &HashSet<&str>,
    is_page: &dyn Fn(&str) -> bool,
) -> HashSet<String> {
    let rel = probe.rel(dir);
    probe
        .listings
        .files(probe.repo_root, &rel)
        .into_iter()
        .filter(|path| is_page(path))
        .filter_map(|path| {
            let below = match rel.as_str() {
                "" => path.as_str(),
                rel => path.strip_prefix(rel)?.strip_prefix('/')?,
            };
            let first = below.split('/').next().unwrap_or_default();
            let nested = below.contains('/');
            let name = below.rsplit('/').next().unwrap_or_default();
            let left_out = (nested && skip.contains(first))
                || below.split('/').any(|part| NOT_CONTENT.contains(&part))
                || name.eq_ignore_ascii_case("README.md");
            (!left_out).then(|| below.to_owned())
        })
        .collect()
}
