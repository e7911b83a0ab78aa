//! Resolution: what the user wrote (flags, `tandem.yaml`) and what the detectors found, into [`Settings`]: absolute
//! roots, known languages, content folders per language. Commands only ever see `Settings`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::error::{Error, Result};
use crate::i18n::Message;
use crate::pairing::layout::{ContentRoot, Layout};
use crate::site::config::{
    CONFIG_FILE, Content, DEFAULT_LINK_KEYS, DEFAULT_PIN_KEYS, DEFAULT_SHARED_KEY,
    DEFAULT_SKIP_PATTERNS, DetectedFrom, FileConfig, LayoutKind, relative_slash,
};
use crate::site::detect::{
    Detected, Evidence, Probe, has_mdx_extension, language_folders, page_extension,
};
use crate::site::hugo::{self, HugoConfig};
use crate::site::key_classes::{self, Generator};
use crate::site::scan::first_line;
use crate::site::workspace::Listings;
use crate::site::{
    astro, declared, docusaurus, folders, mkdocs, pelican, polyglot, quarto, root_locale,
    starlight, suffix, vitepress,
};

/// Settings resolved from flags, `tandem.yaml`, the Hugo config and the folders on disk.
#[derive(Debug)]
pub struct Settings {
    /// The repository's work tree, absolute.
    pub repo_root: PathBuf,
    /// The site's folder, absolute: where `tandem.yaml` is (or goes; the repository root for a `--config` file outside
    /// the repository), else the nearest folder with a Hugo, Astro or Docusaurus config or a `content/` folder, else
    /// the repository root. Config paths (`content`) are relative to it.
    pub site_root: PathBuf,
    /// The config file that was read, if any (repo-relative).
    pub config_file: Option<String>,
    pub source: String,
    /// Target languages, in order.
    pub targets: Vec<String>,
    /// Language → its main content folder, repo-relative with `/` (`content/fr`). With the suffix layout every
    /// language has the same folder; with Docusaurus, the docs folder. With a source repository, the source
    /// language's folder is relative to that repository.
    pub content_dirs: BTreeMap<String, String>,
    /// How pages are laid out, so which pages pair by path.
    pub layout: Layout,
    /// The layout as named in `tandem.yaml` or detected (`layout:` values).
    pub layout_kind: LayoutKind,
    pub pairing: PairingSettings,
    /// The work tree of the repository holding the source pages, when it is not this one (`--source-repo`,
    /// `source_repo:`), absolute.
    pub source_repo: Option<PathBuf>,
    pub include: GlobSet,
    pub exclude: GlobSet,
    /// The patterns `include` and `exclude` were built from (caches are keyed by them).
    pub page_patterns: (Vec<String>, Vec<String>),
    /// Front-matter keys read as pins, dotted for nested keys.
    pub pin_keys: Vec<String>,
    pub ui_language: Option<String>,
    /// The site's own base URL (`site.base_url`, else Hugo's `baseURL`): links on it equal root-relative ones.
    pub base_url: Option<String>,
    /// Commit directives: messages matching one of the keywords (`history.skip_commits_matching`) are ignored by
    /// the cosmetic filter, and Lunaria's tracker directives for the pages they list.
    pub skip_commits: crate::history::directives::Directives,
    /// Where each language came from, for `init` and `-v`.
    pub detected_from: DetectedFrom,
    /// The front-matter flag of the source pages meant to be translated (`pages.translatable_flag`, or detected):
    /// source pages without it are never `missing`.
    pub translatable_flag: Option<String>,
    /// What each front-matter key is to a translation (`front_matter:`, else the generator's defaults).
    pub front_matter: crate::drift::front_matter::KeyClasses,
    /// Whose conventions the site follows (Hugo reads front matter after blank lines; the others do not).
    pub generator: Generator,
    /// Why each detected setting has its value, for `init`'s comments.
    pub evidence: SiteEvidence,
    pub file: FileConfig,
}

/// Why the detected settings have their values (`None`: `tandem.yaml` said, or nothing was detected).
#[derive(Debug, Clone, Default)]
pub struct SiteEvidence {
    pub source: Option<Evidence>,
    pub languages: Option<Evidence>,
    pub base_url: Option<Evidence>,
    pub translatable_flag: Option<Evidence>,
    /// Whether `.mdx` pages count, and why.
    pub mdx: Option<Evidence>,
}

/// How pages pair beyond their paths.
#[derive(Debug, Clone)]
pub struct PairingSettings {
    /// Whether pages pair by path (the layout's rule) when no map or key pairs them: off with `layout: key` and
    /// `layout: map`.
    pub by_path: bool,
    /// Front-matter keys whose value a page shares with its translations (`translationKey`, or `pairing.key`).
    pub shared_keys: Vec<String>,
    /// Front-matter keys whose value names the other page: a file name, a relative path or a URL (`altLangPage`).
    pub link_keys: Vec<String>,
    /// The mapping file (`pairing.map`): absolute path and its name for messages.
    pub map: Option<(PathBuf, String)>,
}

/// What the user asked for on the command line, before resolution.
#[derive(Debug, Default)]
pub struct Requested {
    pub config: Option<PathBuf>,
    pub languages: Vec<String>,
    /// `--source-repo DIR`, relative to the directory tandem runs in.
    pub source_repo: Option<PathBuf>,
}

