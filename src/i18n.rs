//! Message catalogs (`locales/en.ftl`, `locales/fr.ftl`) and the choice of the interface language.
//!
//! Everything printed for people goes through [`Messages`]: report text, warnings, errors, hints.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without this, every inserted value is wrapped in U+2068/U+2069 isolation marks.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages tandem itself speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum UiLang {
    En,
    Fr,
}

impl UiLang {
    /// Reads a locale or language name (`fr`, `fr_CA.UTF-8`, `fr-FR`, `en`); `None` for the others.
    pub fn from_locale(locale: &str) -> Option<UiLang> {
        let lang = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "fr" => Some(UiLang::Fr),
            "en" | "c" | "posix" => Some(UiLang::En),
            _ => None,
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            UiLang::En => "en".parse().expect("valid language id"),
            UiLang::Fr => "fr".parse().expect("valid language id"),
        }
    }
}

/// Picks the interface language: flag, then `TANDEM_UI_LANG`, then config, then the system locale, then English.
pub fn choose_ui_lang(
    flag: Option<UiLang>,
    env: Option<&str>,
    config: Option<&str>,
    system: Option<&str>,
) -> UiLang {
    flag.or_else(|| env.and_then(UiLang::from_locale))
        .or_else(|| config.and_then(UiLang::from_locale))
        .or_else(|| system.and_then(UiLang::from_locale))
        .unwrap_or(UiLang::En)
}

/// An argument of a message: text or a number (numbers choose plural forms).
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// Another message, rendered in the same language (an error's detail).
    Message(Box<Message>),
}

impl From<Message> for Arg {
    fn from(value: Message) -> Self {
        Arg::Message(Box::new(value))
    }
}
impl From<&Message> for Arg {
    fn from(value: &Message) -> Self {
        Arg::Message(Box::new(value.clone()))
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}
impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(value: std::borrow::Cow<'_, str>) -> Self {
        Arg::Text(value.into_owned())
    }
}
impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}
impl From<usize> for Arg {
    fn from(value: usize) -> Self {
        Arg::Number(value as f64)
    }
}
impl From<u32> for Arg {
    fn from(value: u32) -> Self {
        Arg::Number(f64::from(value))
    }
}
impl From<u64> for Arg {
    fn from(value: u64) -> Self {
        Arg::Number(value as f64)
    }
}

/// A message to show: its id in the catalogs and its arguments, rendered late in the chosen language.
#[derive(Clone, Debug)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Text from another crate or the OS (a parser's message, an I/O error), kept as it is and quoted.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Message::new("detail-verbatim").arg("text", text.into())
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

/// Looks messages up in one language.
#[derive(Clone, Copy, Debug)]
pub struct Messages {
    pub lang: UiLang,
}

impl Messages {
    pub fn new(lang: UiLang) -> Self {
        Messages { lang }
    }

    /// A message without arguments.
    pub fn get(&self, id: &str) -> String {
        LOCALES.lookup(&self.lang.id(), id)
    }

    /// A message without arguments, or `None` when the catalogs have no such id (optional texts: a possible value's
    /// description, a command's after-help).
    pub fn lookup(&self, id: &str) -> Option<String> {
        LOCALES.try_lookup(&self.lang.id(), id)
    }

