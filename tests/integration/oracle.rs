//! tandem against git itself, on random histories with branches, merges (clean, "ours", and merges that change the
//! result), and skewed commit dates.
//!
//! For every translation: history mode must give `git log -1 --format=%H -- <translation>` as sync point, the verdict
//! of `git diff --quiet <sync>...HEAD -- <source>`, and `git rev-list --count <sync>..HEAD -- <source>`; pin mode the
//! same from a pin.

use crate::support::RepoBuilder;

/// A small deterministic generator (xorshift), so that a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PAGES: [&str; 5] = ["a.md", "b.md", "docs/c.md", "docs/d.md", "e.md"];

/// Commits with explicit dates (skew on purpose), through plain git.
fn commit_at(repo: &RepoBuilder, message: &str, seconds: i64) {
    repo.git(&["add", "-A"]);
    let date = format!("@{seconds} +0000");
    let status = std::process::Command::new("git")
        .args(["commit", "-q", "--allow-empty", "-m", message])
        .current_dir(repo.path())
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(status.success());
}

fn random_history(seed: u64, steps: usize, skew: bool) -> RepoBuilder {
    let repo = RepoBuilder::new();
    let mut rng = Rng(seed);
    let mut time = 1_700_000_000i64;
    let mut branches = vec!["main".to_owned()];
    let mut current = "main".to_owned();
    let mut counter = 0;
    // Both languages start with some pages.
    for page in &PAGES[..3] {
        repo.write(&format!("content/en/{page}"), format!("en {page} v0\n"));
    }
    commit_at(&repo, "start", time);
    for step in 0..steps {
        // Dates go forward; with `skew`, sometimes back (skewed clocks on branches).
        time += if skew && rng.below(5) == 0 {
            -30_000
        } else {
            3_600 * (1 + rng.below(48) as i64)
        };
        match rng.below(10) {
            0 => {
                let name = format!("b{step}");
                repo.git(&["checkout", "-q", "-b", &name]);
                branches.push(name.clone());
                current = name;
            }
            1 => {
                let name = branches[rng.below(branches.len())].clone();
                repo.git(&["checkout", "-q", &name]);
                current = name;
            }
            2 | 3 => {
                let other = branches[rng.below(branches.len())].clone();
                if other == current {
                    continue;
                }
                let strategy = match rng.below(3) {
                    0 => "-Xours",
                    1 => "-Xtheirs",
                    _ => "-Xours",
                };
                let (code, _) =
                    repo.git_status(&["merge", "-q", "--no-ff", "--no-commit", strategy, &other]);
                if code != 0 {
                    repo.git(&["merge", "--abort"]);
                    continue;
                }
                if !repo.path().join(".git/MERGE_HEAD").exists() {
                    continue; // already up to date
                }
                // Sometimes the merge result differs from every parent.
                if rng.below(3) == 0 {
                    let lang = if rng.below(2) == 0 { "en" } else { "fr" };
                    let page = PAGES[rng.below(PAGES.len())];
                    counter += 1;
                    repo.write(
                        &format!("content/{lang}/{page}"),
                        format!("{lang} {page} merge-edit {counter}\n"),
                    );
                }
                let date = format!("@{time} +0000");
                repo.git(&["add", "-A"]);
                let status = std::process::Command::new("git")
                    .args(["commit", "-q", "--no-edit", "--allow-empty"])
                    .current_dir(repo.path())
                    .env("GIT_AUTHOR_DATE", &date)
                    .env("GIT_COMMITTER_DATE", &date)
                    .env("GIT_AUTHOR_NAME", "T")
                    .env("GIT_AUTHOR_EMAIL", "t@example.org")
                    .env("GIT_COMMITTER_NAME", "T")
                    .env("GIT_COMMITTER_EMAIL", "t@example.org")
                    .env("GIT_CONFIG_NOSYSTEM", "1")
                    .env("GIT_CONFIG_GLOBAL", "/dev/null")
                    .status()
                    .unwrap();
                assert!(status.success());
            }
            _ => {
                // Edit one to three pages, in either language; sometimes revert a page to an earlier text.
                for _ in 0..1 + rng.below(3) {
                    let lang = if rng.below(2) == 0 { "en" } else { "fr" };
                    let page = PAGES[rng.below(PAGES.len())];
                    counter += 1;
                    let text = if rng.below(6) == 0 {
                        format!("{lang} {page} v0\n")
                    } else {
                        format!("{lang} {page} v{counter}\n")
                    };
                    repo.write(&format!("content/{lang}/{page}"), text);
                }
                commit_at(&repo, &format!("edit {step}"), time);
            }
        }
    }
    repo.git(&["checkout", "-q", "main"]);
    // Merge every branch so that HEAD carries the whole history.
    for branch in branches.iter().skip(1) {
        time += 3_600;
        let date = format!("@{time} +0000");
        let output = std::process::Command::new("git")
            .args([
                "merge",
                "-q",
                "--no-ff",
                "-Xtheirs",
                "-m",
                "final merge",
                branch,
            ])
            .current_dir(repo.path())
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        if !output.status.success() {
            repo.git(&["merge", "--abort"]);
        }
    }
    repo
}

