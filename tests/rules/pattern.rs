//! `pattern`: a string matches a regular expression, parsed when the crate
//! compiles and compiled once at run time. It passes an absent `Option`,
//! works inside `items(..)` and `keys(..)`, and takes `message`, `if(..)`,
//! `warn` and `at` like every rule.

use std::collections::BTreeMap;

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate)]
struct Names {
    #[pattern("^[a-z][a-z0-9_]*$")]
    name: String,
    #[pattern(r"^v\d+(\.\d+){0,2}$")]
    version: Option<String>,
    // Unanchored: a match anywhere in the text counts.
    #[pattern("[0-9]")]
    with_digit: String,
    #[pattern(r"^\p{Greek}+$")]
    greek: Option<String>,
}

impl Default for Names {
    fn default() -> Self {
        Names {
            name: "rho_state".into(),
            version: None,
            with_digit: "layer2".into(),
            greek: None,
        }
    }
}

/// Matches pass; the rest are rejected at the field's path with the value,
/// and the message quotes the expression between slashes, backslashes as
/// written.
#[test]
fn accepts_and_rejects() {
    table(&[
        ("defaults", &[pass(&Names::default())]),
        (
            "anchored",
            &[
                pass(&Names {
                    name: "a".into(),
                    ..Names::default()
                }),
                reject(
                    &Names {
                        name: "Rho".into(),
                        ..Names::default()
                    },
                    "name",
                    "pattern",
                    Some("\"Rho\""),
                    r#"name must match /^[a-z][a-z0-9_]*$/, not "Rho""#,
                ),
                reject(
                    &Names {
                        name: String::new(),
                        ..Names::default()
                    },
                    "name",
                    "pattern",
                    Some("\"\""),
                    r#"name must match /^[a-z][a-z0-9_]*$/, not """#,
                ),
                // `$` is the end of the text, not of a line before it.
                reject(
                    &Names {
                        name: "rho\n".into(),
                        ..Names::default()
                    },
                    "name",
                    "pattern",
                    Some("\"rho\\n\""),
                    "name must match /^[a-z][a-z0-9_]*$/, not \"rho\\n\"",
                ),
            ],
        ),
        (
            "on_option",
            &[
                pass(&Names {
                    version: Some("v1.2".into()),
                    ..Names::default()
                }),
                reject(
                    &Names {
                        version: Some("1.2".into()),
                        ..Names::default()
                    },
                    "version",
                    "pattern",
                    Some("\"1.2\""),
                    r#"version must match /^v\d+(\.\d+){0,2}$/, not "1.2""#,
                ),
            ],
        ),
        (
            "unanchored",
            &[
                pass(&Names {
                    with_digit: "2".into(),
                    ..Names::default()
                }),
                reject(
                    &Names {
                        with_digit: "layer".into(),
                        ..Names::default()
                    },
                    "with_digit",
                    "pattern",
                    Some("\"layer\""),
                    r#"with_digit must match /[0-9]/, not "layer""#,
                ),
            ],
        ),
        (
            "unicode_classes",
            &[
                pass(&Names {
                    greek: Some("ρσ".into()),
                    ..Names::default()
                }),
                reject(
                    &Names {
                        greek: Some("rho".into()),
                        ..Names::default()
                    },
                    "greek",
                    "pattern",
                    Some("\"rho\""),
                    r#"greek must match /^\p{Greek}+$/, not "rho""#,
                ),
            ],
        ),
    ]);
}

/// Each struct value validated twice and by `is_valid` sees the same
/// compiled expression: many values, one verdict each.
#[test]
fn many_values_one_expression() {
    for (index, name) in ["a", "b_1", "Bad", "c2", "2c"].iter().enumerate() {
        let names = Names {
            name: (*name).into(),
            ..Names::default()
        };
        let valid = index != 2 && index != 4;
        assert_eq!(names.is_valid(), valid, "{name}");
        assert_eq!(names.validate().is_ok(), valid, "{name}");
    }
}

#[derive(Validate, Default)]
struct Modules {
    #[items(pattern("^[a-z_.]+$"))]
    targets: Vec<String>,
    #[keys(pattern("^layer[0-9]+$"))]
    #[items(pattern("^(int8|fp8)$"))]
    formats: BTreeMap<String, String>,
}

/// Inside `items(..)` and `keys(..)`, each item and key at its own path.
#[test]
fn on_items_and_keys() {
    let targets = |targets: &[&str]| Modules {
        targets: targets.iter().map(|&target| target.to_owned()).collect(),
        ..Modules::default()
    };
    let format = |key: &str, value: &str| Modules {
        formats: BTreeMap::from([(key.to_owned(), value.to_owned())]),
        ..Modules::default()
    };
    table(&[
        (
            "items",
            &[
                pass(&targets(&["encoder.attn", "decoder"])),
                reject(
                    &targets(&["encoder", "Decoder"]),
                    "targets[1]",
                    "pattern",
                    Some("\"Decoder\""),
                    r#"targets[1] must match /^[a-z_.]+$/, not "Decoder""#,
                ),
            ],
        ),
        (
            "keys_and_values",
            &[
                pass(&format("layer3", "fp8")),
                reject(
                    &format("layer3", "fp16"),
                    "formats[\"layer3\"]",
                    "pattern",
                    Some("\"fp16\""),
                    r#"formats["layer3"] must match /^(int8|fp8)$/, not "fp16""#,
                ),
                reject(
                    &format("embed", "int8"),
                    "formats[\"embed\"]",
                    "pattern",
                    Some("\"embed\""),
                    r#"key formats["embed"] must match /^layer[0-9]+$/, not "embed""#,
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Output {
    dir: String,
}

#[derive(Validate, Default)]
struct Options {
    strict: bool,
    #[pattern("^[a-z]+$", if(strict))]
    tag: String,
    #[pattern(r"^\S+$", warn)]
    label: String,
    #[pattern("^[0-9]{4}$", message = "{path} is a four-digit year, not {value}")]
    year: Option<String>,
    #[pattern("^/", at = dir)]
    output: Option<Output>,
}

/// `if(..)`, `warn`, `message` and `at` on `pattern`.
#[test]
fn options() {
    let loose = Options {
        tag: "Tag-1".into(),
        label: "x".into(),
        ..Options::default()
    };
    crate::support::passes(&loose);
    crate::support::rejects(
        &Options {
            strict: true,
            ..loose
        },
        "tag",
        "pattern",
        Some("\"Tag-1\""),
        r#"tag must match /^[a-z]+$/ while strict, not "Tag-1""#,
    );

    let spaced = Options {
        tag: "t".into(),
        label: "two words".into(),
        ..Options::default()
    };
    assert!(spaced.validate().is_ok());
    let report = spaced.report();
    assert_eq!(report.len(), 1);
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    crate::support::check(
        warning,
        "label",
        "pattern",
        Some("\"two words\""),
        r#"label should match /^\S+$/, not "two words""#,
    );

    let quiet = || Options {
        label: "x".into(),
        ..Options::default()
    };
    crate::support::rejects(
        &Options {
            year: Some("24".into()),
            ..quiet()
        },
        "year",
        "pattern",
        Some("\"24\""),
        r#"year is a four-digit year, not "24""#,
    );
    crate::support::passes(&Options {
        output: Some(Output { dir: "/tmp".into() }),
        ..quiet()
    });
    crate::support::rejects(
        &Options {
            output: Some(Output { dir: "tmp".into() }),
            ..quiet()
        },
        "output.dir",
        "pattern",
        Some("\"tmp\""),
        r#"output.dir must match /^//, not "tmp""#,
    );
}
