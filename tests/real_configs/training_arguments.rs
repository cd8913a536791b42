//! The checks of Hugging Face transformers' `TrainingArguments`
//! (`src/transformers/training_args.py`, `TrainingArguments.__post_init__`),
//! on the arguments they read, with their error messages. Of the 12 rules
//! ported here, 12 are attributes; none needs `custom`.
//!
//! 1. `load_best_model_at_end` requires `eval_strategy` to equal `save_strategy`.
//! 2. With `load_best_model_at_end` and step evaluation, `save_steps` is a
//!    multiple of `eval_steps`.
//! 3. `fp16` and `bf16` are not both set.
//! 4. `fp16_full_eval` and `bf16_full_eval` are not both set.
//! 5. Step evaluation needs non-zero `eval_steps` or `logging_steps`.
//! 6. Step logging needs non-zero `logging_steps`.
//! 7. `reduce_lr_on_plateau` needs an evaluation strategy.
//! 8. `warmup_ratio` lies in [0, 1].
//! 9. `logging_steps` above 1 is an integer (below 1 it is a ratio of the
//!    training steps).
//! 10. So is `eval_steps`.
//! 11. So is `save_steps`.
//! 12. `fsdp_min_num_params` and `fsdp_transformer_layer_cls_to_wrap`
//!     exclude each other.

use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    #[default]
    No,
    Steps,
    Epoch,
}

#[derive(Deserialize, Validate, Default, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Scheduler {
    #[default]
    Linear,
    Cosine,
    ReduceLrOnPlateau,
}

#[derive(Deserialize, Validate, Default, Clone, PartialEq, Debug)]
#[serde(default)]
pub struct TrainingArguments {
    #[requires(
        eval_strategy = save_strategy,
        message = "--load_best_model_at_end requires the save and eval strategy to match"
    )]
    pub load_best_model_at_end: bool,
    #[requires(
        any(eval_steps > 0.0, logging_steps > 0.0),
        when = "steps",
        message = "evaluation strategy steps requires either non-zero --eval_steps or --logging_steps"
    )]
    pub eval_strategy: Strategy,
    pub save_strategy: Strategy,
    #[requires(
        logging_steps > 0.0,
        when = "steps",
        message = "logging strategy steps requires non-zero --logging_steps"
    )]
    pub logging_strategy: Strategy,
    #[multiple_of(
        1.0,
        if(logging_steps > 1.0),
        message = "--logging_steps must be an integer if bigger than 1: {value}"
    )]
    pub logging_steps: f64,
    #[multiple_of(
        1.0,
        if(eval_steps > 1.0),
        message = "--eval_steps must be an integer if bigger than 1: {value}"
    )]
    pub eval_steps: f64,
    #[multiple_of(
        1.0,
        if(save_steps > 1.0),
        message = "--save_steps must be an integer if bigger than 1: {value}"
    )]
    #[multiple_of(
        eval_steps,
        if(all(load_best_model_at_end, eval_strategy = "steps")),
        message = "--load_best_model_at_end requires the saving steps to be a round multiple of the evaluation steps, but found {value}, which is not a round multiple of {eval_steps}."
    )]
    pub save_steps: f64,
    #[conflicts_with(
        bf16,
        message = "At most one of fp16 and bf16 can be True, but not both"
    )]
    pub fp16: bool,
    pub bf16: bool,
    #[conflicts_with(
        bf16_full_eval,
        message = "At most one of fp16 and bf16 can be True for full eval, but not both"
    )]
    pub fp16_full_eval: bool,
    pub bf16_full_eval: bool,
    #[requires(
        eval_strategy != "no",
        when = "reduce_lr_on_plateau",
        message = "lr_scheduler_type reduce_lr_on_plateau requires an eval strategy"
    )]
    pub lr_scheduler_type: Scheduler,
    #[range(min = 0.0, max = 1.0, message = "warmup_ratio must lie in range [0,1]")]
    pub warmup_ratio: f64,
    pub fsdp_min_num_params: u64,
    #[conflicts_with(
        fsdp_min_num_params > 0,
        message = "`min_num_params` and `transformer_layer_cls_to_wrap` are mutually exclusive."
    )]
    pub fsdp_transformer_layer_cls_to_wrap: Option<Vec<String>>,
}

