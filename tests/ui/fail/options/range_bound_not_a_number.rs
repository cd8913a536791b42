use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[range(min = "1", max = 64)]
    size: u32,
}

fn main() {}
