use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[range(min = 1, max = 300)]
    bits: u8,
}

fn main() {}
