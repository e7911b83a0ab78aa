//! Clones that lack part of the history: shallow clones (CI's default) and partial clones (`--filter=blob:none`).
//! What can be answered is answered; what cannot says so, page by page, or — when history itself is needed — stops
//! with the fix.

use std::path::{Path, PathBuf};

use crate::support::{RepoBuilder, md, page, tandem_in};

/// `git clone <args> file://<origin> <dir>/clone`, with no user or system config.
fn clone(origin: &Path, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("clone");
    let url = format!("file://{}", origin.display());
    let output = std::process::Command::new("git")
        .arg("clone")
        .arg("-q")
        .args(args)
        .arg(&url)
        .arg(&target)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git clone: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (dir, target)
}

fn status_json(dir: &Path, args: &[&str]) -> (serde_json::Value, String) {
    let output = tandem_in(dir)
        .arg("status")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "status {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        serde_json::from_slice(&output.stdout).unwrap(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Twelve commits in a line; the translations, committed last, are pinned at c8 (a, b), c3 (d) and c1 (c).
/// A clone with `--depth 11` holds c3..c13, c3 being the boundary.
fn long_site() -> (RepoBuilder, Vec<String>) {
    let mut repo = RepoBuilder::new();
    let mut commits = Vec::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."))
        .write("content/en/c.md", md("C", "", "Gamma."))
        .write("content/en/d.md", md("D", "", "Delta."));
    commits.push(repo.commit("c1"));
    for i in 2..=12 {
        if i == 10 || i == 11 {
            repo.write("content/en/b.md", md("B", "", &format!("Beta {i}.")));
        } else {
            repo.write("layouts/page.html", format!("<p>{i}</p>"));
        }
        commits.push(repo.commit(&format!("c{i}")));
    }
    let pin = |c: usize| format!("default_lang_commit: {}\n", commits[c - 1]);
    repo.write("content/fr/a.md", md("A", &pin(8), "Alpha (fr)."))
        .write("content/fr/b.md", md("B", &pin(8), "Bêta."))
        .write("content/fr/c.md", md("C", &pin(1), "Gamma (fr)."))
        .write("content/fr/d.md", md("D", &pin(3), "Delta (fr)."));
    commits.push(repo.commit("c13: fr"));
    (repo, commits)
}

#[test]
fn pins_in_a_shallow_clone() {
    let (repo, _) = long_site();
    let (full, _) = status_json(repo.path(), &["--mode", "pin"]);
    let (_dir, shallow) = clone(repo.path(), &["--depth", "11"]);

    let (json, stderr) = status_json(&shallow, &["--mode", "pin"]);
    // Inside the fetched history: the same answers as the full clone.
    for translation in ["content/fr/a.md", "content/fr/b.md"] {
        assert_eq!(
            page(&json, translation),
            page(&full, translation),
            "{translation}"
        );
    }
    assert_eq!(page(&json, "content/fr/a.md")["state"], "current");
    assert_eq!(page(&json, "content/fr/b.md")["state"], "stale");
    assert_eq!(page(&json, "content/fr/b.md")["commits_behind"], 2);
    // Pinned at the boundary commit: the verdict is known, the count would need the history beyond it.
    let d = page(&json, "content/fr/d.md");
    assert_eq!(d["state"], "current");
    assert_eq!(d["commits_behind"], serde_json::Value::Null);
    assert_eq!(page(&full, "content/fr/d.md")["commits_behind"], 0);
    // Beyond the boundary.
    let c = page(&json, "content/fr/c.md");
    assert_eq!(c["state"], "unknown");
    assert_eq!(c["reason"], "pin-beyond-shallow-boundary");
    assert_eq!(c["commits_behind"], serde_json::Value::Null);
    assert!(
        stderr.contains("content/fr/c.md") && stderr.contains("fetch-depth: 0"),
        "{stderr}"
    );

    // Auto mode needs no history here (every translation has a pin).
    let (auto, _) = status_json(&shallow, &[]);
    assert_eq!(page(&auto, "content/fr/b.md")["commits_behind"], 2);
}

#[test]
fn history_in_a_shallow_clone_stops_with_the_fix() {
    let (repo, _) = long_site();
    let (_dir, shallow) = clone(repo.path(), &["--depth", "11"]);
    for args in [
        &["--mode", "history"][..],
        &["--mode", "history", "--strict"],
    ] {
        let output = tandem_in(&shallow)
            .arg("status")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("fetch-depth: 0"), "{stderr}");
    }
    // Auto mode with a translation that has no pin needs history too.
    std::fs::write(
        shallow.join("content/fr/e.md"),
        md("E", "", "Sans épingle."),
    )
    .unwrap();
    std::fs::write(shallow.join("content/en/e.md"), md("E", "", "No pin.")).unwrap();
    std::process::Command::new("git")
        .args(["add", "-A"])
        .current_dir(&shallow)
        .status()
        .unwrap();
    let committed = std::process::Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(["commit", "-q", "-m", "e"])
        .current_dir(&shallow)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(committed.success());
    tandem_in(&shallow)
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("fetch-depth: 0"));
    // Pin mode still answers: the page without a pin is unknown.
    let (json, _) = status_json(&shallow, &["--mode", "pin"]);
    assert_eq!(page(&json, "content/fr/e.md")["reason"], "no-pin");
}

