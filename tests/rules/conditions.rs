//! Each condition form, as the condition of `#[requires(..)]` on `on: bool`.

use super::*;

/// `config` breaks only the `requires` on `on`, whose message names `condition`.
fn rejected_with(config: &impl Validate, condition: &str) {
    rejects(
        config,
        "on",
        "requires",
        Some("true"),
        &format!("on requires {condition}"),
    );
}

#[derive(Validate, Default)]
struct Set {
    #[requires(seed)]
    on: bool,
    seed: Option<u64>,
}

#[test]
fn field_is_set() {
    passes(&Set {
        on: true,
        seed: Some(0),
    });
    rejected_with(
        &Set {
            on: true,
            seed: None,
        },
        "seed",
    );
}

#[derive(Validate, Default)]
struct EqEnum {
    #[requires(interval = "step")]
    on: bool,
    interval: Interval,
}

#[test]
fn enum_equals_a_name() {
    passes(&EqEnum {
        on: true,
        interval: Interval::Step,
    });
    rejected_with(
        &EqEnum {
            on: true,
            interval: Interval::EvalOnly,
        },
        "interval = \"step\"",
    );
}

#[derive(Validate, Default)]
struct EqString {
    #[requires(backend = "cuda")]
    on: bool,
    backend: String,
}

#[test]
fn string_equals_a_text() {
    passes(&EqString {
        on: true,
        backend: "cuda".into(),
    });
    rejected_with(
        &EqString {
            on: true,
            backend: "cpu".into(),
        },
        "backend = \"cuda\"",
    );
}

#[derive(Validate, Default)]
struct EqOption {
    #[requires(interval = "step")]
    on: bool,
    interval: Option<Interval>,
}

#[test]
fn option_equals_a_name_only_when_some() {
    passes(&EqOption {
        on: true,
        interval: Some(Interval::Step),
    });
    rejected_with(
        &EqOption {
            on: true,
            interval: None,
        },
        "interval = \"step\"",
    );
    rejected_with(
        &EqOption {
            on: true,
            interval: Some(Interval::Chunk),
        },
        "interval = \"step\"",
    );
}

#[derive(Validate, Default)]
struct Ne {
    #[requires(interval != "eval_only")]
    on: bool,
    interval: Interval,
}

#[test]
fn not_equal() {
    passes(&Ne {
        on: true,
        interval: Interval::Chunk,
    });
    rejected_with(
        &Ne {
            on: true,
            interval: Interval::EvalOnly,
        },
        "interval != \"eval_only\"",
    );
}

#[derive(Validate, Default)]
struct In {
    #[requires(interval in ("step", "chunk"))]
    on: bool,
    interval: Interval,
}

#[test]
fn in_a_list() {
    passes(&In {
        on: true,
        interval: Interval::Step,
    });
    passes(&In {
        on: true,
        interval: Interval::Chunk,
    });
    rejected_with(
        &In {
            on: true,
            interval: Interval::EvalOnly,
        },
        "interval is one of \"step\", \"chunk\"",
    );
}

#[derive(Validate, Default)]
struct BoolTrue {
    #[requires(strict = true)]
    on: bool,
    strict: bool,
}

#[test]
fn bool_equals_true() {
    passes(&BoolTrue {
        on: true,
        strict: true,
    });
    rejected_with(
        &BoolTrue {
            on: true,
            strict: false,
        },
        "strict = true",
    );
}

#[derive(Validate, Default)]
struct BoolFalse {
    #[requires(strict = false)]
    on: bool,
    strict: Option<bool>,
}

#[test]
fn optional_bool_equals_false_only_when_some() {
    passes(&BoolFalse {
        on: true,
        strict: Some(false),
    });
    rejected_with(
        &BoolFalse {
            on: true,
            strict: None,
        },
        "strict = false",
    );
    rejected_with(
        &BoolFalse {
            on: true,
            strict: Some(true),
        },
        "strict = false",
    );
}

#[derive(Validate, Default)]
struct NumberEq {
    #[requires(bits = 3)]
    on: bool,
    bits: u8,
}

