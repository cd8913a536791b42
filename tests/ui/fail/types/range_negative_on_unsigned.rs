use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[range(min = -1)]
    size: u32,
}

fn main() {}
