//! What `tandem compare` reports about one pair, and its text form.

use serde::Serialize;

use crate::drift::sections::Severity;
use crate::drift::structure::{SectionRef, Signal};
use crate::drift::{Reason, State};
use crate::i18n::Messages;
use crate::report::text::date;
use crate::report::{SyncMethod, SyncPoint};

/// What `compare` reports. JSON: exactly `state`, `severity`, `signals`, `sections` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct CompareReport {
    pub state: State,
    pub severity: Severity,
    pub signals: Vec<Signal>,
    pub sections: Vec<AlignedSection>,
    #[serde(skip)]
    pub reason: Reason,
    #[serde(skip)]
    pub sync: Option<SyncPoint>,
    /// The translation's pin as written, when the verdict is about it (`pin-not-found`…).
    #[serde(skip)]
    pub pin: Option<String>,
    /// Judged without history (outside a repository, or where no site is found): the structure alone decided.
    #[serde(skip)]
    pub without_history: bool,
    #[serde(skip)]
    pub source: String,
    #[serde(skip)]
    pub translation: String,
}

/// A source section and the translation section aligned with it (either may be absent).
#[derive(Debug, Serialize)]
pub struct AlignedSection {
    pub source: Option<SectionRef>,
    pub translation: Option<SectionRef>,
    /// The highest severity of the signals about this pair.
    pub severity: Severity,
}

fn section_label(section: &SectionRef, m: &Messages) -> String {
    if section.heading.is_empty() {
        m.get("section-preamble")
    } else {
        section.heading.clone()
    }
}

/// The text rendering.
pub fn render(report: &CompareReport, m: &Messages) -> String {
    let mut out = String::new();
    out.push_str(
        &m.with(
            "compare-header",
            &[
                ("source", (&report.source).into()),
                ("translation", (&report.translation).into()),
                (
                    "state",
                    m.get(&format!("state-{}", report.state.as_str())).into(),
                ),
                (
                    "severity",
                    m.get(&format!("severity-{}", report.severity.as_str()))
                        .into(),
                ),
            ],
        ),
    );
    out.push('\n');
    out.push_str("  ");
    if report.without_history && report.state == State::Current {
        out.push_str(&m.get("compare-without-history"));
    } else {
        out.push_str(&m.with(
            &format!("reason-{}", report.reason.code()),
            &[("pin", report.pin.clone().unwrap_or_default().into())],
        ));
    }
    if let Some(sync) = &report.sync {
        let id = match sync.method {
            SyncMethod::Pin => "sync-pin",
            // compare knows no language: the translation's last commit.
            SyncMethod::History => "sync-history-translation",
        };
        out.push_str(" · ");
        out.push_str(&m.with(
            id,
            &[
                ("commit", super::abbrev(&sync.commit).into()),
                ("date", sync.time.map(date).unwrap_or_default().into()),
                ("lang", "".into()),
                ("passed", sync.skipped_commits.into()),
            ],
        ));
        // The commits passed over to find it, and those of the source not counted, as `status` names them.
        for part in super::text::skipped_named(sync, m) {
            out.push_str(" · ");
            out.push_str(&part);
        }
    }
    out.push_str("\n\n");
    out.push_str(&m.get("compare-sections"));
    out.push('\n');
    let width = report
        .sections
        .iter()
        .map(|s| {
            s.source
                .as_ref()
                .map_or(0, |r| section_label(r, m).chars().count())
        })
        .max()
        .unwrap_or(0);
    for section in &report.sections {
        let left = section
            .source
            .as_ref()
            .map(|r| section_label(r, m))
            .unwrap_or_else(|| m.get("compare-none"));
        let right = section
            .translation
            .as_ref()
            .map(|r| {
                format!(
                    "{} ({})",
                    section_label(r, m),
                    m.with("line", &[("line", r.line.into())])
                )
            })
            .unwrap_or_else(|| m.get("compare-no-counterpart"));
        let pad = width.saturating_sub(left.chars().count());
        out.push_str(&format!("  {left}{}  ⇄  {right}\n", " ".repeat(pad)));
    }
    if !report.signals.is_empty() {
        out.push('\n');
        out.push_str(&m.get("compare-signals"));
        out.push('\n');
        for signal in &report.signals {
            out.push_str(&format!(
                "  {:<4}  {}\n",
                m.get(&format!("severity-{}", signal.severity.as_str())),
                crate::report::text::signal_text(signal, m)
            ));
        }
    }
    out
}
