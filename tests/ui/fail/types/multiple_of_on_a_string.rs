use lowbit_core::Validate;

#[derive(Validate)]
struct Batch {
    #[multiple_of(8)]
    size: String,
}

fn main() {}
