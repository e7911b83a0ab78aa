//! Report values (serialisable: JSON is the value itself) and their renderers.

pub mod check;
pub mod compare;
pub mod diff;
pub mod html;
pub mod markdown;
pub mod pair;
pub mod tasks;
pub mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::drift::front_matter::KeyChange;
use crate::drift::sections::{Change, Severity};
use crate::drift::structure::SectionRef;
use crate::drift::{Reason, State};
use crate::forge::Forge;
use crate::i18n::Message;
use crate::pairing::PairedBy;
use crate::util::shell::quote;

/// The version of the `status --format json` document. Renaming or removing a field bumps it.
pub const STATUS_JSON_VERSION: u32 = 1;

/// The count columns of the tables of languages and of site sections, after their first column, as every report heads
/// them.
pub const COUNT_COLUMNS: [&str; 6] = [
    "status-col-translated",
    "status-col-current",
    "status-col-stale",
    "status-col-missing",
    "status-col-orphaned",
    "status-col-unknown",
];

/// How a sync point was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SyncMethod {
    /// Recorded in the translation's front matter.
    Pin,
    /// The last commit that touched the translation (the weaker method).
    History,
}

/// The source commit a translation is known to match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncPoint {
    pub method: SyncMethod,
    /// Full 40-hex commit id.
    pub commit: String,
    /// History method: translation commits passed over because they changed nothing meaningful (reformatting,
    /// bookkeeping keys). Always 0 for pins and under `--strict`.
    pub skipped_commits: usize,
    /// The commits passed over, named: each with its subject, the side it was on and why. Absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedCommit>,
    /// Sources in a repository of their own, history method: the translation's last commit (full 40-hex id, in the
    /// translations' repository), whose date chose `commit`, the sources' commit of that moment. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_commit: Option<String>,
    /// Author time (seconds since the epoch), the date `git log` shows, for people; not in JSON.
    #[serde(skip)]
    pub time: Option<i64>,
}

/// A commit passed over in finding a sync point or judging drift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedCommit {
    /// Full 40-hex commit id.
    pub commit: String,
    /// The first line of its message.
    pub subject: String,
    /// `translation`: a translation commit that changed nothing meaningful.
    pub side: &'static str,
    /// `bookkeeping`: it only reformatted the page or touched bookkeeping keys (pins, tags, weights).
    pub why: &'static str,
    /// A translation commit passed over for bookkeeping: the front-matter keys it changed (keys the walk back does
    /// not count: in no translated list; bookkeeping keys such as pins left out). Empty when it changed none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
    /// It set some of those keys to follow the source: they are marked `in_translation` in the changed front matter.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub follows_source: bool,
    /// Passed over for a directive in its message (`why: directive`): the text a keyword matched (`[i18nIgnore]`,
    /// `typo`), or a tracker directive's name (`@lunaria-ignore`); absent for the other whys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directive: Option<String>,
}

/// One (source, language) pair and its verdict.
#[derive(Debug, Clone)]
pub struct PageStatus {
    pub language: String,
    pub source: String,
    pub translation: String,
    pub state: State,
    pub reason: Reason,
    pub sync: Option<SyncPoint>,
    pub commits_behind: Option<u32>,
    pub paired_by: PairedBy,
    /// How much the differences matter: section changes since the sync point and structure signals.
    pub severity: Severity,
    /// For stale pages: the source sections that changed meaningfully since the sync point (the front matter as a
    /// section of its own).
    pub changed_sections: Vec<ChangedSection>,
    /// For a stale page no changed section explains (stale for `structure`): the structure signals, what differs
    /// between the source and the translation now.
    pub signals: Vec<crate::drift::structure::Signal>,
    /// The site section (first two folders below the language root); not in JSON.
    pub section: String,
    /// What few pages have ([`PageExtras`]), boxed: the report holds every page of a site at once, and they
    /// took 112 of a page's 352 bytes (248 now).
    pub extras: Option<Box<PageExtras>>,
}

/// The parts of a [`PageStatus`] that few pages have: renames, and what was read where the reason needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageExtras {
    /// The source's path now, when the source was renamed since the translation was made.
    pub renamed_to: Option<String>,
    /// The source's name before that rename: the path the layout names, or the name at the sync point.
    pub renamed_from: Option<String>,
    /// Where `git mv` would put the translation so that it pairs by path with the renamed source.
    pub move_to: Option<String>,
    /// What was read where the reason needs it (the pin as written), for people; not in JSON.
    pub detail: Option<String>,
    /// The line of the pin in the translation; not in JSON.
    pub detail_line: Option<usize>,
    /// For an orphan whose source was deleted: the commit that deleted it.
    pub source_deleted: Option<DeletedIn>,
}

