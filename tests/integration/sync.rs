//! `tandem sync`: the pin written in place (every key form, YAML and TOML, CRLF, BOM), the default target commit as
//! `git log -1 -- <source>` gives it, `--to` errors, the drift key, and nothing written when anything fails.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, page, snapshot};

/// `git log -1 --format=%H -- <path>`: the oracle for the default target.
fn last_commit(repo: &RepoBuilder, path: &str) -> String {
    repo.git(&["log", "-1", "--format=%H", "--", path])
        .trim()
        .to_owned()
}

fn short(sha: &str) -> &str {
    &sha[..7]
}

/// en/a.md and en/b.md; fr/a.md pinned at the first commit; then a.md changes, then an unrelated commit.
fn site() -> (RepoBuilder, String, String) {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/a.md",
        md(
            "A",
            &format!("default_lang_commit: {c1} # patched\n"),
            "Alpha (fr).",
        ),
    );
    repo.commit("fr");
    repo.write("content/en/a.md", md("A", "", "Alpha, changed."));
    let c3 = repo.commit("en: a changed");
    repo.write("content/en/b.md", md("B", "", "Beta, changed."));
    repo.commit("en: b changed (unrelated to a)");
    (repo, c1, c3)
}

#[test]
fn pins_the_last_commit_that_changed_the_source() {
    let (repo, c1, c3) = site();
    let before = repo.read("content/fr/a.md");
    repo.tandem()
        .args(["sync", "content/fr/a.md"])
        .assert()
        .success()
        .stdout(format!(
            "content/fr/a.md: default_lang_commit {} → {} (1 line changed)\n",
            short(&c1),
            short(&c3)
        ));
    assert_eq!(c3, last_commit(&repo, "content/en/a.md"));
    let after = repo.read("content/fr/a.md");
    // Only the pin's line changed, to the full hash; the `# patched` comment goes with a full sync.
    assert_eq!(
        after,
        before.replace(
            &format!("default_lang_commit: {c1} # patched"),
            &format!("default_lang_commit: {c3}")
        )
    );
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "content/fr/a.md")["state"], "current");
    // Again: nothing to change.
    repo.tandem()
        .args(["sync", "content/fr/a.md"])
        .assert()
        .success()
        .stdout(format!(
            "content/fr/a.md: default_lang_commit already {} (unchanged)\n",
            short(&c3)
        ));
    assert_eq!(repo.read("content/fr/a.md"), after);
}

#[test]
fn patched_and_folders() {
    let (repo, _, c3) = site();
    repo.write("content/fr/b.md", md("B", "", "Bêta."));
    repo.tandem()
        .args(["sync", "content/fr", "--patched"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "content/fr/b.md: default_lang_commit (none) → {} (1 line added)",
            short(&last_commit(&repo, "content/en/b.md"))
        )));
    assert!(
        repo.read("content/fr/a.md")
            .contains(&format!("default_lang_commit: {c3} # patched\n"))
    );
    let b = repo.read("content/fr/b.md");
    assert!(
        b.starts_with("---\ntitle: \"B\"\ndefault_lang_commit: "),
        "{b}"
    );
    assert!(b.contains(" # patched\n---\n"), "{b}");
}

