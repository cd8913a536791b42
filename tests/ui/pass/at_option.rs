//! `at = sub.field`: a rule on a nested struct's field that needs this
//! struct's fields, reported at the nested path.
use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Mode {
    #[default]
    Disabled,
    Cached,
    Recompute,
}

#[derive(Validate, Default)]
struct Inner {
    tag: String,
}

#[derive(Validate, Default)]
struct Saved {
    mode: Mode,
    window: u32,
    inner: Inner,
}

#[derive(Validate, Default)]
struct Quant {
    enable: bool,
    #[requires(enable, at = mode)]
    #[none_of("recompute", at = mode)]
    #[range(max = 64, at = window)]
    #[non_empty(at = inner.tag)]
    saved: Saved,
}

fn main() {
    let quant = Quant {
        enable: false,
        saved: Saved {
            mode: Mode::Recompute,
            window: 65,
            inner: Inner::default(),
        },
    };
    let report = quant.validate().unwrap_err();
    let found: Vec<(String, &str)> = report
        .iter()
        .map(|v| (v.path().to_string(), v.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("saved.mode".to_owned(), "requires"),
            ("saved.mode".to_owned(), "none_of"),
            ("saved.window".to_owned(), "range"),
            ("saved.inner.tag".to_owned(), "non_empty"),
        ]
    );
    let fine = Quant {
        enable: true,
        saved: Saved {
            mode: Mode::Cached,
            window: 64,
            inner: Inner { tag: "x".into() },
        },
    };
    assert!(fine.validate().is_ok());
}
