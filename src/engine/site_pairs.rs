//! The pairs of the workspace: gathers what pairing needs (the pages, their front-matter keys, the mapping file),
//! runs the pure pairing (`pairing`), then follows vanished sources through their renames in history.
//!
//! Shared by `status` (through `analysis`) and `pair`. Never prints: unusable keys and map entries become warnings.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::drift::Reason;
use crate::drift::blocks::LinkTwins;
use crate::engine::page_cache::{self, Keys, PageCache, PageFacts, Stamp};
use crate::engine::{analysis, refine};
use crate::error::{Error, Result};
use crate::history::{GitRepo, RenameIndex};
use crate::i18n::Message;
use crate::markdown::frontmatter::{self, Pin};
use crate::markdown::yaml::{NodeKind, same_path};
use crate::pairing::{
    self, Conflict, Inventory, MapEntry, PageKeys, Pair, PairKind, PairedBy, PairingInput,
    PairingNote,
};
use crate::report::Warning;
use crate::site::workspace::Workspace;

/// The pairs of a site, and what was found on the way.
#[derive(Debug, Clone)]
pub struct SitePairs {
    pub pairs: Vec<Pair>,
    pub conflicts: Vec<Conflict>,
    pub inventory: Inventory,
    /// Front-matter keys read per page (pages with none are absent).
    pub keys: Vec<PageKeys>,
    /// The blob id of every page as read for its keys, by path: source pages (in the sources' work tree) and
    /// translations. Later stages use them rather than reading each file again.
    pub source_blobs: HashMap<String, gix::ObjectId>,
    pub translation_blobs: HashMap<String, gix::ObjectId>,
    /// Translations whose front matter cannot be read (a key in two cases with two values…), with the warning that
    /// says why: an unpaired one is `unknown`, not orphaned, since its keys could not be read.
    pub bad_translations: HashMap<String, Warning>,
    /// Translations' pins read with their keys (when asked for), by path, with the warnings reading them gave.
    pub pins: HashMap<String, PinRead>,
    /// Per language, the names of the source pages' translations where they differ (translated slugs): links to a
    /// page read as links to its translation ([`LinkTwins`]).
    pub link_twins: HashMap<String, LinkTwins>,
}

/// The names of the paired pages' translations, per language, where they differ from their sources'.
pub fn link_twins(pairs: &[Pair]) -> HashMap<String, LinkTwins> {
    let mut by_language: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for pair in pairs.iter().filter(|pair| pair.kind == PairKind::Paired) {
        by_language
            .entry(pair.language.as_str())
            .or_default()
            .push((pair.source.as_str(), pair.translation.as_str()));
    }
    by_language
        .into_iter()
        .map(|(lang, pairs)| (lang.to_owned(), LinkTwins::from_pairs(pairs)))
        .filter(|(_, twins)| !twins.is_empty())
        .collect()
}

/// The renames of the source pages, read from history the first time they are needed.
pub struct Renames<'a> {
    repo: &'a GitRepo,
    ws: &'a Workspace,
    index: OnceCell<RenameIndex>,
}

impl<'a> Renames<'a> {
    pub fn new(ws: &'a Workspace) -> Self {
        Renames {
            repo: ws.sources(),
            ws,
            index: OnceCell::new(),
        }
    }

    /// Every rename of a source page in the history of the sources' HEAD.
    pub fn index(&self) -> Result<&RenameIndex> {
        if let Some(index) = self.index.get() {
            return Ok(index);
        }
        let settings = &self.ws.settings;
        let languages: Vec<String> = settings.content_dirs.keys().cloned().collect();
        let roots = settings.source_roots();
        let wanted = |path: &str| {
            settings.is_page(path)
                && pairing::classify(&settings.layout, &languages, path)
                    .is_some_and(|(lang, _, _)| lang == settings.source)
        };
        // What `wanted` depends on, for the cache's key.
        let rule = format!(
            "{:?}|{:?}|{}|{:?}",
            settings.layout, languages, settings.source, settings.page_patterns
        );
        let rule = crate::util::hash::fingerprint(&[rule.as_bytes()]);
        let index = self.repo.renames(&roots, rule, &wanted)?;
        Ok(self.index.get_or_init(|| index))
    }
}

/// The blob ids of the pages as read, sources and translations by path, handed over before history is read, with
/// the texts read for them when they were asked for ([`PageTexts`]).
pub type OnPages<'f> =
    &'f mut dyn FnMut(&HashMap<String, gix::ObjectId>, &HashMap<String, gix::ObjectId>, PageTexts);

