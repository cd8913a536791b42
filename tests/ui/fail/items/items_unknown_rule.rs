// Inside `items`: a misspelled rule gets a did-you-mean, a bare value and a
// message on `items` itself say where they go, and an empty list needs a rule.
use lowbit_core::Validate;

#[derive(Validate)]
struct Config {
    #[items(one_off("a"))]
    a: Vec<String>,
    #[items("a", "b")]
    b: Vec<String>,
    #[items(non_empty, message = "each must be set")]
    c: Vec<String>,
    #[items()]
    d: Vec<String>,
    #[keys]
    e: std::collections::BTreeMap<String, u8>,
    #[items(one_of("a", at = x))]
    f: Vec<String>,
    #[items(non_empty(ungated))]
    g: Vec<String>,
}

fn main() {}
