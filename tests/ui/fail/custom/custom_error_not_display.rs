use lowbit_core::Validate;

struct NotPositive;

fn positive(value: &i64) -> Result<(), NotPositive> {
    if *value > 0 { Ok(()) } else { Err(NotPositive) }
}

#[derive(Validate)]
struct Window {
    #[custom(positive)]
    size: i64,
}

fn main() {}
