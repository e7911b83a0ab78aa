//! `tandem compare SOURCE_FILE TRANSLATION_FILE`: one pair given by explicit paths, in a git repository or not.
//! Structure signals always; inside a repository where tandem reads a site, the verdict of the engine `status` uses.

use std::path::{Path, PathBuf};

use super::{Context, Output};
use crate::cli::{CompareArgs, CompareFormat};
use crate::drift::sections::Severity;
use crate::drift::structure::{self, SectionRef};
use crate::drift::{Reason, State};
use crate::engine::analysis;
use crate::error::{Error, Exit, Result};
use crate::history::GitRepo;
use crate::i18n::{Messages, UiLang};
use crate::markdown::document::{self, DEFAULT_TRANSLATABLE, SiteContext};
use crate::report::Warning;
use crate::report::compare::{AlignedSection, CompareReport, render};
use crate::site::config::{DEFAULT_PIN_KEYS, Requested, relative_slash};
use crate::site::workspace::Workspace;

pub fn run(
    args: &CompareArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let base = ctx.base_dir();
    let source = base.join(&args.source);
    let translation = base.join(&args.translation);
    let (report, warnings) = compare(
        (&source, &args.source),
        (&translation, &args.translation),
        ctx,
        ui_lang,
    )?;
    let m = Messages::new(*ui_lang);
    output.warnings(&warnings, &m, ctx.global.quiet);
    output.stdout = match args.format {
        CompareFormat::Json => {
            let mut text = serde_json::to_string_pretty(&report).expect("report serialises");
            text.push('\n');
            text
        }
        CompareFormat::Text => render(&report, &m),
    };
    Ok(if report.state == State::Current {
        Exit::Clean
    } else {
        Exit::Findings
    })
}

/// The bytes of a compared file (`None`: nothing is there). A path that is no regular file, or cannot be read, stops
/// the job naming it: a folder, an unreadable file or a submodule was said to be a missing page ("orphaned: the source
/// page does not exist"), and a named pipe was waited on forever. `shown`: the path as given.
fn read_compared(path: &Path, shown: &Path) -> Result<Option<Vec<u8>>> {
    let shown = shown.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) if crate::util::files::is_absent(&err) => return Ok(None),
        Err(err) => return Err(Error::io(shown, &err)),
    };
    if let Some(kind) = crate::util::files::not_regular(path, &metadata) {
        return Err(Error::ComparedNotAFile { path: shown, kind });
    }
    std::fs::read(path)
        .map(Some)
        .map_err(|err| Error::io(shown, &err))
}

