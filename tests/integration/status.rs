//! `tandem status`: every verdict, in pin and history modes, text and JSON.

use predicates::prelude::*;

use crate::support::{RepoBuilder, md, page, snapshot};

/// en: a, b, c (+ old, removed later); fr: a and b pinned at the first commit, old (orphaned later), d without source.
fn pinned_site() -> (RepoBuilder, String) {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/docs/b.md", md("B", "", "Beta."))
        .write("content/en/docs/c.md", md("C", "", "Gamma."))
        .write("content/en/old.md", md("Old", "", "Old page."));
    let c1 = repo.commit("en: first pages");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/a.md", md("A", &pin, "Alpha (fr)."))
        .write("content/fr/docs/b.md", md("B", &pin, "Bêta."))
        .write("content/fr/old.md", md("Vieux", &pin, "Vieille page."));
    repo.commit("fr: translate a, b, old");
    repo.write("content/en/docs/b.md", md("B", "", "Beta, changed."))
        .remove("content/en/old.md");
    repo.commit("en: change b, remove old");
    (repo, c1)
}

#[test]
fn every_verdict_in_pin_mode() {
    let (repo, c1) = pinned_site();
    let json = repo.status_json(&["--mode", "pin"]);
    let a = page(&json, "content/fr/a.md");
    assert_eq!(a["state"], "current");
    assert_eq!(a["reason"], "source-unchanged");
    assert_eq!(a["sync"]["method"], "pin");
    assert_eq!(a["sync"]["commit"], c1);
    assert_eq!(a["commits_behind"], 0);
    assert_eq!(a["source"], "content/en/a.md");
    assert_eq!(a["paired_by"], "path");

    let b = page(&json, "content/fr/docs/b.md");
    assert_eq!(b["state"], "stale");
    assert_eq!(b["reason"], "source-changed");
    assert_eq!(b["commits_behind"], 1);

    let c = page(&json, "content/fr/docs/c.md");
    assert_eq!(c["state"], "missing");
    assert_eq!(c["source"], "content/en/docs/c.md");
    assert_eq!(c["sync"], serde_json::Value::Null);

    let old = page(&json, "content/fr/old.md");
    assert_eq!(old["state"], "orphaned");
    assert_eq!(old["source"], "content/en/old.md");
    assert_eq!(old["renamed_to"], serde_json::Value::Null);

    let summary = &json["summary"]["fr"];
    assert_eq!(summary["total"], 3);
    assert_eq!(summary["current"], 1);
    assert_eq!(summary["stale"], 1);
    assert_eq!(summary["missing"], 1);
    assert_eq!(summary["orphaned"], 1);
    let completeness = summary["completeness"].as_f64().unwrap();
    assert!((completeness - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(summary["sections"]["docs"]["total"], 2);
    assert_eq!(summary["sections"]["/"]["orphaned"], 1);
}

#[test]
fn every_verdict_in_history_mode() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."))
        .write("content/en/gone.md", md("Gone", "", "Soon gone."));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", "Alpha (fr)."))
        .write("content/fr/b.md", md("B", "", "Bêta."))
        .write("content/fr/gone.md", md("Parti", "", "Bientôt parti."));
    let fr_commit = repo.commit("fr");
    repo.write("content/en/b.md", md("B", "", "Beta, changed."))
        .write("content/en/new.md", md("New", "", "New."))
        .remove("content/en/gone.md");
    repo.commit("en: change b, add new, remove gone");
    repo.write(
        "content/fr/untracked.md",
        md("U", "", "Pas encore commité."),
    );
    repo.write("content/en/untracked.md", md("U", "", "Not committed."));

    let json = repo.status_json(&["--mode", "history"]);
    let a = page(&json, "content/fr/a.md");
    assert_eq!(a["state"], "current");
    assert_eq!(a["sync"]["method"], "history");
    assert_eq!(a["sync"]["commit"], fr_commit);
    assert_eq!(page(&json, "content/fr/b.md")["state"], "stale");
    assert_eq!(page(&json, "content/fr/b.md")["commits_behind"], 1);
    assert_eq!(page(&json, "content/fr/new.md")["state"], "missing");
    assert_eq!(page(&json, "content/fr/gone.md")["state"], "orphaned");
    let untracked = page(&json, "content/fr/untracked.md");
    assert_eq!(untracked["state"], "unknown");
    assert_eq!(untracked["reason"], "no-sync-point");
    assert_eq!(untracked["commits_behind"], serde_json::Value::Null);
}

#[test]
fn auto_mode_uses_the_pin_when_there_is_one_and_history_otherwise() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    let c1 = repo.commit("en");
    repo.write("content/en/a.md", md("A", "", "Alpha, changed."));
    repo.commit("en: change a");
    // Translated after the change, but pinned to the first commit: the pin says stale.
    repo.write(
        "content/fr/a.md",
        md("A", &format!("default_lang_commit: {c1}\n"), "Alpha."),
    )
    .write("content/fr/b.md", md("B", "", "Bêta."));
    repo.commit("fr");
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "content/fr/a.md")["state"], "stale");
    assert_eq!(page(&json, "content/fr/a.md")["sync"]["method"], "pin");
    assert_eq!(page(&json, "content/fr/b.md")["state"], "current");
    assert_eq!(page(&json, "content/fr/b.md")["sync"]["method"], "history");
    // --mode history ignores the pin; --mode pin makes the unpinned page unknown.
    let json = repo.status_json(&["--mode", "history"]);
    assert_eq!(page(&json, "content/fr/a.md")["state"], "current");
    let json = repo.status_json(&["--mode", "pin"]);
    assert_eq!(page(&json, "content/fr/b.md")["state"], "unknown");
    assert_eq!(page(&json, "content/fr/b.md")["reason"], "no-pin");
}

