//! The command line in the UI language: `--help`, usage errors, man pages and completions, all from the catalogs.
//!
//! `src/cli.rs` declares the command line without any text; [`command`] fills it in from ids derived from names
//! (`about-<command>`, `help-<command>-<argument>`, `value-<argument>-<value>`, see `src/cli.rs`), and renders
//! defaults, possible values and headings itself, so nothing of clap's English is left. A new flag only needs its
//! entries in `locales/en.ftl` and `locales/fr.ftl`; the unit test below names any the catalogs lack.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches, Parser};

use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::i18n::{Arg as MsgArg, Messages, UiLang, choose_ui_lang};
use crate::site::config::{CONFIG_FILE, FileConfig};

/// The top-level command's part of message ids.
const ROOT: &str = "tandem";

/// The UI language for `--help` and usage errors, before the command line is parsed: `--ui-lang` (found by a scan of
/// the arguments), `TANDEM_UI_LANG`, `ui_language` in a config found without failing, the system locale, English.
pub fn ui_lang_before_parsing(
    args: &[OsString],
    env_ui_lang: Option<&str>,
    system_locale: Option<&str>,
    current_dir: &Path,
) -> UiLang {
    let mut flag = None;
    let mut config = None;
    let mut repo = None;
    let mut words = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let (name, inline) = match word.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (word.clone(), None),
        };
        let slot = match name.as_str() {
            "--ui-lang" => &mut flag,
            "--config" => &mut config,
            "--repo" | "-C" => &mut repo,
            _ if name.starts_with("-C") && name.len() > 2 => {
                repo = Some(name[2..].to_owned());
                continue;
            }
            _ => continue,
        };
        *slot = inline.or_else(|| words.next());
    }
    let flag = flag.as_deref().and_then(UiLang::from_locale);
    let env = env_ui_lang.filter(|v| UiLang::from_locale(v).is_some());
    let from_config = if flag.is_none() && env.is_none() {
        let base = match &repo {
            Some(dir) => current_dir.join(dir),
            None => current_dir.to_path_buf(),
        };
        config_ui_language(&base, config.as_deref().map(|c| base.join(c)))
    } else {
        None
    };
    choose_ui_lang(flag, env, from_config.as_deref(), system_locale)
}

/// `ui_language` of the config tandem would read, or `None` when there is none or it cannot be read.
pub fn config_ui_language(base: &Path, explicit: Option<PathBuf>) -> Option<String> {
    // A `--config` that is no regular file is not read here (a named pipe would be waited on forever); opening the
    // workspace says what it is.
    let path = explicit.filter(|path| path.is_file()).or_else(|| {
        let mut found = None;
        for dir in base.ancestors() {
            let candidate = dir.join(CONFIG_FILE);
            if candidate.is_file() {
                found = Some(candidate);
                break;
            }
            // The config is looked for inside the repository only.
            if dir.join(".git").exists() {
                break;
            }
        }
        found
    })?;
    let text = std::fs::read_to_string(&path).ok()?;
    FileConfig::parse(&text, CONFIG_FILE).ok()?.ui_language
}

/// The whole command line, with every text in the language of `m`, built (help and version flags included).
pub fn command(m: &Messages) -> Command {
    let mut cmd = localize(Cli::command(), ROOT, m);
    cmd.build();
    finish(&mut cmd, m);
    cmd
}

/// Parses the command line; usage errors, `--help` and `--version` come back as clap errors (see [`usage_error`]).
///
/// A command line that parses is parsed without its texts: translating every command's help took about 3 % of a
/// warm `status` run. The texts only change what is shown, never what parses, so a command line that does not parse
/// is parsed again with them, for the help or the error to show.
pub fn parse(args: &[OsString], m: &Messages) -> Result<Cli, clap::Error> {
    if let Ok(cli) = Cli::try_parse_from(args) {
        return Ok(cli);
    }
    let mut cmd = command(m);
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|err| err.format(&mut cmd))
}

