//! Pure: which source page goes with which translation, for each target language.
//!
//! Rules, strongest first (docs/pairing.md): an explicit **map** entry, then a front-matter **key** (a value shared by a
//! page and its translations, like `translationKey`, or a value naming the other page, like `altLangPage`), then the
//! layout's **path** rule (`content/en/x.md` ⇄ `content/fr/x.md`, `x.md` ⇄ `x.fr.md`, Docusaurus's `i18n/` tree).
//! Pages that a map or a key ties together inconsistently (one page claimed by two) are a **conflict**: none of them
//! is paired, and each is reported. Renames (the source moved, the translation did not) are found afterwards from
//! history, outside this module.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::util::chars::nfc;
use serde::Serialize;

use crate::pairing::layout::{Layout, suffix_language};

/// The rule that paired two pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairedBy {
    /// The same path under each language's content folder (dirs and Docusaurus layouts).
    Path,
    /// The same file name but for the language suffix (`x.md` or `x.en.md` ⇄ `x.fr.md`).
    Suffix,
    /// A front-matter key (`translationKey`, `altLangPage`, `pairing.key`).
    Key,
    /// The mapping file (`pairing.map`).
    Map,
    /// The layout's source was renamed in history; the translation follows it.
    Rename,
}

impl PairedBy {
    pub const ALL: [PairedBy; 5] = [
        PairedBy::Path,
        PairedBy::Suffix,
        PairedBy::Key,
        PairedBy::Map,
        PairedBy::Rename,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PairedBy::Path => "path",
            PairedBy::Suffix => "suffix",
            PairedBy::Key => "key",
            PairedBy::Map => "map",
            PairedBy::Rename => "rename",
        }
    }
}

/// One (source page, language) slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PairKind {
    /// Both files exist.
    Paired,
    /// The source exists; the translation does not (its path is where it would go).
    Missing,
    /// The translation exists; its source does not (the source path is where it would be).
    Orphaned,
    /// The translation's source by path exists but a key or the map pairs it with another translation.
    Displaced,
    /// A source page that keys or the map tie to several pages of one language: none is paired (`translation` is
    /// one of the claimants).
    Conflict,
    /// A translation in a conflict that no `Conflict` source entry names.
    ConflictOrphan,
}

/// A source page and its translation in one language. Paths are repo-relative with `/` (a source page of a
/// two-repository site is relative to the source repository).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub language: String,
    pub source: String,
    pub translation: String,
    pub kind: PairKind,
    pub paired_by: PairedBy,
    /// The page's path below its language root, for site sections (`docs/concepts/x.md`).
    pub section_path: String,
    /// What paired them, for people: `translationKey: intro`, `altLangPage: apercu`, `l10n-map.yaml`.
    pub evidence: Option<String>,
    /// The source's path now, when the source the layout names was renamed (found in history).
    pub renamed_to: Option<String>,
    /// The source the layout names, when it was renamed (`renamed_to`).
    pub renamed_from: Option<String>,
    /// Where `git mv` would put the translation so that it pairs by path with the renamed source again.
    pub move_to: Option<String>,
}

/// A page found in the work tree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Page {
    pub language: String,
    /// Repo-relative path.
    pub path: String,
    /// Which content root of the layout it is in.
    pub root: usize,
    /// The path the page shares with its translations under the layout's rule: below the language folder (folder
    /// layouts) or without the language suffix (suffix layout).
    pub rel: String,
}

/// Every page of every language, as the layout sees them.
#[derive(Debug, Default, Clone)]
pub struct Inventory {
    pub pages: Vec<Page>,
    /// Suffix layout: whether the source pages carry their language in the name (`x.en.md`) rather than not (`x.md`).
    pub source_suffixed: bool,
    /// Suffix layout: each language's suffix as most of its pages write it (`pt-br` → `pt-BR`), for the pages a
    /// language lacks. A language without one is written as it is named.
    pub suffixes: BTreeMap<String, String>,
    /// Files named like pages that are symbolic links: skipped (never read, never paired), and reported.
    pub links: Vec<String>,
    /// Folders of the content that could not be read: their pages are missing from the inventory, and reported.
    pub unreadable: Vec<String>,
    /// Files named like pages but for the case of their extension (`intro.MD`): not pages, and reported, so that
    /// a page does not leave the report without a word.
    pub odd_case_extensions: Vec<String>,
}

impl Inventory {
    /// The pages of one language.
    pub fn of<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = &'a Page> + 'a {
        self.pages.iter().filter(move |p| p.language == lang)
    }
}

