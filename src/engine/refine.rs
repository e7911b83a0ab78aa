//! Part of the shared core: from byte facts to meaningful verdicts (everything `--strict` turns off).
//!
//! - the cosmetic filter: a source whose bytes changed but whose normalised Markdown did not is still current;
//! - commit directives: commits whose message matches `history.skip_commits_matching` are ignored, commit by commit;
//! - masked drift: in history mode, a translation commit that only reformatted the page or touched bookkeeping keys is
//!   not taken for a sync point; the commit before it is;
//! - structure: a translation that says current but lacks content its source has is stale.
//!
//! Reads blobs through `history` and pages from the work tree; the judging itself is done by the pure modules
//! (`markdown::document`, `drift::sections`, `drift::structure`).

use std::collections::HashMap;
use std::rc::Rc;

use gix::ObjectId;
use serde::{Deserialize, Serialize};

use crate::drift::sections::{self, SectionDrift, Severity};
use crate::drift::structure::{self, Structure};
use crate::error::Result;
use crate::history::GitRepo;
use crate::history::directives::{CommitDirective, Directives};
use crate::markdown::document::{self, Document, SiteContext};
use crate::markdown::frontmatter;

/// How many translation commits in a row may be skipped as cosmetic before giving up.
const MAX_SKIPPED_COMMITS: usize = 50;

/// A page version, read and parsed.
#[derive(Clone)]
pub enum Version {
    Parsed {
        text: Rc<String>,
        doc: Rc<Document>,
    },
    /// Not UTF-8, or front matter that does not parse: it can only be compared byte for byte.
    Unparsable,
    /// The blob is not in this (partial) clone.
    Missing,
    /// The file does not exist at that commit.
    Absent,
}

/// What the cosmetic filter says about a source whose bytes changed since the sync point.
#[derive(Clone)]
pub enum Judgement {
    /// Meaningful changes: the page is stale. Section by section, old → new.
    Stale {
        drift: Vec<SectionDrift>,
        old: Rc<Document>,
        new: Rc<Document>,
    },
    /// Stale, but the versions cannot be compared section by section (one does not parse).
    StaleUnparsed,
    /// Only formatting changed.
    CosmeticOnly,
    /// The meaningful changes all came in commits marked with a directive (`[skip-l10n]`).
    SkipDirective,
    /// The meaningful changes all came in commits that made the same change to the translation.
    Mirrored,
    /// A version needed is not in this partial clone.
    MissingBlob,
}

/// Parsed versions kept at once: enough for the pages being judged and those read ahead for the next ones, small
/// enough for sites of 100,000 pages (parsed documents are the biggest thing tandem holds; about 14 KB each on the
/// harness's corpora).
pub(super) const KEPT_VERSIONS: usize = 256;

/// Each (commit, translation)'s commit before, found by a walk of the history.
type Before = HashMap<(ObjectId, String), Option<ObjectId>>;

/// Answers kept at once (whether two versions mean the same, a translation's commit before another).
const KEPT_ANSWERS: usize = 1 << 13;

/// Generations let go and not yet taken, at most: `status` takes them once per group of pairs, and a group seldom lets
/// go of more than one.
const RETIRED_MAX: usize = 2;

/// Parsed versions no longer shared with anything, to be freed on a thread that has time for it.
#[derive(Default)]
pub struct Retired {
    docs: Vec<Document>,
    texts: Vec<String>,
}

/// Parsed versions (and what is computed from them), in two generations of at most half of [`KEPT_VERSIONS`]: when
/// the newer one is full it becomes the older one, and the older one is let go (freed on another thread, see
/// [`Refiner::retired`]). So what was read ahead for the pairs being judged survives what is read ahead for the next
/// ones.
struct Kept<K, V> {
    new: HashMap<K, V>,
    old: HashMap<K, V>,
    /// Generations let go, until [`Refiner::retired`] takes them (to be freed on another thread).
    retired: Vec<HashMap<K, V>>,
}

impl<K: std::hash::Hash + Eq, V> Kept<K, V> {
    fn new() -> Self {
        Kept {
            new: HashMap::new(),
            old: HashMap::new(),
            retired: Vec::new(),
        }
    }

    fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.new.get(key).or_else(|| self.old.get(key))
    }

    fn contains<Q>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.get(key).is_some()
    }

    /// Makes room for `n` more in the newer generation.
    fn make_room(&mut self, n: usize) {
        if self.new.len() + n > KEPT_VERSIONS / 2 {
            let old = std::mem::replace(&mut self.old, std::mem::take(&mut self.new));
            // Where nothing takes them (a command judging a few pairs), the oldest are freed here: memory stays
            // bounded.
            if self.retired.len() == RETIRED_MAX {
                self.retired.remove(0);
            }
            self.retired.push(old);
        }
    }

    fn insert(&mut self, key: K, value: V) {
        self.make_room(1);
        self.new.insert(key, value);
    }
}

/// Reads and parses page versions; keeps the last few parsed, and every version's meaning as two fingerprints.
pub struct Refiner<'a> {
    repo: &'a GitRepo,
    site: SiteContext,
    skip_commits: &'a Directives,
    blobs: Kept<ObjectId, Version>,
    files: Kept<String, Version>,
    raw: Kept<ObjectId, Option<Rc<String>>>,
    /// Blob → (fingerprint of its meaning as a source, of its meaning as a translation); `None`: cannot be parsed.
    meanings: HashMap<ObjectId, Option<(u64, u64)>>,
    /// Commit → what its message says when it may carry a directive (one commit often changes many pages).
    directives: HashMap<ObjectId, Option<Rc<CommitDirective>>>,
    /// Whether two versions mean the same (as a translation: `true`), answered ahead on the machine's cores
    /// ([`prefetch_same`](Refiner::prefetch_same)).
    same: HashMap<(ObjectId, ObjectId, bool), bool>,
    /// The front-matter keys a translation's commit changed (by its versions before and after), found when the
    /// question above was answered "the same" for them: the commit is passed over, and its keys are asked next.
    keys_changed: HashMap<(ObjectId, ObjectId), Vec<String>>,
    /// The translation's commit before another, found by walks read ahead.
    previous: Before,
    /// The same, found for the pairs of the next groups at once ([`prefetch_previous_ahead`]
    /// (Self::prefetch_previous_ahead)): replaced by the next batch, never dropped with the answers above.
    previous_ahead: Before,
    /// The sections compared between a version of a source (by blob) and the source now (by path).
    drifts: Kept<(ObjectId, String), Vec<SectionDrift>>,
    /// Page versions read and parsed so far (`status -v` says how many: none on a warm run).
    parsed: std::cell::Cell<usize>,
    /// One blob reader per thread reading ahead, opened when first needed.
    readers: Vec<crate::history::BlobReader>,
    /// The pages of the work tree parsed while history was read ([`Preload`]), by path and by blob: kept for the
    /// whole run (a source serves its translations in every language).
    preloaded_files: HashMap<String, Version>,
    preloaded_blobs: HashMap<ObjectId, Version>,
}

/// Pages of the work tree (every translation and source) read, parsed and measured on another thread while the main
/// one reads history. A first run parses nearly all of them anyway, and reading history leaves a core idle. The main
/// thread helps with what is left once it is done with history.
pub struct Preload {
    work: std::sync::Arc<PreloadWork>,
    thread: Option<std::thread::JoinHandle<Vec<Preloaded>>>,
    /// Pages read beside other work by the helper thread ([`Preload::beside`]).
    read: Vec<Preloaded>,
}

/// The pages to preload, handed out one at a time.
struct PreloadWork {
    site: SiteContext,
    /// The pages to read, their texts moved to `texts`: one page for each blob id.
    pages: Vec<ToPreload>,
    /// The pages whose blob is also another page's (a translation still a copy of its source, two languages' copies
    /// of the same page): given that page's version, not read again.
    copies: Vec<(bool, String, ObjectId)>,
    /// Each page's text as read for its keys, when it was kept: taken by the thread that parses the page.
    texts: Vec<std::sync::Mutex<Option<Vec<u8>>>>,
    next: std::sync::atomic::AtomicUsize,
    /// Bytes of pages read so far: past [`PRELOAD_MAX_BYTES`], the rest are read when needed.
    bytes: std::sync::atomic::AtomicUsize,
}

