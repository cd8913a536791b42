use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    #[requires(enable, message = "a", message = "b")]
    dir: String,
    #[requires(enable, ungated, ungated)]
    mode: String,
    #[length(max = 10, max = 4)]
    name: String,
}

fn main() {}