/// The layout's path rule: where the page of `lang` for (`root`, `rel`) is.
pub fn path_for(
    layout: &Layout,
    inventory: &Inventory,
    source_lang: &str,
    root: usize,
    rel: &str,
    lang: &str,
) -> String {
    match layout {
        Layout::Folders(roots) => {
            let dir = roots
                .get(root)
                .and_then(|r| r.dirs.get(lang))
                .map_or("", String::as_str);
            join(dir, rel)
        }
        Layout::Suffix {
            roots, unsuffixed, ..
        } => {
            let dir = roots.get(root).map_or("", String::as_str);
            let plain = lang == unsuffixed && !(lang == source_lang && inventory.source_suffixed);
            if plain {
                return join(dir, rel);
            }
            let (stem, ext) = match rel.rsplit_once('.') {
                Some((stem, ext)) if !ext.contains('/') => (stem, Some(ext)),
                _ => (rel, None),
            };
            let lang = inventory.suffixes.get(lang).map_or(lang, String::as_str);
            match ext {
                Some(ext) => join(dir, &format!("{stem}.{lang}.{ext}")),
                None => join(dir, &format!("{rel}.{lang}")),
            }
        }
    }
}

/// The page path below its language root, for site sections (in NFC: a folder written in NFD on one side is the
/// same section).
pub fn section_path(layout: &Layout, page_root: usize, rel: &str) -> String {
    let rel = &*nfc(rel);
    match layout {
        Layout::Folders(roots) => match roots.get(page_root).map(|r| r.name.as_str()) {
            Some(name) if !name.is_empty() => join(name, rel),
            _ => rel.to_owned(),
        },
        Layout::Suffix { .. } => rel.to_owned(),
    }
}

fn join(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_owned()
    } else {
        format!("{dir}/{rel}")
    }
}

/// Classifies a repo-relative file under the layout: its language and rule path, or `None` when it is not in one of
/// the layout's folders. `languages` are the site's languages.
pub fn classify(
    layout: &Layout,
    languages: &[String],
    path: &str,
) -> Option<(String, usize, String)> {
    match layout {
        Layout::Folders(roots) => {
            // The deepest folder wins: a language folder nested in another's (`content/` holding `content/fr/`)
            // owns its pages.
            let mut best: Option<(usize, String, usize, String)> = None;
            for (index, root) in roots.iter().enumerate() {
                for (lang, dir) in &root.dirs {
                    let rest = if dir.is_empty() {
                        Some(path)
                    } else {
                        path.strip_prefix(dir.as_str())
                            .and_then(|rest| rest.strip_prefix('/'))
                    };
                    if let Some(rest) = rest
                        && best.as_ref().is_none_or(|(len, ..)| dir.len() > *len)
                    {
                        best = Some((dir.len(), lang.clone(), index, rest.to_owned()));
                    }
                }
            }
            best.map(|(_, lang, root, rel)| (lang, root, rel))
        }
        Layout::Suffix {
            roots, unsuffixed, ..
        } => {
            for (index, root) in roots.iter().enumerate() {
                let rest = if root.is_empty() {
                    Some(path)
                } else {
                    path.strip_prefix(root.as_str())
                        .and_then(|rest| rest.strip_prefix('/'))
                };
                if let Some(rest) = rest {
                    return Some(
                        match suffix_language(rest, |tag| languages.iter().any(|l| l == tag)) {
                            Some((lang, plain)) => (lang, index, plain),
                            None => (unsuffixed.clone(), index, rest.to_owned()),
                        },
                    );
                }
            }
            None
        }
    }
}

/// Front-matter values read from one page for pairing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageKeys {
    pub path: String,
    /// (key, value) of keys whose value a page shares with its translations (`translationKey`).
    pub shared: Vec<(String, String)>,
    /// (key, value) of keys whose value names the other page (`altLangPage`).
    pub links: Vec<(String, String)>,
}

/// One line of the mapping file: a source page and its translation in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapEntry {
    pub source: String,
    pub language: String,
    pub translation: String,
}

/// Several pages of one language tied together by keys or the map: none of them is paired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub language: String,
    pub rule: PairedBy,
    /// Every page involved, sorted.
    pub pages: Vec<String>,
    /// What ties them: `content/fr/x.md: translationKey intro`.
    pub evidence: Vec<String>,
}

/// Something pairing could not use, for a warning naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairingNote {
    /// A link key names no page.
    LinkNotFound {
        page: String,
        key: String,
        value: String,
    },
    /// A link key names several pages equally well.
    LinkAmbiguous {
        page: String,
        key: String,
        value: String,
    },
    /// A map entry names a page that does not exist.
    MapPageNotFound { page: String },
}

