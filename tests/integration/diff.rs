//! `tandem diff` and `tandem compare`: section-aligned views of one pair, their JSON locked.

use predicates::prelude::*;
use serde::Deserialize;

use crate::support::{RepoBuilder, fixture_text, md, skipped_title_case_site, tandem_in};

const EN_V1: &str = "Intro.\n\n## Before you begin {#before-you-begin}\n\nYou need version 1.28 or later.\n\n## Install\n\n```shell\nlumen install --fast\n```\n\n## Check\n\nRun `lumen check`.\n";
const EN_V2: &str = "Intro.\n\n## Before you begin {#before-you-begin}\n\nYou need version 1.31 or later, and kubectl.\n\n## Install\n\n```shell\nlumen install --fast\n```\n\n## Scaling {#scaling}\n\nTo scale, run `lumen scale`.\n\n## Check\n\nRun  `lumen check`.\n";
const FR: &str = "Intro.\n\n## Avant de commencer {#before-you-begin}\n\nIl vous faut la version 1.28 ou ultérieure.\n\n## Installer\n\n```shell\nlumen install --fast\n```\n\n## Vérifier\n\nLancez `lumen check`.\n";

fn site() -> (RepoBuilder, String) {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/page.md", md("Page", "", EN_V1));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/docs/page.md",
        md("Page", &format!("default_lang_commit: {c1}\n"), FR),
    );
    repo.commit("fr");
    repo.write("content/en/docs/page.md", md("Page", "", EN_V2));
    repo.commit("en: v2");
    (repo, c1)
}

#[test]
fn a_mistyped_section_read_as_nothing_changed() {
    let (repo, _) = site();
    let run = |ui: &str, id: &str| {
        let output = repo
            .tandem()
            .args([
                "--ui-lang",
                ui,
                "diff",
                "content/fr/docs/page.md",
                "--section",
                id,
            ])
            .output()
            .unwrap();
        let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
        (
            output.status.code(),
            text(output.stdout),
            text(output.stderr),
        )
    };
    assert_eq!(
        run("en", "before-you-start"),
        (
            Some(2),
            String::new(),
            "error: content/en/docs/page.md has no section before-you-start — its sections: front-matter, \
             top, before-you-begin, install, scaling, check (the ids diff writes in braces)\n"
                .to_owned()
        )
    );
    assert_eq!(
        run("fr", "inexistante").2,
        "erreur : content/en/docs/page.md n’a pas de section « inexistante » — ses sections : front-matter, \
         top, before-you-begin, install, scaling, check (les identifiants que diff écrit entre accolades)\n"
    );
    // A section that did not change is not an error: nothing to show.
    let (code, stdout, _) = run("fr", "install");
    assert_eq!(code, Some(0));
    assert!(stdout.contains("2 sections sur 5 modifiées"), "{stdout}");
    assert!(stdout.contains("· 0 affichée (--section)"), "{stdout}");
    // Nor is an id only the translation has (`## Installer`).
    assert_eq!(run("en", "installer").0, Some(0));
}

