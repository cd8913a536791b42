use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    enable: bool,
    #[requires(enable, when())]
    compression: String,
}

fn main() {}
