//! The synthetic corpus: a Hugo-style multi-folder site (`content/<lang>/docs/sNNN/pNNNNN.md`) with a history of
//! `commits` commits, written by `git fast-import` (the harness may use git; the product never does).
//!
//! The history has what real translated sites have: source edits, cosmetic edits (emphasis style, reflow) marked
//! `[skip-l10n]` half of the time, translation updates that move their pin (`default_lang_commit`) to the commit
//! they were made from, translations without pins (history mode), renames and deletions of source pages, commits
//! outside `content/`, topic branches merged with `--no-ff` merges (sometimes taking a page from the branch over a
//! change on main), equal commit dates and a little clock skew. Everything comes from one seed. The repository is
//! repacked at the end, as a clone from a server would be.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The size and shape of a corpus.
#[derive(Debug, Clone)]
pub struct Shape {
    pub commits: u32,
    /// Source pages at the start.
    pub pages: u32,
    /// Languages, the source (`en`) included.
    pub languages: u32,
    pub seed: u64,
}

impl Shape {
    pub fn label(&self) -> String {
        format!(
            "{} commits × {} pages × {} languages",
            self.commits, self.pages, self.languages
        )
    }
}

/// What the generator made, for the baselines.
pub struct Corpus {
    /// Merge commits in the history.
    pub merges: u32,
}

/// Bumped when the generator changes, so corpora generated before are made again.
pub const GENERATOR_VERSION: u32 = 2;

const LANGS: [&str; 8] = ["en", "fr", "de", "es", "ja", "pt-br", "zh-cn", "ko"];
const PAGES_PER_SECTION: u32 = 100;
/// 2026-01-01 00:00 UTC.
const EPOCH: i64 = 1_767_225_600;

/// splitmix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n.max(1))) as u32
    }

    /// True with probability `per_mille` / 1000.
    pub fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille
    }
}

/// One file of the site, as a recipe for its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum File {
    Source {
        page: u32,
        version: u32,
        style: u32,
    },
    Translation {
        page: u32,
        lang: u8,
        version: u32,
        pin: Option<String>,
    },
    Layout {
        version: u32,
    },
}

impl File {
    fn render(&self) -> String {
        match self {
            File::Source {
                page,
                version,
                style,
            } => source_text(*page, *version, *style),
            File::Translation {
                page,
                lang,
                version,
                pin,
            } => translation_text(*page, LANGS[*lang as usize], *version, pin.as_deref()),
            File::Layout { version } => {
                format!("<!doctype html>\n<!-- layout revision {version} -->\n{{{{ .Content }}}}\n")
            }
        }
    }
}

fn source_text(page: u32, version: u32, style: u32) -> String {
    let emphasis = if style.is_multiple_of(2) { '*' } else { '_' };
    let mut text = format!("---\ntitle: \"Page {page}\"\nweight: {page}\n---\n\n");
    for section in 0..4u32 {
        text.push_str(&format!("## Section {section}\n\n"));
        // Each version rewrites one section; the others keep their text.
        let revision = if version % 4 == section { version } else { 0 };
        let sentence = format!(
            "Page {page} explains {emphasis}topic {section}{emphasis} in revision {revision}, with enough words to \
             look like documentation that people translate by hand."
        );
        if style % 3 == 2 {
            // Reflowed: the same words, one sentence per line.
            text.push_str(&sentence.replace(", ", ",\n"));
        } else {
            text.push_str(&sentence);
        }
        text.push_str("\n\n```sh\ntandem status --lang fr\n```\n\n");
    }
    text
}

fn translation_text(page: u32, lang: &str, version: u32, pin: Option<&str>) -> String {
    let mut text = format!("---\ntitle: \"Page {page} ({lang})\"\nweight: {page}\n");
    if let Some(pin) = pin {
        text.push_str(&format!("default_lang_commit: {pin}\n"));
    }
    text.push_str("---\n\n");
    for section in 0..4u32 {
        text.push_str(&format!(
            "## Section {section}\n\nTraduction ({lang}) de la page {page}, version {version}.\n\n"
        ));
    }
    text
}

fn section_of(page: u32) -> u32 {
    page / PAGES_PER_SECTION
}

fn page_rel(page: u32, name: &str) -> String {
    format!("docs/s{:03}/{name}.md", section_of(page))
}

/// A branch being written: its tip (a fast-import mark) and the files it changed since it left main.
struct Topic {
    tip: u32,
    delta: BTreeMap<String, Option<File>>,
}

