use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Rho {
    #[only_if(interval = "chunk")]
    compression: Compression,
    interval: Interval,
}

#[derive(Validate, Default)]
struct When {
    #[only_if(interval = "chunk", when = "int8_block_exp")]
    compression: Compression,
    interval: Interval,
}

#[derive(Validate, Default)]
struct OnBool {
    enable: bool,
    #[only_if(enable)]
    strict: bool,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "set_field_with_its_condition_passes",
            &[pass(&Rho {
                compression: Compression::Int8BlockExp,
                interval: Interval::Chunk,
            })],
        ),
        (
            "unset_field_passes_whatever_the_condition",
            &[pass(&Rho {
                compression: Compression::None,
                interval: Interval::Step,
            })],
        ),
        (
            "set_field_without_its_condition_is_rejected",
            &[reject(
                &Rho {
                    compression: Compression::Int8BlockExp,
                    interval: Interval::Step,
                },
                "compression",
                "only_if",
                Some("\"int8_block_exp\""),
                "compression may be set only when interval = \"chunk\"",
            )],
        ),
        (
            "when_narrows_to_a_value",
            &[
                pass(&When {
                    compression: Compression::Fp8BlockExp,
                    interval: Interval::Step,
                }),
                reject(
                    &When {
                        compression: Compression::Int8BlockExp,
                        interval: Interval::Step,
                    },
                    "compression",
                    "only_if",
                    Some("\"int8_block_exp\""),
                    "compression = \"int8_block_exp\" is allowed only when interval = \"chunk\"",
                ),
            ],
        ),
        (
            "bool_is_set_when_true",
            &[
                pass(&OnBool {
                    enable: false,
                    strict: false,
                }),
                pass(&OnBool {
                    enable: true,
                    strict: true,
                }),
                reject(
                    &OnBool {
                        enable: false,
                        strict: true,
                    },
                    "strict",
                    "only_if",
                    Some("true"),
                    "strict may be set only when enable",
                ),
            ],
        ),
    ]);
}
