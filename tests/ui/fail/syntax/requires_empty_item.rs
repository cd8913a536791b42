use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    #[requires(,)]
    strict: Option<bool>,
    enable: bool,
}

fn main() {}
