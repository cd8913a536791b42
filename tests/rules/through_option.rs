//! Dotted paths and `at` through an `Option`: a condition on
//! `offload.device` holds only when `offload` is `Some` and the rest holds;
//! a rule with `at = offload.ratio` applies while `offload` is `Some`.
//! (In the shape of DeepSpeed's `zero_optimization.offload_optimizer`.)

use super::*;
use crate::support::{pass, reject, table};

#[derive(Deserialize, Validate, Default, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
enum Device {
    #[default]
    None,
    Cpu,
    Nvme,
}

#[derive(Validate, Default, Clone)]
struct Offload {
    device: Device,
    pin_memory: bool,
    ratio: f64,
    nvme_path: Option<String>,
}

#[derive(Validate, Default, Clone)]
struct Zero {
    #[range(max = 1.0, at = ratio)]
    #[custom(checks::positive, at = ratio)]
    #[forbidden(at = nvme_path, if(offload.device != "nvme"))]
    offload: Option<Offload>,
    #[required_if(offload.device = "nvme")]
    nvme_swap_dir: Option<String>,
    #[only_if(offload.pin_memory)]
    pinned_buffers: Option<u32>,
    #[requires(offload.ratio > 0.5)]
    aggressive: bool,
}

mod checks {
    pub fn positive(value: &f64) -> Result<(), String> {
        if *value >= 0.0 {
            Ok(())
        } else {
            Err(format!("must not be negative, not {value}"))
        }
    }
}

fn with(offload: Offload) -> Zero {
    Zero {
        offload: Some(offload),
        ..Zero::default()
    }
}

#[test]
fn conditions_hold_only_when_the_option_is_some() {
    let nvme = Offload {
        device: Device::Nvme,
        ..Offload::default()
    };
    table(&[
        (
            "required_if",
            &[
                pass(&Zero::default()),
                pass(&with(Offload::default())),
                reject(
                    &with(nvme.clone()),
                    "nvme_swap_dir",
                    "required_if",
                    None,
                    "nvme_swap_dir must be set when offload.device = \"nvme\"",
                ),
                pass(&Zero {
                    nvme_swap_dir: Some("/nvme".into()),
                    ..with(nvme)
                }),
            ],
        ),
        (
            "a_bool_behind_none_is_not_set",
            &[
                reject(
                    &Zero {
                        pinned_buffers: Some(4),
                        ..Zero::default()
                    },
                    "pinned_buffers",
                    "only_if",
                    Some("4"),
                    "pinned_buffers may be set only when offload.pin_memory",
                ),
                reject(
                    &Zero {
                        pinned_buffers: Some(4),
                        ..with(Offload::default())
                    },
                    "pinned_buffers",
                    "only_if",
                    Some("4"),
                    "pinned_buffers may be set only when offload.pin_memory",
                ),
                pass(&Zero {
                    pinned_buffers: Some(4),
                    ..with(Offload {
                        pin_memory: true,
                        ..Offload::default()
                    })
                }),
            ],
        ),
        (
            "a_comparison_behind_none_does_not_hold",
            &[
                reject(
                    &Zero {
                        aggressive: true,
                        ..Zero::default()
                    },
                    "aggressive",
                    "requires",
                    Some("true"),
                    "aggressive requires offload.ratio > 0.5",
                ),
                pass(&Zero {
                    aggressive: true,
                    ..with(Offload {
                        ratio: 0.75,
                        ..Offload::default()
                    })
                }),
            ],
        ),
    ]);
}

#[test]
fn at_through_an_option_applies_while_it_is_some() {
    table(&[(
        "range_custom_and_forbidden",
        &[
            pass(&Zero::default()),
            reject(
                &with(Offload {
                    ratio: 1.5,
                    ..Offload::default()
                }),
                "offload.ratio",
                "range",
                Some("1.5"),
                "offload.ratio must be at most 1.0, not 1.5",
            ),
            reject(
                &with(Offload {
                    ratio: -0.5,
                    ..Offload::default()
                }),
                "offload.ratio",
                "custom",
                Some("-0.5"),
                "must not be negative, not -0.5",
            ),
            reject(
                &with(Offload {
                    nvme_path: Some("/x".into()),
                    ..Offload::default()
                }),
                "offload.nvme_path",
                "forbidden",
                Some("\"/x\""),
                "offload.nvme_path must not be set while offload.device != \"nvme\"",
            ),
            pass(&Zero {
                nvme_swap_dir: Some("/nvme".into()),
                ..with(Offload {
                    device: Device::Nvme,
                    nvme_path: Some("/x".into()),
                    ..Offload::default()
                })
            }),
        ],
    )]);
}
