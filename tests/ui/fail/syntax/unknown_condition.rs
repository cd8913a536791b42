use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    modules: Vec<String>,
    #[requires(evry(modules = "encoder"))]
    encoder_only: bool,
}

fn main() {}
