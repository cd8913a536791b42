use lowbit_core::Validate;

#[derive(Validate)]
#[validate(krate = "lowbit_core")]
struct Quant {
    enable: bool,
}

fn main() {}
