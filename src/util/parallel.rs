//! Work spread over the machine's cores: reading and hashing thousands of page files is most of a warm run's time
//! on a large site, and each file is independent of the others. The page versions read ahead while pairs are judged
//! go to helper threads started once ([`beside`], [`map_with`]): a cold run asked for a few hundred short-lived
//! threads before (one per group of pairs and per step of the walks back).

/// `f` applied to every item, on two to four threads for long lists (one for short ones), in the items' order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    /// Below this many items a thread costs more than it saves.
    const MIN_CHUNK: usize = 256;
    let threads = threads();
    let chunk = items.len().div_ceil(threads).max(MIN_CHUNK);
    if items.len() <= chunk {
        return items.iter().map(&f).collect();
    }
    let f = &f;
    if let Some(pool) = pool() {
        // The first part on this thread, the others on the helpers, each into its own slot.
        let mut parts = items.chunks(chunk);
        let first = parts.next().expect("more items than one part");
        let slots: Vec<std::sync::Mutex<Vec<R>>> = parts
            .clone()
            .map(|_| std::sync::Mutex::new(Vec::new()))
            .collect();
        let mut out = pool.in_place_scope(|scope| {
            for (part, slot) in parts.zip(&slots) {
                scope.spawn(move |_| {
                    let done: Vec<R> = part.iter().map(f).collect();
                    *slot
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = done;
                });
            }
            first.iter().map(f).collect::<Vec<R>>()
        });
        for slot in slots {
            out.extend(
                slot.into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            );
        }
        return out;
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        join_all(workers)
    })
}

/// Every worker's results, in the workers' order; a worker's panic goes on in the calling thread.
fn join_all<R>(workers: Vec<std::thread::ScopedJoinHandle<'_, Vec<R>>>) -> Vec<R> {
    workers
        .into_iter()
        .flat_map(|worker| match worker.join() {
            Ok(results) => results,
            Err(panic) => std::panic::resume_unwind(panic),
        })
        .collect()
}

/// How many threads to use: the machine's cores, two to four (asked once: on Linux the answer reads the cgroup
/// files).
pub fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 4)
    })
}

/// The pool of threads the work is spread over.
static POOL: std::sync::OnceLock<Option<rayon_core::ThreadPool>> = std::sync::OnceLock::new();

/// Makes the calling thread one of the pool's threads, beside `threads() - 1` helpers: called first thing on the
/// main thread, which hands out nearly all the work. A pool of helpers only (as [`pool`] starts it otherwise) has one
/// more thread than the machine has cores, and a helper that runs out of work spins a while before it sleeps: on two
/// cores a cold run spent 16 to 21 ms of CPU less this way (docs/drift.md). Does nothing once the pool is started.
pub fn start_on_this_thread() {
    POOL.get_or_init(|| build_pool(true));
}

/// The helper threads (see [`threads`]): started on first use, unless [`start_on_this_thread`] started them, and
/// reused by every call. `None` if they cannot be started (threads are then started for each call).
fn pool() -> Option<&'static rayon_core::ThreadPool> {
    POOL.get_or_init(|| build_pool(false)).as_ref()
}

fn build_pool(with_this_thread: bool) -> Option<rayon_core::ThreadPool> {
    let builder = rayon_core::ThreadPoolBuilder::new()
        .num_threads(threads())
        .thread_name(|i| format!("tandem-helper-{i}"));
    // On one core the pool keeps a helper of its own: `beside` runs `there` on it while this thread runs `here`.
    let builder = if with_this_thread && threads() > 1 {
        builder.use_current_thread()
    } else {
        builder
    };
    builder.build().ok()
}

/// Runs `there` on a helper thread while `here` runs on this one, and returns both results; `there`'s is `None`
/// when it panicked (what it was to do is then done in turn by whoever needs it).
pub fn beside<A: Send, B>(
    there: impl FnOnce() -> A + Send,
    here: impl FnOnce() -> B,
) -> (Option<A>, B) {
    match pool() {
        Some(pool) => {
            let slot = std::sync::Mutex::new(None);
            let here = pool.in_place_scope(|scope| {
                let slot = &slot;
                scope.spawn(move |_| {
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(there)).ok();
                    *slot
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = result;
                });
                here()
            });
            let there = slot
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            (there, here)
        }
        None => std::thread::scope(|scope| {
            let there = scope.spawn(there);
            let here = here();
            (there.join().ok(), here)
        }),
    }
}

