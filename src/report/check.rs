//! What `tandem check` reports (its findings; JSON is the report itself) and its renderers: text, GitHub workflow
//! commands, JUnit XML, and the Markdown step summary.

use crate::util::shell::quote;
use serde::Serialize;

use super::display_tag;
use crate::drift::Reason;
use crate::drift::structure::SectionRef;
use crate::i18n::{Arg, Messages};

/// The kinds of findings; `--fail-on` and `check.fail_on` name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Whole repository: a stale translation.
    Stale,
    /// Whole repository: a source page without translation.
    Missing,
    /// Whole repository: a translation without source.
    Orphaned,
    /// A pin that names no commit, several, or one outside the history (of HEAD; in a PR, of the base).
    InvalidPin,
    /// Whole repository: a translation with neither pin nor commit.
    NoSyncPoint,
    /// Whole repository: a translation that cannot be read (binary, not UTF-8, broken front matter).
    Unreadable,
    /// Pull request: a source page changed meaningfully, its translation not updated.
    StaleInPr,
    /// Pull request: a new translation without a pin, on a site that uses pins.
    MissingPin,
    /// Pull request: a source page deleted or renamed, its translation left behind.
    OrphanedInPr,
    /// Pull request: a source page added without a translation in this language. Reported only where `check.fail_on`
    /// (or `--fail-on`) names it: sites that publish every language together.
    MissingInPr,
    /// Whole repository: a stale translation whose source changed only in mirrored front-matter keys
    /// (`mirrored-only`). Always reported; fails only where `check.fail_on` (or `--fail-on`) names it.
    MirroredOnly,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Stale => "stale",
            FindingKind::Missing => "missing",
            FindingKind::Orphaned => "orphaned",
            FindingKind::InvalidPin => "invalid-pin",
            FindingKind::NoSyncPoint => "no-sync-point",
            FindingKind::Unreadable => "unreadable",
            FindingKind::StaleInPr => "stale-in-pr",
            FindingKind::MissingPin => "missing-pin",
            FindingKind::OrphanedInPr => "orphaned-in-pr",
            FindingKind::MissingInPr => "missing-in-pr",
            FindingKind::MirroredOnly => "mirrored-only",
        }
    }

    pub const ALL: [FindingKind; 11] = [
        FindingKind::Stale,
        FindingKind::Missing,
        FindingKind::Orphaned,
        FindingKind::InvalidPin,
        FindingKind::NoSyncPoint,
        FindingKind::Unreadable,
        FindingKind::StaleInPr,
        FindingKind::MissingPin,
        FindingKind::OrphanedInPr,
        FindingKind::MissingInPr,
        FindingKind::MirroredOnly,
    ];

    /// The kinds a pull request's check (`--base`) reports (`stale` there: a translation it left unfinished).
    pub const PULL_REQUEST: [FindingKind; 7] = [
        FindingKind::StaleInPr,
        FindingKind::MissingInPr,
        FindingKind::InvalidPin,
        FindingKind::MissingPin,
        FindingKind::OrphanedInPr,
        FindingKind::MirroredOnly,
        FindingKind::Stale,
    ];

    /// The kinds the whole repository's check reports.
    pub const REPOSITORY: [FindingKind; 7] = [
        FindingKind::Stale,
        FindingKind::Missing,
        FindingKind::Orphaned,
        FindingKind::InvalidPin,
        FindingKind::NoSyncPoint,
        FindingKind::Unreadable,
        FindingKind::MirroredOnly,
    ];

    pub fn parse(name: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// One finding, placed where a pull-request author will see it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// Whether it fails the policy (else it is a warning).
    pub fails: bool,
    pub language: String,
    pub source: String,
    pub translation: String,
    /// The file to annotate, and where: the first line of each changed section of a source; the pin's line.
    pub file: String,
    pub lines: Vec<usize>,
    /// Source sections that changed (with their lines in `file`).
    pub sections: Vec<SectionRef>,
    /// How each of `sections` changed, in pull-request mode (empty otherwise): an annotation on a removed section's
    /// place says it was removed, not that the section below it "changed".
    #[serde(skip)]
    pub section_changes: Vec<crate::drift::sections::Change>,
    /// For a translation stale by structure (its source did not change): what differs between them now.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signals: Vec<crate::drift::structure::Signal>,
    /// Why, where a reason code says more (`pin-not-found`, `bad-front-matter`…).
    pub reason: Option<Reason>,
    /// The pin as written, for pin findings.
    pub pin: Option<String>,
    /// The base branch as given, for a pin that is not on it (`pin-not-on-base`; JSON has it as the report's `base`).
    #[serde(skip)]
    pub base: Option<String>,
    /// For a source renamed in the pull request: its new path, and where the translation should go.
    pub renamed_to: Option<String>,
    pub move_translation_to: Option<String>,
    /// For an orphan whose source was deleted: the commit that deleted it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_deleted: Option<super::DeletedIn>,
}

