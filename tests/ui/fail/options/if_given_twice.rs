use lowbit_core::Validate;

#[derive(Validate)]
struct Zero {
    stage: u8,
    enable: bool,
    #[range(min = 1.0, if(stage != 3), if(enable))]
    scale: f64,
}

fn main() {}
