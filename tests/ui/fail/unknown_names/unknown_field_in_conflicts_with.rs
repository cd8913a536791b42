use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    precision: String,
    compression: String,
    #[conflicts_with(any(precison = "fp8_exp", not(compresion)))]
    detach: bool,
}

fn main() {}
