//! What stops the whole job: one line on stderr with the fix, exit code 2, nothing written.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, snapshot, tandem_in};

fn one_line(stderr: &[u8]) -> String {
    let text = String::from_utf8(stderr.to_vec()).unwrap();
    assert_eq!(text.trim_end().lines().count(), 1, "not one line: {text}");
    text
}

#[test]
fn not_a_repository() {
    let dir = tempfile::tempdir().unwrap();
    let output = tandem_in(dir.path()).arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.starts_with("error: "), "{line}");
    assert!(line.contains("is not inside a git repository"), "{line}");
    assert!(line.contains("-C DIR"), "{line}");
}

#[test]
fn detection_failure_prints_a_tandem_yaml_that_works() {
    let mut repo = RepoBuilder::new();
    repo.write("docs/a.md", md("A", "", "Alpha."))
        .write("docs/b.md", md("B", "", "Beta."))
        .write("traductions/a.md", md("A", "", "Alpha."));
    repo.commit("two folders, neither named after a language");
    let before = snapshot(repo.path());
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    let mut lines = text.lines();
    let first = lines.next().unwrap();
    assert!(
        // No `content/` here: the site's folder is where tandem looked.
        first.contains("no language folders found under . "),
        "{first}"
    );
    assert!(first.contains("astro.config.*"), "{first}");
    assert!(
        !first.contains("keep pages in"),
        "never advise moving pages: {first}"
    );
    let example: String = lines
        .map(|l| format!("{}\n", l.strip_prefix("    ").unwrap()))
        .collect();
    assert_eq!(
        example,
        "source: en\ncontent:\n  en: docs\n  fr: traductions\n"
    );
    // Nothing was written; the printed config, copied as is, works.
    assert_eq!(snapshot(repo.path()), before);
    repo.write("tandem.yaml", &example);
    repo.tandem().arg("status").assert().success();
}

/// A Docusaurus site whose only `i18n/` folder is its own language's (`i18n/en/code.json`, written by
/// `write-translations`): one language, nothing to compare. The advice was to keep pages in `content/<lang>/` folders,
/// which Docusaurus never reads; it names `i18n/<lang>/` and its plugin folders now.
#[test]
fn one_language_on_a_docusaurus_site_was_advised_content_folders() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "docusaurus.config.js",
        "module.exports = { i18n: { defaultLocale: 'en', locales: ['en'] } };\n",
    )
    .write("docs/intro.md", md("Intro", "", "Hello."))
    .write("i18n/en/code.json", "{}\n");
    repo.commit("a site in English only, for now");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.contains("only one language found (en)"), "{line}");
    assert!(
        line.contains("i18n/<lang>/ (i18n/fr/docusaurus-plugin-content-docs/current/ for docs/"),
        "{line}"
    );
    assert!(!line.contains("content/<lang>/"), "{line}");
}

/// The folder with the most pages after the source's was `docs/setup`, a part of `docs`: the printed config paired a
/// folder with its own sub-folder.
#[test]
fn detection_failure_offered_a_folder_inside_the_source_s_as_its_translation() {
    let mut repo = RepoBuilder::new();
    repo.write("docs/a.md", md("A", "", "Alpha."))
        .write("docs/b.md", md("B", "", "Beta."))
        .write("docs/c.md", md("C", "", "Gamma."))
        .write("docs/setup/d.md", md("D", "", "Delta."))
        .write("docs/setup/e.md", md("E", "", "Epsilon."))
        .write("traductions/a.md", md("A", "", "Alpha."))
        .write("traductions/b.md", md("B", "", "Bêta."));
    repo.commit("two folders, neither named after a language");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    let example: String = text
        .lines()
        .skip(1)
        .map(|l| format!("{}\n", l.strip_prefix("    ").unwrap()))
        .collect();
    assert_eq!(
        example,
        "source: en\ncontent:\n  en: docs\n  fr: traductions\n"
    );
}

