//! Every rule, condition and option of `#[derive(Validate)]`, each shown
//! accepting a valid value and rejecting an invalid one, with the exact
//! message, code, path and offending value of the violation.

use lowbit_core::{Report, Validate, VariantNames, Violation};
use serde::Deserialize;

/// Assertions shared by every test. Each also checks that `is_valid`, the
/// fast path of `validate`, agrees with it.
mod support {
    use super::{Validate, Violation};

    /// Fails unless `config` breaks no rule.
    #[track_caller]
    pub fn passes(config: &impl Validate) {
        if let Err(report) = config.validate() {
            panic!("expected no violation, got:\n{report}");
        }
        assert!(config.is_valid(), "is_valid disagrees with validate");
    }

    /// The one violation `config` breaks; fails if it breaks none or several.
    #[track_caller]
    pub fn single(config: &impl Validate) -> Violation {
        assert!(!config.is_valid(), "is_valid disagrees with validate");
        let report = config.validate().expect_err("expected a violation");
        assert_eq!(report.len(), 1, "expected one violation, got:\n{report}");
        report.into_iter().next().expect("one violation")
    }

    /// Asserts every observable part of a violation.
    #[track_caller]
    pub fn check(
        violation: &Violation,
        path: &str,
        code: &str,
        value: Option<&str>,
        message: &str,
    ) {
        assert_eq!(violation.to_string(), message, "message");
        assert_eq!(violation.code(), code, "code");
        assert_eq!(violation.path().to_string(), path, "path");
        assert_eq!(
            violation.value().map(|v| v.to_string()).as_deref(),
            value,
            "value"
        );
    }

    /// `config` breaks exactly one rule, and it is this one.
    #[track_caller]
    pub fn rejects(
        config: &impl Validate,
        path: &str,
        code: &str,
        value: Option<&str>,
        message: &str,
    ) {
        check(&single(config), path, code, value, message);
    }
}

use support::{check, passes, rejects};

/// Enums the rules below compare with.
mod enums {
    use super::{Deserialize, Validate};

    #[derive(Deserialize, Validate, Default, Debug, Clone, Copy, PartialEq)]
    #[serde(rename_all = "snake_case")]
    pub enum Precision {
        Fp32,
        #[default]
        Bf16,
        Fp8Exp,
        Int8BlockExp,
    }

    #[derive(Deserialize, Validate, Default, Debug, Clone, Copy, PartialEq)]
    #[serde(rename_all = "snake_case")]
    pub enum Interval {
        Step,
        #[default]
        Chunk,
        EvalOnly,
    }

    #[derive(Deserialize, Validate, Default, Debug, Clone, Copy, PartialEq)]
    #[serde(rename_all = "snake_case")]
    pub enum Compression {
        #[default]
        None,
        Fp8BlockExp,
        Int8BlockExp,
        TernaryBlockExp,
    }

    #[derive(Deserialize, Validate, Default, Debug, Clone, Copy, PartialEq)]
    #[serde(rename_all = "snake_case")]
    pub enum Mode {
        #[default]
        Disabled,
        Cached,
        Recompute,
    }

    /// No `#[default]`: every value is set.
    #[derive(Deserialize, Validate, Debug, Clone, Copy, PartialEq)]
    #[serde(rename_all = "snake_case")]
    pub enum Module {
        Encoder,
        DecoderX,
        DecoderY,
    }
}

use enums::{Compression, Interval, Mode, Module, Precision};

mod one_of {
    use super::*;

    #[derive(Validate, Default)]
    struct OneName {
        #[one_of("bf16")]
        precision: Precision,
    }

    #[test]
    fn enum_with_one_allowed_name() {
        passes(&OneName {
            precision: Precision::Bf16,
        });
        rejects(
            &OneName {
                precision: Precision::Fp8Exp,
            },
            "precision",
            "one_of",
            Some("\"fp8_exp\""),
            "precision must be \"bf16\", not \"fp8_exp\"",
        );
    }

    #[derive(Validate, Default)]
    struct SeveralNames {
        #[one_of("fp32", "bf16")]
        precision: Precision,
    }

    #[test]
    fn enum_with_several_allowed_names() {
        passes(&SeveralNames {
            precision: Precision::Fp32,
        });
        passes(&SeveralNames {
            precision: Precision::Bf16,
        });
        rejects(
            &SeveralNames {
                precision: Precision::Int8BlockExp,
            },
            "precision",
            "one_of",
            Some("\"int8_block_exp\""),
            "precision must be one of \"fp32\", \"bf16\", not \"int8_block_exp\"",
        );
    }

    #[derive(Validate, Default)]
    struct Text {
        #[one_of("adam", "sgd")]
        optimizer: String,
    }

    #[test]
    fn string() {
        passes(&Text {
            optimizer: "sgd".into(),
        });
        rejects(
            &Text {
                optimizer: "lion".into(),
            },
            "optimizer",
            "one_of",
            Some("\"lion\""),
            "optimizer must be one of \"adam\", \"sgd\", not \"lion\"",
        );
    }

    #[test]
    fn empty_string_is_not_an_allowed_value() {
        rejects(
            &Text::default(),
            "optimizer",
            "one_of",
            Some("\"\""),
            "optimizer must be one of \"adam\", \"sgd\", not \"\"",
        );
    }

    #[derive(Validate, Default)]
    struct OptionalEnum {
        #[one_of("chunk")]
        interval: Option<Interval>,
    }

    #[test]
    fn option_of_enum_none_passes() {
        passes(&OptionalEnum { interval: None });
        passes(&OptionalEnum {
            interval: Some(Interval::Chunk),
        });
        rejects(
            &OptionalEnum {
                interval: Some(Interval::Step),
            },
            "interval",
            "one_of",
            Some("\"step\""),
            "interval must be \"chunk\", not \"step\"",
        );
    }

    #[derive(Validate, Default)]
    struct OptionalText {
        #[one_of("x", "y")]
        axis: Option<String>,
    }

    #[test]
    fn option_of_string_none_passes() {
        passes(&OptionalText { axis: None });
        passes(&OptionalText {
            axis: Some("y".into()),
        });
        rejects(
            &OptionalText {
                axis: Some("z".into()),
            },
            "axis",
            "one_of",
            Some("\"z\""),
            "axis must be one of \"x\", \"y\", not \"z\"",
        );
    }

    #[derive(Validate, Default)]
    struct Unsigned {
        #[one_of(1, 2, 4)]
        bits: u8,
    }

    #[test]
    fn unsigned_numbers() {
        passes(&Unsigned { bits: 4 });
        rejects(
            &Unsigned { bits: 3 },
            "bits",
            "one_of",
            Some("3"),
            "bits must be one of 1, 2, 4, not 3",
        );
    }

    #[derive(Validate, Default)]
    struct Signed {
        #[one_of(-1, 1)]
        sign: i32,
    }

    #[test]
    fn negative_numbers() {
        passes(&Signed { sign: -1 });
        rejects(
            &Signed { sign: 0 },
            "sign",
            "one_of",
            Some("0"),
            "sign must be one of -1, 1, not 0",
        );
    }

    #[derive(Validate, Default)]
    struct OptionalNumber {
        #[one_of(8)]
        bits: Option<u32>,
    }

    #[test]
    fn option_of_number_none_passes() {
        passes(&OptionalNumber { bits: None });
        passes(&OptionalNumber { bits: Some(8) });
        rejects(
            &OptionalNumber { bits: Some(16) },
            "bits",
            "one_of",
            Some("16"),
            "bits must be 8, not 16",
        );
    }

    #[derive(Validate, Default)]
    struct Floats {
        #[one_of(0.5, 0.25)]
        ratio: f64,
    }

    #[test]
    fn float_numbers() {
        passes(&Floats { ratio: 0.25 });
        rejects(
            &Floats { ratio: 0.75 },
            "ratio",
            "one_of",
            Some("0.75"),
            "ratio must be one of 0.5, 0.25, not 0.75",
        );
    }

    #[derive(Validate, Default)]
    struct Braces {
        #[one_of("{x}")]
        template: String,
    }

    #[test]
    fn braces_in_allowed_values_are_not_placeholders() {
        passes(&Braces {
            template: "{x}".into(),
        });
        rejects(
            &Braces {
                template: "{y}".into(),
            },
            "template",
            "one_of",
            Some("\"{y}\""),
            "template must be \"{x}\", not \"{y}\"",
        );
    }

    #[derive(Validate, Default)]
    struct Saved {
        mode: Mode,
    }

    #[derive(Validate, Default)]
    struct At {
        #[one_of("disabled", "cached", at = mode)]
        saved: Saved,
    }

    #[test]
    fn at_a_subfield() {
        passes(&At {
            saved: Saved { mode: Mode::Cached },
        });
        rejects(
            &At {
                saved: Saved {
                    mode: Mode::Recompute,
                },
            },
            "saved.mode",
            "one_of",
            Some("\"recompute\""),
            "saved.mode must be one of \"disabled\", \"cached\", not \"recompute\"",
        );
    }
}

mod none_of {
    use super::*;

    #[derive(Validate, Default)]
    struct OneName {
        #[none_of("fp8_exp")]
        precision: Precision,
    }

    #[test]
    fn enum_with_one_excluded_name() {
        passes(&OneName {
            precision: Precision::Int8BlockExp,
        });
        rejects(
            &OneName {
                precision: Precision::Fp8Exp,
            },
            "precision",
            "none_of",
            Some("\"fp8_exp\""),
            "precision must not be \"fp8_exp\"",
        );
    }

    #[derive(Validate, Default)]
    struct SeveralNames {
        #[none_of("fp8_exp", "int8_block_exp")]
        precision: Precision,
    }

    #[test]
    fn enum_with_several_excluded_names() {
        passes(&SeveralNames {
            precision: Precision::Fp32,
        });
        rejects(
            &SeveralNames {
                precision: Precision::Int8BlockExp,
            },
            "precision",
            "none_of",
            Some("\"int8_block_exp\""),
            "precision must not be \"int8_block_exp\"",
        );
    }

    #[derive(Validate, Default)]
    struct Text {
        #[none_of("root", "admin")]
        user: String,
    }

    #[test]
    fn string() {
        passes(&Text {
            user: "alice".into(),
        });
        rejects(
            &Text {
                user: "root".into(),
            },
            "user",
            "none_of",
            Some("\"root\""),
            "user must not be \"root\"",
        );
    }

    #[derive(Validate, Default)]
    struct OptionalEnum {
        #[none_of("eval_only")]
        interval: Option<Interval>,
    }