fn compare(
    (source, source_shown): (&Path, &Path),
    (translation, translation_shown): (&Path, &Path),
    ctx: &Context,
    ui_lang: &mut UiLang,
) -> Result<(CompareReport, Vec<Warning>)> {
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if same(source, translation) {
        return Err(Error::ComparedWithItself {
            path: source.display().to_string(),
        });
    }
    let source_bytes = read_compared(source, source_shown)?;
    let translation_bytes = read_compared(translation, translation_shown)?;
    if source_bytes.is_none() && translation_bytes.is_none() {
        return Err(Error::ComparedFilesMissing {
            source_path: source.display().to_string(),
            translation: translation.display().to_string(),
        });
    }
    // The repository and the site's settings, found from the source's own folder.
    let folder = source
        .parent()
        .filter(|p| p.is_dir())
        .or_else(|| translation.parent())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    // The site, read once: its repository and settings (a repository where no site is found has no settings).
    let workspace = Workspace::open(
        &folder,
        &Requested {
            config: ctx.global.config.clone(),
            languages: Vec::new(),
            source_repo: None,
        },
    )
    .ok();
    let bare_repo = match &workspace {
        Some(_) => None,
        None => GitRepo::discover(&folder).ok(),
    };
    let repo = workspace.as_ref().map(|ws| &ws.repo).or(bare_repo.as_ref());
    let settings = workspace.as_ref().map(|ws| &ws.settings);
    if let Some(settings) = &settings {
        *ui_lang = ctx.ui_lang(settings.ui_language.as_deref());
    }
    let site = match &settings {
        Some(settings) => settings.site_context(),
        None => SiteContext {
            base_url: None,
            languages: [source, translation]
                .iter()
                .flat_map(|p| p.components())
                .filter_map(|c| c.as_os_str().to_str())
                .filter(|name| crate::site::config::is_language_tag(name))
                .map(str::to_owned)
                .collect(),
            translatable: DEFAULT_TRANSLATABLE
                .iter()
                .map(|k| (*k).to_owned())
                .collect(),
            bookkeeping: DEFAULT_PIN_KEYS
                .iter()
                .map(|k| (*k).to_owned())
                .chain(std::iter::once("drifted_from_default".to_owned()))
                .collect(),
        },
    };
    let display = |path: &Path| match repo {
        Some(repo) => {
            let absolute = std::fs::canonicalize(path).unwrap_or(path.to_path_buf());
            relative_slash(repo.workdir(), &absolute)
        }
        None => path.display().to_string(),
    };
    let mut report = CompareReport {
        state: State::Current,
        severity: Severity::None,
        signals: Vec::new(),
        sections: Vec::new(),
        reason: Reason::SourceUnchanged,
        sync: None,
        pin: None,
        without_history: false,
        source: display(source),
        translation: display(translation),
    };
    let translation_found = translation_bytes.is_some();
    let (Some(source_bytes), Some(translation_bytes)) = (source_bytes, translation_bytes) else {
        (report.state, report.reason) = if translation_found {
            (State::Orphaned, Reason::SourceNotFound)
        } else {
            (State::Missing, Reason::NotTranslated)
        };
        return Ok((report, Vec::new()));
    };
    // Inside a repository where tandem reads a site: the verdict of the engine `status` uses, for this pair.
    let in_repo =
        repo.is_some_and(|r| canonical_in(Some(r), source) && canonical_in(Some(r), translation));
    let judging = workspace
        .as_ref()
        .filter(|ws| in_repo && ws.source_repo.is_none());
    // The warnings about these two files (a page that is not text says what it is and how to convert it); the site's
    // other pages are not this command's business.
    let mut warnings = Vec::new();
    let judged = match judging {
        Some(ws) => {
            let (page, site_warnings) =
                analysis::judge_files(ws, &report.source, &report.translation)?;
            warnings.extend(
                site_warnings
                    .into_iter()
                    .filter(|w| w.file == report.source || w.file == report.translation),
            );
            Some(page)
        }
        None => None,
    };
    // A Git LFS pointer (the page not pulled) has no structure to compare, whichever side it is.
    let lfs_pointer = crate::util::lfs::is_pointer(&source_bytes)
        || crate::util::lfs::is_pointer(&translation_bytes);
    // Outside a site nothing else says why a file is not read: the warning `status` gives it.
    let mut text_of = |bytes: Vec<u8>, shown: &str| match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) => {
            if judged.is_none() {
                let _ = analysis::page_text(shown, err.into_bytes(), &mut warnings);
            }
            None
        }
    };
    let texts = (
        text_of(source_bytes, &report.source),
        text_of(translation_bytes, &report.translation),
    );
    let docs = match &texts {
        _ if lfs_pointer => None,
        (Some(s), Some(t)) => match (document::parse(s, &site), document::parse(t, &site)) {
            (Ok(s), Ok(t)) => Some((s, t)),
            (s, t) => {
                if judged.is_none() {
                    for (path, err) in [(&report.source, s.err()), (&report.translation, t.err())] {
                        if let Some(err) = err {
                            warnings.push(Warning {
                                file: path.clone(),
                                line: Some(err.line),
                                message: err.warning(),
                            });
                        }
                    }
                }
                None
            }
        },
        _ => None,
    };
    // Outside a site: the structure alone decides.
    let Some((source_doc, translation_doc)) = docs else {
        (report.state, report.reason) = match (&judged, &texts) {
            _ if lfs_pointer => (State::Unknown, Reason::LfsPointer),
            (Some(page), _) => (page.state, page.reason),
            (None, (Some(_), Some(_))) => (State::Unknown, Reason::BadFrontMatter),
            (None, _) => (State::Unknown, Reason::Unreadable),
        };
        if let Some(page) = judged {
            report.severity = page.severity;
            report.pin = page.detail().cloned();
            report.sync = page.sync;
        }
        return Ok((report, warnings));
    };
    let structure = structure::compare(&source_doc, &translation_doc);
    match judged {
        Some(page) => {
            (report.state, report.reason, report.severity) =
                (page.state, page.reason, page.severity);
            report.pin = page.detail().cloned();
            report.sync = page.sync;
        }
        None => {
            report.without_history = true;
            report.severity = structure.severity();
            if structure.severity() == Severity::High {
                (report.state, report.reason) = (State::Stale, Reason::Structure);
            }
        }
    }

    report.sections = aligned_sections(&structure, &source_doc, &translation_doc);
    report.signals = structure.signals;
    Ok((report, warnings))
}

