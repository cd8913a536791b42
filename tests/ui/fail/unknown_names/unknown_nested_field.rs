use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Mode {
    #[default]
    Disabled,
    Cached,
}

#[derive(Validate)]
struct Saved {
    mode: Mode,
}

#[derive(Validate)]
struct Quant {
    #[requires(saved.mood = "cached")]
    enable: bool,
    saved: Saved,
}

fn main() {}
