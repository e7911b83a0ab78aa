//! `tandem check`: the CI gate, in whole-repository and pull-request modes, and its formats.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, tandem_in};

const EN: &str =
    "Intro.\n\n## Before you begin\n\nYou need version 1.28.\n\n## Usage\n\nRun `lumen`.\n";
const FR: &str = "Intro.\n\n## Avant de commencer\n\nIl faut la version 1.28.\n\n## Utilisation\n\nLancez `lumen`.\n";

/// main: en a, b, old; fr a, b, old pinned. Then a branch `pr` is checked out, ready for the PR's commits.
fn base_site() -> (RepoBuilder, String) {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN))
        .write("content/en/b.md", md("B", "", EN))
        .write("content/en/old.md", md("Old", "", EN));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/a.md", md("A", &pin, FR))
        .write("content/fr/b.md", md("B", &pin, FR))
        .write("content/fr/old.md", md("Vieux", &pin, FR));
    repo.commit("fr");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    (repo, c1)
}

/// Moves the pin of the translation at `path` to `commit` (in the work tree).
fn repin(repo: &RepoBuilder, path: &str, commit: &str) {
    let text = repo.read(path);
    let pin = text
        .lines()
        .find(|l| l.starts_with("default_lang_commit"))
        .unwrap();
    repo.write(
        path,
        text.replace(pin, &format!("default_lang_commit: {commit}")),
    );
}

fn check_json(repo: &RepoBuilder, args: &[&str]) -> (i32, serde_json::Value) {
    let output = repo
        .tandem()
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let code = output.status.code().unwrap();
    assert_ne!(code, 2, "{}", String::from_utf8_lossy(&output.stderr));
    (code, serde_json::from_slice(&output.stdout).unwrap())
}

fn kinds(json: &serde_json::Value) -> Vec<(String, String, bool)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_owned(),
                f["translation"].as_str().unwrap().to_owned(),
                f["fails"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_pr_that_changes_only_the_source_fails_with_the_changed_sections() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.31")),
    );
    repo.commit("en: bump");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1);
    assert_eq!(json["mode"], "pull-request");
    assert_eq!(
        kinds(&json),
        vec![("stale-in-pr".into(), "content/fr/a.md".into(), true)]
    );
    let finding = &json["findings"][0];
    assert_eq!(finding["file"], "content/en/a.md");
    // The changed line, not the section's heading two lines above it (GitHub shows an annotation inline only on a
    // line of the pull request's diff).
    assert_eq!(finding["lines"], serde_json::json!([9]));
    assert_eq!(finding["sections"][0]["heading"], "Before you begin");
    // The GitHub annotation sits on that line and names the translation.
    repo.tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "::error file=content/en/a.md,line=9,title=Translation not updated (fr)::This section (Before you begin) changed, but content/fr/a.md was not updated.",
        ))
        .stdout(predicate::str::contains("tandem: 1 translation to write or update (fr)"));
    // --warn-only and --fail-on turn it into a warning.
    assert_eq!(check_json(&repo, &["--base", "main", "--warn-only"]).0, 0);
    let (code, json) = check_json(
        &repo,
        &["--base", "main", "--fail-on", "invalid-pin,missing-pin"],
    );
    assert_eq!(code, 0);
    assert!(!kinds(&json)[0].2);
    // So does check.fail_on, for communities whose translators catch up later.
    repo.write("tandem.yaml", "check:\n  fail_on: [invalid-pin]\n");
    assert_eq!(check_json(&repo, &["--base", "main"]).0, 0);
    repo.write(
        "tandem.yaml",
        "check:\n  fail_on: [stale-in-pull-request]\n",
    );
    repo.tandem()
        .args(["check", "--base", "main"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("check.fail_on"));
}

#[test]
fn a_pr_that_updates_both_languages_or_only_reformats_is_clean() {
    let (mut repo, c1) = base_site();
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.31")),
    )
    .write(
        "content/fr/a.md",
        md(
            "A",
            &format!("default_lang_commit: {c1}\n"),
            &FR.replace("1.28", "1.31"),
        ),
    );
    repo.commit("en+fr: bump");
    repo.write(
        "content/en/b.md",
        md("B", "", &EN.replace("Run `lumen`.", "Run\n`lumen`.")),
    );
    repo.commit("en: reflow");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty());
    repo.tandem()
        .args(["check", "--base", "main"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "This pull request leaves every translation in step.",
        ));
    // A [skip-l10n] commit is clean too.
    repo.write(
        "content/en/b.md",
        md("B", "", &EN.replace("Run `lumen`.", "Just run `lumen`.")),
    );
    repo.commit("en: wording [skip-l10n]");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0);
    // Clean, but not silent: the report showed nothing of a real change waved through, and a reviewer could not tell.
    let skipped = json["changed_sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["source"] == "content/en/b.md")
        .unwrap_or_else(|| panic!("{json:#}"));
    assert_eq!(skipped["skipped"], true);
    assert_eq!(skipped["to_update"], serde_json::json!(["fr"]));
    repo.tandem()
        .args(["check", "--base", "main"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "· content/en/b.md changed — nothing to translate: its commits carry a skip directive\n",
        ));
}

/// The text report lists a change a skip directive waved through, so that a reviewer sees it; `--format github`
/// showed nothing of it (no annotation, no line in the step summary), nor the new pages in the step summary. And a
/// `|` in a page's path split its row of the step summary's table.
#[test]
fn github_output_hid_what_a_skip_directive_waved_through() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/b.md",
        md("B", "", &EN.replace("Run `lumen`.", "Just run `lumen`.")),
    );
    repo.commit("en: wording [skip-l10n]");
    repo.write("content/en/new.md", md("New", "", EN));
    repo.commit("en: a new page");
    // Its translation's pin names no commit: a row of the table (a new page's missing pin is a notice).
    repo.write("content/en/a|b.md", md("A or B", "", EN)).write(
        "content/fr/a|b.md",
        md("A ou B", "default_lang_commit: 0000000\n", FR),
    );
    repo.commit("a|b in both languages");
    repo.git(&["branch", "-f", "main"]);
    repo.write(
        "content/en/a|b.md",
        md(
            "A or B",
            "",
            &EN.replace("Run `lumen`.", "Run `lumen` twice."),
        ),
    );
    repo.commit("en: a|b changed");
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let output = repo
        .tandem()
        .args(["check", "--base", "main~3", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    let github = String::from_utf8(output.stdout).unwrap();
    assert!(
        github.contains(
            "::notice file=content/en/b.md,line=1,title=Nothing to translate::content/en/b.md changed, and its commits carry a skip directive"
        ),
        "{github}"
    );
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(
        summary.contains(
            "### Changed with nothing to translate (skip directive)\n\n- content/en/b.md changed"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("### New pages not translated yet\n\n- content/en/new.md is new"),
        "{summary}"
    );
    let row = summary
        .lines()
        .find(|l| l.contains("a\\|b.md"))
        .unwrap_or_else(|| panic!("{summary}"));
    // Five cells: six unescaped bars.
    assert_eq!(row.replace("\\|", "").matches('|').count(), 6, "{row}");
}

#[test]
fn pr_pin_and_orphan_findings() {
    let (mut repo, _) = base_site();
    // A pin on a commit of the PR itself is not on the base branch: after a squash merge it would not exist.
    repo.write("content/en/new.md", md("New", "", EN));
    let pr_commit = repo.commit("en: new page");
    repo.write(
        "content/fr/a.md",
        md("A", &format!("default_lang_commit: {pr_commit}\n"), FR),
    )
    // A new page's translation: its pin can only name a commit of the PR (pinned once merged, a notice).
    .write(
        "content/fr/new.md",
        md(
            "Nouveau",
            &format!("default_lang_commit: {pr_commit}\n"),
            FR,
        ),
    )
    .write(
        "content/fr/b.md",
        md("B", "default_lang_commit: 0000000\n", FR),
    )
    // A new page's translation without a pin, on a site that uses pins: the same notice.
    .write("content/en/c.md", md("C", "", EN))
    .write("content/fr/c.md", md("C", "", FR));
    // A source renamed, and one deleted; their translations left behind.
    repo.git(&["mv", "content/en/old.md", "content/en/renamed.md"]);
    repo.commit("fr: new; en: rename");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1);
    let found = kinds(&json);
    assert!(
        found.contains(&("invalid-pin".into(), "content/fr/a.md".into(), true)),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(_, t, _)| t == "content/fr/new.md" || t == "content/fr/c.md"),
        "{found:?}"
    );
    let to_pin: Vec<&str> = json["changed_sources"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["pins_to_move"].as_array().into_iter().flatten())
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(to_pin, ["content/fr/c.md", "content/fr/new.md"], "{json:#}");
    assert!(
        found.contains(&("invalid-pin".into(), "content/fr/b.md".into(), true)),
        "{found:?}"
    );
    assert!(
        found.contains(&("orphaned-in-pr".into(), "content/fr/old.md".into(), true)),
        "{found:?}"
    );
    let orphan = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "orphaned-in-pr")
        .unwrap();
    assert_eq!(orphan["renamed_to"], "content/en/renamed.md");
    assert_eq!(orphan["move_translation_to"], "content/fr/renamed.md");
    let pin = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["translation"] == "content/fr/a.md")
        .unwrap();
    // In the history of HEAD, but not on the base branch: the reason says which rule failed, and names the base.
    assert_eq!(pin["reason"], "pin-not-on-base");
    assert_eq!(pin["lines"], serde_json::json!([3]));
    repo.tandem()
        .args(["check", "--base", "main"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "git mv content/fr/old.md content/fr/renamed.md",
        ))
        // "Run tandem sync once it is up to date" wrote the same pin again: the advice is to wait for the merge.
        .stdout(predicate::str::contains(
            "A pin can only name a commit of the base branch: once this pull request is merged, run tandem sync content/fr/a.md there.",
        ));
}

