use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_of(Fp32, Bf16)]
    precision: String,
    #[none_of(Precision::Fp8)]
    fallback: String,
}

fn main() {}
