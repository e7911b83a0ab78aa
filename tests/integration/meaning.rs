//! The cosmetic filter, commit directives, masked drift and structure signals (issue: sections), each on a real repo.

use crate::support::{RepoBuilder, each, fixture_text, md, page};

/// A site whose French page is pinned to the first English version; the English then moves to `after` in a commit
/// with `message`. Returns the repo, ready for `status`.
fn pinned(before: &str, translation: &str, after: &str, message: &str) -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n",
    )
    .write("content/en/page.md", md("Page", "", before));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/page.md",
        md("Page", &format!("default_lang_commit: {c1}\n"), translation),
    );
    repo.commit("fr");
    repo.write("content/en/page.md", md("Page", "", after));
    repo.commit(message);
    repo
}

fn verdict(repo: &RepoBuilder, args: &[&str]) -> (String, String, String) {
    let json = repo.status_json(args);
    let p = page(&json, "content/fr/page.md");
    (
        p["state"].as_str().unwrap().to_owned(),
        p["reason"].as_str().unwrap().to_owned(),
        p["severity"].as_str().unwrap().to_owned(),
    )
}

const BODY: &str = "Intro with _emphasis_ and __strong__ words.\n\n## Install {#install}\n\nRun the command below,\nthen check the output.\n\n```shell\nlumen serve --port 8080\n```\n\n- first step\n- second step\n\nSee [the guide](https://example.org/docs/guide/).\n\n{{< note >}}Keep it simple.{{< /note >}}\n";
const FR: &str = "Intro avec des mots en _emphase_ et en __gras__.\n\n## Installer {#install}\n\nLancez la commande ci-dessous,\npuis vérifiez la sortie.\n\n```shell\nlumen serve --port 8080\n```\n\n- première étape\n- deuxième étape\n\nVoir [le guide](https://example.org/docs/guide/).\n\n{{< note >}}Faites simple.{{< /note >}}\n";

fn cosmetic_case(after: &str) {
    let repo = pinned(BODY, FR, after, "en: tidy");
    assert_eq!(
        verdict(&repo, &[]),
        ("current".into(), "cosmetic-only".into(), "none".into()),
        "after:\n{after}"
    );
    // --strict is byte semantics: the same change is stale.
    assert_eq!(verdict(&repo, &["--strict"]).0, "stale");
}

#[test]
fn cosmetic_emphasis_style_swap() {
    cosmetic_case(
        &BODY
            .replace("_emphasis_", "*emphasis*")
            .replace("__strong__", "**strong**"),
    );
}

#[test]
fn cosmetic_link_canonicalisation() {
    cosmetic_case(&BODY.replace("https://example.org/docs/guide/", "/docs/guide/"));
}

#[test]
fn cosmetic_shortcode_delimiter_swap() {
    cosmetic_case(
        &BODY
            .replace("{{< note >}}", "{{% note %}}")
            .replace("{{< /note >}}", "{{% /note %}}"),
    );
}

/// An English page written with French spacing (`gohugo : the tag feature`, `any page :`), fixed in one commit: every
/// translation went stale for a change of typography (seen on a Hugo theme's documentation site).
#[test]
fn a_space_removed_before_a_colon_made_the_translation_stale() {
    let before = BODY
        .replace("then check the output.", "then check the output :")
        .replace("- first step", "- first step ; then")
        .replace("Intro with", "Ready ? Intro with");
    let after = BODY
        .replace("then check the output.", "then check the output:")
        .replace("- first step", "- first step; then")
        .replace("Intro with", "Ready? Intro with");
    let repo = pinned(&before, FR, &after, "en: English spacing");
    assert_eq!(
        verdict(&repo, &[]),
        ("current".into(), "cosmetic-only".into(), "none".into())
    );
    assert_eq!(verdict(&repo, &["--strict"]).0, "stale");
}

#[test]
fn cosmetic_reflow_and_list_markers() {
    cosmetic_case(
        &BODY
            .replace(
                "Run the command below,\nthen check the output.",
                "Run the command below, then check the output.   ",
            )
            .replace("- first step\n- second step", "* first step\n* second step"),
    );
}

#[test]
fn cosmetic_translation_only_typo_fix() {
    let mut repo = pinned(BODY, FR, BODY, "en: nothing");
    repo.write(
        "content/fr/page.md",
        md("Page", "", &FR.replace("Faites simple.", "Faites simple !")),
    );
    repo.commit("fr: typo");
    for mode in ["history", "auto"] {
        let (state, _, severity) = verdict(&repo, &["--mode", mode]);
        assert_eq!(
            (state.as_str(), severity.as_str()),
            ("current", "none"),
            "--mode {mode}"
        );
    }
}