/// The commit that deleted a page (`git log -1 -- <page>` once the page is gone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedIn {
    /// Full 40-hex commit id.
    pub commit: String,
    /// Author time (seconds since the epoch), the date `git log` shows.
    pub time: i64,
    /// The first line of its message.
    pub subject: String,
}

impl Serialize for DeletedIn {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            commit: &'a str,
            date: String,
            subject: &'a str,
        }
        Json {
            commit: &self.commit,
            date: text::date(self.time),
            subject: &self.subject,
        }
        .serialize(serializer)
    }
}

impl PageExtras {
    /// Boxed, or `None` when there is nothing in it.
    pub fn boxed(self) -> Option<Box<PageExtras>> {
        (self != PageExtras::default()).then(|| Box::new(self))
    }
}

impl PageStatus {
    fn extra<T>(&self, field: impl FnOnce(&PageExtras) -> Option<&T>) -> Option<&T> {
        self.extras.as_deref().and_then(field)
    }

    /// The source's path now, when the source was renamed since the translation was made.
    pub fn renamed_to(&self) -> Option<&String> {
        self.extra(|e| e.renamed_to.as_ref())
    }

    /// For an orphan whose source was deleted: the commit that deleted it.
    pub fn source_deleted(&self) -> Option<&DeletedIn> {
        self.extra(|e| e.source_deleted.as_ref())
    }

    /// Names the commit that deleted this orphan's source.
    pub fn set_source_deleted(&mut self, deleted: DeletedIn) {
        let mut extras = self.extras.take().map(|e| *e).unwrap_or_default();
        extras.source_deleted = Some(deleted);
        self.extras = extras.boxed();
    }

    /// Names the page this orphan's deleted source became (`renamed_to`) and where `git mv` puts the translation.
    pub fn set_renamed(&mut self, now: String, move_to: String) {
        let mut extras = self.extras.take().map(|e| *e).unwrap_or_default();
        extras.renamed_to = Some(now);
        extras.move_to = Some(move_to);
        self.extras = extras.boxed();
    }

    /// The source's name before that rename.
    pub fn renamed_from(&self) -> Option<&String> {
        self.extra(|e| e.renamed_from.as_ref())
    }

    /// Where `git mv` would put the translation so that it pairs by path with the renamed source.
    pub fn move_to(&self) -> Option<&String> {
        self.extra(|e| e.move_to.as_ref())
    }

    /// What was read where the reason needs it (the pin as written).
    pub fn detail(&self) -> Option<&String> {
        self.extra(|e| e.detail.as_ref())
    }

    /// The line of the pin in the translation.
    pub fn detail_line(&self) -> Option<usize> {
        self.extra(|e| e.detail_line.as_ref()).copied()
    }
}

/// A page in JSON: its fields in the order documented in docs/json.md (the extras in their places).
impl Serialize for PageStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            language: &'a str,
            source: &'a str,
            translation: &'a str,
            state: &'a State,
            reason: &'a Reason,
            sync: &'a Option<SyncPoint>,
            commits_behind: &'a Option<u32>,
            paired_by: &'a PairedBy,
            renamed_to: Option<&'a String>,
            severity: &'a Severity,
            changed_sections: &'a [ChangedSection],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            signals: &'a [crate::drift::structure::Signal],
            renamed_from: Option<&'a String>,
            move_to: Option<&'a String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            source_deleted: Option<&'a DeletedIn>,
        }
        Json {
            language: &self.language,
            source: &self.source,
            translation: &self.translation,
            state: &self.state,
            reason: &self.reason,
            sync: &self.sync,
            commits_behind: &self.commits_behind,
            paired_by: &self.paired_by,
            renamed_to: self.renamed_to(),
            severity: &self.severity,
            changed_sections: &self.changed_sections,
            signals: &self.signals,
            renamed_from: self.renamed_from(),
            move_to: self.move_to(),
            source_deleted: self.source_deleted(),
        }
        .serialize(serializer)
    }
}

