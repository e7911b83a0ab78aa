//! Sources renamed in history: the translation follows its source (moved after the pin, before it, twice, with
//! edits), the `git mv` that keeps it paired is shown, and `--strict` keeps git's byte semantics.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, page};

const BODY: &str = "First paragraph of the page.\n\nSecond paragraph, with more words.\n\nThird paragraph.\n\nFourth.";
/// A faithful translation of BODY (as many paragraphs: structure signals stay quiet).
const TRADUCTION: &str = "Premier paragraphe de la page.\n\nDeuxième paragraphe, avec plus de mots.\n\nTroisième paragraphe.\n\nQuatrième.";

fn pinned(commit: &str) -> String {
    format!("default_lang_commit: {commit}\n")
}

/// `content/en/docs/setup.md` and its French translation, pinned to the English commit.
fn translated_setup() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/setup.md", md("Setup", "", BODY));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/docs/setup.md",
        md("Installation", &pinned(&c1), TRADUCTION),
    );
    repo.commit("fr");
    repo
}

#[test]
fn moved_after_the_pin_the_translation_follows_and_is_current() {
    let mut repo = translated_setup();
    repo.git(&[
        "mv",
        "content/en/docs/setup.md",
        "content/en/docs/getting-started.md",
    ]);
    repo.commit("en: rename setup to getting started");

    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/setup.md");
    assert_eq!(fr["source"], "content/en/docs/getting-started.md");
    assert_eq!(fr["paired_by"], "rename");
    assert_eq!(fr["state"], "current");
    assert_eq!(fr["reason"], "source-unchanged");
    assert_eq!(fr["renamed_from"], "content/en/docs/setup.md");
    assert_eq!(fr["renamed_to"], "content/en/docs/getting-started.md");
    assert_eq!(fr["move_to"], "content/fr/docs/getting-started.md");
    // The renamed source is not also reported missing.
    assert_eq!(json["pages"].as_array().unwrap().len(), 1, "{json:#}");
    assert_eq!(json["summary"]["fr"]["total"], 1);

    repo.tandem()
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/fr/docs/setup.md — content/en/docs/setup.md is now content/en/docs/getting-started.md",
        ))
        .stdout(predicate::str::contains(
            "git mv content/fr/docs/setup.md content/fr/docs/getting-started.md",
        ));

    // After the suggested `git mv`, the pair is a plain path pair, still current.
    repo.git(&[
        "mv",
        "content/fr/docs/setup.md",
        "content/fr/docs/getting-started.md",
    ]);
    repo.commit("fr: follow the rename");
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/getting-started.md");
    assert_eq!(fr["paired_by"], "path");
    assert_eq!(fr["state"], "current");
    assert_eq!(fr["renamed_from"], "content/en/docs/setup.md");
}

#[test]
fn strict_counts_the_rename_as_a_change_and_still_reports_it() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/setup.md", md("Setup", "", BODY));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/setup.md",
        md("Installation", &pinned(&c1), TRADUCTION),
    );
    repo.commit("fr");
    repo.git(&["mv", "content/en/setup.md", "content/en/start.md"]);
    repo.commit("en: rename");

    // The translation's source path is gone: lsync's "removed", with the rename found.
    let json = repo.status_json(&["--strict"]);
    let orphan = page(&json, "content/fr/setup.md");
    assert_eq!(orphan["state"], "orphaned");
    assert_eq!(orphan["source"], "content/en/setup.md");
    assert_eq!(orphan["renamed_to"], "content/en/start.md");
    assert_eq!(orphan["move_to"], "content/fr/start.md");
    assert_eq!(page(&json, "content/fr/start.md")["state"], "missing");
    repo.tandem()
        .args(["status", "--strict"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/fr/setup.md — its source content/en/setup.md was renamed to content/en/start.md",
        ))
        .stdout(predicate::str::contains(
            "git mv content/fr/setup.md content/fr/start.md",
        ));

    // Moved, with the translation following: byte semantics on the new path say it did not exist at the pin.
    repo.git(&["mv", "content/fr/setup.md", "content/fr/start.md"]);
    repo.commit("fr: follow");
    let strict = repo.status_json(&["--strict"]);
    let fr = page(&strict, "content/fr/start.md");
    assert_eq!(fr["state"], "stale");
    assert_eq!(fr["reason"], "source-renamed");
    assert_eq!(fr["renamed_from"], "content/en/setup.md");
    assert_eq!(fr["renamed_to"], "content/en/start.md");
    // No section is compared with the older name under `--strict`: the rename is the explanation under its line.
    let text = repo.stdout(&["status", "--strict"]);
    assert!(
        text.contains("    the source was renamed since the sync point"),
        "{text}"
    );
    let (code, _) = repo.git_status(&[
        "diff",
        "--quiet",
        &format!("{c1}...HEAD"),
        "--",
        "content/en/start.md",
    ]);
    assert_eq!(code, 1, "git agrees: the path changed");
    let default = repo.status_json(&[]);
    assert_eq!(page(&default, "content/fr/start.md")["state"], "current");
}

