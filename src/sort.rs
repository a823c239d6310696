//! Sorting for the core's own sorts of plain values. Native builds call the
//! standard library's sorts; the browser build uses one small heapsort
//! instead, because the standard sorts are large generic code copied for
//! every element type (six of the core's copies were 22 KB of the wasm
//! before this; see README "Size").
//!
//! Only for slices whose equal elements cannot be told apart (integers,
//! strings, or keys made unique by an index): any correct sort then gives the
//! same order, so the two builds agree.

/// Sorts `v` ascending, like `v.sort_unstable()`.
#[inline]
pub(crate) fn sort_unstable<T: Ord>(v: &mut [T]) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
    #[cfg(target_arch = "wasm32")]
    heapsort(v);
}

/// Sorts `v` ascending, like `v.sort()`: the same result as
/// [`sort_unstable`] when equal elements cannot be told apart, which is the
/// only use allowed here (native builds keep the stable sort's speed on
/// presorted runs).
#[inline]
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort();
    #[cfg(target_arch = "wasm32")]
    heapsort(v);
}

/// In place, O(n log n) comparisons whatever the input, and a few hundred
/// bytes of wasm per element type.
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn heapsort<T: Ord>(v: &mut [T]) {
    // Moves `v[node]` down until neither child under `end` is larger.
    fn sift_down<T: Ord>(v: &mut [T], mut node: usize, end: usize) {
        loop {
            let mut child = 2 * node + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[node] >= v[child] {
                return;
            }
            v.swap(node, child);
            node = child;
        }
    }
    let n = v.len();
    for node in (0..n / 2).rev() {
        sift_down(v, node, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::heapsort;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn heapsort_sorts_as_the_standard_sort_does(
            mut v in proptest::collection::vec((0u8..4, any::<u16>()), 0..200),
        ) {
            let mut want = v.clone();
            want.sort();
            heapsort(&mut v);
            prop_assert_eq!(v, want);
        }
    }
}
