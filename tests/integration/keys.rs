//! Pairing by front-matter key: `translationKey` (Hugo), `altLangPage` as a file name, a relative path or a URL
//! (Canadian government Jekyll sites), a configured key; key beats path; conflicts are reported, never settled.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, page};

/// The shape of a real French blog post: a French post with a French slug, paired by `translationKey`.
#[test]
fn translation_key_pairs_posts_with_translated_slugs() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/blog/kubernetes-meetups-summer-2019.md",
        md(
            "Kubernetes meetups, summer 2019",
            "translationKey: meetups-2019\n",
            "The summer was full of talks.",
        ),
    );
    let c1 = repo.commit("en: post");
    repo.write(
        "content/fr/blog/les-meetups-kubernetes-ete-2019.md",
        md(
            "Les meetups Kubernetes, été 2019",
            &format!("translationKey: meetups-2019\ndefault_lang_commit: {c1}\nslug: /les-meetups\naliases:\n    - /fr/2019/09/les-meetups/\n"),
            "L’été fut rempli de conférences.",
        ),
    );
    repo.commit("fr: post");
    let json = repo.status_json(&[]);
    let post = page(&json, "content/fr/blog/les-meetups-kubernetes-ete-2019.md");
    assert_eq!(
        post["source"],
        "content/en/blog/kubernetes-meetups-summer-2019.md"
    );
    assert_eq!(post["paired_by"], "key");
    assert_eq!(post["state"], "current");
    assert_eq!(json["pages"].as_array().unwrap().len(), 1, "{json:#}");

    repo.write(
        "content/en/blog/kubernetes-meetups-summer-2019.md",
        md(
            "Kubernetes meetups, summer 2019",
            "translationKey: meetups-2019\n",
            "The summer was full of talks, and cake.",
        ),
    );
    repo.commit("en: cake");
    let json = repo.status_json(&[]);
    let post = page(&json, "content/fr/blog/les-meetups-kubernetes-ete-2019.md");
    assert_eq!(post["state"], "stale");
    assert_eq!(post["commits_behind"], 1);
    // status text shows a key pair like any other.
    repo.tandem()
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/fr/blog/les-meetups-kubernetes-ete-2019.md   1 commit behind",
        ));
}

#[test]
fn alt_lang_page_as_a_name_a_relative_path_or_a_url() {
    let mut repo = RepoBuilder::new();
    let alt = |value: &str| format!("altLang: fr\naltLangPage: {value}\n");
    repo.write(
        "en/overview.md",
        md("Overview", &alt("apercu"), "Overview."),
    )
    .write(
        "en/1-design.md",
        md("Design", &alt("../fr/1-concevoir.md"), "Design."),
    )
    .write(
        "en/2-iterate.md",
        md(
            "Iterate",
            &alt("https://example.gc.ca/fr/2-iterer.html"),
            "Iterate.",
        ),
    )
    .write("en/3-open.md", md("Open", &alt("/fr/3-ouvert/"), "Open."))
    .write("en/4-unlinked.md", md("Unlinked", "", "Nobody."))
    .write(
        "fr/apercu.md",
        md("Aperçu", "altLang: en\naltLangPage: overview\n", "Aperçu."),
    )
    .write("fr/1-concevoir.md", md("Concevoir", "", "Concevoir."))
    .write("fr/2-iterer.md", md("Itérer", "", "Itérer."))
    .write("fr/3-ouvert.md", md("Ouvert", "", "Ouvert."));
    repo.commit("site");
    let json = repo.status_json(&[]);
    for (translation, source) in [
        ("fr/apercu.md", "en/overview.md"),
        ("fr/1-concevoir.md", "en/1-design.md"),
        ("fr/2-iterer.md", "en/2-iterate.md"),
        ("fr/3-ouvert.md", "en/3-open.md"),
    ] {
        let p = page(&json, translation);
        assert_eq!(p["source"], source, "{translation}");
        assert_eq!(p["paired_by"], "key", "{translation}");
        assert_eq!(p["state"], "current", "{translation}");
    }
    assert_eq!(page(&json, "fr/4-unlinked.md")["state"], "missing");
}

#[test]
fn a_link_to_no_page_warns_and_path_pairing_still_applies() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "altLangPage: nowhere\n", "A."))
        .write("content/fr/a.md", md("A", "", "A."));
    repo.commit("site");
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/en/a.md: altLangPage: nowhere names no page in another language"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(page(&json, "content/fr/a.md")["paired_by"], "path");
}

