use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Mode {
    #[default]
    Off,
    On,
}

#[derive(Validate)]
struct Quant {
    count: u32,
    #[requires(count)]
    enable: bool,
    #[range(min = 1)]
    mode: Mode,
    #[length(max = 3)]
    window: u32,
    #[one_of(1, 2)]
    name: String,
}

fn main() {}
