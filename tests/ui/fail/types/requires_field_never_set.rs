use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    size: u32,
    #[requires(size)]
    stride: Option<u32>,
}

fn main() {}
