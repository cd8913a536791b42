//! `one_of` and `none_of` on every kind of value they take: enums by serde
//! name, strings, numbers, bools, and `Option`s of them.
use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Precision {
    Fp32,
    #[default]
    Bf16,
    Fp8Exp,
}

#[derive(Validate, Default)]
struct Values {
    #[one_of("fp32", "bf16")]
    precision: Precision,
    #[none_of("fp8_exp")]
    fallback: Option<Precision>,
    #[one_of("per_token", "per_channel")]
    grouping: String,
    #[none_of(0, -1)]
    bits: i8,
    #[one_of(0.5, 1.0)]
    ratio: f64,
    #[one_of(true)]
    strict: bool,
    #[one_of("tcp", message = "{path} is {value}, and only {{tcp}} is spoken")]
    protocol: Option<String>,
}

fn valid() -> Values {
    Values {
        grouping: "per_token".into(),
        bits: 4,
        ratio: 0.5,
        strict: true,
        ..Values::default()
    }
}

fn main() {
    assert!(valid().validate().is_ok());
    // `None` passes `one_of` and `none_of`.
    assert!(valid().fallback.is_none() && valid().protocol.is_none());

    let broken = Values {
        precision: Precision::Fp8Exp,
        fallback: Some(Precision::Fp8Exp),
        grouping: "per_row".into(),
        bits: -1,
        ratio: 0.25,
        strict: false,
        protocol: Some("udp".into()),
    };
    assert!(!broken.is_valid());
    let report = broken.validate().unwrap_err();
    let lines: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            r#"precision must be one of "fp32", "bf16", not "fp8_exp""#,
            r#"fallback must not be "fp8_exp""#,
            r#"grouping must be one of "per_token", "per_channel", not "per_row""#,
            "bits must not be -1",
            "ratio must be one of 0.5, 1.0, not 0.25",
            "strict must be true, not false",
            r#"protocol is "udp", and only {tcp} is spoken"#,
        ]
    );
    let codes: Vec<&str> = report.iter().map(|v| v.code()).collect();
    assert_eq!(
        codes,
        [
            "one_of", "none_of", "one_of", "none_of", "one_of", "one_of", "one_of"
        ]
    );
}
