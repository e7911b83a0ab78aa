//! Every stale verdict explained: a change that is only in the front matter is shown as the front-matter section with
//! its keys (old → new) in status, JSON, diff, patch and tasks; a page stale by structure carries its signals.

use crate::support::{RepoBuilder, md, page, skipped_title_case_site};

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
        serde_json::json!([{"key": "image", "class": "mirrored", "old": "hero-v1.png", "new": "hero-v2.png"}])
    );
    // An image path is copied, not translated.
    assert_eq!(p["reason"], "mirrored-only", "{p:#}");
    assert_eq!(p["severity"], "low", "{p:#}");

    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(
        text.contains("changed sections: front matter: image"),
        "{text}"
    );
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.contains("changed sections: front matter: image"),
        "{markdown}"
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

/// The guide committed in both languages at once (history says current), the translation without the section the
/// source has at its end: stale by structure.
fn structure_stale_site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
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
    repo
}

/// A page stale by structure, its source unchanged since the sync point, was listed among the stale pages as "0
/// commits behind" (9 such pages on a glossary site): the count contradicted the verdict.
#[test]
fn a_structure_stale_page_was_zero_commits_behind() {
    let repo = structure_stale_site();
    let text = repo.stdout(&["status"]);
    assert!(!text.contains("0 commits behind"), "{text}");
    assert!(
        text.contains("content/fr/guide.md   source unchanged   "),
        "{text}"
    );
    let fr = repo.stdout(&["--ui-lang", "fr", "status"]);
    assert!(
        fr.contains("content/fr/guide.md   source inchangée   "),
        "{fr}"
    );
    // The JSON keeps the count.
    assert_eq!(
        page(&repo.status_json(&[]), "content/fr/guide.md")["commits_behind"],
        0
    );
}

/// A source changed in the work tree and not committed yet: the page is stale with its changed sections, and it said
/// "source unchanged" beside them.
#[test]
fn an_uncommitted_source_change_was_called_source_unchanged() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Install the tool."))
        .write("content/fr/a.md", md("A", "", "Installez l'outil."));
    repo.commit("site");
    repo.write("content/en/a.md", md("A", "", "Install the tool first."));
    let text = repo.stdout(&["status"]);
    assert!(!text.contains("source unchanged"), "{text}");
    assert!(
        text.contains("content/fr/a.md   source changed, not committed   "),
        "{text}"
    );
}

#[test]
fn structure_stale_page_carries_its_signals_in_status() {
    let repo = structure_stale_site();
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    assert_eq!(p["reason"], "structure", "{p:#}");
    assert!(!p["signals"].as_array().unwrap().is_empty(), "{p:#}");
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(text.contains("what differs now:"), "{text}");
    // The Markdown report's "why" column gave only the sync point.
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.contains("what differs now: “Upgrade” has no counterpart in the translation"),
        "{markdown}"
    );
    // The dashboard lists them too (it said only "tandem compare shows what").
    let html = repo.stdout(&["status", "--format", "html"]);
    assert!(
        html.contains("“Upgrade” has no counterpart in the translation"),
        "{html}"
    );
}

