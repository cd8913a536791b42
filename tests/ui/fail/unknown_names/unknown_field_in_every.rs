use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    modules: Vec<String>,
    #[requires(every(moduls = "encoder"))]
    encoder_only: bool,
}

fn main() {}
