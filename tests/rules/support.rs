//! Assertions shared by every test. Each also checks that `is_valid`, the
//! fast path of `validate`, agrees with it.
//!
//! Where the same accept/reject shape repeats, a file lists its cases in a
//! [`table`]: named groups of rows, each a config and its verdict, run by one
//! loop that names the failing row.

use super::{Validate, Violation};

/// Fails unless `config` breaks no rule.
#[track_caller]
pub fn passes(config: &impl Validate) {
    passes_as("", config);
}

/// The one violation `config` breaks; fails if it breaks none or several.
#[track_caller]
pub fn single(config: &impl Validate) -> Violation {
    single_as("", config)
}

/// Asserts every observable part of a violation.
#[track_caller]
pub fn check(violation: &Violation, path: &str, code: &str, value: Option<&str>, message: &str) {
    check_as("", violation, path, code, value, message);
}

/// `config` breaks exactly one rule, and it is this one.
#[track_caller]
pub fn rejects(config: &impl Validate, path: &str, code: &str, value: Option<&str>, message: &str) {
    check_as("", &single_as("", config), path, code, value, message);
}

/// What validating a row's config must give.
enum Verdict<'a> {
    Passes,
    Rejects {
        path: &'a str,
        code: &'a str,
        value: Option<&'a str>,
        message: String,
    },
}

/// One row of a [`table`]: a config and its verdict.
pub struct Case<'a> {
    config: &'a dyn Validate,
    verdict: Verdict<'a>,
}

/// A row whose config breaks no rule.
pub fn pass(config: &dyn Validate) -> Case<'_> {
    Case {
        config,
        verdict: Verdict::Passes,
    }
}

/// A row whose config breaks exactly one rule, the one described: the
/// checks of [`rejects`].
pub fn reject<'a>(
    config: &'a dyn Validate,
    path: &'a str,
    code: &'a str,
    value: Option<&'a str>,
    message: impl Into<String>,
) -> Case<'a> {
    Case {
        config,
        verdict: Verdict::Rejects {
            path,
            code,
            value,
            message: message.into(),
        },
    }
}

/// Checks every row of every group in order; a failure names its group and
/// row.
#[track_caller]
pub fn table(groups: &[(&str, &[Case<'_>])]) {
    assert!(!groups.is_empty(), "an empty table checks nothing");
    for (name, cases) in groups {
        assert!(!cases.is_empty(), "{name}: a group without rows");
        for (index, case) in cases.iter().enumerate() {
            check_row(&format!("{name}, row {index}: "), case);
        }
    }
}

#[track_caller]
fn check_row(label: &str, case: &Case<'_>) {
    match &case.verdict {
        Verdict::Passes => passes_as(label, case.config),
        Verdict::Rejects {
            path,
            code,
            value,
            message,
        } => check_as(
            label,
            &single_as(label, case.config),
            path,
            code,
            *value,
            message,
        ),
    }
}

#[track_caller]
fn passes_as(label: &str, config: &dyn Validate) {
    if let Err(report) = config.validate() {
        panic!("{label}expected no violation, got:\n{report}");
    }
    assert!(config.is_valid(), "{label}is_valid disagrees with validate");
}

#[track_caller]
fn single_as(label: &str, config: &dyn Validate) -> Violation {
    assert!(
        !config.is_valid(),
        "{label}is_valid disagrees with validate"
    );
    let Err(report) = config.validate() else {
        panic!("{label}expected a violation");
    };
    assert_eq!(
        report.len(),
        1,
        "{label}expected one violation, got:\n{report}"
    );
    report.into_iter().next().expect("one violation")
}

#[track_caller]
fn check_as(
    label: &str,
    violation: &Violation,
    path: &str,
    code: &str,
    value: Option<&str>,
    message: &str,
) {
    assert_eq!(violation.to_string(), message, "{label}message");
    assert_eq!(violation.code(), code, "{label}code");
    assert_eq!(violation.path().to_string(), path, "{label}path");
    assert_eq!(
        violation.value().map(|v| v.to_string()).as_deref(),
        value,
        "{label}value"
    );
}
