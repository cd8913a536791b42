//! Documents of many unknown keys, and what the check program prints for
//! them: shared by `tests/hostile.rs`, which bounds the bytes printed, and
//! the `hostile` bench of `lowbit-bench`, which bounds the instructions.

use bitnet_config::ModelConfig;
use lowbit_core::toml::Options;

/// A `[model.quant]` with `count` unknown keys: in one inline table, or one
/// a line.
pub fn unknown_keys(count: usize, inline: bool) -> String {
    let keys: Vec<String> = (0..count).map(|at| format!("unknown{at} = {at}")).collect();
    if inline {
        format!("[model]\nquant = {{ {} }}\n", keys.join(", "))
    } else {
        format!("[model.quant]\n{}\n", keys.join("\n"))
    }
}

/// The bytes of every diagnostic of `source`, loaded as the model's table,
/// drawn and written as JSON: what the check program prints for it.
pub fn drawn(source: &str) -> usize {
    let loaded = Options::new().table("model").load::<ModelConfig>(source);
    loaded
        .diagnostics()
        .iter()
        .map(|diagnostic| {
            diagnostic.render("f.toml", source, false).len() + diagnostic.to_json("f.toml").len()
        })
        .sum()
}
