//! PATH arguments: what they match, the error when they match nothing, and the languages a narrowed report shows.

use predicates::prelude::*;

use crate::support::{RepoBuilder, each, md, page, tandem_in};

/// en: a, docs/b, docs/c; fr: a, docs/b (docs/c missing); de: a only. Pinned at the first commit, nothing changed.
fn three_languages() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("tandem.yaml", "source: en\n")
        .write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/docs/b.md", md("B", "", "Beta."))
        .write("content/en/docs/c.md", md("C", "", "Gamma."))
        .write("static/logo.txt", "not a page");
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/a.md", md("A", &pin, "Alpha (fr)."))
        .write("content/fr/docs/b.md", md("B", &pin, "Bêta."))
        .write("content/de/a.md", md("A", &pin, "Alpha (de)."));
    repo.commit("fr, de");
    repo
}

/// Runs tandem in `repo` with `args`, asserts exit code 2 and one line on stderr, and returns that line.
fn one_line_error(repo: &RepoBuilder, args: &[&str]) -> String {
    let output = repo.tandem().args(args).output().expect("tandem runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "tandem {args:?}: {stderr}");
    assert!(output.stdout.is_empty(), "tandem {args:?} printed a report");
    assert_eq!(stderr.lines().count(), 1, "tandem {args:?}: {stderr}");
    stderr
}

#[test]
fn path_matching_nothing_is_an_error_not_an_empty_report() {
    let repo = three_languages();
    let line = one_line_error(&repo, &["status", "no-such-dir"]);
    assert!(line.contains("no page at or under no-such-dir"), "{line}");
    assert!(
        line.contains("relative to the folder tandem runs in"),
        "{line}"
    );
    assert!(line.contains("tandem pair"), "{line}");

    // A folder that exists but holds no page, and a file that is not a page, are no better.
    let line = one_line_error(&repo, &["status", "static"]);
    assert!(line.contains("no page at or under static"), "{line}");
    let line = one_line_error(&repo, &["status", "--format", "json", "static/logo.txt"]);
    assert!(line.contains("static/logo.txt"), "{line}");

    // One good PATH does not excuse a bad one: the error names the bad one.
    let line = one_line_error(&repo, &["status", "content/fr", "content/fr/typo.md"]);
    assert!(line.contains("content/fr/typo.md"), "{line}");

    let line = one_line_error(&repo, &["--ui-lang", "fr", "status", "no-such-dir"]);
    assert!(
        line.contains("aucune page ne correspond à no-such-dir"),
        "{line}"
    );
}

#[test]
fn path_of_a_missing_translation_reports_it_instead_of_matching_nothing() {
    let repo = three_languages();
    repo.tandem()
        .args(["status", "content/fr/docs/c.md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("content/fr/docs/c.md"))
        .stdout(predicate::str::contains("content/en/docs/c.md"));
    let json = repo.status_json(&["content/fr/docs/c.md"]);
    assert_eq!(json["pages"].as_array().unwrap().len(), 1, "{json:#}");
    assert_eq!(page(&json, "content/fr/docs/c.md")["state"], "missing");
    // A folder that only a missing translation would be in matches too.
    let json = repo.status_json(&["content/de/docs"]);
    let states = each(&json["pages"], "state");
    assert_eq!(states, ["missing", "missing"], "{json:#}");
}

#[test]
fn languages_with_nothing_under_the_path_are_left_out() {
    let repo = three_languages();
    let assert = repo
        .tandem()
        .args(["status", "content/fr/docs"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(stdout.contains("fr translations"), "{stdout}");
    assert!(!stdout.contains("de translations"), "{stdout}");
    assert!(!stdout.starts_with('\n'), "{stdout}");

    let json = repo.status_json(&["content/fr/docs"]);
    let languages: Vec<&String> = json["summary"].as_object().unwrap().keys().collect();
    assert_eq!(languages, ["fr"], "{json:#}");
    assert_eq!(json["summary"]["fr"]["total"], 2);

    // Markdown shows the same languages as text.
    repo.tandem()
        .args(["status", "--format", "markdown", "content/fr/docs"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## fr translations"))
        .stdout(predicate::str::contains("de translations").not());

    // A source page is translated (or missing) in every language: all of them are shown.
    let json = repo.status_json(&["content/en/a.md"]);
    let languages: Vec<&String> = json["summary"].as_object().unwrap().keys().collect();
    assert_eq!(languages, ["de", "fr"], "{json:#}");
    // Without PATHs every language is there, even one with nothing to report under a folder.
    let json = repo.status_json(&[]);
    assert_eq!(json["summary"].as_object().unwrap().len(), 2, "{json:#}");
}

#[test]
fn every_command_taking_paths_rejects_a_path_matching_nothing_the_same_way() {
    let repo = three_languages();
    for args in [
        &["status", "no-such-dir"][..],
        &["tasks", "no-such-dir"],
        &["tasks", "--missing", "--format", "github", "no-such-dir"],
        &["sync", "no-such-dir"],
        &["sync", "--stale", "no-such-dir"],
        &["diff", "no-such-dir"],
    ] {
        let line = one_line_error(&repo, args);
        assert!(
            line.contains("no page at or under no-such-dir"),
            "{args:?}: {line}"
        );
    }
    // Under a PATH that does match, tasks narrows as status does.
    repo.tandem()
        .args(["tasks", "--missing", "content/de"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "[de] Translate content/en/docs/b.md",
        ))
        .stdout(predicate::str::contains("[fr]").not());
}

#[test]
fn paths_are_relative_to_the_folder_tandem_runs_in() {
    let repo = three_languages();
    let content = repo.path().join("content");
    tandem_in(&content)
        .args(["status", "--format", "json", "fr/docs/c.md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"state\": \"missing\""));
    // A path that names nothing from there, and nothing from the top of the repository either, is an error.
    tandem_in(&content)
        .args(["status", "content/xx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no page at or under content/xx"));
    // -C DIR: as if tandem was started there.
    repo.tandem()
        .args(["-C", "content", "status", "fr/docs/c.md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("content/fr/docs/c.md"));
}

/// A site kept in `website/`, tandem run there: its reports name pages from the top of the repository
/// (`Next: tandem diff website/content/fr/guide.md`), and pasting that command matched nothing ("no page at or under
/// website/content/fr/guide.md", exit 2). A path that names nothing from the folder tandem runs in is read from the
/// top of the repository; one that names something there keeps its meaning.
#[test]
fn the_next_command_printed_in_a_site_folder_matched_nothing_there() {
    let mut repo = RepoBuilder::new();
    repo.write("README.md", "# A project with its site in website/\n")
        .write("website/tandem.yaml", "source: en\n")
        .write("website/content/en/guide.md", md("Guide", "", "Read this."))
        .write(
            "website/content/fr/guide.md",
            md("Guide", "", "Lisez ceci."),
        );
    repo.commit("site");
    repo.write(
        "website/content/en/guide.md",
        md("Guide", "", "Read this.\n\n## More\n\nA new section."),
    );
    repo.commit("en: more");
    let website = repo.path().join("website");
    let output = tandem_in(&website).args(["status"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let next = text
        .lines()
        .find_map(|line| line.strip_prefix("Next: tandem "))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(next, "diff website/content/fr/guide.md", "{text}");
    let args: Vec<&str> = next.split(' ').collect();
    let output = tandem_in(&website).args(&args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let diff = String::from_utf8(output.stdout).unwrap();
    assert!(diff.contains("More"), "{diff}");
    // The note named the place inside parentheses of its own: "(insert after (before the first heading), line 5)".
    assert!(
        diff.contains("(insert after the text before the first heading, at the end of the page)"),
        "{diff}"
    );
    // The same path from the folder it names still wins.
    tandem_in(&website)
        .args(["status", "content/fr/guide.md"])
        .assert()
        .code(predicate::in_iter([0, 1]))
        .stdout(predicate::str::contains("website/content/fr/guide.md"));
}

#[test]
fn compare_of_two_missing_files_gave_the_systems_words_without_a_fix() {
    let repo = three_languages();
    let line = one_line_error(
        &repo,
        &["compare", "content/en/nope.md", "content/fr/nope.md"],
    );
    assert!(!line.contains("entity not found"), "{line}");
    assert!(line.contains("neither "), "{line}");
    assert!(
        line.contains("content/en/nope.md") && line.contains("content/fr/nope.md"),
        "{line}"
    );
    assert!(line.contains("tandem pair"), "{line}");
    let line = one_line_error(&repo, &["--ui-lang", "fr", "compare", "nope.md", "x.md"]);
    assert!(line.contains("ni ") && line.contains("n’existe"), "{line}");
    assert!(line.contains("tandem pair liste les pages"), "{line}");
}