/// `tandem check` called a translation stale by structure one whose source "changed since this translation was last in
/// step" (it had not) and said nothing of what differs, in text, annotations and JSON.
#[test]
fn check_said_the_source_changed_for_a_translation_stale_by_structure() {
    let repo = structure_stale_site();
    let run = |args: &[&str]| {
        let mut all = vec!["check"];
        all.extend(args);
        let out = repo.tandem().args(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for text in [
        run(&[]),
        run(&["--format", "github"]),
        run(&["--format", "junit"]),
    ] {
        assert!(!text.contains("changed since"), "{text}");
        assert!(
            text.contains("content/fr/guide.md does not match content/en/guide.md"),
            "{text}"
        );
        // On its own line in text; a sentence of its own in annotations and JUnit ("What differs now:").
        assert!(
            text.contains("what differs now:") || text.contains(". What differs now:"),
            "{text}"
        );
        assert!(
            text.contains("“Upgrade” has no counterpart in the translation"),
            "{text}"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["reason"], "structure", "{json:#}");
    assert!(
        !finding["signals"].as_array().unwrap().is_empty(),
        "{json:#}"
    );
}

/// The task of a translation stale by structure said its source "changed since … : 0 commits, 2 sections", and
/// labelled each structure signal "modified".
#[test]
fn task_of_a_structure_stale_page_said_the_source_changed() {
    let repo = structure_stale_site();
    let task = repo.task("fr-update-guide.md");
    assert!(
        task.contains("content/en/guide.md did not change, but the translation does not match it"),
        "{task}"
    );
    assert!(!task.contains("changed since"), "{task}");
    assert!(
        task.contains("- [ ] “Upgrade” has no counterpart in the translation"),
        "{task}"
    );
    assert!(!task.contains("modified"), "{task}");
}

/// `tandem diff` on a page stale by structure printed `0 of 3 sections changed` and sent the reader to `compare`;
/// `--format patch` printed nothing. Each now shows the signals themselves.
#[test]
fn diff_of_a_structure_stale_page_only_pointed_to_compare() {
    let repo = structure_stale_site();
    let run = |args: &[&str]| {
        let mut all = vec!["diff", "content/fr/guide.md"];
        all.extend(args);
        String::from_utf8(repo.tandem().args(&all).output().unwrap().stdout).unwrap()
    };
    let text = run(&[]);
    assert!(
        text.contains("what differs between it and the translation now:"),
        "{text}"
    );
    assert!(
        text.contains("“Upgrade” has no counterpart in the translation"),
        "{text}"
    );
    assert!(!text.contains("tandem compare shows what"), "{text}");
    let patch = run(&["--format", "patch"]);
    assert!(
        patch.contains("“Upgrade” has no counterpart in the translation"),
        "{patch}"
    );
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let signals = json["signals"].as_array().unwrap();
    assert!(
        signals
            .iter()
            .any(|s| s["source_section"]["id"] == "upgrade"),
        "{json:#}"
    );
    // In French too.
    let fr = String::from_utf8(
        repo.tandem()
            .env("TANDEM_UI_LANG", "fr")
            .args(["diff", "content/fr/guide.md"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(fr.contains("ce qui diffère aujourd’hui"), "{fr}");
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

/// The guide in both languages, then changed in English, then a French commit that only touches a bookkeeping key (not
/// a sync: passed over). Returns the repository and that commit.
fn site_with_a_commit_passed_over() -> (RepoBuilder, String) {
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
    repo.write("content/fr/guide.md", md("Guide", "tags: [setup]\n", FR));
    let passed = repo.commit("fr: tag the guide");
    (repo, passed)
}

#[test]
fn skipped_commits_were_silent() {
    // A translation commit that only touches a bookkeeping key: not a sync, passed over — and now named.
    let (repo, masking) = site_with_a_commit_passed_over();
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
            "why": "bookkeeping",
            "keys": ["tags"]
        }])
    );
    // Named with the key it changed (it said "changed nothing meaningful" of a commit that tagged the page), on a
    // cached run too, in both languages.
    assert_eq!(
        repo.status_json(&[])["pages"][0]["sync"]["skipped"][0]["keys"],
        serde_json::json!(["tags"])
    );
    let short = &masking[..7];
    let text = repo.stdout(&["status"]);
    assert!(
        text.contains(&format!("passed over 1 later translation commit: {short} “fr: tag the guide” (changed only tags, not a key to translate (front_matter.translated))")),
        "{text}"
    );
    let text = repo.stdout(&["status", "--ui-lang", "fr"]);
    assert!(
        text.contains(&format!(
            "{short} « fr: tag the guide » (ne change que la clé tags, qui n’est pas à traduire (front_matter.translated))"
        )),
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

/// A page in both languages with `weight`, `version` and `tags`; `version` is mirrored by `tandem.yaml`.
fn site_with_mirrored_version() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write(
        "tandem.yaml",
        "front_matter:\n  mirrored: [weight, version, tags]\n",
    )
    .write(
        "content/en/guide.md",
        md("Guide", "version: 1.2\nweight: 3\ntags: [setup]\n", BODY),
    )
    .write(
        "content/fr/guide.md",
        md(
            "Guide",
            "version: 1.2 # copied\nweight: 3\ntags: [setup]\n",
            FR,
        ),
    );
    repo.commit("guide in both languages");
    repo
}

#[test]
fn own_key_change_made_the_page_stale() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "slug: install\n", BODY))
        .write("content/fr/guide.md", md("Guide", "slug: installer\n", FR));
    repo.commit("guide in both languages");
    // The source's own URL changed (`Slug`: keys are read whatever their case): nothing for the translation.
    repo.write("content/en/guide.md", md("Guide", "Slug: setup\n", BODY));
    repo.commit("en: new slug");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(
        (p["state"].as_str(), p["reason"].as_str()),
        (Some("current"), Some("cosmetic-only")),
        "{p:#}"
    );
    // With a real change alongside, the own key is still never listed.
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "slug: setup-2\nimage: new.png\n",
            &BODY.replace("then restart", "then restart twice"),
        ),
    );
    repo.commit("en: restart twice, new slug");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    assert_eq!(p["reason"], "source-changed", "{p:#}");
    let keys: Vec<String> = p["changed_sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["keys"].as_array().cloned().unwrap_or_default())
        .map(|k| k["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(keys, ["image"], "{p:#}");
    // The translation changing its own slug is not a new sync either: the page stays stale.
    repo.write(
        "content/fr/guide.md",
        md("Guide", "slug: mise-en-place\n", FR),
    );
    repo.commit("fr: new slug");
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "content/fr/guide.md")["state"], "stale");
}

#[test]
fn json_class_field_named_each_key() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "weight: 3\n", BODY))
        .write("content/fr/guide.md", md("Guide", "weight: 3\n", FR));
    repo.commit("guide in both languages");
    repo.write(
        "content/en/guide.md",
        md("Setup guide", "weight: 4\n", BODY),
    );
    repo.commit("en: new title, new weight");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    // A translated key among the changes: work for a translator, not only values to copy.
    assert_eq!(p["reason"], "source-changed", "{p:#}");
    assert_eq!(p["severity"], "high", "{p:#}");
    assert_eq!(
        p["changed_sections"][0]["keys"],
        serde_json::json!([
            {"key": "title", "class": "translated", "old": "Guide", "new": "Setup guide"},
            {"key": "weight", "class": "mirrored", "old": "3", "new": "4"},
        ]),
        "{p:#}"
    );
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(
        text.contains("front matter: title, weight (mirrored)"),
        "{text}"
    );
    let diff = repo
        .tandem()
        .args(["diff", "content/fr/guide.md"])
        .output()
        .unwrap();
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(diff.contains("· weight: 3 → 4 (mirrored)\n"), "{diff}");
    assert!(diff.contains("· title: Guide → Setup guide\n"), "{diff}");
}

#[test]
fn version_bump_in_a_mirrored_key_needed_a_translator() {
    let mut repo = site_with_mirrored_version();
    repo.write(
        "content/en/guide.md",
        md("Guide", "version: 1.3\nweight: 3\ntags: [setup]\n", BODY),
    );
    let bump = repo.commit("en: version 1.3");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(
        (
            p["state"].as_str(),
            p["reason"].as_str(),
            p["severity"].as_str()
        ),
        (Some("stale"), Some("mirrored-only"), Some("low")),
        "{p:#}"
    );
    assert_eq!(
        p["changed_sections"][0]["keys"],
        serde_json::json!([{"key": "version", "class": "mirrored", "old": "1.2", "new": "1.3"}])
    );

    // The next step status suggests is to copy the values, not to review a diff.
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(
        text.contains("Next: tandem sync --mirrored content/fr/guide.md"),
        "{text}"
    );

    // The dashboard and the Markdown report too (they named no next step).
    let html = repo.stdout(&["status", "--format", "html"]);
    assert!(html.contains("<td data-next=\"mirrored\">"), "{html}");
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.contains("\nNext: `tandem sync --mirrored content/fr/guide.md`\n"),
        "{markdown}"
    );

    // Its task says so too.
    let out = tempfile::tempdir().unwrap();
    repo.tandem()
        .args(["tasks", "--out", out.path().to_str().unwrap()])
        .assert()
        .success();
    let task = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(
        task.contains("Nothing to translate: `tandem sync --mirrored content/fr/guide.md`"),
        "{task}"
    );

    // check warns about it, and fails on it only where asked.
    let check = repo.tandem().arg("check").output().unwrap();
    let text = String::from_utf8(check.stdout).unwrap();
    assert_eq!(check.status.code(), Some(0), "{text}");
    assert!(
        text.contains("! mirrored-only  content/fr/guide.md"),
        "{text}"
    );
    // The advice says what `sync --mirrored` does: copy them, lists over several lines too (it refused those once,
    // and the advice said so).
    assert!(
        text.contains("copy them with tandem sync --mirrored content/fr/guide.md."),
        "{text}"
    );
    assert!(
        text.contains("tandem sync --mirrored content/fr/guide.md"),
        "{text}"
    );
    repo.tandem()
        .args(["check", "--fail-on", "stale,mirrored-only"])
        .assert()
        .code(1);

    // Nothing is copied without the flag; with it, only the value's line changes and the pin is added.
    let before = repo.read("content/fr/guide.md");
    repo.tandem()
        .args(["sync", "--mirrored", "--dry-run"])
        .assert()
        .success();
    assert_eq!(repo.read("content/fr/guide.md"), before);
    repo.tandem()
        .args(["sync", "--mirrored"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "content/fr/guide.md: version set to 1.3, as in the source\n",
        ));
    let after = repo.read("content/fr/guide.md");
    assert_eq!(
        after,
        before
            .replace("version: 1.2 # copied\n", "version: 1.3 # copied\n")
            .replace(
                "tags: [setup]\n",
                &format!("tags: [setup]\ndefault_lang_commit: {bump}\n")
            ),
        "{after}"
    );
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["state"], "current", "{p:#}");
    repo.tandem().arg("check").assert().success();
}

