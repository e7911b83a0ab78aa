//! `tandem diff PAGE`: what changed in the source since the translation's sync point, section by section, with the
//! translation's matching section beside it.

use crate::drift::blocks::LinkTwins;
use std::rc::Rc;

use super::{Context, Output};
use crate::cli::{DiffArgs, DiffFormat};
use crate::drift::align::{align, by_source};
use crate::drift::blocks::{self, BlockChange, BlockShape};
use crate::drift::sections::{self, Change, Severity};
use crate::drift::structure::{self, SectionRef};
use crate::drift::uncounted::Uncounted;
use crate::engine::analysis::{self, Options};
use crate::engine::refine::{Refiner, Version};
use crate::error::{Error, Exit, Result};
use crate::i18n::UiLang;
use crate::markdown::document::BlockKind;
use crate::markdown::document::{self, Document};
use crate::report::PageStatus;
use crate::report::diff::{
    self as render, BlockDiff, BlockRef, BlockView, DIFF_JSON_VERSION, DiffLine, DiffReport,
    DiffTextOptions, LineOp, SectionDiff,
};
use crate::site::workspace::Workspace;

/// The id `--section` takes for the text before the first heading (HTML's `#top` is the top of the page).
pub const PREAMBLE_ID: &str = "top";

pub fn run(
    args: &DiffArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let (ws, m) = ctx.open_at(ui_lang, args.rev.as_deref())?;
    let filters = analysis::path_filters(&ws, std::slice::from_ref(&args.page))?;
    let path = filters[0].path.clone();
    let status = analysis::status(
        &ws,
        &Options {
            mode: args.mode,
            strict: false,
            paths: filters,
        },
    )?;
    let candidates: Vec<_> = status
        .pages
        .iter()
        // In NFC: a name typed on Linux (NFC) for a page a Mac saved in NFD is the same page, as `status` finds it.
        .filter(|p| {
            let typed = crate::util::chars::nfc(&path);
            crate::util::chars::nfc(&p.translation) == typed
                || crate::util::chars::nfc(&p.source) == typed
        })
        .collect();
    let page = match candidates.as_slice() {
        [] => return Err(Error::NotAPage { path }),
        [one] => *one,
        many => {
            return Err(Error::AmbiguousPage {
                path,
                languages: many
                    .iter()
                    .map(|p| p.language.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
    };

    let twins = status.link_twins(&page.language);
    // The range the source's changes are read over ends at the sources' HEAD: with the sources in a repository of
    // their own, the translations' HEAD had been printed after a commit of the sources.
    let head = match &ws.source_repo {
        Some(sources) => sources.head().to_string(),
        None => status.head.clone(),
    };
    let mut report = page_report(&ws, page, head, args.context, twins)?;
    if let Some(id) = &args.section {
        // A mistyped id would read as "nothing changed": the page's ids are given instead.
        if !report.section_ids.is_empty() && !report.section_ids.contains(id) {
            return Err(Error::UnknownSection {
                id: id.clone(),
                page: report.source.clone(),
                known: report.section_ids[..report.source_ids].join(", "),
            });
        }
        report.page_changed = Some((
            report.sections.len(),
            report
                .sections
                .iter()
                .filter(|s| s.change == Change::Removed)
                .count(),
        ));
        // `top` is the text before the first heading (HTML's `#top`), unless a heading has that id.
        let id = match id.as_str() {
            PREAMBLE_ID if report.top_is_preamble => "",
            id => id,
        };
        let matches = |r: &SectionRef| {
            r.id == id && (!id.is_empty() || (r.heading.is_empty() && r.id != "front-matter"))
        };
        report.sections.retain(|s| {
            [&s.source, &s.old_source, &s.translation]
                .into_iter()
                .flatten()
                .any(matches)
        });
        report.signals.retain(|s| {
            [&s.source_section, &s.translation_section]
                .into_iter()
                .flatten()
                .any(matches)
        });
    }

    output.stdout = match args.format {
        DiffFormat::Text => render::text(
            &report,
            &m,
            DiffTextOptions {
                color: ctx.env.color,
                word: args.word,
            },
        ),
        DiffFormat::Patch => render::patch(&report, &m),
        DiffFormat::Json => {
            let mut text = serde_json::to_string_pretty(&report).expect("report serialises");
            text.push('\n');
            text
        }
    };
    output.warnings(&status.warnings, &m, ctx.global.quiet);
    Ok(Exit::Clean)
}

/// One page's diff: the source's change since the sync point, section by section, each modified section's changed
/// blocks beside the translation's (what `diff` shows; `tasks` lists the blocks). `context`: unchanged blocks kept
/// around each changed one for the text view. Sections stay empty without a sync point or a version that parses.
/// `twins`: the names of the page's language's pages where they differ from their sources' (the status report's).
pub fn page_report(
    ws: &Workspace,
    page: &PageStatus,
    head: String,
    context: usize,
    twins: &LinkTwins,
) -> Result<DiffReport> {
    let mut report = DiffReport {
        version: DIFF_JSON_VERSION,
        language: page.language.clone(),
        source_language: ws.settings.source.clone(),
        source: page.source.clone(),
        translation: page.translation.clone(),
        state: page.state,
        reason: page.reason,
        sync: page.sync.clone(),
        head,
        source_sections: 0,
        cosmetic: 0,
        sections: Vec::new(),
        signals: page.signals.clone(),
        section_ids: Vec::new(),
        source_ids: 0,
        old_text: String::new(),
        new_text: String::new(),
        not_counted: 0,
        top_is_preamble: false,
        page_changed: None,
        pin: page.detail().cloned(),
    };
    let Some(sync) = &page.sync else {
        return Ok(report);
    };
    // Sources (and their history) may live in another clone than the translations.
    let mut refiner = Refiner::new(
        ws.sources(),
        ws.settings.site_context(),
        &ws.settings.skip_commits,
    );
    let mut translations = Refiner::new(
        &ws.repo,
        ws.settings.site_context(),
        &ws.settings.skip_commits,
    );
    let commit = gix::ObjectId::from_hex(sync.commit.as_bytes()).expect("full hash");
    // A source renamed since the sync point is read under its name there.
    let mut old = refiner.at(commit, &page.source)?;
    if let (Version::Absent, Some(former)) = (&old, page.renamed_from()) {
        old = refiner.at(commit, former)?;
    }
    let new = refiner.file(&page.source);
    let translation = translations.file(&page.translation);
    let empty = |refiner: &Refiner| Version::Parsed {
        text: Rc::new(String::new()),
        doc: Rc::new(document::parse("", refiner.site()).expect("empty page parses")),
    };
    let old = if matches!(old, Version::Absent) {
        empty(&refiner)
    } else {
        old
    };
    if let (
        Version::Parsed {
            text: old_text,
            doc: old_doc,
        },
        Version::Parsed {
            text: new_text,
            doc: new_doc,
        },
        Version::Parsed {
            text: tr_text,
            doc: tr_doc,
        },
    ) = (&old, &new, &translation)
    {
        // A page emptied of its body still has its (empty) text before the first heading: not a section to count.
        report.source_sections = (new_doc.sections.iter())
            .filter(|s| !s.is_empty_preamble())
            .count();
        let mut ids = vec!["front-matter".to_owned()];
        // The text before the first heading is `top`, unless a heading has that id.
        report.top_is_preamble = [new_doc, old_doc, tr_doc]
            .iter()
            .all(|doc| doc.sections.iter().all(|s| s.id != PREAMBLE_ID));
        if report.top_is_preamble {
            ids.push(PREAMBLE_ID.to_owned());
        }
        // Each id once, in order of first appearance: a set says which were seen (searching the list for each section
        // made a page of 20,000 headings compare about a billion ids).
        let mut seen: std::collections::HashSet<String> = ids.iter().cloned().collect();
        for doc in [new_doc, old_doc, tr_doc] {
            for section in &doc.sections {
                if !section.id.is_empty() && seen.insert(section.id.clone()) {
                    ids.push(section.id.clone());
                }
            }
            if report.source_ids == 0 {
                report.source_ids = ids.len();
            }
        }
        report.section_ids = ids;
        report.old_text = old_text.to_string();
        report.new_text = new_text.to_string();
        build_sections(
            &mut report,
            (old_text, old_doc),
            (new_text, new_doc),
            (tr_text, tr_doc),
            (&ws.settings.front_matter, twins),
            context,
        );
        report.not_counted = drop_not_counted(
            &mut report,
            &mut refiner,
            &sync.skipped,
            &page.source,
            (old_doc, new_doc),
        )?;
        // The keys the translation changed after the source did, as the verdict found them (from history).
        let followed: Vec<&crate::drift::front_matter::KeyChange> = page
            .changed_sections
            .iter()
            .filter(|c| c.kind == crate::report::SectionKind::FrontMatter)
            .flat_map(|c| &c.keys)
            .filter(|k| k.in_translation)
            .collect();
        for key in report
            .sections
            .iter_mut()
            .filter(|s| s.kind == crate::report::SectionKind::FrontMatter)
            .flat_map(|s| s.keys.iter_mut())
        {
            if let Some(found) = followed.iter().find(|k| k.key == key.key) {
                key.in_translation = true;
                key.translated_in = found.translated_in.clone();
            }
        }
    }
    Ok(report)
}

/// Takes out of `report` the sections and front-matter keys that only a source commit the verdict did not count
/// changed (a `[skip-l10n]` title-case fix): the diff showed them "to update", though the header said the commit was
/// not counted. A section is one such commit's alone when it reads at the sync point as before that commit, and now
/// as after it. Nothing is taken out when it would leave nothing (the verdict counted some change). Returns how many
/// were taken out.
fn drop_not_counted(
    report: &mut DiffReport,
    refiner: &mut Refiner,
    skipped: &[crate::report::SkippedCommit],
    path: &str,
    (old_doc, new_doc): (&Document, &Document),
) -> Result<usize> {
    let mut versions = Vec::new();
    for commit in skipped.iter().filter(|c| c.side == "source") {
        if let Ok(id) = gix::ObjectId::from_hex(commit.commit.as_bytes())
            && let Some(around) = refiner.around(id, path)?
        {
            versions.push(around);
        }
    }
    if versions.is_empty() {
        return Ok(0);
    }
    let uncounted = Uncounted::new(
        old_doc,
        new_doc,
        versions.iter().map(|(b, a)| (&**b, &**a)).collect(),
    );
    let only_skipped = |section: &SectionDiff| -> bool {
        let id = section
            .source
            .as_ref()
            .or(section.old_source.as_ref())
            .map_or("", |r| r.id.as_str());
        uncounted.section(id)
    };
    let mut kept = Vec::with_capacity(report.sections.len());
    let mut dropped = 0;
    for mut section in std::mem::take(&mut report.sections) {
        if section.kind == crate::report::SectionKind::FrontMatter {
            let before = section.keys.len();
            section
                .keys
                .retain(|k| !uncounted.key(&k.key, &k.old, &k.new));
            dropped += before - section.keys.len();
            if section.keys.is_empty() {
                continue;
            }
        } else if only_skipped(&section) {
            dropped += 1;
            continue;
        }
        kept.push(section);
    }
    if kept.is_empty() {
        return Ok(0);
    }
    report.sections = kept;
    Ok(dropped)
}

/// Fills `report.sections` with the changes that ask for work, in the current source's order.
fn build_sections(
    report: &mut DiffReport,
    (old_text, old): (&str, &Document),
    (new_text, new): (&str, &Document),
    (tr_text, tr): (&str, &Document),
    (classes, twins): (&crate::drift::front_matter::KeyClasses, &LinkTwins),
    context: usize,
) {
    // The front matter first, as a section of its own, when keys changed.
    let mut keys = crate::drift::front_matter::key_changes(old, new);
    classes.classify_for(&mut keys, tr.front_matter_values());
    if !keys.is_empty() {
        let head = |text: &str| -> String {
            crate::markdown::frontmatter::parse(text)
                .map(|fm| text[..fm.split.body].to_owned())
                .unwrap_or_default()
        };
        let (old_head, new_head, tr_head) = (head(old_text), head(new_text), head(tr_text));
        let at_top = SectionRef {
            id: "front-matter".into(),
            heading: String::new(),
            line: 1,
        };
        let severity = if keys
            .iter()
            .any(|k| k.class == crate::drift::front_matter::KeyClass::Translated)
        {
            Severity::High
        } else {
            Severity::Low
        };
        report.source_sections += 1;
        report.sections.push(SectionDiff {
            kind: crate::report::SectionKind::FrontMatter,
            change: Change::Modified,
            severity,
            source: Some(at_top.clone()),
            old_source: Some(at_top.clone()),
            translation: (!tr_head.is_empty()).then(|| at_top.clone()),
            insert_after: None,
            insert_before: None,
            moved: false,
            lines: diff_lines(Some((&old_head, 1)), Some((&new_head, 1))),
            translation_text: (!tr_head.is_empty()).then(|| tr_head.trim_end().to_owned()),
            keys,
            blocks: Vec::new(),
            view: Vec::new(),
            level: 0,
        });
    }
    let drift = sections::section_drift(old, new, old_text, new_text);
    let created = old_text.is_empty();
    // The translation was made from the old source: that alignment maps sections.
    let old_to_tr = align(old, tr);
    let ratio = structure::expected_ratio(old, tr, &old_to_tr);
    let new_to_tr = align(new, tr);
    let (old_to_tr, new_to_tr) = (
        by_source(&old_to_tr, old.sections.len()),
        by_source(&new_to_tr, new.sections.len()),
    );
    // The translation's sections the old source's align with.
    let claimed: std::collections::HashSet<usize> = old_to_tr.iter().flatten().copied().collect();
    let counterpart = |old_index: Option<usize>, new_index: Option<usize>| -> Option<usize> {
        let by_new = || new_index.and_then(|n| new_to_tr.get(n).copied().flatten());
        // The translation was made from the old source: its alignment first. The source as it is now may find the
        // counterpart of a section the old one left alone (a heading dropped: the opening faces the translation's),
        // but not one that is another old section's: a section that lost the link tying it to its counterpart took
        // the counterpart of another, shown "to update" under two headings.
        match old_index {
            Some(o) if !created => old_to_tr
                .get(o)
                .copied()
                .flatten()
                .or_else(|| by_new().filter(|t| !claimed.contains(t))),
            _ => by_new(),
        }
    };
    report.cosmetic = drift
        .iter()
        .filter(|d| d.change == Change::Cosmetic)
        .count();
    // Sections the source moved: those off the longest run of sections kept in their old order. A moved section
    // that also changed is "modified", and its move was lost: the translator updated it where it was.
    let moved = moved_sections(&drift);
    // Each changed section's first line, looked up: counted from the top of the page for each section, a page whose
    // 20,000 sections all changed was read 20,000 times.
    let (old_lines, new_lines) = (
        document::LineIndex::new(old_text),
        document::LineIndex::new(new_text),
    );
    // The last translation section seen, for "insert after" (and, for a moved section, "move after").
    let mut last_translation: Option<usize> = None;
    for (k, change) in drift.iter().enumerate() {
        // Without a source at the sync point, what the empty page "had" (its empty opening) is no version: the section
        // is new, to compare whole with the translation.
        let mut change = change.clone();
        if created && change.change == Change::Modified {
            change.change = Change::Added;
        }
        let change = &change;
        let old_section = change.old.map(|o| &old.sections[o]);
        let new_section = change.new.map(|n| &new.sections[n]);
        // A source that did not exist at the sync point (the translation came first, from a draft): every section is
        // new, and the translation's matching part is the one to compare it with, not a place to insert it.
        let t = if change.change == Change::Added && !created {
            None
        } else {
            counterpart(change.old, change.new)
        };
        if change.change.needs_work() {
            let (blocks, view) = match (old_section, new_section, change.change) {
                (Some(o), Some(n), Change::Modified) if !o.same_body(n) => block_diff(
                    (old_text, o),
                    (new_text, n),
                    t.map(|t| (tr_text, &tr.sections[t])),
                    ratio,
                    context,
                    twins,
                ),
                _ => (Vec::new(), Vec::new()),
            };
            let lines = diff_lines(
                old_section.map(|s| (s.raw(old_text), old_lines.line(s.span.start))),
                new_section.map(|s| (s.raw(new_text), new_lines.line(s.span.start))),
            );
            report.sections.push(SectionDiff {
                kind: crate::report::SectionKind::Body,
                change: change.change,
                severity: if change.severity == Severity::None {
                    Severity::High
                } else {
                    change.severity
                },
                source: new_section.map(SectionRef::of),
                old_source: old_section.map(SectionRef::of),
                translation: t.map(|t| SectionRef::of(&tr.sections[t])),
                insert_after: match t {
                    Some(_) if !moved[k] => None,
                    _ => last_translation.map(|t| SectionRef::of(&tr.sections[t])),
                },
                insert_before: match t {
                    Some(_) if !moved[k] => None,
                    _ => last_translation.and_then(|after| {
                        let level = new_section.or(old_section).map_or(0, |s| s.level);
                        next_heading(&tr.sections, after, level)
                    }),
                },
                moved: moved[k] && t.is_some(),
                lines,
                translation_text: t.map(|t| tr.sections[t].raw(tr_text).trim_end().to_owned()),
                keys: Vec::new(),
                blocks,
                view,
                level: new_section.or(old_section).map_or(0, |s| s.level),
            });
        }
        if let Some(t) = t {
            last_translation = Some(t);
        }
    }
}

/// The line of the translation's heading that a section of `level` goes in front of when it goes after section
/// `after`: the next heading of that level or a higher one (a subsection of `after` is passed over by a section of
/// its level, not by one below it). `None`: at the end of the page.
fn next_heading(sections: &[document::Section], after: usize, level: u8) -> Option<usize> {
    (sections.iter().skip(after + 1))
        .find(|s| s.level > 0 && s.level <= level.max(1))
        .map(|s| s.line)
}

/// For each section change, whether the source moved it: among the sections in both versions, taken in the new
/// order, those off the longest run whose old positions increase.
fn moved_sections(drift: &[sections::SectionDrift]) -> Vec<bool> {
    let kept: Vec<(usize, usize)> = drift
        .iter()
        .enumerate()
        .filter_map(|(k, d)| Some((k, d.old?)).filter(|_| d.new.is_some()))
        .collect();
    let olds: Vec<usize> = kept.iter().map(|&(_, o)| o).collect();
    let mut moved = vec![false; drift.len()];
    for &(k, _) in &kept {
        moved[k] = true;
    }
    for at in crate::drift::longest_increasing(&olds) {
        moved[kept[at].0] = false;
    }
    moved
}

/// The changed blocks of a modified section, each beside the translation block aligned with its old version; and
/// the view of them with `context` unchanged blocks around each.
fn block_diff(
    (old_text, old): (&str, &document::Section),
    (new_text, new): (&str, &document::Section),
    translation: Option<(&str, &document::Section)>,
    ratio: f32,
    context: usize,
    twins: &LinkTwins,
) -> (Vec<BlockDiff>, Vec<BlockView>) {
    let changes = blocks::review_changes(&old.blocks, &new.blocks);
    // Old source block → translation block.
    let to_tr = translation_blocks(&old.blocks, translation, ratio);
    // New source block → translation block, for a modified block whose old version has none: a formatter run on both
    // languages (a `<details>` element closed up) left the translation's blocks like the new source's.
    let new_to_tr = if changes
        .iter()
        .any(|c| matches!(*c, BlockChange::Modified { old: o, .. } if to_tr[o].is_none()))
    {
        translation_blocks(&new.blocks, translation, ratio)
    } else {
        vec![None; new.blocks.len()]
    };
    let raw = |text: &str, block: &document::Block| {
        text.get(block.span.clone()).unwrap_or("").trim().to_owned()
    };
    // Translation blocks `first` to `last` (those between included): the line they start on, and their text.
    let tr_text = |first: usize, last: usize| {
        let (text, t) = translation?;
        let (a, b) = (&t.blocks[first], &t.blocks[last]);
        let span = text
            .get(a.span.start..b.span.end.max(a.span.end))
            .unwrap_or("");
        Some((a.line, span.trim().to_owned()))
    };
    // The last line of translation block `j`: what an added block goes after (its first line would put the new text
    // inside a paragraph, a code block or a component).
    let tr_block_end = |j: usize| {
        let (text, t) = translation?;
        let block = &t.blocks[j];
        let body = text.get(block.span.clone()).unwrap_or("").trim_end();
        Some(block.line + body.matches('\n').count())
    };
    let tr_end = |o: usize| tr_block_end(to_tr[o]?);
    let translation_of = |j: usize| Some(&translation?.1.blocks[j]);
    let mut changed: Vec<bool> = changes
        .iter()
        .map(|c| !matches!(c, BlockChange::Unchanged { .. }))
        .collect();
    // Blocks the source joined into one or split from one (any number, a word changed too): one change, beside the
    // translation of all their old blocks. Shown apart, the reviewer was told to remove or insert text the
    // translation already has.
    let merges = blocks::merges(&changes, (old_text, &old.blocks), (new_text, &new.blocks));
    let mut merge_of: Vec<Option<&blocks::Merge>> = vec![None; changes.len()];
    for merge in &merges {
        for c in merge.changes.clone() {
            merge_of[c] = Some(merge);
        }
    }
    // The translation blocks a change faces, first and last: those of a merge's old blocks (or of its new ones when
    // none of the old has one), a modified block's old version's (or its new version's), a removed block's.
    let tr_range = |k: usize| -> Option<(usize, usize)> {
        let span = |indices: &mut dyn Iterator<Item = usize>| {
            indices.fold(None, |range: Option<(usize, usize)>, j| {
                Some(range.map_or((j, j), |(a, b)| (a.min(j), b.max(j))))
            })
        };
        if let Some(merge) = merge_of[k] {
            return span(&mut merge.old.clone().filter_map(|o| to_tr[o]))
                .or_else(|| span(&mut merge.new.clone().filter_map(|n| new_to_tr[n])));
        }
        match changes[k] {
            BlockChange::Modified { old: o, new: n } => to_tr[o].or(new_to_tr[n]).map(|j| (j, j)),
            BlockChange::Removed { old: o } => to_tr[o].map(|j| (j, j)),
            _ => None,
        }
    };
    let mut moved_from: Vec<Option<usize>> = vec![None; changes.len()];
    let mut moved_away = vec![false; changes.len()];
    for (k, c) in changes.iter().enumerate() {
        let BlockChange::Added { new: n } = *c else {
            continue;
        };
        let norm = &new.blocks[n].norm;
        if norm.trim().is_empty() || merge_of[k].is_some() {
            continue;
        }
        let twin = changes.iter().enumerate().find(|&(r, c)| {
            !moved_away[r]
                && merge_of[r].is_none()
                && matches!(*c, BlockChange::Removed { old: o } if old.blocks[o].norm == *norm)
        });
        if let Some((r, &BlockChange::Removed { old: o })) = twin {
            moved_away[r] = true;
            changed[r] = false;
            moved_from[k] = Some(o);
        }
    }
    let mut out = Vec::new();
    let mut view = Vec::new();
    // The translation line of the last old block seen, for "insert after": before any, the translated heading's
    // (a section's first block goes right under it).
    let mut last_tr_line: Option<usize> =
        translation.and_then(|(_, t)| (t.level > 0).then_some(t.line));
    for (k, c) in changes.iter().enumerate() {
        let near =
            (k.saturating_sub(context)..=(k + context).min(changes.len() - 1)).any(|x| changed[x]);
        let (change, old_block, new_block) = match *c {
            BlockChange::Unchanged { old: o, new: n } => {
                if let Some(line) = tr_end(o) {
                    last_tr_line = Some(line);
                }
                if near {
                    view.push(BlockView {
                        change: None,
                        old_text: String::new(),
                        new_text: raw(new_text, &new.blocks[n]),
                        translation: None,
                        insert_after: None,
                        in_translation: false,
                        note_line: None,
                        unwrapped: false,
                    });
                }
                continue;
            }
            BlockChange::Modified { old: o, new: n } => (Change::Modified, Some(o), Some(n)),
            BlockChange::Added { new: n } => match moved_from[k] {
                Some(o) => (Change::Moved, Some(o), Some(n)),
                None => (Change::Added, None, Some(n)),
            },
            // Shown where it goes.
            BlockChange::Removed { .. } if moved_away[k] => continue,
            BlockChange::Removed { old: o } => (Change::Removed, Some(o), None),
        };
        let block = new_block
            .map(|n| &new.blocks[n])
            .or(old_block.map(|o| &old.blocks[o]))
            .expect("a changed block has a side");
        // The block's lines at the sync point and now.
        let (old_source, source) = (
            old_block.map(|o| BlockRef {
                line: old.blocks[o].line,
            }),
            new_block.map(|n| BlockRef {
                line: new.blocks[n].line,
            }),
        );
        // A block joined to, or split from, another: shown with it (JSON `part_of`, the line of that block now).
        let part_of = merge_of[k]
            .filter(|merge| merge.lead != k)
            .and_then(|merge| match changes[merge.lead] {
                BlockChange::Modified { new: n, .. } => Some(BlockRef {
                    line: new.blocks[n].line,
                }),
                _ => None,
            });
        if let Some(part_of) = part_of {
            out.push(BlockDiff {
                change,
                kind: block.kind.as_str(),
                old_source,
                source,
                translation: old_block
                    .and_then(|o| to_tr[o])
                    .and_then(|j| tr_text(j, j))
                    .map(|(line, _)| BlockRef { line }),
                in_translation: false,
                part_of: Some(part_of),
            });
            if let Some(line) = old_block.and_then(tr_end) {
                last_tr_line = Some(line);
            }
            continue;
        }
        let range = match change {
            Change::Moved => old_block.and_then(|o| to_tr[o]).map(|j| (j, j)),
            _ => tr_range(k),
        };
        let in_translation = match (old_block, new_block, range) {
            (Some(o), Some(n), Some((j, last)))
                if change != Change::Moved && merge_of[k].is_none() && j == last =>
            {
                translation.is_some_and(|(_, t)| {
                    blocks::change_in_translation(
                        &old.blocks[o],
                        &new.blocks[n],
                        &t.blocks[j],
                        twins,
                    )
                })
            }
            _ => false,
        };
        let translation = range.and_then(|(first, last)| tr_text(first, last));
        out.push(BlockDiff {
            change,
            kind: block.kind.as_str(),
            old_source,
            source,
            translation: translation
                .as_ref()
                .map(|(line, _)| BlockRef { line: *line }),
            in_translation,
            part_of: None,
        });
        // The old and new text shown: a merge's blocks on each side, as the file has them.
        let (shown_old, shown_new) = match merge_of[k] {
            Some(merge) => (
                span_text(old_text, &old.blocks[merge.old.clone()]),
                span_text(new_text, &new.blocks[merge.new.clone()]),
            ),
            None => (
                old_block.map_or(String::new(), |o| raw(old_text, &old.blocks[o])),
                new_block.map_or(String::new(), |n| raw(new_text, &new.blocks[n])),
            ),
        };
        // A table's rows compared without their padding: a formatter lines the columns up again when a row comes
        // with a longer cell, and every row was shown removed and added.
        let tables = old_block.is_some_and(|o| old.blocks[o].kind == BlockKind::Table)
            && new_block.is_some_and(|n| new.blocks[n].kind == BlockKind::Table);
        let (shown_old, shown_new) = if tables && merge_of[k].is_none() {
            (table_rows(&shown_old), table_rows(&shown_new))
        } else {
            (shown_old, shown_new)
        };
        // A paragraph or list item wrapped again around a changed word: each version as one line, so that the word
        // shows, not every line after it removed and added.
        let prose = |kind: BlockKind| matches!(kind, BlockKind::Paragraph | BlockKind::ListItem);
        let unwrapped = change == Change::Modified
            && merge_of[k].is_none()
            && old_block.is_some_and(|o| prose(old.blocks[o].kind))
            && new_block.is_some_and(|n| prose(new.blocks[n].kind))
            && reflowed(&shown_old, &shown_new);
        let (shown_old, shown_new) = match unwrapped {
            true => (one_line(&shown_old), one_line(&shown_new)),
            false => (shown_old, shown_new),
        };
        view.push(BlockView {
            change: Some(change),
            old_text: shown_old,
            new_text: shown_new,
            insert_after: match (&translation, change) {
                (None, Change::Added) | (_, Change::Moved) => last_tr_line,
                _ => None,
            },
            translation: translation.clone(),
            in_translation,
            // Blocks joined: the note goes on the translation of the first part whose words changed (the element's
            // third paragraph, not its `<details>` line).
            note_line: merge_of[k]
                .filter(|merge| merge.old.len() > 1)
                .and_then(|merge| {
                    let new_norm = merge.new.clone().map(|n| new.blocks[n].norm.as_str());
                    blocks::first_changed(&old.blocks[merge.old.clone()], new_norm)
                        .map(|part| merge.old.start + part)
                })
                .and_then(|o| Some(translation_of(to_tr[o]?)?.line)),
            unwrapped,
        });
        if change != Change::Moved
            && let Some(line) = range.and_then(|(_, last)| tr_block_end(last))
        {
            last_tr_line = Some(line);
        }
    }
    (out, view)
}

/// Each of `blocks`' aligned block in the translation section (`None` for all without one).
fn translation_blocks(
    blocks: &[document::Block],
    translation: Option<(&str, &document::Section)>,
    ratio: f32,
) -> Vec<Option<usize>> {
    let mut map = vec![None; blocks.len()];
    if let Some((_, t)) = translation {
        let s: Vec<&BlockShape> = blocks.iter().map(BlockShape::of).collect();
        let ts: Vec<&BlockShape> = t.blocks.iter().map(BlockShape::of).collect();
        for (i, j) in blocks::align(&s, &ts, ratio) {
            map[i] = Some(j);
        }
    }
    map
}

/// The text of consecutive blocks as the file has it, from the first's start to the last's end.
fn span_text(text: &str, blocks: &[document::Block]) -> String {
    let start = blocks.iter().map(|b| b.span.start).min().unwrap_or(0);
    let end = blocks.iter().map(|b| b.span.end).max().unwrap_or(start);
    text.get(start..end).unwrap_or("").trim().to_owned()
}

/// A table's lines with their cells' padding taken out ([`render::table_row`]): two tables that differ only in how
/// their columns are lined up read the same.
/// Whether a block's lines were wrapped again around a small change: more than one line changed on a side, a line
/// break moved within words both versions share (a sentence per line, edited in place, keeps its breaks: shown as
/// lines), and the words that changed are fewer than a quarter of the words on the changed lines (not lines
/// rewritten).
fn reflowed(old: &str, new: &str) -> bool {
    // Each line ended, the last too, and trailing spaces dropped (a Markdown line break removed is no change).
    let trimmed = |text: &str| {
        (text.lines())
            .map(|line| format!("{}\n", line.trim_end()))
            .collect::<String>()
    };
    let (old, new) = (&trimmed(old), &trimmed(new));
    let lines = similar::TextDiff::from_lines(old, new);
    let (mut removed, mut added, mut words_on_changed) = (0, 0, 0);
    for change in lines.iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Equal => continue,
            similar::ChangeTag::Delete => removed += 1,
            similar::ChangeTag::Insert => added += 1,
        }
        words_on_changed += change.value().split_whitespace().count();
    }
    if removed < 2 && added < 2 {
        return false;
    }
    // Each word, and whether a line ends after it.
    let words = |text: &str| -> (Vec<String>, Vec<bool>) {
        let mut words = Vec::new();
        let mut ends = Vec::new();
        for line in text.lines() {
            for word in line.split_whitespace() {
                words.push(word.to_owned());
                ends.push(false);
            }
            if let Some(last) = ends.last_mut() {
                *last = true;
            }
        }
        (words, ends)
    };
    let ((old_words, old_ends), (new_words, new_ends)) = (words(old), words(new));
    let (mut kept, mut break_moved) = (0, false);
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old_words, &new_words) {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            kept += len;
            // Between two words both versions keep, one has a line break and the other not.
            break_moved |= (0..len.saturating_sub(1))
                .any(|k| old_ends[old_index + k] != new_ends[new_index + k]);
        }
    }
    let changed_words = (old_words.len() - kept) + (new_words.len() - kept);
    break_moved && changed_words * 4 < words_on_changed
}

