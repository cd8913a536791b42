use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    strict_bitnet_reference: bool,
    #[required_if(strict_bitnet_refrence)]
    target_modules: Vec<String>,
}

fn main() {}
