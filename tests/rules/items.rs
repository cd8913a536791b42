//! `items(..)` and `keys(..)`: value rules on each item of a sequence, each
//! value or key of a map, and the items of an `Option` of either, each
//! violation at the item's own path.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use super::*;
use crate::support::{pass, reject, single, table};

fn not_reserved(port: &u16) -> Result<(), String> {
    if *port < 1024 {
        Err(format!("port {port} is reserved"))
    } else {
        Ok(())
    }
}

#[derive(Validate, Default)]
struct Lists {
    #[items(one_of("debug", "info", "warn"))]
    levels: Vec<String>,
    #[items(range(max = 8))]
    bits: [u8; 2],
    #[items(length(max = 4), non_empty)]
    tags: VecDeque<String>,
    #[items(none_of("fp32"))]
    precisions: Vec<Precision>,
    #[items(custom(not_reserved))]
    ports: Vec<u16>,
    #[items(forbidden(message = "{path}: leave it out"))]
    legacy: Vec<Option<String>>,
}

/// Each item is checked, and a broken one is reported at its index, with
/// its own value and the rule's own code and message.
#[test]
fn sequence_items_are_checked_each_at_its_index() {
    let levels = |levels: &[&str]| Lists {
        levels: levels.iter().map(|&level| level.to_owned()).collect(),
        ..Lists::default()
    };
    let tags = |tags: &[&str]| Lists {
        tags: tags.iter().map(|&tag| tag.to_owned()).collect(),
        ..Lists::default()
    };
    table(&[
        ("nothing", &[pass(&Lists::default())]),
        (
            "one_of",
            &[
                pass(&levels(&["debug", "warn"])),
                reject(
                    &levels(&["debug", "trace"]),
                    "levels[1]",
                    "one_of",
                    Some("\"trace\""),
                    r#"levels[1] must be one of "debug", "info", "warn", not "trace""#,
                ),
            ],
        ),
        (
            "range_in_an_array",
            &[
                pass(&Lists {
                    bits: [8, 4],
                    ..Lists::default()
                }),
                reject(
                    &Lists {
                        bits: [1, 9],
                        ..Lists::default()
                    },
                    "bits[1]",
                    "range",
                    Some("9"),
                    "bits[1] must be at most 8, not 9",
                ),
            ],
        ),
        (
            "length_and_non_empty_in_a_deque",
            &[
                pass(&tags(&["a", "bcde"])),
                reject(
                    &tags(&["a", "bcdef"]),
                    "tags[1]",
                    "length",
                    Some("5"),
                    "tags[1] must have a length of at most 4, not 5",
                ),
                reject(
                    &tags(&["a", ""]),
                    "tags[1]",
                    "non_empty",
                    None,
                    "tags[1] must not be empty",
                ),
            ],
        ),
        (
            "none_of_an_enum",
            &[
                pass(&Lists {
                    precisions: vec![Precision::Bf16, Precision::Fp8Exp],
                    ..Lists::default()
                }),
                reject(
                    &Lists {
                        precisions: vec![Precision::Bf16, Precision::Fp32],
                        ..Lists::default()
                    },
                    "precisions[1]",
                    "none_of",
                    Some("\"fp32\""),
                    r#"precisions[1] must not be "fp32""#,
                ),
            ],
        ),
        (
            "custom",
            &[
                pass(&Lists {
                    ports: vec![8080, 4433],
                    ..Lists::default()
                }),
                reject(
                    &Lists {
                        ports: vec![80],
                        ..Lists::default()
                    },
                    "ports[0]",
                    "custom",
                    Some("80"),
                    "port 80 is reserved",
                ),
            ],
        ),
        (
            "forbidden_with_message",
            &[
                pass(&Lists {
                    legacy: vec![None, None],
                    ..Lists::default()
                }),
                reject(
                    &Lists {
                        legacy: vec![None, Some("x".into())],
                        ..Lists::default()
                    },
                    "legacy[1]",
                    "forbidden",
                    Some("\"x\""),
                    "legacy[1]: leave it out",
                ),
            ],
        ),
    ]);
}

/// Every broken item is reported, in order, not just the first.
#[test]
fn every_broken_item_is_reported() {
    let config = Lists {
        levels: vec!["trace".into(), "info".into(), "fatal".into()],
        tags: vec!["".into()].into(),
        ..Lists::default()
    };
    assert!(!config.is_valid());
    let report = config.validate().unwrap_err();
    let found: Vec<(String, &str)> = report
        .iter()
        .map(|violation| (violation.path().to_string(), violation.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("levels[0]".to_owned(), "one_of"),
            ("levels[2]".to_owned(), "one_of"),
            ("tags[0]".to_owned(), "non_empty"),
        ]
    );
}

#[derive(Validate, Default)]
struct Maps {
    #[items(range(min = 1))]
    weights: BTreeMap<String, u32>,
    #[keys(length(max = 8), none_of("default"))]
    servers: HashMap<String, u16>,
    #[keys(one_of("enc", "dec", message = "{path} is no layer: name it enc or dec"))]
    layers: BTreeMap<String, u8>,
}

