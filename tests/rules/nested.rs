use super::*;
use crate::support::{pass, reject, table};
use std::collections::{BTreeMap, HashMap};

#[derive(Validate, Default, Clone)]
struct Layer {
    #[range(min = 1, max = 8)]
    bits: u8,
    #[one_of("fp32", "bf16")]
    precision: Precision,
}

impl Layer {
    fn good() -> Self {
        Layer {
            bits: 4,
            precision: Precision::Bf16,
        }
    }

    fn bad_bits() -> Self {
        Layer {
            bits: 9,
            precision: Precision::Bf16,
        }
    }
}

#[derive(Validate, Default)]
struct Plain {
    #[nested]
    layer: Layer,
}

#[derive(Validate, Default)]
struct Optional {
    #[nested]
    layer: Option<Layer>,
}

#[derive(Validate, Default)]
struct List {
    #[nested]
    items: Vec<Layer>,
}

#[test]
fn vec_field_reports_every_bad_item_in_order() {
    let report = List {
        items: vec![
            Layer::bad_bits(),
            Layer::good(),
            Layer {
                bits: 0,
                precision: Precision::Fp8Exp,
            },
        ],
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        report.to_string(),
        "items[0].bits must be between 1 and 8, not 9\n\
         items[2].bits must be between 1 and 8, not 0\n\
         items[2].precision must be one of \"fp32\", \"bf16\", not \"fp8_exp\""
    );
}

#[derive(Validate, Default)]
struct Hashed {
    #[nested]
    layers: HashMap<String, Layer>,
}

#[derive(Validate, Default)]
struct Sorted {
    #[nested]
    layers: BTreeMap<String, Layer>,
}

#[test]
fn btree_map_field_reports_keys_in_order() {
    passes(&Sorted {
        layers: BTreeMap::from([("enc".to_owned(), Layer::good())]),
    });
    let report = Sorted {
        layers: BTreeMap::from([
            ("enc".to_owned(), Layer::bad_bits()),
            ("dec".to_owned(), Layer::bad_bits()),
            ("mid".to_owned(), Layer::good()),
        ]),
    }
    .validate()
    .unwrap_err();
    let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(paths, ["layers[\"dec\"].bits", "layers[\"enc\"].bits"]);
}

#[derive(Validate, Default)]
struct Boxed {
    #[nested]
    layer: Box<Layer>,
}

#[derive(Validate, Default)]
struct Grid {
    #[nested]
    rows: Vec<Vec<Layer>>,
}

#[derive(Validate, Default)]
struct Quant {
    #[nested]
    layers: Vec<Layer>,
}

#[derive(Validate, Default)]
struct Model {
    #[nested]
    quant: Quant,
}

#[derive(Validate, Default)]
struct Root {
    #[nested]
    model: Model,
}

#[derive(Validate, Default)]
struct WithMessage {
    #[one_of("cached", message = "{path} is {value}; only \"cached\" is supported")]
    mode: Mode,
}

#[derive(Validate, Default)]
struct Caches {
    #[nested]
    caches: Vec<WithMessage>,
}

#[derive(Validate, Default)]
struct Cache {
    enable: bool,
    #[requires(enable)]
    dir: String,
}

