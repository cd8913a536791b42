//! `warn` on every rule: a broken warning rule is reported by `report()`,
//! never makes `validate()` fail, and rides along in the report of a
//! `validate()` that fails for an error.

use super::*;
use crate::support::check;
use lowbit_core::{Location, Path};
use std::any::Any;

/// `config` is valid (by `validate` and `is_valid`), and `report()` holds
/// exactly one violation, a warning, the one described.
#[track_caller]
fn warns(config: &dyn Validate, path: &str, code: &str, value: Option<&str>, message: &str) {
    if let Err(report) = config.validate() {
        panic!("a warning failed validate():\n{report}");
    }
    assert!(config.is_valid(), "is_valid disagrees with validate");
    let report = config.report();
    assert!(!report.has_errors(), "{report}");
    assert_eq!(report.len(), 1, "expected one warning, got:\n{report}");
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    check(warning, path, code, value, message);
}

fn even(value: &u32) -> Result<(), String> {
    if value.is_multiple_of(2) {
        Ok(())
    } else {
        Err(format!("{value} is odd"))
    }
}

struct Known(Vec<&'static str>);

fn known(name: &str, known: &Known) -> Result<(), String> {
    if known.0.contains(&name) {
        Ok(())
    } else {
        Err(format!("no model named {name:?}"))
    }
}

/// Every rule that takes `warn`, each with its default message, which a
/// warning words with "should".
#[derive(Validate, Default)]
struct Advice {
    #[one_of("bf16", "fp32", warn)]
    precision: Precision,
    #[none_of("eval_only", warn)]
    interval: Interval,
    #[requires(enable, warn)]
    dir: String,
    enable: bool,
    #[only_if(enable, warn)]
    compress: bool,
    #[required_if(enable, warn)]
    name: Option<String>,
    #[conflicts_with(compress, warn)]
    verbose: bool,
    #[range(min = 8, max = 64, warn)]
    batch: u32,
    #[length(max = 3, warn)]
    modules: Vec<Module>,
    #[non_empty(warn)]
    tags: Vec<String>,
    #[forbidden(warn)]
    legacy: Option<String>,
    #[custom(even, warn)]
    window: u32,
}

#[derive(Validate, Default)]
struct Registered {
    #[custom(known, context, warn)]
    model: String,
}

impl Advice {
    /// A config that breaks none of its rules.
    fn fine() -> Self {
        Advice {
            dir: String::new(),
            batch: 16,
            tags: vec!["a".into()],
            ..Advice::default()
        }
    }
}

#[test]
fn a_config_without_warnings_reports_nothing() {
    let fine = Advice::fine();
    assert!(fine.validate().is_ok());
    assert!(fine.report().is_empty());
}

/// Each rule, broken alone, is one warning, with the message, code, path
/// and value an error would have (its verb made "should").
#[test]
fn every_rule_warns_instead_of_failing() {
    let cases: Vec<(Advice, &str, &str, Option<&str>, &str)> = vec![
        (
            Advice {
                precision: Precision::Fp8Exp,
                ..Advice::fine()
            },
            "precision",
            "one_of",
            Some("\"fp8_exp\""),
            "precision should be one of \"bf16\", \"fp32\", not \"fp8_exp\"",
        ),
        (
            Advice {
                interval: Interval::EvalOnly,
                ..Advice::fine()
            },
            "interval",
            "none_of",
            Some("\"eval_only\""),
            "interval should not be \"eval_only\"",
        ),
        (
            Advice {
                dir: "/tmp".into(),
                ..Advice::fine()
            },
            "dir",
            "requires",
            Some("\"/tmp\""),
            "dir requires enable",
        ),
        (
            Advice {
                compress: true,
                ..Advice::fine()
            },
            "compress",
            "only_if",
            Some("true"),
            "compress may be set only when enable",
        ),
        (
            Advice {
                batch: 4,
                ..Advice::fine()
            },
            "batch",
            "range",
            Some("4"),
            "batch should be between 8 and 64, not 4",
        ),
        (
            Advice {
                modules: vec![Module::Encoder; 4],
                ..Advice::fine()
            },
            "modules",
            "length",
            Some("4"),
            "modules should have a length of at most 3, not 4",
        ),
        (
            Advice {
                tags: Vec::new(),
                ..Advice::fine()
            },
            "tags",
            "non_empty",
            None,
            "tags should not be empty",
        ),
        (
            Advice {
                legacy: Some("old".into()),
                ..Advice::fine()
            },
            "legacy",
            "forbidden",
            Some("\"old\""),
            "legacy should not be set",
        ),
        (
            Advice {
                window: 3,
                ..Advice::fine()
            },
            "window",
            "custom",
            Some("3"),
            "3 is odd",
        ),
    ];
    for (config, path, code, value, message) in &cases {
        warns(config, path, code, *value, message);
    }
}

#[test]
fn required_if_and_conflicts_with_warn() {
    warns(
        &Advice {
            enable: true,
            ..Advice::fine()
        },
        "name",
        "required_if",
        None,
        "name should be set when enable",
    );
    warns(
        &Advice {
            enable: true,
            compress: true,
            verbose: true,
            name: Some("x".into()),
            ..Advice::fine()
        },
        "verbose",
        "conflicts_with",
        Some("true"),
        "verbose should not be set when compress",
    );
}

/// A `custom(.., context)` warning gets its context from `report_with`;
/// without one, the missing context is a warning too, since the rule is.
#[test]
fn a_context_rule_warns_with_and_without_its_context() {
    let known_models = Known(vec!["enc"]);
    let config = Registered {
        model: "enc".into(),
    };
    assert!(config.report_with(&known_models).is_empty());
    let config = Registered {
        model: "dec".into(),
    };
    let report = config.report_with(&known_models);
    assert_eq!(report.len(), 1, "{report}");
    assert!(report.violations()[0].is_warning());
    check(
        &report.violations()[0],
        "model",
        "custom",
        Some("\"dec\""),
        "no model named \"dec\"",
    );
    assert!(config.validate_with(&known_models).is_ok());

    let report = config.report();
    assert_eq!(report.len(), 1, "{report}");
    assert!(report.violations()[0].is_warning());
    assert_eq!(
        report.violations()[0].to_string(),
        "this rule needs a context of type `Known`; pass one to `validate_with` or to a loader's `Options::context`"
    );
    assert!(config.validate().is_ok());
}

#[derive(Validate, Default)]
struct Train {
    #[range(
        min = 8,
        warn,
        message = "{path} is {value}; below 8 it rarely converges"
    )]
    #[range(max = 1024)]
    batch: u32,
    #[one_of("step", warn)]
    interval: Interval,
    #[nested]
    rho: Rho,
}

