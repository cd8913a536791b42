use lowbit_core::Validate;

#[derive(Validate, Default)]
struct Rho {
    #[range(max = 1.0, warn)]
    ratio: f64,
}

#[derive(Validate)]
struct Model {
    #[nested(warn)]
    rho: Rho,
}

fn main() {}
