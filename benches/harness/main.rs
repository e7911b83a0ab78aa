//! The benchmark harness: `cargo bench --bench harness` (see BENCHMARKS.md for why it is a bench target).
//!
//! For each corpus it prints, side by side and in one run: the per-file `git diff --quiet <pin>...HEAD -- <source>`
//! loop against `tandem status --mode pin`; one `git log --name-only -- content` pass (and, where it is affordable,
//! the per-file lsync loop) against `tandem status --mode history`, cold (no cache) and warm (unchanged HEAD);
//! tandem's peak RSS; and, on the small corpus, a pull request's warm `tandem check --base` beside one `git diff
//! --name-only` of the same range. Then it writes BENCHMARKS.md with the machine, the date and the commands.
//!
//! Run without `--bench` (as `cargo test` does), it makes a tiny corpus and checks that tandem answers on it: a smoke
//! run, no timings.
//!
//! ```text
//! cargo bench --bench harness                      # the whole suite, writes BENCHMARKS.md
//! cargo bench --bench harness -- --only small      # one corpus: small | glossary | large
//! cargo bench --bench harness -- --commits 2000 --pages 300 --languages 3 --no-write
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod corpus;
mod measure;

use std::path::{Path, PathBuf};

use corpus::Shape;
use measure::{Figures, Runner};

/// Where the shared corpora live, beside the project.
const GLOSSARY_BUNDLE: &str = "../shared/corpora/glossary-content.bundle";

struct Args {
    bench: bool,
    only: Vec<String>,
    custom: Option<Shape>,
    runs: usize,
    loop_limit: Option<usize>,
    write: bool,
    work: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = Args {
        bench: false,
        only: Vec::new(),
        custom: None,
        runs: 5,
        loop_limit: None,
        write: true,
        work: manifest.join("target").join("bench-corpora"),
    };
    let mut shape = Shape {
        commits: 2_000,
        pages: 300,
        languages: 3,
        seed: 7,
    };
    let mut custom = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--bench" => args.bench = true,
            "--only" => args.only.push(value("--only")?),
            "--runs" => args.runs = number(&value("--runs")?)? as usize,
            "--loop-limit" => args.loop_limit = Some(number(&value("--loop-limit")?)? as usize),
            "--no-write" => args.write = false,
            "--work" => args.work = PathBuf::from(value("--work")?),
            "--commits" => (shape.commits, custom) = (number(&value("--commits")?)?, true),
            "--pages" => (shape.pages, custom) = (number(&value("--pages")?)?, true),
            "--languages" => (shape.languages, custom) = (number(&value("--languages")?)?, true),
            "--seed" => shape.seed = u64::from(number(&value("--seed")?)?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if custom {
        args.custom = Some(shape);
    }
    Ok(args)
}

fn number(text: &str) -> Result<u32, String> {
    text.replace('_', "")
        .parse()
        .map_err(|_| format!("not a number: {text}"))
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(err) => {
            eprintln!("harness: {err}");
            std::process::exit(2);
        }
    };
    let tandem = PathBuf::from(env!("CARGO_BIN_EXE_tandem"));
    if !args.bench {
        smoke(&tandem);
        return;
    }
    let runner = Runner::new(&tandem, args.runs, args.loop_limit, args.loop_limit);
    let mut results: Vec<Figures> = Vec::new();
    let wants = |name: &str| args.only.is_empty() || args.only.iter().any(|o| o == name);

    if let Some(shape) = &args.custom {
        results.push(run_synthetic(&runner, &args.work, shape, "custom", true));
    } else {
        if wants("small") {
            let shape = Shape {
                commits: 5_000,
                pages: 1_000,
                languages: 5,
                seed: 7,
            };
            // The lsync loop spawns two processes per translation: sampled here.
            let sampled = Runner::new(
                &tandem,
                args.runs,
                args.loop_limit,
                Some(args.loop_limit.unwrap_or(600)),
            );
            results.push(run_synthetic(&sampled, &args.work, &shape, "small", true));
        }
        if wants("glossary") {
            let bundle = Path::new(env!("CARGO_MANIFEST_DIR")).join(GLOSSARY_BUNDLE);
            if bundle.exists() {
                let dir = args.work.join("glossary-content");
                if !dir.exists() {
                    corpus::git(
                        Path::new("."),
                        &[
                            "clone",
                            "-q",
                            &bundle.to_string_lossy(),
                            &dir.to_string_lossy(),
                        ],
                    )
                    .expect("clone the glossary bundle");
                }
                results.push(runner.run(
                    "glossary-content.bundle (real site)",
                    "glossary",
                    &dir,
                    true,
                ));
            } else {
                eprintln!("harness: {} not found, skipped", bundle.display());
            }
        }
        if wants("large") {
            let shape = Shape {
                commits: 100_000,
                pages: 20_000,
                languages: 5,
                seed: 7,
            };
            // Memory is what this one is for; the per-file loops would take hours, so they are sampled.
            let limit = Some(args.loop_limit.unwrap_or(300));
            let sampled = Runner::new(&tandem, args.runs.min(3), limit, limit);
            results.push(run_synthetic(&sampled, &args.work, &shape, "large", false));
        }
    }