fn about_id(path: &str) -> String {
    format!("about-{path}")
}

fn arg_help_id(path: &str, arg: &str) -> String {
    format!("help-{path}-{}", arg.replace('_', "-"))
}

/// The placeholders of an argument's values as declared (`DIR`), else as clap makes them from its name (`FORMAT`).
fn placeholders(arg: &Arg) -> Vec<String> {
    match arg.get_value_names() {
        Some(names) if !names.is_empty() => names.iter().map(ToString::to_string).collect(),
        _ => vec![arg.get_id().as_str().to_uppercase()],
    }
}

/// A placeholder's id in the catalogs: `DIR` → `placeholder-dir`, `SOURCE_FILE` → `placeholder-source-file`.
fn placeholder_id(name: &str) -> String {
    format!("placeholder-{}", name.to_lowercase().replace('_', "-"))
}

fn value_id(arg: &str, value: &str) -> String {
    format!("value-{}-{value}", arg.replace('_', "-"))
}

/// A heading as clap wants it: without the colon it adds (`Options :` keeps its space before the colon).
fn heading(m: &Messages, id: &str) -> String {
    let text = m.get(id);
    text.strip_suffix(':').unwrap_or(&text).to_owned()
}

/// Texts of one command and its arguments, then of its subcommands; hidden ones are left alone.
fn localize(mut cmd: Command, path: &str, m: &Messages) -> Command {
    if cmd.is_hide_set() {
        return cmd;
    }
    cmd = cmd.about(m.get(&about_id(path)));
    if let Some(after) = m.lookup(&format!("after-help-{path}")) {
        cmd = cmd.after_help(after);
    }
    // Like clap: `--help` shows the long form when some value is described.
    let long = cmd
        .get_arguments()
        .any(|arg| !arg.is_hide_set() && !descriptions(arg, m).is_empty());
    cmd = cmd.mut_args(|arg| localize_arg(arg, path, long, m));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path == ROOT {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_path, m));
    }
    cmd
}

fn visible_values(arg: &Arg) -> Vec<PossibleValue> {
    arg.get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect()
}

/// The possible values of `arg` that the catalogs describe, with their descriptions.
fn descriptions(arg: &Arg, m: &Messages) -> Vec<(String, String)> {
    visible_values(arg)
        .iter()
        .filter_map(|v| {
            m.lookup(&value_id(arg.get_id().as_str(), v.get_name()))
                .map(|text| (v.get_name().to_owned(), text))
        })
        .collect()
}

fn localize_arg(arg: Arg, path: &str, long: bool, m: &Messages) -> Arg {
    if arg.is_hide_set() {
        return arg;
    }
    let (short, long_help) = arg_texts(&arg, path, m);
    let mut arg = arg.help(short);
    if arg.get_action().takes_values() {
        let names: Vec<String> = placeholders(&arg)
            .iter()
            .map(|name| m.get(&placeholder_id(name)))
            .collect();
        arg = arg
            .value_names(names)
            .hide_default_value(true)
            .hide_possible_values(true);
    }
    match long_help {
        Some(long_help) if long => arg.long_help(long_help),
        _ => arg,
    }
}