/// `sync --mirrored` refused every list: a new tag in a one-line list (`tags: [setup, upgrade]`, a glossary's every
/// page) left the page "a value to copy" that nothing would copy. A list both pages write on one line is copied as the
/// source writes it; one written over several lines is still left to a person.
#[test]
fn sync_mirrored_refused_a_one_line_list() {
    let mut repo = site_with_mirrored_version();
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "version: 1.3\nweight: 3\ntags: [setup, \"upgrade\"]\n",
            BODY,
        ),
    );
    let bump = repo.commit("en: version 1.3, a new tag");
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, "content/fr/guide.md")["reason"],
        "mirrored-only"
    );
    let before = repo.read("content/fr/guide.md");
    repo.tandem()
        .args(["sync", "--mirrored"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "content/fr/guide.md: tags set to [setup, upgrade], as in the source\n",
        ));
    let after = repo.read("content/fr/guide.md");
    assert_eq!(
        after,
        before
            .replace("version: 1.2 # copied\n", "version: 1.3 # copied\n")
            .replace(
                "tags: [setup]\n",
                &format!("tags: [setup, \"upgrade\"]\ndefault_lang_commit: {bump}\n")
            ),
        "{after}"
    );
    assert_eq!(
        page(&repo.status_json(&[]), "content/fr/guide.md")["state"],
        "current"
    );
}

/// `sync --mirrored` left every list written over several lines to a person (`tags:` then `- setup` lines, the way
/// Docusaurus and Eleventy sites write tags and authors): "values to copy" that nothing copied. The source's lines now
/// replace the translation's, whichever way either writes the list; a comment of the translation's in them would be
/// lost, so that page is left as it is, with a warning that says why.
#[test]
fn sync_mirrored_refused_a_list_written_over_several_lines() {
    let mut repo = site_with_mirrored_version();
    let tags = "tags:\n  - setup # first\n  - upgrade\n";
    repo.write(
        "content/en/guide.md",
        md("Guide", &format!("version: 1.3\nweight: 3\n{tags}"), BODY),
    );
    let bump = repo.commit("en: version 1.3, a new tag");
    let before = repo.read("content/fr/guide.md");
    let out = repo.tandem().args(["sync", "--mirrored"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    // Nothing refused (the site's first pin is said, nothing else).
    assert!(
        stderr
            .lines()
            .all(|l| l.contains("first pinned fr translation")),
        "{stderr}"
    );
    let after = repo.read("content/fr/guide.md");
    assert_eq!(
        after,
        before
            .replace("version: 1.2 # copied\n", "version: 1.3 # copied\n")
            .replace(
                "tags: [setup]\n",
                &format!("{tags}default_lang_commit: {bump}\n")
            ),
        "{after}"
    );
    assert_eq!(
        page(&repo.status_json(&[]), "content/fr/guide.md")["state"],
        "current"
    );

    // Both over several lines: the source gains a tag; the translation's lines are replaced, the key after them kept.
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            &format!("version: 1.3\nweight: 3\n{tags}  - admin\n"),
            BODY,
        ),
    );
    repo.commit("en: one more tag");
    repo.tandem()
        .args(["sync", "--mirrored"])
        .assert()
        .success();
    let synced = repo.read("content/fr/guide.md");
    assert!(
        synced.contains(&format!("{tags}  - admin\ndefault_lang_commit: ")),
        "{synced}"
    );

    // The translation's lines hold a comment of its own: a copy would lose it; left as it is, and said why.
    repo.write(
        "content/fr/guide.md",
        synced.replace("  - admin\n", "  - admin # à relire\n"),
    );
    repo.commit("fr: a note on a tag");
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            &format!("version: 1.3\nweight: 3\n{tags}  - admin\n  - security\n"),
            BODY,
        ),
    );
    repo.commit("en: a security tag");
    let before = repo.read("content/fr/guide.md");
    let out = repo.tandem().args(["sync", "--mirrored"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("a comment its source’s do not, which a copy would lose"),
        "{stderr}"
    );
    assert_eq!(repo.read("content/fr/guide.md"), before);
}

/// The shape of a Docusaurus blog: `authors` and `tags` written one item per line, in the post and its French
/// translation under `i18n/`. A tag added to the English post makes the French one stale for a mirrored key only, and
/// `sync --mirrored` copies the new list and pins, leaving the French text alone.
#[test]
fn sync_mirrored_copies_a_docusaurus_posts_tags_written_one_per_line() {
    let mut repo = RepoBuilder::from_fixture("docusaurus-block-tags");
    let post = "blog/2025-03-10-offline-first.md";
    let french = "i18n/fr/docusaurus-plugin-content-blog/2025-03-10-offline-first.md";
    repo.write(
        post,
        repo.read(post)
            .replace("  - mobile\n", "  - mobile\n  - conflicts\n"),
    );
    let tagged = repo.commit("blog: tag the offline-first post");
    let json = repo.status_json(&[]);
    let p = page(&json, french);
    assert_eq!(p["reason"], "mirrored-only", "{p:#}");
    let before = repo.read(french);
    let out = repo.stdout(&["sync", "--mirrored"]);
    assert!(
        out.contains(&format!(
            "{french}: tags set to [sync, mobile, conflicts], as in the source"
        )),
        "{out}"
    );
    assert_eq!(
        repo.read(french),
        before.replace(
            "  - mobile\n---\n",
            &format!("  - mobile\n  - conflicts\ndefault_lang_commit: {tagged}\n---\n")
        )
    );
    assert_eq!(page(&repo.status_json(&[]), french)["state"], "current");
}

