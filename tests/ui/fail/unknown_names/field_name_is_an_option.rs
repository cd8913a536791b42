use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    #[requires(enable, mesage = "dir needs enable")]
    dir: String,
}

fn main() {}
