use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    #[one_of(true)]
    dir: String,
}

fn main() {}
