//! `tandem pair`: every pair and the rule that made it, the unpaired pages and the conflicts; `--suggest` scores
//! candidate pairings for the unpaired pages; `--write` records the accepted ones as a translation key in both files.

use super::{Context, Output};
use crate::cli::{PairArgs, PairFormat};
use crate::error::{Exit, Result};
use crate::i18n::UiLang;
use crate::pairing::PairKind;
use crate::pairs::{self, Renames};
use crate::report::pair::{self as pair_report, PairReport, SuggestReport};
use crate::report::text::warning;
use crate::suggest::{self, Evidence};
use crate::workspace::Workspace;

pub fn run(
    args: &PairArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let ws = ctx.open_workspace()?;
    *ui_lang = ctx.ui_lang(ws.settings.ui_language.as_deref());
    let m = ctx.messages(ws.settings.ui_language.as_deref());
    let mut warnings = Vec::new();
    let renames = Renames::new(&ws);
    let site = pairs::site_pairs(&ws, &renames, false, &mut warnings)?;

    if args.suggest {
        let report = suggestions(&ws, &site.pairs, args.min_score);
        output.stdout = match args.format {
            PairFormat::Json => report.to_json(),
            PairFormat::Text => pair_report::suggestions_text(&report, &m),
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
    if !ctx.global.quiet {
        output
            .stderr
            .extend(warnings.iter().map(|w| warning(w, &m)));
    }
    Ok(Exit::Clean)
}

/// Suggestions for every target language: its source pages without a translation against its translations
/// without a source.
fn suggestions(ws: &Workspace, pairs: &[crate::pairing::Pair], min_score: f64) -> SuggestReport {
    let mut all = Vec::new();
    let mut unpaired = Vec::new();
    let read = |lang: &str, path: &str| -> Option<(String, Evidence)> {
        let text = std::fs::read_to_string(ws.workdir_of(lang).join(path)).ok()?;
        Some((path.to_owned(), suggest::evidence(path, &text)))
    };
    for lang in &ws.settings.targets {
        let sources: Vec<(String, Evidence)> = pairs
            .iter()
            .filter(|p| &p.language == lang && p.kind == PairKind::Missing)
            .filter_map(|p| read(&ws.settings.source, &p.source))
            .collect();
        let translations: Vec<(String, Evidence)> = pairs
            .iter()
            .filter(|p| {
                &p.language == lang
                    && (p.kind == PairKind::Displaced
                        || (p.kind == PairKind::Orphaned && p.renamed_to.is_none()))
            })
            .filter_map(|p| read(lang, &p.translation))
            .collect();
        unpaired.push((lang.clone(), sources.len(), translations.len()));
        all.extend(suggest::suggest(&sources, &translations, min_score));
    }
    all.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.translation.cmp(&b.translation))
    });
    SuggestReport {
        suggestions: all,
        unpaired,
    }
}
