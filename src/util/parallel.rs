//! Work spread over the machine's cores: reading and hashing thousands of page files is most of a warm run's time
//! on a large site, and each file is independent of the others.

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
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = states.len().min(items.len());
    if threads <= 1 || items.len() < min_items.max(2) {
        let Some(state) = states.first_mut() else {
            return Vec::new();
        };
        return items.iter().map(|item| f(state, item)).collect();
    }
    let next = AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = states[..threads]
            .iter_mut()
            .map(|state| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(at) else {
                            return out;
                        };
                        out.push((at, f(state, item)));
                    }
                })
            })
            .collect();
        join_all(workers)
    });
    done.sort_unstable_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
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