/// What pairing found.
#[derive(Debug, Default, Clone)]
pub struct Pairing {
    pub pairs: Vec<Pair>,
    pub conflicts: Vec<Conflict>,
    pub notes: Vec<PairingNote>,
}

/// Everything [`pair_pages`] needs besides the pages.
pub struct PairingInput<'a> {
    pub layout: &'a Layout,
    pub source_lang: &'a str,
    pub targets: &'a [String],
    pub keys: &'a [PageKeys],
    pub map: &'a [MapEntry],
    /// Whether the layout's path rule pairs what maps and keys leave (off for `layout: key` and `layout: map`).
    pub by_path: bool,
}

/// An edge between two pages (or a page and a shared-key value), with what made it.
struct Edge {
    a: usize,
    b: usize,
    evidence: String,
}

/// Pairs the pages of `inventory`: map, then keys, then paths.
pub fn pair_pages(inventory: &Inventory, input: &PairingInput) -> Pairing {
    let mut out = Pairing::default();
    let index: HashMap<&str, usize> = inventory
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.as_str(), i))
        .collect();

    // Key edges, once for every language: links resolved to pages, shared values as extra nodes.
    let mut key_edges: Vec<Edge> = Vec::new();
    let mut value_nodes: BTreeMap<(String, String), usize> = BTreeMap::new();
    for keys in input.keys {
        let Some(&from) = index.get(keys.path.as_str()) else {
            continue;
        };
        for (key, value) in &keys.shared {
            let next = inventory.pages.len() + value_nodes.len();
            let node = *value_nodes
                .entry((key.clone(), value.clone()))
                .or_insert(next);
            key_edges.push(Edge {
                a: from,
                b: node,
                evidence: format!("{}: {key} {value}", keys.path),
            });
        }
        for (key, value) in &keys.links {
            match resolve_link(value, &inventory.pages[from], &inventory.pages) {
                LinkTarget::Page(to) => key_edges.push(Edge {
                    a: from,
                    b: to,
                    evidence: format!("{}: {key} {value}", keys.path),
                }),
                LinkTarget::None => out.notes.push(PairingNote::LinkNotFound {
                    page: keys.path.clone(),
                    key: key.clone(),
                    value: value.clone(),
                }),
                LinkTarget::Ambiguous => out.notes.push(PairingNote::LinkAmbiguous {
                    page: keys.path.clone(),
                    key: key.clone(),
                    value: value.clone(),
                }),
            }
        }
    }
    let node_count = inventory.pages.len() + value_nodes.len();

    let mut map_edges: Vec<(String, Edge)> = Vec::new();
    let mut reported_missing: BTreeSet<String> = BTreeSet::new();
    for entry in input.map {
        let mut ends = Vec::new();
        for path in [&entry.source, &entry.translation] {
            match index.get(path.as_str()) {
                Some(&i) => ends.push(i),
                None => {
                    if reported_missing.insert(path.clone()) {
                        out.notes
                            .push(PairingNote::MapPageNotFound { page: path.clone() });
                    }
                }
            }
        }
        if let [a, b] = ends[..] {
            map_edges.push((
                entry.language.clone(),
                Edge {
                    a,
                    b,
                    evidence: format!("map: {} ⇄ {}", entry.source, entry.translation),
                },
            ));
        }
    }

    for lang in input.targets {
        let in_scope = |i: usize| {
            i >= inventory.pages.len() || {
                let l = &inventory.pages[i].language;
                l == input.source_lang || l == lang
            }
        };
        // page index → partner index and rule.
        let mut partner: HashMap<usize, (usize, PairedBy, String)> = HashMap::new();
        let mut blocked: BTreeSet<usize> = BTreeSet::new();
        let mut conflicts: Vec<(PairedBy, BTreeSet<usize>, Vec<String>)> = Vec::new();

        let levels: [(PairedBy, Vec<&Edge>); 2] = [
            (
                PairedBy::Map,
                map_edges
                    .iter()
                    .filter(|(l, _)| l == lang)
                    .map(|(_, e)| e)
                    .collect(),
            ),
            (
                PairedBy::Key,
                key_edges
                    .iter()
                    .filter(|e| in_scope(e.a) && in_scope(e.b) && e.a != e.b)
                    .collect(),
            ),
        ];
        for (rule, edges) in levels {
            let mut components = UnionFind::new(node_count);
            for edge in &edges {
                components.union(edge.a, edge.b);
            }
            let mut groups: BTreeMap<usize, (BTreeSet<usize>, Vec<String>)> = BTreeMap::new();
            for edge in &edges {
                let group = groups.entry(components.find(edge.a)).or_default();
                for end in [edge.a, edge.b] {
                    if end < inventory.pages.len() {
                        group.0.insert(end);
                    }
                }
                group.1.push(edge.evidence.clone());
            }
            for (_, (members, mut evidence)) in groups {
                let free: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|m| !partner.contains_key(m) && !blocked.contains(m))
                    .collect();
                if free.is_empty() {
                    continue;
                }
                let taken: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|m| !free.contains(m))
                    .collect();
                let is_source = |i: &usize| inventory.pages[*i].language == input.source_lang;
                let sources: Vec<usize> = free.iter().copied().filter(is_source).collect();
                let translations: Vec<usize> =
                    free.iter().copied().filter(|i| !is_source(i)).collect();
                // A claim on a page a stronger rule already paired, or several pages on one side: reported, never
                // settled by guessing.
                let contested = !taken.is_empty() || sources.len() > 1 || translations.len() > 1;
                if contested {
                    evidence.sort();
                    evidence.dedup();
                    blocked.extend(free.iter().copied());
                    conflicts.push((rule, members.clone(), evidence));
                } else if let ([s], [t]) = (&sources[..], &translations[..]) {
                    evidence.sort();
                    evidence.dedup();
                    let why = evidence.join("; ");
                    partner.insert(*s, (*t, rule, why.clone()));
                    partner.insert(*t, (*s, rule, why));
                }
            }
        }

        let path_rule = match input.layout {
            Layout::Suffix { .. } => PairedBy::Suffix,
            Layout::Folders(_) => PairedBy::Path,
        };
        // Keyed by the name's NFC form: a page saved on macOS (NFD) pairs with its twin written in NFC.
        let by_path: HashMap<(usize, Cow<str>), usize> = inventory
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| &p.language == lang)
            .map(|(i, p)| ((p.root, nfc(&p.rel)), i))
            .collect();
        let source_by_path: HashMap<(usize, Cow<str>), usize> = inventory
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.language == input.source_lang)
            .map(|(i, p)| ((p.root, nfc(&p.rel)), i))
            .collect();
        let page_for = |root: usize, rel: &str, l: &str| {
            path_for(input.layout, inventory, input.source_lang, root, rel, l)
        };
        let section = |p: &Page| section_path(input.layout, p.root, &p.rel);

        // Sources. One left without a translation by its exact path may take the translation under its path with
        // another page extension (below, once every exact path has taken its translation).
        let mut by_other_extension: Vec<(usize, usize)> = Vec::new();
        for (i, page) in inventory.pages.iter().enumerate() {
            if page.language != input.source_lang || blocked.contains(&i) {
                continue;
            }
            let mut pair = Pair {
                language: lang.clone(),
                source: page.path.clone(),
                translation: page_for(page.root, &page.rel, lang),
                kind: PairKind::Missing,
                paired_by: path_rule,
                section_path: section(page),
                evidence: None,
                renamed_to: None,
                renamed_from: None,
                move_to: None,
            };
            if let Some((t, rule, why)) = partner.get(&i) {
                pair.translation = inventory.pages[*t].path.clone();
                pair.kind = PairKind::Paired;
                pair.paired_by = *rule;
                pair.evidence = Some(why.clone());
            } else if input.by_path
                && let Some(&t) = by_path.get(&(page.root, nfc(&page.rel)))
                && !partner.contains_key(&t)
                && !blocked.contains(&t)
            {
                // The translation as it is named on disk (its suffix may be written in another case).
                pair.translation = inventory.pages[t].path.clone();
                pair.kind = PairKind::Paired;
            } else if input.by_path {
                by_other_extension.push((out.pairs.len(), i));
            }
            out.pairs.push(pair);
        }
        if !by_other_extension.is_empty() {
            pair_by_other_extension(
                inventory,
                lang,
                &by_other_extension,
                &partner,
                &blocked,
                &source_by_path,
                &mut out.pairs,
            );
        }
        let paired_translations: BTreeSet<String> = out
            .pairs
            .iter()
            .filter(|p| &p.language == lang && p.kind == PairKind::Paired)
            .map(|p| p.translation.clone())
            .collect();

        // Translations nothing paired.
        for (i, page) in inventory.pages.iter().enumerate() {
            if &page.language != lang
                || blocked.contains(&i)
                || paired_translations.contains(&page.path)
            {
                continue;
            }
            let source_index = source_by_path.get(&(page.root, nfc(&page.rel))).copied();
            let kind = match source_index {
                Some(s) if input.by_path && (partner.contains_key(&s) || blocked.contains(&s)) => {
                    PairKind::Displaced
                }
                Some(s) if !input.by_path && partner.contains_key(&s) => PairKind::Displaced,
                _ => PairKind::Orphaned,
            };
            out.pairs.push(Pair {
                language: lang.clone(),
                source: source_index.map_or_else(
                    || page_for(page.root, &page.rel, input.source_lang),
                    |s| inventory.pages[s].path.clone(),
                ),
                translation: page.path.clone(),
                kind,
                paired_by: path_rule,
                section_path: section(page),
                evidence: None,
                renamed_to: None,
                renamed_from: None,
                move_to: None,
            });
        }

        // Conflicts: each source once (unknown), and the translations no source entry names (orphaned).
        for (rule, members, evidence) in conflicts {
            let mut sources: Vec<&Page> = Vec::new();
            let mut translations: Vec<&Page> = Vec::new();
            for &m in &members {
                let page = &inventory.pages[m];
                if page.language == input.source_lang {
                    sources.push(page);
                } else {
                    translations.push(page);
                }
            }
            let free = |p: &&Page| {
                let i = index[p.path.as_str()];
                blocked.contains(&i)
            };
            let free_sources: Vec<&Page> = sources.iter().copied().filter(free).collect();
            let free_translations: Vec<&Page> = translations.iter().copied().filter(free).collect();
            let named = free_translations.first().copied();
            for source in &free_sources {
                out.pairs.push(Pair {
                    language: lang.clone(),
                    source: source.path.clone(),
                    translation: named.map_or_else(
                        || page_for(source.root, &source.rel, lang),
                        |t| t.path.clone(),
                    ),
                    kind: PairKind::Conflict,
                    paired_by: rule,
                    section_path: section(source),
                    evidence: Some(evidence.join("; ")),
                    renamed_to: None,
                    renamed_from: None,
                    move_to: None,
                });
            }
            for (n, translation) in free_translations.iter().enumerate() {
                if n == 0 && !free_sources.is_empty() {
                    continue;
                }
                let source = sources.first().map_or_else(
                    || page_for(translation.root, &translation.rel, input.source_lang),
                    |s| s.path.clone(),
                );
                out.pairs.push(Pair {
                    language: lang.clone(),
                    source,
                    translation: translation.path.clone(),
                    kind: PairKind::ConflictOrphan,
                    paired_by: rule,
                    section_path: section(translation),
                    evidence: Some(evidence.join("; ")),
                    renamed_to: None,
                    renamed_from: None,
                    move_to: None,
                });
            }
            out.conflicts.push(Conflict {
                language: lang.clone(),
                rule,
                pages: members
                    .iter()
                    .map(|&m| inventory.pages[m].path.clone())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                evidence,
            });
        }
    }
    out.notes
        .sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    out.notes.dedup();
    out
}

