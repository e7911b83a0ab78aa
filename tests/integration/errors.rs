//! What stops the whole job: one line on stderr with the fix, exit code 2, nothing written.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, snapshot, tandem_in};

fn one_line(stderr: &[u8]) -> String {
    let text = String::from_utf8(stderr.to_vec()).unwrap();
    assert_eq!(text.trim_end().lines().count(), 1, "not one line: {text}");
    text
}

#[test]
fn not_a_repository() {
    let dir = tempfile::tempdir().unwrap();
    let output = tandem_in(dir.path()).arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.starts_with("error: "), "{line}");
    assert!(line.contains("is not inside a git repository"), "{line}");
    assert!(line.contains("-C DIR"), "{line}");
}

#[test]
fn no_language_folders() {
    let mut repo = RepoBuilder::new();
    repo.write("content/docs/a.md", "# A\n");
    repo.commit("one language only");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains("no language folders found under content"),
        "{line}"
    );
}

#[test]
fn unknown_config_key_names_the_nearest_valid_one() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"))
        .write("tandem.yaml", "sourse: en\n");
    repo.commit("site");
    let before = snapshot(repo.path());
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.contains("unknown key sourse in tandem.yaml"), "{line}");
    assert!(line.contains("did you mean source?"), "{line}");
    assert!(before == snapshot(repo.path()));

    repo.write("tandem.yaml", "pin:\n  drift_kee: x\n");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(one_line(&output.stderr).contains("did you mean pin.drift_key?"));

    repo.write("tandem.yaml", "languages: [fr\n");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(one_line(&output.stderr).contains("cannot read tandem.yaml"));
}

#[test]
fn unknown_flag_and_unknown_language() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"));
    repo.commit("site");
    repo.tandem()
        .args(["status", "--no-such-flag"])
        .assert()
        .code(2);
    let output = repo
        .tandem()
        .args(["status", "--lang", "de"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.contains("unknown language de"), "{line}");
    assert!(line.contains("languages found: fr"), "{line}");
}

#[test]
fn history_in_a_shallow_clone_says_how_to_fix_it() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"));
    repo.commit("one");
    repo.write("content/en/a.md", md("A", "", "A 2"));
    repo.commit("two");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    let status = std::process::Command::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(clone.path().join("shallow"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .unwrap();
    assert!(status.success());
    let output = tandem_in(&clone.path().join("shallow"))
        .args(["status", "--mode", "history"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.contains("shallow"), "{line}");
    assert!(line.contains("fetch-depth: 0"), "{line}");
}

#[test]
fn path_outside_the_repository() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"));
    repo.commit("site");
    repo.tandem()
        .args(["status", "../elsewhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is outside the repository"));
}