#[test]
fn diff_of_a_missing_translation_ended_in_trailing_spaces_without_a_next_step() {
    let (mut repo, _) = site();
    repo.write("content/en/docs/other.md", md("Other", "", "Other page."));
    repo.commit("en: other");
    let output = repo
        .tandem()
        .args(["diff", "content/fr/docs/other.md"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "Source: content/en/docs/other.md\ncontent/fr/docs/other.md is missing: not translated yet.\nNext: tandem \
         scaffold content/en/docs/other.md --lang fr creates it from the source\n"
    );
    let output = repo
        .tandem()
        .args([
            "--ui-lang",
            "fr",
            "diff",
            "content/en/docs/other.md",
            "--lang",
            "fr",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .ends_with("Ensuite : tandem scaffold content/en/docs/other.md --lang fr la crée à partir de la source\n")
    );
}

#[test]
fn diff_text_shows_changed_sections_beside_the_translation() {
    let (repo, c1) = site();
    let output = repo
        .tandem()
        .args(["diff", "content/fr/docs/page.md"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(&format!(
            "Source: content/en/docs/page.md   since pin {} (2026-01-02) → HEAD",
            &c1[..7]
        )),
        "{text}"
    );
    assert!(
        text.contains("2 of 5 sections changed · 1 cosmetic change ignored"),
        "{text}"
    );
    assert!(
        text.contains("## Before you begin {#before-you-begin}   modified"),
        "{text}"
    );
    assert!(
        text.contains("  en  - You need version 1.28 or later."),
        "{text}"
    );
    assert!(
        text.contains("  en  + You need version 1.31 or later, and kubectl."),
        "{text}"
    );
    assert!(
        text.contains("  fr    Il vous faut la version 1.28 ou ultérieure."),
        "{text}"
    );
    // The note names the line of the translation block aligned with the changed one.
    assert!(text.contains("← to update (line 10)"), "{text}");
    assert!(
        text.contains("## Scaling {#scaling}   added — no counterpart in the translation"),
        "{text}"
    );
    assert!(
        text.contains("(insert after “Installer”, before line 18)"),
        "{text}"
    );
    assert!(
        !text.contains("## Check"),
        "the cosmetic change is not listed:\n{text}"
    );
    // The source path with --lang works too; --section narrows; --word marks words.
    let text = repo.stdout(&[
        "diff",
        "content/en/docs/page.md",
        "--lang",
        "fr",
        "--section",
        "before-you-begin",
        "--word",
    ]);
    assert!(text.contains("[-1.28-]"), "{text}");
    assert!(text.contains("{+1.31+}"), "{text}");
    assert!(!text.contains("Scaling"), "{text}");
    // In French.
    repo.tandem()
        .args(["--ui-lang", "fr", "diff", "content/fr/docs/page.md"])
        .assert()
        .stdout(predicate::str::contains(
            "2 sections sur 5 modifiées · 1 changement de mise en forme ignoré",
        ))
        .stdout(predicate::str::contains("← à mettre à jour (ligne 10)"));
}

#[test]
fn diff_patch_applies_to_the_source_at_the_sync_point() {
    let (repo, c1) = site();
    let patch = repo
        .tandem()
        .args(["diff", "content/fr/docs/page.md", "--format", "patch"])
        .output()
        .unwrap()
        .stdout;
    let patch = String::from_utf8(patch).unwrap();
    assert!(
        patch.starts_with("--- a/content/en/docs/page.md"),
        "{patch}"
    );
    // Apply it to the old version: the result is the new version (the cosmetic change sits within the context of the
    // added section's hunk, so it comes along).
    let old = repo.git(&["show", &format!("{c1}:content/en/docs/page.md")]);
    let check = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(check.path().join("content/en/docs")).unwrap();
    std::fs::write(check.path().join("content/en/docs/page.md"), old).unwrap();
    std::fs::write(check.path().join("p.patch"), &patch).unwrap();
    let status = std::process::Command::new("git")
        .args(["apply", "p.patch"])
        .current_dir(check.path())
        .status()
        .unwrap();
    assert!(status.success(), "{patch}");
    let applied = std::fs::read_to_string(check.path().join("content/en/docs/page.md")).unwrap();
    assert_eq!(applied, md("Page", "", EN_V2));
}

#[test]
fn diff_of_a_current_page_and_errors() {
    let (repo, _) = site();
    repo.write("content/en/docs/other.md", md("Other", "", "Same."))
        .write("content/fr/docs/other.md", md("Autre", "", "Pareil."));
    let mut repo = repo;
    repo.commit("other");
    repo.tandem()
        .args(["diff", "content/fr/docs/other.md"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/fr/docs/other.md is current",
        ));
    repo.tandem()
        .args(["diff", "content/fr/docs/nope.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no page at or under content/fr/docs/nope.md",
        ));
    // A folder holds pages, but diff wants one.
    repo.tandem()
        .args(["diff", "content/fr/docs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a page of the site"));
}

// The `diff --format json` contract (docs/json.md), locked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DiffDocument {
    version: u32,
    language: String,
    source_language: String,
    source: String,
    translation: String,
    state: String,
    reason: String,
    sync: Option<Sync>,
    head: String,
    source_sections: usize,
    cosmetic: usize,
    sections: Vec<SectionDiff>,
    signals: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sync {
    method: String,
    commit: String,
    skipped_commits: usize,
    #[serde(default)]
    skipped: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionRef {
    id: String,
    heading: String,
    line: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionDiff {
    kind: String,
    change: String,
    severity: String,
    source: Option<SectionRef>,
    old_source: Option<SectionRef>,
    translation: Option<SectionRef>,
    insert_after: Option<SectionRef>,
    lines: Vec<Line>,
    translation_text: Option<String>,
    #[serde(default)]
    keys: Vec<serde_json::Value>,
    blocks: Vec<Block>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Block {
    change: String,
    kind: String,
    old_source: Option<BlockRef>,
    source: Option<BlockRef>,
    translation: Option<BlockRef>,
    in_translation: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockRef {
    line: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    op: String,
    old_line: Option<usize>,
    new_line: Option<usize>,
    text: String,
    words: Vec<(bool, String)>,
}

#[test]
fn diff_json_contract() {
    let (repo, c1) = site();
    let output = repo
        .tandem()
        .args(["diff", "content/fr/docs/page.md", "--format", "json"])
        .output()
        .unwrap();
    let doc: DiffDocument = serde_json::from_slice(&output.stdout).expect("contract holds");
    assert_eq!(
        (
            doc.version,
            doc.language.as_str(),
            doc.state.as_str(),
            doc.reason.as_str()
        ),
        (1, "fr", "stale", "source-changed")
    );
    assert_eq!(doc.source, "content/en/docs/page.md");
    assert_eq!(doc.source_language, "en");
    assert_eq!(doc.translation, "content/fr/docs/page.md");
    assert_eq!(doc.head, repo.head());
    // Its changed sections explain it: no structure signals.
    assert!(doc.signals.is_empty(), "{:?}", doc.signals);
    let sync = doc.sync.unwrap();
    assert_eq!(
        (
            sync.method.as_str(),
            sync.commit.as_str(),
            sync.skipped_commits
        ),
        ("pin", c1.as_str(), 0)
    );
    assert!(sync.skipped.is_empty());
    assert_eq!((doc.source_sections, doc.cosmetic), (5, 1));
    assert!(
        doc.sections
            .iter()
            .all(|s| s.kind == "body" && s.keys.is_empty())
    );
    let kinds: Vec<&str> = doc.sections.iter().map(|s| s.change.as_str()).collect();
    assert_eq!(kinds, vec!["modified", "added"]);
    let before = &doc.sections[0];
    assert_eq!(before.severity, "high");
    assert_eq!(before.source.as_ref().unwrap().id, "before-you-begin");
    assert_eq!(before.old_source.as_ref().unwrap().line, 7);
    assert_eq!(
        before.translation.as_ref().unwrap().heading,
        "Avant de commencer"
    );
    assert!(
        before
            .translation_text
            .as_ref()
            .unwrap()
            .contains("1.28 ou ultérieure")
    );
    // One changed block: the paragraph, beside the translation's.
    assert_eq!(before.blocks.len(), 1);
    let block = &before.blocks[0];
    assert_eq!(
        (block.change.as_str(), block.kind.as_str()),
        ("modified", "paragraph")
    );
    assert_eq!(
        (
            block.old_source.as_ref().map(|b| b.line),
            block.source.as_ref().map(|b| b.line),
            block.translation.as_ref().map(|b| b.line)
        ),
        (Some(9), Some(9), Some(10))
    );
    // Its words changed: the translation has to follow.
    assert!(!block.in_translation);
    // Added sections carry their lines, not blocks.
    assert!(doc.sections[1].blocks.is_empty());
    let deleted: Vec<&Line> = before.lines.iter().filter(|l| l.op == "delete").collect();
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].old_line, Some(9));
    assert_eq!(deleted[0].new_line, None);
    assert!(
        deleted[0]
            .words
            .iter()
            .any(|(changed, w)| *changed && w == "1.28")
    );
    let scaling = &doc.sections[1];
    assert!(
        scaling.old_source.is_none()
            && scaling.translation.is_none()
            && scaling.translation_text.is_none()
    );
    assert_eq!(scaling.insert_after.as_ref().unwrap().heading, "Installer");
    assert!(
        scaling
            .lines
            .iter()
            .all(|l| l.op == "insert" && l.old_line.is_none())
    );
    assert_eq!(scaling.lines[0].text, "## Scaling {#scaling}");
    assert_eq!(scaling.lines[0].new_line, Some(17));
}

// The `compare --format json` contract: exactly state, severity, signals, sections.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareDocument {
    state: String,
    severity: String,
    signals: Vec<Signal>,
    sections: Vec<Aligned>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Signal {
    kind: String,
    severity: String,
    source_section: Option<SectionRef>,
    translation_section: Option<SectionRef>,
    source_count: Option<usize>,
    translation_count: Option<usize>,
    items: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Aligned {
    source: Option<SectionRef>,
    translation: Option<SectionRef>,
    severity: String,
}

fn compare_json(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, CompareDocument) {
    let output = tandem_in(dir)
        .arg("compare")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    (
        output.status.code(),
        serde_json::from_slice(&output.stdout).expect("contract holds"),
    )
}

#[test]
fn compare_outside_any_repository() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), EN_V1).unwrap();
    std::fs::write(dir.path().join("fr.md"), FR).unwrap();
    let (code, doc) = compare_json(dir.path(), &["en.md", "fr.md"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        (doc.state.as_str(), doc.severity.as_str()),
        ("current", "none")
    );
    assert!(doc.signals.is_empty());
    assert_eq!(doc.sections.len(), 4);
    assert!(
        doc.sections
            .iter()
            .all(|s| s.source.is_some() && s.translation.is_some() && s.severity == "none")
    );
    // A code block missing from the translation: stale, high, exit 1.
    std::fs::write(
        dir.path().join("fr.md"),
        FR.replace("```shell\nlumen install --fast\n```\n", ""),
    )
    .unwrap();
    let (code, doc) = compare_json(dir.path(), &["en.md", "fr.md"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        (doc.state.as_str(), doc.severity.as_str()),
        ("stale", "high")
    );
    let signal = &doc.signals[0];
    assert_eq!(
        (signal.kind.as_str(), signal.severity.as_str()),
        ("missing-code-block", "high")
    );
    assert_eq!(
        (signal.source_count, signal.translation_count),
        (Some(1), Some(0))
    );
    assert_eq!(signal.source_section.as_ref().unwrap().heading, "Install");
    assert!(signal.translation_section.is_some() && signal.items.is_empty());
    // No translation at all: missing. Neither file: error.
    let (code, doc) = compare_json(dir.path(), &["en.md", "nope.md"]);
    assert_eq!((code, doc.state.as_str()), (Some(1), "missing"));
    tandem_in(dir.path())
        .args(["compare", "a.md", "b.md"])
        .assert()
        .code(2);
}

/// Outside a repository `compare` said "the source is unchanged since the sync point": there is no sync point there.
#[test]
fn compare_outside_a_repository_claimed_a_sync_point() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), "# A\n\nOne.\n").unwrap();
    std::fs::write(dir.path().join("fr.md"), "# A\n\nUn.\n").unwrap();
    tandem_in(dir.path())
        .args(["compare", "en.md", "fr.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no history here"))
        .stdout(predicate::str::contains("sync point").not());
}

#[test]
fn compare_in_a_repository_adds_the_history_verdict() {
    let (repo, _) = site();
    // Run from elsewhere: the repository is found from the files' folder.
    let elsewhere = tempfile::tempdir().unwrap();
    let source = repo.path().join("content/en/docs/page.md");
    let translation = repo.path().join("content/fr/docs/page.md");
    let (code, doc) = compare_json(
        elsewhere.path(),
        &[source.to_str().unwrap(), translation.to_str().unwrap()],
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        (doc.state.as_str(), doc.severity.as_str()),
        ("stale", "high")
    );
    // The added section shows as missing from the translation.
    assert!(
        doc.signals.iter().any(|s| s.kind == "missing-section"),
        "{doc:?}"
    );
    repo.tandem()
        .args([
            "compare",
            "content/en/docs/page.md",
            "content/fr/docs/page.md",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "content/en/docs/page.md ⇄ content/fr/docs/page.md: stale, severity high",
        ))
        .stdout(predicate::str::contains("pinned"));
}

#[test]
fn diff_summary_counted_more_changed_sections_than_sections() {
    // The source removes a section and rewrites another: three sections in all, two of them changed (it said
    // "2 of 2", and "4 of 3" on a real page whose removed sections outnumbered those left).
    let en_v1 = "## Keep\n\nStays.\n\n## Rewrite\n\nOld words.\n\n## Drop\n\nGoes away.\n";
    let en_v2 = "## Keep\n\nStays.\n\n## Rewrite\n\nNew words, more of them.\n";
    let fr = "## Garder\n\nReste.\n\n## Réécrire\n\nAnciens mots.\n\n## Retirer\n\nPart.\n";
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", en_v1));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", fr));
    repo.commit("fr");
    repo.write("content/en/a.md", md("A", "", en_v2));
    repo.commit("en: v2");
    let text = repo.stdout(&["diff", "content/fr/a.md"]);
    assert!(text.contains("2 of 3 sections changed"), "{text}");
    assert!(text.contains("## Drop {#drop}   removed"), "{text}");
    let text = repo.stdout(&["--ui-lang", "fr", "diff", "content/fr/a.md"]);
    assert!(text.contains("2 sections sur 3 modifiées"), "{text}");
}

