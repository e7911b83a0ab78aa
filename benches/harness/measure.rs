//! Running the commands, timing them, and writing the report.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the measured commands.
pub struct Runner {
    tandem: PathBuf,
    runs: usize,
    /// Run the per-file loops on at most this many files and extrapolate (for corpora where they take hours).
    loop_limit: Option<usize>,
    /// The same for the lsync loop (two processes per file).
    lsync_limit: Option<usize>,
}

/// A per-file loop: how long it took for how many files, and for how many it would have run.
pub struct LoopTime {
    pub elapsed: Duration,
    pub ran: usize,
    pub total: usize,
}

impl LoopTime {
    /// The time for every file (extrapolated when sampled).
    pub fn full(&self) -> Duration {
        if self.ran == 0 {
            return Duration::ZERO;
        }
        self.elapsed.mul_f64(self.total as f64 / self.ran as f64)
    }

    fn describe(&self) -> String {
        if self.ran < self.total {
            format!(
                "{} (extrapolated from {} of {} files: {})",
                secs(self.full()),
                self.ran,
                self.total,
                secs(self.elapsed)
            )
        } else {
            secs(self.elapsed)
        }
    }
}

/// tandem's times in one mode: cold (no cache), warm (cache for this HEAD), wall clock and CPU (user + system), and
/// peak RSS cold.
#[derive(Clone, Copy)]
pub struct ModeTimes {
    pub cold: Duration,
    pub warm: Duration,
    pub cold_cpu: Option<Duration>,
    pub warm_cpu: Option<Duration>,
    pub rss_kb: Option<u64>,
}

/// One run of a command: wall clock, CPU time and peak RSS (the last two from GNU time, when installed).
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Option<Duration>,
    rss_kb: Option<u64>,
}

/// What one corpus measured.
pub struct Figures {
    pub label: String,
    /// `small`, `glossary` or `large`: which targets apply.
    pub role: &'static str,
    pub commits: u64,
    pub merges: u64,
    pub source_pages: usize,
    pub translations: usize,
    pub pinned: usize,
    pub git_dir_mb: f64,
    pub pin_loop: Option<LoopTime>,
    pub lsync_loop: Option<LoopTime>,
    pub git_log: Duration,
    pub git_log_cpu: Option<Duration>,
    /// `--mode pin --strict`, `--mode pin`, `--mode history --strict`, `--mode history`.
    pub pin_strict: ModeTimes,
    pub pin: ModeTimes,
    pub history_strict: ModeTimes,
    pub history: ModeTimes,
    pub states: String,
    /// Small and custom corpora: a pull request's check, warm, beside one `git diff --name-only` of the same range.
    pub pull_request: Option<PullRequestTimes>,
}

/// `tandem check --base <base>` (warm: its caches written by a first run) and `git diff --name-only <base>...HEAD`.
pub struct PullRequestTimes {
    pub base: &'static str,
    /// Files the range changes, as git lists them.
    pub files: usize,
    pub git_diff: Duration,
    pub git_diff_cpu: Option<Duration>,
    pub check_warm: Duration,
    pub check_warm_cpu: Option<Duration>,
}

/// The base of the pull request measured: the first-parent commit ten merges or commits back.
pub const PR_BASE: &str = "HEAD~10";

/// `tandem check --base <base> --warn-only --format json` (exit 0 whatever it finds).
pub fn pr_check_command(tandem: &Path, repo: &Path, base: &str) -> Command {
    let mut command = Command::new(tandem);
    command
        .args(["check", "--base", base, "--warn-only", "--format", "json"])
        .current_dir(repo)
        .env("LC_ALL", "C")
        .env_remove("CI")
        .env_remove("GITHUB_STEP_SUMMARY");
    command
}

fn git_diff_command(repo: &Path, base: &str) -> Command {
    let mut command = Command::new("git");
    command
        .args(["diff", "--name-only", &format!("{base}...HEAD")])
        .current_dir(repo);
    command
}

