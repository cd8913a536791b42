use lowbit_core::Validate;

#[derive(Validate)]
struct Limits {
    #[requires(max_bytes >= min_bytes)]
    min_bytes: Option<u32>,
    max_bytes: Option<u64>,
}

fn main() {}