#[test]
fn scaffold_translatable_is_read_as_translated_keys() {
    let mut repo = RepoBuilder::new();
    // `image` is mirrored by default; this site translates it (a localized screenshot).
    repo.write("tandem.yaml", "scaffold:\n  translatable: [title, image]\n")
        .write("content/en/guide.md", md("Guide", "image: a.png\n", BODY))
        .write("content/fr/guide.md", md("Guide", "image: a-fr.png\n", FR));
    repo.commit("guide in both languages");
    repo.write("content/en/guide.md", md("Guide", "image: b.png\n", BODY));
    repo.commit("en: new screenshot");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["reason"], "source-changed", "{p:#}");
    assert_eq!(p["severity"], "high", "{p:#}");
    assert_eq!(p["changed_sections"][0]["keys"][0]["class"], "translated");
    // A key in two lists is refused.
    repo.write(
        "tandem.yaml",
        "front_matter:\n  translated: [title]\n  mirrored: [Title]\n",
    );
    repo.tandem()
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "title is in both translated and mirrored",
        ));
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

/// Under `--strict` a source created since the sync point (the translation was committed first) is stale with no
/// section compared, there being no version of it at the sync point: its stale line showed nothing under it, in the
/// terminal and in Markdown. Its reason is its explanation.
#[test]
fn strict_stale_created_source_showed_nothing_under_its_line() {
    let mut repo = RepoBuilder::new();
    repo.write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("fr: the guide first");
    repo.write("content/en/guide.md", md("Guide", "", BODY));
    repo.commit("en: the guide");
    let strict = repo.status_json(&["--strict"]);
    let p = page(&strict, "content/fr/guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    assert_eq!(p["reason"], "source-created", "{p:#}");
    let why = "the source did not exist yet at the sync point";
    let text = repo.stdout(&["status", "--strict"]);
    let line = text
        .lines()
        .position(|line| line.contains("content/fr/guide.md"))
        .expect("the page is listed");
    assert!(
        text.lines()
            .nth(line + 1)
            .is_some_and(|next| next.contains(why)),
        "{text}"
    );
    let markdown = repo.stdout(&["status", "--strict", "--format", "markdown"]);
    assert!(markdown.contains(why), "{markdown}");
}

/// Under `--strict` a group's sources are compared section by section by the thread that reads their versions, while
/// the group before is judged: each page keeps the sections of its own source. 150 sources in two languages (more
/// pairs than one group holds), each with one section of its own reflowed (cosmetic, shown only under `--strict`) or
/// rewritten, in commits that change many sources at once.
#[test]
fn strict_sections_compared_ahead_are_each_page_s_own() {
    let mut repo = RepoBuilder::new();
    let body = |n: usize, second: &str| {
        format!(
            "# Page {n}\n\nThe opening of page {n}.\n\n## Part {n} a\n\nFirst part of page {n}.\n\n## Part {n} b\n\n\
             {second}\n"
        )
    };
    let second = |n: usize| format!("Second part of page {n}.");
    for n in 0..150 {
        repo.write(
            &format!("content/en/p{n}.md"),
            md("Page", "", &body(n, &second(n))),
        );
        for lang in ["fr", "de"] {
            repo.write(
                &format!("content/{lang}/p{n}.md"),
                md("Page", "", &body(n, &second(n))),
            );
        }
    }
    repo.commit("pages in three languages");
    for n in 0..150 {
        let changed = match n % 3 {
            // Reflowed: the same words on two lines.
            0 => second(n).replace(" of ", "\nof "),
            1 => format!("Second part of page {n}, rewritten."),
            _ => continue,
        };
        repo.write(
            &format!("content/en/p{n}.md"),
            md("Page", "", &body(n, &changed)),
        );
        if n % 10 == 9 {
            repo.commit(&format!("en: pages up to {n}"));
        }
    }
    repo.commit("en: the last pages");
    let strict = repo.status_json(&["--strict"]);
    for n in 0..150 {
        for lang in ["fr", "de"] {
            let p = page(&strict, &format!("content/{lang}/p{n}.md"));
            if n % 3 == 2 {
                assert_eq!(p["state"], "current", "{p:#}");
                continue;
            }
            assert_eq!(p["state"], "stale", "{p:#}");
            let sections = p["changed_sections"].as_array().unwrap();
            assert_eq!(sections.len(), 1, "{p:#}");
            assert_eq!(sections[0]["source"]["id"], format!("part-{n}-b"), "{p:#}");
            let change = if n % 3 == 0 { "cosmetic" } else { "modified" };
            assert_eq!(sections[0]["change"], change, "{p:#}");
        }
    }
}

/// A pull request that only bumps a mirrored value was `stale-in-pr` (failing) while `status` and repository-mode
/// `check` call the same change `mirrored-only`: the pull-request gate now asks the same judge.
#[test]
fn pr_mode_called_a_mirrored_value_bump_stale_in_pr() {
    let mut repo = site_with_mirrored_version();
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.write(
        "content/en/guide.md",
        md("Guide", "version: 1.3\nweight: 3\ntags: [setup]\n", BODY),
    );
    repo.commit("en: version 1.3");
    let out = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{json:#}");
    let finding = &json["findings"][0];
    assert_eq!(finding["kind"], "mirrored-only", "{json:#}");
    assert_eq!(finding["fails"], false, "{json:#}");
    repo.tandem()
        .args(["check", "--base", "main", "--fail-on", "mirrored-only"])
        .assert()
        .code(1);
}

/// The HTML report named a front-matter change "(before the first heading)": it now says what the terminal says,
/// the keys, mirrored ones marked.
#[test]
fn html_report_named_the_front_matter_as_the_text_before_the_first_heading() {
    let mut repo = site_with_mirrored_version();
    repo.write(
        "content/en/guide.md",
        md("Guide", "version: 1.3\nweight: 3\ntags: [setup]\n", BODY),
    );
    repo.commit("en: version 1.3");
    let out = repo
        .tandem()
        .args(["status", "--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("<li class=\"sev-low\">front matter: version (mirrored)</li>"),
        "{}",
        &html[html.find("changes").unwrap_or(0)..][..400.min(html.len())]
    );
}

/// Runs tandem with `args` in `lang` and checks that its output names the section before the first heading as
/// `named` says, never quoted like a heading.
fn assert_preamble_named(repo: &RepoBuilder, args: &[&str], lang: &str, named: &str) {
    let out = repo
        .tandem()
        .args(args)
        .args(["--ui-lang", lang])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(named), "{args:?} in {lang}: {text}");
    assert!(
        !text.contains("“(") && !text.contains("« ("),
        "{args:?} in {lang}: the section without a heading is named, not quoted: {text}"
    );
}

#[test]
fn text_before_the_first_heading_was_quoted_like_a_heading() {
    const INTRO: &str = "An introduction before any heading.\n\n## Install\n\nRun the installer.\n";
    const FR_INTRO: &str =
        "Une introduction avant tout titre.\n\n## Installer\n\nLancez l’installeur.\n";
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "", INTRO))
        .write("content/fr/guide.md", md("Guide", "", FR_INTRO));
    repo.commit("guide in both languages");
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "",
            &INTRO.replace("An introduction", "A longer introduction, rewritten,"),
        ),
    );
    repo.commit("en: rewrite the introduction");
    assert_preamble_named(&repo, &["status"], "en", "(before the first heading) (");
    assert_preamble_named(&repo, &["status"], "fr", "(avant le premier titre) (");
    // A section with a heading is still quoted.
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "",
            &INTRO.replace(
                "Run the installer.",
                "Run the installer twice, then check the log.",
            ),
        ),
    );
    repo.commit("en: install twice");
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(text.contains("“Install” ("), "{text}");
}

