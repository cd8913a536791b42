//! Exhaustive agreement of the attribute port (`bitnet_config`) with the
//! hand-written seed it replaces.
//!
//! Three parties are compared on every combination of the values the seed's
//! rules read:
//!
//! * the oracle: a verbatim copy of the seed's types and `validate()` (module
//!   `seed` below), which stops at the first broken rule;
//! * an independent "all checks" model: each of the seed's `if` checks as a
//!   separate predicate, applied without early return except the
//!   `enable == false` gate;
//! * the port, which reports every broken rule.
//!
//! For each combination: the port accepts iff the seed accepts; the seed's
//! message is exactly one of the port's messages; the port's violations
//! (message, path, code) are exactly, as a multiset, the model's.

use std::fmt::Write as _;

use bitnet_config as port;
use lowbit_core::{Report, Validate, VariantNames};

/// The oracle: the seed's types and `validate()`, the file lowbit replaces
/// kept verbatim in `bench/seed/` (its own unit tests run here too). Neither
/// formatted nor linted, so that it stays as it was.
#[rustfmt::skip]
#[allow(dead_code, unused, clippy::all, clippy::pedantic)]
#[path = "../bench/seed/lowbit_config_seed.rs"]
mod seed;

// ---------------------------------------------------------------------------
// Pairing of port and seed enum values. Each table lists every variant once, in
// declaration order; `enum_tables_pair_like_named_variants` checks that.
// ---------------------------------------------------------------------------

/// `pairs!(NAME: Type = [A, B])` is `const NAME: &[(port::Type, seed::Type)]`
/// pairing each listed variant of the port with the seed's of the same name.
macro_rules! pairs {
    ($name:ident: $ty:ident = [$($variant:ident),+ $(,)?]) => {
        const $name: &[(port::$ty, seed::$ty)] =
            &[$((port::$ty::$variant, seed::$ty::$variant)),+];
    };
}

pairs!(PROTOCOLS: BitNetLowBitProtocol = [None, BitnetB1, BitnetB158, BitnetA48Exp, BitnetV2Exp]);
pairs!(TRAINING_MODES: LowBitTrainingMode = [QatSte, TrainKernelExp]);
pairs!(INFERENCE_MODES: LowBitInferenceMode = [OfflinePack, RuntimeFakeQuant]);
pairs!(WEIGHT_FORMATS: LowBitWeightFormat = [Fp16, Int8, Sign1, Ternary158, Packed2]);
pairs!(ACT_FORMATS: LowBitActivationFormat = [Fp16, Int8, Int4Exp, Uint8PosExp]);
pairs!(SAVED_MODES: LowBitSavedActivationMode = [
    Disabled,
    QuantizedCacheExp,
    QuantizedCacheRecomputeExp,
]);
pairs!(ACT_GROUPINGS: LowBitActivationGrouping = [PerToken, PerGroup, PerHeadGroup]);
pairs!(WEIGHT_GROUPINGS: LowBitWeightGrouping = [PerTensor, PerGroup, PerHeadGroup]);
pairs!(TARGET_MODULES: LowBitTargetModule = [Encoder, DecoderX, DecoderY]);

/// Every sequence of length 0..=2 over the three modules, as indices into
/// [`TARGET_MODULES`]: 1 + 3 + 9 = 13.
const TARGET_SEQUENCES: [&[usize]; 13] = [
    &[],
    &[0],
    &[1],
    &[2],
    &[0, 0],
    &[0, 1],
    &[0, 2],
    &[1, 0],
    &[1, 1],
    &[1, 2],
    &[2, 0],
    &[2, 1],
    &[2, 2],
];

pairs!(RHO_PRECISIONS: RhoPrecisionConfig = [
    Fp32,
    Bf16,
    Fp8Exp,
    Int8BlockExp,
    Blockfp8Exp,
    SparseTileExp,
]);
pairs!(RHO_COMPRESSIONS: RhoCompressionConfig = [
    None,
    Fp8BlockExp,
    Int8BlockExp,
    TernaryBlockExp,
    BinaryBlockExp,
    BlockfpExp,
    SparsePositiveExp,
    LowrankDeltaExp,
]);
pairs!(RHO_INTERVALS: RhoCompressionInterval = [Step, Chunk, EvalOnly]);

const BOOLS: [bool; 2] = [false, true];

/// Checks that `table` pairs each port variant with the seed variant of the
/// same Rust name, lists every port variant once, in declaration order.
fn check_table<P, S>(name: &str, table: &[(P, S)])
where
    P: VariantNames + std::fmt::Debug,
    S: std::fmt::Debug,
{
    assert_eq!(
        table.len(),
        P::NAMES.len(),
        "{name}: not every variant is listed"
    );
    for (index, (port_value, seed_value)) in table.iter().enumerate() {
        assert_eq!(
            port_value.variant_index(),
            index,
            "{name}: {port_value:?} out of order"
        );
        assert_eq!(
            P::RUST_NAMES[index],
            format!("{port_value:?}"),
            "{name}[{index}]"
        );
        assert_eq!(
            format!("{port_value:?}"),
            format!("{seed_value:?}"),
            "{name}[{index}] pairs different variants"
        );
    }
}