/// Page texts as read for their keys and blob ids, by (whether a source, path): the preload parses them without
/// reading the files again, and what it parses is then the text the blob id was hashed from. Kept only for sites the
/// preload takes ([`refine::PRELOAD_MAX_PAGES`] pages, [`refine::PRELOAD_MAX_BYTES`] of text).
pub type PageTexts = HashMap<(bool, String), Vec<u8>>;

/// What pairing reads besides the pages' keys and blob ids, and how it follows renames.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading {
    /// A translation whose source was renamed stays orphaned (byte semantics: its source path is gone), with the
    /// rename reported.
    pub strict: bool,
    /// Each translation's pin is read with its keys ([`SitePairs::pins`]).
    pub pins: bool,
    /// The texts read are handed to `on_pages` ([`PageTexts`]).
    pub texts: bool,
}

/// Pairs every page of the workspace, as `reading` says. `on_pages` learns the pages read before renames are looked
/// for in history.
pub fn site_pairs(
    ws: &Workspace,
    renames: &Renames,
    reading: Reading,
    on_pages: OnPages,
    warnings: &mut Vec<Warning>,
) -> Result<SitePairs> {
    // The history is read on another core while the pages are listed and read.
    for repo in std::iter::once(&ws.repo).chain(ws.source_repo.as_ref()) {
        repo.load_ahead();
    }
    pairs_of(ws, Some(renames), reading, on_pages, warnings)
}

/// Pairs every page of the workspace as the work tree has them, without following renames through history: an
/// orphan stays an orphan. Reads no history (a pull request's check finds its own renames).
pub fn site_pairs_in_work_tree(ws: &Workspace, warnings: &mut Vec<Warning>) -> Result<SitePairs> {
    pairs_of(ws, None, Reading::default(), &mut |_, _, _| {}, warnings)
}

fn pairs_of(
    ws: &Workspace,
    renames: Option<&Renames>,
    reading: Reading,
    on_pages: OnPages,
    warnings: &mut Vec<Warning>,
) -> Result<SitePairs> {
    let settings = &ws.settings;
    let inventory = ws.inventory();
    warnings.extend(inventory.links.iter().map(|path| Warning {
        file: path.clone(),
        line: None,
        message: Message::new("warn-symlink-page"),
    }));
    warnings.extend(inventory.unreadable.iter().map(|path| Warning {
        file: path.clone(),
        line: None,
        message: Message::new("warn-folder-unreadable"),
    }));
    warnings.extend(inventory.odd_case_extensions.iter().map(|path| {
        let renamed = crate::site::workspace::odd_case_extension(path).unwrap_or_default();
        Warning {
            file: path.clone(),
            line: None,
            message: Message::new("warn-page-extension-case").arg(
                "command",
                format!(
                    "git mv {} {}",
                    crate::util::shell::quote(path),
                    crate::util::shell::quote(&renamed)
                ),
            ),
        }
    }));
    // A Pelican translation not named after its page (`the-pass.md`, `Lang: en`) is read as a source page.
    if crate::site::pelican::is_site(&settings.site_root) {
        let sources = inventory
            .of(&settings.source)
            .map(|page| page.path.as_str());
        let found = crate::site::pelican::translations_read_as_sources(
            ws.sources().workdir(),
            sources,
            &settings.targets,
        );
        warnings.extend(found.into_iter().map(|found| {
            let message = match &found.rename_to {
                Some(to) => Message::new("warn-pelican-translation-rename").arg(
                    "command",
                    format!(
                        "git mv {} {}",
                        crate::util::shell::quote(&found.path),
                        crate::util::shell::quote(to)
                    ),
                ),
                None => Message::new("warn-pelican-translation-unnamed"),
            };
            Warning {
                file: found.path,
                line: None,
                message: message
                    .arg("lang", found.lang)
                    .arg("source", settings.source.clone()),
            }
        }));
    }
    let PagesRead {
        keys,
        blobs,
        texts,
        bad_translations,
        pins,
    } = read_keys(ws, &inventory, reading, warnings);
    let (mut source_blobs, mut translation_blobs) = (HashMap::new(), HashMap::new());
    let mut page_texts = PageTexts::new();
    for ((page, blob), text) in inventory.pages.iter().zip(blobs).zip(texts) {
        let source = page.language == settings.source;
        if let Some(id) = blob {
            let side = if source {
                &mut source_blobs
            } else {
                &mut translation_blobs
            };
            side.insert(page.path.clone(), id);
        }
        if let Some(text) = text {
            page_texts.insert((source, page.path.clone()), text);
        }
    }
    on_pages(&source_blobs, &translation_blobs, page_texts);
    let map = match &settings.pairing.map {
        Some((path, label)) => read_map(ws, path, label, &inventory)?,
        None => Vec::new(),
    };
    let mut pairing = pairing::pair_pages(
        &inventory,
        &PairingInput {
            layout: &settings.layout,
            source_lang: &settings.source,
            targets: &settings.targets,
            keys: &keys,
            map: &map,
            by_path: settings.pairing.by_path,
        },
    );
    for note in &pairing.notes {
        warnings.push(note_warning(note, settings.pairing.map.as_ref()));
    }
    if let Some(flag) = &settings.translatable_flag {
        // Source pages without the flag are not meant to be translated: never missing, in no count. A translation
        // made anyway is still followed.
        let sources: Vec<&str> = inventory
            .of(&settings.source)
            .map(|page| page.path.as_str())
            .collect();
        let unflagged = untranslatable(ws, &sources, flag);
        pairing
            .pairs
            .retain(|pair| !(pair.kind == PairKind::Missing && unflagged.contains(&pair.source)));
    }
    if let Some(renames) = renames {
        follow_renames(ws, renames, &inventory, &mut pairing.pairs, reading.strict)?;
        note_work_tree_renames(renames.repo, &source_blobs, &mut pairing.pairs)?;
    }
    // Kept for the whole run: a large site's list would otherwise hold up to twice the room it needs.
    pairing.pairs.shrink_to_fit();
    let link_twins = link_twins(&pairing.pairs);
    Ok(SitePairs {
        link_twins,
        pairs: pairing.pairs,
        conflicts: pairing.conflicts,
        inventory,
        keys,
        source_blobs,
        translation_blobs,
        bad_translations,
        pins,
    })
}

