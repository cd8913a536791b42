use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[range(1..=10)]
    size: u32,
}

fn main() {}
