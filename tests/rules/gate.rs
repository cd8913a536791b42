use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
#[validate(gate = enable)]
struct Quant {
    enable: bool,
    #[none_of("disabled")]
    mode: Mode,
    #[range(min = 1, max = 8)]
    bits: u8,
    #[requires(enable, ungated)]
    dir: String,
}

#[test]
fn gated_rules_are_checked_while_the_gate_is_on() {
    let report = Quant {
        enable: true,
        ..Quant::default()
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        report.to_string(),
        "mode must not be \"disabled\"\nbits must be between 1 and 8, not 0"
    );
    passes(&Quant {
        enable: true,
        mode: Mode::Cached,
        bits: 4,
        dir: "/tmp".into(),
    });
}

#[derive(Validate, Default)]
struct Layer {
    #[range(max = 8)]
    bits: u8,
}

#[derive(Validate, Default)]
#[validate(gate = backend)]
struct ByOption {
    backend: Option<String>,
    #[nested]
    layer: Layer,
}

#[derive(Validate, Default)]
struct Switch {
    on: bool,
}

#[derive(Validate, Default)]
#[validate(gate = switch.on)]
struct DottedGate {
    switch: Switch,
    #[non_empty]
    name: String,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "gated_rules_are_skipped_while_the_gate_is_off",
            &[pass(&Quant::default())],
        ),
        (
            "ungated_rules_are_checked_while_the_gate_is_off",
            &[reject(
                &Quant {
                    enable: false,
                    dir: "/tmp".into(),
                    ..Quant::default()
                },
                "dir",
                "requires",
                Some("\"/tmp\""),
                "dir requires enable",
            )],
        ),
        (
            "gate_on_an_option_also_gates_nested",
            &[
                pass(&ByOption {
                    backend: None,
                    layer: Layer { bits: 9 },
                }),
                reject(
                    &ByOption {
                        backend: Some("cuda".into()),
                        layer: Layer { bits: 9 },
                    },
                    "layer.bits",
                    "range",
                    Some("9"),
                    "layer.bits must be at most 8, not 9",
                ),
            ],
        ),
        (
            "gate_on_a_dotted_path",
            &[
                pass(&DottedGate::default()),
                reject(
                    &DottedGate {
                        switch: Switch { on: true },
                        name: String::new(),
                    },
                    "name",
                    "non_empty",
                    None,
                    "name must not be empty",
                ),
            ],
        ),
    ]);
}