impl PreloadWork {
    /// The pages to read, one for each blob id (the others are given its version).
    fn new(site: SiteContext, pages: Vec<ToPreload>) -> Self {
        let mut seen = std::collections::HashSet::new();
        let (mut pages, copies): (Vec<ToPreload>, Vec<ToPreload>) =
            pages.into_iter().partition(|page| seen.insert(page.id));
        let copies = copies
            .into_iter()
            .map(|page| (page.source, page.path, page.id))
            .collect();
        let texts = pages
            .iter_mut()
            .map(|page| std::sync::Mutex::new(page.text.take()))
            .collect();
        PreloadWork {
            site,
            pages,
            copies,
            texts,
            next: std::sync::atomic::AtomicUsize::new(0),
            bytes: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Reads pages until none is left.
    fn drain(&self) -> Vec<Preloaded> {
        let mut done = Vec::new();
        loop {
            let at = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(page) = self.pages.get(at) else {
                return done;
            };
            if self.bytes.load(std::sync::atomic::Ordering::Relaxed) > PRELOAD_MAX_BYTES {
                return done;
            }
            let kept = self.texts[at]
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            let read = match kept.map_or_else(|| std::fs::read(&page.file), Ok) {
                Ok(bytes) => {
                    self.bytes
                        .fetch_add(bytes.len(), std::sync::atomic::Ordering::Relaxed);
                    Read::of(bytes, &self.site)
                }
                Err(_) => Read::Absent,
            };
            // Its meaning is computed here too, not by the thread that adopts the pages once this one is done. Its
            // blocks are measured only when it is compared block by block (a pair history calls current): measuring
            // every page here was a tenth of a cold run's instructions on glossary, about half of them for pages
            // whose pairs are stale.
            let meaning = match &read {
                Read::Parsed(_, doc) => Some(sections::meaning_fingerprints(doc)),
                _ => None,
            };
            done.push(Preloaded {
                source: page.source,
                path: page.path.clone(),
                id: page.id,
                read,
                meaning,
            });
        }
    }
}

/// A page to preload.
pub struct ToPreload {
    /// Whether it is a source page.
    pub source: bool,
    pub file: std::path::PathBuf,
    /// Its path in its repository.
    pub path: String,
    /// Its blob id, as hashed when its keys were read.
    pub id: ObjectId,
    /// Its text, when it was kept from that read.
    pub text: Option<Vec<u8>>,
}

/// A page the preload read.
struct Preloaded {
    source: bool,
    path: String,
    id: ObjectId,
    read: Read,
    /// Its meaning fingerprints; `None` when it did not parse.
    meaning: Option<(u64, u64)>,
}

/// Sites with more pages than this are not preloaded: their parsed pages would not all fit in memory comfortably,
/// and the read-ahead keeps at most [`KEPT_VERSIONS`] of them. A short parsed page (half a kilobyte of text) weighs
/// about 6 KB: 8,192 of them about 50 MB. (It was 4,096 when such a page weighed twice as much.)
pub const PRELOAD_MAX_PAGES: usize = 8192;

/// Page text preloaded at most (a site of few but very long pages): the pages past it are read when needed. A
/// parsed page weighs a few times its text.
pub const PRELOAD_MAX_BYTES: usize = 32 << 20;

impl Preload {
    /// Starts reading `pages`.
    pub fn start(site: SiteContext, pages: Vec<ToPreload>) -> Self {
        let work = std::sync::Arc::new(PreloadWork::new(site, pages));
        let shared = work.clone();
        let thread = std::thread::Builder::new()
            .name("tandem-preload".into())
            .spawn(move || shared.drain())
            // Without a thread, the main one reads them all when it is done with history.
            .ok();
        Preload {
            work,
            thread,
            read: Vec::new(),
        }
    }

    /// Reads `pages` on the helper thread while `here` runs on this one, which then helps with what is left.
    pub fn beside<R>(
        site: SiteContext,
        pages: Vec<ToPreload>,
        here: impl FnOnce() -> R,
    ) -> (Self, R) {
        let work = std::sync::Arc::new(PreloadWork::new(site, pages));
        let (read, (mut mine, out)) = crate::util::parallel::beside(
            || work.drain(),
            || {
                let out = here();
                (work.drain(), out)
            },
        );
        mine.extend(read.unwrap_or_default());
        let preload = Preload {
            work,
            thread: None,
            read: mine,
        };
        (preload, out)
    }

    /// Reads what is left beside the other thread, and hands every page to the refiners.
    pub fn finish<'a>(self, translations: &mut Refiner<'a>, sources: &mut Refiner<'a>) {
        let mut pages = self.work.drain();
        pages.extend(self.read);
        if let Some(rest) = self.thread.and_then(|thread| thread.join().ok()) {
            pages.extend(rest);
        }
        // (whether a source, path, blob id, version and its meaning, whether parsed for this page)
        let mut adopted = Vec::with_capacity(pages.len() + self.work.copies.len());
        let mut read = HashMap::new();
        for page in pages {
            let version = page.read.into_version();
            read.insert(page.id, (version.clone(), page.meaning));
            adopted.push((
                page.source,
                page.path,
                page.id,
                (version, page.meaning),
                true,
            ));
        }
        for (source, path, id) in &self.work.copies {
            // A blob past the bytes preloaded was not read: the copy is read when needed, as that page is.
            if let Some(version) = read.get(id) {
                adopted.push((*source, path.clone(), *id, version.clone(), false));
            }
        }
        for (source, path, id, (version, meaning), parsed) in adopted {
            let refiner = if source {
                &mut *sources
            } else {
                &mut *translations
            };
            refiner.adopt(path, id, version, meaning, parsed);
        }
    }
}

/// A page version read and parsed on another thread, before it is shared as a [`Version`].
enum Read {
    Parsed(String, Document),
    Unparsable,
    Missing,
    Absent,
}

impl Read {
    fn of(bytes: Vec<u8>, site: &SiteContext) -> Read {
        // A Git LFS pointer is no page: read as one, its `size 12345` was a number the translation lacked.
        if crate::util::lfs::is_pointer(&bytes) {
            return Read::Unparsable;
        }
        match crate::util::chars::utf8_string(bytes) {
            Some(text) => match document::parse(&text, site) {
                Ok(doc) => Read::Parsed(text, doc),
                Err(_) => Read::Unparsable,
            },
            None => Read::Unparsable,
        }
    }

    fn into_version(self) -> Version {
        match self {
            Read::Parsed(text, doc) => Version::Parsed {
                text: Rc::new(text),
                doc: Rc::new(doc),
            },
            Read::Unparsable => Version::Unparsable,
            Read::Missing => Version::Missing,
            Read::Absent => Version::Absent,
        }
    }
}

/// A page version to read ahead: a blob, or a file of the work tree (with its blob id when known).
#[derive(Debug, Clone)]
pub enum Wanted {
    Blob(ObjectId),
    /// With whether it will be compared block by block (its blocks are then measured ahead).
    File(String, Option<ObjectId>, bool),
}

/// Page versions to read ahead, with what reading them needs: they can be read on another thread.
pub struct Planned {
    wanted: Vec<Wanted>,
    site: SiteContext,
    workdir: std::path::PathBuf,
}

/// The versions of a [`Planned`], read (`None`: not read, read again in turn when needed).
pub struct ReadAhead(Vec<Option<Read>>);

/// The versions of a [`Planned`], each put at its place in the plan by the thread that read it (one thread takes
/// each place), so that a thread comparing versions finds those the others read.
pub struct Slots(Vec<std::sync::OnceLock<Option<Read>>>);

impl Slots {
    /// What was read at a place of the plan, when it is read already.
    fn read_at(&self, at: usize) -> Option<&Read> {
        self.0.get(at)?.get()?.as_ref()
    }
}

impl Planned {
    /// Whether nothing is to be read (every version wanted is already parsed, or the cache answered).
    pub fn is_empty(&self) -> bool {
        self.wanted.is_empty()
    }

    /// Reads one version; a blob only with a reader.
    fn read(&self, reader: Option<&mut crate::history::BlobReader>, want: &Wanted) -> Option<Read> {
        match want {
            Wanted::Blob(id) => match reader?.read(*id) {
                Ok(Some(bytes)) => Some(Read::of(bytes, &self.site)),
                Ok(None) => Some(Read::Missing),
                // Read again in turn, the error is reported there.
                Err(_) => None,
            },
            Wanted::File(path, _, compared) => Some(match std::fs::read(self.workdir.join(path)) {
                Ok(bytes) => {
                    let read = Read::of(bytes, &self.site);
                    if let Read::Parsed(_, doc) = &read
                        && *compared
                    {
                        crate::drift::blocks::BlockShape::measure_all(doc);
                    }
                    read
                }
                Err(_) => Read::Absent,
            }),
        }
    }

    /// Where the threads reading the plan put what they read.
    pub fn slots(&self) -> Slots {
        Slots(
            std::iter::repeat_with(std::sync::OnceLock::new)
                .take(self.wanted.len())
                .collect(),
        )
    }

    /// Reads versions not yet taken by another thread (`next`: the first not taken), until none is left; blobs only
    /// with a reader of their repository. Puts them in `slots` at their place in the plan.
    pub fn read_shared(
        &self,
        next: &std::sync::atomic::AtomicUsize,
        mut reader: Option<&mut crate::history::BlobReader>,
        slots: &Slots,
    ) {
        loop {
            let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let (Some(want), Some(slot)) = (self.wanted.get(at), slots.0.get(at)) else {
                return;
            };
            let _ = slot.set(self.read(reader.as_deref_mut(), want));
        }
    }

    /// The versions the threads read, in the plan's order (a place no thread filled is read again in turn).
    pub fn gather(&self, slots: Slots) -> ReadAhead {
        ReadAhead(
            slots
                .0
                .into_iter()
                .map(|slot| slot.into_inner().flatten())
                .collect(),
        )
    }
}

/// Comparisons planned for a group of pairs whose versions are read ahead, made by the threads that read them while
/// the group before is judged: each source's sections at the sync point and now ([`Refiner::plan_drift`]), and the
/// pairs the bytes call current, block by block. They are then ready when the pairs are judged.
#[derive(Default)]
pub struct Ahead {
    pub(super) drifts: Vec<DriftAhead>,
    pub(super) structures: Vec<StructureAhead>,
}

/// A source's sections at a sync point and now.
pub struct DriftAhead {
    /// The source's blob at the sync point, and its path now (what [`Refiner::judge_stale`] keeps drifts by).
    key: (ObjectId, String),
    /// Each version when it is parsed already (else it is read in the group's plan).
    old: Option<(Rc<String>, Rc<Document>)>,
    new: Option<(Rc<String>, Rc<Document>)>,
    /// Compared even when both versions mean the same (`--strict`'s byte-changed sections, cosmetic ones included).
    bytes: bool,
}

/// A source and its translation as they are now.
pub struct StructureAhead {
    /// (source path, translation path).
    pub(super) key: (String, String),
    pub(super) source: Rc<Document>,
    pub(super) translation: Rc<Document>,
}

impl Ahead {
    pub fn is_empty(&self) -> bool {
        self.drifts.is_empty() && self.structures.is_empty()
    }