#[test]
fn a_push_of_a_merge_commit_failed_on_a_pin_the_merge_brought_onto_the_branch() {
    // The pull request updates a and its translation, and runs tandem sync: the pin names a commit of the PR.
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.31")),
    );
    let pr_commit = repo.commit("en: bump");
    repo.write(
        "content/fr/a.md",
        md(
            "A",
            &format!("default_lang_commit: {pr_commit}\n"),
            &FR.replace("version 1.28", "version 1.31"),
        ),
    );
    repo.commit("fr: bump, synced");
    // Merged with a merge commit: the pin's commit is now in main's history. The push compares with the commit
    // before it.
    repo.git(&["checkout", "-q", "main"]);
    let before = repo.head();
    repo.merge("pr", &[]);
    let (code, json) = check_json(&repo, &["--base", &before, "--pushed"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(kinds(&json), vec![]);
    // The text says a push, not a pull request ("what this pull request changes" on a push to main).
    let text = repo.stdout(&["check", "--base", &before, "--pushed"]);
    assert!(
        text.starts_with(&format!(
            "tandem check: what the push brought since {before}"
        )),
        "{text}"
    );
    assert!(
        text.contains("This push leaves every translation in step."),
        "{text}"
    );
    // Without --pushed, HEAD could be a pull request's test merge: the pin is not on the base, as before.
    let (code, json) = check_json(&repo, &["--base", &before]);
    assert_eq!(code, 1);
    assert_eq!(json["findings"][0]["reason"], "pin-not-on-base");
    // A squash merge leaves the pin naming a commit outside main's history: --pushed still says so.
    repo.git(&["reset", "-q", "--hard", &before]);
    repo.git(&["merge", "-q", "--squash", "pr"]);
    repo.commit("PR (squash)");
    let (code, json) = check_json(&repo, &["--base", &before, "--pushed"]);
    assert_eq!(code, 1);
    assert_eq!(json["findings"][0]["reason"], "pin-not-ancestor");
    // --pushed says what --base is: alone it is a mistake.
    repo.tandem().args(["check", "--pushed"]).assert().code(2);
}

#[test]
fn whole_repository_findings() {
    let (mut repo, _) = base_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")))
        .write("content/en/d.md", md("D", "", EN))
        .write(
            "content/fr/b.md",
            md("B", "default_lang_commit: 0000000\n", FR),
        )
        .write("content/fr/e.md", md("E", "", FR))
        .write("content/en/f.md", md("F", "", EN))
        .write("content/fr/f.md", "---\ntitle: [\n---\n");
    repo.commit("drift");
    repo.write("content/en/g.md", md("G", "", EN))
        .write("content/fr/g.md", md("G", "", FR));
    let (code, json) = check_json(&repo, &[]);
    assert_eq!(code, 1);
    assert_eq!(json["mode"], "repository");
    let found: Vec<(String, String)> = kinds(&json).into_iter().map(|(k, t, _)| (k, t)).collect();
    for expected in [
        ("stale", "content/fr/a.md"),
        ("invalid-pin", "content/fr/b.md"),
        ("missing", "content/fr/d.md"),
        ("orphaned", "content/fr/e.md"),
        ("unreadable", "content/fr/f.md"),
        ("no-sync-point", "content/fr/g.md"),
    ] {
        assert!(
            found.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} not in {found:?}"
        );
    }
}

