//! Test support: real git repositories in temp folders, with a fixed identity and fixed dates, and the real binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;

/// Seconds since the epoch of the first commit: 2026-01-01 00:00 UTC. Each commit is one day later.
const EPOCH: i64 = 1_767_225_600;

/// A temporary git repository built step by step.
pub struct RepoBuilder {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
    commits: i64,
}

impl RepoBuilder {
    /// `git init` on branch `main`.
    pub fn new() -> Self {
        let repo = RepoBuilder {
            dir: tempfile::tempdir().expect("temp dir"),
            home: tempfile::tempdir().expect("temp home"),
            commits: 0,
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// Keeps the folder after the test (for a look at a failing case); returns its path.
    #[allow(dead_code)]
    pub fn keep(self) -> PathBuf {
        self.dir.keep()
    }

    /// A repository holding a copy of `tests/fixtures/<name>/`, committed once.
    #[allow(dead_code)]
    pub fn from_fixture(name: &str) -> Self {
        let mut repo = RepoBuilder::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("read fixture") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(&root).expect("below the fixture");
                    repo.write(
                        &rel.to_string_lossy().replace('\\', "/"),
                        std::fs::read(&path).expect("read fixture file"),
                    );
                }
            }
        }
        repo.commit(name);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders).
    pub fn write(&self, path: &str, content: impl AsRef<[u8]>) -> &Self {
        let full = self.path().join(path);
        std::fs::create_dir_all(full.parent().expect("has parent")).expect("mkdir");
        std::fs::write(full, content).expect("write");
        self
    }

    #[allow(dead_code)]
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.path().join(path)).expect("read")
    }

    pub fn remove(&self, path: &str) -> &Self {
        std::fs::remove_file(self.path().join(path)).expect("remove");
        self
    }

    /// Commits everything (`git add -A`), one day after the previous commit; returns the full hash.
    pub fn commit(&mut self, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.commits += 1;
        let date = format!("@{} +0000", EPOCH + self.commits * 86_400);
        self.git_env(
            &["commit", "-q", "--allow-empty", "-m", message],
            &[("GIT_AUTHOR_DATE", &date), ("GIT_COMMITTER_DATE", &date)],
        );
        self.head()
    }

    /// A merge of `branch` into the current branch (no fast-forward); `-X ours`-style strategies can be passed.
    #[allow(dead_code)]
    pub fn merge(&mut self, branch: &str, extra: &[&str]) -> String {
        self.commits += 1;
        let date = format!("@{} +0000", EPOCH + self.commits * 86_400);
        let mut args = vec!["merge", "-q", "--no-ff", "-m", "merge"];
        args.extend_from_slice(extra);
        args.push(branch);
        self.git_env(
            &args,
            &[("GIT_AUTHOR_DATE", &date), ("GIT_COMMITTER_DATE", &date)],
        );
        self.head()
    }

    pub fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_owned()
    }

    /// Runs git in the repository and returns its stdout; panics when git fails.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_env(args, &[])
    }

    /// Like [`git`](Self::git), without panicking: (exit code, stdout).
    pub fn git_status(&self, args: &[&str]) -> (i32, String) {
        let output = self.git_command(args, &[]).output().expect("git runs");
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    }

    fn git_env(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let output = self.git_command(args, env).output().expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn git_command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new("git");
        command
            .args(args)
            .current_dir(self.path())
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.home.path().join("gitconfig"))
            .env("GIT_AUTHOR_NAME", "Test Author")
            .env("GIT_AUTHOR_EMAIL", "author@example.org")
            .env("GIT_COMMITTER_NAME", "Test Committer")
            .env("GIT_COMMITTER_EMAIL", "committer@example.org")
            .env("GIT_AUTHOR_DATE", format!("@{EPOCH} +0000"))
            .env("GIT_COMMITTER_DATE", format!("@{EPOCH} +0000"))
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        for (key, value) in env {
            command.env(key, value);
        }
        command
    }

    /// The tandem binary, run in the repository, in English unless the test says otherwise.
    pub fn tandem(&self) -> assert_cmd::Command {
        tandem_in(self.path())
    }

    /// The task file `tandem tasks` writes under that name (into a temporary folder).
    pub fn task(&self, file_name: &str) -> String {
        let out = tempfile::tempdir().expect("temporary folder");
        self.tandem()
            .args(["tasks", "--out", out.path().to_str().expect("UTF-8 path")])
            .assert()
            .success();
        std::fs::read_to_string(out.path().join(file_name)).expect("the task was written")
    }

    /// What tandem prints on stdout with `args` (whatever its exit code).
    #[allow(dead_code)]
    pub fn stdout(&self, args: &[&str]) -> String {
        let output = self.tandem().args(args).output().expect("tandem runs");
        String::from_utf8(output.stdout).expect("UTF-8 output")
    }

    /// Runs `tandem status --format json` with `args` and returns its JSON stdout (asserting exit 0).
    pub fn status_json(&self, args: &[&str]) -> serde_json::Value {
        let output = self
            .tandem()
            .arg("status")
            .args(args)
            .args(["--format", "json"])
            .output()
            .expect("tandem runs");
        assert!(
            output.status.success(),
            "tandem status {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("valid JSON")
    }
}

