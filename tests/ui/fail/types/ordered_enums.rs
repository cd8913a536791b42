use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Interval {
    #[default]
    Steps,
    Epoch,
}

#[derive(Validate)]
struct Training {
    #[requires(eval_strategy < save_strategy)]
    load_best: bool,
    eval_strategy: Interval,
    save_strategy: Interval,
}

fn main() {}
