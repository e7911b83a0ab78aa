//! `tandem pair`: how pages pair and why (the report value, serialised as JSON), the suggestions for unpaired pages,
//! and their text rendering.

use serde::Serialize;

use super::Warning;
use crate::drift::Reason;
use crate::i18n::Messages;
use crate::pairing::suggest::Suggestion;
use crate::pairing::{Conflict, Pair, PairKind, PairedBy};

/// The version of the `pair --format json` document. Renaming or removing a field bumps it.
pub const PAIR_JSON_VERSION: u32 = 1;

/// Two pages paired, and the rule that did it.
#[derive(Debug, Clone, Serialize)]
pub struct PairEntry {
    pub language: String,
    pub source: String,
    pub translation: String,
    pub paired_by: PairedBy,
    /// What made the pair: the keys and their values, or the map entry; `null` for path rules.
    pub evidence: Option<String>,
    /// For `rename`: the source the layout names, and where `git mv` would move the translation.
    pub renamed_from: Option<String>,
    pub move_to: Option<String>,
}

/// Which side of a pair a page is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Source,
    Translation,
}

/// A page without a partner in one language.
#[derive(Debug, Clone, Serialize)]
pub struct UnpairedPage {
    pub language: String,
    pub page: String,
    pub side: Side,
    /// `not-translated`, `source-not-found`, `source-paired-elsewhere` or `pairing-conflict`.
    pub reason: Reason,
    /// For a translation: where its source would be by the layout's rule.
    pub expected: String,
    /// For a translation whose source was renamed (and whose new name has its own translation): the new name.
    pub renamed_to: Option<String>,
}

/// `tandem pair`.
#[derive(Debug, Clone, Serialize)]
pub struct PairReport {
    pub version: u32,
    pub source_language: String,
    /// The layout used (`dirs`, `suffix`, `docusaurus`, `key`, `map`).
    pub layout: String,
    pub pairs: Vec<PairEntry>,
    pub unpaired: Vec<UnpairedPage>,
    pub conflicts: Vec<Conflict>,
    #[serde(skip)]
    pub languages: Vec<String>,
    #[serde(skip)]
    pub warnings: Vec<Warning>,
}

impl PairReport {
    pub fn new(
        source_language: String,
        layout: String,
        languages: Vec<String>,
        pairs: &[Pair],
        conflicts: Vec<Conflict>,
        warnings: Vec<Warning>,
    ) -> PairReport {
        let mut paired = Vec::new();
        let mut unpaired = Vec::new();
        for pair in pairs {
            match pair.kind {
                PairKind::Paired => paired.push(PairEntry {
                    language: pair.language.clone(),
                    source: pair.source.clone(),
                    translation: pair.translation.clone(),
                    paired_by: pair.paired_by,
                    evidence: pair.evidence.clone(),
                    renamed_from: pair.renamed_from.clone(),
                    move_to: pair.move_to.clone(),
                }),
                PairKind::Missing | PairKind::Conflict => unpaired.push(UnpairedPage {
                    language: pair.language.clone(),
                    page: pair.source.clone(),
                    side: Side::Source,
                    reason: if pair.kind == PairKind::Missing {
                        Reason::NotTranslated
                    } else {
                        Reason::PairingConflict
                    },
                    expected: pair.translation.clone(),
                    renamed_to: None,
                }),
                PairKind::Orphaned | PairKind::Displaced | PairKind::ConflictOrphan => unpaired
                    .push(UnpairedPage {
                        language: pair.language.clone(),
                        page: pair.translation.clone(),
                        side: Side::Translation,
                        reason: match pair.kind {
                            PairKind::Displaced => Reason::SourcePairedElsewhere,
                            PairKind::ConflictOrphan => Reason::PairingConflict,
                            _ => Reason::SourceNotFound,
                        },
                        expected: pair.source.clone(),
                        renamed_to: pair.renamed_to.clone(),
                    }),
            }
        }
        paired.sort_by(|a, b| {
            (&a.language, &a.source, &a.translation).cmp(&(&b.language, &b.source, &b.translation))
        });
        unpaired.sort_by(|a, b| {
            (&a.language, a.side as u8, &a.page).cmp(&(&b.language, b.side as u8, &b.page))
        });
        PairReport {
            version: PAIR_JSON_VERSION,
            source_language,
            layout,
            pairs: paired,
            unpaired,
            conflicts,
            languages,
            warnings,
        }
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("report serialises");
        text.push('\n');
        text
    }
}

/// `tandem pair --suggest --format json`: exactly `{"suggestions": [...]}`.
#[derive(Debug, Clone, Serialize)]
pub struct SuggestReport {
    pub suggestions: Vec<Suggestion>,
    /// Unpaired pages per language (source pages without a translation, translations without a source).
    #[serde(skip)]
    pub unpaired: Vec<(String, usize, usize)>,
    /// The lowest score suggested (`--min-score`).
    #[serde(skip)]
    pub min_score: f64,
    /// How many suggestions were made before any was declined (`--write` on a terminal).
    #[serde(skip)]
    pub offered: usize,
}