#[test]
fn enum_tables_pair_like_named_variants() {
    check_table("PROTOCOLS", PROTOCOLS);
    check_table("TRAINING_MODES", TRAINING_MODES);
    check_table("INFERENCE_MODES", INFERENCE_MODES);
    check_table("WEIGHT_FORMATS", WEIGHT_FORMATS);
    check_table("ACT_FORMATS", ACT_FORMATS);
    check_table("SAVED_MODES", SAVED_MODES);
    check_table("ACT_GROUPINGS", ACT_GROUPINGS);
    check_table("WEIGHT_GROUPINGS", WEIGHT_GROUPINGS);
    check_table("TARGET_MODULES", TARGET_MODULES);
    check_table("RHO_PRECISIONS", RHO_PRECISIONS);
    check_table("RHO_COMPRESSIONS", RHO_COMPRESSIONS);
    check_table("RHO_INTERVALS", RHO_INTERVALS);

    // The two seed enums that spell their serde names agree with the port's.
    for &(port_value, seed_value) in ACT_FORMATS {
        assert_eq!(port_value.serde_name(), seed_value.as_str());
    }
    for &(port_value, seed_value) in SAVED_MODES {
        assert_eq!(port_value.serde_name(), seed_value.as_str());
    }

    // The target sequences are distinct, of length <= 2, and all 1 + 3 + 9.
    for (i, a) in TARGET_SEQUENCES.iter().enumerate() {
        assert!(a.len() <= 2 && a.iter().all(|&m| m < TARGET_MODULES.len()));
        for b in &TARGET_SEQUENCES[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_eq!(TARGET_SEQUENCES.len(), 1 + 3 + 3 * 3);

    // Defaults agree, so fields left at default are the same on both sides.
    let port_quant = port::LowBitQuantizationConfig::default();
    let seed_quant = seed::LowBitQuantizationConfig::default();
    assert_eq!(format!("{port_quant:?}"), format!("{seed_quant:?}"));
    let port_rho = port::LowBitRhoConfig::default();
    let seed_rho = seed::LowBitRhoConfig::default();
    assert_eq!(format!("{port_rho:?}"), format!("{seed_rho:?}"));
}

// ---------------------------------------------------------------------------
// The independent all-checks model.
// ---------------------------------------------------------------------------

/// One violation the port should report: the rule's field (relative to the
/// sub-config), the rule's code, and the seed's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Expected {
    path: &'static str,
    code: &'static str,
    message: &'static str,
}

const Q_SAVED_MODE_NEEDS_ENABLE: Expected = Expected {
    path: "saved_activations.mode",
    code: "requires",
    message: "model.quant.saved_activations.mode requires model.quant.enable = true",
};
const Q_PROTOCOL_NONE: Expected = Expected {
    path: "protocol",
    code: "none_of",
    message: "model.quant.protocol must not be \"none\" when model.quant.enable = true",
};
const Q_TARGETS_EMPTY: Expected = Expected {
    path: "target_modules",
    code: "required_if",
    message: "model.quant.target_modules must not be empty when strict_bitnet_reference is enabled",
};
const Q_ACT_GROUPING: Expected = Expected {
    path: "act_grouping",
    code: "one_of",
    message: "model.quant.act_grouping currently supports only \"per_token\"",
};
const Q_SAVED_FORMAT: Expected = Expected {
    path: "saved_activations.format",
    code: "one_of",
    message: "model.quant.saved_activations.format currently supports only \"fp16\", \"int8\", or \"int4_exp\"",
};
const Q_SAVED_MODE_NEEDS_KERNEL: Expected = Expected {
    path: "saved_activations.mode",
    code: "requires",
    message: "model.quant.saved_activations.mode currently requires training_mode = \"train_kernel_exp\"",
};
const Q_WEIGHT_GROUPING: Expected = Expected {
    path: "weight_grouping",
    code: "one_of",
    message: "model.quant.weight_grouping currently supports only \"per_tensor\"",
};
const Q_UINT8_ENCODER_ONLY: Expected = Expected {
    path: "act_format",
    code: "only_if",
    message: "model.quant.act_format = \"uint8_pos_exp\" is currently only supported when target_modules contains only \"encoder\"",
};

const R_DOUBLE_FP8: Expected = Expected {
    path: "precision",
    code: "conflicts_with",
    message: "model.rho.precision = \"fp8_exp\" and model.rho.compression = \"fp8_block_exp\" should not both be set at once",
};
const R_PRECISION: Expected = Expected {
    path: "precision",
    code: "one_of",
    message: "model.rho.precision currently supports only \"fp32\" or \"bf16\" in the canonical additive path; lower-precision rho remains a separate experimental follow-on track",
};
const R_COMPRESSION: Expected = Expected {
    path: "compression",
    code: "one_of",
    message: "model.rho.compression currently supports only \"none\", \"int8_block_exp\", \"ternary_block_exp\", or \"binary_block_exp\"",
};
const R_BLOCK_NEEDS_CHUNK: Expected = Expected {
    path: "compression",
    code: "only_if",
    message: "block-compressed model.rho.compression currently supports only compression_interval = \"chunk\"",
};

/// Every seed check of `[model.quant]` that fails, in the seed's order, with
/// no early return except the `enable == false` gate.
fn quant_all_checks(c: &seed::LowBitQuantizationConfig, out: &mut Vec<Expected>) {
    use seed::*;
    out.clear();
    let caches = c.saved_activations.mode != LowBitSavedActivationMode::Disabled;
    if !c.enable {
        if caches {
            out.push(Q_SAVED_MODE_NEEDS_ENABLE);
        }
        return;
    }
    if c.protocol == BitNetLowBitProtocol::None {
        out.push(Q_PROTOCOL_NONE);
    }
    if c.strict_bitnet_reference && c.target_modules.is_empty() {
        out.push(Q_TARGETS_EMPTY);
    }
    if c.act_grouping != LowBitActivationGrouping::PerToken {
        out.push(Q_ACT_GROUPING);
    }
    if c.saved_activations.format == LowBitActivationFormat::Uint8PosExp {
        out.push(Q_SAVED_FORMAT);
    }
    if caches && c.training_mode != LowBitTrainingMode::TrainKernelExp {
        out.push(Q_SAVED_MODE_NEEDS_KERNEL);
    }
    if c.weight_grouping != LowBitWeightGrouping::PerTensor {
        out.push(Q_WEIGHT_GROUPING);
    }
    if c.act_format == LowBitActivationFormat::Uint8PosExp
        && c.target_modules
            .iter()
            .any(|&m| m != LowBitTargetModule::Encoder)
    {
        out.push(Q_UINT8_ENCODER_ONLY);
    }
}

/// Every seed check of `[model.rho]` that fails, in the seed's order.
fn rho_all_checks(c: &seed::LowBitRhoConfig, out: &mut Vec<Expected>) {
    use seed::*;
    out.clear();
    if c.precision == RhoPrecisionConfig::Fp8Exp
        && c.compression == RhoCompressionConfig::Fp8BlockExp
    {
        out.push(R_DOUBLE_FP8);
    }
    if c.precision != RhoPrecisionConfig::Fp32 && c.precision != RhoPrecisionConfig::Bf16 {
        out.push(R_PRECISION);
    }
    let block = matches!(
        c.compression,
        RhoCompressionConfig::Int8BlockExp
            | RhoCompressionConfig::TernaryBlockExp
            | RhoCompressionConfig::BinaryBlockExp
    );
    if c.compression != RhoCompressionConfig::None && !block {
        out.push(R_COMPRESSION);
    }
    if block && c.compression_interval != RhoCompressionInterval::Chunk {
        out.push(R_BLOCK_NEEDS_CHUNK);
    }
}

// ---------------------------------------------------------------------------
// Comparison.
// ---------------------------------------------------------------------------

/// Reusable buffers, so that a comparison that agrees allocates little.
#[derive(Default)]
struct Scratch {
    message: String,
    path: String,
    expected: Vec<Expected>,
    expected_rho: Vec<Expected>,
    failures: Vec<String>,
    failure_count: usize,
}

impl Scratch {
    fn fail(&mut self, what: impl FnOnce() -> String) {
        self.failure_count += 1;
        if self.failures.len() < 40 {
            self.failures.push(what());
        }
    }

    fn finish(self, checked: usize, expected_checked: usize, what: &str) {
        assert_eq!(
            checked, expected_checked,
            "{what}: the loop visited the wrong number of combinations"
        );
        assert!(
            self.failure_count == 0,
            "{what}: {} of {checked} combinations disagree; first ones:\n\n{}",
            self.failure_count,
            self.failures.join("\n\n")
        );
    }
}

/// Whether the port's `result` holds exactly the violations of `groups` (each
/// a path prefix and the model's violations below it), as a multiset of
/// (message, path, code).
fn port_matches(
    result: &Result<(), Report>,
    groups: &[(&str, &[Expected])],
    s: &mut Scratch,
) -> bool {
    let total: usize = groups.iter().map(|(_, g)| g.len()).sum();
    let report = match result {
        Ok(()) => return total == 0,
        Err(report) => report,
    };
    if report.len() != total || report.is_empty() {
        return false;
    }
    let mut used = [false; 16];
    assert!(total <= used.len());
    for violation in report {
        s.message.clear();
        write!(s.message, "{violation}").unwrap();
        s.path.clear();
        write!(s.path, "{}", violation.path()).unwrap();
        let mut found = false;
        let mut offset = 0;
        'groups: for (prefix, group) in groups {
            for (i, e) in group.iter().enumerate() {
                if !used[offset + i]
                    && e.message == s.message
                    && e.code == violation.code()
                    && s.path.strip_prefix(prefix) == Some(e.path)
                {
                    used[offset + i] = true;
                    found = true;
                    break 'groups;
                }
            }
            offset += group.len();
        }
        if !found {
            return false;
        }
    }
    used[..total].iter().all(|&u| u)
}

