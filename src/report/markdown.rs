//! `status --format markdown`: the same report as tables, for an issue, a pull request's comment, a wiki page or a CI
//! step summary.

use super::text::reason_text;
use super::{PageStatus, StatusReport};
use crate::drift::State;
use crate::i18n::Messages;
use std::fmt::Write;

/// The longest body GitHub takes for an issue or a comment (65,536 characters; counted here in bytes, never fewer).
/// A longer one is refused whole ("body is too long"), so the report is shortened to fit, unless `--all`.
pub const GITHUB_BODY_LIMIT: usize = 65_536;

/// The report; longer than [`GITHUB_BODY_LIMIT`] and not `all`, each language lists as many of its pages as lets the
/// whole fit (the most behind first), saying how many it left out and the command that lists them.
pub fn status(report: &StatusReport, m: &Messages, all: bool) -> String {
    let full = languages(report, m, None);
    if all || full.len() <= GITHUB_BODY_LIMIT {
        return full;
    }
    let longest = report
        .languages
        .iter()
        .map(|lang| {
            report
                .pages
                .iter()
                .filter(|p| &p.language == lang && p.state != State::Current)
                .count()
        })
        .max()
        .unwrap_or(0);
    let shortened = |cap: usize| {
        let note = m.with("md-shortened", &[("count", cap.into())]);
        format!(
            "> {} `tandem status --format markdown --all`\n\n{}",
            inline(&note),
            languages(report, m, Some(cap))
        )
    };
    // The largest number of pages per list that fits (none listed may still be too long: then that, the nearest).
    let (mut fits, mut too_many) = (0, longest);
    while fits + 1 < too_many {
        let mid = (fits + too_many) / 2;
        if shortened(mid).len() <= GITHUB_BODY_LIMIT {
            fits = mid;
        } else {
            too_many = mid;
        }
    }
    shortened(fits)
}

/// Each language's counts per section, then its pages not current, at most `cap` of them per list; several
/// languages are first counted in one table.
fn languages(report: &StatusReport, m: &Messages, cap: Option<usize>) -> String {
    let mut out = String::new();
    if report.languages.len() > 1 {
        overview(&mut out, report, m);
    }
    for lang in &report.languages {
        let Some(summary) = report.summary.get(lang) else {
            continue;
        };
        let counts = &summary.counts;
        let percent = if counts.missing == 0 {
            100
        } else {
            ((counts.completeness * 100.0).floor() as usize).min(99)
        };
        out.push_str("## ");
        out.push_str(&m.with(
            "status-language-header",
            &[
                ("lang", super::display_tag(lang).into()),
                ("total", counts.total.into()),
                ("translated", counts.translated().into()),
                ("percent", percent.into()),
            ],
        ));
        out.push_str("\n\n");
        out.push('|');
        for id in std::iter::once("status-col-section").chain(super::COUNT_COLUMNS) {
            out.push_str(&format!(" {} |", m.get(id)));
        }
        out.push_str("\n|---|");
        out.push_str(&"---:|".repeat(super::COUNT_COLUMNS.len()));
        out.push('\n');
        for (section, c) in &summary.sections {
            out.push_str(&format!(
                "| {} | {}/{} | {} | {} | {} | {} | {} |\n",
                code_in_cell(section),
                c.translated(),
                c.total,
                c.current,
                c.stale,
                c.missing,
                c.orphaned,
                c.unknown
            ));
        }

        // Pages not translated yet are folded below the table, as on the dashboard: a language that is starting out
        // would otherwise bury its few stale pages under rows of missing ones.
        let (missing, pages): (Vec<&PageStatus>, Vec<&PageStatus>) = report
            .pages
            .iter()
            .filter(|p| &p.language == lang && p.state != State::Current)
            .partition(|p| p.state == State::Missing);
        if pages.is_empty() {
            renamed_list(&mut out, report, lang, m);
            if !missing.is_empty() {
                missing_list(&mut out, &missing, lang, cap, m);
            }
            continue;
        }
        let mut pages = pages;
        pages.sort_by(|a, b| {
            a.state
                .cmp(&b.state)
                .then(
                    b.commits_behind
                        .unwrap_or(0)
                        .cmp(&a.commits_behind.unwrap_or(0)),
                )
                .then_with(|| a.translation.cmp(&b.translation))
        });
        // The most behind stale page (they come first), for the command to run next.
        let first_stale = pages.iter().find(|p| p.state == State::Stale).copied();
        // At most `cap` of each kind, as the note above the report says: cut as one list, the orphans (sorted
        // last) were always cut, their `git rm` or `git mv` with them.
        let before = pages.len();
        if let Some(cap) = cap {
            let mut kept_of: std::collections::HashMap<State, usize> = Default::default();
            pages.retain(|p| {
                let kept = kept_of.entry(p.state).or_default();
                *kept += 1;
                *kept <= cap
            });
        }
        let left_out = before - pages.len();
        if !pages.is_empty() {
            page_table(&mut out, &pages, m);
        }
        if left_out > 0 {
            out.push('\n');
            out.push_str(&more_line(lang, left_out, m));
            out.push('\n');
        }
        if super::orphans_may_be_missing_pages(report, Some(lang)) {
            let advice = inline(&m.get("status-orphans-suggest"));
            let _ = writeln!(
                out,
                "\n{}",
                advice.replace("tandem pair --suggest", "`tandem pair --suggest`")
            );
        }
        renamed_list(&mut out, report, lang, m);
        if let Some(page) = first_stale {
            let _ = write!(
                out,
                "\n{} {}\n",
                inline(&m.get("md-next")),
                code_span(&super::next_command(page))
            );
        }
        missing_list(&mut out, &missing, lang, cap, m);
    }
    out
}