impl SuggestReport {
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("report serialises");
        text.push('\n');
        text
    }
}

/// The text of `tandem pair`: per language, the counts, every pair and its rule, the unpaired pages, the conflicts.
pub fn text(report: &PairReport, m: &Messages, verbose: bool) -> String {
    let mut out = String::new();
    let mut suggestable = false;
    for (index, lang) in report.languages.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let pairs: Vec<&PairEntry> = report
            .pairs
            .iter()
            .filter(|p| &p.language == lang)
            .collect();
        let unpaired: Vec<&UnpairedPage> = report
            .unpaired
            .iter()
            .filter(|p| &p.language == lang)
            .collect();
        let conflicts: Vec<&Conflict> = report
            .conflicts
            .iter()
            .filter(|c| &c.language == lang)
            .collect();
        let sources = unpaired.iter().filter(|p| p.side == Side::Source).count();
        let translations = unpaired.len() - sources;
        let mut rules: Vec<String> = Vec::new();
        for rule in [
            PairedBy::Map,
            PairedBy::Key,
            PairedBy::Path,
            PairedBy::Suffix,
            PairedBy::Rename,
        ] {
            let count = pairs.iter().filter(|p| p.paired_by == rule).count();
            if count > 0 {
                rules.push(m.with(
                    "pair-by-count",
                    &[
                        ("count", count.into()),
                        (
                            "rule",
                            m.get(&format!("pair-rule-{}", rule.as_str())).into(),
                        ),
                    ],
                ));
            }
        }
        out.push_str(
            &m.with(
                "pair-language-header",
                &[
                    ("lang", crate::report::display_tag(lang).into()),
                    ("pairs", pairs.len().into()),
                    (
                        "rules",
                        if rules.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", rules.join(", "))
                        }
                        .into(),
                    ),
                    ("sources", sources.into()),
                    ("translations", translations.into()),
                    ("conflicts", conflicts.len().into()),
                ],
            ),
        );
        out.push('\n');
        // The sources' column, as wide as the longest of them up to 60 characters: one very long path does not push
        // every row out to its width.
        let width = pairs
            .iter()
            .map(|p| p.source.chars().count())
            .max()
            .unwrap_or(0)
            .min(60);
        // The translations' too, so that the rules line up: as wide as the longest of those up to 60 characters (a longer
        // one runs past the column, and its rule with it).
        let translation_width = pairs
            .iter()
            .map(|p| p.translation.chars().count())
            .filter(|n| *n <= 60)
            .max()
            .unwrap_or(0);
        for pair in &pairs {
            let rule = m.get(&format!("pair-rule-{}", pair.paired_by.as_str()));
            out.push_str(&format!(
                "  {}{} ⇄ {}{}   {rule}\n",
                pair.source,
                " ".repeat(width.saturating_sub(pair.source.chars().count())),
                pair.translation,
                " ".repeat(translation_width.saturating_sub(pair.translation.chars().count())),
            ));
            if verbose && let Some(evidence) = &pair.evidence {
                out.push_str(&format!("      {evidence}\n"));
            }
            if let (Some(from), Some(to)) = (&pair.renamed_from, &pair.move_to) {
                out.push_str("      ");
                out.push_str(&m.with(
                    "pair-renamed",
                    &[("from", from.into()), ("to", (&pair.source).into())],
                ));
                out.push('\n');
                out.push_str(&format!(
                    "      git mv {} {}\n",
                    crate::util::shell::quote(&pair.translation),
                    crate::util::shell::quote(to)
                ));
            }
        }
        if sources > 0 {
            out.push('\n');
            out.push_str(&m.with("pair-unpaired-sources", &[("count", sources.into())]));
            out.push('\n');
            for page in unpaired.iter().filter(|p| p.side == Side::Source) {
                out.push_str(&format!("  {}\n", page.page));
            }
        }
        if translations > 0 {
            out.push('\n');
            out.push_str(&m.with(
                "pair-unpaired-translations",
                &[("count", translations.into())],
            ));
            out.push('\n');
            for page in unpaired.iter().filter(|p| p.side == Side::Translation) {
                out.push_str(&format!("  {}", page.page));
                match (page.reason, &page.renamed_to) {
                    (Reason::SourceNotFound, Some(now)) => out.push_str(&format!(
                        " — {}",
                        m.with(
                            "pair-renamed",
                            &[("from", (&page.expected).into()), ("to", now.into())]
                        )
                    )),
                    (Reason::SourceNotFound, None) => {}
                    (reason, _) => out.push_str(&format!(
                        " — {}",
                        m.with(&format!("reason-{}", reason.code()), &[])
                    )),
                }
                out.push('\n');
            }
        }
        if !conflicts.is_empty() {
            out.push('\n');
            out.push_str(&m.with("pair-conflicts", &[("count", conflicts.len().into())]));
            out.push('\n');
            for conflict in conflicts {
                out.push_str(&format!("  {}\n", conflict.pages.join(" · ")));
                for evidence in &conflict.evidence {
                    out.push_str(&format!("      {evidence}\n"));
                }
            }
        }
        // A suggestion pairs a source page without a translation with a translation without a source (one whose
        // source was renamed is moved instead).
        suggestable |= sources > 0
            && unpaired
                .iter()
                .any(|p| p.side == Side::Translation && p.renamed_to.is_none());
    }
    if suggestable {
        out.push('\n');
        out.push_str(&m.get("pair-try-suggest"));
        out.push('\n');
    }
    out
}