/// A card added at the end of a long MDX component (Starlight's community plugins: a `<CardGrid>` of forty cards, one
/// block): beside the two added lines, `diff` printed the whole translated grid, two hundred lines, for the reviewer
/// to find where the new card goes. The translation block is now shown around the place of the change, anchored by
/// the lines the translation kept as they were (the cards' `href` and `title`), with the lines left out counted. The
/// note said "to update" on the first line shown, a card that had not changed: the card is added, and the note says
/// where it goes, after the translation's line that matches the one before it in the source.
#[test]
fn a_card_appended_to_a_long_component_showed_the_whole_translated_grid() {
    let read = |lang: &str| {
        std::fs::read_to_string(format!(
            "{}/tests/fixtures/card-grid-append/{lang}.mdx",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let (en, fr) = (read("en"), read("fr"));
    let mut repo = RepoBuilder::new();
    repo.write("content/en/plugins.mdx", &en);
    repo.write("content/fr/plugins.mdx", &fr);
    repo.commit("plugins page, translated");
    let added = "\t<LinkCard\n\t\thref=\"https://github.com/example/fog-sensor\"\n\t\ttitle=\"fog-sensor\"\n\t\tdescription=\"Brighten the lamps when fog rolls in.\"\n\t/>\n</CardGrid>";
    repo.write("content/en/plugins.mdx", en.replace("</CardGrid>", added));
    repo.commit("Add fog-sensor to the community plugins");
    for (lang, elided, to_update) in [
        ("en", "lines not shown", "(insert after line "),
        ("fr", "lignes non affichées", "(à insérer après la ligne "),
    ] {
        let output = repo
            .tandem()
            .args(["diff", "content/fr/plugins.mdx", "--ui-lang", lang])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            text.contains("+ \t\thref=\"https://github.com/example/fog-sensor\""),
            "{text}"
        );
        // The card before the new one and the end of the grid, the place where the new card goes.
        assert!(
            text.contains("Dessiner la carte des rues éclairées."),
            "{text}"
        );
        assert!(text.contains("</CardGrid>"), "{text}");
        // Not the cards far from the change.
        assert!(!text.contains("Baisser les réverbères"), "{text}");
        assert!(!text.contains("Allumer tous les réverbères"), "{text}");
        assert!(text.contains(elided), "{text}");
        // The note names the translation's line the new card goes after: the end of the last card, before the grid's.
        let line: usize = text
            .split(to_update)
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{text}"));
        let file = repo.read("content/fr/plugins.mdx");
        let shown = file.lines().nth(line - 1).unwrap();
        assert_eq!(shown, "\t/>", "{text}");
        assert_eq!(file.lines().nth(line).unwrap(), "</CardGrid>", "{text}");
        assert!(
            text.lines()
                .any(|l| l.contains(shown.trim()) && l.contains(to_update)),
            "line {line} is {shown:?}: {text}"
        );
    }
}

/// A word changed inside a code block (a shortcode's example in a Hugo theme's docs): the note said "to update (line
/// 52)" on the block's opening fence, two lines above the line the translator has to change.
#[test]
fn a_change_inside_a_code_block_pointed_at_its_fence() {
    let en = |word: &str| {
        md(
            "Notice",
            "",
            &format!(
                "The notice shortcode.\n\n## Warning\n\n```\n{{{{%/* notice warning */%}}}}\n{word} warning disclaimer\n{{{{%/* /notice */%}}}}\n```\n"
            ),
        )
    };
    let fr = md(
        "Notice",
        "",
        "Le shortcode notice.\n\n## Warning\n\n```\n{{%/* notice warning */%}}\nUne notice de type warning\n{{%/* /notice */%}}\n```\n",
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/notice.md", en("An"))
        .write("content/fr/notice.md", &fr);
    repo.commit("notice");
    repo.write("content/en/notice.md", en("A"));
    repo.commit("en: typo");
    let line = fr
        .lines()
        .position(|l| l == "Une notice de type warning")
        .unwrap()
        + 1;
    let text = repo.stdout(&["diff", "content/fr/notice.md"]);
    assert!(
        text.contains(&format!(
            "fr    Une notice de type warning   ← to update (line {line})"
        )),
        "{text}"
    );
}

/// On a site of language suffixes (`x.en.md` beside `x.fr.md`) the source's lines were labelled `src`, on a site of
/// language folders `en`: the label was read from a language folder in the source's path.
#[test]
fn the_source_s_lines_were_labelled_src_on_a_suffix_site() {
    let mut repo = RepoBuilder::new();
    repo.write("content/guide.en.md", md("Guide", "", "Install the tool."))
        .write("content/guide.fr.md", md("Guide", "", "Installez l'outil."));
    repo.commit("guide");
    repo.write(
        "content/guide.en.md",
        md("Guide", "", "Install the tool first."),
    );
    repo.commit("en: first");
    let text = repo.stdout(&["diff", "content/guide.fr.md"]);
    assert!(text.contains("\n  en  + Install the tool first."), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&repo.stdout(&["diff", "content/guide.fr.md", "--format", "json"]))
            .unwrap();
    assert_eq!(json["source_language"], "en");
}

/// A sub-section's change was headed `## Implementation guides` in `diff`, though the source writes it `###`: a
/// reviewer looking for that heading found a section of another level.
#[test]
fn a_sub_section_was_headed_at_the_wrong_level() {
    let en = |word: &str| {
        md(
            "Guide",
            "",
            &format!(
                "Intro.\n\n## Setup\n\nSet up.\n\n### Implementation guides\n\nRead the {word} guide.\n"
            ),
        )
    };
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", en("first"))
        .write(
            "content/fr/guide.md",
            md("Guide", "", "Intro.\n\n## Installation\n\nInstallez.\n\n### Guides de mise en œuvre\n\nLisez le premier guide.\n"),
        );
    repo.commit("guide");
    repo.write("content/en/guide.md", en("second"));
    repo.commit("en: second guide");
    let text = repo.stdout(&["diff", "content/fr/guide.md"]);
    assert!(
        text.contains("\n### Implementation guides {#implementation-guides}   modified\n"),
        "{text}"
    );
}

/// A source whose title changed: the note "to update (line 1)" sat on the translation's opening `---`, above the title
/// it meant. It is on the translation's line of the changed key.
#[test]
fn a_changed_title_was_marked_on_the_front_matters_opening_line() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        "---\ntitle: Alpha\nweight: 3\n---\n\nIntro.\n",
    )
    .write(
        "content/fr/a.md",
        "---\nweight: 3\ntitle: Alpha (fr)\n---\n\nIntroduction.\n",
    );
    repo.commit("en, fr");
    repo.write(
        "content/en/a.md",
        "---\ntitle: Alpha, renamed\nweight: 3\n---\n\nIntro.\n",
    );
    repo.commit("en: title");
    let text = repo.stdout(&["diff", "content/fr/a.md"]);
    assert!(
        text.contains("  fr    title: Alpha (fr)   ← to update (line 3)\n"),
        "{text}"
    );
    assert!(text.contains("  fr    ---\n"), "{text}");
}

/// The line an added block goes after. The note named the first line of the translation's block before the place (a
/// code block's opening fence, a paragraph's first line): followed, it put the new text inside that block. And a
/// block added first in its section had no place at all ("no counterpart in the translation").
#[test]
fn insert_after_named_the_first_line_of_the_block_before_it() {
    let en_v1 = "## Run\n\nRun this:\n\n```sh\napt update\napt install tool\ntool start\n```\n\nThen open the page,\nwhich shows the dashboard.\n\nDone.\n\n## Stop\n\nPress stop.\n";
    let fr = "## Lancer\n\nLancez ceci :\n\n```sh\napt update\napt install tool\ntool start\n```\n\nOuvrez ensuite la page,\nqui montre le tableau de bord.\n\nTerminé.\n\n## Arrêter\n\nAppuyez sur stop.\n";
    let en_v2 = en_v1
        .replace(
            "```\n\nThen",
            "```\n\nWait ten seconds for the service.\n\nThen",
        )
        .replace(
            "the dashboard.\n\n",
            "the dashboard.\n\nReload it once.\n\n",
        )
        .replace("## Stop\n\n", "## Stop\n\nStopping is safe.\n\n");
    let mut repo = RepoBuilder::new();
    repo.write("content/en/x.md", md("X", "", en_v1));
    repo.write("content/fr/x.md", md("X", "", fr));
    repo.commit("x, translated");
    repo.write("content/en/x.md", md("X", "", &en_v2));
    repo.commit("x: three additions");
    let file = repo.read("content/fr/x.md");
    let line = |n: usize| file.lines().nth(n - 1).unwrap().to_owned();
    for (ui, note) in [
        ("en", "(insert after line "),
        ("fr", "(à insérer après la ligne "),
    ] {
        let output = repo
            .tandem()
            .args([
                "--ui-lang",
                ui,
                "diff",
                "content/fr/x.md",
                "--color",
                "never",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        let places: Vec<usize> = text
            .split(note)
            .skip(1)
            .map(|rest| rest.split(')').next().unwrap().parse().unwrap())
            .collect();
        // After the closing fence, after the paragraph's last line, after the translated heading.
        let after: Vec<String> = places.iter().map(|&n| line(n)).collect();
        assert_eq!(
            after,
            ["```", "qui montre le tableau de bord.", "## Arrêter"],
            "{text}"
        );
        for n in places {
            assert_eq!(line(n + 1), "", "line {n}: {text}");
        }
        // The code block as context: its fence with its first line (the fence alone said nothing).
        assert!(text.contains("  en    ```sh apt update\n"), "{text}");
    }
}

/// A section whose heading and body both changed: the block view showed only the body, so the translated heading kept
/// the word the source dropped ("(required)").
#[test]
fn a_renamed_heading_was_hidden_when_its_body_changed_too() {
    let mut repo = RepoBuilder::new();
    let en_v1 = "Intro.\n\n## `frontmatter` (required)\n\nSet the frontmatter properties for this page.\n\nIt is read at build time.\n";
    let fr = "Intro.\n\n## `frontmatter` (requis)\n\nDéfinissez les propriétés de cette page.\n\nElles sont lues à la construction.\n";
    repo.write("content/en/x.md", md("X", "", en_v1));
    repo.write("content/fr/x.md", md("X", "", fr));
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        md(
            "X",
            "",
            &en_v1
                .replace(" (required)", "")
                .replace("at build time", "once, at build time"),
        ),
    );
    repo.commit("x: not required any more");
    let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
    assert!(text.contains("  en  - ## `frontmatter` (required)\n  en  + ## `frontmatter`\n  fr    ## `frontmatter` (requis)   ← to update (line 7)\n"), "{text}");
    assert!(
        text.contains("  en  + It is read once, at build time.\n"),
        "{text}"
    );
}

/// A paragraph whose lines lost their trailing spaces while one name changed: every line came out as a `-`/`+` pair
/// that looked the same on screen, hiding the one that changed.
#[test]
fn lines_changed_only_by_trailing_spaces_hid_the_real_change() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/x.md",
        md("X", "", "Kept by \n[Alice](https://a.example/), \n[Bob](https://b.example/), \nand [Carol](https://c.example/).\n"),
    );
    repo.write(
        "content/fr/x.md",
        md("X", "", "Tenu par\n[Alice](https://a.example/),\n[Bob](https://b.example/),\net [Carol](https://c.example/).\n"),
    );
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        md("X", "", "Kept by\n[Alice](https://a.example/),\n[Bob](https://b.example/),\nand [Dan](https://d.example/).\n"),
    );
    repo.commit("x: Carol → Dan, spaces dropped");
    let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
    let changed: Vec<&str> = text.lines().filter(|l| l.starts_with("  en  ")).collect();
    assert_eq!(
        changed,
        [
            "  en  - and [Carol](https://c.example/).",
            "  en  + and [Dan](https://d.example/)."
        ],
        "{text}"
    );
}