/// A source section that changed since the sync point, and its counterpart in the translation. The front matter is
/// a section of its own (`kind: front-matter`), listing its changed keys.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ChangedSection {
    #[serde(default)]
    pub kind: SectionKind,
    pub change: Change,
    pub severity: Severity,
    /// The section in the current source; for a removed section, as it was at the sync point. For the front matter:
    /// id `front-matter`, no heading, line 1.
    pub source: SectionRef,
    /// The matching section of the translation, if it has one.
    pub translation: Option<SectionRef>,
    /// Front matter: each key that changed, its value before and after.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<KeyChange>,
    /// A modified section whose change is already in the translation's matching section: only link or image targets
    /// changed, and the translation has the new ones (nothing left to translate in it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_translation: bool,
}

/// What a changed section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    #[default]
    Body,
    FrontMatter,
}

impl ChangedSection {
    /// The front matter as a changed section: `keys` changed between the sync point and now.
    pub fn front_matter(keys: Vec<KeyChange>, severity: Severity) -> ChangedSection {
        let at_top = SectionRef {
            id: "front-matter".into(),
            heading: String::new(),
            line: 1,
        };
        ChangedSection {
            kind: SectionKind::FrontMatter,
            change: Change::Modified,
            severity,
            source: at_top.clone(),
            translation: Some(at_top),
            keys,
            in_translation: false,
        }
    }
}

/// Counts of pages per state. `total` counts source pages; `completeness` = translated ÷ total.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub current: usize,
    pub stale: usize,
    pub missing: usize,
    pub orphaned: usize,
    pub unknown: usize,
    pub completeness: f64,
}

impl Counts {
    fn add(&mut self, state: State) {
        match state {
            State::Current => self.current += 1,
            State::Stale => self.stale += 1,
            State::Missing => self.missing += 1,
            State::Orphaned => self.orphaned += 1,
            State::Unknown => self.unknown += 1,
        }
        if state != State::Orphaned {
            self.total += 1;
        }
    }

    fn finish(&mut self) {
        // A language with nothing to translate is complete.
        self.completeness = if self.total == 0 {
            1.0
        } else {
            (self.total - self.missing) as f64 / self.total as f64
        };
    }

    /// Source pages that have a translation, in any state but missing.
    pub fn translated(&self) -> usize {
        self.total - self.missing
    }

    pub fn get(&self, state: State) -> usize {
        match state {
            State::Current => self.current,
            State::Stale => self.stale,
            State::Missing => self.missing,
            State::Orphaned => self.orphaned,
            State::Unknown => self.unknown,
        }
    }
}

/// Counts for one language, and per site section.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LanguageSummary {
    #[serde(flatten)]
    pub counts: Counts,
    pub sections: BTreeMap<String, Counts>,
}

/// A problem with one file, shown on stderr; the page it concerns is `unknown`.
#[derive(Debug, Clone)]
pub struct Warning {
    pub file: String,
    pub line: Option<usize>,
    pub message: Message,
}

/// `tandem status`: every pair and its verdict, and the counts.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub version: u32,
    pub head: String,
    pub source_language: String,
    pub pages: Vec<PageStatus>,
    pub summary: BTreeMap<String, LanguageSummary>,
    /// The forge of the repository holding the translations (its `origin` remote), when it is a known one.
    pub forge: Option<Forge>,
    /// Where links to source pages point: the source repository's forge and HEAD (the translations' own when the
    /// sources live in the same repository). For the HTML view only.
    #[serde(skip)]
    pub source_forge: Option<(Forge, String)>,
    /// Target languages in the order to show them.
    #[serde(skip)]
    pub languages: Vec<String>,
    #[serde(skip)]
    pub warnings: Vec<Warning>,
    /// Whether `--strict` (byte semantics only) was asked for.
    #[serde(skip)]
    pub strict: bool,
    /// Page versions read and parsed to reach the verdicts (`-v`; none when the refine cache knew them all).
    #[serde(skip)]
    pub versions_parsed: usize,
    /// When HEAD was committed (seconds since the epoch): the dashboard says how recent its picture is.
    #[serde(skip)]
    pub head_time: Option<i64>,
    /// Per language, the names of its pages where they differ from their sources' (`diff` and `tasks` read links
    /// through them as the verdicts did).
    #[serde(skip)]
    pub link_twins: std::collections::HashMap<String, crate::drift::blocks::LinkTwins>,
}

