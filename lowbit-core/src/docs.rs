//! Documentation generated from the rules themselves, so that it cannot
//! drift from the code. It reads [`Shape`], which the derive implements with
//! the feature `shape`.
//!
//! ```
//! use lowbit_core::Validate;
//!
//! #[derive(serde::Deserialize, Validate, Default)]
//! #[serde(rename_all = "snake_case")]
//! enum Interval { Step, #[default] Chunk }
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Rho {
//!     #[only_if(interval = "chunk", message = "compress only once a chunk")]
//!     compress: bool,
//!     interval: Interval,
//! }
//!
//! assert_eq!(
//!     lowbit_core::docs::markdown::<Rho>(),
//!     "| key | rule | applies | message |\n\
//!      |---|---|---|---|\n\
//!      | `compress` | `only_if` | only when `interval = \"chunk\"` | compress only once a chunk |\n"
//! );
//! ```

mod datum;
mod template;

pub use template::{Format, Template, template};

use std::fmt::Write as _;

use crate::shape::{Condition, Kind, Literal, Named, RuleInfo, RuleKind, Shape, StructShape, Test};

/// A markdown table of every rule of `T` and of the types below it: the key
/// each rule is about (in the file's spelling), the rule, what it requires,
/// and the message a violation carries.
#[must_use]
pub fn markdown<T: Shape + ?Sized>() -> String {
    let mut out = String::from("| key | rule | applies | message |\n|---|---|---|---|\n");
    let mut seen = Vec::new();
    walk(&T::shape(), "", &mut seen, &mut |path, rule, gate| {
        let key = join(path, &rule.subject);
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            key_cell(&key, rule, path),
            rule.code(),
            cell(&applies(rule, path, gate)),
            cell(&rule.message.replace("{path}", &key)),
        );
    });
    out
}

/// What `walk` calls for each rule: the path of the struct that holds it,
/// the rule, and the struct's gate when the rule is gated.
type Row<'a> = dyn FnMut(&str, &RuleInfo, Option<&[&'static str]>) + 'a;

/// Calls `row` for every rule of every struct reachable from `kind`, with
/// the path of the struct that holds it and its gate.
fn walk(kind: &Kind, path: &str, seen: &mut Vec<&'static str>, row: &mut Row<'_>) {
    match kind {
        Kind::Optional(inner) => walk(inner, path, seen, row),
        Kind::List { items, .. } => walk(items, &format!("{path}[i]"), seen, row),
        Kind::Map(values) => walk(values, &format!("{path}[\"key\"]"), seen, row),
        Kind::Named(named) => {
            // A type that contains itself is described once, where it first appears.
            if seen.contains(&named.name) {
                return;
            }
            seen.push(named.name);
            match named.describe() {
                Named::Struct(shape) => walk_struct(&shape, path, seen, row),
                Named::Enum(shape) => {
                    for variant in &shape.variants {
                        let path = match &shape.tagging {
                            crate::shape::Tagging::External => join(path, &[variant.name]),
                            crate::shape::Tagging::Adjacent(_, content) => join(path, &[*content]),
                            _ => path.to_owned(),
                        };
                        if let Some(fields) = &variant.fields {
                            walk_struct(fields, &path, seen, row);
                        } else if let Some(payload) = variant.newtype() {
                            // A newtype's payload is validated in place.
                            walk(payload, &path, seen, row);
                        }
                    }
                }
            }
            seen.pop();
        }
        _ => {}
    }
}

fn walk_struct(shape: &StructShape, path: &str, seen: &mut Vec<&'static str>, row: &mut Row<'_>) {
    for rule in &shape.rules {
        if !matches!(rule.kind, RuleKind::Nested) {
            let gate = if rule.gated {
                shape.gate.as_deref()
            } else {
                None
            };
            match &rule.kind {
                RuleKind::Items(inner) | RuleKind::Keys(inner) => {
                    row(path, &entries_row(shape, rule, inner), gate);
                }
                _ => row(path, rule, gate),
            }
        }
    }
    for field in &shape.fields {
        let path = if field.flatten {
            path.to_owned()
        } else {
            join(path, &[field.name])
        };
        walk(&field.kind, &path, seen, row);
    }
}