#[test]
fn unknown_base_and_shallow_clone_exit_2() {
    let (mut repo, _) = base_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")));
    repo.commit("en");
    repo.tandem()
        .args(["check", "--base", "origin/nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown revision origin/nope"));
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    assert!(
        std::process::Command::new("git")
            .args(["clone", "-q", "--depth", "1", "--no-single-branch", &url])
            .arg(clone.path().join("c"))
            .status()
            .unwrap()
            .success()
    );
    let output = tandem_in(&clone.path().join("c"))
        .args(["check", "--base", "origin/main"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("fetch-depth: 0"), "{stderr}");
    // In GitHub's format the error is an annotation too: on stderr alone, the pull request's checks showed only
    // "exit code 2".
    let output = tandem_in(&clone.path().join("c"))
        .args(["check", "--base", "origin/main", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("::error title=tandem::") && stdout.contains("fetch-depth: 0"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

#[test]
fn a_base_branch_only_origin_has_was_an_unknown_revision() {
    // A CI runner's clone: origin/main, and no local main (`--base $GITHUB_BASE_REF` gives `main`).
    let (mut repo, _) = base_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")));
    repo.commit("en");
    repo.git(&["update-ref", "refs/remotes/origin/main", "main"]);
    repo.git(&["branch", "-q", "-D", "main"]);
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1);
    assert_eq!(json["base"], "origin/main");
    assert_eq!(
        kinds(&json),
        vec![("stale-in-pr".into(), "content/fr/a.md".into(), true)]
    );
    repo.tandem()
        .args(["check", "--base", "main"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "what this pull request changes against origin/main",
        ));
    // A name origin has no branch for is still unknown, under the name given.
    repo.tandem()
        .args(["check", "--base", "trunk"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown revision trunk "));
}

#[test]
fn annotation_messages_are_escaped() {
    let mut repo = RepoBuilder::new();
    let en = "## 100% done: yes, really\n\nText.\n";
    repo.write("content/en/a,b:c.md", md("A", "", en));
    repo.commit("en");
    repo.write(
        "content/fr/a,b:c.md",
        md("A", "", "## 100 % fait : oui, vraiment\n\nTexte.\n"),
    );
    repo.commit("fr");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.write(
        "content/en/a,b:c.md",
        md("A", "", &en.replace("Text.", "Text, and more.")),
    );
    repo.commit("en");
    let output = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let line = text.lines().next().unwrap();
    assert_eq!(
        line,
        "::error file=content/en/a%2Cb%3Ac.md,line=7,title=Translation not updated (fr)::This section (100%25 done: yes, really) changed, but content/fr/a,b:c.md was not updated. Update it in this PR, or mark the commit [skip-l10n] if nothing needs translating."
    );
}

/// The step summary said "see the step summary" of itself, a run outside GitHub Actions pointed to a step summary it had
/// not written, and French wrote "1 bloquant(s)".
#[test]
fn the_summary_line_pointed_to_a_step_summary_that_was_not_there() {
    let (mut repo, _) = base_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")));
    repo.commit("en");
    let summary = repo.path().join("summary.md");
    let run = |in_actions: bool, lang: &str| {
        let mut command = repo.tandem();
        command.args([
            "check",
            "--base",
            "main",
            "--format",
            "github",
            "--ui-lang",
            lang,
        ]);
        if in_actions {
            command.env("GITHUB_STEP_SUMMARY", &summary);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let annotations = run(true, "en");
    assert!(
        annotations
            .trim_end()
            .ends_with("; 1 failing; see the step summary."),
        "{annotations}"
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(written.contains("; 1 failing.\n"), "{written}");
    assert!(!written.contains("see the step summary"), "{written}");
    let annotations = run(false, "en");
    assert!(
        annotations.trim_end().ends_with("; 1 failing."),
        "{annotations}"
    );
    let annotations = run(false, "fr");
    assert!(
        annotations.trim_end().ends_with(" ; 1 bloquant."),
        "{annotations}"
    );
    // French puts a space before the semicolon.
    let annotations = run(true, "fr");
    assert!(
        annotations
            .trim_end()
            .ends_with(" ; 1 bloquant ; voir le résumé de l’étape."),
        "{annotations}"
    );
    // The language's line too ("1 bloquant(s)").
    let text = repo.stdout(&["--ui-lang", "fr", "check"]);
    assert!(text.contains(", 1 bloquant\n"), "{text}");
}

/// GitHub shows ten annotations of each level per step: the line about the rest said they were in the step summary when
/// none was written, and "1 more findings".
#[test]
fn the_findings_past_ten_annotations_were_said_to_be_in_a_step_summary_never_written() {
    let mut repo = RepoBuilder::new();
    let pages: Vec<String> = (0..11).map(|i| format!("p{i:02}.md")).collect();
    for page in &pages {
        repo.write(&format!("content/en/{page}"), md("P", "", EN));
    }
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    for page in &pages {
        repo.write(&format!("content/fr/{page}"), md("P", &pin, FR));
    }
    repo.commit("fr");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    for page in &pages {
        repo.write(
            &format!("content/en/{page}"),
            md("P", "", &EN.replace("1.28", "1.31")),
        );
    }
    repo.commit("en: 1.31");
    let summary = repo.path().join("summary.md");
    let run = |in_actions: bool| {
        let mut command = repo.tandem();
        command.args(["check", "--base", "main", "--format", "github"]);
        if in_actions {
            command.env("GITHUB_STEP_SUMMARY", &summary);
        }
        String::from_utf8(command.output().unwrap().stdout).unwrap()
    };
    let annotations = run(false);
    assert_eq!(annotations.matches("::error ").count(), 10, "{annotations}");
    assert!(
        annotations.contains(
            "… 1 more finding with `--format text` (GitHub shows ten annotations of each kind per step)."
        ),
        "{annotations}"
    );
    let annotations = run(true);
    assert!(
        annotations.contains("… 1 more finding in the step summary (GitHub shows"),
        "{annotations}"
    );
}

#[test]
fn junit_parses_and_the_step_summary_is_a_table() {
    let (mut repo, _) = base_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")))
        .write(
            "content/en/b.md",
            md(
                "B",
                "",
                &EN.replace("Run `lumen`.", "Run `lumen` & <enjoy>."),
            ),
        );
    repo.commit("en");
    let summary = repo.path().join("summary.md");
    let output = repo
        .tandem()
        .args([
            "check",
            "--base",
            "main",
            "--format",
            "junit",
            "--fail-on",
            "stale-in-pr",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let xml = String::from_utf8(output.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("valid XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("failures"), Some("2"));
    let cases: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 2);
    for case in cases {
        let failure = case
            .children()
            .find(|n| n.has_tag_name("failure"))
            .expect("a failure");
        assert_eq!(failure.attribute("type"), Some("stale-in-pr"));
        assert!(
            failure
                .attribute("message")
                .unwrap()
                .contains("was not updated")
        );
    }
    let summary = std::fs::read_to_string(summary).unwrap();
    assert!(summary.starts_with("## tandem check\n"), "{summary}");
    assert!(
        summary.contains(
            "| | language | translation | finding | what to do |\n|---|---|---|---|---|\n"
        ),
        "{summary}"
    );
    assert_eq!(
        summary
            .lines()
            .filter(|l| l.starts_with("| ❌ | fr | `content/fr/"))
            .count(),
        2,
        "{summary}"
    );
}

// The `check --format json` contract (docs/json.md), locked.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct CheckDocument {
    version: u32,
    mode: String,
    head: String,
    base: Option<String>,
    merge_base: Option<String>,
    findings: Vec<Finding>,
    checked: Vec<Checked>,
    changed_sources: Vec<ChangedSource>,
    failing: usize,
    warnings: usize,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ChangedSource {
    source: String,
    added: bool,
    sections: Vec<SectionRef>,
    to_update: Vec<String>,
    not_translated: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Finding {
    kind: String,
    fails: bool,
    language: String,
    source: String,
    translation: String,
    file: String,
    lines: Vec<usize>,
    sections: Vec<SectionRef>,
    #[serde(default)]
    signals: Vec<serde_json::Value>,
    reason: Option<String>,
    pin: Option<String>,
    renamed_to: Option<String>,
    move_translation_to: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct SectionRef {
    id: String,
    heading: String,
    line: usize,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Checked {
    language: String,
    source: String,
    translation: String,
}

#[test]
fn check_json_contract() {
    let (mut repo, _) = base_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")));
    repo.commit("en");
    let output = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "json"])
        .output()
        .unwrap();
    let doc: CheckDocument = serde_json::from_slice(&output.stdout).expect("contract holds");
    assert_eq!(
        (doc.version, doc.mode.as_str(), doc.failing, doc.warnings),
        (1, "pull-request", 1, 0)
    );
    assert_eq!(doc.base.as_deref(), Some("main"));
    assert_eq!(doc.merge_base.as_ref().map(String::len), Some(40));
    assert_eq!(doc.checked.len(), 1);
    assert_eq!(doc.changed_sources.len(), 1);
    assert_eq!(doc.changed_sources[0].to_update, ["fr"]);
    let output = repo
        .tandem()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let doc: CheckDocument = serde_json::from_slice(&output.stdout).expect("contract holds");
    assert_eq!(
        (doc.mode.as_str(), doc.base, doc.merge_base),
        ("repository", None, None)
    );
    assert_eq!(doc.checked.len(), 3);
}

/// en with fr, de and ja; a.md is translated into fr and de only. Then branch `pr`.
fn three_language_site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN))
        .write("content/en/b.md", md("B", "", EN));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    for lang in ["fr", "de", "ja"] {
        repo.write(&format!("content/{lang}/b.md"), md("B", &pin, FR));
    }
    repo.write("content/fr/a.md", md("A", &pin, FR))
        .write("content/de/a.md", md("A", &pin, FR));
    repo.commit("translations");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo
}

#[test]
fn stale_in_pr_only_for_translations_that_exist() {
    let mut repo = three_language_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")));
    repo.commit("en: bump");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1);
    // ja has no translation of a.md: nothing to update there, so no finding about it.
    assert_eq!(
        kinds(&json),
        vec![
            ("stale-in-pr".into(), "content/de/a.md".into(), true),
            ("stale-in-pr".into(), "content/fr/a.md".into(), true),
        ]
    );
    assert_eq!(
        json["changed_sources"],
        serde_json::json!([{
            "source": "content/en/a.md",
            "added": false,
            "sections": [{"id": "before-you-begin", "heading": "Before you begin", "line": 7}],
            "to_update": ["de", "fr"],
            "not_translated": ["ja"],
        }])
    );
    // The text report groups by source page.
    repo.tandem()
        .args(["check", "--base", "main"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "✗ content/en/a.md changed — to update: de, fr · not translated: ja\n",
        ))
        .stdout(predicate::str::contains("tandem diff content/fr/a.md"));
    // Only the language that has no translation: no finding at all.
    let mut repo = three_language_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")))
        .write("content/fr/a.md", md("A", "", &FR.replace("1.28", "1.31")))
        .write("content/de/a.md", md("A", "", &FR.replace("1.28", "1.31")));
    repo.commit("en, fr, de: bump");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty());
}

#[test]
fn a_new_source_page_is_missing_in_pr_only_where_configured() {
    let mut repo = three_language_site();
    let main = repo.git(&["rev-parse", "main"]);
    repo.write("content/en/new.md", md("New", "", EN)).write(
        "content/fr/new.md",
        md(
            "Nouveau",
            &format!("default_lang_commit: {}\n", main.trim()),
            FR,
        ),
    );
    repo.commit("en: new page, fr too");
    // Not configured: not a finding, but the report says which languages have no translation.
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty(), "{json:#}");
    repo.tandem()
        .args(["check", "--base", "main"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "· content/en/new.md added — not translated: de, ja\n",
        ));
    // In the pull request's view too: the annotations said nothing of it, the summary "0 pages need translation".
    repo.tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "::notice file=content/en/new.md,line=1,title=New page::content/en/new.md is new and not translated yet: de, ja. tandem scaffold content/en/new.md --lang de starts a translation.\n",
        ));
    // A site that publishes every language together names it in check.fail_on.
    repo.write(
        "tandem.yaml",
        "check:\n  fail_on: [stale-in-pr, missing-in-pr]\n",
    );
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1);
    assert_eq!(
        kinds(&json),
        vec![
            ("missing-in-pr".into(), "content/de/new.md".into(), true),
            ("missing-in-pr".into(), "content/ja/new.md".into(), true),
        ]
    );
    assert_eq!(json["findings"][0]["file"], "content/en/new.md");
    repo.tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "::error file=content/en/new.md,line=1,title=New page not translated (de)::content/en/new.md is new, and there is no de translation (content/de/new.md): add it in this PR (tandem scaffold content/en/new.md --lang de starts it).",
        ))
        // The findings say it: no notice beside them.
        .stdout(predicate::str::contains("::notice").not());
    // --warn-only keeps them, as warnings.
    let (code, json) = check_json(&repo, &["--base", "main", "--warn-only"]);
    assert_eq!(code, 0);
    assert_eq!(kinds(&json).len(), 2);
}

#[test]
fn invalid_pin_says_which_rule_failed() {
    let (mut repo, _) = base_site();
    // A commit on another branch, in neither HEAD's history nor the base's.
    repo.git(&["checkout", "-q", "-b", "elsewhere", "main"]);
    let elsewhere = repo.commit("elsewhere");
    repo.git(&["checkout", "-q", "pr"]);
    let pr_commit = repo.commit("pr: a commit of its own");
    repo.write(
        "content/fr/a.md",
        md("A", &format!("default_lang_commit: {pr_commit}\n"), FR),
    )
    .write(
        "content/fr/b.md",
        md("B", &format!("default_lang_commit: {elsewhere}\n"), FR),
    )
    .write(
        "content/fr/old.md",
        md("Vieux", "default_lang_commit: 0000000\n", FR),
    );
    // Two commits whose hashes share their first four digits: that prefix is ambiguous.
    let prefix = ambiguous_commit_prefix(&repo);
    repo.write(
        "content/fr/b2.md",
        md("B2", &format!("default_lang_commit: {prefix}\n"), FR),
    )
    .write("content/en/b2.md", md("B2", "", EN));
    repo.commit("fr: pins");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1);
    let reasons: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["kind"], "invalid-pin");
            (
                f["translation"].as_str().unwrap().to_owned(),
                f["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("content/fr/a.md".into(), "pin-not-on-base".into()),
            ("content/fr/b.md".into(), "pin-not-ancestor".into()),
            ("content/fr/b2.md".into(), "pin-ambiguous".into()),
            ("content/fr/old.md".into(), "pin-not-found".into()),
        ]
    );
    let short = &pr_commit[..7];
    let output = repo
        .tandem()
        .args(["check", "--base", "main"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "pin {pr_commit} is in the history of HEAD but not on main"
        )),
        "{text} ({short})"
    );
    assert!(text.contains(&format!("pin {elsewhere} is not in the history of HEAD")));
}

#[test]
fn a_broken_page_the_pr_did_not_touch_gives_no_warning() {
    let (mut repo, _) = base_site();
    repo.git(&["checkout", "-q", "main"]);
    repo.write("content/fr/b.md", "---\ntitle: [\n---\n")
        .write("content/en/broken.md", "---\ntitle: [\n---\n")
        .write("content/fr/broken.md", "---\ntitle: [\n---\n");
    repo.commit("broken pages");
    repo.git(&["checkout", "-q", "pr"]);
    repo.git(&["merge", "-q", "main"]);
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")));
    repo.commit("en: bump");
    let output = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains("broken") && !stderr.contains("b.md"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        kinds(&json),
        vec![("stale-in-pr".into(), "content/fr/a.md".into(), true)]
    );
    // The whole-repository check still reports it.
    let (_, json) = check_json(&repo, &[]);
    assert!(
        kinds(&json)
            .iter()
            .any(|(kind, path, _)| kind == "unreadable" && path == "content/fr/b.md"),
        "{json:#}"
    );
}

