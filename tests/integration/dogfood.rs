//! `scripts/dogfood-check.sh`: tandem checks that the project's README.fr.md follows README.md. Tested on a temporary
//! clone of the project, so the project's own `tandem.yaml` is read only there.

use std::path::Path;
use std::process::Command;

const PROJECT: &str = env!("CARGO_MANIFEST_DIR");

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test Author")
        .env("GIT_AUTHOR_EMAIL", "author@example.org")
        .env("GIT_COMMITTER_NAME", "Test Committer")
        .env("GIT_COMMITTER_EMAIL", "committer@example.org")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Runs the script on `clone`; returns (exit code, stdout).
fn dogfood_check(clone: &Path) -> (i32, String) {
    let output = Command::new(Path::new(PROJECT).join("scripts/dogfood-check.sh"))
        .arg(env!("CARGO_BIN_EXE_tandem"))
        .arg(clone)
        .env_remove("TANDEM_UI_LANG")
        .env("LC_ALL", "C")
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("the script runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn dogfood_check_fails_when_readme_changes_alone() {
    let dir = tempfile::tempdir().unwrap();
    let clone = dir.path().join("tandem");
    git(
        dir.path(),
        &["clone", "-q", PROJECT, clone.to_str().unwrap()],
    );
    // The project as committed: README.fr.md follows README.md.
    let (code, stdout) = dogfood_check(&clone);
    assert_eq!(code, 0, "{stdout}");

    // A new paragraph in README.md, and nothing in README.fr.md.
    let readme = clone.join("README.md");
    let mut text = std::fs::read_to_string(&readme).unwrap();
    text.push_str("\n## A new section\n\nWith a paragraph that README.fr.md does not have.\n");
    std::fs::write(&readme, text).unwrap();
    git(&clone, &["commit", "-q", "-am", "README: a new section"]);
    let (code, stdout) = dogfood_check(&clone);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("README.fr.md"), "{stdout}");

    // README.fr.md follows: green again.
    let readme_fr = clone.join("README.fr.md");
    let mut text = std::fs::read_to_string(&readme_fr).unwrap();
    text.push_str(
        "\n## Une nouvelle section\n\nAvec un paragraphe que README.fr.md n'avait pas.\n",
    );
    std::fs::write(&readme_fr, text).unwrap();
    git(
        &clone,
        &["commit", "-q", "-am", "README.fr.md: la nouvelle section"],
    );
    let (code, stdout) = dogfood_check(&clone);
    assert_eq!(code, 0, "{stdout}");
}
