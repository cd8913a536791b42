use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Both {
    #[range(min = 1, max = 10)]
    workers: u32,
}

#[derive(Validate, Default)]
struct MinOnly {
    #[range(min = 1)]
    workers: usize,
}

#[derive(Validate, Default)]
struct MaxOnly {
    #[range(max = 100)]
    window: u64,
}

#[derive(Validate, Default)]
struct Negative {
    #[range(min = -10, max = -1)]
    offset: i64,
}

#[derive(Validate, Default)]
struct Float {
    #[range(min = 0.5, max = 1.5)]
    ratio: f64,
}

#[derive(Validate, Default)]
struct FloatMin {
    #[range(min = 0.0)]
    lr: f64,
}

#[derive(Validate, Default)]
struct Optional {
    #[range(min = 1, max = 64)]
    bits: Option<u8>,
}

#[derive(Validate, Default)]
struct Saved {
    #[range(max = 8)]
    bits: u8,
}

#[derive(Validate, Default)]
struct At {
    #[range(min = 2, at = bits)]
    saved: Saved,
}

#[derive(Validate, Default)]
struct Single {
    #[range(max = 1.0)]
    scale: f32,
}

#[derive(Validate, Default)]
struct Ratio {
    #[range(min = 0, max = 1)]
    ratio: f64,
    #[one_of(1, 2)]
    scale: f32,
    #[range(min = -3)]
    offset: Option<f64>,
}

impl Ratio {
    fn scale_only(self) -> Self {
        Ratio {
            offset: None,
            ..self
        }
    }
}

#[derive(Validate, Default)]
struct Whole {
    #[range(max = 1.0)]
    y: f64,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "bounds_are_inclusive",
            &[pass(&Both { workers: 1 }), pass(&Both { workers: 10 })],
        ),
        (
            "below_min_is_rejected",
            &[reject(
                &Both { workers: 0 },
                "workers",
                "range",
                Some("0"),
                "workers must be between 1 and 10, not 0",
            )],
        ),
        (
            "above_max_is_rejected",
            &[reject(
                &Both { workers: 11 },
                "workers",
                "range",
                Some("11"),
                "workers must be between 1 and 10, not 11",
            )],
        ),
        (
            "min_alone",
            &[
                pass(&MinOnly {
                    workers: usize::MAX,
                }),
                reject(
                    &MinOnly { workers: 0 },
                    "workers",
                    "range",
                    Some("0"),
                    "workers must be at least 1, not 0",
                ),
            ],
        ),
        (
            "max_alone",
            &[
                pass(&MaxOnly { window: 0 }),
                reject(
                    &MaxOnly { window: 101 },
                    "window",
                    "range",
                    Some("101"),
                    "window must be at most 100, not 101",
                ),
            ],
        ),
        (
            "negative_bounds",
            &[
                pass(&Negative { offset: -10 }),
                reject(
                    &Negative { offset: 0 },
                    "offset",
                    "range",
                    Some("0"),
                    "offset must be between -10 and -1, not 0",
                ),
                reject(
                    &Negative { offset: -11 },
                    "offset",
                    "range",
                    Some("-11"),
                    "offset must be between -10 and -1, not -11",
                ),
            ],
        ),
        (
            "float_bounds",
            &[
                pass(&Float { ratio: 0.5 }),
                pass(&Float { ratio: 1.5 }),
                reject(
                    &Float { ratio: 1.75 },
                    "ratio",
                    "range",
                    Some("1.75"),
                    "ratio must be between 0.5 and 1.5, not 1.75",
                ),
                reject(
                    &Float { ratio: 0.25 },
                    "ratio",
                    "range",
                    Some("0.25"),
                    "ratio must be between 0.5 and 1.5, not 0.25",
                ),
            ],
        ),
        (
            "nan_is_out_of_range",
            &[reject(
                &Float { ratio: f64::NAN },
                "ratio",
                "range",
                Some("NaN"),
                "ratio must be between 0.5 and 1.5, not NaN",
            )],
        ),
        (
            "float_min_alone",
            &[
                pass(&FloatMin { lr: 3e-4 }),
                reject(
                    &FloatMin { lr: -0.5 },
                    "lr",
                    "range",
                    Some("-0.5"),
                    "lr must be at least 0.0, not -0.5",
                ),
                reject(
                    &FloatMin { lr: f64::NAN },
                    "lr",
                    "range",
                    Some("NaN"),
                    "lr must be at least 0.0, not NaN",
                ),
            ],
        ),
        (
            "option_none_passes",
            &[
                pass(&Optional { bits: None }),
                pass(&Optional { bits: Some(64) }),
                reject(
                    &Optional { bits: Some(65) },
                    "bits",
                    "range",
                    Some("65"),
                    "bits must be between 1 and 64, not 65",
                ),
            ],
        ),
        (
            "at_a_subfield",
            &[
                pass(&At {
                    saved: Saved { bits: 4 },
                }),
                reject(
                    &At {
                        saved: Saved { bits: 1 },
                    },
                    "saved.bits",
                    "range",
                    Some("1"),
                    "saved.bits must be at least 2, not 1",
                ),
            ],
        ),
        // An `f32` is reported as it is written, not as the `f64` nearest to it.
        (
            "f32_value_is_reported_as_written",
            &[
                pass(&Single { scale: 1.0 }),
                reject(
                    &Single { scale: 1.1 },
                    "scale",
                    "range",
                    Some("1.1"),
                    "scale must be at most 1.0, not 1.1",
                ),
            ],
        ),
        // Regression: integer literals bound float fields, and messages print the
        // bound as written.
        (
            "integer_literals_bound_floats",
            &[
                pass(&Ratio {
                    ratio: 0.5,
                    scale: 2.0,
                    offset: None,
                }),
                reject(
                    &Ratio {
                        ratio: 1.5,
                        scale: 1.0,
                        offset: Some(0.0),
                    },
                    "ratio",
                    "range",
                    Some("1.5"),
                    "ratio must be between 0 and 1, not 1.5",
                ),
                reject(
                    &Ratio {
                        ratio: 0.0,
                        scale: 1.5,
                        offset: Some(-3.5),
                    }
                    .scale_only(),
                    "scale",
                    "one_of",
                    Some("1.5"),
                    "scale must be one of 1, 2, not 1.5",
                ),
                reject(
                    &Ratio {
                        ratio: 0.0,
                        scale: 1.0,
                        offset: Some(-3.5),
                    },
                    "offset",
                    "range",
                    Some("-3.5"),
                    "offset must be at least -3, not -3.5",
                ),
            ],
        ),
        // Regression: a whole float is reported with its point (`2.0`, not `2`).
        (
            "whole_floats_keep_their_point",
            &[reject(
                &Whole { y: 2.0 },
                "y",
                "range",
                Some("2.0"),
                "y must be at most 1.0, not 2.0",
            )],
        ),
    ]);
}
