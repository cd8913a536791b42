//! `[model.rho]`: how the recurrent rho state is stored and compressed.

use serde::{Deserialize, Serialize};

use lowbit_core::Validate;

/// Precision of the rho state.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum RhoPrecisionConfig {
    Fp32,
    #[default]
    Bf16,
    Fp8Exp,
    Int8BlockExp,
    Blockfp8Exp,
    SparseTileExp,
}

/// Compression of the rho state.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum RhoCompressionConfig {
    #[default]
    None,
    Fp8BlockExp,
    Int8BlockExp,
    TernaryBlockExp,
    BinaryBlockExp,
    BlockfpExp,
    SparsePositiveExp,
    LowrankDeltaExp,
}

/// When the rho state is compressed.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum RhoCompressionInterval {
    Step,
    #[default]
    Chunk,
    EvalOnly,
}

/// `[model.rho]`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(default)]
pub struct LowBitRhoConfig {
    /// Storage precision; only the canonical `fp32` and `bf16` for now.
    #[conflicts_with(
        compression = "fp8_block_exp",
        when = "fp8_exp",
        message = "model.rho.precision = \"fp8_exp\" and model.rho.compression = \"fp8_block_exp\" should not both be set at once"
    )]
    #[one_of(
        "fp32",
        "bf16",
        message = "model.rho.precision currently supports only \"fp32\" or \"bf16\" in the canonical additive path; lower-precision rho remains a separate experimental follow-on track"
    )]
    pub precision: RhoPrecisionConfig,
    /// Carry rho across truncated-BPTT windows.
    pub carry_across_tbptt: bool,
    /// Detach rho's graph between windows.
    pub detach_between_windows: bool,
    /// Compression of the stored state; block compressions need chunk intervals.
    #[one_of(
        "none",
        "int8_block_exp",
        "ternary_block_exp",
        "binary_block_exp",
        message = "model.rho.compression currently supports only \"none\", \"int8_block_exp\", \"ternary_block_exp\", or \"binary_block_exp\""
    )]
    #[only_if(
        compression_interval = "chunk",
        when("int8_block_exp", "ternary_block_exp", "binary_block_exp"),
        message = "block-compressed model.rho.compression currently supports only compression_interval = \"chunk\""
    )]
    pub compression: RhoCompressionConfig,
    /// When compression runs.
    pub compression_interval: RhoCompressionInterval,
    /// Collect statistics of the state.
    pub stats_monitoring: bool,
}

impl Default for LowBitRhoConfig {
    fn default() -> Self {
        Self {
            precision: RhoPrecisionConfig::default(),
            carry_across_tbptt: true,
            detach_between_windows: true,
            compression: RhoCompressionConfig::default(),
            compression_interval: RhoCompressionInterval::default(),
            stats_monitoring: true,
        }
    }
}
