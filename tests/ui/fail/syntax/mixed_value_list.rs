use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_of("fp16", 8, true)]
    precision: String,
}

fn main() {}
