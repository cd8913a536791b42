use super::*;

#[derive(Validate, Default)]
struct Tagged {
    strict: bool,
    #[conflicts_with(strict)]
    tag: String,
}

#[test]
fn either_alone_passes() {
    passes(&Tagged {
        strict: true,
        tag: String::new(),
    });
    passes(&Tagged {
        strict: false,
        tag: "x".into(),
    });
}

#[test]
fn both_together_are_rejected() {
    rejects(
        &Tagged {
            strict: true,
            tag: "x".into(),
        },
        "tag",
        "conflicts_with",
        Some("\"x\""),
        "tag must not be set when strict",
    );
}

#[derive(Validate, Default)]
struct Rho {
    #[conflicts_with(compression = "fp8_block_exp", when = "fp8_exp")]
    precision: Precision,
    compression: Compression,
}

#[test]
fn when_narrows_to_a_value() {
    passes(&Rho {
        precision: Precision::Fp32,
        compression: Compression::Fp8BlockExp,
    });
    passes(&Rho {
        precision: Precision::Fp8Exp,
        compression: Compression::Int8BlockExp,
    });
    rejects(
        &Rho {
            precision: Precision::Fp8Exp,
            compression: Compression::Fp8BlockExp,
        },
        "precision",
        "conflicts_with",
        Some("\"fp8_exp\""),
        "precision = \"fp8_exp\" conflicts with compression = \"fp8_block_exp\"",
    );
}

#[derive(Validate, Default)]
struct WhenSeveral {
    #[conflicts_with(strict, when("fp8_exp", "int8_block_exp"))]
    precision: Precision,
    strict: bool,
}

#[test]
fn when_narrows_to_several_values() {
    passes(&WhenSeveral {
        precision: Precision::Fp32,
        strict: true,
    });
    rejects(
        &WhenSeveral {
            precision: Precision::Int8BlockExp,
            strict: true,
        },
        "precision",
        "conflicts_with",
        Some("\"int8_block_exp\""),
        "precision = \"int8_block_exp\" conflicts with strict",
    );
}
