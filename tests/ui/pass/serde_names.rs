//! Rules name fields by their Rust names and variants by their serde names;
//! reports name both as the config file does.
use lowbit_core::{Validate, VariantNames};
use serde::Deserialize;

#[derive(Deserialize, Validate, Default, Debug, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Compression {
    #[default]
    None,
    Int8BlockExp,
    #[serde(rename = "fp8")]
    Fp8BlockExp,
    #[serde(rename(deserialize = "legacy-int4", serialize = "int4"))]
    Int4,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
struct Window {
    #[range(min = 1)]
    chunk_size: u32,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase", default)]
struct Rho {
    compression_interval: String,
    #[only_if(compression_interval = "chunk", when("int8-block-exp", "fp8"))]
    #[none_of("legacy-int4")]
    compression: Compression,
    #[serde(rename = "type")]
    #[one_of("rho")]
    r#type: String,
    #[serde(flatten)]
    #[nested]
    window: Window,
}

fn main() {
    assert_eq!(
        Compression::NAMES,
        ["none", "int8-block-exp", "fp8", "legacy-int4"]
    );
    assert_eq!(Compression::default_name(), Some("none"));
    assert_eq!(Compression::index_of("fp8"), Some(2));
    assert_eq!(Compression::Int4.serde_name(), "legacy-int4");

    let rho: Rho = toml::from_str(
        r#"
        compressionInterval = "step"
        compression = "fp8"
        type = "alpha"
        chunkSize = 0
        "#,
    )
    .unwrap();
    assert_eq!(rho.compression, Compression::Fp8BlockExp);
    let report = rho.validate().unwrap_err();
    let lines: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            r#"compression = "fp8" is allowed only when compressionInterval = "chunk""#,
            r#"type must be "rho", not "alpha""#,
            "chunkSize must be at least 1, not 0",
        ]
    );
}
