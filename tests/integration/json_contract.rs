//! The `status --format json` contract (docs/json.md), locked: the document must deserialise into these structs, which
//! reject unknown fields. Adding a field means documenting it and adding it here; renaming or removing one bumps
//! `version`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::support::{RepoBuilder, md};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusDocument {
    version: u32,
    head: String,
    source_language: String,
    pages: Vec<Page>,
    summary: BTreeMap<String, LanguageSummary>,
    forge: Option<Forge>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Forge {
    kind: ForgeKind,
    web_url: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum ForgeKind {
    Github,
    Gitlab,
    Gitea,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Page {
    language: String,
    source: String,
    translation: String,
    state: State,
    reason: String,
    sync: Option<SyncPoint>,
    commits_behind: Option<u32>,
    paired_by: PairedBy,
    renamed_to: Option<String>,
    renamed_from: Option<String>,
    move_to: Option<String>,
    severity: Severity,
    changed_sections: Vec<ChangedSection>,
    #[serde(default)]
    signals: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize, PartialEq, PartialOrd)]
#[serde(rename_all = "kebab-case")]
enum Severity {
    None,
    Low,
    High,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangedSection {
    kind: SectionKind,
    change: Change,
    severity: Severity,
    source: SectionRef,
    translation: Option<SectionRef>,
    #[serde(default)]
    keys: Vec<KeyChange>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum SectionKind {
    Body,
    FrontMatter,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Skipped {
    commit: String,
    subject: String,
    side: String,
    why: String,
    #[serde(default)]
    keys: Vec<String>,
    #[serde(default)]
    follows_source: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct KeyChange {
    key: String,
    class: String,
    old: Option<String>,
    new: Option<String>,
    #[serde(default)]
    in_translation: bool,
    translated_in: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Change {
    Added,
    Removed,
    Modified,
    Moved,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionRef {
    id: String,
    heading: String,
    line: usize,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum State {
    Current,
    Stale,
    Missing,
    Orphaned,
    Unknown,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum PairedBy {
    Path,
    Suffix,
    Key,
    Map,
    Rename,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SyncPoint {
    method: Method,
    commit: String,
    skipped_commits: usize,
    #[serde(default)]
    skipped: Vec<Skipped>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Method {
    Pin,
    History,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageSummary {
    total: usize,
    current: usize,
    stale: usize,
    missing: usize,
    orphaned: usize,
    unknown: usize,
    completeness: f64,
    sections: BTreeMap<String, Counts>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Counts {
    total: usize,
    current: usize,
    stale: usize,
    missing: usize,
    orphaned: usize,
    unknown: usize,
    completeness: f64,
}

const REASONS: &[&str] = &[
    "source-unchanged",
    "cosmetic-only",
    "skip-directive",
    "mirrored-in-translation",
    "source-changed",
    "source-created",
    "structure",
    "source-renamed",
    "not-translated",
    "source-not-found",
    "source-paired-elsewhere",
    "pairing-conflict",
    "no-pin",
    "no-sync-point",
    "pin-not-found",
    "pin-ambiguous",
    "pin-not-ancestor",
    "pin-beyond-shallow-boundary",
    "bad-front-matter",
    "unreadable",
    "missing-blob",
];

#[test]
fn status_json_matches_the_documented_contract() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/a.md", md("A", "", "Alpha."))
        .write("content/en/docs/b.md", md("B", "", "Beta."))
        .write("content/en/c.md", md("C", "", "Gamma."));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/docs/a.md",
        md("A", &format!("default_lang_commit: {c1}\n"), "Alpha."),
    )
    .write("content/fr/docs/b.md", md("B", "", "Bêta."))
    .write("content/fr/gone.md", md("G", "", "Parti."))
    .write(
        "content/fr/c.md",
        md("C", "default_lang_commit: ffffffff\n", "Gamma."),
    );
    repo.commit("fr");
    repo.write(
        "content/en/docs/b.md",
        md("B", "", "Beta 2.\n\n## New part\n\nMore."),
    );
    let head = repo.commit("en: b");

    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let doc: StatusDocument = serde_json::from_slice(&output.stdout).expect("contract holds");
    assert_eq!(doc.version, 1);
    assert_eq!(doc.head, head);
    assert_eq!(doc.source_language, "en");
    // No `origin` remote: no forge.
    assert!(doc.forge.is_none());
    assert_eq!(doc.pages.len(), 4);
    for page in &doc.pages {
        assert_eq!(page.language, "fr");
        assert!(REASONS.contains(&page.reason.as_str()), "{}", page.reason);
        assert!(!page.source.contains('\\') && !page.translation.contains('\\'));
        assert_eq!(page.paired_by, PairedBy::Path);
        assert_eq!(page.renamed_to, None);
        assert_eq!(page.renamed_from, None);
        assert_eq!(page.move_to, None);
        if let Some(sync) = &page.sync {
            assert_eq!(sync.commit.len(), 40);
            assert!(sync.commit.bytes().all(|b| b.is_ascii_hexdigit()));
            assert!(page.commits_behind.is_some());
        }
    }
    let a = doc
        .pages
        .iter()
        .find(|p| p.translation == "content/fr/docs/a.md")
        .unwrap();
    assert_eq!(a.state, State::Current);
    assert_eq!(a.sync.as_ref().unwrap().method, Method::Pin);
    let b = doc
        .pages
        .iter()
        .find(|p| p.translation == "content/fr/docs/b.md")
        .unwrap();
    assert_eq!(b.state, State::Stale);
    assert_eq!(b.sync.as_ref().unwrap().method, Method::History);
    assert_eq!(b.commits_behind, Some(1));
    assert_eq!(b.severity, Severity::High);
    assert_eq!(b.sync.as_ref().unwrap().skipped_commits, 0);
    for page in &doc.pages {
        if let Some(sync) = &page.sync {
            assert_eq!(sync.skipped.len(), sync.skipped_commits);
            for s in &sync.skipped {
                assert!(s.commit.len() == 40 && s.side == "translation" && s.why == "bookkeeping");
                assert!(!s.subject.contains('\n'));
            }
        }
    }
    let changes: Vec<(&Change, &str, usize)> = b
        .changed_sections
        .iter()
        .map(|c| (&c.change, c.source.id.as_str(), c.source.line))
        .collect();
    assert_eq!(
        changes,
        vec![(&Change::Modified, "", 5), (&Change::Added, "new-part", 7)]
    );
    assert_eq!(
        b.changed_sections[0].translation.as_ref().map(|t| t.line),
        Some(5)
    );
    assert_eq!(b.changed_sections[1].severity, Severity::High);
    assert!(b.changed_sections[1].translation.is_none());
    assert_eq!(b.changed_sections[0].source.heading, "");
    assert!(
        b.changed_sections
            .iter()
            .all(|c| c.kind == SectionKind::Body && c.keys.is_empty())
    );
    assert!(
        doc.pages
            .iter()
            .all(|p| p.signals.is_empty() || p.state == State::Stale),
        "signals only on stale pages"
    );
    let front_matter_keys = doc
        .pages
        .iter()
        .flat_map(|p| &p.changed_sections)
        .filter(|c| c.kind == SectionKind::FrontMatter)
        .flat_map(|c| &c.keys);
    for key in front_matter_keys {
        assert!(!key.key.is_empty() && key.old != key.new, "{key:?}");
    }
    assert_eq!(a.severity, Severity::None);
    assert!(a.changed_sections.is_empty());
    let c = doc
        .pages
        .iter()
        .find(|p| p.source == "content/en/c.md")
        .unwrap();
    assert_eq!(c.state, State::Unknown);
    assert!(c.sync.is_none() && c.commits_behind.is_none());
    let gone = doc
        .pages
        .iter()
        .find(|p| p.translation == "content/fr/gone.md")
        .unwrap();
    assert_eq!(gone.state, State::Orphaned);
    assert_eq!(gone.source, "content/en/gone.md");

    let fr = &doc.summary["fr"];
    assert_eq!(
        (
            fr.total,
            fr.current,
            fr.stale,
            fr.missing,
            fr.orphaned,
            fr.unknown
        ),
        (3, 1, 1, 0, 1, 1)
    );
    assert!((fr.completeness - 1.0).abs() < 1e-9);
    let docs = &fr.sections["docs"];
    assert_eq!(
        (
            docs.total,
            docs.current,
            docs.stale,
            docs.missing,
            docs.orphaned,
            docs.unknown
        ),
        (2, 1, 1, 0, 0, 0)
    );
    assert!((docs.completeness - 1.0).abs() < 1e-9);
}

#[test]
fn every_reason_is_documented() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/json.md")).unwrap();
    for reason in REASONS {
        assert!(
            doc.contains(&format!("`{reason}`")),
            "docs/json.md does not document {reason}"
        );
    }
}

/// Pairs made by key and by rename fill `paired_by` and the rename fields.
#[test]
fn key_and_rename_pairs_match_the_contract() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/setup.md",
        md("Setup", "", "One.\n\nTwo.\n\nThree."),
    )
    .write("content/en/b.md", md("B", "translationKey: bee\n", "B."));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write(
        "content/fr/setup.md",
        md("Setup", &pin, "Un.\n\nDeux.\n\nTrois."),
    )
    .write(
        "content/fr/abeille.md",
        md("B", &format!("translationKey: bee\n{pin}"), "B."),
    );
    repo.commit("fr");
    repo.git(&["mv", "content/en/setup.md", "content/en/start.md"]);
    repo.commit("en: rename");
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let doc: StatusDocument = serde_json::from_slice(&output.stdout).expect("contract holds");
    let renamed = doc
        .pages
        .iter()
        .find(|p| p.translation == "content/fr/setup.md")
        .unwrap();
    assert_eq!(renamed.paired_by, PairedBy::Rename);
    assert_eq!(renamed.state, State::Current);
    assert_eq!(renamed.renamed_to.as_deref(), Some("content/en/start.md"));
    assert_eq!(renamed.renamed_from.as_deref(), Some("content/en/setup.md"));
    assert_eq!(renamed.move_to.as_deref(), Some("content/fr/start.md"));
    let keyed = doc
        .pages
        .iter()
        .find(|p| p.translation == "content/fr/abeille.md")
        .unwrap();
    assert_eq!(keyed.paired_by, PairedBy::Key);
    assert_eq!(keyed.move_to, None);
}