    #[test]
    fn option_of_enum_none_passes() {
        passes(&OptionalEnum { interval: None });
        passes(&OptionalEnum {
            interval: Some(Interval::Step),
        });
        rejects(
            &OptionalEnum {
                interval: Some(Interval::EvalOnly),
            },
            "interval",
            "none_of",
            Some("\"eval_only\""),
            "interval must not be \"eval_only\"",
        );
    }

    #[derive(Validate, Default)]
    struct Number {
        #[none_of(0)]
        workers: u32,
    }

    #[test]
    fn number() {
        passes(&Number { workers: 2 });
        rejects(
            &Number { workers: 0 },
            "workers",
            "none_of",
            Some("0"),
            "workers must not be 0",
        );
    }

    #[derive(Validate, Default)]
    struct Saved {
        mode: Mode,
    }

    #[derive(Validate, Default)]
    struct At {
        #[none_of("disabled", at = mode)]
        saved: Saved,
    }

    #[test]
    fn at_a_subfield() {
        passes(&At {
            saved: Saved { mode: Mode::Cached },
        });
        rejects(
            &At::default(),
            "saved.mode",
            "none_of",
            Some("\"disabled\""),
            "saved.mode must not be \"disabled\"",
        );
    }
}

mod requires {
    use super::*;

    #[derive(Validate, Default)]
    struct Saved {
        enable: bool,
        #[requires(enable)]
        dir: String,
    }

    #[test]
    fn unset_field_requires_nothing() {
        passes(&Saved::default());
    }

    #[test]
    fn set_field_with_its_condition_passes() {
        passes(&Saved {
            enable: true,
            dir: "/tmp".into(),
        });
    }

    #[test]
    fn set_field_without_its_condition_is_rejected() {
        rejects(
            &Saved {
                enable: false,
                dir: "/tmp".into(),
            },
            "dir",
            "requires",
            Some("\"/tmp\""),
            "dir requires enable",
        );
    }

    #[derive(Validate, Default)]
    struct Several {
        enable: bool,
        interval: Interval,
        #[requires(enable, interval = "step")]
        dir: String,
    }

    #[test]
    fn several_conditions_must_all_hold() {
        passes(&Several {
            enable: true,
            interval: Interval::Step,
            dir: "/tmp".into(),
        });
        let message = "dir requires enable and interval = \"step\"";
        rejects(
            &Several {
                enable: true,
                interval: Interval::Chunk,
                dir: "/tmp".into(),
            },
            "dir",
            "requires",
            Some("\"/tmp\""),
            message,
        );
        rejects(
            &Several {
                enable: false,
                interval: Interval::Step,
                dir: "/tmp".into(),
            },
            "dir",
            "requires",
            Some("\"/tmp\""),
            message,
        );
    }

    #[derive(Validate, Default)]
    struct OnEnum {
        enable: bool,
        #[requires(enable)]
        precision: Precision,
    }

    #[test]
    fn enum_at_its_default_is_unset() {
        passes(&OnEnum::default());
        passes(&OnEnum {
            enable: true,
            precision: Precision::Fp8Exp,
        });
        rejects(
            &OnEnum {
                enable: false,
                precision: Precision::Fp8Exp,
            },
            "precision",
            "requires",
            Some("\"fp8_exp\""),
            "precision requires enable",
        );
    }

    #[derive(Validate, Default)]
    struct WhenOne {
        enable: bool,
        #[requires(enable, when = "fp8_exp")]
        precision: Precision,
    }

    #[test]
    fn when_narrows_to_one_value() {
        passes(&WhenOne {
            enable: false,
            precision: Precision::Fp32,
        });
        passes(&WhenOne {
            enable: true,
            precision: Precision::Fp8Exp,
        });
        rejects(
            &WhenOne {
                enable: false,
                precision: Precision::Fp8Exp,
            },
            "precision",
            "requires",
            Some("\"fp8_exp\""),
            "precision = \"fp8_exp\" requires enable",
        );
    }

    #[derive(Validate, Default)]
    struct WhenSeveral {
        interval: Interval,
        #[requires(interval = "chunk", when("int8_block_exp", "ternary_block_exp"))]
        compression: Compression,
    }

    #[test]
    fn when_narrows_to_several_values() {
        passes(&WhenSeveral {
            interval: Interval::Step,
            compression: Compression::Fp8BlockExp,
        });
        passes(&WhenSeveral {
            interval: Interval::Chunk,
            compression: Compression::TernaryBlockExp,
        });
        rejects(
            &WhenSeveral {
                interval: Interval::Step,
                compression: Compression::TernaryBlockExp,
            },
            "compression",
            "requires",
            Some("\"ternary_block_exp\""),
            "compression = \"ternary_block_exp\" requires interval = \"chunk\"",
        );
    }

    #[derive(Validate, Default)]
    struct WhenOnString {
        strict: bool,
        #[requires(strict, when = "exact")]
        matching: String,
    }

    #[test]
    fn when_on_a_string() {
        passes(&WhenOnString {
            strict: false,
            matching: "loose".into(),
        });
        rejects(
            &WhenOnString {
                strict: false,
                matching: "exact".into(),
            },
            "matching",
            "requires",
            Some("\"exact\""),
            "matching = \"exact\" requires strict",
        );
    }

    #[derive(Validate, Default)]
    struct Cache {
        mode: Mode,
        dir: String,
    }

    #[derive(Validate, Default)]
    struct At {
        enable: bool,
        #[requires(enable, at = mode)]
        cache: Cache,
    }

    #[test]
    fn at_makes_a_subfield_the_subject() {
        passes(&At {
            enable: false,
            cache: Cache {
                mode: Mode::Disabled,
                dir: "/tmp".into(),
            },
        });
        rejects(
            &At {
                enable: false,
                cache: Cache {
                    mode: Mode::Cached,
                    dir: String::new(),
                },
            },
            "cache.mode",
            "requires",
            Some("\"cached\""),
            "cache.mode requires enable",
        );
    }

    #[derive(Validate, Default)]
    struct AtWhen {
        enable: bool,
        #[requires(enable, at = mode, when = "recompute")]
        cache: Cache,
    }

    #[test]
    fn at_and_when_together() {
        passes(&AtWhen {
            enable: false,
            cache: Cache {
                mode: Mode::Cached,
                dir: String::new(),
            },
        });
        rejects(
            &AtWhen {
                enable: false,
                cache: Cache {
                    mode: Mode::Recompute,
                    dir: String::new(),
                },
            },
            "cache.mode",
            "requires",
            Some("\"recompute\""),
            "cache.mode = \"recompute\" requires enable",
        );
    }

    #[derive(Validate, Default)]
    struct AtString {
        enable: bool,
        #[requires(enable, at = dir)]
        cache: Cache,
    }

    #[test]
    fn at_a_string_subfield() {
        passes(&AtString {
            enable: true,
            cache: Cache {
                mode: Mode::Disabled,
                dir: "/tmp".into(),
            },
        });
        rejects(
            &AtString {
                enable: false,
                cache: Cache {
                    mode: Mode::Disabled,
                    dir: "/tmp".into(),
                },
            },
            "cache.dir",
            "requires",
            Some("\"/tmp\""),
            "cache.dir requires enable",
        );
    }
}

mod only_if {
    use super::*;

    #[derive(Validate, Default)]
    struct Rho {
        #[only_if(interval = "chunk")]
        compression: Compression,
        interval: Interval,
    }

    #[test]
    fn set_field_with_its_condition_passes() {
        passes(&Rho {
            compression: Compression::Int8BlockExp,
            interval: Interval::Chunk,
        });
    }

    #[test]
    fn unset_field_passes_whatever_the_condition() {
        passes(&Rho {
            compression: Compression::None,
            interval: Interval::Step,
        });
    }

    #[test]
    fn set_field_without_its_condition_is_rejected() {
        rejects(
            &Rho {
                compression: Compression::Int8BlockExp,
                interval: Interval::Step,
            },
            "compression",
            "only_if",
            Some("\"int8_block_exp\""),
            "compression may be set only when interval = \"chunk\"",
        );
    }

    #[derive(Validate, Default)]
    struct When {
        #[only_if(interval = "chunk", when = "int8_block_exp")]
        compression: Compression,
        interval: Interval,
    }

    #[test]
    fn when_narrows_to_a_value() {
        passes(&When {
            compression: Compression::Fp8BlockExp,
            interval: Interval::Step,
        });
        rejects(
            &When {
                compression: Compression::Int8BlockExp,
                interval: Interval::Step,
            },
            "compression",
            "only_if",
            Some("\"int8_block_exp\""),
            "compression = \"int8_block_exp\" is allowed only when interval = \"chunk\"",
        );
    }

    #[derive(Validate, Default)]
    struct OnBool {
        enable: bool,
        #[only_if(enable)]
        strict: bool,
    }

    #[test]
    fn bool_is_set_when_true() {
        passes(&OnBool {
            enable: false,
            strict: false,
        });
        passes(&OnBool {
            enable: true,
            strict: true,
        });
        rejects(
            &OnBool {
                enable: false,
                strict: true,
            },
            "strict",
            "only_if",
            Some("true"),
            "strict may be set only when enable",
        );
    }
}

mod required_if {
    use super::*;

    #[derive(Validate, Default)]
    struct Saved {
        enable: bool,
        #[required_if(enable)]
        dir: String,
    }

    #[test]
    fn field_set_while_condition_holds_passes() {
        passes(&Saved {
            enable: true,
            dir: "/tmp".into(),
        });
    }

    #[test]
    fn field_unset_while_condition_fails_passes() {
        passes(&Saved::default());
    }

    #[test]
    fn empty_string_while_condition_holds_is_rejected() {
        rejects(
            &Saved {
                enable: true,
                dir: String::new(),
            },
            "dir",
            "required_if",
            Some("\"\""),
            "dir must be set when enable",
        );
    }

    #[derive(Validate, Default)]
    struct OnOption {
        interval: Interval,
        #[required_if(interval = "step")]
        step_size: Option<u32>,
    }

    #[test]
    fn none_while_condition_holds_is_rejected() {
        passes(&OnOption {
            interval: Interval::Step,
            step_size: Some(4),
        });
        passes(&OnOption {
            interval: Interval::Chunk,
            step_size: None,
        });
        rejects(
            &OnOption {
                interval: Interval::Step,
                step_size: None,
            },
            "step_size",
            "required_if",
            None,
            "step_size must be set when interval = \"step\"",
        );
    }

    #[derive(Validate, Default)]
    struct OnVec {
        strict: bool,
        #[required_if(strict)]
        modules: Vec<Module>,
    }

