// An untagged enum is read from its contents (`lto = true`, `lto = "fat"`):
// no config file spells a variant's name, so no rule may name one.
use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate)]
#[serde(untagged)]
enum Lto {
    Bool(bool),
    Named(String),
}

#[derive(Deserialize, Validate)]
struct Profile {
    #[none_of("Bool")]
    lto: Lto,
}

fn main() {}