/// What a link key's value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    Page(usize),
    None,
    Ambiguous,
}

/// Resolves a link value (`apercu`, `../fr/apercu.md`, `/fr/apercu/`, `https://example.org/fr/apercu.html`) to a
/// page of another language: the page whose path (without extension) is the value resolved against the linking
/// page's folder, else the pages whose path ends with the most of the value's last folders and name.
pub fn resolve_link(value: &str, from: &Page, pages: &[Page]) -> LinkTarget {
    let target = normalise_link(value);
    if target.is_empty() {
        // `/` (or the site's address alone) names the site's home page: the one top-level `index` page of another
        // language (warned about on every run as naming no page).
        let named_root = {
            let written = value.trim().trim_matches(['"', '\'']);
            written.starts_with('/') || written.contains("://")
        };
        let homes: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, page)| {
                named_root
                    && page.language != from.language
                    && matches!(strip_page_extension(&page.path), "index" | "_index")
            })
            .map(|(i, _)| i)
            .collect();
        return match homes.as_slice() {
            [one] => LinkTarget::Page(*one),
            [] => LinkTarget::None,
            _ => LinkTarget::Ambiguous,
        };
    }
    let target_parts: Vec<&str> = target.split('/').filter(|p| !p.is_empty()).collect();
    let from_dir = from.path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let relative = if target.starts_with('/') {
        None
    } else {
        lexical_join(from_dir, &target)
    };
    let mut best: Vec<(usize, usize)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        if page.language == from.language {
            continue;
        }
        let stems = page_stems(page);
        let score = stems
            .iter()
            .map(|stem| {
                if relative.as_deref() == Some(stem.as_str()) {
                    return usize::MAX;
                }
                let parts: Vec<&str> = stem.split('/').collect();
                parts
                    .iter()
                    .rev()
                    .zip(target_parts.iter().rev())
                    .take_while(|(a, b)| a == b)
                    .count()
            })
            .max()
            .unwrap_or(0);
        if score == 0 {
            continue;
        }
        match best.first() {
            Some(&(_, top)) if score < top => {}
            Some(&(_, top)) if score == top => best.push((i, score)),
            _ => best = vec![(i, score)],
        }
    }
    match best.as_slice() {
        [] => LinkTarget::None,
        [(i, _)] => LinkTarget::Page(*i),
        _ => LinkTarget::Ambiguous,
    }
}