#[test]
fn moved_before_the_pin_pairs_with_the_new_name() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/old-name.md", md("Page", "", BODY));
    repo.commit("en");
    repo.git(&["mv", "content/en/old-name.md", "content/en/new-name.md"]);
    let c2 = repo.commit("en: rename");
    // Translated from the new name, filed under the old one.
    repo.write(
        "content/fr/old-name.md",
        md("Page", &pinned(&c2), TRADUCTION),
    );
    repo.commit("fr");
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/old-name.md");
    assert_eq!(fr["source"], "content/en/new-name.md");
    assert_eq!(fr["paired_by"], "rename");
    assert_eq!(fr["state"], "current");
    assert_eq!(fr["commits_behind"], 0);
    assert_eq!(fr["move_to"], "content/fr/new-name.md");

    repo.write(
        "content/en/new-name.md",
        md("Page", "", &format!("{BODY}\n\nA new paragraph.")),
    );
    repo.commit("en: edit");
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/old-name.md");
    assert_eq!(fr["state"], "stale");
    assert_eq!(fr["commits_behind"], 1);
}

#[test]
fn moved_twice_with_edits_on_the_way() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", BODY));
    let c1 = repo.commit("en");
    repo.write("content/fr/a.md", md("A", &pinned(&c1), TRADUCTION));
    repo.commit("fr");
    repo.git(&["mv", "content/en/a.md", "content/en/b.md"]);
    repo.commit("en: a → b");
    // Moved again, with a small edit in the same commit (a similarity rename, as git log --follow sees it).
    repo.remove("content/en/b.md");
    repo.write(
        "content/en/guide/c.md",
        md("A", "", &BODY.replace("Fourth.", "Fourth, edited.")),
    );
    repo.commit("en: b → guide/c, edited");
    let (_, follow) = repo.git_status(&[
        "log",
        "--follow",
        "--format=%s",
        "--",
        "content/en/guide/c.md",
    ]);
    assert!(follow.contains("en: a → b"), "git follows it too: {follow}");

    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/a.md");
    assert_eq!(fr["source"], "content/en/guide/c.md");
    assert_eq!(fr["paired_by"], "rename");
    assert_eq!(fr["renamed_from"], "content/en/a.md");
    // The content changed on the way: stale against the renamed source.
    assert_eq!(fr["state"], "stale");
    assert_eq!(fr["reason"], "source-changed");
    assert_eq!(fr["move_to"], "content/fr/guide/c.md");
    assert_eq!(fr["sync"]["commit"], c1);
}