#[test]
fn missing_pin_only_on_sites_whose_base_has_pins() {
    // No pins anywhere at the base, and no pin.key: a new translation without a pin is fine.
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN))
        .write("content/en/b.md", md("B", "", EN))
        .write("content/fr/a.md", md("A", "", FR));
    repo.commit("site");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.write("content/fr/b.md", md("B", "", FR));
    repo.commit("fr: b");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty());
    // With pin.key configured, the site uses pins.
    repo.write("tandem.yaml", "pin:\n  key: default_lang_commit\n");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1);
    assert_eq!(
        kinds(&json),
        vec![("missing-pin".into(), "content/fr/b.md".into(), true)]
    );
    // A pin at the base in the pull request's language says so too (base_site pins every translation).
    let (mut repo, _) = base_site();
    repo.git(&["checkout", "-q", "main"]);
    repo.write("content/en/c.md", md("C", "", EN));
    repo.commit("en: c");
    repo.git(&["checkout", "-q", "pr"]);
    repo.git(&["merge", "-q", "--ff-only", "main"]);
    repo.write("content/fr/c.md", md("C", "", FR));
    repo.commit("fr: c");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(
        kinds(&json),
        vec![("missing-pin".into(), "content/fr/c.md".into(), true)]
    );
}

#[test]
fn one_annotation_per_page_and_language_lists_its_sections() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md(
            "A",
            "",
            &EN.replace("1.28", "1.31")
                .replace("Run `lumen`.", "Run `lumen --all`."),
        ),
    );
    repo.commit("en: two sections");
    let output = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let annotations: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(
        annotations,
        vec![
            "::error file=content/en/a.md,line=9,title=Translation not updated (fr)::These sections changed: “Before you begin”, “Usage”; content/fr/a.md was not updated. Update it in this PR, or mark the commit [skip-l10n] if nothing needs translating."
        ],
        "{text}"
    );
}

#[test]
fn pr_mode_does_not_read_the_whole_site() {
    // An orphan on the base (its source renamed long ago): a whole status follows it through history and writes
    // the renames cache; a pull request that touches another page has no reason to.
    let (mut repo, _) = base_site();
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["mv", "content/en/old.md", "content/en/older.md"]);
    repo.commit("en: rename");
    repo.git(&["checkout", "-q", "pr"]);
    repo.git(&["merge", "-q", "main"]);
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")));
    repo.commit("en: bump");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1);
    assert_eq!(
        kinds(&json),
        vec![("stale-in-pr".into(), "content/fr/a.md".into(), true)]
    );
    let renames = repo.path().join(".git/tandem/renames.cache");
    assert!(
        !renames.exists(),
        "PR mode followed renames through history"
    );
    // A pull request that touches no page reads nothing at all.
    repo.git(&["checkout", "-q", "-b", "docs-free", "main"]);
    repo.write("README.md", "readme");
    repo.commit("readme");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!((code, json["checked"].as_array().unwrap().len()), (0, 0));
    // The whole-repository check does follow it.
    check_json(&repo, &[]);
    assert!(renames.exists());
}

/// Writes two (unreachable) commits whose ids share their first four hex digits; returns those digits.
fn ambiguous_commit_prefix(repo: &RepoBuilder) -> String {
    let tree = repo.git(&["write-tree"]);
    let tree = tree.trim();
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for n in 0.. {
        let body = format!(
            "tree {tree}\nauthor a <a@b> 0 +0000\ncommitter a <a@b> 0 +0000\n\nprobe {n}\n"
        );
        let id = gix::objs::compute_hash(
            gix::hash::Kind::Sha1,
            gix::object::Kind::Commit,
            body.as_bytes(),
        )
        .unwrap()
        .to_string();
        let prefix = id[..4].to_owned();
        if let Some(other) = seen.insert(prefix.clone(), body.clone()) {
            for text in [other, body] {
                let file = repo.path().join(".git/probe-commit");
                std::fs::write(&file, text).unwrap();
                repo.git(&["hash-object", "-t", "commit", "-w", ".git/probe-commit"]);
            }
            return prefix;
        }
    }
    unreachable!()
}

#[test]
fn annotation_put_the_preamble_in_double_parentheses() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("Intro.", "A longer introduction.")),
    );
    repo.commit("en: intro");
    let out = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "::This section (text before the first heading) changed, but content/fr/a.md"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("(("), "{stdout}");
}

/// A pull request that scaffolds a translation (`tandem scaffold … --body placeholder`) and commits it as it is, its
/// title and sections still marked "tandem: translate", passed `check --base main` ("leaves every translation in
/// step"), while `tandem check` on the whole repository failed it, and `status` called it stale once merged. The
/// same holds for a translation committed with merge-conflict markers.
#[test]
fn a_pull_request_passed_with_a_translation_nobody_finished() {
    let (mut repo, _) = base_site();
    repo.write("content/en/c.md", md("C", "", EN));
    repo.commit("en: c");
    repo.git(&["branch", "-f", "main"]);
    repo.git(&["checkout", "-q", "-b", "scaffold"]);
    repo.tandem()
        .args([
            "scaffold",
            "content/en/c.md",
            "--lang",
            "fr",
            "--body",
            "placeholder",
        ])
        .assert()
        .success();
    repo.commit("fr: scaffold c");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    let finding = &json["findings"][0];
    assert_eq!(finding["kind"], "stale", "{json:#}");
    assert_eq!(finding["file"], "content/fr/c.md");
    assert_eq!(finding["signals"][0]["kind"], "translate-marks", "{json:#}");
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(text.contains("content/fr/c.md is not finished"), "{text}");

    // Translated, the marks removed (the pin kept): the pull request passes.
    let scaffolded = repo.read("content/fr/c.md");
    let pin = scaffolded
        .lines()
        .find(|l| l.starts_with("default_lang_commit:"))
        .unwrap();
    repo.write("content/fr/c.md", md("C", &format!("{pin}\n"), FR));
    repo.commit("fr: translate c");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");

    // A translation the pull request left with conflict markers.
    repo.write(
        "content/fr/b.md",
        md(
            "B",
            "",
            &format!("<<<<<<< HEAD\n{FR}=======\n{FR}>>>>>>> other\n"),
        ),
    );
    repo.commit("fr: a merge left unresolved");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(
        json["findings"][0]["signals"][0]["kind"], "conflict-markers",
        "{json:#}"
    );
}

/// The README's workflow asks `--fail-on stale-in-pr,invalid-pin`: a translation the pull request left with
/// conflict markers is a finding of kind `stale`, which that policy did not name, so it was a warning and the pull
/// request passed. In pull-request mode `stale-in-pr` covers it. And its annotation said "what differs now says
/// where. what differs now: …", the phrase twice.
#[test]
fn conflict_markers_passed_the_readme_policy_and_their_annotation_said_it_twice() {
    let (mut repo, _) = base_site();
    repo.git(&["branch", "-f", "main"]);
    repo.git(&["checkout", "-q", "-b", "merge-left"]);
    repo.write(
        "content/fr/b.md",
        md(
            "B",
            "",
            &format!("<<<<<<< HEAD\n{FR}=======\n{FR}>>>>>>> other\n"),
        ),
    );
    repo.commit("fr: a merge left unresolved");
    let policy = ["--base", "main", "--fail-on", "stale-in-pr,invalid-pin"];
    let (code, json) = check_json(&repo, &policy);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(json["findings"][0]["kind"], "stale", "{json:#}");
    assert_eq!(json["findings"][0]["fails"], true, "{json:#}");
    // A policy without it still leaves it a warning.
    let (code, _) = check_json(&repo, &["--base", "main", "--fail-on", "invalid-pin"]);
    assert_eq!(code, 0);
    let github = repo.stdout(&["check", "--base", "main", "--format", "github"]);
    let annotation = github
        .lines()
        .find(|l| l.starts_with("::error file=content/fr/b.md"))
        .unwrap_or_else(|| panic!("{github}"));
    // A sentence of its own: "…is not finished. What differs now: …" (it began with a lowercase letter).
    assert_eq!(
        annotation.matches("not finished. What differs now").count(),
        1,
        "{annotation}"
    );
    assert!(!annotation.contains("what differs now"), "{annotation}");
    assert!(
        annotation.contains("merge-conflict markers"),
        "{annotation}"
    );
}

/// A pull request that renames a source page (`git mv`) without touching its translations listed the new name as a
/// page "added — not translated" in every language, beside the `orphaned-in-pr` findings that say to move those very
/// translations.
#[test]
fn a_renamed_source_was_listed_as_added_and_not_translated() {
    let (mut repo, _) = base_site();
    repo.git(&["mv", "content/en/old.md", "content/en/renamed.md"]);
    repo.commit("en: rename");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    let changed = json["changed_sources"].as_array().unwrap();
    assert!(
        changed
            .iter()
            .all(|c| c["source"] != "content/en/renamed.md"),
        "{json:#}"
    );
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(!text.contains("not translated"), "{text}");
    assert!(
        text.contains("git mv content/fr/old.md content/fr/renamed.md"),
        "{text}"
    );
}