    /// What the threads read of it (parsed pages are shared by reference; the counted handles stay with this one).
    pub fn work(&self) -> AheadWork<'_> {
        AheadWork {
            drifts: self
                .drifts
                .iter()
                .map(|d| DriftInputs {
                    key: &d.key,
                    old: d.old.as_ref().map(|(text, doc)| (text.as_str(), &**doc)),
                    new: d.new.as_ref().map(|(text, doc)| (text.as_str(), &**doc)),
                    bytes: d.bytes,
                })
                .collect(),
            structures: self
                .structures
                .iter()
                .map(|s| (&s.key, &*s.source, &*s.translation))
                .collect(),
            next_drift: std::sync::atomic::AtomicUsize::new(0),
            next_structure: std::sync::atomic::AtomicUsize::new(0),
        }
    }
}

/// [`Ahead`]'s comparisons, borrowed by the threads that make them.
pub struct AheadWork<'a> {
    drifts: Vec<DriftInputs<'a>>,
    /// (source path, translation path), source, translation.
    structures: Vec<(&'a (String, String), &'a Document, &'a Document)>,
    /// The first comparison of each kind no thread has taken.
    next_drift: std::sync::atomic::AtomicUsize,
    next_structure: std::sync::atomic::AtomicUsize,
}

struct DriftInputs<'a> {
    key: &'a (ObjectId, String),
    old: Option<Parsed<'a>>,
    new: Option<Parsed<'a>>,
    bytes: bool,
}

/// A version's text and its parse.
type Parsed<'a> = (&'a str, &'a Document);

/// The comparisons one thread made ahead.
#[derive(Default)]
pub struct ComparedAhead {
    pub(super) drifts: Vec<((ObjectId, String), Vec<SectionDrift>)>,
    pub(super) structures: Vec<((String, String), Structure)>,
}

impl<'a> AheadWork<'a> {
    /// Makes comparisons, shared with the other threads: the sections of the sources whose versions were parsed before
    /// or are read in `planned` (`read`, by any thread) or were parsed answering this thread's questions (`answered`),
    /// then the structures. What none compares (a version another thread is still reading) is compared when the pair
    /// is judged.
    pub fn compare<'r>(
        &'r self,
        planned: &'r Planned,
        read: &'r Slots,
        answered: Option<&'r SameAnswers>,
    ) -> ComparedAhead
    where
        'a: 'r,
    {
        fn parsed(read: Option<&Read>) -> Option<Parsed<'_>> {
            match read {
                Some(Read::Parsed(text, doc)) => Some((text.as_str(), doc)),
                _ => None,
            }
        }
        let old_of = |input: &'r DriftInputs<'a>| -> Option<Parsed<'r>> {
            if input.old.is_some() {
                return input.old;
            }
            let id = input.key.0;
            let found = planned
                .wanted
                .iter()
                .position(|want| matches!(want, Wanted::Blob(wanted) if *wanted == id))
                .and_then(|at| read.read_at(at))
                .or_else(|| {
                    answered?
                        .0
                        .iter()
                        .flat_map(|(_, (_, _, parsed, _, _))| parsed)
                        .find(|(parsed, _)| *parsed == id)
                        .map(|(_, read)| read)
                });
            parsed(found)
        };
        let new_of = |input: &'r DriftInputs<'a>| -> Option<Parsed<'r>> {
            if input.new.is_some() {
                return input.new;
            }
            let path = &input.key.1;
            let at = planned
                .wanted
                .iter()
                .position(|want| matches!(want, Wanted::File(wanted, ..) if wanted == path))?;
            parsed(read.read_at(at))
        };
        let mut found = ComparedAhead::default();
        // Taken one at a time, as the reads are.
        loop {
            let at = self
                .next_drift
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(input) = self.drifts.get(at) else {
                break;
            };
            let (Some((old_text, old_doc)), Some((new_text, new_doc))) =
                (old_of(input), new_of(input))
            else {
                continue;
            };
            // The judging stops before the sections when the meaning is the same (not under `--strict`).
            if input.bytes || !sections::same_meaning(old_doc, new_doc) {
                let drift = sections::section_drift(old_doc, new_doc, old_text, new_text);
                found.drifts.push((input.key.clone(), drift));
            }
        }
        let shared = crate::util::parallel::take_shared(
            &self.structures,
            &self.next_structure,
            |&(key, source, translation)| (key.clone(), structure::compare(source, translation)),
        );
        found
            .structures
            .extend(shared.into_iter().map(|(_, compared)| compared));
        found
    }
}

/// Whether two versions mean the same when their bodies are the same bytes: the front matter decides, and no Markdown
/// is parsed. `None` when the bodies differ (or a front matter cannot be split off).
fn same_front_matter(a: &str, b: &str, site: &SiteContext, translation: bool) -> Option<bool> {
    let body = |text: &str| frontmatter::split(text).ok().map(|split| split.body);
    let (at_a, at_b) = (body(a)?, body(b)?);
    if a[at_a..] != b[at_b..] {
        return None;
    }
    let (Ok(fm_a), Ok(fm_b)) = (
        document::front_matter_forms(a, site),
        document::front_matter_forms(b, site),
    ) else {
        return Some(false);
    };
    Some(if translation {
        fm_a.1 == fm_b.1
    } else {
        fm_a.0 == fm_b.0
    })
}

/// Whether two versions' meaning fingerprints (as a source, as a translation) say the same, read as a translation or
/// as a source.
fn same_meaning(a: (u64, u64), b: (u64, u64), translation: bool) -> bool {
    if translation { a.1 == b.1 } else { a.0 == b.0 }
}

/// Parses a version to keep it: its meaning fingerprints, and the version (its text taken from `text`, which is
/// left as it was when the text does not parse); `measure`: its blocks are measured too.
fn parse_kept(
    text: &mut Option<String>,
    site: &SiteContext,
    measure: bool,
) -> (Option<(u64, u64)>, Read) {
    match document::parse(text.as_deref().unwrap_or(""), site) {
        Ok(doc) => {
            if measure {
                crate::drift::blocks::BlockShape::measure_all(&doc);
            }
            let fingerprints = sections::meaning_fingerprints(&doc);
            let text = text.take().unwrap_or_default();
            (Some(fingerprints), Read::Parsed(text, doc))
        }
        Err(_) => (None, Read::Unparsable),
    }
}

/// The front-matter keys whose values differ between two versions (added and removed ones too), sorted.
fn keys_changed(
    after: &std::collections::BTreeMap<String, String>,
    before: &std::collections::BTreeMap<String, String>,
) -> Vec<String> {
    let mut keys: Vec<String> = after
        .iter()
        .filter(|(key, value)| before.get(*key) != Some(*value))
        .map(|(key, _)| key.clone())
        .chain(
            before
                .keys()
                .filter(|key| !after.contains_key(*key))
                .cloned(),
        )
        .collect();
    keys.sort();
    keys
}

/// A text's meaning fingerprints (as a source, as a translation); `None` when it does not parse.
fn meaning_of(text: &str, site: &SiteContext) -> Option<(u64, u64)> {
    document::parse(text, site)
        .ok()
        .map(|doc| sections::meaning_fingerprints(&doc))
}

/// What answering one question of [`SameWork`] found: whether the two versions mean the same (`None`: reading one
/// failed), the meanings computed, the versions parsed to be kept, and texts kept for the keys read next.
type SameAnswer = (
    Option<bool>,
    Vec<(ObjectId, Option<(u64, u64)>)>,
    Vec<(ObjectId, Read)>,
    Vec<(ObjectId, String)>,
    Option<Vec<String>>,
);

/// Answers of [`SameWork`]'s questions taken by one thread, by their place.
pub struct SameAnswers(Vec<(usize, SameAnswer)>);

/// Questions "do these two versions mean the same?" ([`Refiner::plan_same`]): each (before, after, as a
/// translation) with the meanings already known, answered on any thread.
pub struct SameWork {
    items: Vec<SameItem>,
    site: SiteContext,
    keep_after: bool,
    measure: std::collections::HashSet<ObjectId>,
    kept: std::collections::HashSet<ObjectId>,
}

/// One question: whether versions `a` (before) and `b` (after) mean the same.
struct SameItem {
    a: ObjectId,
    b: ObjectId,
    /// Read as a translation (else as a source).
    translation: bool,
    /// Their meanings, when known already (a preloaded page).
    known_a: Option<Option<(u64, u64)>>,
    known_b: Option<Option<(u64, u64)>>,
    /// Their texts, when at hand already (a preloaded page), copied for the thread that answers: a blob read costs
    /// far more than the copy (its delta chain resolved and inflated).
    text_a: Option<String>,
    text_b: Option<String>,
}

impl SameWork {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The versions the questions will parse and keep (those of `kept` whose meaning is not known yet): a plan made
    /// beside them leaves them out, each version being parsed once.
    pub fn parsing(&self) -> std::collections::HashSet<ObjectId> {
        let mut parsing = std::collections::HashSet::new();
        for &SameItem {
            a,
            b,
            known_a,
            known_b,
            ..
        } in &self.items
        {
            if known_a.is_none() && self.kept.contains(&a) {
                parsing.insert(a);
            }
            if known_b.is_none() && self.kept.contains(&b) {
                parsing.insert(b);
            }
        }
        parsing
    }

