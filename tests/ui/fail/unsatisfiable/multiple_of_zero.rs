use lowbit_core::Validate;

#[derive(Validate)]
struct Batch {
    #[multiple_of(0)]
    size: u32,
}

fn main() {}
