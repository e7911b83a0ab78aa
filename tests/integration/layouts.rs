//! Layouts beyond `content/<lang>/`: Hugo single-folder sites (`x.fr.md`), Docusaurus (`i18n/<lang>/…`), an explicit
//! mapping file, and sources kept in another repository.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, page};

#[test]
fn hugo_single_folder_site_pairs_by_language_suffix() {
    let mut repo = RepoBuilder::new();
    // A Hugo config without contentDir: the languages are in the file names.
    repo.write(
        "hugo.toml",
        "defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
    )
    .write("content/_index.md", md("Home", "", "Welcome."))
    .write("content/_index.fr.md", md("Accueil", "", "Bienvenue."))
    .write("content/docs/install.md", md("Install", "", "Run it."))
    .write(
        "content/docs/install.fr.md",
        md("Installer", "", "Lancez-le."),
    )
    .write("content/docs/usage.md", md("Usage", "", "Use it."));
    repo.commit("site");
    repo.write(
        "content/docs/install.md",
        md("Install", "", "Run it twice."),
    )
    .write("content/docs/gone.fr.md", md("Parti", "", "Sans source."));
    repo.commit("change install, add an orphan");

    let json = repo.status_json(&[]);
    let home = page(&json, "content/_index.fr.md");
    assert_eq!(home["source"], "content/_index.md");
    assert_eq!(home["paired_by"], "suffix");
    assert_eq!(home["state"], "current");
    let install = page(&json, "content/docs/install.fr.md");
    assert_eq!(install["state"], "stale");
    assert_eq!(install["paired_by"], "suffix");
    let usage = page(&json, "content/docs/usage.fr.md");
    assert_eq!(usage["state"], "missing");
    assert_eq!(usage["source"], "content/docs/usage.md");
    let gone = page(&json, "content/docs/gone.fr.md");
    assert_eq!(gone["state"], "orphaned");
    assert_eq!(gone["source"], "content/docs/gone.md");
    assert_eq!(json["summary"]["fr"]["sections"]["docs"]["total"], 2);
}

#[test]
fn suffix_on_both_sides_and_a_theme_example_site() {
    let mut repo = RepoBuilder::new();
    // Like Hugo themes: the site sits in exampleSite/, no config, every page carries its language.
    repo.write("exampleSite/content/_index.en.md", md("Home", "", "Hi."))
        .write(
            "exampleSite/content/_index.fr.md",
            md("Accueil", "", "Salut."),
        )
        .write(
            "exampleSite/content/basics/_index.en.md",
            md("Basics", "", "B."),
        )
        .write(
            "exampleSite/content/basics/_index.zh.md",
            md("基础", "", "B."),
        )
        .write("exampleSite/content/cont/tags.en.md", md("Tags", "", "T."))
        .write("exampleSite/content/cont/tags.fr.md", md("Tags", "", "T."))
        .write(
            "exampleSite/content/cont/pages/images/a.png",
            [0x89u8, b'P', b'N', b'G'],
        );
    repo.commit("site");
    let json = repo.status_json(&[]);
    assert_eq!(json["source_language"], "en");
    let fr: Vec<&serde_json::Value> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["language"] == "fr")
        .collect();
    assert_eq!(fr.len(), 3, "{json:#}");
    let missing = page(&json, "exampleSite/content/basics/_index.fr.md");
    assert_eq!(missing["state"], "missing");
    assert_eq!(missing["source"], "exampleSite/content/basics/_index.en.md");
    assert_eq!(
        page(&json, "exampleSite/content/basics/_index.zh.md")["state"],
        "current"
    );
    // The missing French home of zh is named with the suffix style of the site.
    assert_eq!(
        page(&json, "exampleSite/content/_index.zh.md")["source"],
        "exampleSite/content/_index.en.md"
    );
}