    /// Answers questions not yet taken by another thread (`next`: the first not taken), until none is left.
    pub fn answer_shared(
        &self,
        next: &std::sync::atomic::AtomicUsize,
        reader: &mut crate::history::BlobReader,
    ) -> SameAnswers {
        SameAnswers(crate::util::parallel::take_shared(
            &self.items,
            next,
            |item| self.answer(reader, item),
        ))
    }

    fn answer(&self, reader: &mut crate::history::BlobReader, item: &SameItem) -> SameAnswer {
        let &SameItem {
            a,
            b,
            translation,
            known_a,
            known_b,
            ..
        } = item;
        let (site, kept, measure) = (&self.site, &self.kept, &self.measure);
        let text = |id, given: &Option<String>| -> std::result::Result<Option<String>, ()> {
            if let Some(text) = given {
                return Ok(Some(text.clone()));
            }
            let bytes = reader.read(id).map_err(|_| ())?;
            Ok(bytes.and_then(crate::util::chars::utf8_string))
        };
        let (Ok(text_a), Ok(text_b)) = (text(a, &item.text_a), text(b, &item.text_b)) else {
            // Asked again in turn, the error is reported there.
            return (None, Vec::new(), Vec::new(), Vec::new(), None);
        };
        let (Some(text_a), Some(text_b)) = (text_a, text_b) else {
            return (Some(false), Vec::new(), Vec::new(), Vec::new(), None);
        };
        // A commit that left a translation's meaning as it was is passed over, and the keys it changed are asked
        // next: found now, from both texts at hand (kept too, for the walk's next step).
        let keep = |same: bool, texts: Vec<(ObjectId, String)>| {
            if same && translation {
                texts
            } else {
                Vec::new()
            }
        };
        let keys = |same: bool, before: &str, after: &str| {
            (same && translation).then(|| {
                match (
                    document::front_matter_values(after, site),
                    document::front_matter_values(before, site),
                ) {
                    (Ok(after), Ok(before)) => keys_changed(&after, &before),
                    _ => Vec::new(),
                }
            })
        };
        let mut meanings = Vec::new();
        let mut parsed = Vec::new();
        if let Some(same) = same_front_matter(&text_a, &text_b, site, translation) {
            let keys = keys(same, &text_a, &text_b);
            // Versions a plan leaves to these questions are parsed all the same.
            let mut texts = Vec::new();
            for (id, known, text) in [(a, known_a, text_a), (b, known_b, text_b)] {
                if known.is_none() && kept.contains(&id) {
                    let (meaning, read) = parse_kept(&mut Some(text), site, false);
                    parsed.push((id, read));
                    meanings.push((id, meaning));
                } else {
                    texts.push((id, text));
                }
            }
            return (Some(same), meanings, parsed, keep(same, texts), keys);
        }
        let mut text_a = Some(text_a);
        let mut text_b = Some(text_b);
        let mut read_b = None;
        let fa = match known_a {
            Some(fa) => fa,
            None if kept.contains(&a) => {
                let (fa, read) = parse_kept(&mut text_a, site, false);
                parsed.push((a, read));
                meanings.push((a, fa));
                fa
            }
            None => {
                let fa = meaning_of(text_a.as_deref().unwrap_or(""), site);
                meanings.push((a, fa));
                fa
            }
        };
        let fb = match known_b {
            Some(fb) => fb,
            None => {
                // The translation as it is judged is compared with its source's blocks next.
                let (fb, read) =
                    parse_kept(&mut text_b, site, self.keep_after && measure.contains(&b));
                read_b = Some(read);
                meanings.push((b, fb));
                fb
            }
        };
        let same = match (fa, fb) {
            (Some(fa), Some(fb)) => same_meaning(fa, fb, translation),
            _ => false,
        };
        // The texts, wherever they went: still here, or in the versions parsed.
        fn parsed_text(read: &Read) -> Option<&str> {
            match read {
                Read::Parsed(text, _) => Some(text.as_str()),
                _ => None,
            }
        }
        let before = text_a.as_deref().or_else(|| {
            parsed
                .iter()
                .find(|(id, _)| *id == a)
                .and_then(|(_, read)| parsed_text(read))
        });
        let after = text_b
            .as_deref()
            .or_else(|| read_b.as_ref().and_then(parsed_text));
        let keys = match (before, after) {
            (Some(before), Some(after)) => keys(same, before, after),
            _ => None,
        };
        if let Some(read) = read_b
            && (self.keep_after || kept.contains(&b))
        {
            parsed.push((b, read));
        }
        let mut texts: Vec<(ObjectId, String)> = text_a.map(|text| (a, text)).into_iter().collect();
        texts.extend(text_b.map(|text| (b, text)));
        (Some(same), meanings, parsed, keep(same, texts), keys)
    }
}

/// Below this many versions to read ahead, one thread does it.
const PARALLEL_MIN_VERSIONS: usize = 2;

/// Commit facts (a directive's subject) kept at once.
const KEPT_COMMIT_FACTS: usize = 1 << 16;

impl<'a> Refiner<'a> {
    /// `skip_commits`: the commit directives (`history.skip_commits_matching`, Lunaria's tracker directives).
    pub fn new(repo: &'a GitRepo, site: SiteContext, skip_commits: &'a Directives) -> Self {
        Refiner {
            repo,
            site,
            skip_commits,
            blobs: Kept::new(),
            files: Kept::new(),
            raw: Kept::new(),
            meanings: HashMap::new(),
            directives: HashMap::new(),
            same: HashMap::new(),
            keys_changed: HashMap::new(),
            drifts: Kept::new(),
            previous: HashMap::new(),
            previous_ahead: HashMap::new(),
            parsed: std::cell::Cell::new(0),
            readers: Vec::new(),
            preloaded_files: HashMap::new(),
            preloaded_blobs: HashMap::new(),
        }
    }

    /// Keeps a page of the work tree that was read and parsed ahead (`parsed`: for this page, not for another with
    /// the same blob), with its meaning.
    fn adopt(
        &mut self,
        path: String,
        id: ObjectId,
        version: Version,
        meaning: Option<(u64, u64)>,
        parsed: bool,
    ) {
        if matches!(version, Version::Absent | Version::Missing) {
            return;
        }
        if parsed {
            self.count_parsed(1);
        }
        self.meanings.entry(id).or_insert(meaning);
        self.preloaded_blobs.insert(id, version.clone());
        self.preloaded_files.insert(path, version);
    }

    /// A file of the work tree read earlier: read ahead lately, or preloaded.
    fn known_file(&self, path: &str) -> Option<&Version> {
        self.files
            .get(path)
            .or_else(|| self.preloaded_files.get(path))
    }

    /// A version parsed earlier: read ahead lately, or preloaded.
    fn known_blob(&self, id: &ObjectId) -> Option<&Version> {
        self.blobs.get(id).or_else(|| self.preloaded_blobs.get(id))
    }

    /// The blob readers of the threads reading ahead.
    fn readers(&mut self) -> &mut [crate::history::BlobReader] {
        if self.readers.is_empty() {
            let readers = self.repo.blob_readers();
            self.readers = (0..crate::util::parallel::threads())
                .map(|_| readers.reader())
                .collect();
        }
        &mut self.readers
    }

    /// Answers ahead, on the machine's cores, whether each (before, after) pair of versions means the same (as a
    /// translation, or as a source): the sequential walks that ask next find the answers, and the meanings, ready.
    /// With `keep_after`, the "after" versions parsed on the way are kept (a translation's last version is the one it
    /// is judged by); those in `measure` have their blocks measured too (they will be compared with their source).
    /// Those in `kept`, on either side, are kept too: a plan reads them next, and each version is parsed once.
    pub fn prefetch_same(
        &mut self,
        asked: Vec<(ObjectId, ObjectId, bool)>,
        keep_after: bool,
        measure: &std::collections::HashSet<ObjectId>,
        kept: &std::collections::HashSet<ObjectId>,
    ) {
        let work = self.plan_same(asked, keep_after, measure, kept);
        self.answer_same(work);
    }

    /// The questions of [`prefetch_same`](Self::prefetch_same) not answered yet, to be answered on any thread
    /// ([`SameWork::answer_shared`]) and the answers stored with [`store_same`](Self::store_same).
    pub fn plan_same(
        &mut self,
        mut asked: Vec<(ObjectId, ObjectId, bool)>,
        keep_after: bool,
        measure: &std::collections::HashSet<ObjectId>,
        kept: &std::collections::HashSet<ObjectId>,
    ) -> SameWork {
        // Pairs whose two meanings are known are answered quickly in turn.
        asked.retain(|&(a, b, _)| {
            a != b && !(self.meanings.contains_key(&a) && self.meanings.contains_key(&b))
        });
        asked.sort_unstable();
        asked.dedup();
        // A meaning already known (a preloaded page) is not computed again.
        let items = asked
            .into_iter()
            .map(|(a, b, translation)| {
                let known = |id| self.meanings.get(&id).copied();
                let text = |id| match self.known_blob(&id) {
                    Some(Version::Parsed { text, .. }) => Some(text.as_str().to_owned()),
                    _ => self.raw.get(&id).and_then(|raw| raw.as_deref().cloned()),
                };
                SameItem {
                    a,
                    b,
                    translation,
                    known_a: known(a),
                    known_b: known(b),
                    text_a: text(a),
                    text_b: text(b),
                }
            })
            .collect();
        SameWork {
            items,
            site: self.site.clone(),
            keep_after,
            measure: measure.clone(),
            kept: kept.clone(),
        }
    }

