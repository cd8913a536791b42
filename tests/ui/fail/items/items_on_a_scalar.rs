// `items` and `keys` need a collection: on a string, or on a sequence
// (which has no keys), the error is at the rule and names what has items.
// Each rule inside, which reads an item, repeats it at its own tokens.
use lowbit_core::Validate;

#[derive(Validate)]
struct Config {
    #[items(non_empty)]
    name: String,
    #[keys(length(max = 3))]
    tags: Vec<String>,
}

fn main() {}
