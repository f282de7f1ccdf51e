//! One stable sort for the whole crate.
//!
//! `slice::sort_by` and friends are generic over the item and the comparison, so every call
//! site brings its own copy of the standard library's driftsort or ipnsort into the
//! WebAssembly (about 4 KB each; they were over a tenth of the widget's code). Here the
//! sorting is a merge sort over indices behind a `dyn` comparison, compiled once; each call
//! site adds only a few bytes to compare and to move its items into place.
//!
//! The order is exactly the standard stable sort's: equal items keep their order. Where an
//! unstable sort was used before, equal items are indistinguishable, so nothing changes there
//! either.

use std::cmp::Ordering;

/// The positions of `len` items in stable sorted order: a bottom-up merge sort of indices,
/// comparing items by index.
fn stable_order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = len.min(start + width);
            let end = len.min(start + 2 * width);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                // The left run wins ties: that keeps equal items in their order.
                let take_left = left < mid && (right >= end || cmp(order[right], order[left]) != Ordering::Less);
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Sorts `items` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    // Puts the item at `order[k]` at `k`, for every `k` in turn. Items before `k` are in
    // place; the one wanted may have been swapped away from `order[k]` already, to the place
    // of an earlier `k'` with `order[k'] == order[k]`'s position: follow the chain.
    for k in 0..order.len() {
        let mut from = order[k];
        while from < k {
            from = order[from];
        }
        items.swap(k, from);
    }
}

/// Sorts `items` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, Ord::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_the_standard_stable_sort_s() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in (0..70).chain([100, 127, 128, 129, 500, 1000]) {
            for range in [1, 3, 1000] {
                // (key, original position): equal keys show whether the order kept them.
                let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % range, i)).collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |item| item.0);
                let mut std = items.clone();
                std.sort_by_key(|item| item.0);
                assert_eq!(ours, std, "{len} items in 0..{range}");
                let mut ours = items.clone();
                sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
                let mut std = items;
                std.sort_by_key(|item| std::cmp::Reverse(item.0));
                assert_eq!(ours, std, "{len} items in 0..{range}, descending");
            }
        }
        let mut words = vec!["b", "a", "c", "a"];
        sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
