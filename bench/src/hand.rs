//! The seed's checks written by hand on the port's types, in two styles:
//! [`first`] stops at the first broken rule as the seed does, [`all`]
//! collects every violation with its path as lowbit does.
//!
//! The entry points are `#[inline]`, as lowbit's derive writes its checks,
//! so that the benchmarks compare the code and not where a crate boundary
//! stops the optimizer.

use bitnet_config::{
    BitNetLowBitProtocol, LowBitActivationFormat, LowBitActivationGrouping,
    LowBitQuantizationConfig, LowBitRhoConfig, LowBitSavedActivationMode, LowBitTargetModule,
    LowBitTrainingMode, LowBitWeightGrouping, ModelConfig, RhoCompressionConfig,
    RhoCompressionInterval, RhoPrecisionConfig,
};

use crate::messages as msg;

/// The seed's `if` chains, unchanged but for the messages' constants: the
/// first broken rule ends the check, as an `anyhow::Error`.
pub mod first {
    use anyhow::{Result, anyhow};

    use super::{
        BitNetLowBitProtocol, LowBitActivationFormat, LowBitActivationGrouping,
        LowBitQuantizationConfig, LowBitRhoConfig, LowBitSavedActivationMode, LowBitTargetModule,
        LowBitTrainingMode, LowBitWeightGrouping, ModelConfig, RhoCompressionConfig,
        RhoCompressionInterval, RhoPrecisionConfig, msg,
    };

    /// `LowBitQuantizationConfig::validate` of the seed.
    ///
    /// # Errors
    ///
    /// The first broken rule.
    #[inline]
    pub fn quant(config: &LowBitQuantizationConfig) -> Result<()> {
        if !config.enable {
            if !matches!(
                config.saved_activations.mode,
                LowBitSavedActivationMode::Disabled
            ) {
                return Err(anyhow!(msg::SAVED_MODE_NEEDS_ENABLE));
            }
            return Ok(());
        }
        if matches!(config.protocol, BitNetLowBitProtocol::None) {
            return Err(anyhow!(msg::PROTOCOL_NONE));
        }
        if config.strict_bitnet_reference && config.target_modules.is_empty() {
            return Err(anyhow!(msg::TARGETS_EMPTY));
        }
        if matches!(config.act_grouping, LowBitActivationGrouping::PerGroup)
            || matches!(config.act_grouping, LowBitActivationGrouping::PerHeadGroup)
        {
            return Err(anyhow!(msg::ACT_GROUPING));
        }
        if !matches!(
            config.saved_activations.format,
            LowBitActivationFormat::Fp16
                | LowBitActivationFormat::Int8
                | LowBitActivationFormat::Int4Exp
        ) {
            return Err(anyhow!(msg::SAVED_FORMAT));
        }
        if !matches!(
            config.saved_activations.mode,
            LowBitSavedActivationMode::Disabled
        ) && !matches!(config.training_mode, LowBitTrainingMode::TrainKernelExp)
        {
            return Err(anyhow!(msg::SAVED_MODE_NEEDS_KERNEL));
        }
        if matches!(config.weight_grouping, LowBitWeightGrouping::PerGroup)
            || matches!(config.weight_grouping, LowBitWeightGrouping::PerHeadGroup)
        {
            return Err(anyhow!(msg::WEIGHT_GROUPING));
        }
        if matches!(config.act_format, LowBitActivationFormat::Uint8PosExp)
            && config
                .target_modules
                .iter()
                .any(|module| !matches!(module, LowBitTargetModule::Encoder))
        {
            return Err(anyhow!(msg::UINT8_ENCODER_ONLY));
        }
        Ok(())
    }

    /// `LowBitRhoConfig::validate` of the seed.
    ///
    /// # Errors
    ///
    /// The first broken rule.
    #[inline]
    pub fn rho(config: &LowBitRhoConfig) -> Result<()> {
        if matches!(config.precision, RhoPrecisionConfig::Fp8Exp)
            && matches!(config.compression, RhoCompressionConfig::Fp8BlockExp)
        {
            return Err(anyhow!(msg::DOUBLE_FP8));
        }
        if !matches!(
            config.precision,
            RhoPrecisionConfig::Fp32 | RhoPrecisionConfig::Bf16
        ) {
            return Err(anyhow!(msg::PRECISION));
        }
        if !matches!(
            config.compression,
            RhoCompressionConfig::None
                | RhoCompressionConfig::Int8BlockExp
                | RhoCompressionConfig::TernaryBlockExp
                | RhoCompressionConfig::BinaryBlockExp
        ) {
            return Err(anyhow!(msg::COMPRESSION));
        }
        if matches!(
            config.compression,
            RhoCompressionConfig::Int8BlockExp
                | RhoCompressionConfig::TernaryBlockExp
                | RhoCompressionConfig::BinaryBlockExp
        ) && !matches!(config.compression_interval, RhoCompressionInterval::Chunk)
        {
            return Err(anyhow!(msg::BLOCK_NEEDS_CHUNK));
        }
        Ok(())
    }

    /// Both tables, as the seed's caller checked them.
    ///
    /// # Errors
    ///
    /// The first broken rule.
    #[inline]
    pub fn model(config: &ModelConfig) -> Result<()> {
        quant(&config.quant)?;
        rho(&config.rho)
    }
}