fn map<V>(entries: &[(&str, V)]) -> BTreeMap<String, V>
where
    V: Clone,
{
    entries
        .iter()
        .map(|(key, value)| ((*key).to_owned(), value.clone()))
        .collect()
}

/// A map's values are checked at `map["key"]`; its keys too, and a
/// violation about a key says so.
#[test]
fn map_values_and_keys_are_checked_at_their_entry() {
    table(&[
        ("nothing", &[pass(&Maps::default())]),
        (
            "values",
            &[
                pass(&Maps {
                    weights: map(&[("a", 1), ("b", 7)]),
                    ..Maps::default()
                }),
                reject(
                    &Maps {
                        weights: map(&[("a", 1), ("b", 0)]),
                        ..Maps::default()
                    },
                    r#"weights["b"]"#,
                    "range",
                    Some("0"),
                    r#"weights["b"] must be at least 1, not 0"#,
                ),
            ],
        ),
        (
            "keys",
            &[
                pass(&Maps {
                    servers: HashMap::from([("web".to_owned(), 80)]),
                    layers: map(&[("enc", 0), ("dec", 1)]),
                    ..Maps::default()
                }),
                reject(
                    &Maps {
                        servers: HashMap::from([("web-frontend".to_owned(), 80)]),
                        ..Maps::default()
                    },
                    r#"servers["web-frontend"]"#,
                    "length",
                    Some("12"),
                    r#"key servers["web-frontend"] must have a length of at most 8, not 12"#,
                ),
                reject(
                    &Maps {
                        servers: HashMap::from([("default".to_owned(), 80)]),
                        ..Maps::default()
                    },
                    r#"servers["default"]"#,
                    "none_of",
                    Some("\"default\""),
                    r#"key servers["default"] must not be "default""#,
                ),
                reject(
                    &Maps {
                        layers: map(&[("enc", 0), ("mid", 1)]),
                        ..Maps::default()
                    },
                    r#"layers["mid"]"#,
                    "one_of",
                    Some("\"mid\""),
                    r#"layers["mid"] is no layer: name it enc or dec"#,
                ),
            ],
        ),
    ]);
}

/// A violation of a key rule is marked as about the key, which is what a
/// loader points at; one of a value rule is not.
#[test]
fn key_violations_are_about_the_key() {
    let key = single(&Maps {
        layers: map(&[("mid", 1)]),
        ..Maps::default()
    });
    assert!(key.is_about_key());
    let value = single(&Maps {
        weights: map(&[("a", 0)]),
        ..Maps::default()
    });
    assert!(!value.is_about_key());
}

#[derive(Validate, Default)]
struct Optional {
    #[items(one_of("a", "b"))]
    names: Option<Vec<String>>,
    #[items(range(max = 10))]
    limits: Option<BTreeMap<String, u32>>,
    #[keys(non_empty)]
    labels: Option<BTreeMap<String, String>>,
    #[items(length(equal = 2))]
    codes: BTreeSet<String>,
}