#[test]
fn a_configured_key_and_layout_key() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/alpha.md", md("Alpha", "ref: 17\n", "Alpha."))
        .write("content/en/beta.md", md("Beta", "", "Beta."))
        .write(
            "content/fr/premier.md",
            md("Premier", "ref: 17\n", "Premier."),
        )
        .write("content/fr/beta.md", md("Bêta", "", "Bêta."))
        .write("tandem.yaml", "pairing:\n  key: ref\n");
    repo.commit("site");
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, "content/fr/premier.md")["source"],
        "content/en/alpha.md"
    );
    assert_eq!(page(&json, "content/fr/premier.md")["paired_by"], "key");
    assert_eq!(page(&json, "content/fr/beta.md")["paired_by"], "path");

    // layout: key pairs by key only: the same path is no longer enough.
    repo.write("tandem.yaml", "layout: key\npairing:\n  key: ref\n");
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "content/fr/premier.md")["state"], "current");
    let beta: Vec<(&str, &str)> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["translation"] == "content/fr/beta.md")
        .map(|p| (p["source"].as_str().unwrap(), p["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        beta,
        vec![
            ("content/en/beta.md", "missing"),
            ("content/en/beta.md", "orphaned")
        ]
    );
}

#[test]
fn key_beats_path_and_the_displaced_page_says_why() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "translationKey: a\n", "A."))
        .write("content/fr/a.md", md("A (old)", "", "Ancienne traduction."))
        .write(
            "content/fr/a-nouveau.md",
            md("A", "translationKey: a\n", "Nouvelle traduction."),
        );
    repo.commit("site");
    let json = repo.status_json(&[]);
    let keyed = page(&json, "content/fr/a-nouveau.md");
    assert_eq!(keyed["source"], "content/en/a.md");
    assert_eq!(keyed["paired_by"], "key");
    let old = page(&json, "content/fr/a.md");
    assert_eq!(old["state"], "orphaned");
    assert_eq!(old["reason"], "source-paired-elsewhere");
    repo.tandem()
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/fr/a.md — its source content/en/a.md is paired with content/fr/a-nouveau.md by key or map",
        ));
}

#[test]
fn one_source_claimed_by_two_translations_is_a_conflict() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "translationKey: shared\n", "A."))
        .write("content/en/b.md", md("B", "", "B."))
        .write("content/fr/x.md", md("X", "translationKey: shared\n", "X."))
        .write("content/fr/y.md", md("Y", "translationKey: shared\n", "Y."))
        .write("content/fr/b.md", md("B", "", "B."));
    repo.commit("site");
    let json = repo.status_json(&[]);
    let pages: Vec<&serde_json::Value> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["reason"] == "pairing-conflict")
        .collect();
    assert_eq!(pages.len(), 2, "{json:#}");
    let source_entry = pages.iter().find(|p| p["state"] == "unknown").unwrap();
    assert_eq!(source_entry["source"], "content/en/a.md");
    let orphan = pages.iter().find(|p| p["state"] == "orphaned").unwrap();
    assert_ne!(orphan["translation"], source_entry["translation"]);
    // The source counts once; the rest of the site is unaffected.
    assert_eq!(json["summary"]["fr"]["total"], 2);
    assert_eq!(json["summary"]["fr"]["unknown"], 1);
    assert_eq!(page(&json, "content/fr/b.md")["state"], "current");

    // tandem pair shows the claims.
    repo.tandem()
        .arg("pair")
        .assert()
        .success()
        .stdout(predicate::str::contains("1 conflict"))
        .stdout(predicate::str::contains(
            "content/en/a.md · content/fr/x.md · content/fr/y.md",
        ))
        .stdout(predicate::str::contains(
            "content/fr/y.md: translationKey shared",
        ));
}

#[test]
fn alt_lang_pages_that_disagree_are_a_conflict() {
    let mut repo = RepoBuilder::new();
    repo.write("en/a.md", md("A", "altLangPage: x\n", "A."))
        .write("en/b.md", md("B", "", "B."))
        .write("fr/x.md", md("X", "altLangPage: b\n", "X."));
    repo.commit("site");
    let json = repo.status_json(&[]);
    let conflicted: Vec<&serde_json::Value> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["reason"] == "pairing-conflict")
        .collect();
    assert_eq!(conflicted.len(), 2, "{json:#}");
    assert!(
        conflicted
            .iter()
            .all(|p| p["state"] == "unknown" && p["translation"] == "fr/x.md")
    );
}
