// No file sets a skipped field, so a group cannot count it.
use lowbit_core::Validate;

#[derive(serde::Deserialize, Validate)]
#[validate(at_most_one(exec, cache))]
struct Probe {
    exec: Option<String>,
    #[serde(skip)]
    cache: Option<String>,
}

fn main() {}