struct Writer {
    child: std::process::Child,
    input: std::io::BufWriter<std::process::ChildStdin>,
    output: BufReader<std::process::ChildStdout>,
    marks: HashMap<u32, String>,
    next_mark: u32,
    time: i64,
}

impl Writer {
    fn start(repo: &Path) -> std::io::Result<Writer> {
        let mut child = Command::new("git")
            .args(["fast-import", "--quiet", "--done"])
            .current_dir(repo)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let input = std::io::BufWriter::with_capacity(1 << 20, child.stdin.take().expect("piped"));
        let output = BufReader::new(child.stdout.take().expect("piped"));
        Ok(Writer {
            child,
            input,
            output,
            marks: HashMap::new(),
            next_mark: 1,
            time: EPOCH,
        })
    }

    /// The full hash of a commit mark (asks fast-import: the pins need it).
    fn sha(&mut self, mark: u32) -> std::io::Result<String> {
        if let Some(sha) = self.marks.get(&mark) {
            return Ok(sha.clone());
        }
        writeln!(self.input, "get-mark :{mark}")?;
        self.input.flush()?;
        let mut line = String::new();
        self.output.read_line(&mut line)?;
        let sha = line.trim().to_owned();
        self.marks.insert(mark, sha.clone());
        Ok(sha)
    }

    /// Writes one commit on `branch` and returns its mark.
    fn commit(
        &mut self,
        branch: &str,
        parents: &[u32],
        message: &str,
        time: i64,
        changes: &[(String, Option<&File>)],
    ) -> std::io::Result<u32> {
        let mark = self.next_mark;
        self.next_mark += 1;
        let w = &mut self.input;
        writeln!(w, "commit refs/heads/{branch}")?;
        writeln!(w, "mark :{mark}")?;
        writeln!(w, "author Bench Author <author@example.org> {time} +0000")?;
        writeln!(
            w,
            "committer Bench Committer <committer@example.org> {time} +0000"
        )?;
        writeln!(w, "data {}\n{message}", message.len())?;
        if let Some((first, rest)) = parents.split_first() {
            writeln!(w, "from :{first}")?;
            for parent in rest {
                writeln!(w, "merge :{parent}")?;
            }
        }
        for (path, file) in changes {
            match file {
                Some(file) => {
                    let text = file.render();
                    writeln!(w, "M 100644 inline {path}\ndata {}", text.len())?;
                    w.write_all(text.as_bytes())?;
                    writeln!(w)?;
                }
                None => writeln!(w, "D {path}")?,
            }
        }
        writeln!(w)?;
        Ok(mark)
    }

    fn finish(mut self) -> std::io::Result<()> {
        writeln!(self.input, "done")?;
        self.input.flush()?;
        drop(self.input);
        let status = self.child.wait()?;
        if !status.success() {
            return Err(std::io::Error::other("git fast-import failed"));
        }
        Ok(())
    }
}

/// The state of main: every file, and which pages exist (by page number) under which name.
struct Site {
    files: HashMap<String, File>,
    /// Page number → its current file name (renames change it); `None` once deleted.
    names: Vec<Option<String>>,
    /// Whether the translations of a page carry pins (most do; the others are for history mode).
    pinned: Vec<bool>,
}

impl Site {
    fn source_path(&self, page: u32) -> Option<String> {
        self.names[page as usize]
            .as_ref()
            .map(|name| format!("content/en/{}", page_rel(page, name)))
    }

    fn translation_path(&self, page: u32, lang: u8) -> Option<String> {
        self.names[page as usize]
            .as_ref()
            .map(|name| format!("content/{}/{}", LANGS[lang as usize], page_rel(page, name)))
    }
}