    /// A message with arguments.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let nested: Vec<Option<String>> = args
            .iter()
            .map(|(_, value)| match value {
                Arg::Message(message) => Some(self.render(message)),
                _ => None,
            })
            .collect();
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .zip(&nested)
            .map(|((name, value), rendered)| {
                let value = match (value, rendered) {
                    (_, Some(text)) => FluentValue::from(text.as_str()),
                    (Arg::Text(text), None) => FluentValue::from(text.as_str()),
                    (Arg::Number(n), None) => FluentValue::from(*n),
                    (Arg::Message(_), None) => FluentValue::None,
                };
                (Cow::Owned((*name).to_owned()), value)
            })
            .collect();
        LOCALES.lookup_with_args(&self.lang.id(), id, &map)
    }

    /// A decimal number with `places` decimals, written as the interface's language writes it (`0.50`, `0,50`).
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self.lang {
            UiLang::En => text,
            UiLang::Fr => text.replace('.', ","),
        }
    }

    /// Renders a [`Message`].
    pub fn render(&self, message: &Message) -> String {
        self.with(message.id, &message.args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_map_to_ui_languages() {
        assert_eq!(UiLang::from_locale("fr_CA.UTF-8"), Some(UiLang::Fr));
        assert_eq!(UiLang::from_locale("fr-FR"), Some(UiLang::Fr));
        assert_eq!(UiLang::from_locale("C"), Some(UiLang::En));
        assert_eq!(UiLang::from_locale("de_DE.UTF-8"), None);
        assert_eq!(
            choose_ui_lang(None, None, None, Some("fr_CA.UTF-8")),
            UiLang::Fr
        );
        assert_eq!(
            choose_ui_lang(None, Some("en"), None, Some("fr_CA.UTF-8")),
            UiLang::En
        );
        assert_eq!(
            choose_ui_lang(Some(UiLang::Fr), Some("en"), None, None),
            UiLang::Fr
        );
        assert_eq!(choose_ui_lang(None, None, Some("fr"), None), UiLang::Fr);
        assert_eq!(choose_ui_lang(None, None, None, None), UiLang::En);
    }

    /// Message ids built from enum values (`reason-…`, `signal-…`) exist in both catalogs.
    #[test]
    fn every_id_built_from_a_value_exists() {
        use crate::drift::sections::{Change, Severity};
        use crate::drift::structure::SignalKind;
        use crate::drift::{Reason, State};
        use crate::report::check::FindingKind;
        let mut ids: Vec<String> = Vec::new();
        ids.extend(Reason::ALL.iter().map(|r| format!("reason-{}", r.code())));
        ids.extend(
            SignalKind::ALL
                .iter()
                .map(|k| format!("signal-{}", k.as_str())),
        );
        ids.extend(Change::ALL.iter().map(|c| format!("change-{}", c.as_str())));
        ids.extend(
            Severity::ALL
                .iter()
                .map(|s| format!("severity-{}", s.as_str())),
        );
        ids.extend(State::ALL.iter().map(|s| format!("state-{}", s.as_str())));
        ids.extend(
            crate::pairing::pair::PairedBy::ALL
                .iter()
                .map(|p| format!("pair-rule-{}", p.as_str())),
        );
        ids.extend(
            crate::markdown::document::BlockKind::ALL
                .iter()
                .map(|k| format!("block-kind-{}", k.as_str())),
        );
        ids.extend(
            crate::engine::refine::SkipWhy::ALL
                .iter()
                .map(|w| format!("skip-why-{}", w.as_str())),
        );
        // A changed block is modified, added or removed (`tasks` names each).
        ids.extend(
            [Change::Modified, Change::Added, Change::Removed]
                .iter()
                .map(|c| format!("block-change-{}", c.as_str())),
        );
        for kind in FindingKind::ALL {
            ids.push(format!("check-title-{}", kind.as_str()));
            ids.push(format!("check-kind-{}", kind.as_str()));
            ids.push(format!("check-msg-{}", kind.as_str()));
        }
        for lang in [UiLang::En, UiLang::Fr] {
            let m = Messages::new(lang);
            let args: Vec<(&str, Arg)> = [
                "pin",
                "section",
                "source",
                "translation",
                "items",
                "lang",
                "sections",
                "reason",
                "move_to",
                "renamed_to",
                "key",
                "base",
                "langs",
                "kind",
                "change",
                "lines",
                "line",
                "source_items",
                "translation_items",
                "directive",
                "source_quoted",
                "translation_quoted",
                "move_to_quoted",
                "pushed",
            ]
            .iter()
            .map(|name| (*name, Arg::from("x")))
            .chain([("count", Arg::Number(1.0))])
            .collect();
            for id in &ids {
                let text = m.with(id, &args);
                assert!(
                    !text.contains("Unknown localization key"),
                    "{id} missing in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn french_zero_is_singular() {
        let fr = Messages::new(UiLang::Fr);
        assert_eq!(
            fr.with("commits-behind", &[("count", Arg::Number(0.0))]),
            "0 commit de retard"
        );
        assert_eq!(
            fr.with("commits-behind", &[("count", Arg::Number(2.0))]),
            "2 commits de retard"
        );
        let en = Messages::new(UiLang::En);
        assert_eq!(
            en.with("commits-behind", &[("count", Arg::Number(0.0))]),
            "0 commits behind"
        );
    }

    /// French agrees with the number of sections changed, not with the total.
    #[test]
    fn french_diff_summary_agrees_with_the_sections_changed() {
        let fr = Messages::new(UiLang::Fr);
        let summary = |changed: f64, total: f64| {
            fr.with(
                "diff-summary",
                &[
                    ("changed", Arg::Number(changed)),
                    ("total", Arg::Number(total)),
                    ("cosmetic", Arg::Number(1.0)),
                ],
            )
        };
        assert_eq!(
            summary(1.0, 3.0),
            "1 section sur 3 modifiée · 1 changement de mise en forme ignoré"
        );
        assert_eq!(
            summary(2.0, 3.0),
            "2 sections sur 3 modifiées · 1 changement de mise en forme ignoré"
        );
    }
}