#[test]
fn structure_signal_quoted_the_text_before_the_first_heading() {
    const EN: &str = "Run these first.\n\n```sh\nlumen init\n```\n\n```sh\nlumen start\n```\n\n## Usage\n\nRun it.\n";
    const FR: &str =
        "Lancez d’abord ceci.\n\n```sh\nlumen init\n```\n\n## Utilisation\n\nLancez-le.\n";
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "", EN))
        .write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("guide in both languages");
    let compare = ["compare", "content/en/guide.md", "content/fr/guide.md"];
    for (lang, named) in [
        ("en", "(before the first heading): "),
        ("fr", "(avant le premier titre) : "),
    ] {
        assert_preamble_named(&repo, &["status"], lang, named);
        assert_preamble_named(&repo, &compare, lang, named);
    }
}

#[test]
fn status_listed_every_missing_link_of_a_section_on_one_line() {
    // Glossary's home page: ten contributors' profile links missing from a translation filled one status line.
    let mut repo = structure_stale_site();
    let people: Vec<String> = (1..=6)
        .map(|n| format!("[person {n}](https://people.example.org/{n}/)"))
        .collect();
    repo.write(
        "content/en/thanks.md",
        md(
            "Thanks",
            "",
            &format!(
                "## Thanks\n\nThanks to {}.\n\n```sh\nthanks --all\n```\n",
                people.join(", ")
            ),
        ),
    )
    .write(
        "content/fr/thanks.md",
        md(
            "Merci",
            "",
            "## Merci\n\nMerci à toutes et à tous.\n\nEt aux autres.\n",
        ),
    );
    repo.commit("thanks");
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("link targets missing"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("https://people.example.org/3/, 3 more"),
        "{line}"
    );
    assert!(!line.contains("https://people.example.org/4/"), "{line}");
    // compare lists them all.
    let compare = repo.stdout(&["compare", "content/en/thanks.md", "content/fr/thanks.md"]);
    assert!(
        compare.contains("https://people.example.org/6/"),
        "{compare}"
    );
}

/// A site whose translations translate their tags (a glossary: `tags: ["fundamental"]` → `tags: ["fondamental"]`):
/// `tags` is mirrored by default, so a new English tag was "mirrored-only", severity low, a value to copy; copied, it
/// would have put an English tag on the French page. What the translation did with the key now decides where
/// `tandem.yaml` does not: a value of its own makes the key translated for that page, the source's value copied makes
/// a key in no list mirrored.
#[test]
fn translated_tags_were_called_mirrored_values_to_copy() {
    let mut repo = RepoBuilder::new();
    let en = |tags: &str| {
        md(
            "Cache",
            &format!("tags: [{tags}]\nstatus: Completed\n"),
            BODY,
        )
    };
    repo.write("content/en/cache.md", en("fundamental"))
        .write(
            "content/fr/cache.md",
            md("Cache", "tags: [fondamental]\nstatus: Completed\n", FR),
        )
        .write("content/en/queue.md", en("fundamental"))
        .write(
            "content/fr/queue.md",
            md("File", "tags: [fundamental]\nstatus: Completed\n", FR),
        );
    repo.commit("cache and queue");
    repo.write("content/en/cache.md", en("fundamental, architecture"))
        .write("content/en/queue.md", en("fundamental, architecture"));
    repo.commit("en: one more tag");
    let json = repo.status_json(&[]);
    // Tags of its own: a tag to translate.
    let cache = page(&json, "content/fr/cache.md");
    assert_eq!(cache["state"], "stale", "{cache:#}");
    assert_eq!(cache["reason"], "source-changed", "{cache:#}");
    assert_eq!(cache["severity"], "high", "{cache:#}");
    assert_eq!(
        cache["changed_sections"][0]["keys"][0]["class"],
        "translated"
    );
    // The English tags copied: still a value to copy.
    let queue = page(&json, "content/fr/queue.md");
    assert_eq!(queue["reason"], "mirrored-only", "{queue:#}");
    assert_eq!(queue["changed_sections"][0]["keys"][0]["class"], "mirrored");
    // A key in no list, the source's value copied (`status`): mirrored.
    repo.write(
        "content/fr/cache.md",
        md(
            "Cache",
            "tags: [fondamental, architecture]\nstatus: Completed\n",
            &FR.replace("puis redémarrez", "puis redémarrez la machine"),
        ),
    );
    repo.commit("fr: the new tag");
    repo.write(
        "content/en/cache.md",
        md(
            "Cache",
            "tags: [fundamental, architecture]\nstatus: Draft\n",
            BODY,
        ),
    );
    repo.commit("en: back to draft");
    let json = repo.status_json(&[]);
    let cache = page(&json, "content/fr/cache.md");
    assert_eq!(cache["reason"], "mirrored-only", "{cache:#}");
    assert_eq!(
        cache["changed_sections"][0]["keys"],
        serde_json::json!([{"key": "status", "class": "mirrored", "old": "Completed", "new": "Draft"}])
    );
    // What tandem.yaml names stands, whatever the page did.
    repo.write("tandem.yaml", "front_matter:\n  translated: [status]\n");
    let json = repo.status_json(&[]);
    let cache = page(&json, "content/fr/cache.md");
    assert_eq!(cache["reason"], "source-changed", "{cache:#}");
    assert_eq!(
        cache["changed_sections"][0]["keys"][0]["class"],
        "translated"
    );
}

