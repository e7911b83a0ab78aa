//! Which files are pages: regular files in the content folders, not hidden, not ignored by git. A page that is a
//! symbolic link is reported and never read (it could point out of the repository).

use predicates::prelude::*;

use crate::support::{RepoBuilder, each, md, page};

#[test]
fn files_git_ignores_under_a_content_root_are_not_pages() {
    let mut repo = RepoBuilder::new();
    repo.write(".gitignore", "public/\nresources/\n")
        .write("content/en/a.md", md("A", "", "A."))
        .write("content/fr/a.md", md("A", "", "A (fr)."))
        // Build output that a theme or a careless config left under the content folders.
        .write("content/en/public/index.md", md("Built", "", "Built."))
        .write("content/fr/resources/_gen/x.md", md("Gen", "", "Gen."))
        .write("content/en/docs/.gitignore", "draft.md\n")
        .write("content/en/docs/draft.md", md("Draft", "", "Draft."));
    repo.commit("site");
    let json = repo.status_json(&[]);
    let translations = each(&json["pages"], "translation");
    assert_eq!(translations, ["content/fr/a.md"], "{json:#}");
    assert_eq!(page(&json, "content/fr/a.md")["state"], "current");
}

#[cfg(unix)]
#[test]
fn a_symlinked_source_page_is_reported_and_never_read() {
    const SECRET: &str = "SECRET-TOKEN-0f8e7d";
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("credentials.md");
    std::fs::write(&target, format!("---\ntitle: Keys\n---\n\n{SECRET}\n")).unwrap();

    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A."))
        .write("content/fr/a.md", md("A", "", "A (fr)."));
    std::os::unix::fs::symlink(&target, repo.path().join("content/en/leak.md")).unwrap();
    std::os::unix::fs::symlink(outside.path(), repo.path().join("content/en/linked")).unwrap();
    repo.commit("site");

    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/en/leak.md: a symbolic link, not a page: skipped"),
        "{stderr}"
    );
    // Skipped, not paired: no page names it, and nothing is found through the linked folder.
    assert!(!stdout.contains("leak.md"), "{stdout}");
    assert!(!stdout.contains("credentials"), "{stdout}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["pages"].as_array().unwrap().len(), 1, "{json:#}");

    // scaffold refuses it, and writes nothing.
    let before = crate::support::snapshot(repo.path());
    let output = repo
        .tandem()
        .args(["scaffold", "content/en/leak.md", "--lang", "fr"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/en/leak.md is a symbolic link"),
        "{stderr}"
    );
    assert!(!repo.path().join("content/fr/leak.md").exists());
    assert_eq!(crate::support::snapshot(repo.path()), before);
    // Nor through a linked folder.
    repo.tandem()
        .args([
            "scaffold",
            "content/en/linked/credentials.md",
            "--lang",
            "fr",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a symbolic link"));
    assert!(!repo.path().join("content/fr/linked").exists());

    // The secret appears in no output and no file of the repository.
    for args in [
        &["status"][..],
        &["pair"],
        &["check"],
        &["tasks"],
        &["sync", "content/fr", "--dry-run"],
    ] {
        let output = repo.tandem().args(args).output().unwrap();
        for stream in [&output.stdout, &output.stderr] {
            assert!(
                !String::from_utf8_lossy(stream).contains(SECRET),
                "{args:?} printed the target's content"
            );
        }
    }
    for (path, bytes) in crate::support::snapshot(repo.path()) {
        if path.starts_with(repo.path().join("content/en")) {
            continue; // the links themselves (read through by the snapshot)
        }
        assert!(
            !String::from_utf8_lossy(&bytes).contains(SECRET),
            "{} holds the target's content",
            path.display()
        );
    }
}
