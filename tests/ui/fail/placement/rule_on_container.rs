use lowbit_core::Validate;

#[derive(Validate)]
#[requires(enable)]
struct Quant {
    enable: bool,
}

fn main() {}
