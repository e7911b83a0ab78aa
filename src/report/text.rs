//! The terminal rendering of `status`: per language, a section table, then the pages that need work, most behind
//! first.

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthChar;

use super::{Counts, PageStatus, StatusReport, SyncMethod, Warning, display_tag};
use crate::drift::{Reason, State};
use crate::i18n::{Arg, Messages};
use crate::util::shell::quote;

/// How much to show, how wide, and whether to colour it.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    pub color: bool,
    /// Every page of every language (`--all`): no summary, every missing page.
    pub all: bool,
    /// The terminal's width; `None` when piped: nothing is shortened and everything is listed.
    pub width: Option<usize>,
    /// The hint of the command to run next (`tandem diff PAGE`); off where the caller gives its own (the demo's,
    /// with `-C`).
    pub next: bool,
}

/// Missing pages listed per language before "… and N more", on a terminal.
const MISSING_SHOWN: usize = 10;
/// Stale pages listed per language in the summary of several languages.
const SUMMARY_SHOWN: usize = 5;
/// A shortened path keeps at least this many columns.
const MIN_PATH: usize = 16;
/// The sync point is left out rather than shorten the path below this.
const ROOMY_PATH: usize = 48;
/// Piped, a path column is as wide as its widest path that is at most this many columns longer than the list's
/// median path; a longer one runs past the column instead of pushing every line of the list that far.
const PIPED_OUTLIER: usize = 24;

pub fn status(report: &StatusReport, m: &Messages, options: TextOptions) -> String {
    let weak = WeakMark::of(report);
    let paint = Painter {
        color: options.color,
        weak,
    };
    let mut out = String::new();
    if report.pages.is_empty() {
        out.push_str(&m.get("status-no-pages"));
        out.push('\n');
        return out;
    }
    let several = report.languages.len() > 1;
    // Piped output lists everything; a terminal shows the summary of several languages unless `--all`.
    let all = options.all || options.width.is_none();
    if several {
        out.push_str(&summary_table(report, m, &paint, options.width));
        if !all {
            out.push_str(&summary_pages(report, m, &paint, options.width));
            weak.note(&mut out, m, options.width);
            return fit_lines(out, options.width);
        }
        out.push('\n');
    }
    // Each language's list is written on its own (on the machine's cores: a site in fifteen languages spent a few
    // milliseconds here, one core idle), then they follow one another.
    let mut states = vec![(); crate::util::parallel::threads()];
    let lists = crate::util::parallel::map_with(&report.languages, 2, &mut states, |(), lang| {
        let mut list = String::new();
        language(&mut list, report, lang, m, &paint, &options, all);
        list
    });
    for (index, list) in lists.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push_str(list);
    }
    weak.note(&mut out, m, options.width);
    fit_lines(out, options.width)
}

/// How the history method, weaker than a pin, is said: beside each page that uses it when some pages are pinned (they
/// stand out), else once below the lists (on a site without pins every line would say it).
#[derive(Clone, Copy, PartialEq)]
enum WeakMark {
    /// No stale page uses history.
    None,
    PerLine,
    Once,
}

impl WeakMark {
    fn of(report: &StatusReport) -> WeakMark {
        let method = |method: SyncMethod| {
            report
                .pages
                .iter()
                .any(|p| p.sync.as_ref().is_some_and(|s| s.method == method))
        };
        let stale_by_history = report.pages.iter().any(|p| {
            p.state == State::Stale
                && p.sync
                    .as_ref()
                    .is_some_and(|s| s.method == SyncMethod::History)
        });
        if !stale_by_history {
            WeakMark::None
        } else if method(SyncMethod::Pin) {
            WeakMark::PerLine
        } else {
            WeakMark::Once
        }
    }

    /// The note below the lists, broken between words to the terminal's width (it is advice: cut, it would lose
    /// its end).
    fn note(self, out: &mut String, m: &Messages, width: Option<usize>) {
        if self == WeakMark::Once {
            out.push('\n');
            out.push_str(&wrap(&m.get("status-history-note"), width));
            out.push('\n');
        }
    }
}

/// The per-language table of the summary.
fn summary_table(
    report: &StatusReport,
    m: &Messages,
    paint: &Painter,
    width: Option<usize>,
) -> String {
    let mut out = paint.bold(&m.with(
        "status-summary-heading",
        &[("count", report.languages.len().into())],
    ));
    out.push_str("\n\n");
    let mut rows = vec![
        std::iter::once("status-col-language")
            .chain(super::COUNT_COLUMNS)
            .map(|id| m.get(id))
            .collect::<Vec<String>>(),
    ];
    for lang in &report.languages {
        let Some(summary) = report.summary.get(lang) else {
            continue;
        };
        let c = &summary.counts;
        rows.push(vec![
            display_tag(lang),
            m.with(
                "status-percent",
                &[
                    ("translated", c.translated().into()),
                    ("total", c.total.into()),
                    ("percent", percent(c).into()),
                ],
            ),
            c.current.to_string(),
            c.stale.to_string(),
            c.missing.to_string(),
            c.orphaned.to_string(),
            c.unknown.to_string(),
        ]);
    }
    out.push_str(&table(&rows, width));
    out
}

