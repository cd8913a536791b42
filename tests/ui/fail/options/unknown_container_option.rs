use lowbit_core::Validate;

#[derive(Validate)]
#[validate(gates = enable)]
struct Quant {
    enable: bool,
}

fn main() {}