/// The seed's rules written by hand to report every violation, each with its
/// path: what a user who wanted lowbit's report would write without it.
pub mod all {
    use super::{
        BitNetLowBitProtocol, LowBitActivationFormat, LowBitActivationGrouping,
        LowBitQuantizationConfig, LowBitRhoConfig, LowBitSavedActivationMode, LowBitTargetModule,
        LowBitTrainingMode, LowBitWeightGrouping, ModelConfig, RhoCompressionConfig,
        RhoCompressionInterval, RhoPrecisionConfig, msg,
    };

    /// One broken rule: where, and what it says.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Violation {
        /// The field's path, in the config file's names.
        pub path: String,
        /// The seed's message.
        pub message: &'static str,
    }

    /// Records a violation at `prefix` + `field`; the path is built only here.
    #[cold]
    fn push(out: &mut Vec<Violation>, prefix: &str, field: &str, message: &'static str) {
        let mut path = String::with_capacity(prefix.len() + field.len());
        path.push_str(prefix);
        path.push_str(field);
        out.push(Violation { path, message });
    }

    /// Every violation of `[model.quant]`, with paths below `prefix`.
    #[inline]
    pub fn quant_into(config: &LowBitQuantizationConfig, prefix: &str, out: &mut Vec<Violation>) {
        let cache_on = !matches!(
            config.saved_activations.mode,
            LowBitSavedActivationMode::Disabled
        );
        if !config.enable {
            if cache_on {
                push(
                    out,
                    prefix,
                    "saved_activations.mode",
                    msg::SAVED_MODE_NEEDS_ENABLE,
                );
            }
            return;
        }
        if matches!(config.protocol, BitNetLowBitProtocol::None) {
            push(out, prefix, "protocol", msg::PROTOCOL_NONE);
        }
        if matches!(config.act_format, LowBitActivationFormat::Uint8PosExp)
            && config
                .target_modules
                .iter()
                .any(|module| !matches!(module, LowBitTargetModule::Encoder))
        {
            push(out, prefix, "act_format", msg::UINT8_ENCODER_ONLY);
        }
        if !matches!(
            config.saved_activations.format,
            LowBitActivationFormat::Fp16
                | LowBitActivationFormat::Int8
                | LowBitActivationFormat::Int4Exp
        ) {
            push(out, prefix, "saved_activations.format", msg::SAVED_FORMAT);
        }
        if cache_on && !matches!(config.training_mode, LowBitTrainingMode::TrainKernelExp) {
            push(
                out,
                prefix,
                "saved_activations.mode",
                msg::SAVED_MODE_NEEDS_KERNEL,
            );
        }
        if config.strict_bitnet_reference && config.target_modules.is_empty() {
            push(out, prefix, "target_modules", msg::TARGETS_EMPTY);
        }
        if !matches!(config.act_grouping, LowBitActivationGrouping::PerToken) {
            push(out, prefix, "act_grouping", msg::ACT_GROUPING);
        }
        if !matches!(config.weight_grouping, LowBitWeightGrouping::PerTensor) {
            push(out, prefix, "weight_grouping", msg::WEIGHT_GROUPING);
        }
    }

    /// Every violation of `[model.rho]`, with paths below `prefix`.
    #[inline]
    pub fn rho_into(config: &LowBitRhoConfig, prefix: &str, out: &mut Vec<Violation>) {
        if matches!(config.precision, RhoPrecisionConfig::Fp8Exp)
            && matches!(config.compression, RhoCompressionConfig::Fp8BlockExp)
        {
            push(out, prefix, "precision", msg::DOUBLE_FP8);
        }
        if !matches!(
            config.precision,
            RhoPrecisionConfig::Fp32 | RhoPrecisionConfig::Bf16
        ) {
            push(out, prefix, "precision", msg::PRECISION);
        }
        let block = matches!(
            config.compression,
            RhoCompressionConfig::Int8BlockExp
                | RhoCompressionConfig::TernaryBlockExp
                | RhoCompressionConfig::BinaryBlockExp
        );
        if !block && !matches!(config.compression, RhoCompressionConfig::None) {
            push(out, prefix, "compression", msg::COMPRESSION);
        }
        if block && !matches!(config.compression_interval, RhoCompressionInterval::Chunk) {
            push(out, prefix, "compression", msg::BLOCK_NEEDS_CHUNK);
        }
    }

    /// Turns collected violations into a result; a valid config never
    /// allocated the vector.
    #[inline]
    fn finish(out: Vec<Violation>) -> Result<(), Vec<Violation>> {
        if out.is_empty() { Ok(()) } else { Err(out) }
    }

    /// Every violation of `[model.quant]`.
    ///
    /// # Errors
    ///
    /// All of them.
    #[inline]
    pub fn quant(config: &LowBitQuantizationConfig) -> Result<(), Vec<Violation>> {
        let mut out = Vec::new();
        quant_into(config, "", &mut out);
        finish(out)
    }

    /// Every violation of `[model.rho]`.
    ///
    /// # Errors
    ///
    /// All of them.
    #[inline]
    pub fn rho(config: &LowBitRhoConfig) -> Result<(), Vec<Violation>> {
        let mut out = Vec::new();
        rho_into(config, "", &mut out);
        finish(out)
    }

    /// Every violation of both tables, paths under `quant.` and `rho.`.
    ///
    /// # Errors
    ///
    /// All of them.
    #[inline]
    pub fn model(config: &ModelConfig) -> Result<(), Vec<Violation>> {
        let mut out = Vec::new();
        quant_into(&config.quant, "quant.", &mut out);
        rho_into(&config.rho, "rho.", &mut out);
        finish(out)
    }
}
