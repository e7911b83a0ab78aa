//! `tandem scaffold SOURCE --lang fr`: creates the translation of a source page where the layout wants it, with the
//! source's front matter (pin set, translatable fields marked) and its body kept or reduced to a skeleton.

use super::{Context, Output};
use crate::cli::{BodyMode, ScaffoldArgs};
use crate::error::{Error, Exit, Result};
use crate::history::LastTouchAt;
use crate::i18n::{Message, Messages, UiLang};
use crate::markdown::edit::{self, CommentEdit};
use crate::markdown::frontmatter;
use crate::markdown::placeholder;
use crate::report::Warning;
use crate::site::config::Settings;

/// The warning that a pin is the first of its language's translations: from then on `check --base` asks every new
/// translation of that language for one (`missing-pin`).
pub fn first_pin_warning(translation: &str, lang: &str) -> Warning {
    Warning {
        file: translation.to_owned(),
        line: None,
        message: Message::new("warn-first-pin").arg("lang", lang),
    }
}

/// The comment that marks a front-matter field to translate.
pub const TRANSLATE_MARK: &str = placeholder::MARK;
/// Fields marked for translation when the config names none (`front_matter.translated`, `scaffold.translatable`).
pub const DEFAULT_TRANSLATABLE: [&str; 3] = ["title", "description", "linkTitle"];

/// Where the translation of `source` (repo-relative) goes in `lang`, by the layout's rule (`content/en/x.md` →
/// `content/fr/x.md`, `x.md` → `x.fr.md`, `docs/x.md` → `i18n/fr/…/current/x.md`); `slug` replaces the file name.
/// `inventory` gives the suffix layout's spelling of each language (`x.pt-BR.md`).
pub fn translation_path(
    settings: &Settings,
    inventory: &crate::pairing::Inventory,
    source: &str,
    lang: &str,
    slug: Option<&str>,
) -> String {
    // The layout's rule (dirs, suffix, Docusaurus): the page's path below its language root, and that root.
    let languages: Vec<String> = settings.content_dirs.keys().cloned().collect();
    let (root, rel) = match crate::pairing::classify(&settings.layout, &languages, source) {
        Some((_, root, rel)) => (root, rel),
        None => (0, source.to_owned()),
    };
    let rel = rel.as_str();
    let rel = match slug {
        None => rel.to_owned(),
        Some(slug) => {
            let (folder, file) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
            // A slug that does not end in a page extension gets the source's (`installer-node.js` →
            // `installer-node.js.md`): a dot alone does not make a page. The source's own extension is one
            // (`resultats.qmd` on a Quarto project).
            let own_extension = file.rsplit_once('.').is_some_and(|(_, ext)| {
                slug.len() > ext.len() + 1 && slug.ends_with(&format!(".{ext}"))
            });
            let name = if crate::site::detect::page_extension(slug) || own_extension {
                slug.to_owned()
            } else {
                match file.rsplit_once('.') {
                    Some((_, ext)) => format!("{slug}.{ext}"),
                    None => slug.to_owned(),
                }
            };
            if folder.is_empty() {
                name
            } else {
                format!("{folder}/{name}")
            }
        }
    };
    crate::pairing::path_for(
        &settings.layout,
        inventory,
        &settings.source,
        root,
        &rel,
        lang,
    )
}

/// A page's name without its folder and extension (`content/en/gitops.md` → `gitops`; `docs/index.md` → `docs`), a
/// value for a pairing key both pages can carry.
fn page_stem(path: &str) -> String {
    let stem = crate::pairing::pair::without_extension(path);
    let stem = stem
        .strip_suffix("/index")
        .or_else(|| stem.strip_suffix("/_index"))
        .unwrap_or(stem);
    stem.rsplit('/').next().unwrap_or(stem).to_owned()
}

/// The page of `lang` whose path is `path` once both are in NFC, when `path` itself is not on disk.
fn same_name_in_another_form(
    pages: &crate::pairing::Inventory,
    lang: &str,
    path: &str,
) -> Option<String> {
    let wanted = crate::util::chars::nfc(path);
    pages
        .of(lang)
        .find(|page| crate::util::chars::nfc(&page.path) == wanted)
        .map(|page| page.path.clone())
}

