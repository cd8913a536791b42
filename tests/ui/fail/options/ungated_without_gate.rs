use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    #[requires(enable, ungated)]
    dir: String,
}

fn main() {}