impl Runner {
    pub fn new(
        tandem: &Path,
        runs: usize,
        loop_limit: Option<usize>,
        lsync_limit: Option<usize>,
    ) -> Runner {
        Runner {
            tandem: tandem.to_path_buf(),
            runs: runs.max(1),
            loop_limit,
            lsync_limit,
        }
    }

    pub fn runs(&self) -> usize {
        self.runs
    }

    pub fn run(&self, label: &str, role: &'static str, repo: &Path, lsync: bool) -> Figures {
        eprintln!("harness: measuring {label}");
        let count = |args: &[&str]| -> u64 {
            crate::corpus::git(repo, args)
                .expect("git rev-list")
                .trim()
                .parse()
                .expect("a count")
        };
        let commits = count(&["rev-list", "--count", "HEAD"]);
        let merges = count(&["rev-list", "--count", "--merges", "HEAD"]);
        let translations = translations(repo);
        let pins = pinned_translations(repo);
        let source_pages = list(&repo.join("content/en")).len();

        // Warm the page cache for everyone.
        git_log(repo);

        let pin_loop = (!pins.is_empty()).then(|| self.pin_loop(repo, &pins));
        let lsync_loop = lsync.then(|| self.lsync_loop(repo, &translations));
        let git_log_samples: Vec<Sample> = (0..self.runs)
            .map(|_| self.sample(git_log_command(repo)))
            .collect();
        let (git_log, git_log_cpu) = medians(&git_log_samples);

        let pin_strict = self.mode(repo, &["--mode", "pin", "--strict"]);
        let pin = self.mode(repo, &["--mode", "pin"]);
        let history_strict = self.mode(repo, &["--mode", "history", "--strict"]);
        let history = self.mode(repo, &["--mode", "history"]);
        let states = self.states(repo);
        let pull_request =
            matches!(role, "small" | "custom").then(|| self.pull_request(repo, PR_BASE));

        Figures {
            label: label.to_owned(),
            role,
            commits,
            merges,
            source_pages,
            translations: translations.len(),
            pinned: pins.len(),
            git_dir_mb: dir_size(&repo.join(".git")) as f64 / 1e6,
            pin_loop,
            lsync_loop,
            git_log,
            git_log_cpu,
            pin_strict,
            pin,
            history_strict,
            history,
            states,
            pull_request,
        }
    }

    /// A pull request's check, warm (a first run writes the caches), beside one `git diff --name-only`.
    fn pull_request(&self, repo: &Path, base: &'static str) -> PullRequestTimes {
        let files = crate::corpus::git(repo, &["diff", "--name-only", &format!("{base}...HEAD")])
            .expect("git diff")
            .lines()
            .count();
        let diff: Vec<Sample> = (0..self.runs)
            .map(|_| self.sample(git_diff_command(repo, base)))
            .collect();
        self.sample(pr_check_command(&self.tandem, repo, base));
        let check: Vec<Sample> = (0..self.runs)
            .map(|_| self.sample(pr_check_command(&self.tandem, repo, base)))
            .collect();
        let (git_diff, git_diff_cpu) = medians(&diff);
        let (check_warm, check_warm_cpu) = medians(&check);
        PullRequestTimes {
            base,
            files,
            git_diff,
            git_diff_cpu,
            check_warm,
            check_warm_cpu,
        }
    }

    /// Cold and warm medians and the cold peak RSS of `tandem status <args> --format json`.
    fn mode(&self, repo: &Path, args: &[&str]) -> ModeTimes {
        let cold: Vec<Sample> = (0..self.runs)
            .map(|_| {
                clear_cache(repo);
                self.sample(self.tandem(repo, args))
            })
            .collect();
        let warm: Vec<Sample> = (0..self.runs)
            .map(|_| self.sample(self.tandem(repo, args)))
            .collect();
        let (cold_wall, cold_cpu) = medians(&cold);
        let (warm_wall, warm_cpu) = medians(&warm);
        ModeTimes {
            cold: cold_wall,
            warm: warm_wall,
            cold_cpu,
            warm_cpu,
            rss_kb: cold.iter().filter_map(|s| s.rss_kb).max(),
        }
    }