impl Settings {
    /// Resolves the settings of the site whose repository work tree is `repo_root`, starting from `start`
    /// (the directory tandem runs in, or `-C DIR`).
    ///
    /// Precedence (docs/sites.md): what `tandem.yaml` says, then Docusaurus, Starlight, Hugo, language folders and
    /// file-name suffixes, the first detector that recognises the site winning.
    /// The folders walked are kept in `listings` (for the inventory that follows).
    pub fn resolve(
        repo_root: &Path,
        start: &Path,
        requested: &Requested,
        listings: &Listings,
    ) -> Result<Settings> {
        // The site's folder found from `start`, looked for once: where `tandem.yaml` may be, and the site root without one.
        let found_site = std::cell::OnceCell::new();
        let site_search = || found_site.get_or_init(|| find_site_root(repo_root, start));
        // Several sites below: none is the site (the error is given when no config says where the pages are).
        let site_found = || {
            site_search()
                .clone()
                .unwrap_or_else(|_| repo_root.to_path_buf())
        };
        if requested.config.is_none() {
            for dir in ancestors_within(start, repo_root) {
                refuse_config_not_a_file(repo_root, &dir.join(CONFIG_FILE))?;
            }
        }
        let (config_path, file) =
            load_config_file(repo_root, start, requested.config.as_deref(), &site_found)?;
        // The site root is where the config lives (the repository root when the config file is outside the
        // repository), else the nearest folder up to the repo root that has a generator config.
        let site_root = match &config_path {
            Some(path) if path.starts_with(repo_root) => {
                path.parent().unwrap_or(repo_root).to_path_buf()
            }
            Some(_) => repo_root.to_path_buf(),
            None => match site_search() {
                Ok(dir) => dir.clone(),
                Err(sites) => {
                    return Err(Error::SeveralSites {
                        sites: sites
                            .iter()
                            .map(|dir| format!("{}/", relative_slash(repo_root, dir)))
                            .collect(),
                    });
                }
            },
        };
        // A site in a git submodule (or a clone of its own) below the repository's top: its pages have their own
        // history, and judged with this repository's, committed pages had "no commit" and right pins "named no commit".
        if let Some(dir) = ancestors_within(&site_root, repo_root)
            .take_while(|dir| *dir != repo_root)
            .find(|dir| dir.join(".git").exists())
        {
            return Err(Error::SiteIsSubmodule {
                dir: relative_slash(repo_root, dir),
            });
        }
        for name in hugo::config_files()
            .chain(mkdocs::CONFIG_FILES.iter().map(|n| n.to_string()))
            .chain(docusaurus::CONFIG_FILES.iter().map(|n| n.to_string()))
            .chain(starlight::CONFIG_FILES.iter().map(|n| n.to_string()))
        {
            refuse_config_not_a_file(repo_root, &site_root.join(name))?;
        }
        let hugo_config = hugo::read(&site_root)?;
        let mkdocs_config = hugo_config
            .is_none()
            .then(|| mkdocs::read(&site_root))
            .flatten();
        // A Quarto project (babelquarto): its `.qmd` pages count, its languages are listed in `_quarto.yml`.
        let quarto_config = (hugo_config.is_none() && mkdocs_config.is_none())
            .then(|| quarto::read(&site_root))
            .flatten();
        let with_qmd = |mut patterns: Vec<String>| {
            if quarto_config.is_some() {
                patterns.push(quarto::PAGE_PATTERN.to_owned());
            }
            patterns
        };
        let rel = |path: &Path| relative_slash(repo_root, path);
        let config_name = config_path.as_deref().map(rel);
        let config_label = config_name
            .clone()
            .unwrap_or_else(|| CONFIG_FILE.to_owned());
        let wanted_layout = file.layout;
        let file_source = file.source.as_ref().map(|s| s.to_ascii_lowercase());

        // The other repository holding the sources: its work tree must be the root of a clone.
        let source_repo = match (&requested.source_repo, &file.source_repo) {
            (Some(dir), _) => Some(start.join(dir)),
            (None, Some(dir)) => Some(site_root.join(dir)),
            (None, None) => None,
        };
        let source_repo = match source_repo {
            Some(dir) => {
                let dir = std::fs::canonicalize(&dir)
                    .map_err(|err| Error::io(dir.display().to_string(), &err))?;
                // Paths of source pages are relative to the top of the source clone: a sub-folder would shift them.
                if !dir.join(".git").exists() {
                    return Err(match dir.ancestors().find(|a| a.join(".git").exists()) {
                        Some(root) => Error::SourceRepoNotRoot {
                            path: dir.clone(),
                            root: root.to_path_buf(),
                        },
                        None => Error::NotARepo { path: dir.clone() },
                    });
                }
                Some(dir)
            }
            None => None,
        };
        // In the source repository, the site sits where it sits in this one.
        let source_site_root = source_repo
            .as_ref()
            .map(|root| root.join(site_root.strip_prefix(repo_root).unwrap_or(Path::new(""))));

        let explicit_roots = matches!(file.content, Some(Content::Roots(_)));
        let content_roots: Vec<PathBuf> = match (&file.content, &hugo_config) {
            (Some(Content::Roots(roots)), _) => roots.iter().map(|r| site_root.join(r)).collect(),
            (Some(Content::Languages(_)), _) => Vec::new(),
            (
                None,
                Some(HugoConfig {
                    content_dir: Some(dir),
                    ..
                }),
            ) => vec![site_root.join(dir)],
            _ => match &mkdocs_config {
                Some(mkdocs) => vec![site_root.join(&mkdocs.docs_dir)],
                None => default_content_roots(&site_root),
            },
        };

        let exclude_patterns: Vec<String> = file.exclude.clone().unwrap_or_default();
        let exclude = build_globs(&exclude_patterns, &config_label, "exclude")?;
        // Detection counts every page extension; `include` is settled once MDX is known to be used or not.
        let probe_include = build_globs(
            &file
                .include
                .clone()
                .unwrap_or_else(|| with_qmd(default_include(true))),
            &config_label,
            "include",
        )?;
        let is_page = |path: &str| probe_include.is_match(path) && !exclude.is_match(path);

        let probe = Probe {
            repo_root,
            site_root: &site_root,
            listings,
        };
        // What an Eleventy or Jekyll config says the site's language is (their sites are read as folders).
        let declared = (hugo_config.is_none() && mkdocs_config.is_none())
            .then(|| {
                quarto_config
                    .as_ref()
                    .and_then(|q| q.main.clone())
                    .or_else(|| declared::language(&site_root))
            })
            .flatten();
        let declared_primary = declared
            .as_ref()
            .map(|(lang, why)| (crate::pairing::layout::primary_subtag(lang), why.clone()));
        let unsuffixed = file_source
            .clone()
            .or_else(|| {
                hugo_config
                    .as_ref()
                    .and_then(|h| h.default_language.clone())
            })
            .or_else(|| mkdocs_config.as_ref().and_then(|m| m.default.clone()))
            .or_else(|| declared_primary.as_ref().map(|(lang, _)| lang.clone()))
            .unwrap_or_else(|| "en".to_owned());
        // Whether something said the source's language (else English is assumed).
        let unsuffixed_said = file_source.is_some()
            || hugo_config
                .as_ref()
                .is_some_and(|h| h.default_language.is_some())
            || mkdocs_config.as_ref().is_some_and(|m| m.default.is_some())
            || declared_primary.is_some();
        let known: Vec<String> = match (&hugo_config, &mkdocs_config) {
            (Some(h), _) => h.languages.keys().cloned().collect(),
            (None, Some(m)) => m.languages.clone(),
            (None, None) => match &quarto_config {
                Some(q) => q
                    .main
                    .iter()
                    .map(|(lang, _)| lang.clone())
                    .chain(q.languages.clone())
                    .collect(),
                None => Vec::new(),
            },
        };
        let docusaurus_site = match wanted_layout {
            Some(LayoutKind::Docusaurus) => true,
            None => docusaurus::is_site(&site_root),
            _ => false,
        };
        let suffix_wanted = wanted_layout == Some(LayoutKind::Suffix);
        // A Hugo (or Zola) config listing languages that all share one content folder: the suffix layout, even before
        // the first translated page (`x.fr.md`) exists — the site's first run, when a team starts translating. Tried
        // last, when nothing else recognised the site.
        let one_folder_languages = hugo_config.as_ref().is_some_and(|h| {
            h.mounts.len() < 2
                && h.languages.values().all(Option::is_none)
                && h.languages
                    .keys()
                    .any(|lang| Some(lang) != h.default_language.as_ref())
        }) || quarto_config
            .as_ref()
            .is_some_and(|q| !q.languages.is_empty());
        let detected: Option<Detected> = if let Some(Content::Languages(map)) = &file.content {
            let found = from_map(&probe, map);
            // Two languages in one folder pair every page with itself (all `unknown`, each tied to several pages).
            let mut seen: BTreeMap<&String, &String> = BTreeMap::new();
            for (lang, dir) in &found.content_dirs {
                // A translation fork keeps its pages at the source's paths, the folder being the source's in the
                // source clone and the translation's here.
                let fork = |other: &String| {
                    source_repo.is_some() && (*other == unsuffixed || *lang == unsuffixed)
                };
                if let Some(other) = seen.insert(dir, lang)
                    && !fork(other)
                {
                    return Err(Error::ConfigValue {
                        path: config_label.clone(),
                        key: "content".into(),
                        detail: Message::new("detail-content-same-folder")
                            .arg("first", other.clone())
                            .arg("second", lang.clone())
                            .arg(
                                "dir",
                                if dir.is_empty() {
                                    ".".to_owned()
                                } else {
                                    dir.clone()
                                },
                            ),
                    });
                }
            }
            Some(found)
        } else if docusaurus_site {
            Some(docusaurus::detect(&probe, file_source.as_deref()))
        } else if suffix_wanted {
            None
        } else {
            let auto = file.content.is_none();
            auto.then(|| starlight::detect(&probe))
                .flatten()
                .or_else(|| auto.then(|| astro::detect(&probe)).flatten())
                .or_else(|| auto.then(|| vitepress::detect(&probe)).flatten())
                .or_else(|| {
                    hugo_config
                        .as_ref()
                        .filter(|_| auto)
                        .and_then(|h| hugo::detect(&probe, h))
                })
                .or_else(|| {
                    folders::detect(
                        &probe,
                        &content_roots,
                        explicit_roots,
                        source_repo.as_deref().zip(source_site_root.as_deref()),
                        (&unsuffixed, unsuffixed_said),
                    )
                })
        };
        let detected = match detected {
            Some(found) => Some(found),
            None if source_repo.is_none() => suffix::detect(
                &probe,
                &content_roots,
                &unsuffixed,
                &known,
                &is_page,
                suffix_wanted,
            )
            .or_else(|| {
                // A Jekyll site whose pages say their language in their front matter (jekyll-polyglot), all in
                // the same folders. Before the suffixes of `docs/` or `src/`: one `docs/x.fr.md` (the name
                // `tandem scaffold` gives a missing page there) took the whole site for a suffix site of `docs/`.
                (!explicit_roots && file.content.is_none() && !suffix_wanted)
                    .then(|| polyglot::detect(&probe, &is_page))
                    .flatten()
            })
            .or_else(|| {
                // Suffixed pages in the folder a generator other than Hugo keeps them in (Nextra's `pages/`), when
                // `tandem.yaml` names no content folder.
                if explicit_roots || file.content.is_some() {
                    return None;
                }
                // A Quarto project keeps its pages from its top (`intro.qmd`, `intro.es.qmd`).
                let project = quarto_config.is_some().then(|| site_root.clone());
                project
                    .into_iter()
                    .chain(
                        ["pages", "docs", "src"]
                            .iter()
                            .map(|dir| site_root.join(dir)),
                    )
                    .filter(|dir| !content_roots.contains(dir))
                    .find_map(|dir| {
                        suffix::detect(&probe, &[dir], &unsuffixed, &known, &is_page, false)
                    })
            }),
            None => None,
        };
        // Last: the source's pages at the top of a folder, a sub-folder per translation (Mintlify, sites serving
        // their default language at the root).
        let detected = match detected {
            Some(found) => Some(found),
            None if source_repo.is_none() && file.content.is_none() && !suffix_wanted => {
                let mut candidates = content_roots.clone();
                if !explicit_roots {
                    // Astro's collections (Starlight's `src/content/docs/`, the source's pages at its top).
                    let collections = match &file.content {
                        None if hugo_config.is_none() && mkdocs_config.is_none() => {
                            astro_collections(&site_root.join(astro::COLLECTIONS))
                        }
                        _ => Vec::new(),
                    };
                    candidates.extend(
                        collections
                            .into_iter()
                            .chain(declared::hexo_source_dir(&site_root))
                            .chain([
                                site_root.join("docs"),
                                site_root.join("src"),
                                site_root.clone(),
                            ])
                            .filter(|dir| !content_roots.contains(dir)),
                    );
                }
                let said = if file_source.is_some() {
                    Some(Evidence::new("evidence-root-locale-said"))
                } else {
                    declared_primary
                        .as_ref()
                        .map(|(_, why)| why.clone())
                        .or_else(|| {
                            // A default language the generator's config names, not the one it assumes.
                            hugo_config
                                .as_ref()
                                .filter(|h| h.default_language.is_some())
                                .map(|h| h.source().1)
                        })
                };
                root_locale::detect(&probe, &candidates, (&unsuffixed, said), &is_page)
            }
            None => None,
        };
        let detected = match detected {
            None if one_folder_languages && source_repo.is_none() && !explicit_roots => {
                let roots = match &quarto_config {
                    Some(_) => vec![site_root.clone()],
                    None => content_roots.clone(),
                };
                suffix::detect(&probe, &roots, &unsuffixed, &known, &is_page, true).map(
                    |mut found| {
                        if let Some(h) = &hugo_config {
                            found.languages = Evidence::new("evidence-hugo-languages")
                                .arg("file", &h.languages_file);
                        }
                        found
                    },
                )
            }
            found => found,
        };
        // A babelquarto project's languages are those its `_quarto.yml` lists, whichever have pages yet.
        let detected = detected.map(|mut found| {
            if found.from == DetectedFrom::FileNames
                && quarto_config
                    .as_ref()
                    .is_some_and(|q| !q.languages.is_empty())
            {
                found.languages = Evidence::new("evidence-key-in-file")
                    .arg("key", "babelquarto.languages")
                    .arg("file", quarto::CONFIG_FILE);
            }
            found
        });
        let Some(mut detected) = detected.filter(|d| !d.content_dirs.is_empty()) else {
            // The content roots looked in, those that exist (else the site's folder).
            let looked: Vec<&PathBuf> = content_roots.iter().filter(|root| root.is_dir()).collect();
            let looked = match looked.as_slice() {
                [] => vec![&site_root],
                some => some.to_vec(),
            };
            return Err(Error::NoLanguages {
                root: looked
                    .iter()
                    .map(|root| match rel(root) {
                        shown if shown.is_empty() => ".".to_owned(),
                        shown => shown,
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                example: match pelican::is_site(&site_root) {
                    // Pelican pairs by the `Slug` of a header tandem does not read: the suffix layout is the way.
                    true => format!(
                        "source: {unsuffixed}\nlayout: suffix\ncontent: [{}]",
                        pelican::content_path(&site_root)
                    ),
                    false => example_config(&site_root, &content_roots),
                },
                pelican: pelican::is_site(&site_root),
            });
        };
        let layout_kind = wanted_layout.unwrap_or(detected.layout_kind);
        let mut content_dirs = detected.content_dirs.clone();
        if source_repo.is_some()
            && !matches!(
                layout_kind,
                LayoutKind::Dirs | LayoutKind::Key | LayoutKind::Map
            )
        {
            return Err(Error::ConfigValue {
                path: config_label.clone(),
                key: "source_repo".into(),
                detail: Message::new("detail-source-repo-layout")
                    .arg("layout", layout_kind.as_str()),
            });
        }

        let mut evidence = SiteEvidence {
            languages: (detected.from != DetectedFrom::Config).then(|| detected.languages.clone()),
            ..SiteEvidence::default()
        };
        let hugo_default = hugo_config
            .as_ref()
            .map(|h| h.source())
            .or_else(|| {
                let mkdocs = mkdocs_config.as_ref()?;
                let default = mkdocs.default.clone()?;
                Some((
                    default,
                    Evidence::new("evidence-key-in-file")
                        .arg("key", "default")
                        .arg("file", mkdocs.file),
                ))
            })
            .filter(|(lang, _)| content_dirs.contains_key(lang))
            .or_else(|| {
                let (lang, why) = declared.as_ref()?;
                Some((declared::among(lang, content_dirs.keys())?, why.clone()))
            });
        let (source, source_evidence) = match (&file_source, &detected.source, hugo_default) {
            (Some(source), ..) => (source.clone(), None),
            (None, Some((source, why)), _) => (source.clone(), Some(why.clone())),
            (None, None, Some((source, why))) => (source, Some(why)),
            _ => {
                let counts = page_counts(&probe, &content_dirs, &probe_include, &exclude);
                let (most, top) = counts
                    .iter()
                    .map(|(lang, n)| (*n, std::cmp::Reverse(lang.as_str())))
                    .max()
                    .map(|(n, std::cmp::Reverse(lang))| (lang.to_owned(), n))
                    .unwrap_or_default();
                // English: `en`, else the one regional form found (MDN's `en-us`).
                let english = if counts.contains_key("en") {
                    Some("en")
                } else {
                    let mut regional = counts.keys().filter(|lang| lang.starts_with("en-"));
                    match (regional.next(), regional.next()) {
                        (Some(lang), None) => Some(lang.as_str()),
                        _ => None,
                    }
                };
                match english.and_then(|lang| Some((lang, *counts.get(lang)?))) {
                    // English is the source unless another language has twice its pages (and a few more): then the
                    // English pages are a translation in progress of a site written in that language first.
                    // Another language with more pages, though fewer than that: said on every run (a French site
                    // with its English under way was read backwards, nothing saying so in CI).
                    Some((lang, en))
                        if top > en && most != lang && !(top >= 2 * en && top >= en + 3) =>
                    {
                        (
                            lang.to_owned(),
                            Some(
                                Evidence::new("evidence-source-en-fewer")
                                    .arg("lang", lang)
                                    .arg("en", en.to_string())
                                    .arg("most", most.clone())
                                    .arg("count", top.to_string()),
                            ),
                        )
                    }
                    Some((lang, en)) if !(top >= 2 * en && top >= en + 3) => (
                        lang.to_owned(),
                        Some(Evidence::new("evidence-source-en").arg("lang", lang)),
                    ),
                    Some((lang, en)) => (
                        most,
                        Some(
                            Evidence::new("evidence-source-most-pages-over-en")
                                .arg("count", top.to_string())
                                .arg("en", en.to_string())
                                .arg("lang", lang),
                        ),
                    ),
                    None => (most, Some(Evidence::new("evidence-source-most-pages"))),
                }
            }
        };
        evidence.source = source_evidence;
        // A site whose source pages sit at the top of the repository (Mintlify, VitePress's root locale) would count
        // the repository's own files as pages to translate: unless `include` or `exclude` is set, they are not pages.
        let (exclude, exclude_patterns) = if file.exclude.is_none()
            && file.include.is_none()
            && source_repo.is_none()
            && content_dirs.get(&source).is_some_and(|dir| dir.is_empty())
        {
            let patterns: Vec<String> = REPOSITORY_FILES.iter().map(|f| (*f).to_owned()).collect();
            (build_globs(&patterns, &config_label, "exclude")?, patterns)
        } else {
            (exclude, exclude_patterns)
        };
        // What a Jekyll `_config.yml` excludes from the site is not a page either (unless `exclude` is set): its notes
        // and to-do files were "missing" translations.
        let (exclude, exclude_patterns) = match file
            .exclude
            .is_none()
            .then(|| declared::jekyll_excludes(&site_root))
        {
            Some(excluded) if !excluded.is_empty() => {
                let prefix = match rel(&site_root) {
                    top if top.is_empty() => String::new(),
                    sub => format!("{sub}/"),
                };
                let mut patterns = exclude_patterns;
                for entry in excluded {
                    for pattern in [format!("{prefix}{entry}"), format!("{prefix}{entry}/**")] {
                        // A pattern Jekyll takes and the glob reader does not is left out, not an error here.
                        if Glob::new(&pattern).is_ok() && !patterns.contains(&pattern) {
                            patterns.push(pattern);
                        }
                    }
                }
                (build_globs(&patterns, &config_label, "exclude")?, patterns)
            }
            _ => (exclude, exclude_patterns),
        };
        // What VitePress's `srcExclude` or MkDocs's `exclude_docs` leaves out of the site is not a page either (unless
        // `exclude` is set): a `README.md` among the pages was a translation "missing" that the site never publishes.
        let generator_excluded: Vec<String> = if file.exclude.is_some() {
            Vec::new()
        } else if let Some(mkdocs) = &mkdocs_config {
            mkdocs.excluded(&rel(&site_root))
        } else {
            vitepress::excluded(&site_root, repo_root)
        };
        let (exclude, exclude_patterns) = if generator_excluded.is_empty() {
            (exclude, exclude_patterns)
        } else {
            let mut patterns = exclude_patterns;
            for pattern in generator_excluded {
                // A pattern the generator takes and the glob reader does not is left out, not an error here.
                if Glob::new(&pattern).is_ok() && !patterns.contains(&pattern) {
                    patterns.push(pattern);
                }
            }
            (build_globs(&patterns, &config_label, "exclude")?, patterns)
        };
        // Hexo hides what sits in a `_` folder of its source folder (`_drafts/`, `_data/`) and takes a post's language
        // from its `lang:`, not from a folder (`source/fr/_posts/` is never read): with the source's pages at the top
        // of that folder, none of them is a page, else every post was a missing translation Hexo would not publish.
        let hexo_hidden = (file.exclude.is_none() && detected.from == DetectedFrom::RootLocale)
            .then(|| declared::hexo_source_dir(&site_root))
            .flatten()
            .map(|dir| rel(&dir))
            .filter(|dir| content_dirs.get(&source) == Some(dir));
        let (exclude, exclude_patterns) = match hexo_hidden {
            Some(dir) => {
                let mut patterns = exclude_patterns;
                for pattern in [format!("{dir}/**/_*"), format!("{dir}/**/_*/**")] {
                    if !patterns.contains(&pattern) {
                        patterns.push(pattern);
                    }
                }
                (build_globs(&patterns, &config_label, "exclude")?, patterns)
            }
            None => (exclude, exclude_patterns),
        };
        // A language tandem does not speak was ignored without a word.
        if let Some(value) = &file.ui_language
            && crate::i18n::UiLang::from_locale(value).is_none()
        {
            return Err(Error::ConfigValue {
                path: config_label.clone(),
                key: "ui_language".into(),
                detail: Message::new("detail-ui-language").arg("value", value.clone()),
            });
        }
        // A translation not started yet: a language `languages:` names (or `--lang`, on a site with only its source's
        // pages) whose folder is not there yet has its folder beside the source's (`content/en` → `content/fr`), where
        // its first page goes. Else a site could not start its first translation.
        let new_languages: Vec<String> = match &file.languages {
            Some(list) => list.iter().map(|l| l.to_ascii_lowercase()).collect(),
            None if content_dirs.len() < 2 => requested
                .languages
                .iter()
                .map(|l| l.trim().to_ascii_lowercase())
                .filter(|l| !l.is_empty())
                .collect(),
            None => Vec::new(),
        };
        // (Where `content:` names each language's folder, a language it does not name stays an error.)
        if layout_kind == LayoutKind::Dirs
            && detected.from != DetectedFrom::Docusaurus
            && !matches!(file.content, Some(Content::Languages(_)))
        {
            let beside = |dirs: &BTreeMap<String, String>, lang: &str| -> Option<String> {
                let dir = dirs.get(&source)?;
                match dir.rsplit_once('/') {
                    Some((parent, last)) if last.eq_ignore_ascii_case(&source) => {
                        Some(format!("{parent}/{lang}"))
                    }
                    None if dir.eq_ignore_ascii_case(&source) => Some(lang.to_owned()),
                    _ => None,
                }
            };
            for lang in new_languages.iter().filter(|l| **l != source) {
                if content_dirs.contains_key(lang) {
                    continue;
                }
                let Some(dir) = beside(&content_dirs, lang) else {
                    continue;
                };
                if let Layout::Folders(roots) = &mut detected.layout {
                    for root in roots.iter_mut() {
                        if !root.dirs.contains_key(lang)
                            && let Some(sibling) = beside(&root.dirs, lang)
                        {
                            root.dirs.insert(lang.clone(), sibling);
                        }
                    }
                }
                content_dirs.insert(lang.clone(), dir);
            }
        }
        if !content_dirs.contains_key(&source) {
            let known = content_dirs.keys().cloned().collect::<Vec<_>>().join(", ");
            // Named by `source:`: the error says where.
            if file_source.as_deref() == Some(source.as_str()) {
                return Err(Error::ConfigValue {
                    path: config_label.clone(),
                    key: "source".into(),
                    detail: Message::new("detail-unknown-source")
                        .arg("lang", source)
                        .arg("known", known),
                });
            }
            return Err(Error::UnknownLanguage {
                lang: source,
                known,
            });
        }
        if content_dirs.len() < 2 {
            return Err(Error::OneLanguage {
                lang: source,
                docusaurus: detected.from == DetectedFrom::Docusaurus,
            });
        }
        // The source's folder must be there, in the clone the sources are read from.
        if let Some(dir) = content_dirs.get(&source).filter(|dir| !dir.is_empty()) {
            let tree = source_repo.as_deref().unwrap_or(repo_root);
            if !tree.join(dir).is_dir() {
                return Err(Error::SourceFolderMissing {
                    path: dir.clone(),
                    other_clone: source_repo.is_some(),
                });
            }
        }

        // `.mdx` pages count where the generator writes MDX or where there are some.
        let mdx = if detected.mdx {
            Some(Evidence::new("evidence-mdx-generator"))
        } else {
            let mdx_files = content_dirs.iter().any(|(lang, dir)| {
                let tree = match (&source_repo, *lang == source) {
                    (Some(other), true) => other.as_path(),
                    _ => repo_root,
                };
                listings.count_files(tree, dir, has_mdx_extension) > 0
            });
            mdx_files.then(|| Evidence::new("evidence-mdx-files"))
        };
        let include_patterns: Vec<String> = file
            .include
            .clone()
            .unwrap_or_else(|| with_qmd(default_include(mdx.is_some())));
        evidence.mdx = mdx.filter(|_| file.include.is_none());
        let include = build_globs(&include_patterns, &config_label, "include")?;

        let known = || content_dirs.keys().cloned().collect::<Vec<_>>().join(", ");
        let mut targets: Vec<String> = match &file.languages {
            Some(list) => list.iter().map(|l| l.to_ascii_lowercase()).collect(),
            None => content_dirs
                .keys()
                .filter(|l| **l != source)
                .cloned()
                .collect(),
        };
        for lang in &targets {
            if *lang == source {
                return Err(Error::ConfigValue {
                    path: config_label.clone(),
                    key: "languages".into(),
                    detail: Message::new("detail-source-as-target").arg("lang", lang),
                });
            }
            if !content_dirs.contains_key(lang) {
                return Err(Error::ConfigValue {
                    path: config_label.clone(),
                    key: "languages".into(),
                    detail: Message::new("detail-unknown-target")
                        .arg("lang", lang)
                        .arg("known", known()),
                });
            }
        }
        if !requested.languages.is_empty() {
            let mut chosen = Vec::new();
            for lang in &requested.languages {
                let lang = lang.trim().to_ascii_lowercase();
                if lang.is_empty() {
                    continue;
                }
                if lang == source {
                    return Err(Error::SourceLanguageGiven {
                        lang,
                        targets: targets.join(", "),
                    });
                }
                if !targets.contains(&lang) {
                    return Err(Error::UnknownLanguage {
                        lang,
                        known: targets.join(", "),
                    });
                }
                if !chosen.contains(&lang) {
                    chosen.push(lang);
                }
            }
            targets = chosen;
        }

        let mut pin_keys: Vec<String> = Vec::new();
        if let Some(key) = file.pin.as_ref().and_then(|p| p.key.clone()) {
            pin_keys.push(key);
        }
        for key in DEFAULT_PIN_KEYS {
            if !pin_keys.iter().any(|k| k == key) {
                pin_keys.push(key.to_owned());
            }
        }

        // Unless `tandem.yaml` lists them, the default keywords and those of the site's Lunaria config: a commit
        // Lunaria's dashboard passes over ("typo") read as a change to translate.
        let skip_patterns: Vec<String> = match file
            .history
            .as_ref()
            .and_then(|h| h.skip_commits_matching.clone())
        {
            Some(listed) => listed,
            None => DEFAULT_SKIP_PATTERNS
                .map(String::from)
                .into_iter()
                .chain(starlight::lunaria_ignore_keywords(&site_root, repo_root))
                .collect(),
        };
        let mut skip_commits = Vec::new();
        for pattern in &skip_patterns {
            skip_commits.push(
                regex::Regex::new(pattern).map_err(|err| Error::ConfigValue {
                    path: config_label.clone(),
                    key: "history.skip_commits_matching".into(),
                    detail: Message::verbatim(first_line(&err.to_string())),
                })?,
            );
        }
        let detected_base = detected
            .base_url
            .clone()
            .or_else(|| hugo_config.as_ref().and_then(|h| h.base_url()))
            .or_else(|| mkdocs_config.as_ref().and_then(|m| m.base_url()));
        let base_url = match (
            file.site.as_ref().and_then(|s| s.base_url.clone()),
            detected_base,
        ) {
            (Some(url), _) => Some(url),
            (None, Some((url, why))) => {
                evidence.base_url = Some(why);
                Some(url)
            }
            (None, None) => None,
        }
        .filter(|url| url.starts_with("http://") || url.starts_with("https://"));
        if base_url.is_none() {
            evidence.base_url = None;
        }

        // The source's folder within the site: Astro's collections, Starlight's docs, read without their config too.
        let source_folder = probe.site_rel(&repo_root.join(&content_dirs[&source]));
        let translatable_flag = match file
            .pages
            .as_ref()
            .and_then(|p| p.translatable_flag.clone())
        {
            Some(flag) => Some(flag),
            None => match &detected.translatable_flag {
                Some((flag, why)) => {
                    evidence.translatable_flag = Some(why.clone());
                    Some(flag.clone())
                }
                // Starlight's flag, on a Starlight site or on pages in Astro's collections read without its config.
                None if detected.from == DetectedFrom::Starlight
                    || source_folder.starts_with(astro::COLLECTIONS) =>
                {
                    let languages: Vec<String> = content_dirs.keys().cloned().collect();
                    let is_source = |path: &str| {
                        include.is_match(path)
                            && !exclude.is_match(path)
                            && crate::pairing::classify(&detected.layout, &languages, path)
                                .is_some_and(|(lang, ..)| lang == source)
                    };
                    flag_in_pages(&probe, &content_dirs[&source], &is_source).map(|(flag, page)| {
                        evidence.translatable_flag = Some(
                            Evidence::new("evidence-flag-in-pages")
                                .arg("key", flag.clone())
                                .arg("page", page),
                        );
                        flag
                    })
                }
                None => None,
            },
        };

        let pairing_config = file.pairing.as_ref();
        let map = match pairing_config.and_then(|p| p.map.as_ref()) {
            Some(map) => {
                let path = site_root.join(map);
                if !path.is_file() {
                    return Err(Error::ConfigValue {
                        path: config_label.clone(),
                        key: "pairing.map".into(),
                        detail: Message::new("detail-map-missing").arg("path", rel(&path)),
                    });
                }
                let label = rel(&path);
                Some((path, label))
            }
            None if layout_kind == LayoutKind::Map => {
                return Err(Error::ConfigValue {
                    path: config_label.clone(),
                    key: "layout".into(),
                    detail: Message::new("detail-map-needs-file"),
                });
            }
            None => None,
        };
        let pairing = PairingSettings {
            by_path: !matches!(layout_kind, LayoutKind::Key | LayoutKind::Map),
            shared_keys: std::iter::once(
                pairing_config
                    .and_then(|p| p.key.clone())
                    .unwrap_or_else(|| DEFAULT_SHARED_KEY.to_owned()),
            )
            // Pages that say their language in their front matter pair as polyglot pairs them.
            .chain(
                matches!(
                    detected.layout,
                    Layout::Suffix {
                        language_key: Some(_),
                        ..
                    }
                )
                .then_some(polyglot::PAIRING_KEYS.map(str::to_owned))
                .into_iter()
                .flatten(),
            )
            .collect(),
            link_keys: DEFAULT_LINK_KEYS.iter().map(|k| (*k).to_owned()).collect(),
            map,
        };

        let generator = if docusaurus_site {
            Generator::Docusaurus
        } else if detected.from == DetectedFrom::Starlight
            || source_folder.starts_with(starlight::DOCS)
        {
            // Starlight's docs collection read without its `astro.config.*` keeps Starlight's front matter.
            Generator::Starlight
        } else if hugo_config.is_some() {
            Generator::Hugo
        } else {
            Generator::Other
        };
        let front_matter = key_classes::resolve(&file, generator, &config_label)?;
        // A pin key must be a key of its own: `pin: {key: title}` had `sync` write commit ids over the translated
        // titles.
        if let Some(key) = file.pin.as_ref().and_then(|p| p.key.as_deref()) {
            let detail =
                if key.trim().is_empty() || key.split('.').any(|part| part.trim().is_empty()) {
                    Some(Message::new("detail-pin-key-empty").arg("value", key))
                } else {
                    front_matter.content_list_naming(key).map(|class| {
                        Message::new("detail-pin-key-content")
                            .arg("value", key)
                            .arg("class", class.as_str())
                    })
                };
            if let Some(detail) = detail {
                return Err(Error::ConfigValue {
                    path: config_label.clone(),
                    key: "pin.key".into(),
                    detail,
                });
            }
        }

        Ok(Settings {
            repo_root: repo_root.to_path_buf(),
            site_root: site_root.clone(),
            config_file: config_name,
            source,
            targets,
            content_dirs,
            layout: detected.layout,
            layout_kind,
            pairing,
            source_repo,
            include,
            exclude,
            page_patterns: (include_patterns, exclude_patterns),
            pin_keys,
            ui_language: file.ui_language.clone(),
            base_url,
            skip_commits: crate::history::directives::Directives::new(skip_commits),
            detected_from: detected.from,
            translatable_flag,
            front_matter,
            generator,
            evidence,
            file,
        })
    }

    /// The content folder of `lang`, repo-relative.
    /// The folders holding source pages: each root's source-language folder (dirs), or the roots (suffix).
    pub fn source_roots(&self) -> Vec<String> {
        match &self.layout {
            Layout::Folders(roots) => roots
                .iter()
                .filter_map(|r| r.dirs.get(&self.source).cloned())
                .collect(),
            Layout::Suffix { roots, .. } => roots.clone(),
        }
    }

    pub fn content_dir(&self, lang: &str) -> &str {
        self.content_dirs.get(lang).map_or("", String::as_str)
    }

    /// What normalising pages needs to know about the site.
    pub fn site_context(&self) -> crate::markdown::document::SiteContext {
        crate::markdown::document::SiteContext {
            base_url: self.base_url.clone(),
            languages: self.content_dirs.keys().cloned().collect(),
            translatable: self.front_matter.translated.clone(),
            // A source's own keys (`slug`) are left out of its meaning like pins.
            bookkeeping: self
                .pin_keys
                .iter()
                .cloned()
                .chain(std::iter::once(self.drift_key()))
                .chain(self.front_matter.own_subtrees())
                .collect(),
        }
    }

    /// The front-matter key marking drifted translations (`pin.drift_key`, default `drifted_from_default`).
    pub fn drift_key(&self) -> String {
        self.file
            .pin
            .as_ref()
            .and_then(|p| p.drift_key.clone())
            .unwrap_or_else(|| "drifted_from_default".to_owned())
    }

    /// Whether a repo-relative path is a page (include and exclude patterns).
    pub fn is_page(&self, path: &str) -> bool {
        self.include.is_match(path) && !self.exclude.is_match(path)
    }

    /// Whether tandem would read a file at `path` (repo-relative `/` path), there or not yet, as a page of the site:
    /// a page's name in a content folder, outside hidden folders. What `--out` must not name.
    /// Whether `path`, in a language's folder, has the extension of a page of any kind the generators write
    /// (`.mdx` on a site with none yet: a report written there would turn them on, and be read as a page).
    pub fn would_be_page_of_any_kind(&self, path: &str) -> bool {
        let languages: Vec<String> = self.content_dirs.keys().cloned().collect();
        let page_like = path.rsplit_once('.').is_some_and(|(_, ext)| {
            matches!(
                ext.to_ascii_lowercase().as_str(),
                "md" | "mdx"
                    | "markdown"
                    | "mdown"
                    | "html"
                    | "htm"
                    | "qmd"
                    | "rmd"
                    | "adoc"
                    | "rst"
            )
        });
        page_like
            && !path.split('/').any(|part| part.starts_with('.'))
            && crate::pairing::classify(&self.layout, &languages, path).is_some()
    }

    pub fn would_be_page(&self, path: &str) -> bool {
        let languages: Vec<String> = self.content_dirs.keys().cloned().collect();
        self.is_page(path)
            && !path.split('/').any(|part| part.starts_with('.'))
            && crate::pairing::classify(&self.layout, &languages, path).is_some()
    }
}

/// Finds `tandem.yaml`: the `--config` file, else the nearest one from `start` up to the repo root, else the one at the
/// root of the site found below (`site_found`).
fn load_config_file(
    repo_root: &Path,
    start: &Path,
    explicit: Option<&Path>,
    site_found: &dyn Fn() -> PathBuf,
) -> Result<(Option<PathBuf>, FileConfig)> {
    let path = match explicit {
        Some(path) => {
            let path = if path.is_absolute() {
                path.to_path_buf()
            } else {
                start.join(path)
            };
            // Only a regular file is read: a named pipe would be waited on forever, and a folder or a device was said
            // to be missing.
            let metadata = std::fs::metadata(&path)
                .map_err(|err| Error::io(path.display().to_string(), &err))?;
            if let Some(kind) = crate::util::files::not_regular(&path, &metadata) {
                return Err(Error::ConfigNotAFile {
                    path: path.display().to_string(),
                    kind,
                });
            }
            Some(path)
        }
        // Else the one `init` wrote at the site's root, when the site sits below the folder tandem runs in (a VitePress
        // `docs/`, a Hugo theme's `exampleSite/`).
        None => ancestors_within(start, repo_root)
            .map(|dir| dir.join(CONFIG_FILE))
            .find(|candidate| candidate.is_file())
            .or_else(|| {
                Some(site_found().join(CONFIG_FILE)).filter(|candidate| candidate.is_file())
            }),
    };
    let Some(path) = path else {
        return Ok((None, FileConfig::default()));
    };
    let label = relative_slash(repo_root, &path);
    let text = std::fs::read_to_string(&path).map_err(|err| Error::io(&label, &err))?;
    let config = FileConfig::parse(&text, &label)?;
    Ok((Some(path), config))
}

/// A config file's name taken by something tandem cannot read as one: a broken link, a link loop, a folder, a pipe.
/// Skipped, a `hugo.yaml` linked to a theme that was not checked out made a French-source site an English one.
fn refuse_config_not_a_file(repo_root: &Path, path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    let kind = match std::fs::metadata(path) {
        Err(_) => Some("file-kind-broken-link"),
        Ok(metadata) => crate::util::files::not_regular(path, &metadata),
    };
    match kind {
        Some(kind) => Err(Error::SiteConfigNotAFile {
            path: relative_slash(repo_root, path),
            kind,
        }),
        None => Ok(()),
    }
}

/// The site's folder: the nearest one from `start` up to the repository's top with a generator config or a `content/`
/// folder; else, when the top has no language folders, the one sub-folder of the top that is a site. `Err` holds the
/// sub-folders when several are: which one is meant cannot be guessed.
fn find_site_root(repo_root: &Path, start: &Path) -> std::result::Result<PathBuf, Vec<PathBuf>> {
    let is_site = |dir: &Path| {
        hugo::config_files().any(|name| dir.join(name).is_file())
            || docusaurus::CONFIG_FILES
                .iter()
                .chain(starlight::CONFIG_FILES)
                .chain(mkdocs::CONFIG_FILES)
                .chain(&declared::NEXT_CONFIGS)
                .chain(&[quarto::CONFIG_FILE, pelican::CONFIG_FILE])
                .any(|name| dir.join(name).is_file())
            || vitepress::config_file(dir).is_some()
    };
    if let Some(dir) = ancestors_within(start, repo_root).find(|dir| is_site(dir)) {
        return Ok(dir.to_path_buf());
    }
    // `src/content/` is where Astro keeps its content collections: the site is the folder above `src/`.
    let holds_content = |dir: &Path| {
        dir.join("content").is_dir() && (!dir.ends_with(astro::SOURCE) || is_site(dir))
    };
    if let Some(dir) = ancestors_within(start, repo_root).find(|dir| holds_content(dir)) {
        return Ok(dir.to_path_buf());
    }
    // A repository whose site sits one folder down (Hugo themes keep theirs in `exampleSite/`), when the top has
    // no language folders of its own.
    if language_folders(repo_root).len() < 2 {
        let mut candidates: Vec<PathBuf> = std::fs::read_dir(repo_root)
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| entry.path())
            .filter(|dir| is_site(dir) || holds_content(dir))
            .collect();
        candidates.sort();
        match candidates.as_slice() {
            [only] => return Ok(only.clone()),
            [_, _, ..] => return Err(candidates),
            [] => {}
        }
    }
    Ok(repo_root.to_path_buf())
}

/// `start` and its parents, up to and including `root` (only `root` when `start` is outside it).
fn ancestors_within<'a>(start: &'a Path, root: &'a Path) -> impl Iterator<Item = &'a Path> {
    let inside = start.starts_with(root);
    let first = if inside { start } else { root };
    first
        .ancestors()
        .take_while(move |dir| dir.starts_with(root))
}

fn page_counts(
    probe: &Probe,
    content_dirs: &BTreeMap<String, String>,
    include: &GlobSet,
    exclude: &GlobSet,
) -> BTreeMap<String, usize> {
    content_dirs
        .iter()
        .map(|(lang, dir)| {
            let count = probe.listings.count_files(probe.repo_root, dir, |p| {
                include.is_match(p) && !exclude.is_match(p)
            });
            (lang.clone(), count)
        })
        .collect()
}

fn build_globs(patterns: &[String], path: &str, key: &str) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|err| Error::ConfigValue {
            path: path.to_owned(),
            key: key.to_owned(),
            detail: Message::verbatim(err.to_string()),
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|err| Error::ConfigValue {
        path: path.to_owned(),
        key: key.to_owned(),
        detail: Message::verbatim(err.to_string()),
    })
}

