//! Every stale verdict explained: a change that is only in the front matter is shown as the front-matter section with
//! its keys (old → new) in status, JSON, diff, patch and tasks; a page stale by structure carries its signals.

use crate::support::{RepoBuilder, md, page};

const BODY: &str =
    "# Install\n\nRun the installer, then restart.\n\n## Configure\n\nEdit the file.\n";
const FR: &str = "# Installer\n\nLancez l’installeur, puis redémarrez.\n\n## Configurer\n\nModifiez le fichier.\n";

fn site_with_front_matter_bump() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/guide.md",
        md("Guide", "image: hero-v1.png\nweight: 3\n", BODY),
    )
    .write(
        "content/fr/guide.md",
        md("Guide", "image: hero-v1.png\nweight: 3\n", FR),
    );
    repo.commit("guide in both languages");
    repo.write(
        "content/en/guide.md",
        md("Guide", "image: hero-v2.png\nweight: 3\n", BODY),
    );
    repo.commit("en: new hero image");
    repo
}

#[test]
fn front_matter_only_change_was_invisible() {
    let repo = site_with_front_matter_bump();
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    let sections = p["changed_sections"].as_array().unwrap();
    assert_eq!(sections.len(), 1, "{p:#}");
    assert_eq!(sections[0]["kind"], "front-matter");
    assert_eq!(sections[0]["source"]["id"], "front-matter");
    assert_eq!(
        sections[0]["keys"],
        serde_json::json!([{"key": "image", "old": "hero-v1.png", "new": "hero-v2.png"}])
    );

    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(
        text.contains("changed sections: front matter: image"),
        "{text}"
    );
    let check = String::from_utf8(repo.tandem().arg("check").output().unwrap().stdout).unwrap();
    assert!(check.contains("changed sections: front matter"), "{check}");

    let diff = repo
        .tandem()
        .args(["diff", "content/fr/guide.md"])
        .output()
        .unwrap();
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(diff.contains("front matter"), "{diff}");
    assert!(diff.contains("image: hero-v1.png → hero-v2.png"), "{diff}");
    assert!(!diff.contains("0 of"), "{diff}");

    let patch = repo
        .tandem()
        .args(["diff", "content/fr/guide.md", "--format", "patch"])
        .output()
        .unwrap();
    let patch = String::from_utf8(patch.stdout).unwrap();
    assert!(
        patch.contains("-image: hero-v1.png\n+image: hero-v2.png\n"),
        "{patch}"
    );

    let out = tempfile::tempdir().unwrap();
    repo.tandem()
        .args(["tasks", "--out", out.path().to_str().unwrap()])
        .assert()
        .success();
    let mut tasks = String::new();
    for entry in std::fs::read_dir(out.path()).unwrap() {
        tasks.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    assert!(
        tasks.contains("image: hero-v1.png → hero-v2.png"),
        "{tasks}"
    );
}

#[test]
fn structure_stale_page_carries_its_signals_in_status() {
    let mut repo = RepoBuilder::new();
    // Committed together: history says current, the translation lacks a section the source has.
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "",
            &format!(
                "{BODY}\n## Upgrade\n\nRun `tool upgrade`.\n\n```sh\ntool upgrade --all\n```\n"
            ),
        ),
    )
    .write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("both");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    assert_eq!(p["reason"], "structure", "{p:#}");
    assert!(!p["signals"].as_array().unwrap().is_empty(), "{p:#}");
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(text.contains("what differs now:"), "{text}");
}

#[test]
fn one_commit_changing_both_sides_alike_made_the_page_stale() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "version: 1.2\n", BODY))
        .write("content/fr/guide.md", md("Guide", "version: 1.2\n", FR));
    repo.commit("guide in both languages");
    // One commit sets the same key to the same value on both sides: the translation is not behind.
    repo.write("content/en/guide.md", md("Guide", "version: 1.3\n", BODY))
        .write("content/fr/guide.md", md("Guide", "version: 1.3\n", FR));
    repo.commit("bump the version everywhere");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(
        (p["state"].as_str(), p["reason"].as_str()),
        (Some("current"), Some("mirrored-in-translation")),
        "{p:#}"
    );
    // compare says the same.
    let out = repo
        .tandem()
        .args([
            "compare",
            "content/en/guide.md",
            "content/fr/guide.md",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let compare: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(compare["state"], "current", "{compare:#}");

    // A real change to the source's body in a commit whose translation side only touched the front matter is
    // still drift.
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "version: 1.4\n",
            &BODY.replace("then restart", "then restart twice"),
        ),
    )
    .write("content/fr/guide.md", md("Guide", "version: 1.4\n", FR));
    repo.commit("en: restart twice; bump the version");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
}

