//! Progress bars for the long history walks, drawn on stderr by the command layer (the library only reports).
//!
//! A bar appears only when stderr is a terminal, `CI` is not set and the output is not JSON (`Environment::progress`
//! and the command decide), and only once a phase has lasted more than a moment: quick runs draw nothing.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::history::{Phase, Progress};
use crate::i18n::Messages;

/// How long a phase runs before its bar is drawn.
const DELAY: Duration = Duration::from_millis(400);

/// Draws a bar per phase on stderr.
pub struct TerminalProgress {
    messages: Messages,
    current: RefCell<Option<(ProgressBar, Instant, bool)>>,
}

impl TerminalProgress {
    pub fn new(messages: Messages) -> Self {
        TerminalProgress {
            messages,
            current: RefCell::new(None),
        }
    }
}

impl Progress for TerminalProgress {
    fn start(&self, phase: Phase, total: Option<u64>) {
        self.finish();
        let id = match phase {
            Phase::LoadingCommits => "progress-loading-commits",
            Phase::ComparingCommits => "progress-comparing-commits",
            Phase::CountingChanges => "progress-counting-changes",
        };
        let bar = match total {
            Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden())
                .with_style(
                    ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()).with_style(
                ProgressStyle::with_template("{msg} {spinner} {pos}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.set_message(self.messages.get(id));
        *self.current.borrow_mut() = Some((bar, Instant::now(), false));
    }

    fn advance(&self, done: u64) {
        if let Some((bar, started, shown)) = self.current.borrow_mut().as_mut() {
            bar.set_position(done);
            if !*shown && started.elapsed() > DELAY {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                *shown = true;
            }
        }
    }

    fn finish(&self) {
        if let Some((bar, _, _)) = self.current.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}
