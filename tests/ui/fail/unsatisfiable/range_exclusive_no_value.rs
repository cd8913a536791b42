// A strict bound excludes its own value: no float is above 1.0 and below
// 1.0, and no integer lies strictly between 1 and 2.
use lowbit_core::Validate;

#[derive(Validate)]
struct Training {
    #[range(exclusive_min = 1.0, exclusive_max = 1.0)]
    ratio: f64,
    #[range(min = 0.5, exclusive_max = 0.5)]
    decay: f64,
    #[range(exclusive_min = 1, exclusive_max = 2)]
    workers: u32,
    #[range(exclusive_min = 1, max = 1)]
    threads: u32,
}

fn main() {}