#[test]
fn a_source_created_after_the_sync_point_is_stale() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."));
    let c1 = repo.commit("en");
    repo.write("content/en/b.md", md("B", "", "Beta."));
    repo.commit("en: b");
    repo.write(
        "content/fr/b.md",
        md("B", &format!("default_lang_commit: {c1}\n"), "Bêta."),
    );
    repo.commit("fr: b, pinned too early");
    let json = repo.status_json(&[]);
    let b = page(&json, "content/fr/b.md");
    assert_eq!(b["state"], "stale");
    assert_eq!(b["reason"], "source-created");
    assert_eq!(b["commits_behind"], 1);
    // Same answer as git: `git diff --quiet <pin>...HEAD -- <source>` exits 1.
    assert_eq!(
        repo.git_status(&[
            "diff",
            "--quiet",
            &format!("{c1}...HEAD"),
            "--",
            "content/en/b.md"
        ])
        .0,
        1
    );
}

#[test]
fn text_lists_stale_pages_most_behind_first() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/a.md", md("A", "", "Alpha."))
        .write("content/en/docs/b.md", md("B", "", "Beta."))
        .write("content/en/blog/c.md", md("C", "", "Gamma."));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {}\n", &c1[..9]);
    repo.write("content/fr/docs/a.md", md("A", &pin, "Alpha."))
        .write("content/fr/docs/b.md", md("B", &pin, "Bêta."));
    repo.commit("fr");
    repo.write("content/en/docs/a.md", md("A", "", "Alpha 2."));
    repo.commit("en: a");
    repo.write("content/en/docs/b.md", md("B", "", "Beta 2."));
    repo.commit("en: b");
    repo.write("content/en/docs/b.md", md("B", "", "Beta 3."));
    repo.commit("en: b again");
    let output = repo.tandem().arg("status").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("fr translations — 3 source pages, 2 translated (66%)\n"),
        "{text}"
    );
    let b = text.find("content/fr/docs/b.md").unwrap();
    let a = text.find("content/fr/docs/a.md").unwrap();
    assert!(b < a, "most behind first:\n{text}");
    assert!(text.contains("2 commits behind"), "{text}");
    assert!(text.contains("1 commit behind"), "{text}");
    assert!(
        text.contains(&format!("pinned {} (2026-01-02)", &c1[..7])),
        "{text}"
    );
    assert!(text.contains("Missing (1):"), "{text}");
    assert!(text.contains("content/fr/blog/c.md"), "{text}");
    assert!(text.contains("  docs   "), "section table:\n{text}");
}

