use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[one_of("8", "16")]
    bits: u8,
}

fn main() {}
