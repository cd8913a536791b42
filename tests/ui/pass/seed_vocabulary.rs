//! The whole vocabulary in one struct, compiled under strict lints.
#![deny(warnings, clippy::pedantic)]

use std::collections::BTreeMap;

use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Mode {
    #[default]
    Disabled,
    Cached,
    Recompute,
}

#[derive(Deserialize, Validate, Default)]
struct Saved {
    mode: Mode,
    #[range(min = 1, max = 64)]
    bits: u8,
}

#[allow(clippy::unnecessary_wraps, clippy::trivially_copy_pass_by_ref)]
fn even(value: &u32) -> Result<(), String> {
    if value % 2 == 0 {
        Ok(())
    } else {
        Err(format!("{value} is odd"))
    }
}

#[derive(Deserialize, Validate, Default)]
#[validate(gate = enable)]
#[allow(clippy::struct_excessive_bools)]
struct Quant {
    enable: bool,
    #[none_of("disabled", at = mode)]
    #[requires(enable, at = mode, ungated, message = "{path} needs enable, got {value}")]
    #[nested]
    saved: Saved,
    #[one_of("a", "b")]
    name: String,
    #[only_if(all(enable, any(saved.mode = "cached", saved.mode in ("recompute")), not(strict)), when = "x")]
    #[conflicts_with(every(modules != "dec"))]
    tag: String,
    #[required_if(some(modules = "enc"))]
    #[length(min = 1, max = 4)]
    #[non_empty]
    modules: Vec<String>,
    strict: bool,
    #[custom(even)]
    #[range(max = 100)]
    window: u32,
    #[nested]
    layers: BTreeMap<String, Saved>,
    #[one_of("cached", "recompute")]
    fallback: Option<Mode>,
}

fn main() {
    // Gated off, only the ungated rule runs, and it holds.
    assert!(Quant::default().validate().is_ok());
    let quant = Quant {
        enable: true,
        name: "c".into(),
        window: 3,
        ..Quant::default()
    };
    let report = quant.validate().unwrap_err();
    let codes: Vec<&str> = report.iter().map(lowbit_core::Violation::code).collect();
    assert_eq!(
        codes,
        [
            "none_of",
            "range",
            "one_of",
            "length",
            "non_empty",
            "custom"
        ],
        "{report}"
    );
}
