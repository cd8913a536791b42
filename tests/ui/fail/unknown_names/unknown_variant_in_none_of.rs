use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Interval {
    Step,
    #[default]
    Chunk,
    EvalOnly,
}

#[derive(Validate)]
struct Rho {
    #[none_of("steps")]
    interval: Interval,
}

fn main() {}