/// French pages at the top (too short for their words to say so), an `en/` folder of translations, and no
/// `content/` folder: the error said "no language folders found under content" and printed a config giving English
/// the top pages and French the folder `en`.
#[test]
fn detection_failure_offered_the_folder_named_en_as_french() {
    let mut repo = RepoBuilder::new();
    repo.write("index.md", md("Accueil", "", "Bonjour."))
        .write("a-propos.md", md("À propos", "", "Qui sommes-nous ?"))
        .write("contact.md", md("Contact", "", "Écrivez-nous."))
        .write("en/index.md", md("Home", "", "Hello."));
    repo.commit("pages at the top, one translation in en/");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.starts_with("error: no language folders found under . "),
        "{text}"
    );
    let example: String = text
        .lines()
        .skip(1)
        .map(|l| format!("{}\n", l.strip_prefix("    ").unwrap()))
        .collect();
    assert_eq!(example, "source: fr\ncontent:\n  fr: \".\"\n  en: en\n");
}

#[test]
fn unknown_config_key_names_the_nearest_valid_one() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"))
        .write("tandem.yaml", "sourse: en\n");
    repo.commit("site");
    let before = snapshot(repo.path());
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.contains("unknown key sourse in tandem.yaml"), "{line}");
    assert!(line.contains("did you mean source?"), "{line}");
    assert!(before == snapshot(repo.path()));

    repo.write("tandem.yaml", "pin:\n  drift_kee: x\n");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(one_line(&output.stderr).contains("did you mean pin.drift_key?"));

    repo.write("tandem.yaml", "languages: [fr\n");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(one_line(&output.stderr).contains("cannot read tandem.yaml"));
}

#[test]
fn unknown_flag_and_unknown_language() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"));
    repo.commit("site");
    repo.tandem()
        .args(["status", "--no-such-flag"])
        .assert()
        .code(2);
    let output = repo
        .tandem()
        .args(["status", "--lang", "de"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.contains("unknown language de"), "{line}");
    assert!(line.contains("languages found: fr"), "{line}");
}

#[test]
fn the_source_language_given_to_lang_was_called_unknown() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"))
        .write("content/de/a.md", md("A", "", "A"));
    repo.commit("site");
    for (ui, args, expected) in [
        (
            "en",
            vec!["status", "--lang", "en"],
            "error: en is the source language, not a translation's — --lang takes target languages: de, fr",
        ),
        (
            "fr",
            vec!["scaffold", "content/fr/a.md", "--lang", "EN"],
            "erreur : en est la langue source, pas celle d’une traduction — --lang prend des langues cibles : de, fr",
        ),
    ] {
        let output = repo
            .tandem()
            .args(["--ui-lang", ui])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(one_line(&output.stderr).trim_end(), expected);
    }
    // The same in the config's list of target languages.
    repo.write("tandem.yaml", "source: en\nlanguages: [fr, en]\n");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains(
            "en is the source language; languages lists the languages of the translations"
        ),
        "{line}"
    );
}

#[test]
fn history_in_a_shallow_clone_says_how_to_fix_it() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"));
    repo.commit("one");
    repo.write("content/en/a.md", md("A", "", "A 2"));
    repo.commit("two");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    let status = std::process::Command::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(clone.path().join("shallow"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .unwrap();
    assert!(status.success());
    let output = tandem_in(&clone.path().join("shallow"))
        .args(["status", "--mode", "history"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(line.contains("shallow"), "{line}");
    assert!(line.contains("fetch-depth: 0"), "{line}");
}

#[test]
fn path_outside_the_repository() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A"))
        .write("content/fr/a.md", md("A", "", "A"));
    repo.commit("site");
    repo.tandem()
        .args(["status", "../elsewhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is outside the repository"));
}

/// `tandem compare en/x.md en/x.md` judged the page against itself: "current, severity none".
#[test]
fn compare_took_one_file_for_both_sides() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha."));
    repo.commit("site");
    let output = repo
        .tandem()
        .args(["compare", "content/en/a.md", "./content/en/a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains("content/en/a.md is both the source and the translation"),
        "{line}"
    );
}

/// A mistyped `-C` folder was "not inside a git repository", and a `--config` file that is not there was "entity
/// not found", in English whatever the interface's language.
#[test]
fn a_folder_or_config_that_is_not_there_was_misnamed() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha."));
    repo.commit("site");
    let output = repo
        .tandem()
        .args(["-C", "no-such-folder", "status"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains("no-such-folder: no such file or folder"),
        "{line}"
    );
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr", "--config", "absent.yaml", "status"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains("absent.yaml : fichier ou dossier introuvable"),
        "{line}"
    );
}

/// `source: de` in tandem.yaml on a site without German pages said "unknown language de", as a mistyped `--lang`
/// does, without naming the key; `ui_language: xx` was ignored without a word.
#[test]
fn config_values_naming_no_language_here_did_not_say_which_key() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha."))
        .write("tandem.yaml", "source: de\n");
    repo.commit("site");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains(
            "bad value for source in tandem.yaml: de has no pages here (languages found: en, fr)"
        ),
        "{line}"
    );
    repo.write("tandem.yaml", "ui_language: xx\n");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains("bad value for ui_language in tandem.yaml: xx (tandem speaks en and fr)"),
        "{line}"
    );
    repo.write("tandem.yaml", "ui_language: fr-CA\n");
    repo.tandem().arg("status").assert().success();
}

