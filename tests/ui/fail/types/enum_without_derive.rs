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
    interval: Interval,
}

fn main() {}
