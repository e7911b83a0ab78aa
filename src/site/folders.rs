//! One folder per language without a generator config that says so: `content/<lang>/` (Hugo multi-folder sites
//! without `contentDir`), `src/<lang>/` (Eleventy-style sites, often with translated slugs paired by
//! `translationKey`), or `<lang>/` at the top of the site (many Jekyll sites).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::pairing::layout::{ContentRoot, Layout};
use crate::site::config::{DetectedFrom, LayoutKind, relative_slash};
use crate::site::detect::{Detected, Evidence, Probe, language_folders, sub_folders};

/// Where to look, in order: the content roots (`content:` of `tandem.yaml`, else Hugo's `contentDir` or `content`);
/// then, when `tandem.yaml` names none, `src/` and the site root, which need two language folders to count.
/// `source_site` is the site's folder in the source repository of a two-repository site.
pub fn detect(
    probe: &Probe,
    content_roots: &[PathBuf],
    explicit: bool,
    source_site: Option<(&Path, &Path)>,
    (source_lang, source_said): (&str, bool),
) -> Option<Detected> {
    let mut dirs: BTreeMap<String, String> = BTreeMap::new();
    // The source language and what says it, when the layout tells.
    let mut said_source: Option<(String, Evidence)> = None;
    let mut seen_in = String::new();
    // Each content root with language folders of its own (`content: [src/content/blog, src/content/news]`): its
    // pages pair within it.
    let mut roots: Vec<ContentRoot> = Vec::new();
    for root in content_roots {
        let (here, in_this_clone) = languages_in(probe, root, source_site);
        if seen_in.is_empty() && in_this_clone {
            seen_in = probe.site_rel(root);
        }
        for (lang, dir) in &here {
            dirs.entry(lang.clone()).or_insert_with(|| dir.clone());
        }
        if !here.is_empty() {
            // Sections are named after the root's folder (`blog`, `news`).
            let rel = probe.site_rel(root);
            roots.push(ContentRoot {
                name: rel.rsplit('/').next().unwrap_or_default().to_owned(),
                dirs: here,
            });
        }
    }
    if dirs.is_empty() && !explicit {
        for root in [probe.site_root.join("src"), probe.site_root.to_path_buf()] {
            let found = language_folders(&root);
            if found.len() >= 2 {
                for lang in found {
                    dirs.entry(lang.to_ascii_lowercase())
                        .or_insert_with(|| probe.rel(&root.join(&lang)));
                }
                seen_in = probe.site_rel(&root);
                // Language folders at the top of a site: other folders there may hold the same languages'
                // folders (a Jekyll site's `_posts/en/` and `_posts/fr/` beside `en/` and `fr/`), each a content
                // root of its own; their pages were in no language, and their stale posts unseen.
                if root == probe.site_root {
                    let beside = folders_of_languages_beside(probe, &dirs);
                    if !beside.is_empty() {
                        roots.push(ContentRoot {
                            name: String::new(),
                            dirs: dirs.clone(),
                        });
                        roots.extend(beside);
                    }
                }
                break;
            }
        }
    }
    if dirs.is_empty() && !explicit {
        // Deeper: the shallowest folder, up to three below the site's, that holds language folders and no page
        // outside them (MDN's `files/<lang>/`, an Astro collection's `src/content/docs/<lang>/`).
        if let Some(Deeper { root, source }) =
            deeper_root(probe, source_site, (source_lang, source_said))
        {
            if let Some((folder, guessed)) = &source {
                let shown = format!("{}/", probe.site_rel(folder));
                said_source = Some(match guessed {
                    Some((lang, count, read)) => (
                        lang.clone(),
                        Evidence::new("evidence-folder-words")
                            .arg("count", count.to_string())
                            .arg("read", read.to_string())
                            .arg("dir", shown),
                    ),
                    None => (
                        source_lang.to_owned(),
                        Evidence::new("evidence-source-folder-assumed").arg("dir", shown),
                    ),
                });
                dirs.insert(said_source.as_ref().unwrap().0.clone(), probe.rel(folder));
            }
            for (lang, dir) in languages_in(probe, &root, source_site).0 {
                dirs.entry(lang).or_insert(dir);
            }
            seen_in = probe.site_rel(&root);
        }
    }
    if dirs.is_empty() {
        return None;
    }
    // With the sources in another clone, a language whose folder is there alone is the source's.
    let source = said_source.or_else(|| {
        source_site.and_then(|(source_root, _)| {
            let there: Vec<&String> = dirs
                .iter()
                .filter(|(_, dir)| {
                    source_root.join(dir).is_dir() && !probe.repo_root.join(dir).is_dir()
                })
                .map(|(lang, _)| lang)
                .collect();
            match there.as_slice() {
                [only] => Some((
                    (*only).clone(),
                    Evidence::new("evidence-source-only-in-source-repo"),
                )),
                _ => None,
            }
        })
    });
    let shown = if seen_in.is_empty() {
        ".".to_owned()
    } else {
        format!("{seen_in}/")
    };
    // One root: its pages' sections are their paths below the language folder, as before.
    let layout = if roots.len() > 1 {
        Layout::Folders(roots)
    } else {
        Layout::Folders(vec![ContentRoot {
            name: String::new(),
            dirs: dirs.clone(),
        }])
    };
    Some(Detected {
        from: DetectedFrom::Folders,
        layout,
        layout_kind: LayoutKind::Dirs,
        content_dirs: dirs,
        source,
        languages: Evidence::new("evidence-folders").arg("dir", shown),
        base_url: None,
        mdx: false,
        translatable_flag: None,
    })
}