#[derive(Validate, Default)]
struct Outer {
    #[nested]
    cache: Cache,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "struct_field",
            &[
                pass(&Plain {
                    layer: Layer::good(),
                }),
                reject(
                    &Plain {
                        layer: Layer::bad_bits(),
                    },
                    "layer.bits",
                    "range",
                    Some("9"),
                    "layer.bits must be between 1 and 8, not 9",
                ),
            ],
        ),
        (
            "option_field",
            &[
                pass(&Optional { layer: None }),
                pass(&Optional {
                    layer: Some(Layer::good()),
                }),
                reject(
                    &Optional {
                        layer: Some(Layer::bad_bits()),
                    },
                    "layer.bits",
                    "range",
                    Some("9"),
                    "layer.bits must be between 1 and 8, not 9",
                ),
            ],
        ),
        (
            "vec_field_reports_the_index",
            &[
                pass(&List {
                    items: vec![Layer::good(), Layer::good()],
                }),
                reject(
                    &List {
                        items: vec![Layer::good(), Layer::good(), Layer::bad_bits()],
                    },
                    "items[2].bits",
                    "range",
                    Some("9"),
                    "items[2].bits must be between 1 and 8, not 9",
                ),
            ],
        ),
        (
            "hash_map_field_reports_the_key",
            &[
                pass(&Hashed {
                    layers: HashMap::from([("enc".to_owned(), Layer::good())]),
                }),
                reject(
                    &Hashed {
                        layers: HashMap::from([("enc".to_owned(), Layer::bad_bits())]),
                    },
                    "layers[\"enc\"].bits",
                    "range",
                    Some("9"),
                    "layers[\"enc\"].bits must be between 1 and 8, not 9",
                ),
            ],
        ),
        (
            "box_field",
            &[
                pass(&Boxed {
                    layer: Box::new(Layer::good()),
                }),
                reject(
                    &Boxed {
                        layer: Box::new(Layer {
                            bits: 4,
                            precision: Precision::Int8BlockExp,
                        }),
                    },
                    "layer.precision",
                    "one_of",
                    Some("\"int8_block_exp\""),
                    "layer.precision must be one of \"fp32\", \"bf16\", not \"int8_block_exp\"",
                ),
            ],
        ),
        (
            "vec_of_vecs",
            &[reject(
                &Grid {
                    rows: vec![vec![], vec![Layer::good(), Layer::bad_bits()]],
                },
                "rows[1][1].bits",
                "range",
                Some("9"),
                "rows[1][1].bits must be between 1 and 8, not 9",
            )],
        ),
        (
            "several_levels_deep",
            &[
                pass(&Root::default()),
                reject(
                    &Root {
                        model: Model {
                            quant: Quant {
                                layers: vec![Layer::bad_bits()],
                            },
                        },
                    },
                    "model.quant.layers[0].bits",
                    "range",
                    Some("9"),
                    "model.quant.layers[0].bits must be between 1 and 8, not 9",
                ),
            ],
        ),
        (
            "path_placeholder_in_a_nested_message_is_the_full_path",
            &[reject(
                &Caches {
                    caches: vec![
                        WithMessage { mode: Mode::Cached },
                        WithMessage {
                            mode: Mode::Recompute,
                        },
                    ],
                },
                "caches[1].mode",
                "one_of",
                Some("\"recompute\""),
                "caches[1].mode is \"recompute\"; only \"cached\" is supported",
            )],
        ),
        (
            "nested_conditions_are_read_in_the_nested_struct",
            &[
                pass(&Outer {
                    cache: Cache {
                        enable: true,
                        dir: "/tmp".into(),
                    },
                }),
                reject(
                    &Outer {
                        cache: Cache {
                            enable: false,
                            dir: "/tmp".into(),
                        },
                    },
                    "cache.dir",
                    "requires",
                    Some("\"/tmp\""),
                    "cache.dir requires enable",
                ),
            ],
        ),
    ]);
}

/// A `HashMap`'s violations come sorted by key, whatever the hasher's order:
/// the same config gives the same report on every run.
#[test]
fn hash_map_violations_come_in_key_order() {
    let names = ["w", "b", "q", "a", "m", "z", "c", "k", "e", "x"];
    let config = Hashed {
        layers: names
            .iter()
            .map(|name| ((*name).to_owned(), Layer::bad_bits()))
            .collect(),
    };
    let paths: Vec<String> = config
        .validate()
        .unwrap_err()
        .iter()
        .map(|violation| violation.path().to_string())
        .collect();
    let mut sorted = names.to_vec();
    sorted.sort_unstable();
    let expected: Vec<String> = sorted
        .iter()
        .map(|name| format!("layers[\"{name}\"].bits"))
        .collect();
    assert_eq!(paths, expected);
}
