//! `#[validate(crate = "..")]` for a crate that reaches lowbit-core by
//! another name, and the same path written bare (`crate = lb`).
use lowbit_core as lb;

#[derive(lb::Validate, Default)]
#[validate(crate = "lb")]
struct Saved {
    enable: bool,
    #[requires(enable)]
    dir: String,
}

#[derive(lb::Validate, Default)]
#[validate(crate = lb)]
enum Mode {
    #[default]
    Off,
    On,
}

fn main() {
    use lb::{Validate, VariantNames};

    let saved = Saved {
        enable: false,
        dir: "/tmp".into(),
    };
    let report = saved.validate().unwrap_err();
    assert_eq!(report.to_string().trim_end(), "dir requires enable");
    assert_eq!(Mode::NAMES, ["Off", "On"]);
    assert!(Mode::On.validate().is_ok());
}
