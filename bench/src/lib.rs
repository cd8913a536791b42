//! Benchmarks of lowbit: the port's `validate()` against the checks a user
//! would otherwise write by hand, or express with `garde` or `validator`.
//!
//! `hand`, `with_garde` and `with_validator` each hold a way of checking the
//! seed's rules (lowbit's is the port itself); `cases` holds the configs and
//! `ways` puts each way behind one trait for the benchmarks. `rules` holds
//! one config per rule of issue 14 beside the check it replaces. The crate's
//! tests hold every way to the same verdicts and messages, so that the
//! benchmarks compare equal work. BENCHMARKS.md at the repository's root
//! says how to run them and what they found.

/// `From<&…>` from the port's configs to a module's mirror of them (its own
/// `Quant`, `Rho` and `Model`, which carry garde's or validator's
/// attributes), field by field.
macro_rules! from_port {
    () => {
        impl From<&bitnet_config::LowBitQuantizationConfig> for Quant {
            fn from(c: &bitnet_config::LowBitQuantizationConfig) -> Self {
                Quant {
                    enable: c.enable,
                    protocol: c.protocol,
                    training_mode: c.training_mode,
                    inference_mode: c.inference_mode,
                    weight_format: c.weight_format,
                    act_format: c.act_format,
                    saved_activations: c.saved_activations.clone(),
                    target_modules: c.target_modules.clone(),
                    decoder_x_mode: c.decoder_x_mode,
                    encoder_mode: c.encoder_mode,
                    act_grouping: c.act_grouping,
                    weight_grouping: c.weight_grouping,
                    strict_bitnet_reference: c.strict_bitnet_reference,
                }
            }
        }

        impl From<&bitnet_config::LowBitRhoConfig> for Rho {
            fn from(c: &bitnet_config::LowBitRhoConfig) -> Self {
                Rho {
                    precision: c.precision,
                    carry_across_tbptt: c.carry_across_tbptt,
                    detach_between_windows: c.detach_between_windows,
                    compression: c.compression,
                    compression_interval: c.compression_interval,
                    stats_monitoring: c.stats_monitoring,
                }
            }
        }

        impl From<&bitnet_config::ModelConfig> for Model {
            fn from(c: &bitnet_config::ModelConfig) -> Self {
                Model {
                    quant: (&c.quant).into(),
                    rho: (&c.rho).into(),
                }
            }
        }
    };
}

pub mod callgrind;
pub mod cases;
pub mod hand;
pub mod rules;
pub mod ways;
pub mod with_garde;
pub mod with_validator;

/// The seed's messages, shared by every way of checking its rules, so that
/// each reports the same sentences.
pub mod messages {
    /// `saved_activations.mode` set while quantization is off.
    pub const SAVED_MODE_NEEDS_ENABLE: &str =
        "model.quant.saved_activations.mode requires model.quant.enable = true";
    /// No protocol named once enabled.
    pub const PROTOCOL_NONE: &str =
        "model.quant.protocol must not be \"none\" when model.quant.enable = true";
    /// The strict reference without target modules.
    pub const TARGETS_EMPTY: &str =
        "model.quant.target_modules must not be empty when strict_bitnet_reference is enabled";
    /// An activation grouping other than `per_token`.
    pub const ACT_GROUPING: &str = "model.quant.act_grouping currently supports only \"per_token\"";
    /// An unsupported activation cache format.
    pub const SAVED_FORMAT: &str = "model.quant.saved_activations.format currently supports only \"fp16\", \"int8\", or \"int4_exp\"";
    /// The activation cache without the training kernel.
    pub const SAVED_MODE_NEEDS_KERNEL: &str = "model.quant.saved_activations.mode currently requires training_mode = \"train_kernel_exp\"";
    /// A weight grouping other than `per_tensor`.
    pub const WEIGHT_GROUPING: &str =
        "model.quant.weight_grouping currently supports only \"per_tensor\"";
    /// `uint8_pos_exp` activations on a module other than an encoder.
    pub const UINT8_ENCODER_ONLY: &str = "model.quant.act_format = \"uint8_pos_exp\" is currently only supported when target_modules contains only \"encoder\"";
    /// `fp8_exp` precision with `fp8_block_exp` compression.
    pub const DOUBLE_FP8: &str = "model.rho.precision = \"fp8_exp\" and model.rho.compression = \"fp8_block_exp\" should not both be set at once";
    /// A precision other than the canonical two.
    pub const PRECISION: &str = "model.rho.precision currently supports only \"fp32\" or \"bf16\" in the canonical additive path; lower-precision rho remains a separate experimental follow-on track";
    /// An unsupported compression.
    pub const COMPRESSION: &str = "model.rho.compression currently supports only \"none\", \"int8_block_exp\", \"ternary_block_exp\", or \"binary_block_exp\"";
    /// Block compression outside chunk intervals.
    pub const BLOCK_NEEDS_CHUNK: &str = "block-compressed model.rho.compression currently supports only compression_interval = \"chunk\"";
}

#[cfg(test)]
mod tests;