/// A glossary's English terms gained tags; weeks later one commit translated the tags of every French term. The walk
/// back over translation commits passes over changes to keys the lists do not call translated (`tags` is mirrored by
/// default), so the tags stayed "to update" on every page, stale for work that was done.
#[test]
fn tags_translated_after_the_source_gained_them_stayed_to_update() {
    let en = |tags: &str, body: &str| md("Cache", &format!("tags: [{tags}]\n"), body);
    let fr = |tags: &str| md("Cache", &format!("tags: [{tags}]\n"), FR);
    let site = |body_changed_first: bool| {
        let mut repo = RepoBuilder::new();
        repo.write("content/en/cache.md", en("fundamental", BODY))
            .write("content/fr/cache.md", fr("fondamental"));
        repo.commit("cache");
        let body = if body_changed_first {
            BODY.replace("restart.", "restart the machine.")
        } else {
            BODY.to_owned()
        };
        repo.write(
            "content/en/cache.md",
            en("fundamental, architecture", &body),
        );
        repo.commit("en: tags for every term");
        repo.write(
            "content/fr/cache.md",
            fr("fondamental, architecture logicielle"),
        );
        repo.commit("fr: translate the tags of every term");
        repo
    };
    let repo = site(false);
    for run in ["first", "cached"] {
        let json = repo.status_json(&[]);
        let cache = page(&json, "content/fr/cache.md");
        assert_eq!(cache["state"], "current", "{run}: {cache:#}");
        assert_eq!(
            cache["reason"], "already-in-translation",
            "{run}: {cache:#}"
        );
        let key = &cache["changed_sections"][0]["keys"][0];
        assert_eq!(key["key"], "tags", "{cache:#}");
        assert_eq!(key["in_translation"], true, "{cache:#}");
    }
    let text = repo.stdout(&["diff", "content/fr/cache.md"]);
    assert!(text.contains("is current"), "{text}");

    // The body changed before the tags were translated: the tags are done, the body is not.
    let repo = site(true);
    let json = repo.status_json(&[]);
    let cache = page(&json, "content/fr/cache.md");
    assert_eq!(cache["state"], "stale", "{cache:#}");
    let sections = cache["changed_sections"].as_array().unwrap();
    assert_eq!(sections[0]["kind"], "front-matter", "{cache:#}");
    assert_eq!(sections[0]["in_translation"], true, "{cache:#}");
    assert_eq!(sections[1]["kind"], "body", "{cache:#}");
    let text = repo.stdout(&["diff", "content/fr/cache.md"]);
    assert!(
        text.contains("← already in the translation (line 3): changed there after the source"),
        "{text}"
    );
    assert!(text.contains("← to update"), "{text}");

    // The source's tags changed again after the translation's: to update.
    let mut repo = site(false);
    repo.write(
        "content/en/cache.md",
        en("fundamental, architecture, memory", BODY),
    );
    repo.commit("en: one more tag");
    let json = repo.status_json(&[]);
    let cache = page(&json, "content/fr/cache.md");
    assert_eq!(cache["state"], "stale", "{cache:#}");
    assert!(
        cache["changed_sections"][0]["keys"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k.get("in_translation").is_none()),
        "{cache:#}"
    );
}

/// The commit that translated the tags was named "changed nothing meaningful" among the translation commits passed
/// over, while the tags it set were shown as already in the translation: it now says which keys it set, in text (both
/// languages) and JSON, on a first run and a cached one.
#[test]
fn a_commit_that_translated_the_tags_said_it_changed_nothing_meaningful() {
    let en = |tags: &str, body: &str| md("Cache", &format!("tags: [{tags}]\n"), body);
    let fr = |tags: &str, body: &str| md("Cache", &format!("tags: [{tags}]\n"), body);
    let mut repo = RepoBuilder::new();
    repo.write("content/en/cache.md", en("fundamental", BODY))
        .write("content/fr/cache.md", fr("fondamental", FR));
    repo.commit("cache");
    repo.write(
        "content/en/cache.md",
        en(
            "fundamental, architecture",
            &BODY.replace("restart.", "restart the machine."),
        ),
    );
    repo.commit("en: tags for every term");
    repo.write(
        "content/fr/cache.md",
        fr("fondamental, architecture logicielle", FR),
    );
    let tags_commit = repo.commit("fr: translate the tags of every term");
    // A reformatting commit after it: passed over, and it did change nothing meaningful.
    repo.write(
        "content/fr/cache.md",
        fr("fondamental, architecture logicielle", &format!("{FR}\n")),
    );
    repo.commit("fr: one blank line more");
    for run in ["first", "cached"] {
        let json = repo.status_json(&[]);
        let cache = page(&json, "content/fr/cache.md");
        assert_eq!(cache["state"], "stale", "{run}: {cache:#}");
        let skipped = cache["sync"]["skipped"].as_array().unwrap();
        assert_eq!(skipped.len(), 2, "{run}: {cache:#}");
        assert!(skipped[0].get("keys").is_none(), "{run}: {cache:#}");
        assert_eq!(
            skipped[1]["commit"],
            tags_commit.as_str(),
            "{run}: {cache:#}"
        );
        assert_eq!(
            skipped[1]["keys"],
            serde_json::json!(["tags"]),
            "{run}: {cache:#}"
        );
        assert_eq!(skipped[1]["follows_source"], true, "{run}: {cache:#}");
        let key = &cache["changed_sections"][0]["keys"][0];
        assert_eq!(
            key["translated_in"],
            tags_commit.as_str(),
            "{run}: {cache:#}"
        );
    }
    let short = &tags_commit[..7];
    for (lang, said) in [
        (
            "en",
            format!(
                "{short} “fr: translate the tags of every term” (set tags to follow the source)"
            ),
        ),
        (
            "fr",
            format!("{short} « fr: translate the tags of every term » (aligne tags sur la source)"),
        ),
    ] {
        let text = repo.stdout(&["diff", "content/fr/cache.md", "--ui-lang", lang]);
        assert!(text.contains(&said), "{lang}: {text}");
        assert!(
            !text.contains(&format!(
                "{short} “fr: translate the tags of every term” (changed nothing"
            )),
            "{text}"
        );
        // The reformatting commit after it changed no key: nothing meaningful, as before.
        let blank = match lang {
            "en" => "“fr: one blank line more” (changed nothing meaningful)",
            _ => "« fr: one blank line more » (ne change pas le sens)",
        };
        assert!(text.contains(blank), "{lang}: {text}");
    }
}

