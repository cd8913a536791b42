use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    interval: String,
    #[only_if(interval == "chunk")]
    compression: String,
}

fn main() {}
