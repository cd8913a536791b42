use super::*;
use crate::support::{pass, reject, table};
use serde::de::value::{Error as DeError, MapDeserializer, StrDeserializer};

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
struct Rho {
    #[only_if(compression_interval = "chunk")]
    block_compression: Compression,
    compression_interval: Interval,
    #[range(min = 1)]
    max_window_size: u32,
}

#[test]
fn rename_all_camel_case_gives_camel_case_paths() {
    passes(&Rho {
        max_window_size: 1,
        ..Rho::default()
    });
    let report = Rho {
        block_compression: Compression::Int8BlockExp,
        compression_interval: Interval::Step,
        max_window_size: 0,
    }
    .validate()
    .unwrap_err();
    let violations = report.violations();
    assert_eq!(violations.len(), 2);
    check(
        &violations[0],
        "blockCompression",
        "only_if",
        Some("\"int8_block_exp\""),
        "blockCompression may be set only when compressionInterval = \"chunk\"",
    );
    check(
        &violations[1],
        "maxWindowSize",
        "range",
        Some("0"),
        "maxWindowSize must be at least 1, not 0",
    );
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
struct Strict {
    #[only_if(compression_interval = "chunk")]
    block_compression: Compression,
    compression_interval: Interval,
}

#[test]
fn camel_case_paths_are_the_names_serde_reads() {
    let strict = Strict::deserialize(MapDeserializer::<_, DeError>::new(
        [
            ("blockCompression", "int8_block_exp"),
            ("compressionInterval", "step"),
        ]
        .into_iter(),
    ))
    .unwrap_or_else(|e| panic!("serde rejected the names: {e}"));
    let violation = support::single(&strict);
    assert_eq!(violation.path().to_string(), "blockCompression");
    assert_eq!(
        violation.to_string(),
        "blockCompression may be set only when compressionInterval = \"chunk\""
    );
}

#[derive(Deserialize, Validate, Default)]
struct Inner {
    #[none_of("recompute")]
    saved_mode: Mode,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
struct Outer {
    #[nested]
    saved_activations: Inner,
}

#[derive(Deserialize, Validate, Default)]
struct Renamed {
    #[serde(rename = "type")]
    #[one_of("linear", "conv")]
    kind: String,
    #[requires(kind = "conv")]
    #[serde(rename = "kernelSize")]
    kernel: Option<u32>,
}

#[test]
fn rename_on_a_field() {
    passes(&Renamed {
        kind: "conv".into(),
        kernel: Some(3),
    });
    let report = Renamed {
        kind: "pool".into(),
        kernel: Some(3),
    }
    .validate()
    .unwrap_err();
    let violations = report.violations();
    assert_eq!(violations.len(), 2);
    check(
        &violations[0],
        "type",
        "one_of",
        Some("\"pool\""),
        "type must be one of \"linear\", \"conv\", not \"pool\"",
    );
    check(
        &violations[1],
        "kernelSize",
        "requires",
        Some("3"),
        "kernelSize requires type = \"conv\"",
    );
}

#[derive(Deserialize, Validate, Default, Debug, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Format {
    #[default]
    Fp16,
    #[serde(rename = "fp8-e4m3")]
    Fp8E4m3,
    #[serde(rename(deserialize = "int-8", serialize = "int8"))]
    Int8,
}

#[derive(Validate, Default)]
struct UsesFormat {
    #[one_of("fp16", "fp8-e4m3")]
    format: Format,
}

#[test]
fn rename_on_a_variant() {
    passes(&UsesFormat {
        format: Format::Fp8E4m3,
    });
    rejects(
        &UsesFormat {
            format: Format::Int8,
        },
        "format",
        "one_of",
        Some("\"int-8\""),
        "format must be one of \"fp16\", \"fp8-e4m3\", not \"int-8\"",
    );
    assert_eq!(Format::NAMES, ["fp16", "fp8-e4m3", "int-8"]);
}

#[derive(Deserialize, Validate, Default)]
struct Raw {
    #[one_of("dense", "sparse")]
    r#type: String,
    #[requires(r#type = "sparse")]
    r#density: Option<f32>,
}

#[test]
fn raw_identifiers_lose_their_prefix() {
    passes(&Raw {
        r#type: "sparse".into(),
        density: Some(0.5),
    });
    let report = Raw {
        r#type: "tiled".into(),
        density: Some(0.5),
    }
    .validate()
    .unwrap_err();
    let violations = report.violations();
    assert_eq!(violations.len(), 2);
    check(
        &violations[0],
        "type",
        "one_of",
        Some("\"tiled\""),
        "type must be one of \"dense\", \"sparse\", not \"tiled\"",
    );
    check(
        &violations[1],
        "density",
        "requires",
        Some("0.5"),
        "density requires type = \"sparse\"",
    );
}

#[derive(Deserialize, Validate, Default)]
struct Kernel {
    r#type: String,
}

#[derive(Deserialize, Validate, Default)]
struct RawAt {
    #[one_of("conv", at = r#type)]
    kernel: Kernel,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
struct CamelCache {
    saved_mode: Mode,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
struct CamelAt {
    #[one_of("cached", at = saved_mode)]
    cache_config: CamelCache,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
struct Underscored {
    #[range(max = 1)]
    _reserved: u8,
}

/// serde spells `_reserved` under camelCase as `reserved`.
#[test]
fn camel_case_of_a_leading_underscore_field_matches_serde() {
    let read = Underscored::deserialize(MapDeserializer::<_, DeError>::new(
        [("reserved", 2_u8)].into_iter(),
    ))
    .unwrap_or_else(|e| panic!("serde rejected the name: {e}"));
    rejects(
        &read,
        "reserved",
        "range",
        Some("2"),
        "reserved must be at most 1, not 2",
    );
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "kebab-case")]
enum Kebab {
    #[default]
    EvalOnly,
    TrainKernelExp,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Screaming {
    #[default]
    EvalOnly,
    TrainKernelExp,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
enum Camel {
    #[default]
    EvalOnly,
    TrainKernelExp,
}

#[derive(Validate, Default)]
struct Cases {
    #[one_of("eval-only")]
    kebab: Kebab,
    #[one_of("EVAL_ONLY")]
    screaming: Screaming,
    #[one_of("evalOnly")]
    camel: Camel,
}

#[test]
fn rename_all_on_enums_gives_the_names_in_rules() {
    passes(&Cases::default());
    let report = Cases {
        kebab: Kebab::TrainKernelExp,
        screaming: Screaming::TrainKernelExp,
        camel: Camel::TrainKernelExp,
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        report.to_string(),
        "kebab must be \"eval-only\", not \"train-kernel-exp\"\n\
         screaming must be \"EVAL_ONLY\", not \"TRAIN_KERNEL_EXP\"\n\
         camel must be \"evalOnly\", not \"trainKernelExp\""
    );
}

/// Deserializes each of `T`'s serde names with serde itself.
fn serde_agrees<T>()
where
    T: VariantNames + for<'de> Deserialize<'de>,
{
    for (index, name) in T::NAMES.iter().enumerate() {
        let value = T::deserialize(StrDeserializer::<DeError>::new(name))
            .unwrap_or_else(|e| panic!("serde does not read {name:?}: {e}"));
        assert_eq!(value.variant_index(), index, "{name}");
    }
}

#[test]
fn variant_names_are_the_names_serde_reads() {
    serde_agrees::<Precision>();
    serde_agrees::<Compression>();
    serde_agrees::<Format>();
    serde_agrees::<Kebab>();
    serde_agrees::<Screaming>();
    serde_agrees::<Camel>();
}

#[derive(Deserialize, Validate, Default)]
struct Common {
    #[range(max = 8)]
    bits: u8,
}

#[derive(Deserialize, Validate, Default)]
#[serde(default)]
struct Flattened {
    #[serde(flatten)]
    #[nested]
    common: Common,
    #[requires(common.bits = 4)]
    packed: bool,
}

/// Regression: a flattened struct's fields sit at its parent's level in the
/// file, so their paths must not name the flattened field.
#[test]
fn flattened_fields_report_at_the_parents_level() {
    let read = Flattened::deserialize(MapDeserializer::<_, DeError>::new(
        [("bits", 9_u8)].into_iter(),
    ))
    .unwrap_or_else(|e| panic!("serde rejected the document: {e}"));
    rejects(
        &read,
        "bits",
        "range",
        Some("9"),
        "bits must be at most 8, not 9",
    );
    rejects(
        &Flattened {
            common: Common { bits: 2 },
            packed: true,
        },
        "packed",
        "requires",
        Some("true"),
        "packed requires bits = 4",
    );
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum CacheMode {
    #[default]
    Off,
    Cached,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
struct InnerCfg {
    saved_mode: CacheMode,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
struct UsesInnerCfg {
    inner_cfg: InnerCfg,
    #[requires(inner_cfg.saved_mode = "cached")]
    use_cache: bool,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "nested_paths_mix_each_structs_own_names",
            &[reject(
                &Outer {
                    saved_activations: Inner {
                        saved_mode: Mode::Recompute,
                    },
                },
                "savedActivations.saved_mode",
                "none_of",
                Some("\"recompute\""),
                "savedActivations.saved_mode must not be \"recompute\"",
            )],
        ),
        (
            "raw_identifier_in_at",
            &[
                pass(&RawAt {
                    kernel: Kernel {
                        r#type: "conv".into(),
                    },
                }),
                reject(
                    &RawAt {
                        kernel: Kernel {
                            r#type: "pool".into(),
                        },
                    },
                    "kernel.type",
                    "one_of",
                    Some("\"pool\""),
                    "kernel.type must be \"conv\", not \"pool\"",
                ),
            ],
        ),
        (
            "at_paths_use_each_structs_serde_names",
            &[
                pass(&CamelAt {
                    cache_config: CamelCache {
                        saved_mode: Mode::Cached,
                    },
                }),
                reject(
                    &CamelAt::default(),
                    "cacheConfig.savedMode",
                    "one_of",
                    Some("\"disabled\""),
                    "cacheConfig.savedMode must be \"cached\", not \"disabled\"",
                ),
            ],
        ),
        // Regression: a default message names a dotted condition as the file does,
        // every segment by its serde name.
        (
            "default_messages_spell_nested_fields_by_serde_name",
            &[reject(
                &UsesInnerCfg {
                    use_cache: true,
                    ..UsesInnerCfg::default()
                },
                "useCache",
                "requires",
                Some("true"),
                "useCache requires innerCfg.savedMode = \"cached\"",
            )],
        ),
    ]);
}
