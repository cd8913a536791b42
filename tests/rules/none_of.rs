use super::*;

#[derive(Validate, Default)]
struct OneName {
    #[none_of("fp8_exp")]
    precision: Precision,
}

#[test]
fn enum_with_one_excluded_name() {
    passes(&OneName {
        precision: Precision::Int8BlockExp,
    });
    rejects(
        &OneName {
            precision: Precision::Fp8Exp,
        },
        "precision",
        "none_of",
        Some("\"fp8_exp\""),
        "precision must not be \"fp8_exp\"",
    );
}

#[derive(Validate, Default)]
struct SeveralNames {
    #[none_of("fp8_exp", "int8_block_exp")]
    precision: Precision,
}

#[test]
fn enum_with_several_excluded_names() {
    passes(&SeveralNames {
        precision: Precision::Fp32,
    });
    rejects(
        &SeveralNames {
            precision: Precision::Int8BlockExp,
        },
        "precision",
        "none_of",
        Some("\"int8_block_exp\""),
        "precision must not be \"int8_block_exp\"",
    );
}

#[derive(Validate, Default)]
struct Text {
    #[none_of("root", "admin")]
    user: String,
}

#[test]
fn string() {
    passes(&Text {
        user: "alice".into(),
    });
    rejects(
        &Text {
            user: "root".into(),
        },
        "user",
        "none_of",
        Some("\"root\""),
        "user must not be \"root\"",
    );
}

#[derive(Validate, Default)]
struct OptionalEnum {
    #[none_of("eval_only")]
    interval: Option<Interval>,
}

#[test]
fn option_of_enum_none_passes() {
    passes(&OptionalEnum { interval: None });
    passes(&OptionalEnum {
        interval: Some(Interval::Step),
    });
    rejects(
        &OptionalEnum {
            interval: Some(Interval::EvalOnly),
        },
        "interval",
        "none_of",
        Some("\"eval_only\""),
        "interval must not be \"eval_only\"",
    );
}

#[derive(Validate, Default)]
struct Number {
    #[none_of(0)]
    workers: u32,
}

#[test]
fn number() {
    passes(&Number { workers: 2 });
    rejects(
        &Number { workers: 0 },
        "workers",
        "none_of",
        Some("0"),
        "workers must not be 0",
    );
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

#[test]
fn at_a_subfield() {
    passes(&At {
        saved: Saved { mode: Mode::Cached },
    });
    rejects(
        &At::default(),
        "saved.mode",
        "none_of",
        Some("\"disabled\""),
        "saved.mode must not be \"disabled\"",
    );
}