/// A site that reads its own skip directive (`history.skip_commits_matching: ['\[i18nIgnore\]']`) was told to "mark
/// the commit [skip-l10n]", a directive it does not read: the author followed the advice and the check still failed.
#[test]
fn the_advice_named_a_skip_directive_the_site_does_not_read() {
    let (mut repo, _) = base_site();
    repo.write(
        "tandem.yaml",
        "history:\n  skip_commits_matching: ['\\[i18nIgnore\\]']\n",
    );
    repo.commit("config");
    repo.git(&["branch", "-f", "main"]);
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.31")),
    );
    repo.commit("en: 1.31");
    let text = repo.stdout(&["check", "--base", "main", "--format", "github"]);
    assert!(
        text.contains("or mark the commit [i18nIgnore] if nothing"),
        "{text}"
    );
    assert!(!text.contains("[skip-l10n]"), "{text}");
    // Followed, the advice works.
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.32")),
    );
    repo.git(&["reset", "-q", "--soft", "main"]);
    repo.commit("en: 1.32 [i18nIgnore]");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
}

/// A pull request that only removes a section of a source: its annotation said "This page changed", on line 1 (the
/// front matter's `---`, not a line of the diff, so GitHub did not show it beside the change), and named no section.
/// The removed section is named, on the line after the removal (a line the diff shows).
#[test]
fn a_removed_section_was_annotated_on_line_1_without_its_name() {
    let (mut repo, _) = base_site();
    let without_usage = EN[..EN.find("\n## Usage").unwrap() + 1].to_owned();
    repo.write("content/en/a.md", md("A", "", &without_usage));
    repo.commit("en: a has no usage section any more");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    let finding = &json["findings"][0];
    assert_eq!(finding["kind"], "stale-in-pr", "{json:#}");
    assert_eq!(finding["sections"][0]["heading"], "Usage", "{json:#}");
    let source = repo.read("content/en/a.md");
    let lines = source.lines().count();
    let line = finding["lines"][0].as_u64().unwrap() as usize;
    assert!(
        line > 1 && line <= lines,
        "line {line} of {lines}: {json:#}"
    );
    let github = repo.stdout(&["check", "--base", "main", "--format", "github"]);
    assert!(
        github.contains(&format!(
            "::error file=content/en/a.md,line={line},title=Translation not updated (fr)::A section was removed here (Usage)"
        )),
        "{github}"
    );
}

/// A `GITHUB_STEP_SUMMARY` that cannot be written (a folder, a read-only file system) turned a check with findings
/// into exit code 2, as if it had not run, after the log had said "see the step summary". The verdict stands, with a
/// warning.
#[test]
fn an_unwritable_step_summary_turned_findings_into_exit_2() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("Run `lumen`.", "Run `lumen` twice.")),
    );
    repo.commit("en: a");
    let dir = tempfile::tempdir().unwrap();
    let output = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("warning: the step summary ($GITHUB_STEP_SUMMARY) was not written: "),
        "{stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("::error file=content/en/a.md"), "{stdout}");
    assert!(!stdout.contains("see the step summary"), "{stdout}");
}

/// `tandem check` run in a pull request's workflow without `--base` checks the whole repository, and its old debt was
/// laid on the pull request with nothing saying so but the report's first line. A note says what `--base` to give.
#[test]
fn a_pull_requests_workflow_without_base_checked_the_whole_repository_silently() {
    let (repo, _) = base_site();
    let output = repo
        .tandem()
        .arg("check")
        .env("GITHUB_BASE_REF", "main")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("note: this runs for a pull request into main ($GITHUB_BASE_REF) and checks the whole repository: --base origin/main checks only what the pull request changes"),
        "{stderr}"
    );
    let output = repo
        .tandem()
        .args(["check", "--base", "main"])
        .env("GITHUB_BASE_REF", "main")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("note:"));
}

/// GitHub shows ten annotations of each level: findings were annotated in the report's order (language, file, kind),
/// so a pull request changing a dozen pages and renaming one left the rename's `git mv` in no annotation. Each level's
/// ten are taken a kind at a time.
#[test]
fn a_renamed_sources_annotation_was_crowded_out_by_stale_pages() {
    let (mut repo, _) = base_site();
    repo.git(&["checkout", "-q", "main"]);
    for n in 0..12 {
        repo.write(&format!("content/en/p{n:02}.md"), md("P", "", EN))
            .write(&format!("content/fr/p{n:02}.md"), md("P", "", FR));
    }
    repo.commit("twelve pages");
    repo.git(&["checkout", "-q", "-B", "pr"]);
    for n in 0..12 {
        repo.write(
            &format!("content/en/p{n:02}.md"),
            md("P", "", &EN.replace("Run `lumen`.", "Run `lumen` twice.")),
        );
    }
    repo.git(&["mv", "content/en/old.md", "content/en/zz-renamed.md"]);
    repo.commit("twelve pages changed, one renamed");
    let github = repo.stdout(&["check", "--base", "main", "--format", "github"]);
    let errors: Vec<&str> = github
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert_eq!(errors.len(), 10, "{github}");
    assert!(
        errors
            .iter()
            .any(|l| l.contains("git mv content/fr/old.md content/fr/zz-renamed.md")),
        "{github}"
    );
}

/// On a site with pins, a pull request that updates a source and its translation together passed ("leaves every
/// translation in step"), and once merged `status` called the page stale: the translation's pin still named a commit
/// from before the change, and nothing said to move it (moving it in the pull request would name one of its own
/// commits, not on the base branch). The page is listed with the `tandem sync` to run once merged.
#[test]
fn a_pull_request_updating_both_sides_left_a_pin_behind_without_a_word() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("Run `lumen`.", "Run `lumen` twice.")),
    );
    let fr = repo.read("content/fr/a.md");
    repo.write(
        "content/fr/a.md",
        fr.replace("Lancez `lumen`.", "Lancez `lumen` deux fois."),
    );
    repo.commit("a, in both languages");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    let changed = &json["changed_sources"][0];
    assert_eq!(changed["source"], "content/en/a.md", "{json:#}");
    assert_eq!(
        changed["pins_to_move"],
        serde_json::json!(["content/fr/a.md"]),
        "{json:#}"
    );
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(
        text.contains("    once merged: tandem sync content/fr/a.md (updated with its source in this pull request"),
        "{text}"
    );
    let github = repo.stdout(&["check", "--base", "main", "--format", "github"]);
    assert!(
        github.contains("::notice file=content/fr/a.md,line=1,title=Pin to move once merged::"),
        "{github}"
    );
    // A cosmetic change of the source asks for no move.
    repo.git(&["reset", "-q", "--hard", "main"]);
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("Run `lumen`.", "Run  `lumen`.")),
    );
    repo.write(
        "content/fr/a.md",
        fr.replace("Lancez `lumen`.", "Lancez  `lumen`."),
    );
    repo.commit("a: spaces");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    assert!(
        json["changed_sources"].as_array().unwrap().is_empty(),
        "{json:#}"
    );
}

/// French pull-request messages did not agree the participle: « « Before you begin », « Usage » : modifié, mais… ».
#[test]
fn french_stale_in_pr_message_did_not_agree_with_its_sections() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md(
            "A",
            "",
            &EN.replace("version 1.28", "version 1.31")
                .replace("Run `lumen`", "Run `lumen serve`"),
        ),
    );
    repo.commit("en: two sections");
    let summary = french_step_summary(&repo);
    assert!(
        summary.contains(
            "Sections modifiées : « Before you begin », « Usage » ; content/fr/a.md n’a pas été mise à jour."
        ),
        "{summary}"
    );
    assert!(!summary.contains(": modifié,"), "{summary}");
    // One section: singular.
    repo.git(&["reset", "-q", "--hard", "main"]);
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.31")),
    );
    repo.commit("en: one section");
    let summary = french_step_summary(&repo);
    assert!(
        summary.contains(
            "Section modifiée : « Before you begin » ; content/fr/a.md n’a pas été mise à jour."
        ),
        "{summary}"
    );
}

/// The step summary of `tandem --ui-lang fr check --base main`.
fn french_step_summary(repo: &RepoBuilder) -> String {
    let path = repo.path().join(".git").join("summary.md");
    let _ = std::fs::remove_file(&path);
    repo.tandem()
        .args([
            "--ui-lang",
            "fr",
            "check",
            "--base",
            "main",
            "--format",
            "github",
        ])
        .env("GITHUB_STEP_SUMMARY", &path)
        .output()
        .unwrap();
    std::fs::read_to_string(&path).unwrap()
}

/// `tandem check` on the whole repository put every stale page's annotation on line 1, the front matter, however far
/// down the section that changed was.
#[test]
fn a_stale_pages_annotation_sat_on_line_1() {
    let mut repo = RepoBuilder::new();
    let en = "Intro.\n\n## Install\n\nRun `lumen install`.\n\n## Use\n\nRun `lumen`.\n";
    repo.write("content/en/a.md", md("A", "", en));
    repo.write(
        "content/fr/a.md",
        md(
            "A",
            "",
            "Intro.\n\n## Installer\n\nLancez `lumen install`.\n\n## Utiliser\n\nLancez `lumen`.\n",
        ),
    );
    repo.commit("a, translated");
    repo.write(
        "content/en/a.md",
        md("A", "", &en.replace("Run `lumen`.", "Run `lumen --all`.")),
    );
    repo.commit("a: use changed");
    let out = repo.stdout(&["check", "--format", "github"]);
    // "## Utiliser" is line 11 of the translation.
    assert_eq!(
        repo.read("content/fr/a.md").lines().nth(10),
        Some("## Utiliser")
    );
    assert!(
        out.contains("::error file=content/fr/a.md,line=11,"),
        "{out}"
    );
}

