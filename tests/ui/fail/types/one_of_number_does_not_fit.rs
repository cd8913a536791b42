use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    #[one_of(1, 2, 1000)]
    bits: u8,
}

fn main() {}