#[test]
fn compare_history_line_lost_its_language() {
    // `compare` printed `history: last  commit …`: it knows no language, so it names the translation.
    let repo = site_with_front_matter_bump();
    let out = repo
        .tandem()
        .args(["compare", "content/en/guide.md", "content/fr/guide.md"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("history: last commit of the translation "),
        "{text}"
    );
    assert!(!text.contains("last  commit"), "{text}");
}

#[test]
fn skipped_commits_were_silent() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "", BODY))
        .write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("guide in both languages");
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "",
            &BODY.replace("then restart", "then restart twice"),
        ),
    );
    repo.commit("en: restart twice");
    // A translation commit that only touches a bookkeeping key: not a sync, passed over — and now named.
    repo.write("content/fr/guide.md", md("Guide", "tags: [setup]\n", FR));
    let masking = repo.commit("fr: tag the guide");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    assert_eq!(p["sync"]["skipped_commits"], 1);
    assert_eq!(
        p["sync"]["skipped"],
        serde_json::json!([{
            "commit": masking,
            "subject": "fr: tag the guide",
            "side": "translation",
            "why": "bookkeeping"
        }])
    );
    let short = &masking[..7];
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(
        text.contains(&format!("passed over 1 later translation commit that changed nothing meaningful: {short} “fr: tag the guide”")),
        "{text}"
    );
    let diff = repo
        .tandem()
        .args(["diff", "content/fr/guide.md"])
        .output()
        .unwrap();
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(
        diff.contains(&format!("{short} “fr: tag the guide”")),
        "{diff}"
    );
}

#[test]
fn dates_shown_were_commit_dates_not_the_ones_git_log_shows() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "", BODY))
        .write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("guide in both languages");
    // Authored on 2018-11-09, committed later (a rebase, a cherry-pick): `git log` shows the author date.
    repo.git(&[
        "commit",
        "--amend",
        "-q",
        "--no-edit",
        "--date=@1541721600 +0000",
    ]);
    let shown = repo.git(&["log", "-1", "--format=%ad", "--date=short"]);
    assert_eq!(shown.trim(), "2018-11-09");
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "",
            &BODY.replace("then restart", "then restart twice"),
        ),
    );
    repo.commit("en: restart twice");
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(text.contains("(2018-11-09)"), "{text}");
    let diff = repo
        .tandem()
        .args(["diff", "content/fr/guide.md"])
        .output()
        .unwrap();
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(diff.contains("2018-11-09"), "{diff}");
}

#[test]
fn a_multi_line_front_matter_value_broke_the_key_line() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "", BODY))
        .write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("guide in both languages");
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "banner:\n  content: |\n    Upgrading?\n    Read the notes.\n",
            BODY,
        ),
    );
    repo.commit("en: a banner");
    let diff = repo
        .tandem()
        .args(["diff", "content/fr/guide.md"])
        .output()
        .unwrap();
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(
        diff.contains("  · banner.content: (absent) → Upgrading? Read the notes.\n"),
        "{diff}"
    );
}

/// `compare`'s state and severity for one pair, as JSON.
fn compare_json(repo: &RepoBuilder, source: &str, translation: &str) -> serde_json::Value {
    let out = repo
        .tandem()
        .args(["compare", source, translation, "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)))
}

/// Cause 6: `compare` judged with a pipeline of its own, which did not follow renames: a source renamed since the
/// translation's sync point, its text unchanged, was "created" (stale) for compare and current for status.
#[test]
fn compare_did_not_follow_renames() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/setup.md", md("Setup", "", BODY))
        .write("content/fr/install.md", md("Installation", "", FR));
    repo.commit("setup in both languages");
    repo.git(&["mv", "content/en/setup.md", "content/en/install.md"]);
    repo.commit("en: rename setup to install");
    let status = repo.status_json(&[]);
    let p = page(&status, "content/fr/install.md");
    assert_eq!(p["state"], "current", "{p:#}");
    let compare = compare_json(&repo, "content/en/install.md", "content/fr/install.md");
    assert_eq!(compare["state"], p["state"], "{compare:#}");
}

/// Cause 6: a changed source that cannot be compared section by section (its front matter no longer parses) was
/// `high` in status and `none` in compare.
#[test]
fn compare_gave_an_unparsable_change_no_severity() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "", BODY))
        .write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("guide in both languages");
    repo.write(
        "content/en/guide.md",
        format!("---\ntitle: [Guide\n---\n{BODY}"),
    );
    repo.commit("en: broken front matter");
    let status = repo.status_json(&[]);
    let p = page(&status, "content/fr/guide.md");
    let compare = compare_json(&repo, "content/en/guide.md", "content/fr/guide.md");
    assert_eq!(
        compare["state"], p["state"],
        "status {p:#}\ncompare {compare:#}"
    );
    assert_eq!(
        compare["severity"], p["severity"],
        "status {p:#}\ncompare {compare:#}"
    );
}

/// Under `--strict` bytes decide, and a page stale only by a reformatted paragraph showed no section at all: the
/// explanation is now the sections whose bytes changed, cosmetic ones included.
#[test]
fn strict_stale_page_showed_no_section() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "", BODY))
        .write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("guide in both languages");
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "",
            &BODY.replace("Edit the file.", "Edit  the\nfile."),
        ),
    );
    repo.commit("en: reflow");
    let default = repo.status_json(&[]);
    assert_eq!(page(&default, "content/fr/guide.md")["state"], "current");
    let strict = repo.status_json(&["--strict"]);
    let p = page(&strict, "content/fr/guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    let sections = p["changed_sections"].as_array().unwrap();
    assert_eq!(sections.len(), 1, "{p:#}");
    assert_eq!(sections[0]["change"], "cosmetic", "{p:#}");
    assert_eq!(sections[0]["source"]["id"], "configure", "{p:#}");
}