/// The row of `items(..)` (or `keys(..)`): about the items' path (`f[i]`,
/// `f["key"]`), or the map's for keys, with the messages of the rules
/// inside.
fn entries_row(shape: &StructShape, rule: &RuleInfo, inner: &[RuleInfo]) -> RuleInfo {
    let keys = matches!(rule.kind, RuleKind::Keys(_));
    let mut subject = rule.subject.clone();
    if !keys {
        // A map's values are under their keys; anything else's items at an index.
        let map = match shape
            .fields
            .iter()
            .find(|field| rule.subject == [field.name])
        {
            Some(field) => match &field.kind {
                Kind::Optional(inner) => matches!(**inner, Kind::Map(_)),
                kind => matches!(kind, Kind::Map(_)),
            },
            None => false,
        };
        subject.push(if map { "[\"key\"]" } else { "[i]" });
    }
    let message = inner
        .iter()
        .map(|rule| {
            if keys {
                rule.message.replace("{path}", "{path}[\"key\"]")
            } else {
                rule.message.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    RuleInfo {
        subject,
        message,
        ..rule.clone()
    }
}

/// What a rule requires, in words.
fn applies(rule: &RuleInfo, path: &str, gate: Option<&[&'static str]>) -> String {
    let condition = |condition: &Condition| format!("`{}`", render(condition, path));
    let mut text = match &rule.kind {
        RuleKind::OneOf(values) => format!("one of {}", literals(values)),
        RuleKind::NoneOf(values) => format!("none of {}", literals(values)),
        RuleKind::Requires(conditions) => format!(
            "requires {}",
            conditions
                .iter()
                .map(condition)
                .collect::<Vec<_>>()
                .join(" and ")
        ),
        RuleKind::OnlyIf(cond) => format!("only when {}", condition(cond)),
        RuleKind::RequiredIf(cond) => format!("required when {}", condition(cond)),
        RuleKind::ConflictsWith(cond) => format!("not together with {}", condition(cond)),
        RuleKind::Nested => "its own rules".to_owned(),
        RuleKind::Range {
            min,
            max,
            min_field,
            max_field,
            exclusive_min,
            exclusive_max,
        } => {
            let bound = |value: &Option<Literal>, field: &Option<Vec<&'static str>>| {
                value.as_ref().map(ToString::to_string).or_else(|| {
                    field
                        .as_ref()
                        .map(|field| format!("`{}`", join(path, field)))
                })
            };
            let above = if *exclusive_min {
                "greater than"
            } else {
                "at least"
            };
            let below = if *exclusive_max {
                "less than"
            } else {
                "at most"
            };
            match (bound(min, min_field), bound(max, max_field)) {
                (Some(min), Some(max)) if *exclusive_min || *exclusive_max => {
                    format!("{above} {min} and {below} {max}")
                }
                (Some(min), None) if *exclusive_min => format!("{above} {min}"),
                (None, Some(max)) if *exclusive_max => format!("{below} {max}"),
                (Some(min), Some(max)) => format!("between {min} and {max}"),
                (Some(min), None) => format!("at least {min}"),
                (None, Some(max)) => format!("at most {max}"),
                (None, None) => "any number".to_owned(),
            }
        }
        RuleKind::MultipleOf { value, field } => match (value, field) {
            (Some(value), _) => format!("a multiple of {value}"),
            (None, Some(field)) => format!("a multiple of `{}`", join(path, field)),
            (None, None) => "a multiple".to_owned(),
        },
        RuleKind::Length { min, max, unit } => {
            let length = match (min, max) {
                (Some(min), Some(max)) if min == max => format!("length {min}"),
                (Some(min), Some(max)) => format!("length {min} to {max}"),
                (Some(min), None) => format!("length at least {min}"),
                (None, Some(max)) => format!("length at most {max}"),
                (None, None) => "any length".to_owned(),
            };
            match unit {
                Some(unit) => format!("{length} in {}", unit.word()),
                None => length,
            }
        }
        RuleKind::NonEmpty => "not empty".to_owned(),
        RuleKind::Forbidden => "must not be set".to_owned(),
        RuleKind::Required => "required".to_owned(),
        RuleKind::AtMostOne(members) => format!("at most one of {} set", keys(path, members)),
        RuleKind::ExactlyOne(members) => format!("exactly one of {} set", keys(path, members)),
        RuleKind::AtLeastOne(members) => format!("at least one of {} set", keys(path, members)),
        RuleKind::Custom { function, .. } => format!("checked by `{function}`"),
        RuleKind::Items(rules) => each(rules, path),
        RuleKind::Keys(rules) => format!("each key: {}", each(rules, path)),
        RuleKind::Prefix(text) => format!("starts with `{text:?}`"),
        RuleKind::Suffix(text) => format!("ends with `{text:?}`"),
        RuleKind::Contains(text) => format!("contains `{text:?}`"),
        RuleKind::DoesNotContain(text) => format!("does not contain `{text:?}`"),
        RuleKind::Ascii => "ASCII characters only".to_owned(),
        RuleKind::Alphanumeric => "letters and digits only".to_owned(),
        RuleKind::Ip => "an IP address (v4 or v6)".to_owned(),
        RuleKind::Ipv4 => "an IPv4 address".to_owned(),
        RuleKind::Ipv6 => "an IPv6 address".to_owned(),
        RuleKind::Unique => "no two items equal".to_owned(),
        RuleKind::Pattern(source) => format!("matches `/{source}/`"),
        RuleKind::Email => "an email address".to_owned(),
        RuleKind::Url(schemes) if schemes.is_empty() => "a URL".to_owned(),
        RuleKind::Url(schemes) => format!(
            "a URL with scheme {}",
            schemes
                .iter()
                .map(|scheme| format!("`{scheme}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    };
    if !rule.when.is_empty() {
        let _ = write!(text, "; when it is {}", literals(&rule.when));
    }
    if let Some(guard) = &rule.guard {
        let _ = write!(text, "; if `{}`", render(guard, path));
    }
    if let Some(gate) = gate {
        let _ = write!(text, "; while `{}` is set", join(path, gate));
    }
    if rule.warn {
        text.push_str(" (warning)");
    }
    text
}

/// What the rules inside `items(..)` or `keys(..)` require of each item.
fn each(rules: &[RuleInfo], path: &str) -> String {
    rules
        .iter()
        .map(|rule| applies(rule, path, None))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A condition as the attribute spells it, with the keys' full paths from
/// `root`, in the file's spelling.
fn render(condition: &Condition, root: &str) -> String {
    let all = |conditions: &[Condition]| {
        conditions
            .iter()
            .map(|condition| render(condition, root))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match condition {
        Condition::Set(path) => join(root, path),
        Condition::Test(path, test) => test_text(&join(root, path), test),
        Condition::Not(inner) => format!("not({})", render(inner, root)),
        Condition::All(conditions) => format!("all({})", all(conditions)),
        Condition::Any(conditions) => format!("any({})", all(conditions)),
        Condition::EveryItem(path, test) => {
            format!("every({})", test_text(&join(root, path), test))
        }
        Condition::SomeItem(path, test) => format!("some({})", test_text(&join(root, path), test)),
        Condition::Compare(left, symbol, right) => {
            format!("{} {symbol} {}", join(root, left), join(root, right))
        }
    }
}

fn test_text(path: &str, test: &Test) -> String {
    match test {
        Test::Eq(value) => format!("{path} = {value}"),
        Test::Ne(value) => format!("{path} != {value}"),
        Test::In(values) => format!("{path} in ({})", literals(values)),
        Test::Lt(value) => format!("{path} < {value}"),
        Test::Le(value) => format!("{path} <= {value}"),
        Test::Gt(value) => format!("{path} > {value}"),
        Test::Ge(value) => format!("{path} >= {value}"),
    }
}

fn literals(values: &[Literal]) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn join(path: &str, segments: &[&str]) -> String {
    let mut joined = path.to_owned();
    for segment in segments {
        // An item's segment (`[i]`) follows its collection without a dot.
        if !joined.is_empty() && !segment.starts_with('[') {
            joined.push('.');
        }
        joined.push_str(segment);
    }
    joined
}

/// The key column: the key a rule is about; for a rule of the container,
/// which is about the struct itself, its group's keys or the struct's own
/// path (`(root)` at the top of the file).
fn key_cell(key: &str, rule: &RuleInfo, path: &str) -> String {
    match &rule.kind {
        RuleKind::AtMostOne(members)
        | RuleKind::ExactlyOne(members)
        | RuleKind::AtLeastOne(members) => keys(path, members),
        _ if key.is_empty() => "(root)".to_owned(),
        _ => format!("`{key}`"),
    }
}

/// The keys of a group, each with its full path.
fn keys(path: &str, members: &[&str]) -> String {
    members
        .iter()
        .map(|member| format!("`{}`", join(path, &[member])))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text that a markdown table cell holds as it is.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