    /// Keeps what [`SameWork`]'s questions found (answers from several threads; a question none answered is asked
    /// again in turn).
    pub fn store_same(&mut self, work: SameWork, answers: Vec<SameAnswers>) {
        let mut found: Vec<Option<SameAnswer>> = std::iter::repeat_with(|| None)
            .take(work.items.len())
            .collect();
        for (at, answer) in answers.into_iter().flat_map(|part| part.0) {
            found[at] = Some(answer);
        }
        for (
            &SameItem {
                a, b, translation, ..
            },
            answer,
        ) in work.items.iter().zip(found)
        {
            let Some((same, meanings, parsed, texts, keys)) = answer else {
                continue;
            };
            if let Some(same) = same {
                self.same.insert((a, b, translation), same);
            }
            if let Some(keys) = keys {
                self.keys_changed.insert((a, b), keys);
            }
            for (id, text) in texts {
                self.raw.insert(id, Some(Rc::new(text)));
            }
            // The versions whose meanings came back were parsed.
            self.count_parsed(meanings.len());
            self.meanings.extend(meanings);
            for (id, read) in parsed {
                self.blobs.insert(id, read.into_version());
            }
        }
    }

    /// Drops the answers read ahead when they grow many (they were for pages judged by now, or about to be).
    pub fn forget_same(&mut self) {
        if self.same.len() + self.previous.len() > KEPT_ANSWERS {
            self.same.clear();
            self.keys_changed.clear();
            self.previous.clear();
        }
    }

    /// Walks back the history of several translations at once, as [`meaningful_sync`](Self::meaningful_sync)
    /// will, step by step: at each step, whether the commits reached changed their translation's meaning is answered
    /// for all of them together on the machine's cores. `walks`: (translation, last commit, whether it will be
    /// compared with its source block by block).
    pub fn prefetch_walks(&mut self, walks: Vec<(String, ObjectId, bool)>) -> Result<()> {
        self.prefetch_walks_beside(walks, || ())
    }

    /// [`prefetch_walks`](Self::prefetch_walks), with `beside` run on this thread while another core answers the
    /// first step's questions (most of them: a walk seldom steps back). `beside` may not read this refiner.
    pub fn prefetch_walks_beside<R>(
        &mut self,
        walks: Vec<(String, ObjectId, bool)>,
        beside: impl FnOnce() -> R,
    ) -> Result<R> {
        // `beside` is run once, with the first step; what it gave, once run.
        let (mut beside, mut ran) = (Some(beside), None);
        self.forget_same();
        self.make_room(walks.len());
        let mut measure = std::collections::HashSet::new();
        let mut pending: Vec<(String, ObjectId, usize)> = Vec::with_capacity(walks.len());
        for (path, commit, compared) in walks {
            if compared && let Some(last) = self.entry(commit, &path)? {
                measure.insert(last);
            }
            pending.push((path, commit, 0));
        }
        let mut first = true;
        while !pending.is_empty() {
            let mut asked = Vec::new();
            for (translation, commit, _) in &pending {
                asked.extend(self.step_asks(translation, *commit)?);
            }
            // The last versions are the translations as they are judged; older ones are not kept.
            let kept = std::collections::HashSet::new();
            match beside.take() {
                Some(beside) => {
                    let work = self.plan_same(asked, first, &measure, &kept);
                    ran = Some(self.answer_beside(work, beside));
                }
                None => self.prefetch_same(asked, first, &measure, &kept),
            }
            first = false;
            // The walks that step back ask for their translation's commit before: answered in one walk of the
            // history for all of them.
            let mut back = Vec::new();
            for (translation, commit, steps) in pending {
                if self.steps_back(&translation, commit)? {
                    back.push((commit, translation, steps));
                }
            }
            self.prefetch_previous(back.iter().map(|(c, t, _)| (*c, t.clone())).collect())?;
            let mut next = Vec::new();
            for (commit, translation, steps) in back {
                if let Some(previous) = self.previous_of(&translation, commit)?
                    && steps + 1 < MAX_SKIPPED_COMMITS
                {
                    next.push((translation, previous, steps + 1));
                }
            }
            pending = next;
        }
        // No walk to make: `beside` runs alone.
        Ok(ran.unwrap_or_else(|| beside.expect("taken only when it ran")()))
    }

    /// The comparison of `source`'s sections at a sync point (blob `old`) and now, to be made ahead ([`Ahead`]):
    /// `None` when it is known already, or when the source's version now is not parsed yet.
    pub fn plan_drift(&self, old: ObjectId, source: &str) -> Option<DriftAhead> {
        let planned = self.plan_byte_drift(old, source)?;
        planned.new.is_some().then_some(DriftAhead {
            bytes: false,
            ..planned
        })
    }

    /// Under `--strict`: the comparison of `source`'s sections at a sync point (blob `old`) and now, made ahead
    /// whether or not their meaning differs (its byte-changed sections explain the page); the versions not parsed yet
    /// are those the group's plan reads. `None` when it is known already.
    pub fn plan_byte_drift(&self, old: ObjectId, source: &str) -> Option<DriftAhead> {
        let key = (old, source.to_owned());
        if self.drifts.contains(&key) {
            return None;
        }
        let parsed = |version: Option<&Version>| match version {
            Some(Version::Parsed { text, doc }) => Some(Some((text.clone(), doc.clone()))),
            Some(_) => None,
            None => Some(None),
        };
        Some(DriftAhead {
            key,
            old: parsed(self.known_blob(&old))?,
            new: parsed(self.known_file(source))?,
            bytes: true,
        })
    }

    /// The sections of `source` compared at a sync point (blob `old`) and now: found ahead, or compared now (and
    /// kept: translations into several languages often share their sync point's version of the source).
    pub fn section_drift(
        &mut self,
        old: ObjectId,
        source: &str,
        (old_text, old_doc): (&str, &Document),
        (new_text, new_doc): (&str, &Document),
    ) -> Vec<SectionDrift> {
        let key = (old, source.to_owned());
        if let Some(known) = self.drifts.get(&key) {
            return known.clone();
        }
        let drift = sections::section_drift(old_doc, new_doc, old_text, new_text);
        self.drifts.insert(key, drift.clone());
        drift
    }

    /// Fills in the versions of `ahead`'s comparisons parsed since it was planned (answering questions).
    pub fn complete(&self, ahead: &mut Ahead) {
        let parsed = |version: Option<&Version>| match version {
            Some(Version::Parsed { text, doc }) => Some((text.clone(), doc.clone())),
            _ => None,
        };
        for drift in &mut ahead.drifts {
            if drift.old.is_none() {
                drift.old = parsed(self.known_blob(&drift.key.0));
            }
            if drift.new.is_none() {
                drift.new = parsed(self.known_file(&drift.key.1));
            }
        }
    }

    /// The parsed version of a work-tree file that [`file_as`](Self::file_as) (with its blob id) or
    /// [`file`](Self::file) gives, when it is parsed already.
    pub fn parsed_now(&self, path: &str, id: Option<ObjectId>) -> Option<Rc<Document>> {
        let version = match id.and_then(|id| self.known_blob(&id)) {
            Some(version) => version,
            None => self.known_file(path)?,
        };
        match version {
            Version::Parsed { doc, .. } => Some(doc.clone()),
            _ => None,
        }
    }

    /// Keeps the section drifts found ahead.
    pub fn store_drifts(&mut self, found: Vec<((ObjectId, String), Vec<SectionDrift>)>) {
        for (key, drift) in found {
            if !self.drifts.contains(&key) {
                self.drifts.insert(key, drift);
            }
        }
    }

    /// What one step of the walk back asks: (before, after) for the translation at `commit` and at each parent.
    fn step_asks(
        &mut self,
        translation: &str,
        commit: ObjectId,
    ) -> Result<Vec<(ObjectId, ObjectId, bool)>> {
        let Some(after) = self.entry(commit, translation)? else {
            return Ok(Vec::new());
        };
        let mut asked = Vec::new();
        for parent in self.repo.parents(commit)? {
            if let Some(before) = self.entry(parent, translation)? {
                asked.push((before, after, true));
            }
        }
        Ok(asked)
    }

    /// Makes room for `n` versions read ahead: the older generation of versions kept is dropped if they would not fit.
    pub fn make_room(&mut self, n: usize) {
        self.blobs.make_room(n);
        self.files.make_room(n);
    }

    /// Reads a plan on the machine's cores into the versions kept.
    pub fn prefetch_planned(&mut self, planned: Planned) {
        if planned.wanted.is_empty() {
            return;
        }
        let read = crate::util::parallel::map_with(
            &planned.wanted,
            PARALLEL_MIN_VERSIONS,
            self.readers(),
            |reader, want| planned.read(Some(reader), want),
        );
        self.store_versions(planned, ReadAhead(read));
    }

    /// Which of the versions asked are to be read: each blob and each file once, none already kept.
    pub fn plan_versions(&mut self, asked: Vec<Wanted>) -> Planned {
        // A file wanted for a comparison by one pair is measured for all.
        let mut blobs = std::collections::BTreeSet::new();
        let mut files: std::collections::BTreeMap<String, (Option<ObjectId>, bool)> =
            std::collections::BTreeMap::new();
        for want in asked {
            match want {
                Wanted::Blob(id) if self.known_blob(&id).is_none() => {
                    blobs.insert(id);
                }
                Wanted::File(path, id, compared)
                    if !self.files.contains(&path)
                        && !self.preloaded_files.contains_key(&path)
                        && id.is_none_or(|id| self.known_blob(&id).is_none()) =>
                {
                    let slot = files.entry(path).or_insert((id, false));
                    slot.1 |= compared;
                }
                _ => {}
            }
        }
        let mut wanted: Vec<Wanted> = blobs.into_iter().map(Wanted::Blob).collect();
        wanted.extend(
            files
                .into_iter()
                .map(|(path, (id, compared))| Wanted::File(path, id, compared)),
        );
        wanted.truncate(KEPT_VERSIONS / 2);
        self.make_room(wanted.len());
        Planned {
            wanted,
            site: self.site.clone(),
            workdir: self.repo.workdir().to_path_buf(),
        }
    }

