//! Paths put into commands people paste into a shell.

use std::borrow::Cow;

/// `word` as one POSIX shell word: as it is when the shell reads it so (ASCII letters and digits, `/._-+,:@=`, and
/// any other character but spaces and controls: the shell gives meaning to ASCII ones only), else in single quotes. A page named `with space.md` printed bare in `Next: tandem diff …` was two arguments once pasted.
pub fn quote(word: &str) -> Cow<'_, str> {
    let plain = !word.is_empty()
        && word.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || "/._-+,:@=".contains(c)
                || !(c.is_ascii() || c.is_whitespace() || c.is_control())
        });
    if plain {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', r"'\''")))
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_only_what_the_shell_would_split_or_expand() {
        assert_eq!(quote("content/fr/café.md"), "content/fr/café.md");
        assert_eq!(
            quote("content/fr/cafe\u{301}.md"),
            "content/fr/cafe\u{301}.md"
        );
        assert_eq!(quote("site dir/x.md"), "'site dir/x.md'");
        assert_eq!(quote("a #1 ?.md"), "'a #1 ?.md'");
        assert_eq!(quote("l'été.md"), r"'l'\''été.md'");
        assert_eq!(quote("$HOME.md"), "'$HOME.md'");
    }
}
