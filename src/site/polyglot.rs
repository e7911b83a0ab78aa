//! Jekyll sites whose pages say their language in their front matter, every language in the same folders
//! (jekyll-polyglot: "it does not matter where you put the files or what you name them"; what matters is a page's
//! `lang:`). `about.md` (English, the default) and `a-propos.md` (`lang: fr`, the same `permalink`) are one page in two
//! languages. Read as the suffix layout whose unsuffixed pages take their language from `lang:`; such pages pair by
//! `page_id` or `permalink`, as polyglot pairs them (docs/pairing.md).

use std::collections::BTreeMap;
use std::path::Path;

use crate::pairing::layout::{Layout, is_language_tag, suffix_language};
use crate::site::config::{DetectedFrom, LayoutKind};
use crate::site::detect::{Detected, Evidence, Probe};
use crate::site::scan::{get_ci, read_structured};

/// The front-matter key that names a page's language.
pub const LANGUAGE_KEY: &str = "lang";

/// The keys polyglot pairs a page's languages by: its `page_id`, else its URL (`permalink`).
pub const PAIRING_KEYS: [&str; 2] = ["page_id", "permalink"];

/// The site at `site_root`, when its `_config.yml` lists two or more `languages` and some page there, in no folder named
/// like a language and without a language suffix, says in its front matter that it is in one of them other than the
/// default (`default_lang`, else the first listed).
pub fn detect(probe: &Probe, is_page: &dyn Fn(&str) -> bool) -> Option<Detected> {
    let name = "_config.yml";
    let config = read_structured(&probe.site_root.join(name), name).ok()?;
    let languages: Vec<String> = get_ci(&config, "languages")?
        .as_array()?
        .iter()
        .filter_map(|v| v.as_str())
        .map(str::to_ascii_lowercase)
        .collect();
    if languages.len() < 2 {
        return None;
    }
    let (default, said_by) = match get_ci(&config, "default_lang").and_then(|v| v.as_str()) {
        Some(lang) => (lang.to_ascii_lowercase(), "default_lang"),
        None => (languages[0].clone(), "languages[0]"),
    };
    let root = probe.rel(probe.site_root);
    // Pages kept in a folder or under a name of their language are read by those rules (`_posts/fr/`, `x.fr.md`).
    let named_elsewhere = |path: &str| {
        let (folders, name) = path.rsplit_once('/').unwrap_or(("", path));
        folders.split('/').any(is_language_tag)
            || suffix_language(name, |tag| languages.iter().any(|l| l == tag)).is_some()
    };
    let declared = probe
        .listings
        .files(probe.repo_root, &root)
        .into_iter()
        .filter(|path| is_page(path) && !named_elsewhere(path))
        .filter_map(|path| page_language(&probe.repo_root.join(&path), &languages))
        .any(|lang| lang != default);
    if !declared {
        return None;
    }
    let content_dirs: BTreeMap<String, String> = languages
        .iter()
        .chain([&default])
        .map(|lang| (lang.clone(), root.clone()))
        .collect();
    Some(Detected {
        from: DetectedFrom::FrontMatterLanguage,
        layout: Layout::Suffix {
            roots: vec![root],
            unsuffixed: default.clone(),
            language_key: Some(LANGUAGE_KEY.to_owned()),
        },
        layout_kind: LayoutKind::Suffix,
        content_dirs,
        source: Some((
            default,
            Evidence::new("evidence-key-in-file")
                .arg("key", said_by)
                .arg("file", name),
        )),
        languages: Evidence::new("evidence-front-matter-lang").arg("file", name),
        base_url: None,
        mdx: false,
        translatable_flag: None,
    })
}

/// The language the page at `file` names in its front matter's `lang`, as one of `languages` (`fr-FR` is `fr` when
/// only `fr` is listed); `None` when it names none of them, or cannot be read.
pub fn page_language(file: &Path, languages: &[String]) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let front = crate::markdown::frontmatter::parse(&text).ok()?;
    let lang = front.get_str(LANGUAGE_KEY)?.trim().to_ascii_lowercase();
    crate::site::declared::among(&lang, languages)
}
