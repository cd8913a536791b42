use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    enable: bool,
    #[only_if(enable = "true")]
    strict: bool,
}

fn main() {}
