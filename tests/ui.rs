//! Misuse of `#[derive(Validate)]` must not compile, and must say why at the
//! offending token. Each `tests/ui/*.rs` has its expected `.stderr` beside it;
//! regenerate them with `TRYBUILD=overwrite cargo test --test ui` and read
//! the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