/// A Brazilian translation's annotation was titled "Translation not updated (pt-br)" and the summary said "(pt-br)"
/// where `status` and `diff` say `pt-BR` (tandem's lowercase key for the language, not its tag as written).
#[test]
fn check_named_a_brazilian_translation_pt_br_where_status_says_pt_br_in_bcp_47_case() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "You need version 1.28."))
        .write(
            "content/pt-br/a.md",
            md("A", "", "Você precisa da versão 1.28."),
        );
    repo.commit("site");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.write("content/en/a.md", md("A", "", "You need version 1.31."));
    repo.commit("en: bump");
    let output = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("title=Translation not updated (pt-BR)::"),
        "{text}"
    );
    assert!(
        text.contains("tandem: 1 translation to write or update (pt-BR)"),
        "{text}"
    );
    // The paths keep the folder's name.
    assert!(
        text.contains("content/pt-br/a.md was not updated"),
        "{text}"
    );
}

/// A pull request that changed an English section and only re-spaced the French page (an editor trimming trailing
/// spaces, a contributor's stray newline) passed as "leaves every translation in step", where `status` right after
/// passes over that same commit as "changed nothing meaningful" and calls the page stale. A translation counts as
/// updated when what it says changed, or its pin: reformatting is not translating.
#[test]
fn a_translation_only_reformatted_counted_as_updated() {
    let (mut repo, _) = base_site();
    let main_tip = repo.git(&["rev-parse", "main"]).trim().to_owned();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.30")))
        .write("content/en/b.md", md("B", "", &EN.replace("1.28", "1.30")));
    let fr_a = repo.read("content/fr/a.md").replace("Intro.", "Intro.   ") + "\n";
    repo.write("content/fr/a.md", fr_a);
    // The French b only had its pin moved: its translator says it is in step (`tandem sync`), and it is counted so.
    repin(&repo, "content/fr/b.md", &main_tip);
    repo.commit("en: version 1.30; fr: spacing, and b's pin");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(
        kinds(&json),
        [("stale-in-pr".to_owned(), "content/fr/a.md".to_owned(), true)],
        "{json:#}"
    );
}

/// A pull request that renamed a source page and changed it, its translations moved along (`git mv`, as the
/// `orphaned-in-pr` finding says to do) but not translated, passed: the moved translation counted as updated, and
/// the renamed page as a new one ("added — not translated"). A translation moved with its source is compared with
/// what it said under its old name, and the source with its old name's version; renamed without a change, both pass
/// with nothing to say.
#[test]
fn a_source_renamed_and_changed_passed_once_its_translation_was_moved() {
    let (mut repo, _) = base_site();
    repo.git(&["mv", "content/en/old.md", "content/en/renamed.md"]);
    repo.git(&["mv", "content/fr/old.md", "content/fr/renamed.md"]);
    repo.write(
        "content/en/renamed.md",
        md("Old", "", &EN.replace("Run `lumen`.", "Run `lumen serve`.")),
    );
    repo.commit("en: rename old, and serve; fr: moved along");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(
        kinds(&json),
        [(
            "stale-in-pr".to_owned(),
            "content/fr/renamed.md".to_owned(),
            true
        )],
        "{json:#}"
    );
    let changed = &json["changed_sources"][0];
    assert_eq!(changed["source"], "content/en/renamed.md", "{json:#}");
    assert_eq!(changed["added"], false, "{json:#}");
    assert_eq!(changed["sections"][0]["heading"], "Usage", "{json:#}");

    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["checkout", "-q", "-b", "pr2"]);
    repo.git(&["mv", "content/en/old.md", "content/en/renamed.md"]);
    repo.git(&["mv", "content/fr/old.md", "content/fr/renamed.md"]);
    repo.commit("rename old, in both languages");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty(), "{json:#}");
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(!text.contains("added"), "{text}");

    // A page never translated, renamed and changed, and translated in the same pull request: a new translation.
    repo.git(&["checkout", "-q", "main"]);
    repo.write("content/en/extra.md", md("Extra", "", EN));
    repo.commit("en: extra");
    repo.git(&["checkout", "-q", "-b", "pr3"]);
    repo.git(&["mv", "content/en/extra.md", "content/en/more.md"]);
    repo.write("content/en/more.md", md("More", "", EN))
        .write("content/fr/more.md", md("Plus", "", FR));
    repo.commit("en: extra is more; fr: more");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    assert!(
        kinds(&json)
            .iter()
            .all(|(kind, _, _)| kind != "stale-in-pr"),
        "{json:#}"
    );
}

/// `init --publish together` says "tandem check fails on every finding" and wrote only a pull request's kinds: on a
/// nightly `tandem check` of the whole repository (or the action's fallbacks), a stale page was a warning and the check
/// passed. It writes both modes' kinds; and a policy that names none of the kinds of the mode run is warned about
/// (`fail_on: [stale-in-pr]` there: the gate would pass whatever it found).
#[test]
fn a_policy_for_pull_requests_let_the_whole_repository_check_pass() {
    let (mut repo, _) = base_site();
    repo.git(&["checkout", "-q", "main"]);
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.30")));
    repo.commit("en: 1.30");
    repo.tandem()
        .args(["init", "--yes", "--publish", "together"])
        .assert()
        .success();
    let (code, json) = check_json(&repo, &[]);
    assert_eq!(code, 1, "{json:#}");
    assert!(
        kinds(&json).contains(&("stale".to_owned(), "content/fr/a.md".to_owned(), true)),
        "{json:#}"
    );

    repo.write("tandem.yaml", "check: { fail_on: [stale-in-pr] }\n");
    let output = repo.tandem().arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("name none that checking the whole repository reports (stale, missing,"),
        "{stderr}"
    );
    // The pull request's check is what that policy is for: no warning there.
    let output = repo
        .tandem()
        .args(["check", "--base", "main"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("warning"),
        "{output:?}"
    );
}

/// On a site that pins its translations, a pull request adding a page and its translation could never pass: without
/// a pin, `missing-pin` ("run tandem sync"); after `tandem sync`, `invalid-pin` (the pin names a commit of the pull
/// request, not on the base branch). A new page's translation can only be pinned once merged: a notice says so, as
/// for translations updated with their source.
#[test]
fn a_new_page_translated_in_its_pull_request_could_never_pass_on_a_pinned_site() {
    let (mut repo, _) = base_site();
    repo.write("content/en/faq.md", md("FAQ", "", EN));
    repo.write("content/fr/faq.md", md("FAQ", "", FR));
    repo.commit("faq, in both languages");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty(), "{json:#}");
    let changed = &json["changed_sources"][0];
    assert_eq!(changed["source"], "content/en/faq.md", "{json:#}");
    assert_eq!(changed["added"], true, "{json:#}");
    assert_eq!(changed["pins_to_move"][0], "content/fr/faq.md", "{json:#}");
    // Pinned in the pull request, as `tandem sync` does: the same.
    repo.tandem()
        .args(["sync", "content/fr/faq.md"])
        .assert()
        .success();
    repo.commit("fr: pin");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty(), "{json:#}");
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(
        text.contains("content/en/faq.md added — translated in this pull request\n")
            && text
                .contains("once merged: tandem sync content/fr/faq.md (a new page's translation"),
        "{text}"
    );
    // A page the pull request did not add still needs its pin on the base branch.
    repo.write(
        "content/fr/b.md",
        repo.read("content/fr/b.md").replace("Intro.", "Intro :"),
    );
    repin(&repo, "content/fr/b.md", &repo.head());
    repo.commit("fr: b pinned to a commit of the pull request");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(
        kinds(&json),
        [("invalid-pin".to_owned(), "content/fr/b.md".to_owned(), true)],
        "{json:#}"
    );
}

/// A pull request whose first commit, marked `[skip-l10n]`, changed one section and whose second changed another:
/// both sections were listed, and the one annotation sat on the section the author had waved through, where
/// `tandem diff` lists only the other. The sections only an uncounted commit changed are left out, as in `status`.
#[test]
fn a_section_only_a_skip_commit_changed_was_annotated_beside_the_real_change() {
    let (mut repo, _) = base_site();
    let en = EN.replace("You need version 1.28.", "You need version 1.28 or later.");
    repo.write("content/en/a.md", md("A", "", &en));
    repo.commit("en: a minimum version [skip-l10n]");
    repo.write(
        "content/en/a.md",
        md("A", "", &en.replace("Run `lumen`.", "Run `lumen serve`.")),
    );
    repo.commit("en: serve");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    let finding = &json["findings"][0];
    assert_eq!(finding["kind"], "stale-in-pr", "{json:#}");
    let headings: Vec<&str> = finding["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["heading"].as_str().unwrap())
        .collect();
    assert_eq!(headings, ["Usage"], "{json:#}");
    let usage = md("A", "", EN)
        .lines()
        .position(|l| l == "Run `lumen`.")
        .unwrap()
        + 1;
    assert_eq!(finding["lines"], serde_json::json!([usage]), "{json:#}");
}

/// A section the pull request removed was annotated on the heading that now stands in its place as "This section
/// (Before you begin) changed", and an added one "changed" too: the annotation says which it was.
#[test]
fn a_removed_section_was_annotated_as_changed_on_the_next_heading() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md("A", "", "Intro.\n\n## Usage\n\nRun `lumen`.\n"),
    )
    .write(
        "content/en/b.md",
        md("B", "", &format!("{EN}\n## Uninstall\n\nDelete it.\n")),
    );
    repo.commit("en: a without its first section; b with a last one");
    let github = repo.stdout(&["check", "--base", "main", "--format", "github"]);
    assert!(
        github.contains("::A section was removed here (Before you begin), but content/fr/a.md was not updated. Remove it there too in this PR"),
        "{github}"
    );
    assert!(
        github.contains("::This section (Uninstall) was added, but content/fr/b.md was not updated. Translate it there in this PR"),
        "{github}"
    );
    let github = repo.stdout(&[
        "--ui-lang",
        "fr",
        "check",
        "--base",
        "main",
        "--format",
        "github",
    ]);
    assert!(
        github.contains("::Une section a été supprimée ici (Before you begin)"),
        "{github}"
    );
}

