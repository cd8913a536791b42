//! The rules about a string's text: `prefix`, `suffix`, `contains`,
//! `does_not_contain`, `ascii` and `alphanumeric`. Each passes an absent
//! `Option`, works inside `items(..)` and `keys(..)`, and takes `message`,
//! `if(..)` and `warn` like every rule.

use std::collections::BTreeMap;

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate)]
struct Paths {
    #[prefix("/")]
    root: String,
    #[suffix(".sock")]
    socket: Option<String>,
    #[contains("{id}")]
    template: String,
    #[does_not_contain("..")]
    include: Option<String>,
    #[ascii]
    banner: String,
    #[alphanumeric]
    token: String,
}

impl Default for Paths {
    fn default() -> Self {
        Paths {
            root: "/srv".into(),
            socket: None,
            template: "job-{id}.log".into(),
            include: None,
            banner: String::new(),
            token: String::new(),
        }
    }
}

/// Each rule accepts what it names and rejects the rest, at the field's
/// path, with its value; `None` and the empty string pass `ascii` and
/// `alphanumeric` (every character of them is).
#[test]
fn accepts_and_rejects() {
    table(&[
        ("defaults", &[pass(&Paths::default())]),
        (
            "prefix",
            &[
                pass(&Paths {
                    root: "/".into(),
                    ..Paths::default()
                }),
                reject(
                    &Paths {
                        root: "srv/".into(),
                        ..Paths::default()
                    },
                    "root",
                    "prefix",
                    Some("\"srv/\""),
                    r#"root must start with "/", not "srv/""#,
                ),
                reject(
                    &Paths {
                        root: String::new(),
                        ..Paths::default()
                    },
                    "root",
                    "prefix",
                    Some("\"\""),
                    r#"root must start with "/", not """#,
                ),
            ],
        ),
        (
            "suffix_on_option",
            &[
                pass(&Paths {
                    socket: Some("/run/app.sock".into()),
                    ..Paths::default()
                }),
                reject(
                    &Paths {
                        socket: Some("/run/app.sock.bak".into()),
                        ..Paths::default()
                    },
                    "socket",
                    "suffix",
                    Some("\"/run/app.sock.bak\""),
                    r#"socket must end with ".sock", not "/run/app.sock.bak""#,
                ),
            ],
        ),
        (
            "contains_with_braces",
            &[reject(
                &Paths {
                    template: "job-{i}d.log".into(),
                    ..Paths::default()
                },
                "template",
                "contains",
                Some("\"job-{i}d.log\""),
                r#"template must contain "{id}", not "job-{i}d.log""#,
            )],
        ),
        (
            "does_not_contain",
            &[
                pass(&Paths {
                    include: Some("conf.d/./a.toml".into()),
                    ..Paths::default()
                }),
                reject(
                    &Paths {
                        include: Some("../etc/passwd".into()),
                        ..Paths::default()
                    },
                    "include",
                    "does_not_contain",
                    Some("\"../etc/passwd\""),
                    r#"include must not contain "..", as "../etc/passwd" does"#,
                ),
            ],
        ),
        (
            "ascii",
            &[
                pass(&Paths {
                    banner: "Welcome! ~ (v1.2)\n".into(),
                    ..Paths::default()
                }),
                reject(
                    &Paths {
                        banner: "café".into(),
                        ..Paths::default()
                    },
                    "banner",
                    "ascii",
                    Some("\"café\""),
                    r#"banner must be ASCII, not "café""#,
                ),
            ],
        ),
        (
            "alphanumeric_is_unicode",
            &[
                pass(&Paths {
                    token: "abcXYZ019Éé٣".into(),
                    ..Paths::default()
                }),
                reject(
                    &Paths {
                        token: "snake_case".into(),
                        ..Paths::default()
                    },
                    "token",
                    "alphanumeric",
                    Some("\"snake_case\""),
                    r#"token must be alphanumeric, not "snake_case""#,
                ),
                reject(
                    &Paths {
                        token: "two words".into(),
                        ..Paths::default()
                    },
                    "token",
                    "alphanumeric",
                    Some("\"two words\""),
                    r#"token must be alphanumeric, not "two words""#,
                ),
            ],
        ),
    ]);
}

/// Several broken rules are all reported, in field order.
#[test]
fn every_broken_rule_is_reported() {
    let config = Paths {
        root: "srv".into(),
        socket: Some("x".into()),
        template: "x".into(),
        include: Some("..".into()),
        banner: "é".into(),
        token: "-".into(),
    };
    let report = config.validate().unwrap_err();
    let codes: Vec<&str> = report.iter().map(Violation::code).collect();
    assert_eq!(
        codes,
        [
            "prefix",
            "suffix",
            "contains",
            "does_not_contain",
            "ascii",
            "alphanumeric"
        ]
    );
}

#[derive(Validate, Default)]
struct Endpoints {
    #[items(prefix("/"), does_not_contain("//"))]
    mounts: Vec<String>,
    #[keys(alphanumeric)]
    #[items(suffix(".sock"))]
    sockets: BTreeMap<String, String>,
}