#[test]
fn exit_code_flag_and_paths() {
    let (repo, _) = pinned_site();
    repo.tandem()
        .args(["status", "--exit-code"])
        .assert()
        .code(1);
    repo.tandem()
        .args(["status", "--exit-code", "content/fr/a.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1 source page, 1 translated (100%)",
        ));
    // A folder, relative to the current directory.
    let json: serde_json::Value = serde_json::from_slice(
        &repo
            .tandem()
            .current_dir(repo.path().join("content/fr"))
            .args(["status", "docs", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let pages = json["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 2, "{json:#}");
    assert!(pages.iter().all(|p| {
        p["translation"]
            .as_str()
            .unwrap()
            .starts_with("content/fr/docs/")
    }));
}

#[test]
fn status_writes_nothing() {
    let (repo, _) = pinned_site();
    repo.write("content/fr/broken.md", "---\ntitle: [\n---\n");
    let before = snapshot(repo.path());
    repo.tandem().args(["status"]).assert().success();
    repo.tandem()
        .args(["status", "--mode", "history", "--format", "json"])
        .assert()
        .success();
    // The caches are the only things status writes (README, "Big histories").
    let cache = repo.path().join(".git").join("tandem");
    let after: Vec<_> = snapshot(repo.path())
        .into_iter()
        .filter(|(path, _)| !path.starts_with(&cache))
        .collect();
    assert!(before == after, "status changed files on disk");
    let mut written: Vec<_> = std::fs::read_dir(&cache)
        .expect("the cache folder")
        .map(|e| e.expect("entry").file_name())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["history.cache", "refine.cache", "renames.cache"],
        "only the cache files, no leftovers"
    );
}

#[test]
fn region_language_tags_and_markdown_format() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    repo.commit("en");
    repo.write("content/pt-br/a.md", md("A", "", "Alfa."))
        .write("content/zh-cn/a.md", md("A", "", "阿尔法"));
    repo.commit("pt-br, zh-cn");
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "content/pt-br/a.md")["state"], "current");
    assert_eq!(page(&json, "content/zh-cn/b.md")["state"], "missing");
    assert_eq!(json["summary"]["pt-br"]["total"], 2);
    let json = repo.status_json(&["--lang", "pt-br"]);
    assert!(json["summary"].get("zh-cn").is_none());
    repo.tandem()
        .args(["status", "--format", "markdown", "--lang", "zh-cn"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## zh-CN translations"))
        .stdout(predicate::str::contains(
            "<details><summary>1 page not translated yet</summary>\n\n- `content/zh-cn/b.md`\n\n</details>",
        ));
}

#[test]
fn markdown_buried_the_stale_pages_under_rows_of_missing_ones() {
    let mut repo = RepoBuilder::new();
    for name in ["a", "b", "c", "d"] {
        repo.write(&format!("content/en/{name}.md"), md(name, "", "Text."));
    }
    repo.commit("en");
    repo.write("content/fr/a.md", md("a", "", "Texte."));
    repo.commit("fr: a");
    repo.write("content/en/a.md", md("a", "", "Text, changed."));
    repo.commit("en: a changed");
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    // The table holds the page to update; the three not translated yet are folded after it, in path order.
    assert!(
        markdown.contains("| `content/fr/a.md` | stale | 1 |"),
        "{markdown}"
    );
    assert!(!markdown.contains("not translated yet |"), "{markdown}");
    assert!(
        markdown.ends_with(
            "<details><summary>3 pages not translated yet</summary>\n\n- `content/fr/b.md`\n- `content/fr/c.md`\n- \
             `content/fr/d.md`\n\n</details>\n\n"
        ),
        "{markdown}"
    );
    let french = repo.stdout(&["--ui-lang", "fr", "status", "--format", "markdown"]);
    assert!(
        french.contains("<summary>3 pages pas encore traduites</summary>"),
        "{french}"
    );
}

#[test]
fn crlf_pages_and_toml_front_matter() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        "---\r\ntitle: A\r\n---\r\n\r\nAlpha.\r\n",
    )
    .write("content/en/b.md", "+++\ntitle = \"B\"\n+++\n\nBeta.\n");
    let c1 = repo.commit("en");
    repo.write("content/en/b.md", "+++\ntitle = \"B\"\n+++\n\nBeta 2.\n");
    repo.commit("en: b");
    repo.write(
        "content/fr/a.md",
        format!("---\r\ntitle: A\r\ndefault_lang_commit: {c1} # patched\r\n---\r\n\r\nAlpha.\r\n"),
    )
    .write(
        "content/fr/b.md",
        format!(
            "+++\ntitle = \"B\"\n[l10n]\nsourceCommit = \"{}\"\n+++\n\nBêta.\n",
            &c1[..8]
        ),
    );
    repo.commit("fr");
    let json = repo.status_json(&[]);
    let a = page(&json, "content/fr/a.md");
    assert_eq!(a["state"], "current");
    assert_eq!(a["sync"]["commit"], c1);
    let b = page(&json, "content/fr/b.md");
    assert_eq!(b["state"], "stale");
    assert_eq!(b["sync"]["method"], "pin");
    assert_eq!(b["sync"]["commit"], c1);
}

/// The shape of a real French blog post: with a French slug, `aliases`, `resources` and an HTML body.
#[test]
fn french_slug_post_with_html_body_is_an_orphan_beside_a_missing_page() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/blog/kubernetes-meetups-summer-2019.md",
        "---\ntitle: \"Kubernetes and Cloud Native meetups, summer 2019\"\ndate: \"2019-09-12\"\nresources:\n- name: \"thumbnail\"\n  src: \"cover-01.jpg\"\n---\n\n<div class=\"post-content\"><p>The summer was full of talks.</p></div>\n",
    );
    repo.commit("en: post");
    repo.write(
        "content/fr/blog/les-meetups-kubernetes-ete-2019.md",
        "---\ntitle: \"Les meetups Kubernetes et Cloud Native de l’est du Canada – été 2019\"\ndate: \"2019-09-12\"\nauthor: \"CloudOps\"\nresources:\n- name: \"thumbnail\"\n  src: \"cover-01.jpg\"\nclass_name: \"blog post\"\nslug: /les-meetups-kubernetes-et-cloud-native-de-lest-du-canada-ete-2019\naliases:\n    - /fr/2019/09/les-meetups-kubernetes-et-cloud-native-de-lest-du-canada-ete-2019/\n    - /fr/les-meetups-kubernetes-et-cloud-native-de-lest-du-canada-ete-2019\ndescription:\nkeywords:\ntags:\n---\n\n<div class=\"post-content\"><p>L’été fut rempli d’une foule de conférences&nbsp;: <a href=\"https://sched.co/UabP\">Moving from Legacy</a>!</p></div>\n",
    );
    repo.commit("fr: post");
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        page(&json, "content/fr/blog/les-meetups-kubernetes-ete-2019.md")["state"],
        "orphaned"
    );
    assert_eq!(
        page(&json, "content/fr/blog/kubernetes-meetups-summer-2019.md")["state"],
        "missing"
    );
}