/// A pull request adding a translation under a misspelt name (`instal.md` for `install.md`) passed, even with
/// `orphaned` in the policy: the translation has no source, which the whole repository's check said only once merged.
/// It is newly orphaned: `orphaned-in-pr`, on the translation.
#[test]
fn a_translation_added_without_a_source_passed() {
    let (mut repo, _) = base_site();
    repo.write("content/fr/bb.md", md("B", "", FR));
    repo.commit("fr: b, misspelt");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(
        kinds(&json),
        [(
            "orphaned-in-pr".to_owned(),
            "content/fr/bb.md".to_owned(),
            true
        )],
        "{json:#}"
    );
    assert_eq!(
        json["findings"][0]["reason"], "source-not-found",
        "{json:#}"
    );
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(
        text.contains("content/fr/bb.md was added, but its source content/en/bb.md does not exist"),
        "{text}"
    );
}

/// A pull request deleting a translation whose source stays (one page, or a whole language's folder) passed with
/// "leaves every translation in step"; once merged the whole repository's check called the page missing. The pull
/// request makes it missing: `missing-in-pr`, reason `translation-deleted`, reported whatever the policy (a warning
/// unless the policy names `missing-in-pr`). Deleting a page with its translations is no finding.
#[test]
fn a_pull_request_deleting_a_translation_passed_in_silence() {
    let (mut repo, _) = base_site();
    repo.git(&[
        "rm",
        "-q",
        "content/fr/b.md",
        "content/en/old.md",
        "content/fr/old.md",
    ]);
    repo.commit("fr: b deleted; old deleted in both languages");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(
        kinds(&json),
        [(
            "missing-in-pr".to_owned(),
            "content/fr/b.md".to_owned(),
            false
        )],
        "{json:#}"
    );
    assert_eq!(
        json["findings"][0]["reason"], "translation-deleted",
        "{json:#}"
    );
    assert_eq!(json["findings"][0]["source"], "content/en/b.md", "{json:#}");
    let (code, _) = check_json(&repo, &["--base", "main", "--fail-on", "missing-in-pr"]);
    assert_eq!(code, 1);
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(
        text.contains("content/fr/b.md was deleted, but its source content/en/b.md is still there"),
        "{text}"
    );
    let github = repo.stdout(&["check", "--base", "main", "--format", "github"]);
    assert!(
        github.contains("::warning file=content/en/b.md,line=1,title=Translation deleted (fr)::content/fr/b.md was deleted, but its source content/en/b.md is still there: the fr site loses this page. If that was not meant, restore it in this PR (git checkout main -- content/fr/b.md)."),
        "{github}"
    );
    let french = repo.stdout(&["--ui-lang", "fr", "check", "--base", "main"]);
    assert!(
        french.contains(
            "content/fr/b.md a été supprimée, mais sa source content/en/b.md est toujours là"
        ),
        "{french}"
    );

    // Restored as the message says; then the source renamed, its translation deleted rather than moved.
    repo.git(&["checkout", "main", "--", "content/fr/b.md"]);
    repo.commit("fr: b restored");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!((code, kinds(&json)), (0, vec![]), "{json:#}");
    repo.git(&["mv", "content/en/a.md", "content/en/alpha.md"]);
    repo.git(&["rm", "-q", "content/fr/a.md"]);
    repo.commit("en: a renamed alpha; fr: a deleted");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    let deleted: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["reason"] == "translation-deleted")
        .map(|f| {
            (
                f["source"].as_str().unwrap(),
                f["translation"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        deleted,
        [("content/en/alpha.md", "content/fr/a.md")],
        "{json:#}"
    );
    // Restored under its old name as the advice said, it would have been an orphan: it goes under the new name.
    repo.tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .assert()
        .stdout(predicate::str::contains(
            "content/fr/a.md was deleted while its source moved to content/en/alpha.md",
        ))
        .stdout(predicate::str::contains(
            "git checkout main -- content/fr/a.md && git mv content/fr/a.md content/fr/alpha.md",
        ));
}

/// Two source pages deleted beside one added with the first's bytes (a rename): the second, deleted for good, was said
/// to be renamed to the same page by similarity, and its translation told `git mv` onto the first's new name. An added
/// page is the new name of one deleted page at most, the same bytes first.
#[test]
fn a_page_deleted_beside_a_rename_was_said_renamed_too() {
    let (mut repo, _) = base_site();
    repo.git(&["mv", "content/en/a.md", "content/en/alpha.md"]);
    repo.git(&["mv", "content/fr/a.md", "content/fr/alpha.md"]);
    repo.git(&["rm", "-q", "content/en/old.md"]);
    repo.commit("en: a renamed alpha, old deleted; fr: a moved along");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    let orphaned: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap(),
                f["translation"].as_str().unwrap(),
                f["renamed_to"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        orphaned,
        [("orphaned-in-pr", "content/fr/old.md", None)],
        "{json:#}"
    );
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(
        text.contains(
            "content/en/old.md was deleted, but content/fr/old.md is still there: delete it too."
        ),
        "{text}"
    );
}

/// On a push (`--pushed`, the action on a push to the default branch) a source changed without its translation was
/// told "Update it in this PR, or mark the commit [skip-l10n]": there is no pull request, and the commits are on the
/// branch already. The fix goes in a commit to come.
#[test]
fn a_push_was_told_to_update_the_translation_in_this_pr() {
    let (mut repo, _) = base_site();
    repo.git(&["checkout", "-q", "main"]);
    let before = repo.head();
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.31")),
    );
    repo.write("content/en/new.md", md("New", "", "A new page."));
    repo.commit("en: bump, and a new page");
    for (lang, said, not_said) in [
        ("en", "Update it in a commit to come.", "this PR"),
        (
            "fr",
            "Mettez-la à jour dans un prochain commit.",
            "cette PR",
        ),
    ] {
        let text = repo.stdout(&[
            "--ui-lang",
            lang,
            "check",
            "--base",
            &before,
            "--pushed",
            "--fail-on",
            "stale-in-pr,missing-in-pr",
            "--format",
            "github",
        ]);
        assert!(text.contains(said), "{text}");
        assert!(!text.contains(not_said), "{text}");
    }
    // A pull request is still told so.
    let text = repo.stdout(&["check", "--base", &before, "--format", "github"]);
    assert!(text.contains("Update it in this PR"), "{text}");
}

/// JUnit counted a translation a skip directive left as it is, and a language that never translated a changed page,
/// as passed test cases: a suite of green ticks for pages nobody checked. Both are `<skipped/>`, with why.
#[test]
fn junit_counted_pages_nobody_checked_as_passes() {
    let (mut repo, _) = base_site();
    repo.write("content/en/a.md", md("A", "", &EN.replace("1.28", "1.31")));
    repo.commit("en: a bumped [skip-l10n]");
    repo.write("content/en/fresh.md", md("Fresh", "", "A new page."));
    repo.commit("en: a new page");
    let output = repo
        .tandem()
        .args(["check", "--base", "main", "--format", "junit"])
        .output()
        .unwrap();
    let xml = String::from_utf8(output.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("valid XML");
    let skipped: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .filter_map(|case| {
            let skipped = case.children().find(|n| n.has_tag_name("skipped"))?;
            Some((
                case.attribute("name").unwrap().to_owned(),
                skipped.attribute("message").unwrap().to_owned(),
            ))
        })
        .collect();
    assert_eq!(
        skipped,
        [
            (
                "content/fr/a.md".to_owned(),
                "nothing to translate: its commits carry a skip directive".to_owned()
            ),
            (
                "content/fr/fresh.md".to_owned(),
                "not translated: content/fr/fresh.md does not exist".to_owned()
            ),
        ],
        "{xml}"
    );
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("skipped"), Some("2"), "{xml}");
}

/// A pull request's front-matter change was judged without looking at the translations, every key taking its default
/// class: a key a translation translated (its own `image`) only warned "copy it", a key every translation copied
/// (`status`) failed as one to translate, a key the source removed failed translations that never had it, and a
/// translation the pull request updated the same way still failed. Each translation is now judged as `status` judges
/// it: by what it holds.
#[test]
fn a_pull_requests_front_matter_change_was_judged_without_the_translations() {
    let fm = |title: &str, image: &str, status: &str, notice: Option<&str>| {
        let notice = notice.map_or(String::new(), |n| format!("notice: {n}\n"));
        format!("---\ntitle: {title}\nimage: {image}\nstatus: {status}\n{notice}---\n\n{EN}")
    };
    let mut repo = RepoBuilder::new();
    repo.write("hugo.toml", "defaultContentLanguage = \"en\"\n")
        .write(
            "content/en/a.md",
            fm("A", "/img/a.png", "Completed", Some("Big news")),
        )
        .write(
            "content/fr/a.md",
            fm("A fr", "/img/a-fr.png", "Completed", None),
        )
        .write(
            "content/de/a.md",
            fm("A de", "/img/a.png", "Completed", Some("Große Neuigkeit")),
        );
    repo.commit("pages");
    let findings = |repo: &RepoBuilder| {
        let (_, json) = check_json(repo, &["--base", "HEAD~1"]);
        let mut found: Vec<(String, String, bool)> = kinds(&json)
            .into_iter()
            .map(|(kind, translation, fails)| {
                (
                    translation.replace("content/", "").replace("/a.md", ""),
                    kind,
                    fails,
                )
            })
            .collect();
        found.sort();
        found
    };
    let f = |lang: &str, kind: &str, fails: bool| (lang.to_owned(), kind.to_owned(), fails);

    // The French page has a picture of its own: a new English picture is work for it. The German copied it.
    repo.write(
        "content/en/a.md",
        fm("A", "/img/a2.png", "Completed", Some("Big news")),
    );
    repo.commit("en: new picture");
    assert_eq!(
        findings(&repo),
        vec![
            f("de", "mirrored-only", false),
            f("fr", "stale-in-pr", true)
        ]
    );

    // Both copied `status`: a value to copy, not to translate.
    repo.write(
        "content/en/a.md",
        fm("A", "/img/a2.png", "Deprecated", Some("Big news")),
    );
    repo.commit("en: deprecated");
    assert_eq!(
        findings(&repo),
        vec![
            f("de", "mirrored-only", false),
            f("fr", "mirrored-only", false)
        ]
    );

    // The notice goes: the French page never had one.
    repo.write(
        "content/en/a.md",
        fm("A", "/img/a2.png", "Deprecated", None),
    );
    repo.commit("en: no notice");
    assert_eq!(findings(&repo), vec![f("de", "stale-in-pr", true)]);

    // Source and French updated together: nothing left for the French page. (The German page, which kept
    // `Completed`, is to update: it no longer holds the source's value.)
    repo.write("content/en/a.md", fm("A", "/img/a2.png", "Retired", None));
    repo.write(
        "content/fr/a.md",
        fm("A fr", "/img/a-fr.png", "Retired", None),
    );
    repo.commit("en, fr: retired");
    assert_eq!(findings(&repo), vec![f("de", "stale-in-pr", true)]);
}

/// A commit that says `@lunaria-ignore:<translation>` tells the trackers it does not update that translation, though
/// it touched it: `status` read it so (the page stale right after the merge), while the gate counted the page as
/// updated and left it out of "to update".
#[test]
fn a_translation_a_commit_said_it_did_not_update_was_counted_as_updated() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.31")),
    );
    let fr = repo.read("content/fr/a.md");
    repo.write("content/fr/a.md", fr.replace("Intro.", "Introduction."));
    repo.commit("Support 1.31\n\n@lunaria-ignore:content/fr/a.md\n");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    assert!(
        kinds(&json).contains(&("stale-in-pr".to_owned(), "content/fr/a.md".to_owned(), true)),
        "{json:#}"
    );
}

