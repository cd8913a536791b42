use super::*;

#[derive(Validate, Default)]
struct Rho {
    #[only_if(interval = "chunk")]
    compression: Compression,
    interval: Interval,
}

#[test]
fn set_field_with_its_condition_passes() {
    passes(&Rho {
        compression: Compression::Int8BlockExp,
        interval: Interval::Chunk,
    });
}

#[test]
fn unset_field_passes_whatever_the_condition() {
    passes(&Rho {
        compression: Compression::None,
        interval: Interval::Step,
    });
}

#[test]
fn set_field_without_its_condition_is_rejected() {
    rejects(
        &Rho {
            compression: Compression::Int8BlockExp,
            interval: Interval::Step,
        },
        "compression",
        "only_if",
        Some("\"int8_block_exp\""),
        "compression may be set only when interval = \"chunk\"",
    );
}

#[derive(Validate, Default)]
struct When {
    #[only_if(interval = "chunk", when = "int8_block_exp")]
    compression: Compression,
    interval: Interval,
}

#[test]
fn when_narrows_to_a_value() {
    passes(&When {
        compression: Compression::Fp8BlockExp,
        interval: Interval::Step,
    });
    rejects(
        &When {
            compression: Compression::Int8BlockExp,
            interval: Interval::Step,
        },
        "compression",
        "only_if",
        Some("\"int8_block_exp\""),
        "compression = \"int8_block_exp\" is allowed only when interval = \"chunk\"",
    );
}

#[derive(Validate, Default)]
struct OnBool {
    enable: bool,
    #[only_if(enable)]
    strict: bool,
}

#[test]
fn bool_is_set_when_true() {
    passes(&OnBool {
        enable: false,
        strict: false,
    });
    passes(&OnBool {
        enable: true,
        strict: true,
    });
    rejects(
        &OnBool {
            enable: false,
            strict: true,
        },
        "strict",
        "only_if",
        Some("true"),
        "strict may be set only when enable",
    );
}
