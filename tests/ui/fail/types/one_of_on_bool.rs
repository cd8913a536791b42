use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    #[one_of("yes")]
    enable: bool,
}

fn main() {}