    /// Keeps the versions read for a plan.
    pub fn store_versions(&mut self, planned: Planned, read: ReadAhead) {
        for (want, read) in planned.wanted.into_iter().zip(read.0) {
            let Some(read) = read else {
                continue;
            };
            if matches!(read, Read::Parsed(..) | Read::Unparsable) {
                self.count_parsed(1);
            }
            let version = read.into_version();
            match want {
                Wanted::Blob(id) => {
                    self.blobs.insert(id, version);
                }
                Wanted::File(path, id, _) => {
                    if let Some(id) = id
                        && !matches!(version, Version::Absent)
                    {
                        self.blobs.insert(id, version.clone());
                    }
                    self.files.insert(path, version);
                }
            }
        }
    }

    /// The parsed versions let go since the last call, for another thread to free: freeing a parsed page is
    /// hundreds of small frees, a tenth of the judging thread's time on a cold run. A version still shared (a page
    /// kept for the whole run) is only let go here.
    pub fn retired(&mut self) -> Retired {
        let mut out = Retired::default();
        let versions = self
            .blobs
            .retired
            .drain(..)
            .flat_map(|m| m.into_values())
            .chain(self.files.retired.drain(..).flat_map(|m| m.into_values()));
        for version in versions {
            if let Version::Parsed { text, doc } = version {
                out.texts.extend(Rc::into_inner(text));
                out.docs.extend(Rc::into_inner(doc));
            }
        }
        for text in self.raw.retired.drain(..).flat_map(|m| m.into_values()) {
            out.texts.extend(text.and_then(Rc::into_inner));
        }
        self.drifts.retired.clear();
        out
    }

    /// One of the blob readers of the read-ahead, to read on another thread while this refiner is used; given back
    /// with [`give_back`](Self::give_back).
    pub fn spare_reader(&mut self) -> Option<crate::history::BlobReader> {
        if self.readers().len() < 2 {
            return None;
        }
        self.readers.pop()
    }

    pub fn give_back(&mut self, reader: crate::history::BlobReader) {
        self.readers.push(reader);
    }

    /// Answers, with this refiner's reader, the questions other threads have not taken.
    pub fn help_answer(
        &mut self,
        work: &SameWork,
        next: &std::sync::atomic::AtomicUsize,
    ) -> SameAnswers {
        match self.readers().first_mut() {
            Some(reader) => work.answer_shared(next, reader),
            None => SameAnswers(Vec::new()),
        }
    }

    /// Answers questions on another core while `beside` runs on this thread, which then helps; keeps the answers.
    fn answer_beside<R>(&mut self, work: SameWork, beside: impl FnOnce() -> R) -> R {
        let Some(mut reader) = self.spare_reader() else {
            let done = beside();
            self.answer_same(work);
            return done;
        };
        let next = std::sync::atomic::AtomicUsize::new(0);
        let (there, (done, here)) = crate::util::parallel::beside(
            || work.answer_shared(&next, &mut reader),
            || {
                let done = beside();
                (done, self.help_answer(&work, &next))
            },
        );
        self.give_back(reader);
        // A thread that panicked answered nothing: what it took is asked again in turn.
        self.store_same(work, there.into_iter().chain([here]).collect());
        done
    }

    /// Answers questions on the machine's cores and keeps the answers.
    pub fn answer_same(&mut self, work: SameWork) {
        if work.is_empty() {
            return;
        }
        let answers = crate::util::parallel::map_with(
            &work.items,
            PARALLEL_MIN_VERSIONS,
            self.readers(),
            |reader, item| work.answer(reader, item),
        );
        let answers = SameAnswers(answers.into_iter().enumerate().collect());
        self.store_same(work, vec![answers]);
    }

    /// Reads, with this refiner's reader, the versions of a plan that other threads have not taken.
    pub fn help_read(
        &mut self,
        planned: &Planned,
        next: &std::sync::atomic::AtomicUsize,
        slots: &Slots,
    ) {
        planned.read_shared(next, self.readers().first_mut(), slots)
    }

    /// A blob's text, unparsed; `None` when missing or not UTF-8.
    fn raw_blob(&mut self, id: ObjectId) -> Result<Option<Rc<String>>> {
        if let Some(text) = self.raw.get(&id) {
            return Ok(text.clone());
        }
        if let Some(Version::Parsed { text, .. }) = self.known_blob(&id) {
            return Ok(Some(text.clone()));
        }
        let text = self
            .repo
            .read_blob(id)?
            .and_then(crate::util::chars::utf8_string)
            .map(Rc::new);
        self.raw.insert(id, text.clone());
        Ok(text)
    }

    /// The front-matter values of the file at `path` in `commit` (bookkeeping keys left out), read without parsing
    /// the Markdown; `None` when it is absent there or its front matter cannot be read.
    pub fn front_matter_values_at(
        &mut self,
        commit: ObjectId,
        path: &str,
    ) -> Result<Option<std::collections::BTreeMap<String, String>>> {
        match self.entry(commit, path)? {
            Some(id) => self.front_matter_values_of(id),
            None => Ok(None),
        }
    }

    /// The front-matter values of blob `id` (bookkeeping keys left out); `None` when it cannot be read.
    fn front_matter_values_of(
        &mut self,
        id: ObjectId,
    ) -> Result<Option<std::collections::BTreeMap<String, String>>> {
        let Some(text) = self.raw_blob(id)? else {
            return Ok(None);
        };
        Ok(document::front_matter_values(&text, &self.site).ok())
    }

    /// The front-matter keys `commit` changed in the file at `path`, against its first parent that has the file
    /// (bookkeeping keys left out); none when it was created there or a side cannot be read.
    pub fn keys_changed_by(&mut self, commit: ObjectId, path: &str) -> Result<Vec<String>> {
        let Some(after) = self.entry(commit, path)? else {
            return Ok(Vec::new());
        };
        let mut before = None;
        for parent in self.repo.parents(commit)? {
            before = self.entry(parent, path)?;
            if before.is_some() {
                break;
            }
        }
        let Some(before) = before else {
            return Ok(Vec::new());
        };
        // Found already when the walk back passed the commit over (both versions were at hand).
        if let Some(keys) = self.keys_changed.get(&(before, after)) {
            return Ok(keys.clone());
        }
        match (
            self.front_matter_values_of(after)?,
            self.front_matter_values_of(before)?,
        ) {
            (Some(after), Some(before)) => Ok(keys_changed(&after, &before)),
            _ => Ok(Vec::new()),
        }
    }

    /// The entry of `path` at `commit`.
    pub fn entry(&self, commit: ObjectId, path: &str) -> Result<Option<ObjectId>> {
        Ok(self
            .repo
            .entries_at(commit, &[path.to_owned()])?
            .first()
            .copied()
            .flatten()
            .map(|(_, id)| id))
    }

    pub fn site(&self) -> &SiteContext {
        &self.site
    }

    fn parse(&self, bytes: Vec<u8>) -> Version {
        self.count_parsed(1);
        Read::of(bytes, &self.site).into_version()
    }

    fn count_parsed(&self, n: usize) {
        self.parsed.set(self.parsed.get() + n);
    }

    /// How many page versions this refiner has read and parsed.
    pub fn parsed(&self) -> usize {
        self.parsed.get()
    }

    /// A blob, parsed.
    pub fn blob(&mut self, id: ObjectId) -> Result<Version> {
        if let Some(version) = self.known_blob(&id) {
            return Ok(version.clone());
        }
        let version = match self.repo.read_blob(id)? {
            Some(bytes) => self.parse(bytes),
            None => Version::Missing,
        };
        self.blobs.insert(id, version.clone());
        Ok(version)
    }

    /// A file of the work tree, parsed.
    pub fn file(&mut self, path: &str) -> Version {
        if let Some(version) = self.known_file(path) {
            return version.clone();
        }
        let version = match std::fs::read(self.repo.workdir().join(path)) {
            Ok(bytes) => self.parse(bytes),
            Err(_) => Version::Absent,
        };
        self.files.insert(path.to_owned(), version.clone());
        version
    }

    /// A file of the work tree whose blob id is known (it was hashed when read): parsed once with that blob, so a
    /// version already parsed from history is not parsed again.
    pub fn file_as(&mut self, path: &str, id: ObjectId) -> Version {
        if let Some(version) = self.known_blob(&id) {
            return version.clone();
        }
        let version = self.file(path);
        if !matches!(version, Version::Absent) {
            self.blobs.insert(id, version.clone());
        }
        version
    }

    /// The page at `path` before and after `commit` (its first parent's version and its own), when both parse.
    pub fn around(
        &mut self,
        commit: ObjectId,
        path: &str,
    ) -> Result<Option<(Rc<Document>, Rc<Document>)>> {
        let Some(&parent) = self.repo.parents(commit)?.first() else {
            return Ok(None);
        };
        Ok(match (self.at(parent, path)?, self.at(commit, path)?) {
            (Version::Parsed { doc: before, .. }, Version::Parsed { doc: after, .. }) => {
                Some((before, after))
            }
            _ => None,
        })
    }