/// One row per language with its counts, as the terminal's summary: how far each language is, at a glance (a site of
/// 15 languages otherwise had its counts 15 headings apart).
fn overview(out: &mut String, report: &StatusReport, m: &Messages) {
    let _ = write!(
        out,
        "{}\n\n|",
        inline(&m.with(
            "status-summary-heading",
            &[("count", report.languages.len().into())]
        ))
    );
    for id in std::iter::once("status-col-language").chain(super::COUNT_COLUMNS) {
        let _ = write!(out, " {} |", m.get(id));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(super::COUNT_COLUMNS.len()));
    out.push('\n');
    for lang in &report.languages {
        let Some(summary) = report.summary.get(lang) else {
            continue;
        };
        let c = &summary.counts;
        let translated = m.with(
            "status-percent",
            &[
                ("translated", c.translated().into()),
                ("total", c.total.into()),
                ("percent", super::text::percent(c).into()),
            ],
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            inline(&super::display_tag(lang)),
            translated,
            c.current,
            c.stale,
            c.missing,
            c.orphaned,
            c.unknown
        );
    }
    out.push('\n');
}

/// The pages not current, one row each with why.
fn page_table(out: &mut String, pages: &[&PageStatus], m: &Messages) {
    out.push('\n');
    out.push_str(&format!(
        "| {} | {} | {} | {} |\n|---|---|---:|---|\n",
        m.get("md-col-page"),
        m.get("md-col-state"),
        m.get("md-col-behind"),
        m.get("md-col-why"),
    ));
    for page in pages {
        let behind = page
            .commits_behind
            .map(|n| n.to_string())
            .unwrap_or_default();
        let mut why = match (&page.sync, page.state) {
            (Some(sync), State::Stale) => {
                let mut why = super::text::sync_said(sync, &page.language, m);
                // The commits passed over on the way, and what changed (or what differs now), as the terminal
                // report says them.
                for part in super::text::skipped_named(sync, m) {
                    why.push_str(" · ");
                    why.push_str(&part);
                }
                if let Some(detail) = super::text::stale_detail(page, m) {
                    why.push_str(" · ");
                    why.push_str(&detail);
                }
                why
            }
            _ => reason_text(page, m),
        };
        why = inline(&why);
        // An orphan whose source was renamed: the move that pairs it again, as the terminal and the dashboard say.
        if let Some(to) = page.move_to().filter(|_| page.state == State::Orphaned) {
            if let Some(now) = page.renamed_to() {
                let renamed = m.with("orphan-source-renamed-to", &[("to", now.into())]);
                let _ = write!(why, " · {}", inline(&renamed));
            }
            let _ = write!(why, " · {}", code_in_cell(&super::move_command(page, to)));
        } else if let Some(deleted) = page.source_deleted() {
            let deleted = super::deleted_in(deleted, m);
            let _ = write!(
                why,
                " · {} · {}",
                inline(&m.with("orphan-source-deleted-in", &[("deleted", deleted.into())])),
                code_in_cell(&super::remove_command(page))
            );
        }
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            code_in_cell(&page.translation),
            m.get(&format!("state-{}", page.state.as_str())),
            behind,
            why
        ));
    }
}