/// `content:` as a map: each language's folder, relative to the site root. A source folder holding other
/// languages' folders (Starlight's root locale) owns only the pages outside them: the deepest folder wins.
fn from_map(probe: &Probe, map: &BTreeMap<String, String>) -> Detected {
    let dirs: BTreeMap<String, String> = map
        .iter()
        .map(|(lang, dir)| {
            let dir = dir.trim_end_matches('/');
            let path = if dir.is_empty() || dir == "." {
                probe.site_root.to_path_buf()
            } else {
                probe.site_root.join(dir)
            };
            (lang.to_ascii_lowercase(), probe.rel(&path))
        })
        .collect();
    Detected {
        from: DetectedFrom::Config,
        layout: Layout::Folders(vec![ContentRoot {
            name: String::new(),
            dirs: dirs.clone(),
        }]),
        layout_kind: LayoutKind::Dirs,
        content_dirs: dirs,
        source: None,
        languages: Evidence::new("evidence-config"),
        base_url: None,
        mdx: false,
        translatable_flag: None,
    }
}

/// The repository's own files, not pages, when the source's pages sit at the top of the repository and neither
/// `include` nor `exclude` is set (matched from the top only).
/// Whether a file at the repository's top is one of its own files ([`REPOSITORY_FILES`]: `README.md`,
/// `CONTRIBUTING.md`…), not a page.
pub(crate) fn is_repository_file(name: &str) -> bool {
    REPOSITORY_FILES
        .iter()
        .any(|pattern| match pattern.split_once('*') {
            None => name.eq_ignore_ascii_case(pattern),
            Some((start, end)) => {
                !pattern.contains('/')
                    && name.len() > start.len() + end.len()
                    && name.starts_with(start)
                    && name.ends_with(end)
            }
        })
}

