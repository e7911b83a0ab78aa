//! Part of the shared core: what `tandem check` finds — in the whole repository, or in what a pull request introduced
//! (`--base REV`) — and which findings fail the policy.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::analysis::{self, Mode, Options};
use crate::drift::structure::SectionRef;
use crate::drift::{Reason, State};
use crate::error::{Error, Result};
use crate::history::{Entry, PinResolution};
use crate::markdown::frontmatter;
use crate::pairing::{self, PairKind};
use crate::pairs;
use crate::refine::{Judgement, Refiner, Version};
use crate::site::workspace::Workspace;

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
        }
    }

    pub const ALL: [FindingKind; 9] = [
        FindingKind::Stale,
        FindingKind::Missing,
        FindingKind::Orphaned,
        FindingKind::InvalidPin,
        FindingKind::NoSyncPoint,
        FindingKind::Unreadable,
        FindingKind::StaleInPr,
        FindingKind::MissingPin,
        FindingKind::OrphanedInPr,
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
    /// Why, where a reason code says more (`pin-not-found`, `bad-front-matter`…).
    pub reason: Option<Reason>,
    /// The pin as written, for pin findings.
    pub pin: Option<String>,
    /// For a source renamed in the pull request: its new path, and where the translation should go.
    pub renamed_to: Option<String>,
    pub move_translation_to: Option<String>,
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
    pub failing: usize,
    pub warnings: usize,
}

/// Which findings fail.
#[derive(Debug, Clone)]
pub struct Policy {
    pub fail_on: BTreeSet<FindingKind>,
}

impl Policy {
    /// `--fail-on` wins over `check.fail_on`; with neither, every finding fails; `--warn-only` fails none.
    pub fn new(
        flag: &[FindingKind],
        config: Option<&[String]>,
        warn_only: bool,
        config_path: &str,
    ) -> Result<Policy> {
        let fail_on: BTreeSet<FindingKind> = if warn_only {
            BTreeSet::new()
        } else if !flag.is_empty() {
            flag.iter().copied().collect()
        } else if let Some(names) = config {
            let mut set = BTreeSet::new();
            for name in names {
                set.insert(FindingKind::parse(name).ok_or_else(|| {
                    Error::ConfigValue {
                        path: config_path.to_owned(),
                        key: "check.fail_on".into(),
                        detail: crate::i18n::Message::new("detail-unknown-finding")
                            .arg("name", name)
                            .arg(
                                "valid",
                                FindingKind::ALL.map(FindingKind::as_str).join(", "),
                            ),
                    }
                })?);
            }
            set
        } else {
            FindingKind::ALL.into_iter().collect()
        };
        Ok(Policy { fail_on })
    }
}

fn finish(mut report: CheckReport, policy: &Policy) -> CheckReport {
    for finding in &mut report.findings {
        finding.fails = policy.fail_on.contains(&finding.kind);
    }
    report
        .findings
        .sort_by(|a, b| (&a.language, &a.file, a.kind).cmp(&(&b.language, &b.file, b.kind)));
    report.failing = report.findings.iter().filter(|f| f.fails).count();
    report.warnings = report.findings.len() - report.failing;
    report
}

