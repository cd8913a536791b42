//! `[model.quant]`: low-bit quantization of weights and activations.

use serde::{Deserialize, Serialize};

use lowbit_core::Validate;

/// The BitNet protocol followed; `none` disables the low-bit path.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum BitNetLowBitProtocol {
    #[default]
    None,
    BitnetB1,
    BitnetB158,
    BitnetA48Exp,
    BitnetV2Exp,
}

/// How low-bit training runs.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LowBitTrainingMode {
    #[default]
    QatSte,
    TrainKernelExp,
}

/// How low-bit inference runs.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LowBitInferenceMode {
    #[default]
    OfflinePack,
    RuntimeFakeQuant,
}

/// Storage format of weights.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Hash, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LowBitWeightFormat {
    #[default]
    Fp16,
    Int8,
    Sign1,
    Ternary158,
    Packed2,
}

/// Format of activations. Its serde name is
/// [`VariantNames::serde_name`](lowbit_core::VariantNames::serde_name).
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Hash, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LowBitActivationFormat {
    #[default]
    Fp16,
    Int8,
    Int4Exp,
    Uint8PosExp,
}

/// Whether and how activations are saved for the backward pass. Its serde
/// name is [`VariantNames::serde_name`](lowbit_core::VariantNames::serde_name).
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LowBitSavedActivationMode {
    #[default]
    Disabled,
    QuantizedCacheExp,
    QuantizedCacheRecomputeExp,
}

/// `[model.quant.saved_activations]`. Its rules need the enclosing
/// config's fields, so they are written on
/// [`LowBitQuantizationConfig::saved_activations`].
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(default)]
pub struct LowBitSavedActivationConfig {
    /// Whether activations are cached.
    pub mode: LowBitSavedActivationMode,
    /// The cache's format.
    pub format: LowBitActivationFormat,
}

impl Default for LowBitSavedActivationConfig {
    fn default() -> Self {
        Self {
            mode: LowBitSavedActivationMode::default(),
            format: LowBitActivationFormat::Int8,
        }
    }
}

/// Grouping of activation scales.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LowBitActivationGrouping {
    #[default]
    PerToken,
    PerGroup,
    PerHeadGroup,
}

/// Grouping of weight scales.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LowBitWeightGrouping {
    #[default]
    PerTensor,
    PerGroup,
    PerHeadGroup,
}

/// A module that low-bit quantization applies to.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LowBitTargetModule {
    Encoder,
    DecoderX,
    DecoderY,
}

/// `[model.quant]`. While `enable` is false, only the rule that says so is
/// checked.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(default)]
#[validate(gate = enable)]
pub struct LowBitQuantizationConfig {
    /// Turns low-bit quantization on; every other rule holds only then.
    pub enable: bool,
    /// Must name a protocol once enabled.
    #[none_of(
        "none",
        message = "model.quant.protocol must not be \"none\" when model.quant.enable = true"
    )]
    pub protocol: BitNetLowBitProtocol,
    /// Training mode; the activation cache needs `train_kernel_exp`.
    pub training_mode: LowBitTrainingMode,
    /// Inference mode.
    pub inference_mode: LowBitInferenceMode,
    /// Weight format.
    pub weight_format: LowBitWeightFormat,
    /// Activation format; `uint8_pos_exp` is for encoders only.
    #[only_if(
        every(target_modules = "encoder"),
        when = "uint8_pos_exp",
        message = "model.quant.act_format = \"uint8_pos_exp\" is currently only supported when target_modules contains only \"encoder\""
    )]
    pub act_format: LowBitActivationFormat,
    /// The activation cache.
    #[requires(
        enable,
        at = mode,
        ungated,
        message = "model.quant.saved_activations.mode requires model.quant.enable = true"
    )]
    #[one_of(
        "fp16",
        "int8",
        "int4_exp",
        at = format,
        message = "model.quant.saved_activations.format currently supports only \"fp16\", \"int8\", or \"int4_exp\""
    )]
    #[requires(
        training_mode = "train_kernel_exp",
        at = mode,
        message = "model.quant.saved_activations.mode currently requires training_mode = \"train_kernel_exp\""
    )]
    pub saved_activations: LowBitSavedActivationConfig,
    /// The modules quantized; required under the strict reference.
    #[required_if(
        strict_bitnet_reference,
        message = "model.quant.target_modules must not be empty when strict_bitnet_reference is enabled"
    )]
    pub target_modules: Vec<LowBitTargetModule>,
    /// Weight format of the x decoder.
    pub decoder_x_mode: LowBitWeightFormat,
    /// Weight format of the encoder, when it differs.
    pub encoder_mode: Option<LowBitWeightFormat>,
    /// Activation grouping; only `per_token` for now.
    #[one_of(
        "per_token",
        message = "model.quant.act_grouping currently supports only \"per_token\""
    )]
    pub act_grouping: LowBitActivationGrouping,
    /// Weight grouping; only `per_tensor` for now.
    #[one_of(
        "per_tensor",
        message = "model.quant.weight_grouping currently supports only \"per_tensor\""
    )]
    pub weight_grouping: LowBitWeightGrouping,
    /// Follow the BitNet reference strictly.
    pub strict_bitnet_reference: bool,
}
