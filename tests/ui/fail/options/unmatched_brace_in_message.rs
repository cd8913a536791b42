use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[range(min = 1, message = "{path} must be in {1, 2}")]
    size: u32,
}

fn main() {}