/// Whole-repository mode: every page that is not current is a finding.
pub fn check_repository(ws: &Workspace, mode: Mode, policy: &Policy) -> Result<CheckReport> {
    let status = analysis::status(
        ws,
        &Options {
            mode,
            strict: false,
            paths: Vec::new(),
        },
    )?;
    let mut findings = Vec::new();
    let mut checked = Vec::new();
    for page in &status.pages {
        checked.push(Checked {
            language: page.language.clone(),
            source: page.source.clone(),
            translation: page.translation.clone(),
        });
        let kind = match (page.state, page.reason) {
            (State::Current, _) => continue,
            (State::Stale, _) => FindingKind::Stale,
            (State::Missing, _) => FindingKind::Missing,
            (State::Orphaned, _) => FindingKind::Orphaned,
            (
                State::Unknown,
                Reason::PinNotFound
                | Reason::PinAmbiguous
                | Reason::PinNotAncestor
                | Reason::PinBeyondShallowBoundary,
            ) => FindingKind::InvalidPin,
            (State::Unknown, Reason::NoPin | Reason::NoSyncPoint) => FindingKind::NoSyncPoint,
            (State::Unknown, _) => FindingKind::Unreadable,
        };
        let file = if kind == FindingKind::Missing {
            page.source.clone()
        } else {
            page.translation.clone()
        };
        findings.push(Finding {
            kind,
            fails: false,
            language: page.language.clone(),
            source: page.source.clone(),
            translation: page.translation.clone(),
            lines: vec![page.detail_line.unwrap_or(1)],
            file,
            sections: page
                .changed_sections
                .iter()
                .map(|c| c.source.clone())
                .collect(),
            reason: (page.state == State::Unknown).then_some(page.reason),
            pin: page.detail.clone(),
            renamed_to: page.renamed_to.clone(),
            move_translation_to: None,
        });
    }
    Ok(finish(
        CheckReport {
            version: 1,
            mode: "repository",
            head: status.head.clone(),
            base: None,
            merge_base: None,
            findings,
            checked,
            failing: 0,
            warnings: 0,
        },
        policy,
    ))
}

