use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct OneName {
    #[one_of("bf16")]
    precision: Precision,
}

#[derive(Validate, Default)]
struct SeveralNames {
    #[one_of("fp32", "bf16")]
    precision: Precision,
}

#[derive(Validate, Default)]
struct Text {
    #[one_of("adam", "sgd")]
    optimizer: String,
}

#[derive(Validate, Default)]
struct OptionalEnum {
    #[one_of("chunk")]
    interval: Option<Interval>,
}

#[derive(Validate, Default)]
struct OptionalText {
    #[one_of("x", "y")]
    axis: Option<String>,
}

#[derive(Validate, Default)]
struct Unsigned {
    #[one_of(1, 2, 4)]
    bits: u8,
}

#[derive(Validate, Default)]
struct Signed {
    #[one_of(-1, 1)]
    sign: i32,
}

#[derive(Validate, Default)]
struct OptionalNumber {
    #[one_of(8)]
    bits: Option<u32>,
}

#[derive(Validate, Default)]
struct Floats {
    #[one_of(0.5, 0.25)]
    ratio: f64,
}

#[derive(Validate, Default)]
struct Braces {
    #[one_of("{x}")]
    template: String,
}

#[derive(Validate, Default)]
struct Saved {
    mode: Mode,
}

#[derive(Validate, Default)]
struct At {
    #[one_of("disabled", "cached", at = mode)]
    saved: Saved,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "enum_with_one_allowed_name",
            &[
                pass(&OneName {
                    precision: Precision::Bf16,
                }),
                reject(
                    &OneName {
                        precision: Precision::Fp8Exp,
                    },
                    "precision",
                    "one_of",
                    Some("\"fp8_exp\""),
                    "precision must be \"bf16\", not \"fp8_exp\"",
                ),
            ],
        ),
        (
            "enum_with_several_allowed_names",
            &[
                pass(&SeveralNames {
                    precision: Precision::Fp32,
                }),
                pass(&SeveralNames {
                    precision: Precision::Bf16,
                }),
                reject(
                    &SeveralNames {
                        precision: Precision::Int8BlockExp,
                    },
                    "precision",
                    "one_of",
                    Some("\"int8_block_exp\""),
                    "precision must be one of \"fp32\", \"bf16\", not \"int8_block_exp\"",
                ),
            ],
        ),
        (
            "string",
            &[
                pass(&Text {
                    optimizer: "sgd".into(),
                }),
                reject(
                    &Text {
                        optimizer: "lion".into(),
                    },
                    "optimizer",
                    "one_of",
                    Some("\"lion\""),
                    "optimizer must be one of \"adam\", \"sgd\", not \"lion\"",
                ),
            ],
        ),
        (
            "empty_string_is_not_an_allowed_value",
            &[reject(
                &Text::default(),
                "optimizer",
                "one_of",
                Some("\"\""),
                "optimizer must be one of \"adam\", \"sgd\", not \"\"",
            )],
        ),
        (
            "option_of_enum_none_passes",
            &[
                pass(&OptionalEnum { interval: None }),
                pass(&OptionalEnum {
                    interval: Some(Interval::Chunk),
                }),
                reject(
                    &OptionalEnum {
                        interval: Some(Interval::Step),
                    },
                    "interval",
                    "one_of",
                    Some("\"step\""),
                    "interval must be \"chunk\", not \"step\"",
                ),
            ],
        ),
        (
            "option_of_string_none_passes",
            &[
                pass(&OptionalText { axis: None }),
                pass(&OptionalText {
                    axis: Some("y".into()),
                }),
                reject(
                    &OptionalText {
                        axis: Some("z".into()),
                    },
                    "axis",
                    "one_of",
                    Some("\"z\""),
                    "axis must be one of \"x\", \"y\", not \"z\"",
                ),
            ],
        ),
        (
            "unsigned_numbers",
            &[
                pass(&Unsigned { bits: 4 }),
                reject(
                    &Unsigned { bits: 3 },
                    "bits",
                    "one_of",
                    Some("3"),
                    "bits must be one of 1, 2, 4, not 3",
                ),
            ],
        ),
        (
            "negative_numbers",
            &[
                pass(&Signed { sign: -1 }),
                reject(
                    &Signed { sign: 0 },
                    "sign",
                    "one_of",
                    Some("0"),
                    "sign must be one of -1, 1, not 0",
                ),
            ],
        ),
        (
            "option_of_number_none_passes",
            &[
                pass(&OptionalNumber { bits: None }),
                pass(&OptionalNumber { bits: Some(8) }),
                reject(
                    &OptionalNumber { bits: Some(16) },
                    "bits",
                    "one_of",
                    Some("16"),
                    "bits must be 8, not 16",
                ),
            ],
        ),
        (
            "float_numbers",
            &[
                pass(&Floats { ratio: 0.25 }),
                reject(
                    &Floats { ratio: 0.75 },
                    "ratio",
                    "one_of",
                    Some("0.75"),
                    "ratio must be one of 0.5, 0.25, not 0.75",
                ),
            ],
        ),
        (
            "braces_in_allowed_values_are_not_placeholders",
            &[
                pass(&Braces {
                    template: "{x}".into(),
                }),
                reject(
                    &Braces {
                        template: "{y}".into(),
                    },
                    "template",
                    "one_of",
                    Some("\"{y}\""),
                    "template must be \"{x}\", not \"{y}\"",
                ),
            ],
        ),
        (
            "at_a_subfield",
            &[
                pass(&At {
                    saved: Saved { mode: Mode::Cached },
                }),
                reject(
                    &At {
                        saved: Saved {
                            mode: Mode::Recompute,
                        },
                    },
                    "saved.mode",
                    "one_of",
                    Some("\"recompute\""),
                    "saved.mode must be one of \"disabled\", \"cached\", not \"recompute\"",
                ),
            ],
        ),
    ]);
}