/// A page `check` looked at (one JUnit test case each).
#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub language: String,
    pub source: String,
    pub translation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub version: u32,
    /// `repository` or `pull-request`.
    pub mode: &'static str,
    pub head: String,
    /// The base revision as given, and the merge base it was compared from (pull-request mode).
    pub base: Option<String>,
    pub merge_base: Option<String>,
    pub findings: Vec<Finding>,
    pub checked: Vec<Checked>,
    /// Pull-request mode: the source pages it changed that leave work for translators, by page.
    pub changed_sources: Vec<ChangedSource>,
    pub failing: usize,
    pub warnings: usize,
    /// A skip directive the site reads, for the advice to a pull request's author (`[skip-l10n]` by default).
    #[serde(skip)]
    pub directive: String,
    /// `--pushed`: what a push brought to the branch, not a pull request (the text report says so).
    #[serde(skip)]
    pub pushed: bool,
}

/// A source page a pull request changed (or added), and what it leaves to do in each language.
#[derive(Debug, Clone, Serialize)]
pub struct ChangedSource {
    pub source: String,
    /// The pull request added it.
    pub added: bool,
    /// The sections whose change needs translating (empty for a new page).
    pub sections: Vec<SectionRef>,
    /// Languages whose translation exists and was not updated in the pull request.
    pub to_update: Vec<String>,
    /// Languages without a translation of it.
    pub not_translated: Vec<String>,
    /// Its change is all in commits a skip directive passes over (`[skip-l10n]`…): nothing to translate, said so that
    /// a reviewer sees what was waved through. `to_update` then names the translations left as they are.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub skipped: bool,
    /// Translations the pull request updated with the source but whose pin it left where it was: once merged, each
    /// needs `tandem sync` to move its pin (it names a commit before the change).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pins_to_move: Vec<String>,
}

/// GitHub shows at most this many annotations of each level per step; the step summary has the rest.
pub const ANNOTATIONS_PER_LEVEL: usize = 10;

