// A rule where rules do not belong fails the enum's derive. The enum still
// gets every impl that makes it usable in rules, so the struct below, which
// compares it with names, is not blamed too: one error, at the attribute.
use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Mode {
    #[default]
    Off,
    #[one_of("x")]
    Fast,
}

#[derive(Deserialize, Validate)]
struct Config {
    #[one_of("off", "fast")]
    mode: Mode,
    #[requires(mode = "fast")]
    turbo: bool,
    #[only_if(mode)]
    boost: Option<u32>,
}

fn main() {
    let config = Config { mode: Mode::Fast, turbo: true, boost: None };
    assert!(config.validate().is_ok());
}
