use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    interval: String,
    #[only_if(interval = chunk)]
    compression: String,
    #[requires(interval in (chunk, step))]
    carry: bool,
}

fn main() {}
