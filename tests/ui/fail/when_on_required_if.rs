use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    strict: bool,
    #[required_if(strict, when = "x")]
    tag: String,
    #[range(min = 0.5, max = 2)]
    ratio: u32,
}

fn main() {}
