use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    #[length(min = 4, max = 2)]
    modules: Vec<String>,
    #[length(equal = 3, max = 4)]
    name: String,
}

fn main() {}
