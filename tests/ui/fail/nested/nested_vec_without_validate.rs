use lowbit_core::Validate;

struct Layer {
    bits: u8,
}

#[derive(Validate)]
struct Model {
    #[nested]
    layers: Vec<Layer>,
}

fn main() {}