#[derive(Validate, Default)]
struct Rho {
    #[none_of("fp32", warn)]
    precision: Precision,
    #[range(max = 1.0)]
    ratio: f64,
}

/// A failed `validate()` holds the warnings beside the errors, in field
/// order; `report()` holds the same; the display marks the warnings.
#[test]
fn the_error_report_holds_the_warnings_too() {
    let train = Train {
        batch: 2000,
        interval: Interval::Chunk,
        rho: Rho {
            precision: Precision::Fp32,
            ratio: 2.0,
        },
    };
    assert!(!train.is_valid());
    let report = train.validate().unwrap_err();
    assert_eq!(report, train.report());
    assert!(report.has_errors());
    let kinds: Vec<(String, &str, bool)> = report
        .iter()
        .map(|v| (v.path().to_string(), v.code(), v.is_warning()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("batch".to_owned(), "range", false),
            ("interval".to_owned(), "one_of", true),
            ("rho.precision".to_owned(), "none_of", true),
            ("rho.ratio".to_owned(), "range", false),
        ]
    );
    assert_eq!(report.errors().count(), 2);
    assert_eq!(report.warnings().count(), 2);
    assert_eq!(
        report.to_string(),
        "batch must be at most 1024, not 2000\n\
         warning: interval should be \"step\", not \"chunk\"\n\
         warning: rho.precision should not be \"fp32\"\n\
         rho.ratio must be at most 1.0, not 2.0"
    );
}

/// Warnings below a `nested` field do not fail the struct above it: the
/// fast path of each level skips them.
#[test]
fn nested_warnings_leave_the_outer_config_valid() {
    let train = Train {
        batch: 4,
        interval: Interval::Step,
        rho: Rho {
            precision: Precision::Fp32,
            ratio: 0.5,
        },
    };
    assert!(train.is_valid());
    assert!(train.validate().is_ok());
    let report = train.report();
    let lines: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "batch is 4; below 8 it rarely converges",
            "rho.precision should not be \"fp32\""
        ]
    );
    assert!(report.iter().all(Violation::is_warning));
}

#[derive(Validate, Default)]
#[validate(gate = enable)]
struct Gated {
    enable: bool,
    #[forbidden(warn)]
    debug: bool,
    #[forbidden(warn, ungated)]
    trace: bool,
}

/// A gated warning waits for the gate like any rule; `ungated` does not.
#[test]
fn gated_warnings_wait_for_the_gate() {
    let off = Gated {
        enable: false,
        debug: true,
        trace: true,
    };
    warns(
        &off,
        "trace",
        "forbidden",
        Some("true"),
        "trace should not be set",
    );
    let on = Gated {
        enable: true,
        ..off
    };
    assert!(on.validate().is_ok());
    let paths: Vec<String> = on.report().iter().map(|v| v.path().to_string()).collect();
    assert_eq!(paths, ["debug", "trace"]);
}