/// A block's lines joined into one, each trimmed, one space between.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn table_rows(table: &str) -> String {
    table
        .lines()
        .map(render::table_row)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Line-by-line diff of a section's old and new text; each side carries its file line numbers (from its first line's).
fn diff_lines(old: Option<(&str, usize)>, new: Option<(&str, usize)>) -> Vec<DiffLine> {
    let (old_text, old_first) = old.unwrap_or(("", 0));
    let (new_text, new_first) = new.unwrap_or(("", 0));
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_lines(old_text, new_text);
    let mut lines = Vec::new();
    let options = crate::report::diff::inline_options(old_text, new_text);
    for op in diff.ops() {
        for change in diff.iter_inline_changes_with_options(op, options) {
            let op = match change.tag() {
                similar::ChangeTag::Equal => LineOp::Equal,
                similar::ChangeTag::Delete => LineOp::Delete,
                similar::ChangeTag::Insert => LineOp::Insert,
            };
            let words: Vec<(bool, String)> = if op == LineOp::Equal {
                Vec::new()
            } else {
                change
                    .iter_strings_lossy()
                    .map(|(changed, text)| {
                        (changed, text.trim_end_matches(['\n', '\r']).to_owned())
                    })
                    .filter(|(_, text)| !text.is_empty())
                    .collect()
            };
            let text: String = change
                .iter_strings_lossy()
                .map(|(_, t)| t.into_owned())
                .collect::<String>()
                .trim_end_matches(['\n', '\r'])
                .to_owned();
            lines.push(DiffLine {
                op,
                old_line: change.old_index().map(|i| old_first + i),
                new_line: change.new_index().map(|i| new_first + i),
                text,
                words,
            });
        }
    }
    lines
}
