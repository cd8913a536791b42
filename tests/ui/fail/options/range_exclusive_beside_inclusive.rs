// `min` and `exclusive_min` are one bound written two ways; a length has no
// strict bounds.
use lowbit_core::Validate;

#[derive(Validate)]
struct Training {
    #[range(min = 0.0, exclusive_min = 0.0)]
    dropout: f64,
    #[range(exclusive_max = 1.0, max = 1.0)]
    decay: f64,
    #[length(exclusive_max = 8)]
    name: String,
}

fn main() {}
