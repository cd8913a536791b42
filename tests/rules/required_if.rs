use super::*;

#[derive(Validate, Default)]
struct Saved {
    enable: bool,
    #[required_if(enable)]
    dir: String,
}

#[test]
fn field_set_while_condition_holds_passes() {
    passes(&Saved {
        enable: true,
        dir: "/tmp".into(),
    });
}

#[test]
fn field_unset_while_condition_fails_passes() {
    passes(&Saved::default());
}

#[test]
fn empty_string_while_condition_holds_is_rejected() {
    rejects(
        &Saved {
            enable: true,
            dir: String::new(),
        },
        "dir",
        "required_if",
        Some("\"\""),
        "dir must be set when enable",
    );
}

#[derive(Validate, Default)]
struct OnOption {
    interval: Interval,
    #[required_if(interval = "step")]
    step_size: Option<u32>,
}

#[test]
fn none_while_condition_holds_is_rejected() {
    passes(&OnOption {
        interval: Interval::Step,
        step_size: Some(4),
    });
    passes(&OnOption {
        interval: Interval::Chunk,
        step_size: None,
    });
    rejects(
        &OnOption {
            interval: Interval::Step,
            step_size: None,
        },
        "step_size",
        "required_if",
        None,
        "step_size must be set when interval = \"step\"",
    );
}

#[derive(Validate, Default)]
struct OnVec {
    strict: bool,
    #[required_if(strict)]
    modules: Vec<Module>,
}

#[test]
fn empty_vec_while_condition_holds_is_rejected() {
    passes(&OnVec {
        strict: true,
        modules: vec![Module::Encoder],
    });
    rejects(
        &OnVec {
            strict: true,
            modules: Vec::new(),
        },
        "modules",
        "required_if",
        None,
        "modules must be set when strict",
    );
}

#[derive(Validate, Default)]
struct OnEnum {
    strict: bool,
    #[required_if(strict)]
    precision: Precision,
}

#[test]
fn enum_at_its_default_while_condition_holds_is_rejected() {
    passes(&OnEnum {
        strict: true,
        precision: Precision::Fp32,
    });
    rejects(
        &OnEnum {
            strict: true,
            precision: Precision::Bf16,
        },
        "precision",
        "required_if",
        Some("\"bf16\""),
        "precision must be set when strict",
    );
}