/// A phrase changed inside a Japanese sentence: words were split at spaces, so the line was one word, too different
/// to mark, and `--word` marked nothing — the reviewer searched the whole paragraph by eye.
#[test]
fn word_marks_found_nothing_in_text_written_without_spaces() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "hugo.toml",
        "defaultContentLanguage = \"ja\"\n[languages.ja]\ncontentDir = \"content/ja\"\n[languages.en]\ncontentDir = \"content/en\"\n",
    );
    let ja = "## 始める前に\n\n512MBの空きメモリがあるLinuxまたはmacOSのマシンが必要です。インストールには数分かかります。\n";
    repo.write("content/ja/install.md", md("インストール", "", ja));
    repo.write(
        "content/en/install.md",
        md("Install", "", "## Before you begin\n\nYou need a Linux or macOS machine with 512 MB of free memory. Installing takes a few minutes.\n"),
    );
    repo.commit("install, translated");
    repo.write(
        "content/ja/install.md",
        md(
            "インストール",
            "",
            &ja.replace("512MBの空きメモリ", "1GBの空きメモリとcurl"),
        ),
    );
    repo.commit("ja: memory");
    let text = repo.stdout(&[
        "diff",
        "content/en/install.md",
        "--word",
        "--color",
        "never",
    ]);
    assert!(
        text.contains("  ja  - [-512MB-]の空きメモリがある"),
        "{text}"
    );
    assert!(
        text.contains("  ja  + {+1GB+}の空きメモリ{+とcurl+}がある"),
        "{text}"
    );
}

