use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_of("chunk", "step")]
    #[none_of("step")]
    interval: String,
    #[one_of("none")]
    precision: String,
    #[only_if(precision = "fp8")]
    compression: String,
    #[range(min = 10, max = 1)]
    window: u32,
}

fn main() {}