    #[test]
    fn empty_vec_while_condition_holds_is_rejected() {
        passes(&OnVec {
            strict: true,
            modules: vec![Module::Encoder],
        });
        rejects(
            &OnVec {
                strict: true,
                modules: Vec::new(),
            },
            "modules",
            "required_if",
            None,
            "modules must be set when strict",
        );
    }

    #[derive(Validate, Default)]
    struct OnEnum {
        strict: bool,
        #[required_if(strict)]
        precision: Precision,
    }

    #[test]
    fn enum_at_its_default_while_condition_holds_is_rejected() {
        passes(&OnEnum {
            strict: true,
            precision: Precision::Fp32,
        });
        rejects(
            &OnEnum {
                strict: true,
                precision: Precision::Bf16,
            },
            "precision",
            "required_if",
            Some("\"bf16\""),
            "precision must be set when strict",
        );
    }
}

mod conflicts_with {
    use super::*;

    #[derive(Validate, Default)]
    struct Tagged {
        strict: bool,
        #[conflicts_with(strict)]
        tag: String,
    }

    #[test]
    fn either_alone_passes() {
        passes(&Tagged {
            strict: true,
            tag: String::new(),
        });
        passes(&Tagged {
            strict: false,
            tag: "x".into(),
        });
    }

    #[test]
    fn both_together_are_rejected() {
        rejects(
            &Tagged {
                strict: true,
                tag: "x".into(),
            },
            "tag",
            "conflicts_with",
            Some("\"x\""),
            "tag must not be set when strict",
        );
    }

    #[derive(Validate, Default)]
    struct Rho {
        #[conflicts_with(compression = "fp8_block_exp", when = "fp8_exp")]
        precision: Precision,
        compression: Compression,
    }

    #[test]
    fn when_narrows_to_a_value() {
        passes(&Rho {
            precision: Precision::Fp32,
            compression: Compression::Fp8BlockExp,
        });
        passes(&Rho {
            precision: Precision::Fp8Exp,
            compression: Compression::Int8BlockExp,
        });
        rejects(
            &Rho {
                precision: Precision::Fp8Exp,
                compression: Compression::Fp8BlockExp,
            },
            "precision",
            "conflicts_with",
            Some("\"fp8_exp\""),
            "precision = \"fp8_exp\" conflicts with compression = \"fp8_block_exp\"",
        );
    }

    #[derive(Validate, Default)]
    struct WhenSeveral {
        #[conflicts_with(strict, when("fp8_exp", "int8_block_exp"))]
        precision: Precision,
        strict: bool,
    }

    #[test]
    fn when_narrows_to_several_values() {
        passes(&WhenSeveral {
            precision: Precision::Fp32,
            strict: true,
        });
        rejects(
            &WhenSeveral {
                precision: Precision::Int8BlockExp,
                strict: true,
            },
            "precision",
            "conflicts_with",
            Some("\"int8_block_exp\""),
            "precision = \"int8_block_exp\" conflicts with strict",
        );
    }
}

/// What "set" means, through `#[requires(enable)]` on fields of each type.
mod set {
    use super::*;
    use std::collections::{BTreeMap, HashMap};

    #[derive(Validate, Default)]
    struct Types {
        enable: bool,
        #[requires(enable)]
        flag: bool,
        #[requires(enable)]
        seed: Option<u64>,
        #[requires(enable)]
        name: String,
        #[requires(enable)]
        list: Vec<u8>,
        #[requires(enable)]
        map: HashMap<String, u8>,
        #[requires(enable)]
        tree: BTreeMap<String, u8>,
        #[requires(enable)]
        mode: Mode,
    }

    #[test]
    fn nothing_is_set_by_default() {
        passes(&Types::default());
    }

    #[test]
    fn bool_is_set_when_true() {
        rejects(
            &Types {
                flag: true,
                ..Types::default()
            },
            "flag",
            "requires",
            Some("true"),
            "flag requires enable",
        );
    }

    #[test]
    fn option_is_set_when_some() {
        rejects(
            &Types {
                seed: Some(0),
                ..Types::default()
            },
            "seed",
            "requires",
            Some("0"),
            "seed requires enable",
        );
    }

    #[test]
    fn string_is_set_when_non_empty() {
        rejects(
            &Types {
                name: "a".into(),
                ..Types::default()
            },
            "name",
            "requires",
            Some("\"a\""),
            "name requires enable",
        );
    }

    #[test]
    fn vec_is_set_when_non_empty() {
        rejects(
            &Types {
                list: vec![0],
                ..Types::default()
            },
            "list",
            "requires",
            None,
            "list requires enable",
        );
    }

    #[test]
    fn maps_are_set_when_non_empty() {
        rejects(
            &Types {
                map: HashMap::from([("a".to_owned(), 0)]),
                ..Types::default()
            },
            "map",
            "requires",
            None,
            "map requires enable",
        );
        rejects(
            &Types {
                tree: BTreeMap::from([("a".to_owned(), 0)]),
                ..Types::default()
            },
            "tree",
            "requires",
            None,
            "tree requires enable",
        );
    }

    #[test]
    fn enum_is_set_when_not_its_default_variant() {
        rejects(
            &Types {
                mode: Mode::Cached,
                ..Types::default()
            },
            "mode",
            "requires",
            Some("\"cached\""),
            "mode requires enable",
        );
    }

    #[derive(Validate)]
    struct NoDefault {
        enable: bool,
        #[requires(enable)]
        module: Module,
    }

    #[test]
    fn enum_without_default_variant_is_always_set() {
        passes(&NoDefault {
            enable: true,
            module: Module::Encoder,
        });
        rejects(
            &NoDefault {
                enable: false,
                module: Module::Encoder,
            },
            "module",
            "requires",
            Some("\"encoder\""),
            "module requires enable",
        );
    }

    #[test]
    fn every_set_field_is_reported() {
        let report = Types {
            enable: false,
            flag: true,
            seed: Some(1),
            name: "n".into(),
            list: vec![1],
            map: HashMap::from([("a".to_owned(), 1)]),
            tree: BTreeMap::from([("a".to_owned(), 1)]),
            mode: Mode::Recompute,
        }
        .validate()
        .unwrap_err();
        let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
        assert_eq!(
            paths,
            ["flag", "seed", "name", "list", "map", "tree", "mode"]
        );
        passes(&Types {
            enable: true,
            flag: true,
            seed: Some(1),
            name: "n".into(),
            list: vec![1],
            map: HashMap::from([("a".to_owned(), 1)]),
            tree: BTreeMap::from([("a".to_owned(), 1)]),
            mode: Mode::Recompute,
        });
    }
}

/// Each condition form, as the condition of `#[requires(..)]` on `on: bool`.
mod conditions {
    use super::*;

    /// `config` breaks only the `requires` on `on`, whose message names `condition`.
    fn rejected_with(config: &impl Validate, condition: &str) {
        rejects(
            config,
            "on",
            "requires",
            Some("true"),
            &format!("on requires {condition}"),
        );
    }

    #[derive(Validate, Default)]
    struct Set {
        #[requires(seed)]
        on: bool,
        seed: Option<u64>,
    }

    #[test]
    fn field_is_set() {
        passes(&Set {
            on: true,
            seed: Some(0),
        });
        rejected_with(
            &Set {
                on: true,
                seed: None,
            },
            "seed",
        );
    }

    #[derive(Validate, Default)]
    struct EqEnum {
        #[requires(interval = "step")]
        on: bool,
        interval: Interval,
    }

    #[test]
    fn enum_equals_a_name() {
        passes(&EqEnum {
            on: true,
            interval: Interval::Step,
        });
        rejected_with(
            &EqEnum {
                on: true,
                interval: Interval::EvalOnly,
            },
            "interval = \"step\"",
        );
    }

    #[derive(Validate, Default)]
    struct EqString {
        #[requires(backend = "cuda")]
        on: bool,
        backend: String,
    }

    #[test]
    fn string_equals_a_text() {
        passes(&EqString {
            on: true,
            backend: "cuda".into(),
        });
        rejected_with(
            &EqString {
                on: true,
                backend: "cpu".into(),
            },
            "backend = \"cuda\"",
        );
    }

    #[derive(Validate, Default)]
    struct EqOption {
        #[requires(interval = "step")]
        on: bool,
        interval: Option<Interval>,
    }

    #[test]
    fn option_equals_a_name_only_when_some() {
        passes(&EqOption {
            on: true,
            interval: Some(Interval::Step),
        });
        rejected_with(
            &EqOption {
                on: true,
                interval: None,
            },
            "interval = \"step\"",
        );
        rejected_with(
            &EqOption {
                on: true,
                interval: Some(Interval::Chunk),
            },
            "interval = \"step\"",
        );
    }

    #[derive(Validate, Default)]
    struct Ne {
        #[requires(interval != "eval_only")]
        on: bool,
        interval: Interval,
    }

    #[test]
    fn not_equal() {
        passes(&Ne {
            on: true,
            interval: Interval::Chunk,
        });
        rejected_with(
            &Ne {
                on: true,
                interval: Interval::EvalOnly,
            },
            "interval != \"eval_only\"",
        );
    }

    #[derive(Validate, Default)]
    struct In {
        #[requires(interval in ("step", "chunk"))]
        on: bool,
        interval: Interval,
    }

    #[test]
    fn in_a_list() {
        passes(&In {
            on: true,
            interval: Interval::Step,
        });
        passes(&In {
            on: true,
            interval: Interval::Chunk,
        });
        rejected_with(
            &In {
                on: true,
                interval: Interval::EvalOnly,
            },
            "interval is one of \"step\", \"chunk\"",
        );
    }

    #[derive(Validate, Default)]
    struct BoolTrue {
        #[requires(strict = true)]
        on: bool,
        strict: bool,
    }

    #[test]
    fn bool_equals_true() {
        passes(&BoolTrue {
            on: true,
            strict: true,
        });
        rejected_with(
            &BoolTrue {
                on: true,
                strict: false,
            },
            "strict = true",
        );
    }

    #[derive(Validate, Default)]
    struct BoolFalse {
        #[requires(strict = false)]
        on: bool,
        strict: Option<bool>,
    }

    #[test]
    fn optional_bool_equals_false_only_when_some() {
        passes(&BoolFalse {
            on: true,
            strict: Some(false),
        });
        rejected_with(
            &BoolFalse {
                on: true,
                strict: None,
            },
            "strict = false",
        );
        rejected_with(
            &BoolFalse {
                on: true,
                strict: Some(true),
            },
            "strict = false",
        );
    }