/// Two list items swapped: the moved one came out added in one place and removed in the other, its translation
/// "to remove" — a translator deleted a translated item to translate it again.
#[test]
fn a_swapped_list_item_was_to_remove_and_translate_again() {
    let en = "## Steps\n\n- Install the package.\n- Configure the service.\n- Start the daemon.\n";
    let fr = "## Étapes\n\n- Installez le paquet.\n- Configurez le service.\n- Lancez le démon.\n";
    let mut repo = RepoBuilder::new();
    repo.write("content/en/x.md", md("X", "", en));
    repo.write("content/fr/x.md", md("X", "", fr));
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        md(
            "X",
            "",
            "## Steps\n\n- Configure the service.\n- Install the package.\n- Start the daemon.\n",
        ),
    );
    repo.commit("x: configure first");
    let run = |ui: &str, format: &str| {
        repo.stdout(&[
            "--ui-lang",
            ui,
            "diff",
            "content/fr/x.md",
            "--color",
            "never",
            "--format",
            format,
        ])
    };
    let text = run("en", "text");
    assert!(!text.contains("to remove"), "{text}");
    // The heading is line 5 of the translation, the item now on line 8.
    assert!(
        text.contains("  en  ~ - Configure the service.\n  fr    - Configurez le service.   ← to move after line 5 (now line 8)\n"),
        "{text}"
    );
    assert!(run("fr", "text").contains("← à déplacer après la ligne 5 (actuellement ligne 8)"));
    let json: serde_json::Value = serde_json::from_str(&run("en", "json")).unwrap();
    let blocks = json["sections"][0]["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 1, "{blocks:#?}");
    assert_eq!(blocks[0]["change"], "moved");
    assert_eq!(blocks[0]["translation"]["line"], 8);
}

/// A section the source moved: alone, "to update" on its translated heading, nowhere said where it goes; moved and
/// changed, "modified", the move lost — the translator updated it where it was.
#[test]
fn a_moved_section_said_neither_that_it_moved_nor_where_to() {
    let en = "Intro.\n\n## Alpha\n\nAlpha text.\n\n## Beta\n\nBeta text.\n\n## Delta\n\nDelta text.\n\n## Gamma\n\nGamma text.\n";
    let fr = "Intro.\n\n## Alpha fr\n\nTexte alpha.\n\n## Bêta\n\nTexte bêta.\n\n## Delta fr\n\nTexte delta.\n\n## Gamma fr\n\nTexte gamma.\n";
    // Gamma goes up, between Alpha and Beta.
    let moved = "Intro.\n\n## Alpha\n\nAlpha text.\n\n## Gamma\n\nGamma text.\n\n## Beta\n\nBeta text.\n\n## Delta\n\nDelta text.\n";
    for (after, note) in [
        (
            moved.to_owned(),
            "  fr    ## Gamma fr   ← to move after “Alpha fr” (before line 11)\n",
        ),
        (
            moved.replace("Gamma text.", "Gamma text, with a new flag."),
            "  fr    (the source also moved it: it goes after “Alpha fr”, before line 11)\n",
        ),
    ] {
        let mut repo = RepoBuilder::new();
        repo.write("content/en/x.md", md("X", "", en));
        repo.write("content/fr/x.md", md("X", "", fr));
        repo.commit("x, translated");
        repo.write("content/en/x.md", md("X", "", &after));
        repo.commit("x: gamma before beta");
        let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
        assert!(text.contains(note), "{text}");
        assert!(
            !text.contains("to update (line 15)\n  fr    Texte gamma.\n\n"),
            "{text}"
        );
        let json = repo.stdout(&["diff", "content/fr/x.md", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        let gamma = json["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["source"]["id"] == "gamma")
            .unwrap_or_else(|| panic!("{json:#}"));
        assert_eq!(gamma["moved"], true, "{gamma:#}");
        assert_eq!(gamma["insert_after"]["id"], "alpha-fr", "{gamma:#}");
        // The task of a section moved and changed says it moved (it said "modified" only).
        let tasks = repo.stdout(&["tasks"]);
        let moved_too = tasks.contains("- [ ] “Gamma” — modified, moved too (`tandem diff");
        assert_eq!(moved_too, after.contains("new flag"), "{tasks}");
    }
}

/// A title-case fix made in a commit with a skip directive, after a real change: the verdict passed over that commit
/// (the header said so), yet diff listed its title and text "to update", severity high.
#[test]
fn a_skipped_commits_change_was_shown_to_update() {
    let repo = skipped_title_case_site();
    let run = |format: &str| {
        repo.stdout(&[
            "diff",
            "content/fr/x.md",
            "--color",
            "never",
            "--format",
            format,
        ])
    };
    let text = run("text");
    assert!(text.contains("1 of 3 sections changed"), "{text}");
    assert!(
        text.contains("2 changes made only by commits not counted are not shown"),
        "{text}"
    );
    assert!(
        text.contains("  en  + Use the `Badge` component."),
        "{text}"
    );
    assert!(!text.contains("Using Components"), "{text}");
    assert!(!text.contains("reuse UI!"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["not_counted"], 2);
    let ids: Vec<&str> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["props"]);
    // The real change alone, in a commit of its own, stays: nothing is taken out when nothing would be left.
    let (mut repo2, en2) = (RepoBuilder::new(), "Text.\n");
    repo2.write("content/en/y.md", md("Y", "", en2));
    repo2.write("content/fr/y.md", md("Y", "", "Texte.\n"));
    repo2.commit("y, translated");
    repo2.write("content/en/y.md", md("Y", "", "Text, longer now.\n"));
    repo2.commit("y: longer [skip-l10n]");
    repo2.write(
        "content/en/y.md",
        md("Y", "", "Text, longer now, and more.\n"),
    );
    repo2.commit("y: more");
    let text = repo2.stdout(&["diff", "content/fr/y.md", "--color", "never"]);
    assert!(text.contains("and more."), "{text}");
    assert!(!text.contains("not counted are not shown"), "{text}");
}

/// A value changed on line 40 of a 60-line configuration listing: the translated listing is cut around the change,
/// and the note named its first line shown (43), four lines above the one to edit (47).
#[test]
fn a_long_code_listing_named_its_first_shown_line_not_the_changed_one() {
    let listing = |changed: bool| -> String {
        (1..=60)
            .map(|i| {
                if changed && i == 40 {
                    "key40: changed40\n".to_owned()
                } else {
                    format!("key{i}: value{i}\n")
                }
            })
            .collect()
    };
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/x.md",
        md(
            "X",
            "",
            &format!(
                "Here is the file.\n\n```yaml\n{}```\n\nThat is all.\n",
                listing(false)
            ),
        ),
    );
    repo.write(
        "content/fr/x.md",
        md(
            "X",
            "",
            &format!(
                "Voici le fichier.\n\n```yaml\n{}```\n\nC’est tout.\n",
                listing(false)
            ),
        ),
    );
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        md(
            "X",
            "",
            &format!(
                "Here is the file.\n\n```yaml\n{}```\n\nThat is all.\n",
                listing(true)
            ),
        ),
    );
    repo.commit("x: key40");
    let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
    assert!(text.contains("lines not shown"), "{text}");
    let file = repo.read("content/fr/x.md");
    assert_eq!(file.lines().nth(46), Some("key40: value40"));
    assert!(
        text.contains("  fr    key40: value40   ← to update (line 47)\n"),
        "{text}"
    );
}

/// Title and description changed: only the first changed key's line (description, line 4) had a note; the title, line
/// 2, had none, and was left untranslated.
#[test]
fn only_the_first_changed_front_matter_key_had_a_note() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/x.md",
        "---\ntitle: Getting started\nweight: 10\ndescription: Install the tool.\n---\n\nText.\n",
    );
    repo.write(
        "content/fr/x.md",
        "---\ntitle: Premiers pas\nweight: 10\ndescription: Installer l'outil.\n---\n\nTexte.\n",
    );
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        "---\ntitle: Get started\nweight: 10\ndescription: Install and configure the tool.\n---\n\nText.\n",
    );
    repo.commit("x: title and description");
    let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
    assert!(
        text.contains("  fr    title: Premiers pas   ← to update (line 2)\n  fr    weight: 10\n  fr    description: Installer l'outil.   ← to update (line 4)\n"),
        "{text}"
    );
}

/// The text before the first heading, often the part that changed on a glossary's pages, could not be picked with
/// `--section` (`--section ""` failed and the ids listed left it out); `tasks` wrote no `--section` for it. It is `top`.
#[test]
fn the_text_before_the_first_heading_could_not_be_picked() {
    let mut repo = RepoBuilder::new();
    let en = "Intro text.\n\n## Use\n\nUse it.\n";
    repo.write("content/en/x.md", md("X", "", en));
    repo.write(
        "content/fr/x.md",
        md("X", "", "Texte d’intro.\n\n## Utiliser\n\nUtilisez-le.\n"),
    );
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        md(
            "X",
            "",
            &en.replace("Intro text.", "Intro text, longer.")
                .replace("Use it.", "Use it well."),
        ),
    );
    repo.commit("x: both sections");
    let text = repo.stdout(&[
        "diff",
        "content/fr/x.md",
        "--section",
        "top",
        "--color",
        "never",
    ]);
    assert!(
        text.contains("(before the first heading) {#top}   modified\n"),
        "{text}"
    );
    // The summary counts the page (its total moved with --section), and says how many are shown.
    assert!(
        text.contains("2 of 2 sections changed · 1 shown (--section)\n"),
        "{text}"
    );
    assert!(text.contains("Intro text, longer."), "{text}");
    assert!(!text.contains("Use it well."), "{text}");
    let tasks = repo.stdout(&["tasks"]);
    assert!(
        tasks.contains("(`tandem diff content/fr/x.md --section top`)"),
        "{tasks}"
    );
}

/// A paragraph the source split in two while changing a word: its second half came out as a block added, "insert after
/// line 5", though the one translated paragraph already says it — the reviewer was told to add a sentence twice.
#[test]
fn a_split_paragraph_asked_to_insert_what_the_translation_has() {
    let mut repo = RepoBuilder::new();
    let en = "The first sentence explains the tool. The second sentence says how it is configured for production.\n\n## Other\n\nOther text.\n";
    repo.write("content/en/x.md", md("X", "", en));
    repo.write(
        "content/fr/x.md",
        md("X", "", "La première phrase explique l'outil. La deuxième phrase dit comment le configurer pour la production.\n\n## Autre\n\nAutre texte.\n"),
    );
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        md(
            "X",
            "",
            &en.replace("tool. The second", "tool.\n\nThe second")
                .replace("for production", "for staging"),
        ),
    );
    repo.commit("x: split, staging");
    let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
    assert!(!text.contains("insert after"), "{text}");
    assert!(
        text.contains("  en  + The first sentence explains the tool.\n  en  + The second sentence says how it is configured for staging.\n  fr    La première phrase explique l'outil. La deuxième phrase dit comment le configurer pour la production.   ← to update (line 5)\n"),
        "{text}"
    );
    // The JSON says the added half goes with the modified one; the task lists no paragraph to add.
    let added = first_block(&repo, "added");
    assert_eq!(added["part_of"]["line"], 5, "{added:#}");
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("paragraph added"), "{tasks}");
}