#[test]
fn docusaurus_docs_and_blog_pair_with_their_i18n_twins() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "docusaurus.config.js",
        "module.exports = {\n  i18n: { defaultLocale: 'en', locales: ['en', 'fr'] },\n};\n",
    )
    .write("docs/intro.md", md("Intro", "", "Hello."))
    .write(
        "docs/guides/setup.mdx",
        md("Setup", "", "<Tabs>Set up.</Tabs>"),
    )
    .write(
        "blog/2024-01-02-launch.md",
        md("Launch", "", "We launched."),
    )
    .write(
        "i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
        md("Intro", "", "Bonjour."),
    )
    .write(
        "i18n/fr/docusaurus-plugin-content-blog/2024-01-02-launch.md",
        md("Lancement", "", "Nous avons lancé."),
    )
    .write("i18n/fr/code.json", "{}\n");
    repo.commit("site");
    repo.write("docs/intro.md", md("Intro", "", "Hello, world."));
    repo.commit("intro changed");

    let json = repo.status_json(&[]);
    let intro = page(
        &json,
        "i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
    );
    assert_eq!(intro["source"], "docs/intro.md");
    assert_eq!(intro["state"], "stale");
    assert_eq!(intro["paired_by"], "path");
    let launch = page(
        &json,
        "i18n/fr/docusaurus-plugin-content-blog/2024-01-02-launch.md",
    );
    assert_eq!(launch["source"], "blog/2024-01-02-launch.md");
    assert_eq!(launch["state"], "current");
    // MDX pages count on Docusaurus sites.
    let setup = page(
        &json,
        "i18n/fr/docusaurus-plugin-content-docs/current/guides/setup.mdx",
    );
    assert_eq!(setup["state"], "missing");
    let sections = &json["summary"]["fr"]["sections"];
    assert_eq!(sections["docs"]["total"], 1);
    assert_eq!(sections["docs/guides"]["total"], 1);
    assert_eq!(sections["blog"]["total"], 1);
}

#[test]
fn a_mapping_file_pairs_translated_folder_and_file_names() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/components/alert.md", md("Alert", "", "An alert."))
        .write("content/en/components/button.md", md("Button", "", "A button."))
        .write("content/en/about.md", md("About", "", "Us."))
        .write("content/fr/composants/alerte.md", md("Alerte", "", "Une alerte."))
        .write("content/fr/composants/button.md", md("Bouton", "", "Un bouton."))
        .write("content/fr/about.md", md("À propos", "", "Nous."))
        .write(
            "l10n-map.yaml",
            "# source: {language: translation}, paths from the site root\ncontent/en/components/:\n  fr: content/fr/composants/\ncontent/en/components/alert.md:\n  fr: content/fr/composants/alerte.md\n",
        )
        .write("tandem.yaml", "pairing:\n  map: l10n-map.yaml\n");
    repo.commit("site");
    let json = repo.status_json(&[]);
    let alert = page(&json, "content/fr/composants/alerte.md");
    assert_eq!(alert["source"], "content/en/components/alert.md");
    assert_eq!(alert["paired_by"], "map");
    assert_eq!(alert["state"], "current");
    let button = page(&json, "content/fr/composants/button.md");
    assert_eq!(button["source"], "content/en/components/button.md");
    assert_eq!(button["paired_by"], "map");
    // Pages the map does not name still pair by path.
    assert_eq!(page(&json, "content/fr/about.md")["paired_by"], "path");

    // layout: map pairs by the map only.
    repo.write(
        "tandem.yaml",
        "layout: map\npairing:\n  map: l10n-map.yaml\n",
    );
    let json = repo.status_json(&[]);
    let about: Vec<&str> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["translation"] == "content/fr/about.md")
        .map(|p| p["state"].as_str().unwrap())
        .collect();
    assert_eq!(about, vec!["missing", "orphaned"]);
    assert_eq!(
        page(&json, "content/fr/composants/alerte.md")["paired_by"],
        "map"
    );
}

#[test]
fn a_broken_mapping_file_stops_with_a_hint() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A."))
        .write("content/fr/a.md", md("A", "", "A."))
        .write("l10n-map.yaml", "content/en/a.md: [not, a, map]\n")
        .write("tandem.yaml", "pairing:\n  map: l10n-map.yaml\n");
    repo.commit("site");
    repo.tandem()
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mapping file l10n-map.yaml"))
        .stderr(predicate::str::contains("docs/pairing.md"));
    repo.write("tandem.yaml", "pairing:\n  map: absent.yaml\n");
    repo.tandem()
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pairing.map"));
}

#[test]
fn unknown_layout_names_the_supported_ones() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A."))
        .write("content/fr/a.md", md("A", "", "A."))
        .write("tandem.yaml", "layout: folders\n");
    repo.commit("site");
    repo.tandem()
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "dirs, suffix, docusaurus, key, map",
        ));
}

