use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
enum Compression {
    #[default]
    #[serde(rename = "none")]
    Nothing,
    #[serde(rename = "int8-block")]
    Int8Block,
}

#[derive(Validate)]
struct Rho {
    #[none_of("int8_block")]
    compression: Compression,
    #[requires(compression = "Nothing")]
    detach: bool,
}

fn main() {}
