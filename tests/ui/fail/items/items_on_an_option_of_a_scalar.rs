// An `Option` has items when what it holds does: `items` on an
// `Option<String>` says so, and that rules on the field apply to the inside.
use lowbit_core::Validate;

#[derive(Validate)]
struct Config {
    #[items(length(max = 3))]
    nickname: Option<String>,
}

fn main() {}
