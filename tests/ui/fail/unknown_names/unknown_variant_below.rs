use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Format {
    #[default]
    Fp16,
    Int8,
    Int4Exp,
}

#[derive(Validate)]
struct Saved {
    format: Format,
}

#[derive(Validate)]
struct Quant {
    #[one_of("fp16", "int4", at = format)]
    saved: Saved,
    #[requires(saved.format in ("int8", "int_8"), when = "int8_exp")]
    act: Format,
}

fn main() {}
