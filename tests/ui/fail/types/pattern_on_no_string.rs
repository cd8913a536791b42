use lowbit_core::Validate;

#[derive(Validate)]
struct Limits {
    #[pattern("^[0-9]+$")]
    count: u32,
    #[pattern("^[a-z]+$")]
    tags: Vec<String>,
}

fn main() {}