pub fn run(
    args: &ScaffoldArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    if let Some(slug) = &args.slug {
        check_slug(slug)?;
    }
    let (ws, m) = ctx.open(ui_lang)?;
    let settings = &ws.settings;
    let source = ws.repo_paths(std::slice::from_ref(&args.source))?.remove(0);
    let languages: Vec<String> = settings.content_dirs.keys().cloned().collect();
    let in_source_dir = crate::pairing::classify(&settings.layout, &languages, &source)
        .is_some_and(|(lang, _, _)| lang == settings.source);
    // The source page and its pin come from the clone holding the sources (`--source-repo`), else this one.
    let sources = ws.sources();
    let source_file = sources.workdir().join(&source);
    // A page reached through a symbolic link is never read: its target may lie outside the repository.
    if crate::site::workspace::through_link(sources.workdir(), &source) {
        return Err(Error::SymlinkPage { path: source });
    }
    if !in_source_dir || !settings.is_page(&source) || !source_file.is_file() {
        // A misspelt name is said to be missing, and a translation given for its source names that source.
        let missing = !ws.repo.workdir().join(&source).exists() && !source_file.exists();
        let source_page = crate::pairing::classify(&settings.layout, &languages, &source)
            .filter(|(lang, _, _)| *lang != settings.source && settings.is_page(&source))
            .map(|(_, root, rel)| {
                crate::pairing::path_for(
                    &settings.layout,
                    &ws.inventory(),
                    &settings.source,
                    root,
                    &rel,
                    &settings.source,
                )
            })
            .filter(|page| sources.workdir().join(page).is_file());
        return Err(Error::NotASourcePage {
            path: args.source.display().to_string(),
            language: settings.source.clone(),
            missing,
            source_page,
        });
    }
    if ctx.global.lang.is_empty() && settings.targets.len() > 1 {
        return Err(Error::LanguageNeeded {
            known: settings.targets.join(", "),
        });
    }
    let text = super::read_page_text(&source_file, &source)?;

    // Every translation is checked before anything is written.
    let mut planned = Vec::new();
    // The suffix layout names a translation as the site writes its language (`x.pt-BR.md`), which its pages tell.
    let inventory = match settings.layout {
        crate::pairing::layout::Layout::Suffix { .. } => ws.inventory(),
        crate::pairing::layout::Layout::Folders(_) => crate::pairing::Inventory::default(),
    };
    let mut pages_on_disk: Option<crate::pairing::Inventory> = None;
    // The translations the site pairs with this source already, under whatever name (a key, a map, another page
    // extension: `fr/guides/deploy.md` for `guides/deploy.mdx`): scaffold wrote a second translation beside them.
    let paired: Vec<(String, String)> = if ws.source_repo.is_none() {
        let mut ignored = Vec::new();
        crate::engine::site_pairs::site_pairs_in_work_tree(&ws, &mut ignored)?
            .pairs
            .into_iter()
            .filter(|p| p.source == source && p.kind == crate::pairing::PairKind::Paired)
            .map(|p| (p.language, p.translation))
            .collect()
    } else {
        Vec::new()
    };
    for lang in &settings.targets {
        let translation =
            translation_path(settings, &inventory, &source, lang, args.slug.as_deref());
        let translation = match paired.iter().find(|(l, _)| l == lang) {
            // Its translation, to keep (or to write again with --force), rather than a second one.
            Some((_, existing)) if args.slug.is_none() => existing.clone(),
            Some((_, existing)) if *existing != translation && !args.force => {
                return Err(Error::TranslationExists {
                    path: existing.clone(),
                });
            }
            _ => translation,
        };
        // The translation may be there under the same name in another Unicode form (NFD, as macOS writes it): that
        // file is the translation, never a second one beside it.
        let translation = if translation.is_ascii() || ws.repo.workdir().join(&translation).exists()
        {
            translation
        } else {
            let pages = pages_on_disk.get_or_insert_with(|| ws.inventory());
            same_name_in_another_form(pages, lang, &translation).unwrap_or(translation)
        };
        // Whatever the slug, a translation never lands on a page of the source language (with --force it would
        // replace it).
        let onto_source = translation == source
            || crate::pairing::classify(&settings.layout, &languages, &translation)
                .is_some_and(|(lang, _, _)| lang == settings.source);
        // A name tandem would not read as a page (`x.MD`: an extension in capitals): the translation would stay
        // missing once "created".
        if args.slug.is_some() && !settings.would_be_page(&translation) {
            return Err(Error::BadSlug {
                slug: args.slug.clone().unwrap_or_default(),
            });
        }
        if onto_source {
            return Err(Error::ScaffoldOntoSource {
                path: translation,
                language: settings.source.clone(),
            });
        }
        // A folder on the way that is a link may lead outside the repository, where tandem would write (and
        // overwrite with --force) a page it never sees again.
        if let Some(link) = crate::site::workspace::first_link(ws.repo.workdir(), &translation) {
            return Err(Error::WriteThroughLink {
                path: translation,
                link,
            });
        }
        if ws.repo.workdir().join(&translation).exists() && !args.force {
            return Err(Error::TranslationExists { path: translation });
        }
        planned.push(translation);
    }

    let commit = match sources
        .last_touches(std::slice::from_ref(&source))?
        .get(&source)
    {
        Some(LastTouchAt::Commit(commit)) => Some(*commit),
        Some(LastTouchAt::BeyondShallowBoundary) => return Err(Error::ShallowHistory),
        _ => None,
    };
    let mut warnings = Vec::new();
    if commit.is_none() {
        warnings.push(Warning {
            file: source.clone(),
            line: None,
            message: Message::new("scaffold-warn-no-pin"),
        });
    }
    // A source opening with a metadata header (Pelican's `Title:`, `Lang:`) and no front matter: a pin written above
    // the copied header would hide it from the generator, so the translation goes unpinned, its last commit its sync
    // point.
    let header_only = frontmatter::parse(&text).is_ok_and(|fm| {
        fm.split.format.is_none() && edit::opens_with_metadata_header(&text[fm.split.body..])
    });
    let commit = match commit {
        Some(_) if header_only => {
            warnings.push(Warning {
                file: source.clone(),
                line: None,
                message: Message::new("scaffold-warn-metadata-header"),
            });
            None
        }
        commit => commit,
    };
    // `front_matter.translated`, or its older name `scaffold.translatable`.
    let translatable: Vec<String> = settings
        .file
        .front_matter
        .as_ref()
        .and_then(|f| f.translated.clone())
        .or_else(|| settings.file.scaffold.as_ref()?.translatable.clone())
        .unwrap_or_else(|| DEFAULT_TRANSLATABLE.map(String::from).to_vec());
    let page = build(
        &text,
        &source,
        settings,
        commit.map(|c| c.to_string()).as_deref(),
        &translatable,
        args.body,
    )?;
    // Each translation's own language keys (`lang: en` → `lang: fr`, `altLang`, `altLangPage`).
    let mut pages = Vec::new();
    for (lang, translation) in settings.targets.iter().zip(&planned) {
        // On a site whose pages say their language in their front matter, the translation says its own.
        let language_key = match &settings.layout {
            crate::pairing::layout::Layout::Suffix { language_key, .. } => language_key.as_deref(),
            _ => None,
        };
        let (text, notes) = language_keys(
            &page.text,
            (&source, translation),
            (&settings.source, lang),
            language_key,
        )
        .map_err(|error| Error::FrontMatterEdit {
            path: source.clone(),
            error,
        })?;
        warnings.extend(notes.into_iter().map(|message| Warning {
            file: translation.clone(),
            line: None,
            message,
        }));
        pages.push(Scaffolded {
            text,
            ..page.clone()
        });
    }
    if args.slug.is_some() {
        let key = settings
            .file
            .pairing
            .as_ref()
            .and_then(|p| p.key.clone())
            .unwrap_or_else(|| "translationKey".to_owned());
        let has_key = frontmatter::parse(&text)
            .ok()
            .and_then(|fm| fm.get_str(&key).map(str::to_owned))
            .is_some();
        if !has_key {
            warnings.push(Warning {
                file: source.clone(),
                line: None,
                // The line to add, with the source's own name as the value: the new page is an orphan until both
                // pages carry it (the warning named no fix).
                message: Message::new("scaffold-warn-slug-key")
                    .arg("key", key)
                    .arg("value", page_stem(&source)),
            });
        }
    }

    // The first pin of a language changes what `check --base` asks of its new translations.
    if commit.is_some() {
        let head = ws.repo.head();
        for (lang, translation) in settings.targets.iter().zip(&planned) {
            if !crate::engine::check::pins_at(&ws, head, lang)? {
                warnings.push(first_pin_warning(translation, lang));
            }
        }
    }

    let lines: Vec<String> = planned
        .iter()
        .zip(&pages)
        .map(|(translation, page)| {
            created_line(
                &m,
                translation,
                commit.map(|c| c.to_string()),
                page,
                args.body,
            )
        })
        .collect();
    let files: Vec<(String, std::path::PathBuf, &[u8])> = planned
        .iter()
        .zip(&pages)
        .map(|(t, page)| (t.clone(), ws.repo.workdir().join(t), page.text.as_bytes()))
        .collect();
    // Every translation is checked before the first is written.
    super::check_writable(&files)?;
    let written = match super::write_files(&files, true) {
        Ok(()) => lines.len(),
        Err((written, error)) => {
            output.stdout = lines[..written].iter().map(|l| format!("{l}\n")).collect();
            output.warnings(&warnings, &m, ctx.global.quiet);
            return Err(error);
        }
    };
    output.stdout = lines[..written].iter().map(|l| format!("{l}\n")).collect();
    output.warnings(&warnings, &m, ctx.global.quiet);
    Ok(Exit::Clean)
}