/// A hash as people read it: the first 7 hex digits.
pub fn abbrev(value: &str) -> String {
    if value.len() > 7 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
        value[..7].to_owned()
    } else {
        value.to_owned()
    }
}

/// A language tag as sites write it, in the case BCP 47 recommends: `pt-BR`, `zh-Hans`, `fr-CA`, `es-419` (tandem
/// keeps tags lowercase to compare them, as `pt-br`). The language is lowercase, a script (four letters) capitalised,
/// a region (two letters) uppercase; after a one-letter subtag (an extension, `x-` private use) all stays lowercase.
/// A key that is not a tag (with `_`, or a name) is shown as it is.
pub(crate) fn display_tag(tag: &str) -> String {
    if !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return tag.to_owned();
    }
    let mut out = String::with_capacity(tag.len());
    let mut extension = false;
    for (i, subtag) in tag.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        let letters = subtag.chars().all(|c| c.is_ascii_alphabetic());
        extension |= subtag.len() == 1;
        if i == 0 || extension || !letters {
            out.push_str(&subtag.to_ascii_lowercase());
        } else if subtag.len() == 2 {
            out.push_str(&subtag.to_ascii_uppercase());
        } else if subtag.len() == 4 {
            out.push_str(&subtag[..1].to_ascii_uppercase());
            out.push_str(&subtag[1..].to_ascii_lowercase());
        } else {
            out.push_str(&subtag.to_ascii_lowercase());
        }
    }
    out
}

/// Whether some orphans (of `lang`, or of any language) may be translations of missing pages under another name: an
/// orphan with no rename to follow, in a language with missing pages. `pair --suggest` proposes such pairs.
pub(crate) fn orphans_may_be_missing_pages(report: &StatusReport, lang: Option<&str>) -> bool {
    report
        .languages
        .iter()
        .filter(|l| lang.is_none_or(|one| one == l.as_str()))
        .any(|l| {
            let of_lang = || report.pages.iter().filter(move |p| &p.language == l);
            of_lang().any(|p| p.state == State::Orphaned && p.move_to().is_none())
                && of_lang().any(|p| p.state == State::Missing)
        })
}

/// The translations paired with their source's new name, among `pages`, each with where a `git mv` puts it to keep it
/// paired by path (orphans, whose source is gone, are listed with the orphans).
pub(crate) fn renamed_pages<'a>(
    pages: impl IntoIterator<Item = &'a PageStatus>,
) -> Vec<(&'a PageStatus, &'a String)> {
    pages
        .into_iter()
        .filter(|p| p.state != State::Orphaned)
        .filter_map(|p| p.move_to().map(|to| (p, to)))
        .collect()
}

/// The command to run next on a stale page, as the terminal report suggests it: its diff, or copying its mirrored
/// values when they are all that changed (nothing to translate). The path is quoted when a shell would split it.
pub(crate) fn next_command(page: &PageStatus) -> String {
    let command = if page.reason == crate::drift::Reason::MirroredOnly {
        "tandem sync --mirrored"
    } else {
        "tandem diff"
    };
    format!("{command} {}", quote(&page.translation))
}

/// The `git mv` that moves a translation to where it pairs by path with its renamed source.
/// The commit that deleted an orphan's source, for people: `230862e (2026-01-30) “docs: remove the FAQ”`.
pub(crate) fn deleted_in(deleted: &DeletedIn, m: &crate::i18n::Messages) -> String {
    let short = deleted.commit.get(..7).unwrap_or(&deleted.commit);
    let subject =
        m.render(&crate::i18n::Message::new("quoted-subject").arg("subject", &deleted.subject));
    format!("{short} ({}) {subject}", text::date(deleted.time))
}

/// The `git rm` that removes an orphan whose source was deleted.
pub(crate) fn remove_command(page: &PageStatus) -> String {
    format!("git rm {}", quote(&page.translation))
}

pub(crate) fn move_command(page: &PageStatus, to: &str) -> String {
    format!("git mv {} {}", quote(&page.translation), quote(to))
}

