//! `tandem demo`: the newcomer's first command.

use predicates::prelude::*;

use crate::support::tandem_in;

#[test]
fn demo_builds_a_site_with_history_and_shows_its_status() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let output = tandem_in(dir.path())
        .args(["demo", "site"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("Built a demo site with 2 languages and "),
        "{text}"
    );
    for expected in [
        "Stale (",
        "Missing (",
        "Orphaned (",
        "Sources renamed (",
        "git mv content/fr/docs/setup.md content/fr/docs/getting-started.md",
        "⚠ weaker method",
        "Try next:",
        "pinned ",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
    // Real history, clean work tree: git agrees with what was built.
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(&site)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(
        git(&["rev-list", "--count", "HEAD"])
            .trim()
            .parse::<u32>()
            .unwrap()
            >= 10
    );
    assert_eq!(git(&["status", "--porcelain"]), "");
    // The commands it suggests work.
    tandem_in(&site)
        .args(["status", "--lang", "fr", "--format", "json"])
        .assert()
        .success();
}

#[test]
fn demo_reads_well_in_french() {
    let dir = tempfile::tempdir().unwrap();
    tandem_in(dir.path())
        .args(["--ui-lang", "fr", "demo", "site"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Site de démonstration créé avec 2 langues",
        ))
        .stdout(predicate::str::contains("Obsolètes ("))
        .stdout(predicate::str::contains("À essayer ensuite :"));
}

#[test]
fn demo_never_writes_into_a_folder_that_has_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    tandem_in(dir.path())
        .args(["demo", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not empty"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep.txt")).unwrap(),
        "mine"
    );
    assert!(!dir.path().join(".git").exists());
}

#[test]
fn the_demo_suggested_its_next_command_twice_once_without_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let run = |ui: &str, folder: &str| {
        let output = tandem_in(dir.path())
            .args(["--ui-lang", ui, "demo", folder])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let text = run("en", "site");
    // Only the commands with -C, which work from where the demo was run.
    assert_eq!(
        text.matches("diff content/fr/docs/install.md").count(),
        1,
        "{text}"
    );
    assert!(!text.contains("Next: "), "{text}");
    assert!(text.contains("/site --ui-lang fr status"), "{text}");
    // In French, the other language to try is English.
    let text = run("fr", "site-fr");
    assert!(!text.contains("Ensuite : "), "{text}");
    assert!(text.contains("/site-fr --ui-lang en status"), "{text}");
    assert!(!text.contains("--ui-lang fr status"), "{text}");
}