    let notes_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/harness/notes.md");
    let notes = std::fs::read_to_string(notes_path).unwrap_or_default();
    let report = measure::report(&results, &runner, &notes);
    println!("{report}");
    if args.write {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("BENCHMARKS.md");
        std::fs::write(&path, report).expect("write BENCHMARKS.md");
        eprintln!("harness: wrote {}", path.display());
    }
}

/// Generates the corpus (or reuses the one generated before with the same shape) and measures it.
fn run_synthetic(
    runner: &Runner,
    work: &Path,
    shape: &Shape,
    role: &'static str,
    lsync: bool,
) -> Figures {
    let dir = work.join(format!(
        "synthetic-{}c-{}p-{}l-s{}-g{}",
        shape.commits,
        shape.pages,
        shape.languages,
        shape.seed,
        corpus::GENERATOR_VERSION
    ));
    let stamp = dir.join(".git").join("bench-corpus-complete");
    if !stamp.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("harness: generating {} in {}", shape.label(), dir.display());
        let started = std::time::Instant::now();
        let made = corpus::generate(&dir, shape).expect("generate the corpus");
        eprintln!(
            "harness: generated in {:.1} s ({} merges)",
            started.elapsed().as_secs_f64(),
            made.merges
        );
        std::fs::write(&stamp, format!("{}\n", made.merges)).expect("stamp");
    }
    runner.run(&format!("synthetic: {}", shape.label()), role, &dir, lsync)
}

/// A tiny corpus, generated and read once: the generator and the harness's plumbing still work, and every stale page
/// of it is explained (no timings).
fn smoke(tandem: &Path) {
    let work = tempfile::tempdir().expect("temp dir");
    let shape = Shape {
        commits: 60,
        pages: 12,
        languages: 3,
        seed: 1,
    };
    let made = corpus::generate(work.path(), &shape).expect("generate");
    let count = corpus::git(work.path(), &["rev-list", "--count", "HEAD"]).expect("rev-list");
    assert_eq!(count.trim(), "60", "the corpus has the commits asked for");
    assert!(made.merges > 0, "the corpus has merges");
    for (mode, strict) in [("pin", false), ("history", false), ("history", true)] {
        let output = std::process::Command::new(tandem)
            .args(["status", "--mode", mode, "--format", "json"])
            .args(strict.then_some("--strict"))
            .current_dir(work.path())
            .env("LC_ALL", "C")
            .output()
            .expect("tandem runs");
        assert!(
            output.status.success(),
            "tandem status --mode {mode}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let pages = json["pages"].as_array().expect("pages");
        assert!(pages.len() >= 12, "every page is reported");
        // Every stale verdict is explained: a changed section, structure signals, or a renamed or created source.
        for page in pages.iter().filter(|p| p["state"] == "stale") {
            let sections = page["changed_sections"].as_array().map_or(0, Vec::len);
            let signals = page["signals"].as_array().map_or(0, Vec::len);
            let own = matches!(
                page["reason"].as_str(),
                Some("source-renamed" | "source-created")
            );
            assert!(
                sections + signals > 0 || own,
                "--mode {mode} (strict: {strict}): stale without explanation: {page:#}"
            );
        }
    }
    // A pull request's check answers on the same corpus.
    let output = measure::pr_check_command(tandem, work.path(), "HEAD~5")
        .output()
        .expect("tandem runs");
    assert!(
        output.status.success(),
        "tandem check --base: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["mode"], "pull-request");
    let pins = measure::pinned_translations(work.path());
    assert!(!pins.is_empty(), "the corpus has pins");
    println!(
        "harness smoke run: ok ({} pins, {} merges)",
        pins.len(),
        made.merges
    );
}
