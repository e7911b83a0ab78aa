//! `--rev REV` on status, diff, tasks and check: pages and front matter come from that commit's tree, and REV replaces
//! HEAD (history, `head` in JSON, the pull-request range).

use crate::support::{RepoBuilder, md, tandem_in};

const EN: &str =
    "Intro.\n\n## Before you begin\n\nYou need version 1.28.\n\n## Usage\n\nRun `lumen`.\n";
const FR: &str = "Intro.\n\n## Avant de commencer\n\nIl faut la version 1.28.\n\n## Utilisation\n\nLancez `lumen`.\n";

/// Three commits: en+fr in step; en a changed and b added (R); fr a updated and c added. Then uncommitted edits.
fn history() -> (RepoBuilder, String) {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/a.md", md("A", &pin, FR));
    repo.commit("fr");
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")))
        .write("content/en/b.md", md("B", "", EN));
    let rev = repo.commit("en: a, b");
    repo.write(
        "content/fr/a.md",
        md(
            "A",
            &format!("default_lang_commit: {rev}\n"),
            &FR.replace("1.28", "1.31"),
        ),
    )
    .write(
        "content/fr/b.md",
        md("B", &format!("default_lang_commit: {rev}\n"), FR),
    )
    .write("content/en/c.md", md("C", "", EN));
    repo.commit("fr: a, b; en: c");
    repo.write("content/en/d.md", md("D", "", EN))
        .write("content/fr/a.md", "---\ntitle: [\n---\n");
    (repo, rev)
}

fn json_of(command: &mut assert_cmd::Command) -> serde_json::Value {
    let output = command.output().unwrap();
    assert_ne!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn status_at_rev_equals_status_in_a_worktree_of_rev() {
    let (repo, rev) = history();
    let worktree = tempfile::tempdir().unwrap();
    let wt = worktree.path().join("wt");
    repo.git(&[
        "worktree",
        "add",
        "-q",
        "--detach",
        &wt.to_string_lossy(),
        &rev,
    ]);
    for args in [
        vec!["status", "--format", "json"],
        vec!["status", "--format", "json", "--mode", "pin"],
        vec!["status", "--format", "json", "--strict"],
    ] {
        let there = json_of(tandem_in(&wt).args(&args));
        let here = json_of(repo.tandem().args(&args).args(["--rev", &rev]));
        assert_eq!(here, there, "{args:?}");
        assert_eq!(here["head"], rev.as_str());
    }
    // Without --rev the work tree is read: it differs (d.md, the broken fr/a.md).
    let now = json_of(repo.tandem().args(["status", "--format", "json"]));
    assert_ne!(
        now["pages"],
        json_of(tandem_in(&wt).args(["status", "--format", "json"]))["pages"]
    );
    // A short revision, and `-C` into a folder, work too.
    let short = &rev[..8];
    let here = json_of(repo.tandem().args([
        "-C", "content", "status", "--format", "json", "--rev", short,
    ]));
    assert_eq!(here["head"], rev.as_str());
}

#[test]
fn check_diff_and_tasks_at_rev() {
    let (repo, rev) = history();
    // The pull-request range is merge-base(main~2, REV)..REV: en a changed, its translation not.
    let check = json_of(repo.tandem().args([
        "check", "--base", "HEAD~2", "--rev", &rev, "--format", "json",
    ]));
    assert_eq!(check["head"], rev.as_str());
    let kinds: Vec<(&str, &str)> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap(),
                f["translation"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(kinds, vec![("stale-in-pr", "content/fr/a.md")]);
    // At HEAD the same range includes the translation's update.
    let check = json_of(
        repo.tandem()
            .args(["check", "--base", "HEAD~2", "--format", "json"]),
    );
    assert!(
        check["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["translation"] != "content/fr/a.md" || f["kind"] != "stale-in-pr"),
        "{check:#}"
    );
    // diff shows the change as of REV.
    let output = repo
        .tandem()
        .args(["diff", "content/fr/a.md", "--rev", &rev])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("1.31"), "{text}");
    // tasks: at REV, a is to update and b to translate.
    let output = repo
        .tandem()
        .args(["tasks", "--missing", "--format", "github", "--rev", &rev])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("[fr] Update content/fr/a.md"), "{text}");
    assert!(text.contains("[fr] Translate content/en/b.md"), "{text}");
}

#[test]
fn status_at_rev_left_its_snapshot_folder_in_the_temporary_directory() {
    let (repo, rev) = history();
    let tmp = tempfile::tempdir().unwrap();
    for command in [
        vec!["status", "--rev", &rev],
        vec!["status", "--format", "json", "--rev", &rev],
        vec!["diff", "content/fr/a.md", "--rev", &rev],
        vec!["tasks", "--missing", "--format", "github", "--rev", &rev],
        vec!["check", "--base", "HEAD~2", "--rev", &rev],
    ] {
        let output = repo
            .tandem()
            .env("TMPDIR", tmp.path())
            .args(&command)
            .output()
            .unwrap();
        assert_ne!(output.status.code(), Some(2), "{command:?}");
        let left: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "{command:?} left {left:?}");
    }
}