/// Translations in one clone, sources in another (MDN's translated-content, community forks): pins name commits of
/// the source repository, and drift is read there.
#[test]
fn sources_in_another_repository() {
    let mut sources = RepoBuilder::new();
    sources
        .write("files/en-us/web/a.md", md("A", "", "Alpha."))
        .write("files/en-us/web/b.md", md("B", "", "Beta."))
        .write("files/en-us/web/c.md", md("C", "", "Gamma."));
    let s1 = sources.commit("en: pages");
    sources.write("files/en-us/web/b.md", md("B", "", "Beta, changed."));
    sources.commit("en: change b");

    let mut translations = RepoBuilder::new();
    let pin = |commit: &str| format!("l10n:\n  sourceCommit: {commit}\n");
    translations
        .write("files/fr/web/a.md", md("A", &pin(&s1), "Alpha (fr)."))
        .write("files/fr/web/b.md", md("B", &pin(&s1), "Bêta."))
        .write("files/fr/web/old.md", md("Vieux", &pin(&s1), "Vieux."))
        .write(
            "tandem.yaml",
            format!(
                "source: en-us\ncontent: [files]\nsource_repo: {}\n",
                sources.path().display()
            ),
        );
    translations.commit("fr");

    let json = translations.status_json(&[]);
    let a = page(&json, "files/fr/web/a.md");
    assert_eq!(a["source"], "files/en-us/web/a.md");
    assert_eq!(a["state"], "current");
    assert_eq!(a["sync"]["commit"], s1);
    let b = page(&json, "files/fr/web/b.md");
    assert_eq!(b["state"], "stale");
    assert_eq!(b["commits_behind"], 1);
    assert_eq!(page(&json, "files/fr/web/c.md")["state"], "missing");
    assert_eq!(page(&json, "files/fr/web/old.md")["state"], "orphaned");
    assert_eq!(json["head"], translations.head());

    // The flag does the same as the config key, relative to the current directory.
    translations.write("tandem.yaml", "source: en-us\ncontent: [files]\n");
    let json = translations.status_json(&["--source-repo", sources.path().to_str().unwrap()]);
    assert_eq!(page(&json, "files/fr/web/b.md")["state"], "stale");
}

/// MDN's two clones as they are, with no `tandem.yaml`: `files/en-us/` in the sources' clone, `files/fr/` alone in the
/// translations' (one language folder there). tandem stopped with "no language folders found under content" and
/// offered a config pairing two folders of the translations' clone.
#[test]
fn two_repositories_with_files_folders_needed_a_config() {
    let mut sources = RepoBuilder::new();
    sources
        .write("files/en-us/web/a/index.md", md("A", "", "Alpha."))
        .write("files/en-us/web/b/index.md", md("B", "", "Beta."));
    sources.commit("en: pages");
    let mut translations = RepoBuilder::new();
    translations
        .write("README.md", "# Translations\n")
        .write("files/fr/web/a/index.md", md("A", "", "Alpha (fr)."));
    translations.commit("fr");

    let clone = sources.path().to_str().unwrap();
    let json = translations.status_json(&["--source-repo", clone]);
    assert_eq!(json["source_language"], "en-us", "{json:#}");
    let a = page(&json, "files/fr/web/a/index.md");
    assert_eq!(a["source"], "files/en-us/web/a/index.md");
    assert_eq!(a["state"], "current");
    assert_eq!(page(&json, "files/fr/web/b/index.md")["state"], "missing");
    let text = translations.stdout(&["status", "-v", "--source-repo", clone]);
    assert!(
        text.contains("source en-us (the one language whose folder is in the source clone only)"),
        "{text}"
    );
}

/// A site written in French first, its locales under `files/` and no English folder, with the repository's own
/// `CONTRIBUTING.md` and `LICENSE.md` at the top: those are no pages outside the locales' folder, which holds the
/// whole site.
#[test]
fn repository_files_at_the_top_hid_a_folder_of_locales_without_english() {
    let mut repo = RepoBuilder::new();
    repo.write("CONTRIBUTING.md", "# Contributing\n")
        .write("LICENSE.md", "# Licence\n")
        .write("files/fr/a.md", md("A", "", "Alpha."))
        .write("files/fr/b.md", md("B", "", "Bêta."))
        .write("files/de/a.md", md("A", "", "Alpha (de)."));
    repo.commit("site");
    let json = repo.status_json(&[]);
    assert_eq!(json["source_language"], "fr", "{json:#}");
    assert_eq!(page(&json, "files/de/a.md")["source"], "files/fr/a.md");
    assert_eq!(page(&json, "files/de/b.md")["state"], "missing");
}

