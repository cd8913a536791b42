use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    #[one_of("a",,"b")]
    mode: String,
}

fn main() {}
