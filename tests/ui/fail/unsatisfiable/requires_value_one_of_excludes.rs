use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[one_of("chunk", "step")]
    interval: String,
    #[requires(interval = "eval_only")]
    carry: bool,
}

fn main() {}
