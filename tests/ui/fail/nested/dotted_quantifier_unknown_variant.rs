use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Module {
    #[default]
    Encoder,
    Decoder,
}

#[derive(Validate)]
struct Targets {
    modules: Vec<Module>,
}

#[derive(Validate)]
struct Quant {
    // The modules are spelled "encoder" and "decoder".
    #[requires(every(targets.modules = "encodr"))]
    enable: bool,
    targets: Targets,
}

fn main() {}