/// The source's sections, each beside its translation section (when aligned) with the highest severity of the signals
/// about the pair; the translation's sections with no counterpart go after the aligned section whose translation
/// section comes last before them (the first when none does). Looked up and merged, both pages in order: searching
/// the signals and the list for each section made a page of 20,000 headings take 18 s.
fn aligned_sections(
    structure: &structure::Structure,
    source: &document::Document,
    translation: &document::Document,
) -> Vec<AlignedSection> {
    // The highest severity by the (source id, translation id) the signals name.
    let mut severities: std::collections::HashMap<(Option<&str>, Option<&str>), Severity> =
        std::collections::HashMap::new();
    for signal in &structure.signals {
        let ids = (
            signal.source_section.as_ref().map(|r| r.id.as_str()),
            signal.translation_section.as_ref().map(|r| r.id.as_str()),
        );
        let severity = severities.entry(ids).or_default();
        *severity = (*severity).max(signal.severity);
    }
    let severity_of = |s: Option<usize>, t: Option<usize>| {
        let ids = (
            s.map(|s| source.sections[s].id.as_str()),
            t.map(|t| translation.sections[t].id.as_str()),
        );
        severities.get(&ids).copied().unwrap_or_default()
    };
    let counterparts = structure.counterparts(source.sections.len());
    let mut aligned = vec![false; translation.sections.len()];
    for &t in counterparts.iter().flatten() {
        aligned[t] = true;
    }
    // Where each translation section with no counterpart goes: after the source section at `bucket - 1` (0: first).
    // Aligned translation sections come in page order, as do those without a counterpart.
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); source.sections.len() + 1];
    let mut before = counterparts
        .iter()
        .enumerate()
        .filter_map(|(s, t)| Some((s, translation.sections[(*t)?].line)))
        .peekable();
    let mut bucket = 0;
    for (t, _) in aligned.iter().enumerate().filter(|(_, aligned)| !**aligned) {
        let line = translation.sections[t].line;
        while let Some((s, _)) = before.next_if(|&(_, aligned_line)| aligned_line < line) {
            bucket = s + 1;
        }
        buckets[bucket].push(t);
    }
    let extra = |t: usize| AlignedSection {
        source: None,
        translation: Some(SectionRef::of(&translation.sections[t])),
        severity: severity_of(None, Some(t)),
    };
    let mut out: Vec<AlignedSection> = buckets[0].iter().map(|&t| extra(t)).collect();
    for ((s, section), t) in source.sections.iter().enumerate().zip(&counterparts) {
        out.push(AlignedSection {
            source: Some(SectionRef::of(section)),
            translation: t.map(|t| SectionRef::of(&translation.sections[t])),
            severity: severity_of(Some(s), *t),
        });
        out.extend(buckets[s + 1].iter().map(|&t| extra(t)));
    }
    out
}