    #[derive(Validate, Default)]
    struct NumberEq {
        #[requires(bits = 3)]
        on: bool,
        bits: u8,
    }

    #[test]
    fn number_equals() {
        passes(&NumberEq { on: true, bits: 3 });
        rejected_with(&NumberEq { on: true, bits: 4 }, "bits = 3");
    }

    #[derive(Validate, Default)]
    struct NumberNe {
        #[requires(offset != -1)]
        on: bool,
        offset: i64,
    }

    #[test]
    fn number_not_equal() {
        passes(&NumberNe {
            on: true,
            offset: 0,
        });
        rejected_with(
            &NumberNe {
                on: true,
                offset: -1,
            },
            "offset != -1",
        );
    }

    #[derive(Validate, Default)]
    struct NumberIn {
        #[requires(bits in (4, 8))]
        on: bool,
        bits: Option<u32>,
    }

    #[test]
    fn number_in_a_list() {
        passes(&NumberIn {
            on: true,
            bits: Some(8),
        });
        rejected_with(
            &NumberIn {
                on: true,
                bits: Some(2),
            },
            "bits is one of 4, 8",
        );
        rejected_with(
            &NumberIn {
                on: true,
                bits: None,
            },
            "bits is one of 4, 8",
        );
    }

    #[derive(Validate, Default)]
    struct FloatEq {
        #[requires(scale = 0.5)]
        on: bool,
        scale: f32,
    }

    #[test]
    fn float_equals() {
        passes(&FloatEq {
            on: true,
            scale: 0.5,
        });
        rejected_with(
            &FloatEq {
                on: true,
                scale: 1.5,
            },
            "scale = 0.5",
        );
    }

    #[derive(Validate, Default)]
    struct Not {
        #[requires(not(strict))]
        on: bool,
        strict: bool,
    }

    #[test]
    fn not() {
        passes(&Not {
            on: true,
            strict: false,
        });
        rejected_with(
            &Not {
                on: true,
                strict: true,
            },
            "not strict",
        );
    }

    #[derive(Validate, Default)]
    struct All {
        #[requires(all(enable, interval = "step"))]
        on: bool,
        enable: bool,
        interval: Interval,
    }

    #[test]
    fn all() {
        passes(&All {
            on: true,
            enable: true,
            interval: Interval::Step,
        });
        rejected_with(
            &All {
                on: true,
                enable: true,
                interval: Interval::Chunk,
            },
            "enable and interval = \"step\"",
        );
        rejected_with(
            &All {
                on: true,
                enable: false,
                interval: Interval::Step,
            },
            "enable and interval = \"step\"",
        );
    }

    #[derive(Validate, Default)]
    struct Any {
        #[requires(any(enable, interval = "step"))]
        on: bool,
        enable: bool,
        interval: Interval,
    }

    #[test]
    fn any() {
        passes(&Any {
            on: true,
            enable: true,
            interval: Interval::Chunk,
        });
        passes(&Any {
            on: true,
            enable: false,
            interval: Interval::Step,
        });
        rejected_with(
            &Any {
                on: true,
                enable: false,
                interval: Interval::Chunk,
            },
            "enable or interval = \"step\"",
        );
    }

    #[derive(Validate, Default)]
    struct Compound {
        #[requires(all(enable, any(strict, interval = "step")), not(all(strict, legacy)))]
        on: bool,
        enable: bool,
        strict: bool,
        legacy: bool,
        interval: Interval,
    }

    #[test]
    fn compounds_nest_with_parentheses() {
        let message = "enable and (strict or interval = \"step\") and not (strict and legacy)";
        passes(&Compound {
            on: true,
            enable: true,
            strict: true,
            legacy: false,
            interval: Interval::Chunk,
        });
        rejected_with(
            &Compound {
                on: true,
                enable: true,
                strict: false,
                legacy: false,
                interval: Interval::Chunk,
            },
            message,
        );
        rejected_with(
            &Compound {
                on: true,
                enable: true,
                strict: true,
                legacy: true,
                interval: Interval::Chunk,
            },
            message,
        );
    }

    #[derive(Validate, Default)]
    struct EveryEq {
        #[requires(every(modules = "encoder"))]
        on: bool,
        modules: Vec<Module>,
    }

    #[test]
    fn every_item_equals() {
        passes(&EveryEq {
            on: true,
            modules: vec![Module::Encoder, Module::Encoder],
        });
        rejected_with(
            &EveryEq {
                on: true,
                modules: vec![Module::Encoder, Module::DecoderX],
            },
            "every item of modules = \"encoder\"",
        );
    }

    #[test]
    fn every_item_of_nothing_passes() {
        passes(&EveryEq {
            on: true,
            modules: Vec::new(),
        });
    }

    #[derive(Validate, Default)]
    struct EveryIn {
        #[requires(every(names in ("enc", "dec")))]
        on: bool,
        names: Vec<String>,
    }

    #[test]
    fn every_item_in_a_list() {
        passes(&EveryIn {
            on: true,
            names: vec!["dec".into(), "enc".into()],
        });
        rejected_with(
            &EveryIn {
                on: true,
                names: vec!["enc".into(), "mid".into()],
            },
            "every item of names is one of \"enc\", \"dec\"",
        );
    }

    #[derive(Validate, Default)]
    struct SomeEq {
        #[requires(some(modules = "decoder_y"))]
        on: bool,
        modules: Vec<Module>,
    }

    #[test]
    fn some_item_equals() {
        passes(&SomeEq {
            on: true,
            modules: vec![Module::Encoder, Module::DecoderY],
        });
        rejected_with(
            &SomeEq {
                on: true,
                modules: vec![Module::Encoder],
            },
            "some item of modules = \"decoder_y\"",
        );
    }

    #[test]
    fn some_item_of_nothing_fails() {
        rejected_with(
            &SomeEq {
                on: true,
                modules: Vec::new(),
            },
            "some item of modules = \"decoder_y\"",
        );
    }

    #[derive(Validate, Default)]
    struct SomeIn {
        #[requires(some(bits in (4, 8)))]
        on: bool,
        bits: Vec<u8>,
    }

    #[test]
    fn some_item_in_a_list_of_numbers() {
        passes(&SomeIn {
            on: true,
            bits: vec![2, 8],
        });
        rejected_with(
            &SomeIn {
                on: true,
                bits: vec![2, 16],
            },
            "some item of bits is one of 4, 8",
        );
    }

    #[derive(Validate, Default)]
    struct Cache {
        enable: bool,
        mode: Mode,
    }

    #[derive(Validate, Default)]
    struct Dotted {
        #[requires(cache.mode = "cached")]
        on: bool,
        cache: Cache,
    }

    #[test]
    fn dotted_path_into_a_nested_struct() {
        passes(&Dotted {
            on: true,
            cache: Cache {
                enable: false,
                mode: Mode::Cached,
            },
        });
        rejected_with(
            &Dotted {
                on: true,
                cache: Cache {
                    enable: false,
                    mode: Mode::Recompute,
                },
            },
            "cache.mode = \"cached\"",
        );
    }

    #[derive(Validate, Default)]
    struct DottedSet {
        #[requires(cache.enable)]
        on: bool,
        cache: Cache,
    }

    #[test]
    fn dotted_path_is_set() {
        passes(&DottedSet {
            on: true,
            cache: Cache {
                enable: true,
                mode: Mode::Disabled,
            },
        });
        rejected_with(
            &DottedSet {
                on: true,
                cache: Cache::default(),
            },
            "cache.enable",
        );
    }

    #[derive(Validate, Default)]
    struct Model {
        quant: Dotted,
    }

    #[derive(Validate, Default)]
    struct DeepDotted {
        #[requires(model.quant.cache.mode in ("cached", "recompute"))]
        on: bool,
        model: Model,
    }

    #[test]
    fn dotted_path_several_levels_deep() {
        let mut config = DeepDotted {
            on: true,
            model: Model::default(),
        };
        rejected_with(
            &config,
            "model.quant.cache.mode is one of \"cached\", \"recompute\"",
        );
        config.model.quant.cache.mode = Mode::Recompute;
        passes(&config);
    }

    #[derive(Validate, Default)]
    struct InOnlyIf {
        #[only_if(any(not(strict), every(modules != "decoder_x")))]
        flag: bool,
        strict: bool,
        modules: Vec<Module>,
    }

    #[test]
    fn conditions_in_only_if() {
        passes(&InOnlyIf {
            flag: true,
            strict: true,
            modules: vec![Module::Encoder],
        });
        rejects(
            &InOnlyIf {
                flag: true,
                strict: true,
                modules: vec![Module::Encoder, Module::DecoderX],
            },
            "flag",
            "only_if",
            Some("true"),
            "flag may be set only when not strict or every item of modules != \"decoder_x\"",
        );
    }
}

mod nested {
    use super::*;
    use std::collections::{BTreeMap, HashMap};

    #[derive(Validate, Default, Clone)]
    struct Layer {
        #[range(min = 1, max = 8)]
        bits: u8,
        #[one_of("fp32", "bf16")]
        precision: Precision,
    }

    impl Layer {
        fn good() -> Self {
            Layer {
                bits: 4,
                precision: Precision::Bf16,
            }
        }

        fn bad_bits() -> Self {
            Layer {
                bits: 9,
                precision: Precision::Bf16,
            }
        }
    }

    #[derive(Validate, Default)]
    struct Plain {
        #[nested]
        layer: Layer,
    }

    #[test]
    fn struct_field() {
        passes(&Plain {
            layer: Layer::good(),
        });
        rejects(
            &Plain {
                layer: Layer::bad_bits(),
            },
            "layer.bits",
            "range",
            Some("9"),
            "layer.bits must be between 1 and 8, not 9",
        );
    }

    #[derive(Validate, Default)]
    struct Optional {
        #[nested]
        layer: Option<Layer>,
    }

    #[test]
    fn option_field() {
        passes(&Optional { layer: None });
        passes(&Optional {
            layer: Some(Layer::good()),
        });
        rejects(
            &Optional {
                layer: Some(Layer::bad_bits()),
            },
            "layer.bits",
            "range",
            Some("9"),
            "layer.bits must be between 1 and 8, not 9",
        );
    }

    #[derive(Validate, Default)]
    struct List {
        #[nested]
        items: Vec<Layer>,
    }

    #[test]
    fn vec_field_reports_the_index() {
        passes(&List {
            items: vec![Layer::good(), Layer::good()],
        });
        rejects(
            &List {
                items: vec![Layer::good(), Layer::good(), Layer::bad_bits()],
            },
            "items[2].bits",
            "range",
            Some("9"),
            "items[2].bits must be between 1 and 8, not 9",
        );
    }

