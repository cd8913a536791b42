use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Saved {
    enable: bool,
    #[requires(enable)]
    dir: String,
}

#[derive(Validate, Default)]
struct Several {
    enable: bool,
    interval: Interval,
    #[requires(enable, interval = "step")]
    dir: String,
}

/// The message of every rejected row of `several_conditions_must_all_hold`.
const SEVERAL: &str = "dir requires enable and interval = \"step\"";

#[derive(Validate, Default)]
struct OnEnum {
    enable: bool,
    #[requires(enable)]
    precision: Precision,
}

#[derive(Validate, Default)]
struct WhenOne {
    enable: bool,
    #[requires(enable, when = "fp8_exp")]
    precision: Precision,
}

#[derive(Validate, Default)]
struct WhenSeveral {
    interval: Interval,
    #[requires(interval = "chunk", when("int8_block_exp", "ternary_block_exp"))]
    compression: Compression,
}

#[derive(Validate, Default)]
struct WhenOnString {
    strict: bool,
    #[requires(strict, when = "exact")]
    matching: String,
}

#[derive(Validate, Default)]
struct Cache {
    mode: Mode,
    dir: String,
}

#[derive(Validate, Default)]
struct At {
    enable: bool,
    #[requires(enable, at = mode)]
    cache: Cache,
}

#[derive(Validate, Default)]
struct AtWhen {
    enable: bool,
    #[requires(enable, at = mode, when = "recompute")]
    cache: Cache,
}

#[derive(Validate, Default)]
struct AtString {
    enable: bool,
    #[requires(enable, at = dir)]
    cache: Cache,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        ("unset_field_requires_nothing", &[pass(&Saved::default())]),
        (
            "set_field_with_its_condition_passes",
            &[pass(&Saved {
                enable: true,
                dir: "/tmp".into(),
            })],
        ),
        (
            "set_field_without_its_condition_is_rejected",
            &[reject(
                &Saved {
                    enable: false,
                    dir: "/tmp".into(),
                },
                "dir",
                "requires",
                Some("\"/tmp\""),
                "dir requires enable",
            )],
        ),
        (
            "several_conditions_must_all_hold",
            &[
                pass(&Several {
                    enable: true,
                    interval: Interval::Step,
                    dir: "/tmp".into(),
                }),
                reject(
                    &Several {
                        enable: true,
                        interval: Interval::Chunk,
                        dir: "/tmp".into(),
                    },
                    "dir",
                    "requires",
                    Some("\"/tmp\""),
                    SEVERAL,
                ),
                reject(
                    &Several {
                        enable: false,
                        interval: Interval::Step,
                        dir: "/tmp".into(),
                    },
                    "dir",
                    "requires",
                    Some("\"/tmp\""),
                    SEVERAL,
                ),
            ],
        ),
        (
            "enum_at_its_default_is_unset",
            &[
                pass(&OnEnum::default()),
                pass(&OnEnum {
                    enable: true,
                    precision: Precision::Fp8Exp,
                }),
                reject(
                    &OnEnum {
                        enable: false,
                        precision: Precision::Fp8Exp,
                    },
                    "precision",
                    "requires",
                    Some("\"fp8_exp\""),
                    "precision requires enable",
                ),
            ],
        ),
        (
            "when_narrows_to_one_value",
            &[
                pass(&WhenOne {
                    enable: false,
                    precision: Precision::Fp32,
                }),
                pass(&WhenOne {
                    enable: true,
                    precision: Precision::Fp8Exp,
                }),
                reject(
                    &WhenOne {
                        enable: false,
                        precision: Precision::Fp8Exp,
                    },
                    "precision",
                    "requires",
                    Some("\"fp8_exp\""),
                    "precision = \"fp8_exp\" requires enable",
                ),
            ],
        ),
        (
            "when_narrows_to_several_values",
            &[
                pass(&WhenSeveral {
                    interval: Interval::Step,
                    compression: Compression::Fp8BlockExp,
                }),
                pass(&WhenSeveral {
                    interval: Interval::Chunk,
                    compression: Compression::TernaryBlockExp,
                }),
                reject(
                    &WhenSeveral {
                        interval: Interval::Step,
                        compression: Compression::TernaryBlockExp,
                    },
                    "compression",
                    "requires",
                    Some("\"ternary_block_exp\""),
                    "compression = \"ternary_block_exp\" requires interval = \"chunk\"",
                ),
            ],
        ),
        (
            "when_on_a_string",
            &[
                pass(&WhenOnString {
                    strict: false,
                    matching: "loose".into(),
                }),
                reject(
                    &WhenOnString {
                        strict: false,
                        matching: "exact".into(),
                    },
                    "matching",
                    "requires",
                    Some("\"exact\""),
                    "matching = \"exact\" requires strict",
                ),
            ],
        ),
        (
            "at_makes_a_subfield_the_subject",
            &[
                pass(&At {
                    enable: false,
                    cache: Cache {
                        mode: Mode::Disabled,
                        dir: "/tmp".into(),
                    },
                }),
                reject(
                    &At {
                        enable: false,
                        cache: Cache {
                            mode: Mode::Cached,
                            dir: String::new(),
                        },
                    },
                    "cache.mode",
                    "requires",
                    Some("\"cached\""),
                    "cache.mode requires enable",
                ),
            ],
        ),
        (
            "at_and_when_together",
            &[
                pass(&AtWhen {
                    enable: false,
                    cache: Cache {
                        mode: Mode::Cached,
                        dir: String::new(),
                    },
                }),
                reject(
                    &AtWhen {
                        enable: false,
                        cache: Cache {
                            mode: Mode::Recompute,
                            dir: String::new(),
                        },
                    },
                    "cache.mode",
                    "requires",
                    Some("\"recompute\""),
                    "cache.mode = \"recompute\" requires enable",
                ),
            ],
        ),
        (
            "at_a_string_subfield",
            &[
                pass(&AtString {
                    enable: true,
                    cache: Cache {
                        mode: Mode::Disabled,
                        dir: "/tmp".into(),
                    },
                }),
                reject(
                    &AtString {
                        enable: false,
                        cache: Cache {
                            mode: Mode::Disabled,
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
