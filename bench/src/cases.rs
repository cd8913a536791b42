//! The configs benchmarked: valid ones that reach every rule, and broken ones
//! whose violations are counted in [`tests`](crate).

use bitnet_config::{
    BitNetLowBitProtocol, LowBitActivationFormat, LowBitActivationGrouping,
    LowBitQuantizationConfig, LowBitRhoConfig, LowBitSavedActivationConfig,
    LowBitSavedActivationMode, LowBitTargetModule, LowBitTrainingMode, LowBitWeightGrouping,
    ModelConfig, RhoCompressionConfig, RhoCompressionInterval, RhoPrecisionConfig,
};

/// Enabled, with every condition that guards a rule switched on, so that a
/// check reaches each rule and reads each field it names.
#[must_use]
pub fn quant_valid() -> LowBitQuantizationConfig {
    LowBitQuantizationConfig {
        enable: true,
        protocol: BitNetLowBitProtocol::BitnetB158,
        training_mode: LowBitTrainingMode::TrainKernelExp,
        act_format: LowBitActivationFormat::Uint8PosExp,
        saved_activations: LowBitSavedActivationConfig {
            mode: LowBitSavedActivationMode::QuantizedCacheRecomputeExp,
            format: LowBitActivationFormat::Int8,
        },
        target_modules: vec![LowBitTargetModule::Encoder],
        strict_bitnet_reference: true,
        ..LowBitQuantizationConfig::default()
    }
}

/// Breaks six of the eight rules (the other two cannot break together with
/// these): the protocol, both groupings, the cache's format and mode, and
/// `uint8_pos_exp` on a decoder.
#[must_use]
pub fn quant_invalid() -> LowBitQuantizationConfig {
    LowBitQuantizationConfig {
        enable: true,
        protocol: BitNetLowBitProtocol::None,
        training_mode: LowBitTrainingMode::QatSte,
        act_format: LowBitActivationFormat::Uint8PosExp,
        saved_activations: LowBitSavedActivationConfig {
            mode: LowBitSavedActivationMode::QuantizedCacheExp,
            format: LowBitActivationFormat::Uint8PosExp,
        },
        target_modules: vec![LowBitTargetModule::DecoderX],
        act_grouping: LowBitActivationGrouping::PerGroup,
        weight_grouping: LowBitWeightGrouping::PerHeadGroup,
        ..LowBitQuantizationConfig::default()
    }
}

/// Block compression at chunk intervals: every rule is evaluated.
#[must_use]
pub fn rho_valid() -> LowBitRhoConfig {
    LowBitRhoConfig {
        precision: RhoPrecisionConfig::Fp32,
        compression: RhoCompressionConfig::Int8BlockExp,
        compression_interval: RhoCompressionInterval::Chunk,
        ..LowBitRhoConfig::default()
    }
}

/// `fp8_exp` with `fp8_block_exp`: three of the four rules break.
#[must_use]
pub fn rho_invalid() -> LowBitRhoConfig {
    LowBitRhoConfig {
        precision: RhoPrecisionConfig::Fp8Exp,
        compression: RhoCompressionConfig::Fp8BlockExp,
        ..LowBitRhoConfig::default()
    }
}

/// Both tables valid.
#[must_use]
pub fn model_valid() -> ModelConfig {
    ModelConfig {
        quant: quant_valid(),
        rho: rho_valid(),
    }
}

/// Nine violations: six in `quant`, three in `rho`.
#[must_use]
pub fn model_invalid() -> ModelConfig {
    ModelConfig {
        quant: quant_invalid(),
        rho: rho_invalid(),
    }
}

/// One violation, the last rule of `quant`: the common mistake, and the case
/// where stopping at the first error saves the least.
#[must_use]
pub fn model_one_violation() -> ModelConfig {
    let mut model = model_valid();
    model.quant.weight_grouping = LowBitWeightGrouping::PerGroup;
    model
}
