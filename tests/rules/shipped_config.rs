//! The shipped example config, end to end.

use super::*;
use bitnet_config::{
    LowBitQuantizationConfig, LowBitRhoConfig, LowBitSavedActivationMode, ModelConfig,
    RhoCompressionConfig, RhoCompressionInterval, RhoPrecisionConfig,
};

#[test]
fn default_model_config_is_valid() {
    passes(&ModelConfig::default());
}

#[test]
fn rho_reports_every_rule_with_full_paths() {
    let config = ModelConfig {
        rho: LowBitRhoConfig {
            precision: RhoPrecisionConfig::Fp8Exp,
            compression: RhoCompressionConfig::Fp8BlockExp,
            compression_interval: RhoCompressionInterval::Step,
            ..LowBitRhoConfig::default()
        },
        ..ModelConfig::default()
    };
    let report = config.validate().unwrap_err();
    let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(paths, ["rho.precision", "rho.precision", "rho.compression"]);
    let codes: Vec<&str> = report.iter().map(Violation::code).collect();
    assert_eq!(codes, ["conflicts_with", "one_of", "one_of"]);
}

#[test]
fn quant_ungated_rule_fires_while_disabled() {
    let mut quant = LowBitQuantizationConfig::default();
    quant.saved_activations.mode = LowBitSavedActivationMode::QuantizedCacheExp;
    rejects(
        &quant,
        "saved_activations.mode",
        "requires",
        Some("\"quantized_cache_exp\""),
        "model.quant.saved_activations.mode requires model.quant.enable = true",
    );
}
