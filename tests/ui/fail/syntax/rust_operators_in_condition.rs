use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    enable: bool,
    strict: bool,
    #[requires(enable && strict)]
    carry: bool,
    #[requires(!enable)]
    detach: bool,
}

fn main() {}