#[test]
fn number_equals() {
    passes(&NumberEq { on: true, bits: 3 });
    rejected_with(&NumberEq { on: true, bits: 4 }, "bits = 3");
}

#[derive(Validate, Default)]
struct NumberNe {
    #[requires(offset != -1)]
    on: bool,
    offset: i64,
}

#[test]
fn number_not_equal() {
    passes(&NumberNe {
        on: true,
        offset: 0,
    });
    rejected_with(
        &NumberNe {
            on: true,
            offset: -1,
        },
        "offset != -1",
    );
}

#[derive(Validate, Default)]
struct NumberIn {
    #[requires(bits in (4, 8))]
    on: bool,
    bits: Option<u32>,
}

#[test]
fn number_in_a_list() {
    passes(&NumberIn {
        on: true,
        bits: Some(8),
    });
    rejected_with(
        &NumberIn {
            on: true,
            bits: Some(2),
        },
        "bits is one of 4, 8",
    );
    rejected_with(
        &NumberIn {
            on: true,
            bits: None,
        },
        "bits is one of 4, 8",
    );
}

#[derive(Validate, Default)]
struct FloatEq {
    #[requires(scale = 0.5)]
    on: bool,
    scale: f32,
}

#[test]
fn float_equals() {
    passes(&FloatEq {
        on: true,
        scale: 0.5,
    });
    rejected_with(
        &FloatEq {
            on: true,
            scale: 1.5,
        },
        "scale = 0.5",
    );
}

#[derive(Validate, Default)]
struct Not {
    #[requires(not(strict))]
    on: bool,
    strict: bool,
}

#[test]
fn not() {
    passes(&Not {
        on: true,
        strict: false,
    });
    rejected_with(
        &Not {
            on: true,
            strict: true,
        },
        "not strict",
    );
}

#[derive(Validate, Default)]
struct All {
    #[requires(all(enable, interval = "step"))]
    on: bool,
    enable: bool,
    interval: Interval,
}

#[test]
fn all() {
    passes(&All {
        on: true,
        enable: true,
        interval: Interval::Step,
    });
    rejected_with(
        &All {
            on: true,
            enable: true,
            interval: Interval::Chunk,
        },
        "enable and interval = \"step\"",
    );
    rejected_with(
        &All {
            on: true,
            enable: false,
            interval: Interval::Step,
        },
        "enable and interval = \"step\"",
    );
}

#[derive(Validate, Default)]
struct Any {
    #[requires(any(enable, interval = "step"))]
    on: bool,
    enable: bool,
    interval: Interval,
}

