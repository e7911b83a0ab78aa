//! `tandem tasks`: review and translation tasks with checklists, reviewers from OWNERS or CODEOWNERS, stable files.

use crate::support::{RepoBuilder, md};

const EN: &str = "## Before you begin {#before}\n\nYou need 1.28.\n\n## Usage\n\nRun `lumen`.\n";
const FR: &str =
    "## Avant de commencer {#before}\n\nIl faut la 1.28.\n\n## Utilisation\n\nLancez `lumen`.\n";

fn site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/a.md", md("A", "", EN))
        .write("content/en/docs/b.md", md("B", "", EN))
        .write("content/en/docs/new.md", md("New", "", EN));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/docs/a.md", md("A", &pin, FR))
        .write("content/fr/docs/b.md", md("B", &pin, FR))
        .write("content/fr/OWNERS", "# See the OWNERS docs\nreviewers:\n  - sig-docs-fr-reviews\napprovers:\n  - sig-docs-fr-owners\nlabels:\n  - language/fr\n")
        .write("OWNERS_ALIASES", "aliases:\n  sig-docs-fr-reviews:\n    - camille\n    - mehdi\n  sig-docs-fr-owners:\n    - louise\n");
    repo.commit("fr");
    repo.write(
        "content/en/docs/a.md",
        md(
            "A",
            "",
            &format!(
                "{}\n## Scaling {{#scaling}}\n\nRun `lumen scale`.\n",
                EN.replace("1.28", "1.31")
            ),
        ),
    );
    repo.commit("en: a");
    repo
}