#[derive(Validate, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Optimizer {
    Adam {
        #[range(max = 0.1, warn)]
        lr: f64,
    },
    Sgd,
}

#[test]
fn warnings_on_variant_fields() {
    warns(
        &Optimizer::Adam { lr: 0.5 },
        "lr",
        "range",
        Some("0.5"),
        "lr should be at most 0.1, not 0.5",
    );
    assert!(Optimizer::Sgd.report().is_empty());
}

/// A `one_of` that is only a warning rules no value out: a condition on a
/// value it leaves out can still hold, and two lists need no common value.
#[derive(Validate, Default)]
struct Advisory {
    #[one_of("bf16", warn)]
    #[one_of("fp32", "fp8_exp")]
    precision: Precision,
    #[only_if(precision = "fp32")]
    scale: Option<f64>,
}

#[test]
fn a_warning_is_no_contradiction() {
    let config = Advisory {
        precision: Precision::Fp32,
        scale: Some(1.0),
    };
    warns(
        &config,
        "precision",
        "one_of",
        Some("\"fp32\""),
        "precision should be \"bf16\", not \"fp32\"",
    );
}

/// A hand-written impl records warnings with `into_warning`; the default
/// `is_valid_with` (which runs `validate_into`) holds despite them.
struct Window(u32);

impl Validate for Window {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        if !self.0.is_power_of_two() {
            let path = at.field("size").to_path();
            report
                .push(Violation::new(path, "custom", "size is best a power of two").into_warning());
        }
    }
}

#[test]
fn hand_written_warnings() {
    let window = Window(6);
    assert!(window.is_valid());
    assert!(window.is_valid_with(&() as &dyn Any));
    assert!(window.validate().is_ok());
    warns(
        &window,
        "size",
        "custom",
        None,
        "size is best a power of two",
    );
    let violation = Violation::new(Path::root(), "custom", "x");
    assert!(!violation.is_warning());
}

/// As data: the rules say which are warnings, the docs mark them, and the
/// JSON Schema leaves them out (a schema has no warnings).
#[test]
fn warnings_as_data_docs_and_schema() {
    use lowbit_core::shape::{Kind, Named, Shape};

    let Kind::Named(named) = Train::shape() else {
        panic!("a named shape")
    };
    let Named::Struct(train) = named.describe() else {
        panic!("a struct")
    };
    let flags: Vec<(&str, bool)> = train
        .rules
        .iter()
        .map(|rule| (rule.code(), rule.warn))
        .collect();
    assert_eq!(
        flags,
        [
            ("range", true),
            ("range", false),
            ("one_of", true),
            ("nested", false)
        ]
    );

    let docs = lowbit_core::docs::markdown::<Train>();
    assert!(
        docs.contains(
            "| `batch` | `range` | at least 8 (warning) | batch is {value}; below 8 it rarely converges |"
        ),
        "{docs}"
    );
    assert!(
        docs.contains("| `rho.precision` | `none_of` | none of \"fp32\" (warning) |"),
        "{docs}"
    );
    assert!(
        docs.contains("| `batch` | `range` | at most 1024 | batch must be"),
        "{docs}"
    );

    let schema = lowbit_core::schema::json_schema::<Train>().to_string();
    assert!(schema.contains("\"maximum\":1024"), "{schema}");
    assert!(!schema.contains("\"minimum\":8"), "{schema}");
    assert!(!schema.contains("rarely converges"), "{schema}");
    assert!(!schema.contains("should"), "{schema}");
}

#[derive(Validate, Default)]
struct Staged {
    stage: u8,
    #[range(min = 8, warn, if(stage != 3))]
    batch: u32,
    #[multiple_of(8, warn)]
    width: u32,
}

/// `warn` with `if(..)`: a warning only while the condition holds, worded
/// as both say; and on `multiple_of`.
#[test]
fn a_guarded_warning() {
    warns(
        &Staged {
            stage: 1,
            batch: 4,
            width: 0,
        },
        "batch",
        "range",
        Some("4"),
        "batch should be at least 8 while stage != 3, not 4",
    );
    assert!(
        Staged {
            stage: 3,
            batch: 4,
            width: 0
        }
        .report()
        .is_empty()
    );
    warns(
        &Staged {
            stage: 3,
            batch: 8,
            width: 12,
        },
        "width",
        "multiple_of",
        Some("12"),
        "width should be a multiple of 8, not 12",
    );
}