#[test]
fn moved_twice_back_and_forth_without_edits_is_current() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", BODY))
        .write("content/en/k.md", md("K", "translationKey: k\n", BODY));
    let c1 = repo.commit("en");
    repo.write("content/fr/a.md", md("A", &pinned(&c1), TRADUCTION))
        .write(
            "content/fr/cle.md",
            md(
                "K",
                &format!("translationKey: k\n{}", pinned(&c1)),
                TRADUCTION,
            ),
        );
    repo.commit("fr");
    repo.git(&["mv", "content/en/a.md", "content/en/b.md"]);
    repo.git(&["mv", "content/en/k.md", "content/en/k2.md"]);
    repo.commit("en: move");
    repo.git(&["mv", "content/en/b.md", "content/en/c.md"]);
    repo.git(&["mv", "content/en/k2.md", "content/en/k3.md"]);
    repo.commit("en: move again");
    let json = repo.status_json(&[]);
    let a = page(&json, "content/fr/a.md");
    assert_eq!(
        (a["source"].as_str(), a["state"].as_str()),
        (Some("content/en/c.md"), Some("current"))
    );
    // A key pair needs no move, but the drift is read under the source's name at the pin.
    let k = page(&json, "content/fr/cle.md");
    assert_eq!(k["paired_by"], "key");
    assert_eq!(k["state"], "current");
    assert_eq!(k["renamed_from"], "content/en/k.md");
    assert_eq!(k["renamed_to"], "content/en/k3.md");
    assert_eq!(k["move_to"], serde_json::Value::Null);
    let strict = repo.status_json(&["--strict"]);
    assert_eq!(
        page(&strict, "content/fr/cle.md")["reason"],
        "source-renamed"
    );
}

#[test]
fn history_mode_follows_renames_too() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", BODY));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", TRADUCTION));
    let fr_commit = repo.commit("fr");
    repo.git(&["mv", "content/en/a.md", "content/en/b.md"]);
    repo.commit("en: rename");
    let json = repo.status_json(&["--mode", "history"]);
    let fr = page(&json, "content/fr/a.md");
    assert_eq!(fr["sync"]["commit"], fr_commit);
    assert_eq!(fr["source"], "content/en/b.md");
    assert_eq!(fr["state"], "current");
}

#[test]
fn a_rename_whose_new_name_is_already_translated_leaves_an_orphan() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", BODY));
    let c1 = repo.commit("en");
    repo.write("content/fr/a.md", md("A", &pinned(&c1), TRADUCTION));
    repo.commit("fr");
    repo.git(&["mv", "content/en/a.md", "content/en/b.md"]);
    repo.commit("en: rename");
    repo.write(
        "content/fr/b.md",
        md("B", &pinned(&repo.head()), TRADUCTION),
    );
    repo.commit("fr: new translation");
    let json = repo.status_json(&[]);
    let old = page(&json, "content/fr/a.md");
    assert_eq!(old["state"], "orphaned");
    assert_eq!(old["renamed_to"], "content/en/b.md");
    assert_eq!(old["move_to"], serde_json::Value::Null);
    assert_eq!(page(&json, "content/fr/b.md")["state"], "current");
}

#[test]
fn a_deleted_source_with_an_unrelated_new_page_is_not_a_rename() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", BODY));
    let c1 = repo.commit("en");
    repo.write("content/fr/a.md", md("A", &pinned(&c1), TRADUCTION));
    repo.commit("fr");
    repo.remove("content/en/a.md");
    repo.write(
        "content/en/z.md",
        md("Z", "", "Something else entirely.\n\nWith its own words."),
    );
    repo.commit("en: remove a, add z");
    let json = repo.status_json(&[]);
    let orphan = page(&json, "content/fr/a.md");
    assert_eq!(orphan["state"], "orphaned");
    assert_eq!(orphan["renamed_to"], serde_json::Value::Null);
    assert_eq!(page(&json, "content/fr/z.md")["state"], "missing");
}

