use super::*;

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
fn gated_rules_are_skipped_while_the_gate_is_off() {
    passes(&Quant::default());
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

#[test]
fn ungated_rules_are_checked_while_the_gate_is_off() {
    rejects(
        &Quant {
            enable: false,
            dir: "/tmp".into(),
            ..Quant::default()
        },
        "dir",
        "requires",
        Some("\"/tmp\""),
        "dir requires enable",
    );
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

#[test]
fn gate_on_an_option_also_gates_nested() {
    passes(&ByOption {
        backend: None,
        layer: Layer { bits: 9 },
    });
    rejects(
        &ByOption {
            backend: Some("cuda".into()),
            layer: Layer { bits: 9 },
        },
        "layer.bits",
        "range",
        Some("9"),
        "layer.bits must be at most 8, not 9",
    );
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

#[test]
fn gate_on_a_dotted_path() {
    passes(&DottedGate::default());
    rejects(
        &DottedGate {
            switch: Switch { on: true },
            name: String::new(),
        },
        "name",
        "non_empty",
        None,
        "name must not be empty",
    );
}
