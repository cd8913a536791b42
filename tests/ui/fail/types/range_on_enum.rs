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
    #[range(min = 1, max = 2)]
    interval: Interval,
}

fn main() {}