fn meaningful_case(after: &str, expected_change: &str) {
    let repo = pinned(BODY, FR, after, "en: change");
    assert_eq!(
        verdict(&repo, &[]),
        ("stale".into(), "source-changed".into(), "high".into()),
        "after:\n{after}"
    );
    let json = repo.status_json(&[]);
    let changes = page(&json, "content/fr/page.md")["changed_sections"].clone();
    assert!(
        changes
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["change"] == expected_change),
        "{expected_change} not in {changes:#}"
    );
}

#[test]
fn meaningful_paragraph_extended() {
    meaningful_case(
        &BODY.replace(
            "then check the output.",
            "then check the output and the log file.",
        ),
        "modified",
    );
}

#[test]
fn meaningful_list_item_added() {
    meaningful_case(
        &BODY.replace("- second step\n", "- second step\n- third step\n"),
        "modified",
    );
}

#[test]
fn meaningful_code_flag_changed() {
    meaningful_case(
        &BODY.replace("--port 8080", "--port 9090 --tls"),
        "modified",
    );
}

#[test]
fn meaningful_section_added_and_removed() {
    meaningful_case(
        &format!("{BODY}\n## Upgrade\n\nRun `lumen upgrade`.\n"),
        "added",
    );
    meaningful_case(&BODY.replace("## Install {#install}\n\n", ""), "removed");
}

#[test]
fn heading_renamed_in_the_source_is_low() {
    let repo = pinned(
        BODY,
        FR,
        &BODY.replace("## Install {#install}", "## Installation {#install}"),
        "en: heading",
    );
    assert_eq!(
        verdict(&repo, &[]),
        ("stale".into(), "source-changed".into(), "low".into())
    );
}

#[test]
fn shortcode_only_difference_with_the_translation_is_low() {
    let repo = pinned(
        BODY,
        &FR.replace("{{< note >}}Faites simple.{{< /note >}}", "Faites simple."),
        BODY,
        "en: none",
    );
    assert_eq!(
        verdict(&repo, &[]),
        ("current".into(), "source-unchanged".into(), "low".into())
    );
}

#[test]
fn missing_paragraph_or_code_block_in_the_translation_is_stale_by_structure() {
    for missing in [
        FR.replace("Voir [le guide](https://example.org/docs/guide/).\n\n", ""),
        FR.replace("```shell\nlumen serve --port 8080\n```\n\n", ""),
    ] {
        let repo = pinned(BODY, &missing, BODY, "en: none");
        assert_eq!(
            verdict(&repo, &[]),
            ("stale".into(), "structure".into(), "high".into())
        );
        assert_eq!(verdict(&repo, &["--strict"]).0, "current");
    }
}

#[test]
fn paragraphs_in_another_order_are_not_high() {
    let en = "## A\n\nFirst paragraph, about version 1.28.\n\nSecond paragraph, about port 8080.\n";
    let fr = "## A\n\nDeuxième paragraphe, sur le port 8080.\n\nPremier paragraphe, sur la version 1.28.\n";
    let repo = pinned(en, fr, en, "en: none");
    let (state, _, severity) = verdict(&repo, &[]);
    assert_eq!(state, "current");
    assert_ne!(severity, "high");
}

#[test]
fn masked_drift_is_stale_in_history_mode() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/page.md", md("Page", "", BODY));
    repo.commit("en");
    repo.write("content/fr/page.md", md("Page", "", FR));
    repo.commit("fr: translate");
    repo.write(
        "content/en/page.md",
        md(
            "Page",
            "",
            &BODY.replace(
                "then check the output.",
                "then check the output and the log file.",
            ),
        ),
    );
    repo.commit("en: meaningful change");
    // A later translation commit that only reformats (or only touches bookkeeping keys) hides the drift from lsync.
    repo.write(
        "content/fr/page.md",
        md("Page", "tags: [a]\n", &FR.replace("_emphase_", "*emphase*")),
    );
    let masking = repo.commit("fr: reformat, tags");
    let json = repo.status_json(&["--mode", "history"]);
    let p = page(&json, "content/fr/page.md");
    assert_eq!(p["state"], "stale", "{p:#}");
    assert_eq!(p["sync"]["skipped_commits"], 1);
    assert_ne!(p["sync"]["commit"], masking);
    // lsync's answer (and --strict's): current.
    let json = repo.status_json(&["--mode", "history", "--strict"]);
    assert_eq!(page(&json, "content/fr/page.md")["state"], "current");
    assert_eq!(page(&json, "content/fr/page.md")["sync"]["commit"], masking);
}

