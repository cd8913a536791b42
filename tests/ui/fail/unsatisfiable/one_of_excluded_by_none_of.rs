use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_of("bf16")]
    #[none_of("bf16")]
    precision: String,
}

fn main() {}
