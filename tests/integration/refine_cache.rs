//! The refinement cache (`.git/tandem/refine.cache`): a second run answers the same from it, and every input that can
//! change an answer — page contents, commits, settings — makes it judge again. A damaged file is ignored.

use crate::support::{RepoBuilder, md, page};

const EN: &str = "## Install\n\nRun `lumen serve` on port 8080.\n\n- one\n- two\n";
const FR: &str = "## Installer\n\nLancez `lumen serve` sur le port 8080.\n\n- un\n- deux\n";

fn site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN))
        .write("content/en/b.md", md("B", "", EN));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/a.md", md("A", &pin, FR))
        .write("content/fr/b.md", md("B", "", FR));
    repo.commit("fr");
    repo.write(
        "content/en/a.md",
        md(
            "A",
            "",
            &EN.replace("Run `lumen serve`", "Run\n`lumen serve`"),
        ),
    );
    repo.commit("en: reflow");
    repo
}

fn cache_file(repo: &RepoBuilder) -> std::path::PathBuf {
    repo.path().join(".git/tandem/refine.cache")
}

#[test]
fn a_second_run_answers_the_same_from_the_cache() {
    let repo = site();
    let first = repo.status_json(&[]);
    assert!(cache_file(&repo).exists());
    let second = repo.status_json(&[]);
    assert_eq!(first, second);
    assert_eq!(page(&second, "content/fr/a.md")["reason"], "cosmetic-only");
    // --strict keeps only its explanations there (the byte-changed sections), and answers the same from them; the
    // default mode's answers are untouched by them.
    std::fs::remove_file(cache_file(&repo)).unwrap();
    let strict = repo.status_json(&["--strict"]);
    assert!(cache_file(&repo).exists());
    assert_eq!(repo.status_json(&["--strict"]), strict);
    let a = page(&strict, "content/fr/a.md");
    assert_eq!(a["state"], "stale", "{a:#}");
    assert_eq!(a["changed_sections"][0]["change"], "cosmetic", "{a:#}");
    assert_eq!(repo.status_json(&[]), first);
}

#[test]
fn changed_contents_commits_or_settings_are_judged_again() {
    let mut repo = site();
    repo.status_json(&[]);
    // The translation loses its list in the work tree: structure says stale, cache or not.
    repo.write(
        "content/fr/a.md",
        repo.read("content/fr/a.md").replace("- un\n- deux\n", ""),
    );
    assert_eq!(
        page(&repo.status_json(&[]), "content/fr/a.md")["reason"],
        "structure"
    );
    repo.git(&["checkout", "--", "content/fr/a.md"]);
    assert_eq!(
        page(&repo.status_json(&[]), "content/fr/a.md")["reason"],
        "cosmetic-only"
    );
    // A meaningful commit on the source (words: a changed number the translation lacks would be a structure signal
    // of its own, `number-changed`, whatever the history says).
    repo.write(
        "content/en/a.md",
        md(
            "A",
            "",
            &EN.replace("on port 8080", "on the default port 8080"),
        ),
    );
    repo.commit("en: port");
    assert_eq!(
        page(&repo.status_json(&[]), "content/fr/a.md")["state"],
        "stale"
    );
    // A setting that changes the judgement: the same commit, now marked by a configured directive.
    repo.git(&["commit", "-q", "--amend", "-m", "en: port (no-l10n)"]);
    repo.write(
        "tandem.yaml",
        "history:\n  skip_commits_matching: ['\\(no-l10n\\)']\n",
    );
    assert_eq!(
        page(&repo.status_json(&[]), "content/fr/a.md")["reason"],
        "skip-directive"
    );
}

#[test]
fn a_damaged_cache_is_ignored() {
    let repo = site();
    let first = repo.status_json(&[]);
    std::fs::write(cache_file(&repo), b"{\"format\":1,\"key\":").unwrap();
    assert_eq!(repo.status_json(&[]), first);
    std::fs::write(cache_file(&repo), [0xff, 0x00, 0x13]).unwrap();
    assert_eq!(repo.status_json(&[]), first);
}