const REPOSITORY_FILES: &[&str] = &[
    "README.md",
    "README.*.md",
    "CONTRIBUTING.md",
    "CHANGELOG.md",
    "CODE_OF_CONDUCT.md",
    "SECURITY.md",
    "LICENSE.md",
    "SUPPORT.md",
    "AGENTS.md",
    "CLAUDE.md",
    // A Jekyll site's templates and build output.
    "_layouts/**",
    "_includes/**",
    "_sass/**",
    "_data/**",
    "_site/**",
    "_plugins/**",
];

/// The content roots of a site whose config names none: `content/`; without it, Astro's `src/content/` and those of
/// its collections (`src/content/blog/`) that keep every page in a folder per language. An Astro site read without
/// its `astro.config.*` (a repository of its pages alone) still has them.
fn default_content_roots(site_root: &Path) -> Vec<PathBuf> {
    let content = site_root.join("content");
    let collections = site_root.join(astro::COLLECTIONS);
    if content.is_dir() || !collections.is_dir() {
        return vec![content];
    }
    let without_top_pages = |dir: &PathBuf| {
        !std::fs::read_dir(dir).into_iter().flatten().any(|entry| {
            entry.is_ok_and(|entry| {
                entry.file_type().is_ok_and(|t| t.is_file())
                    && page_extension(&entry.file_name().to_string_lossy())
            })
        })
    };
    std::iter::once(collections.clone())
        .chain(
            astro_collections(&collections)
                .into_iter()
                .filter(without_top_pages),
        )
        .collect()
}