fn section_names(finding: &Finding, m: &Messages) -> String {
    finding
        .sections
        .iter()
        .map(|s| crate::report::text::quoted_section(&s.heading, &s.id, m))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Languages as the other reports print them, BCP 47's case (`pt-BR`; `--lang` takes either case), one after the other.
fn shown_tags(languages: &[impl AsRef<str>]) -> String {
    (languages.iter())
        .map(|lang| display_tag(lang.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn args(finding: &Finding, report: &CheckReport, m: &Messages) -> Vec<(&'static str, Arg)> {
    vec![
        ("directive", (&report.directive).into()),
        ("lang", display_tag(&finding.language).into()),
        ("source", (&finding.source).into()),
        ("translation", (&finding.translation).into()),
        // The same paths as one shell word each, for the commands the messages hold (`tandem sync …`).
        ("source_quoted", quote(&finding.source).into()),
        ("translation_quoted", quote(&finding.translation).into()),
        (
            "move_to_quoted",
            quote(finding.move_translation_to.as_deref().unwrap_or_default()).into(),
        ),
        ("sections", section_names(finding, m).into()),
        ("count", finding.sections.len().into()),
        ("pin", finding.pin.clone().unwrap_or_default().into()),
        ("base", finding.base.clone().unwrap_or_default().into()),
        // Found in what a push brought (`--pushed`): the fix goes in a commit to come, not "in this PR".
        ("pushed", if report.pushed { "yes" } else { "no" }.into()),
        (
            "reason",
            finding
                .reason
                .map(|r| {
                    m.with(
                        &format!("reason-{}", r.code()),
                        &[
                            ("pin", finding.pin.clone().unwrap_or_default().into()),
                            ("base", finding.base.clone().unwrap_or_default().into()),
                        ],
                    )
                })
                .unwrap_or_default()
                .into(),
        ),
        (
            "move_to",
            finding
                .move_translation_to
                .clone()
                .unwrap_or_default()
                .into(),
        ),
        (
            "renamed_to",
            finding.renamed_to.clone().unwrap_or_default().into(),
        ),
        (
            "deleted",
            finding
                .source_deleted
                .as_ref()
                .map(|d| super::deleted_in(d, m))
                .unwrap_or_default()
                .into(),
        ),
    ]
}

/// A finding's kind as people read it: its word in the interface language (`manquante`, the word `status` uses for
/// the verdict), followed by its `--fail-on` id where the two differ (`manquante (missing)`), for a policy to name it.
/// `code`: the id in a Markdown code span.
pub fn kind_label(kind: FindingKind, m: &Messages, code: bool) -> String {
    let name = m.get(&format!("check-kind-{}", kind.as_str()));
    if name == kind.as_str() {
        return name;
    }
    let id = if code {
        format!("`{}`", kind.as_str())
    } else {
        kind.as_str().to_owned()
    };
    m.with(
        "check-kind-with-id",
        &[("name", name.into()), ("id", id.into())],
    )
}

/// The one-line title of a finding (for annotations).
pub fn title(finding: &Finding, report: &CheckReport, m: &Messages) -> String {
    let id = match finding.reason {
        Some(Reason::TranslationDeleted) => "check-title-missing-in-pr-deleted".to_owned(),
        _ => format!("check-title-{}", finding.kind.as_str()),
    };
    m.with(&id, &args(finding, report, m))
}

/// What to do about a finding, for people.
pub fn message(finding: &Finding, report: &CheckReport, m: &Messages) -> String {
    let id = match (finding.kind, &finding.move_translation_to) {
        (FindingKind::OrphanedInPr, Some(_)) if !finding.sections.is_empty() => {
            "check-msg-orphaned-in-pr-renamed-changed".to_owned()
        }
        (FindingKind::OrphanedInPr, Some(_)) => "check-msg-orphaned-in-pr-renamed".to_owned(),
        // A page that says its language in its front matter (jekyll-polyglot) names no source path: "x.md has no
        // source: x.md does not exist" pointed at the file it named.
        (FindingKind::Orphaned, _) if finding.source == finding.translation => {
            "check-msg-orphaned-no-key".to_owned()
        }
        (FindingKind::Orphaned, _) if finding.source_deleted.is_some() => {
            "check-msg-orphaned-deleted".to_owned()
        }
        (FindingKind::MissingInPr, Some(_))
            if finding.reason == Some(Reason::TranslationDeleted) =>
        {
            "check-msg-missing-in-pr-deleted-renamed".to_owned()
        }
        (FindingKind::MissingInPr, _) if finding.reason == Some(Reason::TranslationDeleted) => {
            "check-msg-missing-in-pr-deleted".to_owned()
        }
        (FindingKind::OrphanedInPr, None) if finding.reason == Some(Reason::SourceNotFound) => {
            "check-msg-orphaned-in-pr-added".to_owned()
        }
        // "Run tandem sync once it is up to date" would write the same pin again: the pin waits for the merge.
        (FindingKind::InvalidPin, _) if finding.reason == Some(Reason::PinNotOnBase) => {
            "check-msg-pin-not-on-base".to_owned()
        }
        // The translation says it is not finished (scaffold's marks, conflict markers), whatever its source.
        (FindingKind::Stale, _)
            if finding.reason == Some(Reason::Structure)
                && finding.signals.iter().any(|s| {
                    matches!(
                        s.kind,
                        crate::drift::structure::SignalKind::TranslateMarks
                            | crate::drift::structure::SignalKind::ConflictMarkers
                    )
                }) =>
        {
            "check-msg-stale-unfinished".to_owned()
        }
        // The source did not change: the translation lacks what it has.
        (FindingKind::Stale, _) if finding.reason == Some(Reason::Structure) => {
            "check-msg-stale-structure".to_owned()
        }
        (kind, _) => format!("check-msg-{}", kind.as_str()),
    };
    m.with(&id, &args(finding, report, m))
}

/// [`message`], and for a whole-repository stale finding why in one line: its changed sections, or what differs now
/// (annotations, the step summary, JUnit).
pub fn explained(finding: &Finding, report: &CheckReport, m: &Messages) -> String {
    let mut text = message(finding, report, m);
    if matches!(finding.kind, FindingKind::Stale | FindingKind::MirroredOnly) {
        // A sentence of its own after the message's: "…update content/fr/a.md. Changed sections: …".
        let why = if !finding.sections.is_empty() {
            m.with(
                "status-changed-sections",
                &[("sections", section_names(finding, m).into())],
            )
        } else if !finding.signals.is_empty() {
            crate::report::text::signals_line(&finding.signals, m)
        } else {
            String::new()
        };
        let mut chars = why.chars();
        if let Some(first) = chars.next() {
            text.push(' ');
            text.extend(first.to_uppercase());
            text.push_str(chars.as_str());
        }
    }
    text
}

pub fn text(report: &CheckReport, m: &Messages) -> String {
    let mut out = String::new();
    match (&report.base, &report.merge_base) {
        (Some(base), Some(merge_base)) => out.push_str(&m.with(
            if report.pushed {
                "check-header-push"
            } else {
                "check-header-pr"
            },
            &[
                ("base", base.into()),
                ("merge_base", super::abbrev(merge_base).into()),
            ],
        )),
        _ => out.push_str(&m.get("check-header-repo")),
    }
    out.push('\n');
    // Pull-request mode: one line per source page it changed, with its languages.
    for changed in &report.changed_sources {
        out.push('\n');
        out.push_str(&changed_source_lines(report, changed, m));
    }
    if report.findings.is_empty() {
        if !report.changed_sources.is_empty() {
            out.push('\n');
        }
        out.push_str(&m.get(if report.pushed {
            "check-clean-push"
        } else if report.base.is_some() {
            "check-clean-pr"
        } else {
            "check-clean-repo"
        }));
        out.push('\n');
        return out;
    }
    // The other findings, by language.
    let others: Vec<&Finding> = report.findings.iter().filter(|f| !by_page(f)).collect();
    if !report.changed_sources.is_empty() && !others.is_empty() {
        out.push('\n');
        out.push_str(&m.get("check-other-findings"));
        out.push('\n');
    }
    let mut languages: Vec<&String> = others.iter().map(|f| &f.language).collect();
    languages.dedup();
    for lang in languages {
        let of_lang: Vec<&Finding> = others
            .iter()
            .copied()
            .filter(|f| &f.language == lang)
            .collect();
        out.push('\n');
        out.push_str(&m.with(
            "check-language",
            &[
                ("lang", display_tag(lang).into()),
                ("count", of_lang.len().into()),
                ("failing", of_lang.iter().filter(|f| f.fails).count().into()),
            ],
        ));
        out.push('\n');
        for finding in of_lang {
            let mark = if finding.fails { "✗" } else { "!" };
            let line = finding.lines.first().copied().unwrap_or(1);
            out.push_str(&format!(
                "  {mark} {}  {}:{line}  {}\n",
                kind_label(finding.kind, m, false),
                finding.file,
                message(finding, report, m)
            ));
            if matches!(finding.kind, FindingKind::Stale | FindingKind::MirroredOnly)
                && !finding.sections.is_empty()
            {
                // Why it is stale: the changed sections (the front matter is one).
                out.push_str("      ");
                out.push_str(&m.with(
                    "status-changed-sections",
                    &[("sections", section_names(finding, m).into())],
                ));
                out.push('\n');
            }
            if !finding.signals.is_empty() {
                out.push_str("      ");
                out.push_str(&crate::report::text::signals_line(&finding.signals, m));
                out.push('\n');
            }
            if matches!(finding.kind, FindingKind::StaleInPr | FindingKind::Stale) {
                out.push_str(&format!(
                    "      tandem diff {}\n",
                    crate::util::shell::quote(&finding.translation)
                ));
            }
        }
    }
    out.push('\n');
    out.push_str(&m.with(
        "check-result",
        &[
            ("failing", report.failing.into()),
            ("warnings", report.warnings.into()),
        ],
    ));
    out.push('\n');
    out
}

/// Whether the text report lists a finding under the source page the pull request changed (a translation to update
/// or to write), rather than with the other findings of its language (a deleted translation's source may be unchanged).
fn by_page(finding: &&Finding) -> bool {
    match finding.kind {
        FindingKind::StaleInPr => true,
        FindingKind::MissingInPr => finding.reason != Some(Reason::TranslationDeleted),
        _ => false,
    }
}

/// `✗ content/en/x.md changed — to update: fr, ja · not translated: bn, es`, then the changed sections and one
/// `tandem diff` per translation to update.
fn changed_source_lines(report: &CheckReport, changed: &ChangedSource, m: &Messages) -> String {
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.source == changed.source && by_page(f))
        .collect();
    let mark = if findings.iter().any(|f| f.fails) {
        "✗"
    } else if findings.is_empty() {
        "·"
    } else {
        "!"
    };
    let mut parts = Vec::new();
    if changed.skipped {
        parts.push(m.get("check-skipped-directive"));
    } else if !changed.to_update.is_empty() {
        parts.push(m.with(
            "check-to-update",
            &[("langs", shown_tags(&changed.to_update).into())],
        ));
    }
    if !changed.not_translated.is_empty() {
        parts.push(m.with(
            "check-not-translated",
            &[("langs", shown_tags(&changed.not_translated).into())],
        ));
    }
    if !changed.pins_to_move.is_empty() && parts.is_empty() {
        parts.push(m.get(if changed.added {
            "check-added-pins-to-move"
        } else {
            "check-updated-pins-to-move"
        }));
    }
    let head = m.with(
        if changed.added {
            "check-page-added"
        } else {
            "check-page-changed"
        },
        &[("source", (&changed.source).into())],
    );
    let mut out = format!("{mark} {head} — {}\n", parts.join(" · "));
    if !changed.sections.is_empty() {
        let names: Vec<String> = changed
            .sections
            .iter()
            .map(|s| {
                let name = crate::report::text::quoted_section(&s.heading, &s.id, m);
                format!("{name} ({}:{})", changed.source, s.line)
            })
            .collect();
        out.push_str(&format!("    {}\n", names.join(", ")));
    }
    for finding in findings.iter().filter(|f| f.kind == FindingKind::StaleInPr) {
        out.push_str(&format!(
            "    tandem diff {}\n",
            crate::util::shell::quote(&finding.translation)
        ));
    }
    for translation in &changed.pins_to_move {
        out.push_str(&format!(
            "    {}\n",
            pin_to_move_message(translation, changed.added, m)
        ));
    }
    out
}

/// `added`: the source is new in the pull request (its translation's pin can only name one of its commits).
fn pin_to_move_message(translation: &str, added: bool, m: &Messages) -> String {
    m.with(
        if added {
            "check-pin-to-move-new-page"
        } else {
            "check-pin-to-move"
        },
        &[("translation_quoted", quote(translation).into())],
    )
}

/// Escapes the message of a workflow command.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property (`file=…`, `title=…`) of a workflow command.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub workflow commands: one annotation per finding — for a page and language, on the first line of its first
/// changed section, listing every changed section —, capped per level, then one line of summary (`see_summary`:
/// pointing to the job's step summary, which has them all).
pub fn github(report: &CheckReport, m: &Messages, see_summary: bool) -> String {
    let mut out = String::new();
    let mut left_out = 0usize;
    let shown = annotated(&report.findings);
    for (at, finding) in report.findings.iter().enumerate() {
        let command = if finding.fails { "error" } else { "warning" };
        if !shown.contains(&at) {
            left_out += 1;
            continue;
        }
        let line = finding.lines.first().copied().unwrap_or(1);
        // The message puts the section in parentheses: the text before the first heading is named without its own.
        let name =
            |s: &crate::drift::structure::SectionRef| match (s.heading.is_empty(), s.id.as_str()) {
                (false, _) => s.heading.clone(),
                (true, "front-matter") => crate::report::text::unnamed_section(&s.id, m),
                (true, _) => m.get("section-preamble-plain"),
            };
        let text = match (finding.kind, finding.sections.as_slice()) {
            (FindingKind::StaleInPr, [one]) => m.with(
                match finding.section_changes.first() {
                    Some(crate::drift::sections::Change::Added) => {
                        "check-msg-stale-in-pr-section-added"
                    }
                    Some(crate::drift::sections::Change::Removed) => {
                        "check-msg-stale-in-pr-section-removed"
                    }
                    _ => "check-msg-stale-in-pr-section",
                },
                &[
                    ("section", name(one).into()),
                    ("translation", (&finding.translation).into()),
                    ("directive", (&report.directive).into()),
                    ("pushed", if report.pushed { "yes" } else { "no" }.into()),
                ],
            ),
            (FindingKind::StaleInPr, [_, _, ..]) => m.with(
                "check-msg-stale-in-pr-sections",
                &[
                    ("sections", section_names(finding, m).into()),
                    ("translation", (&finding.translation).into()),
                    ("directive", (&report.directive).into()),
                    ("pushed", if report.pushed { "yes" } else { "no" }.into()),
                ],
            ),
            _ => explained(finding, report, m),
        };
        out.push_str(&format!(
            "::{command} file={},line={line},title={}::{}\n",
            escape_property(&finding.file),
            escape_property(&title(finding, report, m)),
            escape_data(&text)
        ));
    }
    // New pages with no translation that no finding names (`missing-in-pr` not asked for): a notice each, so that what
    // the text report lists is not lost in the pull request's view.
    let noticed: Vec<&ChangedSource> = new_pages(report).collect();
    for changed in noticed.iter().take(ANNOTATIONS_PER_LEVEL) {
        out.push_str(&format!(
            "::notice file={},line=1,title={}::{}\n",
            escape_property(&changed.source),
            escape_property(&m.get("check-title-new-page")),
            escape_data(&new_page_message(changed, m))
        ));
    }
    // Changes a skip directive waved through: a notice each too (the text report lists them, so that a reviewer
    // sees what was waved through; the pull request's view had nothing). GitHub shows 10 notices per step in all.
    let mut notices = noticed.len().min(ANNOTATIONS_PER_LEVEL);
    for changed in skipped_sources(report).take(ANNOTATIONS_PER_LEVEL - notices) {
        notices += 1;
        out.push_str(&format!(
            "::notice file={},line=1,title={}::{}\n",
            escape_property(&changed.source),
            escape_property(&m.get("check-title-skipped")),
            escape_data(&skipped_message(changed, m))
        ));
    }
    // Translations updated with their source whose pin stays before the change: to sync once merged.
    for (translation, added) in report
        .changed_sources
        .iter()
        .flat_map(|c| c.pins_to_move.iter().map(|t| (t, c.added)))
        .take(ANNOTATIONS_PER_LEVEL - notices)
    {
        out.push_str(&format!(
            "::notice file={},line=1,title={}::{}\n",
            escape_property(translation),
            escape_property(&m.get("check-title-pin-to-move")),
            escape_data(&pin_to_move_message(translation, added, m))
        ));
    }
    if left_out > 0 {
        out.push_str(&m.with(
            "check-more-annotations",
            &[
                ("count", left_out.into()),
                ("summary", if see_summary { "yes" } else { "no" }.into()),
            ],
        ));
        out.push('\n');
    }
    out.push_str(&summary_line(report, m, see_summary));
    out.push('\n');
    out
}

/// The findings that get an annotation: GitHub shows ten of each level, so each level's ten are taken a kind at a time
/// (the first `stale-in-pr`, the first `orphaned-in-pr`, the second `stale-in-pr`…): with 200 stale pages, the 15
/// renamed sources' `git mv` were in no annotation. The rest is in the step summary.
fn annotated(findings: &[Finding]) -> std::collections::HashSet<usize> {
    let mut shown = std::collections::HashSet::new();
    for fails in [true, false] {
        let mut by_kind: std::collections::BTreeMap<
            FindingKind,
            std::collections::VecDeque<usize>,
        > = std::collections::BTreeMap::new();
        for (at, finding) in findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.fails == fails)
        {
            by_kind.entry(finding.kind).or_default().push_back(at);
        }
        let mut taken = 0;
        while taken < ANNOTATIONS_PER_LEVEL && by_kind.values().any(|q| !q.is_empty()) {
            for queue in by_kind.values_mut() {
                if taken == ANNOTATIONS_PER_LEVEL {
                    break;
                }
                if let Some(at) = queue.pop_front() {
                    shown.insert(at);
                    taken += 1;
                }
            }
        }
    }
    shown
}

/// The pages the pull request added without a translation that no finding names (`missing-in-pr` not asked for).
fn new_pages(report: &CheckReport) -> impl Iterator<Item = &ChangedSource> {
    report
        .changed_sources
        .iter()
        .filter(|c| c.added && !c.not_translated.is_empty())
        .filter(|c| {
            !report
                .findings
                .iter()
                .any(|f| f.kind == FindingKind::MissingInPr && f.source == c.source)
        })
}

fn new_page_message(changed: &ChangedSource, m: &Messages) -> String {
    m.with(
        "check-msg-new-page",
        &[
            ("source", (&changed.source).into()),
            ("source_quoted", quote(&changed.source).into()),
            ("languages", shown_tags(&changed.not_translated).into()),
            ("lang", display_tag(&changed.not_translated[0]).into()),
        ],
    )
}

/// The source pages whose change a skip directive waved through.
fn skipped_sources(report: &CheckReport) -> impl Iterator<Item = &ChangedSource> {
    report.changed_sources.iter().filter(|c| c.skipped)
}

fn skipped_message(changed: &ChangedSource, m: &Messages) -> String {
    m.with(
        "check-msg-skipped",
        &[
            ("source", (&changed.source).into()),
            ("languages", shown_tags(&changed.to_update).into()),
        ],
    )
}

/// `tandem: 1 page needs translation (fr); 0 pin problems; 0 orphans; 1 failing; see the step summary.`
/// `see_summary`: the job's step summary has the findings, and this line is not in it.
pub fn summary_line(report: &CheckReport, m: &Messages, see_summary: bool) -> String {
    let count = |kinds: &[FindingKind]| {
        report
            .findings
            .iter()
            .filter(|f| kinds.contains(&f.kind))
            .count()
    };
    let mut languages: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::StaleInPr
                    | FindingKind::Stale
                    | FindingKind::Missing
                    | FindingKind::MissingInPr
            )
        })
        .map(|f| f.language.as_str())
        .collect();
    languages.sort();
    languages.dedup();
    let mut untranslated = m.with(
        "check-summary-untranslated",
        &[(
            "count",
            count(&[
                FindingKind::StaleInPr,
                FindingKind::Stale,
                FindingKind::Missing,
                FindingKind::MissingInPr,
            ])
            .into(),
        )],
    );
    if !languages.is_empty() {
        untranslated.push_str(&format!(" ({})", shown_tags(&languages)));
    }
    m.with(
        "check-summary-line",
        &[
            ("untranslated", untranslated.into()),
            (
                "pins",
                count(&[FindingKind::InvalidPin, FindingKind::MissingPin]).into(),
            ),
            (
                "orphans",
                count(&[FindingKind::OrphanedInPr, FindingKind::Orphaned]).into(),
            ),
            ("failing", report.failing.into()),
            ("summary", if see_summary { "yes" } else { "no" }.into()),
        ],
    )
}

