use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    #[requires(enable)]
    #[conflicts_with(enable)]
    dir: String,
}

fn main() {}