    #[test]
    fn vec_field_reports_every_bad_item_in_order() {
        let report = List {
            items: vec![
                Layer::bad_bits(),
                Layer::good(),
                Layer {
                    bits: 0,
                    precision: Precision::Fp8Exp,
                },
            ],
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            report.to_string(),
            "items[0].bits must be between 1 and 8, not 9\n\
             items[2].bits must be between 1 and 8, not 0\n\
             items[2].precision must be one of \"fp32\", \"bf16\", not \"fp8_exp\""
        );
    }

    #[derive(Validate, Default)]
    struct Hashed {
        #[nested]
        layers: HashMap<String, Layer>,
    }

    #[test]
    fn hash_map_field_reports_the_key() {
        passes(&Hashed {
            layers: HashMap::from([("enc".to_owned(), Layer::good())]),
        });
        rejects(
            &Hashed {
                layers: HashMap::from([("enc".to_owned(), Layer::bad_bits())]),
            },
            "layers[\"enc\"].bits",
            "range",
            Some("9"),
            "layers[\"enc\"].bits must be between 1 and 8, not 9",
        );
    }

    #[derive(Validate, Default)]
    struct Sorted {
        #[nested]
        layers: BTreeMap<String, Layer>,
    }

    #[test]
    fn btree_map_field_reports_keys_in_order() {
        passes(&Sorted {
            layers: BTreeMap::from([("enc".to_owned(), Layer::good())]),
        });
        let report = Sorted {
            layers: BTreeMap::from([
                ("enc".to_owned(), Layer::bad_bits()),
                ("dec".to_owned(), Layer::bad_bits()),
                ("mid".to_owned(), Layer::good()),
            ]),
        }
        .validate()
        .unwrap_err();
        let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
        assert_eq!(paths, ["layers[\"dec\"].bits", "layers[\"enc\"].bits"]);
    }

    #[derive(Validate, Default)]
    struct Boxed {
        #[nested]
        layer: Box<Layer>,
    }

    #[test]
    fn box_field() {
        passes(&Boxed {
            layer: Box::new(Layer::good()),
        });
        rejects(
            &Boxed {
                layer: Box::new(Layer {
                    bits: 4,
                    precision: Precision::Int8BlockExp,
                }),
            },
            "layer.precision",
            "one_of",
            Some("\"int8_block_exp\""),
            "layer.precision must be one of \"fp32\", \"bf16\", not \"int8_block_exp\"",
        );
    }

    #[derive(Validate, Default)]
    struct Grid {
        #[nested]
        rows: Vec<Vec<Layer>>,
    }

    #[test]
    fn vec_of_vecs() {
        rejects(
            &Grid {
                rows: vec![vec![], vec![Layer::good(), Layer::bad_bits()]],
            },
            "rows[1][1].bits",
            "range",
            Some("9"),
            "rows[1][1].bits must be between 1 and 8, not 9",
        );
    }

    #[derive(Validate, Default)]
    struct Quant {
        #[nested]
        layers: Vec<Layer>,
    }

    #[derive(Validate, Default)]
    struct Model {
        #[nested]
        quant: Quant,
    }

    #[derive(Validate, Default)]
    struct Root {
        #[nested]
        model: Model,
    }

    #[test]
    fn several_levels_deep() {
        passes(&Root::default());
        rejects(
            &Root {
                model: Model {
                    quant: Quant {
                        layers: vec![Layer::bad_bits()],
                    },
                },
            },
            "model.quant.layers[0].bits",
            "range",
            Some("9"),
            "model.quant.layers[0].bits must be between 1 and 8, not 9",
        );
    }

    #[derive(Validate, Default)]
    struct WithMessage {
        #[one_of("cached", message = "{path} is {value}; only \"cached\" is supported")]
        mode: Mode,
    }

    #[derive(Validate, Default)]
    struct Caches {
        #[nested]
        caches: Vec<WithMessage>,
    }

    #[test]
    fn path_placeholder_in_a_nested_message_is_the_full_path() {
        rejects(
            &Caches {
                caches: vec![
                    WithMessage { mode: Mode::Cached },
                    WithMessage {
                        mode: Mode::Recompute,
                    },
                ],
            },
            "caches[1].mode",
            "one_of",
            Some("\"recompute\""),
            "caches[1].mode is \"recompute\"; only \"cached\" is supported",
        );
    }

    #[derive(Validate, Default)]
    struct Cache {
        enable: bool,
        #[requires(enable)]
        dir: String,
    }

    #[derive(Validate, Default)]
    struct Outer {
        #[nested]
        cache: Cache,
    }

    #[test]
    fn nested_conditions_are_read_in_the_nested_struct() {
        passes(&Outer {
            cache: Cache {
                enable: true,
                dir: "/tmp".into(),
            },
        });
        rejects(
            &Outer {
                cache: Cache {
                    enable: false,
                    dir: "/tmp".into(),
                },
            },
            "cache.dir",
            "requires",
            Some("\"/tmp\""),
            "cache.dir requires enable",
        );
    }
}

mod range {
    use super::*;

    #[derive(Validate, Default)]
    struct Both {
        #[range(min = 1, max = 10)]
        workers: u32,
    }

    #[test]
    fn bounds_are_inclusive() {
        passes(&Both { workers: 1 });
        passes(&Both { workers: 10 });
    }

    #[test]
    fn below_min_is_rejected() {
        rejects(
            &Both { workers: 0 },
            "workers",
            "range",
            Some("0"),
            "workers must be between 1 and 10, not 0",
        );
    }

    #[test]
    fn above_max_is_rejected() {
        rejects(
            &Both { workers: 11 },
            "workers",
            "range",
            Some("11"),
            "workers must be between 1 and 10, not 11",
        );
    }

    #[derive(Validate, Default)]
    struct MinOnly {
        #[range(min = 1)]
        workers: usize,
    }

    #[test]
    fn min_alone() {
        passes(&MinOnly {
            workers: usize::MAX,
        });
        rejects(
            &MinOnly { workers: 0 },
            "workers",
            "range",
            Some("0"),
            "workers must be at least 1, not 0",
        );
    }

    #[derive(Validate, Default)]
    struct MaxOnly {
        #[range(max = 100)]
        window: u64,
    }

    #[test]
    fn max_alone() {
        passes(&MaxOnly { window: 0 });
        rejects(
            &MaxOnly { window: 101 },
            "window",
            "range",
            Some("101"),
            "window must be at most 100, not 101",
        );
    }

    #[derive(Validate, Default)]
    struct Negative {
        #[range(min = -10, max = -1)]
        offset: i64,
    }

    #[test]
    fn negative_bounds() {
        passes(&Negative { offset: -10 });
        rejects(
            &Negative { offset: 0 },
            "offset",
            "range",
            Some("0"),
            "offset must be between -10 and -1, not 0",
        );
        rejects(
            &Negative { offset: -11 },
            "offset",
            "range",
            Some("-11"),
            "offset must be between -10 and -1, not -11",
        );
    }

    #[derive(Validate, Default)]
    struct Float {
        #[range(min = 0.5, max = 1.5)]
        ratio: f64,
    }

    #[test]
    fn float_bounds() {
        passes(&Float { ratio: 0.5 });
        passes(&Float { ratio: 1.5 });
        rejects(
            &Float { ratio: 1.75 },
            "ratio",
            "range",
            Some("1.75"),
            "ratio must be between 0.5 and 1.5, not 1.75",
        );
        rejects(
            &Float { ratio: 0.25 },
            "ratio",
            "range",
            Some("0.25"),
            "ratio must be between 0.5 and 1.5, not 0.25",
        );
    }

    #[test]
    fn nan_is_out_of_range() {
        rejects(
            &Float { ratio: f64::NAN },
            "ratio",
            "range",
            Some("NaN"),
            "ratio must be between 0.5 and 1.5, not NaN",
        );
    }

    #[derive(Validate, Default)]
    struct FloatMin {
        #[range(min = 0.0)]
        lr: f64,
    }

    #[test]
    fn float_min_alone() {
        passes(&FloatMin { lr: 3e-4 });
        rejects(
            &FloatMin { lr: -0.5 },
            "lr",
            "range",
            Some("-0.5"),
            "lr must be at least 0.0, not -0.5",
        );
        rejects(
            &FloatMin { lr: f64::NAN },
            "lr",
            "range",
            Some("NaN"),
            "lr must be at least 0.0, not NaN",
        );
    }

    #[derive(Validate, Default)]
    struct Optional {
        #[range(min = 1, max = 64)]
        bits: Option<u8>,
    }

    #[test]
    fn option_none_passes() {
        passes(&Optional { bits: None });
        passes(&Optional { bits: Some(64) });
        rejects(
            &Optional { bits: Some(65) },
            "bits",
            "range",
            Some("65"),
            "bits must be between 1 and 64, not 65",
        );
    }

    #[derive(Validate, Default)]
    struct Saved {
        #[range(max = 8)]
        bits: u8,
    }

    #[derive(Validate, Default)]
    struct At {
        #[range(min = 2, at = bits)]
        saved: Saved,
    }

    #[test]
    fn at_a_subfield() {
        passes(&At {
            saved: Saved { bits: 4 },
        });
        rejects(
            &At {
                saved: Saved { bits: 1 },
            },
            "saved.bits",
            "range",
            Some("1"),
            "saved.bits must be at least 2, not 1",
        );
    }

    #[derive(Validate, Default)]
    struct Single {
        #[range(max = 1.0)]
        scale: f32,
    }

    /// An `f32` is reported as it is written, not as the `f64` nearest to it.
    #[test]
    fn f32_value_is_reported_as_written() {
        passes(&Single { scale: 1.0 });
        rejects(
            &Single { scale: 1.1 },
            "scale",
            "range",
            Some("1.1"),
            "scale must be at most 1.0, not 1.1",
        );
    }
}

mod length {
    use super::*;
    use std::collections::HashMap;

    #[derive(Validate, Default)]
    struct Text {
        #[length(min = 1, max = 3)]
        code: String,
    }

    #[test]
    fn string_length_counts_chars_not_bytes() {
        passes(&Text {
            code: "héé".into()
        });
        rejects(
            &Text {
                code: "héllo".into(),
            },
            "code",
            "length",
            Some("5"),
            "code must have a length of between 1 and 3, not 5",
        );
    }

    #[test]
    fn empty_string_is_below_min() {
        rejects(
            &Text::default(),
            "code",
            "length",
            Some("0"),
            "code must have a length of between 1 and 3, not 0",
        );
    }