/// Per language, the most-behind stale pages and a count of the rest.
fn summary_pages(
    report: &StatusReport,
    m: &Messages,
    paint: &Painter,
    width: Option<usize>,
) -> String {
    let mut out = String::new();
    for lang in &report.languages {
        let stale = stale_pages(report, lang);
        if stale.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&paint.state(
            State::Stale,
            &m.with(
                "status-summary-behind-heading",
                &[
                    ("lang", display_tag(lang).into()),
                    ("count", stale.len().into()),
                ],
            ),
        ));
        out.push('\n');
        let shown = &stale[..SUMMARY_SHOWN.min(stale.len())];
        // Each with what changed, as everywhere a stale page is shown (a page "0 commits behind" says nothing alone).
        out.push_str(&stale_lines(shown, m, paint, width));
        if stale.len() > shown.len() {
            out.push_str("  ");
            out.push_str(&m.with(
                "status-summary-more",
                &[
                    ("count", (stale.len() - shown.len()).into()),
                    ("lang", display_tag(lang).into()),
                ],
            ));
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&m.get("status-summary-hint"));
    out.push('\n');
    out
}

/// The stale pages of one language, most behind first.
fn stale_pages<'a>(report: &'a StatusReport, lang: &str) -> Vec<&'a PageStatus> {
    let mut stale: Vec<&PageStatus> = report
        .pages
        .iter()
        .filter(|p| p.language == lang && p.state == State::Stale)
        .collect();
    stale.sort_by(|a, b| {
        b.commits_behind
            .unwrap_or(0)
            .cmp(&a.commits_behind.unwrap_or(0))
            .then_with(|| a.translation.cmp(&b.translation))
    });
    stale
}

