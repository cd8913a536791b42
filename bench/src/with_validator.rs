//! The seed's rules expressed with `validator`: a `custom` function where a
//! rule reads one field, and a struct-level `schema` function for each rule
//! that reads several (validator has no conditions between fields). Every
//! schema runs even after a field error (`skip_on_field_errors = false`), so
//! that every violation is reported, as lowbit does.
//!
//! validator derives on its own types, so these mirror the port's structs
//! field for field and reuse its enums.

use std::borrow::Cow;

use bitnet_config::{
    BitNetLowBitProtocol, LowBitActivationFormat, LowBitActivationGrouping, LowBitInferenceMode,
    LowBitSavedActivationConfig, LowBitSavedActivationMode, LowBitTargetModule, LowBitTrainingMode,
    LowBitWeightFormat, LowBitWeightGrouping, RhoCompressionConfig, RhoCompressionInterval,
    RhoPrecisionConfig,
};
use validator::{Validate, ValidationError};

use crate::messages as msg;

/// `[model.quant]` with validator's attributes. Every rule but one is gated
/// by `enable`, so every rule reads two fields and is a schema function.
// validator takes one `schema` attribute per function, each repeating the
// option; clippy reads the repetition as a mistake.
#[allow(clippy::duplicated_attributes)]
#[derive(Clone, Debug, Validate)]
#[validate(schema(function = "cache_needs_enable", skip_on_field_errors = false))]
#[validate(schema(function = "protocol_named", skip_on_field_errors = false))]
#[validate(schema(function = "encoder_only", skip_on_field_errors = false))]
#[validate(schema(function = "cache_format", skip_on_field_errors = false))]
#[validate(schema(function = "cache_needs_kernel", skip_on_field_errors = false))]
#[validate(schema(function = "targets_named", skip_on_field_errors = false))]
#[validate(schema(function = "act_per_token", skip_on_field_errors = false))]
#[validate(schema(function = "weight_per_tensor", skip_on_field_errors = false))]
#[allow(missing_docs)]
pub struct Quant {
    pub enable: bool,
    pub protocol: BitNetLowBitProtocol,
    pub training_mode: LowBitTrainingMode,
    pub inference_mode: LowBitInferenceMode,
    pub weight_format: LowBitWeightFormat,
    pub act_format: LowBitActivationFormat,
    pub saved_activations: LowBitSavedActivationConfig,
    pub target_modules: Vec<LowBitTargetModule>,
    pub decoder_x_mode: LowBitWeightFormat,
    pub encoder_mode: Option<LowBitWeightFormat>,
    pub act_grouping: LowBitActivationGrouping,
    pub weight_grouping: LowBitWeightGrouping,
    pub strict_bitnet_reference: bool,
}

/// `[model.rho]` with validator's attributes.
#[allow(clippy::duplicated_attributes)]
#[derive(Clone, Debug, Validate)]
#[validate(schema(function = "not_double_fp8", skip_on_field_errors = false))]
#[validate(schema(function = "block_needs_chunk", skip_on_field_errors = false))]
#[allow(missing_docs)]
pub struct Rho {
    #[validate(custom(function = "precision_canonical"))]
    pub precision: RhoPrecisionConfig,
    pub carry_across_tbptt: bool,
    pub detach_between_windows: bool,
    #[validate(custom(function = "compression_supported"))]
    pub compression: RhoCompressionConfig,
    pub compression_interval: RhoCompressionInterval,
    pub stats_monitoring: bool,
}

/// `[model]` with validator's attributes.
#[derive(Clone, Debug, Validate)]
#[allow(missing_docs)]
pub struct Model {
    #[validate(nested)]
    pub quant: Quant,
    #[validate(nested)]
    pub rho: Rho,
}

/// Fails with the rule's `code` and `message` unless `ok`.
fn check(ok: bool, code: &'static str, message: &'static str) -> Result<(), ValidationError> {
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new(code).with_message(Cow::Borrowed(message)))
    }
}