    #[derive(Validate, Default)]
    struct List {
        #[length(max = 2)]
        modules: Vec<Module>,
    }

    #[test]
    fn vec_length_counts_items() {
        passes(&List {
            modules: vec![Module::Encoder, Module::DecoderX],
        });
        rejects(
            &List {
                modules: vec![Module::Encoder, Module::DecoderX, Module::DecoderY],
            },
            "modules",
            "length",
            Some("3"),
            "modules must have a length of at most 2, not 3",
        );
    }

    #[derive(Validate, Default)]
    struct Equal {
        #[length(equal = 2)]
        pair: Vec<u8>,
    }

    #[test]
    fn equal() {
        passes(&Equal { pair: vec![1, 2] });
        rejects(
            &Equal { pair: vec![1] },
            "pair",
            "length",
            Some("1"),
            "pair must have a length of exactly 2, not 1",
        );
        rejects(
            &Equal {
                pair: vec![1, 2, 3],
            },
            "pair",
            "length",
            Some("3"),
            "pair must have a length of exactly 2, not 3",
        );
    }

    #[derive(Validate, Default)]
    struct MinOnly {
        #[length(min = 2)]
        layers: HashMap<String, u8>,
    }

    #[test]
    fn map_length_counts_entries() {
        passes(&MinOnly {
            layers: HashMap::from([("a".to_owned(), 1), ("b".to_owned(), 2)]),
        });
        rejects(
            &MinOnly {
                layers: HashMap::from([("a".to_owned(), 1)]),
            },
            "layers",
            "length",
            Some("1"),
            "layers must have a length of at least 2, not 1",
        );
    }

    #[derive(Validate, Default)]
    struct Optional {
        #[length(max = 4)]
        name: Option<String>,
    }

    #[test]
    fn option_none_passes() {
        passes(&Optional { name: None });
        passes(&Optional {
            name: Some("abcd".into()),
        });
        rejects(
            &Optional {
                name: Some("abcde".into()),
            },
            "name",
            "length",
            Some("5"),
            "name must have a length of at most 4, not 5",
        );
    }
}

mod non_empty {
    use super::*;

    #[derive(Validate, Default)]
    struct Text {
        #[non_empty]
        name: String,
    }

    #[test]
    fn string() {
        passes(&Text { name: "a".into() });
        rejects(
            &Text::default(),
            "name",
            "non_empty",
            None,
            "name must not be empty",
        );
    }

    #[derive(Validate, Default)]
    struct List {
        #[non_empty]
        modules: Vec<Module>,
    }

    #[test]
    fn vec() {
        passes(&List {
            modules: vec![Module::Encoder],
        });
        rejects(
            &List::default(),
            "modules",
            "non_empty",
            None,
            "modules must not be empty",
        );
    }

    #[derive(Validate, Default)]
    struct Optional {
        #[non_empty]
        name: Option<String>,
    }

    #[test]
    fn option_none_passes_and_some_empty_is_rejected() {
        passes(&Optional { name: None });
        passes(&Optional {
            name: Some("a".into()),
        });
        rejects(
            &Optional {
                name: Some(String::new()),
            },
            "name",
            "non_empty",
            None,
            "name must not be empty",
        );
    }

    #[derive(Validate, Default)]
    struct Cache {
        dir: String,
    }

    #[derive(Validate, Default)]
    struct At {
        #[non_empty(at = dir)]
        cache: Cache,
    }

    #[test]
    fn at_a_subfield() {
        passes(&At {
            cache: Cache { dir: "/tmp".into() },
        });
        rejects(
            &At::default(),
            "cache.dir",
            "non_empty",
            None,
            "cache.dir must not be empty",
        );
    }
}

mod custom {
    use super::*;
    use std::fmt;

    fn even(value: &u32) -> Result<(), String> {
        if value.is_multiple_of(2) {
            Ok(())
        } else {
            Err(format!("{value} is odd"))
        }
    }

    mod checks {
        use std::fmt;

        pub struct NotAPath(pub String);

        impl fmt::Display for NotAPath {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{:?} is not an absolute path", self.0)
            }
        }

        #[allow(clippy::ptr_arg)] // a custom check takes `&T` of the field's type
        pub fn absolute(dir: &String) -> Result<(), NotAPath> {
            if dir.starts_with('/') {
                Ok(())
            } else {
                Err(NotAPath(dir.to_owned()))
            }
        }
    }

    #[derive(Validate, Default)]
    struct ListForm {
        #[custom(even)]
        window: u32,
    }

    #[test]
    fn list_form_uses_the_errors_display() {
        passes(&ListForm { window: 4 });
        rejects(
            &ListForm { window: 7 },
            "window",
            "custom",
            Some("7"),
            "7 is odd",
        );
    }

    #[derive(Validate, Default)]
    struct PathForm {
        #[custom(checks::absolute)]
        dir: String,
    }

    #[test]
    fn function_by_path_with_its_own_error_type() {
        passes(&PathForm { dir: "/tmp".into() });
        rejects(
            &PathForm { dir: "tmp".into() },
            "dir",
            "custom",
            Some("\"tmp\""),
            "\"tmp\" is not an absolute path",
        );
    }

    #[derive(Validate, Default)]
    struct WithMessage {
        #[custom(even, message = "{path} must be even, not {value}")]
        window: u32,
    }

    #[test]
    fn message_replaces_the_errors_display() {
        passes(&WithMessage { window: 2 });
        rejects(
            &WithMessage { window: 3 },
            "window",
            "custom",
            Some("3"),
            "window must be even, not 3",
        );
    }

    #[derive(Debug, Default)]
    struct Opaque(u8);

    struct TooBig;

    impl fmt::Display for TooBig {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("too big")
        }
    }

    fn small(value: &Opaque) -> Result<(), TooBig> {
        if value.0 < 10 { Ok(()) } else { Err(TooBig) }
    }

    #[derive(Validate, Default)]
    struct OnOwnType {
        #[custom(small)]
        opaque: Opaque,
    }

    #[test]
    fn type_lowbit_cannot_describe_has_no_value() {
        passes(&OnOwnType { opaque: Opaque(1) });
        rejects(
            &OnOwnType { opaque: Opaque(10) },
            "opaque",
            "custom",
            None,
            "too big",
        );
    }

    #[allow(clippy::ptr_arg)] // a custom check takes `&T` of the field's type
    fn short(list: &Vec<u8>) -> Result<(), &'static str> {
        if list.len() <= 2 {
            Ok(())
        } else {
            Err("too long")
        }
    }

    #[derive(Validate, Default)]
    struct OnVec {
        #[custom(short)]
        list: Vec<u8>,
    }

    #[test]
    fn on_a_collection() {
        passes(&OnVec { list: vec![1, 2] });
        rejects(
            &OnVec {
                list: vec![1, 2, 3],
            },
            "list",
            "custom",
            None,
            "too long",
        );
    }

    #[derive(Validate, Default)]
    struct Window {
        size: u32,
    }

    #[derive(Validate, Default)]
    struct At {
        #[custom(even, at = size)]
        window: Window,
    }

    #[test]
    fn at_a_subfield() {
        passes(&At {
            window: Window { size: 8 },
        });
        rejects(
            &At {
                window: Window { size: 9 },
            },
            "window.size",
            "custom",
            Some("9"),
            "9 is odd",
        );
    }
}

mod messages {
    use super::*;

    #[derive(Validate, Default)]
    struct Placeholders {
        #[one_of("bf16", message = "{path} = {value} is not supported here")]
        precision: Precision,
    }

    #[test]
    fn path_and_value_placeholders() {
        passes(&Placeholders::default());
        rejects(
            &Placeholders {
                precision: Precision::Fp32,
            },
            "precision",
            "one_of",
            Some("\"fp32\""),
            "precision = \"fp32\" is not supported here",
        );
    }

    #[derive(Validate, Default)]
    struct Braces {
        #[none_of("root", message = "{{path}} is {path}, {{value}} is {value}; {{}}")]
        user: String,
    }

    #[test]
    fn doubled_braces_are_literal_braces() {
        rejects(
            &Braces {
                user: "root".into(),
            },
            "user",
            "none_of",
            Some("\"root\""),
            "{path} is user, {value} is \"root\"; {}",
        );
    }

    #[derive(Validate, Default)]
    struct Fixed {
        enable: bool,
        #[requires(enable, message = "set enable before dir")]
        dir: String,
    }

    #[test]
    fn message_without_placeholders() {
        rejects(
            &Fixed {
                enable: false,
                dir: "d".into(),
            },
            "dir",
            "requires",
            Some("\"d\""),
            "set enable before dir",
        );
    }

    #[derive(Validate, Default)]
    struct NoValue {
        #[non_empty(message = "{path} is empty ({value})")]
        name: String,
    }

    #[test]
    fn value_placeholder_without_a_value() {
        rejects(
            &NoValue::default(),
            "name",
            "non_empty",
            None,
            "name is empty ((no value))",
        );
    }

    #[derive(Validate, Default)]
    struct OnEveryRule {
        #[one_of("a", message = "m1")]
        #[none_of("b", message = "m2")]
        #[length(max = 1, message = "m3 {value}")]
        name: String,
        #[range(max = 1, message = "m4 {value}")]
        count: u8,
        #[required_if(strict, message = "m5 {path}")]
        dir: String,
        #[conflicts_with(strict, message = "m6")]
        tag: String,
        #[only_if(not(strict), message = "m7")]
        legacy: bool,
        strict: bool,
    }

    #[test]
    fn every_rule_takes_a_message() {
        let report = OnEveryRule {
            name: "bb".into(),
            count: 2,
            dir: String::new(),
            tag: "t".into(),
            legacy: true,
            strict: true,
        }
        .validate()
        .unwrap_err();
        assert_eq!(report.to_string(), "m1\nm3 2\nm4 2\nm5 dir\nm6\nm7");
        let report = OnEveryRule {
            name: "b".into(),
            ..OnEveryRule::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(report.to_string(), "m1\nm2");
    }
}

mod gate {
    use super::*;

    #[derive(Validate, Default)]
    #[validate(gate = enable)]
    struct Quant {
        enable: bool,
        #[none_of("disabled")]
        mode: Mode,
        #[range(min = 1, max = 8)]
        bits: u8,
        #[requires(enable, ungated)]
        dir: String,
    }

    #[test]
    fn gated_rules_are_skipped_while_the_gate_is_off() {
        passes(&Quant::default());
    }