/// `init --source-repo` wrote a `tandem.yaml` without the clone it was given: the next run, without the flag, read
/// the source's folder in the translations' clone, found nothing there, and called every translation an orphan
/// ("fr 0/0 (100 %)"), where a folder that does not exist is a mistake to name.
#[test]
fn init_with_a_source_repository_forgot_it_and_every_translation_became_an_orphan() {
    let mut sources = RepoBuilder::new();
    sources.write("files/en-us/web/a/index.md", md("A", "", "Alpha."));
    sources.commit("en");
    let mut translations = RepoBuilder::new();
    translations.write("files/fr/web/a/index.md", md("A", "", "Alpha (fr)."));
    translations.commit("fr");
    let config = translations.path().join("tandem.yaml");

    // Without the other clone, the source's folder is missing: a one-line error with the fix, exit 2.
    translations.write(
        "tandem.yaml",
        "source: en-us\ncontent: {en-us: files/en-us, fr: files/fr}\n",
    );
    let output = translations.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("the source's folder files/en-us does not exist")
            && stderr.contains("--source-repo DIR"),
        "{stderr}"
    );
    std::fs::remove_file(&config).unwrap();

    translations
        .tandem()
        .args(["init", "--yes", "--source-repo"])
        .arg(sources.path())
        .assert()
        .success();
    let written = std::fs::read_to_string(&config).unwrap();
    assert!(written.contains("source_repo: "), "{written}");
    // The next run, with no flag, reads the sources where init found them.
    let json = translations.status_json(&[]);
    assert_eq!(json["source_language"], "en-us", "{json:#}");
    let a = page(&json, "files/fr/web/a/index.md");
    assert_eq!(a["state"], "current", "{json:#}");
    assert_eq!(a["source"], "files/en-us/web/a/index.md");
}

