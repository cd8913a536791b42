use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    #[requires(enabel)]
    dir: String,
}

fn main() {}