/// The renames found are kept in `.git/tandem/renames.cache`: reused for an unchanged HEAD, extended when HEAD moves
/// forward, replaced after history is rewritten or when the file is damaged — always with the answers of a run
/// without it.
#[test]
fn the_renames_cache_gives_the_answers_of_a_fresh_walk() {
    let mut repo = translated_setup();
    repo.git(&["mv", "content/en/docs/setup.md", "content/en/docs/start.md"]);
    repo.commit("en: rename setup to start");
    let cache = repo.path().join(".git/tandem/renames.cache");
    let source_now = |repo: &RepoBuilder| {
        let json = repo.status_json(&[]);
        page(&json, "content/fr/docs/setup.md")["source"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let fresh = |repo: &RepoBuilder| {
        let _ = std::fs::remove_file(&cache);
        let json = repo.status_json(&[]);
        assert!(cache.exists(), "the walk writes the cache");
        json
    };

    // Written by the first run, read by the second: same answers.
    assert_eq!(source_now(&repo), "content/en/docs/start.md");
    assert!(cache.exists());
    let stored = std::fs::read(&cache).unwrap();
    assert_eq!(source_now(&repo), "content/en/docs/start.md");
    assert_eq!(
        std::fs::read(&cache).unwrap(),
        stored,
        "unchanged HEAD: not rewritten"
    );

    // HEAD moves forward with a second rename: only the new commit is compared, and it is found.
    repo.git(&["mv", "content/en/docs/start.md", "content/en/docs/begin.md"]);
    repo.commit("en: rename start to begin");
    assert_eq!(source_now(&repo), "content/en/docs/begin.md");
    let warm = repo.status_json(&[]);
    assert_eq!(warm, fresh(&repo));

    // History rewritten: the second rename is gone, and so is its trace in the cache.
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    assert_eq!(source_now(&repo), "content/en/docs/start.md");

    // A damaged file (one byte changed, then garbage) is not used.
    let mut bytes = std::fs::read(&cache).unwrap();
    let at = bytes
        .windows(b"start.md".len())
        .position(|w| w == b"start.md")
        .expect("the cache names the rename");
    bytes[at] = b'x';
    std::fs::write(&cache, &bytes).unwrap();
    assert_eq!(source_now(&repo), "content/en/docs/start.md");
    std::fs::write(&cache, b"\x00garbage").unwrap();
    assert_eq!(source_now(&repo), "content/en/docs/start.md");
    assert_eq!(repo.status_json(&[]), fresh(&repo));
}

#[test]
fn a_change_before_a_rename_marked_with_a_directive_was_not_counted() {
    // The source was edited under its old name, then renamed in a commit marked `[skip-l10n]` (a rename needs no
    // translation). Only the commits on the new name were read for directives: the page was called current.
    let mut repo = translated_setup();
    repo.write(
        "content/en/docs/setup.md",
        md(
            "Setup",
            "",
            &BODY.replace("Third paragraph.", "Third paragraph, now longer."),
        ),
    );
    repo.commit("en: longer third paragraph");
    repo.git(&[
        "mv",
        "content/en/docs/setup.md",
        "content/en/docs/getting-started.md",
    ]);
    repo.commit("en: rename [skip-l10n]");
    for run in ["first", "cached"] {
        let json = repo.status_json(&[]);
        let fr = page(&json, "content/fr/docs/setup.md");
        assert_eq!(fr["state"], "stale", "{run}: {fr:#}");
        assert_eq!(fr["reason"], "source-changed", "{run}: {fr:#}");
        assert_eq!(fr["commits_behind"], 2, "{run}: {fr:#}");
    }
    // Reflowed under the old name (no directive), then renamed and edited in a `[skip-l10n]` commit: the reflow is
    // judged on the old name's versions, not counted as a change because the new name was absent then.
    let mut repo = translated_setup();
    repo.write(
        "content/en/docs/setup.md",
        md("Setup", "", &BODY.replace("of the page.", "of\nthe page.")),
    );
    repo.commit("en: reflow");
    repo.remove("content/en/docs/setup.md");
    repo.write(
        "content/en/docs/getting-started.md",
        md(
            "Setup",
            "",
            &BODY
                .replace("of the page.", "of\nthe page.")
                .replace("Fourth.", "Fourth, edited."),
        ),
    );
    repo.commit("en: rename and edit [skip-l10n]");
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/setup.md");
    assert_eq!(fr["state"], "current", "{fr:#}");
    assert_eq!(fr["reason"], "skip-directive", "{fr:#}");
}

#[test]
fn a_change_under_the_middle_name_of_a_source_renamed_twice_was_not_counted() {
    // setup.md → install.md → getting-started.md since the translation's sync point, both renames marked
    // `[skip-l10n]`; the one real edit was made while the page was install.md. Only the names at the sync point and
    // now were read: the edit was never seen and the page was called current.
    let mut repo = translated_setup();
    repo.git(&[
        "mv",
        "content/en/docs/setup.md",
        "content/en/docs/install.md",
    ]);
    repo.commit("en: rename to install [skip-l10n]");
    repo.write(
        "content/en/docs/install.md",
        md(
            "Setup",
            "",
            &BODY.replace("Third paragraph.", "Third paragraph, now longer."),
        ),
    );
    let edit = repo.commit("en: longer third paragraph");
    repo.git(&[
        "mv",
        "content/en/docs/install.md",
        "content/en/docs/getting-started.md",
    ]);
    repo.commit("en: rename to getting-started [skip-l10n]");
    for run in ["first", "cached"] {
        let json = repo.status_json(&[]);
        let fr = page(&json, "content/fr/docs/setup.md");
        assert_eq!(fr["state"], "stale", "{run}: {fr:#}");
        assert_eq!(fr["reason"], "source-changed", "{run}: {fr:#}");
        assert_eq!(
            fr["source"], "content/en/docs/getting-started.md",
            "{run}: {fr:#}"
        );
        assert_eq!(fr["commits_behind"], 3, "{run}: {fr:#}");
        let skipped: Vec<&str> = fr["sync"]["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["subject"].as_str().unwrap())
            .collect();
        assert!(
            !skipped.contains(&"en: longer third paragraph"),
            "{run}: {fr:#}"
        );
    }
    // The edit is the change shown.
    let text = String::from_utf8(
        repo.tandem()
            .args(["status", "content/fr/docs/setup.md"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("3 commits behind"), "{text}");
    assert!(
        !text.contains(&edit[..7]),
        "the edit is not passed over: {text}"
    );
}

#[test]
fn a_source_renamed_and_not_yet_committed_left_an_orphan_and_a_missing_page_with_no_word_of_the_rename()
 {
    let repo = translated_setup();
    // Staged with `git mv`, and moved on disk only: both are the work tree the translator has.
    repo.git(&[
        "mv",
        "content/en/docs/setup.md",
        "content/en/docs/getting-started.md",
    ]);
    for staged in [true, false] {
        if !staged {
            repo.git(&["reset", "-q"]);
        }
        let json = repo.status_json(&[]);
        let fr = page(&json, "content/fr/docs/setup.md");
        assert_eq!(fr["state"], "orphaned", "{json:#}");
        assert_eq!(fr["renamed_from"], "content/en/docs/setup.md", "{json:#}");
        assert_eq!(
            fr["renamed_to"], "content/en/docs/getting-started.md",
            "{json:#}"
        );
        assert_eq!(
            fr["move_to"], "content/fr/docs/getting-started.md",
            "{json:#}"
        );
        repo.tandem()
            .arg("status")
            .assert()
            .stdout(predicate::str::contains(
                "git mv content/fr/docs/setup.md content/fr/docs/getting-started.md",
            ));
    }
}

#[test]
fn a_new_source_with_the_bytes_of_a_deleted_one_twice_is_no_rename() {
    let repo = translated_setup();
    let text = repo.read("content/en/docs/setup.md");
    std::fs::remove_file(repo.path().join("content/en/docs/setup.md")).unwrap();
    repo.write("content/en/docs/one.md", &text);
    repo.write("content/en/docs/two.md", &text);
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/setup.md");
    assert_eq!(fr["state"], "orphaned", "{json:#}");
    assert_eq!(fr["renamed_to"], serde_json::Value::Null, "{json:#}");
}

/// The flow the report asks for: the source was renamed, `status` prints the translation's `git mv`, the translator
/// runs it and looks again before committing. The moved translation had no history under its new name: it was
/// `unknown`, "no commit touched the translation yet", with its history one `git mv` away.
#[test]
fn a_translation_moved_as_the_report_said_was_unknown_until_the_move_was_committed() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/setup.md", md("Setup", "", BODY));
    repo.write(
        "content/fr/docs/setup.md",
        md("Installation", "", TRADUCTION),
    );
    let translated = repo.commit("en and fr");
    repo.git(&[
        "mv",
        "content/en/docs/setup.md",
        "content/en/docs/getting-started.md",
    ]);
    repo.commit("en: rename setup to getting started");
    repo.write(
        "content/en/docs/getting-started.md",
        md("Setup", "", &format!("{BODY}\n\nFifth, new.")),
    );
    repo.commit("en: a fifth paragraph");
    repo.tandem()
        .arg("status")
        .assert()
        .stdout(predicate::str::contains(
            "git mv content/fr/docs/setup.md content/fr/docs/getting-started.md",
        ));
    repo.git(&[
        "mv",
        "content/fr/docs/setup.md",
        "content/fr/docs/getting-started.md",
    ]);
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/getting-started.md");
    assert_eq!(fr["state"], "stale", "{json:#}");
    assert_eq!(fr["sync"]["commit"], translated, "{json:#}");
    assert_eq!(fr["commits_behind"], 2, "{json:#}");
    assert_eq!(fr["changed_sections"][0]["change"], "modified", "{json:#}");
}

/// A source and its translation moved together, before the commit: history knows neither new name, and the pair was
/// `unknown`, "no commit touched the translation yet", its source's change since the translation out of sight.
#[test]
fn a_source_and_its_translation_moved_together_before_the_commit_were_unknown() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/setup.md", md("Setup", "", BODY));
    repo.write(
        "content/fr/docs/setup.md",
        md("Installation", "", TRADUCTION),
    );
    let translated = repo.commit("en and fr");
    repo.write(
        "content/en/docs/setup.md",
        md("Setup", "", &format!("{BODY}\n\nFifth, new.")),
    );
    repo.commit("en: a fifth paragraph");
    for (from, to) in [
        (
            "content/en/docs/setup.md",
            "content/en/docs/getting-started.md",
        ),
        (
            "content/fr/docs/setup.md",
            "content/fr/docs/getting-started.md",
        ),
    ] {
        repo.git(&["mv", from, to]);
    }
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/getting-started.md");
    assert_eq!(fr["state"], "stale", "{json:#}");
    assert_eq!(fr["sync"]["commit"], translated, "{json:#}");
    assert_eq!(fr["commits_behind"], 1, "{json:#}");
    assert_eq!(fr["renamed_from"], "content/en/docs/setup.md", "{json:#}");
    assert_eq!(fr["changed_sections"][0]["change"], "modified", "{json:#}");
}

/// Moved, then edited before the commit (the translator ran the report's `git mv` and began the update; an author
/// renamed a page and reworded it): the bytes differ, and only an exact copy was followed. As git finds renames, most
/// of the lines kept is enough.
#[test]
fn a_page_moved_then_edited_before_the_commit_was_not_followed() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/setup.md", md("Setup", "", BODY));
    repo.write(
        "content/fr/docs/setup.md",
        md("Installation", "", TRADUCTION),
    );
    let translated = repo.commit("en and fr");
    repo.git(&["mv", "content/fr/docs/setup.md", "content/fr/docs/start.md"]);
    repo.git(&["mv", "content/en/docs/setup.md", "content/en/docs/start.md"]);
    repo.write(
        "content/en/docs/start.md",
        md("Setup", "", &format!("{BODY}\n\nFifth, new.")),
    );
    repo.write(
        "content/fr/docs/start.md",
        md("Installation", "", &format!("{TRADUCTION}\n\nCinquième.")),
    );
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/start.md");
    assert_eq!(fr["sync"]["commit"], translated, "{json:#}");
    assert_eq!(fr["renamed_from"], "content/en/docs/setup.md", "{json:#}");
    // Only the source moved and was edited: the translation is an orphan that names the rename.
    repo.git(&["mv", "content/fr/docs/start.md", "content/fr/docs/setup.md"]);
    let json = repo.status_json(&[]);
    let orphan = page(&json, "content/fr/docs/setup.md");
    assert_eq!(orphan["state"], "orphaned", "{json:#}");
    assert_eq!(orphan["renamed_to"], "content/en/docs/start.md", "{json:#}");
}

/// A site without pins moved its pages into a new folder, every language at once (`git mv`, the same bytes). The
/// French page was stale before the move, and read current after it: history calls a translation in step from its
/// last commit that changed it, and the move commit, with no file of that name before it, counted as one. The walk
/// follows the translation to its name before the move: the page stays stale, the move passed over.
#[test]
fn a_translation_moved_in_a_reorganisation_read_current() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/setup.md", md("Setup", "", BODY))
        .write("content/fr/setup.md", md("Installation", "", TRADUCTION));
    repo.commit("setup, in both languages");
    repo.write(
        "content/en/setup.md",
        md("Setup", "", &BODY.replace("Fourth.", "Fourth, and last.")),
    );
    repo.commit("en: the last paragraph");
    let before = repo.status_json(&[]);
    assert_eq!(page(&before, "content/fr/setup.md")["state"], "stale");
    repo.git(&["mv", "content/en/setup.md", "content/en/setup-guide.md"]);
    repo.git(&["mv", "content/fr/setup.md", "content/fr/setup-guide.md"]);
    repo.commit("move setup, every language");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/setup-guide.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    assert_eq!(p["changed_sections"][0]["change"], "modified", "{p:#}");
}

/// A translation started as a copy of its source in the commit that renamed the source (`_index.md` → `_index.en.md`,
/// `_index.fr.md` added with the same bytes: hugo-learn's children pages). The copy is no move: its history does
/// not go on under the source's old name.
#[test]
fn a_copy_added_while_its_source_was_renamed_is_no_move() {
    let mut repo = RepoBuilder::new();
    repo.write("content/guide/_index.md", md("Guide", "", BODY));
    repo.commit("guide");
    repo.git(&[
        "mv",
        "content/guide/_index.md",
        "content/guide/_index.en.md",
    ]);
    repo.write("content/guide/_index.fr.md", md("Guide", "", BODY));
    let copied = repo.commit("guide: languages, fr to translate");
    let json = repo.status_json(&["--lang", "fr"]);
    let p = page(&json, "content/guide/_index.fr.md");
    assert_eq!(p["sync"]["commit"], copied.as_str(), "{p:#}");
}

/// A translation whose source was deleted read "content/en/a.md does not exist", as if the name had been mistyped:
/// the commit that deleted it is named (as `git log -1 -- <source>` finds it), in every output, with the `git rm`
/// that follows it; a source that never existed still reads as not existing.
#[test]
fn an_orphan_whose_source_was_deleted_did_not_say_when() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", BODY));
    repo.write("content/en/b.md", md("B", "", BODY));
    let c1 = repo.commit("en");
    repo.write("content/fr/a.md", md("A", &pinned(&c1), TRADUCTION));
    repo.write("content/fr/b.md", md("B", &pinned(&c1), TRADUCTION));
    repo.write("content/fr/typo.md", md("T", &pinned(&c1), TRADUCTION));
    repo.commit("fr");
    repo.remove("content/en/a.md");
    let gone = repo.commit("docs: fold a into b");
    repo.write("content/en/b.md", md("B", "", &format!("{BODY}\n\nFifth.")));
    repo.commit("en: later work");

    let json = repo.status_json(&[]);
    let orphan = page(&json, "content/fr/a.md");
    assert_eq!(orphan["state"], "orphaned");
    assert_eq!(
        orphan["source_deleted"]["commit"],
        gone.as_str(),
        "{orphan:#}"
    );
    assert_eq!(orphan["source_deleted"]["subject"], "docs: fold a into b");
    assert!(
        orphan["source_deleted"]["date"]
            .as_str()
            .is_some_and(|d| d.len() == 10),
        "{orphan:#}"
    );
    // Never there: nothing to name.
    let typo = page(&json, "content/fr/typo.md");
    assert_eq!(typo["state"], "orphaned");
    assert!(typo.get("source_deleted").is_none(), "{typo:#}");

    let short = &gone[..7];
    repo.tandem()
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "content/fr/a.md — its source content/en/a.md was deleted in {short} ("
        )))
        .stdout(predicate::str::contains("“docs: fold a into b”"))
        .stdout(predicate::str::contains("    git rm content/fr/a.md\n"))
        .stdout(predicate::str::contains(
            "content/fr/typo.md — content/en/typo.md does not exist",
        ))
        .stdout(predicate::str::contains("git rm content/fr/typo.md").not());
    repo.tandem()
        .args(["--ui-lang", "fr", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "content/fr/a.md — sa source content/en/a.md a été supprimée dans {short} ("
        )));
    for format in ["markdown", "html"] {
        repo.tandem()
            .args(["status", "--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("deleted in {short}")));
    }
    let check = repo
        .tandem()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let check: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let finding = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["translation"] == "content/fr/a.md")
        .expect("the orphan is a finding");
    assert_eq!(
        finding["source_deleted"]["commit"],
        gone.as_str(),
        "{finding:#}"
    );
    repo.tandem()
        .arg("check")
        .assert()
        .stdout(predicate::str::contains(format!(
            "content/en/a.md was deleted in {short}"
        )));
}