/// A sentence added on a line of its own at the end of a hard-wrapped paragraph: the paragraph's last line was shown
/// removed and added again, the two the same (a block's last line has no line end, the same line inside the new
/// block has one).
#[test]
fn a_line_appended_to_a_wrapped_paragraph_showed_its_last_line_removed_and_added() {
    let mut repo = RepoBuilder::new();
    let en = "## Setup\n\nInstall the tool with the package manager\nof your system.\n";
    repo.write("content/en/x.md", md("X", "", en));
    repo.write(
        "content/fr/x.md",
        md(
            "X",
            "",
            "## Installation\n\nInstallez l'outil avec le gestionnaire de paquets\nde votre système.\n",
        ),
    );
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        md("X", "", &format!("{en}Then run it once.\n")),
    );
    repo.commit("x: run it");
    let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
    assert!(text.contains("  en  + Then run it once.\n"), "{text}");
    assert!(!text.contains("  en  - of your system."), "{text}");
    assert!(!text.contains("  en  + of your system."), "{text}");
}

/// Two paragraphs the source joined into one, a word changed too: the second translated paragraph was "to remove",
/// though its text is in the joined paragraph (a translator following the note deleted a sentence still needed).
#[test]
fn two_paragraphs_joined_into_one_were_a_paragraph_to_remove() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/x.md",
        md(
            "X",
            "",
            "## Setup\n\nInstall the tool with your package manager.\n\nThen run the setup command once.\n\nThe end.\n",
        ),
    );
    repo.write(
        "content/fr/x.md",
        md(
            "X",
            "",
            "## Installation\n\nInstallez l'outil avec votre gestionnaire de paquets.\n\nPuis lancez la commande d'installation une fois.\n\nFin.\n",
        ),
    );
    repo.commit("x, translated");
    repo.write(
        "content/en/x.md",
        md(
            "X",
            "",
            "## Setup\n\nInstall the tool with your package manager, then run the setup command twice.\n\nThe end.\n",
        ),
    );
    repo.commit("x: one paragraph");
    let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
    assert!(!text.contains("to remove"), "{text}");
    assert!(
        text.contains(
            "  en  - Install the tool with your package manager.\n  en  - Then run the setup command once.\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  fr    Installez l'outil avec votre gestionnaire de paquets.   ← to update (line 7)\n  fr    Puis lancez la commande d'installation une fois.\n"),
        "{text}"
    );
    // The JSON says the removed paragraph went into the modified one; the task asks to remove nothing.
    let removed = first_block(&repo, "removed");
    assert_eq!(removed["part_of"]["line"], 7, "{removed:#}");
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("paragraph removed"), "{tasks}");
}

/// The first block of the first changed section of `content/fr/x.md`'s diff whose change is `change`.
fn first_block(repo: &RepoBuilder, change: &str) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_str(&repo.stdout(&["diff", "content/fr/x.md", "--format", "json"]))
            .unwrap();
    json["sections"][0]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["change"] == change)
        .cloned()
        .unwrap_or_else(|| panic!("{json:#}"))
}

const WRAPPED: &str = "The installer downloads the release archive, checks its signature\nagainst the project's public key, unpacks it into the cache folder\nand links the binary into a folder on your PATH, so that the next\nshell you open finds it without any further configuration.";

/// A hard-wrapped paragraph whose editor wrapped it again around one changed word ("cache" → "data"): `diff` showed
/// its last three lines removed and three added, the one word to translate lost among them.
#[test]
fn a_word_changed_in_a_rewrapped_paragraph_showed_every_line_after_it_removed_and_added() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        md("A", "", &format!("# Install\n\n{WRAPPED}")),
    );
    repo.write(
        "content/fr/a.md",
        md("A", "", "# Installer\n\nL'installateur télécharge l'archive, vérifie sa signature, la décompresse\ndans le dossier de cache et lie le binaire dans un dossier de votre PATH."),
    );
    repo.commit("en, fr");
    let rewrapped = "The installer downloads the release archive, checks its signature\nagainst the project's public key, unpacks it into the data folder and\nlinks the binary into a folder on your PATH, so that the next shell\nyou open finds it without any further configuration.";
    repo.write(
        "content/en/a.md",
        md("A", "", &format!("# Install\n\n{rewrapped}")),
    );
    repo.commit("en: the data folder");
    let diff = repo.stdout(&["diff", "content/fr/a.md", "--word"]);
    let removed: Vec<&str> = diff.lines().filter(|l| l.starts_with("  en  - ")).collect();
    let added: Vec<&str> = diff.lines().filter(|l| l.starts_with("  en  + ")).collect();
    assert_eq!((removed.len(), added.len()), (1, 1), "{diff}");
    assert!(
        removed[0].contains("into the [-cache-] folder and links"),
        "{diff}"
    );
    assert!(
        added[0].contains("into the {+data+} folder and links"),
        "{diff}"
    );
    // Cut around the change, about a terminal's width.
    assert!(added[0].chars().count() < 140, "{diff}");
    assert!(diff.contains("← to update (line 7)"), "{diff}");
}

/// Two lines of a wrapped paragraph rewritten, the others kept: shown line by line as before.
#[test]
fn lines_rewritten_in_a_wrapped_paragraph_are_still_shown_as_lines() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        md("A", "", &format!("# Install\n\n{WRAPPED}")),
    );
    repo.write("content/fr/a.md", md("A", "", "# Installer\n\nTexte."));
    repo.commit("en, fr");
    let rewritten = WRAPPED
        .replace(
            "against the project's public key, unpacks it into the cache folder",
            "with a key from the keyring given in the configuration file, then",
        )
        .replace(
            "shell you open finds it without any further configuration.",
            "terminal has it at hand, whatever the shell.",
        );
    repo.write(
        "content/en/a.md",
        md("A", "", &format!("# Install\n\n{rewritten}")),
    );
    repo.commit("en: rewritten");
    let diff = repo.stdout(&["diff", "content/fr/a.md"]);
    assert!(
        diff.contains(
            "  en  - against the project's public key, unpacks it into the cache folder\n"
        ),
        "{diff}"
    );
    assert!(
        diff.contains("  en  + terminal has it at hand, whatever the shell.\n"),
        "{diff}"
    );
}

/// One sentence per line, two of them edited in place: the breaks did not move, so the lines are shown as lines (a
/// paragraph joined into one cut line hid which sentence each change was in).
#[test]
fn sentences_edited_in_place_on_lines_of_their_own_are_still_shown_as_lines() {
    let mut repo = RepoBuilder::new();
    let one_per_line = "Anyone who wishes to make a contribution may open an issue or a pull request on the project.\nPlease read the style guide first, then the contributing guide, and join the channel of the project.\nThere is also a channel for the translators of the project.";
    repo.write("content/en/a.md", md("A", "", one_per_line));
    repo.write("content/fr/a.md", md("A", "", "Texte."));
    repo.commit("en, fr");
    let edited = one_per_line
        .replace("who wishes to make a contribution", "wishing to contribute")
        .replace("join the channel", "join the chat room");
    repo.write("content/en/a.md", md("A", "", &edited));
    repo.commit("en: wording");
    let diff = repo.stdout(&["diff", "content/fr/a.md"]);
    let changed = diff
        .lines()
        .filter(|l| l.starts_with("  en  - ") || l.starts_with("  en  + "))
        .count();
    assert_eq!(changed, 4, "{diff}");
    assert!(diff.contains("  en  + Please read the style guide first, then the contributing guide, and join the chat room of the project.\n"), "{diff}");
}

