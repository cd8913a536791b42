//! Each condition form, as the condition of `#[requires(..)]` on `on: bool`.

use super::*;
use crate::support::{Case, pass, reject, table};

/// A row whose config breaks only the `requires` on `on`, whose message
/// names `condition`.
fn requires_on<'a>(config: &'a dyn Validate, condition: &str) -> Case<'a> {
    reject(
        config,
        "on",
        "requires",
        Some("true"),
        format!("on requires {condition}"),
    )
}

#[derive(Validate, Default)]
struct Set {
    #[requires(seed)]
    on: bool,
    seed: Option<u64>,
}

#[derive(Validate, Default)]
struct EqEnum {
    #[requires(interval = "step")]
    on: bool,
    interval: Interval,
}

#[derive(Validate, Default)]
struct EqString {
    #[requires(backend = "cuda")]
    on: bool,
    backend: String,
}

#[derive(Validate, Default)]
struct EqOption {
    #[requires(interval = "step")]
    on: bool,
    interval: Option<Interval>,
}

#[derive(Validate, Default)]
struct Ne {
    #[requires(interval != "eval_only")]
    on: bool,
    interval: Interval,
}

#[derive(Validate, Default)]
struct In {
    #[requires(interval in ("step", "chunk"))]
    on: bool,
    interval: Interval,
}

#[derive(Validate, Default)]
struct BoolTrue {
    #[requires(strict = true)]
    on: bool,
    strict: bool,
}

#[derive(Validate, Default)]
struct BoolFalse {
    #[requires(strict = false)]
    on: bool,
    strict: Option<bool>,
}

#[derive(Validate, Default)]
struct NumberEq {
    #[requires(bits = 3)]
    on: bool,
    bits: u8,
}

#[derive(Validate, Default)]
struct NumberNe {
    #[requires(offset != -1)]
    on: bool,
    offset: i64,
}

#[derive(Validate, Default)]
struct NumberIn {
    #[requires(bits in (4, 8))]
    on: bool,
    bits: Option<u32>,
}

#[derive(Validate, Default)]
struct FloatEq {
    #[requires(scale = 0.5)]
    on: bool,
    scale: f32,
}

#[derive(Validate, Default)]
struct Not {
    #[requires(not(strict))]
    on: bool,
    strict: bool,
}

#[derive(Validate, Default)]
struct All {
    #[requires(all(enable, interval = "step"))]
    on: bool,
    enable: bool,
    interval: Interval,
}

#[derive(Validate, Default)]
struct Any {
    #[requires(any(enable, interval = "step"))]
    on: bool,
    enable: bool,
    interval: Interval,
}

#[derive(Validate, Default)]
struct Compound {
    #[requires(all(enable, any(strict, interval = "step")), not(all(strict, legacy)))]
    on: bool,
    enable: bool,
    strict: bool,
    legacy: bool,
    interval: Interval,
}

/// The message of every row of `compounds_nest_with_parentheses`.
const COMPOUND: &str = "enable and (strict or interval = \"step\") and not (strict and legacy)";

#[derive(Validate, Default)]
struct EveryEq {
    #[requires(every(modules = "encoder"))]
    on: bool,
    modules: Vec<Module>,
}

#[derive(Validate, Default)]
struct EveryIn {
    #[requires(every(names in ("enc", "dec")))]
    on: bool,
    names: Vec<String>,
}

#[derive(Validate, Default)]
struct SomeEq {
    #[requires(some(modules = "decoder_y"))]
    on: bool,
    modules: Vec<Module>,
}

#[derive(Validate, Default)]
struct SomeIn {
    #[requires(some(bits in (4, 8)))]
    on: bool,
    bits: Vec<u8>,
}

#[derive(Validate, Default)]
struct Cache {
    enable: bool,
    mode: Mode,
}

#[derive(Validate, Default)]
struct Dotted {
    #[requires(cache.mode = "cached")]
    on: bool,
    cache: Cache,
}

#[derive(Validate, Default)]
struct DottedSet {
    #[requires(cache.enable)]
    on: bool,
    cache: Cache,
}

#[derive(Validate, Default)]
struct Model {
    quant: Dotted,
}

#[derive(Validate, Default)]
struct DeepDotted {
    #[requires(model.quant.cache.mode in ("cached", "recompute"))]
    on: bool,
    model: Model,
}