#[test]
fn hugo_config_gives_languages_and_content_dirs() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "hugo.toml",
        "defaultContentLanguage = \"fr\"\n[languages.fr]\ncontentDir = \"contenu/francais\"\n[languages.en]\ncontentDir = \"contenu/english\"\n",
    )
    .write("contenu/francais/a.md", md("A", "", "Source en français."))
    .write("contenu/english/a.md", md("A", "", "English translation."));
    repo.commit("site");
    let json = repo.status_json(&[]);
    assert_eq!(json["source_language"], "fr");
    let a = page(&json, "contenu/english/a.md");
    assert_eq!(a["language"], "en");
    assert_eq!(a["source"], "contenu/francais/a.md");
    assert_eq!(a["state"], "current");
}

#[test]
fn config_file_chooses_source_languages_and_pin_key() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."));
    let c1 = repo.commit("en");
    repo.write("content/en/a.md", md("A", "", "Alpha 2."));
    repo.commit("en 2");
    repo.write(
        "content/fr/a.md",
        md("A", &format!("source_commit: {c1}\n"), "Alpha."),
    )
    .write("content/de/a.md", md("A", "", "Alpha."))
    .write(
        "tandem.yaml",
        "source: en\nlanguages: [fr]\npin:\n  key: source_commit\n",
    );
    repo.commit("fr, de");
    let json = repo.status_json(&[]);
    assert!(json["summary"].get("de").is_none(), "{json:#}");
    let a = page(&json, "content/fr/a.md");
    assert_eq!(a["state"], "stale");
    assert_eq!(a["sync"]["commit"], c1);
}

