use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    interval: String,
    #[only_if(interval = "chunk", mesage = "compression needs chunks")]
    compression: String,
    #[conflicts_with(interval = "step", whn = "int8")]
    precision: String,
}

fn main() {}