/// The Markdown report, the tasks, the dashboard and `compare` gave a page's sync point without the commits passed over
/// to find it (or those of the source not counted): a task said "the last commit of the translation" of one that had
/// later ones.
#[test]
fn skipped_commits_were_silent_in_markdown_tasks_the_dashboard_and_compare() {
    let (mut repo, passed) = site_with_a_commit_passed_over();
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "",
            &BODY
                .replace("then restart", "then restart twice")
                .replace("Edit the file.", "Edit the config file."),
        ),
    );
    let directive = repo.commit("en: config file [skip-l10n]");
    let (passed, directive) = (&passed[..7], &directive[..7]);
    let said_passed = format!(
        "passed over 1 later translation commit: {passed} “fr: tag the guide” (changed only tags, not a key \
         to translate (front_matter.translated))"
    );
    let said_not_counted = format!(
        "1 source commit left out of the verdict: {directive} “en: config file [skip-l10n]” (“[skip-l10n]” in its message, a skip directive)"
    );

    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    let tasks = repo.stdout(&["tasks"]);
    let html = repo.stdout(&["status", "--format", "html"]);
    let compare = repo.stdout(&["compare", "content/en/guide.md", "content/fr/guide.md"]);
    for (output, text) in [
        ("markdown", &markdown),
        ("tasks", &tasks),
        ("html", &html),
        ("compare", &compare),
    ] {
        assert!(text.contains(&said_passed), "{output}: {text}");
        assert!(text.contains(&said_not_counted), "{output}: {text}");
    }
    // The sync point is the last commit of the translation that counts, not its last commit.
    assert!(
        tasks.contains("changed since ")
            && tasks.contains("the last commit of the translation that counts: 2 commits"),
        "{tasks}"
    );
    let diff = repo.stdout(&["diff", "content/fr/guide.md"]);
    assert!(
        diff.contains("last commit of the translation that counts) → HEAD"),
        "{diff}"
    );
    assert!(
        compare.contains("history: last commit of the translation that counts "),
        "{compare}"
    );
    // French quotes a commit's subject as it quotes a heading.
    let markdown = repo.stdout(&["status", "--format", "markdown", "--ui-lang", "fr"]);
    assert!(
        markdown.contains(&format!("{passed} « fr: tag the guide »")),
        "{markdown}"
    );
}

/// A heading such as `<Card> component` went into the Markdown report and the tasks as it was written: GitHub's
/// renderer took it for an HTML tag and dropped it (the task read "“The  component” — modified").
#[test]
fn a_heading_written_like_an_html_tag_vanished_from_markdown_outputs() {
    let mut repo = RepoBuilder::new();
    let body = "# Use it\n\nIntro.\n\n## The <Card> component\n\nIt shows a card.\n";
    repo.write("content/en/guide.md", md("Guide", "", body))
        .write(
            "content/fr/guide.md",
            md(
                "Guide",
                "",
                "# Utiliser\n\nIntro.\n\n## Le composant <Card>\n\nIl montre une carte.\n",
            ),
        );
    repo.commit("guide in both languages");
    repo.write(
        "content/en/guide.md",
        md(
            "Guide",
            "",
            &body.replace("a card.", "a card with a title."),
        ),
    );
    repo.commit("en: cards with titles");
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.contains("“The \\<Card> component” (modified)"),
        "{markdown}"
    );
    let tasks = repo.stdout(&["tasks"]);
    assert!(
        tasks.contains("- [ ] “The \\<Card> component” — modified"),
        "{tasks}"
    );
    // Nothing was passed over: the sync point is the translation's last commit, said as before.
    assert!(
        tasks.contains("the last commit of the translation: 1 commit, 1 section."),
        "{tasks}"
    );
    // The text report is not Markdown: it shows the heading as written.
    let text = repo.stdout(&["status"]);
    assert!(text.contains("“The <Card> component” (modified)"), "{text}");
}

/// A task stale by structure says its source did not change and names no sync point: the commits passed over to find
/// one were named under that sentence, between it and the list it announces.
#[test]
fn a_task_stale_by_structure_named_commits_passed_over_for_no_sync_point() {
    let mut repo = structure_stale_site();
    repo.write("content/fr/guide.md", md("Guide", "", &format!("{FR}\n")));
    repo.commit("fr: one blank line more");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["reason"], "structure", "{p:#}");
    assert_eq!(p["sync"]["skipped_commits"], 1, "{p:#}");
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.contains("passed over 1 later translation commit"),
        "{markdown}"
    );
    let tasks = repo.stdout(&["tasks"]);
    assert!(
        tasks.contains("did not change, but the translation does not match it:\n\n- [ ] "),
        "{tasks}"
    );
    assert!(!tasks.contains("passed over"), "{tasks}");
}

/// A source whose front matter broke (an unclosed quote) after its translation was made: the translation was `stale`,
/// `high`, with no section, no signal and no warning — nothing to review and nothing saying why. It is a bad page:
/// `unknown`, reason `bad-front-matter`, and a warning naming the source's file and line.
#[test]
fn a_source_whose_front_matter_broke_was_stale_with_nothing_to_show() {
    let repo = broken_source_front_matter();
    let output = repo
        .tandem()
        .args(["status", "--mode", "history", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let guide = page(&json, "content/fr/guide.md");
    assert_eq!(guide["state"], "unknown", "{guide:#}");
    assert_eq!(guide["reason"], "source-bad-front-matter", "{guide:#}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: content/en/guide.md:") && stderr.contains("broken front matter"),
        "{stderr}"
    );
    // Once for the source, not once per language.
    assert_eq!(stderr.matches("content/en/guide.md").count(), 1, "{stderr}");
}

fn broken_source_front_matter() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "", BODY))
        .write("content/fr/guide.md", md("Guide", "", FR))
        .write("content/de/guide.md", md("Anleitung", "", BODY));
    repo.commit("guide");
    repo.write(
        "content/en/guide.md",
        md("Guide", "summary: \"an unclosed quote\n", BODY),
    );
    repo.commit("en: a summary, badly quoted");
    repo
}

