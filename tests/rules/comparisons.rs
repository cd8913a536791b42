//! Comparisons in conditions (`g > 3`, `g <= 2.5`), a field against another
//! field (`g = h`, `g < h`), and `if(cond)` on rules.

use super::*;
use crate::support::{pass, reject, table};

/// Training arguments in the shape of transformers' `TrainingArguments`:
/// `load_best_model_at_end` requires the evaluation and save strategies to
/// match, and `warmup_ratio` is a fraction.
#[derive(Validate, Default)]
struct Training {
    #[requires(eval_strategy = save_strategy)]
    load_best_model_at_end: bool,
    eval_strategy: Interval,
    save_strategy: Interval,
    #[only_if(warmup_ratio > 0.0)]
    warmup_steps: Option<u32>,
    warmup_ratio: f64,
    #[requires(max_length >= min_length)]
    min_length: Option<u32>,
    max_length: Option<u32>,
}

/// Number literals with each order, on a plain number and an `Option`.
#[derive(Validate, Default)]
struct Stage {
    stage: u8,
    offload: Option<u32>,
    #[requires(stage >= 2)]
    partition: bool,
    #[requires(stage < 3)]
    overlap: bool,
    #[requires(offload > 0)]
    pin: bool,
    #[conflicts_with(offload <= 10)]
    stream: bool,
}

/// `if(cond)` narrows a rule of any kind.
#[derive(Validate, Default)]
struct Guarded {
    stage: u8,
    #[range(min = 1.0, if(stage != 3))]
    scale: f64,
    #[forbidden(if(mode = "cached"))]
    dir: Option<String>,
    mode: Mode,
    #[nested(if(enable))]
    inner: Inner,
    enable: bool,
}

#[derive(Validate, Default)]
struct Inner {
    #[range(max = 4)]
    level: u8,
}

#[test]
fn fields_against_fields() {
    table(&[
        (
            "equal_enums",
            &[
                pass(&Training {
                    load_best_model_at_end: true,
                    eval_strategy: Interval::Step,
                    save_strategy: Interval::Step,
                    ..Training::default()
                }),
                pass(&Training {
                    eval_strategy: Interval::Step,
                    ..Training::default()
                }),
                reject(
                    &Training {
                        load_best_model_at_end: true,
                        eval_strategy: Interval::Step,
                        ..Training::default()
                    },
                    "load_best_model_at_end",
                    "requires",
                    Some("true"),
                    "load_best_model_at_end requires eval_strategy = save_strategy",
                ),
            ],
        ),
        (
            "order_of_options_holds_only_when_both_are_set",
            &[
                pass(&Training {
                    min_length: Some(3),
                    max_length: Some(3),
                    ..Training::default()
                }),
                reject(
                    &Training {
                        min_length: Some(3),
                        max_length: Some(2),
                        ..Training::default()
                    },
                    "min_length",
                    "requires",
                    Some("3"),
                    "min_length requires max_length >= min_length",
                ),
                reject(
                    &Training {
                        min_length: Some(3),
                        ..Training::default()
                    },
                    "min_length",
                    "requires",
                    Some("3"),
                    "min_length requires max_length >= min_length",
                ),
            ],
        ),
    ]);
}

#[test]
fn numbers_against_literals() {
    table(&[
        (
            "float_greater",
            &[
                pass(&Training {
                    warmup_steps: Some(10),
                    warmup_ratio: 0.1,
                    ..Training::default()
                }),
                reject(
                    &Training {
                        warmup_steps: Some(10),
                        ..Training::default()
                    },
                    "warmup_steps",
                    "only_if",
                    Some("10"),
                    "warmup_steps may be set only when warmup_ratio > 0.0",
                ),
            ],
        ),
        (
            "each_order",
            &[
                pass(&Stage {
                    stage: 2,
                    partition: true,
                    overlap: true,
                    ..Stage::default()
                }),
                reject(
                    &Stage {
                        stage: 1,
                        partition: true,
                        ..Stage::default()
                    },
                    "partition",
                    "requires",
                    Some("true"),
                    "partition requires stage >= 2",
                ),
                reject(
                    &Stage {
                        stage: 3,
                        overlap: true,
                        ..Stage::default()
                    },
                    "overlap",
                    "requires",
                    Some("true"),
                    "overlap requires stage < 3",
                ),
            ],
        ),
        (
            "an_option_compares_only_when_some",
            &[
                pass(&Stage {
                    offload: Some(1),
                    pin: true,
                    ..Stage::default()
                }),
                reject(
                    &Stage {
                        pin: true,
                        ..Stage::default()
                    },
                    "pin",
                    "requires",
                    Some("true"),
                    "pin requires offload > 0",
                ),
                pass(&Stage {
                    stream: true,
                    ..Stage::default()
                }),
                reject(
                    &Stage {
                        offload: Some(10),
                        stream: true,
                        ..Stage::default()
                    },
                    "stream",
                    "conflicts_with",
                    Some("true"),
                    "stream must not be set when offload <= 10",
                ),
            ],
        ),
    ]);
}

#[test]
fn if_narrows_any_rule() {
    table(&[
        (
            "range",
            &[
                pass(&Guarded {
                    stage: 3,
                    scale: 0.5,
                    ..Guarded::default()
                }),
                reject(
                    &Guarded {
                        stage: 2,
                        scale: 0.5,
                        ..Guarded::default()
                    },
                    "scale",
                    "range",
                    Some("0.5"),
                    "scale must be at least 1.0 while stage != 3, not 0.5",
                ),
            ],
        ),
        (
            "forbidden",
            &[
                pass(&Guarded {
                    scale: 1.0,
                    dir: Some("/tmp".into()),
                    ..Guarded::default()
                }),
                reject(
                    &Guarded {
                        scale: 1.0,
                        dir: Some("/tmp".into()),
                        mode: Mode::Cached,
                        ..Guarded::default()
                    },
                    "dir",
                    "forbidden",
                    Some("\"/tmp\""),
                    "dir must not be set while mode = \"cached\"",
                ),
            ],
        ),
        (
            "nested",
            &[
                pass(&Guarded {
                    scale: 1.0,
                    inner: Inner { level: 9 },
                    ..Guarded::default()
                }),
                reject(
                    &Guarded {
                        scale: 1.0,
                        inner: Inner { level: 9 },
                        enable: true,
                        ..Guarded::default()
                    },
                    "inner.level",
                    "range",
                    Some("9"),
                    "inner.level must be at most 4, not 9",
                ),
            ],
        ),
    ]);
}