/// Puts each page bundle's page in the section of the folder that holds the bundle: a section of one source page,
/// `index.*` in the folder that names the section (Hugo's leaf bundles, `posts/<slug>/index.md`; Docusaurus's and
/// Zola's posts kept in folders), is its parent's (`posts`, or `/`). A blog of 25 such posts had 25 rows of one page
/// each in its summary.
fn fold_bundles(pages: &mut [PageStatus]) {
    use std::collections::{BTreeSet, HashMap};
    let mut sources: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for page in pages.iter() {
        sources
            .entry(page.section.as_str())
            .or_default()
            .insert(page.source.as_str());
    }
    let folded: HashMap<String, String> = sources
        .into_iter()
        .filter_map(|(section, sources)| {
            let (parent, folder) = section.rsplit_once('/').unwrap_or(("/", section));
            let [source] = sources.into_iter().collect::<Vec<_>>()[..] else {
                return None;
            };
            let (folders, name) = source.rsplit_once('/')?;
            let stem = name.split('.').next().unwrap_or_default();
            let bundle = stem == "index" && folders.rsplit('/').next() == Some(folder);
            (bundle && section != "/").then(|| (section.to_owned(), parent.to_owned()))
        })
        .collect();
    if folded.is_empty() {
        return;
    }
    for page in pages.iter_mut() {
        if let Some(parent) = folded.get(&page.section) {
            page.section = parent.clone();
        }
    }
}

impl StatusReport {
    pub fn new(
        head: String,
        source_language: String,
        languages: Vec<String>,
        mut pages: Vec<PageStatus>,
        warnings: Vec<Warning>,
        strict: bool,
    ) -> StatusReport {
        // In place: no two pages share a language, a source and a translation, so the order is the stable sort's.
        pages.sort_unstable_by(|a, b| {
            (&a.language, &a.source, &a.translation).cmp(&(&b.language, &b.source, &b.translation))
        });
        fold_bundles(&mut pages);
        let mut summary: BTreeMap<String, LanguageSummary> = languages
            .iter()
            .map(|lang| (lang.clone(), LanguageSummary::default()))
            .collect();
        for page in &pages {
            let entry = summary.entry(page.language.clone()).or_default();
            entry.counts.add(page.state);
            entry
                .sections
                .entry(page.section.clone())
                .or_default()
                .add(page.state);
        }
        for entry in summary.values_mut() {
            entry.counts.finish();
            entry.sections.values_mut().for_each(Counts::finish);
        }
        StatusReport {
            version: STATUS_JSON_VERSION,
            head,
            source_language,
            pages,
            summary,
            forge: None,
            source_forge: None,
            languages,
            warnings,
            strict,
            versions_parsed: 0,
            head_time: None,
            link_twins: std::collections::HashMap::new(),
        }
    }

    /// The names of `language`'s pages where they differ from their sources', as the verdicts read links.
    pub fn link_twins(&self, language: &str) -> &crate::drift::blocks::LinkTwins {
        self.link_twins
            .get(language)
            .unwrap_or_else(|| crate::drift::blocks::LinkTwins::none())
    }

    /// Whether every pair is current (what `--exit-code` tests).
    pub fn all_current(&self) -> bool {
        self.pages.iter().all(|p| p.state == State::Current)
    }