fn cache_needs_enable(q: &Quant) -> Result<(), ValidationError> {
    check(
        q.enable || q.saved_activations.mode == LowBitSavedActivationMode::Disabled,
        "requires",
        msg::SAVED_MODE_NEEDS_ENABLE,
    )
}

fn protocol_named(q: &Quant) -> Result<(), ValidationError> {
    check(
        !q.enable || q.protocol != BitNetLowBitProtocol::None,
        "none_of",
        msg::PROTOCOL_NONE,
    )
}

fn encoder_only(q: &Quant) -> Result<(), ValidationError> {
    check(
        !q.enable
            || q.act_format != LowBitActivationFormat::Uint8PosExp
            || q.target_modules
                .iter()
                .all(|m| *m == LowBitTargetModule::Encoder),
        "only_if",
        msg::UINT8_ENCODER_ONLY,
    )
}

fn cache_format(q: &Quant) -> Result<(), ValidationError> {
    check(
        !q.enable
            || matches!(
                q.saved_activations.format,
                LowBitActivationFormat::Fp16
                    | LowBitActivationFormat::Int8
                    | LowBitActivationFormat::Int4Exp
            ),
        "one_of",
        msg::SAVED_FORMAT,
    )
}

fn cache_needs_kernel(q: &Quant) -> Result<(), ValidationError> {
    check(
        !q.enable
            || q.saved_activations.mode == LowBitSavedActivationMode::Disabled
            || q.training_mode == LowBitTrainingMode::TrainKernelExp,
        "requires",
        msg::SAVED_MODE_NEEDS_KERNEL,
    )
}

fn targets_named(q: &Quant) -> Result<(), ValidationError> {
    check(
        !q.enable || !q.strict_bitnet_reference || !q.target_modules.is_empty(),
        "required_if",
        msg::TARGETS_EMPTY,
    )
}

fn act_per_token(q: &Quant) -> Result<(), ValidationError> {
    check(
        !q.enable || q.act_grouping == LowBitActivationGrouping::PerToken,
        "one_of",
        msg::ACT_GROUPING,
    )
}

fn weight_per_tensor(q: &Quant) -> Result<(), ValidationError> {
    check(
        !q.enable || q.weight_grouping == LowBitWeightGrouping::PerTensor,
        "one_of",
        msg::WEIGHT_GROUPING,
    )
}

fn not_double_fp8(r: &Rho) -> Result<(), ValidationError> {
    check(
        r.precision != RhoPrecisionConfig::Fp8Exp
            || r.compression != RhoCompressionConfig::Fp8BlockExp,
        "conflicts_with",
        msg::DOUBLE_FP8,
    )
}

fn precision_canonical(value: &RhoPrecisionConfig) -> Result<(), ValidationError> {
    check(
        matches!(value, RhoPrecisionConfig::Fp32 | RhoPrecisionConfig::Bf16),
        "one_of",
        msg::PRECISION,
    )
}

fn compression_supported(value: &RhoCompressionConfig) -> Result<(), ValidationError> {
    check(
        matches!(
            value,
            RhoCompressionConfig::None
                | RhoCompressionConfig::Int8BlockExp
                | RhoCompressionConfig::TernaryBlockExp
                | RhoCompressionConfig::BinaryBlockExp
        ),
        "one_of",
        msg::COMPRESSION,
    )
}

fn block_needs_chunk(r: &Rho) -> Result<(), ValidationError> {
    let block = matches!(
        r.compression,
        RhoCompressionConfig::Int8BlockExp
            | RhoCompressionConfig::TernaryBlockExp
            | RhoCompressionConfig::BinaryBlockExp
    );
    check(
        !block || r.compression_interval == RhoCompressionInterval::Chunk,
        "only_if",
        msg::BLOCK_NEEDS_CHUNK,
    )
}

from_port!();