    /// The file at `path` in `commit`, parsed.
    pub fn at(&mut self, commit: ObjectId, path: &str) -> Result<Version> {
        match self
            .repo
            .entries_at(commit, &[path.to_owned()])?
            .first()
            .copied()
            .flatten()
        {
            Some((_, id)) => self.blob(id),
            None => Ok(Version::Absent),
        }
    }

    /// Judges a source whose bytes differ between the sync point and now. `changes` lists the commits that changed it
    /// since the sync point, newest first (`None` when unknown, e.g. in a shallow clone).
    /// `translation`, when it lives in the same repository, lets a commit that made the same change to both sides not
    /// count (one commit, both sides).
    ///
    /// Returns the judgement and the source commits it did not count, newest first: every commit of `changes` whose
    /// message carries a directive, and the commits that made the same change to both sides among those read before
    /// the newest meaningful one (the walk stops there: a stale page may have older ones, a page current because of
    /// them lists them all). None when the verdict did not look at the commits (only formatting changed, a version is
    /// missing or does not parse).
    pub fn judge_stale(
        &mut self,
        source: &str,
        source_then: &str,
        between: &[String],
        sync: ObjectId,
        changes: Option<&[ObjectId]>,
        translation: Option<&str>,
    ) -> Result<(Judgement, Vec<SkippedSource>)> {
        let old_id = self.entry(sync, source_then)?;
        let old = match old_id {
            Some(id) => self.blob(id)?,
            None => Version::Absent,
        };
        let new = self.file(source);
        let (old_doc, new_doc, old_text, new_text) = match (&old, &new) {
            (Version::Missing, _) | (_, Version::Missing) => {
                return Ok((Judgement::MissingBlob, Vec::new()));
            }
            (Version::Parsed { text: a, doc: da }, Version::Parsed { text: b, doc: db }) => {
                (da.clone(), db.clone(), a.clone(), b.clone())
            }
            (Version::Absent, Version::Parsed { text, doc }) => {
                // The source did not exist at the sync point: everything is new, unless every commit that brought it
                // carries a directive.
                let commits = changes.unwrap_or_default();
                let subjects = self.directive_subjects(commits, source)?;
                let skipped = uncounted(commits, &subjects, &[]);
                if !commits.is_empty() && subjects.iter().all(Option::is_some) {
                    return Ok((Judgement::SkipDirective, skipped));
                }
                let empty = Rc::new(String::new());
                let old_doc = Rc::new(document::parse("", &self.site).expect("empty page parses"));
                let drift = sections::section_drift(&old_doc, doc, &empty, text);
                return Ok((
                    Judgement::Stale {
                        drift,
                        old: old_doc,
                        new: doc.clone(),
                    },
                    skipped,
                ));
            }
            _ => return Ok((Judgement::StaleUnparsed, Vec::new())),
        };
        if sections::same_meaning(&old_doc, &new_doc) {
            return Ok((Judgement::CosmeticOnly, Vec::new()));
        }
        let mut skipped = Vec::new();
        if let Some(commits) = changes {
            // The names a commit from before a rename has the page under, newest first.
            let former: Vec<&str> = between
                .iter()
                .map(String::as_str)
                .chain([source_then])
                .collect();
            let subjects = self.directive_subjects(commits, source)?;
            let mut meaningful = false;
            let mut mirrored = Vec::new();
            for (&commit, directive) in commits.iter().zip(&subjects) {
                if directive.is_some() {
                    continue;
                }
                let parents = self.repo.parents(commit)?;
                if self.changes_meaning(commit, &parents, source, false, &former)? {
                    if let Some(translation) = translation
                        && self.mirrored(commit, &parents, source, translation)?
                    {
                        let info = self.repo.commit_info(commit)?;
                        mirrored.push((commit, subject(&info.message)));
                        continue;
                    }
                    meaningful = true;
                    break;
                }
            }
            skipped = uncounted(commits, &subjects, &mirrored);
            if !meaningful && subjects.iter().any(Option::is_some) {
                return Ok((Judgement::SkipDirective, skipped));
            }
            if !meaningful && !mirrored.is_empty() {
                return Ok((Judgement::Mirrored, skipped));
            }
        }
        // Translations into several languages often share their sync point's version of the source: its sections
        // are compared once.
        let drift = self.section_drift(
            old_id.expect("parsed from a blob"),
            source,
            (&old_text, &old_doc),
            (&new_text, &new_doc),
        );
        Ok((
            Judgement::Stale {
                drift,
                old: old_doc,
                new: new_doc,
            },
            skipped,
        ))
    }

    /// For each commit: its subject when its message carries a directive that passes it over for the page at
    /// `path` (a keyword of `history.skip_commits_matching`, or a Lunaria tracker directive naming the page).
    pub(crate) fn directive_subjects(
        &mut self,
        commits: &[ObjectId],
        path: &str,
    ) -> Result<Vec<Option<String>>> {
        let mut out = Vec::with_capacity(commits.len());
        for &commit in commits {
            let directive = match self.directives.get(&commit) {
                Some(known) => known.clone(),
                None => {
                    // Matched when the history was loaded: most commits are not read again.
                    let read = if self.repo.matches_none(commit, &self.skip_commits.told) {
                        None
                    } else {
                        let info = self.repo.commit_info(commit)?;
                        Some(Rc::new(CommitDirective::read(
                            &info.message,
                            self.skip_commits,
                        )))
                    };
                    // Small facts, asked for each language's page: kept longer than parsed versions.
                    if self.directives.len() >= KEPT_COMMIT_FACTS {
                        self.directives.clear();
                    }
                    self.directives.insert(commit, read.clone());
                    read
                }
            };
            out.push(
                directive
                    .filter(|d| d.passes_over(path))
                    .map(|d| d.subject.clone()),
            );
        }
        Ok(out)
    }

    /// Whether `commit` changed only the source's front matter, and made each of those changes to the translation
    /// too (the same key set to the same value): one commit, both sides. Merges are never mirrored.
    fn mirrored(
        &mut self,
        commit: ObjectId,
        parents: &[ObjectId],
        source: &str,
        translation: &str,
    ) -> Result<bool> {
        let [parent] = parents else {
            return Ok(false);
        };
        // Most commits do not touch the translation: the change index, else tree lookups, answer before any blob
        // is read.
        if self.repo.keeps_from_first_parent(commit, translation) == Some(true) {
            return Ok(false);
        }
        let tr_after = self.entry(commit, translation)?;
        if tr_after.is_none() || self.entry(*parent, translation)? == tr_after {
            return Ok(false);
        }
        let text = |this: &mut Self, at: ObjectId, path: &str| -> Result<Option<Rc<String>>> {
            match this.entry(at, path)? {
                Some(id) => this.raw_blob(id),
                None => Ok(None),
            }
        };
        let (Some(source_before), Some(source_after), Some(tr_before), Some(tr_after)) = (
            text(self, *parent, source)?,
            text(self, commit, source)?,
            text(self, *parent, translation)?,
            text(self, commit, translation)?,
        ) else {
            return Ok(false);
        };
        let body = |text: &str| {
            frontmatter::split(text)
                .ok()
                .map(|split| text[split.body..].to_owned())
        };
        if body(&source_before).is_none() || body(&source_before) != body(&source_after) {
            return Ok(false);
        }
        // Only the front matters are compared: the bodies are not parsed.
        let values = |text: &str| document::front_matter_values(text, &self.site).ok();
        let (Some(sb), Some(sa), Some(tb), Some(ta)) = (
            values(&source_before),
            values(&source_after),
            values(&tr_before),
            values(&tr_after),
        ) else {
            return Ok(false);
        };
        let source_keys = crate::drift::front_matter::value_changes(&sb, &sa);
        let translation_keys = crate::drift::front_matter::value_changes(&tb, &ta);
        Ok(!source_keys.is_empty()
            && source_keys.iter().all(|s| {
                translation_keys
                    .iter()
                    .any(|t| t.key.eq_ignore_ascii_case(&s.key) && t.new == s.new)
            }))
    }

