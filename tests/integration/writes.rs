//! The writing commands (`sync`, `scaffold`, `pair --write`, `status --out`, `tasks --out`) on the shapes an audit
//! found them to damage or refuse wrongly: each test is named after what broke.

use crate::support::{RepoBuilder, md, snapshot};

/// Hugo reads a front matter that comes after blank lines (its page lexer skips them). tandem read such a page as
/// one without front matter, and `sync` put a second block holding only the pin above it: Hugo then read the pin
/// alone, and the page's title, weight and `draft: true` became body text (the draft went live).
#[test]
fn sync_put_a_second_front_matter_above_one_after_a_blank_line() {
    let mut repo = RepoBuilder::from_fixture("hugo-leading-blank-line");
    repo.write(
        "content/en/docs/install.md",
        "---\ntitle: Install\nweight: 10\n---\n\nRun the installer.\n\nThen restart.\n",
    );
    let c2 = repo.commit("source changed");
    repo.write(
        "content/fr/docs/install.md",
        "\n---\ntitle: Installer\nweight: 10\ndraft: true\n---\n\nLancez l’installateur.\n\nPuis redémarrez.\n",
    );
    repo.tandem()
        .args(["sync", "content/fr/docs/install.md"])
        .assert()
        .success()
        .stdout(format!(
            "content/fr/docs/install.md: default_lang_commit (none) → {} (1 line added)\n",
            &c2[..7]
        ));
    assert_eq!(
        repo.read("content/fr/docs/install.md"),
        format!(
            "\n---\ntitle: Installer\nweight: 10\ndraft: true\ndefault_lang_commit: {c2}\n---\n\nLancez l’installateur.\n\nPuis redémarrez.\n"
        )
    );
    // The pin is read where it was written: the page is current.
    let json = repo.status_json(&[]);
    let page = crate::support::page(&json, "content/fr/docs/install.md");
    assert_eq!(page["state"], "current", "{page:#}");
}

/// `scaffold` of a source whose TOML front matter comes after a blank line put a YAML block above it: the TOML block
/// ended up in the translation's body.
#[test]
fn scaffold_put_a_yaml_block_above_toml_front_matter_after_a_blank_line() {
    let repo = RepoBuilder::from_fixture("hugo-leading-blank-line");
    let c1 = repo.head();
    repo.tandem()
        .args(["scaffold", "content/en/docs/guide.md", "--lang", "fr"])
        .assert()
        .success();
    assert_eq!(
        repo.read("content/fr/docs/guide.md"),
        format!(
            "\n+++\ntitle = \"Guide\" # tandem: translate\nweight = 20\ndefault_lang_commit = \"{c1}\"\n+++\n\n<!-- tandem: translate -->\n\nRead the guide.\n"
        )
    );
}

/// On a site whose generator is not Hugo, a block after blank lines is text to the generator: tandem added a second
/// front matter above it. It now refuses, naming the fix, and writes nothing.
#[test]
fn sync_added_a_front_matter_above_a_block_after_blank_lines_on_a_site_that_is_not_hugo() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n")
        .write("content/fr/a.md", "\n\n---\ntitle: A fr\n---\n\nTexte.\n");
    repo.commit("pages");
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["sync", "content/fr/a.md"])
        .assert()
        .code(2)
        .stderr(
            "error: content/fr/a.md:3: blank lines come before the front matter’s opening `---`: Hugo skips them, \
             but this site’s generator reads the block as text — remove the blank lines above `---` so that it opens \
             the file, then run tandem again\n",
        );
    assert_eq!(snapshot(repo.path()), before);
}

/// `scaffold` checked the source for symbolic links but not the translation's path: through a linked folder it wrote
/// outside the repository (and with `--force` overwrote a file there), a page tandem then never saw.
#[cfg(unix)]
#[test]
fn scaffold_wrote_through_a_symlinked_folder_outside_the_repository() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/sub/x.md", "---\ntitle: X\n---\n\nText.\n")
        .write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n")
        .write("content/fr/a.md", "---\ntitle: A\n---\n\nTexte.\n");
    repo.commit("pages");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("x.md"), "precious\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), repo.path().join("content/fr/sub")).unwrap();
    for force in [false, true] {
        let mut command = repo.tandem();
        command.args(["scaffold", "content/en/sub/x.md", "--lang", "fr"]);
        if force {
            command.arg("--force");
        }
        command.assert().code(2).stderr(
            "error: content/fr/sub/x.md: content/fr/sub is a symbolic link: tandem writes no page through a link, \
             which may lead outside the repository — pages are regular files inside the repository; make \
             content/fr/sub a real folder, or remove the link\n",
        );
    }
    assert_eq!(
        std::fs::read_to_string(outside.path().join("x.md")).unwrap(),
        "precious\n"
    );
}