/// `status -v`'s line saying how many page versions the verdicts needed parsed.
fn parsed_line(repo: &RepoBuilder, extra: &[&str]) -> String {
    let output = repo
        .tandem()
        .args(["status", "-v", "--mode", "history", "--format", "json"])
        .args(extra)
        .output()
        .expect("tandem runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    stderr
        .lines()
        .find(|l| l.starts_with("verdicts:"))
        .unwrap_or_else(|| panic!("no verdicts line in {stderr}"))
        .to_owned()
}

#[test]
fn warm_strict_run_parsed_every_source_again() {
    // Pages read ahead for judging must be only those the cache does not answer: a second run, in either mode,
    // parses nothing.
    let mut repo = site();
    repo.write("content/en/b.md", md("B", "", &EN.replace("8080", "9090")));
    repo.commit("en: new port");
    for extra in [&[][..], &["--strict"][..]] {
        let _ = std::fs::remove_file(cache_file(&repo));
        let cold = parsed_line(&repo, extra);
        assert!(cold.contains("read and parsed"), "{extra:?}, cold: {cold}");
        let warm = parsed_line(&repo, extra);
        assert!(
            warm.contains("no page version parsed"),
            "{extra:?}, warm: {warm}"
        );
    }
}

#[test]
fn the_source_before_its_last_change_was_parsed_twice() {
    // One source commit since the translation: the source as the translation last saw it is also the source before
    // its newest change. Both questions (what changed, and did that commit change the meaning) need it parsed; it is
    // parsed once. Versions in a cold run: the source now, the translation now (both read with the pages), and the
    // source then.
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", FR));
    repo.commit("fr");
    repo.write("content/en/a.md", md("A", "", &EN.replace("8080", "9090")));
    repo.commit("en: new port");
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "content/fr/a.md")["state"], "stale", "{json:#}");
    let _ = std::fs::remove_file(cache_file(&repo));
    let cold = parsed_line(&repo, &[]);
    assert!(cold.contains(" 3 page versions"), "{cold}");
}

#[test]
fn sources_of_a_later_group_of_pairs_were_parsed_twice() {
    // As above, for 40 pages: pairs are judged 32 at a time, and a later group's questions about its sources are
    // answered beside the reads that group plans, on two threads. Each source then is still parsed once: 40 sources
    // now, 40 translations now, 40 sources then.
    let mut repo = RepoBuilder::new();
    let pages: Vec<String> = (0..40).map(|i| format!("page-{i:02}")).collect();
    for name in &pages {
        repo.write(&format!("content/en/{name}.md"), md(name, "", EN));
    }
    repo.commit("en");
    for name in &pages {
        repo.write(&format!("content/fr/{name}.md"), md(name, "", FR));
    }
    repo.commit("fr");
    for name in &pages {
        repo.write(
            &format!("content/en/{name}.md"),
            md(name, "", &EN.replace("8080", "9090")),
        );
    }
    repo.commit("en: new port");
    let json = repo.status_json(&[]);
    for name in &pages {
        assert_eq!(
            page(&json, &format!("content/fr/{name}.md"))["state"],
            "stale",
            "{json:#}"
        );
    }
    let _ = std::fs::remove_file(cache_file(&repo));
    let cold = parsed_line(&repo, &[]);
    assert!(cold.contains(" 120 page versions"), "{cold}");
}

#[test]
fn a_translation_still_a_copy_of_its_source_was_parsed_twice() {
    // A translation committed as a copy of its source, not translated yet: one blob for two pages, parsed once.
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", EN));
    repo.commit("fr: copy to translate");
    let cold = parsed_line(&repo, &[]);
    assert!(cold.contains(" 1 page version "), "{cold}");
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, "content/fr/a.md")["state"],
        "current",
        "{json:#}"
    );
}
