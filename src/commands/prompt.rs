//! Questions asked on a terminal (inquire), in the interface language: a French user answers `o`/`oui`.
//!
//! Commands ask only when [`crate::Environment::interactive`] says so (stdin and stderr are terminals, `CI` is not
//! set) and their output format is for people; every question has a flag that gives the same answer without asking.
//! inquire draws on stderr, so stdout keeps only results.

use inquire::error::InquireError;

use crate::error::{Error, Result};
use crate::i18n::Messages;

/// The columns a multi-select's marks take before each option (`> [ ] `).
const OPTION_MARKS: usize = 6;

/// Asks questions on the terminal.
pub struct Prompter {
    messages: Messages,
}

fn words(list: &str) -> Vec<String> {
    list.split(',')
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Reads a yes/no answer in the interface language (`o`, `oui` and `y`, `yes` in French); `None` for anything else.
pub fn parse_yes_no(answer: &str, messages: &Messages) -> Option<bool> {
    let answer = answer.trim().to_lowercase();
    if words(&messages.get("prompt-yes-words")).contains(&answer) {
        Some(true)
    } else if words(&messages.get("prompt-no-words")).contains(&answer) {
        Some(false)
    } else {
        None
    }
}

fn failed(err: InquireError) -> Error {
    match err {
        InquireError::OperationCanceled | InquireError::OperationInterrupted => Error::Cancelled,
        other => Error::Io {
            path: "terminal".into(),
            detail: other.to_string(),
            kind: None,
        },
    }
}

impl Prompter {
    pub fn new(messages: Messages) -> Self {
        Prompter { messages }
    }

    /// A yes/no question.
    pub fn confirm(&self, question: &str, default: bool) -> Result<bool> {
        let m = self.messages;
        let parser = move |answer: &str| parse_yes_no(answer, &m).ok_or(());
        let yes = m.get("prompt-yes");
        let no = m.get("prompt-no");
        let formatter = move |answer: bool| if answer { yes.clone() } else { no.clone() };
        let hint = m.get(if default {
            "prompt-default-yes"
        } else {
            "prompt-default-no"
        });
        let default_formatter = move |_: bool| hint.clone();
        let error = m.get("prompt-yes-no-error");
        inquire::Confirm::new(question)
            .with_default(default)
            .with_parser(&parser)
            .with_formatter(&formatter)
            .with_default_value_formatter(&default_formatter)
            .with_error_message(&error)
            .prompt()
            .map_err(failed)
    }

    /// An option of a list of pages to pick from: the page, how far behind, and what changed, on one line that fits
    /// the terminal's `width` beside the picker's marks (a wrapped option would break the list).
    pub fn page_option(head: String, detail: Option<String>, width: Option<usize>) -> String {
        let line = match detail {
            Some(detail) => format!("{head} · {detail}"),
            None => head,
        };
        crate::report::text::fit_lines(line, width.map(|w| w.saturating_sub(OPTION_MARKS)))
    }

    /// Pick any number of options (those in `selected` start picked); returns their indices.
    pub fn multi_select(
        &self,
        question: &str,
        options: Vec<String>,
        selected: &[usize],
    ) -> Result<Vec<usize>> {
        let help = self.messages.get("prompt-multi-select-help");
        inquire::MultiSelect::new(question, options)
            .with_help_message(&help)
            .with_default(selected)
            .with_page_size(15)
            .raw_prompt()
            .map(|picked| picked.into_iter().map(|option| option.index).collect())
            .map_err(failed)
    }

    /// Pick one option; returns its index.
    pub fn select(&self, question: &str, options: Vec<String>, start: usize) -> Result<usize> {
        let help = self.messages.get("prompt-select-help");
        inquire::Select::new(question, options)
            .with_help_message(&help)
            .with_starting_cursor(start)
            .raw_prompt()
            .map(|picked| picked.index)
            .map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::UiLang;

    #[test]
    fn french_answers() {
        let fr = Messages::new(UiLang::Fr);
        for yes in ["o", "oui", "OUI", " y ", "yes"] {
            assert_eq!(parse_yes_no(yes, &fr), Some(true), "{yes}");
        }
        for no in ["n", "non", "Non", "no"] {
            assert_eq!(parse_yes_no(no, &fr), Some(false), "{no}");
        }
        assert_eq!(parse_yes_no("peut-être", &fr), None);
        let en = Messages::new(UiLang::En);
        assert_eq!(parse_yes_no("y", &en), Some(true));
        assert_eq!(parse_yes_no("oui", &en), None);
    }
}