/// The translations of `lang` whose source was renamed, but the orphans (their row says it), each with the `git mv`
/// that keeps it paired by path, as the terminal report lists them.
fn renamed_list(out: &mut String, report: &StatusReport, lang: &str, m: &Messages) {
    let renamed = super::renamed_pages(report.pages.iter().filter(|p| p.language == lang));
    if renamed.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "\n{}\n\n",
        inline(&m.with("status-renamed-heading", &[("count", renamed.len().into())]))
    );
    for (page, to) in renamed {
        let line = m.with(
            "status-renamed-line",
            &[
                ("translation", (&page.translation).into()),
                (
                    "from",
                    page.renamed_from().cloned().unwrap_or_default().into(),
                ),
                ("to", (&page.source).into()),
            ],
        );
        let _ = writeln!(
            out,
            "- {} · {}",
            inline(&line),
            code_span(&super::move_command(page, to))
        );
    }
}

/// The line after a list shortened to fit: how many pages it left out, and the command that lists them.
fn more_line(lang: &str, count: usize, m: &Messages) -> String {
    format!(
        "{} `tandem status --format markdown --all --lang {lang}`",
        inline(&m.with("md-more-pages", &[("count", count.into())]))
    )
}

/// The pages not translated yet, folded (`<details>`, which GitHub renders), after a blank line.
fn missing_list(
    out: &mut String,
    missing: &[&PageStatus],
    lang: &str,
    cap: Option<usize>,
    m: &Messages,
) {
    out.push('\n');
    if missing.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<details><summary>{}</summary>\n\n",
        m.with("md-missing-summary", &[("count", missing.len().into())])
    ));
    let mut paths: Vec<&str> = missing.iter().map(|p| p.translation.as_str()).collect();
    paths.sort_unstable();
    let left_out = paths.len().saturating_sub(cap.unwrap_or(usize::MAX));
    for path in &paths[..paths.len() - left_out] {
        out.push_str(&format!("- `{path}`\n"));
    }
    if left_out > 0 {
        out.push_str(&format!("\n{}\n", more_line(lang, left_out, m)));
    }
    out.push_str("\n</details>\n\n");
}

/// A path as a code span in a table cell. GFM splits the row at every `|` not escaped, inside a code span too, and
/// drops the backslash of `\|` there: `content/fr/pipe|name.md` split its row, each half in a column of its own. A
/// backtick in the path gets a longer fence (`` `` a`b `` ``), as CommonMark reads code spans.
pub fn code_in_cell(text: &str) -> String {
    code_span(&text.replace('|', "\\|"))
}

/// Text as a code span, its fence longer than any run of backticks in it.
fn code_span(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Text from the pages and the history (headings, commit subjects, keys) written into a Markdown line or table cell as
/// it reads: a heading such as `<Card> component` was taken for an HTML tag and dropped by GitHub's renderer, and a
/// `|` ended the table's cell. Backslashes go before what Markdown would read as markup (`\`, `` ` ``, `*`, `<`, `|`,
/// and `_` where it could start or end emphasis: not between two letters or digits, as in `front_matter`). No line
/// break is kept.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut before: Option<char> = None;
    while let Some(c) = chars.next() {
        let escaped = match c {
            '\\' | '`' | '*' | '<' | '|' => true,
            '_' => {
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                !(word(before) && word(chars.peek().copied()))
            }
            _ => false,
        };
        match c {
            '\n' | '\r' => out.push(' '),
            _ => {
                if escaped {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        before = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{code_in_cell, inline};

    #[test]
    fn a_path_in_a_table_cell_keeps_its_pipes_and_backticks() {
        assert_eq!(code_in_cell("content/fr/a.md"), "`content/fr/a.md`");
        assert_eq!(
            code_in_cell("content/fr/pipe|name.md"),
            "`content/fr/pipe\\|name.md`"
        );
        assert_eq!(code_in_cell("a`b.md"), "``a`b.md``");
        assert_eq!(code_in_cell("`a.md"), "`` `a.md ``");
    }

    #[test]
    fn page_text_reads_as_written_in_markdown() {
        assert_eq!(inline("“<Card> component”"), "“\\<Card> component”");
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(
            inline("__init__ and *all*"),
            "\\_\\_init\\_\\_ and \\*all\\*"
        );
        assert_eq!(inline("front_matter.translated"), "front_matter.translated");
        assert_eq!(inline("content/fr/_index.md"), "content/fr/\\_index.md");
        assert_eq!(inline("run `x` \\ y"), "run \\`x\\` \\\\ y");
        assert_eq!(inline("two\nlines"), "two lines");
    }
}