/// The Markdown step summary: one table row per finding, then the new pages no finding names and the changes a skip
/// directive waved through (as the text report lists them).
pub fn step_summary(report: &CheckReport, m: &Messages) -> String {
    let mut out = format!(
        "## {}\n\n{}\n\n",
        m.get("check-summary-title"),
        summary_line(report, m, false)
    );
    findings_table(&mut out, report, m);
    let lists: [(&str, Vec<String>); 3] = [
        (
            "check-summary-new-pages",
            new_pages(report).map(|c| new_page_message(c, m)).collect(),
        ),
        (
            "check-summary-skipped",
            skipped_sources(report)
                .map(|c| skipped_message(c, m))
                .collect(),
        ),
        (
            "check-summary-pins-to-move",
            report
                .changed_sources
                .iter()
                .flat_map(|c| c.pins_to_move.iter().map(|t| (t, c.added)))
                .map(|(t, added)| pin_to_move_message(t, added, m))
                .collect(),
        ),
    ];
    for (heading, items) in lists {
        if items.is_empty() {
            continue;
        }
        let mut block = format!("### {}\n\n", m.get(heading));
        for item in &items {
            block.push_str(&format!("- {}\n", crate::report::markdown::inline(item)));
        }
        block.push('\n');
        // Within GitHub's limit, as the table.
        if out.len() + block.len() > STEP_SUMMARY_MAX {
            break;
        }
        out.push_str(&block);
    }
    out
}

