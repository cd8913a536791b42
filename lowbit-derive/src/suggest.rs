//! "Did you mean" for names the user misspelled.

/// The candidate closest to `name`, if it is close enough to be a typo:
/// within a third of its length in edits (a swap of two neighbours is one
/// edit), or a shortening or lengthening of it (`min` for `minimum`).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let candidates: Vec<&str> = candidates.into_iter().collect();
    candidates
        .iter()
        .map(|candidate| (distance(name, candidate), *candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
        .or_else(|| {
            candidates
                .iter()
                .copied()
                .filter(|candidate| extends(name, candidate) || extends(candidate, name))
                .min_by_key(|candidate| candidate.len().abs_diff(name.len()))
        })
}

/// Whether `long` is `short` with more at its end, and `short` is long
/// enough to mean something on its own.
fn extends(long: &str, short: &str) -> bool {
    short.chars().count() >= 3
        && long.len() > short.len()
        && long
            .get(..short.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(short))
}

/// Edit distance, ignoring ASCII case, where inserting, deleting or
/// replacing a character or swapping two neighbours is one edit (the
/// optimal string alignment distance).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let same = |x: char, y: char| x.eq_ignore_ascii_case(&y);
    // Three rows: the one before the previous is needed for swaps.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(!same(a[i - 1], b[j - 1]));
            let mut best = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]) {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

/// "; did you mean `x`?" or nothing.
pub fn hint<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match closest(name, candidates) {
        Some(candidate) => format!("; did you mean `{candidate}`?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["enable", "protocol", "target_modules"];
        assert_eq!(closest("enabel", names), Some("enable"));
        assert_eq!(closest("target_module", names), Some("target_modules"));
        assert_eq!(closest("zzz", names), None);
    }

    #[test]
    fn a_swap_of_neighbours_is_one_edit() {
        assert_eq!(distance("vaule", "value"), 1);
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("ENABLE", "enable"), 0);
        assert_eq!(closest("vaule", ["path", "value"]), Some("value"));
    }

    #[test]
    fn suggests_a_name_the_typo_shortens_or_lengthens() {
        let options = ["message", "at", "ungated", "min", "max"];
        assert_eq!(closest("minimum", options), Some("min"));
        assert_eq!(closest("maximum", options), Some("max"));
        assert_eq!(closest("eval", ["step", "eval_only"]), Some("eval_only"));
        // Two letters say too little to suggest from.
        assert_eq!(closest("atx", ["at"]), Some("at"));
        assert_eq!(closest("a", ["at", "max"]), Some("at"));
        assert_eq!(closest("ungatedness", ["at"]), None);
    }
}