#[derive(Validate, Default)]
struct InOnlyIf {
    #[only_if(any(not(strict), every(modules != "decoder_x")))]
    flag: bool,
    strict: bool,
    modules: Vec<Module>,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Part {
    #[default]
    Encoder,
    Decoder,
    Head,
}

#[derive(Validate, Default)]
struct Parts {
    #[requires(every(modules in ("encoder", "decoder")))]
    modules: Vec<Part>,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "field_is_set",
            &[
                pass(&Set {
                    on: true,
                    seed: Some(0),
                }),
                requires_on(
                    &Set {
                        on: true,
                        seed: None,
                    },
                    "seed",
                ),
            ],
        ),
        (
            "enum_equals_a_name",
            &[
                pass(&EqEnum {
                    on: true,
                    interval: Interval::Step,
                }),
                requires_on(
                    &EqEnum {
                        on: true,
                        interval: Interval::EvalOnly,
                    },
                    "interval = \"step\"",
                ),
            ],
        ),
        (
            "string_equals_a_text",
            &[
                pass(&EqString {
                    on: true,
                    backend: "cuda".into(),
                }),
                requires_on(
                    &EqString {
                        on: true,
                        backend: "cpu".into(),
                    },
                    "backend = \"cuda\"",
                ),
            ],
        ),
        (
            "option_equals_a_name_only_when_some",
            &[
                pass(&EqOption {
                    on: true,
                    interval: Some(Interval::Step),
                }),
                requires_on(
                    &EqOption {
                        on: true,
                        interval: None,
                    },
                    "interval = \"step\"",
                ),
                requires_on(
                    &EqOption {
                        on: true,
                        interval: Some(Interval::Chunk),
                    },
                    "interval = \"step\"",
                ),
            ],
        ),
        (
            "not_equal",
            &[
                pass(&Ne {
                    on: true,
                    interval: Interval::Chunk,
                }),
                requires_on(
                    &Ne {
                        on: true,
                        interval: Interval::EvalOnly,
                    },
                    "interval != \"eval_only\"",
                ),
            ],
        ),
        (
            "in_a_list",
            &[
                pass(&In {
                    on: true,
                    interval: Interval::Step,
                }),
                pass(&In {
                    on: true,
                    interval: Interval::Chunk,
                }),
                requires_on(
                    &In {
                        on: true,
                        interval: Interval::EvalOnly,
                    },
                    "interval is one of \"step\", \"chunk\"",
                ),
            ],
        ),
        (
            "bool_equals_true",
            &[
                pass(&BoolTrue {
                    on: true,
                    strict: true,
                }),
                requires_on(
                    &BoolTrue {
                        on: true,
                        strict: false,
                    },
                    "strict = true",
                ),
            ],
        ),
        (
            "optional_bool_equals_false_only_when_some",
            &[
                pass(&BoolFalse {
                    on: true,
                    strict: Some(false),
                }),
                requires_on(
                    &BoolFalse {
                        on: true,
                        strict: None,
                    },
                    "strict = false",
                ),
                requires_on(
                    &BoolFalse {
                        on: true,
                        strict: Some(true),
                    },
                    "strict = false",
                ),
            ],
        ),
        (
            "number_equals",
            &[
                pass(&NumberEq { on: true, bits: 3 }),
                requires_on(&NumberEq { on: true, bits: 4 }, "bits = 3"),
            ],
        ),
        (
            "number_not_equal",
            &[
                pass(&NumberNe {
                    on: true,
                    offset: 0,
                }),
                requires_on(
                    &NumberNe {
                        on: true,
                        offset: -1,
                    },
                    "offset != -1",
                ),
            ],
        ),
        (
            "number_in_a_list",
            &[
                pass(&NumberIn {
                    on: true,
                    bits: Some(8),
                }),
                requires_on(
                    &NumberIn {
                        on: true,
                        bits: Some(2),
                    },
                    "bits is one of 4, 8",
                ),
                requires_on(
                    &NumberIn {
                        on: true,
                        bits: None,
                    },
                    "bits is one of 4, 8",
                ),
            ],
        ),
        (
            "float_equals",
            &[
                pass(&FloatEq {
                    on: true,
                    scale: 0.5,
                }),
                requires_on(
                    &FloatEq {
                        on: true,
                        scale: 1.5,
                    },
                    "scale = 0.5",
                ),
            ],
        ),
        (
            "not",
            &[
                pass(&Not {
                    on: true,
                    strict: false,
                }),
                requires_on(
                    &Not {
                        on: true,
                        strict: true,
                    },
                    "not strict",
                ),
            ],
        ),
        (
            "all",
            &[
                pass(&All {
                    on: true,
                    enable: true,
                    interval: Interval::Step,
                }),
                requires_on(
                    &All {
                        on: true,
                        enable: true,
                        interval: Interval::Chunk,
                    },
                    "enable and interval = \"step\"",
                ),
                requires_on(
                    &All {
                        on: true,
                        enable: false,
                        interval: Interval::Step,
                    },
                    "enable and interval = \"step\"",
                ),
            ],
        ),
        (
            "any",
            &[
                pass(&Any {
                    on: true,
                    enable: true,
                    interval: Interval::Chunk,
                }),
                pass(&Any {
                    on: true,
                    enable: false,
                    interval: Interval::Step,
                }),
                requires_on(
                    &Any {
                        on: true,
                        enable: false,
                        interval: Interval::Chunk,
                    },
                    "enable or interval = \"step\"",
                ),
            ],
        ),
        (
            "compounds_nest_with_parentheses",
            &[
                pass(&Compound {
                    on: true,
                    enable: true,
                    strict: true,
                    legacy: false,
                    interval: Interval::Chunk,
                }),
                requires_on(
                    &Compound {
                        on: true,
                        enable: true,
                        strict: false,
                        legacy: false,
                        interval: Interval::Chunk,
                    },
                    COMPOUND,
                ),
                requires_on(
                    &Compound {
                        on: true,
                        enable: true,
                        strict: true,
                        legacy: true,
                        interval: Interval::Chunk,
                    },
                    COMPOUND,
                ),
            ],
        ),
        (
            "every_item_equals",
            &[
                pass(&EveryEq {
                    on: true,
                    modules: vec![Module::Encoder, Module::Encoder],
                }),
                requires_on(
                    &EveryEq {
                        on: true,
                        modules: vec![Module::Encoder, Module::DecoderX],
                    },
                    "every item of modules = \"encoder\"",
                ),
            ],
        ),
        (
            "every_item_of_nothing_passes",
            &[pass(&EveryEq {
                on: true,
                modules: Vec::new(),
            })],
        ),
        (
            "every_item_in_a_list",
            &[
                pass(&EveryIn {
                    on: true,
                    names: vec!["dec".into(), "enc".into()],
                }),
                requires_on(
                    &EveryIn {
                        on: true,
                        names: vec!["enc".into(), "mid".into()],
                    },
                    "every item of names is one of \"enc\", \"dec\"",
                ),
            ],
        ),
        (
            "some_item_equals",
            &[
                pass(&SomeEq {
                    on: true,
                    modules: vec![Module::Encoder, Module::DecoderY],
                }),
                requires_on(
                    &SomeEq {
                        on: true,
                        modules: vec![Module::Encoder],
                    },
                    "some item of modules = \"decoder_y\"",
                ),
            ],
        ),
        (
            "some_item_of_nothing_fails",
            &[requires_on(
                &SomeEq {
                    on: true,
                    modules: Vec::new(),
                },
                "some item of modules = \"decoder_y\"",
            )],
        ),
        (
            "some_item_in_a_list_of_numbers",
            &[
                pass(&SomeIn {
                    on: true,
                    bits: vec![2, 8],
                }),
                requires_on(
                    &SomeIn {
                        on: true,
                        bits: vec![2, 16],
                    },
                    "some item of bits is one of 4, 8",
                ),
            ],
        ),
        (
            "dotted_path_into_a_nested_struct",
            &[
                pass(&Dotted {
                    on: true,
                    cache: Cache {
                        enable: false,
                        mode: Mode::Cached,
                    },
                }),
                requires_on(
                    &Dotted {
                        on: true,
                        cache: Cache {
                            enable: false,
                            mode: Mode::Recompute,
                        },
                    },
                    "cache.mode = \"cached\"",
                ),
            ],
        ),
        (
            "dotted_path_is_set",
            &[
                pass(&DottedSet {
                    on: true,
                    cache: Cache {
                        enable: true,
                        mode: Mode::Disabled,
                    },
                }),
                requires_on(
                    &DottedSet {
                        on: true,
                        cache: Cache::default(),
                    },
                    "cache.enable",
                ),
            ],
        ),
        (
            "dotted_path_several_levels_deep",
            &[
                requires_on(
                    &DeepDotted {
                        on: true,
                        model: Model::default(),
                    },
                    "model.quant.cache.mode is one of \"cached\", \"recompute\"",
                ),
                pass(&DeepDotted {
                    on: true,
                    model: Model {
                        quant: Dotted {
                            on: false,
                            cache: Cache {
                                enable: false,
                                mode: Mode::Recompute,
                            },
                        },
                    },
                }),
            ],
        ),
        (
            "conditions_in_only_if",
            &[
                pass(&InOnlyIf {
                    flag: true,
                    strict: true,
                    modules: vec![Module::Encoder],
                }),
                reject(
                    &InOnlyIf {
                        flag: true,
                        strict: true,
                        modules: vec![Module::Encoder, Module::DecoderX],
                    },
                    "flag",
                    "only_if",
                    Some("true"),
                    "flag may be set only when not strict or every item of modules != \"decoder_x\"",
                ),
            ],
        ),
        // Regression: a rule's condition may quantify over the rule's own field.
        (
            "a_field_holds_its_own_items_to_a_list",
            &[
                pass(&Parts::default()),
                pass(&Parts {
                    modules: vec![Part::Encoder, Part::Decoder],
                }),
                reject(
                    &Parts {
                        modules: vec![Part::Encoder, Part::Head],
                    },
                    "modules",
                    "requires",
                    None,
                    "modules requires every item of modules is one of \"encoder\", \"decoder\"",
                ),
            ],
        ),
    ]);
}
