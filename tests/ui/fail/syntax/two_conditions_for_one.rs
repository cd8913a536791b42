use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    strict: bool,
    #[required_if(enable, strict)]
    dir: String,
}

fn main() {}
