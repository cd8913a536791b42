use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_of("fp32", "bf16")]
    #[one_of("fp8_exp")]
    precision: String,
}

fn main() {}
