//! Two pieces of one analysis at once, for the command line's large inputs
//! ([`crate::analysis::analyze_on_two_threads`]). The browser's module is
//! single-threaded: there both pieces run one after the other, as they do
//! whenever `two` is false.

/// Runs `first` and `second` and gives both results: with `two`, `second`
/// on a thread of its own while `first` runs on this one; otherwise
/// `first`, then `second`, here. Each piece reads only what it is given, so
/// the results are the same either way. A panic in `second` goes on in
/// this thread, as it would have without the second thread.
pub(crate) fn both<A, B>(
    two: bool,
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B)
where
    B: Send,
{
    #[cfg(not(target_arch = "wasm32"))]
    if two {
        return std::thread::scope(|scope| {
            let other = scope.spawn(second);
            let a = first();
            let b = other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (a, b)
        });
    }
    let _ = two;
    let a = first();
    (a, second())
}