/// A slug is a file name: one with a folder (`/`, `\`) or `..` would put the translation outside its language's
/// folder, over the source itself with `--force`.
fn check_slug(slug: &str) -> Result<()> {
    // Hidden (`.x`, `.md`), with a line end or a tab, or spaces around it: a file tandem never reads as a page, the
    // translation still missing once "created".
    if slug.is_empty()
        || slug.contains(['/', '\\'])
        || slug.contains("..")
        || slug.starts_with('.')
        || slug.chars().any(char::is_control)
        || slug.trim() != slug
    {
        return Err(Error::BadSlug {
            slug: slug.to_owned(),
        });
    }
    Ok(())
}

/// A translation page built from its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scaffolded {
    pub text: String,
    /// The translatable fields found in the front matter, in config order.
    pub fields: Vec<String>,
    pub sections_to_write: usize,
}

/// The translation's text: the source's front matter with the pin set and the translatable fields marked, and the body
/// as asked.
pub fn build(
    source_text: &str,
    source_path: &str,
    settings: &Settings,
    commit: Option<&str>,
    translatable: &[String],
    body: BodyMode,
) -> Result<Scaffolded> {
    let edit_error = |error| Error::FrontMatterEdit {
        path: source_path.to_owned(),
        error,
    };
    let fm = frontmatter::parse(source_text).map_err(|err| edit_error(err.into()))?;
    super::check_fence_at_top(settings, source_path, source_text)?;
    let (head, rest) = source_text.split_at(fm.split.body);
    let (body_text, sections_to_write) = match body {
        BodyMode::Keep => (rest.to_owned(), 0),
        BodyMode::Placeholder => {
            // MDX has no HTML comments, and its import and export lines are code.
            let mdx = crate::site::detect::has_mdx_extension(source_path);
            let skeleton = placeholder::skeleton(rest, mdx);
            (skeleton.text, skeleton.sections_to_write)
        }
    };
    let mut text = format!("{head}{body_text}");
    if let Some(commit) = commit {
        let key = super::sync::pin_key_for(&fm, &settings.pin_keys);
        text = edit::set_value(&text, &key, commit, None).map_err(edit_error)?;
    }
    let mut fields = Vec::new();
    for field in translatable {
        match edit::set_comment(&text, field, CommentEdit::Set(TRANSLATE_MARK)) {
            Ok(Some(marked)) => {
                text = marked;
                fields.push(field.clone());
            }
            Ok(None) => {}
            // A value written over several lines, a block scalar, an anchor or a flow collection cannot carry the
            // mark at the end of its line as tandem edits it: the mark goes on a comment line above the key. Left
            // unmarked, an untranslated copy read as `current`.
            Err(_) => {
                if let Ok(Some(marked)) = edit::add_comment_above(&text, field, TRANSLATE_MARK) {
                    text = marked;
                }
                fields.push(field.clone());
            }
        }
    }
    // A kept body gets a mark at its top, and so does a page with no mark anywhere (no field to translate, or none
    // that could carry one): the copy is the source's text. With its fields' marks alone, a translator who translated
    // the title and took its mark away had a `current` page whose body was still the source's, word for word.
    if body == BodyMode::Keep && (!body_text.trim().is_empty() || !text.contains(TRANSLATE_MARK)) {
        let mdx = crate::site::detect::has_mdx_extension(source_path);
        let marker = if mdx {
            placeholder::MDX_MARKER
        } else {
            placeholder::MARKER
        };
        let split = frontmatter::split(&text).ok();
        let at = split.as_ref().map_or(0, |split| split.body);
        // Below a metadata header opening a page without front matter (Pelican's `Title:` lines), which its
        // generator reads only at the top.
        let at = match split.and_then(|split| split.format) {
            None => at + edit::metadata_header_len(&text[at..]).unwrap_or(0),
            Some(_) => at,
        };
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let rest = &text[at..];
        let (at, tail) = if let Some(after) = rest.strip_prefix(eol) {
            (at + eol.len(), if after.is_empty() { "" } else { eol })
        } else {
            (at, if rest.is_empty() { "" } else { eol })
        };
        text = format!("{}{marker}{eol}{tail}{}", &text[..at], &text[at..]);
    }
    Ok(Scaffolded {
        text,
        fields,
        sections_to_write,
    })
}

