//! Enums the rules below compare with.

use super::{Deserialize, Validate};

#[derive(Deserialize, Validate, Default, Debug, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Fp32,
    #[default]
    Bf16,
    Fp8Exp,
    Int8BlockExp,
}

#[derive(Deserialize, Validate, Default, Debug, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    Step,
    #[default]
    Chunk,
    EvalOnly,
}

#[derive(Deserialize, Validate, Default, Debug, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    #[default]
    None,
    Fp8BlockExp,
    Int8BlockExp,
    TernaryBlockExp,
}

#[derive(Deserialize, Validate, Default, Debug, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Disabled,
    Cached,
    Recompute,
}

/// No `#[default]`: every value is set.
#[derive(Deserialize, Validate, Debug, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Module {
    Encoder,
    DecoderX,
    DecoderY,
}
