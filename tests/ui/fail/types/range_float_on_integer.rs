use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[range(min = 1.5)]
    size: u32,
}

fn main() {}
