//! `status --format html`: one self-contained dashboard page. Inline CSS and a little inline JS (filters and sorting
//! only: every table is rendered here, and the page is plain tables without JS); nothing is fetched.
//!
//! The report is embedded as `<script type="application/json" id="tandem-report">`: the `--format json` document on
//! one line. Per language a coverage bar and its counts, per site section a table, the stale pages most behind first
//! with what changed, the orphaned and unknown pages, and the missing pages collapsed per language. Current pages
//! are counted, not listed (a 10-language site of 1,000 pages stays small).
//!
//! Rows of counts carry `data-lang` (and `data-section`), and their number cells `data-count`: tests read them back
//! from the rendered page.

use std::fmt::Write;

use super::text::{date, reason_text};
use super::{Counts, PageStatus, StatusReport, SyncMethod, display_tag};
use crate::drift::State;
use crate::drift::sections::Severity;
use crate::i18n::{Messages, UiLang};

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/script.js");

/// The states in the order bars and columns show them.
const STATES: [State; 5] = [
    State::Current,
    State::Stale,
    State::Missing,
    State::Orphaned,
    State::Unknown,
];

pub fn status(report: &StatusReport, m: &Messages) -> String {
    let mut out = String::with_capacity(64 * 1024 + report.pages.len() * 200);
    let lang = match m.lang {
        UiLang::En => "en",
        UiLang::Fr => "fr",
    };
    let title = m.get("html-title");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"tandem {}\">\n<title>{}</title>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    // Links to files are relative to the repository's tree at HEAD: a big site's page stays small.
    if let Some(forge) = &report.forge {
        let _ = writeln!(
            out,
            "<base href=\"{}\">",
            escape(&forge.file_url(&report.head, ""))
        );
    }
    // Words the style sheet writes in: the label of the commits behind on a phone, and the severity of a change that
    // is not high (its colour alone said it).
    let _ = write!(
        out,
        "<style>\n{STYLE}@media (max-width: 64rem), print {{ td[data-behind]::before {{ content: \"{}\"; }} }}\n\
         .changes .sev-low::after {{ content: \"{}\"; }}\n.changes .sev-none::after {{ content: \"{}\"; }}\n\
         </style>\n</head>\n<body>\n",
        css_string(&format!("{} ", m.get("html-behind-label"))),
        css_string(&format!(" ({})", m.get("severity-low"))),
        css_string(&format!(" ({})", m.get("severity-none")))
    );
    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let head_short = &super::abbrev(&report.head);
    let mut head_text = match &report.forge {
        Some(forge) => format!(
            "<a href=\"{}\"><code>{}</code></a>",
            escape(&forge.commit_url(&report.head)),
            escape(head_short)
        ),
        None => format!("<code>{}</code>", escape(head_short)),
    };
    // The commit's date (ISO, in either language): a dashboard kept as an artifact says how recent it is.
    if let Some(time) = report.head_time {
        let _ = write!(head_text, " ({})", date(time));
    }
    let _ = write!(
        out,
        "<p class=\"meta\">{}",
        m.with(
            "html-summary",
            &[
                (
                    "source",
                    escape(&display_tag(&report.source_language)).into()
                ),
                ("languages", report.languages.len().into()),
                ("head", head_text.into()),
            ],
        )
    );
    if let Some(forge) = &report.forge {
        let _ = write!(
            out,
            " · <a href=\"{}\">{}</a>",
            escape(&forge.web_url),
            escape(&forge.web_url)
        );
    }
    out.push_str("</p>\n</header>\n<main id=\"main\">\n");

    if report.pages.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&m.get("status-no-pages")));
    } else {
        filters(&mut out, report, m);
        coverage(&mut out, report, m);
        sections(&mut out, report, m);
        stale(&mut out, report, m);
        others(&mut out, report, m);
        renamed(&mut out, report, m);
        missing(&mut out, report, m);
    }
    out.push_str("</main>\n");
    // `<` is written as `\u003c`: the same JSON value, and `</script>` in a path cannot end the element.
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"tandem-report\">{}</script>",
        report.to_compact_json().replace('<', "\\u003c")
    );
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// The filter form: hidden until the script shows it (it does nothing without the script).
fn filters(out: &mut String, report: &StatusReport, m: &Messages) {
    let all = escape(&m.get("html-filter-all"));
    let _ = write!(
        out,
        "<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"{}\" hidden>\n\
         <label>{} <select id=\"f-lang\"><option value=\"\">{all}</option>",
        escape(&m.get("html-filters")),
        escape(&m.get("html-filter-language")),
    );
    for lang in &report.languages {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            escape(lang),
            escape(&display_tag(lang))
        );
    }
    let _ = write!(
        out,
        "</select></label>\n<label>{} <select id=\"f-state\"><option value=\"\">{all}</option>",
        escape(&m.get("html-filter-state"))
    );
    for state in STATES.iter().filter(|s| **s != State::Current) {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            state.as_str(),
            escape(&m.get(&format!("state-{}", state.as_str())))
        );
    }
    let _ = write!(
        out,
        "</select></label>\n<label>{} <input id=\"f-path\" type=\"search\" autocomplete=\"off\" \
         spellcheck=\"false\"></label>\n</form>\n",
        escape(&m.get("html-filter-path"))
    );
}

