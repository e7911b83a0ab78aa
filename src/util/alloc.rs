//! How the allocator gives memory back. The binary's allocator is mimalloc (its 2.x line, `src/main.rs`): a cold run
//! allocates and frees millions of small values (parsed pages, their sections and blocks) on two threads, and glibc's
//! malloc spent about a quarter of such a run's time.
//!
//! Memory freed is kept for reuse by default ([`keep_freed_memory`]): a run over a site of a few thousand pages
//! lasts a fraction of a second, and memory handed back to the system is faulted in (and zeroed) again by the next
//! phase. A big repository's run gives freed memory back promptly ([`return_freed_memory`], from the moment it is
//! opened): it frees one phase's data (the history, the parsed pages) before the next phase's peak.
//!
//! No run uses transparent huge pages (Linux, [`keep_freed_memory`]). A virtual machine's host may take back the
//! memory its guest has left free for a moment (free page reporting, in blocks of 2 MB: the blocks huge pages are made
//! of), and a huge page is then faulted in from the host again, 4 KiB at a time: measured on such a machine, a cold
//! run that came a few seconds after the one before took twice as long with huge pages as without (glossary
//! `--strict` 104.5 against 61.3 ms, its default mode 182.3 against 110.4 ms, a warm run on the harness's small
//! corpus 74.1 against 39.8 ms), where runs made back to back, which find huge pages the run before freed, gained 0
//! to 10 % from them. A big repository's run would also keep whole 2 MB pages resident for what is left in them.

/// mimalloc's option `purge_delay` (`mi_option_purge_delay` in the 2.x line's `mimalloc.h`; the Rust bindings name no
/// constant for it). A test checks that it holds the documented default before it is set.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Repositories tracking at least this many files give freed memory back promptly (the harness's 5,000-commit
/// corpus tracks 4,711 files, its 100,000-commit one 93,892). Told by the index's header as the repository is
/// opened, before any history is read.
pub const BIG_REPOSITORY_FILES: usize = 20_000;

/// Memory freed is never given back to the system before the process ends: it is reused. Measured against a 1 ms
/// delay (cold `status --mode history`, interleaved runs, medians): the harness's 5,000-commit corpus 319 → 285 ms
/// (CPU 494 → 449 ms; `--strict` 194 → 175 ms), glossary 165 → 163 ms, for a peak of 131 MB instead of 112 (glossary:
/// 89 instead of 74).
///
/// And the process uses no transparent huge pages (Linux; see the module's notes).
#[allow(unsafe_code)]
pub fn keep_freed_memory() {
    // SAFETY: `mi_option_set` only stores an option's value.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
    no_huge_pages();
}

/// Turns transparent huge pages off for the process (`prctl`); where that is not allowed (an old kernel, a sandbox),
/// huge pages stay as they were.
fn no_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        let _ = rustix::thread::disable_transparent_huge_pages(true);
    }
}

/// Memory a phase of a run frees goes back to the system after 1 ms: measured on the harness's 100,000-commit corpus,
/// cold `status --mode history`, a peak of 470 MB with mimalloc's default delay (10 ms), 435 MB with this one (as
/// with glibc's malloc), 520 MB when freed memory is kept.
///
/// And the process uses no transparent huge pages: a huge page is resident whole as soon as a byte of it is used,
/// and memory handed back that promptly is faulted in again. Measured on the same corpus (interleaved cold runs,
/// medians): peaks of 344 MB instead of 380 MB in the default mode, 306 instead of 331 MB under `--strict`, 318
/// instead of 352 MB in pins mode, in the same time (16.5 against 16.3 s in the default mode), with less system time
/// (1.9 against 2.3 s).
#[allow(unsafe_code)]
pub fn return_freed_memory() {
    // SAFETY: `mi_option_set` only stores an option's value.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 1) };
    no_huge_pages();
}

#[cfg(test)]
mod tests {
    /// The tests share the process's allocator options (`cargo test` runs them on threads of one process): each
    /// holds this while it reads or sets one.
    static OPTIONS: std::sync::Mutex<()> = std::sync::Mutex::new(());

    #[allow(unsafe_code)]
    fn purge_delay() -> std::ffi::c_long {
        // SAFETY: reading an option's value.
        unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) }
    }

    /// The purge delay and whether huge pages are off once `setting` has run (huge pages allowed before it, as
    /// another test of this process may have turned them off); the purge delay is set back for the other tests.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[allow(unsafe_code)]
    fn after(setting: fn()) -> (std::ffi::c_long, bool) {
        let _options = OPTIONS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        rustix::thread::disable_transparent_huge_pages(false).unwrap();
        let before = purge_delay();
        setting();
        let (delay, disabled) = (
            purge_delay(),
            rustix::thread::transparent_huge_pages_are_disabled(),
        );
        // SAFETY: `mi_option_set` only stores an option's value.
        unsafe { libmimalloc_sys::mi_option_set(super::PURGE_DELAY, before) };
        (delay, disabled.unwrap())
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn a_big_repository_s_run_uses_no_transparent_huge_pages() {
        let (delay, disabled) = after(super::return_freed_memory);
        assert_eq!(delay, 1, "freed memory goes back after 1 ms");
        assert!(disabled);
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn every_run_uses_no_transparent_huge_pages() {
        let (delay, disabled) = after(super::keep_freed_memory);
        assert_eq!(delay, -1, "freed memory is kept");
        assert!(disabled);
    }

    #[test]
    fn the_purge_delay_option_is_the_one_documented() {
        let _options = OPTIONS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        assert_eq!(
            purge_delay(),
            10,
            "mimalloc 2.x documents a purge delay of 10 ms"
        );
    }
}
