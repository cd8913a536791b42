//! The serde attribute matrix (issue 13): every serde attribute lowbit
//! reads, on fields, variants and containers, with its leaf put at the root,
//! two tables down, behind `Option`, in a `Vec` and in a map, and for each
//! place four documents: a valid one, one value breaking a rule, the same
//! value of the wrong type, and a key the leaf does not know. Each document
//! is written out as TOML, JSON and YAML and loaded; the diagnostics must be
//! exactly the one expected, with the serde path, at the line and column of
//! the broken value (or stray key); for an untagged enum, whose value of
//! the wrong type matches no variant, serde names no value but the enum,
//! which is reported at its own. Each document is also judged by
//! `validate()` and by the exported JSON Schema, which must agree.
//!
//! Where lowbit is wrong today the case stays in the matrix and is listed in
//! [`GAPS`], with its cause: the test fails when a listed gap closes (so the
//! list shrinks with the fixes) and when an unlisted one opens.
//!
//! Serde's attributes this matrix leaves to other tests or out of scope are
//! listed at the end of this file, with the reason.

#[path = "serde_matrix/types.rs"]
mod types;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use jsonschema::Validator;
use lowbit_core::Validate;
use lowbit_core::diagnostic::Severity;
use lowbit_core::load::Loaded;
use lowbit_core::shape::Shape;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// One serde attribute in place: a leaf type's valid body, and where and
/// how the matrix breaks it.
struct Case {
    name: &'static str,
    /// A valid leaf, as a document holds it.
    body: Value,
    /// The keys from the leaf's body down to the value the matrix breaks.
    at: Vec<&'static str>,
    /// That value's serde path from the leaf.
    path: &'static str,
    /// A value of the right type that breaks a rule, and the code of the
    /// diagnostic; `None` when the leaf holds no rule.
    rule: Option<(Value, &'static str)>,
    /// A value of the wrong type, and the code of the diagnostic.
    wrong: (Value, &'static str),
    /// The keys from the leaf's body down to the table the stray key is put
    /// in, and the stray key's serde path from the leaf.
    stray_in: Vec<&'static str>,
    stray: &'static str,
    stray_path: &'static str,
    /// Whether serde refuses the stray key (`deny_unknown_fields`).
    denied: bool,
    /// Whether the `toml` crate refuses it: it reads an externally tagged
    /// variant's table as if its fields were denied unknown keys.
    toml_denies: bool,
    /// For an untagged enum, where the value of the wrong type is reported
    /// in each place: it matches no variant, and serde names no value but
    /// the enum, so the diagnostic is serde's (`deserialize`) at the
    /// enum's path and value. By place, the `(line, column)` in TOML, JSON
    /// and YAML (a TOML table that a header only implies is at its key).
    no_variant: &'static [(&'static str, [(usize, usize); 3])],
}

impl Case {
    /// The usual shape: a `name` and a `count` with `range(max = 10)`.
    fn counted(name: &'static str, body: Value, key: &'static str) -> Case {
        Case {
            name,
            body,
            at: vec![key],
            path: key,
            rule: Some((json!(9001), "range")),
            wrong: (json!("BROKEN"), "invalid_type"),
            stray_in: vec![],
            stray: "stray",
            stray_path: "stray",
            denied: false,
            toml_denies: false,
            no_variant: &[],
        }
    }
}