/// Two stale translations, the second read-only.
fn two_stale_pages() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    for page in ["a", "z/b"] {
        repo.write(
            &format!("content/en/{page}.md"),
            "---\ntitle: S\n---\n\nBody.\n",
        )
        .write(
            &format!("content/fr/{page}.md"),
            "---\ntitle: T\n---\n\nCorps.\n",
        );
    }
    repo.commit("pages");
    for page in ["a", "z/b"] {
        repo.write(
            &format!("content/en/{page}.md"),
            "---\ntitle: S\n---\n\nBody, changed.\n",
        );
    }
    repo.commit("sources changed");
    repo
}

#[cfg(unix)]
fn set_mode(repo: &RepoBuilder, path: &str, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        repo.path().join(path),
        std::fs::Permissions::from_mode(mode),
    )
    .unwrap();
}

/// A read-only translation was replaced without a word: the write is a temporary file and a rename, which ignores
/// the file's own write bit. On a folder sync the pages before it were rewritten first. Every file is now checked
/// before the first write, and a read-only one stops the job with nothing written.
#[cfg(unix)]
#[test]
fn sync_replaced_a_read_only_translation_and_rewrote_the_pages_before_it() {
    let repo = two_stale_pages();
    set_mode(&repo, "content/fr/z/b.md", 0o444);
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["sync", "content/fr"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "error: content/fr/z/b.md is read-only: tandem does not replace a read-only file, and nothing was \
             written — if it is yours to change, make it writable (chmod u+w content/fr/z/b.md), then run tandem \
             again\n",
        ));
    assert_eq!(snapshot(repo.path()), before);
}

/// A multi-file write that failed partway (a full disk) left the earlier files changed, and the output was only the
/// error: nothing said `content/fr/a.md` had been rewritten. The files written before the error are now printed as
/// usual, and the error names them.
#[test]
fn sync_that_failed_partway_did_not_say_which_files_it_had_written() {
    let repo = two_stale_pages();
    let output = repo
        .tandem()
        .args(["sync", "content/fr"])
        .env("TANDEM_TEST_FAIL_WRITE", "content/fr/z/b.md")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("content/fr/a.md: default_lang_commit (none) → ")
            && !stdout.contains("content/fr/z/b.md"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.ends_with(
            "\n    this file was written before the error and keeps its change: content/fr/a.md\n"
        ) && stderr.contains("error: content/fr/z/b.md: simulated failure"),
        "{stderr}"
    );
    assert!(repo.read("content/fr/a.md").contains("default_lang_commit"));
    assert!(
        !repo
            .read("content/fr/z/b.md")
            .contains("default_lang_commit")
    );
}

/// `scaffold` into several languages wrote the first translation before finding that the second could not be
/// written (`--force` over a read-only file).
#[cfg(unix)]
#[test]
fn scaffold_into_several_languages_wrote_one_before_refusing_the_next() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n")
        .write("content/en/b.md", "---\ntitle: B\n---\n\nText.\n")
        .write("content/de/b.md", "---\ntitle: B\n---\n\nText.\n")
        .write("content/fr/b.md", "---\ntitle: B\n---\n\nTexte.\n")
        .write("content/fr/a.md", "---\ntitle: A\n---\n\nlocked\n");
    repo.commit("pages");
    set_mode(&repo, "content/fr/a.md", 0o444);
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["scaffold", "content/en/a.md", "--lang", "de,fr", "--force"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "error: content/fr/a.md is read-only",
        ));
    assert_eq!(snapshot(repo.path()), before);
}

