use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    #[requires(enable = 1)]
    dir: String,
}

fn main() {}
