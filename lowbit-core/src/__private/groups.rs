//! What the checks of group rules (`#[validate(at_most_one(..))]` and its
//! kin) call: whether a group is broken, counted inline, and its violation,
//! worded out of line once it is.

use std::fmt::Write as _;

use crate::path::{Location, PathSegment};
use crate::report::{Report, Violation};

/// Which group rule: how many of its fields may be set.
// The variants are the rules' own words.
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GroupKind {
    /// `at_most_one`: none or one.
    AtMostOne,
    /// `exactly_one`: one.
    ExactlyOne,
    /// `at_least_one`: one or more.
    AtLeastOne,
}

impl GroupKind {
    /// The rule's name, which its violations carry as their code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            GroupKind::AtMostOne => "at_most_one",
            GroupKind::ExactlyOne => "exactly_one",
            GroupKind::AtLeastOne => "at_least_one",
        }
    }
}

/// Whether a group whose members are set as `set` says is broken.
#[inline]
#[must_use]
pub fn group_broken(kind: GroupKind, set: &[bool]) -> bool {
    let count = set.iter().filter(|set| **set).count();
    match kind {
        GroupKind::AtMostOne => count > 1,
        GroupKind::ExactlyOne => count != 1,
        GroupKind::AtLeastOne => count == 0,
    }
}

/// Records the violation of a broken group, whose members' serde names are
/// `names` and which of them are set, `set`. Too many set, it sits at the
/// second one set (the first is allowed; the second is the one too many);
/// none set, at the struct itself. `template` is the rule's own message.
#[cold]
#[inline(never)]
pub fn report_group(
    report: &mut Report,
    at: &Location<'_>,
    kind: GroupKind,
    names: &[&'static str],
    set: &[bool],
    template: Option<&'static str>,
    warn: bool,
) {
    let chosen: Vec<&'static str> = names
        .iter()
        .zip(set)
        .filter(|(_, set)| **set)
        .map(|(name, _)| *name)
        .collect();
    let mut path = at.to_path();
    let within = if path.is_root() {
        String::new()
    } else {
        format!(" in {path}")
    };
    if let Some(second) = chosen.get(1) {
        path = crate::path::Path::from_segments(
            path.segments()
                .iter()
                .cloned()
                .chain([PathSegment::Field((*second).into())])
                .collect(),
        );
    }
    let violation = match template {
        Some(template) => Violation::from_template(path, kind.code(), template),
        None => Violation::new(path, kind.code(), message(kind, names, &chosen, &within)),
    };
    report.push(if warn {
        violation.into_warning()
    } else {
        violation
    });
}

/// The default sentence: which fields are set, and what the group allows.
fn message(kind: GroupKind, names: &[&str], chosen: &[&str], within: &str) -> String {
    let all = names.join(", ");
    let mut text = String::new();
    if chosen.is_empty() {
        let _ = write!(
            text,
            "{} of {all} must be set{within}, and none is",
            match kind {
                GroupKind::ExactlyOne => "exactly one",
                _ => "at least one",
            }
        );
        return text;
    }
    let (last, rest) = chosen.split_last().unwrap_or((&"", &[]));
    let both = if chosen.len() == 2 { "both" } else { "all" };
    let _ = write!(
        text,
        "{} and {last} are {both} set{within}; ",
        rest.join(", ")
    );
    let allowed = match kind {
        GroupKind::ExactlyOne => "only one",
        _ => "at most one",
    };
    let _ = write!(text, "{allowed} of {all} may be set");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_decide_each_kind() {
        use GroupKind::{AtLeastOne, AtMostOne, ExactlyOne};
        let cases: [(&[bool], [bool; 3]); 4] = [
            (&[false, false, false], [false, true, true]),
            (&[true, false, false], [false, false, false]),
            (&[true, true, false], [true, true, false]),
            (&[true, true, true], [true, true, false]),
        ];
        for (set, broken) in cases {
            let got = [
                group_broken(AtMostOne, set),
                group_broken(ExactlyOne, set),
                group_broken(AtLeastOne, set),
            ];
            assert_eq!(got, broken, "{set:?}");
        }
    }

    #[test]
    fn messages_name_every_field_set() {
        let names = ["exec", "httpGet", "tcpSocket"];
        assert_eq!(
            message(GroupKind::AtMostOne, &names, &["exec", "tcpSocket"], ""),
            "exec and tcpSocket are both set; at most one of exec, httpGet, tcpSocket may be set"
        );
        assert_eq!(
            message(GroupKind::ExactlyOne, &names, &names, " in probe"),
            "exec, httpGet and tcpSocket are all set in probe; only one of exec, httpGet, tcpSocket may be set"
        );
        assert_eq!(
            message(GroupKind::AtLeastOne, &names, &[], ""),
            "at least one of exec, httpGet, tcpSocket must be set, and none is"
        );
    }
}
