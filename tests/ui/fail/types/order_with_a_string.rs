use lowbit_core::Validate;

#[derive(Validate)]
struct Stage {
    stage: u8,
    #[requires(stage > "2")]
    partition: bool,
}

fn main() {}