/// The text of `tandem pair --suggest`.
pub fn suggestions_text(report: &SuggestReport, m: &Messages) -> String {
    let mut out = String::new();
    let unpaired: usize = report.unpaired.iter().map(|(_, s, t)| s + t).sum();
    if report.suggestions.is_empty() {
        // Say why there is none: nothing to pair, nothing that can pair, nothing that scored, or all declined.
        let id = if unpaired == 0 {
            "suggest-none-unpaired"
        } else if report.offered > 0 {
            "suggest-none-accepted"
        } else if report.unpaired.iter().any(|&(_, s, t)| s > 0 && t > 0) {
            "suggest-none-scored"
        } else {
            "suggest-none-one-sided"
        };
        out.push_str(&m.with(
            id,
            &[
                ("unpaired", unpaired.into()),
                ("min", m.decimal(report.min_score, 2).into()),
            ],
        ));
        out.push('\n');
        return out;
    }
    out.push_str(&m.with(
        "suggest-header",
        &[
            ("unpaired", unpaired.into()),
            ("count", report.suggestions.len().into()),
        ],
    ));
    out.push('\n');
    let width = report
        .suggestions
        .iter()
        .map(|s| s.translation.chars().count() + s.source.chars().count() + 3)
        .max()
        .unwrap_or(0);
    for suggestion in &report.suggestions {
        let line = format!("{} ⇄ {}", suggestion.translation, suggestion.source);
        out.push_str(&format!(
            "  {line}{}   {}\n",
            " ".repeat(width.saturating_sub(line.chars().count())),
            m.decimal(suggestion.score, 2)
        ));
        let notes: Vec<String> = suggestion
            .evidence
            .iter()
            .map(|note| evidence_text(note, m))
            .collect();
        if !notes.is_empty() {
            out.push_str(&format!("     {}\n", notes.join(" · ")));
        }
    }
    // Pairs found by a front-matter key the site does not pair by (`ref:`, a hand-rolled `translationKey`): the key
    // to name in tandem.yaml, so that they pair without `--write` adding a second key to each page. Only a key every
    // suggestion shares, two at least: a rare value shared once (an image, an author) is no pairing key.
    let mut keys: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for suggestion in &report.suggestions {
        for note in &suggestion.evidence {
            if let Some(key) = note.strip_prefix("front-matter:") {
                *keys.entry(key).or_default() += 1;
            }
        }
    }
    if let Some((key, count)) = keys.into_iter().max_by_key(|(_, n)| *n)
        && count >= 2
        && count == report.suggestions.len()
    {
        out.push('\n');
        out.push_str(&m.with(
            "suggest-pairing-key",
            &[("key", key.into()), ("count", count.into())],
        ));
        out.push('\n');
    }
    out
}

/// One piece of evidence for people: `links:9/10` → "9 of 10 links identical".
pub fn evidence_text(note: &str, m: &Messages) -> String {
    let (kind, value) = note.split_once(':').unwrap_or((note, ""));
    let (shared, of) = value.split_once('/').unwrap_or((value, ""));
    let number = |text: &str| text.parse::<usize>().unwrap_or(0);
    let id = match kind {
        "date" => "evidence-date",
        "file-number" => "evidence-file-number",
        "image" => "evidence-image",
        "file" => "evidence-file",
        "best-match" => "evidence-best-match",
        "resources" => "evidence-resources",
        "links" => "evidence-links",
        "code-blocks" => "evidence-code-blocks",
        "inline-code" => "evidence-inline-code",
        "numbers" => "evidence-numbers",
        "shortcodes" => "evidence-shortcodes",
        "names" => "evidence-names",
        "cognates" => "evidence-cognates",
        "markup" => "evidence-markup",
        "headings" => "evidence-headings",
        "front-matter" => "evidence-front-matter",
        "twin" => {
            // `twin:tags=alertEN,alertFR`
            let (key, values) = value.split_once('=').unwrap_or(("", value));
            let (source, translation) = values.split_once(',').unwrap_or((values, ""));
            return m.with(
                "evidence-twin",
                &[
                    ("key", key.into()),
                    ("source", source.into()),
                    ("translation", translation.into()),
                ],
            );
        }
        "sibling" if value == "same-name" => "evidence-sibling-same-name",
        "sibling" => "evidence-sibling-last-left",
        _ => return note.to_owned(),
    };
    m.with(
        id,
        &[
            ("value", value.into()),
            ("shared", number(shared).into()),
            ("of", number(of).into()),
        ],
    )
}
