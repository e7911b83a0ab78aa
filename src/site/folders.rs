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
    if dirs.is_empty() {
        return None;
    }
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
        source: None,
        languages: Evidence::new("evidence-folders").arg("dir", shown),
        base_url: None,
        mdx: false,
        translatable_flag: None,
    })
}