/// A site whose pages `names` are translated, then the sources of `changed` changed in meaning in one commit, then the
/// translations of `reformatted` only reformatted (and tagged) in another: a last commit that masks the drift.
fn masked_site(names: &[&str], changed: &[&str], reformatted: &[&str]) -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    for name in names {
        repo.write(&format!("content/en/{name}.md"), md(name, "", BODY));
    }
    repo.commit("en");
    for name in names {
        repo.write(&format!("content/fr/{name}.md"), md(name, "", FR));
    }
    repo.commit("fr: translate");
    let body = BODY.replace(
        "then check the output.",
        "then check the output and the log file.",
    );
    for name in changed {
        repo.write(&format!("content/en/{name}.md"), md(name, "", &body));
    }
    repo.commit("en: meaningful change");
    for name in reformatted {
        repo.write(
            &format!("content/fr/{name}.md"),
            md(name, "tags: [a]\n", &FR.replace("_emphase_", "*emphase*")),
        );
    }
    repo.commit("fr: reformat, tags");
    repo
}

/// The report of a cold run given `content` as PATH (not preloaded: the pairs are judged group by group), checked to
/// list the pages of a cold run without PATHs (preloaded).
fn judged_apart_as_preloaded(repo: &RepoBuilder) -> serde_json::Value {
    let cold = |args: &[&str]| {
        let _ = std::fs::remove_dir_all(repo.path().join(".git/tandem"));
        repo.status_json(args)
    };
    let preloaded = cold(&["--mode", "history"]);
    let apart = cold(&["--mode", "history", "content"]);
    assert_eq!(apart["pages"], preloaded["pages"]);
    apart
}

#[test]
fn pages_whose_sync_point_moved_are_judged_apart_and_reported_in_their_place() {
    // With PATHs (no preload), the pairs whose walk back moved their sync point are gathered again together, after
    // the others: their verdicts must still come in the pairs' order and say what a preloaded run says. b and e: a
    // later translation commit only reformats, masking the drift; c is plainly behind.
    let names = ["a", "b", "c", "d", "e"];
    let repo = masked_site(&names, &["b", "c", "e"], &["b", "e"]);
    let apart = judged_apart_as_preloaded(&repo);
    let order = each(&apart["pages"], "translation");
    let expected: Vec<String> = names.iter().map(|n| format!("content/fr/{n}.md")).collect();
    assert_eq!(order, expected);
    for (name, state, skipped) in [
        ("a", "current", 0),
        ("b", "stale", 1),
        ("c", "stale", 0),
        ("d", "current", 0),
        ("e", "stale", 1),
    ] {
        let p = page(&apart, &format!("content/fr/{name}.md"));
        assert_eq!(p["state"], state, "{name}: {p:#}");
        assert_eq!(p["sync"]["skipped_commits"], skipped, "{name}: {p:#}");
    }
}