fn findings_table(out: &mut String, report: &CheckReport, m: &Messages) {
    if report.findings.is_empty() {
        return;
    }
    out.push_str(&format!(
        "| | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        m.get("check-col-language"),
        m.get("check-col-page"),
        m.get("check-col-finding"),
        m.get("check-col-action"),
    ));
    for (at, finding) in report.findings.iter().enumerate() {
        let mark = if finding.fails { "❌" } else { "⚠️" };
        let row = format!(
            "| {mark} | {} | {} | {} | {} |\n",
            finding.language,
            crate::report::markdown::code_in_cell(&finding.translation),
            kind_label(finding.kind, m, true),
            crate::report::markdown::inline(&explained(finding, report, m))
        );
        // GitHub drops a step summary over 1 MiB whole: the rows stop before it, and say how many are left out.
        if out.len() + row.len() > STEP_SUMMARY_MAX {
            out.push('\n');
            out.push_str(&m.with(
                "check-summary-cut",
                &[("count", (report.findings.len() - at).into())],
            ));
            out.push('\n');
            return;
        }
        out.push_str(&row);
    }
    out.push('\n');
}

/// The bytes of a step summary tandem writes at most: GitHub refuses one over 1 MiB (1,048,576 bytes), room kept
/// for the last line and for what other steps of the job write.
const STEP_SUMMARY_MAX: usize = 900_000;

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// JUnit XML: a test suite per language, a test case per page looked at; failing findings are failures, the others
/// go to the test case's output.
pub fn junit(report: &CheckReport, m: &Messages) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total_failures = report.findings.iter().filter(|f| f.fails).count();
    out.push_str(&format!(
        "<testsuites name=\"tandem check\" tests=\"{}\" failures=\"{}\">\n",
        report.checked.len(),
        total_failures
    ));
    let mut languages: Vec<&String> = report.checked.iter().map(|c| &c.language).collect();
    languages.sort();
    languages.dedup();
    for lang in languages {
        let cases: Vec<_> = report
            .checked
            .iter()
            .filter(|c| &c.language == lang)
            .collect();
        let failures = report
            .findings
            .iter()
            .filter(|f| &f.language == lang && f.fails)
            .count();
        let findings_of = |case: &Checked| -> Vec<&Finding> {
            report
                .findings
                .iter()
                .filter(|f| f.language == case.language && f.translation == case.translation)
                .collect()
        };
        // Neither passed nor failed: a translation a skip directive left as it is, or one that does not exist (a
        // language that never translated the page, with no finding) — both counted as passes, a suite of green ticks
        // for pages nobody checked.
        let skipped_because = |case: &Checked| -> Option<String> {
            let changed = report
                .changed_sources
                .iter()
                .find(|c| c.source == case.source)?;
            if changed.skipped && changed.to_update.contains(&case.language) {
                Some(m.get("check-skipped-directive"))
            } else if changed.not_translated.contains(&case.language) {
                Some(m.with(
                    "check-junit-not-translated",
                    &[("translation", (&case.translation).into())],
                ))
            } else {
                None
            }
        };
        let skipped = cases
            .iter()
            .filter(|c| findings_of(c).is_empty() && skipped_because(c).is_some())
            .count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n",
            xml(lang),
            cases.len(),
            failures,
            skipped
        ));
        for case in cases {
            let findings = findings_of(case);
            out.push_str(&format!(
                "    <testcase classname=\"tandem.{}\" name=\"{}\" file=\"{}\"",
                xml(lang),
                xml(&case.translation),
                xml(&case.source)
            ));
            if findings.is_empty() {
                match skipped_because(case) {
                    Some(why) => out.push_str(&format!(
                        ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                        xml(&why)
                    )),
                    None => out.push_str("/>\n"),
                }
                continue;
            }
            out.push_str(">\n");
            for finding in &findings {
                let text = explained(finding, report, m);
                if finding.fails {
                    out.push_str(&format!(
                        "      <failure type=\"{}\" message=\"{}\">{}:{}</failure>\n",
                        finding.kind.as_str(),
                        xml(&text),
                        xml(&finding.file),
                        finding.lines.first().copied().unwrap_or(1)
                    ));
                } else {
                    out.push_str(&format!(
                        "      <system-out>{}</system-out>\n",
                        xml(&m.with(
                            "check-junit-warning",
                            &[
                                ("kind", kind_label(finding.kind, m, false).into()),
                                ("text", text.into()),
                            ]
                        ))
                    ));
                }
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A check of a large site (glossary: 1,089 findings, 225 KB; five times that is over GitHub's limit) wrote a step
    /// summary of any size, and GitHub drops one over 1 MiB whole, "the rest is in the step summary" with it.
    #[test]
    fn the_step_summary_stops_before_github_s_limit() {
        let finding = |i: usize| Finding {
            kind: FindingKind::Missing,
            fails: true,
            language: "fr".into(),
            source: format!("content/en/a-rather-long-page-name-number-{i}.md"),
            translation: format!("content/fr/a-rather-long-page-name-number-{i}.md"),
            file: format!("content/fr/a-rather-long-page-name-number-{i}.md"),
            lines: vec![1],
            sections: Vec::new(),
            section_changes: Vec::new(),
            signals: Vec::new(),
            reason: None,
            pin: None,
            base: None,
            renamed_to: None,
            move_translation_to: None,
            source_deleted: None,
        };
        let report = CheckReport {
            version: 1,
            mode: "repository",
            head: "0".repeat(40),
            base: None,
            merge_base: None,
            findings: (0..8_000).map(finding).collect(),
            checked: Vec::new(),
            changed_sources: Vec::new(),
            failing: 8_000,
            warnings: 0,
            directive: "[skip-l10n]".into(),
            pushed: false,
        };
        let m = Messages::new(crate::i18n::UiLang::En);
        let summary = step_summary(&report, &m);
        assert!(
            summary.len() <= STEP_SUMMARY_MAX + 1_000,
            "{}",
            summary.len()
        );
        let last = summary.trim_end().lines().last().unwrap();
        assert!(last.contains("more findings not shown here"), "{last}");
        // A small report is whole.
        let small = CheckReport {
            findings: (0..10).map(finding).collect(),
            ..report
        };
        assert!(!step_summary(&small, &m).contains("not shown"));
    }

    #[test]
    fn workflow_command_escaping() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