/// `content: {en: ".", fr: "."}` was accepted: every page paired with itself, six pages "translated" and all `unknown`,
/// "tied to several pages of one language". Two languages in one folder stop the job, saying which and what to write.
#[test]
fn two_languages_in_one_folder_were_accepted() {
    let mut repo = RepoBuilder::new();
    repo.write("tandem.yaml", "content: {en: \".\", fr: \".\"}\n")
        .write("about.md", md("About", "lang: en\n", "About us."))
        .write(
            "a-propos.md",
            md("À propos", "lang: fr\n", "À propos de nous."),
        );
    repo.commit("site");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains("en and fr both name the folder .: each language needs a folder of its own"),
        "{line}"
    );
}

/// `compare` read both files with the error dropped: a translation that is a folder, a submodule or a file it may not
/// read was "orphaned: the source page does not exist", a source so "missing" — though both were there. It stops
/// now, naming the file and what it is.
#[test]
fn compare_called_a_folder_a_submodule_or_an_unreadable_file_an_orphan() {
    let mut sub = RepoBuilder::new();
    sub.write("index.md", md("S", "", "Sub."));
    sub.commit("sub");
    let mut repo = RepoBuilder::new();
    for name in ["a", "b", "c", "sub"] {
        repo.write(&format!("content/en/{name}.md"), md("A", "", "Alpha."));
    }
    repo.write("content/fr/a.md/index.md", md("A", "", "Alpha."))
        .write("content/fr/b.md", md("B", "", "Beta."));
    repo.git(&[
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        sub.path().to_str().unwrap(),
        "content/fr/sub.md",
    ]);
    repo.commit("site");
    let error = |source: &str, translation: &str| {
        let output = repo
            .tandem()
            .args(["compare", source, translation])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{source} ⇄ {translation}");
        assert!(output.stdout.is_empty());
        one_line(&output.stderr)
    };
    assert_eq!(
        error("content/en/a.md", "content/fr/a.md"),
        "error: content/fr/a.md is a folder, not a page — compare names two page files: tandem pair lists the \
         pages\n"
    );
    assert_eq!(
        error("content/fr/a.md", "content/en/a.md"),
        "error: content/fr/a.md is a folder, not a page — compare names two page files: tandem pair lists the \
         pages\n"
    );
    assert_eq!(
        error("content/en/sub.md", "content/fr/sub.md"),
        "error: content/fr/sub.md is a folder (a git submodule), not a page — compare names two page files: tandem \
         pair lists the pages\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = repo.path().join("content/fr/b.md");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads whatever the mode says: there, nothing is refused.
        if std::fs::read(&locked).is_err() {
            assert_eq!(
                error("content/en/b.md", "content/fr/b.md"),
                "error: content/fr/b.md: permission denied — check the permissions of the file and its folders \
                 (ls -l): tandem runs as you\n"
            );
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
}

/// `compare` on a named pipe waited for a writer forever.
#[cfg(unix)]
#[test]
fn compare_waited_forever_on_a_named_pipe() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/b.md", md("B", "", "Beta."));
    repo.commit("site");
    let status = std::process::Command::new("mkfifo")
        .arg(repo.path().join("content/fr/a.md"))
        .status()
        .unwrap();
    assert!(status.success());
    let output = repo
        .tandem()
        .args(["compare", "content/en/a.md", "content/fr/a.md"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        one_line(&output.stderr),
        "error: content/fr/a.md is a named pipe (FIFO), not a page — compare names two page files: tandem pair \
         lists the pages\n"
    );
}

/// `--config` naming a folder or a device said "no such file or folder", which was false, and one naming a named pipe
/// waited for a writer forever (the interface's language is looked for in it first).
#[test]
fn a_config_that_is_a_folder_was_said_missing_and_a_named_pipe_hung() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha."))
        .write("settings/tandem.yaml", "source: en\n");
    repo.commit("site");
    let error = |config: &str| {
        let output = repo
            .tandem()
            .args(["--config", config, "status"])
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{config}");
        one_line(&output.stderr)
    };
    let fix = "name the config file itself, or leave --config out to use the tandem.yaml found\n";
    let folder = repo.path().join("settings");
    assert_eq!(
        error("settings"),
        format!(
            "error: --config {} is a folder, not a tandem.yaml file — {fix}",
            folder.display()
        )
    );
    #[cfg(unix)]
    {
        assert_eq!(
            error("/dev/null"),
            format!("error: --config /dev/null is a device, not a tandem.yaml file — {fix}")
        );
        let fifo = repo.path().join("pipe.yaml");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            error("pipe.yaml"),
            format!(
                "error: --config {} is a named pipe (FIFO), not a tandem.yaml file — {fix}",
                fifo.display()
            )
        );
    }
}

