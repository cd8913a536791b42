use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    #[range(min = 0.5, max = 2)]
    ratio: f64,
}

fn main() {}