/// Orphans whose source was renamed: paired with the source's new name (or, under `strict` or when the new name
/// already has its translation, left orphaned with the rename noted).
fn follow_renames(
    ws: &Workspace,
    renames: &Renames,
    inventory: &Inventory,
    pairs: &mut Vec<Pair>,
    strict: bool,
) -> Result<()> {
    let orphans: Vec<usize> = (0..pairs.len())
        .filter(|&i| pairs[i].kind == PairKind::Orphaned)
        .collect();
    if orphans.is_empty() {
        return Ok(());
    }
    let sources: HashSet<&str> = inventory
        .of(&ws.settings.source)
        .map(|p| p.path.as_str())
        .collect();
    let index = renames.index()?;
    let slot: HashMap<(String, String), usize> = pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PairKind::Missing)
        .map(|(i, p)| ((p.language.clone(), p.source.clone()), i))
        .collect();
    // The pairs taken over by an orphan (each by the first that claims it).
    let mut absorbed: HashSet<usize> = HashSet::new();
    for i in orphans {
        let chain = index.followed_to(&pairs[i].source, |p| sources.contains(p));
        let Some(now) = chain.last() else {
            continue;
        };
        let missing = slot.get(&(pairs[i].language.clone(), now.clone())).copied();
        let target = missing.map(|m| pairs[m].translation.clone());
        let section = missing.map(|m| pairs[m].section_path.clone());
        let orphan = &mut pairs[i];
        orphan.renamed_to = Some(now.clone());
        orphan.renamed_from = Some(orphan.source.clone());
        orphan.move_to = target;
        if let (Some(m), false) = (missing, strict)
            && absorbed.insert(m)
        {
            orphan.kind = PairKind::Paired;
            orphan.paired_by = PairedBy::Rename;
            orphan.source = now.clone();
            orphan.section_path = section.unwrap_or_default();
        }
    }
    // In one pass: removed one at a time, each closed the list up over it (on the harness's 100,000-commit corpus, a
    // quarter of a second of copying, a core idle).
    if !absorbed.is_empty() {
        let mut at = 0;
        pairs.retain(|_| {
            let kept = !absorbed.contains(&at);
            at += 1;
            kept
        });
    }
    Ok(())
}

