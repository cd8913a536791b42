use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    enable: bool,
    #[only_if(every(enable = "encoder"))]
    strict: bool,
}

fn main() {}