/// Pairs are judged source by source (a source's versions are read once for all its languages); what is reported
/// keeps the pairs' order: the warnings given while judging (here, for translations paired by key whose front matter
/// cannot be read) come in the pages' order, not the sources'.
#[test]
fn warnings_given_while_judging_keep_the_pairs_order() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/a.md",
        md("A", "translationKey: alpha\n", "Text."),
    )
    .write(
        "content/en/b.md",
        md("B", "translationKey: beta\n", "Text."),
    )
    .write(
        "content/de/alpha-de.md",
        md("A", "translationKey: alpha\n", "Text (de)."),
    )
    .write(
        "content/fr/beta-fr.md",
        md("B", "translationKey: beta\n", "Texte."),
    )
    // de's broken page would have the later source (en/z.md), fr's the earlier one (en/a0.md).
    .write(
        "content/de/z.md",
        "---\ntitle: [z\ntranslationKey: beta\n---\nText (de).\n",
    )
    .write(
        "content/fr/a0.md",
        "---\ntitle: [a\ntranslationKey: alpha\n---\nTexte.\n",
    );
    repo.commit("pages");
    let out = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for path in ["content/de/z.md", "content/fr/a0.md"] {
        assert_eq!(page(&json, path)["reason"], "bad-front-matter", "{json:#}");
    }
    let (de, fr) = (
        stderr.find("content/de/z.md").expect("de warned"),
        stderr.find("content/fr/a0.md").expect("fr warned"),
    );
    assert!(de < fr, "warnings in the pages' order:\n{stderr}");
}

#[test]
fn sections_and_structures_compared_ahead_are_those_of_a_page_judged_alone() {
    // 72 pages, judged 32 at a time on a first run: while a group is judged, the thread reading the next group's
    // versions compares their sources' sections (then and now) and the current pairs' structures ahead. Each page's
    // verdict, sections and signals must be those of a run judging that page alone (one pair: nothing ahead).
    let en = |i: usize| {
        format!(
            "## Install\n\nRun `lumen serve --port {i}` to start.\n\n## Configure\n\nSet the root folder. \
             Then restart.\n\n## Deploy\n\nCopy the build to the server.\n\n```shell\nlumen build --out public\n```\n"
        )
    };
    let fr = |i: usize| {
        format!(
            "## Installer\n\nLancez `lumen serve --port {i}` pour démarrer.\n\n## Configurer\n\nIndiquez le \
             dossier racine. Puis redémarrez.\n\n## Déployer\n\nCopiez le build sur le serveur.\n\n```shell\n\
             lumen build --out public\n```\n"
        )
    };
    let mut repo = RepoBuilder::new();
    let pages: Vec<String> = (0..72).map(|i| format!("p{i:02}")).collect();
    for (i, name) in pages.iter().enumerate() {
        repo.write(&format!("content/en/{name}.md"), md(name, "", &en(i)));
    }
    repo.commit("en");
    for (i, name) in pages.iter().enumerate() {
        let mut text = fr(i);
        if i % 3 == 2 {
            // Current by history, different in structure: a paragraph and a command line of its own.
            text = text
                .replace(
                    "\n\n## Déployer",
                    " Ajoutez une phrase.\n\nUn paragraphe de plus.\n\n## Déployer",
                )
                .replace("--out public", "--out dist");
        }
        repo.write(&format!("content/fr/{name}.md"), md(name, "", &text));
    }
    repo.commit("fr");
    for (i, name) in pages.iter().enumerate() {
        let text = match i % 3 {
            // A section's body rewritten.
            0 => en(i).replace("Set the root folder.", "Set the root folder and the theme."),
            // A heading renamed with its body changed: matched by similarity.
            1 => en(i)
                .replace("## Deploy", "## Publish")
                .replace("Copy the build", "Copy the whole build"),
            _ => continue,
        };
        repo.write(&format!("content/en/{name}.md"), md(name, "", &text));
    }
    repo.commit("en: second pass");
    let cache = repo.path().join(".git/tandem");
    let _ = std::fs::remove_dir_all(&cache);
    let all = repo.status_json(&[]);
    let (mut stale, mut signalled) = (0, 0);
    for name in &pages {
        let path = format!("content/fr/{name}.md");
        let _ = std::fs::remove_dir_all(&cache);
        let alone = repo.status_json(&[&path]);
        let (together, alone) = (page(&all, &path), page(&alone, &path));
        for field in ["state", "reason", "severity", "changed_sections", "signals"] {
            assert_eq!(
                together[field], alone[field],
                "{path} {field}: {together:#} {alone:#}"
            );
        }
        stale += usize::from(
            together["changed_sections"]
                .as_array()
                .is_some_and(|s| !s.is_empty()),
        );
        signalled += usize::from(
            together["signals"]
                .as_array()
                .is_some_and(|s| !s.is_empty()),
        );
    }
    // Both kinds of comparison were made (48 sources changed; 24 translations differ in structure).
    assert_eq!((stale, signalled), (48, 24), "{all:#}");
}