/// Inside `items(..)` and `keys(..)`, each item and key at its own path.
#[test]
fn on_items_and_keys() {
    let mounts = |mounts: &[&str]| Endpoints {
        mounts: mounts.iter().map(|&mount| mount.to_owned()).collect(),
        ..Endpoints::default()
    };
    let sockets = |key: &str, value: &str| Endpoints {
        sockets: BTreeMap::from([(key.to_owned(), value.to_owned())]),
        ..Endpoints::default()
    };
    table(&[
        (
            "items",
            &[
                pass(&mounts(&["/a", "/b/c"])),
                reject(
                    &mounts(&["/a", "b"]),
                    "mounts[1]",
                    "prefix",
                    Some("\"b\""),
                    r#"mounts[1] must start with "/", not "b""#,
                ),
                reject(
                    &mounts(&["/a//b"]),
                    "mounts[0]",
                    "does_not_contain",
                    Some("\"/a//b\""),
                    r#"mounts[0] must not contain "//", as "/a//b" does"#,
                ),
            ],
        ),
        (
            "keys_and_values",
            &[
                pass(&sockets("main", "/run/main.sock")),
                reject(
                    &sockets("main", "/run/main"),
                    "sockets[\"main\"]",
                    "suffix",
                    Some("\"/run/main\""),
                    r#"sockets["main"] must end with ".sock", not "/run/main""#,
                ),
                reject(
                    &sockets("the-main", "/run/a.sock"),
                    "sockets[\"the-main\"]",
                    "alphanumeric",
                    Some("\"the-main\""),
                    r#"key sockets["the-main"] must be alphanumeric, not "the-main""#,
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Options {
    strict: bool,
    #[prefix("/", if(strict))]
    data_dir: String,
    #[ascii(warn)]
    motd: String,
    #[suffix(".toml", message = "{path} names a TOML file, not {value}")]
    config: Option<Box<str>>,
}

/// `if(..)`, `warn` and `message` on the text rules.
#[test]
fn options() {
    let relative = Options {
        data_dir: "data".into(),
        ..Options::default()
    };
    crate::support::passes(&relative);
    let strict = Options {
        strict: true,
        ..relative
    };
    crate::support::rejects(
        &strict,
        "data_dir",
        "prefix",
        Some("\"data\""),
        r#"data_dir must start with "/" while strict, not "data""#,
    );

    let fancy = Options {
        motd: "héllo".into(),
        ..Options::default()
    };
    assert!(fancy.validate().is_ok());
    let report = fancy.report();
    assert_eq!(report.len(), 1);
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    crate::support::check(
        warning,
        "motd",
        "ascii",
        Some("\"héllo\""),
        r#"motd should be ASCII, not "héllo""#,
    );

    crate::support::rejects(
        &Options {
            config: Some("app.yaml".into()),
            ..Options::default()
        },
        "config",
        "suffix",
        Some("\"app.yaml\""),
        r#"config names a TOML file, not "app.yaml""#,
    );
}

#[derive(Validate)]
struct Anchor {
    #[prefix("test")]
    prefix: &'static str,
    #[contains("test")]
    contains: &'static str,
    #[ascii]
    ascii: &'static str,
    #[alphanumeric]
    alphanumeric: &'static str,
}

/// garde's own cases (`garde/tests/rules/{prefix,contains,ascii,alphanumeric}.rs`),
/// as data: each value, the field it goes in, and whether it passes. lowbit
/// decides each as garde does; where the two differ is in what a rule may
/// be written with (garde takes any expression, lowbit a literal, which it
/// checks when the crate compiles).
#[test]
fn anchor_cases() {
    let valid = Anchor {
        prefix: "test",
        contains: "_test_",
        ascii: "a!0_~",
        alphanumeric: "abcd0123",
    };
    crate::support::passes(&valid);
    let cases: [(&str, &'static str, bool); 8] = [
        ("prefix", "test_asdf", true),
        ("prefix", "a", false),
        ("prefix", "_test", false),
        ("contains", "test", true),
        ("contains", "_____", false),
        ("ascii", "😂", false),
        ("alphanumeric", "!!!!", false),
        ("alphanumeric", "ABC", true),
    ];
    for (field, value, passes) in cases {
        let mut config = Anchor { ..valid };
        match field {
            "prefix" => config.prefix = value,
            "contains" => config.contains = value,
            "ascii" => config.ascii = value,
            _ => config.alphanumeric = value,
        }
        let report = config.report();
        assert_eq!(report.is_empty(), passes, "{field} = {value:?}: {report}");
        if !passes {
            let violation = &report.violations()[0];
            assert_eq!(
                (violation.path().to_string(), violation.code()),
                (field.to_owned(), field)
            );
        }
    }
}

#[derive(Validate, Default)]
struct Cache {
    dir: String,
}

#[derive(Validate, Default)]
struct Service {
    #[prefix("/", at = dir)]
    cache: Option<Cache>,
}

/// `at` reaches through an `Option`: `None` on the way passes.
#[test]
fn at_through_an_option() {
    crate::support::passes(&Service { cache: None });
    crate::support::passes(&Service {
        cache: Some(Cache { dir: "/var".into() }),
    });
    crate::support::rejects(
        &Service {
            cache: Some(Cache { dir: "var".into() }),
        },
        "cache.dir",
        "prefix",
        Some("\"var\""),
        r#"cache.dir must start with "/", not "var""#,
    );
}