/// Orphans whose source was moved in the work tree and not committed yet (`git mv` before `git commit`, or a file
/// renamed in an editor): the source at HEAD is gone from the disk and a source that HEAD lacks holds its bytes, or
/// most of them ([`GitRepo::moved_in_work_tree`]).
/// The rename is noted (the report prints the translation's `git mv`), the pair left orphaned, as under `--strict`:
/// history knows nothing of the new name yet. Each was an orphan beside a missing page, nothing saying why.
fn note_work_tree_renames(
    repo: &GitRepo,
    source_blobs: &HashMap<String, gix::ObjectId>,
    pairs: &mut [Pair],
) -> Result<()> {
    let unfollowed: Vec<usize> = (0..pairs.len())
        .filter(|&i| pairs[i].kind == PairKind::Orphaned && pairs[i].renamed_to.is_none())
        .collect();
    if unfollowed.is_empty() {
        return Ok(());
    }
    let missing: HashMap<(&str, &str), usize> = (pairs.iter().enumerate())
        .filter(|(_, p)| p.kind == PairKind::Missing)
        .map(|(i, p)| ((p.language.as_str(), p.source.as_str()), i))
        .collect();
    let mut fresh: Vec<String> = missing
        .keys()
        .map(|(_, source)| source.to_string())
        .collect();
    fresh.sort_unstable();
    fresh.dedup();
    if fresh.is_empty() {
        return Ok(());
    }
    let gone: Vec<String> = unfollowed
        .iter()
        .map(|&i| pairs[i].source.clone())
        .collect();
    // The new sources HEAD lacks.
    let unborn: Vec<(String, gix::ObjectId)> =
        (fresh.iter().zip(repo.entries_at(repo.head(), &fresh)?))
            .filter(|(_, at_head)| at_head.is_none())
            .filter_map(|(source, _)| Some((source.clone(), *source_blobs.get(source)?)))
            .collect();
    let moved = repo.moved_in_work_tree(&gone, &unborn)?;
    let now_of: HashMap<&String, &String> = moved.iter().map(|(new, old)| (old, new)).collect();
    let mut renamed = Vec::new();
    for &i in &unfollowed {
        if let Some(now) = now_of.get(&pairs[i].source)
            && let Some(&m) = missing.get(&(pairs[i].language.as_str(), now.as_str()))
        {
            renamed.push((i, (*now).clone(), pairs[m].translation.clone()));
        }
    }
    for (i, now, move_to) in renamed {
        let orphan = &mut pairs[i];
        orphan.renamed_from = Some(orphan.source.clone());
        orphan.renamed_to = Some(now);
        orphan.move_to = Some(move_to);
    }
    Ok(())
}

