use lowbit_core::Validate;

#[derive(Validate)]
#[validate(gate = enabled)]
struct Saved {
    enable: bool,
    #[non_empty]
    dir: String,
}

fn main() {}
