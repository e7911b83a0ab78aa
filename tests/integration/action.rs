//! The GitHub Action (`action.yml`, `scripts/action-check.sh`) and the pre-commit hook (`.pre-commit-hooks.yaml`):
//! both files parse, document what the README says, and the action's script runs tandem on a real repository.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{RepoBuilder, md};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[derive(Debug, serde::Deserialize)]
struct Action {
    name: String,
    description: String,
    inputs: BTreeMap<String, Input>,
    runs: Runs,
}

#[derive(Debug, serde::Deserialize)]
struct Input {
    description: String,
    #[serde(default)]
    required: bool,
    default: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
struct Runs {
    using: String,
    steps: Vec<Step>,
}

#[derive(Debug, serde::Deserialize)]
struct Step {
    uses: Option<String>,
    run: Option<String>,
    shell: Option<String>,
    #[serde(default)]
    with: BTreeMap<String, String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
}

#[derive(Debug, serde::Deserialize)]
struct Hook {
    id: String,
    name: String,
    entry: String,
    #[serde(default)]
    args: Vec<String>,
    language: String,
    pass_filenames: bool,
    #[serde(default)]
    stages: Vec<String>,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap()
}

/// The inputs the README's table documents (`| \`name\` | … |` rows after "Its inputs:").
fn readme_inputs() -> Vec<String> {
    let readme = read("README.md");
    let start = readme
        .find("Its inputs:")
        .expect("the README documents the inputs");
    readme[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn action_yml_parses_and_has_the_inputs_the_readme_documents() {
    let action: Action = serde_saphyr::from_str(&read("action.yml")).expect("action.yml parses");
    assert!(!action.name.is_empty() && !action.description.is_empty());
    assert_eq!(action.runs.using, "composite");
    let inputs: Vec<String> = action.inputs.keys().cloned().collect();
    let mut documented = readme_inputs();
    documented.sort();
    assert_eq!(inputs, documented);
    for (name, input) in &action.inputs {
        assert!(!input.required, "{name} is optional");
        assert_eq!(input.default.as_deref(), Some(""), "{name}");
        assert!(!input.description.is_empty(), "{name}");
    }
    // The binary cached by the action's ref, OS and architecture; built from the action's own source.
    let cache = action
        .runs
        .steps
        .iter()
        .find(|s| {
            s.uses
                .as_deref()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .expect("a cache step");
    let key = &cache.with["key"];
    for part in ["github.action_ref", "runner.os", "runner.arch"] {
        assert!(key.contains(part), "{key}");
    }
    let runs: Vec<&Step> = action
        .runs
        .steps
        .iter()
        .filter(|s| s.run.is_some())
        .collect();
    assert!(runs.iter().all(|s| s.shell.as_deref() == Some("bash")));
    assert!(runs.iter().any(|s| {
        let run = s.run.as_deref().unwrap();
        run.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\"")
    }));
    let check = runs
        .iter()
        .find(|s| {
            s.run
                .as_deref()
                .unwrap()
                .contains("scripts/action-check.sh")
        })
        .expect("the check step runs the script");
    for (var, from) in [
        ("INPUT_BASE", "inputs.base"),
        ("INPUT_FAIL_ON", "inputs.fail-on"),
        ("INPUT_ARGS", "inputs.args"),
        ("PR_BASE_SHA", "github.event.pull_request.base.sha"),
        ("PR_HEAD_SHA", "github.event.pull_request.head.sha"),
        ("PUSH_BEFORE", "github.event.before"),
    ] {
        assert!(check.env[var].contains(from), "{var}: {}", check.env[var]);
    }
    assert!(check.env["TANDEM_BIN"].ends_with("/bin/tandem"));
    // The README's workflow uses the action with an input it has.
    let readme = read("README.md");
    assert!(readme.contains("      - uses: OWNER/tandem@v1\n        with:\n          fail-on: "));
}

#[test]
fn pre_commit_hook_parses_and_runs_tandem_check() {
    let hooks: Vec<Hook> = serde_saphyr::from_str(&read(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml parses");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(hook.id, "tandem-check");
    assert!(!hook.name.is_empty());
    assert_eq!(hook.language, "rust");
    // The pushed commits, not the work tree; the base in the default args, which a repository's `args:` replace (in
    // the entry, a second --base was a clap error).
    assert_eq!(hook.entry, "tandem check --rev HEAD");
    assert_eq!(hook.args, ["--base", "origin/main"]);
    assert!(!hook.pass_filenames);
    assert!(read("README.md").contains("      - id: tandem-check\n"));
    // At the pre-commit stage, `check --base` read the branch's commits without the one being made: a staged source
    // change passed. Before a push, the commits are all there.
    assert_eq!(hook.stages, ["pre-push"]);
}

const EN: &str = "## Usage\n\nRun `lumen`.\n";
const FR: &str = "## Utilisation\n\nLancez `lumen`.\n";

/// main: en and fr; branch `pr` changes the source only.
fn pull_request() -> (RepoBuilder, String) {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN));
    let c1 = repo.commit("en");
    repo.write(
        "content/fr/a.md",
        md("A", &format!("default_lang_commit: {c1}\n"), FR),
    );
    let base = repo.commit("fr");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("`lumen`", "`lumen --all`")),
    );
    repo.commit("en: change");
    (repo, base)
}

fn script(repo: &RepoBuilder, env: &[(&str, &str)]) -> (i32, String, String) {
    script_in(repo.path(), env)
}

/// The action's script run in `dir` with the event's `env`: (exit code, stdout, stderr).
fn script_in(dir: &Path, env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = std::process::Command::new("bash");
    command
        .arg(Path::new(ROOT).join("scripts/action-check.sh"))
        .current_dir(dir)
        .env("TANDEM_BIN", env!("CARGO_BIN_EXE_tandem"))
        .env("LC_ALL", "C")
        .env_remove("TANDEM_UI_LANG")
        .env_remove("CI")
        .env_remove("GITHUB_STEP_SUMMARY");
    for var in [
        "INPUT_BASE",
        "INPUT_FAIL_ON",
        "INPUT_ARGS",
        "EVENT_NAME",
        "PR_BASE_SHA",
        "PR_HEAD_SHA",
        "BASE_REF",
        "PUSH_BEFORE",
    ] {
        command.env_remove(var);
    }
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn action_script_checks_the_pull_request_of_the_event() {
    let (repo, base) = pull_request();
    let summary = repo.path().join("summary.md");
    let summary_str = summary.to_string_lossy().into_owned();
    let (code, stdout, stderr) = script(
        &repo,
        &[
            ("EVENT_NAME", "pull_request"),
            ("PR_BASE_SHA", &base),
            ("BASE_REF", "main"),
            ("GITHUB_STEP_SUMMARY", &summary_str),
        ],
    );
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!("check --format github --base {base}")),
        "{stdout}"
    );
    assert!(
        stdout.contains("::error file=content/en/a.md,line=7,title=Translation not updated (fr)::"),
        "{stdout}"
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(written.starts_with("## tandem check\n"), "{written}");

    // fail-on and extra arguments pass through (fail-on written as a YAML list reads, `a, b`: it failed on ` b`); a
    // base commit the clone lacks falls back to origin/<base branch>.
    repo.git(&["update-ref", "refs/remotes/origin/main", &base]);
    let (code, stdout, _) = script(
        &repo,
        &[
            ("EVENT_NAME", "pull_request"),
            ("PR_BASE_SHA", "1234567890123456789012345678901234567890"),
            ("BASE_REF", "main"),
            ("INPUT_FAIL_ON", "invalid-pin, missing-pin"),
            ("INPUT_ARGS", "--lang fr --mode pin"),
        ],
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout
            .contains("--base origin/main --fail-on invalid-pin,missing-pin --lang fr --mode pin"),
        "{stdout}"
    );
    assert!(
        stdout.contains("::warning file=content/en/a.md,line=7,"),
        "{stdout}"
    );

    // A push compares with the commit before it; the base input wins over the event.
    let (code, stdout, _) = script(&repo, &[("EVENT_NAME", "push"), ("PUSH_BEFORE", &base)]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(&format!("--base {base} --pushed")),
        "{stdout}"
    );
    let head = repo.head();
    let (code, stdout, _) = script(
        &repo,
        &[
            ("EVENT_NAME", "push"),
            ("PUSH_BEFORE", &base),
            ("INPUT_BASE", &head),
        ],
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("This pull request") || stdout.contains("tandem: 0 translations"),
        "{stdout}"
    );
    // A push that creates a branch has no previous commit: the whole repository is checked.
    let (_, stdout, _) = script(
        &repo,
        &[
            ("EVENT_NAME", "push"),
            ("PUSH_BEFORE", "0000000000000000000000000000000000000000"),
        ],
    );
    assert!(!stdout.contains("--base"), "{stdout}");
}

#[test]
fn action_blamed_the_base_branchs_new_commits_on_the_pull_request() {
    // main: a and b, en and fr. The pull request changes a's source; after it was opened, main changed b's source.
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", EN))
        .write("content/en/b.md", md("B", "", EN));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/a.md", md("A", &pin, FR))
        .write("content/fr/b.md", md("B", &pin, FR));
    // What GitHub keeps as base.sha: main's tip when the pull request was opened.
    let opened_on = repo.commit("fr");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("`lumen`", "`lumen --all`")),
    );
    let pr_head = repo.commit("en: a");
    repo.git(&["checkout", "-q", "main"]);
    repo.write(
        "content/en/b.md",
        md("B", "", &EN.replace("`lumen`", "`lumen --quiet`")),
    );
    repo.commit("en: b, someone else's");
    repo.git(&["update-ref", "refs/remotes/origin/main", "main"]);
    // GitHub's test merge of the pull request into main's tip, as actions/checkout checks it out (detached).
    repo.git(&["checkout", "-q", "--detach", "main"]);
    repo.merge("pr", &[]);
    let event = |head: Option<&str>| {
        let mut env = vec![
            ("EVENT_NAME", "pull_request"),
            ("PR_BASE_SHA", opened_on.as_str()),
            ("BASE_REF", "main"),
        ];
        if let Some(head) = head {
            env.push(("PR_HEAD_SHA", head));
        }
        script(&repo, &env)
    };
    // With the pull request's head, and without it (two parents are enough on pull_request).
    for head in [Some(pr_head.as_str()), None] {
        let (code, stdout, stderr) = event(head);
        assert_eq!(code, 1, "{stdout}{stderr}");
        assert!(stdout.contains("--base HEAD^1"), "{stdout}");
        assert!(stdout.contains("::error file=content/en/a.md,"), "{stdout}");
        assert!(!stdout.contains("content/en/b.md"), "{stdout}");
    }
    // A merge commit that is not the pull request's (its second parent is another commit): origin/main.
    let (code, stdout, _) = event(Some(&opened_on));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("--base origin/main"), "{stdout}");
    assert!(!stdout.contains("content/en/b.md"), "{stdout}");
    // Neither a test merge nor origin/main: base.sha, the last resort.
    repo.git(&["update-ref", "-d", "refs/remotes/origin/main"]);
    let (_, stdout, _) = event(Some(&opened_on));
    assert!(stdout.contains(&format!("--base {opened_on}")), "{stdout}");
}