/// Sources left without a translation at their exact path (`missing`: their pair's place in `pairs` and their page)
/// take the translation at the same path with another page extension: `guides/deploy.mdx` is translated by
/// `fr/guides/deploy.md`. Hugo, Astro's content collections and Docusaurus name a page by its path without extension,
/// so such a translation is the page's translation on the built site (a site moving its pages from `.md` to `.mdx`
/// renames the sources first). Only a translation no other rule or exact path took, whose own exact path names no
/// source, and that only one source could take.
fn pair_by_other_extension(
    inventory: &Inventory,
    lang: &str,
    missing: &[(usize, usize)],
    partner: &HashMap<usize, (usize, PairedBy, String)>,
    blocked: &BTreeSet<usize>,
    source_by_path: &HashMap<(usize, Cow<str>), usize>,
    pairs: &mut [Pair],
) {
    let taken: HashSet<&str> = pairs
        .iter()
        .filter(|p| p.language == lang && p.kind == PairKind::Paired)
        .map(|p| p.translation.as_str())
        .collect();
    let mut free: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for (t, page) in inventory.pages.iter().enumerate() {
        if page.language != lang
            || partner.contains_key(&t)
            || blocked.contains(&t)
            || taken.contains(page.path.as_str())
            || source_by_path.contains_key(&(page.root, nfc(&page.rel)))
        {
            continue;
        }
        let stem = nfc(without_extension(&page.rel)).into_owned();
        free.entry((page.root, stem)).or_default().push(t);
    }
    if free.is_empty() {
        return;
    }
    let stem_of = |s: usize| {
        let page = &inventory.pages[s];
        (page.root, nfc(without_extension(&page.rel)).into_owned())
    };
    let mut claims: HashMap<(usize, String), usize> = HashMap::new();
    for &(_, s) in missing {
        *claims.entry(stem_of(s)).or_default() += 1;
    }
    let mut paired: Vec<(usize, usize)> = Vec::new();
    for &(at, s) in missing {
        let stem = stem_of(s);
        if let (Some(1), Some([t])) = (claims.get(&stem), free.get(&stem).map(Vec::as_slice)) {
            paired.push((at, *t));
        }
    }
    for (at, t) in paired {
        pairs[at].translation = inventory.pages[t].path.clone();
        pairs[at].kind = PairKind::Paired;
    }
}

