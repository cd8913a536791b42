// Rules between fields and `nested` do not go inside `items`: each error
// says what to write instead.
use lowbit_core::Validate;

#[derive(Validate)]
struct Config {
    enable: bool,
    #[items(requires(enable))]
    names: Vec<String>,
    #[keys(only_if(enable))]
    labels: std::collections::BTreeMap<String, String>,
    #[items(nested)]
    layers: Vec<String>,
}

fn main() {}
