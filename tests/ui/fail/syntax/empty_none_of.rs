use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[none_of()]
    protocol: String,
}

fn main() {}
