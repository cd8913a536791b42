use super::*;
use crate::support::{pass, reject, table};
use std::collections::HashMap;

#[derive(Validate, Default)]
struct Text {
    #[length(min = 1, max = 3)]
    code: String,
}

#[derive(Validate, Default)]
struct List {
    #[length(max = 2)]
    modules: Vec<Module>,
}

#[derive(Validate, Default)]
struct Equal {
    #[length(equal = 2)]
    pair: Vec<u8>,
}

#[derive(Validate, Default)]
struct MinOnly {
    #[length(min = 2)]
    layers: HashMap<String, u8>,
}

#[derive(Validate, Default)]
struct Optional {
    #[length(max = 4)]
    name: Option<String>,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "string_length_counts_chars_not_bytes",
            &[
                pass(&Text {
                    code: "héé".into()
                }),
                reject(
                    &Text {
                        code: "héllo".into(),
                    },
                    "code",
                    "length",
                    Some("5"),
                    "code must have a length of between 1 and 3, not 5",
                ),
            ],
        ),
        (
            "empty_string_is_below_min",
            &[reject(
                &Text::default(),
                "code",
                "length",
                Some("0"),
                "code must have a length of between 1 and 3, not 0",
            )],
        ),
        (
            "vec_length_counts_items",
            &[
                pass(&List {
                    modules: vec![Module::Encoder, Module::DecoderX],
                }),
                reject(
                    &List {
                        modules: vec![Module::Encoder, Module::DecoderX, Module::DecoderY],
                    },
                    "modules",
                    "length",
                    Some("3"),
                    "modules must have a length of at most 2, not 3",
                ),
            ],
        ),
        (
            "equal",
            &[
                pass(&Equal { pair: vec![1, 2] }),
                reject(
                    &Equal { pair: vec![1] },
                    "pair",
                    "length",
                    Some("1"),
                    "pair must have a length of exactly 2, not 1",
                ),
                reject(
                    &Equal {
                        pair: vec![1, 2, 3],
                    },
                    "pair",
                    "length",
                    Some("3"),
                    "pair must have a length of exactly 2, not 3",
                ),
            ],
        ),
        (
            "map_length_counts_entries",
            &[
                pass(&MinOnly {
                    layers: HashMap::from([("a".to_owned(), 1), ("b".to_owned(), 2)]),
                }),
                reject(
                    &MinOnly {
                        layers: HashMap::from([("a".to_owned(), 1)]),
                    },
                    "layers",
                    "length",
                    Some("1"),
                    "layers must have a length of at least 2, not 1",
                ),
            ],
        ),
        (
            "option_none_passes",
            &[
                pass(&Optional { name: None }),
                pass(&Optional {
                    name: Some("abcd".into()),
                }),
                reject(
                    &Optional {
                        name: Some("abcde".into()),
                    },
                    "name",
                    "length",
                    Some("5"),
                    "name must have a length of at most 4, not 5",
                ),
            ],
        ),
    ]);
}