/// Reads the pairing keys of every page that mentions one (a quick byte search first: most pages have none), each
/// page's blob id and, as `reading` asks, each translation's pin and each text. A page the page cache knows as it is
/// on disk is not read; the others are read on the machine's cores. The answers and warnings come out in the
/// inventory's order.
fn read_keys(
    ws: &Workspace,
    inventory: &Inventory,
    reading: Reading,
    warnings: &mut Vec<Warning>,
) -> PagesRead {
    let settings = &ws.settings;
    let pages: Vec<(std::path::PathBuf, &str, bool)> = inventory
        .pages
        .iter()
        .map(|page| {
            let file = ws.workdir_of(&page.language).join(&page.path);
            let want_pin = reading.pins && page.language != settings.source;
            (file, page.path.as_str(), want_pin)
        })
        .collect();
    // A page whose stamp on disk is the one remembered is not read again.
    let cache = PageCache::load(ws.repo.git_dir(), page_cache::key(settings));
    let folders = Folders::open(&pages);
    // Texts are kept for the preload only on sites it takes, and up to the text it takes.
    let texts = reading.texts && pages.len() <= refine::PRELOAD_MAX_PAGES;
    let text_bytes = std::sync::atomic::AtomicUsize::new(0);
    let looked: Vec<Looked> = crate::util::parallel::map(&pages, |&(ref file, path, want_pin)| {
        let stamp = folders.stamp(file);
        if let Some(known) = stamp.as_ref().and_then(|s| cache.get(file, s, want_pin))
            && (known.pin.is_some() || !want_pin)
        {
            return Looked {
                hit: true,
                stamp,
                blob: Some(known.blob),
                found: known.keys.map(KeysFound::Keys),
                pin: known.pin.map(|pin| (Ok(pin), Vec::new())),
                text: None,
            };
        }
        let Ok(bytes) = std::fs::read(file) else {
            // The later stages say why.
            return Looked {
                hit: false,
                stamp,
                blob: None,
                found: None,
                pin: None,
                text: None,
            };
        };
        let blob = Some(GitRepo::hash_blob(&bytes));
        let found = keys_in(settings, &bytes);
        let keep = texts
            && text_bytes.fetch_add(bytes.len(), std::sync::atomic::Ordering::Relaxed)
                + bytes.len()
                <= refine::PRELOAD_MAX_BYTES;
        // A translation's pin, from the same read (the judging would read the file again for it).
        let (pin, text) = if want_pin {
            let text = keep.then(|| bytes.clone());
            let mut warned = Vec::new();
            let pin = analysis::page_text(path, bytes, &mut warned)
                .and_then(|text| analysis::pin_in(path, &text, &settings.pin_keys, &mut warned));
            (Some((pin, warned)), text)
        } else {
            (None, keep.then_some(bytes))
        };
        Looked {
            hit: false,
            stamp,
            blob,
            found,
            pin,
            text,
        }
    });
    // What can be remembered: read whole, settled, and without a warning to give again. The file is written again
    // only when that differs from what it holds: a page read that can be remembered, or one gone.
    let keepable = |l: &Looked| {
        l.blob.is_some()
            && l.stamp.is_some_and(|stamp| cache.keeps(&stamp))
            && !matches!(l.found, Some(KeysFound::BadFrontMatter(_)))
            && l.pin
                .as_ref()
                .is_none_or(|(pin, warned)| pin.is_ok() && warned.is_empty())
    };
    let kept = looked.iter().filter(|l| keepable(l)).count();
    if kept != cache.len() || looked.iter().any(|l| !l.hit && keepable(l)) {
        let remembered = pages
            .iter()
            .zip(&looked)
            .filter(|(_, looked)| keepable(looked))
            .filter_map(|((file, _, _), looked)| {
                let stamp = looked.stamp?;
                let keys = match &looked.found {
                    Some(KeysFound::Keys(keys)) => Some(keys.clone()),
                    _ => None,
                };
                let pin = match &looked.pin {
                    Some((Ok(pin), _)) => Some(pin.clone()),
                    // A pin not asked for this time is kept.
                    _ if looked.hit => cache.get(file, &stamp, true)?.pin,
                    _ => None,
                };
                Some((
                    file.as_path(),
                    stamp,
                    PageFacts {
                        blob: looked.blob?,
                        keys,
                        pin,
                    },
                ))
            })
            .collect();
        cache.save(remembered);
    }
    let mut out = Vec::new();
    let mut blobs = Vec::with_capacity(inventory.pages.len());
    let mut texts = Vec::with_capacity(inventory.pages.len());
    let mut bad_translations = HashMap::new();
    let mut pins = HashMap::new();
    for (page, looked) in inventory.pages.iter().zip(looked) {
        blobs.push(looked.blob);
        texts.push(looked.text);
        if let Some(pin) = looked.pin {
            pins.insert(page.path.clone(), pin);
        }
        match looked.found {
            None => {}
            Some(KeysFound::Keys(Keys { shared, links })) => out.push(PageKeys {
                path: page.path.clone(),
                shared,
                links,
            }),
            // Paired translations get this warning from the pin stage, unpaired ones from `bad_translations`.
            Some(KeysFound::BadFrontMatter(err)) => {
                let warning = Warning {
                    file: page.path.clone(),
                    line: Some(err.line),
                    message: err.warning(),
                };
                if page.language == settings.source {
                    warnings.push(warning);
                } else {
                    bad_translations.insert(page.path.clone(), warning);
                }
            }
        }
    }
    PagesRead {
        keys: out,
        blobs,
        texts,
        bad_translations,
        pins,
    }
}

/// What reading the pages for pairing found, in the inventory's order where it is a list.
struct PagesRead {
    keys: Vec<PageKeys>,
    /// Each page's blob id (`None`: unreadable).
    blobs: Vec<Option<gix::ObjectId>>,
    /// Each page's text, when kept for the preload ([`PageTexts`]).
    texts: Vec<Option<Vec<u8>>>,
    bad_translations: HashMap<String, Warning>,
    pins: HashMap<String, PinRead>,
}