/// The tandem binary with a clean, English environment, run in `dir`.
pub fn tandem_in(dir: &Path) -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("tandem");
    command
        .current_dir(dir)
        .env_remove("TANDEM_UI_LANG")
        .env_remove("LANGUAGE")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("GITHUB_BASE_REF");
    command
}

/// The page of `translation` in a status JSON document.
pub fn page<'a>(json: &'a serde_json::Value, translation: &str) -> &'a serde_json::Value {
    json["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .find(|p| p["translation"] == translation)
        .unwrap_or_else(|| panic!("no page {translation} in {json:#}"))
}

/// The string `key` of each item of a JSON list (a status document's `pages`, a page's `signals`), in order.
pub fn each<'a>(list: &'a serde_json::Value, key: &str) -> Vec<&'a str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| {
            item[key]
                .as_str()
                .unwrap_or_else(|| panic!("no {key} in {item:#}"))
        })
        .collect()
}

/// A Markdown page with YAML front matter.
pub fn md(title: &str, extra_front_matter: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\n{extra_front_matter}---\n\n{body}\n")
}

/// A snapshot of every file under the work tree (path, bytes), `.git` included, to prove nothing was written — except
/// tandem's caches under `.git/tandem/`, the one thing commands that only read may write.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let caches = dir.join(".git").join("tandem");
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).expect("read dir") {
            let entry = entry.expect("entry");
            let path = entry.path();
            if path == caches {
                continue;
            }
            if entry.file_type().expect("type").is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap_or_default();
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// A fixture file's text: `tests/fixtures/<path>`.
pub fn fixture_text(path: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// `tandem compare` on two texts outside any repository: (state, signals as (kind, severity, items)).
pub fn compare_signals(
    source: &str,
    translation: &str,
    ext: &str,
) -> (String, Vec<(String, String, Vec<String>)>) {
    let dir = tempfile::tempdir().unwrap();
    let (s, t) = (format!("en.{ext}"), format!("fr.{ext}"));
    std::fs::write(dir.path().join(&s), source).unwrap();
    std::fs::write(dir.path().join(&t), translation).unwrap();
    let output = tandem_in(dir.path())
        .args(["compare", &s, &t, "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let signals = doc["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap().to_owned(),
                s["severity"].as_str().unwrap().to_owned(),
                s["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect();
    (doc["state"].as_str().unwrap().to_owned(), signals)
}

/// A page whose source changed (`Icon` → `Badge` in section "Props"), then had its title and first sentence
/// title-cased in a commit with a skip directive: what `diff` and `status` may list is the first change only.
pub fn skipped_title_case_site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    let en = "Components let you reuse UI.\n\n## Props\n\nUse the `Icon` component.\n";
    repo.write("content/en/x.md", md("Using components", "", en));
    repo.write(
        "content/fr/x.md",
        md(
            "Utiliser les composants",
            "",
            "Les composants permettent de réutiliser l'interface.\n\n## Props\n\nUtilisez le composant `Icon`.\n",
        ),
    );
    repo.commit("x, translated");
    let en = en.replace("`Icon`", "`Badge`");
    repo.write("content/en/x.md", md("Using components", "", &en));
    repo.commit("x: the Badge component");
    repo.write(
        "content/en/x.md",
        md(
            "Using Components",
            "",
            &en.replace("reuse UI.", "reuse UI!"),
        ),
    );
    repo.commit("Title case [skip-l10n]");
    repo
}
