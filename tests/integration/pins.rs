//! Pins that cannot be used, and pages that cannot be read: each makes its page `unknown` with a reason and a
//! warning naming the file and line; the other pages are still answered.

use std::collections::HashMap;
use std::io::Write;
use std::process::Stdio;

use crate::support::{RepoBuilder, md, page};

fn site() -> (RepoBuilder, String) {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."))
        .write("content/en/c.md", md("C", "", "Gamma."))
        .write("content/en/d.md", md("D", "", "Delta."));
    let c1 = repo.commit("en");
    (repo, c1)
}

/// Runs status and returns (JSON, stderr).
fn status(repo: &RepoBuilder) -> (serde_json::Value, String) {
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        serde_json::from_slice(&output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn pin_not_found_and_not_ancestor() {
    let (mut repo, c1) = site();
    repo.git(&["checkout", "-q", "-b", "elsewhere"]);
    repo.write("content/en/a.md", md("A", "", "Alpha on a branch."));
    let elsewhere = repo.commit("unmerged work");
    repo.git(&["checkout", "-q", "main"]);
    repo.write(
        "content/fr/a.md",
        md("A", "default_lang_commit: deadbeefdeadbeef\n", "Alpha."),
    )
    .write(
        "content/fr/b.md",
        md("B", &format!("default_lang_commit: {elsewhere}\n"), "Bêta."),
    )
    .write(
        "content/fr/c.md",
        md("C", "default_lang_commit: not-a-hash\n", "Gamma."),
    )
    .write(
        "content/fr/d.md",
        md("D", &format!("default_lang_commit: {c1}\n"), "Delta."),
    );
    repo.commit("fr");
    let (json, stderr) = status(&repo);
    assert_eq!(page(&json, "content/fr/a.md")["state"], "unknown");
    assert_eq!(page(&json, "content/fr/a.md")["reason"], "pin-not-found");
    assert_eq!(page(&json, "content/fr/b.md")["reason"], "pin-not-ancestor");
    assert_eq!(page(&json, "content/fr/c.md")["reason"], "pin-not-found");
    assert_eq!(page(&json, "content/fr/d.md")["state"], "current");
    assert_eq!(
        page(&json, "content/fr/a.md")["sync"],
        serde_json::Value::Null
    );
    assert!(
        stderr.contains(
            "warning: content/fr/a.md:3: default_lang_commit: deadbeefdeadbeef names no commit"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("content/fr/b.md:3:"), "{stderr}");
    assert!(stderr.contains("is not in the history of HEAD"), "{stderr}");
    // -q keeps stderr quiet.
    let output = repo.tandem().args(["-q", "status"]).output().unwrap();
    assert!(output.stderr.is_empty());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Unknown (3):"), "{text}");
    assert!(
        text.contains("content/fr/a.md — pin deadbeefdeadbeef names no commit"),
        "{text}"
    );
    // `diff` and `compare` name the pin too: they said "pin  names no commit".
    let diff = repo.stdout(&["diff", "content/fr/a.md"]);
    assert!(
        diff.contains("pin deadbeefdeadbeef names no commit"),
        "{diff}"
    );
    let compare = repo.stdout(&["compare", "content/en/a.md", "content/fr/a.md"]);
    assert!(
        compare.contains("pin deadbeefdeadbeef names no commit"),
        "{compare}"
    );
}

#[test]
fn pin_ambiguous() {
    let (mut repo, _) = site();
    // Make enough commits (off HEAD's history) that two of them share a 4-digit prefix.
    let mut stream = String::new();
    for i in 0..1500 {
        stream.push_str(&format!(
            "commit refs/heads/junk\ncommitter J <j@example.org> {} +0000\ndata <<EOM\njunk {i}\nEOM\n\n",
            1_700_000_000 + i
        ));
    }
    let mut child = std::process::Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(repo.path())
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for id in repo.git(&["rev-list", "refs/heads/junk"]).lines() {
        *seen.entry(id[..4].to_owned()).or_default() += 1;
    }
    let prefix = seen
        .into_iter()
        .find(|(_, n)| *n > 1)
        .map(|(p, _)| p)
        .expect("a shared prefix among 1500 commits");
    // git agrees that it is ambiguous.
    assert_ne!(
        repo.git_status(&[
            "rev-parse",
            "--verify",
            "-q",
            &format!("{prefix}^{{commit}}")
        ])
        .0,
        0
    );
    repo.write(
        "content/fr/a.md",
        md("A", &format!("default_lang_commit: {prefix}\n"), "Alpha."),
    );
    repo.commit("fr");
    let (json, stderr) = status(&repo);
    assert_eq!(page(&json, "content/fr/a.md")["state"], "unknown");
    assert_eq!(page(&json, "content/fr/a.md")["reason"], "pin-ambiguous");
    assert!(stderr.contains("is ambiguous"), "{stderr}");
}

#[test]
fn abbreviated_pins_resolve() {
    let (mut repo, c1) = site();
    repo.write(
        "content/fr/a.md",
        md(
            "A",
            &format!("default_lang_commit: {}\n", &c1[..7]),
            "Alpha.",
        ),
    )
    .write(
        "content/fr/b.md",
        md(
            "B",
            &format!("default_lang_commit: \"{}\"\n", c1.to_uppercase()),
            "Bêta.",
        ),
    )
    .write(
        "content/fr/c.md",
        md(
            "C",
            &format!("l10n:\n  sourceCommit: {}\n", &c1[..12]),
            "Gamma.",
        ),
    );
    repo.commit("fr");
    let (json, stderr) = status(&repo);
    assert!(stderr.is_empty(), "{stderr}");
    for name in ["a", "b", "c"] {
        let p = page(&json, &format!("content/fr/{name}.md"));
        assert_eq!(p["state"], "current", "{p:#}");
        assert_eq!(p["sync"]["commit"], c1);
    }
}

#[test]
fn broken_front_matter_and_unreadable_pages() {
    let (mut repo, c1) = site();
    repo.write(
        "content/fr/a.md",
        "---\ntitle: A\ntags: [un, deux\n---\n\nAlpha.\n",
    )
    .write("content/fr/b.md", "---\ntitle: B\n\nNo closing fence.\n")
    .write(
        "content/fr/c.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00binary".as_slice(),
    )
    .write(
        "content/fr/d.md",
        b"---\ntitle: D\n---\n\nD\xe9j\xe0 vu en Latin-1.\n".as_slice(),
    )
    .write("content/en/e.md", md("E", "", "Epsilon."))
    .write(
        "content/fr/e.md",
        md("E", &format!("default_lang_commit: {c1}\n"), "Epsilon."),
    );
    repo.commit("fr: mixed bag");
    let (json, stderr) = status(&repo);
    assert_eq!(page(&json, "content/fr/a.md")["reason"], "bad-front-matter");
    assert_eq!(page(&json, "content/fr/b.md")["reason"], "bad-front-matter");
    assert_eq!(page(&json, "content/fr/c.md")["reason"], "unreadable");
    assert_eq!(page(&json, "content/fr/d.md")["reason"], "unreadable");
    // e.md is only created in this commit, after the pin: it is still answered.
    assert_eq!(page(&json, "content/fr/e.md")["state"], "stale");
    for (file, line) in [("a.md", ":3:"), ("b.md", ":1:"), ("d.md", ":5:")] {
        assert!(
            stderr.contains(&format!("warning: content/fr/{file}{line}")),
            "{file}{line} in {stderr}"
        );
    }
    assert!(
        stderr.contains("warning: content/fr/c.md: the file is binary"),
        "{stderr}"
    );
    // In history mode nothing in the file is needed, so nothing is unknown.
    let json = repo.status_json(&["--mode", "history"]);
    assert_eq!(page(&json, "content/fr/a.md")["state"], "current");
}

/// `pin: {key: title}` in tandem.yaml was taken: `status` warned that every title "names no commit", and `tandem sync`
/// wrote commit ids over the translated titles. A pin key that the page's content uses (translated or mirrored) or
/// that names no key is a config error.
#[test]
fn a_pin_key_naming_the_title_had_sync_write_over_it() {
    for (key, said) in [
        (
            "title",
            "pin.key in tandem.yaml: title is part of the page's content (a translated key)",
        ),
        (
            "weight",
            "pin.key in tandem.yaml: weight is part of the page's content (a mirrored key)",
        ),
        ("\"\"", "pin.key in tandem.yaml: \"\" is no key name"),
    ] {
        let mut repo = RepoBuilder::new();
        repo.write("hugo.yaml", "defaultContentLanguage: en\n")
            .write("tandem.yaml", format!("pin: {{key: {key}}}\n"))
            .write("content/en/a.md", md("A", "weight: 2\n", "Alpha."))
            .write("content/fr/a.md", md("A fr", "weight: 2\n", "Alpha (fr)."));
        repo.commit("pages");
        let before = crate::support::snapshot(repo.path());
        let output = repo
            .tandem()
            .args(["sync", "content/fr/a.md"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(said), "{key}: {stderr}");
        assert_eq!(crate::support::snapshot(repo.path()), before);
    }
}