/// A Hugo blog keeps each post in a folder of its own (a leaf bundle: `posts/<slug>/index.md` beside its images):
/// the summary had a row per post, 25 rows of one page each for 25 posts, in the text and in the JSON's
/// `summary.sections`. A bundle's page is in the section of the folder that holds it; a folder of several pages
/// keeps its row.
#[test]
fn page_bundles_each_had_a_section_row() {
    let mut repo = RepoBuilder::new();
    for slug in ["first-post", "second-post", "third-post"] {
        repo.write(
            &format!("content/posts/{slug}/index.md"),
            md(slug, "", "A post."),
        )
        .write(
            &format!("content/posts/{slug}/index.fr.md"),
            md(slug, "", "Un billet."),
        );
    }
    repo.write("content/docs/guide/index.md", md("Guide", "", "Start."))
        .write("content/docs/guide/index.fr.md", md("Guide", "", "Début."))
        .write(
            "content/docs/guide/install.md",
            md("Install", "", "Install."),
        )
        .write("content/about/index.md", md("About", "", "Us."));
    repo.commit("blog");
    let json = repo.status_json(&[]);
    let sections: Vec<&str> = json["summary"]["fr"]["sections"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(sections, ["/", "docs/guide", "posts"], "{json:#}");
    assert_eq!(json["summary"]["fr"]["sections"]["posts"]["total"], 3);
}

/// A translation saved under another name than its source's (`hi/cloud native apps.md` beside the source
/// `cloud-native-apps.md`, on a glossary site) was listed as an orphan and its source as missing, with nothing
/// pointing at `tandem pair --suggest`, which pairs them.
#[test]
fn an_orphan_and_a_missing_page_that_were_one_pair_gave_no_hint() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/cloud-native-apps.md",
        md("Cloud native apps", "", "Apps built for the cloud."),
    )
    .write(
        "content/fr/cloud native apps.md",
        md(
            "Applications cloud native",
            "",
            "Des applications faites pour le cloud.",
        ),
    )
    .write("content/en/a.md", md("A", "", "A."))
    .write("content/fr/a.md", md("A", "", "A."));
    repo.commit("site");
    let text = repo.stdout(&["status"]);
    assert!(
        text.contains("tandem pair --suggest proposes pairs"),
        "{text}"
    );
    // Without a missing page, an orphan is only an orphan.
    repo.remove("content/en/cloud-native-apps.md");
    repo.commit("the English page goes");
    let text = repo.stdout(&["status"]);
    assert!(!text.contains("pair --suggest"), "{text}");
}

/// A language with nothing to translate (no source page carries the site's translatable flag yet) was "0/0 (100%)"
/// complete: a percentage of nothing.
#[test]
fn nothing_to_translate_was_a_hundred_percent_done() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/b.md", md("B", "", "Bêta."))
        .write("content/de/c.md", md("C", "", "Gamma."))
        .write("tandem.yaml", "pages: { translatable_flag: i18nReady }\n");
    repo.commit("site");
    let text = repo.stdout(&["status"]);
    assert!(!text.contains("(100%)"), "{text}");
    let row = text.lines().find(|l| l.starts_with("  de ")).unwrap();
    assert!(row.contains(" 0/0 ") && !row.contains('%'), "{text}");
    let fr = repo.stdout(&["--ui-lang", "fr", "status", "--lang", "fr"]);
    assert!(
        fr.starts_with("Traductions (fr) — 0 page source, 0 traduite\n"),
        "{fr}"
    );
}