/// The sub-folders of Astro's `src/content/` (its content collections), sorted; language folders are not
/// collections.
fn astro_collections(collections: &Path) -> Vec<PathBuf> {
    let mut inside: Vec<PathBuf> = std::fs::read_dir(collections)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            !name.starts_with('.') && !crate::pairing::layout::is_language_tag(&name)
        })
        .map(|entry| entry.path())
        .collect();
    inside.sort();
    inside
}

/// Page patterns when `include` is not set: MDX too where the site uses it.
fn default_include(mdx: bool) -> Vec<String> {
    let mut patterns: Vec<String> = ["**/*.md", "**/*.markdown", "**/*.html"]
        .map(String::from)
        .to_vec();
    if mdx {
        patterns.push("**/*.mdx".to_owned());
    }
    patterns
}

/// The known translatable flags (Starlight's and Lunaria's `i18nReady`), when a source page carries one: the flag
/// and the first such page.
fn flag_in_pages(
    probe: &Probe,
    source_dir: &str,
    is_source: &dyn Fn(&str) -> bool,
) -> Option<(String, String)> {
    const FLAGS: [&str; 1] = ["i18nReady"];
    let repo_root = probe.repo_root;
    for path in probe.listings.files(repo_root, source_dir) {
        if !is_source(&path) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(repo_root.join(&path)) else {
            continue;
        };
        let Ok(front) = crate::markdown::frontmatter::parse(&text) else {
            continue;
        };
        let Some(crate::markdown::yaml::NodeKind::Map(entries)) = front.tree.map(|t| t.kind) else {
            continue;
        };
        for flag in FLAGS {
            let found = entries
                .iter()
                .any(|(key, _)| key.eq_ignore_ascii_case(flag));
            if found {
                return Some((flag.to_owned(), path));
            }
        }
    }
    None
}

