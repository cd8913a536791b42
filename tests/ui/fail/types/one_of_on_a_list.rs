use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    #[one_of("encoder", "decoder")]
    target_modules: Vec<String>,
}

fn main() {}