/// `scaffold` said a title over two lines, an anchored title, an alias, a block scalar description were "to
/// translate" but left no mark on them, and a page without front matter got none at all: the untranslated copy of
/// the source was `current` and `check` passed.
#[test]
fn scaffold_left_fields_to_translate_unmarked_and_the_copy_was_current() {
    let mut repo = RepoBuilder::new();
    let pages = [
        (
            "multiline",
            "---\ntitle: \"A long title\n  over two lines\"\n---\n\nText.\n",
        ),
        (
            "anchor",
            "---\ntitle: &t Anchored\nlinkTitle: *t\n---\n\nText.\n",
        ),
        (
            "block",
            "---\ntitle: Block\ndescription: >\n  A folded\n  description.\n---\n\nText.\n",
        ),
        ("flow", "---\ntitle: [a, b]\n---\n\nText.\n"),
        ("nofm", "Just text, no front matter.\n"),
    ];
    for (name, text) in pages {
        repo.write(&format!("content/en/{name}.md"), text);
    }
    repo.write("content/en/other.md", "---\ntitle: O\n---\n\nText.\n")
        .write("content/fr/other.md", "---\ntitle: O\n---\n\nTexte.\n");
    let c1 = repo.commit("pages");
    for (name, _) in pages {
        repo.tandem()
            .args(["scaffold", &format!("content/en/{name}.md"), "--lang", "fr"])
            .assert()
            .success();
    }
    assert_eq!(
        repo.read("content/fr/block.md"),
        format!(
            "---\ntitle: Block # tandem: translate\n# tandem: translate\ndescription: >\n  A folded\n  description.\ndefault_lang_commit: {c1}\n---\n\n<!-- tandem: translate -->\n\nText.\n"
        )
    );
    assert_eq!(
        repo.read("content/fr/anchor.md"),
        format!(
            "---\n# tandem: translate\ntitle: &t Anchored\n# tandem: translate\nlinkTitle: *t\ndefault_lang_commit: {c1}\n---\n\n<!-- tandem: translate -->\n\nText.\n"
        )
    );
    assert_eq!(
        repo.read("content/fr/nofm.md"),
        format!(
            "---\ndefault_lang_commit: {c1}\n---\n<!-- tandem: translate -->\n\nJust text, no front matter.\n"
        )
    );
    let json = repo.status_json(&["--all"]);
    for (name, _) in pages {
        let page = crate::support::page(&json, &format!("content/fr/{name}.md"));
        assert_eq!(page["state"], "stale", "{name}: {page:#}");
    }
}

/// `scaffold` copied the source's `lang: en` (and `altLang: fr`, `altLangPage` naming the French page) into the French
/// page: sites that take a page's language from `lang` (jekyll-polyglot, the GC Digital Playbook) published it as
/// English, its language switcher pointing at itself.
#[test]
fn scaffold_copied_the_source_language_into_the_translation() {
    let mut repo = RepoBuilder::new();
    repo.write("_config.yml", "title: Playbook\n")
        .write(
            "en/overview.md",
            "---\nlayout: default\ntitle: \"Overview\"\nlang: en\naltLang: fr\naltLangPage: apercu\n---\n\nText.\n",
        )
        .write(
            "en/design.md",
            "---\nlayout: default\ntitle: \"Design\"\nlang: en\naltLang: fr\naltLangPage: conception\n---\n\nText.\n",
        )
        .write(
            "fr/conception.md",
            "---\nlayout: default\ntitle: \"Conception\"\nlang: fr\naltLang: en\naltLangPage: design\n---\n\nTexte.\n",
        );
    let c1 = repo.commit("pages");
    repo.tandem()
        .args([
            "scaffold",
            "en/overview.md",
            "--lang",
            "fr",
            "--slug",
            "apercu",
        ])
        .assert()
        .success();
    assert_eq!(
        repo.read("fr/apercu.md"),
        format!(
            "---\nlayout: default\ntitle: \"Overview\" # tandem: translate\nlang: fr\naltLang: en\naltLangPage: overview\ndefault_lang_commit: {c1}\n---\n\n<!-- tandem: translate -->\n\nText.\n"
        )
    );
    // Where the translation's own name is not the one `altLangPage` gives, the value is left, with a warning (the page
    // just written is removed first: while it pairs with the source, scaffold names it rather than write a second).
    std::fs::remove_file(repo.path().join("fr/apercu.md")).unwrap();
    repo.tandem()
        .args(["scaffold", "en/overview.md", "--lang", "fr"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "warning: fr/overview.md: altLangPage: apercu is copied from the source",
        ));
    assert!(
        repo.read("fr/overview.md")
            .contains("lang: fr\naltLang: en\naltLangPage: apercu\n")
    );
}