/// Two YAML errors showed serde-saphyr's internals: a key written twice was "duplicate mapping key: title, set
/// DuplicateKeyPolicy in Options if acceptable" (an option of the library, not of tandem), an alias bomb was "budget
/// breached: Nodes { nodes: 250001 }" (Rust's debug text). Both are a sentence now, in the interface's language.
#[test]
fn yaml_errors_showed_the_parsers_internals() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    let mut bomb = String::from("---\ntitle: T\na: &a [x, x, x, x, x, x, x, x, x]\n");
    let mut previous = 'a';
    for name in "bcdefghi".chars() {
        let aliases = vec![format!("*{previous}"); 9].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{aliases}]\n"));
        previous = name;
    }
    bomb.push_str("---\n\nB.\n");
    repo.write("content/fr/a.md", "---\ntitle: T\ntitle: U\n---\n\nA.\n")
        .write("content/fr/b.md", bomb);
    repo.commit("site");
    let output = repo.tandem().arg("status").output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "warning: content/fr/a.md:3: broken front matter: the key title is written twice\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: content/fr/b.md:8: broken front matter: too many values once its aliases are expanded: over \
             250000\n"
        ),
        "{stderr}"
    );
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr", "status"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "content/fr/a.md:3 : front matter invalide : la clé title est écrite deux fois\n"
        ),
        "{stderr}"
    );
    let output = repo
        .tandem()
        .args(["sync", "content/fr/a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        one_line(&output.stderr),
        "error: content/fr/a.md:3: broken front matter: the key title is written twice — fix the front matter by \
         hand first; tandem changes nothing in a file it cannot read\n"
    );
    repo.write("tandem.yaml", "source: en\nsource: fr\n");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        one_line(&output.stderr),
        "error: cannot read tandem.yaml: line 2: the key source is written twice — see the tandem.yaml example in \
         the README\n"
    );
}

/// `status --out content/fr/a.md` (a translation's path typed where the report's file goes) replaced the translation
/// with the report, without a word. A page of the site is refused; another file is written as asked.
#[test]
fn status_out_replaced_a_translation_with_the_report() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha (fr)."));
    repo.commit("a");
    let before = repo.read("content/fr/a.md");
    let output = repo
        .tandem()
        .args(["status", "--out", "content/fr/a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output.stderr);
    assert!(
        line.contains("--out content/fr/a.md is, or would be, a page of the site: the report would take its place"),
        "{line}"
    );
    assert_eq!(repo.read("content/fr/a.md"), before);
    repo.tandem()
        .args(["status", "--out", "status.txt"])
        .assert()
        .success();
    assert!(repo.read("status.txt").contains("fr translations"));
}

/// `diff content/fr/x.md --lang es`: the page exists, it is just not an es page; the error said there was no page at
/// or under it.
#[test]
fn a_page_of_a_language_lang_left_out_was_no_page_at_all() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/x.md", md("X", "", "Text."))
        .write("content/fr/x.md", md("X", "", "Texte."))
        .write("content/es/x.md", md("X", "", "Texto."));
    repo.commit("x in three languages");
    for (ui, args, expected) in [
        (
            "en",
            vec!["diff", "content/fr/x.md", "--lang", "es"],
            "error: content/fr/x.md is under content/fr, the fr pages, and --lang asks for es — leave --lang out, or give --lang fr\n",
        ),
        (
            "fr",
            vec!["status", "content/fr", "--lang", "es"],
            "erreur : content/fr est sous content/fr, les pages fr, et --lang demande es — retirez --lang, ou donnez --lang fr\n",
        ),
    ] {
        let output = repo
            .tandem()
            .args(["--ui-lang", ui])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(one_line(&output.stderr), expected);
    }
}

