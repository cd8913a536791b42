use lowbit_core::Validate;

fn positive(value: i64) -> bool {
    value > 0
}

#[derive(Validate)]
struct Window {
    #[custom(positive)]
    size: i64,
}

fn main() {}
