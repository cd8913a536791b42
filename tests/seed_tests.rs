//! The seed's unit tests, ported to `bitnet_config`: same names, same
//! assertions. `validate()` now returns a `Report`, whose `Display` joins the
//! messages, so `err.to_string().contains(..)` reads as before.

use bitnet_config::*;
use lowbit_core::Validate;

#[test]
fn low_bit_quantization_requires_protocol_when_enabled() {
    let config = LowBitQuantizationConfig {
        enable: true,
        protocol: BitNetLowBitProtocol::None,
        ..Default::default()
    };
    let err = config.validate().expect_err("expected validation failure");
    assert!(
        err.to_string().contains("model.quant.protocol"),
        "unexpected error: {err}"
    );
}
#[test]
fn low_bit_quantization_accepts_enabled_bitnet_protocol() {
    let config = LowBitQuantizationConfig {
        enable: true,
        protocol: BitNetLowBitProtocol::BitnetB158,
        target_modules: vec![LowBitTargetModule::Encoder, LowBitTargetModule::DecoderY],
        ..Default::default()
    };
    config.validate().expect("expected valid config");
}
#[test]
fn rho_config_rejects_double_fp8_setting() {
    let config = LowBitRhoConfig {
        precision: RhoPrecisionConfig::Fp8Exp,
        compression: RhoCompressionConfig::Fp8BlockExp,
        ..Default::default()
    };
    let err = config.validate().expect_err("expected validation failure");
    assert!(
        err.to_string().contains("should not both be set"),
        "unexpected error: {err}"
    );
}
#[test]
fn low_bit_quantization_rejects_non_default_grouping_modes() {
    let config = LowBitQuantizationConfig {
        enable: true,
        protocol: BitNetLowBitProtocol::BitnetB158,
        act_grouping: LowBitActivationGrouping::PerGroup,
        ..Default::default()
    };
    let err = config.validate().expect_err("expected validation failure");
    assert!(
        err.to_string().contains("act_grouping"),
        "unexpected error: {err}"
    );
}
#[test]
fn low_bit_quantization_rejects_saved_activation_mode_without_enable() {
    let config = LowBitQuantizationConfig {
        saved_activations: LowBitSavedActivationConfig {
            mode: LowBitSavedActivationMode::QuantizedCacheExp,
            ..Default::default()
        },
        ..Default::default()
    };
    let err = config.validate().expect_err("expected validation failure");
    assert!(
        err.to_string().contains("saved_activations.mode requires"),
        "unexpected error: {err}"
    );
}
#[test]
fn low_bit_quantization_accepts_train_kernel_saved_activation_recompute() {
    let config = LowBitQuantizationConfig {
        enable: true,
        protocol: BitNetLowBitProtocol::BitnetB158,
        training_mode: LowBitTrainingMode::TrainKernelExp,
        saved_activations: LowBitSavedActivationConfig {
            mode: LowBitSavedActivationMode::QuantizedCacheRecomputeExp,
            format: LowBitActivationFormat::Int8,
        },
        target_modules: vec![LowBitTargetModule::Encoder],
        ..Default::default()
    };
    config.validate().expect("expected valid config");
}
#[test]
fn rho_config_rejects_unimplemented_precision_modes() {
    let config = LowBitRhoConfig {
        precision: RhoPrecisionConfig::Fp8Exp,
        ..Default::default()
    };
    let err = config.validate().expect_err("expected validation failure");
    assert!(
        err.to_string().contains("currently supports only"),
        "unexpected error: {err}"
    );
}
#[test]
fn rho_config_accepts_int8_block_chunk_compression() {
    let config = LowBitRhoConfig {
        compression: RhoCompressionConfig::Int8BlockExp,
        compression_interval: RhoCompressionInterval::Chunk,
        ..Default::default()
    };
    config
        .validate()
        .expect("expected valid rho compression config");
}
#[test]
fn rho_config_rejects_int8_block_non_chunk_interval() {
    let config = LowBitRhoConfig {
        compression: RhoCompressionConfig::Int8BlockExp,
        compression_interval: RhoCompressionInterval::Step,
        ..Default::default()
    };
    let err = config.validate().expect_err("expected validation failure");
    assert!(
        err.to_string().contains("compression_interval"),
        "unexpected error: {err}"
    );
}
#[test]
fn rho_config_accepts_ternary_block_chunk_compression() {
    let config = LowBitRhoConfig {
        compression: RhoCompressionConfig::TernaryBlockExp,
        compression_interval: RhoCompressionInterval::Chunk,
        ..Default::default()
    };
    config
        .validate()
        .expect("expected valid ternary rho config");
}
#[test]
fn rho_config_accepts_binary_block_chunk_compression() {
    let config = LowBitRhoConfig {
        compression: RhoCompressionConfig::BinaryBlockExp,
        compression_interval: RhoCompressionInterval::Chunk,
        ..Default::default()
    };
    config.validate().expect("expected valid binary rho config");
}
#[test]
fn rho_config_rejects_binary_and_ternary_non_chunk_interval() {
    for compression in [
        RhoCompressionConfig::TernaryBlockExp,
        RhoCompressionConfig::BinaryBlockExp,
    ] {
        let config = LowBitRhoConfig {
            compression,
            compression_interval: RhoCompressionInterval::EvalOnly,
            ..Default::default()
        };
        let err = config.validate().expect_err("expected validation failure");
        assert!(
            err.to_string().contains("compression_interval"),
            "unexpected error for {compression:?}: {err}"
        );
    }
}
