use lowbit_core::Validate;

#[derive(Default)]
enum Interval {
    Step,
    #[default]
    Chunk,
}

#[derive(Validate)]
struct Rho {
    #[one_of("chunk")]
    interval: Option<Interval>,
    #[range(min = 1)]
    window: Option<Interval>,
}

fn main() {}
