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
    interval: Interval,
    #[only_if(interval != "chunks")]
    carry: bool,
    #[required_if(interval in ("step", "eval"))]
    window: Option<u32>,
}

fn main() {}