/// The cases, one per attribute in place.
fn cases() -> Vec<(Case, Runner)> {
    use types::*;
    let nc = |count: u32| json!({"name": "n", "count": count});
    vec![
        (Case::counted("plain", nc(1), "count"), plain::run),
        (
            Case::counted("rename", json!({"name": "n", "total": 1}), "total"),
            renamed::run,
        ),
        (
            Case::counted(
                "rename_deserialize",
                json!({"name": "n", "read": 1}),
                "read",
            ),
            renamed_apart::run,
        ),
        (
            Case::counted(
                "rename_all",
                json!({"name": "n", "max-count": 1}),
                "max-count",
            ),
            kebab::run,
        ),
        (
            Case {
                path: "count",
                ..Case::counted("alias", json!({"name": "n", "old_count": 1}), "old_count")
            },
            aliased::run,
        ),
        (Case::counted("default", nc(1), "count"), defaulted::run),
        (
            Case::counted("default_path", nc(1), "count"),
            default_fn::run,
        ),
        (
            Case::counted("default_container", nc(1), "count"),
            default_all::run,
        ),
        (
            Case {
                denied: true,
                ..Case::counted("deny_unknown_fields", nc(1), "count")
            },
            strict::run,
        ),
        (Case::counted("flatten", nc(1), "count"), flat::run),
        (
            Case {
                stray: "hidden",
                stray_path: "hidden",
                ..Case::counted("skip", nc(1), "count")
            },
            skipped::run,
        ),
        (
            Case {
                stray: "hidden",
                stray_path: "hidden",
                ..Case::counted("skip_deserializing", nc(1), "count")
            },
            skipped_in::run,
        ),
        (
            Case {
                at: vec!["tiny", "count"],
                path: "tiny.count",
                stray_in: vec!["tiny"],
                stray_path: "tiny.stray",
                toml_denies: true,
                ..Case::counted("external_variant_rename", json!({"tiny": {"count": 1}}), "")
            },
            external::run,
        ),
        (
            Case::counted(
                "internal_tag",
                json!({"kind": "small", "count": 1}),
                "count",
            ),
            internal::run,
        ),
        (
            Case {
                path: "count",
                ..Case::counted(
                    "alias_internal_tag",
                    json!({"kind": "small", "old_count": 1}),
                    "old_count",
                )
            },
            internal_aliased::run,
        ),
        (
            Case {
                path: "count",
                ..Case::counted(
                    "alias_flatten",
                    json!({"name": "n", "old_count": 1}),
                    "old_count",
                )
            },
            flat_aliased::run,
        ),
        (
            Case {
                at: vec!["c", "count"],
                path: "c.count",
                stray_in: vec!["c"],
                stray_path: "c.stray",
                ..Case::counted("adjacent_tag", json!({"t": "small", "c": {"count": 1}}), "")
            },
            adjacent::run,
        ),
        (
            Case {
                no_variant: &[
                    ("root", [(1, 1), (1, 1), (1, 1)]),
                    ("deep", [(1, 1), (3, 10), (3, 5)]),
                    ("option", [(1, 1), (2, 10), (2, 3)]),
                    ("vec", [(4, 1), (6, 5), (3, 3)]),
                    ("map", [(4, 1), (6, 10), (5, 5)]),
                ],
                ..Case::counted("untagged", json!({"count": 1}), "count")
            },
            untagged::run,
        ),
        (
            Case {
                at: vec!["small", "count"],
                path: "small.count",
                stray_in: vec!["small"],
                stray_path: "small.stray",
                no_variant: &[
                    ("root", [(1, 1), (1, 1), (1, 1)]),
                    ("deep", [(1, 4), (3, 10), (3, 5)]),
                    ("option", [(1, 2), (2, 10), (2, 3)]),
                    ("vec", [(6, 1), (8, 5), (4, 3)]),
                    ("map", [(4, 6), (8, 10), (6, 5)]),
                ],
                ..Case::counted("untagged_variant", json!({"small": {"count": 1}}), "")
            },
            partly_untagged::run,
        ),
        (
            Case::counted(
                "rename_all_fields",
                json!({"kind": "small", "maxCount": 1}),
                "maxCount",
            ),
            fields_renamed::run,
        ),
        (
            Case::counted(
                "flatten_tagged_enum",
                json!({"name": "n", "kind": "small", "count": 1}),
                "count",
            ),
            flat_enum::run,
        ),
        (
            Case {
                rule: Some((json!("turbo"), "none_of")),
                // Any string is a name, `other` when the enum lacks it.
                wrong: (json!(3), "invalid_type"),
                ..Case::counted("other", json!({"name": "n", "mode": "fast"}), "mode")
            },
            with_other::run,
        ),
        (
            Case::counted("transparent", nc(1), "count"),
            transparent::run,
        ),
        (
            Case {
                rule: Some((json!(120), "deserialize")),
                ..Case::counted("try_from", json!({"name": "n", "share": 1}), "share")
            },
            try_from_field::run,
        ),
        (
            Case {
                rule: None,
                ..Case::counted("from", json!({"name": "n", "size": 1}), "size")
            },
            from_field::run,
        ),
        (
            Case {
                rule: Some((json!(9000), "range")),
                ..Case::counted("deserialize_with", nc(2), "count")
            },
            deserialize_with::run,
        ),
    ]
}

