use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Tagged {
    strict: bool,
    #[conflicts_with(strict)]
    tag: String,
}

#[derive(Validate, Default)]
struct Rho {
    #[conflicts_with(compression = "fp8_block_exp", when = "fp8_exp")]
    precision: Precision,
    compression: Compression,
}

#[derive(Validate, Default)]
struct WhenSeveral {
    #[conflicts_with(strict, when("fp8_exp", "int8_block_exp"))]
    precision: Precision,
    strict: bool,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "either_alone_passes",
            &[
                pass(&Tagged {
                    strict: true,
                    tag: String::new(),
                }),
                pass(&Tagged {
                    strict: false,
                    tag: "x".into(),
                }),
            ],
        ),
        (
            "both_together_are_rejected",
            &[reject(
                &Tagged {
                    strict: true,
                    tag: "x".into(),
                },
                "tag",
                "conflicts_with",
                Some("\"x\""),
                "tag must not be set when strict",
            )],
        ),
        (
            "when_narrows_to_a_value",
            &[
                pass(&Rho {
                    precision: Precision::Fp32,
                    compression: Compression::Fp8BlockExp,
                }),
                pass(&Rho {
                    precision: Precision::Fp8Exp,
                    compression: Compression::Int8BlockExp,
                }),
                reject(
                    &Rho {
                        precision: Precision::Fp8Exp,
                        compression: Compression::Fp8BlockExp,
                    },
                    "precision",
                    "conflicts_with",
                    Some("\"fp8_exp\""),
                    "precision = \"fp8_exp\" conflicts with compression = \"fp8_block_exp\"",
                ),
            ],
        ),
        (
            "when_narrows_to_several_values",
            &[
                pass(&WhenSeveral {
                    precision: Precision::Fp32,
                    strict: true,
                }),
                reject(
                    &WhenSeveral {
                        precision: Precision::Int8BlockExp,
                        strict: true,
                    },
                    "precision",
                    "conflicts_with",
                    Some("\"int8_block_exp\""),
                    "precision = \"int8_block_exp\" conflicts with strict",
                ),
            ],
        ),
    ]);
}
