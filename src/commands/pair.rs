//! `tandem pair`: every pair and the rule that made it, the unpaired pages and the conflicts; `--suggest` scores
//! candidate pairings for the unpaired pages; `--write` records the accepted ones as a translation key in both files.

use std::collections::{BTreeMap, BTreeSet};

use super::{Context, Output};
use crate::cli::{PairArgs, PairFormat};
use crate::commands::prompt::Prompter;
use crate::engine::site_pairs::SitePairs;
use crate::engine::site_pairs::{self, Renames};
use crate::error::{Error, Exit, Result};
use crate::i18n::UiLang;
use crate::markdown::{edit, frontmatter};
use crate::pairing::PairKind;
use crate::pairing::suggest::{self, Evidence};
use crate::report::pair::{self as pair_report, PairReport, SuggestReport};
use crate::site::workspace::Workspace;

pub fn run(
    args: &PairArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let (ws, m) = ctx.open(ui_lang)?;
    let mut warnings = Vec::new();
    let renames = Renames::new(&ws);
    let site = site_pairs::site_pairs(
        &ws,
        &renames,
        site_pairs::Reading::default(),
        &mut |_, _, _| {},
        &mut warnings,
    )?;

    if args.suggest {
        let mut report = suggestions(&ws, &site.pairs, args.min_score);
        let mut written = None;
        if args.write {
            // Ask on a terminal (never for JSON, never in CI); otherwise --min-score decides alone.
            if ctx.env.interactive && args.format == PairFormat::Text {
                let prompter = Prompter::new(m);
                let mut accepted = Vec::new();
                for suggestion in report.suggestions {
                    let evidence: Vec<String> = suggestion
                        .evidence
                        .iter()
                        .map(|note| pair_report::evidence_text(note, &m))
                        .collect();
                    let question = m.with(
                        "pair-prompt-accept",
                        &[
                            ("translation", (&suggestion.translation).into()),
                            ("source", (&suggestion.source).into()),
                            ("score", m.decimal(suggestion.score, 2).into()),
                            ("evidence", evidence.join(" · ").into()),
                        ],
                    );
                    if prompter.confirm(&question, true)? {
                        accepted.push(suggestion);
                    }
                }
                report.suggestions = accepted;
            }
            if !report.suggestions.is_empty() {
                written = Some(write_keys(&ws, &site, &report.suggestions)?);
            }
        }
        output.stdout = match args.format {
            PairFormat::Json => report.to_json(),
            PairFormat::Text => {
                let mut text = pair_report::suggestions_text(&report, &m);
                if let Some(files) = written {
                    text.push_str(&m.with(
                        "pair-written",
                        &[
                            ("key", ws.settings.pairing.shared_keys[0].clone().into()),
                            ("files", files.into()),
                            ("pairs", report.suggestions.len().into()),
                        ],
                    ));
                    text.push('\n');
                }
                text
            }
        };
    } else {
        let report = PairReport::new(
            ws.settings.source.clone(),
            ws.settings.layout_kind.as_str().to_owned(),
            ws.settings.targets.clone(),
            &site.pairs,
            site.conflicts,
            Vec::new(),
        );
        output.stdout = match args.format {
            PairFormat::Json => report.to_json(),
            PairFormat::Text => pair_report::text(&report, &m, ctx.global.verbose),
        };
    }
    output.warnings(&warnings, &m, ctx.global.quiet);
    Ok(Exit::Clean)
}

/// Suggestions for every target language: its source pages without a translation against its translations
/// without a source. The pages of the two languages tell how rare each front-matter value is; the pairs already made
/// tell which folders go together.
fn suggestions(ws: &Workspace, pairs: &[crate::pairing::Pair], min_score: f64) -> SuggestReport {
    let mut all = Vec::new();
    let mut unpaired = Vec::new();
    let source_lang = &ws.settings.source;
    let text_of =
        |lang: &str, path: &str| std::fs::read_to_string(ws.workdir_of(lang).join(path)).ok();
    // The source pages' front-matter values, read once for every language.
    let mut source_values: BTreeMap<String, Option<suggest::FrontValues>> = BTreeMap::new();
    for lang in &ws.settings.targets {
        let in_lang = || pairs.iter().filter(|p| &p.language == lang);
        let sources: Vec<(String, Evidence)> = in_lang()
            .filter(|p| p.kind == PairKind::Missing)
            .filter_map(|p| {
                let text = text_of(source_lang, &p.source)?;
                Some((
                    p.source.clone(),
                    suggest::evidence(&p.source, &text, source_lang),
                ))
            })
            .collect();
        let translations: Vec<(String, Evidence)> = in_lang()
            .filter(|p| {
                p.kind == PairKind::Displaced
                    || (p.kind == PairKind::Orphaned && p.renamed_to.is_none())
            })
            .filter_map(|p| {
                let text = text_of(lang, &p.translation)?;
                Some((
                    p.translation.clone(),
                    suggest::evidence(&p.translation, &text, lang),
                ))
            })
            .collect();
        unpaired.push((lang.clone(), sources.len(), translations.len()));
        if sources.is_empty() || translations.is_empty() {
            continue;
        }
        let mut facts = suggest::SiteFacts {
            paired: in_lang()
                .filter(|p| p.kind == PairKind::Paired)
                .map(|p| (p.source.clone(), p.translation.clone()))
                .collect(),
            ..Default::default()
        };
        let source_paths: BTreeSet<&str> = in_lang().map(|p| p.source.as_str()).collect();
        for path in source_paths {
            let values = source_values.entry(path.to_owned()).or_insert_with(|| {
                text_of(source_lang, path).map(|text| suggest::front_values(&text, source_lang))
            });
            for key in values.iter().flat_map(suggest::FrontValues::count_keys) {
                *facts.value_pages.entry(key.clone()).or_default() += 1;
            }
        }
        let translation_paths: BTreeSet<&str> = in_lang()
            .filter(|p| p.kind != PairKind::Missing)
            .map(|p| p.translation.as_str())
            .collect();
        for path in translation_paths {
            if let Some(text) = text_of(lang, path) {
                for key in suggest::front_values(&text, lang).count_keys() {
                    *facts.value_pages.entry(key.clone()).or_default() += 1;
                }
            }
        }
        all.extend(suggest::suggest(&sources, &translations, &facts, min_score));
    }
    all.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.translation.cmp(&b.translation))
    });
    SuggestReport {
        offered: all.len(),
        suggestions: all,
        unpaired,
        min_score,
    }
}