/// GFM splits a table row at every `|` not escaped, inside a code span too: a page named `pipe|name.md` (in a folder
/// `x|y`) split its row in `status --format markdown`, each half in a column of its own.
#[test]
fn a_pipe_in_a_file_name_split_the_markdown_table_row() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/x|y/pipe|name.md", md("T", "", "One."));
    repo.commit("en");
    repo.write("content/fr/x|y/pipe|name.md", md("T", "", "Un."));
    repo.commit("fr");
    repo.write("content/en/x|y/pipe|name.md", md("T", "", "Two."));
    repo.commit("en changed");
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.contains("\n| `x\\|y` | 1/1 | 0 | 1 | 0 | 0 | 0 |\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("\n| `content/fr/x\\|y/pipe\\|name.md` | stale | 1 | "),
        "{markdown}"
    );
    // Every row has as many cells as its table's header.
    let unescaped = |line: &str| line.replace("\\|", "").matches('|').count();
    let mut columns = None;
    for line in markdown.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let count = unescaped(line);
        assert_eq!(*columns.get_or_insert(count), count, "{line}\n{markdown}");
    }
}

/// On a large site the Markdown report was longer than GitHub takes for a comment or an issue (65,536 characters),
/// and GitHub refuses such a body whole. It is now shortened to fit, each language listing its first pages and saying
/// how many more there are and the command that lists them; `--all` writes every page.
#[test]
fn markdown_too_long_for_a_github_comment_was_refused_whole() {
    let mut repo = RepoBuilder::new();
    let body = |extra: &str| {
        format!(
            "Intro.\n\n## Installing the command-line tool on every platform\n\nSteps.{extra}\n"
        )
    };
    let pages = 300;
    for n in 0..pages {
        repo.write(
            &format!("content/en/guide/page-{n:03}.md"),
            md("P", "", &body("")),
        );
    }
    repo.commit("en");
    for lang in ["de", "fr"] {
        for n in 0..pages {
            repo.write(
                &format!("content/{lang}/guide/page-{n:03}.md"),
                md("P", "", &body("")),
            );
        }
    }
    repo.commit("translations");
    for n in 0..pages {
        repo.write(
            &format!("content/en/guide/page-{n:03}.md"),
            md("P", "", &body(" More.")),
        );
    }
    repo.commit("en: more steps");

    let full = repo.stdout(&["status", "--format", "markdown", "--all"]);
    assert!(
        full.len() > 65_536,
        "{} bytes: not a long report",
        full.len()
    );
    assert_eq!(full.matches("` | stale | ").count(), 2 * pages);

    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(markdown.len() <= 65_536, "{} bytes", markdown.len());
    assert!(
        markdown.starts_with("> Shortened to fit in a GitHub comment (65,536 characters): each language lists its first "),
        "{}",
        &markdown[..300]
    );
    assert!(markdown.contains("All of them: `tandem status --format markdown --all`\n"));
    for lang in ["de", "fr"] {
        let section = markdown
            .split(&format!("## {lang} translations"))
            .nth(1)
            .unwrap()
            .split("\n## ")
            .next()
            .unwrap();
        let listed = section.matches("` | stale | ").count();
        assert!(listed > 0 && listed < pages, "{lang}: {listed} listed");
        let more = format!(
            "\n{} more pages not listed here, to fit in a GitHub comment: `tandem status --format markdown --all --lang {lang}`\n",
            pages - listed
        );
        assert!(section.contains(&more), "{lang}: {section}");
    }
    // A report that fits is written whole, as before.
    let one = repo.stdout(&[
        "status",
        "--format",
        "markdown",
        "--lang",
        "fr",
        "guide/page-00",
    ]);
    assert!(
        !one.contains("Shortened") && !one.contains("more pages not listed"),
        "{one}"
    );

    let french = repo.stdout(&["--ui-lang", "fr", "status", "--format", "markdown"]);
    assert!(french.len() <= 65_536);
    assert!(
        french.starts_with("> Raccourci pour tenir dans un commentaire GitHub (65 536 caractères) : chaque langue liste ses "),
        "{}",
        &french[..300]
    );
    assert!(french.contains(
        " autres pages non listées ici, pour tenir dans un commentaire GitHub : `tandem status"
    ));
}

