//! Assertions shared by every test. Each also checks that `is_valid`, the
//! fast path of `validate`, agrees with it.

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
pub fn check(violation: &Violation, path: &str, code: &str, value: Option<&str>, message: &str) {
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
pub fn rejects(config: &impl Validate, path: &str, code: &str, value: Option<&str>, message: &str) {
    check(&single(config), path, code, value, message);
}
