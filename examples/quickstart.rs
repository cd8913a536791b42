//! Loads the bundled example configs, validates them, and prints every
//! violation with its path, rule and offending value.
//!
//! ```text
//! cargo run --example quickstart
//! ```

use bitnet_config::ModelConfig;
use lowbit_core::{Path, PathSegment, Validate};
use serde::Deserialize;

/// A config file: its `[model]` table is the port's `ModelConfig` (`bitnet_config`).
#[derive(Deserialize)]
struct ConfigFile {
    #[serde(default)]
    model: ModelConfig,
}

const CONFIGS: [(&str, &str); 2] = [
    (
        "examples/configs/good.toml",
        include_str!("configs/good.toml"),
    ),
    (
        "examples/configs/broken.toml",
        include_str!("configs/broken.toml"),
    ),
];

fn main() {
    // Paths in reports start at the validated value; in the file it sits
    // under `[model]`.
    let model = Path::from_segments(vec![PathSegment::Field("model".into())]);
    for (name, text) in CONFIGS {
        let file: ConfigFile = match toml::from_str(text) {
            Ok(file) => file,
            Err(error) => {
                println!("{name}: not a config: {error}");
                continue;
            }
        };
        match file.model.validate() {
            Ok(()) => println!("{name}: valid"),
            Err(report) => {
                println!("{name}: {} violations", report.len());
                for violation in &report {
                    print!(
                        "  - {violation}\n    at {} ({})",
                        violation.path().prefixed(&model),
                        violation.code()
                    );
                    match violation.value() {
                        Some(value) => println!(", value {value}"),
                        None => println!(),
                    }
                }
            }
        }
    }
}