#[test]
fn any() {
    passes(&Any {
        on: true,
        enable: true,
        interval: Interval::Chunk,
    });
    passes(&Any {
        on: true,
        enable: false,
        interval: Interval::Step,
    });
    rejected_with(
        &Any {
            on: true,
            enable: false,
            interval: Interval::Chunk,
        },
        "enable or interval = \"step\"",
    );
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

#[test]
fn compounds_nest_with_parentheses() {
    let message = "enable and (strict or interval = \"step\") and not (strict and legacy)";
    passes(&Compound {
        on: true,
        enable: true,
        strict: true,
        legacy: false,
        interval: Interval::Chunk,
    });
    rejected_with(
        &Compound {
            on: true,
            enable: true,
            strict: false,
            legacy: false,
            interval: Interval::Chunk,
        },
        message,
    );
    rejected_with(
        &Compound {
            on: true,
            enable: true,
            strict: true,
            legacy: true,
            interval: Interval::Chunk,
        },
        message,
    );
}

#[derive(Validate, Default)]
struct EveryEq {
    #[requires(every(modules = "encoder"))]
    on: bool,
    modules: Vec<Module>,
}

#[test]
fn every_item_equals() {
    passes(&EveryEq {
        on: true,
        modules: vec![Module::Encoder, Module::Encoder],
    });
    rejected_with(
        &EveryEq {
            on: true,
            modules: vec![Module::Encoder, Module::DecoderX],
        },
        "every item of modules = \"encoder\"",
    );
}

#[test]
fn every_item_of_nothing_passes() {
    passes(&EveryEq {
        on: true,
        modules: Vec::new(),
    });
}

#[derive(Validate, Default)]
struct EveryIn {
    #[requires(every(names in ("enc", "dec")))]
    on: bool,
    names: Vec<String>,
}

#[test]
fn every_item_in_a_list() {
    passes(&EveryIn {
        on: true,
        names: vec!["dec".into(), "enc".into()],
    });
    rejected_with(
        &EveryIn {
            on: true,
            names: vec!["enc".into(), "mid".into()],
        },
        "every item of names is one of \"enc\", \"dec\"",
    );
}

#[derive(Validate, Default)]
struct SomeEq {
    #[requires(some(modules = "decoder_y"))]
    on: bool,
    modules: Vec<Module>,
}

#[test]
fn some_item_equals() {
    passes(&SomeEq {
        on: true,
        modules: vec![Module::Encoder, Module::DecoderY],
    });
    rejected_with(
        &SomeEq {
            on: true,
            modules: vec![Module::Encoder],
        },
        "some item of modules = \"decoder_y\"",
    );
}

#[test]
fn some_item_of_nothing_fails() {
    rejected_with(
        &SomeEq {
            on: true,
            modules: Vec::new(),
        },
        "some item of modules = \"decoder_y\"",
    );
}

#[derive(Validate, Default)]
struct SomeIn {
    #[requires(some(bits in (4, 8)))]
    on: bool,
    bits: Vec<u8>,
}

#[test]
fn some_item_in_a_list_of_numbers() {
    passes(&SomeIn {
        on: true,
        bits: vec![2, 8],
    });
    rejected_with(
        &SomeIn {
            on: true,
            bits: vec![2, 16],
        },
        "some item of bits is one of 4, 8",
    );
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

#[test]
fn dotted_path_into_a_nested_struct() {
    passes(&Dotted {
        on: true,
        cache: Cache {
            enable: false,
            mode: Mode::Cached,
        },
    });
    rejected_with(
        &Dotted {
            on: true,
            cache: Cache {
                enable: false,
                mode: Mode::Recompute,
            },
        },
        "cache.mode = \"cached\"",
    );
}

#[derive(Validate, Default)]
struct DottedSet {
    #[requires(cache.enable)]
    on: bool,
    cache: Cache,
}

#[test]
fn dotted_path_is_set() {
    passes(&DottedSet {
        on: true,
        cache: Cache {
            enable: true,
            mode: Mode::Disabled,
        },
    });
    rejected_with(
        &DottedSet {
            on: true,
            cache: Cache::default(),
        },
        "cache.enable",
    );
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

#[test]
fn dotted_path_several_levels_deep() {
    let mut config = DeepDotted {
        on: true,
        model: Model::default(),
    };
    rejected_with(
        &config,
        "model.quant.cache.mode is one of \"cached\", \"recompute\"",
    );
    config.model.quant.cache.mode = Mode::Recompute;
    passes(&config);
}

#[derive(Validate, Default)]
struct InOnlyIf {
    #[only_if(any(not(strict), every(modules != "decoder_x")))]
    flag: bool,
    strict: bool,
    modules: Vec<Module>,
}

#[test]
fn conditions_in_only_if() {
    passes(&InOnlyIf {
        flag: true,
        strict: true,
        modules: vec![Module::Encoder],
    });
    rejects(
        &InOnlyIf {
            flag: true,
            strict: true,
            modules: vec![Module::Encoder, Module::DecoderX],
        },
        "flag",
        "only_if",
        Some("true"),
        "flag may be set only when not strict or every item of modules != \"decoder_x\"",
    );
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

/// Regression: a rule's condition may quantify over the rule's own field.
#[test]
fn a_field_holds_its_own_items_to_a_list() {
    passes(&Parts::default());
    passes(&Parts {
        modules: vec![Part::Encoder, Part::Decoder],
    });
    rejects(
        &Parts {
            modules: vec![Part::Encoder, Part::Head],
        },
        "modules",
        "requires",
        None,
        "modules requires every item of modules is one of \"encoder\", \"decoder\"",
    );
}