/// The Markdown report of several languages had no table of them: how far each language is took scrolling through a
/// heading per language (fifteen on a large site). It now opens with one row per language, as the terminal does.
#[test]
fn markdown_of_several_languages_had_no_table_of_them() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", "Alpha."))
        .write("content/fr/b.md", md("B", "", "Bêta."))
        .write("content/pt-br/a.md", md("A", "", "Alfa."));
    repo.commit("translations");
    repo.write("content/en/b.md", md("B", "", "Beta, changed."));
    repo.commit("en: b");
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.starts_with(
            "2 target languages:\n\n\
             | language | translated | current | stale | missing | orphaned | unknown |\n\
             |---|---:|---:|---:|---:|---:|---:|\n\
             | fr | 2/2 (100%) | 1 | 1 | 0 | 0 | 0 |\n\
             | pt-BR | 1/2 (50%) | 1 | 0 | 1 | 0 | 0 |\n\n\
             ## fr translations"
        ),
        "{markdown}"
    );
    let french = repo.stdout(&["--ui-lang", "fr", "status", "--format", "markdown"]);
    assert!(
        french.starts_with("2 langues cibles :\n\n| langue | traduites |"),
        "{french}"
    );
    assert!(
        french.contains("\n| pt-BR | 1/2 (50 %) | 1 | 0 | 1 | 0 | 0 |\n"),
        "{french}"
    );
    // One language: its heading says it all.
    let one = repo.stdout(&["status", "--format", "markdown", "--lang", "fr"]);
    assert!(one.starts_with("## fr translations"), "{one}");
}

/// A translation committed before its source existed (its sync point has no source): `diff` compared it with an
/// empty page, every section "added — no counterpart in the translation" and "insert", though the translation has
/// them all, and a translator following it would translate the page twice. Each section is shown beside the part of
/// the translation that matches it, to compare.
#[test]
fn a_translation_older_than_its_source_read_as_lacking_every_section() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/b.md",
        md(
            "B",
            &format!("default_lang_commit: {c1}\n"),
            "Bêta, la page.\n\n## Installer\n\nLancez `lumen install`.\n\n## Utiliser\n\nLancez `lumen run`.\n",
        ),
    );
    repo.commit("fr: b, translated from a draft");
    repo.write(
        "content/en/b.md",
        md(
            "B",
            "",
            "Beta, the page.\n\n## Install\n\nRun `lumen install`.\n\n## Use\n\nRun `lumen run`.\n",
        ),
    );
    repo.commit("en: b");
    let out = repo
        .tandem()
        .args(["diff", "content/fr/b.md"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("no counterpart"), "{text}");
    assert!(!text.contains("insert"), "{text}");
    assert!(text.contains("## Installer"), "{text}");
    assert!(text.contains("## Utiliser"), "{text}");
    assert!(
        text.contains("← to compare (line 8): the source did not exist at the sync point"),
        "{text}"
    );
}

/// The shortened Markdown report said "each language lists its first 10 pages of each kind", but cut stale and
/// orphaned pages as one list, orphans last: a site with hundreds of stale pages lost every orphan, and the `git rm`
/// or `git mv` it needed, while a hint about orphans stayed.
#[test]
fn the_shortened_markdown_report_dropped_every_orphan() {
    let mut repo = RepoBuilder::new();
    let body = |extra: &str| {
        format!(
            "Intro.\n\n## Installing the command-line tool on every platform\n\nSteps.{extra}\n"
        )
    };
    let pages = 400;
    for n in 0..pages {
        repo.write(
            &format!("content/en/guide/page-{n:03}.md"),
            md("P", "", &body("")),
        );
    }
    repo.write("content/en/guide/old-name.md", md("Old", "", &body("")));
    repo.commit("en");
    for n in 0..pages {
        repo.write(
            &format!("content/fr/guide/page-{n:03}.md"),
            md("P", "", &body("")),
        );
    }
    repo.write("content/fr/guide/old-name.md", md("Vieux", "", &body("")));
    repo.commit("fr");
    for n in 0..pages {
        repo.write(
            &format!("content/en/guide/page-{n:03}.md"),
            md("P", "", &body(" More.")),
        );
    }
    repo.git(&["rm", "-q", "content/en/guide/old-name.md"]);
    repo.commit("en: more steps, old page gone");

    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.starts_with("> Shortened to fit"),
        "{}",
        &markdown[..200]
    );
    assert!(
        markdown.contains("| `content/fr/guide/old-name.md` | orphaned |"),
        "the orphan is not listed"
    );
    assert!(markdown.contains("`git rm content/fr/guide/old-name.md`"));
}
