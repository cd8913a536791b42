//! The seed's rules expressed with `garde`: `if(cond = ..)` for the gate and
//! the conditions, `custom` where garde has no rule (membership in a set of
//! enum values, rules between fields).
//!
//! garde derives on its own types, so these mirror the port's structs field
//! for field and reuse its enums.

use bitnet_config::{
    BitNetLowBitProtocol, LowBitActivationFormat, LowBitActivationGrouping, LowBitInferenceMode,
    LowBitSavedActivationConfig, LowBitSavedActivationMode, LowBitTargetModule, LowBitTrainingMode,
    LowBitWeightFormat, LowBitWeightGrouping, RhoCompressionConfig, RhoCompressionInterval,
    RhoPrecisionConfig,
};
use garde::Validate;

use crate::messages as msg;

/// `[model.quant]` with garde's attributes.
#[derive(Clone, Debug, Validate)]
#[allow(missing_docs)]
pub struct Quant {
    #[garde(skip)]
    pub enable: bool,
    #[garde(if(cond = self.enable, custom(protocol_named)))]
    pub protocol: BitNetLowBitProtocol,
    #[garde(skip)]
    pub training_mode: LowBitTrainingMode,
    #[garde(skip)]
    pub inference_mode: LowBitInferenceMode,
    #[garde(skip)]
    pub weight_format: LowBitWeightFormat,
    #[garde(if(cond = self.enable, custom(encoder_only(&self.target_modules))))]
    pub act_format: LowBitActivationFormat,
    #[garde(
        custom(cache_needs_enable(self.enable)),
        if(
            cond = self.enable,
            custom(cache_format),
            custom(cache_needs_kernel(self.training_mode))
        )
    )]
    pub saved_activations: LowBitSavedActivationConfig,
    #[garde(if(cond = self.enable && self.strict_bitnet_reference, custom(targets_named)))]
    pub target_modules: Vec<LowBitTargetModule>,
    #[garde(skip)]
    pub decoder_x_mode: LowBitWeightFormat,
    #[garde(skip)]
    pub encoder_mode: Option<LowBitWeightFormat>,
    #[garde(if(cond = self.enable, custom(act_per_token)))]
    pub act_grouping: LowBitActivationGrouping,
    #[garde(if(cond = self.enable, custom(weight_per_tensor)))]
    pub weight_grouping: LowBitWeightGrouping,
    #[garde(skip)]
    pub strict_bitnet_reference: bool,
}

/// `[model.rho]` with garde's attributes.
#[derive(Clone, Debug, Validate)]
#[allow(missing_docs)]
pub struct Rho {
    #[garde(
        custom(not_with_fp8_block(self.compression)),
        custom(precision_canonical)
    )]
    pub precision: RhoPrecisionConfig,
    #[garde(skip)]
    pub carry_across_tbptt: bool,
    #[garde(skip)]
    pub detach_between_windows: bool,
    #[garde(
        custom(compression_supported),
        if(
            cond = self.compression_interval != RhoCompressionInterval::Chunk,
            custom(not_block)
        )
    )]
    pub compression: RhoCompressionConfig,
    #[garde(skip)]
    pub compression_interval: RhoCompressionInterval,
    #[garde(skip)]
    pub stats_monitoring: bool,
}

/// `[model]` with garde's attributes.
#[derive(Clone, Debug, Validate)]
#[allow(missing_docs)]
pub struct Model {
    #[garde(dive)]
    pub quant: Quant,
    #[garde(dive)]
    pub rho: Rho,
}

/// Fails with `message` unless `ok`.
fn check(ok: bool, message: &'static str) -> garde::Result {
    if ok {
        Ok(())
    } else {
        Err(garde::Error::new(message))
    }
}

fn protocol_named(value: &BitNetLowBitProtocol, (): &()) -> garde::Result {
    check(*value != BitNetLowBitProtocol::None, msg::PROTOCOL_NONE)
}

fn encoder_only(
    modules: &[LowBitTargetModule],
) -> impl FnOnce(&LowBitActivationFormat, &()) -> garde::Result + '_ {
    move |value, ()| {
        check(
            *value != LowBitActivationFormat::Uint8PosExp
                || modules.iter().all(|m| *m == LowBitTargetModule::Encoder),
            msg::UINT8_ENCODER_ONLY,
        )
    }
}

fn cache_needs_enable(
    enable: bool,
) -> impl FnOnce(&LowBitSavedActivationConfig, &()) -> garde::Result {
    move |value, ()| {
        check(
            enable || value.mode == LowBitSavedActivationMode::Disabled,
            msg::SAVED_MODE_NEEDS_ENABLE,
        )
    }
}

fn cache_format(value: &LowBitSavedActivationConfig, (): &()) -> garde::Result {
    check(
        matches!(
            value.format,
            LowBitActivationFormat::Fp16
                | LowBitActivationFormat::Int8
                | LowBitActivationFormat::Int4Exp
        ),
        msg::SAVED_FORMAT,
    )
}

fn cache_needs_kernel(
    training_mode: LowBitTrainingMode,
) -> impl FnOnce(&LowBitSavedActivationConfig, &()) -> garde::Result {
    move |value, ()| {
        check(
            value.mode == LowBitSavedActivationMode::Disabled
                || training_mode == LowBitTrainingMode::TrainKernelExp,
            msg::SAVED_MODE_NEEDS_KERNEL,
        )
    }
}

fn targets_named(value: &[LowBitTargetModule], (): &()) -> garde::Result {
    check(!value.is_empty(), msg::TARGETS_EMPTY)
}

fn act_per_token(value: &LowBitActivationGrouping, (): &()) -> garde::Result {
    check(
        *value == LowBitActivationGrouping::PerToken,
        msg::ACT_GROUPING,
    )
}

fn weight_per_tensor(value: &LowBitWeightGrouping, (): &()) -> garde::Result {
    check(
        *value == LowBitWeightGrouping::PerTensor,
        msg::WEIGHT_GROUPING,
    )
}

fn not_with_fp8_block(
    compression: RhoCompressionConfig,
) -> impl FnOnce(&RhoPrecisionConfig, &()) -> garde::Result {
    move |value, ()| {
        check(
            *value != RhoPrecisionConfig::Fp8Exp
                || compression != RhoCompressionConfig::Fp8BlockExp,
            msg::DOUBLE_FP8,
        )
    }
}

fn precision_canonical(value: &RhoPrecisionConfig, (): &()) -> garde::Result {
    check(
        matches!(value, RhoPrecisionConfig::Fp32 | RhoPrecisionConfig::Bf16),
        msg::PRECISION,
    )
}

fn compression_supported(value: &RhoCompressionConfig, (): &()) -> garde::Result {
    check(
        matches!(
            value,
            RhoCompressionConfig::None
                | RhoCompressionConfig::Int8BlockExp
                | RhoCompressionConfig::TernaryBlockExp
                | RhoCompressionConfig::BinaryBlockExp
        ),
        msg::COMPRESSION,
    )
}

fn not_block(value: &RhoCompressionConfig, (): &()) -> garde::Result {
    check(
        !matches!(
            value,
            RhoCompressionConfig::Int8BlockExp
                | RhoCompressionConfig::TernaryBlockExp
                | RhoCompressionConfig::BinaryBlockExp
        ),
        msg::BLOCK_NEEDS_CHUNK,
    )
}

from_port!();