/// The folders at the top of the site, other than the language folders `top`, that hold at least two folders of those
/// languages (`_posts/en/`, `_posts/fr/`): content roots pairing their pages within them. Hidden and build folders
/// are not looked in.
fn folders_of_languages_beside(probe: &Probe, top: &BTreeMap<String, String>) -> Vec<ContentRoot> {
    sub_folders(probe.site_root)
        .into_iter()
        .filter(|name| {
            !top.contains_key(&name.to_ascii_lowercase())
                && !matches!(
                    name.as_str(),
                    "_site" | "node_modules" | "vendor" | "public"
                )
        })
        .filter_map(|name| {
            let folder = probe.site_root.join(&name);
            let here: BTreeMap<String, String> = language_folders(&folder)
                .into_iter()
                .filter(|lang| top.contains_key(&lang.to_ascii_lowercase()))
                .map(|lang| (lang.to_ascii_lowercase(), probe.rel(&folder.join(&lang))))
                .collect();
            (here.len() >= 2).then_some(ContentRoot { name, dirs: here })
        })
        .collect()
}

/// The language folders of `root` by language (lowercase), repository-relative; with the sources in another clone,
/// those of the same folder there too, relative to that clone (this clone's first). The flag: whether this clone
/// has any.
fn languages_in(
    probe: &Probe,
    root: &Path,
    source_site: Option<(&Path, &Path)>,
) -> (BTreeMap<String, String>, bool) {
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    for lang in language_folders(root) {
        found
            .entry(lang.to_ascii_lowercase())
            .or_insert_with(|| probe.rel(&root.join(&lang)));
    }
    let in_this_clone = !found.is_empty();
    if let Some((source_root, source_site)) = source_site {
        let twin = source_site.join(root.strip_prefix(probe.site_root).unwrap_or(root));
        for lang in language_folders(&twin) {
            found
                .entry(lang.to_ascii_lowercase())
                .or_insert_with(|| relative_slash(source_root, &twin.join(&lang)));
        }
    }
    (found, in_this_clone)
}

/// A folder of translations found deeper than the usual places ([`deeper_root`]).
struct Deeper {
    /// The folder holding the language folders.
    root: PathBuf,
    /// The folder of the source's pages when it is elsewhere (`docs/` beside `translations/fr/`), with the language
    /// its words are in when that was read from them ([`words::folder_language`](crate::site::words)).
    source: Option<(PathBuf, Option<crate::site::words::Guess>)>,
}