fn defaults() -> TrainingArguments {
    TrainingArguments {
        logging_steps: 500.0,
        eval_steps: 0.0,
        save_steps: 500.0,
        logging_strategy: Strategy::Steps,
        save_strategy: Strategy::Steps,
        ..TrainingArguments::default()
    }
}

/// The messages of every violation, in field order.
fn messages(arguments: &TrainingArguments) -> Vec<String> {
    match arguments.validate() {
        Ok(()) => Vec::new(),
        Err(report) => report.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_defaults_are_valid() {
    assert_eq!(messages(&defaults()), Vec::<String>::new());
}

#[test]
fn each_rule_with_transformers_message() {
    let cases: Vec<(TrainingArguments, &str)> = vec![
        (
            TrainingArguments {
                load_best_model_at_end: true,
                eval_strategy: Strategy::Epoch,
                ..defaults()
            },
            "--load_best_model_at_end requires the save and eval strategy to match",
        ),
        (
            TrainingArguments {
                load_best_model_at_end: true,
                eval_strategy: Strategy::Steps,
                eval_steps: 300.0,
                ..defaults()
            },
            "--load_best_model_at_end requires the saving steps to be a round multiple of the evaluation steps, but found 500.0, which is not a round multiple of 300.0.",
        ),
        (
            TrainingArguments {
                fp16: true,
                bf16: true,
                ..defaults()
            },
            "At most one of fp16 and bf16 can be True, but not both",
        ),
        (
            TrainingArguments {
                fp16_full_eval: true,
                bf16_full_eval: true,
                ..defaults()
            },
            "At most one of fp16 and bf16 can be True for full eval, but not both",
        ),
        (
            TrainingArguments {
                eval_strategy: Strategy::Steps,
                logging_strategy: Strategy::Epoch,
                logging_steps: 0.0,
                ..defaults()
            },
            "evaluation strategy steps requires either non-zero --eval_steps or --logging_steps",
        ),
        (
            TrainingArguments {
                logging_steps: 0.0,
                ..defaults()
            },
            "logging strategy steps requires non-zero --logging_steps",
        ),
        (
            TrainingArguments {
                lr_scheduler_type: Scheduler::ReduceLrOnPlateau,
                ..defaults()
            },
            "lr_scheduler_type reduce_lr_on_plateau requires an eval strategy",
        ),
        (
            TrainingArguments {
                warmup_ratio: 1.5,
                ..defaults()
            },
            "warmup_ratio must lie in range [0,1]",
        ),
        (
            TrainingArguments {
                logging_steps: 10.5,
                ..defaults()
            },
            "--logging_steps must be an integer if bigger than 1: 10.5",
        ),
        (
            TrainingArguments {
                eval_steps: 2.5,
                ..defaults()
            },
            "--eval_steps must be an integer if bigger than 1: 2.5",
        ),
        (
            TrainingArguments {
                save_steps: 100.25,
                ..defaults()
            },
            "--save_steps must be an integer if bigger than 1: 100.25",
        ),
        (
            TrainingArguments {
                fsdp_min_num_params: 1_000,
                fsdp_transformer_layer_cls_to_wrap: Some(vec!["BertLayer".to_owned()]),
                ..defaults()
            },
            "`min_num_params` and `transformer_layer_cls_to_wrap` are mutually exclusive.",
        ),
    ];
    for (arguments, message) in &cases {
        assert_eq!(messages(arguments), [*message], "for {arguments:?}");
    }
}

#[test]
fn ratios_and_neighbours_pass() {
    let passing = [
        TrainingArguments {
            logging_steps: 0.1,
            eval_steps: 0.25,
            save_steps: 0.5,
            ..defaults()
        },
        TrainingArguments {
            load_best_model_at_end: true,
            eval_strategy: Strategy::Steps,
            eval_steps: 250.0,
            ..defaults()
        },
        TrainingArguments {
            fsdp_min_num_params: 0,
            fsdp_transformer_layer_cls_to_wrap: Some(vec!["BertLayer".to_owned()]),
            ..defaults()
        },
        TrainingArguments {
            lr_scheduler_type: Scheduler::ReduceLrOnPlateau,
            eval_strategy: Strategy::Epoch,
            save_strategy: Strategy::Epoch,
            ..defaults()
        },
    ];
    for arguments in &passing {
        assert_eq!(
            messages(arguments),
            Vec::<String>::new(),
            "for {arguments:?}"
        );
    }
}
