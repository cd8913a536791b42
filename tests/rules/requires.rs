use super::*;

#[derive(Validate, Default)]
struct Saved {
    enable: bool,
    #[requires(enable)]
    dir: String,
}

#[test]
fn unset_field_requires_nothing() {
    passes(&Saved::default());
}

#[test]
fn set_field_with_its_condition_passes() {
    passes(&Saved {
        enable: true,
        dir: "/tmp".into(),
    });
}

#[test]
fn set_field_without_its_condition_is_rejected() {
    rejects(
        &Saved {
            enable: false,
            dir: "/tmp".into(),
        },
        "dir",
        "requires",
        Some("\"/tmp\""),
        "dir requires enable",
    );
}

#[derive(Validate, Default)]
struct Several {
    enable: bool,
    interval: Interval,
    #[requires(enable, interval = "step")]
    dir: String,
}

#[test]
fn several_conditions_must_all_hold() {
    passes(&Several {
        enable: true,
        interval: Interval::Step,
        dir: "/tmp".into(),
    });
    let message = "dir requires enable and interval = \"step\"";
    rejects(
        &Several {
            enable: true,
            interval: Interval::Chunk,
            dir: "/tmp".into(),
        },
        "dir",
        "requires",
        Some("\"/tmp\""),
        message,
    );
    rejects(
        &Several {
            enable: false,
            interval: Interval::Step,
            dir: "/tmp".into(),
        },
        "dir",
        "requires",
        Some("\"/tmp\""),
        message,
    );
}

#[derive(Validate, Default)]
struct OnEnum {
    enable: bool,
    #[requires(enable)]
    precision: Precision,
}

#[test]
fn enum_at_its_default_is_unset() {
    passes(&OnEnum::default());
    passes(&OnEnum {
        enable: true,
        precision: Precision::Fp8Exp,
    });
    rejects(
        &OnEnum {
            enable: false,
            precision: Precision::Fp8Exp,
        },
        "precision",
        "requires",
        Some("\"fp8_exp\""),
        "precision requires enable",
    );
}

#[derive(Validate, Default)]
struct WhenOne {
    enable: bool,
    #[requires(enable, when = "fp8_exp")]
    precision: Precision,
}

#[test]
fn when_narrows_to_one_value() {
    passes(&WhenOne {
        enable: false,
        precision: Precision::Fp32,
    });
    passes(&WhenOne {
        enable: true,
        precision: Precision::Fp8Exp,
    });
    rejects(
        &WhenOne {
            enable: false,
            precision: Precision::Fp8Exp,
        },
        "precision",
        "requires",
        Some("\"fp8_exp\""),
        "precision = \"fp8_exp\" requires enable",
    );
}

#[derive(Validate, Default)]
struct WhenSeveral {
    interval: Interval,
    #[requires(interval = "chunk", when("int8_block_exp", "ternary_block_exp"))]
    compression: Compression,
}

#[test]
fn when_narrows_to_several_values() {
    passes(&WhenSeveral {
        interval: Interval::Step,
        compression: Compression::Fp8BlockExp,
    });
    passes(&WhenSeveral {
        interval: Interval::Chunk,
        compression: Compression::TernaryBlockExp,
    });
    rejects(
        &WhenSeveral {
            interval: Interval::Step,
            compression: Compression::TernaryBlockExp,
        },
        "compression",
        "requires",
        Some("\"ternary_block_exp\""),
        "compression = \"ternary_block_exp\" requires interval = \"chunk\"",
    );
}

#[derive(Validate, Default)]
struct WhenOnString {
    strict: bool,
    #[requires(strict, when = "exact")]
    matching: String,
}

#[test]
fn when_on_a_string() {
    passes(&WhenOnString {
        strict: false,
        matching: "loose".into(),
    });
    rejects(
        &WhenOnString {
            strict: false,
            matching: "exact".into(),
        },
        "matching",
        "requires",
        Some("\"exact\""),
        "matching = \"exact\" requires strict",
    );
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

#[test]
fn at_makes_a_subfield_the_subject() {
    passes(&At {
        enable: false,
        cache: Cache {
            mode: Mode::Disabled,
            dir: "/tmp".into(),
        },
    });
    rejects(
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
    );
}

#[derive(Validate, Default)]
struct AtWhen {
    enable: bool,
    #[requires(enable, at = mode, when = "recompute")]
    cache: Cache,
}

#[test]
fn at_and_when_together() {
    passes(&AtWhen {
        enable: false,
        cache: Cache {
            mode: Mode::Cached,
            dir: String::new(),
        },
    });
    rejects(
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
    );
}

#[derive(Validate, Default)]
struct AtString {
    enable: bool,
    #[requires(enable, at = dir)]
    cache: Cache,
}

#[test]
fn at_a_string_subfield() {
    passes(&AtString {
        enable: true,
        cache: Cache {
            mode: Mode::Disabled,
            dir: "/tmp".into(),
        },
    });
    rejects(
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
    );
}