/// The same source under `--strict`: the bytes changed, so the page was `stale`, with no changed section (they are
/// read from the source's sections, which a broken front matter hides) — a verdict with nothing to review, in the one
/// mode that promised the byte-changed sections as its explanation. It is the same bad page as without `--strict`.
#[test]
fn a_strict_run_left_a_source_with_broken_front_matter_stale_with_nothing_to_show() {
    let repo = broken_source_front_matter();
    let output = repo
        .tandem()
        .args([
            "status", "--mode", "history", "--strict", "--format", "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let guide = page(&json, "content/fr/guide.md");
    assert_eq!(guide["state"], "unknown", "{guide:#}");
    assert_eq!(guide["reason"], "source-bad-front-matter", "{guide:#}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("warning: content/en/guide.md:"), "{stderr}");
    assert_eq!(stderr.matches("content/en/guide.md").count(), 1, "{stderr}");
    let text = repo.stdout(&["status", "--mode", "history", "--strict"]);
    assert!(
        text.contains("content/fr/guide.md — the source cannot be read section by section"),
        "{text}"
    );
    assert!(!text.contains("Stale"), "{text}");
}

/// A source saved as Latin-1 (not UTF-8) made its translation `unknown`, "the source's front matter is broken", with a
/// warning that its version "has broken front matter": the front matter was fine, the encoding was not. The warning
/// says the file is not UTF-8, and the reason names both causes.
#[test]
fn a_latin_1_source_was_said_to_have_broken_front_matter() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/guide.md",
        b"---\ntitle: Caf\xe9\n---\n\nRun the caf\xe9.\n".as_slice(),
    )
    .write("content/fr/guide.md", md("Guide", "", FR));
    repo.commit("guide");
    repo.write(
        "content/en/guide.md",
        b"---\ntitle: Caf\xe9\n---\n\nRun the caf\xe9 twice.\n".as_slice(),
    );
    repo.commit("en: twice");
    let output = repo.tandem().arg("status").output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: content/en/guide.md:2: the file is not valid UTF-8"),
        "{stderr}"
    );
    assert!(!stderr.contains("front matter"), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("(broken front matter, or not UTF-8 text)"),
        "{stdout}"
    );
}

/// A title-case fix in a commit with a skip directive, after a real change: `diff` left the fix out, but `status`
/// (and so `tasks` and `check`) listed the title key and the first section "to update", high, under a line saying
/// that commit was not counted.
#[test]
fn status_listed_what_only_a_skipped_commit_changed() {
    let repo = skipped_title_case_site();
    let json: serde_json::Value =
        serde_json::from_str(&repo.stdout(&["status", "--format", "json"])).unwrap();
    let page = &json["pages"][0];
    assert_eq!(page["state"], "stale", "{page:#}");
    let ids: Vec<&str> = page["changed_sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["props"], "{page:#}");
    let text = repo.stdout(&["status", "--all", "--color", "never"]);
    assert!(text.contains("Props"), "{text}");
    assert!(!text.contains("title"), "{text}");
    let tasks = repo.stdout(&["tasks"]);
    assert!(tasks.contains("Props"), "{tasks}");
    assert!(!tasks.contains("`title`"), "{tasks}");
    // The skipped commit alone changed a section the real change changed too: that section stays.
    let mut repo = RepoBuilder::new();
    repo.write("content/en/y.md", md("Y", "", "Text.\n"));
    repo.write("content/fr/y.md", md("Y", "", "Texte.\n"));
    repo.commit("y, translated");
    repo.write("content/en/y.md", md("Y", "", "Text, longer now.\n"));
    repo.commit("y: longer [skip-l10n]");
    repo.write(
        "content/en/y.md",
        md("Y", "", "Text, longer now, and more.\n"),
    );
    repo.commit("y: more");
    let json: serde_json::Value =
        serde_json::from_str(&repo.stdout(&["status", "--format", "json"])).unwrap();
    assert_eq!(
        json["pages"][0]["changed_sections"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "{json:#}"
    );
}

/// A source emptied of its body (its front matter kept) was listed with its text before the first heading "added",
/// "no counterpart in the translation", with nothing in it to translate, and `diff` counted that empty text as one of
/// the page's sections.
#[test]
fn a_source_emptied_of_its_body_listed_an_empty_text_before_the_first_heading_as_added() {
    let mut repo = crate::support::RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        crate::support::md("A", "", "# Install\n\nRun it.\n\n## Next\n\nMore."),
    );
    repo.write(
        "content/fr/a.md",
        crate::support::md("A", "", "# Installer\n\nLancez-le.\n\n## Suite\n\nPlus."),
    );
    repo.commit("a");
    repo.write("content/en/a.md", crate::support::md("A", "", ""));
    repo.commit("en: emptied");
    let json = repo.status_json(&[]);
    let a = crate::support::page(&json, "content/fr/a.md");
    assert_eq!(a["state"], "stale", "{json:#}");
    let changes: Vec<(&str, &str)> = a["changed_sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let side = if s["source"].is_null() {
                &s["translation"]
            } else {
                &s["source"]
            };
            (s["change"].as_str().unwrap(), side["id"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        changes,
        [("removed", "install"), ("removed", "next")],
        "{json:#}"
    );
    let diff = repo.stdout(&["diff", "content/fr/a.md"]);
    assert!(diff.contains("2 of 2 sections changed"), "{diff}");
    assert!(!diff.contains("added"), "{diff}");
}

/// A commit passed over for a keyword of the site's Lunaria config ("Fix a Typo in b", `ignoreKeywords: ["typo"]`)
/// was named "(a skip directive in its message)": a translator looked for a directive in the message and found
/// none. The keyword is named as the message writes it, and so is a tracker line (`@lunaria-ignore`).
#[test]
fn a_commit_passed_over_for_a_lunaria_keyword_named_no_directive() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "lunaria.config.json",
        r#"{"defaultLocale": {"lang": "en"}, "locales": [{"lang": "fr"}], "ignoreKeywords": ["typo"]}"#,
    )
    .write("content/en/b.md", md("B", "", "Intro.\n\nBody."));
    repo.commit("en");
    repo.write("content/fr/b.md", md("B", "", "Intro (fr).\n\nCorps."));
    repo.commit("fr");
    repo.write("content/en/b.md", md("B", "", "Introduction.\n\nBody."));
    let typo = repo.commit("Fix a Typo in b");
    let json = repo.status_json(&[]);
    let b = page(&json, "content/fr/b.md");
    assert_eq!(b["reason"], "skip-directive", "{b:#}");
    assert_eq!(b["sync"]["skipped"][0]["directive"], "Typo", "{b:#}");
    let text = repo.stdout(&["compare", "content/en/b.md", "content/fr/b.md"]);
    assert!(
        text.contains(&format!(
            "{} “Fix a Typo in b” (“Typo” in its message, a skip directive)",
            &typo[..7]
        )),
        "{text}"
    );
}