/// A site with only its source's pages could not start its first translation: `init --lang fr` and
/// `scaffold … --lang fr` stopped on "only one language found", and so did a `tandem.yaml` saying `languages: [fr]`
/// with `content: [content]` (the form `init` writes). A language named before its folder exists now has its folder
/// beside the source's, and the error, when no language is named, says how to name one.
#[test]
fn a_site_with_only_source_pages_could_not_start_its_first_translation() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/install.md",
        "---\ntitle: Install\n---\n\nHello.\n",
    );
    let c1 = repo.commit("source");
    let out = repo
        .tandem()
        .arg("status")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.starts_with("error: only one language found (en): nothing to compare — ")
            && err.contains("tandem scaffold <page> --lang fr")
            && err.contains("languages: [fr]"),
        "{err}"
    );

    repo.tandem()
        .args(["scaffold", "content/en/install.md", "--lang", "fr"])
        .assert()
        .success();
    assert!(
        repo.read("content/fr/install.md")
            .contains(&format!("default_lang_commit: {c1}")),
        "{}",
        repo.read("content/fr/install.md")
    );
    repo.remove("content/fr/install.md");

    // `init --lang fr` writes a tandem.yaml that loads, before the first French page exists.
    repo.tandem()
        .args(["init", "--yes", "--lang", "fr"])
        .assert()
        .success();
    let json = repo.status_json(&[]);
    assert_eq!(
        crate::support::page(&json, "content/fr/install.md")["state"],
        "missing",
        "{json:#}"
    );

    // The list form of `content` with `languages: [fr]`.
    repo.write(
        "tandem.yaml",
        "source: en\nlanguages: [fr]\nlayout: dirs\ncontent: [content]\n",
    );
    repo.tandem()
        .args(["scaffold", "content/en/install.md"])
        .assert()
        .success()
        .stdout(format!(
            "created content/fr/install.md (pin {}; title to translate; body copied from the source)\n",
            &c1[..7]
        ));
}

/// With the sources in another clone (`--source-repo`), `scaffold` looked for the source page in the translations'
/// clone: the command `tasks` prints (`tandem scaffold files/en-us/web/b.md --lang fr`) stopped with "is not a page of
/// the source language", and the pin would have come from the translations' history. Both now come from the source
/// clone.
#[test]
fn scaffold_with_the_sources_in_another_clone_looked_for_the_source_in_this_one() {
    let mut sources = RepoBuilder::new();
    sources
        .write("files/en-us/web/a.md", md("A", "", "Alpha."))
        .write("files/en-us/web/b.md", md("B", "", "Beta."));
    let s1 = sources.commit("en: pages");
    let mut translations = RepoBuilder::new();
    translations.write(
        "files/fr/web/a.md",
        md("A", &format!("default_lang_commit: {s1}\n"), "Alpha (fr)."),
    );
    translations.commit("fr");
    let clone = sources.path().to_str().unwrap();

    let out = translations.stdout(&["--source-repo", clone, "tasks", "--missing"]);
    assert!(
        out.contains("tandem scaffold files/en-us/web/b.md --lang fr"),
        "{out}"
    );
    translations
        .tandem()
        .args(["--source-repo", clone])
        .args(["scaffold", "files/en-us/web/b.md", "--lang", "fr"])
        .assert()
        .success()
        .stdout(format!(
            "created files/fr/web/b.md (pin {}; title to translate; body copied from the source)\n",
            &s1[..7]
        ));
    assert!(
        translations
            .read("files/fr/web/b.md")
            .contains(&format!("default_lang_commit: {s1}\n")),
        "{}",
        translations.read("files/fr/web/b.md")
    );
    let json = translations.status_json(&["--source-repo", clone]);
    assert_eq!(
        crate::support::page(&json, "files/fr/web/b.md")["state"],
        "stale",
        "{json:#}"
    );
}

/// Run from a parent repository whose one site is a git submodule (`site/`), tandem read the submodule's pages with
/// the parent's history: right pins "named no commit", committed pages had "no commit yet", and `sync` told the user
/// to commit a committed source. It now stops, saying where to run it.
#[test]
fn a_submodule_chosen_as_the_site_was_read_with_the_parent_s_history() {
    let mut site = RepoBuilder::new();
    site.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha (fr)."));
    site.commit("site");
    let mut parent = RepoBuilder::new();
    parent.write("README", "x\n");
    parent.git(&[
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        site.path().to_str().unwrap(),
        "site",
    ]);
    parent.commit("submodule");
    let before = snapshot(parent.path());
    for args in [&["status"][..], &["sync", "site/content/fr/a.md"]] {
        parent
            .tandem()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr("error: site/ is a git submodule: run tandem -C site\n");
    }
    parent
        .tandem()
        .args(["--ui-lang", "fr", "status"])
        .assert()
        .code(2)
        .stderr("erreur : site/ est un sous-module git : lancez tandem -C site\n");
    assert_eq!(snapshot(parent.path()), before);
    // Run there, it reads the site with its own history.
    parent
        .tandem()
        .args(["-C", "site", "sync", "content/fr/a.md"])
        .assert()
        .success();
}

