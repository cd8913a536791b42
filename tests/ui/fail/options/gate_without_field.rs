use lowbit_core::Validate;

#[derive(Validate)]
#[validate(gate = )]
struct Quant {
    enable: bool,
}

fn main() {}
