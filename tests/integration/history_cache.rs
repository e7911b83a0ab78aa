//! The history cache (`.git/tandem/history.cache`): reused for an unchanged HEAD, brought up to date when HEAD moves
//! forward, rebuilt after history is rewritten or when the file is damaged, foreign or for other content folders —
//! and in every case, the same answers as a run without any cache.

use crate::support::{RepoBuilder, md};

/// en: a, b, c; fr: a pinned, b and c followed through history; then changes on both sides.
fn site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."))
        .write("content/en/docs/c.md", md("C", "", "Gamma."));
    let first = repo.commit("en: first pages");
    repo.write(
        "content/fr/a.md",
        md(
            "A",
            &format!("default_lang_commit: {first}\n"),
            "Alpha (fr).",
        ),
    )
    .write("content/fr/b.md", md("B", "", "Bêta."))
    .write("content/fr/docs/c.md", md("C", "", "Gamma (fr)."));
    repo.commit("fr: translate");
    repo.write("content/en/b.md", md("B", "", "Beta, changed."));
    repo.commit("en: change b");
    repo
}

fn cache_file(repo: &RepoBuilder) -> std::path::PathBuf {
    repo.path().join(".git/tandem/history.cache")
}

/// `status -v` in JSON for `mode`: the report, and the line saying how the cache was used.
fn run(repo: &RepoBuilder, mode: &str) -> (serde_json::Value, String) {
    let output = repo
        .tandem()
        .args(["status", "-v", "--mode", mode, "--format", "json"])
        .output()
        .expect("tandem runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let line = stderr
        .lines()
        .find(|l| l.starts_with("history:"))
        .unwrap_or_else(|| panic!("no history line in {stderr}"))
        .to_owned();
    (serde_json::from_slice(&output.stdout).expect("JSON"), line)
}

/// The answers of a run without any cache (the file is put back afterwards).
fn fresh(repo: &RepoBuilder, mode: &str) -> serde_json::Value {
    let saved = std::fs::read(cache_file(repo)).ok();
    let _ = std::fs::remove_file(cache_file(repo));
    let (json, line) = run(repo, mode);
    assert!(line.contains("read from the repository"), "{line}");
    match saved {
        Some(bytes) => std::fs::write(cache_file(repo), bytes).unwrap(),
        None => {
            let _ = std::fs::remove_file(cache_file(repo));
        }
    }
    json
}

/// Both modes agree with a run without cache, and say how the cache was used.
fn check_both_modes(repo: &RepoBuilder, expected_line: &str) {
    for mode in ["history", "pin", "auto"] {
        let expected = fresh(repo, mode);
        let (json, line) = run(repo, mode);
        assert_eq!(json, expected, "--mode {mode} with the cache");
        if mode == "history" {
            assert!(line.contains(expected_line), "{line}");
        }
    }
}

#[test]
fn an_unchanged_head_is_answered_from_the_cache() {
    let repo = site();
    assert!(!cache_file(&repo).exists());
    let (first, line) = run(&repo, "history");
    assert!(line.contains("read from the repository"), "{line}");
    assert!(cache_file(&repo).exists());
    let bytes = std::fs::read(cache_file(&repo)).unwrap();
    let (second, line) = run(&repo, "history");
    assert!(line.contains("answered from the cache"), "{line}");
    assert_eq!(first, second);
    // Nothing new was learnt: the file is not rewritten.
    assert_eq!(bytes, std::fs::read(cache_file(&repo)).unwrap());
    assert_eq!(
        second["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["translation"] == "content/fr/b.md")
            .unwrap()["commits_behind"],
        1
    );
}

#[test]
fn new_commits_are_added_to_the_cache() {
    let mut repo = site();
    run(&repo, "history");
    repo.write("content/en/a.md", md("A", "", "Alpha, changed."))
        .write("content/fr/b.md", md("B", "", "Bêta, à jour."));
    repo.commit("en: change a; fr: update b");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("content/en/docs/c.md", md("C", "", "Gamma, on a branch."));
    repo.commit("en: change c on a branch");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("layouts/x.html", "<p>not content</p>");
    repo.commit("layout");
    repo.merge("side", &[]);
    let (_, line) = run(&repo, "history");
    assert!(line.contains("up to date with 4 new commits"), "{line}");
    check_both_modes(&repo, "answered from the cache");
}

#[test]
fn rewritten_history_rebuilds_the_cache() {
    let mut repo = site();
    run(&repo, "history");
    // Amend the last commit: the cached HEAD is no longer in HEAD's history.
    repo.write("content/en/b.md", md("B", "", "Beta, changed differently."));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--amend", "-m", "en: change b (amended)"]);
    let (_, line) = run(&repo, "history");
    assert!(line.contains("read from the repository"), "{line}");
    check_both_modes(&repo, "answered from the cache");

    // Back to an older commit: also rebuilt, not trusted.
    repo.commit("one more");
    run(&repo, "history");
    repo.git(&["reset", "-q", "--hard", "HEAD~2"]);
    let (_, line) = run(&repo, "history");
    assert!(line.contains("read from the repository"), "{line}");
    check_both_modes(&repo, "answered from the cache");
}

#[test]
fn a_damaged_or_foreign_cache_is_rebuilt_silently() {
    let repo = site();
    let (expected, _) = run(&repo, "history");
    let good = std::fs::read(cache_file(&repo)).unwrap();

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x01;
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("a flipped bit", flipped),
        ("a truncated file", good[..good.len() / 3].to_vec()),
        ("an empty file", Vec::new()),
        ("text", b"not a cache at all\n".to_vec()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(cache_file(&repo), bytes).unwrap();
        let output = repo
            .tandem()
            .args(["status", "-v", "--mode", "history", "--format", "json"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{what}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("read from the repository") && !stderr.contains("warning"),
            "{what}: {stderr}"
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json, expected, "{what}");
        // The file was replaced by a good one.
        let (_, line) = run(&repo, "history");
        assert!(line.contains("answered from the cache"), "{what}: {line}");
    }

    // A cache from another repository: a different HEAD that is not in this history.
    let other = site_with_other_history();
    run(&other, "history");
    std::fs::copy(cache_file(&other), cache_file(&repo)).unwrap();
    let (json, line) = run(&repo, "history");
    assert!(line.contains("read from the repository"), "{line}");
    assert_eq!(json, expected);
}

fn site_with_other_history() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Another site."))
        .write("content/fr/a.md", md("A", "", "Un autre site."));
    repo.commit("other");
    repo
}

#[test]
fn other_content_folders_rebuild_the_cache() {
    let mut repo = site();
    repo.write("other/en/x.md", md("X", "", "Ex."))
        .write("other/fr/x.md", md("X", "", "Ixe."));
    repo.commit("a second content folder");
    run(&repo, "history");
    let (_, line) = run(&repo, "history");
    assert!(line.contains("answered from the cache"), "{line}");
    // The config names other content folders: the cache was made for the old ones.
    repo.write("tandem.yaml", "content: [other]\n");
    let (json, line) = run(&repo, "history");
    assert!(line.contains("read from the repository"), "{line}");
    assert_eq!(json["pages"].as_array().unwrap().len(), 1);
    assert_eq!(json, fresh(&repo, "history"));
}