/// Records each accepted suggestion as the translation key (`translationKey`, or `pairing.key`) in both files: the
/// source's value when it has one, else the translation's, else one made from the source's path. Every edit is made
/// and verified before anything is written (a file that cannot be edited stops the whole write); each file is then
/// written atomically, only the key's line changed or added. Returns the number of files written.
fn write_keys(ws: &Workspace, site: &SitePairs, accepted: &[suggest::Suggestion]) -> Result<usize> {
    let settings = &ws.settings;
    let key = &settings.pairing.shared_keys[0];
    let mut edits: Vec<(String, std::path::PathBuf, String, String)> = Vec::new();
    for suggestion in accepted {
        let language = site
            .pairs
            .iter()
            .find(|p| p.translation == suggestion.translation)
            .map_or_else(String::new, |p| p.language.clone());
        let files = [
            (
                ws.workdir_of(&settings.source).join(&suggestion.source),
                &suggestion.source,
            ),
            (
                ws.workdir_of(&language).join(&suggestion.translation),
                &suggestion.translation,
            ),
        ];
        let mut texts = Vec::new();
        for (full, path) in &files {
            let text =
                std::fs::read_to_string(full).map_err(|err| Error::io(path.as_str(), &err))?;
            super::check_fence_at_top(settings, path, &text)?;
            let current = frontmatter::parse(&text)
                .ok()
                .and_then(|fm| fm.get_str(key).map(|v| v.trim().to_owned()))
                .filter(|v| !v.is_empty());
            texts.push((text, current));
        }
        let value = texts[0]
            .1
            .clone()
            .or_else(|| texts[1].1.clone())
            .unwrap_or_else(|| unused_key(site, key, &key_from_path(site, &suggestion.source)));
        for ((full, path), (text, current)) in files.into_iter().zip(texts) {
            if current.as_deref() == Some(value.as_str()) {
                continue;
            }
            let after = edit::set_value(&text, key, &value, None).map_err(|error| {
                Error::FrontMatterEdit {
                    path: path.clone(),
                    error,
                }
            })?;
            edits.push((path.clone(), full, text, after));
        }
    }
    let files: Vec<(String, std::path::PathBuf, &[u8])> = edits
        .iter()
        .filter(|(_, _, before, after)| before != after)
        .map(|(path, full, _, after)| (path.clone(), full.clone(), after.as_bytes()))
        .collect();
    // Every file is checked before the first write (a source keyed without its translation would pair nothing).
    super::check_writable(&files)?;
    super::write_files(&files, false).map_err(|(_, error)| error)?;
    Ok(edits.len())
}

/// `wanted`, or `wanted-2`, `wanted-3`… when other pages already use it: a new key must not join another group.
fn unused_key(site: &SitePairs, key: &str, wanted: &str) -> String {
    let used = |value: &str| {
        site.keys
            .iter()
            .any(|k| k.shared.iter().any(|(name, v)| name == key && v == value))
    };
    let mut candidate = wanted.to_owned();
    let mut n = 2;
    while used(&candidate) {
        candidate = format!("{wanted}-{n}");
        n += 1;
    }
    candidate
}

/// A translation key made from the source page's path below its language root, without extension:
/// `blog/kubernetes-meetups-summer-2019`.
fn key_from_path(site: &SitePairs, source: &str) -> String {
    let section_path = site
        .pairs
        .iter()
        .find(|p| p.source == source)
        .map_or(source, |p| p.section_path.as_str());
    let without_ext = section_path
        .rsplit_once('.')
        .filter(|(_, ext)| !ext.contains('/'))
        .map_or(section_path, |(stem, _)| stem);
    without_ext
        .strip_suffix("/_index")
        .or_else(|| without_ext.strip_suffix("/index"))
        .unwrap_or(without_ext)
        .to_owned()
}
