//! `when` narrows `requires`, `only_if` and `conflicts_with` to some values
//! of their field, written as one value or as a list.
use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Format {
    #[default]
    Fp16,
    Uint8PosExp,
    Int8BlockExp,
    Fp8BlockExp,
}

#[derive(Validate, Default)]
struct Quant {
    enable: bool,
    interval: String,
    #[requires(enable, when = "uint8_pos_exp")]
    #[only_if(interval = "chunk", when("int8_block_exp", "fp8_block_exp"))]
    #[conflicts_with(enable, when = "fp8_block_exp")]
    format: Format,
    #[required_if(format = "uint8_pos_exp")]
    scale: Option<f32>,
}

fn codes(quant: &Quant) -> Vec<(String, &'static str)> {
    match quant.validate() {
        Ok(()) => Vec::new(),
        Err(report) => report.iter().map(|v| (v.to_string(), v.code())).collect(),
    }
}

fn main() {
    // The default value triggers nothing, though it is a value of the field.
    assert!(Quant::default().validate().is_ok());
    let uint8 = Quant {
        format: Format::Uint8PosExp,
        ..Quant::default()
    };
    assert_eq!(
        codes(&uint8),
        [
            (
                r#"format = "uint8_pos_exp" requires enable"#.to_owned(),
                "requires"
            ),
            (
                r#"scale must be set when format = "uint8_pos_exp""#.to_owned(),
                "required_if"
            ),
        ]
    );
    let fp8 = Quant {
        enable: true,
        format: Format::Fp8BlockExp,
        interval: "step".into(),
        scale: None,
    };
    assert_eq!(
        codes(&fp8),
        [
            (
                r#"format = "fp8_block_exp" is allowed only when interval = "chunk""#.to_owned(),
                "only_if"
            ),
            (
                r#"format = "fp8_block_exp" conflicts with enable"#.to_owned(),
                "conflicts_with"
            ),
        ]
    );
    let int8 = Quant {
        format: Format::Int8BlockExp,
        interval: "chunk".into(),
        ..Quant::default()
    };
    assert!(int8.is_valid());
}