    #[test]
    fn gated_rules_are_checked_while_the_gate_is_on() {
        let report = Quant {
            enable: true,
            ..Quant::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            report.to_string(),
            "mode must not be \"disabled\"\nbits must be between 1 and 8, not 0"
        );
        passes(&Quant {
            enable: true,
            mode: Mode::Cached,
            bits: 4,
            dir: "/tmp".into(),
        });
    }

    #[test]
    fn ungated_rules_are_checked_while_the_gate_is_off() {
        rejects(
            &Quant {
                enable: false,
                dir: "/tmp".into(),
                ..Quant::default()
            },
            "dir",
            "requires",
            Some("\"/tmp\""),
            "dir requires enable",
        );
    }

    #[derive(Validate, Default)]
    struct Layer {
        #[range(max = 8)]
        bits: u8,
    }

    #[derive(Validate, Default)]
    #[validate(gate = backend)]
    struct ByOption {
        backend: Option<String>,
        #[nested]
        layer: Layer,
    }

    #[test]
    fn gate_on_an_option_also_gates_nested() {
        passes(&ByOption {
            backend: None,
            layer: Layer { bits: 9 },
        });
        rejects(
            &ByOption {
                backend: Some("cuda".into()),
                layer: Layer { bits: 9 },
            },
            "layer.bits",
            "range",
            Some("9"),
            "layer.bits must be at most 8, not 9",
        );
    }

    #[derive(Validate, Default)]
    struct Switch {
        on: bool,
    }

    #[derive(Validate, Default)]
    #[validate(gate = switch.on)]
    struct DottedGate {
        switch: Switch,
        #[non_empty]
        name: String,
    }

    #[test]
    fn gate_on_a_dotted_path() {
        passes(&DottedGate::default());
        rejects(
            &DottedGate {
                switch: Switch { on: true },
                name: String::new(),
            },
            "name",
            "non_empty",
            None,
            "name must not be empty",
        );
    }
}

mod report {
    use super::*;

    #[derive(Validate, Default)]
    struct Rho {
        #[one_of("fp32", "bf16")]
        #[conflicts_with(compression = "fp8_block_exp", when = "fp8_exp")]
        precision: Precision,
        #[none_of("fp8_block_exp")]
        #[only_if(interval = "chunk")]
        compression: Compression,
        interval: Interval,
        #[range(min = 1)]
        window: u32,
    }

    fn broken() -> Rho {
        Rho {
            precision: Precision::Fp8Exp,
            compression: Compression::Fp8BlockExp,
            interval: Interval::Step,
            window: 0,
        }
    }

    const BROKEN: &str = "precision must be one of \"fp32\", \"bf16\", not \"fp8_exp\"\n\
                          precision = \"fp8_exp\" conflicts with compression = \"fp8_block_exp\"\n\
                          compression must not be \"fp8_block_exp\"\n\
                          compression may be set only when interval = \"chunk\"\n\
                          window must be at least 1, not 0";

    #[test]
    fn every_violated_rule_is_reported_in_field_then_rule_order() {
        let report = broken().validate().unwrap_err();
        assert_eq!(report.len(), 5);
        let codes: Vec<&str> = report.iter().map(Violation::code).collect();
        assert_eq!(
            codes,
            ["one_of", "conflicts_with", "none_of", "only_if", "range"]
        );
        let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
        assert_eq!(
            paths,
            [
                "precision",
                "precision",
                "compression",
                "compression",
                "window"
            ]
        );
    }

    #[test]
    fn display_joins_messages_with_newlines() {
        assert_eq!(broken().validate().unwrap_err().to_string(), BROKEN);
    }

    #[test]
    fn for_loop_over_a_borrowed_report() {
        let report: Report = broken().validate().unwrap_err();
        let mut lines = Vec::new();
        for violation in &report {
            lines.push(violation.to_string());
        }
        assert_eq!(lines.join("\n"), BROKEN);
        assert_eq!(report.violations().len(), lines.len());
    }

    #[test]
    fn owned_report_iterates_its_violations() {
        let values: Vec<Option<String>> = broken()
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|v| v.value().map(ToString::to_string))
            .collect();
        assert_eq!(
            values,
            [
                Some("\"fp8_exp\"".to_owned()),
                Some("\"fp8_exp\"".to_owned()),
                Some("\"fp8_block_exp\"".to_owned()),
                Some("\"fp8_block_exp\"".to_owned()),
                Some("0".to_owned()),
            ]
        );
    }

    #[test]
    fn valid_config_gives_ok() {
        assert_eq!(
            Rho {
                window: 1,
                ..Rho::default()
            }
            .validate(),
            Ok(())
        );
    }

    fn load(config: &Rho) -> Result<u32, Box<dyn std::error::Error>> {
        config.validate()?;
        Ok(config.window)
    }

    #[test]
    fn question_mark_into_box_dyn_error() {
        assert_eq!(
            load(&Rho {
                window: 3,
                ..Rho::default()
            })
            .unwrap(),
            3
        );
        let error = load(&broken()).unwrap_err();
        assert_eq!(error.to_string(), BROKEN);
        let report = error.downcast::<Report>().expect("a Report");
        assert_eq!(report.len(), 5);
    }
}

mod serde_names {
    use super::*;
    use serde::de::value::{Error as DeError, MapDeserializer, StrDeserializer};

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    struct Rho {
        #[only_if(compression_interval = "chunk")]
        block_compression: Compression,
        compression_interval: Interval,
        #[range(min = 1)]
        max_window_size: u32,
    }

    #[test]
    fn rename_all_camel_case_gives_camel_case_paths() {
        passes(&Rho {
            max_window_size: 1,
            ..Rho::default()
        });
        let report = Rho {
            block_compression: Compression::Int8BlockExp,
            compression_interval: Interval::Step,
            max_window_size: 0,
        }
        .validate()
        .unwrap_err();
        let violations = report.violations();
        assert_eq!(violations.len(), 2);
        check(
            &violations[0],
            "blockCompression",
            "only_if",
            Some("\"int8_block_exp\""),
            "blockCompression may be set only when compressionInterval = \"chunk\"",
        );
        check(
            &violations[1],
            "maxWindowSize",
            "range",
            Some("0"),
            "maxWindowSize must be at least 1, not 0",
        );
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase", default, deny_unknown_fields)]
    struct Strict {
        #[only_if(compression_interval = "chunk")]
        block_compression: Compression,
        compression_interval: Interval,
    }

    #[test]
    fn camel_case_paths_are_the_names_serde_reads() {
        let strict = Strict::deserialize(MapDeserializer::<_, DeError>::new(
            [
                ("blockCompression", "int8_block_exp"),
                ("compressionInterval", "step"),
            ]
            .into_iter(),
        ))
        .unwrap_or_else(|e| panic!("serde rejected the names: {e}"));
        let violation = support::single(&strict);
        assert_eq!(violation.path().to_string(), "blockCompression");
        assert_eq!(
            violation.to_string(),
            "blockCompression may be set only when compressionInterval = \"chunk\""
        );
    }

    #[derive(Deserialize, Validate, Default)]
    struct Inner {
        #[none_of("recompute")]
        saved_mode: Mode,
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        #[nested]
        saved_activations: Inner,
    }

    #[test]
    fn nested_paths_mix_each_structs_own_names() {
        rejects(
            &Outer {
                saved_activations: Inner {
                    saved_mode: Mode::Recompute,
                },
            },
            "savedActivations.saved_mode",
            "none_of",
            Some("\"recompute\""),
            "savedActivations.saved_mode must not be \"recompute\"",
        );
    }

    #[derive(Deserialize, Validate, Default)]
    struct Renamed {
        #[serde(rename = "type")]
        #[one_of("linear", "conv")]
        kind: String,
        #[requires(kind = "conv")]
        #[serde(rename = "kernelSize")]
        kernel: Option<u32>,
    }

    #[test]
    fn rename_on_a_field() {
        passes(&Renamed {
            kind: "conv".into(),
            kernel: Some(3),
        });
        let report = Renamed {
            kind: "pool".into(),
            kernel: Some(3),
        }
        .validate()
        .unwrap_err();
        let violations = report.violations();
        assert_eq!(violations.len(), 2);
        check(
            &violations[0],
            "type",
            "one_of",
            Some("\"pool\""),
            "type must be one of \"linear\", \"conv\", not \"pool\"",
        );
        check(
            &violations[1],
            "kernelSize",
            "requires",
            Some("3"),
            "kernelSize requires type = \"conv\"",
        );
    }

    #[derive(Deserialize, Validate, Default, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Format {
        #[default]
        Fp16,
        #[serde(rename = "fp8-e4m3")]
        Fp8E4m3,
        #[serde(rename(deserialize = "int-8", serialize = "int8"))]
        Int8,
    }

    #[derive(Validate, Default)]
    struct UsesFormat {
        #[one_of("fp16", "fp8-e4m3")]
        format: Format,
    }

    #[test]
    fn rename_on_a_variant() {
        passes(&UsesFormat {
            format: Format::Fp8E4m3,
        });
        rejects(
            &UsesFormat {
                format: Format::Int8,
            },
            "format",
            "one_of",
            Some("\"int-8\""),
            "format must be one of \"fp16\", \"fp8-e4m3\", not \"int-8\"",
        );
        assert_eq!(Format::NAMES, ["fp16", "fp8-e4m3", "int-8"]);
    }

    #[derive(Deserialize, Validate, Default)]
    struct Raw {
        #[one_of("dense", "sparse")]
        r#type: String,
        #[requires(r#type = "sparse")]
        r#density: Option<f32>,
    }

    #[test]
    fn raw_identifiers_lose_their_prefix() {
        passes(&Raw {
            r#type: "sparse".into(),
            density: Some(0.5),
        });
        let report = Raw {
            r#type: "tiled".into(),
            density: Some(0.5),
        }
        .validate()
        .unwrap_err();
        let violations = report.violations();
        assert_eq!(violations.len(), 2);
        check(
            &violations[0],
            "type",
            "one_of",
            Some("\"tiled\""),
            "type must be one of \"dense\", \"sparse\", not \"tiled\"",
        );
        check(
            &violations[1],
            "density",
            "requires",
            Some("0.5"),
            "density requires type = \"sparse\"",
        );
    }

    #[derive(Deserialize, Validate, Default)]
    struct Kernel {
        r#type: String,
    }

    #[derive(Deserialize, Validate, Default)]
    struct RawAt {
        #[one_of("conv", at = r#type)]
        kernel: Kernel,
    }