/// An argument's help: the short form (`text [default: x] [possible values: …]`), and the long form when it has a
/// default or possible values (one spec a line, described values listed), as clap lays them out.
fn arg_texts(arg: &Arg, path: &str, m: &Messages) -> (String, Option<String>) {
    let text = m.get(&arg_help_id(path, arg.get_id().as_str()));
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> = if takes_values {
        arg.get_default_values()
            .iter()
            .map(|v| {
                let text = v.to_string_lossy();
                // A decimal default (`--min-score`'s 0.4) as the interface's language writes it.
                match text.parse::<f64>() {
                    Ok(number) if text.contains('.') => {
                        m.decimal(number, text.len() - text.find('.').unwrap_or(0) - 1)
                    }
                    _ => text.into_owned(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let default = (!defaults.is_empty())
        .then(|| m.with("help-default", &[("value", defaults.join(",").into())]));
    let names: Vec<String> = if takes_values {
        visible_values(arg)
            .iter()
            .map(|v| v.get_name().to_owned())
            .collect()
    } else {
        Vec::new()
    };
    let possible = (!names.is_empty()).then(|| {
        m.with(
            "help-possible-values",
            &[("values", names.join(", ").into())],
        )
    });
    let mut short = text.clone();
    for spec in [&default, &possible].into_iter().flatten() {
        short.push(' ');
        short.push_str(spec);
    }
    if default.is_none() && possible.is_none() {
        return (short, None);
    }
    let described = descriptions(arg, m);
    let mut out = text;
    out.push_str("\n\n");
    if described.is_empty() {
        let specs: Vec<&str> = [&default, &possible]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        out.push_str(&specs.join("\n"));
    } else {
        out.push_str(&m.get("help-possible-values-heading"));
        let width = described
            .iter()
            .map(|(name, _)| name.len())
            .max()
            .unwrap_or(0);
        for (name, description) in &described {
            let pad = width - name.len();
            out.push_str(&format!("\n- {name}:{:pad$} {description}", ""));
        }
        if let Some(default) = &default {
            out.push_str("\n\n");
            out.push_str(default);
        }
    }
    (short, Some(out))
}

/// After clap has built the command: the template and headings of every command (the `help` subcommand included),
/// and the texts of the flags clap adds (`-h`, `-V`).
fn finish(cmd: &mut Command, m: &Messages) {
    let usage_style = cmd.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{}{:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        usage_style,
        m.get("help-heading-usage"),
        usage_style
    );
    let long = cmd
        .get_arguments()
        .any(|a| matches!(a.get_action(), ArgAction::Help) && a.get_long_help().is_some());
    let options = heading(m, "help-heading-options");
    let arguments = heading(m, "help-heading-arguments");
    let is_help_command =
        cmd.get_name() == "help" && !cmd.get_arguments().any(|a| a.get_id() == "help");
    let mut built = std::mem::take(cmd)
        .help_template(template)
        .subcommand_help_heading(heading(m, "help-heading-commands"))
        .subcommand_value_name(m.get("help-command-value"))
        .mut_args(|arg| {
            let arg = match arg.get_action() {
                ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong if long => arg
                    .help(m.get("help-flag-help-more"))
                    .long_help(m.get("help-flag-help-summary")),
                ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => {
                    arg.help(m.get("help-flag-help"))
                }
                ArgAction::Version => arg.help(m.get("help-flag-version")),
                // Global arguments got the top level's short form; in a long page, their long form.
                _ if long && arg.is_global_set() && !arg.is_hide_set() => {
                    match arg_texts(&arg, ROOT, m) {
                        (_, Some(long_help)) => arg.long_help(long_help),
                        (_, None) => arg,
                    }
                }
                _ => arg,
            };
            if arg.get_help_heading().is_some() {
                arg
            } else if arg.is_positional() {
                arg.help_heading(arguments.clone())
            } else {
                arg.help_heading(options.clone())
            }
        });
    if is_help_command {
        built = built.about(m.get("about-help")).mut_args(|arg| {
            arg.help(m.get("help-help-subcommand"))
                .value_name(m.get("help-command-value"))
        });
    }
    *cmd = built;
    for sub in cmd.get_subcommands_mut() {
        finish(sub, m);
    }
}

/// A usage error (unknown subcommand or flag, bad value, missing argument…) in the language of `m`, laid out like
/// clap's: the error, tips, the usage line, where to read more. `None` for `--help`, `--version` and a bare `tandem`
/// (clap prints those itself, already in the UI language).
pub fn usage_error(err: &clap::Error, m: &Messages) -> Option<String> {
    let text = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let list = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    let with = |id: &str, args: Vec<(&str, MsgArg)>| m.with(id, &args);
    let message = match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidSubcommand => with(
            "usage-unknown-subcommand",
            vec![("name", text(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::UnknownArgument => with(
            "usage-unknown-argument",
            vec![("name", text(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::InvalidValue if text(ContextKind::InvalidValue).is_empty() => with(
            "usage-missing-value",
            vec![("arg", text(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::InvalidValue => with(
            "usage-invalid-value",
            vec![
                ("value", text(ContextKind::InvalidValue).into()),
                ("arg", text(ContextKind::InvalidArg).into()),
            ],
        ),
        ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue);
            let source = std::error::Error::source(err)
                .map(ToString::to_string)
                .unwrap_or_default();
            // tandem's own value parsers fail with a message id; text from elsewhere is quoted as it is.
            let reason = if source.starts_with("usage-detail-") {
                m.with(&source, &[("value", value.as_str().into())])
            } else {
                source
            };
            with(
                "usage-invalid-value-because",
                vec![
                    ("value", value.into()),
                    ("arg", text(ContextKind::InvalidArg).into()),
                    ("reason", reason.into()),
                ],
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let args = list(ContextKind::InvalidArg);
            with(
                "usage-missing-argument",
                vec![
                    ("args", args.join(", ").into()),
                    ("count", args.len().into()),
                ],
            )
        }
        ErrorKind::MissingSubcommand => with(
            "usage-missing-subcommand",
            vec![("name", text(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::ArgumentConflict => {
            let arg = text(ContextKind::InvalidArg);
            let other = text(ContextKind::PriorArg);
            if arg == other {
                with("usage-repeated", vec![("arg", arg.into())])
            } else {
                with(
                    "usage-conflict",
                    vec![("arg", arg.into()), ("other", other.into())],
                )
            }
        }
        ErrorKind::TooManyValues => with(
            "usage-too-many-values",
            vec![
                ("value", text(ContextKind::InvalidValue).into()),
                ("arg", text(ContextKind::InvalidArg).into()),
            ],
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => with(
            "usage-wrong-number",
            vec![
                ("arg", text(ContextKind::InvalidArg).into()),
                ("expected", text(ContextKind::ExpectedNumValues).into()),
                ("actual", text(ContextKind::ActualNumValues).into()),
            ],
        ),
        ErrorKind::NoEquals => with(
            "usage-no-equals",
            vec![("arg", text(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::InvalidUtf8 => m.get("usage-invalid-utf8"),
        _ => {
            // A kind tandem's command line cannot produce today: clap's own words, quoted.
            let rendered = err.to_string();
            let first = rendered.lines().next().unwrap_or_default();
            let detail = first.strip_prefix("error: ").unwrap_or(first);
            with("usage-other", vec![("detail", detail.into())])
        }
    };
    let mut tips: Vec<String> = Vec::new();
    for name in list(ContextKind::SuggestedSubcommand) {
        tips.push(with("usage-tip-subcommand", vec![("name", name.into())]));
    }
    for name in list(ContextKind::SuggestedArg) {
        tips.push(with("usage-tip-argument", vec![("name", name.into())]));
    }
    for name in list(ContextKind::SuggestedValue) {
        tips.push(with("usage-tip-value", vec![("name", name.into())]));
    }
    if matches!(
        err.get(ContextKind::TrailingArg),
        Some(ContextValue::Bool(true))
    ) {
        let name = text(ContextKind::InvalidArg);
        tips.push(with("usage-tip-trailing", vec![("name", name.into())]));
    }
    let valid = list(ContextKind::ValidValue);
    if !valid.is_empty() && tips.is_empty() {
        tips.push(with(
            "usage-tip-possible-values",
            vec![("values", valid.join(", ").into())],
        ));
    }

    let mut out = m.with("error-line", &[("message", message.into())]);
    out.push('\n');
    for tip in tips {
        out.push_str(&format!(
            "\n  {}\n",
            m.with("usage-tip", &[("tip", tip.into())])
        ));
    }
    let usage = text(ContextKind::Usage);
    if !usage.is_empty() {
        // clap writes its own English heading in front of the usage line.
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        out.push_str(&format!("\n{} {usage}\n", m.get("help-heading-usage")));
    }
    out.push_str(&format!("\n{}", m.get("usage-more-info")));
    Some(out)
}

/// The man page of `name` (a command, or `None` for tandem itself), in the language of `m`.
pub fn man_page(name: Option<&str>, m: &Messages) -> Result<String> {
    let root = command(m);
    let cmd = match name {
        None => &root,
        Some(name) => root
            .get_subcommands()
            .find(|sub| sub.get_name() == name && !sub.is_hide_set() && name != "help")
            .ok_or_else(|| Error::NoSuchCommand {
                name: name.to_owned(),
                known: man_names(&root).join(", "),
            })?,
    };
    render_man(cmd, m)
}

/// Every man page: (file name, roff), `tandem.1` first.
pub fn man_pages(m: &Messages) -> Result<Vec<(String, String)>> {
    let root = command(m);
    let mut pages = vec![("tandem.1".to_owned(), render_man(&root, m)?)];
    for sub in root.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        pages.push((format!("tandem-{}.1", sub.get_name()), render_man(sub, m)?));
    }
    Ok(pages)
}

fn man_names(root: &Command) -> Vec<String> {
    root.get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
        .map(|sub| sub.get_name().to_owned())
        .collect()
}

fn render_man(cmd: &Command, m: &Messages) -> Result<String> {
    let mut buffer = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut buffer)
        .map_err(|err| Error::io("man", &err))?;
    let roff = String::from_utf8_lossy(&buffer);
    // clap_mangen names its sections in English; the headings of arguments and commands are already ours.
    let mut out = String::with_capacity(roff.len());
    for line in roff.lines() {
        match line.strip_prefix(".SH ") {
            Some(title) => {
                let title = title.trim_matches('"').trim().to_uppercase();
                let id = match title.as_str() {
                    "NAME" => Some("man-section-name"),
                    "SYNOPSIS" => Some("man-section-synopsis"),
                    "DESCRIPTION" => Some("man-section-description"),
                    "EXTRA" => Some("man-section-extra"),
                    "VERSION" => Some("man-section-version"),
                    "AUTHORS" => Some("man-section-authors"),
                    _ => None,
                };
                let title = id.map_or(title, |id| m.get(id));
                if title.contains(' ') {
                    out.push_str(&format!(".SH \"{title}\"\n"));
                } else {
                    out.push_str(&format!(".SH {title}\n"));
                }
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// Shell completions: clap_complete's script, with `--lang` completed from `tandem __languages` (the site's
/// languages) instead of file names. `--ui-lang` and the other closed sets complete with their values already.
pub fn completions(shell: clap_complete::Shell, m: &Messages) -> String {
    let mut cmd = command(m);
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut cmd, "tandem", &mut buffer);
    let script = String::from_utf8_lossy(&buffer).into_owned();
    complete_languages(shell, &script)
}

fn complete_languages(shell: clap_complete::Shell, script: &str) -> String {
    use clap_complete::Shell;
    const LANGUAGES: &str = "tandem __languages 2>/dev/null";
    const HIDDEN: [&str; 2] = ["__languages", "__message"];
    let mut out = String::with_capacity(script.len());
    let mut lines = script.lines().peekable();
    while let Some(line) = lines.next() {
        // The hidden `__languages` and `__message` are no commands to offer.
        let offers_hidden = HIDDEN.iter().any(|name| {
            line.contains(&format!("-a \"{name}\""))
                || line.trim_start().starts_with(&format!("cand {name} "))
                || line.contains(&format!("::new('{name}'"))
                || line.trim() == format!("'{name}:' \\")
        });
        if offers_hidden {
            continue;
        }
        let line = &HIDDEN.iter().fold(line.to_owned(), |line, name| {
            line.replace(&format!(" {name} "), " ")
        });
        match shell {
            // `--lang)` then a line completing file names.
            Shell::Bash if line.trim() == "--lang)" => {
                out.push_str(line);
                out.push('\n');
                if let Some(next) = lines.next() {
                    let indent: String = next.chars().take_while(|c| c.is_whitespace()).collect();
                    out.push_str(&format!(
                        "{indent}COMPREPLY=($(compgen -W \"$({LANGUAGES})\" -- \"${{cur}}\"))\n"
                    ));
                }
                continue;
            }
            Shell::Zsh if line.contains("--lang=[") && line.ends_with(":_default' \\") => {
                let line = line.replace(
                    ":_default' \\",
                    ":{compadd -- $(tandem __languages 2>/dev/null)}' \\",
                );
                out.push_str(&line);
                out.push('\n');
                continue;
            }
            Shell::Fish if line.contains(" -l lang ") => {
                out.push_str(&format!("{line} -f -a \"({LANGUAGES})\"\n"));
                continue;
            }
            _ => {}
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command, argument and described value of the command line has its texts in both catalogs.
    #[test]
    fn every_help_text_is_in_both_catalogs() {
        fn ids(cmd: &Command, path: &str, out: &mut Vec<String>) {
            if cmd.is_hide_set() {
                return;
            }
            out.push(about_id(path));
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                // Global arguments are declared once, on the top level.
                if arg.is_global_set() && path != ROOT {
                    continue;
                }
                out.push(arg_help_id(path, arg.get_id().as_str()));
                if arg.get_action().takes_values() {
                    out.extend(placeholders(arg).iter().map(|name| placeholder_id(name)));
                }
            }
            for sub in cmd.get_subcommands() {
                let sub_path = if path == ROOT {
                    sub.get_name().to_owned()
                } else {
                    format!("{path}-{}", sub.get_name())
                };
                ids(sub, &sub_path, out);
            }
        }
        let mut wanted = Vec::new();
        ids(&Cli::command(), ROOT, &mut wanted);
        assert!(wanted.len() > 60, "{}", wanted.len());
        for lang in [UiLang::En, UiLang::Fr] {
            let m = Messages::new(lang);
            let missing: Vec<&String> = wanted.iter().filter(|id| m.lookup(id).is_none()).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    /// A value documented in the code is described in the catalogs too (else `--help` would drop its description).
    #[test]
    fn every_documented_value_is_described() {
        let en = Messages::new(UiLang::En);
        let mut missing = Vec::new();
        let cmd = Cli::command();
        let commands = std::iter::once(&cmd).chain(cmd.get_subcommands());
        for c in commands {
            for arg in c.get_arguments() {
                for value in visible_values(arg) {
                    let id = value_id(arg.get_id().as_str(), value.get_name());
                    if value.get_help().is_some() && en.lookup(&id).is_none() {
                        missing.push(id);
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn ui_language_scan_reads_the_flag_and_skips_what_follows_the_double_dash() {
        let args = |words: &[&str]| -> Vec<OsString> { words.iter().map(OsString::from).collect() };
        let here = std::env::temp_dir();
        let lang = |words: &[&str], env: Option<&str>| {
            ui_lang_before_parsing(&args(words), env, None, &here)
        };
        assert_eq!(lang(&["tandem", "--ui-lang", "fr", "x"], None), UiLang::Fr);
        assert_eq!(lang(&["tandem", "--ui-lang=fr"], Some("en")), UiLang::Fr);
        assert_eq!(lang(&["tandem", "--ui-lang", "de"], Some("fr")), UiLang::Fr);
        assert_eq!(lang(&["tandem", "--", "--ui-lang", "fr"], None), UiLang::En);
    }
}
