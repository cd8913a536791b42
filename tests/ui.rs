//! Misuse of `#[derive(Validate)]` must not compile, and must say why at the
//! offending token. Each `tests/ui/fail/<area>/*.rs` has its expected
//! `.stderr` beside it; regenerate them with
//! `TRYBUILD=overwrite cargo test --test ui` and read the diff. Each
//! `tests/ui/pass/*.rs` compiles and runs its `main`.

use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}

/// The `.rs` files under `dir`, at any depth.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|_| panic!("{}", dir.display())) {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
    found
}

/// Every compile-fail case has its expected output committed beside it: one
/// without checks nothing but that it fails. Every case sits in an area's
/// folder, where the glob of `ui` finds it. And the suite stays broad.
#[test]
fn every_fail_case_has_its_stderr() {
    let root = Path::new("tests/ui/fail");
    let cases = rust_files(root);
    for path in &cases {
        assert_eq!(
            path.strip_prefix(root)
                .map(|within| within.components().count()),
            Ok(2),
            "{} is not in an area's folder, so `ui` does not run it",
            path.display()
        );
        let stderr = path.with_extension("stderr");
        let text = fs::read_to_string(&stderr)
            .unwrap_or_else(|_| panic!("{} has no {}", path.display(), stderr.display()));
        assert!(
            text.starts_with("error"),
            "{} does not start with an error",
            stderr.display()
        );
    }
    assert!(cases.len() >= 40, "only {} compile-fail cases", cases.len());
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