/// Where lowbit is wrong today: `case/place/document/judge` patterns (`*`
/// for any one part, `a|b` for either), each with its cause. Every listed
/// combination must be wrong, and every wrong one listed.
const GAPS: &[(&str, &str)] = &[(
    "try_from/*/rule/schema",
    "the schema describes what serde reads, a `u32`, and cannot say that `TryFrom` \
         refuses more than 100",
)];

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Doc {
    Valid,
    Rule,
    Wrong,
    Stray,
}

impl Doc {
    fn name(self) -> &'static str {
        match self {
            Doc::Valid => "valid",
            Doc::Rule => "rule",
            Doc::Wrong => "wrong",
            Doc::Stray => "stray",
        }
    }
}

/// Where a leaf sits in a document: its name, the path to it, and the
/// document holding a (broken) leaf and a valid one beside it.
struct Place {
    name: &'static str,
    prefix: &'static str,
    wrap: fn(Value, Value) -> Value,
}

const ROOT: Place = Place {
    name: "root",
    prefix: "",
    wrap: |leaf, _| leaf,
};
const DEEP: Place = Place {
    name: "deep",
    prefix: "a.b.",
    wrap: |leaf, _| json!({"a": {"b": leaf}}),
};
const OPTION: Place = Place {
    name: "option",
    prefix: "opt.",
    wrap: |leaf, _| json!({"opt": leaf}),
};
/// The broken leaf second, after a valid one, so the index is checked.
const VEC: Place = Place {
    name: "vec",
    prefix: "list[1].",
    wrap: |leaf, valid| json!({"list": [valid, leaf]}),
};
const MAP: Place = Place {
    name: "map",
    prefix: "map[\"k\"].",
    wrap: |leaf, valid| json!({"map": {"j": valid, "k": leaf}}),
};

/// The formats a document is written in.
const FORMATS: [&str; 3] = ["toml", "json", "yaml"];

type Runner = fn(&Case, &mut Findings);

/// Everything that went other than expected, by `case/place/doc/judge`.
#[derive(Default)]
struct Findings {
    wrong: BTreeSet<String>,
    details: String,
    /// Every id tried, to expand the gap patterns against.
    tried: BTreeSet<String>,
}

impl Findings {
    fn check(&mut self, id: String, ok: bool, detail: impl FnOnce() -> String) {
        if !ok {
            writeln!(self.details, "{id}: {}", detail()).unwrap();
            self.wrong.insert(id.clone());
        }
        self.tried.insert(id);
    }
}

