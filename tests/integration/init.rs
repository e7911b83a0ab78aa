//! `tandem init`: tandem.yaml written from what was detected (Hugo config, folders, the pin key pages use), with
//! comments; `--yes` without a terminal; the publishing question decides `check.fail_on`; no overwrite without --force.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, snapshot};

fn hugo_site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write(
        "site/hugo.toml",
        "defaultContentLanguage = 'en'\n[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n[languages.no]\ncontentDir = 'content/no'\n",
    )
    .write("site/content/en/a.md", md("A", "", "Alpha."))
    .write("site/content/fr/a.md", md("A", "l10n:\n  sourceCommit: abc1234\n", "Alpha."))
    .write("site/content/no/a.md", md("A", "", "Alfa."));
    repo.commit("site");
    repo
}

fn config(repo: &RepoBuilder, path: &str) -> tandem::site::config::FileConfig {
    tandem::site::config::FileConfig::parse(&repo.read(path), path).expect("tandem.yaml loads")
}

#[test]
fn writes_what_was_detected() {
    let repo = hugo_site();
    crate::support::tandem_in(&repo.path().join("site"))
        .args(["init", "--yes"])
        .assert()
        .success()
        .stdout("wrote site/tandem.yaml: source en, translations fr, no; tandem check fails on every finding except missing-in-pr and mirrored-only (the default); with --publish later, untranslated changes are only warnings\n");
    let text = repo.read("site/tandem.yaml");
    assert!(
        text.contains("# Languages and folders found in the Hugo config.\n"),
        "{text}"
    );
    assert!(
        text.contains("(found: l10n.sourceCommit in 1 page)"),
        "{text}"
    );
    let file = config(&repo, "site/tandem.yaml");
    assert_eq!(file.source.as_deref(), Some("en"));
    assert_eq!(file.languages, Some(vec!["fr".to_owned(), "no".to_owned()]));
    assert_eq!(
        file.content,
        Some(tandem::site::config::Content::Roots(vec![
            "content".to_owned()
        ]))
    );
    assert_eq!(file.pin.unwrap().key.as_deref(), Some("l10n.sourceCommit"));
    // No policy was chosen: none is written, only offered.
    assert!(file.check.is_none(), "{text}");
    assert!(
        text.contains("\n# check: { fail_on: [invalid-pin] }\n"),
        "{text}"
    );
    // The file it wrote is the one tandem reads next.
    crate::support::tandem_in(&repo.path().join("site"))
        .arg("status")
        .assert()
        .success();
}

/// `init --yes` without `--publish` wrote `check: { fail_on: [invalid-pin] }`: on a site whose `tandem check` failed on
/// a stale translation (no config: every finding but `missing-in-pr` fails), the CI maintainer who ran init to make
/// the setup official turned the gate off (glossary: 1,078 failing findings, then none). Now the gate stays as it
/// was; `--publish later` is how a site says its translations catch up later.
#[test]
fn init_without_publish_turned_check_s_gate_off() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha fr."));
    repo.commit("site");
    repo.write("content/en/a.md", md("A", "", "Alpha, changed."));
    repo.commit("the source changes");
    repo.tandem().arg("check").assert().code(1);
    repo.tandem().args(["init", "--yes"]).assert().success();
    repo.tandem().arg("check").assert().code(1);
    repo.tandem()
        .args(["init", "--yes", "--force", "--publish", "later"])
        .assert()
        .success();
    repo.tandem().arg("check").assert().success();
}

#[test]
fn publishing_together_fails_on_every_finding() {
    let repo = hugo_site();
    crate::support::tandem_in(&repo.path().join("site"))
        .args(["--ui-lang", "fr", "init", "--yes", "--publish", "together"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "tandem check échoue à chaque constat",
        ));
    let file = config(&repo, "site/tandem.yaml");
    assert_eq!(
        file.check.unwrap().fail_on.unwrap(),
        [
            "stale-in-pr",
            "missing-in-pr",
            "invalid-pin",
            "missing-pin",
            "orphaned-in-pr",
            "mirrored-only",
            "stale",
            "missing",
            "orphaned",
            "no-sync-point",
            "unreadable"
        ]
    );
    assert!(
        repo.read("site/tandem.yaml")
            .contains("# ui_language: fr\n")
    );
}

#[test]
fn refuses_to_overwrite_and_to_guess_without_a_terminal() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha."));
    repo.commit("site");
    let before = snapshot(repo.path());
    repo.tandem()
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --yes"));
    assert_eq!(snapshot(repo.path()), before);
    repo.tandem().args(["init", "--yes"]).assert().success();
    let text = repo.read("tandem.yaml");
    assert!(
        text.contains("# Languages found as folders of pages.\n"),
        "{text}"
    );
    assert!(
        text.contains("No translation records its source commit yet"),
        "{text}"
    );
    assert_eq!(
        config(&repo, "tandem.yaml").pin.unwrap().key.as_deref(),
        Some("default_lang_commit")
    );
    repo.tandem()
        .args(["init", "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: tandem.yaml already exists — pass --force",
        ));
    assert_eq!(repo.read("tandem.yaml"), text);
    repo.tandem()
        .args(["init", "--yes", "--force", "--publish", "together"])
        .assert()
        .success();
    assert!(repo.read("tandem.yaml").contains("stale-in-pr"));
}
