//! Part of the shared core: what `tandem check` finds — in the whole repository, or in what a pull request introduced
//! (`--base REV`) — and which findings fail the policy.

use std::collections::{BTreeSet, HashMap};

use crate::drift::structure::SectionRef;
use crate::drift::{Reason, State};
use crate::engine::analysis::{self, Mode, Options};
use crate::engine::refine::{Refiner, Version};
use crate::engine::site_pairs;
use crate::error::{Error, Result};
use crate::history::{Entry, PinResolution};
use crate::markdown::frontmatter;
use crate::pairing::{self, PairKind};
use crate::report::check::{ChangedSource, CheckReport, Checked, Finding, FindingKind};
use crate::site::workspace::Workspace;

/// Which findings fail.
#[derive(Debug, Clone)]
pub struct Policy {
    pub fail_on: BTreeSet<FindingKind>,
    /// Whether `missing-in-pr` findings are reported at all: only where `--fail-on` or `check.fail_on` names it.
    pub report_missing_in_pr: bool,
}

impl Policy {
    /// `--fail-on` wins over `check.fail_on`; with neither, every finding fails; `--warn-only` fails none.
    pub fn new(
        flag: &[FindingKind],
        config: Option<&[String]>,
        warn_only: bool,
        config_path: &str,
    ) -> Result<Policy> {
        let named: Option<BTreeSet<FindingKind>> = if !flag.is_empty() {
            Some(flag.iter().copied().collect())
        } else if let Some(names) = config {
            let mut set = BTreeSet::new();
            for name in names {
                set.insert(FindingKind::parse(name).ok_or_else(|| {
                    // `stale-in-prr`: the nearest id, as an unknown `layout` gets.
                    let nearest = FindingKind::ALL
                        .map(FindingKind::as_str)
                        .into_iter()
                        .map(|id| (crate::site::config::edit_distance(name, id), id))
                        .filter(|(d, _)| *d <= 2)
                        .min();
                    let detail = match nearest {
                        Some((_, id)) => {
                            crate::i18n::Message::new("detail-unknown-finding-nearest")
                                .arg("nearest", id)
                        }
                        None => crate::i18n::Message::new("detail-unknown-finding"),
                    };
                    Error::ConfigValue {
                        path: config_path.to_owned(),
                        key: "check.fail_on".into(),
                        detail: detail.arg("name", name).arg(
                            "valid",
                            FindingKind::ALL.map(FindingKind::as_str).join(", "),
                        ),
                    }
                })?);
            }
            Some(set)
        } else {
            None
        };
        let report_missing_in_pr = named
            .as_ref()
            .is_some_and(|set| set.contains(&FindingKind::MissingInPr));
        let fail_on = if warn_only {
            BTreeSet::new()
        } else {
            // Without a policy every finding fails, except `missing-in-pr` and `mirrored-only`, which only a policy
            // asks for.
            named.unwrap_or_else(|| {
                FindingKind::ALL
                    .into_iter()
                    .filter(|k| !matches!(k, FindingKind::MissingInPr | FindingKind::MirroredOnly))
                    .collect()
            })
        };
        Ok(Policy {
            fail_on,
            report_missing_in_pr,
        })
    }
}

fn finish(mut report: CheckReport, policy: &Policy) -> CheckReport {
    let pull_request = report.base.is_some();
    for finding in &mut report.findings {
        // In pull-request mode a `stale` finding is a translation the pull request left unfinished: what
        // `stale-in-pr` asks about too (`fail_on: [stale-in-pr, invalid-pin]` let conflict markers through).
        finding.fails = policy.fail_on.contains(&finding.kind)
            || (pull_request
                && finding.kind == FindingKind::Stale
                && policy.fail_on.contains(&FindingKind::StaleInPr));
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
    // A pin older than a shallow clone's history is not invalid: the clone is too short to tell. A gate that said
    // "invalid pin, run tandem sync" would have valid pins rewritten; it stops with the fetch to make instead.
    if status
        .pages
        .iter()
        .any(|page| page.reason == Reason::PinBeyondShallowBoundary)
    {
        return Err(Error::ShallowHistory);
    }
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
            (State::Stale, Reason::MirroredOnly) => FindingKind::MirroredOnly,
            (State::Stale, _) => FindingKind::Stale,
            (State::Missing, _) => FindingKind::Missing,
            (State::Orphaned, _) => FindingKind::Orphaned,
            (
                State::Unknown,
                Reason::PinNotFound
                | Reason::PinAmbiguous
                | Reason::PinNotAncestor
                | Reason::PinNotOnBase,
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
            // A stale page's annotation goes on the translation's section that changed (or differs), not line 1.
            lines: vec![
                unfinished_line(page)
                    .or_else(|| page.detail_line())
                    .or_else(|| {
                        (kind != FindingKind::Missing)
                            .then(|| {
                                page.changed_sections
                                    .iter()
                                    .find_map(|c| c.translation.as_ref().map(|t| t.line))
                                    .or_else(|| {
                                        page.signals.iter().find_map(|s| {
                                            s.translation_section.as_ref().map(|t| t.line)
                                        })
                                    })
                            })
                            .flatten()
                    })
                    .unwrap_or(1),
            ],
            file,
            sections: page
                .changed_sections
                .iter()
                .map(|c| c.source.clone())
                .collect(),
            section_changes: Vec::new(),
            signals: page.signals.clone(),
            // A translation stale by structure says so: its source did not change.
            reason: (page.state == State::Unknown || page.reason == Reason::Structure)
                .then_some(page.reason),
            pin: page.detail().cloned(),
            base: None,
            renamed_to: page.renamed_to().cloned(),
            move_translation_to: None,
            source_deleted: page.source_deleted().cloned(),
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
            changed_sources: Vec::new(),
            failing: 0,
            warnings: 0,
            directive: advised_directive(ws.sources(), &ws.settings.skip_commits),
            pushed: false,
        },
        policy,
    ))
}

