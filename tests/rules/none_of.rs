use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct OneName {
    #[none_of("fp8_exp")]
    precision: Precision,
}

#[derive(Validate, Default)]
struct SeveralNames {
    #[none_of("fp8_exp", "int8_block_exp")]
    precision: Precision,
}

#[derive(Validate, Default)]
struct Text {
    #[none_of("root", "admin")]
    user: String,
}

#[derive(Validate, Default)]
struct OptionalEnum {
    #[none_of("eval_only")]
    interval: Option<Interval>,
}

#[derive(Validate, Default)]
struct Number {
    #[none_of(0)]
    workers: u32,
}

#[derive(Validate, Default)]
struct Saved {
    mode: Mode,
}

#[derive(Validate, Default)]
struct At {
    #[none_of("disabled", at = mode)]
    saved: Saved,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "enum_with_one_excluded_name",
            &[
                pass(&OneName {
                    precision: Precision::Int8BlockExp,
                }),
                reject(
                    &OneName {
                        precision: Precision::Fp8Exp,
                    },
                    "precision",
                    "none_of",
                    Some("\"fp8_exp\""),
                    "precision must not be \"fp8_exp\"",
                ),
            ],
        ),
        (
            "enum_with_several_excluded_names",
            &[
                pass(&SeveralNames {
                    precision: Precision::Fp32,
                }),
                reject(
                    &SeveralNames {
                        precision: Precision::Int8BlockExp,
                    },
                    "precision",
                    "none_of",
                    Some("\"int8_block_exp\""),
                    "precision must not be \"int8_block_exp\"",
                ),
            ],
        ),
        (
            "string",
            &[
                pass(&Text {
                    user: "alice".into(),
                }),
                reject(
                    &Text {
                        user: "root".into(),
                    },
                    "user",
                    "none_of",
                    Some("\"root\""),
                    "user must not be \"root\"",
                ),
            ],
        ),
        (
            "option_of_enum_none_passes",
            &[
                pass(&OptionalEnum { interval: None }),
                pass(&OptionalEnum {
                    interval: Some(Interval::Step),
                }),
                reject(
                    &OptionalEnum {
                        interval: Some(Interval::EvalOnly),
                    },
                    "interval",
                    "none_of",
                    Some("\"eval_only\""),
                    "interval must not be \"eval_only\"",
                ),
            ],
        ),
        (
            "number",
            &[
                pass(&Number { workers: 2 }),
                reject(
                    &Number { workers: 0 },
                    "workers",
                    "none_of",
                    Some("0"),
                    "workers must not be 0",
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
                    &At::default(),
                    "saved.mode",
                    "none_of",
                    Some("\"disabled\""),
                    "saved.mode must not be \"disabled\"",
                ),
            ],
        ),
    ]);
}