/// What git says for one translation: (sync commit, stale, commits behind).
fn git_answer(repo: &RepoBuilder, sync: &str, source: &str) -> (bool, u32) {
    let (code, _) = repo.git_status(&["diff", "--quiet", &format!("{sync}...HEAD"), "--", source]);
    let count = repo
        .git(&[
            "rev-list",
            "--count",
            &format!("{sync}..HEAD"),
            "--",
            source,
        ])
        .trim()
        .parse()
        .unwrap();
    (code == 1, count)
}

/// Checks every translation: sync point, verdict and commits behind.
fn check_history_mode(repo: &RepoBuilder, seed: u64) -> usize {
    let json = repo.status_json(&["--mode", "history", "--strict"]);
    let mut checked = 0;
    for page in json["pages"].as_array().unwrap() {
        let translation = page["translation"].as_str().unwrap();
        let source = page["source"].as_str().unwrap();
        let state = page["state"].as_str().unwrap();
        if state == "missing" {
            continue;
        }
        let sync = repo
            .git(&["log", "-1", "--format=%H", "--", translation])
            .trim()
            .to_owned();
        if !repo.path().join(source).exists() {
            assert_eq!(state, "orphaned", "seed {seed}: {translation}");
            continue;
        }
        assert_eq!(
            page["sync"]["commit"], sync,
            "seed {seed}: sync of {translation}"
        );
        let (stale, count) = git_answer(repo, &sync, source);
        assert_eq!(
            state,
            if stale { "stale" } else { "current" },
            "seed {seed}: verdict of {translation} (sync {sync})"
        );
        assert_eq!(
            page["commits_behind"], count,
            "seed {seed}: commits behind of {translation} (sync {sync})"
        );
        checked += 1;
    }
    checked
}

fn history_mode_on_seeds(seeds: &[u64], skew: bool) {
    let mut checked = 0;
    for &seed in seeds {
        let repo = random_history(seed, 45, skew);
        if std::env::var_os("TANDEM_KEEP_ORACLE").is_some() {
            eprintln!("seed {seed}: {}", repo.keep().display());
            continue;
        }
        checked += check_history_mode(&repo, seed);
    }
    assert!(checked >= 15, "too few pages checked: {checked}");
}