/// The port's violations, one a line, for failure messages.
fn describe(result: &Result<(), Report>) -> String {
    match result {
        Ok(()) => "Ok(())".to_owned(),
        Err(report) => report
            .iter()
            .map(|v| format!("  [{} @ {}] {v}", v.code(), v.path()))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Compares port, oracle and model on one sub-config.
fn compare(
    label: &dyn Fn() -> String,
    port_is_valid: bool,
    port_result: &Result<(), Report>,
    seed_result: &anyhow::Result<()>,
    model: &[Expected],
    s: &mut Scratch,
) {
    // The model agrees with the oracle: the seed's error is the model's first.
    let model_agrees = match seed_result {
        Ok(()) => model.is_empty(),
        Err(err) => model.first().is_some_and(|e| err.to_string() == e.message),
    };
    if !model_agrees {
        s.fail(|| {
            format!(
                "MODEL vs SEED at {}:\n seed: {seed_result:?}\n model: {model:?}",
                label()
            )
        });
    }
    // `is_valid` is the fast path of `validate`: the two agree.
    if port_is_valid != port_result.is_ok() {
        s.fail(|| format!("IS_VALID vs VALIDATE at {}", label()));
    }
    // (a) acceptance agrees.
    if port_result.is_ok() != seed_result.is_ok() {
        s.fail(|| {
            format!(
                "ACCEPTANCE at {}:\n seed: {seed_result:?}\n port:\n{}",
                label(),
                describe(port_result)
            )
        });
        return;
    }
    // (b) the seed's message is one of the port's.
    if let (Err(seed_err), Err(report)) = (seed_result, port_result) {
        let message = seed_err.to_string();
        if !report.iter().any(|v| v.to_string() == message) {
            s.fail(|| {
                format!(
                    "SEED MESSAGE MISSING at {}:\n seed: {message}\n port:\n{}",
                    label(),
                    describe(port_result)
                )
            });
        }
    }
    // (c) the port's violations are the model's, at the rules' paths.
    if !port_matches(port_result, &[("", model)], s) {
        s.fail(|| {
            format!(
                "ALL-CHECKS at {}:\n model: {model:#?}\n port:\n{}",
                label(),
                describe(port_result)
            )
        });
    }
}

// ---------------------------------------------------------------------------
// Combinations.
// ---------------------------------------------------------------------------

/// One combination of the values the seed's `[model.quant]` rules read, as
/// indices into the tables.
#[derive(Clone, Copy, Debug)]
struct QuantCombo {
    enable: bool,
    protocol: usize,
    training_mode: usize,
    act_format: usize,
    saved_mode: usize,
    saved_format: usize,
    targets: &'static [usize],
    act_grouping: usize,
    weight_grouping: usize,
    strict: bool,
}

const QUANT_COMBOS: usize = 2 * 5 * 2 * 4 * 3 * 4 * 13 * 3 * 3 * 2;

/// Calls `f` on every quant combination; returns how many there were.
fn for_each_quant_combo(mut f: impl FnMut(usize, &QuantCombo)) -> usize {
    let mut count = 0;
    for enable in BOOLS {
        for protocol in 0..PROTOCOLS.len() {
            for training_mode in 0..TRAINING_MODES.len() {
                for act_format in 0..ACT_FORMATS.len() {
                    for saved_mode in 0..SAVED_MODES.len() {
                        for saved_format in 0..ACT_FORMATS.len() {
                            for targets in TARGET_SEQUENCES {
                                for act_grouping in 0..ACT_GROUPINGS.len() {
                                    for weight_grouping in 0..WEIGHT_GROUPINGS.len() {
                                        for strict in BOOLS {
                                            let combo = QuantCombo {
                                                enable,
                                                protocol,
                                                training_mode,
                                                act_format,
                                                saved_mode,
                                                saved_format,
                                                targets,
                                                act_grouping,
                                                weight_grouping,
                                                strict,
                                            };
                                            f(count, &combo);
                                            count += 1;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    count
}

/// Sets the fields of `combo` on both configs, in place (the target vectors
/// keep their capacity).
fn apply_quant(
    combo: &QuantCombo,
    p: &mut port::LowBitQuantizationConfig,
    s: &mut seed::LowBitQuantizationConfig,
) {
    p.enable = combo.enable;
    s.enable = combo.enable;
    (p.protocol, s.protocol) = PROTOCOLS[combo.protocol];
    (p.training_mode, s.training_mode) = TRAINING_MODES[combo.training_mode];
    (p.act_format, s.act_format) = ACT_FORMATS[combo.act_format];
    (p.saved_activations.mode, s.saved_activations.mode) = SAVED_MODES[combo.saved_mode];
    (p.saved_activations.format, s.saved_activations.format) = ACT_FORMATS[combo.saved_format];
    p.target_modules.clear();
    s.target_modules.clear();
    for &m in combo.targets {
        p.target_modules.push(TARGET_MODULES[m].0);
        s.target_modules.push(TARGET_MODULES[m].1);
    }
    (p.act_grouping, s.act_grouping) = ACT_GROUPINGS[combo.act_grouping];
    (p.weight_grouping, s.weight_grouping) = WEIGHT_GROUPINGS[combo.weight_grouping];
    p.strict_bitnet_reference = combo.strict;
    s.strict_bitnet_reference = combo.strict;
}

/// One combination of the values the seed's `[model.rho]` rules read, plus
/// its three booleans (read by no rule).
#[derive(Clone, Copy, Debug)]
struct RhoCombo {
    precision: usize,
    compression: usize,
    interval: usize,
    carry_across_tbptt: bool,
    detach_between_windows: bool,
    stats_monitoring: bool,
}

const RHO_COMBOS: usize = 6 * 8 * 3 * 2 * 2 * 2;

fn for_each_rho_combo(mut f: impl FnMut(&RhoCombo)) -> usize {
    let mut count = 0;
    for precision in 0..RHO_PRECISIONS.len() {
        for compression in 0..RHO_COMPRESSIONS.len() {
            for interval in 0..RHO_INTERVALS.len() {
                for carry_across_tbptt in BOOLS {
                    for detach_between_windows in BOOLS {
                        for stats_monitoring in BOOLS {
                            f(&RhoCombo {
                                precision,
                                compression,
                                interval,
                                carry_across_tbptt,
                                detach_between_windows,
                                stats_monitoring,
                            });
                            count += 1;
                        }
                    }
                }
            }
        }
    }
    count
}

fn apply_rho(combo: &RhoCombo, p: &mut port::LowBitRhoConfig, s: &mut seed::LowBitRhoConfig) {
    (p.precision, s.precision) = RHO_PRECISIONS[combo.precision];
    (p.compression, s.compression) = RHO_COMPRESSIONS[combo.compression];
    (p.compression_interval, s.compression_interval) = RHO_INTERVALS[combo.interval];
    p.carry_across_tbptt = combo.carry_across_tbptt;
    s.carry_across_tbptt = combo.carry_across_tbptt;
    p.detach_between_windows = combo.detach_between_windows;
    s.detach_between_windows = combo.detach_between_windows;
    p.stats_monitoring = combo.stats_monitoring;
    s.stats_monitoring = combo.stats_monitoring;
}

// ---------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------

#[test]
fn quant_agrees_with_seed_on_every_combination() {
    assert_eq!(QUANT_COMBOS, 224_640);
    let mut port_config = port::LowBitQuantizationConfig::default();
    let mut seed_config = seed::LowBitQuantizationConfig::default();
    let mut scratch = Scratch::default();
    let mut expected = Vec::new();
    let (mut accepted, mut rejected, mut multiple) = (0usize, 0usize, 0usize);
    let checked = for_each_quant_combo(|_, combo| {
        apply_quant(combo, &mut port_config, &mut seed_config);
        quant_all_checks(&seed_config, &mut expected);
        let port_result = port_config.validate();
        let seed_result = seed_config.validate();
        match &port_result {
            Ok(()) => accepted += 1,
            Err(report) => {
                rejected += 1;
                if report.len() > 1 {
                    multiple += 1;
                }
            }
        }
        compare(
            &|| format!("{port_config:?}"),
            port_config.is_valid(),
            &port_result,
            &seed_result,
            &expected,
            &mut scratch,
        );
    });
    // The space is not degenerate: both outcomes, and several violations at once.
    assert!(
        accepted > 0 && rejected > 0 && multiple > 0,
        "{accepted} {rejected} {multiple}"
    );
    assert_eq!(accepted + rejected, QUANT_COMBOS);
    scratch.finish(checked, QUANT_COMBOS, "quant");
}

#[test]
fn quant_fields_no_rule_reads_never_matter() {
    // A stride of the quant space, each with every inference mode, weight
    // format, decoder_x_mode and encoder_mode (none or each format).
    const STRIDE: usize = 997;
    const EXTRAS: usize = 2 * 5 * 5 * 6;
    let encoder_modes: Vec<(
        Option<port::LowBitWeightFormat>,
        Option<seed::LowBitWeightFormat>,
    )> = std::iter::once((None, None))
        .chain(WEIGHT_FORMATS.iter().map(|&(p, s)| (Some(p), Some(s))))
        .collect();
    assert_eq!(encoder_modes.len(), 6);
    let mut port_config = port::LowBitQuantizationConfig::default();
    let mut seed_config = seed::LowBitQuantizationConfig::default();
    let mut base_port = port::LowBitQuantizationConfig::default();
    let mut base_seed = seed::LowBitQuantizationConfig::default();
    let mut scratch = Scratch::default();
    let mut expected = Vec::new();
    let mut strided = 0;
    let mut checked = 0;
    for_each_quant_combo(|index, combo| {
        if index % STRIDE != 0 {
            return;
        }
        strided += 1;
        apply_quant(combo, &mut base_port, &mut base_seed);
        let base = base_port.validate();
        for &(pi, si) in INFERENCE_MODES {
            for &(pw, sw) in WEIGHT_FORMATS {
                for &(pd, sd) in WEIGHT_FORMATS {
                    for &(pe, se) in &encoder_modes {
                        checked += 1;
                        apply_quant(combo, &mut port_config, &mut seed_config);
                        (port_config.inference_mode, seed_config.inference_mode) = (pi, si);
                        (port_config.weight_format, seed_config.weight_format) = (pw, sw);
                        (port_config.decoder_x_mode, seed_config.decoder_x_mode) = (pd, sd);
                        (port_config.encoder_mode, seed_config.encoder_mode) = (pe, se);
                        quant_all_checks(&seed_config, &mut expected);
                        let port_result = port_config.validate();
                        let seed_result = seed_config.validate();
                        if port_result != base {
                            scratch.fail(|| {
                                format!(
                                    "UNREAD FIELD MATTERS at {port_config:?}:\n base:\n{}\n port:\n{}",
                                    describe(&base),
                                    describe(&port_result)
                                )
                            });
                        }
                        compare(
                            &|| format!("{port_config:?}"),
                            port_config.is_valid(),
                            &port_result,
                            &seed_result,
                            &expected,
                            &mut scratch,
                        );
                    }
                }
            }
        }
    });
    assert_eq!(strided, QUANT_COMBOS.div_ceil(STRIDE));
    scratch.finish(checked, strided * EXTRAS, "quant extras");
}

#[test]
fn rho_agrees_with_seed_on_every_combination() {
    assert_eq!(RHO_COMBOS, 1152);
    let mut port_config = port::LowBitRhoConfig::default();
    let mut seed_config = seed::LowBitRhoConfig::default();
    let mut scratch = Scratch::default();
    let mut expected = Vec::new();
    let (mut accepted, mut multiple) = (0usize, 0usize);
    let checked = for_each_rho_combo(|combo| {
        apply_rho(combo, &mut port_config, &mut seed_config);
        rho_all_checks(&seed_config, &mut expected);
        let port_result = port_config.validate();
        let seed_result = seed_config.validate();
        match &port_result {
            Ok(()) => accepted += 1,
            Err(report) if report.len() > 1 => multiple += 1,
            Err(_) => {}
        }
        compare(
            &|| format!("{port_config:?}"),
            port_config.is_valid(),
            &port_result,
            &seed_result,
            &expected,
            &mut scratch,
        );
    });
    assert!(accepted > 0 && multiple > 0, "{accepted} {multiple}");
    scratch.finish(checked, RHO_COMBOS, "rho");
}

/// Checks `ModelConfig { quant, rho }` against the union of the two models,
/// with paths below `quant.` and `rho.`.
fn check_model(
    model: &port::ModelConfig,
    seed_quant: &seed::LowBitQuantizationConfig,
    seed_rho: &seed::LowBitRhoConfig,
    s: &mut Scratch,
) {
    let mut quant_expected = std::mem::take(&mut s.expected);
    let mut rho_expected = std::mem::take(&mut s.expected_rho);
    quant_all_checks(seed_quant, &mut quant_expected);
    rho_all_checks(seed_rho, &mut rho_expected);
    let result = model.validate();
    assert_eq!(
        model.is_valid(),
        result.is_ok(),
        "is_valid disagrees at {model:?}"
    );
    let accepts = seed_quant.validate().is_ok() && seed_rho.validate().is_ok();
    if result.is_ok() != accepts {
        s.fail(|| {
            format!(
                "MODEL ACCEPTANCE at {model:?}:\n port:\n{}",
                describe(&result)
            )
        });
    }
    if !port_matches(
        &result,
        &[("quant.", &quant_expected), ("rho.", &rho_expected)],
        s,
    ) {
        s.fail(|| {
            format!(
                "MODEL UNION at {model:?}:\n quant: {quant_expected:?}\n rho: {rho_expected:?}\n port:\n{}",
                describe(&result)
            )
        });
    }
    // Every path is below one of the two fields, and the report is the
    // concatenation of the sub-configs' reports, each moved below its field.
    if let Err(report) = &result {
        let quant_alone = model.quant.validate().err().unwrap_or_default();
        let rho_alone = model.rho.validate().err().unwrap_or_default();
        let mut alone = quant_alone
            .iter()
            .map(|v| ("quant.", v))
            .chain(rho_alone.iter().map(|v| ("rho.", v)));
        for violation in report {
            let path = violation.path().to_string();
            let agrees = alone.next().is_some_and(|(prefix, sub)| {
                path.strip_prefix(prefix) == Some(&sub.path().to_string())
                    && !sub.path().to_string().starts_with("quant.")
                    && !sub.path().to_string().starts_with("rho.")
                    && sub.to_string() == violation.to_string()
                    && sub.code() == violation.code()
            });
            if !agrees {
                s.fail(|| {
                    format!(
                        "MODEL PREFIX at {model:?}: {path}:\n port:\n{}",
                        describe(&result)
                    )
                });
            }
        }
        if alone.next().is_some() {
            s.fail(|| {
                format!(
                    "MODEL LOST A VIOLATION at {model:?}:\n port:\n{}",
                    describe(&result)
                )
            });
        }
    }
    s.expected = quant_expected;
    s.expected_rho = rho_expected;
}

/// A few quant combinations: valid and broken in one or several ways.
fn quant_samples() -> Vec<QuantCombo> {
    let valid = QuantCombo {
        enable: true,
        protocol: 2,
        training_mode: 1,
        act_format: 1,
        saved_mode: 1,
        saved_format: 1,
        targets: &[0],
        act_grouping: 0,
        weight_grouping: 0,
        strict: true,
    };
    vec![
        // Default: disabled, valid.
        QuantCombo {
            enable: false,
            protocol: 0,
            training_mode: 0,
            act_format: 0,
            saved_mode: 0,
            saved_format: 1,
            targets: &[],
            act_grouping: 0,
            weight_grouping: 0,
            strict: false,
        },
        valid,
        // Disabled with the activation cache on (the ungated rule), with
        // broken gated fields that must not be reported.
        QuantCombo {
            enable: false,
            saved_mode: 2,
            protocol: 0,
            act_grouping: 1,
            ..valid
        },
        // One broken rule.
        QuantCombo {
            protocol: 0,
            ..valid
        },
        // Six broken rules at once, the most there can be: an empty target list
        // and a non-encoder target exclude each other.
        QuantCombo {
            protocol: 0,
            training_mode: 0,
            act_format: 3,
            saved_mode: 2,
            saved_format: 3,
            targets: &[0, 1],
            act_grouping: 2,
            weight_grouping: 1,
            ..valid
        },
        // Strict with no targets, and a weight grouping; uint8 activations are
        // allowed with no targets.
        QuantCombo {
            targets: &[],
            act_format: 3,
            weight_grouping: 2,
            ..valid
        },
    ]
}

#[test]
fn model_config_reports_the_union_below_each_field() {
    const STRIDE: usize = 101;
    let samples = quant_samples();
    let mut model = port::ModelConfig::default();
    let mut seed_quant = seed::LowBitQuantizationConfig::default();
    let mut seed_rho = seed::LowBitRhoConfig::default();
    let mut scratch = Scratch::default();
    let mut checked = 0;

    // The samples span zero to six quant violations.
    let mut counts = Vec::new();
    for combo in &samples {
        apply_quant(combo, &mut model.quant, &mut seed_quant);
        quant_all_checks(&seed_quant, &mut scratch.expected);
        counts.push(scratch.expected.len());
    }
    assert_eq!(counts, [0, 0, 1, 1, 6, 2]);

    // Every rho combination with each quant sample.
    for combo in &samples {
        apply_quant(combo, &mut model.quant, &mut seed_quant);
        checked += for_each_rho_combo(|rho| {
            apply_rho(rho, &mut model.rho, &mut seed_rho);
            check_model(&model, &seed_quant, &seed_rho, &mut scratch);
        });
    }

    // A stride of the quant space with a valid rho, a rho with one violation
    // and one with three.
    let rho_samples = [
        RhoCombo {
            precision: 1,
            compression: 0,
            interval: 1,
            carry_across_tbptt: true,
            detach_between_windows: true,
            stats_monitoring: true,
        },
        RhoCombo {
            precision: 1,
            compression: 4,
            interval: 2,
            carry_across_tbptt: false,
            detach_between_windows: true,
            stats_monitoring: false,
        },
        RhoCombo {
            precision: 2,
            compression: 1,
            interval: 0,
            carry_across_tbptt: true,
            detach_between_windows: false,
            stats_monitoring: true,
        },
    ];
    let mut strided = 0;
    for_each_quant_combo(|index, combo| {
        if index % STRIDE != 0 {
            return;
        }
        strided += 1;
        apply_quant(combo, &mut model.quant, &mut seed_quant);
        for rho in &rho_samples {
            apply_rho(rho, &mut model.rho, &mut seed_rho);
            check_model(&model, &seed_quant, &seed_rho, &mut scratch);
            checked += 1;
        }
    });
    assert_eq!(strided, QUANT_COMBOS.div_ceil(STRIDE));

    scratch.finish(
        checked,
        samples.len() * RHO_COMBOS + strided * rho_samples.len(),
        "model",
    );
}

/// The paths of single rules, spelled out: the rule's field, with no prefix
/// alone and below `quant.` / `rho.` in a `ModelConfig`.
#[test]
fn paths_name_the_rules_field() {
    let quant = port::LowBitQuantizationConfig {
        saved_activations: port::LowBitSavedActivationConfig {
            mode: port::LowBitSavedActivationMode::QuantizedCacheExp,
            ..Default::default()
        },
        ..Default::default()
    };
    let rho = port::LowBitRhoConfig {
        precision: port::RhoPrecisionConfig::Fp8Exp,
        compression: port::RhoCompressionConfig::Fp8BlockExp,
        ..Default::default()
    };
    let paths = |report: Report| {
        report
            .iter()
            .map(|v| v.path().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        paths(quant.validate().unwrap_err()),
        ["saved_activations.mode"]
    );
    let mut rho_paths = paths(rho.validate().unwrap_err());
    rho_paths.sort();
    assert_eq!(rho_paths, ["compression", "precision", "precision"]);
    let mut model_paths = paths(port::ModelConfig { quant, rho }.validate().unwrap_err());
    model_paths.sort();
    assert_eq!(
        model_paths,
        [
            "quant.saved_activations.mode",
            "rho.compression",
            "rho.precision",
            "rho.precision"
        ]
    );
}

/// How many of `documents` both sides refuse; panics unless every other
/// one parses on both sides into configs that serialize to the same TOML.
fn same_serde_shape<Seed, Port>(documents: &[&str]) -> usize
where
    Seed: serde::de::DeserializeOwned + serde::Serialize,
    Port: serde::de::DeserializeOwned + serde::Serialize,
{
    let mut refused = 0;
    for document in documents {
        let seed: Result<Seed, _> = toml::from_str(document);
        let port: Result<Port, _> = toml::from_str(document);
        match (seed, port) {
            (Ok(seed), Ok(port)) => assert_eq!(
                toml::to_string(&seed).expect("the seed serializes"),
                toml::to_string(&port).expect("the port serializes"),
                "document {document:?}"
            ),
            (Err(_), Err(_)) => refused += 1,
            (seed, port) => panic!(
                "document {document:?}: seed {:?}, port {:?}",
                seed.err().map(|e| e.to_string()),
                port.err().map(|e| e.to_string())
            ),
        }
    }
    refused
}

/// The port keeps the seed's serde shape and defaults: the same documents
/// deserialize to configs that serialize to the same TOML, and the same
/// documents are refused.
#[test]
fn serde_shape_and_defaults_match_the_seed() {
    let quant = [
        "",
        "enable = true",
        "enable = true\nprotocol = \"bitnet_b158\"\ntarget_modules = [\"encoder\", \"decoder_y\"]",
        "[saved_activations]\nmode = \"quantized_cache_exp\"",
        "[saved_activations]\nformat = \"uint8_pos_exp\"",
        "encoder_mode = \"ternary158\"\ndecoder_x_mode = \"packed2\"",
        "act_grouping = \"per_head_group\"\nweight_grouping = \"per_group\"",
        "training_mode = \"train_kernel_exp\"\ninference_mode = \"runtime_fake_quant\"",
        // Refused by both: unknown variants, wrong types.
        "protocol = \"bitnet\"",
        "target_modules = [\"Encoder\"]",
        "enable = \"yes\"",
    ];
    let refused =
        same_serde_shape::<seed::LowBitQuantizationConfig, port::LowBitQuantizationConfig>(&quant);
    assert_eq!(refused, 3);
    let rho = [
        "",
        "precision = \"fp32\"\ncarry_across_tbptt = false",
        "compression = \"lowrank_delta_exp\"\ncompression_interval = \"eval_only\"",
        "detach_between_windows = false\nstats_monitoring = false",
        "precision = \"fp64\"",
    ];
    assert_eq!(
        same_serde_shape::<seed::LowBitRhoConfig, port::LowBitRhoConfig>(&rho),
        1
    );
    // ModelConfig: `[quant]` and `[rho]` tables, each defaulted when left out.
    let model: port::ModelConfig =
        toml::from_str("[rho]\nprecision = \"fp32\"").expect("a partial model parses");
    assert_eq!(model.quant, port::LowBitQuantizationConfig::default());
    assert_eq!(model.rho.precision, port::RhoPrecisionConfig::Fp32);
    assert!(model.rho.carry_across_tbptt && model.rho.stats_monitoring);
}
