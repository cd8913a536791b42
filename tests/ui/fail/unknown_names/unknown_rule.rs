use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_off("chunk")]
    interval: String,
}

fn main() {}