    /// Whether `commit` changed the meaning of `path` compared with every one of its parents (for a translation: the
    /// translation itself, bookkeeping keys aside).
    /// `former` are the page's earlier names, newest first, looked up in a commit or parent that lacks `path` (a
    /// rename).
    fn changes_meaning(
        &mut self,
        commit: ObjectId,
        parents: &[ObjectId],
        path: &str,
        translation: bool,
        former: &[&str],
    ) -> Result<bool> {
        // A commit from before a rename has the page under a former name.
        let Some(after_id) = self.entry_by_any(commit, path, former)? else {
            // Absent: count it as a change (the byte verdict stands).
            return Ok(true);
        };
        for &parent in parents {
            let Some(before_id) = self.entry_by_any(parent, path, former)? else {
                continue;
            };
            if before_id == after_id || self.same_version(before_id, after_id, translation)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The page's blob at `commit` under `path`, else under the first of its `former` names it has there.
    fn entry_by_any(
        &mut self,
        commit: ObjectId,
        path: &str,
        former: &[&str],
    ) -> Result<Option<ObjectId>> {
        if let Some(id) = self.entry(commit, path)? {
            return Ok(Some(id));
        }
        for name in former.iter().filter(|name| **name != path) {
            if let Some(id) = self.entry(commit, name)? {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Whether two versions of a translation say the same (formatting and bookkeeping keys set aside): what a
    /// translation commit must change to count as translating.
    pub fn same_translation(&mut self, a: ObjectId, b: ObjectId) -> Result<bool> {
        Ok(a == b || self.same_version(a, b, true)?)
    }

    /// Whether two versions of a page mean the same. Versions whose bodies are the same bytes differ only in front
    /// matter, which is compared without parsing the Markdown.
    fn same_version(&mut self, a: ObjectId, b: ObjectId, translation: bool) -> Result<bool> {
        if let Some(&known) = self.same.get(&(a, b, translation)) {
            return Ok(known);
        }
        let (Some(text_a), Some(text_b)) = (self.raw_blob(a)?, self.raw_blob(b)?) else {
            return Ok(false);
        };
        if let Some(same) = same_front_matter(&text_a, &text_b, &self.site, translation) {
            return Ok(same);
        }
        let (Some(fa), Some(fb)) = (self.meaning(a)?, self.meaning(b)?) else {
            return Ok(false);
        };
        Ok(same_meaning(fa, fb, translation))
    }

    /// The fingerprints of a blob's meaning (as a source, as a translation), computed once per blob.
    fn meaning(&mut self, id: ObjectId) -> Result<Option<(u64, u64)>> {
        if let Some(known) = self.meanings.get(&id) {
            return Ok(*known);
        }
        let known = match self.blob(id)? {
            Version::Parsed { doc, .. } => Some(sections::meaning_fingerprints(&doc)),
            _ => None,
        };
        self.meanings.insert(id, known);
        Ok(known)
    }

    /// The history-mode sync point, masked drift removed: starting from the last commit that touched the translation,
    /// commits that left its meaning unchanged (reformatting, bookkeeping keys such as pins or drift markers) and
    /// commits marked with a directive are passed over. Returns the commit and the commits passed over, newest first.
    ///
    /// A commit that moved the translation (`git mv`, a folder reorganised: the same bytes under a new name) changed
    /// nothing it says: the walk passes it over and goes on under the name before (a page stale before the move read
    /// current after it).
    pub fn meaningful_sync(
        &mut self,
        translation: &str,
        last: ObjectId,
    ) -> Result<(ObjectId, Vec<ObjectId>)> {
        let mut commit = last;
        let mut name = translation.to_owned();
        let mut passed = Vec::new();
        while passed.len() < MAX_SKIPPED_COMMITS {
            match self.sync_step(&name, commit)? {
                Some((previous, before)) => {
                    passed.push(commit);
                    commit = previous;
                    name = before;
                }
                None => return Ok((commit, passed)),
            }
        }
        Ok((commit, passed))
    }

    /// One step of the walk back: `None` when `commit` is the sync point (it changed the translation's meaning, or
    /// nothing is before it), else the translation's commit before it, and its name there.
    fn sync_step(
        &mut self,
        translation: &str,
        commit: ObjectId,
    ) -> Result<Option<(ObjectId, String)>> {
        // Moved there by this commit, its bytes kept: the walk goes on under the old name.
        let parents = self.repo.parents(commit)?;
        if let Some(&parent) = parents.first()
            && self.entry(parent, translation)?.is_none()
            && let Some(old) = self.repo.moved_from(commit, translation)?
        {
            return Ok(self
                .previous_of(&old, commit)?
                .map(|previous| (previous, old)));
        }
        if !self.steps_back(translation, commit)? {
            return Ok(None);
        }
        Ok(self
            .previous_of(translation, commit)?
            .map(|previous| (previous, translation.to_owned())))
    }

    /// The translation's commit before `commit` (`git log -1 <commit>^ -- <translation>`), found once.
    fn previous_of(&mut self, translation: &str, commit: ObjectId) -> Result<Option<ObjectId>> {
        let key = (commit, translation.to_owned());
        if let Some(known) = self
            .previous
            .get(&key)
            .or_else(|| self.previous_ahead.get(&key))
        {
            return Ok(*known);
        }
        let previous = self.repo.previous_touch(commit, translation)?;
        self.previous.insert(key, previous);
        Ok(previous)
    }

    /// Whether the walk back of `translation` goes on past `commit`: a commit with a parent that did not change its
    /// meaning, or whose message carries a directive (`[i18nIgnore]`: a change made to every language at once, not
    /// a translation; the directive is for both sides of the commit, as Lunaria reads it).
    fn steps_back(&mut self, translation: &str, commit: ObjectId) -> Result<bool> {
        let parents = self.repo.parents(commit)?;
        if parents.is_empty() {
            return Ok(false);
        }
        if self.has_directive(commit, translation)? {
            return Ok(true);
        }
        Ok(!self.changes_meaning(commit, &parents, translation, true, &[])?)
    }

    /// Whether `commit`'s message carries a directive that passes it over for the page at `path`.
    pub fn has_directive(&mut self, commit: ObjectId, path: &str) -> Result<bool> {
        Ok(self.directive_subjects(&[commit], path)?[0].is_some())
    }

    /// Finds, in one walk of the history, each (commit, translation)'s commit before (as [`sync_step`](Self::sync_step)
    /// asks), and keeps the answers for it.
    fn prefetch_previous(&mut self, mut asked: Vec<(ObjectId, String)>) -> Result<()> {
        asked.retain(|key| {
            !self.previous.contains_key(key) && !self.previous_ahead.contains_key(key)
        });
        let found = self.previous_touches(asked)?;
        self.previous.extend(found);
        Ok(())
    }

    /// Finds, in one walk of the history, the commit before each (last commit, translation) of the next groups of
    /// pairs to be judged, whether or not their walks back will step past it: one walk per group went down the same
    /// stretch of history again for each group (on the harness's 100,000-commit corpus, a sixth of the judging).
    /// Replaces the batch found before.
    pub fn prefetch_previous_ahead(&mut self, mut asked: Vec<(ObjectId, String)>) -> Result<()> {
        self.previous_ahead.clear();
        asked.retain(|key| !self.previous.contains_key(key));
        let found = self.previous_touches(asked)?;
        self.previous_ahead.extend(found);
        Ok(())
    }

    /// Each (commit, translation) of `asked` (once) with its commit before, found in one walk of the history.
    fn previous_touches(&self, mut asked: Vec<(ObjectId, String)>) -> Result<Before> {
        asked.sort_unstable();
        asked.dedup();
        if asked.is_empty() {
            return Ok(Before::new());
        }
        let found = self.repo.previous_touches(&asked)?;
        Ok(asked.into_iter().zip(found).collect())
    }

    /// Structure signals of the current source and translation; `None` when either cannot be parsed.
    pub fn structure(
        &mut self,
        source: &str,
        translation: &str,
    ) -> Option<(Structure, Rc<Document>, Rc<Document>)> {
        let translation = self.file(translation);
        self.structure_with(source, translation)
    }

    /// Like [`structure`](Self::structure), with the translation read elsewhere (another repository's work tree).
    pub fn structure_with(
        &mut self,
        source: &str,
        translation: Version,
    ) -> Option<(Structure, Rc<Document>, Rc<Document>)> {
        let (Version::Parsed { doc: s, .. }, Version::Parsed { doc: t, .. }) =
            (self.file(source), translation)
        else {
            return None;
        };
        Some((structure::compare(&s, &t), s, t))
    }
}

/// Why a commit was passed over: a source commit since the sync point not counted, or a translation commit not taken
/// as the sync point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipWhy {
    /// Its message matched `history.skip_commits_matching` (`[skip-l10n]`); either side.
    Directive,
    /// It made the same front-matter change to the translation (one commit, both sides); source side.
    Mirrored,
    /// It left the translation's meaning unchanged (reformatting, bookkeeping keys); translation side.
    Bookkeeping,
}

impl SkipWhy {
    pub const ALL: [SkipWhy; 3] = [SkipWhy::Directive, SkipWhy::Mirrored, SkipWhy::Bookkeeping];

    pub fn as_str(self) -> &'static str {
        match self {
            SkipWhy::Directive => "directive",
            SkipWhy::Mirrored => "mirrored",
            SkipWhy::Bookkeeping => "bookkeeping",
        }
    }
}

/// A source commit since the sync point that the judgement did not count (kept in the verdict cache).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedSource {
    /// Full 40-hex commit id.
    pub commit: String,
    /// The first line of its message.
    pub subject: String,
    pub why: SkipWhy,
}

impl SkippedSource {
    /// As the report names it: `side: source`.
    pub fn to_report(&self) -> crate::report::SkippedCommit {
        crate::report::SkippedCommit {
            commit: self.commit.clone(),
            subject: self.subject.clone(),
            side: "source",
            why: self.why.as_str(),
            keys: Vec::new(),
            follows_source: false,
            directive: None,
        }
    }
}

/// A commit message's subject: its first line.
pub(crate) fn subject(message: &str) -> String {
    message.lines().next().unwrap_or("").to_owned()
}

/// The commits not counted, in the order of `commits` (newest first): those with a directive (`directives[i]` holds
/// the subject) and those found mirrored.
fn uncounted(
    commits: &[ObjectId],
    directives: &[Option<String>],
    mirrored: &[(ObjectId, String)],
) -> Vec<SkippedSource> {
    commits
        .iter()
        .zip(directives)
        .filter_map(|(commit, directive)| {
            let (subject, why) = match directive {
                Some(subject) => (subject.clone(), SkipWhy::Directive),
                None => (
                    mirrored.iter().find(|(c, _)| c == commit)?.1.clone(),
                    SkipWhy::Mirrored,
                ),
            };
            Some(SkippedSource {
                commit: commit.to_string(),
                subject,
                why,
            })
        })
        .collect()
}

/// The highest severity among the changes that ask for work.
pub fn max_severity(drift: &[SectionDrift]) -> Severity {
    drift
        .iter()
        .filter(|d| d.change.needs_work())
        .map(|d| d.severity)
        .max()
        .unwrap_or(Severity::None)
}
