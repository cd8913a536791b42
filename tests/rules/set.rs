//! What "set" means, through `#[requires(enable)]` on fields of each type.

use super::*;
use crate::support::{pass, reject, table};
use std::collections::{BTreeMap, HashMap};

#[derive(Validate, Default)]
struct Types {
    enable: bool,
    #[requires(enable)]
    flag: bool,
    #[requires(enable)]
    seed: Option<u64>,
    #[requires(enable)]
    name: String,
    #[requires(enable)]
    list: Vec<u8>,
    #[requires(enable)]
    map: HashMap<String, u8>,
    #[requires(enable)]
    tree: BTreeMap<String, u8>,
    #[requires(enable)]
    mode: Mode,
}

#[derive(Validate)]
struct NoDefault {
    enable: bool,
    #[requires(enable)]
    module: Module,
}

#[test]
fn every_set_field_is_reported() {
    let report = Types {
        enable: false,
        flag: true,
        seed: Some(1),
        name: "n".into(),
        list: vec![1],
        map: HashMap::from([("a".to_owned(), 1)]),
        tree: BTreeMap::from([("a".to_owned(), 1)]),
        mode: Mode::Recompute,
    }
    .validate()
    .unwrap_err();
    let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(
        paths,
        ["flag", "seed", "name", "list", "map", "tree", "mode"]
    );
    passes(&Types {
        enable: true,
        flag: true,
        seed: Some(1),
        name: "n".into(),
        list: vec![1],
        map: HashMap::from([("a".to_owned(), 1)]),
        tree: BTreeMap::from([("a".to_owned(), 1)]),
        mode: Mode::Recompute,
    });
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        ("nothing_is_set_by_default", &[pass(&Types::default())]),
        (
            "bool_is_set_when_true",
            &[reject(
                &Types {
                    flag: true,
                    ..Types::default()
                },
                "flag",
                "requires",
                Some("true"),
                "flag requires enable",
            )],
        ),
        (
            "option_is_set_when_some",
            &[reject(
                &Types {
                    seed: Some(0),
                    ..Types::default()
                },
                "seed",
                "requires",
                Some("0"),
                "seed requires enable",
            )],
        ),
        (
            "string_is_set_when_non_empty",
            &[reject(
                &Types {
                    name: "a".into(),
                    ..Types::default()
                },
                "name",
                "requires",
                Some("\"a\""),
                "name requires enable",
            )],
        ),
        (
            "vec_is_set_when_non_empty",
            &[reject(
                &Types {
                    list: vec![0],
                    ..Types::default()
                },
                "list",
                "requires",
                None,
                "list requires enable",
            )],
        ),
        (
            "maps_are_set_when_non_empty",
            &[
                reject(
                    &Types {
                        map: HashMap::from([("a".to_owned(), 0)]),
                        ..Types::default()
                    },
                    "map",
                    "requires",
                    None,
                    "map requires enable",
                ),
                reject(
                    &Types {
                        tree: BTreeMap::from([("a".to_owned(), 0)]),
                        ..Types::default()
                    },
                    "tree",
                    "requires",
                    None,
                    "tree requires enable",
                ),
            ],
        ),
        (
            "enum_is_set_when_not_its_default_variant",
            &[reject(
                &Types {
                    mode: Mode::Cached,
                    ..Types::default()
                },
                "mode",
                "requires",
                Some("\"cached\""),
                "mode requires enable",
            )],
        ),
        (
            "enum_without_default_variant_is_always_set",
            &[
                pass(&NoDefault {
                    enable: true,
                    module: Module::Encoder,
                }),
                reject(
                    &NoDefault {
                        enable: false,
                        module: Module::Encoder,
                    },
                    "module",
                    "requires",
                    Some("\"encoder\""),
                    "module requires enable",
                ),
            ],
        ),
    ]);
}
