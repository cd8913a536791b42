use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[range(min = 1, max = 64, message = "{path} must be 1..=64, not {vaule}")]
    size: u32,
}

fn main() {}
