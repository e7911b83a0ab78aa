//! Front-matter keys are read without regard to case, as Hugo reads them: `TranslationKey` pairs like
//! `translationKey`, a pin under `Default_Lang_Commit` is a pin, and the commands that write a key edit the line the
//! file has, in its spelling. One key in two cases with two values makes the page `unknown` (`bad-front-matter`).

use std::path::Path;

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, page};

/// Copies a fixture folder into the repository's work tree.
fn copy_fixture(repo: &RepoBuilder, name: &str) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut stack = vec![from.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(&from).unwrap().to_string_lossy();
                repo.write(&rel.replace('\\', "/"), std::fs::read(&path).unwrap());
            }
        }
    }
}

/// Every (source, translation, state, paired_by) of a status report, sorted.
fn pairs(json: &serde_json::Value) -> Vec<(String, String, String, String)> {
    let mut out: Vec<_> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let text = |key: &str| p[key].as_str().unwrap_or("").to_owned();
            (
                text("source"),
                text("translation"),
                text("state"),
                text("paired_by"),
            )
        })
        .collect();
    out.sort();
    out
}

fn expected_fixture_pairs() -> Vec<(String, String, String, String)> {
    [
        (
            "content/en/_index.md",
            "content/fr/_index.md",
            "current",
            "key",
        ),
        (
            "content/en/blog/autumn-meetup.md",
            "content/fr/blog/la-rencontre-d-automne.md",
            "current",
            "key",
        ),
        (
            "content/en/blog/spring-release.md",
            "content/fr/blog/la-version-de-printemps.md",
            "current",
            "key",
        ),
        (
            "content/en/docs/faq.md",
            "content/fr/docs/faq.md",
            "missing",
            "path",
        ),
        (
            "content/en/docs/getting-started.md",
            "content/fr/docs/bien-demarrer.md",
            "current",
            "key",
        ),
        (
            "content/en/docs/glossary.md",
            "content/fr/docs/lexique.md",
            "current",
            "key",
        ),
    ]
    .iter()
    .map(|(a, b, c, d)| ((*a).into(), (*b).into(), (*c).into(), (*d).into()))
    .collect()
}

#[test]
fn translation_key_in_another_case_still_pairs() {
    let mut repo = RepoBuilder::new();
    copy_fixture(&repo, "hugo-key-case");
    repo.commit("site");
    let json = repo.status_json(&[]);
    assert_eq!(pairs(&json), expected_fixture_pairs(), "{json:#}");
    // Nothing orphaned, nothing missing but the page that has no translation.
    assert_eq!(json["summary"]["fr"]["orphaned"], 0, "{json:#}");
    assert_eq!(json["summary"]["fr"]["missing"], 1, "{json:#}");
}

#[test]
fn pairing_key_spelled_translation_key_keeps_the_other_spellings() {
    let mut repo = RepoBuilder::new();
    copy_fixture(&repo, "hugo-key-case");
    repo.write("tandem.yaml", "pairing:\n  key: TranslationKey\n");
    repo.commit("site");
    assert_eq!(pairs(&repo.status_json(&[])), expected_fixture_pairs());
}

#[test]
fn one_key_in_two_cases_with_two_values_is_unknown_bad_front_matter() {
    let mut repo = RepoBuilder::new();
    copy_fixture(&repo, "hugo-key-case");
    repo.write(
        "content/fr/docs/questions.md",
        "---\ntitle: \"Questions\"\ntranslationKey: faq\nTranslationKey: questions\n---\n\nQuestions.\n",
    )
    // Paired by path, its pin cannot be read either.
    .write(
        "content/fr/docs/faq.md",
        "---\ntitle: \"FAQ\"\ndefault_lang_commit: abc1234\nDEFAULT_LANG_COMMIT: def5678\n---\n\nQuestions.\n",
    );
    repo.commit("site");
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for translation in ["content/fr/docs/questions.md", "content/fr/docs/faq.md"] {
        let p = page(&json, translation);
        assert_eq!(p["state"], "unknown", "{translation}: {json:#}");
        assert_eq!(p["reason"], "bad-front-matter", "{translation}");
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "content/fr/docs/questions.md:4: broken front matter: translationKey (line 3) and TranslationKey (line 4) are one key written in two cases with two values"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("default_lang_commit (line 3) and DEFAULT_LANG_COMMIT (line 4)"),
        "{stderr}"
    );
    // The rest of the site is unaffected.
    let rest: Vec<_> = pairs(&json)
        .into_iter()
        .filter(|p| p.0 != "content/en/docs/faq.md" && !p.1.ends_with("questions.md"))
        .collect();
    let mut expected = expected_fixture_pairs();
    expected.retain(|p| p.0 != "content/en/docs/faq.md");
    assert_eq!(rest, expected);

    // Writes refuse it too, naming both lines; the file stays as it was.
    let before = repo.read("content/fr/docs/faq.md");
    repo.tandem()
        .args(["sync", "content/fr/docs/faq.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "content/fr/docs/faq.md: default_lang_commit (line 3) and DEFAULT_LANG_COMMIT (line 4) are one key written in two cases with two values",
        ));
    assert_eq!(repo.read("content/fr/docs/faq.md"), before);
}