#[test]
fn action_on_a_forced_push_exited_2_on_the_commit_before_it() {
    let (mut repo, base) = pull_request();
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["merge", "-q", "--ff-only", "pr"]);
    // A commit pushed, then rewritten by a forced push: the clone never gets it (no branch leads to it).
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("`lumen`", "`lumen -v`")),
    );
    let before = repo.commit("en: rewritten later");
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    repo.write(
        "content/en/a.md",
        md("A", "", &EN.replace("`lumen`", "`lumen --verbose`")),
    );
    repo.commit("en: the forced push");
    repo.git(&["reflog", "expire", "--expire=now", "--all"]);
    repo.git(&["gc", "-q", "--prune=now"]);
    assert_ne!(repo.git_status(&["cat-file", "-e", &before]).0, 0);
    let push = [("EVENT_NAME", "push"), ("PUSH_BEFORE", before.as_str())];
    // The clone has HEAD^1: it stands in, with a warning that says why and how to avoid it.
    let (code, stdout, stderr) = script(&repo, &push);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!(
            "::warning::the commit before the push ({before}) is not in this clone: actions/checkout's default \
             fetch-depth (1) leaves it out (set fetch-depth: 0), and after a forced push it is on no branch. \
             Checking what the push's last commit changed (against HEAD^1) instead.\n"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("check --format github --base HEAD^1 --pushed"),
        "{stdout}"
    );
    assert!(stdout.contains("::error file=content/en/a.md,"), "{stdout}");
    // In the language tandem speaks.
    let (_, stdout, _) = script(&repo, &[push[0], push[1], ("TANDEM_UI_LANG", "fr")]);
    assert!(
        stdout.contains("::warning::le commit d’avant le push ("),
        "{stdout}"
    );
    // actions/checkout's default depth: HEAD alone, and no HEAD^1. The whole repository is checked.
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    let cloned = std::process::Command::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(clone.path().join("c"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(cloned.success());
    let (_, stdout, _) = script_in(
        &clone.path().join("c"),
        &[("EVENT_NAME", "push"), ("PUSH_BEFORE", &base)],
    );
    assert!(
        stdout.contains("Checking the whole repository instead.\n"),
        "{stdout}"
    );
    assert!(stdout.contains("check --format github\n"), "{stdout}");
}

/// The pre-commit hook's command line (entry, then `args`: the hook's default ones, or a repository's own), with the
/// tandem being tested.
fn hook_command(repo: &RepoBuilder, args: Option<&[&str]>) -> std::process::Output {
    let hooks: Vec<Hook> = serde_saphyr::from_str(&read(".pre-commit-hooks.yaml")).unwrap();
    let hook = &hooks[0];
    let mut words = hook.entry.split_whitespace();
    assert_eq!(words.next(), Some("tandem"));
    let mut command = repo.tandem();
    command.args(words);
    match args {
        Some(args) => command.args(args),
        None => command.args(&hook.args),
    };
    command.output().unwrap()
}

/// The README's `.git/hooks/pre-push`, run by sh with the tandem being tested first on PATH.
fn readme_pre_push(repo: &RepoBuilder, env: &[(&str, &str)]) -> std::process::Output {
    let readme = read("README.md");
    let start = readme
        .find("`.git/hooks/pre-push`")
        .expect("the README has a plain hook");
    let script = readme[start..]
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the hook's script");
    let bin = Path::new(env!("CARGO_BIN_EXE_tandem")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut command = std::process::Command::new("sh");
    command
        .args(["-c", script])
        .current_dir(repo.path())
        .env("PATH", path)
        .env("LC_ALL", "C")
        .env_remove("TANDEM_UI_LANG")
        .env_remove("TANDEM_BASE")
        .env_remove("GITHUB_STEP_SUMMARY");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

#[test]
fn pre_push_hooks_judged_the_work_tree_not_the_pushed_commits() {
    // The branch commits a source change and leaves fr behind; the work tree has fr deleted, not committed.
    let (repo, _) = pull_request();
    repo.git(&["update-ref", "refs/remotes/origin/main", "main"]);
    repo.remove("content/fr/a.md");
    let output = hook_command(&repo, None);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("content/en/a.md changed — to update: fr"),
        "{stdout}"
    );
    let output = readme_pre_push(&repo, &[]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The base can be changed: a repository's args replace the hook's (a fork's upstream/main, a master branch)…
    repo.git(&["update-ref", "refs/remotes/upstream/main", "main"]);
    repo.git(&["update-ref", "-d", "refs/remotes/origin/main"]);
    let output = hook_command(&repo, Some(&["--base", "upstream/main"]));
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // … and TANDEM_BASE the plain hook's.
    let output = readme_pre_push(&repo, &[("TANDEM_BASE", "upstream/main")]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn action_on_pull_request_target_passed_on_the_base_branch_it_checked_out() {
    // On pull_request_target, actions/checkout checks out the base branch: the pull request's commits are not there,
    // and a check of main against origin/main found nothing and passed.
    let (repo, base) = pull_request();
    let pr_head = repo.head();
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["update-ref", "refs/remotes/origin/main", "main"]);
    let event = |name: &'static str, head: &str| {
        script(
            &repo,
            &[
                ("EVENT_NAME", name),
                ("PR_BASE_SHA", base.as_str()),
                ("PR_HEAD_SHA", head),
                ("BASE_REF", "main"),
            ],
        )
    };
    let (code, stdout, stderr) = event("pull_request_target", &pr_head);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stdout.starts_with("::error::"), "{stdout}");
    assert!(
        stdout.contains("ref: ${{ github.event.pull_request.head.sha }}"),
        "{stdout}"
    );
    assert!(!stdout.contains("check --format github"), "{stdout}");
    // The pull request's head not even in the clone (a fork's, fetched by nobody): the same.
    let (code, stdout, _) = event(
        "pull_request_target",
        "1234567890123456789012345678901234567890",
    );
    assert_eq!(code, 2, "{stdout}");
    // In French, as the rest of the report.
    let (_, stdout, _) = script(
        &repo,
        &[
            ("EVENT_NAME", "pull_request_target"),
            ("PR_HEAD_SHA", pr_head.as_str()),
            ("BASE_REF", "main"),
            ("TANDEM_UI_LANG", "fr"),
        ],
    );
    assert!(stdout.contains("la branche de base"), "{stdout}");
    // With the head checked out, as the README says, the pull request is checked.
    repo.git(&["checkout", "-q", &pr_head]);
    let (code, stdout, _) = event("pull_request_target", &pr_head);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("--base origin/main"), "{stdout}");
}