/// A content folder that cannot be read (`chmod 000`) dropped its pages without a word: the French folder's pages
/// became missing translations, the English folder's sources vanished and their translations read as orphans. The
/// folder is named in a warning. Root reads any folder: there the run is made as another user (`setpriv`), so that
/// the test says something on every machine.
#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_could_not_be_read_made_its_pages_vanish() {
    use std::os::unix::fs::PermissionsExt;
    let mut repo = RepoBuilder::new();
    repo.write(
        "hugo.yaml",
        "defaultContentLanguage: en\nlanguages:\n  en: {contentDir: content/en}\n  fr: {contentDir: content/fr}\n  de: {contentDir: content/de}\n",
    )
    .write("content/en/docs/a.md", md("A", "", "Alpha."))
        .write("content/fr/docs/a.md", md("A", "", "Alpha (fr)."));
    repo.commit("pages");
    // A folder not there (no language folder for German yet) is nothing to warn about.
    let output = repo.tandem().args(["status"]).output().unwrap();
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("cannot be read"),
        "{output:?}"
    );
    let locked = repo.path().join("content/fr/docs");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let as_root = std::fs::read_dir(&locked).is_ok();
    let output = if as_root {
        // Another user must reach the repository and run the binary: the folders on the way opened to all.
        let mut dir = repo.path().to_path_buf();
        loop {
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode | 0o755)).unwrap();
            if !dir.pop() || dir.as_os_str() == "/" {
                break;
            }
        }
        let status = std::process::Command::new("chmod")
            .args(["-R", "a+rX", ".git", "content/en"])
            .current_dir(repo.path())
            .status()
            .unwrap();
        assert!(status.success());
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin!("tandem"))
            .args(["status", "--format", "json"])
            .current_dir(repo.path())
            .env("HOME", "/tmp")
            .env("LC_ALL", "C")
            .output()
            .expect("setpriv runs (util-linux)")
    } else {
        repo.tandem()
            .args(["status", "--format", "json"])
            .output()
            .unwrap()
    };
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: content/fr/docs: the folder cannot be read (no permission)"),
        "{stderr}"
    );
}

/// A `hugo.yaml` that is a link to a file not there (a theme or a submodule not checked out), a link to itself, or a
/// folder was skipped without a word: a French-source site was then read as an English one, every verdict inverted.
/// A `tandem.yaml` alike. The run stops, naming the file and what it is.
#[cfg(unix)]
#[test]
fn a_broken_link_for_the_site_s_config_turned_a_french_site_english() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "hugo.yaml",
        "defaultContentLanguage: fr\nlanguages: {fr: {weight: 1}, en: {weight: 2}}\n",
    )
    .write("content/fr/a.md", md("A", "", "Alpha."))
    .write("content/en/a.md", md("A", "", "Alpha (en)."));
    repo.commit("pages");
    assert_eq!(repo.status_json(&[])["source_language"], "fr");
    let hugo = repo.path().join("hugo.yaml");
    for (target, kind) in [
        ("theme/hugo.yaml", "a link to nothing"),
        ("hugo.yaml", "a link to nothing"),
    ] {
        std::fs::remove_file(&hugo).unwrap();
        std::os::unix::fs::symlink(target, &hugo).unwrap();
        let output = repo.tandem().args(["status"]).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(
            one_line(&output.stderr),
            format!(
                "error: hugo.yaml is {kind} (its target is missing, or it leads back to itself): the site's config \
                 cannot be read, and read without it the site would be another — fix the link or the file (a theme \
                 or submodule not checked out: git submodule update --init), or remove it\n"
            )
        );
    }
    std::fs::remove_file(&hugo).unwrap();
    std::fs::create_dir(&hugo).unwrap();
    let output = repo.tandem().args(["status"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(one_line(&output.stderr).starts_with("error: hugo.yaml is a folder: "));
    std::fs::remove_dir(&hugo).unwrap();
    std::os::unix::fs::symlink("nowhere.yaml", repo.path().join("tandem.yaml")).unwrap();
    let output = repo.tandem().args(["status"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(one_line(&output.stderr).starts_with("error: tandem.yaml is a link to nothing"));
}
