use super::*;

#[derive(Validate, Default)]
struct OneName {
    #[one_of("bf16")]
    precision: Precision,
}

#[test]
fn enum_with_one_allowed_name() {
    passes(&OneName {
        precision: Precision::Bf16,
    });
    rejects(
        &OneName {
            precision: Precision::Fp8Exp,
        },
        "precision",
        "one_of",
        Some("\"fp8_exp\""),
        "precision must be \"bf16\", not \"fp8_exp\"",
    );
}

#[derive(Validate, Default)]
struct SeveralNames {
    #[one_of("fp32", "bf16")]
    precision: Precision,
}

#[test]
fn enum_with_several_allowed_names() {
    passes(&SeveralNames {
        precision: Precision::Fp32,
    });
    passes(&SeveralNames {
        precision: Precision::Bf16,
    });
    rejects(
        &SeveralNames {
            precision: Precision::Int8BlockExp,
        },
        "precision",
        "one_of",
        Some("\"int8_block_exp\""),
        "precision must be one of \"fp32\", \"bf16\", not \"int8_block_exp\"",
    );
}

#[derive(Validate, Default)]
struct Text {
    #[one_of("adam", "sgd")]
    optimizer: String,
}

#[test]
fn string() {
    passes(&Text {
        optimizer: "sgd".into(),
    });
    rejects(
        &Text {
            optimizer: "lion".into(),
        },
        "optimizer",
        "one_of",
        Some("\"lion\""),
        "optimizer must be one of \"adam\", \"sgd\", not \"lion\"",
    );
}

#[test]
fn empty_string_is_not_an_allowed_value() {
    rejects(
        &Text::default(),
        "optimizer",
        "one_of",
        Some("\"\""),
        "optimizer must be one of \"adam\", \"sgd\", not \"\"",
    );
}

#[derive(Validate, Default)]
struct OptionalEnum {
    #[one_of("chunk")]
    interval: Option<Interval>,
}

#[test]
fn option_of_enum_none_passes() {
    passes(&OptionalEnum { interval: None });
    passes(&OptionalEnum {
        interval: Some(Interval::Chunk),
    });
    rejects(
        &OptionalEnum {
            interval: Some(Interval::Step),
        },
        "interval",
        "one_of",
        Some("\"step\""),
        "interval must be \"chunk\", not \"step\"",
    );
}

#[derive(Validate, Default)]
struct OptionalText {
    #[one_of("x", "y")]
    axis: Option<String>,
}

#[test]
fn option_of_string_none_passes() {
    passes(&OptionalText { axis: None });
    passes(&OptionalText {
        axis: Some("y".into()),
    });
    rejects(
        &OptionalText {
            axis: Some("z".into()),
        },
        "axis",
        "one_of",
        Some("\"z\""),
        "axis must be one of \"x\", \"y\", not \"z\"",
    );
}

#[derive(Validate, Default)]
struct Unsigned {
    #[one_of(1, 2, 4)]
    bits: u8,
}

#[test]
fn unsigned_numbers() {
    passes(&Unsigned { bits: 4 });
    rejects(
        &Unsigned { bits: 3 },
        "bits",
        "one_of",
        Some("3"),
        "bits must be one of 1, 2, 4, not 3",
    );
}

#[derive(Validate, Default)]
struct Signed {
    #[one_of(-1, 1)]
    sign: i32,
}

#[test]
fn negative_numbers() {
    passes(&Signed { sign: -1 });
    rejects(
        &Signed { sign: 0 },
        "sign",
        "one_of",
        Some("0"),
        "sign must be one of -1, 1, not 0",
    );
}

#[derive(Validate, Default)]
struct OptionalNumber {
    #[one_of(8)]
    bits: Option<u32>,
}

#[test]
fn option_of_number_none_passes() {
    passes(&OptionalNumber { bits: None });
    passes(&OptionalNumber { bits: Some(8) });
    rejects(
        &OptionalNumber { bits: Some(16) },
        "bits",
        "one_of",
        Some("16"),
        "bits must be 8, not 16",
    );
}

#[derive(Validate, Default)]
struct Floats {
    #[one_of(0.5, 0.25)]
    ratio: f64,
}

#[test]
fn float_numbers() {
    passes(&Floats { ratio: 0.25 });
    rejects(
        &Floats { ratio: 0.75 },
        "ratio",
        "one_of",
        Some("0.75"),
        "ratio must be one of 0.5, 0.25, not 0.75",
    );
}

#[derive(Validate, Default)]
struct Braces {
    #[one_of("{x}")]
    template: String,
}

#[test]
fn braces_in_allowed_values_are_not_placeholders() {
    passes(&Braces {
        template: "{x}".into(),
    });
    rejects(
        &Braces {
            template: "{y}".into(),
        },
        "template",
        "one_of",
        Some("\"{y}\""),
        "template must be \"{x}\", not \"{y}\"",
    );
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

#[test]
fn at_a_subfield() {
    passes(&At {
        saved: Saved { mode: Mode::Cached },
    });
    rejects(
        &At {
            saved: Saved {
                mode: Mode::Recompute,
            },
        },
        "saved.mode",
        "one_of",
        Some("\"recompute\""),
        "saved.mode must be one of \"disabled\", \"cached\", not \"recompute\"",
    );
}