/// Pull-request mode: only what the commits between the merge base of `base` and HEAD introduced.
pub fn check_pull_request(
    ws: &Workspace,
    base_rev: &str,
    mode: Mode,
    policy: &Policy,
) -> Result<CheckReport> {
    let repo = &ws.repo;
    let settings = &ws.settings;
    let head = repo.head();
    let base = repo.resolve_revision(base_rev)?;
    let merge_base = repo
        .merge_base(base, head)?
        .ok_or_else(|| Error::UnrelatedBase {
            rev: base_rev.to_owned(),
        })?;
    if repo.is_shallow() && !repo.reachable_from_head(merge_base).unwrap_or(false) {
        return Err(Error::ShallowHistory);
    }
    // Whether the site records pins: then a new translation must carry one.
    let status = analysis::status(
        ws,
        &Options {
            mode,
            strict: false,
            paths: Vec::new(),
        },
    )?;
    let pins_in_use = mode == Mode::Pin
        || settings.file.pin.as_ref().is_some_and(|p| p.key.is_some())
        || status.pages.iter().any(|p| {
            p.sync
                .as_ref()
                .is_some_and(|s| s.method == crate::report::SyncMethod::Pin)
                || p.detail.is_some()
        });

    // Source pages now and at the merge base; the translations they pair with (by the layout's rule for sources
    // the pull request deleted).
    let mut warnings = Vec::new();
    let renames = pairs::Renames::new(ws);
    let site = pairs::site_pairs(ws, &renames, true, &mut warnings)?;
    let pairs_now = site.pairs;
    let sources_now: BTreeSet<String> = pairs_now
        .iter()
        .filter(|p| p.kind != PairKind::Orphaned)
        .map(|p| p.source.clone())
        .collect();
    let languages: Vec<String> = settings.content_dirs.keys().cloned().collect();
    let sources_then: BTreeSet<String> = repo
        .files_at(merge_base, &settings.source_roots())?
        .into_iter()
        .filter(|p| {
            settings.is_page(p)
                && pairing::classify(&settings.layout, &languages, p)
                    .is_some_and(|(lang, _, _)| lang == settings.source)
        })
        .collect();
    let translation_of = |source: &str, lang: &str| -> String {
        if let Some(pair) = pairs_now
            .iter()
            .find(|p| p.source == source && p.language == lang && p.kind != PairKind::Orphaned)
        {
            return pair.translation.clone();
        }
        match pairing::classify(&settings.layout, &languages, source) {
            Some((_, root, rel)) => pairing::path_for(
                &settings.layout,
                &site.inventory,
                &settings.source,
                root,
                &rel,
                lang,
            ),
            None => source.to_owned(),
        }
    };
    let translations_now: BTreeSet<String> = pairs_now
        .iter()
        .filter(|p| p.kind != PairKind::Missing)
        .map(|p| p.translation.clone())
        .collect();
    let mut paths: BTreeSet<String> = sources_now.union(&sources_then).cloned().collect();
    for source in sources_now.union(&sources_then) {
        for lang in &settings.targets {
            paths.insert(translation_of(source, lang));
        }
    }
    paths.extend(translations_now.iter().cloned());
    let paths: Vec<String> = paths.into_iter().collect();
    let then: HashMap<&String, Option<Entry>> = paths
        .iter()
        .zip(repo.entries_at(merge_base, &paths)?)
        .collect();
    let now: HashMap<&String, Option<Entry>> =
        paths.iter().zip(repo.entries_at(head, &paths)?).collect();
    let entry =
        |map: &HashMap<&String, Option<Entry>>, path: &String| map.get(path).copied().flatten();
    let touched = |path: &String| entry(&then, path) != entry(&now, path);

    let mut refiner = Refiner::new(repo, settings.site_context(), &settings.skip_commits);
    let mut findings = Vec::new();
    let mut checked = Vec::new();
    let added_sources: Vec<&String> = sources_now.difference(&sources_then).collect();

    for source in sources_now.union(&sources_then) {
        if !touched(source) {
            continue;
        }
        let deleted = !sources_now.contains(source);
        for lang in &settings.targets {
            let translation = translation_of(source, lang);
            checked.push(Checked {
                language: lang.clone(),
                source: source.clone(),
                translation: translation.clone(),
            });
        }
        if deleted {
            // Renamed? The added source with the same bytes, else the most similar one.
            let renamed_to = renamed_to(&mut refiner, entry(&then, source), &added_sources, &now)?;
            for lang in &settings.targets {
                let translation = translation_of(source, lang);
                if !translations_now.contains(&translation) {
                    continue;
                }
                let move_to = renamed_to.as_ref().map(|new| translation_of(new, lang));
                findings.push(Finding {
                    kind: FindingKind::OrphanedInPr,
                    fails: false,
                    language: lang.clone(),
                    source: source.clone(),
                    translation: translation.clone(),
                    file: translation.clone(),
                    lines: vec![1],
                    sections: Vec::new(),
                    reason: None,
                    pin: None,
                    renamed_to: renamed_to.clone(),
                    move_translation_to: move_to,
                });
            }
            continue;
        }
        // Changed or added: does the change mean anything?
        let changes = if repo.is_shallow() {
            None
        } else {
            repo.source_changes(&[(source.clone(), merge_base)])?
                .pop()
                .flatten()
        };
        let sections = match refiner.judge_stale(source, source, merge_base, changes.as_deref())? {
            Judgement::CosmeticOnly | Judgement::SkipDirective => continue,
            Judgement::Stale { drift, new, .. } => drift
                .iter()
                .filter(|d| d.change.needs_work())
                .filter_map(|d| d.new.map(|n| SectionRef::of(&new.sections[n])))
                .collect(),
            Judgement::StaleUnparsed | Judgement::MissingBlob => Vec::new(),
        };
        let mut lines: Vec<usize> = sections.iter().map(|s| s.line).collect();
        if lines.is_empty() {
            lines.push(1);
        }
        for lang in &settings.targets {
            let translation = translation_of(source, lang);
            if touched(&translation) {
                continue; // updated in the same pull request
            }
            findings.push(Finding {
                kind: FindingKind::StaleInPr,
                fails: false,
                language: lang.clone(),
                source: source.clone(),
                translation: translation.clone(),
                file: source.clone(),
                lines: lines.clone(),
                sections: sections.clone(),
                reason: None,
                pin: None,
                renamed_to: None,
                move_translation_to: None,
            });
        }
    }

    // Translations the pull request added or whose pin it changed.
    for pair in pairs_now.iter().filter(|p| p.kind != PairKind::Missing) {
        let translation = &pair.translation;
        if !touched(translation) {
            continue;
        }
        if !checked.iter().any(|c| &c.translation == translation) {
            checked.push(Checked {
                language: pair.language.clone(),
                source: pair.source.clone(),
                translation: translation.clone(),
            });
        }
        let pin_now = match refiner.file(translation) {
            Version::Parsed { text, .. } => frontmatter::parse(&text)
                .ok()
                .and_then(|fm| fm.pin(&text, &settings.pin_keys)),
            _ => None,
        };
        let pin_then = match entry(&then, translation) {
            Some((_, id)) => match repo.read_blob(id)? {
                Some(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    frontmatter::parse(&text)
                        .ok()
                        .and_then(|fm| fm.pin(&text, &settings.pin_keys))
                }
                None => None,
            },
            None => None,
        };
        let new_file = entry(&then, translation).is_none();
        let finding = |kind, line, reason, pin: Option<String>| Finding {
            kind,
            fails: false,
            language: pair.language.clone(),
            source: pair.source.clone(),
            translation: translation.clone(),
            file: translation.clone(),
            lines: vec![line],
            sections: Vec::new(),
            reason,
            pin,
            renamed_to: None,
            move_translation_to: None,
        };
        match pin_now {
            None if new_file && pins_in_use => {
                findings.push(finding(FindingKind::MissingPin, 1, None, None))
            }
            None => {}
            Some(pin) if pin_then.as_ref().map(|p| &p.value) != Some(&pin.value) => {
                let reason = match repo.resolve_pin(&pin.value) {
                    PinResolution::NotFound => Some(Reason::PinNotFound),
                    PinResolution::Ambiguous => Some(Reason::PinAmbiguous),
                    PinResolution::Commit(commit) => {
                        // After a squash merge only the base's commits remain: the pin must be one of them.
                        (!repo.is_ancestor(commit, base)?).then_some(Reason::PinNotAncestor)
                    }
                };
                if let Some(reason) = reason {
                    findings.push(finding(
                        FindingKind::InvalidPin,
                        pin.line,
                        Some(reason),
                        Some(pin.value.clone()),
                    ));
                }
            }
            Some(_) => {}
        }
    }

    Ok(finish(
        CheckReport {
            version: 1,
            mode: "pull-request",
            head: head.to_string(),
            base: Some(base_rev.to_owned()),
            merge_base: Some(merge_base.to_string()),
            findings,
            checked,
            failing: 0,
            warnings: 0,
        },
        policy,
    ))
}

/// The new path of a source deleted in the pull request: an added source with the same bytes, else the most similar
/// added source (at least half its words in common).
fn renamed_to(
    refiner: &mut Refiner,
    old: Option<Entry>,
    added: &[&String],
    now: &HashMap<&String, Option<Entry>>,
) -> Result<Option<String>> {
    let Some((_, old_id)) = old else {
        return Ok(None);
    };
    for candidate in added {
        if now.get(candidate).copied().flatten().map(|(_, id)| id) == Some(old_id) {
            return Ok(Some((*candidate).clone()));
        }
    }
    let Version::Parsed { text: old_text, .. } = refiner.blob(old_id)? else {
        return Ok(None);
    };
    let mut best: Option<(f32, &String)> = None;
    for candidate in added {
        if let Version::Parsed { text, .. } = refiner.file(candidate) {
            let ratio = crate::drift::sections::similarity(&old_text, &text);
            if ratio >= 0.5 && best.is_none_or(|(b, _)| ratio > b) {
                best = Some((ratio, candidate));
            }
        }
    }
    Ok(best.map(|(_, path)| path.clone()))
}