    /// Runs a command once, through GNU time when it is there (`-o` keeps its figures apart from the command's own
    /// stderr); the command must succeed.
    fn sample(&self, command: Command) -> Sample {
        let time = Path::new("/usr/bin/time");
        let figures = tempfile::NamedTempFile::new().expect("temp file");
        let mut run = if time.exists() {
            let mut wrapped = Command::new(time);
            wrapped
                .args(["-f", "%U %S %M", "-o"])
                .arg(figures.path())
                .arg(command.get_program())
                .args(command.get_args());
            if let Some(dir) = command.get_current_dir() {
                wrapped.current_dir(dir);
            }
            for (key, value) in command.get_envs() {
                match value {
                    Some(value) => wrapped.env(key, value),
                    None => wrapped.env_remove(key),
                };
            }
            wrapped
        } else {
            command
        };
        run.stdout(Stdio::null()).stderr(Stdio::null());
        let started = Instant::now();
        let status = run.status().expect("the command runs");
        let wall = started.elapsed();
        assert!(status.success(), "{run:?} failed");
        let text = std::fs::read_to_string(figures.path()).unwrap_or_default();
        let numbers: Vec<f64> = text
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        match numbers.as_slice() {
            [user, system, rss] => Sample {
                wall,
                cpu: Some(Duration::from_secs_f64(user + system)),
                rss_kb: Some(*rss as u64),
            },
            _ => Sample {
                wall,
                cpu: None,
                rss_kb: None,
            },
        }
    }

    fn tandem(&self, repo: &Path, args: &[&str]) -> Command {
        let mut command = Command::new(&self.tandem);
        command
            .arg("status")
            .args(args)
            .args(["--format", "json"])
            .current_dir(repo)
            .env("LC_ALL", "C")
            .env_remove("CI");
        command
    }

    /// The count of each verdict in pins mode and history mode, for the report.
    fn states(&self, repo: &Path) -> String {
        let mut parts = Vec::new();
        for mode in ["pin", "history"] {
            let output = self
                .tandem(repo, &["--mode", mode])
                .output()
                .expect("tandem runs");
            let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
            let mut counts = std::collections::BTreeMap::new();
            for page in json["pages"].as_array().into_iter().flatten() {
                *counts
                    .entry(page["state"].as_str().unwrap_or("?").to_owned())
                    .or_insert(0) += 1;
            }
            let list: Vec<String> = counts.iter().map(|(s, n)| format!("{n} {s}")).collect();
            parts.push(format!("{mode}: {}", list.join(", ")));
        }
        parts.join("; ")
    }

    fn limit<'a, T>(&self, items: &'a [T], limit: Option<usize>) -> &'a [T] {
        match limit {
            Some(limit) if limit < items.len() => &items[..limit],
            _ => items,
        }
    }

    /// `git diff --quiet <pin>...HEAD -- <source>` for each pinned translation, one process each.
    fn pin_loop(&self, repo: &Path, pins: &[Pinned]) -> LoopTime {
        let sample = self.limit(pins, self.loop_limit);
        let started = Instant::now();
        for pin in sample {
            let status = Command::new("git")
                .args([
                    "diff",
                    "--quiet",
                    &format!("{}...HEAD", pin.pin),
                    "--",
                    &pin.source,
                ])
                .current_dir(repo)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("git runs");
            assert!(status.code().is_some_and(|c| c <= 1), "git diff failed");
        }
        LoopTime {
            elapsed: started.elapsed(),
            ran: sample.len(),
            total: pins.len(),
        }
    }

    /// The lsync method: `git log -1 --format=%H -- <translation>`, then `git diff --quiet <that>...HEAD -- <source>`.
    fn lsync_loop(&self, repo: &Path, translations: &[(String, String)]) -> LoopTime {
        let sample = self.limit(translations, self.lsync_limit);
        let started = Instant::now();
        for (translation, source) in sample {
            let output = Command::new("git")
                .args(["log", "-1", "--format=%H", "--", translation])
                .current_dir(repo)
                .output()
                .expect("git runs");
            let sync = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            if sync.is_empty() || !repo.join(source).exists() {
                continue;
            }
            Command::new("git")
                .args(["diff", "--quiet", &format!("{sync}...HEAD"), "--", source])
                .current_dir(repo)
                .stdout(Stdio::null())
                .status()
                .expect("git runs");
        }
        LoopTime {
            elapsed: started.elapsed(),
            ran: sample.len(),
            total: translations.len(),
        }
    }
}