/// `status --out` refused only a page that already existed: the path of a missing translation, or any new `.md` or
/// `.html` in a content folder, took the report, which the site then published as a page (the "French translation"
/// of `b.md` was the text report). `tasks --out` had no check at all: task files in `content/fr/l10n/` were orphaned
/// translations.
#[test]
fn status_and_tasks_out_wrote_reports_where_they_became_pages() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."))
        .write("content/fr/a.md", md("A", "", "Alpha (fr)."));
    repo.commit("pages");
    repo.write("content/en/a.md", md("A", "", "Alpha, changed."));
    repo.commit("a changed");
    let before = snapshot(repo.path());
    for (args, out) in [
        (&["status"][..], "content/fr/b.md"),
        (&["status", "--format", "html"], "content/fr/report.html"),
        (&["status", "--format", "markdown"], "content/en/status.md"),
    ] {
        repo.tandem()
            .args(args)
            .args(["--out", out])
            .assert()
            .code(2)
            .stderr(format!(
                "error: --out {out} is, or would be, a page of the site: the report would take its place — give \
                 --out a file outside the site's pages (status.html, l10n-status.md)\n"
            ));
    }
    repo.tandem()
        .args(["tasks", "--out", "content/fr/l10n"])
        .assert()
        .code(2)
        .stderr(
            "error: --out content/fr/l10n is a folder of the site's content: its task files would be read as pages \
             and published — give --out a folder outside the content folders (l10n-tasks)\n",
        );
    assert_eq!(snapshot(repo.path()), before);
    // Outside the content folders, and in a hidden folder, both write.
    repo.tandem()
        .args(["status", "--out", "content/fr/.status.md"])
        .assert()
        .success();
    repo.tandem()
        .args(["status", "--out", "l10n-status.md"])
        .assert()
        .success();
    repo.tandem()
        .args(["tasks", "--out", "l10n-tasks"])
        .assert()
        .success();
    assert!(repo.path().join("l10n-tasks/fr-update-a.md").is_file());
}

/// `status --out .git/HEAD` wrote the report over git's HEAD (git then found no repository), `--out hugo.yaml` or
/// `tandem.yaml` over the config the site is read from, `--out content/fr/x.mdx` a page the next run read as an
/// orphan (`.mdx` pages counted once one existed), and `tasks --out content` or `--out .git` wrote task files among
/// the language folders or into git's own.
#[test]
fn reports_written_over_git_s_files_and_the_site_s_config() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "hugo.yaml",
        "defaultContentLanguage: en\nlanguages:\n  en: {contentDir: content/en}\n  fr: {contentDir: content/fr}\n",
    )
    .write("tandem.yaml", "source: en\n")
    .write("content/en/a.md", md("A", "", "Alpha."))
    .write("content/fr/a.md", md("A", "", "Alpha (fr)."));
    repo.commit("pages");
    repo.write("content/en/a.md", md("A", "", "Alpha, changed."));
    repo.commit("a changed");
    let before = snapshot(repo.path());
    let git_before = std::fs::read(repo.path().join(".git/HEAD")).unwrap();
    for (out, what) in [
        (".git/HEAD", "inside .git, git's own files"),
        ("hugo.yaml", "a config file the site is read from"),
        ("tandem.yaml", "a config file the site is read from"),
    ] {
        repo.tandem()
            .args(["status", "--format", "markdown", "--out", out])
            .assert()
            .code(2)
            .stderr(format!(
                "error: --out {out} is {what}: the report would take its place — give --out a file of its own \
                 (l10n-status.md, or a folder such as l10n-tasks for tandem tasks)\n"
            ));
    }
    repo.tandem()
        .args(["status", "--out", "content/fr/x.mdx"])
        .assert()
        .code(2);
    for out in ["content", "./content/", ".git"] {
        repo.tandem().args(["tasks", "--out", out]).assert().code(2);
    }
    assert_eq!(snapshot(repo.path()), before);
    assert_eq!(
        std::fs::read(repo.path().join(".git/HEAD")).unwrap(),
        git_before
    );
    assert!(!repo.path().join(".git/fr-update-a.md").exists());
    repo.tandem().args(["status"]).assert().success();
}