/// Pull-request mode: only what the commits between the merge base of `base` and HEAD introduced. The cost follows
/// what the pull request touches: one comparison of the two trees' content folders, the pages it changed and their
/// pairs; no whole-site status and no history beyond the pull request's own commits.
///
/// `pushed`: HEAD is the base branch itself, after a push (`check --pushed`), and `base` the commit before the push.
/// A pin then need only be in HEAD's history: a pull request merged with a merge commit brings its commits onto the
/// branch. (git cannot tell that merge from a pull request's test merge, so the caller says which it is.)
pub fn check_pull_request(
    ws: &Workspace,
    base_rev: &str,
    pushed: bool,
    mode: Mode,
    policy: &Policy,
) -> Result<CheckReport> {
    let repo = &ws.repo;
    let settings = &ws.settings;
    let head = repo.head();
    let (base, base_name) = repo.resolve_base(base_rev)?;
    let base_rev = base_name.as_str();
    let merge_base = repo
        .merge_base(base, head)?
        .ok_or_else(|| Error::UnrelatedBase {
            rev: base_rev.to_owned(),
        })?;
    if repo.is_shallow() && !repo.reachable_from_head(merge_base).unwrap_or(false) {
        return Err(Error::ShallowHistory);
    }
    let mut report = CheckReport {
        version: 1,
        mode: "pull-request",
        head: head.to_string(),
        base: Some(base_rev.to_owned()),
        merge_base: Some(merge_base.to_string()),
        findings: Vec::new(),
        checked: Vec::new(),
        changed_sources: Vec::new(),
        failing: 0,
        warnings: 0,
        directive: advised_directive(repo, &settings.skip_commits),
        pushed,
    };

    // The pages the pull request changed (`git diff --name-only merge-base HEAD` under the content folders).
    let languages: Vec<String> = settings.content_dirs.keys().cloned().collect();
    let mut roots: Vec<String> = settings.content_dirs.values().cloned().collect();
    roots.extend(settings.source_roots());
    let classify = |path: &str| -> Option<String> {
        if !settings.is_page(path) {
            return None;
        }
        pairing::classify(&settings.layout, &languages, path).map(|(lang, _, _)| lang)
    };
    let mut changed: HashMap<String, (Option<Entry>, Option<Entry>)> = HashMap::new();
    let mut changed_sources: Vec<String> = Vec::new();
    for (path, old, new) in repo.changed_files(merge_base, head, &roots)? {
        let Some(lang) = classify(&path) else {
            continue;
        };
        if lang == settings.source {
            changed_sources.push(path.clone());
        }
        changed.insert(path, (old, new));
    }
    if changed.is_empty() {
        return Ok(finish(report, policy));
    }
    let touched = |path: &str| changed.contains_key(path);
    let then = |path: &str| changed.get(path).and_then(|(old, _)| *old);
    let now = |path: &str| changed.get(path).and_then(|(_, new)| *new);

    // Pairing, as the work tree has it. Warnings about pages are not this check's business: a page the pull request
    // did not touch says nothing here, and the ones it touched are judged below.
    let mut ignored = Vec::new();
    let site = site_pairs::site_pairs_in_work_tree(ws, &mut ignored)?;
    let pairs_now = site.pairs;
    let pair_of = |source: &str, lang: &str| {
        pairs_now
            .iter()
            .find(|p| p.source == source && p.language == lang && p.kind != PairKind::Orphaned)
    };
    let translation_of = |source: &str, lang: &str| -> String {
        if let Some(pair) = pair_of(source, lang) {
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
    let translations_now: BTreeSet<&String> = pairs_now
        .iter()
        .filter(|p| p.kind != PairKind::Missing)
        .map(|p| &p.translation)
        .collect();

    let mut refiner = Refiner::new(repo, settings.site_context(), &settings.skip_commits);
    let mut findings = Vec::new();
    let mut checked = Vec::new();
    let added_sources: Vec<&String> = changed_sources
        .iter()
        .filter(|s| then(s).is_none() && now(s).is_some())
        .collect();

    // Sources the pull request deleted, and the added source each was renamed to, if any.
    let deleted_sources: Vec<&String> = changed_sources
        .iter()
        .filter(|s| now(s).is_none())
        .collect();
    let renames = renamed_to(&mut refiner, &deleted_sources, &added_sources, &then, &now)?;
    // An added source's old name, when it is a deleted one's new name.
    let renamed_from: HashMap<&str, &str> = renames
        .iter()
        .filter_map(|(old, new)| new.as_deref().map(|new| (new, old.as_str())))
        .collect();

    // Whether the pull request updated a translation of a source it changed: added it, or changed what it says or its
    // pin (a commit that only reformats it, or moves it with its renamed source, is not translating it; `status`
    // passes such commits over the same way). `then_path`: the translation's name at the merge base.
    let updated = |refiner: &mut Refiner, translation: &str, then_path: &str| -> Result<bool> {
        // Added (no version under either name at the merge base) or deleted: touched is all there is to say.
        let (Some(before), Some(after)) = (then(then_path), now(translation)) else {
            return Ok(touched(translation));
        };
        if before.1 == after.1 {
            return Ok(false);
        }
        let pin = |id| -> Result<Option<String>> {
            Ok(pin_in_blob(repo, id, &settings.pin_keys)?.map(|pin| pin.value))
        };
        if pin(before.1)? == pin(after.1)? && refiner.same_translation(before.1, after.1)? {
            return Ok(false);
        }
        // Every commit of the pull request that touched it passes it over (`@lunaria-ignore:` naming it, a skip
        // directive): `status` does not count such commits as updating it, and neither does the gate. The pages an
        // author listed as "not updated by this commit" were left out of "to update".
        let commits = if repo.is_shallow() {
            None
        } else {
            repo.source_changes(&[(translation.to_owned(), merge_base)])?
                .pop()
                .flatten()
        };
        if let Some(commits) = commits.filter(|c| !c.is_empty()) {
            let passed = refiner.directive_subjects(&commits, translation)?;
            if passed.iter().all(Option::is_some) {
                return Ok(false);
            }
        }
        Ok(true)
    };
    // Translations to move after their source's rename that its change leaves to update too: the sections and how
    // each changed, by language and translation.
    type SectionChanges = (Vec<SectionRef>, Vec<crate::drift::sections::Change>);
    let mut renamed_and_changed: HashMap<(String, String), SectionChanges> = HashMap::new();
    for source in &changed_sources {
        for lang in &settings.targets {
            checked.push(Checked {
                language: lang.clone(),
                source: source.clone(),
                translation: translation_of(source, lang),
            });
        }
        if now(source).is_none() {
            // Deleted. Renamed? The added source with the same bytes, else the most similar one.
            let renamed_to = renames.get(source).cloned().flatten();
            for lang in &settings.targets {
                let translation = translation_of(source, lang);
                if !translations_now.contains(&translation) {
                    continue;
                }
                // Still the translation of a source (the renamed one, its name with another extension: `deploy.md`
                // now `deploy.mdx`): not orphaned, and judged with that source below.
                if pairs_now.iter().any(|p| {
                    p.language == *lang
                        && p.kind == PairKind::Paired
                        && p.translation == translation
                }) {
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
                    section_changes: Vec::new(),
                    signals: Vec::new(),
                    reason: None,
                    pin: None,
                    base: None,
                    renamed_to: renamed_to.clone(),
                    move_translation_to: move_to,
                    source_deleted: None,
                });
            }
            continue;
        }
        // A source the pull request renamed is compared with its old name's version: not a new page.
        let source_then = renamed_from
            .get(source.as_str())
            .copied()
            .unwrap_or(source.as_str());
        let added = then(source_then).is_none();
        // Each language: its translation exists and the pull request did not update it (to update), or there is none
        // (not translated; sources without the translatable flag have no missing pair and are left out).
        let mut to_update: Vec<(String, String)> = Vec::new();
        let mut not_translated: Vec<(String, String)> = Vec::new();
        // Translations under the source's old name: to move (`orphaned-in-pr` says how), not to write; and to update
        // once moved when the source changed too.
        let mut moving: Vec<(String, String)> = Vec::new();
        for lang in &settings.targets {
            match pair_of(source, lang) {
                Some(pair)
                    if renamed_from.get(source.as_str()).is_some_and(|old| {
                        let at_old = translation_of(old, lang);
                        at_old != pair.translation && translations_now.contains(&at_old)
                    }) =>
                {
                    let old = renamed_from[source.as_str()];
                    moving.push((lang.clone(), translation_of(old, lang)));
                }
                Some(pair) if pair.kind == PairKind::Missing && !touched(&pair.translation) => {
                    not_translated.push((lang.clone(), pair.translation.clone()));
                }
                Some(pair) if pair.kind == PairKind::Missing => {}
                Some(pair) => {
                    // Moved with its source: what it said under its old name.
                    let then_path = match renamed_from.get(source.as_str()) {
                        Some(old) if then(&pair.translation).is_none() => translation_of(old, lang),
                        _ => pair.translation.clone(),
                    };
                    if !updated(&mut refiner, &pair.translation, &then_path)? {
                        to_update.push((lang.clone(), pair.translation.clone()));
                    }
                }
                _ => {}
            }
        }
        // Translations the pull request updated with their source whose pin it left as it was: once merged, the pin
        // names a commit before the change, and `status` calls the page stale until `tandem sync` moves it (a pin
        // naming one of the pull request's own commits would not be on the base branch).
        let mut pins_to_move: Vec<(String, String)> = Vec::new();
        if !added {
            for lang in &settings.targets {
                let Some(pair) = pair_of(source, lang) else {
                    continue;
                };
                let translation = &pair.translation;
                if pair.kind == PairKind::Missing
                    || to_update.iter().any(|(_, t)| t == translation)
                    || !touched(translation)
                    || now(translation).is_none()
                {
                    continue;
                }
                let pin_now = match refiner.file(translation) {
                    Version::Parsed { text, .. } => frontmatter::parse(&text)
                        .ok()
                        .and_then(|fm| fm.pin(&text, &settings.pin_keys))
                        .map(|pin| pin.value),
                    _ => None,
                };
                let pin_then = match then(translation) {
                    Some((_, id)) => {
                        pin_in_blob(repo, id, &settings.pin_keys)?.map(|pin| pin.value)
                    }
                    None => None,
                };
                if pin_now.is_some() && pin_now == pin_then {
                    pins_to_move.push((lang.clone(), translation.clone()));
                }
            }
        }
        let missing_in_pr = added && policy.report_missing_in_pr;
        if to_update.is_empty()
            && (!added || not_translated.is_empty())
            && pins_to_move.is_empty()
            && moving.is_empty()
        {
            continue;
        }
        let mut sections: Vec<SectionRef> = Vec::new();
        // How each of `sections` changed (a removed one's line is the old version's until placed below).
        let mut section_changes: Vec<crate::drift::sections::Change> = Vec::new();
        let mut mirrored_only = false;
        // By language: whether its translation has only mirrored values to copy.
        let mut mirrored: HashMap<String, bool> = HashMap::new();
        if !to_update.is_empty() || !pins_to_move.is_empty() || !moving.is_empty() {
            // Does the change mean anything?
            let changes = if repo.is_shallow() {
                None
            } else {
                repo.source_changes(&[(source.clone(), merge_base)])?
                    .pop()
                    .flatten()
            };
            // The verdict of `status` with the merge base as sync point: the same judge, and the same sections
            // (those only a commit it did not count changed, a `[skip-l10n]` fix, are not work).
            let (judgement, skipped) = refiner.judge_stale(
                source,
                source_then,
                &[],
                merge_base,
                changes.as_deref(),
                None,
            )?;
            // The verdict of the change for a translation as it is (`Absent`: the source's alone, for its sections).
            let verdict_for = |refiner: &mut Refiner,
                               translation: &Version|
             -> Result<(
                crate::drift::judge::Verdict,
                Vec<crate::report::ChangedSection>,
            )> {
                let (mut refinement, mut changed) = crate::engine::analysis::refinement(
                    settings,
                    judgement.clone(),
                    translation,
                    crate::drift::blocks::LinkTwins::none(),
                );
                if matches!(refinement, crate::drift::judge::Refinement::Changed { .. })
                    && crate::engine::analysis::drop_uncounted(
                        refiner,
                        source,
                        source_then,
                        merge_base,
                        &skipped,
                        &mut changed,
                    )?
                {
                    refinement = crate::engine::analysis::refined_again(&changed);
                }
                let verdict = crate::drift::judge::judge(&crate::drift::judge::PairFacts {
                    kind: PairKind::Paired,
                    sync: crate::drift::SyncFacts::Known {
                        at_sync: analysis::to_blob(then(source_then)),
                        now: analysis::to_blob(now(source)),
                    },
                    source_renamed: false,
                    unreadable_translation: false,
                    refinement: Some(refinement),
                    structure: None,
                });
                Ok((verdict, changed))
            };
            let (verdict, changed) = verdict_for(&mut refiner, &Version::Absent)?;
            // Passed over by a skip directive: listed as such (a reviewer sees what was waved through), no finding.
            if verdict.reason == Reason::SkipDirective {
                if to_update.is_empty() {
                    continue;
                }
                report.changed_sources.push(ChangedSource {
                    source: source.clone(),
                    added,
                    sections: Vec::new(),
                    to_update: to_update.into_iter().map(|(lang, _)| lang).collect(),
                    not_translated: Vec::new(),
                    skipped: true,
                    pins_to_move: Vec::new(),
                });
                continue;
            }
            if verdict.state == State::Current {
                to_update.clear();
                pins_to_move.clear();
                moving.clear();
            }
            // Each translation as `status` judges it, by what it holds: a key it translated (its own picture) is
            // work for it, one it copied is a value to copy, one it already holds as the source now has it (a key
            // the source removed that it never had, a value the pull request set in both) asks nothing. Judged
            // without them, a pull request warned "copy it" for translated keys and failed on copied ones.
            let mut kept = Vec::new();
            for (lang, translation) in std::mem::take(&mut to_update) {
                let version = refiner.file(&translation);
                let (own, _) = verdict_for(&mut refiner, &version)?;
                if own.state != State::Current {
                    mirrored.insert(lang.clone(), own.reason == Reason::MirroredOnly);
                    kept.push((lang, translation));
                }
            }
            to_update = kept;
            mirrored_only = verdict.reason == Reason::MirroredOnly;
            // A removed section is named too (its annotation said only "this page changed", on line 1).
            (sections, section_changes) =
                changed.iter().map(|c| (c.source.clone(), c.change)).unzip();
            // A translation to move is judged as it is, under its old name: once moved, what it has to take in.
            for (lang, translation) in std::mem::take(&mut moving) {
                let version = refiner.file(&translation);
                let (own, own_changed) = verdict_for(&mut refiner, &version)?;
                if own.state != State::Current {
                    let changes = own_changed
                        .iter()
                        .map(|c| (c.source.clone(), c.change))
                        .unzip();
                    renamed_and_changed.insert((lang, translation), changes);
                }
            }
        }
        if to_update.is_empty() && !added && pins_to_move.is_empty() {
            continue;
        }
        let removed: Vec<bool> = (section_changes.iter())
            .map(|c| *c == crate::drift::sections::Change::Removed)
            .collect();
        // Each changed section's first changed line (GitHub shows an annotation in the pull request's diff only on a
        // line of it: the section's heading often is not), else its heading's.
        let mut lines: Vec<usize> = if sections.is_empty() {
            Vec::new()
        } else {
            // The versions the verdict above read (the refiner keeps them).
            let old = match then(source_then) {
                Some((_, id)) => match refiner.blob(id)? {
                    Version::Parsed { text, .. } => Some(text),
                    _ => None,
                },
                None => None,
            };
            match refiner.file(source) {
                Version::Parsed { text, doc } => first_changed_lines(
                    old.as_deref().map_or("", String::as_str),
                    &text,
                    &doc,
                    &sections,
                    &removed,
                ),
                _ => sections
                    .iter()
                    .zip(&removed)
                    .map(|(s, gone)| if *gone { 1 } else { s.line })
                    .collect(),
            }
        };
        // A removed section is placed where it was: the line after its removal.
        for ((section, gone), line) in sections.iter_mut().zip(&removed).zip(&lines) {
            if *gone {
                section.line = *line;
            }
        }
        if lines.is_empty() {
            lines.push(1);
        }
        let finding = |kind, lang: &String, translation: &String| Finding {
            kind,
            fails: false,
            language: lang.clone(),
            source: source.clone(),
            translation: translation.clone(),
            file: source.clone(),
            lines: if kind != FindingKind::MissingInPr {
                lines.clone()
            } else {
                vec![1]
            },
            sections: if kind != FindingKind::MissingInPr {
                sections.clone()
            } else {
                Vec::new()
            },
            section_changes: if kind != FindingKind::MissingInPr {
                section_changes.clone()
            } else {
                Vec::new()
            },
            signals: Vec::new(),
            reason: None,
            pin: None,
            base: None,
            renamed_to: None,
            move_translation_to: None,
            source_deleted: None,
        };
        // Only mirrored front-matter values changed: values to copy (`sync --mirrored`), reported as such.
        for (lang, translation) in &to_update {
            let kind = if mirrored.get(lang).copied().unwrap_or(mirrored_only) {
                FindingKind::MirroredOnly
            } else {
                FindingKind::StaleInPr
            };
            findings.push(finding(kind, lang, translation));
        }
        if missing_in_pr {
            for (lang, translation) in &not_translated {
                findings.push(finding(FindingKind::MissingInPr, lang, translation));
            }
        }
        report.changed_sources.push(ChangedSource {
            source: source.clone(),
            added,
            sections: sections.clone(),
            to_update: to_update.into_iter().map(|(lang, _)| lang).collect(),
            not_translated: not_translated.into_iter().map(|(lang, _)| lang).collect(),
            skipped: false,
            pins_to_move: pins_to_move
                .into_iter()
                .map(|(_, translation)| translation)
                .collect(),
        });
    }

    // A translation to move whose source changed as it was renamed says so: moved only, it would be stale at once
    // (the next run's `stale-in-pr`).
    for finding in &mut findings {
        if finding.kind == FindingKind::OrphanedInPr
            && let Some((sections, changes)) =
                renamed_and_changed.remove(&(finding.language.clone(), finding.translation.clone()))
        {
            finding.sections = sections;
            finding.section_changes = changes;
        }
    }

    // Translations the pull request deleted while their source stays (under its name, or the one it was renamed to):
    // the page is missing in that language once merged, which the whole repository's check would say only then.
    // Reported whatever the policy: unlike a new page not translated yet, a deleted translation is not the usual course.
    // In path order: the map's order changed from run to run, and with it the JSON's `checked` and the findings.
    let mut deleted_now: Vec<_> = changed.iter().collect();
    deleted_now.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (path, (old, new)) in deleted_now {
        let (Some(_), None) = (old, new) else {
            continue;
        };
        let Some((lang, root, rel)) = pairing::classify(&settings.layout, &languages, path) else {
            continue;
        };
        if lang == settings.source {
            continue;
        }
        let source_then = pairing::path_for(
            &settings.layout,
            &site.inventory,
            &settings.source,
            root,
            &rel,
            &settings.source,
        );
        let renamed = matches!(renames.get(&source_then), Some(Some(_)));
        let source_now = match renames.get(&source_then) {
            Some(Some(new)) => new.clone(),
            Some(None) => continue,
            None => source_then,
        };
        let Some(pair) = pairs_now
            .iter()
            .find(|p| p.source == source_now && p.language == lang && p.kind == PairKind::Missing)
        else {
            continue;
        };
        if !checked.iter().any(|c| c.translation == pair.translation) {
            checked.push(Checked {
                language: lang.clone(),
                source: source_now.clone(),
                translation: pair.translation.clone(),
            });
        }
        let file_now = source_now.clone();
        findings.push(Finding {
            kind: FindingKind::MissingInPr,
            fails: false,
            language: lang,
            source: source_now.clone(),
            translation: path.clone(),
            file: source_now,
            lines: vec![1],
            sections: Vec::new(),
            section_changes: Vec::new(),
            signals: Vec::new(),
            reason: Some(Reason::TranslationDeleted),
            pin: None,
            base: Some(base_rev.to_owned()),
            // Its source moved in the pull request: restored under its old name, it would be an orphan; the advice
            // puts it under the new one.
            renamed_to: renamed.then(|| file_now.clone()),
            move_translation_to: renamed.then(|| pair.translation.clone()),
            source_deleted: None,
        });
    }

    // Translations the pull request added or whose pin it changed.
    let mut new_page_pins: Vec<(String, String)> = Vec::new();
    let mut pins_in_use: Option<bool> = (mode == Mode::Pin
        || settings.file.pin.as_ref().is_some_and(|p| p.key.is_some()))
    .then_some(true);
    for pair in pairs_now.iter().filter(|p| p.kind != PairKind::Missing) {
        let translation = &pair.translation;
        if !touched(translation) || now(translation).is_none() {
            continue;
        }
        if !checked.iter().any(|c| &c.translation == translation) {
            checked.push(Checked {
                language: pair.language.clone(),
                source: pair.source.clone(),
                translation: translation.clone(),
            });
        }
        let version = refiner.file(translation);
        let pin_now = match &version {
            Version::Parsed { text, .. } => frontmatter::parse(text)
                .ok()
                .and_then(|fm| fm.pin(text, &settings.pin_keys)),
            _ => None,
        };
        let pin_then = match then(translation) {
            Some((_, id)) => pin_in_blob(repo, id, &settings.pin_keys)?,
            None => None,
        };
        let new_file = then(translation).is_none();
        // A page the pull request adds, translated in it too: its translation's pin can only name one of the pull
        // request's commits, which a squash merge does not keep. Pinned once merged, as `pins_to_move` says.
        let new_source = added_sources.contains(&&pair.source)
            && !renamed_from.contains_key(pair.source.as_str());
        let finding = |kind, line, reason, pin: Option<String>| Finding {
            kind,
            fails: false,
            language: pair.language.clone(),
            source: pair.source.clone(),
            translation: translation.clone(),
            file: translation.clone(),
            lines: vec![line],
            sections: Vec::new(),
            section_changes: Vec::new(),
            signals: Vec::new(),
            reason,
            pin,
            base: (reason == Some(Reason::PinNotOnBase)).then(|| base_rev.to_owned()),
            renamed_to: None,
            move_translation_to: None,
            source_deleted: None,
        };
        // A translation the pull request added with no source (a misspelt name, a page translated before its source
        // exists): newly orphaned, which the whole repository's check would say only once merged.
        if new_file && pair.kind == PairKind::Orphaned {
            findings.push(finding(
                FindingKind::OrphanedInPr,
                1,
                Some(Reason::SourceNotFound),
                None,
            ));
            continue;
        }
        // A translation the pull request added or changed that says it is not finished (scaffold's marks, conflict
        // markers) is what `status` will call stale once merged: the same finding as in the whole repository.
        if let Version::Parsed { doc, .. } = &version {
            let signals = crate::drift::structure::unfinished(doc);
            if let Some(first) = signals.first() {
                let line = first
                    .items
                    .first()
                    .and_then(|l| l.parse().ok())
                    .unwrap_or(1);
                let mut unfinished =
                    finding(FindingKind::Stale, line, Some(Reason::Structure), None);
                unfinished.signals = signals;
                findings.push(unfinished);
            }
        }
        match pin_now {
            None if new_file => {
                // Whether the site records pins: then a new translation must carry one.
                let in_use = match pins_in_use {
                    Some(known) => known,
                    None => {
                        let found = pins_at(ws, merge_base, &pair.language)?;
                        if found {
                            pins_in_use = Some(true);
                        }
                        found
                    }
                };
                if in_use && new_source {
                    new_page_pins.push((pair.source.clone(), translation.clone()));
                } else if in_use {
                    findings.push(finding(FindingKind::MissingPin, 1, None, None))
                }
            }
            None => {}
            Some(pin) if pin_then.as_ref().map(|p| &p.value) != Some(&pin.value) => {
                let reason = match repo.resolve_pin(&pin.value) {
                    PinResolution::NotFound => Some(Reason::PinNotFound),
                    PinResolution::Ambiguous => Some(Reason::PinAmbiguous),
                    // Pushed: HEAD is the branch, and the pin is on it when it is in HEAD's history.
                    PinResolution::Commit(commit) if pushed => {
                        (!repo.is_ancestor(commit, head)?).then_some(Reason::PinNotAncestor)
                    }
                    // After a squash merge only the base's commits remain: the pin must be one of them.
                    PinResolution::Commit(commit) if repo.is_ancestor(commit, base)? => None,
                    PinResolution::Commit(commit) if repo.is_ancestor(commit, head)? => {
                        Some(Reason::PinNotOnBase)
                    }
                    PinResolution::Commit(_) => Some(Reason::PinNotAncestor),
                };
                if reason == Some(Reason::PinNotOnBase) && new_source {
                    new_page_pins.push((pair.source.clone(), translation.clone()));
                } else if let Some(reason) = reason {
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
    for (source, translation) in new_page_pins {
        match report
            .changed_sources
            .iter_mut()
            .find(|c| c.source == source)
        {
            Some(changed) => changed.pins_to_move.push(translation),
            None => report.changed_sources.push(ChangedSource {
                source,
                added: true,
                sections: Vec::new(),
                to_update: Vec::new(),
                not_translated: Vec::new(),
                skipped: false,
                pins_to_move: vec![translation],
            }),
        }
    }
    report.findings = findings;
    report.checked = checked;
    Ok(finish(report, policy))
}

/// For each of `sections` (of the source now, `new`), the first line the change from `old` touched inside it, else the
/// section's own line. A section's lines are found in `doc` (`new`, parsed) by its line.
fn first_changed_lines(
    old: &str,
    new: &str,
    doc: &crate::markdown::document::Document,
    sections: &[SectionRef],
    removed: &[bool],
) -> Vec<usize> {
    // Spaces at line ends are no change to annotate: a line whose only change was its trailing spaces took the
    // annotation from the line the author changed further down (the lines keep their numbers).
    let (old_lines, new_lines) = (
        crate::util::chars::trim_line_ends(old),
        crate::util::chars::trim_line_ends(new),
    );
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_lines(old_lines.as_str(), new_lines.as_str());
    // 1-based lines of `new` where a change starts (a deletion: the line after it).
    let changed: Vec<usize> = diff
        .ops()
        .iter()
        .filter(|op| op.tag() != similar::DiffTag::Equal)
        .map(|op| op.new_range().start + 1)
        .collect();
    // Looked up, not searched for each section (a page of 20,000 sections was read from the top, and its sections and
    // the diff's changes searched, for each one).
    let lines = crate::markdown::document::LineIndex::new(new);
    let line_at = |offset: usize| lines.line(offset);
    let last_line = new.lines().count().max(1);
    // The first section at each line.
    let mut at_line: std::collections::HashMap<usize, &crate::markdown::document::Section> =
        std::collections::HashMap::new();
    for s in &doc.sections {
        at_line.entry(s.line).or_insert(s);
    }
    // The diff's operations follow both texts in order: their old ranges and the new lines where changes start rise.
    let ops = diff.ops();
    sections
        .iter()
        .zip(removed.iter().copied().chain(std::iter::repeat(false)))
        .map(|(section, gone)| {
            if gone {
                // The section's old line falls in a change of the diff: the line of `new` after what it removed.
                let old_line = section.line.saturating_sub(1);
                let op = ops
                    .get(ops.partition_point(|op| op.old_range().end <= old_line))
                    .filter(|op| {
                        op.tag() != similar::DiffTag::Equal && op.old_range().contains(&old_line)
                    });
                return op
                    .map_or(section.line, |op| op.new_range().start + 1)
                    .min(last_line);
            }
            let span = if section.id == "front-matter" {
                // The front matter: the lines above the body.
                doc.sections
                    .first()
                    .map(|s| (1, line_at(s.span.start).saturating_sub(1)))
            } else {
                at_line
                    .get(&section.line)
                    .map(|s| (line_at(s.span.start), line_at(s.span.end.saturating_sub(1))))
            };
            span.and_then(|(from, to)| {
                let first = changed.get(changed.partition_point(|&line| line < from))?;
                (*first <= to).then_some(*first)
            })
            .unwrap_or(section.line)
        })
        .collect()
}

/// The pin in a committed page's front matter.
fn pin_in_blob(
    repo: &crate::history::GitRepo,
    id: gix::ObjectId,
    keys: &[String],
) -> Result<Option<frontmatter::Pin>> {
    Ok(repo.read_blob(id)?.and_then(|bytes| {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        frontmatter::parse(&text)
            .ok()
            .and_then(|fm| fm.pin(&text, keys))
    }))
}

/// Whether a translation of `lang` carries a pin at `commit` (front matter only; the first one found settles it).
/// The first line of the marks that say a translation is not finished (scaffold's `tandem: translate`, merge-conflict
/// markers), where its finding is about them: the finding pointed at the pin's line while its text named the mark's.
fn unfinished_line(page: &crate::report::PageStatus) -> Option<usize> {
    if page.reason != Reason::Structure {
        return None;
    }
    page.signals
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                crate::drift::structure::SignalKind::TranslateMarks
                    | crate::drift::structure::SignalKind::ConflictMarkers
            )
        })
        .flat_map(|s| s.items.iter().filter_map(|item| item.parse::<usize>().ok()))
        .min()
}

pub(crate) fn pins_at(ws: &Workspace, commit: gix::ObjectId, lang: &str) -> Result<bool> {
    let settings = &ws.settings;
    let languages: Vec<String> = settings.content_dirs.keys().cloned().collect();
    let dir = settings.content_dir(lang).to_owned();
    let files: Vec<String> = ws
        .repo
        .files_at(commit, std::slice::from_ref(&dir))?
        .into_iter()
        .filter(|p| {
            settings.is_page(p)
                && pairing::classify(&settings.layout, &languages, p)
                    .is_some_and(|(l, _, _)| l == lang)
        })
        .collect();
    let leaves: Vec<&[u8]> = settings
        .pin_keys
        .iter()
        .map(|k| k.rsplit('.').next().unwrap_or(k).as_bytes())
        .collect();
    for entry in ws.repo.entries_at(commit, &files)? {
        let Some((_, id)) = entry else { continue };
        let Some(bytes) = ws.repo.read_blob(id)? else {
            continue;
        };
        if !leaves
            .iter()
            .any(|leaf| memchr::memmem::find(&bytes, leaf).is_some())
        {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        if frontmatter::parse(&text)
            .ok()
            .and_then(|fm| fm.pin(&text, &settings.pin_keys))
            .is_some()
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The new path of each source deleted in the pull request, if it was renamed: an added source with the same bytes,
/// else the most similar added source (at least half its words in common). Each added source is the new name of one
/// deleted source at most: two pages deleted beside one renamed were both said to be renamed to it (and `git mv`
/// advised for both translations).
fn renamed_to<'a>(
    refiner: &mut Refiner,
    deleted: &[&'a String],
    added: &[&String],
    then: &dyn Fn(&str) -> Option<Entry>,
    now: &dyn Fn(&str) -> Option<Entry>,
) -> Result<HashMap<&'a String, Option<String>>> {
    let mut renames: HashMap<&String, Option<String>> =
        deleted.iter().map(|source| (*source, None)).collect();
    let mut claimed: BTreeSet<&String> = BTreeSet::new();
    for source in deleted {
        let Some((_, old_id)) = then(source) else {
            continue;
        };
        if let Some(candidate) = added
            .iter()
            .find(|c| !claimed.contains(**c) && now(c).map(|(_, id)| id) == Some(old_id))
        {
            claimed.insert(candidate);
            renames.insert(source, Some((*candidate).clone()));
        }
    }
    // The rest by similarity, the closest pairs first.
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    for (d, source) in deleted.iter().enumerate() {
        if renames[*source].is_some() {
            continue;
        }
        let Some((_, old_id)) = then(source) else {
            continue;
        };
        let Version::Parsed { text: old_text, .. } = refiner.blob(old_id)? else {
            continue;
        };
        for (a, candidate) in added.iter().enumerate() {
            if claimed.contains(*candidate) {
                continue;
            }
            if let Version::Parsed { text, .. } = refiner.file(candidate)
                && let Some(likeness) = crate::drift::sections::rename_likeness(&old_text, &text)
            {
                scored.push((likeness, d, a));
            }
        }
    }
    for (d, a) in crate::drift::sections::closest_pairs(scored) {
        renames.insert(deleted[d], Some(added[a].clone()));
    }
    Ok(renames)
}

/// Recent commits read for the directive the advice names.
const RECENT_MESSAGES: usize = 200;

/// The skip directive the advice names: the one the site's recent commits (HEAD's first-parent line) carry most.
fn advised_directive(
    repo: &crate::history::GitRepo,
    directives: &crate::history::directives::Directives,
) -> String {
    let mut messages = Vec::new();
    let mut at = Some(repo.head());
    while let Some(id) = at
        && messages.len() < RECENT_MESSAGES
    {
        let Ok(info) = repo.commit_info(id) else {
            break;
        };
        messages.push(info.message.clone());
        at = info.parents.first().copied();
    }
    directives.example_in(messages.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::structure::SectionRef;
    use crate::markdown::document::{Document, SiteContext, parse};

    /// How the first changed lines were found before they were looked up: the page read from the top, its sections
    /// and the diff's changes searched, for each section.
    fn first_changed_lines_by_search(
        old: &str,
        new: &str,
        doc: &Document,
        sections: &[SectionRef],
        removed: &[bool],
    ) -> Vec<usize> {
        let (old_lines, new_lines) = (
            crate::util::chars::trim_line_ends(old),
            crate::util::chars::trim_line_ends(new),
        );
        let diff = similar::TextDiff::configure()
            .algorithm(similar::Algorithm::Patience)
            .diff_lines(old_lines.as_str(), new_lines.as_str());
        let changed: Vec<usize> = (diff.ops().iter())
            .filter(|op| op.tag() != similar::DiffTag::Equal)
            .map(|op| op.new_range().start + 1)
            .collect();
        let line_at = |offset: usize| new[..offset.min(new.len())].matches('\n').count() + 1;
        let last_line = new.lines().count().max(1);
        (sections.iter())
            .zip(removed.iter().copied().chain(std::iter::repeat(false)))
            .map(|(section, gone)| {
                if gone {
                    let old_line = section.line.saturating_sub(1);
                    let op = diff.ops().iter().find(|op| {
                        op.tag() != similar::DiffTag::Equal && op.old_range().contains(&old_line)
                    });
                    return op
                        .map_or(section.line, |op| op.new_range().start + 1)
                        .min(last_line);
                }
                let span = if section.id == "front-matter" {
                    (doc.sections.first()).map(|s| (1, line_at(s.span.start).saturating_sub(1)))
                } else {
                    (doc.sections.iter())
                        .find(|s| s.line == section.line)
                        .map(|s| (line_at(s.span.start), line_at(s.span.end.saturating_sub(1))))
                };
                span.and_then(|(from, to)| {
                    (changed.iter().copied()).find(|line| (from..=to).contains(line))
                })
                .unwrap_or(section.line)
            })
            .collect()
    }

    /// A page of a few sections drawn from repeated headings and bodies, with or without front matter.
    fn random_page(random: &mut crate::util::random::Xorshift) -> String {
        let headings = [
            "## Example",
            "## Setup",
            "### Deep",
            "# Title",
            "Setext\n---",
        ];
        let bodies = [
            "",
            "Run it.",
            "Run it.\nTwice.",
            "- a\n- b",
            "```\ncode\n```",
            "Other.",
        ];
        let draw = random.draw();
        let mut page = match draw % 3 {
            0 => String::new(),
            1 => "Intro.\n\n".to_owned(),
            _ => format!("---\ntitle: T{}\n---\n\nIntro.\n\n", draw % 2),
        };
        for _ in 0..(draw >> 8) % 10 {
            let pick = random.draw();
            let heading = headings[(pick % headings.len() as u64) as usize];
            let body = bodies[((pick >> 8) % bodies.len() as u64) as usize];
            page.push_str(&format!("{heading}\n\n{body}\n\n"));
        }
        page
    }

    #[test]
    fn first_changed_lines_are_those_searching_each_section_found() {
        let site = SiteContext::default();
        let mut random = crate::util::random::Xorshift::new(0x6a09_e667_f3bc_c909);
        for _ in 0..2_000 {
            let (old, new) = (random_page(&mut random), random_page(&mut random));
            let (old_doc, new_doc) = (parse(&old, &site).unwrap(), parse(&new, &site).unwrap());
            // The front matter, every section of the new page, and every section of the old one as removed.
            let front = SectionRef {
                id: "front-matter".to_owned(),
                heading: String::new(),
                line: 1,
            };
            let sections: Vec<SectionRef> = std::iter::once(front)
                .chain(new_doc.sections.iter().map(SectionRef::of))
                .chain(old_doc.sections.iter().map(SectionRef::of))
                .collect();
            let removed: Vec<bool> = (0..sections.len())
                .map(|at| at > new_doc.sections.len())
                .collect();
            assert_eq!(
                first_changed_lines(&old, &new, &new_doc, &sections, &removed),
                first_changed_lines_by_search(&old, &new, &new_doc, &sections, &removed),
                "{old:?}\n{new:?}"
            );
        }
    }
}