/// A site tracked with Lunaria: a commit its `ignoreKeywords` pass over ("typo") was a change to translate for tandem,
/// and the advice named `[skip-l10n]`, a directive the project never wrote, rather than its own `[i18nIgnore]`.
#[test]
fn a_lunaria_sites_ignore_keywords_and_its_own_directive_were_not_read() {
    let (mut repo, _) = base_site();
    repo.write(
        "lunaria.config.json",
        r#"{"defaultLocale": {"lang": "en"}, "locales": [{"lang": "fr"}], "ignoreKeywords": ["lunaria-ignore", "typo", "broken link"]}"#,
    );
    repo.commit("[i18nIgnore] add the tracker's config");
    repo.write(
        "content/en/b.md",
        md("B", "", &EN.replace("Intro.", "Introduction.")),
    );
    repo.commit("Fix a Typo in b");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty(), "{json:#}");

    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("version 1.28", "version 1.31")),
    );
    repo.commit("en: bump");
    repo.tandem()
        .args(["check", "--base", "main", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("mark the commit [i18nIgnore]"))
        .stdout(predicate::str::contains("[skip-l10n]").not());
}

/// A section whose first changed line only lost its trailing spaces (an editor's clean-up) and whose real change came
/// further down: the annotation sat on the line of spaces, where a reviewer saw nothing changed.
#[test]
fn an_annotation_sat_on_a_line_whose_only_change_was_its_trailing_spaces() {
    let body = |tail: &str, word: &str| {
        format!(
            "## Usage\n\nRun the tool.{tail}\nIt reads the config.\nIt writes a report.\nThen it {word}.\n"
        )
    };
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", &body("  ", "stops")))
        .write("content/fr/a.md", md("A", "", "## Utilisation\n\nLancez l'outil.\nIl lit la configuration.\nIl écrit un rapport.\nPuis il s'arrête.\n"));
    repo.commit("pages");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.write("content/en/a.md", md("A", "", &body("", "exits")));
    repo.commit("en: exits");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    let finding = &json["findings"][0];
    let text = repo.read("content/en/a.md");
    let line = text.lines().position(|l| l.contains("exits")).unwrap() + 1;
    assert_eq!(finding["lines"], serde_json::json!([line]), "{json:#}");
}

/// A pull request deleting several translations: the findings and the JSON's `checked` came in the order of a hash
/// map, another on each run, so two runs of one check gave two reports.
#[test]
fn a_pull_request_deleting_translations_gave_another_report_on_each_run() {
    let mut repo = RepoBuilder::new();
    for name in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        repo.write(&format!("content/en/{name}.md"), md(name, "", EN))
            .write(&format!("content/fr/{name}.md"), md(name, "", FR));
    }
    repo.commit("pages");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    for name in ["b", "c", "d", "e", "f", "g", "h"] {
        repo.remove(&format!("content/fr/{name}.md"));
    }
    repo.commit("fr: gone");
    let first = check_json(&repo, &["--base", "main"]).1;
    for _ in 0..6 {
        assert_eq!(check_json(&repo, &["--base", "main"]).1, first);
    }
}

/// A pull request renaming a source from `.md` to `.mdx` (`tests/fixtures/starlight-mdx-migration`) failed every
/// language with `orphaned-in-pr` and told each to `git mv fr/…/write.md fr/…/write.md`, a move onto itself: the
/// translation is still the page's translation (Starlight names pages without their extension). A rename alone asks
/// nothing; a rename with a change asks the translation, under its own name, to be updated.
#[test]
fn a_pull_request_renaming_a_source_to_mdx_failed_its_translation_as_orphaned() {
    let mut repo = RepoBuilder::from_fixture("starlight-mdx-migration");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.git(&[
        "mv",
        "src/content/docs/guides/write.md",
        "src/content/docs/guides/write.mdx",
    ]);
    repo.commit("en: write.md becomes MDX");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{json:#}");

    let source = repo.read("src/content/docs/guides/write.mdx");
    repo.write(
        "src/content/docs/guides/write.mdx",
        source.replace("Its title goes", "Its title and description go"),
    );
    repo.commit("en: the description too");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(
        kinds(&json),
        [(
            "stale-in-pr".to_owned(),
            "src/content/docs/fr/guides/write.md".to_owned(),
            true
        )],
        "{json:#}"
    );
}

/// A pull request that renamed a source and changed it asked only for the `git mv`: the author moved the translation,
/// pushed, and only then learnt from a `stale-in-pr` that the "Install" section needed translating. The move's
/// finding names the changed sections at once.
#[test]
fn a_source_renamed_and_changed_asked_only_for_the_move() {
    let (mut repo, _) = base_site();
    repo.git(&["mv", "content/en/old.md", "content/en/renamed.md"]);
    repo.write(
        "content/en/renamed.md",
        md("Old", "", &EN.replace("1.28", "1.31")),
    );
    repo.commit("en: rename and bump");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 1, "{json:#}");
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "orphaned-in-pr")
        .expect("the move is asked");
    assert_eq!(finding["move_translation_to"], "content/fr/renamed.md");
    assert!(
        !finding["sections"].as_array().unwrap().is_empty(),
        "{json:#}"
    );
    let text = repo.stdout(&["check", "--base", "main"]);
    assert!(
        text.contains("was renamed to content/en/renamed.md and changed ("),
        "{text}"
    );
    assert!(
        text.contains("git mv content/fr/old.md content/fr/renamed.md, then update it"),
        "{text}"
    );
    // A rename alone asks only for the move.
    let (mut repo, _) = base_site();
    repo.git(&["mv", "content/en/old.md", "content/en/renamed.md"]);
    repo.commit("en: rename");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    let finding = &json["findings"][0];
    assert_eq!(finding["kind"], "orphaned-in-pr", "{json:#}");
    assert!(
        finding
            .get("sections")
            .is_none_or(|s| s.as_array().unwrap().is_empty()),
        "{json:#}"
    );
}

/// A commit marked `[SKIP-L10N]` (capitals, as some teams write `[SKIP CI]`) failed the pull request: the directive
/// was read in lower case only.
#[test]
fn a_skip_directive_in_capitals_was_a_change_to_translate() {
    let (mut repo, _) = base_site();
    repo.write(
        "content/en/b.md",
        md("B", "", &EN.replace("Run `lumen`.", "Just run `lumen`.")),
    );
    repo.commit("en: wording [SKIP-L10N]");
    let (code, json) = check_json(&repo, &["--base", "main"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(kinds(&json).is_empty(), "{json:#}");
    let status = repo.status_json(&[]);
    assert_eq!(
        crate::support::page(&status, "content/fr/b.md")["reason"],
        "skip-directive",
        "{status:#}"
    );
}

/// A pull request that deleted a page and added an unrelated short one told the deleted page's translations to
/// `git mv` onto the new page's name: the two pages' diff ratio counted the spaces between their words, and came out
/// half alike with no word in common.
#[test]
fn a_deleted_page_and_an_unrelated_new_one_were_called_a_rename() {
    let (mut repo, _) = base_site();
    repo.git(&["rm", "-q", "content/en/old.md"]);
    repo.write(
        "content/en/zebra.md",
        md(
            "Zebra",
            "",
            "Something else entirely.\n\nWith its own words.\n",
        ),
    );
    repo.commit("en: drop old, add zebra");
    let (_, json) = check_json(&repo, &["--base", "main"]);
    let orphan = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "orphaned-in-pr")
        .unwrap_or_else(|| panic!("{json:#}"));
    assert!(orphan["renamed_to"].is_null(), "{json:#}");
    assert!(orphan["move_translation_to"].is_null(), "{json:#}");
}