/// An `Option` of a collection: nothing to check while `None`, its items
/// while `Some`. A set's items have no place of their own in the file, so
/// they are reported at the set, with their value.
#[test]
fn options_of_collections_and_sets() {
    table(&[
        ("none", &[pass(&Optional::default())]),
        (
            "some_sequence",
            &[
                pass(&Optional {
                    names: Some(vec!["a".into()]),
                    ..Optional::default()
                }),
                reject(
                    &Optional {
                        names: Some(vec!["a".into(), "c".into()]),
                        ..Optional::default()
                    },
                    "names[1]",
                    "one_of",
                    Some("\"c\""),
                    r#"names[1] must be one of "a", "b", not "c""#,
                ),
            ],
        ),
        (
            "some_map",
            &[reject(
                &Optional {
                    limits: Some(map(&[("x", 11)])),
                    ..Optional::default()
                },
                r#"limits["x"]"#,
                "range",
                Some("11"),
                r#"limits["x"] must be at most 10, not 11"#,
            )],
        ),
        (
            "some_map_keys",
            &[reject(
                &Optional {
                    labels: Some(map(&[("", "x".to_owned())])),
                    ..Optional::default()
                },
                r#"labels[""]"#,
                "non_empty",
                None,
                r#"key labels[""] must not be empty"#,
            )],
        ),
        (
            "set",
            &[
                pass(&Optional {
                    codes: BTreeSet::from(["de".to_owned(), "fr".to_owned()]),
                    ..Optional::default()
                }),
                reject(
                    &Optional {
                        codes: BTreeSet::from(["de".to_owned(), "fra".to_owned()]),
                        ..Optional::default()
                    },
                    "codes",
                    "length",
                    Some("3"),
                    "codes must have a length of exactly 2, not 3",
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Deep {
    #[items(length(min = 1), items(one_of("x", "y")))]
    grid: Vec<Vec<String>>,
    #[items(keys(length(max = 3)))]
    tables: Vec<BTreeMap<String, u8>>,
}

/// `items` inside `items` reaches the items of items: `grid[1][0]`; `keys`
/// inside `items` the keys of each map of a list.
#[test]
fn items_of_items() {
    table(&[(
        "grid",
        &[
            pass(&Deep {
                grid: vec![vec!["x".into()], vec!["y".into(), "x".into()]],
                ..Deep::default()
            }),
            reject(
                &Deep {
                    grid: vec![vec!["x".into()], vec!["z".into()]],
                    ..Deep::default()
                },
                "grid[1][0]",
                "one_of",
                Some("\"z\""),
                r#"grid[1][0] must be one of "x", "y", not "z""#,
            ),
            reject(
                &Deep {
                    grid: vec![vec!["x".into()], vec![]],
                    ..Deep::default()
                },
                "grid[1]",
                "length",
                Some("0"),
                "grid[1] must have a length of at least 1, not 0",
            ),
            reject(
                &Deep {
                    tables: vec![map(&[("abcd", 1)])],
                    ..Deep::default()
                },
                r#"tables[0]["abcd"]"#,
                "length",
                Some("4"),
                r#"key tables[0]["abcd"] must have a length of at most 3, not 4"#,
            ),
        ],
    )]);
}

struct Known(Vec<&'static str>);

fn known(name: &str, known: &Known) -> Result<(), String> {
    if known.0.contains(&name) {
        Ok(())
    } else {
        Err(format!("no model named {name:?}"))
    }
}

#[derive(Validate, Default)]
struct WithContext {
    #[items(custom(known, context))]
    models: Vec<String>,
}

/// A `custom` rule inside `items` receives the context, at its item.
#[test]
fn custom_items_receive_the_context() {
    let config = WithContext {
        models: vec!["enc".into(), "dec".into()],
    };
    let context = Known(vec!["enc"]);
    assert!(!config.is_valid_with(&context));
    let report = config.validate_with(&context).unwrap_err();
    assert_eq!(report.len(), 1);
    let violation = report.iter().next().expect("one");
    assert_eq!(violation.path().to_string(), "models[1]");
    assert_eq!(violation.to_string(), r#"no model named "dec""#);
    assert!(config.validate_with(&Known(vec!["enc", "dec"])).is_ok());
}

#[derive(Validate)]
struct Generic<T> {
    #[items(non_empty)]
    values: Vec<T>,
}

/// A generic collection asks of its items what the rules inside need.
#[test]
fn generic_items() {
    passes(&Generic {
        values: vec!["a".to_owned()],
    });
    let violation = single(&Generic {
        values: vec![vec![1], vec![]],
    });
    assert_eq!(violation.path().to_string(), "values[1]");
    assert_eq!(violation.to_string(), "values[1] must not be empty");
}

#[derive(Validate, Default)]
struct Scrape {
    schemes: Vec<String>,
}

#[derive(Validate, Default)]
#[validate(gate = enable)]
struct Job {
    enable: bool,
    #[items(one_of("http", "https"), at = schemes)]
    scrape: Scrape,
    #[items(non_empty, ungated)]
    targets: Vec<String>,
}

/// `at` moves `items` below the field, and `ungated` checks it while the
/// gate is off.
#[test]
fn at_and_ungated_on_items() {
    let job = |enable: bool, scheme: &str, target: &str| Job {
        enable,
        scrape: Scrape {
            schemes: vec![scheme.to_owned()],
        },
        targets: vec![target.to_owned()],
    };
    table(&[
        (
            "at",
            &[
                pass(&job(true, "http", "a")),
                reject(
                    &job(true, "ftp", "a"),
                    "scrape.schemes[0]",
                    "one_of",
                    Some("\"ftp\""),
                    r#"scrape.schemes[0] must be one of "http", "https", not "ftp""#,
                ),
                pass(&job(false, "ftp", "a")),
            ],
        ),
        (
            "ungated",
            &[reject(
                &job(false, "ftp", ""),
                "targets[0]",
                "non_empty",
                None,
                "targets[0] must not be empty",
            )],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Guarded {
    strict: bool,
    #[items(non_empty, if(strict))]
    names: Vec<String>,
    #[items(length(max = 2, if(strict)))]
    codes: Vec<String>,
}

/// `if(..)` on `items` guards all the rules inside; on a rule inside, that
/// rule alone.
#[test]
fn if_on_items_and_inside() {
    let guarded = |strict: bool, name: &str, code: &str| Guarded {
        strict,
        names: vec![name.to_owned()],
        codes: vec![code.to_owned()],
    };
    table(&[
        ("off", &[pass(&guarded(false, "", "abc"))]),
        (
            "on",
            &[
                reject(
                    &guarded(true, "", "ab"),
                    "names[0]",
                    "non_empty",
                    None,
                    "names[0] must not be empty",
                ),
                reject(
                    &guarded(true, "a", "abc"),
                    "codes[0]",
                    "length",
                    Some("3"),
                    "codes[0] must have a length of at most 2 while strict, not 3",
                ),
            ],
        ),
    ]);
}
