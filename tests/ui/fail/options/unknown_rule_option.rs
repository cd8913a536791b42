use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_of("bf16", "fp32", mesage = "precision must be bf16")]
    precision: String,
}

fn main() {}
