use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Placeholders {
    #[one_of("bf16", message = "{path} = {value} is not supported here")]
    precision: Precision,
}

#[derive(Validate, Default)]
struct Braces {
    #[none_of("root", message = "{{path}} is {path}, {{value}} is {value}; {{}}")]
    user: String,
}

#[derive(Validate, Default)]
struct Fixed {
    enable: bool,
    #[requires(enable, message = "set enable before dir")]
    dir: String,
}

#[derive(Validate, Default)]
struct NoValue {
    #[non_empty(message = "{path} is empty ({value})")]
    name: String,
}

#[derive(Validate, Default)]
struct OnEveryRule {
    #[one_of("a", message = "m1")]
    #[none_of("b", message = "m2")]
    #[length(max = 1, message = "m3 {value}")]
    name: String,
    #[range(max = 1, message = "m4 {value}")]
    count: u8,
    #[required_if(strict, message = "m5 {path}")]
    dir: String,
    #[conflicts_with(strict, message = "m6")]
    tag: String,
    #[only_if(not(strict), message = "m7")]
    legacy: bool,
    strict: bool,
}

#[test]
fn every_rule_takes_a_message() {
    let report = OnEveryRule {
        name: "bb".into(),
        count: 2,
        dir: String::new(),
        tag: "t".into(),
        legacy: true,
        strict: true,
    }
    .validate()
    .unwrap_err();
    assert_eq!(report.to_string(), "m1\nm3 2\nm4 2\nm5 dir\nm6\nm7");
    let report = OnEveryRule {
        name: "b".into(),
        ..OnEveryRule::default()
    }
    .validate()
    .unwrap_err();
    assert_eq!(report.to_string(), "m1\nm2");
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "path_and_value_placeholders",
            &[
                pass(&Placeholders::default()),
                reject(
                    &Placeholders {
                        precision: Precision::Fp32,
                    },
                    "precision",
                    "one_of",
                    Some("\"fp32\""),
                    "precision = \"fp32\" is not supported here",
                ),
            ],
        ),
        (
            "doubled_braces_are_literal_braces",
            &[reject(
                &Braces {
                    user: "root".into(),
                },
                "user",
                "none_of",
                Some("\"root\""),
                "{path} is user, {value} is \"root\"; {}",
            )],
        ),
        (
            "message_without_placeholders",
            &[reject(
                &Fixed {
                    enable: false,
                    dir: "d".into(),
                },
                "dir",
                "requires",
                Some("\"d\""),
                "set enable before dir",
            )],
        ),
        (
            "value_placeholder_without_a_value",
            &[reject(
                &NoValue::default(),
                "name",
                "non_empty",
                None,
                "name is empty ((no value))",
            )],
        ),
    ]);
}

/// In the shape of a Prometheus relabel config: the message names the
/// action the file chose.
#[derive(Validate, Default)]
struct Relabel {
    action: String,
    #[required_if(action = "hashmod", message = "{action} needs a {path}")]
    target_label: String,
    #[custom(
        checks::even,
        message = "{path} must be even with {action} and {modulus}, not {value}"
    )]
    modulus: u32,
}

#[test]
fn sibling_placeholders_show_the_fields_values() {
    rejects(
        &Relabel {
            action: "hashmod".into(),
            ..Relabel::default()
        },
        "target_label",
        "required_if",
        Some("\"\""),
        "hashmod needs a target_label",
    );
    rejects(
        &Relabel {
            action: "replace {x}".into(),
            modulus: 3,
            ..Relabel::default()
        },
        "modulus",
        "custom",
        Some("3"),
        "modulus must be even with replace {x} and 3, not 3",
    );
}

mod checks {
    pub fn even(value: &u32) -> Result<(), String> {
        if value.is_multiple_of(2) {
            Ok(())
        } else {
            Err("odd".to_owned())
        }
    }
}