/// `sync` on a page already pinned to the right commit with an abbreviated hash rewrote the pin to 40 hex digits
/// (and said `cfa1450 → cfa1450 (1 line changed)`): a folder sync changed every pinned page for nothing. A pin that
/// resolves to the target commit is now left as written, and reported unchanged.
#[test]
fn sync_rewrote_an_abbreviated_pin_that_already_named_the_commit() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    let c1 = repo.commit("source");
    let short = &c1[..7];
    repo.write(
        "content/fr/a.md",
        md(
            "A",
            &format!("default_lang_commit: {short}\n"),
            "Alpha (fr).",
        ),
    )
    .write(
        "content/fr/b.md",
        md(
            "B",
            &format!("default_lang_commit: \"{}\"\n", &c1[..10]),
            "Bêta.",
        ),
    );
    repo.commit("fr");
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["sync", "content/fr"])
        .assert()
        .success()
        .stdout(format!(
            "content/fr/a.md: default_lang_commit already {short} (unchanged)\n\
             content/fr/b.md: default_lang_commit already {short} (unchanged)\n"
        ));
    assert_eq!(snapshot(repo.path()), before);
    // `--patched` on such a pin adds the comment and keeps the value as written.
    repo.tandem()
        .args(["sync", "--patched", "content/fr/a.md"])
        .assert()
        .success();
    assert!(
        repo.read("content/fr/a.md")
            .contains(&format!("default_lang_commit: {short} # patched\n")),
        "{}",
        repo.read("content/fr/a.md")
    );
}

/// A YAML front matter written as one flow map (`{title: T, weight: 2}`) was "a bug in tandem: please report it"
/// (the edit could not be verified); it is a form tandem does not edit, refused with the fix like other flow
/// collections. The hints fit the front matter: a flow or list parent of a nested pin is to become a block map (a
/// flow map is already on one line), and TOML is written `key = value`.
#[test]
fn edit_refusals_blamed_tandem_or_gave_advice_that_did_not_fit() {
    let mut repo = RepoBuilder::new();
    for name in ["flowroot", "flowparent", "listparent", "tomlinline"] {
        repo.write(&format!("content/en/{name}.md"), md("S", "", "Body."));
    }
    repo.write(
        "content/fr/flowroot.md",
        "---\n{title: T, weight: 2}\n---\n\nCorps.\n",
    )
    .write(
        "content/fr/flowparent.md",
        "---\ntitle: T\nl10n: {}\n---\n\nCorps.\n",
    )
    .write(
        "content/fr/listparent.md",
        "---\ntitle: T\nl10n:\n  - a\n---\n\nCorps.\n",
    )
    .write(
        "content/fr/tomlinline.md",
        "+++\ntitle = \"T\"\nl10n = { sourceCommit = \"0000000\" }\n+++\n\nCorps.\n",
    )
    .write("tandem.yaml", "pin: { key: l10n.sourceCommit }\n");
    repo.commit("pages");
    let before = snapshot(repo.path());
    let refused = |page: &str, ui: &str| -> String {
        let output = repo
            .tandem()
            .args(["--ui-lang", ui, "sync", &format!("content/fr/{page}.md")])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{page}");
        String::from_utf8(output.stderr).unwrap()
    };
    assert_eq!(
        refused("flowroot", "en"),
        "error: content/fr/flowroot.md:2: the front matter is written as one flow map ({…}), which tandem does not \
         rewrite in place — write it as a block map, one `key: value` a line, then run tandem again\n"
    );
    assert_eq!(
        refused("flowparent", "en"),
        "error: content/fr/flowparent.md:3: l10n cannot be rewritten in place: it is a flow collection ([…] or {…}) \
         — write l10n as a block map (its keys on the lines below it, indented, one `key: value` a line), then run \
         tandem again\n"
    );
    assert_eq!(
        refused("listparent", "en"),
        "error: content/fr/listparent.md:4: l10n is not a map, so no key can go under it — make l10n a map of \
         keys, or name another pin key (pin.key in tandem.yaml), then run tandem again\n"
    );
    assert_eq!(
        refused("tomlinline", "en"),
        "error: content/fr/tomlinline.md:3: l10n.sourceCommit cannot be rewritten in place: it is not written as \
         `key = value` on one line — write it as `key = value` on one line, then run tandem again\n"
    );
    assert_eq!(
        refused("flowroot", "fr"),
        "erreur : content/fr/flowroot.md:2 : le front matter est écrit comme une seule table en ligne ({…}), que \
         tandem ne réécrit pas sur place — écrivez-le sous forme de table en bloc, une ligne `clé: valeur` par clé, \
         puis relancez tandem\n"
    );
    assert_eq!(snapshot(repo.path()), before);
}