/// `TANDEM_ORACLE_SEEDS=200 cargo test oracle` runs many more seeds than CI does.
fn extra_seeds() -> Vec<u64> {
    let n: u64 = std::env::var("TANDEM_ORACLE_SEEDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    (1000..1000 + n).collect()
}

#[test]
fn history_mode_agrees_with_git_on_random_histories() {
    let mut seeds = vec![0x9E37_79B9_7F4A_7C15, 42, 7, 2026, 123_456_789];
    seeds.extend(extra_seeds());
    history_mode_on_seeds(&seeds, false);
}

/// Clocks that go back change how git walks (by date), and so which merges it simplifies how; tandem replays git's
/// walk, so `commits_behind` still agrees.
#[test]
fn history_mode_agrees_with_git_despite_skewed_dates() {
    let mut seeds = vec![11, 4242, 77, 31_415];
    seeds.extend(extra_seeds());
    history_mode_on_seeds(&seeds, true);
}

#[test]
fn pin_mode_agrees_with_git_on_every_commit_as_pin() {
    let mut repo = random_history(31_337, 40, false);
    let commits: Vec<String> = repo
        .git(&["rev-list", "HEAD"])
        .lines()
        .map(str::to_owned)
        .collect();
    // Pin each French page to a different commit of HEAD's history.
    let mut pins = Vec::new();
    for (i, page) in PAGES.iter().enumerate() {
        let sync = commits[(i * 7 + 3) % commits.len()].clone();
        repo.write(
            &format!("content/fr/{page}"),
            format!("---\ndefault_lang_commit: {}\n---\nfr\n", &sync[..10]),
        );
        pins.push((page, sync));
    }
    repo.commit("fr: pins");
    let json = repo.status_json(&["--mode", "pin", "--strict"]);
    for (page, sync) in pins {
        let source = format!("content/en/{page}");
        let translation = format!("content/fr/{page}");
        let found = crate::support::page(&json, &translation);
        if !repo.path().join(&source).exists() {
            assert_eq!(found["state"], "orphaned");
            continue;
        }
        let (stale, count) = git_answer(&repo, &sync, &source);
        assert_eq!(found["sync"]["commit"], sync);
        assert_eq!(
            found["state"],
            if stale { "stale" } else { "current" },
            "{translation}"
        );
        assert_eq!(
            found["commits_behind"], count,
            "{translation} pinned at {sync}"
        );
    }
}

/// Every stale page says why: a changed section (the front matter is one), a structure signal, or a rename or
/// creation of its source. A verdict with nothing to show is a bug. And `compare` on any pair agrees with `status`.
#[test]
fn every_stale_page_is_explained_on_random_histories() {
    let mut stale = 0;
    for seed in [0x9E37_79B9_7F4A_7C15, 42, 7, 2026, 123_456_789] {
        let repo = random_history(seed, 45, false);
        // Under --strict too: there the explanation is the sections whose bytes changed.
        let strict = repo.status_json(&["--strict"]);
        for page in strict["pages"].as_array().unwrap() {
            let sections = page["changed_sections"].as_array().map_or(0, Vec::len);
            let own = matches!(
                page["reason"].as_str(),
                Some("source-renamed" | "source-created")
            );
            assert!(
                page["state"] != "stale" || sections > 0 || own,
                "seed {seed}: --strict, stale without explanation: {page:#}"
            );
        }
        let json = repo.status_json(&[]);
        for page in json["pages"].as_array().unwrap() {
            // One engine: `compare` on the pair says what `status` says.
            if matches!(page["state"].as_str(), Some("current" | "stale")) {
                let out = repo
                    .tandem()
                    .args(["compare", "--format", "json"])
                    .arg(page["source"].as_str().unwrap())
                    .arg(page["translation"].as_str().unwrap())
                    .output()
                    .unwrap();
                let compare: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(
                    (&compare["state"], &compare["severity"]),
                    (&page["state"], &page["severity"]),
                    "seed {seed}: compare differs from status: {page:#}"
                );
            }
            if page["state"] != "stale" {
                continue;
            }
            stale += 1;
            // A listed change is a change: old ≠ new for every key, and no unchanged (or, here, cosmetic) section.
            for section in page["changed_sections"].as_array().into_iter().flatten() {
                if section["kind"] == "front-matter" {
                    let keys = section["keys"].as_array().unwrap();
                    assert!(!keys.is_empty(), "seed {seed}: {page:#}");
                    for key in keys {
                        assert_ne!(key["old"], key["new"], "seed {seed}: {page:#}");
                    }
                } else {
                    assert!(
                        !matches!(section["change"].as_str(), Some("unchanged" | "cosmetic")),
                        "seed {seed}: {page:#}"
                    );
                }
            }
            let sections = page["changed_sections"].as_array().map_or(0, Vec::len);
            let signals = page["signals"].as_array().map_or(0, Vec::len);
            let own = matches!(
                page["reason"].as_str(),
                Some("source-renamed" | "source-created")
            );
            assert!(
                sections + signals > 0 || own,
                "seed {seed}: stale without explanation: {page:#}"
            );
        }
    }
    assert!(stale >= 5, "too few stale pages: {stale}");
}