/// A word only added to a wrapped paragraph, the rest wrapped again: the `-` side, which has no changed word, was cut
/// from its start, away from the place of the change.
#[test]
fn the_unchanged_side_of_a_rewrapped_paragraph_is_cut_where_the_change_is() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        md("A", "", &format!("# Install\n\n{WRAPPED}")),
    );
    repo.write("content/fr/a.md", md("A", "", "# Installer\n\nTexte."));
    repo.commit("en, fr");
    let longer = "The installer downloads the release archive, checks its signature\nagainst the project's public key, unpacks it into the local cache\nfolder and links the binary into a folder on your PATH, so that the\nnext shell you open finds it without any further configuration.";
    repo.write(
        "content/en/a.md",
        md("A", "", &format!("# Install\n\n{longer}")),
    );
    repo.commit("en: the local cache");
    let diff = repo.stdout(&["diff", "content/fr/a.md"]);
    let removed: Vec<&str> = diff.lines().filter(|l| l.starts_with("  en  - ")).collect();
    assert_eq!(removed.len(), 1, "{diff}");
    assert!(
        removed[0].starts_with("  en  - …") && removed[0].contains("into the cache folder"),
        "{diff}"
    );
}

/// A paragraph written a sentence per line (the glossary's and Kubernetes' style), one sentence changed in English:
/// the note "to update" sat on the French paragraph's first line, four lines above the sentence that says the same
/// thing, and named that first line.
#[test]
fn the_note_on_a_sentence_per_line_paragraph_sat_on_its_first_line() {
    let en = |link: &str| {
        md(
            "Serverless",
            "",
            &format!(
                "Serverless computing hides servers from the user.\nThe provider runs the machines.\nProviders can be public clouds or internal teams.\nThey offer SDKs, CLIs or OCI runtimes{link}, for code and deployment.\nBilling is per use.\n"
            ),
        )
    };
    let fr = md(
        "Serverless",
        "",
        "L'informatique serverless cache les serveurs à l'utilisateur.\nLe fournisseur gère les machines.\nLes fournisseurs peuvent être des clouds publics ou des équipes internes.\nIls proposent des SDK, des CLI ou des runtimes OCI, pour le code et le déploiement.\nLa facturation se fait à l'usage.\n",
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/serverless.md", en(""))
        .write("content/fr/serverless.md", &fr);
    repo.commit("serverless");
    repo.write(
        "content/en/serverless.md",
        en(" and [functions](/function/)"),
    );
    repo.commit("en: functions");
    let line = fr
        .lines()
        .position(|l| l.starts_with("Ils proposent"))
        .unwrap()
        + 1;
    let text = repo.stdout(&["diff", "content/fr/serverless.md"]);
    assert!(
        text.contains(&format!(
            "fr    Ils proposent des SDK, des CLI ou des runtimes OCI, pour le code et le déploiement.   ← to update (line {line})"
        )),
        "{text}"
    );
    // The paragraph is still shown whole, from its first line.
    assert!(
        text.contains("fr    L'informatique serverless cache les serveurs à l'utilisateur.\n"),
        "{text}"
    );
}

/// The French paragraph has fewer lines than the English one (two sentences joined): the sentence that changed is
/// found by what a translation keeps as it is, its link targets, names and numbers, not by its place.
#[test]
fn the_note_found_the_translated_sentence_by_its_links_and_names() {
    let en = |channel: &str| {
        md(
            "Glossary",
            "",
            &format!(
                "Anyone can suggest changes on GitHub.\nPlease follow the [Style Guide](/style-guide/), read [How To Contribute](/contribute/) and join the [{channel}](https://slack.example.org/C02TX20MQBB) channel.\nThere is also a channel for translators.\nThank you.\n"
            ),
        )
    };
    let fr = md(
        "Glossaire",
        "",
        "Toute personne peut proposer des changements sur GitHub.\nSuivez le [Guide de rédaction](/fr/style-guide/), lisez la [documentation de contribution](/fr/contribute/) et rejoignez le canal [#glossary](https://slack.example.org/C02TX20MQBB).\nIl existe aussi un canal pour les traductions. Merci.\n",
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/_index.md", en("#glossary"))
        .write("content/fr/_index.md", &fr);
    repo.commit("glossary");
    repo.write("content/en/_index.md", en("#glossary-en"));
    repo.commit("en: channel renamed");
    let line = fr.lines().position(|l| l.starts_with("Suivez le")).unwrap() + 1;
    let text = repo.stdout(&["diff", "content/fr/_index.md"]);
    assert!(
        text.contains(&format!(
            "(https://slack.example.org/C02TX20MQBB).   ← to update (line {line})"
        )),
        "{text}"
    );
}

/// A link target changed in English and the French sentence already has the new one: "already in the translation"
/// named the paragraph's first line, not the line with the link (a page stale for another change of its section).
#[test]
fn already_in_the_translation_named_the_paragraph_s_first_line() {
    let en = |target: &str| {
        md(
            "Service",
            "",
            &format!(
                "A service has many meanings.\nHere we take the traditional one.\nPeople disagree on the details.\nPlease refer to the [microservices]({target}) definition.\n"
            ),
        )
    };
    let fr = md(
        "Service",
        "",
        "Un service a plusieurs sens.\nNous prenons ici le sens traditionnel.\nLes avis divergent sur les détails.\nPour une définition générale, nous les tenons pour équivalents.\nVoyez la définition des [microservices](/fr/microservices-architecture/).\n",
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/service.md", en("/microservices/"))
        .write("content/fr/service.md", &fr);
    repo.commit("service");
    // And a paragraph added, for which the page is stale.
    let more = format!(
        "{}\nSee also the glossary.\n",
        en("/microservices-architecture/")
    );
    repo.write("content/en/service.md", &more);
    repo.commit("en: link, and a pointer to the glossary");
    let line = fr.lines().position(|l| l.starts_with("Voyez la")).unwrap() + 1;
    let text = repo.stdout(&["diff", "content/fr/service.md"]);
    assert!(
        text.contains(&format!(
            "(/fr/microservices-architecture/).   ← already in the translation (line {line})"
        )),
        "{text}"
    );
}

/// A sentence-per-line paragraph whose changed sentence named what the sentence above it names (glossary,
/// `ingress.md`: "Creating such a Kubernetes Load Balancer Service…" became "But creating such a service…"): the
/// names would point at the line above; the place in a paragraph kept sentence for sentence points at the right one.
/// And a paragraph wrapped at a width in both languages, as many lines by chance: no line for line there; the note
/// goes on the line its changed sentence starts on (the second of two, in both).
#[test]
fn a_sentence_named_like_the_one_above_took_its_note() {
    let (en, fr) = (
        fixture_text("sentence-per-line/en/gateway.md"),
        fixture_text("sentence-per-line/fr/gateway.md"),
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/gateway.md", &en)
        .write("content/fr/gateway.md", &fr);
    repo.commit("gateway");
    repo.write(
        "content/en/gateway.md",
        en.replace(
            "Creating such a Kubernetes Load Balancer Service adds",
            "But creating such a service adds",
        )
        .replace("by a default service", "by a fallback service"),
    );
    repo.commit("en: shorter; fallback");
    let line = |start: &str| fr.lines().position(|l| l.starts_with(start)).unwrap() + 1;
    let text = repo.stdout(&["diff", "content/fr/gateway.md"]);
    assert!(
        text.contains(&format!(
            "fr    La création d'un tel équilibreur ajoute un composant à l'infrastructure sous-jacente.   ← to update (line {})",
            line("La création")
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "fr    paire. Une requête pour un chemin inconnu reçoit la réponse d'un service par défaut,   ← to update (line {})",
            line("paire. Une requête")
        )),
        "{text}"
    );
}

/// Prose wrapped at 80 columns (prettier's `proseWrap: always`, as OpenTelemetry's site does), one sentence of an
/// eight-line paragraph changed and the paragraph wrapped again: "← to update" sat on the translated paragraph's
/// first line, four lines above the sentence to edit. It goes on the line the translated sentence starts on, found by
/// its place among the paragraph's sentences (five in both languages).
#[test]
fn a_wrapped_paragraph_put_its_note_on_its_first_line() {
    let (en, fr) = (
        fixture_text("prettier-wrapped/en/collector.md"),
        fixture_text("prettier-wrapped/fr/collector.md"),
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/collector.md", &en)
        .write("content/fr/docs/collector.md", &fr);
    repo.commit("collector");
    // The changed paragraph wrapped again at 80 columns, as prettier writes it.
    let paragraph = en
        .split("\n\n")
        .find(|p| p.starts_with("The Collector can be deployed"))
        .unwrap();
    let changed = paragraph.replace(
        "when the volume grows",
        "once they run more than ten services",
    );
    repo.write(
        "content/en/docs/collector.md",
        en.replace(paragraph, &wrapped(&changed, 80)),
    );
    repo.commit("en: when to add a gateway");
    let line = |start: &str| fr.lines().position(|l| l.starts_with(start)).unwrap() + 1;
    let text = repo.stdout(&["diff", "content/fr/docs/collector.md"]);
    assert!(
        text.contains(&format!(
            "fr    [Jaeger](https://www.jaegertracing.io/). La plupart des équipes commencent avec   ← to update (line {})",
            line("[Jaeger]")
        )),
        "{text}"
    );
    let text = repo.stdout(&["--ui-lang", "fr", "diff", "content/fr/docs/collector.md"]);
    assert!(
        text.contains(&format!("← à mettre à jour (ligne {})", line("[Jaeger]"))),
        "{text}"
    );
}

/// As many sentences in both paragraphs, but not the same ones (the translator joined two and split another): the
/// sentence at the changed one's place does not keep its link, another does. Nothing says which line: the note stays
/// on the paragraph's first line rather than point at a sentence that says something else.
#[test]
fn sentences_counted_alike_but_not_kept_alike_leave_the_note_on_the_first_line() {
    let en = |grows: &str| {
        md(
            "Collector",
            "",
            &format!(
                "Agents are light and forward data quickly. A gateway batches and filters\nspans. Most teams add a gateway {grows}, as the\n[scaling](/docs/scaling/) guide explains. See the configuration page for the\ndetails.\n"
            ),
        )
    };
    let fr = md(
        "Collecteur",
        "",
        "Les agents sont légers et transmettent vite. Une passerelle regroupe et filtre\nles spans ; la plupart des équipes en ajoutent une quand le volume augmente,\ncomme l'explique le guide de [mise à l'échelle](/fr/docs/scaling/).\nLa page de configuration donne les détails. Elle décrit aussi chaque bloc.\n",
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/collector.md", en("when the volume grows"))
        .write("content/fr/docs/collector.md", &fr);
    repo.commit("collector");
    repo.write("content/en/docs/collector.md", en("past ten services"));
    repo.commit("en: past ten services");
    let line = fr
        .lines()
        .position(|l| l.starts_with("Les agents"))
        .unwrap()
        + 1;
    let text = repo.stdout(&["diff", "content/fr/docs/collector.md"]);
    assert!(
        text.contains(&format!(
            "fr    Les agents sont légers et transmettent vite. Une passerelle regroupe et filtre   ← to update (line {line})"
        )),
        "{text}"
    );
}

/// `text` wrapped at `width` columns, words kept whole: what prettier's `proseWrap: always` writes.
fn wrapped(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines.join("\n")
}

/// A section added to the source, without counterpart: the note said "insert after “Installer le binaire”, line 11",
/// and line 11 is that section's heading — a translator who went to line 11 put the new section inside the one it
/// follows, above its text and code. It names the line to insert in front of (the next heading of the new section's
/// level or higher, a subsection of the one it follows passed over), or the end of the page; a section added right
/// after another added one goes after that one.
#[test]
fn insert_after_named_the_heading_of_the_section_it_follows() {
    let en = |more: &str| {
        md(
            "Install",
            "",
            &format!(
                "## Before you begin\n\nYou need a machine.\n\n## Install the binary\n\nDownload it.\n\n### On Windows\n\nUse the installer.\n{more}\n## Check\n\nRun it.\n"
            ),
        )
    };
    let fr = md(
        "Installer",
        "",
        "## Avant de commencer\n\nIl vous faut une machine.\n\n## Installer le binaire\n\nTéléchargez-le.\n\n### Sous Windows\n\nUtilisez l'installateur.\n\n## Vérifier\n\nLancez-le.\n",
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/install.md", en(""))
        .write("content/fr/install.md", &fr);
    repo.commit("install");
    repo.write(
        "content/en/install.md",
        en("\n## Install with a package manager\n\nRun `brew install lumen`.\n\n## Install from source\n\nRun `make`.\n")
            + "\n## Uninstall\n\nDelete it.\n",
    );
    repo.commit("en: package managers, from source, uninstall");
    let line = |heading: &str| fr.lines().position(|l| l == heading).unwrap() + 1;
    let text = repo.stdout(&["diff", "content/fr/install.md"]);
    assert!(
        text.contains(&format!(
            "  fr    (insert after “Sous Windows”, before line {})\n",
            line("## Vérifier")
        )),
        "{text}"
    );
    assert!(
        text.contains("  fr    (insert after “Vérifier”, at the end of the page)\n"),
        "{text}"
    );
    // Two sections added one after the other: the second goes after the first, not where both would be told (in
    // front of the same line: read one after the other, in the wrong order).
    assert!(
        text.contains("  fr    (insert after “Install with a package manager”, added above)\n"),
        "{text}"
    );
    let text = repo.stdout(&["--ui-lang", "fr", "diff", "content/fr/install.md"]);
    assert!(
        text.contains(&format!(
            "  fr    (à insérer après « Sous Windows », avant la ligne {})\n",
            line("## Vérifier")
        )),
        "{text}"
    );
}

/// Three list items the source added under a paragraph (glossary, `contribute/_index.md`): each said "insert after
/// line 63", and a translator inserting them one at a time after line 63 wrote them in reverse. The first says where;
/// the others go right after the one above.
#[test]
fn blocks_added_one_after_the_other_were_each_to_insert_at_the_same_line() {
    let en = |more: &str| {
        md(
            "Guide",
            "",
            &format!("## Topics\n\nThis guide covers a few topics.\n{more}"),
        )
    };
    let fr = md(
        "Guide",
        "",
        "## Sujets\n\nCe guide couvre quelques sujets.\n",
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", en(""))
        .write("content/fr/guide.md", &fr);
    repo.commit("guide");
    repo.write(
        "content/en/guide.md",
        en("\n1. Locating templates.\n2. Claiming issues.\n3. Fixing spelling.\n"),
    );
    repo.commit("en: the topics");
    let line = fr.lines().position(|l| l.starts_with("Ce guide")).unwrap() + 1;
    let text = repo.stdout(&["diff", "content/fr/guide.md"]);
    assert!(
        text.contains(&format!(
            "  en  + 1. Locating templates.\n  fr    (insert after line {line})\n  en  + 2. Claiming issues.\n  fr    (insert right after the one added above)\n  en  + 3. Fixing spelling.\n  fr    (insert right after the one added above)\n"
        )),
        "{text}"
    );
}

/// A source section that lost the link tying it to its translated counterpart: `diff` matched sections against the
/// source as it is now, so another section took that counterpart, and one translated paragraph was "to update" under
/// two headings while the section it translates read as its own. The translation was made from the old source: a
/// section the old alignment leaves without counterpart has none.
#[test]
fn a_translated_section_was_shown_under_two_source_sections() {
    let mut repo = RepoBuilder::new();
    let en = "## Best practices\n\nPlease use [semantic line breaks](https://sembr.org/) (one line per sentence).\n\n## Join the community\n\nIf you want to help, join our monthly meetings.\nThe details are in the [calendar](https://example.org/calendar/).\nYou can also find us on [Slack](https://slack.example.org/glossary).\n\n## Propose new terms\n\nYou can propose new terms.\n";
    let hi = "## समुदाय में शामिल हों\n\nयदि आप मदद करना चाहते हैं, तो हमारी मासिक बैठकों में शामिल हों। विवरण [कैलेंडर](https://example.org/calendar/) में हैं।\nआप [Slack](https://slack.example.org/glossary-hi) पर भी मिल सकते हैं।\n\n## नए शब्द प्रस्तावित करें\n\nआप नए शब्द प्रस्तावित कर सकते हैं।\n";
    repo.write("content/en/contribute.md", md("Contribute", "", en))
        .write("content/hi/contribute.md", md("योगदान", "", hi));
    repo.commit("pages");
    let now = en
        .replace("https://sembr.org/) (one line per sentence)", "https://sembr.org)")
        .replace(
            "If you want to help, join our monthly meetings.\nThe details are in the [calendar](https://example.org/calendar/).\nYou can also find",
            "Find",
        );
    repo.write("content/en/contribute.md", md("Contribute", "", &now));
    repo.commit("en: shorter");
    let out = repo
        .tandem()
        .args(["diff", "content/hi/contribute.md"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("मासिक बैठकों").count(), 1, "{text}");
    let best = text.find("## Best practices").expect("Best practices");
    let join = text
        .find("## Join the community")
        .expect("Join the community");
    assert!(
        text[best..join].contains("no counterpart in the translation"),
        "{text}"
    );
    assert!(text[join..].contains("मासिक बैठकों"), "{text}");
}
