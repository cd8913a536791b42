use lowbit_core::Validate;

// Each malformed option is reported, and the rest are still read: the
// second `gate` is a duplicate even though the first had no value.
#[derive(Validate)]
#[validate(gate, crate = 1)]
#[validate(gate = enable, gate = enable)]
#[validate(self::gate = enable)]
struct Quant {
    enable: bool,
    #[requires(enable)]
    bits: Option<u8>,
}

#[derive(Validate)]
#[validate]
struct Bare {
    enable: bool,
}

fn main() {}