#[test]
fn walks_back_made_while_the_group_before_is_judged_find_what_a_preloaded_run_finds() {
    // With PATHs (no preload) and pairs enough for several groups, the walks back of a group are made while the group
    // before it is judged. A translation whose last commit only reformatted it is walked back in every group, and the
    // verdicts are those of a preloaded run.
    let names: Vec<String> = (0..200).map(|i| format!("p{i:03}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let every = |n: usize| -> Vec<&str> { names.iter().copied().step_by(n).collect() };
    let repo = masked_site(&names, &every(7), &every(3));
    let apart = judged_apart_as_preloaded(&repo);
    for (i, name) in names.iter().enumerate() {
        let p = page(&apart, &format!("content/fr/{name}.md"));
        let state = if i % 7 == 0 { "stale" } else { "current" };
        let skipped = u64::from(i % 3 == 0);
        assert_eq!(p["state"], state, "{name}: {p:#}");
        assert_eq!(p["sync"]["skipped_commits"], skipped, "{name}: {p:#}");
    }
}

#[test]
fn a_directive_commit_on_the_translation_was_taken_as_its_sync_point() {
    // Starlight's shape: the source changed four times since its Spanish translation was last updated; then one
    // commit marked `[i18nIgnore]` removed a broken link from the source and from every translation. The translation's
    // side of that commit made it look up to date ("0 commits behind").
    let mut repo = RepoBuilder::new();
    repo.write("content/en/page.md", md("Page", "", BODY));
    repo.commit("en");
    repo.write("content/fr/page.md", md("Page", "", FR));
    let translated = repo.commit("fr: translate");
    let changed = BODY.replace(
        "then check the output.",
        "then check the output and the log file.",
    );
    repo.write("content/en/page.md", md("Page", "", &changed));
    repo.commit("en: meaningful change");
    repo.write(
        "content/en/page.md",
        md(
            "Page",
            "",
            &changed.replace("\nSee [the guide](https://example.org/docs/guide/).\n", ""),
        ),
    )
    .write(
        "content/fr/page.md",
        md(
            "Page",
            "",
            &FR.replace("\nVoir [le guide](https://example.org/docs/guide/).\n", ""),
        ),
    );
    let ignored = repo.commit("[i18nIgnore] Removed broken link");
    for run in ["first", "cached"] {
        let json = repo.status_json(&["--mode", "history"]);
        let p = page(&json, "content/fr/page.md");
        assert_eq!(p["state"], "stale", "{run}: {p:#}");
        assert_eq!(p["sync"]["commit"], translated, "{run}: {p:#}");
        assert_eq!(p["commits_behind"], 2, "{run}: {p:#}");
        assert_eq!(
            skipped_on(p, "translation"),
            vec![(
                "[i18nIgnore] Removed broken link".into(),
                "directive".into()
            )],
            "{run}: {p:#}"
        );
        assert_eq!(
            skipped_on(p, "source"),
            vec![(
                "[i18nIgnore] Removed broken link".into(),
                "directive".into()
            )],
            "{run}: {p:#}"
        );
        assert_eq!(p["sync"]["skipped_commits"], 1, "{run}: {p:#}");
    }
    let short = &ignored[..7];
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(
        text.contains(&format!(
            "passed over 1 later translation commit: {short} “[i18nIgnore] Removed broken link” (“i18nIgnore” in its message, a skip directive)"
        )),
        "{text}"
    );
    // --strict is lsync's answer: the translation's last commit is its sync point.
    let json = repo.status_json(&["--mode", "history", "--strict"]);
    let p = page(&json, "content/fr/page.md");
    assert_eq!(p["state"], "current", "{p:#}");
    assert_eq!(p["sync"]["commit"], ignored, "{p:#}");
}

#[test]
fn a_lunaria_ignore_list_was_read_as_ignoring_the_commit_everywhere() {
    // Starlight's "Astro 7 support": the source gained a banner, and the same commit removed an old banner from the
    // Portuguese translation only, its body saying `@lunaria-ignore:<that translation>`. The commit was read as a
    // directive for every page: the source's change counted nowhere.
    let mut repo = RepoBuilder::new();
    repo.write("content/en/page.md", md("Page", "", BODY))
        .write("content/fr/page.md", md("Page", "", FR))
        .write(
            "content/pt/page.md",
            md(
                "Page",
                "banner: Antigo\n",
                &FR.replace("Intro", "Introdução"),
            ),
        );
    let translated = repo.commit("all languages");
    repo.write(
        "content/en/page.md",
        md(
            "Page",
            "",
            &BODY.replace("first step", "first step, now required"),
        ),
    )
    .write(
        "content/pt/page.md",
        md("Page", "", &FR.replace("Intro", "Introdução")),
    );
    repo.commit("Support v7\n\n@lunaria-ignore:site/content/pt/page.md;content/xx/*.md\n");
    let json = repo.status_json(&["--mode", "history"]);
    let fr = page(&json, "content/fr/page.md");
    assert_eq!(fr["state"], "stale", "{fr:#}");
    assert_eq!(fr["reason"], "source-changed", "{fr:#}");
    assert!(skipped_on(fr, "source").is_empty(), "{fr:#}");
    // The Portuguese translation's side of the commit is not a sync point: its sync is the commit before.
    let pt = page(&json, "content/pt/page.md");
    assert_eq!(pt["state"], "stale", "{pt:#}");
    assert_eq!(pt["sync"]["commit"], translated, "{pt:#}");
    assert_eq!(
        skipped_on(pt, "translation"),
        vec![("Support v7".into(), "directive".into())],
        "{pt:#}"
    );
    // `@lunaria-track:` lists the only pages that count the commit: a source change outside it is not counted.
    repo.write(
        "content/en/page.md",
        md(
            "Page",
            "",
            &BODY.replace("first step", "first step, now optional"),
        ),
    );
    repo.commit("Reword\n\n@lunaria-track:content/en/other.md\n");
    let fr_then = fr["commits_behind"].as_u64().unwrap();
    let json = repo.status_json(&["--mode", "history"]);
    let fr = page(&json, "content/fr/page.md");
    assert_eq!(fr["state"], "stale", "{fr:#}");
    assert_eq!(
        skipped_on(fr, "source"),
        vec![("Reword".into(), "directive".into())],
        "{fr:#}"
    );
    assert_eq!(
        fr["commits_behind"].as_u64().unwrap(),
        fr_then + 1,
        "{fr:#}"
    );
}

#[test]
fn skip_directives_are_judged_commit_by_commit() {
    let mut repo = pinned(
        BODY,
        FR,
        &BODY.replace("first step", "first step (optional)"),
        "en: clarify [skip-l10n]",
    );
    assert_eq!(
        verdict(&repo, &[]),
        ("current".into(), "skip-directive".into(), "none".into())
    );
    // A later meaningful commit without a directive makes it stale again.
    repo.write(
        "content/en/page.md",
        md(
            "Page",
            "",
            &BODY
                .replace("first step", "first step (optional)")
                .replace("second step", "second step, twice"),
        ),
    );
    repo.commit("en: more");
    assert_eq!(verdict(&repo, &[]).0, "stale");
    // The pattern is configurable.
    let repo = pinned(
        BODY,
        FR,
        &BODY.replace("first step", "first step (optional)"),
        "en: clarify (no-l10n)",
    );
    repo.write(
        "tandem.yaml",
        "history:\n  skip_commits_matching: ['\\(no-l10n\\)']\n",
    );
    assert_eq!(verdict(&repo, &[]).1, "skip-directive");
}

#[test]
fn directives_other_sites_write_were_not_known() {
    // Only `[skip-l10n]` was known; sites write these too.
    for message in [
        "en: typo [skip-i18n]",
        "en: typo [i18nIgnore]",
        "en: typo i18nIgnore",
        "en: typo (lunaria-ignore)",
        "en: typo [skip-revcheck]",
    ] {
        let repo = pinned(
            BODY,
            FR,
            &BODY.replace("first step", "first step (optional)"),
            message,
        );
        assert_eq!(
            verdict(&repo, &[]),
            ("current".into(), "skip-directive".into(), "none".into()),
            "{message}"
        );
    }
}

/// The page's `sync.skipped` entries of one side, as (subject, why).
fn skipped_on(p: &serde_json::Value, side: &str) -> Vec<(String, String)> {
    p["sync"]["skipped"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["side"] == side)
        .map(|c| {
            (
                c["subject"].as_str().unwrap().to_owned(),
                c["why"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn source_commits_skipped_by_directive_were_silent() {
    let mut repo = pinned(
        BODY,
        FR,
        &BODY.replace("first step", "first step (optional)"),
        "en: clarify [skip-l10n]",
    );
    let directive = repo.head();
    // Current by directive: the commit is named.
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/page.md");
    assert_eq!(p["reason"], "skip-directive", "{p:#}");
    assert_eq!(
        p["sync"]["skipped"],
        serde_json::json!([{
            "commit": directive,
            "subject": "en: clarify [skip-l10n]",
            "side": "source",
            "why": "directive",
            "directive": "[skip-l10n]",
        }])
    );
    // Translation commits passed over are counted apart.
    assert_eq!(p["sync"]["skipped_commits"], 0);
    // A real change after it: stale, and the directive commit is still named (it is not what made the page stale).
    repo.write(
        "content/en/page.md",
        md(
            "Page",
            "",
            &BODY
                .replace("first step", "first step (optional)")
                .replace("second step", "second step, twice"),
        ),
    );
    repo.commit("en: more");
    for run in ["first", "cached"] {
        let json = repo.status_json(&[]);
        let p = page(&json, "content/fr/page.md");
        assert_eq!(p["state"], "stale", "{run}: {p:#}");
        assert_eq!(
            skipped_on(p, "source"),
            vec![("en: clarify [skip-l10n]".into(), "directive".into())],
            "{run}: {p:#}"
        );
    }
    let short = &directive[..7];
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(
        text.contains(&format!(
            "1 source commit left out of the verdict: {short} “en: clarify [skip-l10n]” (“[skip-l10n]” in its message, a skip directive)"
        )),
        "{text}"
    );
    let diff = repo
        .tandem()
        .args(["--ui-lang", "fr", "diff", "content/fr/page.md"])
        .output()
        .unwrap();
    let text = String::from_utf8(diff.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "1 commit de la source écarté du verdict : {short} « en: clarify [skip-l10n] » (« [skip-l10n] » dans son message, une directive d’exclusion)"
        )),
        "{text}"
    );
}

#[test]
fn source_commits_mirrored_in_the_translation_were_silent() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/guide.md", md("Guide", "version: 1.2\n", BODY));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\nversion: 1.2\n");
    repo.write("content/fr/guide.md", md("Guide", &pin, FR));
    repo.commit("fr");
    repo.write("content/en/guide.md", md("Guide", "version: 1.3\n", BODY))
        .write(
            "content/fr/guide.md",
            md("Guide", &pin.replace("1.2", "1.3"), FR),
        );
    repo.commit("bump the version everywhere");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/guide.md");
    assert_eq!(p["reason"], "mirrored-in-translation", "{p:#}");
    assert_eq!(
        skipped_on(p, "source"),
        vec![("bump the version everywhere".into(), "mirrored".into())],
        "{p:#}"
    );
}

/// Starlight's shape: a formatter run ("[ci] format") moved a `<FileTree>` list written at the margin into the numbered
/// step it belongs to, in the source and in every translation. The words are the same; only where the component's
/// closing tag falls in the parsed page changed (after the last list item, or in a block of its own). The
/// translation's side was read as an update and became its sync point, hiding the source's earlier change.
#[test]
fn a_formatter_moving_a_component_tag_was_read_as_a_translation_update() {
    let read = |lang: &str| {
        std::fs::read_to_string(format!(
            "{}/tests/fixtures/prettier-reindent/{lang}.mdx",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let reindent = |text: &str| {
        let mut out = String::new();
        let mut inside = false;
        for line in text.lines() {
            if line.trim() == "<FileTree>" {
                inside = true;
            } else if line.trim() == "</FileTree>" {
                inside = false;
            } else if inside && !line.is_empty() {
                out.push_str("   ");
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    };
    let (en, fr) = (read("en"), read("fr"));
    let mut repo = RepoBuilder::new();
    repo.write("content/en/page.mdx", &en);
    repo.commit("en");
    repo.write("content/fr/page.mdx", &fr);
    let translated = repo.commit("fr: translate");
    let changed = en.replace(
        "Give a second file for dark mode with the `logo.dark` option.",
        "Give a second file for dark mode with the `logo.dark` option; both files must have the same size.",
    );
    repo.write("content/en/page.mdx", &changed);
    repo.commit("en: both logos have the same size");
    repo.write("content/en/page.mdx", reindent(&changed))
        .write("content/fr/page.mdx", reindent(&fr));
    let format = repo.commit("[ci] format");
    for run in ["first", "cached"] {
        let json = repo.status_json(&["--mode", "history"]);
        let p = page(&json, "content/fr/page.mdx");
        assert_eq!(p["state"], "stale", "{run}: {p:#}");
        assert_eq!(p["sync"]["commit"], translated, "{run}: {p:#}");
        let sections: Vec<&str> = p["changed_sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["source"]["heading"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(sections, vec!["Dark mode"], "{run}: {p:#}");
        assert_eq!(
            skipped_on(p, "translation"),
            vec![("[ci] format".into(), "bookkeeping".into())],
            "{run}: {p:#}"
        );
    }
    // --strict is git's answer: the formatter's commit is the translation's last.
    let json = repo.status_json(&["--mode", "history", "--strict"]);
    assert_eq!(page(&json, "content/fr/page.mdx")["sync"]["commit"], format);
}

/// An image's alt text, an image's title and a link's title: words readers and screen readers get, translated like
/// the rest. A change to any of them passed as formatting ("changed only in formatting"), the page current.
#[test]
fn a_changed_alt_text_or_title_passed_as_formatting() {
    let body = format!(
        "{BODY}\n![A cat on a mat](/img/cat.png \"Sales in 2023\")\n\nRead [the manual](/docs/ \"Read the manual\").\n"
    );
    let fr = format!(
        "{FR}\n![Un chat sur un tapis](/img/cat.png \"Ventes en 2023\")\n\nLisez [le manuel](/docs/ \"Lire le manuel\").\n"
    );
    for after in [
        body.replace("A cat on a mat", "A black cat asleep on a red mat"),
        body.replace("Sales in 2023", "Sales in 2024"),
        body.replace("\"Read the manual\"", "\"Read the whole manual first\""),
    ] {
        let repo = pinned(&body, &fr, &after, "en: alt text");
        assert_eq!(
            verdict(&repo, &[]),
            ("stale".into(), "source-changed".into(), "high".into()),
            "after:\n{after}"
        );
    }
    // The same image and link in other words of Markdown stay formatting.
    let repo = pinned(
        &body,
        &fr,
        &body.replace("(/docs/ \"Read the manual\")", "(/docs/ 'Read the manual')"),
        "en: quotes",
    );
    assert_eq!(verdict(&repo, &[]).1, "cosmetic-only");
}

/// A source that dropped its first heading (`## What it is`), its paragraph now the page's opening: a translation
/// that never had the heading already says what the source says now. 47 translations of a real glossary were stale
/// for it, "to update" on a paragraph that needed nothing. One that kept the heading is still stale.
#[test]
fn a_removed_heading_the_translation_never_had_made_it_stale() {
    let before = "## What it is\n\nA pod is the smallest unit of a cluster.\nIt holds one or more containers.\n\n## Problem it addresses\n\nContainers need to be grouped.\n";
    let after = "A pod is the smallest unit of a cluster.\nIt holds one or more containers.\n\n## Problem it addresses\n\nContainers need to be grouped.\n";
    let headless = "Un pod est la plus petite unité d'un cluster.\nIl contient un ou plusieurs conteneurs.\n\n## Problème résolu\n\nLes conteneurs doivent être regroupés.\n";
    let repo = pinned(before, headless, after, "Remove what it is header");
    assert_eq!(
        verdict(&repo, &[]),
        (
            "current".into(),
            "already-in-translation".into(),
            "none".into()
        )
    );
    // Bytes decide under --strict.
    assert_eq!(verdict(&repo, &["--strict"]).0, "stale");
    // Changed again below: stale, and `diff` says the heading needs nothing.
    let mut repo = repo;
    repo.write(
        "content/en/page.md",
        md(
            "Page",
            "",
            &after.replace("grouped.", "grouped and scheduled."),
        ),
    );
    repo.commit("en: more");
    let text = diff_text(&repo);
    assert!(
        text.contains("← already in the translation (line 6): it has no heading here either"),
        "{text}"
    );
    assert!(!text.contains("to update (line 6)"), "{text}");

    let kept = format!("## Ce que c'est\n\n{headless}");
    let repo = pinned(before, &kept, after, "Remove what it is header");
    let (state, reason, _) = verdict(&repo, &[]);
    assert_eq!(
        (state.as_str(), reason.as_str()),
        ("stale", "source-changed")
    );
}

/// A front-matter key the source removed made a translation that never had it stale ("banner: Big news → (absent)",
/// "to update" on its title line). The translation already holds what the source has now: current, and when the page
/// is stale for something else, the key says it is already in the translation.
#[test]
fn a_key_the_source_removed_that_the_translation_never_had_made_it_stale() {
    let page = |fm: &str, body: &str| format!("---\ntitle: Page\n{fm}---\n\n{body}\n");
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/page.md",
        page("notice: Big news\n", "Body text here."),
    );
    repo.commit("en");
    repo.write("content/fr/page.md", page("", "Texte du corps ici."));
    repo.commit("fr");
    repo.write("content/en/page.md", page("", "Body text here."));
    repo.commit("en: no notice");
    let json = repo.status_json(&[]);
    let fr = crate::support::page(&json, "content/fr/page.md");
    assert_eq!(
        (fr["state"].as_str(), fr["reason"].as_str()),
        (Some("current"), Some("already-in-translation")),
        "{fr:#}"
    );

    repo.write("content/en/page.md", page("", "Body text here, and more."));
    repo.commit("en: more");
    repo.tandem()
        .arg("status")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            // The keys, then a semicolon before the sections: one comma list read as keys throughout.
            "front matter: notice (already in the translation); (before the first heading) (modified)",
        ));
    repo.tandem()
        .args(["diff", "content/fr/page.md"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "already in the translation (line 1): it holds what the source has now",
        ));
    // A key the source adds that the translation lacks: where it goes (its note had gone to any key of the same
    // last name).
    repo.write(
        "content/en/page.md",
        page("image: x.png\n", "Body text here, and more."),
    );
    repo.commit("en: picture");
    repo.tandem()
        .args(["diff", "content/fr/page.md"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "title: Page   ← to add after line 2: image",
        ));
}

/// A source that dropped its first heading and, in the same span of history, changed a link in the paragraph below
/// it: the paragraph, now the page's opening, was listed "added — no counterpart" and the translated section "to
/// remove", so a translator following it would delete a correct translation (87 pages of a real glossary). The
/// opening is matched with the section it was: modified.
#[test]
fn a_removed_heading_with_an_edit_below_it_read_as_a_section_added_and_one_removed() {
    let (before, after, kept) = (
        fixture_text("glossary-heading-dropped/en-before.md"),
        fixture_text("glossary-heading-dropped/en-after.md"),
        fixture_text("glossary-heading-dropped/fr-kept.md"),
    );
    let (before, after, kept) = (before.as_str(), after.as_str(), kept.as_str());
    let repo = pinned(
        before,
        kept,
        after,
        "Remove what it is header, rename a link",
    );
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/page.md");
    let changes: Vec<(String, String)> = fr["changed_sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["source"]["id"].as_str().unwrap().to_owned(),
                c["change"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![("".to_owned(), "modified".to_owned())],
        "{fr:#}"
    );
    let text = diff_text(&repo);
    assert!(!text.contains("no counterpart"), "{text}");
    // The heading the source dropped is the one thing to remove, and the changed link is to update.
    assert!(
        text.contains(
            "## Définition   ← to remove (line 6): the source no longer has this heading"
        ),
        "{text}"
    );
    assert_eq!(text.matches("to remove").count(), 1, "{text}");
    assert!(text.contains("[pod](/pods/)"), "{text}");
}

/// What `tandem diff content/fr/page.md` prints.
fn diff_text(repo: &RepoBuilder) -> String {
    let out = repo
        .tandem()
        .args(["diff", "content/fr/page.md"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A translation stale by structure (it lacks the source's `kubectl get pods` block), whose source's only change since is one
/// the translation already holds (a heading it never had, dropped): `status` gave that change as the reason, "changed
/// sections: (before the first heading) (modified, already in the translation)", a change asking nothing, and never
/// the missing command; `diff` said "the source did not change since the sync point", two commits after it did.
#[test]
fn a_page_stale_by_structure_gave_a_change_already_in_the_translation_as_its_reason() {
    let before = "## What it is\n\nA pod is the smallest unit of a cluster.\n\n## Problem it addresses\n\nContainers need to be grouped.\n\n```shell\nkubectl get pods\n```\n";
    let after = "A pod is the smallest unit of a cluster.\n\n## Problem it addresses\n\nContainers need to be grouped.\n\n```shell\nkubectl get pods\n```\n";
    let headless = "Un pod est la plus petite unité d'un cluster.\n\n## Problème résolu\n\nLes conteneurs doivent être regroupés.\n";
    let repo = pinned(before, headless, after, "Remove what it is header");
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/page.md");
    assert_eq!(
        (fr["state"].as_str(), fr["reason"].as_str()),
        (Some("stale"), Some("structure")),
        "{json:#}"
    );
    let text = repo.stdout(&["status", "--all"]);
    assert!(
        text.contains("what differs now: “Problem it addresses”"),
        "{text}"
    );
    assert!(!text.contains("changed sections:"), "{text}");
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    assert!(
        markdown.contains("what differs now: “Problem it addresses”"),
        "{markdown}"
    );
    let diff = diff_text(&repo);
    assert!(
        diff.contains("What the source changed since the sync point is already in the translation"),
        "{diff}"
    );
    assert!(
        !diff.contains("did not change since the sync point"),
        "{diff}"
    );
}

/// A page current because its source's changes came in an `[i18nIgnore]` commit: `compare` said they were "all in
/// commits marked [skip-l10n]", a directive no commit of the site carried.
#[test]
fn the_skip_directive_reason_named_skip_l10n_whatever_the_commit_carried() {
    let repo = pinned(
        BODY,
        FR,
        &BODY.replace("then check the output", "then read the output"),
        "en: wording [i18nIgnore]",
    );
    assert_eq!(verdict(&repo, &[]).1, "skip-directive");
    let text = repo.stdout(&["compare", "content/en/page.md", "content/fr/page.md"]);
    assert!(text.contains("carries a skip directive"), "{text}");
    assert!(!text.contains("[skip-l10n]"), "{text}");
}
