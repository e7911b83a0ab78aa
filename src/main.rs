use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tandem::cli::{Cli, ColorChoice};
use tandem::error::Exit;

fn main() -> ExitCode {
    let cli = Cli::parse(); // bad flags: clap prints usage and exits with 2
    let color = match cli.global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    };
    let env = tandem::Environment {
        current_dir: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        ui_lang_env: std::env::var("TANDEM_UI_LANG").ok(),
        system_locale: sys_locale::get_locale(),
        color,
        step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|v| !v.is_empty())
            .map(Into::into),
        interactive: {
            use std::io::IsTerminal;
            std::io::stdin().is_terminal()
                && std::io::stderr().is_terminal()
                && std::env::var_os("CI").is_none()
        },
        progress: std::io::IsTerminal::is_terminal(&std::io::stderr())
            && std::env::var_os("CI").is_none(),
    };
    let output = tandem::run(&cli, &env);
    let mut stderr = std::io::stderr().lock();
    for line in &output.stderr {
        let _ = writeln!(stderr, "{line}");
    }
    // A closed pipe (`tandem status | head`) is not an error.
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(output.stdout.as_bytes())
        .and_then(|()| stdout.flush());
    output.exit.unwrap_or(Exit::Clean).into()
}
