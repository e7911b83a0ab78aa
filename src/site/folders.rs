//! One folder per language without a generator config that says so: `content/<lang>/` (Hugo multi-folder sites
//! without `contentDir`), `src/<lang>/` (Eleventy-style sites, often with translated slugs paired by
//! `translationKey`), or `<lang>/` at the top of the site (many Jekyll sites).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::pairing::layout::{ContentRoot, Layout};
use crate::site::config::{DetectedFrom, LayoutKind, relative_slash};
use crate::site::detect::{Detected, Evidence, Probe, language_folders};

/// Where to look, in order: the content roots (`content:` of `tandem.yaml`, else Hugo's `contentDir` or `content`);
/// then, when `tandem.yaml` names none, `src/` and the site root, which need two language folders to count.
/// `source_site` is the site's folder in the source repository of a two-repository site.
pub fn detect(
    probe: &Probe,
    content_roots: &[PathBuf],
    explicit: bool,
    source_site: Option<(&Path, &Path)>,
) -> Option<Detected> {
    let mut dirs: BTreeMap<String, String> = BTreeMap::new();
    let mut seen_in = String::new();
    // Each content root with language folders of its own (`content: [src/content/blog, src/content/news]`): its
    // pages pair within it.
    let mut roots: Vec<ContentRoot> = Vec::new();
    for root in content_roots {
        let mut here: BTreeMap<String, String> = BTreeMap::new();
        for lang in language_folders(root) {
            here.entry(lang.to_ascii_lowercase())
                .or_insert_with(|| probe.rel(&root.join(&lang)));
        }
        if !here.is_empty() && seen_in.is_empty() {
            seen_in = probe.site_rel(root);
        }
        // The source repository's language folders, relative to that repository.
        if let Some((source_root, source_site)) = source_site {
            let twin = source_site.join(root.strip_prefix(probe.site_root).unwrap_or(root));
            for lang in language_folders(&twin) {
                here.entry(lang.to_ascii_lowercase())
                    .or_insert_with(|| relative_slash(source_root, &twin.join(&lang)));
            }
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
                break;
            }
        }
    }
    if dirs.is_empty() && !explicit {
        // Deeper: the shallowest folder, up to three below the site's, that holds language folders and no page
        // outside them (MDN's `files/<lang>/`, an Astro collection's `src/content/docs/<lang>/`).
        if let Some(root) = deeper_root(probe, source_site) {
            for lang in language_folders(&root) {
                dirs.entry(lang.to_ascii_lowercase())
                    .or_insert_with(|| probe.rel(&root.join(&lang)));
            }
            if let Some((source_root, source_site)) = source_site {
                let twin = source_site.join(root.strip_prefix(probe.site_root).unwrap_or(&root));
                for lang in language_folders(&twin) {
                    dirs.entry(lang.to_ascii_lowercase())
                        .or_insert_with(|| relative_slash(source_root, &twin.join(&lang)));
                }
            }
            seen_in = probe.site_rel(&root);
        }
    }
    if dirs.is_empty() {
        return None;
    }
    // With the sources in another clone, a language whose folder is there alone is the source's.
    let source = source_site.and_then(|(source_root, _)| {
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

/// The shallowest folder one to three levels below the site's whose pages are all in sub-folders named like
/// languages, at least two of them (counting the source clone's at the same place): ties go to the folder with the
/// most pages, then to the first by name. Build and dependency folders are left out.
fn deeper_root(probe: &Probe, source_site: Option<(&Path, &Path)>) -> Option<PathBuf> {
    use crate::site::root_locale::NOT_CONTENT;
    let site = probe.site_rel(probe.site_root);
    let listed = probe
        .listings
        .files(probe.repo_root, &probe.rel(probe.site_root));
    // Folder (relative to the site) → (its language folders holding pages, its pages, a page outside them).
    let mut found: BTreeMap<String, (std::collections::BTreeSet<String>, usize, bool)> =
        BTreeMap::new();
    for path in &listed {
        let below = if site.is_empty() {
            path.as_str()
        } else {
            match path.strip_prefix(&site).and_then(|p| p.strip_prefix('/')) {
                Some(below) => below,
                None => continue,
            }
        };
        let Some((folders, name)) = below.rsplit_once('/') else {
            continue;
        };
        if !crate::site::detect::page_extension(name) || name.eq_ignore_ascii_case("README.md") {
            continue;
        }
        let parts: Vec<&str> = folders.split('/').collect();
        if parts.iter().any(|part| NOT_CONTENT.contains(part)) {
            continue;
        }
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
    let mut best: Option<(usize, std::cmp::Reverse<usize>, String)> = None;
    for (folder, (langs, pages, outside)) in found {
        if outside {
            continue;
        }
        let mut langs = langs;
        if let Some((_, source_site)) = source_site {
            for lang in language_folders(&source_site.join(&folder)) {
                langs.insert(lang.to_ascii_lowercase());
            }
        }
        if langs.len() < 2 {
            continue;
        }
        let key = (
            folder.matches('/').count(),
            std::cmp::Reverse(pages),
            folder,
        );
        if best.as_ref().is_none_or(|b| key < *b) {
            best = Some(key);
        }
    }
    best.map(|(_, _, folder)| probe.site_root.join(folder))
}
