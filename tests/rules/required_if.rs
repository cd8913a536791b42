use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Saved {
    enable: bool,
    #[required_if(enable)]
    dir: String,
}

#[derive(Validate, Default)]
struct OnOption {
    interval: Interval,
    #[required_if(interval = "step")]
    step_size: Option<u32>,
}

#[derive(Validate, Default)]
struct OnVec {
    strict: bool,
    #[required_if(strict)]
    modules: Vec<Module>,
}

#[derive(Validate, Default)]
struct OnEnum {
    strict: bool,
    #[required_if(strict)]
    precision: Precision,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "field_set_while_condition_holds_passes",
            &[pass(&Saved {
                enable: true,
                dir: "/tmp".into(),
            })],
        ),
        (
            "field_unset_while_condition_fails_passes",
            &[pass(&Saved::default())],
        ),
        (
            "empty_string_while_condition_holds_is_rejected",
            &[reject(
                &Saved {
                    enable: true,
                    dir: String::new(),
                },
                "dir",
                "required_if",
                Some("\"\""),
                "dir must be set when enable",
            )],
        ),
        (
            "none_while_condition_holds_is_rejected",
            &[
                pass(&OnOption {
                    interval: Interval::Step,
                    step_size: Some(4),
                }),
                pass(&OnOption {
                    interval: Interval::Chunk,
                    step_size: None,
                }),
                reject(
                    &OnOption {
                        interval: Interval::Step,
                        step_size: None,
                    },
                    "step_size",
                    "required_if",
                    None,
                    "step_size must be set when interval = \"step\"",
                ),
            ],
        ),
        (
            "empty_vec_while_condition_holds_is_rejected",
            &[
                pass(&OnVec {
                    strict: true,
                    modules: vec![Module::Encoder],
                }),
                reject(
                    &OnVec {
                        strict: true,
                        modules: Vec::new(),
                    },
                    "modules",
                    "required_if",
                    None,
                    "modules must be set when strict",
                ),
            ],
        ),
        (
            "enum_at_its_default_while_condition_holds_is_rejected",
            &[
                pass(&OnEnum {
                    strict: true,
                    precision: Precision::Fp32,
                }),
                reject(
                    &OnEnum {
                        strict: true,
                        precision: Precision::Bf16,
                    },
                    "precision",
                    "required_if",
                    Some("\"bf16\""),
                    "precision must be set when strict",
                ),
            ],
        ),
    ]);
}