/// Keys naming the page's own language, which a translation must not keep at the source's value.
const LANGUAGE_KEYS: [&str; 3] = ["lang", "language", "locale"];

/// The translation's language keys: `lang`, `language` or `locale` holding the source language is set to `lang`
/// (jekyll-polyglot, the GC playbook and many Eleventy sites take a page's language from it, so the copy was published
/// as English); `altLang` holding `lang` becomes the source language; `altLangPage` naming the translation's own file
/// becomes the source's. Another `altLang`/`altLangPage` value is left, with a warning. `language_key`, on a site whose
/// pages say their language in their front matter (jekyll-polyglot's `lang`), is set to `lang` when the source has none
/// (its pages default to the source language: the copy would have been published as a second English page).
fn language_keys(
    text: &str,
    (source_path, translation): (&str, &str),
    (source, lang): (&str, &str),
    language_key: Option<&str>,
) -> Result<(String, Vec<Message>), edit::EditError> {
    let fm = frontmatter::parse(text)?;
    let value = |key: &str| fm.get_str(key).map(|v| v.trim().to_owned());
    let stem = |path: &str| {
        let name = path.rsplit('/').next().unwrap_or(path);
        name.rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .to_owned()
    };
    let mut text = text.to_owned();
    let mut notes = Vec::new();
    for key in LANGUAGE_KEYS {
        if value(key).is_some_and(|v| v.eq_ignore_ascii_case(source)) {
            text = edit::set_value(&text, key, lang, None)?;
        }
    }
    if let Some(key) = language_key
        && value(key).is_none()
    {
        text = edit::set_value(&text, key, lang, None)?;
    }
    if let Some(alt) = value("altLang") {
        if alt.eq_ignore_ascii_case(lang) {
            text = edit::set_value(&text, "altLang", source, None)?;
        } else {
            notes.push(
                Message::new("scaffold-warn-alt-key")
                    .arg("key", "altLang")
                    .arg("value", alt),
            );
        }
    }
    if let Some(alt) = value("altLangPage") {
        if alt == stem(translation) {
            text = edit::set_value(&text, "altLangPage", &stem(source_path), None)?;
        } else {
            notes.push(
                Message::new("scaffold-warn-alt-key")
                    .arg("key", "altLangPage")
                    .arg("value", alt),
            );
        }
    }
    Ok((text, notes))
}

fn created_line(
    m: &Messages,
    path: &str,
    commit: Option<String>,
    page: &Scaffolded,
    body: BodyMode,
) -> String {
    let mut details = Vec::new();
    details.push(match commit {
        Some(commit) => m.with(
            "scaffold-detail-pin",
            &[("commit", crate::report::abbrev(&commit).into())],
        ),
        None => m.get("scaffold-detail-no-pin"),
    });
    if !page.fields.is_empty() {
        details.push(m.with(
            "scaffold-detail-fields",
            &[
                ("fields", join_and(m, &page.fields).into()),
                ("count", page.fields.len().into()),
            ],
        ));
    }
    details.push(match body {
        BodyMode::Keep => m.get("scaffold-detail-body-kept"),
        BodyMode::Placeholder => m.with(
            "scaffold-detail-sections",
            &[("count", page.sections_to_write.into())],
        ),
    });
    m.with(
        "scaffold-created",
        &[
            ("path", path.into()),
            (
                "details",
                details.join(&m.get("scaffold-detail-separator")).into(),
            ),
        ],
    )
}

/// `a`, `a and b`, `a, b and c` in the interface language.
fn join_and(m: &Messages, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), m.get("list-and")),
    }
}