/// One `git log` pass over the content roots: what tandem's history walk is compared with.
fn git_log_command(repo: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .args(["log", "--name-only", "--format=%H", "--", "content"])
        .current_dir(repo);
    command
}

fn git_log(repo: &Path) {
    let status = git_log_command(repo)
        .stdout(Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git log failed");
}

/// Median wall clock and median CPU time of samples.
fn medians(samples: &[Sample]) -> (Duration, Option<Duration>) {
    let mut wall: Vec<Duration> = samples.iter().map(|s| s.wall).collect();
    wall.sort();
    let mut cpu: Vec<Duration> = samples.iter().filter_map(|s| s.cpu).collect();
    cpu.sort();
    let cpu = (cpu.len() == samples.len() && !cpu.is_empty()).then(|| cpu[cpu.len() / 2]);
    (wall[wall.len() / 2], cpu)
}

fn clear_cache(repo: &Path) {
    let _ = std::fs::remove_dir_all(repo.join(".git").join("tandem"));
}

/// A translation with a pin, and its source.
pub struct Pinned {
    pub source: String,
    pub pin: String,
}

/// Every translation under `content/<lang>/` (all languages but `en`) with its source path, sorted.
fn translations(repo: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(repo.join("content")) else {
        return out;
    };
    let mut langs: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|l| l != "en")
        .collect();
    langs.sort();
    for lang in langs {
        let root = repo.join("content").join(&lang);
        for rel in list(&root) {
            if rel.ends_with(".md") || rel.ends_with(".html") || rel.ends_with(".markdown") {
                out.push((format!("content/{lang}/{rel}"), format!("content/en/{rel}")));
            }
        }
    }
    out
}

/// The translations whose front matter has a `default_lang_commit` pin and whose source exists.
pub fn pinned_translations(repo: &Path) -> Vec<Pinned> {
    let mut out = Vec::new();
    for (translation, source) in translations(repo) {
        if !repo.join(&source).exists() {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(repo.join(&translation)) else {
            continue;
        };
        let pin = text
            .lines()
            .skip(1)
            .take_while(|l| *l != "---")
            .find_map(|l| l.strip_prefix("default_lang_commit:"))
            .map(|v| v.split('#').next().unwrap_or("").trim().to_owned());
        if let Some(pin) = pin.filter(|p| !p.is_empty()) {
            out.push(Pinned { source, pin });
        }
    }
    out
}

/// Files under `root`, relative to it with `/`, sorted.
fn list(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            match entry.metadata() {
                Ok(meta) if meta.is_dir() => stack.push(entry.path()),
                Ok(meta) => total += meta.len(),
                Err(_) => {}
            }
        }
    }
    total
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else {
        format!("{:.1} ms", s * 1000.0)
    }
}

fn ratio(slow: Duration, fast: Duration) -> f64 {
    slow.as_secs_f64() / fast.as_secs_f64().max(1e-9)
}

fn cpu(d: Option<Duration>) -> String {
    d.map(secs).unwrap_or_else(|| "?".to_owned())
}

fn mb(kb: Option<u64>) -> String {
    kb.map(|kb| format!("{:.0} MB", kb as f64 / 1024.0))
        .unwrap_or_else(|| "not measured (no /usr/bin/time)".to_owned())
}

fn run_text(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn machine() -> Vec<String> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok())
        .map(|kb| format!("{:.0} GB", kb / 1024.0 / 1024.0))
        .unwrap_or_default();
    let manifest = env!("CARGO_MANIFEST_DIR");
    vec![
        format!("CPU: {cpu}, {cores} cores available, {memory} of memory"),
        format!("System: {}", run_text("uname", &["-srm"])),
        format!(
            "{}; {}",
            run_text("git", &["--version"]),
            run_text("rustc", &["--version"])
        ),
        format!(
            "tandem: commit {} (release build, `cargo bench` profile)",
            run_text("git", &["-C", manifest, "rev-parse", "--short", "HEAD"])
        ),
    ]
}

