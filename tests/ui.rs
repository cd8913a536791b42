//! Misuse of `#[derive(Validate)]` must not compile, and must say why at the
//! offending token. Each `tests/ui/fail/*.rs` has its expected `.stderr`
//! beside it; regenerate them with `TRYBUILD=overwrite cargo test --test ui`
//! and read the diff. Each `tests/ui/pass/*.rs` compiles and runs its `main`.

use std::fs;
use std::path::Path;

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}

/// Every compile-fail case has its expected output committed beside it: one
/// without checks nothing but that it fails. And the suite stays broad.
#[test]
fn every_fail_case_has_its_stderr() {
    let mut cases = 0;
    for entry in fs::read_dir("tests/ui/fail").expect("tests/ui/fail") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|ext| ext == "rs") {
            cases += 1;
            let stderr = path.with_extension("stderr");
            let text = fs::read_to_string(&stderr)
                .unwrap_or_else(|_| panic!("{} has no {}", path.display(), stderr.display()));
            assert!(
                text.starts_with("error"),
                "{} does not start with an error",
                stderr.display()
            );
        }
    }
    assert!(cases >= 40, "only {cases} compile-fail cases");
    let passing = fs::read_dir("tests/ui/pass")
        .expect("tests/ui/pass")
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|entry| entry.path().extension().is_some_and(|ext| ext == "rs"))
        })
        .count();
    assert!(passing >= 10, "only {passing} compile-pass cases");
}

/// The errors README.md shows are the ones rustc prints today: each block
/// of its "Compile-time errors" section is a case's `.stderr`, whole.
#[test]
fn readme_shows_current_errors() {
    let readme = fs::read_to_string("README.md").expect("README.md");
    let section = readme
        .split("\n## ")
        .find(|section| section.starts_with("Compile-time errors"))
        .expect("README.md has a section \"Compile-time errors\"");
    let blocks: Vec<&str> = section
        .split("```text\n")
        .skip(1)
        .map(|rest| rest.split("```").next().expect("a closed block"))
        .collect();
    assert_eq!(blocks.len(), 3, "the section shows three errors");
    for block in blocks {
        let case = block
            .lines()
            .find_map(|line| line.trim_start().strip_prefix("--> "))
            .and_then(|location| location.split(':').next())
            .unwrap_or_else(|| panic!("no location in:\n{block}"));
        let stderr = Path::new(case).with_extension("stderr");
        let expected = fs::read_to_string(&stderr)
            .unwrap_or_else(|_| panic!("README.md quotes {}, which is missing", stderr.display()));
        assert_eq!(
            block.trim_end(),
            expected.trim_end(),
            "README.md quotes {} as it no longer is",
            stderr.display()
        );
    }
}
