//! What the loader tests read of a `Loaded`: where each diagnostic points.
//! Shared by `toml_load`, `json_load`, `yaml_load` and `hostile`, whose
//! loaders all return `lowbit_core::load::Loaded`.

#![allow(dead_code)]

use lowbit_core::diagnostic::Diagnostic;
use lowbit_core::load::Loaded;

/// The text `diagnostic` points at.
pub fn pointed<'s>(source: &'s str, diagnostic: &Diagnostic) -> &'s str {
    &source[diagnostic.span()]
}

/// `(code, path, line, column)` of each diagnostic, for comparing at a glance.
pub fn summary(loaded: &Loaded<impl Sized>) -> Vec<(&'static str, String, usize, usize)> {
    loaded
        .diagnostics()
        .iter()
        .map(|d| (d.code(), d.path().to_owned(), d.line(), d.column()))
        .collect()
}

/// `rows` in the form `summary` returns.
pub fn owned(
    rows: &[(&'static str, &str, usize, usize)],
) -> Vec<(&'static str, String, usize, usize)> {
    rows.iter()
        .map(|&(code, path, line, column)| (code, path.to_owned(), line, column))
        .collect()
}