/// Two messages of `sync` that did not match what it did: an empty pin value filled in was "(1 line added)" (the
/// line was changed), and the warning about a language's first pin came on a dry run, for a pin left unchanged, and
/// again on the next sync until the first was committed.
#[test]
fn sync_miscounted_a_filled_in_pin_and_repeated_the_first_pin_warning() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."))
        .write(
            "content/fr/a.md",
            "---\ntitle: A\ndefault_lang_commit:\n---\n\nAlpha (fr).\n",
        )
        .write("content/fr/b.md", md("B", "", "Bêta."));
    let c1 = repo.commit("pages");
    let short = &c1[..7];
    let first_pin = "warning: content/fr/b.md: first pinned fr translation";
    let dry = repo
        .tandem()
        .args(["sync", "--dry-run", "content/fr/b.md"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        !String::from_utf8_lossy(&dry.stderr).contains("first pinned"),
        "{dry:?}"
    );
    repo.tandem()
        .args(["sync", "content/fr/b.md"])
        .assert()
        .success()
        .stderr(predicates::str::contains(first_pin));
    // The next sync, before any commit: b.md's pin is in the work tree already.
    repo.tandem()
        .args(["sync", "content/fr/a.md"])
        .assert()
        .success()
        .stdout(format!(
            "content/fr/a.md: default_lang_commit (none) → {short} (1 line changed)\n"
        ))
        .stderr("");
    repo.tandem()
        .args(["sync", "content/fr/a.md"])
        .assert()
        .success()
        .stdout(format!(
            "content/fr/a.md: default_lang_commit already {short} (unchanged)\n"
        ))
        .stderr("");
}

/// `sync` of an orphaned translation, or of a page that is a symbolic link, said "no translation under" it: the page
/// is a translation, one tandem does not sync. The error now says which.
#[test]
fn sync_said_no_translation_under_an_orphan_or_a_link() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha (fr)."))
        .write("content/fr/orphan.md", md("O", "", "Orphelin."))
        .write("elsewhere/b.md", md("B", "", "Bêta."));
    std::os::unix::fs::symlink(
        "../../elsewhere/b.md",
        repo.path().join("content/fr/link.md"),
    )
    .unwrap();
    repo.commit("pages");
    repo.tandem()
        .args(["sync", "content/fr/orphan.md"])
        .assert()
        .code(2)
        .stderr(
            "error: content/fr/orphan.md is an orphaned translation: its source page is gone, so there is no \
             source commit to pin — rename it after its source's new name, or remove it (tandem status lists it \
             under Orphaned)\n",
        );
    repo.tandem()
        .args(["--ui-lang", "fr", "sync", "content/fr/orphan.md"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "erreur : content/fr/orphan.md est une traduction orpheline : ",
        ));
    repo.tandem()
        .args(["sync", "content/fr/link.md"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "error: content/fr/link.md is a symbolic link: tandem reads no page through a link",
        ));
}

/// `tasks --out` kept a file of the user's own on a task's name (good), but warned it "was edited since tandem wrote
/// it" (tandem never wrote it) and counted its task among those written.
#[test]
fn tasks_out_counted_a_users_own_file_as_a_task_it_wrote() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."))
        .write("content/fr/a.md", md("A", "", "Alpha (fr)."))
        .write("content/fr/b.md", md("B", "", "Bêta."));
    repo.commit("pages");
    repo.write("content/en/a.md", md("A", "", "Alpha, more."))
        .write("content/en/b.md", md("B", "", "Beta, more."));
    repo.commit("sources changed");
    repo.write("l10n-tasks/fr-update-b.md", "my own notes\n");
    repo.tandem()
        .args(["tasks", "--out", "l10n-tasks"])
        .assert()
        .success()
        .stdout(
            "wrote 1 update task and 0 translation tasks to l10n-tasks (0 unchanged since last run, 0 removed)\n",
        )
        .stderr(
            "warning: l10n-tasks/fr-update-b.md was not written by tandem: kept as it is, and its task not \
             written (move the file away to have it written)\n",
        );
    assert_eq!(repo.read("l10n-tasks/fr-update-b.md"), "my own notes\n");
}

/// `check` put the finding of a translation scaffold left unfinished on the pin's line, while its text named the
/// mark's line: in `--format github` the annotation landed on the wrong line.
#[test]
fn check_pointed_at_the_pin_line_while_naming_the_marks_line() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/b.md", md("B", "", "Beta."));
    repo.commit("source");
    repo.tandem()
        .args(["scaffold", "content/en/b.md", "--lang", "fr"])
        .assert()
        .success();
    repo.commit("scaffold");
    let text = repo.read("content/fr/b.md");
    assert!(
        text.starts_with("---\ntitle: \"B\" # tandem: translate\n"),
        "{text}"
    );
    let output = repo
        .tandem()
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("file=content/fr/b.md,line=2,"), "{stdout}");
}

