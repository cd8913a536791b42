//! `#[validate(gate = ..)]` switches a struct's rules, and its nested
//! fields', off while the gate is unset; `ungated` rules run regardless.
use lowbit_core::Validate;

#[derive(Validate, Default)]
struct Saved {
    #[range(min = 1, max = 8)]
    bits: u8,
}

#[derive(Validate, Default)]
#[validate(gate = enable)]
struct Quant {
    enable: bool,
    #[non_empty]
    dir: String,
    #[requires(enable, ungated, message = "{path} is set while quantization is off")]
    mode: Option<String>,
    #[nested]
    saved: Saved,
}

#[derive(Validate, Default)]
#[validate(gate = quant.enable)]
struct Model {
    quant: Quant,
    #[one_of("bitnet")]
    family: String,
}

fn paths(config: &impl Validate) -> Vec<String> {
    match config.validate() {
        Ok(()) => Vec::new(),
        Err(report) => report.iter().map(|v| v.path().to_string()).collect(),
    }
}

fn main() {
    // Off: an empty dir and bits of 0 are not looked at.
    assert!(Quant::default().is_valid());
    let off_but_set = Quant {
        mode: Some("cached".into()),
        ..Quant::default()
    };
    let report = off_but_set.validate().unwrap_err();
    assert_eq!(
        report.to_string().trim_end(),
        "mode is set while quantization is off"
    );
    let on = Quant {
        enable: true,
        ..Quant::default()
    };
    assert_eq!(paths(&on), ["dir", "saved.bits"]);

    // A gate reached through a dotted path.
    assert!(Model::default().is_valid());
    let model = Model {
        quant: Quant {
            enable: true,
            ..Quant::default()
        },
        family: "llama".into(),
    };
    assert_eq!(paths(&model), ["family"]);
}
