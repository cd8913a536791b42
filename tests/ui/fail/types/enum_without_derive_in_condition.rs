use lowbit_core::Validate;

#[derive(Default)]
enum Interval {
    Step,
    #[default]
    Chunk,
}

#[derive(Validate)]
struct Rho {
    interval: Interval,
    #[only_if(interval = "chunk")]
    compression: Option<String>,
    #[requires(interval)]
    carry: bool,
}

fn main() {}