#[test]
fn one_key_in_two_cases_with_one_value_is_fine() {
    let mut repo = RepoBuilder::new();
    copy_fixture(&repo, "hugo-key-case");
    repo.commit("site");
    // content/fr/docs/lexique.md holds translationKey and TranslationKey, both `glossary`.
    let output = repo.tandem().arg("status").output().unwrap();
    assert!(output.status.success());
    assert!(output.stderr.is_empty(), "{output:?}");
}

#[test]
fn pair_write_keeps_the_translation_key_spelling() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        "---\ntitle: A\ndate: 2024-05-06\nimage: hero.png\nTranslationKey: alpha # set by hand\n---\n\nSee ![](hero.png) and 12 items.\n",
    )
    .write(
        "content/fr/premier.md",
        "---\ntitle: Premier\ndate: 2024-05-06\nimage: hero.png\nTranslationKey:\n---\n\nVoir ![](hero.png) et 12 éléments.\n",
    );
    repo.commit("site");
    repo.tandem()
        .args(["pair", "--suggest", "--write"])
        .assert()
        .success();
    assert!(
        repo.read("content/en/a.md")
            .contains("TranslationKey: alpha # set by hand\n")
    );
    assert_eq!(
        repo.read("content/fr/premier.md"),
        "---\ntitle: Premier\ndate: 2024-05-06\nimage: hero.png\nTranslationKey: alpha\n---\n\nVoir ![](hero.png) et 12 éléments.\n"
    );
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "content/fr/premier.md")["paired_by"], "key");
}

#[test]
fn pin_key_in_another_case_is_read_and_sync_keeps_its_spelling() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A."))
        .write("content/en/b.md", md("B", "", "B."));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/a.md",
        md("A", &format!("Default_Lang_Commit: {c1}\n"), "A (fr)."),
    )
    .write(
        "content/fr/b.md",
        md("B", &format!("L10N:\n  SourceCommit: {c1}\n"), "B (fr)."),
    );
    repo.commit("fr");
    let json = repo.status_json(&["--mode", "pin"]);
    for translation in ["content/fr/a.md", "content/fr/b.md"] {
        let p = page(&json, translation);
        assert_eq!(p["state"], "current", "{translation}: {json:#}");
        assert_eq!(p["sync"]["method"], "pin", "{translation}");
    }
    repo.write("content/en/a.md", md("A", "", "A, changed."))
        .write("content/en/b.md", md("B", "", "B, changed."));
    let c3 = repo.commit("en: change");
    let json = repo.status_json(&["--mode", "pin"]);
    assert_eq!(page(&json, "content/fr/a.md")["state"], "stale");
    assert_eq!(page(&json, "content/fr/b.md")["state"], "stale");

    repo.tandem()
        .args(["sync", "content/fr"])
        .assert()
        .success();
    assert_eq!(
        repo.read("content/fr/a.md"),
        md("A", &format!("Default_Lang_Commit: {c3}\n"), "A (fr).")
    );
    assert_eq!(
        repo.read("content/fr/b.md"),
        md("B", &format!("L10N:\n  SourceCommit: {c3}\n"), "B (fr).")
    );
}

#[test]
fn drift_key_in_another_case_is_removed_not_duplicated() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "A."));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/a.md",
        md(
            "A",
            &format!("default_lang_commit: {c1}\nDrifted_From_Default: true\n"),
            "A (fr).",
        ),
    );
    repo.commit("fr");
    repo.tandem()
        .args(["sync", "content/fr/a.md", "--drift-only"])
        .assert()
        .success();
    assert_eq!(
        repo.read("content/fr/a.md"),
        md("A", &format!("default_lang_commit: {c1}\n"), "A (fr).")
    );
}