fn percent(counts: &Counts) -> usize {
    if counts.missing == 0 {
        100
    } else {
        ((counts.completeness * 100.0).floor() as usize).min(99)
    }
}

/// The header cells of a counts table, after the first column.
fn count_headers(out: &mut String, m: &Messages) {
    for id in super::COUNT_COLUMNS {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"num\">{}</th>",
            escape(&m.get(id))
        );
    }
}

/// The count cells of one row: translated/total (with its percentage, written as the language writes it: `5%`,
/// `5 %`; none of nothing), then one per state. The row carries the language and section.
fn count_cells(out: &mut String, counts: &Counts, m: &Messages) {
    let _ = write!(
        out,
        "<td class=\"num\" data-sort=\"{:.6}\"><span data-count=\"translated\">{}</span>/<span \
         data-count=\"total\">{}</span>",
        counts.completeness,
        counts.translated(),
        counts.total,
    );
    if counts.total > 0 {
        let pct = m.with("html-percent", &[("percent", percent(counts).into())]);
        let _ = write!(out, " <span class=\"pct\">{}</span>", escape(&pct));
    }
    out.push_str("</td>");
    for state in STATES {
        let _ = write!(
            out,
            "<td class=\"num\" data-count=\"{}\">{}</td>",
            state.as_str(),
            counts.get(state)
        );
    }
}