/// A `tandem.yaml` that would work, built from the folders seen: the folder with the most pages for the source, the
/// next for a translation, for the person to rename.
fn example_config(site_root: &Path, content_roots: &[PathBuf]) -> String {
    let mut counts: Vec<(usize, String)> = Vec::new();
    let mut stack: Vec<(PathBuf, usize)> = vec![(site_root.to_path_buf(), 0)];
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut pages = 0;
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || root_locale::NOT_CONTENT.contains(&name.as_str()) {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() && depth < 4 {
                stack.push((entry.path(), depth + 1));
            } else if kind.is_file()
                && page_extension(&name)
                && !REPOSITORY_FILES
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(&name))
            {
                pages += 1;
            }
        }
        if pages > 0 {
            // The site's own folder holds the pages of a language too (Mintlify's source): written ".".
            let rel = relative_slash(site_root, &dir);
            counts.push((
                pages,
                if rel.is_empty() {
                    "\".\"".to_owned()
                } else {
                    rel
                },
            ));
        }
    }
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut folders = counts.into_iter().map(|(_, dir)| dir);
    let fallback = content_roots
        .first()
        .map(|root| relative_slash(site_root, root))
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "content".to_owned());
    let source = folders.next().unwrap_or_else(|| format!("{fallback}/en"));
    // A translation's folder is neither inside the source's nor around it (`docs/guides` is part of `docs`).
    let nested =
        |a: &str, b: &str| a.starts_with(&format!("{b}/")) || b.starts_with(&format!("{a}/"));
    let translation = folders
        .find(|dir| !nested(dir, &source))
        .unwrap_or_else(|| format!("{fallback}/fr"));
    // A folder named like a language is that language's (`en` beside French pages at the top); else the source's
    // pages say theirs by their words, and the translation is the other of English and French.
    let named = |dir: &str| {
        let last = dir.trim_matches('"').rsplit('/').next().unwrap_or_default();
        crate::pairing::layout::is_language_tag(last).then(|| last.to_ascii_lowercase())
    };
    let source_lang = named(&source).or_else(|| {
        let dir = site_root.join(source.trim_matches('"'));
        let pages: Vec<String> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| page_extension(name))
            .collect();
        let not: Vec<String> = named(&translation).into_iter().collect();
        let not: Vec<&str> = not.iter().map(String::as_str).collect();
        crate::site::words::folder_language(&dir, pages.iter().map(String::as_str), &not)
            .map(|(lang, ..)| lang)
    });
    let translation_lang = named(&translation)
        .filter(|lang| Some(lang) != source_lang.as_ref())
        .unwrap_or_else(|| match source_lang.as_deref() {
            Some("fr") => "en".to_owned(),
            _ => "fr".to_owned(),
        });
    let source_lang = source_lang.unwrap_or_else(|| match translation_lang.as_str() {
        "en" => "fr".to_owned(),
        _ => "en".to_owned(),
    });
    format!(
        "source: {source_lang}\ncontent:\n  {source_lang}: {source}\n  {translation_lang}: {translation}"
    )
}
