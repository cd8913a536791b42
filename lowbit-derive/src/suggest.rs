//! "Did you mean" for names the user misspelled.

/// The longest name, in characters, that edits are counted for.
const LONGEST: usize = 64;

/// The candidate closest to `name`, by the rule every did-you-mean of lowbit
/// follows, written down on `lowbit_core::suggest` (this crate cannot depend
/// on that one, so it keeps a copy, held to the same table of cases):
/// characters compared with ASCII case folded; the one candidate within a
/// third of `name`'s length in edits (one at least, and fewer than the longer
/// name's length), a swap of neighbours being one edit and a tie suggesting
/// nothing; failing that, the only candidate that begins with `name` or that
/// `name` begins with, the shorter three characters at least; edits counted
/// only for names up to 64 characters.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    by_edits(name, &candidates).or_else(|| by_beginning(name, &candidates))
}

/// The one candidate closest in edits, within the limit.
fn by_edits<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let typed = fold(name)?;
    let limit = (typed.len() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for &candidate in candidates {
        let Some(other) = fold(candidate) else {
            continue;
        };
        // Lengths further apart than the limit are further apart in edits.
        if other.len().abs_diff(typed.len()) > limit {
            continue;
        }
        let distance = distance(&typed, &other);
        if distance > limit || distance >= typed.len().max(other.len()) {
            continue;
        }
        match best {
            Some((closest, _)) if distance > closest => {}
            Some((closest, earlier)) if distance == closest => tied |= earlier != candidate,
            _ => {
                best = Some((distance, candidate));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, candidate)| candidate)
}

/// The only candidate that begins with `name` or that `name` begins with.
fn by_beginning<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let mut found: Option<&str> = None;
    for &candidate in candidates {
        if begins(candidate, name) || begins(name, candidate) {
            match found {
                Some(other) if other != candidate => return None,
                _ => found = Some(candidate),
            }
        }
    }
    found
}

/// Whether `long` is `short` with more at its end, ASCII case folded, and
/// `short` has three characters at least.
fn begins(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && short.chars().count() >= 3
        && long
            .get(..short.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(short))
}

/// The characters of `name`, ASCII letters lowered; `None` past [`LONGEST`].
fn fold(name: &str) -> Option<Vec<char>> {
    let folded: Vec<char> = name
        .chars()
        .take(LONGEST + 1)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (folded.len() <= LONGEST).then_some(folded)
}

/// Optimal string alignment distance: inserting, deleting or replacing a
/// character or swapping two neighbours is one edit.
fn distance(a: &[char], b: &[char]) -> usize {
    // Three rows: the one before the previous is needed for swaps.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

/// "`a`, `b`, `c`": names as a message lists them.
pub fn listed<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
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

    // The table lives with the runtime crate, which publishes with this one
    // in lockstep; only these tests read it.
    include!("../../lowbit-core/src/suggest_cases.rs");

    #[test]
    fn every_case_of_the_shared_table() {
        for &(typed, names, expected) in CASES {
            assert_eq!(
                closest(typed, names.iter().copied()),
                expected,
                "{typed:?} among {names:?}"
            );
        }
    }

    #[test]
    fn a_swap_of_neighbours_is_one_edit() {
        let measure = |a: &str, b: &str| distance(&fold(a).unwrap(), &fold(b).unwrap());
        assert_eq!(measure("vaule", "value"), 1);
        assert_eq!(measure("abc", "abc"), 0);
        assert_eq!(measure("", "abc"), 3);
        assert_eq!(measure("ENABLE", "enable"), 0);
        assert_eq!(measure("é", "e"), 1);
    }

    #[test]
    fn hints_read_as_a_clause() {
        assert_eq!(hint("enabel", ["enable"]), "; did you mean `enable`?");
        assert_eq!(hint("zzz", ["enable"]), "");
    }

    #[test]
    fn long_names_cost_little() {
        let long: String = "key_".repeat(5_000);
        let typo = format!("{}x", &long[..long.len() - 1]);
        let started = std::time::Instant::now();
        for _ in 0..10 {
            assert_eq!(closest(&typo, [long.as_str(), "enable", "protocol"]), None);
            let longer = format!("{long}_");
            assert_eq!(
                closest(&longer, [long.as_str(), "enable"]),
                Some(long.as_str())
            );
        }
        // Counting edits between them would take seconds.
        assert!(
            started.elapsed().as_millis() < 1_000,
            "{:?}",
            started.elapsed()
        );
    }
}