fn coverage(out: &mut String, report: &StatusReport, m: &Messages) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-coverage\">\n<h2 id=\"h-coverage\">{}</h2>\n",
        escape(&m.get("html-coverage-heading"))
    );
    // The legend says which colour is which state (the bars also have a text label).
    out.push_str("<ul class=\"legend\">");
    for state in STATES {
        let _ = write!(
            out,
            "<li><span class=\"sw s-{}\" aria-hidden=\"true\"></span>{}</li>",
            state.as_str(),
            escape(&m.get(&format!("state-{}", state.as_str())))
        );
    }
    out.push_str(
        "</ul>\n<div class=\"scroll\"><table id=\"coverage\" class=\"sortable\">\n<thead><tr>",
    );
    let _ = write!(
        out,
        "<th scope=\"col\">{}</th><th scope=\"col\" class=\"bar-col\">{}</th>",
        escape(&m.get("html-col-language")),
        escape(&m.get("html-col-coverage"))
    );
    count_headers(out, m);
    out.push_str("</tr></thead>\n<tbody>\n");
    for lang in &report.languages {
        let Some(summary) = report.summary.get(lang) else {
            continue;
        };
        let counts = &summary.counts;
        let l = escape(lang);
        let _ = write!(
            out,
            "<tr data-lang=\"{l}\"><th scope=\"row\">{}</th><td class=\"bar-col\" data-sort=\"{:.6}\">",
            escape(&display_tag(lang)),
            counts.completeness
        );
        bar(out, &display_tag(lang), counts, m);
        out.push_str("</td>");
        count_cells(out, counts, m);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// A bar of the pages per state (orphans included), with a text label for screen readers.
fn bar(out: &mut String, lang: &str, counts: &Counts, m: &Messages) {
    let label = m.with(
        "html-bar-label",
        &[
            ("lang", lang.into()),
            ("current", counts.current.into()),
            ("stale", counts.stale.into()),
            ("missing", counts.missing.into()),
            ("orphaned", counts.orphaned.into()),
            ("unknown", counts.unknown.into()),
        ],
    );
    let _ = write!(
        out,
        "<div class=\"bar\" role=\"img\" aria-label=\"{}\">",
        escape(&label)
    );
    let all: usize = STATES.iter().map(|s| counts.get(*s)).sum();
    if all > 0 {
        for state in STATES {
            let n = counts.get(state);
            if n > 0 {
                let _ = write!(
                    out,
                    "<span class=\"s-{}\" style=\"width:{:.3}%\"></span>",
                    state.as_str(),
                    n as f64 * 100.0 / all as f64
                );
            }
        }
    }
    out.push_str("</div>");
}

fn sections(out: &mut String, report: &StatusReport, m: &Messages) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-sections\">\n<h2 id=\"h-sections\">{}</h2>\n",
        escape(&m.get("html-sections-heading"))
    );
    for lang in &report.languages {
        let Some(summary) = report.summary.get(lang) else {
            continue;
        };
        let l = escape(lang);
        // Several languages: each table folded under its language, so that the stale pages below are a scroll away
        // (the language filter unfolds the one it shows).
        let folded = report.languages.len() > 1;
        if folded {
            let _ = writeln!(
                out,
                "<details class=\"sections\" data-lang=\"{l}\"><summary>{}</summary>",
                escape(&m.with(
                    "html-sections-summary",
                    &[
                        ("lang", display_tag(lang).into()),
                        ("sections", summary.sections.len().into())
                    ]
                ))
            );
        }
        let _ = write!(
            out,
            "<div class=\"scroll\"{}><table class=\"sortable sections\">\n<caption>{}</caption>\n\
             <thead><tr><th scope=\"col\">{}</th>",
            if folded {
                String::new()
            } else {
                format!(" data-lang=\"{l}\"")
            },
            escape(&m.with(
                "html-sections-caption",
                &[("lang", display_tag(lang).into())]
            )),
            escape(&m.get("status-col-section"))
        );
        count_headers(out, m);
        out.push_str("</tr></thead>\n<tbody>\n");
        for (section, counts) in &summary.sections {
            let s = escape(section);
            let _ = write!(
                out,
                "<tr data-lang=\"{l}\" data-section=\"{s}\"><th scope=\"row\"><code>{s}</code></th>"
            );
            count_cells(out, counts, m);
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table></div>\n");
        if folded {
            out.push_str("</details>\n");
        }
    }
    out.push_str("</section>\n");
}

