// The rules inside `items` are checked against the item's type, and an
// error blames the rule inside.
use lowbit_core::Validate;

#[derive(Validate)]
struct Config {
    #[items(range(min = 1))]
    names: Vec<String>,
    #[keys(one_of(1, 2))]
    ports: std::collections::HashMap<String, u16>,
}

fn main() {}