/// What a loader should report of a document: `(severity, code, path,
/// where it points)`, and whether a value comes out.
struct Expected {
    diagnostics: Vec<(Severity, &'static str, String, Spot)>,
    value: bool,
}

/// Where a diagnostic points.
enum Spot {
    /// At the one place this text is written (its quote included).
    Text(String),
    /// At this `(line, column)` in TOML, JSON and YAML.
    Fixed([(usize, usize); 3]),
}

/// Serde errors: the document gives no value to validate.
fn is_serde_code(code: &str) -> bool {
    matches!(
        code,
        "invalid_type" | "invalid_value" | "deserialize" | "unknown_key" | "unknown_variant"
    )
}

fn set(body: &mut Value, at: &[&str], value: Value) {
    let (last, keys) = at.split_last().expect("a key");
    let mut table = body;
    for key in keys {
        table = &mut table[*key];
    }
    table
        .as_object_mut()
        .expect("a table")
        .insert((*last).to_owned(), value);
}

/// The text a value is written as, without quotes: what the matrix looks
/// for in each format's rendering.
fn needle(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

pub(crate) fn place<T>(case: &Case, place: &Place, findings: &mut Findings)
where
    T: DeserializeOwned + Validate + Shape + std::fmt::Debug,
{
    let schema = lowbit_core::schema::json_schema::<T>();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let documents = [Doc::Valid, Doc::Rule, Doc::Wrong, Doc::Stray];
    for doc in documents {
        let mut leaf = case.body.clone();
        let path = |suffix: &str| format!("{}{suffix}", place.prefix);
        let expected = match doc {
            Doc::Valid => Expected {
                diagnostics: vec![],
                value: true,
            },
            Doc::Rule => {
                let Some((value, code)) = &case.rule else {
                    continue;
                };
                set(&mut leaf, &case.at, value.clone());
                Expected {
                    diagnostics: vec![(
                        Severity::Error,
                        *code,
                        path(case.path),
                        Spot::Text(needle(value)),
                    )],
                    value: !is_serde_code(code),
                }
            }
            Doc::Wrong => {
                let (value, code) = &case.wrong;
                set(&mut leaf, &case.at, value.clone());
                let whole = case.no_variant.iter().find(|(name, _)| *name == place.name);
                let diagnostic = match whole {
                    Some((_, at)) => (
                        Severity::Error,
                        "deserialize",
                        place.prefix.trim_end_matches('.').to_owned(),
                        Spot::Fixed(*at),
                    ),
                    None => (
                        Severity::Error,
                        *code,
                        path(case.path),
                        Spot::Text(needle(value)),
                    ),
                };
                Expected {
                    diagnostics: vec![diagnostic],
                    value: false,
                }
            }
            Doc::Stray => {
                let mut keys = case.stray_in.clone();
                keys.push(case.stray);
                set(&mut leaf, &keys, json!(1));
                let severity = if case.denied {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                Expected {
                    diagnostics: vec![(
                        severity,
                        "unknown_key",
                        path(case.stray_path),
                        Spot::Text(case.stray.to_owned()),
                    )],
                    value: !case.denied,
                }
            }
        };
        let document = (place.wrap)(leaf, case.body.clone());
        let id = |judge: &str| format!("{}/{}/{}/{judge}", case.name, place.name, doc.name());
        judge::<T>(&document, doc, &expected, &validator, &id, findings);
        for (index, format) in FORMATS.into_iter().enumerate() {
            let source = render(format, &document);
            let loaded: Loaded<T> = match format {
                "toml" => lowbit_core::toml::load(&source),
                "json" => lowbit_core::json::load(&source),
                _ => lowbit_core::yaml::load(&source),
            };
            let denied = doc == Doc::Stray && format == "toml" && case.toml_denies;
            let want: Vec<_> = expected
                .diagnostics
                .iter()
                .map(|(severity, code, path, spot)| {
                    let (line, column) = match spot {
                        Spot::Text(text) => locate(&source, text),
                        Spot::Fixed(at) => at[index],
                    };
                    let severity = if denied { Severity::Error } else { *severity };
                    (severity, *code, path.clone(), line, column)
                })
                .collect();
            let want_value = expected.value && !denied;
            let got: Vec<_> = loaded
                .diagnostics()
                .iter()
                .map(|d| {
                    (
                        d.severity(),
                        d.code(),
                        d.path().to_owned(),
                        d.line(),
                        d.column(),
                    )
                })
                .collect();
            let has_value = loaded.value().is_some();
            findings.check(id(format), got == want && has_value == want_value, || {
                format!(
                    "want {want:?} (value: {want_value}), got {got:?} (value: {has_value}) {:?}\n{source}",
                    loaded
                        .diagnostics()
                        .iter()
                        .map(|d| d.message())
                        .collect::<Vec<_>>()
                )
            });
        }
    }
}

/// `validate()` on what serde reads of `document`, against what the case
/// says, and the schema's verdict against `validate()`'s.
fn judge<T>(
    document: &Value,
    doc: Doc,
    expected: &Expected,
    validator: &Validator,
    id: &dyn Fn(&str) -> String,
    findings: &mut Findings,
) where
    T: DeserializeOwned + Validate + std::fmt::Debug,
{
    let read = serde_json::from_value::<T>(document.clone());
    let seen: Option<Vec<(&'static str, String)>> = read.as_ref().ok().map(|value| {
        value
            .report()
            .iter()
            .map(|v| (v.code(), v.path().to_string()))
            .collect()
    });
    let want: Option<Vec<(&'static str, String)>> = expected.value.then(|| {
        if doc == Doc::Rule {
            expected
                .diagnostics
                .iter()
                .map(|(_, code, path, _)| (*code, path.clone()))
                .collect()
        } else {
            vec![]
        }
    });
    findings.check(id("validate"), seen == want, || {
        format!("want {want:?}, got {seen:?} for {document}")
    });
    let rust = read.is_ok_and(|value| value.is_valid());
    let schema = validator.is_valid(document);
    findings.check(id("schema"), rust == schema, || {
        format!("validate() says {rust}, the schema {schema}, for {document}")
    });
}

/// `document` written in `format`.
fn render(format: &str, document: &Value) -> String {
    match format {
        "toml" => toml::to_string(document).expect("TOML can say it"),
        "json" => serde_json::to_string_pretty(document).expect("JSON can say it"),
        _ => serde_yaml_ng::to_string(document).expect("YAML can say it"),
    }
}

/// The line and column (from 1) of the one place `text` is written in
/// `source`, its quote included when it is quoted.
fn locate(source: &str, text: &str) -> (usize, usize) {
    let found: Vec<usize> = source.match_indices(text).map(|(at, _)| at).collect();
    assert_eq!(found.len(), 1, "`{text}` once in\n{source}");
    let mut at = found[0];
    if at > 0 && matches!(source.as_bytes()[at - 1], b'"' | b'\'') {
        at -= 1;
    }
    let line_start = source[..at].rfind('\n').map_or(0, |newline| newline + 1);
    (source[..at].matches('\n').count() + 1, at - line_start + 1)
}

/// `pattern` (`*` for any one part) matches `id`.
fn matches(pattern: &str, id: &str) -> bool {
    let parts: Vec<&str> = id.split('/').collect();
    let wanted: Vec<&str> = pattern.split('/').collect();
    parts.len() == wanted.len()
        && wanted
            .iter()
            .zip(&parts)
            .all(|(want, part)| *want == "*" || want.split('|').any(|one| one == *part))
}

#[test]
fn every_attribute_in_every_place_is_located_validated_and_described() {
    let mut findings = Findings::default();
    for (case, run) in cases() {
        run(&case, &mut findings);
    }
    let listed: BTreeSet<String> = findings
        .tried
        .iter()
        .filter(|id| GAPS.iter().any(|(pattern, _)| matches(pattern, id)))
        .cloned()
        .collect();
    for (pattern, _) in GAPS {
        assert!(
            findings.tried.iter().any(|id| matches(pattern, id)),
            "the gap `{pattern}` names nothing the matrix tries"
        );
    }
    let opened: Vec<&String> = findings.wrong.difference(&listed).collect();
    let closed: Vec<&String> = listed.difference(&findings.wrong).collect();
    assert!(
        opened.is_empty() && closed.is_empty(),
        "{} tried; wrong but not listed as gaps: {opened:#?}\nlisted as gaps but right: {closed:#?}\n{}",
        findings.tried.len(),
        findings.details
    );
}

// Serde's checklist (`test_suite/tests/test_annotations.rs`) against this
// matrix.
//
// In the matrix: `rename` on fields and variants, with its `(serialize,
// deserialize)` form; `rename_all` on structs, enums and variants;
// `rename_all_fields`; `alias`; `default` on fields and on structs;
// `default = "path"` on fields; `deny_unknown_fields`; `skip`;
// `skip_deserializing`; `flatten` of a struct and of an internally tagged
// enum; `tag`; `tag` with `content`; `untagged` on an enum and on one
// variant (serde's "partially untagged"); `other`; `transparent`;
// `try_from`; `from`; `deserialize_with`.
//
// Tested elsewhere, each in one place: `borrow` (a borrowed leaf cannot be
// read by the matrix's owned loaders and schema judge: `toml_serde.rs`),
// `flatten` into a catch-all map (serde's `collect_other`: `toml_serde.rs`
// with `support/fidelity.rs`), `Option<Option<T>>` and `IgnoredAny`.
//
// Left out, and why:
// - `serialize_with`, `skip_serializing`, `skip_serializing_if`, `into`,
//   `rename(serialize = ..)`'s serialize side, `getter`: serialization only;
//   a config file is read, and lowbit reads only the deserialize side.
// - `with = "module"`: reads as `deserialize_with = "module::deserialize"`,
//   which the matrix covers.
// - `expecting`: changes the text of serde's error, which the loaders pass
//   on as it is; it moves no path or location.
// - `bound`, `crate`, `remote`: code generation only, nothing a file spells.
// - `field_identifier`, `variant_identifier`: for hand-written
//   `Deserialize` impls' identifier enums, not for config types.
// - `default` on tuple structs and tuple variants, and serde's tuple
//   length errors: lowbit derives `Validate` on named-field structs and on
//   enums; a tuple variant's payload is described by `schema.rs`.
// - `no_std` defaults: lowbit-core needs `std`.