fn stale(out: &mut String, report: &StatusReport, m: &Messages) {
    let mut stale: Vec<&PageStatus> = report
        .pages
        .iter()
        .filter(|p| p.state == State::Stale)
        .collect();
    stale.sort_by(|a, b| {
        b.commits_behind
            .unwrap_or(0)
            .cmp(&a.commits_behind.unwrap_or(0))
            .then_with(|| a.language.cmp(&b.language))
            .then_with(|| a.translation.cmp(&b.translation))
    });
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-stale\">\n<h2 id=\"h-stale\">{} <span class=\"count\">({})</span></h2>\n",
        escape(&m.get("html-stale-heading")),
        stale.len()
    );
    if stale.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&m.get("html-no-stale")));
        out.push_str("</section>\n");
        return;
    }
    // What to run next, said once (the script also writes each page's command in its row).
    let command = "\u{1}";
    let next = escape(&m.with("html-stale-next", &[("command", command.into())]));
    let _ = writeln!(
        out,
        "<p class=\"next\">{}</p>",
        next.replace(command, "<code>tandem diff PAGE</code>")
    );
    let _ = write!(
        out,
        "<div class=\"scroll\"><table id=\"stale\" class=\"sortable pages\">\n<thead><tr>"
    );
    for (id, class) in [
        ("html-col-language", ""),
        ("html-col-page", ""),
        ("html-col-behind", " class=\"num\""),
        ("html-col-severity", ""),
        ("html-col-changes", ""),
        ("html-col-sync", ""),
        ("html-col-next", ""),
    ] {
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(&m.get(id)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for page in stale {
        let l = escape(&page.language);
        let _ = write!(
            out,
            "<tr data-lang=\"{l}\" data-state=\"stale\"><td>{}</td><td class=\"p\">{}</td>",
            escape(&display_tag(&page.language)),
            translation_link(report, page)
        );
        match page.commits_behind {
            Some(n) => {
                let _ = write!(out, "<td class=\"num\" data-behind=\"{n}\">{n}</td>");
            }
            None => out.push_str("<td class=\"num\" data-sort=\"-1\">?</td>"),
        }
        let severity = page.severity;
        let _ = write!(
            out,
            "<td data-sort=\"{}\"><span class=\"sev sev-{}\">{}</span></td><td>",
            match severity {
                Severity::None => 0,
                Severity::Low => 1,
                Severity::High => 2,
            },
            severity.as_str(),
            escape(&m.get(&format!("severity-{}", severity.as_str())))
        );
        changes(out, page, &report.source_language, m);
        out.push_str("</td><td>");
        if let Some(sync) = &page.sync {
            out.push_str(&escape(&super::text::sync_said(sync, &page.language, m)));
            match sync.method {
                SyncMethod::Pin => {}
                SyncMethod::History => {
                    let _ = write!(
                        out,
                        " <span class=\"weak\">{}</span>",
                        escape(&m.get("sync-history-weak"))
                    );
                }
            }
            // The commits passed over to find it, and those of the source not counted, named with why.
            for part in crate::report::text::skipped_named(sync, m) {
                let _ = write!(out, "<p class=\"note\">{}</p>", escape(&part));
            }
        }
        // The script writes the command to run next at the top of this cell (the page stays small: a big site has
        // hundreds of stale pages); it is `tandem diff PAGE` but where only mirrored values changed.
        if page.reason == crate::drift::Reason::MirroredOnly {
            out.push_str("</td><td data-next=\"mirrored\">");
        } else {
            out.push_str("</td><td>");
        }
        links(out, report, page, m);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// A list of changes, each marked with its severity.
fn change_list(
    out: &mut String,
    items: impl Iterator<Item = (crate::drift::sections::Severity, String)>,
    source_language: &str,
) {
    out.push_str("<ul class=\"changes\">");
    let in_source = format!("<bdi lang=\"{}\">", escape(&display_tag(source_language)));
    for (severity, text) in items {
        let _ = write!(
            out,
            "<li class=\"sev-{}\">{}</li>",
            severity.as_str(),
            escape_isolating(&text).replace(SOURCE_ISOLATE, &in_source)
        );
    }
    out.push_str("</ul>");
}

/// What changed in a stale page: its sections, or the structure the translation lacks.
fn changes(out: &mut String, page: &PageStatus, source_language: &str, m: &Messages) {
    if page.reason == crate::drift::Reason::Structure {
        if page.signals.is_empty() {
            out.push_str(&escape(&m.get("status-structure-detail")));
            return;
        }
        // What differs between the source and the translation now, as the terminal report says it.
        change_list(
            out,
            page.signals
                .iter()
                .map(|s| (s.severity, crate::report::text::signal_text(s, m))),
            source_language,
        );
        return;
    }
    if page.changed_sections.is_empty() {
        out.push_str(&escape(&reason_text(page, m)));
        return;
    }
    // The same words as the terminal report: the front matter by its keys, mirrored ones marked.
    change_list(
        out,
        page.changed_sections.iter().map(|c| {
            // The heading isolated (a right-to-left one is not reordered with the sentence around it), in the
            // source's language: a screen reader read an English heading with the French voice of the page.
            let mut c = c.clone();
            if !c.source.heading.is_empty() {
                c.source.heading = isolate_source(&c.source.heading);
            }
            (c.severity, crate::report::text::section_change(&c, m))
        }),
        source_language,
    );
    if let Some(from) = page.renamed_from() {
        let _ = write!(
            out,
            "<p class=\"note\">{}</p>",
            escape_isolating(&m.with(
                "html-renamed",
                &[
                    ("from", isolate(from).into()),
                    ("to", isolate(&page.source).into())
                ]
            ))
        );
    }
}

/// A link on the translations' forge relative to the page's `<base>` (the tree at HEAD); others as they are.
fn relative(report: &StatusReport, url: String) -> String {
    let Some(forge) = &report.forge else {
        return url;
    };
    let base = forge.file_url(&report.head, "");
    if let Some(rest) = url.strip_prefix(&base) {
        return rest.to_owned();
    }
    let root = format!("{}/", forge.web_url);
    match url.strip_prefix(&root) {
        Some(rest) => {
            let depth = base[root.len()..].matches('/').count();
            format!("{}{rest}", "../".repeat(depth))
        }
        None => url,
    }
}

/// The translation's path, a link to it on the forge when there is one.
fn translation_link(report: &StatusReport, page: &PageStatus) -> String {
    match &report.forge {
        Some(forge) if page.state != State::Missing => format!(
            "<a href=\"{}\">{}</a>",
            escape(&relative(
                report,
                forge.file_url(&report.head, &page.translation)
            )),
            escape(&page.translation)
        ),
        _ => escape(&page.translation),
    }
}

/// Links to the source on the forge and to the compare view from the sync point (the translation's path is a link).
fn links(out: &mut String, report: &StatusReport, page: &PageStatus, m: &Messages) {
    let mut parts: Vec<String> = Vec::new();
    if let Some((forge, head)) = &report.source_forge
        && page.state != State::Orphaned
    {
        parts.push(format!(
            "<a href=\"{}\">{}</a>",
            escape(&relative(report, forge.file_url(head, &page.source))),
            escape(&m.get("html-link-source"))
        ));
    }
    if let (Some((forge, head)), Some(sync)) = (&report.source_forge, &page.sync) {
        parts.push(format!(
            "<a href=\"{}\">{}</a>",
            escape(&relative(report, forge.compare_url(&sync.commit, head))),
            escape(&m.get("html-link-compare"))
        ));
    }
    out.push_str(&parts.join(" · "));
}

fn others(out: &mut String, report: &StatusReport, m: &Messages) {
    let others: Vec<&PageStatus> = report
        .pages
        .iter()
        .filter(|p| matches!(p.state, State::Orphaned | State::Unknown))
        .collect();
    if others.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-others\">\n<h2 id=\"h-others\">{} <span class=\"count\">({})</span></h2>\n\
         <div class=\"scroll\"><table id=\"others\" class=\"sortable pages\">\n<thead><tr>",
        escape(&m.get("html-others-heading")),
        others.len()
    );
    // Without a forge there is nothing to link to: no column of empty cells.
    let linked = report.source_forge.is_some();
    let columns: &[&str] = if linked {
        &[
            "html-col-language",
            "html-col-page",
            "html-col-state",
            "html-col-why",
            "html-col-links",
        ]
    } else {
        &[
            "html-col-language",
            "html-col-page",
            "html-col-state",
            "html-col-why",
        ]
    };
    for id in columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&m.get(id)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for page in others {
        let l = escape(&page.language);
        let state = page.state.as_str();
        let mut why = reason_text(page, m);
        if let Some(to) = page.move_to() {
            why.push_str(&format!(
                " — git mv {} {}",
                isolate(&crate::util::shell::quote(&page.translation)),
                isolate(&crate::util::shell::quote(to))
            ));
        } else if let Some(now) = page.renamed_to() {
            why.push_str(&format!(" ({})", isolate(now)));
        } else if let Some(deleted) = page.source_deleted() {
            let deleted = super::deleted_in(deleted, m);
            why.push_str(" — ");
            why.push_str(&m.with("orphan-source-deleted-in", &[("deleted", deleted.into())]));
        }
        let _ = write!(
            out,
            "<tr data-lang=\"{l}\" data-state=\"{state}\"><td>{}</td><td class=\"p\">{}</td>\
             <td><span class=\"st s-{state}-t\">{}</span></td><td>{}</td>",
            escape(&display_tag(&page.language)),
            translation_link(report, page),
            escape(&m.get(&format!("state-{state}"))),
            escape_isolating(&why)
        );
        if linked {
            out.push_str("<td>");
            links(out, report, page, m);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
    if super::orphans_may_be_missing_pages(report, None) {
        let _ = writeln!(
            out,
            "<p class=\"next\">{}</p>",
            escape(&m.get("status-orphans-suggest"))
                .replace(PAIR_SUGGEST, "<code>tandem pair --suggest</code>")
        );
    }
    out.push_str("</section>\n");
}

/// The command the advice on orphans names, written as code where it is found in the sentence.
const PAIR_SUGGEST: &str = "tandem pair --suggest";

/// The translations whose source was renamed (the orphans among them are with the orphans), with the `git mv` that
/// keeps them paired by path: the terminal report lists them, the dashboard did not (a current page is not listed).
fn renamed(out: &mut String, report: &StatusReport, m: &Messages) {
    let renamed = super::renamed_pages(&report.pages);
    if renamed.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-renamed\">\n<h2 id=\"h-renamed\">{} <span class=\"count\">({})</span></h2>\n\
         <div class=\"scroll\"><table id=\"renamed\" class=\"sortable pages\">\n<thead><tr>",
        escape(&m.get("html-renamed-heading")),
        renamed.len()
    );
    for id in [
        "html-col-language",
        "html-col-page",
        "html-col-why",
        "html-col-next",
    ] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&m.get(id)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (page, to) in renamed {
        let l = escape(&page.language);
        let why = m.with(
            "html-renamed",
            &[
                (
                    "from",
                    isolate(page.renamed_from().map_or("", String::as_str)).into(),
                ),
                ("to", isolate(&page.source).into()),
            ],
        );
        let _ = writeln!(
            out,
            "<tr data-lang=\"{l}\" data-state=\"{}\"><td>{}</td><td class=\"p\">{}</td><td>{}</td>\
             <td><code class=\"cmd\">{}</code></td></tr>",
            page.state.as_str(),
            escape(&display_tag(&page.language)),
            translation_link(report, page),
            escape_isolating(&why),
            escape(&super::move_command(page, to))
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// The missing pages, collapsed per language: the lists are long on a young translation.
fn missing(out: &mut String, report: &StatusReport, m: &Messages) {
    let total: usize = report.summary.values().map(|s| s.counts.missing).sum();
    if total == 0 {
        return;
    }
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-missing\">\n<h2 id=\"h-missing\">{} <span class=\"count\">({total})</span></h2>\n",
        escape(&m.get("html-missing-heading"))
    );
    for lang in &report.languages {
        let pages: Vec<&PageStatus> = report
            .pages
            .iter()
            .filter(|p| &p.language == lang && p.state == State::Missing)
            .collect();
        if pages.is_empty() {
            continue;
        }
        let l = escape(lang);
        let _ = write!(
            out,
            "<details class=\"missing\" data-lang=\"{l}\"><summary>{}</summary>\n\
             <div class=\"scroll\"><table class=\"pages\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             </tr></thead>\n<tbody>\n",
            escape(&m.with(
                "html-missing-summary",
                &[
                    ("lang", display_tag(lang).into()),
                    ("count", pages.len().into())
                ]
            )),
            escape(&m.get("html-col-page")),
            escape(&m.get("html-col-source")),
        );
        for page in pages {
            let _ = writeln!(
                out,
                "<tr data-lang=\"{l}\" data-state=\"missing\"><td class=\"p\">{}</td><td>{}</td></tr>",
                escape(&page.translation),
                escape(&page.source)
            );
        }
        out.push_str("</tbody></table></div></details>\n");
    }
    out.push_str("</section>\n");
}

/// Marks a page's own text (a heading, a path) for [`escape_isolating`] to isolate from the sentence around it: a
/// right-to-left heading ending in digits or punctuation is otherwise reordered with that sentence. (A path alone in
/// a table cell needs nothing: a cell is a bidi paragraph of its own.)
fn isolate(text: &str) -> String {
    format!("{FSI}{}{PDI}", text.replace([FSI, PDI], ""))
}

/// Text of the source's language, isolated as [`isolate`] does: marked `<bdi lang="en">` by [`change_list`].
fn isolate_source(text: &str) -> String {
    format!(
        "{SOURCE_ISOLATE}{}{PDI}",
        text.replace([FSI, PDI, SOURCE_ISOLATE], "")
    )
}

/// Where [`isolate_source`] starts a text (a private-use character: no page's heading is left holding one).
const SOURCE_ISOLATE: char = '\u{E000}';

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// [`escape`], with the text [`isolate`] marked in `<bdi>`.
fn escape_isolating(text: &str) -> String {
    escape(text).replace(FSI, "<bdi>").replace(PDI, "</bdi>")
}

/// Text for a CSS string between double quotes (in a `<style>` element, where `<` could end it).
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '\n' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn css_strings_cannot_end_the_string_or_the_style_element() {
        assert_eq!(
            css_string("a \"b\" \\ </style>"),
            "a \\22 b\\22  \\5c  \\3c /style>"
        );
    }

    #[test]
    fn an_empty_report_is_a_page_with_the_report() {
        let report = StatusReport::new(
            "0".repeat(40),
            "en".into(),
            vec!["fr".into()],
            Vec::new(),
            Vec::new(),
            false,
        );
        let html = status(&report, &Messages::new(UiLang::Fr));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(
            html.contains("<script type=\"application/json\" id=\"tandem-report\">{\"version\":1")
        );
        assert!(!html.contains("http://") && !html.contains("https://"));
    }
}