/// The shallowest folder one to three levels below the site's whose pages are all in sub-folders named like
/// languages, at least two of them (counting the source clone's at the same place): ties go to the folder with the
/// most pages, then to the first by name. Build and dependency folders are left out. When the site has pages outside
/// it, the folder whose pages are twins (same path below it) of at least half of the largest language folder's is the
/// source's (`docs/` beside `translations/fr/` and `translations/de/`), in `source_lang` when that has no folder there
/// or was said (`source_said`), else in the language its pages' words are in when that has none (French pages beside
/// `translations/en/`); without such a folder, one that has no English folder (`en`, `en-*`) does not count, as the
/// source would be left out.
fn deeper_root(
    probe: &Probe,
    source_site: Option<(&Path, &Path)>,
    (source_lang, source_said): (&str, bool),
) -> Option<Deeper> {
    use crate::site::root_locale::NOT_CONTENT;
    use std::collections::BTreeSet;
    let site = probe.site_rel(probe.site_root);
    let listed = probe
        .listings
        .files(probe.repo_root, &probe.rel(probe.site_root));
    // The site's pages, relative to it.
    let mut pages: Vec<&str> = Vec::new();
    // Folder (relative to the site) → (its language folders holding pages, its pages, a page outside them).
    let mut found: BTreeMap<String, (BTreeSet<String>, usize, bool)> = BTreeMap::new();
    for path in &listed {
        let below = if site.is_empty() {
            path.as_str()
        } else {
            match path.strip_prefix(&site).and_then(|p| p.strip_prefix('/')) {
                Some(below) => below,
                None => continue,
            }
        };
        let (folders, name) = below.rsplit_once('/').unwrap_or(("", below));
        // The repository's own files at the top (`CONTRIBUTING.md`) and `README.md` anywhere are not pages.
        let own = if folders.is_empty() {
            crate::site::resolve::is_repository_file(name)
        } else {
            name.eq_ignore_ascii_case("README.md")
        };
        if !crate::site::detect::page_extension(name) || own {
            continue;
        }
        let parts: Vec<&str> = folders.split('/').filter(|p| !p.is_empty()).collect();
        if parts.iter().any(|part| NOT_CONTENT.contains(part)) {
            continue;
        }
        pages.push(below);
        for depth in 1..=3.min(parts.len()) {
            let folder = parts[..depth].join("/");
            let entry = found.entry(folder).or_default();
            entry.1 += 1;
            match parts.get(depth) {
                Some(lang) if crate::pairing::layout::is_language_tag(lang) => {
                    entry.0.insert(lang.to_ascii_lowercase());
                }
                _ => entry.2 = true,
            }
        }
    }
    let mut candidates: Vec<(usize, std::cmp::Reverse<usize>, String, BTreeSet<String>)> = found
        .into_iter()
        .filter(|(_, (_, _, outside))| !outside)
        .filter_map(|(folder, (mut langs, count, _))| {
            if let Some((_, source_site)) = source_site {
                for lang in language_folders(&source_site.join(&folder)) {
                    langs.insert(lang.to_ascii_lowercase());
                }
            }
            (langs.len() >= 2).then(|| {
                (
                    folder.matches('/').count(),
                    std::cmp::Reverse(count),
                    folder,
                    langs,
                )
            })
        })
        .collect();
    candidates.sort();
    for (_, std::cmp::Reverse(count), folder, langs) in candidates {
        if count == pages.len() {
            return Some(Deeper {
                root: probe.site_root.join(folder),
                source: None,
            });
        }
        let source = match twin_folder(&pages, &folder) {
            Some(twin) if !langs.contains(source_lang) => Some((twin, None)),
            Some(twin) if !source_said => {
                let prefix = format!("{twin}/");
                let not: Vec<&str> = langs.iter().map(String::as_str).collect();
                crate::site::words::folder_language(
                    &probe.site_root.join(&twin),
                    pages.iter().filter_map(|page| page.strip_prefix(&prefix)),
                    &not,
                )
                .map(|guessed| (twin, Some(guessed)))
            }
            _ => None,
        };
        if let Some((twin, guessed)) = source {
            return Some(Deeper {
                root: probe.site_root.join(folder),
                source: Some((probe.site_root.join(twin), guessed)),
            });
        }
        if langs.iter().any(|l| l == "en" || l.starts_with("en-")) {
            return Some(Deeper {
                root: probe.site_root.join(folder),
                source: None,
            });
        }
    }
    None
}

/// The folder outside `root` whose pages are at the same paths below it as at least half of the pages of `root`'s
/// largest language folder (`pages`: the site's pages, relative to it).
fn twin_folder(pages: &[&str], root: &str) -> Option<String> {
    let prefix = format!("{root}/");
    let mut by_lang: BTreeMap<&str, std::collections::HashSet<&str>> = BTreeMap::new();
    for page in pages {
        if let Some((lang, rel)) = page.strip_prefix(&prefix).and_then(|p| p.split_once('/')) {
            by_lang.entry(lang).or_default().insert(rel);
        }
    }
    let largest = by_lang.values().max_by_key(|rels| rels.len())?;
    let mut twins: BTreeMap<&str, usize> = BTreeMap::new();
    for page in pages.iter().filter(|p| !p.starts_with(&prefix)) {
        for (at, _) in page.match_indices('/') {
            if largest.contains(&page[at + 1..]) {
                *twins.entry(&page[..at]).or_default() += 1;
            }
        }
    }
    let (folder, count) = twins
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
    (count * 2 >= largest.len()).then(|| folder.to_owned())
}
