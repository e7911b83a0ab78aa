//! `tandem pair`: every pair with its rule, the unpaired pages, and `--suggest` for pages whose names differ.

use predicates::prelude::*;
use serde::Deserialize;

use crate::support::{RepoBuilder, md};

/// A blog whose French posts have French slugs, and no keys yet.
fn blog_with_french_slugs() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/blog/kubernetes-meetups-summer-2019.md",
        "---\ntitle: \"Kubernetes and Cloud Native meetups, summer 2019\"\ndate: \"2019-09-12\"\nresources:\n- name: \"thumbnail\"\n  src: \"cover-01.jpg\"\n---\n\n<div class=\"post-content\"><p>The summer was full of talks. Ayrat Khayretdinov, our CNCF ambassador, spoke about KubeCon North America in San Diego, 18 to 21 November. <a href=\"https://sched.co/UabP\">Moving from Legacy Infrastructure to the Cloud</a>!</p><p>Artem Pogossian from Elastic: <a href=\"https://www.slideshare.net/CloudOps2005/observable\">Observable Kubernetes</a>.</p><h4>About Carol Trang</h4></div>\n",
    )
    .write(
        "content/en/blog/release-1-5.md",
        "---\ntitle: \"Lumen 1.5\"\ndate: \"2020-03-01\"\n---\n\n# Lumen 1.5\n\nVersion 1.5 brings 3 fixes.\n\n```sh\nlumen upgrade --to 1.5\n```\n",
    )
    .write(
        "content/en/blog/unrelated.md",
        "---\ntitle: \"Office move\"\ndate: \"2021-06-01\"\n---\n\nWe moved to a new office.\n",
    )
    .write(
        "content/fr/blog/les-meetups-kubernetes-ete-2019.md",
        "---\ntitle: \"Les meetups Kubernetes et Cloud Native de l’est du Canada – été 2019\"\ndate: \"2019-09-12\"\nauthor: \"CloudOps\"\nresources:\n- name: \"thumbnail\"\n  src: \"cover-01.jpg\"\nslug: /les-meetups-kubernetes-et-cloud-native-de-lest-du-canada-ete-2019\naliases:\n    - /fr/2019/09/les-meetups/\n---\n\n<div class=\"post-content\"><p>L’été fut rempli de conférences. Ayrat Khayretdinov, notre ambassadeur CNCF, a parlé du KubeCon North America à San Diego, du 18 au 21&nbsp;novembre. <a href=\"https://sched.co/UabP\">Moving from Legacy Infrastructure to the Cloud</a>!</p><p>Artem Pogossian de chez Elastic : <a href=\"https://www.slideshare.net/CloudOps2005/observable\">Kubernetes observable</a>.</p><h4>À propos de Carol Trang</h4></div>\n",
    )
    .write(
        "content/fr/blog/lumen-1-5.md",
        "---\ntitle: \"Lumen 1.5\"\ndate: \"2020-03-01\"\n---\n\n# Lumen 1.5\n\nLa version 1.5 apporte 3 corrections.\n\n```sh\nlumen upgrade --to 1.5\n```\n",
    );
    repo.commit("blog");
    repo
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SuggestDocument {
    suggestions: Vec<SuggestionEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SuggestionEntry {
    source: String,
    translation: String,
    score: f64,
    evidence: Vec<String>,
}

#[test]
fn suggest_finds_the_posts_with_french_slugs() {
    let repo = blog_with_french_slugs();
    let output = repo
        .tandem()
        .args(["pair", "--suggest", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Exactly {"suggestions": [{source, translation, score, evidence}]}.
    let document: SuggestDocument = serde_json::from_slice(&output.stdout).unwrap();
    let mut got: Vec<(&str, &str)> = document
        .suggestions
        .iter()
        .map(|s| (s.source.as_str(), s.translation.as_str()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            (
                "content/en/blog/kubernetes-meetups-summer-2019.md",
                "content/fr/blog/les-meetups-kubernetes-ete-2019.md"
            ),
            (
                "content/en/blog/release-1-5.md",
                "content/fr/blog/lumen-1-5.md"
            ),
        ]
    );
    // Best first.
    assert!(document.suggestions[0].score >= document.suggestions[1].score);
    let meetups = document
        .suggestions
        .iter()
        .find(|s| s.source.contains("meetups"))
        .unwrap();
    assert!(meetups.score >= 0.9, "{meetups:?}");
    assert!(
        meetups.evidence.contains(&"date:2019-09-12".to_owned()),
        "{meetups:?}"
    );
    assert!(
        meetups.evidence.contains(&"image:cover-01.jpg".to_owned()),
        "{meetups:?}"
    );
    assert!(
        document
            .suggestions
            .iter()
            .all(|s| (0.0..=1.0).contains(&s.score))
    );

    repo.tandem()
        .args(["pair", "--suggest"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "5 pages without a partner, 2 suggestions:",
        ))
        .stdout(predicate::str::contains(
            "same date 2019-09-12 · same image cover-01.jpg",
        ))
        .stdout(predicate::str::contains("links identical"));

    // A high bar leaves out the weaker one.
    let output = repo
        .tandem()
        .args([
            "pair",
            "--suggest",
            "--format",
            "json",
            "--min-score",
            "0.99",
        ])
        .output()
        .unwrap();
    let document: SuggestDocument = serde_json::from_slice(&output.stdout).unwrap();
    assert!(document.suggestions.len() < 2);
    repo.tandem()
        .args(["pair", "--suggest", "--min-score", "1.5"])
        .assert()
        .code(2);
}

#[test]
fn suggest_reads_french() {
    let repo = blog_with_french_slugs();
    repo.tandem()
        .args(["--ui-lang", "fr", "pair", "--suggest"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "5 pages sans partenaire, 2 suggestions :",
        ))
        .stdout(predicate::str::contains(
            "même date 2019-09-12 · même image cover-01.jpg",
        ));
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PairDocument {
    version: u32,
    source_language: String,
    layout: String,
    pairs: Vec<PairEntry>,
    unpaired: Vec<Unpaired>,
    conflicts: Vec<ConflictEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PairEntry {
    language: String,
    source: String,
    translation: String,
    paired_by: String,
    evidence: Option<String>,
    renamed_from: Option<String>,
    move_to: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Unpaired {
    language: String,
    page: String,
    side: String,
    reason: String,
    expected: String,
    renamed_to: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ConflictEntry {
    language: String,
    rule: String,
    pages: Vec<String>,
    evidence: Vec<String>,
}

#[test]
fn pair_lists_every_pair_with_its_rule() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        md("A", "", "First paragraph.\n\nSecond paragraph.\n\nThird."),
    )
    .write("content/en/b.md", md("B", "translationKey: bee\n", "B."))
    .write("content/en/c.md", md("C", "", "C."))
    .write("content/fr/a.md", md("A", "", "A."))
    .write(
        "content/fr/abeille.md",
        md("B", "translationKey: bee\n", "B."),
    )
    .write("content/fr/orphan.md", md("O", "", "O."));
    repo.commit("site");
    repo.git(&["mv", "content/en/a.md", "content/en/alpha.md"]);
    repo.commit("rename a");

    let output = repo
        .tandem()
        .args(["pair", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let document: PairDocument = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document.version, 1);
    assert_eq!(document.source_language, "en");
    assert_eq!(document.layout, "dirs");
    let pairs: Vec<(&str, &str, &str)> = document
        .pairs
        .iter()
        .map(|p| {
            (
                p.source.as_str(),
                p.translation.as_str(),
                p.paired_by.as_str(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("content/en/alpha.md", "content/fr/a.md", "rename"),
            ("content/en/b.md", "content/fr/abeille.md", "key"),
        ]
    );
    assert_eq!(
        document.pairs[1].evidence.as_deref(),
        Some("content/en/b.md: translationKey bee; content/fr/abeille.md: translationKey bee")
    );
    assert_eq!(
        document.pairs[0].move_to.as_deref(),
        Some("content/fr/alpha.md")
    );
    let unpaired: Vec<(&str, &str, &str)> = document
        .unpaired
        .iter()
        .map(|u| (u.page.as_str(), u.side.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(
        unpaired,
        vec![
            ("content/en/c.md", "source", "not-translated"),
            ("content/fr/orphan.md", "translation", "source-not-found"),
        ]
    );
    assert!(document.conflicts.is_empty());

    repo.tandem()
        .arg("pair")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "fr: 2 pairs (1 by key, 1 by rename), 1 without a translation, 1 without a source, 0 conflicts",
        ))
        .stdout(predicate::str::contains("content/en/b.md     ⇄ content/fr/abeille.md   key"))
        .stdout(predicate::str::contains("git mv content/fr/a.md content/fr/alpha.md"))
        .stdout(predicate::str::contains("tandem pair --suggest"));
}

/// In French, `pair` named its rules in English ("33 par suffix", and `suffix` at the end of each row), and one
/// source path of 130 characters padded every row to its width.
#[test]
fn french_pair_named_its_rules_in_english_and_one_long_path_widened_every_row() {
    let mut repo = RepoBuilder::new();
    let long = format!("content/en/{}.md", "a-very-long-page-name".repeat(6));
    repo.write("content/en/b.md", md("B", "translationKey: bee\n", "B."))
        .write(
            "content/fr/abeille.md",
            md("B", "translationKey: bee\n", "B."),
        )
        .write("content/en/c.md", md("C", "", "C."))
        .write("content/fr/c.md", md("C", "", "C."))
        .write(&long, md("L", "", "L."))
        .write(&long.replace("/en/", "/fr/"), md("L", "", "L."));
    repo.commit("site");
    let text = repo.stdout(&["--ui-lang", "fr", "pair"]);
    assert!(
        text.starts_with("fr : 3 paires (1 par clé, 2 par chemin)"),
        "{text}"
    );
    assert!(text.contains("⇄ content/fr/abeille.md   clé\n"), "{text}");
    let short = text
        .lines()
        .find(|line| line.contains("content/en/c.md"))
        .unwrap();
    assert!(short.chars().count() < 100, "{short}");
}

#[test]
fn write_records_a_translation_key_in_both_files_and_nothing_else() {
    let repo = blog_with_french_slugs();
    let before_en = repo.read("content/en/blog/kubernetes-meetups-summer-2019.md");
    let before_fr = repo.read("content/fr/blog/les-meetups-kubernetes-ete-2019.md");
    let untouched = repo.read("content/en/blog/unrelated.md");
    // No terminal here: --min-score decides, no question is asked.
    repo.tandem()
        .args(["pair", "--suggest", "--write", "--min-score", "0.5"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "wrote translationKey to 4 files (2 pairs)",
        ));
    let after_en = repo.read("content/en/blog/kubernetes-meetups-summer-2019.md");
    let after_fr = repo.read("content/fr/blog/les-meetups-kubernetes-ete-2019.md");
    // Exactly one line added at the end of each front matter; every other byte as it was.
    let line = "translationKey: blog/kubernetes-meetups-summer-2019\n";
    let close = before_en.find("---\n\n<div").unwrap();
    assert_eq!(
        after_en,
        format!("{}{line}{}", &before_en[..close], &before_en[close..])
    );
    let close = before_fr.find("---\n\n<div").unwrap();
    assert_eq!(
        after_fr,
        format!("{}{line}{}", &before_fr[..close], &before_fr[close..])
    );
    assert_eq!(repo.read("content/en/blog/unrelated.md"), untouched);

    // The pairs now hold by key, and nothing is left to suggest between them.
    let json = repo.status_json(&[]);
    let post = crate::support::page(&json, "content/fr/blog/les-meetups-kubernetes-ete-2019.md");
    assert_eq!(post["paired_by"], "key");
    assert_eq!(
        post["source"],
        "content/en/blog/kubernetes-meetups-summer-2019.md"
    );
    assert_eq!(
        crate::support::page(&json, "content/fr/blog/lumen-1-5.md")["paired_by"],
        "key"
    );
    repo.tandem()
        .args(["pair", "--suggest"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "1 page without a partner, and no suggestion: a suggestion pairs",
        ));
}

#[test]
fn write_reuses_a_key_the_source_already_has_and_needs_suggest() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        "---\ntitle: A\ndate: 2024-05-06\ntranslationKey: alpha # set by hand\nimage: hero.png\n---\n\nSee ![](hero.png) and 12 items.\n",
    )
    .write(
        "content/fr/premier.md",
        "---\r\ntitle: Premier\r\ndate: 2024-05-06\r\nimage: hero.png\r\n---\r\n\r\nVoir ![](hero.png) et 12 éléments.\r\n",
    );
    repo.commit("site");
    repo.tandem().args(["pair", "--write"]).assert().code(2);
    repo.tandem()
        .args(["pair", "--suggest", "--write", "--format", "json"])
        .assert()
        .success();
    // The source keeps its line (and comment); the translation gets the same value, in its own CRLF style.
    assert!(
        repo.read("content/en/a.md")
            .contains("translationKey: alpha # set by hand\n")
    );
    assert_eq!(
        repo.read("content/fr/premier.md"),
        "---\r\ntitle: Premier\r\ndate: 2024-05-06\r\nimage: hero.png\r\ntranslationKey: alpha\r\n---\r\n\r\nVoir ![](hero.png) et 12 éléments.\r\n"
    );
}

#[test]
fn write_changes_nothing_when_one_file_cannot_be_edited() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        "---\ntitle: A\ndate: 2024-05-06\nimage: hero.png\n---\n\nSee ![](hero.png).\n",
    )
    .write(
        "content/fr/premier.md",
        "---\ntitle: Premier\ndate: 2024-05-06\nimage: hero.png\ntranslationKey:\n  - not\n  - a scalar\n---\n\nVoir ![](hero.png).\n",
    );
    repo.commit("site");
    let before = crate::support::snapshot(repo.path());
    repo.tandem()
        .args(["pair", "--suggest", "--write"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("content/fr/premier.md"));
    assert_eq!(crate::support::snapshot(repo.path()), before);
}

/// On a terminal, each suggestion is a question; French answers work.
#[test]
fn write_asks_on_a_terminal_and_takes_french_answers() {
    use expectrl::Expect;
    let repo = blog_with_french_slugs();
    let mut session = crate::interactive::spawn(
        repo.path(),
        &["--ui-lang", "fr", "pair", "--suggest", "--write"],
        &[],
    );
    // Best first: the meetups post, then the release notes.
    session
        .expect("content/fr/blog/les-meetups-kubernetes-ete-2019.md ⇄")
        .unwrap();
    session.expect("Les associer ?").unwrap();
    session.send("non\r").unwrap();
    session
        .expect("content/fr/blog/lumen-1-5.md ⇄ content/en/blog/release-1-5.md")
        .unwrap();
    session.expect("Les associer ?").unwrap();
    session.send("o\r").unwrap();
    let (text, code) = crate::interactive::finish(session);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("translationKey écrit dans 2 fichiers (1 paire)"),
        "{text}"
    );
    assert!(
        repo.read("content/fr/blog/lumen-1-5.md")
            .contains("translationKey: blog/release-1-5\n")
    );
    assert!(
        !repo
            .read("content/fr/blog/les-meetups-kubernetes-ete-2019.md")
            .contains("translationKey")
    );

    // With CI set, nothing is asked: --min-score decides.
    let session = crate::interactive::spawn(
        repo.path(),
        &["pair", "--suggest", "--write", "--min-score", "0.5"],
        &[("CI", "true")],
    );
    let (text, code) = crate::interactive::finish(session);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("Pair them?"), "{text}");
    assert!(
        text.contains("wrote translationKey to 2 files (1 pair)"),
        "{text}"
    );
}

#[test]
fn declining_every_suggestion_read_as_zero_suggestions_and_zero_files_written() {
    use expectrl::Expect;
    let repo = blog_with_french_slugs();
    let before = repo.read("content/fr/blog/lumen-1-5.md");
    let mut session = crate::interactive::spawn(
        repo.path(),
        &["--ui-lang", "fr", "pair", "--suggest", "--write"],
        &[],
    );
    for _ in 0..2 {
        session.expect("Les associer ?").unwrap();
        session.send("n\r").unwrap();
    }
    let (text, code) = crate::interactive::finish(session);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("5 pages sans partenaire, et aucune suggestion acceptée."),
        "{text}"
    );
    assert!(!text.contains("écrit dans"), "{text}");
    assert_eq!(repo.read("content/fr/blog/lumen-1-5.md"), before);
}

/// `pair --suggest --format json` in a fixture copied into a repository: the suggestions, sorted by source.
fn suggest_fixture(name: &str) -> (RepoBuilder, Vec<SuggestionEntry>) {
    let repo = RepoBuilder::from_fixture(name);
    let output = repo
        .tandem()
        .args(["pair", "--suggest", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut document: SuggestDocument = serde_json::from_slice(&output.stdout).unwrap();
    document.suggestions.sort_by(|a, b| a.source.cmp(&b.source));
    (repo, document.suggestions)
}

fn pairs_of(suggestions: &[SuggestionEntry]) -> Vec<(&str, &str)> {
    suggestions
        .iter()
        .map(|s| (s.source.as_str(), s.translation.as_str()))
        .collect()
}

fn has_note(suggestion: &SuggestionEntry, prefix: &str) -> bool {
    suggestion.evidence.iter().any(|n| n.starts_with(prefix))
}

/// Component pages that share a GitHub folder, a Figma file and an id pair by them; the values every page carries
/// (`layout`, `draft`, a common date) pair nothing.
#[test]
fn suggest_pairs_pages_by_identical_urls_and_identifiers() {
    let (repo, suggestions) = suggest_fixture("eleventy-components");
    assert_eq!(
        pairs_of(&suggestions),
        vec![
            ("src/en/components/alert.md", "src/fr/composants/alerte.md"),
            ("src/en/components/button.md", "src/fr/composants/bouton.md"),
            (
                "src/en/components/date-picker.md",
                "src/fr/composants/selecteur-de-date.md"
            ),
        ]
    );
    for suggestion in &suggestions {
        for key in [
            "front-matter:github",
            "front-matter:figma",
            "front-matter:id",
        ] {
            assert!(
                suggestion.evidence.contains(&key.to_owned()),
                "{suggestion:?}"
            );
        }
        assert!(
            !has_note(suggestion, "front-matter:layout"),
            "{suggestion:?}"
        );
        assert!(
            !has_note(suggestion, "front-matter:updated"),
            "{suggestion:?}"
        );
        assert!(suggestion.score >= 0.9, "{suggestion:?}");
    }
    repo.tandem()
        .args(["pair", "--suggest"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "src/fr/composants/alerte.md ⇄ src/en/components/alert.md",
        ))
        .stdout(predicate::str::contains("same github in the front matter"))
        .stdout(predicate::str::contains("same figma in the front matter"));
    repo.tandem()
        .args(["--ui-lang", "fr", "pair", "--suggest"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "même valeur github dans le front matter",
        ));
}

/// `tags: ['alertEN']` ⇄ `tags: ['alertFR']`, `checkbox-en` ⇄ `checkbox-fr`, `EN_modal` ⇄ `FR_modal`.
#[test]
fn suggest_pairs_values_equal_but_for_the_language_marker() {
    let (repo, suggestions) = suggest_fixture("eleventy-tags");
    assert_eq!(
        pairs_of(&suggestions),
        vec![
            ("src/en/components/alert.md", "src/fr/composants/alerte.md"),
            (
                "src/en/components/checkbox.md",
                "src/fr/composants/case-a-cocher.md"
            ),
            (
                "src/en/components/modal.md",
                "src/fr/composants/fenetre-modale.md"
            ),
        ]
    );
    assert!(
        suggestions[0]
            .evidence
            .contains(&"twin:tags=alertEN,alertFR".to_owned()),
        "{:?}",
        suggestions[0]
    );
    assert!(
        suggestions[1]
            .evidence
            .contains(&"twin:tags=checkbox-en,checkbox-fr".to_owned()),
        "{:?}",
        suggestions[1]
    );
    assert!(
        suggestions[2]
            .evidence
            .contains(&"twin:ref=EN_modal,FR_modal".to_owned()),
        "{:?}",
        suggestions[2]
    );
    repo.tandem()
        .args(["pair", "--suggest"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "tags: alertEN and alertFR, the same but for the language",
        ));
}

/// Folders whose index pages pair by key: their `base.md` files pair by name, and the one page left on each side
/// (`use-case.md` ⇄ `cas-usage.md`) pairs too; where two French pages are left, nothing is guessed.
#[test]
fn suggest_pairs_siblings_in_folders_already_paired() {
    let (repo, suggestions) = suggest_fixture("eleventy-siblings");
    assert_eq!(
        pairs_of(&suggestions),
        vec![
            (
                "src/en/components/alert/base.md",
                "src/fr/composants/alerte/base.md"
            ),
            (
                "src/en/components/alert/use-case.md",
                "src/fr/composants/alerte/cas-usage.md"
            ),
            (
                "src/en/components/tabs/base.md",
                "src/fr/composants/onglets/base.md"
            ),
        ]
    );
    assert!(
        has_note(&suggestions[0], "sibling:same-name"),
        "{suggestions:?}"
    );
    assert!(
        has_note(&suggestions[1], "sibling:last-left"),
        "{suggestions:?}"
    );
    assert!(
        has_note(&suggestions[2], "sibling:same-name"),
        "{suggestions:?}"
    );
    repo.tandem()
        .args(["pair", "--suggest"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "same file name, in folders already paired",
        ))
        .stdout(predicate::str::contains(
            "the last pages left in folders already paired",
        ));
}

/// A site in two target languages where each language lacks a translation of `c.md` and `other` holds the extra
/// pages written into it.
fn site_with_untranslated_pages(other: &[(&str, String)]) -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A."))
        .write(
            "content/en/c.md",
            md("Cats", "", "Cats sleep 16 hours a day."),
        )
        .write("content/fr/a.md", md("A", "", "A."))
        .write("content/de/a.md", md("A", "", "A."));
    for (path, text) in other {
        repo.write(path, text.clone());
    }
    repo.commit("site");
    repo
}

#[test]
fn the_suggest_hint_came_once_per_language_even_with_nothing_to_pair() {
    // Each language lacks a translation and has no translation without a source: a suggestion cannot be made.
    let repo = site_with_untranslated_pages(&[]);
    let output = repo.tandem().arg("pair").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("Source pages without a translation (1)"),
        "{stdout}"
    );
    assert!(!stdout.contains("--suggest"), "{stdout}");

    // A translation without a source in each language: one hint, at the end.
    let repo = site_with_untranslated_pages(&[
        (
            "content/fr/chats.md",
            md("Chats", "", "Les chats dorment 16 heures par jour."),
        ),
        (
            "content/de/katzen.md",
            md("Katzen", "", "Katzen schlafen 16 Stunden am Tag."),
        ),
    ]);
    let output = repo.tandem().arg("pair").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout.matches("tandem pair --suggest").count(),
        1,
        "{stdout}"
    );
    assert!(
        stdout.trim_end().ends_with(
            "Next: tandem pair --suggest proposes pairings for the pages without a partner."
        ),
        "{stdout}"
    );
}

#[test]
fn suggest_with_nothing_to_suggest_ended_on_a_colon() {
    let lines = |repo: &RepoBuilder, args: &[&str]| {
        let output = repo.tandem().args(args).output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let one_sided = site_with_untranslated_pages(&[]);
    assert_eq!(
        lines(&one_sided, &["pair", "--suggest"]),
        "2 pages without a partner, and no suggestion: a suggestion pairs a source page without a translation with \
         a translation without a source in the same language, and no language has both.\n"
    );
    assert_eq!(
        lines(&one_sided, &["--ui-lang", "fr", "pair", "--suggest"]),
        "2 pages sans partenaire, et aucune suggestion : une suggestion associe une page source sans traduction à une \
         traduction sans source de la même langue, et aucune langue n’a les deux.\n"
    );

    // Two translations without a source for one source page without a translation: neither is a sure match.
    let two_sided = site_with_untranslated_pages(&[
        (
            "content/fr/chats.md",
            md("Chats", "", "Les chats dorment 16 heures par jour."),
        ),
        (
            "content/fr/chiens.md",
            md("Chiens", "", "Les chiens aboient."),
        ),
    ]);
    assert_eq!(
        lines(&two_sided, &["pair", "--suggest", "--min-score", "1"]),
        "4 pages without a partner, and no suggestion scored 1.00 or more (--min-score sets the lowest score).\n"
    );
    assert_eq!(
        lines(
            &two_sided,
            &["--ui-lang", "fr", "pair", "--suggest", "--min-score", "1"]
        ),
        "4 pages sans partenaire, et aucune suggestion n’atteint le score 1,00 (--min-score fixe le score minimal).\n"
    );

    let mut all_paired = RepoBuilder::new();
    all_paired
        .write("content/en/a.md", md("A", "", "A."))
        .write("content/fr/a.md", md("A", "", "A."));
    all_paired.commit("site");
    assert_eq!(
        lines(&all_paired, &["pair", "--suggest"]),
        "Every page has a partner: nothing to suggest.\n"
    );
    assert_eq!(
        lines(&all_paired, &["--ui-lang", "fr", "pair", "--suggest"]),
        "Chaque page a son partenaire : rien à proposer.\n"
    );
}

/// A Jekyll site pairing its pages by a hand-rolled `ref:` key: `pair --suggest` found every pair ("same ref in the
/// front matter") but did not say that naming the key in tandem.yaml pairs them as they are — and `--write` adds a
/// second key (`translationKey`) to each page.
#[test]
fn suggest_found_pairs_by_a_key_without_naming_the_key() {
    let mut repo = RepoBuilder::new();
    repo.write("_config.yml", "title: Studio\nlang: en\n")
        .write("about.md", "---\ntitle: About\nref: about\n---\n\nWe build boats from recycled sails.\n")
        .write("services.md", "---\ntitle: Services\nref: services\n---\n\n## Repairs\n\n## Courses\n\nWe teach on Mondays.\n")
        .write("fr/a-propos.md", "---\ntitle: À propos\nref: about\n---\n\nNous construisons des bateaux avec de vieilles voiles.\n")
        .write("fr/prestations.md", "---\ntitle: Prestations\nref: services\n---\n\n## Réparations\n\n## Cours\n\nNous enseignons le lundi.\n");
    repo.commit("site");
    std::fs::write(
        repo.path().join("tandem.yaml"),
        "content: {en: \".\", fr: fr}\n",
    )
    .unwrap();
    let text = repo.stdout(&["pair", "--suggest"]);
    assert!(
        text.contains("2 of these pairs share their ref in the front matter: with pairing: { key: ref } in tandem.yaml"),
        "{text}"
    );
    std::fs::write(
        repo.path().join("tandem.yaml"),
        "content: {en: \".\", fr: fr}\npairing: { key: ref }\n",
    )
    .unwrap();
    let json = repo.stdout(&["pair", "--format", "json"]);
    assert!(
        json.contains("\"translation\": \"fr/a-propos.md\""),
        "{json}"
    );
}

/// French showed scores with a decimal point (`0.50`, `n’atteint le score 0.90`), refused `--min-score 0,4` as "not a
/// score between 0 and 1", and called it a *note* in the help but a *score* in the messages.
#[test]
fn french_scores_had_a_decimal_point_and_a_comma_was_refused() {
    let repo = blog_with_french_slugs();
    let text = repo.stdout(&["--ui-lang", "fr", "pair", "--suggest", "--min-score", "0,4"]);
    assert!(
        text.starts_with("5 pages sans partenaire, 2 suggestions :"),
        "{text}"
    );
    let scores: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" ⇄ "))
        .map(|l| l.rsplit(' ').next().unwrap())
        .collect();
    assert_eq!(scores.len(), 2, "{text}");
    assert!(
        scores
            .iter()
            .all(|s| s.len() == 4 && s.as_bytes()[1] == b','),
        "{scores:?}"
    );
    let none = repo.stdout(&[
        "--ui-lang",
        "fr",
        "pair",
        "--suggest",
        "--min-score",
        "0,999",
    ]);
    assert!(none.contains("n’atteint le score 1,00 "), "{none}");
    let help = repo.stdout(&["--ui-lang", "fr", "pair", "--help"]);
    assert!(
        help.contains("--min-score <SCORE>") && help.contains("Score minimal pour proposer"),
        "{help}"
    );
    assert!(help.contains("[par défaut : 0,4]"), "{help}");
    assert!(!help.contains("Note") && !help.contains("NOTE"), "{help}");
    // English keeps its point, and reads a comma too.
    let text = repo.stdout(&["pair", "--suggest", "--min-score", "0,4"]);
    assert!(
        text.starts_with("5 pages without a partner, 2 suggestions:"),
        "{text}"
    );
    assert!(!text.contains("0,"), "{text}");
}

/// `tandem pair` padded the sources' column but not the translations': the rules after them did not line up.
#[test]
fn pair_rules_did_not_line_up() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/b.md", md("B", "translationKey: bee\n", "B."))
        .write(
            "content/fr/abeille-et-ruche.md",
            md("B", "translationKey: bee\n", "B."),
        )
        .write("content/en/c.md", md("C", "", "C."))
        .write("content/fr/c.md", md("C", "", "C."));
    repo.commit("site");
    let text = repo.stdout(&["pair"]);
    let columns: Vec<usize> = text
        .lines()
        .filter(|l| l.contains(" ⇄ "))
        .map(|l| l.trim_end().rfind("   ").unwrap())
        .collect();
    assert_eq!(columns.len(), 2, "{text}");
    assert_eq!(columns[0], columns[1], "{text}");
}