#[test]
fn a_missing_blob_makes_one_page_unknown() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    let first = repo.commit("en");
    let pin = format!("default_lang_commit: {first}\n");
    repo.write("content/fr/a.md", md("A", &pin, "Alpha (fr)."))
        .write("content/fr/b.md", md("B", &pin, "Bêta."));
    repo.commit("fr");
    repo.write("content/en/b.md", md("B", "", "Beta, with a new sentence."));
    repo.commit("en: change b");
    repo.git(&["config", "uploadpack.allowFilter", "true"]);
    let (_dir, partial) = clone(repo.path(), &["--filter=blob:none"]);

    // b's source at the pin is not in this clone: the cosmetic filter cannot read it.
    let (json, stderr) = status_json(&partial, &["--mode", "pin"]);
    let b = page(&json, "content/fr/b.md");
    assert_eq!(b["state"], "unknown");
    assert_eq!(b["reason"], "missing-blob");
    assert!(stderr.contains("content/en/b.md"), "{stderr}");
    // The other page is still answered, and byte verdicts need no blob at all.
    assert_eq!(page(&json, "content/fr/a.md")["state"], "current");
    let (strict, _) = status_json(&partial, &["--mode", "pin", "--strict"]);
    assert_eq!(page(&strict, "content/fr/b.md")["state"], "stale");
    assert_eq!(page(&strict, "content/fr/b.md")["commits_behind"], 1);
    let (history, _) = status_json(&partial, &["--mode", "history", "--strict"]);
    assert_eq!(page(&history, "content/fr/b.md")["state"], "stale");
    assert_eq!(page(&history, "content/fr/a.md")["state"], "current");
}

#[test]
fn deepening_a_shallow_clone_rebuilds_the_cache() {
    let (repo, _) = long_site();
    let (full, _) = status_json(repo.path(), &["--mode", "pin"]);
    let (_dir, shallow) = clone(repo.path(), &["--depth", "11"]);
    let (before, _) = status_json(&shallow, &["--mode", "pin", "-v"]);
    assert_eq!(
        page(&before, "content/fr/d.md")["commits_behind"],
        serde_json::Value::Null
    );
    // Same HEAD, more history: the cache's graph (with its boundary) no longer fits.
    let fetched = std::process::Command::new("git")
        .args(["fetch", "-q", "--unshallow"])
        .current_dir(&shallow)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(fetched.success());
    let (after, stderr) = status_json(&shallow, &["--mode", "pin", "-v"]);
    assert!(stderr.contains("read from the repository"), "{stderr}");
    for translation in [
        "content/fr/a.md",
        "content/fr/b.md",
        "content/fr/c.md",
        "content/fr/d.md",
    ] {
        assert_eq!(
            page(&after, translation),
            page(&full, translation),
            "{translation}"
        );
    }
    let (history, _) = status_json(&shallow, &["--mode", "history"]);
    assert_eq!(page(&history, "content/fr/b.md")["state"], "current");
}

#[test]
fn an_unknown_base_in_a_shallow_clone_did_not_say_the_clone_was_shallow() {
    // What actions/checkout fetches by default: one commit of one branch, no origin/main.
    let (repo, commits) = long_site();
    repo.git(&["checkout", "-q", "-b", "pr"]);
    let (_dir, shallow) = clone(
        repo.path(),
        &["--depth", "1", "--single-branch", "--branch", "pr"],
    );
    for base in ["origin/main", "main", "HEAD^1", commits[5].as_str()] {
        let output = tandem_in(&shallow)
            .args(["check", "--base", base])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{base}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("unknown revision {base} in this shallow clone")),
            "{stderr}"
        );
        assert!(stderr.contains("git fetch --unshallow"), "{stderr}");
        assert!(stderr.contains("fetch-depth: 0"), "{stderr}");
    }
}

/// `check` on a shallow clone (a push workflow with actions/checkout's default depth) reported a pin older than the
/// clone's history as an invalid pin, "run tandem sync", exit 1: the pin is valid, the clone too short to tell, and
/// following the advice would have rewritten it. The gate stops with the fetch to make, exit 2, as it does where
/// history is needed.
#[test]
fn check_on_a_shallow_clone_called_a_valid_pin_invalid() {
    let (repo, _) = long_site();
    let (_dir, shallow) = clone(repo.path(), &["--depth", "11"]);
    for format in ["text", "github"] {
        let output = tandem_in(&shallow)
            .args(["check", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("fetch-depth: 0"), "{stderr}");
        assert!(
            !String::from_utf8_lossy(&output.stdout).contains("tandem sync"),
            "{output:?}"
        );
    }
    // The full clone has nothing invalid.
    let output = tandem_in(repo.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["kind"] != "invalid-pin"),
        "{json:#}"
    );
}
