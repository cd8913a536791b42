//! `range` bounds from other fields, and `multiple_of` a literal or a field.

use super::*;
use crate::support::{pass, reject, table};

/// In the shape of a Prometheus scrape config: the timeout may not exceed
/// the interval.
#[derive(Validate, Default)]
struct Scrape {
    scrape_interval: u64,
    #[range(max = scrape_interval)]
    scrape_timeout: u64,
    #[range(min = floor, max = 100)]
    level: Option<u32>,
    floor: Option<u32>,
}

/// In the shape of transformers' `TrainingArguments`: with
/// `load_best_model_at_end`, `save_steps` must be a multiple of
/// `eval_steps`.
#[derive(Validate, Default)]
struct Steps {
    load_best_model_at_end: bool,
    eval_steps: u32,
    #[multiple_of(eval_steps, if(load_best_model_at_end))]
    save_steps: u32,
    #[multiple_of(8)]
    batch: u32,
    #[multiple_of(0.25)]
    ratio: f64,
}

#[test]
fn range_bounds_from_fields() {
    table(&[
        (
            "max_is_a_field",
            &[
                pass(&Scrape {
                    scrape_interval: 10,
                    scrape_timeout: 10,
                    ..Scrape::default()
                }),
                reject(
                    &Scrape {
                        scrape_interval: 10,
                        scrape_timeout: 15,
                        ..Scrape::default()
                    },
                    "scrape_timeout",
                    "range",
                    Some("15"),
                    "scrape_timeout must be at most scrape_interval, not 15",
                ),
            ],
        ),
        (
            "an_absent_bound_bounds_nothing",
            &[
                pass(&Scrape {
                    level: Some(1),
                    ..Scrape::default()
                }),
                pass(&Scrape {
                    level: Some(5),
                    floor: Some(5),
                    ..Scrape::default()
                }),
                reject(
                    &Scrape {
                        level: Some(4),
                        floor: Some(5),
                        ..Scrape::default()
                    },
                    "level",
                    "range",
                    Some("4"),
                    "level must be between floor and 100, not 4",
                ),
            ],
        ),
    ]);
}

#[test]
fn multiples() {
    table(&[
        (
            "literal",
            &[
                pass(&Steps {
                    batch: 64,
                    ..Steps::default()
                }),
                reject(
                    &Steps {
                        batch: 60,
                        ..Steps::default()
                    },
                    "batch",
                    "multiple_of",
                    Some("60"),
                    "batch must be a multiple of 8, not 60",
                ),
            ],
        ),
        (
            "float_within_rounding",
            &[
                pass(&Steps {
                    ratio: 0.75,
                    ..Steps::default()
                }),
                reject(
                    &Steps {
                        ratio: 0.3,
                        ..Steps::default()
                    },
                    "ratio",
                    "multiple_of",
                    Some("0.3"),
                    "ratio must be a multiple of 0.25, not 0.3",
                ),
            ],
        ),
        (
            "field_behind_if",
            &[
                pass(&Steps {
                    eval_steps: 500,
                    save_steps: 700,
                    ..Steps::default()
                }),
                pass(&Steps {
                    load_best_model_at_end: true,
                    eval_steps: 500,
                    save_steps: 1000,
                    ..Steps::default()
                }),
                reject(
                    &Steps {
                        load_best_model_at_end: true,
                        eval_steps: 500,
                        save_steps: 700,
                        ..Steps::default()
                    },
                    "save_steps",
                    "multiple_of",
                    Some("700"),
                    "save_steps must be a multiple of eval_steps while load_best_model_at_end, not 700",
                ),
            ],
        ),
        (
            "a_zero_divisor_is_a_violation_not_a_panic",
            &[reject(
                &Steps {
                    load_best_model_at_end: true,
                    eval_steps: 0,
                    save_steps: 0,
                    ..Steps::default()
                },
                "save_steps",
                "multiple_of",
                Some("0"),
                "save_steps must be a multiple of eval_steps while load_best_model_at_end, not 0",
            )],
        ),
    ]);
}
