use lowbit_core::Validate;

#[derive(Validate)]
struct Zero {
    stage: u8,
    #[range(min = 1.0, if(stag != 3))]
    scale: f64,
}

fn main() {}