/// `sync --mirrored` printed a list value holding a line break with the break in it (`tags set to [a, multi` and
/// `]` on the next line), and refused a list between a TOML and a YAML page naming line 1, not the key's.
#[test]
fn sync_mirrored_printed_a_raw_line_break_and_named_line_1() {
    let mut repo = RepoBuilder::new();
    repo.write("tandem.yaml", "front_matter:\n  mirrored: [tags]\n")
        .write("content/en/a.md", md("A", "tags: [a]\n", "Alpha."))
        .write("content/fr/a.md", md("A", "tags: [a]\n", "Alpha (fr)."))
        .write(
            "content/en/t.md",
            "+++\ntitle = \"T\"\ntags = [\"a\"]\n+++\n\nTee.\n",
        )
        .write("content/fr/t.md", md("T", "weight: 1\ntags: [a]\n", "Té."));
    repo.commit("pages");
    repo.write(
        "content/en/a.md",
        md("A", "tags:\n  - a\n  - |\n    multi\n", "Alpha."),
    )
    .write(
        "content/en/t.md",
        "+++\ntitle = \"T\"\ntags = [\"a\", \"b\"]\n+++\n\nTee.\n",
    );
    repo.commit("tags changed");
    let output = repo.tandem().args(["sync", "--mirrored"]).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stdout.contains("content/fr/a.md: tags set to [a, multi\\n], as in the source\n"),
        "{stdout}"
    );
    assert!(
        stderr.contains("content/fr/t.md:4: tags cannot be rewritten in place"),
        "{stderr}"
    );
}

/// `tasks --out` on a site whose page paths are Chinese folder names (three bytes a character) stopped with "File name
/// too long" after writing the first task files: a page path flattened into a task file's name passed the 255 bytes
/// file systems take. A long name is cut and ends with a hash of the whole, the same at the next run.
#[test]
fn a_long_page_path_made_a_task_file_name_too_long_halfway_through() {
    let folder = "概".repeat(50);
    let name = "页".repeat(40);
    let long = format!("content/{{}}/docs/{folder}/{name}.md");
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/a.md", md("A", "", "Alpha."))
        .write(&long.replace("{}", "en"), md("Long", "", "Long."))
        .write("content/fr/docs/a.md", md("A", "", "Alpha (fr)."))
        .write(&long.replace("{}", "fr"), md("Long", "", "Long (fr)."));
    repo.commit("pages");
    repo.write("content/en/docs/a.md", md("A", "", "Alpha, changed."))
        .write(&long.replace("{}", "en"), md("Long", "", "Long, changed."));
    repo.commit("both changed");
    repo.tandem()
        .args(["tasks", "--out", "l10n-tasks"])
        .assert()
        .success();
    let names = || {
        let mut names: Vec<String> = std::fs::read_dir(repo.path().join("l10n-tasks"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    let first = names();
    assert_eq!(first.len(), 2, "{first:?}");
    assert!(first.iter().all(|n| n.len() <= 255), "{first:?}");
    assert!(first[1].starts_with("fr-update-docs-概概"), "{first:?}");
    repo.tandem()
        .args(["tasks", "--out", "l10n-tasks"])
        .assert()
        .success()
        .stdout(predicates::str::contains("2 unchanged since last run"));
    assert_eq!(names(), first);
}

/// `sync --mirrored` printed `tags set to [fundamental, , ]` for the list `["fundamental", "", ""]` it wrote (a
/// glossary's tags): a list with holes, not the one in the page. Empty strings in a list are shown `""`.
#[test]
fn a_list_of_empty_strings_was_printed_with_holes() {
    let mut repo = RepoBuilder::new();
    repo.write("tandem.yaml", "front_matter:\n  mirrored: [tags]\n")
        .write(
            "content/en/a.md",
            md("A", "tags: [\"fundamental\"]\n", "Alpha."),
        )
        .write(
            "content/fr/a.md",
            md("A", "tags: [\"fundamental\"]\n", "Alpha (fr)."),
        );
    repo.commit("pages");
    repo.write(
        "content/en/a.md",
        md("A", "tags: [\"fundamental\", \"\", \"\"]\n", "Alpha."),
    );
    repo.commit("tags changed");
    let output = repo.tandem().args(["sync", "--mirrored"]).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout
            .contains("content/fr/a.md: tags set to [fundamental, \"\", \"\"], as in the source\n"),
        "{stdout}"
    );
}
