use std::io::Write;
use std::process::ExitCode;

use tandem::cli::ColorChoice;
use tandem::error::Exit;
use tandem::i18n::Messages;

/// mimalloc instead of the system's allocator: a cold run allocates and frees millions of small values (parsed
/// pages, their sections and blocks) on two threads, and glibc's malloc spent about a quarter of such a run's time
/// (perf, 5,000-commit corpus); see docs/drift.md, "Where a cold run's time goes".
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The allocator's settings, made before the first allocation (the runtime allocates before `main`): without them the
/// first block mimalloc takes is faulted in as a transparent huge page (`util::alloc` says why none is wanted). A
/// function in `.init_array` runs before the runtime starts (Linux); elsewhere `main` makes the settings.
#[cfg(any(target_os = "linux", target_os = "android"))]
#[allow(unsafe_code)]
#[used]
#[unsafe(link_section = ".init_array")]
static ALLOCATOR_SETTINGS: extern "C" fn() = {
    extern "C" fn allocator_settings() {
        tandem::util::alloc::keep_freed_memory();
    }
    allocator_settings
};

fn main() -> ExitCode {
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    tandem::util::alloc::keep_freed_memory();
    // The main thread is one of the threads work is spread over (before any other thread could start the pool).
    tandem::util::parallel::start_on_this_thread();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let current_dir = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let ui_lang_env = std::env::var("TANDEM_UI_LANG").ok();
    let system_locale = sys_locale::get_locale();
    // Help and usage errors speak the UI language too, chosen before the command line is parsed.
    let messages = Messages::new(tandem::help::ui_lang_before_parsing(
        &args,
        ui_lang_env.as_deref(),
        system_locale.as_deref(),
        &current_dir,
    ));
    let cli = match tandem::help::parse(&args, &messages) {
        Ok(cli) => cli,
        Err(err) => match tandem::help::usage_error(&err, &messages) {
            // --help, --version, bare `tandem`: clap prints them (already in the UI language).
            None => err.exit(),
            Some(text) => {
                let _ = writeln!(std::io::stderr().lock(), "{text}");
                return Exit::Failure.into();
            }
        },
    };
    let color = match cli.global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    };
    let env = tandem::Environment {
        current_dir,
        ui_lang_env,
        system_locale,
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
        width: terminal_width(),
        pull_request_base: std::env::var("GITHUB_BASE_REF")
            .ok()
            .filter(|v| !v.is_empty()),
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

/// The width of the terminal stdout is, or `None` when stdout is piped: the size the terminal reports, else
/// `COLUMNS`, else 80.
fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let reported = crossterm::terminal::size()
        .ok()
        .map(|(columns, _)| usize::from(columns))
        .filter(|&columns| columns > 0);
    let columns = reported.or_else(|| {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok())
            .filter(|&c: &usize| c > 0)
    });
    Some(columns.unwrap_or(80))
}