/// A page's path without its file's extension (`guides/deploy.mdx` → `guides/deploy`).
pub(crate) fn without_extension(path: &str) -> &str {
    let name_at = path.rfind('/').map_or(0, |slash| slash + 1);
    match path[name_at..].rfind('.') {
        Some(dot) if dot > 0 => &path[..name_at + dot],
        _ => path,
    }
}

/// The names a page answers to in links: its path without extension (and its folder for `index`/`_index` pages),
/// and the same without a language suffix.
fn page_stems(page: &Page) -> Vec<String> {
    let mut stems = Vec::new();
    let mut add = |path: &str| {
        let stem = strip_page_extension(path);
        for candidate in [
            stem.to_owned(),
            stem.strip_suffix("/index")
                .or_else(|| stem.strip_suffix("/_index"))
                .unwrap_or(stem)
                .to_owned(),
        ] {
            if !stems.contains(&candidate) {
                stems.push(candidate);
            }
        }
    };
    add(&page.path);
    if let Some((_, plain)) = suffix_language(&page.path, |tag| tag == page.language) {
        add(&plain);
    }
    stems
}

fn strip_page_extension(path: &str) -> &str {
    for ext in [".md", ".markdown", ".mdx", ".qmd", ".html", ".htm"] {
        if let Some(stem) = path.strip_suffix(ext) {
            return stem;
        }
    }
    path
}

/// A link value reduced to a path without scheme, host, query, fragment, trailing slash, `index` or extension.
/// Absolute paths keep their leading `/`.
fn normalise_link(value: &str) -> String {
    let mut text = value.trim().trim_matches(['"', '\'']).to_owned();
    if let Some(scheme_end) = text.find("://") {
        let after = &text[scheme_end + 3..];
        text = match after.find('/') {
            Some(slash) => after[slash..].to_owned(),
            None => "/".to_owned(),
        };
    }
    if let Some(cut) = text.find(['?', '#']) {
        text.truncate(cut);
    }
    let text = text.replace("%20", " ");
    let mut text = text.trim_end_matches('/').to_owned();
    for index in ["/index.html", "/index.htm", "/index"] {
        if let Some(stripped) = text.strip_suffix(index) {
            text = stripped.to_owned();
        }
    }
    strip_page_extension(&text).to_owned()
}