#[test]
fn every_key_form_yaml_toml_crlf_bom() {
    let mut repo = RepoBuilder::new();
    for name in [
        "nested", "config", "none", "toml", "crlf", "empty", "quoted",
    ] {
        repo.write(&format!("content/en/{name}.md"), md(name, "", "Text."));
    }
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/nested.md",
        format!("---\ntitle: N\nl10n:\n  sourceCommit: {} # from MDN\n---\nTexte.\n", short(&c1)),
    )
    .write("content/fr/config.md", "---\ntitle: C\n---\nTexte.\n")
    .write("content/fr/none.md", "Texte sans front matter.\n")
    .write(
        "content/fr/toml.md",
        format!("+++\ntitle = 'T' # titre\ndefault_lang_commit = '{}'\n\n[params]\nx = 1\n+++\nTexte.\n", short(&c1)),
    )
    .write(
        "content/fr/crlf.md",
        format!("\u{feff}---\r\ntitle: \"CRLF\"   # keep\r\ndefault_lang_commit: {}\r\n---\r\nTexte.\r\n", short(&c1)),
    )
    .write("content/fr/empty.md", "---\ntitle: E\ndefault_lang_commit:\n---\nTexte.\n")
    .write(
        "content/fr/quoted.md",
        format!("---\ndefault_lang_commit: \"{}\"\ntitle: Q\n---\nTexte.\n", short(&c1)),
    );
    repo.commit("fr");
    repo.write("content/en/config.md", md("config", "", "Changed."));
    let c3 = repo.commit("en: config changed");
    let originals: Vec<(String, String)> = [
        "nested", "config", "none", "toml", "crlf", "empty", "quoted",
    ]
    .iter()
    .map(|n| (n.to_string(), repo.read(&format!("content/fr/{n}.md"))))
    .collect();
    // The config's key applies to pages that have none; pages keep the key they use.
    repo.write("tandem.yaml", "pin: { key: l10n.sourceCommit }\n");
    repo.tandem()
        .args(["sync", "content/fr"])
        .assert()
        .success();
    let expected = |name: &str| -> String {
        let original = &originals.iter().find(|(n, _)| n == name).unwrap().1;
        match name {
            // A pin that already names its commit, abbreviated, is left as written.
            "nested" | "toml" | "crlf" | "quoted" => original.clone(),
            "config" => original.replace(
                "title: C\n",
                &format!("title: C\nl10n:\n  sourceCommit: {c3}\n"),
            ),
            "none" => format!("---\nl10n:\n  sourceCommit: {c1}\n---\n{original}"),
            "empty" => original.replace(
                "default_lang_commit:\n",
                &format!("default_lang_commit: {c1}\n"),
            ),
            _ => unreachable!(),
        }
    };
    for (name, _) in &originals {
        assert_eq!(
            repo.read(&format!("content/fr/{name}.md")),
            expected(name),
            "{name}"
        );
    }
    let json = repo.status_json(&["--mode", "pin"]);
    for (name, _) in &originals {
        assert_eq!(
            page(&json, &format!("content/fr/{name}.md"))["state"],
            "current",
            "{name}"
        );
    }
}