/// Without pins, a translation's last commit is in its own repository: the sync point is the sources' commit of
/// that moment on their first-parent line.
#[test]
fn two_repositories_in_history_mode_use_the_sources_commit_of_that_moment() {
    let mut sources = RepoBuilder::new();
    sources.write("content/en/a.md", md("A", "", "Alpha."));
    let s1 = sources.commit("en"); // day 1
    let mut translations = RepoBuilder::new();
    translations.commit("start"); // day 1
    translations.write("content/fr/a.md", md("A", "", "Alpha (fr)."));
    translations.commit("fr"); // day 2
    sources.write("content/en/a.md", md("A", "", "Alpha, changed."));
    sources.commit("en: change"); // day 2, same second as the translation commit
    sources.write("content/en/a.md", md("A", "", "Alpha, changed again."));
    sources.commit("en: change again"); // day 3

    let output = translations
        .tandem()
        .args([
            "status",
            "--format",
            "json",
            "--mode",
            "history",
            "--source-repo",
        ])
        .arg(sources.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let a = page(&json, "content/fr/a.md");
    // Day 2's source commit is not later than the translation's: it is the sync point.
    assert_ne!(a["sync"]["commit"], s1);
    assert_eq!(a["sync"]["method"], "history");
    assert_eq!(a["state"], "stale");
    assert_eq!(a["commits_behind"], 1);
}

#[test]
fn a_source_repository_must_be_the_top_of_a_clone() {
    let mut sources = RepoBuilder::new();
    sources.write("content/en/a.md", md("A", "", "Alpha."));
    sources.commit("en");
    let mut translations = RepoBuilder::new();
    translations.write("content/fr/a.md", md("A", "", "Alpha."));
    translations.commit("fr");
    translations
        .tandem()
        .args(["status", "--source-repo"])
        .arg(sources.path().join("content"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not the top of its clone"));
}

/// A site written in French first, its English under way (6 French pages, 4 English), no generator config: English is
/// taken for the source by default, and nothing said so outside a terminal — in CI the French originals were stale
/// and orphaned translations. A warning now says it on every run, with the fix.
#[test]
fn a_french_first_site_was_read_backwards_without_a_word() {
    let mut repo = RepoBuilder::new();
    for name in ["accueil", "guide", "faq", "contribuer", "licence", "equipe"] {
        repo.write(&format!("content/fr/{name}.md"), md(name, "", "Texte."));
    }
    repo.commit("fr: the site");
    for name in ["accueil", "guide", "faq", "contribuer"] {
        repo.write(&format!("content/en/{name}.md"), md(name, "", "Text."));
    }
    repo.commit("en: a translation under way");
    for (ui, expected) in [
        (
            "en",
            "warning: content/fr: fr has more pages than en (6 against 4), yet the source is taken to be en, the default when a folder is named en: if fr is the original, write source: fr in tandem.yaml (tandem init)",
        ),
        (
            "fr",
            "attention : content/fr : fr a plus de pages que en (6 contre 4), et pourtant la source est prise pour en, le choix par défaut quand un dossier s’appelle en : si fr est l’original, écrivez source: fr dans tandem.yaml (tandem init)",
        ),
    ] {
        let output = repo
            .tandem()
            .args(["--ui-lang", ui, "status", "--format", "json"])
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.lines().any(|l| l == expected), "{stderr}");
    }
    // Said where the site says its source, not.
    repo.write(
        "tandem.yaml",
        "source: fr\nlanguages: [en]\nlayout: dirs\ncontent: [content]\n",
    );
    let output = repo.tandem().args(["status"]).output().unwrap();
    assert!(String::from_utf8(output.stderr).unwrap().is_empty());
}

/// A language named in tandem.yaml before its folder exists is a language started (every page missing, ready for
/// `scaffold`); a misspelt one looked the same, every page quietly missing. Both are said.
#[test]
fn a_language_without_a_folder_was_every_page_missing_without_a_word() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Text."))
        .write("content/en/b.md", md("B", "", "Text."))
        .write(
            "tandem.yaml",
            "source: en\nlanguages: [fx]\nlayout: dirs\ncontent: [content]\n",
        );
    repo.commit("en, and a language to start");
    let output = repo.tandem().args(["status"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: content/fx: no such folder yet: every fx page is missing (a language started in tandem.yaml, or a misspelt one)"),
        "{stderr}"
    );
    // Once the folder has a page, nothing is said.
    repo.write("content/fx/a.md", md("A", "", "Texte."));
    let output = repo.tandem().args(["status"]).output().unwrap();
    assert!(String::from_utf8(output.stderr).unwrap().is_empty());

    // Listed by the generator's config, not tandem.yaml (which the site does not have): the warning named
    // tandem.yaml all the same.
    let mut repo = RepoBuilder::new();
    repo.write(
        "hugo.yaml",
        "defaultContentLanguage: en\nlanguages:\n  en: {contentDir: content/en}\n  de: {contentDir: content/de}\n",
    )
    .write("content/en/a.md", md("A", "", "Text."));
    repo.commit("en, and German listed");
    let output = repo.tandem().args(["status"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: content/de: no such folder yet: every de page is missing (a language the site's config lists before its first page, or a misspelt one)"),
        "{stderr}"
    );
}

/// A translation fork (how React's and Vue's documentation are translated: the French repository is a fork of the
/// English one, each page translated in place, at its own path): `content: {en: src/content, fr: src/content}` with
/// the source clone was refused ("en and fr both name the folder"), and nothing else could read such a site. A page
/// of the fork still the source's text, byte for byte, is missing (`source-copy`), not a current translation.
#[test]
fn a_translation_fork_with_pages_at_the_sources_paths_could_not_be_read() {
    let mut sources = RepoBuilder::new();
    sources
        .write(
            "src/content/learn/thinking.md",
            md("Thinking", "", "Components are functions."),
        )
        .write(
            "src/content/learn/hooks.md",
            md("Hooks", "", "Hooks are functions too."),
        );
    sources.commit("en"); // day 1
    let mut fork = RepoBuilder::new();
    fork.write(
        "src/content/learn/thinking.md",
        md("Penser", "", "Les composants sont des fonctions."),
    )
    .write(
        "src/content/learn/hooks.md",
        md("Hooks", "", "Hooks are functions too."),
    )
    .write(
        "tandem.yaml",
        format!(
            "source: en\nlanguages: [fr]\nsource_repo: {}\ncontent:\n  en: src/content\n  fr: src/content\n",
            sources.path().display()
        ),
    );
    fork.commit("fr"); // day 1
    sources.write(
        "src/content/learn/thinking.md",
        md("Thinking", "", "Components are pure functions."),
    );
    sources.commit("en: pure"); // day 2

    let json = fork.status_json(&[]);
    let thinking = page(&json, "src/content/learn/thinking.md");
    assert_eq!(thinking["source"], "src/content/learn/thinking.md");
    assert_eq!(thinking["state"], "stale", "{json:#}");
    let hooks = page(&json, "src/content/learn/hooks.md");
    assert_eq!(hooks["state"], "missing", "{json:#}");
    assert_eq!(hooks["reason"], "source-copy", "{json:#}");
    let text = fork.stdout(&["status", "--all", "--color", "never"]);
    assert!(
        text.contains(
            "src/content/learn/hooks.md   (still the source's text: translate it in place)"
        ),
        "{text}"
    );
    let diff = fork.stdout(&["diff", "src/content/learn/thinking.md", "--color", "never"]);
    assert!(
        diff.contains("  en  + Components are pure functions."),
        "{diff}"
    );
    // Its task says to translate it in place, not to scaffold a page that is there.
    let tasks = fork.stdout(&["tasks", "--missing"]);
    assert!(
        tasks.contains(
            "Translate src/content/learn/hooks.md in place: it is still the source's text"
        ),
        "{tasks}"
    );
    assert!(!tasks.contains("tandem scaffold"), "{tasks}");
}

/// The same for a fork of a French site translated into English (the source's language sorting after the target's):
/// the folder was read as English in both clones, and the French sources were left out.
#[test]
fn a_translation_fork_of_a_french_site_lost_its_sources() {
    let mut sources = RepoBuilder::new();
    sources.write("docs/guide.md", md("Guide", "", "Le guide, en français."));
    sources.commit("fr"); // day 1
    let mut fork = RepoBuilder::new();
    fork.write("docs/guide.md", md("Guide", "", "The guide, in English."))
        .write(
            "tandem.yaml",
            format!(
                "source: fr\nlanguages: [en]\nsource_repo: {}\ncontent:\n  fr: docs\n  en: docs\n",
                sources.path().display()
            ),
        );
    fork.commit("en"); // day 1
    let json = fork.status_json(&[]);
    let guide = page(&json, "docs/guide.md");
    assert_eq!(guide["language"], "en", "{json:#}");
    assert_eq!(guide["state"], "current", "{json:#}");
}

#[test]
fn two_repositories_in_history_mode_called_the_sources_commit_the_last_fr_commit() {
    let mut sources = RepoBuilder::new();
    sources.write("content/en/a.md", md("A", "", "Alpha."));
    sources.commit("en"); // day 1
    let mut translations = RepoBuilder::new();
    translations.commit("start"); // day 1
    translations.write("content/fr/a.md", md("A", "", "Alpha (fr)."));
    let t2 = translations.commit("fr"); // day 2
    sources.write("README.md", "Sources.\n");
    let s1 = sources.commit("readme"); // day 2, the sources' commit of the translation's moment
    sources.write("content/en/a.md", md("A", "", "Alpha, changed."));
    sources.commit("en: change"); // day 3
    let run = |args: &[&str]| {
        let output = translations
            .tandem()
            .args(args)
            .args(["--mode", "history", "--source-repo"])
            .arg(sources.path())
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let json: serde_json::Value =
        serde_json::from_str(&run(&["status", "--format", "json"])).unwrap();
    let a = page(&json, "content/fr/a.md");
    assert_eq!(a["sync"]["commit"], s1, "{json:#}");
    assert_eq!(a["sync"]["translation_commit"], t2, "{json:#}");
    let text = run(&["status"]);
    assert!(
        text.contains(&format!("history: source {} (", &s1[..7]))
            && text.contains(&format!("), as of the last fr commit {}", &t2[..7])),
        "{text}"
    );
    let diff = run(&["diff", "content/fr/a.md"]);
    assert!(
        diff.contains(&format!(
            "the source as of the translation's last commit {}",
            &t2[..7]
        )) && diff.contains(&format!("→ HEAD {}", &sources.head()[..7])),
        "{diff}"
    );
    let markdown = run(&["status", "--format", "markdown"]);
    assert!(
        markdown.contains(&format!("as of the last fr commit {}", &t2[..7])),
        "{markdown}"
    );
}