/// BENCHMARKS.md: machine, date, commands and figures.
pub fn report(results: &[Figures], runner: &Runner, notes: &str) -> String {
    let mut md = String::new();
    let date = run_text("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    md.push_str("# Benchmarks\n\n");
    md.push_str(&format!(
        "Written by `cargo bench --bench harness` on {date}; run it again rather than editing this file (the \
         harness keeps the text under \"Notes\" from `benches/harness/notes.md`). Times are medians of {} runs \
         (the per-file loops run once); the page cache is warm for every command. \"Cold\" means no tandem cache \
         (`.git/tandem/` removed before each run); \"warm\" means a second run with HEAD unchanged.\n\n",
        runner.runs()
    ));
    md.push_str("## Machine\n\n");
    for line in machine() {
        md.push_str(&format!("- {line}\n"));
    }
    md.push_str("\n## Commands\n\n");
    md.push_str(
        "- per-file pin loop: for each translation with a `default_lang_commit` pin whose source exists, \
         `git diff --quiet <pin>...HEAD -- <source>` (one process per file);\n\
         - lsync loop: for each translation, `git log -1 --format=%H -- <translation>` then \
         `git diff --quiet <that>...HEAD -- <source>`;\n\
         - one git log pass: `git log --name-only --format=%H -- content`;\n\
         - pull request (small and custom corpora): `tandem check --base HEAD~10 --warn-only --format json`, warm (a first \
         run writes its caches), beside one `git diff --name-only HEAD~10...HEAD`;\n\
         - tandem: `tandem status --mode pin|history [--strict] --format json`. `--strict` is the history engine \
         alone (byte verdicts, as the loops give); without it tandem also runs the cosmetic filter, commit \
         directives, masked drift and structure signals, which read and parse page versions. Both count \
         `commits_behind` for every page, which the loops do not;\n\
         - CPU (user + system) and peak RSS: GNU time (`/usr/bin/time -f \"%U %S %M\"`); medians, and the highest \
         RSS of the cold runs. The machine is shared with other work: CPU time is the steadier figure.\n",
    );
    md.push_str(&targets(results));
    for f in results {
        md.push_str(&format!("\n## {}\n\n", f.label));
        md.push_str(&format!(
            "{} commits ({} merges), {} source pages, {} translations ({} pinned with an existing source), \
             .git {:.0} MB. Verdicts: {}.\n\n",
            f.commits, f.merges, f.source_pages, f.translations, f.pinned, f.git_dir_mb, f.states
        ));
        md.push_str(
            "| | cold | warm | CPU cold / warm | peak RSS (cold) | versus the baseline (cold / warm) |\n",
        );
        md.push_str("|---|---:|---:|---:|---:|---:|\n");
        let row = |md: &mut String, name: &str, t: &ModeTimes, base: Duration, faster: bool| {
            let versus = if faster {
                format!(
                    "{:.0}× / {:.0}× faster",
                    ratio(base, t.cold),
                    ratio(base, t.warm)
                )
            } else {
                format!("{:.2}× / {:.2}×", ratio(t.cold, base), ratio(t.warm, base))
            };
            md.push_str(&format!(
                "| {name} | {} | {} | {} / {} | {} | {versus} |\n",
                secs(t.cold),
                secs(t.warm),
                cpu(t.cold_cpu),
                cpu(t.warm_cpu),
                mb(t.rss_kb)
            ));
        };
        match &f.pin_loop {
            Some(pin_loop) => {
                md.push_str(&format!(
                    "| per-file pin loop ({} `git diff` runs) | {} | | | | baseline |\n",
                    pin_loop.total,
                    pin_loop.describe()
                ));
                row(
                    &mut md,
                    "tandem `--mode pin --strict`",
                    &f.pin_strict,
                    pin_loop.full(),
                    true,
                );
                row(
                    &mut md,
                    "tandem `--mode pin`",
                    &f.pin,
                    pin_loop.full(),
                    true,
                );
            }
            None => {
                md.push_str("| per-file pin loop | no pins in this corpus | | | | |\n");
            }
        }
        md.push_str(&format!(
            "| one `git log` pass | {} | | {} | | baseline |\n",
            secs(f.git_log),
            cpu(f.git_log_cpu)
        ));
        row(
            &mut md,
            "tandem `--mode history --strict`",
            &f.history_strict,
            f.git_log,
            false,
        );
        row(
            &mut md,
            "tandem `--mode history`",
            &f.history,
            f.git_log,
            false,
        );
        if let Some(lsync) = &f.lsync_loop {
            md.push_str(&format!(
                "| lsync loop ({} translations) | {} | | | | {:.0}× slower than tandem `--mode history --strict` cold |\n",
                lsync.total,
                lsync.describe(),
                ratio(lsync.full(), f.history_strict.cold)
            ));
        }
        if let Some(pr) = &f.pull_request {
            md.push_str(&format!(
                "\nA pull request (`--base {}`, {} files changed):\n\n| | warm | CPU | versus the baseline |\n|---|---:|---:|---:|\n",
                pr.base, pr.files
            ));
            md.push_str(&format!(
                "| one `git diff --name-only {}...HEAD` | {} | {} | baseline |\n",
                pr.base,
                secs(pr.git_diff),
                cpu(pr.git_diff_cpu)
            ));
            md.push_str(&format!(
                "| tandem `check --base {}` | {} | {} | {:.2}× |\n",
                pr.base,
                secs(pr.check_warm),
                cpu(pr.check_warm_cpu),
                ratio(pr.check_warm, pr.git_diff)
            ));
        }
    }
    if !notes.trim().is_empty() {
        md.push_str("\n## Notes\n\n");
        md.push_str(notes.trim());
        md.push('\n');
    }
    md
}

/// The performance targets, checked against the figures: `--strict` cold within 1.5× one `git log` pass, the
/// default mode (which reads and parses page versions) within 2×, both warm within 50 ms.
fn targets(results: &[Figures]) -> String {
    let mut md = String::from("\n## Targets\n\n| target | figure | met |\n|---|---|:---:|\n");
    let mark = |ok: bool| if ok { "yes" } else { "**no**" };
    for f in results {
        let name = f.role;
        if let (Some(pin_loop), "small") = (&f.pin_loop, f.role) {
            for (label, t) in [("`--strict`", &f.pin_strict), ("default", &f.pin)] {
                let x = ratio(pin_loop.full(), t.cold);
                md.push_str(&format!(
                    "| pins ≥ 200× faster than the per-file loop ({name}, {label}, cold) | {x:.0}× | {} |\n",
                    mark(x >= 200.0)
                ));
            }
        }
        if f.role != "large" {
            for (label, t, limit) in [
                ("`--strict`", &f.history_strict, 1.5),
                ("default", &f.history, 2.0),
            ] {
                let x = ratio(t.cold, f.git_log);
                let by_cpu = match (t.cold_cpu, f.git_log_cpu) {
                    (Some(a), Some(b)) => format!(" ({:.2}× in CPU time)", ratio(a, b)),
                    _ => String::new(),
                };
                md.push_str(&format!(
                    "| history cold ≤ {limit}× one git log pass ({name}, {label}) | {x:.2}×{by_cpu} | {} |\n",
                    mark(x <= limit)
                ));
                md.push_str(&format!(
                    "| history warm ≤ 50 ms ({name}, {label}) | {} | {} |\n",
                    secs(t.warm),
                    mark(t.warm <= Duration::from_millis(50))
                ));
            }
        } else {
            let peak = [&f.pin_strict, &f.pin, &f.history_strict, &f.history]
                .iter()
                .filter_map(|t| t.rss_kb)
                .max();
            md.push_str(&format!(
                "| ≤ 300 MB RSS at {} ({name}, every mode) | {} | {} |\n",
                f.label.trim_start_matches("synthetic: "),
                mb(peak),
                mark(peak.is_some_and(|kb| kb <= 300 * 1024))
            ));
        }
    }
    md
}
