use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Compression {
    #[default]
    None,
    Int8BlockExp,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Interval {
    Step,
    #[default]
    Chunk,
}

#[derive(Validate)]
struct Rho {
    #[only_if(interval = "Chunk")]
    compression: Compression,
    interval: Interval,
}

fn main() {}