/// `dir` joined with a relative `path`, `..` and `.` resolved; `None` when it climbs above the root.
fn lexical_join(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
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
    use crate::pairing::layout::ContentRoot;

    fn dirs_layout() -> Layout {
        Layout::Folders(vec![ContentRoot {
            name: String::new(),
            dirs: [("en", "content/en"), ("fr", "content/fr")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
                .into(),
        }])
    }

    fn inventory(layout: &Layout, paths: &[&str]) -> Inventory {
        let languages = vec!["en".to_owned(), "fr".to_owned()];
        let pages = paths
            .iter()
            .map(|p| {
                let (language, root, rel) = classify(layout, &languages, p).unwrap();
                Page {
                    language,
                    path: (*p).to_owned(),
                    root,
                    rel,
                }
            })
            .collect();
        Inventory {
            pages,
            ..Inventory::default()
        }
    }

    fn run(layout: &Layout, inv: &Inventory, keys: &[PageKeys], map: &[MapEntry]) -> Pairing {
        pair_pages(
            inv,
            &PairingInput {
                layout,
                source_lang: "en",
                targets: &["fr".to_owned()],
                keys,
                map,
                by_path: true,
            },
        )
    }

    fn summary(pairing: &Pairing) -> Vec<(String, String, PairKind, PairedBy)> {
        let mut out: Vec<_> = pairing
            .pairs
            .iter()
            .map(|p| (p.source.clone(), p.translation.clone(), p.kind, p.paired_by))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn pairs_missing_and_orphans_by_path() {
        let layout = dirs_layout();
        let inv = inventory(
            &layout,
            &[
                "content/en/a.md",
                "content/en/docs/b.md",
                "content/fr/a.md",
                "content/fr/old.md",
            ],
        );
        let pairing = run(&layout, &inv, &[], &[]);
        let s = |a: &str, b: &str, k, r| (a.to_owned(), b.to_owned(), k, r);
        assert_eq!(
            summary(&pairing),
            vec![
                s(
                    "content/en/a.md",
                    "content/fr/a.md",
                    PairKind::Paired,
                    PairedBy::Path
                ),
                s(
                    "content/en/docs/b.md",
                    "content/fr/docs/b.md",
                    PairKind::Missing,
                    PairedBy::Path
                ),
                s(
                    "content/en/old.md",
                    "content/fr/old.md",
                    PairKind::Orphaned,
                    PairedBy::Path
                ),
            ]
        );
        assert_eq!(pairing.pairs[1].section_path, "docs/b.md");
    }

    #[test]
    fn suffix_layout_pairs_by_file_name() {
        let layout = Layout::Suffix {
            roots: vec!["content".into()],
            unsuffixed: "en".into(),
            language_key: None,
        };
        let inv = inventory(
            &layout,
            &[
                "content/_index.md",
                "content/_index.fr.md",
                "content/a.en.md",
                "content/a.fr.md",
                "content/b.md",
                "content/c.fr.md",
            ],
        );
        let pairing = run(&layout, &inv, &[], &[]);
        let got: Vec<(String, String, PairKind)> = summary(&pairing)
            .into_iter()
            .map(|(a, b, k, _)| (a, b, k))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "content/_index.md".into(),
                    "content/_index.fr.md".into(),
                    PairKind::Paired
                ),
                (
                    "content/a.en.md".into(),
                    "content/a.fr.md".into(),
                    PairKind::Paired
                ),
                (
                    "content/b.md".into(),
                    "content/b.fr.md".into(),
                    PairKind::Missing
                ),
                (
                    "content/c.md".into(),
                    "content/c.fr.md".into(),
                    PairKind::Orphaned
                ),
            ]
        );
        assert!(
            pairing
                .pairs
                .iter()
                .all(|p| p.paired_by == PairedBy::Suffix)
        );
    }

    #[test]
    fn keys_beat_paths_and_conflicts_pair_nothing() {
        let layout = dirs_layout();
        let inv = inventory(
            &layout,
            &[
                "content/en/a.md",
                "content/en/b.md",
                "content/en/c.md",
                "content/fr/a.md",
                "content/fr/x.md",
                "content/fr/y.md",
                "content/fr/z.md",
            ],
        );
        let key = |path: &str, value: &str| PageKeys {
            path: path.into(),
            shared: vec![("translationKey".into(), value.into())],
            links: vec![],
        };
        let keys = vec![
            // a ⇄ x by key, though fr/a.md exists: fr/a.md is displaced.
            key("content/en/a.md", "alpha"),
            key("content/fr/x.md", "alpha"),
            // b is claimed by y and z: a conflict.
            key("content/en/b.md", "beta"),
            key("content/fr/y.md", "beta"),
            key("content/fr/z.md", "beta"),
        ];
        let pairing = run(&layout, &inv, &keys, &[]);
        let find = |t: &str| {
            pairing
                .pairs
                .iter()
                .find(|p| p.translation == t)
                .unwrap_or_else(|| panic!("{t}: {:#?}", pairing.pairs))
        };
        let x = find("content/fr/x.md");
        assert_eq!((x.kind, x.paired_by), (PairKind::Paired, PairedBy::Key));
        assert_eq!(x.source, "content/en/a.md");
        assert_eq!(
            x.evidence.as_deref(),
            Some("content/en/a.md: translationKey alpha; content/fr/x.md: translationKey alpha")
        );
        assert_eq!(find("content/fr/a.md").kind, PairKind::Displaced);
        assert_eq!(find("content/fr/y.md").kind, PairKind::Conflict);
        assert_eq!(find("content/fr/y.md").source, "content/en/b.md");
        assert_eq!(find("content/fr/z.md").kind, PairKind::ConflictOrphan);
        assert_eq!(find("content/fr/c.md").kind, PairKind::Missing);
        assert_eq!(pairing.conflicts.len(), 1);
        assert_eq!(
            pairing.conflicts[0].pages,
            vec!["content/en/b.md", "content/fr/y.md", "content/fr/z.md"]
        );
    }

    #[test]
    fn links_resolve_from_names_paths_and_urls() {
        let layout = Layout::Folders(vec![ContentRoot {
            name: String::new(),
            dirs: [("en", "en"), ("fr", "fr")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
                .into(),
        }]);
        let inv = inventory(
            &layout,
            &[
                "en/overview.md",
                "en/guide/start.md",
                "fr/apercu.md",
                "fr/guide/debut.md",
                "fr/autre/debut.md",
            ],
        );
        let from = &inv.pages[0];
        let at =
            |path: &str| LinkTarget::Page(inv.pages.iter().position(|p| p.path == path).unwrap());
        assert_eq!(resolve_link("apercu", from, &inv.pages), at("fr/apercu.md"));
        assert_eq!(
            resolve_link("../fr/apercu.md", from, &inv.pages),
            at("fr/apercu.md")
        );
        assert_eq!(
            resolve_link("https://example.org/docs/fr/apercu.html", from, &inv.pages),
            at("fr/apercu.md")
        );
        assert_eq!(
            resolve_link("/fr/apercu/", from, &inv.pages),
            at("fr/apercu.md")
        );
        // Two pages named `debut`: the folder decides, or nothing does.
        assert_eq!(
            resolve_link("debut", from, &inv.pages),
            LinkTarget::Ambiguous
        );
        assert_eq!(
            resolve_link("/fr/guide/debut/", from, &inv.pages),
            at("fr/guide/debut.md")
        );
        assert_eq!(resolve_link("absent", from, &inv.pages), LinkTarget::None);
    }

    #[test]
    fn map_beats_keys() {
        let layout = dirs_layout();
        let inv = inventory(
            &layout,
            &["content/en/a.md", "content/fr/x.md", "content/fr/y.md"],
        );
        let keys = vec![
            PageKeys {
                path: "content/en/a.md".into(),
                shared: vec![("translationKey".into(), "k".into())],
                links: vec![],
            },
            PageKeys {
                path: "content/fr/y.md".into(),
                shared: vec![("translationKey".into(), "k".into())],
                links: vec![],
            },
        ];
        let map = vec![MapEntry {
            source: "content/en/a.md".into(),
            language: "fr".into(),
            translation: "content/fr/x.md".into(),
        }];
        let pairing = run(&layout, &inv, &keys, &map);
        let x = pairing
            .pairs
            .iter()
            .find(|p| p.translation == "content/fr/x.md")
            .unwrap();
        assert_eq!((x.kind, x.paired_by), (PairKind::Paired, PairedBy::Map));
        // y's key claims a page the map already paired: reported as a conflict, y stays unpaired.
        let y = pairing
            .pairs
            .iter()
            .find(|p| p.translation == "content/fr/y.md")
            .unwrap();
        assert_eq!(y.kind, PairKind::ConflictOrphan);
        assert_eq!(pairing.conflicts.len(), 1);
    }

    #[test]
    fn sections_are_two_folder_levels() {
        assert_eq!(site_section("docs/concepts/overview/a.md"), "docs/concepts");
        assert_eq!(site_section("blog/post.md"), "blog");
        assert_eq!(site_section("_index.md"), "/");
    }
}
