use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_of]
    precision: String,
}

fn main() {}
