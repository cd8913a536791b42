//! `range(exclusive_min = .., exclusive_max = ..)`: strict bounds, which
//! exclude their own value, alone, together, or beside an inclusive bound
//! on the other side; from a literal or from another field.

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate)]
struct Training {
    #[range(exclusive_min = 0.0, exclusive_max = 1.0)]
    dropout: f64,
    #[range(exclusive_min = 0.0)]
    lr: f32,
    #[range(min = 1, exclusive_max = 65536)]
    port: u32,
    #[range(exclusive_max = 0)]
    offset: i8,
    warmup: u32,
    #[range(exclusive_min = warmup)]
    steps: Option<u32>,
}

impl Default for Training {
    fn default() -> Self {
        Training {
            dropout: 0.1,
            lr: 1e-3,
            port: 8080,
            offset: -1,
            warmup: 100,
            steps: None,
        }
    }
}

/// Each strict bound rejects its own value and passes the next one in;
/// an inclusive bound beside it keeps its own; NaN is outside; `None`
/// passes; a bound from a field is strict too.
#[test]
fn accepts_and_rejects() {
    table(&[
        ("defaults", &[pass(&Training::default())]),
        (
            "both_strict",
            &[
                pass(&Training {
                    dropout: f64::MIN_POSITIVE,
                    ..Training::default()
                }),
                pass(&Training {
                    dropout: 1.0 - f64::EPSILON,
                    ..Training::default()
                }),
                reject(
                    &Training {
                        dropout: 0.0,
                        ..Training::default()
                    },
                    "dropout",
                    "range",
                    Some("0.0"),
                    "dropout must be greater than 0.0 and less than 1.0, not 0.0",
                ),
                reject(
                    &Training {
                        dropout: 1.0,
                        ..Training::default()
                    },
                    "dropout",
                    "range",
                    Some("1.0"),
                    "dropout must be greater than 0.0 and less than 1.0, not 1.0",
                ),
                reject(
                    &Training {
                        dropout: f64::NAN,
                        ..Training::default()
                    },
                    "dropout",
                    "range",
                    Some("NaN"),
                    "dropout must be greater than 0.0 and less than 1.0, not NaN",
                ),
            ],
        ),
        (
            "min_only",
            &[reject(
                &Training {
                    lr: 0.0,
                    ..Training::default()
                },
                "lr",
                "range",
                Some("0.0"),
                "lr must be greater than 0.0, not 0.0",
            )],
        ),
        (
            "inclusive_beside_strict",
            &[
                pass(&Training {
                    port: 1,
                    ..Training::default()
                }),
                pass(&Training {
                    port: 65535,
                    ..Training::default()
                }),
                reject(
                    &Training {
                        port: 65536,
                        ..Training::default()
                    },
                    "port",
                    "range",
                    Some("65536"),
                    "port must be at least 1 and less than 65536, not 65536",
                ),
                reject(
                    &Training {
                        port: 0,
                        ..Training::default()
                    },
                    "port",
                    "range",
                    Some("0"),
                    "port must be at least 1 and less than 65536, not 0",
                ),
            ],
        ),
        (
            "max_only",
            &[reject(
                &Training {
                    offset: 0,
                    ..Training::default()
                },
                "offset",
                "range",
                Some("0"),
                "offset must be less than 0, not 0",
            )],
        ),
        (
            "from_a_field",
            &[
                pass(&Training {
                    steps: Some(101),
                    ..Training::default()
                }),
                reject(
                    &Training {
                        steps: Some(100),
                        ..Training::default()
                    },
                    "steps",
                    "range",
                    Some("100"),
                    "steps must be greater than warmup, not 100",
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Options {
    tuned: bool,
    #[range(
        exclusive_min = 0.0,
        if(tuned),
        message = "{path} is a rate: above 0, not {value}"
    )]
    momentum: f64,
    #[range(exclusive_max = 1.0, warn)]
    decay: f64,
}

/// `message`, `if(..)` and `warn`, as on every rule.
#[test]
fn options() {
    crate::support::passes(&Options::default());
    crate::support::rejects(
        &Options {
            tuned: true,
            ..Options::default()
        },
        "momentum",
        "range",
        Some("0.0"),
        "momentum is a rate: above 0, not 0.0",
    );
    let slow = Options {
        decay: 1.0,
        ..Options::default()
    };
    assert!(slow.validate().is_ok());
    let report = slow.report();
    assert_eq!(report.len(), 1);
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    crate::support::check(
        warning,
        "decay",
        "range",
        Some("1.0"),
        "decay should be less than 1.0, not 1.0",
    );
}
