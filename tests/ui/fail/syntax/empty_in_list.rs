use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    precision: String,
    #[only_if(precision in ())]
    compression: String,
}

fn main() {}