    #[test]
    fn raw_identifier_in_at() {
        passes(&RawAt {
            kernel: Kernel {
                r#type: "conv".into(),
            },
        });
        rejects(
            &RawAt {
                kernel: Kernel {
                    r#type: "pool".into(),
                },
            },
            "kernel.type",
            "one_of",
            Some("\"pool\""),
            "kernel.type must be \"conv\", not \"pool\"",
        );
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    struct CamelCache {
        saved_mode: Mode,
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    struct CamelAt {
        #[one_of("cached", at = saved_mode)]
        cache_config: CamelCache,
    }

    #[test]
    fn at_paths_use_each_structs_serde_names() {
        passes(&CamelAt {
            cache_config: CamelCache {
                saved_mode: Mode::Cached,
            },
        });
        rejects(
            &CamelAt::default(),
            "cacheConfig.savedMode",
            "one_of",
            Some("\"disabled\""),
            "cacheConfig.savedMode must be \"cached\", not \"disabled\"",
        );
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase", default, deny_unknown_fields)]
    struct Underscored {
        #[range(max = 1)]
        _reserved: u8,
    }

    /// serde spells `_reserved` under camelCase as `reserved`.
    #[test]
    fn camel_case_of_a_leading_underscore_field_matches_serde() {
        let read = Underscored::deserialize(MapDeserializer::<_, DeError>::new(
            [("reserved", 2_u8)].into_iter(),
        ))
        .unwrap_or_else(|e| panic!("serde rejected the name: {e}"));
        rejects(
            &read,
            "reserved",
            "range",
            Some("2"),
            "reserved must be at most 1, not 2",
        );
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "kebab-case")]
    enum Kebab {
        #[default]
        EvalOnly,
        TrainKernelExp,
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    enum Screaming {
        #[default]
        EvalOnly,
        TrainKernelExp,
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    enum Camel {
        #[default]
        EvalOnly,
        TrainKernelExp,
    }

    #[derive(Validate, Default)]
    struct Cases {
        #[one_of("eval-only")]
        kebab: Kebab,
        #[one_of("EVAL_ONLY")]
        screaming: Screaming,
        #[one_of("evalOnly")]
        camel: Camel,
    }

    #[test]
    fn rename_all_on_enums_gives_the_names_in_rules() {
        passes(&Cases::default());
        let report = Cases {
            kebab: Kebab::TrainKernelExp,
            screaming: Screaming::TrainKernelExp,
            camel: Camel::TrainKernelExp,
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            report.to_string(),
            "kebab must be \"eval-only\", not \"train-kernel-exp\"\n\
             screaming must be \"EVAL_ONLY\", not \"TRAIN_KERNEL_EXP\"\n\
             camel must be \"evalOnly\", not \"trainKernelExp\""
        );
    }

    /// Deserializes each of `T`'s serde names with serde itself.
    fn serde_agrees<T>()
    where
        T: VariantNames + for<'de> Deserialize<'de>,
    {
        for (index, name) in T::NAMES.iter().enumerate() {
            let value = T::deserialize(StrDeserializer::<DeError>::new(name))
                .unwrap_or_else(|e| panic!("serde does not read {name:?}: {e}"));
            assert_eq!(value.variant_index(), index, "{name}");
        }
    }

    #[test]
    fn variant_names_are_the_names_serde_reads() {
        serde_agrees::<Precision>();
        serde_agrees::<Compression>();
        serde_agrees::<Format>();
        serde_agrees::<Kebab>();
        serde_agrees::<Screaming>();
        serde_agrees::<Camel>();
    }
}

mod variant_names {
    use super::*;

    #[derive(Deserialize, Validate, Default, Debug)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)] // the data is there to show variants with fields have names too
    enum Interval {
        Step,
        #[default]
        Chunk,
        EvalOnly,
        #[serde(rename = "every-n")]
        EveryN(u32),
        Custom {
            steps: u32,
        },
    }

    #[test]
    fn names_in_declaration_order() {
        assert_eq!(
            Interval::NAMES,
            ["step", "chunk", "eval_only", "every-n", "custom"]
        );
        assert_eq!(
            Interval::RUST_NAMES,
            ["Step", "Chunk", "EvalOnly", "EveryN", "Custom"]
        );
        assert_eq!(Interval::TYPE_NAME, "Interval");
    }

    #[test]
    fn serde_name_of_a_value() {
        assert_eq!(Interval::EvalOnly.serde_name(), "eval_only");
        assert_eq!(Interval::EveryN(3).serde_name(), "every-n");
        assert_eq!(Interval::Custom { steps: 2 }.serde_name(), "custom");
        assert_eq!(Interval::Custom { steps: 2 }.variant_index(), 4);
    }

    #[test]
    fn default_name() {
        assert_eq!(Interval::default_name(), Some("chunk"));
        assert_eq!(Interval::DEFAULT, Some(1));
        assert_eq!(Module::default_name(), None);
    }

    #[test]
    fn index_of() {
        assert_eq!(Interval::index_of("step"), Some(0));
        assert_eq!(Interval::index_of("every-n"), Some(3));
        assert_eq!(Interval::index_of("EvalOnly"), None);
        assert_eq!(Interval::index_of("nope"), None);
    }

    #[derive(Validate, Default)]
    struct UsesDataVariants {
        #[none_of("every-n", "custom")]
        interval: Interval,
    }

    #[test]
    fn variants_with_data_are_compared_by_name() {
        passes(&UsesDataVariants::default());
        rejects(
            &UsesDataVariants {
                interval: Interval::EveryN(4),
            },
            "interval",
            "none_of",
            Some("\"every-n\""),
            "interval must not be \"every-n\"",
        );
    }
}

/// The shipped example config, end to end.
mod shipped_config {
    use super::*;
    use lowbit_core::config::{
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
}

/// Behaviour fixed after the first review of this suite.
mod fixes {
    use super::*;

    #[derive(Deserialize, Validate, Default)]
    struct Common {
        #[range(max = 8)]
        bits: u8,
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(default)]
    struct Flattened {
        #[serde(flatten)]
        #[nested]
        common: Common,
        #[requires(common.bits = 4)]
        packed: bool,
    }

    #[test]
    fn flattened_fields_report_at_the_parents_level() {
        let read: Flattened =
            serde::Deserialize::deserialize(serde::de::value::MapDeserializer::<
                _,
                serde::de::value::Error,
            >::new([("bits", 9_u8)].into_iter()))
            .unwrap_or_else(|e| panic!("serde rejected the document: {e}"));
        rejects(
            &read,
            "bits",
            "range",
            Some("9"),
            "bits must be at most 8, not 9",
        );
        rejects(
            &Flattened {
                common: Common { bits: 2 },
                packed: true,
            },
            "packed",
            "requires",
            Some("true"),
            "packed requires bits = 4",
        );
    }

    #[derive(Validate, Default)]
    struct Ratio {
        #[range(min = 0, max = 1)]
        ratio: f64,
        #[one_of(1, 2)]
        scale: f32,
        #[range(min = -3)]
        offset: Option<f64>,
    }

    #[test]
    fn integer_literals_bound_floats() {
        passes(&Ratio {
            ratio: 0.5,
            scale: 2.0,
            offset: None,
        });
        rejects(
            &Ratio {
                ratio: 1.5,
                scale: 1.0,
                offset: Some(0.0),
            },
            "ratio",
            "range",
            Some("1.5"),
            "ratio must be between 0 and 1, not 1.5",
        );
        rejects(
            &Ratio {
                ratio: 0.0,
                scale: 1.5,
                offset: Some(-3.5),
            }
            .scale_only(),
            "scale",
            "one_of",
            Some("1.5"),
            "scale must be one of 1, 2, not 1.5",
        );
        rejects(
            &Ratio {
                ratio: 0.0,
                scale: 1.0,
                offset: Some(-3.5),
            },
            "offset",
            "range",
            Some("-3.5"),
            "offset must be at least -3, not -3.5",
        );
    }

    impl Ratio {
        fn scale_only(self) -> Self {
            Ratio {
                offset: None,
                ..self
            }
        }
    }

    #[derive(Validate, Default)]
    struct Whole {
        #[range(max = 1.0)]
        y: f64,
    }

    #[test]
    fn whole_floats_keep_their_point() {
        rejects(
            &Whole { y: 2.0 },
            "y",
            "range",
            Some("2.0"),
            "y must be at most 1.0, not 2.0",
        );
    }

    #[allow(clippy::unnecessary_wraps)]
    fn lowercase(text: &str) -> Result<(), String> {
        if text.chars().all(|c| !c.is_uppercase()) {
            Ok(())
        } else {
            Err(format!("{text:?} has capitals"))
        }
    }

    mod checks {
        pub fn short(items: &[u8]) -> Result<(), &'static str> {
            if items.len() < 3 {
                Ok(())
            } else {
                Err("too long")
            }
        }
    }

    #[derive(Validate, Default)]
    struct Names {
        #[custom(lowercase)]
        name: String,
        #[custom = "checks::short"]
        bytes: Vec<u8>,
    }

    #[test]
    fn custom_functions_take_deref_targets_and_string_paths() {
        passes(&Names {
            name: "ok".into(),
            bytes: vec![1],
        });
        rejects(
            &Names {
                name: "No".into(),
                bytes: vec![],
            },
            "name",
            "custom",
            Some("\"No\""),
            "\"No\" has capitals",
        );
        rejects(
            &Names {
                name: String::new(),
                bytes: vec![1, 2, 3],
            },
            "bytes",
            "custom",
            None,
            "too long",
        );
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "snake_case")]
    enum Cache {
        #[default]
        Off,
        Cached,
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        saved_mode: Cache,
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        inner_cfg: Inner,
        #[requires(inner_cfg.saved_mode = "cached")]
        use_cache: bool,
    }

    #[test]
    fn default_messages_spell_nested_fields_by_serde_name() {
        rejects(
            &Outer {
                use_cache: true,
                ..Outer::default()
            },
            "useCache",
            "requires",
            Some("true"),
            "useCache requires innerCfg.savedMode = \"cached\"",
        );
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "snake_case")]
    enum Module {
        #[default]
        Encoder,
        Decoder,
        Head,
    }

    #[derive(Validate, Default)]
    struct Modules {
        #[requires(every(modules in ("encoder", "decoder")))]
        modules: Vec<Module>,
    }

    #[test]
    fn a_field_holds_its_own_items_to_a_list() {
        passes(&Modules::default());
        passes(&Modules {
            modules: vec![Module::Encoder, Module::Decoder],
        });
        rejects(
            &Modules {
                modules: vec![Module::Encoder, Module::Head],
            },
            "modules",
            "requires",
            None,
            "modules requires every item of modules is one of \"encoder\", \"decoder\"",
        );
    }
}
