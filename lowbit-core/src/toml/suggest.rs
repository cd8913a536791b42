//! Did-you-mean: the known name closest to a misspelled one.

/// The candidate closest to `name`, if one is close enough to be what was
/// meant: at most a third of its characters edited (one at least), a swap of
/// two neighbours counting as one edit, case ignored; or, failing that, the
/// one name that `name` begins (`ternary` for `ternary158`).
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lowered = name.to_lowercase();
    let limit = (name.chars().count() / 3).max(1);
    let distance = |candidate: &str| strsim::osa_distance(&lowered, &candidate.to_lowercase());
    let near = candidates
        .iter()
        .map(|candidate| (distance(candidate), *candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate);
    near.or_else(|| {
        let mut begun = candidates.iter().filter(|candidate| {
            lowered.len() >= 3 && candidate.to_lowercase().starts_with(&lowered)
        });
        // A beginning shared by two names says neither.
        match (begun.next(), begun.next()) {
            (Some(only), None) => Some(*only),
            _ => None,
        }
    })
}

/// `` `a`, `b`, `c` ``.
pub(crate) fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_the_name_meant() {
        let fields = ["enable", "protocol", "act_format", "act_grouping"];
        assert_eq!(closest("enabel", &fields), Some("enable"));
        assert_eq!(closest("Protocol", &fields), Some("protocol"));
        assert_eq!(closest("act-format", &fields), Some("act_format"));
        assert_eq!(
            closest("ternary", &["sign1", "ternary158"]),
            Some("ternary158")
        );
    }

    #[test]
    fn far_names_find_nothing() {
        assert_eq!(closest("colour", &["enable", "protocol"]), None);
        assert_eq!(closest("x", &[]), None);
        // A prefix of two names says neither.
        assert_eq!(closest("act", &["act_format", "act_grouping"]), None);
    }

    #[test]
    fn lists_quote_every_name() {
        assert_eq!(list(&["fp32", "bf16"]), "`fp32`, `bf16`");
    }
}