/// Generates the corpus in `dir` (a new folder): a repository on branch `main`, checked out.
pub fn generate(dir: &Path, shape: &Shape) -> std::io::Result<Corpus> {
    assert!(
        (2..=LANGS.len() as u32).contains(&shape.languages),
        "2 to {} languages",
        LANGS.len()
    );
    std::fs::create_dir_all(dir)?;
    git(dir, &["init", "-q", "-b", "main"])?;
    let mut rng = Rng::new(shape.seed);
    let mut out = Writer::start(dir)?;
    let languages = shape.languages as u8;
    let mut site = Site {
        files: HashMap::new(),
        names: (0..shape.pages).map(|p| Some(format!("p{p:05}"))).collect(),
        pinned: (0..shape.pages).map(|_| rng.chance(800)).collect(),
    };

    // 1: the source pages and a layout.
    let mut changes: Vec<(String, File)> = Vec::new();
    for page in 0..shape.pages {
        let file = File::Source {
            page,
            version: 0,
            style: 0,
        };
        changes.push((site.source_path(page).expect("exists"), file));
    }
    changes.push((
        "layouts/_default/single.html".into(),
        File::Layout { version: 0 },
    ));
    let first = write_main(&mut out, &mut site, None, "en: first pages", changes)?;

    // 2: translations of most pages, pinned to the first commit.
    let first_sha = out.sha(first)?;
    let mut changes = Vec::new();
    for page in 0..shape.pages {
        for lang in 1..languages {
            if rng.chance(900) {
                let pin = site.pinned[page as usize].then(|| first_sha.clone());
                let file = File::Translation {
                    page,
                    lang,
                    version: 0,
                    pin,
                };
                changes.push((site.translation_path(page, lang).expect("exists"), file));
            }
        }
    }
    let mut tip = write_main(&mut out, &mut site, Some(first), "translations", changes)?;

    let mut made = 2u32;
    let mut merges = 0u32;
    let mut topic: Option<(Topic, u32)> = None;
    while made < shape.commits {
        // Topic branches: opened from main, a few commits, then merged with --no-ff.
        if let Some((branch, remaining)) = topic.as_mut() {
            if *remaining == 0 {
                let (branch, _) = topic.take().expect("open");
                let changes: Vec<(String, Option<File>)> = branch.delta.into_iter().collect();
                // Usually the merge takes the branch's files; sometimes main's version wins a conflict.
                let changes: Vec<(String, Option<File>)> = changes
                    .into_iter()
                    .filter(|(path, _)| !(site.files.contains_key(path) && rng.chance(30)))
                    .collect();
                let mut refs = Vec::new();
                for (path, file) in &changes {
                    match file {
                        Some(file) => {
                            site.files.insert(path.clone(), file.clone());
                        }
                        None => {
                            site.files.remove(path);
                        }
                    }
                    refs.push((path.clone(), file.as_ref()));
                }
                let time = out.next_time(&mut rng);
                tip = out.commit(
                    "main",
                    &[tip, branch.tip],
                    "Merge pull request",
                    time,
                    &refs,
                )?;
                made += 1;
                merges += 1;
                continue;
            }
            if rng.chance(500) {
                *remaining -= 1;
                let page = rng.below(shape.pages);
                let Some(path) = site.source_path(page) else {
                    continue;
                };
                let (mark, file) = if rng.chance(600) {
                    let current = match branch.delta.get(&path) {
                        Some(file) => file.clone(),
                        None => site.files.get(&path).cloned(),
                    };
                    let version = match current {
                        Some(File::Source { version, .. }) => version + 1,
                        _ => 1,
                    };
                    let file = File::Source {
                        page,
                        version,
                        style: 0,
                    };
                    (path, Some(file))
                } else {
                    // A translation made on the branch, pinned to the branch's tip.
                    let lang = 1 + rng.below(u32::from(languages) - 1) as u8;
                    let Some(tpath) = site.translation_path(page, lang) else {
                        continue;
                    };
                    let pin = if site.pinned[page as usize] {
                        Some(out.sha(branch.tip)?)
                    } else {
                        None
                    };
                    let file = File::Translation {
                        page,
                        lang,
                        version: 1000 + made,
                        pin,
                    };
                    (tpath, Some(file))
                };
                let time = out.next_time(&mut rng);
                let refs = vec![(mark.clone(), file.as_ref())];
                branch.tip = out.commit("topic", &[branch.tip], "topic work", time, &refs)?;
                branch.delta.insert(mark, file);
                made += 1;
                continue;
            }
        } else if rng.chance(80) && made + 4 < shape.commits {
            let length = 1 + rng.below(4);
            // The branch leaves main at its tip; main moves on while the branch is worked on.
            topic = Some((
                Topic {
                    tip,
                    delta: BTreeMap::new(),
                },
                length,
            ));
            continue;
        }

        // A commit on main.
        let roll = rng.below(1000);
        let page = rng.below(shape.pages);
        let time = out.next_time(&mut rng);
        let (message, changes): (String, Vec<(String, Option<File>)>) = if roll < 450 {
            let Some(path) = site.source_path(page) else {
                continue;
            };
            let Some(File::Source { version, style, .. }) = site.files.get(&path).cloned() else {
                continue;
            };
            let file = File::Source {
                page,
                version: version + 1,
                style,
            };
            (format!("en: update page {page}"), vec![(path, Some(file))])
        } else if roll < 550 {
            // Cosmetic: emphasis markers or reflow, half of them marked [skip-l10n].
            let Some(path) = site.source_path(page) else {
                continue;
            };
            let Some(File::Source { version, style, .. }) = site.files.get(&path).cloned() else {
                continue;
            };
            let file = File::Source {
                page,
                version,
                style: style + 1,
            };
            let message = if rng.chance(500) {
                format!("en: restyle page {page} [skip-l10n]")
            } else {
                format!("en: restyle page {page}")
            };
            (message, vec![(path, Some(file))])
        } else if roll < 800 {
            // A translation brought up to date: the pin moves to main's tip.
            let lang = 1 + rng.below(u32::from(languages) - 1) as u8;
            let (Some(spath), Some(tpath)) =
                (site.source_path(page), site.translation_path(page, lang))
            else {
                continue;
            };
            let Some(File::Source { version, .. }) = site.files.get(&spath).cloned() else {
                continue;
            };
            let pin = if site.pinned[page as usize] {
                Some(out.sha(tip)?)
            } else {
                None
            };
            let file = File::Translation {
                page,
                lang,
                version,
                pin,
            };
            (
                format!("{}: update page {page}", LANGS[lang as usize]),
                vec![(tpath, Some(file))],
            )
        } else if roll < 810 {
            // A source page renamed; its translations follow it two times out of three.
            let Some(old) = site.source_path(page) else {
                continue;
            };
            let old_translations: Vec<String> = (1..languages)
                .filter_map(|l| site.translation_path(page, l))
                .collect();
            site.names[page as usize] = Some(format!("p{page:05}-r{made}"));
            let new = site.source_path(page).expect("renamed");
            let file = site.files.get(&old).cloned();
            let mut changes = vec![(old, None), (new, file)];
            if rng.chance(667) {
                for (lang, old) in (1..languages).zip(old_translations) {
                    if let Some(file) = site.files.get(&old).cloned() {
                        let new = site.translation_path(page, lang).expect("renamed");
                        changes.push((old, None));
                        changes.push((new, Some(file)));
                    }
                }
            }
            (format!("en: rename page {page}"), changes)
        } else if roll < 815 {
            // A source page deleted: its translations become orphans.
            let Some(path) = site.source_path(page) else {
                continue;
            };
            site.names[page as usize] = None;
            (format!("en: remove page {page}"), vec![(path, None)])
        } else {
            // Outside the content roots: the history walk should skip these cheaply.
            let version = made;
            (
                "layout tweak".to_owned(),
                vec![(
                    "layouts/_default/single.html".to_owned(),
                    Some(File::Layout { version }),
                )],
            )
        };
        // Pages renamed or deleted keep their translations in place until a translation commit moves them.
        let mut refs = Vec::new();
        for (path, file) in &changes {
            match file {
                Some(file) => {
                    site.files.insert(path.clone(), file.clone());
                }
                None => {
                    site.files.remove(path);
                }
            }
            refs.push((path.clone(), file.as_ref()));
        }
        tip = out.commit("main", &[tip], &message, time, &refs)?;
        made += 1;
    }
    out.finish()?;
    git(dir, &["branch", "-q", "-D", "topic"]).ok();
    // fast-import's pack is a first draft (long delta chains); a clone gets a pack made by `git repack`.
    git(dir, &["repack", "-adfq"])?;
    git(dir, &["checkout", "-q", "-f", "main"])?;
    Ok(Corpus { merges })
}

impl Writer {
    /// Commit dates: one minute apart, with equal dates now and then and a little clock skew.
    fn next_time(&mut self, rng: &mut Rng) -> i64 {
        if rng.chance(20) {
            return self.time;
        }
        if rng.chance(5) {
            return self.time - 3_600;
        }
        self.time += 60;
        self.time
    }
}

fn write_main(
    out: &mut Writer,
    site: &mut Site,
    parent: Option<u32>,
    message: &str,
    changes: Vec<(String, File)>,
) -> std::io::Result<u32> {
    let time = out.time;
    out.time += 60;
    let refs: Vec<(String, Option<&File>)> =
        changes.iter().map(|(p, f)| (p.clone(), Some(f))).collect();
    let parents: Vec<u32> = parent.into_iter().collect();
    let mark = out.commit("main", &parents, message, time, &refs)?;
    for (path, file) in changes {
        site.files.insert(path, file);
    }
    Ok(mark)
}

pub fn git(dir: &Path, args: &[&str]) -> std::io::Result<String> {
    let output = Command::new("git").args(args).current_dir(dir).output()?;
    if !output.status.success() {
        return Err(std::io::Error::other(format!(
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