#[test]
fn task_files_with_checklists_and_reviewers() {
    let repo = site();
    let out = repo.path().join("l10n-tasks");
    let run = || {
        let output = repo
            .tandem()
            .args(["tasks", "--missing", "--out", "l10n-tasks"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(
        run(),
        "wrote 1 update task and 1 translation task to l10n-tasks (0 unchanged since last run, 0 removed)\n"
    );
    let update = std::fs::read_to_string(out.join("fr-update-docs-a.md")).unwrap();
    assert!(
        update.starts_with("<!-- tandem task: fr content/fr/docs/a.md · "),
        "{update}"
    );
    let expected_start = "\n# [fr] Update content/fr/docs/a.md\n\nlabels: language/fr · reviewers: @sig-docs-fr-reviews (from content/fr/OWNERS)\n\ncontent/en/docs/a.md changed since pin ";
    assert!(
        update[update.find(" -->").unwrap() + 4..].starts_with(expected_start),
        "{update}"
    );
    assert!(update.contains(": 1 commit, 2 sections.\n"), "{update}");
    assert!(update.contains("- [ ] “Before you begin” — modified (`tandem diff content/fr/docs/a.md --section before`)\n"), "{update}");
    assert!(
        update.contains(
            "- [ ] “Scaling” — added (`tandem diff content/fr/docs/a.md --section scaling`)\n"
        ),
        "{update}"
    );
    assert!(update.contains("When done: `tandem sync content/fr/docs/a.md`, then open a pull request titled \"[fr] Update content/fr/docs/a.md\".\n"), "{update}");
    let translate = std::fs::read_to_string(out.join("fr-translate-docs-new.md")).unwrap();
    assert!(
        translate.contains("# [fr] Translate content/en/docs/new.md\n"),
        "{translate}"
    );
    assert!(
        translate.contains("- [ ] “Before you begin”\n- [ ] “Usage”\n"),
        "{translate}"
    );
    assert!(
        translate.contains("`tandem scaffold content/en/docs/new.md --lang fr`"),
        "{translate}"
    );

    // Running again changes nothing and duplicates nothing.
    assert_eq!(
        run(),
        "wrote 1 update task and 1 translation task to l10n-tasks (2 unchanged since last run, 0 removed)\n"
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);
    // Once a page is translated, its task goes; a file that is not tandem's stays.
    std::fs::write(out.join("notes.md"), "mine").unwrap();
    std::fs::write(out.join("fr-update-handmade.md"), "my own task").unwrap();
    repo.write("content/fr/docs/new.md", md("Nouveau", "", FR));
    let mut repo = repo;
    repo.commit("fr: new");
    let output = repo
        .tandem()
        .args(["tasks", "--missing", "--out", "l10n-tasks"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "wrote 1 update task and 0 translation tasks to l10n-tasks (1 unchanged since last run, 1 removed)\n"
    );
    assert!(!out.join("fr-translate-docs-new.md").exists());
    assert!(out.join("notes.md").exists() && out.join("fr-update-handmade.md").exists());
}

/// A run without `--missing` removed the translation tasks an earlier `--missing` run had written, though their pages
/// were still missing: a nightly job and a maintainer's run sharing one folder deleted each other's files. Like
/// `--lang`, leaving `--missing` out narrows the run, and what it leaves out stays.
#[test]
fn tasks_without_missing_removed_the_translation_tasks_of_pages_still_missing() {
    let repo = site();
    let out = repo.path().join("l10n-tasks");
    repo.tandem()
        .args(["tasks", "--missing", "--out", "l10n-tasks"])
        .assert()
        .success();
    assert!(out.join("fr-translate-docs-new.md").exists());
    let output = repo
        .tandem()
        .args(["tasks", "--out", "l10n-tasks"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "wrote 1 update task and 0 translation tasks to l10n-tasks (1 unchanged since last run, 0 removed)\n"
    );
    assert!(out.join("fr-translate-docs-new.md").exists());
}

#[test]
fn github_json_lines_for_gh_issue_create() {
    let repo = site();
    let output = repo
        .tandem()
        .args(["tasks", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let task = &lines[0];
    assert_eq!(task["title"], "[fr] Update content/fr/docs/a.md");
    assert_eq!(task["labels"], serde_json::json!(["language/fr"]));
    assert_eq!(task["assignees"], serde_json::json!(["camille", "mehdi"]));
    assert!(
        task["body"]
            .as_str()
            .unwrap()
            .contains("- [ ] “Scaling” — added")
    );
    // The labels are the issue's: its text repeated them ("labels: language/fr" on its first line).
    assert!(
        !task["body"].as_str().unwrap().contains("labels:"),
        "{task}"
    );
    assert_eq!(task.as_object().unwrap().len(), 4);
}

#[test]
fn reviewers_from_codeowners_or_config_and_custom_labels() {
    let repo = site();
    std::fs::remove_file(repo.path().join("content/fr/OWNERS")).unwrap();
    repo.write(
        ".github/CODEOWNERS",
        "* @docs-team\n/content/fr/ @org/traducteurs @camille\n",
    );
    let output = repo
        .tandem()
        .args(["tasks", "--format", "github"])
        .output()
        .unwrap();
    let task: serde_json::Value = serde_json::from_str(
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(task["assignees"], serde_json::json!(["camille"]));
    assert!(
        task["body"]
            .as_str()
            .unwrap()
            .contains("reviewers: @org/traducteurs @camille (from .github/CODEOWNERS)")
    );
    repo.write(
        "tandem.yaml",
        "tasks:\n  reviewers: '@louise'\n  labels: ['l10n', 'lang/{lang}']\n",
    );
    let output = repo
        .tandem()
        .args(["tasks", "--format", "github"])
        .output()
        .unwrap();
    let task: serde_json::Value = serde_json::from_str(
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(task["assignees"], serde_json::json!(["louise"]));
    assert_eq!(task["labels"], serde_json::json!(["l10n", "lang/fr"]));
}

#[test]
fn tasks_in_french() {
    let repo = site();
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr", "tasks"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("# [fr] Mise à jour de content/fr/docs/a.md\n"),
        "{text}"
    );
    assert!(
        text.contains("relecture : @sig-docs-fr-reviews (d’après content/fr/OWNERS)"),
        "{text}"
    );
    assert!(
        text.contains("Une fois la traduction terminée : `tandem sync content/fr/docs/a.md`"),
        "{text}"
    );
    // Section names are quoted as each language quotes: « » here, “ ” in English (they were « » in both, and
    // written outside the message files).
    assert!(text.contains("- [ ] « Before you begin »"), "{text}");
}

#[test]
fn section_names_in_english_are_quoted_as_english_quotes() {
    let repo = site();
    let output = repo
        .tandem()
        .args(["--ui-lang", "en", "tasks"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("- [ ] “Before you begin”"), "{text}");
    assert!(!text.contains('«'), "{text}");
    let status = repo
        .tandem()
        .args(["--ui-lang", "en", "status"])
        .output()
        .unwrap();
    let status = String::from_utf8(status.stdout).unwrap();
    assert!(status.contains("“Before you begin” (modified)"), "{status}");
    assert!(!status.contains('«'), "{status}");
}

#[test]
fn interactive_picker_on_a_terminal_and_refusal_without_one() {
    use expectrl::Expect;
    let repo = site();
    repo.write(
        "content/en/docs/b.md",
        md("B", "", &EN.replace("1.28", "1.30")),
    );
    let mut repo = repo;
    repo.commit("en: b");
    let mut session = crate::interactive::spawn(
        repo.path(),
        &["tasks", "--interactive", "--out", "picked"],
        &[],
    );
    session.expect("Which pages go out this time?").unwrap();
    // Each page with what changed in its source.
    session
        .expect("content/fr/docs/b.md   1 commit behind · changed sections:")
        .unwrap();
    // Tick the second page only.
    session.send("\x1b[B").unwrap();
    session.send(" ").unwrap();
    session.send("\r").unwrap();
    let (text, code) = crate::interactive::finish(session);
    assert_eq!(code, 0, "{text}");
    let files: Vec<String> = std::fs::read_dir(repo.path().join("picked"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    // Without a terminal, --interactive says so and writes nothing.
    repo.tandem()
        .args(["tasks", "--interactive", "--out", "other"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--interactive asks on a terminal",
        ));
    assert!(!repo.path().join("other").exists());
}

/// The README's `gh issue create` loop, run as written with a fake `gh` on PATH: a task without a known reviewer must
/// not pass `--assignee ""` (which gh rejects).
#[test]
fn readme_gh_loop_passes_no_empty_assignee() {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("tandem tasks --lang fr --format github | while")
        .expect("the loop is in the README");
    let end = start + readme[start..].find("\ndone\n").expect("the loop ends") + "\ndone\n".len();
    let script = &readme[start..end];
    // Two stale pages: one under content/fr/OWNERS (reviewers known), one outside it (none).
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/a.md", md("A", "", EN))
        .write("content/en/b.md", md("B", "", EN));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/docs/a.md", md("A", &pin, FR))
        .write("content/fr/b.md", md("B", &pin, FR))
        .write("content/fr/docs/OWNERS", "reviewers:\n  - camille\n");
    repo.commit("fr");
    repo.write(
        "content/en/docs/a.md",
        md("A", "", &EN.replace("1.28", "1.31")),
    )
    .write("content/en/b.md", md("B", "", &EN.replace("1.28", "1.31")));
    repo.commit("en: bump");
    let bin = tempfile::tempdir().unwrap();
    let log = bin.path().join("gh.log");
    let gh = bin.path().join("gh");
    std::fs::write(
        &gh,
        "#!/bin/sh\nfor arg in \"$@\"; do [ -n \"$arg\" ] || { echo 'empty argument' >&2; exit 1; }; done\njq -cn '$ARGS.positional' --args -- \"$@\" >> \"$GH_LOG\"\n",
    )
    .unwrap();
    let mut perms = std::fs::metadata(&gh).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&gh, perms).unwrap();
    let tandem_dir = std::path::Path::new(env!("CARGO_BIN_EXE_tandem"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}:{}",
        bin.path().display(),
        tandem_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = std::process::Command::new("bash")
        .args(["-e", "-o", "pipefail", "-c", script])
        .current_dir(repo.path())
        .env("PATH", path)
        .env("GH_LOG", &log)
        .env("LC_ALL", "C")
        .env_remove("TANDEM_UI_LANG")
        .env_remove("CI")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let calls: Vec<Vec<String>> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(calls.len(), 2, "{calls:?}");
    let with = |needle: &str| {
        calls
            .iter()
            .find(|c| c.iter().any(|a| a.contains(needle)))
            .unwrap()
    };
    let owned = with("content/fr/docs/a.md");
    assert!(
        owned.contains(&"--assignee=camille".to_owned()),
        "{owned:?}"
    );
    assert!(
        owned.contains(&"--label=language/fr".to_owned()),
        "{owned:?}"
    );
    let unowned = with("content/fr/b.md");
    assert!(
        !unowned.iter().any(|a| a.starts_with("--assignee")),
        "{unowned:?}"
    );
    assert_eq!(unowned[..3], ["issue", "create", "--title"]);
}

/// Line (1-based) of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in {text}"))
        + 1
}

#[test]
fn changed_blocks_listed_under_a_section_with_several() {
    const EN: &str = "## Install {#install}\n\nFirst, fetch version 1.28.\n\nThen unpack it in `/opt`.\n\nFinally, run it.\n\n## Usage {#usage}\n\nRun `lumen`.\n\nStop it with `lumen stop`.\n";
    const FR: &str = "## Installer {#install}\n\nD'abord, récupérez la version 1.28.\n\nPuis décompressez-la dans `/opt`.\n\nEnfin, lancez-la.\n\n## Utilisation {#usage}\n\nLancez `lumen`.\n\nArrêtez-le avec `lumen stop`.\n";
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/a.md",
        md("A", &format!("default_lang_commit: {c1}\n"), FR),
    );
    repo.commit("fr");
    // Two paragraphs of “Install” change; one of “Usage”.
    let changed = EN
        .replace("version 1.28", "version 1.31")
        .replace("Finally, run it.", "Finally, run it as root.")
        .replace("Stop it with", "Stop it at any time with");
    let en = md("A", "", &changed);
    repo.write("content/en/a.md", &en);
    repo.commit("en: 1.31");
    let fr = repo.read("content/fr/a.md");
    let run = || {
        let output = repo
            .tandem()
            .args(["tasks", "--out", "tasks"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(run().contains("(0 unchanged since last run"));
    let task = repo.read("tasks/fr-update-a.md");
    let install = format!(
        "- [ ] “Install” — modified (`tandem diff content/fr/a.md --section install`)\n  - [ ] paragraph changed — source line {} · translation line {}\n  - [ ] paragraph changed — source line {} · translation line {}\n",
        line_of(&en, "version 1.31"),
        line_of(&fr, "version 1.28"),
        line_of(&en, "as root"),
        line_of(&fr, "Enfin"),
    );
    assert!(task.contains(&install), "{task}");
    // One changed block: the section's own line says where.
    assert!(
        task.contains(
            "- [ ] “Usage” — modified (`tandem diff content/fr/a.md --section usage`)\n\n"
        ),
        "{task}"
    );
    // Running again leaves the file alone.
    assert!(run().contains("(1 unchanged since last run"));
    assert_eq!(repo.read("tasks/fr-update-a.md"), task);

    // In French too.
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr", "tasks"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "  - [ ] paragraphe modifié — ligne {} de la source · ligne {} de la traduction\n",
            line_of(&en, "as root"),
            line_of(&fr, "Enfin"),
        )),
        "{text}"
    );
}

/// "1 tâches de mise à jour": the summary line of `tasks` did not agree with its numbers, in either language.
#[test]
fn one_task_was_counted_in_the_plural() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "# A\n\nOne.\n"))
        .write("content/fr/a.md", md("A", "", "# A\n\nUn.\n"));
    repo.commit("a");
    repo.write("content/en/a.md", md("A", "", "# A\n\nOne, then two.\n"));
    repo.commit("en: more");
    let out = tempfile::tempdir().unwrap();
    let summary = repo
        .tandem()
        .args([
            "tasks",
            "--ui-lang",
            "fr",
            "--out",
            out.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(summary.stdout).unwrap();
    assert!(
        text.starts_with("1 tâche de mise à jour et 0 tâche de traduction écrites"),
        "{text}"
    );
}

/// Task files invite ticking their boxes and adding notes: the next `tasks --out` rewrote an edited file whenever its
/// text had changed (the ticks and notes gone without a word), and removed it once the page was current. An edited
/// file is kept, with a warning; a file as tandem wrote it is still rewritten or removed.
#[test]
fn tasks_out_overwrote_the_boxes_a_translator_had_ticked() {
    let mut repo = site();
    let out = repo.path().join("l10n-tasks");
    let run = |repo: &RepoBuilder| {
        let output = repo
            .tandem()
            .args(["tasks", "--out", "l10n-tasks"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        (
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    run(&repo);
    let file = out.join("fr-update-docs-a.md");
    let written = std::fs::read_to_string(&file).unwrap();
    let ticked = written.replacen("- [ ]", "- [x]", 1)
        + "\nNote: the Scaling section waits for the glossary.\n";
    std::fs::write(&file, &ticked).unwrap();
    // The source changes again: the task's text changes.
    repo.write(
        "content/en/docs/a.md",
        md(
            "A",
            "",
            &format!(
                "{}\n## Scaling {{#scaling}}\n\nRun `lumen scale --all`.\n",
                EN.replace("1.28", "1.31")
            ),
        ),
    );
    repo.commit("en: a again");
    let (_, stderr) = run(&repo);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), ticked);
    assert!(
        stderr.contains("warning: l10n-tasks/fr-update-docs-a.md was edited since tandem wrote it: kept as it is"),
        "{stderr}"
    );
    // The translation catches up: the edited file stays, with a warning; an unedited one would have gone.
    let source = repo.read("content/en/docs/a.md");
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.write(
        "content/fr/docs/a.md",
        md(
            "A",
            &format!("default_lang_commit: {}\n", head.trim()),
            &source[source.find("## ").unwrap()..],
        ),
    );
    repo.commit("fr: a");
    let (stdout, stderr) = run(&repo);
    assert!(file.exists());
    assert!(stdout.contains("0 removed"), "{stdout}");
    assert!(
        stderr.contains("its page needs no task any more: kept"),
        "{stderr}"
    );
    // Deleted by hand, it is not written again: its page is current.
    std::fs::remove_file(&file).unwrap();
    run(&repo);
    assert!(!file.exists());
}

/// `tasks` said "No task: every translation is current" beside a translation whose front matter is broken (`unknown`)
/// and pages never translated: what it cannot judge, and what `--missing` would hand out, are said instead.
#[test]
fn tasks_said_every_translation_was_current_beside_a_broken_one() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN))
        .write("content/en/b.md", md("B", "", EN))
        .write("content/fr/a.md", "---\ntitle: [broken\n---\n\nTexte.\n");
    repo.commit("en, fr");
    let stdout = repo.stdout(&["tasks"]);
    assert_eq!(
        stdout,
        "No task: no translation is stale, but 1 cannot be judged (tandem status says why).\n"
    );
    repo.write("content/fr/a.md", md("A", "", FR));
    repo.commit("fr: fixed");
    let stdout = repo.stdout(&["tasks"]);
    assert_eq!(
        stdout,
        "No task: no translation is stale; 1 missing (--missing makes a task of each).\n"
    );
    let stdout = repo.stdout(&["--ui-lang", "fr", "tasks"]);
    assert_eq!(
        stdout,
        "Aucune tâche : aucune traduction n’est obsolète ; 1 manquante (--missing fait une tâche de chacune).\n"
    );
}

/// `tasks --out notes.txt`, notes.txt a file, said "File exists (os error 17)"; a path through a file said "Not a
/// directory (os error 20)": the system's words, no fix. Nothing is written either way.
#[test]
fn tasks_out_naming_a_file_gave_the_systems_words() {
    let repo = site();
    repo.write("notes.txt", "my notes\n");
    let before = crate::support::snapshot(repo.path());
    let error = |out: &str| {
        let output = repo
            .tandem()
            .args(["tasks", "--out", out])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{out}");
        assert!(output.stdout.is_empty());
        String::from_utf8(output.stderr).unwrap()
    };
    let notes = repo.path().join("notes.txt");
    assert_eq!(
        error("notes.txt"),
        format!(
            "error: --out {} is a file, not a folder — --out names the folder the task files go in (created when \
             missing): give another path\n",
            notes.display()
        )
    );
    assert_eq!(
        error("notes.txt/tasks"),
        format!(
            "error: {}: a part of the path is a file, not a folder\n",
            notes.join("tasks").display()
        )
    );
    assert_eq!(crate::support::snapshot(repo.path()), before);
}
