use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    strict: bool,
    #[required_if(strict, when = "x")]
    tag: String,
}

fn main() {}