/// One line per stale page (path, commits behind, sync point), each followed by what changed. On a terminal the
/// path column shrinks (paths shortened in the middle) and the sync point goes when there is no room for it.
fn stale_lines(
    stale: &[&PageStatus],
    m: &Messages,
    paint: &Painter,
    width: Option<usize>,
) -> String {
    let mut out = String::new();
    let path_width = column_width(stale.iter().map(|p| text_width(&p.translation)), width);
    let behind: Vec<String> = stale.iter().map(|p| commits_behind(p, m)).collect();
    let behind_width = behind.iter().map(|b| text_width(b)).max().unwrap_or(0);
    let syncs: Vec<String> = stale.iter().map(|p| sync_plain(p, m, paint.weak)).collect();
    let sync_width = syncs.iter().map(|s| text_width(s)).max().unwrap_or(0);
    // (path column, whether the sync point is shown)
    let (path_width, show_sync) = match width {
        None => (path_width, true),
        Some(w) => {
            let fixed = 2 + 3 + behind_width;
            if fixed + path_width + 3 + sync_width <= w {
                (path_width, true)
            } else if fixed + ROOMY_PATH.min(path_width) + 3 + sync_width <= w {
                (w - fixed - 3 - sync_width, true)
            } else {
                (path_width.min(w.saturating_sub(fixed).max(MIN_PATH)), false)
            }
        }
    };
    for ((page, behind), sync) in stale.iter().zip(&behind).zip(&syncs) {
        let path = match width {
            Some(_) => shorten_middle(&page.translation, path_width),
            None => page.translation.clone(),
        };
        let mut line = format!(
            "  {}   {}",
            pad(&path, path_width),
            pad_left(behind, behind_width)
        );
        if show_sync && !sync.is_empty() {
            line.push_str("   ");
            line.push_str(&sync_text(page, m, paint));
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if let Some(detail) = stale_detail(page, m) {
            out.push_str("    ");
            out.push_str(&detail);
            out.push('\n');
        }
    }
    out
}

/// Everything about one language: its section table, then the pages that need work.
fn language(
    out: &mut String,
    report: &StatusReport,
    lang: &str,
    m: &Messages,
    paint: &Painter,
    options: &TextOptions,
    all: bool,
) {
    let width = options.width;
    let Some(summary) = report.summary.get(lang) else {
        return;
    };
    let counts = &summary.counts;
    let header = m.with(
        "status-language-header",
        &[
            ("lang", display_tag(lang).into()),
            ("total", counts.total.into()),
            ("translated", counts.translated().into()),
            ("percent", percent(counts).into()),
        ],
    );
    out.push_str(&paint.bold(&header));
    out.push_str("\n\n");
    out.push_str(&section_table(summary, m, width));

    let pages: Vec<&PageStatus> = report.pages.iter().filter(|p| p.language == lang).collect();
    let of_state = |state: State| -> Vec<&PageStatus> {
        pages.iter().copied().filter(|p| p.state == state).collect()
    };

    let stale = stale_pages(report, lang);
    if !stale.is_empty() {
        out.push('\n');
        out.push_str(&paint.state(
            State::Stale,
            &m.with("status-stale-heading", &[("count", stale.len().into())]),
        ));
        out.push('\n');
        out.push_str(&stale_lines(&stale, m, paint, width));
    }

    let missing = of_state(State::Missing);
    if !missing.is_empty() {
        out.push('\n');
        out.push_str(&paint.state(
            State::Missing,
            &m.with("status-missing-heading", &[("count", missing.len().into())]),
        ));
        out.push('\n');
        let shown = if all {
            missing.len()
        } else {
            MISSING_SHOWN.min(missing.len())
        };
        let mut path_width = column_width(
            missing[..shown].iter().map(|p| text_width(&p.translation)),
            width,
        );
        if let Some(w) = width {
            // The translation gets at most half the line; the source the rest.
            path_width = path_width.min((w.saturating_sub(4) / 2).max(MIN_PATH));
        }
        for page in &missing[..shown] {
            let (translation, source) = match width {
                Some(w) => {
                    // "  " + translation + "   (source " + source + ")": the words around the source vary by
                    // language, measured on an empty source.
                    let frame = text_width(&m.with(
                        "status-missing-line",
                        &[("translation", "".into()), ("source", "".into())],
                    ));
                    let room = w.saturating_sub(2 + path_width + frame).max(MIN_PATH);
                    (
                        shorten_middle(&page.translation, path_width),
                        shorten_middle(&page.source, room),
                    )
                }
                None => (page.translation.clone(), page.source.clone()),
            };
            out.push_str("  ");
            // A translation fork's page still the source's text is there to translate in place.
            let id = match page.reason {
                Reason::SourceCopy => "status-missing-copy-line",
                _ => "status-missing-line",
            };
            out.push_str(&m.with(
                id,
                &[
                    ("translation", pad(&translation, path_width).into()),
                    ("source", source.into()),
                ],
            ));
            out.push('\n');
        }
        if shown < missing.len() {
            out.push_str("  ");
            out.push_str(&m.with("status-more", &[("count", (missing.len() - shown).into())]));
            out.push('\n');
        }
    }

    let orphaned = of_state(State::Orphaned);
    let missing_too = !missing.is_empty();
    if !orphaned.is_empty() {
        out.push('\n');
        out.push_str(&paint.state(
            State::Orphaned,
            &m.with(
                "status-orphaned-heading",
                &[("count", orphaned.len().into())],
            ),
        ));
        out.push('\n');
        for page in &orphaned {
            out.push_str("  ");
            out.push_str(&orphan_line(page, &pages, m));
            out.push('\n');
            if let Some(target) = page.move_to() {
                out.push_str(&format!("    {}\n", super::move_command(page, target)));
            } else if page.source_deleted().is_some() {
                out.push_str(&format!("    {}\n", super::remove_command(page)));
            }
        }
        // A translation under another name than its source's (`hi/cloud native apps.md` beside a missing
        // `hi/cloud-native-apps.md`) is an orphan and a missing page at once: `pair --suggest` finds such pairs.
        if missing_too && orphaned.iter().any(|page| page.move_to().is_none()) {
            out.push_str(&m.get("status-orphans-suggest"));
            out.push('\n');
        }
    }

    // Translations paired with their source's new name: a `git mv` keeps them paired by path.
    let renamed = super::renamed_pages(pages.iter().copied());
    if !renamed.is_empty() {
        out.push('\n');
        out.push_str(
            &paint.bold(&m.with("status-renamed-heading", &[("count", renamed.len().into())])),
        );
        out.push('\n');
        for (page, target) in renamed {
            out.push_str("  ");
            out.push_str(&m.with(
                "status-renamed-line",
                &[
                    ("translation", (&page.translation).into()),
                    (
                        "from",
                        page.renamed_from().cloned().unwrap_or_default().into(),
                    ),
                    ("to", (&page.source).into()),
                ],
            ));
            out.push('\n');
            out.push_str(&format!("    {}\n", super::move_command(page, target)));
        }
    }

    let unknown = of_state(State::Unknown);
    if !unknown.is_empty() {
        out.push('\n');
        out.push_str(&paint.state(
            State::Unknown,
            &m.with("status-unknown-heading", &[("count", unknown.len().into())]),
        ));
        out.push('\n');
        for page in unknown {
            out.push_str(&format!(
                "  {} — {}\n",
                page.translation,
                reason_text(page, m)
            ));
        }
    }

    if let Some(first) = stale.first().filter(|_| options.next) {
        out.push('\n');
        // Values to copy need no translator: the next step is to copy them.
        let id = if first.reason == crate::drift::Reason::MirroredOnly {
            "status-next-mirrored"
        } else {
            "status-next"
        };
        out.push_str(&m.with(id, &[("page", quote(&first.translation).into())]));
        out.push('\n');
    }

    if counts.current == counts.total && counts.orphaned == 0 && counts.total > 0 {
        out.push('\n');
        out.push_str(&paint.state(
            State::Current,
            &m.with("status-all-current", &[("count", counts.total.into())]),
        ));
        out.push('\n');
    }
}

/// What to say about an orphaned translation: its source is gone, was renamed, or pairs with another page.
fn orphan_line(page: &PageStatus, pages: &[&PageStatus], m: &Messages) -> String {
    let translation = (&page.translation).into();
    match (page.reason, page.renamed_to()) {
        (Reason::SourceNotFound, Some(now)) => m.with(
            "status-orphaned-renamed-line",
            &[
                ("translation", translation),
                ("source", (&page.source).into()),
                ("to", now.into()),
            ],
        ),
        (Reason::SourcePairedElsewhere, _) => {
            let other = pages
                .iter()
                .find(|p| p.source == page.source && p.state != State::Orphaned)
                .map_or_else(String::new, |p| p.translation.clone());
            m.with(
                "status-orphaned-displaced-line",
                &[
                    ("translation", translation),
                    ("source", (&page.source).into()),
                    ("other", other.into()),
                ],
            )
        }
        (Reason::PairingConflict, _) => {
            format!("{} — {}", page.translation, reason_text(page, m))
        }
        _ if let Some(deleted) = page.source_deleted() => m.with(
            "status-orphaned-deleted-line",
            &[
                ("translation", translation),
                ("source", (&page.source).into()),
                ("deleted", super::deleted_in(deleted, m).into()),
            ],
        ),
        // A page that says its language in its front matter names no source path: it pairs by key alone.
        _ if page.source == page.translation => m.with(
            "status-orphaned-no-key-line",
            &[("translation", translation)],
        ),
        _ => m.with(
            "status-orphaned-line",
            &[
                ("translation", translation),
                ("source", (&page.source).into()),
            ],
        ),
    }
}

/// `status-…` percentages: whole numbers, never rounded up to 100 while something is missing.
pub(crate) fn percent(counts: &Counts) -> usize {
    let value = (counts.completeness * 100.0).floor() as usize;
    if counts.missing == 0 {
        100
    } else {
        value.min(99)
    }
}

fn section_table(summary: &super::LanguageSummary, m: &Messages, width: Option<usize>) -> String {
    let header: Vec<String> = std::iter::once("status-col-section")
        .chain(super::COUNT_COLUMNS)
        .map(|id| m.get(id))
        .collect();
    let mut rows = vec![header];
    for (section, counts) in &summary.sections {
        rows.push(vec![
            section.clone(),
            format!("{}/{}", counts.translated(), counts.total),
            counts.current.to_string(),
            counts.stale.to_string(),
            counts.missing.to_string(),
            counts.orphaned.to_string(),
            counts.unknown.to_string(),
        ]);
    }
    table(&rows, width)
}

/// A table: the first column left-aligned (shortened in the middle when the terminal is too narrow), the others
/// right-aligned numbers; three spaces between columns, one when that does not fit.
fn table(rows: &[Vec<String>], width: Option<usize>) -> String {
    let mut rows: Vec<Vec<String>> = rows.to_vec();
    let columns = rows[0].len();
    let widths_of = |rows: &[Vec<String>]| -> Vec<usize> {
        (0..columns)
            .map(|c| rows.iter().map(|r| text_width(&r[c])).max().unwrap_or(0))
            .collect()
    };
    let mut widths = widths_of(&rows);
    let mut shown = vec![true; columns];
    let mut gap = 3;
    if let Some(w) = width {
        let total = |widths: &[usize], shown: &[bool], gap: usize| {
            let kept: Vec<usize> = (0..columns)
                .filter(|&c| shown[c])
                .map(|c| widths[c])
                .collect();
            2 + kept.iter().sum::<usize>() + gap * (kept.len() - 1)
        };
        if total(&widths, &shown, gap) > w {
            gap = 1;
        }
        // Still too wide (a 60-column terminal, French headings): the counts that are all zero go, from the right
        // (`unknown`, most often), then the percentages in parentheses (`88/95 (92%)` → `88/95`). Cut instead, the
        // last columns were `…` on every row, the orphans' counts with them.
        for c in (2..columns).rev() {
            if total(&widths, &shown, gap) > w && rows[1..].iter().all(|r| r[c] == "0") {
                shown[c] = false;
            }
        }
        if total(&widths, &shown, gap) > w {
            for row in rows.iter_mut().skip(1) {
                for cell in row.iter_mut().skip(1) {
                    if let Some((bare, _)) = cell.split_once(" (") {
                        *cell = bare.to_owned();
                    }
                }
            }
            widths = widths_of(&rows);
        }
        let over = total(&widths, &shown, gap).saturating_sub(w);
        if over > 0 {
            widths[0] = widths[0].saturating_sub(over).max(MIN_PATH.min(widths[0]));
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::from("  ");
        for (c, cell) in row.iter().enumerate() {
            if !shown[c] {
                continue;
            }
            if c == 0 {
                let cell = match width {
                    Some(_) => shorten_middle(cell, widths[0]),
                    None => cell.clone(),
                };
                line.push_str(&pad(&cell, widths[c]));
            } else {
                line.push_str(&" ".repeat(gap));
                line.push_str(&pad_left(cell, widths[c]));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The second line of a stale page: which sections changed (the front matter with its keys), or the structure
/// signals that made it stale.
pub fn stale_detail(page: &PageStatus, m: &Messages) -> Option<String> {
    const SHOWN: usize = 4;
    // Stale by structure: the signals are why, whatever changed in the source (changes the translation already holds,
    // which alone would leave it current). Listing those changes instead named a reason that was not one.
    if page.reason == crate::drift::Reason::Structure && !page.signals.is_empty() {
        return Some(signals_line(&page.signals, m));
    }
    if page.changed_sections.is_empty() {
        if page.signals.is_empty() {
            return match page.reason {
                crate::drift::Reason::Structure => Some(m.get("status-structure-detail")),
                // A source created or renamed since the sync point has no version there to compare with (under
                // `--strict`, which compares no older name and no empty page): the reason is the explanation.
                crate::drift::Reason::SourceCreated | crate::drift::Reason::SourceRenamed => {
                    Some(reason_text(page, m))
                }
                _ => None,
            };
        }
        return Some(signals_line(&page.signals, m));
    }
    let parts = first_few(
        page.changed_sections.iter().map(|c| section_change(c, m)),
        SHOWN,
        m,
    );
    // The front matter's keys are listed with commas too: the sections after them follow a semicolon ("front matter:
    // category, tags, (before the first heading) (modified)" read as one list of keys).
    let front_matter = page
        .changed_sections
        .first()
        .is_some_and(|c| c.kind == crate::report::SectionKind::FrontMatter);
    let sections = match parts.split_first() {
        Some((first, rest)) if front_matter && !rest.is_empty() => m.with(
            "status-front-matter-then",
            &[
                ("front_matter", first.clone().into()),
                ("rest", rest.join(", ").into()),
            ],
        ),
        _ => parts.join(", "),
    };
    // (A page whose every changed section is already in the translation is current: `already-in-translation`.)
    Some(m.with("status-changed-sections", &[("sections", sections.into())]))
}

/// `what differs now: …`: the first few structure signals of a page stale by structure, then how many more.
/// A signal's items are cut to the first few there (`compare`, `diff` and `tasks` list them all).
pub fn signals_line(signals: &[crate::drift::structure::Signal], m: &Messages) -> String {
    const SHOWN: usize = 4;
    const ITEMS: usize = 3;
    let parts = first_few(
        signals.iter().map(|s| signal_text_with(s, ITEMS, m)),
        SHOWN,
        m,
    );
    m.with("status-signals", &[("signals", parts.join(" · ").into())])
}

/// The first `shown` items, then "N more" for the rest.
fn first_few(
    items: impl ExactSizeIterator<Item = String>,
    shown: usize,
    m: &Messages,
) -> Vec<String> {
    let total = items.len();
    let mut parts: Vec<String> = items.take(shown).collect();
    if total > shown {
        parts.push(m.with("status-more-sections", &[("count", (total - shown).into())]));
    }
    parts
}

/// A changed section in a few words: `“Install” (modified)`, or `front matter: image, weight`.
pub fn section_change(c: &crate::report::ChangedSection, m: &Messages) -> String {
    if c.kind == crate::report::SectionKind::FrontMatter {
        let keys: Vec<String> = c.keys.iter().map(|k| marked(&k.key, k, m)).collect();
        return m.with(
            "status-front-matter-change",
            &[("keys", keys.join(", ").into())],
        );
    }
    let mut change = m.get(&format!("change-{}", c.change.as_str()));
    if c.in_translation {
        change = m.with("status-change-in-translation", &[("change", change.into())]);
    }
    m.with(
        "status-section-change",
        &[
            (
                "section",
                quoted_section(&c.source.heading, &c.source.id, m).into(),
            ),
            ("change", change.into()),
        ],
    )
}

/// The name of a section without a heading: the front matter, or what comes before the first heading.
pub fn unnamed_section(id: &str, m: &Messages) -> String {
    if id == "front-matter" {
        m.get("section-front-matter")
    } else {
        m.get("section-preamble")
    }
}

/// A section named for people: its heading, quoted as the language quotes, or what stands for it when it has none.
pub fn quoted_section(heading: &str, id: &str, m: &Messages) -> String {
    if heading.is_empty() {
        unnamed_section(id, m)
    } else {
        m.render(&crate::i18n::Message::new("quoted-heading").arg("heading", heading))
    }
}

/// A front-matter key's change for people: `image: a.png → b.png`. Characters that take no room are written as their
/// code points (`title: Home → Ho⟨U+00AD⟩me`, where the two values looked the same).
pub fn key_change(k: &crate::drift::front_matter::KeyChange, m: &Messages) -> String {
    const LONGEST: usize = 80;
    // One line each: a block scalar's line breaks become spaces.
    let shown = |v: &Option<String>| match v {
        Some(v) => {
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            let v = crate::util::chars::shown_invisible(&v).into_owned();
            if v.chars().count() > LONGEST {
                format!("{}…", v.chars().take(LONGEST).collect::<String>())
            } else {
                v
            }
        }
        None => m.get("front-matter-absent"),
    };
    marked(
        &format!("{}: {} → {}", k.key, shown(&k.old), shown(&k.new)),
        k,
        m,
    )
}

/// `text`, followed by a mark when the key is mirrored (a value to copy, not to translate) or already in the
/// translation.
fn marked(text: &str, k: &crate::drift::front_matter::KeyChange, m: &Messages) -> String {
    if k.in_translation {
        // Changed there after the source did, or held there as the source now has it.
        let id = if k.translated_in.is_some() {
            "front-matter-in-translation-mark"
        } else {
            "front-matter-held-mark"
        };
        return format!("{text} {}", m.get(id));
    }
    match k.class {
        crate::drift::front_matter::KeyClass::Mirrored => {
            format!("{text} {}", m.get("front-matter-mirrored-mark"))
        }
        _ => text.to_owned(),
    }
}

pub fn commits_behind(page: &PageStatus, m: &Messages) -> String {
    match page.commits_behind {
        // Stale with the source unchanged since the sync point (the translation does not match it): "0 commits
        // behind" read as a contradiction. With changed sections, the change is in the work tree, not committed.
        Some(0) if page.changed_sections.is_empty() => m.get("commits-behind-none"),
        Some(0) => m.get("commits-behind-uncommitted"),
        Some(n) => m.with("commits-behind", &[("count", n.into())]),
        None => m.get("commits-behind-unknown"),
    }
}

/// The sync point without colours (to measure it).
fn sync_plain(page: &PageStatus, m: &Messages, weak: WeakMark) -> String {
    sync_text(page, m, &Painter { color: false, weak })
}

fn sync_text(page: &PageStatus, m: &Messages, paint: &Painter) -> String {
    let Some(sync) = &page.sync else {
        return String::new();
    };
    let text = sync_said(sync, &page.language, m);
    let text = match sync.method {
        SyncMethod::History if paint.weak == WeakMark::PerLine => {
            format!("{text} {}", paint.warn(&m.get("sync-history-weak")))
        }
        _ => text,
    };
    skipped_named(sync, m)
        .into_iter()
        .fold(text, |text, part| format!("{text} · {part}"))
}

/// A page's sync point as every report says it: `pinned 3f2a1bc (2026-01-02)`, `history: last fr commit 3f2a1bc
/// (2026-01-02)`; with the sources in a repository of their own, the sources' commit and the translation's that chose
/// it (the sources' commit had been called the last fr commit).
pub fn sync_said(sync: &crate::report::SyncPoint, language: &str, m: &Messages) -> String {
    let args: [(&str, Arg); 4] = [
        ("commit", super::abbrev(&sync.commit).into()),
        ("date", sync.time.map(date).unwrap_or_default().into()),
        ("lang", display_tag(language).into()),
        (
            "translation",
            super::abbrev(sync.translation_commit.as_deref().unwrap_or_default()).into(),
        ),
    ];
    match (sync.method, &sync.translation_commit) {
        (SyncMethod::Pin, _) => m.with("sync-pin", &args),
        (SyncMethod::History, None) => m.with("sync-history", &args),
        (SyncMethod::History, Some(_)) => m.with("sync-history-sources", &args),
    }
}

/// What every report that gives a sync point says of the commits skipped around it: the translation commits passed
/// over to find it, then the source commits not counted since, each a sentence naming the first few with why (none
/// when nothing was skipped).
pub fn skipped_named(sync: &crate::report::SyncPoint, m: &Messages) -> Vec<String> {
    [passed_over(&sync.skipped, m), not_counted(&sync.skipped, m)]
        .into_iter()
        .flatten()
        .collect()
}

/// The translation commits passed over in finding a sync point, named with why: `passed over 1 later translation
/// commit: 3f2a1bc “Reformat” (changed nothing meaningful)`. `None` when there is none.
fn passed_over(skipped: &[crate::report::SkippedCommit], m: &Messages) -> Option<String> {
    named_commits(skipped, "translation", "sync-passed-over", m)
}

/// The source commits since the sync point that were not counted, named with why: `1 source commit not counted:
/// 3f2a1bc “Reword [skip-l10n]” (a skip directive in its message)`. `None` when there is none.
fn not_counted(skipped: &[crate::report::SkippedCommit], m: &Messages) -> Option<String> {
    named_commits(skipped, "source", "sync-not-counted", m)
}

/// The skipped commits of one side, the first two named with why, in message `id`.
fn named_commits(
    skipped: &[crate::report::SkippedCommit],
    side: &str,
    id: &str,
    m: &Messages,
) -> Option<String> {
    const NAMED: usize = 2;
    let of_side: Vec<_> = skipped.iter().filter(|c| c.side == side).collect();
    if of_side.is_empty() {
        return None;
    }
    let mut named: Vec<String> = of_side
        .iter()
        .take(NAMED)
        .map(|c| {
            let subject =
                m.render(&crate::i18n::Message::new("quoted-subject").arg("subject", &c.subject));
            let name = format!("{} {subject}", super::abbrev(&c.commit));
            let keys = [
                ("keys", c.keys.join(", ").into()),
                ("count", c.keys.len().into()),
            ];
            // A directive says why first; what a bookkeeping commit changed says more than "nothing meaningful".
            let why = match (
                c.keys.is_empty() || c.why != "bookkeeping",
                c.follows_source,
            ) {
                // The keyword as the message writes it: "a skip directive" alone sent a translator looking for one
                // in "fix typos" (a keyword of the site's Lunaria config).
                (true, _) if let Some(keyword) = &c.directive => {
                    m.with("skip-why-directive-named", &[("keyword", keyword.into())])
                }
                (true, _) => m.get(&format!("skip-why-{}", c.why)),
                (false, true) => m.with("skip-why-keys-followed", &keys),
                (false, false) => m.with("skip-why-keys-changed", &keys),
            };
            format!("{name} ({why})")
        })
        .collect();
    if of_side.len() > NAMED {
        named.push("…".to_owned());
    }
    Some(m.with(
        id,
        &[
            ("count", of_side.len().into()),
            ("commits", named.join(", ").into()),
        ],
    ))
}

/// The reason of an `unknown` (or any) page, for people.
pub fn reason_text(page: &PageStatus, m: &Messages) -> String {
    m.with(
        &format!("reason-{}", page.reason.code()),
        &[("pin", page.detail().cloned().unwrap_or_default().into())],
    )
}

/// One signal, for people.
pub fn signal_text(signal: &crate::drift::structure::Signal, m: &Messages) -> String {
    signal_text_with(signal, usize::MAX, m)
}

/// One signal, its items cut to the first `items` and how many more.
fn signal_text_with(
    signal: &crate::drift::structure::Signal,
    items: usize,
    m: &Messages,
) -> String {
    let section = signal
        .source_section
        .as_ref()
        .or(signal.translation_section.as_ref())
        .map(|r| quoted_section(&r.heading, &r.id, m))
        .unwrap_or_default();
    // Code and shortcodes that differ name each side.
    let (of_source, of_translation) = signal.items_by_side();
    // A paragraph's item is `LINE: excerpt` and a number's `LINE: NUMBER` (so in JSON): for people, `line 5:
    // “excerpt”` and `13 (line 7)` (the bare `5:` read as part of the sentence before it, `7: 13` as two numbers).
    let shape = match signal.kind {
        crate::drift::structure::SignalKind::ParagraphExtended => Some("signal-paragraph-item"),
        crate::drift::structure::SignalKind::NumberChanged => Some("signal-number-item"),
        _ => None,
    };
    let item = |text: &String| -> String {
        match (shape, text.split_once(": ")) {
            (Some(id), Some((line, rest)))
                if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) =>
            {
                m.with(id, &[("line", line.into()), ("item", rest.into())])
            }
            _ => text.clone(),
        }
    };
    let few = |list: &[String], n: usize| first_few(list.iter().map(item), n, m).join(", ");
    // The room for items shared between the sides, what one side does not use going to the other.
    let shown_t = of_translation
        .len()
        .min((items / 2).max(items.saturating_sub(of_source.len())));
    // An extra list item that names what the source removed says what it names.
    let id = match signal.kind {
        crate::drift::structure::SignalKind::ExtraListItem if !signal.items.is_empty() => {
            "signal-extra-list-item-named".to_owned()
        }
        kind => format!("signal-{}", kind.as_str()),
    };
    m.with(
        &id,
        &[
            ("section", section.into()),
            ("source", signal.source_count.unwrap_or(0).into()),
            ("translation", signal.translation_count.unwrap_or(0).into()),
            ("items", few(&signal.items, items).into()),
            ("source_items", few(of_source, items - shown_t).into()),
            ("translation_items", few(of_translation, shown_t).into()),
        ],
    )
}

/// One warning line: `warning: file:line: message`.
pub fn warning(warning: &Warning, m: &Messages) -> String {
    let location = match warning.line {
        Some(line) => format!("{}:{line}", warning.file),
        None => warning.file.clone(),
    };
    m.with(
        "warning-line",
        &[
            ("location", location.into()),
            ("message", m.render(&warning.message).into()),
        ],
    )
}

/// `YYYY-MM-DD` (UTC) of a Unix time.
pub fn date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The width of a column of paths: the widest one on a terminal (where paths are then shortened to fit); piped, the
/// widest that is not far longer than most (see [`PIPED_OUTLIER`]), so that one deep path does not pad every line
/// of its list to its length.
fn column_width(widths: impl Iterator<Item = usize>, terminal: Option<usize>) -> usize {
    let mut widths: Vec<usize> = widths.collect();
    widths.sort_unstable();
    let widest = widths.last().copied().unwrap_or(0);
    if terminal.is_some() || widths.is_empty() {
        return widest;
    }
    let limit = widths[widths.len() / 2] + PIPED_OUTLIER;
    widths
        .into_iter()
        .filter(|w| *w <= limit)
        .max()
        .unwrap_or(widest)
}

fn pad(text: &str, width: usize) -> String {
    let len = text_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

fn pad_left(text: &str, width: usize) -> String {
    let len = text_width(text);
    format!("{}{text}", " ".repeat(width.saturating_sub(len)))
}

/// Columns a text takes on a terminal (wide characters count two), colour codes left out.
pub fn text_width(text: &str) -> usize {
    let mut width = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI sequence: ESC [ parameters final-byte.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        width += UnicodeWidthChar::width(c).unwrap_or(0);
    }
    width
}

/// `text` in at most `width` columns: the start and the end kept (the file name most), `…` in the middle.
pub fn shorten_middle(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let room = width - 1;
    let head_room = room / 3;
    let tail_room = room - head_room;
    let mut head = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > head_room {
            break;
        }
        used += w;
        head.push(c);
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > tail_room {
            break;
        }
        used += w;
        tail.push(c);
    }
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

/// `text` broken between words into lines of at most `width` columns (the lines after the first indented by two), or
/// as it is without a width.
pub fn wrap(text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text.to_owned();
    };
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate) > width && !line.trim().is_empty() {
            out.push_str(&line);
            out.push('\n');
            line = format!("  {word}");
        } else {
            line = candidate;
        }
    }
    out.push_str(&line);
    out
}

/// On a terminal, every line cut to its width (`…` at the end), colour codes kept whole; piped text as it is. A line
/// holding a command to paste (`tandem …`, `git mv …`) is never cut: cut, it failed when pasted (`Next: tandem diff
/// exampleSite/content/basics/installation/_…`), where the terminal wraps it whole.
pub fn fit_lines(text: String, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text;
    };
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        if text_width(body) <= width || holds_command(body) {
            out.push_str(line);
            continue;
        }
        let mut used = 0;
        let mut chars = body.chars().peekable();
        let mut cut = String::new();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                cut.push(c);
                for c in chars.by_ref() {
                    cut.push(c);
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
                continue;
            }
            let w = UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width.saturating_sub(1) {
                break;
            }
            used += w;
            cut.push(c);
        }
        cut.push('…');
        if cut.contains('\x1b') {
            // Close any colour left open.
            cut.push_str("\x1b[0m");
        }
        out.push_str(&cut);
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Whether a report line holds a command to paste: `tandem …` anywhere (`Next: tandem diff …`, a hint naming
/// `tandem pair --suggest`), or a line that is a `git` command (`git mv …`, `git rm …`).
fn holds_command(line: &str) -> bool {
    line.contains("tandem ") || line.trim_start().starts_with("git ")
}

/// Colours, or none; and how the weaker sync method is marked.
struct Painter {
    color: bool,
    weak: WeakMark,
}

impl Painter {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    fn warn(&self, text: &str) -> String {
        self.paint(Style::new().fg_color(Some(AnsiColor::Yellow.into())), text)
    }

    fn state(&self, state: State, text: &str) -> String {
        let color = match state {
            State::Current => AnsiColor::Green,
            State::Stale => AnsiColor::Yellow,
            State::Missing => AnsiColor::Cyan,
            State::Orphaned | State::Unknown => AnsiColor::Red,
        };
        self.paint(Style::new().bold().fg_color(Some(color.into())), text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passed_over_commit_says_what_it_changed_and_a_directive_says_so_first() {
        let commit =
            |why: &'static str, keys: &[&str], follows_source: bool| crate::report::SkippedCommit {
                commit: "3f2a1bc".repeat(6)[..40].to_owned(),
                subject: "s".into(),
                side: "translation",
                why,
                keys: keys.iter().map(|k| k.to_string()).collect(),
                follows_source,
                directive: None,
            };
        let m = Messages::new(crate::i18n::UiLang::En);
        let said = |c| passed_over(&[c], &m).unwrap();
        assert!(said(commit("bookkeeping", &[], false)).ends_with("(changed nothing meaningful)"));
        assert!(
            said(commit("bookkeeping", &["status", "tags"], false)).ends_with(
                "(changed only status, tags, not keys to translate (front_matter.translated))"
            )
        );
        assert!(
            said(commit("bookkeeping", &["tags"], true))
                .ends_with("(set tags to follow the source)")
        );
        assert!(
            said(commit("directive", &["hero.actions"], true))
                .ends_with("(a skip directive in its message)")
        );
    }

    #[test]
    fn paths_shorten_in_the_middle() {
        assert_eq!(
            shorten_middle("content/fr/docs/a.md", 40),
            "content/fr/docs/a.md"
        );
        let short = shorten_middle("content/fr/docs/concepts/architecture/overview.md", 24);
        assert_eq!(text_width(&short), 24);
        assert!(
            short.starts_with("content") && short.ends_with("overview.md") && short.contains('…')
        );
        // Wide characters take two columns: never more than asked, at most one less.
        let wide = text_width(&shorten_middle("文档/概念/架构/概述.md", 9));
        assert!((8..=9).contains(&wide), "{wide}");
    }

    /// At 60 columns the summary's last column was `…` on every row ("unkno…", the orphans' counts too in French):
    /// a narrow table drops its columns of zeros, then its percentages, before it cuts anything.
    #[test]
    fn a_narrow_table_cut_its_last_columns_to_ellipses() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows = vec![
            row(&[
                "language",
                "translated",
                "current",
                "stale",
                "missing",
                "orphaned",
                "unknown",
            ]),
            row(&["bn", "88/95 (92%)", "63", "25", "7", "0", "0"]),
            row(&["de", "21/95 (22%)", "6", "15", "74", "2", "0"]),
        ];
        let wide = table(&rows, None);
        assert!(wide.contains("unknown") && wide.contains("(92%)"), "{wide}");
        let narrow = table(&rows, Some(56));
        assert!(!narrow.contains('…'), "{narrow}");
        assert!(
            !narrow.contains("unknown") && narrow.contains("orphaned"),
            "{narrow}"
        );
        assert!(narrow.lines().all(|l| text_width(l) <= 56), "{narrow}");
        let narrower = table(&rows, Some(52));
        assert!(
            narrower.contains("88/95") && !narrower.contains("(92%)"),
            "{narrower}"
        );
        assert!(narrower.lines().all(|l| text_width(l) <= 52), "{narrower}");
    }

    #[test]
    fn lines_fit_the_width_with_colours_kept_whole() {
        let text = "\x1b[1mabcdefghij\x1b[0m\nshort\n".to_owned();
        let fitted = fit_lines(text.clone(), Some(6));
        for line in fitted.lines() {
            assert!(text_width(line) <= 6, "{line:?}");
        }
        assert!(fitted.starts_with("\x1b[1mabcde…"));
        assert_eq!(fit_lines(text.clone(), None), text);
    }

    #[test]
    fn dates() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_700_000_000), "2023-11-14");
        assert_eq!(date(951_782_400), "2000-02-29");
    }
}