fn canonical_in(repo: Option<&GitRepo>, path: &Path) -> bool {
    match (repo, std::fs::canonicalize(path)) {
        (Some(repo), Ok(path)) => path.starts_with(repo.workdir()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How the sections were laid out before they were looked up and merged: the signals searched for each pair, the
    /// pairs for each source section, and each translation section with no counterpart inserted after the last entry
    /// whose translation section's line is before its own.
    fn aligned_sections_by_search(
        structure: &structure::Structure,
        source_doc: &document::Document,
        translation_doc: &document::Document,
    ) -> Vec<AlignedSection> {
        let severity_of = |s: Option<usize>, t: Option<usize>| {
            structure
                .signals
                .iter()
                .filter(|sig| {
                    sig.source_section.as_ref().map(|r| r.id.as_str())
                        == s.map(|i| source_doc.sections[i].id.as_str())
                        && sig.translation_section.as_ref().map(|r| r.id.as_str())
                            == t.map(|i| translation_doc.sections[i].id.as_str())
                })
                .map(|sig| sig.severity)
                .max()
                .unwrap_or(Severity::None)
        };
        let mut sections = Vec::new();
        let mut t_used = vec![false; translation_doc.sections.len()];
        for (i, section) in source_doc.sections.iter().enumerate() {
            let t = structure
                .pairs
                .iter()
                .find(|(s, _)| *s == i)
                .map(|&(_, t)| t);
            if let Some(t) = t {
                t_used[t] = true;
            }
            sections.push(AlignedSection {
                source: Some(SectionRef::of(section)),
                translation: t.map(|t| SectionRef::of(&translation_doc.sections[t])),
                severity: severity_of(Some(i), t),
            });
        }
        for (t, used) in t_used.iter().enumerate() {
            if !used {
                let at = sections
                    .iter()
                    .rposition(|s: &AlignedSection| {
                        s.translation
                            .as_ref()
                            .is_some_and(|r| r.line < translation_doc.sections[t].line)
                    })
                    .map_or(0, |p| p + 1);
                sections.insert(
                    at,
                    AlignedSection {
                        source: None,
                        translation: Some(SectionRef::of(&translation_doc.sections[t])),
                        severity: severity_of(None, Some(t)),
                    },
                );
            }
        }
        sections
    }

    /// A page of up to 11 sections drawn from repeated headings, explicit ids, code, links and lists: translations
    /// of it drop, add and repeat sections.
    fn random_page(random: &mut crate::util::random::Xorshift, translated: bool) -> String {
        let headings = [
            "## Example",
            "## Example",
            "### Example",
            "## Setup {#setup}",
            "# Title",
            "## Other {#other}",
            "#### Deep",
        ];
        let bodies = [
            "",
            "Run it.",
            "Run `tandem status` with [the guide](/guide/).",
            "- one\n- two\n- three",
            "```sh\nnpm install\n```",
            "Some longer text that says a little more, with 42 in it.",
            "{{< note >}}A note.{{< /note >}}",
        ];
        let draw = random.draw();
        let mut page = match draw % 3 {
            0 => String::new(),
            1 => "Intro.\n\n".to_owned(),
            _ => "---\ntitle: T\n---\n\nIntro.\n\n".to_owned(),
        };
        for _ in 0..(draw >> 8) % 12 {
            let pick = random.draw();
            let heading = headings[(pick % headings.len() as u64) as usize];
            let body = bodies[((pick >> 8) % bodies.len() as u64) as usize];
            let body = if translated && pick >> 16 & 1 == 1 {
                body.replace("Run it", "Lancez-le").replace("text", "texte")
            } else {
                body.to_owned()
            };
            page.push_str(&format!("{heading}\n\n{body}\n\n"));
        }
        page
    }

    fn laid_out(sections: &[AlignedSection]) -> Vec<(Option<String>, Option<String>, Severity)> {
        sections
            .iter()
            .map(|s| {
                let id =
                    |r: &Option<SectionRef>| r.as_ref().map(|r| format!("{}@{}", r.id, r.line));
                (id(&s.source), id(&s.translation), s.severity)
            })
            .collect()
    }

    #[test]
    fn sections_are_laid_out_as_searching_each_one_laid_them_out() {
        let site = SiteContext::default();
        let mut random = crate::util::random::Xorshift::new(0x2545_f491_4f6c_dd1d);
        let mut with_extra = 0;
        for _ in 0..2_000 {
            let (source, translation) = (
                random_page(&mut random, false),
                random_page(&mut random, true),
            );
            let (s, t) = (
                document::parse(&source, &site).unwrap(),
                document::parse(&translation, &site).unwrap(),
            );
            let structure = structure::compare(&s, &t);
            let merged = aligned_sections(&structure, &s, &t);
            with_extra += usize::from(merged.iter().any(|x| x.source.is_none()));
            assert_eq!(
                laid_out(&merged),
                laid_out(&aligned_sections_by_search(&structure, &s, &t)),
                "{source:?}\n{translation:?}"
            );
        }
        // Most draws have translation sections with no counterpart, placed first, between and last.
        assert!(with_extra > 500, "{with_extra}");
    }
}