/// Applies `f` to the items of `items` no other thread has taken (`next`: the first not taken; each thread takes the
/// next one when it is done with its last), until none is left; the results by their items' places.
pub fn take_shared<T, R>(
    items: &[T],
    next: &std::sync::atomic::AtomicUsize,
    mut f: impl FnMut(&T) -> R,
) -> Vec<(usize, R)> {
    let mut out = Vec::new();
    loop {
        let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Some(item) = items.get(at) else {
            return out;
        };
        out.push((at, f(item)));
    }
}

/// Like [`map`], for work that needs a value of its own on each thread (a handle on the object database): `states`
/// holds one per thread (see [`threads`]). Items are handed out one at a time, so that threads stay busy when items
/// differ in cost (page versions of very different sizes); below `min_items` items everything runs on the calling
/// thread, with the first state.
pub fn map_with<T: Sync, S: Send, R: Send>(
    items: &[T],
    min_items: usize,
    states: &mut [S],
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    use std::sync::atomic::AtomicUsize;
    let threads = states.len().min(items.len());
    if threads <= 1 || items.len() < min_items.max(2) {
        let Some(state) = states.first_mut() else {
            return Vec::new();
        };
        return items.iter().map(|item| f(state, item)).collect();
    }
    let next = AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    let work = move |state: &mut S| take_shared(items, next, |item| f(state, item));
    if let Some(pool) = pool() {
        // This thread takes its share with the first state; a helper's panic goes on here when the scope ends.
        let (first, others) = states[..threads]
            .split_first_mut()
            .expect("two threads or more");
        let parts = std::sync::Mutex::new(Vec::new());
        let mut done = pool.in_place_scope(|scope| {
            for state in others {
                let parts = &parts;
                scope.spawn(move |_| {
                    let part = work(state);
                    parts
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push(part);
                });
            }
            work(first)
        });
        for part in parts
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
        {
            done.extend(part);
        }
        done.sort_unstable_by_key(|(at, _)| *at);
        return done.into_iter().map(|(_, result)| result).collect();
    }
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = states[..threads]
            .iter_mut()
            .map(|state| scope.spawn(move || work(state)))
            .collect();
        join_all(workers)
    });
    done.sort_unstable_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn beside_gives_both_results_and_survives_a_panic_over_there() {
        let items: Vec<u64> = (0..1000).collect();
        for _ in 0..50 {
            let (there, here) = super::beside(
                || items.iter().sum::<u64>(),
                || items.iter().map(|i| i * 2).sum::<u64>(),
            );
            assert_eq!((there, here), (Some(499_500), 999_000));
        }
        let (there, here): (Option<u64>, u64) =
            super::beside(|| panic!("a helper that fails"), || 7);
        assert_eq!((there, here), (None, 7));
        // The helpers are still there for the next call.
        assert_eq!(super::beside(|| 1, || 2), (Some(1), 2));
    }

    #[test]
    fn a_panic_on_a_helper_goes_on_in_the_caller() {
        let items: Vec<usize> = (0..100).collect();
        let mut states = vec![(); super::threads().max(2)];
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            super::map_with(&items, 2, &mut states, |_, &i| {
                assert!(i != 57, "item 57 fails");
                i
            })
        }));
        assert!(caught.is_err());
        let mut states = vec![(); super::threads().max(2)];
        assert_eq!(super::map_with(&items, 2, &mut states, |_, &i| i), items);
    }

    #[test]
    fn keeps_the_order_of_long_and_short_lists() {
        for n in [0, 1, 255, 256, 257, 1000, 4099] {
            let items: Vec<usize> = (0..n).collect();
            let out = super::map(&items, |i| i * 2);
            assert_eq!(
                out,
                items.iter().map(|i| i * 2).collect::<Vec<_>>(),
                "{n} items"
            );
            let mut states = vec![0usize; super::threads().max(2)];
            let counted = super::map_with(&items, 4, &mut states, |seen, i| {
                *seen += 1;
                (i * 2, *seen)
            });
            assert_eq!(
                counted.iter().map(|(x, _)| *x).collect::<Vec<_>>(),
                items.iter().map(|i| i * 2).collect::<Vec<_>>(),
                "{n} items, with a state per thread"
            );
            assert!(counted.iter().all(|(_, seen)| *seen >= 1));
            assert_eq!(states.iter().sum::<usize>(), n, "{n} items, each seen once");
        }
    }
}