#[test]
fn to_must_name_a_commit_of_head() {
    let (mut repo, c1, _) = site();
    repo.git(&["checkout", "-q", "-b", "elsewhere"]);
    repo.write("content/en/a.md", md("A", "", "On a branch."));
    let elsewhere = repo.commit("unmerged");
    repo.git(&["checkout", "-q", "main"]);
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["sync", "content/fr/a.md", "--to", "no-such-rev"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown revision no-such-rev"));
    repo.tandem()
        .args(["sync", "content/fr/a.md", "--to", &elsewhere])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not in the history of HEAD"));
    assert_eq!(snapshot(repo.path()), before);
    // A commit of HEAD's history is fine, written in full.
    repo.tandem()
        .args(["sync", "content/fr/a.md", "--to", "HEAD~3"])
        .assert()
        .success();
    assert!(
        repo.read("content/fr/a.md")
            .contains(&format!("default_lang_commit: {c1}\n"))
    );
}

#[test]
fn warns_when_the_commit_is_not_on_the_default_branch() {
    let (mut repo, _, _) = site();
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.write(
        "content/en/a.md",
        md("A", "", "Changed on a feature branch."),
    );
    let feature = repo.commit("en on feature");
    repo.tandem()
        .args(["sync", "content/fr/a.md"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "warning: {}: this commit is not on the default branch (main)",
            short(&feature)
        )));
    repo.git(&["checkout", "-q", "main"]);
    repo.tandem()
        .args(["sync", "content/fr/a.md"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn drift_key() {
    let (mut repo, c1, _) = site();
    repo.write(
        "content/fr/b.md",
        md("B", "drifted_from_default: true\n", "Bêta."),
    )
    .write("content/fr/gone.md", md("Gone", "", "Partie."));
    repo.commit("fr: b and an orphan");
    // Pinned at the old commit: still stale, so the drift key says so.
    repo.tandem()
        .args(["sync", "content/fr/a.md", "--to", &c1, "--drift-key"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/fr/a.md: drifted_from_default set to true",
        ));
    assert!(
        repo.read("content/fr/a.md")
            .contains("drifted_from_default: true\n")
    );
    // Synced to the last change: current, the key goes.
    repo.tandem()
        .args(["sync", "content/fr", "--drift-key"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/fr/a.md: drifted_from_default removed",
        ))
        .stdout(predicate::str::contains(
            "content/fr/gone.md: drifted_from_default set to file not found",
        ));
    assert!(
        !repo
            .read("content/fr/a.md")
            .contains("drifted_from_default")
    );
    assert!(
        !repo
            .read("content/fr/b.md")
            .contains("drifted_from_default")
    );
    assert!(
        repo.read("content/fr/gone.md")
            .contains("drifted_from_default: file not found\n")
    );
}

#[test]
fn drift_only_marks_every_page_from_its_verdict_with_the_configured_key() {
    let (mut repo, _, _) = site();
    repo.write("content/fr/b.md", md("B", "", "Bêta."))
        .write("tandem.yaml", "pin: { drift_key: outdated }\n");
    repo.commit("fr: b, config");
    let pins_before = repo.read("content/fr/a.md");
    repo.tandem()
        .args(["sync", "--drift-only"])
        .assert()
        .success()
        .stdout("content/fr/a.md: outdated set to true\n");
    // No pin moved; only the key's line was added.
    assert_eq!(
        repo.read("content/fr/a.md"),
        pins_before.replace("---\n\n", "outdated: true\n---\n\n")
    );
    assert!(!repo.read("content/fr/b.md").contains("outdated"));
}

#[test]
fn nothing_is_written_when_one_page_cannot_be_edited() {
    let (mut repo, c1, _) = site();
    repo.write(
        "content/fr/b.md",
        format!("---\nbase: &pin {c1}\ndefault_lang_commit: *pin\n---\n"),
    );
    repo.commit("fr: b with an alias");
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["sync", "content/fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: content/fr/b.md:3: default_lang_commit cannot be rewritten in place: its value is an alias (*name)",
        ));
    assert_eq!(snapshot(repo.path()), before);
    repo.write("content/fr/b.md", "---\ntitle: [broken\n---\n");
    repo.tandem()
        .args(["sync", "content/fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "content/fr/b.md:2: broken front matter",
        ));
}

#[test]
fn needs_pages_without_a_terminal_and_committed_sources() {
    let (repo, _, _) = site();
    repo.tandem()
        .arg("sync")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sync needs pages or folders"))
        .stderr(predicate::str::contains("--stale"))
        // The page it names is one of this site's (the stale one): `content/fr/docs/page.md`, made up, failed when
        // pasted on a site of another layout.
        .stderr(predicate::str::contains(
            "name them (tandem sync content/fr/a.md)",
        ));
    repo.tandem()
        .args(["sync", "content/fr/nothing-here"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no page at or under content/fr/nothing-here",
        ));
    // A missing translation is a page of the report, but there is no file to pin.
    repo.tandem()
        .args(["sync", "content/fr/b.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "content/fr/b.md is not translated yet",
        ));
    repo.write("content/en/new.md", md("New", "", "Not committed."))
        .write("content/fr/new.md", md("Nouveau", "", "Pas committé."));
    repo.tandem()
        .args(["sync", "content/fr/new.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "content/en/new.md has no commit yet",
        ));
}

#[test]
fn stale_flag_and_dry_run_in_french() {
    let (repo, c1, c3) = site();
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["--ui-lang", "fr", "sync", "--stale", "--dry-run"])
        .assert()
        .success()
        .stdout(format!(
            "content/fr/a.md : default_lang_commit {} → {} (1 ligne modifiée)\nsimulation : rien n’a été écrit\n",
            short(&c1),
            short(&c3)
        ));
    assert_eq!(snapshot(repo.path()), before);
    repo.tandem().args(["sync", "--stale"]).assert().success();
    repo.tandem()
        .args(["sync", "--stale"])
        .assert()
        .success()
        .stdout("No stale pages: nothing to sync.\n");
}

/// With the sources in another clone (`--source-repo`), the pin names the sources' commit that last changed the
/// source page, and `--to` resolves there too; the translation is then current.
#[test]
fn sync_with_a_source_repository_pins_the_sources_commit() {
    let mut sources = RepoBuilder::new();
    sources.write("content/en/a.md", md("A", "", "Alpha."));
    sources.commit("en");
    sources.write("content/en/a.md", md("A", "", "Alpha, changed."));
    let changed = sources.commit("en: change");
    sources.write("content/en/other.md", md("O", "", "Other."));
    let unrelated = sources.commit("en: another page");
    let mut translations = RepoBuilder::new();
    translations.write("content/fr/a.md", md("A", "", "Alpha, modifié."));
    translations.commit("fr");

    translations
        .tandem()
        .args(["sync", "content/fr/a.md", "--source-repo"])
        .arg(sources.path())
        .assert()
        .success();
    assert!(
        translations
            .read("content/fr/a.md")
            .contains(&format!("default_lang_commit: {changed}\n")),
        "{}",
        translations.read("content/fr/a.md")
    );
    translations.commit("fr: synced");
    let output = translations
        .tandem()
        .args(["status", "--format", "json", "--source-repo"])
        .arg(sources.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let a = page(&json, "content/fr/a.md");
    assert_eq!(a["state"], "current", "{json:#}");
    assert_eq!(a["sync"]["commit"], changed.as_str());

    // `--to` names a commit of the sources' clone.
    translations
        .tandem()
        .args([
            "sync",
            "content/fr/a.md",
            "--to",
            &unrelated[..10],
            "--source-repo",
        ])
        .arg(sources.path())
        .assert()
        .success();
    assert!(
        translations
            .read("content/fr/a.md")
            .contains(&format!("default_lang_commit: {unrelated}\n"))
    );
}

/// On a site whose translations carry no pin (sync points from history), one `tandem sync` or `tandem scaffold` wrote
/// the language's first pin without a word, and from then on `check --base` failed every new translation of that
/// language without one (`missing-pin`).
#[test]
fn the_first_pin_of_a_language_changed_check_without_a_word() {
    let mut repo = crate::support::RepoBuilder::new();
    repo.write("content/en/a.md", crate::support::md("A", "", "A."))
        .write("content/en/b.md", crate::support::md("B", "", "B."))
        .write("content/fr/a.md", crate::support::md("A", "", "A fr."));
    repo.commit("site");
    let output = repo
        .tandem()
        .args(["sync", "content/fr/a.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("content/fr/a.md: first pinned fr translation"),
        "{stderr}"
    );
    repo.commit("fr: pin a");
    // Once a pin is committed, the next is not the first.
    let output = repo
        .tandem()
        .args(["scaffold", "content/en/b.md", "--lang", "fr"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A translator matched a source change that was not committed yet and ran `sync`: it said it pinned, the pin named
/// the source's last commit (without the change), and `status` went on calling the page stale with nothing saying
/// why. The pin is written, with a warning that says to commit the source and sync again; a committed source, or a
/// checkout that only turned its line ends into CRLF, gives none.
#[test]
fn sync_was_silent_about_a_source_change_not_committed() {
    let (repo, _, _) = site();
    let output = repo
        .tandem()
        .args(["sync", "content/fr/a.md"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(!String::from_utf8_lossy(&output.stderr).contains("not committed"));
    repo.write("content/en/a.md", md("A", "", "Alpha, changed again."));
    let output = repo
        .tandem()
        .args(["sync", "content/fr/a.md"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "warning: content/fr/a.md: its source content/en/a.md has changes not committed"
        ),
        "{stderr}"
    );
    repo.git(&["checkout", "content/en/a.md"]);
    let committed = repo.read("content/en/a.md");
    repo.write("content/en/a.md", committed.replace('\n', "\r\n"));
    let output = repo
        .tandem()
        .args(["sync", "content/fr/a.md"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("not committed"));
}

/// Hugo's JSON front matter (`{` … `}`) was read as the page's body: its keys and pin unseen, and `sync` wrote a YAML
/// block above it, after which Hugo reads the JSON as text (the title and weight gone from the page). It is a bad page:
/// `unknown`, with a warning saying how to write it, and `sync` refuses it, changing nothing.
#[test]
fn sync_put_a_yaml_block_above_json_front_matter() {
    let (repo, _, _) = site();
    let json = "{\n  \"title\": \"A\",\n  \"weight\": 3\n}\n\nAlpha (fr).\n";
    repo.write("content/fr/a.md", json);
    let status = repo.status_json(&[]);
    let page = status["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["translation"] == "content/fr/a.md")
        .unwrap();
    assert_eq!(page["state"], "unknown", "{page:#}");
    assert_eq!(page["reason"], "bad-front-matter", "{page:#}");
    let output = repo
        .tandem()
        .args(["sync", "content/fr/a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("JSON front matter"),
        "{output:?}"
    );
    assert_eq!(repo.read("content/fr/a.md"), json);
}

const LFS_POINTER: &str = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";

/// A translation kept in Git LFS and never pulled is a pointer file. It was read as a page (stale, its `version` line
/// a paragraph), and `sync` wrote front matter into it: committed, that replaces the page stored in LFS. It is an
/// `unknown` page now, with a warning saying to pull, and sync and scaffold refuse it.
#[test]
fn an_lfs_pointer_was_read_as_a_page_and_sync_wrote_front_matter_into_it() {
    let (mut repo, _, _) = site();
    repo.write("content/fr/b.md", LFS_POINTER)
        .write("content/en/c.md", LFS_POINTER);
    repo.commit("pages in LFS, not pulled");
    let json = repo.status_json(&[]);
    let pointer = page(&json, "content/fr/b.md");
    assert_eq!(pointer["state"], "unknown", "{pointer}");
    assert_eq!(pointer["reason"], "lfs-pointer");
    repo.tandem()
        .args(["status"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: content/fr/b.md: a Git LFS pointer, not the page: run git lfs pull\n",
        ))
        .stdout(predicate::str::contains(
            "content/fr/b.md — a Git LFS pointer, not the page: run git lfs pull",
        ));
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["sync", "content/fr/b.md"])
        .assert()
        .code(2)
        .stderr(
            "error: content/fr/b.md is a Git LFS pointer, not the page — run git lfs pull, then run tandem again\n",
        );
    repo.tandem()
        .args(["scaffold", "content/en/c.md", "--lang", "fr"])
        .assert()
        .code(2)
        .stderr(
            "error: content/en/c.md is a Git LFS pointer, not the page — run git lfs pull, then run tandem again\n",
        );
    repo.tandem()
        .args(["compare", "content/en/b.md", "content/fr/b.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "unknown, severity none\n  a Git LFS pointer, not the page: run git lfs pull",
        ));
    assert_eq!(snapshot(repo.path()), before);
}

/// A page named with 240 bytes (file systems take 255) could not be synced: the temporary file written first,
/// `.<name>.XXXXXX.tandem-tmp`, was 259 bytes, and sync stopped with "File name too long (os error 36)".
#[test]
fn a_page_name_of_240_bytes_could_not_be_synced() {
    let (mut repo, _, _) = site();
    let name = format!("{}.md", "x".repeat(237));
    assert_eq!(name.len(), 240);
    repo.write(&format!("content/en/{name}"), md("Long", "", "Text."))
        .write(&format!("content/fr/{name}"), md("Long", "", "Texte."));
    let c5 = repo.commit("a page with a long name");
    let translation = format!("content/fr/{name}");
    repo.tandem()
        .args(["sync", &translation])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{translation}: default_lang_commit (none) → {}",
            short(&c5)
        )));
    assert!(
        repo.read(&translation)
            .contains(&format!("default_lang_commit: {c5}\n"))
    );
    let folder: Vec<String> = std::fs::read_dir(repo.path().join("content/fr"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tandem-tmp"))
        .collect();
    assert!(folder.is_empty(), "{folder:?}");
}

/// `sync content/fr` (or a source page) pins every stale page under it, and each line read like any other: a
/// translator marking one page done cleared a to-do list without a word. A stale page's line says how far behind it
/// was; one stale for what it holds (merge-conflict markers) gets a warning that the pin changes nothing of that.
#[test]
fn sync_on_a_folder_cleared_stale_pages_without_a_word() {
    let (mut repo, _, _) = site();
    repo.write(
        "content/fr/b.md",
        md(
            "B",
            "",
            "<<<<<<< HEAD\nBêta.\n=======\nBeta (fr).\n>>>>>>> branch\n",
        ),
    );
    repo.commit("fr: b, conflict committed");
    let output = repo
        .tandem()
        .args(["sync", "content/fr", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stdout.contains("  (it was 1 commit behind its source: now marked up to date)"),
        "{stdout}"
    );
    assert!(
        stderr.contains("content/fr/b.md: stays stale once pinned; what differs now:")
            && stderr.contains("merge-conflict markers"),
        "{stderr}"
    );
}

/// `sync content/fr/b.md` on a page not translated yet said "no translation under content/fr/b.md" and told the
/// translator to give translation pages: the page to write was never named. It says the page is not translated yet,
/// and gives the `scaffold` that writes it.
#[test]
fn sync_on_a_missing_translation_did_not_say_to_scaffold_it() {
    let (repo, _, _) = site();
    repo.tandem()
        .args(["sync", "content/fr/b.md"])
        .assert()
        .code(2)
        .stderr(
            "error: content/fr/b.md is not translated yet: there is no translation to pin — tandem scaffold content/en/b.md --lang fr writes it\n",
        );
}