/// A source renamed from `.md` to `.mdx` (a Starlight site adopting components) keeps its translation under
/// `fr/…/write.md`, which Starlight still serves as its French page. `status` told the translators to `git mv` it to
/// `write.mdx` in a block "Sources renamed … move the translations to keep them paired": it was paired already.
#[test]
fn a_source_renamed_to_mdx_asked_to_move_a_translation_already_paired() {
    let mut repo = RepoBuilder::from_fixture("starlight-mdx-migration");
    repo.git(&[
        "mv",
        "src/content/docs/guides/write.md",
        "src/content/docs/guides/write.mdx",
    ]);
    repo.commit("en: write.md becomes MDX");
    let json = repo.status_json(&[]);
    let write = page(&json, "src/content/docs/fr/guides/write.md");
    assert_eq!(write["source"], "src/content/docs/guides/write.mdx");
    assert_eq!(write["paired_by"], "path");
    assert_eq!(write["state"], "current", "{json:#}");
    assert!(write["move_to"].is_null(), "{json:#}");
    let text = repo.stdout(&["status"]);
    assert!(!text.contains("git mv"), "{text}");
    assert!(!text.contains("Sources renamed"), "{text}");
}

/// A commit that deleted `microservices.md` and added `microservices-architecture.md`, rewording it on the way (too
/// much for git to call it a rename), left the translations orphaned with `git rm` as the advice: pasted, it deleted
/// the only translation of that page. `check` already called it a rename; `status` says the same, with the `git mv`.
#[test]
fn a_source_replaced_by_a_reworded_page_told_to_git_rm_its_translation() {
    let mut repo = RepoBuilder::new();
    let old = "Microservices split an application into small services.\nEach service does one thing.\nThe services talk over the network.\nTeams deploy each service on its own.\n";
    repo.write(
        "content/en/docs/microservices.md",
        md("Microservices", "", old),
    );
    repo.commit("en");
    repo.write(
        "content/fr/docs/microservices.md",
        md(
            "Microservices",
            "",
            "Les microservices découpent une application en petits services.\n",
        ),
    );
    repo.commit("fr");
    repo.git(&["rm", "-q", "content/en/docs/microservices.md"]);
    // The same words, reflowed into one line and lightly reworded: no line in common.
    let new = "A microservices architecture splits an application into small services, each service does one thing, the services talk over the network, and teams deploy each service on its own.\n";
    repo.write(
        "content/en/docs/microservices-architecture.md",
        md("Microservices architecture", "", new),
    );
    repo.commit("Microservices > microservices architecture");
    let renamed = repo.git(&["log", "-1", "-M", "--name-status", "--format="]);
    assert!(
        !renamed.starts_with('R'),
        "git calls it a rename: {renamed}"
    );

    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/microservices.md");
    assert_eq!(fr["state"], "orphaned");
    assert_eq!(
        fr["renamed_to"], "content/en/docs/microservices-architecture.md",
        "{json:#}"
    );
    assert_eq!(
        fr["move_to"],
        "content/fr/docs/microservices-architecture.md"
    );
    let text = repo.stdout(&["status"]);
    assert!(
        text.contains(
            "git mv content/fr/docs/microservices.md content/fr/docs/microservices-architecture.md"
        ),
        "{text}"
    );
    assert!(!text.contains("git rm"), "{text}");
}
