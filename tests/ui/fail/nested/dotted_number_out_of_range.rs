use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    bits: u8,
}

#[derive(Validate)]
struct Quant {
    // A `u8` never holds 300.
    #[requires(saved.bits = 300)]
    enable: bool,
    saved: Option<Saved>,
}

fn main() {}
