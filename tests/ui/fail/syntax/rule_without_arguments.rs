use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    #[requires]
    dir: String,
    #[range]
    size: u32,
}

fn main() {}