/// A translation's pin as read with its keys, and the warnings reading it gave.
pub type PinRead = (std::result::Result<Option<Pin>, Reason>, Vec<Warning>);

/// What was found for one page: its stamp on disk, its blob id, its keys and, when asked for, its pin.
struct Looked {
    /// Answered from the page cache.
    hit: bool,
    stamp: Option<Stamp>,
    blob: Option<gix::ObjectId>,
    found: Option<KeysFound>,
    pin: Option<PinRead>,
    /// The text read, when kept for the preload.
    text: Option<Vec<u8>>,
}

/// What one page's front matter says about pairing keys.
enum KeysFound {
    Keys(Keys),
    BadFrontMatter(frontmatter::FrontMatterError),
}

/// The pairing keys in a page's bytes; `None` when it has none.
fn keys_in(settings: &crate::site::config::Settings, bytes: &[u8]) -> Option<KeysFound> {
    let wanted = settings
        .pairing
        .shared_keys
        .iter()
        .chain(&settings.pairing.link_keys);
    let leaf = |key: &str| key.rsplit('.').next().unwrap_or(key).as_bytes().to_vec();
    let mut wanted = wanted;
    if !wanted.any(|key| contains_any_case(bytes, &leaf(key))) {
        return None;
    }
    let text = crate::util::chars::utf8_str(bytes)?;
    let fm = match frontmatter::parse(text) {
        Ok(fm) => fm,
        Err(err) => return Some(KeysFound::BadFrontMatter(err)),
    };
    let tree = fm.tree.as_ref()?;
    let value = |key: &str| {
        tree.get_path(key).and_then(|node| match &node.kind {
            // A URL names one page with or without its slashes (`/about/`, `about/`).
            NodeKind::Scalar(text)
                if key.eq_ignore_ascii_case("permalink") && !text.trim().is_empty() =>
            {
                Some(match text.trim().trim_matches('/') {
                    "" => "/".to_owned(),
                    url => url.to_owned(),
                })
            }
            NodeKind::Scalar(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => None,
        })
    };
    // Keys are read without regard to case: two configured spellings of one key read it once.
    let pick = |keys: &[String]| -> Vec<(String, String)> {
        keys.iter()
            .enumerate()
            .filter(|(i, k)| !keys[..*i].iter().any(|earlier| same_path(earlier, k)))
            .filter_map(|(_, k)| value(k).map(|v| (k.clone(), v)))
            .collect()
    };
    let shared = pick(&settings.pairing.shared_keys);
    let links = pick(&settings.pairing.link_keys);
    (!shared.is_empty() || !links.is_empty()).then_some(KeysFound::Keys(Keys { shared, links }))
}

/// Whether `needle` occurs in `haystack`, ASCII letters in any case (a key that is not ASCII always may).
fn contains_any_case(haystack: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return false;
    };
    if !needle.is_ascii() {
        return true;
    }
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, haystack).any(|at| {
        haystack
            .get(at..at + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

/// Reads the mapping file (docs/pairing.md):
///
/// ```yaml
/// content/en/docs/components/alert.md:
///   fr: content/fr/docs/composants/alerte.md
/// content/en/docs/components/:          # a folder: the pages below it, same names below the other folder
///   fr: content/fr/docs/composants/
/// ```
///
/// Paths are relative to the site root (where `tandem.yaml` is). Entries for one file win over folder entries.
fn read_map(
    ws: &Workspace,
    path: &std::path::Path,
    label: &str,
    inventory: &Inventory,
) -> Result<Vec<MapEntry>> {
    let error = |detail: String| Error::MapFile {
        path: label.to_owned(),
        detail: Message::verbatim(detail),
    };
    let text = std::fs::read_to_string(path).map_err(|err| error(err.to_string()))?;
    let parsed: Option<BTreeMap<String, BTreeMap<String, String>>> = serde_saphyr::from_str(&text)
        .map_err(|err| {
            error(
                err.to_string()
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("invalid YAML")
                    .trim_start_matches("error: ")
                    .to_owned(),
            )
        })?;
    let settings = &ws.settings;
    let site = crate::site::config::relative_slash(&settings.repo_root, &settings.site_root);
    let from_site = |p: &str| {
        let p = p.trim().trim_start_matches("./");
        if site.is_empty() {
            p.to_owned()
        } else {
            format!("{site}/{p}")
        }
    };
    let mut files: BTreeMap<(String, String), String> = BTreeMap::new();
    for (source, translations) in parsed.unwrap_or_default() {
        for (lang, translation) in translations {
            let lang = lang.to_ascii_lowercase();
            if !settings.content_dirs.contains_key(&lang) || lang == settings.source {
                return Err(error(format!(
                    "{source}: {lang} is not a target language ({})",
                    settings.targets.join(", ")
                )));
            }
            let (source, translation) = (from_site(&source), from_site(&translation));
            if source.ends_with('/') != translation.ends_with('/') {
                return Err(error(format!(
                    "{source}: a folder maps to a folder, a file to a file"
                )));
            }
            if source.ends_with('/') {
                for page in inventory.of(&settings.source) {
                    if let Some(rest) = page.path.strip_prefix(source.as_str()) {
                        let candidate = format!("{translation}{rest}");
                        if inventory.pages.iter().any(|p| p.path == candidate) {
                            files
                                .entry((page.path.clone(), lang.clone()))
                                .or_insert(candidate);
                        }
                    }
                }
            } else {
                files.insert((source, lang), translation);
            }
        }
    }
    Ok(files
        .into_iter()
        .map(|((source, language), translation)| MapEntry {
            source,
            language,
            translation,
        })
        .collect())
}

fn note_warning(note: &PairingNote, map: Option<&(std::path::PathBuf, String)>) -> Warning {
    match note {
        PairingNote::LinkNotFound { page, key, value } => Warning {
            file: page.clone(),
            line: None,
            message: Message::new("warn-link-not-found")
                .arg("key", key)
                .arg("value", value),
        },
        PairingNote::LinkAmbiguous { page, key, value } => Warning {
            file: page.clone(),
            line: None,
            message: Message::new("warn-link-ambiguous")
                .arg("key", key)
                .arg("value", value),
        },
        PairingNote::MapPageNotFound { page } => Warning {
            file: map.map_or_else(String::new, |(_, label)| label.clone()),
            line: None,
            message: Message::new("warn-map-page-not-found").arg("page", page),
        },
    }
}

/// The source pages whose front matter does not set `flag` to true (`i18nReady: true`; the key in any case).
fn untranslatable(ws: &Workspace, sources: &[&str], flag: &str) -> HashSet<String> {
    let workdir = ws.workdir_of(&ws.settings.source);
    let files: Vec<std::path::PathBuf> = sources.iter().map(|path| workdir.join(path)).collect();
    let flagged: Vec<bool> = crate::util::parallel::map(&files, |file| {
        let Ok(text) = std::fs::read_to_string(file) else {
            return false;
        };
        let Ok(front) = frontmatter::parse(&text) else {
            return false;
        };
        let Some(NodeKind::Map(entries)) = front.tree.map(|tree| tree.kind) else {
            return false;
        };
        entries.iter().any(|(key, value)| {
            key.eq_ignore_ascii_case(flag)
                && matches!(&value.kind, NodeKind::Scalar(v) if v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("yes"))
        })
    });
    sources
        .iter()
        .zip(flagged)
        .filter(|(_, flagged)| !flagged)
        .map(|(path, _)| (*path).to_owned())
        .collect()
}

/// The pages' folders, each opened once: a page's stamp is looked up by its name in its folder, not by its path
/// (on a warm run of a 5,000-page site, the stats by path were a tenth of the time).
struct Folders {
    #[cfg(unix)]
    open: HashMap<std::path::PathBuf, Option<page_cache::Folder>>,
}

impl Folders {
    fn open(pages: &[(std::path::PathBuf, &str, bool)]) -> Folders {
        #[cfg(unix)]
        {
            let mut open = HashMap::new();
            for (file, ..) in pages {
                if let Some(folder) = file.parent()
                    && !open.contains_key(folder)
                {
                    open.insert(folder.to_path_buf(), page_cache::Folder::open(folder));
                }
            }
            Folders { open }
        }
        #[cfg(not(unix))]
        {
            let _ = pages;
            Folders {}
        }
    }

    /// The stamp of `file`, as [`Stamp::of`] gives it.
    fn stamp(&self, file: &std::path::Path) -> Option<Stamp> {
        #[cfg(unix)]
        if let (Some(Some(folder)), Some(name)) = (
            file.parent().and_then(|parent| self.open.get(parent)),
            file.file_name(),
        ) {
            return Stamp::in_folder(folder, name);
        }
        Stamp::of(file)
    }
}