    /// The JSON document on one line (what the HTML view embeds).
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(self).expect("report serialises")
    }

    pub fn to_json(&self) -> String {
        // Room for the whole document at once (a page takes about a kilobyte): a buffer that grows by doubling
        // touches twice the memory, and fresh memory is much of the cost of writing megabytes.
        let mut bytes = Vec::with_capacity(4096 + self.pages.len() * 1280);
        self.write_json(&mut bytes).expect("report serialises");
        String::from_utf8(bytes).expect("JSON is UTF-8")
    }

    /// The same JSON as [`to_json`](Self::to_json), written as it is produced (a large site's report is megabytes:
    /// written a few thousand pages at a time, never held at once). The pages, nearly all of it, are serialised on
    /// the machine's cores, each as the pretty printer writes it at its depth; the report around them as the derive
    /// writes it (on a warm run of the small harness corpus, 4.8 MB of JSON took 7 ms of one core's time).
    pub fn write_json(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        /// Pages serialised by one thread at a time, and held at once.
        const GROUP: usize = 64;
        const WINDOW: usize = 4096;
        let around = serde_json::to_vec_pretty(&Around {
            version: self.version,
            head: &self.head,
            source_language: &self.source_language,
            pages: [],
            summary: &self.summary,
            forge: &self.forge,
        })?;
        // The only line at the top level that names the pages: strings never hold a raw line break.
        const PAGES: &[u8] = b"\n  \"pages\": []";
        let at = memchr::memmem::find(&around, PAGES)
            .ok_or_else(|| std::io::Error::other("the report's pages field is missing"))?;
        if self.pages.is_empty() {
            out.write_all(&around)?;
            return out.write_all(b"\n");
        }
        out.write_all(&around[..at])?;
        out.write_all(b"\n  \"pages\": [")?;
        let mut states = vec![(); crate::util::parallel::threads()];
        let mut first = true;
        for window in self.pages.chunks(WINDOW) {
            let groups: Vec<&[PageStatus]> = window.chunks(GROUP).collect();
            let written = crate::util::parallel::map_with(&groups, 2, &mut states, |_, group| {
                let mut bytes = Vec::with_capacity(group.len() * 1280);
                let mut page_json = Vec::with_capacity(2048);
                for page in *group {
                    page_json.clear();
                    serde_json::to_writer_pretty(&mut page_json, page).map(|()| {
                        // At depth two: every line four spaces in.
                        bytes.extend_from_slice(b",\n    ");
                        let mut from = 0;
                        for newline in memchr::memchr_iter(b'\n', &page_json) {
                            bytes.extend_from_slice(&page_json[from..=newline]);
                            bytes.extend_from_slice(b"    ");
                            from = newline + 1;
                        }
                        bytes.extend_from_slice(&page_json[from..]);
                    })?;
                }
                Ok::<_, serde_json::Error>(bytes)
            });
            for bytes in written {
                let bytes = bytes?;
                // The first page follows the bracket without a comma.
                let skip = if std::mem::take(&mut first) { 1 } else { 0 };
                out.write_all(&bytes[skip..])?;
            }
        }
        out.write_all(b"\n  ]")?;
        out.write_all(&around[at + PAGES.len()..])?;
        out.write_all(b"\n")
    }
}

/// The report's JSON around its pages (see [`StatusReport::write_json`]): the fields the derive writes, in its
/// order, with no page.
#[derive(Serialize)]
struct Around<'a> {
    version: u32,
    head: &'a str,
    source_language: &'a str,
    pages: [PageStatus; 0],
    summary: &'a BTreeMap<String, LanguageSummary>,
    forge: &'a Option<Forge>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_shown_in_the_case_sites_write_them() {
        for (key, shown) in [
            ("fr", "fr"),
            ("pt-br", "pt-BR"),
            ("zh-hans", "zh-Hans"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("fr-ca", "fr-CA"),
            ("es-419", "es-419"),
            ("en-us-x-twain", "en-US-x-twain"),
            ("de-ch-1996", "de-CH-1996"),
            ("sl-rozaj", "sl-rozaj"),
            ("pt_br", "pt_br"),
            ("english", "english"),
        ] {
            assert_eq!(display_tag(key), shown, "{key}");
        }
    }

    fn page(n: usize) -> PageStatus {
        PageStatus {
            language: if n.is_multiple_of(2) { "fr" } else { "de" }.to_owned(),
            source: format!("content/en/p{n}.md"),
            translation: format!("content/fr/p{n}.md"),
            state: if n.is_multiple_of(3) {
                State::Stale
            } else {
                State::Current
            },
            reason: Reason::SourceUnchanged,
            sync: (!n.is_multiple_of(5)).then(|| SyncPoint {
                method: SyncMethod::History,
                commit: format!("{n:040}"),
                skipped_commits: 0,
                skipped: Vec::new(),
                translation_commit: None,
                time: None,
            }),
            commits_behind: Some(n as u32),
            paired_by: PairedBy::Path,
            severity: Severity::Low,
            changed_sections: Vec::new(),
            signals: Vec::new(),
            section: String::new(),
            extras: PageExtras {
                renamed_from: n.is_multiple_of(7).then(|| "a \"quoted\"\nname".to_owned()),
                ..PageExtras::default()
            }
            .boxed(),
        }
    }

    #[test]
    fn the_json_written_a_group_of_pages_at_a_time_is_the_derives() {
        // None, one, fewer than a group, several groups, several windows.
        for n in [0, 1, 63, 65, 4097] {
            let report = StatusReport::new(
                "0".repeat(40),
                "en".into(),
                vec!["de".into(), "fr".into()],
                (0..n).map(page).collect(),
                Vec::new(),
                false,
            );
            let mut derived = serde_json::to_vec_pretty(&report).unwrap();
            derived.push(b'\n');
            let mut written = Vec::new();
            report.write_json(&mut written).unwrap();
            assert!(written == derived, "{n} pages");
        }
    }
}
